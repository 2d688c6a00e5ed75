"""Fund reports for people: a fund's statement, what donors gave and how it was used, disclosure.

Every report reads each fund's events from the event log (a ``FundReader``:
``Ledger.fund_events``) and folds them into entries (``projections.fund_log``); the
views serve only to list a station's funds (``funds``). Why from the log: the views hold
no per-event copy of it, so nothing personal is kept in clear beside encrypted events
and what people are shown is what the hash chain protects (``docs/projections.md``).
The answers are frozen msgspec structs: money in integer fen, dates as
``datetime.date``.

Reports:

* ``statement``: a fund's entries in date order with a running cash balance, from the
  balance at the end of the day before the period (rule 7, 12).
* ``donor_summary``: per donor (anonymous gifts together) what was given, refunded and
  reversed, and for each purpose they gave to, what it received in total and how it was
  used: the payments, the goods given out, the money moved (慈善法 Art.42, rule 13).

An individual donor (a gift recorded with ``donor_is_person``) is shown by the name sealed
in their gifts, opened (``donors.DonorNames``, passed as ``donors``), or by a pseudonym once
they were erased; their gifts count in every figure either way.
* ``disclosure``: a fund's 信息公开 for a period (rule 12): income by kind and
  restriction, spending by purpose, refunds, balances at both ends per restriction, goods,
  and every correction as a note with its reason and who made it.

Definitions shared by the reports:

* a day's **balance** is the fold of the entries dated on or before it (business date
  ``occurred_on``), whenever they were recorded (as ``balances.fund_state_at``);
* a **period** ``from_day .. to_day`` holds the entries dated in it, both ends included;
* a **correction** (a reversed donation or payment) counts in the period of its own
  date, the way rule 12 publishes a correction as a note, never by editing a published
  period: a gift reversed in March leaves January's income as published and shows as
  ``donations_reversed_fen`` in March;
* the amount of a reclassification (``restriction_released``, ``purpose_changed``) is
  the change it made to the source restriction's ``moved_out_fen`` (the entry's cash
  change is the fund's net change, which for a move between restrictions is zero).
"""

from __future__ import annotations

import datetime as dt
import operator
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

import msgspec

from sgz_ledger.domain.errors import InvalidInput, NotFound
from sgz_ledger.domain.text import person_key
from sgz_ledger.projections.framework import ViewStore
from sgz_ledger.projections.fund_log import (
    DONOR_ERASED,
    DONOR_PERSON,
    Counters,
    FundEntry,
    FundHistory,
    FundInfo,
    FundReader,
    fund_entries,
    fund_history,
    read_history,
)
from sgz_ledger.reports.balances import EventsAfter, fund_state_at, late_entries
from sgz_ledger.reports.periods import ClosedPeriodCorrection
from sgz_ledger.reports.scope import sql_in, station_scope
from sgz_ledger.storage.chain import Anchor
from sgz_ledger.storage.donor_names import DonorNames

__all__ = [
    "ENTRY_KIND_LABELS",
    "REPORT_LINES_MAX",
    "CorrectionNote",
    "Counters",
    "Disclosure",
    "DonorRow",
    "DonorSummary",
    "FundInfo",
    "GiftLine",
    "GoodsLineRow",
    "GoodsMovement",
    "MoveLine",
    "PaymentLine",
    "RestrictionFlow",
    "RestrictionUse",
    "SpendingLine",
    "Statement",
    "StatementLine",
    "balances_on_day",
    "disclosure",
    "donor_summary",
    "fund_codes",
    "statement",
]

# The most lines one report returns. A statement of a busy fund over many years can be
# long; a report past this bound is a request for the wrong period, and the caller is
# told to narrow it rather than given a silently cut list.
REPORT_LINES_MAX = 1_000_000

# Statement line kinds (``StatementLine.kind``) as people read them, Chinese and English.
ENTRY_KIND_LABELS: dict[str, str] = {
    "opened": "设立 opened",
    "donation": "现金捐赠 donation",
    "in_kind_donation": "物资捐赠 in kind",
    "goods_distributed": "物资发放 goods given out",
    "goods_sold": "物资变卖 goods sold",
    "refund": "退款 refund",
    "donation_reversed": "冲销捐赠 donation reversed",
    "payment_reversed": "冲销支付 payment reversed",
    "restriction_released": "解除限定 restriction released",
    "purpose_changed": "变更用途 purpose changed",
    "requested": "申请 requested",
    "approved": "审批 approved",
    "publicized": "公示 publicized",
    "paid": "支付 paid",
    "rejected": "驳回 rejected",
    "cancelled": "撤回 cancelled",
    "transfer_out": "转出 transfer out",
    "transfer_in": "转入 transfer in",
    "closed": "关闭 closed",
    "pledge": "认捐 pledge (not income)",
}

_CORRECTION_KINDS = (
    "refund",
    "donation_reversed",
    "payment_reversed",
    "purpose_changed",
    "restriction_released",
)
_MOVE_KINDS = ("restriction_released", "purpose_changed", "transfer_out", "transfer_in")
_GOODS_KINDS = ("in_kind_donation", "goods_distributed", "goods_sold")


# ---- results ----------------------------------------------------------------------------------


