"""Fund balances: now, and as of a business date or a log position.

``balances`` and ``balances_as_of`` take a ``ViewStore`` whose ``fund_views`` are up to
date (the ``Ledger``'s queries catch up first) and answer with SQL over the documented
tables; ``folded_balances`` reads the same answer from a ``BalancesProjection`` folded
over the log (``audit``'s replay). As of a business date or a log position, a fund's answer is
a seek in ``fund_checkpoints`` and the fold of the few events after that checkpoint (fewer
than ``CHECKPOINT_EVENTS``, and the fund's late entries dated before the day), read from the
log by the fund's id. Never a replay of the fund's history.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

import msgspec

from sgz_ledger.domain.balances import FundBalances
from sgz_ledger.domain.fund import fund_uuid
from sgz_ledger.projections.balances import BalancesProjection, FoldedFund
from sgz_ledger.projections.framework import ViewStore
from sgz_ledger.projections.fund_views import CHECKPOINT_EVENTS, decode_checkpoint
from sgz_ledger.reports.scope import sql_in, station_scope
from sgz_ledger.storage.log import LogReader

# A fund's ``(position, event)`` pairs from the log: those with versions after the given
# one, at most the given count (all without one) (``fund_log_reader``).
EventsAfter = Callable[[str, int, int | None], Sequence[tuple[int, Any]]]


def fund_log_reader(log: LogReader, upto: int | None = None) -> EventsAfter:
    """Reads a fund's events after a version from the log, those not after log position
    ``upto`` (the views' position, so that what is read and what the views say agree)."""

    def read(fund_id: str, after_version: int, limit: int | None) -> list[tuple[int, Any]]:
        return log.aggregate(fund_uuid(fund_id), upto, after_version=after_version, limit=limit)

    return read


__all__ = [
    "FundBalance",
    "GoodsBalance",
    "RestrictionBalanceRow",
    "balances",
    "balances_as_of",
    "folded_balances",
    "fund_log_reader",
    "fund_state_at",
    "has_fund",
    "late_entries",
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


def _funds(
    store: ViewStore, fund_id: str | None, stations: frozenset[str] | None
) -> list[tuple[Any, ...]]:
    where, params = [], []
    if fund_id is not None:
        where.append("fund_id = ?")
        params.append(fund_id)
    if stations is not None:
        condition, codes = sql_in("station_id", stations)
        where.append(condition)
        params += codes
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
    fold: BalancesProjection,
    *,
    fund_id: str | None = None,
    station_id: str | None = None,
    station_ids: frozenset[str] | None = None,
) -> list[FundBalance]:
    """Every fund's balances as ``fold`` has them (or one fund's, or one station's, or those
    of a set of stations), ordered by fund code: the same answer as ``balances`` gives from
    the views."""
    stations = station_scope(station_id, station_ids)
    out = []
    for entry in fold.funds.values():
        opened = entry.opened
        if fund_id is not None and opened.fund_id != fund_id:
            continue
        if stations is not None and opened.station_id not in stations:
            continue
        out.append(_folded(entry))
    out.sort(key=lambda row: row.fund_id)
    return out


def _restriction_rows(b: FundBalances) -> tuple[RestrictionBalanceRow, ...]:
    """A fold's restrictions as answer rows, by restriction name."""
    return tuple(
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


def _folded(entry: FoldedFund) -> FundBalance:
    b = entry.balances
    restrictions = _restriction_rows(b)
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


def has_fund(store: ViewStore, fund_id: str) -> bool:
    """Whether the fund views have the fund (when caught up: whether it was ever opened)."""
    return bool(store.query("SELECT 1 FROM {s}funds WHERE fund_id = ?", (fund_id,)))


def balances(
    store: ViewStore,
    *,
    fund_id: str | None = None,
    station_id: str | None = None,
    station_ids: frozenset[str] | None = None,
) -> list[FundBalance]:
    """Every fund's balances now (or one fund's, or one station's, or those of a set of
    stations), ordered by fund code."""
    out = []
    for fund in _funds(store, fund_id, station_scope(station_id, station_ids)):
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
    station_ids: frozenset[str] | None = None,
    events_after: EventsAfter,
) -> list[FundBalance]:
    """Cash balances as of the end of business ``day``, or just after log ``position``.

    Exactly one of ``day`` and ``position`` is given. Each fund's answer is
    ``fund_state_at``: a checkpoint and the few events after it, read from the log with
    ``events_after``. Funds opened later are left out; goods and in-kind values are
    reported empty (zero): a point-in-time answer is about cash.
    """
    if (day is None) == (position is None):
        msg = "give exactly one of day= and position="
        raise ValueError(msg)
    at = day.isoformat() if day is not None else ""
    out = []
    for fund in _funds(store, fund_id, station_scope(station_id, station_ids)):
        code, closed_on, opened_on, opened_at, closed_at = (
            fund[0],
            fund[4],
            fund[7],
            fund[8],
            fund[9],
        )
        if position is not None:
            if opened_at > position:
                continue
            closed = bool(closed_at) and closed_at <= position
        else:
            if opened_on > at:
                continue
            closed = bool(closed_on) and closed_on <= at
        state = fund_state_at(store, events_after, code, day=day, position=position)
        rows = _restriction_rows(state)
        out.append(
            _fund_balance(fund, rows, (), closed=closed, in_kind_received_fen=0, in_kind_held_fen=0)
        )
    return out


def fund_state_at(
    store: ViewStore,
    events_after: EventsAfter,
    fund_id: str,
    *,
    day: dt.date | None = None,
    position: int | None = None,
) -> FundBalances:
    """A fund's counters and in-kind totals at the end of ``day``, or just after ``position``.

    Exactly one of the two is given. By position: the last checkpoint at or before it,
    then the events after that checkpoint up to the position. By day: the events dated
    on or before it, whenever they were recorded. The last checkpoint whose versions are
    all dated on or before the day (its ``last_day``) holds those versions; the versions
    after it, up to the next checkpoint (fewer than ``CHECKPOINT_EVENTS``), are read and
    kept if dated on or before the day; a later version can be dated so only if it is a
    late entry, and ``fund_late_entries`` names those. The counters are sums, so the
    order they are added in does not matter.
    """
    balances = FundBalances()
    columns = "version, counters, in_kind_received_fen, in_kind_out_fen"
    if position is not None:
        found = store.query(
            f"SELECT {columns} FROM {{s}}fund_checkpoints WHERE fund_id = ? AND position <= ? "
            "ORDER BY position DESC LIMIT 1",
            (fund_id, position),
        )
        version = _from_checkpoint(balances, found)
        # Pages of CHECKPOINT_EVENTS: the next checkpoint is after the position, so one
        # page holds them all unless the views were checkpointed at a longer interval.
        while True:
            page = events_after(fund_id, version, CHECKPOINT_EVENTS)
            for at, event in page:
                if at > position:
                    break
                balances.apply(event)
                version = event.originator_version
            else:
                if len(page) == CHECKPOINT_EVENTS:
                    continue
            break
        return balances
    if day is None:
        msg = "give exactly one of day= and position="
        raise ValueError(msg)
    end = day.isoformat()
    # One statement (a point-in-time answer is a handful of round trips): the checkpoint
    # (kind 0), the next one's version (kind 1) and the late entries from that one on
    # dated by the day (kind 2).
    after_checkpoint = (
        "(SELECT MIN(version) FROM {s}fund_checkpoints WHERE fund_id = ? AND last_day > ?)"
    )
    rows = store.query(
        f"SELECT * FROM (SELECT 0, {columns} FROM {{s}}fund_checkpoints "
        "WHERE fund_id = ? AND last_day <= ? ORDER BY version DESC LIMIT 1) AS c "
        f"UNION ALL SELECT 1, {after_checkpoint}, NULL, NULL, NULL "
        "UNION ALL SELECT 2, version, NULL, NULL, NULL FROM {s}fund_late_entries "
        f"WHERE fund_id = ? AND day <= ? AND version >= {after_checkpoint}",
        (fund_id, end, fund_id, end, fund_id, end, fund_id, end),
    )
    version = _from_checkpoint(balances, [r[1:] for r in rows if r[0] == 0])
    after = next(r[1] for r in rows if r[0] == 1)
    limit = None if after is None else after - 1 - version
    for _, event in events_after(fund_id, version, limit):
        if event.occurred_on <= day:
            balances.apply(event)
    for late in sorted(r[1] for r in rows if r[0] == 2):
        for _, event in events_after(fund_id, late - 1, 1):
            balances.apply(event)
    return balances


def late_entries(
    store: ViewStore,
    events_after: EventsAfter,
    fund_id: str,
    from_version: int,
    first: dt.date | None,
    last: dt.date,
) -> list[tuple[int, Any]]:
    """The fund's late entries from version ``from_version`` on dated from ``first`` (or
    any day) to ``last``, read from the log (one seek each)."""
    versions = store.query(
        "SELECT version FROM {s}fund_late_entries WHERE fund_id = ? AND version >= ? "
        "AND day >= ? AND day <= ? ORDER BY version",
        (fund_id, from_version, first.isoformat() if first else "", last.isoformat()),
    )
    out: list[tuple[int, Any]] = []
    for (version,) in versions:
        out.extend(events_after(fund_id, version - 1, 1))
    return out


def _from_checkpoint(balances: FundBalances, found: list[tuple[Any, ...]]) -> int:
    """Start ``balances`` from a checkpoint row, if any; returns its version (0 if none)."""
    if not found:
        return 0
    version, counters, received, out = found[0]
    balances.restrictions = decode_checkpoint(counters)
    balances.in_kind_received_fen, balances.in_kind_out_fen = received, out
    return int(version)
