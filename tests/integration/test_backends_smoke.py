"""Every backend records and reads back the same fund history."""

from __future__ import annotations

from collections.abc import Callable

from conftest import D, open_test_fund, reopenable
from sgz_ledger import Ledger


def test_a_donation_is_recorded_and_read_back(
    ledger: Ledger, open_ledger: Callable[[], Ledger], store_url: str
) -> None:
    open_test_fund(ledger)
    ledger.receive_cash(
        fund_id="cz-village", receipt_no="R-001", amount="45265", actor="王芳", occurred_on=D
    )
    [row] = ledger.balances()
    assert row.total_fen == 4_526_500
    if reopenable(store_url):
        again = open_ledger()
        assert [r.total_fen for r in again.balances()] == [4_526_500]
        assert again.fund("cz-village").version == 2
