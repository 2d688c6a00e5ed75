"""Snapshots nest events, so any event schema change must retire old snapshots."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from conftest import D, open_test_fund
from sgz_ledger import Ledger
from sgz_ledger.domain.events import FundEvent
from sgz_ledger.domain.fund import FundSnapshot
from sgz_ledger.storage.codec import DEFAULT_EVENT_TYPES, event_name

# FundSnapshot nests fund events. When this table changes, bump FundSnapshot.version
# in the same commit, then update both here. Old snapshots are then ignored and
# funds rebuilt from events.
PINNED_NAMES = {
    "FundOpened.v1",
    "CashDonationReceived.v1",
    "InKindDonationReceived.v1",
    "GoodsDistributed.v1",
    "GoodsSold.v1",
    "DonationRefunded.v1",
    "DonationReversed.v1",
    "PaymentReversed.v1",
    "RestrictionReleased.v1",
    "PurposeChanged.v1",
    "DisbursementRequested.v1",
    "DisbursementApproved.v1",
    "DisbursementPublicized.v1",
    "DisbursementPaid.v1",
    "DisbursementRejected.v1",
    "DisbursementCancelled.v1",
    "FundTransferredOut.v1",
    "FundTransferredIn.v1",
    "FundClosed.v1",
    # A new event class, and a new field with a default: older snapshots still decode as
    # they were (they hold no pledge), so the snapshot's version stays.
    "PledgeRecorded.v1",
    "FundSnapshot.v1",
}


def test_event_versions_are_pinned_with_the_snapshot_version() -> None:
    nested = [cls for cls in DEFAULT_EVENT_TYPES if issubclass(cls, FundEvent)]
    assert {event_name(cls) for cls in [*nested, FundSnapshot]} == PINNED_NAMES
    assert event_name(FundSnapshot) == "FundSnapshot.v1"


def test_an_unreadable_snapshot_is_ignored_and_the_fund_rebuilt_from_events(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A snapshot whose stored name is no longer registered (older schema) is a cache miss."""
    monkeypatch.setattr("sgz_ledger.service.unit_of_work.SNAPSHOT_INTERVAL", 3)
    path = tmp_path / "station.db"
    ledger = Ledger(str(path))
    open_test_fund(ledger)
    for n in range(5):
        ledger.receive_cash(
            fund_id="cz-village",
            receipt_no=f"R-{n}",
            amount_fen=100 + n,
            actor="王芳",
            occurred_on=D,
        )
    expected = ledger.fund("cz-village").state
    ledger.close()
    with sqlite3.connect(path) as db:
        stored = db.execute("SELECT DISTINCT topic FROM stored_snapshots").fetchall()
        assert stored == [("FundSnapshot.v1",)]
        db.execute("UPDATE stored_snapshots SET topic = 'FundSnapshot.v0'")
    again = Ledger(str(path), clock=lambda: dt.datetime(2024, 5, 1, tzinfo=dt.UTC))
    assert again.fund("cz-village").state == expected
    assert again.balances()[0].total_fen == sum(100 + n for n in range(5))  # int = fen
    again.close()


def test_snapshots_are_taken_when_a_fund_s_event_count_doubles(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A fund's snapshot is as large as its history: taken at the first point and then at
    each doubling, the snapshots hold that history at most twice over, never N-fold."""
    from sgz_ledger.service.unit_of_work import _snapshot_due

    monkeypatch.setattr("sgz_ledger.service.unit_of_work.SNAPSHOT_INTERVAL", 4)
    due = [version for version in range(1, 70) if _snapshot_due(version - 1, version)]
    assert due == [4, 8, 16, 32, 64]
    assert _snapshot_due(3, 20)  # a batch crossing several points takes one snapshot
    assert not _snapshot_due(16, 31)
