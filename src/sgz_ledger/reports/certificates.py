"""Volunteer service certificates (志愿服务证明): rebuild and verify them.

A certificate is issued by ``Ledger.issue_certificate``, which records a
``CertificateIssued`` event with the number, the period, the ids of the counted
records, their total and a SHA-256 digest over that content
(``domain.volunteer.certificate_digest``). This module turns that event back into
the certificate people hold (rule 5, 办法 Art.14-17: it states service time,
content and the recording unit, has a number and a date, is free, and can be
verified), and checks a certificate from its number and verification code alone.

* ``certificate`` rebuilds the certificate as issued: the records and their seconds
  are those counted when it was issued (a replay up to the issuing event), so a later
  correction does not silently rewrite a certificate already handed out; verification
  reports it instead.
* The verification code is the first 16 hex digits of the stored digest, grouped
  ``ABCD-EF12-3456-7890``. It is a check value, not a secret: the store is the
  authority, and verification recomputes the digest from the records as they stand.
* The volunteer's name is shown only with their consent (条例 Art.20, 办法 Art.16);
  otherwise it is masked to the surname (``张*``). Verification never shows a full
  name: whoever holds a number and a code learns whether the paper is genuine, not
  more. Once their personal data was erased, the certificate names them by their
  pseudonym (``已删除 erased V-0001``); its hours, records and code are unchanged.

Everything here reads; nothing records events.
"""

from __future__ import annotations

import datetime as dt
import hmac
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

import msgspec

from sgz_ledger.domain.errors import NotFound
from sgz_ledger.domain.events import (
    CertificateIssued,
    CertificateRevoked,
    ServiceRecorded,
    VolunteerEvent,
)
from sgz_ledger.domain.money import hours_2dp
from sgz_ledger.domain.volunteer import Volunteer, certificate_digest, volunteer_uuid
from sgz_ledger.service.certificate_numbers import certificate_holders
from sgz_ledger.storage.log import LogReader
from sgz_ledger.storage.sealing import PersonalDataSealer, SealError, pseudonym

__all__ = [
    "CERTIFICATE_NO_LEN_MAX",
    "CODE_HEX_DIGITS",
    "Certificate",
    "CertificateRecord",
    "Verification",
    "VerificationStatus",
    "certificate",
    "mask_name",
    "verification_code",
    "verify_certificate",
]

# 16 hex digits (64 bits) of the digest: short enough to type from paper, long enough
# that a made-up code for a real number is practically never right (1 in 1.8e19).
CODE_HEX_DIGITS = 16
_CODE_GROUP = 4
# Certificate numbers are command keys (boundary.KEY_LEN_MAX); a longer one cannot
# exist, so verification answers "unknown" without reading the store.
CERTIFICATE_NO_LEN_MAX = 64
# What a person may type as a code (with spaces and dashes); longer input is refused
# before any work is done with it.
_CODE_INPUT_LEN_MAX = 64
_HEX_DIGEST = re.compile(r"[0-9a-f]{64}")
_CODE_TYPED = re.compile(rf"[0-9A-F]{{{CODE_HEX_DIGITS}}}")

VerificationStatus = Literal["valid", "revoked", "changed", "unknown_number", "wrong_code"]


# ---- what a certificate says ---------------------------------------------------------------


class CertificateRecord(msgspec.Struct, frozen=True, kw_only=True):
    """One service record on a certificate, as counted when it was issued.

    Attributes:
        organizer: the organising unit that recorded it (谁组织谁记录, the recording unit).
        duration_s: the seconds counted for it at issue.
        hours: ``duration_s`` in hours, 2 decimals, rounded half up on its own; the
            certificate's total is not the sum of these (it is rounded once, from seconds).
    """

    record_id: str
    service_date: dt.date
    activity_name: str
    content: str
    organizer: str
    duration_s: int
    hours: Decimal


