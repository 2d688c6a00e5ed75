"""Every error the ledger raises on purpose, in one public module.

All are ``LedgerError`` subclasses with a stable ``reason`` (a snake_case code): catch the
base class, or the one you can act on. A refused command records nothing.

- ``InvalidInput``: a command's or query's input has the wrong shape, type or unit
  (``InvalidAmount`` for money, ``ChainKeyError`` for a malformed chain key,
  ``SheetRefused`` for a sheet with bad rows: every row named).
- ``RuleViolation``: a rule of the ledger refuses the command (``NotFound``,
  ``FundNotOpen``, ``InsufficientFunds``, ``InsufficientStock``, ``ApprovalRefused``
  (``PaymentRefused``), ``InvalidTransition`` (``NoticeBeforeApproval``, ``NoticeTooShort``),
  ``ConsentRequired``, ``FundNotEmpty``, ``PersonalDataErasedError``, ``PeriodClosedError``,
  ``FutureDate`` (a command dated after today), the volunteers' ``VolunteerNotActive``,
  ``ServiceRefused``, ``InsufficientCredit``, ``DuplicateIdNumber``, ``LevelRefused`` (the
  register of levels refuses a unit, a move or a retirement), and ``AccessRefused``: an
  actor the station's register does not know or allow), and service delivery's
  ``DeliveryRefused`` (``CaseClosedError``, ``OutsideLife``, ``AttendanceRefused``,
  ``DurationRefused``).
- ``IdempotencyConflict``: an id recorded before with other fields.
- ``ConcurrencyConflict``: other writers kept changing the same aggregates.
- ``BatchCommandRefused``: a command of a batch was refused (``index``, ``error``).
- ``StoreError``: the store failed or cannot be opened as asked (``CipherKeyError``,
  ``ReadOnlyStore``).
- ``SealError`` (personal data cannot be opened or sealed), ``SubjectKeyError`` (a subject
  key store problem), ``AccountNameCollision`` (two names of an export's accounts collide).

A refusal's words are made when read, in the language of the setting (English unless
``use_language``, ``set_language`` or ``SGZ_LEDGER_LANG`` say ``zh``), or in either with
``error.message("zh")``; its values stay in ``error.params`` (money in fen).

``PersonalDataInClearWarning`` is a warning, not an error: a ledger without a cipher key
keeps the keys of personal data in clear (filter it with ``warnings`` where that is meant).
"""

from sgz_ledger.audit.export import AccountNameCollision
from sgz_ledger.domain.dates import FutureDate
from sgz_ledger.domain.delivery import (
    AttendanceRefused,
    CaseClosedError,
    DeliveryRefused,
    DurationRefused,
    OutsideLife,
)
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
    NoticeBeforeApproval,
    NoticeTooShort,
    PaymentRefused,
    PeriodClosedError,
    PersonalDataErasedError,
    ReadOnlyStore,
    RuleViolation,
    StoreError,
)
from sgz_ledger.domain.id_claims import DuplicateIdNumber
from sgz_ledger.domain.levels import LevelRefused
from sgz_ledger.domain.messages import Language, language, set_language, use_language
from sgz_ledger.domain.people import AccessRefused
from sgz_ledger.domain.projects import (
    OverBudget,
    ProjectNotFound,
    ProjectRefused,
    UnknownBudgetLine,
)
from sgz_ledger.domain.teams import (
    AlreadyMember,
    BeforeFormation,
    DateOutOfOrder,
    LeaderNotMember,
    NotAMember,
    OtherStation,
    TeamDissolvedError,
    UnknownTeam,
    UnknownVolunteer,
)
from sgz_ledger.domain.volunteer import InsufficientCredit, ServiceRefused, VolunteerNotActive
from sgz_ledger.service.unit_of_work import BatchCommandRefused
from sgz_ledger.sheets.common import SheetRefused
from sgz_ledger.storage.chain import ChainKeyError
from sgz_ledger.storage.sealing import PersonalDataInClearWarning, SealError
from sgz_ledger.storage.subject_keys import SubjectKeyError

__all__ = [
    "AccessRefused",
    "AccountNameCollision",
    "AlreadyMember",
    "ApprovalRefused",
    "AttendanceRefused",
    "BatchCommandRefused",
    "BeforeFormation",
    "CaseClosedError",
    "ChainKeyError",
    "CipherKeyError",
    "ConcurrencyConflict",
    "ConsentRequired",
    "DateOutOfOrder",
    "DeliveryRefused",
    "DuplicateIdNumber",
    "DurationRefused",
    "FundNotEmpty",
    "FundNotOpen",
    "FutureDate",
    "IdempotencyConflict",
    "InsufficientCredit",
    "InsufficientFunds",
    "InsufficientStock",
    "InvalidAmount",
    "InvalidInput",
    "InvalidTransition",
    "Language",
    "LeaderNotMember",
    "LedgerError",
    "LevelRefused",
    "NotAMember",
    "NotFound",
    "NoticeBeforeApproval",
    "NoticeTooShort",
    "OtherStation",
    "OutsideLife",
    "OverBudget",
    "PaymentRefused",
    "PeriodClosedError",
    "PersonalDataErasedError",
    "PersonalDataInClearWarning",
    "ProjectNotFound",
    "ProjectRefused",
    "ReadOnlyStore",
    "RuleViolation",
    "SealError",
    "ServiceRefused",
    "SheetRefused",
    "StoreError",
    "SubjectKeyError",
    "TeamDissolvedError",
    "UnknownBudgetLine",
    "UnknownTeam",
    "UnknownVolunteer",
    "VolunteerNotActive",
    "language",
    "set_language",
    "use_language",
]
