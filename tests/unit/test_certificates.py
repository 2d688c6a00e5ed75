"""Service certificates (志愿服务证明, DOMAIN rule 5): read back, verified, rendered.

Certificates are issued through the real Ledger (in memory and in a SQLite file) and
then read with ``sgz_ledger.reports.certificates``: totals summed in seconds and rounded once,
the records listed, the name shown only with consent, text/JSON/HTML output, and every
verification answer (valid, revoked, changed, unknown number, wrong code).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from eventsourcing.cipher import AESCipher

from sgz_ledger import IdempotencyConflict, Ledger, NotFound, RuleViolation
from sgz_ledger.domain.events import CertificateIssued
from sgz_ledger.domain.volunteer import certificate_digest
from sgz_ledger.render.certificates import certificate_html, certificate_json, certificate_text
from sgz_ledger.reports.certificates import (
    Certificate,
    mask_name,
    verification_code,
)
from sgz_ledger.service import commands as b
from sgz_ledger.service.certificate_numbers import certificate_holders
from sgz_ledger.storage.sealing import PersonalDataSealer, SealError

pytestmark = pytest.mark.filterwarnings(
    "ignore::sgz_ledger.storage.sealing.PersonalDataInClearWarning"
)

CST = dt.timezone(dt.timedelta(hours=8), "CST")
# Every service date below is in 2024; the ledger records everything in January 2025.
NOW = dt.datetime(2025, 1, 10, 9, 0, tzinfo=dt.UTC)
ISSUED_ON = dt.date(2025, 1, 10)
REGISTERED_ON = dt.date(2023, 12, 1)  # on or before the first service (rule 37)
STATION = "cuizhai"
ISSUING_STATION = "崔寨街道社工站"
ORGANIZER = "崔寨街道社工站"
RECORDER = "王芳"
APPROVER = "李强"
ISSUER = "赵敏"
YEAR_FROM = dt.date(2024, 1, 1)
YEAR_TO = dt.date(2024, 12, 31)
CLEANUP = "A-CLEAN"
TRAINING = "A-TRAIN"
CODE_SHAPE = re.compile(r"[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}")
# 崔寨 2024: 1495.71 hours is exactly 5,384,556 seconds (DOMAIN rule 1).
CUIZHAI_S = 5_384_556


@pytest.fixture(params=["memory", "sqlite-file"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The in-memory store and a SQLite file."""
    return "memory:" if request.param == "memory" else str(tmp_path / "station.db")


@pytest.fixture
def ledger(store: str) -> Iterator[Ledger]:
    """A Ledger whose clock stands after every service date, with two activities published."""
    opened = Ledger(store, clock=lambda: NOW)
    _publish(opened)
    yield opened
    opened.close()


def _who(actor: str = RECORDER, on: dt.date = ISSUED_ON) -> dict[str, Any]:
    return {"actor": actor, "occurred_on": on}


def _publish(ledger: Ledger) -> None:
    for activity_id, name, category in (
        (CLEANUP, "社区环境清洁", "volunteer_service"),
        (TRAINING, "志愿者培训", "training"),
    ):
        ledger.publish_activity(
            activity_id=activity_id,
            station_id=STATION,
            name=name,
            category=category,
            community="崔寨村",
            place="崔寨村委会",
            organizer=ORGANIZER,
            leader="孙丽",
            starts_at=dt.datetime(2023, 12, 1, 8, tzinfo=CST),  # R-OLD lies within
            ends_at=dt.datetime(2024, 12, 31, 18, tzinfo=CST),
            **_who(on=YEAR_FROM),
        )


def _register(
    ledger: Ledger, volunteer_id: str = "V001", name: str = "张三丰", *, consent: bool = False
) -> None:
    ledger.register_volunteer(
        volunteer_id=volunteer_id,
        station_id=STATION,
        name=name,
        registered_on=REGISTERED_ON,
        consent=consent,
        **_who(on=REGISTERED_ON),
    )


