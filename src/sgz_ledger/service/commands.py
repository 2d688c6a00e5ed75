"""Command models: the shape, type and unit of every command, checked before anything else.

These strict pydantic models are the ledger's input boundary: text is put in its
canonical form (``sgz_ledger.domain.text``: refused characters, NFKC, whitespace) and then
length-limited, dates must be ``datetime.date``, and every amount of money is given by
the name of its unit: ``amount`` in yuan (``Decimal`` or ``str``, at most 2 decimals) or
``amount_fen`` in fen (``int``), exactly one of the two (the same for ``approval_threshold``,
a goods line's ``value`` and ``proceeds``). The model holds the fen: after validation the
yuan field is ``None`` and ``amount_fen`` the amount, so the handlers read one value.
Business rules (is there money? who may approve?) are not here; they live once, in the
domain aggregates.

Each command names the event it records (``ReceiveCashDonation`` is a
``Command[CashDonationReceived]``), so that ``Ledger.execute`` is typed by its command.

``validate_command`` turns pydantic's ``ValidationError`` into the ledger's own
``InvalidInput`` (or ``InvalidAmount`` for money), so callers catch one hierarchy.
"""

from __future__ import annotations

import datetime as dt
import functools
import inspect
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import (
    Annotated,
    Any,
    ClassVar,
    Generic,
    Literal,
    NamedTuple,
    ParamSpec,
    Required,
    TypedDict,
    TypeVar,
)

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
    validate_call,
)
from pydantic_core import PydanticCustomError

from sgz_ledger.domain.errors import InvalidAmount, InvalidInput
from sgz_ledger.domain.events import (
    AccessPolicySet,
    ActivityPublished,
    AwardGranted,
    AwardRecipient,
    BudgetLineAmended,
    CaseClosed,
    CaseOpened,
    CaseSessionRecorded,
    CashDonationReceived,
    CertificateIssued,
    CertificateRevoked,
    CommunityActivityCreated,
    CommunityActivitySessionHeld,
    DeliveryKind,
    DisbursementApproved,
    DisbursementCancelled,
    DisbursementPaid,
    DisbursementPublicized,
    DisbursementRejected,
    DisbursementRequested,
    DonationRefunded,
    DonationReversed,
    DonorErased,
    EvaluationRecorded,
    FundClosed,
    FundOpened,
    GoodsDistributed,
    GoodsSold,
    GroupCreated,
    GroupSessionHeld,
    HoursAdjusted,
    HoursBanked,
    HoursRedeemed,
    HoursTransferredOut,
    IdNumberClaimed,
    InKindDonationReceived,
    LedgerEvent,
    PaymentReversed,
    PeriodClosed,
    PersonAdded,
    PersonalDataErased,
    PersonLeft,
    PledgeRecorded,
    ProjectClosed,
    ProjectOpened,
    PurposeChanged,
    ReportKind,
    ReportPublished,
    RestrictionReleased,
    RoleGranted,
    RoleWithdrawn,
    ServedPersonErased,
    ServiceApproved,
    ServiceCorrected,
    ServiceRecorded,
    ServiceVoided,
    StationPolicySet,
    SupervisionRecorded,
    TeamDissolved,
    TeamFormed,
    TeamLeaderNamed,
    TeamMemberJoined,
    TeamMemberLeft,
    UnitLevel,
    UnitMoved,
    UnitRegistered,
    UnitRenamed,
    UnitRetired,
    VolunteerDeactivated,
    VolunteerJoinedTeam,
    VolunteerLeftTeam,
    VolunteerProfileCorrected,
    VolunteerRegistered,
)
from sgz_ledger.domain.messages import Phrase, input_problem
from sgz_ledger.domain.money import fen_amount, yuan_amount
from sgz_ledger.domain.projects import BUDGET_LINES_MAX, FUNDS_PER_PROJECT_MAX
from sgz_ledger.domain.stars import STAR_LEVELS, STAR_THRESHOLDS_H_DEFAULT, thresholds_problem
from sgz_ledger.domain.text import TextRefused, canonical_text

__all__ = [
    "KEY_LEN_MAX",
    "QUANTITY_MAX",
    "TEXT_LEN_MAX",
    "AddPerson",
    "AddTeamMember",
    "AdjustHours",
    "AmendBudgetLine",
    "ApproveDisbursement",
    "ApproveService",
    "BankHours",
    "BudgetLineFields",
    "BudgetLineInput",
    "CancelDisbursement",
    "ChangePurpose",
    "ClaimIdNumber",
    "CloseCase",
    "CloseFund",
    "ClosePeriod",
    "CloseProject",
    "Command",
    "CorrectService",
    "CorrectVolunteerProfile",
    "CreateCommunityActivity",
    "CreateGroup",
    "DeactivateVolunteer",
    "DeregisterPerson",
    "DissolveTeam",
    "DistributeGoods",
    "EraseDonor",
    "ErasePersonalData",
    "EraseServedPerson",
    "FormTeam",
    "FundCommand",
    "GoodsLineFields",
    "GoodsLineInput",
    "GrantAward",
    "GrantRole",
    "HoldCommunityActivitySession",
    "HoldGroupSession",
    "IssueCertificate",
    "JoinTeam",
    "LeaveTeam",
    "MoveUnit",
    "NameTeamLeader",
    "OpenCase",
    "OpenFund",
    "OpenProject",
    "PayDisbursement",
    "ProjectCommand",
    "PublicizeDisbursement",
    "PublishActivity",
    "PublishReport",
    "ReceiveCashDonation",
    "ReceiveGoodsDonation",
    "RecordCaseSession",
    "RecordEvaluation",
    "RecordPledge",
    "RecordService",
    "RecordSupervision",
    "RedeemHours",
    "RedeemHoursForGoods",
    "RefundDonation",
    "RegisterUnit",
    "RegisterVolunteer",
    "RejectDisbursement",
    "ReleaseRestriction",
    "RemoveTeamMember",
    "RenameUnit",
    "RequestDisbursement",
    "RetireUnit",
    "ReverseDonation",
    "ReversePayment",
    "RevokeCertificate",
    "SellGoods",
    "SetAccessPolicy",
    "SetStationPolicy",
    "TransferHours",
    "VoidService",
    "WithdrawRole",
    "Yuan",
    "event_type",
    "input_error",
    "validate_command",
    "validated_query",
]

