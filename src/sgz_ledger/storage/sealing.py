"""Personal data of volunteers and individual donors: sealed in events, each person's with a
key of their own.

A volunteer's name, gender, birth date, phone and ID number travel in events as one
sealed field (``personal_sealed``), never as plain event fields; so does the name of a
donor who is a person (``donor_sealed`` of a gift, sealed the same way with the name
alone: ``seal_name``). Sealing is
MessagePack, then AES-GCM (pycryptodome) under the person's own subject key
(``subject_keys``), so that erasing the person destroys their key and leaves the
events, and the hash chain over them, untouched (crypto-shredding). Only this field
is sealed this way, not whole events: hours, records and balances stay readable for
statistics and audits.

The sealed bytes start with a format byte:

``0x02``  key id (16 bytes), nonce, ciphertext, tag: under a subject key; the key id
          and the key's subject are the associated data. Every new seal.
``0x01``  key id ``0x00``, then eventsourcing's ``AESCipher`` under the store's cipher
          key: written before subject keys, still opened.
``0x00``  MessagePack in clear: written before subject keys by a ledger without a
          cipher key, still opened.

The subject keys are wrapped with the store's cipher key when the ledger has one;
without it they are kept in clear beside the data, which then protects nothing from a
reader of the store (the ledger warns), though erasure still works.

``id_hash`` lets two spellings of one ID number be compared without it in clear: an
HMAC-SHA256 of the normalised number. Under a subject key its HMAC key derives from the
subject key, so it dies with it: an ID number has few enough possible values (18 digits
with a known structure) that a hash under a key that survives erasure could be reversed
by trying them all. Hashes written before subject keys are under a key derived from the
store's cipher key (or a public constant without one).

A served person's key is found by a keyed hash of the identifier the station gave, which the
store never keeps, so a copy under a new cipher key (``service.rekey``) cannot hash it again
under the new key. The copy hashes the old hash instead, under the new key, and keeps the
earlier stores' served-subject keys (its *served lineage*, oldest first) sealed under its own
cipher key in its metadata (``served_lineage``): ``served_subjects`` gives the subject an
identifier has if it was first served in this store or in any earlier one. Without the new
key, the old one leads to none of them.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import os
import warnings
from collections.abc import Mapping, Sequence

import msgspec
from Crypto.Cipher import AES
from eventsourcing.cipher import AESCipher
from eventsourcing.utils import Environment

from sgz_ledger.domain.errors import LedgerError
from sgz_ledger.domain.text import person_key
from sgz_ledger.storage.subject_keys import (
    KEY_ID_BYTES,
    SubjectKey,
    SubjectKeyError,
    SubjectKeyStore,
    donor_subject,
    served_subject,
)

__all__ = [
    "ERASED_LABEL",
    "SERVED_LINEAGE_META",
    "PersonalData",
    "PersonalDataInClearWarning",
    "PersonalDataSealer",
    "SealError",
    "pseudonym",
]

_CLEAR = b"\x00"
_AES = b"\x01"
_SUBJECT = b"\x02"
# The one store key of the 0x01 format.
_LEDGER_KEY_ID = b"\x00"
_NONCE_BYTES = 12
_TAG_BYTES = 16
_SEAL_AAD = b"sgz-ledger personal data v2\x00"
_ID_HASH_LABEL = b"sgz-ledger id-hash v2"
_DONOR_SUBJECT_LABEL = b"sgz-ledger donor subject v1"
_ID_CLAIM_LABEL = b"sgz-ledger id-claim v1"
_SERVED_SUBJECT_LABEL = b"sgz-ledger served subject v1"
_LINEAGE_LABEL = b"sgz-ledger served lineage v1"
# The metadata row (``event_chain_meta``) that holds a copied store's served lineage.
SERVED_LINEAGE_META = "served_lineage"
# What outputs show where an erased volunteer's name was: the label and their id.
ERASED_LABEL = "已删除 erased"


def pseudonym(volunteer_id: str) -> str:
    """How outputs name a volunteer whose personal data was erased: ``已删除 erased V-0001``."""
    return f"{ERASED_LABEL} {volunteer_id}"


class PersonalDataInClearWarning(UserWarning):
    """The ledger keeps the keys of personal data in clear (no cipher key was given)."""


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
    """Seals and opens personal data, and hashes ID numbers for comparison.

    Args:
        cipher_key: the store's AES key (base64, as ``AESCipher.create_key`` makes); it
            opens data sealed before subject keys (format 0x01); empty for none.
        keys: the store's subject keys (``Ledger`` sets them with ``use_keys`` once the
            store is open); without them, data under a subject key does not open.
    """

    def __init__(self, cipher_key: str = "", keys: SubjectKeyStore | None = None) -> None:
        self._cipher: AESCipher | None = None
        if cipher_key:
            self._cipher = AESCipher(Environment(env={AESCipher.CIPHER_KEY: cipher_key}))
            raw = base64.b64decode(cipher_key)
            # A separate key for hashing, so the hash key is not the encryption key.
            self._hash_key = hmac.new(raw, b"sgz-ledger id-hash v1", hashlib.sha256).digest()
            self._donor_key = hmac.new(raw, _DONOR_SUBJECT_LABEL, hashlib.sha256).digest()
            self._served_key = hmac.new(raw, _SERVED_SUBJECT_LABEL, hashlib.sha256).digest()
            self._lineage_key: bytes | None = hmac.new(raw, _LINEAGE_LABEL, hashlib.sha256).digest()
        else:
            self._hash_key = b"sgz-ledger id-hash v1 (no key)"
            self._donor_key = _DONOR_SUBJECT_LABEL + b" (no key)"
            self._served_key = _SERVED_SUBJECT_LABEL + b" (no key)"
            self._lineage_key = None
        # The served-subject keys of the stores this one was copied from, oldest first.
        self._served_earlier: tuple[bytes, ...] = ()
        # The key of the store-wide hash that names an ID number's claim (``id_claim``).
        self._claim_key = hmac.new(self._hash_key, _ID_CLAIM_LABEL, hashlib.sha256).digest()
        self.keys = keys
        self._encoder = msgspec.msgpack.Encoder()
        self._decoder = msgspec.msgpack.Decoder(PersonalData)
        self._warned = False

    def use_keys(self, keys: SubjectKeyStore) -> None:
        """Open and seal with the subject keys of ``keys`` from now on."""
        self.keys = keys

    @property
    def encrypts(self) -> bool:
        """Whether personal data is protected at rest: the store has a cipher key, which
        wraps the subject keys (without one they are in clear beside the data)."""
        return self._cipher is not None

    def warn_if_clear(self) -> None:
        """Say plainly, once per ledger, that personal data will be readable from the store."""
        if self._cipher is None and not self._warned:
            self._warned = True
            warnings.warn(
                "sgz_ledger keeps the keys of personal data (volunteers' name, phone, ID "
                "number, birth date; individual donors' names; the links of served people to "
                "their sessions) IN CLEAR beside it, because the ledger was opened without a "
                "cipher_key: anyone who can read the store can read that data (erasing a "
                "volunteer, a donor or a served person still destroys their key)",
                PersonalDataInClearWarning,
                stacklevel=2,
            )

    # ---- sealing --------------------------------------------------------------------------

    def seal(self, data: PersonalData, key: SubjectKey) -> bytes:
        """The sealed bytes stored in events: ``data`` under the subject key ``key``."""
        nonce = os.urandom(_NONCE_BYTES)
        cipher = AES.new(key.key, AES.MODE_GCM, nonce=nonce)
        cipher.update(_seal_aad(key))
        sealed, tag = cipher.encrypt_and_digest(self._encoder.encode(data))
        return _SUBJECT + key.key_id + nonce + sealed + tag

    def open(
        self, sealed: bytes, pending: Mapping[bytes, SubjectKey] | None = None
    ) -> PersonalData:
        """The personal data in ``sealed``.

        Args:
            pending: keys made by the command being run and not stored yet, by key id.

        Raises:
            SealError: encrypted and this sealer has no key, the wrong key, a subject key
                that is gone (destroyed by an erasure) or cannot be unwrapped, or damaged
                bytes.
        """
        try:
            if sealed[:1] == _CLEAR:
                return self._decoder.decode(sealed[1:])
            if sealed[:1] == _AES:
                if self._cipher is None:
                    raise SealError("personal_data_encrypted")
                return self._decoder.decode(self._cipher.decrypt(sealed[2:]))
            if sealed[:1] == _SUBJECT:
                key = self.subject_key(sealed, pending)
                if key is None:
                    raise SealError("personal_data_key_gone")
                body = sealed[1 + KEY_ID_BYTES :]
                nonce, tag = body[:_NONCE_BYTES], body[-_TAG_BYTES:]
                cipher = AES.new(key.key, AES.MODE_GCM, nonce=nonce)
                cipher.update(_seal_aad(key))
                plain = cipher.decrypt_and_verify(body[_NONCE_BYTES:-_TAG_BYTES], tag)
                return self._decoder.decode(plain)
        except SealError:
            raise
        except Exception as e:  # a SubjectKeyError, a failed tag check, bad MessagePack
            raise SealError("personal_data_unopenable", error=e) from e
        raise SealError("personal_data_unknown_format")

    def seal_name(self, name: str, key: SubjectKey) -> bytes:
        """An individual donor's name sealed under their key ``key`` (as ``seal`` seals a
        volunteer's data, with the name alone), for ``donor_sealed``."""
        return self.seal(PersonalData(name=name), key)

    def open_name(self, sealed: bytes, pending: Mapping[bytes, SubjectKey] | None = None) -> str:
        """The name in an individual donor's ``donor_sealed``.

        Raises:
            SealError: as ``open`` (most often: the donor was erased).
        """
        return self.open(sealed, pending).name

    def donor_subject(self, name: str) -> str:
        """The subject of the key of the individual donor named ``name`` (canonical).

        ``donor:`` and an HMAC-SHA256 of the name as people compare (``text.person_key``:
        ``Bob`` is ``bob``), under a key derived from the store's cipher key (a constant
        without one): a later gift of the same person finds the same key. The hash is kept
        only in the key's own row, which erasing the donor deletes, never in an event: a
        hash of a name under a key that outlives the erasure could be reversed by trying
        the common names (as ``id_hash`` explains for ID numbers).
        """
        digest = hmac.new(self._donor_key, person_key(name).encode("utf-8"), hashlib.sha256)
        return donor_subject(digest.hexdigest())

    def served_subject(self, identifier: str) -> str:
        """The subject of the key of the served person a station identifies by
        ``identifier`` (a resident number, a phone number; canonical text).

        ``served:`` and an HMAC-SHA256 of the identifier (upper-cased, without spaces or
        hyphens: ``138 0000-0000`` is ``13800000000``), under a key derived from the
        store's cipher key (a constant without one), kept only in the key's own row, which
        erasing the person deletes, as for a donor's name (``donor_subject``).
        """
        return served_subject(_hex_hmac(self._served_key, _served_normal(identifier)))

    def served_subjects(self, identifier: str) -> tuple[str, ...]:
        """Every subject the served person ``identifier`` names may have a key under: first
        served here (``served_subject``, the one a new key gets), or in a store this one was
        copied from (the hash there, hashed again by each later store in turn)."""
        normal = _served_normal(identifier)
        found = [self.served_subject(identifier)]
        keys = self.served_lineage()
        for first in range(len(keys) - 2, -1, -1):
            digest = normal
            for key in keys[first:]:
                digest = _hex_hmac(key, digest)
            found.append(served_subject(digest))
        return tuple(found)

    def carried_served_subject(self, subject: str) -> str:
        """The subject, in a copy sealed by this sealer, of a served person's key whose
        subject in the copied store was ``subject`` (see the module docs)."""
        return served_subject(_hex_hmac(self._served_key, subject.removeprefix("served:")))

    def served_lineage(self) -> tuple[bytes, ...]:
        """The served-subject keys a copy of this store carries its served people under: the
        earlier stores' (oldest first), then this store's own."""
        return (*self._served_earlier, self._served_key)

    def use_served_lineage(self, keys: Sequence[bytes]) -> None:
        """Find served people under ``keys`` too: the ``served_lineage`` of the store this
        one copies (this store's own key is added after them)."""
        self._served_earlier = tuple(keys)

    def seal_served_lineage(self, keys: Sequence[bytes]) -> str:
        """``keys`` as this store's metadata keeps them: sealed under a key derived from its
        cipher key (AES-GCM), or in clear without one (base64 text either way)."""
        plain = msgspec.msgpack.encode(list(keys))
        if self._lineage_key is None:
            return base64.b64encode(_CLEAR + plain).decode("ascii")
        nonce = os.urandom(_NONCE_BYTES)
        cipher = AES.new(self._lineage_key, AES.MODE_GCM, nonce=nonce)
        cipher.update(_LINEAGE_LABEL)
        sealed, tag = cipher.encrypt_and_digest(plain)
        return base64.b64encode(_AES + nonce + sealed + tag).decode("ascii")

    def open_served_lineage(self, text: str) -> tuple[bytes, ...]:
        """The keys ``seal_served_lineage`` sealed in ``text``.

        Raises:
            SealError: ``text`` was not sealed by this store (changed, or another key).
        """
        try:
            raw = base64.b64decode(text, validate=True)
            if raw[:1] == _CLEAR and self._lineage_key is None:
                plain = raw[1:]
            elif raw[:1] == _AES and self._lineage_key is not None:
                body = raw[1:]
                nonce, tag = body[:_NONCE_BYTES], body[-_TAG_BYTES:]
                cipher = AES.new(self._lineage_key, AES.MODE_GCM, nonce=nonce)
                cipher.update(_LINEAGE_LABEL)
                plain = cipher.decrypt_and_verify(body[_NONCE_BYTES:-_TAG_BYTES], tag)
            else:
                raise ValueError("sealed for a store with another kind of key")
            return tuple(msgspec.msgpack.decode(plain, type=list[bytes]))
        except (ValueError, msgspec.DecodeError) as e:
            raise SealError("served_lineage_unopenable", error=e) from None

    @staticmethod
    def key_id(sealed: bytes) -> bytes | None:
        """The id of the subject key ``sealed`` is under; ``None`` for the formats before
        subject keys (0x00 clear, 0x01 the store's key), which no key's deletion shreds."""
        if sealed[:1] == _SUBJECT and len(sealed) > KEY_ID_BYTES:
            return sealed[1 : 1 + KEY_ID_BYTES]
        return None

    def subject_key(
        self, sealed: bytes, pending: Mapping[bytes, SubjectKey] | None = None
    ) -> SubjectKey | None:
        """The subject key that opens ``sealed``; ``None`` for the older formats or a key
        that is gone.

        Raises:
            SubjectKeyError: the stored key cannot be unwrapped.
        """
        key_id = self.key_id(sealed)
        if key_id is None:
            return None
        if pending is not None and key_id in pending:
            return pending[key_id]
        return None if self.keys is None else self.keys.get(key_id)

    # ---- ID numbers -----------------------------------------------------------------------

    def id_hash(self, id_number: str, key: SubjectKey | None = None) -> str:
        """A keyed hash of an ID number (spaces removed, ``x`` upper-cased); ``""`` for none.

        With ``key``, under a key derived from that subject key (every new seal); without,
        under the store's hash key (the hashes written before subject keys).
        """
        normal = id_number.replace(" ", "").upper()
        if not normal:
            return ""
        hash_key = self._hash_key
        if key is not None:
            hash_key = hmac.new(key.key, _ID_HASH_LABEL, hashlib.sha256).digest()
        return hmac.new(hash_key, normal.encode("utf-8"), hashlib.sha256).hexdigest()

    def id_claim(self, id_number: str) -> str:
        """The keyed hash that names the claim on an ID number (``domain.id_claims``); ``""``
        for none.

        One hash for the whole store (it must find the same claim from any volunteer), so,
        unlike ``id_hash`` under a subject key, it outlives an erasure: with the store's
        cipher key (or without one, anyone) can test whether a given number was ever
        claimed in the store. What it names (the holder) is sealed under the holder's key.
        """
        normal = id_number.replace(" ", "").upper()
        if not normal:
            return ""
        return hmac.new(self._claim_key, normal.encode("utf-8"), hashlib.sha256).hexdigest()

    def id_hash_as_sealed(
        self, sealed: bytes, id_number: str, pending: Mapping[bytes, SubjectKey] | None = None
    ) -> str:
        """``id_number``'s hash as an event sealed ``sealed`` holds it: under its subject key,
        or under the store's hash key for the older formats.

        Raises:
            SealError: ``sealed`` is under a subject key that is gone or cannot be unwrapped.
        """
        if self.key_id(sealed) is None:
            return self.id_hash(id_number)
        try:
            key = self.subject_key(sealed, pending)
        except SubjectKeyError as e:
            raise SealError("personal_data_unopenable", error=e) from e
        if key is None:
            raise SealError("personal_data_key_erased")
        return self.id_hash(id_number, key)


def _served_normal(identifier: str) -> str:
    """An identifier as served people are compared: upper-cased, no spaces or hyphens."""
    return "".join(ch for ch in identifier.upper() if ch not in " -")


def _hex_hmac(key: bytes, text: str) -> str:
    return hmac.new(key, text.encode("utf-8"), hashlib.sha256).hexdigest()


def _seal_aad(key: SubjectKey) -> bytes:
    return _SEAL_AAD + key.key_id + key.subject.encode("utf-8")
