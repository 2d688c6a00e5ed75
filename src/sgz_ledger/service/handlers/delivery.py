"""Service delivery (``domain.delivery``): the served people's keys are found or made here,
the rules checked by the aggregates.

A served person the station identifies (a resident number, a phone number) is given a
subject key of their own, found again by a keyed hash of the identifier kept only in the
key's row (``PersonalDataSealer.served_subjects``, which in a copied store also gives the
subject a person served before the copy has), as an individual donor's is by their name.
Events hold the key's random id (the served reference). Erasing the person records
``ServedPersonErased`` for each of their keys and destroys them: from then on nothing leads
from the identifier to their sessions, which keep counting under their references.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sgz_ledger.domain.aggregate import Stamp
from sgz_ledger.domain.delivery import (
    AttendanceRefused,
    Case,
    CommunityActivity,
    Group,
    ServedPerson,
    SupervisionLog,
    activity_uuid,
    case_uuid,
    group_uuid,
    require,
    served_uuid,
    supervision_uuid,
)
from sgz_ledger.domain.errors import InvalidInput, NotFound
from sgz_ledger.domain.events import (
    CaseClosed,
    CaseOpened,
    CaseSessionRecorded,
    CommunityActivityCreated,
    CommunityActivitySessionHeld,
    GroupCreated,
    GroupSessionHeld,
    ServedPersonErased,
    SupervisionRecorded,
)
from sgz_ledger.service import commands as b
from sgz_ledger.service.handlers.projects import check_project_use
from sgz_ledger.service.unit_of_work import Handler, UnitOfWork

__all__ = ["HANDLERS", "served_ref"]


def _erased(work: UnitOfWork, key_id: bytes) -> bool:
    return work.find(served_uuid(key_id), ServedPerson) is not None


def served_ref(
    work: UnitOfWork, identifier: str, created: dt.datetime, *, make: bool
) -> str | None:
    """The served reference (hex key id) of the person ``identifier`` names: their key made
    in this unit of work, or stored and not erased; else a new one (``make``) or ``None``."""
    subjects = work.sealer.served_subjects(identifier)
    for key in work.new_keys.values():
        if key.subject in subjects:
            return key.key_id.hex()
    for subject in subjects:
        for key_id in sorted(work.subject_keys.key_ids(subject)):
            if not _erased(work, key_id):
                return key_id.hex()
    if not make:
        return None
    work.sealer.warn_if_clear()
    return work.new_key(subjects[0], created).key_id.hex()


def _refs(
    work: UnitOfWork, identified: tuple[str, ...], count: int, stamp: Stamp, *, make: bool
) -> tuple[str | None, ...]:
    # Checked before any key is made: a refused session leaves no key behind.
    if len(identified) > count:
        raise AttendanceRefused("identified_over_count", identified=len(identified), count=count)
    refs = tuple(served_ref(work, i, stamp.recorded_at, make=make) for i in identified)
    known = [r for r in refs if r is not None]
    if len(set(known)) != len(known):
        raise AttendanceRefused("identified_twice")
    return refs


def _erased_refs(work: UnitOfWork, refs: tuple[str, ...]) -> frozenset[str]:
    """Which of a recorded entry's served references were erased (a repeat's comparison)."""
    return frozenset(ref for ref in refs if _erased(work, bytes.fromhex(ref)))


def _refuse_identifier_in(identifiers: tuple[str, ...], texts: list[tuple[str, str]]) -> None:
    """What is stored in clear must not hold an identifier it was asked to keep sealed."""
    for ident in identifiers:
        for field, text in texts:
            if ident and ident in text:
                raise InvalidInput.on(field, "holds_served_identifier")


def _open_case(work: UnitOfWork, c: b.OpenCase, stamp: Stamp) -> CaseOpened:
    _refuse_identifier_in((c.served_person,), [("social_worker", c.social_worker)])
    case = work.find(case_uuid(c.station_id, c.case_id), Case)
    identified = bool(c.served_person)
    charged = {"project_id": c.project_id, "budget_line": c.budget_line}
    if case is not None:
        ref = served_ref(work, c.served_person, stamp.recorded_at, make=False) if identified else ""
        assert case.opened is not None
        recorded = (case.opened.served_ref,) if case.opened.served_ref else ()
        return case.repeat_open(
            stamp,
            social_worker=c.social_worker,
            served_ref=ref,
            identified=identified,
            **charged,
            erased=_erased_refs(work, recorded),
        )
    ref = served_ref(work, c.served_person, stamp.recorded_at, make=True) if identified else ""
    assert ref is not None
    case = Case.open(
        stamp,
        station_id=c.station_id,
        case_id=c.case_id,
        social_worker=c.social_worker,
        served_ref=ref,
        **charged,
    )
    work.add(case)
    assert case.opened is not None
    return case.opened


def _case(work: UnitOfWork, station_id: str, case_id: str) -> Case:
    case = work.find(case_uuid(station_id, case_id), Case)
    require(case, "case", case_id)
    assert case is not None
    return case


def _case_session(work: UnitOfWork, c: b.RecordCaseSession, stamp: Stamp) -> CaseSessionRecorded:
    return _case(work, c.station_id, c.case_id).record_session(
        stamp,
        session_id=c.session_id,
        duration_s=c.duration_s,
        worker=c.worker,
        content=c.content,
        project_id=c.project_id,
        budget_line=c.budget_line,
    )


def _close_case(work: UnitOfWork, c: b.CloseCase, stamp: Stamp) -> CaseClosed:
    return _case(work, c.station_id, c.case_id).close(stamp, reason=c.reason)


def _create_group(work: UnitOfWork, c: b.CreateGroup, stamp: Stamp) -> GroupCreated:
    fields = {"name": c.name, "theme": c.theme, "project_id": c.project_id}
    group = work.find(group_uuid(c.station_id, c.group_id), Group)
    if group is not None:
        created: GroupCreated = group.repeat_create(**fields, budget_line=c.budget_line)
        return created
    group = Group.create(
        stamp, station_id=c.station_id, group_id=c.group_id, **fields, budget_line=c.budget_line
    )
    work.add(group)
    assert isinstance(group.created, GroupCreated)
    return group.created


def _group_session(work: UnitOfWork, c: b.HoldGroupSession, stamp: Stamp) -> GroupSessionHeld:
    group = work.find(group_uuid(c.station_id, c.group_id), Group)
    require(group, "group", c.group_id)
    assert group is not None
    _refuse_identifier_in(c.identified, [("content", c.content)])
    recorded = group.sessions.get(c.session_id)
    refs = _refs(work, c.identified, c.participants, stamp, make=recorded is None)
    erased = frozenset() if recorded is None else _erased_refs(work, recorded.participant_refs)
    return group.hold_session(
        stamp,
        session_id=c.session_id,
        duration_s=c.duration_s,
        participants=c.participants,
        participant_refs=refs,
        content=c.content,
        project_id=c.project_id,
        budget_line=c.budget_line,
        erased=erased,
    )


def _create_activity(
    work: UnitOfWork, c: b.CreateCommunityActivity, stamp: Stamp
) -> CommunityActivityCreated:
    fields = {"name": c.name, "theme": c.theme, "project_id": c.project_id}
    activity = work.find(activity_uuid(c.station_id, c.activity_id), CommunityActivity)
    if activity is not None:
        created: CommunityActivityCreated = activity.repeat_create(
            **fields, budget_line=c.budget_line
        )
        return created
    activity = CommunityActivity.create(
        stamp,
        station_id=c.station_id,
        activity_id=c.activity_id,
        **fields,
        budget_line=c.budget_line,
    )
    work.add(activity)
    assert isinstance(activity.created, CommunityActivityCreated)
    return activity.created


def _activity_session(
    work: UnitOfWork, c: b.HoldCommunityActivitySession, stamp: Stamp
) -> CommunityActivitySessionHeld:
    activity = work.find(activity_uuid(c.station_id, c.activity_id), CommunityActivity)
    require(activity, "community_activity", c.activity_id)
    assert activity is not None
    _refuse_identifier_in(c.identified, [("content", c.content)])
    recorded = activity.sessions.get(c.session_id)
    refs = _refs(work, c.identified, c.attendance, stamp, make=recorded is None)
    erased = frozenset() if recorded is None else _erased_refs(work, recorded.attendee_refs)
    return activity.hold_session(
        stamp,
        session_id=c.session_id,
        duration_s=c.duration_s,
        attendance=c.attendance,
        attendee_refs=refs,
        content=c.content,
        project_id=c.project_id,
        budget_line=c.budget_line,
        erased=erased,
    )


def _supervision(work: UnitOfWork, c: b.RecordSupervision, stamp: Stamp) -> SupervisionRecorded:
    uid = supervision_uuid(c.station_id)
    log = work.find(uid, SupervisionLog)
    if log is None:
        log = SupervisionLog(uid)
        work.add(log)
    return log.record(
        stamp,
        station_id=c.station_id,
        record_id=c.record_id,
        kind=c.kind,
        count=c.count,
        duration_s=c.duration_s,
        supervisor=c.supervisor,
        note=c.note,
        project_id=c.project_id,
        budget_line=c.budget_line,
    )


def _erase_served(work: UnitOfWork, c: b.EraseServedPerson, stamp: Stamp) -> ServedPersonErased:
    subjects = work.sealer.served_subjects(c.served_person)
    found = {s: set(work.subject_keys.key_ids(s)) for s in subjects}
    for k in work.new_keys.values():
        if k.subject in found:
            found[k.subject].add(k.key_id)
    key_ids = set().union(*found.values())
    if not key_ids:
        raise NotFound("served_person", c.served_person, shown=False)
    texts = [("requested_by", c.requested_by), ("reason", c.reason), ("actor", c.actor)]
    _refuse_identifier_in((c.served_person,), texts)
    first: ServedPersonErased | None = None
    before: ServedPersonErased | None = None
    for key_id in sorted(key_ids):
        person = work.find(served_uuid(key_id), ServedPerson)
        if person is not None:  # erased before, its key not yet destroyed
            assert person.erased is not None
            before = before or person.erased
            continue
        person = ServedPerson.erase(
            stamp,
            station_id=c.station_id,
            key_id=key_id,
            reason=c.reason,
            requested_by=c.requested_by,
        )
        work.add(person)
        assert person.erased is not None
        first = first or person.erased
    work.shred.extend((s, tuple(sorted(ids))) for s, ids in found.items())
    result = first or before
    assert result is not None
    return result


def _charged(handler: Handler) -> Handler:
    """``handler`` behind the projects' rule 41: a record naming a project and a budget line
    is refused unless they fit it (the same station's open project, its period holding the
    record's date, the line its own)."""

    def checked(work: UnitOfWork, c: Any, stamp: Stamp) -> Any:
        check_project_use(
            work,
            project_id=c.project_id,
            budget_line=c.budget_line,
            station_id=c.station_id,
            days=(c.occurred_on,),
        )
        return handler(work, c, stamp)

    return checked


HANDLERS: dict[type[b.Command[Any]], Handler] = {
    b.OpenCase: _charged(_open_case),
    b.RecordCaseSession: _charged(_case_session),
    b.CloseCase: _close_case,
    b.CreateGroup: _charged(_create_group),
    b.HoldGroupSession: _charged(_group_session),
    b.CreateCommunityActivity: _charged(_create_activity),
    b.HoldCommunityActivitySession: _charged(_activity_session),
    b.RecordSupervision: _charged(_supervision),
    b.EraseServedPerson: _erase_served,
}