class Certificate(msgspec.Struct, frozen=True, kw_only=True):
    """A volunteer service certificate (志愿服务证明) as issued.

    Attributes:
        certificate_no: its number (编号).
        issued_on: the date of issue (出具日期), the issuing event's business date.
        issuing_station: the issuing unit (出具单位); ``issuer`` the person (出具人).
        volunteer_id: the station's code for the volunteer (志愿者编号).
        name: the volunteer's name when ``name_disclosed``, else masked (``张*``), or the
            pseudonym ``已删除 erased V-0001`` when ``name_erased``.
        name_disclosed: the volunteer consented and the full name is shown.
        name_erased: the volunteer's personal data was erased (个人信息保护法 Art.47).
        total_s: the counted seconds, summed before rounding; ``total_hours`` them in
            hours with 2 decimals (rounded half up once).
        records: the counted records, by date then record id.
        verification_code: ``ABCD-EF12-3456-7890``, from the stored digest.
        revoked_on, revoked_reason: set when the certificate was revoked.
    """

    certificate_no: str
    issued_on: dt.date
    issuing_station: str
    issuer: str
    volunteer_id: str
    name: str
    name_disclosed: bool
    period_from: dt.date
    period_to: dt.date
    total_s: int
    total_hours: Decimal
    records: tuple[CertificateRecord, ...]
    verification_code: str
    revoked_on: dt.date | None = None
    revoked_reason: str = ""
    name_erased: bool = False


class Verification(msgspec.Struct, frozen=True, kw_only=True):
    """The answer to "is this certificate genuine?".

    Attributes:
        status: ``valid``; ``revoked`` (see ``revoked_reason``); ``changed`` (a listed
            record was voided or corrected after issue, see ``changed_records``);
            ``unknown_number``; ``wrong_code``.
        message: one line for people, in Chinese and English.
        certificate: the certificate (name always masked) when the code matched, so
            the verifier can compare it with the paper; ``None`` otherwise.
    """

    status: VerificationStatus
    certificate_no: str
    message: str
    revoked_on: dt.date | None = None
    revoked_reason: str = ""
    changed_records: tuple[str, ...] = ()
    certificate: Certificate | None = None

    @property
    def ok(self) -> bool:
        """Whether the certificate is genuine and still matches the records."""
        return self.status == "valid"


# ---- the verification code -----------------------------------------------------------------


def verification_code(digest: str) -> str:
    """The code printed on a certificate: the digest's first 16 hex digits, grouped by 4."""
    assert _HEX_DIGEST.fullmatch(digest), "a certificate digest is 64 lower-case hex digits"
    head = digest[:CODE_HEX_DIGITS].upper()
    return "-".join(head[i : i + _CODE_GROUP] for i in range(0, CODE_HEX_DIGITS, _CODE_GROUP))


def _typed_code(code: str) -> str | None:
    """A typed code without spaces and dashes, upper-cased; ``None`` if it cannot be one."""
    if len(code) > _CODE_INPUT_LEN_MAX:
        return None
    plain = re.sub(r"[\s\-]", "", code).upper()
    return plain if _CODE_TYPED.fullmatch(plain) else None


def _code_matches(typed: str | None, digest: str) -> bool:
    if typed is None:
        return False
    # Constant time: the comparison should not tell a guesser how many digits were right.
    return hmac.compare_digest(typed, verification_code(digest).replace("-", ""))


# ---- finding the holder of a number --------------------------------------------------------


# ---- rebuilding a certificate ---------------------------------------------------------------


@dataclass(frozen=True)
class _Replay:
    """A volunteer now, and one certificate's records as they stood when it was issued."""

    volunteer: Volunteer
    issued: CertificateIssued
    revoked: CertificateRevoked | None
    at_issue: dict[str, tuple[ServiceRecorded, int]]


