"""Command models: the shape, type and unit of every command, checked before anything else.

These strict pydantic models are the ledger's input boundary: text is put in its
canonical form (``sgz_ledger.domain.text``: refused characters, NFKC, whitespace) and then
length-limited, dates must be ``datetime.date``, amounts become integer fen
(``int`` = fen, ``Decimal``/``str`` = yuan with at most 2 decimals, ``float``
refused). Business rules (is there money? who may approve?) are not here; they
live once, in the domain aggregates.

``validate_command`` turns pydantic's ``ValidationError`` into the ledger's own
``InvalidInput`` (or ``InvalidAmount`` for money), so callers catch one hierarchy.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal, TypeVar

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    model_validator,
)
from pydantic_core import PydanticCustomError

from sgz_ledger.domain.errors import InvalidAmount, InvalidInput
from sgz_ledger.domain.money import parse_amount_fen
from sgz_ledger.domain.text import TextRefused, canonical_text

__all__ = [
    "KEY_LEN_MAX",
    "QUANTITY_MAX",
    "TEXT_LEN_MAX",
    "AdjustHours",
    "ApproveDisbursement",
    "ApproveService",
    "BankHours",
    "CancelDisbursement",
    "ChangePurpose",
    "CloseFund",
    "Command",
    "CorrectService",
    "CorrectVolunteerProfile",
    "DeactivateVolunteer",
    "DistributeGoods",
    "EraseDonor",
    "ErasePersonalData",
    "GoodsLineInput",
    "IssueCertificate",
    "JoinTeam",
    "LeaveTeam",
    "OpenFund",
    "PayDisbursement",
    "PublicizeDisbursement",
    "PublishActivity",
    "ReceiveCashDonation",
    "ReceiveGoodsDonation",
    "RecordService",
    "RedeemHours",
    "RefundDonation",
    "RegisterVolunteer",
    "RejectDisbursement",
    "ReleaseRestriction",
    "RequestDisbursement",
    "ReverseDonation",
    "ReversePayment",
    "RevokeCertificate",
    "SellGoods",
    "SetStationPolicy",
    "TransferHours",
    "VoidService",
    "validate_command",
]

# Limits on everything a person types, so that a pasted spreadsheet cell cannot
# bloat every event and report that carries it.
KEY_LEN_MAX = 64
TEXT_LEN_MAX = 200
NOTE_LEN_MAX = 2000
QUANTITY_MAX = 10_000_000
ITEMS_PER_GIFT_MAX = 200


def _canonical(
    max_length: int, *, min_length: int = 0, prose: bool = False, multiline: bool = False
) -> Any:
    """A validator putting text in its canonical form (``text.canonical_text``), then
    checking its length: the limits are on what is stored, not on what was typed."""

    def convert(value: str) -> str:
        try:
            normal = canonical_text(value, prose=prose, multiline=multiline)
        except TextRefused as e:
            raise PydanticCustomError("text_refused", "{why}", {"why": e.message}) from None
        if len(normal) < min_length:
            raise PydanticCustomError("string_too_short", "must not be empty")
        if len(normal) > max_length:
            raise PydanticCustomError(
                "string_too_long",
                "must be at most {max_length} characters (it has {length})",
                {"max_length": max_length, "length": len(normal)},
            )
        return normal

    return AfterValidator(convert)


# Every str field of every command is one of these, so that no text reaches the ledger
# without its canonical form (``sgz_ledger.domain.text``): codes (Key), names and other text that
# is compared (Text, OptionalText) in the form of keys and names; reasons and purposes
# (Prose) and notes (Note), which may hold line breaks, in the form of prose.
Key = Annotated[str, _canonical(KEY_LEN_MAX, min_length=1)]
Text = Annotated[str, _canonical(TEXT_LEN_MAX, min_length=1)]
OptionalText = Annotated[str, _canonical(TEXT_LEN_MAX)]
Prose = Annotated[str, _canonical(TEXT_LEN_MAX, min_length=1, prose=True, multiline=True)]
Note = Annotated[str, _canonical(NOTE_LEN_MAX, prose=True, multiline=True)]
Quantity = Annotated[int, Field(gt=0, le=QUANTITY_MAX)]


def _fen(allow_zero: bool) -> Any:
    def convert(value: object) -> int:
        try:
            return parse_amount_fen(value, allow_zero=allow_zero)
        except InvalidAmount as e:
            raise PydanticCustomError("invalid_amount", "{why}", {"why": e.why}) from None

    return BeforeValidator(convert)


def _list_to_tuple(value: object) -> object:
    # A list of goods lines is the natural thing to pass; strict mode accepts only
    # tuples, and the event keeps a tuple (immutable), so convert just this case.
    return tuple(value) if isinstance(value, list) else value


AmountFen = Annotated[int, _fen(allow_zero=False)]
AmountFenOrZero = Annotated[int, _fen(allow_zero=True)]


class Command(BaseModel):
    """Fields every command carries: who does it and when it happened.

    Attributes:
        actor: the person responsible (经办人, 申请人, 审批人...).
        occurred_on: the business date (a ``datetime.date``).
    """

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)

    actor: Text
    occurred_on: dt.date


class FundCommand(Command):
    """A command addressed to one fund, named by its code."""

    fund_id: Key


class OpenFund(FundCommand):
    """Set up a community fund under a host charity."""

    station_id: Key
    community: Text
    name: Text
    host: Text
    approval_threshold: AmountFenOrZero
    publicity_required: bool = True


class ReceiveCashDonation(FundCommand):
    """Register a cash gift (``donor=None`` for anonymous, ``restriction=""`` unrestricted).

    ``donor_is_person``: the donor is a named person, whose name is personal data: it is
    sealed under a key of their own, so that erasing them (``EraseDonor``) makes it
    unreadable. The ledger cannot tell a person from a company by a name, so it is said.
    Without it the donor is an organisation, whose name is stored and disclosed as given.
    """

    receipt_no: Key
    amount: AmountFen
    donor: Text | None = None
    restriction: OptionalText = ""
    note: Note = ""
    donor_is_person: bool = False


class GoodsLineInput(BaseModel):
    """One kind of goods in an in-kind gift: a value with its basis, or explicitly unvalued."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)

    item: Text
    quantity: Quantity
    unit: Text
    value: AmountFenOrZero | None = None
    basis: Literal["document", "fair_value", "unvalued"]

    @model_validator(mode="after")
    def _value_matches_basis(self) -> GoodsLineInput:
        if self.basis == "unvalued" and self.value is not None:
            raise PydanticCustomError("value_basis", "an unvalued gift carries no value")
        if self.basis != "unvalued" and self.value is None:
            raise PydanticCustomError(
                "value_basis", "a value is needed with basis {basis}", {"basis": self.basis}
            )
        return self


