"""The audit trail: every event of a fund, a volunteer or an actor, as auditors read it.

An auditor asks four questions of each entry: who (``actor``), when (the business
date ``occurred_on``, the recording time ``recorded_at`` and the log ``position``),
what (a label in Chinese and English, a one-line summary of the business fields,
and the fields themselves with money in integer fen) and why (the reason, consent
reference or note the event carries). ``trail`` answers them from the notification
log, decoded by the ledger's own mapper, in log order: the order the ledger
recorded things in, which is the order an auditor replays them in.

Personal data never appears: a volunteer's sealed personal field (encrypted or in
clear bytes) and the keyed hash of their ID number are left out of ``fields`` and
of the summary; volunteers are named by their ids only. An individual donor is named as
every fund output names them (``donors.DonorNames``): their name opened, or their
pseudonym once erased; the sealed bytes are left out.

Nothing here writes to the store, and nothing reads a clock.
"""

from __future__ import annotations

import datetime as dt
import heapq
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Literal
from uuid import UUID

import msgspec

from sgz_ledger.audit.counting import Counted, ServiceCounting
from sgz_ledger.domain.errors import InvalidInput, NotFound
from sgz_ledger.domain.events import (
    AccessPolicySet,
    ActivityEvent,
    ActivityPublished,
    AwardGranted,
    BudgetLineAmended,
    CaseClosed,
    CaseOpened,
    CaseSessionRecorded,
    CashDonationReceived,
    CertificateIssued,
    CertificateRevoked,
    ClosedPeriodCorrected,
    CommunityActivityCreated,
    CommunityActivitySessionHeld,
    DeliveryEvent,
    DisbursementApproved,
    DisbursementCancelled,
    DisbursementPaid,
    DisbursementPublicized,
    DisbursementRejected,
    DisbursementRequested,
    DonationRefunded,
    DonationReversed,
    DonorErased,
    DonorEvent,
    EvaluationRecorded,
    FundClosed,
    FundEvent,
    FundOpened,
    FundTransferredIn,
    FundTransferredOut,
    GoodsDistributed,
    GoodsLine,
    GoodsSold,
    GroupCreated,
    GroupSessionHeld,
    HoursAdjusted,
    HoursBanked,
    HoursRedeemed,
    HoursTransferredIn,
    HoursTransferredOut,
    IdNumberClaimed,
    IdNumberReleased,
    InKindDonationReceived,
    LedgerEvent,
    LevelEvent,
    PaymentReversed,
    PeopleEvent,
    PeriodClosed,
    PeriodEvent,
    PersonAdded,
    PersonalDataErased,
    PersonLeft,
    PledgeRecorded,
    ProjectClosed,
    ProjectEvent,
    ProjectOpened,
    PurposeChanged,
    RecognitionEvent,
    ReportPublished,
    RestrictionReleased,
    RoleGranted,
    RoleWithdrawn,
    ServedPersonErased,
    ServiceApproved,
    ServiceCorrected,
    ServiceRecorded,
    ServiceVoided,
    StationEvent,
    StationPolicySet,
    SupervisionRecorded,
    TeamDissolved,
    TeamEvent,
    TeamFormed,
    TeamLeaderNamed,
    TeamMemberJoined,
    TeamMemberLeft,
    UnitMoved,
    UnitRegistered,
    UnitRenamed,
    UnitRetired,
    VolunteerDeactivated,
    VolunteerEvent,
    VolunteerJoinedTeam,
    VolunteerLeftTeam,
    VolunteerProfileCorrected,
    VolunteerRegistered,
)
from sgz_ledger.domain.fund import fund_uuid
from sgz_ledger.domain.money import format_yuan, hours_2dp
from sgz_ledger.domain.people import ROLE_LABELS
from sgz_ledger.domain.text import canonical_field, person_key, same_person
from sgz_ledger.domain.volunteer import AUTO_APPROVER, STATION_TZ, volunteer_uuid
from sgz_ledger.service.app import LedgerService
from sgz_ledger.storage.donor_names import DonorNames, ShownDonor, donor_pseudonym, donor_ref

__all__ = [
    "ACTOR_FIELDS",
    "EVENT_LABELS",
    "AggregateKind",
    "TrailEntry",
    "iter_trail",
    "trail",
]

# Fields that name a person who took part in a step without being its ``actor``: the
# approver of a redemption, who authorised a time-bank adjustment, who signed off
# goods given out, who asked for a service record's correction. An actor's trail
# includes the events naming them here. Not included: activity leaders and
# organisers (they ran the activity, they did not record or approve an entry) and a
# certificate's ``issuer`` (always its ``actor``).
ACTOR_FIELDS: tuple[str, ...] = ("approver", "authorised_by", "signed_off_by", "requested_by")

AggregateKind = Literal[
    "fund", "volunteer", "activity", "station", "donor", "level", "project", "team"
]

# Every event's own fields that are not business fields: the common envelope, shown
# in the entry's own columns, and the tag msgspec adds.
_ENVELOPE = frozenset(
    {"originator_id", "originator_version", "timestamp", "actor", "occurred_on", "type"}
)
# Never shown, not even as "absent": the sealed personal data and the keyed hash of an
# ID number (personal data too: it confirms a guessed number). Any other bytes value
# is dropped as well (below), so a new sealed field cannot leak by being forgotten here.
_PERSONAL = frozenset({"personal_sealed", "id_hash"})

# Every stored name of the time-bank transfers (each version): a volunteer's trail shows the
# other member's side of their transfers, read by these names alone.
_TRANSFER_NAMES = frozenset(
    f"{cls.__struct_config__.tag}.v{n}"
    for cls in (HoursTransferredIn, HoursTransferredOut)
    for n in range(1, getattr(cls, "version", 1) + 1)
)
# Every stored name of the teams', awards' and evaluations' events that name a volunteer:
# a volunteer's trail shows them, labelled as never service.
_RECOGNITION_NAMES = frozenset(
    f"{cls.__struct_config__.tag}.v{n}"
    for cls in (
        TeamMemberJoined,
        TeamMemberLeft,
        TeamLeaderNamed,
        AwardGranted,
        EvaluationRecorded,
    )
    for n in range(1, getattr(cls, "version", 1) + 1)
)
_GIFTS = (CashDonationReceived, InKindDonationReceived)
# Every stored name of a person's registration: the trail names registered people by them.
_PEOPLE_NAMES = frozenset(
    f"{PersonAdded.__struct_config__.tag}.v{n}"
    for n in range(1, getattr(PersonAdded, "version", 1) + 1)
)

# C0 and C1 control characters (line breaks, tabs, escapes) and the Unicode line and
# paragraph separators: what would break a line of a table or drive a terminal.
_BREAKS = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]+")


