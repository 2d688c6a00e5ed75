"""A dishonest insider with the store's file: forgeries ``verify`` must find, and never bless.

Each test builds a store through the CLI (SQLite) or the API (PostgreSQL), then edits its
raw tables the way someone with file or database access could, then runs the auditor's
commands. Every forgery must be a finding (exit 1), and auditing must leave the store
exactly as it found it: ``verify`` and ``audit`` never write, so they can neither "repair"
a forgery nor sign one.
"""

from __future__ import annotations

import hashlib
import sqlite3
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import msgspec
import pytest

from conftest import PG_DB, PG_HOST, PG_PORT, PG_USER, require_postgres
from sgz_ledger import Ledger
from sgz_ledger.cli import EXIT_FINDING, EXIT_OK, EXIT_USAGE, main
from sgz_ledger.storage.chain import GENESIS, Anchor, RawEvent, link
from sgz_ledger.storage.codec import EventCodec

CHAIN_KEY = "区民政局-2024-链密钥"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def files_digest(path: str) -> str:
    """A digest of the store's file and its write-ahead log: what 'unchanged' means here."""
    h = hashlib.sha256()
    for suffix in ("", "-wal"):
        p = Path(path + suffix)
        h.update(p.read_bytes() if p.exists() else b"")
    return h.hexdigest()


class Raw:
    """SQL on a store's raw tables, behind the ledger's back (SQLite file or PostgreSQL)."""

    def __init__(self, url: str, execute: Callable[..., list[Any]], events: str) -> None:
        self.url = url
        self.sql = execute
        self.events = events
        self.position = "rowid" if events == "stored_events" else "notification_id"

    def forge_amount(self, position: int, factor: int = 100) -> None:
        """Re-encode a gift with another amount: a valid event, not the one chained."""
        codec = EventCodec()
        [(topic, state)] = self.sql(
            f"SELECT topic, state FROM {self.events} WHERE {self.position} = ?", (position,)
        )
        event = codec.decode(topic, bytes(state))
        forged = msgspec.structs.replace(event, amount_fen=event.amount_fen * factor)
        self.sql(
            f"UPDATE {self.events} SET state = ? WHERE {self.position} = ?",
            (codec.encode(forged), position),
        )

    def rechain(self, key: bytes | None) -> None:
        """Recompute every digest over the rows as they are now, as a forger would."""
        rows = self.sql(
            f"SELECT {self.position}, originator_id, originator_version, topic, state "
            f"FROM {self.events} ORDER BY {self.position}",
            (),
        )
        prev = GENESIS
        for position, originator_id, version, topic, state in rows:
            uid = (
                originator_id if isinstance(originator_id, uuid.UUID) else uuid.UUID(originator_id)
            )
            prev = link(prev, RawEvent(position, uid.bytes, version, topic, bytes(state)), key)
            self.sql("UPDATE event_chain SET digest = ? WHERE position = ?", (prev, position))

    def gift_position(self) -> int:
        rows = self.sql(
            f"SELECT {self.position} FROM {self.events} WHERE topic = ? "
            f"ORDER BY {self.position} LIMIT 1",
            ("CashDonationReceived.v1",),
        )
        return int(rows[0][0])


def sqlite_raw(path: str) -> Raw:
    def execute(statement: str, params: tuple[Any, ...] = ()) -> list[Any]:
        conn = sqlite3.connect(path)
        try:
            with conn:
                return conn.execute(statement, params).fetchall()
        finally:
            conn.close()

    return Raw(path, execute, "stored_events")


