"""A deterministic synthetic history of a county's community funds, for the benchmarks.

``steps(spec)`` plays out ``spec.events`` ledger events over about three years of
business dates: ~20 stations with ~10 funds each; cash donations (unrestricted or for
one of the fund's purposes), disbursements going request -> approval(s) -> 公示 ->
payment, an occasional rejection and an occasional refund; amounts in integer fen.
Every step is one command and exactly one event (no ``close_fund`` with a transfer),
so ``spec.events`` counts both.

The same seeded step stream has two faces:

* ``commands(spec)``: ``sgz_ledger.service.commands`` command models, in an order every rule
  accepts (each fund has the money a request asks for before it is approved, a
  second approver above the fund's threshold, payment only after the 公示 period,
  refunds never above the gift or what is available), to load through
  ``Ledger.execute_batch`` with every rule enforced;
* ``events(spec)`` / ``raw_rows(spec)``: the events those commands record, built
  here (recording timestamps aside, field for field what the ledger stores; the quick
  test compares the two), and the rows of eventsourcing's SQLite ``stored_events``
  table encoded with the library's own ``EventCodec``, for the raw ``executemany``
  baseline (``write_raw_store``).

Nothing here reads a clock or the global random generator: the same spec gives the
same history on every machine. Bump ``HISTORY_VERSION`` whenever the history changes,
so cached stores built from an older one are not reused.
"""

from __future__ import annotations

import datetime as dt
import heapq
import math
import os
import random
import sqlite3
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple, TypeVar
from uuid import UUID

from sgz_ledger.domain import events as ev
from sgz_ledger.domain.fund import fund_uuid
from sgz_ledger.service import commands as b
from sgz_ledger.storage.codec import EventCodec

__all__ = [
    "HISTORY_VERSION",
    "RAW_TABLE_SQL",
    "HistorySpec",
    "Step",
    "batched",
    "commands",
    "events",
    "in_log_order",
    "raw_rows",
    "steps",
    "to_command",
    "write_raw_store",
    "write_statements",
]

# Bump when the generated history changes in any way (cached stores are keyed by it).
HISTORY_VERSION = 1

# eventsourcing 9.5's SQLite application table, exactly (sqlite.py,
# SQLiteApplicationRecorder.construct_create_table_statements).
RAW_TABLE_SQL = (
    "CREATE TABLE IF NOT EXISTS stored_events ("
    "originator_id TEXT, "
    "originator_version INTEGER, "
    "topic TEXT, "
    "state BLOB, "
    "PRIMARY KEY "
    "(originator_id, originator_version))"
)

