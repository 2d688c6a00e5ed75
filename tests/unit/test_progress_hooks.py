"""Long work reports its progress: batches, imports and view rebuilds call back as they go."""

from __future__ import annotations

import datetime as dt

import pytest

import sgz_ledger.service.unit_of_work
from conftest import FixedClock, open_test_fund
from sgz_ledger import Ledger, ReceiveCashDonation
from sgz_ledger.sheets import import_sheet

D = dt.date(2024, 3, 1)


def gifts(n: int, first: int = 0) -> list[ReceiveCashDonation]:
    return [
        ReceiveCashDonation(
            fund_id="cz-village", receipt_no=f"R-{i}", amount_fen=100, actor="王芳", occurred_on=D
        )
        for i in range(first, first + n)
    ]


def test_a_batch_reports_commands_run(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sgz_ledger.service.unit_of_work, "PROGRESS_EVERY", 10)
    ledger = Ledger("memory:", clock=FixedClock())
    open_test_fund(ledger)
    seen: list[int] = []
    ledger.execute_batch(gifts(35), progress=seen.append)
    assert seen == [0, 10, 20, 30, 35]


def test_an_import_reports_the_entries_it_records(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sgz_ledger.service.unit_of_work, "PROGRESS_EVERY", 2)
    ledger = Ledger("memory:", clock=FixedClock())
    open_test_fund(ledger)
    sheet = "日期,基金,捐赠人,类型,金额,票据号\n" + "".join(
        f"2024-03-0{d},cz-village,居民{d},现金,10.00,SJ-{d}\n" for d in range(1, 6)
    )
    seen: list[int] = []
    import_sheet(ledger, sheet.encode("utf-8"), progress=seen.append)
    assert seen == [0, 2, 4, 5]
    assert ledger.balances()[0].received_fen == 5000


def test_a_rebuild_reports_the_position_of_each_batch() -> None:
    ledger = Ledger("memory:", clock=FixedClock())
    open_test_fund(ledger)
    ledger.execute_batch(gifts(50))
    ledger.view_runner.batch = 5
    seen: list[int] = []
    assert ledger.rebuild_views(progress=seen.append) == 51
    # A rebuild fills empty views: a bulk load, in batches four times the usual size.
    assert seen == [20, 40, 51]
    # A view behind by more than a batch is caught up in bulk batches too (set here to 5).
    ledger.execute_batch(gifts(12, first=51))
    ledger.view_runner.bulk_batch = 5
    seen.clear()
    assert ledger.view_runner.catch_up(ledger.fund_views, progress=seen.append) == 63
    assert seen == [56, 61, 63]
