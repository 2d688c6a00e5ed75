"""Query inputs are validated like commands: a wrong type is ``InvalidInput`` naming the
argument (never a ``TypeError``), and an unknown fund or station is ``NotFound``, the same for
every query."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sgz_ledger import InvalidInput, Ledger, NotFound
from sgz_ledger.demo import record_demo_year
from sgz_ledger.reports.volunteers import Period

Query = Callable[[Ledger], Any]


@pytest.fixture(scope="module")
def year() -> Ledger:
    ledger = Ledger("memory:")
    record_demo_year(ledger)
    ledger.register_volunteer(volunteer_id="V1", station_id="volunteers-only", name="志愿者甲",
                              registered_on=dt.date(2024, 1, 2), consent=True, actor="王芳",
                              occurred_on=dt.date(2024, 1, 2))  # fmt: skip
    ledger.open_fund(fund_id="funds-only-F1", station_id="funds-only", community="某村",
                     name="某村社区基金", host="某慈善会", approval_threshold="1000",
                     actor="王芳", occurred_on=dt.date(2024, 1, 2))  # fmt: skip
    return ledger


def _fund(ledger: Ledger) -> str:
    return ledger.balances()[0].fund_id


DAY = dt.date(2024, 1, 1)
YEAR = Period.year(2024)

# (query, the argument named in the refusal), each with one argument of a wrong type.
WRONG_TYPES: list[tuple[str, Query, str]] = [
    ("statement-from", lambda g: g.statement(_fund(g), from_day="2024-01-01"), "from_day"),
    ("statement-to", lambda g: g.statement(_fund(g), to_day=dt.datetime(2024, 1, 1)), "to_day"),
    ("statement-fund", lambda g: g.statement(42), "fund_id"),
    (
        "disclosure-from",
        lambda g: g.disclosure(_fund(g), from_day=20240101, to_day=DAY),
        "from_day",
    ),
    ("disclosure-missing", lambda g: g.disclosure(_fund(g), from_day=DAY), "to_day"),
    ("annual-year-text", lambda g: g.annual_report("2024"), "year"),
    ("annual-year-bool", lambda g: g.annual_report(True), "year"),
    ("annual-year-float", lambda g: g.annual_report(2024.0), "year"),
    ("balances-as-of", lambda g: g.balances(as_of="2024-12-31"), "as_of"),
    ("balances-position", lambda g: g.balances(position="10"), "position"),
    ("balances-fund", lambda g: g.balances(fund_id=b"cz"), "fund_id"),
    ("balances-unknown-arg", lambda g: g.balances(fund="cz"), "fund"),
    ("donors-station", lambda g: g.donor_summary(station_id=1), "station_id"),
    ("accounts-date", lambda g: g.volunteer_accounts(date_from="2024-01-01"), "date_from"),
    ("stats-period", lambda g: g.volunteer_stats("2024"), "period"),
    ("fund", lambda g: g.fund(None), "fund_id"),
    ("volunteer-version", lambda g: g.volunteer("V1", version="1"), "version"),
    ("stored-events", lambda g: g.stored_events(after=Decimal(1)), "after"),
    ("anchor", lambda g: g.anchor("5"), "position"),
]


@pytest.mark.parametrize(("query", "argument"), [(q, a) for _, q, a in WRONG_TYPES],
                         ids=[n for n, _, _ in WRONG_TYPES])  # fmt: skip
def test_a_wrong_type_is_invalid_input_naming_the_argument(
    year: Ledger, query: Query, argument: str
) -> None:
    with pytest.raises(InvalidInput) as caught:
        query(year)
    assert argument in [name for name, _ in caught.value.problems]


UNKNOWN: list[tuple[str, Query]] = [
    ("balances-fund", lambda g: g.balances(fund_id="nope")),
    ("balances-fund-as-of", lambda g: g.balances(fund_id="nope", as_of=DAY)),
    ("balances-station", lambda g: g.balances(station_id="nope")),
    ("statement", lambda g: g.statement("nope")),
    ("disclosure", lambda g: g.disclosure("nope", from_day=DAY, to_day=DAY)),
    ("donors-fund", lambda g: g.donor_summary(fund_id="nope")),
    ("donors-station", lambda g: g.donor_summary(station_id="nope")),
    ("annual-report", lambda g: g.annual_report(2024, station_id="nope")),
    ("volunteer-accounts", lambda g: g.volunteer_accounts(station_id="nope")),
    ("volunteer-stats", lambda g: g.volunteer_stats(YEAR, station_id="nope")),
    ("fund", lambda g: g.fund("nope")),
    ("volunteer", lambda g: g.volunteer("nope")),
]


@pytest.mark.parametrize("query", [q for _, q in UNKNOWN], ids=[n for n, _ in UNKNOWN])
def test_an_unknown_fund_or_station_is_not_found(year: Ledger, query: Query) -> None:
    with pytest.raises(NotFound):
        query(year)


def test_a_known_station_with_nothing_to_report_is_an_empty_answer(year: Ledger) -> None:
    """A station known by its volunteers alone has no funds, one known by its funds alone has
    no volunteers: an empty list, not NotFound."""
    assert year.balances(station_id="volunteers-only") == []
    assert len(year.volunteer_accounts(station_id="volunteers-only")) == 1
    assert len(year.balances(station_id="funds-only")) == 1
    assert year.volunteer_accounts(station_id="funds-only") == []
    assert year.annual_report(2024, station_id="volunteers-only").year == 2024


_NOT_A_DATE = st.one_of(
    st.text(max_size=12),
    st.integers(),
    st.floats(allow_nan=True),
    st.booleans(),
    st.datetimes(),
    st.binary(max_size=4),
    st.lists(st.integers(), max_size=2),
)


@settings(max_examples=60, deadline=None)
@given(value=_NOT_A_DATE, name=st.sampled_from(["from_day", "to_day"]))
def test_no_value_of_a_wrong_type_escapes_as_a_type_error(value: object, name: str) -> None:
    """Whatever a caller passes as a date, the answer is a ledger error, never a TypeError."""
    ledger = _LEDGER
    with pytest.raises(InvalidInput) as caught:
        ledger.statement(_fund(ledger), **{name: value})
    assert name in [field for field, _ in caught.value.problems]


_LEDGER = Ledger("memory:")
record_demo_year(_LEDGER)
