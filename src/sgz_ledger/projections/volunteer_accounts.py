"""Each volunteer's account: their service records and their time-bank balance, folded.

A pure fold over volunteer events (``apply`` does no I/O), in log order. Per volunteer:

* each service record: its service date, whether it is volunteer service, approved,
  voided, and its **counted seconds**, folded exactly as the Volunteer aggregate does
  (the approval's ``duration_s``, plus corrections' ``delta_s``, minus
  ``ServiceVoided.counted_s``);
* the **time bank**: banked + received − redeemed − given ± adjustments, in seconds of
  credit (never below the station's limit: the aggregate refuses anything that would).

``reports.volunteers.accounts`` reads the folded state as each volunteer's 人次, hours
and balance.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
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
from sgz_ledger.domain.volunteer import SERVICE_CATEGORY

__all__ = ["AccountRecord", "AccountVolunteer", "VolunteerAccounts"]


class AccountRecord:
    """One service record as the events left it."""

    __slots__ = ("approved", "counted_s", "is_service", "service_date", "voided")

    def __init__(self, recorded: ServiceRecorded) -> None:
        self.service_date: dt.date = recorded.service_date
        self.is_service = recorded.category == SERVICE_CATEGORY
        self.approved = False
        self.voided = False
        self.counted_s = 0


class AccountVolunteer:
    """One volunteer as the events left them: registration, teams, records, time bank."""

    __slots__ = ("active", "balance_s", "records", "registered", "teams")

    def __init__(self, registered: VolunteerRegistered) -> None:
        self.registered = registered
        self.active = True
        self.teams: list[str] = []
        self.records: dict[str, AccountRecord] = {}
        self.balance_s = 0


class VolunteerAccounts:
    """Folds volunteer events, in log order, into each volunteer's account.

    ``reads`` the registration, teams, deactivation, service records and the time bank;
    ``ignores`` the events that change none of them (profiles and personal data, which
    figures never read; certificates; activities; station policies) and every fund's and
    donor's. Any other event is an ``UnknownEvent``.
    """

    reads: frozenset[type[LedgerEvent]] = frozenset(
        {
            VolunteerRegistered,
            VolunteerJoinedTeam,
            VolunteerLeftTeam,
            VolunteerDeactivated,
            ServiceRecorded,
            ServiceApproved,
            ServiceCorrected,
            ServiceVoided,
            HoursBanked,
            HoursTransferredIn,
            HoursAdjusted,
            HoursRedeemed,
            HoursTransferredOut,
        }
    )
    ignores: frozenset[type[LedgerEvent]] = frozenset(
        {
            VolunteerProfileCorrected,
            PersonalDataErased,
            CertificateIssued,
            CertificateRevoked,
            ActivityPublished,
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
        self._volunteers: dict[UUID, AccountVolunteer] = {}

    @property
    def volunteers(self) -> Mapping[UUID, AccountVolunteer]:
        """The volunteers folded so far, by aggregate id, in the order they registered."""
        return self._volunteers

    def apply(self, event: object) -> None:
        """Fold one event of the log.

        Raises:
            UnknownEvent: the event's class is neither read nor ignored by this fold.
        """
        cls = type(event)
        if cls not in self.reads:
            if cls in self.ignores:
                return
            raise UnknownEvent(type(self).__name__, cls)
        if isinstance(event, VolunteerRegistered):
            self._volunteers[event.originator_id] = AccountVolunteer(event)
            return
        v = self._volunteers.get(event.originator_id)  # type: ignore[attr-defined]
        if v is None:
            return  # a volunteer whose registration is not in the log read (a cut of it)
        match event:
            case VolunteerJoinedTeam():
                v.teams.append(event.team)
            case VolunteerLeftTeam():
                v.teams.remove(event.team)
            case VolunteerDeactivated():
                v.active = False
            case ServiceRecorded():
                v.records[event.record_id] = AccountRecord(event)
            case ServiceApproved():
                r = v.records[event.record_id]
                r.approved = True
                r.counted_s = event.duration_s if r.is_service else 0
            case ServiceCorrected():
                v.records[event.record_id].counted_s += event.delta_s
            case ServiceVoided():
                r = v.records[event.record_id]
                r.voided = True
                r.counted_s -= event.counted_s
            case HoursBanked() | HoursTransferredIn() | HoursAdjusted():
                v.balance_s += event.credit_s
            case HoursRedeemed() | HoursTransferredOut():
                v.balance_s -= event.credit_s
