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
    "DELIVERY_EVENT_TYPES",
    "DONOR_EVENT_TYPES",
    "FUND_EVENT_TYPES",
    "LEVEL_EVENT_TYPES",
    "PEOPLE_EVENT_TYPES",
    "PERIOD_EVENT_TYPES",
    "PROJECT_EVENT_TYPES",
    "RECOGNITION_EVENT_TYPES",
    "UNRESTRICTED",
    "AccessPolicySet",
    "AwardGranted",
    "AwardRecipient",
    "BudgetLine",
    "BudgetLineAmended",
    "CaseClosed",
    "CaseOpened",
    "CaseSessionRecorded",
    "CashDonationReceived",
    "ClosedPeriodCorrected",
    "CommunityActivityCreated",
    "CommunityActivitySessionHeld",
    "DeliveryEvent",
    "DeliveryKind",
    "DisbursementApproved",
    "DisbursementCancelled",
    "DisbursementPaid",
    "DisbursementPublicized",
    "DisbursementRejected",
    "DisbursementRequested",
    "DonationRefunded",
    "DonationReversed",
    "DonorErased",
    "DonorEvent",
    "EvaluationRecorded",
    "FundClosed",
    "FundEvent",
    "FundOpened",
    "FundTransferredIn",
    "FundTransferredOut",
    "GoodsDistributed",
    "GoodsLine",
    "GoodsSold",
    "GroupCreated",
    "GroupSessionHeld",
    "InKindDonationReceived",
    "LedgerEvent",
    "LevelEvent",
    "PaymentReversed",
    "PeopleEvent",
    "PeriodClosed",
    "PeriodEvent",
    "PersonAdded",
    "PersonLeft",
    "PledgeRecorded",
    "ProjectClosed",
    "ProjectEvent",
    "ProjectOpened",
    "PurposeChanged",
    "RecognitionEvent",
    "ReportKind",
    "ReportPublished",
    "RestrictionReleased",
    "RoleGranted",
    "RoleWithdrawn",
    "ServedPersonErased",
    "SupervisionRecorded",
    "TeamDissolved",
    "TeamEvent",
    "TeamFormed",
    "TeamLeaderNamed",
    "TeamMemberJoined",
    "TeamMemberLeft",
    "UnitLevel",
    "UnitMoved",
    "UnitRegistered",
    "UnitRenamed",
    "UnitRetired",
    "ValueBasis",
]

UNRESTRICTED = ""

ValueBasis = Literal["document", "fair_value", "unvalued"]


class LedgerEvent(msgspec.Struct, frozen=True, kw_only=True, tag_field="type", gc=False):
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

    Who gave it, told apart by two fields:

    * an organisation (a company, a charity, a committee): ``donor`` is its name and
      ``donor_sealed`` is ``None``;
    * a named person: ``donor`` is ``None`` and ``donor_sealed`` is their name sealed under a
      key of their own (``personal.PersonalDataSealer.seal_name``), which erasing them
      destroys (``DonorErased``);
    * an anonymous gift: both are ``None``.

    Attributes:
        receipt_no: the 捐赠票据 number, unique within the fund; the idempotency key.
        donor: an organisation's name; ``None`` for a person's or an anonymous gift.
        restriction: the named purpose, ``""`` when unrestricted.
        donor_sealed: a person's name, sealed; ``None`` otherwise.
        pledge_id: the pledge (``PledgeRecorded``) this gift fulfils, ``""`` for none.
        project_id, budget_line: the project (项目) the gift was given for and the line of
            its budget, ``""`` for none (rule 41).
    """

    receipt_no: str
    donor: str | None
    restriction: str
    amount_fen: int
    note: str = ""
    donor_sealed: bytes | None = None
    pledge_id: str = ""
    project_id: str = ""
    budget_line: str = ""


class PledgeRecorded(FundEvent, frozen=True, kw_only=True, tag="PledgeRecorded"):
    """A gift was promised (认捐): kept beside the fund, never income (rule 36).

    No balance, statement figure or report total counts it; the gift counts when it
    arrives (``CashDonationReceived``, which may name the pledge in ``pledge_id``).

    Attributes:
        pledge_id: the station's number for the pledge, unique within the fund.
        donor: an organisation's name; ``None`` for a person or an anonymous pledge (a
            person's name is personal data, registered sealed with the gift itself).
        amount_fen: the amount promised.
        restriction: the purpose the gift will be restricted to, ``""`` for none.
        expected_on: when the gift is expected, if said.
    """

    pledge_id: str
    donor: str | None
    amount_fen: int
    restriction: str
    expected_on: dt.date | None
    note: str = ""


class GoodsLine(msgspec.Struct, frozen=True, kw_only=True, gc=False):
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

    In-kind value never counts toward the cash that can be disbursed. The donor is told
    apart as in ``CashDonationReceived``: an organisation's name in ``donor``, a person's
    sealed in ``donor_sealed``, neither for an anonymous gift. ``project_id`` and
    ``budget_line`` as for a cash gift.
    """

    receipt_no: str
    donor: str | None
    restriction: str
    items: tuple[GoodsLine, ...]
    note: str = ""
    donor_sealed: bytes | None = None
    project_id: str = ""
    budget_line: str = ""


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
    """Someone asked to spend money (申请) from one restriction for a purpose and payee.

    Attributes:
        project_id, budget_line: the project and the line of its budget the money is spent
            on, ``""`` for none; the request counts against the line from now until it is
            rejected or withdrawn (rule 42).
    """

    request_id: str
    amount_fen: int
    purpose: str
    restriction: str
    payee: str
    project_id: str = ""
    budget_line: str = ""


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
    """The reserved money was paid out to the payee; the reservation becomes spending.

    Attributes:
        project_id, budget_line: the request's, copied so that the payment names the
            project it was spent on by itself (``""`` for none).
    """

    request_id: str
    voucher_no: str
    restriction: str
    amount_fen: int
    payee: str
    purpose: str
    project_id: str = ""
    budget_line: str = ""


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
    PledgeRecorded,
)


