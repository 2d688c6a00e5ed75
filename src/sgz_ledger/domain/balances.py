"""The arithmetic of a fund's balances, as one pure fold over its events.

This is the only place that says how an event moves money. The ``Fund`` aggregate
folds its own events through it to check rules (is enough available?), and the
balance projection folds the notification log through it to answer queries, so
the two can never disagree about what a ``DisbursementPaid`` does.

Per restriction (``""`` = unrestricted), in fen:
    total     = received - refunded - paid + moved_in - moved_out
    reserved  = approved - paid - released
    available = total - reserved
``received`` is cash donations plus sale proceeds, net of reversed (erroneous)
donation entries; ``paid`` is net of reversed payments; ``moved_*`` are
reclassifications between restrictions and transfers between funds. In-kind
gifts never enter these cash figures: their booked value and the goods in stock
are kept beside them.
"""

from __future__ import annotations

import msgspec

from sgz_ledger.domain.errors import UnknownEvent
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
    GoodsLine,
    GoodsSold,
    InKindDonationReceived,
    PaymentReversed,
    PledgeRecorded,
    PurposeChanged,
    RestrictionReleased,
)

__all__ = ["FundBalances", "RestrictionBalance", "StockLine", "stock_key"]


class RestrictionBalance(msgspec.Struct, kw_only=True):
    """The cash of one restriction of one fund, as cumulative counters in fen."""

    received_fen: int = 0
    refunded_fen: int = 0
    paid_fen: int = 0
    approved_fen: int = 0
    released_fen: int = 0
    moved_in_fen: int = 0
    moved_out_fen: int = 0

    @property
    def total_fen(self) -> int:
        """Cash held for this restriction."""
        return (
            self.received_fen
            - self.refunded_fen
            - self.paid_fen
            + self.moved_in_fen
            - self.moved_out_fen
        )

    @property
    def reserved_fen(self) -> int:
        """Cash promised to approved, unpaid disbursements."""
        return self.approved_fen - self.paid_fen - self.released_fen

    @property
    def available_fen(self) -> int:
        """Cash that a new disbursement, refund or reclassification may take."""
        return self.total_fen - self.reserved_fen


class StockLine(msgspec.Struct, kw_only=True):
    """Goods of one kind and purpose in the fund's inventory, with their booked value in fen."""

    item: str
    unit: str
    restriction: str
    quantity: int = 0
    value_fen: int = 0


def stock_key(item: str, unit: str, restriction: str) -> str:
    """The inventory key of goods.

    The same item counted in another unit is another line; so are goods given for
    another purpose, because restricted goods serve only their purpose (rule 9).
    """
    return f"{item}\t{unit}\t{restriction}"


