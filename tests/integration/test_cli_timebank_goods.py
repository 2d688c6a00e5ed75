"""`sgz-ledger timebank redeem --goods FUND` on a SQLite store: the credit and the goods leave
together, or the command records nothing (exit 2)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sgz_ledger import Ledger
from sgz_ledger.cli import EXIT_OK, EXIT_USAGE, main
from timebank_goods_support import station

pytestmark = pytest.mark.filterwarnings(
    "ignore::sgz_ledger.storage.sealing.PersonalDataInClearWarning"
)


def _store(tmp_path: Path) -> str:
    store = str(tmp_path / "station.db")
    ledger = Ledger(store, create=True)
    station(ledger, hours=3, boxes=2)
    ledger.close()
    return store


def _redeem(store: str, *extra: str) -> int:
    return main(
        [
            "--store", store, "timebank", "redeem", "--volunteer", "V1", "--redemption", "TB-1",
            "--item", "泡面", "--approver", "站长", "--entered-by", "王芳", "--on", "2024-03-02",
            *extra,
        ]
    )  # fmt: skip


def _figures(store: str) -> tuple[int, int, int]:
    ledger = Ledger(store, read_only=True)
    try:
        line = ledger.fund("market").state.balances.stock_line("泡面", "箱", "")
        stock = 0 if line is None else line.quantity
        return ledger.volunteer("V1").state.bank_balance_s, stock, ledger.log_position()
    finally:
        ledger.close()


def test_redeem_with_goods_moves_both(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = _store(tmp_path)
    args = ("--hours", "1", "--goods", "market", "--unit", "箱", "--quantity", "2")
    assert _redeem(store, *args) == EXIT_OK
    assert "from market" in capsys.readouterr().out
    assert _figures(store)[:2] == (2 * 3600, 0)
    position = _figures(store)[2]
    assert _redeem(store, *args) == EXIT_OK  # the same again: nothing recorded
    assert _figures(store)[2] == position


def test_goods_not_in_stock_exit_2_and_record_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = _store(tmp_path)
    before = _figures(store)
    assert _redeem(store, "--hours", "1", "--goods", "market", "--unit", "箱",
                   "--quantity", "3") == EXIT_USAGE  # fmt: skip
    assert "in stock" in capsys.readouterr().err
    assert _redeem(store, "--hours", "9", "--goods", "market", "--unit", "箱") == EXIT_USAGE
    assert _figures(store) == before


def test_goods_options_are_checked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = _store(tmp_path)
    assert _redeem(store, "--hours", "1", "--goods", "market") == EXIT_USAGE
    assert "--unit" in capsys.readouterr().err
    assert _redeem(store, "--hours", "1") == EXIT_USAGE
    assert "--counterparty" in capsys.readouterr().err
    assert _redeem(store, "--hours", "1", "--goods", "market", "--unit", "箱",
                   "--counterparty", "x") == EXIT_USAGE  # fmt: skip
    assert _redeem(store, "--hours", "1", "--counterparty", "理发店", "--unit", "箱") == (
        EXIT_USAGE
    )


def test_import_reads_timebank_and_goods_sheets(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = _store(tmp_path)  # V1 with 3 h of credit, 2 boxes of 泡面 in fund market
    bank = tmp_path / "时间银行台账.csv"
    bank.write_text(
        "业务,日期,志愿者编号,单号,小时,项目,数量,审批人,基金,单位\n"
        "兑换,2024-03-02,V1,TB-1,1,泡面,1,站长,market,箱\n",
        encoding="gb18030",
    )
    assert main(["--store", store, "import", str(bank), "--entered-by", "王芳"]) == EXIT_OK
    assert "兑换 redemptions" in capsys.readouterr().out
    goods = tmp_path / "物资发放登记.csv"
    goods.write_text(
        "发放编号,日期,基金,物资名称,单位,数量,领取人,用途,签收人\n"
        "FF-1,2024-03-02,market,泡面,箱,2,环卫工人,慰问,站长\n",
        encoding="utf-8-sig",
    )
    before = _figures(store)
    assert main(["--store", store, "import", str(goods), "--entered-by", "王芳"]) == EXIT_USAGE
    assert "line 2" in capsys.readouterr().err  # one box is left, two asked
    assert _figures(store) == before
    goods.write_text(
        "发放编号,日期,基金,物资名称,单位,数量,领取人,用途,签收人\n"
        "FF-1,2024-03-02,market,泡面,箱,1,环卫工人,慰问,站长\n",
        encoding="utf-8-sig",
    )
    assert main(["--store", store, "import", str(goods), "--entered-by", "王芳"]) == EXIT_OK
    assert _figures(store)[:2] == (2 * 3600, 0)