# ---- volunteers, activities, service records, the time bank ---------------------------------

ActivityCategory = Literal[
    "volunteer_service",
    "theme_activity",
    "group_work",
    "community_work",
    "case_work",
    "training",
    "supervision",
]


class VolunteerEvent(LedgerEvent, frozen=True, kw_only=True):
    """Base of the events of one volunteer: profile, service records, time bank."""


class VolunteerRegistered(VolunteerEvent, frozen=True, kw_only=True, tag="VolunteerRegistered"):
    """A volunteer was registered (注册) at a station.

    Attributes:
        personal_sealed: name, gender, birth date, phone and ID number, sealed by the
            application (encrypted with eventsourcing's AES cipher when the ledger has a
            key); the domain never reads it.
        id_hash: a keyed hash of the ID number, for finding a volunteer without it in clear.
        consent: whether the volunteer agreed to their data being used for the records
            (条例 Art.20); without it nothing personal is disclosed.
    """

    volunteer_id: str
    station_id: str
    personal_sealed: bytes
    id_hash: str
    skills: tuple[str, ...]
    categories: tuple[str, ...]
    consent: bool
    registered_on: dt.date


class VolunteerProfileCorrected(
    VolunteerEvent, frozen=True, kw_only=True, tag="VolunteerProfileCorrected"
):
    """A profile field was corrected, with a reason; the original stays in the log.

    Attributes:
        field: the field corrected (``name``, ``phone``, ``skills``, ``consent``...).
        personal_sealed: the new sealed personal data when a personal field changed.
        value: the new value of a non-personal field, as text (skills joined by "、").
    """

    correction_id: str
    field: str
    personal_sealed: bytes | None
    id_hash: str | None
    value: str
    reason: str


class PersonalDataErased(VolunteerEvent, frozen=True, kw_only=True, tag="PersonalDataErased"):
    """The volunteer's personal data was erased (个人信息保护法 Art.47): their subject keys
    are destroyed after this event is recorded, so their sealed data no longer opens.

    Their service records, hours, time bank and certificates stay, under their volunteer
    id (a pseudonym from now on); the events that hold their sealed data stay in the log
    and the hash chain, unreadable.

    Attributes:
        volunteer_id: the volunteer erased.
        requested_by: who asked (the volunteer, by their id, or whoever acts for them).
        key_ids: the subject keys destroyed, in hex: every key their events were sealed
            under.
        legacy_sealed: how many of their events hold personal data sealed before subject
            keys (in clear, or under the store's key): no key's deletion shreds those bytes;
            they are only hidden from every output until the store is copied with subject
            keys.
    """

    volunteer_id: str
    reason: str
    requested_by: str
    key_ids: tuple[str, ...]
    legacy_sealed: int


class VolunteerJoinedTeam(VolunteerEvent, frozen=True, kw_only=True, tag="VolunteerJoinedTeam"):
    """The volunteer joined a team (志愿服务队)."""

    team: str


class VolunteerLeftTeam(VolunteerEvent, frozen=True, kw_only=True, tag="VolunteerLeftTeam"):
    """The volunteer left a team."""

    team: str
    reason: str


class VolunteerDeactivated(VolunteerEvent, frozen=True, kw_only=True, tag="VolunteerDeactivated"):
    """The volunteer no longer serves; their records and certificates stay."""

    reason: str


