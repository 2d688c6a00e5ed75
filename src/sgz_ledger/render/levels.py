"""Texts of the register of levels: what ``sgz-ledger level`` prints."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Protocol

import msgspec

from sgz_ledger.domain.events import LevelEvent, UnitMoved, UnitRegistered, UnitRenamed
from sgz_ledger.render.layout import one_line, table
from sgz_ledger.reports.levels import UnitChange, UnitRow

__all__ = [
    "LEVEL_LABELS",
    "level_change_text",
    "unit_list_text",
    "unit_scope_text",
    "unit_show_text",
]

LEVEL_LABELS = {
    "district": "区县 district",
    "station": "镇街 station",
    "community": "村居 community",
}


class _ByUnit(Protocol):
    @property
    def unit_id(self) -> str | msgspec.UnsetType: ...
    @property
    def level(self) -> str | msgspec.UnsetType: ...
    @property
    def stations(self) -> tuple[str, ...] | msgspec.UnsetType: ...


def unit_scope_text(report: _ByUnit) -> str:
    """What a report asked for a unit covers: the unit, its level and its stations."""
    level = "" if isinstance(report.level, msgspec.UnsetType) else report.level
    stations = () if isinstance(report.stations, msgspec.UnsetType) else report.stations
    return (
        f"{LEVEL_LABELS.get(level, level)}: {report.unit_id} "
        f"(含 covers {len(stations)}: {', '.join(stations)})"
    )


def _day(day: dt.date | None) -> str:
    return "-" if day is None else day.isoformat()


def unit_list_text(rows: Sequence[UnitRow], store: str, on: dt.date | None) -> str:
    """The register as a table: code, level, name, parent, registered and retired."""
    when = f" on {on.isoformat()}" if on is not None else ""
    if not rows:
        return f"层级 Levels of {store}{when}: no unit registered (every station stands alone)."
    heads = (
        ("单位", "层级", "名称", "上级", "登记日期", "撤销日期", "下辖"),
        ("unit", "level", "name", "parent", "registered", "retired", "under it"),
    )
    cells = [
        (
            r.unit_id,
            LEVEL_LABELS.get(r.level, r.level),
            one_line(r.name),
            r.parent_id or "-",
            r.registered_on.isoformat(),
            _day(r.retired_on),
            str(r.units_under - 1),
        )
        for r in rows
    ]
    return f"层级 Levels of {store}{when}\n" + table(heads, cells, "llllllr")


def unit_show_text(row: UnitRow, path: Sequence[str], history: Sequence[UnitChange]) -> str:
    """One unit: its place in the tree and every change recorded, with who and why."""
    lines = [
        f"单位 Unit {row.unit_id}: {one_line(row.name)}",
        f"  层级 level: {LEVEL_LABELS.get(row.level, row.level)}",
        f"  上级 parent: {row.parent_id or '-'}  (路径 path: {' < '.join(path)})",
        f"  下辖 children: {', '.join(row.children) or '-'}",
        f"  登记 registered: {row.registered_on.isoformat()}  撤销 retired: {_day(row.retired_on)}",
        "  变更 changes:",
    ]
    for c in history:
        why = f"; 原因 reason: {one_line(c.reason)}" if c.reason else ""
        lines.append(
            f"    #{c.position} {c.occurred_on.isoformat()} {c.change} {one_line(c.detail)} "
            f"by {c.actor} (recorded {c.recorded_at:%Y-%m-%d %H:%M} UTC){why}"
        )
    return "\n".join(lines)


def level_change_text(event: LevelEvent | None, unit_id: str, *, repeated: bool) -> str:
    """What ``level add|rename|move|retire`` prints once recorded (or when nothing was)."""
    if event is None or repeated:
        return f"Nothing recorded: unit {unit_id} is already so."
    if isinstance(event, UnitRegistered):
        parent = f" under {event.parent_id}" if event.parent_id else ""
        return (
            f"Registered {LEVEL_LABELS[event.level]} {event.unit_id} ({event.name}){parent}, "
            f"on {event.occurred_on.isoformat()}."
        )
    if isinstance(event, UnitRenamed):
        return f"Renamed unit {event.unit_id}: {event.previous_name} -> {event.name}."
    if isinstance(event, UnitMoved):
        return (
            f"Moved unit {event.unit_id} from {event.previous_parent_id or '-'} to "
            f"{event.parent_id or '-'} from {event.occurred_on.isoformat()} on: its records "
            "dated before stay with the old parent in reports of those days."
        )
    return f"Retired unit {event.unit_id} on {event.occurred_on.isoformat()}."
