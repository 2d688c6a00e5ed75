"""Maker-checker compares signers, not spellings: "李强（代）" is 李强, "张 敏" is 张敏.

Tried as an insider would: a requester approving their own request under a bracketed
annotation, and one committee member counted as the two approvers a large request needs.
Every path refuses, and nothing is recorded.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from conftest import D, FixedClock, open_test_fund
from sgz_ledger import Ledger
from sgz_ledger.domain.errors import ApprovalRefused, InvalidTransition
from sgz_ledger.sheets import SheetRefused, import_sheet

REQUESTER = "李强"


@pytest.fixture
def mem() -> Iterator[Ledger]:
    ledger = Ledger("memory:", clock=FixedClock(dt.datetime(2024, 12, 31, 8, tzinfo=dt.UTC)))
    open_test_fund(ledger)  # threshold 5000 yuan
    ledger.receive_cash(
        fund_id="cz-village",
        receipt_no="JZ-1",
        amount="20000",
        donor="某爱心企业",
        actor="王芳",
        occurred_on=D,
    )
    yield ledger
    ledger.close()


def _request(ledger: Ledger, request_id: str, amount: str) -> None:
    ledger.request_disbursement(
        fund_id="cz-village",
        request_id=request_id,
        amount=amount,
        purpose="助学金",
        restriction="",
        payee="学生家长",
        actor=REQUESTER,
        occurred_on=D,
    )


@pytest.mark.parametrize("variant", ["李强（代）", "李强(代签)", "李强【经办】", "李 强"])
def test_a_requester_may_not_approve_under_a_variant_name(mem: Ledger, variant: str) -> None:
    _request(mem, "Q-1", "100")
    position = mem.log_position()
    with pytest.raises(ApprovalRefused):
        mem.approve_disbursement(
            fund_id="cz-village", request_id="Q-1", actor=variant, occurred_on=D
        )
    assert mem.log_position() == position


@pytest.mark.parametrize("variant", ["张 敏", "张敏（管委会）", "张敏(代)"])
def test_one_member_under_two_spellings_is_one_approval(mem: Ledger, variant: str) -> None:
    _request(mem, "Q-2", "6000")  # above the threshold: two distinct approvers
    first = mem.approve_disbursement(
        fund_id="cz-village", request_id="Q-2", actor="张敏", occurred_on=D
    )
    position = mem.log_position()
    again = mem.approve_disbursement(
        fund_id="cz-village", request_id="Q-2", actor=variant, occurred_on=D
    )
    assert again == first  # a repeat of the first approval, recorded once
    assert mem.log_position() == position
    assert mem.fund("cz-village").state.disbursements["Q-2"].status == "requested"
    with pytest.raises(InvalidTransition):
        mem.pay_disbursement(
            fund_id="cz-village",
            request_id="Q-2",
            voucher_no="PZ-1",
            actor="王芳",
            occurred_on=D,
        )
    assert mem.log_position() == position


SHEET = """request_id,date,fund,amount,purpose,restriction,payee,requested_by,approved_by
Q-3,2024-03-01,cz-village,6000,助学金,,学生家长,李强,{approvers}
"""


@pytest.mark.parametrize(
    ("approvers", "reason"),
    [
        ("张敏;张敏（代）", "duplicate_value"),
        ("张敏、张 敏", "duplicate_value"),
        ("张敏;李强（代）", "approval_refused"),
    ],
)
def test_a_sheet_is_held_to_the_same_signers(mem: Ledger, approvers: str, reason: str) -> None:
    position = mem.log_position()
    with pytest.raises(SheetRefused) as refused:
        import_sheet(
            mem,
            SHEET.format(approvers=approvers).encode(),
            station_id="cuizhai",
            entered_by="陈录入",
        )
    assert [p.reason for p in refused.value.rows] == [reason]
    assert mem.log_position() == position
