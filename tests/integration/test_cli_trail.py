"""``sgz-ledger trail``: the audit trail on the command line (table, ``--json``, exit codes).

The store is written once through the library (a fund with a gift, a refund whose
reason spans two lines, and two volunteers with a service record and a time-bank
transfer) and then read by the command, in process, as a station's staff would.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import msgspec
import pytest

from conftest import FixedClock
from sgz_ledger import Ledger
from sgz_ledger.audit.trail import TrailEntry
from sgz_ledger.cli import main

pytestmark = pytest.mark.filterwarnings(
    "ignore::sgz_ledger.storage.sealing.PersonalDataInClearWarning"
)

CST = dt.timezone(dt.timedelta(hours=8))
NOW = dt.datetime(2024, 6, 3, 2, 0, tzinfo=dt.UTC)  # the recording clock: 10:00 in China
FUND = "cz-village"
V1, V2 = "V-0001", "V-0002"
CLERK, CASHIER, APPROVER = "王芳", "周敏", "李娜"
V1_NAME, V1_PHONE = "张丽", "13900000000"
REFUND_REASON = "捐赠方多转1000元\n经核实原路退回"
FUND_EVENTS = 4  # opened, gift, refund, and the gift of another donor
DAY = dt.date(2024, 5, 27)


def record(ledger: Ledger) -> None:
    ledger.open_fund(
        fund_id=FUND, station_id="cuizhai", community="崔寨村", name="崔寨村社区基金",
        host="济南市慈善总会", approval_threshold="5000", actor=CLERK, occurred_on=DAY,
    )  # fmt: skip
    ledger.receive_cash(fund_id=FUND, receipt_no="R-1", amount="3000.50", donor="某爱心企业",
                        restriction="助学", actor=CLERK, occurred_on=DAY)  # fmt: skip
    for code, name, phone in ((V1, V1_NAME, V1_PHONE), (V2, "赵强", "")):
        ledger.register_volunteer(volunteer_id=code, station_id="cuizhai", name=name,
                                  phone=phone, registered_on=DAY, consent=True, actor=CLERK,
                                  occurred_on=DAY)  # fmt: skip
    ledger.publish_activity(activity_id="A-1", station_id="cuizhai", name="敬老院探访",
                            starts_at=dt.datetime(2024, 5, 27, 9, tzinfo=CST),
                            ends_at=dt.datetime(2024, 5, 27, 12, tzinfo=CST), actor=CLERK,
                            occurred_on=DAY)  # fmt: skip
    ledger.record_service(record_id="SR-1", volunteer_id=V1, activity_id="A-1",
                          started_at=dt.datetime(2024, 5, 27, 9, tzinfo=CST),
                          ended_at=dt.datetime(2024, 5, 27, 11, tzinfo=CST), actor=CLERK,
                          occurred_on=DAY)  # fmt: skip
    ledger.approve_service(volunteer_id=V1, record_id="SR-1", actor=APPROVER, occurred_on=DAY)
    ledger.bank_hours(volunteer_id=V1, record_id="SR-1", actor=CLERK, occurred_on=DAY)
    ledger.transfer_hours(volunteer_id=V1, transfer_id="TR-1", to_volunteer_id=V2,
                          credit_s=3600, reason="赠与家人", actor=CLERK,
                          occurred_on=DAY)  # fmt: skip
    ledger.refund_donation(fund_id=FUND, refund_id="T-1", receipt_no="R-1", amount="1000",
                           reason=REFUND_REASON, actor=CASHIER, occurred_on=DAY)  # fmt: skip
    ledger.receive_cash(fund_id=FUND, receipt_no="R-2", amount="20", actor=CLERK,
                        occurred_on=DAY)  # fmt: skip


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("trail") / "station.db")
    ledger = Ledger(path, clock=FixedClock(NOW))
    try:
        record(ledger)
    finally:
        ledger.close()
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def table_rows(out: str) -> list[str]:
    """The lines under the table's rule."""
    lines = out.splitlines()
    rule = next(i for i, line in enumerate(lines) if re.fullmatch(r"[- ]+", line))
    return lines[rule + 1 :]


