"""Volunteer teams, awards, evaluations and star levels (rules 50 to 53).

A team (志愿服务队) is an aggregate of its own: formed at a station on a date, members
joining and leaving on dated business days, a leader (队长) named from a date among its
members, dissolved on a date. Membership is decided by business dates, not by the order
commands arrive in, so the rules keep every volunteer's spells in a team in date order and
apart: a member on day ``d`` joined on or before ``d`` and had not left by ``d``
(``Team.members_on``). A date before the team's formation, a second join while a member, a
leave of one who is not a member, a leader who is not a member that day, and anything after
the dissolution are refused, each with its own ``reason``.

Awards (表彰) and evaluations (评价) are records of their own kind in a station's register
(``Recognitions``): they never add a second to anyone's service hours (rule 53).

Star levels (星级志愿者) are never stored: ``domain.stars`` computes them.

Like the other aggregates, nothing here reads a clock or the store: the volunteer a
command names arrives as the aggregate the handler loaded.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Any
from uuid import UUID, uuid5

from sgz_ledger.domain.aggregate import Aggregate, Stamp
from sgz_ledger.domain.errors import InvalidTransition, NotFound, RuleViolation
from sgz_ledger.domain.events import (
    AwardGranted,
    AwardRecipient,
    EvaluationRecorded,
    TeamDissolved,
    TeamFormed,
    TeamLeaderNamed,
    TeamMemberJoined,
    TeamMemberLeft,
    VolunteerRegistered,
)
from sgz_ledger.domain.messages import Phrase, entry
from sgz_ledger.domain.volunteer import Volunteer, VolunteerNotActive

__all__ = [
    "AlreadyMember",
    "BeforeFormation",
    "DateOutOfOrder",
    "LeaderNotMember",
    "NotAMember",
    "OtherStation",
    "Recognitions",
    "Team",
    "TeamDissolvedError",
    "UnknownTeam",
    "UnknownVolunteer",
    "recognitions_uuid",
    "team_uuid",
]

# Teams and a station's register of awards have ids of their own namespace, derived from the
# station's codes, so any process finds them without an index.
TEAMS_NAMESPACE = UUID("5d1f0b7e-9a43-4c2e-8f61-2b7d3c9e0a14")


# ---- errors ---------------------------------------------------------------------------------


class UnknownTeam(NotFound):
    """No team was formed under that code."""

    reason = "unknown_team"

    def __init__(self, team_id: str) -> None:
        super().__init__("team", team_id)


class UnknownVolunteer(NotFound):
    """A team command or an award names a volunteer the ledger never registered."""

    reason = "unknown_volunteer"

    def __init__(self, volunteer_id: str) -> None:
        super().__init__("volunteer", volunteer_id)


class OtherStation(RuleViolation):
    """The volunteer belongs to another station than the team (or the register)."""

    reason = "other_station"


class AlreadyMember(InvalidTransition):
    """A join of a volunteer who is a member of the team already."""

    reason = "already_member"


class NotAMember(InvalidTransition):
    """A leave of a volunteer who is not a member of the team."""

    reason = "not_a_member"


class LeaderNotMember(RuleViolation):
    """The leader named is not a member of the team on the day named."""

    reason = "leader_not_member"


class BeforeFormation(RuleViolation):
    """A date before the team was formed (or before the volunteer registered)."""

    reason = "before_formation"


class DateOutOfOrder(RuleViolation):
    """A membership or leadership date before the one recorded last for it, which would
    rewrite who was a member (or led) on days already recorded."""

    reason = "date_out_of_order"


class TeamDissolvedError(InvalidTransition):
    """The team was dissolved: nothing more is recorded for it."""

    reason = "team_dissolved"


# ---- ids ------------------------------------------------------------------------------------


@lru_cache(maxsize=4096)
def team_uuid(team_id: str) -> UUID:
    """The aggregate id of the team whose code is ``team_id``."""
    return uuid5(TEAMS_NAMESPACE, "team:" + team_id)


@lru_cache(maxsize=4096)
def recognitions_uuid(station_id: str) -> UUID:
    """The aggregate id of station ``station_id``'s register of awards and evaluations."""
    return uuid5(TEAMS_NAMESPACE, "recognitions:" + station_id)


# ---- teams ----------------------------------------------------------------------------------


