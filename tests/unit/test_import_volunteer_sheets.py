"""Importing volunteer rosters and service-hour sheets (``sgz-ledger import``).

The sheets are written here by hand, in the three encodings stations save (UTF-8,
UTF-8 with BOM, GB18030) and with English or Chinese headers. The expected hours and
person-times are summed by hand in the comments, not by the code under test.

A sheet is recorded whole or not at all: a sheet with bad rows of every kind is
refused, every bad line is named with its reason, and the log does not move.
Importing the same sheet again records nothing. Runs on every backend where the
store matters (the check runs that find every bad row must leave no trace in any).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest

from conftest import FixedClock
from sgz_ledger import IdempotencyConflict, InvalidInput, Ledger
from sgz_ledger.cli import main
from sgz_ledger.domain.events import ActivityPublished
from sgz_ledger.domain.volunteer import STATION_TZ, activity_uuid
from sgz_ledger.sheets import SheetRefused, import_file, import_sheet
from sgz_ledger.sheets.common import decode, parse_date, parse_time_of_day
from sgz_ledger.sheets.volunteers import activity_code

pytestmark = pytest.mark.filterwarnings(
    "ignore::sgz_ledger.storage.sealing.PersonalDataInClearWarning"
)

STATION = "cuizhai"
ENCODINGS = ["utf-8", "utf-8-sig", "gb18030"]


@pytest.fixture
def clock() -> FixedClock:
    """Recording starts on 2024-06-01, after every service date in these sheets."""
    return FixedClock(dt.datetime(2024, 6, 1, 8, 0, tzinfo=dt.UTC))


@pytest.fixture
def mem(clock: FixedClock) -> Iterator[Ledger]:
    """An in-memory ledger, for tests where the backend does not matter."""
    ledger = Ledger("memory:", clock=clock)
    yield ledger
    ledger.close()


# The Chinese header names of the spec, stated here (not taken from the code under test).
ZH = {
    "volunteer_id": "志愿者编号",
    "name": "姓名",
    "gender": "性别",
    "phone": "联系电话",
    "team": "服务队",
    "registered_on": "注册日期",
    "consent": "同意",
    "record_id": "记录编号",
    "activity": "活动名称",
    "category": "类别",
    "date": "日期",
    "start": "开始时间",
    "end": "结束时间",
    "minutes": "时长分钟",
    "place": "地点",
    "content": "服务内容",
    "organizer": "组织单位",
    "leader": "活动负责人",
    "recorded_by": "记录人",
    "approved_by": "审核人",
}


def sheet(text: str, headers: str = "en") -> str:
    """A sheet from ``text`` (first line the English header), with its header in
    English (``en``), Chinese (``zh``), or alternating per column (``mixed``)."""
    head, _, body = text.strip("\n").partition("\n")
    columns = head.split(",")
    if headers == "zh":
        columns = [ZH[c] for c in columns]
    elif headers == "mixed":
        columns = [ZH[c] if i % 2 else c for i, c in enumerate(columns)]
    return ",".join(columns) + "\n" + body + "\n"


def data(text: str, encoding: str = "utf-8", *, excel: bool = False) -> bytes:
    """The sheet's bytes; ``excel`` uses CRLF line ends as Excel writes them."""
    if excel:
        text = text.replace("\n", "\r\n")
    return text.encode(encoding)


ROSTER = """
volunteer_id,name,gender,phone,team,registered_on,consent
V001,张伟,男,13800000001,红马甲服务队,2024-01-05,是
V002,李娜,女,13800000002,,2024/1/6,
V003,王芳,女,,红马甲服务队,2024年2月1日,同意
V004,刘洋,男,13800000004,,2024-02-15,否
"""

