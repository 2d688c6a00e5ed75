"""The hash chain finds every hand edit of a store and says where it starts.

A small station history is recorded through the public API into a SQLite file or a
PostgreSQL schema; then the raw tables are edited behind the ledger's back, the way
someone with the file (or database access) could: a changed byte, a deleted row, an
inserted row, two rows swapped, a deleted tail, a rewritten chain. ``verify`` must
report the first position the edit touches, and find nothing on an untouched store.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from conftest import PG_DB, PG_HOST, PG_PORT, PG_USER, FixedClock, open_test_fund, require_postgres
from sgz_ledger import Ledger
from sgz_ledger.domain.errors import StoreError
from sgz_ledger.storage.chain import GENESIS, Anchor, ChainKeyError, RawEvent, link, verify_rows

D = dt.date(2024, 3, 1)
EVENTS = 12  # fund opened, 8 gifts, a request, its approval, its payment


def record_history(ledger: Ledger) -> None:
    open_test_fund(ledger, "F1")
    for n in range(8):
        ledger.receive_cash(
            fund_id="F1",
            receipt_no=f"R-{n}",
            amount_fen=100 * (n + 1),
            donor="某爱心企业" if n % 2 else None,
            restriction="助学" if n % 3 == 0 else "",
            actor="王芳",
            occurred_on=D + dt.timedelta(days=n),
        )
    ledger.request_disbursement(
        fund_id="F1",
        request_id="SQ-1",
        amount_fen=500,
        purpose="学习用品",
        payee="文具店",
        actor="李强",
        occurred_on=D + dt.timedelta(days=9),
    )
    ledger.approve_disbursement(
        fund_id="F1", request_id="SQ-1", actor="张敏", occurred_on=D + dt.timedelta(days=9)
    )
    ledger.pay_disbursement(
        fund_id="F1",
        request_id="SQ-1",
        voucher_no="PZ-1",
        actor="王芳",
        occurred_on=D + dt.timedelta(days=10),
    )
    assert ledger.log_position() == EVENTS


# ---- the two backends: a store, and raw SQL on its tables --------------------------------------


class Store:
    """A store with history, and a way to run SQL on its raw tables."""

    def __init__(self, url: str, execute: Callable[[str, tuple[Any, ...]], list[Any]]) -> None:
        self.url = url
        self.sql = execute
        self.events = "stored_events"

    def open(self, **kwargs: Any) -> Ledger:
        return Ledger(self.url, clock=FixedClock(), **kwargs)

    def verify(self, **kwargs: Any) -> Any:
        ledger = self.open(chain_key=kwargs.pop("chain_key", ""))
        try:
            return ledger.verify(**kwargs)
        finally:
            ledger.close()


@contextmanager
def sqlite_store(tmp_path: Path) -> Iterator[Store]:
    path = tmp_path / "station.db"

    def execute(statement: str, params: tuple[Any, ...]) -> list[Any]:
        with sqlite3.connect(path) as conn:
            rows = conn.execute(statement, params).fetchall()
        conn.close()
        return rows

    yield Store(str(path), execute)


@contextmanager
def postgres_store() -> Iterator[Store]:
    require_postgres()
    import psycopg

    schema = f"t_{uuid.uuid4().hex[:16]}"
    connect = {"host": PG_HOST, "port": PG_PORT, "dbname": PG_DB, "user": PG_USER}
    with psycopg.connect(**connect) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')

    def execute(statement: str, params: tuple[Any, ...]) -> list[Any]:
        with psycopg.connect(**connect) as conn:
            conn.execute(f'SET search_path TO "{schema}"')
            cursor = conn.execute(statement.replace("?", "%s"), params)
            return cursor.fetchall() if cursor.description else []

    try:
        store = Store(
            f"postgresql://{PG_USER}@{PG_HOST}:{PG_PORT}/{PG_DB}?schema={schema}", execute
        )
        store.events = "sgzledger_events"
        yield store
    finally:
        with psycopg.connect(**connect) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


@pytest.fixture(params=["sqlite", "postgres"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    maker = sqlite_store(tmp_path) if request.param == "sqlite" else postgres_store()
    with maker as made:
        ledger = made.open()
        record_history(ledger)
        ledger.close()
        yield made


def position_column(store: Store) -> str:
    return "rowid" if store.events == "stored_events" else "notification_id"


def state_at(store: Store, position: int) -> bytes:
    col = position_column(store)
    [(state,)] = store.sql(f"SELECT state FROM {store.events} WHERE {col} = ?", (position,))
    return bytes(state)


def set_state(store: Store, position: int, state: bytes) -> None:
    col = position_column(store)
    store.sql(f"UPDATE {store.events} SET state = ? WHERE {col} = ?", (state, position))


# ---- an untouched store verifies --------------------------------------------------------------


def test_an_untouched_store_verifies_and_gives_its_head(store: Store) -> None:
    report = store.verify()
    assert report.ok
    assert report.first_break is None
    assert report.events == EVENTS
    assert report.chained_late_upto == 0
    assert report.head is not None
    assert report.head.position == EVENTS
    ledger = store.open()
    assert ledger.anchor() == report.head
    ledger.close()


def test_the_digests_are_the_documented_function_of_the_raw_rows(store: Store) -> None:
    """An independent recomputation from the raw columns, as docs/audit.md defines it."""
    col = position_column(store)
    rows = store.sql(
        f"SELECT {col}, originator_id, originator_version, topic, state FROM {store.events} "
        f"ORDER BY {col}",
        (),
    )
    links = dict(store.sql("SELECT position, digest FROM event_chain", ()))
    prev = GENESIS
    for position, originator_id, version, topic, state in rows:
        uid = originator_id if isinstance(originator_id, uuid.UUID) else uuid.UUID(originator_id)
        prev = link(prev, RawEvent(position, uid.bytes, version, topic, bytes(state)))
        assert bytes(links[position]) == prev


# ---- each kind of hand edit is found where it starts ----------------------------------------


def test_a_changed_byte_is_found_at_its_position(store: Store) -> None:
    state = bytearray(state_at(store, 5))
    state[-1] ^= 0x01
    set_state(store, 5, bytes(state))
    report = store.verify()
    assert not report.ok
    assert report.first_break is not None
    assert report.first_break.position == 5
    assert report.first_break.kind == "changed"
    assert report.events == 4  # the four before it verify
    assert report.head is not None
    assert report.head.position == 4


def test_a_changed_amount_is_found_even_when_the_row_still_decodes(store: Store) -> None:
    """Re-encode a gift with another amount: a valid event, but not the one chained."""
    import msgspec

    from sgz_ledger.storage.codec import EventCodec

    codec = EventCodec()
    col = position_column(store)
    [(topic, state)] = store.sql(f"SELECT topic, state FROM {store.events} WHERE {col} = 3", ())
    event = codec.decode(topic, bytes(state))
    forged = msgspec.structs.replace(event, amount_fen=event.amount_fen * 100)
    set_state(store, 3, codec.encode(forged))
    report = store.verify()
    assert report.first_break is not None
    assert (report.first_break.position, report.first_break.kind) == (3, "changed")


def test_a_deleted_row_is_found_at_its_position(store: Store) -> None:
    col = position_column(store)
    store.sql(f"DELETE FROM {store.events} WHERE {col} = 7", ())
    report = store.verify()
    assert report.first_break is not None
    assert (report.first_break.position, report.first_break.kind) == (7, "removed")


def test_a_deleted_row_and_its_digest_are_found(store: Store) -> None:
    col = position_column(store)
    store.sql(f"DELETE FROM {store.events} WHERE {col} = 7", ())
    store.sql("DELETE FROM event_chain WHERE position = 7", ())
    report = store.verify()
    assert report.first_break is not None
    # SQLite's positions have no gaps: the missing position itself is named. PostgreSQL's
    # sequence may skip numbers, so there the next event's broken link is what shows.
    expected = 7 if store.events == "stored_events" else 8
    assert report.first_break.position == expected
    assert report.first_break.kind in ("removed", "changed")


def test_an_inserted_row_is_found_at_its_position(store: Store) -> None:
    """A row added by hand (here: a copy of a gift under a new version) has no digest."""
    col = position_column(store)
    [(originator_id, topic, state)] = store.sql(
        f"SELECT originator_id, topic, state FROM {store.events} WHERE {col} = 2", ()
    )
    if store.events == "stored_events":
        store.sql(
            f"INSERT INTO {store.events} (originator_id, originator_version, topic, state) "
            "VALUES (?, ?, ?, ?)",
            (originator_id, 99, topic, state),
        )
    else:
        store.sql(
            f"INSERT INTO {store.events} (originator_id, originator_version, topic, state) "
            "VALUES (?, ?, ?, ?)",
            (originator_id, 99, topic, state),
        )
    [(position,)] = store.sql(f"SELECT MAX({col}) FROM {store.events}", ())
    report = store.verify()
    assert report.first_break is not None
    assert (report.first_break.position, report.first_break.kind) == (position, "unchained")
    assert report.events == EVENTS


def test_two_swapped_rows_are_found_at_the_first(store: Store) -> None:
    four, nine = state_at(store, 4), state_at(store, 9)
    set_state(store, 4, nine)
    set_state(store, 9, four)
    report = store.verify()
    assert report.first_break is not None
    assert (report.first_break.position, report.first_break.kind) == (4, "changed")


def test_a_changed_digest_is_found_at_its_position(store: Store) -> None:
    store.sql("UPDATE event_chain SET digest = ? WHERE position = 6", (bytes(32),))
    report = store.verify()
    assert report.first_break is not None
    assert (report.first_break.position, report.first_break.kind) == (6, "changed")


def test_a_cut_off_tail_is_found_against_a_published_anchor(store: Store) -> None:
    published = store.verify().head
    assert published is not None
    col = position_column(store)
    store.sql(f"DELETE FROM {store.events} WHERE {col} > 9", ())
    store.sql("DELETE FROM event_chain WHERE position > 9", ())
    assert store.verify().ok  # without the anchor a shorter log is a consistent log
    report = store.verify(anchors=[published])
    assert report.first_break is not None
    assert report.first_break.kind == "truncated"
    assert report.first_break.position == published.position


def test_a_later_store_extends_exactly_the_published_history(store: Store) -> None:
    published = store.verify().head
    assert published is not None
    ledger = store.open()
    ledger.receive_cash(
        fund_id="F1", receipt_no="R-late", amount_fen=1, actor="王芳", occurred_on=D
    )
    ledger.close()
    report = store.verify(anchors=[published])
    assert report.ok
    assert report.anchors == (published,)
    assert report.events == EVENTS + 1


def test_a_rewritten_history_does_not_pass_the_published_anchor(store: Store) -> None:
    """Someone changes an old gift and recomputes every digest after it (no key is
    needed for a plain SHA-256 chain): the chain is consistent again, but the anchor
    published before the change no longer matches."""
    published = store.verify().head
    assert published is not None
    state = bytearray(state_at(store, 3))
    state[-1] ^= 0x01
    set_state(store, 3, bytes(state))
    rechain(store, key=None)
    assert store.verify().ok
    report = store.verify(anchors=[published])
    assert report.first_break is not None
    assert report.first_break.kind == "anchor_mismatch"
    assert report.first_break.position == published.position


def rechain(store: Store, key: bytes | None) -> None:
    """Recompute every digest from the raw rows, as a forger would."""
    col = position_column(store)
    rows = store.sql(
        f"SELECT {col}, originator_id, originator_version, topic, state FROM {store.events} "
        f"ORDER BY {col}",
        (),
    )
    prev = GENESIS
    for position, originator_id, version, topic, state in rows:
        uid = originator_id if isinstance(originator_id, uuid.UUID) else uuid.UUID(originator_id)
        prev = link(prev, RawEvent(position, uid.bytes, version, topic, bytes(state)), key)
        store.sql("UPDATE event_chain SET digest = ? WHERE position = ?", (prev, position))


# ---- a keyed chain -------------------------------------------------------------------------------


@pytest.fixture(params=["sqlite", "postgres"])
def keyed(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    maker = sqlite_store(tmp_path) if request.param == "sqlite" else postgres_store()
    with maker as made:
        ledger = made.open(chain_key="区民政局-2024")
        record_history(ledger)
        ledger.close()
        yield made


def test_a_keyed_chain_verifies_with_its_key_only(keyed: Store) -> None:
    assert keyed.verify(chain_key="区民政局-2024").ok
    assert keyed.verify(chain_key="区民政局-2024").algorithm == "hmac-sha256"
    # Without its key, or with another, nothing is proved: a finding, never a pass.
    for key, kind in (("", "key_required"), ("another key", "wrong_key")):
        report = keyed.verify(chain_key=key)
        assert not report.ok
        assert report.first_break is not None
        assert (report.first_break.position, report.first_break.kind) == (0, kind)
    with pytest.raises(ChainKeyError):  # the pure function asked for a keyed chain, no key
        verify_rows([], [], algorithm="hmac-sha256")


def test_a_keyed_chain_cannot_be_rewritten_without_the_key(keyed: Store) -> None:
    state = bytearray(state_at(keyed, 3))
    state[-1] ^= 0x01
    set_state(keyed, 3, bytes(state))
    rechain(keyed, key=b"a guess")
    report = keyed.verify(chain_key="区民政局-2024")
    assert report.first_break is not None
    assert (report.first_break.position, report.first_break.kind) == (1, "changed")


def test_a_keyed_store_refuses_writers_without_its_key(keyed: Store) -> None:
    ledger = keyed.open()
    before = ledger.log_position()
    with pytest.raises(StoreError, match="chain key"):
        ledger.receive_cash(
            fund_id="F1", receipt_no="R-x", amount_fen=1, actor="王芳", occurred_on=D
        )
    assert ledger.log_position() == before
    assert ledger.balances()[0].received_fen == sum(100 * (n + 1) for n in range(8))
    ledger.close()
    wrong = keyed.open(chain_key="another key")
    with pytest.raises(StoreError, match="not this store's chain key"):
        wrong.receive_cash(
            fund_id="F1", receipt_no="R-x", amount_fen=1, actor="王芳", occurred_on=D
        )
    wrong.close()
    right = keyed.open(chain_key="区民政局-2024")
    right.receive_cash(fund_id="F1", receipt_no="R-x", amount_fen=1, actor="王芳", occurred_on=D)
    right.close()
    assert keyed.verify(chain_key="区民政局-2024").ok


def test_a_plain_store_refuses_a_writer_with_a_key(store: Store) -> None:
    ledger = store.open(chain_key="a key")
    with pytest.raises(StoreError, match="has no key"):
        ledger.receive_cash(
            fund_id="F1", receipt_no="R-x", amount_fen=1, actor="王芳", occurred_on=D
        )
    ledger.close()
    assert store.verify().ok


# ---- a removed chain is a finding, never chained again ----------------------------------------


@pytest.mark.parametrize("kind", ["sqlite", "postgres"])
@pytest.mark.parametrize("dropped", [("event_chain",), ("event_chain", "event_chain_meta")])
def test_a_removed_chain_is_a_finding_and_is_never_recomputed(
    tmp_path: Path, kind: str, dropped: tuple[str, ...]
) -> None:
    """A forger edits an amount and drops the chain, hoping the ledger chains the forged
    events afresh (as a store written before the chain would be): verify reports it,
    writes nothing, and no writer extends such a store."""
    maker = sqlite_store(tmp_path) if kind == "sqlite" else postgres_store()
    with maker as made:
        ledger = made.open()
        record_history(ledger)
        ledger.close()
        state = bytearray(state_at(made, 3))
        state[-1] ^= 0x01
        set_state(made, 3, bytes(state))
        for table in dropped:
            made.sql(f"DROP TABLE {table}", ())
        for _ in range(2):  # a second look finds the same: nothing was written by the first
            report = made.verify()
            assert not report.ok
            assert report.first_break is not None
            if "event_chain_meta" in dropped:
                assert (report.first_break.position, report.first_break.kind) == (0, "metadata")
            else:
                assert (report.first_break.position, report.first_break.kind) == (1, "unchained")
        tables = (
            {r[0] for r in made.sql("SELECT name FROM sqlite_master WHERE type='table'", ())}
            if kind == "sqlite"
            else {
                r[0]
                for r in made.sql(
                    "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()", ()
                )
            }
        )
        assert not set(dropped) & tables  # opening the store created none of them again
        ledger = made.open()
        with pytest.raises(StoreError, match="nothing was recorded"):
            ledger.receive_cash(
                fund_id="F1", receipt_no="R-new", amount_fen=1, actor="王芳", occurred_on=D
            )
        ledger.close()


# ---- anchors -----------------------------------------------------------------------------------


def test_an_anchor_reads_back_as_printed() -> None:
    for anchor in (
        Anchor(position=12, digest="ab" * 32),
        Anchor(position=12, digest="ab" * 32, algorithm="sha256"),
        Anchor(position=12, digest="ab" * 32, algorithm="hmac-sha256", key_fingerprint="cd" * 16),
    ):
        assert Anchor.parse(str(anchor)) == anchor
    assert Anchor.parse(f" 12:{'AB' * 32} ") == Anchor(position=12, digest="ab" * 32)
    assert str(Anchor(position=7, digest="ab" * 32, algorithm="sha256")) == f"sha256:7:{'ab' * 32}"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "12",
        "0:" + "ab" * 32,
        "12:" + "ab" * 31,
        "x:" + "ab" * 32,
        "md5:12:" + "ab" * 32,  # an algorithm this version does not know
        "sha256/" + "cd" * 16 + ":12:" + "ab" * 32,  # a plain chain has no key fingerprint
        "hmac-sha256:12:" + "ab" * 32,  # a keyed one always has
    ],
)
def test_a_bad_anchor_is_invalid_input(text: str) -> None:
    from sgz_ledger import InvalidInput

    with pytest.raises(InvalidInput):
        Anchor.parse(text)
