"""A state machine drives random fund histories through the Ledger and checks them against a model.

Hypothesis picks command after command (opening funds, cash and in-kind gifts, goods
given out and sold, refunds, corrections, restriction releases, purpose changes, every
step of a disbursement, closing with and without a transfer, idempotent repeats, batches)
and runs each through the public ``Ledger`` API. Beside the ledger the machine keeps its
own model of every fund, written here in plain dicts and ints and sharing no code with
``sgz_ledger.domain.balances``, so that a wrong rule or a wrong sum in the library
cannot leak into the expectation. For every command the model predicts acceptance (and
which events are stored) or refusal (and which ``LedgerError``); after every step the
invariants compare the model with the aggregate and with the balances projection, and
replay the stored events from scratch. The machine is the testing kit's
(``sgz_ledger.testing.LedgerMachine``), which also holds the ledger after every step to its
invariants against the kit's own recount of the log (docs/testing.md): the hash chain,
maker-checker, no balance below zero, totals that are the sums of their parts, every figure.

The model's money arithmetic, per fund and restriction (``""`` = unrestricted), in fen::

    received  = cash gifts + sale proceeds - reversed cash gifts
    paid      = payments - reversed payments
    moved_in  = releases into "" + purpose changes into it + transfers from other funds
    moved_out = releases out of it + purpose changes out of it + transfers to other funds
    total     = received - refunded - paid + moved_in - moved_out
    reserved  = approved - paid - released      (released: by rejection or cancellation)
    available = total - reserved >= 0

The same machine runs on memory and SQLite always, and on PostgreSQL when the test
server answers (each example in a schema of its own, dropped afterwards).
"""

from __future__ import annotations

import copy
import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any
from uuid import UUID