class ReceiveGoodsDonation(FundCommand):
    """Register an in-kind gift of one or more kinds of goods (``donor`` and
    ``donor_is_person`` as for ``ReceiveCashDonation``)."""

    receipt_no: Key
    items: Annotated[
        tuple[GoodsLineInput, ...],
        BeforeValidator(_list_to_tuple),
        Field(min_length=1, max_length=ITEMS_PER_GIFT_MAX),
    ]
    donor: Text | None = None
    restriction: OptionalText = ""
    note: Note = ""
    donor_is_person: bool = False


class DistributeGoods(FundCommand):
    """Give goods from stock to recipients, signed off by someone.

    ``restriction`` names the stock of goods given for that purpose (``""`` = unrestricted).
    """

    distribution_id: Key
    item: Text
    unit: Text
    quantity: Quantity
    recipient: Text
    signed_off_by: Text
    purpose: Prose
    restriction: OptionalText = ""


class SellGoods(FundCommand):
    """Sell goods from the stock of ``restriction``; proceeds arrive as cash in it."""

    sale_id: Key
    item: Text
    unit: Text
    quantity: Quantity
    proceeds: AmountFen
    buyer: Text
    restriction: OptionalText = ""


class RefundDonation(FundCommand):
    """Give (part of) a cash gift back to its donor."""

    refund_id: Key
    receipt_no: Key
    amount: AmountFen
    reason: Prose


class ReverseDonation(FundCommand):
    """Reverse a donation entry recorded in error."""

    correction_id: Key
    receipt_no: Key
    reason: Prose


class ReversePayment(FundCommand):
    """Reverse a payment entry recorded in error."""

    correction_id: Key
    request_id: Key
    reason: Prose


class ReleaseRestriction(FundCommand):
    """Reclassify restricted money as unrestricted."""

    release_id: Key
    restriction: Text
    amount: AmountFen
    reason: Prose
    reference: OptionalText


class ChangePurpose(FundCommand):
    """Move restricted money to another purpose, with the donor's consent reference."""

    change_id: Key
    from_restriction: Text
    to_restriction: Text
    amount: AmountFen
    consent_ref: OptionalText
    reason: Prose


class RequestDisbursement(FundCommand):
    """Ask to spend money from a restriction (``""`` = unrestricted); requester = actor."""

    request_id: Key
    amount: AmountFen
    purpose: Prose
    payee: Text
    restriction: OptionalText = ""


