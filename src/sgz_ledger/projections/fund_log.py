"""A fund's history read from the event log: its statement entries and the balances they make.

Statements, disclosures (信息公开), donor summaries, the annual report's fund figures and
the CSV export read a fund's events from the log itself: the fund's stored events by its
aggregate id, in version order, decoded with the ledger's codec (``Ledger.fund_events``).
Why not a table of statement lines in the views: such a table is a second copy of the
log, in clear beside encrypted events (donors, payees, actors), and outside the hash
chain, so an edit to it would change what people are shown while the chain still
verifies. The persisted views hold aggregates only (``docs/projections.md``).

``fund_history`` folds one fund's events, in log order, through
``domain.balances.FundBalances`` (the arithmetic the Fund aggregate checks its rules
with) and describes each event as a ``FundEntry``: what a statement line shows, with the
signed change it made to the fund's cash, reservations and booked in-kind value, and to
each restriction's counters. A day's balance is the sum of the changes of the entries
dated on or before it, whenever they were recorded: what a balance as of that day answers
(``reports.balances.fund_state_at``), which it equals (tested).

An individual donor's name is sealed in their gifts (``donor_sealed``); ``fund_history``
shows it through the ``donors.DonorNames`` it is given (the name opened, or the
pseudonym of an erased donor). Figures never need it: without ``donors`` (the annual
report) such a gift's counterparty is ``SEALED_DONOR``.
"""

from __future__ import annotations

import datetime as dt
import operator
from collections.abc import Callable, Iterable, Sequence
from typing import Any, NamedTuple

import msgspec

from sgz_ledger.domain.balances import FundBalances
from sgz_ledger.domain.errors import NotFound
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
    PledgeRecorded,
    PurposeChanged,
    RestrictionReleased,
)
from sgz_ledger.storage.donor_names import DonorNames

__all__ = [
    "DONOR_ERASED",
    "DONOR_PERSON",
    "ENTRY_KINDS",
    "SEALED_DONOR",
    "TOUCHED",
    "Counters",
    "FundEntry",
    "FundHistory",
    "FundInfo",
    "FundReader",
    "fund_entries",
    "fund_history",
    "iso_time",
    "read_history",
]

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
    PledgeRecorded: "pledge",
}


def _own(event: Any) -> tuple[str, ...]:
    return (event.restriction,)


def _nothing(event: Any) -> tuple[str, ...]:
    return ()


# The restrictions whose cash counters an event may change, by event class.
TOUCHED: dict[type[FundEvent], Callable[[Any], tuple[str, ...]]] = dict.fromkeys(
    ENTRY_KINDS, _nothing
)
TOUCHED.update(
    dict.fromkeys(
        (
            CashDonationReceived,
            DisbursementApproved,
            DisbursementPaid,
            DisbursementRejected,
            DisbursementCancelled,
            DonationRefunded,
            DonationReversed,
            PaymentReversed,
            GoodsSold,
            FundTransferredOut,
            FundTransferredIn,
        ),
        _own,
    )
)
TOUCHED[RestrictionReleased] = lambda e: (e.restriction, "")
TOUCHED[PurposeChanged] = lambda e: (e.from_restriction, e.to_restriction)

# A fund's events with their log positions, in log order (empty: no such fund).
FundReader = Callable[[str], Sequence[tuple[int, Any]]]

# ``FundEntry.donor_kind`` of a gift of an individual donor, and of an erased one (every
# other entry has ``""``: an organisation, an anonymous gift, or not a gift).
DONOR_PERSON = "person"
DONOR_ERASED = "erased"
# The counterparty of an individual donor's gift in a history folded without ``donors``.
SEALED_DONOR = "个人 individual"
_GIFTS = frozenset({CashDonationReceived, InKindDonationReceived})


class FundInfo(msgspec.Struct, frozen=True, kw_only=True):
    """Who runs a fund (from its opening event; ``closed_on`` from its closing one).

    Attributes:
        closed_on: the day it was closed, ``None`` while open.
    """

    fund_id: str
    station_id: str
    community: str
    name: str
    host: str
    opened_on: dt.date
    closed_on: dt.date | None


class Counters(NamedTuple):
    """One restriction's cash counters at a point (see ``domain.balances``), in fen."""

    received_fen: int
    refunded_fen: int
    paid_fen: int
    moved_in_fen: int
    moved_out_fen: int
    total_fen: int
    reserved_fen: int
    available_fen: int


