"""Erasure in stores written before subject keys: the golden stores of ``tests/golden``.

Their personal data is sealed in the older formats (0x00 in clear; 0x01 under the store's
cipher key), which no key's deletion can shred. Erasing such a volunteer records the
erasure and hides the data from every output, says so in the event, and leaves the bytes
in the file (shown here, not hidden); ``reseal_personal`` is the step of a store copy that
moves them under subject keys. The golden files are copied to ``tmp_path`` first: they are
never changed.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import msgspec
import pytest
from eventsourcing.cipher import AESCipher

from conftest import FixedClock
from erasure_support import erase, figures, found, sqlite_file_bytes
from sgz_ledger import Ledger
from sgz_ledger.audit.export import write_export
from sgz_ledger.domain.errors import PersonalDataErasedError
from sgz_ledger.domain.events import VolunteerProfileCorrected, VolunteerRegistered
from sgz_ledger.service.erasure import erased_volunteers, reseal_personal
from sgz_ledger.storage.sealing import PersonalDataSealer, SealError, pseudonym
from sgz_ledger.storage.subject_keys import MemorySubjectKeys, new_subject_key, volunteer_subject

GOLDEN = Path(__file__).parent.parent / "golden"
CIPHER_KEY = (GOLDEN / "golden.cipher.key").read_text(encoding="utf-8").strip()
CHAIN_KEY = (GOLDEN / "golden.chain.key").read_text(encoding="utf-8").strip()
NOW = dt.datetime(2025, 2, 1, 2, 0, tzinfo=dt.UTC)
# V-0001 as tests/golden/make_stores.py registered them.
V1, V1_NAME, V1_PHONE, V1_ID = "V-0001", "张丽", "13900000001", "370102199001011234"


@pytest.fixture(params=["legacy-plain", "legacy-keyed"])
def golden(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[Ledger, Path]]:
    """A copy of a golden store, opened as its station would open it."""
    db = tmp_path / f"{request.param}.db"
    shutil.copy(GOLDEN / f"{request.param}.db", db)
    keyed = request.param == "legacy-keyed"
    ledger = Ledger(
        str(db),
        cipher_key=CIPHER_KEY if keyed else "",
        chain_key=CHAIN_KEY if keyed else "",
        clock=FixedClock(NOW),
    )
    yield ledger, db
    ledger.close()


def test_erasing_data_sealed_before_subject_keys_hides_it_and_says_the_bytes_stay(
    golden: tuple[Ledger, Path],
) -> None:
    ledger, db = golden
    assert ledger.personal_data(V1).name == V1_NAME
    before = figures(ledger)
    head = ledger.log_position()
    anchor = ledger.anchor()
    in_file_before = found(sqlite_file_bytes(db), V1_NAME, V1_PHONE, V1_ID)

    event = erase(ledger, V1, occurred_on=dt.date(2025, 1, 31))

    assert event.key_ids == ()  # no subject key to destroy
    assert event.legacy_sealed == 1  # the registration, sealed before subject keys
    with pytest.raises(PersonalDataErasedError):
        ledger.personal_data(V1)
    cert = ledger.certificate("CZ-2024-001", V1)
    assert cert.name == pseudonym(V1)
    out = io.StringIO()
    write_export(ledger, "jsonl", out)
    [registered] = [
        json.loads(x)
        for x in out.getvalue().splitlines()
        if '"VolunteerRegistered"' in x and f'"{V1}"' in x
    ]
    assert registered["fields"]["personal_sealed"] is None
    assert found(out.getvalue().encode(), V1_NAME, V1_PHONE, V1_ID) == []
    assert figures(ledger) == before
    assert ledger.verify(anchors=[anchor] if anchor else []).ok
    assert ledger.anchor(head) == anchor
    ledger.close()
    # Said plainly: what was in the file in clear before is there still.
    assert found(sqlite_file_bytes(db), V1_NAME, V1_PHONE, V1_ID) == in_file_before


def test_the_plain_golden_store_keeps_the_erased_name_in_clear(tmp_path: Path) -> None:
    """The limit, shown rather than assumed: format 0x00 is MessagePack in clear."""
    db = tmp_path / "legacy-plain.db"
    shutil.copy(GOLDEN / "legacy-plain.db", db)
    ledger = Ledger(str(db), clock=FixedClock(NOW))
    erase(ledger, V1, occurred_on=dt.date(2025, 1, 31))
    ledger.close()
    assert found(sqlite_file_bytes(db), V1_NAME, V1_PHONE, V1_ID) == [V1_NAME, V1_PHONE, V1_ID]


def test_a_correction_moves_older_data_under_a_subject_key(golden: tuple[Ledger, Path]) -> None:
    ledger, _ = golden
    vid = "V-0002"
    old_hash = ledger.volunteer(vid).state.id_hash
    event = ledger.correct_volunteer_profile(volunteer_id=vid, correction_id="P-9",
                                             field="phone", value="13100000002",
                                             reason="换号", actor="王芳",
                                             occurred_on=dt.date(2025, 1, 31))  # fmt: skip
    assert isinstance(event, VolunteerProfileCorrected)
    assert event.personal_sealed is not None
    key_id = PersonalDataSealer.key_id(event.personal_sealed)
    assert key_id is not None
    key = ledger.subject_keys.get(key_id)
    assert key is not None
    assert key.subject == volunteer_subject(vid)
    # The ID number's hash moves under the new key too: the old one survives no erasure.
    assert event.id_hash == ledger.sealer.id_hash("37010219850505123X", key) != old_hash
    assert ledger.personal_data(vid).phone == "13100000002"
    assert ledger.personal_data(vid).name == "王强"
    erasure = erase(ledger, vid, occurred_on=dt.date(2025, 1, 31))
    assert erasure.key_ids == (key_id.hex(),)
    assert erasure.legacy_sealed == 1  # the registration
    assert ledger.subject_keys.get(key_id) is None


def test_reseal_personal_moves_every_older_seal_under_a_subject_key(
    golden: tuple[Ledger, Path],
) -> None:
    """What a copy of the store does with each event holding personal data."""
    ledger, _ = golden
    keys = MemorySubjectKeys(AESCipher.create_key(16))  # the copy's key table
    copy = PersonalDataSealer(AESCipher.create_key(16), keys)
    by_subject = {}
    sealed_events = [
        e
        for e in ledger.stored_events()
        if isinstance(e, VolunteerRegistered | VolunteerProfileCorrected)
        and e.personal_sealed is not None
    ]
    assert len(sealed_events) == 4  # three registrations, one phone correction
    for event in sealed_events:
        subject = volunteer_subject(_volunteer_id(ledger, event))
        if subject not in by_subject:
            by_subject[subject] = new_subject_key(subject, NOW)
            keys.put([by_subject[subject]])
        key = by_subject[subject]
        resealed = reseal_personal(event, opener=ledger.sealer, sealer=copy, key=key)
        assert resealed.personal_sealed is not None
        assert resealed.personal_sealed[:1] == b"\x02"
        assert PersonalDataSealer.key_id(resealed.personal_sealed) == key.key_id
        data = ledger.sealer.open(event.personal_sealed)
        assert copy.open(resealed.personal_sealed) == data
        encoded = msgspec.msgpack.encode(resealed)
        assert found(encoded, *(v for v in (data.name, data.phone, data.id_number) if v)) == []
        if isinstance(event, VolunteerRegistered) or event.id_hash is not None:
            assert resealed.id_hash == copy.id_hash(data.id_number, key)
        else:
            assert resealed.id_hash is None
        # Everything but the personal data is the event as it was.
        assert (
            msgspec.structs.replace(
                resealed, personal_sealed=event.personal_sealed, id_hash=event.id_hash
            )
            == event
        )
        # Already under a subject key: unchanged.
        assert reseal_personal(resealed, opener=copy, sealer=copy, key=key) is resealed
    # For a volunteer erased in the source: a key never stored, so the copy opens nothing.
    [registered] = [e for e in sealed_events if isinstance(e, VolunteerRegistered)][:1]
    shredded = reseal_personal(
        registered,
        opener=ledger.sealer,
        sealer=copy,
        key=new_subject_key(volunteer_subject(registered.volunteer_id), NOW),
    )
    assert shredded.personal_sealed is not None
    with pytest.raises(SealError, match="gone"):
        copy.open(shredded.personal_sealed)


def _volunteer_id(ledger: Ledger, event: VolunteerRegistered | VolunteerProfileCorrected) -> str:
    if isinstance(event, VolunteerRegistered):
        return event.volunteer_id
    [registered] = [
        e
        for e in ledger.stored_events()
        if isinstance(e, VolunteerRegistered) and e.originator_id == event.originator_id
    ]
    return registered.volunteer_id


def test_erased_volunteers_are_read_from_the_erasure_events(golden: tuple[Ledger, Path]) -> None:
    ledger, _ = golden
    assert erased_volunteers(ledger) == {}
    event = erase(ledger, V1, occurred_on=dt.date(2025, 1, 31))
    assert erased_volunteers(ledger) == {event.originator_id: event}
