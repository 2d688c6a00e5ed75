"""Fund texts for people: balances, a statement, a disclosure, donors, the annual report.

Each function takes a report's answer (``reports``) and returns the text the command
line prints: Chinese and English labels, amounts in yuan with 2 decimals, tables
aligned for CJK text in a terminal. ``--json`` prints the answers themselves instead
(``layout.json_text``), money in integers of fen.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Protocol

import msgspec

from sgz_ledger.domain.messages import term
from sgz_ledger.domain.money import format_yuan
from sgz_ledger.render.delivery import delivery_rows
from sgz_ledger.render.layout import (
    UNRESTRICTED_LABEL,
    anchor_line,
    restriction_label,
    signed_yuan,
    table,
    yuan_cells,
)
from sgz_ledger.render.levels import unit_scope_text
from sgz_ledger.render.periods import closed_period_corrections_text
from sgz_ledger.render.projects import projects_table
from sgz_ledger.render.recognition import recognition_lines
from sgz_ledger.reports.annual import AnnualReport
from sgz_ledger.reports.balances import FundBalance
from sgz_ledger.reports.funds import (
    ENTRY_KIND_LABELS,
    Disclosure,
    DonorSummary,
    FundInfo,
    RestrictionFlow,
    Statement,
    StatementLine,
)
from sgz_ledger.reports.goods import GoodsLineRow, GoodsRegister

__all__ = [
    "annual_report_text",
    "balances_text",
    "demo_text",
    "disclosure_text",
    "donors_text",
    "goods_text",
    "goods_units_text",
    "statement_text",
]


# ---- the balance table -----------------------------------------------------------------

_CASH_HEADS = (
    ("基金", "社区", "限定用途", "余额", "已预留", "可用", "累计收到", "退款", "已支付"),
    ("fund", "community", "restriction", "total", "reserved", "available", "received",
     "refunded", "paid"),
)  # fmt: skip
_GOODS_HEADS = (
    ("基金", "社区", "物资", "库存", "限定用途", "库存价值"),
    ("fund", "community", "item", "in stock", "restriction", "value held"),
)


class _CashRow(Protocol):
    """The six cash figures a fund's row and each restriction's row both carry."""

    @property
    def total_fen(self) -> int: ...
    @property
    def reserved_fen(self) -> int: ...
    @property
    def available_fen(self) -> int: ...
    @property
    def received_fen(self) -> int: ...
    @property
    def refunded_fen(self) -> int: ...
    @property
    def paid_fen(self) -> int: ...


def _amounts(row: _CashRow) -> tuple[int, int, int, int, int, int]:
    """The cash figures in the table's column order."""
    return (
        row.total_fen,
        row.reserved_fen,
        row.available_fen,
        row.received_fen,
        row.refunded_fen,
        row.paid_fen,
    )


def _fund_label(fund: FundBalance) -> str:
    return f"{fund.fund_id} (已关闭 closed)" if fund.closed else fund.fund_id