# Limits on everything a person types, so that a pasted spreadsheet cell cannot
# bloat every event and report that carries it.
KEY_LEN_MAX = 64
TEXT_LEN_MAX = 200
NOTE_LEN_MAX = 2000
QUANTITY_MAX = 10_000_000
ITEMS_PER_GIFT_MAX = 200


def _problem(phrase: Phrase, kind: str = "") -> PydanticCustomError:
    """A field's problem as pydantic carries it: the phrase whole in its context, for
    ``input_error`` to keep in both languages, and its English as pydantic's message."""
    return PydanticCustomError(
        kind or phrase.code, "{message}", {"message": phrase.message("en"), "phrase": phrase}
    )


def _canonical(
    max_length: int, *, min_length: int = 0, prose: bool = False, multiline: bool = False
) -> Any:
    """A validator putting text in its canonical form (``text.canonical_text``), then
    checking its length: the limits are on what is stored, not on what was typed."""

    def convert(value: str) -> str:
        try:
            normal = canonical_text(value, prose=prose, multiline=multiline)
        except TextRefused as e:
            raise _problem(e.phrase, "text_refused") from None
        if len(normal) < min_length:
            raise _problem(Phrase("empty"))
        if len(normal) > max_length:
            raise _problem(Phrase("too_long_has", max_length=max_length, length=len(normal)))
        return normal

    return AfterValidator(convert)


# Every str field of every command is one of these, so that no text reaches the ledger
# without its canonical form (``sgz_ledger.domain.text``): codes (Key), names and other text that
# is compared (Text, OptionalText) in the form of keys and names; reasons and purposes
# (Prose) and notes (Note), which may hold line breaks, in the form of prose.
Key = Annotated[str, _canonical(KEY_LEN_MAX, min_length=1)]
OptionalKey = Annotated[str, _canonical(KEY_LEN_MAX)]
Text = Annotated[str, _canonical(TEXT_LEN_MAX, min_length=1)]
OptionalText = Annotated[str, _canonical(TEXT_LEN_MAX)]
Prose = Annotated[str, _canonical(TEXT_LEN_MAX, min_length=1, prose=True, multiline=True)]
Note = Annotated[str, _canonical(NOTE_LEN_MAX, prose=True, multiline=True)]
Quantity = Annotated[int, Field(gt=0, le=QUANTITY_MAX)]


Yuan = Decimal | str
"""An amount in yuan: a ``Decimal`` or its text (``"12000.00"``, ``"1,000"``, ``"¥35.5"``)."""


class _Unanswered(NamedTuple):
    """Put in a yuan field by ``_one_unit`` when its amount was given twice or not at all,
    so that the field's validator refuses it among the command's other problems."""

    kind: str
    why: Phrase


def _yuan(*, allow_zero: bool) -> Any:
    """A validator refusing what a yuan field cannot hold (an ``int`` is fen, a ``float``
    is inexact), naming the fen field to use. A valid amount never reaches it: the
    model's ``_one_unit`` has moved it to the fen field already."""

    def check(value: object, info: ValidationInfo) -> object:
        if isinstance(value, _Unanswered):
            raise _problem(value.why, value.kind)
        if value is not None:
            field = info.field_name or "amount"
            try:
                yuan_amount(value, field=field, fen_field=f"{field}_fen", allow_zero=allow_zero)
            except InvalidAmount as e:
                raise _amount_problem(e) from None
        return value

    return BeforeValidator(check)


def _fen(*, allow_zero: bool) -> Any:
    """A validator of an amount in fen: an ``int`` within the limits, nothing else."""

    def check(value: object, info: ValidationInfo) -> int:
        field = info.field_name or "amount_fen"
        try:
            return fen_amount(
                value, field=field, yuan_field=field.removesuffix("_fen"), allow_zero=allow_zero
            )
        except InvalidAmount as e:
            raise _amount_problem(e) from None

    return BeforeValidator(check)


def _amount_problem(error: InvalidAmount) -> PydanticCustomError:
    """A refused amount as pydantic carries it: ``input_error`` makes it ``InvalidAmount``
    again, with its ``why``."""
    return PydanticCustomError(
        "invalid_amount",
        "{message}",
        {"message": error.why_phrase.message("en"), "why": error.why_phrase},
    )


def _list_to_tuple(value: object) -> object:
    # A list of goods lines is the natural thing to pass; strict mode accepts only
    # tuples, and the event keeps a tuple (immutable), so convert just this case.
    return tuple(value) if isinstance(value, list) else value


YuanAmount = Annotated[Yuan | None, _yuan(allow_zero=False)]
YuanAmountOrZero = Annotated[Yuan | None, _yuan(allow_zero=True)]
# The fen fields' default (0) is never used: ``_one_unit`` refuses a command without its
# amount, and fills the fen field from the yuan one.
AmountFen = Annotated[int, _fen(allow_zero=False)]
AmountFenOrZero = Annotated[int, _fen(allow_zero=True)]


