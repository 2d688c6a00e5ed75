"""The ledger's invariants, checked against a recount of its log made here.

``recount`` reads the stored events through the public API (``Ledger.stored_events``) and
counts every fund and volunteer again with its own arithmetic, the one docs/funds.md and
docs/volunteers.md state; it shares no code with the ledger's folds, views or reports, so a
wrong rule or a wrong sum there cannot hide in the expectation. ``check_invariants`` then
holds the ledger to each invariant, by name (``INVARIANTS``):

``chain_verifies``         ``Ledger.verify`` finds nothing: every event is chained (rule 18).
``maker_checker``          read from the log, request by request: no request approved by its
                           requester; none paid without the approvals its amount needs (two
                           different people above the fund's threshold), neither of them the
                           requester; never paid by its requester, nor by an approver where the
                           station keeps a register and its policy does not allow it; paid only
                           after its 公示 where the fund asks for one, the notice starting on or
                           after the approval and lasting the station's minimum; never paid
                           twice. No service record approved by its recorder (rules 11, 28, 30,
                           31; docs/volunteers.md, "Approval").
``balances_not_negative``  per fund and restriction, cash held, reserved and available are never
                           below zero, nor goods in stock; no time-bank balance is below the
                           lowest limit its station ever set (rules 6, 9, 11).
``totals_are_sums``        a fund's figures are the sums of its restrictions'; each annual
                           report's fund figures are the sums of its funds' (a station's
                           report, its funds'), and the store's report is the sum of its
                           stations' (docs/levels.md, rule 60).
``figures_recount``        every figure the ledger answers equals the recount: the balances
                           now and at each year's end, each volunteer's account, each annual
                           report's funds and service.
``station_figures``        what the station's own code shows (``shown_balances``) equals the
                           recount.

A violation raises ``InvariantViolated``, which names the invariant and what differs.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import NoReturn, TypeVar
from uuid import UUID

from sgz_ledger.domain.text import signer_key

# The approver's name on a service record a station's policy approves on entry: a name, not
# arithmetic, so taken from the library (a renamed one must not silently stop counting).
from sgz_ledger.domain.volunteer import AUTO_APPROVER
from sgz_ledger.events import (
    AccessPolicySet,
    CashDonationReceived,
    DisbursementApproved,
    DisbursementCancelled,
    DisbursementPaid,
    DisbursementPublicized,
    DisbursementRejected,
    DisbursementRequested,
    DonationRefunded,
    DonationReversed,
    FundClosed,
    FundEvent,
    FundOpened,
    FundTransferredIn,
    FundTransferredOut,
    GoodsDistributed,
    GoodsSold,
    HoursAdjusted,
    HoursBanked,
    HoursRedeemed,
    HoursTransferredIn,
    HoursTransferredOut,
    InKindDonationReceived,
    LedgerEvent,
    PaymentReversed,
    PeopleEvent,
    PersonAdded,
    PurposeChanged,
    RestrictionReleased,
    ServiceApproved,
    ServiceCorrected,
    ServiceRecorded,
    ServiceVoided,
    StationPolicySet,
    VolunteerRegistered,
)
from sgz_ledger.ledger import Ledger
from sgz_ledger.reports.annual import AnnualReport
from sgz_ledger.reports.balances import FundBalance, RestrictionBalanceRow

__all__ = [
    "INVARIANTS",
    "YEAR_FIGURES",
    "CashCount",
    "FundCount",
    "FundYearCount",
    "GoodsCount",
    "InvariantViolated",
    "RecordCount",
    "Recount",
    "VolunteerCount",
    "check_invariants",
    "recount",
]

INVARIANTS = (
    "chain_verifies",
    "maker_checker",
    "balances_not_negative",
    "totals_are_sums",
    "figures_recount",
    "station_figures",
)
"""The invariants ``check_invariants`` holds the ledger to, in the order it checks them."""

# The 公示 a station asks for when its policy never said (rule 31): the rule's own number,
# kept here so that the recount does not take it from the code it checks.
_NOTICE_DAYS_MIN = 5
_SERVICE = "volunteer_service"


class InvariantViolated(AssertionError):
    """The ledger broke one of its invariants.

    An ``AssertionError``, so that pytest and hypothesis report it as a failed check.

    Attributes:
        invariant: which one (a name of ``INVARIANTS``, or a station's own).
        detail: what was found, in a sentence.
    """

    def __init__(self, invariant: str, detail: str) -> None:
        super().__init__(f"invariant {invariant} violated: {detail}")
        self.invariant = invariant
        self.detail = detail


# ---- the recount ------------------------------------------------------------------------------


@dataclass
class CashCount:
    """One restriction's cash, as cumulative counters in fen (docs/funds.md)."""

    received_fen: int = 0
    refunded_fen: int = 0
    paid_fen: int = 0
    approved_fen: int = 0
    released_fen: int = 0
    moved_in_fen: int = 0
    moved_out_fen: int = 0

    @property
    def total_fen(self) -> int:
        """Cash held: received, less refunded and paid, plus moved in, less moved out."""
        return (
            self.received_fen
            - self.refunded_fen
            - self.paid_fen
            + self.moved_in_fen
            - self.moved_out_fen
        )

    @property
    def reserved_fen(self) -> int:
        """Cash promised to approved requests not yet paid, rejected or cancelled."""
        return self.approved_fen - self.paid_fen - self.released_fen

    @property
    def available_fen(self) -> int:
        """Cash held and not reserved."""
        return self.total_fen - self.reserved_fen


@dataclass
class GoodsCount:
    """Goods of one item, unit and restriction in stock, with their booked value in fen."""

    quantity: int = 0
    value_fen: int = 0


@dataclass
class FundCount:
    """One fund, recounted: its cash per restriction, its goods and its in-kind value."""

    fund_id: str
    station_id: str
    opened_on: dt.date
    approval_threshold_fen: int
    publicity_required: bool
    closed_on: dt.date | None = None
    cash: dict[str, CashCount] = field(default_factory=dict)
    goods: dict[tuple[str, str, str], GoodsCount] = field(default_factory=dict)
    in_kind_received_fen: int = 0
    in_kind_out_fen: int = 0
    events: list[FundEvent] = field(default_factory=list)

    def of(self, restriction: str) -> CashCount:
        """The cash of ``restriction``, counted from nothing on first use."""
        return self.cash.setdefault(restriction, CashCount())

    def stock(self, item: str, unit: str, restriction: str) -> GoodsCount:
        """The goods of that item, unit and restriction, counted from nothing on first use."""
        return self.goods.setdefault((item, unit, restriction), GoodsCount())

    @property
    def total_fen(self) -> int:
        """Cash held, every restriction together."""
        return sum(c.total_fen for c in self.cash.values())

    @property
    def reserved_fen(self) -> int:
        """Cash reserved, every restriction together."""
        return sum(c.reserved_fen for c in self.cash.values())

    @property
    def available_fen(self) -> int:
        """Cash available, every restriction together."""
        return sum(c.available_fen for c in self.cash.values())

    @property
    def in_kind_held_fen(self) -> int:
        """Booked value of the goods in stock."""
        return self.in_kind_received_fen - self.in_kind_out_fen

    def count(self, event: FundEvent) -> None:
        """Move the counters as ``event`` says (the events that move no money leave them)."""
        match event:
            case CashDonationReceived():
                self.of(event.restriction).received_fen += event.amount_fen
            case InKindDonationReceived():
                for line in event.items:
                    self._goods(line.item, line.unit, event.restriction, line.quantity)
                    self._value(line.item, line.unit, event.restriction, line.value_fen or 0)
            case DonationReversed():
                self.of(event.restriction).received_fen -= event.amount_fen
                for line in event.items:
                    self._goods(line.item, line.unit, event.restriction, -line.quantity)
                    self._value(line.item, line.unit, event.restriction, -(line.value_fen or 0))
            case DonationRefunded():
                self.of(event.restriction).refunded_fen += event.amount_fen
            case GoodsDistributed() | GoodsSold():
                self._goods(event.item, event.unit, event.restriction, -event.quantity)
                self.stock(event.item, event.unit, event.restriction).value_fen -= event.value_fen
                self.in_kind_out_fen += event.value_fen
                if isinstance(event, GoodsSold):
                    self.of(event.restriction).received_fen += event.proceeds_fen
            case DisbursementApproved():
                self.of(event.restriction).approved_fen += event.reserved_fen
            case DisbursementPaid():
                self.of(event.restriction).paid_fen += event.amount_fen
            case PaymentReversed():
                self.of(event.restriction).paid_fen -= event.amount_fen
            case DisbursementRejected() | DisbursementCancelled():
                self.of(event.restriction).released_fen += event.released_fen
            case RestrictionReleased():
                self.of(event.restriction).moved_out_fen += event.amount_fen
                self.of("").moved_in_fen += event.amount_fen
            case PurposeChanged():
                self.of(event.from_restriction).moved_out_fen += event.amount_fen
                self.of(event.to_restriction).moved_in_fen += event.amount_fen
            case FundTransferredOut():
                self.of(event.restriction).moved_out_fen += event.amount_fen
            case FundTransferredIn():
                self.of(event.restriction).moved_in_fen += event.amount_fen
            case FundClosed():
                self.closed_on = event.occurred_on
            case _:
                pass  # an opening, a request, a notice, a pledge (never income, rule 36)

    def _goods(self, item: str, unit: str, restriction: str, quantity: int) -> None:
        self.stock(item, unit, restriction).quantity += quantity

    def _value(self, item: str, unit: str, restriction: str, value_fen: int) -> None:
        self.stock(item, unit, restriction).value_fen += value_fen
        self.in_kind_received_fen += value_fen

    def as_of(self, day: dt.date) -> FundCount:
        """The fund counted from its events dated on or before ``day`` (the end of that day)."""
        dated = FundCount(
            self.fund_id,
            self.station_id,
            self.opened_on,
            self.approval_threshold_fen,
            self.publicity_required,
        )
        for event in self.events:
            if event.occurred_on <= day:
                dated.count(event)
        return dated

    def year(self, year: int) -> FundYearCount:
        """The fund's figures of ``year``: what moved in it by business date, and what it held
        at the end of the year before and of the year (docs/funds.md, the annual report)."""
        flows = FundYearCount(fund_id=self.fund_id, station_id=self.station_id)
        for e in self.events:
            if e.occurred_on.year != year:
                continue
            match e:
                case CashDonationReceived():
                    flows.donations_cash_fen += e.amount_fen
                case InKindDonationReceived():
                    flows.donations_in_kind_fen += sum(x.value_fen or 0 for x in e.items)
                case DonationReversed():
                    flows.donations_cash_fen -= e.amount_fen
                    flows.donations_in_kind_fen -= sum(x.value_fen or 0 for x in e.items)
                case GoodsSold():
                    flows.sale_proceeds_fen += e.proceeds_fen
                case DonationRefunded():
                    flows.refunds_fen += e.amount_fen
                case DisbursementPaid():
                    flows.spending_fen += e.amount_fen
                case PaymentReversed():
                    flows.spending_fen -= e.amount_fen
                case FundTransferredIn():
                    flows.transfers_net_fen += e.amount_fen
                case FundTransferredOut():
                    flows.transfers_net_fen -= e.amount_fen
                case GoodsDistributed():
                    flows.goods_distributed_fen += e.value_fen
                case _:
                    pass
        start = self.as_of(dt.date(year - 1, 12, 31)) if year > dt.MINYEAR else None
        end = self.as_of(dt.date(year, 12, 31))
        flows.cash_start_fen = start.total_fen if start is not None else 0
        flows.cash_end_fen = end.total_fen
        flows.reserved_end_fen = end.reserved_fen
        flows.available_end_fen = end.available_fen
        flows.in_kind_held_end_fen = end.in_kind_held_fen
        return flows


@dataclass
class FundYearCount:
    """A fund's year, recounted: the figures of the annual report's ``FundYear``, in fen."""

    fund_id: str
    station_id: str
    donations_cash_fen: int = 0
    donations_in_kind_fen: int = 0
    sale_proceeds_fen: int = 0
    refunds_fen: int = 0
    spending_fen: int = 0
    transfers_net_fen: int = 0
    goods_distributed_fen: int = 0
    cash_start_fen: int = 0
    cash_end_fen: int = 0
    reserved_end_fen: int = 0
    available_end_fen: int = 0
    in_kind_held_end_fen: int = 0

    def figures(self) -> dict[str, int]:
        """Every figure by the annual report's name for it."""
        return {name: getattr(self, name) for name in YEAR_FIGURES}


YEAR_FIGURES = (
    "donations_cash_fen",
    "donations_in_kind_fen",
    "sale_proceeds_fen",
    "refunds_fen",
    "spending_fen",
    "transfers_net_fen",
    "goods_distributed_fen",
    "cash_start_fen",
    "cash_end_fen",
    "reserved_end_fen",
    "available_end_fen",
    "in_kind_held_end_fen",
)


@dataclass
class RecordCount:
    """One service record, recounted: it counts once approved, unless voided or not service."""

    activity_id: str
    service_date: dt.date
    is_service: bool
    recorder: str
    duration_s: int
    approver: str | None = None
    voided: bool = False

    @property
    def counted_s(self) -> int:
        """Its seconds of service (its time as last recorded or corrected), when it counts."""
        counts = self.approver is not None and not self.voided and self.is_service
        return self.duration_s if counts else 0


@dataclass
class VolunteerCount:
    """One volunteer, recounted: their service records and their time-bank balance."""

    volunteer_id: str
    station_id: str
    records: dict[str, RecordCount] = field(default_factory=dict)
    bank_balance_s: int = 0

    def counted(self, year: int | None = None) -> list[RecordCount]:
        """The records that count (of ``year``, by service date, when given)."""
        return [
            r
            for r in self.records.values()
            if r.counted_s and (year is None or r.service_date.year == year)
        ]


@dataclass
class Recount:
    """The log, counted again: every fund and volunteer, and what the rules need to know.

    Attributes:
        events: the stored events, in log order.
        funds: each fund by its code.
        volunteers: each volunteer by their id.
        stations: every station a fund or a volunteer names.
        years: every year a fund's event or a service record is dated in.
        bank_limit_s: per station, the lowest time-bank limit its policy ever set (0 or less).
    """

    events: list[LedgerEvent]
    funds: dict[str, FundCount] = field(default_factory=dict)
    volunteers: dict[str, VolunteerCount] = field(default_factory=dict)
    stations: set[str] = field(default_factory=set)
    years: set[int] = field(default_factory=set)
    bank_limit_s: dict[str, int] = field(default_factory=dict)


def recount(events: Iterable[LedgerEvent]) -> Recount:
    """Count the funds and volunteers of ``events`` (a store's log, in order) again."""
    counted = Recount(list(events))
    funds: dict[UUID, FundCount] = {}
    volunteers: dict[UUID, VolunteerCount] = {}
    for event in counted.events:
        if isinstance(event, FundEvent):
            if isinstance(event, FundOpened):
                fund = FundCount(
                    event.fund_id,
                    event.station_id,
                    event.occurred_on,
                    event.approval_threshold_fen,
                    event.publicity_required,
                )
                funds[event.originator_id] = counted.funds[event.fund_id] = fund
                counted.stations.add(event.station_id)
            found = funds.get(event.originator_id)
            if found is not None:  # an event of a fund never opened: the other checks say so
                found.events.append(event)
                found.count(event)
            counted.years.add(event.occurred_on.year)
        elif isinstance(event, VolunteerRegistered):
            volunteer = VolunteerCount(event.volunteer_id, event.station_id)
            volunteers[event.originator_id] = counted.volunteers[event.volunteer_id] = volunteer
            counted.stations.add(event.station_id)
        elif isinstance(event, StationPolicySet):
            lowest = counted.bank_limit_s.get(event.station_id, 0)
            counted.bank_limit_s[event.station_id] = min(lowest, event.bank_limit_s)
        else:
            v = volunteers.get(event.originator_id)
            if v is not None:
                _count_volunteer(v, event, counted.years)
    return counted


def _count_volunteer(v: VolunteerCount, event: LedgerEvent, years: set[int]) -> None:
    match event:
        case ServiceRecorded():
            v.records[event.record_id] = RecordCount(
                activity_id=event.activity_id,
                service_date=event.service_date,
                is_service=event.category == _SERVICE,
                recorder=event.actor,
                duration_s=event.duration_s,
            )
            years.add(event.service_date.year)
        case ServiceApproved():
            v.records[event.record_id].approver = event.actor
        case ServiceCorrected():
            v.records[event.record_id].duration_s = event.duration_s
        case ServiceVoided():
            v.records[event.record_id].voided = True
        case HoursBanked() | HoursTransferredIn() | HoursAdjusted():
            v.bank_balance_s += event.credit_s
        case HoursRedeemed() | HoursTransferredOut():
            v.bank_balance_s -= event.credit_s
        case _:
            pass


# ---- the checks -------------------------------------------------------------------------------


def _check_chain(ledger: Ledger) -> None:
    """``chain_verifies``: the hash chain covers every event, unaltered (rule 18)."""
    report = ledger.verify()
    if not report.ok:
        raise InvariantViolated("chain_verifies", f"verify found {report.first_break}")


class _People:
    """Who an actor is, station by station: a registered person's id, or their name.

    A name counts as the registered person who goes by it, whenever the name was recorded
    (rule 28); names compare as signers do (rule 16).
    """

    def __init__(self, events: list[LedgerEvent]) -> None:
        self.names: dict[str, dict[str, str]] = {}
        for e in events:
            if isinstance(e, PersonAdded):
                self.names.setdefault(e.station_id, {})[e.person_id] = signer_key(e.name)

    def who(self, station_id: str, actor: str) -> str:
        register = self.names.get(station_id, {})
        if actor in register:
            return actor
        key = signer_key(actor)
        ids = [pid for pid, name in register.items() if name == key]
        return ids[0] if len(ids) == 1 else key


@dataclass
class _Request:
    requester: str
    amount_fen: int
    restriction: str
    approvers: list[str] = field(default_factory=list)
    reserving: DisbursementApproved | None = None
    notice: DisbursementPublicized | None = None
    paid: bool = False
    ended: bool = False


def _check_maker_checker(events: list[LedgerEvent]) -> None:
    """``maker_checker``: the four-eyes rules, request by request, read from the log in order
    (rules 11, 28, 30, 31), and no service record approved by its recorder."""
    people = _People(events)
    funds: dict[UUID, FundOpened] = {}
    requests: dict[tuple[UUID, str], _Request] = {}
    registers: set[str] = set()
    approver_may_pay: dict[str, bool] = {}
    notice_days_min: dict[str, int] = {}
    recorders: dict[tuple[UUID, str], tuple[str, str]] = {}
    stations: dict[UUID, str] = {}

    def fail(detail: str) -> NoReturn:
        raise InvariantViolated("maker_checker", detail)

    for e in events:
        if isinstance(e, PeopleEvent):
            registers.add(e.station_id)
            if isinstance(e, AccessPolicySet):
                approver_may_pay[e.station_id] = e.approver_may_pay
            continue
        if isinstance(e, StationPolicySet):
            notice_days_min[e.station_id] = e.notice_days_min
            continue
        if isinstance(e, VolunteerRegistered):
            stations[e.originator_id] = e.station_id
            continue
        if isinstance(e, ServiceRecorded):
            recorders[(e.originator_id, e.record_id)] = (e.station_id, e.actor)
            continue
        if isinstance(e, ServiceApproved):
            station, recorder = recorders.get((e.originator_id, e.record_id), ("", ""))
            station = station or stations.get(e.originator_id, "")
            if e.actor != AUTO_APPROVER and people.who(station, e.actor) == people.who(
                station, recorder
            ):
                fail(f"service record {e.record_id!r} was approved by its recorder {e.actor!r}")
            continue
        if not isinstance(e, FundEvent):
            continue
        if isinstance(e, FundOpened):
            funds[e.originator_id] = e
            continue
        fund = funds.get(e.originator_id)
        if fund is None:
            fail(f"{type(e).__name__} of a fund never opened (aggregate {e.originator_id})")
        station = fund.station_id
        if isinstance(e, DisbursementRequested):
            requests[(e.originator_id, e.request_id)] = _Request(
                people.who(station, e.actor), e.amount_fen, e.restriction
            )
            continue
        request_id = getattr(e, "request_id", None)
        if request_id is None:
            continue
        r = requests.get((e.originator_id, request_id))
        what = f"request {request_id!r} of fund {fund.fund_id!r}"
        if r is None:
            fail(f"{type(e).__name__} of {what}, which was never requested")
        who = people.who(station, e.actor)
        match e:
            case DisbursementApproved():
                if who == r.requester:
                    fail(f"{what} was approved by its requester {e.actor!r}")
                if r.paid or r.ended or r.reserving is not None:
                    fail(f"{what} was approved again after its decision")
                r.approvers.append(who)
                if e.reserved_fen:
                    r.reserving = e
            case DisbursementPublicized():
                reserving = r.reserving
                if reserving is None:
                    fail(f"the 公示 of {what} came before its approval")
                elif e.notice_from < reserving.occurred_on:
                    fail(
                        f"the 公示 of {what} starts {e.notice_from}, before its approval "
                        f"({reserving.occurred_on})"
                    )
                days = (e.notice_to - e.notice_from).days + 1
                least = notice_days_min.get(station, _NOTICE_DAYS_MIN)
                if days < least:
                    fail(f"the 公示 of {what} runs {days} days; the station asks {least}")
                r.notice = e
            case DisbursementPaid():
                _check_payment(e, r, fund, who, what, fail)
                keeps_apart = station in registers and not approver_may_pay.get(station, False)
                if keeps_apart and who in r.approvers:
                    fail(f"{what} was paid by {e.actor!r}, who approved it")
                r.paid = True
            case PaymentReversed():
                r.paid = False
            case DisbursementRejected() | DisbursementCancelled():
                if r.paid:
                    fail(f"{what} was ended after it was paid")
                r.ended = True
            case _:
                pass


def _check_payment(
    e: DisbursementPaid,
    r: _Request,
    fund: FundOpened,
    who: str,
    what: str,
    fail: Callable[[str], NoReturn],
) -> None:
    """A payment's own checks: approved as its amount needs, not by its requester, noticed
    where the fund asks, paid once, in full, after the notice."""
    if r.paid:
        fail(f"{what} was paid twice")
    if r.ended:
        fail(f"{what} was paid after it was rejected or cancelled")
    if who == r.requester:
        fail(f"{what} was paid by its requester {e.actor!r}")
    needed = 2 if r.amount_fen > fund.approval_threshold_fen else 1
    approvers = set(r.approvers)  # never the requester: that approval failed already
    if r.reserving is None or len(approvers) < needed:
        fail(
            f"{what} ({r.amount_fen} fen, threshold {fund.approval_threshold_fen}) was paid "
            f"with {len(approvers)} approver(s) other than its requester; it needs {needed}"
        )
    if (e.amount_fen, e.restriction) != (r.amount_fen, r.restriction):
        fail(
            f"{what} was paid {e.amount_fen} fen from {e.restriction!r}; it asked "
            f"{r.amount_fen} fen from {r.restriction!r}"
        )
    if fund.publicity_required and r.notice is None:
        fail(f"{what} was paid without the 公示 fund {fund.fund_id!r} asks for")
    if r.notice is not None and e.occurred_on <= r.notice.notice_to:
        fail(f"{what} was paid {e.occurred_on}, before its 公示 ended ({r.notice.notice_to})")


def _check_balances_not_negative(counted: Recount) -> None:
    """``balances_not_negative``: no fund's cash (per restriction) or goods below zero, and no
    time-bank balance below the lowest limit of its station (rules 6, 9, 11)."""
    name = "balances_not_negative"
    for code, fund in sorted(counted.funds.items()):
        for restriction, cash in sorted(fund.cash.items()):
            for figure in ("total_fen", "reserved_fen", "available_fen"):
                value = getattr(cash, figure)
                if value < 0:
                    where = restriction or "(unrestricted)"
                    raise InvariantViolated(
                        name, f"fund {code!r} restriction {where!r}: {figure} is {value}"
                    )
        for (item, unit, restriction), goods in sorted(fund.goods.items()):
            if goods.quantity < 0 or goods.value_fen < 0:
                raise InvariantViolated(
                    name,
                    f"fund {code!r} holds {goods.quantity} {unit} of {item} "
                    f"({restriction or 'unrestricted'}) worth {goods.value_fen} fen",
                )
    for vid, v in sorted(counted.volunteers.items()):
        limit = counted.bank_limit_s.get(v.station_id, 0)
        if v.bank_balance_s < limit:
            raise InvariantViolated(
                name,
                f"volunteer {vid!r}'s time bank holds {v.bank_balance_s} s; its station's "
                f"limit is {limit} s",
            )


_CASH = ("total_fen", "reserved_fen", "available_fen", "received_fen", "refunded_fen", "paid_fen")
_SERVICE_FIGURES = ("service_s", "person_times", "volunteers")


class _Answers:
    """The ledger's answers the checks compare, each asked once per check."""

    def __init__(self, ledger: Ledger) -> None:
        self.ledger = ledger
        self._reports: dict[tuple[int, str | None], AnnualReport] = {}

    @functools.cached_property
    def balances(self) -> list[FundBalance]:
        return self.ledger.balances()

    @staticmethod
    def stations(counted: Recount) -> list[str]:
        """The stations whose own reports are compared: every one where there are several;
        none where there is one, whose report is the store's."""
        return sorted(counted.stations) if len(counted.stations) > 1 else []

    def report(self, year: int, station_id: str | None = None) -> AnnualReport:
        """The annual report of ``year``, of the store or of one station."""
        key = (year, station_id)
        if key not in self._reports:
            self._reports[key] = self.ledger.annual_report(year, station_id=station_id)
        return self._reports[key]


def _check_totals_are_sums(answers: _Answers, counted: Recount) -> None:
    """``totals_are_sums``: each fund's figures are its restrictions' sums; each annual
    report's fund figures are the sums of its funds', and the store's report the sums of
    its stations' reports (rule 60)."""
    name = "totals_are_sums"
    for row in answers.balances:
        _sums(name, f"fund {row.fund_id!r}", row, row.restrictions, _CASH, "its restrictions'")
    for year in sorted(counted.years):
        whole = answers.report(year)
        _sums(
            name, f"the {year} report of the store", whole, whole.funds, YEAR_FIGURES, "its funds'"
        )
        reports = [answers.report(year, s) for s in answers.stations(counted)]
        for report in reports:
            what = f"the {year} report of station {report.station_id!r}"
            _sums(name, what, report, report.funds, YEAR_FIGURES, "its funds'")
        if reports:
            figures = (*YEAR_FIGURES, *_SERVICE_FIGURES)
            what = f"the {year} report of the store"
            _sums(name, what, whole, reports, figures, "its stations'")


def _sums(
    invariant: str,
    what: str,
    whole: object,
    parts: Iterable[object],
    figures: Iterable[str],
    whose: str,
) -> None:
    """Raise unless each of ``figures`` of ``whole`` is the sum of the same figure of ``parts``."""
    parts = list(parts)
    for figure in figures:
        total = sum(getattr(part, figure) for part in parts)
        if getattr(whole, figure) != total:
            raise InvariantViolated(
                invariant, f"{what}: {figure} is {getattr(whole, figure)}, {whose} sum {total}"
            )


def _check_figures_recount(answers: _Answers, counted: Recount) -> None:
    """``figures_recount``: the balances (now and at each year's end), each volunteer's
    account and each annual report (its funds' cash at the year's end read from the log, as
    a fund's statement reads it) equal the recount."""
    name = "figures_recount"
    rows = {row.fund_id: row for row in answers.balances}
    if sorted(rows) != sorted(counted.funds):
        raise InvariantViolated(
            name, f"the balances list funds {sorted(rows)}; the log opened {sorted(counted.funds)}"
        )
    for code, fund in sorted(counted.funds.items()):
        row = rows[code]
        got: dict[str, object] = {f: getattr(row, f) for f in _CASH}
        got |= {
            "in_kind_received_fen": row.in_kind_received_fen,
            "in_kind_held_fen": row.in_kind_held_fen,
            "closed": row.closed,
        }
        want: dict[str, object] = {f: sum(getattr(c, f) for c in fund.cash.values()) for f in _CASH}
        want |= {
            "in_kind_received_fen": fund.in_kind_received_fen,
            "in_kind_held_fen": fund.in_kind_held_fen,
            "closed": fund.closed_on is not None,
        }
        _same(name, f"fund {code!r}", got, want)
        _same(name, f"fund {code!r}'s restrictions", _restrictions(row.restrictions), _cash(fund))
        held = {
            (g.item, g.unit, g.restriction): (g.quantity, g.value_fen)
            for g in row.goods
            if g.quantity or g.value_fen
        }
        _same(name, f"fund {code!r}'s goods", held, _goods(fund))
    for year in sorted(counted.years):
        _check_year(answers, counted, year)
    accounts = {a.volunteer_id: a for a in answers.ledger.volunteer_accounts()}
    if sorted(accounts) != sorted(counted.volunteers):
        raise InvariantViolated(
            name,
            f"the accounts list {sorted(accounts)}; "
            f"the log registered {sorted(counted.volunteers)}",
        )
    for vid, v in sorted(counted.volunteers.items()):
        account = accounts[vid]
        records = v.counted()
        _same(
            name,
            f"volunteer {vid!r}'s account",
            {
                "service_s": account.service_s,
                "person_times": account.person_times,
                "bank_balance_s": account.bank_balance_s,
            },
            {
                "service_s": sum(r.counted_s for r in records),
                "person_times": len(records),
                "bank_balance_s": v.bank_balance_s,
            },
        )


def _check_year(answers: _Answers, counted: Recount, year: int) -> None:
    """The balances at the year's end, and the year's annual reports (the store's and each
    station's), against the recount."""
    name = "figures_recount"
    end = dt.date(year, 12, 31)
    opened = {code: f for code, f in counted.funds.items() if f.opened_on <= end}
    rows = {row.fund_id: row for row in answers.ledger.balances(as_of=end)}
    if sorted(rows) != sorted(opened):
        raise InvariantViolated(
            name,
            f"the balances as of {end} list {sorted(rows)}; funds opened by then {sorted(opened)}",
        )
    for code, fund in sorted(opened.items()):
        dated = fund.as_of(end)
        row = rows[code]
        _same(
            name,
            f"fund {code!r} as of {end}",
            {f: getattr(row, f) for f in _CASH},
            {f: sum(getattr(c, f) for c in dated.cash.values()) for f in _CASH},
        )
        what = f"fund {code!r}'s restrictions as of {end}"
        _same(name, what, _restrictions(row.restrictions), _cash(dated))
    for station in (None, *answers.stations(counted)):
        report = answers.report(year, station)
        scope = "the store" if station is None else f"station {station!r}"
        what = f"the {year} report of {scope}"
        listed = {f.fund_id: f for f in report.funds}
        for fund in counted.funds.values():
            if station is not None and fund.station_id != station:
                continue
            figures = fund.year(year).figures()
            fund_year = listed.get(fund.fund_id)
            if fund_year is None:
                # Left out of the report: then it had nothing in the year.
                unlisted = f"{what}, fund {fund.fund_id!r} (not listed)"
                _same(name, unlisted, dict.fromkeys(figures, 0), figures)
                continue
            reported = {f: getattr(fund_year, f) for f in YEAR_FIGURES}
            _same(name, f"{what}, fund {fund.fund_id!r}", reported, figures)
        records = [
            (v.volunteer_id, r)
            for v in counted.volunteers.values()
            if station is None or v.station_id == station
            for r in v.counted(year)
        ]
        _same(
            name,
            f"{what}, service",
            {f: getattr(report, f) for f in _SERVICE_FIGURES},
            {
                "service_s": sum(r.counted_s for _, r in records),
                "person_times": len(records),
                "volunteers": len({vid for vid, _ in records}),
            },
        )


def _restrictions(rows: Iterable[RestrictionBalanceRow]) -> dict[str, tuple[int, ...]]:
    """A balance's restriction rows, leaving out those with nothing in them."""
    out = {}
    for r in rows:
        figures = tuple(getattr(r, f) for f in _CASH)
        if any(figures):
            out[r.restriction] = figures
    return out


def _cash(fund: FundCount) -> dict[str, tuple[int, ...]]:
    out = {}
    for restriction, c in fund.cash.items():
        figures = tuple(getattr(c, f) for f in _CASH)
        if any(figures):
            out[restriction] = figures
    return out


def _goods(fund: FundCount) -> dict[tuple[str, str, str], tuple[int, int]]:
    return {
        k: (g.quantity, g.value_fen) for k, g in fund.goods.items() if g.quantity or g.value_fen
    }


_K = TypeVar("_K")


def _same(invariant: str, what: str, got: Mapping[_K, object], want: Mapping[_K, object]) -> None:
    """Raise naming every figure of ``what`` where the ledger's answer and the recount differ."""
    if got == want:
        return
    keys = sorted({*got, *want}, key=repr)
    differ = "; ".join(
        f"{k}: ledger {got.get(k)!r}, recount {want.get(k)!r}"
        for k in keys
        if got.get(k) != want.get(k)
    )
    raise InvariantViolated(invariant, f"{what}: {differ}")


def _check_station_figures(shown: Mapping[str, int], counted: Recount) -> None:
    """``station_figures``: the cash each fund holds as the station's own code shows it
    (fund code to fen) equals the recount."""
    for code, fen in sorted(shown.items()):
        fund = counted.funds.get(code)
        if fund is None or fen != fund.total_fen:
            held = "no such fund" if fund is None else f"{fund.total_fen} fen"
            raise InvariantViolated(
                "station_figures",
                f"the station shows {fen} fen in fund {code!r}; the log holds {held}",
            )


def check_invariants(ledger: Ledger, *, shown_balances: Mapping[str, int] | None = None) -> Recount:
    """Hold ``ledger`` to every invariant (``INVARIANTS``, in that order); return the recount.

    Args:
        shown_balances: the cash each fund holds as the station's own code shows it (fund
            code to fen), checked against the recount (``station_figures``).

    Raises:
        InvariantViolated: the first invariant found broken, and what differs.
    """
    _check_chain(ledger)
    counted = recount(ledger.stored_events())
    _check_maker_checker(counted.events)
    _check_balances_not_negative(counted)
    answers = _Answers(ledger)
    _check_totals_are_sums(answers, counted)
    _check_figures_recount(answers, counted)
    _check_station_figures(shown_balances or {}, counted)
    return counted