def fen_values(value: Any, key: str = "") -> list[tuple[str, Any]]:
    """Every (key, value) whose key ends in ``_fen``, at any depth."""
    if isinstance(value, dict):
        return [kv for k, v in value.items() for kv in fen_values(v, k)]
    if isinstance(value, list):
        return [kv for v in value for kv in fen_values(v, key)]
    return [(key, value)] if key.endswith("_fen") else []


# ---- the table -----------------------------------------------------------------------------


def test_a_funds_trail_as_a_table(capsys: pytest.CaptureFixture[str], store: str) -> None:
    code, out, err = run(capsys, "trail", "--fund", FUND, "--store", store)
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].startswith("审计轨迹 Audit trail    基金 fund: cz-village    4 条事件 events")
    heads = [line.split() for line in lines if line.lstrip().startswith(("位置", "position"))]
    assert heads == [
        ["位置", "业务日期", "记录时间", "(UTC)", "操作人", "事项", "说明", "原因"],
        ["position", "date", "recorded", "(UTC)", "actor", "what", "details", "why"],
    ]  # one fund: no subject column
    rows = table_rows(out)
    assert len(rows) == FUND_EVENTS  # a two-line reason stays on its row
    opened = rows[0].split()
    # A name recorded where the station registered nobody is marked so.
    assert opened[:6] == [
        "1",
        "2024-05-27",
        "2024-06-03",
        "02:00:01",
        f"{CLERK}（未登记",
        "unregistered）",
    ]
    assert "基金设立 fund opened" in rows[0]
    [refund] = [row for row in rows if "捐赠退款 donation refunded" in row]
    assert refund.split()[4] == f"{CASHIER}（未登记"
    assert "退款 refund T-1; 票据 receipt R-1; 1000.00 元; 限定 restriction 助学" in refund
    assert refund.endswith("捐赠方多转1000元 经核实原路退回")
    [gift] = [row for row in rows if "R-1" in row and "现金捐赠" in row]
    assert "3000.50 元; 限定 restriction 助学; 捐赠人 donor 某爱心企业" in gift
    positions = [int(row.split()[0]) for row in rows]
    assert positions == sorted(positions)


def test_a_volunteers_trail_shows_both_sides_of_a_transfer_and_no_personal_data(
    capsys: pytest.CaptureFixture[str], store: str
) -> None:
    code, out, err = run(capsys, "--store", store, "trail", "--volunteer", V1)
    assert (code, err) == (0, "")
    assert "对象" in out
    assert "subject" in out
    rows = table_rows(out)
    [received] = [row for row in rows if "时长转入 hours transferred in" in row]
    assert f"志愿者 volunteer {V2}" in received
    assert f"from volunteer {V1}" in received
    assert any("服务审核 service approved" in row and APPROVER in row for row in rows)
    assert any("2.00 小时 h" in row for row in rows)
    for secret in (V1_NAME, V1_PHONE):
        assert secret not in out
    code, out, _ = run(capsys, "--store", store, "trail", "--volunteer", V1, "--json")
    assert code == 0
    assert V1_NAME not in out
    assert V1_PHONE not in out


