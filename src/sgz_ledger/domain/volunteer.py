"""Volunteers, activities and a station's policy: who served, when, how long, what they may claim.

Rules (docs/rules.md 1-6, from 志愿服务记录与证明出具办法):

* a service record holds the fields of Art.7 and is refused when its time is zero,
  negative, over 24 h a day, in the future, overlapping another counted record of the
  same volunteer, or for an unknown/deactivated volunteer or a cancelled activity;
* a record's days lie on or after the volunteer's registration and within its activity's
  dates, and a volunteer's records (not voided) add up to at most 24 hours on any day:
  a record over several days (``ends_on``) is spread evenly over them (whole seconds,
  the seconds left over one each on its first days), and so is every correction (rules 37 and 38);
* records entered more than 10 working days after the activity are accepted and
  flagged late (Art.11);
* a record counts once approved by someone other than its recorder (or on entry
  where the station auto-approves); corrections and voids are new events (Art.13);
* only volunteer-service activities produce service hours; training and
  supervision records are kept apart (Art.8-10, rule 4);
* time-bank deposits come from approved service records, each at most once, and no
  redemption, transfer or adjustment takes a balance below the station's limit (rule 6).

Personal data arrives sealed (``personal_sealed``) from the application and is never
read here: the domain needs none of it to apply a rule.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from functools import lru_cache
from typing import Any, Literal
from uuid import UUID, uuid5

import msgspec

from sgz_ledger.domain.aggregate import Aggregate, Stamp, check_same
from sgz_ledger.domain.errors import (
    IdempotencyConflict,
    InvalidTransition,
    NotFound,
    PersonalDataErasedError,
    RuleViolation,
)
from sgz_ledger.domain.events import (
    ActivityCategory,
    ActivityPublished,
    CertificateIssued,
    CertificateRevoked,
    HoursAdjusted,
    HoursBanked,
    HoursRedeemed,
    HoursTransferredIn,
    HoursTransferredOut,
    PersonalDataErased,
    ServiceApproved,
    ServiceCorrected,
    ServiceRecorded,
    ServiceVoided,
    StationPolicySet,
    VolunteerDeactivated,
    VolunteerEvent,
    VolunteerJoinedTeam,
    VolunteerLeftTeam,
    VolunteerProfileCorrected,
    VolunteerRegistered,
)
from sgz_ledger.domain.messages import Phrase, entry
from sgz_ledger.domain.stars import STAR_THRESHOLDS_H_DEFAULT, thresholds_problem

__all__ = [
    "DURATION_S_MAX",
    "LATE_AFTER_WORKING_DAYS",
    "SERVICE_CATEGORY",
    "Activity",
    "RecordState",
    "Station",
    "Volunteer",
    "VolunteerState",
    "activity_uuid",
    "certificate_digest",
    "day_shares",
    "station_uuid",
    "volunteer_uuid",
    "working_days_between",
]

# Aggregate ids derive from the station's own codes (志愿者编号, 活动编号), so repeated
# imports find the same aggregates without an index.
_NAMESPACE = UUID("0b7c7a2e-3f9d-4f55-8a8e-6d2b9c1e4f70")

# One record may not exceed a day: longer entries are typing errors (minutes typed as
# hours), and a person cannot serve more than 24 hours in one go.
DURATION_S_MAX = 24 * 3600
# 办法 Art.11: entries later than this many working days after the activity are late.
LATE_AFTER_WORKING_DAYS = 10
SERVICE_CATEGORY: ActivityCategory = "volunteer_service"
# Stations keep China Standard Time: "today", late entries and messages use it, not UTC.
STATION_TZ = dt.timezone(dt.timedelta(hours=8), "CST")
# The actor recorded on approvals made by a station's auto-approve policy.
AUTO_APPROVER = "auto-approve"


class VolunteerNotActive(RuleViolation):
    """The volunteer was deactivated: no new service records or time-bank moves."""

    reason = "volunteer_not_active"


class ServiceRefused(RuleViolation):
    """A service record breaks a rule of 办法 Art.7 (zero, >24 h, future, overlap...)."""

    reason = "service_refused"


class InsufficientCredit(RuleViolation):
    """A time-bank move would take the balance below the station's limit (rule 6)."""

    reason = "insufficient_credit"

    def __init__(self, balance_s: int, needed_s: int, limit_s: int) -> None:
        self.balance_s = balance_s
        self.needed_s = needed_s
        self.limit_s = limit_s
        super().__init__(None, balance_s=balance_s, needed_s=needed_s, limit_s=limit_s)


@lru_cache(maxsize=65_536)
def volunteer_uuid(volunteer_id: str) -> UUID:
    """The aggregate id of the volunteer whose code is ``volunteer_id``."""
    return uuid5(_NAMESPACE, "volunteer:" + volunteer_id)