class TrailEntry(msgspec.Struct, frozen=True, kw_only=True):
    """One event of the log as an auditor reads it.

    Attributes:
        position: the event's position in the store's notification log (from 1).
        recorded_at: when the ledger recorded it (UTC, the event's ``timestamp``).
        occurred_on: the business date: when it happened in the world.
        aggregate: what the event belongs to: a fund, a volunteer, an activity, a station,
            an individual donor's key (its erasure).
        subject_id: that thing's code: ``fund_id``, ``volunteer_id``, ``activity_id``,
            ``station_id``, or the short form of a donor's key id (``donors.donor_ref``).
        event: the event's stable stored name without its version (``CashDonationReceived``).
        label_zh, label_en: what happened, for people (``现金捐赠``, ``cash donation received``).
        actor: who did it (经办人, 审批人, 记录人...): a registered person's id with their
            name (``P-03（李强）``); a name recorded where the station registered nobody
            marked so (``李强（未登记 unregistered）``).
        summary: one line of the business fields: amounts in yuan with 2 decimals,
            hours with 2 decimals, receipt / request / record ids, counterparty,
            restriction. Free text in it is flattened to one line.
        reason: why: the reason, with the consent or decision reference where the
            event has one, or the note of a donation; ``""`` when the event has none.
            On one line, like ``summary``; ``fields`` keep the text as stored.
        fields: the event's business fields as JSON values: money in integer fen,
            durations in integer seconds, dates as ISO text. Never personal data. A
            service record's events add ``counts`` (its activity is volunteer service) and
            ``counted_s`` (what the event adds to the service hours, ``audit.counting``).
    """

    position: int
    recorded_at: dt.datetime
    occurred_on: dt.date
    aggregate: AggregateKind
    subject_id: str
    event: str
    label_zh: str
    label_en: str
    actor: str
    summary: str
    reason: str
    fields: dict[str, Any]


# ---- labels: one for every event type that is stored --------------------------------------------

EVENT_LABELS: dict[type[LedgerEvent], tuple[str, str]] = {
    # funds
    FundOpened: ("基金设立", "fund opened"),
    CashDonationReceived: ("现金捐赠", "cash donation received"),
    InKindDonationReceived: ("物资捐赠", "in-kind donation received"),
    GoodsDistributed: ("物资发放", "goods given out"),
    GoodsSold: ("物资变卖", "goods sold"),
    DonationRefunded: ("捐赠退款", "donation refunded"),
    DonationReversed: ("冲销捐赠", "donation reversed"),
    PaymentReversed: ("冲销支付", "payment reversed"),
    RestrictionReleased: ("解除限定", "restriction released"),
    PurposeChanged: ("变更用途", "purpose changed"),
    DisbursementRequested: ("支出申请", "disbursement requested"),
    DisbursementApproved: ("支出审批", "disbursement approved"),
    DisbursementPublicized: ("支出公示", "disbursement publicized"),
    DisbursementPaid: ("支出支付", "disbursement paid"),
    DisbursementRejected: ("支出驳回", "disbursement rejected"),
    DisbursementCancelled: ("支出撤回", "disbursement cancelled"),
    FundTransferredOut: ("基金转出", "transferred to another fund"),
    FundTransferredIn: ("基金转入", "transferred from another fund"),
    FundClosed: ("基金关闭", "fund closed"),
    PledgeRecorded: ("认捐登记", "pledge recorded (not income)"),
    # stations and activities
    StationPolicySet: ("站点规则设置", "station policy set"),
    ActivityPublished: ("活动发布", "activity published"),
    # volunteers
    VolunteerRegistered: ("志愿者注册", "volunteer registered"),
    VolunteerProfileCorrected: ("资料更正", "profile corrected"),
    PersonalDataErased: ("个人信息删除", "personal data erased"),
    # individual donors
    DonorErased: ("捐赠人姓名删除", "donor's name erased"),
    VolunteerJoinedTeam: ("加入服务队", "joined a team"),
    VolunteerLeftTeam: ("退出服务队", "left a team"),
    VolunteerDeactivated: ("停止服务", "volunteer deactivated"),
    ServiceRecorded: ("服务记录", "service recorded"),
    ServiceApproved: ("服务审核", "service approved"),
    ServiceCorrected: ("服务更正", "service corrected"),
    ServiceVoided: ("服务作废", "service voided"),
    # the time bank
    HoursBanked: ("时长存入", "hours banked"),
    HoursRedeemed: ("时长兑换", "hours redeemed"),
    HoursTransferredOut: ("时长转出", "hours transferred out"),
    HoursTransferredIn: ("时长转入", "hours transferred in"),
    HoursAdjusted: ("时长调整", "hours adjusted"),
    # certificates
    CertificateIssued: ("出具服务证明", "certificate issued"),
    CertificateRevoked: ("撤销服务证明", "certificate revoked"),
    # publications and closed periods
    ReportPublished: ("报告发布", "report published"),
    PeriodClosed: ("期间关账", "period closed"),
    ClosedPeriodCorrected: ("更正说明", "closed period corrected"),
    # ID numbers (one volunteer each)
    IdNumberClaimed: ("身份证号登记", "ID number claimed"),
    IdNumberReleased: ("身份证号释放", "ID number released"),
    # a station's people
    PersonAdded: ("人员登记", "person registered"),
    RoleGranted: ("授予角色", "role granted"),
    RoleWithdrawn: ("撤销角色", "role withdrawn"),
    PersonLeft: ("人员离任", "person left"),
    AccessPolicySet: ("权限设置", "access policy set"),
    # the store's levels (district, station, community room)
    UnitRegistered: ("层级登记", "unit registered"),
    UnitRenamed: ("层级更名", "unit renamed"),
    UnitMoved: ("层级调整", "unit moved"),
    UnitRetired: ("层级撤销", "unit retired"),
    # a station's projects
    ProjectOpened: ("项目立项", "project opened"),
    BudgetLineAmended: ("预算调整", "budget line amended"),
    ProjectClosed: ("项目结项", "project closed"),
    # service delivery
    CaseOpened: ("个案建档", "case opened"),
    CaseSessionRecorded: ("个案服务", "case session"),
    CaseClosed: ("个案结案", "case closed"),
    GroupCreated: ("小组成立", "group created"),
    GroupSessionHeld: ("小组活动", "group session"),
    CommunityActivityCreated: ("社区活动设立", "community activity created"),
    CommunityActivitySessionHeld: ("社区活动开展", "community activity session"),
    SupervisionRecorded: ("督导培训", "supervision or training"),
    ServedPersonErased: ("服务对象信息删除", "served person erased"),
    # teams, awards and evaluations: none of them is service (rule 53)
    TeamFormed: ("服务队成立", "team formed"),
    TeamMemberJoined: ("服务队入队", "team member joined"),
    TeamMemberLeft: ("服务队离队", "team member left"),
    TeamLeaderNamed: ("服务队队长", "team leader named"),
    TeamDissolved: ("服务队解散", "team dissolved"),
    AwardGranted: ("表彰（非服务时长）", "award granted (not service hours)"),
    EvaluationRecorded: ("评价（非服务时长）", "evaluation recorded (not service hours)"),
}
"""What each stored event type is called, (Chinese, English); a test keeps it complete."""


