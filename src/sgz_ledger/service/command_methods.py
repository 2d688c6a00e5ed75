"""The ledger's commands as typed methods: one per command model, with the model's fields as
explicit keyword-only parameters, each returning the event its command records.

``LedgerService`` inherits them (``CommandMethods``), so ``Ledger(...).receive_cash(...)``
is a ``CashDonationReceived`` for mypy and at run time. Each method hands its arguments to
its command model (``service.commands``), which checks them before anything is loaded:
a bad shape or type is ``InvalidInput``, a bad amount ``InvalidAmount``, and nothing is
recorded. Then ``execute`` runs the command in one unit of work.

Money is given by the name of its unit: ``amount`` in yuan (``Decimal`` or text, like
``"12000.00"``) or ``amount_fen`` in fen (``int``), exactly one of the two; an ``int`` or a
``float`` in a yuan field is refused (``InvalidAmount``, naming the fen field).

Every command takes ``correction_note``: a command dated in a period its station closed is
refused (``PeriodClosedError``, rule 33) unless it carries one; it is then recorded and
listed as 更正说明 in the station's next disclosure and annual report (rule 34).

Every command may also raise, besides what its method lists: ``ReadOnlyStore`` (the
ledger was opened read-only), ``IdempotencyConflict`` (its id was recorded before with
other fields; a repeat with the same fields returns the first event and records nothing),
``ConcurrencyConflict`` (other writers kept changing the same aggregates) and
``StoreError`` (the store failed; nothing was recorded).
"""

from __future__ import annotations

import datetime as dt
import functools
import inspect
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any, Literal, ParamSpec, TypeAlias, TypeVar, cast

from sgz_ledger.domain.errors import InvalidInput
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
from sgz_ledger.domain.stars import STAR_THRESHOLDS_H_DEFAULT
from sgz_ledger.service import commands as b
from sgz_ledger.service.unit_of_work import CommandRunner

__all__ = ["CommandMethods"]

RoleCode: TypeAlias = Literal["social_worker", "clerk", "cashier", "committee", "auditor", "admin"]
LevelCode: TypeAlias = Literal["district", "station", "community"]

E = TypeVar("E", bound="LedgerEvent | None")
C = TypeVar("C", bound="b.Command[Any]")
P = ParamSpec("P")
R = TypeVar("R")