class ServiceRecorded(VolunteerEvent, frozen=True, kw_only=True, tag="ServiceRecorded"):
    """The volunteer served an activity (办法 Art.7): who, what, where, when, how long.

    Attributes:
        record_id: the organising unit's record number, the idempotency key.
        started_at, ended_at: when service began and ended (``None`` when a duration was given).
        duration_s: service time in whole seconds, the figure that is summed.
        late: entered more than 10 working days after the activity (办法 Art.11).
        approved: approved on entry (the station auto-approves, or the sheet says who approved).
        ends_on: the last day of a service over several days (a camp, a relief week), whose
            first day is ``service_date``; ``None`` for service on one day. Such a record is
            one 人次 with all its time, at most 24 hours per day it spans (rule 38).
        project_id, budget_line: the project the service was part of and its budget line,
            ``""`` for none (the record's own, else its activity's; rule 41).
    """

    record_id: str
    activity_id: str
    activity_name: str
    category: ActivityCategory
    station_id: str
    community: str
    team: str
    service_date: dt.date
    started_at: dt.datetime | None
    ended_at: dt.datetime | None
    duration_s: int
    place: str
    content: str
    organizer: str
    leader: str
    late: bool
    ends_on: dt.date | None = None
    project_id: str = ""
    budget_line: str = ""


class ServiceApproved(VolunteerEvent, frozen=True, kw_only=True, tag="ServiceApproved"):
    """A service record was approved (审核) by someone other than who recorded it."""

    record_id: str
    duration_s: int


class ServiceCorrected(VolunteerEvent, frozen=True, kw_only=True, tag="ServiceCorrected"):
    """A service record's time was corrected (办法 Art.13); the original stays.

    Attributes:
        duration_s: the corrected duration; ``delta_s`` what it changes on counted hours.
        requested_by: who reported the error (usually the volunteer); ``actor`` verified it.
    """

    correction_id: str
    record_id: str
    started_at: dt.datetime | None
    ended_at: dt.datetime | None
    duration_s: int
    delta_s: int
    counted: bool
    reason: str
    requested_by: str


class ServiceVoided(VolunteerEvent, frozen=True, kw_only=True, tag="ServiceVoided"):
    """A service record was voided with a reason; ``counted_s`` left the counted hours."""

    record_id: str
    counted_s: int
    reason: str


class HoursBanked(VolunteerEvent, frozen=True, kw_only=True, tag="HoursBanked"):
    """Approved service time was deposited in the time bank (爱心储蓄银行), once per record.

    Attributes:
        credit_s: the time-bank credit, ``duration_s`` times the station's rate.
    """

    record_id: str
    duration_s: int
    credit_s: int


class HoursRedeemed(VolunteerEvent, frozen=True, kw_only=True, tag="HoursRedeemed"):
    """Time-bank credit was spent on a service or goods, approved by someone."""

    redemption_id: str
    credit_s: int
    item: str
    quantity: int
    counterparty: str
    approver: str


class HoursTransferredOut(VolunteerEvent, frozen=True, kw_only=True, tag="HoursTransferredOut"):
    """Time-bank credit went to another member (e.g. a family member)."""

    transfer_id: str
    to_volunteer_id: str
    credit_s: int
    reason: str


class HoursTransferredIn(VolunteerEvent, frozen=True, kw_only=True, tag="HoursTransferredIn"):
    """Time-bank credit arrived from another member."""

    transfer_id: str
    from_volunteer_id: str
    credit_s: int
    reason: str


class HoursAdjusted(VolunteerEvent, frozen=True, kw_only=True, tag="HoursAdjusted"):
    """Time-bank credit expired or was adjusted, with authorisation and reason.

    Attributes:
        credit_s: the signed change (negative for expiry).
        kind: ``expiry`` or ``adjustment``.
    """

    adjustment_id: str
    credit_s: int
    kind: Literal["expiry", "adjustment"]
    authorised_by: str
    reason: str


class CertificateIssued(VolunteerEvent, frozen=True, kw_only=True, tag="CertificateIssued"):
    """A service certificate (志愿服务证明) was issued for a period (办法 Art.14-17).

    Attributes:
        certificate_no: its number; ``record_ids`` the approved records it counts.
        total_s: the counted seconds, summed before rounding.
        digest: SHA-256 over the certificate's canonical content; the verification code
            printed on it is derived from it, so the library alone can check it.
    """

    certificate_no: str
    period_from: dt.date
    period_to: dt.date
    record_ids: tuple[str, ...]
    total_s: int
    issuer: str
    issuing_station: str
    digest: str


