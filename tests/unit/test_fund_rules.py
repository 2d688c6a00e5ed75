"""Every refusal of the Fund aggregate, with its error class (DOMAIN rules 7-11).

Given a fund's history (built by its own commands, then handed over as saved),
when a command runs, then either the expected event is triggered, or the named
error is raised and the fund is exactly as it was: no pending event, same version,
same state. Most tests drive ``Fund`` directly (pure domain, no I/O); the ones
about saving several funds atomically go through the ``Ledger`` on every backend.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager

import msgspec
import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import D, FixedClock, open_test_fund
from sgz_ledger import Ledger
from sgz_ledger.domain.errors import (
    ApprovalRefused,
    ConsentRequired,
    FundNotEmpty,
    FundNotOpen,
    InsufficientFunds,
    InsufficientStock,
    InvalidInput,
    InvalidTransition,
    LedgerError,
    NotFound,
    RuleViolation,
)
from sgz_ledger.domain.events import (
    UNRESTRICTED,
    DisbursementApproved,
    DisbursementCancelled,
    DisbursementPaid,
    DisbursementRejected,
    DonationRefunded,
    DonationReversed,
    FundClosed,
    FundEvent,
    FundTransferredIn,
    FundTransferredOut,
    GoodsDistributed,
    GoodsLine,
    GoodsSold,
    PaymentReversed,
    PurposeChanged,
    RestrictionReleased,
)
from sgz_ledger.domain.fund import Fund, Stamp, fund_uuid

T0 = dt.datetime(2024, 3, 1, 8, 0, tzinfo=dt.UTC)
CLERK = "王芳"  # 经办人
REQUESTER = "张伟"  # 申请人
APPROVER = "李娜"  # 管委会委员
APPROVER_2 = "赵强"  # 管委会委员
THRESHOLD_FEN = 500_000  # 5000 yuan: above it, two approvers (rule 11)
AID = "困境儿童助学"  # a restriction (定向)


def at(actor: str = CLERK, on: dt.date = D) -> Stamp:
    return Stamp(actor=actor, occurred_on=on, recorded_at=T0)


# ---- given: a fund and its history ----------------------------------------------------


def given_fund(*, publicity_required: bool = False, fund_id: str = "cz-village") -> Fund:
    fund = Fund.open(
        at(),
        fund_id=fund_id,
        station_id="cuizhai",
        community="崔寨村",
        name="崔寨村社区基金",
        host="济南市慈善总会",
        approval_threshold_fen=THRESHOLD_FEN,
        publicity_required=publicity_required,
    )
    fund.collect_events()
    return fund


def given_cash(fund: Fund, receipt_no: str, amount_fen: int, restriction: str = "") -> None:
    fund.receive_cash(
        at(),
        receipt_no=receipt_no,
        donor="爱心企业",
        restriction=restriction,
        amount_fen=amount_fen,
    )
    fund.collect_events()


def given_goods(
    fund: Fund,
    receipt_no: str,
    *lines: tuple[str, int, str, int | None],
    restriction: str = "",
) -> None:
    items = tuple(
        GoodsLine(
            item=item,
            quantity=quantity,
            unit=unit,
            value_fen=value_fen,
            basis="unvalued" if value_fen is None else "document",
        )
        for item, quantity, unit, value_fen in lines
    )
    fund.receive_goods(
        at(), receipt_no=receipt_no, donor="蚂蚁公益基金会", restriction=restriction, items=items
    )
    fund.collect_events()


def given_request(fund: Fund, request_id: str, amount_fen: int, restriction: str = "") -> None:
    fund.request_disbursement(
        at(REQUESTER),
        request_id=request_id,
        amount_fen=amount_fen,
        purpose="购买学习用品",
        restriction=restriction,
        payee="文具店",
    )
    fund.collect_events()


def given_approved(fund: Fund, request_id: str, amount_fen: int, restriction: str = "") -> None:
    given_request(fund, request_id, amount_fen, restriction)
    fund.approve_disbursement(at(APPROVER), request_id=request_id)
    if amount_fen > THRESHOLD_FEN:
        fund.approve_disbursement(at(APPROVER_2), request_id=request_id)
    fund.collect_events()


def given_paid(fund: Fund, request_id: str, amount_fen: int, restriction: str = "") -> None:
    given_approved(fund, request_id, amount_fen, restriction)
    fund.pay_disbursement(at(), request_id=request_id, voucher_no=f"V-{request_id}")
    fund.collect_events()


# ---- then ------------------------------------------------------------------------------


def then_recorded(fund: Fund) -> FundEvent:
    """The one event the command triggered (and hands over for saving)."""
    [event] = fund.collect_events()
    return event


@contextmanager
def refused(
    fund: Fund, error: type[LedgerError], match: str | None = None
) -> Iterator[pytest.ExceptionInfo[LedgerError]]:
    """The block raises exactly ``error`` and leaves the fund as it was."""
    version = fund.version
    state = msgspec.msgpack.encode(fund.state)
    with pytest.raises(error, match=match) as caught:
        yield caught
    assert type(caught.value) is error
    assert not fund.has_pending
    assert fund.version == version
    assert msgspec.msgpack.encode(fund.state) == state


def available(fund: Fund, restriction: str = UNRESTRICTED) -> int:
    return fund.balances.available_fen(restriction)


def reserved(fund: Fund, restriction: str = UNRESTRICTED) -> int:
    return fund.balances.restriction(restriction).reserved_fen


# ---- the fund must exist and be open -----------------------------------------------------


def test_unknown_fund_is_not_found(ledger: Ledger) -> None:
    with pytest.raises(NotFound) as caught:
        ledger.receive_cash(
            fund_id="no-such-fund", receipt_no="R-1", amount="100", actor=CLERK, occurred_on=D
        )
    assert (caught.value.kind, caught.value.key) == ("fund", "no-such-fund")
    assert ledger.stored_events() == []


def test_a_fund_never_opened_takes_no_entries() -> None:
    fund = Fund(fund_uuid("never-opened"))
    with refused(fund, FundNotOpen):
        fund.receive_cash(at(), receipt_no="R-1", donor=None, restriction="", amount_fen=100)


def test_closed_fund_refuses_every_new_entry() -> None:
    fund = given_fund()
    fund.close(at(), reason="村基金合并")
    fund.collect_events()
    line = GoodsLine(item="泡面", quantity=1, unit="箱", value_fen=None, basis="unvalued")
    with refused(fund, FundNotOpen):
        fund.receive_cash(at(), receipt_no="R-1", donor=None, restriction="", amount_fen=100)
    with refused(fund, FundNotOpen):
        fund.receive_goods(at(), receipt_no="G-1", donor=None, restriction="", items=(line,))
    with refused(fund, FundNotOpen):
        fund.request_disbursement(
            at(REQUESTER), request_id="Q-1", amount_fen=1, purpose="p", restriction="", payee="x"
        )


@pytest.mark.parametrize(
    "command",
    ["approve", "publicize", "pay", "reject", "cancel", "refund", "reverse_donation"],
)
def test_unknown_request_or_receipt_is_not_found(command: str) -> None:
    fund = given_fund()
    given_cash(fund, "R-1", 10_000)
    calls = {
        "approve": lambda: fund.approve_disbursement(at(APPROVER), request_id="Q-X"),
        "publicize": lambda: fund.publicize_disbursement(
            at(), request_id="Q-X", notice_ref="公示", notice_from=D, notice_to=D
        ),
        "pay": lambda: fund.pay_disbursement(at(), request_id="Q-X", voucher_no="V-1"),
        "reject": lambda: fund.reject_disbursement(at(APPROVER), request_id="Q-X", reason="r"),
        "cancel": lambda: fund.cancel_disbursement(at(REQUESTER), request_id="Q-X", reason="r"),
        "refund": lambda: fund.refund(
            at(), refund_id="RF-1", receipt_no="R-X", amount_fen=1, reason="r"
        ),
        "reverse_donation": lambda: fund.reverse_donation(
            at(), correction_id="C-1", receipt_no="R-X", reason="r"
        ),
    }
    with refused(fund, NotFound):
        calls[command]()


# ---- rule 9: restricted money is spent only on its purpose (专款专用) -----------------------


def test_restricted_money_cannot_pay_an_unrestricted_request() -> None:
    fund = given_fund()
    given_cash(fund, "R-1", 100_000, restriction=AID)
    given_request(fund, "Q-1", 50_000, restriction=UNRESTRICTED)
    with refused(fund, InsufficientFunds) as caught:
        fund.approve_disbursement(at(APPROVER), request_id="Q-1")
    error = caught.value
    assert isinstance(error, InsufficientFunds)
    assert (error.restriction, error.available_fen, error.needed_fen) == ("", 0, 50_000)


def test_unrestricted_money_cannot_pay_a_restricted_request() -> None:
    fund = given_fund()
    given_cash(fund, "R-1", 100_000)
    given_request(fund, "Q-1", 50_000, restriction=AID)
    with refused(fund, InsufficientFunds):
        fund.approve_disbursement(at(APPROVER), request_id="Q-1")


def test_a_request_draws_only_on_its_own_restriction() -> None:
    fund = given_fund()
    given_cash(fund, "R-1", 100_000, restriction=AID)
    given_cash(fund, "R-2", 30_000)
    given_request(fund, "Q-1", 60_000, restriction=AID)
    event = fund.approve_disbursement(at(APPROVER), request_id="Q-1")
    assert isinstance(event, DisbursementApproved)
    assert (event.restriction, event.reserved_fen) == (AID, 60_000)
    assert (available(fund, AID), reserved(fund, AID)) == (40_000, 60_000)
    assert (available(fund), reserved(fund)) == (30_000, 0)


def test_in_kind_value_never_counts_toward_available_cash() -> None:
    """Rule 8: 陈仓's 15000元学习用品 are income in kind, not cash anyone can pay out."""
    fund = given_fund()
    given_goods(fund, "G-1", ("学习用品", 300, "套", 1_500_000), restriction=AID)
    given_request(fund, "Q-1", 100, restriction=AID)
    assert fund.balances.in_kind_held_fen == 1_500_000
    with refused(fund, InsufficientFunds):
        fund.approve_disbursement(at(APPROVER), request_id="Q-1")
    assert available(fund, AID) == 0


