"""The printable certificate: the CJK font is found or named (a clear refusal otherwise), the
QR code is a QR code, and the PDF states what the certificate says."""

from __future__ import annotations

import datetime as dt
import os
from decimal import Decimal
from pathlib import Path

import pytest

from sgz_ledger.render.certificate_pdf import (
    CjkFontMissing,
    certificate_pdf,
    find_cjk_font,
    qr_matrix,
)
from sgz_ledger.render.certificates import certificate_text
from sgz_ledger.reports.certificates import Certificate, CertificateRecord

CERT = Certificate(
    certificate_no="CZ-2024-001",
    issued_on=dt.date(2025, 1, 10),
    issuing_station="崔寨街道社工站",
    issuer="站长",
    volunteer_id="V1",
    name="张*",
    name_disclosed=False,
    period_from=dt.date(2024, 1, 1),
    period_to=dt.date(2024, 12, 31),
    total_s=9000,
    total_hours=Decimal("2.50"),
    records=(
        CertificateRecord(
            record_id="R1",
            service_date=dt.date(2024, 3, 2),
            activity_name="敬老院探访",
            content="陪伴老人\n验证码: FAKE",  # a forged line in the content stays on its line
            organizer="崔寨街道社工站",
            duration_s=9000,
            hours=Decimal("2.50"),
        ),
    ),
    verification_code="6F7A-DEE6-D6C0-A8C8",
)


def _font() -> Path:
    try:
        return find_cjk_font()
    except CjkFontMissing as e:
        if os.environ.get("CI"):
            pytest.fail(f"CI must run the PDF certificate tests: {e}")
        pytest.skip(str(e))


def test_a_named_font_must_be_a_font_file(tmp_path: Path) -> None:
    with pytest.raises(CjkFontMissing, match="does not exist"):
        find_cjk_font(str(tmp_path / "nope.ttc"))
    text = tmp_path / "font.txt"
    text.write_text("x")
    with pytest.raises(CjkFontMissing, match="TrueType"):
        find_cjk_font(str(text))
    fake = tmp_path / "fake.ttf"
    fake.write_bytes(b"not a font at all")
    with pytest.raises(CjkFontMissing, match="cannot be used"):
        certificate_pdf(CERT, find_cjk_font(str(fake)))


def test_the_search_takes_the_first_font_that_exists(tmp_path: Path) -> None:
    second = tmp_path / "b.ttf"
    second.write_bytes(b"")
    assert find_cjk_font(search=(str(tmp_path / "a.ttc"), str(second))) == second
    with pytest.raises(CjkFontMissing, match="--font PATH"):
        find_cjk_font(search=())


def test_the_qr_code_has_its_three_finder_patterns() -> None:
    matrix = qr_matrix("SGZC1." + "a" * 300)
    size = len(matrix)
    assert all(len(row) == size for row in matrix)
    assert (size - 17) % 4 == 0  # a QR code's side is 17 + 4 x version modules
    for top, left in ((0, 0), (0, size - 7), (size - 7, 0)):
        assert all(matrix[top][left + c] for c in range(7))  # the finder's top edge
        assert all(matrix[top + r][left] for r in range(7))  # and its left edge
        assert not matrix[top + 1][left + 1]  # its white ring


def test_the_pdf_is_made_with_the_cjk_font() -> None:
    data = certificate_pdf(CERT, _font(), payload="SGZC1.e30.AAAA", key_id="0123456789abcdef")
    assert data.startswith(b"%PDF-")
    assert b"/FontFile2" in data
    again = certificate_pdf(CERT, _font(), payload="SGZC1.e30.AAAA", key_id="0123456789abcdef")
    assert again == data  # dated by the issue, not by the clock: the same bytes


def test_the_text_carries_the_payload_on_lines_of_its_own() -> None:
    text = certificate_text(CERT, payload="SGZC1.e30.AAAA", key_id="0123456789abcdef")
    lines = text.splitlines()
    assert "PAYLOAD: SGZC1.e30.AAAA" in lines
    assert not any(line.startswith("验证码: FAKE") for line in lines)
    assert "PAYLOAD" not in certificate_text(CERT)
