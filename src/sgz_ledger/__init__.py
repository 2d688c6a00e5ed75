"""sgz_ledger: an event-sourced ledger for social work stations (社工站).

Community funds (社区基金) are recorded as immutable events: donations in cash and in
kind, refunds, corrections, restriction releases and the disbursement lifecycle
(request, approval, 公示, payment). Balances are derived from the events.

Open a ledger on a store and call its commands::

    import datetime as dt
    from sgz_ledger import Ledger

    ledger = Ledger("memory:")
    ledger.open_fund(fund_id="cz-village", station_id="cuizhai", community="崔寨村",
                     name="崔寨村社区基金", host="济南市慈善总会", approval_threshold="5000",
                     actor="王芳", occurred_on=dt.date(2024, 1, 8))
"""

from sgz_ledger.domain.errors import (
    ApprovalRefused,
    CipherKeyError,
    ConcurrencyConflict,
    ConsentRequired,
    FundNotEmpty,
    FundNotOpen,
    IdempotencyConflict,
    InsufficientFunds,
    InsufficientStock,
    InvalidAmount,
    InvalidInput,
    InvalidTransition,
    LedgerError,
    NotFound,
    ReadOnlyStore,
    RuleViolation,
    StoreError,
)
from sgz_ledger.domain.money import format_yuan, parse_amount_fen
from sgz_ledger.ledger import Ledger
from sgz_ledger.reports.balances import FundBalance, GoodsBalance, RestrictionBalanceRow
from sgz_ledger.service.commands import (
    ApproveDisbursement,
    CancelDisbursement,
    ChangePurpose,
    CloseFund,
    Command,
    DistributeGoods,
    GoodsLineInput,
    OpenFund,
    PayDisbursement,
    PublicizeDisbursement,
    ReceiveCashDonation,
    ReceiveGoodsDonation,
    RefundDonation,
    RejectDisbursement,
    ReleaseRestriction,
    RequestDisbursement,
    ReverseDonation,
    ReversePayment,
    SellGoods,
)
from sgz_ledger.service.unit_of_work import BatchCommandRefused
from sgz_ledger.storage.settings import StoreSettings, parse_store

__all__ = [
    "ApprovalRefused",
    "ApproveDisbursement",
    "BatchCommandRefused",
    "CancelDisbursement",
    "ChangePurpose",
    "CipherKeyError",
    "CloseFund",
    "Command",
    "ConcurrencyConflict",
    "ConsentRequired",
    "DistributeGoods",
    "FundBalance",
    "FundNotEmpty",
    "FundNotOpen",
    "GoodsBalance",
    "GoodsLineInput",
    "IdempotencyConflict",
    "InsufficientFunds",
    "InsufficientStock",
    "InvalidAmount",
    "InvalidInput",
    "InvalidTransition",
    "Ledger",
    "LedgerError",
    "NotFound",
    "OpenFund",
    "PayDisbursement",
    "PublicizeDisbursement",
    "ReadOnlyStore",
    "ReceiveCashDonation",
    "ReceiveGoodsDonation",
    "RefundDonation",
    "RejectDisbursement",
    "ReleaseRestriction",
    "RequestDisbursement",
    "RestrictionBalanceRow",
    "ReverseDonation",
    "ReversePayment",
    "RuleViolation",
    "SellGoods",
    "StoreError",
    "StoreSettings",
    "format_yuan",
    "parse_amount_fen",
    "parse_store",
]
