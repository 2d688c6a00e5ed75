"""Audit texts for people: the trail, the chain's verification, the replay audit, exports.

Each function takes what ``audit`` (or the ledger's ``verify`` and ``rebuild_views``)
answered and returns the text the command line prints; ``--json`` prints the answers
themselves.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from sgz_ledger.audit.export import ExportSummary
from sgz_ledger.audit.replay import DIFFERENCES_PER_TABLE_MAX, AuditReport
from sgz_ledger.audit.trail import TrailEntry
from sgz_ledger.render.layout import one_line, table
from sgz_ledger.storage.chain import VerifyReport

__all__ = [
    "audit_text",
    "export_text",
    "rebuild_text",
    "trail_text",
    "verify_text",
]

# ---- the trail ----------------------------------------------------------------------------

_HEADS = (
    ("位置", "业务日期", "记录时间 (UTC)", "操作人", "事项", "说明", "原因"),
    ("position", "date", "recorded (UTC)", "actor", "what", "details", "why"),
)
_SUBJECT_HEAD = ("对象", "subject")
_AGGREGATE_LABELS = {
    "fund": "基金 fund",
    "volunteer": "志愿者 volunteer",
    "activity": "活动 activity",
    "station": "站 station",
    "donor": "个人捐赠人 individual donor",
    "level": "层级 level unit",
    "project": "项目 project",
    "team": "服务队 team",
}


def _recorded(at: dt.datetime) -> str:
    return at.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S")


def _trail_table(entries: Sequence[TrailEntry], title: str, store: str) -> str:
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
            row.append(f"{_AGGREGATE_LABELS[e.aggregate]} {one_line(e.subject_id)}")
        row += [
            one_line(e.actor),
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


def trail_text(
    entries: Sequence[TrailEntry],
    store: str,
    *,
    fund_id: str | None = None,
    volunteer_id: str | None = None,
    actor: str | None = None,
) -> str:
    """The trail of the fund, volunteer or actor it was asked for, as a table."""
    if fund_id is not None:
        title = f"基金 fund: {fund_id}"
    elif volunteer_id is not None:
        title = f"志愿者 volunteer: {volunteer_id}"
    else:
        title = f"操作人 actor: {actor}"
    if not entries:  # only an actor can have none: a fund or volunteer has its first event
        return f"没有事件 No events by or naming actor {actor!r} in {store}."
    return _trail_table(entries, title, store)


# ---- verify: the hash chain ---------------------------------------------------------------


def verify_text(r: VerifyReport, store: str) -> str:
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


# ---- audit: replay against the views ---------------------------------------------------


def audit_text(r: AuditReport, store: str) -> str:
    """What ``audit`` found, for people: the views compared, and every difference."""
    when = f"{r.as_of.isoformat()} 日终 end of day" if r.as_of else "现在 now"
    lines = [
        f"重放核对 Replay audit    截至 as of: {when}    视图位置 views at log position: "
        f"{r.position:,}",
        f"存储 store: {store}",
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
        # Behind the log, only the first events were compared: the result says how far.
        upto = (
            f" up to position {r.position:,} of {r.log_position:,} (截至第 {r.position:,} 个)"
            if r.lag
            else ""
        )
        lines.append(
            f"  结果 result: 相符 the views follow from the events{upto}: no difference "
            "(every view table, row by row; balances, restrictions, goods; service hours and "
            "person-times per station)"
        )
        return "\n".join(lines)
    found = len(r.differences) + r.omitted
    lines.append(f"  结果 result: 不符 {found:,} DIFFERENCE(S) between the events and the views")
    tables = sorted({one_line(d.table) for d in r.differences if d.table})
    if tables:
        lines.append(f"  视图表 view tables: {', '.join(tables)}")
    if any(d.table == "view_versions" and d.column == "version" for d in r.differences):
        lines.append(
            "  说明 why: the views say a version of sgz-ledger later than this one made them: "
            "audit with that version, or `sgz-ledger rebuild` to fold them again"
        )
    # A forged cell may hold anything, control characters too: each cell on one line.
    rows: list[list[str] | None] = [
        [one_line(d.subject), one_line(d.figure), one_line(str(d.replayed)), one_line(str(d.view))]
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


def rebuild_text(*, events: int, position: int, seconds: float, store: str) -> str:
    """What ``rebuild`` did, in one line."""
    return (
        f"视图已重建 Views rebuilt from {events:,} events up to log position {position:,} "
        f"in {seconds:.1f} s    存储 store: {store}"
    )


# ---- exports ------------------------------------------------------------------------------


def export_text(summary: ExportSummary, path: Path) -> str:
    """What ``export -o FILE`` wrote, in one line."""
    if summary.format == "csv":
        what = f"{summary.events} fund entries"
    elif summary.format == "jsonl":
        what = f"{summary.events} events"
    else:
        what = f"{summary.transactions} transactions from {summary.events} fund events"
    chain = ""
    if summary.last_digest:
        state = "verified" if summary.verified else "not verified (keyed chain, no key)"
        chain = f"; chain {state}, head {summary.last_position}:{summary.last_digest}"
    return f"exported {what} ({summary.format}) to {path}{chain}"
