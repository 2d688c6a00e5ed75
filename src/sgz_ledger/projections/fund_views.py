"""The fund views: balances, point-in-time indexes, goods.

One projection (``FundViews``) folds every fund event into five tables of aggregates
(schema in ``docs/projections.md``; every amount in fen):

``funds``               one row per fund: who runs it, in-kind totals, open or closed, and
                        the log positions of its opening and closing.
``fund_balances``       per fund and restriction (``''`` = unrestricted): the counters and
                        total / reserved / available now.
``fund_goods``          goods in stock per fund, item, unit and restriction.
``balance_at_position`` the same counters after every money-moving event, keyed by log
                        position: "as of position P" is one index seek.
``balance_on_day``      the same counters as of the end of each business day with entries,
                        keyed by date: "as of date D" is one index seek. An entry dated
                        before later ones (a late entry) adds its change to every later
                        day (``CarryAdd``), so the index stays exact.

No table holds a row per event with its donor, payee or actor: statements and the
other reports read a fund's events from the log (``projections.fund_log``), so the
views keep nothing personal in clear beside encrypted events, and no second copy of
what the hash chain protects.

The money arithmetic is ``domain.balances.FundBalances``, the fold the Fund aggregate
checks its rules with, so a view can never disagree with a rule about what an event does.
"""

from __future__ import annotations

import datetime as dt
import functools
import operator
from collections.abc import Callable
from typing import Any

from sgz_ledger.domain.balances import FundBalances, RestrictionBalance, StockLine, stock_key
from sgz_ledger.domain.errors import UnknownEvent
from sgz_ledger.domain.events import (
    DONOR_EVENT_TYPES,
    VOLUNTEER_EVENT_TYPES,
    DonationReversed,
    FundClosed,
    FundEvent,
    FundOpened,
    GoodsDistributed,
    GoodsSold,
    InKindDonationReceived,
    LedgerEvent,
)
from sgz_ledger.domain.fund import fund_uuid
from sgz_ledger.projections.framework import Append, CarryAdd, Op, Put, Table
from sgz_ledger.projections.fund_log import ENTRY_KINDS, TOUCHED

__all__ = ["BALANCE_COLUMNS", "ENTRY_KINDS", "FundViews"]

# The counters of one restriction, in this order in every balance table.
BALANCE_COLUMNS = (
    "received_fen",
    "refunded_fen",
    "paid_fen",
    "approved_fen",
    "released_fen",
    "moved_in_fen",
    "moved_out_fen",
    "total_fen",
    "reserved_fen",
    "available_fen",
)
_COUNTERS = tuple((name, "int") for name in BALANCE_COLUMNS)

FUNDS = Table(
    "funds",
    (
        ("fund_id", "text"),
        ("station_id", "text"),
        ("community", "text"),
        ("name", "text"),
        ("host", "text"),
        ("opened_on", "text"),
        ("closed_on", "text"),  # '' while open
        ("in_kind_received_fen", "int"),
        ("in_kind_out_fen", "int"),
        ("opened_position", "int"),  # the log position of the fund's opening
        ("closed_position", "int"),  # and of its closing (0 while open)
    ),
    ("fund_id",),
    (("station_id",),),
)
BALANCES = Table(
    "fund_balances",
    (("fund_id", "text"), ("restriction", "text"), ("station_id", "text"), *_COUNTERS),
    ("fund_id", "restriction"),
    (("station_id",),),
)
GOODS = Table(
    "fund_goods",
    (
        ("fund_id", "text"),
        ("item", "text"),
        ("unit", "text"),
        ("restriction", "text"),
        ("station_id", "text"),
        ("quantity", "int"),
        ("value_fen", "int"),
    ),
    ("fund_id", "item", "unit", "restriction"),
)
AT_POSITION = Table(
    "balance_at_position",
    (("fund_id", "text"), ("restriction", "text"), ("position", "int"), *_COUNTERS),
    ("fund_id", "restriction", "position"),
)
ON_DAY = Table(
    "balance_on_day",
    (("fund_id", "text"), ("restriction", "text"), ("day", "text"), *_COUNTERS),
    ("fund_id", "restriction", "day"),
)


class _Fund:
    __slots__ = ("balances", "closed_on", "closed_position", "opened", "opened_position")

    def __init__(self, opened: FundOpened, position: int) -> None:
        self.opened = opened
        self.opened_position = position
        self.closed_on = ""
        self.closed_position = 0
        self.balances = FundBalances()


