"""Key rotation: ``sgz-ledger rekey`` copies a store under a new key and proves the copy.

The copy must open with the new key only, answer every figure as the old store did, hold
volunteers' personal data openable (and erasable) in the new store, carry an erasure over,
and record which history it continues. A store that does not verify is not copied.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import msgspec
import pytest

from sgz_ledger import CipherKeyError, Ledger
from sgz_ledger.cli import EXIT_FINDING, EXIT_OK, EXIT_USAGE, main

GOLDEN = Path(__file__).parent.parent / "golden"
OLD_KEY = GOLDEN / "golden.cipher.key"
CHAIN_KEY = GOLDEN / "golden.chain.key"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def file_bytes(path: Path) -> bytes:
    """The store's file and its write-ahead log (the -shm file is SQLite's index of the log,
    which a reader may make: not the store's content)."""
    wal = Path(str(path) + "-wal")
    return path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


@pytest.fixture
def new_key(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    key = tmp_path / "new.key"
    assert run(capsys, "keygen", "cipher", "-o", str(key))[0] == EXIT_OK
    return key


def reports(store: str, key: Path, chain: Path | None) -> dict[str, Any]:
    ledger = Ledger(
        store,
        cipher_key=key.read_text(encoding="utf-8").strip(),
        chain_key=chain.read_text(encoding="utf-8").strip() if chain else "",
        read_only=True,
    )
    try:
        return {
            "balances": ledger.balances(),
            # The report's figures; its anchor is the new chain's, which differs by design.
            "report": msgspec.structs.replace(ledger.annual_report(2024), anchor=None),
            "statement": msgspec.structs.replace(ledger.statement("cz-cuizhai"), anchor=None),
            "accounts": ledger.volunteer_accounts(),
            "phone": ledger.personal_data("V-0001").phone,
        }
    finally:
        ledger.close()


def test_an_encrypted_earlier_store_is_copied_under_a_new_key(
    tmp_path: Path, new_key: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = tmp_path / "old.db"
    shutil.copy(GOLDEN / "legacy-keyed.db", old)
    before = file_bytes(old)
    new = tmp_path / "new.db"
    code, out, _ = run(
        capsys, "--store", str(old), "--cipher-key-file", str(OLD_KEY), "rekey", "--to",
        str(new), "--new-cipher-key-file", str(new_key), "--chain-key-file", str(CHAIN_KEY),
        "--json",
    )  # fmt: skip
    assert code == EXIT_OK
    report = json.loads(out)
    assert report["target"]["ok"]
    assert report["resealed"] == 4  # three registrations and one phone correction
    assert file_bytes(old) == before  # the old store is only read
    # The new store opens with the new key only.
    with pytest.raises(CipherKeyError):
        Ledger(str(new), cipher_key=OLD_KEY.read_text(encoding="utf-8").strip())
    with pytest.raises(CipherKeyError):
        Ledger(str(new))
    assert reports(str(new), new_key, CHAIN_KEY) == reports(str(old), OLD_KEY, CHAIN_KEY)
    # It says which history it continues: the old store's head anchor.
    meta = dict(sqlite3.connect(new).execute("SELECT name, value FROM event_chain_meta"))
    assert meta["copied_from"] == report["source_head"]["algorithm"] + "/" + report["source_head"][
        "key_fingerprint"
    ] + ":{position}:{digest}".format(**report["source_head"])
    assert meta["cipher"] == "aes-gcm"
    # The personal data recorded before subject keys is now erasable in the new store.
    code, _, _ = run(
        capsys, "--store", str(new), "--cipher-key-file", str(new_key), "--chain-key-file",
        str(CHAIN_KEY), "erase", "--volunteer", "V-0001", "--reason", "本人申请",
        "--requested-by", "本人", "--on", "2025-02-01",
    )  # fmt: skip
    assert code == EXIT_OK
    ledger = Ledger(
        str(new),
        cipher_key=new_key.read_text(encoding="utf-8").strip(),
        chain_key=CHAIN_KEY.read_text(encoding="utf-8").strip(),
    )
    try:
        from sgz_ledger.service.erasure import keys_left

        assert keys_left(ledger) == {}
        assert ledger.verify().ok
    finally:
        ledger.close()


def test_an_erasure_in_a_clear_store_is_carried_into_the_copy(
    tmp_path: Path, new_key: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Data sealed before subject keys stays in the old file after an erasure; the copy
    made by rekey holds none of it."""
    old = tmp_path / "old.db"
    shutil.copy(GOLDEN / "legacy-plain.db", old)
    code, _, _ = run(
        capsys, "--store", str(old), "erase", "--volunteer", "V-0002", "--reason", "本人申请",
        "--requested-by", "本人", "--on", "2025-02-01",
    )  # fmt: skip
    assert code == EXIT_OK
    assert b"13900000002" in file_bytes(old)  # the earlier format is not shredded in place
    new = tmp_path / "new.db"
    code, _, _ = run(
        capsys, "--store", str(old), "rekey", "--to", str(new), "--new-cipher-key-file",
        str(new_key),
    )  # fmt: skip
    assert code == EXIT_OK
    data = file_bytes(new)
    for secret in ("13900000002", "37010219850505123X", "王强"):
        assert secret.encode("utf-8") not in data
    ledger = Ledger(str(new), cipher_key=new_key.read_text(encoding="utf-8").strip())
    try:
        from sgz_ledger import LedgerError

        with pytest.raises(LedgerError):
            ledger.personal_data("V-0002")
        assert ledger.personal_data("V-0001").phone == "13900000001"
        old_ledger = Ledger(str(old), read_only=True)
        assert ledger.volunteer_accounts() == old_ledger.volunteer_accounts()
        assert ledger.balances() == old_ledger.balances()
        old_ledger.close()
    finally:
        ledger.close()


def test_a_store_that_does_not_verify_is_not_copied(
    tmp_path: Path, new_key: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = tmp_path / "old.db"
    shutil.copy(GOLDEN / "legacy-plain.db", old)
    conn = sqlite3.connect(old)
    with conn:
        conn.execute("UPDATE event_chain SET digest = zeroblob(32) WHERE position = 7")
    conn.close()
    new = tmp_path / "new.db"
    code, out, _ = run(
        capsys, "--store", str(old), "rekey", "--to", str(new), "--new-cipher-key-file",
        str(new_key),
    )  # fmt: skip
    assert code == EXIT_FINDING
    assert "NOT copied" in out
    assert not new.exists()


def test_a_copy_goes_only_into_an_empty_store(
    tmp_path: Path, new_key: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = tmp_path / "old.db"
    shutil.copy(GOLDEN / "legacy-plain.db", old)
    new = tmp_path / "new.db"
    args = ("--store", str(old), "rekey", "--to", str(new), "--new-cipher-key-file", str(new_key))
    assert run(capsys, *args)[0] == EXIT_OK
    before = file_bytes(new)
    code, _, err = run(capsys, *args)
    assert code == EXIT_USAGE
    assert "not empty" in err
    assert file_bytes(new) == before


@pytest.mark.postgres
def test_a_postgres_store_is_copied_into_another(
    pg_url: str, tmp_path: Path, new_key: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from sgz_ledger.demo import record_demo_year

    ledger = Ledger(pg_url)
    record_demo_year(ledger)
    expected = ledger.balances()
    ledger.close()
    new = tmp_path / "copy.db"
    code, _, _ = run(
        capsys, "--store", pg_url, "rekey", "--to", str(new), "--new-cipher-key-file",
        str(new_key),
    )  # fmt: skip
    assert code == EXIT_OK
    copy = Ledger(str(new), cipher_key=new_key.read_text(encoding="utf-8").strip(), read_only=True)
    try:
        assert copy.balances() == expected
        assert copy.verify().ok
    finally:
        copy.close()
