"""A district on one PostgreSQL: many stations, a year each, loaded by several writers at once.

``python -m benchmarks.district [--stations 137] [--events-per-station 37000] [--writers 4]``
builds a district (区) of stations (社工站) in a fresh PostgreSQL schema, each station's year
of community funds and volunteer service, and measures what a district platform lives with:

* **load**: every station's commands through ``Ledger.execute_batch`` (every rule), the
  stations shared out among ``--writers`` processes writing at once; events a second,
  against PostgreSQL's raw ``executemany`` of the same stored rows into a table of the same
  shape, by as many processes, measured in the same run;
* **catch-up**: a fresh process folds the whole log into the fund views (persisted in the
  same database) and into the volunteer figures (in memory); events a second, against a raw
  binary server-side-cursor scan of the log measured in the same run;
* **latency**: a fund's balance (its events read raw is its floor), a station's annual
  report and the district's (the whole scan is their floor), warm, median of several.

Also checks what the reports promise at this size: the district's counts, amounts and
seconds equal the sum of its stations'.

Not a timed test: run it by hand or with ``make bench-district``; ``--json`` writes the
figures. PostgreSQL is 127.0.0.1:5432/test (``--dsn`` for another); without one reachable
the run says so and exits 2. The schema is dropped at the end unless ``--keep``.
"""

from __future__ import annotations

import argparse
import concurrent.futures as cf
import datetime as dt
import functools
import heapq
import json
import multiprocessing
import random
import statistics
import sys
import time
import uuid
from collections.abc import Iterator, Sequence
from typing import Any

from benchmarks import history, pg
from benchmarks.history import GIVEN, SURNAMES, HistorySpec
from sgz_ledger import Ledger
from sgz_ledger.domain.fund import fund_uuid
from sgz_ledger.service import commands as b

YEAR = 2025
CST = dt.timezone(dt.timedelta(hours=8))
FUNDS_PER_STATION = 4
# A station's year: about 45% fund events (gifts, disbursements), the rest its volunteers'
# registrations, activities, service records and their approvals, and hours banked.
FUND_SHARE = 0.45
VOLUNTEERS_PER_STATION = 250
PARTICIPANTS_PER_ACTIVITY = 60
BANKED_SHARE = 0.1
BATCH = 1_000
DEFAULT_DSN = "host=127.0.0.1 port=5432 dbname=test user=postgres"


# ---- one station's year, as command models ----------------------------------------------


def station_commands(station: int, events: int, seed: int) -> Iterator[b.Command[Any]]:
    """Station ``station``'s year: about ``events`` commands (one event each), by date."""
    code = f"S{station:03d}"
    fund_events = int(events * FUND_SHARE)
    spec = HistorySpec(
        events=fund_events,
        seed=seed + station,
        stations=1,
        funds_per_station=FUNDS_PER_STATION,
        start=dt.date(YEAR, 1, 1),
        days=365,
    )
    funds = (
        (s.day, 0, i, history.to_command(_renamed(s, code)))
        for i, s in enumerate(history.steps(spec))
    )
    people = _volunteer_year(station, code, events - fund_events, random.Random(seed * 7 + station))
    for _day, _order, _i, command in heapq.merge(funds, people, key=lambda t: (t[0], t[1], t[2])):
        yield command


def _renamed(step: history.Step, code: str) -> history.Step:
    """The one-station history's step with its ids under station ``code`` (``S01`` -> it)."""

    def swap(value: Any) -> Any:
        return code + value[3:] if isinstance(value, str) and value.startswith("S01") else value

    return step._replace(
        fund_id=swap(step.fund_id), fields={k: swap(v) for k, v in step.fields.items()}
    )


