"""After a key rotation, every person is found as before: by name, identifier or ID number.

A donor who is a person, a served person and an ID number's claim are found through a keyed
hash of what the station types (the name, the identifier, the number) under a key derived
from the store's cipher key. ``rekey`` copies the store under a new cipher key; in the copy
each of them must still be found from what the station types, under the new key: an erasure
must find and destroy the person's key, a later gift or session of the same person must use
their key (one key per person, so one erasure erases them), an ID number must stay claimed,
and every figure must be what it was.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path
from typing import Any

import msgspec
import pytest
from eventsourcing.cipher import AESCipher

from conftest import FixedClock
from donor_support import (
    CLERK,
    CZ,
    NOW,
    PERSON,
    PERSON_2,
    figures,
    gift,
    record_gifts,
    statement_names,
)
from sgz_ledger import DuplicateIdNumber, Ledger, StoreError
from sgz_ledger.cli import EXIT_FINDING, EXIT_OK, EXIT_USAGE, main
from sgz_ledger.domain.delivery import served_uuid
from sgz_ledger.storage.donor_names import donor_pseudonym
from sgz_ledger.storage.sealing import SERVED_LINEAGE_META, SealError

STATION = "cuizhai"  # the demo's station
WORKER = "孙悦"  # the demo's youth worker, who records its group sessions
REGISTRAR = "陈晓"
CHILD = "CZ-C-0001"  # a child of the demo's group, identified at each of its sessions
RESIDENT = "CZ-R-0001"  # the demo's case
VOLUNTEER = "V-9001"
ID_NUMBER = "370102199001011234"
YEAR = (dt.date(2024, 1, 1), dt.date(2024, 12, 31))


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def key_file(path: Path) -> Path:
    path.write_text(AESCipher.create_key(16) + "\n", encoding="utf-8")
    return path


def key_of(path: Path) -> str:
    return path.read_text(encoding="utf-8").strip()


def record_people(ledger: Ledger) -> None:
    """The demo year (its served people), gifts of people, a volunteer with an ID number."""
    record_gifts(ledger)
    ledger.register_volunteer(
        volunteer_id=VOLUNTEER,
        station_id=STATION,
        name="周晓岚",
        id_number=ID_NUMBER,
        registered_on=dt.date(2024, 3, 1),
        consent=True,
        actor=REGISTRAR,
        occurred_on=dt.date(2024, 3, 1),
    )


def session(ledger: Ledger, session_id: str, *identified: str) -> None:
    """Another session of the demo's group, its people identified."""
    ledger.hold_group_session(
        station_id=STATION,
        group_id="XZ-2024-01",
        session_id=session_id,
        duration_s=5400,
        participants=len(identified),
        identified=identified,
        content="加场",
        actor=WORKER,
        occurred_on=dt.date(2024, 8, 1),
    )


def delivery(ledger: Ledger) -> Any:
    return msgspec.to_builtins(ledger.delivery_report(date_from=YEAR[0], date_to=YEAR[1]))


def all_figures(ledger: Ledger) -> dict[str, Any]:
    """The donors' figures (statements, summaries, the annual report), delivery, volunteers."""
    return {
        **figures(ledger),
        "delivery": delivery(ledger),
        "volunteers": msgspec.to_builtins(ledger.volunteer_accounts()),
    }


def donor_key_ids(ledger: Ledger, name: str) -> list[bytes]:
    return ledger.subject_keys.key_ids(ledger.sealer.donor_subject(name))


def sealed_of(ledger: Ledger, receipt_no: str, fund_id: str = CZ) -> bytes:
    fund = ledger.fund(fund_id)
    sealed = fund.state.donations[receipt_no].donor_sealed  # type: ignore[attr-defined]
    assert isinstance(sealed, bytes)
    return sealed


