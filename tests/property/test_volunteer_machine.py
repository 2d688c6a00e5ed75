"""A state machine drives random volunteer histories through the Ledger, checked against a model.

Hypothesis picks command after command (registering volunteers, publishing activities,
recording service as an interval or a duration, approving, correcting, voiding, banking,
redeeming, transferring, adjusting, deactivating, changing the station's policy, issuing
certificates, exact repeats and repeats with one field changed) and runs each through
the public ``Ledger`` API. Beside the ledger the machine keeps its own model, in plain
dicts and ints and sharing no code with ``sgz_ledger.domain.volunteer``: for every
command it predicts acceptance (and which events are stored, by whom) or refusal (and
which ``LedgerError``), and after every step the invariants check::

    hours(volunteer)   = approved - voided +- corrections       (service records only)
    balance(volunteer) = banked - redeemed - given + received +- adjustments >= limit
    no two unvoided records of one volunteer overlap in time
    hours by team = hours by community = hours by month (service_date) = the grand total
    a volunteer rebuilt from its stored events = the ledger's live volunteer
    the log holds exactly the events predicted (a refusal or a repeat stores none)

The totals are folded here from ``ledger.stored_events()``, not read from the library.

Repeats with one field changed include an approval on another date, a transfer id
reused for another member, and a received transfer id used for a transfer back. A
deactivated volunteer's record approved where the station banks automatically is still
banked (the credit was earned while active; see ``Model._approve``).

The same machine runs on memory and SQLite always, and on PostgreSQL when the test
server answers (each example in a schema of its own, dropped afterwards).
"""

from __future__ import annotations

import copy
import datetime as dt
import itertools
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, ClassVar
from uuid import UUID

import msgspec
import pytest
from eventsourcing.cipher import AESCipher
from hypothesis import event
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from conftest import FixedClock, require_postgres
from machine_stores import PostgresSchemaStore, SqliteFileStore, machine_settings
from sgz_ledger import (
    DuplicateIdNumber,
    IdempotencyConflict,
    InvalidInput,
    InvalidTransition,
    Ledger,
    LedgerError,
    NotFound,
    RuleViolation,
)
from sgz_ledger.domain.id_claims import id_claim_uuid
from sgz_ledger.domain.money import hours_2dp
from sgz_ledger.domain.volunteer import (
    InsufficientCredit,
    ServiceRefused,
    Volunteer,
    VolunteerNotActive,
    activity_uuid,
    station_uuid,
    volunteer_uuid,
)
from sgz_ledger.projections.volunteer_accounts import VolunteerAccounts
from sgz_ledger.reports import volunteers as volunteer_reports
from sgz_ledger.storage.sealing import PersonalDataInClearWarning

pytestmark = pytest.mark.filterwarnings(
    f"ignore::{PersonalDataInClearWarning.__module__}.{PersonalDataInClearWarning.__name__}"
)

# ---- the world the machine plays in: few names and a coarse time grid, so commands collide ----

CST = dt.timezone(dt.timedelta(hours=8))
NOW = dt.datetime(2024, 6, 3, 2, 0, tzinfo=dt.UTC)  # Monday 2024-06-03, 10:00 in China
TODAY = dt.date(2024, 6, 3)
FUTURE = dt.date(2024, 6, 4)
# April and May (the period totals), late and not: 05-20 is exactly 10 working days back.
DATES = (
    dt.date(2024, 4, 26),
    dt.date(2024, 5, 6),
    dt.date(2024, 5, 20),
    dt.date(2024, 5, 24),
    dt.date(2024, 5, 31),
    TODAY,  # intervals ending after 10:00 today are in the future
)
STATION = "cuizhai"
AUTO_APPROVER = "auto-approve"
VOLUNTEERS = ("V1", "V2", "V3", "V4")
TEAMS = ("红马甲服务队", "蓝天服务队")
PEOPLE = ("王芳", "李娜", "张敏")  # recorders, approvers: self-approval happens
# code: (category, community, place)
ACTIVITIES = {
    "A1": ("volunteer_service", "崔寨村", "崔寨敬老院"),
    "A2": ("volunteer_service", "王河村", "王河村广场"),
    "A3": ("training", "崔寨村", "社工站"),
    "A4": ("supervision", "王河村", "社工站"),
}
SERVICE = "volunteer_service"
DURATIONS_S = (1, 1799, 3600, 5401, 7200, 24 * 3600)
LENGTHS_MIN = (30, 60, 90, 120, 180)
RATES_PCT = (100, 150, 50, 120)
LIMITS_S = (0, 0, -7200)
CREDIT_S_MAX = 40_000
DURATION_FIELDS = ("duration_s", "duration_minutes")

COMMANDS = {
    "set_policy": "set_station_policy",
    "register": "register_volunteer",
    "publish": "publish_activity",
    "record": "record_service",
    "approve": "approve_service",
    "correct": "correct_service",
    "void": "void_service",
    "bank": "bank_hours",
    "redeem": "redeem_hours",
    "transfer": "transfer_hours",
    "adjust": "adjust_hours",
    "deactivate": "deactivate_volunteer",
    "certificate": "issue_certificate",
}

# Fields a repeat may change to provoke IdempotencyConflict, by the kind of key.
_WHO = ("actor", "occurred_on")
CHANGEABLE: dict[str, tuple[str, ...]] = {
    "volunteer": (
        *_WHO,
        "station_id",
        "consent",
        "registered_on",
        "name",
        "phone",
        "id_number",
    ),
    "activity": (*_WHO, "name", "community", "place"),
    "record": (*_WHO, "place", "content", "team", "time"),
    "correction": (*_WHO, "reason"),
    "redemption": (*_WHO, "credit_s", "item", "quantity", "counterparty", "approver"),
    "transfer": (*_WHO, "to_volunteer_id", "credit_s", "reason"),
    "adjustment": (*_WHO, "credit_s", "kind", "authorised_by", "reason"),
    "certificate": (*_WHO, "period_to", "issuing_station"),
}


# ---- the model ------------------------------------------------------------------------------

Key = tuple[str, ...]


@dataclass
class Cmd:
    """One command as sent: its kind and the keyword arguments of the Ledger method."""

    kind: str
    fields: dict[str, Any]


def working_days_after(start: dt.date, end: dt.date) -> int:
    """Mondays to Fridays after ``start`` up to and including ``end`` (counted one by one)."""
    days = 0
    day = start + dt.timedelta(days=1)
    while day <= end:
        days += day.weekday() < 5
        day += dt.timedelta(days=1)
    return days


def id_hash_of(id_number: str) -> str:
    """What the ledger compares an ID number by: spaces gone, ``x`` upper-case."""
    return id_number.replace(" ", "").upper()


@dataclass
class Rec:
    """One service record as the model sees it."""

    volunteer: str
    recorder: str
    category: str
    team: str
    community: str
    service_date: dt.date
    start: dt.datetime | None
    end: dt.datetime | None
    duration_s: int
    late: bool
    approver: str | None = None
    counted_s: int = 0
    voided: bool = False
    banked: bool = False
    banked_by: tuple[str, dt.date] | None = None  # the deposit's actor and business date
    ends_on: dt.date | None = None  # the last day of a service over several days

    def days(self) -> list[dt.date]:
        last = self.ends_on or self.service_date
        return [
            self.service_date + dt.timedelta(days=n)
            for n in range((last - self.service_date).days + 1)
        ]


DAY_S = 24 * 3600


def spread(days: list[dt.date], seconds: int) -> dict[dt.date, int]:
    """A record's time per day it spans (rule 38): equal shares, the seconds left over one
    each on the first days."""
    share = seconds // len(days)
    left = seconds - share * len(days)
    return {day: share + (1 if n < left else 0) for n, day in enumerate(days)}


