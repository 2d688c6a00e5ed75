"""The Fund aggregate: one community fund (社区基金), its cash, goods and spending.

Each command method checks every rule first and raises a ``LedgerError`` naming
the reason; only then does it trigger events ("after this point the command must
succeed", as TigerBeetle puts it). State changes only in ``apply``, the one path
used both by live commands and by replay, so a replayed fund equals the live one.

Nothing here reads a clock, generates an id or does I/O: the recording time, the
actor and the business date arrive in a ``Stamp``; keys come from the caller.

Idempotency: every command carries an external key (receipt number, request id,
refund id...). Repeating it with the same fields returns the original event and
records nothing; the same key with different fields raises ``IdempotencyConflict``
naming the first field that differs.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Any, Literal
from uuid import UUID, uuid5

import msgspec

from sgz_ledger.domain.aggregate import Aggregate, Stamp, check_same
from sgz_ledger.domain.balances import FundBalances
from sgz_ledger.domain.errors import (
    ApprovalRefused,
    ConsentRequired,
    FundNotEmpty,
    FundNotOpen,
    IdempotencyConflict,
    InsufficientFunds,
    InsufficientStock,
    InvalidTransition,
    NotFound,
    NoticeBeforeApproval,
    NoticeTooShort,
    PaymentRefused,
    RuleViolation,
)
from sgz_ledger.domain.events import (
    UNRESTRICTED,
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
    GoodsLine,
    GoodsSold,
    InKindDonationReceived,
    PaymentReversed,
    PledgeRecorded,
    PurposeChanged,
    RestrictionReleased,
)
from sgz_ledger.domain.messages import Phrase, entry

__all__ = [
    "FUND_NAMESPACE",
    "NOTICE_DAYS_MIN",
    "DisbursementState",
    "Fund",
    "FundSnapshot",
    "FundState",
    "Stamp",
    "fund_uuid",
]

# Fund aggregate ids are derived from the station's fund code, so that opening a
# fund twice is idempotent and any process finds a fund by its code without an index.
FUND_NAMESPACE = UUID("6f1d7f0e-5a53-4c1e-9d1b-2f0c5a8e4b11")

# The shortest 公示, in days with both ends counted, when the station's policy names none
# (StationPolicySet.notice_days_min).
NOTICE_DAYS_MIN = 5

DisbursementStatus = Literal["requested", "approved", "paid", "rejected", "cancelled"]


@lru_cache(maxsize=65_536)
def fund_uuid(fund_id: str) -> UUID:
    """The aggregate id of the fund whose code is ``fund_id`` (cached: a pure function
    of the code, asked for by every command)."""
    return uuid5(FUND_NAMESPACE, "fund:" + fund_id)


class DisbursementState(msgspec.Struct, kw_only=True, gc=False):
    """Where one disbursement stands in request -> approve -> publicize -> pay.

    Not tracked by Python's cyclic garbage collector (``gc=False``), like the events:
    a fund keeps one per request for good, and every full collection walked them all
    (with their lists, three objects a request). It cannot be part of a reference
    cycle: its fields are events, strings, numbers and tuples of those, never a
    container that could hold it (a test checks the fields' types).
    """

    request: DisbursementRequested
    status: DisbursementStatus = "requested"
    approvals: tuple[DisbursementApproved, ...] = ()
    reserved_fen: int = 0
    notice: DisbursementPublicized | None = None
    payment: DisbursementPaid | None = None
    ended: DisbursementRejected | DisbursementCancelled | None = None
    reversed_vouchers: tuple[str, ...] = ()


class FundState(msgspec.Struct, kw_only=True):
    """Everything a fund must remember to check its rules; the snapshot's payload."""

    opened: FundOpened | None = None
    closed: FundClosed | None = None
    balances: FundBalances = msgspec.field(default_factory=FundBalances)
    donations: dict[str, CashDonationReceived | InKindDonationReceived] = msgspec.field(
        default_factory=dict
    )
    refunded_fen_by_receipt: dict[str, int] = msgspec.field(default_factory=dict)
    refunds: dict[str, DonationRefunded] = msgspec.field(default_factory=dict)
    corrections: dict[str, DonationReversed | PaymentReversed] = msgspec.field(default_factory=dict)
    reversed_receipts: dict[str, str] = msgspec.field(default_factory=dict)
    releases: dict[str, RestrictionReleased] = msgspec.field(default_factory=dict)
    purpose_changes: dict[str, PurposeChanged] = msgspec.field(default_factory=dict)
    distributions: dict[str, GoodsDistributed] = msgspec.field(default_factory=dict)
    sales: dict[str, GoodsSold] = msgspec.field(default_factory=dict)
    transfers: dict[str, FundTransferredOut | FundTransferredIn] = msgspec.field(
        default_factory=dict
    )
    disbursements: dict[str, DisbursementState] = msgspec.field(default_factory=dict)
    pledges: dict[str, PledgeRecorded] = msgspec.field(default_factory=dict)


class FundSnapshot(msgspec.Struct, frozen=True, kw_only=True, tag="FundSnapshot"):
    """A fund's whole state at a version, typed (not a plain dict), for fast loading.

    It nests fund events, which are not upcast inside a snapshot: whenever an event's
    ``version`` changes, bump this ``version`` too. Older snapshots then no longer
    match a registered name and the Ledger rebuilds those funds from their events
    (a test pins the event versions to make the bump hard to forget).
    """

    version = 1

    originator_id: UUID
    originator_version: int
    timestamp: dt.datetime
    state: FundState


class Fund(Aggregate):
    """A community fund, rebuilt from its events; its methods are the fund's commands.

    Attributes:
        id: the aggregate UUID (``fund_uuid(fund_id)``).
        version: the version of the last event applied (0 before any).
        state: the fund's state; read it, never write it.
    """

    def __init__(self, id: UUID) -> None:
        super().__init__(id)
        self.state = FundState()

    # ---- replay: the one path that changes state ---------------------------------------

    def apply(self, event: FundEvent | FundSnapshot) -> None:
        """Change state as ``event`` says: the one path for live commands and replay."""
        if isinstance(event, FundSnapshot):
            self.state = event.state
            self.version = event.originator_version
            return
        super().apply(event)

    def _mutate(self, event: FundEvent) -> None:
        state = self.state
        state.balances.apply(event)
        # Cases are tested in order (the kinds are disjoint): the commonest first.
        match event:
            case CashDonationReceived() | InKindDonationReceived():
                state.donations[event.receipt_no] = event
            case DisbursementRequested():
                state.disbursements[event.request_id] = DisbursementState(request=event)
            case DisbursementApproved():
                d = state.disbursements[event.request_id]
                d.approvals = (*d.approvals, event)
                if event.reserved_fen:
                    d.status = "approved"
                    d.reserved_fen = event.reserved_fen
            case DisbursementPublicized():
                state.disbursements[event.request_id].notice = event
            case DisbursementPaid():
                d = state.disbursements[event.request_id]
                d.status = "paid"
                d.payment = event
                d.reserved_fen = 0
            case DisbursementRejected() | DisbursementCancelled():
                d = state.disbursements[event.request_id]
                d.status = "rejected" if isinstance(event, DisbursementRejected) else "cancelled"
                d.ended = event
                d.reserved_fen = 0
            case FundOpened():
                state.opened = event
            case DonationRefunded():
                state.refunds[event.refund_id] = event
                state.refunded_fen_by_receipt[event.receipt_no] = (
                    state.refunded_fen_by_receipt.get(event.receipt_no, 0) + event.amount_fen
                )
            case DonationReversed():
                state.corrections[event.correction_id] = event
                state.reversed_receipts[event.receipt_no] = event.correction_id
            case PaymentReversed():
                state.corrections[event.correction_id] = event
                d = state.disbursements[event.request_id]
                d.status = "approved"
                if d.payment is not None:
                    d.reversed_vouchers = (*d.reversed_vouchers, d.payment.voucher_no)
                d.payment = None
                d.reserved_fen = event.amount_fen
            case RestrictionReleased():
                state.releases[event.release_id] = event
            case PurposeChanged():
                state.purpose_changes[event.change_id] = event
            case GoodsDistributed():
                state.distributions[event.distribution_id] = event
            case GoodsSold():
                state.sales[event.sale_id] = event
            case FundTransferredOut() | FundTransferredIn():
                state.transfers[event.transfer_id] = event
            case FundClosed():
                state.closed = event
            case PledgeRecorded():
                state.pledges[event.pledge_id] = event
            case _:  # pragma: no cover - every FundEvent is matched above
                msg = f"unhandled event {type(event).__name__}"
                raise AssertionError(msg)

    @classmethod
    def replay(cls, events: list[FundEvent | FundSnapshot] | tuple[Any, ...]) -> Fund | None:
        """Rebuild a fund from its stored events (a snapshot may come first)."""
        fund: Fund | None = None
        for event in events:
            if fund is None:
                fund = cls(event.originator_id)
            fund.apply(event)
        return fund

    def snapshot(self, recorded_at: dt.datetime, *, copy: bool = True) -> FundSnapshot:
        """The fund's state as a snapshot event.

        A deep copy by default, so later commands don't touch it. ``copy=False`` shares
        the live state: only for a snapshot that is encoded at once, before any other
        command runs (the ledger's own schedule, ``Ledger._after_save``). A fund's state
        holds its whole history, so the copy (an encode and a decode) cost more than
        storing the snapshot: 2.3 s of a million-event import's 3.6 s of snapshots.
        """
        state = (
            msgspec.msgpack.decode(msgspec.msgpack.encode(self.state), type=FundState)
            if copy
            else self.state
        )
        return FundSnapshot(
            originator_id=self.id,
            originator_version=self.version,
            timestamp=recorded_at,
            state=state,
        )

    # ---- helpers -----------------------------------------------------------------

    @property
    def fund_id(self) -> str:
        """The station's code for this fund."""
        assert self.state.opened is not None
        return self.state.opened.fund_id

    @property
    def balances(self) -> FundBalances:
        """Cash per restriction, in-kind value and goods in stock."""
        return self.state.balances

    def _require_open(self) -> None:
        if self.state.opened is None:
            raise FundNotOpen("fund_never_opened")
        if self.state.closed is not None:
            raise FundNotOpen("fund_closed", fund_id=self.fund_id)

    @staticmethod
    def _require_not_before(stamp: Stamp, earlier: FundEvent, step: str, what: Phrase) -> None:
        """A step is not dated before the entry it acts on (a payment before its approval,
        a refund before its gift): the business dates of one entry's steps are in order."""
        if stamp.occurred_on < earlier.occurred_on:
            raise InvalidTransition(
                "step_before_entry",
                step=step,
                day=stamp.occurred_on,
                what=what,
                earlier=earlier.occurred_on,
            )

    def _require_available(self, restriction: str, amount_fen: int) -> None:
        available = self.state.balances.available_fen(restriction)
        if amount_fen > available:
            raise InsufficientFunds(restriction, available, amount_fen)

    def _disbursement(self, request_id: str) -> DisbursementState:
        d = self.state.disbursements.get(request_id)
        if d is None:
            raise NotFound("disbursement_request", request_id)
        return d

    # ---- commands: opening -------------------------------------------------------

    @classmethod
    def open(
        cls,
        stamp: Stamp,
        *,
        fund_id: str,
        station_id: str,
        community: str,
        name: str,
        host: str,
        approval_threshold_fen: int,
        publicity_required: bool,
    ) -> Fund:
        """Set up a new fund (its id derives from ``fund_id``)."""
        fund = cls(fund_uuid(fund_id))
        fund._trigger(
            FundOpened,
            stamp,
            fund_id=fund_id,
            station_id=station_id,
            community=community,
            name=name,
            host=host,
            approval_threshold_fen=approval_threshold_fen,
            publicity_required=publicity_required,
        )
        return fund

    def repeat_open(self, stamp: Stamp, **fields: Any) -> FundOpened:
        """Opening an existing fund again: a no-op if every field is the same."""
        opened = self.state.opened
        assert opened is not None
        return self._repeat(entry("fund", opened.fund_id), opened, stamp, **fields)

    # ---- commands: income --------------------------------------------------------

    def receive_cash(
        self,
        stamp: Stamp,
        *,
        receipt_no: str,
        donor: str | None,
        restriction: str,
        amount_fen: int,
        note: str = "",
        donor_sealed: bytes | None = None,
        pledge_id: str = "",
        project_id: str = "",
        budget_line: str = "",
    ) -> CashDonationReceived:
        """Register a cash gift under its receipt number (rule 7).

        ``donor_sealed``: a person's name, sealed by the application (``donor`` is then
        ``None``); a repeat passes the recorded bytes once it has compared the names.
        ``pledge_id``: the pledge of this fund the gift fulfils (rule 36), ``""`` for none.
        """
        fields: dict[str, Any] = {
            "receipt_no": receipt_no,
            "donor": donor,
            "restriction": restriction,
            "amount_fen": amount_fen,
            "note": note,
        }
        if donor_sealed is not None:
            fields["donor_sealed"] = donor_sealed
        if pledge_id:
            fields["pledge_id"] = pledge_id
        _add_project(fields, project_id, budget_line)
        recorded = self.state.donations.get(receipt_no)
        if recorded is not None:
            if not isinstance(recorded, CashDonationReceived):
                raise IdempotencyConflict(entry("receipt", receipt_no), "kind", "in_kind", "cash")
            _same_kind_of_donor(receipt_no, recorded, donor_sealed)
            check_same(entry("receipt", receipt_no), recorded, {"pledge_id": pledge_id})
            _same_project(entry("receipt", receipt_no), recorded, project_id, budget_line)
            return self._repeat(entry("receipt", receipt_no), recorded, stamp, **fields)
        self._require_open()
        if pledge_id and pledge_id not in self.state.pledges:
            raise NotFound("pledge", pledge_id)
        return self._trigger(CashDonationReceived, stamp, **fields)

    def record_pledge(
        self,
        stamp: Stamp,
        *,
        pledge_id: str,
        donor: str | None,
        amount_fen: int,
        restriction: str,
        expected_on: dt.date | None,
        note: str = "",
    ) -> PledgeRecorded:
        """Record a promised gift (认捐, rule 36): never income, no balance moves."""
        fields: dict[str, Any] = {
            "pledge_id": pledge_id,
            "donor": donor,
            "amount_fen": amount_fen,
            "restriction": restriction,
            "expected_on": expected_on,
            "note": note,
        }
        recorded = self.state.pledges.get(pledge_id)
        if recorded is not None:
            return self._repeat(entry("pledge", pledge_id), recorded, stamp, **fields)
        self._require_open()
        return self._trigger(PledgeRecorded, stamp, **fields)

    def receive_goods(
        self,
        stamp: Stamp,
        *,
        receipt_no: str,
        donor: str | None,
        restriction: str,
        items: tuple[GoodsLine, ...],
        note: str = "",
        donor_sealed: bytes | None = None,
        project_id: str = "",
        budget_line: str = "",
    ) -> InKindDonationReceived:
        """Register an in-kind gift: goods enter the inventory at their booked value
        (``donor_sealed`` as for ``receive_cash``)."""
        fields: dict[str, Any] = {
            "receipt_no": receipt_no,
            "donor": donor,
            "restriction": restriction,
            "items": items,
            "note": note,
        }
        if donor_sealed is not None:
            fields["donor_sealed"] = donor_sealed
        _add_project(fields, project_id, budget_line)
        recorded = self.state.donations.get(receipt_no)
        if recorded is not None:
            if not isinstance(recorded, InKindDonationReceived):
                raise IdempotencyConflict(entry("receipt", receipt_no), "kind", "cash", "in_kind")
            _same_kind_of_donor(receipt_no, recorded, donor_sealed)
            _same_project(entry("receipt", receipt_no), recorded, project_id, budget_line)
            return self._repeat(entry("receipt", receipt_no), recorded, stamp, **fields)
        self._require_open()
        return self._trigger(InKindDonationReceived, stamp, **fields)

    def distribute_goods(
        self,
        stamp: Stamp,
        *,
        distribution_id: str,
        item: str,
        unit: str,
        restriction: str,
        quantity: int,
        recipient: str,
        signed_off_by: str,
        purpose: str,
    ) -> GoodsDistributed:
        """Give goods from stock to the people they were for, signed off by someone.

        ``restriction`` names the stock the goods come from: goods given for a purpose
        are kept apart and given out only for it (rule 9).
        """
        recorded = self.state.distributions.get(distribution_id)
        if recorded is not None:
            return self._repeat(
                entry("distribution", distribution_id),
                recorded,
                stamp,
                item=item,
                unit=unit,
                restriction=restriction,
                quantity=quantity,
                recipient=recipient,
                signed_off_by=signed_off_by,
                purpose=purpose,
            )
        self._require_open()
        value_fen = self._goods_value_out(item, unit, restriction, quantity)
        return self._trigger(
            GoodsDistributed,
            stamp,
            distribution_id=distribution_id,
            item=item,
            unit=unit,
            restriction=restriction,
            quantity=quantity,
            value_fen=value_fen,
            recipient=recipient,
            signed_off_by=signed_off_by,
            purpose=purpose,
        )

    def sell_goods(
        self,
        stamp: Stamp,
        *,
        sale_id: str,
        item: str,
        unit: str,
        quantity: int,
        proceeds_fen: int,
        buyer: str,
        restriction: str,
    ) -> GoodsSold:
        """Sell goods from the stock of ``restriction``; the proceeds arrive as cash in it."""
        recorded = self.state.sales.get(sale_id)
        if recorded is not None:
            return self._repeat(
                entry("sale", sale_id),
                recorded,
                stamp,
                item=item,
                unit=unit,
                quantity=quantity,
                proceeds_fen=proceeds_fen,
                buyer=buyer,
                restriction=restriction,
            )
        self._require_open()
        value_fen = self._goods_value_out(item, unit, restriction, quantity)
        return self._trigger(
            GoodsSold,
            stamp,
            sale_id=sale_id,
            item=item,
            unit=unit,
            quantity=quantity,
            value_fen=value_fen,
            proceeds_fen=proceeds_fen,
            buyer=buyer,
            restriction=restriction,
        )

    def _goods_value_out(self, item: str, unit: str, restriction: str, quantity: int) -> int:
        """Check stock and return the booked value leaving with ``quantity`` goods.

        The value leaves pro rata, rounded down, and the last goods out take what
        remains, so the inventory's value reaches exactly zero with its quantity.
        """
        line = self.state.balances.stock_line(item, unit, restriction)
        in_stock = 0 if line is None else line.quantity
        if quantity > in_stock:
            raise InsufficientStock(
                "insufficient_stock_for" if restriction else "insufficient_stock",
                in_stock=in_stock,
                unit=unit,
                item=item,
                restriction=restriction,
                quantity=quantity,
            )
        assert line is not None
        if quantity == line.quantity:
            return line.value_fen
        return line.value_fen * quantity // line.quantity

    # ---- commands: giving back and correcting ------------------------------------

    def refund(
        self,
        stamp: Stamp,
        *,
        refund_id: str,
        receipt_no: str,
        amount_fen: int,
        reason: str,
    ) -> DonationRefunded:
        """Return (part of) a cash gift to its donor: never more than was given (rule 11)."""
        recorded = self.state.refunds.get(refund_id)
        if recorded is not None:
            return self._repeat(
                entry("refund", refund_id),
                recorded,
                stamp,
                receipt_no=receipt_no,
                amount_fen=amount_fen,
                reason=reason,
            )
        self._require_open()
        gift = self.state.donations.get(receipt_no)
        if gift is None:
            raise NotFound("donation_receipt", receipt_no)
        if not isinstance(gift, CashDonationReceived):
            raise InvalidTransition("refund_of_goods", receipt_no=receipt_no)
        if receipt_no in self.state.reversed_receipts:
            raise InvalidTransition("receipt_reversed", receipt_no=receipt_no)
        self._require_not_before(stamp, gift, "step_refund", Phrase("the_gift", key=receipt_no))
        refundable = gift.amount_fen - self.state.refunded_fen_by_receipt.get(receipt_no, 0)
        if amount_fen > refundable:
            raise RuleViolation(
                "refund_exceeds_gift",
                receipt_no=receipt_no,
                refundable_fen=refundable,
                amount_fen=amount_fen,
            )
        self._require_available(gift.restriction, amount_fen)
        return self._trigger(
            DonationRefunded,
            stamp,
            refund_id=refund_id,
            receipt_no=receipt_no,
            restriction=gift.restriction,
            amount_fen=amount_fen,
            reason=reason,
        )

    def reverse_donation(
        self, stamp: Stamp, *, correction_id: str, receipt_no: str, reason: str
    ) -> DonationReversed:
        """Reverse a donation entry that was wrong; the original stays in the log."""
        recorded = self.state.corrections.get(correction_id)
        if recorded is not None:
            if not isinstance(recorded, DonationReversed):
                raise IdempotencyConflict(
                    entry("correction", correction_id), "kind", "payment", "donation"
                )
            return self._repeat(
                entry("correction", correction_id),
                recorded,
                stamp,
                receipt_no=receipt_no,
                reason=reason,
            )
        self._require_open()
        gift = self.state.donations.get(receipt_no)
        if gift is None:
            raise NotFound("donation_receipt", receipt_no)
        if receipt_no in self.state.reversed_receipts:
            raise InvalidTransition("receipt_already_reversed", receipt_no=receipt_no)
        if self.state.refunded_fen_by_receipt.get(receipt_no):
            raise InvalidTransition("receipt_has_refunds", receipt_no=receipt_no)
        if isinstance(gift, CashDonationReceived):
            self._require_available(gift.restriction, gift.amount_fen)
            amount_fen, items = gift.amount_fen, tuple[GoodsLine, ...]()
        else:
            self._require_goods_returnable(receipt_no, gift)
            amount_fen, items = 0, gift.items
        return self._trigger(
            DonationReversed,
            stamp,
            correction_id=correction_id,
            receipt_no=receipt_no,
            restriction=gift.restriction,
            amount_fen=amount_fen,
            items=items,
            reason=reason,
        )

    def _require_goods_returnable(self, receipt_no: str, gift: InKindDonationReceived) -> None:
        """Check a gift's goods (summed per item and unit) can leave the stock whole.

        The stock pools goods of many gifts, and value leaves it pro rata, so a
        reversal may not take more goods or value than are held, nor leave value
        behind with no goods (that would be value no one can ever give out).
        """
        taken: dict[tuple[str, str], tuple[int, int]] = {}
        for line in gift.items:
            quantity, value = taken.get((line.item, line.unit), (0, 0))  # summed per kind
            taken[(line.item, line.unit)] = (
                quantity + line.quantity,
                value + (line.value_fen or 0),
            )
        for (item, unit), (quantity, value) in taken.items():
            held = self.state.balances.stock_line(item, unit, gift.restriction)
            if held is None or held.quantity < quantity or held.value_fen < value:
                raise InsufficientStock("gift_goods_gone", receipt_no=receipt_no, item=item)
            if held.quantity == quantity and held.value_fen != value:
                raise InsufficientStock(
                    "gift_value_left",
                    receipt_no=receipt_no,
                    left_fen=held.value_fen - value,
                    item=item,
                )

    def reverse_payment(
        self, stamp: Stamp, *, correction_id: str, request_id: str, reason: str
    ) -> PaymentReversed:
        """Reverse a payment entered in error: the money is reserved again for the request."""
        recorded = self.state.corrections.get(correction_id)
        if recorded is not None:
            if not isinstance(recorded, PaymentReversed):
                raise IdempotencyConflict(
                    entry("correction", correction_id), "kind", "donation", "payment"
                )
            return self._repeat(
                entry("correction", correction_id),
                recorded,
                stamp,
                request_id=request_id,
                reason=reason,
            )
        self._require_open()
        d = self._disbursement(request_id)
        if d.status != "paid" or d.payment is None:
            raise InvalidTransition("request_not_paid", request_id=request_id, status=d.status)
        return self._trigger(
            PaymentReversed,
            stamp,
            correction_id=correction_id,
            request_id=request_id,
            restriction=d.request.restriction,
            amount_fen=d.payment.amount_fen,
            reason=reason,
        )

    # ---- commands: restrictions --------------------------------------------------

    def release_restriction(
        self,
        stamp: Stamp,
        *,
        release_id: str,
        restriction: str,
        amount_fen: int,
        reason: str,
        reference: str,
    ) -> RestrictionReleased:
        """Reclassify restricted money as unrestricted, citing consent or decision (rule 9)."""
        fields = {
            "restriction": restriction,
            "amount_fen": amount_fen,
            "reason": reason,
            "reference": reference,
        }
        recorded = self.state.releases.get(release_id)
        if recorded is not None:
            return self._repeat(entry("release", release_id), recorded, stamp, **fields)
        self._require_open()
        if restriction == UNRESTRICTED:
            raise RuleViolation("release_of_unrestricted")
        if not reference.strip():
            raise ConsentRequired("release_needs_reference")
        self._require_available(restriction, amount_fen)
        return self._trigger(RestrictionReleased, stamp, release_id=release_id, **fields)

    def change_purpose(
        self,
        stamp: Stamp,
        *,
        change_id: str,
        from_restriction: str,
        to_restriction: str,
        amount_fen: int,
        consent_ref: str,
        reason: str,
    ) -> PurposeChanged:
        """Move restricted money to another purpose; needs the donor's consent (慈善法 Art.56)."""
        fields = {
            "from_restriction": from_restriction,
            "to_restriction": to_restriction,
            "amount_fen": amount_fen,
            "consent_ref": consent_ref,
            "reason": reason,
        }
        recorded = self.state.purpose_changes.get(change_id)
        if recorded is not None:
            return self._repeat(entry("purpose_change", change_id), recorded, stamp, **fields)
        self._require_open()
        if not consent_ref.strip():
            raise ConsentRequired()
        if from_restriction == UNRESTRICTED or to_restriction == UNRESTRICTED:
            raise RuleViolation("purpose_change_unrestricted")
        if from_restriction == to_restriction:
            raise RuleViolation("purpose_unchanged")
        self._require_available(from_restriction, amount_fen)
        return self._trigger(PurposeChanged, stamp, change_id=change_id, **fields)

    # ---- commands: spending --------------------------------------------------------

    def request_disbursement(
        self,
        stamp: Stamp,
        *,
        request_id: str,
        amount_fen: int,
        purpose: str,
        restriction: str,
        payee: str,
        project_id: str = "",
        budget_line: str = "",
    ) -> DisbursementRequested:
        """Ask to spend money from one restriction; the requester is ``stamp.actor``.

        ``project_id`` and ``budget_line``: the project line the money is spent on; whether
        they fit the project and its budget is the project's to check (``domain.projects``,
        rules 41 and 42), before this is called.
        """
        fields: dict[str, Any] = {
            "amount_fen": amount_fen,
            "purpose": purpose,
            "restriction": restriction,
            "payee": payee,
        }
        _add_project(fields, project_id, budget_line)
        d = self.state.disbursements.get(request_id)
        if d is not None:
            _same_project(entry("request", request_id), d.request, project_id, budget_line)
            return self._repeat(entry("request", request_id), d.request, stamp, **fields)
        self._require_open()
        return self._trigger(DisbursementRequested, stamp, request_id=request_id, **fields)

    def approve_disbursement(self, stamp: Stamp, *, request_id: str) -> DisbursementApproved:
        """Approve as ``stamp.actor``; the approval completing the rule reserves the money.

        Rule 11: the approver is not the requester; above the fund's threshold a
        second, distinct approver is needed, and only then is the money reserved.
        """
        d = self._disbursement(request_id)
        for approval in d.approvals:
            if stamp.names(approval.actor):
                check_same(
                    Phrase("entry_approval_by", request_id=request_id, actor=stamp.actor),
                    approval,
                    {"occurred_on": stamp.occurred_on},
                )
                return approval
        self._require_open()
        if d.status != "requested":
            raise InvalidTransition(
                "request_not_awaiting_approval", request_id=request_id, status=d.status
            )
        if stamp.names(d.request.actor):
            raise ApprovalRefused(None, actor=stamp.actor, request_id=request_id)
        self._require_not_before(
            stamp, d.request, "step_approval", Phrase("the_request", key=request_id)
        )
        opened = self.state.opened
        assert opened is not None
        needed = 2 if d.request.amount_fen > opened.approval_threshold_fen else 1
        completes = len(d.approvals) + 1 >= needed
        if completes:
            self._require_available(d.request.restriction, d.request.amount_fen)
        return self._trigger(
            DisbursementApproved,
            stamp,
            request_id=request_id,
            restriction=d.request.restriction,
            reserved_fen=d.request.amount_fen if completes else 0,
        )

    def publicize_disbursement(
        self,
        stamp: Stamp,
        *,
        request_id: str,
        notice_ref: str,
        notice_from: dt.date,
        notice_to: dt.date,
        notice_days_min: int = NOTICE_DAYS_MIN,
    ) -> DisbursementPublicized:
        """Record the public notice (公示) of an approved disbursement.

        Rules 30 and 31: the notice starts on or after the date of the approval that
        completed the decision (whatever the command's own date), and runs at least
        ``notice_days_min`` days, both ends counted (the station's policy, default 5).
        """
        d = self._disbursement(request_id)
        fields = {"notice_ref": notice_ref, "notice_from": notice_from, "notice_to": notice_to}
        if d.notice is not None:
            return self._repeat(entry("notice_of", request_id), d.notice, stamp, **fields)
        self._require_open()
        if d.status != "approved":
            raise InvalidTransition("notice_needs_approval", request_id=request_id, status=d.status)
        if notice_to < notice_from:
            raise RuleViolation("notice_period_reversed")
        approved = _completing_approval(d)
        if notice_from < approved.occurred_on:
            raise NoticeBeforeApproval(
                None,
                request_id=request_id,
                notice_from=notice_from,
                approved_on=approved.occurred_on,
            )
        days = (notice_to - notice_from).days + 1
        if days < notice_days_min:
            raise NoticeTooShort(
                None,
                request_id=request_id,
                days=days,
                notice_from=notice_from,
                notice_to=notice_to,
                notice_days_min=notice_days_min,
            )
        self._require_not_before(
            stamp, d.approvals[-1], "step_notice", Phrase("the_approval_of", key=request_id)
        )
        return self._trigger(DisbursementPublicized, stamp, request_id=request_id, **fields)

    def pay_disbursement(
        self, stamp: Stamp, *, request_id: str, voucher_no: str, approver_may_pay: bool = True
    ) -> DisbursementPaid:
        """Pay an approved (and, where the fund requires it, publicized) disbursement.

        Rule 28: the requester never pays their own request; unless ``approver_may_pay``
        (the station's access policy, passed by the handler), neither does an approver.
        """
        d = self._disbursement(request_id)
        if d.payment is not None:
            return self._repeat(
                entry("payment_of", request_id), d.payment, stamp, voucher_no=voucher_no
            )
        self._require_open()
        if d.status != "approved":
            raise InvalidTransition("request_not_approved", request_id=request_id, status=d.status)
        if stamp.names(d.request.actor):
            raise PaymentRefused(None, actor=stamp.actor, request_id=request_id)
        if not approver_may_pay and any(stamp.names(a.actor) for a in d.approvals):
            raise PaymentRefused("approver_may_not_pay", actor=stamp.actor, request_id=request_id)
        if voucher_no in d.reversed_vouchers:
            # The same pay command repeated after its payment was reversed as an error
            # (an import run twice) must not pay again.
            raise InvalidTransition(
                "voucher_reversed", voucher_no=voucher_no, request_id=request_id
            )
        opened = self.state.opened
        assert opened is not None
        if opened.publicity_required and d.notice is None:
            raise InvalidTransition(
                "notice_required", fund_id=opened.fund_id, request_id=request_id
            )
        if d.notice is not None and stamp.occurred_on <= d.notice.notice_to:
            # A notice period "3月1日至3月8日" includes the 8th: pay from the day after.
            raise InvalidTransition(
                "notice_running", request_id=request_id, notice_to=d.notice.notice_to
            )
        self._require_not_before(
            stamp, d.approvals[-1], "step_payment", Phrase("the_approval_of", key=request_id)
        )
        return self._trigger(
            DisbursementPaid,
            stamp,
            request_id=request_id,
            voucher_no=voucher_no,
            restriction=d.request.restriction,
            amount_fen=d.request.amount_fen,
            payee=d.request.payee,
            purpose=d.request.purpose,
            **_project_of(d.request),
        )

    def reject_disbursement(
        self, stamp: Stamp, *, request_id: str, reason: str
    ) -> DisbursementRejected:
        """Turn a request down before payment; releases any reservation."""
        event = self._end(DisbursementRejected, stamp, request_id, reason)
        assert isinstance(event, DisbursementRejected)
        return event

    def cancel_disbursement(
        self, stamp: Stamp, *, request_id: str, reason: str
    ) -> DisbursementCancelled:
        """Withdraw a request before payment; releases any reservation."""
        event = self._end(DisbursementCancelled, stamp, request_id, reason)
        assert isinstance(event, DisbursementCancelled)
        return event

    def _end(
        self,
        cls: type[DisbursementRejected] | type[DisbursementCancelled],
        stamp: Stamp,
        request_id: str,
        reason: str,
    ) -> DisbursementRejected | DisbursementCancelled:
        d = self._disbursement(request_id)
        if isinstance(d.ended, cls):
            return self._repeat(
                Phrase("entry_ended_request", status=d.status, key=request_id),
                d.ended,
                stamp,
                reason=reason,
            )
        self._require_open()
        if d.status not in ("requested", "approved"):
            raise InvalidTransition("request_already_ended", request_id=request_id, status=d.status)
        self._require_not_before(
            stamp, d.request, "step_end_request", Phrase("the_request", key=request_id)
        )
        return self._trigger(
            cls,
            stamp,
            request_id=request_id,
            restriction=d.request.restriction,
            released_fen=d.reserved_fen,
            reason=reason,
        )

    # ---- commands: moving between funds and closing ---------------------------------

    def transfer_out(
        self,
        stamp: Stamp,
        *,
        transfer_id: str,
        to_fund_id: str,
        restriction: str,
        amount_fen: int,
        reason: str,
    ) -> FundTransferredOut:
        """Send available money of one restriction to another fund (the caller credits it)."""
        self._require_open()
        if to_fund_id == self.fund_id:
            raise RuleViolation("transfer_to_itself")
        if transfer_id in self.state.transfers:
            raise InvalidTransition("transfer_recorded", transfer_id=transfer_id)
        self._require_available(restriction, amount_fen)
        return self._trigger(
            FundTransferredOut,
            stamp,
            transfer_id=transfer_id,
            to_fund_id=to_fund_id,
            restriction=restriction,
            amount_fen=amount_fen,
            reason=reason,
        )

    def transfer_in(
        self,
        stamp: Stamp,
        *,
        transfer_id: str,
        from_fund_id: str,
        restriction: str,
        amount_fen: int,
        reason: str,
    ) -> FundTransferredIn:
        """Receive money sent by another fund, keeping its restriction."""
        self._require_open()
        if transfer_id in self.state.transfers:
            raise InvalidTransition("transfer_recorded", transfer_id=transfer_id)
        return self._trigger(
            FundTransferredIn,
            stamp,
            transfer_id=transfer_id,
            from_fund_id=from_fund_id,
            restriction=restriction,
            amount_fen=amount_fen,
            reason=reason,
        )

    def close_into(self, stamp: Stamp, *, target: Fund, reason: str) -> FundClosed:
        """Close the fund, moving the money available in each restriction to ``target``
        first (one transfer per restriction, keeping it); ``target`` must be open.

        The caller saves both funds together: the transfers and the closing are one fact.
        """
        if self.state.closed is None:
            if target.fund_id == self.fund_id:
                raise RuleViolation("transfer_to_itself")
            if target.state.closed is not None:
                raise FundNotOpen("transfer_to_closed_fund", fund_id=target.fund_id)
            restrictions = sorted(self.state.balances.restrictions.items())
            for n, (restriction, balance) in enumerate(restrictions):
                amount = balance.available_fen
                if amount <= 0:
                    continue
                transfer_id = f"close:{self.fund_id}:{n}"
                self.transfer_out(
                    stamp,
                    transfer_id=transfer_id,
                    to_fund_id=target.fund_id,
                    restriction=restriction,
                    amount_fen=amount,
                    reason=reason,
                )
                target.transfer_in(
                    stamp,
                    transfer_id=transfer_id,
                    from_fund_id=self.fund_id,
                    restriction=restriction,
                    amount_fen=amount,
                    reason=reason,
                )
        return self.close(stamp, reason=reason, transfer_to=target.fund_id)

    def close(self, stamp: Stamp, *, reason: str, transfer_to: str | None = None) -> FundClosed:
        """Close the fund: only with nothing reserved, no goods held, and no cash left.

        ``transfer_to`` records which fund received the cash left (moved just before).
        """
        if self.state.closed is not None:
            return self._repeat(
                entry("closing_of", self.fund_id),
                self.state.closed,
                stamp,
                reason=reason,
                transfer_to=transfer_to,
            )
        self._require_open()
        balances = self.state.balances
        if balances.reserved_fen:
            raise FundNotEmpty("fund_has_reserved", reserved_fen=balances.reserved_fen)
        held = [line for line in balances.stock.values() if line.quantity]
        if held:
            goods = [f"{line.quantity} {line.unit} {line.item}" for line in held]
            raise FundNotEmpty("fund_has_goods", goods=goods)
        if balances.total_fen:
            raise FundNotEmpty("fund_has_cash", total_fen=balances.total_fen)
        open_requests = [
            rid for rid, d in self.state.disbursements.items() if d.status == "requested"
        ]
        if open_requests:
            raise FundNotEmpty("fund_has_open_requests", requests=open_requests)
        return self._trigger(FundClosed, stamp, reason=reason, transfer_to=transfer_to)


def _add_project(fields: dict[str, Any], project_id: str, budget_line: str) -> None:
    """Name the project in an event's fields only when there is one (the fields' defaults
    say "none", as for every entry recorded before projects existed)."""
    if project_id or budget_line:
        fields["project_id"] = project_id
        fields["budget_line"] = budget_line


def _same_project(
    key: Phrase,
    recorded: CashDonationReceived | InKindDonationReceived | DisbursementRequested,
    project_id: str,
    budget_line: str,
) -> None:
    """A repeat names the project and line its entry was recorded with."""
    check_same(key, recorded, {"project_id": project_id, "budget_line": budget_line})


def _project_of(request: DisbursementRequested) -> dict[str, str]:
    """The request's project and line, for its payment (nothing when it names none)."""
    fields: dict[str, Any] = {}
    _add_project(fields, request.project_id, request.budget_line)
    return fields


def _completing_approval(d: DisbursementState) -> DisbursementApproved:
    """The approval that completed a request's approval rule (the one that reserved the
    money); the last one for a request whose approvals reserved nothing."""
    for approval in reversed(d.approvals):
        if approval.reserved_fen:
            return approval
    return d.approvals[-1]


def _same_kind_of_donor(
    receipt_no: str,
    recorded: CashDonationReceived | InKindDonationReceived,
    donor_sealed: bytes | None,
) -> None:
    """Refuse a repeat that names a person where the gift named an organisation (or
    nobody), or the other way round: named plainly, before the fields are compared."""
    was_person = recorded.donor_sealed is not None
    if was_person != (donor_sealed is not None):
        raise IdempotencyConflict(
            entry("receipt", receipt_no), "donor_is_person", was_person, not was_person
        )
