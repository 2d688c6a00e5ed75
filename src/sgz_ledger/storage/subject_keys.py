"""Subject keys: one random AES-256 key per person whose data the ledger seals.

Events are immutable and hash-chained, so personal data in them can never be deleted.
It can be made unreadable: each person (a "subject": ``volunteer:V-0001``, or ``donor:``
and a keyed hash of an individual donor's name) has a key of their own, their personal
data is sealed with it (``personal.PersonalDataSealer``), and erasing them destroys the
key (crypto-shredding). The events, their digests and every figure stay as they were.

The keys live in a table of the store's own database, beside the events:

``subject_keys``  ``key_id`` (16 random bytes, also written after the sealed data's
                  format byte), ``subject`` (``volunteer:V-0001``), ``key`` (the stored
                  key, see below), ``created`` (when the ledger made it, UTC)

The stored key starts with a format byte: ``0x01`` and the key wrapped with AES-GCM
under a key derived from the store's cipher key (the key id and subject are its
associated data, so a row moved to another subject does not open), or ``0x00`` and the
key itself when the store has no cipher key. Without a cipher key the keys are in the
same file as the data they open, so they protect nothing from a reader of the file;
deleting one still shreds what it sealed.

SQLite (file or memory) and PostgreSQL keep the table in the store's database (and
schema); the ``memory:`` store keeps the keys in a dictionary. Only a writer creates the
table (``put``); reading a store without it (written before subject keys, or opened
read-only) finds no keys and creates nothing.

``destroy`` deletes keys so that they cannot be read back from the store's files:

* SQLite: the ``DELETE`` runs with ``PRAGMA secure_delete`` (the row's cell is zeroed),
  then ``VACUUM`` rewrites the database and ``PRAGMA wal_checkpoint(TRUNCATE)`` folds
  the write-ahead log into it and cuts the log to zero bytes. Why ``VACUUM`` too: a key
  can also sit where no ``DELETE`` reaches, in the unused part of a page an earlier page
  split moved cells out of, or in a free page; ``VACUUM`` writes every page afresh. It
  rewrites the whole file (about half a second for a 100,000-event store of 72 MB), which
  an erasure, rare and deliberate, can afford.
* PostgreSQL: ``DELETE``, then ``VACUUM (FULL)`` of the key table, outside a
  transaction, which writes the table anew and drops its old files. A snapshot taken
  before the ``DELETE`` may still see the row, and ``VACUUM (FULL)`` then copies it into
  the new file, so the erasure first waits (up to ``PG_SNAPSHOT_WAIT_S``) for every
  session of the database holding a snapshot or a transaction older than it; one that
  outlasts the wait is reported, and erasing again finishes the job. The server's own
  write-ahead log and any backup still hold the row until they are recycled
  (``docs/volunteers.md``); there, a wrapped key is only as safe as the store's cipher
  key.
"""

from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import hashlib
import hmac
import os
import sqlite3
import threading
import time
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

from Crypto.Cipher import AES
from eventsourcing.sqlite import SQLiteDatastore

from sgz_ledger.domain.errors import LedgerError, StoreError

__all__ = [
    "KEY_BYTES",
    "KEY_ID_BYTES",
    "SUBJECT_KEYS_TABLE",
    "MemorySubjectKeys",
    "PostgresSubjectKeys",
    "SQLiteSubjectKeys",
    "SubjectKey",
    "SubjectKeyError",
    "SubjectKeyStore",
    "donor_subject",
    "new_subject_key",
    "served_subject",
    "volunteer_subject",
]

SUBJECT_KEYS_TABLE = "subject_keys"
KEY_ID_BYTES = 16
KEY_BYTES = 32  # AES-256
_NONCE_BYTES = 12
_TAG_BYTES = 16
_PLAIN = b"\x00"
_WRAPPED = b"\x01"
_WRAP_LABEL = b"sgz-ledger subject-key wrap v1"
_WRAP_AAD = b"sgz-ledger subject key v1\x00"
# Keys kept in memory after they were read (least recently used go first).
_CACHE_MAX = 65_536
# How often a PostgreSQL erasure looks again for transactions older than it.
_POLL_S = 0.05
# How long a PostgreSQL erasure waits for transactions older than it to end.
PG_SNAPSHOT_WAIT_S = 10.0


class SubjectKeyError(LedgerError):
    """A stored subject key cannot be used: wrapped and no (or another) cipher key, or a
    row that was changed (a key kept in clear in a store that wraps its keys)."""

    reason = "subject_key_error"


