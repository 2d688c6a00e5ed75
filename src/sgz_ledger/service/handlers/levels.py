"""The handlers of the store's register of levels (``domain.levels``): the rules live in
the aggregate; a handler finds the one register (creating it on its first unit).

A move changes the figures of the units above the unit's old and new parents, for every
period ending on or after the move's date (a report reads the tree on its last day). Where
one of those units closed such a period (rule 33), the move is refused unless it carries a
correction note, and with one it is named among that unit's corrections (rule 34), as any
command into a closed period is: no level command names a station, so the common check
after each handler (``service.periods``) cannot see it.
"""

from __future__ import annotations

from typing import Any

from sgz_ledger.domain.aggregate import Stamp
from sgz_ledger.domain.errors import PeriodClosedError
from sgz_ledger.domain.events import PeriodClosed, UnitMoved
from sgz_ledger.domain.levels import LEVELS_UUID, LevelRefused, LevelRegister
from sgz_ledger.domain.periods import StationPeriods, periods_uuid
from sgz_ledger.service import commands as b
from sgz_ledger.service.unit_of_work import Handler, UnitOfWork

__all__ = ["HANDLERS", "level_register"]


def level_register(work: UnitOfWork) -> LevelRegister | None:
    """The store's register of levels, or ``None`` when no unit was ever registered."""
    return work.find(LEVELS_UUID, LevelRegister)


def _existing(work: UnitOfWork, unit_id: str) -> LevelRegister:
    register = level_register(work)
    if register is None:
        raise LevelRefused("unknown_unit", unit_id, code="no_levels")
    return register


def _register(work: UnitOfWork, c: b.RegisterUnit, stamp: Stamp) -> Any:
    register = level_register(work)
    if register is None:
        register = LevelRegister(LEVELS_UUID)
        work.add(register)
    return register.register(
        stamp, unit_id=c.unit_id, level=c.level, parent_id=c.parent_id, name=c.name
    )


def _rename(work: UnitOfWork, c: b.RenameUnit, stamp: Stamp) -> Any:
    return _existing(work, c.unit_id).rename(stamp, unit_id=c.unit_id, name=c.name)


def _move(work: UnitOfWork, c: b.MoveUnit, stamp: Stamp) -> Any:
    register = _existing(work, c.unit_id)
    moved = register.move(stamp, unit_id=c.unit_id, parent_id=c.parent_id, reason=c.reason)
    _check_closed_periods(work, register, moved, c, stamp)
    return moved


def _check_closed_periods(
    work: UnitOfWork, register: LevelRegister, moved: UnitMoved, c: b.MoveUnit, stamp: Stamp
) -> None:
    """Refuse ``moved`` where a unit whose figures it changes closed a period ending on or
    after its date, unless ``c`` carries a correction note (then name it there)."""
    day = moved.occurred_on
    affected: set[str] = set()
    for parent in (moved.previous_parent_id, moved.parent_id):
        if parent:
            affected.update(register.path(parent, on=day))
    for unit_id in sorted(affected):
        periods = work.find(periods_uuid(unit_id), StationPeriods)
        if periods is None:
            continue
        held: list[PeriodClosed] = [p for p in periods.closed if p.period_to >= day]
        if not held:
            continue
        closed = held[-1]
        if c.correction_note is None:
            raise PeriodClosedError(
                "period_closed_move",
                unit_id=unit_id,
                anchor=closed.anchor or "-",
                moved=moved.unit_id,
                day=day,
                period_from=closed.period_from,
                period_to=closed.period_to,
                closed_at=closed.timestamp,
            )
        periods.correct(
            stamp,
            closed=closed,
            event_type=str(type(moved).__struct_config__.tag),
            aggregate_id=moved.originator_id,
            aggregate_version=moved.originator_version,
            note=c.correction_note,
        )


def _retire(work: UnitOfWork, c: b.RetireUnit, stamp: Stamp) -> Any:
    return _existing(work, c.unit_id).retire(stamp, unit_id=c.unit_id, reason=c.reason)


HANDLERS: dict[type[b.Command[Any]], Handler] = {
    b.RegisterUnit: _register,
    b.RenameUnit: _rename,
    b.MoveUnit: _move,
    b.RetireUnit: _retire,
}
