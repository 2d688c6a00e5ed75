"""Stores for state machines: a temporary SQLite file, or a PostgreSQL schema of its own.

Mixed in before a ``RuleBasedStateMachine`` whose ``store()`` gives the ledger's store
and whose ``teardown()`` closes the ledger: each example gets a fresh store, removed
(or dropped) after the machine's own teardown.
"""

from __future__ import annotations

import shutil
import tempfile
import uuid
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, settings

from conftest import PG_DB, PG_HOST, PG_PORT, PG_USER

__all__ = ["PostgresSchemaStore", "SqliteFileStore", "machine_settings"]


class SqliteFileStore:
    """A SQLite file in a temporary folder, removed after the example."""

    def store(self) -> str:
        self.folder = tempfile.mkdtemp(prefix="sgz-machine-")
        return str(Path(self.folder) / "station.db")

    def teardown(self) -> None:
        try:
            super().teardown()  # type: ignore[misc]
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)


class PostgresSchemaStore:
    """A PostgreSQL schema of its own, dropped after the example."""

    def store(self) -> str:
        import psycopg

        self.schema = f"t_{uuid.uuid4().hex[:16]}"
        with psycopg.connect(host=PG_HOST, port=PG_PORT, dbname=PG_DB, user=PG_USER) as conn:
            conn.execute(f'CREATE SCHEMA "{self.schema}"')
        return f"postgresql://{PG_USER}@{PG_HOST}:{PG_PORT}/{PG_DB}?schema={self.schema}"

    def teardown(self) -> None:
        import psycopg

        try:
            super().teardown()  # type: ignore[misc]
        finally:
            with psycopg.connect(host=PG_HOST, port=PG_PORT, dbname=PG_DB, user=PG_USER) as conn:
                conn.execute(f'DROP SCHEMA "{self.schema}" CASCADE')


def machine_settings(max_examples: int, steps: int = 30, **more: Any) -> settings:
    """Explicit settings, so a run does not depend on a profile: no deadline (a store's
    first write may be slow), ``steps`` steps, and slow data generation tolerated."""
    return settings(
        max_examples=max_examples,
        stateful_step_count=steps,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
        **more,
    )
