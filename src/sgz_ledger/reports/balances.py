"""Fund balances: now, and as of a business date or a log position.

``balances`` and ``balances_as_of`` take a ``ViewStore`` whose ``fund_views`` are up to
date (the ``Ledger``'s queries catch up first) and answer with SQL over the documented
tables; ``folded_balances`` reads the same answer from a ``BalancesProjection`` folded
over the log (``audit``'s replay). A point-in-time answer is one index seek per restriction in
``balance_on_day`` / ``balance_at_position`` (O(log n)), never a replay.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import msgspec

from sgz_ledger.projections.balances import BalancesProjection, FoldedFund
from sgz_ledger.projections.framework import ViewStore

__all__ = [
    "FundBalance",
    "GoodsBalance",
    "RestrictionBalanceRow",
    "balances",
    "balances_as_of",
    "folded_balances",
]


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


_ROW = (
    "restriction, received_fen, refunded_fen, paid_fen, approved_fen, released_fen, "
    "moved_in_fen, moved_out_fen, total_fen, reserved_fen, available_fen"
)


def _restriction(row: tuple[Any, ...]) -> RestrictionBalanceRow:
    (
        name,
        received,
        refunded,
        paid,
        _approved,
        _released,
        _in,
        _out,
        total,
        reserved,
        available,
    ) = row
    return RestrictionBalanceRow(
        restriction=name,
        total_fen=total,
        reserved_fen=reserved,
        available_fen=available,
        received_fen=received,
        refunded_fen=refunded,
        paid_fen=paid,
    )


def _funds(store: ViewStore, fund_id: str | None, station_id: str | None) -> list[tuple[Any, ...]]:
    where, params = [], []
    if fund_id is not None:
        where.append("fund_id = ?")
        params.append(fund_id)
    if station_id is not None:
        where.append("station_id = ?")
        params.append(station_id)
    clause = f" WHERE {' AND '.join(where)}" if where else ""
    return store.query(
        "SELECT fund_id, station_id, community, name, closed_on, in_kind_received_fen, "
        "in_kind_out_fen, opened_on, opened_position, closed_position "
        f"FROM {{s}}funds{clause} ORDER BY fund_id",
        params,
    )


def _fund_balance(
    fund: tuple[Any, ...],
    restrictions: tuple[RestrictionBalanceRow, ...],
    goods: tuple[GoodsBalance, ...],
    *,
    closed: bool,
    in_kind_received_fen: int,
    in_kind_held_fen: int,
) -> FundBalance:
    fund_id, station_id, community, name = fund[:4]
    return FundBalance(
        fund_id=fund_id,
        station_id=station_id,
        community=community,
        name=name,
        closed=closed,
        total_fen=sum(r.total_fen for r in restrictions),
        reserved_fen=sum(r.reserved_fen for r in restrictions),
        available_fen=sum(r.available_fen for r in restrictions),
        received_fen=sum(r.received_fen for r in restrictions),
        refunded_fen=sum(r.refunded_fen for r in restrictions),
        paid_fen=sum(r.paid_fen for r in restrictions),
        in_kind_received_fen=in_kind_received_fen,
        in_kind_held_fen=in_kind_held_fen,
        restrictions=restrictions,
        goods=goods,
    )


def folded_balances(
    fold: BalancesProjection, *, fund_id: str | None = None, station_id: str | None = None
) -> list[FundBalance]:
    """Every fund's balances as ``fold`` has them (or one fund's, or one station's), ordered
    by fund code: the same answer as ``balances`` gives from the views."""
    out = []
    for entry in fold.funds.values():
        opened = entry.opened
        if fund_id is not None and opened.fund_id != fund_id:
            continue
        if station_id is not None and opened.station_id != station_id:
            continue
        out.append(_folded(entry))
    out.sort(key=lambda row: row.fund_id)
    return out


def _folded(entry: FoldedFund) -> FundBalance:
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
    opened = entry.opened
    return FundBalance(
        fund_id=opened.fund_id,
        station_id=opened.station_id,
        community=opened.community,
        name=opened.name,
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


def balances(
    store: ViewStore, *, fund_id: str | None = None, station_id: str | None = None
) -> list[FundBalance]:
    """Every fund's balances now (or one fund's, or one station's), ordered by fund code."""
    out = []
    for fund in _funds(store, fund_id, station_id):
        code = fund[0]
        restrictions = tuple(
            _restriction(row)
            for row in store.query(
                f"SELECT {_ROW} FROM {{s}}fund_balances WHERE fund_id = ? ORDER BY restriction",
                (code,),
            )
        )
        goods = tuple(
            GoodsBalance(item=item, unit=unit, restriction=r, quantity=q, value_fen=v)
            for item, unit, r, q, v in store.query(
                "SELECT item, unit, restriction, quantity, value_fen FROM {s}fund_goods "
                "WHERE fund_id = ? ORDER BY item, unit, restriction",
                (code,),
            )
        )
        out.append(
            _fund_balance(
                fund,
                restrictions,
                goods,
                closed=bool(fund[4]),
                in_kind_received_fen=fund[5],
                in_kind_held_fen=fund[5] - fund[6],
            )
        )
    return out


def balances_as_of(
    store: ViewStore,
    *,
    day: dt.date | None = None,
    position: int | None = None,
    fund_id: str | None = None,
    station_id: str | None = None,
) -> list[FundBalance]:
    """Cash balances as of the end of business ``day``, or just after log ``position``.

    Exactly one of ``day`` and ``position`` is given. Each restriction's counters are
    one index seek (the last point at or before the date or position). Funds opened
    later are left out; goods and in-kind values are not indexed by time and are
    reported empty (zero), as the point-in-time index covers cash.
    """
    if (day is None) == (position is None):
        msg = "give exactly one of day= and position="
        raise ValueError(msg)
    at: str | int
    if day is not None:
        table, column, at = "balance_on_day", "day", day.isoformat()
    else:
        assert position is not None
        table, column, at = "balance_at_position", "position", position
    # Per fund: one seek per restriction in one statement; by position, the fund row's
    # positions of its opening and its closing say whether it was open then.
    # CROSS JOIN: SQLite then takes the fund's few restrictions first and seeks each one's
    # point by its key; a plain JOIN let it scan every point of the fund instead (O(n)).
    # PostgreSQL plans the same filtered product as it sees fit.
    seek = (
        f"SELECT t.{_ROW.replace(', ', ', t.')} FROM {{s}}fund_balances b "
        f"CROSS JOIN {{s}}{table} t WHERE t.fund_id = b.fund_id "
        f"AND t.restriction = b.restriction "
        f"AND t.{column} = (SELECT MAX(x.{column}) FROM {{s}}{table} x "
        f"WHERE x.fund_id = b.fund_id AND x.restriction = b.restriction AND x.{column} <= ?) "
        "AND b.fund_id = ? ORDER BY b.restriction"
    )
    out = []
    for fund in _funds(store, fund_id, station_id):
        code, closed_on, opened_on = fund[0], fund[4], fund[7]
        if day is not None:
            if opened_on > at:
                continue
            closed = bool(closed_on) and closed_on <= at
        else:
            assert position is not None
            opened_at, closed_at = fund[8], fund[9]
            if opened_at > position:
                continue
            closed = bool(closed_at) and closed_at <= position
        rows = tuple(_restriction(row) for row in store.query(seek, (at, code)))
        out.append(
            _fund_balance(fund, rows, (), closed=closed, in_kind_received_fen=0, in_kind_held_fen=0)
        )
    return out