# Hours by hand (approved volunteer service only; training and unapproved rows count 0):
#   V001: S001 09:00-11:30 = 9000 s; S003 14:00-16:45 = 9900 s; S007 08:00-08:50 = 3000 s
#         -> 21900 s
#   V002: S002 09:30-12:15 = 9900 s; S005 training 120 min (not service) -> 9900 s
#   V003: S004 95 min = 5700 s -> 5700 s
#   V004: S006 10:00-11:00, not approved -> 0 s
#   total 21900 + 9900 + 5700 = 37500 s = 10.4166... h -> 10.42 h; 人次 = 5 records
SERVICE = """
record_id,volunteer_id,activity,category,date,start,end,minutes,place,content,organizer,leader,recorded_by,approved_by
S001,V001,社区清洁,志愿服务,2024-03-05,09:00,11:30,,崔寨村委会,清扫街道,崔寨社工站,赵强,王站长,李主任
S002,V002,社区清洁,,2024-03-05,09:30,12:15,,崔寨村委会,清扫街道,,,王站长,李主任
S003,V001,关爱老人,volunteer_service,2024-03-09,14:00,16:45,,敬老院,陪伴聊天,崔寨社工站,赵强,王站长,李主任
S004,V003,关爱老人,,2024/3/9,,,95,敬老院,理发,,,王站长,李主任
S005,V002,社工培训,培训,2024-03-10,,,120,社工站,培训课程,,,王站长,李主任
S006,V004,社区清洁,,2024-03-05,10:00,11:00,,崔寨村委会,清扫街道,,,王站长,
S007,V001,社区清洁,,2024-03-12,08:00,08:50,50,崔寨村委会,清扫街道,,,王站长,李主任
"""

SERVICE_S = {"V001": 21900, "V002": 9900, "V003": 5700, "V004": 0}


def hours(seconds: int) -> Decimal:
    """Hours with 2 decimals, half up (DOMAIN rule 1)."""
    return (Decimal(seconds) / 3600).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def published(ledger: Ledger, name: str, day: dt.date) -> ActivityPublished:
    (event,) = ledger.events.get(activity_uuid(activity_code(STATION, name, day)))
    assert isinstance(event, ActivityPublished)
    return event


def local(day: dt.date, hh: int, mm: int) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hh, mm), tzinfo=STATION_TZ)


# ---- rosters -------------------------------------------------------------------------------


@pytest.mark.parametrize("headers", ["en", "zh", "mixed"])
@pytest.mark.parametrize("encoding", ENCODINGS)
def test_a_roster_registers_every_volunteer(mem: Ledger, encoding: str, headers: str) -> None:
    summary = import_sheet(
        mem, data(sheet(ROSTER, headers), encoding), source="名册.csv", station_id=STATION
    )

    assert summary.kind == "volunteer_roster"
    assert summary.encoding == {"utf-8": "UTF-8", "utf-8-sig": "UTF-8 (BOM)"}.get(
        encoding, "GB18030"
    )
    assert (summary.rows, summary.volunteers_registered, summary.already_present) == (4, 4, 0)
    assert summary.team_joins == 2  # V001 and V003 name a team
    # 4 registrations + 2 team joins
    assert summary.events_recorded == 6 == mem.log_position()

    v1 = mem.volunteer("V001").state
    assert v1.registered is not None
    assert v1.registered.station_id == STATION
    assert v1.registered.actor == "import"
    assert v1.registered.registered_on == dt.date(2024, 1, 5)
    assert v1.teams == ["红马甲服务队"]
    person = mem.personal_data("V001")
    assert (person.name, person.gender, person.phone) == ("张伟", "男", "13800000001")
    # The three date forms of the spec.
    assert mem.volunteer("V002").state.registered.registered_on == dt.date(2024, 1, 6)  # type: ignore[union-attr]
    assert mem.volunteer("V003").state.registered.registered_on == dt.date(2024, 2, 1)  # type: ignore[union-attr]


def test_consent_is_true_only_where_the_sheet_says_so(mem: Ledger) -> None:
    import_sheet(mem, data(sheet(ROSTER)), station_id=STATION)
    consent = {v: mem.volunteer(v).state.consent for v in ("V001", "V002", "V003", "V004")}
    # 是 and 同意 say yes; an empty cell and 否 do not.
    assert consent == {"V001": True, "V002": False, "V003": True, "V004": False}


def test_without_a_consent_column_nobody_consented(mem: Ledger) -> None:
    roster = "志愿者编号,姓名,注册日期\nV001,张伟,2024-01-05\n"
    import_sheet(mem, data(roster))
    assert mem.volunteer("V001").state.consent is False


def test_a_consent_cell_that_says_neither_is_a_bad_row(mem: Ledger) -> None:
    roster = "志愿者编号,姓名,注册日期,同意\nV001,张伟,2024-01-05,也许\n"
    with pytest.raises(SheetRefused) as refused:
        import_sheet(mem, data(roster))
    assert [(p.line, p.column, p.reason) for p in refused.value.rows] == [(2, "同意", "bad_choice")]


def test_the_entered_by_option_is_the_roster_actor(mem: Ledger) -> None:
    import_sheet(mem, data(sheet(ROSTER)), entered_by="陈录入")
    assert mem.volunteer("V001").state.registered.actor == "陈录入"  # type: ignore[union-attr]