def balances_text(funds: Sequence[FundBalance], store: str, as_of: dt.date | None = None) -> str:
    """The balance tables for station staff: cash per fund and restriction, then goods.

    With ``as_of`` the cash at the end of that day only: goods are not indexed by date.
    """
    if not funds:
        if as_of is not None:
            return (
                f"{as_of.isoformat()} 日终尚无基金 No funds yet at the end of {as_of} in {store}."
            )
        return f"还没有基金 No funds yet in {store}."
    stations = ", ".join(sorted({f.station_id for f in funds}))
    when = ""
    if as_of is not None:
        when = f"    截至 as of {as_of.isoformat()} 日终 end of day (仅现金 cash only)"
    out = [
        f"社区基金余额 Fund balances    站 station: {stations}    金额 amounts: 元 yuan{when}\n"
        f"存储 store: {store}"
    ]

    rows: list[list[str] | None] = []
    for fund in funds:
        label, community = _fund_label(fund), fund.community
        if not fund.restrictions:  # opened, no cash yet: still a line of its own
            rows.append([label, community, "-", *yuan_cells(_amounts(fund))])
            continue
        for r in fund.restrictions:
            restriction = r.restriction or UNRESTRICTED_LABEL
            rows.append([label, community, restriction, *yuan_cells(_amounts(r))])
            label = community = ""  # the fund is named on its first line only
        if len(fund.restrictions) != 1:
            rows.append(["", "", "小计 fund total", *yuan_cells(_amounts(fund))])
    rows.append(None)
    all_funds = (sum(column) for column in zip(*(_amounts(f) for f in funds), strict=True))
    rows.append(["合计 all funds", "", "", *yuan_cells(all_funds)])
    out.append(table(_CASH_HEADS, rows, "lllrrrrrr"))
    if as_of is not None:
        return "\n\n".join(out)

    in_kind_received = sum(f.in_kind_received_fen for f in funds)
    in_kind_held = sum(f.in_kind_held_fen for f in funds)
    goods_rows: list[list[str] | None] = []
    for fund in funds:
        label, community = _fund_label(fund), fund.community
        for g in fund.goods:
            if g.quantity == 0:
                continue  # all given out; the history stays in the events
            goods_rows.append(
                [
                    label,
                    community,
                    g.item,
                    f"{g.quantity} {g.unit}",
                    g.restriction or UNRESTRICTED_LABEL,
                    format_yuan(g.value_fen),
                ]
            )
            label = community = ""
    # In-kind value is income but not cash: it is shown apart and never adds to 可用.
    out.append(
        f"物资 In kind (非现金 not cash)    累计收到价值 received {format_yuan(in_kind_received)}"
        f"    库存价值 held {format_yuan(in_kind_held)}"
    )
    if goods_rows:
        out.append(table(_GOODS_HEADS, goods_rows, "lllrlr"))
    return "\n\n".join(out)


# ---- fund reports ---------------------------------------------------------------------------


def _details(line: StatementLine) -> str:
    """What a statement line is about, in one cell."""
    parts: list[str] = []
    if line.kind == "purpose_changed":
        parts.append(f"→ {line.purpose} {format_yuan(line.moved_fen)}")
    elif line.kind == "restriction_released":
        parts.append(f"→ {UNRESTRICTED_LABEL} {format_yuan(line.moved_fen)}")
    elif line.purpose:
        parts.append(line.purpose)
    if line.goods:
        parts.append(line.goods)
    if line.reserved_fen:
        parts.append(f"预留 reserved {signed_yuan(line.reserved_fen)}")
    if line.in_kind_fen:
        parts.append(f"物资 in kind {signed_yuan(line.in_kind_fen)}")
    if line.of_ref:
        parts.append(f"re {line.of_ref}")
    if line.reason:
        parts.append(line.reason)
    return "; ".join(parts)


def _fund_title(title: str, fund: FundInfo) -> str:
    closed = f"    已关闭 closed {fund.closed_on.isoformat()}" if fund.closed_on else ""
    return (
        f"{title}    {fund.fund_id} {fund.name} ({fund.community})    "
        f"站 station: {fund.station_id}    主体 host: {fund.host}{closed}"
    )