# ---- one-line summaries ---------------------------------------------------------------------


def _one_line(text: str) -> str:
    """``text`` on one line: each run of control characters (line breaks, tabs, escapes)
    and line or paragraph separators becomes one space.

    Why: a note or reason may hold line breaks (or a terminal escape), which would
    break a table row or the terminal; the entry's ``fields`` keep the text as stored.
    """
    return _BREAKS.sub(" ", text).strip()


def _yuan(fen: int) -> str:
    return f"{format_yuan(fen)} 元"


def _hours(seconds: int) -> str:
    return f"{hours_2dp(seconds)} 小时 h"


def _restriction(restriction: str) -> str:
    return f"限定 restriction {restriction}" if restriction else "非限定 unrestricted"


def _donor(donor: str | None, person: ShownDonor | None = None) -> str:
    if person is not None:
        return f"个人捐赠人 individual donor {person.name}"
    return f"捐赠人 donor {donor}" if donor is not None else "匿名 anonymous"


def _goods(items: tuple[GoodsLine, ...]) -> str:
    return "、".join(
        f"{g.item} {g.quantity}{g.unit} "
        + (f"({_yuan(g.value_fen)})" if g.value_fen is not None else "(未估值 unvalued)")
        for g in items
    )


def _yes_no(flag: bool) -> str:
    return "是 yes" if flag else "否 no"


def _fund_opened(e: FundOpened) -> list[str]:
    return [
        f"{e.fund_id} {e.name} ({e.community})",
        f"站 station {e.station_id}",
        f"托管 host {e.host}",
        f"双人审批线 two approvers above {_yuan(e.approval_threshold_fen)}",
        f"须公示 publicity required {_yes_no(e.publicity_required)}",
    ]


def _cash(e: CashDonationReceived, person: ShownDonor | None = None) -> list[str]:
    return [
        f"票据 receipt {e.receipt_no}",
        _yuan(e.amount_fen),
        _restriction(e.restriction),
        _donor(e.donor, person),
        *_project_part(e),
    ]


def _pledge(e: PledgeRecorded) -> list[str]:
    expected = e.expected_on.isoformat() if e.expected_on else "未定 not set"
    return [
        f"认捐 pledge {e.pledge_id}",
        _yuan(e.amount_fen),
        _restriction(e.restriction),
        _donor(e.donor, None),
        f"预计到账 expected {expected}",
    ]


def _in_kind(e: InKindDonationReceived, person: ShownDonor | None = None) -> list[str]:
    return [
        f"票据 receipt {e.receipt_no}",
        _goods(e.items),
        _restriction(e.restriction),
        _donor(e.donor, person),
        *_project_part(e),
    ]


def _distributed(e: GoodsDistributed) -> list[str]:
    return [
        f"发放 distribution {e.distribution_id}",
        f"{e.item} {e.quantity}{e.unit} ({_yuan(e.value_fen)})",
        f"受赠 recipient {e.recipient}",
        f"用途 purpose {e.purpose}",
        _restriction(e.restriction),
        f"签收 signed off by {e.signed_off_by}",
    ]


def _sold(e: GoodsSold) -> list[str]:
    return [
        f"变卖 sale {e.sale_id}",
        f"{e.item} {e.quantity}{e.unit} (账面 booked {_yuan(e.value_fen)})",
        f"所得 proceeds {_yuan(e.proceeds_fen)}",
        f"买方 buyer {e.buyer}",
        _restriction(e.restriction),
    ]


def _refunded(e: DonationRefunded) -> list[str]:
    return [
        f"退款 refund {e.refund_id}",
        f"票据 receipt {e.receipt_no}",
        _yuan(e.amount_fen),
        _restriction(e.restriction),
    ]


def _donation_reversed(e: DonationReversed) -> list[str]:
    parts = [f"更正 correction {e.correction_id}", f"票据 receipt {e.receipt_no}"]
    if e.amount_fen or not e.items:
        parts.append(_yuan(e.amount_fen))
    if e.items:
        parts.append(_goods(e.items))
    return [*parts, _restriction(e.restriction)]


def _payment_reversed(e: PaymentReversed) -> list[str]:
    return [
        f"更正 correction {e.correction_id}",
        f"申请 request {e.request_id}",
        _yuan(e.amount_fen),
        _restriction(e.restriction),
    ]


def _released(e: RestrictionReleased) -> list[str]:
    return [f"{e.release_id}", f"{e.restriction} → 非限定 unrestricted", _yuan(e.amount_fen)]


def _purpose_changed(e: PurposeChanged) -> list[str]:
    return [f"{e.change_id}", f"{e.from_restriction} → {e.to_restriction}", _yuan(e.amount_fen)]


def _requested(e: DisbursementRequested) -> list[str]:
    return [
        f"申请 request {e.request_id}",
        _yuan(e.amount_fen),
        _restriction(e.restriction),
        f"用途 purpose {e.purpose}",
        f"收款人 payee {e.payee}",
        *_project_part(e),
    ]


def _approved(e: DisbursementApproved) -> list[str]:
    reserved = (
        f"预留 reserved {_yuan(e.reserved_fen)}"
        if e.reserved_fen
        else "待第二人审批 awaits a second approver"
    )
    return [f"申请 request {e.request_id}", _restriction(e.restriction), reserved]


def _publicized(e: DisbursementPublicized) -> list[str]:
    return [
        f"申请 request {e.request_id}",
        f"公示 notice {e.notice_ref}",
        f"{e.notice_from.isoformat()} 至 to {e.notice_to.isoformat()}",
    ]


def _paid(e: DisbursementPaid) -> list[str]:
    return [
        f"申请 request {e.request_id}",
        f"凭证 voucher {e.voucher_no}",
        _yuan(e.amount_fen),
        _restriction(e.restriction),
        f"收款人 payee {e.payee}",
        f"用途 purpose {e.purpose}",
        *_project_part(e),
    ]


def _closed_request(e: DisbursementRejected | DisbursementCancelled) -> list[str]:
    parts = [f"申请 request {e.request_id}", _restriction(e.restriction)]
    if e.released_fen:
        parts.append(f"释放预留 released {_yuan(e.released_fen)}")
    return parts


