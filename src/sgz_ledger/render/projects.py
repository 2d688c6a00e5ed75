"""A project's report as text: the budget against spending line by line, in yuan."""

from __future__ import annotations

from collections.abc import Sequence

from sgz_ledger.domain.events import BudgetLineAmended, ProjectClosed, ProjectOpened
from sgz_ledger.domain.money import format_yuan
from sgz_ledger.render.layout import anchor_line, one_line, signed_yuan, table, yuan_cells
from sgz_ledger.reports.projects import ProjectReport

__all__ = [
    "budget_line_amended_text",
    "project_closed_text",
    "project_opened_text",
    "project_text",
    "projects_table",
]

_REPEATED = "（已记录，未重复记录 recorded before; nothing new was recorded）"


def project_text(report: ProjectReport) -> str:
    """The project's figures: its budget lines against what is requested, approved and
    paid, its amendments, income, spending and volunteer service (amounts in yuan)."""
    status = (
        f"已结项 closed {report.closed_on.isoformat()}"
        if report.closed_on is not None
        else "进行中 open"
    )
    lines = [
        f"项目 Project {report.project_id}  {one_line(report.name)}    站 station "
        f"{report.station_id}    {status}",
        f"期间 period: {report.starts_on.isoformat()} .. {report.ends_on.isoformat()}    "
        f"基金 funds: {', '.join(report.fund_ids)}    金额 amounts: 元 yuan",
        "",
    ]
    heads = (
        ("科目 line", "名称 name", "预算 budgeted", "调整 amended", "现预算 budget",
         "申请中 requested", "已批 approved", "已付 paid", "余额 remaining"),
    )  # fmt: skip
    rows: list[Sequence[str] | None] = [
        [
            line.code,
            one_line(line.name),
            *yuan_cells((line.budgeted_fen,)),
            signed_yuan(line.amended_fen),
            *yuan_cells(
                (
                    line.budget_fen,
                    line.requested_fen,
                    line.approved_fen,
                    line.paid_fen,
                    line.remaining_fen,
                )
            ),
        ]
        for line in report.lines
    ]
    rows.append(None)
    rows.append(
        [
            "合计 total",
            "",
            format_yuan(sum(line.budgeted_fen for line in report.lines)),
            signed_yuan(sum(line.amended_fen for line in report.lines)),
            *yuan_cells(
                (
                    report.budget_fen,
                    report.requested_fen,
                    report.approved_fen,
                    report.paid_fen,
                    report.remaining_fen,
                )
            ),
        ]
    )
    lines.append(table(heads, rows, "llrrrrrrr"))
    if report.amendments:
        lines += ["", "预算调整 amendments:"]
        for a in report.amendments:
            lines.append(
                f"  {a.occurred_on.isoformat()}  {a.amendment_id}  {a.line_code} -> "
                f"{format_yuan(a.amount_fen)} ({signed_yuan(a.delta_fen) or '0.00'})  "
                f"{one_line(a.actor)}: {one_line(a.reason)}"
            )
    lines += [
        "",
        f"收入 income: 现金 cash {format_yuan(report.income_cash_fen)}, 物资 in kind "
        f"{format_yuan(report.income_in_kind_fen)} ({report.gifts} 笔 gifts)",
        f"支出 spending (paid): {format_yuan(report.spending_fen)}",
        f"志愿服务 volunteer service: {report.person_times} 人次 person-times, "
        f"{report.volunteers} 人 volunteers, {report.service_hours} 小时 hours",
        f"服务对象 people served: {report.people_served_times} 人次, "
        f"{report.people_served_distinct} 人",
    ]
    if report.anchor is not None:
        lines += ["", anchor_line(report.anchor)]
    return "\n".join(lines)


def projects_table(reports: Sequence[ProjectReport]) -> str:
    """One line per project: its budget, committed, paid and remaining, its volunteer hours
    (the annual report's summary; ``sgz-ledger project`` gives a project line by line)."""
    heads = (
        ("项目 project", "名称 name", "期间 period", "预算 budget", "已承诺 committed",
         "已付 paid", "余额 remaining", "志愿时长 hours"),
    )  # fmt: skip
    rows: list[Sequence[str] | None] = [
        [
            r.project_id,
            one_line(r.name),
            f"{r.starts_on.isoformat()}..{r.ends_on.isoformat()}",
            *yuan_cells((r.budget_fen, r.committed_fen, r.paid_fen, r.remaining_fen)),
            str(r.service_hours),
        ]
        for r in reports
    ]
    return table(heads, rows, "lllrrrrr")


def project_opened_text(event: ProjectOpened, *, repeated: bool) -> str:
    """What ``project open`` recorded."""
    total = sum(line.amount_fen for line in event.lines)
    text = (
        f"项目立项 project opened: {event.project_id} {one_line(event.name)} (station "
        f"{event.station_id}, {event.starts_on.isoformat()} .. {event.ends_on.isoformat()}), "
        f"{len(event.lines)} 个科目 lines, 预算 budget {format_yuan(total)} 元"
    )
    return f"{text} {_REPEATED}" if repeated else text


def budget_line_amended_text(event: BudgetLineAmended, *, repeated: bool) -> str:
    """What ``project amend`` recorded."""
    text = (
        f"预算调整 budget line amended: {event.project_id} {event.line_code} -> "
        f"{format_yuan(event.amount_fen)} 元 ({signed_yuan(event.delta_fen) or '0.00'}), "
        f"{event.amendment_id}"
    )
    return f"{text} {_REPEATED}" if repeated else text


def project_closed_text(event: ProjectClosed, *, repeated: bool) -> str:
    """What ``project close`` recorded."""
    text = f"项目结项 project closed: {event.project_id} ({event.occurred_on.isoformat()})"
    return f"{text} {_REPEATED}" if repeated else text
