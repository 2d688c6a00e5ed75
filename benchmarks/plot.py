"""Draw the growth measurements: all balances from the whole history, time against N, log-log.

Usage::

    python -m benchmarks.run --sizes 10000,100000,1000000   # writes docs/performance-growth.json
    python -m benchmarks.plot                                # writes docs/performance.png

Needs matplotlib (``pip install -e '.[bench]'``).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

__all__ = ["main", "plot"]

REPO = Path(__file__).resolve().parent.parent
SERIES = (
    # (key in a size's entry, label, line style)
    ("floor_s", "floor: sqlite3 scan + msgspec decode + fold", "k--"),
    ("replay_s", "sgz_ledger: replay to balances", "C0-o"),
    ("peer_ledger_s", "ledger-cli balance", "C1-s"),
    ("peer_hledger_s", "hledger balance", "C2-^"),
    ("peer_beancount_s", "beancount", "C3-v"),
    ("import_batch_s", "sgz_ledger: import (execute_batch, every rule)", "C0:x"),
    ("raw_insert_s", "raw executemany insert", "k:x"),
)


def plot(growth: dict[str, Any], out: Path) -> None:
    """Write the PNG of ``growth`` (the JSON ``--sizes`` writes) to ``out``."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    sizes = sorted(growth["sizes"], key=lambda entry: entry["events"])
    figure, axes = plt.subplots(figsize=(8, 5.5), dpi=120)
    for key, label, style in SERIES:
        points = [(s["events"], s[key]) for s in sizes if key in s]
        if points:
            xs, ys = zip(*points, strict=True)
            axes.plot(xs, ys, style, label=label)
    axes.set_xscale("log")
    axes.set_yscale("log")
    axes.set_xlabel("ledger events (N)")
    axes.set_ylabel("seconds (wall clock, one cold process)")
    machine = growth.get("machine", {})
    axes.set_title(
        "All balances from the stored history, and loading it\n"
        f"{machine.get('cpu', '')}, {machine.get('cores', '')} cores, "
        f"Python {machine.get('python', '')}, SQLite {machine.get('sqlite', '')}, "
        f"{machine.get('date', '')[:10]}",
        fontsize=9,
    )
    axes.grid(True, which="both", alpha=0.3)
    axes.legend(fontsize=8)
    figure.tight_layout()
    out.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(out)
    plt.close(figure)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.plot", description=__doc__)
    parser.add_argument("--growth", default=str(REPO / "docs" / "performance-growth.json"))
    parser.add_argument("--out", default=str(REPO / "docs" / "performance.png"))
    args = parser.parse_args(argv)
    growth = json.loads(Path(args.growth).read_text(encoding="utf-8"))
    plot(growth, Path(args.out))
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