class Team(Aggregate):
    """One volunteer team: its formation, members over time, leaders, dissolution.

    Attributes:
        formed: the formation (``None`` before any event).
        dissolved: the dissolution, if any.
        spells: every volunteer's spells as a member, ``[joined, left]`` (the events), in
            date order (the rules keep them so).
        leaders: every naming of a leader, in date order.
    """

    def __init__(self, id: UUID) -> None:
        super().__init__(id)
        self.formed: TeamFormed | None = None
        self.dissolved: TeamDissolved | None = None
        self.spells: dict[str, list[tuple[TeamMemberJoined, TeamMemberLeft | None]]] = {}
        self.leaders: list[TeamLeaderNamed] = []

    def _mutate(self, event: Any) -> None:
        match event:
            case TeamFormed():
                self.formed = event
            case TeamMemberJoined():
                self.spells.setdefault(event.volunteer_id, []).append((event, None))
            case TeamMemberLeft():
                spells = self.spells[event.volunteer_id]
                spells[-1] = (spells[-1][0], event)
            case TeamLeaderNamed():
                self.leaders.append(event)
            case TeamDissolved():
                self.dissolved = event
            case _:  # pragma: no cover - every team event is matched above
                msg = f"unhandled event {type(event).__name__}"
                raise AssertionError(msg)

    # ---- queries ----------------------------------------------------------------------------

    @property
    def team_id(self) -> str:
        """The team's code."""
        assert self.formed is not None
        return self.formed.team_id

    def joined_for(self, volunteer_id: str, day: dt.date) -> dt.date | None:
        """The day the spell of ``volunteer_id`` that holds ``day`` began, or ``None`` when
        they are not a member that day (not joined, left on or before it, or the team
        dissolved on or before it)."""
        if self.dissolved is not None and self.dissolved.occurred_on <= day:
            return None
        for joined, left in self.spells.get(volunteer_id, ()):
            if joined.occurred_on <= day and (left is None or left.occurred_on > day):
                return joined.occurred_on
        return None

    def is_member_on(self, volunteer_id: str, day: dt.date) -> bool:
        """Whether ``volunteer_id`` is a member on ``day``."""
        return self.joined_for(volunteer_id, day) is not None

    def members_on(self, day: dt.date) -> list[str]:
        """The members on ``day``, by volunteer code."""
        return sorted(v for v in self.spells if self.is_member_on(v, day))

    def leader_on(self, day: dt.date) -> str | None:
        """The leader on ``day``: the last named on or before it, if a member that day in the
        spell they were named in (one who left and came back leads again only when named
        again)."""
        named = [e for e in self.leaders if e.occurred_on <= day]
        if not named:
            return None
        joined = self.joined_for(named[-1].volunteer_id, day)
        if joined is None or joined > named[-1].occurred_on:
            return None
        return named[-1].volunteer_id

    def _open_spell(self, volunteer_id: str) -> TeamMemberJoined | None:
        spells = self.spells.get(volunteer_id)
        if spells and spells[-1][1] is None:
            return spells[-1][0]
        return None

    # ---- checks -----------------------------------------------------------------------------

    def _require_open(self, day: dt.date) -> TeamFormed:
        formed = self.formed
        if formed is None:
            raise UnknownTeam(str(self.id))
        if self.dissolved is not None:
            raise TeamDissolvedError(
                None, team_id=formed.team_id, dissolved_on=self.dissolved.occurred_on
            )
        if day < formed.occurred_on:
            raise BeforeFormation(
                None, day=day, team_id=formed.team_id, formed_on=formed.occurred_on
            )
        return formed

    def _require_volunteer(self, formed: TeamFormed, volunteer: VolunteerRegistered) -> None:
        if volunteer.station_id != formed.station_id:
            raise OtherStation(
                None,
                volunteer_id=volunteer.volunteer_id,
                volunteer_station=volunteer.station_id,
                team_id=formed.team_id,
                team_station=formed.station_id,
            )

    # ---- commands ---------------------------------------------------------------------------

    @classmethod
    def form(cls, stamp: Stamp, *, team_id: str, station_id: str, name: str) -> Team:
        """Form a new team on ``stamp.occurred_on`` (its id derives from ``team_id``)."""
        team = cls(team_uuid(team_id))
        team._trigger(TeamFormed, stamp, team_id=team_id, station_id=station_id, name=name)
        return team

    def repeat_form(self, stamp: Stamp, *, station_id: str, name: str) -> TeamFormed:
        """Forming an existing team again: the recorded formation if every field is the same."""
        assert self.formed is not None
        return self._repeat(
            entry("team", self.formed.team_id), self.formed, stamp, station_id=station_id, name=name
        )

    def join(self, stamp: Stamp, *, member: Volunteer) -> TeamMemberJoined:
        """``member`` joins on ``stamp.occurred_on`` (rule 50); the same join again (same
        day) returns the recorded event."""
        volunteer = member.state.registered
        if volunteer is None:
            raise UnknownVolunteer(str(member.id))
        volunteer_id = volunteer.volunteer_id
        day = stamp.occurred_on
        open_spell = self._open_spell(volunteer_id)
        if open_spell is not None and open_spell.occurred_on == day:
            return self._repeat(entry("join_of", volunteer_id), open_spell, stamp)
        formed = self._require_open(day)
        self._require_volunteer(formed, volunteer)
        if day < volunteer.registered_on:
            raise BeforeFormation(
                "join_before_registration",
                day=day,
                volunteer_id=volunteer_id,
                registered_on=volunteer.registered_on,
            )
        deactivated_on = member.state.deactivated_on
        if deactivated_on is not None and day >= deactivated_on:
            raise VolunteerNotActive(
                "volunteer_deactivated_on", volunteer_id=volunteer_id, deactivated_on=deactivated_on
            )
        if open_spell is not None:
            raise AlreadyMember(
                None,
                volunteer_id=volunteer_id,
                team_id=formed.team_id,
                since=open_spell.occurred_on,
            )
        spells = self.spells.get(volunteer_id)
        if spells:
            last_left = spells[-1][1]
            assert last_left is not None
            if day < last_left.occurred_on:
                raise DateOutOfOrder(
                    "join_before_leave",
                    volunteer_id=volunteer_id,
                    team_id=formed.team_id,
                    left_on=last_left.occurred_on,
                )
        return self._trigger(
            TeamMemberJoined,
            stamp,
            team_id=formed.team_id,
            station_id=formed.station_id,
            volunteer_id=volunteer_id,
        )

    def leave(self, stamp: Stamp, *, volunteer_id: str, reason: str) -> TeamMemberLeft:
        """``volunteer_id`` leaves on ``stamp.occurred_on``; the same leave again returns the
        recorded event."""
        day = stamp.occurred_on
        spells = self.spells.get(volunteer_id)
        if spells and spells[-1][1] is not None:
            last_left = spells[-1][1]
            assert last_left is not None
            if last_left.occurred_on == day:
                return self._repeat(
                    entry("leave_of", volunteer_id), last_left, stamp, reason=reason
                )
        formed = self._require_open(day)
        joined = self._open_spell(volunteer_id)
        if joined is None:
            raise NotAMember(None, volunteer_id=volunteer_id, team_id=formed.team_id)
        if day < joined.occurred_on:
            raise DateOutOfOrder(
                "leave_before_join",
                volunteer_id=volunteer_id,
                team_id=formed.team_id,
                joined_on=joined.occurred_on,
            )
        led = [e.occurred_on for e in self.leaders if e.volunteer_id == volunteer_id]
        if led and day < led[-1]:
            raise DateOutOfOrder(
                "leave_before_leadership",
                volunteer_id=volunteer_id,
                team_id=formed.team_id,
                led_from=led[-1],
            )
        return self._trigger(
            TeamMemberLeft,
            stamp,
            team_id=formed.team_id,
            station_id=formed.station_id,
            volunteer_id=volunteer_id,
            reason=reason,
        )

    def name_leader(self, stamp: Stamp, *, volunteer_id: str) -> TeamLeaderNamed:
        """Name ``volunteer_id`` leader from ``stamp.occurred_on``: a member that day
        (rule 50); the same naming again returns the recorded event."""
        day = stamp.occurred_on
        if self.leaders and (self.leaders[-1].volunteer_id, self.leaders[-1].occurred_on) == (
            volunteer_id,
            day,
        ):
            return self._repeat(entry("leader", volunteer_id), self.leaders[-1], stamp)
        formed = self._require_open(day)
        if self.leaders and day < self.leaders[-1].occurred_on:
            raise DateOutOfOrder(
                "leader_before_leader",
                team_id=formed.team_id,
                led_from=self.leaders[-1].occurred_on,
            )
        # A member today with no leave recorded: a leave dated later cannot come before
        # this day (leaves follow their join in date order), so the leader was a member.
        if self._open_spell(volunteer_id) is None or not self.is_member_on(volunteer_id, day):
            raise LeaderNotMember(None, volunteer_id=volunteer_id, team_id=formed.team_id, day=day)
        return self._trigger(
            TeamLeaderNamed,
            stamp,
            team_id=formed.team_id,
            station_id=formed.station_id,
            volunteer_id=volunteer_id,
        )

    def dissolve(self, stamp: Stamp, *, reason: str) -> TeamDissolved:
        """Dissolve the team on ``stamp.occurred_on``, on or after every date recorded for
        it; dissolving it again returns the recorded event."""
        if self.dissolved is not None:
            return self._repeat(Phrase("entry_dissolution"), self.dissolved, stamp, reason=reason)
        formed = self._require_open(stamp.occurred_on)
        last = max(
            (
                e.occurred_on
                for spells in self.spells.values()
                for joined, left in spells
                for e in (joined, left)
                if e is not None
            ),
            default=formed.occurred_on,
        )
        last = max([last, *(e.occurred_on for e in self.leaders)])
        if stamp.occurred_on < last:
            raise DateOutOfOrder("dissolution_before_change", team_id=formed.team_id, last=last)
        return self._trigger(
            TeamDissolved,
            stamp,
            team_id=formed.team_id,
            station_id=formed.station_id,
            reason=reason,
        )