class Money(NamedTuple):
    """A money field given in yuan or in fen: ``yuan`` and ``fen`` name the two fields."""

    yuan: str
    fen: str
    allow_zero: bool = False
    required: bool = True


def _one_unit(money: tuple[Money, ...], data: Any) -> Any:
    """The input with each amount in its fen field: a valid yuan amount converted (its yuan
    field emptied), fen left to its field's validator. What is wrong is left for the yuan
    field's validator to refuse by the field's name, with the command's other problems: an
    invalid yuan amount as it was given, both or neither (when one is required) marked."""
    if not money or not isinstance(data, dict):
        return data
    data = dict(data)
    for m in money:
        yuan, fen = data.get(m.yuan), data.get(m.fen)
        if fen is None:
            data.pop(m.fen, None)  # not given (the typed methods pass None): the default
        if yuan is not None and fen is not None:
            why = Phrase("amount_twice", yuan=m.yuan, fen=m.fen)
            data[m.yuan] = _Unanswered("amount_twice", why)
            continue
        if yuan is None:
            if fen is None and m.required:
                why = Phrase("amount_missing", yuan=m.yuan, fen=m.fen)
                data[m.yuan] = _Unanswered("amount_missing", why)
            continue
        try:
            data[m.fen] = yuan_amount(yuan, field=m.yuan, allow_zero=m.allow_zero)
        except InvalidAmount:
            continue  # the yuan field's validator says why, by name
        data[m.yuan] = None
    return data


E_co = TypeVar("E_co", bound="LedgerEvent | None", covariant=True)


class Command(BaseModel, Generic[E_co]):
    """Fields every command carries: who does it and when it happened.

    A command is generic in the event it records (``Command[CashDonationReceived]``):
    ``Ledger.execute`` returns that type.

    Attributes:
        actor: the person responsible (经办人, 申请人, 审批人...).
        occurred_on: the business date (a ``datetime.date``).
        correction_note: why a command dated in a period its station closed is recorded
            all the same (rule 33); listed publicly as 更正说明 (rule 34).
    """

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)
    # The command's money fields, each given in yuan or in fen (``_one_unit``).
    money: ClassVar[tuple[Money, ...]] = ()

    actor: Text
    occurred_on: dt.date
    correction_note: Text | None = None

    @model_validator(mode="before")
    @classmethod
    def _one_unit(cls, data: Any) -> Any:
        return _one_unit(cls.money, data)


class FundCommand(Command[E_co]):
    """A command addressed to one fund, named by its code."""

    fund_id: Key


class OpenFund(FundCommand[FundOpened]):
    """Set up a community fund under a host charity.

    ``approval_threshold`` (yuan) or ``approval_threshold_fen`` (fen): above it a
    disbursement needs two approvers; zero is allowed.
    """

    money = (Money("approval_threshold", "approval_threshold_fen", allow_zero=True),)

    station_id: Key
    community: Text
    name: Text
    host: Text
    approval_threshold: YuanAmountOrZero = None
    approval_threshold_fen: AmountFenOrZero = 0
    publicity_required: bool = True


class ReceiveCashDonation(FundCommand[CashDonationReceived]):
    """Register a cash gift of ``amount`` yuan or ``amount_fen`` fen (``donor=None`` for
    anonymous, ``restriction=""`` unrestricted).

    ``donor_is_person``: the donor is a named person, whose name is personal data: it is
    sealed under a key of their own, so that erasing them (``EraseDonor``) makes it
    unreadable. The ledger cannot tell a person from a company by a name, so it is said.
    Without it the donor is an organisation, whose name is stored and disclosed as given.
    """

    money = (Money("amount", "amount_fen"),)

    receipt_no: Key
    amount: YuanAmount = None
    amount_fen: AmountFen = 0
    donor: Text | None = None
    restriction: OptionalText = ""
    note: Note = ""
    donor_is_person: bool = False
    pledge_id: OptionalKey = ""
    project_id: OptionalKey = ""
    budget_line: OptionalKey = ""


class RecordPledge(FundCommand[PledgeRecorded]):
    """Record a promised gift (认捐) of ``amount`` yuan or ``amount_fen`` fen: never income
    (rule 36) until the gift arrives and names it (``ReceiveCashDonation.pledge_id``).

    ``donor``: an organisation's name, ``None`` for a person or an anonymous pledge.
    ``expected_on``: when the gift is expected (may be ahead: it is not a business date).
    """

    money = (Money("amount", "amount_fen"),)

    pledge_id: Key
    amount: YuanAmount = None
    amount_fen: AmountFen = 0
    donor: Text | None = None
    restriction: OptionalText = ""
    expected_on: dt.date | None = None
    note: Note = ""