# The seven counters of a restriction (domain.balances.RestrictionBalance), in one C call.
_BASE = operator.attrgetter(
    "received_fen",
    "refunded_fen",
    "paid_fen",
    "approved_fen",
    "released_fen",
    "moved_in_fen",
    "moved_out_fen",
)
_MOVES = (RestrictionReleased, PurposeChanged)
# The events that move goods, and so the booked value of goods held.
_GOODS_EVENTS = frozenset({InKindDonationReceived, DonationReversed, GoodsDistributed, GoodsSold})


class FundEntry(msgspec.Struct, frozen=True, gc=False):
    """One fund event as a statement line shows it (a balance is added by the report).

    Untracked by Python's cyclic garbage collector (``gc=False``): a fund's history holds
    one for each of its events, thousands at a big station, and as tracked objects they
    set off collections that walked them all. It holds text, numbers, dates and tuples of
    them: it cannot be part of a reference cycle.

    Attributes:
        position: the event's log position (orders entries of the same day).
        restriction: the restriction the entry concerns (for a purpose change, the one
            money left; ``purpose`` names the one it went to).
        ref: the entry's own key (receipt, request, refund, correction id...).
        of_ref: what it refers to: a refund's gift, a payment's voucher, a reversed
            payment's request, a move's consent or decision.
        counterparty: donor (``""`` anonymous), payee, recipient, buyer, the other fund.
        cash_fen, reserved_fen, in_kind_fen: the signed change to the fund's cash, its
            reservations and the booked value of goods held.
        goods: ``item quantity unit; ...`` for goods entries.
        moved_fen: the amount moved between restrictions (releases, purpose changes).
        changes: for each restriction whose counters it changed, the change of its seven
            counters (received, refunded, paid, approved, released, moved in, moved out).
        donor_kind: ``DONOR_PERSON`` for a gift of an individual donor (``counterparty`` is
            their name opened), ``DONOR_ERASED`` once they were erased (their pseudonym),
            ``""`` for every other entry.
    """

    fund_id: str
    position: int
    station_id: str
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
    goods: str
    moved_fen: int
    changes: tuple[tuple[str, tuple[int, ...]], ...]
    donor_kind: str = ""


class FundHistory:
    """One fund's entries, in log order, and the balances they make on any day.

    Attributes:
        info: who runs the fund, opened and closed when.
        entries: every event of the fund as an entry, in log order.
    """

    __slots__ = ("_dated", "entries", "info")

    def __init__(self, info: FundInfo, entries: list[FundEntry]) -> None:
        self.info = info
        self.entries = entries
        self._dated: list[FundEntry] | None = None

    @property
    def fund_id(self) -> str:
        return self.info.fund_id

    def dated(self) -> list[FundEntry]:
        """The entries in statement order: by business date, then log position."""
        if self._dated is None:
            self._dated = sorted(self.entries, key=_DATE_AND_POSITION)
        return self._dated

    def counters(self, day: dt.date | None = None) -> dict[str, Counters]:
        """Each restriction's counters at the end of ``day`` (now without one).

        The restrictions are those an entry dated on or before the day touched, with the
        sums of those entries' changes.
        """
        sums: dict[str, list[int]] = {}
        for entry in self.entries:
            if not entry.changes or (day is not None and entry.occurred_on > day):
                continue
            for restriction, change in entry.changes:
                have = sums.get(restriction)
                if have is None:
                    sums[restriction] = list(change)
                else:
                    for i, value in enumerate(change):
                        have[i] += value
        return {name: _counters(values) for name, values in sums.items()}

    def in_kind_held(self, day: dt.date | None = None) -> int:
        """Booked value of the goods held at the end of ``day`` (now without one)."""
        return sum(e.in_kind_fen for e in self.entries if day is None or e.occurred_on <= day)


_DATE_AND_POSITION = operator.attrgetter("occurred_on", "position")


def _counters(b: Sequence[int]) -> Counters:
    received, refunded, paid, approved, released, moved_in, moved_out = b
    total = received - refunded - paid + moved_in - moved_out
    reserved = approved - paid - released
    return Counters(
        received, refunded, paid, moved_in, moved_out, total, reserved, total - reserved
    )


