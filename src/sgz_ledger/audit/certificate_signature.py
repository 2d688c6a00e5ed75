"""A certificate anyone can check without the store: the signed payload its QR code carries.

``verify_certificate`` checks a certificate against the store, which only the station
holds. The payload here lets anyone else check one (an employer, a school, another
station): it states what the certificate says and carries the station's Ed25519 signature
(RFC 8032, pycryptodome), made with the same kind of key that signs published anchors
(``sgz-ledger keygen signing``; the private key stays in a file of the station's, never in
the store; its public key is published by the station, and a verifier takes it from there,
never from the certificate).

The payload is one line of ASCII, short enough for a QR code::

    SGZC1.<body, base64url>.<signature, base64url>

The body is compact JSON (UTF-8, keys sorted) of the certificate's number (``no``), the
volunteer's code (``vid``) and name as printed (``name``: masked unless they consented;
never an ID number, phone or birth date), the counted seconds (``s``), the period
(``from``, ``to``), the date of issue (``d``), the issuing unit (``st``) and the signing
key's id (``k``, the first 16 hex digits of SHA-256 over its 32 public bytes, to tell
stations' keys apart). The signature covers ``CERTIFICATE_PAYLOAD_FORMAT``, a line break
and the body bytes as carried, so no re-encoding can change what was signed, and no
anchor signature can pass for a certificate's.

Revocation is known only to the store: a valid signature says the station issued the
certificate with these figures, not that it still stands (``verify-certificate NO CODE``).
This module is pure: keys come in as text.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import json
import re
from typing import Any, Literal

import msgspec
from Crypto.Signature import eddsa

from sgz_ledger.audit.publication import private_key, public_key, raw_public_key
from sgz_ledger.domain.errors import InvalidInput, RuleViolation
from sgz_ledger.domain.money import hours_2dp
from sgz_ledger.reports.certificates import Certificate

__all__ = [
    "CERTIFICATE_PAYLOAD_FORMAT",
    "PAYLOAD_CHARS_MAX",
    "CertificateClaims",
    "OfflineVerification",
    "key_id",
    "sign_certificate",
    "verify_certificate_payload",
]

CERTIFICATE_PAYLOAD_FORMAT = "sgz-ledger/certificate/v1"
_PREFIX = "SGZC1"
# A payload is a few hundred characters (a QR code of version 40 holds under 3,000
# bytes): anything much longer is refused before it is decoded.
PAYLOAD_CHARS_MAX = 2048
_SIGNATURE_BYTES = 64
# base64url without padding: nothing else may stand in a payload (a decoder that skipped
# other characters would let two texts be one payload).
_B64URL = re.compile(r"[A-Za-z0-9_-]+")
_KEY_ID_HEX = 16
_FIELDS: dict[str, type] = {
    "no": str,
    "vid": str,
    "name": str,
    "s": int,
    "from": str,
    "to": str,
    "d": str,
    "st": str,
    "k": str,
}

OfflineStatus = Literal["valid", "invalid"]


class CertificateClaims(msgspec.Struct, frozen=True, kw_only=True):
    """What a signed payload says about a certificate.

    Attributes:
        name: the volunteer's name as printed on the certificate (masked unless they
            consented to its being shown).
        total_s: the counted seconds; ``total_hours`` them in hours, 2 decimals.
        key_id: the id of the key that signed it (``key_id``).
    """

    certificate_no: str
    volunteer_id: str
    name: str
    total_s: int
    total_hours: str
    period_from: dt.date
    period_to: dt.date
    issued_on: dt.date
    issuing_station: str
    key_id: str


class OfflineVerification(msgspec.Struct, frozen=True, kw_only=True):
    """The answer to "did the station sign this payload?".

    Attributes:
        status: ``valid`` (the key given signed exactly this) or ``invalid``.
        message: one line for people, in Chinese and English.
        claims: what the payload says; given only when valid.
    """

    status: OfflineStatus
    message: str
    claims: CertificateClaims | None = None

    @property
    def ok(self) -> bool:
        """Whether the signature is the given key's, over exactly this payload."""
        return self.status == "valid"


def key_id(public_key_text: str) -> str:
    """The id of a public key (PEM or base64 of its 32 bytes): 16 hex digits of its SHA-256.

    Raises:
        InvalidInput: not an Ed25519 public key.
    """
    return _key_id(raw_public_key(public_key(public_key_text)))


