"""Each volunteer's account: counted service (人次, hours) and time-bank balance.

A pure fold over volunteer events (``apply`` does no I/O). Per volunteer:

* **person-times** (人次) and **service seconds**: counted records (approved, not
  voided) of the ``volunteer_service`` category, by ``service_date`` when a period is
  asked for; seconds fold exactly as the Volunteer aggregate does (the approval's
  ``duration_s``, plus corrections' ``delta_s``, minus ``ServiceVoided.counted_s``);
* **time bank**: banked + received − redeemed − given ± adjustments, in seconds of
  credit (never below the station's limit: the aggregate refuses anything that would).

Hours are reported with ``money.hours_2dp`` on the summed seconds (rule 1).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from uuid import UUID

import msgspec

from sgz_ledger.domain.events import (
    HoursAdjusted,
    HoursBanked,
    HoursRedeemed,
    HoursTransferredIn,
    HoursTransferredOut,
    ServiceApproved,
    ServiceCorrected,
    ServiceRecorded,
    ServiceVoided,
    VolunteerDeactivated,
    VolunteerJoinedTeam,
    VolunteerLeftTeam,
    VolunteerRegistered,
)
from sgz_ledger.domain.money import hours_2dp
from sgz_ledger.domain.volunteer import SERVICE_CATEGORY

__all__ = ["VolunteerAccount", "VolunteerAccounts"]


class VolunteerAccount(msgspec.Struct, frozen=True, kw_only=True):
    """One volunteer's figures (seconds are exact; hours are 2 decimals, half up)."""

    volunteer_id: str
    station_id: str
    registered_on: dt.date
    active: bool
    teams: tuple[str, ...]
    person_times: int
    service_s: int
    hours: Decimal
    pending_records: int
    bank_balance_s: int
    bank_hours: Decimal


class _Record:
    __slots__ = ("approved", "counted_s", "is_service", "service_date", "voided")

    def __init__(self, recorded: ServiceRecorded) -> None:
        self.service_date = recorded.service_date
        self.is_service = recorded.category == SERVICE_CATEGORY
        self.approved = False
        self.voided = False
        self.counted_s = 0


class _Volunteer:
    __slots__ = ("active", "balance_s", "records", "registered", "teams")

    def __init__(self, registered: VolunteerRegistered) -> None:
        self.registered = registered
        self.active = True
        self.teams: list[str] = []
        self.records: dict[str, _Record] = {}
        self.balance_s = 0


class VolunteerAccounts:
    """Folds volunteer events, in log order, into each volunteer's account."""

    def __init__(self) -> None:
        self._volunteers: dict[UUID, _Volunteer] = {}

    def apply(self, event: object) -> None:
        """Fold one event; events of funds and activities are ignored."""
        if isinstance(event, VolunteerRegistered):
            self._volunteers[event.originator_id] = _Volunteer(event)
            return
        v = self._volunteers.get(getattr(event, "originator_id", None))  # type: ignore[arg-type]
        if v is None:
            return
        match event:
            case VolunteerJoinedTeam():
                v.teams.append(event.team)
            case VolunteerLeftTeam():
                v.teams.remove(event.team)
            case VolunteerDeactivated():
                v.active = False
            case ServiceRecorded():
                v.records[event.record_id] = _Record(event)
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
            case _:
                pass

    def accounts(
        self,
        *,
        station_id: str | None = None,
        date_from: dt.date | None = None,
        date_to: dt.date | None = None,
    ) -> list[VolunteerAccount]:
        """Every volunteer's account (of one station), service counted in the period.

        The period bounds (inclusive) filter records by ``service_date``; the time-bank
        balance is always the balance now.
        """
        out = []
        for v in self._volunteers.values():
            reg = v.registered
            if station_id is not None and reg.station_id != station_id:
                continue
            counted = [
                r
                for r in v.records.values()
                if r.approved
                and not r.voided
                and r.is_service
                and (date_from is None or r.service_date >= date_from)
                and (date_to is None or r.service_date <= date_to)
            ]
            seconds = sum(r.counted_s for r in counted)
            pending = sum(1 for r in v.records.values() if not r.approved and not r.voided)
            out.append(
                VolunteerAccount(
                    volunteer_id=reg.volunteer_id,
                    station_id=reg.station_id,
                    registered_on=reg.registered_on,
                    active=v.active,
                    teams=tuple(v.teams),
                    person_times=len(counted),
                    service_s=seconds,
                    hours=hours_2dp(seconds),
                    pending_records=pending,
                    bank_balance_s=v.balance_s,
                    bank_hours=hours_2dp(v.balance_s),
                )
            )
        out.sort(key=lambda a: (a.station_id, a.volunteer_id))
        return out
