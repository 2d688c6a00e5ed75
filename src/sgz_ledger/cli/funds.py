"""Fund commands: demo, balances, statement, disclosure, donors, goods, report.

Each prints the text ``sgz_ledger.render.funds`` makes of the ledger's answer, or the
answer as JSON with ``--json`` (money as integers of fen).
"""

from __future__ import annotations

import argparse
import sys
import warnings
from typing import Any

from sgz_ledger.cli.common import (
    EXIT_OK,
    JSON_HELP,
    UsageError,
    date_arg,
    open_ledger,
    period_arguments,
    text_arg,
    text_or_empty_arg,
    year_arg,
)
from sgz_ledger.cli.levels import level_arguments, level_scope
from sgz_ledger.demo import DEMO_STATION_ID, DEMO_YEAR, record_demo_year
from sgz_ledger.render.explain import annual_report_csv, explanation_text
from sgz_ledger.render.funds import (
    annual_report_text,
    balances_text,
    demo_text,
    disclosure_text,
    donors_text,
    goods_text,
    statement_text,
)
from sgz_ledger.render.layout import json_text
from sgz_ledger.storage.sealing import PersonalDataInClearWarning

__all__ = ["register"]


def _cmd_demo(args: argparse.Namespace) -> int:
    in_clear = getattr(args, "cipher_key_file", None) is None
    with open_ledger(args, create=True) as ledger, warnings.catch_warnings():
        # The demo's people are made up: its summary says once that their data is kept in
        # clear, in place of the warning a station's own store gets.
        warnings.simplefilter("ignore", PersonalDataInClearWarning)
        events_before = ledger.log_position()
        record_demo_year(ledger)
        events_recorded = ledger.log_position() - events_before
        funds = ledger.balances(station_id=DEMO_STATION_ID)
        store = ledger.settings.describe()
        # The year as the station reports it, then the balances it ends with.
        report = ledger.annual_report(DEMO_YEAR, station_id=DEMO_STATION_ID, goods=True)
        print(annual_report_text(report))
        print()
        print(
            demo_text(
                funds,
                store,
                year=DEMO_YEAR,
                events_recorded=events_recorded,
                personal_data_in_clear=in_clear,
            )
        )
    return EXIT_OK


def _cmd_balances(args: argparse.Namespace) -> int:
    with open_ledger(args) as ledger:
        # An unknown fund or station is NotFound (exit 2 with its message), never an
        # empty report.
        scope = level_scope(ledger, args)
        funds = ledger.balances(
            fund_id=args.fund,
            station_id=scope.station_id,
            unit_id=scope.unit_id,
            level=scope.level,
            as_of=args.as_of,
        )
        if args.json:
            document: dict[str, object] = {"funds": funds}
            if args.as_of is not None:
                document = {"as_of": args.as_of, **document}
            print(json_text(document))
        else:
            print(balances_text(funds, ledger.settings.describe(), args.as_of))
    return EXIT_OK


def _cmd_statement(args: argparse.Namespace) -> int:
    with open_ledger(args) as ledger:
        result = ledger.statement(args.fund, from_day=args.from_day, to_day=args.to_day)
        print(json_text(result) if args.json else statement_text(result))
    return EXIT_OK


def _cmd_disclosure(args: argparse.Namespace) -> int:
    with open_ledger(args) as ledger:
        # As the annual report: the text always lists goods in units; the JSON only with
        # --goods, so that its fields stay those software reading it always had.
        goods = args.goods or not args.json
        result = ledger.disclosure(
            args.fund, from_day=args.from_day, to_day=args.to_day, goods=goods
        )
        print(json_text(result) if args.json else disclosure_text(result))
    return EXIT_OK


def _cmd_donors(args: argparse.Namespace) -> int:
    with open_ledger(args) as ledger:
        scope = level_scope(ledger, args)
        result = ledger.donor_summary(
            fund_id=args.fund,
            station_id=scope.station_id,
            unit_id=scope.unit_id,
            level=scope.level,
            donor=args.donor,
        )
        if args.donor is not None and not result.donors:
            raise UsageError("no_gift_of_donor", donor=args.donor, store=ledger.settings.describe())
        print(json_text(result) if args.json else donors_text(result))
    return EXIT_OK


