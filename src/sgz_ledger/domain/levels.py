"""The store's register of levels: district (区/县 and its 总站) -> station (镇/街道社工站) ->
community room (村/居社工室).

Records name their unit by code (``station_id``); the register says, for each code, at
which level it stands and under which parent, so that a report can be asked for a unit
and everything under it (``LevelRegister.units_under``). One register per store, under a
fixed id: a district spans stations, so no one station's aggregate can hold it.

A unit's parent is dated: the parent it was registered under holds from the start of its
history (a register is most often set up after records exist, and their figures must
count somewhere), and each move (``UnitMoved``) holds from its business date on. So a
report of a past day sees the tree of that day, and moving a station to another
district never changes what an earlier report showed. Moves of a unit are recorded in
date order (a move dated before the unit's last move is refused), so its history is a
line that one reading settles.

Levels are fixed: a district has no parent, a station's parent is a district (or none,
in a store that keeps no district), a community room's parent is a station. Like the
other aggregates, nothing here reads a clock or the store.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any, Final
from uuid import UUID

from sgz_ledger.domain.aggregate import Aggregate, Stamp
from sgz_ledger.domain.errors import RuleViolation
from sgz_ledger.domain.events import (
    UnitLevel,
    UnitMoved,
    UnitRegistered,
    UnitRenamed,
    UnitRetired,
)
from sgz_ledger.domain.messages import entry

__all__ = [
    "LEVELS",
    "LEVELS_UUID",
    "LevelRefused",
    "LevelRegister",
    "Unit",
    "parent_level",
]

# The one register of the store.
LEVELS_UUID: Final = UUID("5b0e6c1e-7d2a-4f4b-9a51-2c8d3e6f1a74")

LEVELS: Final[tuple[UnitLevel, ...]] = ("district", "station", "community")

_PARENT_LEVEL: Final[dict[UnitLevel, UnitLevel | None]] = {
    "district": None,
    "station": "district",
    "community": "station",
}


def parent_level(level: UnitLevel) -> UnitLevel | None:
    """The level of a ``level`` unit's parent (``None`` for a district)."""
    return _PARENT_LEVEL[level]


class LevelRefused(RuleViolation):
    """The register refuses the change; nothing was recorded.

    Attributes:
        reason: ``unknown_unit`` (no unit of that code), ``unknown_parent`` (the parent
            named is not registered), ``duplicate_unit`` (the code is registered already,
            otherwise), ``wrong_parent_level`` (a station's parent is a district, a
            community room's a station, a district has none), ``parent_required`` (a
            community room needs its station), ``cycle`` (a unit under itself or under one
            of its own descendants), ``parent_retired`` / ``unit_retired`` (a retired unit
            takes no child and does not move or change), ``dated_before`` (a move or a
            retirement dated before the unit's registration or its last move),
            ``has_children`` (retiring a unit whose children are not all retired or moved
            away), ``same_parent`` (a move to the parent it has).
        unit_id: the unit the command named.
    """

    reason = "level_refused"

    def __init__(self, reason: str, unit_id: str, *, code: str = "", **params: object) -> None:
        super().__init__(code or reason, unit_id=unit_id, **params)
        self.reason = reason
        self.unit_id = unit_id


class Unit:
    """One unit of the register, as its events made it.

    Attributes:
        unit_id: its code (the ``station_id`` its records carry).
        level: ``district``, ``station`` or ``community``.
        name: its name now.
        registered_on: the business date it was registered.
        parents: ``(from_day, parent_id)`` in date order: the parent it was registered under
            (from ``datetime.date.min``), then each move's; ``""`` for none.
        retired_on: the day it retired, ``None`` while it works.
    """

    __slots__ = ("level", "name", "parents", "registered_on", "retired_on", "unit_id")

    def __init__(self, event: UnitRegistered) -> None:
        self.unit_id = event.unit_id
        self.level: UnitLevel = event.level
        self.name = event.name
        self.registered_on = event.occurred_on
        self.parents: list[tuple[dt.date, str]] = [(dt.date.min, event.parent_id)]
        self.retired_on: dt.date | None = None

    @property
    def parent_id(self) -> str:
        """The parent now (its last move's, else the one it was registered under)."""
        return self.parents[-1][1]

    def parent_on(self, day: dt.date | None) -> str:
        """The parent on ``day`` (``None``: now): the last move dated on or before it."""
        if day is None:
            return self.parent_id
        parent = self.parents[0][1]
        for since, parent_id in self.parents:
            if since > day:
                break
            parent = parent_id
        return parent


