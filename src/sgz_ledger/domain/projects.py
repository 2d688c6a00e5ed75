"""A station's projects (项目): work run 以项目化形式, with a period, funds and a budget.

A station runs much of its work as projects (a venture-philanthropy grant, 公益创投; a set
of community charity projects): each has a period, draws on named funds and has a budget
in lines. Gifts, disbursement requests, activities and service records may name a project
and one of its lines; what names one is held to it (rule 41): the project exists and is
the same station's, it is open, the date lies in its period, the line exists and (for a
fund's entries) the fund is one the project draws on.

**Budget against spending (rule 42).** A line's *committed* spending is the sum of the
amounts of the disbursement requests naming it that are neither rejected nor withdrawn:
requested, approved or paid (a payment reversed as an error leaves its request approved,
so it stays committed; rejecting or withdrawing the request frees it). Its *remaining*
budget is its budget (as opened, plus every amendment) less that. A request that would take
the remaining budget below zero is refused with ``OverBudget`` unless the station's policy
allows it (``over_budget_allowed``); counting requests, not payments, means a line cannot be
overdrawn by many requests each of which fitted when it was made, and approving or paying
a request already counted needs no second check. The committed spending is summed from
the funds the project draws on (``committed_by_line``): the funds keep the spending, the
project its budget, and nothing is recorded twice.

A line is never edited (rule 40): an amendment is an event of its own, naming who, when
and why, with the line's new budget; an amendment below what is committed on the line is
refused like an overdraft.

Like the other aggregates, nothing here reads a clock or the store.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from functools import lru_cache
from typing import Any
from uuid import UUID, uuid5

from sgz_ledger.domain.aggregate import Aggregate, Stamp, check_same
from sgz_ledger.domain.errors import NotFound, RuleViolation
from sgz_ledger.domain.events import (
    BudgetLine,
    BudgetLineAmended,
    ProjectClosed,
    ProjectOpened,
)
from sgz_ledger.domain.fund import DisbursementState
from sgz_ledger.domain.messages import entry

__all__ = [
    "BUDGET_LINES_MAX",
    "FUNDS_PER_PROJECT_MAX",
    "PROJECT_NAMESPACE",
    "OverBudget",
    "Project",
    "ProjectNotFound",
    "ProjectRefused",
    "UnknownBudgetLine",
    "committed_by_line",
    "project_uuid",
]

# Project aggregate ids derive from the station's project code under a namespace of their
# own, so that opening a project twice is a repeat and any process finds it without an index.
PROJECT_NAMESPACE = UUID("3b6f0c1e-8d2a-4f57-9e34-7a1c5d0b2e68")

# Limits on a budget: a real project budget has tens of lines and a few funds; a bound
# keeps a pasted sheet from making an event every report then carries.
BUDGET_LINES_MAX = 200
FUNDS_PER_PROJECT_MAX = 20


class ProjectNotFound(NotFound):
    """The project named does not exist."""

    reason = "project_not_found"

    def __init__(self, project_id: str) -> None:
        super().__init__("project", project_id)


class UnknownBudgetLine(RuleViolation):
    """The budget line named is not a line of the project (rule 41)."""

    reason = "unknown_budget_line"

    def __init__(self, project_id: str, line_code: str) -> None:
        self.project_id = project_id
        self.line_code = line_code
        super().__init__(None, project_id=project_id, line_code=line_code)


class OverBudget(RuleViolation):
    """The spending would take a budget line below zero, and the station's policy does not
    allow it (rule 42).

    Attributes:
        project_id, line_code: the line.
        remaining_fen: what is left on it before this command.
        needed_fen: what the command needs.
    """

    reason = "over_budget"

    def __init__(
        self,
        project_id: str,
        line_code: str,
        remaining_fen: int,
        needed_fen: int,
        *,
        committed_fen: int | None = None,
        budget_fen: int | None = None,
    ) -> None:
        self.project_id = project_id
        self.line_code = line_code
        self.remaining_fen = remaining_fen
        self.needed_fen = needed_fen
        params = {"project_id": project_id, "line_code": line_code}
        if committed_fen is None or budget_fen is None:
            super().__init__(None, remaining_fen=remaining_fen, needed_fen=needed_fen, **params)
        else:  # an amendment that would cut the line below what it committed
            super().__init__(
                "over_budget_amendment",
                committed_fen=committed_fen,
                budget_fen=budget_fen,
                **params,
            )


class ProjectRefused(RuleViolation):
    """What names a project does not fit it (rule 41): another station's project, a fund
    the project does not draw on, a date outside its period, a closed project, or a line
    named without its project."""

    reason = "project_refused"


@lru_cache(maxsize=4096)
def project_uuid(project_id: str) -> UUID:
    """The aggregate id of the project whose code is ``project_id``."""
    return uuid5(PROJECT_NAMESPACE, "project:" + project_id)


def committed_by_line(requests: Iterable[DisbursementState], project_id: str) -> dict[str, int]:
    """The committed spending of ``project_id`` per budget line (rule 42): the amounts of
    the requests given (every request of the funds the project draws on) that name the
    project and are neither rejected nor withdrawn."""
    committed: dict[str, int] = {}
    for d in requests:
        request = d.request
        if request.project_id != project_id or d.status in ("rejected", "cancelled"):
            continue
        committed[request.budget_line] = committed.get(request.budget_line, 0) + (
            request.amount_fen
        )
    return committed


class Project(Aggregate):
    """A project, rebuilt from its events; its methods are its commands and checks.

    Attributes:
        opened: the opening (``None`` before it).
        amendments: every amendment, in the order recorded.
        closed: the closing, if closed.
    """

    def __init__(self, id: UUID) -> None:
        super().__init__(id)
        self.opened: ProjectOpened | None = None
        self.amendments: dict[str, BudgetLineAmended] = {}
        self.closed: ProjectClosed | None = None
        self._budget_fen: dict[str, int] = {}

    def _mutate(self, event: Any) -> None:
        match event:
            case ProjectOpened():
                self.opened = event
                self._budget_fen = {line.code: line.amount_fen for line in event.lines}
            case BudgetLineAmended():
                self.amendments[event.amendment_id] = event
                self._budget_fen[event.line_code] = event.amount_fen
            case ProjectClosed():
                self.closed = event
            case _:  # pragma: no cover - every project event is matched above
                msg = f"unhandled event {type(event).__name__}"
                raise AssertionError(msg)

    # ---- reading ---------------------------------------------------------------------------

    @property
    def project_id(self) -> str:
        """The station's code for the project."""
        assert self.opened is not None
        return self.opened.project_id

    def budget_fen(self, line_code: str) -> int:
        """The line's budget now: as opened, or as last amended.

        Raises:
            UnknownBudgetLine: no such line.
        """
        budget = self._budget_fen.get(line_code)
        if budget is None:
            raise UnknownBudgetLine(self.project_id, line_code)
        return budget

    def check_use(
        self,
        *,
        station_id: str,
        line_code: str,
        days: tuple[dt.date, ...],
        fund_id: str | None = None,
    ) -> None:
        """Refuse a gift, request, activity or service record that names this project and
        does not fit it (rule 41): another station's, a closed project, a day outside its
        period, a fund it does not draw on (``fund_id``, for a fund's entries), a line it
        lacks. ``line_code`` ``""`` names the project without a line (a gift, a service
        record; a request must name a line, checked by the caller).

        Raises:
            ProjectRefused, UnknownBudgetLine: as above.
        """
        opened = self.opened
        assert opened is not None
        if station_id != opened.station_id:
            raise ProjectRefused(
                "project_other_station",
                project_id=opened.project_id,
                project_station=opened.station_id,
                station_id=station_id,
            )
        if self.closed is not None:
            raise ProjectRefused("project_closed", project_id=opened.project_id)
        for day in days:
            if not opened.starts_on <= day <= opened.ends_on:
                raise ProjectRefused(
                    "outside_project_period",
                    day=day,
                    project_id=opened.project_id,
                    starts_on=opened.starts_on,
                    ends_on=opened.ends_on,
                )
        if fund_id is not None and fund_id not in opened.fund_ids:
            raise ProjectRefused(
                "project_other_fund",
                project_id=opened.project_id,
                fund_id=fund_id,
                fund_ids=opened.fund_ids,
            )
        if line_code:
            self.budget_fen(line_code)

    def check_spending(
        self, *, line_code: str, amount_fen: int, committed_fen: int, over_budget_allowed: bool
    ) -> None:
        """Refuse spending ``amount_fen`` more on a line already committed to
        ``committed_fen`` when that would take it below zero (rule 42), unless the station's
        policy allows it.

        Raises:
            UnknownBudgetLine: no such line.
            OverBudget: over the line's remaining budget.
        """
        remaining = self.budget_fen(line_code) - committed_fen
        if amount_fen > remaining and not over_budget_allowed:
            raise OverBudget(self.project_id, line_code, remaining, amount_fen)

    # ---- commands --------------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        stamp: Stamp,
        *,
        project_id: str,
        station_id: str,
        name: str,
        starts_on: dt.date,
        ends_on: dt.date,
        fund_ids: tuple[str, ...],
        lines: tuple[BudgetLine, ...],
    ) -> Project:
        """Open a project (its id derives from ``project_id``).

        Raises:
            RuleViolation: the period ends before it starts, no fund or no line is given,
                a fund or a line code is given twice.
        """
        if ends_on < starts_on:
            raise RuleViolation("project_period_reversed")
        if not fund_ids:
            raise RuleViolation("project_without_fund")
        if len(set(fund_ids)) != len(fund_ids):
            raise RuleViolation("project_fund_twice")
        if not lines:
            raise RuleViolation("project_without_lines")
        codes = [line.code for line in lines]
        if len(set(codes)) != len(codes):
            raise RuleViolation("budget_line_twice")
        project = cls(project_uuid(project_id))
        project._trigger(
            ProjectOpened,
            stamp,
            project_id=project_id,
            station_id=station_id,
            name=name,
            starts_on=starts_on,
            ends_on=ends_on,
            fund_ids=fund_ids,
            lines=lines,
        )
        return project

    def repeat_open(self, stamp: Stamp, **fields: Any) -> ProjectOpened:
        """Opening an existing project again: a no-op if every field is the same."""
        opened = self.opened
        assert opened is not None
        return self._repeat(entry("project", opened.project_id), opened, stamp, **fields)

    def amend_line(
        self,
        stamp: Stamp,
        *,
        amendment_id: str,
        line_code: str,
        amount_fen: int,
        reason: str,
        committed_fen: int,
        over_budget_allowed: bool,
    ) -> BudgetLineAmended:
        """Set a line's budget to ``amount_fen`` by an amendment of its own (rule 40); the
        same amendment again records nothing.

        Raises:
            UnknownBudgetLine: no such line.
            ProjectRefused: the project is closed.
            OverBudget: the new budget is lower than the line's and below what is
                committed on it (``committed_fen``), and the station's policy does not
                allow spending over budget.
        """
        recorded = self.amendments.get(amendment_id)
        key = entry("amendment", amendment_id)
        if recorded is not None:
            check_same(key, recorded, {"line_code": line_code, "amount_fen": amount_fen})
            return self._repeat(key, recorded, stamp, reason=reason)
        if self.closed is not None:
            raise ProjectRefused("project_closed", project_id=self.project_id)
        before = self.budget_fen(line_code)
        # A line already over (spent while the policy allowed it) may still be raised.
        if amount_fen < committed_fen and amount_fen < before and not over_budget_allowed:
            raise OverBudget(
                self.project_id,
                line_code,
                before - committed_fen,
                before - amount_fen,
                committed_fen=committed_fen,
                budget_fen=amount_fen,
            )
        return self._trigger(
            BudgetLineAmended,
            stamp,
            project_id=self.project_id,
            amendment_id=amendment_id,
            line_code=line_code,
            amount_fen=amount_fen,
            delta_fen=amount_fen - before,
            reason=reason,
        )

    def close(self, stamp: Stamp, *, reason: str) -> ProjectClosed:
        """Close the project (结项); closing it again with the same reason records nothing."""
        if self.closed is not None:
            return self._repeat(
                entry("closing_of", self.project_id), self.closed, stamp, reason=reason
            )
        return self._trigger(ProjectClosed, stamp, project_id=self.project_id, reason=reason)
