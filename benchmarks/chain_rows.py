"""What the hash chain's own rows cost a bulk import's write: inserts with and without them.

An experiment, not a measurement of the suite: it answers "how much of the recorder's
write is the chain's table, and would the digest in the event's own row (a new chain
format) be cheaper?" before anyone changes the chain's format. The history's encoded
rows are inserted three ways into fresh SQLite files set up as the raw insert's
(``history.write_raw_store``: WAL, SQLite's default ``synchronous``, one transaction a
batch):

- ``events only``: eventsourcing's ``stored_events`` rows, as the suite's raw insert;
- ``chain table``: those rows and one ``event_chain`` row per event, as the ledger's
  recorder writes them;
- ``digest in row``: the rows with the digest in a fifth column of ``stored_events``,
  their positions given explicitly (a digest covers its position, so a writer of this
  format must know positions before it inserts).

The digests are the chain's real ones (``chain.digest_of``), computed before the timing:
only SQLite's inserts and commits are timed, so the differences are SQLite's work for
the chain's bytes. The variants run round robin and each round's times are printed with
their ratios to that round's ``events only``.

    python -m benchmarks.chain_rows [EVENTS] [ROUNDS]     # default 1,000,000 events, 3 rounds
"""

from __future__ import annotations

import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from benchmarks.history import RAW_TABLE_SQL, HistorySpec, batched, raw_rows
from benchmarks.run import _remove_store
from sgz_ledger.chain import GENESIS, digest_of

VARIANTS = ("events only", "chain table", "digest in row")
BATCH = 1000

Row = tuple[str, int, str, bytes]

_CHAIN_TABLE_SQL = "CREATE TABLE event_chain (position INTEGER PRIMARY KEY, digest BLOB NOT NULL)"
_DIGEST_COLUMN_SQL = RAW_TABLE_SQL.replace("state BLOB, ", "state BLOB, digest BLOB NOT NULL, ")


def chain_digests(rows: Sequence[Row]) -> list[bytes]:
    """The plain (unkeyed) chain's digest of each row, the rows at positions 1, 2, ..."""
    digests = []
    prev = GENESIS
    for position, (uid_hex, version, topic, state) in enumerate(rows, start=1):
        prev = digest_of(
            prev, position, bytes.fromhex(uid_hex), version, topic.encode("utf-8"), state
        )
        digests.append(prev)
    return digests


def write(path: Path, variant: str, rows: Sequence[Row], digests: Sequence[bytes]) -> float:
    """Insert ``rows`` into a fresh file at ``path`` as ``variant`` does, in batches of
    ``BATCH``: the seconds of the inserts and commits alone."""
    if variant not in VARIANTS:
        msg = f"no such variant: {variant!r} (one of {', '.join(VARIANTS)})"
        raise ValueError(msg)
    _remove_store(str(path))
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute(_DIGEST_COLUMN_SQL if variant == "digest in row" else RAW_TABLE_SQL)
        if variant == "chain table":
            connection.execute(_CHAIN_TABLE_SQL)
        seconds = 0.0
        start = 0
        for batch in batched(rows, BATCH):
            end = start + len(batch)
            # The statement's parameters are built before the clock starts, as the digests.
            if variant == "chain table":
                links = list(zip(range(start + 1, end + 1), digests[start:end], strict=True))
            elif variant == "digest in row":
                batch = [
                    (position, *row, digest)
                    for position, row, digest in zip(
                        range(start + 1, end + 1), batch, digests[start:end], strict=True
                    )
                ]
            started = time.perf_counter()
            connection.execute("BEGIN")
            if variant == "events only":
                connection.executemany("INSERT INTO stored_events VALUES (?,?,?,?)", batch)
            elif variant == "chain table":
                connection.executemany("INSERT INTO stored_events VALUES (?,?,?,?)", batch)
                connection.executemany("INSERT INTO event_chain VALUES (?,?)", links)
            else:
                connection.executemany(
                    "INSERT INTO stored_events (rowid, originator_id, originator_version, "
                    "topic, state, digest) VALUES (?,?,?,?,?,?)",
                    batch,
                )
            connection.execute("COMMIT")
            seconds += time.perf_counter() - started
            start = end
    finally:
        connection.close()
    return seconds


def main(argv: Sequence[str]) -> None:
    events = int(argv[0]) if argv else 1_000_000
    rounds = int(argv[1]) if len(argv) > 1 else 3
    rows = list(raw_rows(HistorySpec(events=events), BATCH))
    digests = chain_digests(rows)
    times: dict[str, list[float]] = {v: [] for v in VARIANTS}
    with tempfile.TemporaryDirectory(prefix="sgz-chain-rows-") as work:
        path = Path(work) / "rows.db"
        for round_no in range(1, rounds + 1):
            for variant in VARIANTS:
                times[variant].append(write(path, variant, rows, digests))
            base = times["events only"][-1]
            print(
                f"round {round_no}: "
                + ", ".join(
                    f"{v} {times[v][-1]:.2f} s ({times[v][-1] / base:.2f}x)" for v in VARIANTS
                ),
                flush=True,
            )
            _remove_store(str(path))
    print(f"{len(rows):,} events, batches of {BATCH}, medians over {rounds} rounds:")
    for variant in VARIANTS:
        by_round = [t / b for t, b in zip(times[variant], times["events only"], strict=True)]
        print(
            f"  {variant:14} {statistics.median(times[variant]):7.2f} s   "
            f"{statistics.median(by_round):.2f}x events only, by round"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