def statement_text(st: Statement) -> str:
    """A fund's statement (``Ledger.statement``) as text: every entry, with a running balance."""
    start = st.from_day.isoformat() if st.from_day else "(开始 start)"
    end = st.to_day.isoformat() if st.to_day else "(至今 to date)"
    out = [
        _fund_title("基金明细账 Fund statement", st.fund),
        f"期间 period: {start} .. {end}    金额 amounts: 元 yuan    "
        f"期初现金 opening cash {format_yuan(st.opening_fen)}",
    ]
    heads = (
        ("日期", "类别", "限定用途", "单号", "对方", "摘要", "经办", "现金变动", "现金余额"),
        ("date", "kind", "restriction", "ref", "counterparty", "details", "actor", "cash",
         "balance"),
    )  # fmt: skip
    rows: list[list[str] | None] = [
        [
            line.occurred_on.isoformat(),
            ENTRY_KIND_LABELS[line.kind],
            line.restriction or ("" if line.kind in _NO_RESTRICTION else UNRESTRICTED_LABEL),
            line.ref,
            line.counterparty
            or ("匿名 anonymous" if line.kind in ("donation", "in_kind_donation") else ""),
            _details(line),
            line.actor,
            signed_yuan(line.cash_fen),
            format_yuan(line.balance_fen),
        ]
        for line in st.lines
    ]
    if rows:
        out.append(table(heads, rows, "lllllllrr"))
    else:
        out.append("本期无记录 No entries in the period.")
    out.append(
        f"期末现金 closing cash {format_yuan(st.closing_fen)}    "
        f"库存物资价值 goods held (value): 期初 opening {format_yuan(st.opening_in_kind_fen)}, "
        f"期末 closing {format_yuan(st.closing_in_kind_fen)}"
    )
    if st.anchor is not None:
        out.append(anchor_line(st.anchor))
    return "\n\n".join(out)


# Entries that concern the whole fund (or only a request) rather than one restriction.
_NO_RESTRICTION = frozenset({"opened", "closed", "publicized"})

_FLOW_HEADS = (
    ("限定用途", "期初", "现金捐赠", "冲销捐赠", "变卖收入", "退款", "支出", "调入", "调出",
     "期末", "其中预留", "物资(折价)"),
    ("restriction", "opening", "cash gifts", "reversed", "proceeds", "refunds", "spending",
     "moved in", "moved out", "closing", "reserved", "in kind"),
)  # fmt: skip


def _flow_cells(r: RestrictionFlow) -> list[str]:
    return [
        restriction_label(r.restriction),
        *(
            format_yuan(fen)
            for fen in (
                r.opening_fen,
                r.cash_donations_fen,
                r.donations_reversed_fen,
                r.sale_proceeds_fen,
                r.refunds_fen,
                r.spending_fen,
                r.moved_in_fen,
                r.moved_out_fen,
                r.closing_fen,
                r.closing_reserved_fen,
                r.in_kind_donations_fen - r.in_kind_reversed_fen,
            )
        ),
    ]