def test_a_changed_roster_row_is_refused_as_a_correction(mem: Ledger) -> None:
    import_sheet(mem, data(sheet(ROSTER)))
    before = mem.log_position()
    changed = ROSTER.replace("13800000002", "13900000002")  # V002, on line 3
    with pytest.raises(SheetRefused) as refused:
        import_sheet(mem, data(sheet(changed)))
    assert refused.value.lines == (3,)
    (problem,) = refused.value.rows
    assert problem.reason == IdempotencyConflict.reason
    assert "correction" in problem.message
    assert mem.log_position() == before


# ---- service sheets -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "headers", "excel"),
    [
        ("utf-8", "en", False),
        ("utf-8-sig", "zh", True),
        ("gb18030", "zh", True),
        ("gb18030", "mixed", False),
    ],
)
def test_service_hours_and_person_times_match_the_sums_by_hand(
    ledger: Ledger, encoding: str, headers: str, excel: bool
) -> None:
    import_sheet(ledger, data(sheet(ROSTER, headers), encoding, excel=excel), station_id=STATION)
    summary = import_sheet(
        ledger,
        data(sheet(SERVICE, headers), encoding, excel=excel),
        source="服务记录.csv",
        station_id=STATION,
    )

    assert summary.kind == "service_records"
    assert summary.rows == 7
    assert summary.records_recorded == 7
    assert summary.records_approved == 6  # all but S006
    assert summary.activities_published == 4  # 社区清洁 twice (two days), 关爱老人, 社工培训
    assert summary.already_present == 0
    # 7 records + 6 approvals + 4 activities
    assert summary.events_recorded == 17

    service_s = {v: ledger.volunteer(v).state.service_s for v in SERVICE_S}
    assert service_s == SERVICE_S
    total_s = sum(service_s.values())
    assert total_s == 37500
    assert hours(total_s) == Decimal("10.42")
    person_times = sum(
        1
        for v in SERVICE_S
        for record in ledger.volunteer(v).state.records.values()
        if record.counted_s > 0
    )
    assert person_times == 5

    records = ledger.volunteer("V002").state.records
    assert records["S005"].recorded.category == "training"
    assert records["S005"].approval is not None
    assert records["S005"].counted_s == 0  # training is not service hours
    s1 = ledger.volunteer("V001").state.records["S001"]
    assert s1.recorded.actor == "王站长"
    assert s1.approval is not None
    assert s1.approval.actor == "李主任"
    assert s1.started_at == local(dt.date(2024, 3, 5), 9, 0)
    assert s1.recorded.place == "崔寨村委会"
    assert s1.recorded.content == "清扫街道"
    assert s1.recorded.organizer == "崔寨社工站"
    assert s1.recorded.leader == "赵强"
    assert s1.recorded.team == "红马甲服务队"  # the volunteer's team from the roster
    s6 = ledger.volunteer("V004").state.records["S006"]
    assert s6.approval is None
    assert s6.counted_s == 0


def test_activities_span_their_rows_or_the_whole_day(mem: Ledger) -> None:
    import_sheet(mem, data(sheet(ROSTER)), station_id=STATION)
    import_sheet(mem, data(sheet(SERVICE)), station_id=STATION)

    # 社区清洁 on 3-05: S001 09:00-11:30, S002 09:30-12:15, S006 10:00-11:00.
    day = dt.date(2024, 3, 5)
    cleaning = published(mem, "社区清洁", day)
    assert (cleaning.starts_at, cleaning.ends_at) == (local(day, 9, 0), local(day, 12, 15))
    assert cleaning.station_id == STATION
    assert cleaning.category == "volunteer_service"
    # Later rows left organizer and leader empty: the first row's values hold.
    assert (cleaning.organizer, cleaning.leader) == ("崔寨社工站", "赵强")
    assert cleaning.actor == "import"
    # 关爱老人 on 3-09: S003 14:00-16:45 has times; S004 gives minutes only.
    day = dt.date(2024, 3, 9)
    visit = published(mem, "关爱老人", day)
    assert (visit.starts_at, visit.ends_at) == (local(day, 14, 0), local(day, 16, 45))
    # 社工培训 on 3-10: minutes only, so the whole local day.
    day = dt.date(2024, 3, 10)
    training = published(mem, "社工培训", day)
    assert (training.starts_at, training.ends_at) == (local(day, 0, 0), local(day, 23, 59))
    assert training.category == "training"