class GoodsLineInput(BaseModel):
    """One kind of goods in an in-kind gift: a ``value`` in yuan or ``value_fen`` in fen with
    its basis, or explicitly unvalued (neither)."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)
    money: ClassVar[tuple[Money, ...]] = (
        Money("value", "value_fen", allow_zero=True, required=False),
    )

    item: Text
    quantity: Quantity
    unit: Text
    value: YuanAmountOrZero = None
    value_fen: AmountFenOrZero | None = None
    basis: Literal["document", "fair_value", "unvalued"]

    @model_validator(mode="before")
    @classmethod
    def _one_unit(cls, data: Any) -> Any:
        return _one_unit(cls.money, data)

    @model_validator(mode="after")
    def _value_matches_basis(self) -> GoodsLineInput:
        if self.basis == "unvalued" and self.value_fen is not None:
            raise _problem(Phrase("unvalued_with_value"), "value_basis")
        if self.basis != "unvalued" and self.value_fen is None:
            raise _problem(Phrase("value_needed", basis=self.basis), "value_basis")
        return self


class GoodsLineFields(TypedDict, total=False):
    """A goods line as a dict (what ``Ledger.receive_goods`` also takes): the fields of
    ``GoodsLineInput``; ``value`` (yuan) or ``value_fen`` (fen) unless unvalued."""

    item: Required[str]
    quantity: Required[int]
    unit: Required[str]
    value: Yuan | None
    value_fen: int | None
    basis: Required[Literal["document", "fair_value", "unvalued"]]


class ReceiveGoodsDonation(FundCommand[InKindDonationReceived]):
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
    project_id: OptionalKey = ""
    budget_line: OptionalKey = ""


class DistributeGoods(FundCommand[GoodsDistributed]):
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


class SellGoods(FundCommand[GoodsSold]):
    """Sell goods from the stock of ``restriction``; the ``proceeds`` (yuan) or
    ``proceeds_fen`` (fen) arrive as cash in it."""

    money = (Money("proceeds", "proceeds_fen"),)

    sale_id: Key
    item: Text
    unit: Text
    quantity: Quantity
    proceeds: YuanAmount = None
    proceeds_fen: AmountFen = 0
    buyer: Text
    restriction: OptionalText = ""


class RefundDonation(FundCommand[DonationRefunded]):
    """Give (part of) a cash gift back to its donor: ``amount`` yuan or ``amount_fen`` fen."""

    money = (Money("amount", "amount_fen"),)

    refund_id: Key
    receipt_no: Key
    amount: YuanAmount = None
    amount_fen: AmountFen = 0
    reason: Prose


class ReverseDonation(FundCommand[DonationReversed]):
    """Reverse a donation entry recorded in error."""

    correction_id: Key
    receipt_no: Key
    reason: Prose


class ReversePayment(FundCommand[PaymentReversed]):
    """Reverse a payment entry recorded in error."""

    correction_id: Key
    request_id: Key
    reason: Prose


class ReleaseRestriction(FundCommand[RestrictionReleased]):
    """Reclassify restricted money as unrestricted: ``amount`` yuan or ``amount_fen`` fen."""

    money = (Money("amount", "amount_fen"),)

    release_id: Key
    restriction: Text
    amount: YuanAmount = None
    amount_fen: AmountFen = 0
    reason: Prose
    reference: OptionalText


class ChangePurpose(FundCommand[PurposeChanged]):
    """Move restricted money (``amount`` yuan or ``amount_fen`` fen) to another purpose,
    with the donor's consent reference."""

    money = (Money("amount", "amount_fen"),)

    change_id: Key
    from_restriction: Text
    to_restriction: Text
    amount: YuanAmount = None
    amount_fen: AmountFen = 0
    consent_ref: OptionalText
    reason: Prose


class RequestDisbursement(FundCommand[DisbursementRequested]):
    """Ask to spend ``amount`` yuan or ``amount_fen`` fen from a restriction (``""`` =
    unrestricted); the requester is ``actor``. Spending on a project names the project and
    the line of its budget (``project_id``, ``budget_line``: both or neither, rule 42)."""

    money = (Money("amount", "amount_fen"),)

    request_id: Key
    amount: YuanAmount = None
    amount_fen: AmountFen = 0
    purpose: Prose
    payee: Text
    restriction: OptionalText = ""
    project_id: OptionalKey = ""
    budget_line: OptionalKey = ""


class ApproveDisbursement(FundCommand[DisbursementApproved]):
    """Approve a request as ``actor``."""

    request_id: Key


class PublicizeDisbursement(FundCommand[DisbursementPublicized]):
    """Record the public notice (公示) of an approved request."""

    request_id: Key
    notice_ref: Text
    notice_from: dt.date
    notice_to: dt.date


class PayDisbursement(FundCommand[DisbursementPaid]):
    """Pay an approved request, with the payment voucher number (凭证号)."""

    request_id: Key
    voucher_no: Key


class RejectDisbursement(FundCommand[DisbursementRejected]):
    """Turn a request down."""

    request_id: Key
    reason: Prose


class CancelDisbursement(FundCommand[DisbursementCancelled]):
    """Withdraw a request."""

    request_id: Key
    reason: Prose


class CloseFund(FundCommand[FundClosed]):
    """Close a fund, first moving any cash left to ``transfer_to`` (another fund's code)."""

    reason: Prose
    transfer_to: Key | None = None


C = TypeVar("C", bound=BaseModel)


def validate_command(model: type[C], data: dict[str, Any]) -> C:
    """Build a command model, or raise the ledger's ``InvalidInput``/``InvalidAmount``.

    Every bad field is listed; a bad amount raises ``InvalidAmount`` (a subclass of
    ``InvalidInput``) so callers can tell money mistakes apart.

    Raises:
        InvalidAmount: an amount is refused (the first, by its field).
        InvalidInput: any other problem, every bad field listed.
    """
    try:
        return model.model_validate(data)
    except ValidationError as e:
        raise input_error(e) from None


