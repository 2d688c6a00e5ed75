"""Shared by the view tests: a log reader for ``ViewRunner``, the whole log, the views' rows.

``reader`` reads through eventsourcing's public ``select_notifications`` and mapper, not
the ledger's own bulk reader (which ``tests/unit/test_bulk_reader.py`` checks against
``select_notifications``), so that the views' tests do not lean on it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sgz_ledger import Ledger
from sgz_ledger.projections.framework import ViewStore
from sgz_ledger.projections.fund_views import FundViews

__all__ = ["Pair", "dump", "log", "reader"]

Pair = tuple[int, Any]


def reader(ledger: Ledger) -> Callable[[int, int, int | None], list[Pair]]:
    """A ``ViewRunner`` read function over the ledger's log (public eventsourcing API)."""

    def read(after: int, limit: int, upto: int | None = None) -> list[Pair]:
        notifications = ledger.recorder.select_notifications(
            start=after + 1, limit=limit, stop=upto
        )
        return [(n.id, ledger.mapper.to_domain_event(n)) for n in notifications]

    return read


def log(ledger: Ledger) -> list[Pair]:
    """Every stored event with its log position, decoded, in log order."""
    return reader(ledger)(0, 1_000_000)


def dump(store: ViewStore, views: FundViews) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table of the fund views, sorted (the order of SQL is not asked)."""
    return {
        table.name: sorted(
            store.query(f"SELECT {', '.join(table.column_names)} FROM {{s}}{table.name}")
        )
        for table in views.tables
    }