class ApproveDisbursement(FundCommand):
    """Approve a request as ``actor``."""

    request_id: Key


class PublicizeDisbursement(FundCommand):
    """Record the public notice (公示) of an approved request."""

    request_id: Key
    notice_ref: Text
    notice_from: dt.date
    notice_to: dt.date


class PayDisbursement(FundCommand):
    """Pay an approved request, with the payment voucher number (凭证号)."""

    request_id: Key
    voucher_no: Key


class RejectDisbursement(FundCommand):
    """Turn a request down."""

    request_id: Key
    reason: Prose


class CancelDisbursement(FundCommand):
    """Withdraw a request."""

    request_id: Key
    reason: Prose


class CloseFund(FundCommand):
    """Close a fund, first moving any cash left to ``transfer_to`` (another fund's code)."""

    reason: Prose
    transfer_to: Key | None = None


C = TypeVar("C", bound=BaseModel)


def validate_command(model: type[C], data: dict[str, Any]) -> C:
    """Build a command model, or raise the ledger's ``InvalidInput``/``InvalidAmount``.

    Every bad field is listed; a bad amount raises ``InvalidAmount`` (a subclass of
    ``InvalidInput``) so callers can tell money mistakes apart.
    """
    try:
        return model.model_validate(data)
    except ValidationError as e:
        problems = [
            (".".join(str(p) for p in err["loc"]) or "command", err["msg"]) for err in e.errors()
        ]
        for err in e.errors():
            if err["type"] == "invalid_amount":
                field = ".".join(str(p) for p in err["loc"])
                raise InvalidAmount(
                    field, err["input"], str((err.get("ctx") or {}).get("why", err["msg"]))
                ) from None
        raise InvalidInput(problems) from None


# ---- volunteers, activities, service records, time bank, certificates -----------------------

Category = Literal[
    "volunteer_service",
    "theme_activity",
    "group_work",
    "community_work",
    "case_work",
    "training",
    "supervision",
]
ProfileField = Literal[
    "name", "gender", "birth_date", "phone", "id_number", "skills", "categories", "consent"
]
# Time-bank moves and durations are whole seconds; a bound keeps a typo (hours typed
# as seconds times 3600 twice) from becoming a believable balance.
CREDIT_S_MAX = 10_000 * 3600
Seconds = Annotated[int, Field(gt=0, le=CREDIT_S_MAX)]
Words = Annotated[
    tuple[Text, ...], BeforeValidator(_list_to_tuple), Field(max_length=ITEMS_PER_GIFT_MAX)
]


class SetStationPolicy(Command):
    """Set how a station's service records and time bank work (see ``StationPolicySet``)."""

    station_id: Key
    name: Text
    auto_approve: bool = False
    bank_rate_pct: Annotated[int, Field(gt=0, le=1000)] = 100
    bank_automatic: bool = False
    bank_limit_s: Annotated[int, Field(le=0, ge=-CREDIT_S_MAX)] = 0


class RegisterVolunteer(Command):
    """Register a volunteer; ``actor`` is who entered it (录入人).

    Personal fields (name, gender, birth_date, phone, id_number) are sealed, and
    encrypted when the ledger has a key.
    """

    volunteer_id: Key
    station_id: Key
    name: Text
    registered_on: dt.date
    consent: bool
    gender: OptionalText = ""
    birth_date: dt.date | None = None
    phone: OptionalText = ""
    id_number: OptionalText = ""
    skills: Words = ()
    categories: Words = ()
    team: Text | None = None


class CorrectVolunteerProfile(Command):
    """Correct one profile field with a reason (the new value as text; dates as YYYY-MM-DD,
    lists separated by "、", consent as true/false)."""

    volunteer_id: Key
    correction_id: Key
    field: ProfileField
    value: OptionalText
    reason: Prose


class ErasePersonalData(Command):
    """Erase a volunteer's personal data (个人信息保护法 Art.47): ``requested_by`` asked,
    ``actor`` entered it. Name the requester by volunteer id or role (本人, 监护人), never by
    the personal data being erased."""

    volunteer_id: Key
    reason: Text
    requested_by: Text


class EraseDonor(Command):
    """Erase an individual donor's name (个人信息保护法 Art.47): ``donor`` as their gifts name
    them; ``requested_by`` asked (本人, 监护人: never their name), ``actor`` entered it."""

    donor: Text
    reason: Text
    requested_by: Text