def over_a_day(v: Vol, days: list[dt.date], seconds: int, skip: str = "") -> bool:
    """Whether ``seconds`` over ``days`` would take a day of ``v`` past 24 hours of records
    that are not voided (``skip``: the record being corrected)."""
    totals: Counter[dt.date] = Counter()
    for rid, r in v.records.items():
        if rid != skip and not r.voided:
            totals.update(spread(r.days(), r.duration_s))
    totals.update(spread(days, seconds))
    return any(t > DAY_S for t in totals.values())


@dataclass
class Vol:
    """One volunteer: teams, records, time-bank balance."""

    teams: list[str]
    active: bool = True
    records: dict[str, Rec] = field(default_factory=dict)
    balance_s: int = 0
    transfer_ids: set[str] = field(default_factory=set)

    @property
    def hours_s(self) -> int:
        return sum(r.counted_s for r in self.records.values())


@dataclass
class Policy:
    auto_approve: bool = False
    bank_automatic: bool = False
    rate_pct: int = 100
    limit_s: int = 0


@dataclass(frozen=True)
class Accepted:
    """The model expects success, storing ``events`` as (event type, owner code) pairs.

    Attributes:
        repeat_of: the key whose original result the command returns (a repeat).
        new_key: the key the command creates.
        returned: attributes the returned event must have.
    """

    events: tuple[tuple[str, str], ...]
    repeat_of: Key | None = None
    new_key: Key | None = None
    returned: tuple[tuple[str, Any], ...] = ()


@dataclass(frozen=True)
class Refused:
    """The model expects ``error`` (exactly that class); for a conflict, one of ``fields``."""

    error: type[LedgerError]
    fields: tuple[str, ...] = ()


Outcome = Accepted | Refused


def overlaps(a: Rec, start: dt.datetime | None, end: dt.datetime | None) -> bool:
    if a.voided or a.start is None or a.end is None or start is None or end is None:
        return False
    return start < a.end and a.start < end


