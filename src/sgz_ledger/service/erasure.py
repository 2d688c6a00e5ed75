"""Erasure of personal data by crypto-shredding: what readers need, and re-sealing for a copy.

``Ledger.erase_personal_data`` records ``PersonalDataErased`` and destroys the volunteer's
subject keys (``subject_keys``). Outputs then show ``personal.pseudonym(volunteer_id)``
where they showed the name. This module holds what the outputs and a store copy need:

* ``erased_volunteers``: every erasure in the log, by volunteer aggregate id, read from
  the erasure events alone (a small, indexed read of one stored name);
* ``keys_left``: erased volunteers whose keys are still stored (an erasure interrupted
  before its keys were destroyed, a key row put back): what an audit reports, and what
  erasing them again destroys;
* ``reseal_personal``: an event's personal data sealed before subject keys (format
  0x00 in clear, 0x01 under the store's key), sealed again under a subject key. No key's
  deletion shreds the older formats, so a store holding them keeps those bytes until it
  is copied into a new store with every event re-sealed: this is that step of the copy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar
from uuid import UUID

import msgspec

from sgz_ledger.domain.events import (
    PersonalDataErased,
    VolunteerProfileCorrected,
    VolunteerRegistered,
)
from sgz_ledger.storage.sealing import PersonalDataSealer
from sgz_ledger.storage.subject_keys import SubjectKey, volunteer_subject

if TYPE_CHECKING:
    from sgz_ledger.service.app import LedgerService

__all__ = ["erased_volunteers", "keys_left", "reseal_personal"]


Sealed = TypeVar("Sealed", VolunteerRegistered, VolunteerProfileCorrected)


def _erased_topics() -> tuple[str, ...]:
    # Every stored name the event has had ("<tag>.v1" ... current).
    tag = PersonalDataErased.__struct_config__.tag
    assert isinstance(tag, str)
    return tuple(f"{tag}.v{n}" for n in range(1, PersonalDataErased.version + 1))


def erased_volunteers(ledger: LedgerService) -> dict[UUID, PersonalDataErased]:
    """Every volunteer whose personal data was erased: aggregate id -> the erasure.

    Raises:
        StoreError: the stored events cannot be read (an encrypted store without its key).
    """
    found: dict[UUID, PersonalDataErased] = {}
    for _, event in ledger.log_reader.events(names=_erased_topics()):
        assert isinstance(event, PersonalDataErased)
        found.setdefault(event.originator_id, event)
    return found


def keys_left(ledger: LedgerService) -> dict[str, tuple[bytes, ...]]:
    """Erased volunteers whose keys are still stored: volunteer id -> the key ids found.

    A key is looked for under the volunteer's subject and under every key id their erasure
    named. Reads only (nothing is created or destroyed).
    """
    left: dict[str, tuple[bytes, ...]] = {}
    keys = ledger.subject_keys
    for erasure in erased_volunteers(ledger).values():
        named = [bytes.fromhex(k) for k in erasure.key_ids]
        found = set(keys.key_ids(volunteer_subject(erasure.volunteer_id)))
        found.update(k for k in named if keys.stored(k))
        if found:
            left[erasure.volunteer_id] = tuple(sorted(found))
    return left


def reseal_personal(
    event: Sealed, *, opener: PersonalDataSealer, sealer: PersonalDataSealer, key: SubjectKey
) -> Sealed:
    """``event`` with its personal data sealed under the subject key ``key``, for a copy.

    For a command that copies a store into a new one (and re-encrypts it): each
    registration and profile correction sealed before subject keys goes into the copy
    sealed under a key of its volunteer (their existing key when they have one, so that
    one key opens all their data), and its ID number hash under that key too. An event
    already under a subject key is returned unchanged: its key goes across with the key
    table. For a volunteer erased in the source, pass a key that is never stored: the copy
    then holds data no one can open, which is what the erasure asked for.

    Args:
        opener: opens the source store's data (its cipher key, its subject keys).
        sealer: seals for the copy.

    Raises:
        SealError: the source's data cannot be opened with ``opener``.
    """
    sealed = event.personal_sealed
    if sealed is None or opener.key_id(sealed) is not None:
        return event
    data = opener.open(sealed)
    id_hash = event.id_hash
    if isinstance(event, VolunteerRegistered) or id_hash is not None:
        id_hash = sealer.id_hash(data.id_number, key)
    return msgspec.structs.replace(event, personal_sealed=sealer.seal(data, key), id_hash=id_hash)
