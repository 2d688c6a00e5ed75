"""``sgz-ledger volunteers``: 人次, hours and time-bank balances per volunteer, worked by hand.

A roster and a service sheet go in through ``import``; the station banks approved hours
automatically at 100%. Then every figure is checked against the sheet by hand.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from conftest import FixedClock
from sgz_ledger import InvalidInput, Ledger
from sgz_ledger.cli import EXIT_OK, EXIT_USAGE, main

pytestmark = pytest.mark.filterwarnings(
    "ignore::sgz_ledger.storage.sealing.PersonalDataInClearWarning"
)

ROSTER = """志愿者编号,姓名,性别,联系电话,服务队,注册日期
V1,张三,男,13800000001,红马甲,2024-01-05
V2,李四,女,13800000002,红马甲,2024-01-06
V3,王五,男,13800000003,银发队,2024-01-07
"""
# V1: 2h30 + 45 min approved = 3.25 h, 2 人次; V2: 1 h not yet approved; V3: 1h20 approved
# in March and 10 min approved in April = 1.50 h (1h30), 2 人次.
SERVICE = (
    "记录编号,志愿者编号,活动名称,日期,开始时间,结束时间,时长分钟,"
    "服务内容,组织单位,活动负责人,记录人,审核人\n"
    """R1,V1,敬老院探访,2024-03-02,09:00,11:30,,陪伴老人,社工站,刘军,王芳,刘军
R2,V2,敬老院探访,2024-03-02,09:00,10:00,,陪伴老人,社工站,刘军,王芳,
R3,V1,清扫,2024-03-03,,,45,打扫,社工站,刘军,王芳,刘军
R4,V3,清扫,2024-03-03,13:00,14:20,,打扫,社工站,刘军,王芳,刘军
R5,V3,送餐,2024-04-10,,,10,送餐,社工站,刘军,王芳,刘军
"""
)


@pytest.fixture
def store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    path = str(tmp_path / "station.db")
    ledger = Ledger(path, clock=FixedClock(dt.datetime(2024, 12, 31, tzinfo=dt.UTC)))
    ledger.set_station_policy(
        station_id="cz", name="崔寨", bank_automatic=True, bank_rate_pct=100, actor="站长",
        occurred_on=dt.date(2024, 1, 1),
    )  # fmt: skip
    ledger.close()
    for name, text in (("roster.csv", ROSTER), ("service.csv", SERVICE)):
        sheet = tmp_path / name
        sheet.write_text(text, encoding="utf-8")
        assert main(["--store", path, "import", str(sheet), "--station", "cz"]) == EXIT_OK
    capsys.readouterr()
    return path


def accounts(capsys: pytest.CaptureFixture[str], *argv: str) -> dict[str, dict[str, object]]:
    assert main(["volunteers", *argv, "--json"]) == EXIT_OK
    return {a["volunteer_id"]: a for a in json.loads(capsys.readouterr().out)}


def test_every_figure_as_worked_by_hand(store: str, capsys: pytest.CaptureFixture[str]) -> None:
    got = accounts(capsys, "--store", store)
    assert got["V1"]["person_times"] == 2
    assert got["V1"]["service_s"] == (150 + 45) * 60
    assert got["V1"]["hours"] == "3.25"
    assert got["V1"]["bank_balance_s"] == (150 + 45) * 60  # banked on approval, 1:1
    assert got["V2"]["person_times"] == 0
    assert got["V2"]["pending_records"] == 1
    assert got["V2"]["bank_balance_s"] == 0
    assert got["V3"]["hours"] == "1.50"
    assert got["V3"]["teams"] == ["银发队"]
    march = accounts(capsys, "--store", store, "--from", "2024-03-01", "--to", "2024-03-31")
    assert march["V3"]["service_s"] == 80 * 60
    assert march["V3"]["bank_balance_s"] == 90 * 60  # the balance is always now


def test_the_table_totals_the_volunteers(store: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["volunteers", "--store", store]) == EXIT_OK
    out = capsys.readouterr().out
    total = next(line for line in out.splitlines() if line.startswith("合计 total"))
    assert total.split()[2:] == ["3", "4", "4.75", "1", "4.75"]


def test_one_volunteer_or_an_unknown_one(store: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert list(accounts(capsys, "--store", store, "--volunteer", "V3")) == ["V3"]
    assert main(["volunteers", "--store", store, "--volunteer", "V9"]) == EXIT_USAGE
    assert "no volunteer 'V9'" in capsys.readouterr().err
    assert main(["volunteers", "--store", store, "--from", "2024-04-01", "--to", "2024-03-01"]) == 2
    assert "date_to: 2024-03-01 is before 2024-04-01" in capsys.readouterr().err


def test_the_library_refuses_a_period_that_ends_before_it_starts(store: str) -> None:
    ledger = Ledger(store, create=False)
    try:
        with pytest.raises(InvalidInput, match="date_to: 2024-03-01 is before 2024-04-01"):
            ledger.volunteer_accounts(date_from=dt.date(2024, 4, 1), date_to=dt.date(2024, 3, 1))
        assert ledger.volunteer_accounts(date_from=dt.date(2024, 3, 1), date_to=dt.date(2024, 3, 1))
    finally:
        ledger.close()
