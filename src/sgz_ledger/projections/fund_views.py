"""The fund views: balances now, checkpoints, goods.

One projection (``FundViews``) folds every fund event into five tables of aggregates
(schema in ``docs/projections.md``; every amount in fen):

``funds``               one row per fund: who runs it, in-kind totals, open or closed, the
                        log positions of its opening and closing, and the latest business
                        date its events carry.
``fund_balances``       per fund and restriction (``''`` = unrestricted): the counters and
                        total / reserved / available now.
``fund_goods``          goods in stock per fund, item, unit and restriction.
``fund_checkpoints``    every ``CHECKPOINT_EVENTS``-th version of a fund: its log position,
                        the latest business date of the versions up to it, its restrictions'
                        counters and its in-kind totals. The index of time, by position and
                        by date: a balance "as of position P" or "as of day D" starts from
                        the checkpoint that brackets it and folds the few events after it,
                        read from the log (``reports.balances``).
``fund_late_entries``   the versions of a fund whose business date is before a date the
                        fund's earlier versions already reached (with that date and their
                        position): the only versions after a checkpoint that can be dated
                        before it, so that "as of day D" and a period's statement read them
                        and not the fund's whole history.

No table holds a row per event or per day: a rebuild writes about one row for every ten
events (a checkpoint per 32 versions of a fund, and each batch's changed balances), and
the reports read single events from the log (``projections.fund_log``), so the views
keep nothing personal in clear beside encrypted events, and no second copy of what the
hash chain protects.

The money arithmetic is ``domain.balances.FundBalances``, the fold the Fund aggregate
checks its rules with, so a view can never disagree with a rule about what an event does.
"""

from __future__ import annotations

import datetime as dt
import functools
import operator
from collections.abc import Callable, Sequence
from typing import Any

import msgspec

