"""Views kept current by a follower, and several runners on one view: each event once.

* ``Ledger.follow_views`` (``ViewRunner.follow``) in a background thread keeps the fund
  views current while another ``Ledger`` (another connection, as another process would)
  records events: on SQLite by polling, on PostgreSQL woken by eventsourcing's
  LISTEN/NOTIFY subscription (with a polling period far longer than the test, so only a
  notification can wake it). Setting the stop event ends it promptly, even while the
  subscription waits for a notification that never comes.
* Two runners (two ``Ledger`` objects, two threads) catching up the same view at once,
  in different batch sizes, end with the tables of a rebuild and each event applied once.
* Two interleavings made deterministic: a runner whose batch reaches past a batch another
  runner committed meanwhile is refused (a view of counters, where a doubled event would
  show at once); and a runner that restores its state while another commits does not
  continue from a position its state has not reached.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from test_projection_crash import (
    FUNDS,
    START,
    check_exactly_once,
    folded,
    history,
    sqlite_copy,
    sqlite_template,  # noqa: F401 - a module fixture, used by ``history_store``
    write_history,
)

from sgz_ledger import Ledger, ReceiveCashDonation
from sgz_ledger.projections.framework import Add, Op, Table, ViewRunner, ViewStore
from sgz_ledger.projections.fund_views import FundViews
from view_support import dump, log, reader

WAIT_S = 60  # generous: the machine may be busy; a working follower needs well under 1 s
POLL_S = 0.05  # the SQLite follower's polling period
NEVER_S = 3600.0  # a polling period no test waits out: only a notification wakes the follower
JOIN_S = 10  # a stopped follower ends within this
SMALL_ROUNDS = 8  # a small history (about 200 events) for the interleavings


# ---- stores ---------------------------------------------------------------------------------


@pytest.fixture
def empty_store(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty store (parametrized indirectly): a SQLite file, or a PostgreSQL schema."""
    if request.param == "sqlite-file":
        return str(tmp_path / "station.db")
    return str(request.getfixturevalue("pg_url"))  # skips (or fails in CI) if unreachable


@pytest.fixture
def history_store(
    request: pytest.FixtureRequest,
    tmp_path: Path,
    sqlite_template: Path,  # noqa: F811 - the imported fixture
) -> str:
    """The crash tests' history (about 2,600 events): a SQLite file, or a PostgreSQL
    schema."""
    if request.param == "sqlite-file":
        return sqlite_copy(sqlite_template, tmp_path)
    url = str(request.getfixturevalue("pg_url"))
    write_history(url)
    return url


BACKENDS = ["sqlite-file", pytest.param("postgres", marks=pytest.mark.postgres)]


@pytest.fixture
def opened() -> Iterator[Callable[[str], Ledger]]:
    """Open ledgers on a store; all are closed after the test."""
    ledgers: list[Ledger] = []

    def open_ledger(store: str) -> Ledger:
        ledger = Ledger(store)
        ledgers.append(ledger)
        return ledger

    yield open_ledger
    for ledger in ledgers:
        ledger.close()


# ---- waiting, bounded -----------------------------------------------------------------------


def wait_until(done: Callable[[], bool], what: Callable[[], str]) -> None:
    """Wait (at most ``WAIT_S``) until ``done()``; fail saying ``what()`` otherwise."""
    deadline = time.monotonic() + WAIT_S
    while not done():
        if time.monotonic() > deadline:
            pytest.fail(f"not done within {WAIT_S} s: {what()}")
        time.sleep(0.01)