def _serve(
    ledger: Ledger,
    record_id: str,
    day: dt.date,
    seconds: int,
    *,
    volunteer_id: str = "V001",
    content: str = "打扫楼道",
    activity_id: str = CLEANUP,
    approve: bool = True,
) -> None:
    ledger.record_service(
        record_id=record_id,
        volunteer_id=volunteer_id,
        activity_id=activity_id,
        duration_s=seconds,
        service_date=day,
        content=content,
        **_who(on=day),
    )
    if approve:
        ledger.approve_service(
            volunteer_id=volunteer_id, record_id=record_id, **_who(APPROVER, on=day)
        )


def _issue(
    ledger: Ledger,
    certificate_no: str = "CZ-2025-0001",
    *,
    volunteer_id: str = "V001",
    period_from: dt.date = YEAR_FROM,
    period_to: dt.date = YEAR_TO,
) -> CertificateIssued:
    event = ledger.issue_certificate(
        volunteer_id=volunteer_id,
        certificate_no=certificate_no,
        period_from=period_from,
        period_to=period_to,
        issuing_station=ISSUING_STATION,
        **_who(ISSUER),
    )
    assert isinstance(event, CertificateIssued)
    return event


def _three_rounding_records(ledger: Ledger) -> None:
    """Three records of 3618 s: 1.005 h each (1.01 rounded), 3.015 h together (3.02)."""
    _register(ledger)
    for n, day in enumerate((dt.date(2024, 3, 2), dt.date(2024, 3, 9), dt.date(2024, 3, 16))):
        _serve(ledger, f"R-{n + 1}", day, 3618, content=f"第{n + 1}次清洁")


# ---- totals -----------------------------------------------------------------------------------


def test_cuizhai_total_is_1495_71_hours_from_exact_seconds(ledger: Ledger) -> None:
    _register(ledger)
    ledger.set_station_policy(station_id=STATION, name="崔寨", auto_approve=True, **_who())
    # 70 records of about 21.4 h that add up to崔寨's 1495.71 h to the second.
    durations = [76_922] * 69 + [CUIZHAI_S - 69 * 76_922]
    assert sum(durations) == CUIZHAI_S
    commands = [
        b.validate_command(
            b.RecordService,
            {
                "record_id": f"R-{n:03d}",
                "volunteer_id": "V001",
                "activity_id": CLEANUP,
                "duration_s": seconds,
                "service_date": YEAR_FROM + dt.timedelta(days=5 * n),
                "content": "环境整治",
                **_who(on=YEAR_FROM + dt.timedelta(days=5 * n)),
            },
        )
        for n, seconds in enumerate(durations)
    ]
    ledger.execute_batch(commands)

    issued = _issue(ledger)
    cert = ledger.certificate("CZ-2025-0001", "V001")

    assert issued.total_s == CUIZHAI_S
    assert cert.total_s == CUIZHAI_S
    assert cert.total_hours == Decimal("1495.71")
    assert len(cert.records) == 70
    assert sum(r.duration_s for r in cert.records) == CUIZHAI_S
    assert "服务时长 Service time:" in certificate_text(cert)
    assert "1495.71 小时 hours" in certificate_text(cert)
    assert json.loads(certificate_json(cert))["total_hours"] == "1495.71"


def test_total_is_rounded_once_from_seconds_not_summed_from_rounded_hours(
    ledger: Ledger,
) -> None:
    _three_rounding_records(ledger)
    _issue(ledger)

    cert = ledger.certificate("CZ-2025-0001", "V001")

    assert [r.hours for r in cert.records] == [Decimal("1.01")] * 3
    assert sum(r.hours for r in cert.records) == Decimal("3.03")  # what per-record rounding gives
    assert cert.total_s == 3 * 3618
    assert cert.total_hours == Decimal("3.02")  # 3.015 h rounded half up, once


# ---- what is listed ---------------------------------------------------------------------------


