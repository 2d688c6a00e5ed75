"""Import texts for people: what a sheet recorded, or why it was refused.

Each function takes what ``sheets.import_sheet`` answered (its ``ImportSummary``, or
the ``SheetRefused`` it raised) and returns the text the command line prints.
"""

from __future__ import annotations

from sgz_ledger.domain.money import format_yuan
from sgz_ledger.render.layout import display_width, pad
from sgz_ledger.sheets.common import ImportSummary, SheetRefused

__all__ = ["import_text", "refused_text"]

# What the summary prints for each kind of sheet: (label, ImportSummary field). Fields
# ending in ``_fen`` are money, printed in yuan.
_COUNTS: dict[str, tuple[tuple[str, str], ...]] = {
    "volunteer_roster": (
        ("新注册志愿者 volunteers registered", "volunteers_registered"),
        ("加入服务队 team joins", "team_joins"),
    ),
    "service_records": (
        ("新活动 activities published", "activities_published"),
        ("新服务记录 records recorded", "records_recorded"),
        ("审核通过 records approved", "records_approved"),
    ),
    "funds": (("新设立基金 funds opened", "funds_opened"),),
    "donations": (
        ("新登记捐赠 donations recorded", "donations_recorded"),
        ("现金 cash received (元)", "cash_received_fen"),
        ("物资价值 in-kind value (元)", "in_kind_value_fen"),
    ),
    "disbursements": (
        ("新申请 requests recorded", "disbursements_requested"),
        ("审批完成 requests approved", "disbursements_approved"),
        ("公示 requests publicized", "disbursements_publicized"),
        ("已支付 requests paid", "disbursements_paid"),
        ("支付金额 paid (元)", "paid_fen"),
    ),
    "cases": (("新建档 cases opened", "cases_opened"), ("结案 cases closed", "cases_closed")),
    "case_sessions": (("新服务记录 sessions recorded", "sessions_recorded"),),
    "group_sessions": (
        ("新小组 groups set up", "groups_created"),
        ("新活动节次 sessions recorded", "sessions_recorded"),
    ),
    "community_sessions": (
        ("新社区活动 activities set up", "groups_created"),
        ("新活动场次 sessions recorded", "sessions_recorded"),
    ),
    "supervision": (("新督导培训记录 records recorded", "supervision_recorded"),),
    "timebank": (
        ("存入 deposits", "bank_deposits"),
        ("兑换 redemptions", "bank_redemptions"),
        ("转赠 transfers", "bank_transfers"),
        ("物资发放 goods handed out", "goods_distributions"),
    ),
    "goods_distributions": (("物资发放 goods handed out", "goods_distributions"),),
    "projects": (
        ("新立项 projects opened", "projects_opened"),
        ("预算科目 budget lines", "budget_lines"),
    ),
    "levels": (("新登记单位 units registered", "units_registered"),),
    "teams": (
        ("新成立服务队 teams formed", "teams_formed"),
        ("加入服务队 members added", "team_joins"),
        ("任命队长 leaders named", "team_leaders_named"),
    ),
}


def import_text(summary: ImportSummary, store: str) -> str:
    """What an import recorded: rows, what is new, what was there already, events."""
    counts: list[tuple[str, str]] = [("行 rows", str(summary.rows))]
    for label, name in _COUNTS.get(summary.kind, ()):
        count: int = getattr(summary, name)
        counts.append((label, format_yuan(count) if name.endswith("_fen") else str(count)))
    counts += [
        ("已存在 already present", str(summary.already_present)),
        ("记录事件 events recorded", str(summary.events_recorded)),
    ]
    lines = [f"导入 Imported {summary.source}: {summary.title} ({summary.encoding})"]
    label_width = max(display_width(label) for label, _ in counts)
    value_width = max(6, *(len(value) for _, value in counts))
    lines += [
        f"  {pad(label, label_width, 'l')}  {value:>{value_width}}" for label, value in counts
    ]
    lines.append(f"存储 store: {store}")
    return "\n".join(lines)


def refused_text(refusal: SheetRefused, prog: str) -> str:
    """Why a sheet was refused: every bad line, each with its problems (for stderr), in the
    language of the setting."""
    return f"{prog}: error: {refusal}"