def _transferred_out(e: FundTransferredOut) -> list[str]:
    return [
        f"转账 transfer {e.transfer_id}",
        f"转入 to fund {e.to_fund_id}",
        _yuan(e.amount_fen),
        _restriction(e.restriction),
    ]


def _transferred_in(e: FundTransferredIn) -> list[str]:
    return [
        f"转账 transfer {e.transfer_id}",
        f"来自 from fund {e.from_fund_id}",
        _yuan(e.amount_fen),
        _restriction(e.restriction),
    ]


def _fund_closed(e: FundClosed) -> list[str]:
    return [f"余款转入 cash left moved to {e.transfer_to}"] if e.transfer_to else []


def _policy(e: StationPolicySet) -> list[str]:
    return [
        f"站 station {e.station_id} {e.name}",
        f"自动审核 auto-approve {_yes_no(e.auto_approve)}",
        f"时间银行比率 bank rate {e.bank_rate_pct}%",
        f"自动存入 bank automatically {_yes_no(e.bank_automatic)}",
        f"余额下限 balance limit {_hours(e.bank_limit_s)}",
        *(["允许超预算 over budget allowed"] if e.over_budget_allowed else []),
        "星级门槛 star thresholds " + "/".join(str(h) for h in e.star_thresholds_h) + " h",
    ]


def _report_published(e: ReportPublished) -> list[str]:
    kind = "信息公开 disclosure" if e.kind == "disclosure" else "年报 annual report"
    parts = [
        f"站 station {e.station_id}",
        kind,
        f"{e.period_from.isoformat()} 至 to {e.period_to.isoformat()}",
        f"锚点 anchor {e.anchor}",
    ]
    return [*parts, f"发布 published {e.note}"] if e.note else parts


def _period_closed(e: PeriodClosed) -> list[str]:
    return [
        f"站 station {e.station_id}",
        f"{e.period_from.isoformat()} 至 to {e.period_to.isoformat()}",
        f"关账锚点 closed at anchor {e.anchor or '-'}",
    ]


def _period_corrected(e: ClosedPeriodCorrected) -> list[str]:
    return [
        f"站 station {e.station_id}",
        f"已关账期间 closed period {e.period_from.isoformat()} 至 to {e.period_to.isoformat()}",
        f"更正 corrects {e.event_type} {e.aggregate_id} v{e.aggregate_version}",
        f"说明 note {e.note}",
        f"关账锚点 closed at anchor {e.closed_anchor or '-'}",
    ]


def _roles(roles: tuple[str, ...]) -> str:
    return "、".join(f"{ROLE_LABELS.get(r, r)} {r}" for r in roles)


def _person_added(e: PersonAdded) -> list[str]:
    return [f"站 station {e.station_id}", f"人员 person {e.person_id} {e.name}", _roles(e.roles)]


def _role(e: RoleGranted | RoleWithdrawn) -> list[str]:
    return [f"人员 person {e.person_id}", f"角色 role {_roles((e.role,))}"]


def _person_left(e: PersonLeft) -> list[str]:
    return [f"站 station {e.station_id}", f"人员 person {e.person_id}"]


def _access(e: AccessPolicySet) -> list[str]:
    return [
        f"站 station {e.station_id}",
        f"记录 record: {_roles(e.record)}",
        f"审批 approve: {_roles(e.approve)}",
        f"支付 pay: {_roles(e.pay)}",
        f"设置 configure: {_roles(e.configure)}",
        f"审批人可支付 approver may pay {_yes_no(e.approver_may_pay)}",
    ]


_LEVEL_LABELS = {
    "district": "区县 district",
    "station": "镇街 station",
    "community": "村居 community",
}


def _unit_registered(e: UnitRegistered) -> list[str]:
    return [
        f"单位 unit {e.unit_id} {e.name}",
        f"层级 level {_LEVEL_LABELS.get(e.level, e.level)}",
        f"上级 parent {e.parent_id or '-'}",
    ]


def _unit_renamed(e: UnitRenamed) -> list[str]:
    return [f"单位 unit {e.unit_id}", f"原名 was {e.previous_name}", f"新名 now {e.name}"]


def _unit_moved(e: UnitMoved) -> list[str]:
    return [
        f"单位 unit {e.unit_id}",
        f"上级 parent {e.previous_parent_id or '-'} -> {e.parent_id or '-'}",
        f"自 from {e.occurred_on.isoformat()}",
    ]


def _unit_retired(e: UnitRetired) -> list[str]:
    return [f"单位 unit {e.unit_id}"]


def _project_opened(e: ProjectOpened) -> list[str]:
    return [
        f"项目 project {e.project_id} {e.name}",
        f"站 station {e.station_id}",
        f"{e.starts_on.isoformat()} 至 to {e.ends_on.isoformat()}",
        f"基金 funds {', '.join(e.fund_ids)}",
        "预算 budget "
        + "、".join(f"{line.code} {line.name} {_yuan(line.amount_fen)}" for line in e.lines),
    ]


def _line_amended(e: BudgetLineAmended) -> list[str]:
    sign = "+" if e.delta_fen >= 0 else "-"
    return [
        f"项目 project {e.project_id}",
        f"调整 amendment {e.amendment_id}",
        f"科目 line {e.line_code}",
        f"预算 budget {_yuan(e.amount_fen)} ({sign}{_yuan(abs(e.delta_fen))})",
    ]


def _project_part(e: Any) -> list[str]:
    """What names a project says so (nothing for what names none)."""
    if not e.project_id:
        return []
    line = f" {e.budget_line}" if e.budget_line else ""
    return [f"项目 project {e.project_id}{line}"]


def _local_span(start: dt.datetime, end: dt.datetime) -> str:
    """A span of time as the station reads it (China Standard Time), to the minute."""
    start, end = start.astimezone(STATION_TZ), end.astimezone(STATION_TZ)
    until = f"{end:%H:%M}" if end.date() == start.date() else f"{end:%Y-%m-%d %H:%M}"
    return f"{start:%Y-%m-%d %H:%M}–{until} (UTC+8)"


def _activity(e: ActivityPublished) -> list[str]:
    return [
        f"活动 activity {e.activity_id} {e.name}",
        f"类别 category {e.category}",
        _local_span(e.starts_at, e.ends_at),
        f"地点 place {e.place}",
        f"组织 organizer {e.organizer}",
        f"负责人 leader {e.leader}",
        *_project_part(e),
    ]


