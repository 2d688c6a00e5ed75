"""A progress bar on stderr for long work (verify, audit, import, export, rebuild).

Drawn only when stderr is a terminal: in a pipe, a log file or CI the output stays
plain and free of carriage returns. Redrawn at most ten times a second, so a loop
of a million events spends next to nothing on it.
"""

from __future__ import annotations

import sys
import time
from types import TracebackType
from typing import TextIO

from sgz_ledger.render.progress import progress_text

__all__ = ["Progress"]

REDRAW_INTERVAL_S = 0.1


class Progress:
    """``with Progress("校验 verify", total) as p: ... p.update(done)``.

    Args:
        label: what is being done, for people.
        total: the amount of work (events), or 0 when unknown (a counter is shown).
        stream: where to draw (default stderr); nothing is drawn unless it is a terminal.
    """

    def __init__(self, label: str, total: int = 0, *, stream: TextIO | None = None) -> None:
        self.label = label
        self.total = max(0, total)
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = self.stream.isatty()
        self.done = 0
        self._started = time.monotonic()
        self._drawn = 0.0

    def update(self, done: int) -> None:
        """Record progress (``done`` so far) and redraw if it is time to."""
        self.done = done
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self._drawn >= REDRAW_INTERVAL_S:
            self._drawn = now
            self._draw(now)

    def _draw(self, now: float) -> None:
        self.stream.write(progress_text(self.label, self.done, self.total, now - self._started))
        self.stream.flush()

    def __enter__(self) -> Progress:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self.enabled:
            self._draw(time.monotonic())
            self.stream.write("\n")
            self.stream.flush()