class FundBalances(msgspec.Struct, kw_only=True):
    """Everything a fund holds: cash per restriction, in-kind value, goods in stock."""

    restrictions: dict[str, RestrictionBalance] = msgspec.field(default_factory=dict)
    in_kind_received_fen: int = 0
    in_kind_out_fen: int = 0
    stock: dict[str, StockLine] = msgspec.field(default_factory=dict)

    def restriction(self, name: str) -> RestrictionBalance:
        """The balance of ``name``, created empty on first use."""
        balance = self.restrictions.get(name)
        if balance is None:
            balance = self.restrictions[name] = RestrictionBalance()
        return balance

    def available_fen(self, name: str) -> int:
        """Available cash of a restriction (0 for one never used)."""
        balance = self.restrictions.get(name)
        return 0 if balance is None else balance.available_fen

    def stock_line(self, item: str, unit: str, restriction: str) -> StockLine | None:
        """The goods of that item, unit and purpose in stock, if any were ever received."""
        return self.stock.get(stock_key(item, unit, restriction))

    @property
    def total_fen(self) -> int:
        """Cash held, all restrictions together."""
        return sum(b.total_fen for b in self.restrictions.values())

    @property
    def reserved_fen(self) -> int:
        """Cash reserved for approved disbursements, all restrictions together."""
        return sum(b.reserved_fen for b in self.restrictions.values())

    @property
    def available_fen_all(self) -> int:
        """Cash available, all restrictions together."""
        return sum(b.available_fen for b in self.restrictions.values())

    @property
    def in_kind_held_fen(self) -> int:
        """Booked value of the goods still in stock."""
        return self.in_kind_received_fen - self.in_kind_out_fen

    def apply(self, event: FundEvent) -> None:
        """Move the counters as ``event`` says (some fund events move no money).

        Raises:
            UnknownEvent: not a fund event this fold was taught (a new event class must
                say here what it does to the money, even if nothing).
        """
        # Cases are tested in order: the commonest kinds first (the history of a year is
        # mostly gifts and the steps of disbursements), those that move nothing early.
        match event:
            case CashDonationReceived():
                self.restriction(event.restriction).received_fen += event.amount_fen
            case DisbursementRequested() | DisbursementPublicized() | PledgeRecorded():
                pass  # a pledge is not income (rule 36)
            case InKindDonationReceived():
                for line in event.items:
                    self._goods_in(line, event.restriction, 1)
            case DisbursementApproved():
                self.restriction(event.restriction).approved_fen += event.reserved_fen
            case DisbursementPaid():
                self.restriction(event.restriction).paid_fen += event.amount_fen
            case DisbursementRejected() | DisbursementCancelled():
                self.restriction(event.restriction).released_fen += event.released_fen
            case DonationRefunded():
                self.restriction(event.restriction).refunded_fen += event.amount_fen
            case DonationReversed():
                self.restriction(event.restriction).received_fen -= event.amount_fen
                for line in event.items:
                    self._goods_in(line, event.restriction, -1)
            case PaymentReversed():
                self.restriction(event.restriction).paid_fen -= event.amount_fen
            case GoodsDistributed() | GoodsSold():
                held = self._stock(event.item, event.unit, event.restriction)
                held.quantity -= event.quantity
                held.value_fen -= event.value_fen
                self.in_kind_out_fen += event.value_fen
                if isinstance(event, GoodsSold):
                    self.restriction(event.restriction).received_fen += event.proceeds_fen
            case RestrictionReleased():
                self.restriction(event.restriction).moved_out_fen += event.amount_fen
                self.restriction("").moved_in_fen += event.amount_fen
            case PurposeChanged():
                self.restriction(event.from_restriction).moved_out_fen += event.amount_fen
                self.restriction(event.to_restriction).moved_in_fen += event.amount_fen
            case FundTransferredOut():
                self.restriction(event.restriction).moved_out_fen += event.amount_fen
            case FundTransferredIn():
                self.restriction(event.restriction).moved_in_fen += event.amount_fen
            case FundOpened() | FundClosed():
                pass  # a closing's cash left by its own transfer event, just before it
            case _:
                raise UnknownEvent(type(self).__name__, type(event))

    def _stock(self, item: str, unit: str, restriction: str) -> StockLine:
        """The stock line of those goods, created empty on first use.

        Created even for goods leaving: the fold is total over any subsequence of a
        fund's events (a point-in-time fold keeps only the events dated up to a day,
        and goods may be given out on a business date before the gift's own date was
        entered), so it never fails where the aggregate's checks did not.
        """
        key = stock_key(item, unit, restriction)
        line = self.stock.get(key)
        if line is None:
            line = self.stock[key] = StockLine(item=item, unit=unit, restriction=restriction)
        return line

    def _goods_in(self, goods: GoodsLine, restriction: str, sign: int) -> None:
        """Goods of a gift enter the stock (``sign=1``) or, on reversal, leave it (``-1``)."""
        line = self._stock(goods.item, goods.unit, restriction)
        value_fen = goods.value_fen or 0
        line.quantity += sign * goods.quantity
        line.value_fen += sign * value_fen
        self.in_kind_received_fen += sign * value_fen