@lru_cache(maxsize=65_536)
def activity_uuid(activity_id: str) -> UUID:
    """The aggregate id of the activity whose code is ``activity_id``."""
    return uuid5(_NAMESPACE, "activity:" + activity_id)


@lru_cache(maxsize=65_536)
def station_uuid(station_id: str) -> UUID:
    """The aggregate id of the station whose code is ``station_id``."""
    return uuid5(_NAMESPACE, "station:" + station_id)


def day_shares(first: dt.date, last: dt.date | None, duration_s: int) -> list[tuple[dt.date, int]]:
    """How a record's time counts towards each day it spans (rule 38): evenly, in whole
    seconds, the seconds left over one each on its first days (so no day's share exceeds
    24 hours when the record holds at most 24 hours a day); a record of one day (``last``
    ``None`` or ``first``) counts whole on that day."""
    days = 1 if last is None else max((last - first).days + 1, 1)
    share, rest = divmod(duration_s, days)
    return [(first + dt.timedelta(days=n), share + (n < rest)) for n in range(days)]


def working_days_between(start: dt.date, end: dt.date) -> int:
    """Working days (Mon-Fri) after ``start`` up to and including ``end``.

    Public holidays and the adjusted working weekends (调休) are not modelled: the
    count errs towards calling an entry late a few days early, never towards hiding it.
    """
    if end <= start:
        return 0
    days = (end - start).days
    weeks, extra = divmod(days, 7)
    count = weeks * 5
    weekday = start.weekday()
    for n in range(1, extra + 1):
        if (weekday + n) % 7 < 5:
            count += 1
    return count


# ---- station policy ------------------------------------------------------------------------


class Station(Aggregate):
    """A station's settings for volunteer records and its time bank."""

    def __init__(self, id: UUID) -> None:
        super().__init__(id)
        self.policy: StationPolicySet | None = None

    def _mutate(self, event: Any) -> None:
        assert isinstance(event, StationPolicySet)
        self.policy = event

    def set_policy(self, stamp: Stamp, **fields: Any) -> StationPolicySet:
        """Set or change the policy; the same policy again records nothing."""
        if self.policy is not None:
            try:
                return self._repeat(Phrase("entry_station_policy"), self.policy, stamp, **fields)
            except IdempotencyConflict:
                pass  # a change of policy: record it
        if fields["bank_rate_pct"] <= 0:
            raise RuleViolation("bank_rate_not_positive")
        if fields["bank_limit_s"] > 0:
            raise RuleViolation("bank_limit_positive")
        if fields.get("notice_days_min", 5) < 1:
            raise RuleViolation("notice_days_min_zero")
        problem = thresholds_problem(fields.get("star_thresholds_h", STAR_THRESHOLDS_H_DEFAULT))
        if problem is not None:
            raise RuleViolation("star_thresholds_refused", problem=problem)
        return self._trigger(StationPolicySet, stamp, **fields)


# ---- activities ------------------------------------------------------------------------------


class Activity(Aggregate):
    """A published activity; service records name it."""

    def __init__(self, id: UUID) -> None:
        super().__init__(id)
        self.published: ActivityPublished | None = None

    def _mutate(self, event: Any) -> None:
        assert isinstance(event, ActivityPublished)
        self.published = event

    @classmethod
    def publish(cls, stamp: Stamp, **fields: Any) -> Activity:
        """Publish a new activity (its id derives from ``activity_id``)."""
        if fields["ends_at"] < fields["starts_at"]:
            raise RuleViolation("activity_period_reversed")
        activity = cls(activity_uuid(fields["activity_id"]))
        activity._trigger(ActivityPublished, stamp, **fields)
        return activity

    def repeat_publish(self, stamp: Stamp, **fields: Any) -> ActivityPublished:
        """Publishing an existing activity again: a no-op if every field is the same."""
        assert self.published is not None
        return self._repeat(
            entry("activity", self.published.activity_id), self.published, stamp, **fields
        )


# ---- volunteers ------------------------------------------------------------------------------


class RecordState(msgspec.Struct, kw_only=True):
    """Where one service record stands.

    Attributes:
        duration_s: the record's current duration (after corrections).
        counted_s: what it adds to the volunteer's service hours now (0 until approved,
            0 once voided, 0 for training and supervision records).
    """

    recorded: ServiceRecorded
    started_at: dt.datetime | None
    ended_at: dt.datetime | None
    duration_s: int
    approval: ServiceApproved | None = None
    counted_s: int = 0
    voided: bool = False
    banked: HoursBanked | None = None


