"""The report views agree with ``Recount`` on random histories (issue 4: "for every view").

``test_projection_views`` checks the view tables against a rebuild and the balances
against the fold; here the reports built on those tables (statement, disclosure, donor
summary, annual report) are compared, figure by figure, with ``Recount``
(tests/reports_support.py), which recomputes each from ``ledger.stored_events()`` with
code of its own, sharing none with the library's views or balance arithmetic. The
histories are ``HistoryWriter``'s: several funds and stations, every kind of entry,
business dates going back and forth, refused commands skipped.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_projection_views import START, STATIONS, HistoryWriter

from conftest import FixedClock
from reports_support import YEAR_FIGURES, Recount
from sgz_ledger import Ledger, NotFound
from sgz_ledger.domain.events import FundOpened

YEAR = START.year
FLOW_FIGURES = (
    ("opening_fen", "opening"),
    ("cash_donations_fen", "donations"),
    ("donations_reversed_fen", "reversed"),
    ("sale_proceeds_fen", "proceeds"),
    ("refunds_fen", "refunds"),
    ("paid_fen", "paid"),
    ("payments_reversed_fen", "payments_reversed"),
    ("moved_in_fen", "moved_in"),
    ("moved_out_fen", "moved_out"),
    ("closing_fen", "closing"),
    ("closing_reserved_fen", "closing_reserved"),
    ("in_kind_donations_fen", "in_kind"),
    ("in_kind_reversed_fen", "in_kind_reversed"),
    ("goods_out_fen", "goods_out"),
)


def period(draw: Any, days: list[dt.date]) -> tuple[dt.date, dt.date]:
    a, b = draw(st.sampled_from(days)), draw(st.sampled_from(days))
    return min(a, b), max(a, b)


def check_reports(ledger: Ledger, draw: Any) -> None:
    events = ledger.stored_events()
    rc = Recount(events)
    funds = sorted(e.fund_id for e in events if isinstance(e, FundOpened))
    days = sorted({e.occurred_on for e in events})
    for fund_id in funds:
        # Statement: every line with its running cash balance, for all time and a period.
        for from_day, to_day in ((None, None), period(draw, days)):
            statement = ledger.statement(fund_id, from_day=from_day, to_day=to_day)
            opening, lines, closing = rc.statement(fund_id, from_day, to_day)
            got = [
                (x.occurred_on, x.kind, x.ref, x.cash_fen, x.balance_fen) for x in statement.lines
            ]
            assert got == lines, (fund_id, from_day, to_day)
            assert (statement.opening_fen, statement.closing_fen) == (opening, closing)
        # Disclosure: every restriction's flows in a period, and its identity.
        from_day, to_day = period(draw, days)
        disclosure = ledger.disclosure(fund_id, from_day=from_day, to_day=to_day)
        want = rc.flows(fund_id, from_day, to_day)
        got_flows = {r.restriction: r for r in disclosure.restrictions}
        assert set(got_flows) == set(want), (fund_id, from_day, to_day)
        for name, w in want.items():
            g = got_flows[name]
            for ours, theirs in FLOW_FIGURES:
                assert getattr(g, ours) == getattr(w, theirs), (fund_id, name, ours)
        assert disclosure.reconciles
    # Donor summary: each gift, with what was refunded and whether it was reversed.
    gifts = {(g.fund, g.receipt_no): g for g in rc.gifts()}
    summary = ledger.donor_summary()
    lines = [line for row in summary.donors for line in row.gift_lines]
    assert len(lines) == len(gifts)
    for line in lines:
        g = gifts[(line.fund_id, line.receipt_no)]
        assert (line.cash_fen, line.in_kind_fen, line.refunded_fen) == (
            g.cash_fen,
            g.in_kind_fen,
            g.refunded_fen,
        )
        assert line.reversed_on == g.reversed_on
    # Annual report: the year's fund figures, per station and for the district.
    by_station: dict[str, dict[str, int]] = defaultdict(dict)
    # A station no fund names is unknown to a store of funds alone: NotFound, not zeros.
    named = {row.station_id for row in ledger.balances()}
    for station_id in set(STATIONS) - named:
        with pytest.raises(NotFound):
            ledger.annual_report(YEAR, station_id=station_id)
    for station_id in (*sorted(named & set(STATIONS)), None):
        report = ledger.annual_report(YEAR, station_id=station_id)
        want_year = rc.year(YEAR, station_id)
        for name in YEAR_FIGURES:
            assert getattr(report, name) == want_year[name], (station_id, name)
            if station_id is not None:
                by_station[name][station_id] = getattr(report, name)
    district = ledger.annual_report(YEAR)
    for name in YEAR_FIGURES:
        if name not in ("funds_opened", "funds_open"):
            assert sum(by_station[name].values()) == getattr(district, name), name


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=st.data())
def test_reports_equal_an_independent_recount(data: st.DataObject) -> None:
    ledger = Ledger("sqlite::memory:", clock=FixedClock())
    try:
        writer = HistoryWriter(ledger, data.draw)
        for _ in range(data.draw(st.integers(1, 40), label="steps")):
            writer.step()
        check_reports(ledger, data.draw)
    finally:
        ledger.close()