def _replay(log: LogReader, volunteer_id: str, certificate_no: str) -> _Replay:
    """Replay the volunteer's events once, noting the listed records' seconds at issue.

    Raises:
        NotFound: no such volunteer, or the volunteer holds no such certificate.
    """
    uid = volunteer_uuid(volunteer_id)
    volunteer = Volunteer(uid)
    at_issue: dict[str, tuple[ServiceRecorded, int]] = {}
    for _, event in log.aggregate(uid):
        assert isinstance(event, VolunteerEvent)
        volunteer.apply(event)
        if isinstance(event, CertificateIssued) and event.certificate_no == certificate_no:
            # The records do not change while the event is applied, so this is what
            # the digest was computed over.
            for record_id in event.record_ids:
                r = volunteer.state.records[record_id]
                at_issue[record_id] = (r.recorded, r.counted_s)
    if volunteer.state.registered is None:
        raise NotFound("volunteer", volunteer_id)
    issued = volunteer.state.certificates.get(certificate_no)
    if issued is None:
        raise NotFound("certificate", certificate_no)
    return _Replay(
        volunteer=volunteer,
        issued=issued,
        revoked=volunteer.state.revoked.get(certificate_no),
        at_issue=at_issue,
    )


def mask_name(name: str) -> str:
    """A name with all but its first character masked: ``张三`` -> ``张*``.

    ``欧阳娜娜`` -> ``欧***``: the first character is usually (part of) the surname,
    which alone identifies no one.
    """
    name = name.strip()
    if len(name) <= 1:
        return "*" if name else ""
    return name[0] + "*" * (len(name) - 1)


def _name(sealer: PersonalDataSealer, volunteer: Volunteer, *, disclose: bool) -> tuple[str, bool]:
    """The name to print and whether it is the full name (the pseudonym once erased)."""
    if volunteer.state.erased is not None:
        return pseudonym(volunteer.volunteer_id), False
    sealed = volunteer.state.personal_sealed
    if disclose and volunteer.state.consent:
        # Printing a consented name needs the ledger's key: a SealError is the answer.
        return sealer.open(sealed).name, True
    try:
        return mask_name(sealer.open(sealed).name), False
    except SealError:
        # Someone verifying without the key still gets an answer, just no surname.
        return "*", False


def _build(sealer: PersonalDataSealer, replay: _Replay, *, disclose_name: bool) -> Certificate:
    issued = replay.issued
    records = []
    for record_id in issued.record_ids:
        recorded, seconds = replay.at_issue[record_id]
        records.append(
            CertificateRecord(
                record_id=record_id,
                service_date=recorded.service_date,
                activity_name=recorded.activity_name,
                content=recorded.content,
                organizer=recorded.organizer,
                duration_s=seconds,
                hours=hours_2dp(seconds),
            )
        )
    name, disclosed = _name(sealer, replay.volunteer, disclose=disclose_name)
    revoked = replay.revoked
    return Certificate(
        certificate_no=issued.certificate_no,
        issued_on=issued.occurred_on,
        issuing_station=issued.issuing_station,
        issuer=issued.issuer,
        volunteer_id=replay.volunteer.volunteer_id,
        name=name,
        name_disclosed=disclosed,
        period_from=issued.period_from,
        period_to=issued.period_to,
        total_s=issued.total_s,
        # Summed in seconds, rounded once (DOMAIN rule 1): never a sum of rounded hours.
        total_hours=hours_2dp(issued.total_s),
        records=tuple(records),
        verification_code=verification_code(issued.digest),
        revoked_on=revoked.occurred_on if revoked else None,
        revoked_reason=revoked.reason if revoked else "",
        name_erased=replay.volunteer.state.erased is not None,
    )


def certificate(
    log: LogReader,
    sealer: PersonalDataSealer,
    certificate_no: str,
    volunteer_id: str,
    *,
    disclose_name: bool = True,
) -> Certificate:
    """The certificate ``certificate_no`` of volunteer ``volunteer_id``, as issued.

    Args:
        log: the store's log (the volunteer's events are read by their aggregate id).
        sealer: opens the volunteer's personal data (their name).
        disclose_name: print the full name if the volunteer consents (now; a withdrawn
            consent is honoured); ``False`` masks it in any case.

    Raises:
        NotFound: no such volunteer, or they hold no such certificate.
        SealError: the name is to be printed and the ledger cannot open personal data.
    """
    return _build(sealer, _replay(log, volunteer_id, certificate_no), disclose_name=disclose_name)


# ---- verifying ------------------------------------------------------------------------------