def input_error(error: ValidationError, positional: Sequence[str] = ()) -> InvalidInput:
    """pydantic's ``ValidationError`` as the ledger's ``InvalidInput`` (``InvalidAmount`` for
    the first refused amount), each problem named by its field (an argument passed by
    position named from ``positional``, the parameters in order)."""
    problems = []
    for err in error.errors():
        ctx = err.get("ctx") or {}
        loc = list(err["loc"])
        if loc and isinstance(loc[0], int) and loc[0] < len(positional):
            loc[0] = positional[loc[0]]
        field = ".".join(str(p) for p in loc)
        if err["type"] == "invalid_amount":
            why = ctx.get("why")
            return InvalidAmount(
                field, err["input"], why if isinstance(why, Phrase) else err["msg"]
            )
        phrase = ctx.get("phrase")
        if not isinstance(phrase, Phrase):  # pydantic's own: its English, and ours for Chinese
            phrase = input_problem(err["type"], err["msg"], ctx)
        problems.append((field or "command", phrase))
    return InvalidInput(problems)


P = ParamSpec("P")
R = TypeVar("R")
# A query's arguments are checked as strictly as a command's fields: a date is a
# ``datetime.date`` (not its text, not a datetime), a year or a position an ``int`` (not a
# bool), a code ``str``.
_QUERY_CONFIG = ConfigDict(strict=True, arbitrary_types_allowed=True)


