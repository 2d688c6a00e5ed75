"""The benchmark suite runs: a quick run (10,000 events) in a subprocess gives every number.

This is how CI checks that ``benchmarks/`` still works against the library as it is;
it checks that the numbers are there and consistent, never how fast they are (CI's
machine is shared and noisy). The performance itself is measured by ``make bench``.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import msgspec
import pytest

from conftest import PG_DB, PG_HOST, PG_PORT, PG_USER, require_postgres

REPO = Path(__file__).resolve().parents[2]
ONLY = "floor,replay,es_json,import_batch,raw_insert,catch_up,point_in_time,command_sqlite"


def test_quick_run_gives_every_number(tmp_path: Path) -> None:
    out = tmp_path / "quick.json"
    done = subprocess.run(  # noqa: S603 - this interpreter, our own module
        [sys.executable, "-m", "benchmarks.run", "--quick", "--only", ONLY, "--json", str(out)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-5000:]
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["machine"]["cores"] >= 1
    assert data["machine"]["versions"]["eventsourcing"].startswith("9.5")
    [run] = data["runs"]
    assert run["events"] == 10_000
    results = run["results"]
    for name in ("floor", "replay", "catch_up"):
        assert results[name]["events"] == 10_000
        assert results[name]["seconds"] > 0
        assert results[name]["peak_mb"] > 0
    for name in ("import_batch", "raw_insert"):
        assert results[name]["events"] == 10_000
        assert results[name]["events_per_s"] > 0
    # The storage engine's shares: parts of their measurement's time, rows counted by table
    # (the fund views hold aggregates: no table has a row per event).
    catch_up, imported = results["catch_up"], results["import_batch"]
    assert 0 < catch_up["write_s"] < catch_up["seconds"]
    # A rebuild is a bulk load: its indexes are built once, at the end.
    assert 0 < catch_up["index_s"] < catch_up["seconds"]
    assert catch_up["fold_s"] == catch_up["seconds"] - catch_up["write_s"] - catch_up["index_s"]
    assert not set(catch_up["rows_by_table"]) & {
        "fund_entries",
        "balance_at_position",
        "balance_on_day",
    }
    # A checkpoint every 32 versions of a fund: far fewer rows than events.
    assert 0 < catch_up["rows_by_table"]["fund_checkpoints"] <= 10_000 // 32
    assert catch_up["rows_written"] == sum(catch_up["rows_by_table"].values())
    assert catch_up["rows_per_event"] == catch_up["rows_written"] / 10_000 > 0
    # A view 10% behind, with its indexes kept up as it goes: its own figures.
    behind = catch_up["behind"]
    assert behind["events"] == 1_000
    assert 0 < behind["write_s"] < behind["seconds"]
    assert behind["events_per_s"] == behind["events"] / behind["seconds"]
    assert 0 < imported["write_s"] < imported["seconds"]
    assert imported["generate_s"] > 0
    # No fund reaches the first snapshot point (10,000 events) in 10,000 events.
    assert (imported["snapshots"], imported["snapshot_s"]) == (0, 0.0)
    # The collector's time is reported beside (within) the time it ran in.
    assert 0 <= imported["gc_s"] < imported["seconds"]
    assert 0 <= catch_up["gc_s"] < catch_up["seconds"]
    assert results["raw_insert"]["generate_encode_s"] > 0
    for name in ("point_in_time", "command_sqlite", "es_save_sqlite"):
        assert results[name]["median_ms"] > 0
        assert results[name]["p99_ms"] >= results[name]["median_ms"]
    for part in ("as_of_position", "statement_year"):
        figures = results["point_in_time"][part]
        assert 0 < figures["median_ms"] <= figures["p99_ms"]
    assert results["point_in_time"]["statement_year"]["lines_mean"] > 0
    for ratio in (
        "replay_to_floor",
        "catch_up_to_floor",
        "catch_up_behind_to_floor",
        "import_batch_to_raw_insert",
        "command_sqlite_to_es_save",
    ):
        assert run["ratios"][ratio] > 0
    # The floor, our replay and the rebuilt views computed the same balances.
    assert run["checksums"]["all_agree"]
    assert set(run["checksums"]["by_measurement"]) >= {"floor", "replay", "es_json", "catch_up"}
    assert "peer_ledger" not in results  # peers were not asked for


def _quick(tmp_path: Path, *args: str) -> tuple[subprocess.CompletedProcess[str], dict[str, Any]]:
    out = tmp_path / "quick.json"
    done = subprocess.run(  # noqa: S603 - this interpreter, our own module
        [sys.executable, "-m", "benchmarks.run", "--quick", "--json", str(out), *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-5000:]
    return done, json.loads(out.read_text(encoding="utf-8"))


def _bench_schemas() -> set[str]:
    import psycopg

    with psycopg.connect(host=PG_HOST, port=PG_PORT, dbname=PG_DB, user=PG_USER) as conn:
        rows = conn.execute(
            "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'bench\\_%'"
        ).fetchall()
    return {str(row[0]) for row in rows}


@pytest.mark.postgres
def test_quick_run_gives_the_postgresql_column(tmp_path: Path) -> None:
    require_postgres()
    url = f"postgresql://{PG_USER}@{PG_HOST}:{PG_PORT}/{PG_DB}"
    before = _bench_schemas()
    _, data = _quick(tmp_path, "--only", "postgres", "--postgres", url, "--repeat", "2")
    [run] = data["runs"]
    results, ratios = run["results"], run["ratios"]
    assert results["pg_import_batch"]["events"] == 10_000
    assert 0 < results["pg_import_batch"]["write_s"] < results["pg_import_batch"]["seconds"]
    for name in ("pg_raw_insert", "pg_raw_copy"):
        assert results[name]["events"] == 10_000
        assert len(results[name]["runs_s"]) == 2
    for name in ("pg_floor_keyset", "pg_floor_cursor", "pg_replay", "pg_verify", "pg_catch_up"):
        assert results[name]["events"] == 10_000
        assert len(results[name]["rounds_s"]) == 2
    assert results["pg_verify"]["ok"]
    assert results["pg_catch_up"]["rows_by_table"]["fund_checkpoints"] > 0
    assert results["pg_point_in_time"]["median_ms"] > 0
    for name in ("replay", "verify", "catch_up"):
        for floor in ("keyset", "cursor"):
            assert ratios[f"pg_{name}_to_{floor}_paired"] > 0
    assert ratios["pg_import_batch_to_raw_insert"] > 0
    assert ratios["pg_import_batch_to_raw_copy"] > 0
    judged = [t for t in run["targets"] if t["target"].startswith("PostgreSQL")]
    assert len(judged) == 4
    assert all(t["met"] is not None for t in judged)
    # Every floor and ours computed the same balances.
    assert run["checksums"]["all_agree"]
    assert set(run["checksums"]["by_measurement"]) >= {
        "pg_floor_keyset",
        "pg_replay",
        "pg_catch_up",
    }
    assert _bench_schemas() == before  # the run's schema is dropped


def test_without_a_server_the_postgresql_column_says_why(tmp_path: Path) -> None:
    _, data = _quick(
        tmp_path, "--only", "postgres", "--postgres", "postgresql://nobody@127.0.0.1:1/x"
    )
    [run] = data["runs"]
    assert "unreachable" in run["results"]["postgres"]["skipped"]
    assert not any(name.startswith("pg_") for name in run["results"])


def test_postgres_none_measures_nothing_on_postgresql(tmp_path: Path) -> None:
    # Not the command measurements either: they took the default server before.
    _, data = _quick(tmp_path, "--only", "command_postgres,postgres", "--postgres", "none")
    [run] = data["runs"]
    assert "skipped" in run["results"]["command_postgres"]
    assert "skipped" in run["results"]["postgres"]
    assert "es_save_postgres" not in run["results"]


def test_history_events_are_what_the_ledger_records(tmp_path: Path) -> None:
    """The generator's events (the raw baseline's rows) equal what the ledger stores."""
    if str(REPO) not in sys.path:  # benchmarks/ is beside src/, not an installed package
        sys.path.insert(0, str(REPO))
    from benchmarks.history import HistorySpec, batched, commands, events, in_log_order

    from sgz_ledger import Ledger

    spec = HistorySpec(events=3000)
    ledger = Ledger(str(tmp_path / "history.db"))
    try:
        for batch in batched(commands(spec), 500):
            ledger.execute_batch(batch)
        stored = ledger.stored_events()
    finally:
        ledger.close()

    def fields(event: msgspec.Struct) -> tuple[str, dict[str, object]]:
        values = msgspec.structs.asdict(event)
        del values["timestamp"]  # the ledger stamps its clock's time
        return type(event).__name__, values

    expected = list(in_log_order(events(spec), 500))
    assert [fields(e) for e in stored] == [fields(e) for e in expected]


def test_ratios_of_repeated_runs_include_fastest_against_fastest() -> None:
    """With repeats, a read's ratio is its median run's to the floor's median run, and also
    its fastest run's to the floor's fastest (the floor's runs spread widely)."""
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))
    from benchmarks.run import _repeated, ratios

    floor = _repeated([{"seconds": s, "events": 10} for s in (5.5, 3.4, 3.5)])
    replay = _repeated([{"seconds": s, "events": 10} for s in (6.0, 4.6, 4.4)])
    single = {"seconds": 7.0, "events": 10}  # measured once: no fastest ratio
    got = ratios({"floor": floor, "replay": replay, "verify": single})
    assert got["replay_to_floor"] == 4.6 / 3.5
    assert got["replay_to_floor_fastest"] == 4.4 / 3.4
    assert got["verify_to_floor"] == 7.0 / 3.5
    assert "verify_to_floor_fastest" not in got


