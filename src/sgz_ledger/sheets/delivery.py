"""Service delivery sheets: cases (个案建档), case sessions (个案服务记录), group sessions
(小组活动记录), community activity sessions (社区活动签到) and supervision (督导培训记录).

Five kinds, told apart by the header (``common.read_sheet``); each column may be named in
English or Chinese:

Cases: ``case_id`` 个案编号, ``opened_on`` 建档日期, ``social_worker`` 负责社工 (required);
``served_person`` 服务对象标识, ``closed_on`` 结案日期, ``close_reason`` 结案原因.

Case sessions: ``case_id`` 个案编号, ``session_id`` 服务编号, ``date`` 日期, ``worker`` 社工
(required); ``content`` 服务内容.

Group sessions: ``group_id`` 小组编号, ``group_name`` 小组名称, ``session_id`` 节次, ``date``
日期, ``participants`` 参与人数 (required); ``theme`` 主题, ``identified`` 参与者标识,
``content`` 活动内容.

Community activity sessions: ``community_activity_id`` 社区活动编号, ``activity_name`` 活动名称,
``session_id`` 场次, ``date`` 日期, ``attendance`` 参与人数 (required); ``theme`` 主题,
``identified`` 参与者标识, ``content`` 活动内容.

Supervision: ``supervision_id`` 督导编号, ``kind`` 类型 (督导 / 培训), ``date`` 日期,
``supervisor`` 督导人 (required); ``count`` 次数 (default 1), ``note`` 备注.

Every session sheet and the supervision sheet give the time as ``start`` 开始时间 and
``end`` 结束时间 (HH:MM or HH:MM:SS, as sign-in systems export them; the end after the start
on the same day) or ``minutes`` 时长分钟 (both may be given if they agree); every sheet may
give ``project_id`` 项目编号 and ``budget_line`` 预算科目.

Choices made here, each for a reason:

* Every entry is made by ``ImportOptions.entered_by`` at ``ImportOptions.station_id``: the
  sheets name the worker, not who typed the rows.
* ``identified`` holds the station's identifiers of the people (resident numbers, phone
  numbers), separated by ``;``, ``；``, ``、`` or ``,``: they never reach the store, only
  references to keys of the people's own (rule 48).
* A group or community activity is set up by the first sheet naming it, on the earliest
  date of its rows there; a later sheet names it again with the same name and theme, and
  that records nothing. A later sheet may leave the theme, project and budget line empty
  (or without their columns): they are taken as recorded (``_as_recorded``), where a value
  that differs is refused. Its rows must agree on its name and theme.
* The same key twice in one sheet (a case, a session of one case or group, a supervision
  record) is a bad row: a copying mistake.
* Every rule of the ledger (closed case, more people identified than attended, over a
  day...) is the ledger's: rows are refused with its reason, never checked here twice.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sgz_ledger.domain.delivery import activity_uuid, group_uuid
from sgz_ledger.domain.errors import InvalidInput
from sgz_ledger.domain.events import (
    CaseClosed,
    CaseOpened,
    CaseSessionRecorded,
    CommunityActivityCreated,
    CommunityActivitySessionHeld,
    DeliveryKind,
    GroupCreated,
    GroupSessionHeld,
    SupervisionRecorded,
)
from sgz_ledger.domain.messages import Phrase
from sgz_ledger.ledger import Ledger
from sgz_ledger.service import commands as b
from sgz_ledger.sheets.common import (
    CHOICE,
    COUNT,
    DATE,
    LIST,
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
    record_whole,
    summary,
)

__all__ = [
    "CASES",
    "CASE_SESSIONS",
    "COMMUNITY_SESSIONS",
    "DELIVERY_KINDS",
    "GROUP_SESSIONS",
    "SUPERVISION",
    "import_delivery",
]

_KINDS_OF_SUPERVISION: Mapping[str, DeliveryKind] = {
    "督导": "supervision",
    "supervision": "supervision",
    "培训": "training",
    "training": "training",
}
_TIME = (
    Column("start", ("开始时间", "签到时间"), form=TIME),
    Column("end", ("结束时间", "签退时间"), form=TIME),
    Column("minutes", ("时长分钟",), form=COUNT),
)
_CHARGED = (Column("project_id", ("项目编号",)), Column("budget_line", ("预算科目",)))

CASES = SheetKind(
    name="cases",
    title="个案建档 cases",
    identified_by=frozenset({"case_id", "opened_on"}),
    columns=(
        Column("case_id", ("个案编号",), required=True),
        Column("opened_on", ("建档日期",), required=True, form=DATE),
        Column("social_worker", ("负责社工",), required=True),
        Column("served_person", ("服务对象标识",)),
        Column("closed_on", ("结案日期",), form=DATE),
        Column("close_reason", ("结案原因",)),
        *_CHARGED,
    ),
)

CASE_SESSIONS = SheetKind(
    name="case_sessions",
    title="个案服务记录 case sessions",
    identified_by=frozenset({"case_id", "session_id"}),
    columns=(
        Column("case_id", ("个案编号",), required=True),
        Column("session_id", ("服务编号",), required=True),
        Column("date", ("日期",), required=True, form=DATE),
        *_TIME,
        Column("worker", ("社工",), required=True),
        Column("content", ("服务内容",)),
        *_CHARGED,
    ),
)

GROUP_SESSIONS = SheetKind(
    name="group_sessions",
    title="小组活动记录 group sessions",
    identified_by=frozenset({"group_id", "session_id"}),
    columns=(
        Column("group_id", ("小组编号",), required=True),
        Column("group_name", ("小组名称",), required=True),
        Column("theme", ("主题",)),
        Column("session_id", ("节次",), required=True),
        Column("date", ("日期",), required=True, form=DATE),
        *_TIME,
        Column("participants", ("参与人数",), required=True, form=COUNT),
        Column("identified", ("参与者标识",), form=LIST),
        Column("content", ("活动内容",)),
        *_CHARGED,
    ),
)

COMMUNITY_SESSIONS = SheetKind(
    name="community_sessions",
    title="社区活动签到 community activity sessions",
    identified_by=frozenset({"community_activity_id", "session_id"}),
    columns=(
        Column("community_activity_id", ("社区活动编号",), required=True),
        Column("activity_name", ("活动名称",), required=True),
        Column("theme", ("主题",)),
        Column("session_id", ("场次",), required=True),
        Column("date", ("日期",), required=True, form=DATE),
        *_TIME,
        Column("attendance", ("参与人数",), required=True, form=COUNT),
        Column("identified", ("参与者标识",), form=LIST),
        Column("content", ("活动内容",)),
        *_CHARGED,
    ),
)

SUPERVISION = SheetKind(
    name="supervision",
    title="督导培训记录 supervision and training",
    identified_by=frozenset({"supervision_id", "supervisor"}),
    columns=(
        Column("supervision_id", ("督导编号",), required=True),
        Column("kind", ("类型",), required=True, form=CHOICE, choices=tuple(_KINDS_OF_SUPERVISION)),
        Column("date", ("日期",), required=True, form=DATE),
        Column("count", ("次数",), form=COUNT),
        *_TIME,
        Column("supervisor", ("督导人",), required=True),
        Column("note", ("备注",)),
        *_CHARGED,
    ),
)

DELIVERY_KINDS: tuple[SheetKind, ...] = (
    CASES,
    CASE_SESSIONS,
    GROUP_SESSIONS,
    COMMUNITY_SESSIONS,
    SUPERVISION,
)

_SEPARATORS = re.compile(r"[;；、,，\n]")


def _duration(r: RowReader, day: dt.date | None) -> int | None:
    """The row's time in seconds: from its start and end (HH:MM[:SS]), or its minutes."""
    start, end = r.time_of_day("start"), r.time_of_day("end")
    minutes = r.whole_number("minutes")
    if (start is None) != (end is None) and r.ok:
        r.problem("end" if end is None else "start", "service_time", Phrase("give_start_and_end"))
        return None
    by_clock: int | None = None
    if start is not None and end is not None and day is not None:
        by_clock = int(
            (dt.datetime.combine(day, end) - dt.datetime.combine(day, start)).total_seconds()
        )
        if by_clock <= 0:
            r.problem("end", "service_time", Phrase("end_not_after_start"))
            return None
    if minutes is not None and by_clock is not None and minutes * 60 != by_clock // 60 * 60:
        r.problem("minutes", "service_time", Phrase("minutes_disagree"))
        return None
    if by_clock is not None:
        return by_clock
    if minutes is not None:
        return minutes * 60
    if r.ok:
        r.problem("minutes", "service_time", Phrase("give_times_or_minutes"))
    return None


