"""Export commands: ``export`` (JSON Lines, CSV statements, hledger and beancount journals).

The writing is ``sgz_ledger.audit.export.write_export``; this module opens the output,
shows progress on a terminal, and reports what was written.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TextIO

from sgz_ledger.audit.export import FORMATS, PROGRESS_EVERY, write_export
from sgz_ledger.cli.common import (
    EXIT_OK,
    UsageError,
    open_ledger,
    path_arg,
    text_arg,
)
from sgz_ledger.domain.errors import NotFound
from sgz_ledger.render.audit import export_text
from sgz_ledger.render.progress import count_text

__all__ = ["register"]


@contextlib.contextmanager
def _stdout_text() -> Iterator[TextIO]:
    """Standard output as UTF-8 text that leaves line ends as written (CSV rows end in CRLF)."""
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # a replaced stdout without bytes underneath: write text to it
        yield sys.stdout
        return
    out = io.TextIOWrapper(buffer, encoding="utf-8", newline="")
    try:
        yield out
    finally:
        out.flush()
        out.detach()  # standard output stays open


@contextlib.contextmanager
def _file_text(path: Path) -> Iterator[TextIO]:
    """A new file at ``path``, written in full or not at all.

    The export goes to a temporary file beside it, renamed over ``path`` only when the
    export succeeded: a refused or failed export never leaves half a journal behind.
    """
    temporary = path.with_name(f".{path.name}.{os.getpid()}.partial")
    try:
        out = open(temporary, "x", encoding="utf-8", newline="")  # noqa: SIM115
    except OSError as e:
        raise UsageError("cannot_write", path=str(path), detail=e.strerror or str(e)) from None
    try:
        with out:
            yield out
        os.replace(temporary, path)
    except BaseException as e:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(e, OSError):  # a full disk, a folder in the way of the rename...
            raise UsageError("cannot_write", path=str(path), detail=e.strerror or str(e)) from None
        raise


def _progress() -> Callable[[int], None] | None:
    """A carriage-return counter on stderr, only when stderr is a terminal."""
    if not sys.stderr.isatty():
        return None

    def show(count: int) -> None:
        sys.stderr.write(count_text(count))
        sys.stderr.flush()

    return show


def _cmd_export(args: argparse.Namespace) -> int:
    progress = _progress()
    path = None if args.output in (None, "-") else Path(args.output)
    # With the chain key (--chain-key-file) the digests are verified while exporting;
    # without it, they are passed on as stored.
    with open_ledger(args) as ledger:
        try:
            with _stdout_text() if path is None else _file_text(path) as out:
                summary = write_export(
                    ledger,
                    args.format,
                    out,
                    fund_id=args.fund,
                    station_id=args.station,
                    progress=progress,
                )
        except NotFound as e:
            raise UsageError(
                "no_such_in_store", kind=e.kind, key=e.key, store=ledger.settings.describe()
            ) from None
        finally:
            if progress is not None:
                sys.stderr.write("\n")
    if path is not None:
        print(export_text(summary, path), file=sys.stderr)
    return EXIT_OK


def register(commands: Any, store_after: argparse.ArgumentParser) -> None:
    """Add the export command to the ``sgz-ledger`` parser."""
    export = commands.add_parser(
        "export",
        parents=[store_after],
        help="write the events (jsonl), fund statements (csv) or a double-entry journal "
        "(hledger, beancount) for an accountant or another program",
        description="Export the store for checking elsewhere (docs/audit.md, Exports). "
        "jsonl: every event in log order with its hash-chain digest, money in integer fen. "
        "csv: one row per fund entry with the fund's running cash, UTF-8 with BOM for Excel. "
        "hledger / beancount: one transaction per event that moves money or in-kind value, "
        "with balance assertions of every fund account by the ledger's own arithmetic, so "
        "`hledger -f FILE balance` and `bean-check FILE` check the file. Output goes to "
        "standard output unless -o is given; a file is written whole or not at all. "
        f"Progress (every {PROGRESS_EVERY:,} events) shows on a terminal. "
        "Exit 2 for bad usage or an unknown fund or station.",
    )
    export.add_argument("--format", required=True, choices=FORMATS, help="what to write")
    export.add_argument(
        "-o",
        "--output",
        type=path_arg,
        metavar="FILE",
        help="write to FILE (default: standard output)",
    )
    export.add_argument("--fund", type=text_arg, metavar="ID", help="only this fund")
    export.add_argument(
        "--station",
        type=text_arg,
        metavar="ID",
        help="only this station's funds (and, in jsonl, its volunteers and activities)",
    )
    export.set_defaults(handler=_cmd_export)
