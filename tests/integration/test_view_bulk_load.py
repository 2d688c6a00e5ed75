"""A catch-up of many batches is a bulk load, and it leaves what an ordinary one leaves.

``ViewRunner.catch_up`` with more than one batch to fold goes through
``ViewStore.bulk_load``: on a SQLite file the batches are written through a connection
of the load's own (bigger page cache, rarer WAL checkpoints), in batches of four, and
an empty view's secondary indexes are dropped and built at the end. These tests check
that it is only a faster way to the same place:

* the tables equal a fold of the log in one go, every index is there afterwards, the
  load did run without them, through its own connection, in batches of four;
* a view more than a batch behind keeps its indexes up, on the load's connection; one
  a batch or less behind is caught up on the ledger's own connections;
* a fold that fails half-way through a load (or through an ordinary catch-up) leaves
  whole batches in the store and nothing of the failed batch in the fold's state, and
  the indexes are back; the next catch-up finishes the views exactly once;
* a process killed during a load leaves whole batches, and the indexes are back as
  soon as the next process uses the views;
* PostgreSQL takes the ordinary path (the same tables, no index dropped).

The history and the checks are those of ``test_projection_crash.py``.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Any

import pytest
from test_projection_crash import (
    check_exactly_once,
    check_whole_batches,
    folded,
    killed_child,
    sqlite_copy,
    sqlite_template,  # noqa: F401 - the fixture
    write_history,
)

from sgz_ledger import Ledger
from sgz_ledger.projections import framework
from sgz_ledger.projections.framework import Op, ViewRunner, ViewStore
from sgz_ledger.projections.fund_views import FundViews
from view_support import dump, reader

SMALL_ROUNDS = 8  # about 200 events: enough for several batches of 7


def indexes(path: str) -> set[str]:
    """The names of the fund views' secondary indexes in a SQLite file."""
    with closing(sqlite3.connect(path)) as db:
        rows = db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE '%\\_i%' ESCAPE '\\'"
        ).fetchall()
    return {name for (name,) in rows}


def expected_indexes() -> set[str]:
    return {f"{table.name}_i{i}" for table in FundViews.tables for i in range(len(table.indexes))}


@pytest.fixture
def sqlite_store(sqlite_template: Path, tmp_path: Path) -> str:  # noqa: F811
    return sqlite_copy(sqlite_template, tmp_path)


@contextmanager
def opened(store: str) -> Iterator[Ledger]:
    ledger = Ledger(store)
    try:
        yield ledger
    finally:
        ledger.close()


class Watched(FundViews):
    """Fund views that record, at each event, whether a bulk load's connection is in use
    and which indexes exist, and can fail once at a chosen log position."""

    def __init__(self, store: ViewStore, path: str, fail_at: int = 0) -> None:
        super().__init__()
        self.store, self.path, self.fail_at = store, path, fail_at
        self.seen: list[tuple[bool, frozenset[str]]] = []

    def apply(self, event: Any, position: int, ops: list[Op]) -> None:
        if position == self.fail_at:
            self.fail_at = 0
            raise RuntimeError(f"the fold fails at {position}")
        if not self.seen or position % 50 == 0:
            self.seen.append((self.store._bulk is not None, frozenset(indexes(self.path))))
        super().apply(event, position, ops)


def test_an_empty_view_is_filled_as_a_bulk_load_with_the_same_rows_and_every_index(
    sqlite_store: str,
) -> None:
    with opened(sqlite_store) as ledger:
        assert indexes(sqlite_store) == set()  # no view yet: the template's ledger never read
        views = Watched(ledger.view_store, sqlite_store)
        committed: list[int] = []
        runner = ViewRunner(ledger.view_store, reader(ledger), ledger.log_position, batch=7)
        head = ledger.log_position()
        assert runner.catch_up(views, progress=committed.append) == head
        # Batches of four ordinary ones: 28 events a commit (the last one shorter).
        assert committed == [*range(28, head, 28), head]
        # The load ran on its own connection, without the secondary indexes.
        assert views.seen
        assert all(bulk and not present for bulk, present in views.seen)
        assert ledger.view_store._bulk is None
        assert indexes(sqlite_store) == expected_indexes()
        assert dump(ledger.view_store, views) == folded(ledger)
        # The WAL was checkpointed and truncated at the end (no reader held it).
        assert Path(sqlite_store + "-wal").stat().st_size == 0


def test_a_view_behind_by_more_than_a_batch_keeps_its_indexes_on_the_loads_connection(
    sqlite_store: str,
) -> None:
    with opened(sqlite_store) as ledger:
        head = ledger.log_position()
        views = Watched(ledger.view_store, sqlite_store)
        runner = ViewRunner(ledger.view_store, reader(ledger), ledger.log_position, batch=7)
        runner.catch_up(views, until=5)  # one batch: not a bulk load
        assert views.seen == [(False, frozenset(expected_indexes()))]
        views.seen.clear()
        committed: list[int] = []
        # More than a batch behind: bulk batches of 28, every index kept up meanwhile.
        assert runner.catch_up(views, until=head - 3, progress=committed.append) == head - 3
        assert committed == [*range(33, head - 3, 28), head - 3]
        assert views.seen
        assert all(bulk and present == expected_indexes() for bulk, present in views.seen)
        # Behind by a batch or less: the ledger's own connections.
        views.seen.clear()
        assert runner.catch_up(views) == head
        assert all(not bulk for bulk, _ in views.seen)
        assert dump(ledger.view_store, views) == folded(ledger)


