"""The newer views asked by level from the command line: ``delivery``, ``recognition``,
``stars``, ``team list``, ``projects`` and ``timebank balance`` take ``--district``,
``--station`` or ``--community`` as the annual report does.

One store, entered through its sheets: a district (D1) over two stations (S1, S2) and a
community room (C1) under S1. A district's figures are the sum (or the union) of its
stations'; a station's include its room's; a code of another level is refused with a
sentence, exit 2.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from sgz_ledger.cli import EXIT_OK, EXIT_USAGE, main

pytestmark = pytest.mark.filterwarnings("ignore::sgz_ledger.PersonalDataInClearWarning")

SHEETS: list[tuple[str, str, str]] = [
    # (file, --station, text)
    (
        "层级.csv",
        "",
        """单位编号,层级,上级,名称,登记日期
D1,区县,,济阳区社会工作服务总站,2024-01-02
S1,镇街,D1,崔寨街道社工站,2024-01-02
S2,镇街,D1,曲堤街道社工站,2024-01-02
C1,村居,S1,崔寨村社工室,2024-01-02
""",
    ),
    (
        "基金.csv",
        "",
        """基金,名称,社工站,社区,托管机构,审批限额,设立日期
F1,崔寨街道社区基金,S1,崔寨,济南市慈善总会,5000,2024-01-05
F2,崔寨村微基金,C1,崔寨村,济南市慈善总会,2000,2024-01-05
F3,曲堤街道社区基金,S2,曲堤,济南市慈善总会,5000,2024-01-05
""",
    ),
    (
        "项目.csv",
        "",
        """项目编号,站点,项目名称,开始日期,结束日期,基金,预算科目,科目名称,预算金额
XM1,S1,助老关爱项目,2024-02-01,2024-12-31,F1,A1,助老活动,5000
XM2,S2,儿童守护项目,2024-02-01,2024-12-31,F3,A1,儿童活动,3000
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
        "志愿者_S2.csv",
        "S2",
        """志愿者编号,姓名,注册日期,同意
V4,李秀英,2024-01-10,是
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
        "服务_S2.csv",
        "S2",
        """记录编号,志愿者编号,活动名称,日期,开始时间,结束时间,记录人,审核人
R4,V4,四点半课堂,2024-05-06,16:30:00,18:00:00,孙悦,陈晓
""",
    ),
    (
        "服务队.csv",
        "",
        """服务队编号,站点,服务队名称,成立日期,志愿者编号,加入日期,队长
T1,S1,崔寨街道志愿服务队,2024-01-15,V1,2024-01-15,是
T1,S1,崔寨街道志愿服务队,2024-01-15,V2,2024-01-15,否
T2,S2,曲堤街道志愿服务队,2024-01-15,V4,2024-01-15,是
""",
    ),
    (
        "时间银行_S1.csv",
        "S1",
        """业务,日期,志愿者编号,单号
存入,2024-03-08,V1,R1
""",
    ),
    (
        "时间银行_S2.csv",
        "S2",
        """业务,日期,志愿者编号,单号
存入,2024-05-08,V4,R4
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
""",
    ),
    (
        "小组_S1.csv",
        "S1",
        """小组编号,小组名称,主题,节次,日期,开始时间,结束时间,参与人数,参与者标识
XZ-1,长者互助小组,长者,1,2024-04-10,09:00:00,10:30:00,12,R-0001、R-0002
""",
    ),
    (
        "小组_S2.csv",
        "S2",
        """小组编号,小组名称,主题,节次,日期,开始时间,结束时间,参与人数,参与者标识