def refs_of(ledger: Ledger, identifier: str) -> list[bytes]:
    """Every stored key found for the served person ``identifier`` names."""
    return [
        key_id
        for subject in ledger.sealer.served_subjects(identifier)
        for key_id in ledger.subject_keys.key_ids(subject)
    ]


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def target(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where the copy goes: a SQLite file, or a PostgreSQL schema."""
    if request.param == "sqlite":
        return str(tmp_path / "new.db")
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture
def rotated(
    tmp_path: Path, target: str, capsys: pytest.CaptureFixture[str]
) -> tuple[Path, str, Path, Path]:
    """A station's store with people, and its copy under a new key by ``rekey``."""
    old, old_key = tmp_path / "old.db", key_file(tmp_path / "old.key")
    new_key = key_file(tmp_path / "new.key")
    ledger = Ledger(str(old), cipher_key=key_of(old_key), clock=FixedClock(NOW))
    try:
        record_people(ledger)
    finally:
        ledger.close()
    code, _, err = run(
        capsys, "--store", str(old), "--cipher-key-file", str(old_key), "rekey", "--to",
        target, "--new-cipher-key-file", str(new_key),
    )  # fmt: skip
    assert code == EXIT_OK, err
    return old, target, old_key, new_key


def file_bytes(store: str) -> bytes:
    """A SQLite store's file and its write-ahead log."""
    return b"".join(p.read_bytes() for p in Path(store).parent.glob(Path(store).name + "*"))


def open_store(store: str | Path, key: Path, **options: Any) -> Ledger:
    return Ledger(str(store), cipher_key=key_of(key), clock=FixedClock(NOW), **options)


def erase_args(store: str | Path, key: Path, *who: str) -> tuple[str, ...]:
    return (
        "--store", str(store), "--cipher-key-file", str(key), "erase", *who, "--reason",
        "本人申请删除", "--requested-by", "本人", "--entered-by", CLERK, "--on", "2025-01-14",
    )  # fmt: skip


def test_a_donor_is_erased_by_name_in_the_copy(
    rotated: tuple[Path, str, Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    _, new, _, new_key = rotated
    ledger = open_store(new, new_key)
    try:
        subject = ledger.sealer.donor_subject(PERSON)
        [key_id] = donor_key_ids(ledger, PERSON)  # found by name, under the new key
        sealed = sealed_of(ledger, "P-001")
        assert ledger.sealer.key_id(sealed) == key_id
        assert ledger.sealer.open_name(sealed) == PERSON
        before = figures(ledger)
    finally:
        ledger.close()
    if not new.startswith("postgresql:"):
        assert subject.encode() in file_bytes(new)  # the control: the search finds the row
    code, _, err = run(capsys, *erase_args(new, new_key, "--donor", PERSON))
    assert code == EXIT_OK, err
    if not new.startswith("postgresql:"):
        assert subject.encode() not in file_bytes(new)
    ledger = open_store(new, new_key)
    try:
        assert ledger.subject_keys.get(key_id) is None
        assert donor_key_ids(ledger, PERSON) == []
        with pytest.raises(SealError):
            ledger.sealer.open_name(sealed_of(ledger, "P-001"))
        shown = statement_names(ledger)
        assert shown["P-001"] == donor_pseudonym(key_id)
        assert shown["P-003"] == PERSON_2
        assert figures(ledger) == before
        assert ledger.verify().ok
    finally:
        ledger.close()


def test_a_later_gift_of_the_same_person_uses_their_key(
    rotated: tuple[Path, str, Path, Path],
) -> None:
    _, new, _, new_key = rotated
    ledger = open_store(new, new_key)
    try:
        [key_id] = donor_key_ids(ledger, PERSON)
        gift(ledger, "P-101", PERSON, "100", on=dt.date(2024, 12, 1))
        assert ledger.sealer.key_id(sealed_of(ledger, "P-101")) == key_id
        assert donor_key_ids(ledger, PERSON) == [key_id]  # one key for one person
        summary = ledger.donor_summary(donor=PERSON)
        assert len(summary.donors) == 1
    finally:
        ledger.close()


def test_the_figures_are_those_of_the_old_store(rotated: tuple[Path, str, Path, Path]) -> None:
    old, new, old_key, new_key = rotated
    source = open_store(old, old_key, read_only=True)
    copy = open_store(new, new_key, read_only=True)
    try:
        assert all_figures(copy) == all_figures(source)
        assert delivery(copy)["distinct_people"] == 13  # the case's resident and 12 children
        assert len(refs_of(copy, CHILD)) == 1
        assert refs_of(copy, CHILD) == refs_of(source, CHILD)
    finally:
        copy.close()
        source.close()


def test_a_person_served_again_after_the_copy_counts_once(
    rotated: tuple[Path, str, Path, Path],
) -> None:
    _, new, _, new_key = rotated
    ledger = open_store(new, new_key)
    try:
        before = delivery(ledger)
        [key_id] = refs_of(ledger, CHILD)
        session(ledger, "6", CHILD, RESIDENT)
        after = delivery(ledger)
        assert after["distinct_people"] == before["distinct_people"]
        assert after["person_times"] == before["person_times"] + 2
        assert refs_of(ledger, CHILD) == [key_id]
        assert len(refs_of(ledger, RESIDENT)) == 1
    finally:
        ledger.close()


def test_a_served_person_is_erased_in_the_copy(
    rotated: tuple[Path, str, Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    _, new, _, new_key = rotated
    ledger = open_store(new, new_key)
    try:
        [key_id] = refs_of(ledger, CHILD)
        before = delivery(ledger)
    finally:
        ledger.close()
    code, out, err = run(capsys, *erase_args(new, new_key, "--served", CHILD, "--station", STATION))
    assert code == EXIT_OK, err
    assert CHILD not in out
    ledger = open_store(new, new_key)
    try:
        assert refs_of(ledger, CHILD) == []
        assert not ledger.subject_keys.stored(key_id)
        assert ledger.recorder.select_events(served_uuid(key_id), limit=1)
        assert delivery(ledger) == before  # still counted, as someone nobody can name
        session(ledger, "6", CHILD)  # the identifier given again: a new person
        assert delivery(ledger)["distinct_people"] == before["distinct_people"] + 1
    finally:
        ledger.close()


def test_an_id_number_stays_claimed_in_the_copy(
    rotated: tuple[Path, str, Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    _, new, _, new_key = rotated
    ledger = open_store(new, new_key)
    try:
        with pytest.raises(DuplicateIdNumber):
            ledger.register_volunteer(
                volunteer_id="V-9002", station_id=STATION, name="周晓岚", id_number=ID_NUMBER,
                registered_on=dt.date(2025, 1, 2), consent=True, actor=REGISTRAR,
                occurred_on=dt.date(2025, 1, 2),
            )  # fmt: skip
        # Corrected, the number is released, and another volunteer may then hold it.
        ledger.correct_volunteer_profile(
            volunteer_id=VOLUNTEER, correction_id="C-1", field="id_number",
            value="370102199001015678", reason="登记有误", actor=REGISTRAR,
            occurred_on=dt.date(2025, 1, 2),
        )  # fmt: skip
        ledger.register_volunteer(
            volunteer_id="V-9002", station_id=STATION, name="周晓岚", id_number=ID_NUMBER,
            registered_on=dt.date(2025, 1, 2), consent=True, actor=REGISTRAR,
            occurred_on=dt.date(2025, 1, 2),
        )  # fmt: skip
    finally:
        ledger.close()
    code, _, err = run(capsys, *erase_args(new, new_key, "--volunteer", VOLUNTEER))
    assert code == EXIT_OK, err


def test_the_people_of_a_store_copied_twice_are_found_in_the_last_copy(
    rotated: tuple[Path, str, Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, new, _, new_key = rotated
    ledger = open_store(new, new_key)
    try:
        session(ledger, "6", "CZ-N-0001")  # a person first served in the first copy
        expected = all_figures(ledger)
    finally:
        ledger.close()
    third, third_key = tmp_path / "third.db", key_file(tmp_path / "third.key")
    code, _, err = run(
        capsys, "--store", new, "--cipher-key-file", str(new_key), "rekey", "--to", str(third),
        "--new-cipher-key-file", str(third_key),
    )  # fmt: skip
    assert code == EXIT_OK, err
    ledger = open_store(third, third_key)
    try:
        assert all_figures(ledger) == expected
        people = delivery(ledger)["distinct_people"]
        session(ledger, "7", CHILD, "CZ-N-0001", RESIDENT)
        assert delivery(ledger)["distinct_people"] == people
        [key_id] = donor_key_ids(ledger, PERSON)
        gift(ledger, "P-101", PERSON, "100", on=dt.date(2024, 12, 1))
        assert donor_key_ids(ledger, PERSON) == [key_id]
    finally:
        ledger.close()
    for who in (("--served", "CZ-N-0001", "--station", STATION), ("--donor", PERSON)):
        code, _, err = run(capsys, *erase_args(third, third_key, *who))
        assert code == EXIT_OK, err
    ledger = open_store(third, third_key)
    try:
        assert refs_of(ledger, "CZ-N-0001") == []
        assert donor_key_ids(ledger, PERSON) == []
        assert (
            json.dumps(msgspec.to_builtins(ledger.donor_summary()), ensure_ascii=False).count(
                PERSON
            )
            == 0
        )
    finally:
        ledger.close()


def test_a_changed_served_lineage_is_refused_when_the_store_opens(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old, old_key = tmp_path / "old.db", key_file(tmp_path / "old.key")
    new, new_key = tmp_path / "new.db", key_file(tmp_path / "new.key")
    ledger = Ledger(str(old), cipher_key=key_of(old_key), clock=FixedClock(NOW))
    try:
        record_people(ledger)
    finally:
        ledger.close()
    code, _, err = run(
        capsys, "--store", str(old), "--cipher-key-file", str(old_key), "rekey", "--to",
        str(new), "--new-cipher-key-file", str(new_key),
    )  # fmt: skip
    assert code == EXIT_OK, err
    conn = sqlite3.connect(new)
    with conn:
        [(value,)] = conn.execute(
            "SELECT value FROM event_chain_meta WHERE name = ?", (SERVED_LINEAGE_META,)
        )
        changed = value[:-4] + ("AAAA" if value[-4:] != "AAAA" else "BBBB")
        conn.execute(
            "UPDATE event_chain_meta SET value = ? WHERE name = ?", (changed, SERVED_LINEAGE_META)
        )
    conn.close()
    with pytest.raises(StoreError, match="served lineage"):
        open_store(new, new_key)
    code, _, err = run(capsys, "--store", str(new), "--cipher-key-file", str(new_key), "delivery",
                       "--year", "2024")  # fmt: skip
    assert code == EXIT_USAGE
    assert "served lineage" in err


@pytest.mark.xfail(
    strict=True,
    reason="known gap: the served lineage is a metadata row outside the hash chain, so an "
    "insider who deletes it goes unseen (erasing a served person by identifier then fails); "
    "the fix is to bind the lineage into the copy's chain",
)
def test_a_deleted_served_lineage_is_found(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old, old_key = tmp_path / "old.db", key_file(tmp_path / "old.key")
    new, new_key = tmp_path / "new.db", key_file(tmp_path / "new.key")
    ledger = Ledger(str(old), cipher_key=key_of(old_key), clock=FixedClock(NOW))
    try:
        record_people(ledger)
    finally:
        ledger.close()
    code, _, err = run(
        capsys, "--store", str(old), "--cipher-key-file", str(old_key), "rekey", "--to",
        str(new), "--new-cipher-key-file", str(new_key),
    )  # fmt: skip
    assert code == EXIT_OK, err
    conn = sqlite3.connect(new)
    with conn:
        conn.execute("DELETE FROM event_chain_meta WHERE name = ?", (SERVED_LINEAGE_META,))
    conn.close()
    try:
        open_store(new, new_key).close()
    except StoreError:
        return  # refused when the store opens: found
    code, _, _ = run(capsys, "--store", str(new), "--cipher-key-file", str(new_key), "verify")
    assert code == EXIT_FINDING
