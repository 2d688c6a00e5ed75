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
from typing import TYPE_CHECKING, Any

import msgspec
from eventsourcing.persistence import MapperDeserialisationError

from sgz_ledger.codec import event_name
from sgz_ledger.domain.errors import StoreError
from sgz_ledger.domain.events import (
    FUND_EVENT_TYPES,
    VOLUNTEER_EVENT_TYPES,
    FundOpened,
    ServiceRecorded,
)
from sgz_ledger.projections.balances import BalancesProjection, FundBalance
from sgz_ledger.projections.volunteer_accounts import VolunteerAccount, VolunteerAccounts
from sgz_ledger.projections.volunteer_stats import PERIOD_DAYS_MAX, Period

if TYPE_CHECKING:
    from sgz_ledger.application import Ledger

__all__ = [
    "AuditReport",
    "Difference",
    "audit",
    "replay_events",
    "replay_funds",
    "replay_volunteers",
]

# Stored rows read per round trip: bounds memory on a log of millions of events.
REPLAY_BATCH = 20_000

_FUND_NAMES = frozenset(event_name(cls) for cls in FUND_EVENT_TYPES)
_VOLUNTEER_NAMES = frozenset(event_name(cls) for cls in VOLUNTEER_EVENT_TYPES)


def replay_events(
    ledger: Ledger,
    names: frozenset[str] | None = None,
    *,
    upto: int | None = None,
    progress: Callable[[int], None] | None = None,
) -> Iterator[Any]:
    """Decode the stored events (only those stored under ``names``), in log order.

    Streams in batches straight from the events table; rows of other names are not
    decoded at all. A stored name this code does not know is still an error (an
    older version of the library cannot audit a newer store): only the known
    names of other kinds are skipped.
    """
    decode = ledger.mapper.raw_decoder()  # type: ignore[attr-defined]
    read = ledger.chained_recorder.read_raw
    after = 0
    seen = 0
    while True:
        rows = read(after, REPLAY_BATCH, upto)
        if not rows:
            return
        for position, name, state in rows:
            if names is None or name in names:
                try:
                    yield decode(name, state)
                except MapperDeserialisationError as e:
                    raise StoreError.unreadable(e, f"at position {position}: ") from e
        after = rows[-1][0]
        seen += len(rows)
        if progress is not None:
            progress(seen)


def replay_funds(
    ledger: Ledger,
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
        return projection.rows()
    # A fund's events dated up to the day; its opening must be dated by then too.
    # The log is read in order, so a fund's opening comes before its other events.
    for event in events:
        if isinstance(event, FundOpened):
            opened_on[event.originator_id] = event.occurred_on
            if event.occurred_on <= as_of:
                projection.apply(event)
        elif event.occurred_on <= as_of and opened_on[event.originator_id] <= as_of:
            projection.apply(event)
    return [_cash_only(row) for row in projection.rows()]


def _cash_only(row: FundBalance) -> FundBalance:
    return msgspec.structs.replace(row, goods=(), in_kind_received_fen=0, in_kind_held_fen=0)


def replay_volunteers(
    ledger: Ledger, *, as_of: dt.date | None = None, position: int | None = None
) -> list[VolunteerAccount]:
    """Every volunteer's counted service and time-bank balance, from the raw events.

    With ``as_of``, service counts records whose service date is on or before it.
    """
    return _volunteers(ledger, as_of, position)[0]


def _volunteers(
    ledger: Ledger, as_of: dt.date | None, position: int | None
) -> tuple[list[VolunteerAccount], dt.date | None]:
    """The accounts, and the latest service date recorded (``None``: no record)."""
    accounts = VolunteerAccounts()
    latest: dt.date | None = None
    for event in replay_events(ledger, _VOLUNTEER_NAMES, upto=position):
        accounts.apply(event)
        if isinstance(event, ServiceRecorded) and (latest is None or event.service_date > latest):
            latest = event.service_date
    return accounts.accounts(date_to=as_of), latest


class Difference(msgspec.Struct, frozen=True, kw_only=True):
    """One figure where the replayed events and a view disagree.

    Attributes:
        subject: ``fund <id>``, ``fund <id> restriction <name>``, ``station <id>``.
        figure: the figure's name (``total_fen``, ``service_s``...).
        replayed: what the raw events give.
        view: what the view answers.
    """

    subject: str
    figure: str
    replayed: int | str
    view: int | str


class AuditReport(msgspec.Struct, frozen=True, kw_only=True):
    """What ``audit`` compared and every difference it found.

    Attributes:
        ok: no difference.
        as_of: the business date audited, ``None`` for "now".
        position: the log position the replay read up to.
        funds: funds compared.
        stations: stations whose volunteer figures were compared.
        differences: each figure that differs (empty when ``ok``).
    """

    ok: bool
    as_of: dt.date | None
    position: int
    funds: int
    stations: int
    differences: tuple[Difference, ...]


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


def audit(ledger: Ledger, *, as_of: dt.date | None = None) -> AuditReport:
    """Replay the raw events and compare them with the views; list every difference.

    Funds: each fund's and restriction's cash figures (and, for "now", in-kind values
    and goods) against the persisted fund views (``Ledger.balances``). Volunteers: per
    station, counted seconds and person-times of service up to ``as_of`` (all of it
    for "now") against the volunteer figures view (``Ledger.volunteer_stats``).
    """
    # Views first, then the replay up to the position they were brought to: for a
    # store nobody writes to meanwhile (an auditor's copy) both see the same events.
    position = ledger.catch_up_views()
    differences: list[Difference] = []
    replayed_funds = replay_funds(ledger, as_of=as_of, position=position)
    viewed_funds = ledger.balances(as_of=as_of) if as_of is not None else ledger.balances()
    _compare_funds(replayed_funds, viewed_funds, differences)

    accounts, latest = _volunteers(ledger, as_of, position)
    stations = sorted({a.station_id for a in accounts})
    end = as_of or latest
    if end is not None:
        # The widest period the figures view takes, ending on the day audited.
        period = Period.between(end - dt.timedelta(days=PERIOD_DAYS_MAX - 1), end)
        for station_id in stations:
            mine = [a for a in accounts if a.station_id == station_id]
            stats = ledger.volunteer_stats(period, station_id=station_id)
            subject = f"station {station_id} volunteer service"
            for figure, x, y in (
                ("service_s", sum(a.service_s for a in mine), stats.service.duration_s),
                ("person_times", sum(a.person_times for a in mine), stats.service.person_times),
            ):
                if x != y:
                    differences.append(
                        Difference(subject=subject, figure=figure, replayed=x, view=y)
                    )
    return AuditReport(
        ok=not differences,
        as_of=as_of,
        position=position,
        funds=len(replayed_funds),
        stations=len(stations),
        differences=tuple(differences),
    )
