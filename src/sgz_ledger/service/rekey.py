"""Key rotation: copy a store into a new one under new keys, and prove the copy.

Events are never edited, and an encrypted event can only be encrypted again by writing it
again; so a key is rotated by copying the whole store into a new, empty one opened with the
new cipher key (and chain key), then checking the copy:

* every event goes across in log order with its aggregate id, version, business fields and
  recording time, decoded with the old key and encoded with the new one; the new store's
  hash chain is computed as the events are written, as for any write;
* individual donors' subject keys go across re-wrapped under the new store's key (their
  names are always sealed under them), except those of donors erased in the old store;
* volunteers' subject keys go across re-wrapped under the new store's key; personal data
  sealed before subject keys (in clear, or under the old store key, which the new one must
  not need) is sealed again under the volunteer's subject key, so that it can be erased
  in the copy; a volunteer erased in the old store stays unreadable in the new one;
* then the new store must verify, and every event read back from it must equal the old
  store's (personal data compared opened, since its sealed bytes differ);
* the new store's metadata records which history it copies (``copied_from``: the old
  store's head anchor), so an auditor can follow the chain of custody from anchors the
  station published before the rotation to the new ones.

Snapshots are not copied (they are caches; the new store makes its own), nor are the views
(the new store's first writer folds them, which this does at the end).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

import msgspec

from sgz_ledger.domain.donor import donor_uuid
from sgz_ledger.domain.errors import StoreError
from sgz_ledger.domain.events import (
    CashDonationReceived,
    InKindDonationReceived,
    VolunteerProfileCorrected,
    VolunteerRegistered,
)
from sgz_ledger.service.erasure import erased_volunteers, reseal_personal
from sgz_ledger.storage.codec import MsgspecMapper
from sgz_ledger.storage.sealing import PersonalData, PersonalDataSealer, SealError
from sgz_ledger.storage.subject_keys import SubjectKey, new_subject_key, volunteer_subject

__all__ = ["CopyReport", "copy_store"]

# Events written per transaction of the copy: bounds memory on a store of millions.
COPY_BATCH = 5000

if TYPE_CHECKING:
    from sgz_ledger.service.app import LedgerService
    from sgz_ledger.storage.chain import Anchor, VerifyReport


class CopyReport(msgspec.Struct, frozen=True, kw_only=True):
    """What ``copy_store`` did.

    Attributes:
        events: events copied.
        resealed: personal-data events sealed again under a subject key.
        keys: subject keys carried across (re-wrapped under the new store's key).
        source_head: the old store's head anchor (recorded in the new store).
        target: the new store's verification (its head anchor is the one to publish).
    """

    events: int
    resealed: int
    keys: int
    source_head: Anchor | None
    target: VerifyReport


def _events(ledger: LedgerService) -> Iterator[Any]:
    """The store's events in log order (up to its head now), decoded as they are reached."""
    for _, event in ledger.log_reader.events(upto=ledger.log_position()):
        yield event


def copy_store(
    source: LedgerService,
    target: LedgerService,
    *,
    source_chain_key: str | None = None,
    checked: VerifyReport | None = None,
    progress: Callable[[int], None] | None = None,
) -> CopyReport:
    """Copy every event of ``source`` into the empty ``target`` under its keys; prove it.

    ``source`` is opened with its keys (read-only is enough), ``target`` with the new ones.
    ``checked``: the source's verification, when the caller ran it already (it must be ok).

    Raises:
        StoreError: the source does not verify (nothing is copied), the target is not
            empty, or the copy does not read back equal (the target is then incomplete:
            remove it).
    """
    if checked is None:
        checked = source.verify(chain_key=source_chain_key)
    if not checked.ok:
        assert checked.first_break is not None
        raise StoreError(
            "copy_source_broken",
            kind=checked.first_break.kind,
            detail=checked.first_break.message,
        )
    if target.log_position() != 0:
        raise StoreError("copy_target_not_empty", store=target.settings.describe())
    erased = {e.volunteer_id for e in erased_volunteers(source).values()}
    opener, sealer = source.sealer, target.sealer
    carried: dict[bytes, SubjectKey] = {}  # old key id -> the key, carried across
    made: dict[str, SubjectKey] = {}  # volunteer id -> the key legacy data is sealed under
    resealed = 0
    mapper = target.mapper
    assert isinstance(mapper, MsgspecMapper)
    batch: list[Any] = []
    copied = 0

    def key_for(volunteer_id: str) -> SubjectKey:
        """The volunteer's key in the copy: their own carried key, or a new one; a key
        never stored for a volunteer erased in the source."""
        if volunteer_id not in made:
            key = new_subject_key(volunteer_subject(volunteer_id), dt.datetime.now(dt.UTC))
            if volunteer_id not in erased:
                target.subject_keys.put([key])
            made[volunteer_id] = key
        return made[volunteer_id]

    def flush() -> None:
        nonlocal copied
        if batch:
            target.recorder.insert_events(mapper.encode_events(batch))
            copied += len(batch)
            batch.clear()
            if progress is not None:
                progress(copied)

    donor_keys_seen: set[bytes] = set()

    def carry_donor_key(sealed: bytes) -> None:
        """An individual donor's key, across (unless their erasure is recorded: a key an
        interrupted erasure left behind stays behind)."""
        key_id = opener.key_id(sealed)
        if key_id is None or key_id in donor_keys_seen:
            return
        donor_keys_seen.add(key_id)
        key = source.subject_keys.get(key_id)
        if key is not None and not source.recorder.select_events(donor_uuid(key_id), limit=1):
            target.subject_keys.put([key])
            carried[key_id] = key

    ids: dict[Any, str] = {}  # a volunteer's aggregate id -> their volunteer id
    for event in _events(source):
        if isinstance(event, CashDonationReceived | InKindDonationReceived):
            if event.donor_sealed is not None:
                carry_donor_key(event.donor_sealed)
        elif isinstance(event, VolunteerRegistered):
            ids[event.originator_id] = event.volunteer_id
        if isinstance(event, VolunteerRegistered | VolunteerProfileCorrected):
            volunteer_id = ids[event.originator_id]  # registered before any correction
            sealed = event.personal_sealed
            key_id = None if sealed is None else opener.key_id(sealed)
            if key_id is not None:
                if key_id not in carried:
                    key = source.subject_keys.get(key_id)
                    if key is not None:  # None: destroyed by an erasure; the bytes stay shut
                        target.subject_keys.put([key])
                        carried[key_id] = key
                        made.setdefault(volunteer_id, key)
            elif sealed is not None:
                key = key_for(volunteer_id)
                sealed_event: Any = event  # one of the two classes reseal_personal takes
                replaced = (
                    _shut(event, sealer, key)
                    if volunteer_id in erased
                    else reseal_personal(sealed_event, opener=opener, sealer=sealer, key=key)
                )
                if replaced is not event:
                    resealed += 1
                event = replaced
        batch.append(event)
        if len(batch) >= COPY_BATCH:
            flush()
    flush()
    head = source.anchor()
    if head is not None:
        target.chained_recorder.pin_meta({"copied_from": str(head)})
    report = target.verify()
    if not report.ok:
        raise StoreError("copy_does_not_verify")
    _compare(source, target, erased)
    target.catch_up_views()
    return CopyReport(
        events=copied, resealed=resealed, keys=len(carried), source_head=head, target=report
    )


def _shut(event: Any, sealer: PersonalDataSealer, key: SubjectKey) -> Any:
    """An erased volunteer's data sealed before subject keys, in the copy: nothing, sealed
    under a key that is never stored (the erasure carried over, its bytes left behind)."""
    return msgspec.structs.replace(
        event, personal_sealed=sealer.seal(PersonalData(name=""), key), id_hash=""
    )


def _compare(source: LedgerService, target: LedgerService, erased: set[str]) -> None:
    """Every event of the copy equals the original's (personal data compared opened, except
    an erased volunteer's, which the copy holds shut)."""
    theirs = _events(target)
    ids: dict[Any, str] = {}  # a volunteer's aggregate id -> their volunteer id
    for n, mine in enumerate(_events(source), start=1):
        copy = next(theirs, None)
        if copy is None:
            raise StoreError("copy_ends_early", n=n)
        if isinstance(mine, VolunteerRegistered):
            ids[mine.originator_id] = mine.volunteer_id
        if isinstance(mine, VolunteerRegistered | VolunteerProfileCorrected):
            shut = ids[mine.originator_id] in erased
            same = shut or _personal(source, mine) == _personal(target, copy)
            if not same:
                raise StoreError("copy_personal_data_differs", n=n)
            mine = msgspec.structs.replace(mine, personal_sealed=None, id_hash=None)
            copy = msgspec.structs.replace(copy, personal_sealed=None, id_hash=None)
        if mine != copy:
            raise StoreError("copy_differs", n=n)
    if next(theirs, None) is not None:
        raise StoreError("copy_longer")


def _personal(ledger: LedgerService, event: Any) -> Any:
    """The event's personal data opened, or a marker that it cannot be (erased)."""
    if event.personal_sealed is None:
        return None
    try:
        return ledger.sealer.open(event.personal_sealed)
    except SealError:
        return "(cannot be opened)"
