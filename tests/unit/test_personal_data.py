"""Volunteers' personal data stays sealed: never in clear in a keyed store (DOMAIN rule 5).

条例 Art.20 and 办法 Art.16: a volunteer's name, phone and ID number are not disclosed
without consent. Each volunteer's data is sealed under a key of their own (a subject key,
so that erasing them can destroy it); with a store key
(``Ledger(path, cipher_key=AESCipher.create_key(16))``) the subject keys are wrapped with
it, and the data never reaches the SQLite file in a readable form, neither in the database
nor in its write-ahead log, before or after the ledger is closed. Without a store key the
subject keys sit in clear beside the data: anyone with the file can read it.

What happens without the key (documented here, see the tests): the store cipher encrypts
every stored event as a whole, not only the sealed field, so a ledger opened on the file
without the key cannot decode the events at all: ``personal_data`` raises ``SealError``
and ``volunteer``, ``stored_events``, ``balances`` and every command raise ``StoreError``
(a ``LedgerError`` that says to open the store with its key; eventsourcing's
``MapperDeserialisationError`` never leaks out), while ``log_position`` still counts
the events. ``SealError``
is also what ``PersonalDataSealer`` raises where the sealed field itself cannot be
opened (no key, the wrong key, damaged bytes).
"""

from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import itertools
import warnings
from pathlib import Path

import msgspec
import pytest
from eventsourcing.cipher import AESCipher
from eventsourcing.utils import Environment

from conftest import FixedClock
from sgz_ledger import CipherKeyError, DuplicateIdNumber, Ledger
from sgz_ledger.domain.events import VolunteerProfileCorrected
from sgz_ledger.storage.sealing import (
    PersonalData,
    PersonalDataInClearWarning,
    PersonalDataSealer,
    SealError,
)
from sgz_ledger.storage.subject_keys import (
    MemorySubjectKeys,
    SubjectKeyError,
    new_subject_key,
    volunteer_subject,
)

NOW = dt.datetime(2024, 6, 3, 2, 0, tzinfo=dt.UTC)
DAY = dt.date(2024, 5, 27)
V1, V2 = "V-0001", "V-0002"
# Distinctive values, so that finding their bytes in a file cannot be a coincidence.
NAME = "欧阳青青"
PHONE = "13987654321"
NEW_PHONE = "15912340987"
ID_NUMBER = "11010119900307123X"
CLEAR_WARNING = (
    f"ignore::{PersonalDataInClearWarning.__module__}.{PersonalDataInClearWarning.__name__}"
)


def register(ledger: Ledger, volunteer_id: str = V1, id_number: str = ID_NUMBER) -> None:
    ledger.register_volunteer(
        volunteer_id=volunteer_id,
        station_id="cuizhai",
        name=NAME,
        gender="女",
        birth_date=dt.date(1990, 3, 7),
        phone=PHONE,
        id_number=id_number,
        registered_on=DAY,
        consent=True,
        team="红马甲服务队",
        actor="王芳",
        occurred_on=DAY,
    )


def correct_phone(ledger: Ledger, phone: str = NEW_PHONE) -> VolunteerProfileCorrected:
    event = ledger.correct_volunteer_profile(
        volunteer_id=V1,
        correction_id="P-1",
        field="phone",
        value=phone,
        reason="志愿者换了手机号",
        actor="王芳",
        occurred_on=DAY,
    )
    assert isinstance(event, VolunteerProfileCorrected)
    return event


def store_bytes(db: Path) -> bytes:
    """Every byte SQLite keeps for ``db``: the database, its WAL and shared memory, if any."""
    files = sorted(db.parent.glob(db.name + "*"))
    assert db in files
    return b"".join(f.read_bytes() for f in files)


def secrets(*values: str) -> list[bytes]:
    """The byte forms in which a value could sit in a file: UTF-8 as MessagePack writes it,
    and an ID number's normalised and lower-case forms."""
    out = []
    for value in values:
        out += [value.encode(), value.lower().encode(), value.encode("utf-16-le")]
    return out