def _key_id(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()[:_KEY_ID_HEX]


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _message(body: bytes) -> bytes:
    return CERTIFICATE_PAYLOAD_FORMAT.encode("ascii") + b"\n" + body


def sign_certificate(cert: Certificate, private_pem: str) -> str:
    """The payload for ``cert``'s QR code, signed with the station's private key.

    Raises:
        InvalidInput: not an Ed25519 private key.
        RuleViolation: the certificate was revoked (a revoked certificate is not signed
            again: the signature would outlive the revocation).
    """
    if cert.revoked_on is not None:
        raise RuleViolation(
            "certificate_revoked_unsigned",
            certificate_no=cert.certificate_no,
            revoked_on=cert.revoked_on,
        )
    key = private_key(private_pem)
    body = {
        "no": cert.certificate_no,
        "vid": cert.volunteer_id,
        "name": cert.name,
        "s": cert.total_s,
        "from": cert.period_from.isoformat(),
        "to": cert.period_to.isoformat(),
        "d": cert.issued_on.isoformat(),
        "st": cert.issuing_station,
        "k": _key_id(raw_public_key(key)),
    }
    data = json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()
    signature = eddsa.new(key, "rfc8032").sign(_message(data))
    return f"{_PREFIX}.{_b64(data)}.{_b64(signature)}"


def _bad(code: str, **params: object) -> InvalidInput:
    return InvalidInput.on("payload", code, **params)


def _parse(payload: str) -> tuple[bytes, dict[str, Any], bytes]:
    """The body bytes, the body and the signature of a payload whose form is whole.

    Raises:
        InvalidInput: not a whole payload (truncated, mistyped, or something else).
    """
    text = payload.strip()
    if len(text) > PAYLOAD_CHARS_MAX:
        raise _bad("payload_too_long", most=PAYLOAD_CHARS_MAX)
    parts = text.split(".")
    if len(parts) != 3 or parts[0] != _PREFIX or not all(map(_B64URL.fullmatch, parts[1:])):
        raise _bad("payload_form", prefix=_PREFIX)
    try:
        data, signature = _unb64(parts[1]), _unb64(parts[2])
        body = json.loads(data.decode("utf-8"))
    except (binascii.Error, ValueError):
        raise _bad("payload_body_undecodable") from None
    if len(signature) != _SIGNATURE_BYTES:
        raise _bad("payload_signature_short", has=len(signature), needs=_SIGNATURE_BYTES)
    if not isinstance(body, dict) or any(
        not isinstance(body.get(name), kind) or isinstance(body.get(name), bool)
        for name, kind in _FIELDS.items()
    ):
        raise _bad("payload_body_fields", fields=_FIELDS)
    return data, body, signature


def _claims(body: dict[str, Any]) -> CertificateClaims:
    try:
        period_from = dt.date.fromisoformat(body["from"])
        period_to = dt.date.fromisoformat(body["to"])
        issued_on = dt.date.fromisoformat(body["d"])
    except ValueError:
        raise _bad("payload_bad_date") from None
    return CertificateClaims(
        certificate_no=body["no"],
        volunteer_id=body["vid"],
        name=body["name"],
        total_s=body["s"],
        total_hours=str(hours_2dp(body["s"])),
        period_from=period_from,
        period_to=period_to,
        issued_on=issued_on,
        issuing_station=body["st"],
        key_id=body["k"],
    )


def verify_certificate_payload(payload: str, public_key_text: str) -> OfflineVerification:
    """Check a certificate's payload with the station's public key (PEM, or base64 of its
    32 bytes), without the store.

    ``invalid`` when the signature is not the key's over exactly this body: a changed
    figure, another station's key, or a payload made up. Bad input raises instead.

    Raises:
        InvalidInput: the payload is not whole (truncated, mistyped), or the key is not
            an Ed25519 public key.
    """
    key = public_key(public_key_text)
    data, body, signature = _parse(payload)
    try:
        eddsa.new(key, "rfc8032").verify(_message(data), signature)
    except ValueError:
        signer = body["k"]
        given = _key_id(raw_public_key(key))
        why = (
            f"it was signed by another key ({signer}, not {given})"
            if signer != given
            else "it was changed after signing, or not signed by this key"
        )
        return OfflineVerification(
            status="invalid",
            message=f"无效 invalid: the signature does not verify with key {given}: {why}",
        )
    claims = _claims(body)
    return OfflineVerification(
        status="valid",
        message=(
            f"有效 valid: certificate {claims.certificate_no}, {claims.total_hours} 小时 hours "
            f"for {claims.period_from.isoformat()} to {claims.period_to.isoformat()}, issued "
            f"{claims.issued_on.isoformat()} by {claims.issuing_station} (signed by key "
            f"{claims.key_id}; whether it was revoked since is known only to the station's store)"
        ),
        claims=claims,
    )