def _refusing_bad_calls(method: Callable[P, R]) -> Callable[P, R]:
    """``method``, with a call Python cannot bind (a missing, misspelled or positional
    argument) refused as ``InvalidInput`` naming the fields, like every other bad input:
    mypy finds these mistakes, but a caller without it (a script, a notebook) would
    otherwise get a ``TypeError`` where the ledger promises its own errors."""
    signature = inspect.signature(method)

    @functools.wraps(method)
    def call(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return method(*args, **kwargs)
        except TypeError as e:
            # Raised by the call itself (no frame of the method): the arguments did not bind.
            if e.__traceback__ is None or e.__traceback__.tb_next is not None:
                raise
            raise _call_problems(signature, len(args), kwargs) from None

    return call


def _call_problems(
    signature: inspect.Signature, positional: int, given: dict[str, Any]
) -> InvalidInput:
    """What is wrong with a call of a command method, in pydantic's words."""
    params = signature.parameters
    extra = input_problem("extra_forbidden", "Extra inputs are not permitted", {})
    missing = input_problem("missing", "Field required", {})
    problems = [(name, extra) for name in given if name not in params]
    problems += [
        (name, missing)
        for name, p in params.items()
        if p.kind is p.KEYWORD_ONLY and p.default is p.empty and name not in given
    ]
    if positional > 1:
        problems.append(("arguments", Phrase("keyword_arguments_only")))
    return InvalidInput(problems or [("arguments", Phrase("arguments_do_not_fit"))])


def _fields(arguments: dict[str, Any]) -> dict[str, Any]:
    """A method's arguments (its ``locals()`` on entry) as its command's fields: the
    parameters are the command model's fields by name (a test checks that they match)."""
    return {name: value for name, value in arguments.items() if name != "self"}


class CommandMethods:
    """The command methods of ``LedgerService``: ``execute`` and its batches, and one typed
    method per command model."""

    commands: CommandRunner

    def _command(self, model: type[C], arguments: dict[str, Any]) -> C:
        return b.validate_command(model, _fields(arguments))

    # ---- running commands ------------------------------------------------------------

    def execute(self, command: b.Command[E]) -> E:
        """Run one validated command in one unit of work.

        Typed by the command: ``execute(ReceiveCashDonation(...))`` is a
        ``CashDonationReceived`` (each model names its event, ``b.Command[E]``).

        Returns:
            The event it recorded, or the one recorded before when the command repeats an
            earlier one exactly (``None`` for the few commands that may record nothing:
            joining a team joined already, leaving one not joined, deactivating or voiding
            again).

        Raises:
            LedgerError: the rule of the domain that refused it (``RuleViolation``,
                ``NotFound``...), with nothing recorded.
        """
        return cast(E, self.commands.run([command])[0])

    def execute_batch(
        self, commands: Sequence[b.Command[E]], *, progress: Callable[[int], None] | None = None
    ) -> list[E]:
        """Run many commands with every rule, in order, and save them in one transaction.

        Args:
            commands: validated commands (at most ``BATCH_COMMANDS_MAX``).
            progress: called with the number of commands run so far, now and then.

        Returns:
            Each command's event, in order (typed by the commands' common event type).

        Raises:
            BatchCommandRefused: a command was refused; nothing of the batch is recorded.
        """
        return cast(list[E], self.commands.run(commands, batch=True, progress=progress))

    def check_batch(
        self, commands: Sequence[b.Command[E]], *, progress: Callable[[int], None] | None = None
    ) -> list[E]:
        """Run a batch with every rule against the store as it is, and record nothing.

        For importers that report every bad row before recording a file: the results
        are the events the batch would record.

        Raises:
            BatchCommandRefused: the first refused command, as ``execute_batch`` would.
        """
        return cast(
            list[E], self.commands.run(commands, batch=True, dry_run=True, progress=progress)
        )

    # ---- funds: gifts, goods, restrictions, disbursements, closing -----------------------

    @_refusing_bad_calls
    def open_fund(
        self,
        *,
        fund_id: str,
        station_id: str,
        community: str,
        name: str,
        host: str,
        approval_threshold: Decimal | str | None = None,
        approval_threshold_fen: int | None = None,
        publicity_required: bool = True,
        actor: str,
        occurred_on: dt.date,
        correction_note: str | None = None,
    ) -> FundOpened:
        """Open a community fund (社区基金) under a host charity; repeating it is a no-op.

        Args:
            fund_id: the fund's code, unique in the store.
            station_id: the station the fund belongs to.
            approval_threshold: in yuan (or ``approval_threshold_fen`` in fen; one of the
                two): a disbursement above it needs two distinct approvers. Zero is allowed.
            publicity_required: 公示 before payment.
            actor: who registered it; ``occurred_on``: the date it was set up.

        Raises:
            InvalidInput: a field's shape or type (``InvalidAmount`` for the threshold).
            IdempotencyConflict: the fund was opened before with other fields.
        """
        return self.execute(self._command(b.OpenFund, locals()))

    @_refusing_bad_calls
    def receive_cash(
        self,
        *,
        fund_id: str,
        receipt_no: str,
        amount: Decimal | str | None = None,
        amount_fen: int | None = None,
        donor: str | None = None,
        donor_is_person: bool = False,
        restriction: str = "",
        note: str = "",
        pledge_id: str = "",
        project_id: str = "",
        budget_line: str = "",
        actor: str,
        occurred_on: dt.date,
        correction_note: str | None = None,
    ) -> CashDonationReceived:
        """Register a cash gift (rule 7) under its receipt number.

        Args:
            amount: the gift in yuan (``"12000.00"``), or ``amount_fen`` in fen: one of the two.
            donor: ``None`` for an anonymous gift.
            donor_is_person: the donor is a named person: their name is sealed under a key of
                their own (``erase_donor`` destroys it); without it the donor is an
                organisation, named in clear.
            restriction: the purpose the gift is restricted to (``""``: unrestricted).
            pledge_id: the pledge of this fund the gift fulfils (``record_pledge``).
            project_id: the project the gift is for (one drawing on this fund, open on
                ``occurred_on``).
            budget_line: optionally, a line of that project's budget.

        Raises:
            InvalidAmount: the amount (an ``int`` in ``amount`` is refused: it would be fen).
            NotFound: no such fund, or no such pledge (``ProjectNotFound``: no such project).
            ProjectRefused, UnknownBudgetLine: the project does not fit (rule 41).
            FundNotOpen: the fund is closed.
            FutureDate: ``occurred_on`` is after today (rule 35).
        """
        return self.execute(self._command(b.ReceiveCashDonation, locals()))

    @_refusing_bad_calls
    def record_pledge(
        self,
        *,
        fund_id: str,
        pledge_id: str,
        amount: Decimal | str | None = None,
        amount_fen: int | None = None,
        donor: str | None = None,
        restriction: str = "",
        expected_on: dt.date | None = None,
        note: str = "",
        actor: str,
        occurred_on: dt.date,
        correction_note: str | None = None,
    ) -> PledgeRecorded:
        """Record a promised gift (认捐, rule 36): never income, no balance or report counts
        it; the gift, when it arrives, names it (``receive_cash(pledge_id=...)``).

        Args:
            amount: the pledge in yuan, or ``amount_fen`` in fen: one of the two.
            donor: an organisation's name; ``None`` for a person or an anonymous pledge.
            expected_on: when the gift is expected (it may be ahead).

        Raises:
            InvalidAmount: the amount.
            NotFound: no such fund.
            FundNotOpen: the fund is closed.
        """
        return self.execute(self._command(b.RecordPledge, locals()))

    @_refusing_bad_calls
    def receive_goods(
        self,
        *,
        fund_id: str,
        receipt_no: str,
        items: list[b.GoodsLineInput | b.GoodsLineFields]
        | tuple[b.GoodsLineInput | b.GoodsLineFields, ...],
        donor: str | None = None,
        donor_is_person: bool = False,
        restriction: str = "",
        note: str = "",
        project_id: str = "",
        budget_line: str = "",
        actor: str,
        occurred_on: dt.date,
        correction_note: str | None = None,
    ) -> InKindDonationReceived:
        """Register an in-kind gift (rules 7, 8): the goods enter the stock of ``restriction``.

        Args:
            items: one line per kind of goods: ``item``, ``quantity``, ``unit``, ``basis``
                (``document``, ``fair_value``, or ``unvalued``) and, unless unvalued, ``value``
                in yuan or ``value_fen`` in fen; as ``GoodsLineInput`` or a dict of those.
            donor: as for ``receive_cash``.
            donor_is_person: as for ``receive_cash``.
            restriction: as for ``receive_cash``.
            project_id: as for ``receive_cash``.
            budget_line: as for ``receive_cash``.

        Raises:
            InvalidInput: a line's shape (a value with ``unvalued``, none without).
            InvalidAmount: a line's value.
            NotFound: no such fund.
            FundNotOpen: the fund is closed.
        """
        return self.execute(self._command(b.ReceiveGoodsDonation, locals()))

    @_refusing_bad_calls
    def distribute_goods(
        self,
        *,
        fund_id: str,
        distribution_id: str,
        item: str,
        unit: str,
        quantity: int,
        recipient: str,
        signed_off_by: str,
        purpose: str,
        restriction: str = "",
        actor: str,
        occurred_on: dt.date,
        correction_note: str | None = None,
    ) -> GoodsDistributed:
        """Give goods from the stock of ``restriction`` to a recipient, signed off by someone.

        Raises:
            NotFound: no such fund.
            InsufficientStock: fewer of the goods in that stock.
            FundNotOpen: the fund is closed.
        """
        return self.execute(self._command(b.DistributeGoods, locals()))

    @_refusing_bad_calls
    def sell_goods(
        self,
        *,
        fund_id: str,
        sale_id: str,
        item: str,
        unit: str,
        quantity: int,
        proceeds: Decimal | str | None = None,
        proceeds_fen: int | None = None,
        buyer: str,
        restriction: str = "",
        actor: str,
        occurred_on: dt.date,
        correction_note: str | None = None,
    ) -> GoodsSold:
        """Sell goods from the stock of ``restriction``; the proceeds arrive as cash in it.

        Args:
            proceeds: in yuan, or ``proceeds_fen`` in fen: one of the two.

        Raises:
            InvalidAmount: the proceeds.
            NotFound: no such fund.
            InsufficientStock: fewer of the goods in that stock.
            FundNotOpen: the fund is closed.
        """
        return self.execute(self._command(b.SellGoods, locals()))

    @_refusing_bad_calls
    def refund_donation(
        self,
        *,
        fund_id: str,
        refund_id: str,
        receipt_no: str,
        amount: Decimal | str | None = None,
        amount_fen: int | None = None,
        reason: str,
        actor: str,
        occurred_on: dt.date,
        correction_note: str | None = None,
    ) -> DonationRefunded:
        """Give (part of) a cash gift back to its donor.

        Args:
            amount: in yuan, or ``amount_fen`` in fen: one of the two.

        Raises:
            InvalidAmount: the amount.
            NotFound: no such fund or receipt.
            InvalidTransition: the gift is in kind, or was reversed.
            RuleViolation: more than the gift's unrefunded rest.
            InsufficientFunds: less than that available in the gift's restriction.
        """
        return self.execute(self._command(b.RefundDonation, locals()))

    @_refusing_bad_calls
    def reverse_donation(
        self,
        *,
        fund_id: str,
        correction_id: str,
        receipt_no: str,
        reason: str,
        actor: str,
        occurred_on: dt.date,
        correction_note: str | None = None,
    ) -> DonationReversed:
        """Reverse a donation entry recorded in error (its money or goods leave again).

        Raises:
            NotFound: no such fund or receipt.
            InvalidTransition: already reversed, or partly refunded.
            InsufficientFunds: the gift's money was spent.
            InsufficientStock: the gift's goods were given out.
        """
        return self.execute(self._command(b.ReverseDonation, locals()))

    @_refusing_bad_calls
    def reverse_payment(
        self,
        *,
        fund_id: str,
        correction_id: str,
        request_id: str,
        reason: str,
        actor: str,
        occurred_on: dt.date,
        correction_note: str | None = None,
    ) -> PaymentReversed:
        """Reverse a payment entry recorded in error (the money returns to its restriction).

        Raises:
            NotFound: no such fund or request.
            InvalidTransition: the request is not paid.
        """
        return self.execute(self._command(b.ReversePayment, locals()))

    @_refusing_bad_calls
    def release_restriction(
        self,
        *,
        fund_id: str,
        release_id: str,
        restriction: str,
        amount: Decimal | str | None = None,
        amount_fen: int | None = None,
        reason: str,
        reference: str,
        actor: str,
        occurred_on: dt.date,
        correction_note: str | None = None,
    ) -> RestrictionReleased:
        """Reclassify restricted money as unrestricted, citing the consent or decision.

        Args:
            amount: in yuan, or ``amount_fen`` in fen: one of the two.
            reference: the donor's consent or the decision allowing it.

        Raises:
            InvalidAmount: the amount.
            ConsentRequired: no reference.
            InsufficientFunds: less available in the restriction.
        """
        return self.execute(self._command(b.ReleaseRestriction, locals()))

    @_refusing_bad_calls
    def change_purpose(
        self,
        *,
        fund_id: str,
        change_id: str,
        from_restriction: str,
        to_restriction: str,
        amount: Decimal | str | None = None,
        amount_fen: int | None = None,
        consent_ref: str,
        reason: str,
        actor: str,
        occurred_on: dt.date,
        correction_note: str | None = None,
    ) -> PurposeChanged:
        """Move restricted money to another purpose, with the donor's consent reference.

        Args:
            amount: in yuan, or ``amount_fen`` in fen: one of the two.

        Raises:
            InvalidAmount: the amount.
            ConsentRequired: no consent reference.
            RuleViolation: the same purpose, or unrestricted money.
            InsufficientFunds: less available in ``from_restriction``.
        """
        return self.execute(self._command(b.ChangePurpose, locals()))

    @_refusing_bad_calls
    def request_disbursement(
        self,
        *,
        fund_id: str,
        request_id: str,
        amount: Decimal | str | None = None,
        amount_fen: int | None = None,
        purpose: str,
        payee: str,
        restriction: str = "",
        project_id: str = "",
        budget_line: str = "",
        actor: str,
        occurred_on: dt.date,
        correction_note: str | None = None,
    ) -> DisbursementRequested:
        """Ask to spend money from a restriction (``""``: unrestricted); ``actor`` is the requester.

        Args:
            amount: in yuan, or ``amount_fen`` in fen: one of the two.
            project_id: the project the money is spent on (with ``budget_line``, or
                neither): it draws on this fund and is open on ``occurred_on`` (rule 41).
            budget_line: the line of the project's budget the money is spent on; it has
                the amount left (rule 42).

        Raises:
            InvalidAmount: the amount.
            NotFound: no such fund (``ProjectNotFound``: no such project).
            FundNotOpen: the fund is closed.
            ProjectRefused, UnknownBudgetLine: the project or line does not fit (rule 41).
            OverBudget: the line has less left than the amount, and the station's policy
                does not allow spending over budget (rule 42).
        """
        return self.execute(self._command(b.RequestDisbursement, locals()))

    @_refusing_bad_calls
    def approve_disbursement(
        self,
        *,
        fund_id: str,
        request_id: str,
        actor: str,
        occurred_on: dt.date,
        correction_note: str | None = None,
    ) -> DisbursementApproved:
        """Approve a request as ``actor`` (rule 11); the approval that completes the rule
        reserves the money.

        Raises:
            NotFound: no such fund or request.
            ApprovalRefused: the approver is the requester, or approved it already.
            InvalidTransition: the request is not awaiting approval.
            InsufficientFunds: the money is no longer available.
        """
        return self.execute(self._command(b.ApproveDisbursement, locals()))

    @_refusing_bad_calls
    def publicize_disbursement(
        self,
        *,
        fund_id: str,
        request_id: str,
        notice_ref: str,
        notice_from: dt.date,
        notice_to: dt.date,
        actor: str,
        occurred_on: dt.date,
        correction_note: str | None = None,
    ) -> DisbursementPublicized:
        """Record the public notice (公示) of an approved request.

        Raises:
            NotFound: no such fund or request.
            InvalidTransition: the request is not approved.
            NoticeBeforeApproval: the notice starts before the approval (rule 30).
            NoticeTooShort: shorter than the station's minimum, both ends counted (rule 31).
            RuleViolation: the notice ends before it starts.
        """
        return self.execute(self._command(b.PublicizeDisbursement, locals()))

    @_refusing_bad_calls
    def pay_disbursement(
        self,
        *,
        fund_id: str,
        request_id: str,
        voucher_no: str,
        actor: str,
        occurred_on: dt.date,
        correction_note: str | None = None,
    ) -> DisbursementPaid:
        """Pay an approved (and, where required, publicized) request, with its voucher (凭证号).

        Raises:
            NotFound: no such fund or request.
            InvalidTransition: not approved, 公示 missing or not over.
        """
        return self.execute(self._command(b.PayDisbursement, locals()))

    @_refusing_bad_calls
    def reject_disbursement(
        self,
        *,
        fund_id: str,
        request_id: str,
        reason: str,
        actor: str,
        occurred_on: dt.date,
        correction_note: str | None = None,
    ) -> DisbursementRejected:
        """Turn a request down before payment; releases any reservation.

        Raises:
            NotFound: no such fund or request.
            InvalidTransition: the request was paid or ended.
        """
        return self.execute(self._command(b.RejectDisbursement, locals()))

    @_refusing_bad_calls
    def cancel_disbursement(
        self,
        *,
        fund_id: str,
        request_id: str,
        reason: str,
        actor: str,
        occurred_on: dt.date,
        correction_note: str | None = None,
    ) -> DisbursementCancelled:
        """Withdraw a request before payment; releases any reservation.

        Raises:
            NotFound: no such fund or request.
            InvalidTransition: the request was paid or ended.
        """
        return self.execute(self._command(b.CancelDisbursement, locals()))

    @_refusing_bad_calls
    def close_fund(
        self,
        *,
        fund_id: str,
        reason: str,
        transfer_to: str | None = None,
        actor: str,
        occurred_on: dt.date,
        correction_note: str | None = None,
    ) -> FundClosed:
        """Close a fund, first moving any cash left to the fund ``transfer_to``.

        Raises:
            NotFound: no such fund (or no fund ``transfer_to``).
            FundNotOpen: ``transfer_to`` is closed.
            FundNotEmpty: money reserved, goods in stock, requests pending, or cash left and
                no ``transfer_to``.
            RuleViolation: ``transfer_to`` is the fund itself.
        """
        return self.execute(self._command(b.CloseFund, locals()))

    # ---- donors --------------------------------------------------------------------------

    @_refusing_bad_calls
    def erase_donor(
        self,
        *,
        donor: str,
        reason: str,
        requested_by: str,
        actor: str,
        occurred_on: dt.date,
        correction_note: str | None = None,
    ) -> DonorErased:
        """Erase an individual donor's name (个人信息保护法 Art.47); ``donor`` as their gifts
        name them, ``requested_by`` who asked (本人, 监护人: never their name).

        Records ``DonorErased`` for their key, then destroys the key, so their name sealed in
        their gifts can no longer be opened; their gifts keep counting in every figure and the
        hash chain stays as it was, and outputs show them by a pseudonym. Erasing again while
        the key is still stored (an erasure interrupted before its key was destroyed) returns
        the first erasure and destroys the key; once it is destroyed, nothing in the store
        leads from the name to the erasure any more, and erasing the name again is ``NotFound``.

        Raises:
            NotFound: no gift names an individual donor of that name (an organisation's
                name, a misspelling, or a donor erased already).
            InvalidInput: ``requested_by``, ``reason`` or ``actor`` holds the donor's name
                (it would outlive the erasure in clear).
        """
        return self.execute(self._command(b.EraseDonor, locals()))

    # ---- volunteers, activities, service, time bank, certificates ------------------------

    @_refusing_bad_calls
    def set_station_policy(
        self,
        *,
        station_id: str,
        name: str,
        auto_approve: bool = False,
        bank_rate_pct: int = 100,
        bank_automatic: bool = False,
        bank_limit_s: int = 0,
        notice_days_min: int = 5,
        over_budget_allowed: bool = False,
        star_thresholds_h: Sequence[int] = STAR_THRESHOLDS_H_DEFAULT,
        actor: str,
        occurred_on: dt.date,
        correction_note: str | None = None,
    ) -> StationPolicySet:
        """Set how a station's service records and time bank work.

        Args:
            auto_approve: service records are approved when recorded.
            bank_rate_pct: time-bank credit per 100 seconds served (1 to 1000).
            bank_automatic: approved service is banked without asking.
            bank_limit_s: how far below zero a balance may go (0 or negative seconds).
            notice_days_min: the shortest 公示 of a disbursement, in days with both ends
                counted (rule 31; 1 to 366).
            over_budget_allowed: a disbursement request may take a project's budget line
                below zero (rule 42; refused by default).
            star_thresholds_h: the cumulative counted service hours of one to five stars
                (星级志愿者, rule 51): five whole hours, each above the one before.

        Raises:
            InvalidInput: a field out of its range, or thresholds that do not increase.
        """
        return self.execute(self._command(b.SetStationPolicy, locals()))

    @_refusing_bad_calls
    def register_volunteer(
        self,
        *,
        volunteer_id: str,
        station_id: str,
        name: str,
        registered_on: dt.date,
        consent: bool,
        gender: str = "",
        birth_date: dt.date | None = None,
        phone: str = "",
        id_number: str = "",
        skills: list[str] | tuple[str, ...] = (),
        categories: list[str] | tuple[str, ...] = (),
        team: str | None = None,
        actor: str,
        occurred_on: dt.date,
        correction_note: str | None = None,
    ) -> VolunteerRegistered:
        """Register a volunteer; ``actor`` is who entered it (录入人).

        Personal fields (name, gender, birth_date, phone, id_number) are sealed under the
        volunteer's own key, and encrypted when the ledger has a cipher key.

        Args:
            consent: the volunteer agrees to their name being shown (certificates, lists).
            team: a team (志愿服务队) joined at registration.

        Raises:
            InvalidInput: a field's shape, or a name too short to be one.
            IdempotencyConflict: the volunteer was registered before with other fields.
            SealError: personal data cannot be sealed (a key problem).
        """
        return self.execute(self._command(b.RegisterVolunteer, locals()))

    @_refusing_bad_calls
    def correct_volunteer_profile(
        self,
        *,
        volunteer_id: str,
        correction_id: str,
        field: Literal[
            "name", "gender", "birth_date", "phone", "id_number", "skills", "categories", "consent"
        ],
        value: str,
        reason: str,
        actor: str,
        occurred_on: dt.date,
        correction_note: str | None = None,
    ) -> VolunteerProfileCorrected:
        """Correct one profile field with a reason.

        Args:
            value: the new value as text: dates as YYYY-MM-DD, lists separated by "、",
                consent as ``true``/``false``.

        Raises:
            InvalidInput: the value does not fit the field.
            NotFound: no such volunteer.
            PersonalDataErasedError: the volunteer's personal data was erased.
        """
        return self.execute(self._command(b.CorrectVolunteerProfile, locals()))

    @_refusing_bad_calls
    def erase_personal_data(
        self,
        *,
        volunteer_id: str,
        reason: str,
        requested_by: str,
        actor: str,
        occurred_on: dt.date,
        correction_note: str | None = None,
    ) -> PersonalDataErased:
        """Erase a volunteer's personal data (个人信息保护法 Art.47).

        Records ``PersonalDataErased``, then destroys the volunteer's subject keys, so the
        sealed data in their events can no longer be opened; every figure and the hash
        chain stay as they were. Erasing again returns the first erasure (and destroys any
        key left since). Data sealed before subject keys cannot be shredded: the event's
        ``legacy_sealed`` counts those events, which stay hidden from every output. Name the
        requester by volunteer id or role (本人, 监护人), never by the data being erased.

        Raises:
            NotFound: no such volunteer.
            InvalidInput: ``requested_by``, ``reason`` or ``actor`` holds the volunteer's
                name, phone or ID number (it would outlive the erasure in clear).
        """
        return self.execute(self._command(b.ErasePersonalData, locals()))

    @_refusing_bad_calls
    def join_team(
        self,
        *,
        volunteer_id: str,
        team: str,
        actor: str,
        occurred_on: dt.date,
        correction_note: str | None = None,
    ) -> VolunteerJoinedTeam | None:
        """The volunteer joins a team (志愿服务队); ``None`` if they are in it already.

        Raises:
            NotFound: no such volunteer.
            VolunteerNotActive: the volunteer was deactivated.
        """
        return self.execute(self._command(b.JoinTeam, locals()))

    @_refusing_bad_calls
    def leave_team(
        self,
        *,
        volunteer_id: str,
        team: str,
        reason: str,
        actor: str,
        occurred_on: dt.date,
        correction_note: str | None = None,
    ) -> VolunteerLeftTeam | None:
        """The volunteer leaves a team; ``None`` if they are not in it.

        Raises:
            NotFound: no such volunteer.
        """
        return self.execute(self._command(b.LeaveTeam, locals()))

    @_refusing_bad_calls
    def deactivate_volunteer(
        self,
        *,
        volunteer_id: str,
        reason: str,
        actor: str,
        occurred_on: dt.date,
        correction_note: str | None = None,
    ) -> VolunteerDeactivated | None:
        """The volunteer stops serving; records and certificates stay. ``None`` if already done.

        Raises:
            NotFound: no such volunteer.
        """
        return self.execute(self._command(b.DeactivateVolunteer, locals()))

    @_refusing_bad_calls
    def publish_activity(
        self,
        *,
        activity_id: str,
        station_id: str,
        name: str,
        category: Literal[
            "volunteer_service",
            "theme_activity",
            "group_work",
            "community_work",
            "case_work",
            "training",
            "supervision",
        ] = "volunteer_service",
        community: str = "",
        place: str = "",
        organizer: str = "",
        leader: str = "",
        starts_at: dt.datetime,
        ends_at: dt.datetime,
        project_id: str = "",
        budget_line: str = "",
        actor: str,
        occurred_on: dt.date,
        correction_note: str | None = None,
    ) -> ActivityPublished:
        """Publish an activity; only ``volunteer_service`` ones produce service hours.

        Args:
            starts_at: when the activity starts, timezone-aware.
            ends_at: when it ends, timezone-aware.
            project_id: the project the activity belongs to (its days within the
                project's period, rule 41); its service records name it too.
            budget_line: the line of that project's budget it is charged to.

        Raises:
            InvalidInput: a naive time, or one out of order.
            IdempotencyConflict: the activity was published before with other fields.
        """
        return self.execute(self._command(b.PublishActivity, locals()))

    @_refusing_bad_calls
    def record_service(
        self,
        *,
        record_id: str,
        volunteer_id: str,
        activity_id: str,
        started_at: dt.datetime | None = None,
        ended_at: dt.datetime | None = None,
        duration_s: int | None = None,
        duration_minutes: int | None = None,
        service_date: dt.date | None = None,
        ends_on: dt.date | None = None,
        place: str = "",
        content: str = "",
        team: str = "",
        project_id: str = "",
        budget_line: str = "",
        actor: str,
        occurred_on: dt.date,
        correction_note: str | None = None,
    ) -> ServiceRecorded:
        """Record that a volunteer served an activity; ``actor`` is who recorded it (记录人).

        Give the time one way: ``started_at`` and ``ended_at`` (timezone-aware), or
        ``duration_s`` or ``duration_minutes`` with ``service_date``; service over several
        days gives its last day as ``ends_on`` and its time as a duration (rule 38).
        ``project_id`` and ``budget_line`` name the project the service was part of (its
        days within the project's period, rule 41); by default the activity's.

        Raises:
            InvalidInput: the time given no way, or more than one.
            NotFound: no such volunteer or activity.
            VolunteerNotActive: the volunteer was deactivated.
            ServiceRefused: the record overlaps another, takes a day past 24 hours, is in
                the future, before the volunteer registered or outside the activity's dates.
            FutureDate: ``occurred_on`` is after today.
        """
        return self.execute(self._command(b.RecordService, locals()))

    @_refusing_bad_calls
    def approve_service(
        self,
        *,
        volunteer_id: str,
        record_id: str,
        actor: str,
        occurred_on: dt.date,
        correction_note: str | None = None,
    ) -> ServiceApproved:
        """Approve a service record; the approver (``actor``) is not its recorder.

        Raises:
            NotFound: no such volunteer or record.
            ServiceRefused: the approver recorded it.
            InvalidTransition: the record was voided.
        """
        return self.execute(self._command(b.ApproveService, locals()))

    @_refusing_bad_calls
    def correct_service(
        self,
        *,
        volunteer_id: str,
        record_id: str,
        correction_id: str,
        reason: str,
        requested_by: str,
        started_at: dt.datetime | None = None,
        ended_at: dt.datetime | None = None,
        duration_s: int | None = None,
        actor: str,
        occurred_on: dt.date,
        correction_note: str | None = None,
    ) -> ServiceCorrected:
        """Correct a record's time: ``requested_by`` reported it, ``actor`` verified it.

        Give the corrected time as ``started_at`` and ``ended_at``, or ``duration_s``.

        Raises:
            InvalidInput: the time given no way, or both ways.
            NotFound: no such volunteer or record.
            InvalidTransition: the record was voided or banked.
        """
        return self.execute(self._command(b.CorrectService, locals()))

    @_refusing_bad_calls
    def void_service(
        self,
        *,
        volunteer_id: str,
        record_id: str,
        reason: str,
        actor: str,
        occurred_on: dt.date,
        correction_note: str | None = None,
    ) -> ServiceVoided | None:
        """Void a service record with a reason; ``None`` if it was voided already.

        Raises:
            NotFound: no such volunteer or record.
            InvalidTransition: the record is in the time bank.
        """
        return self.execute(self._command(b.VoidService, locals()))

    @_refusing_bad_calls
    def bank_hours(
        self,
        *,
        volunteer_id: str,
        record_id: str,
        actor: str,
        occurred_on: dt.date,
        correction_note: str | None = None,
    ) -> HoursBanked:
        """Deposit an approved service record in the time bank (once per record).

        Raises:
            NotFound: no such volunteer or record.
            InvalidTransition: not approved, voided, or banked already.
            VolunteerNotActive: the volunteer was deactivated.
        """
        return self.execute(self._command(b.BankHours, locals()))

    @_refusing_bad_calls
    def redeem_hours(
        self,
        *,
        volunteer_id: str,
        redemption_id: str,
        credit_s: int,
        item: str,
        quantity: int = 1,
        counterparty: str,
        approver: str,
        actor: str,
        occurred_on: dt.date,
        correction_note: str | None = None,
    ) -> HoursRedeemed:
        """Spend time-bank credit (seconds) on a service or goods, approved by ``approver``.

        Raises:
            NotFound: no such volunteer.
            InsufficientCredit: the balance would fall below the station's limit.
        """
        return self.execute(self._command(b.RedeemHours, locals()))

    @_refusing_bad_calls
    def redeem_hours_for_goods(
        self,
        *,
        volunteer_id: str,
        redemption_id: str,
        credit_s: int,
        fund_id: str,
        item: str,
        unit: str,
        quantity: int = 1,
        approver: str,
        restriction: str = "",
        actor: str,
        occurred_on: dt.date,
        correction_note: str | None = None,
    ) -> HoursRedeemed:
        """Spend time-bank credit (seconds) on goods from the stock of fund ``fund_id`` (爱心超市)
        of the volunteer's own station, approved by ``approver`` (rule 56).

        One command on two aggregates, recorded in one write: the redemption (its
        counterparty is the fund's id) and a ``GoodsDistributed`` of the fund under the id
        ``redemption_id`` (recipient the volunteer's code, signed off by the approver). If
        either is refused, neither is recorded. A repeat with the same fields records nothing.

        Raises:
            NotFound: no such volunteer or fund.
            InsufficientCredit: the balance would fall below the station's limit.
            InsufficientStock: fewer goods of that item, unit and restriction in stock.
            RuleViolation: the fund is another station's, or the approver is who enters it.
            InvalidTransition: ``redemption_id`` is recorded on one side only.
        """
        return self.execute(self._command(b.RedeemHoursForGoods, locals()))

    @_refusing_bad_calls
    def transfer_hours(
        self,
        *,
        volunteer_id: str,
        transfer_id: str,
        to_volunteer_id: str,
        credit_s: int,
        reason: str,
        actor: str,
        occurred_on: dt.date,
        correction_note: str | None = None,
    ) -> HoursTransferredOut:
        """Give time-bank credit (seconds) to another member; returns the giver's side.

        Raises:
            NotFound: no such volunteer (either).
            InsufficientCredit: the giver's balance would fall below the station's limit.
            InvalidTransition: ``transfer_id`` names a transfer the giver received.
        """
        return self.execute(self._command(b.TransferHours, locals()))

    @_refusing_bad_calls
    def adjust_hours(
        self,
        *,
        volunteer_id: str,
        adjustment_id: str,
        credit_s: int,
        kind: Literal["expiry", "adjustment"],
        authorised_by: str,
        reason: str,
        actor: str,
        occurred_on: dt.date,
        correction_note: str | None = None,
    ) -> HoursAdjusted:
        """Expire (negative ``credit_s``) or adjust time-bank credit, with authorisation.

        Raises:
            NotFound: no such volunteer.
            InsufficientCredit: the balance would fall below the station's limit.
        """
        return self.execute(self._command(b.AdjustHours, locals()))

    @_refusing_bad_calls
    def issue_certificate(
        self,
        *,
        volunteer_id: str,
        certificate_no: str,
        period_from: dt.date,
        period_to: dt.date,
        issuing_station: str,
        actor: str,
        occurred_on: dt.date,
        correction_note: str | None = None,
    ) -> CertificateIssued:
        """Issue a numbered service certificate for a period; ``actor`` is the issuer.

        Raises:
            NotFound: no such volunteer.
            RuleViolation: the number was issued to someone else, or the period holds no
                counted service.
        """
        return self.execute(self._command(b.IssueCertificate, locals()))

    @_refusing_bad_calls
    def revoke_certificate(
        self,
        *,
        volunteer_id: str,
        certificate_no: str,
        reason: str,
        actor: str,
        occurred_on: dt.date,
        correction_note: str | None = None,
    ) -> CertificateRevoked:
        """Revoke a certificate with a reason.

        Raises:
            NotFound: no such volunteer or certificate.
        """
        return self.execute(self._command(b.RevokeCertificate, locals()))

    # ---- a station's publications and closed periods ---------------------------------------

    @_refusing_bad_calls
    def publish_report(
        self,
        *,
        station_id: str,
        kind: Literal["disclosure", "annual_report"],
        period_from: dt.date,
        period_to: dt.date,
        anchor: str,
        note: str = "",
        actor: str,
        occurred_on: dt.date,
        correction_note: str | None = None,
    ) -> ReportPublished:
        """Record that the station published a disclosure or an annual report (rule 32).

        Args:
            kind: ``disclosure`` (信息公开) or ``annual_report`` (年报).
            period_from: the first day of the period the report covers.
            period_to: its last day.
            anchor: the anchor printed on the report (``sha256:position:hex``).
            note: where and how it was published.

        Raises:
            InvalidInput: the anchor is not one, or not an anchor of this store.
            RuleViolation: the period ends before it starts.
        """
        return self.execute(self._command(b.PublishReport, locals()))

    @_refusing_bad_calls
    def close_period(
        self,
        *,
        station_id: str,
        period_from: dt.date,
        period_to: dt.date,
        reason: str,
        actor: str,
        occurred_on: dt.date,
        correction_note: str | None = None,
    ) -> PeriodClosed:
        """Close the station's period ``period_from .. period_to`` (rule 33), recording the
        anchor of the store now: from then on a command dated in it is refused
        (``PeriodClosedError``) unless it carries a ``correction_note``.

        Raises:
            RuleViolation: the period ends before it starts.
        """
        return self.execute(self._command(b.ClosePeriod, locals()))

    # ---- a station's projects ---------------------------------------------------------

    @_refusing_bad_calls
    def open_project(
        self,
        *,
        project_id: str,
        station_id: str,
        name: str,
        starts_on: dt.date,
        ends_on: dt.date,
        fund_ids: list[str] | tuple[str, ...],
        lines: list[b.BudgetLineInput | b.BudgetLineFields]
        | tuple[b.BudgetLineInput | b.BudgetLineFields, ...],
        actor: str,
        occurred_on: dt.date,
        correction_note: str | None = None,
    ) -> ProjectOpened:
        """Open a station's project (项目) with its period, funds and budget (rule 40).

        Args:
            starts_on: the first day of the project's period.
            ends_on: its last day (included).
            fund_ids: the funds it draws on (the station's own).
            lines: its budget: ``code``, ``name`` and ``amount`` in yuan or ``amount_fen``
                in fen, as ``BudgetLineInput`` or a dict of those.

        Raises:
            InvalidInput, InvalidAmount: a line's shape or amount.
            NotFound: a fund that does not exist.
            ProjectRefused: a fund of another station.
            RuleViolation: the period ends before it starts; a fund or line code twice.
        """
        return self.execute(self._command(b.OpenProject, locals()))

    @_refusing_bad_calls
    def amend_budget_line(
        self,
        *,
        project_id: str,
        amendment_id: str,
        line_code: str,
        amount: Decimal | str | None = None,
        amount_fen: int | None = None,
        reason: str,
        actor: str,
        occurred_on: dt.date,
        correction_note: str | None = None,
    ) -> BudgetLineAmended:
        """Set a budget line's amount by an amendment of its own, with why (rule 40).

        Args:
            amount: the line's new budget in yuan, or ``amount_fen`` in fen.

        Raises:
            ProjectNotFound: no such project.
            UnknownBudgetLine: no such line.
            ProjectRefused: the project is closed.
            OverBudget: the new budget is below what is committed on the line (rule 42).
        """
        return self.execute(self._command(b.AmendBudgetLine, locals()))

    @_refusing_bad_calls
    def close_project(
        self,
        *,
        project_id: str,
        reason: str,
        actor: str,
        occurred_on: dt.date,
        correction_note: str | None = None,
    ) -> ProjectClosed:
        """Close a project (结项): nothing new may name it from then on (rule 41).

        Raises:
            ProjectNotFound: no such project.
        """
        return self.execute(self._command(b.CloseProject, locals()))

    # ---- a station's people and who may do what ----------------------------------------

    @_refusing_bad_calls
    def add_person(
        self,
        *,
        station_id: str,
        person_id: str,
        name: str,
        roles: list[RoleCode] | tuple[RoleCode, ...],
        actor: str,
        occurred_on: dt.date,
        correction_note: str | None = None,
    ) -> PersonAdded:
        """Register a person who works at the station, with their roles (rule 25).

        From then on every command for the station names one registered person as its
        actor (by ``person_id`` or by name), whose roles allow it (rules 26, 27). The first
        person of a station is an administrator (``admin``); an administrator adds the
        others.

        Raises:
            AccessRefused: the actor may not configure the station.
            RuleViolation: no role, a first person who is no administrator, or an auditor
                with another role.
        """
        return self.execute(self._command(b.AddPerson, locals()))

    @_refusing_bad_calls
    def grant_role(
        self,
        *,
        station_id: str,
        person_id: str,
        role: RoleCode,
        actor: str,
        occurred_on: dt.date,
        correction_note: str | None = None,
    ) -> RoleGranted | None:
        """Give a registered person one more role (``None``: they hold it already).

        Raises:
            AccessRefused: the actor may not configure the station.
            NotFound: no such person; InvalidTransition: they left.
        """
        return self.execute(self._command(b.GrantRole, locals()))

    @_refusing_bad_calls
    def withdraw_role(
        self,
        *,
        station_id: str,
        person_id: str,
        role: RoleCode,
        reason: str,
        actor: str,
        occurred_on: dt.date,
        correction_note: str | None = None,
    ) -> RoleWithdrawn:
        """Take a role away from a registered person, with a reason.

        Raises:
            AccessRefused: the actor may not configure the station.
            NotFound: no such person; InvalidTransition: they do not hold it.
            RuleViolation: the station's last administrator's ``admin`` role.
        """
        return self.execute(self._command(b.WithdrawRole, locals()))

    @_refusing_bad_calls
    def deregister_person(
        self,
        *,
        station_id: str,
        person_id: str,
        reason: str,
        actor: str,
        occurred_on: dt.date,
        correction_note: str | None = None,
    ) -> PersonLeft | None:
        """A registered person leaves the station (``None``: they had left already).

        Raises:
            AccessRefused: the actor may not configure the station.
            NotFound: no such person.
            RuleViolation: the station's last administrator.
        """
        return self.execute(self._command(b.DeregisterPerson, locals()))

    @_refusing_bad_calls
    def set_access_policy(
        self,
        *,
        station_id: str,
        record: list[RoleCode] | tuple[RoleCode, ...] = ("social_worker", "clerk"),
        approve: list[RoleCode] | tuple[RoleCode, ...] = ("committee",),
        pay: list[RoleCode] | tuple[RoleCode, ...] = ("cashier",),
        configure: list[RoleCode] | tuple[RoleCode, ...] = ("admin",),
        approver_may_pay: bool = False,
        actor: str,
        occurred_on: dt.date,
        correction_note: str | None = None,
    ) -> AccessPolicySet:
        """Set which roles may record, approve, pay and configure at a station (rule 27),
        and whether one who approved a request may also pay it (rule 28).

        Raises:
            AccessRefused: the actor may not configure the station.
            RuleViolation: an action nobody may take, an auditor given an action, or a
                policy where no administrator configures.
        """
        return self.execute(self._command(b.SetAccessPolicy, locals()))

    # ---- the store's register of levels -------------------------------------------------

    @_refusing_bad_calls
    def register_unit(
        self,
        *,
        unit_id: str,
        level: LevelCode,
        parent_id: str = "",
        name: str,
        actor: str,
        occurred_on: dt.date,
        correction_note: str | None = None,
    ) -> UnitRegistered:
        """Register a unit of the store's levels: ``unit_id`` is the code its records carry
        as ``station_id``; a ``district`` has no parent, a ``station``'s is a district (or
        none in a store that keeps no district), a ``community`` room's is a station. The
        parent holds from the start of the unit's history until a move (rule 58).

        Raises:
            AccessRefused: where a station registers people, the actor is no administrator
                of one of them.
            LevelRefused: ``duplicate_unit``, ``unknown_parent``, ``wrong_parent_level``,
                ``parent_required``, ``parent_retired``, ``cycle``.
        """
        return self.execute(self._command(b.RegisterUnit, locals()))

    @_refusing_bad_calls
    def rename_unit(
        self,
        *,
        unit_id: str,
        name: str,
        actor: str,
        occurred_on: dt.date,
        correction_note: str | None = None,
    ) -> UnitRenamed | None:
        """Rename a unit (``None``: it has that name already); its code stays.

        Raises:
            AccessRefused: the actor may not configure the levels.
            LevelRefused: ``unknown_unit``, ``unit_retired``.
        """
        return self.execute(self._command(b.RenameUnit, locals()))

    @_refusing_bad_calls
    def move_unit(
        self,
        *,
        unit_id: str,
        parent_id: str,
        reason: str,
        actor: str,
        occurred_on: dt.date,
        correction_note: str | None = None,
    ) -> UnitMoved:
        """Move a unit under another parent from ``occurred_on`` on (rule 59): its records
        dated before count at the old parent, those dated on or after at the new one.

        Raises:
            AccessRefused: the actor may not configure the levels.
            LevelRefused: ``unknown_unit``, ``unit_retired``, ``same_parent``,
                ``dated_before``, ``cycle``, ``unknown_parent``, ``wrong_parent_level``,
                ``parent_required``, ``parent_retired``.
        """
        return self.execute(self._command(b.MoveUnit, locals()))

    @_refusing_bad_calls
    def retire_unit(
        self,
        *,
        unit_id: str,
        reason: str,
        actor: str,
        occurred_on: dt.date,
        correction_note: str | None = None,
    ) -> UnitRetired | None:
        """Retire a unit (``None``: retired already): it takes no child and does not move;
        its records keep counting at its parent.

        Raises:
            AccessRefused: the actor may not configure the levels.
            LevelRefused: ``unknown_unit``, ``dated_before``, ``has_children``.
        """
        return self.execute(self._command(b.RetireUnit, locals()))

    # ---- service delivery: cases, groups, community activities, supervision ----------------

    @_refusing_bad_calls
    def open_case(
        self,
        *,
        station_id: str,
        case_id: str,
        social_worker: str,
        served_person: str = "",
        project_id: str = "",
        budget_line: str = "",
        actor: str,
        occurred_on: dt.date,
        correction_note: str | None = None,
    ) -> CaseOpened:
        """Open a case (建档) on ``occurred_on``. ``served_person`` is the station's identifier
        of the person (a resident number, a phone number): never stored, only a random
        reference to a key of their own, so that they count once as a person served.

        Raises:
            InvalidInput: ``social_worker`` holds the identifier.
        """
        return self.execute(self._command(b.OpenCase, locals()))

    @_refusing_bad_calls
    def record_case_session(
        self,
        *,
        station_id: str,
        case_id: str,
        session_id: str,
        duration_s: int,
        worker: str,
        content: str = "",
        project_id: str = "",
        budget_line: str = "",
        actor: str,
        occurred_on: dt.date,
        correction_note: str | None = None,
    ) -> CaseSessionRecorded:
        """A session of a case on ``occurred_on`` (one 人次 of its person).

        Raises:
            NotFound: no such case at the station.
            CaseClosedError: the case is closed (rule 45).
            OutsideLife: dated before the case was opened (rule 45).
            DurationRefused: longer than a day (rule 47).
        """
        return self.execute(self._command(b.RecordCaseSession, locals()))

    @_refusing_bad_calls
    def close_case(
        self,
        *,
        station_id: str,
        case_id: str,
        reason: str,
        actor: str,
        occurred_on: dt.date,
        correction_note: str | None = None,
    ) -> CaseClosed:
        """Close a case (结案) on ``occurred_on``.

        Raises:
            NotFound: no such case at the station.
            CaseClosedError: closed before, on another day or for another reason.
            OutsideLife: dated before its opening or its last session.
        """
        return self.execute(self._command(b.CloseCase, locals()))

    @_refusing_bad_calls
    def create_group(
        self,
        *,
        station_id: str,
        group_id: str,
        name: str,
        theme: str = "",
        project_id: str = "",
        budget_line: str = "",
        actor: str,
        occurred_on: dt.date,
        correction_note: str | None = None,
    ) -> GroupCreated:
        """Set up a group (小组) on ``occurred_on``; again with the same description, whatever
        the date, it returns the first setting up and records nothing."""
        return self.execute(self._command(b.CreateGroup, locals()))

    @_refusing_bad_calls
    def hold_group_session(
        self,
        *,
        station_id: str,
        group_id: str,
        session_id: str,
        duration_s: int,
        participants: int,
        identified: Sequence[str] = (),
        content: str = "",
        project_id: str = "",
        budget_line: str = "",
        actor: str,
        occurred_on: dt.date,
        correction_note: str | None = None,
    ) -> GroupSessionHeld:
        """A session (节) of a group on ``occurred_on`` with ``participants`` people (人次), of
        whom ``identified`` are named by the station's identifiers (never stored).

        Raises:
            NotFound: no such group at the station.
            OutsideLife: dated before the group was set up.
            AttendanceRefused: more identified than took part, or one named twice (rule 46).
            DurationRefused: longer than a day (rule 47).
        """
        return self.execute(self._command(b.HoldGroupSession, locals()))

    @_refusing_bad_calls
    def create_community_activity(
        self,
        *,
        station_id: str,
        activity_id: str,
        name: str,
        theme: str = "",
        project_id: str = "",
        budget_line: str = "",
        actor: str,
        occurred_on: dt.date,
        correction_note: str | None = None,
    ) -> CommunityActivityCreated:
        """Set up a community activity (社区活动) on ``occurred_on``; again with the same
        description, whatever the date, it returns the first and records nothing."""
        return self.execute(self._command(b.CreateCommunityActivity, locals()))

    @_refusing_bad_calls
    def hold_community_activity_session(
        self,
        *,
        station_id: str,
        activity_id: str,
        session_id: str,
        duration_s: int,
        attendance: int,
        identified: Sequence[str] = (),
        content: str = "",
        project_id: str = "",
        budget_line: str = "",
        actor: str,
        occurred_on: dt.date,
        correction_note: str | None = None,
    ) -> CommunityActivitySessionHeld:
        """A session of a community activity on ``occurred_on`` with ``attendance`` people
        (人次), of whom ``identified`` are named by the station's identifiers (never stored).

        Raises:
            NotFound: no such activity at the station.
            OutsideLife: dated before the activity was set up.
            AttendanceRefused: more identified than attended, or one named twice (rule 46).
            DurationRefused: longer than a day (rule 47).
        """
        return self.execute(self._command(b.HoldCommunityActivitySession, locals()))

    @_refusing_bad_calls
    def record_supervision(
        self,
        *,
        station_id: str,
        record_id: str,
        kind: Literal["supervision", "training"],
        count: int,
        duration_s: int,
        supervisor: str,
        note: str = "",
        project_id: str = "",
        budget_line: str = "",
        actor: str,
        occurred_on: dt.date,
        correction_note: str | None = None,
    ) -> SupervisionRecorded:
        """Supervision (督导) or training (培训) of the station's staff on ``occurred_on``:
        ``count`` sessions of ``duration_s`` seconds in all; never volunteer service time.

        Raises:
            DurationRefused: longer than a day (rule 47).
        """
        return self.execute(self._command(b.RecordSupervision, locals()))

    @_refusing_bad_calls
    def erase_served_person(
        self,
        *,
        station_id: str,
        served_person: str,
        reason: str,
        requested_by: str,
        actor: str,
        occurred_on: dt.date,
        correction_note: str | None = None,
    ) -> ServedPersonErased:
        """Erase a served person's identity (个人信息保护法 Art.47): ``served_person`` as the
        station identified them. Records ``ServedPersonErased`` for each of their keys, then
        destroys the keys: nothing then leads from the identifier to their sessions, which
        keep counting (rule 49).

        Raises:
            NotFound: no session or case names such a person (or they were erased).
            AccessRefused: the actor may not configure the station.
        """
        return self.execute(self._command(b.EraseServedPerson, locals()))

    # ---- teams, awards and evaluations (rules 50 to 53) ------------------------------------

    @_refusing_bad_calls
    def form_team(
        self,
        *,
        team_id: str,
        station_id: str,
        name: str,
        actor: str,
        occurred_on: dt.date,
        correction_note: str | None = None,
    ) -> TeamFormed:
        """Form a volunteer team (志愿服务队) at a station; ``occurred_on`` is its formation
        date.

        Raises:
            IdempotencyConflict: the team was formed before with other fields.
        """
        return self.execute(self._command(b.FormTeam, locals()))

    @_refusing_bad_calls
    def add_team_member(
        self,
        *,
        team_id: str,
        volunteer_id: str,
        actor: str,
        occurred_on: dt.date,
        correction_note: str | None = None,
    ) -> TeamMemberJoined:
        """A volunteer of the team's station joins it on ``occurred_on`` (rule 50).

        Raises:
            UnknownTeam, UnknownVolunteer: no such team, no such volunteer.
            OtherStation: the volunteer is of another station.
            BeforeFormation: a date before the team was formed or the volunteer registered.
            AlreadyMember: a member already; DateOutOfOrder: before their last leave.
            TeamDissolvedError: the team was dissolved.
        """
        return self.execute(self._command(b.AddTeamMember, locals()))

    @_refusing_bad_calls
    def remove_team_member(
        self,
        *,
        team_id: str,
        volunteer_id: str,
        reason: str,
        actor: str,
        occurred_on: dt.date,
        correction_note: str | None = None,
    ) -> TeamMemberLeft:
        """A member leaves the team on ``occurred_on``, with a reason (a leader who leaves
        leads no more).

        Raises:
            UnknownTeam: no such team.
            NotAMember: not a member; DateOutOfOrder: before their join or leadership.
            TeamDissolvedError: the team was dissolved.
        """
        return self.execute(self._command(b.RemoveTeamMember, locals()))

    @_refusing_bad_calls
    def name_team_leader(
        self,
        *,
        team_id: str,
        volunteer_id: str,
        actor: str,
        occurred_on: dt.date,
        correction_note: str | None = None,
    ) -> TeamLeaderNamed:
        """Name a member the team's leader (队长) from ``occurred_on`` (rule 50).

        Raises:
            UnknownTeam: no such team.
            LeaderNotMember: not a member that day.
            DateOutOfOrder: before the leader named last.
            TeamDissolvedError: the team was dissolved.
        """
        return self.execute(self._command(b.NameTeamLeader, locals()))

    @_refusing_bad_calls
    def dissolve_team(
        self,
        *,
        team_id: str,
        reason: str,
        actor: str,
        occurred_on: dt.date,
        correction_note: str | None = None,
    ) -> TeamDissolved:
        """Dissolve the team on ``occurred_on``: its memberships and leadership end then.

        Raises:
            UnknownTeam: no such team.
            DateOutOfOrder: before a change recorded for it.
        """
        return self.execute(self._command(b.DissolveTeam, locals()))

    @_refusing_bad_calls
    def grant_award(
        self,
        *,
        station_id: str,
        award_id: str,
        recipient: AwardRecipient,
        recipient_id: str,
        title: str,
        awarding_body: str,
        actor: str,
        occurred_on: dt.date,
        correction_note: str | None = None,
    ) -> AwardGranted:
        """Record an award (表彰) to a volunteer or a team of the station (rule 52): a
        record of its own kind that never adds to service hours (rule 53).

        Raises:
            UnknownVolunteer, UnknownTeam: no such recipient.
            OtherStation: the recipient is of another station.
        """
        return self.execute(self._command(b.GrantAward, locals()))

    @_refusing_bad_calls
    def record_evaluation(
        self,
        *,
        station_id: str,
        evaluation_id: str,
        volunteer_id: str,
        period_from: dt.date,
        period_to: dt.date,
        result: str,
        evaluator: str,
        actor: str,
        occurred_on: dt.date,
        correction_note: str | None = None,
    ) -> EvaluationRecorded:
        """Record a volunteer's evaluation (评价) for a period (rule 52): never service
        hours (rule 53).

        Raises:
            UnknownVolunteer: no such volunteer; OtherStation: of another station.
            RuleViolation: the period ends before it starts, or has not begun.
        """
        return self.execute(self._command(b.RecordEvaluation, locals()))
