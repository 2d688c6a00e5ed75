"""A clerk with the store's file deletes the station's register of people, to act as nobody.

With its registrations gone the register is gone, and the role checks with it: a writer
opening the file next sees a station with nobody registered. What the ledger promises is
that such a store is a finding: ``verify`` names the deleted positions (exit 1) and
writes nothing, and the trail of what was recorded since shows the actors as unregistered
names beside the ids recorded before.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
from pathlib import Path

import pytest

from conftest import FixedClock
from sgz_ledger import Ledger
from sgz_ledger.audit.trail import trail
from sgz_ledger.cli import EXIT_FINDING, main

D = dt.date(2024, 3, 1)


def _registered_station(store: str) -> None:
    ledger = Ledger(store, create=True, clock=FixedClock())
    try:
        staff = [
            ("A-01", "刘军", "admin", "刘军"),
            ("P-01", "王芳", "clerk", "A-01"),
            ("P-03", "张敏", "committee", "A-01"),
        ]
        for person_id, name, role, actor in staff:
            ledger.add_person(station_id="cz", person_id=person_id, name=name, roles=[role],
                              actor=actor, occurred_on=D)  # fmt: skip
        ledger.open_fund(fund_id="F", station_id="cz", community="崔寨村", name="崔寨村社区基金",
                         host="济南市慈善总会", approval_threshold="5000",
                         publicity_required=False, actor="A-01", occurred_on=D)  # fmt: skip
        ledger.receive_cash(fund_id="F", receipt_no="JZ-1", amount="1000", donor="某企业",
                            actor="王芳", occurred_on=D)  # fmt: skip
        ledger.request_disbursement(fund_id="F", request_id="SQ-1", amount="100",
                                    purpose="学习用品", payee="某文具店", actor="王芳",
                                    occurred_on=D)  # fmt: skip
    finally:
        ledger.close()


def _digest(path: str) -> str:
    h = hashlib.sha256()
    for name in (path, path + "-wal"):
        if Path(name).exists():
            h.update(Path(name).read_bytes())
    return h.hexdigest()


def test_a_deleted_register_is_a_finding(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = str(tmp_path / "station.db")
    _registered_station(store)
    conn = sqlite3.connect(store)
    with conn:
        deleted = conn.execute(
            "DELETE FROM stored_events WHERE topic LIKE 'PersonAdded.%'"
        ).rowcount
    conn.close()
    assert deleted == 3
    # With the register gone, the clerk approves as a name nobody registered.
    ledger = Ledger(store, clock=FixedClock(dt.datetime(2025, 3, 1, tzinfo=dt.UTC)))
    try:
        ledger.approve_disbursement(fund_id="F", request_id="SQ-1", actor="王芳的朋友",
                                    occurred_on=D)  # fmt: skip
        actors = [e.actor for e in trail(ledger, fund_id="F")]
    finally:
        ledger.close()
    # The trail shows it: ids of registered people before, an unregistered name after.
    assert actors[-1] == "王芳的朋友（未登记 unregistered）"
    assert all("未登记" in a for a in actors)  # the register's names are gone with it
    before = _digest(store)
    assert main(["--store", store, "verify"]) == EXIT_FINDING
    out = capsys.readouterr().out
    assert "position 1 (removed)" in out
    assert _digest(store) == before  # verify wrote nothing