class LevelRegister(Aggregate):
    """The store's units, their levels and dated parents.

    Attributes:
        units: every unit registered, by code, in the order registered.
    """

    def __init__(self, id: UUID = LEVELS_UUID) -> None:
        super().__init__(id)
        self.units: dict[str, Unit] = {}
        self._registered: dict[str, UnitRegistered] = {}

    def _mutate(self, event: Any) -> None:
        match event:
            case UnitRegistered():
                self.units[event.unit_id] = Unit(event)
                self._registered[event.unit_id] = event
            case UnitRenamed():
                self.units[event.unit_id].name = event.name
            case UnitMoved():
                self.units[event.unit_id].parents.append((event.occurred_on, event.parent_id))
            case UnitRetired():
                self.units[event.unit_id].retired_on = event.occurred_on
            case _:  # pragma: no cover - every level event is matched above
                msg = f"unhandled event {type(event).__name__}"
                raise AssertionError(msg)

    # ---- reading ---------------------------------------------------------------------------

    def unit(self, unit_id: str) -> Unit:
        """The unit ``unit_id``.

        Raises:
            LevelRefused: ``unknown_unit``.
        """
        unit = self.units.get(unit_id)
        if unit is None:
            raise LevelRefused("unknown_unit", unit_id)
        return unit

    def children(self, unit_id: str, *, on: dt.date | None = None) -> list[str]:
        """The codes of the units directly under ``unit_id`` on ``on`` (``None``: now)."""
        return [u.unit_id for u in self.units.values() if u.parent_on(on) == unit_id]

    def units_under(self, unit_id: str, *, on: dt.date | None = None) -> frozenset[str]:
        """``unit_id`` and every unit under it on ``on`` (``None``: now), by code.

        A code the register does not hold is itself alone: a station a store never
        registered reports as it always did.
        """
        below: dict[str, list[str]] = {}
        for u in self.units.values():
            below.setdefault(u.parent_on(on), []).append(u.unit_id)
        found = {unit_id}
        todo = [unit_id]
        while todo:
            for child in below.get(todo.pop(), ()):
                if child not in found:  # a cycle cannot be recorded; never loop on one
                    found.add(child)
                    todo.append(child)
        return frozenset(found)

    def path(self, unit_id: str, *, on: dt.date | None = None) -> tuple[str, ...]:
        """``unit_id`` and its ancestors on ``on``, from it up to its top unit."""
        out = [unit_id]
        unit = self.units.get(unit_id)
        while unit is not None:
            parent = unit.parent_on(on)
            if not parent or parent in out:
                break
            out.append(parent)
            unit = self.units.get(parent)
        return tuple(out)

    # ---- commands --------------------------------------------------------------------------

    def register(
        self, stamp: Stamp, *, unit_id: str, level: UnitLevel, parent_id: str, name: str
    ) -> UnitRegistered:
        """Register a unit at ``level`` under ``parent_id`` (``""``: none); the same unit
        again records nothing.

        Raises:
            LevelRefused: ``duplicate_unit``, ``cycle``, ``unknown_parent``,
                ``parent_required``, ``wrong_parent_level``, ``parent_retired``.
        """
        recorded = self._registered.get(unit_id)
        if recorded is not None:
            same = (recorded.level, recorded.parent_id, recorded.name) == (level, parent_id, name)
            if not same:
                raise LevelRefused(
                    "duplicate_unit", unit_id, level=recorded.level, name=recorded.name
                )
            return self._repeat(
                entry("registration_of_unit", unit_id),
                recorded,
                stamp,
                level=level,
                parent_id=parent_id,
                name=name,
            )
        if parent_id == unit_id:
            raise LevelRefused("cycle", unit_id)
        self._check_parent(unit_id, level, parent_id)
        return self._trigger(
            UnitRegistered, stamp, unit_id=unit_id, level=level, parent_id=parent_id, name=name
        )

    def rename(self, stamp: Stamp, *, unit_id: str, name: str) -> UnitRenamed | None:
        """Rename a unit (``None``: it has that name already).

        Raises:
            LevelRefused: ``unknown_unit``, ``unit_retired``.
        """
        unit = self._working(unit_id)
        if unit.name == name:
            return None
        return self._trigger(
            UnitRenamed, stamp, unit_id=unit_id, name=name, previous_name=unit.name
        )

    def move(self, stamp: Stamp, *, unit_id: str, parent_id: str, reason: str) -> UnitMoved:
        """Move a unit under ``parent_id`` from the stamp's business date on.

        Raises:
            LevelRefused: ``unknown_unit``, ``unit_retired``, ``same_parent``,
                ``dated_before``, ``cycle``, ``unknown_parent``, ``parent_required``,
                ``wrong_parent_level``, ``parent_retired``.
        """
        unit = self._working(unit_id)
        if parent_id == unit.parent_id:
            raise LevelRefused("same_parent", unit_id, parent_id=parent_id)
        self._check_date(unit, stamp.occurred_on, "step_move")
        if parent_id and unit_id in self._ancestors(parent_id, stamp.occurred_on):
            raise LevelRefused("cycle", unit_id, code="cycle_move", parent_id=parent_id)
        self._check_parent(unit_id, unit.level, parent_id)
        return self._trigger(
            UnitMoved,
            stamp,
            unit_id=unit_id,
            parent_id=parent_id,
            previous_parent_id=unit.parent_id,
            reason=reason,
        )

    def retire(self, stamp: Stamp, *, unit_id: str, reason: str) -> UnitRetired | None:
        """Retire a unit (``None``: it is retired already). Its records keep counting at
        its parent; it takes no child from now on.

        Raises:
            LevelRefused: ``unknown_unit``, ``dated_before``, ``has_children``.
        """
        unit = self.unit(unit_id)
        if unit.retired_on is not None:
            return None
        self._check_date(unit, stamp.occurred_on, "step_retire")
        working = [c for c in self.children(unit_id) if self.units[c].retired_on is None]
        if working:
            raise LevelRefused("has_children", unit_id, children=sorted(working))
        return self._trigger(UnitRetired, stamp, unit_id=unit_id, reason=reason)

    # ---- checks ----------------------------------------------------------------------------

    def _working(self, unit_id: str) -> Unit:
        unit = self.unit(unit_id)
        if unit.retired_on is not None:
            raise LevelRefused("unit_retired", unit_id, retired_on=unit.retired_on)
        return unit

    def _check_date(self, unit: Unit, day: dt.date, what: str) -> None:
        last = max(unit.registered_on, unit.parents[-1][0])
        if day < last:
            raise LevelRefused("dated_before", unit.unit_id, what=what, day=day, last=last)

    def _ancestors(self, unit_id: str, day: dt.date) -> set[str]:
        """``unit_id`` and its ancestors on ``day`` and on every later day a unit moves:
        a unit moved under one of these would close a loop on one of those days."""
        days: Iterable[dt.date | None] = {
            day,
            None,
            *(since for u in self.units.values() for since, _ in u.parents if since > day),
        }
        out: set[str] = set()
        for d in days:
            out.update(self.path(unit_id, on=d))
        return out

    def _check_parent(self, unit_id: str, level: UnitLevel, parent_id: str) -> None:
        wanted = _PARENT_LEVEL[level]
        if not parent_id:
            if level == "community":
                raise LevelRefused("parent_required", unit_id, level=level)
            return
        if wanted is None:
            raise LevelRefused("wrong_parent_level", unit_id, code="top_level_parent", level=level)
        parent = self.units.get(parent_id)
        if parent is None:
            raise LevelRefused("unknown_parent", unit_id, parent_id=parent_id)
        if parent.level != wanted:
            raise LevelRefused(
                "wrong_parent_level",
                unit_id,
                level=level,
                wanted=wanted,
                parent_id=parent_id,
                parent_level=parent.level,
            )
        if parent.retired_on is not None:
            raise LevelRefused(
                "parent_retired", unit_id, parent_id=parent_id, retired_on=parent.retired_on
            )