def test_a_team_members_trail_names_the_team(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = str(tmp_path / "station.db")
    ledger = Ledger(path, clock=FixedClock(NOW))
    try:
        record(ledger)
        ledger.form_team(team_id="T-1", station_id="cuizhai", name="红马甲服务队", actor=CLERK,
                         occurred_on=DAY)  # fmt: skip
        ledger.add_team_member(team_id="T-1", volunteer_id=V1, actor=CLERK, occurred_on=DAY)
    finally:
        ledger.close()
    code, out, err = run(capsys, "--store", path, "trail", "--volunteer", V1)
    assert (code, err) == (0, "")
    [joined] = [row for row in table_rows(out) if "服务队入队 team member joined" in row]
    assert "服务队 team T-1" in joined


def test_an_actors_trail_names_each_subject(capsys: pytest.CaptureFixture[str], store: str) -> None:
    code, out, err = run(capsys, "--store", store, "trail", "--actor", CLERK)
    assert (code, err) == (0, "")
    rows = table_rows(out)
    assert any(f"基金 fund {FUND}" in row for row in rows)
    assert any(f"志愿者 volunteer {V2}" in row for row in rows)
    assert any("活动 activity A-1" in row for row in rows)
    assert all(CLERK in row for row in rows)


def test_an_actor_with_no_events_is_told_so(capsys: pytest.CaptureFixture[str], store: str) -> None:
    code, out, err = run(capsys, "--store", store, "trail", "--actor", "无此人")
    assert (code, err) == (0, "")
    assert out.startswith("没有事件 No events by or naming actor '无此人'")
    code, out, err = run(capsys, "--store", store, "trail", "--actor", "无此人", "--json")
    assert (code, err, json.loads(out)) == (0, "", [])


# ---- JSON ---------------------------------------------------------------------------------


def test_json_is_the_entries_with_money_in_integer_fen(
    capsys: pytest.CaptureFixture[str], store: str
) -> None:
    code, out, err = run(capsys, "trail", "--fund", FUND, "--json", "--store", store)
    assert (code, err) == (0, "")
    entries = json.loads(out)
    assert len(entries) == FUND_EVENTS
    assert all(set(e) == set(TrailEntry.__struct_fields__) for e in entries)
    assert [e["event"] for e in entries] == [
        "FundOpened",
        "CashDonationReceived",
        "DonationRefunded",
        "CashDonationReceived",
    ]
    refund = entries[2]
    assert refund["fields"]["amount_fen"] == 100_000
    assert refund["fields"]["reason"] == REFUND_REASON  # as stored
    assert refund["reason"] == "捐赠方多转1000元 经核实原路退回"  # on one line
    assert (refund["actor"], refund["occurred_on"]) == (
        f"{CASHIER}（未登记 unregistered）",
        "2024-05-27",
    )
    assert re.fullmatch(r"2024-06-03T02:00:[0-9]{2}Z", refund["recorded_at"])
    assert entries[1]["fields"]["amount_fen"] == 300_050
    money = [kv for e in entries for kv in fen_values(e["fields"])]
    assert money
    assert all(type(v) is int for _, v in money), money
    # The printed JSON decodes back into the library's own entries.
    decoded = msgspec.json.decode(out.encode(), type=list[TrailEntry])
    assert [e.position for e in decoded] == [e["position"] for e in entries]


# ---- exit codes ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--fund", "nope"], "no fund 'nope' in SQLite file"),
        (["--volunteer", "V-9999"], "no volunteer 'V-9999' in SQLite file"),
        (["--fund", V1], f"no fund '{V1}'"),
        ([], "one of the arguments --fund --volunteer --actor is required"),
        (["--fund", FUND, "--actor", CLERK], "not allowed with argument"),
        (["--actor", " "], "actor: must not be empty"),
    ],
    ids=["unknown-fund", "unknown-volunteer", "volunteer-as-fund", "none", "two", "blank"],
)
def test_bad_requests_exit_2(
    capsys: pytest.CaptureFixture[str], store: str, argv: list[str], message: str
) -> None:
    code, out, err = run(capsys, "--store", store, "trail", *argv)
    assert code == 2
    assert out == ""
    assert message in err


def test_a_missing_store_is_not_created(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    missing = tmp_path / "none.db"
    code, out, err = run(capsys, "--store", str(missing), "trail", "--actor", CLERK)
    assert (code, out) == (2, "")
    assert "error" in err
    assert not missing.exists()
