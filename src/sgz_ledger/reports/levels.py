"""The register of levels as a listing: each unit with its level, parent and history
(``sgz-ledger level list|show``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import msgspec

from sgz_ledger.domain.events import UnitMoved, UnitRegistered, UnitRenamed, UnitRetired
from sgz_ledger.domain.levels import LEVELS, LevelRegister

__all__ = ["UnitChange", "UnitRow", "unit_history", "unit_rows"]


class UnitRow(msgspec.Struct, frozen=True, kw_only=True):
    """One unit of the register on a day.

    Attributes:
        parent_id: its parent on the day (``""``: none).
        children: the units directly under it on the day, by code.
        units_under: how many units a report of it covers (itself included).
        retired_on: the day it retired, ``None`` while it works.
    """

    unit_id: str
    level: str
    name: str
    parent_id: str
    registered_on: dt.date
    retired_on: dt.date | None
    children: tuple[str, ...]
    units_under: int


class UnitChange(msgspec.Struct, frozen=True, kw_only=True):
    """One recorded change of a unit: who, when (the business date), what and why."""

    position: int
    occurred_on: dt.date
    recorded_at: dt.datetime
    actor: str
    change: str
    detail: str
    reason: str


def unit_rows(register: LevelRegister, *, on: dt.date | None = None) -> list[UnitRow]:
    """Every unit of the register as it stands on ``on`` (``None``: now), by level then
    code."""
    rows = [
        UnitRow(
            unit_id=u.unit_id,
            level=u.level,
            name=u.name,
            parent_id=u.parent_on(on),
            registered_on=u.registered_on,
            retired_on=u.retired_on,
            children=tuple(sorted(register.children(u.unit_id, on=on))),
            units_under=len(register.units_under(u.unit_id, on=on)),
        )
        for u in register.units.values()
    ]
    rows.sort(key=lambda r: (LEVELS.index(r.level), r.unit_id))
    return rows


def unit_history(events: Iterable[tuple[int, Any]], unit_id: str) -> list[UnitChange]:
    """The recorded changes of ``unit_id``, in log order, from the register's events."""
    out = []
    for position, e in events:
        if getattr(e, "unit_id", None) != unit_id:
            continue
        if isinstance(e, UnitRegistered):
            change, detail, reason = "registered", f"{e.level} under {e.parent_id or '-'}", ""
        elif isinstance(e, UnitRenamed):
            change, detail, reason = "renamed", f"{e.previous_name} -> {e.name}", ""
        elif isinstance(e, UnitMoved):
            change = "moved"
            detail = f"{e.previous_parent_id or '-'} -> {e.parent_id or '-'}"
            reason = e.reason
        elif isinstance(e, UnitRetired):
            change, detail, reason = "retired", "", e.reason
        else:  # pragma: no cover - the register records only these
            continue
        out.append(
            UnitChange(
                position=position,
                occurred_on=e.occurred_on,
                recorded_at=e.timestamp,
                actor=e.actor,
                change=change,
                detail=detail,
                reason=reason,
            )
        )
    return out