@dataclass
class Model:
    """Volunteers, activities, the policy, every idempotency key and the number of stored
    events, as predicted. ``apply`` changes the model as the command would; call it on a
    copy and keep the copy only when the ledger agreed."""

    policy: Policy = field(default_factory=Policy)
    policy_cmd: Cmd | None = None
    volunteers: dict[str, Vol] = field(default_factory=dict)
    activities: dict[str, tuple[str, str, str]] = field(default_factory=dict)
    keys: dict[Key, Cmd] = field(default_factory=dict)
    compared: dict[Key, dict[str, Any]] = field(default_factory=dict)
    events: int = 0

    def apply(self, cmd: Cmd, now: dt.datetime) -> Outcome:
        handler = getattr(self, "_" + cmd.kind)
        outcome: Outcome = handler(cmd.fields, cmd, now)
        return outcome

    # -- helpers --

    def _repeat(self, key: Key, compared: dict[str, Any]) -> Outcome | None:
        """The outcome of a command whose key exists (None when it does not)."""
        if key not in self.keys:
            return None
        first = self.compared[key]
        differ = tuple(name for name, value in compared.items() if first[name] != value)
        if differ:
            return Refused(IdempotencyConflict, differ)
        return Accepted((), repeat_of=key)

    def _accept(
        self,
        key: Key | None,
        cmd: Cmd,
        compared: dict[str, Any],
        events: list[tuple[str, str]],
        **returned: Any,
    ) -> Accepted:
        if key is not None:
            self.keys[key] = cmd
            self.compared[key] = compared
        self.events += len(events)
        return Accepted(tuple(events), new_key=key, returned=tuple(returned.items()))

    def _time_refused(
        self,
        start: dt.datetime | None,
        end: dt.datetime | None,
        duration_s: int,
        now: dt.datetime,
        days: int = 1,
    ) -> bool:
        return (
            duration_s <= 0
            or duration_s > DAY_S * days
            or (end is not None and end > now)
            or (days > 1 and start is not None)
        )

    @staticmethod
    def _time(f: dict[str, Any]) -> tuple[dt.datetime | None, dt.datetime | None, int]:
        start, end = f.get("started_at"), f.get("ended_at")
        if start is not None and end is not None:
            return start, end, int((end - start).total_seconds())
        if f.get("duration_s") is not None:
            return None, None, f["duration_s"]
        return None, None, 60 * f["duration_minutes"]

    # -- commands, each checking in the order the library states its rules --

    def _set_policy(self, f: dict[str, Any], cmd: Cmd, now: dt.datetime) -> Outcome:
        if self.policy_cmd is not None and self.policy_cmd.fields == f:
            return Accepted((), repeat_of=("policy",))
        self.policy_cmd = cmd
        self.keys[("policy",)] = cmd
        self.compared[("policy",)] = dict(f)
        self.policy = Policy(
            f["auto_approve"], f["bank_automatic"], f["bank_rate_pct"], f["bank_limit_s"]
        )
        self.events += 1
        return Accepted((("StationPolicySet", STATION),), new_key=("policy",))

    def _register(self, f: dict[str, Any], cmd: Cmd, now: dt.datetime) -> Outcome:
        vid = f["volunteer_id"]
        compared = {name: f.get(name) for name in CHANGEABLE["volunteer"]}
        compared["id_number"] = id_hash_of(f.get("id_number", ""))
        repeat = self._repeat(("volunteer", vid), compared)
        if repeat:
            # A repeat never joins its team again, even after leaving it or deactivation.
            if isinstance(repeat, Refused) and "id_number" in repeat.fields:
                repeat = Refused(IdempotencyConflict, ("id_hash",))
            return repeat
        number = compared["id_number"]
        if number and any(
            k[0] == "volunteer" and c["id_number"] == number for k, c in self.compared.items()
        ):
            return Refused(DuplicateIdNumber)  # one ID number, one volunteer (rule 39)
        team = f.get("team")
        self.volunteers[vid] = Vol(teams=[team] if team else [])
        events = [("IdNumberClaimed", "claim:" + number)] if number else []
        events.append(("VolunteerRegistered", vid))
        if team:
            events.append(("VolunteerJoinedTeam", vid))
        return self._accept(("volunteer", vid), cmd, compared, events)

    def _publish(self, f: dict[str, Any], cmd: Cmd, now: dt.datetime) -> Outcome:
        code = f["activity_id"]
        compared = {name: f.get(name) for name in CHANGEABLE["activity"]}
        repeat = self._repeat(("activity", code), compared)
        if repeat:
            return repeat
        self.activities[code] = (f["category"], f["community"], f["place"])
        return self._accept(("activity", code), cmd, compared, [("ActivityPublished", code)])

    def _record(self, f: dict[str, Any], cmd: Cmd, now: dt.datetime) -> Outcome:
        if any(f.get(name) is not None and f[name] <= 0 for name in DURATION_FIELDS):
            return Refused(InvalidInput)  # the boundary's check, before any other
        vid, rid = f["volunteer_id"], f["record_id"]
        v = self.volunteers.get(vid)
        if v is None or f["activity_id"] not in self.activities:
            return Refused(NotFound)
        category, community, place = self.activities[f["activity_id"]]
        start, end, duration_s = self._time(f)
        service_date = start.astimezone(CST).date() if start is not None else f["service_date"]
        ends_on = f.get("ends_on")
        if ends_on == service_date:
            ends_on = None  # the last day is the first: a record of one day
        first = self.compared.get(("record", vid, rid))
        # The team: as given, else (a repeat) the recorded one, else the volunteer's first.
        team = f.get("team") or (first["team"] if first else (v.teams[0] if v.teams else ""))
        compared = {
            "actor": f["actor"],
            "occurred_on": f["occurred_on"],
            "activity_id": f["activity_id"],
            "service_date": service_date,
            "started_at": start,
            "ended_at": end,
            "duration_s": duration_s,
            "place": f.get("place") or place,
            "content": f.get("content", ""),
            "team": team,
            "ends_on": ends_on,
        }
        repeat = self._repeat(("record", vid, rid), compared)
        if repeat:
            return repeat
        if not v.active:
            return Refused(VolunteerNotActive)
        last = ends_on or service_date
        days = [service_date + dt.timedelta(days=n) for n in range((last - service_date).days + 1)]
        if self._time_refused(start, end, duration_s, now, len(days)) or last > now.date():
            return Refused(ServiceRefused)
        if over_a_day(v, days, duration_s):
            return Refused(ServiceRefused)  # at most 24 hours a day (rule 38)
        if any(overlaps(r, start, end) for r in v.records.values()):
            return Refused(ServiceRefused)
        late = working_days_after(last, now.date()) > 10
        r = Rec(
            volunteer=vid,
            recorder=f["actor"],
            category=category,
            team=team,
            community=community,
            service_date=service_date,
            start=start,
            end=end,
            duration_s=duration_s,
            late=late,
            ends_on=ends_on,
        )
        v.records[rid] = r
        events = [("ServiceRecorded", vid)]
        if self.policy.auto_approve:
            events += self._approved(v, r, AUTO_APPROVER, cmd)
        return self._accept(
            ("record", vid, rid), cmd, compared, events, late=late, duration_s=duration_s
        )

    def _approved(self, v: Vol, r: Rec, approver: str, cmd: Cmd) -> list[tuple[str, str]]:
        """An approval's events: the approval, and the deposit where banking is automatic
        (by the approver, on the approving command's date)."""
        r.approver = approver
        r.counted_s = r.duration_s if r.category == SERVICE else 0
        events = [("ServiceApproved", r.volunteer)]
        if self.policy.bank_automatic and r.counted_s > 0:
            events.append(self._banked(v, r, approver, cmd.fields["occurred_on"]))
        return events

    def _banked(self, v: Vol, r: Rec, actor: str, on: dt.date) -> tuple[str, str]:
        r.banked = True
        r.banked_by = (actor, on)
        v.balance_s += r.counted_s * self.policy.rate_pct // 100
        return ("HoursBanked", r.volunteer)

    def _approve(self, f: dict[str, Any], cmd: Cmd, now: dt.datetime) -> Outcome:
        vid, rid = f["volunteer_id"], f["record_id"]
        v = self.volunteers.get(vid)
        if v is None or rid not in v.records:
            return Refused(NotFound)
        r = v.records[rid]
        if r.approver == AUTO_APPROVER:
            # Approved on entry: a named approver (the recorder too) adds nothing.
            return Accepted((), repeat_of=("auto-approval", vid, rid))
        compared = {"actor": f["actor"], "occurred_on": f["occurred_on"]}
        if r.approver is not None:
            if r.approver != f["actor"]:
                return Refused(InvalidTransition)
            repeat = self._repeat(("approval", vid, rid), compared)
            assert repeat is not None
            return repeat
        if r.voided:
            return Refused(InvalidTransition)
        if f["actor"] == r.recorder:
            return Refused(RuleViolation)
        # Where the station banks automatically the deposit comes with the approval,
        # also for a volunteer deactivated since (the credit was earned while active).
        events = self._approved(v, r, f["actor"], cmd)
        return self._accept(("approval", vid, rid), cmd, compared, events, duration_s=r.duration_s)

    def _correct(self, f: dict[str, Any], cmd: Cmd, now: dt.datetime) -> Outcome:
        if f.get("duration_s") is not None and f["duration_s"] <= 0:
            return Refused(InvalidInput)
        vid, rid = f["volunteer_id"], f["record_id"]
        v = self.volunteers.get(vid)
        if v is None:
            return Refused(NotFound)
        start, end, duration_s = self._time(f)
        compared = {
            "actor": f["actor"],
            "occurred_on": f["occurred_on"],
            "record_id": rid,
            "duration_s": duration_s,
            "reason": f["reason"],
        }
        repeat = self._repeat(("correction", vid, f["correction_id"]), compared)
        if repeat:
            return repeat
        r = v.records.get(rid)
        if r is None:
            return Refused(NotFound)
        if r.voided or r.banked:
            return Refused(InvalidTransition)
        if self._time_refused(start, end, duration_s, now, len(r.days())):
            return Refused(ServiceRefused)
        if over_a_day(v, r.days(), duration_s, skip=rid):
            return Refused(ServiceRefused)  # a correction is held to the same total
        if any(overlaps(o, start, end) for k, o in v.records.items() if k != rid):
            return Refused(ServiceRefused)
        counted = r.approver is not None and r.category == SERVICE
        delta = duration_s - r.duration_s if counted else 0
        r.start, r.end, r.duration_s = start, end, duration_s
        r.counted_s += delta
        return self._accept(
            ("correction", vid, f["correction_id"]),
            cmd,
            compared,
            [("ServiceCorrected", vid)],
            delta_s=delta,
            counted=counted,
        )

    def _void(self, f: dict[str, Any], cmd: Cmd, now: dt.datetime) -> Outcome:
        vid, rid = f["volunteer_id"], f["record_id"]
        v = self.volunteers.get(vid)
        if v is None or rid not in v.records:
            return Refused(NotFound)
        r = v.records[rid]
        if r.voided:
            return Accepted((), repeat_of=("void", vid, rid))
        if r.banked:
            return Refused(InvalidTransition)
        counted = r.counted_s
        r.voided, r.counted_s = True, 0
        return self._accept(
            ("void", vid, rid), cmd, {}, [("ServiceVoided", vid)], counted_s=counted
        )

    def _bank(self, f: dict[str, Any], cmd: Cmd, now: dt.datetime) -> Outcome:
        vid, rid = f["volunteer_id"], f["record_id"]
        v = self.volunteers.get(vid)
        if v is None or rid not in v.records:
            return Refused(NotFound)
        r = v.records[rid]
        if r.banked and r.banked_by == (f["actor"], f["occurred_on"]):
            return Accepted((), repeat_of=("deposit", vid, rid))  # the same deposit again
        if r.banked or r.voided or r.approver is None or r.category != SERVICE:
            return Refused(InvalidTransition)
        if not v.active:
            return Refused(VolunteerNotActive)
        credit = r.counted_s * self.policy.rate_pct // 100
        self._banked(v, r, f["actor"], f["occurred_on"])
        return self._accept(None, cmd, {}, [("HoursBanked", vid)], credit_s=credit)

    def _redeem(self, f: dict[str, Any], cmd: Cmd, now: dt.datetime) -> Outcome:
        if f["credit_s"] <= 0:
            return Refused(InvalidInput)
        vid = f["volunteer_id"]
        v = self.volunteers.get(vid)
        if v is None:
            return Refused(NotFound)
        compared = {name: f[name] for name in CHANGEABLE["redemption"]}
        repeat = self._repeat(("redemption", vid, f["redemption_id"]), compared)
        if repeat:
            return repeat
        if not v.active:
            return Refused(VolunteerNotActive)
        if f["approver"] == f["actor"]:
            return Refused(RuleViolation)
        if v.balance_s - f["credit_s"] < self.policy.limit_s:
            return Refused(InsufficientCredit)
        v.balance_s -= f["credit_s"]
        key = ("redemption", vid, f["redemption_id"])
        return self._accept(key, cmd, compared, [("HoursRedeemed", vid)])

    def _transfer(self, f: dict[str, Any], cmd: Cmd, now: dt.datetime) -> Outcome:
        if f["credit_s"] <= 0:
            return Refused(InvalidInput)
        src, dst = f["volunteer_id"], f["to_volunteer_id"]
        source, target = self.volunteers.get(src), self.volunteers.get(dst)
        if source is None or target is None:
            return Refused(NotFound)
        compared = {name: f[name] for name in CHANGEABLE["transfer"]}
        repeat = self._repeat(("transfer", src, f["transfer_id"]), compared)
        if repeat:
            return repeat
        if f["transfer_id"] in source.transfer_ids:
            return Refused(InvalidTransition)  # an id this member received, not gave
        if not source.active:
            return Refused(VolunteerNotActive)
        if src == dst:
            return Refused(RuleViolation)
        if source.balance_s - f["credit_s"] < self.policy.limit_s:
            return Refused(InsufficientCredit)
        assert f["transfer_id"] not in target.transfer_ids, "transfer ids are fresh"
        source.balance_s -= f["credit_s"]
        target.balance_s += f["credit_s"]
        source.transfer_ids.add(f["transfer_id"])
        target.transfer_ids.add(f["transfer_id"])
        events = [("HoursTransferredOut", src), ("HoursTransferredIn", dst)]
        return self._accept(("transfer", src, f["transfer_id"]), cmd, compared, events)

    def _adjust(self, f: dict[str, Any], cmd: Cmd, now: dt.datetime) -> Outcome:
        vid = f["volunteer_id"]
        v = self.volunteers.get(vid)
        if v is None:
            return Refused(NotFound)
        compared = {name: f[name] for name in CHANGEABLE["adjustment"]}
        repeat = self._repeat(("adjustment", vid, f["adjustment_id"]), compared)
        if repeat:
            return repeat
        credit = f["credit_s"]
        if credit == 0 or (f["kind"] == "expiry" and credit > 0):
            return Refused(RuleViolation)
        if credit < 0 and v.balance_s + credit < self.policy.limit_s:
            return Refused(InsufficientCredit)
        v.balance_s += credit
        key = ("adjustment", vid, f["adjustment_id"])
        return self._accept(key, cmd, compared, [("HoursAdjusted", vid)])

    def _deactivate(self, f: dict[str, Any], cmd: Cmd, now: dt.datetime) -> Outcome:
        vid = f["volunteer_id"]
        v = self.volunteers.get(vid)
        if v is None:
            return Refused(NotFound)
        if not v.active:
            return Accepted((), repeat_of=("deactivate", vid))
        v.active = False
        return self._accept(("deactivate", vid), cmd, {}, [("VolunteerDeactivated", vid)])

    def _certificate(self, f: dict[str, Any], cmd: Cmd, now: dt.datetime) -> Outcome:
        vid = f["volunteer_id"]
        v = self.volunteers.get(vid)
        if v is None:
            return Refused(NotFound)
        compared = {name: f[name] for name in (*CHANGEABLE["certificate"], "period_from")}
        key = ("certificate", vid, f["certificate_no"])
        repeat = self._repeat(key, compared)
        if repeat:
            return repeat
        if f["period_to"] < f["period_from"]:
            return Refused(RuleViolation)
        rows = sorted(
            (r.service_date, rid, r.counted_s)
            for rid, r in v.records.items()
            if r.counted_s > 0 and f["period_from"] <= r.service_date <= f["period_to"]
        )
        if not rows:
            return Refused(RuleViolation)  # nothing to certify
        return self._accept(
            key,
            cmd,
            compared,
            [("CertificateIssued", vid)],
            record_ids=tuple(rid for _, rid, _ in rows),
            total_s=sum(s for _, _, s in rows),
        )