def test_the_activity_code_is_stable_and_per_station() -> None:
    day = dt.date(2024, 3, 5)
    code = activity_code(STATION, "社区清洁", day)
    assert code == activity_code(STATION, "社区清洁", day)
    assert code.startswith("act-20240305-")
    assert code != activity_code("xiasha", "社区清洁", day)
    assert code != activity_code(STATION, "社区清洁", dt.date(2024, 3, 6))
    assert code != activity_code(STATION, "关爱老人", day)


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_importing_the_same_sheets_again_records_nothing(ledger: Ledger, encoding: str) -> None:
    roster, service = data(sheet(ROSTER, "zh"), encoding), data(sheet(SERVICE, "zh"), encoding)
    import_sheet(ledger, roster, station_id=STATION)
    import_sheet(ledger, service, station_id=STATION)
    position = ledger.log_position()

    again_roster = import_sheet(ledger, roster, station_id=STATION)
    again_service = import_sheet(ledger, service, station_id=STATION)

    assert ledger.log_position() == position
    assert (again_roster.already_present, again_roster.events_recorded) == (4, 0)
    assert again_roster.volunteers_registered == 0
    assert (again_service.already_present, again_service.events_recorded) == (7, 0)
    assert again_service.records_recorded == again_service.records_approved == 0
    assert {v: ledger.volunteer(v).state.service_s for v in SERVICE_S} == SERVICE_S


def test_a_longer_sheet_of_the_same_day_adds_only_its_new_rows(mem: Ledger) -> None:
    """A station exports the day's sheet again after more volunteers came: the activity
    is not published again (its first time span stays), the new record is added."""
    import_sheet(mem, data(sheet(ROSTER)), station_id=STATION)
    head, first, second = sheet(SERVICE).splitlines()[:3]
    import_sheet(mem, data(f"{head}\n{first}\n"), station_id=STATION)
    day = dt.date(2024, 3, 5)
    assert published(mem, "社区清洁", day).ends_at == local(day, 11, 30)

    summary = import_sheet(mem, data(f"{head}\n{first}\n{second}\n"), station_id=STATION)

    assert (summary.records_recorded, summary.already_present) == (1, 1)
    assert summary.activities_published == 0
    assert summary.records_approved == 1
    assert published(mem, "社区清洁", day).ends_at == local(day, 11, 30)
    assert mem.volunteer("V002").state.service_s == 9900


def test_an_approver_added_later_approves_on_re_import(mem: Ledger) -> None:
    import_sheet(mem, data(sheet(ROSTER)), station_id=STATION)
    import_sheet(mem, data(sheet(SERVICE)), station_id=STATION)
    approved = SERVICE.replace("清扫街道,,,王站长,\n", "清扫街道,,,王站长,李主任\n")
    assert approved != SERVICE

    summary = import_sheet(mem, data(sheet(approved)), station_id=STATION)

    assert (summary.records_recorded, summary.records_approved) == (0, 1)
    assert summary.already_present == 7
    assert mem.volunteer("V004").state.service_s == 3600


# ---- bad sheets: refused whole, every bad line named ------------------------------------------

# Each bad line, and why (line 1 is the header):
BAD_SERVICE = """
record_id,volunteer_id,activity,category,date,start,end,minutes,recorded_by,approved_by
B01,V001,社区清洁,,2024-03-05,09:00,10:00,,王站长,李主任
B02,V001,社区清洁,,2024-02-30,09:00,10:00,,王站长,李主任
B03,V999,社区清洁,,2024-03-05,09:00,10:00,,王站长,李主任
B04,V002,社区清洁,,2024-03-05,11:00,10:00,,王站长,李主任
B05,V002,社区清洁,,2024-03-05,,,1500,王站长,李主任
B06,V001,社区清洁,,2024-03-05,09:30,10:30,,王站长,李主任
B07,V003,社区清洁,,2024-03-05,09:00,10:00,,王站长,王站长
B08,V003,社区清洁,,2024-03-05,10:00,11:00,,,李主任
B09,V003,社区清洁
B10,V004,社区清洁,,2024-03-05,9点,10:00,,王站长,
B11,V004,社区清洁,会议,2024-03-05,10:00,11:00,,王站长,
B01,V004,社区清洁,,2024-03-05,12:00,13:00,,王站长,
B13,V004,社区清洁,,2024-03-05,13:00,14:00,30,王站长,
B14,V002,社区清洁,,2024-03-05,12:00,13:00,,王站长,李主任
B15,V001,社区清洁,,2024-03-05,10:00,11:00,,王站长,李主任
"""
BAD_LINES = {
    3: "bad_date",  # 2024-02-30: no such day
    4: "not_found",  # V999: unknown volunteer
    5: "service_refused",  # ends before it starts
    6: "service_refused",  # 1500 minutes: over 24 h
    7: "service_refused",  # overlaps B01 (V001, 09:00-10:00)
    8: "recorder_may_not_approve",  # approver = recorder
    9: "missing_value",  # 记录人 (recorded_by) empty
    10: "missing_cells",  # a row cut short
    11: "bad_time",  # "9点"
    12: "bad_choice",  # category 会议
    13: "duplicate_key",  # B01 again
    14: "duration_mismatch",  # 30 minutes, but 13:00-14:00
}
# Good: line 2 (B01), line 15 (B14: V002 after its two bad rows), line 16 (B15: V001
# 10:00-11:00 touches B01 without overlapping, and B06, which it would overlap, is bad).