def disclosure_text(d: Disclosure) -> str:
    """A fund's disclosure for a period (``Ledger.disclosure``) as the text a station posts."""
    out = [
        _fund_title("基金信息公开 Fund disclosure", d.fund),
        f"期间 period: {d.from_day.isoformat()} .. {d.to_day.isoformat()}    "
        "金额 amounts: 元 yuan    期初 = 期间前一日日终 opening = end of the day before",
    ]
    rows: list[list[str] | None] = [_flow_cells(r) for r in d.restrictions]
    rows.append(None)
    rows.append(_flow_cells(d.total))
    mark = "相符 holds" if d.reconciles else "不符 DOES NOT HOLD"
    out.append(
        "一、收支与余额 Income, spending and balances (现金 cash)\n"
        + table(_FLOW_HEADS, rows, "lrrrrrrrrrrr")
        + "\n勾稽 check: 期初 + 捐赠 − 冲销 + 变卖 − 退款 − 支出 + 调入 − 调出 = 期末 "
        f"(opening + income − refunds − spending ± moves = closing): {mark}"
    )
    if d.spending:
        spend_heads = (
            ("限定用途", "用途", "笔数", "支付", "冲销", "净支出"),
            ("restriction", "purpose", "payments", "paid", "reversed", "spending"),
        )
        spend_rows: list[list[str] | None] = [
            [
                restriction_label(x.restriction),
                x.purpose,
                str(x.payments),
                format_yuan(x.paid_fen),
                format_yuan(x.reversed_fen),
                format_yuan(x.spending_fen),
            ]
            for x in d.spending
        ]
        out.append("二、支出 Spending by purpose\n" + table(spend_heads, spend_rows, "llrrrr"))
    if d.payments:
        pay_heads = (
            ("日期", "申请", "凭证", "限定用途", "用途", "收款方", "金额", "冲销"),
            ("date", "request", "voucher", "restriction", "purpose", "payee", "amount",
             "reversed"),
        )  # fmt: skip
        pay_rows: list[list[str] | None] = [
            [
                p.occurred_on.isoformat(),
                p.request_id,
                p.voucher_no,
                restriction_label(p.restriction),
                p.purpose,
                p.payee,
                format_yuan(p.amount_fen),
                p.reversed_on.isoformat() if p.reversed_on else "",
            ]
            for p in d.payments
        ]
        out.append("三、支付明细 Payments\n" + table(pay_heads, pay_rows, "llllllrl"))
    if d.goods:
        goods_heads = (
            ("日期", "类别", "单号", "物资", "限定用途", "对方", "用途", "价值"),
            ("date", "kind", "ref", "goods", "restriction", "counterparty", "purpose", "value"),
        )
        goods_rows: list[list[str] | None] = [
            [
                g.occurred_on.isoformat(),
                ENTRY_KIND_LABELS[g.kind],
                g.ref,
                g.goods,
                restriction_label(g.restriction),
                g.counterparty or ("匿名 anonymous" if g.kind == "in_kind_donation" else ""),
                g.purpose,
                format_yuan(g.value_fen),
            ]
            for g in d.goods
        ]
        out.append("四、物资 Goods\n" + table(goods_heads, goods_rows, "lllllllr"))
    if d.goods_units:
        out.append("物资数量 Goods in units\n" + goods_units_text(d.goods_units))
    if d.corrections:
        notes = [
            f"  {n.occurred_on.isoformat()} {ENTRY_KIND_LABELS[n.kind]} {n.ref}"
            + (f" (re {n.of_ref})" if n.of_ref else "")
            + f": {restriction_label(n.restriction)}"
            + (
                f" → {restriction_label(n.to_restriction)}"
                if n.kind in ("purpose_changed", "restriction_released")
                else ""
            )
            + f" {format_yuan(n.amount_fen)}"
            + (f", 物资 in kind {format_yuan(n.in_kind_fen)}" if n.in_kind_fen else "")
            + f"; 原因 reason: {n.reason or '-'}; 经办 by {n.actor}"
            for n in d.corrections
        ]
        out.append("五、更正说明 Correction notes\n" + "\n".join(notes))
    if d.closed_period_corrections:
        title = "六、已关账期间的更正说明 Corrections to closed periods"
        out.append(closed_period_corrections_text(title, d.closed_period_corrections, d.anchor))
    if d.anchor is not None:
        out.append(anchor_line(d.anchor))
    return "\n\n".join(out)