# ---- folds over the stored events (the test's own, not the library's projections) ----------


@dataclass
class LogFold:
    """Hours and balances per volunteer, and hours per team, community and month, folded
    from the stored events in log order."""

    hours_s: Counter[UUID] = field(default_factory=Counter)
    balance_s: Counter[UUID] = field(default_factory=Counter)
    by_team: Counter[str] = field(default_factory=Counter)
    by_community: Counter[str] = field(default_factory=Counter)
    by_month: Counter[str] = field(default_factory=Counter)
    events_of: dict[UUID, list[Any]] = field(default_factory=lambda: defaultdict(list))

    @classmethod
    def of(cls, events: list[Any]) -> LogFold:
        fold = cls()
        recorded: dict[tuple[UUID, str], Any] = {}
        for e in events:
            fold.events_of[e.originator_id].append(e)
            name = type(e).__name__
            who = e.originator_id
            if name == "ServiceRecorded":
                recorded[(who, e.record_id)] = e
                continue
            if name in ("ServiceApproved", "ServiceCorrected", "ServiceVoided"):
                r = recorded[(who, e.record_id)]
                if name == "ServiceApproved":
                    seconds = e.duration_s if r.category == SERVICE else 0
                elif name == "ServiceCorrected":
                    seconds = e.delta_s
                else:
                    seconds = -e.counted_s
                fold.hours_s[who] += seconds
                fold.by_team[r.team] += seconds
                fold.by_community[r.community] += seconds
                fold.by_month[r.service_date.strftime("%Y-%m")] += seconds
            sign = {
                "HoursBanked": 1,
                "HoursRedeemed": -1,
                "HoursTransferredOut": -1,
                "HoursTransferredIn": 1,
                "HoursAdjusted": 1,
            }.get(name)
            if sign is not None:
                fold.balance_s[who] += sign * e.credit_s
        return fold


def _nonzero(counter: Counter[Any] | dict[Any, int]) -> dict[Any, int]:
    return {k: v for k, v in counter.items() if v}


# ---- the machine ----------------------------------------------------------------------------


