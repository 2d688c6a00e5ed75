"""Where a ledger keeps its events: a store URL or path, turned into eventsourcing settings.

eventsourcing reads its persistence settings from environment variables and, by
default, merges ``os.environ`` into them and falls back to its in-memory "POPO"
store when nothing is set. For a ledger that is dangerous twice over: a typo in a
path must not silently record a year of donations into memory, and an ambient
``PERSISTENCE_MODULE`` or ``SQLITE_DBNAME`` in a shell must not redirect what the
caller asked for. So the ledger builds the whole environment itself, from the
settings below only, and names the persistence module every time.

Accepted forms of ``store``:

=====================================  ==============================================
``memory:``                            eventsourcing's in-memory (POPO) recorders
``sqlite::memory:``                    SQLite in memory (private to this ledger object)
``station.db``, ``/abs/path.db``       a SQLite file (created unless ``create=False``)
``sqlite:///abs/path.db``              the same, as a URL (``sqlite:relative.db`` too)
``postgresql://user:pw@host:port/db``  PostgreSQL (``?schema=NAME`` optional)
=====================================  ==============================================
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import hashlib
import hmac
import os
import sqlite3
import urllib.parse
import uuid
from dataclasses import dataclass, field
from typing import Literal

from sgz_ledger.domain.errors import CipherKeyError, StoreError
from sgz_ledger.domain.messages import Phrase

__all__ = [
    "CIPHER_AES_GCM",
    "CIPHER_NONE",
    "DEFAULT_STORE",
    "StoreSettings",
    "cipher_key_bytes",
    "cipher_key_check",
    "cipher_meta",
    "creation_meta",
    "describe_failure",
    "failure_phrase",
    "parse_store",
]

DEFAULT_STORE = "station.db"

# SQLite waits this long for another writer's lock before reporting a conflict.
SQLITE_LOCK_TIMEOUT_S = 5
POSTGRES_CONNECT_TIMEOUT_S = 5

StoreKind = Literal["memory", "sqlite", "postgres"]

# The store's metadata says whether its events are encrypted (``cipher``) and, if they
# are, which key opens them (``cipher_key_check``: a keyed hash of a fixed message, which
# tells a wrong key from the right one and reveals nothing of the key).
CIPHER_NONE = "none"
CIPHER_AES_GCM = "aes-gcm"
_KEY_CHECK_MESSAGE = b"sgz-ledger/cipher-key-check/v1"
# AES keys: 128, 192 or 256 bits (eventsourcing's AESCipher takes any of them).
CIPHER_KEY_BYTES = (16, 24, 32)
# The value a store records under ``text`` when every key and name in it is canonical
# (``sgz_ledger.storage.stored_text`` reads older stores' text in that form).
TEXT_CANONICAL = "canonical-v1"

# Words that start a store URL; a store string that is only such a word, or the
# word and a colon in a form not accepted above, is a typo and is refused.
_SCHEME_WORDS = ("memory", "popo", "sqlite", "postgres", "postgresql")


@dataclass(frozen=True)
class StoreSettings:
    """Explicit storage settings; build one directly or with ``parse_store``.

    Attributes:
        kind: ``memory``, ``sqlite`` or ``postgres``.
        sqlite_path: the SQLite file, or ``":memory:"``; only for ``sqlite``.
        create: create a missing SQLite file (else refuse to open it).
        pg_host, pg_port, pg_dbname, pg_user, pg_password, pg_schema: PostgreSQL connection.
        cipher_key: an AES key (eventsourcing's ``AESCipher``) to encrypt stored events.
        chain_key: a secret for the hash chain (HMAC-SHA-256 digests); empty: SHA-256.
        read_only: open the store for reading only (SQLite ``mode=ro``, or ``immutable=1``
            for a copy in a write-protected folder; a read-only PostgreSQL session):
            nothing is created or written, not even the views.
    """

    kind: StoreKind
    sqlite_path: str = ""
    create: bool = True
    pg_host: str = "127.0.0.1"
    pg_port: int = 5432
    pg_dbname: str = ""
    pg_user: str = ""
    pg_password: str = field(default="", repr=False)
    pg_schema: str = ""
    cipher_key: str = field(default="", repr=False)
    chain_key: str = field(default="", repr=False)
    read_only: bool = False

    def describe(self) -> str:
        """Where the events are, in words for a person (no password)."""
        if self.kind == "memory":
            return "in memory (nothing is kept after the program ends)"
        if self.kind == "sqlite":
            if self.sqlite_path == ":memory:":
                return "SQLite in memory (nothing is kept after the program ends)"
            return f"SQLite file {os.path.abspath(self.sqlite_path)}"
        schema = f" schema {self.pg_schema}" if self.pg_schema else ""
        return f"PostgreSQL {self.pg_user}@{self.pg_host}:{self.pg_port}/{self.pg_dbname}{schema}"

    def to_env(self) -> dict[str, str]:
        """The complete eventsourcing environment for these settings (nothing ambient)."""
        env: dict[str, str] = {}
        if self.read_only:
            env["CREATE_TABLE"] = "n"
        if self.kind == "memory":
            env["PERSISTENCE_MODULE"] = "eventsourcing.popo"
        elif self.kind == "sqlite":
            env["PERSISTENCE_MODULE"] = "eventsourcing.sqlite"
            env["SQLITE_DBNAME"] = self._sqlite_uri()
            env["SQLITE_LOCK_TIMEOUT"] = str(SQLITE_LOCK_TIMEOUT_S)
        else:
            env["PERSISTENCE_MODULE"] = "eventsourcing.postgres"
            env["POSTGRES_DBNAME"] = self.pg_dbname
            env["POSTGRES_HOST"] = self.pg_host
            env["POSTGRES_PORT"] = str(self.pg_port)
            env["POSTGRES_USER"] = self.pg_user
            env["POSTGRES_PASSWORD"] = self.pg_password
            env["POSTGRES_CONNECT_TIMEOUT"] = str(POSTGRES_CONNECT_TIMEOUT_S)
            if self.pg_schema:
                env["POSTGRES_SCHEMA"] = self.pg_schema
        env["IS_SNAPSHOTTING_ENABLED"] = "y"
        if self.cipher_key:
            cipher_key_bytes(self.cipher_key)  # a malformed key is refused here, in words
            env["CIPHER_TOPIC"] = "eventsourcing.cipher:AESCipher"
            env["CIPHER_KEY"] = self.cipher_key
        return env

    def _sqlite_uri(self) -> str:
        # eventsourcing opens SQLite with uri=True: a bare path containing '?' or
        # '#' would be misread, so every path is passed as a quoted file: URI, with
        # mode=rw when the file must already exist (SQLite then refuses to create it).
        if self.sqlite_path == ":memory:":
            # A private shared-cache name: the recorder's pooled connections see one
            # database, and two ledgers in one process never see each other's.
            return f"file:sgz-{uuid.uuid4().hex}?mode=memory&cache=shared"
        path = os.path.abspath(self.sqlite_path)
        directory = os.path.dirname(path)
        if not os.path.isdir(directory):
            raise StoreError("sqlite_no_folder", path=path, folder=directory)
        exists = os.path.exists(path)
        if (not self.create or self.read_only) and not exists:
            raise StoreError("no_ledger_at", path=path)
        if os.path.isdir(path):
            raise StoreError("sqlite_is_folder", path=path)
        quoted = f"file:{urllib.parse.quote(path)}"
        if self.read_only:
            return _read_only_uri(path, quoted)
        if exists:
            _probe(path, f"{quoted}?mode=rw")
        mode = "rwc" if self.create else "rw"
        return f"{quoted}?mode={mode}"


def _probe(path: str, uri: str) -> None:
    """Open the file as SQLite and read its schema, or say in words why it cannot be."""
    try:
        connection = sqlite3.connect(uri, uri=True)
        try:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            connection.close()
    except sqlite3.DatabaseError as e:
        text = str(e).lower()
        if "not a database" in text or "malformed" in text:
            raise StoreError("not_a_store", path=path) from None
        raise


def _read_only_uri(path: str, quoted: str) -> str:
    """``mode=ro``; or, where SQLite cannot open the file that way (a write-protected folder
    without the file's ``-shm``), ``immutable=1``, which reads the file alone.

    ``immutable`` promises SQLite that nobody writes the file meanwhile, which holds for a
    copy in a write-protected folder, and it ignores a ``-wal`` file: a copy whose write-ahead
    log still holds events is refused rather than read without them.
    """
    read_only = f"{quoted}?mode=ro"
    try:
        _probe(path, read_only)
        return read_only
    except sqlite3.DatabaseError as e:
        text = str(e).lower()
        if "readonly" not in text and "read-only" not in text and "unable to open" not in text:
            raise StoreError("sqlite_read_only_failed", path=path, detail=str(e)) from None
    wal = path + "-wal"
    if os.path.exists(wal) and os.path.getsize(wal) > 0:
        raise StoreError("sqlite_wal_unreadable", path=path, wal=wal)
    immutable = f"{quoted}?mode=ro&immutable=1"
    try:
        _probe(path, immutable)
    except sqlite3.DatabaseError as e:
        raise StoreError("sqlite_read_only_failed", path=path, detail=str(e)) from None
    return immutable


# What SQLite and PostgreSQL say, mapped to what a person can do about it (a code of the
# messages' catalogue).
_FAILURES = (
    (
        ("disk is full", "disk full", "no space left", "disk i/o error", "file too large"),
        "store_disk_full",
    ),
    (("readonly database", "read-only", "read only", "permission denied"), "store_read_only_here"),
    (
        (
            "not a database",
            "malformed",
            "no such table",
            "no such column",
            "does not exist",
            "undefined column",
            "datatype mismatch",
        ),
        "store_tables_damaged",
    ),
    (("database is locked", "lock timeout", "could not obtain lock"), "store_locked"),
    (("connection", "server closed", "could not connect", "timeout expired"), "store_unreachable"),
)


def failure_phrase(error: BaseException) -> Phrase:
    """What to say of a failure of the store itself (a database or disk error): what
    happened and what to do, then the database's own words."""
    text = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    lowered = text.lower()
    for needles, code in _FAILURES:
        if any(needle in lowered for needle in needles):
            return Phrase(code, detail=text)
    return Phrase("store_failed_detail", detail=text)


def describe_failure(error: BaseException) -> str:
    """``failure_phrase`` in the setting's language."""
    return str(failure_phrase(error))


def cipher_key_bytes(cipher_key: str) -> bytes:
    """The raw bytes of a cipher key given as base64 text (what ``AESCipher.create_key``
    and ``sgz-ledger keygen`` make).

    Raises:
        CipherKeyError: not base64, or not 16, 24 or 32 bytes long.
    """
    try:
        raw = base64.b64decode(cipher_key.strip(), validate=True)
    except (binascii.Error, ValueError):
        raw = b""
    if len(raw) not in CIPHER_KEY_BYTES:
        raise CipherKeyError("cipher_key_invalid")
    return raw


def cipher_key_check(cipher_key: str) -> str:
    """The check value of a cipher key, as kept in the store's metadata."""
    raw = cipher_key_bytes(cipher_key)
    return hmac.new(raw, _KEY_CHECK_MESSAGE, hashlib.sha256).hexdigest()[:32]


def cipher_meta(cipher_key: str) -> dict[str, str]:
    """The metadata a store created with ``cipher_key`` (``""``: none) keeps about it."""
    if not cipher_key:
        return {"cipher": CIPHER_NONE}
    return {"cipher": CIPHER_AES_GCM, "cipher_key_check": cipher_key_check(cipher_key)}


def creation_meta(cipher_key: str) -> dict[str, str]:
    """Everything a store created now records about itself beside its chain: its cipher,
    and that every key and name in it is in the canonical form (``storage.stored_text``)."""
    return {**cipher_meta(cipher_key), "text": TEXT_CANONICAL}


def parse_store(
    store: str, *, create: bool = True, cipher_key: str = "", read_only: bool = False
) -> StoreSettings:
    """Read a store URL or path (see the module docs for the forms).

    Raises:
        StoreError: an empty store, an unknown URL scheme, or a PostgreSQL URL without a database.
    """
    settings = _parse_store(store, create=create, cipher_key=cipher_key)
    if read_only:
        if settings.kind == "memory" or settings.sqlite_path == ":memory:":
            raise StoreError("memory_read_only", store=store)
        return dataclasses.replace(settings, read_only=True, create=False)
    return settings


def _parse_store(store: str, *, create: bool, cipher_key: str) -> StoreSettings:
    text = store.strip()
    if not text:
        raise StoreError("no_store_given")
    if text in ("memory:", "memory://", "popo:"):
        return StoreSettings(kind="memory", cipher_key=cipher_key)
    if text in (":memory:", "sqlite::memory:", "sqlite://:memory:", "sqlite:///:memory:"):
        return StoreSettings(kind="sqlite", sqlite_path=":memory:", cipher_key=cipher_key)
    if text.startswith(("postgresql://", "postgres://")):
        return _parse_postgres(text, cipher_key)
    if text.startswith("sqlite:"):
        path = text.removeprefix("sqlite:")
        if path.startswith("//"):  # sqlite:///abs/path and sqlite://rel/path
            path = path[2:]
        if path.startswith("//"):  # sqlite:////abs/path (SQLAlchemy's form)
            path = "/" + path.lstrip("/")
        if not path:
            raise StoreError("sqlite_url_no_file", store=store)
        return StoreSettings(kind="sqlite", sqlite_path=path, create=create, cipher_key=cipher_key)
    if text.lower() in _SCHEME_WORDS or text.lower().startswith(
        tuple(f"{word}:" for word in _SCHEME_WORDS)
    ):
        # "memory", "postgresql:db": a mistyped URL, not a file someone wants created.
        raise StoreError("store_url_mistyped", store=store)
    scheme = urllib.parse.urlsplit(text).scheme
    if scheme and len(scheme) > 1 and "://" in text:
        raise StoreError("store_url_scheme", scheme=scheme, store=store)
    return StoreSettings(kind="sqlite", sqlite_path=text, create=create, cipher_key=cipher_key)


def _parse_postgres(url: str, cipher_key: str) -> StoreSettings:
    parts = urllib.parse.urlsplit(url)
    dbname = parts.path.lstrip("/")
    if not dbname:
        raise StoreError("postgres_url_no_database", url=url)
    query = urllib.parse.parse_qs(parts.query, keep_blank_values=True)
    unknown = set(query) - {"schema"}
    if unknown:
        raise StoreError("postgres_url_options", options=sorted(unknown))
    if len(query.get("schema", [""])) != 1:
        raise StoreError("postgres_url_schema_twice", url=url)
    try:
        port = parts.port or 5432
    except ValueError:
        raise StoreError("postgres_url_port", url=url) from None
    return StoreSettings(
        kind="postgres",
        pg_host=parts.hostname or "127.0.0.1",
        pg_port=port,
        pg_dbname=urllib.parse.unquote(dbname),
        pg_user=urllib.parse.unquote(parts.username or "postgres"),
        pg_password=urllib.parse.unquote(parts.password or ""),
        pg_schema=query.get("schema", [""])[0],
        cipher_key=cipher_key,
    )
