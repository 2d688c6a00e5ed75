"""The goods register (物资台账): goods in units, per fund, purpose, item and unit.

A station that received 145箱泡面 and handed them all out wants to see just that: how
many came in, how many left (派发 handed out, 变卖 sold, a gift entry reversed), and how
many are left, whatever value was booked for them (unvalued goods book none, rule 8).

Read from each fund's events in the log (``projections.fund_log``: ``FundReader``). The
stock comes from ``domain.balances.FundBalances``, the fold the Fund aggregate checks its
rules with, over the events dated on or before the day (at the start: before the
period's first day): the register never computes a stock of its own. The movements of
the period are the goods events dated in it, counted by kind; so for every line
``opening + received - reversed - handed_out - sold == in_stock`` (tested).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

import msgspec

from sgz_ledger.domain.balances import FundBalances, StockLine, stock_key
from sgz_ledger.domain.errors import InvalidInput
from sgz_ledger.domain.events import (
    DonationReversed,
    FundOpened,
    GoodsDistributed,
    GoodsSold,
    InKindDonationReceived,
)
from sgz_ledger.projections.framework import ViewStore
from sgz_ledger.projections.fund_log import FundReader

# The row is defined beside the disclosure, which lists it too (and this module reads
# ``reports.funds``, not the other way round).
from sgz_ledger.reports.funds import GoodsLineRow, fund_codes
from sgz_ledger.reports.scope import station_scope

__all__ = ["GoodsLineRow", "GoodsRegister", "goods_lines", "goods_register"]


class GoodsRegister(msgspec.Struct, frozen=True, kw_only=True):
    """The goods register of a fund, a station or every station, for a period or all time.

    Attributes:
        from_day, to_day: the period (``None``: open at that end).
        lines: by fund, purpose, item and unit.
        stations: the station codes covered, when asked for a set of them (a level of
            the register: ``unit_id`` at ``level``); unset otherwise.
    """

    fund_id: str | None
    station_id: str | None
    from_day: dt.date | None
    to_day: dt.date | None
    lines: tuple[GoodsLineRow, ...]
    unit_id: str | msgspec.UnsetType = msgspec.UNSET
    level: str | msgspec.UnsetType = msgspec.UNSET
    stations: tuple[str, ...] | msgspec.UnsetType = msgspec.UNSET

    def to_json(self) -> bytes:
        """The register as JSON (quantities as integers, values as integers of fen)."""
        return msgspec.json.encode(self)


_GOODS = (InKindDonationReceived, DonationReversed, GoodsDistributed, GoodsSold)


def _stock(events: Iterable[Any], before: dt.date | None) -> dict[str, StockLine]:
    """The fund's stock at the end of ``before`` (now when ``None``), by stock key."""
    balances = FundBalances()
    for event in events:
        if isinstance(event, _GOODS) and (before is None or event.occurred_on <= before):
            balances.apply(event)
    return balances.stock


def goods_lines(
    events: Sequence[tuple[int, Any]],
    from_day: dt.date | None = None,
    to_day: dt.date | None = None,
) -> list[GoodsLineRow]:
    """One fund's register lines from its ``(position, event)`` pairs (its whole history).

    A line is listed when the fund ever received goods of that item, unit and purpose
    dated on or before ``to_day``.
    """
    fund_events = [event for _, event in events]
    if not fund_events or not isinstance(fund_events[0], FundOpened):
        return []
    opened = fund_events[0]
    end = _stock(fund_events, to_day)
    start = {} if from_day is None else _stock(fund_events, from_day - dt.timedelta(days=1))
    moved: dict[str, list[int]] = {}  # received, reversed, out, sold; and their values

    def count(key: str, column: int, quantity: int, value_fen: int) -> None:
        row = moved.setdefault(key, [0] * 8)
        row[column] += quantity
        row[column + 4] += value_fen

    for event in fund_events:
        if not isinstance(event, _GOODS):
            continue
        day = event.occurred_on
        if (from_day is not None and day < from_day) or (to_day is not None and day > to_day):
            continue
        if isinstance(event, InKindDonationReceived | DonationReversed):
            column = 0 if isinstance(event, InKindDonationReceived) else 1
            for g in event.items:
                key = stock_key(g.item, g.unit, event.restriction)
                count(key, column, g.quantity, g.value_fen or 0)
        else:
            key = stock_key(event.item, event.unit, event.restriction)
            column = 2 if isinstance(event, GoodsDistributed) else 3
            count(key, column, event.quantity, event.value_fen)
    out = []
    for key in sorted(end.keys() | moved.keys()):
        line = end.get(key)
        if line is None:  # goods dated after the period only
            continue
        m = moved.get(key, [0] * 8)
        before = start.get(key)
        out.append(
            GoodsLineRow(
                fund_id=opened.fund_id,
                station_id=opened.station_id,
                restriction=line.restriction,
                item=line.item,
                unit=line.unit,
                opening=0 if before is None else before.quantity,
                received=m[0],
                reversed=m[1],
                handed_out=m[2],
                sold=m[3],
                in_stock=line.quantity,
                received_value_fen=m[4],
                reversed_value_fen=m[5],
                handed_out_value_fen=m[6],
                sold_value_fen=m[7],
                in_stock_value_fen=line.value_fen,
            )
        )
    return out


def goods_register(
    store: ViewStore,
    read: FundReader,
    *,
    fund_id: str | None = None,
    station_id: str | None = None,
    from_day: dt.date | None = None,
    to_day: dt.date | None = None,
    station_ids: frozenset[str] | None = None,
) -> GoodsRegister:
    """The register of ``fund_id``, or of every fund of ``station_id`` or of the stations
    ``station_ids`` (or of the store).

    Args:
        store: a view store whose fund views are up to date (it lists the funds).
        read: a fund's events from the same log, with their positions, in order.

    Raises:
        InvalidInput: ``to_day`` is before ``from_day``.
    """
    InvalidInput.check_period(from_day, to_day, field="to_day")
    stations = station_scope(station_id, station_ids)
    codes = [fund_id] if fund_id is not None else fund_codes(store, station_ids=stations)
    lines: list[GoodsLineRow] = []
    for code in codes:
        lines += goods_lines(read(code), from_day, to_day)
    return GoodsRegister(
        fund_id=fund_id,
        station_id=station_id,
        from_day=from_day,
        to_day=to_day,
        lines=tuple(lines),
        stations=msgspec.UNSET if station_ids is None else tuple(sorted(station_ids)),
    )