def _registered(e: VolunteerRegistered) -> list[str]:
    # The personal data (sealed) and the ID hash are never shown: ids only.
    parts = [
        f"志愿者 volunteer {e.volunteer_id}",
        f"站 station {e.station_id}",
        f"注册日 registered on {e.registered_on.isoformat()}",
        f"同意使用个人信息 consent {_yes_no(e.consent)}",
    ]
    if e.skills:
        parts.append(f"技能 skills {'、'.join(e.skills)}")
    if e.categories:
        parts.append(f"类别 categories {'、'.join(e.categories)}")
    return parts


def _profile_corrected(e: VolunteerProfileCorrected) -> list[str]:
    parts = [f"更正 correction {e.correction_id}", f"字段 field {e.field}"]
    if e.personal_sealed is not None or e.id_hash is not None:
        parts.append("新值已密封 new value sealed")
    elif e.value:
        parts.append(f"新值 new value {e.value}")
    return parts


def _erased(e: PersonalDataErased) -> list[str]:
    parts = [
        f"志愿者 volunteer {e.volunteer_id}",
        f"申请人 requested by {e.requested_by}",
        f"销毁密钥 keys destroyed {len(e.key_ids)}",
    ]
    if e.legacy_sealed:
        parts.append(
            f"{e.legacy_sealed} 条旧格式记录未能粉碎 event(s) sealed before per-person keys "
            "not shredded (hidden only)"
        )
    return parts


def _donor_erased(e: DonorErased) -> list[str]:
    return [
        f"捐赠人 donor {donor_pseudonym(bytes.fromhex(e.key_id))}",
        f"申请人 requested by {e.requested_by}",
        "销毁密钥 key destroyed",
    ]


def _team(e: VolunteerJoinedTeam | VolunteerLeftTeam) -> list[str]:
    return [f"服务队 team {e.team}"]


def _deactivated(e: VolunteerDeactivated) -> list[str]:
    return []


def _recorded(e: ServiceRecorded) -> list[str]:
    parts = [
        f"记录 record {e.record_id}",
        f"活动 activity {e.activity_id} {e.activity_name}",
        f"服务日 served on {e.service_date.isoformat()}",
        _hours(e.duration_s),
        f"类别 category {e.category}",
        f"组织 organizer {e.organizer}",
    ]
    if e.late:
        parts.append("迟报 late entry")
    return parts + _project_part(e)


def _service_approved(e: ServiceApproved) -> list[str]:
    # What the approval adds to the service hours is said by ``_counting`` (it needs the
    # record's category): training is approved like service, but never counted as service.
    return [f"记录 record {e.record_id}", f"审核 approved {_hours(e.duration_s)}"]


_NOT_COUNTED = "不计入服务时长 not counted as service hours"


def _counting(counted: Counted) -> str:
    """What a service event does to the service hours, as the trail says it."""
    if not counted.counts:
        return f"{_NOT_COUNTED} ({counted.category})"
    if counted.counted_s > 0:
        return f"计入 counted +{_hours(counted.counted_s)}"
    if counted.counted_s < 0:
        return f"扣除 uncounted {_hours(-counted.counted_s)}"
    return ""


def _service_corrected(e: ServiceCorrected) -> list[str]:
    return [
        f"更正 correction {e.correction_id}",
        f"记录 record {e.record_id}",
        f"更正为 now {_hours(e.duration_s)} ({hours_2dp(e.delta_s):+} 小时 h)",
        f"申请人 requested by {e.requested_by}",
        f"核实人 verified by {e.actor}",
    ]


def _voided(e: ServiceVoided) -> list[str]:
    return [f"记录 record {e.record_id}"]


def _banked(e: HoursBanked) -> list[str]:
    return [
        f"记录 record {e.record_id}",
        f"服务 served {_hours(e.duration_s)}",
        f"存入 credit {_hours(e.credit_s)}",
    ]


def _redeemed(e: HoursRedeemed) -> list[str]:
    return [
        f"兑换 redemption {e.redemption_id}",
        _hours(e.credit_s),
        f"{e.item} × {e.quantity}",
        f"对方 counterparty {e.counterparty}",
        f"批准人 approver {e.approver}",
    ]


def _hours_out(e: HoursTransferredOut) -> list[str]:
    return [
        f"转让 transfer {e.transfer_id}",
        f"转给 to volunteer {e.to_volunteer_id}",
        _hours(e.credit_s),
    ]


def _hours_in(e: HoursTransferredIn) -> list[str]:
    return [
        f"转让 transfer {e.transfer_id}",
        f"来自 from volunteer {e.from_volunteer_id}",
        _hours(e.credit_s),
    ]


def _adjusted(e: HoursAdjusted) -> list[str]:
    kind = "过期 expiry" if e.kind == "expiry" else "调整 adjustment"
    return [
        f"{kind} {e.adjustment_id}",
        f"{hours_2dp(e.credit_s):+} 小时 h",
        f"授权人 authorised by {e.authorised_by}",
    ]


def _issued(e: CertificateIssued) -> list[str]:
    return [
        f"证明 certificate {e.certificate_no}",
        f"{e.period_from.isoformat()} 至 to {e.period_to.isoformat()}",
        f"{len(e.record_ids)} 条记录 records",
        _hours(e.total_s),
        f"出具单位 issued by {e.issuing_station}",
    ]


def _revoked(e: CertificateRevoked) -> list[str]:
    return [f"证明 certificate {e.certificate_no}"]


def _id_claim(e: IdNumberClaimed | IdNumberReleased) -> list[str]:
    # The holder is sealed under their key and the number is only in the claim's id.
    return ["持有人已加密 holder sealed"]


# ---- service delivery ----------------------------------------------------------------------


def _charged(e: DeliveryEvent) -> list[str]:
    parts = []
    if e.project_id:
        parts.append(f"项目 project {e.project_id}")
    if e.budget_line:
        parts.append(f"预算科目 budget line {e.budget_line}")
    return parts


def _minutes(seconds: int) -> str:
    return f"{seconds // 60} 分钟 min" + (f" {seconds % 60} 秒 s" if seconds % 60 else "")


def _case_opened(e: CaseOpened) -> list[str]:
    who = "已登记服务对象 person identified" if e.served_ref else "未登记服务对象 no identifier"
    parts = [f"站 station {e.station_id}", f"个案 case {e.case_id}"]
    return [*parts, f"社工 worker {e.social_worker}", who, *_charged(e)]


def _case_session(e: CaseSessionRecorded) -> list[str]:
    parts = [f"站 station {e.station_id}", f"个案 case {e.case_id}", f"次 session {e.session_id}"]
    return [*parts, _minutes(e.duration_s), f"社工 worker {e.worker}", *_charged(e)]


def _case_closed(e: CaseClosed) -> list[str]:
    return [f"站 station {e.station_id}", f"个案 case {e.case_id}"]