class VolunteerMachine(RuleBasedStateMachine):
    """Random volunteer histories against a Ledger on ``store()``, checked against ``Model``."""

    cipher_key: ClassVar[bool] = False

    def __init__(self) -> None:
        super().__init__()
        self.clock = FixedClock(NOW)
        key = AESCipher.create_key(16) if self.cipher_key else ""
        self.ledger = Ledger(self.store(), cipher_key=key, clock=self.clock)
        self.model = Model()
        self.serial = 0
        self.originals: dict[Key, Any] = {}

    def store(self) -> str:
        """The store URL of this example's ledger (subclasses: SQLite, PostgreSQL)."""
        return "memory:"

    def teardown(self) -> None:
        self.ledger.close()

    # -- running commands and checking them against the model --

    def run(self, cmd: Cmd) -> Outcome:
        """Run one command through the Ledger's typed method; check what the model predicted."""
        # The model judges "the future" against NOW; the clock moves one second per command,
        # far less than the 30-minute grid of service times.
        assert self.clock.now < NOW + dt.timedelta(minutes=29)
        trial = copy.deepcopy(self.model)
        expected = trial.apply(cmd, self.clock.now + dt.timedelta(seconds=1))
        before = self.ledger.log_position()
        assert before == self.model.events
        refusal: LedgerError | None = None
        try:
            result = getattr(self.ledger, COMMANDS[cmd.kind])(**cmd.fields)
        except LedgerError as error:
            refusal = error
        if refusal is not None:
            assert isinstance(expected, Refused), (
                f"{cmd} was refused ({refusal!r}); the model expected {expected}"
            )
            assert type(refusal) is expected.error, f"{refusal!r}; expected {expected}"
            if isinstance(refusal, IdempotencyConflict):
                assert refusal.field in expected.fields, f"{refusal!r}; expected {expected}"
            assert self.ledger.log_position() == before, "a refused command recorded"
            overlap = " (overlap)" if "overlaps" in str(refusal) else ""
            event(f"refused {cmd.kind}: {type(refusal).__name__}{overlap}")
            return expected
        assert isinstance(expected, Accepted), (
            f"{cmd} was accepted ({result!r}); the model expected {expected}"
        )
        self.check_recorded(cmd, result, expected, before)
        event(f"{'repeated' if expected.repeat_of else 'accepted'} {cmd.kind}")
        self.model = trial
        return expected

    def check_recorded(self, cmd: Cmd, result: Any, expected: Accepted, before: int) -> None:
        """Exactly the predicted events, of the predicted aggregates, were stored; a repeat
        returned its original; the returned event carries what the model predicted."""
        new = self.events_after(before)
        owners = {
            **{v: volunteer_uuid(v) for v in VOLUNTEERS},
            **{a: activity_uuid(a) for a in ACTIVITIES},
            STATION: station_uuid(STATION),
        }
        sealer = self.ledger.commands.sealer
        claims = {
            owner: id_claim_uuid(sealer.id_claim(owner.removeprefix("claim:")))
            for _, owner in expected.events
            if owner.startswith("claim:")
        }
        owners.update(claims)
        got = Counter((type(e).__name__, e.originator_id) for e in new)
        want = Counter((name, owners[owner]) for name, owner in expected.events)
        assert got == want, f"{cmd}: stored {new}, expected {expected.events}"
        assert self.ledger.log_position() == before + len(expected.events)
        if expected.repeat_of is not None:
            original = self.originals.get(expected.repeat_of)
            assert result == original, f"{cmd}: a repeat returned {result!r}, not {original!r}"
            return
        assert result in new, "the returned event is not the one stored"
        assert (result.actor, result.occurred_on) == (
            cmd.fields["actor"],
            cmd.fields["occurred_on"],
        )
        for name, value in expected.returned:
            assert getattr(result, name) == value, (cmd, name, getattr(result, name), value)
        for e in new:
            if type(e).__name__ == "ServiceApproved" and cmd.kind == "record":
                assert e.actor == AUTO_APPROVER, e
            elif type(e).__name__ == "HoursBanked":
                assert e.actor in (AUTO_APPROVER, cmd.fields["actor"]), e
        for e in new:
            if type(e).__name__ == "ServiceApproved" and e.actor == AUTO_APPROVER:
                vid = next(v for v in VOLUNTEERS if volunteer_uuid(v) == e.originator_id)
                self.originals[("auto-approval", vid, e.record_id)] = e
            if type(e).__name__ == "HoursBanked":
                vid = next(v for v in VOLUNTEERS if volunteer_uuid(v) == e.originator_id)
                self.originals[("deposit", vid, e.record_id)] = e
        if expected.new_key is not None:
            # Voiding or deactivating again returns None ("nothing to do"), not the event.
            self.originals[expected.new_key] = (
                None if cmd.kind in ("void", "deactivate") else result
            )

    def events_after(self, position: int) -> list[Any]:
        """The stored events after log ``position``, decoded (not the whole log: with a
        cipher key every decode decrypts)."""
        notifications = self.ledger.recorder.select_notifications(start=position + 1, limit=100)
        return [self.ledger.mapper.to_domain_event(n) for n in notifications]

    # -- drawing --

    def key(self, prefix: str) -> str:
        """A fresh external key (record no., redemption id...)."""
        self.serial += 1
        return f"{prefix}-{self.serial}"

    @staticmethod
    def rarely(data: st.DataObject) -> bool:
        """True about one time in ten (Hypothesis shrinks towards the ordinary choice)."""
        return data.draw(st.integers(0, 9)) == 9

    def volunteer(self, data: st.DataObject) -> str:
        """Mostly a registered volunteer; sometimes any code, so an unknown one is named."""
        registered = sorted(self.model.volunteers)
        if registered and not self.rarely(data):
            return data.draw(st.sampled_from(registered))
        return data.draw(st.sampled_from(VOLUNTEERS))

    def a_record(
        self, data: st.DataObject, fits: Callable[[Rec], bool] = lambda r: True
    ) -> tuple[str, str]:
        """(volunteer, record id): mostly a record the command ``fits`` (an unapproved one to
        approve...), sometimes any recorded one, rarely one that does not exist."""
        recorded = sorted(
            (vid, rid) for vid, v in self.model.volunteers.items() for rid in v.records
        )
        if not recorded or self.rarely(data):
            return self.volunteer(data), "R-0"
        fitting = [(v, r) for v, r in recorded if fits(self.model.volunteers[v].records[r])]
        if fitting and data.draw(st.integers(0, 4)) < 4:
            return data.draw(st.sampled_from(fitting))
        return data.draw(st.sampled_from(recorded))

    def has_records(self) -> bool:
        return any(v.records for v in self.model.volunteers.values())

    def when(
        self, data: st.DataObject, vid: str, *, for_correction: bool = False
    ) -> dict[str, Any]:
        """The time served: an interval on the 30-minute grid (often next to or across one
        of the volunteer's timed records), or a duration with its date; sometimes zero,
        negative, over 24 hours or in the future."""
        day = data.draw(st.sampled_from(DATES))
        if self.rarely(data):
            day = FUTURE
        if data.draw(st.integers(0, 2)):  # two in three: an interval
            v = self.model.volunteers.get(vid)
            timed = sorted(
                (r.start, r.end)
                for r in (v.records.values() if v else ())
                if r.start is not None and r.end is not None and not r.voided
            )
            if timed and data.draw(st.integers(0, 2)):
                near, near_end = data.draw(st.sampled_from(timed))
                # From an hour before it to its very end: overlapping, or just adjacent.
                steps = int((near_end - near).total_seconds()) // 1800
                start = near + dt.timedelta(minutes=30 * data.draw(st.integers(-2, steps)))
            else:
                start = dt.datetime.combine(day, dt.time(8), tzinfo=CST) + dt.timedelta(
                    minutes=30 * data.draw(st.integers(0, 6))
                )
            length = dt.timedelta(minutes=data.draw(st.sampled_from(LENGTHS_MIN)))
            if self.rarely(data):
                length = data.draw(
                    st.sampled_from([dt.timedelta(0), -length, dt.timedelta(hours=25)])
                )
            return {"started_at": start, "ended_at": start + length}
        if not for_correction and data.draw(st.integers(0, 4)) == 0:
            # Service over several days (a camp): its last day (sometimes ahead of today),
            # and a time near 24 hours a day: below, exactly, just over.
            span = data.draw(st.integers(1, 3))
            seconds = data.draw(
                st.sampled_from((3600, 8 * 3600 * (span + 1), DAY_S * (span + 1) - 1))
            )
            if self.rarely(data):
                seconds = DAY_S * (span + 1) + 1
            return {
                "duration_s": seconds,
                "service_date": day,
                "ends_on": day + dt.timedelta(days=span),
            }
        seconds = data.draw(st.sampled_from(DURATIONS_S))
        if self.rarely(data):
            seconds = data.draw(st.sampled_from([0, -60, 24 * 3600 + 1]))
        if for_correction:
            return {"duration_s": seconds}
        if data.draw(st.integers(0, 4)) == 0 and seconds > 0:
            return {"duration_minutes": max(1, seconds // 60), "service_date": day}
        return {"duration_s": seconds, "service_date": day}

    def credit(self, data: st.DataObject, vid: str) -> int:
        """An amount near what the volunteer may spend (balance - limit): below, exact, above."""
        v = self.model.volunteers.get(vid)
        room = 0 if v is None else v.balance_s - self.model.policy.limit_s
        how = data.draw(st.sampled_from(("below", "below", "exact", "above", "any")))
        if how == "below":
            return data.draw(st.integers(1, max(1, room)))
        if how == "exact":
            return max(1, room)
        if how == "above":
            return room + 1 + data.draw(st.integers(0, 3600))
        return data.draw(st.integers(1, CREDIT_S_MAX))

    @staticmethod
    def cmd(command: str, actor: str = "王芳", /, **fields: Any) -> Cmd:
        return Cmd(command, {"actor": actor, "occurred_on": TODAY, **fields})

    # -- rules --

    @initialize(
        auto_approve=st.integers(0, 3),
        bank_automatic=st.integers(0, 2),
        rate_pct=st.sampled_from(RATES_PCT),
        limit_s=st.sampled_from(LIMITS_S),
    )
    def a_station(
        self, auto_approve: int, bank_automatic: int, rate_pct: int, limit_s: int
    ) -> None:
        """The station's policy, two volunteers and two service activities to start with
        (training and supervision come with the ``publish`` rule)."""
        self.set_policy_to(auto_approve == 3, bank_automatic == 2, rate_pct, limit_s)
        self.register_one("V1", "红马甲服务队")
        self.register_one("V2", "蓝天服务队")
        self.publish_one("A1")
        self.publish_one("A2")

    def set_policy_to(
        self, auto: bool, automatic: bool, rate: int, limit: int, actor: str = "刘军"
    ) -> None:
        self.run(
            self.cmd(
                "set_policy",
                actor,
                station_id=STATION,
                name="崔寨街道社工站",
                auto_approve=auto,
                bank_rate_pct=rate,
                bank_automatic=automatic,
                bank_limit_s=limit,
            )
        )

    def register_one(self, vid: str, team: str | None, consent: bool = True) -> None:
        n = VOLUNTEERS.index(vid) + 1
        outcome = self.run(
            self.cmd(
                "register",
                volunteer_id=vid,
                station_id=STATION,
                name=f"志愿者{n}",
                phone=f"1390000000{n}",
                id_number=f"3701021990010100{n}X",
                registered_on=dt.date(2024, 3, 1),
                consent=consent,
                team=team,
            )
        )
        assert isinstance(outcome, Accepted)

    def publish_one(self, code: str) -> None:
        category, community, place = ACTIVITIES[code]
        self.run(
            self.cmd(
                "publish",
                activity_id=code,
                station_id=STATION,
                name=f"活动{code}",
                category=category,
                community=community,
                place=place,
                organizer="崔寨街道社工站",
                leader="刘军",
                starts_at=dt.datetime(2024, 3, 1, 8, tzinfo=CST),
                ends_at=dt.datetime(2024, 12, 31, 18, tzinfo=CST),
            )
        )

    @precondition(lambda self: len(self.model.volunteers) < len(VOLUNTEERS))
    @rule(data=st.data())
    def register(self, data: st.DataObject) -> None:
        vid = data.draw(st.sampled_from([v for v in VOLUNTEERS if v not in self.model.volunteers]))
        self.register_one(vid, data.draw(st.sampled_from((*TEAMS, None))), data.draw(st.booleans()))

    @precondition(lambda self: 0 < len(self.model.volunteers) < len(VOLUNTEERS))
    @rule(data=st.data())
    def register_a_second_time(self, data: st.DataObject) -> None:
        """A clerk registers a person again under a new code, with the ID number another
        volunteer holds (spelt another way, sometimes): refused, nothing recorded."""
        vid = data.draw(st.sampled_from([v for v in VOLUNTEERS if v not in self.model.volunteers]))
        holder = data.draw(st.sampled_from(sorted(self.model.volunteers)))
        number = self.model.keys[("volunteer", holder)].fields["id_number"]
        if data.draw(st.booleans()):
            number = number.lower()[:6] + " " + number.lower()[6:]
        outcome = self.run(
            self.cmd(
                "register",
                volunteer_id=vid,
                station_id=STATION,
                name="志愿者",
                id_number=number,
                registered_on=dt.date(2024, 3, 1),
                consent=True,
                team=None,
            )
        )
        assert outcome == Refused(DuplicateIdNumber), outcome

    @precondition(lambda self: len(self.model.activities) < len(ACTIVITIES))
    @rule(data=st.data())
    def publish(self, data: st.DataObject) -> None:
        self.publish_one(
            data.draw(st.sampled_from([a for a in ACTIVITIES if a not in self.model.activities]))
        )

    @rule(data=st.data())
    def record(self, data: st.DataObject) -> None:
        self.run(self.record_cmd(data))

    @rule(data=st.data())
    def serve(self, data: st.DataObject) -> None:
        """A station's usual day: record service, a second person approves it, and the
        volunteer often banks it."""
        cmd = self.record_cmd(data)
        if not isinstance(self.run(cmd), Accepted):
            return
        vid, rid = cmd.fields["volunteer_id"], cmd.fields["record_id"]
        approver = data.draw(st.sampled_from([p for p in PEOPLE if p != cmd.fields["actor"]]))
        if self.model.volunteers[vid].records[rid].approver is None:
            self.run(self.cmd("approve", approver, volunteer_id=vid, record_id=rid))
        if data.draw(st.booleans()):
            self.run(self.cmd("bank", volunteer_id=vid, record_id=rid))

    def record_cmd(self, data: st.DataObject) -> Cmd:
        """A service record: mostly of a known volunteer and a published activity."""
        published = sorted(self.model.activities)
        activity = (
            data.draw(st.sampled_from(published))
            if not self.rarely(data)
            else data.draw(st.sampled_from(sorted(ACTIVITIES)))
        )
        vid = self.volunteer(data)
        fields = {
            "record_id": self.key("R"),
            "volunteer_id": vid,
            "activity_id": activity,
            **self.when(data, vid),
            "place": data.draw(st.sampled_from(("", "", "社区广场"))),
            "content": data.draw(st.sampled_from(("陪伴老人", "垃圾分类宣传"))),
            "team": data.draw(st.sampled_from(("", "", TEAMS[1]))),
        }
        return self.cmd("record", data.draw(st.sampled_from(PEOPLE)), **fields)

    @precondition(lambda self: self.has_records())
    @rule(data=st.data())
    def approve(self, data: st.DataObject) -> None:
        vid, rid = self.a_record(data, lambda r: r.approver is None and not r.voided)
        actor = data.draw(st.sampled_from(PEOPLE))
        self.run(self.cmd("approve", actor, volunteer_id=vid, record_id=rid))

    @precondition(lambda self: self.has_records())
    @rule(data=st.data())
    def correct(self, data: st.DataObject) -> None:
        vid, rid = self.a_record(data, lambda r: not r.voided and not r.banked)
        fields = {
            "volunteer_id": vid,
            "record_id": rid,
            "correction_id": self.key("C"),
            "reason": "志愿者反映时间有误",
            "requested_by": "志愿者本人",
            **self.when(data, vid, for_correction=True),
        }
        self.run(self.cmd("correct", data.draw(st.sampled_from(PEOPLE)), **fields))

    @precondition(lambda self: self.has_records())
    @rule(data=st.data())
    def void(self, data: st.DataObject) -> None:
        vid, rid = self.a_record(data, lambda r: not r.voided)
        self.run(self.cmd("void", volunteer_id=vid, record_id=rid, reason="重复录入"))

    @precondition(lambda self: self.has_records())
    @rule(data=st.data())
    def bank(self, data: st.DataObject) -> None:
        vid, rid = self.a_record(data, lambda r: r.counted_s > 0 and not r.banked)
        self.run(self.cmd("bank", volunteer_id=vid, record_id=rid))

    @rule(data=st.data())
    def redeem(self, data: st.DataObject) -> None:
        vid = self.volunteer(data)
        fields = {
            "volunteer_id": vid,
            "redemption_id": self.key("X"),
            "credit_s": self.credit(data, vid),
            "item": data.draw(st.sampled_from(("理发服务", "米面油"))),
            "quantity": data.draw(st.integers(1, 3)),
            "counterparty": "爱心超市",
        }
        actor = data.draw(st.sampled_from(PEOPLE))
        others = [p for p in PEOPLE if p != actor]
        approver = actor if self.rarely(data) else data.draw(st.sampled_from(others))
        self.run(self.cmd("redeem", actor, approver=approver, **fields))

    @rule(data=st.data())
    def transfer(self, data: st.DataObject) -> None:
        source = self.volunteer(data)
        others = [v for v in self.model.volunteers if v != source]
        target = self.volunteer(data) if not others or self.rarely(data) else None
        target = target or data.draw(st.sampled_from(sorted(others)))
        fields = {
            "volunteer_id": source,
            "transfer_id": self.key("T"),
            "to_volunteer_id": target,
            "credit_s": self.credit(data, source),
            "reason": "赠予家人",
        }
        self.run(self.cmd("transfer", **fields))

    @rule(data=st.data())
    def adjust(self, data: st.DataObject) -> None:
        vid = self.volunteer(data)
        kind = data.draw(st.sampled_from(("expiry", "expiry", "adjustment")))
        amount = self.credit(data, vid)
        sign = -1 if kind == "expiry" or data.draw(st.booleans()) else 1
        credit = sign * amount
        if self.rarely(data):
            credit = data.draw(st.sampled_from((0, amount)))  # zero, or an expiry that adds
        fields = {
            "volunteer_id": vid,
            "adjustment_id": self.key("J"),
            "credit_s": credit,
            "kind": kind,
            "authorised_by": "刘军",
            "reason": "年度清理",
        }
        self.run(self.cmd("adjust", **fields))

    @precondition(lambda self: bool(self.model.volunteers))
    @rule(data=st.data())
    def deactivate(self, data: st.DataObject) -> None:
        """Now and then a volunteer stops; often one with records still awaiting approval,
        whose approval is then refused where the station banks automatically."""
        if data.draw(st.integers(0, 2)):  # rarely: it ends most of a volunteer's story
            return
        waiting = sorted(
            vid
            for vid, v in self.model.volunteers.items()
            if any(r.approver is None and not r.voided for r in v.records.values())
        )
        if waiting and data.draw(st.booleans()):
            vid = data.draw(st.sampled_from(waiting))
        else:
            vid = self.volunteer(data)
        self.run(self.cmd("deactivate", volunteer_id=vid, reason="迁出"))

    @rule(
        data=st.data(),
        auto=st.booleans(),
        automatic=st.booleans(),
        rate=st.sampled_from(RATES_PCT),
        actor=st.sampled_from(("刘军", "王芳")),
    )
    def change_policy(
        self, data: st.DataObject, auto: bool, automatic: bool, rate: int, actor: str
    ) -> None:
        """The station changes its policy (the limit stays: it bounds every balance)."""
        if data.draw(st.integers(0, 3)):  # rarely: a policy is set once and kept
            return
        self.set_policy_to(auto, automatic, rate, self.model.policy.limit_s, actor)

    @rule(data=st.data())
    def certificate(self, data: st.DataObject) -> None:
        start = data.draw(st.sampled_from((dt.date(2024, 1, 1), dt.date(2024, 5, 1))))
        end = data.draw(st.sampled_from((TODAY, dt.date(2024, 5, 31), dt.date(2024, 4, 30))))
        serving = sorted(vid for vid, v in self.model.volunteers.items() if v.hours_s)
        vid = (
            data.draw(st.sampled_from(serving))
            if serving and not self.rarely(data)
            else self.volunteer(data)
        )
        fields = {
            "volunteer_id": vid,
            "certificate_no": self.key("ZM"),
            "period_from": start,
            "period_to": end,
            "issuing_station": "崔寨街道社工站",
        }
        self.run(self.cmd("certificate", data.draw(st.sampled_from(PEOPLE)), **fields))

    # -- repeats --

    @precondition(lambda self: bool(self.model.keys))
    @rule(data=st.data())
    def repeat_a_command(self, data: st.DataObject) -> None:
        """Repeating a recorded command exactly records nothing and returns the original."""
        keys = sorted(self.model.keys)
        kind = data.draw(st.sampled_from(sorted({k[0] for k in keys})))
        key = data.draw(st.sampled_from([k for k in keys if k[0] == kind]))
        cmd = self.model.keys[key]
        if key[0] == "volunteer" and data.draw(st.booleans()):
            # The same ID number written another way is the same person.
            written = cmd.fields["id_number"].lower()
            cmd = Cmd(cmd.kind, {**cmd.fields, "id_number": written[:6] + " " + written[6:]})
        outcome = self.run(cmd)
        assert outcome == Accepted((), repeat_of=key), outcome

    @precondition(lambda self: any(k[0] in CHANGEABLE for k in self.model.keys))
    @rule(data=st.data())
    def repeat_with_one_field_changed(self, data: st.DataObject) -> None:
        """The same key with one field changed is refused, naming that field; a second
        approver of an approved record is refused as a second approval."""
        keys = sorted(k for k in self.model.keys if k[0] in (*CHANGEABLE, "approval"))
        if not keys:
            return
        kind = data.draw(st.sampled_from(sorted({k[0] for k in keys})))
        key = data.draw(st.sampled_from([k for k in keys if k[0] == kind]))
        first = self.model.keys[key]
        if kind == "approval":
            if data.draw(st.booleans()):
                day = first.fields["occurred_on"] - dt.timedelta(days=1)
                outcome = self.run(Cmd(first.kind, {**first.fields, "occurred_on": day}))
                assert outcome == Refused(IdempotencyConflict, ("occurred_on",)), outcome
                return
            actor = data.draw(st.sampled_from([p for p in PEOPLE if p != first.fields["actor"]]))
            outcome = self.run(Cmd(first.kind, {**first.fields, "actor": actor}))
            assert outcome == Refused(InvalidTransition), outcome
            return
        if kind == "transfer" and data.draw(st.booleans()):
            # The receiver uses the id they received for a transfer back.
            back = {
                **first.fields,
                "volunteer_id": first.fields["to_volunteer_id"],
                "to_volunteer_id": first.fields["volunteer_id"],
            }
            outcome = self.run(Cmd(first.kind, back))
            assert isinstance(outcome, Refused), outcome
            assert outcome.error is InvalidTransition, outcome
            return
        name = data.draw(st.sampled_from(CHANGEABLE[kind]))
        fields = dict(first.fields)
        if name == "time":
            if fields.get("ended_at") is not None:
                fields["ended_at"] += dt.timedelta(minutes=30)
            elif fields.get("duration_minutes") is not None:
                fields["duration_minutes"] += 1
            else:
                fields["duration_s"] += 1
        elif name == "to_volunteer_id":
            # Another member who exists (the source included), so that only the key differs.
            others = sorted(v for v in self.model.volunteers if v != fields[name])
            fields[name] = data.draw(st.sampled_from(others))
        else:
            fields[name] = self.changed(name, fields[name])
        outcome = self.run(Cmd(first.kind, fields))
        assert isinstance(outcome, Refused), outcome
        assert outcome.error is IdempotencyConflict, outcome

    @staticmethod
    def changed(name: str, value: Any) -> Any:
        """A valid value for ``name`` that differs from ``value``."""
        if isinstance(value, bool):
            return not value
        if isinstance(value, dt.date):
            # The day before: a date after today would be refused before any comparison.
            return value - dt.timedelta(days=1)
        if isinstance(value, int):
            return value + 1 if value != -1 else -2
        if name == "actor":
            return next(p for p in (*PEOPLE, "刘军") if p != value)
        if name == "kind":
            return "adjustment" if value == "expiry" else "expiry"
        if name == "id_number":
            return value[:-1] + ("8" if value[-1] != "8" else "9")
        assert isinstance(value, str), (name, value)
        return value + "改"

    # -- invariants, after every step --

    @invariant()
    def the_ledger_agrees_with_the_model(self) -> None:
        """Every check below, on one read of the log and of each volunteer (reading is the
        expensive part, with a cipher key most of all)."""
        events = self.ledger.stored_events()
        assert len(events) == self.ledger.log_position() == self.model.events
        read = {}
        for vid in VOLUNTEERS:
            if vid in self.model.volunteers:
                read[vid] = self.ledger.volunteer(vid)
            else:
                with pytest.raises(NotFound):
                    self.ledger.volunteer(vid)
        fold = LogFold.of(events)
        self.volunteers_are_as_the_model_says(read)
        self.the_accounts_view_agrees_with_the_model(events)
        self.the_log_folds_to_the_same_hours_balances_and_totals(fold, read)
        self.replaying_the_log_gives_the_live_state(fold, read)

    def the_accounts_view_agrees_with_the_model(self, events: list[Any]) -> None:
        """The per-volunteer accounts view: 人次, service seconds, hours and balance."""
        accounts = VolunteerAccounts()
        for e in events:
            accounts.apply(e)
        got = {a.volunteer_id: a for a in volunteer_reports.accounts(accounts)}
        assert set(got) == set(self.model.volunteers)
        for vid, expected in self.model.volunteers.items():
            account = got[vid]
            counted = [
                r
                for r in expected.records.values()
                if r.approver is not None and not r.voided and r.category == SERVICE
            ]
            assert account.person_times == len(counted), vid
            assert account.service_s == expected.hours_s, vid
            assert account.hours == hours_2dp(expected.hours_s), vid
            assert account.bank_balance_s == expected.balance_s, vid
            assert account.active == expected.active, vid

    def volunteers_are_as_the_model_says(self, read: dict[str, Volunteer]) -> None:
        """Each volunteer's hours, balance, records and standing, as the model predicts."""
        for vid, expected in self.model.volunteers.items():
            state = read[vid].state
            assert state.active == expected.active
            assert state.teams == expected.teams
            assert state.service_s == expected.hours_s, (vid, state.service_s, expected.hours_s)
            assert state.bank_balance_s == expected.balance_s, vid
            assert state.bank_balance_s >= self.model.policy.limit_s, vid
            assert set(state.records) == set(expected.records), vid
            for rid, want in expected.records.items():
                r = state.records[rid]
                approver = r.approval.actor if r.approval is not None else None
                got = (r.counted_s, r.voided, r.banked is not None, r.duration_s, approver)
                assert got == (
                    want.counted_s,
                    want.voided,
                    want.banked,
                    want.duration_s,
                    want.approver,
                ), (vid, rid)
                assert (r.started_at, r.ended_at) == (want.start, want.end), (vid, rid)
                recorded = r.recorded
                assert (recorded.late, recorded.team, recorded.community) == (
                    want.late,
                    want.team,
                    want.community,
                ), (vid, rid)
                assert (recorded.category, recorded.service_date, recorded.ends_on) == (
                    want.category,
                    want.service_date,
                    want.ends_on,
                )
                assert r.counted_s >= 0
                assert r.counted_s == 0 or (r.approval is not None and not r.voided)
            # No day holds more than 24 hours of the volunteer's records that are not
            # voided, spread as the model spreads them (rule 38).
            totals: Counter[dt.date] = Counter()
            for want in expected.records.values():
                if not want.voided:
                    totals.update(spread(want.days(), want.duration_s))
            assert {d: t for d, t in state.day_s.items() if t} == _nonzero(totals), vid
            assert all(t <= DAY_S for t in state.day_s.values()), vid
            # No two unvoided records of one volunteer overlap.
            timed = sorted(
                (r.started_at, r.ended_at)
                for r in state.records.values()
                if not r.voided and r.started_at is not None and r.ended_at is not None
            )
            for (_, end), (start, _) in itertools.pairwise(timed):
                assert end <= start, (vid, timed)

    def the_log_folds_to_the_same_hours_balances_and_totals(
        self, fold: LogFold, read: dict[str, Volunteer]
    ) -> None:
        """approved - voided +- corrections per volunteer and per team, community and month;
        banked - redeemed +- transfers +- adjustments per volunteer; and every breakdown of
        the hours sums to the same grand total."""
        want_hours = {volunteer_uuid(v): m.hours_s for v, m in self.model.volunteers.items()}
        want_balance = {volunteer_uuid(v): m.balance_s for v, m in self.model.volunteers.items()}
        assert _nonzero(fold.hours_s) == _nonzero(want_hours)
        assert _nonzero(fold.balance_s) == _nonzero(want_balance)
        by: dict[str, Counter[str]] = {
            "team": Counter(),
            "community": Counter(),
            "month": Counter(),
        }
        for v in self.model.volunteers.values():
            for r in v.records.values():
                by["team"][r.team] += r.counted_s
                by["community"][r.community] += r.counted_s
                by["month"][r.service_date.strftime("%Y-%m")] += r.counted_s
        assert _nonzero(fold.by_team) == _nonzero(by["team"])
        assert _nonzero(fold.by_community) == _nonzero(by["community"])
        assert _nonzero(fold.by_month) == _nonzero(by["month"])
        total = sum(want_hours.values())
        assert total == sum(fold.hours_s.values())
        assert total == sum(fold.by_team.values())
        assert total == sum(fold.by_community.values())
        assert total == sum(fold.by_month.values())
        assert total == sum(v.state.service_s for v in read.values())

    def replaying_the_log_gives_the_live_state(
        self, fold: LogFold, read: dict[str, Volunteer]
    ) -> None:
        """Each volunteer rebuilt from its stored events equals what the ledger reads and what
        it holds live in its cache (after a refusal too)."""
        for vid, volunteer in read.items():
            uid = volunteer_uuid(vid)
            replayed = Volunteer(uid)
            for stored in fold.events_of[uid]:
                replayed.apply(stored)
            state = msgspec.msgpack.encode(replayed.state)
            assert volunteer.version == replayed.version
            assert msgspec.msgpack.encode(volunteer.state) == state, vid
            # The ledger's own cache is what the next command will act on.
            cached = self.ledger.commands.in_cache(uid)
            if cached is not None:
                assert isinstance(cached, Volunteer)
                assert cached.version == replayed.version
                assert not cached.has_pending
                assert msgspec.msgpack.encode(cached.state) == state, vid


# ---- one machine per backend ----------------------------------------------------------------


class SqliteMemoryVolunteerMachine(VolunteerMachine):
    """The machine on SQLite in memory, with a cipher key (events and personal data sealed)."""

    cipher_key = True

    def store(self) -> str:
        return "sqlite::memory:"


class SqliteFileVolunteerMachine(SqliteFileStore, VolunteerMachine):
    """The machine on a SQLite file in a temporary folder, removed afterwards."""


class PostgresVolunteerMachine(PostgresSchemaStore, VolunteerMachine):
    """The machine on PostgreSQL, in a schema of its own per example, dropped afterwards."""


def test_volunteer_machine_in_memory() -> None:
    run_state_machine_as_test(VolunteerMachine, settings=machine_settings(200, 25))


def test_volunteer_machine_on_sqlite_in_memory_with_a_key() -> None:
    run_state_machine_as_test(SqliteMemoryVolunteerMachine, settings=machine_settings(200, 25))


def test_volunteer_machine_on_a_sqlite_file() -> None:
    run_state_machine_as_test(SqliteFileVolunteerMachine, settings=machine_settings(200, 25))


@pytest.mark.postgres
def test_volunteer_machine_on_postgres() -> None:
    require_postgres()
    run_state_machine_as_test(PostgresVolunteerMachine, settings=machine_settings(50, 25))
