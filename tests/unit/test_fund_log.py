"""A fund's history folded from its events: entries, their changes, and day balances.

``projections.fund_log`` is what statements, disclosures, donor summaries, the annual
report and the CSV export read instead of a table of statement lines. Its entries carry
each event's signed change to cash, reservations, in-kind value and each restriction's
counters, and a day's balance is the sum of the changes dated up to it (the views' day
index, compared here on a history with a backdated gift and moves between restrictions).
"""

from __future__ import annotations

import datetime as dt
import gc

import pytest

from conftest import FixedClock
from reports_support import on, record_small_year
from sgz_ledger import Ledger
from sgz_ledger.projections.fund_log import Counters, FundEntry, fund_history
from sgz_ledger.reports.balances import fund_log_reader
from sgz_ledger.reports.funds import balances_on_day


@pytest.fixture
def year() -> Ledger:
    ledger = Ledger("memory:", clock=FixedClock(dt.datetime(2025, 1, 2, tzinfo=dt.UTC)))
    record_small_year(ledger)
    return ledger


def test_every_event_is_an_entry_in_log_order_with_its_changes(year: Ledger) -> None:
    pairs = year.fund_events("F-A")
    history = fund_history(pairs)
    assert history is not None
    assert [e.position for e in history.entries] == [p for p, _ in pairs]
    assert history.info.fund_id == "F-A"
    assert history.info.opened_on == pairs[0][1].occurred_on
    # Each entry's cash change is the sum of its restrictions' total changes.
    for e in history.entries:
        totals = sum(c[0] - c[1] - c[2] + c[5] - c[6] for _, c in e.changes)
        assert e.cash_fen == totals, e
        assert e.reserved_fen == sum(c[3] - c[2] - c[4] for _, c in e.changes), e
        # A move between restrictions changes no cash; it moves moved_fen.
        if e.kind in ("restriction_released", "purpose_changed"):
            assert e.cash_fen == 0
            assert e.moved_fen > 0
        else:
            assert e.moved_fen == 0
    assert sum(e.in_kind_fen for e in history.entries) == history.in_kind_held()
    # Untracked by the cyclic garbage collector (thousands a big fund).
    assert not gc.is_tracked(history.entries[0])
    assert FundEntry.__struct_config__.gc is False


def test_a_days_counters_are_those_from_the_checkpoints(year: Ledger) -> None:
    year.catch_up_views()
    for fund_id in ("F-A", "F-B"):
        history = fund_history(year.fund_events(fund_id))
        assert history is not None
        days = sorted({e.occurred_on for e in history.entries})
        for day in [days[0] - dt.timedelta(days=1), *days, on(12, 31)]:
            read = fund_log_reader(year.log_reader)
            indexed = balances_on_day(year.view_store, read, day, fund_id=fund_id)
            assert history.counters(day) == {r: c for (_, r), c in indexed.items()}, day
        now = history.counters()
        assert now == history.counters(max(days))
        assert all(isinstance(c, Counters) for c in now.values())
        [row] = year.balances(fund_id=fund_id)
        assert sum(c.total_fen for c in now.values()) == row.total_fen


def test_no_events_is_no_fund_and_a_history_starts_with_its_opening(year: Ledger) -> None:
    assert fund_history([]) is None
    pairs = year.fund_events("F-A")
    with pytest.raises(ValueError, match="starts with its opening"):
        fund_history(pairs[1:])