class StatementLine(msgspec.Struct, frozen=True, kw_only=True):
    """One entry of a statement (one event of the fund) and the cash balance after it.

    Attributes:
        position: the entry's log position (orders entries of the same day).
        kind: the entry kind (``ENTRY_KIND_LABELS`` has its label).
        restriction: the restriction the entry concerns (for a purpose change, the one
            money left; ``purpose`` names the one it went to).
        ref: the entry's own key (receipt, request, refund, correction id...).
        of_ref: what it refers to: the gift a refund or reversal corrects, the voucher
            of a payment, the request of a reversed payment, the consent of a move.
        counterparty: donor (``""`` when anonymous), payee, recipient, buyer, other fund.
        cash_fen: the signed change to the fund's cash.
        reserved_fen: the signed change to reservations (approvals, releases).
        in_kind_fen: the signed change to the booked value of goods held.
        moved_fen: the amount moved between restrictions (releases, purpose changes).
        balance_fen: the fund's cash after this line.
    """

    position: int
    occurred_on: dt.date
    recorded_at: dt.datetime
    kind: str
    restriction: str
    ref: str
    of_ref: str
    counterparty: str
    purpose: str
    actor: str
    reason: str
    cash_fen: int
    reserved_fen: int
    in_kind_fen: int
    moved_fen: int
    goods: str
    balance_fen: int


class Statement(msgspec.Struct, frozen=True, kw_only=True):
    """A fund's entries in a period, ordered by (business date, log position).

    Attributes:
        from_day, to_day: the period (``None``: from the first entry / to the last).
        opening_fen: cash at the end of the day before ``from_day`` (0 without one).
        closing_fen: cash at the end of ``to_day`` (now, without one): the last line's
            ``balance_fen`` (or the opening).
        opening_in_kind_fen, closing_in_kind_fen: the booked value of goods held then.
    """

    fund: FundInfo
    from_day: dt.date | None
    to_day: dt.date | None
    opening_fen: int
    closing_fen: int
    opening_in_kind_fen: int
    closing_in_kind_fen: int
    lines: tuple[StatementLine, ...]
    anchor: Anchor | None = None


class PaymentLine(msgspec.Struct, frozen=True, kw_only=True):
    """A payment from a fund, and its reversal if it was entered in error.

    Attributes:
        request_id: the disbursement request paid.
        amount_fen: the amount paid (positive).
        reversed_on: the date of the reversal (``None``: stands).
    """

    fund_id: str
    request_id: str
    voucher_no: str
    occurred_on: dt.date
    restriction: str
    purpose: str
    payee: str
    amount_fen: int
    actor: str
    reversed_on: dt.date | None = None
    reversal_ref: str = ""
    reversal_reason: str = ""


class GoodsMovement(msgspec.Struct, frozen=True, kw_only=True):
    """Goods in or out: an in-kind gift, goods given out, goods sold.

    Attributes:
        kind: ``in_kind_donation``, ``goods_distributed`` or ``goods_sold``.
        counterparty: the donor (``""`` anonymous), the recipient, the buyer.
        goods: ``item quantity unit; ...``.
        value_fen: the booked value that came in or went out (positive).
        proceeds_fen: the cash a sale brought (0 otherwise).
    """

    fund_id: str
    occurred_on: dt.date
    kind: str
    ref: str
    restriction: str
    counterparty: str
    purpose: str
    goods: str
    value_fen: int
    proceeds_fen: int
    actor: str
    reason: str


class MoveLine(msgspec.Struct, frozen=True, kw_only=True):
    """Money moved between restrictions or funds.

    Attributes:
        kind: ``restriction_released``, ``purpose_changed``, ``transfer_out``, ``transfer_in``.
        from_restriction, to_restriction: where it left and arrived (for a transfer, the
            same restriction in both funds).
        of_ref: the consent or decision cited (releases, purpose changes).
        counterparty: the other fund of a transfer.
    """

    fund_id: str
    occurred_on: dt.date
    kind: str
    ref: str
    of_ref: str
    from_restriction: str
    to_restriction: str
    counterparty: str
    amount_fen: int
    reason: str
    actor: str


class CorrectionNote(msgspec.Struct, frozen=True, kw_only=True):
    """A correction published as a note (rule 12): what was corrected, by whom, why.

    Attributes:
        kind: ``refund``, ``donation_reversed``, ``payment_reversed``,
            ``purpose_changed`` or ``restriction_released``.
        of_ref: the gift refunded or reversed, the request whose payment was reversed,
            or the consent / decision a move cites.
        restriction: the restriction concerned (a move's source).
        to_restriction: a move's target (``""`` for a release: unrestricted).
        amount_fen: the cash concerned (positive).
        in_kind_fen: the booked value of goods taken back by a reversed in-kind gift.
    """

    occurred_on: dt.date
    position: int
    kind: str
    ref: str
    of_ref: str
    restriction: str
    to_restriction: str
    amount_fen: int
    in_kind_fen: int
    reason: str
    actor: str


