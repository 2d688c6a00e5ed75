"""The measurements, each run by ``benchmarks.run`` in a fresh Python process of its own.

``python -m benchmarks.measure NAME PARAMS_JSON`` runs one measurement and prints
its result as one line ``BENCH-RESULT {json}``: the numbers it measured, plus the
process's peak resident memory (``ru_maxrss``, which on Linux is the high-water mark
``VmHWM`` of the whole process) and its resident memory before the measurement
began (after the imports), so each memory figure belongs to one measurement only.

A measurement that cannot run here (a part of the library not written yet, no
PostgreSQL server, a peer tool not installed) returns ``{"skipped": "why"}``.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import functools
import gc
import hashlib
import json
import os
import random
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
import uuid
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from eventsourcing.application import Application
from eventsourcing.domain import Aggregate, event

from benchmarks import es_default as es_copy
from benchmarks import history, ours, pg
from benchmarks.history import HistorySpec
from sgz_ledger import Ledger
from sgz_ledger.audit.export import write_export
from sgz_ledger.domain.balances import FundBalances
from sgz_ledger.domain.events import FundEvent
from sgz_ledger.domain.fund import fund_uuid
from sgz_ledger.storage.codec import EventCodec
from sgz_ledger.storage.recorders import LOG_BATCH

__all__ = ["MEASUREMENTS", "main"]

RESULT_PREFIX = "BENCH-RESULT "
SCAN_BATCH = 10_000
# Rows of one CSV sheet in the import_csv measurement (the importer's limit is 20,000).
CSV_ROWS_PER_FILE = 10_000

Result = dict[str, Any]


def _spec(p: dict[str, Any]) -> HistorySpec:
    return HistorySpec(events=int(p["events"]), seed=int(p.get("seed", HistorySpec.seed)))


def _quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _latency(values_s: list[float]) -> Result:
    """Median, p99 and max in milliseconds, and calls per second, of per-call seconds."""
    return {
        "calls": len(values_s),
        "median_ms": statistics.median(values_s) * 1000,
        "p99_ms": _quantile(values_s, 0.99) * 1000,
        "max_ms": max(values_s) * 1000,
        "per_s": len(values_s) / sum(values_s),
    }


def balance_checksum(rows: Iterable[tuple[str, str, int, int, int]]) -> str:
    """A digest of (fund uuid hex, restriction, total, reserved, available) rows.

    Rows of all zeros are left out, so folds that create an empty restriction on
    first touch and folds that don't agree. Every measurement that computes balances
    reports it: the parent checks that they all agree with the floor.
    """
    lines = sorted(
        f"{fund}\t{restriction}\t{total}\t{reserved}\t{available}"
        for fund, restriction, total, reserved, available in rows
        if total or reserved or available
    )
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()[:16]


def _uuid_hex(fund_id: str) -> str:
    return fund_uuid(fund_id).hex


def _remove_store(path: str) -> None:
    for suffix in ("", "-wal", "-shm"):
        with contextlib.suppress(FileNotFoundError):
            os.remove(path + suffix)


def statement_table(sql: str) -> str:
    """The table a view store's write statement writes: "INSERT INTO name ..." or
    "UPDATE name ..." (its name alone, without a PostgreSQL schema)."""
    words = sql.split(None, 3)
    table = words[1] if words[0] == "UPDATE" else words[2]
    return table.rsplit(".", 1)[-1]  # without PostgreSQL's "schema". prefix


def _checkpoint(path: str) -> None:
    """Fold the WAL into the database file, so the file alone is the whole store."""
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()


class _Stopwatch:
    """Calls ``function`` and adds up the seconds spent in it (to stand in for a method)."""

    def __init__(self, function: Callable[..., Any]) -> None:
        self.function = function
        self.seconds = 0.0
        self.calls = 0

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        self.calls += 1
        began = time.perf_counter()
        try:
            return self.function(*args, **kwargs)
        finally:
            self.seconds += time.perf_counter() - began


class _Collector:
    """The time Python's cyclic garbage collector runs while ``active`` (``gc.callbacks``).

    Reported beside a measurement (``gc_s``), not taken out of it: the collections a path
    triggers are part of its cost. Only timed, never tuned: the collector runs as usual.
    """

    def __init__(self) -> None:
        self.seconds = 0.0
        self.collections = 0
        self.active = False
        self._began = 0.0

    def __enter__(self) -> _Collector:
        gc.callbacks.append(self._callback)
        return self

    def __exit__(self, *_: object) -> None:
        gc.callbacks.remove(self._callback)

    def _callback(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._began = time.perf_counter()
        elif self.active:
            self.seconds += time.perf_counter() - self._began
            self.collections += 1


# ---- loading ------------------------------------------------------------------------


def import_batch(p: dict[str, Any]) -> Result:
    """Load the history through ``Ledger.execute_batch`` into a fresh SQLite file.

    Only the time inside ``execute_batch`` counts (the generator building the next
    batch's command models is timed apart as ``generate_s``). The ledger runs with its
    default, durable settings (WAL, SQLite's default ``synchronous``).
    """
    spec, out, size = _spec(p), p["out"], int(p["batch"])
    postgres = out.startswith("postgresql:")
    if not postgres:
        _remove_store(out)
    _warm(out)
    ledger = Ledger(out)
    # The time inside the recorder's write (SQLite's inserts of the event rows and their
    # hash-chain rows, the chain's digests, the durable commit), apart from the rest
    # (the rules, the events, their encoding): an instance attribute, this process only.
    write = _Stopwatch(ledger.recorder.insert_events)
    ledger.recorder.insert_events = write
    # The snapshots the ledger stores on its schedule (a fund's 10,000th event, then each
    # doubling): a fund's state holds its history, so these are big and few.
    assert ledger.snapshots is not None
    snapshot = _Stopwatch(ledger.snapshots.put)
    ledger.snapshots.put = snapshot  # type: ignore[method-assign]
    in_batches = 0.0
    per_batch: list[float] = []
    count = 0
    # The next batch of command models, its generation timed apart.
    batches = history.batched(history.commands(spec), size)
    generate = _Stopwatch(functools.partial(next, batches, None))
    collector = _Collector()
    try:
        with collector:
            for batch in iter(generate, None):
                started = time.perf_counter()
                collector.active = True
                ledger.execute_batch(batch)
                collector.active = False
                elapsed = time.perf_counter() - started
                in_batches += elapsed
                per_batch.append(elapsed)
                count += len(batch)
        logged = ledger.log_position()
        synchronous = (
            None if postgres else sqlite3.connect(out).execute("PRAGMA synchronous").fetchone()[0]
        )
    finally:
        ledger.close()
    if not postgres:
        _checkpoint(out)
    return {
        "events": logged,
        "commands": count,
        "batch": size,
        "seconds": in_batches,
        "generate_s": generate.seconds,
        "events_per_s": logged / in_batches,
        "write_s": write.seconds,
        "snapshot_s": snapshot.seconds,
        "snapshots": snapshot.calls,
        "gc_s": collector.seconds,
        "gc_collections": collector.collections,
        "batch_median_ms": statistics.median(per_batch) * 1000,
        "batch_p99_ms": _quantile(per_batch, 0.99) * 1000,
        "store_mb": _pg_store_mb(out) if postgres else os.path.getsize(out) / 2**20,
        "sqlite_synchronous_default": synchronous,
    }


def _pg_store_mb(url: str) -> float:
    """The size of a PostgreSQL store's tables and indexes, in MiB."""
    import psycopg

    with psycopg.connect(**pg.connect_kwargs(url)) as conn:
        row = conn.execute(
            "SELECT COALESCE(SUM(pg_total_relation_size(c.oid)), 0) FROM pg_class c "
            "JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = %s AND c.relkind = 'r'",
            (pg.schema_of(url),),
        ).fetchone()
    return float(row[0] if row else 0) / 2**20


def raw_insert(p: dict[str, Any]) -> Result:
    """``executemany`` of the same encoded rows into a fresh file with eventsourcing's table.

    Same batch size, same row order (a batch's events grouped by fund, as the ledger
    logs them), same journal mode and ``synchronous`` as the ledger's store; only the
    insert and commit are timed (generating and encoding is ``generate_encode_s``).
    """
    spec, out, size = _spec(p), p["out"], int(p["batch"])
    _remove_store(out)
    # The next batch of encoded rows, its generation and encoding timed apart.
    rows = history.batched(history.raw_rows(spec, size, EventCodec()), size)
    encode = _Stopwatch(functools.partial(next, rows, None))
    seconds = 0.0
    count = 0
    for n, elapsed in history.write_raw_store(out, iter(encode, None)):
        seconds += elapsed
        count += n
    _checkpoint(out)
    return {
        "events": count,
        "batch": size,
        "seconds": seconds,
        "generate_encode_s": encode.seconds,
        "events_per_s": count / seconds,
        "store_mb": os.path.getsize(out) / 2**20,
    }


def pg_raw_insert(p: dict[str, Any]) -> Result:
    """The same encoded rows into a fresh table of eventsourcing's shape on PostgreSQL, by
    ``executemany`` or binary ``COPY`` (``how``), a commit per batch; the table is dropped
    afterwards. Only the inserts and commits are timed (``generate_encode_s`` apart)."""
    import psycopg

    spec, url, size, how = _spec(p), p["store"], int(p["batch"]), p["how"]
    schema, table = pg.schema_of(url), f"raw_{how}"

    def with_uuids(batch: list[tuple[str, int, str, bytes]]) -> list[tuple[Any, ...]]:
        return [(uuid.UUID(hex=r[0]), r[1], r[2], r[3]) for r in batch]

    rows = history.batched(history.raw_rows(spec, size, EventCodec()), size)
    encode = _Stopwatch(lambda: next(map(with_uuids, rows), None))
    seconds, count = 0.0, 0
    with psycopg.connect(**pg.connect_kwargs(url), autocommit=True) as conn:
        pg.create_raw_table(conn, schema, table)
        conn.autocommit = False
        try:
            for n, elapsed in pg.insert_rows(conn, schema, table, iter(encode, None), how):
                seconds += elapsed
                count += n
        finally:
            conn.rollback()
            conn.autocommit = True
            conn.execute(f'DROP TABLE IF EXISTS "{schema}".{table}')
    return {
        "events": count,
        "batch": size,
        "how": how,
        "seconds": seconds,
        "generate_encode_s": encode.seconds,
        "events_per_s": count / seconds,
    }


def import_csv(p: dict[str, Any]) -> Result:
    """Import the history's funds and cash gifts as CSV sheets through ``sheets.import_file``.

    The sheets (a funds sheet, then donation registers of ``CSV_ROWS_PER_FILE`` rows)
    are written first, untimed; the imports of all of them are timed together.
    """
    from sgz_ledger.sheets import import_file

    spec, out = _spec(p), p["out"]
    _remove_store(out)
    folder = tempfile.mkdtemp(prefix="sgz-bench-csv-")
    try:
        files = _write_sheets(spec, folder)
        ledger = Ledger(out)
        try:
            started = time.perf_counter()
            for path in files:
                import_file(ledger, path, station_id="S01", entered_by="导入")
            seconds = time.perf_counter() - started
            logged = ledger.log_position()
        finally:
            ledger.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        _remove_store(out)
    return {
        "events": logged,
        "files": len(files),
        "seconds": seconds,
        "events_per_s": logged / seconds,
    }


def _yuan(fen: int) -> str:
    return f"{fen // 100}.{fen % 100:02d}"


def _write_sheets(spec: HistorySpec, folder: str) -> list[str]:
    """A funds sheet and donation registers with ``spec.events`` events in all."""
    funds: list[history.Step] = []
    gifts: list[history.Step] = []
    wanted = spec.events
    # Only the opens and cash gifts of the history go into sheets, about half its steps:
    # a history three times as long has enough of them.
    for step in history.steps(HistorySpec(events=3 * wanted + 1000, seed=spec.seed)):
        if len(funds) + len(gifts) >= wanted:
            break
        if step.kind == "open":
            funds.append(step)
        elif step.kind == "cash":
            gifts.append(step)
    files = [os.path.join(folder, "funds.csv")]
    with open(files[0], "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            ["fund", "name", "station", "community", "host", "approval_threshold", "opened_on"]
        )
        for s in funds:
            o = s.fields
            w.writerow(
                [
                    s.fund_id,
                    o["name"],
                    o["station_id"],
                    o["community"],
                    o["host"],
                    _yuan(o["approval_threshold_fen"]),
                    s.day.isoformat(),
                ]
            )
    for start in range(0, len(gifts), CSV_ROWS_PER_FILE):
        path = os.path.join(folder, f"donations-{start // CSV_ROWS_PER_FILE:04d}.csv")
        files.append(path)
        with open(path, "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f)
            w.writerow(
                [
                    "date",
                    "fund",
                    "donor",
                    "kind",
                    "amount",
                    "item",
                    "quantity",
                    "unit",
                    "restriction",
                    "receipt_no",
                    "handler",
                ]
            )
            for s in gifts[start : start + CSV_ROWS_PER_FILE]:
                g = s.fields
                w.writerow(
                    [
                        s.day.isoformat(),
                        s.fund_id,
                        g["donor"] or "",
                        "cash",
                        _yuan(g["amount_fen"]),
                        "",
                        "",
                        "",
                        g["restriction"],
                        g["receipt_no"],
                        s.actor,
                    ]
                )
    return files


# ---- reading the whole history ----------------------------------------------------------


def _fold_funds(batches: Iterable[Sequence[tuple[str, bytes]]]) -> Result:
    """The floors' work on ``(stored name, bytes)`` rows: msgspec decode by stored name and
    the balance fold per fund; the count, the funds and the balances' checksum."""
    codec = EventCodec()
    decoders: dict[str, Callable[[bytes], Any]] = {}
    funds: dict[Any, FundBalances] = {}
    count = 0
    for rows in batches:
        count += len(rows)
        for topic, state in rows:
            decode = decoders.get(topic)
            if decode is None:
                decode = decoders[topic] = codec.decoder_for(topic)
            e = decode(state)
            if isinstance(e, FundEvent):
                balances = funds.get(e.originator_id)
                if balances is None:
                    balances = funds[e.originator_id] = FundBalances()
                balances.apply(e)
    checksum = balance_checksum(
        (uid.hex, name, r.total_fen, r.reserved_fen, r.available_fen)
        for uid, balances in funds.items()
        for name, r in balances.restrictions.items()
    )
    return {"events": count, "funds": len(funds), "checksum": checksum}


def floor(p: dict[str, Any]) -> Result:
    """The floor: a raw ``sqlite3`` scan, msgspec decode by stored name, the balance fold."""
    store = p["store"]
    started = time.perf_counter()
    connection = sqlite3.connect(f"file:{store}?mode=ro", uri=True)
    try:
        cursor = connection.execute("SELECT topic, state FROM stored_events ORDER BY rowid")
        folded = _fold_funds(iter(functools.partial(cursor.fetchmany, SCAN_BATCH), []))
    finally:
        connection.close()
    return {**folded, "seconds": time.perf_counter() - started}


def pg_floor(p: dict[str, Any]) -> Result:
    """PostgreSQL's floor: the log's ``(topic, state)`` read raw by psycopg in binary, through
    a server-side cursor (``how``: ``cursor``) or keyset pages (``keyset``), ``LOG_BATCH``
    rows at a time, then the same decode and fold as the floor."""
    import psycopg

    url, how = p["store"], p["how"]
    scan = pg.scan_cursor if how == "cursor" else pg.scan_keyset
    started = time.perf_counter()
    with psycopg.connect(**pg.connect_kwargs(url)) as conn:
        folded = _fold_funds(scan(conn, pg.schema_of(url), "topic, state", LOG_BATCH))
    return {**folded, "seconds": time.perf_counter() - started, "how": how, "batch": LOG_BATCH}


def _warm(store: str) -> None:
    """Import the PostgreSQL modules before a measurement's clock starts, as the floor's
    process has psycopg imported: an import is no part of a read."""
    if store.startswith("postgresql:"):
        import sgz_ledger.storage.postgres  # noqa: F401


def replay(p: dict[str, Any]) -> Result:
    """Ours, cold: ``benchmarks.ours.replay_balances`` over the store (views not used)."""
    _warm(p["store"])
    started = time.perf_counter()
    rows = ours.replay_balances(p["store"])
    seconds = time.perf_counter() - started
    checksum = balance_checksum(
        (_uuid_hex(f.fund_id), r.restriction, r.total_fen, r.reserved_fen, r.available_fen)
        for f in rows.values()
        for r in f.restrictions
    )
    return {"events": p["events"], "seconds": seconds, "funds": len(rows), "checksum": checksum}


def es_default(p: dict[str, Any]) -> Result:
    """eventsourcing's ``select_notifications`` over our store, reading alone (no decode)."""
    from eventsourcing.sqlite import SQLiteApplicationRecorder, SQLiteDatastore

    started = time.perf_counter()
    datastore = SQLiteDatastore(db_name=f"file:{p['store']}?mode=ro")
    recorder = SQLiteApplicationRecorder(datastore)
    count = 0
    position = 0
    while notifications := recorder.select_notifications(start=position + 1, limit=5000):
        count += len(notifications)
        position = notifications[-1].id
    datastore.close()
    return {"events": count, "seconds": time.perf_counter() - started}


def build_es_json(p: dict[str, Any]) -> Result:
    """Write the eventsourcing-format copy of the history (not a measurement)."""
    _remove_store(p["out"])
    started = time.perf_counter()
    count = es_copy.build(p["store"], p["out"])
    _checkpoint(p["out"])
    return {"events": count, "seconds": time.perf_counter() - started}


def es_json(p: dict[str, Any]) -> Result:
    """eventsourcing's default path: notification log, default mapper and JSON, the fold."""
    started = time.perf_counter()
    counters = es_copy.replay(p["es_store"])
    seconds = time.perf_counter() - started
    checksum = balance_checksum(
        (uid.hex, restriction, rec - ref - paid, appr - paid - rel, rec - ref - appr + rel)
        for (uid, restriction), (rec, ref, paid, appr, rel) in counters.items()
    )
    return {"events": p["events"], "seconds": seconds, "checksum": checksum}


def catch_up(p: dict[str, Any]) -> Result:
    """Drop the fund views and fold the whole log into them again (``ViewRunner.rebuild``).

    Also splits the time in two: the view store's commits (SQLite writing the batch's
    rows, the position and the commit itself) and the rest (reading and decoding the
    log, the fold), and counts the rows written, by table: the rows an event costs
    decide what the storage engine alone allows (docs/performance.md).

    A rebuild fills an empty view: a bulk load whose indexes are built at the end. So the
    same process then also measures a view that is behind (``behind``): the views dropped
    and caught up to ``BEHIND_SHARE`` short of the log's head (not timed), then the timed
    catch-up of the rest, with every index kept up as it goes. ``write_s`` is the
    batches' commits, ``index_s`` the index build at the end of the rebuild (SQLite's
    work too), ``fold_s`` the rest: reading and decoding the log, the fold.
    """
    _warm(p["store"])
    started = time.perf_counter()
    ledger = Ledger(p["store"], create=False)
    opened = time.perf_counter() - started
    store = ledger.view_store
    rows_by_table: dict[str, int] = {}
    statements = store._statements

    def counted_statements(*args: Any) -> Iterable[tuple[str, list[tuple[Any, ...]]]]:
        for sql, rows in statements(*args):
            # A parameter row of an UPDATE (a late entry's carry) counts once.
            table = statement_table(sql)
            # On PostgreSQL one parameter row of column arrays holds a grouped run's rows.
            written = len(rows[0][0]) if "unnest(" in sql else len(rows)
            rows_by_table[table] = rows_by_table.get(table, 0) + written
            yield sql, rows

    # Instance attributes, for this measurement's process only.
    write = _Stopwatch(store.commit)
    index = _Stopwatch(store._create_indexes)
    store._statements = counted_statements  # type: ignore[method-assign]
    store.commit = write  # type: ignore[method-assign]
    store._create_indexes = index  # type: ignore[method-assign]
    collector = _Collector()
    try:
        with collector:
            started = time.perf_counter()
            collector.active = True
            position = ledger.view_runner.rebuild(ledger.fund_views)
            collector.active = False
            seconds = time.perf_counter() - started
        # The rebuild's own figures, before the second part adds to the counters.
        write_s, index_s, rebuilt_rows = write.seconds, index.seconds, dict(rows_by_table)
        written = sum(rebuilt_rows.values())
        rows = ledger.view_store.query(
            "SELECT fund_id, restriction, total_fen, reserved_fen, available_fen "
            "FROM {s}fund_balances"
        )
        behind = _catch_up_behind(ledger, write, position)
    finally:
        ledger.close()
    checksum = balance_checksum((_uuid_hex(r[0]), r[1], r[2], r[3], r[4]) for r in rows)
    return {
        "events": position,
        "seconds": seconds,
        "open_s": opened,
        "events_per_s": position / seconds,
        "write_s": write_s,
        "index_s": index_s,
        "fold_s": seconds - write_s - index_s,
        "gc_s": collector.seconds,
        "rows_written": written,
        "rows_per_event": written / position if position else 0.0,
        "rows_by_table": rebuilt_rows,
        "behind": behind,
        "checksum": checksum,
    }


# The share of the log a view is behind in the catch-up measurement's second part.
BEHIND_SHARE = 0.1


def _catch_up_behind(ledger: Ledger, write: _Stopwatch, head: int) -> Result:
    """Catch up fund views that are ``BEHIND_SHARE`` of the log behind (see ``catch_up``)."""
    runner, views = ledger.view_runner, ledger.fund_views
    start = head - max(1, int(head * BEHIND_SHARE))
    ledger.view_store.rebuild(views)
    runner.catch_up(views, until=start)
    before = write.seconds
    started = time.perf_counter()
    position = runner.catch_up(views)
    seconds = time.perf_counter() - started
    events = position - start
    return {
        "events": events,
        "seconds": seconds,
        "events_per_s": events / seconds,
        "write_s": write.seconds - before,
    }


def point_in_time(p: dict[str, Any]) -> Result:
    """Random ``balances(as_of=day, fund_id=...)`` and ``balances(position=..., fund_id=...)``,
    then random funds' statements for one calendar year of the history
    (``statement(fund_id, from_day=Jan 1, to_day=Dec 31)``)."""
    spec = _spec(p)
    queries = int(p["queries"])
    rng = random.Random(7)
    ledger = Ledger(p["store"], create=False)
    try:
        started = time.perf_counter()
        ledger.catch_up_views()  # normally already done by catch_up: then nothing to do
        catch_up_s = time.perf_counter() - started
        funds = [r[0] for r in ledger.view_store.query("SELECT fund_id FROM {s}funds")]
        head = ledger.log_position()
        days = [rng.randrange(spec.days) for _ in range(queries)]
        by_day: list[float] = []
        by_position: list[float] = []
        for n in range(queries):
            fund_id = rng.choice(funds)
            day = spec.start + dt.timedelta(days=days[n])
            started = time.perf_counter()
            ledger.balances(as_of=day, fund_id=fund_id)
            by_day.append(time.perf_counter() - started)
            position = rng.randint(1, head)
            started = time.perf_counter()
            ledger.balances(position=position, fund_id=fund_id)
            by_position.append(time.perf_counter() - started)
        all_funds: list[float] = []
        for n in range(max(1, queries // 50)):
            started = time.perf_counter()
            ledger.balances(as_of=spec.start + dt.timedelta(days=days[n]))
            all_funds.append(time.perf_counter() - started)
        end = spec.start + dt.timedelta(days=spec.days - 1)
        years = list(range(spec.start.year, end.year + 1))
        statements: list[float] = []
        lines = 0
        for _ in range(max(5, queries // 20)):
            fund_id, year = rng.choice(funds), rng.choice(years)
            started = time.perf_counter()
            answer = ledger.statement(
                fund_id, from_day=dt.date(year, 1, 1), to_day=dt.date(year, 12, 31)
            )
            statements.append(time.perf_counter() - started)
            lines += len(answer.lines)
    finally:
        ledger.close()
    day_stats = _latency(by_day)
    return {
        "events": head,
        "queries": queries,
        "median_ms": day_stats["median_ms"],
        "p99_ms": day_stats["p99_ms"],
        "as_of_day": day_stats,
        "as_of_position": _latency(by_position),
        "all_funds_as_of_day": _latency(all_funds),
        "statement_year": {**_latency(statements), "lines_mean": lines / len(statements)},
        "catch_up_untimed_s": catch_up_s,
    }


# ---- single commands -------------------------------------------------------------------


def _receive(ledger: Ledger, fund_id: str, n: int, day: dt.date) -> float:
    started = time.perf_counter()
    ledger.receive_cash(
        fund_id=fund_id,
        receipt_no=f"CMD-{n:08d}",
        amount_fen=12_345,
        donor="某居民",
        actor="王芳",
        occurred_on=day,
    )
    return time.perf_counter() - started


def _commands(ledger: Ledger, funds: list[str], count: int, day: dt.date) -> Result:
    """A first (cold) command on each fund, then ``count`` timed commands on random funds."""
    rng = random.Random(11)
    first = [_receive(ledger, fund_id, n, day) for n, fund_id in enumerate(funds)]
    timed = [_receive(ledger, rng.choice(funds), len(funds) + n, day) for n in range(count)]
    stats = _latency(timed)
    stats["first_per_fund_median_ms"] = statistics.median(first) * 1000
    return stats


def command_sqlite(p: dict[str, Any]) -> Result:
    """``receive_cash`` on existing funds of the built store, one durable command per call."""
    spec = _spec(p)
    ledger = Ledger(p["store"], create=False)
    try:
        funds = sorted({s.fund_id for s in _opens(spec)})
        day = spec.start + dt.timedelta(days=spec.days - 1)
        result = _commands(ledger, funds, int(p["count"]), day)
    finally:
        ledger.close()
    result["events_in_store"] = spec.events
    return result


def _opens(spec: HistorySpec) -> list[history.Step]:
    out = []
    for step in history.steps(spec):
        if step.kind != "open":
            break
        out.append(step)
    return out


def command_postgres(p: dict[str, Any]) -> Result:
    """``receive_cash`` on PostgreSQL (``url``), in a fresh schema (dropped afterwards)."""
    base = p.get("url") or pg.DEFAULT_URL
    reason = pg.unreachable_reason(base)
    if reason is not None:
        return {"skipped": reason}
    spec = HistorySpec(events=int(p["funds"]))
    with pg.fresh_schema(base) as schema:
        _warm(base)
        ledger = Ledger(pg.with_schema(base, schema))
        try:
            opens = _opens(spec)
            ledger.execute_batch([history.to_command(s) for s in opens])
            day = spec.start + dt.timedelta(days=spec.days - 1)
            result = _commands(ledger, [s.fund_id for s in opens], int(p["count"]), day)
        finally:
            ledger.close()
    result["store"] = "fresh schema"
    return result


class Tally(Aggregate):
    """eventsourcing's smallest useful aggregate: one event that adds to a total."""

    def __init__(self) -> None:
        self.total_fen = 0

    @event("Added")
    def add(self, amount_fen: int) -> None:
        self.total_fen += amount_fen


def _es_saves(app: Application[Any], count: int) -> Result:
    tally = Tally()
    app.save(tally)
    timed = []
    for _ in range(count):
        started = time.perf_counter()
        tally.add(12_345)
        app.save(tally)
        timed.append(time.perf_counter() - started)
    return _latency(timed)


def es_save_sqlite(p: dict[str, Any]) -> Result:
    """Baseline: eventsourcing's bare one-event ``save`` on a SQLite file (WAL, durable)."""
    out = p["out"]
    _remove_store(out)
    app: Application[Any] = Application(
        env={
            "PERSISTENCE_MODULE": "eventsourcing.sqlite",
            "SQLITE_DBNAME": out,
            "SQLITE_LOCK_TIMEOUT": "5",
        }
    )
    try:
        return _es_saves(app, int(p["count"]))
    finally:
        app.close()
        _remove_store(out)


def es_save_postgres(p: dict[str, Any]) -> Result:
    """Baseline: eventsourcing's bare one-event ``save`` on PostgreSQL (fresh schema)."""
    base = p.get("url") or pg.DEFAULT_URL
    reason = pg.unreachable_reason(base)
    if reason is not None:
        return {"skipped": reason}
    server = pg.connect_kwargs(base)
    with pg.fresh_schema(base) as schema:
        app: Application[Any] = Application(
            env={
                "PERSISTENCE_MODULE": "eventsourcing.postgres",
                "POSTGRES_DBNAME": server["dbname"],
                "POSTGRES_HOST": server["host"],
                "POSTGRES_PORT": str(server["port"]),
                "POSTGRES_USER": server["user"],
                "POSTGRES_PASSWORD": server.get("password", ""),
                "POSTGRES_SCHEMA": schema,
            }
        )
        try:
            return _es_saves(app, int(p["count"]))
        finally:
            app.close()


# ---- audit -------------------------------------------------------------------------------


def verify(p: dict[str, Any]) -> Result:
    """The hash chain's verify over the whole store (``Ledger.verify``)."""
    _warm(p["store"])
    ledger = Ledger(p["store"], create=False)
    try:
        started = time.perf_counter()
        report = ledger.verify()
        seconds = time.perf_counter() - started
    finally:
        ledger.close()
    return {
        "events": p["events"],
        "seconds": seconds,
        "entry": "Ledger.verify",
        "ok": report.ok,
        "report": str(report)[:300],
    }


# ---- peers -------------------------------------------------------------------------------


def build_journals(p: dict[str, Any]) -> Result:
    """Write the history as journals for the peers, with the library's own export."""
    started = time.perf_counter()
    ledger = Ledger(p["store"], create=False)
    try:
        with open(p["ledger_out"], "w", encoding="utf-8") as out:
            summary = write_export(ledger, "hledger", out)
        with open(p["beancount_out"], "w", encoding="utf-8") as out:
            write_export(ledger, "beancount", out)
    finally:
        ledger.close()
    return {
        "seconds": time.perf_counter() - started,
        "source": "sgz_ledger.audit.export.write_export",
        "transactions": summary.transactions,
        "journal_mb": os.path.getsize(p["ledger_out"]) / 2**20,
        "beancount_mb": os.path.getsize(p["beancount_out"]) / 2**20,
    }


PEER_COMMANDS: dict[str, list[list[str]]] = {
    # Each peer's "all balances" command; the first whose program is found is used.
    "ledger": [["ledger", "-f", "{file}", "balance"]],
    "hledger": [["hledger", "-f", "{file}", "balance"]],
    "beancount": [
        ["bean-query", "{file}", "SELECT account, sum(position) GROUP BY account"],
        ["bean-check", "{file}"],
    ],
}
PEER_INSTALL = {
    "ledger": "apt-get install -y ledger",
    "hledger": "apt-get install -y hledger",
    "beancount": "pip install beancount beanquery (the bench extra)",
}


def _which(program: str) -> str | None:
    found = shutil.which(program)
    if found is None:
        # A program installed in this interpreter's venv that is not on PATH.
        beside = os.path.join(os.path.dirname(sys.executable), program)
        if os.access(beside, os.X_OK):
            found = beside
    return found


def peer(p: dict[str, Any]) -> Result:
    """One peer tool's all-balances command over the journal: wall time and peak memory."""
    tool = p["tool"]
    for template in PEER_COMMANDS[tool]:
        program = _which(template[0])
        if program is not None:
            break
    else:
        return {"skipped": f"{tool} not installed ({PEER_INSTALL[tool]})"}
    argv = [program] + [a.replace("{file}", p["file"]) for a in template[1:]]
    with tempfile.TemporaryFile() as output, tempfile.TemporaryFile() as errors:
        started = time.perf_counter()
        # Every peer parses its file from scratch: beancount would otherwise load the
        # pickle cache an earlier run left beside the file (2-4x faster, and not a parse).
        env = {**os.environ, "BEANCOUNT_DISABLE_LOAD_CACHE": "1"}
        child = subprocess.Popen(argv, stdout=output, stderr=errors, env=env)  # noqa: S603
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - started
        child.returncode = os.waitstatus_to_exitcode(status)
        output.seek(0)
        lines = output.read().count(b"\n")
        errors.seek(0)
        stderr = errors.read().decode(errors="replace")[-500:]
    if child.returncode != 0:
        msg = f"{' '.join(argv)} exited {child.returncode}: {stderr}"
        raise RuntimeError(msg)
    version = subprocess.run(  # noqa: S603
        [program, "--version"], capture_output=True, text=True, check=False
    ).stdout.splitlines()
    return {
        "events": p["events"],
        "seconds": seconds,
        "tool_peak_mb": usage.ru_maxrss / 1024,
        "command": " ".join(
            [os.path.basename(program), *(a.replace("{file}", "FILE") for a in template[1:])]
        ),
        "output_lines": lines,
        "version": version[0] if version else "",
    }


MEASUREMENTS: dict[str, Callable[[dict[str, Any]], Result]] = {
    "import_batch": import_batch,
    "raw_insert": raw_insert,
    "import_csv": import_csv,
    "floor": floor,
    "pg_floor": pg_floor,
    "pg_raw_insert": pg_raw_insert,
    "replay": replay,
    "es_default": es_default,
    "build_es_json": build_es_json,
    "es_json": es_json,
    "catch_up": catch_up,
    "point_in_time": point_in_time,
    "command_sqlite": command_sqlite,
    "command_postgres": command_postgres,
    "es_save_sqlite": es_save_sqlite,
    "es_save_postgres": es_save_postgres,
    "verify": verify,
    "build_journals": build_journals,
    "peer": peer,
}


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    """Run one measurement (``NAME PARAMS_JSON``) and print its result line."""
    name, params = (argv or sys.argv[1:])[:2]
    start_mb = _peak_mb()
    try:
        result = MEASUREMENTS[name](json.loads(params))
    except Exception as e:
        traceback.print_exc()
        result = {"error": f"{type(e).__name__}: {e}"[:2000]}
    result["peak_mb"] = _peak_mb()
    result["start_mb"] = start_mb
    print(RESULT_PREFIX + json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
