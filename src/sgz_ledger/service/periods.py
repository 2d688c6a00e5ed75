"""Closed periods at the command boundary: the one check every command passes (rule 33),
and the anchors publications and closings record (rules 32, 33).

``check_closed_period`` runs after each command's handler, in the same unit of work
(``CommandRunner`` calls it for every command: the API, ``execute_batch``, every sheet and
the command line alike). A command that recorded an event dated in a period its station
closed is refused (``PeriodClosedError``, nothing recorded) unless it carries a correction
note; with one, a ``ClosedPeriodCorrected`` on the station's periods aggregate names the
event, and the station's next disclosure and annual report list it as 更正说明 (rule 34).

Why after the handler rather than before: the correction names the event recorded (its
type, aggregate and version), which only the handler knows; and a command that records
nothing (a repeat of what was recorded before the closing, an import run again) changes
no closed figure and passes. A refusal after the handler records nothing all the same: the
unit of work is dropped whole.
"""

from __future__ import annotations

from typing import Any, cast

from sgz_ledger.domain.aggregate import Stamp
from sgz_ledger.domain.errors import InvalidInput, PeriodClosedError
from sgz_ledger.domain.events import (
    DonorErased,
    IdNumberClaimed,
    LedgerEvent,
    PeriodClosed,
    PersonalDataErased,
    ServedPersonErased,
    ServiceApproved,
    ServiceCorrected,
    ServiceRecorded,
    ServiceVoided,
    StationEvent,
)
from sgz_ledger.domain.periods import StationPeriods, periods_uuid
from sgz_ledger.domain.volunteer import Volunteer
from sgz_ledger.service import commands as b
from sgz_ledger.service.stations import station_of
from sgz_ledger.service.unit_of_work import UnitOfWork
from sgz_ledger.storage.chain import ALGORITHM_HMAC, Anchor
from sgz_ledger.storage.recorders import ChainedRecorder

__all__ = ["check_closed_period", "checked_anchor", "store_anchor"]


# Events a closed period does not refuse: a station's own settings (its policy, its
# register of people, its publications, closings and corrections), which change no figure
# of any period; an ID number's claim (``upgrade`` claims those of volunteers registered
# before claims, dated the day it runs); and an erasure, which changes no figure either and
# is the person's right (个人信息保护法 Art. 47) whatever date it is entered under. Service
# delivery (cases, groups, supervision) is figures, and is held.
_NOT_CLOSED_BY_A_PERIOD = (
    StationEvent,
    IdNumberClaimed,
    PersonalDataErased,
    DonorErased,
    ServedPersonErased,
)


def _recorded_here(work: UnitOfWork, result: Any) -> bool:
    """Whether ``result`` is an event this unit of work recorded (not a repeat's)."""
    if not isinstance(result, LedgerEvent):
        return False
    return result.originator_version > work.loaded_versions.get(result.originator_id, 0)


def check_closed_period(
    work: UnitOfWork, command: b.Command[Any], stamp: Stamp, result: Any
) -> None:
    """Refuse ``command``'s new event when dated in a closed period of its station, unless
    the command carries a correction note; with one, record what it corrected (rule 33).

    Raises:
        PeriodClosedError: dated in a closed period, without a correction note.
    """
    if not _recorded_here(work, result) or isinstance(result, _NOT_CLOSED_BY_A_PERIOD):
        return
    station = station_of(work, command)
    if station is None:
        return
    periods = work.find(periods_uuid(station), StationPeriods)
    if periods is None:
        return
    closed = periods.closing_of(command.occurred_on) or _closing_of_service(work, periods, result)
    if closed is None or periods.correction_of(result.originator_id, result.originator_version):
        # Outside every closed period, or named already (a batch repeating a correction).
        return
    if command.correction_note is None:
        raise PeriodClosedError(
            None,
            station=station,
            closed_on=closed.occurred_on,
            anchor=closed.anchor or "-",
            day=command.occurred_on,
            period_from=closed.period_from,
            period_to=closed.period_to,
            closed_at=closed.timestamp,
        )
    periods.correct(
        stamp,
        closed=closed,
        event_type=str(type(result).__struct_config__.tag),
        aggregate_id=result.originator_id,
        aggregate_version=result.originator_version,
        note=command.correction_note,
    )


def _closing_of_service(
    work: UnitOfWork, periods: StationPeriods, event: LedgerEvent
) -> PeriodClosed | None:
    """The closing whose period holds a day of the service record ``event`` changes.

    A service record's hours count in the period of the days served, not of the day it was
    entered or approved: a record entered today for a day of a closed year, or an approval,
    correction or void of such a record, changes that year's published hours as surely as
    a backdated gift changes its income.
    """
    if isinstance(event, ServiceRecorded):
        recorded = event
    elif isinstance(event, ServiceApproved | ServiceCorrected | ServiceVoided):
        volunteer = work.find(event.originator_id, Volunteer)
        record = None if volunteer is None else volunteer.state.records.get(event.record_id)
        if record is None:
            return None
        recorded = record.recorded
    else:
        return None
    first, last = recorded.service_date, recorded.ends_on or recorded.service_date
    for closed in reversed(periods.closed):
        if closed.period_from <= last and first <= closed.period_to:
            return closed
    return None


def _anchor_at(recorder: ChainedRecorder, position: int) -> Anchor | None:
    if position < 1:
        return None
    links = list(recorder.scan_links(after=position - 1, upto=position))
    if not links:
        return None
    meta = recorder.chain_meta()
    algorithm = meta.get("algorithm", "")
    return Anchor(
        position=links[-1].position,
        digest=links[-1].digest.hex(),
        algorithm=algorithm,
        key_fingerprint=meta.get("key_fingerprint", "") if algorithm == ALGORITHM_HMAC else "",
    )


def store_anchor(work: UnitOfWork) -> str:
    """The anchor of the store as recorded (before this unit of work's events), as text;
    ``""`` for a store without events."""
    position = work.runner.recorder.max_notification_id() or 0
    anchor = _anchor_at(cast(ChainedRecorder, work.runner.recorder), position)
    return "" if anchor is None else str(anchor)


def checked_anchor(work: UnitOfWork, text: str) -> str:
    """``text`` as an anchor of this store, in its printed form.

    Raises:
        InvalidInput: not an anchor, or not one of this store (no event at its position,
            another digest there, or another chain algorithm).
    """
    given = Anchor.parse(text)
    recorder = cast(ChainedRecorder, work.runner.recorder)
    found = _anchor_at(recorder, given.position)
    if found is None:
        raise InvalidInput.on("anchor", "anchor_beyond_store", anchor=text)
    if given.digest != found.digest or (given.algorithm and given != found):
        raise InvalidInput.on("anchor", "anchor_not_this_store", anchor=text, found=str(found))
    return str(found)