class VolunteerState(msgspec.Struct, kw_only=True):
    """Everything a volunteer's rules need; personal data stays sealed."""

    registered: VolunteerRegistered | None = None
    personal_sealed: bytes = b""
    erased: PersonalDataErased | None = None
    id_hash: str = ""
    skills: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    consent: bool = False
    teams: list[str] = msgspec.field(default_factory=list)
    active: bool = True
    # The business date of the deactivation (a team joined on or after it is refused).
    deactivated_on: dt.date | None = None
    records: dict[str, RecordState] = msgspec.field(default_factory=dict)
    corrections: dict[str, ServiceCorrected] = msgspec.field(default_factory=dict)
    profile_corrections: dict[str, VolunteerProfileCorrected] = msgspec.field(default_factory=dict)
    bank_balance_s: int = 0
    redemptions: dict[str, HoursRedeemed] = msgspec.field(default_factory=dict)
    transfers: dict[str, HoursTransferredOut | HoursTransferredIn] = msgspec.field(
        default_factory=dict
    )
    adjustments: dict[str, HoursAdjusted] = msgspec.field(default_factory=dict)
    certificates: dict[str, CertificateIssued] = msgspec.field(default_factory=dict)
    revoked: dict[str, CertificateRevoked] = msgspec.field(default_factory=dict)
    # Seconds of the records not voided, per calendar day (rule 38), kept as they change.
    day_s: dict[dt.date, int] = msgspec.field(default_factory=dict)

    def add_days(self, recorded: ServiceRecorded, duration_s: int, sign: int) -> None:
        """Count ``duration_s`` of ``recorded`` on its days (``sign`` -1 takes it away)."""
        for day, seconds in day_shares(recorded.service_date, recorded.ends_on, duration_s):
            self.day_s[day] = self.day_s.get(day, 0) + sign * seconds

    @property
    def service_s(self) -> int:
        """Counted volunteer-service seconds: approved − voided ± corrections."""
        return sum(r.counted_s for r in self.records.values())


def certificate_digest(
    *,
    certificate_no: str,
    volunteer_id: str,
    period_from: dt.date,
    period_to: dt.date,
    records: list[tuple[str, int]],
    issuer: str,
    issuing_station: str,
) -> str:
    """SHA-256 over a certificate's canonical content (msgspec MessagePack of a list).

    Pure and documented, so anyone with the library (or the format) can recompute it.
    """
    content = [
        "sgz-certificate-v1",
        certificate_no,
        volunteer_id,
        period_from.isoformat(),
        period_to.isoformat(),
        [[record_id, duration_s] for record_id, duration_s in records],
        issuer,
        issuing_station,
    ]
    return hashlib.sha256(msgspec.msgpack.encode(content)).hexdigest()


