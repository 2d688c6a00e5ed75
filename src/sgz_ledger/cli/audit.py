"""Audit commands: trail (who did what, when and why, for a fund, a volunteer or an actor).

The table is for people (dates, UTC recording times to the second, labels, one-line
details, the reason); ``--json`` prints the entries themselves, money in integers of fen.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
from collections.abc import Sequence
from typing import Any

from sgz_ledger.audit.trail import TrailEntry, trail
from sgz_ledger.cli.common import EXIT_OK, JSON_HELP, UsageError, json_text, open_ledger, table
from sgz_ledger.domain.errors import NotFound

__all__ = ["register"]

_HEADS = (
    ("位置", "业务日期", "记录时间 (UTC)", "操作人", "事项", "说明", "原因"),
    ("position", "date", "recorded (UTC)", "actor", "what", "details", "why"),
)
_SUBJECT_HEAD = ("对象", "subject")
# C0 and C1 control characters and the line and paragraph separators.
_BREAKS = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]+")
_AGGREGATE_LABELS = {
    "fund": "基金 fund",
    "volunteer": "志愿者 volunteer",
    "activity": "活动 activity",
    "station": "站 station",
}


def _cell(text: str) -> str:
    """A name on one line of the table: control characters (line breaks, escapes) as spaces.

    The entries' summary and reason are one line already; an actor is kept as recorded
    (the trail matches it exactly), so the table flattens it here.
    """
    return _BREAKS.sub(" ", text).strip()


def _recorded(at: dt.datetime) -> str:
    return at.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S")


def _render(entries: Sequence[TrailEntry], title: str, store: str) -> str:
    """The trail as a table; a subject column when the entries are of several subjects.

    Why the extra column: an actor's trail crosses funds and volunteers, and a
    volunteer's shows the other member's side of a transfer; without it a row would
    not say whose event it is. A single fund's trail does not need it.
    """
    several = len({(e.aggregate, e.subject_id) for e in entries}) > 1
    heads: list[tuple[str, ...]] = [
        (*h[:3], s, *h[3:]) if several else h for h, s in zip(_HEADS, _SUBJECT_HEAD, strict=True)
    ]
    rows: list[list[str] | None] = []
    for e in entries:
        row = [str(e.position), e.occurred_on.isoformat(), _recorded(e.recorded_at)]
        if several:
            row.append(f"{_AGGREGATE_LABELS[e.aggregate]} {_cell(e.subject_id)}")
        row += [
            _cell(e.actor),
            f"{e.label_zh} {e.label_en}",
            e.summary,
            e.reason,
        ]
        rows.append(row)
    align = "rll" + ("l" if several else "") + "llll"
    header = (
        f"审计轨迹 Audit trail    {title}    {len(entries)} 条事件 events    "
        f"金额 amounts: 元 yuan\n存储 store: {store}"
    )
    return header + "\n\n" + table(heads, rows, align)


def _cmd_trail(args: argparse.Namespace) -> int:
    with open_ledger(args, create=False) as ledger:
        store = ledger.settings.describe()
        try:
            entries = trail(
                ledger, fund_id=args.fund, volunteer_id=args.volunteer, actor=args.actor
            )
        except NotFound as e:
            raise UsageError(f"no {e.kind} {e.key!r} in {store}") from None
    if args.json:
        print(json_text(entries))
        return EXIT_OK
    if args.fund is not None:
        title = f"基金 fund: {args.fund}"
    elif args.volunteer is not None:
        title = f"志愿者 volunteer: {args.volunteer}"
    else:
        title = f"操作人 actor: {args.actor}"
    if not entries:  # only an actor can have none: a fund or volunteer has its first event
        print(f"没有事件 No events by or naming actor {args.actor!r} in {store}.")
        return EXIT_OK
    print(_render(entries, title, store))
    return EXIT_OK


def register(commands: Any, store_after: argparse.ArgumentParser) -> None:
    """Add the audit commands to the ``sgz-ledger`` parser."""
    trail_ = commands.add_parser(
        "trail",
        parents=[store_after],
        help="print the audit trail of a fund, a volunteer or an actor: who did what, when, why",
        description="Every event of one fund, one volunteer or one actor, in the order the "
        "ledger recorded them: the log position, the business date, the recording time "
        "(UTC), who did it, what it was, its details and its reason. A volunteer's trail "
        "includes the other member's side of their time-bank transfers; an actor's "
        "includes the events naming them as approver, authoriser, signer or requester. "
        "Personal data is never printed. Exit 2 for an unknown fund or volunteer.",
    )
    selector = trail_.add_mutually_exclusive_group(required=True)
    selector.add_argument("--fund", metavar="ID", help="a fund's code")
    selector.add_argument("--volunteer", metavar="ID", help="a volunteer's code")
    selector.add_argument("--actor", metavar="NAME", help="a person's name or staff id")
    trail_.add_argument("--json", action="store_true", help=JSON_HELP)
    trail_.set_defaults(handler=_cmd_trail)
