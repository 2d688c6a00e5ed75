"""Shared by the report tests: a small hand-computed station year, and a recount from events.

``record_small_year`` records a year of two stations' funds through the public Ledger API
(every awkward case a report meets: refunds, a reversed gift, a reversed and repaid
payment, a restriction release, a purpose change, goods given out and sold, a backdated
gift, a rejected request, a fund closed into another, the same receipt number in two
funds). Its figures are worked out by hand in the tests that use it.

``Recount`` recomputes every report figure from ``ledger.stored_events()`` in the plainest
way, sharing no code with the library's views or its balance arithmetic
(``domain.balances``): what an event does to cash, reservations and in-kind value is
restated here event type by event type.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

from sgz_ledger import Ledger
from sgz_ledger.domain.events import (
    CashDonationReceived,
    DisbursementApproved,
    DisbursementCancelled,
    DisbursementPaid,
    DisbursementPublicized,
    DisbursementRejected,
    DisbursementRequested,
    DonationRefunded,
    DonationReversed,
    FundClosed,
    FundEvent,
    FundOpened,
    FundTransferredIn,
    FundTransferredOut,
    GoodsDistributed,
    GoodsSold,
    InKindDonationReceived,
    PaymentReversed,
    PurposeChanged,
    RestrictionReleased,
)

EAST, WEST = "s-east", "s-west"
CLERK, APPROVER, CASHIER = "王芳", "管委会-张敏", "出纳-周敏"


def on(month: int, day: int, year: int = 2024) -> dt.date:
    return dt.date(year, month, day)


def open_fund(ledger: Ledger, fund_id: str, station_id: str, day: dt.date) -> None:
    ledger.open_fund(
        fund_id=fund_id,
        station_id=station_id,
        community=f"{fund_id}社区",
        name=f"{fund_id}社区基金",
        host="区慈善总会",
        approval_threshold="100000",
        publicity_required=False,
        actor=CLERK,
        occurred_on=day,
    )


def spend(
    ledger: Ledger,
    fund_id: str,
    request_id: str,
    amount: str,
    purpose: str,
    payee: str,
    day: dt.date,
    *,
    restriction: str = "",
    voucher_no: str | None = None,
) -> None:
    """Request, approve and pay (no 公示 required in these funds)."""
    ledger.request_disbursement(
        fund_id=fund_id,
        request_id=request_id,
        amount=amount,
        purpose=purpose,
        payee=payee,
        restriction=restriction,
        actor=CLERK,
        occurred_on=day,
    )
    ledger.approve_disbursement(
        fund_id=fund_id, request_id=request_id, actor=APPROVER, occurred_on=day
    )
    ledger.pay_disbursement(
        fund_id=fund_id,
        request_id=request_id,
        voucher_no=voucher_no or f"PZ-{request_id}",
        actor=CASHIER,
        occurred_on=day + dt.timedelta(days=2),
    )


def record_small_year(ledger: Ledger) -> None:
    """Station s-east: funds F-A (all year) and F-B (closed into F-A on 30 November)."""
    open_fund(ledger, "F-A", EAST, on(1, 2))
    cash = ledger.receive_cash
    cash(
        fund_id="F-A",
        receipt_no="R1",
        amount="1000",
        donor="张三",
        actor=CLERK,
        occurred_on=on(1, 5),
    )
    cash(
        fund_id="F-A",
        receipt_no="R2",
        amount="5000",
        donor="李四",
        restriction="助学",
        actor=CLERK,
        occurred_on=on(1, 10),
    )
    cash(
        fund_id="F-A",
        receipt_no="R3",
        amount="300",
        restriction="助学",
        actor=CLERK,
        occurred_on=on(1, 15),
    )
    ledger.receive_goods(
        fund_id="F-A",
        receipt_no="R4",
        donor="某超市",
        restriction="助老",
        items=[
            {"item": "泡面", "quantity": 145, "unit": "箱", "value": "2900", "basis": "document"},
            {
                "item": "火腿肠",
                "quantity": 37,
                "unit": "箱",
                "value": "1110",
                "basis": "fair_value",
            },
        ],
        actor=CLERK,
        occurred_on=on(2, 1),
    )
    ledger.distribute_goods(
        fund_id="F-A",
        distribution_id="FF-1",
        item="泡面",
        unit="箱",
        restriction="助老",
        quantity=100,
        recipient="环卫工人",
        signed_off_by="社区主任",
        purpose="夏季慰问",
        actor=CLERK,
        occurred_on=on(2, 3),
    )
    spend(ledger, "F-A", "Q1", "2000", "助学金", "学生家庭", on(3, 1), restriction="助学")
    ledger.refund_donation(
        fund_id="F-A",
        refund_id="RF1",
        receipt_no="R1",
        amount="200",
        reason="多转",
        actor=CASHIER,
        occurred_on=on(3, 10),
    )
    ledger.reverse_donation(
        fund_id="F-A",
        correction_id="C1",
        receipt_no="R3",
        reason="重复录入",
        actor="财务复核员",
        occurred_on=on(3, 12),
    )
    spend(ledger, "F-A", "Q2", "500", "办公用品", "文具店", on(4, 1))  # paid 4-03
    ledger.reverse_payment(
        fund_id="F-A",
        correction_id="C2",
        request_id="Q2",
        reason="凭证错误",
        actor="财务复核员",
        occurred_on=on(4, 5),
    )
    ledger.pay_disbursement(
        fund_id="F-A", request_id="Q2", voucher_no="PZ-Q2-b", actor=CASHIER, occurred_on=on(4, 6)
    )
    ledger.release_restriction(
        fund_id="F-A",
        release_id="RL1",
        restriction="助学",
        amount="1000",
        reason="项目结余",
        reference="捐赠人同意书-1",
        actor=CLERK,
        occurred_on=on(5, 1),
    )
    ledger.change_purpose(
        fund_id="F-A",
        change_id="PC1",
        from_restriction="助学",
        to_restriction="助老",
        amount="500",
        consent_ref="捐赠人同意书-2",
        reason="助老需求大",
        actor=CLERK,
        occurred_on=on(5, 2),
    )
    ledger.sell_goods(
        fund_id="F-A",
        sale_id="S1",
        item="火腿肠",
        unit="箱",
        quantity=37,
        proceeds="800",
        buyer="社区超市",
        restriction="助老",
        actor=CLERK,
        occurred_on=on(6, 1),
    )
    # Entered in June, dated January: a late entry (the balance index carries it forward).
    cash(
        fund_id="F-A",
        receipt_no="R5",
        amount="200",
        donor="王五",
        actor=CLERK,
        occurred_on=on(1, 20),
    )

    open_fund(ledger, "F-B", EAST, on(2, 1))
    # The same receipt number as in F-A: F-A's refund of R1 must not touch it.
    cash(
        fund_id="F-B",
        receipt_no="R1",
        amount="600",
        donor="张三",
        actor=CLERK,
        occurred_on=on(2, 2),
    )
    ledger.request_disbursement(
        fund_id="F-B",
        request_id="QB1",
        amount="300",
        purpose="活动",
        payee="某商店",
        actor=CLERK,
        occurred_on=on(2, 5),
    )
    ledger.approve_disbursement(
        fund_id="F-B", request_id="QB1", actor=APPROVER, occurred_on=on(2, 6)
    )
    ledger.reject_disbursement(
        fund_id="F-B", request_id="QB1", reason="不在资助范围", actor=APPROVER, occurred_on=on(2, 7)
    )
    ledger.close_fund(
        fund_id="F-B", reason="并入F-A", transfer_to="F-A", actor=CLERK, occurred_on=on(11, 30)
    )


# ---- the recount --------------------------------------------------------------------------------

KIND = {
    FundOpened: "opened",
    CashDonationReceived: "donation",
    InKindDonationReceived: "in_kind_donation",
    GoodsDistributed: "goods_distributed",
    GoodsSold: "goods_sold",
    DonationRefunded: "refund",
    DonationReversed: "donation_reversed",
    PaymentReversed: "payment_reversed",
    RestrictionReleased: "restriction_released",
    PurposeChanged: "purpose_changed",
    DisbursementRequested: "requested",
    DisbursementApproved: "approved",
    DisbursementPublicized: "publicized",
    DisbursementPaid: "paid",
    DisbursementRejected: "rejected",
    DisbursementCancelled: "cancelled",
    FundTransferredOut: "transfer_out",
    FundTransferredIn: "transfer_in",
    FundClosed: "closed",
}


def cash_moves(e: FundEvent) -> list[tuple[str, int]]:
    """(restriction, signed fen) of the cash an event moves: restated, not imported."""
    match e:
        case CashDonationReceived():
            return [(e.restriction, e.amount_fen)]
        case GoodsSold():
            return [(e.restriction, e.proceeds_fen)]
        case DonationRefunded():
            return [(e.restriction, -e.amount_fen)]
        case DonationReversed():
            return [(e.restriction, -e.amount_fen)]
        case DisbursementPaid():
            return [(e.restriction, -e.amount_fen)]
        case PaymentReversed():
            return [(e.restriction, e.amount_fen)]
        case RestrictionReleased():
            return [(e.restriction, -e.amount_fen), ("", e.amount_fen)]
        case PurposeChanged():
            return [(e.from_restriction, -e.amount_fen), (e.to_restriction, e.amount_fen)]
        case FundTransferredOut():
            return [(e.restriction, -e.amount_fen)]
        case FundTransferredIn():
            return [(e.restriction, e.amount_fen)]
    return []


def reserved_moves(e: FundEvent) -> list[tuple[str, int]]:
    match e:
        case DisbursementApproved():
            return [(e.restriction, e.reserved_fen)]
        case DisbursementPaid():
            return [(e.restriction, -e.amount_fen)]
        case DisbursementRejected() | DisbursementCancelled():
            return [(e.restriction, -e.released_fen)]
        case PaymentReversed():
            return [(e.restriction, e.amount_fen)]
    return []


def goods_value(lines: Iterable[Any]) -> int:
    return sum(line.value_fen or 0 for line in lines)


def in_kind_change(e: FundEvent) -> int:
    match e:
        case InKindDonationReceived():
            return goods_value(e.items)
        case DonationReversed():
            return -goods_value(e.items)
        case GoodsDistributed() | GoodsSold():
            return -e.value_fen
    return 0


def ref_of(e: FundEvent) -> str:
    for name in (
        "receipt_no",
        "distribution_id",
        "sale_id",
        "refund_id",
        "correction_id",
        "release_id",
        "change_id",
        "request_id",
        "transfer_id",
    ):
        if name in type(e).__struct_fields__ and not (
            name == "receipt_no" and isinstance(e, DonationRefunded | DonationReversed)
        ):
            return str(getattr(e, name))
    return ""


@dataclass
class Gift:
    fund: str
    receipt_no: str
    donor: str | None
    day: dt.date
    restriction: str
    cash_fen: int
    in_kind_fen: int
    refunded_fen: int = 0
    reversed_on: dt.date | None = None


@dataclass
class Flow:
    """One restriction's period figures, as the disclosure reports them."""

    opening: int = 0
    donations: int = 0
    reversed: int = 0
    proceeds: int = 0
    refunds: int = 0
    paid: int = 0
    payments_reversed: int = 0
    moved_in: int = 0
    moved_out: int = 0
    closing: int = 0
    closing_reserved: int = 0
    in_kind: int = 0
    in_kind_reversed: int = 0
    goods_out: int = 0


