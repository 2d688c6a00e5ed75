"""Project budgets, the register of levels and team rosters imported as sheets.

Each kind in Chinese (GB18030, as a Chinese Excel saves it) and in English (UTF-8); a bad
row refuses the whole file with its line; the same file again records nothing. The clerk
types a project's end date differently on one of its rows, lists a community room before
its station, and marks two leaders of one team.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import FixedClock
from sgz_ledger import Ledger
from sgz_ledger.domain.events import ProjectOpened, TeamLeaderNamed, UnitRegistered
from sgz_ledger.render.sheets import import_text
from sgz_ledger.sheets import KINDS, ImportSummary, SheetRefused, import_sheet
from sgz_ledger.sheets.common import read_sheet
from sgz_ledger.sheets.registers import split_funds
from sgz_ledger.storage.sealing import PersonalDataInClearWarning

pytestmark = pytest.mark.filterwarnings(
    f"ignore::{PersonalDataInClearWarning.__module__}.{PersonalDataInClearWarning.__name__}"
)

STATION = "cuizhai"
DAY = dt.date(2024, 1, 5)


@pytest.fixture
def mem() -> Iterator[Ledger]:
    ledger = Ledger("memory:", clock=FixedClock())
    yield ledger
    ledger.close()


def load(ledger: Ledger, text: str, encoding: str = "utf-8") -> ImportSummary:
    return import_sheet(
        ledger, text.strip().encode(encoding), station_id=STATION, entered_by="王芳"
    )


def with_funds(ledger: Ledger) -> Ledger:
    for fund_id in ("F1", "F2"):
        ledger.open_fund(
            fund_id=fund_id,
            station_id=STATION,
            community="崔寨村",
            name=f"基金{fund_id}",
            host="慈善总会",
            approval_threshold_fen=100_000,
            actor="王芳",
            occurred_on=DAY,
        )
    return ledger


def with_volunteers(ledger: Ledger) -> Ledger:
    for volunteer_id in ("V1", "V2", "V3"):
        ledger.register_volunteer(
            volunteer_id=volunteer_id,
            station_id=STATION,
            name=f"志愿者{volunteer_id}",
            registered_on=DAY,
            consent=True,
            actor="王芳",
            occurred_on=DAY,
        )
    return ledger


PROJECTS_ZH = """
崔寨社工站2024年项目预算表
项目编号,站点,项目名称,开始日期,结束日期,基金,预算科目,科目名称,预算金额
P1,cuizhai,长者关爱项目,2024-02-01,2024-12-31,F1、F2,A1,活动费,"1,200.50"
P1,cuizhai,长者关爱项目,2024-02-01,2024-12-31,F1、F2,A2,物资费,300
P2,,儿童阅读项目,2024/3/1,2024/11/30,F2,B1,图书,0
"""

PROJECTS_EN = """
project_id,station_id,name,starts_on,ends_on,fund_ids,line_code,line_name,amount,handler,entered_on
P1,cuizhai,Elder care,2024-02-01,2024-12-31,F1;F2,A1,Activities,1200.50,李娜,2024-01-20
P1,cuizhai,Elder care,2024-02-01,2024-12-31,F1;F2,A2,Goods,300,李娜,2024-01-20
"""


@pytest.mark.parametrize(("text", "encoding"), [(PROJECTS_ZH, "gb18030"), (PROJECTS_EN, "utf-8")])
def test_projects_in_chinese_and_english(mem: Ledger, text: str, encoding: str) -> None:
    with_funds(mem)
    done = load(mem, text, encoding)
    assert done.kind == "projects"
    opened = {e.project_id: e for e in mem.stored_events() if isinstance(e, ProjectOpened)}
    p1 = opened["P1"]
    assert p1.fund_ids == ("F1", "F2")
    assert [(line.code, line.amount_fen) for line in p1.lines] == [("A1", 120_050), ("A2", 30_000)]
    assert p1.ends_on == dt.date(2024, 12, 31)
    if encoding == "utf-8":
        assert (p1.actor, p1.occurred_on) == ("李娜", dt.date(2024, 1, 20))
        assert (done.projects_opened, done.budget_lines) == (1, 2)
    else:
        assert (p1.actor, p1.occurred_on) == ("王芳", dt.date(2024, 2, 1))
        assert opened["P2"].station_id == STATION  # an empty 站点: the import's station
        assert (done.projects_opened, done.budget_lines) == (2, 3)
    assert "projects opened" in import_text(done, "memory:")
    again = load(mem, text, encoding)
    assert (again.events_recorded, again.projects_opened) == (0, 0)
    assert again.already_present == again.rows


def test_a_bad_project_row_refuses_the_file(mem: Ledger) -> None:
    with_funds(mem)
    bad = PROJECTS_ZH.strip() + "\nP3,,社区营造,2024-03-01,2024-10-31,F1,C1,活动费,12.345\n"
    with pytest.raises(SheetRefused) as refused:
        load(mem, bad, "gb18030")
    assert refused.value.lines == (6,)
    assert mem.log_position() == 2  # the two funds, nothing of the sheet


def test_clerk_types_another_end_date_on_one_row_of_a_project(mem: Ledger) -> None:
    with_funds(mem)
    sheet = PROJECTS_ZH.replace(
        "P1,cuizhai,长者关爱项目,2024-02-01,2024-12-31,F1、F2,A2",
        "P1,cuizhai,长者关爱项目,2024-02-01,2024-12-30,F1、F2,A2",
    )
    with pytest.raises(SheetRefused) as refused:
        load(mem, sheet)
    assert refused.value.lines == (4,)
    assert refused.value.rows[0].reason == "inconsistent"
    assert "ends_on" in refused.value.rows[0].message
    assert mem.log_position() == 2


def test_a_fund_of_no_one_is_the_ledgers_refusal_with_every_line_of_the_project(
    mem: Ledger,
) -> None:
    with_funds(mem)
    with pytest.raises(SheetRefused) as refused:
        load(mem, PROJECTS_ZH.replace("F1、F2", "F1、F9"))
    assert refused.value.lines == (3, 4)


def test_fund_cells_split_on_the_separators_clerks_type() -> None:
    assert split_funds("F1、F2；F3;F4，F5, F6") == ("F1", "F2", "F3", "F4", "F5", "F6")


LEVELS_ZH = """
序号,单位编号,层级,上级,名称,登记日期
1,jinan-licheng,区县,,历城区社会工作服务总站,2024-01-02
2,cuizhai,镇街,jinan-licheng,崔寨街道社工站,2024-01-02
3,cuizhai-c1,村居,cuizhai,崔寨村社工室,2024-01-03
"""

# A community room listed before its station, the station before its district.
LEVELS_EN = """
unit_id,level,parent_id,name,registered_on
cuizhai-c1,community,cuizhai,Cuizhai village room,2024-01-03
cuizhai,station,jinan-licheng,Cuizhai station,2024-01-02
jinan-licheng,district,,Licheng district,2024-01-02
"""


@pytest.mark.parametrize(("text", "encoding"), [(LEVELS_ZH, "gb18030"), (LEVELS_EN, "utf-8")])
def test_levels_in_chinese_and_english_in_any_order(mem: Ledger, text: str, encoding: str) -> None:
    done = load(mem, text, encoding)
    assert (done.kind, done.units_registered) == ("levels", 3)
    units = [e for e in mem.stored_events() if isinstance(e, UnitRegistered)]
    assert [(e.unit_id, e.level, e.parent_id) for e in units] == [
        ("jinan-licheng", "district", ""),
        ("cuizhai", "station", "jinan-licheng"),
        ("cuizhai-c1", "community", "cuizhai"),
    ]
    again = load(mem, text, encoding)
    assert (again.events_recorded, again.already_present) == (0, 3)


def test_a_loop_or_an_unknown_parent_refuses_the_file_by_line(mem: Ledger) -> None:
    loop = LEVELS_EN.replace(
        "jinan-licheng,district,,", "jinan-licheng,district,cuizhai-c1,"
    ).strip()
    loop += "\nx-room,community,nowhere,Stray room,2024-01-03\n"
    with pytest.raises(SheetRefused) as refused:
        load(mem, loop)
    reasons = {p.line: p.reason for p in refused.value.rows}
    assert reasons[2] == reasons[3] == reasons[4] == "cycle"
    assert reasons[5] == "unknown_parent"
    assert mem.log_position() == 0


def test_a_bad_level_word_names_its_line(mem: Ledger) -> None:
    with pytest.raises(SheetRefused) as refused:
        load(mem, LEVELS_ZH.replace("村居", "小区"), "gb18030")
    assert refused.value.lines == (4,)
    assert refused.value.rows[0].reason == "bad_choice"


TEAMS_ZH = """
服务队编号,站点,服务队名称,成立日期,志愿者编号,加入日期,队长
T1,cuizhai,红马甲服务队,2024-02-01,V1,2024-02-01,是
T1,cuizhai,红马甲服务队,2024-02-01,V2,2024-02-10,否
T2,,银发服务队,2024-03-01,V3,2024-03-01,
"""

TEAMS_EN = """
team_id,station_id,name,formed_on,volunteer_id,joined_on,leader
T1,cuizhai,Red vests,2024-02-01,V1,2024-02-01,no
T1,cuizhai,Red vests,2024-02-01,V2,2024-02-10,yes
"""


@pytest.mark.parametrize(("text", "encoding"), [(TEAMS_ZH, "gb18030"), (TEAMS_EN, "utf-8")])
def test_teams_in_chinese_and_english(mem: Ledger, text: str, encoding: str) -> None:
    with_volunteers(mem)
    before = mem.log_position()
    done = load(mem, text, encoding)
    assert done.kind == "teams"
    leaders = [e for e in mem.stored_events(after=before) if isinstance(e, TeamLeaderNamed)]
    if encoding == "utf-8":
        assert (done.teams_formed, done.team_joins, done.team_leaders_named) == (1, 2, 1)
        assert [e.volunteer_id for e in leaders] == ["V2"]
    else:
        assert (done.teams_formed, done.team_joins, done.team_leaders_named) == (2, 3, 1)
        assert [(e.volunteer_id, e.occurred_on) for e in leaders] == [("V1", dt.date(2024, 2, 1))]
    assert "members added" in import_text(done, "memory:")
    again = load(mem, text, encoding)
    assert (again.events_recorded, again.already_present) == (0, again.rows)


def test_a_volunteer_of_no_one_refuses_the_team_file(mem: Ledger) -> None:
    with_volunteers(mem)
    before = mem.log_position()
    with pytest.raises(SheetRefused) as refused:
        load(mem, TEAMS_ZH.replace("V3", "V9"), "gb18030")
    assert refused.value.lines == (4,)
    assert mem.log_position() == before


def test_clerk_marks_two_leaders_of_one_team(mem: Ledger) -> None:
    with_volunteers(mem)
    with pytest.raises(SheetRefused) as refused:
        load(mem, TEAMS_ZH.replace("V2,2024-02-10,否", "V2,2024-02-10,是"))
    assert refused.value.lines == (3,)
    assert refused.value.rows[0].reason == "inconsistent"


TREE = [
    ("d1", "district", ""),
    ("s1", "station", "d1"),
    ("s2", "station", "d1"),
    ("c1", "community", "s1"),
    ("c2", "community", "s1"),
    ("c3", "community", "s2"),
]


@settings(max_examples=30, deadline=None)
@given(st.permutations(TREE))
def test_any_order_of_a_tree_registers_parents_first(rows: list[tuple[str, str, str]]) -> None:
    ledger = Ledger("memory:", clock=FixedClock())
    try:
        text = "unit_id,level,parent_id,name,registered_on\n" + "\n".join(
            f"{u},{level},{p},{u},2024-01-02" for u, level, p in rows
        )
        assert load(ledger, text).units_registered == len(TREE)
        order = [e.unit_id for e in ledger.stored_events() if isinstance(e, UnitRegistered)]
        for unit_id, _, parent_id in TREE:
            assert not parent_id or order.index(parent_id) < order.index(unit_id)
    finally:
        ledger.close()


def test_registers_naming_a_project_and_line_are_not_taken_for_budgets() -> None:
    for header in (
        "日期,基金,类型,金额,票据号,项目编号,预算科目",
        "申请编号,日期,基金,金额,用途,收款方,申请人,项目编号,预算科目",
    ):
        assert read_sheet(header.encode("gb18030"), KINDS).kind.name != "projects"
    budget = PROJECTS_ZH.strip().encode("gb18030")
    assert read_sheet(budget, KINDS).kind.name == "projects"