def fund_history(
    events: Iterable[tuple[int, Any]], donors: DonorNames | None = None
) -> FundHistory | None:
    """Fold one fund's ``(position, event)`` pairs, in log order; ``None`` for none.

    Args:
        donors: shows individual donors (their names opened, or pseudonyms once erased);
            without it their gifts' counterparty is ``SEALED_DONOR``.

    Raises:
        ValueError: the first event is not the fund's opening (not one fund's history).
        SealError: an individual donor's name cannot be opened (``DonorNames.show``).
    """
    entries, opened, closed_on = _entries(events, donors, None)
    if opened is None:
        return None
    info = FundInfo(
        fund_id=opened.fund_id,
        station_id=opened.station_id,
        community=opened.community,
        name=opened.name,
        host=opened.host,
        opened_on=opened.occurred_on,
        closed_on=closed_on,
    )
    return FundHistory(info, entries)


def fund_entries(
    info: FundInfo, events: Iterable[tuple[int, Any]], donors: DonorNames | None = None
) -> list[FundEntry]:
    """Some of a fund's events as entries: any of its versions, not only from its opening.

    An entry's changes are the event's own (each counter moves by amounts the event
    carries), so they do not depend on the events before it: a statement reads only
    the versions its period needs (``reports.funds.statement``).

    Raises:
        SealError: as ``fund_history``.
    """
    return _entries(events, donors, info)[0]


def _entries(
    events: Iterable[tuple[int, Any]], donors: DonorNames | None, info: FundInfo | None
) -> tuple[list[FundEntry], FundOpened | None, dt.date | None]:
    balances = FundBalances()
    apply = balances.apply
    restriction_of = balances.restriction
    restrictions = balances.restrictions
    entries: list[FundEntry] = []
    append = entries.append
    opened: FundOpened | None = None
    closed_on: dt.date | None = None
    fund_id = station_id = ""
    if info is not None:
        fund_id, station_id = info.fund_id, info.station_id
    for position, event in events:
        cls = type(event)
        if info is None:  # a whole history: it starts with the opening
            if opened is None:
                if cls is not FundOpened:
                    msg = f"a fund's history starts with its opening, not {cls.__name__}"
                    raise ValueError(msg)
                opened = event
                fund_id, station_id = event.fund_id, event.station_id
            elif cls is FundClosed:
                closed_on = event.occurred_on
        ref, of_ref, counterparty, purpose, reason, restriction, goods = _DESCRIBE[cls](event)
        donor_kind = ""
        if cls in _GIFTS and event.donor_sealed is not None:
            if donors is None:
                counterparty, donor_kind = SEALED_DONOR, DONOR_PERSON
            else:
                shown = donors.show(event.donor_sealed)
                counterparty = shown.name
                donor_kind = DONOR_ERASED if shown.erased else DONOR_PERSON
        touched = TOUCHED[cls](event)
        cash = reserved = moved = in_kind = 0
        changes: tuple[tuple[str, tuple[int, ...]], ...] = ()
        goods_moved = cls in _GOODS_EVENTS
        if goods_moved:
            held = balances.in_kind_received_fen - balances.in_kind_out_fen
        if touched:
            if len(touched) == 2 and touched[0] == touched[1]:
                touched = touched[:1]  # a move onto itself: one restriction, counted once
            before = [_BASE(restriction_of(r)) for r in touched]
            apply(event)
            found = []
            for r, base in zip(touched, before, strict=True):
                a = _BASE(restrictions[r])
                change = (
                    a[0] - base[0],
                    a[1] - base[1],
                    a[2] - base[2],
                    a[3] - base[3],
                    a[4] - base[4],
                    a[5] - base[5],
                    a[6] - base[6],
                )
                found.append((r, change))
                cash += change[0] - change[1] - change[2] + change[5] - change[6]
                reserved += change[3] - change[2] - change[4]
                if r == restriction and cls in _MOVES:
                    # The amount the source restriction's moved-out counter grew by.
                    moved = change[6]
            changes = tuple(found)
        else:
            apply(event)  # no cash counter moves (goods, a request, a notice...)
        if goods_moved:
            in_kind = balances.in_kind_received_fen - balances.in_kind_out_fen - held
        append(
            FundEntry(
                fund_id,
                position,
                station_id,
                event.occurred_on,
                event.timestamp,
                ENTRY_KINDS[cls],
                restriction,
                ref,
                of_ref,
                counterparty,
                purpose,
                event.actor,
                reason,
                cash,
                reserved,
                in_kind,
                goods,
                moved,
                changes,
                donor_kind,
            )
        )
    return entries, opened, closed_on


