"""The fund views: balances, point-in-time indexes, the statement of entries, goods.

One projection (``FundViews``) folds every fund event into six tables (schema in
``docs/projections.md``; every amount in fen):

``funds``               one row per fund: who runs it, in-kind totals, open or closed.
``fund_balances``       per fund and restriction (``''`` = unrestricted): the counters and
                        total / reserved / available now.
``fund_goods``          goods in stock per fund, item, unit and restriction.
``balance_at_position`` the same counters after every money-moving event, keyed by log
                        position: "as of position P" is one index seek.
``balance_on_day``      the same counters as of the end of each business day with entries,
                        keyed by date: "as of date D" is one index seek. An entry dated
                        before later ones (a late entry) adds its change to every later
                        day (``CarryAdd``), so the index stays exact.
``fund_entries``        every fund event as a statement line: date, kind, restriction,
                        reference, counterparty, purpose, actor, reason and its signed
                        change to cash, reservations and in-kind value.

The money arithmetic is ``domain.balances.FundBalances``, the fold the Fund aggregate
checks its rules with, so a view can never disagree with a rule about what an event does.
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from uuid import UUID

from sgz_ledger.domain.balances import FundBalances, RestrictionBalance, StockLine, stock_key
from sgz_ledger.domain.events import (
    CashDonationReceived,
    DisbursementApproved,
    DisbursementCancelled,
    DisbursementPaid,
    DisbursementPublicized,
    DisbursementRejected,
    DisbursementRequested,
    DonationRefunded,
    DonationReversed,
    FundClosed,
    FundEvent,
    FundOpened,
    FundTransferredIn,
    FundTransferredOut,
    GoodsDistributed,
    GoodsSold,
    InKindDonationReceived,
    PaymentReversed,
    PurposeChanged,
    RestrictionReleased,
)
from sgz_ledger.domain.fund import fund_uuid
from sgz_ledger.projections.framework import Append, CarryAdd, Op, Put, Table

__all__ = ["BALANCE_COLUMNS", "ENTRY_KINDS", "FundViews"]

# The counters of one restriction, in this order in every balance table.
BALANCE_COLUMNS = (
    "received_fen",
    "refunded_fen",
    "paid_fen",
    "approved_fen",
    "released_fen",
    "moved_in_fen",
    "moved_out_fen",
    "total_fen",
    "reserved_fen",
    "available_fen",
)
_COUNTERS = tuple((name, "int") for name in BALANCE_COLUMNS)

# Statement line kinds, by event (stable strings: station software filters on them).
ENTRY_KINDS: dict[type[FundEvent], str] = {
    FundOpened: "opened",
    CashDonationReceived: "donation",
    InKindDonationReceived: "in_kind_donation",
    GoodsDistributed: "goods_distributed",
    GoodsSold: "goods_sold",
    DonationRefunded: "refund",
    DonationReversed: "donation_reversed",
    PaymentReversed: "payment_reversed",
    RestrictionReleased: "restriction_released",
    PurposeChanged: "purpose_changed",
    DisbursementRequested: "requested",
    DisbursementApproved: "approved",
    DisbursementPublicized: "publicized",
    DisbursementPaid: "paid",
    DisbursementRejected: "rejected",
    DisbursementCancelled: "cancelled",
    FundTransferredOut: "transfer_out",
    FundTransferredIn: "transfer_in",
    FundClosed: "closed",
}

FUNDS = Table(
    "funds",
    (
        ("fund_id", "text"),
        ("station_id", "text"),
        ("community", "text"),
        ("name", "text"),
        ("host", "text"),
        ("opened_on", "text"),
        ("closed_on", "text"),  # '' while open
        ("in_kind_received_fen", "int"),
        ("in_kind_out_fen", "int"),
    ),
    ("fund_id",),
    (("station_id",),),
)
BALANCES = Table(
    "fund_balances",
    (("fund_id", "text"), ("restriction", "text"), ("station_id", "text"), *_COUNTERS),
    ("fund_id", "restriction"),
    (("station_id",),),
)
GOODS = Table(
    "fund_goods",
    (
        ("fund_id", "text"),
        ("item", "text"),
        ("unit", "text"),
        ("restriction", "text"),
        ("station_id", "text"),
        ("quantity", "int"),
        ("value_fen", "int"),
    ),
    ("fund_id", "item", "unit", "restriction"),
)
AT_POSITION = Table(
    "balance_at_position",
    (("fund_id", "text"), ("restriction", "text"), ("position", "int"), *_COUNTERS),
    ("fund_id", "restriction", "position"),
)
ON_DAY = Table(
    "balance_on_day",
    (("fund_id", "text"), ("restriction", "text"), ("day", "text"), *_COUNTERS),
    ("fund_id", "restriction", "day"),
)
ENTRIES = Table(
    "fund_entries",
    (
        ("fund_id", "text"),
        ("position", "int"),
        ("station_id", "text"),
        ("occurred_on", "text"),
        ("recorded_at", "text"),
        ("kind", "text"),
        ("restriction", "text"),
        ("ref", "text"),  # receipt_no, request_id, refund_id, ... (the entry's own key)
        ("of_ref", "text"),  # the entry it refers to: a refund's receipt_no, ...
        ("counterparty", "text"),  # donor ('' = anonymous), payee, recipient, buyer, fund
        ("purpose", "text"),
        ("actor", "text"),
        ("reason", "text"),
        ("cash_fen", "int"),  # signed change to the restriction's cash total
        ("reserved_fen", "int"),  # signed change to reservations
        ("in_kind_fen", "int"),  # signed change to the booked value of goods held
        ("goods", "text"),  # 'item quantity unit; ...' for goods entries
    ),
    ("fund_id", "position"),
    (("fund_id", "occurred_on", "position"), ("station_id", "occurred_on"), ("fund_id", "of_ref")),
)


def _counters(b: RestrictionBalance) -> tuple[int, ...]:
    return (
        b.received_fen,
        b.refunded_fen,
        b.paid_fen,
        b.approved_fen,
        b.released_fen,
        b.moved_in_fen,
        b.moved_out_fen,
        b.total_fen,
        b.reserved_fen,
        b.available_fen,
    )


def _touched(event: FundEvent) -> tuple[str, ...]:
    """The restrictions whose cash counters ``event`` may change."""
    match event:
        case RestrictionReleased():
            return (event.restriction, "")
        case PurposeChanged():
            return (event.from_restriction, event.to_restriction)
        case (
            CashDonationReceived()
            | DisbursementApproved()
            | DisbursementPaid()
            | DisbursementRejected()
            | DisbursementCancelled()
            | DonationRefunded()
            | DonationReversed()
            | PaymentReversed()
            | GoodsSold()
            | FundTransferredOut()
            | FundTransferredIn()
        ):
            return (event.restriction,)
        case _:
            return ()


class _Fund:
    __slots__ = ("balances", "closed_on", "opened")

    def __init__(self, opened: FundOpened) -> None:
        self.opened = opened
        self.closed_on = ""
        self.balances = FundBalances()


class FundViews:
    """Folds fund events into the fund tables (see the module docstring)."""

    name: str = "fund_views"
    version: int = 1
    tables: tuple[Table, ...] = (FUNDS, BALANCES, GOODS, AT_POSITION, ON_DAY, ENTRIES)

    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        """Forget everything folded."""
        self._funds: dict[UUID, _Fund] = {}
        self._last_day: dict[tuple[str, str], str] = {}

    # ---- restoring the fold's state from the tables ---------------------------------

    def restore(self, store: Any) -> None:
        """Rebuild funds, counters, stock and the last indexed day from the tables."""
        epoch = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
        for row in store.query(
            "SELECT fund_id, station_id, community, name, host, opened_on, closed_on, "
            "in_kind_received_fen, in_kind_out_fen FROM {s}funds"
        ):
            fund_id, station_id, community, name, host, opened_on, closed_on, kin, kout = row
            uid = fund_uuid(fund_id)
            opened = FundOpened(
                originator_id=uid,
                originator_version=1,
                timestamp=epoch,
                actor="",
                occurred_on=dt.date.fromisoformat(opened_on),
                fund_id=fund_id,
                station_id=station_id,
                community=community,
                name=name,
                host=host,
                approval_threshold_fen=0,
                publicity_required=False,
            )
            fund = self._funds[uid] = _Fund(opened)
            fund.closed_on = closed_on
            fund.balances.in_kind_received_fen = kin
            fund.balances.in_kind_out_fen = kout
        by_code = {f.opened.fund_id: f for f in self._funds.values()}
        for row in store.query(
            "SELECT fund_id, restriction, received_fen, refunded_fen, paid_fen, approved_fen, "
            "released_fen, moved_in_fen, moved_out_fen FROM {s}fund_balances"
        ):
            fund_id, restriction, *counters = row
            by_code[fund_id].balances.restrictions[restriction] = RestrictionBalance(
                received_fen=counters[0],
                refunded_fen=counters[1],
                paid_fen=counters[2],
                approved_fen=counters[3],
                released_fen=counters[4],
                moved_in_fen=counters[5],
                moved_out_fen=counters[6],
            )
        for fund_id, item, unit, restriction, quantity, value_fen in store.query(
            "SELECT fund_id, item, unit, restriction, quantity, value_fen FROM {s}fund_goods"
        ):
            balances = by_code[fund_id].balances
            line = balances.stock_line(item, unit, restriction)
            if line is None:
                line = balances.stock[stock_key(item, unit, restriction)] = StockLine(
                    item=item, unit=unit, restriction=restriction
                )
            line.quantity, line.value_fen = quantity, value_fen
        for fund_id, restriction, day in store.query(
            "SELECT fund_id, restriction, MAX(day) FROM {s}balance_on_day "
            "GROUP BY fund_id, restriction"
        ):
            self._last_day[(fund_id, restriction)] = day

    # ---- the fold -------------------------------------------------------------------

    def apply(self, event: Any, position: int, ops: list[Op]) -> None:
        """Fold one event (events other than fund events are ignored)."""
        if not isinstance(event, FundEvent):
            return
        if isinstance(event, FundOpened):
            fund = self._funds[event.originator_id] = _Fund(event)
        else:
            fund = self._funds[event.originator_id]
        opened = fund.opened
        balances = fund.balances
        touched = _touched(event)
        before = {r: _counters(balances.restriction(r)) for r in touched}
        in_kind_before = balances.in_kind_held_fen
        stock_keys = _stock_keys(event)
        balances.apply(event)
        if isinstance(event, FundClosed):
            fund.closed_on = event.occurred_on.isoformat()
        fund_id, station_id = opened.fund_id, opened.station_id
        day = event.occurred_on.isoformat()

        cash_delta = 0
        reserved_delta = 0
        for restriction in touched:
            after = _counters(balances.restrictions[restriction])
            deltas = tuple(a - b for a, b in zip(after, before[restriction], strict=True))
            cash_delta += deltas[7]
            reserved_delta += deltas[8]
            ops.append(Put("fund_balances", (fund_id, restriction, station_id, *after)))
            ops.append(Append("balance_at_position", (fund_id, restriction, position, *after)))
            series = (fund_id, restriction)
            last = self._last_day.get(series)
            if last is None or day >= last:
                self._last_day[series] = day
                ops.append(Put("balance_on_day", (fund_id, restriction, day, *after)))
            else:
                ops.append(CarryAdd("balance_on_day", series, day, deltas))
        if (
            isinstance(event, (FundOpened, FundClosed, InKindDonationReceived, DonationReversed))
            or stock_keys
        ):
            ops.append(
                Put(
                    "funds",
                    (
                        fund_id,
                        station_id,
                        opened.community,
                        opened.name,
                        opened.host,
                        opened.occurred_on.isoformat(),
                        fund.closed_on,
                        balances.in_kind_received_fen,
                        balances.in_kind_out_fen,
                    ),
                )
            )
        for key in stock_keys:
            line = balances.stock[key]
            ops.append(
                Put(
                    "fund_goods",
                    (
                        fund_id,
                        line.item,
                        line.unit,
                        line.restriction,
                        station_id,
                        line.quantity,
                        line.value_fen,
                    ),
                )
            )
        ref, of_ref, counterparty, purpose, reason, restriction, goods = _describe(event)
        ops.append(
            Append(
                "fund_entries",
                (
                    fund_id,
                    position,
                    station_id,
                    day,
                    event.timestamp.isoformat(),
                    ENTRY_KINDS[type(event)],
                    restriction,
                    ref,
                    of_ref,
                    counterparty,
                    purpose,
                    event.actor,
                    reason,
                    cash_delta,
                    reserved_delta,
                    balances.in_kind_held_fen - in_kind_before,
                    goods,
                ),
            )
        )


def _stock_keys(event: FundEvent) -> tuple[str, ...]:
    match event:
        case InKindDonationReceived() | DonationReversed():
            return tuple(stock_key(g.item, g.unit, event.restriction) for g in event.items)
        case GoodsDistributed() | GoodsSold():
            return (stock_key(event.item, event.unit, event.restriction),)
        case _:
            return ()


def _goods(lines: Any) -> str:
    return "; ".join(f"{g.item} {g.quantity} {g.unit}" for g in lines)


def _describe(event: FundEvent) -> tuple[str, str, str, str, str, str, str]:
    """(ref, of_ref, counterparty, purpose, reason, restriction, goods) of a statement line."""
    match event:
        case FundOpened():
            return ("", "", event.host, event.name, "", "", "")
        case CashDonationReceived():
            return (event.receipt_no, "", event.donor or "", "", event.note, event.restriction, "")
        case InKindDonationReceived():
            return (
                event.receipt_no,
                "",
                event.donor or "",
                "",
                event.note,
                event.restriction,
                _goods(event.items),
            )
        case GoodsDistributed():
            goods = f"{event.item} {event.quantity} {event.unit}"
            return (
                event.distribution_id,
                "",
                event.recipient,
                event.purpose,
                f"signed off by {event.signed_off_by}",
                event.restriction,
                goods,
            )
        case GoodsSold():
            goods = f"{event.item} {event.quantity} {event.unit}"
            return (event.sale_id, "", event.buyer, "", "", event.restriction, goods)
        case DonationRefunded():
            return (event.refund_id, event.receipt_no, "", "", event.reason, event.restriction, "")
        case DonationReversed():
            return (
                event.correction_id,
                event.receipt_no,
                "",
                "",
                event.reason,
                event.restriction,
                _goods(event.items),
            )
        case PaymentReversed():
            return (
                event.correction_id,
                event.request_id,
                "",
                "",
                event.reason,
                event.restriction,
                "",
            )
        case RestrictionReleased():
            return (event.release_id, event.reference, "", "", event.reason, event.restriction, "")
        case PurposeChanged():
            return (
                event.change_id,
                event.consent_ref,
                "",
                event.to_restriction,
                event.reason,
                event.from_restriction,
                "",
            )
        case DisbursementRequested():
            return (event.request_id, "", event.payee, event.purpose, "", event.restriction, "")
        case DisbursementApproved():
            return (event.request_id, "", "", "", "", event.restriction, "")
        case DisbursementPublicized():
            notice = f"公示 {event.notice_ref} {event.notice_from}..{event.notice_to}"
            return (event.request_id, "", "", "", notice, "", "")
        case DisbursementPaid():
            return (
                event.request_id,
                event.voucher_no,
                event.payee,
                event.purpose,
                "",
                event.restriction,
                "",
            )
        case DisbursementRejected() | DisbursementCancelled():
            return (event.request_id, "", "", "", event.reason, event.restriction, "")
        case FundTransferredOut():
            return (
                event.transfer_id,
                "",
                event.to_fund_id,
                "",
                event.reason,
                event.restriction,
                "",
            )
        case FundTransferredIn():
            return (
                event.transfer_id,
                "",
                event.from_fund_id,
                "",
                event.reason,
                event.restriction,
                "",
            )
        case FundClosed():
            return ("", "", event.transfer_to or "", "", event.reason, "", "")
        case _:  # pragma: no cover - every fund event is described above
            msg = f"no statement line for {type(event).__name__}"
            raise AssertionError(msg)
