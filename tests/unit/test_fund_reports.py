"""Statement, donor summary and disclosure (issue 4): hand-computed, and recounted from events.

The small station year of ``reports_support.record_small_year`` is worked out by hand
below (amounts in yuan in the comments, fen in the asserts), and every figure is also
compared with ``Recount``, which recomputes it from ``ledger.stored_events()`` without
the library's views. Seed figures: 003 朝阳's 45265元 of gifts, 000 下沙's 145箱泡面 and
37箱火腿肠 given out. Every test runs on each backend (memory, SQLite, PostgreSQL).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import msgspec
import pytest

from reports_support import (
    EAST,
    Recount,
    on,
    open_fund,
    record_small_year,
    spend,
)
from sgz_ledger import InvalidInput, Ledger, NotFound
from sgz_ledger.reports.funds import Disclosure, RestrictionFlow

YEAR_FROM, YEAR_TO = on(1, 1), on(12, 31)


@pytest.fixture
def year(ledger: Ledger) -> Ledger:
    record_small_year(ledger)
    return ledger


def recount(ledger: Ledger) -> Recount:
    return Recount(ledger.stored_events())


def flows(d: Disclosure) -> dict[str | None, RestrictionFlow]:
    return {r.restriction: r for r in d.restrictions}


def assert_flows_match_recount(d: Disclosure, rc: Recount) -> None:
    want = rc.flows(d.fund.fund_id, d.from_day, d.to_day)
    got = flows(d)
    assert set(got) == set(want)
    for name, w in want.items():
        g = got[name]
        assert (
            g.opening_fen,
            g.cash_donations_fen,
            g.donations_reversed_fen,
            g.sale_proceeds_fen,
            g.refunds_fen,
            g.paid_fen,
            g.payments_reversed_fen,
            g.moved_in_fen,
            g.moved_out_fen,
            g.closing_fen,
            g.closing_reserved_fen,
            g.in_kind_donations_fen,
            g.in_kind_reversed_fen,
            g.goods_out_fen,
        ) == (
            w.opening,
            w.donations,
            w.reversed,
            w.proceeds,
            w.refunds,
            w.paid,
            w.payments_reversed,
            w.moved_in,
            w.moved_out,
            w.closing,
            w.closing_reserved,
            w.in_kind,
            w.in_kind_reversed,
            w.goods_out,
        ), name
        assert g.spending_fen == w.paid - w.payments_reversed
        assert g.closing_available_fen == w.closing - w.closing_reserved


def identity_holds(r: RestrictionFlow) -> bool:
    """opening + income − refunds − spending ± moves = closing, written out again here."""
    income = r.cash_donations_fen - r.donations_reversed_fen + r.sale_proceeds_fen
    spending = r.paid_fen - r.payments_reversed_fen
    moves = r.moved_in_fen - r.moved_out_fen
    return r.opening_fen + income - r.refunds_fen - spending + moves == r.closing_fen


# ---- disclosure ----------------------------------------------------------------------------------


def test_disclosure_of_the_year_by_hand(year: Ledger) -> None:
    d = year.disclosure("F-A", from_day=YEAR_FROM, to_day=YEAR_TO)
    by = flows(d)
    assert list(by) == ["", "助学", "助老"]
    # Unrestricted: gifts 1000 + 200 (backdated R5), refund 200, paid 500 + 500 less 500
    # reversed, 1000 released from 助学 and 600 from F-B when it closed: 2100.
    u = by[""]
    assert (u.cash_donations_fen, u.refunds_fen, u.paid_fen, u.payments_reversed_fen) == (
        120_000,
        20_000,
        100_000,
        50_000,
    )
    assert (u.spending_fen, u.moved_in_fen, u.moved_out_fen, u.closing_fen) == (
        50_000,
        160_000,
        0,
        210_000,
    )
    # 助学: 5000 + 300, the 300 reversed, 2000 paid, 1000 released and 500 moved to 助老.
    z = by["助学"]
    assert (z.cash_donations_fen, z.donations_reversed_fen, z.spending_fen) == (
        530_000,
        30_000,
        200_000,
    )
    assert (z.moved_out_fen, z.closing_fen) == (150_000, 150_000)
    # 助老: goods worth 2900 + 1110; 泡面 worth 2000 given out, 火腿肠 (1110) sold for 800;
    # 500 moved in from 助学.
    a = by["助老"]
    assert (a.in_kind_donations_fen, a.goods_out_fen, a.sale_proceeds_fen) == (
        401_000,
        311_000,
        80_000,
    )
    assert (a.moved_in_fen, a.closing_fen) == (50_000, 130_000)
    assert d.total.restriction is None
    assert d.total.closing_fen == 490_000
    assert d.total.moved_in_fen - d.total.moved_out_fen == 60_000  # only F-B's money is new
    assert d.reconciles
    assert all(identity_holds(r) for r in (*d.restrictions, d.total))
    assert_flows_match_recount(d, recount(year))


def test_disclosure_of_the_second_half_opens_with_the_first_halfs_close(year: Ledger) -> None:
    d = year.disclosure("F-A", from_day=on(7, 1), to_day=YEAR_TO)
    by = flows(d)
    # End of 30 June: "" 1000+200-200-500+500-500+1000 = 1500, 助学 1500, 助老 1300.
    assert {k: r.opening_fen for k, r in by.items()} == {
        "": 150_000,
        "助学": 150_000,
        "助老": 130_000,
    }
    # The only cash of the half: F-B's 600 arriving when it closed.
    assert by[""].moved_in_fen == 60_000
    assert by[""].closing_fen == 210_000
    assert d.total.cash_income_fen == 0
    assert d.payments == ()
    assert d.corrections == ()
    assert d.goods == ()
    assert d.reconciles
    assert identity_holds(d.total)
    assert_flows_match_recount(d, recount(year))


def test_disclosure_lists_every_correction_as_a_note_with_reason_and_actor(
    year: Ledger,
) -> None:
    d = year.disclosure("F-A", from_day=YEAR_FROM, to_day=YEAR_TO)
    notes = [
        (n.occurred_on, n.kind, n.ref, n.restriction, n.amount_fen, n.reason, n.actor)
        for n in d.corrections
    ]
    assert notes == recount(year).corrections("F-A", YEAR_FROM, YEAR_TO)
    assert [(n.kind, n.of_ref, n.to_restriction, n.amount_fen) for n in d.corrections] == [
        ("refund", "R1", "", 20_000),
        ("donation_reversed", "R3", "", 30_000),
        ("payment_reversed", "Q2", "", 50_000),
        ("restriction_released", "捐赠人同意书-1", "", 100_000),
        ("purpose_changed", "捐赠人同意书-2", "助老", 50_000),
    ]
    assert {n.actor for n in d.corrections} == {"出纳-周敏", "财务复核员", "王芳"}


def test_disclosure_spending_by_purpose_nets_reversed_payments(year: Ledger) -> None:
    d = year.disclosure("F-A", from_day=YEAR_FROM, to_day=YEAR_TO)
    got = {(s.restriction, s.purpose): (s.payments, s.paid_fen, s.reversed_fen) for s in d.spending}
    assert got == recount(year).spending_by_purpose("F-A", YEAR_FROM, YEAR_TO)
    assert got == {("助学", "助学金"): (1, 200_000, 0), ("", "办公用品"): (2, 100_000, 50_000)}
    assert sum(s.spending_fen for s in d.spending) == d.total.spending_fen == 250_000
    # The payment reversed in error is listed with its reversal; the payment again stands.
    q2 = [(p.voucher_no, p.amount_fen, p.reversed_on) for p in d.payments if p.request_id == "Q2"]
    assert q2 == [("PZ-Q2", 50_000, on(4, 5)), ("PZ-Q2-b", 50_000, None)]


def test_disclosure_of_a_period_before_the_fund_is_empty_and_reconciles(year: Ledger) -> None:
    d = year.disclosure("F-B", from_day=on(1, 1), to_day=on(1, 31))
    assert d.restrictions == ()
    assert d.total.closing_fen == 0
    assert d.reconciles


def test_a_reversed_payment_in_a_later_period_is_a_correction_of_that_period(
    ledger: Ledger,
) -> None:
    open_fund(ledger, "F", EAST, on(1, 2))
    ledger.receive_cash(
        fund_id="F", receipt_no="G", amount="900", actor="王芳", occurred_on=on(1, 3)
    )
    spend(ledger, "F", "Q", "400", "慰问品", "超市", on(1, 10))
    ledger.reverse_payment(
        fund_id="F",
        correction_id="C",
        request_id="Q",
        reason="付款未成功",
        actor="复核",
        occurred_on=on(2, 3),
    )
    january = ledger.disclosure("F", from_day=on(1, 1), to_day=on(1, 31))
    february = ledger.disclosure("F", from_day=on(2, 1), to_day=on(2, 29))
    assert january.total.spending_fen == 40_000  # January as published
    assert february.total.spending_fen == -40_000  # corrected in February, by a note
    assert [n.kind for n in february.corrections] == ["payment_reversed"]
    assert [(s.purpose, s.spending_fen) for s in february.spending] == [("慰问品", -40_000)]
    assert february.total.closing_fen == february.total.opening_fen + 40_000 == 90_000
    assert january.reconciles
    assert february.reconciles
    for d in (january, february):
        assert_flows_match_recount(d, recount(ledger))


# ---- statement -----------------------------------------------------------------------------------


def test_statement_runs_the_cash_balance_in_date_order(year: Ledger) -> None:
    st = year.statement("F-A")
    opening, lines, closing = recount(year).statement("F-A", None, None)
    got = [(x.occurred_on, x.kind, x.ref, x.cash_fen, x.balance_fen) for x in st.lines]
    assert got == lines
    assert st.opening_fen == opening == 0
    assert st.closing_fen == closing == st.lines[-1].balance_fen == 490_000
    # R5 was recorded last but is dated 20 January: it sits between R3 and the goods.
    refs = [x.ref for x in st.lines if x.kind in ("donation", "in_kind_donation")]
    assert refs == ["R1", "R2", "R3", "R5", "R4"]
    assert [x.position for x in st.lines] != sorted(x.position for x in st.lines)
    assert st.closing_in_kind_fen == 90_000  # 4010 - 2000 given out - 1110 sold


def test_statement_of_a_period_opens_with_the_day_before(year: Ledger) -> None:
    st = year.statement("F-A", from_day=on(3, 1), to_day=on(4, 30))
    opening, lines, closing = recount(year).statement("F-A", on(3, 1), on(4, 30))
    # End of 29 February: 1000 + 5000 + 300 + 200 (R5, dated 20 January).
    assert st.opening_fen == opening == 650_000
    assert [(x.occurred_on, x.kind, x.ref, x.cash_fen, x.balance_fen) for x in st.lines] == lines
    assert st.closing_fen == closing == st.lines[-1].balance_fen
    assert st.opening_in_kind_fen == 201_000  # 4010 received, 2000 given out in February


def test_statement_lines_carry_who_why_and_what_moved(year: Ledger) -> None:
    st = year.statement("F-A", from_day=on(5, 1), to_day=on(5, 2))
    release, change = st.lines
    assert (release.kind, release.restriction, release.cash_fen, release.moved_fen) == (
        "restriction_released",
        "助学",
        0,
        100_000,
    )
    assert (release.of_ref, release.reason, release.actor) == ("捐赠人同意书-1", "项目结余", "王芳")
    assert (change.kind, change.restriction, change.purpose, change.moved_fen) == (
        "purpose_changed",
        "助学",
        "助老",
        50_000,
    )
    assert release.balance_fen == change.balance_fen == st.opening_fen


def test_statement_refuses_an_unknown_fund_and_a_backwards_period(year: Ledger) -> None:
    with pytest.raises(NotFound):
        year.statement("F-X")
    with pytest.raises(NotFound):
        year.disclosure("F-X", from_day=YEAR_FROM, to_day=YEAR_TO)
    with pytest.raises(NotFound):
        year.donor_summary(fund_id="F-X")
    with pytest.raises(InvalidInput):
        year.statement("F-A", from_day=on(3, 1), to_day=on(2, 1))
    with pytest.raises(InvalidInput):
        year.disclosure("F-A", from_day=on(3, 1), to_day=on(2, 1))


# ---- donors --------------------------------------------------------------------------------------


def test_donor_summary_per_donor_with_refunds_and_reversals_joined_to_the_gift(
    year: Ledger,
) -> None:
    summary = year.donor_summary(station_id=EAST)
    rows = {r.donor: r for r in summary.donors}
    assert [r.donor for r in summary.donors] == ["张三", "李四", "某超市", "王五", None]
    # 张三 gave R1 in both funds; only F-A's R1 was partly refunded.
    zhang = rows["张三"]
    assert (zhang.gifts, zhang.cash_fen, zhang.refunded_fen, zhang.net_cash_fen) == (
        2,
        160_000,
        20_000,
        140_000,
    )
    assert [(g.fund_id, g.receipt_no, g.refunded_fen) for g in zhang.gift_lines] == [
        ("F-A", "R1", 20_000),
        ("F-B", "R1", 0),
    ]
    anonymous = rows[None]
    assert (anonymous.cash_fen, anonymous.reversed_cash_fen, anonymous.net_cash_fen) == (
        30_000,
        30_000,
        0,
    )
    assert anonymous.gift_lines[0].reversed_on == on(3, 12)
    assert anonymous.gift_lines[0].reversal_reason == "重复录入"
    # Every gift and its refunds and reversal, recounted from the events.
    want = {
        (g.fund, g.receipt_no): (g.donor, g.cash_fen, g.in_kind_fen, g.refunded_fen, g.reversed_on)
        for g in recount(year).gifts(station=EAST)
    }
    got = {
        (g.fund_id, g.receipt_no): (
            r.donor,
            g.cash_fen,
            g.in_kind_fen,
            g.refunded_fen,
            g.reversed_on,
        )
        for r in summary.donors
        for g in r.gift_lines
    }
    assert got == want


def test_donors_see_what_their_purpose_received_and_every_payment_from_it(year: Ledger) -> None:
    rc = recount(year)
    [li] = year.donor_summary(fund_id="F-A", donor="李四").donors
    [use] = li.restrictions
    want = rc.restriction_use("F-A", "助学")
    # 助学 received 5000 + 300 - 300 reversed; paid 2000; 1000 released, 500 moved; 1500 left.
    assert (use.received_fen, use.paid_fen, use.moved_out_fen, use.total_fen) == (
        500_000,
        200_000,
        150_000,
        150_000,
    )
    assert (use.received_fen, use.paid_fen, use.total_fen) == (
        want["received"],
        want["paid"],
        want["total"],
    )
    assert [
        (p.request_id, p.occurred_on, p.purpose, p.payee, p.amount_fen, p.reversed_on)
        for p in use.payments
    ] == want["payments"]
    assert [(m.kind, m.to_restriction, m.amount_fen) for m in use.moves] == [
        ("restriction_released", "", 100_000),
        ("purpose_changed", "助老", 50_000),
    ]
    # The supermarket gave goods for 助老: it sees them given out and sold, and the 500 moved in.
    [shop] = year.donor_summary(donor="某超市").donors
    assert shop.in_kind_fen == 401_000
    [elderly] = shop.restrictions
    want = rc.restriction_use("F-A", "助老")
    assert (
        (elderly.received_fen, elderly.in_kind_received_fen, elderly.total_fen)
        == (
            want["received"],
            want["in_kind"],
            want["total"],
        )
        == (80_000, 401_000, 130_000)
    )
    assert [(g.ref, g.value_fen) for g in elderly.goods_distributed] == [
        (ref, value) for ref, _, value in want["given_out"]
    ]
    assert elderly.moves[0].amount_fen == 50_000


def test_the_anonymous_gifts_are_one_row_and_can_be_asked_for(year: Ledger) -> None:
    [row] = year.donor_summary(donor="").donors
    assert row.donor is None
    assert row.gifts == 1
    assert year.donor_summary(donor="nobody").donors == ()


# ---- seeds ---------------------------------------------------------------------------------------

# 003 朝阳: "累计接收各类捐赠资金45265元" (the split is assumed, as in test_seed_examples).
CHAOYANG = [
    ("CY-001", "20000", "石嘴山市某爱心企业", ""),
    ("CY-002", "15000", "宁夏某商贸有限公司", "困难群体救助"),
    ("CY-003", "6000", "万盛社区居民张某", ""),
    ("CY-004", "3000", "阳光社区居民李某", "儿童关怀"),
    ("CY-005", "1000", None, ""),
    ("CY-006", "265", None, ""),
]


def test_chaoyang_gifts_disclose_as_45265_yuan(ledger: Ledger) -> None:
    open_fund(ledger, "chaoyang", "dawukou-chaoyang", on(5, 6))
    for n, (receipt_no, amount, donor, restriction) in enumerate(CHAOYANG):
        ledger.receive_cash(
            fund_id="chaoyang",
            receipt_no=receipt_no,
            amount=amount,
            donor=donor,
            restriction=restriction,
            actor="朝阳街道经办人",
            occurred_on=on(5, 10 + n),
        )
    d = ledger.disclosure("chaoyang", from_day=on(5, 1), to_day=on(7, 31))
    assert d.total.cash_donations_fen == d.total.closing_fen == 4_526_500
    assert {r.restriction: r.cash_donations_fen for r in d.restrictions} == {
        "": 2_726_500,
        "困难群体救助": 1_500_000,
        "儿童关怀": 300_000,
    }
    summary = ledger.donor_summary(fund_id="chaoyang")
    assert sum(r.cash_fen for r in summary.donors) == 4_526_500
    assert summary.donors[-1].donor is None
    assert summary.donors[-1].cash_fen == 126_500  # 1000 + 265, anonymous together
    assert_flows_match_recount(d, recount(ledger))


def _quantities(goods: str) -> dict[str, int]:
    return {m[1]: int(m[2]) for m in re.finditer(r"(\S+) (\d+) (\S+)", goods)}


def test_xiasha_noodles_and_sausages_given_out_are_disclosed(ledger: Ledger) -> None:
    """000 下沙: 145箱泡面、37箱火腿肠 from 蚂蚁公益基金会, given out to outdoor workers."""
    open_fund(ledger, "xiasha", "xiasha", on(8, 1, 2022))
    ledger.receive_goods(
        fund_id="xiasha",
        receipt_no="XS-2022-08",
        donor="蚂蚁公益基金会",
        items=[
            {"item": "泡面", "quantity": 145, "unit": "箱", "value": "5800", "basis": "document"},
            {"item": "火腿肠", "quantity": 37, "unit": "箱", "basis": "unvalued"},
        ],
        actor="社工站",
        occurred_on=on(8, 2, 2022),
    )
    given: list[tuple[str, str, int, str]] = [
        ("泡面", "箱", 80, "环卫工人"),
        ("泡面", "箱", 50, "外卖小哥"),
        ("泡面", "箱", 15, "社区防疫点"),
        ("火腿肠", "箱", 37, "社区防疫点"),
    ]
    for n, (item, unit, quantity, recipient) in enumerate(given):
        ledger.distribute_goods(
            fund_id="xiasha",
            distribution_id=f"FF-{n}",
            item=item,
            unit=unit,
            quantity=quantity,
            recipient=recipient,
            signed_off_by="站长",
            purpose="户外工作群体慰问",
            actor="社工站",
            occurred_on=on(8, 10 + n, 2022),
        )
    d = ledger.disclosure("xiasha", from_day=on(7, 1, 2022), to_day=on(9, 30, 2022))
    out: dict[str, int] = {}
    for g in d.goods:
        if g.kind == "goods_distributed":
            for item, quantity in _quantities(g.goods).items():
                out[item] = out.get(item, 0) + quantity
    assert out == {"泡面": 145, "火腿肠": 37}
    assert d.total.in_kind_donations_fen == d.total.goods_out_fen == 580_000
    assert d.total.closing_fen == 0
    assert d.reconciles
    # 80/145 of 5800 is 3200 (rounded down); the last boxes take what is left.
    assert [g.value_fen for g in d.goods if g.kind == "goods_distributed"] == [
        320_000,
        200_000,
        60_000,
        0,
    ]
    [donor] = ledger.donor_summary(fund_id="xiasha").donors
    assert donor.in_kind_fen == 580_000
    assert [g.counterparty for g in donor.restrictions[0].goods_distributed] == [
        "环卫工人",
        "外卖小哥",
        "社区防疫点",
        "社区防疫点",
    ]
    assert ledger.statement("xiasha").closing_in_kind_fen == 0


def test_reports_encode_money_as_integer_fen() -> None:
    ledger = Ledger("memory:")
    record_small_year(ledger)
    decoded: Any = msgspec.json.decode(
        msgspec.json.encode(ledger.disclosure("F-A", from_day=YEAR_FROM, to_day=YEAR_TO))
    )
    assert decoded["total"]["closing_fen"] == 490_000
    assert decoded["from_day"] == "2024-01-01"
    ledger.close()


def test_a_disclosure_period_is_both_ends_included(year: Ledger) -> None:
    one_day = year.disclosure("F-A", from_day=on(1, 20), to_day=on(1, 20))
    assert one_day.total.cash_donations_fen == 20_000  # R5, dated 20 January
    assert one_day.total.opening_fen == 630_000
    assert dt.date(2024, 1, 20) == one_day.from_day == one_day.to_day