# ---- rule 11: request -> approval by another person (two above the threshold) -------------


def test_the_requester_may_not_approve_their_own_request() -> None:
    fund = given_fund()
    given_cash(fund, "R-1", 100_000)
    given_request(fund, "Q-1", 10_000)
    with refused(fund, ApprovalRefused):
        fund.approve_disbursement(at(REQUESTER), request_id="Q-1")


def test_at_the_threshold_one_approver_reserves_the_money() -> None:
    fund = given_fund()
    given_cash(fund, "R-1", 1_000_000)
    given_request(fund, "Q-1", THRESHOLD_FEN)
    event = fund.approve_disbursement(at(APPROVER), request_id="Q-1")
    assert isinstance(event, DisbursementApproved)
    assert event.reserved_fen == THRESHOLD_FEN
    assert fund.state.disbursements["Q-1"].status == "approved"


def test_above_the_threshold_money_is_reserved_only_by_a_second_distinct_approver() -> None:
    fund = given_fund()
    given_cash(fund, "R-1", 1_000_000)
    given_request(fund, "Q-1", THRESHOLD_FEN + 1)
    assert (available(fund), reserved(fund)) == (1_000_000, 0)

    first = fund.approve_disbursement(at(APPROVER), request_id="Q-1")
    assert first.reserved_fen == 0
    assert fund.state.disbursements["Q-1"].status == "requested"
    assert (available(fund), reserved(fund)) == (1_000_000, 0)

    second = fund.approve_disbursement(at(APPROVER_2), request_id="Q-1")
    assert second.reserved_fen == THRESHOLD_FEN + 1
    assert fund.state.disbursements["Q-1"].status == "approved"
    assert (available(fund), reserved(fund)) == (1_000_000 - THRESHOLD_FEN - 1, THRESHOLD_FEN + 1)
    assert fund.collect_events() == [first, second]


def test_the_same_approver_twice_does_not_count_as_two_approvals() -> None:
    """Above the threshold, one person approving again is a repeat, not a second approval."""
    fund = given_fund()
    given_cash(fund, "R-1", 1_000_000)
    given_request(fund, "Q-1", 600_000)
    first = fund.approve_disbursement(at(APPROVER), request_id="Q-1")
    fund.collect_events()
    again = fund.approve_disbursement(at(APPROVER), request_id="Q-1")
    assert again is first
    assert not fund.has_pending
    assert fund.state.disbursements["Q-1"].status == "requested"
    assert reserved(fund) == 0
    with refused(fund, InvalidTransition):  # still not approved, so it cannot be paid
        fund.pay_disbursement(at(), request_id="Q-1", voucher_no="V-1")


def test_the_requester_cannot_be_the_second_approver_either() -> None:
    fund = given_fund()
    given_cash(fund, "R-1", 1_000_000)
    given_request(fund, "Q-1", 600_000)
    fund.approve_disbursement(at(APPROVER), request_id="Q-1")
    fund.collect_events()
    with refused(fund, ApprovalRefused):
        fund.approve_disbursement(at(REQUESTER), request_id="Q-1")


