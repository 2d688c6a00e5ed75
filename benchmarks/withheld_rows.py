"""What each view table costs a catch-up: rebuilds with its rows withheld.

An experiment, not a measurement of the suite: it answers "how much of the fund views'
rebuild is SQLite writing this table?" before anyone changes a table. Each variant
rebuilds a copy of a store's fund views with the rows of some tables left out of the
writes (the fold itself unchanged, so the difference is SQLite's work for those rows).
The variants run round robin, so that the machine's slow spells hit them alike, and each
variant's median is printed.

    python -m benchmarks.run --events 300000 --only floor      # builds a cached store
    python -m benchmarks.withheld_rows benchmarks/.cache/h1-n300000-...-b1000-....db

The views left in the copies are incomplete: the copies are removed afterwards.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from benchmarks.measure import statement_table
from benchmarks.run import _copy_store, _remove_store
from sgz_ledger import Ledger

VARIANTS: dict[str, frozenset[str]] = {
    "every row": frozenset(),
    "no balances": frozenset({"fund_balances"}),
    "no checkpoints": frozenset({"fund_checkpoints"}),
}


def rebuild_without(
    store: Path, withheld: frozenset[str], work: Path
) -> tuple[float, dict[str, int]]:
    """Rebuild a copy of ``store``'s fund views, ``withheld`` tables' rows unwritten: the
    seconds it took, and the rows each view table then held."""
    copy = work / "views.db"
    _copy_store(store, copy)
    ledger = Ledger(str(copy), create=False)
    try:
        view_store = ledger.view_store
        statements = view_store._statements

        def kept(*args: Any) -> Iterator[tuple[str, list[tuple[Any, ...]]]]:
            rows: Iterable[tuple[str, list[tuple[Any, ...]]]] = statements(*args)
            for sql, params in rows:
                if statement_table(sql) not in withheld:
                    yield sql, params

        view_store._statements = kept  # type: ignore[method-assign]
        started = time.perf_counter()
        ledger.view_runner.rebuild(ledger.fund_views)
        seconds = time.perf_counter() - started
        counts = {
            table.name: view_store.query(f"SELECT COUNT(*) FROM {{s}}{table.name}")[0][0]
            for table in ledger.fund_views.tables
        }
        return seconds, counts
    finally:
        ledger.close()
        _remove_store(copy)


def main(argv: list[str]) -> int:
    if len(argv) not in (1, 2):
        print("usage: python -m benchmarks.withheld_rows STORE [ROUNDS]", file=sys.stderr)
        return 2
    store, rounds = Path(argv[0]), int(argv[1]) if len(argv) == 2 else 5
    times: dict[str, list[float]] = {name: [] for name in VARIANTS}
    with tempfile.TemporaryDirectory() as work:
        for round_number in range(rounds):
            for name, withheld in VARIANTS.items():
                seconds, _ = rebuild_without(store, withheld, Path(work))
                times[name].append(seconds)
                print(f"round {round_number + 1}: {name}: {seconds:.2f} s", flush=True)
    every = statistics.median(times["every row"])
    for name, runs in times.items():
        median = statistics.median(runs)
        print(f"{name:<20} median {median:6.2f} s  {median / every - 1:+.0%}  runs {sorted(runs)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
