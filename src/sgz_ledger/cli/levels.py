"""The register of levels on the command line: ``sgz-ledger level add|rename|move|retire|
list|show``, and the ``--district``/``--station``/``--community`` options of the reports.

A report asked with ``--district ID`` covers that district's stations and their community
rooms; ``--station ID`` a station and its rooms; ``--community ID`` one room. Where the store
keeps no register of levels, ``--station ID`` is the one station, as it always was (and the
other two name one code as well). Where it keeps one, the code must be a unit of that level:
otherwise a sentence, exit 2.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
from collections.abc import Iterator
from typing import Any, NamedTuple

from sgz_ledger.cli.common import (
    EXIT_OK,
    JSON_HELP,
    UsageError,
    business_date,
    date_arg,
    open_ledger,
    text_arg,
    who_and_when_arguments,
)
from sgz_ledger.domain.errors import CipherKeyError, StoreError
from sgz_ledger.domain.levels import LEVELS_UUID, LevelRefused
from sgz_ledger.ledger import Ledger, LevelCode
from sgz_ledger.render.layout import json_text
from sgz_ledger.render.levels import level_change_text, unit_list_text, unit_show_text
from sgz_ledger.reports.levels import unit_history, unit_rows

__all__ = ["Scope", "level_arguments", "level_scope", "level_stations", "register"]

_LEVEL_OPTIONS: tuple[tuple[LevelCode, str], ...] = (
    ("district", "a district (区/县) with its stations and their community rooms"),
    ("station", "a station (镇/街道) with its community rooms"),
    ("community", "one community room (村/居)"),
)


def level_arguments(
    parser: argparse.ArgumentParser, what: str, *, repeat_station: bool = False
) -> None:
    """``--district``, ``--station`` and ``--community`` (one of them at most): the level
    ``what`` is asked for (``args.district``, ``args.station``, ``args.community``).
    ``repeat_station``: ``--station`` may be given several times (``args.station`` a list)."""
    group = parser.add_mutually_exclusive_group()
    for level, text in _LEVEL_OPTIONS:
        if level == "station" and repeat_station:
            group.add_argument(
                "--station",
                type=text_arg,
                action="append",
                metavar="ID",
                help=f"{what} of {text} (repeat for several)",
            )
            continue
        group.add_argument(f"--{level}", type=text_arg, metavar="ID", help=f"{what} of {text}")


class Scope(NamedTuple):
    """What a report is asked for: ``station_id`` (a store without a register of levels,
    as it always was) or ``unit_id`` at ``level``; all ``None``: every station."""

    station_id: str | None
    unit_id: str | None
    level: LevelCode | None


def level_scope(ledger: Ledger, args: argparse.Namespace) -> Scope:
    """The scope the options of ``level_arguments`` ask for."""
    for level, _ in _LEVEL_OPTIONS:
        code: str | None = getattr(args, level, None)
        if code is None:
            continue
        if level == "station" and ledger.level_register() is None:
            return Scope(code, None, None)
        return Scope(None, code, level)
    return Scope(None, None, None)


def level_stations(
    ledger: Ledger, args: argparse.Namespace, on: dt.date | None
) -> frozenset[str] | None:
    """The station codes the options of ``level_arguments`` ask for, for the queries that
    take ``station_ids`` (``None``: every station): the units' subtrees on ``on`` (the
    period's last day, the as-of day, or ``None`` for today), as the annual report takes
    them. In a store without a register of levels, ``--station`` names the stations
    themselves, as it always did.

    Raises:
        LevelRefused: a code of another level, or one the register does not hold.
        NotFound: a code no record names, in a store without a register of levels.
    """
    for level, _ in _LEVEL_OPTIONS:
        value: str | list[str] | None = getattr(args, level, None)
        if value is None:
            continue
        codes = [value] if isinstance(value, str) else value
        if level == "station" and ledger.level_register() is None:
            for code in codes:
                ledger.require_station(code)
            return frozenset(codes)
        stations: frozenset[str] = frozenset()
        for code in codes:
            stations |= ledger.stations_of(code, level=level, on=on)
        return stations
    return None


@contextlib.contextmanager
def _writable(args: argparse.Namespace) -> Iterator[Ledger]:
    with contextlib.ExitStack() as stack:
        try:
            ledger = stack.enter_context(open_ledger(args, write=True))
        except CipherKeyError:
            raise
        except StoreError as e:
            raise UsageError("level_needs_writable", action=args.action, error=e) from None
        yield ledger


def _cmd_add(args: argparse.Namespace) -> int:
    with _writable(args) as ledger:
        head = ledger.log_position()
        event = ledger.register_unit(
            unit_id=args.unit,
            level=args.level,
            parent_id=args.parent or "",
            name=args.name,
            actor=args.entered_by,
            occurred_on=business_date(args),
        )
        print(level_change_text(event, args.unit, repeated=ledger.log_position() == head))
    return EXIT_OK


def _cmd_rename(args: argparse.Namespace) -> int:
    with _writable(args) as ledger:
        event = ledger.rename_unit(
            unit_id=args.unit,
            name=args.name,
            actor=args.entered_by,
            occurred_on=business_date(args),
        )
        print(level_change_text(event, args.unit, repeated=False))
    return EXIT_OK


def _cmd_move(args: argparse.Namespace) -> int:
    with _writable(args) as ledger:
        event = ledger.move_unit(
            unit_id=args.unit,
            parent_id=args.parent,
            reason=args.reason,
            actor=args.entered_by,
            occurred_on=business_date(args),
        )
        print(level_change_text(event, args.unit, repeated=False))
    return EXIT_OK


def _cmd_retire(args: argparse.Namespace) -> int:
    with _writable(args) as ledger:
        event = ledger.retire_unit(
            unit_id=args.unit,
            reason=args.reason,
            actor=args.entered_by,
            occurred_on=business_date(args),
        )
        print(level_change_text(event, args.unit, repeated=False))
    return EXIT_OK


def _cmd_list(args: argparse.Namespace) -> int:
    with open_ledger(args) as ledger:
        register = ledger.level_register()
        rows = [] if register is None else unit_rows(register, on=args.as_of)
        if args.json:
            print(json_text({"as_of": args.as_of, "units": rows}))
        else:
            print(unit_list_text(rows, ledger.settings.describe(), args.as_of))
    return EXIT_OK


def _cmd_show(args: argparse.Namespace) -> int:
    with open_ledger(args) as ledger:
        register = ledger.level_register()
        if register is None:
            raise LevelRefused("unknown_unit", args.unit, code="no_levels")
        register.unit(args.unit)  # LevelRefused: unknown_unit
        [row] = [r for r in unit_rows(register, on=args.as_of) if r.unit_id == args.unit]
        path = register.path(args.unit, on=args.as_of)
        history = unit_history(ledger.log_reader.aggregate(LEVELS_UUID), args.unit)
        if args.json:
            print(json_text({"as_of": args.as_of, "unit": row, "path": path, "changes": history}))
        else:
            print(unit_show_text(row, path, history))
    return EXIT_OK


def register(commands: Any, store_after: argparse.ArgumentParser) -> None:
    """Add ``level`` and its actions to the ``sgz-ledger`` parser."""
    level = commands.add_parser(
        "level",
        parents=[store_after],
        help="the register of levels: district (区/县) > station (镇/街道) > community (村/居)",
        description="Register the units records name as their station, at their level and "
        "under their parent, so that reports can be asked for a district or a station with "
        "its community rooms (--district, --station, --community). Configuring it is an "
        "administrator's action where a station registers its people. Exit 0 done, 2 bad "
        "input or a refusal (its reason on stderr).",
    )
    actions = level.add_subparsers(dest="action", metavar="ACTION", required=True)

    add = actions.add_parser("add", parents=[store_after], help="register a unit")
    add.add_argument("--unit", type=text_arg, required=True, metavar="ID",
                     help="the code its records carry as their station")  # fmt: skip
    add.add_argument("--level", required=True, choices=("district", "station", "community"))
    add.add_argument(
        "--parent",
        type=text_arg,
        metavar="ID",
        help="its parent: a district for a station, a station for a community room",
    )
    add.add_argument("--name", type=text_arg, required=True, metavar="TEXT")
    who_and_when_arguments(add, when="the day it is registered")
    add.set_defaults(handler=_cmd_add)

    rename = actions.add_parser("rename", parents=[store_after], help="rename a unit")
    rename.add_argument("--unit", type=text_arg, required=True, metavar="ID")
    rename.add_argument("--name", type=text_arg, required=True, metavar="TEXT")
    who_and_when_arguments(rename)
    rename.set_defaults(handler=_cmd_rename)

    move = actions.add_parser(
        "move",
        parents=[store_after],
        help="move a unit under another parent from a date on",
        description="Records dated before --on count at the old parent, those on or after at "
        "the new one; reports of earlier days do not change.",
    )
    move.add_argument("--unit", type=text_arg, required=True, metavar="ID")
    move.add_argument("--parent", type=text_arg, required=True, metavar="ID")
    move.add_argument("--reason", type=text_arg, required=True, metavar="TEXT")
    who_and_when_arguments(move, when="the day the move holds from")
    move.set_defaults(handler=_cmd_move)

    retire = actions.add_parser("retire", parents=[store_after], help="retire a unit")
    retire.add_argument("--unit", type=text_arg, required=True, metavar="ID")
    retire.add_argument("--reason", type=text_arg, required=True, metavar="TEXT")
    who_and_when_arguments(retire)
    retire.set_defaults(handler=_cmd_retire)

    listing = actions.add_parser("list", parents=[store_after], help="print every unit")
    listing.add_argument("--as-of", type=date_arg, metavar="YYYY-MM-DD",
                         help="the tree on that day (default: now)")  # fmt: skip
    listing.add_argument("--json", action="store_true", help=JSON_HELP)
    listing.set_defaults(handler=_cmd_list)

    show = actions.add_parser("show", parents=[store_after], help="print one unit and its changes")
    show.add_argument("--unit", type=text_arg, required=True, metavar="ID")
    show.add_argument("--as-of", type=date_arg, metavar="YYYY-MM-DD",
                      help="its place in the tree on that day (default: now)")  # fmt: skip
    show.add_argument("--json", action="store_true", help=JSON_HELP)
    show.set_defaults(handler=_cmd_show)
