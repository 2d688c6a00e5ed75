"""The handlers of the store's register of levels (``domain.levels``): the rules live in
the aggregate; a handler finds the one register (creating it on its first unit)."""

from __future__ import annotations

from typing import Any

from sgz_ledger.domain.aggregate import Stamp
from sgz_ledger.domain.levels import LEVELS_UUID, LevelRefused, LevelRegister
from sgz_ledger.service import commands as b
from sgz_ledger.service.unit_of_work import Handler, UnitOfWork

__all__ = ["HANDLERS", "level_register"]


def level_register(work: UnitOfWork) -> LevelRegister | None:
    """The store's register of levels, or ``None`` when no unit was ever registered."""
    return work.find(LEVELS_UUID, LevelRegister)


def _existing(work: UnitOfWork, unit_id: str) -> LevelRegister:
    register = level_register(work)
    if register is None:
        raise LevelRefused(
            "unknown_unit", unit_id, f"no unit {unit_id!r}: the store registers no levels yet"
        )
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
    return _existing(work, c.unit_id).move(
        stamp, unit_id=c.unit_id, parent_id=c.parent_id, reason=c.reason
    )


def _retire(work: UnitOfWork, c: b.RetireUnit, stamp: Stamp) -> Any:
    return _existing(work, c.unit_id).retire(stamp, unit_id=c.unit_id, reason=c.reason)


HANDLERS: dict[type[b.Command[Any]], Handler] = {
    b.RegisterUnit: _register,
    b.RenameUnit: _rename,
    b.MoveUnit: _move,
    b.RetireUnit: _retire,
}