def _digest_now(replay: _Replay) -> tuple[str, tuple[str, ...]]:
    """The digest over the listed records as they stand now, and the records that changed."""
    issued = replay.issued
    state = replay.volunteer.state
    now: list[tuple[str, int]] = []
    changed: list[str] = []
    for record_id in issued.record_ids:
        r = state.records.get(record_id)
        seconds = r.counted_s if r is not None else 0
        now.append((record_id, seconds))
        if seconds != replay.at_issue[record_id][1]:
            changed.append(record_id)
    digest = certificate_digest(
        certificate_no=issued.certificate_no,
        volunteer_id=replay.volunteer.volunteer_id,
        period_from=issued.period_from,
        period_to=issued.period_to,
        records=now,
        issuer=issued.issuer,
        issuing_station=issued.issuing_station,
    )
    return digest, tuple(changed)


def _consistent_at_issue(replay: _Replay) -> bool:
    """Whether the stored event agrees with the records it was issued from (an edited store)."""
    issued = replay.issued
    at_issue = [(rid, replay.at_issue[rid][1]) for rid in issued.record_ids]
    digest = certificate_digest(
        certificate_no=issued.certificate_no,
        volunteer_id=replay.volunteer.volunteer_id,
        period_from=issued.period_from,
        period_to=issued.period_to,
        records=at_issue,
        issuer=issued.issuer,
        issuing_station=issued.issuing_station,
    )
    return digest == issued.digest and sum(s for _, s in at_issue) == issued.total_s


def verify_certificate(
    log: LogReader, sealer: PersonalDataSealer, certificate_no: str, code: str
) -> Verification:
    """Check a certificate from its number and the code printed on it (``log`` and
    ``sealer`` as for ``certificate``).

    Checks, in order: the number is known; the code matches (before anything about
    the certificate is said); it was not revoked; the digest recomputed from the
    listed records as they stand now equals the digest stored at issue.
    """
    no = certificate_no.strip()
    if not no or len(no) > CERTIFICATE_NO_LEN_MAX:
        return _unknown(no[:CERTIFICATE_NO_LEN_MAX])
    holders = certificate_holders(log, no)
    if not holders:
        return _unknown(no)
    typed = _typed_code(code)
    for volunteer_id in holders:
        replay = _replay(log, volunteer_id, no)
        if _code_matches(typed, replay.issued.digest):
            return _verify(sealer, replay)
    return Verification(
        status="wrong_code",
        certificate_no=no,
        message=f"验证码不符 wrong code: it does not match certificate {no!r}",
    )


def _unknown(no: str) -> Verification:
    return Verification(
        status="unknown_number",
        certificate_no=no,
        message=f"未知编号 unknown number: no certificate {no!r} was issued in this ledger",
    )


def _verify(sealer: PersonalDataSealer, replay: _Replay) -> Verification:
    cert = _build(sealer, replay, disclose_name=False)
    no = cert.certificate_no
    if replay.revoked is not None:
        return Verification(
            status="revoked",
            certificate_no=no,
            message=(
                f"已撤销 revoked on {replay.revoked.occurred_on.isoformat()}: "
                f"{replay.revoked.reason}"
            ),
            revoked_on=replay.revoked.occurred_on,
            revoked_reason=replay.revoked.reason,
            certificate=cert,
        )
    digest_now, changed = _digest_now(replay)
    if not _consistent_at_issue(replay):
        return Verification(
            status="changed",
            certificate_no=no,
            message=(
                "记录不一致 changed: the stored certificate does not match the records it was "
                "issued from"
            ),
            changed_records=changed,
            certificate=cert,
        )
    if digest_now != replay.issued.digest:
        return Verification(
            status="changed",
            certificate_no=no,
            message=(
                "记录已变更 changed: record(s) "
                + ", ".join(changed)
                + " were voided or corrected after issue; the certificate no longer matches"
            ),
            changed_records=changed,
            certificate=cert,
        )
    return Verification(
        status="valid",
        certificate_no=no,
        message=(
            f"有效 valid: {cert.total_hours} 小时 hours for {cert.period_from.isoformat()} to "
            f"{cert.period_to.isoformat()}, issued {cert.issued_on.isoformat()} by "
            f"{cert.issuing_station}"
        ),
        certificate=cert,
    )