class CertificateRevoked(VolunteerEvent, frozen=True, kw_only=True, tag="CertificateRevoked"):
    """A certificate was revoked with a reason; verifying it says so from then on."""

    certificate_no: str
    reason: str


class IdNumberClaimed(VolunteerEvent, frozen=True, kw_only=True, tag="IdNumberClaimed"):
    """A volunteer holds an ID number (rule 39, ``domain.id_claims``): one aggregate
    per ID number, its id derived from the number's keyed hash, so that a second volunteer
    with the same number is refused without a scan and under concurrency.

    Attributes:
        holder_sealed: the holder's volunteer id, sealed under the holder's own key
            (``PersonalDataSealer.seal_name``): erasing the holder makes it unreadable,
            and the claim lapses with it.
    """

    holder_sealed: bytes


class IdNumberReleased(VolunteerEvent, frozen=True, kw_only=True, tag="IdNumberReleased"):
    """The holder's ID number was corrected to another: the number is free again."""

    reason: str


class ActivityEvent(LedgerEvent, frozen=True, kw_only=True):
    """Base of the events of one activity."""


class ActivityPublished(ActivityEvent, frozen=True, kw_only=True, tag="ActivityPublished"):
    """An activity was published: only ``volunteer_service`` ones produce service hours (rule 4).

    Attributes:
        project_id, budget_line: the project the activity belongs to and its budget line,
            ``""`` for none; its service records name them unless they name their own.
    """

    activity_id: str
    station_id: str
    name: str
    category: ActivityCategory
    community: str
    place: str
    organizer: str
    leader: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    project_id: str = ""
    budget_line: str = ""


class StationEvent(LedgerEvent, frozen=True, kw_only=True):
    """Base of the events of a station's own settings."""


class StationPolicySet(StationEvent, frozen=True, kw_only=True, tag="StationPolicySet"):
    """A station set (or changed) how its volunteer records and time bank work.

    Attributes:
        auto_approve: service records count on entry, without a second person's approval.
        bank_rate_pct: time-bank credit per approved service time, in percent (100 = 1:1).
        bank_automatic: approved records are banked at once, not on request.
        bank_limit_s: the lowest a time-bank balance may go (0: never below zero).
        notice_days_min: the shortest 公示 of a disbursement, in days with both ends
            counted (rule 31; 5 for a policy set before the field existed).
        over_budget_allowed: whether a disbursement may take a project's budget line
            below zero (rule 42; ``False`` for a policy set before the field existed).
        star_thresholds_h: the cumulative counted service hours at which a volunteer
            reaches one to five stars (星级志愿者, rule 51), strictly increasing whole
            hours (100/300/600/1000/1500 for a policy set before the field existed).
    """

    station_id: str
    name: str
    auto_approve: bool
    bank_rate_pct: int
    bank_automatic: bool
    bank_limit_s: int
    notice_days_min: int = 5
    over_budget_allowed: bool = False
    star_thresholds_h: tuple[int, ...] = (100, 300, 600, 1000, 1500)


# ---- individual donors ----------------------------------------------------------------------


class DonorEvent(LedgerEvent, frozen=True, kw_only=True):
    """Base of the events of one individual donor's key (``domain.donor.Donor``)."""


class DonorErased(DonorEvent, frozen=True, kw_only=True, tag="DonorErased"):
    """A person's name, sealed in their gifts, was erased (个人信息保护法 Art.47): the key it
    is sealed under is destroyed after this event is recorded.

    One event per key, on the aggregate that key's id names (``domain.donor.donor_uuid``):
    a person has one key, made with their first gift. Nothing here links to the name:
    the key id is random, and the gifts sealed under it stay in the log and in every
    figure, shown under a pseudonym made from it (``donors.donor_pseudonym``).

    Attributes:
        key_id: the subject key destroyed, in hex (the id written in the gifts' sealed names).
        requested_by: who asked (本人, or whoever acts for them), never their name.
    """

    key_id: str
    reason: str
    requested_by: str


DONOR_EVENT_TYPES: tuple[type[LedgerEvent], ...] = (DonorErased,)


VOLUNTEER_EVENT_TYPES: tuple[type[LedgerEvent], ...] = (
    StationPolicySet,
    VolunteerRegistered,
    VolunteerProfileCorrected,
    PersonalDataErased,
    VolunteerJoinedTeam,
    VolunteerLeftTeam,
    VolunteerDeactivated,
    ServiceRecorded,
    ServiceApproved,
    ServiceCorrected,
    ServiceVoided,
    HoursBanked,
    HoursRedeemed,
    HoursTransferredOut,
    HoursTransferredIn,
    HoursAdjusted,
    CertificateIssued,
    CertificateRevoked,
    ActivityPublished,
    IdNumberClaimed,
    IdNumberReleased,
)


