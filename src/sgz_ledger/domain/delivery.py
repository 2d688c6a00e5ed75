"""Service delivery: case work (个案), groups (小组), community activities (社区活动), and the
supervision and training of a station's staff (督导 / 培训).

Each case, group and community activity is an aggregate of its own, its id derived from
the station's code and the station's own number for it, so two stations may both have a
case ``2024-001``. A station's supervision and training records are one aggregate per
station. A served person's erasure is an aggregate per subject key (``served_uuid``), like
an individual donor's (``domain.donor``): nothing in it derives from the person's
identifier.

The rules (docs/rules.md, 45 to 49) live here: sessions are dated within the life of their
case or group, a closed case takes no session, counts are whole and not negative, the people
identified in a session are at most its attendance and each named once, and no session or
record lasts more than a day. Served people arrive here as references (the hex id of their
subject key), never as the identifier the station gave.
"""

from __future__ import annotations

import datetime as dt
import json
from functools import lru_cache
from typing import Any
from uuid import UUID, uuid5

from sgz_ledger.domain.aggregate import Aggregate, Stamp, check_same
from sgz_ledger.domain.errors import IdempotencyConflict, NotFound, RuleViolation
from sgz_ledger.domain.events import (
    CaseClosed,
    CaseOpened,
    CaseSessionRecorded,
    CommunityActivityCreated,
    CommunityActivitySessionHeld,
    DeliveryKind,
    GroupCreated,
    GroupSessionHeld,
    ServedPersonErased,
    SupervisionRecorded,
)
from sgz_ledger.domain.messages import Phrase, entry

__all__ = [
    "DAY_S",
    "AttendanceRefused",
    "Case",
    "CaseClosedError",
    "CommunityActivity",
    "DeliveryRefused",
    "DurationRefused",
    "Group",
    "OutsideLife",
    "ServedPerson",
    "SupervisionLog",
    "activity_uuid",
    "case_uuid",
    "group_uuid",
    "served_uuid",
    "supervision_uuid",
]

# A session, or a day's supervision, lasts at most a day.
DAY_S = 24 * 3600

_NAMESPACE = UUID("5d2b8f0e-93c4-4a1e-b6d7-2f4c8a9e1b63")


class DeliveryRefused(RuleViolation):
    """A record of service delivery breaks a rule (rules 45 to 49); nothing was recorded."""

    reason = "delivery_refused"


class CaseClosedError(DeliveryRefused):
    """The case is closed (结案): it takes no session and is not closed again (rule 45)."""

    reason = "case_closed"


class OutsideLife(DeliveryRefused):
    """A session dated before its case was opened or its group or activity set up (rule 45)."""

    reason = "outside_life"


class AttendanceRefused(DeliveryRefused):
    """More people identified than attended, or one person named twice (rule 46)."""

    reason = "attendance_refused"


class DurationRefused(DeliveryRefused):
    """A session or record longer than a day, or of no time (rule 47)."""

    reason = "duration_refused"


def _uuid(kind: str, station_id: str, code: str) -> UUID:
    # JSON keeps "a:b" + "c" apart from "a" + "b:c".
    return uuid5(_NAMESPACE, json.dumps([kind, station_id, code], ensure_ascii=False))


@lru_cache(maxsize=65_536)
def case_uuid(station_id: str, case_id: str) -> UUID:
    """The aggregate id of case ``case_id`` of station ``station_id``."""
    return _uuid("case", station_id, case_id)


@lru_cache(maxsize=65_536)
def group_uuid(station_id: str, group_id: str) -> UUID:
    """The aggregate id of group ``group_id`` of station ``station_id``."""
    return _uuid("group", station_id, group_id)


@lru_cache(maxsize=65_536)
def activity_uuid(station_id: str, activity_id: str) -> UUID:
    """The aggregate id of community activity ``activity_id`` of station ``station_id``."""
    return _uuid("community-activity", station_id, activity_id)


@lru_cache(maxsize=4096)
def supervision_uuid(station_id: str) -> UUID:
    """The aggregate id of station ``station_id``'s supervision and training records."""
    return _uuid("supervision", station_id, "")


@lru_cache(maxsize=65_536)
def served_uuid(key_id: bytes) -> UUID:
    """The aggregate id of the served person whose subject key is ``key_id``."""
    return uuid5(_NAMESPACE, "served-key:" + key_id.hex())


def _check_duration(duration_s: int, what: Phrase) -> None:
    if duration_s <= 0:
        raise DurationRefused("duration_none", what=what, duration_s=duration_s)
    if duration_s > DAY_S:
        raise DurationRefused("duration_over_a_day", what=what, duration_s=duration_s)