def _group_created(e: GroupCreated) -> list[str]:
    parts = [f"站 station {e.station_id}", f"小组 group {e.group_id} {e.name}"]
    return [*parts, *([f"主题 theme {e.theme}"] if e.theme else []), *_charged(e)]


def _group_session(e: GroupSessionHeld) -> list[str]:
    parts = [f"站 station {e.station_id}", f"小组 group {e.group_id}", f"节 session {e.session_id}"]
    counted = f"{e.participants} 人次 person-times ({len(e.participant_refs)} 已登记 identified)"
    return [*parts, _minutes(e.duration_s), counted, *_charged(e)]


def _activity_created(e: CommunityActivityCreated) -> list[str]:
    parts = [f"站 station {e.station_id}", f"社区活动 activity {e.activity_id} {e.name}"]
    return [*parts, *([f"主题 theme {e.theme}"] if e.theme else []), *_charged(e)]


def _activity_session(e: CommunityActivitySessionHeld) -> list[str]:
    parts = [f"站 station {e.station_id}", f"社区活动 activity {e.activity_id}"]
    counted = f"{e.attendance} 人次 person-times ({len(e.attendee_refs)} 已登记 identified)"
    return [*parts, f"场 session {e.session_id}", _minutes(e.duration_s), counted, *_charged(e)]


def _supervision(e: SupervisionRecorded) -> list[str]:
    kind = "督导 supervision" if e.kind == "supervision" else "培训 training"
    parts = [f"站 station {e.station_id}", f"{kind} {e.record_id}", f"{e.count} 次 times"]
    return [*parts, _minutes(e.duration_s), f"督导 by {e.supervisor}", *_charged(e)]


def _served_erased(e: ServedPersonErased) -> list[str]:
    return [
        f"站 station {e.station_id}",
        f"服务对象 person {e.key_id[:12]}",
        f"申请人 requested by {e.requested_by}",
    ]


def _team_formed(e: TeamFormed) -> list[str]:
    return [f"站 station {e.station_id}", f"服务队 team {e.team_id} {e.name}"]


def _team_member(e: TeamMemberJoined | TeamMemberLeft | TeamLeaderNamed) -> list[str]:
    return [f"服务队 team {e.team_id}", f"志愿者 volunteer {e.volunteer_id}"]


def _team_dissolved(e: TeamDissolved) -> list[str]:
    return [f"服务队 team {e.team_id}"]


def _award(e: AwardGranted) -> list[str]:
    who = "志愿者 volunteer" if e.recipient == "volunteer" else "服务队 team"
    return [
        f"{who} {e.recipient_id}",
        f"表彰 award {e.award_id} {e.title}",
        f"授予 by {e.awarding_body}",
        "不计服务时长 not service hours",
    ]


def _evaluation(e: EvaluationRecorded) -> list[str]:
    return [
        f"志愿者 volunteer {e.volunteer_id}",
        f"评价 evaluation {e.evaluation_id}",
        f"{e.period_from.isoformat()} 至 to {e.period_to.isoformat()}",
        f"结果 result {e.result}",
        f"评价人 by {e.evaluator}",
        "不计服务时长 not service hours",
    ]


# Each describer takes its own event class; the table is typed loosely because a
# dict cannot say "the value takes the key's class".
_DESCRIBE: dict[type[LedgerEvent], Callable[[Any], list[str]]] = {
    FundOpened: _fund_opened,
    CashDonationReceived: _cash,
    InKindDonationReceived: _in_kind,
    GoodsDistributed: _distributed,
    GoodsSold: _sold,
    DonationRefunded: _refunded,
    DonationReversed: _donation_reversed,
    PaymentReversed: _payment_reversed,
    RestrictionReleased: _released,
    PurposeChanged: _purpose_changed,
    DisbursementRequested: _requested,
    DisbursementApproved: _approved,
    DisbursementPublicized: _publicized,
    DisbursementPaid: _paid,
    DisbursementRejected: _closed_request,
    DisbursementCancelled: _closed_request,
    FundTransferredOut: _transferred_out,
    FundTransferredIn: _transferred_in,
    FundClosed: _fund_closed,
    PledgeRecorded: _pledge,
    StationPolicySet: _policy,
    ActivityPublished: _activity,
    VolunteerRegistered: _registered,
    VolunteerProfileCorrected: _profile_corrected,
    PersonalDataErased: _erased,
    DonorErased: _donor_erased,
    VolunteerJoinedTeam: _team,
    VolunteerLeftTeam: _team,
    VolunteerDeactivated: _deactivated,
    ServiceRecorded: _recorded,
    ServiceApproved: _service_approved,
    ServiceCorrected: _service_corrected,
    ServiceVoided: _voided,
    HoursBanked: _banked,
    HoursRedeemed: _redeemed,
    HoursTransferredOut: _hours_out,
    HoursTransferredIn: _hours_in,
    HoursAdjusted: _adjusted,
    CertificateIssued: _issued,
    CertificateRevoked: _revoked,
    ReportPublished: _report_published,
    PeriodClosed: _period_closed,
    ClosedPeriodCorrected: _period_corrected,
    IdNumberClaimed: _id_claim,
    IdNumberReleased: _id_claim,
    PersonAdded: _person_added,
    RoleGranted: _role,
    RoleWithdrawn: _role,
    PersonLeft: _person_left,
    AccessPolicySet: _access,
    UnitRegistered: _unit_registered,
    UnitRenamed: _unit_renamed,
    UnitMoved: _unit_moved,
    UnitRetired: _unit_retired,
    ProjectOpened: _project_opened,
    BudgetLineAmended: _line_amended,
    ProjectClosed: lambda e: [f"项目 project {e.project_id}"],
    CaseOpened: _case_opened,
    CaseSessionRecorded: _case_session,
    CaseClosed: _case_closed,
    GroupCreated: _group_created,
    GroupSessionHeld: _group_session,
    CommunityActivityCreated: _activity_created,
    CommunityActivitySessionHeld: _activity_session,
    SupervisionRecorded: _supervision,
    ServedPersonErased: _served_erased,
    TeamFormed: _team_formed,
    TeamMemberJoined: _team_member,
    TeamMemberLeft: _team_member,
    TeamLeaderNamed: _team_member,
    TeamDissolved: _team_dissolved,
    AwardGranted: _award,
    EvaluationRecorded: _evaluation,
}


def _summary(
    event: LedgerEvent, person: ShownDonor | None = None, counted: Counted | None = None
) -> str:
    if person is not None:
        assert isinstance(event, CashDonationReceived | InKindDonationReceived)
        parts = (
            _cash(event, person)
            if isinstance(event, CashDonationReceived)
            else _in_kind(event, person)
        )
    else:
        parts = _DESCRIBE[type(event)](event)
    if counted is not None:
        said = _counting(counted)
        if said:
            parts = [*parts, said]
    return "; ".join(_one_line(part) for part in parts)


