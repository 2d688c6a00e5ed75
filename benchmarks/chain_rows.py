"""What the hash chain's own rows cost a bulk import's write: inserts with and without them.

An experiment, not a measurement of the suite: it answers "how much of the recorder's
write is the chain's table, and would the digest in the event's own row (a new chain
format) be cheaper?" before anyone changes the chain's format. The history's encoded
rows are inserted three ways into fresh SQLite files set up as the raw insert's
(``history.write_statements``: WAL, SQLite's default ``synchronous``, one transaction a
batch):

- ``events only``: eventsourcing's ``stored_events`` rows, as the suite's raw insert;
- ``chain table``: those rows and one ``event_chain`` row per event, as the ledger's
  recorder writes them;
- ``digest in row``: the rows with the digest in a fifth column of ``stored_events``,
  their positions given explicitly (a digest covers its position, so a writer of this
  format must know positions before it inserts).

The digests are the chain's real ones (``chain.link``), computed before the timing:
only SQLite's inserts and commits are timed, so the differences are SQLite's work for
the chain's bytes. The variants run round robin and each round's times are printed with
their ratios to that round's ``events only``.

    python -m benchmarks.chain_rows [EVENTS] [ROUNDS]     # default 1,000,000 events, 3 rounds
"""

from __future__ import annotations

import statistics
import sys
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path

from benchmarks.history import (
    RAW_INSERT_SQL,
    RAW_TABLE_SQL,
    HistorySpec,
    Statements,
    batched,
    raw_rows,
    write_statements,
)
from benchmarks.run import _remove_store
from sgz_ledger.storage.chain import GENESIS, RawEvent, link

BATCH = 1000

Row = tuple[str, int, str, bytes]

_CHAIN_TABLE_SQL = "CREATE TABLE event_chain (position INTEGER PRIMARY KEY, digest BLOB NOT NULL)"
_CHAIN_INSERT_SQL = "INSERT INTO event_chain VALUES (?,?)"
_DIGEST_COLUMN_SQL = RAW_TABLE_SQL.replace("state BLOB, ", "state BLOB, digest BLOB NOT NULL, ")
_DIGEST_INSERT_SQL = (
    "INSERT INTO stored_events (rowid, originator_id, originator_version, topic, state, digest) "
    "VALUES (?,?,?,?,?,?)"
)

# Each variant's tables.
SCHEMAS: dict[str, list[str]] = {
    "events only": [RAW_TABLE_SQL],
    "chain table": [RAW_TABLE_SQL, _CHAIN_TABLE_SQL],
    "digest in row": [_DIGEST_COLUMN_SQL],
}
VARIANTS = tuple(SCHEMAS)


def chain_digests(rows: Sequence[Row]) -> list[bytes]:
    """The plain (unkeyed) chain's digest of each row, the rows at positions 1, 2, ..."""
    digests = []
    prev = GENESIS
    for position, (uid_hex, version, topic, state) in enumerate(rows, start=1):
        prev = link(prev, RawEvent(position, bytes.fromhex(uid_hex), version, topic, state))
        digests.append(prev)
    return digests


def _statements(
    variant: str, rows: Sequence[Row], digests: Sequence[bytes]
) -> Iterator[Statements]:
    """Each batch's statements as ``variant`` writes them (built before the clock starts)."""
    start = 0
    for batch in batched(rows, BATCH):
        end = start + len(batch)
        positions = range(start + 1, end + 1)
        chunk = digests[start:end]
        if variant == "events only":
            yield [(RAW_INSERT_SQL, batch)]
        elif variant == "chain table":
            links = list(zip(positions, chunk, strict=True))
            yield [(RAW_INSERT_SQL, batch), (_CHAIN_INSERT_SQL, links)]
        else:
            rows_with_digests = [
                (p, *row, d) for p, row, d in zip(positions, batch, chunk, strict=True)
            ]
            yield [(_DIGEST_INSERT_SQL, rows_with_digests)]
        start = end


def write(path: Path, variant: str, rows: Sequence[Row], digests: Sequence[bytes]) -> float:
    """Insert ``rows`` into a fresh file at ``path`` as ``variant`` does, in batches of
    ``BATCH``: the seconds of the inserts and commits alone."""
    if variant not in SCHEMAS:
        msg = f"no such variant: {variant!r} (one of {', '.join(VARIANTS)})"
        raise ValueError(msg)
    _remove_store(path)
    batches = _statements(variant, rows, digests)
    return sum(seconds for _, seconds in write_statements(path, SCHEMAS[variant], batches))


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
    print(f"{len(rows):,} events, batches of {BATCH}, medians over {rounds} rounds:")
    for variant in VARIANTS:
        by_round = [t / b for t, b in zip(times[variant], times["events only"], strict=True)]
        print(
            f"  {variant:14} {statistics.median(times[variant]):7.2f} s   "
            f"{statistics.median(by_round):.2f}x events only, by round"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