class RestrictionFlow(msgspec.Struct, frozen=True, kw_only=True):
    """One restriction's cash in a period, and its in-kind income, in fen.

    The cash identity, which ``reconciles`` checks::

        opening + cash_donations - donations_reversed + sale_proceeds - refunds
                - (paid - payments_reversed) + moved_in - moved_out = closing

    Attributes:
        restriction: the restriction (``""`` unrestricted); ``None`` for the fund's total.
        cash_donations_fen: cash gifts dated in the period.
        donations_reversed_fen: cash of gift entries reversed in the period.
        sale_proceeds_fen: cash from goods sold in the period.
        refunds_fen: cash refunded to donors in the period.
        paid_fen, payments_reversed_fen: payments, and payments reversed, in the period;
            ``spending_fen`` is the first less the second.
        moved_in_fen, moved_out_fen: reclassifications and transfers between funds.
        in_kind_donations_fen, in_kind_reversed_fen: booked value of goods given, and
            of in-kind gifts reversed, in the period (never cash).
        goods_out_fen: booked value of goods given out or sold in the period.
        opening_fen, closing_fen: cash at the end of the day before the period and at
            its end; ``closing_reserved_fen`` / ``closing_available_fen`` at its end.
    """

    restriction: str | None
    opening_fen: int
    cash_donations_fen: int
    donations_reversed_fen: int
    sale_proceeds_fen: int
    refunds_fen: int
    paid_fen: int
    payments_reversed_fen: int
    spending_fen: int
    moved_in_fen: int
    moved_out_fen: int
    closing_fen: int
    closing_reserved_fen: int
    closing_available_fen: int
    in_kind_donations_fen: int
    in_kind_reversed_fen: int
    goods_out_fen: int

    @property
    def cash_income_fen(self) -> int:
        """Cash income of the period: gifts less reversed gifts, plus sale proceeds."""
        return self.cash_donations_fen - self.donations_reversed_fen + self.sale_proceeds_fen

    @property
    def reconciles(self) -> bool:
        """Whether opening + income - refunds - spending + moves equals closing."""
        return (
            self.opening_fen
            + self.cash_income_fen
            - self.refunds_fen
            - self.spending_fen
            + self.moved_in_fen
            - self.moved_out_fen
            == self.closing_fen
        )


class SpendingLine(msgspec.Struct, frozen=True, kw_only=True):
    """Spending of one purpose from one restriction in a period.

    Attributes:
        payments: payments dated in the period.
        paid_fen: their amount; ``reversed_fen`` payments of this purpose reversed in
            the period (whenever paid); ``spending_fen`` the first less the second.
    """

    restriction: str
    purpose: str
    payments: int
    paid_fen: int
    reversed_fen: int
    spending_fen: int


class GoodsLineRow(msgspec.Struct, frozen=True, kw_only=True):
    """One fund's goods of one item, unit and purpose, in whole units and booked fen.

    Attributes:
        restriction: the purpose the goods were given for (``""`` unrestricted).
        opening: in stock at the end of the day before the period (0 for all time).
        received: in gifts dated in the period.
        reversed: in gift entries reversed in the period (an erroneous entry undone).
        handed_out: given out (派发) in the period.
        sold: sold (变卖) in the period.
        in_stock: in stock at the period's end.
        received_value_fen ... in_stock_value_fen: the booked value of the same (0 for
            unvalued goods).
    """

    fund_id: str
    station_id: str
    restriction: str
    item: str
    unit: str
    opening: int
    received: int
    reversed: int
    handed_out: int
    sold: int
    in_stock: int
    received_value_fen: int
    reversed_value_fen: int
    handed_out_value_fen: int
    sold_value_fen: int
    in_stock_value_fen: int


class Disclosure(msgspec.Struct, frozen=True, kw_only=True):
    """A fund's disclosure (信息公开) for a period, rule 12.

    Attributes:
        restrictions: each restriction with an amount in the period (or a balance).
        total: the same figures for the whole fund (``restriction=None``).
        spending: paid less reversed, by restriction and purpose.
        payments: the payments dated in the period (with any reversal).
        goods: goods received, given out and sold in the period.
        corrections: refunds, reversals, purpose changes and restriction releases dated
            in the period, each with its reason and actor.
        closed_period_corrections: the corrections recorded into the station's closed
            periods that no published disclosure listed yet (更正说明, rule 34); unset
            when there is none.
        goods_units: the period's goods in units and value, per purpose, item and unit
            (``泡面 145 箱 received, 145 箱 handed out``; ``reports.goods``, rule 57): set
            only when asked for (``Ledger.disclosure(goods=True)``) and the fund holds
            or moved goods.
    """

    fund: FundInfo
    from_day: dt.date
    to_day: dt.date
    restrictions: tuple[RestrictionFlow, ...]
    total: RestrictionFlow
    spending: tuple[SpendingLine, ...]
    payments: tuple[PaymentLine, ...]
    goods: tuple[GoodsMovement, ...]
    corrections: tuple[CorrectionNote, ...]
    anchor: Anchor | None = None
    # Left out of the JSON when there is none: reports of stores without one stay as
    # they were.
    closed_period_corrections: tuple[ClosedPeriodCorrection, ...] | msgspec.UnsetType = (
        msgspec.UNSET
    )
    # The same: left out unless asked for, so the JSON software reads stays as it was.
    goods_units: tuple[GoodsLineRow, ...] | msgspec.UnsetType = msgspec.UNSET

    @property
    def reconciles(self) -> bool:
        """Whether every restriction's and the fund's cash identity holds."""
        return self.total.reconciles and all(r.reconciles for r in self.restrictions)


class GiftLine(msgspec.Struct, frozen=True, kw_only=True):
    """One registered gift and what became of it.

    Attributes:
        receipt_no: the gift's receipt number (its key in the fund).
        kind: ``cash`` or ``in_kind``.
        cash_fen: the cash given (0 for goods); ``in_kind_fen`` the goods' booked value.
        refunded_fen: cash refunded from this gift.
        reversed: the entry was reversed as an error (``reversed_on``, ``reversal_reason``).
    """

    fund_id: str
    receipt_no: str
    occurred_on: dt.date
    kind: str
    restriction: str
    cash_fen: int
    in_kind_fen: int
    goods: str
    actor: str
    refunded_fen: int
    reversed: bool
    reversed_on: dt.date | None
    reversal_reason: str