@pytest.mark.parametrize(
    ("start", "fail_at"), [(0, 3), (0, 40), (0, 100), (10, 12), (10, 40), (10, 100)]
)
def test_a_fold_that_fails_leaves_whole_batches_and_nothing_of_the_failed_one(
    sqlite_store: str, fail_at: int, start: int
) -> None:
    """From 0 the load is a bulk load; from 10, an ordinary catch-up. Either way the
    failed batch leaves nothing behind, in the tables or in the fold's state."""
    with opened(sqlite_store) as ledger:
        views = Watched(ledger.view_store, sqlite_store, fail_at=fail_at)
        runner = ViewRunner(ledger.view_store, reader(ledger), ledger.log_position, batch=7)
        if start:
            runner.catch_up(views, until=start)
        with pytest.raises(RuntimeError, match=f"fails at {fail_at}"):
            runner.catch_up(views)
        position = ledger.view_store.position(views.name)
        assert position < fail_at
        assert dump(ledger.view_store, views) == folded(ledger, until=position)
        assert indexes(sqlite_store) == expected_indexes()
        # The same runner and fold go on from the stored position: each event once.
        assert runner.catch_up(views) == ledger.log_position()
        assert dump(ledger.view_store, views) == folded(ledger)


def test_a_process_killed_during_a_bulk_load_leaves_whole_batches_and_the_indexes_return(
    sqlite_store: str, tmp_path: Path
) -> None:
    """The child's first catch-up starts at 0 (a bulk load, in its batches of 7); it is
    killed after its first commit, with the indexes dropped; they come back."""
    killed_child(tmp_path, sqlite_store, 1, 0.0)
    assert indexes(sqlite_store) == set()  # the load's own end never came
    with opened(sqlite_store) as ledger:
        position = check_whole_batches(ledger)
        # ``ensure``, as a process first uses the views (check_whole_batches calls it).
        assert indexes(sqlite_store) == expected_indexes()
        assert 0 < position < ledger.log_position()
        assert position % 7 == 0
        check_exactly_once(ledger)


def test_a_bulk_loads_own_connection_gets_the_pragmas(
    sqlite_store: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings: list[tuple[int, int, int]] = []
    commit = ViewStore.commit

    def watched_commit(self: ViewStore, *args: Any, **kwargs: Any) -> None:
        if self._bulk is not None:
            cursor = self._bulk.cursor()
            values = []
            for pragma in ("cache_size", "wal_autocheckpoint", "synchronous"):
                cursor.execute(f"PRAGMA {pragma}")
                values.append(cursor.fetchone()[0])
            settings.append((values[0], values[1], values[2]))
        commit(self, *args, **kwargs)

    monkeypatch.setattr(ViewStore, "commit", watched_commit)
    with opened(sqlite_store) as ledger:
        ledger.view_runner.batch = 7
        ledger.catch_up_views()
        assert settings
        # The ledger's own connections keep SQLite's defaults; the load's commits are as
        # durable as theirs (the same ``synchronous``).
        with ledger.recorder.datastore.transaction(commit=False) as c:
            c.execute("PRAGMA wal_autocheckpoint")
            assert c.fetchone()[0] == 1000
            c.execute("PRAGMA synchronous")
            synchronous = c.fetchone()[0]
        assert set(settings) == {
            (-framework.BULK_CACHE_KIB, framework.BULK_WAL_AUTOCHECKPOINT_PAGES, synchronous)
        }


@pytest.mark.postgres
def test_postgres_fills_an_empty_view_on_the_ordinary_path(
    request: pytest.FixtureRequest,
) -> None:
    url = str(request.getfixturevalue("pg_url"))
    write_history(url, rounds=SMALL_ROUNDS)
    with opened(url) as ledger:
        loads: list[bool] = []
        bulk_load: Callable[..., Any] = ledger.view_store.bulk_load

        @contextmanager
        def watched(projection: Any, *, empty: bool) -> Iterator[None]:
            with bulk_load(projection, empty=empty):
                loads.append(ledger.view_store._bulk is not None)
                yield

        ledger.view_store.bulk_load = watched  # type: ignore[method-assign]
        ledger.view_runner.batch = 7
        assert ledger.catch_up_views() == ledger.log_position()
        assert loads == [False]  # bulk_load was entered, and did nothing on PostgreSQL
        check_exactly_once(ledger)


def test_the_loads_connection_is_the_loading_threads_only(sqlite_store: str) -> None:
    """Another thread writing to the same view store meanwhile (another runner, say) uses
    the ledger's own connections, never the load's."""
    seen_elsewhere: list[bool] = []

    class Peeking(FundViews):
        def apply(self, event: Any, position: int, ops: list[Op]) -> None:
            if position == 50:
                store = ledger.view_store
                assert store._bulk is not None  # this thread is loading
                other = threading.Thread(
                    target=lambda: seen_elsewhere.append(store._bulk is not None)
                )
                other.start()
                other.join()
            super().apply(event, position, ops)

    with opened(sqlite_store) as ledger:
        runner = ViewRunner(ledger.view_store, reader(ledger), ledger.log_position, batch=7)
        assert runner.catch_up(Peeking()) == ledger.log_position()
    assert seen_elsewhere == [False]
