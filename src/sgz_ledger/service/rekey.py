"""Key rotation: copy a store into a new one under new keys, and prove the copy.

Events are never edited, and an encrypted event can only be encrypted again by writing it
again; so a key is rotated by copying the whole store into a new, empty one opened with the
new cipher key (and chain key), then checking the copy:

* every event goes across in log order with its aggregate id (an ID number's claim's
  excepted, below), version, business fields and recording time, decoded with the old key
  and encoded with the new one; the new store's hash chain is computed as the events are
  written, as for any write;
* whatever the station finds a person by goes through a keyed hash under a key derived
  from the store's cipher key, so each is derived again under the new one, in the copy
  (every lookup, count and erasure then works as it did, and a person met again after
  the rotation is found, never given a second key):

  - individual donors' subject keys go across re-wrapped under the new store's key, their
    subject the hash of the name (opened from the gift) under the new key, and each gift's
    name sealed again under the key (its subject is sealed with it); those of donors
    erased in the old store stay behind;
  - served people's keys go across the same way, except that the identifier is nowhere
    in the store: their subject is the old hash hashed again under the new key, and the
    copy keeps the old store's served-subject keys sealed under its own cipher key
    (``sealing``: the served lineage), so that an identifier leads to them with the new
    key and never with the old one alone; those erased in the old store stay behind;
  - an ID number's claim (``domain.id_claims``) is an aggregate whose id is the number's
    keyed hash: its events go across under the id the number has under the new key, the
    number read from the personal data of the volunteers who gave it; a claim whose every
    volunteer was erased (it lapsed with them) gets a random id, which nothing leads to;

* volunteers' subject keys (their subject is their volunteer id) go across re-wrapped
  under the new store's key, with the keys that seal the holders of ID-number claims;
  personal data sealed before subject keys (in clear, or under the old store key, which
  the new one must not need) is sealed again under the volunteer's subject key, so that
  it can be erased in the copy; a volunteer erased in the old store stays unreadable in
  the new one;
* then the new store must verify, and every event read back from it must equal the old
  store's (personal data and donors' names compared opened, since their sealed bytes
  differ; a claim's events under the claim's id in the copy);
* the new store's metadata records which history it copies (``copied_from``: the old
  store's head anchor), so an auditor can follow the chain of custody from anchors the
  station published before the rotation to the new ones.

Snapshots are not copied (they are caches; the new store makes its own), nor are the views
(the new store's first writer folds them, which this does at the end).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any
from uuid import UUID, uuid4

import msgspec

from sgz_ledger.domain.delivery import served_uuid
from sgz_ledger.domain.donor import donor_uuid
from sgz_ledger.domain.errors import StoreError
from sgz_ledger.domain.events import (
    CaseOpened,
    CashDonationReceived,
    CommunityActivitySessionHeld,
    GroupSessionHeld,
    IdNumberClaimed,
    IdNumberReleased,
    InKindDonationReceived,
    VolunteerProfileCorrected,
    VolunteerRegistered,
)
from sgz_ledger.domain.id_claims import id_claim_uuid
from sgz_ledger.service.erasure import erased_volunteers, reseal_personal
from sgz_ledger.storage.codec import MsgspecMapper
from sgz_ledger.storage.sealing import (
    SERVED_LINEAGE_META,
    PersonalData,
    PersonalDataSealer,
    SealError,
)
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
        keys: subject keys carried across (re-wrapped under the new store's key, a donor's
            and a served person's under their subject derived again).
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
    claims = _claim_ids(source, target, erased)
    carried: dict[bytes, SubjectKey] = {}  # old key id -> the key in the copy
    looked_at: set[bytes] = set()  # key ids whose key was looked for (carried or not)
    made: dict[str, SubjectKey] = {}  # volunteer id -> the key legacy data is sealed under
    served_carried = False
    resealed = 0
    mapper = target.mapper
    assert isinstance(mapper, MsgspecMapper)
    batch: list[Any] = []
    keys: list[SubjectKey] = []  # keys for the batch, stored before its events
    copied = 0

    def key_for(volunteer_id: str) -> SubjectKey:
        """The volunteer's key in the copy: their own carried key, or a new one; a key
        never stored for a volunteer erased in the source."""
        if volunteer_id not in made:
            key = new_subject_key(volunteer_subject(volunteer_id), dt.datetime.now(dt.UTC))
            if volunteer_id not in erased:
                keys.append(key)
            made[volunteer_id] = key
        return made[volunteer_id]

    def flush() -> None:
        nonlocal copied
        target.subject_keys.put(keys)
        keys.clear()
        if batch:
            target.recorder.insert_events(mapper.encode_events(batch))
            copied += len(batch)
            batch.clear()
            if progress is not None:
                progress(copied)

    def carry(
        key_id: bytes | None, erasure: UUID | None, subject: Callable[[SubjectKey], str]
    ) -> None:
        """The key ``key_id``, across under the subject ``subject`` gives it, unless it is
        gone or its erasure (the aggregate ``erasure``) is recorded: a key an interrupted
        erasure left behind stays behind."""
        if key_id is None or key_id in looked_at:
            return
        looked_at.add(key_id)
        key = source.subject_keys.get(key_id)
        if key is None:  # destroyed by an erasure: the bytes it sealed stay shut
            return
        if erasure is not None and source.recorder.select_events(erasure, limit=1):
            return
        carried[key_id] = dataclasses.replace(key, subject=subject(key))
        keys.append(carried[key_id])

    def named(sealed: bytes) -> Callable[[SubjectKey], str]:
        # An individual donor's key, under the hash of their name by the new key.
        return lambda _: sealer.donor_subject(opener.open_name(sealed))

    ids: dict[Any, str] = {}  # a volunteer's aggregate id -> their volunteer id
    for event in _events(source):
        if isinstance(event, CashDonationReceived | InKindDonationReceived):
            if event.donor_sealed is not None:
                key_id = opener.key_id(event.donor_sealed)
                if key_id is not None:
                    carry(key_id, donor_uuid(key_id), named(event.donor_sealed))
                if key_id in carried:
                    # Sealed anew: the key's subject (the hash of the name) is sealed with it.
                    name = opener.open_name(event.donor_sealed)
                    event = msgspec.structs.replace(
                        event, donor_sealed=sealer.seal_name(name, carried[key_id])
                    )
        elif isinstance(event, CaseOpened | GroupSessionHeld | CommunityActivitySessionHeld):
            for ref in _served_refs(event):
                key_id = bytes.fromhex(ref)
                carry(
                    key_id, served_uuid(key_id), lambda k: sealer.carried_served_subject(k.subject)
                )
                served_carried = served_carried or key_id in carried
        elif isinstance(event, IdNumberClaimed | IdNumberReleased):
            if isinstance(event, IdNumberClaimed):
                carry(opener.key_id(event.holder_sealed), None, _same_subject)
            event = msgspec.structs.replace(event, originator_id=claims[event.originator_id])
        elif isinstance(event, VolunteerRegistered):
            ids[event.originator_id] = event.volunteer_id
        if isinstance(event, VolunteerRegistered | VolunteerProfileCorrected):
            volunteer_id = ids[event.originator_id]  # registered before any correction
            sealed = event.personal_sealed
            key_id = None if sealed is None else opener.key_id(sealed)
            if key_id is not None:
                carry(key_id, None, _same_subject)
                if key_id in carried:
                    made.setdefault(volunteer_id, carried[key_id])
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
    meta: dict[str, str] = {}
    head = source.anchor()
    if head is not None:
        meta["copied_from"] = str(head)
    if served_carried:
        # The copy finds the served people it carries through the source's served-subject
        # keys (sealing.py): kept, sealed under the new cipher key, with the copy.
        lineage = opener.served_lineage()
        meta[SERVED_LINEAGE_META] = sealer.seal_served_lineage(lineage)
        sealer.use_served_lineage(lineage)
    if meta:
        target.chained_recorder.pin_meta(meta)
    report = target.verify()
    if not report.ok:
        raise StoreError("copy_does_not_verify")
    _compare(source, target, erased, claims)
    target.catch_up_views()
    return CopyReport(
        events=copied, resealed=resealed, keys=len(carried), source_head=head, target=report
    )


def _same_subject(key: SubjectKey) -> str:
    """A volunteer's key keeps its subject (``volunteer:`` and their id: no keyed hash)."""
    return key.subject