class RestrictionUse(msgspec.Struct, frozen=True, kw_only=True):
    """How the money of one purpose of one fund was used, as a donor may inspect it.

    Attributes:
        restriction: the purpose (``""``: the fund's unrestricted money).
        received_fen: cash it received in total (gifts and sale proceeds, net of
            reversed gift entries); ``in_kind_received_fen`` goods' booked value, net.
        refunded_fen, paid_fen, moved_in_fen, moved_out_fen: cash out and moved.
        total_fen, reserved_fen, available_fen: its cash now.
        payments: every payment from it; goods_distributed: goods given out from it;
        moves: money moved into or out of it.
    """

    fund_id: str
    restriction: str
    received_fen: int
    in_kind_received_fen: int
    refunded_fen: int
    paid_fen: int
    moved_in_fen: int
    moved_out_fen: int
    total_fen: int
    reserved_fen: int
    available_fen: int
    payments: tuple[PaymentLine, ...]
    goods_distributed: tuple[GoodsMovement, ...]
    moves: tuple[MoveLine, ...]


class DonorRow(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True):
    """What one donor (or all anonymous givers together) gave, and what became of it.

    (``omit_defaults``: ``person`` and ``erased`` are written only when true, so that a
    summary of organisations' gifts reads as it always did.)

    Attributes:
        donor: the donor's name; ``None`` for the anonymous gifts, grouped. An individual
            donor's name as sealed in their first gift, or their pseudonym once erased.
        gifts: the number of gifts registered.
        cash_fen, in_kind_fen: cash and goods' booked value given (as registered).
        refunded_fen: cash refunded to them.
        reversed_cash_fen, reversed_in_kind_fen: gifts reversed as erroneous entries.
        net_cash_fen: cash given less refunded and reversed.
        restrictions: each fund purpose they gave to, and its use.
        person: an individual donor (their gifts grouped by their name as people compare:
            ``text.person_key``), not an organisation.
        erased: an individual donor whose name was erased (``donor`` is the pseudonym).
    """

    donor: str | None
    gifts: int
    cash_fen: int
    in_kind_fen: int
    refunded_fen: int
    reversed_cash_fen: int
    reversed_in_kind_fen: int
    net_cash_fen: int
    gift_lines: tuple[GiftLine, ...]
    restrictions: tuple[RestrictionUse, ...]
    person: bool = False
    erased: bool = False


class DonorSummary(msgspec.Struct, frozen=True, kw_only=True):
    """Donors of a fund, a station, or the store (filters as asked), by name, anonymous last."""

    fund_id: str | None
    station_id: str | None
    donor: str | None
    donors: tuple[DonorRow, ...]
    anchor: Anchor | None = None


# ---- reading -----------------------------------------------------------------------------------


def _where(
    prefix: str, fund_id: str | None, stations: frozenset[str] | None
) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if fund_id is not None:
        where.append(f"{prefix}fund_id = ?")
        params.append(fund_id)
    if stations is not None:
        condition, codes = sql_in(f"{prefix}station_id", stations)
        where.append(condition)
        params += codes
    return where, params


def fund_codes(
    store: ViewStore, station_id: str | None = None, *, station_ids: frozenset[str] | None = None
) -> list[str]:
    """The codes of every fund (or one station's, or those of a set of stations) in the
    ``funds`` view, in order."""
    where, params = _where("", None, station_scope(station_id, station_ids))
    clause = f" WHERE {' AND '.join(where)}" if where else ""
    rows = store.query(f"SELECT fund_id FROM {{s}}funds{clause}", params)
    # Sorted here: PostgreSQL's ORDER BY follows the database's collation, not code points.
    return sorted(row[0] for row in rows)


def _select(
    entries: Iterable[FundEntry],
    from_day: dt.date | None = None,
    to_day: dt.date | None = None,
    *,
    kinds: Sequence[str] = (),
    limit: int = REPORT_LINES_MAX,
) -> list[FundEntry]:
    """The ``entries`` dated in ``from_day .. to_day`` (either end open), of ``kinds``.

    Raises:
        InvalidInput: more than ``limit`` entries match (ask for a shorter period).
    """
    out = [
        e
        for e in entries
        if (from_day is None or e.occurred_on >= from_day)
        and (to_day is None or e.occurred_on <= to_day)
        and (not kinds or e.kind in kinds)
    ]
    if len(out) > limit:
        raise InvalidInput.on("period", "too_many_entries", most=limit)
    return out


def _cash(counters: dict[str, Counters]) -> int:
    return sum(c.total_fen for c in counters.values())


def balances_on_day(
    store: ViewStore,
    events_after: EventsAfter,
    day: dt.date,
    *,
    fund_id: str | None = None,
    station_id: str | None = None,
    station_ids: frozenset[str] | None = None,
) -> dict[tuple[str, str], Counters]:
    """Each (fund, restriction)'s counters at the end of ``day`` (``balances.fund_state_at``:
    a checkpoint and the few events after it): the restrictions of entries dated on or
    before it, whenever the fund was opened."""
    out: dict[tuple[str, str], Counters] = {}
    for code in fund_codes(store, station_id, station_ids=station_ids):
        if fund_id is not None and code != fund_id:
            continue
        state = fund_state_at(store, events_after, code, day=day)
        for name, b in sorted(state.restrictions.items()):
            out[(code, name)] = Counters(
                b.received_fen,
                b.refunded_fen,
                b.paid_fen,
                b.moved_in_fen,
                b.moved_out_fen,
                b.total_fen,
                b.reserved_fen,
                b.available_fen,
            )
    return out


