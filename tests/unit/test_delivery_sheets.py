"""Service delivery sheets as a tired clerk and a dishonest insider would use them.

The clerk exports sign-in sheets with seconds (HH:MM:SS), saves them from a Chinese Excel
(GB18030), and makes one mistake in a long file: the whole file is refused, every bad line
named, and nothing is recorded. The insider tries to inflate 人次 or distinct people with
identifiers that did not attend, or two spellings of one person.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal

import pytest

from conftest import FixedClock
from sgz_ledger import Ledger
from sgz_ledger.sheets import SheetRefused, import_sheet
from sgz_ledger.storage.sealing import PersonalDataInClearWarning

pytestmark = pytest.mark.filterwarnings(
    f"ignore::{PersonalDataInClearWarning.__module__}.{PersonalDataInClearWarning.__name__}"
)

STATION = "cuizhai"
YEAR = {"date_from": dt.date(2024, 1, 1), "date_to": dt.date(2024, 12, 31)}


@pytest.fixture
def mem() -> Iterator[Ledger]:
    ledger = Ledger("memory:", clock=FixedClock())
    yield ledger
    ledger.close()


def load(ledger: Ledger, text: str, encoding: str = "utf-8") -> object:
    return import_sheet(
        ledger, text.strip().encode(encoding), station_id=STATION, entered_by="王芳"
    )


GROUP_SHEET = """
小组编号,小组名称,主题,节次,日期,开始时间,结束时间,参与人数,参与者标识
G1,长者互助小组,长者,1,2024-03-01,09:00:00,10:30:15,10,R1;R2
G1,长者互助小组,长者,2,2024-03-08,09:00:05,10:30:05,12,R1、R3
G2,亲子阅读小组,亲子,1,2024/3/9,14:00,15:30,8,
"""


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_a_sign_in_export_with_seconds_in_any_encoding(mem: Ledger, encoding: str) -> None:
    summary = load(mem, GROUP_SHEET, encoding)
    assert summary.sessions_recorded == 3  # type: ignore[attr-defined]
    assert summary.groups_created == 2  # type: ignore[attr-defined]
    durations = sorted(e.duration_s for e in mem.stored_events() if hasattr(e, "participants"))
    assert durations == [5400, 5400, 5415]  # 09:00:00 to 10:30:15 is 5,415 s
    report = mem.delivery_report(**YEAR)
    assert (report.groups, report.group_sessions, report.group_person_times) == (2, 3, 30)
    assert report.distinct_people == 3
    again = load(mem, GROUP_SHEET, encoding)  # the same file again records nothing
    assert again.events_recorded == 0  # type: ignore[attr-defined]
    assert again.already_present == 3  # type: ignore[attr-defined]


def test_one_bad_row_refuses_the_whole_file(mem: Ledger) -> None:
    bad = GROUP_SHEET.strip() + "\nG2,亲子阅读小组,亲子,2,2024-03-16,15:30:00,14:00:00,8,\n"
    bad += "G2,亲子阅读小组,亲子,3,2024-03-23,14:00,15:00,-3,\n"
    with pytest.raises(SheetRefused) as refused:
        load(mem, bad)
    assert refused.value.lines == (5, 6)
    assert mem.log_position() == 0


def test_a_later_sheet_of_the_same_group_adds_its_sessions(mem: Ledger) -> None:
    load(mem, GROUP_SHEET)
    head = "小组编号,小组名称,主题,节次,日期,时长分钟,参与人数\n"
    later = head + "G1,长者互助小组,长者,3,2024-04-01,90,11"
    summary = load(mem, later)
    assert (summary.groups_created, summary.sessions_recorded) == (0, 1)  # type: ignore[attr-defined]
    renamed = (
        "小组编号,小组名称,主题,节次,日期,时长分钟,参与人数\nG1,改个名字,长者,4,2024-04-08,90,11"
    )
    with pytest.raises(SheetRefused):
        load(mem, renamed)


@pytest.mark.parametrize(
    "later",
    [
        "小组编号,小组名称,节次,日期,时长分钟,参与人数\nG1,长者互助小组,3,2024-04-01,90,11",
        "小组编号,小组名称,主题,节次,日期,时长分钟,参与人数\nG1,长者互助小组,,3,2024-04-01,90,11",
    ],
    ids=["without the theme column", "with the theme left empty"],
)
def test_a_later_sheet_may_leave_out_what_it_does_not_change(mem: Ledger, later: str) -> None:
    load(mem, GROUP_SHEET)
    summary = load(mem, later)
    assert (summary.groups_created, summary.sessions_recorded) == (0, 1)  # type: ignore[attr-defined]
    [created] = [e for e in mem.stored_events() if type(e).__name__ == "GroupCreated"][:1]
    assert created.theme == "长者"  # type: ignore[attr-defined]
    # A theme that is given must be the group's: that is a contradiction, not an omission.
    other = "小组编号,小组名称,主题,节次,日期,时长分钟,参与人数\n"
    other += "G1,长者互助小组,亲子,4,2024-04-08,90,11"
    position = mem.log_position()
    with pytest.raises(SheetRefused):
        load(mem, other)
    assert mem.log_position() == position


def test_the_volunteer_service_sheet_takes_seconds(mem: Ledger) -> None:
    roster = "志愿者编号,姓名,注册日期\nV001,张伟,2024-01-05"
    load(mem, roster)
    service = (
        "记录编号,志愿者编号,活动名称,日期,开始时间,结束时间,记录人,审核人\n"
        "S1,V001,社区清洁,2024-03-05,09:00:15,11:30:45,王站长,李主任"
    )
    load(mem, service)
    [record] = [e for e in mem.stored_events() if type(e).__name__ == "ServiceRecorded"]
    assert record.duration_s == 2 * 3600 + 30 * 60 + 30  # type: ignore[attr-defined]


def test_cases_and_their_sessions(mem: Ledger) -> None:
    # The project the first case is charged to (rule 41: a record names a project that fits).
    w = {"station_id": STATION, "actor": "王芳", "occurred_on": dt.date(2024, 1, 1)}
    mem.open_fund(**w, fund_id="F", community="崔寨村", name="崔寨村社区基金", host="某慈善会",
                  approval_threshold="5000")  # fmt: skip
    mem.open_project(**w, project_id="P-1", name="个案帮扶", starts_on=dt.date(2024, 1, 1),
                     ends_on=dt.date(2024, 12, 31), fund_ids=["F"],
                     lines=[{"code": "个案", "name": "个案服务", "amount": "5000"}])  # fmt: skip
    cases = """