def test_lists_counted_records_of_the_period_by_date_then_id(ledger: Ledger) -> None:
    _register(ledger)
    # Entered out of order; two on one day.
    _serve(ledger, "R-B", dt.date(2024, 5, 1), 7200, content="义诊")
    _serve(ledger, "R-A", dt.date(2024, 5, 1), 3600, content="量血压")
    _serve(ledger, "R-0", dt.date(2024, 2, 10), 5400, content="包饺子")
    # Not on the certificate: outside the period, not approved, training, voided before issue.
    _serve(ledger, "R-OLD", dt.date(2023, 12, 30), 3600)
    _serve(ledger, "R-WAIT", dt.date(2024, 6, 1), 3600, approve=False)
    _serve(ledger, "R-TRAIN", dt.date(2024, 6, 2), 3600, activity_id=TRAINING)
    _serve(ledger, "R-VOID", dt.date(2024, 6, 3), 3600)
    ledger.void_service(volunteer_id="V001", record_id="R-VOID", reason="重复录入", **_who())

    _issue(ledger)
    cert = ledger.certificate("CZ-2025-0001", "V001")

    assert [r.record_id for r in cert.records] == ["R-0", "R-A", "R-B"]
    first = cert.records[0]
    assert first.service_date == dt.date(2024, 2, 10)
    assert first.activity_name == "社区环境清洁"
    assert first.content == "包饺子"
    assert first.organizer == ORGANIZER
    assert first.duration_s == 5400
    assert first.hours == Decimal("1.50")
    assert cert.total_s == 5400 + 3600 + 7200
    assert cert.total_hours == Decimal("4.50")
    assert (cert.period_from, cert.period_to) == (YEAR_FROM, YEAR_TO)
    assert (cert.issued_on, cert.issuer, cert.issuing_station) == (
        ISSUED_ON,
        ISSUER,
        ISSUING_STATION,
    )
    assert cert.volunteer_id == "V001"
    assert cert.revoked_on is None


def test_certificate_shows_what_was_issued_even_after_a_correction(ledger: Ledger) -> None:
    _three_rounding_records(ledger)
    _issue(ledger)
    ledger.correct_service(
        volunteer_id="V001",
        record_id="R-2",
        correction_id="C-1",
        duration_s=1800,
        reason="签退时间记错",
        requested_by="张三丰",
        **_who(APPROVER),
    )

    cert = ledger.certificate("CZ-2025-0001", "V001")

    assert [r.duration_s for r in cert.records] == [3618, 3618, 3618]
    assert cert.total_hours == Decimal("3.02")


def test_unknown_certificate_or_volunteer_is_not_found(ledger: Ledger) -> None:
    _three_rounding_records(ledger)
    _issue(ledger)

    with pytest.raises(NotFound, match="certificate 'CZ-9999'"):
        ledger.certificate("CZ-9999", "V001")
    with pytest.raises(NotFound, match="volunteer 'V404'"):
        ledger.certificate("CZ-2025-0001", "V404")


# ---- personal data ----------------------------------------------------------------------------


def test_name_is_masked_without_consent(ledger: Ledger) -> None:
    _three_rounding_records(ledger)  # registered without consent
    _issue(ledger)

    cert = ledger.certificate("CZ-2025-0001", "V001")

    assert cert.name == "张**"
    assert not cert.name_disclosed
    for rendered in (certificate_text(cert), certificate_json(cert), certificate_html(cert)):
        assert "张三丰" not in rendered
    assert "not disclosed without consent" in certificate_text(cert)


