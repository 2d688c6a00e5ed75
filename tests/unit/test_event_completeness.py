"""Every event class the ledger stores is handled everywhere events are read.

One new event class touches the codec's registry, the folds of the views (fund views,
balances, volunteer figures and accounts), the statements' entry kinds, the trail's
labels and summaries, and each export (JSON Lines, CSV, hledger, Beancount). Each of
them declares the classes it reads and those it knowingly ignores; these tests check
the declarations against the codec's registry, fold and export a log holding every
kind of event, and check that a fold meeting a class it was not taught raises
``UnknownEvent`` (never a silent skip that would leave a figure wrong).
"""

from __future__ import annotations

import csv
import datetime as dt
import importlib
import io
import json
import uuid
from collections.abc import Iterator
from typing import Any

import msgspec
import pytest

from conftest import FixedClock
from sgz_ledger import Ledger
from sgz_ledger.audit import export
from sgz_ledger.audit.export import (
    FORMATS,
    JOURNAL_IGNORES,
    JOURNAL_READS,
    PERSONAL_FIELDS,
    write_export,
)
from sgz_ledger.audit.trail import EVENT_LABELS
from sgz_ledger.domain.balances import FundBalances
from sgz_ledger.domain.errors import UnknownEvent
from sgz_ledger.domain.events import (
    DELIVERY_EVENT_TYPES,
    DONOR_EVENT_TYPES,
    FUND_EVENT_TYPES,
    LEVEL_EVENT_TYPES,
    PEOPLE_EVENT_TYPES,
    PERIOD_EVENT_TYPES,
    PROJECT_EVENT_TYPES,
    RECOGNITION_EVENT_TYPES,
    VOLUNTEER_EVENT_TYPES,
    FundEvent,
    FundOpened,
    LedgerEvent,
)
from sgz_ledger.domain.fund import FundSnapshot
from sgz_ledger.projections.balances import BalancesProjection
from sgz_ledger.projections.framework import Op
from sgz_ledger.projections.fund_log import ENTRY_KINDS, TOUCHED
from sgz_ledger.projections.fund_views import FundViews
from sgz_ledger.projections.recognition import RecognitionProjection
from sgz_ledger.projections.volunteer_accounts import VolunteerAccounts
from sgz_ledger.projections.volunteer_stats import VolunteerStatsProjection
from sgz_ledger.reports import volunteers
from sgz_ledger.reports.balances import folded_balances
from sgz_ledger.reports.funds import ENTRY_KIND_LABELS
from sgz_ledger.storage.codec import DEFAULT_EVENT_TYPES, event_name
from sgz_ledger.storage.sealing import PersonalDataInClearWarning
from tour_support import NOW, record_tour, stored_event_types

pytestmark = pytest.mark.filterwarnings(
    f"ignore::{PersonalDataInClearWarning.__module__}.{PersonalDataInClearWarning.__name__}"
)

# The module, not the function ``sgz_ledger.audit`` re-exports under the same name.
trail_module = importlib.import_module("sgz_ledger.audit.trail")

# What the log holds: the codec's registry, but for fund snapshots (kept apart from the log).
LOGGED: frozenset[type[LedgerEvent]] = frozenset(
    cls for cls in DEFAULT_EVENT_TYPES if issubclass(cls, LedgerEvent)
)
FOLDS = (
    FundViews,
    BalancesProjection,
    VolunteerStatsProjection,
    VolunteerAccounts,
    RecognitionProjection,
)


def _names(classes: Any) -> list[str]:
    return sorted(cls.__name__ for cls in classes)


# ---- the declarations -------------------------------------------------------------------------