def _check_count(count: int, what: Phrase) -> None:
    if isinstance(count, bool) or not isinstance(count, int) or count < 0:
        raise AttendanceRefused("count_not_whole", what=what, count=count)


def _check_refs(refs: tuple[str, ...], count: int, what: Phrase) -> None:
    """The people identified: each once, and no more than ``count`` attended (rule 46)."""
    _check_count(count, what)
    if len(set(refs)) != len(refs):
        raise AttendanceRefused("identified_twice_in", what=what)
    if len(refs) > count:
        raise AttendanceRefused(
            "identified_over_count_in", what=what, identified=len(refs), count=count
        )


def _repeat_refs(
    key: Phrase, recorded: tuple[str, ...], given: tuple[str | None, ...], erased: frozenset[str]
) -> None:
    """A repeat's people: as many as recorded, each found among them; ``None`` (an
    identifier that leads to no key) only for as many of them as were erased since, whom
    nothing can compare any more."""
    if len(given) != len(recorded):
        raise IdempotencyConflict(key, "identified", len(recorded), len(given))
    found = {ref for ref in given if ref is not None}
    unknown = len(given) - len(found)
    if not found <= set(recorded) or unknown > len(erased & set(recorded)):
        raise IdempotencyConflict(key, "identified", recorded, given, shown=False)


class Case(Aggregate):
    """One case (个案): opened, its sessions, closed."""

    def __init__(self, id: UUID) -> None:
        super().__init__(id)
        self.opened: CaseOpened | None = None
        self.sessions: dict[str, CaseSessionRecorded] = {}
        self.closed: CaseClosed | None = None
        self.last_session_on: dt.date | None = None

    def _mutate(self, event: Any) -> None:
        match event:
            case CaseOpened():
                self.opened = event
            case CaseSessionRecorded():
                self.sessions[event.session_id] = event
                if self.last_session_on is None or event.occurred_on > self.last_session_on:
                    self.last_session_on = event.occurred_on
            case CaseClosed():
                self.closed = event
            case _:  # pragma: no cover - every case event is matched above
                raise AssertionError(f"unhandled event {type(event).__name__}")

    @classmethod
    def open(
        cls,
        stamp: Stamp,
        *,
        station_id: str,
        case_id: str,
        social_worker: str,
        served_ref: str,
        project_id: str,
        budget_line: str,
    ) -> Case:
        """A new case, opened (建档) on the stamp's date."""
        case = cls(case_uuid(station_id, case_id))
        case._trigger(
            CaseOpened,
            stamp,
            station_id=station_id,
            case_id=case_id,
            social_worker=social_worker,
            served_ref=served_ref,
            project_id=project_id,
            budget_line=budget_line,
        )
        return case

    def repeat_open(
        self,
        stamp: Stamp,
        *,
        social_worker: str,
        served_ref: str | None,
        identified: bool,
        project_id: str,
        budget_line: str,
        erased: frozenset[str] = frozenset(),
    ) -> CaseOpened:
        """Opening the case again: the first opening if every field is the same
        (``served_ref`` ``None``: the identifier given leads to no key, its person erased)."""
        opened = self.opened
        assert opened is not None
        key = entry("case", opened.case_id)
        given: tuple[str | None, ...] = (served_ref,) if identified else ()
        _repeat_refs(key, (opened.served_ref,) if opened.served_ref else (), given, erased)
        fields = {"social_worker": social_worker, "project_id": project_id}
        return self._repeat(key, opened, stamp, **fields, budget_line=budget_line)

    def record_session(
        self,
        stamp: Stamp,
        *,
        session_id: str,
        duration_s: int,
        worker: str,
        content: str,
        project_id: str,
        budget_line: str,
    ) -> CaseSessionRecorded:
        """A session of the case on the stamp's date (one 人次)."""
        opened = self.opened
        assert opened is not None
        fields = {
            "duration_s": duration_s,
            "worker": worker,
            "content": content,
            "project_id": project_id,
            "budget_line": budget_line,
        }
        recorded = self.sessions.get(session_id)
        if recorded is not None:
            key = Phrase("entry_session_of", key=session_id, what="case", code=opened.case_id)
            return self._repeat(key, recorded, stamp, **fields)
        # A session of the case's life entered after its closing (the file kept late) is
        # taken; one dated after the closing is a session of no case.
        if self.closed is not None and stamp.occurred_on > self.closed.occurred_on:
            raise CaseClosedError(None, case_id=opened.case_id, closed_on=self.closed.occurred_on)
        if stamp.occurred_on < opened.occurred_on:
            raise OutsideLife(
                "session_before_opening",
                day=stamp.occurred_on,
                case_id=opened.case_id,
                opened_on=opened.occurred_on,
            )
        _check_duration(duration_s, entry("session", session_id))
        return self._trigger(
            CaseSessionRecorded,
            stamp,
            station_id=opened.station_id,
            case_id=opened.case_id,
            session_id=session_id,
            **fields,
        )

    def close(self, stamp: Stamp, *, reason: str) -> CaseClosed:
        """Close the case (结案) on the stamp's date."""
        opened = self.opened
        assert opened is not None
        if self.closed is not None:
            if self.closed.reason == reason and self.closed.occurred_on == stamp.occurred_on:
                return self.closed
            raise CaseClosedError(None, case_id=opened.case_id, closed_on=self.closed.occurred_on)
        last = max(opened.occurred_on, self.last_session_on or opened.occurred_on)
        if stamp.occurred_on < last:
            raise OutsideLife(
                "close_before_last_session",
                case_id=opened.case_id,
                day=stamp.occurred_on,
                last=last,
            )
        return self._trigger(
            CaseClosed,
            stamp,
            station_id=opened.station_id,
            case_id=opened.case_id,
            reason=reason,
            project_id=opened.project_id,
            budget_line=opened.budget_line,
        )