def test_the_completing_approval_is_checked_against_the_available_balance() -> None:
    fund = given_fund()
    given_cash(fund, "R-1", 10_000)
    given_approved(fund, "Q-1", 8_000)
    given_request(fund, "Q-2", 5_000)
    with refused(fund, InsufficientFunds) as caught:
        fund.approve_disbursement(at(APPROVER), request_id="Q-2")
    assert isinstance(caught.value, InsufficientFunds)
    assert caught.value.available_fen == 2_000


@pytest.mark.parametrize("ended", ["rejected", "cancelled", "paid"])
def test_only_a_pending_request_can_be_approved(ended: str) -> None:
    fund = given_fund()
    given_cash(fund, "R-1", 100_000)
    given_request(fund, "Q-1", 10_000)
    if ended == "rejected":
        fund.reject_disbursement(at(APPROVER), request_id="Q-1", reason="不符合资助范围")
    elif ended == "cancelled":
        fund.cancel_disbursement(at(REQUESTER), request_id="Q-1", reason="活动取消")
    else:
        fund.approve_disbursement(at(APPROVER), request_id="Q-1")
        fund.pay_disbursement(at(), request_id="Q-1", voucher_no="V-1")
    fund.collect_events()
    with refused(fund, InvalidTransition):
        fund.approve_disbursement(at(APPROVER_2), request_id="Q-1")


# ---- rule 11: public notice (公示) and payment ----------------------------------------------


def test_payment_before_approval_is_refused() -> None:
    fund = given_fund()
    given_cash(fund, "R-1", 100_000)
    given_request(fund, "Q-1", 10_000)
    with refused(fund, InvalidTransition):
        fund.pay_disbursement(at(), request_id="Q-1", voucher_no="V-1")


def test_publicity_follows_approval() -> None:
    fund = given_fund(publicity_required=True)
    given_cash(fund, "R-1", 100_000)
    given_request(fund, "Q-1", 10_000)
    with refused(fund, InvalidTransition):
        fund.publicize_disbursement(
            at(), request_id="Q-1", notice_ref="公示-1", notice_from=D, notice_to=D
        )


# ---- the steps of one entry are dated in order ------------------------------------------------

BEFORE = D - dt.timedelta(days=1)


def test_an_approval_cannot_be_dated_before_its_request() -> None:
    fund = given_fund()
    given_cash(fund, "R-1", 100_000)
    given_request(fund, "Q-1", 10_000)
    with refused(fund, InvalidTransition, match="before the request 'Q-1'"):
        fund.approve_disbursement(at(APPROVER, BEFORE), request_id="Q-1")
    fund.approve_disbursement(at(APPROVER, D), request_id="Q-1")  # the same day is fine


def test_a_payment_cannot_be_dated_before_its_approval() -> None:
    fund = given_fund()
    given_cash(fund, "R-1", 100_000)
    given_approved(fund, "Q-1", 10_000)
    with refused(fund, InvalidTransition, match="before the approval"):
        fund.pay_disbursement(at(CLERK, BEFORE), request_id="Q-1", voucher_no="V-1")


def test_a_notice_cannot_be_dated_before_the_approval() -> None:
    fund = given_fund(publicity_required=True)
    given_cash(fund, "R-1", 100_000)
    given_approved(fund, "Q-1", 10_000)
    with refused(fund, InvalidTransition, match="before the approval"):
        fund.publicize_disbursement(
            at(CLERK, BEFORE),
            request_id="Q-1",
            notice_ref="公示-1",
            notice_from=D,
            notice_to=D + dt.timedelta(days=4),
        )


@pytest.mark.parametrize("end", ["reject_disbursement", "cancel_disbursement"])
def test_a_request_cannot_be_ended_before_it_was_made(end: str) -> None:
    fund = given_fund()
    given_cash(fund, "R-1", 100_000)
    given_request(fund, "Q-1", 10_000)
    with refused(fund, InvalidTransition, match="before the request"):
        getattr(fund, end)(at(APPROVER, BEFORE), request_id="Q-1", reason="不符合条件")


def test_a_refund_cannot_be_dated_before_its_gift() -> None:
    fund = given_fund()
    given_cash(fund, "R-1", 100_000)
    with refused(fund, InvalidTransition, match="before the gift 'R-1'"):
        fund.refund(
            at(CLERK, BEFORE), refund_id="T-1", receipt_no="R-1", amount_fen=1, reason="退回"
        )


def test_a_wrong_entry_may_be_reversed_whatever_its_date() -> None:
    """A correction does not follow the wrong entry's date: that date may be the error."""
    fund = given_fund()
    given_cash(fund, "R-1", 100_000)
    event = fund.reverse_donation(
        at(CLERK, BEFORE), correction_id="C-1", receipt_no="R-1", reason="日期录错"
    )
    assert isinstance(event, DonationReversed)


def test_a_notice_period_cannot_end_before_it_starts() -> None:
    fund = given_fund(publicity_required=True)
    given_cash(fund, "R-1", 100_000)
    given_approved(fund, "Q-1", 10_000)
    with refused(fund, RuleViolation):
        fund.publicize_disbursement(
            at(),
            request_id="Q-1",
            notice_ref="公示-1",
            notice_from=D,
            notice_to=D - dt.timedelta(days=1),
        )


def test_payment_without_notice_is_refused_when_the_fund_requires_it() -> None:
    fund = given_fund(publicity_required=True)
    given_cash(fund, "R-1", 100_000)
    given_approved(fund, "Q-1", 10_000)
    with refused(fund, InvalidTransition, match="公示"):
        fund.pay_disbursement(at(), request_id="Q-1", voucher_no="V-1")


def test_payment_without_notice_is_allowed_when_the_fund_does_not_require_it() -> None:
    fund = given_fund(publicity_required=False)
    given_cash(fund, "R-1", 100_000)
    given_approved(fund, "Q-1", 10_000)
    event = fund.pay_disbursement(at(), request_id="Q-1", voucher_no="V-1")
    assert isinstance(event, DisbursementPaid)


def test_payment_during_the_notice_period_is_refused_and_allowed_after_it() -> None:
    fund = given_fund(publicity_required=True)
    given_cash(fund, "R-1", 100_000)
    given_approved(fund, "Q-1", 10_000)
    notice_to = D + dt.timedelta(days=7)
    fund.publicize_disbursement(
        at(), request_id="Q-1", notice_ref="公示-1", notice_from=D, notice_to=notice_to
    )
    fund.collect_events()
    with refused(fund, InvalidTransition, match="公示"):
        fund.pay_disbursement(at(on=D + dt.timedelta(days=3)), request_id="Q-1", voucher_no="V-1")
    paid = fund.pay_disbursement(
        at(on=notice_to + dt.timedelta(days=1)), request_id="Q-1", voucher_no="V-1"
    )
    assert then_recorded(fund) == paid