def test_the_codec_registry_is_every_stored_event_class() -> None:
    assert stored_event_types() == LOGGED, "register every event class in storage.codec"
    assert set(DEFAULT_EVENT_TYPES) - LOGGED == {FundSnapshot}
    families = (
        FUND_EVENT_TYPES,
        VOLUNTEER_EVENT_TYPES,
        DONOR_EVENT_TYPES,
        PERIOD_EVENT_TYPES,
        PEOPLE_EVENT_TYPES,
        LEVEL_EVENT_TYPES,
        PROJECT_EVENT_TYPES,
        DELIVERY_EVENT_TYPES,
        RECOGNITION_EVENT_TYPES,
    )
    assert sum(len(family) for family in families) == len(LOGGED)  # no class in two
    assert frozenset().union(*families) == LOGGED
    assert len({event_name(cls) for cls in DEFAULT_EVENT_TYPES}) == len(DEFAULT_EVENT_TYPES)


@pytest.mark.parametrize("fold", FOLDS, ids=lambda fold: fold.__name__)
def test_each_fold_declares_every_event_it_reads_or_ignores(fold: Any) -> None:
    assert not fold.reads & fold.ignores, _names(fold.reads & fold.ignores)
    missing = LOGGED - fold.reads - fold.ignores
    assert not missing, f"declare in {fold.__name__}.reads or .ignores: {_names(missing)}"
    assert fold.reads | fold.ignores == LOGGED, _names((fold.reads | fold.ignores) - LOGGED)


def test_the_fund_folds_read_every_fund_event() -> None:
    """The views' fold, the balances' fold and the statements' fold read every fund event
    (a fund event that moves nothing still opens, closes or lists something)."""
    fund_events = frozenset(FUND_EVENT_TYPES)
    assert FundViews.reads == BalancesProjection.reads == fund_events
    assert set(ENTRY_KINDS) == set(TOUCHED) == fund_events
    assert set(ENTRY_KIND_LABELS) == set(ENTRY_KINDS.values()), "label every statement kind"


def test_the_trail_labels_and_describes_every_event() -> None:
    assert set(EVENT_LABELS) == LOGGED, _names(LOGGED - set(EVENT_LABELS))
    assert set(trail_module._DESCRIBE) == LOGGED, _names(LOGGED - set(trail_module._DESCRIBE))


def test_each_export_declares_every_event() -> None:
    # Journals: every fund event is folded (the books keep each fund's balances), the rest
    # moves no fund's money.
    assert frozenset(FUND_EVENT_TYPES) == JOURNAL_READS
    assert not JOURNAL_READS & JOURNAL_IGNORES
    assert JOURNAL_READS | JOURNAL_IGNORES == LOGGED
    # CSV: one row per fund entry, labelled (checked above); only fund events are entries.
    # JSON Lines: every event, its business fields as they are, except personal data: every
    # field of sealed bytes of every class is one the export names or leaves out.
    sealed = {
        (cls, field.name)
        for cls in LOGGED
        for field in msgspec.inspect.type_info(cls).fields  # type: ignore[attr-defined]
        if "BytesType" in repr(field.type)
    }
    declared = {(cls, name) for cls, names in PERSONAL_FIELDS.items() for name in names}
    assert sealed, "the check sees the sealed fields"
    assert sealed <= declared, sorted((c.__name__, n) for c, n in sealed - declared)


# ---- a log of every kind of event ----------------------------------------------------------


@pytest.fixture(scope="module")
def toured() -> Iterator[Ledger]:
    ledger = Ledger("memory:", clock=FixedClock(NOW))
    record_tour(ledger)
    yield ledger
    ledger.close()


def test_every_fold_takes_a_log_of_every_event(toured: Ledger) -> None:
    log = list(toured.log_reader.events())
    assert {type(event) for _, event in log} == LOGGED, "the tour records every event class"
    views, ops = FundViews(), list[Op]()
    balances, figures, accounts = (
        BalancesProjection(),
        VolunteerStatsProjection(),
        VolunteerAccounts(),
    )
    for position, event in log:
        views.apply(event, position, ops)
        balances.apply(event)
        figures.apply(event)
        accounts.apply(event)
    views.finish(ops)
    assert ops
    assert folded_balances(balances) == toured.balances()
    assert volunteers.accounts(accounts) == toured.volunteer_accounts()