@dataclasses.dataclass(frozen=True)
class SubjectKey:
    """One subject's key.

    Attributes:
        key_id: 16 random bytes that name the key in sealed data.
        subject: whose key it is (``volunteer:V-0001``).
        key: the AES-256 key itself (never shown in ``repr``).
        created: when the ledger made it (UTC).
    """

    key_id: bytes
    subject: str
    key: bytes = dataclasses.field(repr=False)
    created: dt.datetime


def volunteer_subject(volunteer_id: str) -> str:
    """The subject name of a volunteer's key."""
    return "volunteer:" + volunteer_id


def donor_subject(name_hash: str) -> str:
    """The subject name of an individual donor's key, from the keyed hash of their name
    (``personal.PersonalDataSealer.donor_subject`` makes it): never the name itself."""
    return "donor:" + name_hash


def served_subject(identifier_hash: str) -> str:
    """The subject name of a served person's key, from the keyed hash of the identifier
    the station gave (``personal.PersonalDataSealer.served_subject`` makes it)."""
    return "served:" + identifier_hash


def new_subject_key(subject: str, created: dt.datetime) -> SubjectKey:
    """A fresh random key for ``subject`` (not stored: ``SubjectKeyStore.put`` stores it)."""
    return SubjectKey(
        key_id=os.urandom(KEY_ID_BYTES), subject=subject, key=os.urandom(KEY_BYTES), created=created
    )


class _Row(NamedTuple):
    """A stored row."""

    key_id: bytes
    subject: str
    stored: bytes  # the format byte, then the key or the wrapped key
    created: dt.datetime


class SubjectKeyStore:
    """The subject keys of one store: read, add, destroy. Backends override the ``_`` methods.

    Args:
        cipher_key: the store's cipher key (base64); empty to keep keys in clear.
    """

    def __init__(self, cipher_key: str = "") -> None:
        self._wrap_key: bytes | None = None
        if cipher_key:
            raw = base64.b64decode(cipher_key)
            # A key of its own for wrapping, so the wrapping key is not the events' key.
            self._wrap_key = hmac.new(raw, _WRAP_LABEL, hashlib.sha256).digest()
        self._cache: OrderedDict[bytes, SubjectKey] = OrderedDict()
        self._lock = threading.Lock()

    # ---- reading ------------------------------------------------------------------------

    def get(self, key_id: bytes) -> SubjectKey | None:
        """The key named ``key_id``; ``None`` when there is none (destroyed, or never stored).

        Keys read before are kept in memory: one another process destroyed since may still
        be returned here, which is why readers check the volunteer's erasure event first.

        Raises:
            SubjectKeyError: the stored key cannot be unwrapped (see the class).
        """
        with self._lock:
            cached = self._cache.get(key_id)
            if cached is not None:
                self._cache.move_to_end(key_id)
                return cached
        row = self._select(key_id)
        if row is None:
            return None
        key = self._unwrap(row)
        self._remember(key)
        return key

    def key_ids(self, subject: str) -> list[bytes]:
        """The ids of every stored key of ``subject``, in no particular order."""
        return self._select_subject(subject)

    def stored(self, key_id: bytes) -> bool:
        """Whether a row for ``key_id`` is stored (read from the store, not the cache; the
        row need not open)."""
        return self._select(key_id) is not None

    # ---- writing ------------------------------------------------------------------------

    def put(self, keys: Sequence[SubjectKey]) -> None:
        """Store ``keys`` (committed when this returns); creates the table if need be."""
        if not keys:
            return
        self._insert([self._wrap(k) for k in keys])
        for key in keys:
            self._remember(key)

    def destroy(self, subjects: Iterable[tuple[str, Iterable[bytes]]]) -> int:
        """Delete every key of each subject and every key named, beyond recovery from the
        store's files (see the module docs); returns how many rows were deleted.

        Both are given because a row's subject is a column anyone with write access can
        change: the ids named by the erased person's own events find it anyway.
        """
        items = [(subject, tuple(ids)) for subject, ids in subjects]
        if not items:
            return 0
        with self._lock:
            for _, ids in items:
                for key_id in ids:
                    self._cache.pop(key_id, None)
            for key_id, key in list(self._cache.items()):
                if any(key.subject == subject for subject, _ in items):
                    del self._cache[key_id]
        return self._delete(items)

    # ---- wrapping -----------------------------------------------------------------------

    def _wrap(self, key: SubjectKey) -> _Row:
        if self._wrap_key is None:
            stored = _PLAIN + key.key
        else:
            nonce = os.urandom(_NONCE_BYTES)
            cipher = AES.new(self._wrap_key, AES.MODE_GCM, nonce=nonce)
            cipher.update(_aad(key.key_id, key.subject))
            sealed, tag = cipher.encrypt_and_digest(key.key)
            stored = _WRAPPED + nonce + sealed + tag
        return _Row(key.key_id, key.subject, stored, key.created)

    def _unwrap(self, row: _Row) -> SubjectKey:
        key_id, subject, stored, created = row
        if stored[:1] == _PLAIN:
            if self._wrap_key is not None:
                raise SubjectKeyError("subject_key_in_clear")
            if len(stored) != 1 + KEY_BYTES:
                raise SubjectKeyError("subject_key_length")
            return SubjectKey(key_id=key_id, subject=subject, key=stored[1:], created=created)
        if stored[:1] != _WRAPPED:
            raise SubjectKeyError("subject_key_format")
        if self._wrap_key is None:
            raise SubjectKeyError("subject_keys_wrapped")
        nonce = stored[1 : 1 + _NONCE_BYTES]
        sealed, tag = stored[1 + _NONCE_BYTES : -_TAG_BYTES], stored[-_TAG_BYTES:]
        cipher = AES.new(self._wrap_key, AES.MODE_GCM, nonce=nonce)
        cipher.update(_aad(key_id, subject))
        try:
            key = cipher.decrypt_and_verify(sealed, tag)
        except ValueError:
            raise SubjectKeyError("subject_key_unwrap") from None
        return SubjectKey(key_id=key_id, subject=subject, key=key, created=created)

    def _remember(self, key: SubjectKey) -> None:
        with self._lock:
            self._cache[key.key_id] = key
            self._cache.move_to_end(key.key_id)
            while len(self._cache) > _CACHE_MAX:
                self._cache.popitem(last=False)

    # ---- the backend --------------------------------------------------------------------

    def _select(self, key_id: bytes) -> _Row | None:
        raise NotImplementedError

    def _select_subject(self, subject: str) -> list[bytes]:
        raise NotImplementedError

    def _insert(self, rows: list[_Row]) -> None:
        raise NotImplementedError

    def _delete(self, items: list[tuple[str, tuple[bytes, ...]]]) -> int:
        raise NotImplementedError