def validated_query(method: Callable[P, R]) -> Callable[P, R]:
    """``method`` with its arguments checked against its annotations (pydantic's
    ``validate_call``, strict) before it runs: a wrong type, a missing or unknown argument
    is ``InvalidInput`` naming the argument, never a ``TypeError`` from deep inside."""
    checked = validate_call(config=_QUERY_CONFIG)(method)
    positional = tuple(inspect.signature(method).parameters)

    @functools.wraps(method)
    def call(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            result: R = checked(*args, **kwargs)
            return result
        except ValidationError as e:
            if e.title != method.__qualname__:  # not the arguments: raised inside
                raise
            raise input_error(e, positional) from None

    return call


def event_type(model: type[Command[Any]]) -> Any:
    """The event a command model says it records (``CashDonationReceived`` for
    ``ReceiveCashDonation``; ``VolunteerJoinedTeam | None`` where it may record nothing)."""
    for cls in model.__mro__:
        meta = getattr(cls, "__pydantic_generic_metadata__", None)
        if meta and meta["origin"] is not None and issubclass(meta["origin"], Command):
            return meta["args"][0]
    raise TypeError(f"{model.__name__} names no event")


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


# 星级志愿者 thresholds: five whole hours, strictly increasing (rule 51).
StarThresholds = Annotated[
    tuple[Annotated[int, Field(gt=0)], ...],
    BeforeValidator(_list_to_tuple),
    Field(min_length=STAR_LEVELS, max_length=STAR_LEVELS),
]


class SetStationPolicy(Command[StationPolicySet]):
    """Set how a station's service records and time bank work (see ``StationPolicySet``)."""

    station_id: Key
    name: Text
    auto_approve: bool = False
    bank_rate_pct: Annotated[int, Field(gt=0, le=1000)] = 100
    bank_automatic: bool = False
    bank_limit_s: Annotated[int, Field(le=0, ge=-CREDIT_S_MAX)] = 0
    notice_days_min: Annotated[int, Field(ge=1, le=366)] = 5
    over_budget_allowed: bool = False
    star_thresholds_h: StarThresholds = STAR_THRESHOLDS_H_DEFAULT

    @field_validator("star_thresholds_h")
    @classmethod
    def _thresholds_increase(cls, value: tuple[int, ...]) -> tuple[int, ...]:
        problem = thresholds_problem(value)
        if problem is not None:
            raise _problem(problem, "star_thresholds")
        return value


class RegisterVolunteer(Command[VolunteerRegistered]):
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


class CorrectVolunteerProfile(Command[VolunteerProfileCorrected]):
    """Correct one profile field with a reason (the new value as text; dates as YYYY-MM-DD,
    lists separated by "、", consent as true/false)."""

    volunteer_id: Key
    correction_id: Key
    field: ProfileField
    value: OptionalText
    reason: Prose

    @field_validator("value")
    @classmethod
    def _value_fits_field(cls, value: str, info: ValidationInfo) -> str:
        field = info.data.get("field")
        if field == "consent" and value not in ("true", "false"):
            raise _problem(Phrase("consent_true_false"), "consent")
        if field == "birth_date" and value:
            try:
                dt.date.fromisoformat(value)
            except ValueError:
                raise _problem(Phrase("birth_date_format"), "birth_date") from None
        return value


class ClaimIdNumber(Command[IdNumberClaimed | None]):
    """Claim the ID number a registered volunteer holds now (rule 39): internal, run by
    ``Ledger.upgrade`` for volunteers that hold no claim (``service.id_claim_upgrade``).

    Records nothing when the volunteer holds the claim already or has no ID number.
    """

    volunteer_id: Key


class ErasePersonalData(Command[PersonalDataErased]):
    """Erase a volunteer's personal data (个人信息保护法 Art.47): ``requested_by`` asked,
    ``actor`` entered it. Name the requester by volunteer id or role (本人, 监护人), never by
    the personal data being erased."""

    volunteer_id: Key
    reason: Text
    requested_by: Text


class EraseDonor(Command[DonorErased]):
    """Erase an individual donor's name (个人信息保护法 Art.47): ``donor`` as their gifts name
    them; ``requested_by`` asked (本人, 监护人: never their name), ``actor`` entered it."""

    donor: Text
    reason: Text
    requested_by: Text


class JoinTeam(Command[VolunteerJoinedTeam | None]):
    """The volunteer joins a team (志愿服务队)."""

    volunteer_id: Key
    team: Text


class LeaveTeam(Command[VolunteerLeftTeam | None]):
    """The volunteer leaves a team."""

    volunteer_id: Key
    team: Text
    reason: Prose


class DeactivateVolunteer(Command[VolunteerDeactivated | None]):
    """The volunteer stops serving; records and certificates stay."""

    volunteer_id: Key
    reason: Prose


class PublishActivity(Command[ActivityPublished]):
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
    project_id: OptionalKey = ""
    budget_line: OptionalKey = ""


class RecordService(Command[ServiceRecorded]):
    """Record that a volunteer served an activity; ``actor`` is who recorded it (记录人).

    Give either ``started_at`` and ``ended_at`` (timezone-aware), or ``duration_s`` or
    ``duration_minutes`` with ``service_date``. Service over several days (a camp, a relief
    week) is one record: its ``service_date`` is the first day, ``ends_on`` the last, and
    its time a duration (at most 24 hours per day, rule 38).
    """

    record_id: Key
    volunteer_id: Key
    activity_id: Key
    started_at: AwareDatetime | None = None
    ended_at: AwareDatetime | None = None
    duration_s: Annotated[int, Field(gt=0)] | None = None
    duration_minutes: Annotated[int, Field(gt=0)] | None = None
    service_date: dt.date | None = None
    ends_on: dt.date | None = None
    place: OptionalText = ""
    content: Note = ""
    team: OptionalText = ""
    project_id: OptionalKey = ""
    budget_line: OptionalKey = ""

    @model_validator(mode="after")
    def _one_way_of_giving_time(self) -> RecordService:
        interval = self.started_at is not None or self.ended_at is not None
        durations = (self.duration_s is not None) + (self.duration_minutes is not None)
        if interval and (self.started_at is None or self.ended_at is None):
            raise _problem(Phrase("service_time_both_ends"), "service_time")
        if interval + durations != 1:
            raise _problem(Phrase("service_time_one_way"), "service_time")
        if not interval and self.service_date is None:
            raise _problem(Phrase("service_time_no_date"), "service_time")
        if self.ends_on is not None:
            if interval:
                raise _problem(Phrase("service_time_days_interval"), "service_time")
            assert self.service_date is not None
            if self.ends_on < self.service_date:
                raise _problem(Phrase("service_time_ends_before"), "service_time")
        return self


class ApproveService(Command[ServiceApproved]):
    """Approve a service record; the approver (``actor``) is not its recorder."""

    volunteer_id: Key
    record_id: Key


class CorrectService(Command[ServiceCorrected]):
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
            raise _problem(Phrase("service_time_correction"), "service_time")
        return self


class VoidService(Command[ServiceVoided | None]):
    """Void a service record with a reason."""

    volunteer_id: Key
    record_id: Key
    reason: Prose


class BankHours(Command[HoursBanked]):
    """Deposit an approved service record in the time bank (once per record)."""

    volunteer_id: Key
    record_id: Key


class RedeemHours(Command[HoursRedeemed]):
    """Spend time-bank credit (seconds) on a service or goods, approved by ``approver``."""

    volunteer_id: Key
    redemption_id: Key
    credit_s: Seconds
    item: Text
    quantity: Quantity = 1
    counterparty: Text
    approver: Text


class RedeemHoursForGoods(Command[HoursRedeemed]):
    """Spend time-bank credit (seconds) on goods from a fund's stock (爱心超市) of the
    volunteer's station, approved by ``approver``: the credit and the goods leave together
    in one write, or nothing is recorded. The distribution takes ``redemption_id`` as its id.

    ``restriction`` names the stock the goods come from (``""`` = unrestricted).
    """

    volunteer_id: Key
    redemption_id: Key
    credit_s: Seconds
    fund_id: Key
    item: Text
    unit: Text
    quantity: Quantity = 1
    approver: Text
    restriction: OptionalText = ""


class TransferHours(Command[HoursTransferredOut]):
    """Give time-bank credit (seconds) to another member."""

    volunteer_id: Key
    transfer_id: Key
    to_volunteer_id: Key
    credit_s: Seconds
    reason: Prose


class AdjustHours(Command[HoursAdjusted]):
    """Expire (negative) or adjust time-bank credit, with authorisation and a reason."""

    volunteer_id: Key
    adjustment_id: Key
    credit_s: Annotated[int, Field(ge=-CREDIT_S_MAX, le=CREDIT_S_MAX)]
    kind: Literal["expiry", "adjustment"]
    authorised_by: Text
    reason: Prose


class IssueCertificate(Command[CertificateIssued]):
    """Issue a numbered service certificate for a period; ``actor`` is the issuer."""

    volunteer_id: Key
    certificate_no: Key
    period_from: dt.date
    period_to: dt.date
    issuing_station: Text


class RevokeCertificate(Command[CertificateRevoked]):
    """Revoke a certificate with a reason."""

    volunteer_id: Key
    certificate_no: Key
    reason: Prose


# ---- a station's publications and closed periods ---------------------------------------------


class PublishReport(Command[ReportPublished]):
    """Record that a station published a report (rule 32): a disclosure (信息公开) or an annual
    report (年报) for ``period_from .. period_to``, with the anchor printed on it (its text
    form, ``sha256:position:hex``, an anchor of this store)."""

    station_id: Key
    kind: ReportKind
    period_from: dt.date
    period_to: dt.date
    anchor: Text
    note: OptionalText = ""


class ClosePeriod(Command[PeriodClosed]):
    """Close a station's period ``period_from .. period_to`` (a month, a quarter, a year or any
    span; rule 33): the anchor of the store now is recorded with it."""

    station_id: Key
    period_from: dt.date
    period_to: dt.date
    reason: Prose


# ---- a station's projects (rules 40 to 44) --------------------------------------------------


class BudgetLineInput(BaseModel):
    """One line of a project's budget: its ``code``, ``name`` and ``amount`` in yuan or
    ``amount_fen`` in fen (zero allowed: a line kept for later amendments)."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)
    money: ClassVar[tuple[Money, ...]] = (Money("amount", "amount_fen", allow_zero=True),)

    code: Key
    name: Text
    amount: YuanAmountOrZero = None
    amount_fen: AmountFenOrZero = 0

    @model_validator(mode="before")
    @classmethod
    def _one_unit(cls, data: Any) -> Any:
        return _one_unit(cls.money, data)


class BudgetLineFields(TypedDict, total=False):
    """A budget line as a dict (what ``Ledger.open_project`` also takes): the fields of
    ``BudgetLineInput``, ``amount`` (yuan) or ``amount_fen`` (fen)."""

    code: Required[str]
    name: Required[str]
    amount: Yuan | None
    amount_fen: int | None


class ProjectCommand(Command[E_co]):
    """A command addressed to one project, named by its code."""

    project_id: Key


class OpenProject(ProjectCommand[ProjectOpened]):
    """Open a station's project (项目) with its period (both days included), the funds it
    draws on and its budget lines (rule 40)."""

    station_id: Key
    name: Text
    starts_on: dt.date
    ends_on: dt.date
    fund_ids: Annotated[
        tuple[Key, ...],
        BeforeValidator(_list_to_tuple),
        Field(min_length=1, max_length=FUNDS_PER_PROJECT_MAX),
    ]
    lines: Annotated[
        tuple[BudgetLineInput, ...],
        BeforeValidator(_list_to_tuple),
        Field(min_length=1, max_length=BUDGET_LINES_MAX),
    ]


class AmendBudgetLine(ProjectCommand[BudgetLineAmended]):
    """Set a budget line's amount by an amendment of its own (预算调整, rule 40), with the
    reason; ``amendment_id`` is the station's number for it."""

    money = (Money("amount", "amount_fen", allow_zero=True),)

    amendment_id: Key
    line_code: Key
    amount: YuanAmountOrZero = None
    amount_fen: AmountFenOrZero = 0
    reason: Prose


class CloseProject(ProjectCommand[ProjectClosed]):
    """Close a project (结项): nothing new may name it from then on."""

    reason: Prose


# ---- a station's people and who may do what (rules 25 to 29) ---------------------------------

RoleCode = Literal["social_worker", "clerk", "cashier", "committee", "auditor", "admin"]
Roles = Annotated[
    tuple[RoleCode, ...], BeforeValidator(_list_to_tuple), Field(min_length=1, max_length=6)
]


class AddPerson(Command[PersonAdded]):
    """Register a person who works at the station, with their roles (rule 25): the first
    person of a station is an administrator (``admin``), added by whoever sets the ledger
    up; the others are added by an administrator.

    Roles: ``social_worker`` (社工), ``clerk`` (录入员), ``cashier`` (出纳), ``committee``
    (管委会), ``auditor`` (审计, holds no other role), ``admin`` (管理员).
    """

    station_id: Key
    person_id: Key
    name: Text
    roles: Roles


class GrantRole(Command[RoleGranted | None]):
    """Give a registered person one more role (nothing is recorded if they hold it)."""

    station_id: Key
    person_id: Key
    role: RoleCode


class WithdrawRole(Command[RoleWithdrawn]):
    """Take a role away from a registered person, with a reason."""

    station_id: Key
    person_id: Key
    role: RoleCode
    reason: Prose


class DeregisterPerson(Command[PersonLeft | None]):
    """A registered person leaves the station: they may act for it no more."""

    station_id: Key
    person_id: Key
    reason: Prose


class SetAccessPolicy(Command[AccessPolicySet]):
    """Set which roles may record, approve, pay and configure at a station (rule 27), and
    whether an approver may also pay; each default is the policy of a station that never
    set one."""

    station_id: Key
    record: Roles = ("social_worker", "clerk")
    approve: Roles = ("committee",)
    pay: Roles = ("cashier",)
    configure: Roles = ("admin",)
    approver_may_pay: bool = False


# ---- the store's register of levels (district, station, community room) -----------------------


class RegisterUnit(Command[UnitRegistered]):
    """Register a unit (the code its records carry as ``station_id``) at ``level``, under
    ``parent_id``: a district has none, a station's is a district (or none in a store that
    keeps no district), a community room's is a station. Configuring the register is an
    administrator's action wherever a register of people exists."""

    unit_id: Key
    level: UnitLevel
    parent_id: OptionalKey = ""
    name: Text


class RenameUnit(Command[UnitRenamed | None]):
    """Rename a unit (its code, what records carry, stays)."""

    unit_id: Key
    name: Text


class MoveUnit(Command[UnitMoved]):
    """Move a unit under another parent from ``occurred_on`` on, with the reason."""

    unit_id: Key
    parent_id: OptionalKey
    reason: Prose


class RetireUnit(Command[UnitRetired | None]):
    """Retire a unit (merged, closed): its records keep counting at its parent."""

    unit_id: Key
    reason: Prose


# ---- service delivery: cases, groups, community activities, supervision (rules 45 to 49) ----

# At most this many people identified in one session (a sheet's cell of resident numbers).
IDENTIFIED_MAX = 10_000
Count = Annotated[int, Field(ge=0, le=QUANTITY_MAX)]
SessionSeconds = Annotated[int, Field(gt=0, le=CREDIT_S_MAX)]
Identifiers = Annotated[
    tuple[Text, ...], BeforeValidator(_list_to_tuple), Field(max_length=IDENTIFIED_MAX)
]


class OpenCase(Command[CaseOpened]):
    """Open a case (建档) at a station on ``occurred_on``.

    ``served_person`` is an identifier of the person the station uses (a resident number, a
    phone number), ``""`` for none: it is never stored, only a random reference to a key
    of the person's own, so that they count once however many sessions they attend.
    """

    station_id: Key
    case_id: Key
    social_worker: Text
    served_person: OptionalText = ""
    project_id: OptionalKey = ""
    budget_line: OptionalKey = ""


class RecordCaseSession(Command[CaseSessionRecorded]):
    """A session of an open case on ``occurred_on`` (one 人次), ``duration_s`` at most a day."""

    station_id: Key
    case_id: Key
    session_id: Key
    duration_s: SessionSeconds
    worker: Text
    content: Note = ""
    project_id: OptionalKey = ""
    budget_line: OptionalKey = ""


class CloseCase(Command[CaseClosed]):
    """Close a case (结案) on ``occurred_on``, with the reason."""

    station_id: Key
    case_id: Key
    reason: Prose


class CreateGroup(Command[GroupCreated]):
    """Set up a group (小组) on ``occurred_on``; setting it up again with the same
    description records nothing, whatever the date."""

    station_id: Key
    group_id: Key
    name: Text
    theme: OptionalText = ""
    project_id: OptionalKey = ""
    budget_line: OptionalKey = ""


class HoldGroupSession(Command[GroupSessionHeld]):
    """A session (节) of a group on ``occurred_on``: ``participants`` people took part, of whom
    the station may identify some (``identified``: at most ``participants``, each once)."""

    station_id: Key
    group_id: Key
    session_id: Key
    duration_s: SessionSeconds
    participants: Count
    identified: Identifiers = ()
    content: Note = ""
    project_id: OptionalKey = ""
    budget_line: OptionalKey = ""


class CreateCommunityActivity(Command[CommunityActivityCreated]):
    """Set up a community activity (社区活动) on ``occurred_on``; setting it up again with the
    same description records nothing, whatever the date."""

    station_id: Key
    activity_id: Key
    name: Text
    theme: OptionalText = ""
    project_id: OptionalKey = ""
    budget_line: OptionalKey = ""


class HoldCommunityActivitySession(Command[CommunityActivitySessionHeld]):
    """A session of a community activity on ``occurred_on``: ``attendance`` people attended, of
    whom the station may identify some (``identified``: at most ``attendance``, each once)."""

    station_id: Key
    activity_id: Key
    session_id: Key
    duration_s: SessionSeconds
    attendance: Count
    identified: Identifiers = ()
    content: Note = ""
    project_id: OptionalKey = ""
    budget_line: OptionalKey = ""


class RecordSupervision(Command[SupervisionRecorded]):
    """Supervision (督导) or training (培训) of the station's staff on ``occurred_on``:
    ``count`` sessions, ``duration_s`` in all (at most a day); never volunteer service."""

    station_id: Key
    record_id: Key
    kind: DeliveryKind
    count: Annotated[int, Field(ge=1, le=QUANTITY_MAX)]
    duration_s: SessionSeconds
    supervisor: Text
    note: Note = ""
    project_id: OptionalKey = ""
    budget_line: OptionalKey = ""


class EraseServedPerson(Command[ServedPersonErased]):
    """Erase a served person's identity (个人信息保护法 Art.47): ``served_person`` as the
    station identified them; ``requested_by`` asked (本人, 监护人: never the identifier)."""

    station_id: Key
    served_person: Text
    reason: Text
    requested_by: Text


# ---- teams, awards and evaluations (rules 50 to 53) -------------------------------------------


class TeamCommand(Command[E_co]):
    """A command addressed to one team, named by its code."""

    team_id: Key


class FormTeam(TeamCommand[TeamFormed]):
    """Form a volunteer team (志愿服务队) at a station on ``occurred_on``."""

    station_id: Key
    name: Text


class AddTeamMember(TeamCommand[TeamMemberJoined]):
    """A volunteer of the team's station joins it on ``occurred_on``."""

    volunteer_id: Key


class RemoveTeamMember(TeamCommand[TeamMemberLeft]):
    """A member leaves the team on ``occurred_on``, with a reason."""

    volunteer_id: Key
    reason: Prose


class NameTeamLeader(TeamCommand[TeamLeaderNamed]):
    """Name a member the team's leader (队长) from ``occurred_on``."""

    volunteer_id: Key


class DissolveTeam(TeamCommand[TeamDissolved]):
    """Dissolve the team on ``occurred_on``, with a reason."""

    reason: Prose


class GrantAward(Command[AwardGranted]):
    """Record an award (表彰) to a volunteer or a team of a station: never service hours."""

    station_id: Key
    award_id: Key
    recipient: AwardRecipient
    recipient_id: Key
    title: Text
    awarding_body: Text


class RecordEvaluation(Command[EvaluationRecorded]):
    """Record a volunteer's evaluation (评价) for a period: never service hours."""

    station_id: Key
    evaluation_id: Key
    volunteer_id: Key
    period_from: dt.date
    period_to: dt.date
    result: Text
    evaluator: Text