def test_ratios_by_round_pair_each_run_with_the_floor_run_of_its_round() -> None:
    """By round: the median of each round's ratio, which a slow spell hitting one round's
    floor and replay alike leaves alone; what the targets judge where there are rounds."""
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))
    from benchmarks.run import TARGETS, _repeated, ratios, to_floor

    # Round 1 slow for both, rounds 2 and 3 fast: the medians pair round 3's floor (3.4)
    # with round 2's replay (5.0); by round the ratios are 1.45, 1.47, 1.41.
    floor = _repeated([{"seconds": s, "events": 10} for s in (5.5, 3.4, 3.5)])
    replay = _repeated([{"seconds": s, "events": 10} for s in (8.0, 5.0, 4.95)])
    got = ratios({"floor": floor, "replay": replay})
    assert got["replay_to_floor"] == 5.0 / 3.5
    assert got["replay_to_floor_paired"] == 8.0 / 5.5
    assert to_floor(got, "replay") == got["replay_to_floor_paired"]
    [replay_target] = [t for t in TARGETS if t.text == "replay <= 1.5x floor"]
    assert replay_target.check({}, got) is True
    assert replay_target.check({}, {**got, "replay_to_floor_paired": 1.51}) is False
    # A failed run leaves its round out, and only its round: the others still pair up.
    failed = {"error": "exit 1, no result"}
    floor = _repeated([{"seconds": 5.5, "events": 10}, failed, {"seconds": 3.5, "events": 10}])
    replay = _repeated([{"seconds": s, "events": 10} for s in (8.0, 5.0, 4.9)])
    assert ratios({"floor": floor, "replay": replay})["replay_to_floor_paired"] == (
        (8.0 / 5.5 + 4.9 / 3.5) / 2
    )
    # Rounds that do not line up (other counts, or a single run) give no pairing.
    short = _repeated([{"seconds": s, "events": 10} for s in (4.0, 4.1)])
    once = {"seconds": 4.2, "events": 10}
    got = ratios({"floor": floor, "replay": short, "verify": once})
    assert "replay_to_floor_paired" not in got
    assert "verify_to_floor_paired" not in got
    assert to_floor(got, "verify") == 4.2 / floor["seconds"]