def donors_text(summary: DonorSummary) -> str:
    scope = [
        f"{label} {value}"
        for label, value in (
            ("基金 fund:", summary.fund_id),
            ("站 station:", summary.station_id),
            ("捐赠人 donor:", summary.donor),
        )
        if value is not None
    ]
    out = [
        "捐赠人查询 Donors and the use of their gifts (慈善法 Art.42)    金额 amounts: 元 yuan"
        + ("    " + "    ".join(scope) if scope else "")
    ]
    if not summary.donors:
        out.append("没有捐赠记录 No gifts recorded.")
        return "\n\n".join(out)
    for row in summary.donors:
        name = row.donor if row.donor is not None else "匿名捐赠 anonymous gifts"
        if row.person and not row.erased:
            name += " (个人 individual)"
        block = [
            f"{name}: {row.gifts} 笔 gifts; 现金 cash {format_yuan(row.cash_fen)}, "
            f"物资 in kind {format_yuan(row.in_kind_fen)}, 退款 refunded "
            f"{format_yuan(row.refunded_fen)}, 冲销 reversed "
            f"{format_yuan(row.reversed_cash_fen + row.reversed_in_kind_fen)}, "
            f"净额 net cash {format_yuan(row.net_cash_fen)}"
        ]
        for g in row.gift_lines:
            what = (
                format_yuan(g.cash_fen)
                if g.kind == "cash"
                else f"{g.goods} ({format_yuan(g.in_kind_fen)})"
            )
            notes = []
            if g.refunded_fen:
                notes.append(f"退款 refunded {format_yuan(g.refunded_fen)}")
            if g.reversed_on is not None:
                notes.append(f"冲销 reversed {g.reversed_on.isoformat()}: {g.reversal_reason}")
            block.append(
                f"  {g.occurred_on.isoformat()} {g.fund_id} {g.receipt_no} "
                f"{restriction_label(g.restriction)}: {what}"
                + (f" [{'; '.join(notes)}]" if notes else "")
            )
        for u in row.restrictions:
            y = format_yuan
            block.append(
                f"  用途 {u.fund_id} {restriction_label(u.restriction)}: "
                f"累计收到 received {y(u.received_fen)} "
                f"(物资 in kind {y(u.in_kind_received_fen)}), 已支付 paid {y(u.paid_fen)}, "
                f"退款 refunded {y(u.refunded_fen)}, "
                f"调入/调出 moved in/out {y(u.moved_in_fen)}/{y(u.moved_out_fen)}, "
                f"余额 balance {y(u.total_fen)}"
            )
            for p in u.payments:
                reversed_ = f" (冲销 reversed {p.reversed_on.isoformat()})" if p.reversed_on else ""
                block.append(
                    f"    支付 paid {p.occurred_on.isoformat()} {p.request_id} {p.purpose} → "
                    f"{p.payee} {format_yuan(p.amount_fen)}{reversed_}"
                )
            for gd in u.goods_distributed:
                block.append(
                    f"    发放 given out {gd.occurred_on.isoformat()} {gd.ref} {gd.goods} → "
                    f"{gd.counterparty} ({gd.purpose}) {format_yuan(gd.value_fen)}"
                )
            for m in u.moves:
                block.append(
                    f"    {ENTRY_KIND_LABELS[m.kind]} {m.occurred_on.isoformat()} "
                    f"{m.ref}: {restriction_label(m.from_restriction)} → "
                    f"{restriction_label(m.to_restriction)} {format_yuan(m.amount_fen)}"
                    + (f" ({m.counterparty})" if m.counterparty else "")
                )
        out.append("\n".join(block))
    if summary.anchor is not None:
        out.append(anchor_line(summary.anchor))
    return "\n\n".join(out)


def demo_text(
    funds: Sequence[FundBalance],
    store: str,
    *,
    year: int,
    events_recorded: int,
    personal_data_in_clear: bool = False,
) -> str:
    """The demo's balances, and one line of what it recorded (and, for a store without a
    cipher key, one that its made-up people's data is kept in clear)."""
    clear = (
        "演示人员均为虚构，其个人信息未加密保存 the demo's people are made up; their personal "
        "data is kept in clear (a station's own store takes --cipher-key-file)\n"
        if personal_data_in_clear
        else ""
    )
    cash_fen = sum(f.total_fen for f in funds)
    in_kind_fen = sum(f.in_kind_received_fen for f in funds)
    held_fen = sum(f.in_kind_held_fen for f in funds)
    return (
        f"{balances_text(funds, store)}\n\n"
        f"{clear}"
        f"演示 Demo {year}: {len(funds)} 个基金 funds, "
        f"本次记录 {events_recorded} 个事件 events recorded, "
        f"现金 cash {format_yuan(cash_fen)} 元, "
        f"物资 in kind {format_yuan(in_kind_fen)} 元 (库存 held {format_yuan(held_fen)} 元)"
    )


# ---- the annual report ----------------------------------------------------------------------


