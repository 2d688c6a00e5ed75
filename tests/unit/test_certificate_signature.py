"""The signed payload of a certificate's QR code: anyone with the station's public key can
check it without the store, and no changed figure, other key or cut-short copy passes."""

from __future__ import annotations

import base64
import datetime as dt
import json
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sgz_ledger import verify_certificate_payload
from sgz_ledger.audit.certificate_signature import key_id, sign_certificate
from sgz_ledger.audit.publication import new_signing_key, public_key_pem
from sgz_ledger.domain.errors import InvalidInput, RuleViolation
from sgz_ledger.reports.certificates import Certificate

KEY = new_signing_key()
PUBLIC = public_key_pem(KEY)
OTHER_KEY = new_signing_key()


def _cert(**changes: object) -> Certificate:
    fields: dict[str, object] = {
        "certificate_no": "CZ-2024-001",
        "issued_on": dt.date(2025, 1, 10),
        "issuing_station": "崔寨街道社工站",
        "issuer": "站长",
        "volunteer_id": "V1",
        "name": "张*",
        "name_disclosed": False,
        "period_from": dt.date(2024, 1, 1),
        "period_to": dt.date(2024, 12, 31),
        "total_s": 9000,
        "total_hours": Decimal("2.50"),
        "records": (),
        "verification_code": "6F7A-DEE6-D6C0-A8C8",
    }
    fields.update(changes)
    return Certificate(**fields)  # type: ignore[arg-type]


def _parts(payload: str) -> tuple[str, dict[str, object], str]:
    prefix, body, signature = payload.split(".")
    data = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
    return prefix, json.loads(data), signature


def _with_body(payload: str, body: dict[str, object]) -> str:
    prefix, _, signature = payload.split(".")
    data = json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()
    return f"{prefix}.{base64.urlsafe_b64encode(data).decode().rstrip('=')}.{signature}"


def test_a_payload_signed_by_the_station_is_valid_with_its_public_key() -> None:
    payload = sign_certificate(_cert(), KEY)
    result = verify_certificate_payload(payload, PUBLIC)
    assert result.ok
    assert result.claims is not None
    assert result.claims.total_s == 9000
    assert result.claims.total_hours == "2.50"
    assert result.claims.name == "张*"
    assert result.claims.key_id == key_id(PUBLIC)
    assert payload.isascii()
    assert len(payload) < 600


def test_the_public_key_may_be_given_as_its_base64_bytes() -> None:
    payload = sign_certificate(_cert(), KEY)
    anchor_style = json.loads(json.dumps({"k": base64.b64encode(_raw(PUBLIC)).decode()}))["k"]
    assert verify_certificate_payload(payload, anchor_style).ok


def _raw(pem: str) -> bytes:
    from Crypto.PublicKey import ECC

    return bytes(ECC.import_key(pem).export_key(format="raw"))


def test_the_payload_carries_no_personal_data_beyond_the_certificate() -> None:
    _, body, _ = _parts(sign_certificate(_cert(), KEY))
    assert set(body) == {"no", "vid", "name", "s", "from", "to", "d", "st", "k"}


def test_forger_changing_the_hours_is_invalid() -> None:
    payload = sign_certificate(_cert(), KEY)
    _, body, _ = _parts(payload)
    body["s"] = 900_000  # 250 hours instead of 2.5
    result = verify_certificate_payload(_with_body(payload, body), PUBLIC)
    assert result.status == "invalid"
    assert result.claims is None


def test_forger_signing_with_another_key_is_invalid() -> None:
    payload = sign_certificate(_cert(), OTHER_KEY)
    result = verify_certificate_payload(payload, PUBLIC)
    assert not result.ok
    assert "another key" in result.message


def test_forger_claiming_the_station_key_id_with_another_key_is_still_invalid() -> None:
    payload = sign_certificate(_cert(), OTHER_KEY)
    _, body, _ = _parts(payload)
    body["k"] = key_id(PUBLIC)
    assert not verify_certificate_payload(_with_body(payload, body), PUBLIC).ok


def test_an_anchor_signature_does_not_pass_for_a_certificate() -> None:
    # Domain separation: the signed message starts with the certificate format line.
    from Crypto.PublicKey import ECC
    from Crypto.Signature import eddsa

    payload = sign_certificate(_cert(), KEY)
    prefix, body_b64, _ = payload.split(".")
    data = base64.urlsafe_b64decode(body_b64 + "=" * (-len(body_b64) % 4))
    bare = eddsa.new(ECC.import_key(KEY), "rfc8032").sign(data)
    forged = f"{prefix}.{body_b64}.{base64.urlsafe_b64encode(bare).decode().rstrip('=')}"
    assert not verify_certificate_payload(forged, PUBLIC).ok


@pytest.mark.parametrize("cut", [1, 10, 40, 90, 200])
def test_a_truncated_payload_is_bad_input_with_a_sentence(cut: int) -> None:
    payload = sign_certificate(_cert(), KEY)
    with pytest.raises(InvalidInput) as refusal:
        verify_certificate_payload(payload[:-cut], PUBLIC)
    assert "payload" in str(refusal.value)


@pytest.mark.parametrize(
    "text", ["", "hello", "SGZC1..", "SGZC1.e30.AAAA", "X" * 5000, "SGZC1.!!!.AAAA"]
)
def test_what_is_not_a_payload_is_bad_input(text: str) -> None:
    with pytest.raises(InvalidInput):
        verify_certificate_payload(text, PUBLIC)


def test_a_key_that_is_not_one_is_bad_input() -> None:
    payload = sign_certificate(_cert(), KEY)
    with pytest.raises(InvalidInput):
        verify_certificate_payload(payload, "not a key")
    with pytest.raises(InvalidInput):
        sign_certificate(_cert(), PUBLIC)  # a public key cannot sign


def test_a_revoked_certificate_is_not_signed() -> None:
    with pytest.raises(RuleViolation):
        sign_certificate(_cert(revoked_on=dt.date(2025, 2, 1), revoked_reason="错"), KEY)


@settings(max_examples=40, deadline=None)
@given(
    field=st.sampled_from(["no", "vid", "name", "s", "from", "to", "d", "st"]),
    seconds=st.integers(min_value=0, max_value=10**9),
)
def test_any_changed_field_makes_the_payload_invalid(field: str, seconds: int) -> None:
    payload = sign_certificate(_cert(), KEY)
    _, body, _ = _parts(payload)
    if field == "s":
        if seconds == body["s"]:
            return
        body["s"] = seconds
    elif field in ("from", "to", "d"):
        body[field] = "2023-06-30"
    else:
        body[field] = str(body[field]) + "X"
    assert not verify_certificate_payload(_with_body(payload, body), PUBLIC).ok