def test_the_withheld_rows_experiment_leaves_out_only_what_it_names(tmp_path: Path) -> None:
    """``benchmarks.withheld_rows``: each variant's rebuild writes every table but those it
    withholds, and the store it copies is left as it was."""
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))
    from benchmarks.history import HistorySpec, batched, commands
    from benchmarks.withheld_rows import VARIANTS, rebuild_without

    from sgz_ledger import Ledger

    store = tmp_path / "history.db"
    ledger = Ledger(str(store))
    try:
        for batch in batched(commands(HistorySpec(events=2000)), 500):
            ledger.execute_batch(batch)
    finally:
        ledger.close()
    before = store.read_bytes()
    work = tmp_path / "work"
    work.mkdir()
    for withheld in VARIANTS.values():
        seconds, counts = rebuild_without(store, withheld, work)
        assert seconds > 0
        empty = {t for t, n in counts.items() if n == 0}
        # The history's gifts are all cash, recorded in date order (no late entries).
        assert empty - {"fund_goods", "fund_late_entries"} == withheld
    assert counts["fund_balances"] > 0  # the last variant withholds the checkpoints
    assert store.read_bytes() == before
    assert list(work.iterdir()) == []


def test_the_chain_rows_experiment_writes_what_each_variant_names(tmp_path: Path) -> None:
    """``benchmarks.chain_rows``: every variant stores the same event rows at the same
    positions; the chain table's rows, and the digest column, are a chain that verifies
    over those rows; the events-only variant has neither."""
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))
    from benchmarks.chain_rows import BATCH, VARIANTS, chain_digests, write
    from benchmarks.history import HistorySpec, raw_rows

    from sgz_ledger.storage.chain import ALGORITHM_PLAIN, ChainLink, RawEvent, verify_rows

    rows = list(raw_rows(HistorySpec(events=2500), BATCH))  # two full batches and a part
    digests = chain_digests(rows)
    stored: dict[str, list[tuple[object, ...]]] = {}
    for variant in VARIANTS:
        path = tmp_path / f"{variant}.db"
        assert write(path, variant, rows, digests) > 0
        db = sqlite3.connect(path)
        try:
            stored[variant] = db.execute(
                "SELECT rowid, originator_id, originator_version, topic, state "
                "FROM stored_events ORDER BY rowid"
            ).fetchall()
            tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master")}
            columns = {r[1] for r in db.execute("PRAGMA table_info(stored_events)")}
            if variant == "chain table":
                links = db.execute("SELECT position, digest FROM event_chain ORDER BY 1").fetchall()
            elif variant == "digest in row":
                links = db.execute("SELECT rowid, digest FROM stored_events ORDER BY 1").fetchall()
            else:
                links = []
        finally:
            db.close()
        assert ("event_chain" in tables) == (variant == "chain table")
        assert ("digest" in columns) == (variant == "digest in row")
        assert [r[1:] for r in stored[variant]] == rows
        assert [r[0] for r in stored[variant]] == list(range(1, len(rows) + 1))
        if variant == "events only":
            assert links == []
        else:
            assert len(links) == len(rows)
            report = verify_rows(
                (RawEvent(p, bytes.fromhex(u), v, t, s) for p, u, v, t, s in stored[variant]),
                (ChainLink(p, bytes(d)) for p, d in links),
                algorithm=ALGORITHM_PLAIN,
                contiguous=True,
            )
            assert report.ok, report
            assert report.events == len(rows)
    with pytest.raises(ValueError, match="no such variant"):
        write(tmp_path / "x.db", "digest elsewhere", rows, digests)