class _Gathering(Aggregate):
    """What a group and a community activity share: set up once, then sessions that
    count their attendance."""

    created_type: type[GroupCreated] | type[CommunityActivityCreated]
    session_type: type[GroupSessionHeld] | type[CommunityActivitySessionHeld]
    what: str

    def __init__(self, id: UUID) -> None:
        super().__init__(id)
        self.created: Any = None
        self.sessions: dict[str, Any] = {}

    def _mutate(self, event: Any) -> None:
        if isinstance(event, self.created_type):
            self.created = event
        elif isinstance(event, self.session_type):
            self.sessions[event.session_id] = event
        else:  # pragma: no cover - every event of the aggregate is matched above
            raise AssertionError(f"unhandled event {type(event).__name__}")

    @property
    def code(self) -> str:
        raise NotImplementedError

    def repeat_create(self, *, name: str, theme: str, project_id: str, budget_line: str) -> Any:
        """Setting it up again: the first setting up if its description is the same, whatever
        the date (a sheet of later sessions names it again)."""
        given = {"name": name, "theme": theme, "project_id": project_id}
        key = Phrase("entry_set_up", what=self.what, key=self.code)
        check_same(key, self.created, given)
        check_same(key, self.created, {"budget_line": budget_line})
        return self.created

    def _session(
        self,
        stamp: Stamp,
        *,
        session_id: str,
        duration_s: int,
        count: int,
        refs: tuple[str | None, ...],
        content: str,
        project_id: str,
        budget_line: str,
        count_field: str,
        refs_field: str,
        erased: frozenset[str],
    ) -> Any:
        created = self.created
        assert created is not None
        key = Phrase("entry_session_of", key=session_id, what=self.what, code=self.code)
        fields = {
            "duration_s": duration_s,
            count_field: count,
            "content": content,
            "project_id": project_id,
            "budget_line": budget_line,
        }
        recorded = self.sessions.get(session_id)
        if recorded is not None:
            _repeat_refs(key, getattr(recorded, refs_field), refs, erased)
            return self._repeat(key, recorded, stamp, **fields)
        if stamp.occurred_on < created.occurred_on:
            raise OutsideLife(
                "session_before_set_up",
                day=stamp.occurred_on,
                what=self.what,
                code=self.code,
                created_on=created.occurred_on,
            )
        _check_duration(duration_s, key)
        known = tuple(ref for ref in refs if ref is not None)
        assert len(known) == len(refs), "a new session's people all have keys"
        _check_refs(known, count, key)
        return self._trigger(
            self.session_type,
            stamp,
            station_id=created.station_id,
            session_id=session_id,
            **{self.code_field: self.code, refs_field: known},
            **fields,
        )

    code_field: str


class Group(_Gathering):
    """One group (小组): set up, then its sessions (节), each with its participants."""

    created_type = GroupCreated
    session_type = GroupSessionHeld
    what = "group"
    code_field = "group_id"

    @property
    def code(self) -> str:
        return str(self.created.group_id)

    @classmethod
    def create(
        cls,
        stamp: Stamp,
        *,
        station_id: str,
        group_id: str,
        name: str,
        theme: str,
        project_id: str,
        budget_line: str,
    ) -> Group:
        """A new group, set up on the stamp's date."""
        group = cls(group_uuid(station_id, group_id))
        group._trigger(
            GroupCreated,
            stamp,
            station_id=station_id,
            group_id=group_id,
            name=name,
            theme=theme,
            project_id=project_id,
            budget_line=budget_line,
        )
        return group

    def hold_session(
        self,
        stamp: Stamp,
        *,
        session_id: str,
        duration_s: int,
        participants: int,
        participant_refs: tuple[str | None, ...],
        content: str,
        project_id: str,
        budget_line: str,
        erased: frozenset[str] = frozenset(),
    ) -> GroupSessionHeld:
        """A session of the group on the stamp's date: ``participants`` 人次 (``erased``: the
        served references erased, for comparing a repeat)."""
        event: GroupSessionHeld = self._session(
            stamp,
            session_id=session_id,
            duration_s=duration_s,
            count=participants,
            refs=participant_refs,
            content=content,
            project_id=project_id,
            budget_line=budget_line,
            count_field="participants",
            refs_field="participant_refs",
            erased=erased,
        )
        return event


