"""Run the benchmark suite: each measurement in a fresh process, ratios to same-run baselines.

Usage::

    python -m benchmarks.run                      # everything at 1,000,000 events
    python -m benchmarks.run --quick              # everything at 10,000 events (< 1 minute)
    python -m benchmarks.run --events 100000 --json out.json
    python -m benchmarks.run --only floor,replay --repeat 3
    python -m benchmarks.run --sizes 10000,100000,1000000   # growth: docs/performance-growth.json

What is compared with what (each baseline measured in the same run, on the same
machine, so the ratios hold however noisy the machine is):

* reading: ``floor`` (raw ``sqlite3`` scan + msgspec decode + balance fold) against
  ``replay`` (ours), ``es_default`` (eventsourcing's ``select_notifications`` alone),
  ``es_json`` (eventsourcing's default mapper and JSON transcoder), ``catch_up``,
  ``verify`` and the peer tools (ledger-cli, hledger, beancount);
* loading: ``raw_insert`` (``executemany`` of the same encoded rows) against
  ``import_batch`` (``Ledger.execute_batch``, every rule) and ``import_csv``;
* single commands: eventsourcing's bare one-event ``save`` against ``command_sqlite``
  and ``command_postgres``.

The store of each history size is built once (by ``import_batch``, which is then also
the measurement) and cached under ``benchmarks/.cache/`` keyed by the size, the
history's version, the batch size and a fingerprint of the library files that decide
what is stored; measurements that change a store work on a copy.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import importlib.metadata
import json
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks import pg
from benchmarks.history import HISTORY_VERSION, HistorySpec
from benchmarks.measure import RESULT_PREFIX

__all__ = ["main"]

REPO = Path(__file__).resolve().parent.parent
CACHE = REPO / "benchmarks" / ".cache"
GROWTH_JSON = REPO / "docs" / "performance-growth.json"

QUICK_EVENTS = 10_000
DEFAULT_EVENTS = 1_000_000
DEFAULT_BATCH = 1000
CHILD_TIMEOUT_S = 4 * 3600

# Public measurement names, in the order they run.
NAMES = (
    "import_batch",
    "raw_insert",
    "import_csv",
    "floor",
    "replay",
    "es_default",
    "es_json",
    "verify",
    "catch_up",
    "point_in_time",
    "command_sqlite",
    "command_postgres",
    "postgres",
    "peers",
)
PEERS = ("ledger", "hledger", "beancount")
# Measured again with --repeat (read-only or idempotent, and quick enough).
REPEATABLE = ("floor", "replay", "es_default", "es_json", "verify", "catch_up")
# The baseline each measurement's ratio is taken against (added to the run if missing).
BASELINE = {
    "replay": "floor",
    "es_default": "floor",
    "es_json": "floor",
    "verify": "floor",
    "catch_up": "floor",
    "peers": "floor",
    "import_batch": "raw_insert",
    "import_csv": "raw_insert",
}
GROWTH_NAMES = ("import_batch", "raw_insert", "floor", "replay", "peers")
# The library files that decide how events are stored (names, encoding, tables, chain):
# a cached store built when any of them differed is not reused. Other changes (rules,
# views, the application's paths) leave the stored events as they were; ``--rebuild``
# forces a new store anyway.
STORAGE_FILES = (
    "storage/*.py",
    "domain/*.py",
)


@dataclass
class Run:
    """One run's settings, paths and results."""

    spec: HistorySpec
    batch: int
    queries: int
    commands: int
    repeat: int
    rebuild: bool
    work: Path
    # The PostgreSQL server the ``postgres`` column is measured on (None: not measured).
    postgres: str | None = None
    # Taken once: the library's files may change while a long run goes on.
    library: str = field(default_factory=lambda: fingerprint())
    results: dict[str, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    @property
    def stem(self) -> str:
        return f"{self.spec.key}-b{self.batch}-{self.library}"

    @property
    def store(self) -> Path:
        return CACHE / f"{self.stem}.db"


# ---- helpers -----------------------------------------------------------------------------


def fingerprint() -> str:
    """A digest of the library files that decide what is stored, and eventsourcing's version."""
    digest = hashlib.sha256(str(HISTORY_VERSION).encode())
    digest.update(importlib.metadata.version("eventsourcing").encode())
    source = REPO / "src" / "sgz_ledger"
    for pattern in STORAGE_FILES:
        for path in sorted(source.glob(pattern)):
            digest.update(str(path.relative_to(source)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:10]


def source_digest() -> str:
    """A digest of every library source file: tells whether the library changed during a run."""
    digest = hashlib.sha256()
    source = REPO / "src" / "sgz_ledger"
    for path in sorted(source.rglob("*.py")):
        digest.update(str(path.relative_to(source)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:10]


def _log(text: str) -> None:
    stamp = dt.datetime.now().strftime("%H:%M:%S")
    print(f"[{stamp}] {text}", file=sys.stderr, flush=True)


def child(name: str, params: dict[str, Any], *, timeout_s: float = CHILD_TIMEOUT_S) -> Any:
    """Run measurement ``name`` in a fresh Python process; its result (or an error) as a dict."""
    started = time.perf_counter()
    try:
        done = subprocess.run(  # noqa: S603 - our own interpreter and module
            [sys.executable, "-m", "benchmarks.measure", name, json.dumps(params)],
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=timeout_s,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return {"error": f"timed out after {timeout_s:.0f} s"}
    for line in reversed(done.stdout.splitlines()):
        if line.startswith(RESULT_PREFIX):
            result: dict[str, Any] = json.loads(line[len(RESULT_PREFIX) :])
            result["process_s"] = time.perf_counter() - started
            if "error" in result:
                result["stderr"] = done.stderr[-3000:]
            return result
    return {"error": f"exit {done.returncode}, no result", "stderr": done.stderr[-3000:]}


def _remove_store(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)


def _move_store(source: Path, target: Path) -> None:
    _remove_store(target)
    for suffix in ("", "-wal", "-shm"):
        from_path = Path(str(source) + suffix)
        if from_path.exists():
            from_path.replace(Path(str(target) + suffix))


def _copy_store(source: Path, target: Path) -> None:
    if not source.exists():
        msg = f"no store to copy at {source}"
        raise FileNotFoundError(msg)
    _remove_store(target)
    for suffix in ("", "-wal"):
        from_path = Path(str(source) + suffix)
        if from_path.exists():
            shutil.copyfile(from_path, Path(str(target) + suffix))


def machine() -> dict[str, Any]:
    """What the numbers were measured on."""
    cpu = ""
    with open("/proc/cpuinfo", encoding="utf-8") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory_gb = 0.0
    with open("/proc/meminfo", encoding="utf-8") as f:
        for line in f:
            if line.startswith("MemTotal:"):
                memory_gb = int(line.split()[1]) / 2**20
    versions = {}
    for package in ("eventsourcing", "msgspec", "pydantic", "sgz-ledger", "psycopg"):
        try:
            versions[package] = importlib.metadata.version(package)
        except importlib.metadata.PackageNotFoundError:
            versions[package] = ""
    revision = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"],  # noqa: S607
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    dirty = subprocess.run(
        ["git", "status", "--porcelain", "--", "src"],  # noqa: S607
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    return {
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gb": round(memory_gb, 1),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "versions": versions,
        "git": revision + ("+dirty" if dirty else ""),
        "library_fingerprint": fingerprint(),
        "library_source": source_digest(),
        "history_version": HISTORY_VERSION,
        "loadavg_start": os.getloadavg(),
    }


# ---- one size ------------------------------------------------------------------------------


def _record(name: str, result: dict[str, Any]) -> dict[str, Any]:
    """Log a measurement's outcome; the result itself."""
    shown = result.get("error") or result.get("skipped")
    if shown:
        _log(f"  {name}: {'ERROR ' if 'error' in result else 'skipped: '}{shown}")
        if "stderr" in result:
            print(result["stderr"], file=sys.stderr)
    else:
        _log(
            f"  {name}: {result.get('seconds', result.get('median_ms', 0)):.3f}"
            f"{' s' if 'seconds' in result else ' ms'}, peak {result.get('peak_mb', 0):.0f} MB"
        )
    return result


def _repeated(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """The run with the median time, with every run's time beside it."""
    good = [r for r in runs if "seconds" in r]
    if not good:
        return runs[-1]
    ordered = sorted(good, key=lambda r: float(r["seconds"]))
    chosen = dict(ordered[(len(ordered) - 1) // 2])
    if len(good) > 1:
        chosen["runs_s"] = [r["seconds"] for r in good]
        chosen["min_s"] = ordered[0]["seconds"]
    if len(runs) > 1:
        # Round by round, a failed run as None: what ``_paired`` lines up with the floor.
        chosen["rounds_s"] = [r.get("seconds") for r in runs]
    return chosen


def ensure_store(run: Run, measure_import: bool) -> None:
    """Build the store of this size (``import_batch``), or reuse the cached one."""
    params = {"events": run.spec.events, "seed": run.spec.seed, "batch": run.batch}
    if not measure_import and run.store.exists() and not run.rebuild:
        return
    out = run.work / "import.db"
    _log(f"import_batch (N={run.spec.events:,}): building the store through execute_batch")
    result = _record("import_batch", child("import_batch", {**params, "out": str(out)}))
    if "error" in result:
        msg = f"the store could not be built: {result['error']}"
        raise SystemExit(msg)
    if measure_import:
        run.results["import_batch"] = result
    else:
        run.results["build"] = result
    if run.rebuild or not run.store.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        _move_store(out, run.store)
    else:
        _remove_store(out)


def measure_size(run: Run, selected: Sequence[str]) -> None:
    """Every selected measurement at this size, each in a process of its own."""
    spec = run.spec
    base = {"events": spec.events, "seed": spec.seed, "batch": run.batch}
    _log(f"history {spec.key}: {spec.events:,} events, store {run.store.name}")
    needs_store = any(
        n not in ("raw_insert", "import_csv", "command_postgres", "postgres") for n in selected
    )
    if "import_batch" in selected or needs_store:
        ensure_store(run, "import_batch" in selected)
    store = str(run.store)
    if "raw_insert" in selected:
        # Repeated like the reads (median of the runs): its many small durable commits make
        # it the most variable baseline (19.5 s and 11.5 s in two runs of the same day).
        out = run.work / "raw.db"
        raw_runs = []
        for round_number in range(run.repeat):
            suffix = f" (run {round_number + 1}/{run.repeat})" if run.repeat > 1 else ""
            _log(f"raw_insert: executemany of the same encoded rows{suffix}")
            raw_runs.append(_record("raw_insert", child("raw_insert", {**base, "out": str(out)})))
            _remove_store(out)
        run.results["raw_insert"] = _repeated(raw_runs)
    if "import_csv" in selected:
        _log("import_csv: fund sheet and donation registers through sheets.import_file")
        out = run.work / "csv.db"
        run.results["import_csv"] = _record(
            "import_csv", child("import_csv", {**base, "out": str(out)})
        )
    es_store = CACHE / f"{run.stem}-es.db"
    if "es_json" in selected and (run.rebuild or not es_store.exists()):
        _log("es_json: writing the eventsourcing-format copy of the history (not timed)")
        built = child("build_es_json", {"store": store, "out": str(es_store)})
        run.results["build_es_json"] = _record("build_es_json", built)
        if "error" in built:
            # A half-written copy must not be measured, here or by a later run.
            _remove_store(es_store)
            selected = [n for n in selected if n != "es_json"]
            run.results["es_json"] = {"error": f"the copy could not be written: {built['error']}"}
    views = run.work / "views.db"
    if any(n in selected for n in ("catch_up", "point_in_time", "command_sqlite")):
        _copy_store(run.store, views)
    # The repeatable ones, round robin, so a slow spell of the machine hits all alike.
    runs: dict[str, list[dict[str, Any]]] = {}
    repeatable = [n for n in REPEATABLE if n in selected]
    for round_number in range(run.repeat):
        for name in repeatable:
            suffix = f" (run {round_number + 1}/{run.repeat})" if run.repeat > 1 else ""
            _log(f"{name}{suffix}")
            params = {**base, "store": store, "es_store": str(es_store)}
            if name == "catch_up":
                params["store"] = str(views)
            runs.setdefault(name, []).append(_record(name, child(name, params)))
    for name, results in runs.items():
        run.results[name] = _repeated(results)
    if "point_in_time" in selected:
        _log("point_in_time")
        params = {**base, "store": str(views), "queries": run.queries}
        run.results["point_in_time"] = _record("point_in_time", child("point_in_time", params))
    if "command_sqlite" in selected:
        _log("command_sqlite, and eventsourcing's bare save on SQLite")
        params = {**base, "store": str(views), "count": run.commands}
        run.results["command_sqlite"] = _record("command_sqlite", child("command_sqlite", params))
        out = run.work / "es-save.db"
        run.results["es_save_sqlite"] = _record(
            "es_save_sqlite", child("es_save_sqlite", {"out": str(out), "count": run.commands})
        )
    if "command_postgres" in selected and run.postgres is None:
        _log("command_postgres: skipped: no PostgreSQL server given (--postgres none)")
        run.results["command_postgres"] = {"skipped": "no PostgreSQL server given"}
    elif "command_postgres" in selected:
        _log("command_postgres, and eventsourcing's bare save on PostgreSQL")
        params = {"funds": 20, "count": run.commands, "url": run.postgres}
        run.results["command_postgres"] = _record(
            "command_postgres", child("command_postgres", params)
        )
        run.results["es_save_postgres"] = _record(
            "es_save_postgres",
            child("es_save_postgres", {"count": run.commands, "url": run.postgres}),
        )
    if "postgres" in selected:
        measure_postgres(run, base)
    if "peers" in selected:
        measure_peers(run, base, store)
    _remove_store(views)


# The PostgreSQL column's repeated reads, round robin: (result name, measurement, params).
PG_READS = (
    ("pg_floor_keyset", "pg_floor", {"how": "keyset"}),
    ("pg_floor_cursor", "pg_floor", {"how": "cursor"}),
    ("pg_replay", "replay", {}),
    ("pg_verify", "verify", {}),
    ("pg_catch_up", "catch_up", {}),
)


def measure_postgres(run: Run, base: dict[str, Any]) -> None:
    """The PostgreSQL column: the history imported through ``execute_batch`` into a fresh
    schema (the measurement, and the store the rest reads), the raw inserts of the same rows
    (``executemany``, binary ``COPY``), then the reads round robin against the raw binary
    reads (keyset pages, a server-side cursor), the point-in-time queries. The schema is
    dropped at the end: nothing is cached on the server."""
    reason = (
        pg.unreachable_reason(run.postgres)
        if run.postgres
        else "no PostgreSQL server given (--postgres none)"
    )
    if reason is not None:
        _log(f"postgres: skipped: {reason}")
        run.results["postgres"] = {"skipped": reason}
        return
    assert run.postgres is not None
    with pg.fresh_schema(run.postgres) as schema:
        store = pg.with_schema(run.postgres, schema)
        run.results["postgres"] = {"server": run.postgres.split("@")[-1].split("?")[0]}
        _log(f"postgres import_batch (N={run.spec.events:,}) into schema {schema}")
        imported = _record("pg_import_batch", child("import_batch", {**base, "out": store}))
        run.results["pg_import_batch"] = imported
        if "error" in imported:
            return
        raw: dict[str, list[dict[str, Any]]] = {}
        for round_number in range(run.repeat):
            for how in ("executemany", "copy"):
                _log(f"postgres raw insert by {how} (run {round_number + 1}/{run.repeat})")
                result = child("pg_raw_insert", {**base, "store": store, "how": how})
                raw.setdefault(how, []).append(_record(f"pg_raw_{how}", result))
        run.results["pg_raw_insert"] = _repeated(raw["executemany"])
        run.results["pg_raw_copy"] = _repeated(raw["copy"])
        runs: dict[str, list[dict[str, Any]]] = {}
        for round_number in range(run.repeat):
            for name, measurement, extra in PG_READS:
                _log(f"{name} (run {round_number + 1}/{run.repeat})")
                result = child(measurement, {**base, "store": store, **extra})
                runs.setdefault(name, []).append(_record(name, result))
        for name, results in runs.items():
            run.results[name] = _repeated(results)
        _log("pg_point_in_time")
        params = {**base, "store": store, "queries": run.queries}
        run.results["pg_point_in_time"] = _record(
            "pg_point_in_time", child("point_in_time", params)
        )


def measure_peers(run: Run, base: dict[str, Any], store: str) -> None:
    """The peer tools over a journal of the same history (written once, cached)."""
    ledger_file = CACHE / f"{run.stem}.journal"
    bean_file = CACHE / f"{run.stem}.beancount"
    if run.rebuild or not (ledger_file.exists() and bean_file.exists()):
        _log("peers: writing the journals")
        params = {"store": store, "ledger_out": str(ledger_file), "beancount_out": str(bean_file)}
        built = _record("build_journals", child("build_journals", params))
        run.results["build_journals"] = built
        if "error" in built:
            return
        run.notes.append(f"peers read a journal written by {built['source']}")
    for tool in PEERS:
        _log(f"peer {tool}")
        file = bean_file if tool == "beancount" else ledger_file
        params = {**base, "tool": tool, "file": str(file)}
        run.results[f"peer_{tool}"] = _record(f"peer_{tool}", child("peer", params))


# ---- ratios, targets, table ----------------------------------------------------------------


def _seconds(results: dict[str, Any], name: str) -> float | None:
    value = results.get(name, {}).get("seconds")
    return float(value) if value is not None else None


def _paired(runs: dict[str, Any], floor: dict[str, Any]) -> float | None:
    """The median, over the rounds, of a run's time to the floor's run of the same round.

    The repeated measurements run round robin (floor, replay, ..., then again), so a
    round's runs share the machine's mood of the moment: a slow spell (the floor's runs
    spread from 3.4 to 5.5 s within one run) moves both sides of a round's ratio, where
    it moves only one side of a ratio of medians taken from different rounds. Rounds
    where either run failed are left out; ``None`` unless two rounds at least remain.
    """
    mine, base = runs.get("rounds_s"), floor.get("rounds_s")
    if not mine or not base or len(mine) != len(base):
        return None
    pairs = [(m, f) for m, f in zip(mine, base, strict=True) if m is not None and f]
    if len(pairs) < 2:
        return None
    return float(statistics.median(m / f for m, f in pairs))


def to_floor(ratio: dict[str, float], name: str) -> float | None:
    """``name``'s ratio to the floor as the targets judge it: round by round where the run
    had repeats (``_paired``), else its time to the floor's."""
    return ratio.get(f"{name}_to_floor_paired", ratio.get(f"{name}_to_floor"))


def ratios(results: dict[str, Any]) -> dict[str, float]:
    """Every ratio the run can give (to the floor, the raw insert, eventsourcing's save)."""
    out: dict[str, float] = {}
    floor_s = _seconds(results, "floor")
    if floor_s:
        floor_min = results["floor"].get("min_s")
        for name in ("replay", "es_default", "es_json", "verify", "catch_up"):
            seconds = _seconds(results, name)
            if seconds is not None:
                out[f"{name}_to_floor"] = seconds / floor_s
            # Fastest run against fastest run: the floor's own runs spread widely on a
            # shared machine (3.4 to 5.5 s in one run), and a median of three can fall in
            # a fast spell that the measurement beside it did not share.
            fastest = results.get(name, {}).get("min_s")
            if fastest is not None and floor_min:
                out[f"{name}_to_floor_fastest"] = fastest / floor_min
            paired = _paired(results.get(name, {}), results["floor"])
            if paired is not None:
                out[f"{name}_to_floor_paired"] = paired
        for tool in PEERS:
            seconds = _seconds(results, f"peer_{tool}")
            if seconds is not None:
                out[f"peer_{tool}_to_floor"] = seconds / floor_s
        # Against the floor's time for as many events (its rate in the same run).
        catch = results.get("catch_up", {})
        behind, floor_events = catch.get("behind"), results.get("floor", {}).get("events")
        if behind and floor_events:
            out["catch_up_behind_to_floor"] = behind["seconds"] / (
                floor_s * behind["events"] / floor_events
            )
    replay_s = _seconds(results, "replay")
    for tool in PEERS:
        seconds = _seconds(results, f"peer_{tool}")
        if replay_s and seconds:
            out[f"replay_to_peer_{tool}"] = replay_s / seconds
    raw = results.get("raw_insert", {}).get("events_per_s")
    if raw:
        for name in ("import_batch", "import_csv"):
            rate = results.get(name, {}).get("events_per_s")
            if rate:
                out[f"{name}_to_raw_insert"] = rate / raw
    out.update(pg_ratios(results))
    for backend in ("sqlite", "postgres"):
        ours_ms = results.get(f"command_{backend}", {}).get("median_ms")
        bare_ms = results.get(f"es_save_{backend}", {}).get("median_ms")
        if ours_ms and bare_ms:
            out[f"command_{backend}_to_es_save"] = ours_ms / bare_ms
    return out


def pg_ratios(results: dict[str, Any]) -> dict[str, float]:
    """The PostgreSQL column's ratios: each read to both raw reads (by round, medians,
    fastest), the import to both raw inserts."""
    out: dict[str, float] = {}
    for floor in ("keyset", "cursor"):
        base = results.get(f"pg_floor_{floor}", {})
        base_s, base_min = base.get("seconds"), base.get("min_s")
        if not base_s:
            continue
        for name in ("replay", "verify", "catch_up"):
            mine = results.get(f"pg_{name}", {})
            key = f"pg_{name}_to_{floor}"
            if "seconds" in mine:
                out[key] = mine["seconds"] / base_s
            if mine.get("min_s") is not None and base_min:
                out[f"{key}_fastest"] = mine["min_s"] / base_min
            paired = _paired(mine, base)
            if paired is not None:
                out[f"{key}_paired"] = paired
    rate = results.get("pg_import_batch", {}).get("events_per_s")
    for how in ("insert", "copy"):
        raw = results.get(f"pg_raw_{how}", {}).get("events_per_s")
        if rate and raw:
            out[f"pg_import_batch_to_raw_{how}"] = rate / raw
    return out


def pg_to_keyset(ratio: dict[str, float], name: str) -> float | None:
    """A PostgreSQL read's ratio to the keyset floor as its target judges it: by round where
    the run had repeats, else of the medians."""
    return ratio.get(f"pg_{name}_to_keyset_paired", ratio.get(f"pg_{name}_to_keyset"))


@dataclass(frozen=True)
class Target:
    """A goal from the performance issue, as a check on a run's numbers."""

    name: str
    text: str
    check: Callable[[dict[str, Any], dict[str, float]], bool | None]


def _get(results: dict[str, Any], name: str, key: str) -> Any:
    return results.get(name, {}).get(key)


def _median(results: dict[str, Any], part: str) -> Any:
    """The median (ms) of one part of the point-in-time measurement, if it was measured."""
    return (_get(results, "point_in_time", part) or {}).get("median_ms")


def _compare(value: Any, limit: float, *, below: bool) -> bool | None:
    if value is None:
        return None
    return bool(value <= limit) if below else bool(value >= limit)


TARGETS = (
    Target(
        "replay",
        "replay <= 1.5x floor",
        lambda r, q: _compare(to_floor(q, "replay"), 1.5, below=True),
    ),
    Target(
        "replay",
        "replay peak memory < 150 MB",
        lambda r, q: _compare(_get(r, "replay", "peak_mb"), 150, below=True),
    ),
    Target(
        "import_batch",
        "import >= 0.5x raw insert",
        lambda r, q: _compare(q.get("import_batch_to_raw_insert"), 0.5, below=False),
    ),
    Target(
        "import_batch",
        "import >= 60,000 events/s",
        lambda r, q: _compare(_get(r, "import_batch", "events_per_s"), 60_000, below=False),
    ),
    Target(
        "catch_up",
        "catch-up >= 150,000 events/s",
        lambda r, q: _compare(_get(r, "catch_up", "events_per_s"), 150_000, below=False),
    ),
    Target(
        "catch_up",
        "catch-up <= 2.5x floor",
        lambda r, q: _compare(to_floor(q, "catch_up"), 2.5, below=True),
    ),
    Target(
        "point_in_time",
        "point-in-time median < 1 ms (as of a day)",
        lambda r, q: _compare(_get(r, "point_in_time", "median_ms"), 1.0, below=True),
    ),
    Target(
        "point_in_time",
        "point-in-time median < 1 ms (as of a log position)",
        lambda r, q: _compare(_median(r, "as_of_position"), 1.0, below=True),
    ),
    Target(
        "point_in_time",
        "one fund's statement for a year: median < 20 ms",
        lambda r, q: _compare(_median(r, "statement_year"), 20.0, below=True),
    ),
    Target(
        "command_sqlite",
        "SQLite command median < 1 ms",
        lambda r, q: _compare(_get(r, "command_sqlite", "median_ms"), 1.0, below=True),
    ),
    Target(
        "verify",
        "verify <= 2x floor",
        lambda r, q: _compare(to_floor(q, "verify"), 2.0, below=True),
    ),
    Target(
        "postgres",
        "PostgreSQL replay <= 1.2x keyset floor",
        lambda r, q: _compare(pg_to_keyset(q, "replay"), 1.2, below=True),
    ),
    Target(
        "postgres",
        "PostgreSQL verify <= 2x keyset floor",
        lambda r, q: _compare(pg_to_keyset(q, "verify"), 2.0, below=True),
    ),
    Target(
        "postgres",
        "PostgreSQL import >= 0.4x raw executemany",
        lambda r, q: _compare(q.get("pg_import_batch_to_raw_insert"), 0.4, below=False),
    ),
    Target(
        "postgres",
        "PostgreSQL catch-up >= 100,000 events/s",
        lambda r, q: _compare(_get(r, "pg_catch_up", "events_per_s"), 100_000, below=False),
    ),
    Target(
        "peers",
        "replay faster than ledger-cli",
        lambda r, q: _compare(q.get("replay_to_peer_ledger"), 1.0, below=True),
    ),
)


def targets(results: dict[str, Any], ratio: dict[str, float]) -> list[dict[str, Any]]:
    """Each target with ``met`` true, false, or null (not measured in this run)."""
    return [{"target": t.text, "met": t.check(results, ratio)} for t in TARGETS]


def checksums(results: dict[str, Any]) -> dict[str, Any]:
    """Whether every measurement that computed balances agrees with the floor (SQLite's, or
    PostgreSQL's keyset floor in a run of the PostgreSQL column alone)."""
    found = {
        n: r["checksum"] for n, r in results.items() if isinstance(r, dict) and "checksum" in r
    }
    reference = found.get("floor", found.get("pg_floor_keyset"))
    return {
        "by_measurement": found,
        "all_agree": reference is not None and all(v == reference for v in found.values()),
    }


def _rate(value: float | None, unit: str) -> str:
    if value is None:
        return ""
    if value >= 1e6:
        return f"{value / 1e6:.2f}M {unit}"
    if value >= 1e3:
        return f"{value / 1e3:.1f}k {unit}"
    return f"{value:.0f} {unit}"


def table(results: dict[str, Any], ratio: dict[str, float]) -> str:
    """The run as a text table: time, rate, ratio to its baseline, peak memory, note."""
    header = ("measurement", "events", "time", "rate", "ratio", "peak MB", "note")
    lines: list[tuple[str, ...]] = [header]

    def row(name: str, label: str, time_text: str, rate: str, ratio_text: str, note: str) -> None:
        r = results.get(name, {})
        events = r.get("events")
        lines.append(
            (
                label,
                f"{events:,}" if isinstance(events, int) else "",
                time_text,
                rate,
                ratio_text,
                f"{r['peak_mb']:.0f}" if "peak_mb" in r else "",
                note,
            )
        )

    def seconds_row(name: str, label: str, ratio_key: str | None, ratio_label: str) -> None:
        r = results.get(name)
        if r is None:
            return
        if "seconds" not in r:
            row(name, label, "", "", "", r.get("skipped") or r.get("error", "")[:90])
            return
        events = r.get("events")
        rate = _rate(events / r["seconds"], "ev/s") if isinstance(events, int) else ""
        ratio_text = f"{ratio[ratio_key]:.2f}x {ratio_label}" if ratio_key in ratio else ""
        paired = ratio.get(f"{ratio_key}_paired")
        fastest = ratio.get(f"{ratio_key}_fastest")
        if ratio_text and paired is not None:
            # Round by round first: the figure the targets judge (see ``_paired``).
            ratio_text = f"{paired:.2f}x {ratio_label} by round (medians {ratio[ratio_key]:.2f}x"
            ratio_text += f", fastest {fastest:.2f}x)" if fastest is not None else ")"
        elif ratio_text and fastest is not None:
            ratio_text += f" (fastest {fastest:.2f}x)"
        note = ""
        if "runs_s" in r:
            note = "runs " + ", ".join(f"{s:.2f}" for s in r["runs_s"])
        row(name, label, f"{r['seconds']:.2f} s", rate, ratio_text, note)

    def latency_row(name: str, label: str, ratio_key: str | None, extra: str = "") -> None:
        r = results.get(name)
        if r is None:
            return
        if "median_ms" not in r:
            row(name, label, "", "", "", r.get("skipped") or r.get("error", "")[:90])
            return
        ratio_text = f"{ratio[ratio_key]:.2f}x es save" if ratio_key in ratio else ""
        note = f"p99 {r['p99_ms']:.2f} ms" + extra
        row(name, label, f"{r['median_ms']:.3f} ms", _rate(r.get("per_s"), "/s"), ratio_text, note)

    seconds_row("floor", "floor (sqlite3+msgspec+fold)", None, "")
    seconds_row("replay", "replay (ours, cold)", "replay_to_floor", "floor")
    seconds_row("es_default", "es select_notifications", "es_default_to_floor", "floor")
    seconds_row("es_json", "es default mapper+JSON", "es_json_to_floor", "floor")
    seconds_row("verify", "verify hash chain", "verify_to_floor", "floor")
    seconds_row("catch_up", "catch-up (rebuild views)", "catch_up_to_floor", "floor")
    catch = results.get("catch_up", {})
    if "write_s" in catch and lines[-1][0].startswith("catch-up"):
        # SQLite's share: the batches' commits and the bulk load's index build at the end.
        sqlite_s = catch["write_s"] + catch.get("index_s", 0.0)
        split = (
            f"SQLite writes {sqlite_s:.2f} s ({sqlite_s / catch['seconds']:.0%}; "
            f"indexes {catch.get('index_s', 0.0):.2f} s), "
            f"{catch['rows_per_event']:.2f} rows/event"
        )
        if "gc_s" in catch:
            split += f"; cyclic GC {catch['gc_s']:.2f} s"
        note = lines[-1][6]
        lines[-1] = (*lines[-1][:6], f"{split}; {note}" if note else split)
    behind = catch.get("behind")
    if behind:
        ratio_text = ratio.get("catch_up_behind_to_floor")
        lines.append(
            (
                f"catch-up (view {behind['events'] / catch['events']:.0%} behind)",
                f"{behind['events']:,}",
                f"{behind['seconds']:.2f} s",
                _rate(behind["events_per_s"], "ev/s"),
                f"{ratio_text:.2f}x floor" if ratio_text is not None else "",
                "",
                f"SQLite writes {behind['write_s']:.2f} s "
                f"({behind['write_s'] / behind['seconds']:.0%})",
            )
        )
    for tool in PEERS:
        name = f"peer_{tool}"
        seconds_row(name, f"peer {tool}", f"{name}_to_floor", "floor")
        r = results.get(name, {})
        if "tool_peak_mb" in r:
            lines[-1] = (*lines[-1][:5], f"{r['tool_peak_mb']:.0f}", r.get("command", ""))
    seconds_row("raw_insert", "raw insert (executemany)", None, "")
    seconds_row("import_batch", "import (execute_batch)", "import_batch_to_raw_insert", "raw")
    imported = results.get("import_batch", {})
    if "write_s" in imported and lines[-1][0].startswith("import (execute_batch)"):
        share = imported["write_s"] / imported["seconds"]
        split = f"recorder's write {imported['write_s']:.2f} s ({share:.0%})"
        if imported.get("snapshots"):
            split += f"; {imported['snapshots']} snapshots {imported['snapshot_s']:.2f} s"
        if "gc_s" in imported:
            split += f"; cyclic GC {imported['gc_s']:.2f} s"
        lines[-1] = (*lines[-1][:6], split)
    seconds_row("import_csv", "import (CSV sheets)", "import_csv_to_raw_insert", "raw")
    pit = results.get("point_in_time", {})
    if "as_of_position" in pit:
        by_position = pit["as_of_position"]
        extra = f"; by position {by_position['median_ms']:.3f} / p99 {by_position['p99_ms']:.2f} ms"
        latency_row("point_in_time", "point in time (as_of day)", None, extra)
    else:
        latency_row("point_in_time", "point in time (as_of day)", None)
    if "statement_year" in pit:
        year = pit["statement_year"]
        lines.append(
            (
                "statement of a fund for a year",
                "",
                f"{year['median_ms']:.3f} ms",
                "",
                "",
                "",
                f"p99 {year['p99_ms']:.2f} ms; {year['lines_mean']:.0f} lines on average",
            )
        )
    latency_row("es_save_sqlite", "es bare save (SQLite)", None)
    latency_row("command_sqlite", "command (SQLite)", "command_sqlite_to_es_save")
    latency_row("es_save_postgres", "es bare save (PostgreSQL)", None)
    latency_row("command_postgres", "command (PostgreSQL)", "command_postgres_to_es_save")
    skipped = results.get("postgres", {}).get("skipped")
    if skipped:
        lines.append(("PostgreSQL column", "", "", "", "", "", f"skipped: {skipped}"[:120]))
    seconds_row("pg_floor_keyset", "pg floor (binary keyset pages)", None, "")
    seconds_row("pg_floor_cursor", "pg floor (binary cursor)", None, "")
    for name, label in (
        ("replay", "pg replay (ours, cold)"),
        ("verify", "pg verify hash chain"),
        ("catch_up", "pg catch-up (rebuild views)"),
    ):
        seconds_row(f"pg_{name}", label, f"pg_{name}_to_keyset", "keyset")
        cursor = ratio.get(f"pg_{name}_to_cursor_paired", ratio.get(f"pg_{name}_to_cursor"))
        if cursor is not None and lines[-1][0] == label:
            extra = f"{cursor:.2f}x cursor"
            caught = results[f"pg_{name}"]
            if name == "catch_up" and "write_s" in caught:
                share = caught["write_s"] / caught["seconds"]
                extra += f"; view commits {caught['write_s']:.2f} s ({share:.0%})"
            note = lines[-1][6]
            lines[-1] = (*lines[-1][:6], f"{extra}; {note}" if note else extra)
    seconds_row("pg_raw_insert", "pg raw insert (executemany)", None, "")
    seconds_row("pg_raw_copy", "pg raw insert (binary COPY)", None, "")
    seconds_row(
        "pg_import_batch", "pg import (execute_batch)", "pg_import_batch_to_raw_insert", "raw"
    )
    imported = results.get("pg_import_batch", {})
    if "write_s" in imported and lines[-1][0] == "pg import (execute_batch)":
        share = imported["write_s"] / imported["seconds"]
        split = f"recorder's write {imported['write_s']:.2f} s ({share:.0%})"
        copy = ratio.get("pg_import_batch_to_raw_copy")
        if copy is not None:
            split = f"{copy:.2f}x raw COPY; " + split
        lines[-1] = (*lines[-1][:6], split)
    pit = results.get("pg_point_in_time", {})
    extra = ""
    if "as_of_position" in pit:
        by_position = pit["as_of_position"]
        extra = f"; by position {by_position['median_ms']:.3f} / p99 {by_position['p99_ms']:.2f} ms"
    latency_row("pg_point_in_time", "pg point in time (as_of day)", None, extra)
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    text = []
    for n, line in enumerate(lines):
        text.append("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(line)).rstrip())
        if n == 0:
            text.append("  ".join("-" * w for w in widths))
    return "\n".join(text)


def report(run: Run) -> dict[str, Any]:
    """The run's results with its ratios, targets and checks."""
    ratio = ratios(run.results)
    return {
        "events": run.spec.events,
        "history": run.spec.key,
        "batch": run.batch,
        "results": run.results,
        "ratios": ratio,
        "targets": targets(run.results, ratio),
        "checksums": checksums(run.results),
        "notes": run.notes,
    }


def print_report(data: dict[str, Any]) -> None:
    results, ratio = data["results"], data["ratios"]
    print(f"\nN = {data['events']:,} events ({data['history']}, batches of {data['batch']})")
    print(table(results, ratio))
    print("\ntargets:")
    for t in data["targets"]:
        mark = {True: "met", False: "MISSED", None: "not measured"}[t["met"]]
        print(f"  {t['target']:<36} {mark}")
    sums = data["checksums"]
    if sums["by_measurement"]:
        agree = "all agree" if sums["all_agree"] else "DISAGREE"
        print(f"balances checksums ({agree}): {sums['by_measurement']}")
    for note in data["notes"]:
        print(f"note: {note}")


# ---- the command line -------------------------------------------------------------------


def _selected(only: str | None) -> list[str]:
    if not only:
        return list(NAMES)
    names = [n.strip() for n in only.split(",") if n.strip()]
    unknown = [n for n in names if n not in NAMES]
    if unknown:
        msg = f"unknown measurement(s): {', '.join(unknown)}; choose from {', '.join(NAMES)}"
        raise SystemExit(msg)
    for name in list(names):
        baseline = BASELINE.get(name)
        if baseline is not None and baseline not in names:
            names.append(baseline)
    return [n for n in NAMES if n in names]


def _growth(reports: list[dict[str, Any]], info: dict[str, Any]) -> dict[str, Any]:
    sizes = []
    for data in reports:
        r = data["results"]
        entry: dict[str, Any] = {"events": data["events"]}
        for name in ("floor", "replay", "import_batch", "raw_insert"):
            if "seconds" in r.get(name, {}):
                entry[f"{name}_s"] = r[name]["seconds"]
                entry[f"{name}_peak_mb"] = r[name]["peak_mb"]
        for tool in PEERS:
            peer = r.get(f"peer_{tool}", {})
            if "seconds" in peer:
                entry[f"peer_{tool}_s"] = peer["seconds"]
                entry[f"peer_{tool}_peak_mb"] = peer["tool_peak_mb"]
        entry["ratios"] = data["ratios"]
        sizes.append(entry)
    return {"machine": info, "sizes": sizes}


def growth_from(files: Sequence[Path], out: Path) -> int:
    """Write the growth JSON from the ``--json`` files of earlier runs (one size or more each).

    Where two files measured the same thing at the same size, the later file's number is used.
    """
    reports: dict[int, dict[str, Any]] = {}
    info: dict[str, Any] = {}
    for path in files:
        data = json.loads(path.read_text(encoding="utf-8"))
        info = data["machine"]
        for run in data["runs"]:
            # A later file's measurements of the same size replace an earlier one's.
            merged = reports.setdefault(run["events"], {"events": run["events"], "results": {}})
            merged["results"].update(run["results"])
    for merged in reports.values():
        merged["ratios"] = ratios(merged["results"])
    growth = _growth([reports[n] for n in sorted(reports)], info)
    growth["from"] = [str(p) for p in files]
    out.write_text(json.dumps(growth, indent=2, ensure_ascii=False) + "\n")
    _log(f"wrote {out}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.run", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--events", type=int, default=None, help="history size (1,000,000)")
    parser.add_argument(
        "--quick", action="store_true", help=f"{QUICK_EVENTS:,} events, fewer calls"
    )
    parser.add_argument("--only", help=f"comma-separated, from: {', '.join(NAMES)}")
    parser.add_argument("--json", help="write every number, with the machine, to this file")
    parser.add_argument("--sizes", help="comma-separated sizes: growth of replay, import, peers")
    parser.add_argument("--growth-json", default=str(GROWTH_JSON), help="where --sizes writes")
    parser.add_argument("--repeat", type=int, default=1, help="runs of the quick read measurements")
    parser.add_argument("--batch", type=int, default=DEFAULT_BATCH, help="commands per batch")
    parser.add_argument("--seed", type=int, default=HistorySpec.seed)
    parser.add_argument("--queries", type=int, default=None, help="point-in-time queries (1000)")
    parser.add_argument("--commands", type=int, default=None, help="timed single commands (1000)")
    parser.add_argument("--rebuild", action="store_true", help="rebuild cached stores")
    parser.add_argument(
        "--postgres",
        default=pg.DEFAULT_URL,
        help="the PostgreSQL server of the postgres column and commands, as a store URL "
        f"without schema (default {pg.DEFAULT_URL}; 'none': not measured). Each run works "
        "in a fresh schema, dropped at its end",
    )
    parser.add_argument(
        "--growth-from",
        help="comma-separated --json files of earlier runs: write --growth-json from them, "
        "measuring nothing",
    )
    args = parser.parse_args(argv)
    if args.growth_from:
        return growth_from([Path(p) for p in args.growth_from.split(",")], Path(args.growth_json))

    quick = args.quick
    events = args.events or (QUICK_EVENTS if quick else DEFAULT_EVENTS)
    sizes = [int(s) for s in args.sizes.split(",")] if args.sizes else [events]
    selected = _selected(args.only or (",".join(GROWTH_NAMES) if args.sizes else None))
    info = machine()
    work = CACHE / f"run-{os.getpid()}"
    work.mkdir(parents=True, exist_ok=True)
    reports = []
    try:
        for size in sizes:
            run = Run(
                spec=HistorySpec(events=size, seed=args.seed),
                batch=args.batch,
                queries=args.queries or (200 if quick else 1000),
                commands=args.commands or (200 if quick else 1000),
                repeat=max(1, args.repeat),
                rebuild=args.rebuild,
                work=work,
                postgres=None if args.postgres.lower() in ("", "none") else args.postgres,
            )
            measure_size(run, selected)
            data = report(run)
            print_report(data)
            reports.append(data)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    info["loadavg_end"] = os.getloadavg()
    # Each measurement imports the library when its process starts: a library edited
    # while the run went on means its numbers come from different versions of it.
    info["library_source_end"] = source_digest()
    info["library_changed_during_run"] = info["library_source_end"] != info["library_source"]
    if info["library_changed_during_run"]:
        _log("warning: the library's source changed during the run; numbers mix versions")
    output = {"machine": info, "selected": selected, "runs": reports}
    if args.json:
        Path(args.json).write_text(json.dumps(output, indent=2, ensure_ascii=False) + "\n")
        _log(f"wrote {args.json}")
    if args.sizes:
        path = Path(args.growth_json)
        path.write_text(json.dumps(_growth(reports, info), indent=2, ensure_ascii=False) + "\n")
        _log(f"wrote {path}")
    failed = [
        f"{data['events']}:{name}"
        for data in reports
        for name, r in data["results"].items()
        if isinstance(r, dict) and "error" in r
    ]
    # Balances were computed (checksums) but not all the same as the floor's.
    disagree = [
        data["events"]
        for data in reports
        if data["checksums"]["by_measurement"] and not data["checksums"]["all_agree"]
    ]
    if failed:
        _log(f"measurements that failed: {', '.join(failed)}")
    if disagree:
        _log(f"balances disagree with the floor at N = {disagree}")
    return 1 if failed or disagree else 0


if __name__ == "__main__":
    raise SystemExit(main())
