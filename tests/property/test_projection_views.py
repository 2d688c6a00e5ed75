"""The persisted fund views agree with a rebuild and with a direct fold of the events.

Hypothesis writes a random valid fund history through the public ``Ledger`` API
(funds at several stations, cash and in-kind gifts, restricted and unrestricted,
every step of a disbursement, refunds, reversals, releases, purpose changes, closing
with a transfer), with business dates that go back and forth, so that late-dated
entries are common. Between commands it catches the views up at random cut points
(``until=``), with random batch sizes, sometimes through a fresh runner and a fresh
``FundViews`` that must restore the fold's state from the tables. Then:

* every view table equals a full rebuild, both ``view_runner.rebuild`` on the same
  store and a fresh ``FundViews`` folded into a fresh in-memory store in one go;
* the balances equal ``BalancesProjection`` folded over the stored events, and each
  fund's statement lines (read from the log) count and sum to its figures;
* ``balances(as_of=day)`` and ``balances(position=p)`` equal the direct fold of the
  events dated on or before ``day`` / at or before log position ``p`` (funds not yet
  opened are absent; cash only);
* each station's balances, put together, are the district's;
* the auditor's replay from the raw events (``audit``) finds no difference.

Commands the ledger refuses are simply skipped: the history is whatever was recorded,
and every expectation is computed from the recorded events, never from the writer's
guesses. Memory and SQLite always run; PostgreSQL when the test server answers.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from typing import Any
from unittest import mock

import msgspec
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import event as note_event
from hypothesis import strategies as st

from conftest import PG_DB, PG_HOST, PG_PORT, PG_USER, FixedClock, require_postgres
from sgz_ledger import FundBalance, Ledger, LedgerError, NotFound
from sgz_ledger.audit.replay import audit
from sgz_ledger.domain.events import (
    CashDonationReceived,
    FundEvent,
    FundOpened,
)
from sgz_ledger.projections import fund_views
from sgz_ledger.projections.balances import BalancesProjection
from sgz_ledger.projections.framework import ViewRunner, ViewStore
from sgz_ledger.projections.fund_log import Counters, fund_history
from sgz_ledger.projections.fund_views import ENTRY_KINDS, FundViews
from sgz_ledger.reports.balances import folded_balances, fund_log_reader
from sgz_ledger.reports.funds import balances_on_day
from sgz_ledger.storage.factory import private_view_backend
from view_support import Pair, dump, log, reader

# ---- a small world, so that commands meet each other often ---------------------------------

FUND_STATIONS = {"F1": "S1", "F2": "S1", "F3": "S2", "F4": "S3"}
STATIONS = ("S1", "S2", "S3")
RESTRICTIONS = ("", "助学", "助老")
NAMED = RESTRICTIONS[1:]
GOODS = (("泡面", "箱"), ("学习用品", "套"))
PEOPLE = ("王芳", "李强", "张敏")
THRESHOLDS_FEN = (0, 1_000, 1_000_000)
AMOUNT_FEN_MAX = 5_000
START = dt.date(2024, 3, 1)
DAYS_BACK_MAX = 12  # business dates spread this far either side of START
STEPS_MAX = 40

# Command kinds, weighted by repetition: money comes in more often than it goes out.
KINDS = (
    "open_fund",
    "open_fund",
    "receive_cash",
    "receive_cash",
    "receive_cash",
    "receive_goods",
    "distribute_goods",
    "sell_goods",
    "refund_donation",
    "reverse_donation",
    "reverse_payment",
    "release_restriction",
    "change_purpose",
    "request_disbursement",
    "request_disbursement",
    "approve_disbursement",
    "approve_disbursement",
    "publicize_disbursement",
    "pay_disbursement",
    "pay_disbursement",
    "reject_disbursement",
    "cancel_disbursement",
    "close_fund",
)

Draw = Callable[[st.SearchStrategy[Any]], Any]


class HistoryWriter:
    """Writes random, mostly valid fund commands through the Ledger's typed methods.

    The writer looks at the funds' state (``ledger.fund``) only to aim its commands at
    something that exists (a receipt, a request awaiting approval, goods in stock);
    refused commands are skipped and nothing is predicted here.
    """

    def __init__(self, ledger: Ledger, draw: Draw) -> None:
        self.ledger = ledger
        self.draw = draw
        self.serial = 0

    # -- drawing --

    def number(self, low: int, high: int) -> int:
        return int(self.draw(st.integers(low, max(low, high))))

    def pick(self, options: Any) -> Any:
        return self.draw(st.sampled_from(list(options)))

    def day(self) -> dt.date:
        return START + dt.timedelta(days=self.number(-DAYS_BACK_MAX, DAYS_BACK_MAX))

    def key(self, prefix: str) -> str:
        self.serial += 1
        return f"{prefix}-{self.serial}"

    def state(self, code: str) -> Any:
        try:
            return self.ledger.fund(code).state
        except NotFound:
            return None

    def opened(self) -> list[str]:
        return [code for code in FUND_STATIONS if self.state(code) is not None]

    def run(self, method: str, code: str, **fields: Any) -> None:
        fields.setdefault("actor", self.pick(PEOPLE))
        fields.setdefault("occurred_on", self.day())
        # Refused: nothing was recorded, the history goes on without it.
        with suppress(LedgerError):
            getattr(self.ledger, method)(fund_id=code, **fields)

    # -- one random command --

    def step(self) -> None:
        kind = self.pick(KINDS)
        if kind == "open_fund":
            self.open_fund()
            return
        opened = self.opened()
        if not opened:
            self.open_fund()
            return
        code = self.pick(opened)
        getattr(self, kind)(code, self.state(code))

    def open_fund(self) -> None:
        unopened = [code for code in FUND_STATIONS if self.state(code) is None]
        if not unopened:
            return
        code = self.pick(unopened)
        self.run(
            "open_fund",
            code,
            station_id=FUND_STATIONS[code],
            community=f"{code}村",
            name=f"{code}社区基金",
            host="区慈善会",
            approval_threshold_fen=self.pick(THRESHOLDS_FEN),
            publicity_required=self.draw(st.booleans()),
        )

    def receive_cash(self, code: str, state: Any) -> None:
        self.run(
            "receive_cash",
            code,
            receipt_no=self.key("R"),
            amount_fen=self.number(1, AMOUNT_FEN_MAX),
            donor=self.pick((None, "某公司", "陈女士")),
            restriction=self.pick(RESTRICTIONS),
        )

    def receive_goods(self, code: str, state: Any) -> None:
        items = []
        for _ in range(self.number(1, 2)):
            item, unit = self.pick(GOODS)
            value = self.draw(st.one_of(st.none(), st.integers(0, 2_000)))
            line: dict[str, Any] = {
                "item": item,
                "quantity": self.number(1, 10),
                "unit": unit,
                "basis": "unvalued" if value is None else "document",
            }
            if value is not None:
                line["value_fen"] = value
            items.append(line)
        self.run(
            "receive_goods",
            code,
            receipt_no=self.key("G"),
            items=items,
            restriction=self.pick(RESTRICTIONS),
        )

    def stock(self, state: Any) -> Any:
        held = [line for _, line in sorted(state.balances.stock.items()) if line.quantity > 0]
        return self.pick(held) if held else None

    def distribute_goods(self, code: str, state: Any) -> None:
        line = self.stock(state)
        if line is None:
            return
        self.run(
            "distribute_goods",
            code,
            distribution_id=self.key("D"),
            item=line.item,
            unit=line.unit,
            restriction=line.restriction,
            quantity=self.number(1, line.quantity),
            recipient="困难户",
            signed_off_by="社区主任",
            purpose="慰问",
        )

    def sell_goods(self, code: str, state: Any) -> None:
        line = self.stock(state)
        if line is None:
            return
        self.run(
            "sell_goods",
            code,
            sale_id=self.key("S"),
            item=line.item,
            unit=line.unit,
            restriction=line.restriction,
            quantity=self.number(1, line.quantity),
            proceeds_fen=self.number(1, 3_000),
            buyer="回收站",
        )

    def receipt(self, state: Any, *, cash_only: bool) -> Any:
        gifts = [
            gift
            for _, gift in sorted(state.donations.items())
            if not cash_only or isinstance(gift, CashDonationReceived)
        ]
        return self.pick(gifts) if gifts else None

    def refund_donation(self, code: str, state: Any) -> None:
        gift = self.receipt(state, cash_only=True)
        if gift is None:
            return
        left = gift.amount_fen - state.refunded_fen_by_receipt.get(gift.receipt_no, 0)
        self.run(
            "refund_donation",
            code,
            refund_id=self.key("RF"),
            receipt_no=gift.receipt_no,
            amount_fen=self.number(1, left),
            reason="捐赠人要求退回",
        )

    def reverse_donation(self, code: str, state: Any) -> None:
        gift = self.receipt(state, cash_only=False)
        if gift is None:
            return
        self.run(
            "reverse_donation",
            code,
            correction_id=self.key("C"),
            receipt_no=gift.receipt_no,
            reason="录入错误",
        )

    def request(self, state: Any, statuses: tuple[str, ...]) -> Any:
        found = [(rid, d) for rid, d in sorted(state.disbursements.items()) if d.status in statuses]
        return self.pick(found) if found else None

    def reverse_payment(self, code: str, state: Any) -> None:
        found = self.request(state, ("paid",))
        if found is None:
            return
        self.run(
            "reverse_payment",
            code,
            correction_id=self.key("C"),
            request_id=found[0],
            reason="凭证重复",
        )

    def funded(self, state: Any, pool: tuple[str, ...]) -> str:
        """A restriction of ``pool``, one with money available when there is one."""
        with_money = [r for r in pool if state.balances.available_fen(r) > 0]
        return str(self.pick(with_money or pool))

    def release_restriction(self, code: str, state: Any) -> None:
        restriction = self.funded(state, NAMED)
        self.run(
            "release_restriction",
            code,
            release_id=self.key("RL"),
            restriction=restriction,
            amount_fen=self.number(1, state.balances.available_fen(restriction)),
            reason="项目结余",
            reference="管委会决议",
        )

    def change_purpose(self, code: str, state: Any) -> None:
        source = self.funded(state, NAMED)
        self.run(
            "change_purpose",
            code,
            change_id=self.key("PC"),
            from_restriction=source,
            to_restriction=self.pick([r for r in NAMED if r != source]),
            amount_fen=self.number(1, state.balances.available_fen(source)),
            consent_ref="捐赠人同意书",
            reason="原项目已完成",
        )

    def request_disbursement(self, code: str, state: Any) -> None:
        restriction = self.funded(state, RESTRICTIONS)
        self.run(
            "request_disbursement",
            code,
            request_id=self.key("Q"),
            amount_fen=self.number(1, state.balances.available_fen(restriction)),
            purpose="慰问困难老人",
            payee="社区超市",
            restriction=restriction,
        )

    def approve_disbursement(self, code: str, state: Any) -> None:
        found = self.request(state, ("requested",))
        if found is None:
            return
        request_id, disbursement = found
        approvers = [p for p in PEOPLE if p != disbursement.request.actor]
        self.run("approve_disbursement", code, request_id=request_id, actor=self.pick(approvers))

    def publicize_disbursement(self, code: str, state: Any) -> None:
        found = self.request(state, ("approved",))
        if found is None:
            return
        start = self.day()
        self.run(
            "publicize_disbursement",
            code,
            request_id=found[0],
            notice_ref=self.key("N"),
            notice_from=start,
            notice_to=start + dt.timedelta(days=self.number(0, 3)),
            occurred_on=start,
        )

    def pay_disbursement(self, code: str, state: Any) -> None:
        found = self.request(state, ("approved",))
        if found is None:
            return
        request_id, disbursement = found
        day = self.day()
        if disbursement.notice is not None:
            day = disbursement.notice.notice_to + dt.timedelta(days=self.number(1, 3))
        self.run(
            "pay_disbursement",
            code,
            request_id=request_id,
            voucher_no=self.key("V"),
            occurred_on=day,
        )

    def reject_disbursement(self, code: str, state: Any) -> None:
        self.end(code, state, "reject_disbursement")

    def cancel_disbursement(self, code: str, state: Any) -> None:
        self.end(code, state, "cancel_disbursement")

    def end(self, code: str, state: Any, method: str) -> None:
        found = self.request(state, ("requested", "approved"))
        if found is None:
            return
        self.run(method, code, request_id=found[0], reason="不符合条件")

    def close_fund(self, code: str, state: Any) -> None:
        """Wind the fund down (end its requests, give out its goods), then close it,
        moving the cash left to another fund when there is one."""
        for request_id, d in sorted(state.disbursements.items()):
            if d.status in ("requested", "approved"):
                self.run("cancel_disbursement", code, request_id=request_id, reason="基金终止")
        for _, line in sorted(self.ledger.fund(code).state.balances.stock.items()):
            if line.quantity > 0:
                self.run(
                    "distribute_goods",
                    code,
                    distribution_id=self.key("D"),
                    item=line.item,
                    unit=line.unit,
                    restriction=line.restriction,
                    quantity=line.quantity,
                    recipient="困难户",
                    signed_off_by="社区主任",
                    purpose="基金终止",
                )
        others = [
            c for c in self.opened() if c != code and self.ledger.fund(c).state.closed is None
        ]
        self.run(
            "close_fund",
            code,
            reason="项目结束",
            transfer_to=self.pick([None, *others]) if others else None,
        )


# ---- reading the log and the views ----------------------------------------------------------


def rebuilt_elsewhere(ledger: Ledger) -> dict[str, list[tuple[Any, ...]]]:
    """The views folded from the whole log in one go, into a fresh in-memory store."""
    store = ViewStore(private_view_backend())  # a private in-memory SQLite database
    try:
        views = FundViews()
        ViewRunner(store, reader(ledger), ledger.log_position, batch=1_000_000).catch_up(views)
        return dump(store, views)
    finally:
        store.close()


def cash_only(row: FundBalance) -> FundBalance:
    """A balance as the point-in-time index gives it: cash only."""
    return msgspec.structs.replace(row, goods=(), in_kind_received_fen=0, in_kind_held_fen=0)


def fold(pairs: list[Pair], keep: Callable[[int, FundEvent], bool]) -> list[FundBalance]:
    """The balances folded directly from the kept events, in log order."""
    projection = BalancesProjection()
    for position, event in pairs:
        if isinstance(event, FundEvent) and keep(position, event):
            projection.apply(event)
    return folded_balances(projection)


def as_of_day(pairs: list[Pair], day: dt.date) -> list[FundBalance]:
    """The direct fold of the events dated on or before ``day``, of funds opened by then."""
    opened_on = {e.originator_id: e.occurred_on for _, e in pairs if isinstance(e, FundOpened)}
    rows = fold(pairs, lambda _, e: e.occurred_on <= day and opened_on[e.originator_id] <= day)
    return [cash_only(row) for row in rows]


def as_of_position(pairs: list[Pair], position: int) -> list[FundBalance]:
    """The direct fold of the events at or before log ``position``."""
    return [cash_only(row) for row in fold(pairs, lambda at, _: at <= position)]


def district(rows: list[FundBalance]) -> tuple[int, ...]:
    return (
        sum(r.total_fen for r in rows),
        sum(r.reserved_fen for r in rows),
        sum(r.available_fen for r in rows),
        sum(r.received_fen for r in rows),
        sum(r.paid_fen for r in rows),
    )


# ---- the property --------------------------------------------------------------------------


def catch_up_somewhere(ledger: Ledger, draw: Draw) -> None:
    """Catch the views up to a random cut point, in random batches, by a random runner."""
    head = ledger.log_position()
    committed = ledger.view_store.position(ledger.fund_views.name)
    until = draw(st.integers(committed, head)) if head > committed else head
    batch = draw(st.sampled_from((1, 2, 3, 7, 5000)))
    how = draw(st.sampled_from(("ledger", "ledger runner", "fresh runner", "query")))
    if how == "ledger":
        until = head
        assert ledger.catch_up_views() == head
    elif how == "ledger runner":
        ledger.view_runner.batch = batch
        assert ledger.view_runner.catch_up(ledger.fund_views, until=until) == until
    elif how == "fresh runner":
        # Another process's runner: its fold state comes from the tables (restore).
        runner = ViewRunner(ledger.view_store, reader(ledger), ledger.log_position, batch=batch)
        assert runner.catch_up(FundViews(), until=until) == until
    else:
        until = head
        ledger.balances()
    assert ledger.view_store.position(ledger.fund_views.name) == max(committed, until)


def check_history(ledger: Ledger, data: st.DataObject) -> None:
    draw: Draw = data.draw
    writer = HistoryWriter(ledger, draw)
    for _ in range(draw(st.integers(1, STEPS_MAX), label="steps")):
        writer.step()
        if draw(st.integers(0, 3)) == 0:
            catch_up_somewhere(ledger, draw)
    pairs = log(ledger)
    views = ledger.fund_views

    # Incremental = rebuilt elsewhere = rebuilt in place.
    assert ledger.catch_up_views() == ledger.log_position()
    incremental = dump(ledger.view_store, views)
    assert incremental == rebuilt_elsewhere(ledger)
    now = ledger.balances()

    # Direct recomputation: balances, and the statement lines' counts and sums.
    assert now == fold(pairs, lambda _, __: True)
    fund_events: dict[str, list[Pair]] = defaultdict(list)
    codes = {e.originator_id: e.fund_id for _, e in pairs if isinstance(e, FundOpened)}
    for position, event in pairs:
        fund_events[codes[event.originator_id]].append((position, event))
    assert set(fund_events) == {row.fund_id for row in now}
    for row in now:
        lines = ledger.statement(row.fund_id).lines
        events = fund_events[row.fund_id]
        assert sorted(line.position for line in lines) == [position for position, _ in events]
        assert Counter(line.kind for line in lines) == Counter(
            ENTRY_KINDS[type(event)] for _, event in events
        )
        assert sum(line.cash_fen for line in lines) == row.total_fen, row.fund_id
        assert sum(line.reserved_fen for line in lines) == row.reserved_fen, row.fund_id
        assert sum(line.in_kind_fen for line in lines) == row.in_kind_held_fen, row.fund_id

    # Point in time: every business date used (and the days either side), some positions.
    days = {e.occurred_on for _, e in pairs} | {START}
    days |= {d + dt.timedelta(days=1) for d in days} | {d - dt.timedelta(days=1) for d in days}

    # A fund's history read from the log gives, on every day, the counters from the checkpoints.
    for row in now:
        history = fund_history(fund_events[row.fund_id])
        assert history is not None
        assert ledger.fund_events(row.fund_id) == fund_events[row.fund_id]
        for day in sorted(days):
            read = fund_log_reader(ledger.log_reader)
            indexed = balances_on_day(ledger.view_store, read, day, fund_id=row.fund_id)
            assert history.counters(day) == {r: c for (_, r), c in indexed.items()}, day
        now_rows = ledger.view_store.query(
            "SELECT restriction, received_fen, refunded_fen, paid_fen, moved_in_fen, "
            "moved_out_fen, total_fen, reserved_fen, available_fen FROM {s}fund_balances "
            "WHERE fund_id = ?",
            (row.fund_id,),
        )
        assert history.counters() == {r[0]: Counters(*r[1:]) for r in now_rows}
    for day in sorted(days):
        assert ledger.balances(as_of=day) == as_of_day(pairs, day), day

    # A period's statement reads only the versions its period needs (from checkpoints and
    # late entries) and its opening from a checkpoint: the same lines, opening and
    # closing as the fund's whole history folded and filtered.
    for row in now:
        dated = fund_history(fund_events[row.fund_id]).dated()  # type: ignore[union-attr]
        for _ in range(3):
            a, b = sorted(draw(st.sampled_from(sorted(days))) for _ in range(2))
            first = draw(st.sampled_from([None, a]), label="from_day")
            last = draw(st.sampled_from([None, b]), label="to_day")
            got = ledger.statement(row.fund_id, from_day=first, to_day=last)
            before = [e for e in dated if first is not None and e.occurred_on < first]
            within = [
                e
                for e in dated
                if (first is None or e.occurred_on >= first)
                and (last is None or e.occurred_on <= last)
            ]
            assert [line.position for line in got.lines] == [e.position for e in within]
            assert got.opening_fen == sum(e.cash_fen for e in before)
            assert got.opening_in_kind_fen == sum(e.in_kind_fen for e in before)
            assert got.closing_fen == got.opening_fen + sum(e.cash_fen for e in within)
            assert got.closing_in_kind_fen == got.opening_in_kind_fen + sum(
                e.in_kind_fen for e in within
            )
    head = ledger.log_position()
    positions = {0, head, *(draw(st.integers(0, head)) for _ in range(5))}
    for position in sorted(positions):
        assert ledger.balances(position=position) == as_of_position(pairs, position), position

    # The auditor's replay from the raw events agrees with the views, now and on any day.
    assert audit(ledger).ok
    assert audit(ledger, as_of=draw(st.sampled_from(sorted(days)))).ok

    # Stations: each station's funds, put together, are the district's.
    day = draw(st.sampled_from(sorted(days)))
    position = draw(st.integers(0, head))
    # A station no fund names is unknown to a store of funds alone: NotFound, not an empty list.
    named = {row.station_id for row in ledger.balances()}
    for s in set(STATIONS) - named:
        with pytest.raises(NotFound):
            ledger.balances(station_id=s)
    for query in ({}, {"as_of": day}, {"position": position}):
        whole = ledger.balances(**query)
        parts = [row for s in sorted(named) for row in ledger.balances(station_id=s, **query)]
        assert sorted(parts, key=lambda r: r.fund_id) == whole, query
        assert district(parts) == district(whole)

    # Rebuilding in place gives the same tables again.
    assert ledger.view_runner.rebuild(views) == head
    assert dump(ledger.view_store, views) == incremental


# ---- one test per backend -------------------------------------------------------------------


@contextmanager
def checkpoints_every(events: int) -> Iterator[None]:
    """Fold the views with a checkpoint every ``events`` versions of a fund (the histories
    here are short: the default interval would leave most of them without one)."""
    with mock.patch.object(fund_views, "CHECKPOINT_EVENTS", events):
        yield


def property_settings(max_examples: int) -> settings:
    return settings(
        max_examples=max_examples,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


@contextmanager
def opened(store: str) -> Iterator[Ledger]:
    ledger = Ledger(store, clock=FixedClock())
    try:
        yield ledger
    finally:
        ledger.close()


@contextmanager
def postgres_store() -> Iterator[str]:
    """A PostgreSQL store URL in a fresh schema, dropped afterwards."""
    import psycopg

    schema = f"t_{uuid.uuid4().hex[:16]}"
    with psycopg.connect(host=PG_HOST, port=PG_PORT, dbname=PG_DB, user=PG_USER) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    try:
        yield f"postgresql://{PG_USER}@{PG_HOST}:{PG_PORT}/{PG_DB}?schema={schema}"
    finally:
        with psycopg.connect(host=PG_HOST, port=PG_PORT, dbname=PG_DB, user=PG_USER) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


@property_settings(100)
@given(data=st.data())
def test_views_in_memory(data: st.DataObject) -> None:
    every = data.draw(st.integers(1, 6), label="checkpoint every")
    with checkpoints_every(every), opened("memory:") as ledger:
        check_history(ledger, data)


@property_settings(100)
@given(data=st.data())
def test_views_on_sqlite(data: st.DataObject) -> None:
    every = data.draw(st.integers(1, 6), label="checkpoint every")
    with checkpoints_every(every), opened("sqlite::memory:") as ledger:
        check_history(ledger, data)


@pytest.mark.postgres
def test_views_on_postgres() -> None:
    require_postgres()

    @property_settings(20)
    @given(data=st.data())
    def run(data: st.DataObject) -> None:
        every = data.draw(st.integers(1, 6), label="checkpoint every")
        with checkpoints_every(every), postgres_store() as store, opened(store) as ledger:
            check_history(ledger, data)

    run()


# ---- the statement line's recording time ---------------------------------------------------

offsets = st.timedeltas(min_value=dt.timedelta(hours=-23), max_value=dt.timedelta(hours=23))
zones = st.one_of(
    st.just(dt.UTC),
    st.none(),
    offsets.map(dt.timezone),  # includes offsets with seconds, and a zero one that is not UTC
)


@given(moment=st.datetimes(timezones=zones))
def test_recorded_at_text_is_isoformat(moment: dt.datetime) -> None:
    """The CSV export's fast spelling of a recording time is ``isoformat``'s, to the character."""
    from sgz_ledger.projections.fund_log import iso_time

    assert iso_time(moment) == moment.isoformat()


# ---- audit finds any single edit of any view table ------------------------------------------


def edit_one_cell(ledger: Ledger, draw: Draw) -> tuple[str, tuple[Any, ...], str] | None:
    """Change, delete or add one row of one view table (drawn); ``None`` if all are empty.

    Returns what audit must name: the table, the row's key and the column (``""`` for a
    row deleted or added, or a key changed: a row gone and another come).
    """
    views = ledger.fund_views
    store = ledger.view_store
    tables = [t for t in views.tables if store.query(f"SELECT 1 FROM {{s}}{t.name} LIMIT 1")]
    if not tables:
        return None
    table = draw(st.sampled_from(tables))
    names = table.column_names
    rows = sorted(store.query(f"SELECT {', '.join(names)} FROM {{s}}{table.name}"))
    row = draw(st.sampled_from(rows))
    width = len(table.key)
    key = row[:width]
    keys = {r[:width] for r in rows}
    where = " AND ".join(f"{c} = ?" for c in table.key)
    action = draw(st.sampled_from(("edit", "delete", "insert")))

    def other(value: Any) -> Any:
        if isinstance(value, int):
            return value + draw(st.integers(-(10**6), 10**6).filter(bool))
        return draw(st.text(max_size=4).filter(lambda t: t != value))

    with store.recorder.datastore.transaction(commit=True) as c:
        if action == "delete":
            c.execute(f"DELETE FROM {table.name} WHERE {where}", key)
            return table.name, key, ""
        if action == "insert":
            new_key = key
            while new_key in keys:
                new_key = (*key[:-1], other(key[-1]))
            values = (*new_key, *(other(v) if draw(st.booleans()) else v for v in row[width:]))
            marks = ", ".join("?" * len(names))
            c.execute(f"INSERT INTO {table.name} ({', '.join(names)}) VALUES ({marks})", values)
            return table.name, new_key, ""
        i = draw(st.integers(0, len(names) - 1))
        value = other(row[i])
        if i < width and (*key[:i], value, *key[i + 1 :]) in keys:
            value = row[i]  # a key taken: change a value instead
            i = len(names) - 1
            value = other(row[i])
        c.execute(f"UPDATE {table.name} SET {names[i]} = ? WHERE {where}", (value, *key))
        return table.name, key, names[i] if i >= width else ""


@property_settings(100)
@given(data=st.data())
def test_audit_finds_any_single_edit_of_a_view_table(data: st.DataObject) -> None:
    with opened("sqlite::memory:") as ledger:
        writer = HistoryWriter(ledger, data.draw)
        for _ in range(data.draw(st.integers(5, STEPS_MAX), label="steps")):
            writer.step()
        ledger.catch_up_views()
        assert audit(ledger).ok
        edited = edit_one_cell(ledger, data.draw)
        if edited is None:
            note_event("no view row to edit")
            return
        table, key, column = edited
        note_event(f"{table}: {'row' if column == '' else 'cell'}")
        report = audit(ledger)
        assert not report.ok
        assert (table, key, column) in {(d.table, d.key, d.column) for d in report.differences}
        # Rebuilt, the views follow from the events again.
        ledger.rebuild_views()
        assert audit(ledger).ok