def _reason(event: LedgerEvent) -> str:
    """Why, as the event says it: its reason, with the consent or decision reference."""
    if isinstance(event, CashDonationReceived | InKindDonationReceived):
        return event.note
    reason: str = getattr(event, "reason", "")
    if isinstance(event, PurposeChanged) and event.consent_ref:
        return f"{reason} (捐赠人同意 consent: {event.consent_ref})"
    if isinstance(event, RestrictionReleased) and event.reference:
        return f"{reason} (依据 reference: {event.reference})"
    return reason


# Fields that name a project; left out of an entry that names none.
_PROJECT_FIELDS = frozenset({"project_id", "budget_line"})


def _fields(
    event: LedgerEvent, person: ShownDonor | None = None, counted: Counted | None = None
) -> dict[str, Any]:
    """The business fields as JSON values (money in fen), without any personal data
    sealed (an individual donor: ``donor`` as outputs name them, ``donor_is_person``),
    and for a service event whether it counts and what it adds (``counts``, ``counted_s``)."""
    out: dict[str, Any] = {}
    for name in event.__struct_fields__:
        if name in _ENVELOPE or name in _PERSONAL:
            continue
        value = getattr(event, name)
        if name in _PROJECT_FIELDS and not value:
            continue  # names no project: shown as it was before projects existed
        # Sealed personal data is the only bytes an event holds; dropping every bytes
        # value keeps a sealed field out even if a new one is added under a new name.
        if isinstance(value, bytes | bytearray):
            continue
        out[name] = value
    if person is not None:
        out["donor"] = person.name
        out["donor_is_person"] = True
    if counted is not None:
        out["counts"] = counted.counts
        out["counted_s"] = counted.counted_s
    # Through JSON and back, so ``fields`` is exactly what a JSON reader gets (lists,
    # ISO text for dates and times) whether the entry is used in Python or printed.
    result: dict[str, Any] = msgspec.json.decode(msgspec.json.encode(out))
    return result


# ---- reading the log ------------------------------------------------------------------------


def _kind(event: LedgerEvent) -> AggregateKind:
    if isinstance(event, FundEvent):
        return "fund"
    if isinstance(event, VolunteerEvent):
        return "volunteer"
    if isinstance(event, ActivityEvent):
        return "activity"
    if isinstance(event, DonorEvent):
        return "donor"
    if isinstance(event, LevelEvent):
        return "level"
    if isinstance(event, ProjectEvent):
        return "project"
    if isinstance(event, DeliveryEvent):
        return "station"  # a station's case, group, activity or supervision
    if isinstance(event, TeamEvent):
        return "team"
    if isinstance(event, RecognitionEvent):
        return "station"
    assert isinstance(event, StationEvent), f"an event of no known aggregate: {event!r}"
    return "station"


def _own_code(event: LedgerEvent) -> str | None:
    """The subject's code if ``event`` carries it (a creation event, or a station's)."""
    if isinstance(event, FundOpened):
        return event.fund_id
    if isinstance(event, VolunteerRegistered):
        return event.volunteer_id
    if isinstance(event, ActivityPublished):
        return event.activity_id
    if isinstance(
        event, StationPolicySet | PeriodEvent | PeopleEvent | DeliveryEvent | RecognitionEvent
    ):
        return event.station_id
    if isinstance(event, LevelEvent):
        return event.unit_id
    if isinstance(event, ProjectEvent):
        return event.project_id
    if isinstance(event, TeamEvent):
        return event.team_id
    if isinstance(event, DonorErased):
        return donor_ref(bytes.fromhex(event.key_id))
    if isinstance(event, IdNumberClaimed):
        return f"id-claim {event.originator_id.hex[:12]}"
    return None


class _Reader:
    """Names each event's subject (learning aggregates' codes as the log is read) and its
    actor (a registered person's name beside their id)."""

    def __init__(self, ledger: LedgerService) -> None:
        self.ledger = ledger
        # aggregate id -> its code, learnt from creation events as the log is read,
        # else looked up once from the aggregate's first event.
        self.codes: dict[UUID, str] = {}
        self._donors: DonorNames | None = None
        self.counting = ServiceCounting(lambda uid: ledger.events.get(uid))
        self._people: dict[str, tuple[str, ...]] | None = None

    @property
    def people(self) -> dict[str, tuple[str, ...]]:
        """Every registered person id of the store and the names it was registered under
        (one, unless two stations gave one id to different names), read once."""
        if self._people is None:
            people: dict[str, tuple[str, ...]] = {}
            for _, e in self.ledger.log_reader.events(names=_PEOPLE_NAMES):
                if isinstance(e, PersonAdded) and e.name not in people.get(e.person_id, ()):
                    people[e.person_id] = (*people.get(e.person_id, ()), e.name)
            self._people = people
        return self._people

    def actor(self, actor: str) -> str:
        """An event's actor as the trail shows it: a registered person's id with their name,
        any other (a name recorded where nobody was registered) marked unregistered."""
        names = self.people.get(actor)
        if names is not None:
            return f"{actor}（{' / '.join(names)}）"
        if not actor or actor == AUTO_APPROVER:
            return actor
        return f"{actor}（未登记 unregistered）"

    def identities(self, actor: str) -> tuple[str, ...]:
        """``actor`` and the other ways events name the same person: the ids registered
        under that name, the names registered under that id."""
        key = person_key(actor)
        ids = [
            pid for pid, names in self.people.items() if any(person_key(n) == key for n in names)
        ]
        return tuple(dict.fromkeys((actor, *ids, *self.people.get(actor, ()))))

    def person(self, event: LedgerEvent) -> ShownDonor | None:
        """The individual donor of a gift, as outputs name them; ``None`` for any other."""
        if not isinstance(event, _GIFTS) or event.donor_sealed is None:
            return None
        if self._donors is None:
            self._donors = self.ledger.donor_names()
        return self._donors.show(event.donor_sealed)

    def note(self, event: Any) -> LedgerEvent:
        """Learn an aggregate's code from its creation event, as the log is read."""
        assert isinstance(event, LedgerEvent), f"not a ledger event: {event!r}"
        code = _own_code(event)
        if code is not None:
            self.codes[event.originator_id] = code
        self.counting.note(event)
        return event

    def code_of(self, event: LedgerEvent) -> str:
        code = self.codes.get(event.originator_id)
        if code is None:
            # Not seen while reading (a volunteer trail skips other volunteers' events
            # but shows transfers they received): every aggregate's first event names it.
            first = next(iter(self.ledger.events.get(event.originator_id, lte=1)))
            code = _own_code(self.note(first))
            assert code is not None, f"the first event of {event.originator_id} names nothing"
        return code

    def entry(self, position: int, event: LedgerEvent) -> TrailEntry:
        zh, en = EVENT_LABELS[type(event)]
        tag = type(event).__struct_config__.tag
        assert isinstance(tag, str)
        person = self.person(event)
        counted = self.counting.of(event)
        return TrailEntry(
            position=position,
            recorded_at=event.timestamp,
            occurred_on=event.occurred_on,
            aggregate=_kind(event),
            subject_id=self.code_of(event),
            event=tag,
            label_zh=zh,
            label_en=en,
            actor=self.actor(event.actor),
            summary=_summary(event, person, counted),
            reason=_one_line(_reason(event)),
            fields=_fields(event, person, counted),
        )