import msgspec
import pytest
from hypothesis import event
from hypothesis import strategies as st
from hypothesis.stateful import (
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from conftest import FixedClock, require_postgres
from machine_stores import PostgresSchemaStore, SqliteFileStore, machine_settings
from sgz_ledger import (
    AccessRefused,
    ApprovalRefused,
    BatchCommandRefused,
    ConsentRequired,
    FundNotEmpty,
    FundNotOpen,
    IdempotencyConflict,
    InsufficientFunds,
    InsufficientStock,
    InvalidAmount,
    InvalidInput,
    InvalidTransition,
    Ledger,
    LedgerError,
    NotFound,
    NoticeBeforeApproval,
    NoticeTooShort,
    PaymentRefused,
    PeriodClosedError,
    RuleViolation,
)
from sgz_ledger.domain.fund import Fund, fund_uuid
from sgz_ledger.service import commands as b
from sgz_ledger.testing import LedgerMachine, Recount

# ---- the world the machine plays in: few names, so that commands collide often ----------

FUND_CODES = ("F1", "F2", "F3")  # F1 and F2 are opened first; F3 only by a rule
RESTRICTIONS = ("", "助学", "助老", "济困")  # "" is unrestricted money
NAMED = RESTRICTIONS[1:]
PEOPLE = ("王芳", "李强", "张敏", "赵磊")  # requesters and approvers: self-approval happens
GOODS = (("泡面", "箱"), ("火腿肠", "箱"), ("学习用品", "套"), ("泡面", "件"))
THRESHOLDS_FEN = (0, 300, 1_000, 3_000)  # small, so the two-approver path is common
AMOUNT_FEN_MAX = 5_000  # amounts stay near the balances, so refusals are common too
START = dt.date(2024, 3, 1)
CLOSE_AFTER_STEPS = 15
# The station's register of people, once a rule begins it: each of PEOPLE with an id and
# first roles; the rules grant and withdraw the roles of RECORDING_ROLES since.
STATION = "cuizhai"
PERSON_IDS = {"王芳": "P-01", "李强": "P-02", "张敏": "P-03", "赵磊": "P-04"}
FIRST_ROLES = {
    "王芳": {"admin", "clerk"},
    "李强": {"social_worker"},
    "张敏": {"committee"},
    "赵磊": {"committee", "cashier"},
}
GRANTABLE = ("social_worker", "clerk", "cashier", "committee")
# The roles each action needs by the default access policy (rule 27), per command kind.
ALLOWED = {
    "record": {"social_worker", "clerk"},
    "approve": {"committee"},
    "pay": {"cashier"},
    "configure": {"admin"},
}
ACTION = {
    "open_fund": "configure",
    "close_fund": "configure",
    "approve_disbursement": "approve",
    "reject_disbursement": "approve",
    "pay_disbursement": "pay",
    "reverse_payment": "pay",
    "refund_donation": "pay",
}

# Command kinds: the boundary model and the Ledger's typed method for each.
COMMANDS: dict[str, tuple[type[b.Command], str]] = {
    "open_fund": (b.OpenFund, "open_fund"),
    "receive_cash": (b.ReceiveCashDonation, "receive_cash"),
    "receive_goods": (b.ReceiveGoodsDonation, "receive_goods"),
    "distribute_goods": (b.DistributeGoods, "distribute_goods"),
    "sell_goods": (b.SellGoods, "sell_goods"),
    "refund_donation": (b.RefundDonation, "refund_donation"),
    "reverse_donation": (b.ReverseDonation, "reverse_donation"),
    "reverse_payment": (b.ReversePayment, "reverse_payment"),
    "release_restriction": (b.ReleaseRestriction, "release_restriction"),
    "change_purpose": (b.ChangePurpose, "change_purpose"),
    "request_disbursement": (b.RequestDisbursement, "request_disbursement"),
    "approve_disbursement": (b.ApproveDisbursement, "approve_disbursement"),
    "publicize_disbursement": (b.PublicizeDisbursement, "publicize_disbursement"),
    "pay_disbursement": (b.PayDisbursement, "pay_disbursement"),
    "reject_disbursement": (b.RejectDisbursement, "reject_disbursement"),
    "cancel_disbursement": (b.CancelDisbursement, "cancel_disbursement"),
    "close_fund": (b.CloseFund, "close_fund"),
}

# Fields a repeat may change to provoke IdempotencyConflict (the key fields excluded).
# An approval's key is (request, approver), so its actor is part of the key.
_WHO = ("actor", "occurred_on")
CHANGEABLE: dict[str, tuple[str, ...]] = {
    "open_fund": (
        *_WHO,
        "station_id",
        "community",
        "name",
        "host",
        "approval_threshold",
        "publicity_required",
    ),
    "receive_cash": (*_WHO, "donor", "restriction", "amount", "note"),
    "receive_goods": (*_WHO, "donor", "restriction", "items", "note"),
    "distribute_goods": (
        *_WHO,
        "item",
        "unit",
        "restriction",
        "quantity",
        "recipient",
        "signed_off_by",
        "purpose",
    ),
    "sell_goods": (*_WHO, "item", "unit", "quantity", "proceeds", "buyer", "restriction"),
    "refund_donation": (*_WHO, "receipt_no", "amount", "reason"),
    "reverse_donation": (*_WHO, "receipt_no", "reason"),
    "reverse_payment": (*_WHO, "request_id", "reason"),
    "release_restriction": (*_WHO, "restriction", "amount", "reason", "reference"),
    "change_purpose": (
        *_WHO,
        "from_restriction",
        "to_restriction",
        "amount",
        "consent_ref",
        "reason",
    ),
    "request_disbursement": (*_WHO, "amount", "purpose", "restriction", "payee"),
    "approve_disbursement": ("occurred_on",),
    "publicize_disbursement": (*_WHO, "notice_ref", "notice_from", "notice_to"),
    "pay_disbursement": (*_WHO, "voucher_no"),
    "reject_disbursement": (*_WHO, "reason"),
    "cancel_disbursement": (*_WHO, "reason"),
    "close_fund": (*_WHO, "reason", "transfer_to"),
}

# Command fields in yuan-or-fen at the boundary are named "<x>_fen" in events, and an
# IdempotencyConflict names the event's field.
EVENT_FIELD = {
    "amount": "amount_fen",
    "proceeds": "proceeds_fen",
    "approval_threshold": "approval_threshold_fen",
}
MONEY_FIELDS = ("amount", "proceeds", "approval_threshold")

# ---- the model ----------------------------------------------------------------------------

Key = tuple[str, ...]


@dataclass
class Cmd:
    """One command as sent: its kind and the keyword arguments of the Ledger method."""

    kind: str
    fields: dict[str, Any]


def fen(value: int | Decimal) -> int:
    """An amount as sent (int fen, or Decimal yuan) in fen."""
    return value if isinstance(value, int) else int(value.scaleb(2))


def as_sent(fields: dict[str, Any]) -> dict[str, Any]:
    """The command's fields as the Ledger takes them: an amount the model keeps as int fen
    goes in its ``<x>_fen`` field, one drawn as Decimal yuan in its yuan field."""
    out = dict(fields)
    for name in MONEY_FIELDS:
        if isinstance(out.get(name), int):
            out[f"{name}_fen"] = out.pop(name)
    if "items" in out:
        out["items"] = [
            {
                ("value_fen" if k == "value" and isinstance(v, int) else k): v
                for k, v in line.items()
            }
            for line in out["items"]
        ]
    return out


def normalized(cmd: Cmd) -> dict[str, Any]:
    """The command's fields as the ledger compares them: money in fen, goods as tuples."""
    out = dict(cmd.fields)
    for name in MONEY_FIELDS:
        if name in out:
            out[name] = fen(out[name])
    if "items" in out:
        out["items"] = tuple(
            (
                line["item"],
                line["quantity"],
                line["unit"],
                None if line.get("value") is None else fen(line["value"]),
                line["basis"],
            )
            for line in out["items"]
        )
    return out


@dataclass
class Cash:
    """One restriction's cash as cumulative counters in fen (see the module docstring)."""

    received: int = 0
    refunded: int = 0
    paid: int = 0
    approved: int = 0
    released: int = 0
    moved_in: int = 0
    moved_out: int = 0

    @property
    def total(self) -> int:
        return self.received - self.refunded - self.paid + self.moved_in - self.moved_out

    @property
    def reserved(self) -> int:
        return self.approved - self.paid - self.released

    @property
    def available(self) -> int:
        return self.total - self.reserved

    def counters(self) -> tuple[int, ...]:
        return (
            self.received,
            self.refunded,
            self.paid,
            self.approved,
            self.released,
            self.moved_in,
            self.moved_out,
        )


@dataclass
class Gift:
    """A registered gift: cash (``amount``) or goods (``items`` as normalized tuples)."""

    kind: str
    restriction: str
    amount: int = 0
    items: tuple[tuple[Any, ...], ...] = ()


@dataclass
class Request:
    """Where a disbursement request stands."""

    requester: str
    amount: int
    restriction: str
    status: str = "requested"
    approvers: list[str] = field(default_factory=list)
    reserved: int = 0
    notice_to: dt.date | None = None
    approved_on: dt.date | None = None  # the approval that reserved the money
    reversed_vouchers: set[str] = field(default_factory=set)


@dataclass
class FundModel:
    """The model of one fund: cash per restriction, goods per (item, unit, restriction)."""

    threshold: int
    publicity_required: bool
    closed: bool = False
    cash: dict[str, Cash] = field(default_factory=dict)
    stock: dict[tuple[str, str, str], list[int]] = field(default_factory=dict)  # [qty, fen]
    in_kind_received: int = 0
    in_kind_out: int = 0
    gifts: dict[str, Gift] = field(default_factory=dict)
    refunded: dict[str, int] = field(default_factory=dict)
    reversed: set[str] = field(default_factory=set)
    requests: dict[str, Request] = field(default_factory=dict)

    def of(self, restriction: str) -> Cash:
        return self.cash.setdefault(restriction, Cash())

    def available(self, restriction: str) -> int:
        cash = self.cash.get(restriction)
        return 0 if cash is None else cash.available

    def goods_out(self, item: str, unit: str, restriction: str, quantity: int) -> bool:
        """Take goods out of stock, their value pro rata (the last out take the rest)."""
        line = self.stock.get((item, unit, restriction))
        if line is None or quantity > line[0]:
            return False
        value = line[1] if quantity == line[0] else line[1] * quantity // line[0]
        line[0] -= quantity
        line[1] -= value
        self.in_kind_out += value
        return True


@dataclass(frozen=True)
class Accepted:
    """The model expects the command to succeed, storing ``events`` (type names).

    Attributes:
        repeat_of: the idempotency key whose original event the command returns.
        new_key: the idempotency key the command creates.
    """

    events: tuple[str, ...]
    repeat_of: Key | None = None
    new_key: Key | None = None


@dataclass(frozen=True)
class Refused:
    """The model expects ``error`` (exactly that class); for a conflict, one of ``fields``."""

    error: type[LedgerError]
    fields: tuple[str, ...] = ()


Outcome = Accepted | Refused


@dataclass
class Model:
    """Every fund, every idempotency key and the number of stored events, as predicted.

    ``apply`` changes the model as the command would; call it on a copy and keep the
    copy only when the ledger agreed.
    """

    funds: dict[str, FundModel] = field(default_factory=dict)
    keys: dict[Key, Cmd] = field(default_factory=dict)
    events: int = 0
    # The station's shortest 公示 in days (rule 31), and its closed periods (rule 33):
    # (first day, last day, actor and date of the closing).
    notice_days_min: int = 5
    policy: tuple[str, dt.date, int] | None = None
    closed_periods: list[tuple[dt.date, dt.date, str, dt.date]] = field(default_factory=list)

    # The station's register: each registered person's roles (empty: nobody registered).
    roles: dict[str, set[str]] = field(default_factory=dict)

    def recorded_actor(self, name: str) -> str:
        """Who an event names: the person's id once the station registers people."""
        return PERSON_IDS[name] if self.roles else name

    def refused_access(self, cmd: Cmd, f: dict[str, Any]) -> Refused | None:
        """Rules 26, 27: where the station registers people, the actor is one of them and
        their roles allow the command's action. A fund never opened names no station."""
        if not self.roles or (cmd.kind != "open_fund" and f["fund_id"] not in self.funds):
            return None
        roles = self.roles.get(f["actor"])
        if roles is None or not roles & ALLOWED[ACTION.get(cmd.kind, "record")]:
            return Refused(AccessRefused)
        return None

    def apply(self, cmd: Cmd) -> Outcome:
        f = normalized(cmd)
        for name in ("amount", "proceeds"):
            if name in f and f[name] <= 0:
                return Refused(InvalidAmount)
        blank = {
            "release_restriction": ("restriction",),
            "change_purpose": ("from_restriction", "to_restriction"),
        }.get(cmd.kind, ())
        if any(not f[name].strip() for name in blank):
            return Refused(InvalidInput)
        refused = self.refused_access(cmd, f)
        if refused is not None:
            return refused
        handler = getattr(self, "_" + cmd.kind)
        outcome: Outcome = handler(cmd, f)
        return self._closed_period(f, outcome)

    def _closed_period(self, f: dict[str, Any], outcome: Outcome) -> Outcome:
        """Rule 33, after the command's own rules: a new event dated in a closed period is
        refused without a correction note, and named by a correction with one."""
        if not isinstance(outcome, Accepted) or not outcome.events:
            return outcome  # refused already, or a repeat recording nothing
        if not self.closed_on(f["occurred_on"]):
            return outcome
        if f.get("correction_note") is None:
            return Refused(PeriodClosedError)
        self.events += 1
        events = (*outcome.events, "ClosedPeriodCorrected")
        return Accepted(events, repeat_of=outcome.repeat_of, new_key=outcome.new_key)

    def closed_on(self, day: dt.date) -> bool:
        return any(first <= day <= last for first, last, _, _ in self.closed_periods)

    # -- helpers --

    def _repeat(self, key: Key, cmd: Cmd, compared: tuple[str, ...]) -> Outcome | None:
        """The outcome of a command whose key exists (None when it does not)."""
        first = self.keys.get(key)
        if first is None:
            return None
        was, now = normalized(first), normalized(cmd)
        differ = tuple(
            EVENT_FIELD.get(name, name) for name in (*_WHO, *compared) if was[name] != now[name]
        )
        if differ and self.roles and "station_id" in differ:
            # Opened again for another station: its actor is not resolved by this register,
            # so the recorded id and the name given differ first.
            differ = ("actor", *differ)
        if differ:
            return Refused(IdempotencyConflict, differ)
        return Accepted((), repeat_of=key)

    def _accept(self, key: Key, cmd: Cmd, *events: str) -> Accepted:
        self.keys[key] = cmd
        self.events += len(events)
        return Accepted(events, new_key=key)

    def _kind_conflict(self, key: Key, cmd: Cmd, kinds: tuple[str, ...]) -> Outcome | None:
        """A key shared by two kinds of command (cash/goods receipts, corrections)."""
        first = self.keys.get(key)
        if first is not None and first.kind != cmd.kind and first.kind in kinds:
            return Refused(IdempotencyConflict, ("kind",))
        return None

    # -- commands, each checking in the order the rules are stated --

    def _open_fund(self, cmd: Cmd, f: dict[str, Any]) -> Outcome:
        key = ("open", f["fund_id"])
        repeat = self._repeat(key, cmd, CHANGEABLE["open_fund"][len(_WHO) :])
        if repeat:
            return repeat
        self.funds[f["fund_id"]] = FundModel(f["approval_threshold"], f["publicity_required"])
        return self._accept(key, cmd, "FundOpened")

    def _receive_cash(self, cmd: Cmd, f: dict[str, Any]) -> Outcome:
        fund = self.funds.get(f["fund_id"])
        if fund is None:
            return Refused(NotFound)
        key = ("receipt", f["fund_id"], f["receipt_no"])
        conflict = self._kind_conflict(key, cmd, ("receive_cash", "receive_goods"))
        compared = ("receipt_no", "donor", "restriction", "amount", "note")
        repeat = conflict or self._repeat(key, cmd, compared)
        if repeat:
            return repeat
        if fund.closed:
            return Refused(FundNotOpen)
        fund.of(f["restriction"]).received += f["amount"]
        fund.gifts[f["receipt_no"]] = Gift("cash", f["restriction"], amount=f["amount"])
        return self._accept(key, cmd, "CashDonationReceived")

    def _receive_goods(self, cmd: Cmd, f: dict[str, Any]) -> Outcome:
        fund = self.funds.get(f["fund_id"])
        if fund is None:
            return Refused(NotFound)
        key = ("receipt", f["fund_id"], f["receipt_no"])
        conflict = self._kind_conflict(key, cmd, ("receive_cash", "receive_goods"))
        compared = ("receipt_no", "donor", "restriction", "items", "note")
        repeat = conflict or self._repeat(key, cmd, compared)
        if repeat:
            return repeat
        if fund.closed:
            return Refused(FundNotOpen)
        for item, quantity, unit, value, _ in f["items"]:
            line = fund.stock.setdefault((item, unit, f["restriction"]), [0, 0])
            line[0] += quantity
            line[1] += value or 0
            fund.in_kind_received += value or 0
        fund.gifts[f["receipt_no"]] = Gift("goods", f["restriction"], items=f["items"])
        return self._accept(key, cmd, "InKindDonationReceived")

    def _distribute_goods(self, cmd: Cmd, f: dict[str, Any]) -> Outcome:
        fund = self.funds.get(f["fund_id"])
        if fund is None:
            return Refused(NotFound)
        key = ("distribution", f["fund_id"], f["distribution_id"])
        compared = ("item", "unit", "restriction", "quantity", "recipient", "signed_off_by")
        repeat = self._repeat(key, cmd, (*compared, "purpose"))
        if repeat:
            return repeat
        if fund.closed:
            return Refused(FundNotOpen)
        if not fund.goods_out(f["item"], f["unit"], f["restriction"], f["quantity"]):
            return Refused(InsufficientStock)
        return self._accept(key, cmd, "GoodsDistributed")

    def _sell_goods(self, cmd: Cmd, f: dict[str, Any]) -> Outcome:
        fund = self.funds.get(f["fund_id"])
        if fund is None:
            return Refused(NotFound)
        key = ("sale", f["fund_id"], f["sale_id"])
        compared = ("item", "unit", "quantity", "proceeds", "buyer", "restriction")
        repeat = self._repeat(key, cmd, compared)
        if repeat:
            return repeat
        if fund.closed:
            return Refused(FundNotOpen)
        if not fund.goods_out(f["item"], f["unit"], f["restriction"], f["quantity"]):
            return Refused(InsufficientStock)
        fund.of(f["restriction"]).received += f["proceeds"]
        return self._accept(key, cmd, "GoodsSold")

    def _refund_donation(self, cmd: Cmd, f: dict[str, Any]) -> Outcome:
        fund = self.funds.get(f["fund_id"])
        if fund is None:
            return Refused(NotFound)
        key = ("refund", f["fund_id"], f["refund_id"])
        repeat = self._repeat(key, cmd, ("receipt_no", "amount", "reason"))
        if repeat:
            return repeat
        if fund.closed:
            return Refused(FundNotOpen)
        gift = fund.gifts.get(f["receipt_no"])
        if gift is None:
            return Refused(NotFound)
        if gift.kind != "cash" or f["receipt_no"] in fund.reversed:
            return Refused(InvalidTransition)
        if f["amount"] > gift.amount - fund.refunded.get(f["receipt_no"], 0):
            return Refused(RuleViolation)  # a refund never exceeds the gift
        if f["amount"] > fund.available(gift.restriction):
            return Refused(InsufficientFunds)
        fund.of(gift.restriction).refunded += f["amount"]
        fund.refunded[f["receipt_no"]] = fund.refunded.get(f["receipt_no"], 0) + f["amount"]
        return self._accept(key, cmd, "DonationRefunded")

    def _reverse_donation(self, cmd: Cmd, f: dict[str, Any]) -> Outcome:
        fund = self.funds.get(f["fund_id"])
        if fund is None:
            return Refused(NotFound)
        key = ("correction", f["fund_id"], f["correction_id"])
        conflict = self._kind_conflict(key, cmd, ("reverse_donation", "reverse_payment"))
        repeat = conflict or self._repeat(key, cmd, ("receipt_no", "reason"))
        if repeat:
            return repeat
        if fund.closed:
            return Refused(FundNotOpen)
        gift = fund.gifts.get(f["receipt_no"])
        if gift is None:
            return Refused(NotFound)
        if f["receipt_no"] in fund.reversed or fund.refunded.get(f["receipt_no"]):
            return Refused(InvalidTransition)
        if gift.kind == "cash":
            if gift.amount > fund.available(gift.restriction):
                return Refused(InsufficientFunds)
            fund.of(gift.restriction).received -= gift.amount
        else:
            # The gift's goods leave whole, summed per kind: never more goods or value
            # than are held, and never leaving value behind with no goods.
            taken: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
            for item, quantity, unit, value, _ in gift.items:
                taken[(item, unit)][0] += quantity
                taken[(item, unit)][1] += value or 0
            for (item, unit), (quantity, value) in taken.items():
                held = fund.stock.get((item, unit, gift.restriction), [0, 0])
                if held[0] < quantity or held[1] < value:
                    return Refused(InsufficientStock)
                if held[0] == quantity and held[1] != value:
                    return Refused(InsufficientStock)
            for (item, unit), (quantity, value) in taken.items():
                held = fund.stock[(item, unit, gift.restriction)]
                held[0] -= quantity
                held[1] -= value
                fund.in_kind_received -= value
        fund.reversed.add(f["receipt_no"])
        return self._accept(key, cmd, "DonationReversed")

    def _reverse_payment(self, cmd: Cmd, f: dict[str, Any]) -> Outcome:
        fund = self.funds.get(f["fund_id"])
        if fund is None:
            return Refused(NotFound)
        key = ("correction", f["fund_id"], f["correction_id"])
        conflict = self._kind_conflict(key, cmd, ("reverse_donation", "reverse_payment"))
        repeat = conflict or self._repeat(key, cmd, ("request_id", "reason"))
        if repeat:
            return repeat
        if fund.closed:
            return Refused(FundNotOpen)
        request = fund.requests.get(f["request_id"])
        if request is None:
            return Refused(NotFound)
        if request.status != "paid":
            return Refused(InvalidTransition)
        fund.of(request.restriction).paid -= request.amount
        request.status, request.reserved = "approved", request.amount
        # The request awaits payment again: paying it is a new command, and the reversed
        # voucher can never pay it again (an import run twice must not pay twice).
        paid = self.keys.pop(("payment", f["fund_id"], f["request_id"]))
        request.reversed_vouchers.add(paid.fields["voucher_no"])
        return self._accept(key, cmd, "PaymentReversed")

    def _release_restriction(self, cmd: Cmd, f: dict[str, Any]) -> Outcome:
        fund = self.funds.get(f["fund_id"])
        if fund is None:
            return Refused(NotFound)
        key = ("release", f["fund_id"], f["release_id"])
        repeat = self._repeat(key, cmd, ("restriction", "amount", "reason", "reference"))
        if repeat:
            return repeat
        if fund.closed:
            return Refused(FundNotOpen)
        if not f["reference"].strip():
            return Refused(ConsentRequired)
        if f["amount"] > fund.available(f["restriction"]):
            return Refused(InsufficientFunds)
        fund.of(f["restriction"]).moved_out += f["amount"]
        fund.of("").moved_in += f["amount"]
        return self._accept(key, cmd, "RestrictionReleased")

    def _change_purpose(self, cmd: Cmd, f: dict[str, Any]) -> Outcome:
        fund = self.funds.get(f["fund_id"])
        if fund is None:
            return Refused(NotFound)
        key = ("purpose", f["fund_id"], f["change_id"])
        compared = ("from_restriction", "to_restriction", "amount", "consent_ref", "reason")
        repeat = self._repeat(key, cmd, compared)
        if repeat:
            return repeat
        if fund.closed:
            return Refused(FundNotOpen)
        if not f["consent_ref"].strip():
            return Refused(ConsentRequired)
        if f["from_restriction"] == f["to_restriction"]:
            return Refused(RuleViolation)
        if f["amount"] > fund.available(f["from_restriction"]):
            return Refused(InsufficientFunds)
        fund.of(f["from_restriction"]).moved_out += f["amount"]
        fund.of(f["to_restriction"]).moved_in += f["amount"]
        return self._accept(key, cmd, "PurposeChanged")

    def _request_disbursement(self, cmd: Cmd, f: dict[str, Any]) -> Outcome:
        fund = self.funds.get(f["fund_id"])
        if fund is None:
            return Refused(NotFound)
        key = ("request", f["fund_id"], f["request_id"])
        repeat = self._repeat(key, cmd, ("amount", "purpose", "restriction", "payee"))
        if repeat:
            return repeat
        if fund.closed:
            return Refused(FundNotOpen)
        fund.requests[f["request_id"]] = Request(f["actor"], f["amount"], f["restriction"])
        return self._accept(key, cmd, "DisbursementRequested")

    def _request(self, f: dict[str, Any]) -> tuple[FundModel, Request] | Refused:
        fund = self.funds.get(f["fund_id"])
        if fund is None:
            return Refused(NotFound)
        request = fund.requests.get(f["request_id"])
        if request is None:
            return Refused(NotFound)
        return fund, request

    def _approve_disbursement(self, cmd: Cmd, f: dict[str, Any]) -> Outcome:
        found = self._request(f)
        if isinstance(found, Refused):
            return found
        fund, request = found
        key = ("approval", f["fund_id"], f["request_id"], f["actor"])
        repeat = self._repeat(key, cmd, ())  # the same approver again: a repeat
        if repeat:
            return repeat
        if fund.closed:
            return Refused(FundNotOpen)
        if request.status != "requested":
            return Refused(InvalidTransition)
        if f["actor"] == request.requester:
            return Refused(ApprovalRefused)  # four eyes: never one's own request
        needed = 2 if request.amount > fund.threshold else 1
        completes = len(request.approvers) + 1 >= needed
        if completes and request.amount > fund.available(request.restriction):
            return Refused(InsufficientFunds)
        request.approvers.append(f["actor"])
        if completes:
            request.status, request.reserved = "approved", request.amount
            request.approved_on = f["occurred_on"]
            fund.of(request.restriction).approved += request.amount
        return self._accept(key, cmd, "DisbursementApproved")

    def _publicize_disbursement(self, cmd: Cmd, f: dict[str, Any]) -> Outcome:
        found = self._request(f)
        if isinstance(found, Refused):
            return found
        fund, request = found
        key = ("notice", f["fund_id"], f["request_id"])
        repeat = self._repeat(key, cmd, ("notice_ref", "notice_from", "notice_to"))
        if repeat:
            return repeat
        if fund.closed:
            return Refused(FundNotOpen)
        if request.status != "approved":
            return Refused(InvalidTransition)
        if f["notice_to"] < f["notice_from"]:
            return Refused(RuleViolation)
        assert request.approved_on is not None
        if f["notice_from"] < request.approved_on:
            return Refused(NoticeBeforeApproval)  # rule 30
        if (f["notice_to"] - f["notice_from"]).days + 1 < self.notice_days_min:
            return Refused(NoticeTooShort)  # rule 31, both ends counted
        request.notice_to = f["notice_to"]
        return self._accept(key, cmd, "DisbursementPublicized")

    def _pay_disbursement(self, cmd: Cmd, f: dict[str, Any]) -> Outcome:
        found = self._request(f)
        if isinstance(found, Refused):
            return found
        fund, request = found
        key = ("payment", f["fund_id"], f["request_id"])
        repeat = self._repeat(key, cmd, ("voucher_no",))
        if repeat:
            return repeat
        if fund.closed:
            return Refused(FundNotOpen)
        if request.status != "approved":
            return Refused(InvalidTransition)
        if f["actor"] == request.requester:
            return Refused(PaymentRefused)  # rule 28: never one's own request
        if self.roles and f["actor"] in request.approvers:
            return Refused(PaymentRefused)  # by default an approver does not pay
        if f["voucher_no"] in request.reversed_vouchers:
            return Refused(InvalidTransition)
        if fund.publicity_required and request.notice_to is None:
            return Refused(InvalidTransition)
        # The notice period includes its last day: payment comes the day after at earliest.
        if request.notice_to is not None and f["occurred_on"] <= request.notice_to:
            return Refused(InvalidTransition)
        fund.of(request.restriction).paid += request.amount
        request.status, request.reserved = "paid", 0
        return self._accept(key, cmd, "DisbursementPaid")

    def _end(self, cmd: Cmd, f: dict[str, Any], status: str, event_name: str) -> Outcome:
        found = self._request(f)
        if isinstance(found, Refused):
            return found
        fund, request = found
        key = (status, f["fund_id"], f["request_id"])
        repeat = self._repeat(key, cmd, ("reason",))
        if repeat:
            return repeat
        if fund.closed:
            return Refused(FundNotOpen)
        if request.status not in ("requested", "approved"):
            return Refused(InvalidTransition)
        fund.of(request.restriction).released += request.reserved
        request.status, request.reserved = status, 0
        return self._accept(key, cmd, event_name)

    def _reject_disbursement(self, cmd: Cmd, f: dict[str, Any]) -> Outcome:
        return self._end(cmd, f, "rejected", "DisbursementRejected")

    def _cancel_disbursement(self, cmd: Cmd, f: dict[str, Any]) -> Outcome:
        return self._end(cmd, f, "cancelled", "DisbursementCancelled")

    def _close_fund(self, cmd: Cmd, f: dict[str, Any]) -> Outcome:
        code = f["fund_id"]
        fund = self.funds.get(code)
        if fund is None:
            return Refused(NotFound)
        key = ("close", code)
        repeat = self._repeat(key, cmd, ("reason", "transfer_to"))
        if repeat:
            return repeat
        moved = 0
        if f["transfer_to"] is not None:
            if f["transfer_to"] == code:
                return Refused(RuleViolation)  # a fund cannot transfer to itself
            target = self.funds.get(f["transfer_to"])
            if target is None:
                return Refused(NotFound)
            if target.closed:
                return Refused(FundNotOpen)  # checked even when there is nothing to move
            for restriction in sorted(fund.cash):
                amount = fund.cash[restriction].available
                if amount <= 0:
                    continue
                fund.of(restriction).moved_out += amount
                target.of(restriction).moved_in += amount
                moved += 1
        if sum(cash.reserved for cash in fund.cash.values()):
            return Refused(FundNotEmpty)
        if any(quantity for quantity, _ in fund.stock.values()):
            return Refused(FundNotEmpty)
        if sum(cash.total for cash in fund.cash.values()):
            return Refused(FundNotEmpty)
        if any(r.status == "requested" for r in fund.requests.values()):
            return Refused(FundNotEmpty)
        fund.closed = True
        transfers = ("FundTransferredOut", "FundTransferredIn") * moved
        return self._accept(key, cmd, *transfers, "FundClosed")


# ---- the machine ----------------------------------------------------------------------------


def _nonzero_cash(cash: dict[str, tuple[int, ...]]) -> dict[str, tuple[int, ...]]:
    """Restrictions with any money movement: one only named, never used, is no difference."""
    return {name: counters for name, counters in cash.items() if any(counters)}


class FundMachine(LedgerMachine):
    """Random command sequences against a Ledger on ``store``, checked against ``Model``.

    The testing kit's machine (``sgz_ledger.testing.LedgerMachine``) holds the ledger to its
    invariants after every step (and ``check_all_invariants`` between the commands of a
    rule): the chain, maker-checker, no balance below zero, totals that are sums, every
    figure against the kit's own recount of the log. The invariants here compare the
    ledger with this machine's model.
    """

    def __init__(self) -> None:
        self.clock = FixedClock()  # before the kit's __init__ makes the ledger with it
        super().__init__()
        self.model = Model()
        self.today = START
        self.serial = 0
        self.originals: dict[Key, Any] = {}  # the event each idempotency key first recorded
        self.steps = 0
        self.checked_at = -1  # the log position the kit's invariants last held at

    def make_ledger(self) -> Ledger:
        return Ledger(self.store(), clock=self.clock)

    def check_ledger(self) -> Recount:
        """The kit's invariants, when the log moved since they last held. Every answer they
        compare is read from the log and from the views folded from it (this machine never
        touches the store otherwise), so a step that recorded nothing, a refusal or a
        repeat, cannot change it; the model's invariants below run after every step."""
        position = self.ledger.log_position()
        if position == self.checked_at and self.recount is not None:
            return self.recount
        recount = super().check_ledger()
        self.checked_at = position
        return recount

    def store(self) -> str:
        """The store URL of this example's ledger (subclasses: SQLite, PostgreSQL)."""
        return "memory:"

    # -- running commands and checking them against the model --

    def run(self, cmd: Cmd) -> Outcome:
        """Run one command through the Ledger's typed method; check what the model predicted."""
        self.steps += 1
        trial = copy.deepcopy(self.model)
        expected = trial.apply(cmd)
        before = self.model.events
        method = getattr(self.ledger, COMMANDS[cmd.kind][1])
        refusal: LedgerError | None = None
        try:
            result = method(**as_sent(cmd.fields))
        except LedgerError as error:
            refusal = error
        if refusal is not None:
            assert isinstance(expected, Refused), (
                f"{cmd} was refused ({refusal!r}); the model expected {expected}"
            )
            self.check_error(refusal, expected)
            assert len(self.ledger.stored_events()) == before, "a refused command recorded"
            event(f"refused {cmd.kind}: {type(refusal).__name__}")
            return expected
        assert isinstance(expected, Accepted), (
            f"{cmd} was accepted ({result!r}); the model expected {expected}"
        )
        self.check_recorded([cmd], [result], [expected])
        event(f"{'repeated' if expected.repeat_of else 'accepted'} {cmd.kind}")
        self.model = trial
        return expected

    @staticmethod
    def check_error(error: LedgerError, expected: Refused) -> None:
        """The refusal is exactly the predicted class (a subclass is another reason)."""
        assert type(error) is expected.error, f"{error!r}; expected {expected.error.__name__}"
        if isinstance(error, IdempotencyConflict):
            assert error.field in expected.fields, f"{error!r}; expected {expected.fields}"

    def check_recorded(self, cmds: list[Cmd], results: list[Any], outcomes: list[Accepted]) -> None:
        """Exactly the predicted events were stored; repeats returned their original, and
        new events carry the command's actor and business date."""
        stored = self.ledger.stored_events()
        new = stored[self.model.events :]
        predicted = Counter(name for outcome in outcomes for name in outcome.events)
        assert Counter(type(e).__name__ for e in new) == predicted, f"stored {new}"
        assert len(stored) == self.model.events + sum(predicted.values())
        for cmd, result, outcome in zip(cmds, results, outcomes, strict=True):
            if outcome.repeat_of is None:  # a repeat's event is the first one (below)
                assert (result.actor, result.occurred_on) == (
                    self.model.recorded_actor(cmd.fields["actor"]),
                    cmd.fields["occurred_on"],
                ), (cmd, result)
            if outcome.repeat_of is not None:
                assert result == self.originals[outcome.repeat_of], "a repeat changed the event"
            else:
                assert result in new, "the returned event is not the one stored"
                assert outcome.new_key is not None
                self.originals[outcome.new_key] = result

    # -- drawing commands; ``model`` may be a batch's trial model --

    def key(self, prefix: str) -> str:
        """A fresh external key (receipt no., request id...)."""
        self.serial += 1
        return f"{prefix}-{self.serial}"

    def cmd(self, kind: str, code: str, actor: str = "王芳", **fields: Any) -> Cmd:
        return Cmd(kind, {"fund_id": code, "actor": actor, "occurred_on": self.today, **fields})

    @staticmethod
    def money(data: st.DataObject, amount_fen: int) -> int | Decimal:
        """An amount as a caller passes it: int fen, or sometimes Decimal yuan."""
        return Decimal(amount_fen).scaleb(-2) if data.draw(st.booleans()) else amount_fen

    @staticmethod
    def rarely(data: st.DataObject) -> bool:
        """True about one time in ten. Hypothesis favours the simplest choice (the first,
        or 0) far beyond its share, so the simplest choice is always the ordinary one."""
        return data.draw(st.integers(0, 9)) == 9

    @staticmethod
    def fund_code(data: st.DataObject, model: Model) -> str:
        """Mostly an opened fund; sometimes any code, so an unopened one is named."""
        opened = sorted(model.funds)
        if opened and data.draw(st.integers(0, 9)) < 9:
            return data.draw(st.sampled_from(opened))
        return data.draw(st.sampled_from(FUND_CODES))

    @staticmethod
    def around(data: st.DataObject, limit: int) -> int:
        """An amount in fen near ``limit`` (what is available): below, exactly, above, any."""
        how = data.draw(st.sampled_from(("below", "below", "exact", "above", "any")))
        if how == "below":
            return data.draw(st.integers(1, max(1, limit)))
        if how == "exact":
            return max(1, limit)
        if how == "above":
            return data.draw(st.integers(limit + 1, limit + 1 + AMOUNT_FEN_MAX))
        return data.draw(st.integers(1, AMOUNT_FEN_MAX))

    @staticmethod
    def request_of(data: st.DataObject, model: Model, code: str, statuses: tuple[str, ...]) -> str:
        """Mostly a request of the fund in one of ``statuses``; sometimes any or a missing one."""
        fund = model.funds.get(code)
        requests = fund.requests if fund else {}
        fitting = sorted(rid for rid, r in requests.items() if r.status in statuses)
        choice = data.draw(st.integers(0, 9))
        if fitting and choice < 7:
            return data.draw(st.sampled_from(fitting))
        if requests and choice < 9:
            return data.draw(st.sampled_from(sorted(requests)))
        return "Q-missing"

    def gen_open_fund(self, data: st.DataObject, model: Model, malformed: bool) -> Cmd:
        unopened = [code for code in FUND_CODES if code not in model.funds]
        if not unopened:  # every fund is open: send the first opening again
            return model.keys[("open", data.draw(st.sampled_from(FUND_CODES)))]
        code = data.draw(st.sampled_from(unopened))
        threshold = data.draw(st.sampled_from(THRESHOLDS_FEN))
        return self.cmd(
            "open_fund",
            code,
            station_id="cuizhai",
            community=f"{code}村",
            name=f"{code}社区基金",
            host="济南市慈善总会",
            approval_threshold=self.money(data, threshold),
            publicity_required=data.draw(st.booleans()),
        )

    def gen_receive_cash(self, data: st.DataObject, model: Model, malformed: bool) -> Cmd:
        amount = data.draw(st.integers(1, AMOUNT_FEN_MAX))
        if malformed and self.rarely(data):
            amount = 0  # refused at the boundary
        return self.cmd(
            "receive_cash",
            self.fund_code(data, model),
            receipt_no=self.key("R"),
            amount=self.money(data, amount),
            donor=data.draw(st.sampled_from((None, "某爱心企业", "陈女士"))),
            restriction=data.draw(st.sampled_from(RESTRICTIONS)),
            note="",
        )

    def gen_receive_goods(self, data: st.DataObject, model: Model, malformed: bool) -> Cmd:
        lines = []
        # The same goods may appear twice in one gift: reversal must sum them.
        for item, unit in data.draw(st.lists(st.sampled_from(GOODS), min_size=1, max_size=3)):
            value = data.draw(st.one_of(st.none(), st.integers(0, 2_000)))
            basis = (
                "unvalued"
                if value is None
                else data.draw(st.sampled_from(("document", "fair_value")))
            )
            line: dict[str, Any] = {
                "item": item,
                "quantity": data.draw(st.integers(1, 20)),
                "unit": unit,
                "basis": basis,
            }
            if value is not None:
                line["value"] = self.money(data, value)
            lines.append(line)
        return self.cmd(
            "receive_goods",
            self.fund_code(data, model),
            receipt_no=self.key("G"),
            items=lines,
            donor=data.draw(st.sampled_from((None, "蚂蚁公益基金会"))),
            restriction=data.draw(st.sampled_from(RESTRICTIONS)),
            note="",
        )

    def goods_of(self, data: st.DataObject, model: Model, code: str) -> tuple[str, str, str, int]:
        """Goods held by the fund (mostly) or any goods, and a quantity near what is held."""
        fund = model.funds.get(code)
        held = sorted(k for k, line in (fund.stock if fund else {}).items() if line[0] > 0)
        if held and data.draw(st.integers(0, 4)) < 4:
            item, unit, restriction = data.draw(st.sampled_from(held))
            assert fund is not None
            quantity = data.draw(st.integers(1, fund.stock[(item, unit, restriction)][0] + 2))
            return item, unit, restriction, quantity
        item, unit = data.draw(st.sampled_from(GOODS))
        restriction = data.draw(st.sampled_from(RESTRICTIONS))
        return item, unit, restriction, data.draw(st.integers(1, 10))

    def gen_distribute_goods(self, data: st.DataObject, model: Model, malformed: bool) -> Cmd:
        code = self.fund_code(data, model)
        item, unit, restriction, quantity = self.goods_of(data, model, code)
        return self.cmd(
            "distribute_goods",
            code,
            distribution_id=self.key("D"),
            item=item,
            unit=unit,
            restriction=restriction,
            quantity=quantity,
            recipient="环卫工人",
            signed_off_by="社区主任",
            purpose="慰问",
        )

    def gen_sell_goods(self, data: st.DataObject, model: Model, malformed: bool) -> Cmd:
        code = self.fund_code(data, model)
        item, unit, restriction, quantity = self.goods_of(data, model, code)
        proceeds = 0 if malformed and self.rarely(data) else data.draw(st.integers(1, 3_000))
        return self.cmd(
            "sell_goods",
            code,
            sale_id=self.key("S"),
            item=item,
            unit=unit,
            quantity=quantity,
            proceeds=self.money(data, proceeds),
            buyer="废品回收站",
            restriction=restriction,
        )

    @staticmethod
    def funded(data: st.DataObject, model: Model, code: str, pool: tuple[str, ...]) -> str:
        """A restriction of ``pool``: mostly one with money available, so spending happens."""
        fund = model.funds.get(code)
        with_money = [r for r in pool if fund and fund.available(r) > 0]
        if with_money and data.draw(st.integers(0, 3)) < 3:
            return data.draw(st.sampled_from(with_money))
        return data.draw(st.sampled_from(pool))

    def receipt_of(self, data: st.DataObject, model: Model, code: str) -> str:
        """Mostly a receipt of the fund; sometimes one that does not exist."""
        fund = model.funds.get(code)
        receipts = sorted(fund.gifts) if fund else []
        if receipts and data.draw(st.integers(0, 9)) < 9:
            return data.draw(st.sampled_from(receipts))
        return "R-missing"

    def gen_refund_donation(self, data: st.DataObject, model: Model, malformed: bool) -> Cmd:
        code = self.fund_code(data, model)
        receipt_no = self.receipt_of(data, model, code)
        fund = model.funds.get(code)
        gift = fund.gifts.get(receipt_no) if fund else None
        left = gift.amount - fund.refunded.get(receipt_no, 0) if fund and gift else 0
        how = data.draw(st.sampled_from(("partial", "full", "too much")))
        if how == "partial":
            amount = data.draw(st.integers(1, max(1, left - 1)))
        elif how == "full":
            amount = max(1, left)
        else:
            amount = data.draw(st.integers(left + 1, left + 100))
        return self.cmd(
            "refund_donation",
            code,
            refund_id=self.key("RF"),
            receipt_no=receipt_no,
            amount=self.money(data, amount),
            reason="捐赠人要求退回",
        )

    def gen_reverse_donation(self, data: st.DataObject, model: Model, malformed: bool) -> Cmd:
        code = self.fund_code(data, model)
        return self.cmd(
            "reverse_donation",
            code,
            correction_id=self.key("C"),
            receipt_no=self.receipt_of(data, model, code),
            reason="录入错误",
        )

    def gen_reverse_payment(self, data: st.DataObject, model: Model, malformed: bool) -> Cmd:
        code = self.fund_code(data, model)
        return self.cmd(
            "reverse_payment",
            code,
            correction_id=self.key("C"),
            request_id=self.request_of(data, model, code, ("paid",)),
            reason="凭证重复",
        )

    def gen_release_restriction(self, data: st.DataObject, model: Model, malformed: bool) -> Cmd:
        code = self.fund_code(data, model)
        blank_allowed = malformed and self.rarely(data)  # "" is refused at the boundary
        restriction = self.funded(data, model, code, (*NAMED, "") if blank_allowed else NAMED)
        fund = model.funds.get(code)
        limit = fund.available(restriction) if fund else 0
        return self.cmd(
            "release_restriction",
            code,
            release_id=self.key("RL"),
            restriction=restriction,
            amount=self.money(data, self.around(data, limit)),
            reason="项目结余转为非限定性",
            reference=data.draw(st.sampled_from(("管委会决议-3", "捐赠人来函", ""))),
        )

    def gen_change_purpose(self, data: st.DataObject, model: Model, malformed: bool) -> Cmd:
        code = self.fund_code(data, model)
        # Now and then a blank purpose, which the boundary refuses.
        choices = (*NAMED, "") if malformed and self.rarely(data) else NAMED
        source = self.funded(data, model, code, choices)
        fund = model.funds.get(code)
        limit = fund.available(source) if fund else 0
        return self.cmd(
            "change_purpose",
            code,
            change_id=self.key("PC"),
            from_restriction=source,
            # Rarely the same purpose again, which is refused.
            to_restriction=data.draw(
                st.sampled_from([r for r in choices if r != source] or choices)
                if not self.rarely(data)
                else st.just(source)
            ),
            amount=self.money(data, self.around(data, limit)),
            consent_ref=data.draw(st.sampled_from(("捐赠人同意书-1", ""))),
            reason="原项目已完成",
        )

    def gen_request_disbursement(self, data: st.DataObject, model: Model, malformed: bool) -> Cmd:
        code = self.fund_code(data, model)
        restriction = self.funded(data, model, code, RESTRICTIONS)
        fund = model.funds.get(code)
        limit = fund.available(restriction) if fund else 0
        return self.cmd(
            "request_disbursement",
            code,
            actor=data.draw(st.sampled_from(PEOPLE)),
            request_id=self.key("Q"),
            amount=self.money(data, self.around(data, limit)),
            purpose="慰问困难老人",
            payee="社区超市",
            restriction=restriction,
        )

    def gen_approve_disbursement(self, data: st.DataObject, model: Model, malformed: bool) -> Cmd:
        code = self.fund_code(data, model)
        # The approver may be the requester (refused) or approve twice (a repeat).
        return self.cmd(
            "approve_disbursement",
            code,
            actor=data.draw(st.sampled_from(PEOPLE)),
            request_id=self.request_of(data, model, code, ("requested",)),
        )

    def gen_publicize_disbursement(self, data: st.DataObject, model: Model, malformed: bool) -> Cmd:
        code = self.fund_code(data, model)
        # -1: a period ending before it starts; below the station's minimum: too short.
        days = data.draw(st.integers(-1, 9))
        # Sometimes a notice starting before today: before the approval if it was today.
        start = self.today - dt.timedelta(days=data.draw(st.sampled_from((0, 0, 0, 1, 3))))
        return self.cmd(
            "publicize_disbursement",
            code,
            request_id=self.request_of(data, model, code, ("approved",)),
            notice_ref=self.key("公示"),
            notice_from=start,
            notice_to=start + dt.timedelta(days=days),
        )

    def gen_pay_disbursement(self, data: st.DataObject, model: Model, malformed: bool) -> Cmd:
        code = self.fund_code(data, model)
        request_id = self.request_of(data, model, code, ("approved",))
        fund = model.funds.get(code)
        request = fund.requests.get(request_id) if fund else None
        if request is not None and request.notice_to is not None:
            # Mostly after the 公示 period; sometimes on its last day or before (refused).
            days = data.draw(st.sampled_from((1, 1, 2, 5, 0, -1)))
            self.today = max(self.today, request.notice_to + dt.timedelta(days=days))
            on = request.notice_to + dt.timedelta(days=days)
        else:
            on = self.today
        cmd = self.cmd("pay_disbursement", code, request_id=request_id, voucher_no=self.key("PZ"))
        cmd.fields["occurred_on"] = on
        return cmd

    def gen_reject_disbursement(self, data: st.DataObject, model: Model, malformed: bool) -> Cmd:
        code = self.fund_code(data, model)
        return self.cmd(
            "reject_disbursement",
            code,
            actor=data.draw(st.sampled_from(PEOPLE)),
            request_id=self.request_of(data, model, code, ("requested", "approved")),
            reason="不符合资助条件",
        )

    def gen_cancel_disbursement(self, data: st.DataObject, model: Model, malformed: bool) -> Cmd:
        code = self.fund_code(data, model)
        return self.cmd(
            "cancel_disbursement",
            code,
            actor=data.draw(st.sampled_from(PEOPLE)),
            request_id=self.request_of(data, model, code, ("requested", "approved")),
            reason="活动取消",
        )

    def gen_close_fund(self, data: st.DataObject, model: Model, malformed: bool) -> Cmd:
        code = self.fund_code(data, model)
        others = [other for other in sorted(model.funds) if other != code]
        # Mostly another opened fund; else none, the fund itself, or any (maybe unopened).
        how = data.draw(st.sampled_from(("other", "none", "itself", "any")))
        transfer_to: str | None = code if how == "itself" else None
        if how == "other" and others:
            transfer_to = data.draw(st.sampled_from(others))
        elif how == "any":
            transfer_to = data.draw(st.sampled_from(FUND_CODES))
        return self.cmd("close_fund", code, reason="基金终止", transfer_to=transfer_to)

    def gen_next_step(
        self,
        data: st.DataObject,
        model: Model,
        malformed: bool,
        pinned: tuple[str, str] | None = None,
    ) -> Cmd:
        """The next step of a request's life (of ``pinned``, if given and still going),
        done right: approval by someone else, 公示 where wanted, payment after the
        notice period, or reversing a payment."""
        # A paid request's next step is reversing its payment: only sometimes, so that
        # most payments stay (and get repeated).
        reverse = data.draw(st.integers(0, 2)) == 2
        steps = ("requested", "approved", "paid") if reverse else ("requested", "approved")
        if pinned is not None:
            code, request_id = pinned
            fund = model.funds.get(code)
            request = fund.requests.get(request_id) if fund else None
            if fund and request and not fund.closed and request.status in steps:
                return self.next_step_of(data, model, code, request_id)
        live = sorted(
            (code, rid)
            for code, fund in model.funds.items()
            for rid, r in fund.requests.items()
            if r.status in steps and not fund.closed
        )
        # Mostly a request whose next step can succeed: approval needs the money.
        ready = [
            (code, rid)
            for code, rid in live
            if model.funds[code].requests[rid].status != "requested"
            or model.funds[code].requests[rid].amount
            <= model.funds[code].available(model.funds[code].requests[rid].restriction)
        ]
        if ready and not self.rarely(data):
            live = ready
        if not live:
            return self.gen_request_disbursement(data, model, malformed)
        code, request_id = data.draw(st.sampled_from(live))
        return self.next_step_of(data, model, code, request_id)

    def next_step_of(self, data: st.DataObject, model: Model, code: str, request_id: str) -> Cmd:
        """The command that takes this request one step further."""
        fund = model.funds[code]
        request = fund.requests[request_id]
        if request.status == "requested":
            others = [p for p in PEOPLE if p != request.requester and p not in request.approvers]
            return self.cmd(
                "approve_disbursement",
                code,
                actor=data.draw(st.sampled_from(others)),
                request_id=request_id,
            )
        if request.status == "paid":
            return self.cmd(
                "reverse_payment",
                code,
                correction_id=self.key("C"),
                request_id=request_id,
                reason="凭证重复",
            )
        # Now and then an approved request is turned down or withdrawn: its reservation
        # is released.
        end = data.draw(st.sampled_from((*[None] * 6, "reject", "cancel")))
        if end is not None:
            return self.cmd(
                f"{end}_disbursement",
                code,
                actor=request.requester,
                request_id=request_id,
                reason="项目调整",
            )
        if request.notice_to is None and (fund.publicity_required or data.draw(st.booleans())):
            return self.cmd(
                "publicize_disbursement",
                code,
                request_id=request_id,
                notice_ref=self.key("公示"),
                notice_from=self.today,
                notice_to=self.today + dt.timedelta(days=data.draw(st.integers(0, 9))),
            )
        cmd = self.cmd("pay_disbursement", code, request_id=request_id, voucher_no=self.key("PZ"))
        if request.notice_to is not None:
            # Mostly the day after the 公示 period (its first allowed day); else its last
            # day or earlier, which are refused, and the request waits for another try.
            days = data.draw(st.sampled_from((1, 1, 0, -1)))
            on = request.notice_to + dt.timedelta(days=days)
            self.today = max(self.today, on)
            cmd.fields["occurred_on"] = on
        return cmd

    def gen_refused(self, data: st.DataObject, model: Model) -> Cmd:
        """A command the model surely refuses (the last of a refused batch)."""
        code = self.fund_code(data, model)
        how = data.draw(st.sampled_from(("no receipt", "no request", "no consent", "stock")))
        if how == "no receipt":
            return self.cmd(
                "refund_donation",
                code,
                refund_id=self.key("RF"),
                receipt_no="R-missing",
                amount=1,
                reason="r",
            )
        if how == "no request":
            return self.cmd(
                "pay_disbursement", code, request_id="Q-missing", voucher_no=self.key("PZ")
            )
        if how == "no consent":
            return self.cmd(
                "change_purpose",
                code,
                change_id=self.key("PC"),
                from_restriction="助学",
                to_restriction="助老",
                amount=1,
                consent_ref="",
                reason="r",
            )
        item, unit, restriction, _ = self.goods_of(data, model, code)
        fund = model.funds.get(code)
        line = fund.stock.get((item, unit, restriction)) if fund else None
        return self.cmd(
            "distribute_goods",
            code,
            distribution_id=self.key("D"),
            item=item,
            unit=unit,
            restriction=restriction,
            quantity=(line[0] if line else 0) + 1,
            recipient="r",
            signed_off_by="s",
            purpose="p",
        )

    # -- rules --

    @initialize(data=st.data(), gifts=st.integers(0, 4))
    def open_two_funds(self, data: st.DataObject, gifts: int) -> None:
        """F1 and F2 exist from the start, with some cash: most commands need a fund and
        money, transfers need two funds."""
        for _ in range(2):
            outcome = self.run(self.gen_open_fund(data, self.model, malformed=False))
            assert isinstance(outcome, Accepted)
        for _ in range(gifts):
            self.run(self.gen_receive_cash(data, self.model, malformed=False))

    @rule(days=st.integers(1, 10))
    def time_passes(self, days: int) -> None:
        """Later business dates: 公示 periods end, payments become possible."""
        self.today += dt.timedelta(days=days)

    def any_request(self) -> bool:
        return any(fund.requests for fund in self.model.funds.values())

    def any_gift(self) -> bool:
        return any(fund.gifts for fund in self.model.funds.values())

    def any_stock(self) -> bool:
        return any(
            line[0] > 0 for fund in self.model.funds.values() for line in fund.stock.values()
        )

    @precondition(lambda self: len(self.model.funds) < len(FUND_CODES))
    @rule(data=st.data())
    def open_fund(self, data: st.DataObject) -> None:
        self.run(self.gen_open_fund(data, self.model, malformed=True))

    @rule(data=st.data())
    def receive_cash(self, data: st.DataObject) -> None:
        self.run(self.gen_receive_cash(data, self.model, malformed=True))

    @rule(data=st.data())
    def receive_more_cash(self, data: st.DataObject) -> None:
        """Cash again (twice the weight): spending rules need money to be interesting."""
        self.run(self.gen_receive_cash(data, self.model, malformed=False))

    @rule(data=st.data())
    def receive_goods(self, data: st.DataObject) -> None:
        self.run(self.gen_receive_goods(data, self.model, malformed=True))

    @precondition(lambda self: self.any_stock())
    @rule(data=st.data())
    def distribute_goods(self, data: st.DataObject) -> None:
        self.run(self.gen_distribute_goods(data, self.model, malformed=True))

    @precondition(lambda self: self.any_stock())
    @rule(data=st.data())
    def sell_goods(self, data: st.DataObject) -> None:
        self.run(self.gen_sell_goods(data, self.model, malformed=True))

    @precondition(lambda self: self.any_gift())
    @rule(data=st.data())
    def refund_donation(self, data: st.DataObject) -> None:
        self.run(self.gen_refund_donation(data, self.model, malformed=True))

    @precondition(lambda self: self.any_gift())
    @rule(data=st.data())
    def reverse_donation(self, data: st.DataObject) -> None:
        self.run(self.gen_reverse_donation(data, self.model, malformed=True))

    @precondition(lambda self: self.any_request())
    @rule(data=st.data())
    def reverse_payment(self, data: st.DataObject) -> None:
        self.run(self.gen_reverse_payment(data, self.model, malformed=True))

    @rule(data=st.data())
    def release_restriction(self, data: st.DataObject) -> None:
        self.run(self.gen_release_restriction(data, self.model, malformed=True))

    @rule(data=st.data())
    def change_purpose(self, data: st.DataObject) -> None:
        self.run(self.gen_change_purpose(data, self.model, malformed=True))

    @rule(data=st.data())
    def request_disbursement(self, data: st.DataObject) -> None:
        self.run(self.gen_request_disbursement(data, self.model, malformed=True))

    @precondition(lambda self: self.any_request())
    @rule(data=st.data())
    def approve_disbursement(self, data: st.DataObject) -> None:
        self.run(self.gen_approve_disbursement(data, self.model, malformed=True))

    @precondition(lambda self: self.any_request())
    @rule(data=st.data())
    def publicize_disbursement(self, data: st.DataObject) -> None:
        self.run(self.gen_publicize_disbursement(data, self.model, malformed=True))

    @precondition(lambda self: self.any_request())
    @rule(data=st.data())
    def pay_disbursement(self, data: st.DataObject) -> None:
        self.run(self.gen_pay_disbursement(data, self.model, malformed=True))

    @precondition(lambda self: self.any_request())
    @rule(data=st.data())
    def reject_disbursement(self, data: st.DataObject) -> None:
        self.run(self.gen_reject_disbursement(data, self.model, malformed=True))

    @precondition(lambda self: self.any_request())
    @rule(data=st.data())
    def cancel_disbursement(self, data: st.DataObject) -> None:
        self.run(self.gen_cancel_disbursement(data, self.model, malformed=True))

    @precondition(lambda self: self.any_request())
    @rule(data=st.data(), steps=st.integers(1, 6))
    def advance_a_request(self, data: st.DataObject, steps: int) -> None:
        """Follow one request a few steps (approvals, 公示, payment, reversal), checking
        the invariants after each command: the deep paths need several steps in a row."""
        pinned: tuple[str, str] | None = None
        for step in range(steps):
            if step:
                self.check_all_invariants()
            cmd = self.gen_next_step(data, self.model, malformed=False, pinned=pinned)
            if "request_id" in cmd.fields:
                pinned = (cmd.fields["fund_id"], cmd.fields["request_id"])
            self.run(cmd)

    @rule(data=st.data())
    def spend_money(self, data: st.DataObject) -> None:
        """One disbursement from request to payment (approvals, 公示 where wanted), checking
        the invariants after each command; it stops at the first refusal."""
        cmd = self.gen_request_disbursement(data, self.model, malformed=False)
        code, request_id = cmd.fields["fund_id"], cmd.fields["request_id"]
        outcome = self.run(cmd)
        for _ in range(4):  # at most two approvals, a notice and the payment
            fund = self.model.funds.get(code)
            request = fund.requests.get(request_id) if fund else None
            if not isinstance(outcome, Accepted) or request is None:
                return
            if request.status not in ("requested", "approved"):
                return
            self.check_all_invariants()
            outcome = self.run(self.next_step_of(data, self.model, code, request_id))

    @precondition(lambda self: not self.model.roles)
    @rule()
    def register_people(self) -> None:
        """The station begins its register (rule 25): its administrator first, by name,
        then the others by the administrator's id; from now on every command's actor is
        a registered person whose roles allow it, and events name them by id."""
        for name, roles in FIRST_ROLES.items():
            self.ledger.add_person(
                station_id=STATION,
                person_id=PERSON_IDS[name],
                name=name,
                roles=sorted(roles),
                actor=name if name == "王芳" else "P-01",
                occurred_on=self.today,
            )
        self.model.roles = {name: set(roles) for name, roles in FIRST_ROLES.items()}
        self.model.events += len(FIRST_ROLES)
        event("people registered")

    @precondition(lambda self: bool(self.model.roles))
    @rule(data=st.data())
    def grant_or_withdraw_a_role(self, data: st.DataObject) -> None:
        """An administrator gives or takes away one role: the next commands of that person
        are allowed or refused as the model predicts."""
        name = data.draw(st.sampled_from(sorted(PERSON_IDS)))
        role = data.draw(st.sampled_from(GRANTABLE))
        w = {"station_id": STATION, "person_id": PERSON_IDS[name], "role": role}
        w |= {"actor": "P-01", "occurred_on": self.today}
        held = self.model.roles[name]
        if role in held:
            self.ledger.withdraw_role(**w, reason="岗位调整")
            held.discard(role)
        else:
            self.ledger.grant_role(**w)
            held.add(role)
        self.model.events += 1

    @precondition(lambda self: bool(self.model.roles))
    @rule(data=st.data())
    def someone_unregistered_acts(self, data: st.DataObject) -> None:
        """A name nobody registered (a temp, a typo): refused, nothing recorded."""
        cmd = self.gen_receive_cash(data, self.model, malformed=False)
        cmd.fields["actor"] = "临时工"
        outcome = self.run(cmd)
        assert isinstance(outcome, Refused), outcome
        if cmd.fields["fund_id"] in self.model.funds:
            assert outcome.error is AccessRefused

    # Closing comes late: a fund closed early would refuse most of the rest of the run.
    @precondition(lambda self: self.steps >= CLOSE_AFTER_STEPS)
    @rule(data=st.data())
    def close_fund(self, data: st.DataObject) -> None:
        outcome = self.run(self.gen_close_fund(data, self.model, malformed=True))
        if isinstance(outcome, Accepted) and "FundTransferredOut" in outcome.events:
            event("closed with a transfer")

    def live_keys(self) -> list[Key]:
        """Idempotency keys whose command a repeat would find (a reversed payment's is gone)."""
        return sorted(key for key in self.model.keys if key in self.originals)

    def recorded_key(self, data: st.DataObject) -> Key:
        """A live key, first choosing its kind: receipts would otherwise crowd out the rest."""
        keys = self.live_keys()
        kind = data.draw(st.sampled_from(sorted({key[0] for key in keys})))
        return data.draw(st.sampled_from([key for key in keys if key[0] == kind]))

    @precondition(lambda self: bool(self.live_keys()))
    @rule(data=st.data())
    def repeat_a_command(self, data: st.DataObject) -> None:
        """Repeating a recorded command exactly records nothing and returns the original."""
        key = self.recorded_key(data)
        outcome = self.run(self.model.keys[key])
        # Where the station registers people, who may act is checked first (rule 27).
        assert outcome == Accepted((), repeat_of=key) or self.refused_access(outcome), outcome

    @precondition(lambda self: bool(self.live_keys()))
    @rule(data=st.data())
    def repeat_with_one_field_changed(self, data: st.DataObject) -> None:
        """The same key with one field changed is refused, naming that field."""
        key = self.recorded_key(data)
        first = self.model.keys[key]
        other_kind = {
            "receive_cash": "receive_goods",
            "receive_goods": "receive_cash",
            "reverse_donation": "reverse_payment",
            "reverse_payment": "reverse_donation",
        }.get(first.kind)
        if other_kind and data.draw(st.integers(0, 4)) == 4:
            cmd = self.other_kind_same_key(first, other_kind)
            outcome = self.run(cmd)
            kind = Refused(IdempotencyConflict, ("kind",))
            assert outcome == kind or self.refused_access(outcome), outcome
            return
        name = data.draw(st.sampled_from(CHANGEABLE[first.kind]))
        cmd = Cmd(first.kind, {**first.fields, name: self.changed(data, first, name)})
        outcome = self.run(cmd)
        changed = EVENT_FIELD.get(name, name)
        conflict = (
            isinstance(outcome, Refused)
            and outcome.error is IdempotencyConflict
            and changed in outcome.fields
        )
        assert conflict or self.refused_access(outcome), outcome

    def refused_access(self, outcome: Outcome) -> bool:
        """Whether ``outcome`` is the register's refusal (checked before any repeat)."""
        return bool(self.model.roles) and outcome == Refused(AccessRefused)

    def other_kind_same_key(self, first: Cmd, kind: str) -> Cmd:
        """The other kind of command under the same receipt number or correction id."""
        keep = {k: first.fields[k] for k in ("fund_id", "actor", "occurred_on")}
        if kind == "receive_goods":
            line = {"item": "泡面", "quantity": 1, "unit": "箱", "basis": "unvalued"}
            fields = {"receipt_no": first.fields["receipt_no"], "items": [line]}
        elif kind == "receive_cash":
            fields = {"receipt_no": first.fields["receipt_no"], "amount": 1}
        elif kind == "reverse_payment":
            fields = {"correction_id": first.fields["correction_id"], "request_id": "Q-1"}
        else:
            fields = {"correction_id": first.fields["correction_id"], "receipt_no": "R-1"}
        if kind.startswith("reverse"):
            fields["reason"] = "r"
        return Cmd(kind, {**keep, **fields})

    def changed(self, data: st.DataObject, cmd: Cmd, name: str) -> Any:
        """A valid value for ``name`` that differs from the command's."""
        value = cmd.fields[name]
        if name == "actor":
            return data.draw(st.sampled_from([p for p in PEOPLE if p != value]))
        if name in ("occurred_on", "notice_from", "notice_to"):
            return value + dt.timedelta(days=1)
        if name in MONEY_FIELDS:
            return fen(value) + 1
        if name == "quantity":
            return value + 1
        if name == "publicity_required":
            return not value
        if name == "donor":
            return "新捐赠人" if value is None else None
        if name == "items":
            return [{**value[0], "quantity": value[0]["quantity"] + 1}, *value[1:]]
        if name == "transfer_to":
            return data.draw(st.sampled_from([c for c in (None, *FUND_CODES) if c != value]))
        if name in ("restriction", "from_restriction", "to_restriction"):
            named_only = cmd.kind in ("release_restriction", "change_purpose")
            pool = NAMED if named_only else RESTRICTIONS
            return data.draw(st.sampled_from([r for r in pool if r != value]))
        assert isinstance(value, str), (name, value)
        return value + "改"

    @rule(data=st.data(), size=st.integers(2, 4), last_refused=st.booleans())
    def batch(self, data: st.DataObject, size: int, last_refused: bool) -> None:
        """A batch is recorded whole, or, when any command is refused, not at all."""
        # Kinds that mostly succeed, so that whole batches get recorded too.
        kinds = ("receive_cash", "receive_goods", "request_disbursement", "next_step")
        trial = copy.deepcopy(self.model)
        cmds: list[Cmd] = []
        outcomes: list[Outcome] = []
        for index in range(size):
            if last_refused and index == size - 1:
                cmd = self.gen_refused(data, trial)
            else:
                kind = data.draw(st.sampled_from(kinds))
                cmd = getattr(self, f"gen_{kind}")(data, trial, malformed=False)
            outcome = trial.apply(cmd)
            cmds.append(cmd)
            outcomes.append(outcome)
            if last_refused and index == size - 1:
                assert isinstance(outcome, Refused), (cmd, outcome)
            if isinstance(outcome, Refused):
                break  # the ledger stops at the first refusal too
        commands = [b.validate_command(COMMANDS[c.kind][0], as_sent(c.fields)) for c in cmds]
        refused = [(i, o) for i, o in enumerate(outcomes) if isinstance(o, Refused)]
        if refused:
            index, expected = refused[0]
            with pytest.raises(BatchCommandRefused) as info:
                self.ledger.execute_batch(commands)
            assert info.value.index == index, info.value
            self.check_error(info.value.error, expected)
            assert len(self.ledger.stored_events()) == self.model.events, "a refused batch recorded"
            event(f"batch refused at {index} of {len(cmds)}")
            return
        results = self.ledger.execute_batch(commands)
        accepted = [o for o in outcomes if isinstance(o, Accepted)]
        self.check_recorded(cmds, results, accepted)
        event(f"batch of {len(cmds)} recorded")
        self.model = trial

    # -- notice lengths and closed periods (rules 30 to 33) --

    @rule(data=st.data())
    def set_notice_minimum(self, data: st.DataObject) -> None:
        """The station changes its shortest 公示 (1 to 7 days, both ends counted)."""
        days = data.draw(st.integers(1, 7))
        actor = data.draw(st.sampled_from(PEOPLE))
        new = (actor, self.today, days) != self.model.policy
        fields = {"station_id": "cuizhai", "name": "崔寨街道社工站", "notice_days_min": days}
        if self.refused_configuring("set_station_policy", fields, actor):
            return
        self.run_station_command("set_station_policy", fields, actor, new=new)
        if new:
            self.model.policy, self.model.notice_days_min = (actor, self.today, days), days

    @rule(data=st.data())
    def close_a_period(self, data: st.DataObject) -> None:
        """The station closes a span around today (ending before it, or running into the
        days to come): later commands dated in it need a correction note."""
        first = self.today - dt.timedelta(days=data.draw(st.integers(0, 20)))
        last = max(first, self.today + dt.timedelta(days=data.draw(st.integers(-10, 3))))
        actor = data.draw(st.sampled_from(PEOPLE))
        same = [p for p in self.model.closed_periods if (p[0], p[1]) == (first, last)]
        fields = {"station_id": "cuizhai", "period_from": first, "period_to": last}
        fields["reason"] = "季度信息公开已发布"
        if self.refused_configuring("close_period", fields, actor):
            return
        if same and (same[0][2], same[0][3]) != (actor, self.today):
            with pytest.raises(IdempotencyConflict):
                self.ledger.close_period(**fields, actor=actor, occurred_on=self.today)
            return
        before = len(self.ledger.stored_events())
        self.ledger.close_period(**fields, actor=actor, occurred_on=self.today)
        if not same:
            self.model.closed_periods.append((first, last, actor, self.today))
            self.model.events += 1
        assert len(self.ledger.stored_events()) == self.model.events == before + (not same)

    @precondition(lambda self: bool(self.model.closed_periods))
    @rule(data=st.data())
    def backdated_gift(self, data: st.DataObject) -> None:
        """A gift entered late, dated up to a month back: into a closed period it is refused
        without a correction note and recorded (and named by a correction) with one."""
        cmd = self.gen_receive_cash(data, self.model, malformed=False)
        cmd.fields["occurred_on"] = self.today - dt.timedelta(days=data.draw(st.integers(0, 30)))
        if not self.rarely(data) and not self.rarely(data):  # mostly with a note
            cmd.fields["correction_note"] = "漏记补录"
        self.run(cmd)

    def refused_configuring(self, method: str, fields: dict[str, Any], actor: str) -> bool:
        """Rule 27: where the station registers people, only an administrator configures
        it (its policy, its closings); whether ``actor`` was refused, as the model says."""
        if not self.model.roles or "admin" in self.model.roles.get(actor, set()):
            return False
        before = len(self.ledger.stored_events())
        with pytest.raises(AccessRefused):
            getattr(self.ledger, method)(**fields, actor=actor, occurred_on=self.today)
        assert len(self.ledger.stored_events()) == before
        return True

    def run_station_command(
        self, method: str, fields: dict[str, Any], actor: str, *, new: bool
    ) -> None:
        """A station command through the Ledger; ``new``: whether it records an event (not a
        repeat). A closed period never refuses it: a station's settings change no figure."""
        getattr(self.ledger, method)(**fields, actor=actor, occurred_on=self.today)
        self.model.events += new

    # -- invariants, after every step --

    def check_all_invariants(self) -> None:
        """Every invariant, for rules that run several commands."""
        self.check_ledger()
        self.balances_are_as_the_model_says()
        self.replaying_the_log_gives_the_live_state()
        self.statements_read_from_the_log_recount_the_funds()

    @invariant()
    def balances_are_as_the_model_says(self) -> None:
        """Aggregate and projection agree with the model, and each balance is consistent."""
        assert len(self.ledger.stored_events()) == self.model.events
        rows = {row.fund_id: row for row in self.ledger.balances()}
        assert set(rows) == set(self.model.funds), "a fund appears or is missing"
        for code, expected in self.model.funds.items():
            want_cash = _nonzero_cash({n: c.counters() for n, c in expected.cash.items()})
            want_stock = {k: tuple(line) for k, line in expected.stock.items() if any(line)}
            for name, cash in expected.cash.items():
                assert cash.available >= 0, (code, name, cash)

            # The aggregate: every counter, and the identities the library computes.
            fund = self.ledger.fund(code)
            balances = fund.balances
            got: dict[str, tuple[int, ...]] = {}
            for name, rb in balances.restrictions.items():
                got[name] = (
                    rb.received_fen,
                    rb.refunded_fen,
                    rb.paid_fen,
                    rb.approved_fen,
                    rb.released_fen,
                    rb.moved_in_fen,
                    rb.moved_out_fen,
                )
                expected_total = (
                    rb.received_fen
                    - rb.refunded_fen
                    - rb.paid_fen
                    + rb.moved_in_fen
                    - rb.moved_out_fen
                )
                assert rb.total_fen == expected_total, (code, name, rb)
                assert rb.reserved_fen == rb.approved_fen - rb.paid_fen - rb.released_fen
                assert rb.available_fen == rb.total_fen - rb.reserved_fen
                assert rb.available_fen >= 0, (code, name, rb)
                assert rb.reserved_fen >= 0, (code, name, rb)
            assert _nonzero_cash(got) == want_cash, (code, got, want_cash)
            assert balances.total_fen == sum(r.total_fen for r in balances.restrictions.values())
            assert balances.total_fen == sum(c.total for c in expected.cash.values())
            stock = {
                (s.item, s.unit, s.restriction): (s.quantity, s.value_fen)
                for s in balances.stock.values()
                if s.quantity or s.value_fen
            }
            assert stock == want_stock, (code, stock, want_stock)
            for quantity, value in stock.values():
                assert quantity >= 0
                assert value >= 0
                assert quantity or not value, "value held with no goods"
            assert balances.in_kind_received_fen == expected.in_kind_received
            assert balances.in_kind_held_fen == expected.in_kind_received - expected.in_kind_out
            assert (fund.state.closed is not None) == expected.closed
            requests = {
                rid: (d.status, d.reserved_fen) for rid, d in fund.state.disbursements.items()
            }
            want_requests = {rid: (r.status, r.reserved) for rid, r in expected.requests.items()}
            assert requests == want_requests, (code, requests, want_requests)

            # The projection: each restriction row (the kit checks the rows sum to the fund's).
            row = rows[code]
            assert row.closed == expected.closed
            by_name = {r.restriction: r for r in row.restrictions}
            for name, cash in expected.cash.items():
                line = by_name.get(name)
                figures = (cash.total, cash.reserved, cash.available, cash.received)
                if line is None:
                    assert not any((*figures, cash.refunded, cash.paid)), (code, name)
                    continue
                assert (
                    line.total_fen,
                    line.reserved_fen,
                    line.available_fen,
                    line.received_fen,
                ) == figures
                assert (line.refunded_fen, line.paid_fen) == (cash.refunded, cash.paid)
            for name in set(by_name) - set(expected.cash):
                extra = by_name[name]
                figures = (extra.total_fen, extra.reserved_fen, extra.received_fen, extra.paid_fen)
                assert not any(figures), name
            assert row.total_fen == balances.total_fen
            goods = {
                (g.item, g.unit, g.restriction): (g.quantity, g.value_fen)
                for g in row.goods
                if g.quantity or g.value_fen
            }
            assert goods == want_stock, (code, goods, want_stock)
            assert row.in_kind_received_fen == expected.in_kind_received
            assert row.in_kind_held_fen == expected.in_kind_received - expected.in_kind_out
        for code in set(FUND_CODES) - set(self.model.funds):
            with pytest.raises(NotFound):
                self.ledger.fund(code)

    @invariant()
    def replaying_the_log_gives_the_live_state(self) -> None:
        """Each fund rebuilt from its stored events equals what the ledger holds live (and
        caches). The balances view against the log is the kit's recount."""
        by_fund: dict[UUID, list[Any]] = defaultdict(list)
        for stored in self.ledger.stored_events():
            by_fund[stored.originator_id].append(stored)
        for code in self.model.funds:
            live = self.ledger.fund(code)
            replayed = Fund.replay(by_fund[fund_uuid(code)])
            assert replayed is not None
            assert replayed.version == live.version
            assert msgspec.msgpack.encode(replayed.state) == msgspec.msgpack.encode(live.state)

    @invariant()
    def statements_read_from_the_log_recount_the_funds(self) -> None:
        """Each fund's statement (read from the log): a line per event of the fund, in
        (business date, position) order, its running cash ending at the model's cash, its
        in-kind changes at the model's value held; a period's lines and opening agree."""
        notifications = self.ledger.recorder.select_notifications(start=1, limit=1_000_000)
        positions: dict[UUID, list[int]] = defaultdict(list)
        for n in notifications:
            positions[n.originator_id].append(n.id)
        for code, expected in self.model.funds.items():
            statement = self.ledger.statement(code)
            lines = statement.lines
            assert sorted(line.position for line in lines) == positions[fund_uuid(code)]
            assert [(x.occurred_on, x.position) for x in lines] == sorted(
                (x.occurred_on, x.position) for x in lines
            )
            running = 0
            for line in lines:
                running += line.cash_fen
                assert line.balance_fen == running, (code, line)
            cash = sum(c.total for c in expected.cash.values())
            assert statement.opening_fen == 0
            assert statement.closing_fen == running == cash, code
            assert sum(x.reserved_fen for x in lines) == sum(
                c.reserved for c in expected.cash.values()
            )
            held = expected.in_kind_received - expected.in_kind_out
            assert sum(x.in_kind_fen for x in lines) == statement.closing_in_kind_fen == held
            if lines:
                # From a day inside: the lines dated from it on, after the cash before it.
                day = lines[len(lines) // 2].occurred_on
                part = self.ledger.statement(code, from_day=day)
                assert part.lines == tuple(x for x in lines if x.occurred_on >= day)
                before = sum(x.cash_fen for x in lines if x.occurred_on < day)
                assert part.opening_fen == before
                assert part.closing_fen == cash


# ---- one machine per backend -------------------------------------------------------------


class SqliteMemoryFundMachine(FundMachine):
    """The machine on SQLite in memory (a private database per example)."""

    def store(self) -> str:
        return "sqlite::memory:"


class SqliteFileFundMachine(SqliteFileStore, FundMachine):
    """The machine on a SQLite file in a temporary folder, removed afterwards."""


class PostgresFundMachine(PostgresSchemaStore, FundMachine):
    """The machine on PostgreSQL, in a schema of its own per example, dropped afterwards."""


def test_fund_machine_in_memory() -> None:
    run_state_machine_as_test(FundMachine, settings=machine_settings(200, 30))


def test_fund_machine_on_sqlite_in_memory() -> None:
    run_state_machine_as_test(SqliteMemoryFundMachine, settings=machine_settings(200, 30))


def test_fund_machine_on_a_sqlite_file() -> None:
    run_state_machine_as_test(SqliteFileFundMachine, settings=machine_settings(200, 30))


@pytest.mark.postgres
def test_fund_machine_on_postgres() -> None:
    require_postgres()
    run_state_machine_as_test(PostgresFundMachine, settings=machine_settings(50, 30))