@pytest.mark.parametrize("headers", ["en", "zh"])
def test_a_sheet_with_bad_rows_is_refused_whole_naming_every_bad_line(
    ledger: Ledger, headers: str
) -> None:
    import_sheet(ledger, data(sheet(ROSTER)), station_id=STATION)
    position = ledger.log_position()

    with pytest.raises(SheetRefused) as refused:
        import_sheet(
            ledger,
            data(sheet(BAD_SERVICE, headers), "gb18030"),
            source="bad.csv",
            station_id=STATION,
        )

    error = refused.value
    assert error.lines == tuple(sorted(BAD_LINES))
    assert {p.line: p.reason for p in error.rows} == BAD_LINES
    assert len(error.rows) == len(BAD_LINES)  # one problem per bad line here
    assert error.source == "bad.csv"
    by_line = {p.line: p for p in error.rows}
    assert by_line[4].message == "volunteer 'V999' not found"
    assert "24 hours" in by_line[6].message
    assert "B01" in by_line[7].message
    assert "王站长" in by_line[8].message
    assert by_line[9].column == ("记录人" if headers == "zh" else "recorded_by")
    assert "line 2" in by_line[13].message
    text = str(error)
    assert all(f"line {n}" in text for n in BAD_LINES)
    # Nothing recorded: not the good rows, not the activity, not the check runs.
    assert ledger.log_position() == position
    assert all(ledger.volunteer(v).state.records == {} for v in SERVICE_S)
    cleaning = activity_uuid(activity_code(STATION, "社区清洁", dt.date(2024, 3, 5)))
    assert list(ledger.events.get(cleaning)) == []


def test_the_good_rows_of_a_refused_sheet_import_once_the_bad_ones_go(mem: Ledger) -> None:
    import_sheet(mem, data(sheet(ROSTER)), station_id=STATION)
    lines = sheet(BAD_SERVICE).splitlines()
    good = [lines[0]] + [line for n, line in enumerate(lines, 1) if n > 1 and n not in BAD_LINES]

    summary = import_sheet(mem, data("\n".join(good) + "\n"))

    assert summary.records_recorded == 3
    # V001: B01 09:00-10:00 + B15 10:00-11:00; V002: B14 12:00-13:00.
    assert mem.volunteer("V001").state.service_s == 7200
    assert mem.volunteer("V002").state.service_s == 3600


def test_bad_rows_of_one_volunteer_are_each_judged_after_the_good_ones_before_them(
    mem: Ledger,
) -> None:
    import_sheet(mem, data(sheet(ROSTER)))
    service = """
record_id,volunteer_id,activity,date,start,end,recorded_by
R1,V001,社区清洁,2024-03-05,09:00,10:00,王站长
R2,V001,社区清洁,2024-03-05,09:30,10:30,王站长
R3,V001,社区清洁,2024-03-05,10:00,11:00,王站长
R4,V001,社区清洁,2024-03-05,10:30,11:30,王站长
R5,V002,社区清洁,2024-03-05,09:00,10:00,王站长
R6,V001,社区清洁,2024-03-05,08:00,09:30,王站长
"""
    with pytest.raises(SheetRefused) as refused:
        import_sheet(mem, data(sheet(service)))
    # R2 overlaps R1; R3 does not overlap R1 (R2 is bad); R4 overlaps R3; R6 overlaps R1.
    assert refused.value.lines == (3, 5, 7)
    assert mem.log_position() == 4 + 2  # the roster only