def _volunteer_year(
    station: int, code: str, events: int, rng: random.Random
) -> Iterator[tuple[dt.date, int, int, b.Command[Any]]]:
    """Volunteers registered on 1 January, then activities spread over the year, each with
    its participants' service records, their approvals and some hours banked."""
    start = dt.date(YEAR, 1, 1)
    clerk, approver = f"{code}-记录员", f"{code}-审核员"
    volunteers = [f"{code}-V{i:04d}" for i in range(VOLUNTEERS_PER_STATION)]
    seq = 0
    for v in volunteers:
        seq += 1
        yield (
            start,
            1,
            seq,
            b.RegisterVolunteer(
                volunteer_id=v,
                station_id=code,
                name=rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN),
                registered_on=start,
                consent=True,
                actor=clerk,
                occurred_on=start,
            ),
        )
    # One activity: its publication, then per participant a record, an approval and
    # (some) a banking: about 2.1 events a participant.
    per_activity = 1 + PARTICIPANTS_PER_ACTIVITY * (2 + BANKED_SHARE)
    activities = max(1, int((events - len(volunteers)) / per_activity))
    for a in range(activities):
        day = start + dt.timedelta(days=a * 365 // activities)
        activity = f"{code}-A{a:04d}"
        begins = dt.datetime.combine(day, dt.time(8, 0), CST)
        seq += 1
        yield (
            day,
            1,
            seq,
            b.PublishActivity(
                activity_id=activity,
                station_id=code,
                name=f"社区志愿服务{a}",
                starts_at=begins,
                ends_at=begins + dt.timedelta(hours=10),
                actor=clerk,
                occurred_on=day,
            ),
        )
        for p, v in enumerate(rng.sample(volunteers, PARTICIPANTS_PER_ACTIVITY)):
            record = f"{activity}-R{p:03d}"
            started = begins + dt.timedelta(minutes=rng.randrange(0, 120))
            ended = started + dt.timedelta(seconds=rng.randrange(1800, 6 * 3600))
            for command in (
                b.RecordService(
                    record_id=record,
                    volunteer_id=v,
                    activity_id=activity,
                    started_at=started,
                    ended_at=ended,
                    actor=clerk,
                    occurred_on=day,
                ),
                b.ApproveService(volunteer_id=v, record_id=record, actor=approver, occurred_on=day),
            ):
                seq += 1
                yield day, 1, seq, command
            if rng.random() < BANKED_SHARE:
                seq += 1
                yield (
                    day,
                    1,
                    seq,
                    b.BankHours(volunteer_id=v, record_id=record, actor=approver, occurred_on=day),
                )


# ---- the processes -----------------------------------------------------------------------


def _url(dsn: dict[str, str], schema: str) -> str:
    return f"postgresql://{dsn['user']}@{dsn['host']}:{dsn['port']}/{dsn['dbname']}?schema={schema}"


def write_stations(url: str, stations: Sequence[int], events: int, seed: int) -> tuple[int, float]:
    """A writer process: its stations' years through ``execute_batch``; (events, seconds
    inside ``execute_batch``)."""
    ledger = Ledger(url)
    count, busy = 0, 0.0
    try:
        # The writer's stations interleaved by date, as a district's stations enter theirs.
        merged = heapq.merge(
            *(
                ((c.occurred_on, s, i, c) for i, c in enumerate(station_commands(s, events, seed)))
                for s in stations
            ),
            key=lambda t: (t[0], t[1], t[2]),
        )
        for batch in history.batched((t[3] for t in merged), BATCH):
            started = time.perf_counter()
            ledger.execute_batch(batch)
            busy += time.perf_counter() - started
            count += len(batch)
    finally:
        ledger.close()
    return count, busy


def raw_insert(
    dsn: dict[str, str], schema: str, table: str, part: int, parts: int
) -> tuple[int, float]:
    """A raw writer: every ``parts``-th batch of the loaded log's rows, re-inserted with
    ``executemany`` into ``table`` (eventsourcing's shape), a commit a batch. Only the
    inserts and commits are timed, not the reading of the rows."""
    import psycopg

    count, seconds = 0, 0.0
    with (
        psycopg.connect(**dsn) as source,
        psycopg.connect(**dsn) as target,
        source.cursor(name="rows", binary=True) as rows,
    ):
        rows.execute(
            "SELECT originator_id, originator_version, topic, state "
            f'FROM "{schema}".{pg.EVENTS_TABLE} '
            "WHERE (notification_id - 1) / %s %% %s = %s ORDER BY notification_id",
            (BATCH, parts, part),
        )
        chunks = iter(functools.partial(rows.fetchmany, BATCH), [])
        for n, elapsed in pg.insert_rows(target, schema, table, chunks):
            seconds += elapsed
            count += n
    return count, seconds


def raw_scan(dsn: dict[str, str], schema: str) -> tuple[int, float]:
    """The floor of a read: every stored event's topic and state, in log order, through a
    binary server-side cursor (no decoding, no fold)."""
    import psycopg

    with psycopg.connect(**dsn) as conn:
        started = time.perf_counter()
        count = sum(len(rows) for rows in pg.scan_cursor(conn, schema, "topic, state", 20_000))
        return count, time.perf_counter() - started


def read_side(
    url: str, dsn: dict[str, str], schema: str, stations: int, repeat: int
) -> dict[str, Any]:
    """A fresh reader process: catch-up of the views, then the queries' latencies."""
    import psycopg

    started = time.perf_counter()
    ledger = Ledger(url, create=False)
    opened_s = time.perf_counter() - started
    try:
        started = time.perf_counter()
        position = ledger.view_runner.rebuild(ledger.fund_views)
        fund_views_s = time.perf_counter() - started
        started = time.perf_counter()
        ledger.volunteer_figures_view()
        volunteer_fold_s = time.perf_counter() - started

        rng = random.Random(5)
        sample = [
            f"S{rng.randint(1, stations):03d}-F{rng.randint(1, FUNDS_PER_STATION):02d}"
            for _ in range(repeat * 10)
        ]
        balance_s, floor_s = [], []
        with psycopg.connect(**dsn) as conn:
            for fund in sample:
                started = time.perf_counter()
                conn.execute(
                    f'SELECT topic, state FROM "{schema}".sgzledger_events '
                    "WHERE originator_id = %s ORDER BY originator_version",
                    (fund_uuid(fund),),
                    binary=True,
                ).fetchall()
                floor_s.append(time.perf_counter() - started)
        for fund in sample:
            started = time.perf_counter()
            ledger.balances(fund_id=fund)
            balance_s.append(time.perf_counter() - started)

        station_s: list[float] = []
        sums: dict[str, int] = {}
        for station in (f"S{n:03d}" for n in range(1, stations + 1)):
            started = time.perf_counter()
            report = ledger.annual_report(YEAR, station_id=station)
            station_s.append(time.perf_counter() - started)
            for name, value in _additive(report).items():
                sums[name] = sums.get(name, 0) + value
        district_s: list[float] = []
        for _ in range(repeat):
            started = time.perf_counter()
            district = ledger.annual_report(YEAR)
            district_s.append(time.perf_counter() - started)
        mismatches = {
            name: (value, sums.get(name))
            for name, value in _additive(district).items()
            if sums.get(name) != value
        }
    finally:
        ledger.close()
    return {
        "events": position,
        "open_s": opened_s,
        "fund_views_s": fund_views_s,
        "volunteer_fold_s": volunteer_fold_s,
        "catch_up_s": fund_views_s + volunteer_fold_s,
        "fund_balance_ms": statistics.median(balance_s) * 1000,
        "fund_events_raw_ms": statistics.median(floor_s) * 1000,
        "station_report_ms": statistics.median(station_s) * 1000,
        "district_report_ms": statistics.median(district_s) * 1000,
        "stations": stations,
        "district_equals_sum_of_stations": not mismatches,
        "mismatches": mismatches,
        "district_service_hours": str(district.service_hours),
        "district_person_times": district.person_times,
    }


def _additive(report: Any) -> dict[str, int]:
    """The annual report's figures that add up across stations (activities and the
    distinct counts do not: a volunteer of two stations is one volunteer of the district)."""
    names = ("person_times", "registered_volunteers", "service_s", "funds_opened", "funds_open")
    fen = {n: getattr(report, n) for n in report.__struct_fields__ if n.endswith("_fen")}
    return {**{n: getattr(report, n) for n in names}, **fen}


# ---- the run -----------------------------------------------------------------------------


def _pool(workers: int) -> cf.ProcessPoolExecutor:
    return cf.ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"))


def run(args: argparse.Namespace) -> dict[str, Any]:
    import psycopg
    from psycopg.conninfo import conninfo_to_dict

    dsn = {k: str(v) for k, v in conninfo_to_dict(args.dsn).items()}
    dsn.setdefault("port", "5432")
    schema = f"district_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(autocommit=True, **dsn) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    url = _url(dsn, schema)
    result: dict[str, Any] = {
        "stations": args.stations,
        "events_per_station": args.events_per_station,
        "writers": args.writers,
    }
    try:
        Ledger(url).close()  # the tables, created once before the writers race
        shares = [list(range(1 + w, args.stations + 1, args.writers)) for w in range(args.writers)]
        _log(f"load: {args.stations} stations by {args.writers} writers into schema {schema}")
        started = time.perf_counter()
        with _pool(args.writers) as pool:
            done = list(
                pool.map(
                    write_stations,
                    [url] * args.writers,
                    shares,
                    [args.events_per_station] * args.writers,
                    [args.seed] * args.writers,
                )
            )
        load_s = time.perf_counter() - started
        events = sum(n for n, _ in done)
        result["load"] = {"events": events, "seconds": load_s, "events_per_s": events / load_s}
        _log(f"load: {events:,} events in {load_s:.1f} s ({events / load_s:,.0f} events/s)")

        table = "raw_events"
        with psycopg.connect(autocommit=True, **dsn) as conn:
            pg.create_raw_table(conn, schema, table)
        with _pool(args.writers) as pool:
            raw = list(
                pool.map(
                    raw_insert,
                    [dsn] * args.writers,
                    [schema] * args.writers,
                    [table] * args.writers,
                    range(args.writers),
                    [args.writers] * args.writers,
                )
            )
        # The raw writers ran at once; the insert's time is the slowest one's.
        raw_s = max(s for _, s in raw)
        raw_events = sum(n for n, _ in raw)
        result["raw_insert"] = {
            "events": raw_events,
            "seconds": raw_s,
            "events_per_s": raw_events / raw_s,
        }
        _log(f"raw insert: {raw_events:,} rows in {raw_s:.1f} s")

        with _pool(1) as pool:
            scanned, scan_s = pool.submit(raw_scan, dsn, schema).result()
            result["raw_scan"] = {
                "events": scanned,
                "seconds": scan_s,
                "events_per_s": scanned / scan_s,
            }
            _log(f"raw scan: {scanned:,} rows in {scan_s:.1f} s")
            reads = pool.submit(read_side, url, dsn, schema, args.stations, args.repeat).result()
        result["read"] = reads
        result["ratios"] = {
            "load_to_raw_insert": result["load"]["events_per_s"]
            / result["raw_insert"]["events_per_s"],
            "catch_up_to_raw_scan": reads["catch_up_s"] / scan_s,
            # Counted as the scan counts them (the log's head position also counts the
            # notification ids a refused batch left unused).
            "catch_up_events_per_s": scanned / reads["catch_up_s"],
            "fund_balance_to_raw_fund_read": reads["fund_balance_ms"] / reads["fund_events_raw_ms"],
            "station_report_to_raw_scan": reads["station_report_ms"] / 1000 / scan_s,
            "district_report_to_raw_scan": reads["district_report_ms"] / 1000 / scan_s,
        }
    finally:
        if not args.keep:
            with psycopg.connect(autocommit=True, **dsn) as conn:
                conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
        else:
            result["schema"] = schema
    return result


def _log(text: str) -> None:
    print(f"[district {time.strftime('%H:%M:%S')}] {text}", file=sys.stderr, flush=True)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.district", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--stations", type=int, default=137)
    parser.add_argument("--events-per-station", type=int, default=37_000)
    parser.add_argument("--writers", type=int, default=4)
    parser.add_argument("--repeat", type=int, default=3, help="district reports timed (median)")
    parser.add_argument("--seed", type=int, default=20_250_101)
    parser.add_argument("--dsn", default=DEFAULT_DSN, help="a libpq connection string")
    parser.add_argument("--json", help="write the figures to this file")
    parser.add_argument("--keep", action="store_true", help="keep the schema (its name is printed)")
    args = parser.parse_args(argv)
    try:
        import psycopg

        with psycopg.connect(args.dsn, connect_timeout=3) as conn:
            conn.execute("SELECT 1")
    except Exception as e:  # any failure to connect: say so, exit 2
        print(
            f"benchmarks.district: PostgreSQL is not reachable ({args.dsn}): {e}", file=sys.stderr
        )
        return 2
    result = run(args)
    text = json.dumps(result, indent=2, ensure_ascii=False, default=str)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as out:
            out.write(text + "\n")
    print(text)
    return 0 if result["read"]["district_equals_sum_of_stations"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
