"""Stores written by the earlier code report as they did, and lose their statement table.

``tests/golden/`` holds a station year recorded by the code before the views stopped
keeping a statement line per event (``make_stores.py`` says how): a clear and an
encrypted SQLite file, their PostgreSQL dumps, and what that code's CLI printed for them
(``*.expected.json``; ``legacy.expected.csv`` is that code's CSV export of either SQLite
store, written by its CLI at c13f0c6). Opened with today's code (always a copy: the
fixtures are never changed), ``balances``, ``statement``, ``disclosure``, ``donors`` and
``report`` print the same JSON, except the printed anchor (its printed form is not this
test's subject), and the CSV export is the same file.
The first catch-up rebuilds the views at their new version and drops the old
``fund_entries`` table, so an upgraded file no longer holds its names in clear.
"""

from __future__ import annotations

import contextlib
import io
import json
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from sgz_ledger.cli import main
from sgz_ledger.projections.fund_views import FundViews

GOLDEN = Path(__file__).resolve().parents[1] / "golden"
CIPHER_KEY_FILE = GOLDEN / "golden.cipher.key"
COMMANDS = {
    "balances": ["balances", "--json"],
    "balances_as_of": ["balances", "--as-of", "2024-06-30", "--json"],
    "statement": ["statement", "--fund", "cz-cuizhai", "--json"],
    "disclosure": [
        "disclosure",
        "--fund",
        "cz-cuizhai",
        "--from",
        "2024-01-01",
        "--to",
        "2024-12-31",
        "--json",
    ],
    "donors": ["donors", "--json"],
    "report": ["report", "--year", "2024", "--json"],
}
# Kinds of the old statement table whose counterparty is a person or a firm giving or paid.
_PEOPLE_KINDS = (
    "donation",
    "in_kind_donation",
    "goods_distributed",
    "goods_sold",
    "requested",
    "paid",
)


def without_anchors(value: Any) -> Any:
    """``value`` with every ``anchor`` field left out, at any depth."""
    if isinstance(value, dict):
        return {k: without_anchors(v) for k, v in value.items() if k != "anchor"}
    if isinstance(value, list):
        return [without_anchors(v) for v in value]
    return value


def cli_json(store: str, argv: list[str], keyed: bool) -> tuple[int, Any]:
    base = ["--store", store]
    if keyed:
        base += ["--cipher-key-file", str(CIPHER_KEY_FILE)]
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(base + argv)
    return code, json.loads(out.getvalue())


def check_reports(store: str, expected_file: Path, keyed: bool) -> None:
    expected = json.loads(expected_file.read_text(encoding="utf-8"))
    for name, argv in COMMANDS.items():
        code, output = cli_json(store, argv, keyed)
        assert code == expected[name]["exit"] == 0, name
        assert without_anchors(output) == without_anchors(expected[name]["output"]), name


def upgrade(store: str, keyed: bool) -> None:
    """``sgz-ledger upgrade``: verify, pin the cipher metadata, remake the views."""
    keys = []
    if keyed:
        keys = ["--cipher-key-file", str(CIPHER_KEY_FILE)]
    chain = ["--chain-key-file", str(GOLDEN / "golden.chain.key")] if keyed else []
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["--store", store, *keys, "upgrade", *chain]) == 0, out.getvalue()