def in_clear(db: Path, *values: str) -> list[str]:
    """Which of ``values`` can be read in the store's files."""
    data = store_bytes(db)
    return [v for v in values if any(form in data for form in secrets(v))]


@pytest.fixture
def key() -> str:
    return AESCipher.create_key(16)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "station.db"


# ---- with a key: nothing personal in the file ---------------------------------------------------


def test_with_a_key_no_personal_data_reaches_the_sqlite_file(db: Path, key: str) -> None:
    ledger = Ledger(str(db), cipher_key=key, clock=FixedClock(NOW))
    with warnings.catch_warnings():
        warnings.simplefilter("error", PersonalDataInClearWarning)  # no warning with a key
        register(ledger)
    assert Path(str(db) + "-wal").exists(), "the events should be in the WAL before close"
    assert in_clear(db, NAME, PHONE, ID_NUMBER) == []
    assert ledger.personal_data(V1) == PersonalData(
        name=NAME, gender="女", birth_date=dt.date(1990, 3, 7), phone=PHONE, id_number=ID_NUMBER
    )
    ledger.close()  # checkpoints the WAL into the database file
    assert in_clear(db, NAME, PHONE, ID_NUMBER) == []
    reopened = Ledger(str(db), cipher_key=key, clock=FixedClock(NOW))
    try:
        assert reopened.personal_data(V1).phone == PHONE
        assert reopened.volunteer(V1).state.teams == ["红马甲服务队"]
    finally:
        reopened.close()


@pytest.mark.filterwarnings(CLEAR_WARNING)
def test_without_a_key_the_data_is_readable_from_the_file_alone(db: Path) -> None:
    """What the warning says: sealed under a subject key, but that key is in clear in the
    same file, so no byte search finds the name, yet anyone with the file reads it."""
    ledger = Ledger(str(db), clock=FixedClock(NOW))
    register(ledger)
    correct_phone(ledger)
    sealed = ledger.volunteer(V1).state.personal_sealed
    subject_key = ledger.subject_keys.get(PersonalDataSealer.key_id(sealed) or b"")
    assert subject_key is not None
    assert subject_key.subject == volunteer_subject(V1)
    ledger.close()
    data = store_bytes(db)
    assert subject_key.key in data  # the control: the search finds what is in clear
    assert in_clear(db, NAME, PHONE, ID_NUMBER, NEW_PHONE) == []
    stranger = Ledger(str(db), clock=FixedClock(NOW))  # no key of any kind
    try:
        assert stranger.personal_data(V1).phone == NEW_PHONE
        assert stranger.personal_data(V1).id_number == ID_NUMBER
    finally:
        stranger.close()


def test_with_a_key_the_subject_keys_are_wrapped(db: Path, key: str) -> None:
    ledger = Ledger(str(db), cipher_key=key, clock=FixedClock(NOW))
    register(ledger)
    sealed = ledger.volunteer(V1).state.personal_sealed
    subject_key = ledger.subject_keys.get(PersonalDataSealer.key_id(sealed) or b"")
    assert subject_key is not None
    ledger.close()
    assert subject_key.key not in store_bytes(db)


def test_a_corrected_phone_is_sealed_not_stored_in_clear(db: Path, key: str) -> None:
    ledger = Ledger(str(db), cipher_key=key, clock=FixedClock(NOW))
    register(ledger)
    id_hash = ledger.volunteer(V1).state.id_hash
    event = correct_phone(ledger)
    assert event.value == ""  # the new value is only in the sealed field
    assert event.personal_sealed is not None
    assert NEW_PHONE.encode() not in event.personal_sealed
    assert event.id_hash is None  # the ID number did not change
    assert ledger.personal_data(V1).phone == NEW_PHONE
    assert ledger.personal_data(V1).name == NAME  # the other fields carried over
    assert ledger.volunteer(V1).state.id_hash == id_hash
    assert in_clear(db, NEW_PHONE, PHONE, NAME) == []
    ledger.close()
    assert in_clear(db, NEW_PHONE, PHONE, NAME) == []