def _identified(r: RowReader) -> tuple[str, ...]:
    cell = r.text("identified")
    return tuple(part.strip() for part in _SEPARATORS.split(cell) if part.strip())


def _charged(r: RowReader) -> dict[str, str]:
    return {"project_id": r.text("project_id"), "budget_line": r.text("budget_line")}


_CHARGED_COLUMNS = {"project_id": "project_id", "budget_line": "budget_line"}


@dataclass
class _Gathering:
    """A group or community activity the sheet names, as its rows describe it."""

    code: str
    name: str
    theme: str
    first_line: int
    project_id: str
    budget_line: str
    first_day: dt.date | None = None
    lines: list[int] = field(default_factory=list)


def _station_and_actor(options: ImportOptions) -> dict[str, Any]:
    return {"station_id": options.station_id, "actor": options.entered_by}


def _case_rows(sheet: Sheet, options: ImportOptions, problems: list[RowProblem]) -> list[RowPlan]:
    seen: dict[str, int] = {}
    plans = []
    for row in sheet.rows:
        r = RowReader(sheet, row)
        case_id = r.text("case_id", required=True)
        r.once(seen, "case_id", case_id)
        opened_on = r.date("opened_on", required=True)
        closed_on = r.date("closed_on")
        reason = r.prose("close_reason")
        if closed_on is not None and not reason:
            r.problem("close_reason", "missing_value", Phrase("closed_case_reason"))
        if reason and closed_on is None:
            r.problem("closed_on", "missing_value", Phrase("closing_reason_date"))
        common = _station_and_actor(options)
        opened = r.command(
            b.OpenCase,
            {
                **common,
                "case_id": case_id,
                "occurred_on": opened_on,
                "social_worker": r.text("social_worker", required=True),
                "served_person": r.text("served_person"),
                **_charged(r),
            },
            {
                "case_id": "case_id",
                "occurred_on": "opened_on",
                "social_worker": "social_worker",
                "served_person": "served_person",
                **_CHARGED_COLUMNS,
            },
        )
        commands: list[b.Command[Any]] = [] if opened is None else [opened]
        if closed_on is not None and opened is not None:
            closed = r.command(
                b.CloseCase,
                {**common, "case_id": case_id, "occurred_on": closed_on, "reason": reason},
                {"case_id": "case_id", "occurred_on": "closed_on", "reason": "close_reason"},
            )
            commands += [] if closed is None else [closed]
        problems.extend(r.problems)
        if r.ok:
            steps = (Phrase("step_opening"), Phrase("step_closing"))[: len(commands)]
            plans.append(
                RowPlan(line=row.line, group=case_id, commands=tuple(commands), steps=steps)
            )
    return plans


