"""Replay the raw event log as of a date or position, and compare it with the views.

An auditor's second question, after "is every fact there, unaltered?" (the hash
chain), is "do the balances and figures follow from those facts?". ``replay_funds``
and ``replay_volunteers`` fold the stored events themselves, read straight from the
events table, without the persisted views and without the aggregates' snapshots;
``audit`` compares them with what the views answer, and lists every difference
(none expected: a difference means a view was edited, or a bug).

"As of a date" follows the views' definitions (docs/projections.md): a fund's cash
at the end of a business day is the fold of its events dated on or before that day,
for funds opened by then; a volunteer's hours as of a day are those of counted
records whose service date is on or before it, as the log stands (volunteer
figures are defined "as the log stands now", docs/volunteers.md). "As of a position"
is the fold of the events at or before that log position.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, NamedTuple

import msgspec

from sgz_ledger.domain.errors import StoreError
from sgz_ledger.domain.events import (
    FUND_EVENT_TYPES,
    VOLUNTEER_EVENT_TYPES,
    FundOpened,
    ServiceRecorded,
)
from sgz_ledger.projections.balances import BalancesProjection
from sgz_ledger.projections.framework import (
    Projection,
    Table,
    ViewRunner,
    ViewStore,
)
from sgz_ledger.projections.volunteer_accounts import VolunteerAccounts
from sgz_ledger.projections.volunteer_stats import VolunteerStatsProjection
from sgz_ledger.reports import balances as fund_queries
from sgz_ledger.reports import volunteers
from sgz_ledger.reports.balances import FundBalance, folded_balances
from sgz_ledger.reports.volunteers import PERIOD_DAYS_MAX, Period, VolunteerAccount
from sgz_ledger.service.erasure import keys_left
from sgz_ledger.storage.codec import event_name
from sgz_ledger.storage.factory import private_view_backend
from sgz_ledger.storage.subject_keys import SUBJECT_KEYS_TABLE

if TYPE_CHECKING:
    from sgz_ledger.service.app import LedgerService

__all__ = [
    "AuditReport",
    "Difference",
    "audit",
    "replay_events",
    "replay_funds",
    "replay_volunteers",
]

_FUND_NAMES = frozenset(event_name(cls) for cls in FUND_EVENT_TYPES)
_VOLUNTEER_NAMES = frozenset(event_name(cls) for cls in VOLUNTEER_EVENT_TYPES)


def replay_events(
    ledger: LedgerService,
    names: frozenset[str] | None = None,
    *,
    upto: int | None = None,
    progress: Callable[[int], None] | None = None,
) -> Iterator[Any]:
    """Decode the stored events (only those stored under ``names``), in log order.

    Streams through the ledger's log reader; rows of other names are not even fetched.
    ``progress`` is called with the log position reached after each batch.
    """
    return ledger.log_reader.values(upto=upto, names=names, progress=progress)


def replay_funds(
    ledger: LedgerService,
    *,
    as_of: dt.date | None = None,
    position: int | None = None,
    progress: Callable[[int], None] | None = None,
) -> list[FundBalance]:
    """Every fund's balances folded from the raw events (not the views).

    With ``as_of`` the cash at the end of that business day (funds opened by then);
    with ``position`` just after that log position. Goods and in-kind values are
    included only for "now" and ``position`` (the views do not index goods by date).
    """
    projection = BalancesProjection()
    opened_on: dict[Any, dt.date] = {}
    events = replay_events(ledger, _FUND_NAMES, upto=position, progress=progress)
    if as_of is None:
        apply = projection.apply_fund_event  # only fund events come: no type test
        for event in events:
            apply(event)
        return folded_balances(projection)
    # A fund's events dated up to the day; its opening must be dated by then too.
    # The log is read in order, so a fund's opening comes before its other events.
    for event in events:
        if isinstance(event, FundOpened):
            opened_on[event.originator_id] = event.occurred_on
            if event.occurred_on <= as_of:
                projection.apply(event)
        elif event.occurred_on <= as_of and opened_on[event.originator_id] <= as_of:
            projection.apply(event)
    return [_cash_only(row) for row in folded_balances(projection)]


def _cash_only(row: FundBalance) -> FundBalance:
    return msgspec.structs.replace(row, goods=(), in_kind_received_fen=0, in_kind_held_fen=0)


def replay_volunteers(
    ledger: LedgerService, *, as_of: dt.date | None = None, position: int | None = None
) -> list[VolunteerAccount]:
    """Every volunteer's counted service and time-bank balance, from the raw events.

    With ``as_of``, service counts records whose service date is on or before it.
    """
    return _volunteers(ledger, as_of, position)[0]


def _volunteers(
    ledger: LedgerService, as_of: dt.date | None, position: int | None
) -> tuple[list[VolunteerAccount], dt.date | None]:
    """The accounts, and the latest service date recorded (``None``: no record)."""
    accounts = VolunteerAccounts()
    latest: dt.date | None = None
    for event in replay_events(ledger, _VOLUNTEER_NAMES, upto=position):
        accounts.apply(event)
        if isinstance(event, ServiceRecorded) and (latest is None or event.service_date > latest):
            latest = event.service_date
    return volunteers.accounts(accounts, date_to=as_of), latest


class Difference(msgspec.Struct, frozen=True, kw_only=True):
    """One figure, or one cell of a view table, where the events and the views disagree.

    Attributes:
        subject: ``fund <id>``, ``fund <id> restriction <name>``, ``station <id> ...``;
            for a view table, ``<table> (<key>)``.
        figure: the figure's name (``total_fen``, ``service_s``...), a table's column,
            or ``row`` (a row only one side has), ``table``, ``column``.
        replayed: what the events give (``present`` / ``absent`` for a row, a table or a
            column).
        view: what the view holds (likewise).
        table: the view table (``""`` for a figure compared through the balances).
        key: the row's key in that table (``()`` for a whole table or column).
        column: the column that differs (``""`` for a whole row or table).
    """

    subject: str
    figure: str
    replayed: int | str
    view: int | str
    table: str = ""
    key: tuple[int | str, ...] = ()
    column: str = ""


class AuditReport(msgspec.Struct, frozen=True, kw_only=True):
    """What ``audit`` compared and every difference it found.

    Attributes:
        ok: no difference.
        as_of: the business date audited, ``None`` for "now".
        position: the log position the persisted views are at (their tracking position):
            the views were compared with the events folded up to it.
        log_position: the last position of the log when audited.
        lag: positions the persisted views are behind the log (``log_position -
            position``; 0 when up to date). Not a difference: the next query by a
            writer catches them up.
        funds: funds compared.
        stations: stations whose volunteer figures were compared.
        tables: view tables compared row by row; ``rows`` their rows (either side).
        differences: each figure or cell that differs (empty when ``ok``); at most
            ``DIFFERENCES_PER_TABLE_MAX`` of each table, ``omitted`` the rest.
        views_version: the version of the fold the store's views were made by, when it is
            an earlier one (``0``: they are this version's, or there are none). Such views
            are not compared, and not a difference: this version neither reads them (its
            readers fold the log instead) nor keeps them (its first writer rebuilds them).
            A version later than this code's is a difference.
    """

    ok: bool
    as_of: dt.date | None
    position: int
    log_position: int
    lag: int
    funds: int
    stations: int
    tables: int
    rows: int
    differences: tuple[Difference, ...]
    omitted: int
    views_version: int = 0


_CASH_FIGURES = (
    "total_fen",
    "reserved_fen",
    "available_fen",
    "received_fen",
    "refunded_fen",
    "paid_fen",
)


def _compare_funds(
    replayed: list[FundBalance], viewed: list[FundBalance], out: list[Difference]
) -> None:
    mine = {f.fund_id: f for f in replayed}
    theirs = {f.fund_id: f for f in viewed}
    for fund_id in sorted(mine.keys() | theirs.keys()):
        a, b = mine.get(fund_id), theirs.get(fund_id)
        if a is None or b is None:
            out.append(
                Difference(
                    subject=f"fund {fund_id}",
                    figure="exists",
                    replayed="yes" if a is not None else "no",
                    view="yes" if b is not None else "no",
                )
            )
            continue
        subject = f"fund {fund_id}"
        for figure in (*_CASH_FIGURES, "in_kind_received_fen", "in_kind_held_fen", "closed"):
            x, y = getattr(a, figure), getattr(b, figure)
            if x != y:
                out.append(Difference(subject=subject, figure=figure, replayed=x, view=y))
        rs = {r.restriction: r for r in a.restrictions}
        vs = {r.restriction: r for r in b.restrictions}
        for name in sorted(rs.keys() | vs.keys()):
            ra, rb = rs.get(name), vs.get(name)
            for figure in _CASH_FIGURES:
                x = getattr(ra, figure) if ra is not None else 0
                y = getattr(rb, figure) if rb is not None else 0
                if x != y:
                    where = f"{subject} restriction {name or '(unrestricted)'}"
                    out.append(Difference(subject=where, figure=figure, replayed=x, view=y))
        goods_a = {(g.item, g.unit, g.restriction): (g.quantity, g.value_fen) for g in a.goods}
        goods_b = {(g.item, g.unit, g.restriction): (g.quantity, g.value_fen) for g in b.goods}
        for key in sorted(goods_a.keys() | goods_b.keys()):
            qa, va = goods_a.get(key, (0, 0))
            qb, vb = goods_b.get(key, (0, 0))
            where = f"{subject} goods {key[0]} ({key[1]}, {key[2] or 'unrestricted'})"
            if qa != qb:
                out.append(Difference(subject=where, figure="quantity", replayed=qa, view=qb))
            if va != vb:
                out.append(Difference(subject=where, figure="value_fen", replayed=va, view=vb))


# ---- the view tables, row by row -------------------------------------------------------------

# Differences listed per view table; past it they are counted (``AuditReport.omitted``):
# a table emptied by hand differs in every row, and a million lines say no more than a
# thousand and a count.
DIFFERENCES_PER_TABLE_MAX = 1000
# Times the views' position is read again when a writer moved it during the comparison.
POSITION_TRIES_MAX = 5


class _Found:
    """The differences found, at most ``DIFFERENCES_PER_TABLE_MAX`` listed per table."""

    def __init__(self) -> None:
        self.listed: list[Difference] = []
        self.omitted = 0
        self._per_table: dict[str, int] = {}

    def add(self, difference: Difference) -> None:
        seen = self._per_table.get(difference.table, 0)
        if difference.table and seen >= DIFFERENCES_PER_TABLE_MAX:
            self.omitted += 1
            return
        self._per_table[difference.table] = seen + 1
        self.listed.append(difference)

    def cell(self, table: str, key: tuple[Any, ...], column: str, replayed: Any, view: Any) -> None:
        shown = tuple(_value(k) for k in key)
        subject = f"{table} ({', '.join(str(k) for k in shown)})" if key else table
        self.add(
            Difference(
                subject=subject,
                figure=column or ("row" if key else "table"),
                replayed=_value(replayed),
                view=_value(view),
                table=table,
                key=shown,
                column=column,
            )
        )


def _value(value: Any) -> int | str:
    """A stored value as a report shows it: integers and text as they are, others spelled."""
    if type(value) is int or type(value) is str:
        return value
    return "NULL" if value is None else repr(value)


def _order(value: Any) -> tuple[int, Any]:
    """A key value's place in SQLite's order (numbers, then text, then blobs; text by code
    point), for merging two scans by key even where a value of another type was stored."""
    if isinstance(value, int | float):
        return (1, value)
    if isinstance(value, str):
        return (2, value)
    if isinstance(value, bytes | memoryview):
        return (3, bytes(value))
    return (0, 0)


def _compare_rows(
    table: Table,
    replayed: Iterator[tuple[Any, ...]],
    viewed: Iterator[tuple[Any, ...]],
    found: _Found,
) -> int:
    """Merge two scans of ``table`` by key; every cell that differs, every row one side lacks.

    Returns the rows read (both sides).
    """
    width = len(table.key)
    names = table.column_names

    def key_of(row: tuple[Any, ...]) -> tuple[tuple[int, Any], ...]:
        return tuple(_order(v) for v in row[:width])

    rows = 0
    a, b = next(replayed, None), next(viewed, None)
    while a is not None or b is not None:
        if b is None or (a is not None and key_of(a) < key_of(b)):
            assert a is not None
            found.cell(table.name, a[:width], "", "present", "absent")
            a = next(replayed, None)
        elif a is None or key_of(b) < key_of(a):
            found.cell(table.name, b[:width], "", "absent", "present")
            b = next(viewed, None)
        else:
            for i in range(width, len(names)):
                x, y = a[i], b[i]
                if type(x) is not type(y) or x != y:
                    found.cell(table.name, b[:width], names[i], x, y)
            a, b = next(replayed, None), next(viewed, None)
        rows += 1
    return rows


class _Compared(NamedTuple):
    tables: int
    rows: int
    complete: bool  # the views are this version's, every table there with its columns
    other_version: int = 0  # the version the views were made by, when not this one


def _compare_projection(
    store: ViewStore,
    fresh_store: ViewStore,
    projection: Projection,
    at: tuple[int, int],
    found: _Found,
) -> _Compared:
    """Compare a projection's persisted tables with the same fold of the log into
    ``fresh_store``: its tracking position and version, then every table, cell by cell.

    ``at`` is (the persisted views' position, the position the fresh fold reached).
    """
    name = projection.name
    position, folded = at
    if position != folded:  # a position past the log's end, or not an event's
        found.cell(store.tracking_table, (name,), "notification_id", folded, position)
    stored = store.stored_version(name)
    if stored is None:
        if position:
            found.cell("view_versions", (name,), "", "present", "absent")
    elif stored < projection.version:
        # Tables of an earlier version of the fold (a store written before an upgrade):
        # there is nothing to compare them with, and nothing of this version reads them (a
        # reader folds the log instead, a writer rebuilds them), so they are said, not
        # counted as a difference.
        return _Compared(0, 0, complete=False, other_version=stored)
    elif stored != projection.version:
        # A version this code never made: a later one's (audit with it), or a forged one.
        found.cell("view_versions", (name,), "version", projection.version, stored)
        return _Compared(0, 0, complete=False)
    complete = stored is not None
    for retired in getattr(projection, "retired_tables", ()):
        if store.columns(retired) is not None:
            found.cell(retired, (), "", "absent", "present")
            complete = False
    tables = rows = 0
    for table in projection.tables:
        columns = store.columns(table.name)
        if columns is None:
            if stored is not None:
                found.cell(table.name, (), "", "present", "absent")
                complete = False
            continue
        missing = [c for c in table.column_names if c not in columns]
        for column in missing:
            found.cell(table.name, (), column, "present", "absent")
        for column in columns:
            if column not in table.column_names:
                found.cell(table.name, (), column, "absent", "present")
                complete = False
        if missing:
            complete = False
            continue
        rows += _compare_rows(table, fresh_store.scan(table), store.scan(table), found)
        tables += 1
    return _Compared(tables, rows, complete)


def _compare_bookkeeping(store: ViewStore, names: tuple[str, ...], found: _Found) -> None:
    """A version or a position stored for no projection of the ledger is a row too many.

    eventsourcing's tracking recorder keeps one row of its own in the tracking table (the
    table's format, ``table_migration_identifier``): that one belongs there.
    """
    stored: list[tuple[str, str]] = []
    if store.columns("view_versions") is not None:
        stored += [
            ("view_versions", r[0]) for r in store.query("SELECT name FROM {s}view_versions")
        ]
    tracking = store.tracking_table
    own = getattr(store.recorder, "table_migration_identifier", "__migration__")
    if store.columns(tracking) is not None:
        # The table's name is the recorder's own constant, never input.
        rows = store.query(f"SELECT application_name FROM {{s}}{tracking}")  # noqa: S608
        stored += [(tracking, r[0]) for r in rows if r[0] != own]
    for table, name in stored:
        if name not in names:
            found.cell(table, (name,), "", "absent", "present")


def _views_position(store: ViewStore, name: str) -> int:
    """The persisted views' position; 0 where no tracking table was ever made."""
    if store.columns(store.tracking_table) is None:
        return 0
    return store.position(name)


def audit(ledger: LedgerService, *, as_of: dt.date | None = None) -> AuditReport:
    """Fold the log again and compare it with every persisted view; list every difference.

    Nothing is written to the store. The persisted views are compared at their own
    position (their tracking position): a view behind the log is reported as ``lag``,
    not as a difference.

    * Every table of the fund views, row by row and column by column, against the same
      fold (``FundViews``) of the log up to that position into a fresh private
      in-memory view store; and the views' position and version themselves.
    * Each fund's and restriction's cash figures (and, for "now", in-kind values and
      goods), replayed with ``BalancesProjection`` (not the views' fold), against what
      the persisted views answer (``fund_queries``), now or as of ``as_of``.
    * Per station, counted seconds and person-times of service up to ``as_of`` (all of
      it for "now"), replayed with ``VolunteerAccounts``, against the volunteer
      figures view's fold (``VolunteerStatsProjection``) of the same events.
    * Every erased volunteer's subject keys are gone (``erasure.keys_left``): a key still
      stored means their data can still be opened; ``erase`` again destroys it.

    Raises:
        StoreError: the events cannot be read, or the views kept moving (a writer
            catching them up over and over): audit a copy of the store.
    """
    store = ledger.stored_views  # the store's own, even where a reader folds its own
    projection = ledger.fund_views
    found = _Found()
    fresh_store = ViewStore(private_view_backend())  # private, in memory
    try:
        fresh = type(projection)()
        runner = ViewRunner(fresh_store, ledger.view_runner.read, ledger.log_position)
        for _ in range(POSITION_TRIES_MAX):
            # Folded outside the snapshot below: the log is read through other
            # connections than the one a snapshot holds.
            position = _views_position(store, projection.name)
            folded = runner.catch_up(fresh, until=position)
            if folded > position:
                # The views were rebuilt meanwhile, to an earlier position: fold again.
                fresh_store.rebuild(fresh)
                runner = ViewRunner(fresh_store, ledger.view_runner.read, ledger.log_position)
                continue
            with store.snapshot():
                if _views_position(store, projection.name) != position:
                    continue  # a writer moved the views on meanwhile: again, at its position
                compared = _compare_projection(
                    store, fresh_store, projection, (position, folded), found
                )
                _compare_bookkeeping(store, (projection.name,), found)
                viewed: list[FundBalance] | None = None
                if compared.complete:
                    viewed = (
                        fund_queries.balances(store)
                        if as_of is None
                        else fund_queries.balances_as_of(
                            store,
                            day=as_of,
                            events_after=fund_queries.fund_log_reader(ledger.log_reader, position),
                        )
                    )
            break
        else:
            raise StoreError("views_kept_moving")
    finally:
        fresh_store.close()

    replayed_funds = replay_funds(ledger, as_of=as_of, position=position)
    if viewed is not None:
        differences: list[Difference] = []
        _compare_funds(replayed_funds, viewed, differences)
        for difference in differences:
            found.add(difference)

    head = ledger.log_position()
    stations = _compare_volunteers(ledger, as_of, head, found)
    # An erasure whose keys are still stored (interrupted before they were destroyed, or a
    # key row put back): the person's data can still be opened, which the erasure denies.
    for volunteer_id, key_ids in sorted(keys_left(ledger).items()):
        found.cell(SUBJECT_KEYS_TABLE, (volunteer_id,), "keys after erasure", 0, len(key_ids))
    return AuditReport(
        ok=not found.listed and not found.omitted,
        as_of=as_of,
        position=position,
        log_position=head,
        lag=max(0, head - position),
        funds=len(replayed_funds),
        stations=stations,
        tables=compared.tables,
        rows=compared.rows,
        differences=tuple(found.listed),
        omitted=found.omitted,
        views_version=compared.other_version,
    )


def _compare_volunteers(
    ledger: LedgerService, as_of: dt.date | None, head: int, found: _Found
) -> int:
    """Per station, service seconds and person-times: the accounts replayed, against the
    figures view's fold of the same events. Returns the stations compared."""
    accounts = VolunteerAccounts()
    figures = VolunteerStatsProjection()
    latest: dt.date | None = None
    for event in replay_events(ledger, _VOLUNTEER_NAMES, upto=head):
        accounts.apply(event)
        figures.apply(event)
        if isinstance(event, ServiceRecorded) and (latest is None or event.service_date > latest):
            latest = event.service_date
    mine = volunteers.accounts(accounts, date_to=as_of)
    stations = sorted({a.station_id for a in mine})
    end = as_of or latest
    if end is None:
        return len(stations)
    # The widest period the figures view takes, ending on the day audited.
    period = Period.between(end - dt.timedelta(days=PERIOD_DAYS_MAX - 1), end)
    for station_id in stations:
        theirs = volunteers.stats(figures, period, station_id=station_id).service
        ours = [a for a in mine if a.station_id == station_id]
        subject = f"station {station_id} volunteer service"
        for figure, x, y in (
            ("service_s", sum(a.service_s for a in ours), theirs.duration_s),
            ("person_times", sum(a.person_times for a in ours), theirs.person_times),
        ):
            if x != y:
                found.add(Difference(subject=subject, figure=figure, replayed=x, view=y))
    return len(stations)
