"""Shared fixtures: the backend matrix (memory, SQLite memory and file, PostgreSQL) and a clock.

PostgreSQL tests use the server at 127.0.0.1:5432 (database ``test``, user
``postgres``), each in a schema of its own that is dropped afterwards. Where no
server answers they are skipped with the reason, except in CI (``CI`` set), where
they fail: CI must really run them.
"""

from __future__ import annotations

import datetime as dt
import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from sgz_ledger import Ledger

PG_HOST = "127.0.0.1"
PG_PORT = 5432
PG_DB = "test"
PG_USER = "postgres"

_pg_state: dict[str, str | None] = {}


@pytest.fixture(autouse=True)
def english_messages(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test reads the messages in English (what their substrings are written in),
    the command line's included, whose own default is Chinese; the tests of the languages
    (tests/unit/test_messages.py, tests/integration/test_cli_languages.py) set theirs."""
    monkeypatch.setenv("SGZ_LEDGER_LANG", "en")


def postgres_unreachable_reason() -> str | None:
    """``None`` when the test server answers, else why not (checked once per run)."""
    if "reason" not in _pg_state:
        try:
            import psycopg

            with psycopg.connect(
                host=PG_HOST, port=PG_PORT, dbname=PG_DB, user=PG_USER, connect_timeout=3
            ) as conn:
                conn.execute("SELECT 1")
            _pg_state["reason"] = None
        except Exception as e:  # any failure means "not reachable" here
            _pg_state["reason"] = f"PostgreSQL at {PG_HOST}:{PG_PORT}/{PG_DB} unreachable: {e}"
    return _pg_state["reason"]


def require_postgres() -> None:
    """Skip (locally) or fail (in CI) when the PostgreSQL test server is not reachable."""
    reason = postgres_unreachable_reason()
    if reason is None:
        return
    if os.environ.get("CI"):
        pytest.fail(f"CI must run the PostgreSQL tests: {reason}")
    pytest.skip(reason)


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A PostgreSQL store URL in a fresh schema, dropped after the test."""
    require_postgres()
    import psycopg

    schema = f"t_{uuid.uuid4().hex[:16]}"
    with psycopg.connect(host=PG_HOST, port=PG_PORT, dbname=PG_DB, user=PG_USER) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    try:
        yield f"postgresql://{PG_USER}@{PG_HOST}:{PG_PORT}/{PG_DB}?schema={schema}"
    finally:
        with psycopg.connect(host=PG_HOST, port=PG_PORT, dbname=PG_DB, user=PG_USER) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


class FixedClock:
    """A deterministic recording clock: starts at a fixed instant, one second per call."""

    def __init__(self, start: dt.datetime | None = None) -> None:
        self.now = start or dt.datetime(2025, 2, 1, 8, 0, tzinfo=dt.UTC)

    def __call__(self) -> dt.datetime:
        self.now += dt.timedelta(seconds=1)
        return self.now


BACKENDS = ["memory", "sqlite-memory", "sqlite-file", "postgres"]


@pytest.fixture(params=BACKENDS)
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Each backend in turn: ``memory:``, SQLite in memory, a SQLite file, PostgreSQL."""
    kind = request.param
    if kind == "memory":
        return "memory:"
    if kind == "sqlite-memory":
        return "sqlite::memory:"
    if kind == "sqlite-file":
        return str(tmp_path / "station.db")
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture
def clock() -> FixedClock:
    """A fresh deterministic clock."""
    return FixedClock()


@pytest.fixture
def open_ledger(store_url: str, clock: FixedClock) -> Iterator[Callable[[], Ledger]]:
    """Open (another) Ledger on the test's store; all are closed afterwards.

    For the two in-memory stores a second ledger cannot see the first one's
    events, so tests that reopen a store call ``reopenable(store_url)`` first.
    """
    opened: list[Ledger] = []

    def factory() -> Ledger:
        ledger = Ledger(store_url, clock=clock)
        opened.append(ledger)
        return ledger

    yield factory
    for ledger in opened:
        ledger.close()


@pytest.fixture
def ledger(open_ledger: Callable[[], Ledger]) -> Ledger:
    """A fresh Ledger on each backend."""
    return open_ledger()


def reopenable(store_url: str) -> bool:
    """Whether a second Ledger on ``store_url`` sees the first one's events."""
    return store_url not in ("memory:", "sqlite::memory:")


D = dt.date(2024, 3, 1)


def open_test_fund(
    ledger: Ledger,
    fund_id: str = "cz-village",
    *,
    threshold: str = "5000",
    publicity_required: bool = False,
    station_id: str = "cuizhai",
) -> None:
    """Open a fund with ordinary settings (threshold 5000 yuan, no 公示 required)."""
    ledger.open_fund(
        fund_id=fund_id,
        station_id=station_id,
        community="崔寨村",
        name="崔寨村社区基金",
        host="济南市慈善总会",
        approval_threshold=threshold,
        publicity_required=publicity_required,
        actor="王芳",
        occurred_on=D,
    )