# ---- a station's publications and closed periods --------------------------------------------

ReportKind = Literal["disclosure", "annual_report"]


class PeriodEvent(StationEvent, frozen=True, kw_only=True):
    """Base of the events of a station's publications and closed periods
    (``domain.periods.StationPeriods``, one aggregate per station, apart from its policy).

    Attributes:
        station_id: the station whose publication or closed period it is.
    """

    station_id: str


class ReportPublished(PeriodEvent, frozen=True, kw_only=True, tag="ReportPublished"):
    """A station published a report (rule 32): a disclosure (信息公开) or an annual report
    (年报) for a period, with the anchor of the history it was computed from.

    Attributes:
        kind: ``disclosure`` or ``annual_report``.
        period_from, period_to: the period the report covers (both days included).
        anchor: the anchor printed on it, in its text form (``sha256:position:hex``).
        note: where and how it was published (公告栏, website, a letter).
    """

    kind: ReportKind
    period_from: dt.date
    period_to: dt.date
    anchor: str
    note: str


class PeriodClosed(PeriodEvent, frozen=True, kw_only=True, tag="PeriodClosed"):
    """A station closed a period (rule 33): commands dated in it are refused from now on
    unless they carry a correction note (then ``ClosedPeriodCorrected`` names them).

    Attributes:
        period_from, period_to: the closed period (both days included).
        reason: why it was closed (the year's report published, an audit finished).
        anchor: the anchor of the store when it was closed: the history the period's
            figures were computed from (``""`` for a store without events).
    """

    period_from: dt.date
    period_to: dt.date
    reason: str
    anchor: str


class ClosedPeriodCorrected(PeriodEvent, frozen=True, kw_only=True, tag="ClosedPeriodCorrected"):
    """A command dated in a closed period was recorded with a correction note (rule 33);
    the next disclosure and annual report of the station list it as 更正说明 (rule 34).

    Its ``occurred_on`` is the corrected event's business date (in the closed period).

    Attributes:
        event_type: the corrected event's type (its stored name without version).
        aggregate_id, aggregate_version: the corrected event's aggregate and version.
        note: the correction note the command carried.
        period_from, period_to: the closed period it corrects.
        closed_anchor: the anchor that period was closed with.
        closed_at: when the closing was recorded.
    """

    event_type: str
    aggregate_id: UUID
    aggregate_version: int
    note: str
    period_from: dt.date
    period_to: dt.date
    closed_anchor: str
    closed_at: dt.datetime


PERIOD_EVENT_TYPES: tuple[type[LedgerEvent], ...] = (
    ReportPublished,
    PeriodClosed,
    ClosedPeriodCorrected,
)


# ---- a station's people and who may do what -------------------------------------------------


class PeopleEvent(StationEvent, frozen=True, kw_only=True):
    """Base of the events of one station's register of people (``domain.people.Register``).

    Every one names its station, so a trail names the register without looking it up.
    """

    station_id: str


class PersonAdded(PeopleEvent, frozen=True, kw_only=True, tag="PersonAdded"):
    """A person who works at the station was registered, with their roles.

    Attributes:
        person_id: their id in the station's register (a staff number), what every event
            they record from now on names as its ``actor``.
        name: the name they go by, as a label beside the id; commands may name them by it.
        roles: their roles (``domain.people.ROLES``: ``social_worker``, ``clerk``,
            ``cashier``, ``committee``, ``auditor``, ``admin``).
    """

    person_id: str
    name: str
    roles: tuple[str, ...]


class RoleGranted(PeopleEvent, frozen=True, kw_only=True, tag="RoleGranted"):
    """A registered person was given one more role."""

    person_id: str
    role: str


class RoleWithdrawn(PeopleEvent, frozen=True, kw_only=True, tag="RoleWithdrawn"):
    """A registered person's role was taken away, with a reason."""

    person_id: str
    role: str
    reason: str


class PersonLeft(PeopleEvent, frozen=True, kw_only=True, tag="PersonLeft"):
    """A registered person left the station: they may act for it no more; their past
    events keep naming them."""

    person_id: str
    reason: str


class AccessPolicySet(PeopleEvent, frozen=True, kw_only=True, tag="AccessPolicySet"):
    """The station set (or changed) which roles may do what (``domain.people``).

    Attributes:
        record, approve, pay, configure: the roles allowed each kind of action.
        approver_may_pay: whether one who approved a request may also pay it.
    """

    record: tuple[str, ...]
    approve: tuple[str, ...]
    pay: tuple[str, ...]
    configure: tuple[str, ...]
    approver_may_pay: bool


