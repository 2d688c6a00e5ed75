"""`sgz-ledger certificate issue|show|verify` on a SQLite store, the PDF with its QR code,
and `verify-certificate --offline`, which needs no store at all."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from sgz_ledger import Ledger
from sgz_ledger.cli import EXIT_FINDING, EXIT_OK, EXIT_USAGE, main
from sgz_ledger.render.certificate_pdf import CJK_FONT_PATHS, CjkFontMissing, find_cjk_font

pytestmark = pytest.mark.filterwarnings(
    "ignore::sgz_ledger.storage.sealing.PersonalDataInClearWarning"
)

CST = dt.timezone(dt.timedelta(hours=8))
NOW = dt.datetime(2025, 1, 10, 9, 0, tzinfo=dt.UTC)
DAY = dt.date(2024, 3, 2)


def _served(store: str) -> None:
    """One volunteer with one approved record of 2.5 hours."""
    ledger = Ledger(store, clock=lambda: NOW)
    who = {"actor": "王芳", "occurred_on": DAY}
    ledger.register_volunteer(
        volunteer_id="V1", station_id="cz", name="张丽", registered_on=DAY, consent=False, **who
    )
    ledger.publish_activity(
        activity_id="A1",
        station_id="cz",
        name="敬老院探访",
        starts_at=dt.datetime(2024, 3, 2, 9, tzinfo=CST),
        ends_at=dt.datetime(2024, 3, 2, 12, tzinfo=CST),
        **who,
    )
    ledger.record_service(
        record_id="R1",
        volunteer_id="V1",
        activity_id="A1",
        duration_minutes=150,
        service_date=DAY,
        **who,
    )
    ledger.approve_service(volunteer_id="V1", record_id="R1", actor="刘军", occurred_on=DAY)
    ledger.close()


def _keys(tmp_path: Path, name: str = "station.key") -> tuple[str, str]:
    key = tmp_path / name
    assert main(["keygen", "signing", "-o", str(key)]) == EXIT_OK
    return str(key), str(key) + ".pub"


def _issue(store: str, *extra: str) -> int:
    return main(
        [
            "--store", store, "certificate", "issue", "--volunteer", "V1",
            "--number", "CZ-2024-001", "--from", "2024-01-01", "--to", "2024-12-31",
            "--issuing-unit", "崔寨街道社工站", "--entered-by", "站长", "--on", "2025-01-10",
            *extra,
        ]
    )  # fmt: skip


def _payload(out: str) -> str:
    [line] = [ln for ln in out.splitlines() if ln.startswith("PAYLOAD: ")]
    return line.removeprefix("PAYLOAD: ")


def _font_or_skip() -> None:
    try:
        find_cjk_font()
    except CjkFontMissing as e:
        if os.environ.get("CI"):
            pytest.fail(f"CI must run the PDF certificate tests: {e}")
        pytest.skip(str(e))


def test_issue_prints_the_certificate_with_a_payload_anyone_can_check_offline(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = str(tmp_path / "station.db")
    _served(store)
    key, public = _keys(tmp_path)
    capsys.readouterr()
    assert _issue(store, "--sign-key-file", key) == EXIT_OK
    out = capsys.readouterr().out
    assert "志愿服务证明" in out
    assert "2.50 小时" in out
    assert "本证明免费出具" in out
    assert "张*" in out  # no consent: the name is masked, in the payload too
    assert "BEGIN PRIVATE KEY" not in out
    payload = _payload(out)
    # No store is named, and none is needed.
    assert main(["verify-certificate", "--offline", payload, "--public-key", public]) == EXIT_OK
    assert capsys.readouterr().out.startswith("有效 valid: certificate CZ-2024-001, 2.50 小时")
    assert main(["certificate", "verify", "--offline", payload, "--public-key", public]) == (
        EXIT_OK
    )


def test_show_prints_it_again_and_verify_checks_it_against_the_store(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = str(tmp_path / "station.db")
    _served(store)
    assert _issue(store, "--format", "json") == EXIT_OK
    capsys.readouterr()
    assert main(["--store", store, "certificate", "show", "CZ-2024-001"]) == EXIT_OK
    out = capsys.readouterr().out
    code = next(ln for ln in out.splitlines() if ln.startswith("验证码")).split()[-1]
    assert "PAYLOAD" not in out  # unsigned without a key
    assert main(["--store", store, "certificate", "verify", "CZ-2024-001", code]) == EXIT_OK
    assert main(["--store", store, "verify-certificate", "CZ-2024-001", code]) == EXIT_OK
    assert main(["--store", store, "verify-certificate", "CZ-2024-001", "0" * 16]) == (EXIT_FINDING)
    assert main(["--store", store, "certificate", "show", "NO-SUCH"]) == EXIT_USAGE
    assert "no certificate 'NO-SUCH'" in capsys.readouterr().err


def test_forger_changing_the_hours_or_signing_with_another_key_gets_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import base64
    import json

    store = str(tmp_path / "station.db")
    _served(store)
    key, public = _keys(tmp_path)
    forger_key, _ = _keys(tmp_path, "forger.key")
    capsys.readouterr()
    assert _issue(store, "--sign-key-file", key) == EXIT_OK
    payload = _payload(capsys.readouterr().out)
    prefix, body, signature = payload.split(".")
    data = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    data["s"] = 360_000  # 100 hours
    raw = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()
    forged = f"{prefix}.{base64.urlsafe_b64encode(raw).decode().rstrip('=')}.{signature}"
    assert main(["verify-certificate", "--offline", forged, "--public-key", public]) == (
        EXIT_FINDING
    )
    assert capsys.readouterr().out.startswith("无效 invalid")
    # The forger signs a copy of the store's certificate with a key of their own.
    assert main(["--store", store, "certificate", "show", "CZ-2024-001",
                 "--sign-key-file", forger_key]) == EXIT_OK  # fmt: skip
    theirs = _payload(capsys.readouterr().out)
    assert main(["verify-certificate", "--offline", theirs, "--public-key", public]) == (
        EXIT_FINDING
    )
    assert "another key" in capsys.readouterr().out


def test_bad_input_is_exit_2_with_a_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = str(tmp_path / "station.db")
    _served(store)
    key, public = _keys(tmp_path)
    capsys.readouterr()
    assert _issue(store, "--sign-key-file", key) == EXIT_OK
    payload = _payload(capsys.readouterr().out)
    assert main(["verify-certificate", "--offline", payload[:-20], "--public-key", public]) == (
        EXIT_USAGE
    )
    err = capsys.readouterr().err
    assert "cut short" in err
    assert "Traceback" not in err
    assert main(["verify-certificate", "--offline", payload]) == EXIT_USAGE
    assert "--public-key" in capsys.readouterr().err
    assert main(["verify-certificate", "--offline", payload, "--public-key", "junk"]) == (
        EXIT_USAGE
    )
    assert main(["verify-certificate"]) == EXIT_USAGE
    assert main(["--store", store, "certificate", "show", "CZ-2024-001",
                 "--sign-key-file", public]) == EXIT_USAGE  # fmt: skip
    assert "private key" in capsys.readouterr().err


def test_the_pdf_has_the_chinese_font_and_the_qr_code(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _font_or_skip()
    store = str(tmp_path / "station.db")
    _served(store)
    key, _ = _keys(tmp_path)
    pdf = tmp_path / "cert.pdf"
    assert _issue(store, "--format", "pdf", "-o", str(pdf), "--sign-key-file", key) == EXIT_OK
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-")
    assert b"/FontFile2" in data  # the CJK font is embedded (the glyphs used)
    unsigned = tmp_path / "plain.pdf"
    assert main(["--store", store, "certificate", "show", "CZ-2024-001",
                 "--format", "pdf", "-o", str(unsigned)]) == EXIT_OK  # fmt: skip
    # The QR code's modules are drawn as filled rectangles: the signed page has many more.
    assert len(data) > len(unsigned.read_bytes())


def test_without_a_cjk_font_the_pdf_is_refused_before_anything_is_recorded(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = str(tmp_path / "station.db")
    _served(store)
    pdf = str(tmp_path / "cert.pdf")
    missing = str(tmp_path / "no-such-font.ttc")
    assert _issue(store, "--format", "pdf", "-o", pdf, "--font", missing) == EXIT_USAGE
    assert "font" in capsys.readouterr().err
    assert _issue(store, "--format", "pdf") == EXIT_USAGE  # a PDF needs -o FILE
    public = tmp_path / "k.pub"
    public.write_text("-----BEGIN PUBLIC KEY-----\nnot one\n-----END PUBLIC KEY-----\n")
    assert _issue(store, "--sign-key-file", str(public)) == EXIT_USAGE  # cannot sign
    assert _issue(store, "--sign-key-file", str(public), "--format", "json") == EXIT_USAGE
    ledger = Ledger(store, read_only=True)
    assert ledger.certificate_holders("CZ-2024-001") == ()
    ledger.close()
    with pytest.raises(CjkFontMissing, match="fonts-wqy-microhei"):
        find_cjk_font(search=(str(tmp_path / "nothing.ttc"),))
    assert CJK_FONT_PATHS[0].endswith("wqy-microhei.ttc")


def test_clerk_issuing_the_same_certificate_twice_records_it_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = str(tmp_path / "station.db")
    _served(store)
    assert _issue(store) == EXIT_OK
    first = capsys.readouterr().out
    assert _issue(store) == EXIT_OK
    assert capsys.readouterr().out == first
    ledger = Ledger(store, read_only=True)
    assert ledger.certificate_holders("CZ-2024-001") == ("V1",)
    ledger.close()