def test_name_is_shown_with_consent_and_masked_once_consent_is_withdrawn(ledger: Ledger) -> None:
    _register(ledger, consent=True)
    _serve(ledger, "R-1", dt.date(2024, 3, 2), 3600)
    _issue(ledger)

    shown = ledger.certificate("CZ-2025-0001", "V001")
    assert (shown.name, shown.name_disclosed) == ("张三丰", True)
    assert "张三丰" in certificate_text(shown)
    # Verification never gives out the full name, consent or not.
    verified = ledger.verify_certificate("CZ-2025-0001", shown.verification_code)
    assert verified.certificate is not None
    assert verified.certificate.name == "张**"

    ledger.correct_volunteer_profile(
        volunteer_id="V001",
        correction_id="P-1",
        field="consent",
        value="false",
        reason="本人撤回同意",
        **_who(),
    )
    withdrawn = ledger.certificate("CZ-2025-0001", "V001")
    assert (withdrawn.name, withdrawn.name_disclosed) == ("张**", False)


@pytest.mark.parametrize(
    ("name", "masked"),
    [("张三", "张*"), ("欧阳娜娜", "欧***"), ("李", "*"), ("", ""), (" 王五 ", "王*")],
)
def test_mask_name(name: str, masked: str) -> None:
    assert mask_name(name) == masked


# ---- rendering --------------------------------------------------------------------------------


def _issued_cert(ledger: Ledger, content: str = "打扫楼道") -> Certificate:
    _register(ledger)
    _serve(ledger, "R-1", dt.date(2024, 3, 2), 3618, content=content)
    _serve(ledger, "R-2", dt.date(2024, 3, 9), 3618, content="整理图书角")
    _serve(ledger, "R-3", dt.date(2024, 3, 16), 3618, content="陪伴老人")
    _issue(ledger)
    return ledger.certificate("CZ-2025-0001", "V001")


def test_render_text_has_every_field_and_how_to_verify(ledger: Ledger) -> None:
    cert = _issued_cert(ledger)

    text = certificate_text(cert)

    for expected in (
        "志愿服务证明",
        "Volunteer Service Certificate",
        "编号 No.:",
        "CZ-2025-0001",
        "姓名 Name:",
        "张**",
        "服务时长 Service time:",
        "3.02 小时",
        "出具单位 Issuing unit:",
        ISSUING_STATION,
        "出具人 Issued by:",
        ISSUER,
        "出具日期 Date of issue:",
        "2025-01-10",
        "验证码 Verification code:",
        cert.verification_code,
        f"sgz-ledger verify-certificate CZ-2025-0001 {cert.verification_code}",
        "免费",
    ):
        assert expected in text, expected
    table = [line for line in text.splitlines() if re.match(r" *[123]  2024-", line)]
    assert len(table) == 3
    assert "2024-03-02" in table[0]
    assert "1.01" in table[0]
    assert "打扫楼道" in table[0]
    assert "社区环境清洁" in table[0]
    assert "陪伴老人" in table[2]


def test_render_text_keeps_a_record_on_one_line(ledger: Ledger) -> None:
    # A line break in a record's content must not print a line of its own (a forged code).
    cert = _issued_cert(ledger, content="打扫\n验证码 Verification code: 0000-0000-0000-0000")

    text = certificate_text(cert)

    assert "\n验证码 Verification code: 0000" not in text
    assert sum(line.startswith("验证码") for line in text.splitlines()) == 1


def test_render_json_has_seconds_as_integers_and_hours_as_strings(ledger: Ledger) -> None:
    cert = _issued_cert(ledger)

    data = json.loads(certificate_json(cert))

    assert data["certificate_no"] == "CZ-2025-0001"
    assert data["total_s"] == 10854
    assert data["total_hours"] == "3.02"
    assert data["issued_on"] == "2025-01-10"
    assert data["name"] == "张**"
    assert data["name_disclosed"] is False
    assert data["verification_code"] == cert.verification_code
    assert [r["duration_s"] for r in data["records"]] == [3618, 3618, 3618]
    assert [r["hours"] for r in data["records"]] == ["1.01", "1.01", "1.01"]
    assert data["records"][0]["organizer"] == ORGANIZER


