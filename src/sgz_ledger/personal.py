"""Personal data of volunteers: sealed in events, encrypted when the ledger has a key.

A volunteer's name, gender, birth date, phone and ID number travel in events as one
sealed field (``personal_sealed``), never as plain event fields. Sealing is
MessagePack, then, when the ledger was opened with a key, eventsourcing's
``AESCipher`` (AES-GCM). Only this field is encrypted, not whole events:

* hours, records and balances stay readable for statistics and audits without the key;
* the sealed form starts with a format byte and a key id, so per-person keys (erasure
  by deleting one person's key, a later milestone) fit without rewriting events.

ID numbers are never needed in clear for matching: ``id_hash`` is an HMAC-SHA256 of
the normalised number under a key derived from the ledger key. Without a key, data is
stored in clear and ``PersonalDataSealer.encrypts`` is ``False``; the ledger warns.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import warnings

import msgspec
from eventsourcing.cipher import AESCipher
from eventsourcing.utils import Environment

from sgz_ledger.domain.errors import LedgerError

__all__ = ["PersonalData", "PersonalDataInClearWarning", "PersonalDataSealer", "SealError"]

_CLEAR = b"\x00"
_AES = b"\x01"
# The one key today; per-person keys will carry their own ids after this byte.
_LEDGER_KEY_ID = b"\x00"


class PersonalDataInClearWarning(UserWarning):
    """The ledger stores personal data without encryption (no key was given)."""


class SealError(LedgerError):
    """Sealed personal data cannot be opened (no key, wrong key, or damaged)."""

    reason = "seal_error"


class PersonalData(msgspec.Struct, frozen=True, kw_only=True):
    """A volunteer's personal data (条例 Art.20: not disclosed without consent)."""

    name: str
    gender: str = ""
    birth_date: dt.date | None = None
    phone: str = ""
    id_number: str = ""


class PersonalDataSealer:
    """Seals and opens personal data, and hashes ID numbers for look-up.

    Args:
        cipher_key: the ledger's AES key (base64, as ``AESCipher.create_key`` makes);
            empty to store personal data in clear.
    """

    def __init__(self, cipher_key: str = "") -> None:
        self._cipher: AESCipher | None = None
        if cipher_key:
            self._cipher = AESCipher(Environment(env={AESCipher.CIPHER_KEY: cipher_key}))
            raw = base64.b64decode(cipher_key)
            # A separate key for hashing, so the hash key is not the encryption key.
            self._hash_key = hmac.new(raw, b"sgz-ledger id-hash v1", hashlib.sha256).digest()
        else:
            self._hash_key = b"sgz-ledger id-hash v1 (no key)"
        self._encoder = msgspec.msgpack.Encoder()
        self._decoder = msgspec.msgpack.Decoder(PersonalData)
        self._warned = False

    @property
    def encrypts(self) -> bool:
        """Whether personal data is encrypted (a key was given)."""
        return self._cipher is not None

    def warn_if_clear(self) -> None:
        """Say plainly, once per ledger, that personal data will be stored in clear."""
        if self._cipher is None and not self._warned:
            self._warned = True
            warnings.warn(
                "sgz_ledger stores volunteers' personal data (name, phone, ID number, birth "
                "date) IN CLEAR because the ledger was opened without a cipher_key",
                PersonalDataInClearWarning,
                stacklevel=2,
            )

    def seal(self, data: PersonalData) -> bytes:
        """The sealed bytes stored in events."""
        plain = self._encoder.encode(data)
        if self._cipher is None:
            return _CLEAR + plain
        return _AES + _LEDGER_KEY_ID + self._cipher.encrypt(plain)

    def open(self, sealed: bytes) -> PersonalData:
        """The personal data in ``sealed``.

        Raises:
            SealError: encrypted and this sealer has no key, the wrong key, or damaged bytes.
        """
        try:
            if sealed[:1] == _CLEAR:
                return self._decoder.decode(sealed[1:])
            if sealed[:1] == _AES:
                if self._cipher is None:
                    raise SealError("personal data is encrypted: open the ledger with its key")
                return self._decoder.decode(self._cipher.decrypt(sealed[2:]))
        except SealError:
            raise
        except Exception as e:
            raise SealError(f"personal data cannot be opened: {e}") from e
        raise SealError("personal data is in an unknown sealed format")

    def id_hash(self, id_number: str) -> str:
        """A keyed hash of an ID number (spaces removed, ``x`` upper-cased); ``""`` for none."""
        normal = id_number.replace(" ", "").upper()
        if not normal:
            return ""
        return hmac.new(self._hash_key, normal.encode("utf-8"), hashlib.sha256).hexdigest()
