"""Auditing a write-protected copy, and every store failure as one sentence with exit 2.

An auditor often gets a station's store as a read-only copy. Every report, ``verify``,
``audit`` and ``export`` opens the store read-only (SQLite ``mode=ro``, or
``immutable=1`` in a write-protected folder; a read-only PostgreSQL session), so they
work there and cannot change what they read. The operating system's protection is the
real test: as root a file's mode bits protect nothing, so those tests run the CLI in a
subprocess without root's capabilities (``setpriv``), to which they apply as to anyone.
"""

from __future__ import annotations

import os
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import PG_DB, PG_HOST, PG_PORT, PG_USER, require_postgres
from sgz_ledger import Ledger, ReadOnlyStore
from sgz_ledger.cli import EXIT_FINDING, EXIT_OK, EXIT_USAGE, main
from sgz_ledger.demo import record_demo_year

# Root without its capabilities: file modes apply to it as to any user.
POWERLESS = ("setpriv", "--bounding-set=-all", "--inh-caps=-all")
READERS = (
    ("verify",),
    ("audit",),
    ("balances",),
    ("statement", "--fund", "cz-cuizhai"),
    ("disclosure", "--fund", "cz-cuizhai", "--from", "2024-01-01", "--to", "2024-12-31"),
    ("donors",),
    ("report", "--year", "2024"),
    ("volunteers",),
    ("trail", "--fund", "cz-cuizhai"),
    ("export", "--format", "jsonl"),
    ("anchor",),
)


