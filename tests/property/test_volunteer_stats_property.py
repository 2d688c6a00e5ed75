"""For random small volunteer histories, every figure of the stats view equals a recount.

Hypothesis writes a history of commands (registrations, team moves, deactivations,
activities of three categories, service records, approvals, corrections, voids, with
business dates all over the year and out of order) and runs it through a real Ledger
on the memory store; commands the rules refuse are simply not recorded. The stored
events are then recounted here in the plainest way, sharing nothing with the
projection:

* a record's seconds are its *last stated duration* (from ``ServiceRecorded`` or the
  latest ``ServiceCorrected``) when approved and not voided; the projection instead
  folds ``ServiceApproved.duration_s`` + ``delta_s`` - ``counted_s``, so the two agree
  only if the domain's deltas are right;
* team membership on a day is searched for: a join dated on or before the day whose
  ending leave (the next leave of that team in log order) is dated after it, or absent
  (the projection folds the same events into dated spells as they come).

Every slice (period x station x team x community x category) is compared, plus
registered volunteers and published activities on several days, and the report's
rows must sum to its total.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sgz_ledger import Ledger, LedgerError
from sgz_ledger.domain.events import (
    ActivityPublished,
    ServiceApproved,
    ServiceCorrected,
    ServiceRecorded,
    ServiceVoided,
    VolunteerDeactivated,
    VolunteerJoinedTeam,
    VolunteerLeftTeam,
    VolunteerRegistered,
)
from sgz_ledger.domain.money import hours_2dp
from sgz_ledger.projections.volunteer_stats import volunteer_stats
from sgz_ledger.reports import volunteers as volunteer_reports
from sgz_ledger.reports.volunteers import Period
from sgz_ledger.service import commands as b

pytestmark = pytest.mark.filterwarnings(
    "ignore::sgz_ledger.storage.sealing.PersonalDataInClearWarning"
)

STATIONS = ("s1", "s2")
TEAMS = ("甲队", "乙队")
COMMUNITIES = ("", "东村", "西村")
CATEGORIES = ("volunteer_service", "training", "supervision")
VOLUNTEERS = 4
ACTIVITIES = 5
CST = dt.timezone(dt.timedelta(hours=8))
YEAR_START = dt.date(2024, 1, 1)
CLOCK = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
RECORDER, APPROVER = "记录人", "审核人"

days = st.integers(0, 365).map(lambda n: YEAR_START + dt.timedelta(days=n))
volunteer = st.integers(0, VOLUNTEERS - 1).map(lambda n: f"V{n}")
activity = st.integers(0, ACTIVITIES - 1).map(lambda n: f"A{n}")
# A record is named by its volunteer and a small number, so approvals, corrections and
# voids usually find it (three records per volunteer at most).
record = st.tuples(volunteer, st.integers(0, 2).map(lambda n: f"R{n}"))


def _register(vid: str, station: str, on: dt.date, team: str | None) -> b.Command:
    return b.RegisterVolunteer(
        volunteer_id=vid,
        station_id=station,
        name=vid,
        registered_on=on,
        consent=True,
        team=team,
        actor=RECORDER,
        occurred_on=on,
    )


def _publish(aid: str, station: str, category: str, community: str, on: dt.date, hour: int) -> Any:
    start = dt.datetime(on.year, on.month, on.day, hour, tzinfo=CST)
    return b.PublishActivity(
        activity_id=aid,
        station_id=station,
        name=aid,
        category=category,  # type: ignore[arg-type]
        community=community,
        starts_at=start,
        ends_at=start + dt.timedelta(hours=2),
        actor=RECORDER,
        occurred_on=on,
    )


def _record(rid: str, vid: str, aid: str, seconds: int, on: dt.date, team: str) -> b.RecordService:
    return b.RecordService(
        record_id=rid,
        volunteer_id=vid,
        activity_id=aid,
        duration_s=seconds,
        service_date=on,
        team=team,
        actor=RECORDER,
        occurred_on=on,
    )


registration = st.builds(
    _register, volunteer, st.sampled_from(STATIONS), days, st.sampled_from((None, *TEAMS))
)
publication = st.builds(
    _publish,
    activity,
    st.sampled_from(STATIONS),
    st.sampled_from(CATEGORIES),
    st.sampled_from(COMMUNITIES),
    days,
    st.integers(0, 22),  # before 08:00 CST the UTC date is the day before
)
recording: st.SearchStrategy[b.RecordService] = st.builds(
    lambda vr, a, s, d, t: _record(vr[1], vr[0], a, s, d, t),
    record,
    activity,
    st.integers(1, 24 * 3600),
    days,
    st.sampled_from(("", *TEAMS)),
)
approval = st.builds(
    lambda vr, d: b.ApproveService(
        volunteer_id=vr[0], record_id=vr[1], actor=APPROVER, occurred_on=d
    ),
    record,
    days,
)
correction = st.builds(
    lambda vr, s, n, d: b.CorrectService(
        volunteer_id=vr[0],
        record_id=vr[1],
        correction_id=f"C{n}",
        reason="更正",
        requested_by=vr[0],
        duration_s=s,
        actor=APPROVER,
        occurred_on=d,
    ),
    record,
    st.integers(1, 24 * 3600),
    st.integers(0, 1000),
    days,
)
void = st.builds(
    lambda vr, d: b.VoidService(
        volunteer_id=vr[0], record_id=vr[1], reason="作废", actor=APPROVER, occurred_on=d
    ),
    record,
    days,
)
team_move = st.one_of(
    st.builds(
        lambda v, t, d: b.JoinTeam(volunteer_id=v, team=t, actor=RECORDER, occurred_on=d),
        volunteer,
        st.sampled_from(TEAMS),
        days,
    ),
    st.builds(
        lambda v, t, d: b.LeaveTeam(
            volunteer_id=v, team=t, reason="离开", actor=RECORDER, occurred_on=d
        ),
        volunteer,
        st.sampled_from(TEAMS),
        days,
    ),
)
deactivation = st.builds(
    lambda v, d: b.DeactivateVolunteer(
        volunteer_id=v, reason="停止", actor=RECORDER, occurred_on=d
    ),
    volunteer,
    days,
)
# Most volunteers and activities exist before anything else happens; then records and
# what follows them dominate, with team moves, deactivations and late arrivals mixed in.
setup = st.tuples(
    st.tuples(
        *(
            st.builds(
                _register,
                st.just(f"V{n}"),
                st.sampled_from(STATIONS),
                days,
                st.sampled_from((None, *TEAMS)),
            )
            for n in range(VOLUNTEERS - 1)  # the last one may come later, or never
        )
    ),
    st.tuples(
        *(
            st.builds(
                _publish,
                st.just(f"A{n}"),
                st.sampled_from(STATIONS),
                st.sampled_from(CATEGORIES),
                st.sampled_from(COMMUNITIES),
                days,
                st.integers(0, 22),
            )
            for n in range(ACTIVITIES - 1)
        )
    ),
).map(lambda parts: [*parts[0], *parts[1]])
# Each step is a few commands: a record is usually approved at once (an approval of a
# random record mostly finds none), sometimes later, sometimes never.
recorded_then = st.builds(
    lambda r, approve, d: [r, approval_of(r, d)] if approve else [r],
    recording,
    st.booleans(),
    days,
)
later = st.one_of(
    recorded_then,
    recorded_then,
    recorded_then,
    recorded_then,
    approval.map(lambda c: [c]),
    correction.map(lambda c: [c]),
    correction.map(lambda c: [c]),
    void.map(lambda c: [c]),
    team_move.map(lambda c: [c]),
    deactivation.map(lambda c: [c]),
    registration.map(lambda c: [c]),
    publication.map(lambda c: [c]),
)
histories = st.tuples(setup, st.lists(later, min_size=15, max_size=40)).map(
    lambda h: [*h[0], *(c for step in h[1] for c in step)]
)


def approval_of(r: b.RecordService, on: dt.date) -> b.Command:
    return b.ApproveService(
        volunteer_id=r.volunteer_id, record_id=r.record_id, actor=APPROVER, occurred_on=on
    )


# ---- the recount ---------------------------------------------------------------------------------


class Recount:
    """The figures counted straight from the events, as plainly as possible."""

    def __init__(self, events: Iterable[object]) -> None:
        self.records: dict[tuple[object, str], dict[str, Any]] = {}
        self.registered: dict[object, VolunteerRegistered] = {}
        self.deactivated: dict[object, dt.date] = {}
        self.team_events: list[tuple[object, str, str, dt.date]] = []  # log order
        self.published: dict[str, ActivityPublished] = {}
        for e in events:
            if isinstance(e, ServiceRecorded):
                self.records[(e.originator_id, e.record_id)] = {
                    "e": e,
                    "seconds": e.duration_s,
                    "approved": False,
                    "voided": False,
                }
            elif isinstance(e, ServiceCorrected):
                self.records[(e.originator_id, e.record_id)]["seconds"] = e.duration_s
            elif isinstance(e, ServiceApproved):
                self.records[(e.originator_id, e.record_id)]["approved"] = True
            elif isinstance(e, ServiceVoided):
                self.records[(e.originator_id, e.record_id)]["voided"] = True
            elif isinstance(e, VolunteerRegistered):
                self.registered[e.originator_id] = e
            elif isinstance(e, VolunteerDeactivated):
                self.deactivated.setdefault(e.originator_id, e.occurred_on)
            elif isinstance(e, VolunteerJoinedTeam):
                self.team_events.append((e.originator_id, "join", e.team, e.occurred_on))
            elif isinstance(e, VolunteerLeftTeam):
                self.team_events.append((e.originator_id, "leave", e.team, e.occurred_on))
            elif isinstance(e, ActivityPublished):
                self.published[e.activity_id] = e

    def figures(
        self,
        period: Period,
        station: str | None,
        team: str | None,
        community: str | None,
        category: str,
    ) -> tuple[int, int, int, int]:
        rows = [
            r
            for r in self.records.values()
            if r["approved"]
            and not r["voided"]
            and r["e"].category == category
            and period.date_from <= r["e"].service_date <= period.date_to
            and station in (None, r["e"].station_id)
            and team in (None, r["e"].team)
            and community in (None, r["e"].community)
        ]
        return (
            len({r["e"].activity_id for r in rows}),
            len(rows),
            len({r["e"].originator_id for r in rows}),
            sum(r["seconds"] for r in rows),
        )

    def teams_on(self, volunteer_uuid: object, day: dt.date) -> set[str]:
        # A join is ended by the next leave of the same team in log order (the aggregate
        # lets joins and leaves of a team only alternate); it covers ``day`` when it was
        # dated on or before it and its leave, if any, after it.
        mine = [
            (kind, team, on) for uid, kind, team, on in self.team_events if uid == volunteer_uuid
        ]
        teams: set[str] = set()
        for n, (kind, team, joined) in enumerate(mine):
            if kind != "join" or joined > day:
                continue
            left = next((on for k, t, on in mine[n + 1 :] if k == "leave" and t == team), None)
            if left is None or left > day:
                teams.add(team)
        return teams

    def registered_on(self, day: dt.date, station: str | None, team: str | None) -> int:
        count = 0
        for uid, e in self.registered.items():
            if e.registered_on > day or station not in (None, e.station_id):
                continue
            if uid in self.deactivated and self.deactivated[uid] <= day:
                continue
            if team is not None and team not in (self.teams_on(uid, day) or {""}):
                continue
            count += 1
        return count

    def published_in(self, period: Period, station: str | None, category: str) -> int:
        return sum(
            1
            for a in self.published.values()
            if a.category == category
            and station in (None, a.station_id)
            and period.date_from <= a.starts_at.astimezone(CST).date() <= period.date_to
        )


def _run(history: list[b.Command]) -> Ledger:
    ledger = Ledger("memory:", clock=lambda: CLOCK)
    for command in history:
        # A command a rule refuses records nothing: that too is part of the history.
        with contextlib.suppress(LedgerError):
            ledger.execute(command)
    return ledger


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    history=histories,
    range_days=st.tuples(days, days).map(sorted),
)
def test_every_figure_equals_a_recount(history: list[b.Command], range_days: list[dt.date]) -> None:
    ledger = _run(history)
    events = ledger.stored_events()
    stats = volunteer_stats(events)
    recount = Recount(events)
    ranged = Period.between(range_days[0], range_days[1])
    periods = [Period.year(2024), Period.quarter(2024, 2), Period.month(2024, 11), ranged]

    for period in periods:
        for station in (None, *STATIONS):
            for category in CATEGORIES:
                for team in (None, "", *TEAMS):
                    for community in (None, *COMMUNITIES):
                        got = volunteer_reports.figures(
                            stats,
                            period=period,
                            station_id=station,
                            team=team,
                            community=community,
                            category=category,
                        )
                        want = recount.figures(period, station, team, community, category)
                        assert (
                            got.activities,
                            got.person_times,
                            got.volunteers,
                            got.duration_s,
                        ) == want, (period.label, station, category, team, community)
                        assert got.hours == hours_2dp(want[3])
                assert volunteer_reports.activities_published(
                    stats, period=period, station_id=station, category=category
                ) == recount.published_in(period, station, category)

    # The days a registration, team move or deactivation took effect, and the day before,
    # are where an off-by-one in "as of the end of the day" shows.
    edges = {on for *_, on in recount.team_events} | set(recount.deactivated.values())
    edges |= {e.registered_on for e in recount.registered.values()}
    edges |= {on - dt.timedelta(days=1) for on in edges}
    for day in sorted(
        {YEAR_START, dt.date(2024, 6, 30), dt.date(2024, 12, 31), *range_days} | edges
    ):
        for station in (None, *STATIONS):
            for team in (None, "", *TEAMS):
                assert volunteer_reports.registered(
                    stats, as_of=day, station_id=station, team=team
                ) == recount.registered_on(day, station, team), (day, station, team)

    for period in periods:
        for station in (None, *STATIONS):
            report = volunteer_reports.stats(stats, period, station_id=station)
            total = report.service
            want = recount.figures(period, station, None, None, "volunteer_service")
            assert (total.activities, total.person_times, total.volunteers, total.duration_s) == (
                want
            )
            for rows in (
                report.by_station,
                report.by_team,
                report.by_community,
                report.by_category,
                report.by_year,
                report.by_quarter,
                report.by_month,
            ):
                assert sum(f.duration_s for f in rows) == total.duration_s
                assert sum(f.person_times for f in rows) == total.person_times
            assert report.registered_volunteers == recount.registered_on(
                period.date_to, station, None
            )
            by_team = {t.key: t.volunteers for t in report.registered_by_team}
            for team in ("", *TEAMS):
                assert by_team.get(team, 0) == recount.registered_on(period.date_to, station, team)
            others = {c.category: c.figures for c in report.other_categories}
            for category in ("training", "supervision"):
                want = recount.figures(period, station, None, None, category)
                if category in others:
                    f = others[category]
                    assert (f.activities, f.person_times, f.volunteers, f.duration_s) == want
                else:
                    assert want == (0, 0, 0, 0)
    ledger.close()
