"""Volunteers' personal data stays sealed: never in clear in a keyed store (DOMAIN rule 5).

条例 Art.20 and 办法 Art.16: a volunteer's name, phone and ID number are not disclosed
without consent. With a key (``Ledger(path, cipher_key=AESCipher.create_key(16))``) they
never reach the SQLite file in clear, neither in the database nor in its write-ahead
log, before or after the ledger is closed; ``personal_data`` opens them with the key.

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

import datetime as dt
import warnings
from pathlib import Path

import pytest
from eventsourcing.cipher import AESCipher

from conftest import FixedClock
from sgz_ledger import CipherKeyError, Ledger
from sgz_ledger.domain.events import VolunteerProfileCorrected
from sgz_ledger.personal import (
    PersonalData,
    PersonalDataInClearWarning,
    PersonalDataSealer,
    SealError,
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
def test_without_a_key_the_same_data_is_in_the_file_in_clear(db: Path) -> None:
    """The control for the test above: the byte search does find data stored in clear."""
    ledger = Ledger(str(db), clock=FixedClock(NOW))
    register(ledger)
    correct_phone(ledger)
    ledger.close()
    assert in_clear(db, NAME, PHONE, ID_NUMBER, NEW_PHONE) == [NAME, PHONE, ID_NUMBER, NEW_PHONE]


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
    assert event.id_hash == PersonalDataSealer(key).id_hash(new_number)
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


def test_a_sealed_field_opens_only_with_its_key(key: str) -> None:
    data = PersonalData(name=NAME, phone=PHONE, id_number=ID_NUMBER)
    sealed = PersonalDataSealer(key).seal(data)
    assert not any(form in sealed for form in secrets(NAME, PHONE, ID_NUMBER))
    assert PersonalDataSealer(key).open(sealed) == data
    assert sealed != PersonalDataSealer(key).seal(data)  # a fresh nonce each time
    with pytest.raises(SealError, match="open the ledger with its key"):
        PersonalDataSealer().open(sealed)
    with pytest.raises(SealError):
        PersonalDataSealer(AESCipher.create_key(16)).open(sealed)
    with pytest.raises(SealError):
        PersonalDataSealer(key).open(sealed[:-1] + bytes([sealed[-1] ^ 1]))  # damaged
    with pytest.raises(SealError, match="unknown sealed format"):
        PersonalDataSealer(key).open(b"\x7f" + sealed[1:])
    clear = PersonalDataSealer().seal(data)
    assert PHONE.encode() in clear  # without a key: in clear, as the warning says
    assert PersonalDataSealer(key).open(clear) == data


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


def test_the_ledger_matches_one_person_written_two_ways_by_id_hash(key: str) -> None:
    ledger = Ledger("memory:", cipher_key=key, clock=FixedClock(NOW))
    register(ledger, V1, id_number="11010119900307123x")
    register(ledger, V2, id_number="110101 19900307 123X")
    first, second = ledger.volunteer(V1).state.id_hash, ledger.volunteer(V2).state.id_hash
    assert first == second != ""
    assert ID_NUMBER.lower() not in first
    elsewhere = Ledger("memory:", cipher_key=AESCipher.create_key(16), clock=FixedClock(NOW))
    register(elsewhere, V1, id_number=ID_NUMBER)
    assert elsewhere.volunteer(V1).state.id_hash != first
