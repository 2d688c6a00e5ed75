"""Teams, star levels, awards and evaluations (rules 50 to 53): the rules, the queries and
the report, each refusal recording nothing."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterator

import msgspec
import pytest

from conftest import FixedClock, reopenable
from recognition_support import (
    CHECKER,
    CLERK,
    FAR,
    OTHER,
    STATION,
    TRAINING,
    V1,
    V2,
    V3,
    day,
    join,
    leave,
    serve,
    set_up,
    team,
)
from sgz_ledger import (
    AlreadyMember,
    BeforeFormation,
    DateOutOfOrder,
    IdempotencyConflict,
    InvalidInput,
    LeaderNotMember,
    Ledger,
    LedgerError,
    NotAMember,
    OtherStation,
    RuleViolation,
    TeamDissolvedError,
    UnknownTeam,
    UnknownVolunteer,
    VolunteerNotActive,
)
from sgz_ledger.audit.trail import trail
from sgz_ledger.domain.events import StationPolicySet
from sgz_ledger.domain.stars import star_level, thresholds_problem


@pytest.fixture
def ledger() -> Iterator[Ledger]:
    opened = Ledger("memory:", clock=FixedClock())
    set_up(opened)
    yield opened
    opened.close()


def refused(ledger: Ledger, error: type[LedgerError], reason: str, call: object) -> None:
    """``call()`` raises ``error`` with ``reason`` and records nothing."""
    before = ledger.log_position()
    with pytest.raises(error) as raised:
        call()  # type: ignore[operator]
    assert raised.value.reason == reason
    assert ledger.log_position() == before


# ---- teams ----------------------------------------------------------------------------------


def test_a_teams_members_and_leader_over_time(ledger: Ledger) -> None:
    team(ledger)
    join(ledger, V1, day(2, 1))
    join(ledger, V2, day(3, 1))
    ledger.name_team_leader(team_id="T-1", volunteer_id=V1, actor=CLERK, occurred_on=day(3, 1))
    leave(ledger, V1, day(6, 1))
    ledger.name_team_leader(team_id="T-1", volunteer_id=V2, actor=CLERK, occurred_on=day(6, 2))
    leave(ledger, V2, day(7, 1))  # the leader leaves and comes back: leads no more
    join(ledger, V2, day(8, 1))
    join(ledger, V1, day(9, 1))  # back again: a second spell

    def state(on: dt.date) -> tuple[tuple[str, ...], str | None]:
        report = ledger.recognition(period_from=on, period_to=on)
        [row] = report.teams
        return tuple(m.volunteer_id for m in row.members), row.leader

    assert state(day(2, 15)) == ((V1,), None)
    assert state(day(3, 1)) == ((V1, V2), V1)
    assert state(day(6, 1)) == ((V2,), None)  # the leader left: nobody leads that day
    assert state(day(6, 2)) == ((V2,), V2)
    assert state(day(7, 1)) == ((), None)
    assert state(day(9, 1)) == ((V1, V2), None)


def test_each_volunteers_account_names_the_register_teams_of_the_day(ledger: Ledger) -> None:
    team(ledger)
    join(ledger, V1, day(2, 1))
    leave(ledger, V1, day(6, 1))

    def teams(on: dt.date) -> dict[str, tuple[str, ...]]:
        return {a.volunteer_id: a.teams for a in ledger.volunteer_accounts(date_to=on)}

    name = ledger.recognition(period_from=day(2, 1), period_to=day(2, 1)).teams[0].name
    assert teams(day(3, 1))[V1] == (name,)
    assert teams(day(3, 1))[V2] == ()
    assert teams(day(6, 1))[V1] == ()  # left that day


def test_repeating_a_team_command_records_nothing(ledger: Ledger) -> None:
    team(ledger)
    join(ledger, V1, day(2, 1))
    position = ledger.log_position()
    team(ledger)
    join(ledger, V1, day(2, 1))
    assert ledger.log_position() == position
    with pytest.raises(IdempotencyConflict):
        ledger.form_team(
            team_id="T-1", station_id=STATION, name="另一个名字", actor=CLERK, occurred_on=day(2, 1)
        )


def test_team_refusals_have_their_own_reasons(ledger: Ledger) -> None:
    team(ledger)
    join(ledger, V1, day(2, 10))
    refused(ledger, UnknownTeam, "unknown_team", lambda: join(ledger, V2, day(3, 1), "T-9"))
    refused(ledger, UnknownVolunteer, "unknown_volunteer", lambda: join(ledger, "V-99", day(3, 1)))
    refused(ledger, OtherStation, "other_station", lambda: join(ledger, FAR, day(3, 1)))
    refused(ledger, BeforeFormation, "before_formation", lambda: join(ledger, V2, day(1, 20)))
    refused(ledger, AlreadyMember, "already_member", lambda: join(ledger, V1, day(3, 1)))
    refused(ledger, NotAMember, "not_a_member", lambda: leave(ledger, V2, day(3, 1)))
    refused(ledger, DateOutOfOrder, "date_out_of_order", lambda: leave(ledger, V1, day(2, 5)))
    refused(
        ledger,
        LeaderNotMember,
        "leader_not_member",
        lambda: ledger.name_team_leader(
            team_id="T-1", volunteer_id=V2, actor=CLERK, occurred_on=day(3, 1)
        ),
    )
    refused(  # a member, but not yet on the day named
        ledger,
        LeaderNotMember,
        "leader_not_member",
        lambda: ledger.name_team_leader(
            team_id="T-1", volunteer_id=V1, actor=CLERK, occurred_on=day(2, 5)
        ),
    )


def test_a_deactivated_volunteer_joins_no_team_from_that_day(ledger: Ledger) -> None:
    team(ledger)
    ledger.deactivate_volunteer(volunteer_id=V2, reason="搬走", actor=CLERK, occurred_on=day(5, 1))
    refused(ledger, VolunteerNotActive, "volunteer_not_active", lambda: join(ledger, V2, day(5, 1)))
    join(ledger, V2, day(3, 1))  # entered late, but a member while they served


def test_a_leader_leaves_no_earlier_than_named_and_a_rejoin_no_earlier_than_left(
    ledger: Ledger,
) -> None:
    team(ledger)
    join(ledger, V1, day(2, 1))
    ledger.name_team_leader(team_id="T-1", volunteer_id=V1, actor=CLERK, occurred_on=day(4, 1))
    refused(ledger, DateOutOfOrder, "date_out_of_order", lambda: leave(ledger, V1, day(3, 1)))
    leave(ledger, V1, day(5, 1))
    refused(ledger, DateOutOfOrder, "date_out_of_order", lambda: join(ledger, V1, day(4, 20)))


def test_a_dissolved_team_takes_nothing_more(ledger: Ledger) -> None:
    team(ledger)
    join(ledger, V1, day(3, 1))
    refused(
        ledger,
        DateOutOfOrder,
        "date_out_of_order",
        lambda: ledger.dissolve_team(
            team_id="T-1", reason="合并", actor=CLERK, occurred_on=day(2, 20)
        ),
    )
    ledger.dissolve_team(team_id="T-1", reason="合并", actor=CLERK, occurred_on=day(4, 1))
    refused(ledger, TeamDissolvedError, "team_dissolved", lambda: join(ledger, V2, day(5, 1)))
    refused(ledger, TeamDissolvedError, "team_dissolved", lambda: leave(ledger, V1, day(5, 1)))
    report = ledger.recognition(period_from=day(1, 1), period_to=day(12, 31))
    [row] = report.teams
    assert (row.active_end, row.members, report.teams_active, report.teams_dissolved) == (
        False,
        (),
        0,
        1,
    )


def test_a_team_of_a_closed_period_is_held_like_any_figure(ledger: Ledger) -> None:
    team(ledger)
    ledger.close_period(
        station_id=STATION, period_from=day(1, 1), period_to=day(3, 31), reason="一季度",
        actor=CLERK, occurred_on=day(4, 2),
    )  # fmt: skip
    with pytest.raises(LedgerError, match="closed"):
        join(ledger, V1, day(3, 1))


# ---- star levels ----------------------------------------------------------------------------


def test_thresholds_are_five_increasing_whole_hours() -> None:
    assert thresholds_problem((100, 300, 600, 1000, 1500)) is None
    for bad in ((100, 300, 600, 1000), (0, 1, 2, 3, 4), (1, 2, 2, 3, 4), (5, 4, 6, 7, 8)):
        assert thresholds_problem(bad) is not None
    assert [star_level(h * 3600, (1, 2, 3, 4, 5)) for h in range(7)] == [0, 1, 2, 3, 4, 5, 5]


def test_a_policy_with_bad_thresholds_is_refused(ledger: Ledger) -> None:
    for bad in ([10, 20, 30, 40], [10, 20, 20, 30, 40], [0, 1, 2, 3, 4]):
        with pytest.raises(InvalidInput, match="star_thresholds"):
            ledger.set_station_policy(
                station_id=STATION, name="站", star_thresholds_h=bad, actor=CLERK,
                occurred_on=day(2, 1),
            )  # fmt: skip


def test_a_policy_stored_before_thresholds_reads_with_the_default() -> None:
    new = StationPolicySet(
        originator_id=uuid.uuid4(),
        originator_version=1, timestamp=dt.datetime(2024, 1, 1, tzinfo=dt.UTC), actor="a",
        occurred_on=dt.date(2024, 1, 1), station_id="s", name="s", auto_approve=False,
        bank_rate_pct=100, bank_automatic=False, bank_limit_s=0,
    )  # fmt: skip
    stored = msgspec.msgpack.decode(msgspec.msgpack.encode(new))
    del stored["star_thresholds_h"]
    old = msgspec.convert(stored, StationPolicySet)
    assert old.star_thresholds_h == (100, 300, 600, 1000, 1500)


def test_star_levels_count_approved_unvoided_service_only(ledger: Ledger) -> None:
    ledger.set_station_policy(
        station_id=STATION, name=f"{STATION}社工站", star_thresholds_h=[10, 20, 30, 40, 50],
        actor=CLERK, occurred_on=day(1, 1),
    )  # fmt: skip
    serve(ledger, "R-1", V1, day(3, 1), 8)
    serve(ledger, "R-2", V1, day(3, 2), 8)
    serve(ledger, "R-3", V1, day(3, 3), 8, activity=TRAINING)  # training: never service
    serve(ledger, "R-4", V1, day(3, 4), 8, approve=False)  # not approved
    serve(ledger, "R-5", V1, day(3, 5), 8)
    ledger.void_service(volunteer_id=V1, record_id="R-5", reason="重复", actor=CHECKER,
                        occurred_on=day(3, 6))  # fmt: skip
    star = ledger.volunteer_star(V1, on=day(12, 31))
    assert (star.service_s, star.level, star.next_threshold_h) == (16 * 3600, 1, 20)
    assert ledger.volunteer_star(V1, on=day(3, 1)).level == 0  # as of a date
    counts = ledger.star_counts(on=day(12, 31), station_ids=frozenset({STATION}))
    assert [c.volunteers for c in counts.levels] == [2, 1, 0, 0, 0, 0]
    assert (counts.volunteers, counts.with_service) == (3, 1)
    with pytest.raises(LedgerError):
        ledger.volunteer_star("V-99", on=day(12, 31))


# ---- awards and evaluations -----------------------------------------------------------------


def test_awards_and_evaluations_are_records_never_service(ledger: Ledger) -> None:
    serve(ledger, "R-1", V1, day(3, 1), 2)
    team(ledger)
    hours = ledger.volunteer_accounts(station_id=STATION)
    ledger.grant_award(
        station_id=STATION, award_id="BZ-1", recipient="volunteer", recipient_id=V1,
        title="优秀志愿者", awarding_body="区民政局", actor=CLERK, occurred_on=day(5, 1),
    )  # fmt: skip
    ledger.grant_award(
        station_id=STATION, award_id="BZ-2", recipient="team", recipient_id="T-1",
        title="优秀志愿服务队", awarding_body="区民政局", actor=CLERK, occurred_on=day(5, 1),
    )  # fmt: skip
    ledger.record_evaluation(
        station_id=STATION, evaluation_id="PJ-1", volunteer_id=V1, period_from=day(1, 1),
        period_to=day(4, 30), result="优秀", evaluator="站长", actor=CLERK, occurred_on=day(5, 2),
    )  # fmt: skip
    assert ledger.volunteer_accounts(station_id=STATION) == hours
    report = ledger.recognition(period_from=day(1, 1), period_to=day(12, 31))
    assert (report.awards, report.awards_to_volunteers, report.awards_to_teams) == (2, 1, 1)
    assert report.evaluations == 1
    labels = {e.event: e.label_en for e in trail(ledger, volunteer_id=V1)}
    assert "not service hours" in labels["AwardGranted"]
    assert "not service hours" in labels["EvaluationRecorded"]


def test_award_and_evaluation_refusals(ledger: Ledger) -> None:
    def award(recipient: str, recipient_id: str, station: str = STATION) -> object:
        return lambda: ledger.grant_award(
            station_id=station, award_id="BZ-9", recipient=recipient,  # type: ignore[arg-type]
            recipient_id=recipient_id, title="优秀", awarding_body="区", actor=CLERK,
            occurred_on=day(5, 1),
        )  # fmt: skip

    refused(ledger, UnknownTeam, "unknown_team", award("team", "T-9"))
    refused(ledger, UnknownVolunteer, "unknown_volunteer", award("volunteer", "V-99"))
    refused(ledger, OtherStation, "other_station", award("volunteer", FAR))
    team(ledger, on=day(6, 1))
    refused(ledger, BeforeFormation, "before_formation", award("team", "T-1"))
    refused(
        ledger,
        RuleViolation,
        "evaluation_period_reversed",
        lambda: ledger.record_evaluation(
            station_id=STATION,
            evaluation_id="PJ-9",
            volunteer_id=V1,
            period_from=day(6, 1),
            period_to=day(5, 1),
            result="合格",
            evaluator="站长",
            actor=CLERK,
            occurred_on=day(6, 2),
        ),
    )


# ---- the report ------------------------------------------------------------------------------


def test_a_teams_member_hours_count_only_while_members(ledger: Ledger) -> None:
    team(ledger, on=day(1, 5))
    serve(ledger, "R-1", V1, day(1, 10), 3)  # before the join: not the team's
    join(ledger, V1, day(2, 1))
    serve(ledger, "R-2", V1, day(2, 1), 4)  # the day of the join counts
    serve(ledger, "R-3", V1, day(3, 1), 5, activity=TRAINING)  # training: never
    leave(ledger, V1, day(4, 1))
    serve(ledger, "R-4", V1, day(4, 1), 6)  # the day of the leave: no longer a member
    join(ledger, V2, day(4, 1))
    serve(ledger, "R-5", V2, day(4, 2), 2)
    report = ledger.recognition(period_from=day(1, 1), period_to=day(12, 31))
    [row] = report.teams
    assert row.member_service_s == 6 * 3600
    assert [(m.volunteer_id, m.service_s) for m in row.members] == [(V2, 2 * 3600)]
    assert (report.teams_active, report.teams_formed, report.team_members) == (1, 1, 1)
    assert report.stars.volunteers == 4  # every station's
    mine = ledger.recognition(
        period_from=day(1, 1), period_to=day(12, 31), station_ids=frozenset({STATION})
    )
    assert (mine.stars.volunteers, mine.teams) == (3, report.teams)
    elsewhere = ledger.recognition(
        period_from=day(1, 1), period_to=day(12, 31), station_ids=frozenset({OTHER})
    )
    assert (elsewhere.stars.volunteers, elsewhere.teams) == (1, ())


def test_the_annual_report_shows_recognition_only_when_there_is_some(ledger: Ledger) -> None:
    serve(ledger, "R-1", V3, day(3, 1), 2)
    assert ledger.annual_report(YEAR_OF_TEST, station_id=STATION).recognition is msgspec.UNSET
    assert b"recognition" not in ledger.annual_report(YEAR_OF_TEST).to_json()
    team(ledger)
    report = ledger.annual_report(YEAR_OF_TEST, station_id=STATION)
    assert not isinstance(report.recognition, msgspec.UnsetType)
    assert report.recognition.teams_active == 1
    other = ledger.annual_report(YEAR_OF_TEST, station_id=OTHER)
    assert other.recognition is msgspec.UNSET


YEAR_OF_TEST = 2024


# ---- every backend ---------------------------------------------------------------------------


def test_teams_awards_and_thresholds_read_back_from_every_backend(
    open_ledger: Callable[[], Ledger], store_url: str
) -> None:
    first = open_ledger()
    set_up(first)
    first.set_station_policy(
        station_id=STATION, name=f"{STATION}社工站", star_thresholds_h=[1, 2, 3, 4, 5],
        actor=CLERK, occurred_on=day(1, 1),
    )  # fmt: skip
    team(first)
    join(first, V1, day(2, 1))
    serve(first, "R-1", V1, day(3, 1), 3)
    first.grant_award(
        station_id=STATION, award_id="BZ-1", recipient="team", recipient_id="T-1",
        title="优秀志愿服务队", awarding_body="区民政局", actor=CLERK, occurred_on=day(5, 1),
    )  # fmt: skip
    asked = {"period_from": day(1, 1), "period_to": day(12, 31)}
    report = first.recognition(**asked)
    assert (report.teams[0].member_service_s, report.awards) == (3 * 3600, 1)
    assert first.volunteer_star(V1, on=day(12, 31)).level == 3
    if reopenable(store_url):
        again = open_ledger()
        assert again.recognition(**asked) == report
        assert again.volunteer_star(V1, on=day(12, 31)).level == 3
