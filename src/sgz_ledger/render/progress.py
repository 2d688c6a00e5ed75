"""The progress line long work draws on a terminal (verify, audit, import, export, rebuild).

Only the text: when and where it is drawn is the command line's (``cli.progress``).
"""

from __future__ import annotations

__all__ = ["BAR_WIDTH", "count_text", "progress_text"]

BAR_WIDTH = 30


def progress_text(label: str, done: int, total: int, elapsed_s: float) -> str:
    """``label [####------] done/total 1.2s``, or ``label done 1.2s`` when the total is
    unknown (0); it starts with a carriage return, so each one overwrites the last."""
    if total:
        fraction = min(1.0, done / total)
        filled = int(BAR_WIDTH * fraction)
        bar = "#" * filled + "-" * (BAR_WIDTH - filled)
        return f"\r{label} [{bar}] {done:,}/{total:,} {elapsed_s:5.1f}s"
    return f"\r{label} {done:,} {elapsed_s:5.1f}s"


def count_text(count: int) -> str:
    """A bare running count (``12,000 …``), overwriting the last one."""
    return f"\r{count:,} …"