def _aad(key_id: bytes, subject: str) -> bytes:
    return _WRAP_AAD + key_id + subject.encode("utf-8")


# ---- in memory (the memory: store) ------------------------------------------------------------


class MemorySubjectKeys(SubjectKeyStore):
    """The keys of a ``memory:`` store: a dictionary, gone with the process."""

    def __init__(self, cipher_key: str = "") -> None:
        super().__init__(cipher_key)
        self._rows: dict[bytes, _Row] = {}
        self._rows_lock = threading.Lock()

    def _select(self, key_id: bytes) -> _Row | None:
        with self._rows_lock:
            return self._rows.get(key_id)

    def _select_subject(self, subject: str) -> list[bytes]:
        with self._rows_lock:
            return [row[0] for row in self._rows.values() if row[1] == subject]

    def _insert(self, rows: list[_Row]) -> None:
        with self._rows_lock:
            for row in rows:
                if row[0] in self._rows:
                    raise StoreError("subject_key_id_twice")
            for row in rows:
                self._rows[row[0]] = row

    def _delete(self, items: list[tuple[str, tuple[bytes, ...]]]) -> int:
        subjects = {subject for subject, _ in items}
        ids = {key_id for _, key_ids in items for key_id in key_ids}
        with self._rows_lock:
            gone = [k for k, row in self._rows.items() if k in ids or row[1] in subjects]
            for key_id in gone:
                del self._rows[key_id]
            return len(gone)


# ---- SQLite (a file, or sqlite::memory:) ------------------------------------------------------

_SQLITE_CREATE = (
    f"CREATE TABLE IF NOT EXISTS {SUBJECT_KEYS_TABLE} "
    "(key_id BLOB PRIMARY KEY, subject TEXT NOT NULL, key BLOB NOT NULL, created TEXT NOT NULL)",
    f"CREATE INDEX IF NOT EXISTS {SUBJECT_KEYS_TABLE}_by_subject ON {SUBJECT_KEYS_TABLE} (subject)",
)
_SQLITE_EXISTS = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?"


