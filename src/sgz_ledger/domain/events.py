"""Every fact the fund ledger records, as frozen msgspec structs with stable names.

An event's stored name is its ``tag`` plus its ``version`` (``"CashDonationReceived.v1"``),
never its Python module path: a class may be moved or renamed and old events still
read. Schema evolution follows msgspec's rule: new fields get defaults, existing
fields never change type; a change that needs more bumps ``version`` and adds an
``upcast_vN_vN+1`` static method that rewrites the older stored dict (see ``codec``).

Common fields on every event:
    originator_id: the aggregate's UUID (a fund's is derived from its ``fund_id``).
    originator_version: the event's position in that aggregate's sequence (from 1).
    timestamp: when the ledger recorded it (UTC), passed in, never read from a clock here.
    actor: who did it (经办人 / 审批人 / ...): a person's name or staff id.
    occurred_on: the business date, when it happened in the world.

Money is ``int`` fen; ``restriction`` is the named purpose of restricted money
(定向 / 限定性) and ``""`` (``UNRESTRICTED``) for unrestricted money.
"""

from __future__ import annotations

import datetime as dt
from typing import ClassVar, Literal
from uuid import UUID

import msgspec

__all__ = [
    "FUND_EVENT_TYPES",
    "UNRESTRICTED",
    "CashDonationReceived",
    "DisbursementApproved",
    "DisbursementCancelled",
    "DisbursementPaid",
    "DisbursementPublicized",
    "DisbursementRejected",
    "DisbursementRequested",
    "DonationRefunded",
    "DonationReversed",
    "FundClosed",
    "FundEvent",
    "FundOpened",
    "FundTransferredIn",
    "FundTransferredOut",
    "GoodsDistributed",
    "GoodsLine",
    "GoodsSold",
    "InKindDonationReceived",
    "LedgerEvent",
    "PaymentReversed",
    "PurposeChanged",
    "RestrictionReleased",
    "ValueBasis",
]

UNRESTRICTED = ""

ValueBasis = Literal["document", "fair_value", "unvalued"]


class LedgerEvent(msgspec.Struct, frozen=True, kw_only=True, tag_field="type"):
    """Base of every stored event (not stored itself: it has no tag)."""

    version: ClassVar[int] = 1

    originator_id: UUID
    originator_version: int
    timestamp: dt.datetime
    actor: str
    occurred_on: dt.date


class FundEvent(LedgerEvent, frozen=True, kw_only=True):
    """Base of the events of one community fund (社区基金)."""


class FundOpened(FundEvent, frozen=True, kw_only=True, tag="FundOpened"):
    """A community fund was set up (设立), hosted by a registered charity.

    Attributes:
        fund_id: the station's own code for the fund, unique in the store.
        approval_threshold_fen: spending above this needs two distinct approvers.
        publicity_required: whether every disbursement is publicized (公示) before payment.
    """

    fund_id: str
    station_id: str
    community: str
    name: str
    host: str
    approval_threshold_fen: int
    publicity_required: bool


class CashDonationReceived(FundEvent, frozen=True, kw_only=True, tag="CashDonationReceived"):
    """Cash arrived (捐赠资金), registered with its receipt number (rule 7, 10).

    Attributes:
        receipt_no: the 捐赠票据 number, unique within the fund; the idempotency key.
        donor: the donor's name, or ``None`` for an anonymous gift.
        restriction: the named purpose, ``""`` when unrestricted.
    """

    receipt_no: str
    donor: str | None
    restriction: str
    amount_fen: int
    note: str = ""


class GoodsLine(msgspec.Struct, frozen=True, kw_only=True):
    """One kind of goods in an in-kind gift.

    Attributes:
        quantity: a whole number of ``unit`` (箱, 件, 本...); choose a fine unit for loose goods.
        value_fen: the value booked as income, ``None`` when unvalued (rule 8).
        basis: ``document`` (the donor's papers), ``fair_value``, or ``unvalued``.
    """

    item: str
    quantity: int
    unit: str
    value_fen: int | None
    basis: ValueBasis


class InKindDonationReceived(FundEvent, frozen=True, kw_only=True, tag="InKindDonationReceived"):
    """Goods arrived (物资捐赠): they enter the inventory and count in income at their value.

    In-kind value never counts toward the cash that can be disbursed.
    """

    receipt_no: str
    donor: str | None
    restriction: str
    items: tuple[GoodsLine, ...]
    note: str = ""


class GoodsDistributed(FundEvent, frozen=True, kw_only=True, tag="GoodsDistributed"):
    """Goods left the inventory to the people they were for (发放), signed off by someone.

    Attributes:
        restriction: the purpose the goods were given for (their stock is kept apart).
        value_fen: the booked value that left with them (a share of the stock's value).
    """

    distribution_id: str
    item: str
    unit: str
    quantity: int
    value_fen: int
    recipient: str
    signed_off_by: str
    purpose: str
    restriction: str = ""