def test_a_corrected_id_number_changes_the_id_hash(key: str) -> None:
    ledger = Ledger("memory:", cipher_key=key, clock=FixedClock(NOW))
    register(ledger)
    new_number = "110101199003071234"
    event = ledger.correct_volunteer_profile(
        volunteer_id=V1,
        correction_id="P-1",
        field="id_number",
        value=new_number,
        reason="身份证号录错一位",
        actor="王芳",
        occurred_on=DAY,
    )
    assert event.value == ""
    sealed = ledger.volunteer(V1).state.personal_sealed
    subject_key = ledger.subject_keys.get(PersonalDataSealer.key_id(sealed) or b"")
    assert event.id_hash == PersonalDataSealer(key).id_hash(new_number, subject_key)
    assert event.id_hash != PersonalDataSealer(key).id_hash(ID_NUMBER, subject_key)
    assert ledger.volunteer(V1).state.id_hash == event.id_hash
    assert ledger.personal_data(V1).id_number == new_number


# ---- without the key ---------------------------------------------------------------------------


def written_with_a_key(db: Path, key: str) -> None:
    ledger = Ledger(str(db), cipher_key=key, clock=FixedClock(NOW))
    register(ledger)
    ledger.close()


def test_opening_the_file_without_the_key_or_with_another_is_refused_at_once(
    db: Path, key: str
) -> None:
    """The store says it is encrypted: without its key, or with another, nothing is read
    (and so no command can write events the store's key would not open)."""
    written_with_a_key(db, key)
    before = db.read_bytes()
    for given in ("", AESCipher.create_key(16)):
        with pytest.raises(CipherKeyError) as info:
            Ledger(str(db), cipher_key=given, clock=FixedClock(NOW))
        assert not any(value in str(info.value) for value in (NAME, PHONE, ID_NUMBER))
    assert db.read_bytes() == before
    opened = Ledger(str(db), cipher_key=key, clock=FixedClock(NOW))
    try:
        assert opened.personal_data(V1).name == NAME
    finally:
        opened.close()


def test_a_sealed_field_opens_only_with_its_subject_key(key: str) -> None:
    data = PersonalData(name=NAME, phone=PHONE, id_number=ID_NUMBER)
    keys = MemorySubjectKeys(key)  # the memory: store's key table
    subject_key = new_subject_key(volunteer_subject(V1), NOW)
    keys.put([subject_key])
    sealer = PersonalDataSealer(key, keys)
    sealed = sealer.seal(data, subject_key)
    assert sealed[:1] == b"\x02"
    assert PersonalDataSealer.key_id(sealed) == subject_key.key_id
    assert not any(form in sealed for form in secrets(NAME, PHONE, ID_NUMBER))
    assert sealer.open(sealed) == data
    assert sealed != sealer.seal(data, subject_key)  # a fresh nonce each time
    with pytest.raises(SealError, match="gone"):
        PersonalDataSealer(key).open(sealed)  # no key table
    # Another key under the same id (a forged row) does not open it.
    forged_keys = MemorySubjectKeys(key)
    forged_keys.put([dataclasses.replace(new_subject_key(volunteer_subject(V1), NOW),
                                         key_id=subject_key.key_id)])  # fmt: skip
    with pytest.raises(SealError):
        PersonalDataSealer(key, forged_keys).open(sealed)
    # The key relabelled as another volunteer's does not open it either (its subject is
    # part of the sealed data's associated data).
    relabelled = MemorySubjectKeys(key)
    relabelled.put([dataclasses.replace(subject_key, subject=volunteer_subject(V2))])
    with pytest.raises(SealError):
        PersonalDataSealer(key, relabelled).open(sealed)
    with pytest.raises(SealError):
        sealer.open(sealed[:-1] + bytes([sealed[-1] ^ 1]))  # damaged
    with pytest.raises(SealError, match="unknown sealed format"):
        sealer.open(b"\x7f" + sealed[1:])
    keys.destroy([(volunteer_subject(V1), [subject_key.key_id])])
    with pytest.raises(SealError, match="gone"):
        PersonalDataSealer(key, keys).open(sealed)


