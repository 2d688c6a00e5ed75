"""The handlers of a station's projects (``domain.projects``), and the one check that every
gift, request, activity and service record naming a project passes (rules 41 and 42).

Why here, in the handlers, and not in an importer or the command line: every path (the
typed methods, ``execute_batch``, each sheet, the command line) reaches the aggregates
through these handlers, so the check is made once for all of them. The rules themselves
are the project's (``Project.check_use``, ``Project.check_spending``); a handler only
gathers what they need: the project, the station's policy, and the requests of the funds
the project draws on (what is committed on each line).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sgz_ledger.domain.aggregate import Stamp
from sgz_ledger.domain.events import BudgetLine
from sgz_ledger.domain.fund import DisbursementState, Fund, fund_uuid
from sgz_ledger.domain.projects import (
    Project,
    ProjectNotFound,
    ProjectRefused,
    committed_by_line,
    project_uuid,
)
from sgz_ledger.service import commands as b
from sgz_ledger.service.unit_of_work import Handler, UnitOfWork

__all__ = [
    "HANDLERS",
    "check_gift_project",
    "check_project_spending",
    "check_project_use",
    "project_of",
]


def project_of(work: UnitOfWork, project_id: str) -> Project:
    """The project ``project_id``.

    Raises:
        ProjectNotFound: no such project.
    """
    project = work.find(project_uuid(project_id), Project)
    if project is None or project.opened is None:
        raise ProjectNotFound(project_id)
    return project


def check_project_use(
    work: UnitOfWork,
    *,
    project_id: str,
    budget_line: str,
    station_id: str,
    days: tuple[dt.date, ...],
    fund_id: str | None = None,
    line_required: bool = False,
) -> Project | None:
    """Refuse what names a project it does not fit (rule 41); ``None`` when it names none.

    Raises:
        ProjectNotFound, ProjectRefused, UnknownBudgetLine: see ``Project.check_use``;
            ``ProjectRefused`` too for a line named without a project, or (with
            ``line_required``, a request) a project named without a line.
    """
    if not project_id:
        if budget_line:
            raise ProjectRefused("line_without_project", budget_line=budget_line)
        return None
    if line_required and not budget_line:
        raise ProjectRefused("spending_needs_line", project_id=project_id)
    project = project_of(work, project_id)
    project.check_use(station_id=station_id, line_code=budget_line, days=days, fund_id=fund_id)
    return project


def committed_fen(work: UnitOfWork, project: Project, line_code: str) -> int:
    """What is committed on the project's line: summed over every fund it draws on."""
    assert project.opened is not None
    requests: list[DisbursementState] = []
    for fund_id in project.opened.fund_ids:
        fund = work.find(fund_uuid(fund_id), Fund)
        if fund is not None:
            requests.extend(fund.state.disbursements.values())
    return committed_by_line(requests, project.project_id).get(line_code, 0)


def check_project_spending(work: UnitOfWork, c: b.RequestDisbursement, fund: Fund) -> None:
    """Hold a new disbursement request naming a project to rule 41 and its line's remaining
    budget to rule 42 (a repeat of a recorded request is the fund's to compare)."""
    if c.request_id in fund.state.disbursements or fund.state.opened is None:
        return
    station_id = fund.state.opened.station_id
    project = check_project_use(
        work,
        project_id=c.project_id,
        budget_line=c.budget_line,
        station_id=station_id,
        days=(c.occurred_on,),
        fund_id=c.fund_id,
        line_required=True,
    )
    if project is None:
        return
    project.check_spending(
        line_code=c.budget_line,
        amount_fen=c.amount_fen,
        committed_fen=committed_fen(work, project, c.budget_line),
        over_budget_allowed=work.policy(station_id).over_budget_allowed,
    )


def check_gift_project(
    work: UnitOfWork, c: b.ReceiveCashDonation | b.ReceiveGoodsDonation, fund: Fund
) -> None:
    """Hold a new gift naming a project to rule 41 (a repeat is the fund's to compare)."""
    if c.receipt_no in fund.state.donations or fund.state.opened is None:
        return
    check_project_use(
        work,
        project_id=c.project_id,
        budget_line=c.budget_line,
        station_id=fund.state.opened.station_id,
        days=(c.occurred_on,),
        fund_id=c.fund_id,
    )


def _open(work: UnitOfWork, c: b.OpenProject, stamp: Stamp) -> Any:
    fields: dict[str, Any] = {
        "project_id": c.project_id,
        "station_id": c.station_id,
        "name": c.name,
        "starts_on": c.starts_on,
        "ends_on": c.ends_on,
        "fund_ids": c.fund_ids,
        "lines": tuple(
            BudgetLine(code=line.code, name=line.name, amount_fen=line.amount_fen)
            for line in c.lines
        ),
    }
    existing = work.find(project_uuid(c.project_id), Project)
    if existing is not None:
        return existing.repeat_open(stamp, **fields)
    for fund_id in c.fund_ids:
        fund = work.fund(fund_id)  # NotFound: a project draws on funds that exist
        opened = fund.state.opened
        if opened is not None and opened.station_id != c.station_id:
            raise ProjectRefused(
                "fund_other_station",
                fund_id=fund_id,
                fund_station=opened.station_id,
                station_id=c.station_id,
            )
    project = Project.open(stamp, **fields)
    work.add(project)
    assert project.opened is not None
    return project.opened


def _amend(work: UnitOfWork, c: b.AmendBudgetLine, stamp: Stamp) -> Any:
    project = project_of(work, c.project_id)
    assert project.opened is not None
    committed = 0
    if c.amendment_id not in project.amendments and c.line_code in {
        line.code for line in project.opened.lines
    }:
        committed = committed_fen(work, project, c.line_code)
    return project.amend_line(
        stamp,
        amendment_id=c.amendment_id,
        line_code=c.line_code,
        amount_fen=c.amount_fen,
        reason=c.reason,
        committed_fen=committed,
        over_budget_allowed=work.policy(project.opened.station_id).over_budget_allowed,
    )


HANDLERS: dict[type[b.Command[Any]], Handler] = {
    b.OpenProject: _open,
    b.AmendBudgetLine: _amend,
    b.CloseProject: lambda w, c, s: project_of(w, c.project_id).close(s, reason=c.reason),
}