from sgz_ledger.domain.balances import FundBalances, RestrictionBalance, StockLine, stock_key
from sgz_ledger.domain.errors import UnknownEvent
from sgz_ledger.domain.events import (
    DELIVERY_EVENT_TYPES,
    DONOR_EVENT_TYPES,
    LEVEL_EVENT_TYPES,
    PEOPLE_EVENT_TYPES,
    PERIOD_EVENT_TYPES,
    PROJECT_EVENT_TYPES,
    RECOGNITION_EVENT_TYPES,
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
from sgz_ledger.projections.framework import Append, Op, Put, Table
from sgz_ledger.projections.fund_log import ENTRY_KINDS, TOUCHED

__all__ = [
    "BALANCE_COLUMNS",
    "CHECKPOINT_EVENTS",
    "ENTRY_KINDS",
    "FundViews",
    "decode_checkpoint",
]

# A fund's counters are checkpointed after every this many of its versions: a point-in-time
# balance then folds fewer than this many events read from the log (well under a
# millisecond), and a period's statement reads at most this many on either side of it.
# Smaller costs rows in every rebuild; larger costs every such query.
CHECKPOINT_EVENTS = 32

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
        ("last_day", "text"),  # the latest business date of the fund's events
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
CHECKPOINTS = Table(
    "fund_checkpoints",
    (
        ("fund_id", "text"),
        ("version", "int"),
        ("position", "int"),
        ("last_day", "text"),  # the latest business date of the versions up to this one
        # JSON: {restriction: [received, refunded, paid, approved, released, moved in,
        # moved out]}, the seven stored counters of BALANCE_COLUMNS.
        ("counters", "text"),
        ("in_kind_received_fen", "int"),
        ("in_kind_out_fen", "int"),
    ),
    ("fund_id", "version"),
    (("fund_id", "position"),),
)
LATE = Table(
    "fund_late_entries",
    (("fund_id", "text"), ("version", "int"), ("day", "text"), ("position", "int")),
    ("fund_id", "version"),
)

# Sorted keys: a fold restored from the tables meets restrictions in another order than
# one from the start, and both must write the same text (the audit compares it).
_encode_counters = msgspec.json.Encoder(order="sorted").encode
_decode_counters = msgspec.json.Decoder(dict[str, tuple[int, int, int, int, int, int, int]]).decode


def decode_checkpoint(text: str) -> dict[str, RestrictionBalance]:
    """A checkpoint's ``counters`` column as the restrictions' balances."""
    return {name: _balance(c) for name, c in _decode_counters(text).items()}


def _balance(c: Sequence[int]) -> RestrictionBalance:
    """A restriction's balance from its seven stored counters, in BALANCE_COLUMNS order."""
    return RestrictionBalance(
        received_fen=c[0],
        refunded_fen=c[1],
        paid_fen=c[2],
        approved_fen=c[3],
        released_fen=c[4],
        moved_in_fen=c[5],
        moved_out_fen=c[6],
    )


class _Fund:
    """What the fold keeps of one fund between events.

    Attributes:
        dirty: the restrictions whose counters moved in this batch.
    """

    __slots__ = (
        "balances",
        "closed_on",
        "closed_position",
        "code",
        "dirty",
        "last_day",
        "opened",
        "opened_position",
    )

    def __init__(self, opened: FundOpened, position: int) -> None:
        self.opened = opened
        self.code = opened.fund_id
        self.opened_position = position
        self.closed_on = ""
        self.closed_position = 0
        self.last_day = ""
        self.balances = FundBalances()
        self.dirty: set[str] = set()

    def row(self) -> tuple[Any, ...]:
        """The fund's ``funds`` row."""
        opened, balances = self.opened, self.balances
        return (
            opened.fund_id,
            opened.station_id,
            opened.community,
            opened.name,
            opened.host,
            opened.occurred_on.isoformat(),
            self.closed_on,
            balances.in_kind_received_fen,
            balances.in_kind_out_fen,
            self.opened_position,
            self.closed_position,
            self.last_day,
        )


class FundViews:
    """Folds fund events into the fund tables (see the module docstring)."""

    name: str = "fund_views"
    # 2: SQLite tables WITHOUT ROWID; 3: no per-event statement table, fund positions;
    # 4: checkpoints and late entries instead of the per-event and per-day indexes.
    version: int = 4
    tables: tuple[Table, ...] = (FUNDS, BALANCES, GOODS, CHECKPOINTS, LATE)
    # Tables of earlier versions, dropped when the views are rebuilt at this version:
    # ``fund_entries`` held every fund event's donor, payee and actor in clear,
    # ``balance_at_position`` a row for every money-moving event, ``balance_on_day`` a
    # row for every fund, restriction and business day with entries.
    retired_tables: tuple[str, ...] = ("fund_entries", "balance_at_position", "balance_on_day")
    # Every fund event; the events of volunteers, activities, stations and donors move no
    # fund's money. Any other event is an ``UnknownEvent``, never skipped.
    reads: frozenset[type[LedgerEvent]] = frozenset(ENTRY_KINDS)
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
        self.reset()

    def reset(self) -> None:
        """Forget everything folded."""
        # By the aggregate id's integer: a UUID's own hash is Python code, an int's is not.
        self._funds: dict[int, _Fund] = {}
        # What ``finish`` writes at the end of a batch: the funds whose restrictions moved
        # (their ``fund_balances`` rows) and those whose ``funds`` row changed.
        self._dirty_funds: list[_Fund] = []
        self._pending_funds: dict[int, _Fund] = {}

    def finish(self, ops: list[Op]) -> None:
        """The batch's last ``funds`` and ``fund_balances`` rows, once per key."""
        ops.extend(Put("funds", fund.row()) for fund in self._pending_funds.values())
        for fund in self._dirty_funds:
            code, station_id = fund.code, fund.opened.station_id
            restrictions = fund.balances.restrictions
            for restriction in sorted(fund.dirty):
                row = _row(restrictions[restriction])
                ops.append(Put("fund_balances", (code, restriction, station_id, *row)))
            fund.dirty.clear()
        self._dirty_funds.clear()
        self._pending_funds.clear()

    # ---- restoring the fold's state from the tables ---------------------------------

    def restore(self, store: Any) -> None:
        """Rebuild funds, counters and stock from the tables."""
        epoch = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
        for row in store.query(
            "SELECT fund_id, station_id, community, name, host, opened_on, closed_on, "
            "in_kind_received_fen, in_kind_out_fen, opened_position, closed_position, "
            "last_day FROM {s}funds"
        ):
            (fund_id, station_id, community, name, host, opened_on, closed_on, kin, kout,
             opened_at, closed_at, last_day) = row  # fmt: skip
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
            fund.last_day = last_day
            fund.balances.in_kind_received_fen = kin
            fund.balances.in_kind_out_fen = kout
        by_code = {f.opened.fund_id: f for f in self._funds.values()}
        for row in store.query(
            "SELECT fund_id, restriction, received_fen, refunded_fen, paid_fen, approved_fen, "
            "released_fen, moved_in_fen, moved_out_fen FROM {s}fund_balances"
        ):
            fund_id, restriction, *counters = row
            by_code[fund_id].balances.restrictions[restriction] = _balance(counters)
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

    # ---- the fold -------------------------------------------------------------------

    def apply(self, event: Any, position: int, ops: list[Op]) -> None:
        """Fold one event (``ignores`` says which events change no fund view).

        The hot path of every catch-up, so it does as little per event as the views allow:
        the counters move, the restrictions they moved in are noted (``finish`` writes
        their rows once a batch), a checkpoint every ``CHECKPOINT_EVENTS`` versions and a
        late entry are rows of their own.
        """
        cls = type(event)
        touched_by = TOUCHED.get(cls)
        if touched_by is None:
            if cls in self.ignores:
                return
            raise UnknownEvent(type(self).__name__, cls)
        uid = event.originator_id.int
        if cls is FundOpened:
            fund = self._funds[uid] = _Fund(event, position)
        else:
            fund = self._funds[uid]
        balances = fund.balances
        touched = touched_by(event)
        if touched:
            dirty = fund.dirty
            if not dirty:
                self._dirty_funds.append(fund)
            dirty.update(touched)
        goods = cls in _GOODS_EVENTS
        balances.apply(event)
        day = _iso_day(event.occurred_on)
        version = event.originator_version
        if day > fund.last_day:
            fund.last_day = day
            self._pending_funds[uid] = fund
        elif day < fund.last_day:
            ops.append(Append("fund_late_entries", (fund.code, version, day, position)))
        if version % CHECKPOINT_EVENTS == 0:
            ops.append(
                Append(
                    "fund_checkpoints",
                    (
                        fund.code,
                        version,
                        position,
                        fund.last_day,
                        _encode_counters(
                            {r: _BASE(b) for r, b in balances.restrictions.items()}
                        ).decode(),
                        balances.in_kind_received_fen,
                        balances.in_kind_out_fen,
                    ),
                )
            )
        if cls is FundClosed:
            fund.closed_on = event.occurred_on.isoformat()
            fund.closed_position = position
            self._pending_funds[uid] = fund
        elif cls is FundOpened:
            self._pending_funds[uid] = fund
        if not goods:
            return
        self._pending_funds[uid] = fund
        for key in _stock_keys(event):
            line = balances.stock[key]
            ops.append(
                Put(
                    "fund_goods",
                    (
                        fund.code,
                        line.item,
                        line.unit,
                        line.restriction,
                        fund.opened.station_id,
                        line.quantity,
                        line.value_fen,
                    ),
                )
            )


def _row(b: RestrictionBalance) -> tuple[int, ...]:
    """A restriction's ten counter columns (BALANCE_COLUMNS) from its seven counters."""
    a = _BASE(b)
    total = a[0] - a[1] - a[2] + a[5] - a[6]
    reserved = a[3] - a[2] - a[4]
    return (*a, total, reserved, total - reserved)


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


_GOODS_EVENTS = frozenset({InKindDonationReceived, DonationReversed, GoodsDistributed, GoodsSold})


def _stock_keys(event: FundEvent) -> tuple[str, ...]:
    match event:
        case InKindDonationReceived() | DonationReversed():
            return tuple(stock_key(g.item, g.unit, event.restriction) for g in event.items)
        case GoodsDistributed() | GoodsSold():
            return (stock_key(event.item, event.unit, event.restriction),)
        case _:
            return ()