def _cmd_report(args: argparse.Namespace) -> int:
    fmt = "json" if args.json else (args.format or "text")
    if args.json and args.format not in (None, "json"):
        raise UsageError("json_and_format", format=args.format)
    if args.explain is not None and fmt == "csv":
        raise UsageError("explain_not_csv")
    with open_ledger(args) as ledger:
        scope = level_scope(ledger, args)
        if args.explain is not None:
            explanation = ledger.explain_figure(
                args.year,
                args.explain,
                station_id=scope.station_id,
                unit_id=scope.unit_id,
                level=scope.level,
            )
            print(json_text(explanation) if fmt == "json" else explanation_text(explanation))
            return EXIT_OK
        # The text and the CSV always list goods in units; the JSON only with --goods, so
        # that its fields stay those software reading it always had.
        goods = args.goods or fmt != "json"
        report = ledger.annual_report(
            args.year,
            station_id=scope.station_id,
            unit_id=scope.unit_id,
            level=scope.level,
            goods=goods,
        )
        if scope.station_id is not None and not (
            ledger.balances(station_id=scope.station_id)
            or report.registered_volunteers
            or report.person_times
            or report.other_activities
            or report.service_delivery
        ):
            raise UsageError(
                "nothing_for_station_year",
                station_id=scope.station_id,
                year=args.year,
                store=ledger.settings.describe(),
            )
        if fmt == "csv":
            sys.stdout.write(annual_report_csv(report))
        else:
            print(json_text(report) if fmt == "json" else annual_report_text(report))
    return EXIT_OK


def _cmd_goods(args: argparse.Namespace) -> int:
    if args.fund is not None and (args.station or args.district or args.community) is not None:
        raise UsageError("fund_or_station")
    with open_ledger(args) as ledger:
        scope = level_scope(ledger, args)
        result = ledger.goods_register(
            fund_id=args.fund,
            station_id=scope.station_id,
            unit_id=scope.unit_id,
            level=scope.level,
            from_day=args.from_day,
            to_day=args.to_day,
        )
        print(json_text(result) if args.json else goods_text(result))
    return EXIT_OK


