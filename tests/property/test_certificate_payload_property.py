"""Property: whatever text is given as a certificate's payload, checking it answers valid,
invalid or bad input (``InvalidInput``), never anything else, and only the station's own
signature over exactly its body is valid (rule 54)."""

from __future__ import annotations

import base64
import datetime as dt
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from sgz_ledger import verify_certificate_payload
from sgz_ledger.audit.certificate_signature import sign_certificate
from sgz_ledger.audit.publication import new_signing_key, public_key_pem
from sgz_ledger.domain.errors import InvalidInput
from sgz_ledger.reports.certificates import Certificate

KEY = new_signing_key()
PUBLIC = public_key_pem(KEY)
PAYLOAD = sign_certificate(
    Certificate(
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
        records=(),
        verification_code="6F7A-DEE6-D6C0-A8C8",
    ),
    KEY,
)


def _answer(text: str) -> str:
    try:
        return verify_certificate_payload(text, PUBLIC).status
    except InvalidInput:
        return "bad_input"


@settings(max_examples=50, deadline=None)
@given(st.text(max_size=400))
def test_any_text_is_answered_never_raised(text: str) -> None:
    assert _answer(text) in ("invalid", "bad_input")


@settings(max_examples=50, deadline=None)
@given(
    position=st.integers(min_value=0, max_value=len(PAYLOAD) - 1),
    char=st.sampled_from("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.="),
)
def test_one_changed_character_is_never_valid(position: int, char: str) -> None:
    changed = PAYLOAD[:position] + char + PAYLOAD[position + 1 :]
    if changed == PAYLOAD:
        assert _answer(changed) == "valid"
        return
    # base64url's last character of a part may carry unused bits: a change there can decode
    # to the same bytes, which is the same payload to the signature. Anything else fails.
    if _same_bytes(changed):
        return
    assert _answer(changed) in ("invalid", "bad_input")


@settings(max_examples=30, deadline=None)
@given(cut=st.integers(min_value=1, max_value=len(PAYLOAD) - 1))
def test_a_payload_cut_short_is_never_valid(cut: int) -> None:
    assert _answer(PAYLOAD[:cut]) in ("invalid", "bad_input")


def _same_bytes(changed: str) -> bool:
    def parts(text: str) -> list[bytes]:
        return [base64.urlsafe_b64decode(p + "=" * (-len(p) % 4)) for p in text.split(".")[1:]]

    try:
        return changed.count(".") == 2 and parts(changed) == parts(PAYLOAD)
    except ValueError:
        return False
