"""The ledger's errors: one small hierarchy, each refusal with a named reason.

Every refusal the ledger makes is a ``LedgerError``. Station software can catch the
base class; tests and importers read ``reason`` (a stable snake_case code, in the
spirit of TigerBeetle's result codes) and the message (what happened, in words a
station's staff can act on). A refused command records nothing.
"""

from __future__ import annotations

import datetime as dt

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


class LedgerError(Exception):
    """Base of every error the ledger raises on purpose."""

    reason: str = "ledger_error"


class InvalidInput(LedgerError, ValueError):
    """A command's input has the wrong shape, type or unit; nothing was recorded.

    Attributes:
        problems: ``(field, message)`` pairs, one per bad field.
    """

    reason = "invalid_input"

    def __init__(self, problems: list[tuple[str, str]] | tuple[tuple[str, str], ...]) -> None:
        self.problems = tuple(problems)
        text = "; ".join(f"{field}: {message}" for field, message in self.problems)
        super().__init__(f"invalid input: {text}")

    @classmethod
    def check_period(cls, first: dt.date | None, last: dt.date | None, *, field: str) -> None:
        """Refuse a period (both ends optional, inclusive) whose last day is before its first."""
        if first is not None and last is not None and last < first:
            raise cls([(field, f"{last.isoformat()} is before {first.isoformat()}")])


class InvalidAmount(InvalidInput):
    """An amount of money is not a positive, finite number of fen within the limit."""

    reason = "invalid_amount"

    def __init__(self, field: str, value: object, why: str) -> None:
        self.field = field
        self.value = value
        self.why = why
        super().__init__([(field, f"{value!r} {why}")])


class RuleViolation(LedgerError):
    """A rule of the ledger (docs/rules.md) refuses the command; nothing was recorded."""

    reason = "rule_violation"


class NotFound(RuleViolation):
    """The fund, donation, disbursement or other entry named does not exist."""

    reason = "not_found"

    def __init__(self, kind: str, key: str) -> None:
        self.kind = kind
        self.key = key
        super().__init__(f"{kind} {key!r} not found")


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
        label = restriction or "unrestricted"
        super().__init__(
            f"restriction {label!r} has {available_fen} fen available, {needed_fen} fen needed"
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
        self, message: str, *, period_from: dt.date, period_to: dt.date, closed_at: dt.datetime
    ) -> None:
        self.period_from = period_from
        self.period_to = period_to
        self.closed_at = closed_at
        super().__init__(message)


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

    def __init__(self, key: str, field: str, recorded: object, given: object) -> None:
        self.key = key
        self.field = field
        self.recorded = recorded
        self.given = given
        super().__init__(
            f"{key} was already recorded with {field}={recorded!r}; this command has {given!r}"
        )


class ConcurrencyConflict(LedgerError):
    """Another writer kept changing the same fund; the command gave up after retrying."""

    reason = "concurrency_conflict"


class StoreError(LedgerError):
    """The store cannot be opened as asked (bad URL, missing file, unreachable server)."""

    reason = "store_error"

    @classmethod
    def unreadable(cls, cause: Exception, prefix: str = "") -> StoreError:
        """The stored events cannot be decoded: most often an encrypted store opened
        without its key. One message for every reader of the log."""
        return cls(
            f"{prefix}the stored events cannot be read; if the store is encrypted, open it "
            f"with its key (Ledger(..., cipher_key=...), --cipher-key-file) ({cause})"
        )


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