class SQLiteSubjectKeys(SubjectKeyStore):
    """The keys in the SQLite database of the events, through the recorder's datastore."""

    def __init__(self, datastore: SQLiteDatastore, cipher_key: str = "") -> None:
        super().__init__(cipher_key)
        self.datastore = datastore
        self._in_memory = bool(datastore.pool.is_sqlite_memory_mode)

    def _select(self, key_id: bytes) -> _Row | None:
        with self.datastore.transaction(commit=False) as c:
            c.execute(_SQLITE_EXISTS, (SUBJECT_KEYS_TABLE,))
            if c.fetchone() is None:
                return None
            c.execute(
                f"SELECT key_id, subject, key, created FROM {SUBJECT_KEYS_TABLE} "  # noqa: S608 - a constant
                "WHERE key_id = ?",
                (key_id,),
            )
            row = c.fetchone()
        if row is None:
            return None
        return _Row(bytes(row[0]), str(row[1]), bytes(row[2]), dt.datetime.fromisoformat(row[3]))

    def _select_subject(self, subject: str) -> list[bytes]:
        with self.datastore.transaction(commit=False) as c:
            c.execute(_SQLITE_EXISTS, (SUBJECT_KEYS_TABLE,))
            if c.fetchone() is None:
                return []
            c.execute(
                f"SELECT key_id FROM {SUBJECT_KEYS_TABLE} WHERE subject = ?",  # noqa: S608 - a constant
                (subject,),
            )
            return [bytes(row[0]) for row in c.fetchall()]

    def _insert(self, rows: list[_Row]) -> None:
        with self.datastore.transaction(commit=True) as c:
            for statement in _SQLITE_CREATE:
                c.execute(statement)
            c.executemany(
                f"INSERT INTO {SUBJECT_KEYS_TABLE} (key_id, subject, key, created) "  # noqa: S608 - a constant
                "VALUES (?, ?, ?, ?)",
                [(r[0], r[1], r[2], r[3].isoformat()) for r in rows],
            )

    def _delete(self, items: list[tuple[str, tuple[bytes, ...]]]) -> int:
        try:
            return self._delete_and_scrub(items)
        except sqlite3.Error as e:
            # The pragmas, VACUUM and the checkpoint run outside eventsourcing's transaction,
            # which is what turns sqlite3's errors into its own: a full disk lands here.
            raise StoreError("sqlite_failed", detail=str(e)) from e

    def _delete_and_scrub(self, items: list[tuple[str, tuple[bytes, ...]]]) -> int:
        with self.datastore.get_connection(commit=True) as conn:
            cursor = conn.cursor()
            cursor.execute("PRAGMA secure_delete")
            before = int(cursor.fetchone()[0])
            cursor.execute("PRAGMA secure_delete = ON")
            try:
                with conn.transaction(commit=True) as c:
                    c.execute(_SQLITE_EXISTS, (SUBJECT_KEYS_TABLE,))
                    if c.fetchone() is None:
                        return 0
                    deleted = 0
                    for subject, key_ids in items:
                        c.execute(
                            f"DELETE FROM {SUBJECT_KEYS_TABLE} WHERE subject = ?",  # noqa: S608 - a constant
                            (subject,),
                        )
                        deleted += c.sqlite_cursor.rowcount
                        for key_id in key_ids:
                            c.execute(
                                f"DELETE FROM {SUBJECT_KEYS_TABLE} WHERE key_id = ?",  # noqa: S608 - a constant
                                (key_id,),
                            )
                            deleted += c.sqlite_cursor.rowcount
            finally:
                cursor.execute(f"PRAGMA secure_delete = {before}")
            if not self._in_memory:
                # Why VACUUM and not only the checkpoint: see the module docs.
                cursor.execute("VACUUM")
                _checkpoint_truncate(cursor)
        return deleted


def _checkpoint_truncate(cursor: Any) -> None:
    """Fold the WAL into the database and cut it to zero bytes, or raise ``StoreError``.

    A ``TRUNCATE`` checkpoint waits for readers through the connection's busy handler (the
    store's lock timeout) by itself; still busy after that, it reports it.
    """
    cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    if cursor.fetchone()[0]:
        raise StoreError("wal_kept")


# ---- PostgreSQL --------------------------------------------------------------------------------


