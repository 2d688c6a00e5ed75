"""What every ``sgz-ledger`` command shares: exit codes, argument types, opening the store.

Internal to the CLI package: command modules import from here; embedders use the
library, not these helpers.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import getpass
import re
from collections.abc import Iterator

from sgz_ledger.domain.errors import InvalidInput
from sgz_ledger.domain.messages import Phrase
from sgz_ledger.domain.text import TextRefused, canonical_text
from sgz_ledger.domain.volunteer import STATION_TZ
from sgz_ledger.ledger import Ledger
from sgz_ledger.storage.chain import Anchor

__all__ = [
    "CHAIN_KEY_HELP",
    "CIPHER_KEY_HELP",
    "EXIT_FINDING",
    "EXIT_OK",
    "EXIT_USAGE",
    "JSON_HELP",
    "PROG",
    "UsageError",
    "anchor_argument",
    "date_arg",
    "open_ledger",
    "path_arg",
    "period_arguments",
    "read_key_file",
    "read_text_file",
    "text_arg",
    "text_or_empty_arg",
    "year_arg",
]

EXIT_OK = 0
EXIT_FINDING = 1
EXIT_USAGE = 2

PROG = "sgz-ledger"


class UsageError(Exception):
    """A problem with what was asked of the CLI itself (not a ledger refusal), said by the
    messages' catalogue (``code`` with ``params``) in the language of the setting."""

    def __init__(self, code: str, /, **params: object) -> None:
        super().__init__(code)
        self.phrase = Phrase(code, **params)

    def __str__(self) -> str:
        return str(self.phrase)


@contextlib.contextmanager
def open_ledger(
    args: argparse.Namespace, *, create: bool = False, write: bool = False, chain_key: str = ""
) -> Iterator[Ledger]:
    """The ledger on ``args.store`` (with the key of ``--cipher-key-file``), closed afterwards.

    Read-only unless the command records (``write``, or ``create`` for a new store): every
    report, ``verify``, ``audit`` and ``export`` works on a write-protected copy and
    cannot change the store it reads.
    """
    ledger = Ledger(
        args.store,
        create=create,
        cipher_key=read_key_file(getattr(args, "cipher_key_file", None), "cipher_key"),
        chain_key=chain_key or read_key_file(getattr(args, "chain_key_file", None), "chain_key"),
        read_only=not (create or write),
    )
    try:
        yield ledger
    finally:
        ledger.close()


def read_text_file(path: str, what: str) -> str:
    """A small text file the user named (a key, an anchor file), or a ``UsageError``."""
    try:
        with open(path, encoding="utf-8") as f:
            return f.read()
    except (OSError, UnicodeDecodeError, ValueError) as e:  # ValueError: a NUL in the path
        raise UsageError("cannot_read_file", what=what, path=path, detail=str(e)) from None


def read_key_file(path: str | None, what: str) -> str:
    """A key from a file (a file, so that it shows in no process list); ``""`` for none."""
    if path is None:
        return ""
    try:
        with open(path, encoding="utf-8") as f:
            key = f.read().strip()
    except (OSError, UnicodeDecodeError, ValueError) as e:  # ValueError: a NUL in the path
        reason = e.strerror if isinstance(e, OSError) and e.strerror else str(e)
        raise UsageError("cannot_read_file", what=what, path=path, detail=reason) from None
    if not key:
        raise UsageError("file_empty", what=what, path=path)
    return key


JSON_HELP = "print JSON, amounts as integers of fen"
CIPHER_KEY_HELP = (
    "a file holding the store's encryption key (eventsourcing's AES cipher): events and "
    "volunteers' personal data are encrypted at rest; without it a new store keeps its events, "
    "and the keys of volunteers' personal data, in clear"
)
CHAIN_KEY_HELP = (
    "a file holding the store's chain key (a keyed, HMAC hash chain): every command that "
    "records into such a store needs it, and verify, export and upgrade check the chain with it"
)
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def date_arg(text: str) -> dt.date:
    """A business date as ``YYYY-MM-DD`` (nothing looser: 2024-3-1 is refused, not guessed)."""
    try:
        if not _DATE.fullmatch(text):
            raise ValueError
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def path_arg(text: str) -> str:
    """A file path as given; one holding NUL, which no file's path can, is a usage error
    (exit 2) rather than the ``ValueError`` that opening it would raise."""
    if "\x00" in text:
        raise argparse.ArgumentTypeError(f"{text!r} holds a NUL character; no path can")
    return text


def text_or_empty_arg(text: str) -> str:
    """A code or name (``--donor``...) in the canonical form the ledger stores
    (``sgz_ledger.domain.text``), so that `` ｃｚ-cuizhai `` finds ``cz-cuizhai``; a refused one is
    a usage error (exit 2)."""
    try:
        return canonical_text(text)
    except TextRefused as e:
        raise argparse.ArgumentTypeError(f"{text!r} {e.message}") from None


def text_arg(text: str) -> str:
    """``text_or_empty_arg``, and not empty (``--fund``, ``--station``...)."""
    normal = text_or_empty_arg(text)
    if not normal:
        raise argparse.ArgumentTypeError("must not be empty")
    return normal


def year_arg(text: str) -> int:
    """A year as ``YYYY``."""
    if not re.fullmatch(r"[0-9]{4}", text) or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a year (YYYY)")
    return int(text)


def anchor_argument(parser: argparse.ArgumentParser) -> None:
    """``--anchor`` (repeatable; ``args.anchor``): published anchors as printed on reports."""
    parser.add_argument(
        "--anchor",
        action="append",
        type=_anchor,
        metavar="ANCHOR",
        help="a published anchor the history must pass through, as printed "
        "(ALGORITHM:POSITION:HEX; repeatable)",
    )


def _anchor(text: str) -> Anchor:
    try:
        return Anchor.parse(text)
    except InvalidInput as e:
        raise argparse.ArgumentTypeError(str(e.problems[0][1])) from None


def period_arguments(
    parser: argparse.ArgumentParser, *, required: bool, first: str, last: str
) -> None:
    """``--from`` and ``--to``, business days as YYYY-MM-DD (``args.from_day``, ``args.to_day``);
    ``first`` and ``last`` are their help texts. One definition for every command with a period."""
    for option, dest, text in (("--from", "from_day", first), ("--to", "to_day", last)):
        parser.add_argument(
            option, dest=dest, required=required, type=date_arg, metavar="YYYY-MM-DD", help=text
        )


def default_actor() -> str:
    """Who enters a command when ``--entered-by`` is not given: the login name."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name in this environment
        return "sgz-ledger"


def who_and_when_arguments(
    parser: argparse.ArgumentParser,
    *,
    who: str = "who records it",
    when: str = "the business date",
) -> None:
    """``--entered-by`` (default: the login name) and ``--on`` (default: today, China
    Standard Time), the actor and business date of a command entered on the command line."""
    parser.add_argument(
        "--entered-by",
        default=default_actor(),
        metavar="NAME",
        help=f"{who} (default: your login name)",
    )
    parser.add_argument(
        "--on",
        type=date_arg,
        metavar="YYYY-MM-DD",
        help=f"{when} (default: today, China Standard Time)",
    )


def business_date(args: argparse.Namespace) -> dt.date:
    """``--on``, or today in China Standard Time (the stations' time)."""
    on: dt.date | None = args.on
    return on or dt.datetime.now(STATION_TZ).date()
