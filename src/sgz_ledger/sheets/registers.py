"""Project budgets (项目预算表), the register of levels (层级登记表) and team rosters
(志愿服务队名册): what a station otherwise enters through the API, as sheets.

Three kinds, told apart by the header (``common.read_sheet``); each column may be named in
English or Chinese:

Projects, one row per budget line: ``project_id`` 项目编号, ``name`` 项目名称, ``starts_on``
开始日期, ``ends_on`` 结束日期, ``fund_ids`` 基金, ``line_code`` 预算科目, ``line_name``
科目名称, ``amount`` 预算金额 (yuan; 0 allowed, a line kept for later amendments) (required);
``station_id`` 站点 (empty: the ``--station`` option), ``handler`` 经办人 or 录入人 (empty:
the ``--entered-by`` option), ``entered_on`` 立项日期 or 录入日期 (empty: the start date).

Levels: ``unit_id`` 单位编号, ``level`` 层级 (区县 ``district``, 镇街 ``station``, 村居
``community``), ``name`` 名称, ``registered_on`` 登记日期 (required); ``parent_id`` 上级
(empty: none), ``handler`` 经办人 or 录入人.

Teams, one row per member: ``team_id`` 服务队编号, ``name`` 服务队名称, ``formed_on``
成立日期, ``volunteer_id`` 志愿者编号, ``joined_on`` 加入日期 (required); ``station_id`` 站点
(empty: the ``--station`` option), ``leader`` 队长 (是/否, yes/no; empty: no), ``handler``
经办人 or 录入人.

Choices made here, each for a reason:

* A project's rows are one ``open_project``: its budget is opened whole, as the API opens
  it. Its own cells (station, name, dates, funds, handler, date entered) must be the same
  on every one of its rows; a row that differs is refused as ``inconsistent``, since the
  ledger cannot tell which of two end dates the station meant.
* The funds of a project are separated by ``、``, ``;`` or ``；`` (and ``,`` or ``，`` in a
  quoted cell): 、 is what a Chinese clerk types in one cell.
* A level's rows may come in any order: parents are registered before their children
  (the file's order kept otherwise). A parent neither in the file nor registered before is
  the ledger's ``unknown_parent``; units whose parents in the file loop are refused as
  ``cycle``.
* A team is formed by its first row; its rows must agree on its station, name and
  formation date. A member marked 队长 is named leader on the day they join. The ledger
  keeps one leader at a time, so two leaders of one team in a sheet are refused: which
  of them leads would depend on the order of the rows.
* The same key twice (a budget line of one project, a unit, a member of one team) is a
  copying mistake, refused as ``duplicate_key``. Every other rule (funds of another
  station, a volunteer of another station, a child at the wrong level...) is the ledger's.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sgz_ledger.domain.errors import InvalidInput
from sgz_ledger.domain.events import (
    ProjectOpened,
    TeamFormed,
    TeamLeaderNamed,
    TeamMemberJoined,
    UnitLevel,
    UnitRegistered,
)
from sgz_ledger.domain.messages import Phrase, entry
from sgz_ledger.ledger import Ledger
from sgz_ledger.service import commands as b
from sgz_ledger.sheets.common import (
    CHOICE,
    DATE,
    LIST,
    YUAN,
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
    "LEVELS",
    "LEVEL_NAMES",
    "PROJECTS",
    "TEAMS",
    "import_levels",
    "import_projects",
    "import_teams",
    "split_funds",
]

# The levels by Chinese word and English code.
LEVEL_NAMES: Mapping[str, UnitLevel] = {
    "区县": "district",
    "district": "district",
    "镇街": "station",
    "station": "station",
    "村居": "community",
    "community": "community",
}
_YES_NO: Mapping[str, bool] = {"是": True, "yes": True, "否": False, "no": False}
_HANDLER = Column("handler", ("经办人", "录入人"))

PROJECTS = SheetKind(
    name="projects",
    title="项目预算表 project budgets",
    # Not by 基金 and 预算科目: donation and disbursement registers have those with 项目编号.
    identified_by=frozenset({"project_id", "line_name", "starts_on"}),
    columns=(
        Column("project_id", ("项目编号",), required=True),
        Column("station_id", ("站点", "社工站")),
        Column("name", ("项目名称",), required=True),
        Column("starts_on", ("开始日期",), required=True, form=DATE),
        Column("ends_on", ("结束日期",), required=True, form=DATE),
        Column("fund_ids", ("基金", "基金编号"), required=True, form=LIST),
        Column("line_code", ("预算科目", "科目编号"), required=True),
        Column("line_name", ("科目名称",), required=True),
        Column("amount", ("预算金额", "预算金额元"), required=True, form=YUAN),
        _HANDLER,
        Column("entered_on", ("立项日期", "录入日期"), form=DATE),
    ),
)

LEVELS = SheetKind(
    name="levels",
    title="层级登记表 levels register",
    identified_by=frozenset({"unit_id", "level"}),
    columns=(
        Column("unit_id", ("单位编号",), required=True),
        Column("level", ("层级",), required=True, form=CHOICE, choices=tuple(LEVEL_NAMES)),
        Column("parent_id", ("上级", "上级编号")),
        Column("name", ("名称", "单位名称"), required=True),
        Column("registered_on", ("登记日期",), required=True, form=DATE),
        _HANDLER,
    ),
)

TEAMS = SheetKind(
    name="teams",
    title="志愿服务队名册 team roster",
    identified_by=frozenset({"team_id", "volunteer_id"}),
    columns=(
        Column("team_id", ("服务队编号",), required=True),
        Column("station_id", ("站点", "社工站")),
        Column("name", ("服务队名称",), required=True),
        Column("formed_on", ("成立日期",), required=True, form=DATE),
        Column("volunteer_id", ("志愿者编号",), required=True),
        Column("joined_on", ("加入日期",), required=True, form=DATE),
        Column("leader", ("队长", "是否队长"), form=CHOICE, choices=tuple(_YES_NO)),
        _HANDLER,
    ),
)

_FUND_SEPARATORS = re.compile(r"[、;；,，]")


def split_funds(cell: str) -> tuple[str, ...]:
    """The fund codes of a 基金 cell: separated by 、, ;, ； (or , and ， when quoted)."""
    return tuple(part.strip() for part in _FUND_SEPARATORS.split(cell) if part.strip())


def _refused_lines(lines: list[int], column: str, reason: str, phrase: Phrase) -> list[RowProblem]:
    return [RowProblem(line=line, column=column, reason=reason, phrase=phrase) for line in lines]


# ---- projects -------------------------------------------------------------------------------


@dataclass
class _Project:
    """A project as its first row describes it, and the budget lines of its rows."""

    fields: dict[str, Any]
    first_line: int
    lines: list[int] = field(default_factory=list)
    budget: list[dict[str, Any]] = field(default_factory=list)


def import_projects(ledger: Ledger, sheet: Sheet, options: ImportOptions) -> ImportSummary:
    """Open every project of a project-budget sheet in one batch, or none.

    Raises:
        SheetRefused: any bad row (every one is named); nothing was recorded.
    """
    problems = list(sheet.problems)
    projects: dict[str, _Project] = {}
    seen: dict[str, int] = {}
    stopped: set[str] = set()
    for row in sheet.rows:
        r = RowReader(sheet, row)
        project_id = r.text("project_id", required=True)
        starts_on = r.date("starts_on", required=True)
        entered_on = r.date("entered_on")
        own = {
            "station_id": r.text("station_id") or options.station_id,
            "name": r.text("name", required=True),
            "starts_on": starts_on,
            "ends_on": r.date("ends_on", required=True),
            "fund_ids": split_funds(r.text("fund_ids", required=True)),
            "actor": r.text("handler") or options.entered_by,
            "occurred_on": entered_on or starts_on,
        }
        code = r.text("line_code", required=True)
        r.once(seen, "line_code", f"{project_id} / {code}")
        line = {"code": code, "name": r.text("line_name", required=True)}
        amount = r.amount_fen("amount", required=True, allow_zero=True)
        known = projects.get(project_id) if project_id else None
        if known is not None and known.fields != own:
            columns_of = {"actor": "handler", "occurred_on": "entered_on"}
            differ = [columns_of.get(k, k) for k in own if own[k] != known.fields[k]]
            column = differ[0]
            r.problem(
                column,
                "inconsistent",
                Phrase(
                    "project_cells_differ",
                    project_id=project_id,
                    columns=differ,
                    first=known.first_line,
                ),
            )
        problems.extend(r.problems)
        if not r.ok:
            stopped.add(project_id)
            continue
        if known is None:
            known = projects[project_id] = _Project(fields=own, first_line=row.line)
        known.lines.append(row.line)
        known.budget.append({**line, "amount_fen": amount})
    plans: list[RowPlan] = []
    for project_id, project in projects.items():
        if project_id in stopped:
            continue
        try:
            command = b.validate_command(
                b.OpenProject,
                {**project.fields, "project_id": project_id, "lines": tuple(project.budget)},
            )
        except InvalidInput as e:
            for _, phrase in e.field_problems:
                problems += _refused_lines(project.lines, "", e.reason, phrase)
            continue
        plans.append(
            RowPlan(
                line=project.lines[0],
                group=project_id,
                commands=(command,),
                also=tuple(project.lines[1:]),
            )
        )
    before = ledger.log_position()
    _record(ledger, sheet, options, plans, {}, problems)
    opened = [
        e
        for e in ledger.stored_events(after=before, upto=ledger.log_position())
        if isinstance(e, ProjectOpened) and e.project_id in projects
    ]
    return summary(
        sheet,
        already_present=len(sheet.rows) - sum(len(e.lines) for e in opened),
        events_recorded=len(opened),
        projects_opened=len(opened),
        budget_lines=sum(len(e.lines) for e in opened),
    )


# ---- levels ---------------------------------------------------------------------------------


def _parents_first(
    units: dict[str, tuple[int, str, RowPlan]],
) -> tuple[list[RowPlan], list[RowProblem]]:
    """The plans with every parent in the file before its children (file order otherwise),
    and a ``cycle`` problem for every unit whose parents in the file loop."""
    ordered: list[RowPlan] = []
    placed: set[str] = set()
    waiting = list(units)
    progress = True
    while waiting and progress:
        progress = False
        still: list[str] = []
        for unit_id in waiting:
            _, parent_id, plan = units[unit_id]
            if parent_id in units and parent_id not in placed:
                still.append(unit_id)
                continue
            ordered.append(plan)
            placed.add(unit_id)
            progress = True
        waiting = still
    problems = []
    for unit_id in waiting:
        chain = [unit_id]
        parent_id = units[unit_id][1]
        while parent_id not in chain:
            chain.append(parent_id)
            parent_id = units[parent_id][1]
        chain.append(parent_id)
        line = units[unit_id][0]
        phrase = Phrase("parents_loop", chain=" → ".join(chain))
        problems.append(RowProblem(line=line, column="", reason="cycle", phrase=phrase))
    return ordered, problems


def import_levels(ledger: Ledger, sheet: Sheet, options: ImportOptions) -> ImportSummary:
    """Register every unit of a levels sheet in one batch, parents first, or none.

    Raises:
        SheetRefused: any bad row (every one is named); nothing was recorded.
    """
    problems = list(sheet.problems)
    seen: dict[str, int] = {}
    units: dict[str, tuple[int, str, RowPlan]] = {}
    for row in sheet.rows:
        r = RowReader(sheet, row)
        unit_id = r.text("unit_id", required=True)
        r.once(seen, "unit_id", unit_id)
        level = r.choice("level", LEVEL_NAMES, default=None)
        if level is None and not r._has_problem("level"):
            r.problem("level", "missing_value", Phrase("missing_level"))
        parent_id = r.text("parent_id")
        if parent_id and parent_id == unit_id:
            r.problem("parent_id", "cycle", Phrase("own_parent"))
        command = r.command(
            b.RegisterUnit,
            {
                "unit_id": unit_id,
                "level": level,
                "parent_id": parent_id,
                "name": r.text("name", required=True),
                "actor": r.text("handler") or options.entered_by,
                "occurred_on": r.date("registered_on", required=True),
            },
            {
                "unit_id": "unit_id",
                "level": "level",
                "parent_id": "parent_id",
                "name": "name",
                "actor": "handler",
                "occurred_on": "registered_on",
            },
        )
        problems.extend(r.problems)
        if command is not None:
            plan = RowPlan(line=row.line, group="levels", commands=(command,))
            units[unit_id] = (row.line, parent_id, plan)
    plans, loops = _parents_first(units)
    problems += loops
    before = ledger.log_position()
    _record(ledger, sheet, options, plans, {}, problems)
    registered = [
        e
        for e in ledger.stored_events(after=before, upto=ledger.log_position())
        if isinstance(e, UnitRegistered) and e.unit_id in units
    ]
    return summary(
        sheet,
        already_present=len(sheet.rows) - len(registered),
        events_recorded=len(registered),
        units_registered=len(registered),
    )


# ---- teams ----------------------------------------------------------------------------------


@dataclass
class _Team:
    """A team as its first row describes it."""

    fields: dict[str, Any]
    first_line: int
    leader_line: int = 0


def import_teams(ledger: Ledger, sheet: Sheet, options: ImportOptions) -> ImportSummary:
    """Form every team of a team roster, add its members and name its leader, in one
    batch, or none.

    Raises:
        SheetRefused: any bad row (every one is named); nothing was recorded.
    """
    problems = list(sheet.problems)
    seen: dict[str, int] = {}
    teams: dict[str, _Team] = {}
    setup: dict[str, SetupCommand] = {}
    plans: list[RowPlan] = []
    for row in sheet.rows:
        r = RowReader(sheet, row)
        team_id = r.text("team_id", required=True)
        volunteer_id = r.text("volunteer_id", required=True)
        r.once(seen, "volunteer_id", f"{team_id} / {volunteer_id}")
        actor = r.text("handler") or options.entered_by
        own = {
            "station_id": r.text("station_id") or options.station_id,
            "name": r.text("name", required=True),
            "occurred_on": r.date("formed_on", required=True),
            "actor": actor,
        }
        joined_on = r.date("joined_on", required=True)
        leader = r.choice("leader", _YES_NO, default=False)
        known = teams.get(team_id) if team_id else None
        if known is not None and known.fields != own:
            columns_of = {"actor": "handler", "occurred_on": "formed_on"}
            differ = [columns_of.get(k, k) for k in own if own[k] != known.fields[k]]
            column = differ[0]
            r.problem(
                column,
                "inconsistent",
                Phrase(
                    "team_cells_differ", team_id=team_id, columns=differ, first=known.first_line
                ),
            )
        if leader and known is not None and known.leader_line:
            r.problem(
                "leader",
                "inconsistent",
                Phrase("team_leader_twice", team_id=team_id, first=known.leader_line),
            )
        keys = {"team_id": team_id, "volunteer_id": volunteer_id}
        columns = {"team_id": "team_id", "volunteer_id": "volunteer_id", "actor": "handler"}
        joined = r.command(
            b.AddTeamMember,
            {**keys, "actor": actor, "occurred_on": joined_on},
            {**columns, "occurred_on": "joined_on"},
        )
        named = (
            r.command(
                b.NameTeamLeader,
                {**keys, "actor": actor, "occurred_on": joined_on},
                {**columns, "occurred_on": "joined_on"},
            )
            if leader
            else None
        )
        if known is None and team_id and r.ok:
            try:
                formed = b.validate_command(b.FormTeam, {**own, "team_id": team_id})
            except InvalidInput as e:
                for name, phrase in e.field_problems:
                    r.problem({"occurred_on": "formed_on"}.get(name, name), e.reason, phrase)
            else:
                known = teams[team_id] = _Team(fields=own, first_line=row.line)
                setup[team_id] = SetupCommand(command=formed, what=entry("team", team_id))
        problems.extend(r.problems)
        if not r.ok or joined is None or known is None:
            continue
        if leader:
            known.leader_line = row.line
        commands: tuple[b.Command[Any], ...] = (joined,) if named is None else (joined, named)
        steps = (Phrase("step_joining"), Phrase("step_leader"))[: len(commands)]
        plans.append(
            RowPlan(line=row.line, group=team_id, commands=commands, setup=(team_id,), steps=steps)
        )
    before = ledger.log_position()
    _record(ledger, sheet, options, plans, setup, problems)
    events = [
        e
        for e in ledger.stored_events(after=before, upto=ledger.log_position())
        if isinstance(e, TeamFormed | TeamMemberJoined | TeamLeaderNamed) and e.team_id in teams
    ]
    joins = sum(isinstance(e, TeamMemberJoined) for e in events)
    return summary(
        sheet,
        already_present=len(sheet.rows) - joins,
        events_recorded=len(events),
        teams_formed=sum(isinstance(e, TeamFormed) for e in events),
        team_joins=joins,
        team_leaders_named=sum(isinstance(e, TeamLeaderNamed) for e in events),
    )


def _record(
    ledger: Ledger,
    sheet: Sheet,
    options: ImportOptions,
    plans: list[RowPlan],
    setup: Mapping[str, SetupCommand],
    problems: list[RowProblem],
) -> None:
    record_whole(
        ledger,
        plans,
        setup=setup,
        problems=problems,
        source=sheet.source,
        progress=options.progress,
        correction_note=options.correction_note,
    )