class GoodsSold(FundEvent, frozen=True, kw_only=True, tag="GoodsSold"):
    """Goods were sold (变卖); the proceeds arrived as cash.

    Attributes:
        restriction: the purpose of the goods sold; their proceeds keep it (rule 9).
    """

    sale_id: str
    item: str
    unit: str
    quantity: int
    value_fen: int
    proceeds_fen: int
    buyer: str
    restriction: str


class DonationRefunded(FundEvent, frozen=True, kw_only=True, tag="DonationRefunded"):
    """Cash went back to a donor: a reversing entry linked to the original gift (rule 11)."""

    refund_id: str
    receipt_no: str
    restriction: str
    amount_fen: int
    reason: str


class DonationReversed(FundEvent, frozen=True, kw_only=True, tag="DonationReversed"):
    """A donation entry was wrong and is reversed whole (it never happened as recorded).

    The original stays in the log; this event says who, when and why.

    Attributes:
        amount_fen: the cash taken back out of ``received`` (0 for an in-kind gift).
        items: the goods taken back out of the inventory (empty for a cash gift).
    """

    correction_id: str
    receipt_no: str
    restriction: str
    amount_fen: int
    items: tuple[GoodsLine, ...]
    reason: str


class PaymentReversed(FundEvent, frozen=True, kw_only=True, tag="PaymentReversed"):
    """A payment entry was wrong: the money is reserved again for its approved request."""

    correction_id: str
    request_id: str
    restriction: str
    amount_fen: int
    reason: str


class RestrictionReleased(FundEvent, frozen=True, kw_only=True, tag="RestrictionReleased"):
    """Restricted money was reclassified as unrestricted (never as new income, rule 9).

    Attributes:
        reference: the consent or decision that allows it (donor letter, 管委会 minutes).
    """

    release_id: str
    restriction: str
    amount_fen: int
    reason: str
    reference: str


class PurposeChanged(FundEvent, frozen=True, kw_only=True, tag="PurposeChanged"):
    """Restricted money was moved to another purpose with the donor's consent (慈善法 Art.56)."""

    change_id: str
    from_restriction: str
    to_restriction: str
    amount_fen: int
    consent_ref: str
    reason: str


class DisbursementRequested(FundEvent, frozen=True, kw_only=True, tag="DisbursementRequested"):
    """Someone asked to spend money (申请) from one restriction for a purpose and payee."""

    request_id: str
    amount_fen: int
    purpose: str
    restriction: str
    payee: str


class DisbursementApproved(FundEvent, frozen=True, kw_only=True, tag="DisbursementApproved"):
    """An approver (``actor``) approved a request.

    Attributes:
        reserved_fen: the amount reserved by this approval: the full amount on the
            approval that completes the rule (one approver, or the second above the
            fund's threshold), else 0.
    """

    request_id: str
    restriction: str
    reserved_fen: int


class DisbursementPublicized(FundEvent, frozen=True, kw_only=True, tag="DisbursementPublicized"):
    """The approved spending was publicly noticed (公示) from ``notice_from`` to ``notice_to``."""

    request_id: str
    notice_ref: str
    notice_from: dt.date
    notice_to: dt.date


class DisbursementPaid(FundEvent, frozen=True, kw_only=True, tag="DisbursementPaid"):
    """The reserved money was paid out to the payee; the reservation becomes spending."""

    request_id: str
    voucher_no: str
    restriction: str
    amount_fen: int
    payee: str
    purpose: str


class DisbursementRejected(FundEvent, frozen=True, kw_only=True, tag="DisbursementRejected"):
    """A request was turned down; any reservation is released."""

    request_id: str
    restriction: str
    released_fen: int
    reason: str


class DisbursementCancelled(FundEvent, frozen=True, kw_only=True, tag="DisbursementCancelled"):
    """A request was withdrawn before payment; any reservation is released."""

    request_id: str
    restriction: str
    released_fen: int
    reason: str


class FundTransferredOut(FundEvent, frozen=True, kw_only=True, tag="FundTransferredOut"):
    """Money left this fund for another fund of the store (e.g. when closing it)."""

    transfer_id: str
    to_fund_id: str
    restriction: str
    amount_fen: int
    reason: str


class FundTransferredIn(FundEvent, frozen=True, kw_only=True, tag="FundTransferredIn"):
    """Money arrived from another fund of the store, keeping its restriction."""

    transfer_id: str
    from_fund_id: str
    restriction: str
    amount_fen: int
    reason: str


class FundClosed(FundEvent, frozen=True, kw_only=True, tag="FundClosed"):
    """The fund was closed: nothing reserved, no goods, no cash left.

    Attributes:
        transfer_to: the fund that received the cash left, if any.
    """

    reason: str
    transfer_to: str | None = None


FUND_EVENT_TYPES: tuple[type[FundEvent], ...] = (
    FundOpened,
    CashDonationReceived,
    InKindDonationReceived,
    GoodsDistributed,
    GoodsSold,
    DonationRefunded,
    DonationReversed,
    PaymentReversed,
    RestrictionReleased,
    PurposeChanged,
    DisbursementRequested,
    DisbursementApproved,
    DisbursementPublicized,
    DisbursementPaid,
    DisbursementRejected,
    DisbursementCancelled,
    FundTransferredOut,
    FundTransferredIn,
    FundClosed,
)