def annual_report_text(r: AnnualReport) -> str:
    """The report as a text table (Chinese and English labels, yuan with 2 decimals)."""
    scope = r.station_id if r.station_id is not None else "全部站点 all stations"
    y = format_yuan
    lines = [
        f"{r.year}年度工作总结 Annual report {r.year}    站 station: {scope}"
        if isinstance(r.unit_id, msgspec.UnsetType)
        else f"{r.year}年度工作总结 Annual report {r.year}    {unit_scope_text(r)}",
        f"期间 period: {r.period_from.isoformat()} .. {r.period_to.isoformat()}"
        "    金额 amounts: 元 yuan",
        "",
    ]
    volunteer_rows: list[Sequence[str] | None] = [
        ["志愿服务 Volunteer service", ""],
        ["  开展志愿服务(次) activities", str(r.activities)],
        ["  服务人次 person-times", str(r.person_times)],
        ["  参与志愿者(人) volunteers serving", str(r.volunteers)],
        ["  注册志愿者(人) registered volunteers", str(r.registered_volunteers)],
        ["  志愿服务时长(小时) service hours", f"{r.service_hours}"],
    ]
    for o in r.other_activities:
        volunteer_rows.append(
            [f"  {term(o.category, 'zh')} {o.category} (非服务 not service): 次数/人次/小时",
             f"{o.activities} / {o.person_times} / {o.hours}"]
        )  # fmt: skip
    fund_rows: list[Sequence[str] | None] = [
        ["  成立社区基金(个) funds set up", str(r.funds_opened)],
        ["  年末存续基金(个) funds open at year end", str(r.funds_open)],
        ["  接收捐赠资金 cash donations", y(r.donations_cash_fen)],
        ["  接收物资(折价) in-kind donations (value)", y(r.donations_in_kind_fen)],
        ["  物资变卖收入 sale proceeds", y(r.sale_proceeds_fen)],
        ["  退款 refunds", y(r.refunds_fen)],
        ["  支出 spending", y(r.spending_fen)],
        ["  基金间转入净额 transfers between funds (net)", y(r.transfers_net_fen)],
        ["  发放物资(折价) goods given out (value)", y(r.goods_distributed_fen)],
        ["  年初现金余额 cash at start of year", y(r.cash_start_fen)],
        ["  年末现金余额 cash at year end", y(r.cash_end_fen)],
        ["    其中已预留 of which reserved", y(r.reserved_end_fen)],
        ["    其中可用 of which available", y(r.available_end_fen)],
        ["  年末库存物资(折价) goods held at year end (value)", y(r.in_kind_held_end_fen)],
    ]
    rows = [*volunteer_rows, ["", ""], ["社区基金 Community funds", ""], *fund_rows]
    lines.append(table((), rows, "lr"))
    if r.funds:
        heads = (
            ("基金 fund", "社区 community", "捐赠资金 cash in", "物资 in kind", "支出 spent",
             "退款 refunds", "年末余额 cash at end"),
        )  # fmt: skip
        funds: list[Sequence[str] | None] = [
            [
                f.fund_id if f.closed_on is None else f"{f.fund_id} (关闭 closed {f.closed_on})",
                f.community,
                y(f.donations_cash_fen),
                y(f.donations_in_kind_fen),
                y(f.spending_fen),
                y(f.refunds_fen),
                y(f.cash_end_fen),
            ]
            for f in r.funds
        ]
        lines += ["", table(heads, funds, "llrrrrr")]
    if r.goods:
        lines += ["", "物资(数量) Goods in units"]
        lines += [f"  {_goods_summary(g)}" for g in r.goods]
    if r.projects:
        lines += ["", "项目 Projects (金额 yuan, 截至报告时 to date)", projects_table(r.projects)]
    if r.service_delivery:
        lines += [
            "",
            "服务开展 Service delivery",
            table((), delivery_rows(r.service_delivery), "lr"),
        ]
    if not isinstance(r.recognition, msgspec.UnsetType):
        lines += ["", *recognition_lines(r.recognition)]
    if r.closed_period_corrections:
        title = "已关账期间的更正说明 Corrections to closed periods"
        lines += ["", closed_period_corrections_text(title, r.closed_period_corrections, r.anchor)]
    if r.anchor is not None:
        lines += ["", anchor_line(r.anchor)]
    return "\n".join(lines)


