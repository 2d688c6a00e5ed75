"""A station's publications and closed periods: ``publish`` and ``close-period``.

Both record an event, so both open the store for writing (reports open it read-only):
a store that cannot be written (a write-protected copy, a read-only role) is refused with
a sentence, exit 2.
"""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Iterator
from typing import Any

from sgz_ledger.cli.common import (
    EXIT_OK,
    UsageError,
    business_date,
    open_ledger,
    period_arguments,
    text_arg,
    who_and_when_arguments,
)
from sgz_ledger.domain.errors import CipherKeyError, StoreError
from sgz_ledger.domain.events import ReportKind
from sgz_ledger.ledger import Ledger
from sgz_ledger.render.periods import period_closed_text, report_published_text

__all__ = ["register"]

_KINDS: dict[str, ReportKind] = {"disclosure": "disclosure", "annual-report": "annual_report"}


@contextlib.contextmanager
def _writable(args: argparse.Namespace, what: str) -> Iterator[Ledger]:
    """The ledger opened for writing; a store that cannot be written is a sentence."""
    with contextlib.ExitStack() as stack:
        try:
            ledger = stack.enter_context(open_ledger(args, write=True))
        except CipherKeyError:
            raise
        except StoreError as e:
            raise UsageError("period_needs_writable", what=what, error=e) from None
        yield ledger


def _cmd_publish(args: argparse.Namespace) -> int:
    with _writable(args, "publish") as ledger:
        anchor = args.anchor
        if anchor is None:
            current = ledger.anchor()
            if current is None:
                raise UsageError("nothing_to_publish", store=ledger.settings.describe())
            anchor = str(current)
        head = ledger.log_position()
        event = ledger.publish_report(
            station_id=args.station,
            kind=_KINDS[args.kind],
            period_from=args.from_day,
            period_to=args.to_day,
            anchor=anchor,
            note=args.note or "",
            actor=args.entered_by,
            occurred_on=business_date(args),
        )
        print(report_published_text(event, repeated=ledger.log_position() == head))
    return EXIT_OK


def _cmd_close_period(args: argparse.Namespace) -> int:
    with _writable(args, "close-period") as ledger:
        ledger.require_station(args.station)
        head = ledger.log_position()
        event = ledger.close_period(
            station_id=args.station,
            period_from=args.from_day,
            period_to=args.to_day,
            reason=args.reason,
            actor=args.entered_by,
            occurred_on=business_date(args),
        )
        print(period_closed_text(event, repeated=ledger.log_position() == head))
    return EXIT_OK


def register(commands: Any, store_after: argparse.ArgumentParser) -> None:
    """Add ``publish`` and ``close-period`` to the ``sgz-ledger`` parser."""
    publish = commands.add_parser(
        "publish",
        parents=[store_after],
        help="record that a station published a disclosure or an annual report (rule 32)",
        description="Record the publication of a report with the anchor printed on it "
        "(default: the anchor of the store now, as a report made now prints it). Corrections "
        "into closed periods recorded up to that anchor are then listed as published. Needs "
        "a writable store. Exit 0 done, 2 bad input or a store that cannot be written.",
    )
    publish.add_argument("--station", type=text_arg, required=True, metavar="ID")
    publish.add_argument("--kind", required=True, choices=sorted(_KINDS))
    period_arguments(
        publish, required=True, first="first day the report covers", last="last day it covers"
    )
    publish.add_argument(
        "--anchor", type=text_arg, metavar="ANCHOR", help="the anchor printed on the report"
    )
    publish.add_argument("--note", type=text_arg, metavar="TEXT", help="where it was published")
    who_and_when_arguments(publish)
    publish.set_defaults(handler=_cmd_publish)

    close = commands.add_parser(
        "close-period",
        parents=[store_after],
        help="close a station's period (rule 33): later commands dated in it need a "
        "correction note",
        description="Close a month, a quarter, a year or any span of a station, recording "
        "the anchor of the store now (the history its published figures come from). From "
        "then on a command dated in the period is refused unless it carries a correction "
        "note, and each one so recorded is listed as 更正说明 in the station's next disclosure "
        "and annual report. Exit 0 done, 2 bad input or a store that cannot be written.",
    )
    close.add_argument("--station", type=text_arg, required=True, metavar="ID")
    period_arguments(close, required=True, first="first day of the period", last="last day")
    close.add_argument("--reason", required=True, metavar="TEXT", help="why it is closed")
    who_and_when_arguments(close)
    close.set_defaults(handler=_cmd_close_period)