def test_a_header_without_a_required_column_is_refused(mem: Ledger) -> None:
    service = (
        "记录编号,志愿者编号,活动名称,日期,开始时间,结束时间\n"
        "S1,V001,社区清洁,2024-03-05,09:00,10:00\n"
    )
    with pytest.raises(SheetRefused) as refused:
        import_sheet(mem, data(service))
    assert [(p.line, p.reason) for p in refused.value.rows] == [(1, "missing_column")]
    assert "记录人" in refused.value.rows[0].message
    roster = "volunteer_id,name\nV001,张伟\n"
    with pytest.raises(SheetRefused) as refused:
        import_sheet(mem, data(roster))
    assert "registered_on" in refused.value.rows[0].message
    assert mem.log_position() == 0


def test_a_service_header_needs_a_way_to_give_time(mem: Ledger) -> None:
    for head in (
        "record_id,volunteer_id,activity,date,recorded_by",
        "记录编号,志愿者编号,活动名称,日期,开始时间,记录人",
    ):
        with pytest.raises(SheetRefused) as refused:
            import_sheet(mem, data(head + "\n"))
        assert [(p.line, p.reason) for p in refused.value.rows] == [(1, "missing_column")]


def test_unknown_and_duplicate_columns_are_refused(mem: Ledger) -> None:
    roster = "志愿者编号,姓名,注册日期,备注,name\nV001,张伟,2024-01-05,,\n"
    with pytest.raises(SheetRefused) as refused:
        import_sheet(mem, data(roster))
    reasons = {(p.column, p.reason) for p in refused.value.rows}
    assert reasons == {("备注", "unknown_column"), ("name", "duplicate_column")}


def test_a_value_under_no_column_is_a_bad_row(mem: Ledger) -> None:
    roster = "志愿者编号,姓名,注册日期,,\nV001,张伟,2024-01-05,,\nV002,李娜,2024-01-06,,多余\n"
    with pytest.raises(SheetRefused) as refused:
        import_sheet(mem, data(roster))
    assert [(p.line, p.reason) for p in refused.value.rows] == [(3, "cell_outside_columns")]


def test_a_control_character_in_a_cell_is_a_bad_row(mem: Ledger) -> None:
    roster = b'volunteer_id,name,registered_on\nV1,A\x00B,2024-01-01\nV2,"two\nlines",2024-01-01\n'
    with pytest.raises(SheetRefused) as refused:
        import_sheet(mem, roster)
    # The quoted cell over two lines is read (line ends are not control characters here),
    # but a name is one line: its canonical form refuses the line break, naming the column.
    assert [(p.line, p.column, p.reason) for p in refused.value.rows] == [
        (2, "name", "control_character"),
        (3, "name", "invalid_input"),
    ]


def test_title_rows_blank_rows_and_row_numbers(mem: Ledger) -> None:
    roster = (
        "崔寨社工站志愿者名册（2024年）,,,\n"
        ",,,\n"
        "序号,志愿者编号,姓名,注册日期\n"
        "1,V001,张伟,2024-01-05\n"
        "\n"
        ",,,\n"
        "2,V002,李娜,2024-13-06\n"
    )
    with pytest.raises(SheetRefused) as refused:
        import_sheet(mem, data(roster))
    # Line numbers are the file's: the title, a blank row and two more are counted.
    assert refused.value.lines == (7,)
    summary = import_sheet(mem, data(roster.replace("2024-13-06", "2024-01-06")))
    assert (summary.rows, summary.volunteers_registered) == (2, 2)


def test_a_file_with_no_known_header_is_refused(mem: Ledger) -> None:
    with pytest.raises(SheetRefused) as refused:
        import_sheet(mem, data("日期,金额,捐赠人\n2024-01-01,100,张三\n"))
    assert refused.value.rows[0].reason == "unknown_sheet"


def test_an_empty_cell_in_a_required_column_is_a_bad_row(mem: Ledger) -> None:
    roster = "志愿者编号,姓名,注册日期\nV001,,2024-01-05\n,李娜,2024-01-06\nV003,王芳,\n"
    with pytest.raises(SheetRefused) as refused:
        import_sheet(mem, data(roster))
    assert [(p.line, p.column, p.reason) for p in refused.value.rows] == [
        (2, "姓名", "missing_value"),
        (3, "志愿者编号", "missing_value"),
        (4, "注册日期", "missing_value"),
    ]


def test_too_long_text_is_reported_against_its_column(mem: Ledger) -> None:
    roster = f"志愿者编号,姓名,注册日期\n{'V' * 65},张伟,2024-01-05\n"
    with pytest.raises(SheetRefused) as refused:
        import_sheet(mem, data(roster))
    assert [(p.line, p.column, p.reason) for p in refused.value.rows] == [
        (2, "志愿者编号", "invalid_input")
    ]


