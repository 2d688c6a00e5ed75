"""What a tired clerk or a dishonest insider would try with teams, stars and awards.

Each attempt is either refused (nothing recorded) or recorded without changing a figure it
must not change: awards and evaluations are never service hours; a join cannot be dated
before the team or the volunteer existed, nor slipped into a closed period without a
correction note; a leader is a member; dissolving a team does not rewrite its past years.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from conftest import FixedClock
from recognition_support import (
    CLERK,
    FAR,
    STATION,
    V1,
    V2,
    day,
    join,
    leave,
    serve,
    set_up,
    team,
)
from sgz_ledger import (
    AccessRefused,
    BeforeFormation,
    DateOutOfOrder,
    LeaderNotMember,
    Ledger,
    OtherStation,
    PeriodClosedError,
)

pytestmark = pytest.mark.filterwarnings(
    "ignore::sgz_ledger.storage.sealing.PersonalDataInClearWarning"
)


@pytest.fixture
def ledger() -> Iterator[Ledger]:
    opened = Ledger("memory:", clock=FixedClock())
    set_up(opened)
    yield opened
    opened.close()


def hours_of(ledger: Ledger, volunteer: str) -> tuple[int, int, int]:
    """Every figure a volunteer's hours show in: their star, their account, the year's."""
    star = ledger.volunteer_star(volunteer, on=day(12, 31))
    [account] = [a for a in ledger.volunteer_accounts() if a.volunteer_id == volunteer]
    return star.service_s, account.service_s, ledger.annual_report(2024).service_s


def test_an_award_for_hundreds_of_hours_adds_no_hour(ledger: Ledger) -> None:
    serve(ledger, "R-1", V1, day(3, 1), 4)
    before = hours_of(ledger, V1)
    ledger.grant_award(
        station_id=STATION, award_id="BZ-1", recipient="volunteer", recipient_id=V1,
        title="服务时长500小时表彰", awarding_body="区民政局", actor=CLERK, occurred_on=day(5, 1),
    )  # fmt: skip
    ledger.record_evaluation(
        station_id=STATION, evaluation_id="PJ-1", volunteer_id=V1, period_from=day(1, 1),
        period_to=day(4, 30), result="优秀 (折合200小时)", evaluator="站长", actor=CLERK,
        occurred_on=day(5, 1),
    )  # fmt: skip
    # The ceremony itself entered as "service" under a training activity: kept apart too.
    serve(ledger, "R-2", V1, day(5, 1), 3, activity="A-TRN")
    assert hours_of(ledger, V1) == before
    assert ledger.volunteer_star(V1, on=day(12, 31)).level == 0


def test_an_award_for_another_stations_volunteer_is_refused(ledger: Ledger) -> None:
    with pytest.raises(OtherStation):
        ledger.grant_award(
            station_id=STATION, award_id="BZ-2", recipient="volunteer", recipient_id=FAR,
            title="优秀志愿者", awarding_body="本站", actor=CLERK, occurred_on=day(5, 1),
        )  # fmt: skip
    assert ledger.recognition(period_from=day(1, 1), period_to=day(12, 31)).awards == 0


def test_a_join_backdated_to_claim_hours(ledger: Ledger) -> None:
    serve(ledger, "R-1", V1, day(1, 15), 6)  # served before the team existed
    team(ledger, on=day(2, 1))
    position = ledger.log_position()
    with pytest.raises(BeforeFormation):
        join(ledger, V1, day(1, 10))  # dated before the team was formed
    assert ledger.log_position() == position
    # Joined, left, then a second join dated back inside the first absence.
    join(ledger, V1, day(2, 1))
    leave(ledger, V1, day(3, 1))
    serve(ledger, "R-2", V1, day(3, 10), 5)  # served while not a member
    with pytest.raises(DateOutOfOrder):
        join(ledger, V1, day(2, 20))
    join(ledger, V1, day(4, 1))
    [row] = ledger.recognition(period_from=day(1, 1), period_to=day(12, 31)).teams
    assert row.member_service_s == 0  # neither R-1 nor R-2 is the team's


def test_a_join_slipped_into_a_closed_quarter_needs_a_correction_note(ledger: Ledger) -> None:
    team(ledger, on=day(1, 5))
    serve(ledger, "R-1", V1, day(2, 10), 4)
    ledger.close_period(
        station_id=STATION, period_from=day(1, 1), period_to=day(3, 31), reason="一季度已公开",
        actor=CLERK, occurred_on=day(4, 3),
    )  # fmt: skip
    position = ledger.log_position()
    with pytest.raises(PeriodClosedError):
        join(ledger, V1, day(2, 1))
    assert ledger.log_position() == position
    ledger.add_team_member(
        team_id="T-1", volunteer_id=V1, actor=CLERK, occurred_on=day(2, 1),
        correction_note="2月1日入队漏记，补录",
    )  # fmt: skip
    [corrected] = ledger.annual_report(2024, station_id=STATION).closed_period_corrections  # type: ignore[misc]
    assert corrected.event_type == "TeamMemberJoined"


def test_a_leader_is_always_a_member(ledger: Ledger) -> None:
    team(ledger)
    join(ledger, V1, day(2, 10))
    for volunteer, on in ((V2, day(3, 1)), (V1, day(2, 5)), ("V-99", day(3, 1))):
        with pytest.raises(LeaderNotMember):
            ledger.name_team_leader(team_id="T-1", volunteer_id=volunteer, actor=CLERK,
                                    occurred_on=on)  # fmt: skip
    ledger.name_team_leader(team_id="T-1", volunteer_id=V1, actor=CLERK, occurred_on=day(3, 1))
    with pytest.raises(DateOutOfOrder):  # leaving before the day they were named
        leave(ledger, V1, day(2, 15))
    leave(ledger, V1, day(4, 1))
    with pytest.raises(LeaderNotMember):  # named again without rejoining
        ledger.name_team_leader(team_id="T-1", volunteer_id=V1, actor=CLERK,
                                occurred_on=day(4, 2))  # fmt: skip


def test_dissolving_a_team_does_not_rewrite_its_past(ledger: Ledger) -> None:
    team(ledger)
    join(ledger, V1, day(2, 1))
    serve(ledger, "R-1", V1, day(3, 1), 4)
    ledger.dissolve_team(team_id="T-1", reason="合并", actor=CLERK, occurred_on=day(9, 1))
    [before] = ledger.recognition(period_from=day(1, 1), period_to=day(6, 30)).teams
    assert (before.active_end, [m.volunteer_id for m in before.members]) == (True, [V1])
    assert before.member_service_s == 4 * 3600
    after = ledger.recognition(period_from=dt.date(2025, 1, 1), period_to=dt.date(2025, 1, 31))
    assert after.teams == ()


def test_an_auditor_forms_no_team(ledger: Ledger) -> None:
    ledger.add_person(station_id=STATION, person_id="A-01", name="刘军", roles=["admin"],
                      actor="刘军", occurred_on=day(1, 3))  # fmt: skip
    ledger.add_person(station_id=STATION, person_id="P-06", name="陈审", roles=["auditor"],
                      actor="A-01", occurred_on=day(1, 3))  # fmt: skip
    ledger.add_person(station_id=STATION, person_id="P-01", name=CLERK, roles=["clerk"],
                      actor="A-01", occurred_on=day(1, 3))  # fmt: skip
    with pytest.raises(AccessRefused):
        ledger.form_team(team_id="T-2", station_id=STATION, name="审计队", actor="陈审",
                         occurred_on=day(2, 1))  # fmt: skip
    team(ledger)  # the clerk records: a team's commands act for the team's station
    with pytest.raises(AccessRefused):
        ledger.add_team_member(team_id="T-1", volunteer_id=V1, actor="陈审",
                               occurred_on=day(2, 1))  # fmt: skip
