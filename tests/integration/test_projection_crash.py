"""The fund views survive a crash anywhere in a catch-up: every event applied exactly once.

A few thousand fund events are recorded first, through the public ``Ledger`` API (four
funds at three stations; cash and in-kind gifts, restricted and unrestricted; refunds;
disbursements requested, approved by one or two people, paid or cancelled; goods given
out; business dates going back and forth, so late entries make ``CarryAdd`` rows). Then a
child process (this interpreter, running a script written to ``tmp_path``) opens a
``Ledger`` on the store and catches the fund views up in batches of 7 events, and dies:

* ``SIGKILL`` from this process at a random moment (a random time after a random
  committed position), wherever the child happens to be;
* ``os._exit`` at a chosen point of its n-th commit: in the open transaction before
  anything is written, after the position moved (the commit's first write), half-way
  through the rows, after every row but before COMMIT, and just after COMMIT.

After each crash the store holds whole batches only: the view tables equal a fold of the
log up to the stored position, and after ``os._exit`` that position is exactly the last
batch that committed. A new ``Ledger`` then catches up and the views equal a full rebuild
into a fresh store, the balances equal the direct fold (``BalancesProjection``) of the
stored events, and there is one statement line per fund event: nothing lost, nothing
applied twice. SQLite (a file) always runs; PostgreSQL (a schema per test) when the test
server answers.

The helpers here (the history, ``dump``, ``folded``, ``check_exactly_once``) are also used
by ``test_view_follow.py``.
"""

from __future__ import annotations

import datetime as dt
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from sgz_ledger import (
    ApproveDisbursement,
    CancelDisbursement,
    Command,
    DistributeGoods,
    Ledger,
    OpenFund,
    PayDisbursement,
    ReceiveCashDonation,
    ReceiveGoodsDonation,
    RefundDonation,
    RequestDisbursement,
)
from sgz_ledger.domain.events import FundClosed, FundEvent
from sgz_ledger.projections.balances import BalancesProjection
from sgz_ledger.projections.framework import ViewRunner, ViewStore
from sgz_ledger.projections.fund_views import FundViews
from sgz_ledger.reports.balances import folded_balances
from sgz_ledger.storage.factory import private_view_backend
from view_support import dump, log, reader

# ---- a history of a few thousand fund events ------------------------------------------------

FUNDS = {"F1": "S1", "F2": "S1", "F3": "S2", "F4": "S3"}
RESTRICTIONS = ("", "助学", "助老")
PEOPLE = ("王芳", "李强", "张敏")
START = dt.date(2024, 3, 1)
NEXT_DAY_SHARE = 0.2  # of entries dated a day after the one before
LATE_SHARE = 0.1  # of entries recorded late, dated back ...
LATE_DAYS_MAX = 20  # ... by up to this many days
ROUNDS = 100  # per fund; about 2,600 events in all
HISTORY_SEED = 20240301
AMOUNT_FEN_MIN, AMOUNT_FEN_MAX = 1_000, 50_000
# One approver up to the fund's threshold, two above it.
THRESHOLDS_FEN = {"F1": 0, "F2": 2_000, "F3": 10_000_000, "F4": 2_000}