# ---- statement ----------------------------------------------------------------------------------


def _fund_info(store: ViewStore, fund_id: str) -> FundInfo:
    """Who runs the fund, opened and closed when, from its ``funds`` row.

    Raises:
        NotFound: the views have no such fund.
    """
    rows = store.query(
        "SELECT station_id, community, name, host, opened_on, closed_on FROM {s}funds "
        "WHERE fund_id = ?",
        (fund_id,),
    )
    if not rows:
        raise NotFound("fund", fund_id)
    station_id, community, name, host, opened_on, closed_on = rows[0]
    return FundInfo(
        fund_id=fund_id,
        station_id=station_id,
        community=community,
        name=name,
        host=host,
        opened_on=dt.date.fromisoformat(opened_on),
        closed_on=dt.date.fromisoformat(closed_on) if closed_on else None,
    )


def statement(
    store: ViewStore,
    events_after: EventsAfter,
    fund_id: str,
    from_day: dt.date | None = None,
    to_day: dt.date | None = None,
    donors: DonorNames | None = None,
) -> Statement:
    """A fund's entries from ``from_day`` to ``to_day`` (both included) with running cash.

    ``store``'s fund views are read in one snapshot; ``events_after`` reads the fund's
    events from the log up to the views' position (``balances.fund_log_reader``), so both
    say the same moment. ``donors`` shows individual donors (``fund_log.fund_history``).
    The opening balance is the cash at the end of the day before ``from_day``
    (``balances.fund_state_at``); each line adds its cash change; the closing balance is
    the cash at the end of ``to_day`` (or now).

    Only the period's versions are read from the log: from the last checkpoint whose
    versions are all dated before ``from_day`` to the first one with a version dated after
    ``to_day``, and the late entries recorded after that and dated in the period
    (``fund_late_entries``). So a year's statement costs a year's events, whatever the
    fund's age.

    Raises:
        NotFound: no such fund.
        InvalidInput: ``to_day`` before ``from_day``, or too many lines.
    """
    InvalidInput.check_period(from_day, to_day, field="to_day")
    info = _fund_info(store, fund_id)
    start = opening = opening_in_kind = 0
    stop: int | None = None
    if from_day is not None:
        start = (
            store.query(
                "SELECT MAX(version) FROM {s}fund_checkpoints WHERE fund_id = ? AND last_day < ?",
                (fund_id, from_day.isoformat()),
            )[0][0]
            or 0
        )
        if from_day > dt.date.min:
            # The cash and goods' value at the end of the day before the period.
            before = fund_state_at(
                store, events_after, fund_id, day=from_day - dt.timedelta(days=1)
            )
            opening = before.total_fen
            opening_in_kind = before.in_kind_held_fen
    late: list[tuple[int, Any]] = []
    if to_day is not None:
        stop = store.query(
            "SELECT MIN(version) FROM {s}fund_checkpoints WHERE fund_id = ? AND last_day > ?",
            (fund_id, to_day.isoformat()),
        )[0][0]
        if stop is not None:
            # From that checkpoint on, an event dated in the period is a late entry.
            late = late_entries(store, events_after, fund_id, stop, from_day, to_day)
    events = list(events_after(fund_id, start, None if stop is None else stop - 1 - start))
    events.extend(late)
    entries = fund_entries(
        info,
        (
            (at, e)
            for at, e in events
            if (from_day is None or e.occurred_on >= from_day)
            and (to_day is None or e.occurred_on <= to_day)
        ),
        donors,
    )
    chosen = sorted(entries, key=operator.attrgetter("occurred_on", "position"))
    if len(chosen) > REPORT_LINES_MAX:
        raise InvalidInput.on("period", "too_many_entries", most=REPORT_LINES_MAX)
    lines = []
    running = opening
    closing_in_kind = opening_in_kind
    for e in chosen:
        running += e.cash_fen
        closing_in_kind += e.in_kind_fen
        lines.append(
            StatementLine(
                position=e.position,
                occurred_on=e.occurred_on,
                recorded_at=e.recorded_at,
                kind=e.kind,
                restriction=e.restriction,
                ref=e.ref,
                of_ref=e.of_ref,
                counterparty=e.counterparty,
                purpose=e.purpose,
                actor=e.actor,
                reason=e.reason,
                cash_fen=e.cash_fen,
                reserved_fen=e.reserved_fen,
                in_kind_fen=e.in_kind_fen,
                moved_fen=e.moved_fen,
                goods=e.goods,
                balance_fen=running,
            )
        )
    return Statement(
        fund=info,
        from_day=from_day,
        to_day=to_day,
        opening_fen=opening,
        closing_fen=running,
        opening_in_kind_fen=opening_in_kind,
        closing_in_kind_fen=closing_in_kind,
        lines=tuple(lines),
    )


# ---- payments, goods and moves, shared by the donor summary and the disclosure ----------------