# ---- awards and evaluations -----------------------------------------------------------------


class Recognitions(Aggregate):
    """A station's register of awards (表彰) and evaluations (评价): records of their own
    kind, never service (rule 53).

    Attributes:
        awards: every award, by its number.
        evaluations: every evaluation, by its number.
    """

    def __init__(self, id: UUID) -> None:
        super().__init__(id)
        self.awards: dict[str, AwardGranted] = {}
        self.evaluations: dict[str, EvaluationRecorded] = {}

    def _mutate(self, event: Any) -> None:
        match event:
            case AwardGranted():
                self.awards[event.award_id] = event
            case EvaluationRecorded():
                self.evaluations[event.evaluation_id] = event
            case _:  # pragma: no cover - every recognition event is matched above
                msg = f"unhandled event {type(event).__name__}"
                raise AssertionError(msg)

    def grant_award(
        self,
        stamp: Stamp,
        *,
        station_id: str,
        award_id: str,
        recipient: AwardRecipient,
        recipient_id: str,
        recipient_station: str,
        recipient_since: dt.date,
        title: str,
        awarding_body: str,
    ) -> AwardGranted:
        """Record an award to a volunteer or a team of ``station_id`` (rule 52);
        ``recipient_station`` is the station the handler found the recipient at, and
        ``recipient_since`` the day the volunteer registered or the team was formed."""
        fields = {
            "recipient": recipient,
            "recipient_id": recipient_id,
            "title": title,
            "awarding_body": awarding_body,
        }
        recorded = self.awards.get(award_id)
        if recorded is not None:
            return self._repeat(entry("award", award_id), recorded, stamp, **fields)
        if recipient_station != station_id:
            raise OtherStation(
                "recipient_other_station",
                recipient=recipient,
                recipient_id=recipient_id,
                recipient_station=recipient_station,
                station_id=station_id,
            )
        if stamp.occurred_on < recipient_since:
            raise BeforeFormation(
                "award_before_recipient",
                recipient=recipient,
                recipient_id=recipient_id,
                since=recipient_since,
            )
        return self._trigger(
            AwardGranted, stamp, station_id=station_id, award_id=award_id, **fields
        )

    def record_evaluation(
        self,
        stamp: Stamp,
        *,
        station_id: str,
        evaluation_id: str,
        volunteer: VolunteerRegistered,
        period_from: dt.date,
        period_to: dt.date,
        result: str,
        evaluator: str,
    ) -> EvaluationRecorded:
        """Record a volunteer's evaluation for a period that has begun (rule 52)."""
        fields = {
            "volunteer_id": volunteer.volunteer_id,
            "period_from": period_from,
            "period_to": period_to,
            "result": result,
            "evaluator": evaluator,
        }
        recorded = self.evaluations.get(evaluation_id)
        if recorded is not None:
            return self._repeat(entry("evaluation", evaluation_id), recorded, stamp, **fields)
        if volunteer.station_id != station_id:
            raise OtherStation(
                "volunteer_other_station",
                volunteer_id=volunteer.volunteer_id,
                volunteer_station=volunteer.station_id,
                station_id=station_id,
            )
        if period_to < period_from:
            raise RuleViolation("evaluation_period_reversed")
        if period_from > stamp.occurred_on:
            raise RuleViolation("evaluation_period_ahead")
        return self._trigger(
            EvaluationRecorded, stamp, station_id=station_id, evaluation_id=evaluation_id, **fields
        )
