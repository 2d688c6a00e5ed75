"""A projection's operations: anything that is not one of them is refused, nothing written."""

from __future__ import annotations

import gc
from typing import Any, NamedTuple

import pytest

from conftest import FixedClock, open_test_fund
from sgz_ledger import Ledger
from sgz_ledger.projections.framework import Add, Append, CarryAdd, Op, Put, Table


class Insert(NamedTuple):
    """Looks like an ``Append`` to a careless eye, but is not one."""

    table: str
    row: tuple[Any, ...]


class Lines:
    """Counts events into one table, by ``Append``, or by a made-up operation."""

    name = "lines"
    version = 1
    tables = (Table("lines", (("position", "int"),), ("position",)),)

    def __init__(self, op: type[Any]) -> None:
        self.op = op

    def reset(self) -> None:
        pass

    def restore(self, store: Any) -> None:
        pass

    def apply(self, event: Any, position: int, ops: list[Op]) -> None:
        ops.append(self.op("lines", (position,)))


def test_an_operation_of_no_known_kind_is_refused_and_nothing_is_written() -> None:
    ledger = Ledger("memory:", clock=FixedClock())
    open_test_fund(ledger)
    runner, store = ledger.view_runner, ledger.view_store
    with pytest.raises(TypeError, match="not a view operation: Insert"):
        runner.catch_up(Lines(Insert))
    assert store.position("lines") == 0
    assert store.query("SELECT COUNT(*) FROM {s}lines") == [(0,)]
    # The same projection with a real Append records every event.
    assert runner.catch_up(Lines(Append)) == ledger.log_position()
    assert store.query("SELECT COUNT(*) FROM {s}lines") == [(ledger.log_position(),)]


def test_operations_are_not_tracked_by_the_collector() -> None:
    # A bulk catch-up holds two or three operations an event until its batch commits;
    # untracked, they never reach the collector's oldest generation (framework.py).
    ops: list[Op] = [
        Put("t", (1, "a")),
        Add("t", (1, 2)),
        Append("t", (3,)),
        CarryAdd("t", ("F1", ""), "2024-01-01", (1, 2)),
    ]
    assert not any(gc.is_tracked(op) for op in ops)
    for op in ops:
        assert type(op).__struct_config__.gc is False
        assert type(op).__struct_config__.frozen is True
