"""Volunteer rosters (志愿者名册) and service-hour sheets (志愿服务记录) into the ledger.

Two kinds of sheet, told apart by the header (``common.read_sheet``): a header with
志愿者编号 and 记录编号 is a service sheet; one with 志愿者编号 alone is a roster. Each
column may be named in English or Chinese:

Roster: ``volunteer_id`` 志愿者编号 (required), ``name`` 姓名 (required), ``gender`` 性别,
``phone`` 联系电话, ``id_number`` 身份证号, ``birth_date`` 出生日期, ``team`` 服务队,
``registered_on`` 注册日期 (required), ``consent`` 同意. The phone, ID number and birth date
are sealed as the API seals them (``RegisterVolunteer``).

Service records: ``record_id`` 记录编号, ``volunteer_id`` 志愿者编号, ``activity`` 活动名称,
``date`` 日期, ``recorded_by`` 记录人 (all required); ``category`` 类别; the time served as
``start`` 开始时间 and ``end`` 结束时间 (HH:MM, or HH:MM:SS as sign-in systems export them;
local time, UTC+8) or ``minutes`` 时长分钟 (both may be given if they agree); ``place``
地点, ``content`` 服务内容, ``organizer`` 组织单位, ``leader`` 活动负责人, ``approved_by``
审核人 (empty: not yet approved).

Choices made here, each for a reason:

* Consent (条例 Art.20) is ``True`` only where a ``consent``/同意 column says so (是, 同意,
  yes, true, 1, √); a missing column or an empty cell is ``False``. Assuming consent
  that nobody recorded would let personal data be disclosed without it.
* Roster rows are entered by ``ImportOptions.entered_by`` on their registration date;
  a service row is recorded by its 记录人 on its service date, and a 审核人 approves it in
  the same batch on that date (the sheet has no approval date, and a fixed date keeps
  a re-import identical). Approver and recorder must differ: the ledger's rule.
* An activity is named by the sheet, not coded, so its code derives from (station,
  name, date): ``activity_code``. Its time is from the earliest start to the latest end
  of its rows on that date, or the whole local day (00:00-23:59) when its rows give only
  minutes. Service records take category, organizer and leader from their activity, so
  the rows of one activity that fill these in must agree; rows may leave them empty,
  and an activity none of whose rows names a category is volunteer service. An
  activity the ledger already holds is not published again (a later, longer sheet of
  the same day would otherwise conflict with its first time span), but what the sheet
  gives must match what the ledger holds. Activities are entered by ``entered_by``.
* The same 志愿者编号 (roster) or 记录编号 (service) twice in one sheet is a bad row: a key
  names one entry, so a second line with it is a copying mistake. So is an ID number
  given on two lines of a roster for two volunteers (rule 39; the problem names the
  other line, never the number); one already held in the ledger by another volunteer is
  the ledger's refusal (``DuplicateIdNumber``).
* Every rule of the ledger (unknown volunteer, end not after start, over 24 h,
  overlap, approver = recorder...) is the ledger's: rows are refused with its reason,
  never checked a second time here.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sgz_ledger.domain.errors import InvalidInput, NotFound
from sgz_ledger.domain.events import (
    ActivityPublished,
    ServiceApproved,
    ServiceRecorded,
    VolunteerJoinedTeam,
    VolunteerRegistered,
)
from sgz_ledger.domain.messages import Phrase
from sgz_ledger.domain.volunteer import STATION_TZ, activity_uuid, volunteer_uuid
from sgz_ledger.ledger import Ledger
from sgz_ledger.service import commands as b
from sgz_ledger.service.unit_of_work import BATCH_COMMANDS_MAX
from sgz_ledger.sheets.common import (
    CHOICE,
    COUNT,
    DATE,
    ROWS_MAX,
    TIME,
    Column,
    ImportOptions,
    ImportSummary,
    RowPlan,
    RowProblem,
    RowReader,
    SetupCommand,
    Sheet,
    SheetKind,
    SheetRefused,
    events_between,
    record_whole,
    summary,
)

__all__ = [
    "CATEGORIES",
    "CONSENT",
    "ROSTER",
    "SERVICE",
    "activity_code",
    "import_roster",
    "import_service",
]

# A service row becomes at most three commands (its record, its approval, the activity
# it names first), so a sheet of ROWS_MAX rows always fits in one batch.
assert 3 * ROWS_MAX <= BATCH_COMMANDS_MAX

# The activity categories by English code (boundary.Category) and Chinese name.
CATEGORIES: Mapping[str, b.Category] = {
    "volunteer_service": "volunteer_service",
    "志愿服务": "volunteer_service",
    "theme_activity": "theme_activity",
    "主题活动": "theme_activity",
    "group_work": "group_work",
    "小组工作": "group_work",
    "小组": "group_work",
    "community_work": "community_work",
    "社区工作": "community_work",
    "case_work": "case_work",
    "个案工作": "case_work",
    "个案": "case_work",
    "training": "training",
    "培训": "training",
    "supervision": "supervision",
    "督导": "supervision",
}

# What a consent cell may say. Anything else is a bad cell, not a guess either way.
CONSENT: Mapping[str, bool] = {
    "是": True,
    "同意": True,
    "已同意": True,
    "yes": True,
    "y": True,
    "true": True,
    "1": True,
    "√": True,
    "✓": True,
    "否": False,
    "不同意": False,
    "未同意": False,
    "no": False,
    "n": False,
    "false": False,
    "0": False,
    "×": False,
}

ROSTER = SheetKind(
    name="volunteer_roster",
    title="志愿者名册 volunteer roster",
    identified_by=frozenset({"volunteer_id"}),
    columns=(
        Column("volunteer_id", ("志愿者编号",), required=True),
        Column("name", ("姓名",), required=True),
        Column("gender", ("性别",)),
        Column("phone", ("联系电话",)),
        Column("id_number", ("身份证号", "身份证号码")),
        Column("birth_date", ("出生日期",), form=DATE),
        Column("team", ("服务队",)),
        Column("registered_on", ("注册日期",), required=True, form=DATE),
        Column("consent", ("同意", "是否同意"), form=CHOICE, choices=tuple(CONSENT)),
    ),
)

SERVICE = SheetKind(
    name="service_records",
    title="志愿服务记录 service records",
    identified_by=frozenset({"volunteer_id", "record_id"}),
    columns=(
        Column("record_id", ("记录编号",), required=True),
        Column("volunteer_id", ("志愿者编号",), required=True),
        Column("activity", ("活动名称",), required=True),
        Column("category", ("类别",), form=CHOICE, choices=tuple(CATEGORIES)),
        Column("date", ("日期",), required=True, form=DATE),
        Column("ends_on", ("结束日期", "截止日期"), form=DATE),
        Column("start", ("开始时间",), form=TIME),
        Column("end", ("结束时间",), form=TIME),
        Column("minutes", ("时长分钟",), form=COUNT),
        Column("place", ("地点",)),
        Column("content", ("服务内容",)),
        Column("organizer", ("组织单位",)),
        Column("leader", ("活动负责人",)),
        Column("recorded_by", ("记录人",), required=True),
        Column("approved_by", ("审核人",)),
    ),
)

# The whole local day, for an activity whose rows give only minutes.
_DAY_START = dt.time(0, 0)
_DAY_END = dt.time(23, 59)

# Command fields -> the columns their values came from (for pydantic's problems).
_ROSTER_FIELDS = {
    "volunteer_id": "volunteer_id",
    "name": "name",
    "gender": "gender",
    "phone": "phone",
    "id_number": "id_number",
    "birth_date": "birth_date",
    "team": "team",
    "registered_on": "registered_on",
    "occurred_on": "registered_on",
    "consent": "consent",
}
_RECORD_FIELDS = {
    "record_id": "record_id",
    "volunteer_id": "volunteer_id",
    "activity_id": "activity",
    "service_date": "date",
    "ends_on": "ends_on",
    "occurred_on": "date",
    "started_at": "start",
    "ended_at": "end",
    "duration_minutes": "minutes",
    "place": "place",
    "content": "content",
    "actor": "recorded_by",
}
_APPROVE_FIELDS = {
    "record_id": "record_id",
    "volunteer_id": "volunteer_id",
    "occurred_on": "date",
    "actor": "approved_by",
}
_ACTIVITY_FIELDS = {
    "name": "activity",
    "category": "category",
    "place": "place",
    "organizer": "organizer",
    "leader": "leader",
}
# What an activity's rows must agree on (and a re-import with what the ledger holds):
# service records take these from the activity, not from their own row.
_ACTIVITY_AGREES = ("category", "organizer", "leader")


def activity_code(station_id: str, name: str, day: dt.date) -> str:
    """The code of the activity ``name`` held at ``station_id`` on ``day``.

    Readable date first, then 12 hex digits of SHA-256 over the three (48 bits: a
    collision within one station's activities of one day is not a practical concern).
    """
    digest = hashlib.sha256(f"{station_id}\x1f{name}\x1f{day.isoformat()}".encode()).hexdigest()
    return f"act-{day:%Y%m%d}-{digest[:12]}"


# ---- rosters -----------------------------------------------------------------------------


def import_roster(ledger: Ledger, sheet: Sheet, options: ImportOptions) -> ImportSummary:
    """Register every volunteer of a roster, in one batch (a repeat registers nothing).

    Raises:
        SheetRefused: any bad row (every one is named); nothing was recorded.
    """
    assert sheet.kind is ROSTER
    problems = list(sheet.problems)
    plans: list[RowPlan] = []
    seen: dict[str, int] = {}
    id_numbers: dict[str, tuple[int, str]] = {}
    for row in sheet.rows:
        r = RowReader(sheet, row)
        volunteer_id = r.text("volunteer_id", required=True)
        r.once(seen, "volunteer_id", volunteer_id)
        registered_on = r.date("registered_on", required=True)
        id_number = r.text("id_number")
        _once_per_volunteer(r, id_numbers, id_number, volunteer_id)
        data = {
            "actor": options.entered_by,
            "occurred_on": registered_on,
            "volunteer_id": volunteer_id,
            "station_id": options.station_id,
            "name": r.text("name", required=True),
            "gender": r.text("gender"),
            "phone": r.text("phone"),
            "id_number": id_number,
            "birth_date": r.date("birth_date"),
            "team": r.text("team") or None,
            "registered_on": registered_on,
            "consent": r.choice("consent", CONSENT, default=False),
        }
        command = r.command(b.RegisterVolunteer, data, _ROSTER_FIELDS)
        problems.extend(r.problems)
        if command is not None:
            plans.append(RowPlan(line=row.line, group=volunteer_id, commands=(command,)))

    before = ledger.log_position()
    record_whole(
        ledger,
        plans,
        setup={},
        problems=problems,
        source=sheet.source,
        progress=options.progress,
        correction_note=options.correction_note,
    )
    ours = {volunteer_uuid(plan.group) for plan in plans}
    events = events_between(ledger, before, ledger.log_position(), ours)
    registered = {e.volunteer_id for e in events if isinstance(e, VolunteerRegistered)}
    return summary(
        sheet,
        already_present=len(plans) - len(registered),
        events_recorded=len(events),
        volunteers_registered=len(registered),
        team_joins=sum(isinstance(e, VolunteerJoinedTeam) for e in events),
    )


def _once_per_volunteer(
    r: RowReader, seen: dict[str, tuple[int, str]], id_number: str, volunteer_id: str
) -> None:
    """An ID number may belong to one volunteer of a roster (rule 39): a line giving it to
    another volunteer is a problem naming the first line, never the number."""
    normal = id_number.replace(" ", "").upper()
    if not normal:
        return
    line, holder = seen.setdefault(normal, (r.row.line, volunteer_id))
    if holder != volunteer_id:
        label = r.sheet.label("id_number")
        r.problem(
            "id_number",
            "duplicate_id_number",
            Phrase("same_id_number_as_line", label=label, line=line, holder=holder),
        )


# ---- service sheets ---------------------------------------------------------------------


@dataclass
class _Activity:
    """An activity as a service sheet's rows describe it (name and date are its key).

    ``given`` holds the category, organizer and leader that rows give (value and the
    line that first gave it): rows may leave them empty, but those that fill one in
    must agree, since service records take them from the activity, not from the row.
    """

    code: str
    name: str
    day: dt.date
    place: str
    given: dict[str, tuple[str, int]] = field(default_factory=dict)
    times: list[dt.datetime] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)  # its rows that became commands

    def value(self, key: str) -> str:
        """What the activity is published with: the value given, else the default."""
        default = "volunteer_service" if key == "category" else ""
        return self.given.get(key, (default, 0))[0]


@dataclass
class _Row:
    line: int
    volunteer_id: str
    record_id: str
    activity: _Activity
    commands: tuple[b.Command[Any], ...]


def _check_service_header(sheet: Sheet) -> None:
    has, label = sheet.has, sheet.label
    phrase = None
    if has("start") != has("end"):
        given, missing = ("start", "end") if has("start") else ("end", "start")
        phrase = Phrase("column_needs_columns", given=[label(given)], missing=[label(missing)])
    elif not has("start") and not has("minutes"):
        phrase = Phrase(
            "time_columns_needed", start=label("start"), end=label("end"), minutes=label("minutes")
        )
    if phrase is not None:
        problem = RowProblem(
            line=sheet.header_line, column="", reason="missing_column", phrase=phrase
        )
        raise SheetRefused(sheet.source, [problem])


def _service_time(r: RowReader, day: dt.date | None) -> dict[str, Any]:
    """The row's time served as RecordService fields (``{}`` when it cannot be read)."""
    start, end = r.time_of_day("start"), r.time_of_day("end")
    minutes = r.whole_number("minutes")
    given_start, given_end = bool(r.text("start")), bool(r.text("end"))
    if given_start != given_end:
        given, missing = ("start", "end") if given_start else ("end", "start")
        r.problem(missing, "missing_value", Phrase("empty_but_given", given=r.sheet.label(given)))
        return {}
    if not given_start and not r.text("minutes"):
        start_end = {"start": r.sheet.label("start"), "end": r.sheet.label("end")}
        r.problem(
            "",
            "missing_value",
            Phrase("no_time_served_or", **start_end, minutes=r.sheet.label("minutes"))
            if r.sheet.has("minutes")
            else Phrase("no_time_served", **start_end),
        )
        return {}
    if given_start:
        if day is None or start is None or end is None:
            return {}
        started_at = dt.datetime.combine(day, start, tzinfo=STATION_TZ)
        ended_at = dt.datetime.combine(day, end, tzinfo=STATION_TZ)
        served_s = int((ended_at - started_at).total_seconds())
        # An end not after the start is the ledger's refusal (no duration above zero);
        # minutes that disagree with a real interval are this sheet's inconsistency.
        if minutes is not None and served_s > 0 and minutes * 60 != served_s:
            r.problem(
                "minutes",
                "duration_mismatch",
                minutes=minutes,
                start=start,
                end=end,
                served_minutes=served_s // 60,
            )
        return {"started_at": started_at, "ended_at": ended_at}
    return {} if minutes is None else {"duration_minutes": minutes}


def _activity_of(
    r: RowReader,
    options: ImportOptions,
    activities: dict[tuple[str, dt.date], _Activity],
    name: str,
    day: dt.date,
    category: str,
) -> _Activity:
    """The row's activity (new on its first row), checking the row agrees with it."""
    activity = activities.get((name, day))
    if activity is None:
        code = activity_code(options.station_id, name, day)
        activity = _Activity(code=code, name=name, day=day, place=r.text("place"))
        activities[name, day] = activity
    for key, value in (
        ("category", category),
        ("organizer", r.text("organizer")),
        ("leader", r.text("leader")),
    ):
        if not value:
            continue
        held, line = activity.given.setdefault(key, (value, r.row.line))
        if value != held:
            r.problem(
                key, "activity_mismatch", value=value, line=line, held=held, name=name, day=day
            )
    return activity


def _read_service_row(
    r: RowReader,
    options: ImportOptions,
    activities: dict[tuple[str, dt.date], _Activity],
    seen: dict[str, int],
) -> _Row | None:
    record_id = r.text("record_id", required=True)
    r.once(seen, "record_id", record_id)
    volunteer_id = r.text("volunteer_id", required=True)
    name = r.text("activity", required=True)
    day = r.date("date", required=True)
    recorded_by = r.text("recorded_by", required=True)
    approved_by = r.text("approved_by")
    category = r.choice("category", CATEGORIES, default="")
    # A service over several days (a camp, a relief week) gives its last day: one record,
    # one 人次, its minutes spread over its days (rule 38).
    ends_on = r.date("ends_on") if r.sheet.has("ends_on") else None
    time_fields = _service_time(r, day)
    activity = None
    if name and day is not None and category is not None:
        activity = _activity_of(r, options, activities, name, day, category)

    record = r.command(
        b.RecordService,
        {
            "actor": recorded_by,
            "occurred_on": day,
            "record_id": record_id,
            "volunteer_id": volunteer_id,
            # Without its activity the row is already bad (its name, date or category
            # was reported); a stand-in code lets the other cells still be checked.
            "activity_id": activity.code if activity else "-",
            "service_date": day,
            "ends_on": ends_on,
            "place": r.text("place"),
            "content": r.prose("content"),
            **time_fields,
        },
        _RECORD_FIELDS,
    )
    if record is None or activity is None:
        return None
    commands: tuple[b.Command[Any], ...] = (record,)
    if approved_by:
        approval = r.command(
            b.ApproveService,
            {
                "actor": approved_by,
                "occurred_on": day,
                "volunteer_id": volunteer_id,
                "record_id": record_id,
            },
            _APPROVE_FIELDS,
        )
        if approval is None:
            return None
        commands = (record, approval)
    activity.lines.append(r.row.line)
    if record.started_at is not None and record.ended_at is not None:
        activity.times += [record.started_at, record.ended_at]
    if record.ends_on is not None and day is not None:
        # The activity the sheet publishes spans the days its records were served.
        activity.times += [
            dt.datetime.combine(day, _DAY_START, tzinfo=STATION_TZ),
            dt.datetime.combine(record.ends_on, _DAY_END, tzinfo=STATION_TZ),
        ]
    return _Row(
        line=r.row.line,
        volunteer_id=volunteer_id,
        record_id=record_id,
        activity=activity,
        commands=commands,
    )


def _published(ledger: Ledger, activity_id: str) -> ActivityPublished | None:
    """The activity as the ledger holds it, if it does."""
    try:
        return ledger.activity(activity_id)
    except NotFound:
        return None


def _activity_setup(
    ledger: Ledger, sheet: Sheet, activity: _Activity, options: ImportOptions
) -> tuple[SetupCommand | None, list[RowProblem]]:
    """The command that publishes ``activity`` (``None`` when the ledger holds it), and the
    problems that stop every row of it."""
    problems: list[RowProblem] = []

    def stop_rows(column_key: str, reason: str, phrase: Phrase) -> None:
        column = sheet.label(column_key) if column_key else ""
        problems.extend(
            RowProblem(line=line, column=column, reason=reason, phrase=phrase)
            for line in activity.lines
        )

    existing = _published(ledger, activity.code)
    if existing is not None:
        for key, (value, _) in activity.given.items():
            held = getattr(existing, key)
            if value != held:
                stop_rows(
                    key,
                    "activity_mismatch",
                    Phrase(
                        "activity_held_otherwise",
                        name=activity.name,
                        day=activity.day,
                        code=activity.code,
                        key=key,
                        held=held,
                        value=value,
                    ),
                )
        return None, problems

    times = activity.times or [
        dt.datetime.combine(activity.day, _DAY_START, tzinfo=STATION_TZ),
        dt.datetime.combine(activity.day, _DAY_END, tzinfo=STATION_TZ),
    ]
    data = {
        "actor": options.entered_by,
        "occurred_on": activity.day,
        "activity_id": activity.code,
        "station_id": options.station_id,
        "name": activity.name,
        "place": activity.place,
        "starts_at": min(times),
        "ends_at": max(times),
        **{key: activity.value(key) for key in _ACTIVITY_AGREES},
    }
    try:
        command = b.validate_command(b.PublishActivity, data)
    except InvalidInput as e:
        for name, phrase in e.field_problems:
            stop_rows(
                _ACTIVITY_FIELDS.get(name, ""),
                "invalid_input",
                Phrase("the_activity", problem=phrase),
            )
        return None, problems
    what = Phrase("step_publish_activity", name=activity.name, day=activity.day, code=activity.code)
    return SetupCommand(command=command, what=what), problems


def import_service(ledger: Ledger, sheet: Sheet, options: ImportOptions) -> ImportSummary:
    """Record every service row (and its approval), publishing new activities, in one batch.

    Raises:
        SheetRefused: any bad row (every one is named); nothing was recorded.
    """
    assert sheet.kind is SERVICE
    _check_service_header(sheet)
    problems = list(sheet.problems)
    activities: dict[tuple[str, dt.date], _Activity] = {}
    seen: dict[str, int] = {}
    rows: list[_Row] = []
    for sheet_row in sheet.rows:
        r = RowReader(sheet, sheet_row)
        row = _read_service_row(r, options, activities, seen)
        problems.extend(r.problems)
        if row is not None:
            rows.append(row)

    setup: dict[str, SetupCommand] = {}
    stopped: set[int] = set()
    for activity in activities.values():
        if not activity.lines:
            continue  # none of its rows became commands: they are reported already
        command, activity_problems = _activity_setup(ledger, sheet, activity, options)
        problems += activity_problems
        stopped.update(p.line for p in activity_problems)
        if command is not None:
            setup[activity.code] = command
    plans = [
        RowPlan(
            line=row.line,
            group=row.volunteer_id,
            commands=row.commands,
            setup=(row.activity.code,) if row.activity.code in setup else (),
        )
        for row in rows
        if row.line not in stopped
    ]

    before = ledger.log_position()
    record_whole(
        ledger,
        plans,
        setup=setup,
        problems=problems,
        source=sheet.source,
        progress=options.progress,
        correction_note=options.correction_note,
    )
    record_ids = {row.record_id for row in rows}
    ours = {volunteer_uuid(row.volunteer_id) for row in rows} | {
        activity_uuid(code) for code in setup
    }
    events = events_between(ledger, before, ledger.log_position(), ours)
    recorded = {
        e.record_id for e in events if isinstance(e, ServiceRecorded) and e.record_id in record_ids
    }
    return summary(
        sheet,
        already_present=len(record_ids - recorded),
        events_recorded=len(events),
        activities_published=sum(isinstance(e, ActivityPublished) for e in events),
        records_recorded=len(recorded),
        records_approved=sum(
            isinstance(e, ServiceApproved) and e.record_id in record_ids for e in events
        ),
    )
