"""A station's projects: ``project`` (a project's budget against spending), ``projects``
(every project of a station), ``project-open``, ``project-amend`` and ``project-close``.

The reports open the store read-only; the three others record an event and open it for
writing. A budget is given line by line (``--line CODE:NAME:YUAN``, repeated) or as a JSON
file (``--budget-json FILE``: a list of ``{"code", "name", "amount"}`` with the amount in
yuan as text, or ``"amount_fen"`` in fen), never both.
"""

from __future__ import annotations

import argparse
from typing import Any

import msgspec

from sgz_ledger.cli.common import (
    EXIT_OK,
    JSON_HELP,
    UsageError,
    business_date,
    date_arg,
    open_ledger,
    path_arg,
    read_text_file,
    text_arg,
    who_and_when_arguments,
)
from sgz_ledger.cli.levels import level_arguments, level_stations
from sgz_ledger.render.layout import json_text
from sgz_ledger.render.projects import (
    budget_line_amended_text,
    project_closed_text,
    project_opened_text,
    project_text,
)
from sgz_ledger.service.commands import BudgetLineInput

__all__ = ["register"]

# A budget file is a few hundred lines at most (``BUDGET_LINES_MAX``): a bound on what is read.
BUDGET_FILE_BYTES_MAX = 1_000_000


def _line_arg(text: str) -> BudgetLineInput:
    """``CODE:NAME:YUAN`` (the name may hold colons: the code is before the first, the
    amount after the last)."""
    code, sep, rest = text.partition(":")
    name, sep2, amount = rest.rpartition(":")
    if not (sep and sep2 and code and name and amount):
        raise argparse.ArgumentTypeError(f"{text!r} is not CODE:NAME:YUAN (like A1:活动费:3000)")
    try:
        return BudgetLineInput.model_validate({"code": code, "name": name, "amount": amount})
    except ValueError as e:  # pydantic's ValidationError is a ValueError
        raise argparse.ArgumentTypeError(f"{text!r}: {e}") from None


def _budget(args: argparse.Namespace) -> list[BudgetLineInput]:
    if (args.line is None) == (args.budget_json is None):
        raise UsageError("budget_lines_or_json")
    if args.line is not None:
        lines: list[BudgetLineInput] = args.line
        return lines
    text = read_text_file(args.budget_json, "budget")
    if len(text.encode("utf-8")) > BUDGET_FILE_BYTES_MAX:
        raise UsageError("budget_file_too_big", path=args.budget_json)
    try:
        raw = msgspec.json.decode(text, type=list[dict[str, Any]])
        return [BudgetLineInput.model_validate(item) for item in raw]
    except (msgspec.ValidationError, msgspec.DecodeError, ValueError) as e:
        raise UsageError("budget_file_not_lines", path=args.budget_json, detail=str(e)) from None


def _cmd_project(args: argparse.Namespace) -> int:
    with open_ledger(args) as ledger:
        report = ledger.project(args.id)
        print(json_text(report) if args.json else project_text(report))
    return EXIT_OK


def _cmd_projects(args: argparse.Namespace) -> int:
    with open_ledger(args) as ledger:
        reports = ledger.projects(station_ids=level_stations(ledger, args, None))
        if args.json:
            print(json_text(reports))
        elif not reports:
            print("没有项目 no projects")
        else:
            print("\n\n".join(project_text(r) for r in reports))
    return EXIT_OK


def _cmd_open(args: argparse.Namespace) -> int:
    lines = _budget(args)
    with open_ledger(args, write=True) as ledger:
        head = ledger.log_position()
        event = ledger.open_project(
            project_id=args.id,
            station_id=args.station,
            name=args.name,
            starts_on=args.from_day,
            ends_on=args.to_day,
            fund_ids=args.fund,
            lines=tuple(lines),
            actor=args.entered_by,
            occurred_on=business_date(args),
        )
        print(project_opened_text(event, repeated=ledger.log_position() == head))
    return EXIT_OK


def _cmd_amend(args: argparse.Namespace) -> int:
    with open_ledger(args, write=True) as ledger:
        head = ledger.log_position()
        event = ledger.amend_budget_line(
            project_id=args.id,
            amendment_id=args.amendment,
            line_code=args.line,
            amount=args.amount,
            reason=args.reason,
            actor=args.entered_by,
            occurred_on=business_date(args),
        )
        print(budget_line_amended_text(event, repeated=ledger.log_position() == head))
    return EXIT_OK