class JoinTeam(Command):
    """The volunteer joins a team (志愿服务队)."""

    volunteer_id: Key
    team: Text


class LeaveTeam(Command):
    """The volunteer leaves a team."""

    volunteer_id: Key
    team: Text
    reason: Prose


class DeactivateVolunteer(Command):
    """The volunteer stops serving; records and certificates stay."""

    volunteer_id: Key
    reason: Prose


class PublishActivity(Command):
    """Publish an activity; only ``volunteer_service`` ones produce service hours."""

    activity_id: Key
    station_id: Key
    name: Text
    category: Category = "volunteer_service"
    community: OptionalText = ""
    place: OptionalText = ""
    organizer: OptionalText = ""
    leader: OptionalText = ""
    starts_at: AwareDatetime
    ends_at: AwareDatetime


class RecordService(Command):
    """Record that a volunteer served an activity; ``actor`` is who recorded it (记录人).

    Give either ``started_at`` and ``ended_at`` (timezone-aware), or ``duration_s`` or
    ``duration_minutes`` with ``service_date``.
    """

    record_id: Key
    volunteer_id: Key
    activity_id: Key
    started_at: AwareDatetime | None = None
    ended_at: AwareDatetime | None = None
    duration_s: Annotated[int, Field(gt=0)] | None = None
    duration_minutes: Annotated[int, Field(gt=0)] | None = None
    service_date: dt.date | None = None
    place: OptionalText = ""
    content: Note = ""
    team: OptionalText = ""

    @model_validator(mode="after")
    def _one_way_of_giving_time(self) -> RecordService:
        interval = self.started_at is not None or self.ended_at is not None
        durations = (self.duration_s is not None) + (self.duration_minutes is not None)
        if interval and (self.started_at is None or self.ended_at is None):
            raise PydanticCustomError("service_time", "give both started_at and ended_at")
        if interval + durations != 1:
            raise PydanticCustomError(
                "service_time",
                "give the time served one way: started_at and ended_at, or duration_s, "
                "or duration_minutes",
            )
        if not interval and self.service_date is None:
            raise PydanticCustomError("service_time", "a duration needs its service_date")
        return self


class ApproveService(Command):
    """Approve a service record; the approver (``actor``) is not its recorder."""

    volunteer_id: Key
    record_id: Key


class CorrectService(Command):
    """Correct a record's time: ``requested_by`` reported it, ``actor`` verified it (Art.13)."""

    volunteer_id: Key
    record_id: Key
    correction_id: Key
    reason: Prose
    requested_by: Text
    started_at: AwareDatetime | None = None
    ended_at: AwareDatetime | None = None
    duration_s: Annotated[int, Field(gt=0)] | None = None

    @model_validator(mode="after")
    def _one_way_of_giving_time(self) -> CorrectService:
        interval = self.started_at is not None and self.ended_at is not None
        partial = (self.started_at is None) != (self.ended_at is None)
        if partial or interval == (self.duration_s is not None):
            raise PydanticCustomError(
                "service_time", "give the corrected time as started_at and ended_at, or duration_s"
            )
        return self


class VoidService(Command):
    """Void a service record with a reason."""

    volunteer_id: Key
    record_id: Key
    reason: Prose


class BankHours(Command):
    """Deposit an approved service record in the time bank (once per record)."""

    volunteer_id: Key
    record_id: Key


class RedeemHours(Command):
    """Spend time-bank credit (seconds) on a service or goods, approved by ``approver``."""

    volunteer_id: Key
    redemption_id: Key
    credit_s: Seconds
    item: Text
    quantity: Quantity = 1
    counterparty: Text
    approver: Text


class TransferHours(Command):
    """Give time-bank credit (seconds) to another member."""

    volunteer_id: Key
    transfer_id: Key
    to_volunteer_id: Key
    credit_s: Seconds
    reason: Prose


class AdjustHours(Command):
    """Expire (negative) or adjust time-bank credit, with authorisation and a reason."""

    volunteer_id: Key
    adjustment_id: Key
    credit_s: Annotated[int, Field(ge=-CREDIT_S_MAX, le=CREDIT_S_MAX)]
    kind: Literal["expiry", "adjustment"]
    authorised_by: Text
    reason: Prose


class IssueCertificate(Command):
    """Issue a numbered service certificate for a period; ``actor`` is the issuer."""

    volunteer_id: Key
    certificate_no: Key
    period_from: dt.date
    period_to: dt.date
    issuing_station: Text


class RevokeCertificate(Command):
    """Revoke a certificate with a reason."""

    volunteer_id: Key
    certificate_no: Key
    reason: Prose
