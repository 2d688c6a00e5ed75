"""The fund balances fold: per fund, its opening, whether it closed, and its money.

A pure fold over fund events (``apply`` does no I/O), in log order. The money
arithmetic itself is ``domain.balances.FundBalances``, the same fold the Fund aggregate
uses to check its rules, so the fold and the rules cannot drift apart; this module adds
the fund's identity (code, station, community). ``reports.balances.folded_balances``
reads the folded state as each fund's balances. ``audit`` replays the log with it,
independently of the persisted views' own fold (``fund_views``).
"""

from __future__ import annotations

from collections.abc import Mapping

from sgz_ledger.domain.balances import FundBalances
from sgz_ledger.domain.errors import UnknownEvent
from sgz_ledger.domain.events import (
    DELIVERY_EVENT_TYPES,
    DONOR_EVENT_TYPES,
    FUND_EVENT_TYPES,
    LEVEL_EVENT_TYPES,
    PEOPLE_EVENT_TYPES,
    PERIOD_EVENT_TYPES,
    PROJECT_EVENT_TYPES,
    RECOGNITION_EVENT_TYPES,
    VOLUNTEER_EVENT_TYPES,
    FundClosed,
    FundEvent,
    FundOpened,
    LedgerEvent,
)

__all__ = ["BalancesProjection", "FoldedFund"]


class FoldedFund:
    """One fund as the fold left it: its opening event, closed or not, and its money."""

    __slots__ = ("balances", "closed", "opened")

    def __init__(self, opened: FundOpened) -> None:
        self.opened = opened
        self.closed = False
        self.balances = FundBalances()


class BalancesProjection:
    """Folds fund events, in log order, into each fund's balances.

    ``reads``: every fund event (what each does to the money is ``FundBalances``'s);
    ``ignores``: the events of volunteers, activities, stations and donors, which move
    no fund's money. Any other event is an ``UnknownEvent``.
    """

    reads: frozenset[type[LedgerEvent]] = frozenset(FUND_EVENT_TYPES)
    ignores: frozenset[type[LedgerEvent]] = frozenset(
        (
            *VOLUNTEER_EVENT_TYPES,
            *DONOR_EVENT_TYPES,
            *PERIOD_EVENT_TYPES,
            *PEOPLE_EVENT_TYPES,
            *LEVEL_EVENT_TYPES,
            *PROJECT_EVENT_TYPES,
            *DELIVERY_EVENT_TYPES,
            *RECOGNITION_EVENT_TYPES,
        )
    )

    def __init__(self) -> None:
        # By the aggregate id's integer: a UUID's own hash and equality are Python code,
        # an int's are not (a replay looks a fund up for every event).
        self._funds: dict[int, FoldedFund] = {}

    @property
    def funds(self) -> Mapping[int, FoldedFund]:
        """The funds folded so far, by their aggregate id's integer (``UUID.int``), in the
        order they were opened."""
        return self._funds

    def apply(self, event: object) -> None:
        """Fold one event of the log.

        Raises:
            UnknownEvent: the event's class is neither read nor ignored by this fold.
        """
        if isinstance(event, FundEvent):
            self.apply_fund_event(event)
        elif type(event) not in self.ignores:
            raise UnknownEvent(type(self).__name__, type(event))

    def apply_fund_event(self, event: FundEvent) -> None:
        """Fold one fund event (a replay that reads only fund events calls this directly)."""
        cls = type(event)
        if cls is FundOpened:
            self._funds[event.originator_id.int] = FoldedFund(event)  # type: ignore[arg-type]
            return
        entry = self._funds[event.originator_id.int]
        if cls is FundClosed:
            entry.closed = True
        entry.balances.apply(event)