def history(seed: int = HISTORY_SEED, rounds: int = ROUNDS, *, tag: str = "") -> list[Command]:
    """Valid fund commands, the same for the same seed (every one is recorded).

    Each round of each fund: a cash gift, a partial refund of it, a disbursement of
    half of it (requested, approved, paid; every fifth cancelled instead), and every
    third round goods received and some given out. ``tag`` makes the keys of a second
    history on the same funds distinct (the funds are opened only when it is empty).
    """
    rng = random.Random(seed)
    today = START

    def day() -> dt.date:
        # Business days mostly move on; some entries are recorded late, dated back.
        nonlocal today
        today += dt.timedelta(days=rng.random() < NEXT_DAY_SHARE)
        if rng.random() < LATE_SHARE:
            return today - dt.timedelta(days=rng.randint(1, LATE_DAYS_MAX))
        return today

    commands: list[Command] = []
    for code, station in FUNDS.items():
        if not tag:
            commands.append(
                OpenFund(
                    fund_id=code,
                    station_id=station,
                    community=f"{code}村",
                    name=f"{code}社区基金",
                    host="区慈善会",
                    approval_threshold_fen=THRESHOLDS_FEN[code],
                    publicity_required=False,
                    actor="王芳",
                    occurred_on=START - dt.timedelta(days=LATE_DAYS_MAX),
                )
            )
    for r in range(rounds):
        for code in FUNDS:
            key = f"{code}-{tag}{r}"
            restriction = rng.choice(RESTRICTIONS)
            amount_fen = rng.randint(AMOUNT_FEN_MIN, AMOUNT_FEN_MAX)
            requester, approver, second = rng.sample(PEOPLE, 3)
            gift_day = day()
            commands.append(
                ReceiveCashDonation(
                    fund_id=code,
                    receipt_no=f"R-{key}",
                    amount_fen=amount_fen,
                    donor=rng.choice((None, "某公司", "陈女士")),
                    restriction=restriction,
                    actor=requester,
                    occurred_on=gift_day,
                )
            )
            # The steps of one entry are dated in order (a refund not before its gift...);
            # the entries themselves are often dated back (late).
            commands.append(
                RefundDonation(
                    fund_id=code,
                    refund_id=f"RF-{key}",
                    receipt_no=f"R-{key}",
                    amount_fen=amount_fen // 10,
                    reason="捐赠人要求退回",
                    actor=approver,
                    occurred_on=max(gift_day, day()),
                )
            )
            request_id = f"Q-{key}"
            step_day = day()
            commands.append(
                RequestDisbursement(
                    fund_id=code,
                    request_id=request_id,
                    amount_fen=amount_fen // 2,
                    purpose="慰问困难老人",
                    payee="社区超市",
                    restriction=restriction,
                    actor=requester,
                    occurred_on=step_day,
                )
            )
            approvers = (
                (approver, second) if amount_fen // 2 > THRESHOLDS_FEN[code] else (approver,)
            )
            for person in approvers:
                step_day = max(step_day, day())
                commands.append(
                    ApproveDisbursement(
                        fund_id=code, request_id=request_id, actor=person, occurred_on=step_day
                    )
                )
            if r % 5 == 4:
                commands.append(
                    CancelDisbursement(
                        fund_id=code,
                        request_id=request_id,
                        reason="不符合条件",
                        actor=approver,
                        occurred_on=max(step_day, day()),
                    )
                )
            else:
                commands.append(
                    PayDisbursement(
                        fund_id=code,
                        request_id=request_id,
                        voucher_no=f"V-{key}",
                        actor=approver,
                        occurred_on=max(step_day, day()),
                    )
                )
            if r % 3 == 0:
                commands.append(
                    ReceiveGoodsDonation(
                        fund_id=code,
                        receipt_no=f"G-{key}",
                        items=[
                            {
                                "item": "泡面",
                                "quantity": 10,
                                "unit": "箱",
                                "value_fen": 3_000,
                                "basis": "document",
                            }
                        ],
                        restriction=restriction,
                        actor=requester,
                        occurred_on=day(),
                    )
                )
                commands.append(
                    DistributeGoods(
                        fund_id=code,
                        distribution_id=f"D-{key}",
                        item="泡面",
                        unit="箱",
                        restriction=restriction,
                        quantity=rng.randint(1, 10),
                        recipient="困难户",
                        signed_off_by="社区主任",
                        purpose="慰问",
                        actor=approver,
                        occurred_on=day(),
                    )
                )
    return commands


def write_history(store: str, **kwargs: Any) -> int:
    """Record ``history(**kwargs)`` on ``store`` in one batch; returns the log's head."""
    ledger = Ledger(store)
    try:
        ledger.execute_batch(history(**kwargs))
        return ledger.log_position()
    finally:
        ledger.close()


# ---- the views folded in one go --------------------------------------------------------------


def folded(ledger: Ledger, until: int | None = None) -> dict[str, list[tuple[Any, ...]]]:
    """The views folded from the log (up to ``until``) in one go, into a fresh store."""
    store = ViewStore(private_view_backend())  # a private in-memory SQLite database
    try:
        views = FundViews()
        runner = ViewRunner(store, reader(ledger), ledger.log_position, batch=1_000_000)
        runner.catch_up(views, until=until)
        return dump(store, views)
    finally:
        store.close()


