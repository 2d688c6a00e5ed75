"""The ``sgz-ledger`` command: parses arguments, calls the Ledger, prints.

There are no business rules and no layout here. Every command parses its arguments,
opens a ``Ledger`` on the store, calls its methods, prints the text
``sgz_ledger.render`` makes of the answer (or the answer as JSON) and closes the
store; refusals come from the ledger as ``LedgerError`` and are printed as one line on
stderr.

Usage::

    sgz-ledger [--store PATH_OR_URL] [--cipher-key-file FILE] [--lang zh|en] COMMAND [options]
    sgz-ledger demo --store demo.db            # --store may also follow the command
    sgz-ledger balances [--as-of YYYY-MM-DD] [--fund ID] [--district|--station|--community ID]
               [--json]
    sgz-ledger statement --fund ID [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--json]
    sgz-ledger disclosure --fund ID --from YYYY-MM-DD --to YYYY-MM-DD [--json [--goods]]
    sgz-ledger donors [--fund ID] [--district|--station|--community ID] [--donor NAME] [--json]
    sgz-ledger report --year YYYY [--district|--station|--community ID] [--json [--goods]]
    sgz-ledger goods [--fund ID | --district|--station|--community ID] [--from YYYY-MM-DD]
               [--to YYYY-MM-DD] [--json]
    sgz-ledger project --id ID [--json]
    sgz-ledger projects [--district|--station|--community ID] [--json]
    sgz-ledger project-open --id ID --station ID --name TEXT --from DATE --to DATE --fund ID ...
        (--line CODE:NAME:YUAN ... | --budget-json FILE) [--entered-by NAME] [--on DATE]
    sgz-ledger project-amend --id ID --amendment NO --line CODE --amount YUAN --reason TEXT
    sgz-ledger project-close --id ID --reason TEXT
    sgz-ledger delivery --year YYYY [--district ID | --station ID ... | --community ID] [--json]
    sgz-ledger import FILE.csv [--station ID] [--entered-by NAME] [--encoding utf-8|gb18030|big5]
               [--correction-note TEXT]
    sgz-ledger volunteers [--district|--station|--community ID] [--volunteer ID] [--from DATE]
               [--to DATE] [--json]
    sgz-ledger timebank bank --volunteer ID --record RID [--entered-by NAME] [--on DATE]
    sgz-ledger timebank redeem --volunteer ID --redemption RID (--hours H | --minutes M)
               --item TEXT [--quantity N] (--counterparty TEXT | --goods FUND --unit UNIT
               [--restriction TEXT]) --approver NAME
               [--entered-by NAME] [--on DATE]
    sgz-ledger timebank transfer --from ID --to ID --transfer TID (--hours H | --minutes M)
               --reason TEXT [--entered-by NAME] [--on DATE]
    sgz-ledger timebank balance [--volunteer ID | --district|--station|--community ID] [--json]
    sgz-ledger team form --team ID --station ID --name TEXT [--entered-by NAME] [--on DATE]
    sgz-ledger team join|lead --team ID --volunteer ID [--entered-by NAME] [--on DATE]
    sgz-ledger team leave --team ID --volunteer ID --reason TEXT [--entered-by NAME] [--on DATE]
    sgz-ledger team dissolve --team ID --reason TEXT [--entered-by NAME] [--on DATE]
    sgz-ledger team list [--district|--station|--community ID] [--on DATE] [--json]
    sgz-ledger stars [--district|--station|--community ID | --volunteer ID] [--on DATE]
               [--json]
    sgz-ledger award --station ID --award ID (--volunteer ID | --team ID) --title TEXT --by TEXT
               [--entered-by NAME] [--on DATE]
    sgz-ledger evaluate --station ID --evaluation ID --volunteer ID --from DATE --to DATE
               --result TEXT --evaluator TEXT [--entered-by NAME] [--on DATE]
    sgz-ledger recognition --from DATE --to DATE [--district|--station|--community ID]
               [--json]
    sgz-ledger certificate issue --volunteer ID --number NO --from DATE --to DATE
               --issuing-unit TEXT [--format text|json|html|pdf] [-o FILE]
               [--sign-key-file FILE] [--font PATH] [--mask-name] [--entered-by NAME] [--on DATE]
    sgz-ledger certificate show NO [--volunteer ID] [--format ...] [-o FILE]
               [--sign-key-file FILE] [--font PATH] [--mask-name]
    sgz-ledger certificate verify (NO CODE | --offline PAYLOAD --public-key KEY) [--json]
    sgz-ledger verify-certificate (NO CODE | --offline PAYLOAD --public-key KEY) [--json]
    sgz-ledger erase (--volunteer ID | --donor NAME | --served IDENTIFIER --station ID)
               --reason TEXT --requested-by WHO
               [--entered-by NAME] [--on DATE]
    sgz-ledger publish --station ID --kind disclosure|annual-report --from DATE --to DATE
               [--anchor ANCHOR] [--note TEXT] [--entered-by NAME] [--on DATE]
    sgz-ledger close-period --station ID --from DATE --to DATE --reason TEXT
               [--entered-by NAME] [--on DATE]
    sgz-ledger level add --unit ID --level district|station|community [--parent ID] --name TEXT
               [--entered-by NAME] [--on DATE]
    sgz-ledger level rename --unit ID --name TEXT | move --unit ID --parent ID --reason TEXT |
               retire --unit ID --reason TEXT  [--entered-by NAME] [--on DATE]
    sgz-ledger level list|show [--unit ID] [--as-of DATE] [--json]
    sgz-ledger verify [--anchor POSITION:HEX ...] [--chain-key-file FILE] [--json]
    sgz-ledger audit [--as-of YYYY-MM-DD] [--json]
    sgz-ledger trail (--fund ID | --volunteer ID | --actor NAME) [--json]
    sgz-ledger rebuild [--json]
    sgz-ledger export --format jsonl|csv|hledger|beancount [-o FILE] [--fund ID] [--station ID]

Amounts print as yuan with 2 decimals; ``--json`` prints them as integers of fen.

Refusals are said in Chinese unless ``--lang en`` (or ``SGZ_LEDGER_LANG=en``) asks for
English; with ``--json`` a refusal is a JSON object on stderr: its ``reason``, ``code``,
``message`` and ``params`` (money in fen, durations in seconds).

Exit codes: 0 done; 1 a finding (a check that found something, for commands such
as ``verify``); 2 bad usage or input (unknown option, a store that cannot be
opened, a command the ledger refused).

Layout: ``common`` (exit codes, argument types, opening the store), then one module
per group of commands, each with a ``register(commands, store_after)`` that adds its
subcommands with ``handler=`` set. Adding a command: write ``_cmd_NAME(args) -> int``
in its group's module and register it there; a new group goes in ``COMMAND_GROUPS``.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import warnings
from collections.abc import Callable
from typing import TextIO

from eventsourcing.persistence import MapperDeserialisationError, PersistenceError

from sgz_ledger.cli import (
    audit,
    certificates,
    delivery,
    exports,
    funds,
    levels,
    periods,
    projects,
    recognition,
    sheets,
    store,
    timebank,
    volunteers,
)
from sgz_ledger.cli.common import (
    CHAIN_KEY_HELP,
    CIPHER_KEY_HELP,
    EXIT_FINDING,
    EXIT_OK,
    EXIT_USAGE,
    PROG,
    UsageError,
)
from sgz_ledger.domain.errors import LedgerError, StoreError
from sgz_ledger.domain.messages import (
    LANGUAGE_ENV,
    LANGUAGES,
    Language,
    Phrase,
    parse_language,
    use_language,
)
from sgz_ledger.storage.sealing import PersonalDataInClearWarning
from sgz_ledger.storage.settings import DEFAULT_STORE, describe_failure
from sgz_ledger.version import __version__

__all__ = ["EXIT_FINDING", "EXIT_OK", "EXIT_USAGE", "main"]

Handler = Callable[[argparse.Namespace], int]

# Each module adds its subcommands, in this order in ``--help``.
COMMAND_GROUPS = (
    funds,
    projects,
    volunteers,
    certificates,
    timebank,
    recognition,
    delivery,
    sheets,
    periods,
    levels,
    audit,
    exports,
    store,
)


LANG_HELP = (
    f"the language of messages: zh (中文, the default) or en; the {LANGUAGE_ENV} "
    "environment variable sets it too"
)
# The command line speaks to a station's staff: Chinese unless told otherwise.
DEFAULT_LANGUAGE: Language = "zh"


def build_parser() -> argparse.ArgumentParser:
    store_help = (
        "where the events are: a SQLite file path, sqlite:///path, or postgresql://user@host/db "
        f"(default: ./{DEFAULT_STORE})"
    )
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="社工站社区基金账本 An event-sourced ledger for a social work station's funds.",
        epilog="exit codes: 0 done, 1 a finding, 2 bad usage or input (the reason is on stderr). "
        "The rules the ledger enforces, numbered, with their sources: docs/rules.md; "
        "'rule N' in a message or here is the rule N there.",
    )
    parser.add_argument(
        "--version", action="version", version=f"{PROG} {__version__}", help="print the version"
    )
    parser.add_argument("--store", default=DEFAULT_STORE, metavar="PATH_OR_URL", help=store_help)
    parser.add_argument("--lang", choices=LANGUAGES, help=LANG_HELP)
    parser.add_argument("--cipher-key-file", metavar="FILE", help=CIPHER_KEY_HELP)
    parser.add_argument("--chain-key-file", metavar="FILE", help=CHAIN_KEY_HELP)
    # The same option after the command. SUPPRESS: when it is not given there, the
    # subcommand leaves the value parsed before the command alone.
    store_after = argparse.ArgumentParser(add_help=False)
    store_after.add_argument(
        "--store", default=argparse.SUPPRESS, metavar="PATH_OR_URL", help=store_help
    )
    store_after.add_argument(
        "--cipher-key-file", default=argparse.SUPPRESS, metavar="FILE", help=CIPHER_KEY_HELP
    )
    store_after.add_argument(
        "--chain-key-file", default=argparse.SUPPRESS, metavar="FILE", help=CHAIN_KEY_HELP
    )
    store_after.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS, help=LANG_HELP)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for group in COMMAND_GROUPS:
        group.register(commands, store_after)
    return parser


def _show_warning(
    message: Warning | str,
    category: type[Warning],
    filename: str,
    lineno: int,
    file: TextIO | None = None,
    line: str | None = None,
) -> None:
    hint = ""
    if issubclass(category, PersonalDataInClearWarning):
        hint = " (on the command line: --cipher-key-file FILE)"
    print(f"{PROG}: warning: {message}{hint}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code (see the module docs)."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as e:  # argparse printed the usage and why (or --help)
        return e.code if isinstance(e.code, int) else EXIT_USAGE
    handler: Handler = args.handler
    chosen = _language(args.lang)
    if chosen is None:
        refused = Phrase("bad_language_setting", name=LANGUAGE_ENV, value=os.environ[LANGUAGE_ENV])
        print(f"{PROG}: error: {refused.message(DEFAULT_LANGUAGE)}", file=sys.stderr)
        return EXIT_USAGE
    with use_language(chosen):
        return _run(handler, args, chosen)


def _language(given: Language | None) -> Language | None:
    """``--lang``, else ``SGZ_LEDGER_LANG``, else Chinese; ``None`` for a setting that names
    neither language (refused rather than ignored)."""
    if given is not None:
        return given
    setting = os.environ.get(LANGUAGE_ENV, "")
    if not setting.strip():
        return DEFAULT_LANGUAGE
    return parse_language(setting)


def _run(handler: Handler, args: argparse.Namespace, chosen: Language) -> int:
    try:
        with warnings.catch_warnings():
            # The library's warnings (personal data kept in clear) are for people here:
            # one line each on stderr, not Python's file-and-line form.
            warnings.showwarning = _show_warning
            return handler(args)
    except LedgerError as e:
        if getattr(args, "json", False):
            from sgz_ledger.render.errors import refusal_json

            print(refusal_json(e, chosen), file=sys.stderr)
        else:
            print(f"{PROG}: error: {e}", file=sys.stderr)
        return EXIT_USAGE
    except UsageError as e:
        print(f"{PROG}: error: {e}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        # The reader went away (``sgz-ledger balances | head``): not an error of ours.
        # Point stdout at devnull so the interpreter's final flush does not complain.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        print(f"{PROG}: {Phrase('interrupted')}", file=sys.stderr)
        return EXIT_USAGE
    except Exception as e:
        # A failure of the store itself (a disk, a database, a damaged table) reached the
        # command without the library's own words: one sentence, never a traceback.
        if os.environ.get("SGZ_LEDGER_TRACEBACK"):
            raise
        print(f"{PROG}: error: {_sentence(e)}", file=sys.stderr)
        return EXIT_USAGE


def _sentence(error: Exception) -> str:
    """What to tell a person about an error no command expected."""
    if isinstance(error, MapperDeserialisationError):
        return str(StoreError.unreadable(error))
    if isinstance(error, OSError) and not _is_database_error(error):
        detail = error.strerror or str(error)
        if error.filename:
            return str(Phrase("cannot_use_file", path=error.filename, detail=detail))
        return str(Phrase("cannot_use", detail=detail))
    if _is_database_error(error):
        return describe_failure(error)
    return str(Phrase("unexpected_failure", kind=type(error).__name__, detail=str(error)))


def _is_database_error(error: BaseException) -> bool:
    """Whether ``error`` comes from SQLite, PostgreSQL or eventsourcing's persistence."""
    if isinstance(error, (sqlite3.Error, PersistenceError)):
        return True
    module = type(error).__module__
    return module.startswith(("psycopg", "psycopg_pool"))