def test_payment_on_the_last_day_of_the_notice_is_refused() -> None:
    fund = given_fund(publicity_required=True)
    given_cash(fund, "R-1", 100_000)
    given_approved(fund, "Q-1", 10_000)
    notice_to = D + dt.timedelta(days=7)
    fund.publicize_disbursement(
        at(), request_id="Q-1", notice_ref="公示-1", notice_from=D, notice_to=notice_to
    )
    fund.collect_events()
    with refused(fund, InvalidTransition):
        fund.pay_disbursement(at(on=notice_to), request_id="Q-1", voucher_no="V-1")


def test_payment_turns_the_reservation_into_spending() -> None:
    fund = given_fund()
    given_cash(fund, "R-1", 100_000, restriction=AID)
    given_approved(fund, "Q-1", 30_000, restriction=AID)
    assert (reserved(fund, AID), available(fund, AID)) == (30_000, 70_000)
    event = fund.pay_disbursement(at(), request_id="Q-1", voucher_no="V-2024-001")
    assert isinstance(event, DisbursementPaid)
    assert (event.amount_fen, event.restriction, event.payee) == (30_000, AID, "文具店")
    balance = fund.balances.restriction(AID)
    assert (balance.reserved_fen, balance.total_fen, balance.paid_fen) == (0, 70_000, 30_000)
    assert available(fund, AID) == 70_000


# ---- reject and cancel release the reservation ------------------------------------------


@pytest.mark.parametrize("end", ["reject", "cancel"])
def test_reject_and_cancel_release_the_reservation(end: str) -> None:
    fund = given_fund()
    given_cash(fund, "R-1", 100_000)
    given_approved(fund, "Q-1", 40_000)
    assert (reserved(fund), available(fund)) == (40_000, 60_000)
    if end == "reject":
        event: FundEvent = fund.reject_disbursement(
            at(APPROVER), request_id="Q-1", reason="管委会复议不通过"
        )
        assert isinstance(event, DisbursementRejected)
    else:
        event = fund.cancel_disbursement(at(REQUESTER), request_id="Q-1", reason="活动取消")
        assert isinstance(event, DisbursementCancelled)
    assert event.released_fen == 40_000
    assert (reserved(fund), available(fund)) == (0, 100_000)


def test_rejecting_an_unapproved_request_releases_nothing() -> None:
    fund = given_fund()
    given_cash(fund, "R-1", 100_000)
    given_request(fund, "Q-1", 40_000)
    event = fund.reject_disbursement(at(APPROVER), request_id="Q-1", reason="材料不全")
    assert isinstance(event, DisbursementRejected)
    assert event.released_fen == 0
    assert available(fund) == 100_000


@pytest.mark.parametrize("end", ["reject", "cancel"])
def test_a_paid_request_cannot_be_rejected_or_cancelled(end: str) -> None:
    fund = given_fund()
    given_cash(fund, "R-1", 100_000)
    given_paid(fund, "Q-1", 40_000)
    with refused(fund, InvalidTransition):
        if end == "reject":
            fund.reject_disbursement(at(APPROVER), request_id="Q-1", reason="r")
        else:
            fund.cancel_disbursement(at(REQUESTER), request_id="Q-1", reason="r")


def test_a_rejected_request_cannot_then_be_cancelled() -> None:
    fund = given_fund()
    given_request(fund, "Q-1", 40_000)
    fund.reject_disbursement(at(APPROVER), request_id="Q-1", reason="材料不全")
    fund.collect_events()
    with refused(fund, InvalidTransition):
        fund.cancel_disbursement(at(REQUESTER), request_id="Q-1", reason="r")


# ---- refunds (rule 11: a reversing entry linked to the original gift) -----------------------


def test_a_partial_refund_is_linked_to_its_gift_and_reduces_the_cash() -> None:
    fund = given_fund()
    given_cash(fund, "R-1", 100_000, restriction=AID)
    event = fund.refund(
        at(), refund_id="RF-1", receipt_no="R-1", amount_fen=30_000, reason="捐赠人要求部分退回"
    )
    assert isinstance(event, DonationRefunded)
    assert (event.receipt_no, event.restriction, event.reason) == ("R-1", AID, "捐赠人要求部分退回")
    balance = fund.balances.restriction(AID)
    assert (balance.received_fen, balance.refunded_fen, balance.total_fen) == (
        100_000,
        30_000,
        70_000,
    )


def test_a_refund_never_exceeds_the_gift() -> None:
    fund = given_fund()
    given_cash(fund, "R-1", 100_000)
    given_cash(fund, "R-2", 500_000)  # plenty of cash: the limit is the gift, not the balance
    with refused(fund, RuleViolation):
        fund.refund(at(), refund_id="RF-1", receipt_no="R-1", amount_fen=100_001, reason="r")


def test_refunds_of_one_gift_add_up_to_at_most_the_gift() -> None:
    fund = given_fund()
    given_cash(fund, "R-1", 100_000)
    given_cash(fund, "R-2", 500_000)
    fund.refund(at(), refund_id="RF-1", receipt_no="R-1", amount_fen=60_000, reason="r")
    fund.collect_events()
    with refused(fund, RuleViolation):
        fund.refund(at(), refund_id="RF-2", receipt_no="R-1", amount_fen=40_001, reason="r")
    fund.refund(at(), refund_id="RF-3", receipt_no="R-1", amount_fen=40_000, reason="r")
    assert fund.state.refunded_fen_by_receipt["R-1"] == 100_000


def test_an_in_kind_gift_cannot_be_refunded() -> None:
    fund = given_fund()
    given_goods(fund, "G-1", ("泡面", 145, "箱", 580_000))
    with refused(fund, InvalidTransition):
        fund.refund(at(), refund_id="RF-1", receipt_no="G-1", amount_fen=1, reason="r")


def test_a_reversed_gift_cannot_be_refunded() -> None:
    fund = given_fund()
    given_cash(fund, "R-1", 100_000)
    given_cash(fund, "R-2", 100_000)
    fund.reverse_donation(at(), correction_id="C-1", receipt_no="R-1", reason="重复录入")
    fund.collect_events()
    with refused(fund, InvalidTransition):
        fund.refund(at(), refund_id="RF-1", receipt_no="R-1", amount_fen=1, reason="r")


def test_a_refund_of_money_already_spent_is_refused() -> None:
    fund = given_fund()
    given_cash(fund, "R-1", 100_000)
    given_paid(fund, "Q-1", 80_000)
    with refused(fund, InsufficientFunds):
        fund.refund(at(), refund_id="RF-1", receipt_no="R-1", amount_fen=30_000, reason="r")


def test_a_refund_cannot_take_reserved_money() -> None:
    fund = given_fund()
    given_cash(fund, "R-1", 100_000)
    given_approved(fund, "Q-1", 80_000)
    with refused(fund, InsufficientFunds):
        fund.refund(at(), refund_id="RF-1", receipt_no="R-1", amount_fen=30_000, reason="r")