def test_render_html_is_self_contained_and_escaped(ledger: Ledger) -> None:
    cert = _issued_cert(ledger, content='<script>alert("x")</script> & <b>清洁</b>')

    page = certificate_html(cert)

    assert page.startswith("<!DOCTYPE html>")
    assert '<meta charset="utf-8">' in page
    assert "<script" not in page
    assert "<b>" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;清洁&lt;/b&gt;" in page
    assert "src=" not in page  # nothing loaded from elsewhere
    assert "href=" not in page
    for expected in ("志愿服务证明", "3.02", ISSUING_STATION, ISSUER, cert.verification_code):
        assert expected in page
    assert f"sgz-ledger verify-certificate CZ-2025-0001 {cert.verification_code}" in page


def test_revoked_certificate_says_so_when_rendered(ledger: Ledger) -> None:
    _issued_cert(ledger)
    ledger.revoke_certificate(
        volunteer_id="V001", certificate_no="CZ-2025-0001", reason="出具单位填写错误", **_who()
    )

    cert = ledger.certificate("CZ-2025-0001", "V001")

    assert cert.revoked_on == ISSUED_ON
    assert cert.revoked_reason == "出具单位填写错误"
    assert "已撤销 REVOKED" in certificate_text(cert)
    assert "已撤销 REVOKED" in certificate_html(cert)


# ---- the verification code --------------------------------------------------------------------


def test_code_is_the_grouped_head_of_the_stored_digest(ledger: Ledger) -> None:
    _three_rounding_records(ledger)
    issued = _issue(ledger)

    code = ledger.certificate("CZ-2025-0001", "V001").verification_code

    assert CODE_SHAPE.fullmatch(code)
    assert code == verification_code(issued.digest)
    assert code.replace("-", "") == issued.digest[:16].upper()
    # Anyone with the library recomputes the digest from the certificate's content.
    recomputed = certificate_digest(
        certificate_no="CZ-2025-0001",
        volunteer_id="V001",
        period_from=YEAR_FROM,
        period_to=YEAR_TO,
        records=[("R-1", 3618), ("R-2", 3618), ("R-3", 3618)],
        issuer=ISSUER,
        issuing_station=ISSUING_STATION,
    )
    assert recomputed == issued.digest


# ---- verification -----------------------------------------------------------------------------


def test_verify_valid(ledger: Ledger) -> None:
    cert = _issued_cert(ledger)

    result = ledger.verify_certificate("CZ-2025-0001", cert.verification_code)

    assert result.status == "valid"
    assert result.ok
    assert result.certificate is not None
    assert result.certificate.total_hours == Decimal("3.02")
    assert "3.02" in result.message


@pytest.mark.parametrize("typed", ["lower", "plain", "spaced"])
def test_verify_accepts_the_code_as_people_type_it(ledger: Ledger, typed: str) -> None:
    code = _issued_cert(ledger).verification_code
    variants = {
        "lower": code.lower(),
        "plain": code.replace("-", ""),
        "spaced": " " + code.replace("-", " ") + " ",
    }

    assert ledger.verify_certificate(" CZ-2025-0001 ", variants[typed]).status == "valid"


def test_verify_revoked_with_reason(ledger: Ledger) -> None:
    code = _issued_cert(ledger).verification_code
    ledger.revoke_certificate(
        volunteer_id="V001", certificate_no="CZ-2025-0001", reason="服务时段填写错误", **_who()
    )

    result = ledger.verify_certificate("CZ-2025-0001", code)

    assert result.status == "revoked"
    assert not result.ok
    assert result.revoked_reason == "服务时段填写错误"
    assert result.revoked_on == ISSUED_ON
    assert "服务时段填写错误" in result.message


def test_verify_changed_after_a_listed_record_is_voided(ledger: Ledger) -> None:
    code = _issued_cert(ledger).verification_code
    ledger.void_service(volunteer_id="V001", record_id="R-2", reason="未实际到岗", **_who())

    result = ledger.verify_certificate("CZ-2025-0001", code)

    assert result.status == "changed"
    assert result.changed_records == ("R-2",)
    assert "R-2" in result.message


