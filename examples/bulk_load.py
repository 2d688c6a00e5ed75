"""Load a month of gifts in one batch: every rule applies, and the batch is all or nothing.

Run: python examples/bulk_load.py
"""

from __future__ import annotations

import datetime as dt

from sgz_ledger import (
    ApproveDisbursement,
    BatchCommandRefused,
    InsufficientFunds,
    Ledger,
    OpenFund,
    ReceiveCashDonation,
    RequestDisbursement,
)

ledger = Ledger("memory:")
day = dt.date(2024, 6, 1)
ledger.execute(
    OpenFund(
        fund_id="qn-village",
        station_id="cuizhai",
        community="清宁村",
        name="清宁村社区基金",
        host="济南市慈善总会",
        approval_threshold_fen=5_000_000,
        publicity_required=False,
        actor="王芳",
        occurred_on=day,
    )
)

gifts = [
    ReceiveCashDonation(
        fund_id="qn-village",
        receipt_no=f"JZ-06-{n:03d}",
        amount_fen=10_000 + n,
        donor=None if n % 3 == 0 else f"居民{n}",
        actor="王芳",
        occurred_on=day,
    )
    for n in range(1, 101)
]
ledger.execute_batch(gifts)
[fund] = ledger.balances()
print(f"100 gifts recorded, {fund.total_fen} fen held")

# A batch with one command that breaks a rule records nothing at all.
too_much = [
    RequestDisbursement(
        fund_id="qn-village",
        request_id="SQ-1",
        amount_fen=fund.total_fen + 1,
        purpose="助老餐",
        payee="幸福食堂",
        actor="李强",
        occurred_on=day,
    ),
    ApproveDisbursement(fund_id="qn-village", request_id="SQ-1", actor="张敏", occurred_on=day),
]
events_before = len(ledger.stored_events())
try:
    ledger.execute_batch(too_much)
except BatchCommandRefused as refusal:
    assert refusal.index == 1 and isinstance(refusal.error, InsufficientFunds)
    print("refused:", refusal)
assert len(ledger.stored_events()) == events_before