def test_the_formats_before_subject_keys_still_open(key: str) -> None:
    """0x00 (in clear) and 0x01 (under the store's key) were written before subject keys."""
    data = PersonalData(name=NAME, phone=PHONE, id_number=ID_NUMBER)
    plain = msgspec.msgpack.encode(data)
    clear = b"\x00" + plain
    store_keyed = b"\x01\x00" + AESCipher(Environment(env={"CIPHER_KEY": key})).encrypt(plain)
    assert PHONE.encode() in clear
    assert PersonalDataSealer(key).open(clear) == data
    assert PersonalDataSealer().open(clear) == data
    assert PersonalDataSealer(key).open(store_keyed) == data
    assert PersonalDataSealer.key_id(clear) is None
    assert PersonalDataSealer.key_id(store_keyed) is None
    with pytest.raises(SealError, match="open the ledger with its key"):
        PersonalDataSealer().open(store_keyed)
    with pytest.raises(SealError):
        PersonalDataSealer(AESCipher.create_key(16)).open(store_keyed)


def test_a_subject_key_wrapped_with_one_store_key_does_not_open_with_another(key: str) -> None:
    keys = MemorySubjectKeys(key)
    subject_key = new_subject_key(volunteer_subject(V1), NOW)
    keys.put([subject_key])
    assert keys.get(subject_key.key_id) == subject_key
    row = keys._rows[subject_key.key_id]
    assert subject_key.key not in row.stored
    for other_key in (AESCipher.create_key(16), ""):
        other = MemorySubjectKeys(other_key)
        other._rows[row.key_id] = row
        with pytest.raises(SubjectKeyError):
            other.get(row.key_id)
    # A key kept in clear in a store that wraps its keys is a changed table, not a key.
    planted = MemorySubjectKeys(key)
    planted._rows[row.key_id] = row._replace(stored=b"\x00" + subject_key.key)
    with pytest.raises(SubjectKeyError, match="in clear"):
        planted.get(row.key_id)


# ---- the warning without a key ---------------------------------------------------------------


def test_without_a_key_the_first_registration_warns() -> None:
    ledger = Ledger("memory:", clock=FixedClock(NOW))
    with pytest.warns(PersonalDataInClearWarning, match="IN CLEAR") as record:
        register(ledger)
    assert len([w for w in record if w.category is PersonalDataInClearWarning]) == 1


def test_without_a_key_later_registrations_do_not_warn_again() -> None:
    """Once per ledger (since 8b455e9): the same ledger stays quiet, another one warns."""
    ledger = Ledger("memory:", clock=FixedClock(NOW))
    with pytest.warns(PersonalDataInClearWarning):
        register(ledger, V1)
    with warnings.catch_warnings():
        warnings.simplefilter("error", PersonalDataInClearWarning)
        register(ledger, V2, id_number="")
    with pytest.warns(PersonalDataInClearWarning):
        register(Ledger("memory:", clock=FixedClock(NOW)), V1)


# ---- the keyed hash of ID numbers ----------------------------------------------------------------


@pytest.mark.parametrize(
    "written",
    ["11010119900307123X", "11010119900307123x", "110101 19900307 123x", " 110101199003071 23X "],
)
def test_the_id_hash_ignores_spaces_and_the_case_of_x(key: str, written: str) -> None:
    sealer = PersonalDataSealer(key)
    assert sealer.id_hash(written) == sealer.id_hash(ID_NUMBER)
    assert sealer.id_hash(written) != sealer.id_hash("110101199003071234")


