"""Writers that start together on a new PostgreSQL store: each creates the tables it needs.

A district's stations may all start at once against an empty schema. PostgreSQL's
``CREATE ... IF NOT EXISTS`` run by several sessions at once can fail ("tuple concurrently
updated"), so the ledger creates a schema's tables one process at a time
(``storage.postgres.ddl_turn``). Here several processes, released together, open one new
store and each records a fund and a volunteer: every one must succeed.
"""

from __future__ import annotations

import subprocess
import sys
import time

import pytest

from sgz_ledger import Ledger

pytestmark = pytest.mark.postgres

WRITERS = 8

# Each writer waits for the same moment, then opens the store (creating its tables, its
# views' tables and its snapshots' table) and records a fund and a volunteer.
WRITER = """
import datetime as dt, sys, time, warnings
from sgz_ledger import Ledger, PersonalDataInClearWarning
warnings.simplefilter("ignore", PersonalDataInClearWarning)
url, start, n = sys.argv[1], float(sys.argv[2]), sys.argv[3]
while time.time() < start:
    pass
with Ledger(url) as ledger:
    ledger.open_fund(
        fund_id=f"F-{n}", station_id=f"s{n}", community="村", name=f"基金{n}",
        host="慈善总会", approval_threshold="5000", actor="王芳",
        occurred_on=dt.date(2024, 1, 8),
    )
    # A volunteer's name: the first personal data, whose keys' table is made on first use.
    ledger.register_volunteer(
        volunteer_id=f"V-{n}", station_id=f"s{n}", name="王小明", consent=True,
        registered_on=dt.date(2024, 1, 8), actor="王芳", occurred_on=dt.date(2024, 1, 8),
    )
    ledger.balances()
"""


@pytest.mark.parametrize("attempt", range(3))
def test_writers_starting_together_on_a_new_store_all_open_it(pg_url: str, attempt: int) -> None:
    start = time.time() + 3  # after every interpreter has started
    writers = [
        subprocess.Popen(  # noqa: S603 - our own script, run by this interpreter
            [sys.executable, "-c", WRITER, pg_url, str(start), str(n)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(WRITERS)
    ]
    failures = []
    for writer in writers:
        _, err = writer.communicate(timeout=120)
        if writer.returncode != 0:
            failures.append(err[-2000:])
    assert not failures, failures[0]
    with Ledger(pg_url, read_only=True) as ledger:
        assert sorted(f.fund_id for f in ledger.balances()) == [f"F-{n}" for n in range(WRITERS)]