def _goods_summary(g: GoodsLineRow) -> str:
    """``泡面 145箱, 派发 145箱, 结存 0箱`` (with the fund and purpose; only what moved)."""
    u = g.unit
    parts = [f"{g.item} {g.received}{u}"]
    if g.opening:
        parts.insert(0, f"年初 {g.opening}{u}")
    if g.reversed:
        parts.append(f"冲销 {g.reversed}{u}")
    parts.append(f"派发 {g.handed_out}{u}")
    if g.sold:
        parts.append(f"变卖 {g.sold}{u}")
    parts.append(f"结存 {g.in_stock}{u}")
    return f"{g.fund_id} {restriction_label(g.restriction)}: " + ", ".join(parts)


def _units(quantity: int, unit: str, value_fen: int) -> str:
    return f"{quantity}{unit} ({format_yuan(value_fen)})"


def goods_units_text(rows: Sequence[GoodsLineRow]) -> str:
    """Goods in units as a disclosure lists them, one line per purpose, item and unit:
    ``泡面: 接收 received 145箱 (5800.00), 派发 handed out 145箱 (5800.00), 结存 in stock
    0箱 (0.00)`` (values in yuan; unvalued goods book 0)."""
    lines = []
    for g in rows:
        parts = []
        if g.opening:
            parts.append(f"期初 opening {g.opening}{g.unit}")
        parts.append(f"接收 received {_units(g.received, g.unit, g.received_value_fen)}")
        if g.reversed:
            parts.append(f"冲销 reversed {_units(g.reversed, g.unit, g.reversed_value_fen)}")
        parts.append(f"派发 handed out {_units(g.handed_out, g.unit, g.handed_out_value_fen)}")
        if g.sold:
            parts.append(f"变卖 sold {_units(g.sold, g.unit, g.sold_value_fen)}")
        parts.append(f"结存 in stock {_units(g.in_stock, g.unit, g.in_stock_value_fen)}")
        purpose = f" [{restriction_label(g.restriction)}]" if g.restriction else ""
        lines.append(f"  {g.item}{purpose}: " + ", ".join(parts))
    return "\n".join(lines)


def goods_text(register: GoodsRegister) -> str:
    """The goods register (物资台账) as a table: quantities in units, values in yuan."""
    start = register.from_day.isoformat() if register.from_day else "…"
    end = register.to_day.isoformat() if register.to_day else "…"
    scope = register.fund_id or register.station_id or "全部站点 all stations"
    if not isinstance(register.unit_id, msgspec.UnsetType):
        scope = unit_scope_text(register)
    lines = [
        f"物资台账 Goods register    {scope}",
        f"期间 period: {start} .. {end}    数量 quantities: units    金额 values: 元 yuan",
        "",
    ]
    if not register.lines:
        lines.append("没有物资 no goods recorded")
        return "\n".join(lines)
    heads = (
        ("基金 fund", "用途 purpose", "物资 item", "单位 unit", "期初 opening",
         "接收 received", "冲销 reversed", "派发 handed out", "变卖 sold", "结存 in stock",
         "结存折价 value held"),
    )  # fmt: skip
    rows: list[Sequence[str] | None] = [
        [
            g.fund_id,
            restriction_label(g.restriction),
            g.item,
            g.unit,
            str(g.opening),
            str(g.received),
            str(g.reversed),
            str(g.handed_out),
            str(g.sold),
            str(g.in_stock),
            format_yuan(g.in_stock_value_fen),
        ]
        for g in register.lines
    ]
    lines.append(table(heads, rows, "llllrrrrrrr"))
    return "\n".join(lines)