def _case_session_rows(
    sheet: Sheet, options: ImportOptions, problems: list[RowProblem]
) -> list[RowPlan]:
    seen: dict[str, int] = {}
    plans = []
    for row in sheet.rows:
        r = RowReader(sheet, row)
        case_id = r.text("case_id", required=True)
        session_id = r.text("session_id", required=True)
        r.once(seen, "session_id", f"{case_id} / {session_id}")
        day = r.date("date", required=True)
        duration = _duration(r, day)
        command = r.command(
            b.RecordCaseSession,
            {
                **_station_and_actor(options),
                "case_id": case_id,
                "session_id": session_id,
                "occurred_on": day,
                "duration_s": duration,
                "worker": r.text("worker", required=True),
                "content": r.prose("content"),
                **_charged(r),
            },
            {
                "case_id": "case_id",
                "session_id": "session_id",
                "occurred_on": "date",
                "duration_s": "",  # its cells (start, end, minutes) said why already
                "worker": "worker",
                "content": "content",
                **_CHARGED_COLUMNS,
            },
        )
        problems.extend(r.problems)
        if command is not None:
            plans.append(RowPlan(line=row.line, group=case_id, commands=(command,)))
    return plans


def _gathering_rows(
    sheet: Sheet, options: ImportOptions, problems: list[RowProblem], *, group: bool
) -> tuple[list[RowPlan], dict[str, SetupCommand]]:
    code_key, name_key = (
        ("group_id", "group_name")
        if group
        else (
            "community_activity_id",
            "activity_name",
        )
    )
    count_key = "participants" if group else "attendance"
    what = "group" if group else "community_activity"
    seen: dict[str, int] = {}
    gatherings: dict[str, _Gathering] = {}
    rows: list[tuple[int, str, b.Command[Any]]] = []
    stopped: set[int] = set()
    for row in sheet.rows:
        r = RowReader(sheet, row)
        code = r.text(code_key, required=True)
        name = r.text(name_key, required=True)
        theme = r.text("theme")
        session_id = r.text("session_id", required=True)
        r.once(seen, "session_id", f"{code} / {session_id}")
        day = r.date("date", required=True)
        duration = _duration(r, day)
        count = r.whole_number(count_key)
        if count is None and not r._has_problem(count_key):
            r.problem(count_key, "missing_value")
        charged = _charged(r)
        known = gatherings.get(code)
        if known is None and code:
            known = gatherings[code] = _Gathering(
                code, name, theme, row.line, charged["project_id"], charged["budget_line"]
            )
        elif known is not None and (known.name, known.theme) != (name, theme):
            r.problem(
                name_key,
                "inconsistent",
                Phrase(
                    "gathering_named_otherwise",
                    what=what,
                    code=code,
                    name=known.name,
                    theme=known.theme,
                    first=known.first_line,
                ),
            )
        model = b.HoldGroupSession if group else b.HoldCommunityActivitySession
        command = r.command(
            model,
            {
                **_station_and_actor(options),
                ("group_id" if group else "activity_id"): code,
                "session_id": session_id,
                "occurred_on": day,
                "duration_s": duration,
                count_key: count,
                "identified": _identified(r),
                "content": r.prose("content"),
                **charged,
            },
            {
                ("group_id" if group else "activity_id"): code_key,
                "session_id": "session_id",
                "occurred_on": "date",
                "duration_s": "",  # its cells (start, end, minutes) said why already
                count_key: count_key,
                "identified": "identified",
                "content": "content",
                **_CHARGED_COLUMNS,
            },
        )
        problems.extend(r.problems)
        if command is None or known is None:
            stopped.add(row.line)
            continue
        assert day is not None
        if known.first_day is None or day < known.first_day:
            known.first_day = day
        known.lines.append(row.line)
        rows.append((row.line, code, command))
    setup: dict[str, SetupCommand] = {}
    for g in gatherings.values():
        if g.first_day is None:
            continue
        fields = {
            **_station_and_actor(options),
            "occurred_on": g.first_day,
            "name": g.name,
            "theme": g.theme,
            "project_id": g.project_id,
            "budget_line": g.budget_line,
        }
        try:
            create: b.Command[Any] = (
                b.validate_command(b.CreateGroup, {**fields, "group_id": g.code})
                if group
                else b.validate_command(
                    b.CreateCommunityActivity, {**fields, "activity_id": g.code}
                )
            )
        except InvalidInput as e:
            for line in g.lines:
                problems.append(
                    RowProblem(line=line, column="", reason=e.reason, phrase=Phrase("said", said=e))
                )
            stopped.update(g.lines)
            continue
        setup[g.code] = SetupCommand(
            command=create, what=Phrase("entry_set_up", what=what, key=g.code)
        )
    plans = [
        RowPlan(line=line, group=code, commands=(command,), setup=(code,))
        for line, code, command in rows
        if line not in stopped and code in setup
    ]
    return plans, setup