class FundViews:
    """Folds fund events into the fund tables (see the module docstring)."""

    name: str = "fund_views"
    # 2: SQLite tables WITHOUT ROWID; 3: no per-event statement table, fund positions.
    version: int = 3
    tables: tuple[Table, ...] = (FUNDS, BALANCES, GOODS, AT_POSITION, ON_DAY)
    # Tables of earlier versions, dropped when the views are rebuilt at this version:
    # ``fund_entries`` held every fund event's donor, payee and actor in clear.
    retired_tables: tuple[str, ...] = ("fund_entries",)
    # Every fund event; the events of volunteers, activities, stations and donors move no
    # fund's money. Any other event is an ``UnknownEvent``, never skipped.
    reads: frozenset[type[LedgerEvent]] = frozenset(ENTRY_KINDS)
    ignores: frozenset[type[LedgerEvent]] = frozenset((*VOLUNTEER_EVENT_TYPES, *DONOR_EVENT_TYPES))

    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        """Forget everything folded."""
        # By the aggregate id's integer: a UUID's own hash is Python code, an int's is not.
        self._funds: dict[int, _Fund] = {}
        self._last_day: dict[tuple[str, str], str] = {}
        # Rows of this batch whose last value is written by ``finish``, by (fund, restriction):
        # (station, counters) and (day, counters).
        self._pending_balance: dict[tuple[str, str], tuple[str, tuple[int, ...]]] = {}
        self._pending_day: dict[tuple[str, str], tuple[str, tuple[int, ...]]] = {}

    def finish(self, ops: list[Op]) -> None:
        """The batch's last ``fund_balances`` and ``balance_on_day`` rows, once per key."""
        ops.extend(
            Put("fund_balances", (fund_id, restriction, station_id, *after))
            for (fund_id, restriction), (station_id, after) in self._pending_balance.items()
        )
        ops.extend(
            Put("balance_on_day", (fund_id, restriction, day, *after))
            for (fund_id, restriction), (day, after) in self._pending_day.items()
        )
        self._pending_balance.clear()
        self._pending_day.clear()

    # ---- restoring the fold's state from the tables ---------------------------------

    def restore(self, store: Any) -> None:
        """Rebuild funds, counters, stock and the last indexed day from the tables."""
        epoch = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
        for row in store.query(
            "SELECT fund_id, station_id, community, name, host, opened_on, closed_on, "
            "in_kind_received_fen, in_kind_out_fen, opened_position, closed_position "
            "FROM {s}funds"
        ):
            (fund_id, station_id, community, name, host, opened_on, closed_on, kin, kout,
             opened_at, closed_at) = row  # fmt: skip
            uid = fund_uuid(fund_id)
            opened = FundOpened(
                originator_id=uid,
                originator_version=1,
                timestamp=epoch,
                actor="",
                occurred_on=dt.date.fromisoformat(opened_on),
                fund_id=fund_id,
                station_id=station_id,
                community=community,
                name=name,
                host=host,
                approval_threshold_fen=0,
                publicity_required=False,
            )
            fund = self._funds[uid.int] = _Fund(opened, opened_at)
            fund.closed_on = closed_on
            fund.closed_position = closed_at
            fund.balances.in_kind_received_fen = kin
            fund.balances.in_kind_out_fen = kout
        by_code = {f.opened.fund_id: f for f in self._funds.values()}
        for row in store.query(
            "SELECT fund_id, restriction, received_fen, refunded_fen, paid_fen, approved_fen, "
            "released_fen, moved_in_fen, moved_out_fen FROM {s}fund_balances"
        ):
            fund_id, restriction, *counters = row
            by_code[fund_id].balances.restrictions[restriction] = RestrictionBalance(
                received_fen=counters[0],
                refunded_fen=counters[1],
                paid_fen=counters[2],
                approved_fen=counters[3],
                released_fen=counters[4],
                moved_in_fen=counters[5],
                moved_out_fen=counters[6],
            )
        for fund_id, item, unit, restriction, quantity, value_fen in store.query(
            "SELECT fund_id, item, unit, restriction, quantity, value_fen FROM {s}fund_goods"
        ):
            balances = by_code[fund_id].balances
            line = balances.stock_line(item, unit, restriction)
            if line is None:
                line = balances.stock[stock_key(item, unit, restriction)] = StockLine(
                    item=item, unit=unit, restriction=restriction
                )
            line.quantity, line.value_fen = quantity, value_fen
        for fund_id, restriction, day in store.query(
            "SELECT fund_id, restriction, MAX(day) FROM {s}balance_on_day "
            "GROUP BY fund_id, restriction"
        ):
            self._last_day[(fund_id, restriction)] = day

    # ---- the fold -------------------------------------------------------------------

    def apply(self, event: Any, position: int, ops: list[Op]) -> None:
        """Fold one event (``ignores`` says which events change no fund view).

        The hot path of every catch-up: one dictionary dispatch per event, the counters
        read with one ``attrgetter`` call, and the full ten-counter deltas computed only
        for a late entry (``CarryAdd``), the one place that needs them.
        """
        cls = type(event)
        kind = ENTRY_KINDS.get(cls)
        if kind is None:
            if cls in self.ignores:
                return
            raise UnknownEvent(type(self).__name__, cls)
        if cls is FundOpened:
            fund = self._funds[event.originator_id.int] = _Fund(event, position)
        else:
            fund = self._funds[event.originator_id.int]
        opened = fund.opened
        balances = fund.balances
        touched = TOUCHED[cls](event)
        restriction_of = balances.restriction
        before = [_BASE(restriction_of(r)) for r in touched]
        stock_keys = _stock_keys(event) if cls in _GOODS_EVENTS else ()
        balances.apply(event)
        if cls is FundClosed:
            fund.closed_on = event.occurred_on.isoformat()
            fund.closed_position = position
        fund_id, station_id = opened.fund_id, opened.station_id
        day = _iso_day(event.occurred_on)

        restrictions = balances.restrictions
        last_day = self._last_day
        pending_balance = self._pending_balance
        pending_day = self._pending_day
        for restriction, base in zip(touched, before, strict=True):
            # _with_totals, _total and _reserved written out: this loop runs for
            # nearly every event of a catch-up.
            a = _BASE(restrictions[restriction])
            total = a[0] - a[1] - a[2] + a[5] - a[6]
            reserved = a[3] - a[2] - a[4]
            after = (*a, total, reserved, total - reserved)
            series = (fund_id, restriction)
            # Rows replaced by later events of the same batch are kept back, as their
            # counters, until the batch ends: ``finish`` builds the last one of each and a
            # busy restriction's row is written once a batch.
            pending_balance[series] = (station_id, after)
            ops.append(Append("balance_at_position", (fund_id, restriction, position, *after)))
            last = last_day.get(series)
            waiting = pending_day.get(series)
            if last is None or day >= last:
                last_day[series] = day
                if waiting is not None and waiting[0] != day:
                    ops.append(Put("balance_on_day", (*series, waiting[0], *waiting[1])))
                pending_day[series] = (day, after)
            else:
                # A late entry changes the days after it: the day kept back is written
                # first, so that the carry reaches it too.
                if waiting is not None:
                    ops.append(Put("balance_on_day", (*series, waiting[0], *waiting[1])))
                    del pending_day[series]
                deltas = tuple(a - b for a, b in zip(after, _with_totals(base), strict=True))
                ops.append(CarryAdd("balance_on_day", series, day, deltas))
        if cls in _FUND_ROW_EVENTS or stock_keys:
            ops.append(
                Put(
                    "funds",
                    (
                        fund_id,
                        station_id,
                        opened.community,
                        opened.name,
                        opened.host,
                        opened.occurred_on.isoformat(),
                        fund.closed_on,
                        balances.in_kind_received_fen,
                        balances.in_kind_out_fen,
                        fund.opened_position,
                        fund.closed_position,
                    ),
                )
            )
        for key in stock_keys:
            line = balances.stock[key]
            ops.append(
                Put(
                    "fund_goods",
                    (
                        fund_id,
                        line.item,
                        line.unit,
                        line.restriction,
                        station_id,
                        line.quantity,
                        line.value_fen,
                    ),
                )
            )