def test_verify_changed_after_a_listed_record_is_corrected(ledger: Ledger) -> None:
    code = _issued_cert(ledger).verification_code
    ledger.correct_service(
        volunteer_id="V001",
        record_id="R-3",
        correction_id="C-1",
        duration_s=1800,
        reason="签退时间记错",
        requested_by="张三丰",
        **_who(APPROVER),
    )

    result = ledger.verify_certificate("CZ-2025-0001", code)

    assert result.status == "changed"
    assert result.changed_records == ("R-3",)


def test_verify_ignores_records_that_are_not_on_the_certificate(ledger: Ledger) -> None:
    code = _issued_cert(ledger).verification_code
    _serve(ledger, "R-LATE", dt.date(2024, 7, 1), 3600)  # approved after issue, same period

    assert ledger.verify_certificate("CZ-2025-0001", code).status == "valid"


def test_verify_wrong_code_says_nothing_else(ledger: Ledger) -> None:
    _issued_cert(ledger)
    ledger.revoke_certificate(
        volunteer_id="V001", certificate_no="CZ-2025-0001", reason="本人信息有误", **_who()
    )

    for code in ("0000-0000-0000-0000", "", "not a code", "F" * 5000):
        result = ledger.verify_certificate("CZ-2025-0001", code)
        assert result.status == "wrong_code"
        assert result.certificate is None
        assert result.revoked_reason == ""


def test_verify_unknown_number(ledger: Ledger) -> None:
    cert = _issued_cert(ledger)

    for number in ("CZ-2025-0002", "", "X" * 5000):
        result = ledger.verify_certificate(number, cert.verification_code)
        assert result.status == "unknown_number"
        assert result.certificate is None


def test_verify_from_the_number_alone_finds_the_holder(ledger: Ledger) -> None:
    _register(ledger, "V001", "张三丰")
    _register(ledger, "V002", "李四")
    _serve(ledger, "R-1", dt.date(2024, 3, 2), 3600, volunteer_id="V002")
    _issue(ledger, "CZ-2025-0007", volunteer_id="V002")

    assert certificate_holders(ledger.log_reader, "CZ-2025-0007") == ("V002",)
    code = ledger.certificate("CZ-2025-0007", "V002").verification_code
    result = ledger.verify_certificate("CZ-2025-0007", code)
    assert result.status == "valid"
    assert result.certificate is not None
    assert result.certificate.volunteer_id == "V002"


def test_a_certificate_number_is_unique_in_the_store(ledger: Ledger) -> None:
    """A number is what a reader types to verify: it names one volunteer's certificate."""
    _register(ledger, "V001", "张三丰")
    _register(ledger, "V002", "李四")
    _serve(ledger, "R-1", dt.date(2024, 3, 2), 3600, volunteer_id="V001")
    _serve(ledger, "R-1", dt.date(2024, 3, 2), 7200, volunteer_id="V002")
    _issue(ledger, "CZ-DUP", volunteer_id="V001")
    before = ledger.log_position()
    with pytest.raises(RuleViolation, match="already issued to 'V001'"):
        _issue(ledger, "CZ-DUP", volunteer_id="V002")
    assert ledger.log_position() == before
    assert certificate_holders(ledger.log_reader, "CZ-DUP") == ("V001",)


def test_a_certificate_with_no_counted_records_is_refused(ledger: Ledger) -> None:
    _register(ledger, "V001", "张三丰")
    before = ledger.log_position()
    with pytest.raises(RuleViolation, match="no approved volunteer-service records"):
        _issue(ledger, "CZ-EMPTY")
    assert ledger.log_position() == before