# ---- corrections: a wrong entry is reversed by a new event, never edited (rule 3, 12) -------


def test_reversing_a_cash_gift_takes_it_out_of_income() -> None:
    fund = given_fund()
    given_cash(fund, "R-1", 100_000, restriction=AID)
    event = fund.reverse_donation(at(), correction_id="C-1", receipt_no="R-1", reason="金额录错")
    assert isinstance(event, DonationReversed)
    assert (event.amount_fen, event.restriction, event.items) == (100_000, AID, ())
    assert fund.balances.restriction(AID).received_fen == 0
    assert "R-1" in fund.state.donations  # the original stays on record


def test_a_donation_is_reversed_only_once() -> None:
    fund = given_fund()
    given_cash(fund, "R-1", 100_000)
    fund.reverse_donation(at(), correction_id="C-1", receipt_no="R-1", reason="重复录入")
    fund.collect_events()
    with refused(fund, InvalidTransition):
        fund.reverse_donation(at(), correction_id="C-2", receipt_no="R-1", reason="重复录入")


def test_a_donation_with_refunds_cannot_be_reversed() -> None:
    fund = given_fund()
    given_cash(fund, "R-1", 100_000)
    fund.refund(at(), refund_id="RF-1", receipt_no="R-1", amount_fen=10_000, reason="r")
    fund.collect_events()
    with refused(fund, InvalidTransition):
        fund.reverse_donation(at(), correction_id="C-1", receipt_no="R-1", reason="录错")


def test_a_cash_gift_already_spent_cannot_be_reversed() -> None:
    fund = given_fund()
    given_cash(fund, "R-1", 100_000)
    given_paid(fund, "Q-1", 1)
    with refused(fund, InsufficientFunds):
        fund.reverse_donation(at(), correction_id="C-1", receipt_no="R-1", reason="录错")


def test_reversing_an_in_kind_gift_takes_its_goods_and_value_out() -> None:
    fund = given_fund()
    given_goods(fund, "G-1", ("泡面", 145, "箱", 580_000), ("火腿肠", 37, "箱", 222_000))
    event = fund.reverse_donation(at(), correction_id="C-1", receipt_no="G-1", reason="录错")
    assert isinstance(event, DonationReversed)
    assert (event.amount_fen, len(event.items)) == (0, 2)
    assert fund.balances.in_kind_held_fen == 0
    assert all(line.quantity == 0 and line.value_fen == 0 for line in fund.balances.stock.values())


def test_an_in_kind_gift_whose_goods_were_distributed_cannot_be_reversed() -> None:
    fund = given_fund()
    given_goods(fund, "G-1", ("泡面", 145, "箱", 580_000))
    fund.distribute_goods(
        at(),
        distribution_id="D-1",
        item="泡面",
        unit="箱",
        restriction="",
        quantity=1,
        recipient="环卫工人",
        signed_off_by="社区主任",
        purpose="慰问",
    )
    fund.collect_events()
    with refused(fund, InsufficientStock):
        fund.reverse_donation(at(), correction_id="C-1", receipt_no="G-1", reason="录错")


def test_reversal_never_leaves_value_without_goods() -> None:
    fund = given_fund()
    given_goods(fund, "G-1", ("泡面", 10, "箱", 1_000))
    given_goods(fund, "G-2", ("泡面", 10, "箱", None))
    fund.distribute_goods(
        at(),
        distribution_id="D-1",
        item="泡面",
        unit="箱",
        restriction="",
        quantity=10,
        recipient="环卫工人",
        signed_off_by="社区主任",
        purpose="慰问",
    )
    fund.collect_events()
    try:
        fund.reverse_donation(at(), correction_id="C-1", receipt_no="G-2", reason="录错")
    except InsufficientStock:
        return  # refusing the reversal would also keep the books consistent
    line = fund.balances.stock_line("泡面", "箱", "")
    assert line is not None
    assert (line.quantity, line.value_fen) == (0, 0)


def test_reversal_never_takes_stock_below_zero() -> None:
    fund = given_fund()
    given_goods(fund, "G-1", ("泡面", 10, "箱", 1_000), ("泡面", 5, "箱", 500))
    fund.distribute_goods(
        at(),
        distribution_id="D-1",
        item="泡面",
        unit="箱",
        restriction="",
        quantity=5,
        recipient="环卫工人",
        signed_off_by="社区主任",
        purpose="慰问",
    )
    fund.collect_events()
    with refused(fund, InsufficientStock):
        fund.reverse_donation(at(), correction_id="C-1", receipt_no="G-1", reason="录错")


def test_reversing_a_payment_returns_the_money_to_the_reservation() -> None:
    fund = given_fund()
    given_cash(fund, "R-1", 100_000)
    given_paid(fund, "Q-1", 40_000)
    assert (fund.balances.total_fen, reserved(fund)) == (60_000, 0)
    event = fund.reverse_payment(at(), correction_id="C-1", request_id="Q-1", reason="凭证重复")
    assert isinstance(event, PaymentReversed)
    assert event.amount_fen == 40_000
    assert (fund.balances.total_fen, reserved(fund), available(fund)) == (100_000, 40_000, 60_000)
    assert fund.state.disbursements["Q-1"].status == "approved"
    cancelled = fund.cancel_disbursement(at(REQUESTER), request_id="Q-1", reason="不再需要")
    assert cancelled.released_fen == 40_000
    assert available(fund) == 100_000


def test_only_a_paid_request_has_a_payment_to_reverse() -> None:
    fund = given_fund()
    given_cash(fund, "R-1", 100_000)
    given_approved(fund, "Q-1", 40_000)
    with refused(fund, InvalidTransition):
        fund.reverse_payment(at(), correction_id="C-1", request_id="Q-1", reason="r")


# ---- rule 9: releasing a restriction and changing a purpose -------------------------------


def test_a_restriction_release_reclassifies_money_never_as_new_income() -> None:
    fund = given_fund()
    given_cash(fund, "R-1", 100_000, restriction=AID)
    event = fund.release_restriction(
        at(),
        release_id="RL-1",
        restriction=AID,
        amount_fen=20_000,
        reason="项目结余",
        reference="捐赠人同意函2024-01",
    )
    assert isinstance(event, RestrictionReleased)
    assert event.reference == "捐赠人同意函2024-01"
    assert (available(fund, AID), available(fund)) == (80_000, 20_000)
    assert fund.balances.restriction(UNRESTRICTED).received_fen == 0
    assert fund.balances.total_fen == 100_000


@pytest.mark.parametrize("reference", ["", "   "])
def test_a_restriction_release_without_a_reference_needs_consent(reference: str) -> None:
    fund = given_fund()
    given_cash(fund, "R-1", 100_000, restriction=AID)
    with refused(fund, ConsentRequired):
        fund.release_restriction(
            at(), release_id="RL-1", restriction=AID, amount_fen=1, reason="r", reference=reference
        )