def _cmd_close(args: argparse.Namespace) -> int:
    with open_ledger(args, write=True) as ledger:
        head = ledger.log_position()
        event = ledger.close_project(
            project_id=args.id,
            reason=args.reason,
            actor=args.entered_by,
            occurred_on=business_date(args),
        )
        print(project_closed_text(event, repeated=ledger.log_position() == head))
    return EXIT_OK


def register(commands: Any, store_after: argparse.ArgumentParser) -> None:
    """Add the project commands to the ``sgz-ledger`` parser."""
    project = commands.add_parser(
        "project",
        parents=[store_after],
        help="print a project's budget against its spending, line by line (rules 40-42)",
        description="Print a project's budget lines (as opened, amended, now) against what is "
        "requested, approved and paid on each, what is left, its income, its volunteer "
        "service and the people it served. Exit 0 done, 2 no such project or bad input.",
    )
    project.add_argument("--id", type=text_arg, required=True, metavar="ID", help="the project")
    project.add_argument("--json", action="store_true", help=JSON_HELP)
    project.set_defaults(handler=_cmd_project)

    listing = commands.add_parser(
        "projects",
        parents=[store_after],
        help="print every project of a station (default: of every station)",
        description="Print each project as 'project' does, in the order opened.",
    )
    level_arguments(listing, "only the projects")
    listing.add_argument("--json", action="store_true", help=JSON_HELP)
    listing.set_defaults(handler=_cmd_projects)

    opening = commands.add_parser(
        "project-open",
        parents=[store_after],
        help="open a project with its period, funds and budget (rule 40)",
        description="Open a station's project: its period (both days included), the funds it "
        "draws on (--fund, repeated) and its budget (--line CODE:NAME:YUAN, repeated, or "
        "--budget-json FILE). Needs a writable store. Exit 0 done, 2 bad input.",
    )
    opening.add_argument("--id", type=text_arg, required=True, metavar="ID", help="its code")
    opening.add_argument("--station", type=text_arg, required=True, metavar="ID")
    opening.add_argument("--name", type=text_arg, required=True, metavar="TEXT")
    opening.add_argument(
        "--from", dest="from_day", type=date_arg, required=True, metavar="YYYY-MM-DD",
        help="the project's first day",
    )  # fmt: skip
    opening.add_argument(
        "--to", dest="to_day", type=date_arg, required=True, metavar="YYYY-MM-DD",
        help="its last day",
    )  # fmt: skip
    opening.add_argument(
        "--fund", type=text_arg, action="append", required=True, metavar="ID",
        help="a fund it draws on (repeatable)",
    )  # fmt: skip
    opening.add_argument(
        "--line", type=_line_arg, action="append", metavar="CODE:NAME:YUAN",
        help="a budget line (repeatable), like A1:活动费:3000",
    )  # fmt: skip
    opening.add_argument(
        "--budget-json", type=path_arg, metavar="FILE",
        help='the budget as JSON: [{"code": "A1", "name": "活动费", "amount": "3000"}, ...]',
    )  # fmt: skip
    who_and_when_arguments(opening)
    opening.set_defaults(handler=_cmd_open)

    amend = commands.add_parser(
        "project-amend",
        parents=[store_after],
        help="amend a budget line by an amendment of its own (rule 40)",
        description="Set a budget line's amount from now on, with the amendment's number and "
        "why; the line as opened and earlier amendments stay. Refused below what is committed "
        "on the line unless the station allows spending over budget. Exit 0 done, 2 refused.",
    )
    amend.add_argument("--id", type=text_arg, required=True, metavar="ID", help="the project")
    amend.add_argument("--amendment", type=text_arg, required=True, metavar="NO",
                       help="the amendment's number")  # fmt: skip
    amend.add_argument("--line", type=text_arg, required=True, metavar="CODE")
    amend.add_argument("--amount", type=text_arg, required=True, metavar="YUAN",
                       help="the line's new budget in yuan")  # fmt: skip
    amend.add_argument("--reason", type=text_arg, required=True, metavar="TEXT")
    who_and_when_arguments(amend)
    amend.set_defaults(handler=_cmd_amend)

    close = commands.add_parser(
        "project-close",
        parents=[store_after],
        help="close a project (结项): nothing new may name it",
        description="Close a project. Needs a writable store. Exit 0 done, 2 bad input.",
    )
    close.add_argument("--id", type=text_arg, required=True, metavar="ID", help="the project")
    close.add_argument("--reason", type=text_arg, required=True, metavar="TEXT")
    who_and_when_arguments(close)
    close.set_defaults(handler=_cmd_close)
