"""Publishing an anchor: a small signed file anyone can check a store against.

An anchor (``sgz_ledger.storage.chain.Anchor``) stands for the whole history of a store up to
its position. A station publishes it (printed on its disclosure and annual report, and
as this file beside them) so that later anyone holding a copy of the store can prove,
with ``sgz-ledger verify --anchor-file``, that the copy extends exactly the history the
station published, and that nobody recomputed its chain since.

The file is JSON, signed with the station's Ed25519 key (RFC 8032, by pycryptodome), so
that a reader who has the station's public key (from the district's list, a letter, the
station's website: anywhere but the file itself) knows the station published it::

    {"format": "sgz-ledger/anchor/v1", "anchor": "sha256:86:ab..", "published_at":
     "2025-01-15T08:00:00Z", "note": "2024 年度报告", "public_key": "<base64>",
     "signature": "<base64>"}

The signature covers the format, anchor, publication time and note, one per line, in
that order (``_message``). This module is pure except for reading keys given as text.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json

from Crypto.PublicKey import ECC
from Crypto.Signature import eddsa

from sgz_ledger.domain.errors import InvalidInput
from sgz_ledger.storage.chain import Anchor

__all__ = [
    "ANCHOR_FILE_FORMAT",
    "SignedAnchor",
    "new_signing_key",
    "private_key",
    "public_key",
    "public_key_pem",
    "raw_public_key",
    "read_anchor_file",
    "sign_anchor",
]

ANCHOR_FILE_FORMAT = "sgz-ledger/anchor/v1"
# A note is a line of text for people (what the anchor was published with).
NOTE_CHARS_MAX = 200
# A published anchor file is a few hundred bytes: a bound before parsing it.
ANCHOR_FILE_BYTES_MAX = 64 * 1024


class SignedAnchor:
    """An anchor file's content, its signature checked."""

    def __init__(self, anchor: Anchor, published_at: dt.datetime, note: str) -> None:
        self.anchor = anchor
        self.published_at = published_at
        self.note = note


def new_signing_key() -> str:
    """A new Ed25519 private key, PEM text (keep it secret; publish ``public_key_pem``)."""
    return str(ECC.generate(curve="Ed25519").export_key(format="PEM"))


def public_key_pem(private_pem: str) -> str:
    """The public key, PEM text, of a private key given as PEM text.

    Raises:
        InvalidInput: not an Ed25519 private key.
    """
    return str(private_key(private_pem).public_key().export_key(format="PEM"))


def private_key(pem: str) -> ECC.EccKey:
    """An Ed25519 private key given as PEM text (``keygen signing`` writes one).

    Raises:
        InvalidInput: not an Ed25519 private key.
    """
    try:
        key = ECC.import_key(pem)
    except (ValueError, IndexError, TypeError):
        raise InvalidInput.on("signing_key", "key_not_pem") from None
    if key.curve != "Ed25519" or not key.has_private():
        raise InvalidInput.on("signing_key", "key_not_private")
    return key


def public_key(text: str) -> ECC.EccKey:
    """An Ed25519 public key given as PEM text, or as the 32 raw bytes in base64 (the form
    an anchor file's ``public_key`` field and a certificate print it in).

    Raises:
        InvalidInput: neither form of an Ed25519 key.
    """
    try:
        if "-----BEGIN" in text:
            key = ECC.import_key(text)
        else:
            key = eddsa.import_public_key(base64.b64decode(text.strip(), validate=True))
    except (ValueError, IndexError, TypeError, binascii.Error):
        raise InvalidInput.on("public_key", "key_not_public") from None
    if key.curve != "Ed25519":
        raise InvalidInput.on("public_key", "key_not_ed25519")
    return key.public_key()


def _message(anchor: str, published_at: str, note: str) -> bytes:
    return "\n".join((ANCHOR_FILE_FORMAT, anchor, published_at, note)).encode("utf-8")


def raw_public_key(key: ECC.EccKey) -> bytes:
    """The 32 bytes of ``key``'s public half (RFC 8032)."""
    return bytes(key.public_key().export_key(format="raw"))


def sign_anchor(anchor: Anchor, private_pem: str, *, published_at: dt.datetime, note: str) -> str:
    """The anchor file's text: ``anchor`` signed with the station's private key.

    Raises:
        InvalidInput: a bad key, a note with a line break or over 200 characters, or a
            publication time without a time zone.
    """
    if published_at.tzinfo is None:
        raise InvalidInput.on("published_at", "needs_time_zone")
    if len(note) > NOTE_CHARS_MAX or any(ch in note for ch in "\r\n\u2028\u2029"):
        raise InvalidInput.on("note", "one_line_of_at_most", most=NOTE_CHARS_MAX)
    key = private_key(private_pem)
    when = published_at.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    signature = eddsa.new(key, "rfc8032").sign(_message(str(anchor), when, note))
    document = {
        "format": ANCHOR_FILE_FORMAT,
        "anchor": str(anchor),
        "published_at": when,
        "note": note,
        "public_key": base64.b64encode(raw_public_key(key)).decode("ascii"),
        "signature": base64.b64encode(signature).decode("ascii"),
    }
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def read_anchor_file(text: str, public_pem: str) -> SignedAnchor:
    """The anchor in an anchor file, once its signature verifies with ``public_pem``.

    The public key must come from somewhere the reader trusts, never from the file: the
    file's own ``public_key`` field only helps tell which key signed it.

    Raises:
        InvalidInput: not an anchor file, or its signature does not verify with that key.
    """
    if len(text) > ANCHOR_FILE_BYTES_MAX:
        raise InvalidInput.on("anchor_file", "anchor_file_too_big")
    try:
        document = json.loads(text)
    except ValueError:
        raise InvalidInput.on("anchor_file", "anchor_file_not_json") from None
    fields = ("format", "anchor", "published_at", "note", "signature")
    if not isinstance(document, dict) or not all(isinstance(document.get(f), str) for f in fields):
        raise InvalidInput.on("anchor_file", "anchor_file_fields", fields=fields)
    if document["format"] != ANCHOR_FILE_FORMAT:
        raise InvalidInput.on(
            "anchor_file", "anchor_file_format", given=document["format"], wanted=ANCHOR_FILE_FORMAT
        )
    key = public_key(public_pem)
    try:
        signature = base64.b64decode(document["signature"], validate=True)
        eddsa.new(key, "rfc8032").verify(
            _message(document["anchor"], document["published_at"], document["note"]), signature
        )
    except (ValueError, binascii.Error):
        raise InvalidInput.on("anchor_file", "anchor_file_signature") from None
    try:
        published = dt.datetime.strptime(document["published_at"], "%Y-%m-%dT%H:%M:%SZ")
    except ValueError:
        raise InvalidInput.on("anchor_file", "anchor_file_time") from None
    return SignedAnchor(
        Anchor.parse(document["anchor"]), published.replace(tzinfo=dt.UTC), document["note"]
    )