def test_unrestricted_money_has_no_restriction_to_release() -> None:
    fund = given_fund()
    given_cash(fund, "R-1", 100_000)
    with refused(fund, RuleViolation):
        fund.release_restriction(
            at(), release_id="RL-1", restriction="", amount_fen=1, reason="r", reference="决议"
        )


def test_a_restriction_release_takes_only_available_money() -> None:
    fund = given_fund()
    given_cash(fund, "R-1", 100_000, restriction=AID)
    given_approved(fund, "Q-1", 90_000, restriction=AID)
    with refused(fund, InsufficientFunds):
        fund.release_restriction(
            at(),
            release_id="RL-1",
            restriction=AID,
            amount_fen=10_001,
            reason="r",
            reference="决议",
        )


@pytest.mark.parametrize("consent_ref", ["", "  "])
def test_a_purpose_change_without_consent_is_refused(consent_ref: str) -> None:
    fund = given_fund()
    given_cash(fund, "R-1", 100_000, restriction=AID)
    with refused(fund, ConsentRequired):
        fund.change_purpose(
            at(),
            change_id="PC-1",
            from_restriction=AID,
            to_restriction="困难老人帮扶",
            amount_fen=10_000,
            consent_ref=consent_ref,
            reason="项目调整",
        )


def test_a_purpose_change_with_consent_moves_the_money() -> None:
    fund = given_fund()
    given_cash(fund, "R-1", 100_000, restriction=AID)
    event = fund.change_purpose(
        at(),
        change_id="PC-1",
        from_restriction=AID,
        to_restriction="困难老人帮扶",
        amount_fen=10_000,
        consent_ref="捐赠人同意函2024-02",
        reason="项目调整",
    )
    assert isinstance(event, PurposeChanged)
    assert (available(fund, AID), available(fund, "困难老人帮扶")) == (90_000, 10_000)


@pytest.mark.parametrize(
    ("from_restriction", "to_restriction"),
    [(AID, AID), (AID, UNRESTRICTED), (UNRESTRICTED, AID)],
    ids=["same-purpose", "to-unrestricted", "from-unrestricted"],
)
def test_a_purpose_change_moves_between_two_different_named_purposes(
    from_restriction: str, to_restriction: str
) -> None:
    fund = given_fund()
    given_cash(fund, "R-1", 100_000, restriction=AID)
    given_cash(fund, "R-2", 100_000)
    with refused(fund, RuleViolation):
        fund.change_purpose(
            at(),
            change_id="PC-1",
            from_restriction=from_restriction,
            to_restriction=to_restriction,
            amount_fen=1,
            consent_ref="同意函",
            reason="r",
        )


def test_a_purpose_change_takes_only_available_money() -> None:
    fund = given_fund()
    given_cash(fund, "R-1", 10_000, restriction=AID)
    with refused(fund, InsufficientFunds):
        fund.change_purpose(
            at(),
            change_id="PC-1",
            from_restriction=AID,
            to_restriction="困难老人帮扶",
            amount_fen=10_001,
            consent_ref="同意函",
            reason="r",
        )


# ---- goods: distribution, sale, value -----------------------------------------------------


def _distribute(fund: Fund, distribution_id: str, quantity: int, item: str = "泡面") -> FundEvent:
    return fund.distribute_goods(
        at(),
        distribution_id=distribution_id,
        item=item,
        unit="箱",
        restriction="",
        quantity=quantity,
        recipient="环卫工人",
        signed_off_by="社区主任",
        purpose="慰问户外工作者",
    )


def test_a_distribution_larger_than_the_stock_is_refused() -> None:
    fund = given_fund()
    given_goods(fund, "G-1", ("泡面", 145, "箱", 580_000))
    with refused(fund, InsufficientStock):
        _distribute(fund, "D-1", 146)


def test_goods_never_received_cannot_be_distributed() -> None:
    fund = given_fund()
    given_goods(fund, "G-1", ("泡面", 145, "箱", 580_000))
    with refused(fund, InsufficientStock):
        _distribute(fund, "D-1", 1, item="矿泉水")


def test_the_same_item_in_another_unit_is_another_stock_line() -> None:
    fund = given_fund()
    given_goods(fund, "G-1", ("泡面", 145, "箱", 580_000))
    with refused(fund, InsufficientStock):
        fund.distribute_goods(
            at(),
            distribution_id="D-1",
            item="泡面",
            unit="包",
            restriction="",
            quantity=1,
            recipient="环卫工人",
            signed_off_by="社区主任",
            purpose="慰问",
        )


def test_distributions_carry_value_out_pro_rata_until_both_reach_zero() -> None:
    """3 boxes worth 100 fen: 33 + 33 + 34, so value hits 0 exactly when quantity does."""
    fund = given_fund()
    given_goods(fund, "G-1", ("泡面", 3, "箱", 100))
    values = []
    for n in range(3):
        event = _distribute(fund, f"D-{n}", 1)
        assert isinstance(event, GoodsDistributed)
        values.append(event.value_fen)
    assert values == [33, 33, 34]
    line = fund.balances.stock_line("泡面", "箱", "")
    assert line is not None
    assert (line.quantity, line.value_fen) == (0, 0)
    assert fund.balances.in_kind_received_fen == fund.balances.in_kind_out_fen == 100


def test_sale_proceeds_become_cash_and_the_goods_value_leaves() -> None:
    """Goods given for a purpose are sold from that purpose's stock; proceeds keep it (rule 9)."""
    fund = given_fund()
    given_goods(fund, "G-1", ("旧电脑", 4, "台", 400_000), restriction=AID)
    event = fund.sell_goods(
        at(),
        sale_id="S-1",
        item="旧电脑",
        unit="台",
        quantity=1,
        proceeds_fen=80_000,
        buyer="回收公司",
        restriction=AID,
    )
    assert isinstance(event, GoodsSold)
    assert (event.value_fen, event.proceeds_fen) == (100_000, 80_000)
    assert available(fund, AID) == 80_000
    assert fund.balances.restriction(AID).received_fen == 80_000
    assert fund.balances.in_kind_held_fen == 300_000


def test_sale_larger_than_the_stock_is_refused() -> None:
    fund = given_fund()
    given_goods(fund, "G-1", ("旧电脑", 4, "台", 400_000))
    with refused(fund, InsufficientStock):
        fund.sell_goods(
            at(),
            sale_id="S-1",
            item="旧电脑",
            unit="台",
            quantity=5,
            proceeds_fen=1,
            buyer="回收公司",
            restriction="",
        )


# ---- closing -------------------------------------------------------------------------------