def check_exactly_once(ledger: Ledger) -> None:
    """The views, brought up to date, are the log folded once: no event lost or doubled."""
    head = ledger.log_position()
    assert ledger.catch_up_views() == head
    assert ledger.view_store.position(ledger.fund_views.name) == head
    assert ledger.view_runner.lag(ledger.fund_views) == 0
    assert dump(ledger.view_store, ledger.fund_views) == folded(ledger)

    pairs = log(ledger)
    projection = BalancesProjection()
    for _, event in pairs:
        if isinstance(event, FundEvent):
            projection.apply(event)
    assert ledger.balances() == folded_balances(projection)
    # Each fund's opening is at its first event's position, and a closing at its last.
    first: dict[Any, int] = {}
    last: dict[Any, tuple[int, Any]] = {}
    for position, event in pairs:
        if isinstance(event, FundEvent):
            first.setdefault(event.originator_id, position)
            last[event.originator_id] = (position, event)
    rows = ledger.view_store.query("SELECT fund_id, opened_position, closed_position FROM {s}funds")
    assert sorted(opened for _, opened, _ in rows) == sorted(first.values())
    closed = sorted(p for p, e in last.values() if isinstance(e, FundClosed))
    assert sorted(c for _, _, c in rows if c) == closed


def check_whole_batches(ledger: Ledger) -> int:
    """The tables hold exactly the log folded up to the stored position; returns it."""
    position = ledger.view_store.position(ledger.fund_views.name)
    # ensure() once, so that dump sees the tables even if the crash came before any commit.
    ledger.view_store.ensure(ledger.fund_views)
    assert dump(ledger.view_store, ledger.fund_views) == folded(ledger, until=position)
    return position


# ---- the crashing child ---------------------------------------------------------------------

CRASH_EXIT = 77
BATCH = 7
CHILD_TIMEOUT_S = 120
# A pipe holds 64 KiB on Linux: 16 progress lines, so at most 16 commits unread.
PROGRESS_LINE_BYTES = 4096

CHILD = textwrap.dedent(
    """
    import os
    import sys

    from sgz_ledger import Ledger
    from sgz_ledger.projections.framework import ViewStore

    store, point, nth, batch = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    ledger = Ledger(store)
    # Ordinary and bulk batches alike (a catch-up of more than a batch is a bulk load).
    ledger.view_runner.batch = ledger.view_runner.bulk_batch = batch
    commits = 0
    armed = False

    def die(at):
        if armed and point == at:
            os._exit({exit})

    commit = ViewStore.commit

    def counted_commit(self, projection, ops, position, **kwargs):
        global commits, armed
        commits += 1
        armed = commits == nth
        commit(self, projection, ops, position, **kwargs)
        die("after-commit")
        # Progress, for the parent's SIGKILL. Lines this long fill the pipe after a few
        # commits, so the child never runs far ahead of what the parent has read.
        print(str(position).ljust({line_bytes}), flush=True)

    ViewStore.commit = counted_commit
    statements = ViewStore._statements

    def crashing_statements(self, tables, ops):
        produced = list(statements(self, tables, ops))
        for i, statement in enumerate(produced):
            # The caller executes each statement before asking for the next.
            if i == len(produced) // 2:
                die("mid-rows")
            yield statement
        die("after-rows")  # every row written, not yet committed

    ViewStore._statements = crashing_statements
    move_position = ViewStore._move_position

    def crashing_move_position(self, *args):
        die("before-position")  # the transaction is open, nothing written
        move_position(self, *args)
        die("after-position")

    ViewStore._move_position = crashing_move_position

    print("ready", flush=True)
    ledger.catch_up_views()
    sys.exit(0)  # the catch-up ended without a crash
    """
).format(exit=CRASH_EXIT, line_bytes=PROGRESS_LINE_BYTES)


def child(tmp_path: Path, store: str, point: str, nth: int) -> None:
    """Run the child script; it must die by ``os._exit`` at ``point`` of its ``nth`` commit."""
    script = tmp_path / "view_catch_up.py"
    script.write_text(CHILD, encoding="utf-8")
    done = subprocess.run(  # noqa: S603 - our own script, run by this interpreter
        [sys.executable, str(script), store, point, str(nth), str(BATCH)],
        capture_output=True,
        text=True,
        timeout=CHILD_TIMEOUT_S,
        check=False,
    )
    assert done.returncode == CRASH_EXIT, (done.returncode, done.stderr[-3000:])