class PostgresSubjectKeys(SubjectKeyStore):
    """The keys in the PostgreSQL schema of the events, through the recorder's datastore."""

    def __init__(self, datastore: Any, cipher_key: str = "") -> None:
        from psycopg.sql import SQL, Identifier

        super().__init__(cipher_key)
        self.datastore = datastore
        schema = datastore.schema
        self._name = f'"{schema}".{SUBJECT_KEYS_TABLE}'
        table = SQL("{0}.{1}").format(Identifier(schema), Identifier(SUBJECT_KEYS_TABLE))
        self._create = [
            SQL(
                "CREATE TABLE IF NOT EXISTS {0} (key_id bytea PRIMARY KEY, subject text NOT NULL, "
                "key bytea NOT NULL, created timestamptz NOT NULL)"
            ).format(table),
            SQL("CREATE INDEX IF NOT EXISTS {0} ON {1} (subject)").format(
                Identifier(f"{SUBJECT_KEYS_TABLE}_by_subject"), table
            ),
        ]
        self._select_one = SQL(
            "SELECT key_id, subject, key, created FROM {0} WHERE key_id = %s"
        ).format(table)
        self._select_ids = SQL("SELECT key_id FROM {0} WHERE subject = %s").format(table)
        self._insert_row = SQL(
            "INSERT INTO {0} (key_id, subject, key, created) VALUES (%s, %s, %s, %s)"
        ).format(table)
        self._delete_rows = SQL("DELETE FROM {0} WHERE subject = %s OR key_id = ANY(%s)").format(
            table
        )
        self._vacuum = SQL("VACUUM (FULL) {0}").format(table)

    def _exists(self, curs: Any) -> bool:
        curs.execute("SELECT to_regclass(%s) IS NOT NULL AS found", (self._name,))
        return bool(_first(curs.fetchone()))

    def _select(self, key_id: bytes) -> _Row | None:
        with self.datastore.transaction(commit=False) as curs:
            if not self._exists(curs):
                return None
            curs.execute(self._select_one, (key_id,))
            row = curs.fetchone()
        if row is None:
            return None
        return _Row(bytes(row["key_id"]), str(row["subject"]), bytes(row["key"]), row["created"])

    def _select_subject(self, subject: str) -> list[bytes]:
        with self.datastore.transaction(commit=False) as curs:
            if not self._exists(curs):
                return []
            curs.execute(self._select_ids, (subject,))
            return [bytes(row["key_id"]) for row in curs.fetchall()]

    def _insert(self, rows: list[_Row]) -> None:
        while True:
            with self.datastore.transaction(commit=True) as curs:
                if self._exists(curs):
                    curs.executemany(self._insert_row, [tuple(r) for r in rows])
                    return
            self._create_table()

    def _create_table(self) -> None:
        """The table, made with the first key: only when missing (CREATE INDEX IF NOT EXISTS
        locks the table against other writers' inserts before it finds the index already
        there), and in the schema's turn, as two writers' first keys may come at once."""
        from sgz_ledger.storage.postgres import ddl_turn

        with ddl_turn(self.datastore), self.datastore.transaction(commit=True) as curs:
            if not self._exists(curs):
                for statement in self._create:
                    curs.execute(statement)

    def _delete(self, items: list[tuple[str, tuple[bytes, ...]]]) -> int:
        deleted = 0
        with self.datastore.transaction(commit=True) as curs:
            if not self._exists(curs):
                return 0
            for subject, key_ids in items:
                curs.execute(self._delete_rows, (subject, list(key_ids)))
                deleted += curs.rowcount
            curs.execute("SELECT txid_current() AS xid")
            xid = int(_first(curs.fetchone()))
        # VACUUM (FULL) copies a deleted row into the new file while a snapshot taken
        # before the DELETE could still see it (MVCC), so first wait for those to end.
        settled = self._wait_for_older_snapshots(xid)
        # VACUUM cannot run in a transaction: the pool's connections are in autocommit.
        with self.datastore.get_connection() as conn:
            conn.execute(self._vacuum)
        if not settled:
            raise StoreError("key_bytes_may_remain")
        return deleted

    def _wait_for_older_snapshots(self, xid: int) -> bool:
        """Wait (up to ``PG_SNAPSHOT_WAIT_S``) until no session of the database holds a
        snapshot or a transaction no newer than transaction ``xid``; whether none does."""
        deadline = time.monotonic() + PG_SNAPSHOT_WAIT_S
        while True:
            with self.datastore.transaction(commit=False) as curs:
                # What keeps a deleted row from being removed: a session's snapshot
                # (backend_xmin) or its own transaction (backend_xid) no newer than the
                # DELETE. Each as a full transaction id: the next id less its age.
                curs.execute(
                    "SELECT count(*) AS n FROM pg_stat_activity, "
                    "txid_snapshot_xmax(txid_current_snapshot()) AS next "
                    "WHERE datname = current_database() AND pid <> pg_backend_pid() "
                    "AND (next - age(backend_xmin) <= %s OR next - age(backend_xid) <= %s)",
                    (xid, xid),
                )
                if int(_first(curs.fetchone())) == 0:
                    return True
            if time.monotonic() >= deadline:
                return False
            time.sleep(_POLL_S)


def _first(row: Any) -> Any:
    """The first column of a row from a dict- or tuple-row cursor."""
    return next(iter(row.values())) if isinstance(row, dict) else row[0]
