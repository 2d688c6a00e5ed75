"""A station's year entered through its spreadsheets alone, then reported at every level.

A district (D1) over a street station (S1) over a village room (C1): the levels, funds, a
project and its budget, gifts in cash and in goods, spending on the project, goods handed
out, volunteers and their service (times to the second), a team, the time bank, case work, a
group's sessions and supervision, each imported as the station's clerk would (``sgz-ledger
import``), one file in GB18030. The annual report at each level is then the hand-computed
one: the room's own, the station's with the room's, the district's the same (it records
nothing itself).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from sgz_ledger.cli import main

pytestmark = pytest.mark.filterwarnings("ignore::sgz_ledger.PersonalDataInClearWarning")

SHEETS: list[tuple[str, str, str]] = [
    # (file, --station, text)
    (
        "层级.csv",
        "",
        """单位编号,层级,上级,名称,登记日期
C1,村居,S1,崔寨村社工室,2024-01-02
S1,镇街,D1,崔寨街道社工站,2024-01-02
D1,区县,,济阳区社会工作服务总站,2024-01-02
""",
    ),
    (
        "基金.csv",
        "",
        """基金,名称,社工站,社区,托管机构,审批限额,设立日期
F1,崔寨街道社区基金,S1,崔寨,济南市慈善总会,5000,2024-01-05
F2,崔寨村微基金,C1,崔寨村,济南市慈善总会,2000,2024-01-05
""",
    ),
    (
        "项目.csv",
        "",
        """项目编号,站点,项目名称,开始日期,结束日期,基金,预算科目,科目名称,预算金额
XM1,S1,助老关爱项目,2024-02-01,2024-12-31,F1,A1,助老活动,5000
XM1,S1,助老关爱项目,2024-02-01,2024-12-31,F1,A2,宣传物料,800.50
""",
    ),
    (
        "捐赠.csv",
        "",
        """日期,基金,捐赠人,类型,金额,物资名称,数量,单位,价值依据,限定用途,票据号,经办人,项目编号,预算科目
2024-02-10,F1,某爱心企业,现金,12000.00,,,,,,JZ-001,王芳,XM1,A1
2024-02-15,F2,,现金,300.50,,,,,,JZ-002,王芳,,
2024-02-20,F2,某超市,物资,2900.00,泡面,145,箱,document,,JZ-003,王芳,,
""",
    ),
    (
        "支出.csv",
        "",
        """申请编号,日期,基金,金额,用途,收款方,申请人,审批人,支付日期,凭证号,项目编号,预算科目
SQ-01,2024-03-05,F1,3000.00,重阳节助老活动,幸福食堂,李强,张敏,2024-03-10,PZ-01,XM1,A1
""",
    ),
    (
        "物资发放.csv",
        "",
        """发放编号,日期,基金,物资名称,单位,数量,领取人,用途,签收人
FF-01,2024-03-01,F2,泡面,箱,100,困难家庭,春节慰问,村委会
""",
    ),
    (
        "志愿者_S1.csv",
        "S1",
        """志愿者编号,姓名,注册日期,同意
V1,崔建华,2024-01-10,是
V2,崔玉兰,2024-01-10,是
""",
    ),
    (
        "志愿者_C1.csv",
        "C1",
        """志愿者编号,姓名,注册日期,同意
V3,王德明,2024-01-10,是
""",
    ),
    (
        "服务_S1.csv",
        "S1",
        """记录编号,志愿者编号,活动名称,日期,开始时间,结束时间,记录人,审核人
R1,V1,学雷锋义诊,2024-03-05,08:30:00,11:45:20,孙悦,陈晓
R2,V2,学雷锋义诊,2024-03-05,08:30:00,10:00:30,孙悦,陈晓
""",
    ),
    (
        "服务_C1.csv",
        "C1",
        """记录编号,志愿者编号,活动名称,日期,开始时间,结束时间,记录人,审核人
R3,V3,村内环境整治,2024-04-02,14:00:00,16:30:15,孙悦,陈晓
""",
    ),
    (
        "服务队.csv",
        "",
        """服务队编号,站点,服务队名称,成立日期,志愿者编号,加入日期,队长
T1,S1,崔寨街道志愿服务队,2024-01-15,V1,2024-01-15,是
T1,S1,崔寨街道志愿服务队,2024-01-15,V2,2024-01-15,否
""",
    ),
    (
        "时间银行.csv",
        "S1",
        """业务,日期,志愿者编号,单号
存入,2024-03-08,V1,R1
""",
    ),
    (
        "个案.csv",
        "C1",
        """个案编号,建档日期,负责社工,服务对象标识,结案日期,结案原因
GA-1,2024-03-01,李强,R-0001,2024-05-30,目标达成
""",
    ),
    (
        "个案服务.csv",
        "C1",
        """个案编号,服务编号,日期,开始时间,结束时间,社工