def test_every_export_takes_a_log_of_every_event(toured: Ledger) -> None:
    written = {}
    for fmt in FORMATS:
        out = io.StringIO(newline="")
        summary = write_export(toured, fmt, out)
        written[fmt] = (summary, out.getvalue())
    lines = [json.loads(line) for line in written["jsonl"][1].splitlines()[1:-1]]
    assert {line["type"] for line in lines} == {cls.__struct_config__.tag for cls in LOGGED}
    rows = list(csv.DictReader(io.StringIO(written["csv"][1].lstrip("\ufeff"))))
    assert {row["kind"] for row in rows} == set(ENTRY_KINDS.values())
    fund_events = sum(isinstance(e, FundEvent) for e in toured.stored_events())
    for fmt in ("hledger", "beancount"):
        assert written[fmt][0].events == fund_events  # every fund event folded, no other


# ---- an event no fold was taught ---------------------------------------------------------------


class Stranger(FundEvent, frozen=True, kw_only=True, tag="Stranger"):
    """A fund event class nothing was taught: a new class added in domain/events.py only."""


class Outsider(LedgerEvent, frozen=True, kw_only=True, tag="Outsider"):
    """An event of no family the folds know."""


def _event(cls: type[LedgerEvent], originator_id: uuid.UUID) -> Any:
    return cls(
        originator_id=originator_id,
        originator_version=99,
        timestamp=dt.datetime(2024, 6, 3, tzinfo=dt.UTC),
        actor="某人",
        occurred_on=dt.date(2024, 6, 3),
    )


@pytest.mark.parametrize("cls", [Stranger, Outsider])
def test_a_fold_meeting_an_event_it_does_not_know_raises(cls: type, toured: Ledger) -> None:
    log = list(toured.log_reader.events())
    fund = next(event for _, event in log if isinstance(event, FundOpened)).originator_id
    stranger = _event(cls, fund)  # of a fund every fold has seen opened

    views, ops = FundViews(), list[Op]()
    balances, figures, accounts = (
        BalancesProjection(),
        VolunteerStatsProjection(),
        VolunteerAccounts(),
    )
    for position, event in log:
        views.apply(event, position, ops)
        balances.apply(event)
        figures.apply(event)
        accounts.apply(event)
    before = (len(ops), folded_balances(balances), volunteers.accounts(accounts))
    for fold, apply in (
        ("FundViews", lambda e: views.apply(e, len(log) + 1, ops)),
        ("FundBalances" if cls is Stranger else "BalancesProjection", balances.apply),
        ("VolunteerStatsProjection", figures.apply),
        ("VolunteerAccounts", accounts.apply),
    ):
        with pytest.raises(UnknownEvent) as raised:
            apply(stranger)
        assert raised.value.event_class is cls
        assert raised.value.fold == fold
        assert cls.__name__ in str(raised.value)
    assert (len(ops), folded_balances(balances), volunteers.accounts(accounts)) == before

    if cls is Stranger:
        with pytest.raises(UnknownEvent):
            FundBalances().apply(stranger)
        books = export._Books(toured.donor_names())
        for _, event in log:
            if isinstance(event, FundEvent):
                books.apply(event)
        with pytest.raises(UnknownEvent):
            books.apply(stranger)


def test_the_journal_raises_for_a_fund_event_it_makes_no_transaction_of_unknowingly(
    toured: Ledger, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A fund event the balances know but the journal's postings were not taught (here: the
    opening, once it is no longer declared as making no transaction) is refused, not
    written as nothing."""
    monkeypatch.setattr(export, "_NO_TRANSACTION", frozenset())
    opened = next(e for e in toured.stored_events() if isinstance(e, FundOpened))
    with pytest.raises(UnknownEvent) as raised:
        export._Books(toured.donor_names()).apply(opened)
    assert (raised.value.fold, raised.value.event_class) == ("journal", FundOpened)