def test_rows_of_one_activity_must_agree_on_what_the_activity_is(mem: Ledger) -> None:
    import_sheet(mem, data(sheet(ROSTER)))
    service = """
record_id,volunteer_id,activity,category,date,minutes,organizer,recorded_by
S1,V001,社区清洁,志愿服务,2024-03-05,60,崔寨社工站,王站长
S2,V002,社区清洁,,2024-03-05,60,,王站长
S3,V003,社区清洁,培训,2024-03-05,60,,王站长
S4,V004,社区清洁,,2024-03-05,60,另一单位,王站长
"""
    with pytest.raises(SheetRefused) as refused:
        import_sheet(mem, data(sheet(service)))
    assert [(p.line, p.column, p.reason) for p in refused.value.rows] == [
        (4, "category", "activity_mismatch"),
        (5, "organizer", "activity_mismatch"),
    ]


def test_a_sheet_disagreeing_with_a_recorded_activity_is_refused(mem: Ledger) -> None:
    import_sheet(mem, data(sheet(ROSTER)))
    head = "record_id,volunteer_id,activity,date,minutes,leader,recorded_by\n"
    import_sheet(mem, data(head + "S1,V001,社区清洁,2024-03-05,60,赵强,王站长\n"))
    with pytest.raises(SheetRefused) as refused:
        import_sheet(mem, data(head + "S2,V002,社区清洁,2024-03-05,60,钱多,王站长\n"))
    assert [(p.line, p.reason) for p in refused.value.rows] == [(2, "activity_mismatch")]
    assert "赵强" in refused.value.rows[0].message


# ---- reading cells and files ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2024-03-05", dt.date(2024, 3, 5)),
        ("2024-3-5", dt.date(2024, 3, 5)),
        ("2024/03/05", dt.date(2024, 3, 5)),
        ("2024/3/5", dt.date(2024, 3, 5)),
        ("2024年3月5日", dt.date(2024, 3, 5)),
        ("2024年03月05日", dt.date(2024, 3, 5)),
        (" ２０２４年３月５日 ", dt.date(2024, 3, 5)),
    ],
)
def test_dates_in_the_three_forms(text: str, day: dt.date) -> None:
    assert parse_date(text) == day


@pytest.mark.parametrize(
    "text", ["2024-02-30", "2024.03.05", "05/03/2024", "2024-03", "2024/03-05", "20240305", ""]
)
def test_other_dates_are_refused(text: str) -> None:
    with pytest.raises(ValueError, match=r"date|no such day"):
        parse_date(text)


@pytest.mark.parametrize(
    ("text", "time"),
    [("09:00", dt.time(9)), ("9:05", dt.time(9, 5)), ("23:59:30", dt.time(23, 59, 30)),
     ("１４：３０", dt.time(14, 30))],
)  # fmt: skip
def test_times_of_day(text: str, time: dt.time) -> None:
    assert parse_time_of_day(text) == time


@pytest.mark.parametrize("text", ["24:00", "9", "9点", "09:60", "9:5", "-1:00"])
def test_other_times_are_refused(text: str) -> None:
    with pytest.raises(ValueError, match="time of day"):
        parse_time_of_day(text)


def test_utf8_is_tried_before_gb18030() -> None:
    text = "志愿者编号,姓名\n"
    assert decode(text.encode("utf-8")) == (text, "UTF-8")
    assert decode(text.encode("utf-8-sig")) == (text, "UTF-8 (BOM)")
    assert decode(text.encode("gb18030")) == (text, "GB18030")


def test_bytes_that_are_no_text_are_refused_with_their_line() -> None:
    # \x80 cannot start a UTF-8 character, nor be a GB18030 byte on its own at the end.
    with pytest.raises(SheetRefused) as refused:
        decode(b"volunteer_id,name\nV1,\x80")
    assert [(p.line, p.reason) for p in refused.value.rows] == [(2, "encoding")]
    with pytest.raises(SheetRefused, match="UTF-16"):
        decode("志愿者编号".encode("utf-16"))
    with pytest.raises(SheetRefused, match="not valid UTF-8"):
        decode(b"\xef\xbb\xbfvolunteer_id\n\xff")


def test_the_options_must_fit_a_command(mem: Ledger) -> None:
    with pytest.raises(InvalidInput):
        import_sheet(mem, data(sheet(ROSTER)), station_id="  ")
    with pytest.raises(InvalidInput):
        import_sheet(mem, data(sheet(ROSTER)), station_id="s" * 65)