# A business day's ISO text, computed once per day (a catch-up meets each day many times).
_iso_day: Callable[[dt.date], str] = functools.lru_cache(maxsize=8192)(dt.date.isoformat)


# The seven stored counters of a restriction, in BALANCE_COLUMNS order, in one C call.
_BASE = operator.attrgetter(
    "received_fen",
    "refunded_fen",
    "paid_fen",
    "approved_fen",
    "released_fen",
    "moved_in_fen",
    "moved_out_fen",
)


def _total(b: tuple[int, ...]) -> int:
    # The same identities as domain.balances.RestrictionBalance (checked by the tests
    # against it): total = received - refunded - paid + moved_in - moved_out.
    return b[0] - b[1] - b[2] + b[5] - b[6]


def _reserved(b: tuple[int, ...]) -> int:
    return b[3] - b[2] - b[4]


def _with_totals(b: tuple[int, ...]) -> tuple[int, ...]:
    """The seven counters and total, reserved, available: a row's ten counter columns."""
    total = _total(b)
    reserved = _reserved(b)
    return (*b, total, reserved, total - reserved)


_GOODS_EVENTS = frozenset({InKindDonationReceived, DonationReversed, GoodsDistributed, GoodsSold})
_FUND_ROW_EVENTS = frozenset({FundOpened, FundClosed, InKindDonationReceived, DonationReversed})


def _stock_keys(event: FundEvent) -> tuple[str, ...]:
    match event:
        case InKindDonationReceived() | DonationReversed():
            return tuple(stock_key(g.item, g.unit, event.restriction) for g in event.items)
        case GoodsDistributed() | GoodsSold():
            return (stock_key(event.item, event.unit, event.restriction),)
        case _:
            return ()
