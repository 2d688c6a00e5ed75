"""Service delivery figures: cases (个案), groups (小组), community activities (社区活动), people
served (人次 and distinct people), and the supervision and training of staff (督导 / 培训).

Functions of the service delivery fold (``projections.delivery``), for a period and a set
of stations (``None``: every station), so that a district's report may pass the set of its
stations. 人次 is the sum of the sessions' counts (a case's session counts its one person);
distinct people are the distinct served references the sessions name: only people the
station identified are counted there, each once whatever the stations, kinds or sessions.
Hours are the seconds summed first, then rounded half up to 2 decimals.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal

import msgspec

from sgz_ledger.domain.errors import InvalidInput
from sgz_ledger.domain.money import hours_2dp
from sgz_ledger.projections.delivery import DeliveryFold, SessionKind, SessionRow

__all__ = [
    "DeliveryReport",
    "ProjectDelivery",
    "delivery_by_project",
    "delivery_report",
    "has_delivery",
]


class ProjectDelivery(msgspec.Struct, frozen=True, kw_only=True):
    """The people a project served in the period (``""``: work charged to no project)."""

    project_id: str
    person_times: int
    distinct_people: int


class DeliveryReport(msgspec.Struct, frozen=True, kw_only=True):
    """A period's service delivery at a set of stations.

    Attributes:
        station_ids: the stations counted, sorted; ``None`` for every station.
        cases_opened: cases opened (建档) in the period; cases_closed: closed (结案) in it;
            cases_open_end: opened by its last day and not closed by then.
        case_sessions: sessions of cases in the period (each one 人次).
        groups: groups with a session in the period; group_sessions: their sessions (节数);
            group_person_times: the sessions' participants summed (人次).
        community_activities, community_sessions, community_person_times: the same for
            community activities (attendance).
        person_times: 服务人次: case sessions, group participants and attendance summed.
        distinct_people: the people identified by the station among them, each once.
        supervision_count, supervision_s, supervision_hours: 督导 sessions and their time.
        training_count, training_s, training_hours: 培训 sessions and their time.
        projects: per project (``""`` for none), 人次 and distinct people, by project id.
    """

    period_from: dt.date
    period_to: dt.date
    station_ids: tuple[str, ...] | None
    cases_opened: int
    cases_closed: int
    cases_open_end: int
    case_sessions: int
    groups: int
    group_sessions: int
    group_person_times: int
    community_activities: int
    community_sessions: int
    community_person_times: int
    person_times: int
    distinct_people: int
    supervision_count: int
    supervision_s: int
    supervision_hours: Decimal
    training_count: int
    training_s: int
    training_hours: Decimal
    projects: tuple[ProjectDelivery, ...]

    def to_json(self) -> bytes:
        """The report as JSON: hours as decimal strings."""
        return msgspec.json.encode(self)


def _check_period(date_from: dt.date, date_to: dt.date) -> None:
    if date_to < date_from:
        raise InvalidInput.on("date_to", "date_before", last=date_to, first=date_from)


def _sessions(
    fold: DeliveryFold,
    date_from: dt.date,
    date_to: dt.date,
    station_ids: frozenset[str] | None,
) -> Iterator[SessionRow]:
    for row in fold.sessions:
        if date_from <= row.on <= date_to and (
            station_ids is None or row.station_id in station_ids
        ):
            yield row


def has_delivery(fold: DeliveryFold, station_ids: frozenset[str] | None) -> bool:
    """Whether the stations recorded any service delivery at all (any date)."""
    if station_ids is None:
        return bool(fold.stations)
    return not fold.stations.isdisjoint(station_ids)


def delivery_by_project(
    fold: DeliveryFold,
    date_from: dt.date,
    date_to: dt.date,
    station_ids: frozenset[str] | None = None,
) -> dict[str, tuple[int, int]]:
    """Each project's people served in the period: ``{project_id: (人次, distinct people)}``
    (``""`` for work charged to no project), for the projects report.

    Raises:
        InvalidInput: the period ends before it starts.
    """
    _check_period(date_from, date_to)
    times: dict[str, int] = {}
    people: dict[str, set[str]] = {}
    for row in _sessions(fold, date_from, date_to, station_ids):
        times[row.project_id] = times.get(row.project_id, 0) + row.person_times
        people.setdefault(row.project_id, set()).update(row.refs)
    return {p: (times[p], len(people[p])) for p in sorted(times)}


def delivery_report(
    fold: DeliveryFold,
    date_from: dt.date,
    date_to: dt.date,
    station_ids: frozenset[str] | None = None,
) -> DeliveryReport:
    """The service delivery of ``date_from .. date_to`` (both included) at ``station_ids``.

    Raises:
        InvalidInput: the period ends before it starts.
    """
    _check_period(date_from, date_to)

    def mine(station_id: str) -> bool:
        return station_ids is None or station_id in station_ids

    cases = [c for c in fold.cases.values() if mine(c.station_id)]
    sessions = list(_sessions(fold, date_from, date_to, station_ids))
    owners: dict[SessionKind, set[tuple[str, str]]] = {"case": set(), "group": set()}
    owners["community"] = set()
    counts: dict[SessionKind, tuple[int, int]] = {}
    people: set[str] = set()
    for row in sessions:
        owners[row.kind].add((row.station_id, row.owner))
        n, times = counts.get(row.kind, (0, 0))
        counts[row.kind] = (n + 1, times + row.person_times)
        people.update(row.refs)
    supervision = [
        r for r in fold.supervision if date_from <= r.on <= date_to and mine(r.station_id)
    ]
    sup = [r for r in supervision if r.kind == "supervision"]
    train = [r for r in supervision if r.kind == "training"]
    sup_s = sum(r.duration_s for r in sup)
    train_s = sum(r.duration_s for r in train)
    projects = delivery_by_project(fold, date_from, date_to, station_ids)
    return DeliveryReport(
        period_from=date_from,
        period_to=date_to,
        station_ids=None if station_ids is None else tuple(sorted(station_ids)),
        cases_opened=sum(1 for c in cases if date_from <= c.opened_on <= date_to),
        cases_closed=sum(
            1 for c in cases if c.closed_on is not None and date_from <= c.closed_on <= date_to
        ),
        cases_open_end=sum(
            1
            for c in cases
            if c.opened_on <= date_to and (c.closed_on is None or c.closed_on > date_to)
        ),
        case_sessions=counts.get("case", (0, 0))[0],
        groups=len(owners["group"]),
        group_sessions=counts.get("group", (0, 0))[0],
        group_person_times=counts.get("group", (0, 0))[1],
        community_activities=len(owners["community"]),
        community_sessions=counts.get("community", (0, 0))[0],
        community_person_times=counts.get("community", (0, 0))[1],
        person_times=sum(row.person_times for row in sessions),
        distinct_people=len(people),
        supervision_count=sum(r.sessions for r in sup),
        supervision_s=sup_s,
        supervision_hours=hours_2dp(sup_s),
        training_count=sum(r.sessions for r in train),
        training_s=train_s,
        training_hours=hours_2dp(train_s),
        projects=tuple(
            ProjectDelivery(project_id=p, person_times=t, distinct_people=d)
            for p, (t, d) in projects.items()
        ),
    )
