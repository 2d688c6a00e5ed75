"""The ledger's errors: one small hierarchy, each refusal with a named reason.

Every refusal the ledger makes is a ``LedgerError``. Station software can catch the
base class; tests and importers read ``reason`` (a stable snake_case code, in the
spirit of TigerBeetle's result codes) and the message (what happened, in words a
station's staff can act on). A refused command records nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

from sgz_ledger.domain.messages import Language, Localized, Phrase, render
from sgz_ledger.domain.messages import language as current_language

__all__ = [
    "ApprovalRefused",
    "CipherKeyError",
    "ConcurrencyConflict",
    "ConsentRequired",
    "FundNotEmpty",
    "FundNotOpen",
    "IdempotencyConflict",
    "InsufficientFunds",
    "InsufficientStock",
    "InvalidAmount",
    "InvalidInput",
    "InvalidTransition",
    "LedgerError",
    "NotFound",
    "NoticeBeforeApproval",
    "NoticeTooShort",
    "PaymentRefused",
    "PeriodClosedError",
    "PersonalDataErasedError",
    "ReadOnlyStore",
    "RuleViolation",
    "StoreError",
    "UnknownEvent",
]

# The reasons of the bare base classes: raised as one of them, a refusal's code is its reason.
_BARE_REASONS = frozenset({"ledger_error", "rule_violation"})


class LedgerError(Exception, Localized):
    """Base of every error the ledger raises on purpose.

    Its words are made when read, in the language of the setting (``str(error)``;
    ``sgz_ledger.domain.messages``), or in either (``error.message("zh")``).

    Attributes:
        reason: the stable snake_case code programs branch on.
        code: the key of its message in the catalogue: the reason, or a more specific code
            where one reason has several wordings (``invalid_transition`` has one for each
            step refused).
        params: the values the message names, as the ledger keeps them (fen, seconds,
            dates, ids); the classes that name theirs keep them as attributes too.
    """

    reason: str = "ledger_error"

    def __init__(self, code: str | None = None, /, **params: object) -> None:
        self.code = self.reason if code is None else code
        if code is not None and type(self).reason in _BARE_REASONS:
            # Raised as a bare base class: the generic reason would tell a program nothing.
            self.reason = code
        self.params: Mapping[str, object] = params
        super().__init__(self.code)

    def message(self, language: Language | None = None) -> str:
        """The message in ``language`` (``None``: the setting's)."""
        return render(self.code, self.params, language)

    def __str__(self) -> str:
        return self.message()


class _Problems(Localized):
    """The field problems of an ``InvalidInput``, one after the other."""

    __slots__ = ("problems",)

    def __init__(self, problems: tuple[tuple[str, Phrase], ...]) -> None:
        self.problems = problems

    def message(self, language: Language | None = None) -> str:
        chosen = language or current_language()
        colon, sep = ("：", "；") if chosen == "zh" else (": ", "; ")
        return sep.join(f"{field}{colon}{p.message(chosen)}" for field, p in self.problems)


class InvalidInput(LedgerError, ValueError):
    """A command's input has the wrong shape, type or unit; nothing was recorded.

    Attributes:
        field_problems: ``(field, Phrase)`` pairs, one per bad field.
        problems: the same as ``(field, message)`` pairs, in the setting's language.
    """

    reason = "invalid_input"

    def __init__(self, problems: Iterable[tuple[str, Phrase | str]]) -> None:
        self.field_problems = tuple(
            (field, p if isinstance(p, Phrase) else Phrase("text", text=p)) for field, p in problems
        )
        super().__init__("invalid_input", problems=_Problems(self.field_problems))

    @property
    def problems(self) -> tuple[tuple[str, str], ...]:
        """``(field, message)`` pairs, one per bad field, in the setting's language."""
        return tuple((field, str(p)) for field, p in self.field_problems)

    @staticmethod
    def on(field: str, code: str, /, **params: object) -> InvalidInput:
        """The refusal of one field: its problem is the catalogue's ``code``."""
        return InvalidInput([(field, Phrase(code, **params))])

    @classmethod
    def check_period(cls, first: dt.date | None, last: dt.date | None, *, field: str) -> None:
        """Refuse a period (both ends optional, inclusive) whose last day is before its first."""
        if first is not None and last is not None and last < first:
            raise InvalidInput.on(field, "date_before", last=last, first=first)


class InvalidAmount(InvalidInput):
    """An amount of money is not a positive, finite number of fen within the limit.

    Attributes:
        field: the field; value: what was given.
        why_phrase: what is wrong with it, in either language; ``why`` in the setting's.
    """

    reason = "invalid_amount"

    def __init__(self, field: str, value: object, why: Phrase | str) -> None:
        self.field = field
        self.value = value
        self.why_phrase = why if isinstance(why, Phrase) else Phrase("text", text=why)
        super().__init__([(field, Phrase("amount_refused", value=value, why=self.why_phrase))])

    @property
    def why(self) -> str:
        """What is wrong with the amount, in the setting's language."""
        return str(self.why_phrase)


class RuleViolation(LedgerError):
    """A rule of the ledger (docs/rules.md) refuses the command; nothing was recorded."""

    reason = "rule_violation"


class NotFound(RuleViolation):
    """The fund, donation, disbursement or other entry named does not exist."""

    reason = "not_found"

    def __init__(self, kind: str, key: str, *, shown: bool = True) -> None:
        self.kind = kind
        self.key = key
        # A key that is personal data (a served person's identifier) is not repeated.
        super().__init__(None if shown else "not_found_unshown", kind=kind, key=key)


class PersonalDataErasedError(RuleViolation):
    """The person's personal data was erased (个人信息保护法 Art.47): it cannot be read,
    corrected or registered again under the same id."""

    reason = "personal_data_erased"


class FundNotOpen(RuleViolation):
    """The fund is closed (or was never opened): it takes no more entries."""

    reason = "fund_not_open"


class InsufficientFunds(RuleViolation):
    """The restriction drawn on has less available cash than the command needs.

    Restricted money is spent only on its purpose (专款专用, DOMAIN rule 9), so the
    check is against one restriction's available balance, never the fund's total.
    """

    reason = "insufficient_funds"

    def __init__(self, restriction: str, available_fen: int, needed_fen: int) -> None:
        self.restriction = restriction
        self.available_fen = available_fen
        self.needed_fen = needed_fen
        super().__init__(
            "insufficient_funds" if restriction else "insufficient_funds_unrestricted",
            restriction=restriction,
            available_fen=available_fen,
            needed_fen=needed_fen,
        )


class InsufficientStock(RuleViolation):
    """Fewer goods are in stock than a distribution or sale takes."""

    reason = "insufficient_stock"


class ApprovalRefused(RuleViolation):
    """An approval breaks the four-eyes rule: the requester may not approve their own request.

    (The same approver approving again is a repeat: it returns the first approval and
    reserves nothing, so a second, distinct approver is still needed.)
    """

    reason = "approval_refused"


class PaymentRefused(ApprovalRefused):
    """A payment breaks the four-eyes rule (rule 28): the requester never pays their own
    request, and (unless the station's access policy allows it) an approver does not pay
    what they approved."""

    reason = "payment_refused"


class InvalidTransition(RuleViolation):
    """The entry is not in a state that allows this step (e.g. paying an unapproved request)."""

    reason = "invalid_transition"


class NoticeBeforeApproval(InvalidTransition):
    """A 公示 starts before the approval it makes public (rule 30): a notice of a decision
    not yet taken informs nobody of it."""

    reason = "notice_before_approval"


class NoticeTooShort(InvalidTransition):
    """A 公示 lasts fewer days than the station's minimum, both ends counted (rule 31)."""

    reason = "notice_too_short"


class PeriodClosedError(RuleViolation):
    """The command's business date lies in a period its station closed (rule 33), and it
    carries no correction note; nothing was recorded.

    Attributes:
        period_from, period_to: the closed period (both days included).
        closed_at: when the closing was recorded (UTC).
    """

    reason = "period_closed"

    def __init__(
        self,
        code: str | None,
        /,
        *,
        period_from: dt.date,
        period_to: dt.date,
        closed_at: dt.datetime,
        **params: object,
    ) -> None:
        self.period_from = period_from
        self.period_to = period_to
        self.closed_at = closed_at
        super().__init__(
            code, period_from=period_from, period_to=period_to, closed_at=closed_at, **params
        )


class ConsentRequired(RuleViolation):
    """Changing a restricted gift's purpose needs the donor's consent reference (rule 9)."""

    reason = "consent_required"


class FundNotEmpty(RuleViolation):
    """A fund closes only when nothing is reserved, no goods are held and its cash is zero."""

    reason = "fund_not_empty"


class IdempotencyConflict(LedgerError):
    """An external key was used again with different fields.

    Repeating a command with the same key and the same fields is a no-op; with
    different fields it is almost always a data-entry mistake (two gifts typed with
    one receipt number), so it is refused and the first differing field is named.
    """

    reason = "exists_with_different_fields"

    def __init__(
        self, key: Phrase, field: str, recorded: object, given: object, *, shown: bool = True
    ) -> None:
        self.key = key
        self.field = field
        self.recorded = recorded
        self.given = given
        if not shown:  # personal data, kept sealed: named, never shown
            code = "exists_with_different_hidden"
        elif field.endswith("_fen") and isinstance(recorded, int) and isinstance(given, int):
            code = "exists_with_different_amount"
        elif field.endswith("_s") and isinstance(recorded, int) and isinstance(given, int):
            code = "exists_with_different_duration"
        else:
            code = "exists_with_different_fields"
        super().__init__(code, key=key, field=field, recorded=recorded, given=given)


class ConcurrencyConflict(LedgerError):
    """Another writer kept changing the same fund; the command gave up after retrying."""

    reason = "concurrency_conflict"


class StoreError(LedgerError):
    """The store cannot be opened as asked (bad URL, missing file, unreachable server)."""

    reason = "store_error"

    @classmethod
    def unreadable(
        cls, cause: Exception, *, position: int | None = None, nothing_recorded: bool = False
    ) -> StoreError:
        """The stored events cannot be decoded: most often an encrypted store opened
        without its key. One message for every reader of the log (``position``: the
        event's, where known; ``nothing_recorded``: a command that was given up)."""
        if nothing_recorded:
            return cls("store_unreadable_nothing_recorded", cause=str(cause))
        if position is not None:
            return cls("store_unreadable_at", position=position, cause=str(cause))
        return cls("store_unreadable", cause=str(cause))


class CipherKeyError(StoreError):
    """The store's cipher key is missing, wrong, malformed, or given to a store kept in
    clear: refused before anything is read or written, so a store never mixes events
    encrypted with different keys (or encrypted and clear ones)."""

    reason = "cipher_key"


class ReadOnlyStore(StoreError):
    """The ledger was opened read-only (an auditor's copy, a report): it records nothing."""

    reason = "read_only"


class UnknownEvent(TypeError):
    """A fold met an event class it neither reads nor knowingly ignores.

    Not a refusal (not a ``LedgerError``): the stored event decoded, so the code knows the
    class, but this fold was not taught it, and skipping it silently would leave a figure
    wrong. It is a bug to fix by declaring the class in the fold's ``reads`` (and handling
    it) or its ``ignores``; a test checks every fold against every stored event class.

    Attributes:
        fold: the fold's name.
        event_class: the class it did not know.
    """

    def __init__(self, fold: str, event_class: type) -> None:
        super().__init__(
            f"{fold} does not know {event_class.__name__} events: declare the class in its "
            "reads (and fold it) or in its ignores"
        )
        self.fold = fold
        self.event_class = event_class