def _served_refs(
    event: CaseOpened | GroupSessionHeld | CommunityActivitySessionHeld,
) -> tuple[str, ...]:
    if isinstance(event, CaseOpened):
        return (event.served_ref,) if event.served_ref else ()
    if isinstance(event, GroupSessionHeld):
        return tuple(r for r in event.participant_refs if r)
    return tuple(r for r in event.attendee_refs if r)


def _topics(*classes: type[Any]) -> tuple[str, ...]:
    """Every stored name the events of ``classes`` have had (``<tag>.v1`` ... current)."""
    return tuple(
        f"{cls.__struct_config__.tag}.v{n}" for cls in classes for n in range(1, cls.version + 1)
    )


def _claim_ids(source: LedgerService, target: LedgerService, erased: set[str]) -> dict[UUID, UUID]:
    """Each ID number's claim in ``source`` -> its aggregate id in the copy.

    A claim's id is the keyed hash of its number, under a key derived from the store's
    cipher key: in the copy it is the hash under the new key, of the number read from the
    personal data of the volunteers who gave it. A claim no volunteer's readable data names
    (every one who gave its number was erased: it lapsed with them) gets a random id, which
    nothing leads to from the number.
    """
    found: dict[UUID, UUID] = {}
    ids: dict[Any, str] = {}  # a volunteer's aggregate id -> their volunteer id
    personal = _topics(VolunteerRegistered, VolunteerProfileCorrected)
    for _, event in source.log_reader.events(names=personal):
        if isinstance(event, VolunteerRegistered):
            ids[event.originator_id] = event.volunteer_id
        if event.personal_sealed is None or ids[event.originator_id] in erased:
            continue
        try:
            number = source.sealer.open(event.personal_sealed).id_number
        except SealError:
            continue
        claim = source.sealer.id_claim(number)
        if claim:
            found[id_claim_uuid(claim)] = id_claim_uuid(target.sealer.id_claim(number))
    return defaultdict(uuid4, found)