def tables_of(path: Path) -> set[str]:
    db = sqlite3.connect(path)
    try:
        return {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
    finally:
        db.close()


def copy_of(name: str, tmp_path: Path) -> Path:
    path = tmp_path / name
    shutil.copyfile(GOLDEN / name, path)
    return path


@pytest.mark.parametrize(("name", "keyed"), [("legacy-plain", False), ("legacy-keyed", True)])
def test_an_old_sqlite_store_reports_as_it_did(name: str, keyed: bool, tmp_path: Path) -> None:
    path = copy_of(f"{name}.db", tmp_path)
    with sqlite3.connect(path) as db:
        old = db.execute(
            "SELECT DISTINCT counterparty FROM fund_entries WHERE counterparty != '' "
            f"AND kind IN ({', '.join('?' * len(_PEOPLE_KINDS))}) "
            "UNION SELECT DISTINCT actor FROM fund_entries",
            _PEOPLE_KINDS,
        ).fetchall()
    db.close()
    names = sorted(text for (text,) in old)
    assert len(names) > 5
    assert all(n.encode("utf-8") in path.read_bytes() for n in names)  # in clear before
    check_reports(str(path), GOLDEN / f"{name}.expected.json", keyed)
    # Reports read a copy without writing: the earlier version's views are left as they are
    # until a writer remakes them; `upgrade` is the command that does it on purpose.
    assert "fund_entries" in tables_of(path)
    upgrade(str(path), keyed)
    check_reports(str(path), GOLDEN / f"{name}.expected.json", keyed)
    with sqlite3.connect(path) as db:
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
        assert not tables & set(FundViews.retired_tables)
        assert db.execute(
            "SELECT version FROM view_versions WHERE name = 'fund_views'"
        ).fetchone() == (FundViews.version,)
    db.close()
    if keyed:
        # The events are encrypted and the statement table is gone, its pages overwritten:
        # none of the names it held is left anywhere in the file (or a WAL beside it).
        held = b"".join(
            p.read_bytes() for p in tmp_path.iterdir() if p.name.startswith(f"{name}.db")
        )
        assert [n for n in names if n.encode("utf-8") in held] == []


@pytest.mark.parametrize(("name", "keyed"), [("legacy-plain", False), ("legacy-keyed", True)])
def test_an_old_stores_csv_export_is_as_it_was(
    name: str, keyed: bool, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``export --format csv``, made from the old statement table then, from the log now:
    byte for byte the file the earlier code wrote (``legacy.expected.csv``, by its CLI)."""
    path = copy_of(f"{name}.db", tmp_path)
    out = tmp_path / "statements.csv"
    base = ["--store", str(path)]
    if keyed:
        base += ["--cipher-key-file", str(CIPHER_KEY_FILE)]
    assert main([*base, "export", "--format", "csv", "-o", str(out)]) == 0
    capsys.readouterr()
    assert out.read_bytes() == (GOLDEN / "legacy.expected.csv").read_bytes()


def load_pg_dump(dump: Path, schema: str, original: str) -> None:
    """Load a golden ``pg_dump`` into ``schema`` (an empty schema of the test's)."""
    import psycopg

    from conftest import PG_DB, PG_HOST, PG_PORT, PG_USER

    text = dump.read_text(encoding="utf-8")
    lines = [
        line
        for line in text.splitlines()
        # psql's own commands (\restrict), and the schema, which the test made already.
        if not line.startswith("\\") and line != f"CREATE SCHEMA {original};"
    ]
    script = "\n".join(lines).replace(original, schema)
    with psycopg.connect(host=PG_HOST, port=PG_PORT, dbname=PG_DB, user=PG_USER) as conn:
        conn.execute(script)  # type: ignore[call-overload]


@pytest.mark.parametrize(("name", "keyed"), [("legacy-plain", False), ("legacy-keyed", True)])
def test_an_old_postgres_store_reports_as_it_did(name: str, keyed: bool, pg_url: str) -> None:
    schema = pg_url.rsplit("schema=", 1)[1]
    original = "golden_" + name.replace("-", "_")
    load_pg_dump(GOLDEN / f"{name}.pg.sql", schema, original)
    check_reports(pg_url, GOLDEN / f"{name}.pg.expected.json", keyed)
    upgrade(pg_url, keyed)
    check_reports(pg_url, GOLDEN / f"{name}.pg.expected.json", keyed)
    import psycopg

    from conftest import PG_DB, PG_HOST, PG_PORT, PG_USER

    with psycopg.connect(host=PG_HOST, port=PG_PORT, dbname=PG_DB, user=PG_USER) as conn:
        tables = {
            row[0]
            for row in conn.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = %s",
                (schema,),
            )
        }
    assert "fund_entries" not in tables
    assert {"funds", "fund_balances", "fund_checkpoints"} <= tables