class Follower:
    """``ledger.follow_views`` in a background thread, its error kept for the test."""

    def __init__(self, ledger: Ledger, **kwargs: Any) -> None:
        self.ledger = ledger
        self.stop = threading.Event()
        self.errors: list[BaseException] = []
        self.thread = threading.Thread(target=self._run, kwargs=kwargs, name="view-follower")
        self.thread.start()

    def _run(self, **kwargs: Any) -> None:
        try:
            self.ledger.follow_views(self.stop, **kwargs)
        except BaseException as e:  # reported by the test
            self.errors.append(e)

    def position(self) -> int:
        return self.ledger.view_store.position(self.ledger.fund_views.name)

    def wait_for(self, head: int) -> None:
        wait_until(
            lambda: self.errors or self.position() >= head,
            lambda: f"the follower's view is at {self.position()}, the log at {head}",
        )
        assert not self.errors, self.errors
        assert self.position() == head

    def end(self) -> None:
        self.stop.set()
        self.thread.join(JOIN_S)
        assert not self.thread.is_alive(), f"the follower did not stop within {JOIN_S} s"
        assert not self.errors, self.errors


# ---- following ------------------------------------------------------------------------------


@pytest.mark.parametrize("empty_store", BACKENDS, indirect=True)
def test_a_follower_keeps_the_views_current_while_another_ledger_writes(
    empty_store: str, opened: Callable[[str], Ledger]
) -> None:
    follower_ledger, writer = opened(empty_store), opened(empty_store)
    postgres = follower_ledger.settings.kind == "postgres"
    # On PostgreSQL the polling period is never waited out: a notification must wake it.
    follower = Follower(follower_ledger, poll_s=NEVER_S if postgres else POLL_S)
    try:
        commands = history(rounds=SMALL_ROUNDS)
        chunk = len(commands) // 4
        for start in range(0, len(commands), chunk):
            writer.execute_batch(commands[start : start + chunk])
            follower.wait_for(writer.log_position())
        # Single commands, one small transaction (one notification) each.
        for n in range(5):
            writer.execute(
                ReceiveCashDonation(
                    fund_id=next(iter(FUNDS)),
                    receipt_no=f"R-single-{n}",
                    amount_fen=100 + n,
                    actor="王芳",
                    occurred_on=START,
                )
            )
            follower.wait_for(writer.log_position())
        assert dump(follower_ledger.view_store, follower_ledger.fund_views) == folded(writer)
    finally:
        follower.end()
    check_exactly_once(follower_ledger)
    assert follower_ledger.balances() == writer.balances()


@pytest.mark.parametrize("empty_store", BACKENDS, indirect=True)
def test_a_follower_stops_promptly_when_nothing_is_written(
    empty_store: str, opened: Callable[[str], Ledger]
) -> None:
    """Stopping does not wait for a notification or for the polling period."""
    ledger = opened(empty_store)
    follower = Follower(ledger, poll_s=NEVER_S)
    time.sleep(0.3)  # let it block in its wait
    started = time.monotonic()
    follower.end()
    assert time.monotonic() - started < JOIN_S


@pytest.mark.postgres
def test_a_follower_with_a_subscription_catches_up_what_was_written_before_it_started(
    pg_url: str, opened: Callable[[str], Ledger]
) -> None:
    """The subscription starts after the view's position: nothing between is missed."""
    writer = opened(pg_url)
    writer.execute_batch(history(rounds=2))
    ledger = opened(pg_url)
    ledger.view_runner.batch = 7
    ledger.view_runner.catch_up(ledger.fund_views, until=20)
    follower = Follower(ledger, poll_s=NEVER_S)
    try:
        follower.wait_for(writer.log_position())
        writer.execute_batch(history(rounds=2, seed=2, tag="x"))
        follower.wait_for(writer.log_position())
    finally:
        follower.end()
    check_exactly_once(ledger)


# ---- several runners on one view ------------------------------------------------------------