@pytest.fixture
def demo(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    store = str(tmp_path / "station.db")
    assert run(capsys, "--store", store, "demo")[0] == EXIT_OK
    return store


@pytest.fixture
def keyed_demo(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[str, str]:
    """A demo store whose chain is keyed; the chain key's file."""
    store = str(tmp_path / "keyed.db")
    key_file = tmp_path / "chain.key"
    key_file.write_text(CHAIN_KEY + "\n", encoding="utf-8")
    from sgz_ledger.demo import record_demo_year

    ledger = Ledger(store, chain_key=CHAIN_KEY)
    record_demo_year(ledger)
    ledger.close()
    return store, str(key_file)


def head_anchor(capsys: pytest.CaptureFixture[str], store: str, *extra: str) -> str:
    code, out, _ = run(capsys, "--store", store, "anchor", *extra)
    assert code == EXIT_OK
    return out.strip()


# ---- 1. verify never re-makes the chain -----------------------------------------------------


def test_a_dropped_chain_over_a_forged_amount_is_a_finding_and_nothing_is_written(
    demo: str, capsys: pytest.CaptureFixture[str]
) -> None:
    raw = sqlite_raw(demo)
    raw.forge_amount(raw.gift_position())
    raw.sql("DROP TABLE event_chain")
    raw.sql("DROP TABLE event_chain_meta")
    before = files_digest(demo)
    for command in (("verify",), ("audit",), ("balances",), ("report", "--year", "2024")):
        run(capsys, "--store", demo, *command)
    code, out, _ = run(capsys, "--store", demo, "verify")
    assert code == EXIT_FINDING
    assert "metadata" in out
    assert files_digest(demo) == before  # no chain was made, signed or stored
    tables = {r[0] for r in raw.sql("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "event_chain" not in tables
    # And no writer extends such a store (that would chain the forged events' successors).
    roster = Path(demo).with_name("roster.csv")
    roster.write_text("志愿者编号,姓名,注册日期\nV9,赵六,2024-05-01\n", encoding="utf-8")
    code, _, err = run(capsys, "--store", demo, "import", str(roster))
    assert code == EXIT_USAGE
    assert "nothing was recorded" in err


def test_a_dropped_chain_table_alone_is_unchained_from_the_first_position(
    demo: str, capsys: pytest.CaptureFixture[str]
) -> None:
    raw = sqlite_raw(demo)
    raw.sql("DROP TABLE event_chain")
    code, out, _ = run(capsys, "--store", demo, "verify", "--json")
    assert code == EXIT_FINDING
    found = msgspec.json.decode(out)["first_break"]
    assert (found["position"], found["kind"]) == (1, "unchained")


def test_deleted_digests_of_the_newest_events_are_unchained_from_there(
    demo: str, capsys: pytest.CaptureFixture[str]
) -> None:
    raw = sqlite_raw(demo)
    raw.sql("DELETE FROM event_chain WHERE position > 40")
    code, out, _ = run(capsys, "--store", demo, "verify", "--json")
    assert code == EXIT_FINDING
    found = msgspec.json.decode(out)["first_break"]
    assert (found["position"], found["kind"]) == (41, "unchained")
    assert "unchained from position 41" in run(capsys, "--store", demo, "verify")[1]


def test_a_plain_chain_recomputed_over_a_forgery_is_caught_by_the_published_anchor(
    demo: str, capsys: pytest.CaptureFixture[str]
) -> None:
    published = head_anchor(capsys, demo)
    assert published.startswith("sha256:")
    raw = sqlite_raw(demo)
    raw.forge_amount(raw.gift_position())
    raw.rechain(None)
    assert run(capsys, "--store", demo, "verify")[0] == EXIT_OK  # consistent, on its own
    code, out, _ = run(capsys, "--store", demo, "verify", "--anchor", published)
    assert code == EXIT_FINDING
    assert "anchor_mismatch" in out


def test_a_keyed_chain_recomputed_without_the_key_is_caught_by_the_key(
    keyed_demo: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    store, key_file = keyed_demo
    raw = sqlite_raw(store)
    raw.forge_amount(raw.gift_position())
    raw.rechain(b"a guess at the key")
    code, out, _ = run(capsys, "--store", store, "verify", "--chain-key-file", key_file)
    assert code == EXIT_FINDING
    assert "(changed)" in out


# ---- 2. the keyed chain cannot be downgraded -------------------------------------------------


def test_a_downgraded_keyed_chain_is_a_finding_with_the_key(
    keyed_demo: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    """Set the algorithm back to sha256, delete the fingerprint, re-chain without a key."""
    store, key_file = keyed_demo
    published = head_anchor(capsys, store)
    assert published.startswith("hmac-sha256/")
    raw = sqlite_raw(store)
    raw.forge_amount(raw.gift_position())
    raw.sql("UPDATE event_chain_meta SET value = 'sha256' WHERE name = 'algorithm'")
    raw.sql("DELETE FROM event_chain_meta WHERE name = 'key_fingerprint'")
    raw.rechain(None)
    before = files_digest(store)
    code, out, _ = run(capsys, "--store", store, "verify", "--chain-key-file", key_file)
    assert code == EXIT_FINDING
    assert "downgraded" in out
    # An auditor without the key but with the anchor the station published: the anchor
    # pinned the keyed chain.
    code, out, _ = run(capsys, "--store", store, "verify", "--anchor", published)
    assert code == EXIT_FINDING
    assert "pins a hmac-sha256" in out
    assert files_digest(store) == before


@pytest.mark.parametrize(
    ("edit", "word"),
    [
        ("UPDATE event_chain_meta SET value = 'md5' WHERE name = 'algorithm'", "unknown"),
        ("UPDATE event_chain_meta SET value = '2' WHERE name = 'format'", "unknown"),
        ("DELETE FROM event_chain_meta", "missing"),
        ("INSERT INTO event_chain_meta VALUES ('key_fingerprint', 'ab')", "metadata"),
    ],
)
def test_a_changed_chain_metadata_is_a_finding(
    demo: str, capsys: pytest.CaptureFixture[str], edit: str, word: str
) -> None:
    sqlite_raw(demo).sql(edit)
    code, out, _ = run(capsys, "--store", demo, "verify")
    assert code == EXIT_FINDING
    assert word in out
    assert "intact" not in out


def test_a_keyed_store_verified_without_its_key_is_a_finding(
    keyed_demo: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    store, _ = keyed_demo
    code, out, _ = run(capsys, "--store", store, "verify")
    assert code == EXIT_FINDING
    assert "key_required" in out


# ---- anchors a station publishes -----------------------------------------------------------


def test_a_signed_anchor_file_checks_a_later_copy(
    demo: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    key = tmp_path / "station-signing.key"
    assert run(capsys, "keygen", "signing", "-o", str(key))[0] == EXIT_OK
    assert oct(key.stat().st_mode & 0o777) == "0o600"
    anchor_file = tmp_path / "anchor-2024.json"
    code, _, _ = run(
        capsys, "--store", demo, "anchor", "--sign-key-file", str(key), "--note",
        "2024 年度报告", "-o", str(anchor_file),
    )  # fmt: skip
    assert code == EXIT_OK
    public = f"{key}.pub"
    args = ("--store", demo, "verify", "--anchor-file", str(anchor_file))
    assert run(capsys, *args, "--public-key-file", public)[0] == EXIT_OK
    # A forged amount afterwards (chain recomputed) fails against the published file.
    raw = sqlite_raw(demo)
    raw.forge_amount(raw.gift_position())
    raw.rechain(None)
    assert run(capsys, *args, "--public-key-file", public)[0] == EXIT_FINDING
    # An anchor file changed after signing, or checked with another key, is refused.
    other = tmp_path / "other.key"
    run(capsys, "keygen", "signing", "-o", str(other))
    code, _, err = run(capsys, *args, "--public-key-file", f"{other}.pub")
    assert code == EXIT_USAGE
    assert "does not verify" in err
    document = msgspec.json.decode(anchor_file.read_bytes())
    document["anchor"] = document["anchor"][:-1] + ("0" if document["anchor"][-1] != "0" else "1")
    anchor_file.write_bytes(msgspec.json.encode(document))
    code, _, err = run(capsys, *args, "--public-key-file", public)
    assert code == EXIT_USAGE
    assert "does not verify" in err
    # Without a public key the file proves nothing: bad usage, not a silent pass.
    assert run(capsys, *args)[0] == EXIT_USAGE


def test_keygen_never_overwrites_a_key(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    key = tmp_path / "cipher.key"
    assert run(capsys, "keygen", "cipher", "-o", str(key))[0] == EXIT_OK
    first = key.read_text(encoding="utf-8")
    code, _, err = run(capsys, "keygen", "cipher", "-o", str(key))
    assert code == EXIT_USAGE
    assert "never overwritten" in err
    assert key.read_text(encoding="utf-8") == first


# ---- 3. the cipher key is checked before anything is written --------------------------------

ROSTER = "志愿者编号,姓名,联系电话,注册日期\nV1,张三,13812345678,2024-01-05\n"
ROSTER_2 = "志愿者编号,姓名,联系电话,注册日期\nV2,李四,13812345679,2024-01-06\n"


def test_an_encrypted_store_refuses_a_missing_wrong_or_malformed_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = str(tmp_path / "secret.db")
    key, other, bad = tmp_path / "k", tmp_path / "other", tmp_path / "bad"
    run(capsys, "keygen", "cipher", "-o", str(key))
    run(capsys, "keygen", "cipher", "-o", str(other))
    bad.write_text("not a key at all\n", encoding="utf-8")
    roster = tmp_path / "roster.csv"
    roster.write_text(ROSTER, encoding="utf-8")
    roster_2 = tmp_path / "roster2.csv"
    roster_2.write_text(ROSTER_2, encoding="utf-8")
    assert (
        run(capsys, "--store", store, "--cipher-key-file", str(key), "import", str(roster))[0] == 0
    )
    before = files_digest(store)
    for given, word in ((None, "encrypted"), (other, "not this store's key"), (bad, "not a valid")):
        keys = [] if given is None else ["--cipher-key-file", str(given)]
        code, _, err = run(capsys, "--store", store, *keys, "import", str(roster_2))
        assert code == EXIT_USAGE
        assert word in err
        for command in (
            ("balances",),
            ("audit",),
            ("volunteers",),
            ("verify",),
            ("trail", "--volunteer", "V1"),
        ):
            code, _, err = run(capsys, "--store", store, *keys, *command)
            assert code == EXIT_USAGE, command
            assert word in err
    assert files_digest(store) == before  # never mixed
    code, _, _ = run(capsys, "--store", store, "--cipher-key-file", str(key), "volunteers")
    assert code == EXIT_OK


def test_a_clear_store_refuses_a_key(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = str(tmp_path / "clear.db")
    key = tmp_path / "k"
    run(capsys, "keygen", "cipher", "-o", str(key))
    roster = tmp_path / "roster.csv"
    roster.write_text(ROSTER, encoding="utf-8")
    assert run(capsys, "--store", store, "import", str(roster))[0] == EXIT_OK
    before = files_digest(store)
    roster.write_text(ROSTER_2, encoding="utf-8")
    code, _, err = run(
        capsys, "--store", store, "--cipher-key-file", str(key), "import", str(roster)
    )
    assert code == EXIT_USAGE
    assert "in clear" in err
    code, _, err = run(capsys, "--store", store, "--cipher-key-file", str(key), "balances")
    assert code == EXIT_USAGE
    assert "MAC" not in err
    assert files_digest(store) == before


# ---- helpers for other backends ------------------------------------------------------------


@pytest.fixture
def pg_raw() -> Iterator[Raw]:
    require_postgres()
    import psycopg

    schema = f"t_{uuid.uuid4().hex[:16]}"
    connect = {"host": PG_HOST, "port": PG_PORT, "dbname": PG_DB, "user": PG_USER}
    with psycopg.connect(**connect) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')

    def execute(statement: str, params: tuple[Any, ...] = ()) -> list[Any]:
        with psycopg.connect(**connect) as conn:
            conn.execute(f'SET search_path TO "{schema}"')
            cursor = conn.execute(statement.replace("?", "%s"), params)
            return cursor.fetchall() if cursor.description else []

    url = f"postgresql://{PG_USER}@{PG_HOST}:{PG_PORT}/{PG_DB}?schema={schema}"
    try:
        yield Raw(url, execute, "sgzledger_events")
    finally:
        with psycopg.connect(**connect) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


def pg_dump_rows(raw: Raw) -> list[Any]:
    """Every row of every table of the store's schema: what 'unchanged' means there."""
    tables = [
        r[0]
        for r in raw.sql(
            "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1"
        )
    ]
    return [(t, sorted(map(repr, raw.sql(f'SELECT * FROM "{t}"')))) for t in tables]


@pytest.mark.postgres
def test_postgres_forgeries_are_findings_and_verify_writes_nothing(
    pg_raw: Raw, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from sgz_ledger.demo import record_demo_year

    ledger = Ledger(pg_raw.url, chain_key=CHAIN_KEY)
    record_demo_year(ledger)
    published = str(ledger.anchor())
    ledger.close()
    key_file = tmp_path / "chain.key"
    key_file.write_text(CHAIN_KEY, encoding="utf-8")
    pg_raw.forge_amount(pg_raw.gift_position())
    pg_raw.sql("UPDATE event_chain_meta SET value = 'sha256' WHERE name = 'algorithm'")
    pg_raw.sql("DELETE FROM event_chain_meta WHERE name = 'key_fingerprint'")
    pg_raw.rechain(None)
    before = pg_dump_rows(pg_raw)
    for args in (
        ("--chain-key-file", str(key_file)),
        ("--anchor", published),
    ):
        code, out, _ = run(capsys, "--store", pg_raw.url, "verify", *args)
        assert code == EXIT_FINDING, out
    run(capsys, "--store", pg_raw.url, "audit")
    pg_raw.sql("DROP TABLE event_chain")
    pg_raw.sql("DROP TABLE event_chain_meta")
    after_drop = pg_dump_rows(pg_raw)
    code, out, _ = run(capsys, "--store", pg_raw.url, "verify")
    assert code == EXIT_FINDING
    assert "metadata" in out
    assert pg_dump_rows(pg_raw) == after_drop
    assert [t for t, _ in before if t not in ("event_chain", "event_chain_meta")] == [
        t for t, _ in after_drop
    ]


def test_the_anchor_printed_by_a_report_pins_the_keyed_chain(
    keyed_demo: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    store, _ = keyed_demo
    code, out, _ = run(capsys, "--store", store, "report", "--year", "2024", "--json")
    assert code == EXIT_OK
    anchor = Anchor.parse(head_anchor(capsys, store))
    printed = msgspec.json.decode(out)["anchor"]
    assert printed["algorithm"] == "hmac-sha256"
    assert printed["key_fingerprint"] == anchor.key_fingerprint


def test_a_key_put_back_after_an_erasure_is_an_audit_finding(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A forger keeps a copy of the store from before an erasure and writes the volunteer's
    key row back: audit says the erased person's data can be opened again."""
    store = str(tmp_path / "station.db")
    roster = tmp_path / "roster.csv"
    roster.write_text(ROSTER, encoding="utf-8")
    assert run(capsys, "--store", store, "import", str(roster))[0] == EXIT_OK
    [row] = sqlite_raw(store).sql("SELECT * FROM subject_keys")
    code, _, _ = run(
        capsys, "--store", store, "erase", "--volunteer", "V1", "--reason", "本人申请",
        "--requested-by", "本人", "--on", "2024-06-01",
    )  # fmt: skip
    assert code == EXIT_OK
    assert run(capsys, "--store", store, "audit")[0] == EXIT_OK
    placeholders = ", ".join("?" * len(row))
    sqlite_raw(store).sql(f"INSERT INTO subject_keys VALUES ({placeholders})", tuple(row))
    code, out, _ = run(capsys, "--store", store, "audit")
    assert code == EXIT_FINDING
    assert "subject_keys" in out
    assert "keys after erasure" in out