def _shut(event: Any, sealer: PersonalDataSealer, key: SubjectKey) -> Any:
    """An erased volunteer's data sealed before subject keys, in the copy: nothing, sealed
    under a key that is never stored (the erasure carried over, its bytes left behind)."""
    return msgspec.structs.replace(
        event, personal_sealed=sealer.seal(PersonalData(name=""), key), id_hash=""
    )


def _compare(
    source: LedgerService, target: LedgerService, erased: set[str], claims: dict[UUID, UUID]
) -> None:
    """Every event of the copy equals the original's (personal data and donors' names
    compared opened, except an erased volunteer's, which the copy holds shut; an ID
    number's claim under its id in the copy)."""
    theirs = _events(target)
    ids: dict[Any, str] = {}  # a volunteer's aggregate id -> their volunteer id
    for n, mine in enumerate(_events(source), start=1):
        copy = next(theirs, None)
        if copy is None:
            raise StoreError("copy_ends_early", n=n)
        if isinstance(mine, IdNumberClaimed | IdNumberReleased):
            mine = msgspec.structs.replace(mine, originator_id=claims[mine.originator_id])
        if isinstance(mine, CashDonationReceived | InKindDonationReceived) and isinstance(
            copy, CashDonationReceived | InKindDonationReceived
        ):
            if _donor(source, mine.donor_sealed) != _donor(target, copy.donor_sealed):
                raise StoreError("copy_donor_differs", n=n)
            mine = msgspec.structs.replace(mine, donor_sealed=None)
            copy = msgspec.structs.replace(copy, donor_sealed=None)
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


def _donor(ledger: LedgerService, sealed: bytes | None) -> Any:
    """A gift's donor's name opened, or its sealed bytes when they cannot be (erased)."""
    if sealed is None:
        return None
    try:
        return ledger.sealer.open_name(sealed)
    except SealError:
        return sealed


def _personal(ledger: LedgerService, event: Any) -> Any:
    """The event's personal data opened, or a marker that it cannot be (erased)."""
    if event.personal_sealed is None:
        return None
    try:
        return ledger.sealer.open(event.personal_sealed)
    except SealError:
        return "(cannot be opened)"
