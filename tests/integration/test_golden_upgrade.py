"""Stores written by an earlier version keep working: they open, verify, report, upgrade.

The golden stores (tests/golden/, made by ``make_stores.py`` with the code of an earlier
version, in SQLite and as PostgreSQL dumps) have no cipher metadata: this version tells
from their events whether they are encrypted, refuses a wrong key before reading anything,
and ``upgrade`` pins the metadata after a clean verify. They are copied first: the files
under tests/golden are never written.
"""

from __future__ import annotations

import json
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import PG_DB, PG_HOST, PG_PORT, PG_USER, require_postgres
from sgz_ledger import CipherKeyError, Ledger
from sgz_ledger.cli import EXIT_FINDING, EXIT_OK, EXIT_USAGE, main

GOLDEN = Path(__file__).parent.parent / "golden"
CIPHER_KEY = (GOLDEN / "golden.cipher.key").read_text(encoding="utf-8").strip()
CHAIN_KEY = (GOLDEN / "golden.chain.key").read_text(encoding="utf-8").strip()


def expected(name: str) -> dict[str, Any]:
    result: dict[str, Any] = json.loads((GOLDEN / f"{name}.expected.json").read_text("utf-8"))
    return result


def sqlite_copy(tmp_path: Path, name: str) -> str:
    target = tmp_path / f"{name}.db"
    shutil.copy(GOLDEN / f"{name}.db", target)
    return str(target)


@pytest.fixture
def pg_copy() -> Iterator[Any]:
    """Restore a golden PostgreSQL dump into a fresh schema; its store URL."""
    require_postgres()
    import psycopg

    made: list[str] = []
    connect = {"host": PG_HOST, "port": PG_PORT, "dbname": PG_DB, "user": PG_USER}

    def restore(name: str) -> str:
        schema = f"t_{uuid.uuid4().hex[:16]}"
        text = (GOLDEN / f"{name}.pg.sql").read_text(encoding="utf-8")
        # psql's own meta-commands (``\restrict`` and the like) are not SQL.
        dump = "\n".join(line for line in text.splitlines() if not line.startswith("\\"))
        original = "golden_" + name.replace("-", "_")
        with psycopg.connect(**connect, autocommit=True) as conn:
            conn.execute(dump.replace(original, schema).encode("utf-8"))
        made.append(schema)
        return f"postgresql://{PG_USER}@{PG_HOST}:{PG_PORT}/{PG_DB}?schema={schema}"

    yield restore
    with psycopg.connect(**connect, autocommit=True) as conn:
        for schema in made:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


def head_of(report: dict[str, Any]) -> tuple[int, str]:
    head = report["head"]
    return head["position"], head["digest"]