PEOPLE_EVENT_TYPES: tuple[type[LedgerEvent], ...] = (
    PersonAdded,
    RoleGranted,
    RoleWithdrawn,
    PersonLeft,
    AccessPolicySet,
)


# ---- levels: district (区/县), station (镇/街道), community room (村/居) ---------------------

UnitLevel = Literal["district", "station", "community"]


class LevelEvent(LedgerEvent, frozen=True, kw_only=True):
    """Base of the events of the store's register of levels (``domain.levels.LevelRegister``):
    the units records name as their ``station_id``, each at a level and under a parent.

    Attributes:
        unit_id: the unit's code, the one its records carry as their ``station_id``.
    """

    unit_id: str


class UnitRegistered(LevelEvent, frozen=True, kw_only=True, tag="UnitRegistered"):
    """A unit was registered at its level, under its parent (its ``occurred_on`` is its
    ``registered_on``). Its parent holds from the start of its history until a move.

    Attributes:
        level: ``district``, ``station`` or ``community``.
        parent_id: the parent unit (a district for a station, a station for a community
            room); ``""`` for a district, or a station of a store that keeps no district.
        name: what the unit is called (某区社会工作服务总站, 某镇社工站, 某村社工室).
    """

    level: UnitLevel
    parent_id: str
    name: str


class UnitRenamed(LevelEvent, frozen=True, kw_only=True, tag="UnitRenamed"):
    """A unit's name changed (its code, what records carry, never does)."""

    name: str
    previous_name: str


class UnitMoved(LevelEvent, frozen=True, kw_only=True, tag="UnitMoved"):
    """A unit moved under another parent from its ``occurred_on`` on: its records of that
    day and after count at the new parent, those before at the old one.

    Attributes:
        parent_id: the new parent.
        previous_parent_id: the parent it leaves.
        reason: why (a redistricting, a merger of towns).
    """

    parent_id: str
    previous_parent_id: str
    reason: str


class UnitRetired(LevelEvent, frozen=True, kw_only=True, tag="UnitRetired"):
    """A unit stopped working (merged, closed): it takes no new children and cannot move;
    its records keep counting at its parent."""

    reason: str


# ---- a station's projects (项目) --------------------------------------------------------------


class BudgetLine(msgspec.Struct, frozen=True, kw_only=True, gc=False):
    """One line of a project's budget as opened (预算科目).

    Attributes:
        code: the line's code, unique within the project (``"A1"``, ``"活动费"``).
        name: what the line pays for.
        amount_fen: the amount budgeted when the project was opened.
    """

    code: str
    name: str
    amount_fen: int


class ProjectEvent(LedgerEvent, frozen=True, kw_only=True):
    """Base of the events of one project (``domain.projects.Project``). Not a station's
    setting: its budget is a figure of the periods it spans, so a closed period holds
    these events like any other (rule 33).

    Attributes:
        project_id: the station's code for the project, unique in the store.
    """

    project_id: str


class ProjectOpened(ProjectEvent, frozen=True, kw_only=True, tag="ProjectOpened"):
    """A station opened a project (项目化服务, 公益创投) with its period, funds and budget.

    Attributes:
        station_id: the station that runs it.
        name: the project's name.
        starts_on, ends_on: its period, both days included: what names it is dated within.
        fund_ids: the funds it draws on (its spending comes from these only).
        lines: its budget, line by line.
    """

    station_id: str
    name: str
    starts_on: dt.date
    ends_on: dt.date
    fund_ids: tuple[str, ...]
    lines: tuple[BudgetLine, ...]


class BudgetLineAmended(ProjectEvent, frozen=True, kw_only=True, tag="BudgetLineAmended"):
    """A budget line was amended (预算调整): a correcting event of its own; the line as
    opened, and every amendment before, stay in the log (rule 40).

    Attributes:
        amendment_id: the station's number for the amendment, the idempotency key.
        line_code: the line amended.
        amount_fen: the line's budget from now on.
        delta_fen: what the amendment changed (``amount_fen`` less the budget before).
        reason: why (the committee's decision, the funder's letter).
    """

    amendment_id: str
    line_code: str
    amount_fen: int
    delta_fen: int
    reason: str


class ProjectClosed(ProjectEvent, frozen=True, kw_only=True, tag="ProjectClosed"):
    """The project was closed (结项): nothing new may name it from now on."""

    reason: str


LEVEL_EVENT_TYPES: tuple[type[LedgerEvent], ...] = (
    UnitRegistered,
    UnitRenamed,
    UnitMoved,
    UnitRetired,
)

PROJECT_EVENT_TYPES: tuple[type[LedgerEvent], ...] = (
    ProjectOpened,
    BudgetLineAmended,
    ProjectClosed,
)


# ---- service delivery: case work, groups, community activities, supervision -----------------