def _payments(entries: Iterable[FundEntry]) -> list[PaymentLine]:
    """Payments (``paid`` entries) in log order, each with the reversal that undid it.

    A payment can be reversed only while it stands, so a reversal undoes the latest
    payment of its request before it in the log.
    """
    lines: list[PaymentLine] = []
    standing: dict[tuple[str, str], int] = {}  # (fund, request) -> index in lines
    for e in sorted(entries, key=lambda e: (e.fund_id, e.position)):
        if e.kind == "paid":
            standing[(e.fund_id, e.ref)] = len(lines)
            lines.append(
                PaymentLine(
                    fund_id=e.fund_id,
                    request_id=e.ref,
                    voucher_no=e.of_ref,
                    occurred_on=e.occurred_on,
                    restriction=e.restriction,
                    purpose=e.purpose,
                    payee=e.counterparty,
                    amount_fen=-e.cash_fen,
                    actor=e.actor,
                )
            )
        elif e.kind == "payment_reversed":
            n = standing.pop((e.fund_id, e.of_ref))
            lines[n] = msgspec.structs.replace(
                lines[n],
                reversed_on=e.occurred_on,
                reversal_ref=e.ref,
                reversal_reason=e.reason,
            )
    return lines


def _goods_movement(e: FundEntry) -> GoodsMovement:
    return GoodsMovement(
        fund_id=e.fund_id,
        occurred_on=e.occurred_on,
        kind=e.kind,
        ref=e.ref,
        restriction=e.restriction,
        counterparty=e.counterparty,
        purpose=e.purpose,
        goods=e.goods,
        value_fen=abs(e.in_kind_fen),
        proceeds_fen=e.cash_fen if e.kind == "goods_sold" else 0,
        actor=e.actor,
        reason=e.reason,
    )


def _move(e: FundEntry) -> MoveLine:
    if e.kind == "restriction_released":
        target, amount = "", e.moved_fen
    elif e.kind == "purpose_changed":
        target, amount = e.purpose, e.moved_fen
    else:  # a transfer keeps its restriction in both funds
        target, amount = e.restriction, abs(e.cash_fen)
    return MoveLine(
        fund_id=e.fund_id,
        occurred_on=e.occurred_on,
        kind=e.kind,
        ref=e.ref,
        of_ref=e.of_ref,
        from_restriction=e.restriction,
        to_restriction=target,
        counterparty=e.counterparty,
        amount_fen=amount,
        reason=e.reason,
        actor=e.actor,
    )


def _moves_by_restriction(moves: Iterable[MoveLine]) -> dict[str, tuple[int, int]]:
    """(moved in, moved out) per restriction of one fund."""
    out: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for m in moves:
        if m.kind == "transfer_in":
            out[m.to_restriction][0] += m.amount_fen
        elif m.kind == "transfer_out":
            out[m.from_restriction][1] += m.amount_fen
        else:
            out[m.from_restriction][1] += m.amount_fen
            out[m.to_restriction][0] += m.amount_fen
    return {r: (v[0], v[1]) for r, v in out.items()}


def _correction(e: FundEntry) -> CorrectionNote:
    to_restriction = ""
    in_kind = 0
    if e.kind in ("refund", "donation_reversed"):
        amount = -e.cash_fen
        in_kind = -e.in_kind_fen
    elif e.kind == "payment_reversed":
        amount = e.cash_fen
    else:
        amount = e.moved_fen
        to_restriction = e.purpose if e.kind == "purpose_changed" else ""
    return CorrectionNote(
        occurred_on=e.occurred_on,
        position=e.position,
        kind=e.kind,
        ref=e.ref,
        of_ref=e.of_ref,
        restriction=e.restriction,
        to_restriction=to_restriction,
        amount_fen=amount,
        in_kind_fen=in_kind,
        reason=e.reason,
        actor=e.actor,
    )


# ---- disclosure ---------------------------------------------------------------------------------


def disclosure(
    read: FundReader,
    fund_id: str,
    from_day: dt.date,
    to_day: dt.date,
    donors: DonorNames | None = None,
) -> Disclosure:
    """A fund's disclosure for the period ``from_day .. to_day`` (both included), rule 12.

    ``read`` gives the fund's events from the log (``Ledger.fund_events``); ``donors``
    shows individual donors of goods (``fund_log.fund_history``). Balances at
    the start are those at the end of the day before ``from_day``; at the end, those at
    the end of ``to_day``. Amounts in the period come from the entries dated in it;
    corrections count in the period of their own date.

    Raises:
        NotFound: no such fund.
        InvalidInput: ``to_day`` before ``from_day``.
    """
    InvalidInput.check_period(from_day, to_day, field="to_day")
    history = read_history(read, fund_id, donors)
    opening = history.counters(from_day - dt.timedelta(days=1))
    closing = history.counters(to_day)
    dated = history.dated()
    sums: dict[tuple[str, str], tuple[int, int]] = {}
    for e in _select(dated, from_day, to_day, limit=len(dated)):
        cash, in_kind = sums.get((e.restriction, e.kind), (0, 0))
        sums[(e.restriction, e.kind)] = (cash + e.cash_fen, in_kind + e.in_kind_fen)

    moves = [_move(e) for e in _select(dated, from_day, to_day, kinds=_MOVE_KINDS)]
    moved = _moves_by_restriction(moves)

    names = set(opening) | set(closing) | {r for r, _ in sums} | set(moved)
    rows = []
    for name in sorted(names):
        row = _flow(name, opening.get(name), closing.get(name), sums, moved)
        if any(v for k, v in msgspec.structs.asdict(row).items() if k != "restriction"):
            rows.append(row)
    total = _total_flow(rows)

    payments_all = _payments(_select(dated, kinds=("paid", "payment_reversed")))
    payments = [p for p in payments_all if from_day <= p.occurred_on <= to_day]
    spending = _spending(payments, payments_all, from_day, to_day)
    goods = [_goods_movement(e) for e in _select(dated, from_day, to_day, kinds=_GOODS_KINDS)]
    corrections = [
        _correction(e) for e in _select(dated, from_day, to_day, kinds=_CORRECTION_KINDS)
    ]
    return Disclosure(
        fund=history.info,
        from_day=from_day,
        to_day=to_day,
        restrictions=tuple(rows),
        total=total,
        spending=spending,
        payments=tuple(payments),
        goods=tuple(goods),
        corrections=tuple(corrections),
    )


