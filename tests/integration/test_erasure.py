"""Erasure by crypto-shredding (个人信息保护法 Art.47), on every backend, with and without a key.

A volunteer's personal data is sealed under a key of their own; erasing them records
``PersonalDataErased`` and destroys that key. These tests show the promise from both
sides: the erased name, phone, ID number and the key itself are nowhere in the store (the
SQLite files after the command, every row of the PostgreSQL schema), while every figure,
total and the hash chain are exactly what they were. And as a forger would try it: a key
row put back, a key copied from an earlier copy of the file.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import msgspec
import pytest
from eventsourcing.cipher import AESCipher

from conftest import FixedClock
from erasure_support import (
    CERTIFICATE,
    CLERK,
    ID_NUMBER,
    NAME,
    NEW_PHONE,
    NOW,
    PHONE,
    V1,
    V2,
    V2_NAME,
    V2_PHONE,
    erase,
    figures,
    found,
    record_station,
    sqlite_file_bytes,
    store_bytes,
)
from sgz_ledger import Ledger, NotFound, StoreError
from sgz_ledger.audit.export import write_export
from sgz_ledger.audit.trail import trail
from sgz_ledger.domain.errors import InvalidInput, PersonalDataErasedError
from sgz_ledger.domain.events import PersonalDataErased, VolunteerRegistered
from sgz_ledger.render.certificates import certificate_text
from sgz_ledger.service.erasure import keys_left
from sgz_ledger.storage.sealing import (
    PersonalDataInClearWarning,
    PersonalDataSealer,
    SealError,
    pseudonym,
)
from sgz_ledger.storage.subject_keys import SUBJECT_KEYS_TABLE, SubjectKey, volunteer_subject

pytestmark = pytest.mark.filterwarnings(
    f"ignore::{PersonalDataInClearWarning.__module__}.{PersonalDataInClearWarning.__name__}"
)

SECRETS = (NAME, PHONE, NEW_PHONE, ID_NUMBER)


@pytest.fixture(params=["no-key", "key"])
def cipher_key(request: pytest.FixtureRequest) -> str:
    """Each test with a store without a cipher key, and with one."""
    return "" if request.param == "no-key" else AESCipher.create_key(16)


@pytest.fixture
def station(store_url: str, cipher_key: str) -> Iterator[Ledger]:
    ledger = Ledger(store_url, cipher_key=cipher_key, clock=FixedClock(NOW))
    record_station(ledger)
    yield ledger
    ledger.close()


def subject_key_of(ledger: Ledger, volunteer_id: str) -> SubjectKey:
    sealed = ledger.volunteer(volunteer_id).state.personal_sealed
    key = ledger.subject_keys.get(PersonalDataSealer.key_id(sealed) or b"")
    assert key is not None
    return key


def stored_key(ledger: Ledger, key: SubjectKey) -> bytes:
    """The key as its row stores it (wrapped with a cipher key, else the key itself)."""
    row = ledger.subject_keys._select(key.key_id)  # type: ignore[attr-defined]
    assert row is not None
    stored: bytes = row.stored
    return stored


# ---- the promise: gone from the store, every figure the same ---------------------------------


def test_erasure_destroys_the_data_and_keeps_every_figure_and_the_chain(
    station: Ledger, store_url: str, cipher_key: str
) -> None:
    ledger = station
    key = subject_key_of(ledger, V1)
    row = stored_key(ledger, key)
    before = figures(ledger)
    head = ledger.log_position()
    anchor = ledger.anchor()
    assert ledger.verify().ok
    # The control: the search finds the row's bytes before the erasure.
    assert row in store_bytes(ledger, store_url)
    if not cipher_key:
        assert key.key in store_bytes(ledger, store_url)

    event = erase(ledger)

    assert isinstance(event, PersonalDataErased)
    assert event.key_ids == (key.key_id.hex(),)
    assert event.legacy_sealed == 0
    assert ledger.log_position() == head + 1
    data = store_bytes(ledger, store_url)
    assert found(data, *SECRETS) == []
    assert key.key not in data
    assert row not in data
    assert ledger.subject_keys.get(key.key_id) is None
    assert ledger.subject_keys.key_ids(volunteer_subject(V1)) == []
    with pytest.raises(PersonalDataErasedError) as info:
        ledger.personal_data(V1)
    assert info.value.reason == "personal_data_erased"
    # Everything else as it was: the figures, the chain up to the old head, the others' data.
    assert figures(ledger) == before
    report = ledger.verify(anchors=[anchor] if anchor else [])
    assert report.ok
    assert ledger.anchor(head) == anchor
    assert ledger.personal_data(V2).name == V2_NAME
    assert ledger.personal_data(V2).phone == V2_PHONE


def test_after_the_command_the_sqlite_files_hold_nothing_of_it(
    tmp_path: Path, cipher_key: str
) -> None:
    """The files on disk after the ledger is closed and after it is reopened."""
    db = tmp_path / "station.db"
    ledger = Ledger(str(db), cipher_key=cipher_key, clock=FixedClock(NOW))
    record_station(ledger)
    key = subject_key_of(ledger, V1)
    erase(ledger)
    assert not os.path.exists(str(db) + "-wal") or os.path.getsize(str(db) + "-wal") == 0
    ledger.close()
    again = Ledger(str(db), cipher_key=cipher_key, clock=FixedClock(NOW))
    try:
        assert again.verify().ok
        with pytest.raises(PersonalDataErasedError):
            again.personal_data(V1)
    finally:
        again.close()
    data = sqlite_file_bytes(db)
    assert found(data, *SECRETS) == []
    assert key.key not in data


def test_erasing_again_returns_the_first_erasure_and_records_nothing(station: Ledger) -> None:
    first = erase(station)
    head = station.log_position()
    again = erase(station, reason="又申请了一次", requested_by="监护人")
    assert again == first
    assert station.log_position() == head


def test_erasing_an_unknown_volunteer_is_not_found(station: Ledger) -> None:
    head = station.log_position()
    with pytest.raises(NotFound):
        erase(station, "V-9999")
    assert station.log_position() == head


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("requested_by", NAME),
        ("requested_by", f"{NAME}本人"),
        ("reason", f"手机{PHONE}的主人申请删除"),
        ("reason", f"身份证{ID_NUMBER.lower()}"),
        ("reason", f"新号{NEW_PHONE}"),  # the corrected phone too
        ("actor", NAME),
    ],
)
def test_an_erasure_that_would_record_the_data_itself_is_refused(
    station: Ledger, field: str, value: str
) -> None:
    head = station.log_position()
    with pytest.raises(InvalidInput) as info:
        erase(station, **{field: value})
    assert field in str(info.value)
    assert station.log_position() == head
    assert station.personal_data(V1).name == NAME  # nothing erased


def test_after_erasure_no_correction_or_new_registration_under_the_id(station: Ledger) -> None:
    erase(station)
    head = station.log_position()
    day = dt.date(2025, 1, 14)
    for field, value in (("phone", "13100000000"), ("name", "新名字"), ("skills", "理发")):
        with pytest.raises(PersonalDataErasedError, match="erased"):
            station.correct_volunteer_profile(volunteer_id=V1, correction_id=f"P-{field}",
                                              field=field, value=value, reason="更正",
                                              actor=CLERK, occurred_on=day)  # fmt: skip
    with pytest.raises(PersonalDataErasedError, match="new id"):
        station.register_volunteer(volunteer_id=V1, station_id="cuizhai", name=NAME,
                                   registered_on=day, consent=True, actor=CLERK,
                                   occurred_on=day)  # fmt: skip
    assert station.log_position() == head
    # A correction recorded before the erasure, repeated, is still the recorded one.
    station.correct_volunteer_profile(volunteer_id=V1, correction_id="P-1", field="phone",
                                      value=NEW_PHONE, reason="换号", actor=CLERK,
                                      occurred_on=dt.date(2024, 3, 12))  # fmt: skip
    assert station.log_position() == head


def test_hours_stay_counted_under_the_pseudonym(station: Ledger) -> None:
    erase(station)
    [account] = [a for a in station.volunteer_accounts() if a.volunteer_id == V1]
    assert account.service_s == 2 * 3600 + 1800
    # Service may still be recorded and approved under the id.
    station.record_service(record_id="R-9", volunteer_id=V1, activity_id="A-0302",
                           duration_s=600, service_date=dt.date(2024, 3, 2), actor=CLERK,
                           occurred_on=dt.date(2025, 1, 14))  # fmt: skip
    station.approve_service(volunteer_id=V1, record_id="R-9", actor="刘军",
                            occurred_on=dt.date(2025, 1, 14))  # fmt: skip
    [account] = [a for a in station.volunteer_accounts() if a.volunteer_id == V1]
    assert account.service_s == 2 * 3600 + 1800 + 600


# ---- the outputs: the pseudonym where the name was, nothing personal -------------------------


def test_certificates_name_the_pseudonym_and_still_verify(station: Ledger) -> None:
    issued = station.certificate(CERTIFICATE, V1)
    assert issued.name == NAME
    erase(station)
    cert = station.certificate(CERTIFICATE, V1)
    assert cert.name == pseudonym(V1) == f"已删除 erased {V1}"
    assert cert.name_erased
    assert not cert.name_disclosed
    assert (cert.total_s, cert.records, cert.verification_code) == (
        issued.total_s,
        issued.records,
        issued.verification_code,
    )
    text = certificate_text(cert)
    assert f"已删除 erased {V1}" in text
    assert found(text.encode(), *SECRETS) == []
    check = station.verify_certificate(CERTIFICATE, issued.verification_code)
    assert check.ok
    assert check.certificate is not None
    assert check.certificate.name == pseudonym(V1)


def test_the_trail_records_the_erasure_and_nothing_personal(station: Ledger) -> None:
    erase(station)
    entries = trail(station, volunteer_id=V1)
    [erasure] = [e for e in entries if e.event == "PersonalDataErased"]
    assert (erasure.label_zh, erasure.label_en) == ("个人信息删除", "personal data erased")
    assert erasure.reason == "本人申请删除个人信息"
    assert "本人" in erasure.summary
    assert "keys destroyed 1" in erasure.summary
    text = json.dumps(msgspec.to_builtins(entries), ensure_ascii=False)
    assert found(text.encode(), *SECRETS) == []


def test_the_export_leaves_the_erased_volunteers_sealed_data_out(
    station: Ledger, cipher_key: str
) -> None:
    import io

    erase(station)
    out = io.StringIO()
    write_export(station, "jsonl", out)
    lines = [json.loads(x) for x in out.getvalue().splitlines()]
    registered = {
        x["fields"]["volunteer_id"]: x for x in lines if x.get("type") == "VolunteerRegistered"
    }
    assert registered[V1]["fields"]["personal_sealed"] is None
    assert registered[V1]["fields"]["id_hash"] is None
    assert registered[V1]["redacted"] == ["personal_sealed", "id_hash"]
    corrected = [x for x in lines if x.get("type") == "VolunteerProfileCorrected"]
    assert all(x["fields"]["personal_sealed"] is None for x in corrected)
    # Another volunteer's sealed data: base64 only where the store's key wraps its keys.
    assert (registered[V2]["fields"]["personal_sealed"] is None) == (not cipher_key)
    [erasure] = [x for x in lines if x.get("type") == "PersonalDataErased"]
    assert erasure["fields"]["volunteer_id"] == V1
    assert found(out.getvalue().encode(), *SECRETS) == []


# ---- a crash between the event and the key's destruction ---------------------------------------


def test_an_erasure_whose_key_was_not_destroyed_is_finished_by_erasing_again(
    station: Ledger, monkeypatch: pytest.MonkeyPatch
) -> None:
    from eventsourcing.persistence import OperationalError

    key = subject_key_of(station, V1)

    def fail(*_: Any) -> int:
        raise OperationalError("disk I/O error")

    monkeypatch.setattr(station.subject_keys, "_delete", fail)
    with pytest.raises(StoreError, match="run the erasure again"):
        erase(station)
    monkeypatch.undo()
    assert isinstance(station.volunteer(V1).state.erased, PersonalDataErased)
    with pytest.raises(PersonalDataErasedError):
        station.personal_data(V1)  # hidden already
    assert station.subject_keys.stored(key.key_id)
    assert keys_left(station) == {V1: (key.key_id,)}  # what an audit reports
    erase(station)
    assert not station.subject_keys.stored(key.key_id)
    assert keys_left(station) == {}


# ---- as a forger would try it --------------------------------------------------------------------


def sqlite_insert_key_row(db: Path, row: tuple[bytes, str, bytes, str]) -> None:
    con = sqlite3.connect(db)
    with con:
        con.execute(f"INSERT INTO {SUBJECT_KEYS_TABLE} VALUES (?, ?, ?, ?)", row)
    con.close()


def test_a_key_row_put_back_opens_nothing_and_is_destroyed_again(
    tmp_path: Path, cipher_key: str
) -> None:
    """A forger with write access re-inserts a row under the erased key's id: without the
    key itself they can only put random bytes there, which open nothing (AES-GCM checks
    its tag); the erasure event still hides the volunteer; erasing again deletes the row."""
    db = tmp_path / "station.db"
    ledger = Ledger(str(db), cipher_key=cipher_key, clock=FixedClock(NOW))
    record_station(ledger)
    key = subject_key_of(ledger, V1)
    sealed = ledger.volunteer(V1).state.personal_sealed
    erase(ledger)
    ledger.close()
    forged = b"\x00" + os.urandom(32)
    sqlite_insert_key_row(db, (key.key_id, volunteer_subject(V1), forged, NOW.isoformat()))
    ledger = Ledger(str(db), cipher_key=cipher_key, clock=FixedClock(NOW))
    try:
        assert keys_left(ledger) == {V1: (key.key_id,)}  # seen
        with pytest.raises(SealError):
            ledger.sealer.open(sealed)
        with pytest.raises(PersonalDataErasedError):
            ledger.personal_data(V1)
        assert ledger.certificate(CERTIFICATE, V1).name == pseudonym(V1)
        erase(ledger)
        assert ledger.subject_keys.key_ids(volunteer_subject(V1)) == []
        assert keys_left(ledger) == {}
        assert forged not in sqlite_file_bytes(db)
    finally:
        ledger.close()


def test_a_key_copied_back_from_an_earlier_copy_is_still_hidden_and_destroyed_again(
    tmp_path: Path, cipher_key: str
) -> None:
    """The limit of erasure, said plainly: a copy of the store made before it (a backup)
    still holds the key, and copying that row back into the erased store opens the data
    again. The ledger still shows it nowhere (the erasure event is in the chained log), and
    erasing again destroys the copied row; backups are erased only by expiring them
    (docs/volunteers.md)."""
    db = tmp_path / "station.db"
    backup = tmp_path / "backup.db"
    ledger = Ledger(str(db), cipher_key=cipher_key, clock=FixedClock(NOW))
    record_station(ledger)
    key = subject_key_of(ledger, V1)
    sealed = ledger.volunteer(V1).state.personal_sealed
    ledger.close()
    shutil.copy(db, backup)
    ledger = Ledger(str(db), cipher_key=cipher_key, clock=FixedClock(NOW))
    erase(ledger)
    ledger.close()
    con = sqlite3.connect(backup)
    [row] = con.execute(
        f"SELECT key_id, subject, key, created FROM {SUBJECT_KEYS_TABLE} WHERE key_id = ?",
        (key.key_id,),
    ).fetchall()
    con.close()
    sqlite_insert_key_row(db, row)
    ledger = Ledger(str(db), cipher_key=cipher_key, clock=FixedClock(NOW))
    try:
        assert ledger.sealer.open(sealed).name == NAME  # the backup's key opens it: the limit
        with pytest.raises(PersonalDataErasedError):
            ledger.personal_data(V1)
        assert ledger.certificate(CERTIFICATE, V1).name == pseudonym(V1)
        erase(ledger)  # erasing again destroys what was put back
        assert ledger.subject_keys.get(key.key_id) is None
    finally:
        ledger.close()
    assert row[2] not in sqlite_file_bytes(db)


def test_a_key_row_relabelled_to_another_subject_is_destroyed_by_its_id(
    tmp_path: Path, cipher_key: str
) -> None:
    """A row's subject is a column: relabelled, a delete by subject alone would miss it;
    the erasure also deletes every key id the volunteer's own events name."""
    db = tmp_path / "station.db"
    ledger = Ledger(str(db), cipher_key=cipher_key, clock=FixedClock(NOW))
    record_station(ledger)
    key = subject_key_of(ledger, V1)
    row = stored_key(ledger, key)
    ledger.close()
    con = sqlite3.connect(db)
    with con:
        con.execute(
            f"UPDATE {SUBJECT_KEYS_TABLE} SET subject = ? WHERE key_id = ?",
            (volunteer_subject(V2), key.key_id),
        )
    con.close()
    ledger = Ledger(str(db), cipher_key=cipher_key, clock=FixedClock(NOW))
    try:
        with pytest.raises(SealError):  # relabelled, it opens nothing (its subject is bound)
            ledger.personal_data(V1)
        erase(ledger)
        assert ledger.subject_keys.get(key.key_id) is None
    finally:
        ledger.close()
    data = sqlite_file_bytes(db)
    assert row not in data
    assert key.key not in data