def killed_child(tmp_path: Path, store: str, after_position: int, delay_s: float) -> None:
    """Run the child script, SIGKILL it ``delay_s`` after it has committed ``after_position``."""
    script = tmp_path / "view_catch_up.py"
    script.write_text(CHILD, encoding="utf-8")
    process = subprocess.Popen(  # noqa: S603 - our own script, run by this interpreter
        [sys.executable, str(script), store, "never", "0", str(BATCH)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        deadline = time.monotonic() + CHILD_TIMEOUT_S
        for line in process.stdout:
            if line.strip() != "ready" and int(line) >= after_position:
                break
            assert time.monotonic() < deadline, "the child made no progress"
        else:
            process.wait(timeout=CHILD_TIMEOUT_S)
            stderr = process.stderr.read() if process.stderr else ""
            pytest.fail(f"the child ended ({process.returncode}) before the kill: {stderr}")
        time.sleep(delay_s)
        process.send_signal(signal.SIGKILL)
        assert process.wait(timeout=CHILD_TIMEOUT_S) == -signal.SIGKILL
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        for stream in (process.stdout, process.stderr):
            if stream is not None:
                stream.close()


def expected_position(positions: list[int], start: int, commits: int) -> int:
    """The log position after ``commits`` whole batches from ``start`` (0: none yet)."""
    done = positions.index(start) + 1 if start else 0
    index = min(done + commits * BATCH, len(positions))
    return positions[index - 1] if index else 0


# ---- the stores -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file holding the history, written once and copied for each test."""
    path = tmp_path_factory.mktemp("history") / "station.db"
    write_history(str(path))
    return path


def sqlite_copy(template: Path, tmp_path: Path) -> str:
    """A copy of the template store (its WAL was checkpointed when its ledger closed)."""
    path = tmp_path / "station.db"
    with closing(sqlite3.connect(template)) as source, closing(sqlite3.connect(path)) as target:
        source.backup(target)
    return str(path)


@pytest.fixture
def store(request: pytest.FixtureRequest, tmp_path: Path, sqlite_template: Path) -> str:
    """A store holding the history (parametrized indirectly): a SQLite file, or a
    PostgreSQL schema of its own. The same length on both: a shorter PostgreSQL history
    (770 events) was few enough that a catch-up through the compiled driver could reach
    the log's end in the random delay before the random-kill test's SIGKILL (seen once)."""
    if request.param == "sqlite-file":
        return sqlite_copy(sqlite_template, tmp_path)
    url = str(request.getfixturevalue("pg_url"))  # skips (or fails in CI) if unreachable
    write_history(url)
    return url


def on_postgres(*values: Any) -> Any:
    return pytest.param("postgres", *values, marks=pytest.mark.postgres)


# ---- the tests ------------------------------------------------------------------------------

POINTS = ("before-position", "after-position", "mid-rows", "after-rows", "after-commit")
COMMITTED = {"after-commit"}  # the crashing batch is in the store after these points
NTH_MAX = 30  # the crash comes in one of the child's first this many commits


@pytest.mark.parametrize(
    ("store", "point"),
    [
        *(("sqlite-file", point) for point in POINTS),
        *(on_postgres(point) for point in ("after-position", "after-rows", "after-commit")),
    ],
    indirect=["store"],
)
def test_a_crash_inside_a_commit_leaves_whole_batches(
    store: str, tmp_path: Path, point: str
) -> None:
    """A prefix of the log is folded first, so the child restores its state from the
    tables; it dies at ``point`` of its n-th commit; then a new ledger catches up."""
    rng = random.Random(point)
    ledger = Ledger(store)
    try:
        positions = [position for position, _ in log(ledger)]
        prefix = positions[rng.randrange(len(positions) // 4)]
        start = ledger.view_runner.catch_up(ledger.fund_views, until=prefix)
        nth = rng.randint(1, NTH_MAX)
        child(tmp_path, store, point, nth)
        committed = nth if point in COMMITTED else nth - 1
        position = check_whole_batches(ledger)
        assert position == expected_position(positions, start, committed), (point, nth)
        check_exactly_once(ledger)
    finally:
        ledger.close()


@pytest.mark.parametrize(
    ("store", "seed"), [("sqlite-file", 1), ("sqlite-file", 2), on_postgres(3)], indirect=["store"]
)
def test_a_catch_up_killed_at_a_random_moment_leaves_whole_batches(
    store: str, tmp_path: Path, seed: int
) -> None:
    """SIGKILL twice, each a random time after a random committed position, then catch up."""
    rng = random.Random(seed)
    ledger = Ledger(store)
    try:
        head = ledger.log_position()
        start = 0
        for _ in range(2):
            target = start + rng.randint(1, head // 4)
            killed_child(tmp_path, store, target, rng.uniform(0, 0.02))
            position = check_whole_batches(ledger)
            # Killed mid-way: at or after the position it reported, before the end.
            assert target <= position < head
            start = position
        check_exactly_once(ledger)
    finally:
        ledger.close()
