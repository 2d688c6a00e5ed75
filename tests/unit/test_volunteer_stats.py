"""The figures the reports quote, reproduced from events (issue point 6).

The 崔寨 2024 report (seeds/002): "开展志愿服务60次, 服务人次共计835人次. 孵化培育志愿服务队3支
..., 注册志愿者286人, 志愿服务时长1495.71小时". A year like it is recorded here through the
real Ledger (memory and a SQLite file), with the awkward cases a real year has: records
never approved, one voided, corrections before and after approval, training and
supervision records (never service hours), a volunteer in no team, a volunteer who
changed team, one deactivated and one registered after the year.

The plan of the year is made here, deterministically, and every expected figure is
computed from the plan with plain sums and sets, never through the projection. Which
people, teams and durations served is invented; the totals are the report's, and the
total of 5,384,556 seconds is exactly 1495.71 hours (rule 1).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import msgspec
import pytest

from conftest import D, FixedClock, open_test_fund
from sgz_ledger import Ledger
from sgz_ledger.domain.errors import InvalidInput, UnknownEvent
from sgz_ledger.domain.events import ServiceCorrected, ServiceVoided
from sgz_ledger.domain.money import hours_2dp
from sgz_ledger.projections.volunteer_stats import VolunteerStatsProjection, volunteer_stats
from sgz_ledger.render.volunteers import volunteer_stats_text
from sgz_ledger.reports import volunteers as volunteer_reports
from sgz_ledger.reports.volunteers import Figures, Period, VolunteerStats
from sgz_ledger.service import commands as b

pytestmark = pytest.mark.filterwarnings(
    "ignore::sgz_ledger.storage.sealing.PersonalDataInClearWarning"
)

STATION = "cuizhai"
YEAR = 2024
TEAMS = ("壹基金儿童志愿服务队", "坚强后盾家长志愿服务队", "爱在崔寨村居志愿服务队")
COMMUNITIES = ("崔寨村", "李善仁村", "王河村", "清宁村")
CST = dt.timezone(dt.timedelta(hours=8))
RECORDER = "王芳"
APPROVER = "刘军"

# The report's figures.
REPORT_ACTIVITIES = 60
REPORT_PERSON_TIMES = 835
REPORT_REGISTERED = 286
REPORT_HOURS = Decimal("1495.71")
REPORT_SECONDS = 5_384_556

# Everything is recorded after the year, so nothing is "in the future".
CLOCK_START = dt.datetime(2025, 1, 5, 8, 0, tzinfo=dt.UTC)
# A volunteer registered after the year (not in the year's 286).
LATE_REGISTRATION = dt.date(2025, 1, 3)


# ---- the plan of the year --------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Planned:
    """One record as it stands at the end (after corrections); counted unless pending/voided."""

    record_id: str
    volunteer_id: str
    activity_id: str
    category: str
    team: str
    community: str
    service_date: dt.date
    duration_s: int
    status: str = "counted"  # counted | pending | voided


@dataclasses.dataclass
class Plan:
    """The commands, in batches, and the records they must leave."""

    batches: list[list[b.Command]]
    records: list[Planned]
    volunteers: dict[str, tuple[dt.date, str | None]]  # id -> (registered_on, team at year end)
    activities: dict[str, tuple[str, str, dt.date]]  # id -> (category, community, start date)


def _on(month: int, day: int) -> dt.date:
    return dt.date(YEAR, month, day)


YEAR_START, YEAR_END = _on(1, 1), _on(12, 31)


def _vid(n: int) -> str:
    return f"V-{n + 1:03d}"


def _durations(count: int, total_s: int) -> list[int]:
    """``count`` varied durations that sum to exactly ``total_s`` (integer arithmetic only)."""
    base, remainder = divmod(total_s, count)
    out = [base] * count
    for m in range(count // 2):  # pairs move the same amount up and down: the sum stays
        swing = (m * 131) % 3000
        out[2 * m] += swing
        out[2 * m + 1] -= swing
    for n in range(remainder):
        out[n] += 1
    assert sum(out) == total_s
    return out


def _activity(
    activity_id: str, category: str, community: str, day: dt.date, name: str
) -> b.PublishActivity:
    # 07:30 CST is 23:30 UTC the day before: the projection must take the station's day.
    starts_at = dt.datetime(day.year, day.month, day.day, 7, 30, tzinfo=CST)
    return b.PublishActivity(
        activity_id=activity_id,
        station_id=STATION,
        name=name,
        category=category,  # type: ignore[arg-type]
        community=community,
        place=community or "社工站",
        organizer="崔寨街道社工站",
        leader=APPROVER,
        starts_at=starts_at,
        ends_at=starts_at + dt.timedelta(hours=9),
        actor=RECORDER,
        occurred_on=day - dt.timedelta(days=7),
    )


def _record(p: Planned, duration_s: int, *, interval: bool = False) -> b.RecordService:
    entered = p.service_date + dt.timedelta(days=1)
    common: dict[str, Any] = {
        "record_id": p.record_id,
        "volunteer_id": p.volunteer_id,
        "activity_id": p.activity_id,
        "content": "志愿服务",
        "team": p.team,  # "" takes the volunteer's team, and there is none for "" records
        "actor": RECORDER,
        "occurred_on": entered,
    }
    if interval:
        d = p.service_date
        start = dt.datetime(d.year, d.month, d.day, 7, 30, tzinfo=CST)
        return b.RecordService(
            started_at=start, ended_at=start + dt.timedelta(seconds=duration_s), **common
        )
    return b.RecordService(duration_s=duration_s, service_date=p.service_date, **common)


def _approve(p: Planned) -> b.ApproveService:
    return b.ApproveService(
        volunteer_id=p.volunteer_id,
        record_id=p.record_id,
        actor=APPROVER,
        occurred_on=p.service_date + dt.timedelta(days=2),
    )


def _correct(p: Planned, correction_id: str) -> b.CorrectService:
    return b.CorrectService(
        volunteer_id=p.volunteer_id,
        record_id=p.record_id,
        correction_id=correction_id,
        reason="签到表时间抄错",
        requested_by=p.volunteer_id,
        duration_s=p.duration_s,
        actor=APPROVER,
        occurred_on=p.service_date + dt.timedelta(days=5),
    )


def build_plan() -> Plan:
    registrations: list[b.Command] = []
    volunteers: dict[str, tuple[dt.date, str | None]] = {}
    for n in range(REPORT_REGISTERED):
        # The first 100 joined in late 2023, the rest in the first days of 2024, each before
        # the first activity they serve (service before registration is refused, rule 37).
        if n < 100:
            registered_on = dt.date(YEAR - 1, 11, 1) + dt.timedelta(days=n % 28)
        else:
            registered_on = _on(1, 1) + dt.timedelta(days=n % 3)
        team = TEAMS[n % 3]
        volunteers[_vid(n)] = (registered_on, team)
        registrations.append(
            b.RegisterVolunteer(
                volunteer_id=_vid(n),
                station_id=STATION,
                name=f"志愿者{n + 1}",
                registered_on=registered_on,
                consent=n % 5 != 0,
                team=team,
                actor=RECORDER,
                occurred_on=registered_on,
            )
        )
    # V-287 serves in no team and is deactivated before the year ends; V-288 registers after it.
    loner, newcomer = _vid(286), _vid(287)
    volunteers[loner] = (_on(2, 1), None)
    volunteers[newcomer] = (LATE_REGISTRATION, TEAMS[2])
    for vid in (loner, newcomer):
        on, first_team = volunteers[vid]
        registrations.append(
            b.RegisterVolunteer(
                volunteer_id=vid,
                station_id=STATION,
                name="志愿者",
                registered_on=on,
                consent=True,
                team=first_team,
                actor=RECORDER,
                occurred_on=on,
            )
        )
    # V-010 (team 0) moves to team 1 in October, with ten days in no team in between.
    mover = _vid(9)
    volunteers[mover] = (volunteers[mover][0], TEAMS[1])

    activities: dict[str, tuple[str, str, dt.date]] = {}
    publications: list[b.Command] = []

    def publish(activity_id: str, category: str, community: str, day: dt.date) -> None:
        activities[activity_id] = (category, community, day)
        publications.append(_activity(activity_id, category, community, day, activity_id))

    for k in range(REPORT_ACTIVITIES):
        # Five a month; the last has no community (shown under "").
        community = "" if k == REPORT_ACTIVITIES - 1 else COMMUNITIES[k % 4]
        publish(f"A-{k + 1:02d}", "volunteer_service", community, _on(k // 5 + 1, 3 + (k % 5) * 5))
    publish("A-61", "volunteer_service", COMMUNITIES[0], _on(6, 28))  # only void/pending records
    for n, (month, dom) in enumerate(((3, 10), (6, 10), (9, 10))):
        publish(f"T-{n + 1:02d}", "training", "", _on(month, dom))
    for n, (month, dom) in enumerate(((4, 15), (10, 15))):
        publish(f"S-{n + 1:02d}", "supervision", "", _on(month, dom))
    publish("S-03", "supervision", "", _on(11, 20))  # published, nobody recorded

    # 835 counted service records: 14 in each of the first 55 activities, 13 in the last 5.
    durations = _durations(REPORT_PERSON_TIMES, REPORT_SECONDS)
    records: list[Planned] = []
    for k in range(REPORT_ACTIVITIES):
        activity_id = f"A-{k + 1:02d}"
        _, community, day = activities[activity_id]
        for j in range(14 if k < 55 else 13):
            n = (k * 29 + j * 7) % REPORT_REGISTERED  # 7 is prime to 286: distinct per activity
            vid, team = _vid(n), TEAMS[n % 3]
            if k in (5, 10) and j == 0:
                vid, team = loner, ""  # February and March, in no team
            records.append(
                Planned(
                    record_id=f"R-{k + 1:02d}-{j + 1:02d}",
                    volunteer_id=vid,
                    activity_id=activity_id,
                    category="volunteer_service",
                    team=team,
                    community=community,
                    service_date=day,
                    duration_s=durations[len(records)],
                )
            )
    assert len(records) == REPORT_PERSON_TIMES

    def extra(record_id: str, n: int, activity_id: str, duration_s: int, status: str) -> Planned:
        category, community, day = activities[activity_id]
        return Planned(
            record_id=record_id,
            volunteer_id=_vid(n),
            activity_id=activity_id,
            category=category,
            team=TEAMS[n % 3],
            community=community,
            service_date=day,
            duration_s=duration_s,
            status=status,
        )

    voided = [
        extra("X-1", 49, "A-61", 7200, "voided"),
        extra("X-2", 200, "A-16", 5400, "voided"),  # A-16 stays counted through its others
    ]
    pending = [
        extra("P-1", 50, "A-61", 3600, "pending"),
        extra("P-2", 201, "A-20", 3600, "pending"),
        extra("P-3", 202, "A-45", 1800, "pending"),
    ]
    training = [extra(f"TR-{i + 1:02d}", i * 13, "T-01", 3 * 3600, "counted") for i in range(20)]
    training += [
        extra(f"TR-2{i + 1:02d}", i * 5 + 1, "T-02", 2 * 3600, "counted") for i in range(8)
    ]
    training.append(extra("TR-P", 120, "T-03", 3600, "pending"))
    training.append(extra("TR-X", 121, "T-03", 3600, "voided"))
    supervision = [extra(f"SU-{i + 1:02d}", i * 17, "S-01", 7200, "counted") for i in range(10)]
    supervision += [extra(f"SU-2{i + 1:02d}", i * 3, "S-02", 5400, "counted") for i in range(6)]

    # Corrections: c_after_* are wrong at entry and corrected after approval (delta_s != 0);
    # c_before is corrected before approval (delta_s == 0, the approval counts the new time);
    # the training one is corrected after approval (delta_s == 0: training is not counted).
    c_after_down, c_after_up, c_before = records[300], records[500], records[700]
    c_training = training[3]
    entered = {
        c_after_down.record_id: c_after_down.duration_s + 1800,
        c_after_up.record_id: c_after_up.duration_s - 1200,
        c_before.record_id: c_before.duration_s - 600,
        c_training.record_id: c_training.duration_s + 3600,
    }
    everything = records + voided + pending + training + supervision
    by_id = {p.record_id: p for p in everything}
    entries: list[b.Command] = []
    for p in everything:
        interval = p.record_id.endswith("-01")  # some records give start and end times
        entries.append(_record(p, entered.get(p.record_id, p.duration_s), interval=interval))
        if p.record_id == c_before.record_id:
            entries.append(_correct(p, "C-before"))
    approvals: list[b.Command] = [
        _approve(p) for p in everything if p.status in ("counted", "voided")
    ]
    afterwards: list[b.Command] = [
        _correct(c_after_down, "C-down"),
        _correct(c_after_up, "C-up"),
        _correct(c_training, "C-training"),
    ]
    afterwards += [
        b.VoidService(
            volunteer_id=p.volunteer_id,
            record_id=p.record_id,
            reason="重复录入",
            actor=APPROVER,
            occurred_on=p.service_date + dt.timedelta(days=9),
        )
        for p in everything
        if p.status == "voided"
    ]
    afterwards += [
        b.LeaveTeam(
            volunteer_id=mover, team=TEAMS[0], reason="孩子升学", actor=RECORDER,
            occurred_on=_on(10, 1),
        ),
        b.JoinTeam(volunteer_id=mover, team=TEAMS[1], actor=RECORDER, occurred_on=_on(10, 11)),
        b.DeactivateVolunteer(
            volunteer_id=loner, reason="迁居外地", actor=RECORDER, occurred_on=_on(11, 30)
        ),
    ]  # fmt: skip
    assert len(by_id) == len(everything)
    return Plan(
        batches=[registrations + publications, entries, approvals, afterwards],
        records=everything,
        volunteers=volunteers,
        activities=activities,
    )


PLAN = build_plan()


# ---- expected figures, from the plan alone ------------------------------------------------------


def expected(
    *,
    category: str = "volunteer_service",
    date_from: dt.date = YEAR_START,
    date_to: dt.date = YEAR_END,
    team: str | None = None,
    community: str | None = None,
) -> tuple[int, int, int, int]:
    """(activities, person-times, volunteers, seconds) of the counted records of a slice."""
    rows = [
        p
        for p in PLAN.records
        if p.status == "counted"
        and p.category == category
        and date_from <= p.service_date <= date_to
        and (team is None or p.team == team)
        and (community is None or p.community == community)
    ]
    return (
        len({p.activity_id for p in rows}),
        len(rows),
        len({p.volunteer_id for p in rows}),
        sum(p.duration_s for p in rows),
    )


def figures_tuple(f: Figures) -> tuple[int, int, int, int]:
    return (f.activities, f.person_times, f.volunteers, f.duration_s)


# ---- the year, recorded on each backend -------------------------------------------------------


@dataclasses.dataclass
class Recorded:
    ledger: Ledger
    stats: VolunteerStatsProjection
    report: VolunteerStats
    seconds_to_record: float


@pytest.fixture(scope="module", params=["memory", "sqlite-file"])
def year(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Recorded]:
    store = (
        "memory:"
        if request.param == "memory"
        else str(tmp_path_factory.mktemp("stats") / "station.db")
    )
    started = time.perf_counter()
    ledger = Ledger(store, clock=FixedClock(CLOCK_START))
    for batch in PLAN.batches:  # personal data in clear (no cipher key): warnings filtered
        ledger.execute_batch(batch)
    stats = volunteer_stats(ledger.stored_events())
    report = volunteer_reports.stats(stats, Period.year(YEAR), station_id=STATION)
    yield Recorded(ledger, stats, report, time.perf_counter() - started)
    ledger.close()


def test_the_plan_is_the_reports_year() -> None:
    # The generator itself, checked before anything is recorded.
    counted = [
        p for p in PLAN.records if p.status == "counted" and p.category == "volunteer_service"
    ]
    assert len(counted) == REPORT_PERSON_TIMES
    assert len({p.activity_id for p in counted}) == REPORT_ACTIVITIES
    assert sum(p.duration_s for p in counted) == REPORT_SECONDS
    assert hours_2dp(REPORT_SECONDS) == REPORT_HOURS
    assert all(0 < p.duration_s <= 24 * 3600 for p in PLAN.records)


def test_headline_figures_match_the_report(year: Recorded) -> None:
    r = year.report
    assert r.service.activities == REPORT_ACTIVITIES  # 开展志愿服务60次
    assert r.service.person_times == REPORT_PERSON_TIMES  # 835人次
    assert r.service.duration_s == REPORT_SECONDS
    assert r.service.hours == REPORT_HOURS  # 1495.71小时
    assert r.registered_volunteers == REPORT_REGISTERED  # 注册志愿者286人
    assert len(r.registered_by_team) == 3  # 志愿服务队3支
    assert {t.key for t in r.registered_by_team} == set(TEAMS)
    assert figures_tuple(r.service) == expected()
    # 61 volunteer-service activities were published; A-61 has no counted record.
    assert r.activities_published == REPORT_ACTIVITIES + 1
    assert r.records_pending == 3
    assert r.records_voided == 2
    assert r.period == Period(label="2024", date_from=_on(1, 1), date_to=_on(12, 31))


def test_the_year_takes_little_time(year: Recorded) -> None:
    # About 2,300 commands in four batches; a regression to one write per command shows here.
    assert year.seconds_to_record < 20


def test_every_slice_sums_to_the_total(year: Recorded) -> None:
    r = year.report
    for rows in (
        r.by_station,
        r.by_team,
        r.by_community,
        r.by_category,
        r.by_year,
        r.by_quarter,
        r.by_month,
    ):
        assert sum(f.duration_s for f in rows) == r.service.duration_s
        assert sum(f.person_times for f in rows) == r.service.person_times
        # Distinct counts only add up to at least the total.
        assert sum(f.activities for f in rows) >= r.service.activities
        assert sum(f.volunteers for f in rows) >= r.service.volunteers
    # Every activity has one community and one category: those rows add up exactly.
    assert sum(f.activities for f in r.by_community) == REPORT_ACTIVITIES
    assert sum(f.activities for f in r.by_month) == REPORT_ACTIVITIES  # one day each
    assert [f.key for f in r.by_category] == ["volunteer_service"]
    assert [f.key for f in r.by_year] == ["2024"]
    assert [f.key for f in r.by_quarter] == ["2024Q1", "2024Q2", "2024Q3", "2024Q4"]
    assert [f.key for f in r.by_month] == [f"2024-{m:02d}" for m in range(1, 13)]


def test_each_slice_matches_the_plan(year: Recorded) -> None:
    r = year.report
    assert [(f.key, figures_tuple(f)) for f in r.by_station] == [(STATION, expected())]
    assert [(f.key, figures_tuple(f)) for f in r.by_category] == [("volunteer_service", expected())]
    assert [(f.key, figures_tuple(f)) for f in r.by_year] == [("2024", expected())]
    everywhere = volunteer_reports.stats(
        year.stats, Period.year(YEAR)
    )  # one station in the store: the same
    assert everywhere.service == r.service
    assert everywhere.station_id is None
    assert {f.key: figures_tuple(f) for f in r.by_team} == {
        team: expected(team=team) for team in (*TEAMS, "")
    }
    assert {f.key: figures_tuple(f) for f in r.by_community} == {
        c: expected(community=c) for c in (*COMMUNITIES, "")
    }
    for f in r.by_month:
        month = int(f.key[5:])
        last = Period.month(YEAR, month).date_to
        assert figures_tuple(f) == expected(date_from=_on(month, 1), date_to=last), f.key
    for f in r.by_quarter:
        q = int(f.key[-1])
        p = Period.quarter(YEAR, q)
        assert figures_tuple(f) == expected(date_from=p.date_from, date_to=p.date_to), f.key
    for f in (*r.by_team, *r.by_community, *r.by_month, r.service):
        assert f.hours == hours_2dp(f.duration_s)
    # Hours are rounded once, after summing: the rounded rows need not add up to 1495.71.
    assert [f.key for f in r.by_team] == ["", *sorted(TEAMS)]


def test_any_date_range_and_filter(year: Recorded) -> None:
    stats = year.stats
    p = Period.between(_on(3, 15), _on(5, 10))
    got = volunteer_reports.figures(stats, period=p)
    assert figures_tuple(got) == expected(date_from=p.date_from, date_to=p.date_to)
    got = volunteer_reports.figures(stats, period=p, team=TEAMS[1], community=COMMUNITIES[2])
    assert figures_tuple(got) == expected(
        date_from=p.date_from, date_to=p.date_to, team=TEAMS[1], community=COMMUNITIES[2]
    )
    assert figures_tuple(volunteer_reports.figures(stats, team="")) == expected(team="")
    assert volunteer_reports.figures(stats, station_id="elsewhere").person_times == 0
    # A report over a range cuts its period rows to the range and keeps the sums.
    r = volunteer_reports.stats(stats, p, station_id=STATION)
    assert [f.key for f in r.by_quarter] == ["2024Q1", "2024Q2"]
    assert [f.key for f in r.by_month] == ["2024-03", "2024-04", "2024-05"]
    assert sum(f.duration_s for f in r.by_month) == r.service.duration_s == got_total(p)
    assert r.by_month[0].duration_s == expected(date_from=_on(3, 15), date_to=_on(3, 31))[3]


def got_total(p: Period) -> int:
    return expected(date_from=p.date_from, date_to=p.date_to)[3]


def test_registered_volunteers_as_of_a_day(year: Recorded) -> None:
    stats = year.stats

    def registered_on(day: dt.date, team: str | None = None) -> int:
        # From the plan: registered by then, not the loner after 11-30, the mover's team moves.
        count = 0
        for vid, (on, final_team) in PLAN.volunteers.items():
            if on > day or (vid == "V-287" and day >= _on(11, 30)):
                continue
            current = final_team
            if vid == "V-010":
                current = TEAMS[0] if day < _on(10, 1) else "" if day < _on(10, 11) else TEAMS[1]
            if team is None or (current or "") == team:
                count += 1
        return count

    days = [
        dt.date(YEAR - 1, 12, 31),
        _on(3, 31),
        _on(6, 30),
        _on(9, 30),
        _on(10, 1),  # the mover left team 0 that day: no longer in it at the day's end
        _on(10, 5),
        _on(10, 10),
        _on(10, 11),  # and joined team 1
        _on(11, 29),
        _on(11, 30),
        _on(12, 31),
        LATE_REGISTRATION,
    ]
    for day in days:
        assert volunteer_reports.registered(stats, as_of=day, station_id=STATION) == registered_on(
            day
        ), day
        for team in (*TEAMS, ""):
            assert volunteer_reports.registered(stats, as_of=day, team=team) == registered_on(
                day, team
            ), (day, team)
    assert volunteer_reports.registered(stats, as_of=dt.date(YEAR - 1, 12, 31)) == 100
    assert volunteer_reports.registered(stats, as_of=_on(12, 31)) == REPORT_REGISTERED
    assert volunteer_reports.registered(stats, as_of=LATE_REGISTRATION) == REPORT_REGISTERED + 1
    r = year.report
    assert {t.key: t.volunteers for t in r.registered_by_team} == {
        team: registered_on(_on(12, 31), team) for team in TEAMS
    }
    assert sum(t.volunteers for t in r.registered_by_team) == REPORT_REGISTERED
    assert [(s.key, s.volunteers) for s in r.registered_by_station] == [(STATION, 286)]
    q4 = volunteer_reports.stats(stats, Period.between(_on(10, 1), _on(10, 5)))
    assert {t.key: t.volunteers for t in q4.registered_by_team}[""] == 2  # the mover, the loner


def test_training_and_supervision_are_their_own_figures(year: Recorded) -> None:
    r = year.report
    other = {c.category: c for c in r.other_categories}
    assert set(other) == {"training", "supervision"}
    for category in ("training", "supervision"):
        assert figures_tuple(other[category].figures) == expected(category=category)
        assert figures_tuple(volunteer_reports.figures(year.stats, category=category)) == expected(
            category=category
        )
    assert other["training"].activities_published == 3
    assert other["supervision"].activities_published == 3  # S-03 has no record
    assert other["supervision"].figures.activities == 2
    # 20 x 3 h + 8 x 2 h of training; the corrected record counts its corrected time.
    assert other["training"].figures.duration_s == (20 * 3 + 8 * 2) * 3600
    assert other["training"].figures.hours == Decimal("76.00")
    assert other["supervision"].figures.hours == Decimal("29.00")  # 10 x 2 h + 6 x 1.5 h
    # And none of it is in the service figures.
    assert r.service.duration_s == REPORT_SECONDS


def test_corrections_and_voids_were_really_recorded(year: Recorded) -> None:
    # The figures above hold *through* these events, not because they are missing.
    events = year.ledger.stored_events()
    corrections = {e.correction_id: e for e in events if isinstance(e, ServiceCorrected)}
    assert {k: (e.delta_s, e.counted) for k, e in corrections.items()} == {
        "C-before": (0, False),
        "C-down": (-1800, True),
        "C-up": (1200, True),
        "C-training": (0, False),
    }
    voids = {e.record_id: e.counted_s for e in events if isinstance(e, ServiceVoided)}
    assert voids == {"X-1": 7200, "X-2": 5400, "TR-X": 0}


def test_projection_agrees_with_the_volunteer_aggregates(year: Recorded) -> None:
    # The Volunteer aggregate folds the same events for its own rules: the sums must agree.
    total = sum(year.ledger.volunteer(vid).state.service_s for vid in PLAN.volunteers)
    assert total == year.report.service.duration_s == REPORT_SECONDS


def test_replay_in_two_parts_gives_the_same_report(year: Recorded) -> None:
    # The catch-up pattern: a view fed the log in pieces ends where a full replay ends.
    events = year.ledger.stored_events()
    stats = VolunteerStatsProjection()
    half = len(events) // 2
    for e in events[:half]:
        stats.apply(e)
    for e in events[half:]:
        stats.apply(e)
    assert volunteer_reports.stats(stats, Period.year(YEAR), station_id=STATION) == year.report
    assert volunteer_reports.stats(
        volunteer_stats(events), Period.year(YEAR)
    ) == volunteer_reports.stats(stats, Period.year(YEAR))


def test_table_and_json(year: Recorded) -> None:
    r = year.report
    text = volunteer_stats_text(r)
    assert "1495.71" in text
    assert "5384556" in text
    assert "835" in text
    assert "注册志愿者 registered 286" in text
    for team in TEAMS:
        assert team in text
    assert "training" in text
    assert "supervision" in text
    decoded = msgspec.json.decode(r.to_json())
    assert decoded["service"]["hours"] == "1495.71"
    assert decoded["service"]["person_times"] == 835
    assert decoded["registered_volunteers"] == 286
    assert decoded["period"] == {
        "label": "2024",
        "date_from": "2024-01-01",
        "date_to": "2024-12-31",
    }
    assert msgspec.json.decode(r.to_json(), type=VolunteerStats) == r


# ---- small cases, events by hand ---------------------------------------------------------------


def _small_ledger() -> Ledger:
    return Ledger("memory:", clock=lambda: CLOCK_START)


@pytest.mark.filterwarnings("ignore::UserWarning")
def test_what_counts_in_a_small_history() -> None:
    ledger = _small_ledger()
    day = _on(4, 2)
    ledger.register_volunteer(
        volunteer_id="V-1",
        station_id="s",
        name="甲",
        registered_on=day,
        consent=True,
        actor=RECORDER,
        occurred_on=day,
    )
    ledger.execute(_activity("A-1", "volunteer_service", "村", day, "探访"))
    ledger.execute(_activity("A-2", "volunteer_service", "村", day, "探访"))
    for rid, aid, seconds in (("R-1", "A-1", 3600), ("R-2", "A-2", 1000), ("R-3", "A-2", 500)):
        ledger.record_service(record_id=rid, volunteer_id="V-1", activity_id=aid,
                              duration_s=seconds, service_date=day, actor=RECORDER,
                              occurred_on=day)  # fmt: skip
    ledger.approve_service(volunteer_id="V-1", record_id="R-1", actor=APPROVER, occurred_on=day)
    ledger.approve_service(volunteer_id="V-1", record_id="R-2", actor=APPROVER, occurred_on=day)
    ledger.correct_service(
        volunteer_id="V-1",
        record_id="R-1",
        correction_id="C",
        reason="r",
        requested_by="V-1",
        duration_s=5400,
        actor=APPROVER,
        occurred_on=day,
    )
    ledger.void_service(volunteer_id="V-1", record_id="R-2", reason="重复", actor=APPROVER,
                        occurred_on=day)  # fmt: skip
    stats = volunteer_stats(ledger.stored_events())
    f = volunteer_reports.figures(stats)
    # R-1 counts its corrected 1.5 h; R-2 was voided; R-3 was never approved. So one
    # activity of the two published, one 人次, one volunteer, in no team.
    assert figures_tuple(f) == (1, 1, 1, 5400)
    assert f.hours == Decimal("1.50")
    assert volunteer_reports.activities_published(stats) == 2
    r = volunteer_reports.stats(stats, Period.month(YEAR, 4))
    assert [(t.key, t.person_times) for t in r.by_team] == [("", 1)]
    assert (r.records_pending, r.records_voided) == (1, 1)
    assert r.registered_by_team[0].key == ""
    ledger.close()


def test_hours_round_once_after_summing() -> None:
    # 3 records of 18 s are 0.005 h each: rounded one by one they would be 0.01 each (0.03);
    # summed first they are 54 s = 0.015 h = 0.02 h (half up).
    assert hours_2dp(18) == Decimal("0.01")
    assert hours_2dp(54) == Decimal("0.02")


def test_events_it_does_not_read_are_ignored_and_an_unknown_one_is_refused() -> None:
    ledger = Ledger("memory:")
    open_test_fund(ledger)
    ledger.receive_cash(
        fund_id="cz-village", receipt_no="R-1", amount="100", actor="王芳", occurred_on=D
    )
    stats = volunteer_stats(ledger.stored_events())  # fund events: declared ignored
    assert volunteer_reports.figures(stats) == Figures(
        key="total", activities=0, person_times=0, volunteers=0, duration_s=0, hours=Decimal("0.00")
    )
    assert volunteer_reports.registered(stats, as_of=_on(1, 1)) == 0
    for stranger in (object(), "not an event"):
        with pytest.raises(UnknownEvent) as raised:
            stats.apply(stranger)
        assert raised.value.event_class is type(stranger)
        assert raised.value.fold == "VolunteerStatsProjection"
    ledger.close()


def test_periods() -> None:
    assert Period.year(2024) == Period(label="2024", date_from=_on(1, 1), date_to=_on(12, 31))
    assert Period.quarter(2024, 1).date_to == _on(3, 31)
    assert Period.quarter(2024, 4) == Period(
        label="2024Q4", date_from=_on(10, 1), date_to=_on(12, 31)
    )
    assert Period.month(2024, 2).date_to == _on(2, 29)  # a leap year
    assert Period.month(2023, 2).date_to == dt.date(2023, 2, 28)
    assert Period.between(_on(1, 5), _on(1, 5)).label == "2024-01-05..2024-01-05"
    assert _on(3, 31) in Period.quarter(2024, 1)
    assert _on(4, 1) not in Period.quarter(2024, 1)
    with pytest.raises(InvalidInput):
        Period.quarter(2024, 5)
    with pytest.raises(InvalidInput):
        Period.month(2024, 0)
    with pytest.raises(InvalidInput):
        Period.between(_on(2, 1), _on(1, 1))
    with pytest.raises(InvalidInput):
        Period.between(dt.date(1900, 1, 1), dt.date(2024, 1, 1))
    with pytest.raises(InvalidInput):
        Period.year(0)


def test_a_report_across_years_has_a_row_per_year() -> None:
    r = volunteer_reports.stats(
        VolunteerStatsProjection(), Period.between(dt.date(2023, 11, 15), _on(2, 10))
    )
    assert [f.key for f in r.by_year] == ["2023", "2024"]
    assert [f.key for f in r.by_quarter] == ["2023Q4", "2024Q1"]
    assert [f.key for f in r.by_month] == ["2023-11", "2023-12", "2024-01", "2024-02"]
    assert all(f.person_times == 0 for f in r.by_month)


def _by_volunteer(records: list[Planned]) -> dict[str, int]:
    out: dict[str, int] = defaultdict(int)
    for p in records:
        out[p.volunteer_id] += p.duration_s
    return out


def test_the_plan_spreads_people_and_time() -> None:
    # Not a check of the library: that the invented year is not degenerate (all in one team...).
    counted = [
        p for p in PLAN.records if p.status == "counted" and p.category == "volunteer_service"
    ]
    assert len(Counter(p.team for p in counted)) == 4
    assert len(Counter(p.community for p in counted)) == 5
    assert len(_by_volunteer(counted)) > 200
    assert {p.service_date.month for p in counted} == set(range(1, 13))
