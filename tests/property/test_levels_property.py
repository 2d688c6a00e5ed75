"""For random trees of units and records at every level, a level's figures are its units'.

Hypothesis draws a register of levels (districts, stations, community rooms, some stations
without a district, and maybe a station moved to another district mid-year), and records
at every unit: funds with gifts and spending, volunteers serving in activities (some
activities shared by volunteers of two units). For each unit of the tree, the annual
report asked for the unit must equal:

* for counts, amounts and seconds (person-times, service seconds, registered volunteers,
  funds, cash, gifts, spending): what is recorded at the unit itself (its station's own
  report) plus the sum of its children's reports;
* for distinct people and activities (volunteers serving, 次数): the size of the union of
  the sets of its children and of its own (an activity shared by two stations counts once
  at their common parent);
* for hours: the level's summed seconds rounded once, half up, to 2 decimals.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import FixedClock
from sgz_ledger import Ledger
from sgz_ledger.domain.money import hours_2dp
from sgz_ledger.reports.annual import AnnualReport
from sgz_ledger.service import commands as b

pytestmark = pytest.mark.filterwarnings(
    "ignore::sgz_ledger.storage.sealing.PersonalDataInClearWarning"
)

YEAR = 2024
START = dt.date(YEAR, 1, 1)
CST = dt.timezone(dt.timedelta(hours=8))
CLERK, CHECKER = "王芳", "李强"

ADDITIVE = (
    "person_times",
    "service_s",
    "registered_volunteers",
    "funds_opened",
    "funds_open",
    "donations_cash_fen",
    "spending_fen",
    "cash_start_fen",
    "cash_end_fen",
    "available_end_fen",
)

days = st.integers(0, 360).map(lambda n: START + dt.timedelta(days=n))


@st.composite
def histories(draw: st.DrawFn) -> dict[str, Any]:
    """A tree (``parents``: unit -> parent, ``levels``), a move, and records at its units."""
    levels: dict[str, str] = {}
    parents: dict[str, str] = {}
    districts = [f"d{i}" for i in range(draw(st.integers(1, 2)))]
    for d in districts:
        levels[d] = "district"
        parents[d] = ""
    stations = []
    for i in range(draw(st.integers(1, 4))):
        s = f"s{i}"
        stations.append(s)
        levels[s] = "station"
        parents[s] = draw(st.sampled_from(["", *districts]))
    for i in range(draw(st.integers(0, 4))):
        c = f"c{i}"
        levels[c] = "community"
        parents[c] = draw(st.sampled_from(stations))
    units = list(levels)
    moved = [s for s in stations if parents[s]]
    move = None
    if len(districts) > 1 and moved and draw(st.booleans()):
        station = draw(st.sampled_from(moved))
        to = next(d for d in districts if d != parents[station])
        move = (station, to, draw(days))
    # Funds with a gift and maybe a payment, at any unit.
    funds = draw(
        st.lists(
            st.tuples(st.sampled_from(units), st.integers(1, 10_000), st.integers(0, 5_000), days),
            max_size=6,
        )
    )
    # Volunteers at any unit; service records in activities published by any unit.
    volunteers = draw(st.lists(st.sampled_from(units), min_size=1, max_size=5))
    activities = draw(st.lists(st.sampled_from(units), min_size=1, max_size=3))
    records = draw(
        st.lists(
            st.tuples(
                st.integers(0, len(volunteers) - 1),
                st.integers(0, len(activities) - 1),
                st.integers(1, 6 * 3600),
                days,
                st.booleans(),  # approved
            ),
            max_size=10,
        )
    )
    return {
        "levels": levels,
        "parents": parents,
        "move": move,
        "funds": funds,
        "volunteers": volunteers,
        "activities": activities,
        "records": records,
    }


def _record(ledger: Ledger, h: dict[str, Any]) -> None:
    commands: list[b.Command[Any]] = []
    for unit, level in h["levels"].items():
        commands.append(
            b.RegisterUnit(
                unit_id=unit,
                level=level,
                parent_id=h["parents"][unit],
                name=f"{unit}名",
                actor=CLERK,
                occurred_on=START,
            )
        )
    if h["move"] is not None:
        station, to, day = h["move"]
        commands.append(
            b.MoveUnit(
                unit_id=station, parent_id=to, reason="区划调整", actor=CLERK, occurred_on=day
            )
        )
    for i, (unit, gift, spend, day) in enumerate(h["funds"]):
        fund = f"F{i}"
        commands += [
            b.OpenFund(
                fund_id=fund,
                station_id=unit,
                community="村",
                name=fund,
                host="会",
                approval_threshold_fen=10_000_000,
                publicity_required=False,
                actor=CLERK,
                occurred_on=START,
            ),
            b.ReceiveCashDonation(
                fund_id=fund, receipt_no="R", amount_fen=gift, actor=CLERK, occurred_on=START
            ),
        ]
        if 0 < spend <= gift:
            commands += [
                b.RequestDisbursement(
                    fund_id=fund,
                    request_id="Q",
                    amount_fen=spend,
                    purpose="助老",
                    payee="店",
                    actor=CLERK,
                    occurred_on=day,
                ),
                b.ApproveDisbursement(fund_id=fund, request_id="Q", actor=CHECKER, occurred_on=day),
                b.PayDisbursement(
                    fund_id=fund, request_id="Q", voucher_no="P", actor="出纳", occurred_on=day
                ),
            ]
    for i, unit in enumerate(h["volunteers"]):
        commands.append(
            b.RegisterVolunteer(
                volunteer_id=f"V{i}",
                station_id=unit,
                name=f"V{i}",
                registered_on=START,
                consent=True,
                actor=CLERK,
                occurred_on=START,
            )
        )
    for i, unit in enumerate(h["activities"]):
        at = dt.datetime(YEAR, 1, 1, 9, tzinfo=CST)
        commands.append(
            b.PublishActivity(
                activity_id=f"A{i}",
                station_id=unit,
                name=f"A{i}",
                starts_at=at,
                ends_at=dt.datetime(YEAR, 12, 31, 18, tzinfo=CST),
                actor=CLERK,
                occurred_on=START,
            )
        )
    for n, (v, a, seconds, day, approved) in enumerate(h["records"]):
        commands.append(
            b.RecordService(
                record_id=f"R{n}",
                volunteer_id=f"V{v}",
                activity_id=f"A{a}",
                duration_s=seconds,
                service_date=day,
                actor=CLERK,
                occurred_on=day,
            )
        )
        if approved:
            commands.append(
                b.ApproveService(
                    volunteer_id=f"V{v}", record_id=f"R{n}", actor=CHECKER, occurred_on=day
                )
            )
    for command in commands:
        ledger.execute(command)


def _own_sets(ledger: Ledger, unit: str) -> tuple[set[str], set[str]]:
    """The volunteers and activities with a counted service record of ``unit`` itself."""
    fold = ledger.volunteer_figures_view()
    period_days = (START, dt.date(YEAR, 12, 31))
    volunteers, activities = set(), set()
    for r in fold.records.values():
        e = r.recorded
        in_year = period_days[0] <= e.service_date <= period_days[1]
        if r.counted and r.is_service and e.station_id == unit and in_year:
            volunteers.add(str(r.volunteer))
            activities.add(e.activity_id)
    return volunteers, activities


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(histories())
def test_a_levels_figures_are_its_own_plus_its_childrens(h: dict[str, Any]) -> None:
    ledger = Ledger("memory:", clock=FixedClock())
    _record(ledger, h)
    end = dt.date(YEAR, 12, 31)
    register = ledger.level_register()
    assert register is not None
    reports: dict[str, AnnualReport] = {
        unit: ledger.annual_report(YEAR, unit_id=unit) for unit in h["levels"]
    }
    own: dict[str, AnnualReport] = {
        unit: ledger.annual_report(YEAR, station_id=unit) for unit in h["levels"]
    }
    sets = {unit: _own_sets(ledger, unit) for unit in h["levels"]}

    def subtree_sets(unit: str) -> tuple[set[str], set[str]]:
        volunteers, activities = set(sets[unit][0]), set(sets[unit][1])
        for child in register.children(unit, on=end):
            v, a = subtree_sets(child)
            volunteers |= v
            activities |= a
        return volunteers, activities

    for unit in h["levels"]:
        children = register.children(unit, on=end)
        report = reports[unit]
        for name in ADDITIVE:
            expected = getattr(own[unit], name) + sum(getattr(reports[c], name) for c in children)
            assert getattr(report, name) == expected, (unit, name)
        volunteers, activities = subtree_sets(unit)
        assert report.volunteers == len(volunteers)
        assert report.activities == len(activities)
        assert report.activities <= own[unit].activities + sum(
            reports[c].activities for c in children
        )
        assert report.service_hours == hours_2dp(report.service_s)
        assert report.stations == tuple(sorted(register.units_under(unit, on=end)))


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(histories())
def test_the_districts_partition_the_stations_they_hold(h: dict[str, Any]) -> None:
    """On any day, the top units' subtrees are disjoint and cover every unit, so the top
    units' figures sum to the store's (every station)."""
    ledger = Ledger("memory:", clock=FixedClock())
    _record(ledger, h)
    register = ledger.level_register()
    assert register is not None
    end = dt.date(YEAR, 12, 31)
    tops = [u for u in h["levels"] if not register.units[u].parent_on(end)]
    covered = [register.units_under(t, on=end) for t in tops]
    assert sum(len(c) for c in covered) == len(h["levels"])
    assert frozenset().union(*covered) == frozenset(h["levels"])
    store = ledger.annual_report(YEAR)
    for name in ADDITIVE:
        total = sum(getattr(ledger.annual_report(YEAR, unit_id=t), name) for t in tops)
        assert total == getattr(store, name), name