@pytest.fixture(
    params=[
        (backend, name)
        for backend in ("sqlite", "postgres")
        for name in ("legacy-plain", "legacy-keyed")
    ],
    ids=lambda p: f"{p[0]}-{p[1]}",
)
def golden(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[str, str, bool]:
    """(store, expected-results name, keyed): each golden store on each backend."""
    backend, name = request.param
    keyed = name == "legacy-keyed"
    if backend == "sqlite":
        return sqlite_copy(tmp_path, name), name, keyed
    restore = request.getfixturevalue("pg_copy")
    return restore(name), f"{name}.pg", keyed


def keys(tmp_path: Path, keyed: bool) -> tuple[list[str], list[str]]:
    """The CLI options for the store's cipher key and chain key (none for the clear one)."""
    if not keyed:
        return [], []
    return (
        ["--cipher-key-file", str(GOLDEN / "golden.cipher.key")],
        ["--chain-key-file", str(GOLDEN / "golden.chain.key")],
    )


def cli_json(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, Any]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, json.loads(out) if out.strip().startswith(("{", "[")) else out


def test_an_earlier_store_verifies_and_balances_as_before_then_upgrades(
    golden: tuple[str, str, bool], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store, name, keyed = golden
    cipher, chain = keys(tmp_path, keyed)
    was = expected(name)
    code, report = cli_json(capsys, "--store", store, *cipher, "verify", "--json", *chain)
    assert code == EXIT_OK
    assert report["ok"]
    assert head_of(report) == head_of(was["verify"]["output"])
    # The earlier version's anchor (bare position:hex) still checks this store.
    old_anchor = "{}:{}".format(*head_of(was["verify"]["output"]))
    code, _ = cli_json(capsys, "--store", store, *cipher, "verify", "--anchor", old_anchor, *chain)
    assert code == EXIT_OK
    code, balances = cli_json(capsys, "--store", store, *cipher, "balances", "--json")
    assert code == EXIT_OK
    assert balances == was["balances"]["output"]
    # A wrong key, or a key for the clear store, is refused before anything is read.
    other = tmp_path / "other.key"
    other.write_text("T3RoZXJLZXlPdGhlcktleU90aGVyS2V5T3RoZXJLZXk=\n", encoding="utf-8")
    code, _ = cli_json(capsys, "--store", store, "--cipher-key-file", str(other), "balances")
    assert code == EXIT_USAGE
    if keyed:
        assert cli_json(capsys, "--store", store, "balances")[0] == EXIT_USAGE
    # Upgrade pins the cipher metadata (once), after a clean verify, and claims the ID
    # numbers of 张丽 and 王强 (李梅 gave none), registered before claims existed (rule 39).
    code, upgraded = cli_json(capsys, "--store", store, *cipher, "upgrade", "--json", *chain)
    assert code == EXIT_OK
    pinned = upgraded["pinned"]
    assert pinned["cipher"] == ("aes-gcm" if keyed else "none")
    assert ("cipher_key_check" in pinned) == keyed
    assert (upgraded["id_numbers_claimed"], upgraded["id_numbers_shared"]) == (2, [])
    code, again = cli_json(capsys, "--store", store, *cipher, "upgrade", "--json", *chain)
    assert (code, again["pinned"], again["id_numbers_claimed"]) == (EXIT_OK, {}, 0)
    code, after = cli_json(capsys, "--store", store, *cipher, "verify", "--json", *chain)
    assert code == EXIT_OK
    # Upgrading wrote the two claims only, after the history it verified, which it kept:
    # the earlier version's anchor still checks the store.
    assert after["head"]["position"] == head_of(was["verify"]["output"])[0] + 2
    code, _ = cli_json(capsys, "--store", store, *cipher, "verify", "--anchor", old_anchor, *chain)
    assert code == EXIT_OK
    assert cli_json(capsys, "--store", store, *cipher, "balances", "--json")[1] == balances


def test_upgrade_refuses_a_forged_earlier_store(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import sqlite3

    store = sqlite_copy(tmp_path, "legacy-plain")
    conn = sqlite3.connect(store)
    with conn:
        conn.execute("UPDATE event_chain SET digest = zeroblob(32) WHERE position = 10")
    conn.close()
    before = Path(store).read_bytes()
    code, out = cli_json(capsys, "--store", store, "upgrade")
    assert code == EXIT_FINDING
    assert "NOT upgraded" in out
    assert Path(store).read_bytes() == before


def test_an_earlier_encrypted_store_is_told_from_its_events(tmp_path: Path) -> None:
    store = sqlite_copy(tmp_path, "legacy-keyed")
    with pytest.raises(CipherKeyError, match="encrypted"):
        Ledger(store, chain_key=CHAIN_KEY)
    with pytest.raises(CipherKeyError, match="does not open"):
        Ledger(store, cipher_key="T3RoZXJLZXlPdGhlcktleU90aGVyS2V5T3RoZXJLZXk=")
    ledger = Ledger(store, cipher_key=CIPHER_KEY, chain_key=CHAIN_KEY, read_only=True)
    assert ledger.verify().ok
    assert ledger.personal_data("V-0001").phone == "13900000001"
    ledger.close()
    clear = sqlite_copy(tmp_path, "legacy-plain")
    with pytest.raises(CipherKeyError, match="in clear"):
        Ledger(clear, cipher_key=CIPHER_KEY)