DeliveryKind = Literal["supervision", "training"]


class DeliveryEvent(LedgerEvent, frozen=True, kw_only=True):
    """Base of the events of a station's service delivery (``domain.delivery``): case work
    (个案), groups (小组), community activities (社区活动), and the supervision and training
    of its staff (督导 / 培训). None of them moves money or a volunteer's hours, but they
    are figures a station publishes, so a closed period holds them (unlike a station's
    settings, ``StationEvent``).

    A served person is never named: where a station gives an identifier of the person (a
    resident number, a phone number), the event holds a *served reference*, the hex id of
    a subject key of that person (``storage.subject_keys``), random, and found again from
    the identifier only through the key's own row, which erasing the person deletes.

    Attributes:
        station_id: the station whose work it is.
        project_id, budget_line: the project and budget line the work is charged to
            (free text, ``""`` for none).
    """

    station_id: str
    project_id: str = ""
    budget_line: str = ""


class CaseOpened(DeliveryEvent, frozen=True, kw_only=True, tag="CaseOpened"):
    """A case was opened (建档) on its ``occurred_on``.

    Attributes:
        case_id: the station's own case number, unique in the station.
        social_worker: the social worker in charge.
        served_ref: the served person's reference (hex key id), ``""`` when the station
            gave no identifier.
    """

    case_id: str
    social_worker: str
    served_ref: str = ""


class CaseSessionRecorded(DeliveryEvent, frozen=True, kw_only=True, tag="CaseSessionRecorded"):
    """A session of a case (面谈, 家访...) on its ``occurred_on``: one 人次.

    Attributes:
        session_id: unique in the case; the idempotency key.
        duration_s: how long it took, in seconds (at most a day).
        worker: who held it.
        content: what was done (never the person's identifier).
    """

    case_id: str
    session_id: str
    duration_s: int
    worker: str
    content: str = ""


class CaseClosed(DeliveryEvent, frozen=True, kw_only=True, tag="CaseClosed"):
    """A case was closed (结案) on its ``occurred_on``; no session is recorded after."""

    case_id: str
    reason: str


class GroupCreated(DeliveryEvent, frozen=True, kw_only=True, tag="GroupCreated"):
    """A group (小组) was set up on its ``occurred_on``.

    Attributes:
        group_id: the station's own code for the group, unique in the station.
        name: its name; theme: what it works on (亲子, 长者互助...).
    """

    group_id: str
    name: str
    theme: str = ""


class GroupSessionHeld(DeliveryEvent, frozen=True, kw_only=True, tag="GroupSessionHeld"):
    """A session (一节) of a group on its ``occurred_on``.

    Attributes:
        session_id: unique in the group; the idempotency key.
        duration_s: how long it took, in seconds (at most a day).
        participants: how many people took part (人次 of the session).
        participant_refs: served references of those the station identified, each once
            (at most ``participants`` of them).
    """

    group_id: str
    session_id: str
    duration_s: int
    participants: int
    participant_refs: tuple[str, ...] = ()
    content: str = ""


class CommunityActivityCreated(
    DeliveryEvent, frozen=True, kw_only=True, tag="CommunityActivityCreated"
):
    """A community activity (社区活动) was set up on its ``occurred_on``.

    Attributes:
        activity_id: the station's own code for it, unique in the station.
        name, theme: what it is called and about.
    """

    activity_id: str
    name: str
    theme: str = ""


class CommunityActivitySessionHeld(
    DeliveryEvent, frozen=True, kw_only=True, tag="CommunityActivitySessionHeld"
):
    """A session of a community activity on its ``occurred_on``, with its attendance.

    Attributes:
        session_id: unique in the activity; the idempotency key.
        duration_s: how long it took, in seconds (at most a day).
        attendance: how many people attended (人次 of the session).
        attendee_refs: served references of those the station identified, each once (at
            most ``attendance`` of them).
    """

    activity_id: str
    session_id: str
    duration_s: int
    attendance: int
    attendee_refs: tuple[str, ...] = ()
    content: str = ""


class SupervisionRecorded(DeliveryEvent, frozen=True, kw_only=True, tag="SupervisionRecorded"):
    """Supervision (督导) or training (培训) of the station's staff on its ``occurred_on``:
    never a volunteer's service time.

    Attributes:
        record_id: unique in the station; the idempotency key.
        kind: ``supervision`` or ``training``.
        count: how many sessions (次) the record stands for.
        duration_s: their time together, in seconds (at most a day).
        supervisor: the supervisor or trainer.
    """

    record_id: str
    kind: DeliveryKind
    count: int
    duration_s: int
    supervisor: str
    note: str = ""