def register(commands: Any, store_after: argparse.ArgumentParser) -> None:
    """Add the fund commands to the ``sgz-ledger`` parser."""
    demo = commands.add_parser(
        "demo",
        parents=[store_after],
        help="record a demo station's year (2024) and print its annual report and balances",
        description="Record the demo station's 2024 into the store: four community funds, "
        "gifts in cash and in goods, payments, a project, volunteers and teams, case, group "
        "and community work, the time bank and a certificate (again: records nothing new). "
        "Then print the year's annual report and the balances.",
    )
    demo.set_defaults(handler=_cmd_demo)

    balances = commands.add_parser(
        "balances",
        parents=[store_after],
        help="print the balance of every fund",
        description="Print each fund's cash per restriction, and goods in stock.",
    )
    balances.add_argument(
        "--fund", type=text_arg, metavar="ID", help="only the fund with this code"
    )
    level_arguments(balances, "only the funds")
    balances.add_argument(
        "--as-of",
        type=date_arg,
        metavar="YYYY-MM-DD",
        help="the cash at the end of that business day (goods are not shown)",
    )
    balances.add_argument("--json", action="store_true", help=JSON_HELP)
    balances.set_defaults(handler=_cmd_balances)

    statement = commands.add_parser(
        "statement",
        parents=[store_after],
        help="print a fund's statement: every entry, with a running cash balance",
        description="Print a fund's entries in date order with the cash balance after each, "
        "from the balance at the end of the day before --from.",
    )
    statement.add_argument(
        "--fund", type=text_arg, required=True, metavar="ID", help="the fund's code"
    )
    period_arguments(
        statement,
        required=False,
        first="first business day (default: the fund's first entry)",
        last="last business day (default: the last entry)",
    )
    statement.add_argument("--json", action="store_true", help=JSON_HELP)
    statement.set_defaults(handler=_cmd_statement)

    disclosure = commands.add_parser(
        "disclosure",
        parents=[store_after],
        help="print a fund's disclosure (信息公开) for a period",
        description="Print what rule 12 discloses for a period: income by kind and "
        "restriction, spending by purpose, refunds, balances at both ends, goods, and every "
        "correction as a note with its reason and who made it.",
    )
    disclosure.add_argument(
        "--fund", type=text_arg, required=True, metavar="ID", help="the fund's code"
    )
    period_arguments(
        disclosure,
        required=True,
        first="first business day of the period",
        last="last business day of the period",
    )
    disclosure.add_argument("--json", action="store_true", help=JSON_HELP)
    disclosure.add_argument(
        "--goods",
        action="store_true",
        help="with --json: also the goods in units and value (goods_units; the text always "
        "lists them)",
    )
    disclosure.set_defaults(handler=_cmd_disclosure)

    donors = commands.add_parser(
        "donors",
        parents=[store_after],
        help="print what each donor gave and how the purposes they gave to were used",
        description="Per donor (anonymous gifts together): gifts, refunds, reversals, and for "
        "each fund purpose they gave to, what it received and every payment from it "
        "(慈善法 Art.42).",
    )
    donors.add_argument("--fund", type=text_arg, metavar="ID", help="only gifts to this fund")
    level_arguments(donors, "only gifts to the funds")
    donors.add_argument(
        "--donor", type=text_or_empty_arg, metavar="NAME", help='only this donor ("": anonymous)'
    )
    donors.add_argument("--json", action="store_true", help=JSON_HELP)
    donors.set_defaults(handler=_cmd_donors)

    goods = commands.add_parser(
        "goods",
        parents=[store_after],
        help="print the goods register (物资台账): goods in units per fund, item and unit",
        description="Per fund, purpose, item and unit: goods received, reversed, handed out "
        "and sold in the period, and in stock at its start and end, in units, with their "
        "booked value. Without --from/--to: all time.",
    )
    goods.add_argument("--fund", type=text_arg, metavar="ID", help="only this fund")
    level_arguments(goods, "only the funds")
    period_arguments(
        goods,
        required=False,
        first="first business day (default: from the start)",
        last="last business day (default: today's stock)",
    )
    goods.add_argument("--json", action="store_true", help=JSON_HELP)
    goods.set_defaults(handler=_cmd_goods)

    report = commands.add_parser(
        "report",
        parents=[store_after],
        help="print the annual report's figures (volunteers and funds) for a year",
        description="Print a year's figures as station reports quote them: volunteer "
        "activities, person-times, volunteers, hours; funds, donations in cash and in kind, "
        "spending, refunds, balances at the year's end. Without --district, --station or "
        "--community: all stations. A level covers its units as the register of levels "
        "places them on 31 December of the year.",
    )
    report.add_argument("--year", required=True, type=year_arg, metavar="YYYY", help="the year")
    level_arguments(report, "the figures (default: all stations)")
    report.add_argument("--json", action="store_true", help=JSON_HELP + " (--format json)")
    report.add_argument(
        "--format",
        choices=("text", "json", "csv"),
        default=None,
        help="text (default), json, or csv: one row per figure (section, figure, "
        "label_zh, label_en, value, unit; UTF-8 with a BOM, yuan with 2 decimals)",
    )
    report.add_argument(
        "--explain",
        metavar="FIGURE",
        type=text_arg,
        default=None,
        help="print the events behind one figure (a CSV row's section.figure, e.g. "
        "volunteers.person_times): log position, type, date, code, contribution, total",
    )
    report.add_argument(
        "--goods",
        action="store_true",
        help="with --json, add the year's goods in units (the text always lists them)",
    )
    report.set_defaults(handler=_cmd_report)