@pytest.mark.parametrize("history_store", BACKENDS, indirect=True)
def test_two_runners_catching_up_at_once_apply_each_event_once(
    history_store: str, opened: Callable[[str], Ledger]
) -> None:
    ledgers = [opened(history_store), opened(history_store)]
    for ledger, batch in zip(ledgers, (7, 5), strict=True):
        ledger.view_runner.batch = batch  # different cuts, so the batches overlap
    head = ledgers[0].log_position()
    barrier = threading.Barrier(len(ledgers))
    results: list[int | BaseException] = []

    def run(ledger: Ledger) -> None:
        try:
            barrier.wait()
            results.append(ledger.catch_up_views())
        except BaseException as e:  # reported below
            results.append(e)

    threads = [threading.Thread(target=run, args=(ledger,)) for ledger in ledgers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(WAIT_S)
    assert not any(thread.is_alive() for thread in threads), "a runner did not finish"
    assert results == [head, head]
    for ledger in ledgers:
        check_exactly_once(ledger)


class EventCounts:
    """A view of counters only (``Add``): an event applied twice would count twice.

    Unlike the fund views it has no row keyed by log position that would make a
    doubled batch collide: only the tracking position can keep it exact.
    """

    name = "event_counts"
    version = 1
    tables = (Table("event_counts", (("kind", "text"), ("n", "int")), ("kind",)),)

    def reset(self) -> None:
        """No state between events."""

    def restore(self, store: ViewStore) -> None:
        """No state between events."""

    def apply(self, event: Any, position: int, ops: list[Op]) -> None:
        ops.append(Add("event_counts", (type(event).__name__, 1)))


def counts(store: ViewStore) -> Counter[str]:
    return Counter(dict(store.query("SELECT kind, n FROM {s}event_counts")))


@pytest.fixture
def small_store(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A store with a small history: a SQLite file, or a PostgreSQL schema."""
    if request.param == "sqlite-file":
        url = str(tmp_path / "station.db")
    else:
        url = str(request.getfixturevalue("pg_url"))
    write_history(url, rounds=SMALL_ROUNDS)
    return url


@pytest.mark.parametrize("small_store", BACKENDS, indirect=True)
def test_a_batch_reaching_past_another_runners_commit_is_refused(
    small_store: str, opened: Callable[[str], Ledger]
) -> None:
    """A reads events 1..10; meanwhile B commits 1..7; A's commit of 1..10 must not land."""
    a, b = opened(small_store), opened(small_store)
    views_a, views_b = EventCounts(), EventCounts()
    runner_b = ViewRunner(b.view_store, reader(b), b.log_position, batch=7)
    interleaved: list[int] = []

    def read_a(after: int, limit: int, upto: int | None) -> list[tuple[int, Any]]:
        pairs = reader(a)(after, limit, upto)
        if not interleaved:  # once: B commits its first batch while A folds its own
            interleaved.append(runner_b.catch_up(views_b, until=7))
        return pairs

    runner_a = ViewRunner(a.view_store, read_a, a.log_position, batch=10)
    head = a.log_position()
    assert runner_a.catch_up(views_a) == head
    assert interleaved == [7]
    expected = Counter(type(event).__name__ for _, event in log(a))
    assert counts(a.view_store) == expected
    assert runner_b.catch_up(views_b) == head
    assert counts(b.view_store) == expected


class RestoreHook(FundViews):
    """Fund views that run ``hook`` once, just after restoring their state."""

    def __init__(self, hook: Callable[[], object]) -> None:
        super().__init__()
        self.hook: Callable[[], object] | None = hook

    def restore(self, store: Any) -> None:
        super().restore(store)
        hook, self.hook = self.hook, None
        if hook is not None:
            hook()


@pytest.mark.parametrize("small_store", BACKENDS, indirect=True)
def test_a_runner_restoring_while_another_commits_starts_where_its_state_is(
    small_store: str, opened: Callable[[str], Ledger]
) -> None:
    """B restores its state at 70, then A commits up to 140 before B reads its position:
    B must not fold on from 140 with the state of 70."""
    a, b = opened(small_store), opened(small_store)
    a.view_runner.batch = 7
    a.view_runner.catch_up(a.fund_views, until=70)
    views_b = RestoreHook(lambda: a.view_runner.catch_up(a.fund_views, until=140))
    runner_b = ViewRunner(b.view_store, reader(b), b.log_position, batch=7)
    assert runner_b.catch_up(views_b) == b.log_position()
    assert views_b.hook is None  # it ran
    assert dump(b.view_store, views_b) == folded(b)
    check_exactly_once(a)