# The purposes restricted gifts are given for; each fund accepts two of them.
PURPOSES = ("助学", "助老", "助残", "社区营造", "应急救助", "环境整治", "儿童关爱", "文体活动")
COMMUNITIES = ("崔寨", "清宁", "朝阳", "幸福", "和平", "光明", "新华", "振兴", "团结", "永安")
SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗"
GIVEN = ("芳", "强", "敏", "伟", "静", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛", "明", "霞")
COMPANIES = ("某爱心企业", "某商贸公司", "某建筑公司", "某超市", "某物业公司", "某餐饮店")
PAYEES = ("某文具店", "幸福食堂", "某医药公司", "某建材店", "某文化传媒", "某家政公司")
REQUEST_PURPOSES = ("困境儿童学习用品", "高龄老人助餐", "残疾人康复辅具", "楼道改造", "应急物资")

# Shares of newly started actions (the rest are cash donations). A request brings
# 3-4 more events (approvals, 公示, payment), so donations end up about half the log.
REFUND_SHARE = 0.01
REQUEST_SHARE = 0.19
REJECT_SHARE = 0.02  # of first approvals: the request is turned down instead
ANONYMOUS_SHARE = 0.15
UNRESTRICTED_SHARE = 0.55
# Donations from 10 to 20,000 yuan, log-uniform; one in ten has odd fen.
GIFT_YUAN_MIN = 10
GIFT_YUAN_MAX = 20_000
REQUEST_FEN_MIN = 10_000  # a request asks for at least 100 yuan
REQUEST_SHARE_OF_AVAILABLE_MAX = 0.4
RECENT_RECEIPTS_MAX = 64  # refunds are of a fund's recent gifts
NOTICE_DAYS = 5  # 公示 runs five days, inclusive
THRESHOLDS_FEN = (200_000, 500_000, 1_000_000)
PUBLICITY_SHARE = 0.7


@dataclass(frozen=True)
class HistorySpec:
    """What history to generate.

    Attributes:
        events: ledger events (= commands) in the history.
        seed: the random seed; the same spec always gives the same history.
        stations: stations (社工站) in the county.
        funds_per_station: community funds per station.
        start: the first business date.
        days: business dates span ``start`` .. ``start + days - 1``.
    """

    events: int = 1_000_000
    seed: int = 20_220_101
    stations: int = 20
    funds_per_station: int = 10
    start: dt.date = dt.date(2022, 1, 1)
    days: int = 1096

    @property
    def funds(self) -> int:
        """How many funds the history opens."""
        return self.stations * self.funds_per_station

    @property
    def key(self) -> str:
        """A name for caches built from this history."""
        return f"h{HISTORY_VERSION}-n{self.events}-s{self.seed}"


class Step(NamedTuple):
    """One command of the history and the one event it records.

    Attributes:
        kind: ``open``, ``cash``, ``request``, ``approve``, ``reject``, ``publicize``,
            ``pay`` or ``refund``.
        fund_id: the fund it addresses.
        day: the business date.
        actor: who does it.
        fields: the command's own fields and what its event adds (see ``commands``).
    """

    kind: str
    fund_id: str
    day: dt.date
    actor: str
    fields: dict[str, Any]


class _Fund:
    """What the generator must know of a fund to issue only commands the rules accept."""

    __slots__ = (
        "approvers",
        "committed_fen",
        "fund_id",
        "handler",
        "open_fields",
        "publicity",
        "purposes",
        "receipts",
        "requesters",
        "seq",
        "threshold_fen",
    )

    def __init__(self, rng: random.Random, station: int, number: int) -> None:
        self.fund_id = f"S{station:02d}-F{number:02d}"
        community = f"{COMMUNITIES[number % len(COMMUNITIES)]}{station:02d}社区"
        self.threshold_fen = rng.choice(THRESHOLDS_FEN)
        self.publicity = rng.random() < PUBLICITY_SHARE
        self.purposes = tuple(rng.sample(PURPOSES, 2))
        self.handler = _person(rng)
        self.requesters = (f"社工-{_person(rng)}", f"社工-{_person(rng)}")
        self.approvers = (f"管委会-{_person(rng)}", f"管委会-{_person(rng)}-2")
        self.open_fields: dict[str, Any] = {
            "station_id": f"S{station:02d}",
            "community": community,
            "name": f"{community}微基金",
            "host": f"{station:02d}区慈善总会",
            "approval_threshold_fen": self.threshold_fen,
            "publicity_required": self.publicity,
        }
        # Per restriction ('' = unrestricted): what is available less what open
        # requests will reserve when approved, so every approval finds its money.
        self.committed_fen: dict[str, int] = {"": 0, **dict.fromkeys(self.purposes, 0)}
        # Recent gifts that may be refunded: [receipt_no, restriction, amount, refunded].
        self.receipts: deque[list[Any]] = deque(maxlen=RECENT_RECEIPTS_MAX)
        self.seq = 0

    def next_id(self, letter: str) -> str:
        self.seq += 1
        return f"{self.fund_id}-{letter}{self.seq:07d}"


class _Flow:
    """A disbursement on its way from request to payment."""

    __slots__ = (
        "amount_fen",
        "approvals",
        "fund",
        "needed",
        "payee",
        "purpose",
        "request_id",
        "restriction",
        "stage",
    )

    def __init__(self, fund: _Fund, request_id: str, amount_fen: int, restriction: str) -> None:
        self.fund = fund
        self.request_id = request_id
        self.amount_fen = amount_fen
        self.restriction = restriction
        self.purpose = ""
        self.payee = ""
        self.needed = 2 if amount_fen > fund.threshold_fen else 1
        self.approvals = 0
        self.stage = "approve"


def _person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + rng.choice(GIVEN)


def steps(spec: HistorySpec) -> Iterator[Step]:
    """The history, one step (command and event) at a time, in an order the rules accept.

    Business dates never go backwards: the ``n``-th step falls on day
    ``n * days // events``, and a disbursement's next step waits in a queue until its
    due day comes.
    """
    rng = random.Random(spec.seed)
    funds = [
        _Fund(rng, station, number)
        for station in range(1, spec.stations + 1)
        for number in range(1, spec.funds_per_station + 1)
    ]
    # Some funds are busier than others (a few village funds get most gifts).
    weights = [rng.paretovariate(1.5) for _ in funds]
    cum_weights = [sum(weights[: i + 1]) for i in range(len(weights))]
    dates = [spec.start + dt.timedelta(days=d) for d in range(spec.days + 60)]
    due: list[tuple[int, int, _Flow]] = []  # (due day, tie-break, flow)
    tie = 0
    total = spec.events
    for count in range(total):
        offset = count * spec.days // total
        day = dates[offset]
        if count < len(funds):
            fund = funds[count]
            yield Step("open", fund.fund_id, day, fund.handler, dict(fund.open_fields))
            continue
        if due and due[0][0] <= offset:
            _, _, flow = heapq.heappop(due)
            step, wait = _advance(rng, flow, day)
            if wait is not None:
                tie += 1
                heapq.heappush(due, (offset + wait, tie, flow))
            yield step
            continue
        fund = rng.choices(funds, cum_weights=cum_weights)[0]
        r = rng.random()
        if r < REFUND_SHARE:
            refund = _refund(rng, fund, day)
            if refund is not None:
                yield refund
                continue
        elif r < REFUND_SHARE + REQUEST_SHARE:
            started = _request(rng, fund, day)
            if started is not None:
                step, flow = started
                tie += 1
                heapq.heappush(due, (offset + rng.randint(1, 3), tie, flow))
                yield step
                continue
        yield _gift(rng, fund, day)


def _gift(rng: random.Random, fund: _Fund, day: dt.date) -> Step:
    restriction = "" if rng.random() < UNRESTRICTED_SHARE else rng.choice(fund.purposes)
    yuan = int(math.exp(rng.uniform(math.log(GIFT_YUAN_MIN), math.log(GIFT_YUAN_MAX))))
    amount_fen = yuan * 100 + (rng.randint(1, 99) if rng.random() < 0.1 else 0)
    if rng.random() < ANONYMOUS_SHARE:
        donor = None
    elif rng.random() < 0.2:
        donor = rng.choice(COMPANIES)
    else:
        donor = _person(rng)
    receipt_no = fund.next_id("R")
    fund.committed_fen[restriction] += amount_fen
    fund.receipts.append([receipt_no, restriction, amount_fen, 0])
    return Step(
        "cash",
        fund.fund_id,
        day,
        fund.handler,
        {
            "receipt_no": receipt_no,
            "donor": donor,
            "restriction": restriction,
            "amount_fen": amount_fen,
        },
    )


def _request(rng: random.Random, fund: _Fund, day: dt.date) -> tuple[Step, _Flow] | None:
    candidates = [r for r, fen in fund.committed_fen.items() if fen >= REQUEST_FEN_MIN]
    if not candidates:
        return None
    restriction = rng.choice(candidates)
    room = fund.committed_fen[restriction]
    top = max(REQUEST_FEN_MIN, int(room * REQUEST_SHARE_OF_AVAILABLE_MAX))
    amount_fen = min(room, rng.randint(REQUEST_FEN_MIN, top) // 100 * 100)
    fund.committed_fen[restriction] -= amount_fen
    flow = _Flow(fund, fund.next_id("Q"), amount_fen, restriction)
    flow.purpose = rng.choice(REQUEST_PURPOSES)
    flow.payee = rng.choice(PAYEES)
    step = Step(
        "request",
        fund.fund_id,
        day,
        rng.choice(fund.requesters),
        {
            "request_id": flow.request_id,
            "amount_fen": amount_fen,
            "purpose": flow.purpose,
            "restriction": restriction,
            "payee": flow.payee,
        },
    )
    return step, flow


def _advance(rng: random.Random, flow: _Flow, day: dt.date) -> tuple[Step, int | None]:
    """The flow's next step, and in how many days the one after is due (None: done)."""
    fund = flow.fund
    if flow.stage == "approve":
        approver = fund.approvers[flow.approvals]
        if flow.approvals == 0 and rng.random() < REJECT_SHARE:
            fund.committed_fen[flow.restriction] += flow.amount_fen
            fields = {
                "request_id": flow.request_id,
                "reason": "不符合资助条件",
                "restriction": flow.restriction,
                "released_fen": 0,
            }
            return Step("reject", fund.fund_id, day, approver, fields), None
        flow.approvals += 1
        completes = flow.approvals >= flow.needed
        step = Step(
            "approve",
            fund.fund_id,
            day,
            approver,
            {
                "request_id": flow.request_id,
                "restriction": flow.restriction,
                "reserved_fen": flow.amount_fen if completes else 0,
            },
        )
        if not completes:
            return step, rng.randint(0, 2)
        if fund.publicity:
            flow.stage = "publicize"
            return step, rng.randint(0, 2)
        flow.stage = "pay"
        return step, rng.randint(1, 5)
    if flow.stage == "publicize":
        notice_to = day + dt.timedelta(days=NOTICE_DAYS - 1)
        flow.stage = "pay"
        step = Step(
            "publicize",
            fund.fund_id,
            day,
            fund.handler,
            {
                "request_id": flow.request_id,
                "notice_ref": f"公示-{flow.request_id}",
                "notice_from": day,
                "notice_to": notice_to,
            },
        )
        # Payment from the day after the notice period (inclusive) ends.
        return step, NOTICE_DAYS + rng.randint(0, 3)
    assert flow.stage == "pay", flow.stage
    step = Step(
        "pay",
        fund.fund_id,
        day,
        fund.handler,
        {
            "request_id": flow.request_id,
            "voucher_no": f"PZ-{flow.request_id}",
            "restriction": flow.restriction,
            "amount_fen": flow.amount_fen,
            "payee": flow.payee,
            "purpose": flow.purpose,
        },
    )
    return step, None


def _refund(rng: random.Random, fund: _Fund, day: dt.date) -> Step | None:
    if not fund.receipts:
        return None
    gift = fund.receipts[rng.randrange(len(fund.receipts))]
    receipt_no, restriction, amount_fen, refunded_fen = gift
    refundable = min(amount_fen - refunded_fen, fund.committed_fen[restriction])
    if refundable <= 0:
        return None
    amount = refundable if rng.random() < 0.5 else max(1, refundable // 2)
    gift[3] += amount
    fund.committed_fen[restriction] -= amount
    return Step(
        "refund",
        fund.fund_id,
        day,
        fund.handler,
        {
            "refund_id": fund.next_id("T"),
            "receipt_no": receipt_no,
            "amount_fen": amount,
            "reason": "捐赠人要求退回",
            "restriction": restriction,
        },
    )


# ---- face 1: boundary command models -------------------------------------------------


def to_command(step: Step) -> b.Command:
    """The boundary command model of a step."""
    f = step.fields
    common: dict[str, Any] = {
        "fund_id": step.fund_id,
        "actor": step.actor,
        "occurred_on": step.day,
    }
    match step.kind:
        case "cash":
            return b.ReceiveCashDonation(
                **common,
                receipt_no=f["receipt_no"],
                amount_fen=f["amount_fen"],
                donor=f["donor"],
                restriction=f["restriction"],
            )
        case "request":
            return b.RequestDisbursement(
                **common,
                request_id=f["request_id"],
                amount_fen=f["amount_fen"],
                purpose=f["purpose"],
                payee=f["payee"],
                restriction=f["restriction"],
            )
        case "approve":
            return b.ApproveDisbursement(**common, request_id=f["request_id"])
        case "reject":
            return b.RejectDisbursement(**common, request_id=f["request_id"], reason=f["reason"])
        case "publicize":
            return b.PublicizeDisbursement(
                **common,
                request_id=f["request_id"],
                notice_ref=f["notice_ref"],
                notice_from=f["notice_from"],
                notice_to=f["notice_to"],
            )
        case "pay":
            return b.PayDisbursement(
                **common, request_id=f["request_id"], voucher_no=f["voucher_no"]
            )
        case "refund":
            return b.RefundDonation(
                **common,
                refund_id=f["refund_id"],
                receipt_no=f["receipt_no"],
                amount_fen=f["amount_fen"],
                reason=f["reason"],
            )
        case "open":
            return b.OpenFund(
                **common,
                station_id=f["station_id"],
                community=f["community"],
                name=f["name"],
                host=f["host"],
                approval_threshold_fen=f["approval_threshold_fen"],
                publicity_required=f["publicity_required"],
            )
    msg = f"unknown step kind {step.kind!r}"
    raise AssertionError(msg)


def commands(spec: HistorySpec) -> Iterator[b.Command[Any]]:
    """The history as boundary command models, for ``Ledger.execute_batch``."""
    for step in steps(spec):
        yield to_command(step)


# ---- face 2: the recorded events and their stored rows --------------------------------

_EVENT_CLASSES: dict[str, type[ev.FundEvent]] = {
    "open": ev.FundOpened,
    "cash": ev.CashDonationReceived,
    "request": ev.DisbursementRequested,
    "approve": ev.DisbursementApproved,
    "reject": ev.DisbursementRejected,
    "publicize": ev.DisbursementPublicized,
    "pay": ev.DisbursementPaid,
    "refund": ev.DonationRefunded,
}
# The event of an open step also names the fund.
_EXTRA_EVENT_FIELDS = {"open": ("fund_id",)}


def events(spec: HistorySpec) -> Iterator[ev.FundEvent]:
    """The events the history's commands record, in log order.

    Recording timestamps are deterministic (the business date at midnight UTC plus
    the step's number in microseconds) where the ledger stamps its clock's time.
    """
    versions: dict[str, int] = {}
    ids: dict[str, UUID] = {}
    for n, step in enumerate(steps(spec)):
        uid = ids.get(step.fund_id)
        if uid is None:
            uid = ids[step.fund_id] = fund_uuid(step.fund_id)
        version = versions[step.fund_id] = versions.get(step.fund_id, 0) + 1
        extra = dict.fromkeys(_EXTRA_EVENT_FIELDS.get(step.kind, ()), step.fund_id)
        yield _EVENT_CLASSES[step.kind](
            originator_id=uid,
            originator_version=version,
            timestamp=dt.datetime.combine(step.day, dt.time(), dt.UTC)
            + dt.timedelta(microseconds=n),
            actor=step.actor,
            occurred_on=step.day,
            **extra,
            **step.fields,
        )


def in_log_order(stream: Iterable[ev.FundEvent], batch: int) -> Iterator[ev.FundEvent]:
    """``stream`` in the order a ledger loading it in batches of ``batch`` logs it.

    ``Ledger.execute_batch`` saves a batch with one ``Application.save`` of every fund
    it touched, in the order each was first touched, so the log holds each fund's
    events of the batch together rather than in command order.
    """
    for chunk in batched(stream, batch):
        by_fund: dict[UUID, list[ev.FundEvent]] = {}
        for event in chunk:
            by_fund.setdefault(event.originator_id, []).append(event)
        for fund_events in by_fund.values():
            yield from fund_events


def raw_rows(
    spec: HistorySpec, batch: int, codec: EventCodec | None = None
) -> Iterator[tuple[str, int, str, bytes]]:
    """The rows of eventsourcing's ``stored_events`` table for the history, in log order.

    ``(originator_id as 32 hex digits, originator_version, topic, state)``, the event
    encoded by the library's own codec (``name_of``, ``encode``), as the SQLite recorder
    writes them, in the order a load in batches of ``batch`` commands logs them.
    """
    codec = codec or EventCodec()
    encode, name_of = codec.encode, codec.name_of
    for event in in_log_order(events(spec), batch):
        yield (event.originator_id.hex, event.originator_version, name_of(event), encode(event))


T = TypeVar("T")


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """``items`` in lists of ``size`` (the last may be shorter)."""
    batch: list[T] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


RAW_INSERT_SQL = "INSERT INTO stored_events VALUES (?,?,?,?)"

# A batch's statements: each SQL statement with its rows of parameters (one executemany).
Statements = Sequence[tuple[str, Sequence[tuple[Any, ...]]]]


def write_raw_store(
    path: str, batches: Iterable[list[tuple[str, int, str, bytes]]]
) -> Iterator[tuple[int, float]]:
    """Insert row batches into a fresh SQLite file with eventsourcing's table, durably
    (``write_statements``). Yields ``(rows, seconds)`` per batch."""
    statements = ([(RAW_INSERT_SQL, batch)] for batch in batches)
    for done, seconds in write_statements(path, [RAW_TABLE_SQL], statements):
        yield len(done[0][1]), seconds


def write_statements(
    path: str | os.PathLike[str], schema: Sequence[str], batches: Iterable[Statements]
) -> Iterator[tuple[Statements, float]]:
    """Create ``schema`` in a fresh SQLite file, then run each batch's statements in one
    durable transaction.

    The connection is set up as eventsourcing's SQLite datastore sets up its own (WAL
    journal, SQLite's default ``synchronous``, autocommit with explicit transactions),
    and each statement is one ``executemany``. Yields each batch with the seconds of its
    statements and commit alone, so that a caller times the database and not the
    generator feeding it.
    """
    import time

    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("PRAGMA journal_mode=WAL")
        for create in schema:
            connection.execute(create)
        for batch in batches:
            started = time.perf_counter()
            connection.execute("BEGIN")
            for sql, rows in batch:
                connection.executemany(sql, rows)
            connection.execute("COMMIT")
            yield batch, time.perf_counter() - started
    finally:
        connection.close()