def test_an_empty_fund_closes_and_then_refuses_new_entries() -> None:
    fund = given_fund()
    event = fund.close(at(), reason="并入镇级基金")
    assert isinstance(event, FundClosed)
    assert event.reason == "并入镇级基金"
    fund.collect_events()
    with refused(fund, FundNotOpen):
        fund.receive_cash(at(), receipt_no="R-1", donor=None, restriction="", amount_fen=100)


def test_close_is_refused_while_money_is_reserved() -> None:
    fund = given_fund()
    given_cash(fund, "R-1", 40_000)
    given_approved(fund, "Q-1", 40_000)
    assert fund.balances.available_fen_all == 0
    with refused(fund, FundNotEmpty, match="reserved"):
        fund.close(at(), reason="r")


def test_close_is_refused_while_goods_are_in_stock() -> None:
    fund = given_fund()
    given_goods(fund, "G-1", ("泡面", 145, "箱", None))
    with refused(fund, FundNotEmpty, match="泡面"):
        fund.close(at(), reason="r")


def test_close_is_refused_while_cash_is_held() -> None:
    fund = given_fund()
    given_cash(fund, "R-1", 1)
    with refused(fund, FundNotEmpty, match="held"):
        fund.close(at(), reason="r")


def test_close_is_refused_while_requests_await_a_decision() -> None:
    fund = given_fund()
    given_request(fund, "Q-1", 10_000)
    with refused(fund, FundNotEmpty, match="Q-1"):
        fund.close(at(), reason="r")


def test_a_fund_cannot_transfer_to_itself() -> None:
    fund = given_fund()
    given_cash(fund, "R-1", 100)
    with refused(fund, RuleViolation):
        fund.transfer_out(
            at(),
            transfer_id="T-1",
            to_fund_id="cz-village",
            restriction="",
            amount_fen=100,
            reason="r",
        )


# ---- closing through the Ledger: two funds saved atomically -------------------------------


def _open(ledger: Ledger, fund_id: str) -> None:
    open_test_fund(ledger, fund_id)


def _cash_in(ledger: Ledger, fund_id: str, receipt_no: str, amount: str, restriction: str) -> None:
    ledger.receive_cash(
        fund_id=fund_id,
        receipt_no=receipt_no,
        amount=amount,
        restriction=restriction,
        actor=CLERK,
        occurred_on=D,
    )


def test_close_with_transfer_moves_every_restriction_to_the_other_fund(ledger: Ledger) -> None:
    _open(ledger, "wh-village")
    _open(ledger, "cz-town")
    _cash_in(ledger, "wh-village", "R-1", "1200", AID)
    _cash_in(ledger, "wh-village", "R-2", "300.50", "")
    before = len(ledger.stored_events())

    closed = ledger.close_fund(
        fund_id="wh-village", reason="王河村基金并入镇级基金", transfer_to="cz-town", **_who()
    )

    assert isinstance(closed, FundClosed)
    new = ledger.stored_events()[before:]
    source_events = [type(e) for e in new if e.originator_id == fund_uuid("wh-village")]
    target_events = [type(e) for e in new if e.originator_id == fund_uuid("cz-town")]
    assert source_events == [FundTransferredOut, FundTransferredOut, FundClosed]
    assert target_events == [FundTransferredIn, FundTransferredIn]
    assert len(new) == 5
    source, target = ledger.balances(fund_id="wh-village")[0], ledger.balances(fund_id="cz-town")[0]
    assert (source.closed, source.total_fen) == (True, 0)
    assert target.total_fen == 150_050
    by_restriction = {r.restriction: r.available_fen for r in target.restrictions}
    assert by_restriction == {AID: 120_000, "": 30_050}  # the restriction is kept


def test_a_fund_closed_with_a_transfer_refuses_new_entries(ledger: Ledger) -> None:
    _open(ledger, "wh-village")
    _open(ledger, "cz-town")
    _cash_in(ledger, "wh-village", "R-1", "1200", AID)
    ledger.close_fund(fund_id="wh-village", reason="合并", transfer_to="cz-town", **_who())
    before = len(ledger.stored_events())
    with pytest.raises(FundNotOpen):
        _cash_in(ledger, "wh-village", "R-2", "10", "")
    assert len(ledger.stored_events()) == before


def test_close_with_transfer_records_nothing_when_money_is_reserved(ledger: Ledger) -> None:
    """Atomic: the transfer would succeed but the close is refused, so neither is saved."""
    _open(ledger, "wh-village")
    _open(ledger, "cz-town")
    _cash_in(ledger, "wh-village", "R-1", "1200", "")
    ledger.request_disbursement(
        fund_id="wh-village",
        request_id="Q-1",
        amount="200",
        purpose="慰问",
        payee="环卫工人",
        actor=REQUESTER,
        occurred_on=D,
    )
    ledger.approve_disbursement(
        fund_id="wh-village", request_id="Q-1", actor=APPROVER, occurred_on=D
    )
    before = ledger.stored_events()
    with pytest.raises(FundNotEmpty):
        ledger.close_fund(fund_id="wh-village", reason="合并", transfer_to="cz-town", **_who())
    assert ledger.stored_events() == before
    assert ledger.fund("wh-village").balances.total_fen == 120_000
    assert ledger.fund("cz-town").balances.total_fen == 0


def test_close_with_transfer_to_a_closed_fund_records_nothing(ledger: Ledger) -> None:
    _open(ledger, "wh-village")
    _open(ledger, "old-fund")
    ledger.close_fund(fund_id="old-fund", reason="停用", **_who())
    _cash_in(ledger, "wh-village", "R-1", "1200", "")
    before = len(ledger.stored_events())
    with pytest.raises(FundNotOpen):
        ledger.close_fund(fund_id="wh-village", reason="合并", transfer_to="old-fund", **_who())
    with pytest.raises(NotFound):
        ledger.close_fund(fund_id="wh-village", reason="合并", transfer_to="nowhere", **_who())
    assert len(ledger.stored_events()) == before
    assert ledger.fund("wh-village").state.closed is None


def _who() -> dict[str, object]:
    return {"actor": CLERK, "occurred_on": D}


# ---- every event says who, when, and (where required) why -------------------------------