class ServedPersonErased(DeliveryEvent, frozen=True, kw_only=True, tag="ServedPersonErased"):
    """A served person's identity was erased (个人信息保护法 Art.47): the subject key whose
    id is their served reference is destroyed after this event is recorded. One event per
    key, on the aggregate that key's id names (``domain.delivery.served_uuid``).

    Attributes:
        station_id: the station that took the request.
        key_id: the key destroyed, in hex (the served reference the sessions hold).
        requested_by: who asked (本人, 监护人), never the person's identifier.
    """

    key_id: str
    reason: str
    requested_by: str


DELIVERY_EVENT_TYPES: tuple[type[LedgerEvent], ...] = (
    CaseOpened,
    CaseSessionRecorded,
    CaseClosed,
    GroupCreated,
    GroupSessionHeld,
    CommunityActivityCreated,
    CommunityActivitySessionHeld,
    SupervisionRecorded,
    ServedPersonErased,
)


# ---- teams, awards and evaluations (recognition) ---------------------------------------------
#
# None of these is service: a team's roster, an award (表彰) or an evaluation (评价) never adds
# a second to anyone's service hours (志愿服务记录与证明出具办法 Art.8-10; rule 53). Each one's
# ``occurred_on`` is its business date: the day the team was formed, the member joined or
# left, the leader named, the team dissolved, the award granted, the evaluation recorded.


class TeamEvent(LedgerEvent, frozen=True, kw_only=True):
    """Base of the events of one volunteer team (志愿服务队, ``domain.teams.Team``).

    Attributes:
        team_id: the station's code for the team, the aggregate's key.
        station_id: the station the team belongs to.
    """

    team_id: str
    station_id: str


class TeamFormed(TeamEvent, frozen=True, kw_only=True, tag="TeamFormed"):
    """A team was formed at a station on ``occurred_on`` (its formation date).

    Attributes:
        name: the team's name (红马甲服务队).
    """

    name: str


class TeamMemberJoined(TeamEvent, frozen=True, kw_only=True, tag="TeamMemberJoined"):
    """A volunteer of the station joined the team on ``occurred_on``."""

    volunteer_id: str


class TeamMemberLeft(TeamEvent, frozen=True, kw_only=True, tag="TeamMemberLeft"):
    """A member left the team on ``occurred_on`` (a member on no day from then on); a
    leader who leaves leads no more."""

    volunteer_id: str
    reason: str


class TeamLeaderNamed(TeamEvent, frozen=True, kw_only=True, tag="TeamLeaderNamed"):
    """A member was named the team's leader (队长) from ``occurred_on``, in place of any
    leader before."""

    volunteer_id: str


class TeamDissolved(TeamEvent, frozen=True, kw_only=True, tag="TeamDissolved"):
    """The team was dissolved on ``occurred_on``: every membership and the leadership end
    that day, and nothing more is recorded for it."""

    reason: str


AwardRecipient = Literal["volunteer", "team"]


class RecognitionEvent(LedgerEvent, frozen=True, kw_only=True):
    """Base of the events of a station's register of awards and evaluations
    (``domain.teams.Recognitions``, one aggregate per station).

    Attributes:
        station_id: the station whose register it is.
    """

    station_id: str


class AwardGranted(RecognitionEvent, frozen=True, kw_only=True, tag="AwardGranted"):
    """An award (表彰: 优秀志愿者, 优秀志愿服务队) was granted on ``occurred_on``.

    Attributes:
        award_id: the station's number for it (the certificate or document number), the
            idempotency key.
        recipient: ``volunteer`` or ``team``.
        recipient_id: the volunteer's or the team's code.
        title: the award's title.
        awarding_body: who granted it (a district's civil affairs bureau, the station).
    """

    award_id: str
    recipient: AwardRecipient
    recipient_id: str
    title: str
    awarding_body: str


class EvaluationRecorded(RecognitionEvent, frozen=True, kw_only=True, tag="EvaluationRecorded"):
    """A volunteer's evaluation (评价) for a period was recorded on ``occurred_on``.

    Attributes:
        evaluation_id: the station's number for it, the idempotency key.
        volunteer_id: the volunteer evaluated.
        period_from, period_to: the period evaluated (both days included).
        result: the grade or result given (优秀, 合格...).
        evaluator: who evaluated (a person or a body).
    """

    evaluation_id: str
    volunteer_id: str
    period_from: dt.date
    period_to: dt.date
    result: str
    evaluator: str


RECOGNITION_EVENT_TYPES: tuple[type[LedgerEvent], ...] = (
    TeamFormed,
    TeamMemberJoined,
    TeamMemberLeft,
    TeamLeaderNamed,
    TeamDissolved,
    AwardGranted,
    EvaluationRecorded,
)