def test_import_file_reads_the_path(mem: Ledger, tmp_path: Path) -> None:
    path = tmp_path / "名册.csv"
    path.write_bytes(data(sheet(ROSTER), "gb18030"))
    summary = import_file(mem, path, station_id=STATION)
    assert (summary.source, summary.volunteers_registered) == (str(path), 4)


# ---- the command line ---------------------------------------------------------------------


def test_the_import_command(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    store = str(tmp_path / "station.db")
    roster, service, bad = tmp_path / "名册.csv", tmp_path / "服务.csv", tmp_path / "bad.csv"
    roster.write_bytes(data(sheet(ROSTER, "zh"), "gb18030", excel=True))
    service.write_bytes(data(sheet(SERVICE, "zh"), "utf-8-sig", excel=True))
    bad.write_bytes(data(sheet(BAD_SERVICE, "zh"), "utf-8"))

    assert main(["--store", store, "import", str(roster), "--station", STATION]) == 0
    out = capsys.readouterr().out
    assert "志愿者名册" in out
    assert "GB18030" in out
    assert re.search(r"volunteers registered +4\n", out)

    assert main(["--store", store, "import", str(service), "--station", STATION]) == 0
    out = capsys.readouterr().out
    assert re.search(r"records recorded +7\n", out)
    assert re.search(r"records approved +6\n", out)

    with Ledger(store, create=False) as ledger:
        position = ledger.log_position()
        assert {v: ledger.volunteer(v).state.service_s for v in SERVICE_S} == SERVICE_S

    # Again: nothing new.
    assert main(["--store", store, "import", str(service), "--station", STATION]) == 0
    out = capsys.readouterr().out
    assert re.search(r"already present +7\n", out)
    assert re.search(r"events recorded +0\n", out)
    with Ledger(store, create=False) as ledger:
        assert ledger.log_position() == position

    # A bad sheet (in a store holding only the roster, so that its lines are bad for the
    # reasons BAD_LINES gives): exit 2, every bad line on stderr, nothing recorded.
    other = str(tmp_path / "other.db")
    assert main(["--store", other, "import", str(roster), "--station", STATION]) == 0
    capsys.readouterr()
    assert main(["--store", other, "import", str(bad), "--station", STATION]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "nothing recorded" in captured.err
    assert "(12 bad lines)" in captured.err
    reported = [int(n) for n in re.findall(r"^  line (\d+)", captured.err, flags=re.MULTILINE)]
    assert reported == sorted(BAD_LINES)
    with Ledger(other, create=False) as ledger:
        assert ledger.log_position() == 6  # the roster's 4 registrations and 2 team joins


def test_the_import_command_with_a_missing_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    store = str(tmp_path / "station.db")
    assert main(["--store", store, "import", str(tmp_path / "nope.csv")]) == 2
    assert "cannot read" in capsys.readouterr().err


# ---- service over several days --------------------------------------------------------------

CAMP = """
record_id,volunteer_id,activity,date,结束日期,minutes,recorded_by,approved_by
C001,V001,防汛值守,2024-05-06,2024-05-12,{minutes},王站长,李主任
C002,V002,防汛值守,2024-05-06,,480,王站长,李主任
"""


def test_a_week_of_flood_duty_is_one_record_of_its_days(mem: Ledger) -> None:
    """A relief week (防汛值守) is one row: its last day in 结束日期, its minutes over the week,
    one 人次; the activity the sheet publishes spans the week."""
    import_sheet(mem, data(sheet(ROSTER)), station_id=STATION)
    import_sheet(mem, data(CAMP.format(minutes=7 * 10 * 60)), station_id=STATION)
    record = mem.volunteer("V001").state.records["C001"].recorded
    assert (record.service_date, record.ends_on, record.duration_s) == (
        dt.date(2024, 5, 6),
        dt.date(2024, 5, 12),
        70 * 3600,
    )
    activity = published(mem, "防汛值守", dt.date(2024, 5, 6))
    assert activity.ends_at.date() == dt.date(2024, 5, 12)


def test_more_than_24_hours_a_day_of_a_week_refuses_the_sheet(mem: Ledger) -> None:
    import_sheet(mem, data(sheet(ROSTER)), station_id=STATION)
    position = mem.log_position()
    with pytest.raises(SheetRefused) as refused:  # 7 days, 169 hours: over 24 a day
        import_sheet(mem, data(CAMP.format(minutes=169 * 60)), station_id=STATION)
    assert [p.line for p in refused.value.rows] == [3]
    assert mem.log_position() == position