def test_every_event_records_actor_business_date_and_timestamp(
    ledger: Ledger, clock: FixedClock
) -> None:
    open_test_fund(ledger, publicity_required=True)
    day = dt.timedelta(days=1)
    fid = {"fund_id": "cz-village"}
    ledger.receive_cash(**fid, receipt_no="R-1", amount="1000", actor="王芳", occurred_on=D)
    ledger.receive_goods(
        **fid,
        receipt_no="G-1",
        items=[{"item": "泡面", "quantity": 2, "unit": "箱", "basis": "unvalued"}],
        actor="王芳",
        occurred_on=D,
    )
    ledger.distribute_goods(
        **fid,
        distribution_id="D-1",
        item="泡面",
        unit="箱",
        quantity=2,
        recipient="环卫工人",
        signed_off_by="社区主任",
        purpose="慰问",
        actor="刘洋",
        occurred_on=D + day,
    )
    ledger.request_disbursement(
        **fid,
        request_id="Q-1",
        amount="100",
        purpose="慰问",
        payee="超市",
        actor=REQUESTER,
        occurred_on=D + day,
    )
    ledger.approve_disbursement(**fid, request_id="Q-1", actor=APPROVER, occurred_on=D + 2 * day)
    ledger.publicize_disbursement(
        **fid,
        request_id="Q-1",
        notice_ref="公示-1",
        notice_from=D + 2 * day,
        notice_to=D + 6 * day,
        actor="王芳",
        occurred_on=D + 2 * day,
    )
    ledger.pay_disbursement(
        **fid, request_id="Q-1", voucher_no="V-1", actor="出纳陈", occurred_on=D + 7 * day
    )
    ledger.refund_donation(
        **fid,
        refund_id="RF-1",
        receipt_no="R-1",
        amount="50",
        reason="捐赠人要求部分退回",
        actor="王芳",
        occurred_on=D + 7 * day,
    )
    events = ledger.stored_events()
    assert len(events) == 9
    for event in events:
        assert event.actor
        assert type(event.occurred_on) is dt.date
        assert event.timestamp.tzinfo is not None
        assert event.timestamp <= clock.now
    timestamps = [e.timestamp for e in events]
    assert timestamps == sorted(timestamps)
    assert [e.actor for e in events[-5:]] == [REQUESTER, APPROVER, "王芳", "出纳陈", "王芳"]
    assert events[-1].occurred_on == D + 7 * day


def test_reasons_are_recorded_on_every_event_that_requires_one() -> None:
    fund = given_fund()
    given_cash(fund, "R-1", 100_000, restriction=AID)
    given_cash(fund, "R-2", 100_000)
    given_cash(fund, "R-3", 100)
    given_request(fund, "Q-1", 1_000)
    given_request(fund, "Q-2", 1_000)
    given_paid(fund, "Q-3", 1_000)
    events: list[FundEvent] = [
        fund.refund(at(), refund_id="RF-1", receipt_no="R-2", amount_fen=1, reason="why-refund"),
        fund.reverse_donation(at(), correction_id="C-1", receipt_no="R-3", reason="why-reverse"),
        fund.reverse_payment(at(), correction_id="C-2", request_id="Q-3", reason="why-payment"),
        fund.release_restriction(
            at(),
            release_id="RL-1",
            restriction=AID,
            amount_fen=1,
            reason="why-release",
            reference="x",
        ),
        fund.change_purpose(
            at(),
            change_id="PC-1",
            from_restriction=AID,
            to_restriction="其他",
            amount_fen=1,
            consent_ref="x",
            reason="why-change",
        ),
        fund.reject_disbursement(at(APPROVER), request_id="Q-1", reason="why-reject"),
        fund.cancel_disbursement(at(REQUESTER), request_id="Q-2", reason="why-cancel"),
    ]
    assert [getattr(e, "reason", None) for e in events] == [
        "why-refund",
        "why-reverse",
        "why-payment",
        "why-release",
        "why-change",
        "why-reject",
        "why-cancel",
    ]
    assert fund.collect_events() == events


@pytest.mark.parametrize("reason", ["", "   "])
def test_a_close_without_a_reason_is_refused_at_the_boundary(ledger: Ledger, reason: str) -> None:
    open_test_fund(ledger)
    with pytest.raises(InvalidInput):
        ledger.close_fund(fund_id="cz-village", reason=reason, **_who())
    assert ledger.fund("cz-village").state.closed is None


def test_restricted_goods_are_given_out_only_from_their_own_stock() -> None:
    """Goods given for a purpose are kept apart from unrestricted goods (rule 9)."""
    fund = given_fund()
    given_goods(fund, "G-1", ("学习用品", 10, "套", 10_000), restriction=AID)
    with refused(fund, InsufficientStock):
        fund.distribute_goods(
            at(),
            distribution_id="D-1",
            item="学习用品",
            unit="套",
            restriction="",
            quantity=1,
            recipient="某居民",
            signed_off_by="社区主任",
            purpose="日常",
        )
    with refused(fund, InsufficientStock):
        fund.sell_goods(
            at(),
            sale_id="S-1",
            item="学习用品",
            unit="套",
            quantity=1,
            proceeds_fen=500,
            buyer="回收公司",
            restriction="",
        )


def _approve(fund: Fund, on: dt.date) -> object:
    return fund.approve_disbursement(at(APPROVER, on), request_id="Q-1")


def _reject(fund: Fund, on: dt.date) -> object:
    return fund.reject_disbursement(at(APPROVER, on), request_id="Q-1", reason="不符合条件")


def _cancel(fund: Fund, on: dt.date) -> object:
    return fund.cancel_disbursement(at(REQUESTER, on), request_id="Q-1", reason="撤回")


def _publicize(fund: Fund, on: dt.date) -> object:
    return fund.publicize_disbursement(
        at(CLERK, on),
        request_id="Q-1",
        notice_ref="公示-1",
        notice_from=max(on, D),
        notice_to=max(on, D) + dt.timedelta(days=4),
    )


def _pay(fund: Fund, on: dt.date) -> object:
    return fund.pay_disbursement(at(CLERK, on), request_id="Q-1", voucher_no="V-1")


def _refund(fund: Fund, on: dt.date) -> object:
    return fund.refund(
        at(CLERK, on), refund_id="T-1", receipt_no="R-1", amount_fen=1, reason="退回"
    )


# A step, and what it follows (besides the gift R-1): every step of the date rule.
STEPS_AFTER = {
    "approve": (given_request, _approve),
    "reject": (given_request, _reject),
    "cancel": (given_request, _cancel),
    "publicize": (given_approved, _publicize),
    "pay": (given_approved, _pay),
    "refund": (None, _refund),
}


@given(step=st.sampled_from(sorted(STEPS_AFTER)), days=st.integers(-400, 400))
def test_a_step_is_refused_exactly_when_dated_before_what_it_follows(step: str, days: int) -> None:
    """Whatever the step and the gap: refused (and nothing changed) iff dated before."""
    fund = given_fund()
    given_cash(fund, "R-1", 100_000)  # dated D, like every given step
    first, act = STEPS_AFTER[step]
    if first is not None:
        first(fund, "Q-1", 10_000)
    on = D + dt.timedelta(days=days)
    if days < 0:
        with refused(fund, InvalidTransition, match="before"):
            act(fund, on)
    else:
        act(fund, on)
        assert [e.occurred_on for e in fund.collect_events()] == [on]