# ---- what is never created -------------------------------------------------------------------


def test_a_dry_run_stores_no_key_and_a_reader_creates_no_table(tmp_path: Path) -> None:
    from sgz_ledger.service import commands as b

    db = tmp_path / "station.db"
    ledger = Ledger(str(db), clock=FixedClock(NOW))
    command = b.validate_command(
        b.RegisterVolunteer,
        {"volunteer_id": V1, "station_id": "cuizhai", "name": NAME,
         "registered_on": dt.date(2024, 3, 1), "consent": True, "actor": CLERK,
         "occurred_on": dt.date(2024, 3, 1)},
    )  # fmt: skip
    ledger.check_batch([command])
    # Readers of a store without subject keys find none and create nothing.
    assert ledger.subject_keys.get(b"\x00" * 16) is None
    assert ledger.subject_keys.key_ids(volunteer_subject(V1)) == []
    ledger.close()
    con = sqlite3.connect(db)
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    con.close()
    assert SUBJECT_KEYS_TABLE not in tables
    assert "stored_events" in tables


def test_registration_and_correction_in_one_batch_share_the_pending_key() -> None:
    from sgz_ledger.service import commands as b

    ledger = Ledger("memory:", clock=FixedClock(NOW))
    day = dt.date(2024, 3, 1)
    base = {"actor": CLERK, "occurred_on": day}
    ledger.execute_batch(
        [
            b.validate_command(b.RegisterVolunteer, {**base, "volunteer_id": V1,
                               "station_id": "cuizhai", "name": NAME, "phone": PHONE,
                               "registered_on": day, "consent": True}),
            b.validate_command(b.CorrectVolunteerProfile, {**base, "volunteer_id": V1,
                               "correction_id": "P-1", "field": "phone", "value": NEW_PHONE,
                               "reason": "换号"}),
            b.validate_command(b.RegisterVolunteer, {**base, "volunteer_id": V1,
                               "station_id": "cuizhai", "name": NAME, "phone": PHONE,
                               "registered_on": day, "consent": True}),
        ]
    )  # fmt: skip
    assert ledger.personal_data(V1).phone == NEW_PHONE
    keys = {
        PersonalDataSealer.key_id(e.personal_sealed)
        for e in ledger.stored_events()
        if getattr(e, "personal_sealed", None)
    }
    assert len(keys) == 1  # one key for the volunteer: the correction reused it
    registered = [e for e in ledger.stored_events() if isinstance(e, VolunteerRegistered)]
    assert len(registered) == 1