def _supervision_rows(
    sheet: Sheet, options: ImportOptions, problems: list[RowProblem]
) -> list[RowPlan]:
    seen: dict[str, int] = {}
    plans = []
    for row in sheet.rows:
        r = RowReader(sheet, row)
        record_id = r.text("supervision_id", required=True)
        r.once(seen, "supervision_id", record_id)
        kind = r.choice("kind", _KINDS_OF_SUPERVISION, default=None)
        if kind is None and not r._has_problem("kind"):
            r.problem("kind", "missing_value", Phrase("missing_supervision_kind"))
        day = r.date("date", required=True)
        count = r.whole_number("count")
        duration = _duration(r, day)
        command = r.command(
            b.RecordSupervision,
            {
                **_station_and_actor(options),
                "record_id": record_id,
                "kind": kind,
                "occurred_on": day,
                "count": 1 if count is None else count,
                "duration_s": duration,
                "supervisor": r.text("supervisor", required=True),
                "note": r.prose("note"),
                **_charged(r),
            },
            {
                "record_id": "supervision_id",
                "kind": "kind",
                "occurred_on": "date",
                "count": "count",
                "duration_s": "",  # its cells (start, end, minutes) said why already
                "supervisor": "supervisor",
                "note": "note",
                **_CHARGED_COLUMNS,
            },
        )
        problems.extend(r.problems)
        if command is not None:
            plans.append(RowPlan(line=row.line, group="supervision", commands=(command,)))
    return plans