个案编号,建档日期,负责社工,服务对象标识,结案日期,结案原因,项目编号
C1,2024-03-01,李强,R1,,,P-1
C2,2024-03-01,李强,R9,2024-03-05,目标达成,
"""
    summary = load(mem, cases)
    assert (summary.cases_opened, summary.cases_closed) == (2, 1)  # type: ignore[attr-defined]
    sessions = """
个案编号,服务编号,日期,开始时间,结束时间,社工
C1,1,2024-03-02,14:00:00,15:00:00,李强
C2,1,2024-03-06,14:00:00,15:00:00,李强
"""
    with pytest.raises(SheetRefused) as refused:  # C2 is closed
        load(mem, sessions)
    assert [p.reason for p in refused.value.rows] == ["case_closed"]
    load(mem, sessions.replace("C2,1,2024-03-06,14:00:00,15:00:00,李强\n", ""))
    report = mem.delivery_report(**YEAR)
    assert (report.cases_opened, report.cases_closed, report.cases_open_end) == (2, 1, 1)
    assert (report.case_sessions, report.person_times, report.distinct_people) == (1, 1, 1)
    assert mem.delivery_by_project(**YEAR) == {"P-1": (1, 1)}


def test_community_sign_in_and_supervision(mem: Ledger) -> None:
    activity = """
社区活动编号,活动名称,场次,日期,签到时间,签退时间,参与人数,参与者标识
CA1,邻里节,1,2024-05-01,09:00:00,11:00:00,120,"R1,R2"
CA1,邻里节,2,2024-05-02,09:00:00,11:00:00,80,R1
"""
    load(mem, activity, "gb18030")
    supervision = """
督导编号,类型,日期,次数,时长分钟,督导人
D1,督导,2024-03-01,2,180,陈督导
D2,培训,2024-03-02,,120,陈督导
"""
    load(mem, supervision)
    report = mem.delivery_report(**YEAR)
    assert (report.community_activities, report.community_sessions) == (1, 2)
    assert (report.community_person_times, report.distinct_people) == (200, 2)
    assert (report.supervision_count, report.supervision_hours) == (2, Decimal("3.00"))
    assert (report.training_count, report.training_hours) == (1, Decimal("2.00"))


# ---- the forger ---------------------------------------------------------------------------------


def test_identifiers_cannot_exceed_attendance(mem: Ledger) -> None:
    """Listing residents who did not come, to claim more distinct people served."""
    padded = """
社区活动编号,活动名称,场次,日期,时长分钟,参与人数,参与者标识
CA1,邻里节,1,2024-05-01,120,2,R1;R2;R3;R4
"""
    with pytest.raises(SheetRefused) as refused:
        load(mem, padded)
    assert [p.reason for p in refused.value.rows] == ["attendance_refused"]
    assert mem.log_position() == 0
    twice = padded.replace("2,R1;R2;R3;R4", "4,R1;R1 ;R2")  # one person named twice
    with pytest.raises(SheetRefused):
        load(mem, twice)


def test_a_session_cannot_be_counted_twice(mem: Ledger) -> None:
    """Copying a row under the same session to count its 人次 again."""
    doubled = GROUP_SHEET.strip() + "\nG1,长者互助小组,长者,2,2024-03-08,09:00,10:30,12,R1\n"
    with pytest.raises(SheetRefused) as refused:
        load(mem, doubled)
    assert [p.reason for p in refused.value.rows] == ["duplicate_key"]
