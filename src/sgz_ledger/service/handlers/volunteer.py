"""The volunteers', activities', time bank's, certificates' and stations' handlers: each
loads the aggregates it names and calls their command, where every rule is checked
(``domain.volunteer``)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import msgspec

from sgz_ledger.domain.aggregate import Stamp, check_same
from sgz_ledger.domain.errors import (
    IdempotencyConflict,
    InvalidTransition,
    NotFound,
    RuleViolation,
)
from sgz_ledger.domain.id_claims import IdNumberClaim, id_claim_uuid
from sgz_ledger.domain.messages import entry
from sgz_ledger.domain.privacy import refuse_volunteer_data_in
from sgz_ledger.domain.volunteer import (
    AUTO_APPROVER,
    STATION_TZ,
    Activity,
    Station,
    Volunteer,
    activity_uuid,
    station_uuid,
    volunteer_uuid,
)
from sgz_ledger.service import commands as b
from sgz_ledger.service.certificate_numbers import certificate_holders
from sgz_ledger.service.handlers.projects import check_project_use
from sgz_ledger.service.unit_of_work import Handler, UnitOfWork
from sgz_ledger.storage.sealing import PersonalData, SealError
from sgz_ledger.storage.subject_keys import (
    SubjectKey,
    volunteer_subject,
)

__all__ = ["HANDLERS", "claim_of"]


def _personal(c: b.RegisterVolunteer) -> PersonalData:
    return PersonalData(
        name=c.name,
        gender=c.gender,
        birth_date=c.birth_date,
        phone=c.phone,
        id_number=c.id_number,
    )


def claim_of(work: UnitOfWork, id_number: str) -> tuple[IdNumberClaim, str | None] | None:
    """The claim on ``id_number`` (made here if there is none) and its holder as far as it
    can be read (``None``: free, or lapsed with its holder's erasure); ``None`` for no
    number."""
    claim_hash = work.sealer.id_claim(id_number)
    if not claim_hash:
        return None
    uid = id_claim_uuid(claim_hash)
    claim = work.find(uid, IdNumberClaim)
    if claim is None:
        claim = IdNumberClaim(uid)
        work.add(claim)
    holder: str | None = None
    if claim.holder_sealed is not None:
        try:
            holder = work.sealer.open_name(claim.holder_sealed, work.new_keys)
        except SealError:
            holder = None  # its holder was erased: the claim lapsed with them
    return claim, holder


def _claim_id_number(
    work: UnitOfWork, stamp: Stamp, volunteer_id: str, id_number: str, key: SubjectKey
) -> None:
    """Claim ``id_number`` for ``volunteer_id`` (rule 39); refused when another holds it."""
    found = claim_of(work, id_number)
    if found is not None:
        claim, holder = found
        claim.claim(
            stamp,
            volunteer_id=volunteer_id,
            holder=holder,
            holder_sealed=work.sealer.seal_name(volunteer_id, key),
        )


def _release_id_number(work: UnitOfWork, stamp: Stamp, volunteer_id: str, id_number: str) -> None:
    """Free ``id_number`` if ``volunteer_id`` holds it (its ID number was corrected)."""
    found = claim_of(work, id_number)
    if found is not None and found[1] == volunteer_id:
        found[0].release(stamp, reason="the holder's ID number was corrected")


def _register_volunteer(work: UnitOfWork, c: b.RegisterVolunteer, stamp: Stamp) -> Any:
    sealer = work.sealer
    personal = _personal(c)
    fields = {
        "volunteer_id": c.volunteer_id,
        "station_id": c.station_id,
        "skills": c.skills,
        "categories": c.categories,
        "consent": c.consent,
        "registered_on": c.registered_on,
    }
    existing = work.find(volunteer_uuid(c.volunteer_id), Volunteer)
    if existing is not None:
        existing.require_personal_data()
        assert existing.state.registered is not None
        recorded_sealed = existing.state.registered.personal_sealed
        # The ID number compared by its hash, made as the registration made it.
        id_hash = sealer.id_hash_as_sealed(recorded_sealed, c.id_number, work.new_keys)
        event = existing.repeat_register(stamp, personal_sealed=b"", id_hash=id_hash, **fields)
        # Sealed bytes differ per encryption: compare what they hold.
        recorded = sealer.open(event.personal_sealed, work.new_keys)
        for field in ("name", "gender", "birth_date", "phone"):
            if getattr(recorded, field) != getattr(personal, field):
                raise IdempotencyConflict(
                    entry("volunteer", c.volunteer_id), field, "(recorded)", "(different)"
                )
    else:
        sealer.warn_if_clear()
        key = work.new_key(volunteer_subject(c.volunteer_id), stamp.recorded_at)
        _claim_id_number(work, stamp, c.volunteer_id, c.id_number, key)
        volunteer = Volunteer.register(
            stamp,
            personal_sealed=sealer.seal(personal, key),
            id_hash=sealer.id_hash(c.id_number, key),
            **fields,
        )
        work.add(volunteer)
        assert volunteer.state.registered is not None
        event = volunteer.state.registered
        if c.team is not None:  # only on first registration: a repeat never rejoins
            volunteer.join_team(stamp, team=c.team)
    return event


_PERSONAL_FIELDS = ("name", "gender", "birth_date", "phone", "id_number")


def _correct_profile(work: UnitOfWork, c: b.CorrectVolunteerProfile, stamp: Stamp) -> Any:
    volunteer = work.volunteer(c.volunteer_id)
    sealed: bytes | None = None
    id_hash: str | None = None
    value = c.value
    if c.correction_id in volunteer.state.profile_corrections:
        pass  # a repeat: the domain compares it with the recorded one; nothing is sealed
    elif c.field in _PERSONAL_FIELDS:
        volunteer.require_personal_data()
        sealer = work.sealer
        current = volunteer.state.personal_sealed
        personal = sealer.open(current, work.new_keys)
        new: Any = c.value
        if c.field == "birth_date":  # checked by the command model
            new = dt.date.fromisoformat(c.value) if c.value else None
        # The volunteer's own key; data sealed before subject keys moves under a new one.
        key = sealer.subject_key(current, work.new_keys) or work.new_key(
            volunteer_subject(c.volunteer_id), stamp.recorded_at
        )
        corrected = msgspec.structs.replace(personal, **{c.field: new})
        if c.field == "id_number" and sealer.id_claim(new) != sealer.id_claim(personal.id_number):
            _claim_id_number(work, stamp, c.volunteer_id, new, key)
            _release_id_number(work, stamp, c.volunteer_id, personal.id_number)
        sealed = sealer.seal(corrected, key)
        new_hash = sealer.id_hash(corrected.id_number, key)
        if c.field == "id_number" or new_hash != volunteer.state.id_hash:
            id_hash = new_hash
        value = ""  # the new value is in the sealed field only
    return volunteer.correct_profile(
        stamp,
        correction_id=c.correction_id,
        field=c.field,
        personal_sealed=sealed,
        id_hash=id_hash,
        value=value,
        reason=c.reason,
    )


def _erase_personal_data(work: UnitOfWork, c: b.ErasePersonalData, stamp: Stamp) -> Any:
    volunteer = work.volunteer(c.volunteer_id)
    subject = volunteer_subject(c.volunteer_id)
    erased = volunteer.state.erased
    if erased is not None:
        # Erased before: destroy again whatever key is still stored (an erasure whose
        # keys were not destroyed, a key row put back).
        work.shred.append((subject, tuple(bytes.fromhex(k) for k in erased.key_ids)))
        return erased
    sealer = work.sealer
    registered = volunteer.state.registered
    assert registered is not None
    sealed = [registered.personal_sealed] + [
        p.personal_sealed
        for p in volunteer.state.profile_corrections.values()
        if p.personal_sealed is not None
    ]
    _refuse_personal_text(work, c, sealed)
    key_ids = sorted({k for s in sealed if (k := sealer.key_id(s)) is not None})
    event = volunteer.erase_personal_data(
        stamp,
        reason=c.reason,
        requested_by=c.requested_by,
        key_ids=tuple(k.hex() for k in key_ids),
        legacy_sealed=sum(1 for s in sealed if sealer.key_id(s) is None),
    )
    work.shred.append((subject, tuple(key_ids)))
    return event


def _refuse_personal_text(work: UnitOfWork, c: b.ErasePersonalData, sealed: list[bytes]) -> None:
    """Refuse an erasure whose own texts hold the personal data it erases (every recorded
    version of it that can be opened here)."""
    opened: list[PersonalData] = []
    for s in sealed:
        try:
            opened.append(work.sealer.open(s, work.new_keys))
        except SealError:
            continue  # a version that cannot be opened here cannot be compared
    refuse_volunteer_data_in(
        [("requested_by", c.requested_by), ("reason", c.reason), ("actor", c.actor)],
        names=[d.name for d in opened],
        numbers=[v for d in opened for v in (d.phone, d.id_number)],
    )


def _publish_activity(work: UnitOfWork, c: b.PublishActivity, stamp: Stamp) -> Any:
    fields = {
        "activity_id": c.activity_id,
        "station_id": c.station_id,
        "name": c.name,
        "category": c.category,
        "community": c.community,
        "place": c.place,
        "organizer": c.organizer,
        "leader": c.leader,
        "starts_at": c.starts_at,
        "ends_at": c.ends_at,
    }
    if c.project_id or c.budget_line:
        fields["project_id"] = c.project_id
        fields["budget_line"] = c.budget_line
    existing = work.find(activity_uuid(c.activity_id), Activity)
    if existing is not None:
        assert existing.published is not None
        check_same(
            entry("activity", c.activity_id),
            existing.published,
            {"project_id": c.project_id, "budget_line": c.budget_line},
        )
        return existing.repeat_publish(stamp, **fields)
    # Rule 41: the activity's days lie in the project's period.
    check_project_use(
        work,
        project_id=c.project_id,
        budget_line=c.budget_line,
        station_id=c.station_id,
        days=(c.starts_at.astimezone(STATION_TZ).date(), c.ends_at.astimezone(STATION_TZ).date()),
    )
    activity = Activity.publish(stamp, **fields)
    work.add(activity)
    return activity.published


def _after_approval(work: UnitOfWork, volunteer: Volunteer, record_id: str, stamp: Stamp) -> None:
    """Bank an approved record at once where the station banks automatically."""
    station_id = volunteer.state.records[record_id].recorded.station_id
    policy = work.policy(station_id)
    record = volunteer.state.records[record_id]
    if policy.bank_automatic and record.counted_s > 0 and record.banked is None:
        volunteer.bank_hours(
            stamp, record_id=record_id, rate_pct=policy.bank_rate_pct, automatic=True
        )


def _record_service(work: UnitOfWork, c: b.RecordService, stamp: Stamp) -> Any:
    volunteer = work.volunteer(c.volunteer_id)
    activity = work.activity(c.activity_id)
    if c.started_at is not None and c.ended_at is not None:
        duration_s = int((c.ended_at - c.started_at).total_seconds())
        service_date = c.service_date or c.started_at.astimezone(STATION_TZ).date()
    else:
        duration_s = c.duration_s if c.duration_s is not None else 60 * (c.duration_minutes or 0)
        assert c.service_date is not None
        service_date = c.service_date
    existing = volunteer.state.records.get(c.record_id)
    existed = existing is not None
    # The record's own project, else its activity's (rule 41). The activity's was checked
    # when it was published, and the record's days lie within the activity's (rule 37): a
    # late record of a project's activity is still recorded once the project is closed.
    # A project the record names itself is checked against the station that organised the
    # activity (谁组织谁记录), which may not be the volunteer's in a joint activity.
    project_id, budget_line = c.project_id, c.budget_line
    published = activity.published
    if not project_id and not budget_line and published is not None:
        project_id, budget_line = published.project_id, published.budget_line
    elif not existed and published is not None:
        check_project_use(
            work,
            project_id=project_id,
            budget_line=budget_line,
            station_id=published.station_id,
            days=(service_date, c.ends_on or service_date),
        )
    if c.team:
        team = c.team
    elif existing is not None:
        team = existing.recorded.team  # a repeat that names no team keeps the recorded one
    else:
        team = volunteer.state.teams[0] if volunteer.state.teams else ""
    event = volunteer.record_service(
        stamp,
        record_id=c.record_id,
        activity=activity,
        started_at=c.started_at,
        ended_at=c.ended_at,
        duration_s=duration_s,
        service_date=service_date,
        place=c.place or (activity.published.place if activity.published else ""),
        content=c.content,
        team=team,
        ends_on=c.ends_on if c.ends_on != service_date else None,
        project_id=project_id,
        budget_line=budget_line,
    )
    if not existed and work.policy(event.station_id).auto_approve:
        auto = Stamp(
            actor=AUTO_APPROVER, occurred_on=stamp.occurred_on, recorded_at=stamp.recorded_at
        )
        volunteer.auto_approve(auto, record_id=c.record_id)
        _after_approval(work, volunteer, c.record_id, auto)
    return event


def _approve_service(work: UnitOfWork, c: b.ApproveService, stamp: Stamp) -> Any:
    volunteer = work.volunteer(c.volunteer_id)
    approved_before = volunteer.state.records.get(c.record_id)
    first = approved_before is not None and approved_before.approval is None
    event = volunteer.approve_service(stamp, record_id=c.record_id)
    if first:
        _after_approval(work, volunteer, c.record_id, stamp)
    return event


def _bank_hours(work: UnitOfWork, c: b.BankHours, stamp: Stamp) -> Any:
    volunteer = work.volunteer(c.volunteer_id)
    record = volunteer.state.records.get(c.record_id)
    policy = work.policy(record.recorded.station_id if record else "")
    return volunteer.bank_hours(stamp, record_id=c.record_id, rate_pct=policy.bank_rate_pct)


def _limit(work: UnitOfWork, volunteer: Volunteer) -> int:
    registered = volunteer.state.registered
    return work.policy(registered.station_id if registered else "").bank_limit_s


def _transfer_hours(work: UnitOfWork, c: b.TransferHours, stamp: Stamp) -> Any:
    source = work.volunteer(c.volunteer_id)
    target = work.volunteer(c.to_volunteer_id)
    new = source.is_new_transfer(c.transfer_id)
    event = source.transfer_out(
        stamp,
        transfer_id=c.transfer_id,
        to_volunteer_id=c.to_volunteer_id,
        credit_s=c.credit_s,
        reason=c.reason,
        limit_s=_limit(work, source),
    )
    if not new:
        return event
    target.transfer_in(
        stamp,
        transfer_id=c.transfer_id,
        from_volunteer_id=c.volunteer_id,
        credit_s=c.credit_s,
        reason=c.reason,
    )
    return event


def _redeem_for_goods(work: UnitOfWork, c: b.RedeemHoursForGoods, stamp: Stamp) -> Any:
    volunteer = work.volunteer(c.volunteer_id)
    fund = work.fund(c.fund_id)
    registered, opened = volunteer.state.registered, fund.state.opened
    if registered is None:
        raise NotFound("volunteer", c.volunteer_id)
    if opened is None:
        raise NotFound("fund", c.fund_id)
    if opened.station_id != registered.station_id:
        raise RuleViolation(
            "goods_of_other_station",
            fund_id=c.fund_id,
            fund_station=opened.station_id,
            station_id=registered.station_id,
        )
    # Both sides are new, or both were recorded by this command before (a repeat); one
    # without the other would be credit spent with no goods out, or goods out for nothing.
    redeemed = c.redemption_id in volunteer.state.redemptions
    distributed = c.redemption_id in fund.state.distributions
    if redeemed != distributed:
        raise InvalidTransition(
            "redemption_in_bank_only" if redeemed else "redemption_in_goods_only",
            redemption_id=c.redemption_id,
            fund_id=c.fund_id,
        )
    event = volunteer.redeem(
        stamp,
        redemption_id=c.redemption_id,
        credit_s=c.credit_s,
        item=c.item,
        quantity=c.quantity,
        counterparty=c.fund_id,
        approver=c.approver,
        limit_s=_limit(work, volunteer),
    )
    # Refused here (goods not in stock), the redemption above is dropped with the unit of
    # work: nothing of the command is recorded.
    fund.distribute_goods(
        stamp,
        distribution_id=c.redemption_id,
        item=c.item,
        unit=c.unit,
        restriction=c.restriction,
        quantity=c.quantity,
        recipient=c.volunteer_id,
        signed_off_by=c.approver,
        purpose=f"时间银行兑换 time-bank redemption {c.redemption_id}",
    )
    return event


def _issue_certificate(work: UnitOfWork, c: b.IssueCertificate, stamp: Stamp) -> Any:
    # Certificate numbers are unique in the store, not only per volunteer: a number
    # is what a reader types to verify one. The stored certificates are scanned by
    # their event name (a small, indexed read); a later version may claim numbers
    # through an aggregate of their own to make this atomic across processes too.
    holders = certificate_holders(work.log_reader, c.certificate_no)
    others = [v for v in holders if v != c.volunteer_id]
    if others:
        raise RuleViolation(
            "certificate_issued_to_other", certificate_no=c.certificate_no, holder=others[0]
        )
    return work.volunteer(c.volunteer_id).issue_certificate(
        stamp,
        certificate_no=c.certificate_no,
        period_from=c.period_from,
        period_to=c.period_to,
        issuing_station=c.issuing_station,
    )


def _set_policy(work: UnitOfWork, c: b.SetStationPolicy, stamp: Stamp) -> Any:
    uid = station_uuid(c.station_id)
    station = work.find(uid, Station)
    if station is None:
        station = Station(uid)
        work.add(station)
    return station.set_policy(
        stamp,
        station_id=c.station_id,
        name=c.name,
        auto_approve=c.auto_approve,
        bank_rate_pct=c.bank_rate_pct,
        bank_automatic=c.bank_automatic,
        bank_limit_s=c.bank_limit_s,
        notice_days_min=c.notice_days_min,
        over_budget_allowed=c.over_budget_allowed,
        star_thresholds_h=c.star_thresholds_h,
    )


HANDLERS: dict[type[b.Command[Any]], Handler] = {
    b.SetStationPolicy: _set_policy,
    b.RegisterVolunteer: _register_volunteer,
    b.CorrectVolunteerProfile: _correct_profile,
    b.ErasePersonalData: _erase_personal_data,
    b.JoinTeam: lambda w, c, s: w.volunteer(c.volunteer_id).join_team(s, team=c.team),
    b.LeaveTeam: lambda w, c, s: w.volunteer(c.volunteer_id).leave_team(
        s, team=c.team, reason=c.reason
    ),
    b.DeactivateVolunteer: lambda w, c, s: w.volunteer(c.volunteer_id).deactivate(
        s, reason=c.reason
    ),
    b.PublishActivity: _publish_activity,
    b.RecordService: _record_service,
    b.ApproveService: _approve_service,
    b.CorrectService: lambda w, c, s: w.volunteer(c.volunteer_id).correct_service(
        s,
        correction_id=c.correction_id,
        record_id=c.record_id,
        started_at=c.started_at,
        ended_at=c.ended_at,
        duration_s=(
            c.duration_s
            if c.duration_s is not None
            else int((c.ended_at - c.started_at).total_seconds())
        ),
        reason=c.reason,
        requested_by=c.requested_by,
    ),
    b.VoidService: lambda w, c, s: w.volunteer(c.volunteer_id).void_service(
        s, record_id=c.record_id, reason=c.reason
    ),
    b.BankHours: _bank_hours,
    b.RedeemHours: lambda w, c, s: w.volunteer(c.volunteer_id).redeem(
        s,
        redemption_id=c.redemption_id,
        credit_s=c.credit_s,
        item=c.item,
        quantity=c.quantity,
        counterparty=c.counterparty,
        approver=c.approver,
        limit_s=_limit(w, w.volunteer(c.volunteer_id)),
    ),
    b.RedeemHoursForGoods: _redeem_for_goods,
    b.TransferHours: _transfer_hours,
    b.AdjustHours: lambda w, c, s: w.volunteer(c.volunteer_id).adjust_bank(
        s,
        adjustment_id=c.adjustment_id,
        credit_s=c.credit_s,
        kind=c.kind,
        authorised_by=c.authorised_by,
        reason=c.reason,
        limit_s=_limit(w, w.volunteer(c.volunteer_id)),
    ),
    b.IssueCertificate: _issue_certificate,
    b.RevokeCertificate: lambda w, c, s: w.volunteer(c.volunteer_id).revoke_certificate(
        s, certificate_no=c.certificate_no, reason=c.reason
    ),
}