XZ-2,儿童成长小组,儿童,1,2024-05-10,09:00:00,10:30:00,8,R-0101、R-0102
""",
    ),
]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> str:
    tmp = tmp_path_factory.mktemp("levels")
    path = str(tmp / "district.db")
    for name, station, text in SHEETS:
        sheet = tmp / name
        sheet.write_text(text, encoding="utf-8")
        argv = ["--store", path, "import", str(sheet), "--entered-by", "王芳"]
        if station:
            argv += ["--station", station]
        assert main(argv) == EXIT_OK, name
    return path


def _json(store: str, capsys: pytest.CaptureFixture[str], *argv: str) -> Any:
    capsys.readouterr()
    code = main(["--store", store, *argv, "--json"])
    out, err = capsys.readouterr()
    assert code == EXIT_OK, err
    return json.loads(out)


def _refused(store: str, capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    capsys.readouterr()
    code = main(["--store", store, *argv])
    out, err = capsys.readouterr()
    assert code == EXIT_USAGE, out
    assert "Traceback" not in err
    return err


YEAR = ("--year", "2024")
PERIOD = ("--from", "2024-01-01", "--to", "2024-12-31")
ON = ("--on", "2024-12-31")

# Each view with the arguments that fix its day: the period's last day or the --on day.
VIEWS: list[tuple[str, ...]] = [
    ("delivery", *YEAR),
    ("recognition", *PERIOD),
    ("stars", *ON),
    ("team", "list", *ON),
    ("projects",),
    ("timebank", "balance"),
]

_DELIVERY_COUNTS = (
    "cases_opened",
    "cases_closed",
    "cases_open_end",
    "case_sessions",
    "groups",
    "group_sessions",
    "group_person_times",
    "person_times",
    "distinct_people",  # the two stations serve different people
    "supervision_s",
    "training_s",
)


def test_delivery_of_the_district_is_the_sum_of_its_stations(
    store: str, capsys: pytest.CaptureFixture[str]
) -> None:
    s1 = _json(store, capsys, "delivery", *YEAR, "--station", "S1")
    s2 = _json(store, capsys, "delivery", *YEAR, "--station", "S2")
    d1 = _json(store, capsys, "delivery", *YEAR, "--district", "D1")
    c1 = _json(store, capsys, "delivery", *YEAR, "--community", "C1")
    for key in _DELIVERY_COUNTS:
        assert d1[key] == s1[key] + s2[key], key
    assert (d1["groups"], s1["groups"], s2["groups"]) == (2, 1, 1)
    # The station's case work is its room's.
    assert (c1["cases_opened"], s1["cases_opened"], c1["groups"]) == (1, 1, 0)
    # Repeated --station names each station's subtree: the two together are the district.
    both = _json(store, capsys, "delivery", *YEAR, "--station", "S1", "--station", "S2")
    assert {k: both[k] for k in _DELIVERY_COUNTS} == {k: d1[k] for k in _DELIVERY_COUNTS}


def _star_levels(counts: dict[str, Any]) -> list[int]:
    return [level["volunteers"] for level in counts["levels"]]


def test_recognition_and_stars_of_the_district_are_the_sum_of_its_stations(
    store: str, capsys: pytest.CaptureFixture[str]
) -> None:
    s1, s2, d1 = (
        _json(store, capsys, "recognition", *PERIOD, option, unit)
        for option, unit in (("--station", "S1"), ("--station", "S2"), ("--district", "D1"))
    )
    for key in ("teams_active", "teams_formed", "team_members", "awards", "evaluations"):
        assert d1[key] == s1[key] + s2[key], key
    assert [t["team_id"] for t in d1["teams"]] == ["T1", "T2"]
    assert d1["stars"]["volunteers"] == s1["stars"]["volunteers"] + s2["stars"]["volunteers"] == 4

    stars = {
        unit: _json(store, capsys, "stars", *ON, option, unit)
        for option, unit in (("--station", "S1"), ("--station", "S2"), ("--district", "D1"),
                             ("--community", "C1"))
    }  # fmt: skip
    assert stars["D1"]["volunteers"] == stars["S1"]["volunteers"] + stars["S2"]["volunteers"]
    assert _star_levels(stars["D1"]) == [
        a + b for a, b in zip(_star_levels(stars["S1"]), _star_levels(stars["S2"]), strict=True)
    ]
    # S1 counts V1, V2 and its room's V3; the room V3 alone.
    assert (stars["S1"]["volunteers"], stars["C1"]["volunteers"]) == (3, 1)


def test_team_list_and_projects_of_the_district_are_the_union_of_its_stations(
    store: str, capsys: pytest.CaptureFixture[str]
) -> None:
    def teams(*argv: str) -> list[str]:
        return [t["team_id"] for t in _json(store, capsys, "team", "list", *ON, *argv)]

    def projects(*argv: str) -> list[str]:
        return [p["project_id"] for p in _json(store, capsys, "projects", *argv)]

    assert teams("--station", "S1") == ["T1"]
    assert teams("--station", "S2") == ["T2"]
    assert teams("--district", "D1") == ["T1", "T2"] == teams()
    assert teams("--community", "C1") == []
    assert projects("--station", "S1") == ["XM1"]
    assert projects("--station", "S2") == ["XM2"]
    assert projects("--district", "D1") == ["XM1", "XM2"] == projects()
    assert projects("--community", "C1") == []


def test_timebank_balances_of_the_district_are_its_stations_together(
    store: str, capsys: pytest.CaptureFixture[str]
) -> None:
    def balances(*argv: str) -> dict[str, int]:
        rows = _json(store, capsys, "timebank", "balance", *argv)
        return {row["volunteer_id"]: row["bank_balance_s"] for row in rows}

    s1, s2 = balances("--station", "S1"), balances("--station", "S2")
    assert s1 == {"V1": 11720, "V2": 0, "V3": 0}  # V3 is the room's
    assert s2 == {"V4": 5400}
    assert balances("--district", "D1") == s1 | s2
    assert balances("--community", "C1") == {"V3": 0}


@pytest.mark.parametrize("view", VIEWS, ids=lambda v: " ".join(v[:2]))
@pytest.mark.parametrize(
    ("option", "unit", "said"),
    [
        ("--district", "S1", "is a station, not a district"),
        ("--station", "D1", "is a district, not a station"),
        ("--community", "S2", "is a station, not a community"),
        ("--station", "nowhere", "no unit 'nowhere'"),
    ],
)
def test_a_code_of_another_level_is_refused_with_a_sentence(
    store: str,
    capsys: pytest.CaptureFixture[str],
    view: tuple[str, ...],
    option: str,
    unit: str,
    said: str,
) -> None:
    err = _refused(store, capsys, *view, option, unit)
    assert said in err


@pytest.mark.parametrize("view", [("stars", *ON), ("timebank", "balance")])
def test_one_volunteer_and_a_level_together_are_refused(
    store: str, capsys: pytest.CaptureFixture[str], view: tuple[str, ...]
) -> None:
    err = _refused(store, capsys, *view, "--volunteer", "V1", "--district", "D1")
    assert "--volunteer or a level" in err


@pytest.mark.parametrize("view", VIEWS, ids=lambda v: " ".join(v[:2]))
def test_two_levels_at_once_are_a_usage_error(
    store: str, capsys: pytest.CaptureFixture[str], view: tuple[str, ...]
) -> None:
    err = _refused(store, capsys, *view, "--district", "D1", "--station", "S1")
    assert "not allowed with argument --district" in err