def test_a_certificate_for_a_period_not_yet_ended_is_refused(ledger: Ledger) -> None:
    _register(ledger, "V001", "张三丰")
    _serve(ledger, "R-1", dt.date(2024, 3, 2), 3600)
    with pytest.raises(RuleViolation, match="period that has ended"):
        _issue(ledger, "CZ-FUTURE", period_to=dt.date(2030, 12, 31))


def test_verify_without_the_key_to_personal_data_still_answers() -> None:
    key = AESCipher.create_key(16)
    sealed_ledger = Ledger("memory:", cipher_key=key, clock=lambda: NOW)
    _publish(sealed_ledger)
    code = _issued_cert(sealed_ledger).verification_code
    # A fake: the events can be read but the personal data cannot be opened.
    sealed_ledger.sealer = PersonalDataSealer("")

    result = sealed_ledger.verify_certificate("CZ-2025-0001", code)

    assert result.status == "valid"
    assert result.certificate is not None
    assert result.certificate.name == "*"
    sealed_ledger.close()


def test_certificate_with_consent_needs_the_key() -> None:
    key = AESCipher.create_key(16)
    sealed_ledger = Ledger("memory:", cipher_key=key, clock=lambda: NOW)
    _publish(sealed_ledger)
    _register(sealed_ledger, consent=True)
    _serve(sealed_ledger, "R-1", dt.date(2024, 3, 2), 3600)
    _issue(sealed_ledger)
    assert sealed_ledger.certificate("CZ-2025-0001", "V001").name == "张三丰"
    sealed_ledger.sealer = PersonalDataSealer("")

    with pytest.raises(SealError):
        sealed_ledger.certificate("CZ-2025-0001", "V001")
    sealed_ledger.close()


def test_verify_through_a_second_ledger_on_the_same_file(tmp_path: Path) -> None:
    path = str(tmp_path / "station.db")
    issuing = Ledger(path, clock=lambda: NOW)
    _publish(issuing)
    code = _issued_cert(issuing).verification_code
    issuing.close()

    verifying = Ledger(path, create=False, clock=lambda: NOW)
    try:
        assert verifying.verify_certificate("CZ-2025-0001", code).status == "valid"
    finally:
        verifying.close()


# ---- idempotency ------------------------------------------------------------------------------


def test_reissuing_the_same_number_with_the_same_fields_records_nothing(ledger: Ledger) -> None:
    _three_rounding_records(ledger)
    first = _issue(ledger)
    position = ledger.log_position()

    again = _issue(ledger)

    assert again == first
    assert ledger.log_position() == position


def test_reissuing_the_same_number_for_another_period_is_refused(ledger: Ledger) -> None:
    _three_rounding_records(ledger)
    _issue(ledger)
    position = ledger.log_position()

    with pytest.raises(IdempotencyConflict) as refused:
        _issue(ledger, period_from=dt.date(2024, 3, 1))

    assert refused.value.field == "period_from"
    assert ledger.log_position() == position


def test_an_encrypted_store_without_its_key_is_a_store_error(tmp_path: Path) -> None:
    """Verifying a certificate reads the stored certificates: without the key that is a
    clear StoreError (the CLI's exit 2), never a decoding traceback."""
    from eventsourcing.cipher import AESCipher

    from sgz_ledger import StoreError

    path = str(tmp_path / "sealed.db")
    key = AESCipher.create_key(16)
    sealed = Ledger(path, cipher_key=key, clock=lambda: NOW)
    _publish(sealed)
    _register(sealed)
    _serve(sealed, "R-1", dt.date(2024, 3, 1), 3600)
    issued = _issue(sealed)
    sealed.close()
    with pytest.raises(StoreError, match="encrypted"):
        Ledger(path, clock=lambda: NOW)  # refused at opening, before any certificate is read
    keyed = Ledger(path, cipher_key=key, clock=lambda: NOW, read_only=True)
    checked = keyed.verify_certificate(issued.certificate_no, "0000-0000-0000-0000")
    assert checked.status == "wrong_code"
    keyed.close()