GA-1,1,2024-03-08,14:00:00,15:00:00,李强
GA-1,2,2024-04-08,14:00:00,15:30:00,李强
""",
    ),
    (
        "小组.csv",
        "S1",
        """小组编号,小组名称,主题,节次,日期,开始时间,结束时间,参与人数,参与者标识
XZ-1,长者互助小组,长者,1,2024-04-10,09:00:00,10:30:00,12,R-0001、R-0002
XZ-1,长者互助小组,长者,2,2024-04-17,09:00:00,10:30:00,10,R-0002、R-0003
""",
    ),
    (
        "督导.csv",
        "S1",
        """督导编号,类型,日期,次数,时长分钟,督导人
DD-1,督导,2024-03-28,1,180,督导中心
DD-2,督导,2024-06-27,1,150,督导中心
""",
    ),
]

# Hand-computed: R1 3:15:20, R2 1:30:30 at S1; R3 2:30:15 at C1.
S1_SERVICE_S = 11720 + 5430
C1_SERVICE_S = 9015


def _import(store: str, tmp: Path, name: str, station: str, text: str) -> None:
    path = tmp / name
    # The project budget comes from an older machine, saved in GB18030.
    path.write_bytes(text.encode("gb18030" if name == "项目.csv" else "utf-8"))
    argv = ["--store", store, "import", str(path), "--entered-by", "王芳"]
    if station:
        argv += ["--station", station]
    assert main(argv) == 0, name


def _report(
    store: str, capsys: pytest.CaptureFixture[str], level: str, unit: str
) -> dict[str, Any]:
    capsys.readouterr()
    argv = ["--store", store, "report", "--year", "2024", f"--{level}", unit, "--json"]
    assert main(argv) == 0
    report: dict[str, Any] = json.loads(capsys.readouterr().out)
    return report


def test_a_year_through_the_sheets_reports_at_every_level(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = str(tmp_path / "station.db")
    for name, station, text in SHEETS:
        _import(store, tmp_path, name, station, text)
    capsys.readouterr()
    # Imported again, every sheet records nothing.
    capsys.readouterr()
    assert main(["--store", store, "verify", "--json"]) == 0
    head = json.loads(capsys.readouterr().out)["events"]
    for name, station, text in SHEETS:
        _import(store, tmp_path, name, station, text)
    capsys.readouterr()
    assert main(["--store", store, "verify", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["events"] == head

    room = _report(store, capsys, "community", "C1")
    station = _report(store, capsys, "station", "S1")
    district = _report(store, capsys, "district", "D1")

    # Volunteers: the room's one record; the station's three (its own and the room's).
    assert (room["person_times"], room["service_s"]) == (1, C1_SERVICE_S)
    assert room["service_hours"] == "2.50"  # 9015 s = 2.504 h
    assert (station["person_times"], station["service_s"]) == (3, S1_SERVICE_S + C1_SERVICE_S)
    assert station["service_hours"] == "7.27"  # 26165 s = 7.268 h, rounded once
    assert station["registered_volunteers"] == 3
    for figure in ("person_times", "service_s", "service_hours", "registered_volunteers"):
        assert district[figure] == station[figure], figure

    # Funds: the room's fund alone; the station's both.
    assert room["donations_cash_fen"] == 30050
    assert room["donations_in_kind_fen"] == 290000
    assert room["goods_distributed_fen"] == 200000  # 100 of 145 boxes at 20.00
    assert station["donations_cash_fen"] == 1200000 + 30050
    assert station["spending_fen"] == 300000
    assert station["cash_end_fen"] == 1200000 + 30050 - 300000
    assert district["cash_end_fen"] == station["cash_end_fen"]

    # The project: its budget, the gift and the spending that name it.
    [project] = station["projects"]
    assert (project["project_id"], project["budget_fen"]) == ("XM1", 580050)
    assert (project["income_cash_fen"], project["spending_fen"]) == (1200000, 300000)
    assert "projects" not in room

    # Service delivery: the room's case; the station's group too.
    delivery = station["service_delivery"]
    assert (delivery["cases_opened"], delivery["cases_closed"], delivery["case_sessions"]) == (
        1,
        1,
        2,
    )
    assert (delivery["groups"], delivery["group_sessions"], delivery["group_person_times"]) == (
        1,
        2,
        22,
    )
    assert delivery["person_times"] == 2 + 22
    # R-0001 in the case and the group, R-0002 in both sessions, R-0003: three people.
    assert delivery["distinct_people"] == 3
    assert (delivery["supervision_count"], delivery["supervision_s"]) == (2, 330 * 60)
    assert delivery["supervision_hours"] == "5.50"
    assert room["service_delivery"]["person_times"] == 2
    same = {k: v for k, v in delivery.items() if k != "station_ids"}
    assert {k: v for k, v in district["service_delivery"].items() if k != "station_ids"} == same

    # The team and the time bank.
    assert station["recognition"]["teams_active"] == 1
    capsys.readouterr()
    assert main(["--store", store, "timebank", "balance", "--volunteer", "V1", "--json"]) == 0
    assert "11720" in capsys.readouterr().out