class Volunteer(Aggregate):
    """One volunteer: profile, teams, service records, time bank, certificates."""

    def __init__(self, id: UUID) -> None:
        super().__init__(id)
        self.state = VolunteerState()

    # ---- replay ---------------------------------------------------------------------------

    def _mutate(self, event: VolunteerEvent) -> None:
        s = self.state
        match event:
            case VolunteerRegistered():
                s.registered = event
                s.personal_sealed = event.personal_sealed
                s.id_hash = event.id_hash
                s.skills = event.skills
                s.categories = event.categories
                s.consent = event.consent
            case VolunteerProfileCorrected():
                s.profile_corrections[event.correction_id] = event
                if event.personal_sealed is not None:
                    s.personal_sealed = event.personal_sealed
                if event.id_hash is not None:
                    s.id_hash = event.id_hash
                if event.field == "skills":
                    s.skills = _split(event.value)
                elif event.field == "categories":
                    s.categories = _split(event.value)
                elif event.field == "consent":
                    s.consent = event.value == "true"
            case PersonalDataErased():
                s.erased = event
            case VolunteerJoinedTeam():
                s.teams.append(event.team)
            case VolunteerLeftTeam():
                s.teams.remove(event.team)
            case VolunteerDeactivated():
                s.active = False
                s.deactivated_on = event.occurred_on
            case ServiceRecorded():
                s.records[event.record_id] = RecordState(
                    recorded=event,
                    started_at=event.started_at,
                    ended_at=event.ended_at,
                    duration_s=event.duration_s,
                )
                s.add_days(event, event.duration_s, 1)
            case ServiceApproved():
                r = s.records[event.record_id]
                r.approval = event
                r.counted_s = event.duration_s if r.recorded.category == SERVICE_CATEGORY else 0
            case ServiceCorrected():
                s.corrections[event.correction_id] = event
                r = s.records[event.record_id]
                if not r.voided:
                    s.add_days(r.recorded, r.duration_s, -1)
                    s.add_days(r.recorded, event.duration_s, 1)
                r.started_at, r.ended_at = event.started_at, event.ended_at
                r.duration_s = event.duration_s
                r.counted_s += event.delta_s
            case ServiceVoided():
                r = s.records[event.record_id]
                if not r.voided:
                    s.add_days(r.recorded, r.duration_s, -1)
                r.voided = True
                r.counted_s -= event.counted_s
            case HoursBanked():
                s.records[event.record_id].banked = event
                s.bank_balance_s += event.credit_s
            case HoursRedeemed():
                s.redemptions[event.redemption_id] = event
                s.bank_balance_s -= event.credit_s
            case HoursTransferredOut():
                s.transfers[event.transfer_id] = event
                s.bank_balance_s -= event.credit_s
            case HoursTransferredIn():
                s.transfers[event.transfer_id] = event
                s.bank_balance_s += event.credit_s
            case HoursAdjusted():
                s.adjustments[event.adjustment_id] = event
                s.bank_balance_s += event.credit_s
            case CertificateIssued():
                s.certificates[event.certificate_no] = event
            case CertificateRevoked():
                s.revoked[event.certificate_no] = event
            case _:  # pragma: no cover - every VolunteerEvent is matched above
                msg = f"unhandled event {type(event).__name__}"
                raise AssertionError(msg)

    # ---- helpers --------------------------------------------------------------------------

    @property
    def volunteer_id(self) -> str:
        """The station's code for this volunteer (志愿者编号)."""
        assert self.state.registered is not None
        return self.state.registered.volunteer_id

    def _require_active(self) -> None:
        if self.state.registered is None:
            raise NotFound("volunteer", str(self.id))
        if not self.state.active:
            raise VolunteerNotActive(None, volunteer_id=self.volunteer_id)

    def _record(self, record_id: str) -> RecordState:
        r = self.state.records.get(record_id)
        if r is None:
            raise NotFound("service_record", record_id)
        return r

    def _require_no_overlap(
        self, start: dt.datetime | None, end: dt.datetime | None, skip: str = ""
    ) -> None:
        if start is None or end is None:
            return  # a record given as a duration has no interval to compare
        for record_id, r in self.state.records.items():
            if record_id == skip or r.voided or r.started_at is None or r.ended_at is None:
                continue
            if start < r.ended_at and r.started_at < end:
                local_start = r.started_at.astimezone(STATION_TZ)
                local_end = r.ended_at.astimezone(STATION_TZ)
                raise ServiceRefused(
                    "service_overlaps", record_id=record_id, start=local_start, end=local_end
                )

    @staticmethod
    def _check_time(
        stamp: Stamp,
        start: dt.datetime | None,
        end: dt.datetime | None,
        duration_s: int,
        days: int = 1,
    ) -> None:
        if start is not None and end is not None and end <= start:
            # Said in the times the clerk typed: "above zero" would not say which was wrong.
            raise ServiceRefused(
                "service_ends_before_start",
                start=start.astimezone(STATION_TZ),
                end=end.astimezone(STATION_TZ),
            )
        if duration_s <= 0:
            raise ServiceRefused("service_no_time")
        if duration_s > DURATION_S_MAX * days:
            if days == 1:
                raise ServiceRefused("service_over_a_day", duration_s=duration_s)
            raise ServiceRefused("service_over_days", duration_s=duration_s, days=days)
        if end is not None and end > stamp.recorded_at:
            raise ServiceRefused("service_ends_in_future")
        if days > 1 and start is not None:
            raise ServiceRefused("service_days_with_times")

    def _require_day_room(
        self,
        first: dt.date,
        last: dt.date | None,
        duration_s: int,
        replaced: RecordState | None = None,
    ) -> None:
        """Refuse what would take a day past 24 hours of this volunteer's records that are
        not voided (rule 38); ``replaced`` is a record whose time the new time replaces."""
        taken: dict[dt.date, int] = {}
        if replaced is not None and not replaced.voided:
            r = replaced.recorded
            taken = dict(day_shares(r.service_date, r.ends_on, replaced.duration_s))
        for day, seconds in day_shares(first, last, duration_s):
            total = self.state.day_s.get(day, 0) - taken.get(day, 0) + seconds
            if total > DURATION_S_MAX:
                raise ServiceRefused(
                    "service_day_full",
                    volunteer_id=self.volunteer_id,
                    total_s=total,
                    day=day,
                    recorded_s=total - seconds,
                    added_s=seconds,
                )

    def _require_within(self, published: ActivityPublished, first: dt.date, last: dt.date) -> None:
        """Refuse service before the volunteer registered or outside its activity's dates."""
        registered = self.state.registered
        assert registered is not None
        if first < registered.registered_on:
            raise ServiceRefused(
                "service_before_registration",
                day=first,
                volunteer_id=self.volunteer_id,
                registered_on=registered.registered_on,
            )
        starts = published.starts_at.astimezone(STATION_TZ).date()
        ends = published.ends_at.astimezone(STATION_TZ).date()
        if first < starts or last > ends:
            raise ServiceRefused(
                "service_outside_activity",
                first=first,
                last=last,
                activity_id=published.activity_id,
                starts=starts,
                ends=ends,
            )

    # ---- commands: profile --------------------------------------------------------------

    @classmethod
    def register(cls, stamp: Stamp, **fields: Any) -> Volunteer:
        """Register a new volunteer (its id derives from ``volunteer_id``)."""
        volunteer = cls(volunteer_uuid(fields["volunteer_id"]))
        volunteer._trigger(VolunteerRegistered, stamp, **fields)
        return volunteer

    def repeat_register(self, stamp: Stamp, **fields: Any) -> VolunteerRegistered:
        """Registering again: a no-op when the same (sealed data compared by its hash key).

        Refused once the volunteer's personal data was erased: the id stays a pseudonym.
        """
        registered = self.state.registered
        assert registered is not None
        self.require_personal_data()
        # Sealed bytes differ on every encryption (a fresh nonce), so the repeat is
        # compared on everything but them; the id_hash stands for the ID number.
        fields = {k: v for k, v in fields.items() if k != "personal_sealed"}
        return self._repeat(
            entry("volunteer", registered.volunteer_id), registered, stamp, **fields
        )

    def correct_profile(
        self,
        stamp: Stamp,
        *,
        correction_id: str,
        field: str,
        personal_sealed: bytes | None,
        id_hash: str | None,
        value: str,
        reason: str,
    ) -> VolunteerProfileCorrected:
        """Correct one profile field with a reason; the original registration stays."""
        recorded = self.state.profile_corrections.get(correction_id)
        if recorded is not None:
            return self._repeat(
                entry("profile_correction", correction_id),
                recorded,
                stamp,
                field=field,
                reason=reason,
            )
        if self.state.registered is None:
            raise NotFound("volunteer", str(self.id))
        self.require_personal_data()
        return self._trigger(
            VolunteerProfileCorrected,
            stamp,
            correction_id=correction_id,
            field=field,
            personal_sealed=personal_sealed,
            id_hash=id_hash,
            value=value,
            reason=reason,
        )

    def require_personal_data(self) -> None:
        """Refuse what needs the volunteer's personal data once it was erased."""
        erased = self.state.erased
        if erased is not None:
            raise PersonalDataErasedError(
                None, volunteer_id=erased.volunteer_id, erased_on=erased.occurred_on
            )

    def erase_personal_data(
        self,
        stamp: Stamp,
        *,
        reason: str,
        requested_by: str,
        key_ids: tuple[str, ...],
        legacy_sealed: int,
    ) -> PersonalDataErased:
        """Record the erasure of the volunteer's personal data (个人信息保护法 Art.47).

        Erasing again returns the first erasure, whatever its reason: what was asked
        (the data gone) is already so. The application destroys ``key_ids`` afterwards.
        """
        if self.state.registered is None:
            raise NotFound("volunteer", str(self.id))
        if self.state.erased is not None:
            return self.state.erased
        return self._trigger(
            PersonalDataErased,
            stamp,
            volunteer_id=self.volunteer_id,
            reason=reason,
            requested_by=requested_by,
            key_ids=key_ids,
            legacy_sealed=legacy_sealed,
        )

    def join_team(self, stamp: Stamp, *, team: str) -> VolunteerJoinedTeam | None:
        """Join a team; joining a team already joined records nothing (returns ``None``)."""
        self._require_active()
        if team in self.state.teams:
            return None
        return self._trigger(VolunteerJoinedTeam, stamp, team=team)

    def leave_team(self, stamp: Stamp, *, team: str, reason: str) -> VolunteerLeftTeam | None:
        """Leave a team; leaving one not joined records nothing (returns ``None``)."""
        if team not in self.state.teams:
            return None
        return self._trigger(VolunteerLeftTeam, stamp, team=team, reason=reason)

    def deactivate(self, stamp: Stamp, *, reason: str) -> VolunteerDeactivated | None:
        """Stop the volunteer serving; again records nothing (returns ``None``)."""
        if self.state.registered is None:
            raise NotFound("volunteer", str(self.id))
        if not self.state.active:
            return None
        return self._trigger(VolunteerDeactivated, stamp, reason=reason)

    # ---- commands: service records --------------------------------------------------------

    def record_service(
        self,
        stamp: Stamp,
        *,
        record_id: str,
        activity: Activity,
        started_at: dt.datetime | None,
        ended_at: dt.datetime | None,
        duration_s: int,
        service_date: dt.date,
        place: str,
        content: str,
        team: str,
        ends_on: dt.date | None = None,
        project_id: str = "",
        budget_line: str = "",
    ) -> ServiceRecorded:
        """Record that this volunteer served ``activity`` (Art.7); ``stamp.actor`` recorded it.

        ``ends_on``: the last day of a service over several days (``service_date`` its
        first), given as a duration; ``None`` for one day. ``project_id`` and
        ``budget_line``: the project the service was part of (checked against the project
        by the caller, rule 41), ``""`` for none.
        """
        published = activity.published
        if published is None:
            raise NotFound("activity", str(activity.id))
        fields: dict[str, Any] = {
            "activity_id": published.activity_id,
            "service_date": service_date,
            "started_at": started_at,
            "ended_at": ended_at,
            "duration_s": duration_s,
            "place": place,
            "content": content,
            "team": team,
            "ends_on": ends_on,
        }
        if project_id or budget_line:
            fields["project_id"] = project_id
            fields["budget_line"] = budget_line
        existing = self.state.records.get(record_id)
        if existing is not None:
            key = entry("service_record", record_id)
            check_same(
                key, existing.recorded, {"project_id": project_id, "budget_line": budget_line}
            )
            return self._repeat(key, existing.recorded, stamp, **fields)
        self._require_active()
        last = ends_on or service_date
        if last < service_date:
            raise ServiceRefused("service_period_reversed")
        days = (last - service_date).days + 1
        self._check_time(stamp, started_at, ended_at, duration_s, days)
        today = stamp.recorded_at.astimezone(STATION_TZ).date()
        if last > today:
            raise ServiceRefused("service_in_future")
        self._require_within(published, service_date, last)
        self._require_day_room(service_date, ends_on, duration_s)
        self._require_no_overlap(started_at, ended_at)
        registered = self.state.registered
        assert registered is not None
        late = working_days_between(last, today) > LATE_AFTER_WORKING_DAYS
        return self._trigger(
            ServiceRecorded,
            stamp,
            record_id=record_id,
            activity_name=published.name,
            category=published.category,
            station_id=registered.station_id,
            community=published.community,
            organizer=published.organizer,
            leader=published.leader,
            late=late,
            **fields,
        )

    def approve_service(self, stamp: Stamp, *, record_id: str) -> ServiceApproved:
        """Approve a record as ``stamp.actor``, who may not be its recorder."""
        r = self._record(record_id)
        if r.approval is not None:
            if r.approval.actor == AUTO_APPROVER:
                return r.approval  # the station approves on entry; a named approver adds nothing
            if not stamp.names(r.approval.actor):
                raise InvalidTransition(
                    "record_approved_by_other", record_id=record_id, actor=r.approval.actor
                )
            # The same approver again: a repeat only if the business date is the same too.
            return self._repeat(entry("approval_of_record", record_id), r.approval, stamp)
        if r.voided:
            raise InvalidTransition("record_voided", record_id=record_id)
        if stamp.names(r.recorded.actor):
            raise RuleViolation("recorder_may_not_approve", actor=stamp.actor, record_id=record_id)
        return self._trigger(ServiceApproved, stamp, record_id=record_id, duration_s=r.duration_s)

    def auto_approve(self, stamp: Stamp, *, record_id: str) -> ServiceApproved:
        """Approve on entry under the station's auto-approve policy (actor ``auto-approve``)."""
        r = self._record(record_id)
        assert r.approval is None
        return self._trigger(ServiceApproved, stamp, record_id=record_id, duration_s=r.duration_s)

    def correct_service(
        self,
        stamp: Stamp,
        *,
        correction_id: str,
        record_id: str,
        started_at: dt.datetime | None,
        ended_at: dt.datetime | None,
        duration_s: int,
        reason: str,
        requested_by: str,
    ) -> ServiceCorrected:
        """Correct a record's time (Art.13): ``requested_by`` asked, ``stamp.actor`` verified."""
        recorded = self.state.corrections.get(correction_id)
        if recorded is not None:
            return self._repeat(
                entry("correction", correction_id),
                recorded,
                stamp,
                record_id=record_id,
                duration_s=duration_s,
                reason=reason,
            )
        r = self._record(record_id)
        if r.voided:
            raise InvalidTransition("record_voided", record_id=record_id)
        if r.banked is not None:
            raise InvalidTransition("record_banked_correct", record_id=record_id)
        first, last = r.recorded.service_date, r.recorded.ends_on
        days = 1 if last is None else (last - first).days + 1
        self._check_time(stamp, started_at, ended_at, duration_s, days)
        self._require_day_room(first, last, duration_s, replaced=r)
        self._require_no_overlap(started_at, ended_at, skip=record_id)
        counted = r.approval is not None and r.recorded.category == SERVICE_CATEGORY
        delta = duration_s - r.duration_s if counted else 0
        return self._trigger(
            ServiceCorrected,
            stamp,
            correction_id=correction_id,
            record_id=record_id,
            started_at=started_at,
            ended_at=ended_at,
            duration_s=duration_s,
            delta_s=delta,
            counted=counted,
            reason=reason,
            requested_by=requested_by,
        )

    def void_service(self, stamp: Stamp, *, record_id: str, reason: str) -> ServiceVoided | None:
        """Void a record with a reason; voiding it again records nothing (returns ``None``)."""
        r = self._record(record_id)
        if r.voided:
            return None
        if r.banked is not None:
            raise InvalidTransition("record_banked_void", record_id=record_id)
        return self._trigger(
            ServiceVoided, stamp, record_id=record_id, counted_s=r.counted_s, reason=reason
        )

    # ---- commands: time bank -------------------------------------------------------------

    def bank_hours(
        self, stamp: Stamp, *, record_id: str, rate_pct: int, automatic: bool = False
    ) -> HoursBanked:
        """Deposit an approved service record in the time bank, once (rule 6).

        A deposit on request needs an active volunteer. An ``automatic`` deposit (the
        station banks every approval) is part of approving a record served while the
        volunteer was active, so it is made even after the volunteer was deactivated:
        approving late must not cost them the credit they earned.
        """
        r = self._record(record_id)
        if r.banked is not None:
            # The same deposit asked for again (same person, same date) records nothing.
            if stamp.names(r.banked.actor) and r.banked.occurred_on == stamp.occurred_on:
                return r.banked
            raise InvalidTransition("record_already_banked", record_id=record_id)
        if r.voided or r.approval is None:
            raise InvalidTransition("record_not_countable", record_id=record_id)
        if r.recorded.category != SERVICE_CATEGORY:
            raise InvalidTransition(
                "record_not_service", record_id=record_id, category=r.recorded.category
            )
        if not automatic:
            self._require_active()
        return self._trigger(
            HoursBanked,
            stamp,
            record_id=record_id,
            duration_s=r.counted_s,
            credit_s=r.counted_s * rate_pct // 100,
        )

    def _require_credit(self, credit_s: int, limit_s: int) -> None:
        if self.state.bank_balance_s - credit_s < limit_s:
            raise InsufficientCredit(self.state.bank_balance_s, credit_s, limit_s)

    def redeem(
        self,
        stamp: Stamp,
        *,
        redemption_id: str,
        credit_s: int,
        item: str,
        quantity: int,
        counterparty: str,
        approver: str,
        limit_s: int,
    ) -> HoursRedeemed:
        """Spend credit on a service or goods, approved by ``approver``."""
        fields = {
            "credit_s": credit_s,
            "item": item,
            "quantity": quantity,
            "counterparty": counterparty,
            "approver": approver,
        }
        recorded = self.state.redemptions.get(redemption_id)
        if recorded is not None:
            return self._repeat(entry("redemption", redemption_id), recorded, stamp, **fields)
        self._require_active()
        if stamp.names(approver):
            raise RuleViolation("redemption_self_approved")
        self._require_credit(credit_s, limit_s)
        return self._trigger(HoursRedeemed, stamp, redemption_id=redemption_id, **fields)

    def transfer_out(
        self,
        stamp: Stamp,
        *,
        transfer_id: str,
        to_volunteer_id: str,
        credit_s: int,
        reason: str,
        limit_s: int,
    ) -> HoursTransferredOut:
        """Give credit to another member; the application credits them in the same save
        (``transfer_in`` on the receiver) unless ``is_new_transfer`` said it was a repeat.

        A transfer repeated with the same fields returns the recorded event; an id this
        member received a transfer under is refused: a transfer back needs an id of its own.
        """
        recorded = self.state.transfers.get(transfer_id)
        if isinstance(recorded, HoursTransferredIn):
            raise InvalidTransition(
                "transfer_id_received",
                transfer_id=transfer_id,
                volunteer_id=self.volunteer_id,
                from_volunteer_id=recorded.from_volunteer_id,
            )
        if recorded is not None:
            return self._repeat(
                entry("transfer", transfer_id),
                recorded,
                stamp,
                to_volunteer_id=to_volunteer_id,
                credit_s=credit_s,
                reason=reason,
            )
        self._require_active()
        if to_volunteer_id == self.volunteer_id:
            raise RuleViolation("transfer_to_themselves")
        self._require_credit(credit_s, limit_s)
        return self._trigger(
            HoursTransferredOut,
            stamp,
            transfer_id=transfer_id,
            to_volunteer_id=to_volunteer_id,
            credit_s=credit_s,
            reason=reason,
        )

    def is_new_transfer(self, transfer_id: str) -> bool:
        """No transfer, given or received, is recorded under ``transfer_id``."""
        return transfer_id not in self.state.transfers

    def transfer_in(
        self, stamp: Stamp, *, transfer_id: str, from_volunteer_id: str, credit_s: int, reason: str
    ) -> HoursTransferredIn:
        """Receive credit from another member."""
        if self.state.registered is None:
            raise NotFound("volunteer", str(self.id))
        if transfer_id in self.state.transfers:
            raise InvalidTransition("transfer_recorded", transfer_id=transfer_id)
        return self._trigger(
            HoursTransferredIn,
            stamp,
            transfer_id=transfer_id,
            from_volunteer_id=from_volunteer_id,
            credit_s=credit_s,
            reason=reason,
        )

    def adjust_bank(
        self,
        stamp: Stamp,
        *,
        adjustment_id: str,
        credit_s: int,
        kind: Literal["expiry", "adjustment"],
        authorised_by: str,
        reason: str,
        limit_s: int,
    ) -> HoursAdjusted:
        """Expire or adjust credit, with authorisation and a reason; never below the limit."""
        fields = {
            "credit_s": credit_s,
            "kind": kind,
            "authorised_by": authorised_by,
            "reason": reason,
        }
        recorded = self.state.adjustments.get(adjustment_id)
        if recorded is not None:
            return self._repeat(entry("adjustment", adjustment_id), recorded, stamp, **fields)
        if self.state.registered is None:
            raise NotFound("volunteer", str(self.id))
        if credit_s == 0:
            raise RuleViolation("adjustment_zero")
        if kind == "expiry" and credit_s > 0:
            raise RuleViolation("expiry_positive")
        if credit_s < 0:
            self._require_credit(-credit_s, limit_s)
        return self._trigger(HoursAdjusted, stamp, adjustment_id=adjustment_id, **fields)

    # ---- commands: certificates ----------------------------------------------------------

    def counted_records(self, period_from: dt.date, period_to: dt.date) -> list[RecordState]:
        """Approved, unvoided volunteer-service records in the period, by date then id."""
        rows = [
            r
            for r in self.state.records.values()
            if r.counted_s > 0 and period_from <= r.recorded.service_date <= period_to
        ]
        rows.sort(key=lambda r: (r.recorded.service_date, r.recorded.record_id))
        return rows

    def issue_certificate(
        self,
        stamp: Stamp,
        *,
        certificate_no: str,
        period_from: dt.date,
        period_to: dt.date,
        issuing_station: str,
    ) -> CertificateIssued:
        """Issue a numbered certificate over the counted records of a period (Art.14-17)."""
        recorded = self.state.certificates.get(certificate_no)
        if recorded is not None:
            return self._repeat(
                entry("certificate", certificate_no),
                recorded,
                stamp,
                period_from=period_from,
                period_to=period_to,
                issuing_station=issuing_station,
            )
        if self.state.registered is None:
            raise NotFound("volunteer", str(self.id))
        if period_to < period_from:
            raise RuleViolation("certificate_period_reversed")
        if period_to > stamp.occurred_on:
            raise RuleViolation("certificate_period_open")
        records = [
            (r.recorded.record_id, r.counted_s)
            for r in self.counted_records(period_from, period_to)
        ]
        if not records:
            raise RuleViolation("certificate_no_records")
        digest = certificate_digest(
            certificate_no=certificate_no,
            volunteer_id=self.volunteer_id,
            period_from=period_from,
            period_to=period_to,
            records=records,
            issuer=stamp.actor,
            issuing_station=issuing_station,
        )
        return self._trigger(
            CertificateIssued,
            stamp,
            certificate_no=certificate_no,
            period_from=period_from,
            period_to=period_to,
            record_ids=tuple(record_id for record_id, _ in records),
            total_s=sum(seconds for _, seconds in records),
            issuer=stamp.actor,
            issuing_station=issuing_station,
            digest=digest,
        )

    def revoke_certificate(
        self, stamp: Stamp, *, certificate_no: str, reason: str
    ) -> CertificateRevoked:
        """Revoke a certificate with a reason; verifying it says so from then on."""
        recorded = self.state.revoked.get(certificate_no)
        if recorded is not None:
            return self._repeat(
                entry("revocation_of", certificate_no), recorded, stamp, reason=reason
            )
        if certificate_no not in self.state.certificates:
            raise NotFound("certificate", certificate_no)
        return self._trigger(
            CertificateRevoked, stamp, certificate_no=certificate_no, reason=reason
        )


def _split(value: str) -> tuple[str, ...]:
    return tuple(part for part in value.split("、") if part)