def _flow(
    name: str,
    opening: Counters | None,
    closing: Counters | None,
    sums: dict[tuple[str, str], tuple[int, int]],
    moved: dict[str, tuple[int, int]],
) -> RestrictionFlow:
    def cash(kind: str) -> int:
        return sums.get((name, kind), (0, 0))[0]

    def in_kind(kind: str) -> int:
        return sums.get((name, kind), (0, 0))[1]

    paid = -cash("paid")
    reversed_payments = cash("payment_reversed")
    moved_in, moved_out = moved.get(name, (0, 0))
    return RestrictionFlow(
        restriction=name,
        opening_fen=opening.total_fen if opening else 0,
        cash_donations_fen=cash("donation"),
        donations_reversed_fen=-cash("donation_reversed"),
        sale_proceeds_fen=cash("goods_sold"),
        refunds_fen=-cash("refund"),
        paid_fen=paid,
        payments_reversed_fen=reversed_payments,
        spending_fen=paid - reversed_payments,
        moved_in_fen=moved_in,
        moved_out_fen=moved_out,
        closing_fen=closing.total_fen if closing else 0,
        closing_reserved_fen=closing.reserved_fen if closing else 0,
        closing_available_fen=closing.available_fen if closing else 0,
        in_kind_donations_fen=in_kind("in_kind_donation"),
        in_kind_reversed_fen=-in_kind("donation_reversed"),
        goods_out_fen=-(in_kind("goods_distributed") + in_kind("goods_sold")),
    )


def _total_flow(rows: Sequence[RestrictionFlow]) -> RestrictionFlow:
    fields = {
        name: sum(getattr(r, name) for r in rows)
        for name in RestrictionFlow.__struct_fields__
        if name != "restriction"
    }
    return RestrictionFlow(restriction=None, **fields)


def _spending(
    payments: Sequence[PaymentLine],
    payments_all: Sequence[PaymentLine],
    from_day: dt.date,
    to_day: dt.date,
) -> tuple[SpendingLine, ...]:
    """Payments in the period by (restriction, purpose), less reversals in the period."""
    acc: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    for p in payments:
        line = acc[(p.restriction, p.purpose)]
        line[0] += 1
        line[1] += p.amount_fen
    for p in payments_all:
        if p.reversed_on is not None and from_day <= p.reversed_on <= to_day:
            acc[(p.restriction, p.purpose)][2] += p.amount_fen
    return tuple(
        SpendingLine(
            restriction=restriction,
            purpose=purpose,
            payments=n,
            paid_fen=paid,
            reversed_fen=reversed_,
            spending_fen=paid - reversed_,
        )
        for (restriction, purpose), (n, paid, reversed_) in sorted(acc.items())
    )


# ---- donors -----------------------------------------------------------------------------------