def cli(*argv: str, protected: bool = False, limit_bytes: int | None = None) -> tuple[int, str]:
    """Run ``sgz-ledger`` in a fresh process; its exit code and stderr (never a traceback).

    ``protected``: as a user file modes apply to (root without its capabilities).
    """

    def prepare() -> None:
        if limit_bytes is not None:
            # Writes past the limit fail with EFBIG, as on a full disk (without the signal).
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit_bytes, limit_bytes))

    prefix: tuple[str, ...] = ()
    if protected and os.geteuid() == 0:
        if shutil.which("setpriv") is None:
            pytest.fail("root needs setpriv (util-linux) to test write protection")
        prefix = POWERLESS
    result = subprocess.run(  # noqa: S603 - our own program, with arguments of the test
        [*prefix, sys.executable, "-m", "sgz_ledger.cli", *argv],
        capture_output=True,
        text=True,
        preexec_fn=prepare,
        check=False,
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result.returncode, result.stderr


@pytest.fixture
def shared_dir() -> Iterator[Path]:
    """A folder every user can reach (pytest's own tmp folder is its owner's only)."""
    folder = Path(tempfile.mkdtemp(prefix="sgz-ro-"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        folder.chmod(0o755)
        shutil.rmtree(folder)


def make_store(folder: Path) -> Path:
    path = folder / "station.db"
    ledger = Ledger(str(path))
    record_demo_year(ledger)
    ledger.catch_up_views()
    ledger.close()
    path.chmod(0o644)
    return path


@pytest.mark.parametrize("folder_writable", [True, False], ids=["file-444", "folder-555"])
def test_every_reader_works_on_a_write_protected_copy(
    shared_dir: Path, folder_writable: bool
) -> None:
    path = make_store(shared_dir)
    before = path.read_bytes()
    path.chmod(0o444)
    if not folder_writable:
        shared_dir.chmod(0o555)
    for command in READERS:
        code, err = cli("--store", str(path), *command, protected=True)
        assert code == EXIT_OK, (command, err)
    assert path.read_bytes() == before
    if not folder_writable:  # nothing beside it either: SQLite read the file alone
        assert sorted(p.name for p in shared_dir.iterdir()) == ["station.db"]
    # A command that records says why it cannot, in one sentence.
    roster = Path(tempfile.mkdtemp()) / "roster.csv"
    roster.write_text("志愿者编号,姓名,注册日期\nV9,赵六,2024-05-01\n", encoding="utf-8")
    roster.parent.chmod(0o755)
    roster.chmod(0o644)
    code, err = cli("--store", str(path), "import", str(roster), protected=True)
    assert code == EXIT_USAGE
    assert "read-only" in err
    assert path.read_bytes() == before
    shutil.rmtree(roster.parent)


def test_a_copy_whose_log_is_not_checkpointed_is_refused_not_misread(shared_dir: Path) -> None:
    path = make_store(shared_dir)
    # Events in the write-ahead log only: a reader that ignored it would miss them.
    keep = sqlite3.connect(path)  # holds the WAL open, so closing the ledger leaves it
    keep.execute("SELECT count(*) FROM sqlite_master").fetchone()
    ledger = Ledger(str(path))
    ledger.receive_cash(
        fund_id="cz-cuizhai", receipt_no="WAL-1", amount="1.00", actor="陈晓",
        occurred_on=__import__("datetime").date(2024, 12, 30),
    )  # fmt: skip
    ledger.close()
    wal = Path(str(path) + "-wal")
    assert wal.stat().st_size > 0
    copy_dir = Path(tempfile.mkdtemp(prefix="sgz-ro-copy-"))
    try:
        shutil.copy(path, copy_dir / "station.db")
        shutil.copy(wal, copy_dir / "station.db-wal")
        for p in copy_dir.iterdir():
            p.chmod(0o444)
        copy_dir.chmod(0o555)
        code, err = cli("--store", str(copy_dir / "station.db"), "verify", protected=True)
        assert code == EXIT_USAGE
        assert "write-ahead log" in err
    finally:
        copy_dir.chmod(0o755)
        shutil.rmtree(copy_dir)
        keep.close()


def test_a_read_only_ledger_records_nothing_and_writes_no_view(tmp_path: Path) -> None:
    path = tmp_path / "station.db"
    ledger = Ledger(str(path))
    record_demo_year(ledger)  # the views are left behind the log: never caught up
    ledger.close()
    before = path.read_bytes()
    reader = Ledger(str(path), read_only=True)
    assert reader.balances()  # folded in memory: the store's views are not up to date
    assert reader.verify().ok
    with pytest.raises(ReadOnlyStore):
        reader.receive_cash(
            fund_id="cz-cuizhai", receipt_no="X", amount="1", actor="a",
            occurred_on=__import__("datetime").date(2024, 1, 1),
        )  # fmt: skip
    with pytest.raises(ReadOnlyStore):
        reader.rebuild_views()
    reader.close()
    assert path.read_bytes() == before
    tables = {
        r[0]
        for r in sqlite3.connect(path).execute("SELECT name FROM sqlite_master WHERE type='table'")
    }
    assert "funds" not in tables  # the reader created no view table


def test_a_read_only_ledger_answers_like_a_writer(tmp_path: Path) -> None:
    path = tmp_path / "station.db"
    writer = Ledger(str(path))
    record_demo_year(writer)
    expected = (writer.balances(), writer.annual_report(2024), writer.statement("cz-cuizhai"))
    writer.close()
    for _ in range(2):  # views behind (folded in memory), then current (read in place)
        reader = Ledger(str(path), read_only=True)
        got = (reader.balances(), reader.annual_report(2024), reader.statement("cz-cuizhai"))
        assert got == expected
        reader.close()
        Ledger(str(path)).close()
        catch = Ledger(str(path))
        catch.catch_up_views()
        catch.close()


# ---- PostgreSQL: a read-only session, and a role that may only read -------------------------


@pytest.fixture
def pg_schema() -> Iterator[tuple[str, str]]:
    require_postgres()
    import psycopg

    schema = f"t_{uuid.uuid4().hex[:16]}"
    role = f"auditor_{uuid.uuid4().hex[:8]}"
    connect = {"host": PG_HOST, "port": PG_PORT, "dbname": PG_DB, "user": PG_USER}
    with psycopg.connect(**connect, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
        conn.execute(f'CREATE ROLE "{role}" LOGIN')
    try:
        yield schema, role
    finally:
        with psycopg.connect(**connect, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')
            conn.execute(f'DROP OWNED BY "{role}"')
            conn.execute(f'DROP ROLE "{role}"')


@pytest.mark.postgres
def test_postgres_readers_need_only_a_read_only_role(pg_schema: tuple[str, str]) -> None:
    import psycopg

    schema, role = pg_schema
    owner = f"postgresql://{PG_USER}@{PG_HOST}:{PG_PORT}/{PG_DB}?schema={schema}"
    ledger = Ledger(owner)
    record_demo_year(ledger)
    ledger.catch_up_views()
    ledger.close()
    connect = {"host": PG_HOST, "port": PG_PORT, "dbname": PG_DB, "user": PG_USER}
    with psycopg.connect(**connect, autocommit=True) as conn:
        conn.execute(f'GRANT USAGE ON SCHEMA "{schema}" TO "{role}"')
        conn.execute(f'GRANT SELECT ON ALL TABLES IN SCHEMA "{schema}" TO "{role}"')
    auditor = f"postgresql://{role}@{PG_HOST}:{PG_PORT}/{PG_DB}?schema={schema}"
    for command in READERS:
        code = main(["--store", auditor, *command])
        assert code == EXIT_OK, command
    # The session itself is read-only, whatever the role may do.
    reader = Ledger(owner, read_only=True)
    datastore = reader.recorder.datastore  # type: ignore[attr-defined]
    with datastore.get_connection() as conn:
        assert conn.execute("SHOW default_transaction_read_only").fetchone() == {
            "default_transaction_read_only": "on"
        }
    reader.close()
    # A writer with the auditor's role is refused by the server, in one sentence.
    code = main(["--store", auditor, "demo"])
    assert code == EXIT_USAGE


# ---- every store failure is one sentence and exit 2 ----------------------------------------


def test_a_full_disk_is_a_sentence(shared_dir: Path) -> None:
    code, err = cli("--store", str(shared_dir / "s.db"), "demo", limit_bytes=150_000)
    assert code == EXIT_USAGE
    assert "disk is full" in err


def test_a_read_only_folder_for_a_new_store_is_a_sentence(shared_dir: Path) -> None:
    shared_dir.chmod(0o555)
    code, err = cli("--store", str(shared_dir / "s.db"), "demo", protected=True)
    assert code == EXIT_USAGE
    assert "s.db" in err


@pytest.mark.parametrize("content", [b"hello, not a database\n" * 100, b""], ids=["text", "empty"])
def test_a_file_that_is_not_a_store_is_a_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes
) -> None:
    path = tmp_path / "notes.txt"
    path.write_bytes(content)
    # An empty file is an empty SQLite database: a new store may be made in it.
    for command in (("verify",), ("balances",), ("demo",))[: 3 if content else 2]:
        code = main(["--store", str(path), *command])
        err = capsys.readouterr().err
        assert code == EXIT_USAGE, command
        assert "Traceback" not in err
        assert "store" in err
    if content:
        assert path.read_bytes() == content


def test_a_retyped_state_column_is_a_finding_or_a_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = make_store(tmp_path)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE stored_events SET state = 'text, not bytes' WHERE rowid = 5")
    conn.close()
    assert main(["--store", str(path), "verify"]) == EXIT_FINDING
    for command in (
        ("balances",),
        ("audit",),
        ("report", "--year", "2024"),
        ("export", "--format", "jsonl"),
    ):
        code = main(["--store", str(path), *command])
        err = capsys.readouterr().err
        # A command that reads the damaged event says so; one answered by the views may not
        # need it. Never a traceback, never "a bug".
        assert code in (EXIT_OK, EXIT_USAGE, EXIT_FINDING), command
        assert "Traceback" not in err
        assert "a bug" not in err
        if code == EXIT_USAGE:
            assert "cannot be read" in err or "damaged" in err


@pytest.mark.postgres
def test_a_retyped_state_column_on_postgres_is_a_finding_or_a_sentence(
    pg_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    import psycopg

    ledger = Ledger(pg_url)
    record_demo_year(ledger)
    ledger.catch_up_views()  # so that audit has views to check against the events
    ledger.close()
    schema = pg_url.rsplit("schema=", 1)[1]
    with psycopg.connect(host=PG_HOST, port=PG_PORT, dbname=PG_DB, user=PG_USER) as conn:
        conn.execute(
            f'ALTER TABLE "{schema}".sgzledger_events ALTER COLUMN state TYPE text '
            "USING encode(state, 'hex')"
        )
    assert main(["--store", pg_url, "verify"]) == EXIT_FINDING
    assert main(["--store", pg_url, "audit"]) in (EXIT_USAGE, EXIT_FINDING)
    for command in (("balances",), ("report", "--year", "2024"), ("export", "--format", "jsonl")):
        code = main(["--store", pg_url, *command])
        err = capsys.readouterr().err
        # Answered from the views, or a sentence saying the events cannot be read.
        assert code in (EXIT_OK, EXIT_USAGE), command
        assert "Traceback" not in err
        assert "a bug" not in err


def test_a_sqlite_file_of_another_program_is_no_ledger(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    with conn:
        conn.execute("CREATE TABLE notes (text TEXT)")
    conn.close()
    before = other.read_bytes()
    assert main(["--store", str(other), "balances"]) == EXIT_USAGE
    assert "there is no ledger" in capsys.readouterr().err
    assert other.read_bytes() == before


@pytest.mark.postgres
def test_a_postgres_schema_without_a_ledger_is_said_so(
    pg_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    for command in (("balances",), ("verify",), ("audit",)):
        assert main(["--store", pg_url, *command]) == EXIT_USAGE
        err = capsys.readouterr().err
        assert "there is no ledger" in err
        assert "LINE 1" not in err  # no SQL quoted at the reader
