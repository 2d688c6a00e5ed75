"""A store written before text was canonical: its keys and names are read in the canonical
form, so a command typed today reaches them; ``upgrade`` lists them, and pins ``text`` once a
store holds none.

Such a store is made here the way an earlier version made it: the aggregate's own methods
called with spellings the boundary now respells (full-width codes, a space between Chinese
characters), saved straight through the ledger, and the store's ``text`` record removed.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

import sgz_ledger.service.unit_of_work
from conftest import FixedClock
from sgz_ledger import Ledger
from sgz_ledger.cli import EXIT_OK, main
from sgz_ledger.domain.aggregate import Stamp
from sgz_ledger.domain.fund import Fund

D = dt.date(2024, 3, 1)
AT = dt.datetime(2024, 3, 1, 8, tzinfo=dt.UTC)


def stamp(actor: str = "王 芳") -> Stamp:
    return Stamp(actor=actor, occurred_on=D, recorded_at=AT)


def older_store(path: Path, fund_id: str = "cz-01", gifts: int = 1) -> None:
    """Record as an earlier version could: spellings the boundary respells today."""
    ledger = Ledger(str(path), clock=FixedClock())
    fund = Fund.open(
        stamp(), fund_id=fund_id, station_id="cuizhai", community="崔寨村", name="崔寨村 基金",
        host="慈善会", approval_threshold_fen=500_000, publicity_required=False,
    )  # fmt: skip
    wide = str.maketrans("0123456789", "０１２３４５６７８９")
    for n in range(gifts):
        fund.receive_cash(
            stamp(), receipt_no=f"ＪＺ－{n:03d}".translate(wide), donor="某　公司",
            restriction="助学（春季）", amount_fen=100_000, note="",
        )  # fmt: skip
    ledger.save(fund)
    ledger.close()
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("DELETE FROM event_chain_meta WHERE name = 'text'")
    conn.close()


def test_keys_recorded_in_another_spelling_are_reached_in_the_canonical_one(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.db"
    older_store(path)
    ledger = Ledger(str(path), clock=FixedClock())
    try:
        [fund] = ledger.balances()
        assert [r.restriction for r in fund.restrictions] == ["助学(春季)"]
        # A refund typed today finds the gift recorded as ＪＺ－０００.
        ledger.refund_donation(
            fund_id="cz-01", refund_id="TK-1", receipt_no="JZ-000", amount="100",
            reason="多转", actor="王芳", occurred_on=D,
        )  # fmt: skip
        # Spending from the restriction recorded with full-width brackets.
        ledger.request_disbursement(
            fund_id="cz-01", request_id="SQ-1", amount="300", purpose="学习用品",
            restriction="助学(春季)", payee="文具店", actor="李强", occurred_on=D,
        )  # fmt: skip
        # "王 芳" (recorded) and "王芳" (typed) are one person: she may not approve her
        # own request... but she did not make it (李强 did), so she may.
        ledger.approve_disbursement(fund_id="cz-01", request_id="SQ-1", actor="王芳", occurred_on=D)
        [fund] = ledger.balances()
        assert fund.total_fen == 90_000
        assert fund.restrictions[0].available_fen == 60_000
        assert ledger.verify().ok  # the stored bytes, and so the chain, are as recorded
        from sgz_ledger.audit.replay import audit

        assert audit(ledger).ok
    finally:
        ledger.close()


def test_a_requester_recorded_with_a_space_cannot_approve_as_typed_today(tmp_path: Path) -> None:
    from sgz_ledger import ApprovalRefused, LedgerError

    path = tmp_path / "old.db"
    older_store(path)
    raw = Ledger(str(path), clock=FixedClock())
    fund = raw.fund("cz-01")  # read as the canonical form
    raw.close()
    assert fund.state.opened is not None
    assert fund.state.opened.actor == "王芳"
    ledger = Ledger(str(path), clock=FixedClock())
    try:
        ledger.request_disbursement(
            fund_id="cz-01", request_id="SQ-1", amount="300", purpose="学习用品",
            restriction="助学(春季)", payee="文具店", actor="李强", occurred_on=D,
        )  # fmt: skip
        with pytest.raises((ApprovalRefused, LedgerError)):
            ledger.approve_disbursement(
                fund_id="cz-01", request_id="SQ-1", actor="李 强", occurred_on=D
            )
    finally:
        ledger.close()


def test_upgrade_lists_what_it_respells_and_pins_text_only_when_nothing_is(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "old.db"
    older_store(path)
    assert main(["--store", str(path), "upgrade", "--json"]) == EXIT_OK
    import json

    report = json.loads(capsys.readouterr().out)
    assert "text" not in report["pinned"]
    fields = {(r["field"], r["recorded"], r["read"]) for r in report["respelt"]}
    assert ("receipt_no", "ＪＺ－０００", "JZ-000") in fields
    assert ("restriction", "助学（春季）", "助学(春季)") in fields
    assert ("actor", "王 芳", "王芳") in fields
    assert report["respelt_count"] == len(report["respelt"])
    # A store whose every key is canonical is pinned, and then read as decoded.
    clean = tmp_path / "clean.db"
    Ledger(str(clean)).close()
    ledger = Ledger(str(clean))
    ledger.open_fund(
        fund_id="F1", station_id="S1", community="朝阳社区", name="朝阳社区基金", host="区慈善会",
        approval_threshold="0", actor="王芳", occurred_on=D,
    )  # fmt: skip
    ledger.close()
    conn = sqlite3.connect(clean)
    with conn:
        conn.execute("DELETE FROM event_chain_meta WHERE name = 'text'")
    conn.close()
    assert main(["--store", str(clean), "upgrade", "--json"]) == EXIT_OK
    report = json.loads(capsys.readouterr().out)
    assert report["pinned"]["text"] == "canonical-v1"
    assert report["respelt_count"] == 0
    ledger = Ledger(str(clean))
    assert ledger.mapper.normalise is None  # type: ignore[attr-defined]
    ledger.close()


def test_an_aggregate_code_in_another_spelling_is_listed_not_respelt(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "old.db"
    older_store(path, fund_id="ＣＺ－０１")
    assert main(["--store", str(path), "upgrade"]) == EXIT_OK
    out = capsys.readouterr().out
    assert "ＣＺ－０１" in out
    assert "(as recorded)" in out
    ledger = Ledger(str(path), read_only=True)
    try:
        assert [f.fund_id for f in ledger.balances()] == ["ＣＺ－０１"]
    finally:
        ledger.close()


def test_an_older_stores_snapshots_are_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A snapshot holds the spellings as recorded: an older store's fund is folded from its
    events (a snapshot decoded would hand the aggregate two spellings of one receipt)."""
    monkeypatch.setattr(sgz_ledger.service.unit_of_work, "SNAPSHOT_INTERVAL", 2)
    path = tmp_path / "old.db"
    ledger = Ledger(str(path), clock=FixedClock())
    ledger.open_fund(
        fund_id="cz-01", station_id="cuizhai", community="崔寨村", name="崔寨村基金",
        host="慈善会", approval_threshold="0", publicity_required=False, actor="王芳",
        occurred_on=D,
    )  # fmt: skip
    for n in range(4):
        ledger.receive_cash(
            fund_id="cz-01", receipt_no=f"R-{n}", amount="10", actor="王芳", occurred_on=D
        )
    ledger.close()
    conn = sqlite3.connect(path)
    with conn:
        assert conn.execute("SELECT COUNT(*) FROM stored_snapshots").fetchone()[0] >= 1
        conn.execute("DELETE FROM event_chain_meta WHERE name = 'text'")
    conn.close()
    again = Ledger(str(path), clock=FixedClock())
    try:
        fund = again.fund("cz-01")
        assert sorted(fund.state.donations) == ["R-0", "R-1", "R-2", "R-3"]
    finally:
        again.close()
