"""The recognition fold: teams, awards, evaluations and the stations' star thresholds.

A pure fold over the log, in log order: each team's formation, members' spells and
leaders by business date, its dissolution; every award and evaluation; and each
station's policies (for their star thresholds). ``reports.recognition`` reads it with the
volunteer figures fold (whose counted service seconds decide star levels and the hours
of a team's members). None of these events is service: this fold adds no hours.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

from sgz_ledger.domain.errors import UnknownEvent
from sgz_ledger.domain.events import (
    DELIVERY_EVENT_TYPES,
    DONOR_EVENT_TYPES,
    FUND_EVENT_TYPES,
    LEVEL_EVENT_TYPES,
    PEOPLE_EVENT_TYPES,
    PERIOD_EVENT_TYPES,
    PROJECT_EVENT_TYPES,
    RECOGNITION_EVENT_TYPES,
    VOLUNTEER_EVENT_TYPES,
    AwardGranted,
    EvaluationRecorded,
    LedgerEvent,
    StationPolicySet,
    TeamDissolved,
    TeamFormed,
    TeamLeaderNamed,
    TeamMemberJoined,
    TeamMemberLeft,
)
from sgz_ledger.domain.stars import STAR_THRESHOLDS_H_DEFAULT

__all__ = ["RecognitionProjection", "TeamState", "recognition_fold"]


class TeamState:
    """One team as the events left it, by business date."""

    __slots__ = ("dissolved_on", "formed", "leaders", "spells")

    def __init__(self, formed: TeamFormed) -> None:
        self.formed = formed
        self.dissolved_on: dt.date | None = None
        # volunteer id -> [(joined_on, left_on or None)], in date order.
        self.spells: dict[str, list[tuple[dt.date, dt.date | None]]] = {}
        # (named_on, volunteer id), in date order.
        self.leaders: list[tuple[dt.date, str]] = []

    @property
    def formed_on(self) -> dt.date:
        """The day the team was formed."""
        return self.formed.occurred_on

    def active_on(self, day: dt.date) -> bool:
        """Formed on or before ``day`` and not dissolved on or before it."""
        return self.formed_on <= day and (self.dissolved_on is None or self.dissolved_on > day)

    def member_days(self, volunteer_id: str) -> list[tuple[dt.date, dt.date | None]]:
        """``volunteer_id``'s spells as ``(first day, day after the last or None)``, each
        ended by the dissolution too."""
        out = []
        for joined, left in self.spells.get(volunteer_id, ()):
            end = left
            if self.dissolved_on is not None and (end is None or end > self.dissolved_on):
                end = self.dissolved_on
            if end is None or end > joined:
                out.append((joined, end))
        return out

    def joined_for(self, volunteer_id: str, day: dt.date) -> dt.date | None:
        """The first day of the spell of ``volunteer_id`` that holds ``day`` (``None``: not
        a member that day)."""
        for start, end in self.member_days(volunteer_id):
            if start <= day and (end is None or end > day):
                return start
        return None

    def is_member_on(self, volunteer_id: str, day: dt.date) -> bool:
        """Whether ``volunteer_id`` is a member on ``day``."""
        return self.joined_for(volunteer_id, day) is not None

    def members_on(self, day: dt.date) -> list[str]:
        """The members on ``day``, by volunteer code."""
        return sorted(v for v in self.spells if self.is_member_on(v, day))

    def leader_on(self, day: dt.date) -> str | None:
        """The leader on ``day``: the last named on or before it, if a member that day in the
        spell they were named in."""
        named = [(on, v) for on, v in self.leaders if on <= day]
        if not named:
            return None
        named_on, leader = named[-1]
        joined = self.joined_for(leader, day)
        if joined is None or joined > named_on:
            return None
        return leader


class RecognitionProjection:
    """Folds teams, awards, evaluations and station policies, in log order.

    ``reads`` the recognition events and station policies; ``ignores`` every other event
    of the log. Any other event is an ``UnknownEvent``.
    """

    reads: frozenset[type[LedgerEvent]] = frozenset({*RECOGNITION_EVENT_TYPES, StationPolicySet})
    ignores: frozenset[type[LedgerEvent]] = frozenset(
        {
            *FUND_EVENT_TYPES,
            *VOLUNTEER_EVENT_TYPES,
            *DONOR_EVENT_TYPES,
            *PERIOD_EVENT_TYPES,
            *PEOPLE_EVENT_TYPES,
            *LEVEL_EVENT_TYPES,
            *PROJECT_EVENT_TYPES,
            *DELIVERY_EVENT_TYPES,
        }
        - {StationPolicySet}
    )

    def __init__(self) -> None:
        self._teams: dict[str, TeamState] = {}
        self._awards: list[AwardGranted] = []
        self._evaluations: list[EvaluationRecorded] = []
        # station id -> [(occurred_on, thresholds)], in log order.
        self._thresholds: dict[str, list[tuple[dt.date, tuple[int, ...]]]] = {}

    @property
    def teams(self) -> Mapping[str, TeamState]:
        """Every team formed, by team code, in the order formed."""
        return self._teams

    @property
    def awards(self) -> list[AwardGranted]:
        """Every award, in log order."""
        return self._awards

    @property
    def evaluations(self) -> list[EvaluationRecorded]:
        """Every evaluation, in log order."""
        return self._evaluations

    def thresholds_on(self, station_id: str, day: dt.date) -> tuple[int, ...]:
        """The station's star thresholds on ``day``: those of the latest policy dated on or
        before it (the default where none is)."""
        chosen = STAR_THRESHOLDS_H_DEFAULT
        latest = dt.date.min
        for on, thresholds in self._thresholds.get(station_id, ()):
            if latest <= on <= day:
                chosen, latest = thresholds, on
        return chosen

    def apply(self, event: object) -> None:
        """Fold one event of the log.

        Raises:
            UnknownEvent: the event's class is neither read nor ignored by this fold.
        """
        match event:
            case TeamFormed():
                self._teams[event.team_id] = TeamState(event)
            case TeamMemberJoined():
                team = self._teams[event.team_id]
                team.spells.setdefault(event.volunteer_id, []).append((event.occurred_on, None))
            case TeamMemberLeft():
                spells = self._teams[event.team_id].spells[event.volunteer_id]
                spells[-1] = (spells[-1][0], event.occurred_on)
            case TeamLeaderNamed():
                self._teams[event.team_id].leaders.append((event.occurred_on, event.volunteer_id))
            case TeamDissolved():
                self._teams[event.team_id].dissolved_on = event.occurred_on
            case AwardGranted():
                self._awards.append(event)
            case EvaluationRecorded():
                self._evaluations.append(event)
            case StationPolicySet():
                policies = self._thresholds.setdefault(event.station_id, [])
                policies.append((event.occurred_on, event.star_thresholds_h))
            case _:
                if type(event) not in self.ignores:
                    raise UnknownEvent(type(self).__name__, type(event))


def recognition_fold(events: Iterable[object]) -> RecognitionProjection:
    """Fold ``events`` (in log order, e.g. ``ledger.stored_events()``) into a new projection."""
    projection = RecognitionProjection()
    for event in events:
        projection.apply(event)
    return projection
