"""Fund commands: demo, balances, statement, disclosure, donors, report.

Each prints a table for people, or JSON with ``--json`` (money as integers of fen).
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any, Protocol

import msgspec

from sgz_ledger.cli.common import (
    EXIT_OK,
    JSON_HELP,
    UNRESTRICTED_LABEL,
    UsageError,
    date_arg,
    json_text,
    open_ledger,
    period_arguments,
    restriction_label,
    signed_yuan,
    table,
    text_arg,
    text_or_empty_arg,
    year_arg,
)
from sgz_ledger.demo import DEMO_STATION_ID, DEMO_YEAR, record_demo_year
from sgz_ledger.domain.money import format_yuan
from sgz_ledger.ledger import Ledger
from sgz_ledger.projections.balances import FundBalance
from sgz_ledger.reports.funds import (
    ENTRY_KIND_LABELS,
    Disclosure,
    DonorSummary,
    FundInfo,
    RestrictionFlow,
    Statement,
    StatementLine,
)
from sgz_ledger.storage.chain import anchor_line

__all__ = ["register"]


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


def _yuan(amounts: Iterable[int]) -> list[str]:
    return [format_yuan(fen) for fen in amounts]


def _fund_label(fund: FundBalance) -> str:
    return f"{fund.fund_id} (已关闭 closed)" if fund.closed else fund.fund_id


def _render_balances(funds: Sequence[FundBalance], store: str, as_of: dt.date | None = None) -> str:
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
            rows.append([label, community, "-", *_yuan(_amounts(fund))])
            continue
        for r in fund.restrictions:
            restriction = r.restriction or UNRESTRICTED_LABEL
            rows.append([label, community, restriction, *_yuan(_amounts(r))])
            label = community = ""  # the fund is named on its first line only
        if len(fund.restrictions) != 1:
            rows.append(["", "", "小计 fund total", *_yuan(_amounts(fund))])
    rows.append(None)
    all_funds = (sum(column) for column in zip(*(_amounts(f) for f in funds), strict=True))
    rows.append(["合计 all funds", "", "", *_yuan(all_funds)])
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


def _render_statement(st: Statement) -> str:
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
            ENTRY_KIND_LABELS.get(line.kind, line.kind),
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


def _render_disclosure(d: Disclosure) -> str:
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
                ENTRY_KIND_LABELS.get(g.kind, g.kind),
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
    if d.corrections:
        notes = [
            f"  {n.occurred_on.isoformat()} {ENTRY_KIND_LABELS.get(n.kind, n.kind)} {n.ref}"
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
    if d.anchor is not None:
        out.append(anchor_line(d.anchor))
    return "\n\n".join(out)


def _render_donors(summary: DonorSummary) -> str:
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
                    f"    {ENTRY_KIND_LABELS.get(m.kind, m.kind)} {m.occurred_on.isoformat()} "
                    f"{m.ref}: {restriction_label(m.from_restriction)} → "
                    f"{restriction_label(m.to_restriction)} {format_yuan(m.amount_fen)}"
                    + (f" ({m.counterparty})" if m.counterparty else "")
                )
        out.append("\n".join(block))
    if summary.anchor is not None:
        out.append(anchor_line(summary.anchor))
    return "\n\n".join(out)


def _cmd_demo(args: argparse.Namespace) -> int:
    with open_ledger(args, create=True) as ledger:
        events_before = ledger.log_position()
        record_demo_year(ledger)
        events_recorded = ledger.log_position() - events_before
        funds = ledger.balances(station_id=DEMO_STATION_ID)
        store = ledger.settings.describe()
        print(_render_balances(funds, store))
        print()
        cash_fen = sum(f.total_fen for f in funds)
        in_kind_fen = sum(f.in_kind_received_fen for f in funds)
        held_fen = sum(f.in_kind_held_fen for f in funds)
        print(
            f"演示 Demo {DEMO_YEAR}: {len(funds)} 个基金 funds, "
            f"本次记录 {events_recorded} 个事件 events recorded, "
            f"现金 cash {format_yuan(cash_fen)} 元, "
            f"物资 in kind {format_yuan(in_kind_fen)} 元 (库存 held {format_yuan(held_fen)} 元)"
        )
    return EXIT_OK


def _cmd_balances(args: argparse.Namespace) -> int:
    with open_ledger(args) as ledger:
        funds = ledger.balances(fund_id=args.fund, station_id=args.station)
        _require_funds(ledger, funds, fund_id=args.fund, station_id=args.station)
        if args.as_of is not None:
            funds = ledger.balances(fund_id=args.fund, station_id=args.station, as_of=args.as_of)
        if args.json:
            document: dict[str, object] = {"funds": funds}
            if args.as_of is not None:
                document = {"as_of": args.as_of, **document}
            print(json_text(document))
        else:
            print(_render_balances(funds, ledger.settings.describe(), args.as_of))
    return EXIT_OK


def _require_funds(
    ledger: Ledger,
    funds: Sequence[FundBalance],
    *,
    fund_id: str | None,
    station_id: str | None,
) -> None:
    """A fund or station asked for by name must exist: a typo is not an empty report."""
    if funds:
        return
    if fund_id is not None:
        raise UsageError(f"no fund {fund_id!r} in {ledger.settings.describe()}")
    if station_id is not None:
        raise UsageError(f"no fund of station {station_id!r} in {ledger.settings.describe()}")


def _cmd_statement(args: argparse.Namespace) -> int:
    with open_ledger(args) as ledger:
        result = ledger.statement(args.fund, from_day=args.from_day, to_day=args.to_day)
        print(json_text(result) if args.json else _render_statement(result))
    return EXIT_OK


def _cmd_disclosure(args: argparse.Namespace) -> int:
    with open_ledger(args) as ledger:
        result = ledger.disclosure(args.fund, from_day=args.from_day, to_day=args.to_day)
        print(json_text(result) if args.json else _render_disclosure(result))
    return EXIT_OK


def _cmd_donors(args: argparse.Namespace) -> int:
    with open_ledger(args) as ledger:
        if args.station is not None and args.fund is None:
            funds = ledger.balances(station_id=args.station)
            _require_funds(ledger, funds, fund_id=None, station_id=args.station)
        result = ledger.donor_summary(fund_id=args.fund, station_id=args.station, donor=args.donor)
        if args.donor is not None and not result.donors:
            raise UsageError(f"no gift of donor {args.donor!r} in {ledger.settings.describe()}")
        print(json_text(result) if args.json else _render_donors(result))
    return EXIT_OK


def _cmd_report(args: argparse.Namespace) -> int:
    with open_ledger(args) as ledger:
        report = ledger.annual_report(args.year, station_id=args.station)
        if args.station is not None and not (
            ledger.balances(station_id=args.station)
            or report.registered_volunteers
            or report.person_times
            or report.other_activities
        ):
            raise UsageError(
                f"nothing recorded for station {args.station!r} in {args.year} "
                f"(no fund, no volunteer) in {ledger.settings.describe()}"
            )
        if args.json:
            print(msgspec.json.format(report.to_json(), indent=2).decode("utf-8"))
        else:
            print(report.table())
    return EXIT_OK


def register(commands: Any, store_after: argparse.ArgumentParser) -> None:
    """Add the fund commands to the ``sgz-ledger`` parser."""
    demo = commands.add_parser(
        "demo",
        parents=[store_after],
        help="record a demo year (2024, four community funds) and print the balances",
        description="Record the demo station's 2024 into the store (again: records nothing "
        "new) and print the balances.",
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
    balances.add_argument(
        "--station", type=text_arg, metavar="ID", help="only the funds of this station"
    )
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
    donors.add_argument(
        "--station", type=text_arg, metavar="ID", help="only gifts to this station's funds"
    )
    donors.add_argument(
        "--donor", type=text_or_empty_arg, metavar="NAME", help='only this donor ("": anonymous)'
    )
    donors.add_argument("--json", action="store_true", help=JSON_HELP)
    donors.set_defaults(handler=_cmd_donors)

    report = commands.add_parser(
        "report",
        parents=[store_after],
        help="print the annual report's figures (volunteers and funds) for a year",
        description="Print a year's figures as station reports quote them: volunteer "
        "activities, person-times, volunteers, hours; funds, donations in cash and in kind, "
        "spending, refunds, balances at the year's end. Without --station: all stations.",
    )
    report.add_argument("--year", required=True, type=year_arg, metavar="YYYY", help="the year")
    report.add_argument(
        "--station", type=text_arg, metavar="ID", help="one station (default: all stations)"
    )
    report.add_argument("--json", action="store_true", help=JSON_HELP)
    report.set_defaults(handler=_cmd_report)
