"""Audit commands: verify (the hash chain), audit (replay against the views), trail.

``verify`` and ``audit`` exit 1 when they find something (a broken chain, a figure
that does not follow from the events), 0 when all is well, 2 for bad usage. Long
work draws a progress bar on a terminal. The trail table is for people (dates, UTC
recording times to the second, labels, one-line details, the reason); ``--json``
prints the entries themselves, money in integers of fen.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import time
from collections.abc import Sequence
from typing import Any

from sgz_ledger.audit.publication import read_anchor_file
from sgz_ledger.audit.replay import DIFFERENCES_PER_TABLE_MAX, AuditReport, audit
from sgz_ledger.audit.trail import TrailEntry, trail
from sgz_ledger.cli.common import (
    EXIT_FINDING,
    EXIT_OK,
    JSON_HELP,
    UsageError,
    anchor_argument,
    date_arg,
    json_text,
    open_ledger,
    read_text_file,
    table,
    text_arg,
)
from sgz_ledger.cli.progress import Progress
from sgz_ledger.domain.errors import InvalidInput, NotFound
from sgz_ledger.ledger import Ledger
from sgz_ledger.storage.chain import Anchor, VerifyReport

__all__ = ["register", "render_verify"]

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
    "donor": "个人捐赠人 individual donor",
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
    with open_ledger(args) as ledger:
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


# ---- verify: the hash chain ---------------------------------------------------------------


def render_verify(r: VerifyReport, store: str) -> str:
    """A verification report for people (also printed by ``upgrade``)."""
    lines = [f"哈希链校验 Hash chain verification    存储 store: {store}"]
    lines.append(f"  算法 algorithm: {r.algorithm or '(none)'}")
    lines.append(f"  已核对事件 events verified: {r.events:,}")
    if r.ok:
        lines.append("  结果 result: 完好 intact: every event is there, in order, unaltered")
    else:
        assert r.first_break is not None
        b = r.first_break
        if b.position == 0:  # about the store's chain itself, before any row
            lines.append(f"  结果 result: 发现问题 NOT VERIFIED: the chain's metadata ({b.kind})")
        else:
            lines.append(f"  结果 result: 发现问题 BROKEN at position {b.position} ({b.kind})")
        lines.append(f"  说明 why: {b.message}")
    for anchor in r.anchors:
        lines.append(f"  锚点相符 anchor matched: {anchor}")
    if r.chained_late_upto:
        lines.append(
            f"  注意 note: positions 1..{r.chained_late_upto} were chained when this store was "
            "first opened by a version with the hash chain, not as they were written: only "
            "an anchor published earlier proves them"
        )
    if r.head is not None:
        what = "链头锚点 head anchor" if r.ok else "最后完好锚点 last good anchor"
        lines.append(f"  {what}: {r.head}")
        if r.ok:
            lines.append("  (公布此锚点, 以后可核对本账本的延续 publish it to check later copies)")
    return "\n".join(lines)


def _published_anchors(args: argparse.Namespace) -> list[Anchor]:
    """The anchors given on the command line and in signed anchor files."""
    anchors: list[Anchor] = list(args.anchor or ())
    if args.anchor_file and args.public_key_file is None:
        raise UsageError(
            "--anchor-file needs --public-key-file: the station's public key, from somewhere "
            "you trust (never from the anchor file itself)"
        )
    for path in args.anchor_file or ():
        text = read_text_file(path, "anchor")
        public = read_text_file(args.public_key_file, "public key")
        try:
            anchors.append(read_anchor_file(text, public).anchor)
        except InvalidInput as e:
            raise UsageError(f"{path}: {e}") from None
    return anchors


def _cmd_verify(args: argparse.Namespace) -> int:
    anchors = _published_anchors(args)
    with open_ledger(args) as ledger:
        with Progress("校验 verify", ledger.log_position()) as progress:
            report = ledger.verify(anchors=anchors, progress=progress.update)
        print(json_text(report) if args.json else render_verify(report, ledger.settings.describe()))
    return EXIT_OK if report.ok else EXIT_FINDING


# ---- audit: replay against the views ---------------------------------------------------


def _render_audit(r: AuditReport, ledger: Ledger) -> str:
    when = f"{r.as_of.isoformat()} 日终 end of day" if r.as_of else "现在 now"
    lines = [
        f"重放核对 Replay audit    截至 as of: {when}    视图位置 views at log position: "
        f"{r.position:,}",
        f"存储 store: {ledger.settings.describe()}",
        f"  核对视图表 view tables compared: {r.tables}, {r.rows:,} 行 rows    "
        f"核对基金 funds compared: {r.funds}    核对站点志愿服务 stations compared: {r.stations}",
    ]
    if r.lag:
        lines.append(
            f"  注意 note: 视图落后日志 {r.lag:,} 个位置 the views are {r.lag:,} positions behind "
            f"the log (at {r.position:,} of {r.log_position:,}): compared where they are; the "
            "next query by a writer (or `rebuild`) brings them up to date"
        )
    if r.views_version:
        lines.append(
            f"  注意 note: 视图由早期版本生成 the store's views were made by an earlier version of "
            f"sgz-ledger (fold version {r.views_version}): not compared; this version's reports "
            "fold the events themselves, and `sgz-ledger upgrade` (or `rebuild`) remakes the views"
        )
    if r.ok:
        lines.append(
            "  结果 result: 相符 the views follow from the events: no difference "
            "(every view table, row by row; balances, restrictions, goods; service hours and "
            "person-times per station)"
        )
        return "\n".join(lines)
    found = len(r.differences) + r.omitted
    lines.append(f"  结果 result: 不符 {found:,} DIFFERENCE(S) between the events and the views")
    tables = sorted({_cell(d.table) for d in r.differences if d.table})
    if tables:
        lines.append(f"  视图表 view tables: {', '.join(tables)}")
    if any(d.table == "view_versions" and d.column == "version" for d in r.differences):
        lines.append(
            "  说明 why: the views say a version of sgz-ledger later than this one made them: "
            "audit with that version, or `sgz-ledger rebuild` to fold them again"
        )
    # A forged cell may hold anything, control characters too: each cell on one line.
    rows: list[list[str] | None] = [
        [_cell(d.subject), _cell(d.figure), _cell(str(d.replayed)), _cell(str(d.view))]
        for d in r.differences
    ]
    heads = (
        ("对象", "数字/列", "事件重放", "视图"),
        ("subject", "figure/column", "replayed", "view"),
    )
    lines.append(table(heads, rows, "llrr"))
    if r.omitted:
        lines.append(
            f"  另有 and {r.omitted:,} more, not listed "
            f"(at most {DIFFERENCES_PER_TABLE_MAX:,} are listed a table)"
        )
    return "\n".join(lines)


def _cmd_audit(args: argparse.Namespace) -> int:
    with open_ledger(args) as ledger:
        report = audit(ledger, as_of=args.as_of)
        print(json_text(report) if args.json else _render_audit(report, ledger))
    return EXIT_OK if report.ok else EXIT_FINDING


# ---- rebuild: the views from the events ---------------------------------------------------


def _cmd_rebuild(args: argparse.Namespace) -> int:
    with open_ledger(args, write=True) as ledger:
        head = ledger.log_position()
        started = time.monotonic()
        with Progress("重建 rebuild", head) as progress:
            position = ledger.rebuild_views(progress=progress.update)
        seconds = time.monotonic() - started
        report = {"position": position, "events": head, "seconds": round(seconds, 3)}
        if args.json:
            print(json_text(report))
        else:
            print(
                f"视图已重建 Views rebuilt from {head:,} events up to log position {position:,} "
                f"in {seconds:.1f} s    存储 store: {ledger.settings.describe()}"
            )
    return EXIT_OK


def register(commands: Any, store_after: argparse.ArgumentParser) -> None:
    """Add the audit commands to the ``sgz-ledger`` parser."""
    verify = commands.add_parser(
        "verify",
        parents=[store_after],
        help="check the hash chain: every event there, in order, unaltered (exit 1 if not)",
        description="Recompute every event's digest from the raw stored rows and report the "
        "first position where the chain breaks (a changed byte, a deleted, inserted or swapped "
        "row, events without a digest). The chain's metadata is checked first: a keyed chain "
        "verified without its key, a key given to a chain that says it is unkeyed, an unknown "
        "algorithm are findings. With --anchor or --anchor-file (printed on reports, published "
        "by the station), also prove that this store extends exactly that published history "
        "with the algorithm it pinned: a cut-off tail, or a chain recomputed over forged "
        "events, is found only this way. Reads only: it never writes to the store. Prints "
        "the head anchor to publish. Exit 0 intact, 1 a finding, 2 bad usage.",
    )
    anchor_argument(verify)
    verify.add_argument(
        "--anchor-file",
        action="append",
        metavar="FILE",
        help="a signed anchor file (sgz-ledger anchor --sign-key-file); needs --public-key-file",
    )
    verify.add_argument(
        "--public-key-file",
        metavar="FILE",
        help="the station's public signing key (PEM), from a source you trust",
    )
    verify.add_argument("--json", action="store_true", help="print the report as JSON")
    verify.set_defaults(handler=_cmd_verify)

    audit_ = commands.add_parser(
        "audit",
        parents=[store_after],
        help="replay the raw events and compare them with the views (exit 1 on a difference)",
        description="Fold the stored events again into a private in-memory copy of the "
        "views, up to the persisted views' own position, and compare every view table with "
        "it row by row and column by column (and the views' position and version); and, as "
        "of a business date (or now), every fund's and restriction's cash figures (now also "
        "goods and in-kind values) and each station's volunteer service hours and "
        "person-times. Writes nothing: views behind the log are compared where they are and "
        "the lag is reported. Lists every difference. Exit 0 none, 1 differences, 2 bad usage.",
    )
    audit_.add_argument(
        "--as-of", type=date_arg, metavar="YYYY-MM-DD", help="the end of that business day"
    )
    audit_.add_argument("--json", action="store_true", help=JSON_HELP)
    audit_.set_defaults(handler=_cmd_audit)

    rebuild = commands.add_parser(
        "rebuild",
        parents=[store_after],
        help="drop the views (balances, statements, indexes) and fold them again from the events",
        description="Drop the persisted fund views and fold them again from the whole event "
        "log, in batches, each with its position, so an interrupted rebuild resumes. For use "
        "after `audit` found a view edited by hand. The events are not touched.",
    )
    rebuild.add_argument("--json", action="store_true", help="print the result as JSON")
    rebuild.set_defaults(handler=_cmd_rebuild)

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
    selector.add_argument("--fund", type=text_arg, metavar="ID", help="a fund's code")
    selector.add_argument("--volunteer", type=text_arg, metavar="ID", help="a volunteer's code")
    selector.add_argument(
        "--actor", type=text_arg, metavar="NAME", help="a person's name or staff id"
    )
    trail_.add_argument("--json", action="store_true", help=JSON_HELP)
    trail_.set_defaults(handler=_cmd_trail)