def read_history(read: FundReader, fund_id: str, donors: DonorNames | None = None) -> FundHistory:
    """The history of fund ``fund_id`` from the log (``donors`` as for ``fund_history``).

    Raises:
        NotFound: the log has no such fund.
    """
    history = fund_history(read(fund_id), donors)
    if history is None:
        raise NotFound("fund", fund_id)
    return history


def iso_time(moment: dt.datetime) -> str:
    """``moment.isoformat()``, a quarter of its cost for the ledger's UTC timestamps.

    The CSV export writes every entry's recording time as text, and ``isoformat`` of an
    aware datetime (1.7 µs) is the largest call of a line. msgspec writes the same RFC
    3339 text in C, except that it spells UTC's offset ``Z``; only UTC takes this path,
    so only that one difference is mended (tested against ``isoformat``).
    """
    if moment.tzinfo is dt.UTC:
        return _json(moment)[1:-2].decode() + "+00:00"
    return moment.isoformat()


_json = msgspec.json.encode


def _goods(lines: Any) -> str:
    return "; ".join(f"{g.item} {g.quantity} {g.unit}" for g in lines)


Description = tuple[str, str, str, str, str, str, str]


def _one_item(event: GoodsDistributed | GoodsSold) -> str:
    return f"{event.item} {event.quantity} {event.unit}"


def _notice(event: DisbursementPublicized) -> str:
    return f"公示 {event.notice_ref} {event.notice_from}..{event.notice_to}"


# (ref, of_ref, counterparty, purpose, reason, restriction, goods) of a statement line,
# by event class: one dictionary lookup per event instead of a chain of class tests.
_DESCRIBE: dict[type[FundEvent], Callable[[Any], Description]] = {
    FundOpened: lambda e: ("", "", e.host, e.name, "", "", ""),
    CashDonationReceived: lambda e: (
        e.receipt_no, "", e.donor or "", "", e.note, e.restriction, ""
    ),
    InKindDonationReceived: lambda e: (
        e.receipt_no, "", e.donor or "", "", e.note, e.restriction, _goods(e.items)
    ),
    GoodsDistributed: lambda e: (
        e.distribution_id, "", e.recipient, e.purpose, f"signed off by {e.signed_off_by}",
        e.restriction, _one_item(e),
    ),
    GoodsSold: lambda e: (e.sale_id, "", e.buyer, "", "", e.restriction, _one_item(e)),
    DonationRefunded: lambda e: (e.refund_id, e.receipt_no, "", "", e.reason, e.restriction, ""),
    DonationReversed: lambda e: (
        e.correction_id, e.receipt_no, "", "", e.reason, e.restriction, _goods(e.items)
    ),
    PaymentReversed: lambda e: (
        e.correction_id, e.request_id, "", "", e.reason, e.restriction, ""
    ),
    RestrictionReleased: lambda e: (
        e.release_id, e.reference, "", "", e.reason, e.restriction, ""
    ),
    PurposeChanged: lambda e: (
        e.change_id, e.consent_ref, "", e.to_restriction, e.reason, e.from_restriction, ""
    ),
    DisbursementRequested: lambda e: (
        e.request_id, "", e.payee, e.purpose, "", e.restriction, ""
    ),
    DisbursementApproved: lambda e: (e.request_id, "", "", "", "", e.restriction, ""),
    DisbursementPublicized: lambda e: (e.request_id, "", "", "", _notice(e), "", ""),
    DisbursementPaid: lambda e: (
        e.request_id, e.voucher_no, e.payee, e.purpose, "", e.restriction, ""
    ),
    DisbursementRejected: lambda e: (e.request_id, "", "", "", e.reason, e.restriction, ""),
    DisbursementCancelled: lambda e: (e.request_id, "", "", "", e.reason, e.restriction, ""),
    FundTransferredOut: lambda e: (
        e.transfer_id, "", e.to_fund_id, "", e.reason, e.restriction, ""
    ),
    FundTransferredIn: lambda e: (
        e.transfer_id, "", e.from_fund_id, "", e.reason, e.restriction, ""
    ),
    FundClosed: lambda e: ("", "", e.transfer_to or "", "", e.reason, "", ""),
    PledgeRecorded: lambda e: (e.pledge_id, "", e.donor or "", "", e.note, e.restriction, ""),
}  # fmt: skip
assert set(_DESCRIBE) == set(ENTRY_KINDS) == set(TOUCHED), "every fund event is described"