def _names(event: LedgerEvent, actors: tuple[str, ...]) -> bool:
    """Whether one of ``actors`` (one person's id and names) did ``event`` or is named in it
    as approver, authoriser..."""
    return any(
        same_person(event.actor, actor)
        or any(same_person(getattr(event, f, None) or "", actor) for f in ACTOR_FIELDS)
        for actor in actors
    )


def _names_volunteer(event: LedgerEvent, volunteer_id: str) -> bool:
    """Whether ``event`` is a time-bank transfer to or from ``volunteer_id``, or a team's,
    an award's or an evaluation's event naming them."""
    if isinstance(event, TeamMemberJoined | TeamMemberLeft | TeamLeaderNamed):
        return event.volunteer_id == volunteer_id
    if isinstance(event, AwardGranted):
        return event.recipient == "volunteer" and event.recipient_id == volunteer_id
    if isinstance(event, EvaluationRecorded):
        return event.volunteer_id == volunteer_id
    if isinstance(event, HoursTransferredIn):
        return event.from_volunteer_id == volunteer_id
    if isinstance(event, HoursTransferredOut):
        return event.to_volunteer_id == volunteer_id
    return False


def _selector(fund_id: str | None, volunteer_id: str | None, actor: str | None) -> tuple[str, str]:
    given = [
        (name, value)
        for name, value in (("fund_id", fund_id), ("volunteer_id", volunteer_id), ("actor", actor))
        if value is not None
    ]
    if len(given) != 1:
        raise InvalidInput.on("selector", "trail_selector")
    name, value = given[0]
    return name, canonical_field(value, name)


def iter_trail(
    ledger: LedgerService,
    *,
    fund_id: str | None = None,
    volunteer_id: str | None = None,
    actor: str | None = None,
) -> Iterator[TrailEntry]:
    """Like ``trail``, one entry at a time: for long trails written out as they are read.

    The selector is checked (and the fund or volunteer looked up) when this is called,
    not on the first ``next``, so a mistake surfaces where it was made.

    Raises:
        InvalidInput: not exactly one selector, or an empty one.
        NotFound: no such fund or volunteer.
        StoreError: the stored events cannot be read (an encrypted store without its key).
    """
    name, value = _selector(fund_id, volunteer_id, actor)
    reader = _Reader(ledger)
    if name == "fund_id":
        uid = fund_uuid(value)
        if not ledger.recorder.select_events(uid, limit=1):
            raise NotFound("fund", value)
        reader.codes[uid] = value
        return _entries(reader, ledger.log_reader.aggregate(uid), lambda e: True)
    if name == "volunteer_id":
        uid = volunteer_uuid(value)
        if not ledger.recorder.select_events(uid, limit=1):
            raise NotFound("volunteer", value)
        reader.codes[uid] = value
        # Their own stream (by its key), and the other members' sides of transfers and
        # the teams', awards' and evaluations' events naming them (by those events' names
        # alone), in log order.
        own = ledger.log_reader.aggregate(uid)
        transfers = (
            (p, e)
            for p, e in ledger.log_reader.events(names=_TRANSFER_NAMES | _RECOGNITION_NAMES)
            if e.originator_id != uid
        )
        return _entries(
            reader,
            heapq.merge(own, transfers, key=lambda pair: pair[0]),
            lambda e: e.originator_id == uid or _names_volunteer(e, value),
        )
    # The actor is inside the (possibly encrypted) state: every event is decoded.
    actors = reader.identities(value)
    return _entries(reader, ledger.log_reader.events(), lambda e: _names(e, actors))


def _entries(
    reader: _Reader,
    pairs: Iterable[tuple[int, Any]],
    wanted: Callable[[LedgerEvent], bool],
) -> Iterator[TrailEntry]:
    """The trail entries of the wanted events among ``(position, event)`` pairs, in order."""
    for position, event in pairs:
        event = reader.note(event)
        if wanted(event):
            yield reader.entry(position, event)


def trail(
    ledger: LedgerService,
    *,
    fund_id: str | None = None,
    volunteer_id: str | None = None,
    actor: str | None = None,
) -> list[TrailEntry]:
    """Every event of one fund, one volunteer or one actor, in log order.

    Give exactly one selector:

    - ``fund_id``: every event of the fund's own stream, from its opening to its
      closing, including the transfers it sent to or received from other funds
      (each fund records its own side).
    - ``volunteer_id``: every event of the volunteer's own stream (registration,
      teams, service records, approvals, corrections, time bank, certificates), the
      teams' memberships and leaderships, awards and evaluations naming them (each
      labelled as never service), and the other members' side of time-bank transfers
      naming them (a transfer to
      them shows as the giver's ``HoursTransferredOut`` and their own
      ``HoursTransferredIn``; one from them as their own ``HoursTransferredOut``
      and the receiver's ``HoursTransferredIn``). Activities are not included: they
      belong to no volunteer.
    - ``actor``: every event whose ``actor`` is this person (``text.same_person``: the
      canonical name, in any case), in any fund, volunteer, activity or station, and
      every event naming them in one of
      ``ACTOR_FIELDS``: ``approver`` (a redemption), ``authorised_by`` (a time-bank
      adjustment), ``signed_off_by`` (goods given out) and ``requested_by`` (the
      person who asked for a service correction). An actor with no events gets an
      empty list.

    The log is read through the ledger's log reader (a fund's or a volunteer's own
    stream by its key), with the ledger's mapper (the same decoding, upcasting and cipher
    as the ledger's own reads).
    The whole trail is returned; ``iter_trail`` streams it instead.

    Raises:
        InvalidInput: not exactly one selector, or an empty one.
        NotFound: no such fund or volunteer.
        StoreError: the stored events cannot be read (an encrypted store without its key).
    """
    return list(iter_trail(ledger, fund_id=fund_id, volunteer_id=volunteer_id, actor=actor))