def test_the_id_hash_depends_on_the_key(key: str) -> None:
    hashes = {
        PersonalDataSealer(key).id_hash(ID_NUMBER),
        PersonalDataSealer(AESCipher.create_key(16)).id_hash(ID_NUMBER),
        PersonalDataSealer().id_hash(ID_NUMBER),
    }
    assert len(hashes) == 3
    assert PersonalDataSealer(key).id_hash("") == ""
    assert PersonalDataSealer(key).id_hash("  ") == ""


def test_the_id_hash_matches_two_spellings_but_links_no_two_volunteers(key: str) -> None:
    """A repeated registration compares ID numbers by their hash, whatever the spelling; the
    hash is under the volunteer's own key, so it dies with it and links no one to another
    volunteer (an ID number has few enough values to try them all under a surviving key).
    A second volunteer with the number is refused by the number's claim (rule 39), whose
    hash is neither."""
    ledger = Ledger("memory:", cipher_key=key, clock=FixedClock(NOW))
    register(ledger, V1, id_number="11010119900307123x")
    first = ledger.volunteer(V1).state.id_hash
    register(ledger, V1, id_number="110101 19900307 123X")  # a repeat: no conflict
    assert ledger.volunteer(V1).version == 2  # registered, joined the team: nothing new
    with pytest.raises(DuplicateIdNumber):
        register(ledger, V2, id_number="110101 19900307 123X")
    register(ledger, V2, id_number="110101199003071250")
    second = ledger.volunteer(V2).state.id_hash
    assert first
    assert second
    assert first != second
    assert ID_NUMBER.lower() not in first
    sealer = PersonalDataSealer(key)
    assert sealer.id_hash(ID_NUMBER) not in (first, second)
    assert sealer.id_claim(ID_NUMBER) not in (first, second)


# ---- served people in a copied store (its served lineage) ----------------------------------------


def test_a_served_person_of_an_earlier_store_is_found_under_every_later_key() -> None:
    """Each copy hashes the earlier hash under its own key (``carried_served_subject``); the
    last store finds the identifier through its lineage, and no earlier key alone does."""
    stores = [PersonalDataSealer(AESCipher.create_key(16)) for _ in range(3)]
    first = stores[0].served_subject("138 0000-0001")
    subject = first
    for earlier, later in itertools.pairwise(stores):
        later.use_served_lineage(earlier.served_lineage())
        subject = later.carried_served_subject(subject)
    last = stores[-1]
    found = last.served_subjects("13800000001")  # spaces and hyphens ignored as ever
    assert found[0] == last.served_subject("13800000001")  # a new key goes here
    assert subject in found
    assert len(found) == 3  # first served in the last store, the middle one or the first
    assert first not in found
    assert not {s.served_subject("13800000001") for s in stores[:2]} & set(found)
    assert subject not in stores[1].served_subjects("13800000001")


def test_a_served_lineage_opens_only_with_its_store_key() -> None:
    key = AESCipher.create_key(16)
    sealer = PersonalDataSealer(key)
    lineage = (b"\x01" * 32, b"sgz-ledger served subject v1 (no key)")
    text = sealer.seal_served_lineage(lineage)
    assert b"\x01" * 32 not in base64.b64decode(text)  # sealed, not in clear
    assert PersonalDataSealer(key).open_served_lineage(text) == lineage
    for other in (PersonalDataSealer(AESCipher.create_key(16)), PersonalDataSealer()):
        with pytest.raises(SealError):
            other.open_served_lineage(text)
    changed = text[:-4] + ("AAAA" if text[-4:] != "AAAA" else "BBBB")
    with pytest.raises(SealError):
        sealer.open_served_lineage(changed)
    clear = PersonalDataSealer()  # a store without a key keeps it in clear, as its keys
    text = clear.seal_served_lineage(lineage)
    assert b"\x01" * 32 in base64.b64decode(text)
    assert clear.open_served_lineage(text) == lineage
