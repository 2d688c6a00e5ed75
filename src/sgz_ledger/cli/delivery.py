"""Service delivery commands: delivery (cases, groups, community activities, people served,
supervision and training, for a year)."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from sgz_ledger.cli.common import EXIT_OK, open_ledger, year_arg
from sgz_ledger.cli.levels import level_arguments, level_stations
from sgz_ledger.render.delivery import delivery_text
from sgz_ledger.render.layout import json_text

__all__ = ["register"]


def _cmd_delivery(args: argparse.Namespace) -> int:
    last = dt.date(args.year, 12, 31)
    with open_ledger(args) as ledger:
        report = ledger.delivery_report(
            date_from=dt.date(args.year, 1, 1),
            date_to=last,
            station_ids=level_stations(ledger, args, last),
        )
        print(json_text(report) if args.json else delivery_text(report))
    return EXIT_OK


def register(commands: Any, store_after: argparse.ArgumentParser) -> None:
    """Add the service delivery commands to the ``sgz-ledger`` parser."""
    delivery = commands.add_parser(
        "delivery",
        parents=[store_after],
        help="print a year's service delivery: cases, groups, community activities, people "
        "served, supervision",
        description="Print a year's service delivery (服务开展): cases opened, closed and open "
        "(个案), groups and their sessions and 人次 (小组), community activities and their "
        "attendance (社区活动), people served as 人次 and as distinct people the station "
        "identified, supervision and training of staff (督导 / 培训) with their hours, and "
        "人次 per project.",
    )
    delivery.add_argument("--year", type=year_arg, required=True, metavar="YYYY")
    level_arguments(delivery, "the service (default: every station)", repeat_station=True)
    delivery.add_argument("--json", action="store_true", help="print JSON (hours as text)")
    delivery.set_defaults(handler=_cmd_delivery)
