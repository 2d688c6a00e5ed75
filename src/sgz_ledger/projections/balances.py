"""The fund balances view: per fund and restriction, what is held, reserved and available.

A pure fold over fund events (``apply`` does no I/O). The money arithmetic itself
is ``domain.balances.FundBalances``, the same fold the Fund aggregate uses to
check its rules, so the view and the rules cannot drift apart; this module adds
the fund's identity (code, station, community) and shapes rows for queries.
"""

from __future__ import annotations

from uuid import UUID

import msgspec

from sgz_ledger.domain.balances import FundBalances
from sgz_ledger.domain.events import FundClosed, FundEvent, FundOpened

__all__ = ["BalancesProjection", "FundBalance", "GoodsBalance", "RestrictionBalanceRow"]


class RestrictionBalanceRow(msgspec.Struct, frozen=True, kw_only=True):
    """One restriction of one fund (``restriction=""`` is the unrestricted money), in fen."""

    restriction: str
    total_fen: int
    reserved_fen: int
    available_fen: int
    received_fen: int
    refunded_fen: int
    paid_fen: int


class GoodsBalance(msgspec.Struct, frozen=True, kw_only=True):
    """Goods of one kind and purpose in stock, with their booked value."""

    item: str
    unit: str
    restriction: str
    quantity: int
    value_fen: int


class FundBalance(msgspec.Struct, frozen=True, kw_only=True):
    """A fund's balances: cash totals, each restriction, in-kind value and goods in stock."""

    fund_id: str
    station_id: str
    community: str
    name: str
    closed: bool
    total_fen: int
    reserved_fen: int
    available_fen: int
    received_fen: int
    refunded_fen: int
    paid_fen: int
    in_kind_received_fen: int
    in_kind_held_fen: int
    restrictions: tuple[RestrictionBalanceRow, ...]
    goods: tuple[GoodsBalance, ...]


class _Entry:
    __slots__ = ("balances", "closed", "opened")

    def __init__(self, opened: FundOpened) -> None:
        self.opened = opened
        self.closed = False
        self.balances = FundBalances()


class BalancesProjection:
    """Folds fund events, in log order, into each fund's balances."""

    def __init__(self) -> None:
        self._funds: dict[UUID, _Entry] = {}

    def apply(self, event: object) -> None:
        """Fold one event; events of other aggregates are ignored."""
        if isinstance(event, FundEvent):
            self.apply_fund_event(event)

    def apply_fund_event(self, event: FundEvent) -> None:
        """Fold one fund event (a replay that reads only fund events calls this directly)."""
        cls = type(event)
        if cls is FundOpened:
            self._funds[event.originator_id] = _Entry(event)  # type: ignore[arg-type]
            return
        entry = self._funds[event.originator_id]
        if cls is FundClosed:
            entry.closed = True
        entry.balances.apply(event)

    def rows(
        self, *, fund_id: str | None = None, station_id: str | None = None
    ) -> list[FundBalance]:
        """Balances of every fund (or one fund, or one station's), ordered by fund code."""
        out = []
        for entry in self._funds.values():
            opened = entry.opened
            if fund_id is not None and opened.fund_id != fund_id:
                continue
            if station_id is not None and opened.station_id != station_id:
                continue
            out.append(_row(entry))
        out.sort(key=lambda row: row.fund_id)
        return out


def _row(entry: _Entry) -> FundBalance:
    b = entry.balances
    restrictions = tuple(
        RestrictionBalanceRow(
            restriction=name,
            total_fen=r.total_fen,
            reserved_fen=r.reserved_fen,
            available_fen=r.available_fen,
            received_fen=r.received_fen,
            refunded_fen=r.refunded_fen,
            paid_fen=r.paid_fen,
        )
        for name, r in sorted(b.restrictions.items())
    )
    goods = tuple(
        GoodsBalance(
            item=s.item,
            unit=s.unit,
            restriction=s.restriction,
            quantity=s.quantity,
            value_fen=s.value_fen,
        )
        for _, s in sorted(b.stock.items())
    )
    return FundBalance(
        fund_id=entry.opened.fund_id,
        station_id=entry.opened.station_id,
        community=entry.opened.community,
        name=entry.opened.name,
        closed=entry.closed,
        total_fen=sum(r.total_fen for r in restrictions),
        reserved_fen=sum(r.reserved_fen for r in restrictions),
        available_fen=sum(r.available_fen for r in restrictions),
        received_fen=sum(r.received_fen for r in restrictions),
        refunded_fen=sum(r.refunded_fen for r in restrictions),
        paid_fen=sum(r.paid_fen for r in restrictions),
        in_kind_received_fen=b.in_kind_received_fen,
        in_kind_held_fen=b.in_kind_held_fen,
        restrictions=restrictions,
        goods=goods,
    )
