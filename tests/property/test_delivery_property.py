"""Service delivery figures, for any sessions at two stations:

* 人次 is the sum of the sessions' counts (a case's session counts one);
* distinct people never exceed 人次, and are the people identified, each once;
* the distinct people of two stations together are the union of each one's people (a
  person served at both counts once), never the sum;
* hours are the seconds summed, then rounded half up to 2 decimals (never a sum of rounded
  hours);
* the projects' 人次 add up to the report's.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import FixedClock
from sgz_ledger import Ledger
from sgz_ledger.storage.sealing import PersonalDataInClearWarning

pytestmark = pytest.mark.filterwarnings(
    f"ignore::{PersonalDataInClearWarning.__module__}.{PersonalDataInClearWarning.__name__}"
)

D = dt.date(2024, 1, 1)
YEAR = {"date_from": D, "date_to": dt.date(2024, 12, 31)}
PEOPLE = [f"R{n}" for n in range(8)]

session = st.fixed_dictionaries(
    {
        "station": st.sampled_from(["a", "b"]),
        "kind": st.sampled_from(["group", "community", "case"]),
        "day": st.integers(0, 364),
        "people": st.lists(st.sampled_from(PEOPLE), unique=True, max_size=4),
        "extra": st.integers(0, 5),
        "project": st.sampled_from(["", "P1", "P2"]),
    }
)
supervision = st.lists(st.integers(1, 24 * 3600), max_size=6)


def _record(ledger: Ledger, n: int, s: dict[str, object]) -> int:
    """Record session ``n``; returns its 人次."""
    station, day = str(s["station"]), D + dt.timedelta(days=int(str(s["day"])))
    people = [str(p) for p in s["people"]]  # type: ignore[attr-defined]
    w = {"station_id": station, "actor": "王芳", "occurred_on": day}
    project = f"{station}-{s['project']}" if s["project"] else ""  # each station's own
    if s["kind"] == "case":
        served = people[0] if people else ""
        ledger.open_case(**w, case_id=f"C{n}", social_worker="李强", served_person=served)
        ledger.record_case_session(
            **w, case_id=f"C{n}", session_id="1", duration_s=60, worker="李强", project_id=project
        )
        return 1
    count = len(people) + int(str(s["extra"]))
    if s["kind"] == "group":
        ledger.create_group(**w, group_id=f"G{n}", name=f"小组{n}")
        ledger.hold_group_session(
            **w, group_id=f"G{n}", session_id="1", duration_s=60, participants=count,
            identified=people, project_id=project,
        )  # fmt: skip
    else:
        ledger.create_community_activity(**w, activity_id=f"A{n}", name=f"活动{n}")
        ledger.hold_community_activity_session(
            **w, activity_id=f"A{n}", session_id="1", duration_s=60, attendance=count,
            identified=people, project_id=project,
        )  # fmt: skip
    return count


def _projects(ledger: Ledger) -> None:
    """Projects P1 and P2 of each station, through 2024, each drawing on a fund of its own."""
    for station in ("a", "b"):
        w = {"station_id": station, "actor": "王芳", "occurred_on": D}
        ledger.open_fund(**w, fund_id=f"{station}-F", community="某村", name="某村社区基金",
                         host="某慈善会", approval_threshold="5000")  # fmt: skip
        for p in ("P1", "P2"):
            ledger.open_project(
                **w, project_id=f"{station}-{p}", name=p, starts_on=D,
                ends_on=dt.date(2024, 12, 31), fund_ids=[f"{station}-F"],
                lines=[{"code": "活动费", "name": "活动费", "amount": "1000"}],
            )  # fmt: skip


def _identified(s: dict[str, object]) -> set[str]:
    people = [str(p) for p in s["people"]]  # type: ignore[attr-defined]
    if s["kind"] == "case":
        return set(people[:1])  # a case names its one person
    return set(people)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(session, min_size=1, max_size=12), supervision)
def test_person_times_distinct_people_and_hours(
    sessions: list[dict[str, object]], durations: list[int]
) -> None:
    ledger = Ledger("memory:", clock=FixedClock())
    _projects(ledger)
    times = {"a": 0, "b": 0}
    people: dict[str, set[str]] = {"a": set(), "b": set()}
    for n, s in enumerate(sessions):
        station = str(s["station"])
        times[station] += _record(ledger, n, s)
        people[station] |= _identified(s)
    for n, seconds in enumerate(durations):
        ledger.record_supervision(
            station_id="a", actor="王芳", occurred_on=D, record_id=f"D{n}", kind="supervision",
            count=1, duration_s=seconds, supervisor="陈",
        )  # fmt: skip

    whole = ledger.delivery_report(**YEAR)
    assert whole.person_times == times["a"] + times["b"]
    assert whole.distinct_people <= whole.person_times
    assert whole.distinct_people == len(people["a"] | people["b"])
    for station in ("a", "b"):
        if times[station]:
            one = ledger.delivery_report(**YEAR, station_ids=frozenset({station}))
            assert one.person_times == times[station]
            assert one.distinct_people == len(people[station])
    served = frozenset(station for station in ("a", "b") if times[station])
    if served:
        both = ledger.delivery_report(**YEAR, station_ids=served)
        assert both.distinct_people == whole.distinct_people

    total = sum(durations)
    assert whole.supervision_s == total
    exact = (Decimal(total) / 3600).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    assert whole.supervision_hours == exact
    assert whole.supervision_count == len(durations)

    projects = ledger.delivery_by_project(**YEAR)
    assert sum(t for t, _ in projects.values()) == whole.person_times
    assert all(d <= t for t, d in projects.values())
    ledger.close()


def test_hours_are_rounded_after_summing() -> None:
    """Three records of 7 s: 21 s is 0.01 h rounded, where three records rounded first
    would each be 0.00 h."""
    ledger = Ledger("memory:", clock=FixedClock())
    for n in range(3):
        ledger.record_supervision(
            station_id="a", actor="王芳", occurred_on=D, record_id=f"D{n}", kind="training",
            count=1, duration_s=7, supervisor="陈",
        )  # fmt: skip
    report = ledger.delivery_report(**YEAR)
    assert report.training_s == 21
    assert report.training_hours == Decimal("0.01")  # 21 s = 0.00583 h
    ledger.close()