# What a later sheet may leave out of a group or activity that is already set up: its
# empty cells (or missing columns) say nothing, where a value would contradict the record.
_OPTIONAL_DESCRIPTION = ("theme", "project_id", "budget_line")


def _as_recorded(
    ledger: Ledger, setup: Mapping[str, SetupCommand], *, group: bool
) -> dict[str, SetupCommand]:
    """``setup`` with each gathering the store already holds described as it was set up
    where the sheet leaves a part of its description empty (a later quarter's sheet
    without the 主题 or 项目编号 column), so that naming it again records nothing."""
    out = dict(setup)
    for code, one in setup.items():
        command = one.command
        assert isinstance(command, (b.CreateGroup, b.CreateCommunityActivity))
        if not any(getattr(command, name) in ("", None) for name in _OPTIONAL_DESCRIPTION):
            continue
        station = command.station_id
        uid = group_uuid(station, code) if group else activity_uuid(station, code)
        recorded = ledger.log_reader.aggregate(uid, limit=1)
        if not recorded:
            continue  # set up by this sheet: as the sheet says
        _, created = recorded[0]
        update = {
            name: getattr(created, name)
            for name in _OPTIONAL_DESCRIPTION
            if getattr(command, name) in ("", None)
        }
        out[code] = SetupCommand(command=command.model_copy(update=update), what=one.what)
    return out


def import_delivery(ledger: Ledger, sheet: Sheet, options: ImportOptions) -> ImportSummary:
    """Record every row of a service delivery sheet in one batch, or none.

    Raises:
        SheetRefused: any bad row (every one is named); nothing was recorded.
    """
    problems = list(sheet.problems)
    setup: dict[str, SetupCommand] = {}
    kind = sheet.kind
    if kind is CASES:
        plans = _case_rows(sheet, options, problems)
    elif kind is CASE_SESSIONS:
        plans = _case_session_rows(sheet, options, problems)
    elif kind is GROUP_SESSIONS or kind is COMMUNITY_SESSIONS:
        plans, setup = _gathering_rows(sheet, options, problems, group=kind is GROUP_SESSIONS)
        setup = _as_recorded(ledger, setup, group=kind is GROUP_SESSIONS)
    else:
        assert kind is SUPERVISION
        plans = _supervision_rows(sheet, options, problems)
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
    events = [
        e
        for e in ledger.stored_events(after=before, upto=ledger.log_position())
        if getattr(e, "station_id", None) == options.station_id
    ]
    sessions = (CaseSessionRecorded, GroupSessionHeld, CommunityActivitySessionHeld)
    counts = {
        "cases_opened": sum(isinstance(e, CaseOpened) for e in events),
        "cases_closed": sum(isinstance(e, CaseClosed) for e in events),
        "sessions_recorded": sum(isinstance(e, sessions) for e in events),
        "groups_created": sum(
            isinstance(e, GroupCreated | CommunityActivityCreated) for e in events
        ),
        "supervision_recorded": sum(isinstance(e, SupervisionRecorded) for e in events),
    }
    rows_recorded = (
        counts["cases_opened"]
        if kind is CASES
        else counts["supervision_recorded"]
        if kind is SUPERVISION
        else counts["sessions_recorded"]
    )
    return summary(
        sheet,
        already_present=len(plans) - rows_recorded,
        events_recorded=len(events),
        **counts,
    )
