"""The fund commands' handlers: each loads the funds it names and calls the fund's command,
where every rule is checked (``domain.fund``)."""

from __future__ import annotations

from typing import Any

from sgz_ledger.domain.aggregate import Stamp
from sgz_ledger.domain.events import (
    GoodsLine,
)
from sgz_ledger.domain.fund import Fund, fund_uuid
from sgz_ledger.service import commands as b
from sgz_ledger.service.access import approver_may_pay
from sgz_ledger.service.handlers.donor import seal_donor
from sgz_ledger.service.handlers.projects import check_gift_project, check_project_spending
from sgz_ledger.service.unit_of_work import Handler, UnitOfWork

__all__ = ["HANDLERS"]


def _open_fund(work: UnitOfWork, c: b.OpenFund, stamp: Stamp) -> Any:
    existing = work.find(fund_uuid(c.fund_id), Fund)
    if existing is not None:
        return existing.repeat_open(
            stamp,
            fund_id=c.fund_id,
            station_id=c.station_id,
            community=c.community,
            name=c.name,
            host=c.host,
            approval_threshold_fen=c.approval_threshold_fen,
            publicity_required=c.publicity_required,
        )
    fund = Fund.open(
        stamp,
        fund_id=c.fund_id,
        station_id=c.station_id,
        community=c.community,
        name=c.name,
        host=c.host,
        approval_threshold_fen=c.approval_threshold_fen,
        publicity_required=c.publicity_required,
    )
    work.add(fund)
    assert fund.state.opened is not None
    return fund.state.opened


def _receive_cash(work: UnitOfWork, c: b.ReceiveCashDonation, stamp: Stamp) -> Any:
    fund = work.fund(c.fund_id)
    check_gift_project(work, c, fund)
    donor, sealed = c.donor, None
    if c.donor_is_person and donor is not None:
        sealed = seal_donor(work, fund, c, donor, stamp)
        donor = None
    return fund.receive_cash(
        stamp,
        receipt_no=c.receipt_no,
        donor=donor,
        restriction=c.restriction,
        amount_fen=c.amount_fen,
        note=c.note,
        donor_sealed=sealed,
        pledge_id=c.pledge_id,
        project_id=c.project_id,
        budget_line=c.budget_line,
    )


def _receive_goods(work: UnitOfWork, c: b.ReceiveGoodsDonation, stamp: Stamp) -> Any:
    fund = work.fund(c.fund_id)
    check_gift_project(work, c, fund)
    donor, sealed = c.donor, None
    if c.donor_is_person and donor is not None:
        sealed = seal_donor(work, fund, c, donor, stamp)
        donor = None
    items = tuple(
        GoodsLine(
            item=line.item,
            quantity=line.quantity,
            unit=line.unit,
            value_fen=line.value_fen,
            basis=line.basis,
        )
        for line in c.items
    )
    return fund.receive_goods(
        stamp,
        receipt_no=c.receipt_no,
        donor=donor,
        restriction=c.restriction,
        items=items,
        note=c.note,
        donor_sealed=sealed,
        project_id=c.project_id,
        budget_line=c.budget_line,
    )


def _close_fund(work: UnitOfWork, c: b.CloseFund, stamp: Stamp) -> Any:
    fund = work.fund(c.fund_id)
    if c.transfer_to is None or fund.state.closed is not None:
        # No transfer, or a repeat (compared with the closing recorded, whatever it names).
        return fund.close(stamp, reason=c.reason, transfer_to=c.transfer_to)
    return fund.close_into(stamp, target=work.fund(c.transfer_to), reason=c.reason)


def _request(work: UnitOfWork, c: b.RequestDisbursement, stamp: Stamp) -> Any:
    fund = work.fund(c.fund_id)
    # Rules 41 and 42 (the project, its line's remaining budget), for every path.
    check_project_spending(work, c, fund)
    return fund.request_disbursement(
        stamp,
        request_id=c.request_id,
        amount_fen=c.amount_fen,
        purpose=c.purpose,
        restriction=c.restriction,
        payee=c.payee,
        project_id=c.project_id,
        budget_line=c.budget_line,
    )


