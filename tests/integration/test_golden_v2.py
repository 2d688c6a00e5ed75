"""Stores of the second generation (tests/golden/v2/: metadata pinned at creation, subject
keys, canonical text, an individual donor, an erased volunteer) read, verify and report
exactly as the code that wrote them printed, anchors included; and the same commands,
recorded again by today's code, make the same events.

The files under tests/golden are copied first and never written.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import shutil
import uuid
from pathlib import Path
from typing import Any

import msgspec
import pytest

from conftest import PG_DB, PG_HOST, PG_PORT, PG_USER, require_postgres
from sgz_ledger import IdNumberClaimed, Ledger
from sgz_ledger.cli import main
from sgz_ledger.projections.fund_views import FundViews

GOLDEN = Path(__file__).parent.parent / "golden" / "v2"
CIPHER = GOLDEN / "golden.cipher.key"
CHAIN = GOLDEN / "golden.chain.key"
# The fund views' version the golden stores were written with.
WRITTEN_VIEWS_VERSION = 3


def commands() -> dict[str, list[str]]:
    return {
        "balances": ["balances", "--json"],
        "balances_as_of": ["balances", "--as-of", "2024-06-30", "--json"],
        "statement": ["statement", "--fund", "cz-cuizhai", "--json"],
        "disclosure": [
            "disclosure", "--fund", "cz-cuizhai", "--from", "2024-01-01", "--to", "2024-12-31",
            "--json",
        ],
        "donors": ["donors", "--json"],
        "report": ["report", "--year", "2024", "--json"],
        "volunteers": ["volunteers", "--json"],
        "verify": ["verify", "--json"],
        "anchor": ["anchor", "--json"],
        "audit": ["audit", "--json"],
    }  # fmt: skip


def check(store: str, expected_file: Path, keyed: bool) -> None:
    expected = json.loads(expected_file.read_text(encoding="utf-8"))
    base = ["--store", store]
    if keyed:
        base += ["--cipher-key-file", str(CIPHER), "--chain-key-file", str(CHAIN)]
    for name, argv in commands().items():
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            code = main(base + argv)
        assert code == expected[name]["exit"], name
        got, want = json.loads(out.getvalue()), expected[name]["output"]
        if name == "audit":
            # The stores' fund views were written at version 3; views of an earlier
            # version are said and not compared (docs/audit.md): the figures still are.
            assert (got.pop("views_version"), got.pop("tables"), got.pop("rows")) == (
                WRITTEN_VIEWS_VERSION,
                0,
                0,
            )
            assert (want.pop("views_version"), want.pop("tables") > 0) == (0, True)
            want.pop("rows")
        assert got == want, name
    # Rebuilt by this code, the views audit clean and compared.
    with contextlib.redirect_stdout(io.StringIO()):
        assert main([*base, "rebuild"]) == 0
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main([*base, "audit", "--json"]) == 0
    report = json.loads(out.getvalue())
    assert report["ok"] is True
    assert (report["views_version"], report["tables"]) == (0, len(FundViews.tables))


@pytest.mark.parametrize("keyed", [False, True], ids=["plain", "keyed"])
def test_a_sqlite_store_of_this_generation_reports_as_written(keyed: bool, tmp_path: Path) -> None:
    name = "v2-keyed" if keyed else "v2-plain"
    path = tmp_path / f"{name}.db"
    shutil.copyfile(GOLDEN / f"{name}.db", path)
    check(str(path), GOLDEN / f"{name}.expected.json", keyed)


@pytest.mark.parametrize("keyed", [False, True], ids=["plain", "keyed"])
def test_a_postgres_store_of_this_generation_reports_as_written(keyed: bool) -> None:
    require_postgres()
    import psycopg

    name = "v2-keyed" if keyed else "v2-plain"
    schema = f"t_{uuid.uuid4().hex[:16]}"
    original = "golden_" + name.replace("-", "_")
    text = (GOLDEN / f"{name}.pg.sql").read_text(encoding="utf-8")
    dump = "\n".join(line for line in text.splitlines() if not line.startswith("\\"))
    connect = {"host": PG_HOST, "port": PG_PORT, "dbname": PG_DB, "user": PG_USER}
    with psycopg.connect(**connect, autocommit=True) as conn:
        conn.execute(dump.replace(original, schema).encode("utf-8"))
    try:
        url = f"postgresql://{PG_USER}@{PG_HOST}:{PG_PORT}/{PG_DB}?schema={schema}"
        check(url, GOLDEN / f"{name}.pg.expected.json", keyed)
    finally:
        with psycopg.connect(**connect, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


def _sealed_fields_cleared(event: Any) -> Any:
    """An event with its sealed personal data left out: sealed bytes differ each time (a
    fresh key and nonce), the rest of the event must not."""
    changes = {
        field: None
        for field in ("personal_sealed", "donor_sealed", "id_hash")
        if getattr(event, field, None) is not None
    }
    if "key_ids" in event.__struct_fields__:
        changes["key_ids"] = ()
    return msgspec.structs.replace(event, **changes) if changes else event


def test_the_same_commands_make_the_same_events(tmp_path: Path) -> None:
    """Recorded again through today's API with the same clock, the golden year's events are
    the same events, field for field (sealed personal data aside), in the same order."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("golden_v2_maker", GOLDEN / "make_stores.py")
    assert spec is not None
    assert spec.loader is not None
    maker = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(maker)
    again = tmp_path / "again.db"
    maker.make(str(again))
    golden = tmp_path / "golden.db"
    shutil.copyfile(GOLDEN / "v2-plain.db", golden)
    old, new = Ledger(str(golden), read_only=True), Ledger(str(again), read_only=True)
    try:
        before = [_sealed_fields_cleared(e) for e in old.stored_events()]
        # Today's registrations also claim their ID numbers (rule 39): events of their own,
        # which the golden year, recorded before claims, does not hold.
        after = [
            _sealed_fields_cleared(e)
            for e in new.stored_events()
            if not isinstance(e, IdNumberClaimed)
        ]
    finally:
        old.close()
        new.close()
    assert len(before) == len(after)
    for position, (a, b) in enumerate(zip(before, after, strict=True), start=1):
        assert a == b, position
    assert isinstance(before[0].timestamp, dt.datetime)