@dataclass
class FundFacts:
    opened: FundOpened
    closed_on: dt.date | None = None
    events: list[tuple[int, FundEvent]] = field(default_factory=list)  # (log index, event)


class Recount:
    """Report figures recomputed from the stored events alone."""

    def __init__(self, events: Sequence[object]) -> None:
        self.funds: dict[str, FundFacts] = {}
        code: dict[UUID, str] = {}
        for index, e in enumerate(events):
            if not isinstance(e, FundEvent):
                continue
            if isinstance(e, FundOpened):
                code[e.originator_id] = e.fund_id
                self.funds[e.fund_id] = FundFacts(opened=e)
            facts = self.funds[code[e.originator_id]]
            facts.events.append((index, e))
            if isinstance(e, FundClosed):
                facts.closed_on = e.occurred_on

    # ---- balances ----

    def cash_on(self, fund: str, day: dt.date | None) -> dict[str, int]:
        """Cash per restriction at the end of ``day`` (now when ``None``)."""
        out: dict[str, int] = defaultdict(int)
        for _, e in self.funds[fund].events:
            if day is None or e.occurred_on <= day:
                for restriction, fen in cash_moves(e):
                    out[restriction] += fen
        return dict(out)

    def reserved_on(self, fund: str, day: dt.date | None) -> dict[str, int]:
        out: dict[str, int] = defaultdict(int)
        for _, e in self.funds[fund].events:
            if day is None or e.occurred_on <= day:
                for restriction, fen in reserved_moves(e):
                    out[restriction] += fen
        return dict(out)

    def in_kind_on(self, fund: str, day: dt.date | None) -> int:
        return sum(
            in_kind_change(e)
            for _, e in self.funds[fund].events
            if day is None or e.occurred_on <= day
        )

    # ---- statement ----

    def statement(
        self, fund: str, from_day: dt.date | None, to_day: dt.date | None
    ) -> tuple[int, list[tuple[dt.date, str, str, int, int]], int]:
        """(opening, lines (date, kind, ref, cash change, balance after), closing)."""
        opening = 0
        if from_day is not None:
            opening = sum(self.cash_on(fund, from_day - dt.timedelta(days=1)).values())
        chosen = [
            (index, e)
            for index, e in self.funds[fund].events
            if (from_day is None or e.occurred_on >= from_day)
            and (to_day is None or e.occurred_on <= to_day)
        ]
        chosen.sort(key=lambda pair: (pair[1].occurred_on, pair[0]))
        lines = []
        running = opening
        for _, e in chosen:
            change = sum(fen for _, fen in cash_moves(e))
            running += change
            lines.append((e.occurred_on, KIND[type(e)], ref_of(e), change, running))
        return opening, lines, sum(self.cash_on(fund, to_day).values())

    # ---- disclosure ----

    def flows(self, fund: str, from_day: dt.date, to_day: dt.date) -> dict[str, Flow]:
        out: dict[str, Flow] = defaultdict(Flow)
        for restriction, fen in self.cash_on(fund, from_day - dt.timedelta(days=1)).items():
            out[restriction].opening = fen
        for restriction, fen in self.cash_on(fund, to_day).items():
            out[restriction].closing = fen
        for restriction, fen in self.reserved_on(fund, to_day).items():
            out[restriction].closing_reserved = fen
        for _, e in self.funds[fund].events:
            if not from_day <= e.occurred_on <= to_day:
                continue
            match e:
                case CashDonationReceived():
                    out[e.restriction].donations += e.amount_fen
                case InKindDonationReceived():
                    out[e.restriction].in_kind += goods_value(e.items)
                case DonationReversed():
                    out[e.restriction].reversed += e.amount_fen
                    out[e.restriction].in_kind_reversed += goods_value(e.items)
                case GoodsSold():
                    out[e.restriction].proceeds += e.proceeds_fen
                    out[e.restriction].goods_out += e.value_fen
                case GoodsDistributed():
                    out[e.restriction].goods_out += e.value_fen
                case DonationRefunded():
                    out[e.restriction].refunds += e.amount_fen
                case DisbursementPaid():
                    out[e.restriction].paid += e.amount_fen
                case PaymentReversed():
                    out[e.restriction].payments_reversed += e.amount_fen
                case RestrictionReleased():
                    out[e.restriction].moved_out += e.amount_fen
                    out[""].moved_in += e.amount_fen
                case PurposeChanged():
                    out[e.from_restriction].moved_out += e.amount_fen
                    out[e.to_restriction].moved_in += e.amount_fen
                case FundTransferredOut():
                    out[e.restriction].moved_out += e.amount_fen
                case FundTransferredIn():
                    out[e.restriction].moved_in += e.amount_fen
        return {r: f for r, f in out.items() if f != Flow()}

    def spending_by_purpose(
        self, fund: str, from_day: dt.date, to_day: dt.date
    ) -> dict[tuple[str, str], tuple[int, int, int]]:
        """(restriction, purpose) -> (payments in period, paid, reversed in period)."""
        purpose_of = {
            e.request_id: e.purpose
            for _, e in self.funds[fund].events
            if isinstance(e, DisbursementRequested)
        }
        out: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0])
        for _, e in self.funds[fund].events:
            if not from_day <= e.occurred_on <= to_day:
                continue
            if isinstance(e, DisbursementPaid):
                line = out[(e.restriction, e.purpose)]
                line[0] += 1
                line[1] += e.amount_fen
            elif isinstance(e, PaymentReversed):
                out[(e.restriction, purpose_of[e.request_id])][2] += e.amount_fen
        return {k: (v[0], v[1], v[2]) for k, v in out.items()}

    def corrections(self, fund: str, from_day: dt.date, to_day: dt.date) -> list[tuple[Any, ...]]:
        """(date, kind, ref, restriction, amount, reason, actor) of corrections in the period."""
        out = []
        for _, e in sorted(self.funds[fund].events, key=lambda p: (p[1].occurred_on, p[0])):
            if not from_day <= e.occurred_on <= to_day:
                continue
            match e:
                case DonationRefunded() | DonationReversed() | PaymentReversed():
                    out.append(
                        (
                            e.occurred_on,
                            KIND[type(e)],
                            ref_of(e),
                            e.restriction,
                            e.amount_fen,
                            e.reason,
                            e.actor,
                        )
                    )
                case RestrictionReleased():
                    out.append(
                        (
                            e.occurred_on,
                            KIND[type(e)],
                            e.release_id,
                            e.restriction,
                            e.amount_fen,
                            e.reason,
                            e.actor,
                        )
                    )
                case PurposeChanged():
                    out.append(
                        (
                            e.occurred_on,
                            KIND[type(e)],
                            e.change_id,
                            e.from_restriction,
                            e.amount_fen,
                            e.reason,
                            e.actor,
                        )
                    )
        return out

    # ---- donors ----

    def gifts(self, fund: str | None = None, station: str | None = None) -> list[Gift]:
        out: list[Gift] = []
        for code, facts in self.funds.items():
            if fund is not None and code != fund:
                continue
            if station is not None and facts.opened.station_id != station:
                continue
            mine: dict[str, Gift] = {}
            for _, e in facts.events:
                if isinstance(e, CashDonationReceived | InKindDonationReceived):
                    mine[e.receipt_no] = Gift(
                        fund=code,
                        receipt_no=e.receipt_no,
                        donor=e.donor,
                        day=e.occurred_on,
                        restriction=e.restriction,
                        cash_fen=e.amount_fen if isinstance(e, CashDonationReceived) else 0,
                        in_kind_fen=(
                            goods_value(e.items) if isinstance(e, InKindDonationReceived) else 0
                        ),
                    )
                elif isinstance(e, DonationRefunded):
                    mine[e.receipt_no].refunded_fen += e.amount_fen
                elif isinstance(e, DonationReversed):
                    mine[e.receipt_no].reversed_on = e.occurred_on
            out.extend(mine.values())
        return out

    def restriction_use(self, fund: str, restriction: str) -> dict[str, Any]:
        """What a purpose received (cash, in kind) and its payments (request, amount, reversed)."""
        received = in_kind = paid = 0
        payments: list[list[Any]] = []
        given_out = []
        for _, e in self.funds[fund].events:
            match e:
                case CashDonationReceived() if e.restriction == restriction:
                    received += e.amount_fen
                case GoodsSold() if e.restriction == restriction:
                    received += e.proceeds_fen
                case DonationReversed() if e.restriction == restriction:
                    received -= e.amount_fen
                    in_kind -= goods_value(e.items)
                case InKindDonationReceived() if e.restriction == restriction:
                    in_kind += goods_value(e.items)
                case DisbursementPaid() if e.restriction == restriction:
                    paid += e.amount_fen
                    payments.append(
                        [e.request_id, e.occurred_on, e.purpose, e.payee, e.amount_fen, None]
                    )
                case PaymentReversed() if e.restriction == restriction:
                    paid -= e.amount_fen
                    last = [p for p in payments if p[0] == e.request_id and p[5] is None][-1]
                    last[5] = e.occurred_on
                case GoodsDistributed() if e.restriction == restriction:
                    given_out.append((e.distribution_id, e.quantity, e.value_fen))
        return {
            "received": received,
            "in_kind": in_kind,
            "paid": paid,
            "total": self.cash_on(fund, None).get(restriction, 0),
            "payments": [tuple(p) for p in payments],
            "given_out": given_out,
        }

    # ---- the year ----

    def year(self, year: int, station: str | None) -> dict[str, int]:
        start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
        before = start - dt.timedelta(days=1)
        out: dict[str, int] = defaultdict(int)
        for code, facts in self.funds.items():
            if station is not None and facts.opened.station_id != station:
                continue
            opened = facts.opened.occurred_on
            if opened.year == year:
                out["funds_opened"] += 1
            if opened <= end and (facts.closed_on is None or facts.closed_on > end):
                out["funds_open"] += 1
            out["cash_start_fen"] += sum(self.cash_on(code, before).values())
            out["cash_end_fen"] += sum(self.cash_on(code, end).values())
            reserved = sum(self.reserved_on(code, end).values())
            out["reserved_end_fen"] += reserved
            out["available_end_fen"] += sum(self.cash_on(code, end).values()) - reserved
            out["in_kind_held_end_fen"] += self.in_kind_on(code, end)
            for _, e in facts.events:
                if not start <= e.occurred_on <= end:
                    continue
                match e:
                    case CashDonationReceived():
                        out["donations_cash_fen"] += e.amount_fen
                    case InKindDonationReceived():
                        out["donations_in_kind_fen"] += goods_value(e.items)
                    case DonationReversed():
                        out["donations_cash_fen"] -= e.amount_fen
                        out["donations_in_kind_fen"] -= goods_value(e.items)
                    case GoodsSold():
                        out["sale_proceeds_fen"] += e.proceeds_fen
                    case GoodsDistributed():
                        out["goods_distributed_fen"] += e.value_fen
                    case DonationRefunded():
                        out["refunds_fen"] += e.amount_fen
                    case DisbursementPaid():
                        out["spending_fen"] += e.amount_fen
                    case PaymentReversed():
                        out["spending_fen"] -= e.amount_fen
                    case FundTransferredIn():
                        out["transfers_net_fen"] += e.amount_fen
                    case FundTransferredOut():
                        out["transfers_net_fen"] -= e.amount_fen
        return out


YEAR_FIGURES = (
    "funds_opened",
    "funds_open",
    "donations_cash_fen",
    "donations_in_kind_fen",
    "sale_proceeds_fen",
    "refunds_fen",
    "spending_fen",
    "transfers_net_fen",
    "goods_distributed_fen",
    "cash_start_fen",
    "cash_end_fen",
    "reserved_end_fen",
    "available_end_fen",
    "in_kind_held_end_fen",
)