def _publicize(work: UnitOfWork, c: b.PublicizeDisbursement, stamp: Stamp) -> Any:
    fund = work.fund(c.fund_id)
    opened = fund.state.opened
    # The shortest notice is the station's policy (rule 31); a fund never opened is
    # refused by its own method.
    days_min = work.policy(opened.station_id).notice_days_min if opened is not None else 1
    return fund.publicize_disbursement(
        stamp,
        request_id=c.request_id,
        notice_ref=c.notice_ref,
        notice_from=c.notice_from,
        notice_to=c.notice_to,
        notice_days_min=days_min,
    )


def _pay(work: UnitOfWork, c: b.PayDisbursement, stamp: Stamp) -> Any:
    fund = work.fund(c.fund_id)
    opened = fund.state.opened
    may_pay = True if opened is None else approver_may_pay(work, opened.station_id)
    return fund.pay_disbursement(
        stamp, request_id=c.request_id, voucher_no=c.voucher_no, approver_may_pay=may_pay
    )


HANDLERS: dict[type[b.Command[Any]], Handler] = {
    b.OpenFund: _open_fund,
    b.ReceiveCashDonation: _receive_cash,
    b.ReceiveGoodsDonation: _receive_goods,
    b.RecordPledge: lambda w, c, s: w.fund(c.fund_id).record_pledge(
        s,
        pledge_id=c.pledge_id,
        donor=c.donor,
        amount_fen=c.amount_fen,
        restriction=c.restriction,
        expected_on=c.expected_on,
        note=c.note,
    ),
    b.DistributeGoods: lambda w, c, s: w.fund(c.fund_id).distribute_goods(
        s,
        distribution_id=c.distribution_id,
        item=c.item,
        unit=c.unit,
        restriction=c.restriction,
        quantity=c.quantity,
        recipient=c.recipient,
        signed_off_by=c.signed_off_by,
        purpose=c.purpose,
    ),
    b.SellGoods: lambda w, c, s: w.fund(c.fund_id).sell_goods(
        s,
        sale_id=c.sale_id,
        item=c.item,
        unit=c.unit,
        quantity=c.quantity,
        proceeds_fen=c.proceeds_fen,
        buyer=c.buyer,
        restriction=c.restriction,
    ),
    b.RefundDonation: lambda w, c, s: w.fund(c.fund_id).refund(
        s, refund_id=c.refund_id, receipt_no=c.receipt_no, amount_fen=c.amount_fen, reason=c.reason
    ),
    b.ReverseDonation: lambda w, c, s: w.fund(c.fund_id).reverse_donation(
        s, correction_id=c.correction_id, receipt_no=c.receipt_no, reason=c.reason
    ),
    b.ReversePayment: lambda w, c, s: w.fund(c.fund_id).reverse_payment(
        s, correction_id=c.correction_id, request_id=c.request_id, reason=c.reason
    ),
    b.ReleaseRestriction: lambda w, c, s: w.fund(c.fund_id).release_restriction(
        s,
        release_id=c.release_id,
        restriction=c.restriction,
        amount_fen=c.amount_fen,
        reason=c.reason,
        reference=c.reference,
    ),
    b.ChangePurpose: lambda w, c, s: w.fund(c.fund_id).change_purpose(
        s,
        change_id=c.change_id,
        from_restriction=c.from_restriction,
        to_restriction=c.to_restriction,
        amount_fen=c.amount_fen,
        consent_ref=c.consent_ref,
        reason=c.reason,
    ),
    b.RequestDisbursement: _request,
    b.ApproveDisbursement: lambda w, c, s: w.fund(c.fund_id).approve_disbursement(
        s, request_id=c.request_id
    ),
    b.PublicizeDisbursement: _publicize,
    b.PayDisbursement: _pay,
    b.RejectDisbursement: lambda w, c, s: w.fund(c.fund_id).reject_disbursement(
        s, request_id=c.request_id, reason=c.reason
    ),
    b.CancelDisbursement: lambda w, c, s: w.fund(c.fund_id).cancel_disbursement(
        s, request_id=c.request_id, reason=c.reason
    ),
    b.CloseFund: _close_fund,
}