# ---- below the rows: the database files themselves ---------------------------------------------


def test_a_sqlite_build_without_secure_delete_by_default_loses_the_key_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Python's SQLite is built with secure delete on here; elsewhere (other builds) it is off
    by default and a deleted row's bytes stay in its page. The erasure must not rely on the
    build: every connection here starts with it off."""
    from eventsourcing.sqlite import SQLiteConnectionPool

    create = SQLiteConnectionPool._create_connection

    def insecure(self: SQLiteConnectionPool) -> Any:
        connection = create(self)
        connection.cursor().execute("PRAGMA secure_delete = OFF")
        return connection

    monkeypatch.setattr(SQLiteConnectionPool, "_create_connection", insecure)
    db = tmp_path / "station.db"
    ledger = Ledger(str(db), clock=FixedClock(NOW))
    try:
        record_station(ledger)
        key = subject_key_of(ledger, V1)
        erase(ledger)
        assert key.key not in sqlite_file_bytes(db)
    finally:
        ledger.close()
    assert key.key not in sqlite_file_bytes(db)


@pytest.mark.postgres
def test_postgres_keeps_no_copy_of_the_key_in_the_tables_files(pg_url: str) -> None:
    """Rows a DELETE removes stay in the table's file (dead tuples) until it is rewritten:
    the file that held the key table before the erasure holds nothing of the key after it
    (read by the server's own pg_read_binary_file, which needs a superuser)."""
    import psycopg

    from conftest import PG_DB, PG_HOST, PG_PORT, PG_USER

    ledger = Ledger(pg_url, clock=FixedClock(NOW))
    try:
        record_station(ledger)
        key = subject_key_of(ledger, V1)
        schema = ledger.settings.pg_schema
        table = f'"{schema}".{SUBJECT_KEYS_TABLE}'
        with psycopg.connect(
            host=PG_HOST, port=PG_PORT, dbname=PG_DB, user=PG_USER, autocommit=True
        ) as conn:
            if conn.execute("SELECT current_setting('is_superuser')").fetchone() != ("on",):
                pytest.skip("reading a table's file needs a superuser")
            [(before,)] = conn.execute("SELECT pg_relation_filepath(%s)", (table,)).fetchall()
            conn.execute("CHECKPOINT")
            [(content,)] = conn.execute(
                "SELECT pg_read_binary_file(%s::text)", (before,)
            ).fetchall()
            assert key.key in bytes(content)  # the control: the key is in the file now
            erase(ledger)
            conn.execute("CHECKPOINT")
            [(after,)] = conn.execute("SELECT pg_relation_filepath(%s)", (table,)).fetchall()
            for path in {before, after}:
                [(content,)] = conn.execute(
                    "SELECT pg_read_binary_file(%s::text, 0, 100000000, true)", (path,)
                ).fetchall()
                assert content is None or key.key not in bytes(content)
    finally:
        ledger.close()


@pytest.mark.postgres
def test_postgres_waits_for_a_transaction_older_than_the_erasure(
    pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A snapshot taken before the DELETE may still see the row, and VACUUM (FULL) then
    copies it into the table's new file. The erasure waits for such a transaction; one
    that outlasts the wait is said (StoreError), and erasing again once it ended finishes."""
    import psycopg

    from conftest import PG_DB, PG_HOST, PG_PORT, PG_USER
    from sgz_ledger.storage import subject_keys

    monkeypatch.setattr(subject_keys, "PG_SNAPSHOT_WAIT_S", 0.3)
    ledger = Ledger(pg_url, clock=FixedClock(NOW))
    connect = {"host": PG_HOST, "port": PG_PORT, "dbname": PG_DB, "user": PG_USER}
    try:
        record_station(ledger)
        key = subject_key_of(ledger, V1)
        table = f'"{ledger.settings.pg_schema}".{SUBJECT_KEYS_TABLE}'
        with psycopg.connect(**connect) as old:
            old.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            old.execute("SELECT 1")  # its snapshot, taken before the erasure
            with pytest.raises(StoreError, match="run the erasure again"):
                erase(ledger)
            old.rollback()
        assert ledger.subject_keys.get(key.key_id) is None  # deleted all the same
        erase(ledger)  # no older transaction now: the table is written anew without it
        with psycopg.connect(**connect, autocommit=True) as conn:
            if conn.execute("SELECT current_setting('is_superuser')").fetchone() != ("on",):
                return
            conn.execute("CHECKPOINT")
            [(path,)] = conn.execute("SELECT pg_relation_filepath(%s)", (table,)).fetchall()
            [(content,)] = conn.execute("SELECT pg_read_binary_file(%s::text)", (path,)).fetchall()
            assert key.key not in bytes(content)
    finally:
        ledger.close()


# ---- when the store does not let the key go -------------------------------------------------


def test_a_reader_holding_the_wal_is_reported_and_erasing_again_finishes(tmp_path: Path) -> None:
    """Another process in a read transaction keeps the WAL (which may hold the key's old
    page) from being emptied: the erasure says so instead of claiming success."""
    db = tmp_path / "station.db"
    ledger = Ledger(str(db), clock=FixedClock(NOW))
    try:
        record_station(ledger)
        key = subject_key_of(ledger, V1)
        reader = sqlite3.connect(db, isolation_level=None)
        reader.execute("BEGIN")
        reader.execute("SELECT COUNT(*) FROM stored_events").fetchone()
        with pytest.raises(StoreError, match="run the erasure again") as info:
            erase(ledger)
        assert "write-ahead log" in str(info.value)
        reader.execute("COMMIT")
        reader.close()
        with pytest.raises(PersonalDataErasedError):
            ledger.personal_data(V1)  # recorded, and hidden, all the same
        erase(ledger)
        assert key.key not in sqlite_file_bytes(db)
    finally:
        ledger.close()


def test_a_full_disk_during_the_vacuum_is_a_store_error_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from eventsourcing.sqlite import SQLiteCursor

    db = tmp_path / "station.db"
    ledger = Ledger(str(db), clock=FixedClock(NOW))
    try:
        record_station(ledger)
        key = subject_key_of(ledger, V1)
        execute = SQLiteCursor.execute

        def full(self: SQLiteCursor, *args: Any, **kwargs: Any) -> None:
            if args and args[0] == "VACUUM":
                raise sqlite3.OperationalError("database or disk is full")
            execute(self, *args, **kwargs)

        monkeypatch.setattr(SQLiteCursor, "execute", full)
        with pytest.raises(StoreError, match=r"disk is full.*run the erasure again"):
            erase(ledger)
        monkeypatch.undo()
        erase(ledger)
        assert key.key not in sqlite_file_bytes(db)
    finally:
        ledger.close()


def test_a_one_character_name_or_a_short_number_does_not_refuse_every_reason() -> None:
    ledger = Ledger("memory:", clock=FixedClock(NOW))
    day = dt.date(2024, 3, 1)
    ledger.register_volunteer(volunteer_id="V-9", station_id="cuizhai", name="王", phone="12",
                              registered_on=day, consent=True, actor=CLERK,
                              occurred_on=day)  # fmt: skip
    event = erase(ledger, "V-9", reason="王先生2012年登记，本人申请删除")
    assert isinstance(event, PersonalDataErased)