class CommunityActivity(_Gathering):
    """One community activity (社区活动): set up, then its sessions with their attendance."""

    created_type = CommunityActivityCreated
    session_type = CommunityActivitySessionHeld
    what = "community_activity"
    code_field = "activity_id"

    @property
    def code(self) -> str:
        return str(self.created.activity_id)

    @classmethod
    def create(
        cls,
        stamp: Stamp,
        *,
        station_id: str,
        activity_id: str,
        name: str,
        theme: str,
        project_id: str,
        budget_line: str,
    ) -> CommunityActivity:
        """A new community activity, set up on the stamp's date."""
        activity = cls(activity_uuid(station_id, activity_id))
        activity._trigger(
            CommunityActivityCreated,
            stamp,
            station_id=station_id,
            activity_id=activity_id,
            name=name,
            theme=theme,
            project_id=project_id,
            budget_line=budget_line,
        )
        return activity

    def hold_session(
        self,
        stamp: Stamp,
        *,
        session_id: str,
        duration_s: int,
        attendance: int,
        attendee_refs: tuple[str | None, ...],
        content: str,
        project_id: str,
        budget_line: str,
        erased: frozenset[str] = frozenset(),
    ) -> CommunityActivitySessionHeld:
        """A session of the activity on the stamp's date: ``attendance`` 人次."""
        event: CommunityActivitySessionHeld = self._session(
            stamp,
            session_id=session_id,
            duration_s=duration_s,
            count=attendance,
            refs=attendee_refs,
            content=content,
            project_id=project_id,
            budget_line=budget_line,
            count_field="attendance",
            refs_field="attendee_refs",
            erased=erased,
        )
        return event


class SupervisionLog(Aggregate):
    """A station's supervision and training of its staff (督导 / 培训), by record id."""

    def __init__(self, id: UUID) -> None:
        super().__init__(id)
        self.records: dict[str, SupervisionRecorded] = {}

    def _mutate(self, event: Any) -> None:
        assert isinstance(event, SupervisionRecorded)
        self.records[event.record_id] = event

    def record(
        self,
        stamp: Stamp,
        *,
        station_id: str,
        record_id: str,
        kind: DeliveryKind,
        count: int,
        duration_s: int,
        supervisor: str,
        note: str,
        project_id: str,
        budget_line: str,
    ) -> SupervisionRecorded:
        """A record of ``count`` sessions of supervision or training on the stamp's date."""
        fields = {
            "kind": kind,
            "count": count,
            "duration_s": duration_s,
            "supervisor": supervisor,
            "note": note,
            "project_id": project_id,
            "budget_line": budget_line,
        }
        recorded = self.records.get(record_id)
        if recorded is not None:
            return self._repeat(entry("supervision_record", record_id), recorded, stamp, **fields)
        _check_count(count, Phrase("the_count_of_record", key=record_id))
        if count == 0:
            raise DeliveryRefused("record_counts_nothing", record_id=record_id)
        _check_duration(duration_s, entry("record", record_id))
        return self._trigger(
            SupervisionRecorded, stamp, station_id=station_id, record_id=record_id, **fields
        )


class ServedPerson(Aggregate):
    """One served person's subject key: ``erased`` once its erasure is recorded."""

    def __init__(self, id: UUID) -> None:
        super().__init__(id)
        self.erased: ServedPersonErased | None = None

    def _mutate(self, event: Any) -> None:
        assert isinstance(event, ServedPersonErased)
        self.erased = event

    @classmethod
    def erase(
        cls, stamp: Stamp, *, station_id: str, key_id: bytes, reason: str, requested_by: str
    ) -> ServedPerson:
        """A new aggregate recording the erasure of the served person keyed ``key_id``."""
        person = cls(served_uuid(key_id))
        person._trigger(
            ServedPersonErased,
            stamp,
            station_id=station_id,
            key_id=key_id.hex(),
            reason=reason,
            requested_by=requested_by,
        )
        return person


def require(found: Any, kind: str, code: str) -> None:
    """Refuse a command naming a case, group or activity that was never set up."""
    if found is None:
        raise NotFound(kind, code)
