"""Teams and star levels, as properties (rules 50 and 51).

A state machine joins, leaves, names leaders and dissolves a team on arbitrary dates in an
arbitrary order of commands. Whatever was accepted, on every day: a volunteer's spells are in
date order and apart, the leader is a member, nothing is dated after the dissolution, and the
recognition fold of the events says the same as the aggregate; whatever was refused recorded
nothing. Star levels: each volunteer's level is the thresholds reached by their approved,
counted service; the counts of the levels sum to the volunteers; levels never fall as hours
grow, nor rise as thresholds do.
"""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

from conftest import FixedClock
from recognition_support import TRAINING, V1, V2, V3, day, serve, set_up
from sgz_ledger import Ledger, LedgerError
from sgz_ledger.domain.aggregate import Stamp
from sgz_ledger.domain.events import VolunteerRegistered
from sgz_ledger.domain.stars import star_level
from sgz_ledger.domain.teams import Team
from sgz_ledger.domain.volunteer import Volunteer
from sgz_ledger.projections.recognition import recognition_fold

pytestmark = pytest.mark.filterwarnings(
    "ignore::sgz_ledger.storage.sealing.PersonalDataInClearWarning"
)

START = dt.date(2024, 1, 1)
DAYS = 60
STATION = "cuizhai"
VOLUNTEERS = ("V-1", "V-2", "V-3")
NOW = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)


def on(offset: int) -> dt.date:
    return START + dt.timedelta(days=offset)


def registration(volunteer_id: str, registered_on: dt.date) -> Volunteer:
    volunteer = Volunteer(uuid.uuid4())
    volunteer.apply(VolunteerRegistered(
        originator_id=volunteer.id, originator_version=1, timestamp=NOW, actor="王芳",
        occurred_on=registered_on, volunteer_id=volunteer_id, station_id=STATION,
        personal_sealed=b"", id_hash="", skills=(), categories=(), consent=True,
        registered_on=registered_on,
    ))  # fmt: skip
    return volunteer


def stamp(offset: int) -> Stamp:
    return Stamp(actor="王芳", occurred_on=on(offset), recorded_at=NOW)


offsets = st.integers(min_value=0, max_value=DAYS)
volunteers = st.sampled_from(VOLUNTEERS)


class TeamMachine(RuleBasedStateMachine):
    """One team formed on day 5; volunteers registered on days 0, 10 and 20."""

    def __init__(self) -> None:
        super().__init__()
        self.team = Team.form(stamp(5), team_id="T", station_id=STATION, name="红马甲")
        self.registered = {v: registration(v, on(10 * n)) for n, v in enumerate(VOLUNTEERS)}
        self.events = list(self.team.collect_events())

    def _try(self, command: object) -> bool:
        version = self.team.version
        try:
            command()  # type: ignore[operator]
        except LedgerError as refusal:
            reason = refusal.reason
        else:
            self.events += self.team.collect_events()
            return True
        assert reason, "every refusal has a reason"
        assert self.team.version == version, "a refusal records nothing"
        assert not self.team.has_pending
        return False

    @rule(volunteer=volunteers, offset=offsets)
    def join(self, volunteer: str, offset: int) -> None:
        self._try(lambda: self.team.join(stamp(offset), member=self.registered[volunteer]))

    @rule(volunteer=volunteers, offset=offsets)
    def leave(self, volunteer: str, offset: int) -> None:
        self._try(lambda: self.team.leave(stamp(offset), volunteer_id=volunteer, reason="x"))

    @rule(volunteer=volunteers, offset=offsets)
    def lead(self, volunteer: str, offset: int) -> None:
        if self._try(lambda: self.team.name_leader(stamp(offset), volunteer_id=volunteer)):
            assert self.team.is_member_on(volunteer, on(offset))

    @rule(offset=offsets)
    def dissolve(self, offset: int) -> None:
        self._try(lambda: self.team.dissolve(stamp(offset), reason="合并"))

    @invariant()
    def spells_are_in_date_order_and_apart(self) -> None:
        for volunteer, spells in self.team.spells.items():
            dates = [e.occurred_on for joined, left in spells for e in (joined, left) if e]
            assert dates == sorted(dates), volunteer
            registered = self.registered[volunteer].state.registered
            assert registered is not None
            assert dates[0] >= registered.registered_on
            assert dates[0] >= self.team.formed.occurred_on  # type: ignore[union-attr]
            assert all(left is not None for _, left in spells[:-1])

    @invariant()
    def nothing_is_dated_after_the_dissolution(self) -> None:
        if self.team.dissolved is not None:
            assert max(e.occurred_on for e in self.events) == self.team.dissolved.occurred_on

    @invariant()
    def the_leader_is_a_member_and_the_fold_agrees(self) -> None:
        folded = recognition_fold(self.events).teams["T"]
        for offset in range(0, DAYS + 2, 3):
            d = on(offset)
            members = self.team.members_on(d)
            leader = self.team.leader_on(d)
            assert leader is None or leader in members
            assert folded.members_on(d) == members
            assert folded.leader_on(d) == leader
            assert folded.active_on(d) == (
                d >= on(5) and (self.team.dissolved is None or self.team.dissolved.occurred_on > d)
            )


