"""The volunteer figures fold: service records, members and activities, as the events left them.

A pure fold over volunteer and activity events (``apply`` does no I/O), in log order.
It keeps each service record (its ``ServiceRecorded``, approval, corrections, voiding
and counted seconds, folded exactly as the Volunteer aggregate does), each volunteer's
registration, deactivation and team spells by business date, and each activity
published. ``reports.volunteers`` reads that state as the figures stations quote (its
docstring defines them); ``audit`` replays it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from uuid import UUID

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
    ActivityPublished,
    CertificateIssued,
    CertificateRevoked,
    HoursAdjusted,
    HoursBanked,
    HoursRedeemed,
    HoursTransferredIn,
    HoursTransferredOut,
    IdNumberClaimed,
    IdNumberReleased,
    LedgerEvent,
    PersonalDataErased,
    ServiceApproved,
    ServiceCorrected,
    ServiceRecorded,
    ServiceVoided,
    StationPolicySet,
    VolunteerDeactivated,
    VolunteerJoinedTeam,
    VolunteerLeftTeam,
    VolunteerProfileCorrected,
    VolunteerRegistered,
)

__all__ = [
    "SERVICE_CATEGORIES",
    "MemberState",
    "ServiceRecordState",
    "VolunteerStatsProjection",
    "volunteer_stats",
]

# The categories whose records are volunteer service hours (rule 4). Kept as a tuple
# so a future service category joins the "by category" rows and their sum.
SERVICE_CATEGORIES: tuple[str, ...] = ("volunteer_service",)


# ---- the state the fold keeps ---------------------------------------------------------------


class ServiceRecordState:
    """One service record as the events left it."""

    __slots__ = ("approved", "counted_s", "duration_s", "recorded", "voided", "volunteer")

    def __init__(self, volunteer: UUID, recorded: ServiceRecorded) -> None:
        self.volunteer = volunteer
        self.recorded = recorded
        self.duration_s = recorded.duration_s
        self.counted_s = 0
        self.approved = False
        self.voided = False

    @property
    def counted(self) -> bool:
        """Approved and not voided: the record counts in the figures."""
        return self.approved and not self.voided

    @property
    def is_service(self) -> bool:
        """Its category is volunteer service (rule 4)."""
        return self.recorded.category in SERVICE_CATEGORIES

    @property
    def seconds(self) -> int:
        """What the record adds to its category's time (0 unless counted)."""
        if not self.counted:
            return 0
        return self.counted_s if self.is_service else self.duration_s


class MemberState:
    """A volunteer's registration, deactivation and team spells, by business date."""

    __slots__ = ("deactivated_on", "registered", "spells")

    def __init__(self, registered: VolunteerRegistered) -> None:
        self.registered = registered
        self.deactivated_on: dt.date | None = None
        # [team, joined_on, left_on or None], in log order.
        self.spells: list[tuple[str, dt.date, dt.date | None]] = []

    def active_on(self, day: dt.date) -> bool:
        """Registered on or before ``day`` and not deactivated on or before it."""
        if self.registered.registered_on > day:
            return False
        return self.deactivated_on is None or self.deactivated_on > day

    def teams_on(self, day: dt.date) -> set[str]:
        """The teams joined on or before ``day`` and not left on or before it."""
        return {
            team
            for team, joined, left in self.spells
            if joined <= day and (left is None or left > day)
        }


class VolunteerStatsProjection:
    """Folds volunteer and activity events, in log order, into the state figures are read from.

    ``reads`` service records, registrations, teams, deactivations and activities;
    ``ignores`` what changes no figure (profiles and personal data, the time bank,
    certificates, station policies) and every fund's and donor's event. Any other event is
    an ``UnknownEvent``.
    """

    reads: frozenset[type[LedgerEvent]] = frozenset(
        {
            ServiceRecorded,
            ServiceApproved,
            ServiceCorrected,
            ServiceVoided,
            VolunteerRegistered,
            VolunteerJoinedTeam,
            VolunteerLeftTeam,
            VolunteerDeactivated,
            ActivityPublished,
        }
    )
    ignores: frozenset[type[LedgerEvent]] = frozenset(
        {
            VolunteerProfileCorrected,
            PersonalDataErased,
            HoursBanked,
            HoursRedeemed,
            HoursTransferredOut,
            HoursTransferredIn,
            HoursAdjusted,
            CertificateIssued,
            CertificateRevoked,
            StationPolicySet,
            IdNumberClaimed,
            IdNumberReleased,
            *FUND_EVENT_TYPES,
            *DONOR_EVENT_TYPES,
            *PERIOD_EVENT_TYPES,
            *PEOPLE_EVENT_TYPES,
            *LEVEL_EVENT_TYPES,
            *PROJECT_EVENT_TYPES,
            *DELIVERY_EVENT_TYPES,
            *RECOGNITION_EVENT_TYPES,
        }
    )

    def __init__(self) -> None:
        self._records: dict[tuple[UUID, str], ServiceRecordState] = {}
        self._members: dict[UUID, MemberState] = {}
        self._activities: dict[str, ActivityPublished] = {}

    @property
    def records(self) -> Mapping[tuple[UUID, str], ServiceRecordState]:
        """Every service record, by (volunteer aggregate id, record id), in log order."""
        return self._records

    @property
    def members(self) -> Mapping[UUID, MemberState]:
        """Every registered volunteer, by aggregate id."""
        return self._members

    @property
    def activities(self) -> Mapping[str, ActivityPublished]:
        """Every activity published, by activity id."""
        return self._activities

    def apply(self, event: object) -> None:
        """Fold one event of the log.

        Raises:
            UnknownEvent: the event's class is neither read nor ignored by this fold.
        """
        match event:
            case ServiceRecorded():
                key = (event.originator_id, event.record_id)
                self._records[key] = ServiceRecordState(event.originator_id, event)
            case ServiceApproved():
                r = self._records[(event.originator_id, event.record_id)]
                r.approved = True
                r.duration_s = event.duration_s
                r.counted_s = event.duration_s if r.is_service else 0
            case ServiceCorrected():
                r = self._records[(event.originator_id, event.record_id)]
                r.duration_s = event.duration_s
                r.counted_s += event.delta_s
            case ServiceVoided():
                r = self._records[(event.originator_id, event.record_id)]
                r.voided = True
                r.counted_s -= event.counted_s
            case VolunteerRegistered():
                self._members[event.originator_id] = MemberState(event)
            case VolunteerJoinedTeam():
                member = self._members[event.originator_id]
                member.spells.append((event.team, event.occurred_on, None))
            case VolunteerLeftTeam():
                self._leave(self._members[event.originator_id], event)
            case VolunteerDeactivated():
                member = self._members[event.originator_id]
                if member.deactivated_on is None:
                    member.deactivated_on = event.occurred_on
            case ActivityPublished():
                self._activities[event.activity_id] = event
            case _:
                if type(event) not in self.ignores:
                    raise UnknownEvent(type(self).__name__, type(event))

    @staticmethod
    def _leave(member: MemberState, event: VolunteerLeftTeam) -> None:
        # Close the latest open spell in that team (the aggregate allows one at a time).
        for n in range(len(member.spells) - 1, -1, -1):
            team, joined, left = member.spells[n]
            if team == event.team and left is None:
                member.spells[n] = (team, joined, event.occurred_on)
                return


def volunteer_stats(events: Iterable[object]) -> VolunteerStatsProjection:
    """Fold ``events`` (in log order, e.g. ``ledger.stored_events()``) into a new projection."""
    projection = VolunteerStatsProjection()
    for event in events:
        projection.apply(event)
    return projection