def donor_summary(
    store: ViewStore,
    read: FundReader,
    fund_id: str | None = None,
    station_id: str | None = None,
    donor: str | None = None,
    donors: DonorNames | None = None,
    *,
    station_ids: frozenset[str] | None = None,
) -> DonorSummary:
    """What each donor gave and how the purposes they gave to were used (慈善法 Art.42).

    The funds are ``fund_id``, or those of the ``funds`` view (one station's, or all);
    ``read`` gives each one's events from the log (``Ledger.fund_events``). Anonymous
    gifts are one row (``donor=None``). A refund or reversal belongs to the gift whose
    receipt it names (its ``of_ref`` is the gift's ``ref``, in the same fund). ``donor``
    selects one donor by name (``""``: the anonymous gifts; an individual donor by their
    name as people compare, an erased one by their pseudonym).

    An individual donor is one row: their gifts grouped by their name opened (as people
    compare it, ``text.person_key``), apart from an organisation of the same name; an
    erased one by their pseudonym. ``donors`` opens the names (``fund_log.fund_history``).

    Raises:
        NotFound: ``fund_id`` names no fund.
    """
    stations = station_scope(station_id, station_ids)
    if fund_id is not None:
        one = read_history(read, fund_id, donors)
        histories = [one] if stations is None or one.info.station_id in stations else []
    else:
        histories = [
            h
            for code in fund_codes(store, station_ids=stations)
            if (h := fund_history(read(code), donors))
        ]
    by_donor: dict[tuple[str, str], list[GiftLine]] = defaultdict(list)
    # Each donor's name as shown: an individual's as their first gift (date, position)
    # wrote it, since their gifts are grouped ignoring case.
    shown: dict[tuple[str, str], str] = {}
    shown_at: dict[tuple[str, str], tuple[dt.date, int]] = {}
    uses: dict[tuple[str, str], RestrictionUse] = {}
    wanted = None if donor is None else person_key(donor)
    for history in histories:
        gifts = [
            e
            for e in history.entries
            if e.kind in _GIFT_KINDS
            and (
                donor is None
                or e.counterparty == donor
                or (e.donor_kind == DONOR_PERSON and person_key(e.counterparty) == wanted)
            )
        ]
        if not gifts:
            continue
        corrections: dict[str, list[FundEntry]] = defaultdict(list)
        for e in history.entries:
            if e.kind in ("refund", "donation_reversed"):
                corrections[e.of_ref].append(e)
        for g in gifts:
            found = corrections.get(g.ref, [])
            reversals = [c for c in found if c.kind == "donation_reversed"]
            who = _donor_key(g)
            if who not in shown or (g.occurred_on, g.position) < shown_at[who]:
                shown[who], shown_at[who] = g.counterparty, (g.occurred_on, g.position)
            by_donor[who].append(
                GiftLine(
                    fund_id=g.fund_id,
                    receipt_no=g.ref,
                    occurred_on=g.occurred_on,
                    kind="cash" if g.kind == "donation" else "in_kind",
                    restriction=g.restriction,
                    cash_fen=g.cash_fen,
                    in_kind_fen=g.in_kind_fen,
                    goods=g.goods,
                    actor=g.actor,
                    refunded_fen=sum(-c.cash_fen for c in found if c.kind == "refund"),
                    reversed=bool(reversals),
                    reversed_on=max(c.occurred_on for c in reversals) if reversals else None,
                    reversal_reason=max(c.reason for c in reversals) if reversals else "",
                )
            )
        uses.update(_uses(history, {g.restriction for g in gifts}))
    rows = []
    # Named donors by name, the anonymous gifts last.
    for who in sorted(by_donor, key=lambda k: (shown[k] == "", shown[k], k)):
        name = shown[who]
        gifts_of = sorted(by_donor[who], key=lambda g: (g.occurred_on, g.fund_id, g.receipt_no))
        cash_fen = sum(g.cash_fen for g in gifts_of)
        refunded_fen = sum(g.refunded_fen for g in gifts_of)
        reversed_cash = sum(g.cash_fen for g in gifts_of if g.reversed)
        keys = sorted({(g.fund_id, g.restriction) for g in gifts_of})
        rows.append(
            DonorRow(
                donor=name or None,
                gifts=len(gifts_of),
                cash_fen=cash_fen,
                in_kind_fen=sum(g.in_kind_fen for g in gifts_of),
                refunded_fen=refunded_fen,
                reversed_cash_fen=reversed_cash,
                reversed_in_kind_fen=sum(g.in_kind_fen for g in gifts_of if g.reversed),
                net_cash_fen=cash_fen - refunded_fen - reversed_cash,
                gift_lines=tuple(gifts_of),
                restrictions=tuple(uses[k] for k in keys),
                person=who[0] != "",
                erased=who[0] == DONOR_ERASED,
            )
        )
    return DonorSummary(fund_id=fund_id, station_id=station_id, donor=donor, donors=tuple(rows))


_GIFT_KINDS = ("donation", "in_kind_donation")


def _donor_key(gift: FundEntry) -> tuple[str, str]:
    """Whose gift it is: (``donor_kind``, the name as compared). An organisation by its
    name as written, an individual donor by their name as people compare, an erased one
    by their pseudonym."""
    if gift.donor_kind == DONOR_PERSON:
        return DONOR_PERSON, person_key(gift.counterparty)
    return gift.donor_kind, gift.counterparty


def _uses(history: FundHistory, restrictions: set[str]) -> dict[tuple[str, str], RestrictionUse]:
    """How each of ``restrictions`` of one fund was used: counters, payments, goods, moves."""
    fund_id = history.fund_id
    now = history.counters()
    in_kind: dict[str, int] = defaultdict(int)
    for e in history.entries:
        if e.kind in ("in_kind_donation", "donation_reversed"):
            in_kind[e.restriction] += e.in_kind_fen
    entries = _select(
        history.dated(), kinds=("paid", "payment_reversed", "goods_distributed", *_MOVE_KINDS)
    )
    payments = _payments(e for e in entries if e.kind in ("paid", "payment_reversed"))
    goods = [_goods_movement(e) for e in entries if e.kind == "goods_distributed"]
    moves = [_move(e) for e in entries if e.kind in _MOVE_KINDS]
    out = {}
    for name in restrictions:
        b = now.get(name) or Counters(0, 0, 0, 0, 0, 0, 0, 0)
        out[(fund_id, name)] = RestrictionUse(
            fund_id=fund_id,
            restriction=name,
            received_fen=b.received_fen,
            in_kind_received_fen=in_kind.get(name, 0),
            refunded_fen=b.refunded_fen,
            paid_fen=b.paid_fen,
            moved_in_fen=b.moved_in_fen,
            moved_out_fen=b.moved_out_fen,
            total_fen=b.total_fen,
            reserved_fen=b.reserved_fen,
            available_fen=b.available_fen,
            payments=tuple(p for p in payments if p.restriction == name),
            goods_distributed=tuple(g for g in goods if g.restriction == name),
            moves=tuple(m for m in moves if name in (m.from_restriction, m.to_restriction)),
        )
    return out