TeamMachine.TestCase.settings = settings(max_examples=40, stateful_step_count=25, deadline=None)
TestTeamMachine = TeamMachine.TestCase


# ---- star levels ------------------------------------------------------------------------------

thresholds = st.lists(
    st.integers(min_value=1, max_value=30), min_size=5, max_size=5, unique=True
).map(lambda hours: tuple(sorted(hours)))


@given(seconds=st.integers(min_value=0, max_value=40 * 3600), more=st.integers(0, 10 * 3600),
       steps=thresholds, raise_by=st.integers(0, 5))  # fmt: skip
@settings(max_examples=50, deadline=None)
def test_levels_never_fall_with_hours_nor_rise_with_thresholds(
    seconds: int, more: int, steps: tuple[int, ...], raise_by: int
) -> None:
    level = star_level(seconds, steps)
    assert 0 <= level <= 5
    assert star_level(seconds + more, steps) >= level
    assert star_level(seconds, tuple(h + raise_by for h in steps)) <= level


records = st.lists(
    st.tuples(
        st.sampled_from((V1, V2, V3)),
        st.integers(min_value=1, max_value=12),  # hours
        st.booleans(),  # approved
        st.booleans(),  # training, not service
        st.booleans(),  # voided afterwards
    ),
    max_size=8,
)


@given(records=records, steps=thresholds)
@settings(max_examples=15, deadline=None)
def test_star_counts_sum_to_the_volunteers_and_count_only_service(
    records: list[tuple[str, int, bool, bool, bool]], steps: tuple[int, ...]
) -> None:
    ledger = Ledger("memory:", clock=FixedClock())
    try:
        set_up(ledger)
        ledger.set_station_policy(
            station_id="cuizhai", name="cuizhai社工站", star_thresholds_h=list(steps),
            actor="王芳", occurred_on=day(1, 1),
        )  # fmt: skip
        counted: dict[str, int] = {}
        for n, (volunteer, hours, approved, training, voided) in enumerate(records):
            # One record a day each, so no day holds more than 24 hours.
            record_id, served_on = f"R-{n}", day(2, 1) + dt.timedelta(days=n)
            activity = TRAINING if training else "A-SVC"
            serve(ledger, record_id, volunteer, served_on, hours, activity=activity,
                  approve=approved)  # fmt: skip
            if voided:
                ledger.void_service(volunteer_id=volunteer, record_id=record_id, reason="错录",
                                    actor="张敏", occurred_on=served_on)  # fmt: skip
            elif approved and not training:
                counted[volunteer] = counted.get(volunteer, 0) + hours * 3600
        counts = ledger.star_counts(on=day(12, 31), station_ids=frozenset({"cuizhai"}))
        assert sum(c.volunteers for c in counts.levels) == counts.volunteers == 3
        assert counts.with_service == len(counted)
        for volunteer in (V1, V2, V3):
            star = ledger.volunteer_star(volunteer, on=day(12, 31))
            assert star.service_s == counted.get(volunteer, 0)
            assert star.level == star_level(star.service_s, steps)
        expected = [0] * 6
        for volunteer in (V1, V2, V3):
            expected[star_level(counted.get(volunteer, 0), steps)] += 1
        assert [c.volunteers for c in counts.levels] == expected
    finally:
        ledger.close()
