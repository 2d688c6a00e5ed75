"""A project's budget against what was spent, its income, its volunteer hours (rules 40-44).

``project_report`` folds one project's events, the events of the funds it draws on and
the volunteer figures fold into a ``ProjectReport``. Its figures, and what each counts:

* per budget line: ``budgeted_fen`` (as opened), ``amended_fen`` (the amendments' sum),
  ``budget_fen`` (the two together: the line's budget now); of the disbursement requests
  naming the line, ``requested_fen`` (awaiting approval), ``approved_fen`` (approved, not
  paid, including a payment reversed as an error, whose money is reserved again) and
  ``paid_fen``; ``committed_fen`` is their sum and ``remaining_fen`` the budget less it
  (rule 42: negative only where the station's policy allowed spending over budget). A
  request rejected or withdrawn counts nowhere.
* income: gifts naming the project, cash (``income_cash_fen``, less refunds of those
  gifts and gifts reversed as errors) and goods at their booked value
  (``income_in_kind_fen``, less gifts reversed).
* spending: ``spending_fen``, what was paid on the project's lines (payments reversed as
  errors not counted): the sum of the disbursements naming it that stand paid.
* volunteer service: records naming the project (their own, or their activity's) that
  count (approved, not voided) and are volunteer service (rule 4): ``person_times``
  (人次), ``volunteers``, ``service_s`` and ``service_hours``, rounded half up after
  summing the seconds (rule 1).
* people served: ``people_served_times`` (人次) and ``people_served_distinct`` (人), from
  the station's records of services delivered, given by the caller's ``people_served``
  (0 when none is given).

Every figure is of the history the caller read (the report's ``anchor``), all time: a
project's budget is for its whole period.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from typing import Any

import msgspec

from sgz_ledger.domain.events import (
    BudgetLineAmended,
    CashDonationReceived,
    DisbursementApproved,
    DisbursementCancelled,
    DisbursementPaid,
    DisbursementRejected,
    DisbursementRequested,
    DonationRefunded,
    DonationReversed,
    InKindDonationReceived,
    PaymentReversed,
    ProjectClosed,
    ProjectOpened,
)
from sgz_ledger.domain.money import hours_2dp
from sgz_ledger.projections.fund_log import FundReader
from sgz_ledger.projections.volunteer_stats import ServiceRecordState
from sgz_ledger.storage.chain import Anchor

__all__ = [
    "BudgetAmendmentRow",
    "PeopleServed",
    "ProjectLineRow",
    "ProjectReport",
    "project_report",
]

PeopleServed = Callable[[str], tuple[int, int]]
"""Given a project's code, the people its services reached: ``(times, distinct)``, i.e.
人次 and 人 (records of services delivered that name the project)."""


class ProjectLineRow(msgspec.Struct, frozen=True, kw_only=True):
    """One budget line against what is spent on it (fen; see the module's docstring)."""

    code: str
    name: str
    budgeted_fen: int
    amended_fen: int
    budget_fen: int
    requested_fen: int
    approved_fen: int
    paid_fen: int
    committed_fen: int
    remaining_fen: int


class BudgetAmendmentRow(msgspec.Struct, frozen=True, kw_only=True):
    """One amendment of a line (rule 40): who, when, why, and what it changed."""

    amendment_id: str
    line_code: str
    amount_fen: int
    delta_fen: int
    reason: str
    actor: str
    occurred_on: dt.date


class ProjectReport(msgspec.Struct, frozen=True, kw_only=True):
    """A project's figures (see the module's docstring for what each counts).

    Attributes:
        closed_on: the date it was closed (结项), ``None`` while open.
        lines: its budget lines, in the order opened.
        amendments: every amendment, in the order recorded.
        budget_fen ... remaining_fen: the sums of ``lines``.
        people_served_times, people_served_distinct: 服务人次 and 人数 of the services
            delivered under the project (0 unless the caller counts them).
        anchor: the hash chain's head of the history read; ``None`` inside an annual
            report, whose own anchor covers it.
    """

    project_id: str
    station_id: str
    name: str
    starts_on: dt.date
    ends_on: dt.date
    fund_ids: tuple[str, ...]
    closed_on: dt.date | None
    lines: tuple[ProjectLineRow, ...]
    amendments: tuple[BudgetAmendmentRow, ...]
    budget_fen: int
    requested_fen: int
    approved_fen: int
    paid_fen: int
    committed_fen: int
    remaining_fen: int
    income_cash_fen: int
    income_in_kind_fen: int
    gifts: int
    spending_fen: int
    person_times: int
    volunteers: int
    service_s: int
    service_hours: Decimal
    people_served_times: int = 0
    people_served_distinct: int = 0
    anchor: Anchor | None = None

    def to_json(self) -> bytes:
        """The report as JSON: money as integers of fen, hours as a decimal string."""
        return msgspec.json.encode(self)


class _Request:
    __slots__ = ("amount_fen", "line", "status")

    def __init__(self, request: DisbursementRequested) -> None:
        self.amount_fen = request.amount_fen
        self.line = request.budget_line
        self.status = "requested"


def project_report(
    project_events: Iterable[tuple[int, Any]],
    read: FundReader,
    records: Iterable[ServiceRecordState],
    *,
    people_served: PeopleServed | None = None,
) -> ProjectReport | None:
    """The project's figures; ``None`` when ``project_events`` opens no project.

    Args:
        project_events: the project's ``(position, event)`` pairs, in order.
        read: a fund's ``(position, event)`` pairs from the same history.
        records: every service record (the volunteer figures fold's ``records``).
        people_served: counts the people the project's services reached.
    """
    opened: ProjectOpened | None = None
    closed: ProjectClosed | None = None
    amendments: list[BudgetLineAmended] = []
    for _, event in project_events:
        match event:
            case ProjectOpened():
                opened = event
            case BudgetLineAmended():
                amendments.append(event)
            case ProjectClosed():
                closed = event
    if opened is None:
        return None
    pid = opened.project_id
    requests, cash_fen, in_kind_fen, gifts = _fund_figures(pid, opened.fund_ids, read)
    lines = _lines(opened, amendments, requests)
    counted = [r for r in records if r.recorded.project_id == pid and r.counted and r.is_service]
    service_s = sum(r.counted_s for r in counted)
    times, distinct = people_served(pid) if people_served is not None else (0, 0)

    def total(name: str) -> int:
        return sum(getattr(line, name) for line in lines)

    return ProjectReport(
        project_id=pid,
        station_id=opened.station_id,
        name=opened.name,
        starts_on=opened.starts_on,
        ends_on=opened.ends_on,
        fund_ids=opened.fund_ids,
        closed_on=closed.occurred_on if closed is not None else None,
        lines=lines,
        amendments=tuple(
            BudgetAmendmentRow(
                amendment_id=a.amendment_id,
                line_code=a.line_code,
                amount_fen=a.amount_fen,
                delta_fen=a.delta_fen,
                reason=a.reason,
                actor=a.actor,
                occurred_on=a.occurred_on,
            )
            for a in amendments
        ),
        budget_fen=total("budget_fen"),
        requested_fen=total("requested_fen"),
        approved_fen=total("approved_fen"),
        paid_fen=total("paid_fen"),
        committed_fen=total("committed_fen"),
        remaining_fen=total("remaining_fen"),
        income_cash_fen=cash_fen,
        income_in_kind_fen=in_kind_fen,
        gifts=gifts,
        spending_fen=total("paid_fen"),
        person_times=len(counted),
        volunteers=len({r.volunteer for r in counted}),
        service_s=service_s,
        service_hours=hours_2dp(service_s),
        people_served_times=times,
        people_served_distinct=distinct,
    )


def _fund_figures(
    project_id: str, fund_ids: tuple[str, ...], read: FundReader
) -> tuple[list[_Request], int, int, int]:
    """The project's requests, and its gifts' cash, in-kind value and count, from the
    events of the funds it draws on."""
    requests: list[_Request] = []
    cash_fen = in_kind_fen = gifts = 0
    for fund_id in fund_ids:
        by_id: dict[str, _Request] = {}
        named: dict[str, CashDonationReceived | InKindDonationReceived] = {}
        for _, e in read(fund_id):
            match e:
                case DisbursementRequested() if e.project_id == project_id:
                    by_id[e.request_id] = request = _Request(e)
                    requests.append(request)
                case DisbursementApproved() if e.request_id in by_id and e.reserved_fen:
                    by_id[e.request_id].status = "approved"
                case DisbursementPaid() if e.request_id in by_id:
                    by_id[e.request_id].status = "paid"
                case PaymentReversed() if e.request_id in by_id:
                    by_id[e.request_id].status = "approved"
                case DisbursementRejected() | DisbursementCancelled() if e.request_id in by_id:
                    by_id[e.request_id].status = "ended"
                case CashDonationReceived() if e.project_id == project_id:
                    named[e.receipt_no] = e
                    cash_fen += e.amount_fen
                    gifts += 1
                case InKindDonationReceived() if e.project_id == project_id:
                    named[e.receipt_no] = e
                    in_kind_fen += sum(g.value_fen or 0 for g in e.items)
                    gifts += 1
                case DonationRefunded() if e.receipt_no in named:
                    cash_fen -= e.amount_fen
                case DonationReversed() if e.receipt_no in named:
                    cash_fen -= e.amount_fen
                    in_kind_fen -= sum(g.value_fen or 0 for g in e.items)
                    gifts -= 1
    return requests, cash_fen, in_kind_fen, gifts


def _lines(
    opened: ProjectOpened, amendments: list[BudgetLineAmended], requests: list[_Request]
) -> tuple[ProjectLineRow, ...]:
    budget = {line.code: line.amount_fen for line in opened.lines}
    amended: dict[str, int] = {}
    for a in amendments:
        amended[a.line_code] = amended.get(a.line_code, 0) + a.delta_fen
    spent: dict[tuple[str, str], int] = {}
    for r in requests:
        spent[(r.line, r.status)] = spent.get((r.line, r.status), 0) + r.amount_fen
    rows = []
    for line in opened.lines:
        code = line.code
        now = budget[code] + amended.get(code, 0)
        figures: Mapping[str, int] = {
            s: spent.get((code, s), 0) for s in ("requested", "approved", "paid")
        }
        committed = sum(figures.values())
        rows.append(
            ProjectLineRow(
                code=code,
                name=line.name,
                budgeted_fen=line.amount_fen,
                amended_fen=amended.get(code, 0),
                budget_fen=now,
                requested_fen=figures["requested"],
                approved_fen=figures["approved"],
                paid_fen=figures["paid"],
                committed_fen=committed,
                remaining_fen=now - committed,
            )
        )
    return tuple(rows)
