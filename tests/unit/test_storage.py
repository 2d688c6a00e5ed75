"""Where a ledger keeps its events: store URLs, refusals, and no ambient configuration.

A store string is read once, by ``parse_store``, into explicit ``StoreSettings``;
every mistake is a ``StoreError`` (never a silent fallback to memory), and the
environment of the process running the ledger cannot redirect its events.
"""

from __future__ import annotations

import sqlite3
import sys
from contextlib import closing
from pathlib import Path

import pytest
from eventsourcing.popo import POPOApplicationRecorder

import sgz_ledger.storage.settings
from conftest import D, open_test_fund
from sgz_ledger import Ledger, StoreError, StoreSettings, parse_store
from sgz_ledger.storage.codec import MsgspecMapper

# ---- the accepted forms ----------------------------------------------------------------


@pytest.mark.parametrize("store", ["memory:", "memory://", "popo:", "  memory:  "])
def test_memory_forms_use_eventsourcing_popo(store: str) -> None:
    settings = parse_store(store)
    assert settings.kind == "memory"
    assert settings.to_env()["PERSISTENCE_MODULE"] == "eventsourcing.popo"


@pytest.mark.parametrize(
    "store", [":memory:", "sqlite::memory:", "sqlite://:memory:", "sqlite:///:memory:"]
)
def test_sqlite_memory_forms(store: str) -> None:
    settings = parse_store(store)
    assert settings.kind == "sqlite"
    assert settings.sqlite_path == ":memory:"
    env = settings.to_env()
    assert env["PERSISTENCE_MODULE"] == "eventsourcing.sqlite"
    assert "mode=memory" in env["SQLITE_DBNAME"]


def test_two_sqlite_memory_stores_are_private_to_each_ledger() -> None:
    first = parse_store("sqlite::memory:").to_env()["SQLITE_DBNAME"]
    second = parse_store("sqlite::memory:").to_env()["SQLITE_DBNAME"]
    assert first != second


def test_a_plain_path_is_a_sqlite_file(tmp_path: Path) -> None:
    path = tmp_path / "station.db"
    settings = parse_store(str(path))
    assert (settings.kind, settings.sqlite_path, settings.create) == ("sqlite", str(path), True)
    env = settings.to_env()
    assert env["PERSISTENCE_MODULE"] == "eventsourcing.sqlite"
    assert env["SQLITE_DBNAME"].startswith("file:")
    assert env["SQLITE_DBNAME"].endswith("?mode=rwc")


def test_a_relative_path_is_a_sqlite_file_in_the_working_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    settings = parse_store("station.db")
    assert (settings.kind, settings.sqlite_path) == ("sqlite", "station.db")
    assert settings.describe() == f"SQLite file {tmp_path / 'station.db'}"


def test_sqlite_url_with_an_absolute_path() -> None:
    settings = parse_store("sqlite:///var/lib/sgz/station.db")
    assert (settings.kind, settings.sqlite_path) == ("sqlite", "/var/lib/sgz/station.db")


@pytest.mark.parametrize("store", ["sqlite:station.db", "sqlite://station.db"])
def test_sqlite_url_with_a_relative_path(store: str) -> None:
    settings = parse_store(store)
    assert (settings.kind, settings.sqlite_path) == ("sqlite", "station.db")


def test_create_false_is_kept_by_sqlite_forms() -> None:
    assert parse_store("station.db", create=False).create is False
    assert parse_store("sqlite:///tmp/station.db", create=False).create is False


def test_a_path_with_uri_characters_is_quoted(tmp_path: Path) -> None:
    # eventsourcing opens SQLite with uri=True: '?' and '#' in a name must not
    # become query or fragment.
    path = tmp_path / "station?mode=memory#1.db"
    ledger = Ledger(str(path))
    try:
        open_test_fund(ledger)
    finally:
        ledger.close()
    assert path.exists()
    assert _event_count(path) == 1


def test_postgres_url_with_every_part() -> None:
    settings = parse_store("postgresql://ledger:pa%40ss@db.example:6543/station?schema=cuizhai")
    assert settings == StoreSettings(
        kind="postgres",
        pg_host="db.example",
        pg_port=6543,
        pg_dbname="station",
        pg_user="ledger",
        pg_password="pa@ss",  # noqa: S106 - a test URL's password
        pg_schema="cuizhai",
    )
    env = settings.to_env()
    assert env["PERSISTENCE_MODULE"] == "eventsourcing.postgres"
    assert env["POSTGRES_HOST"] == "db.example"
    assert env["POSTGRES_PORT"] == "6543"
    assert env["POSTGRES_DBNAME"] == "station"
    assert env["POSTGRES_USER"] == "ledger"
    assert env["POSTGRES_PASSWORD"] == "pa@ss"  # noqa: S105 - a test URL's password
    assert env["POSTGRES_SCHEMA"] == "cuizhai"


def test_postgres_url_defaults() -> None:
    settings = parse_store("postgres://db.example/station")
    assert (settings.pg_port, settings.pg_user, settings.pg_password, settings.pg_schema) == (
        5432,
        "postgres",
        "",
        "",
    )
    assert "POSTGRES_SCHEMA" not in settings.to_env()


def test_every_store_names_its_persistence_module_and_enables_snapshots() -> None:
    for store in ("memory:", "sqlite::memory:", "postgresql://u@h/db"):
        env = parse_store(store).to_env()
        assert env["PERSISTENCE_MODULE"].startswith("eventsourcing.")
        assert env["IS_SNAPSHOTTING_ENABLED"] == "y"
        assert "CIPHER_TOPIC" not in env


def test_a_cipher_key_is_passed_to_eventsourcing() -> None:
    key = "QUJDREVGR0hJSktMTU5PUA=="  # 16 bytes, base64
    env = parse_store("memory:", cipher_key=key).to_env()
    assert env["CIPHER_TOPIC"] == "eventsourcing.cipher:AESCipher"
    assert env["CIPHER_KEY"] == key


@pytest.mark.parametrize(
    "key", ["a-key", "", "QUJD", "QUJDREVGR0hJSktMTU5PUA", "QUJDREVGR0hJSktMTU5PUA==\x00", "=" * 24]
)
def test_a_malformed_cipher_key_is_refused_in_words(key: str) -> None:
    from sgz_ledger import CipherKeyError
    from sgz_ledger.storage.settings import cipher_key_bytes

    with pytest.raises(CipherKeyError, match="not a valid key"):
        cipher_key_bytes(key)


# ---- refusals ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("store", "words"),
    [
        ("", "no store given"),
        ("   ", "no store given"),
        ("sqlite:", "no file"),
        ("sqlite://", "no file"),
        ("mysql://u@h/db", "unknown store URL scheme 'mysql'"),
        ("https://example.org/station.db", "unknown store URL scheme 'https'"),
        ("postgresql://u@h:5432", "names no database"),
        ("postgresql://u@h:5432/", "names no database"),
        ("postgresql://u@h/db?sslmode=require", "sslmode"),
        ("postgresql://u@h/db?schema=x&timeout=3", "timeout"),
        ("postgresql://u@h:port/db", "bad port"),
    ],
)
def test_bad_store_strings_are_refused(store: str, words: str) -> None:
    with pytest.raises(StoreError, match=words):
        parse_store(store)


def test_a_blank_unknown_postgres_option_is_refused() -> None:
    with pytest.raises(StoreError, match="sslmode"):
        parse_store("postgresql://u@h/db?sslmode=")


def test_a_repeated_schema_option_is_refused() -> None:
    with pytest.raises(StoreError, match="schema"):
        parse_store("postgresql://u@h/db?schema=a&schema=b")


def test_a_sqlite_file_in_a_missing_folder_is_refused_not_put_in_memory(tmp_path: Path) -> None:
    store = tmp_path / "no-such-folder" / "station.db"
    with pytest.raises(StoreError, match="does not exist"):
        parse_store(str(store)).to_env()
    with pytest.raises(StoreError, match="does not exist"):
        Ledger(str(store))
    with pytest.raises(StoreError, match="does not exist"):
        Ledger(f"sqlite://{store}")
    assert not store.parent.exists()


def test_create_false_refuses_a_missing_file_and_creates_nothing(tmp_path: Path) -> None:
    store = tmp_path / "station.db"
    with pytest.raises(StoreError, match="there is no ledger at"):
        Ledger(str(store), create=False)
    with pytest.raises(StoreError, match="there is no ledger at"):
        Ledger(StoreSettings(kind="sqlite", sqlite_path=str(store), create=False))
    assert list(tmp_path.iterdir()) == []


def test_create_false_opens_an_existing_file(tmp_path: Path) -> None:
    store = tmp_path / "station.db"
    first = Ledger(str(store))
    open_test_fund(first)
    first.close()
    again = Ledger(str(store), create=False)
    try:
        assert again.fund("cz-village").version == 1
        assert again.settings.to_env()["SQLITE_DBNAME"].endswith("?mode=rw")
    finally:
        again.close()


def test_an_unreachable_postgres_server_is_a_store_error_without_the_password(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Port 1 on the loopback refuses at once; keep the wait short all the same.
    monkeypatch.setattr(sgz_ledger.storage.settings, "POSTGRES_CONNECT_TIMEOUT_S", 1)
    with pytest.raises(StoreError) as caught:
        Ledger("postgresql://ledger:s3cret-pw@127.0.0.1:1/station")
    assert "PostgreSQL ledger@127.0.0.1:1/station" in str(caught.value)
    assert "s3cret-pw" not in str(caught.value)


@pytest.mark.parametrize("module", ["psycopg", "psycopg_pool"])
def test_postgres_without_its_driver_says_which_extra_to_install(
    monkeypatch: pytest.MonkeyPatch, module: str
) -> None:
    # A ``None`` in sys.modules makes the module unimportable, as where the extra is not
    # installed; the server is never contacted (port 1 would refuse).
    monkeypatch.setitem(sys.modules, module, None)
    with pytest.raises(StoreError) as caught:
        Ledger("postgresql://ledger:s3cret-pw@127.0.0.1:1/station")
    assert caught.value.code == "postgres_driver_missing"
    assert module in str(caught.value)
    assert "pip install 'sgz-ledger[postgres]'" in str(caught.value)
    assert "s3cret-pw" not in str(caught.value)


# ---- nothing ambient -----------------------------------------------------------------------

AMBIENT = {
    "PERSISTENCE_MODULE": "eventsourcing.popo",
    "SGZLEDGER_PERSISTENCE_MODULE": "eventsourcing.popo",
    "CIPHER_TOPIC": "eventsourcing.cipher:AESCipher",
    "SGZLEDGER_CIPHER_TOPIC": "eventsourcing.cipher:AESCipher",
    "CIPHER_KEY": "not-a-key",
    "SGZLEDGER_CIPHER_KEY": "not-a-key",
    "COMPRESSOR_TOPIC": "zlib",
    "IS_SNAPSHOTTING_ENABLED": "n",
    "AGGREGATE_CACHE_MAXSIZE": "10",
    "POSTGRES_DBNAME": "elsewhere",
}


def test_ambient_environment_does_not_move_the_events(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    elsewhere = tmp_path / "elsewhere.db"
    for key, value in AMBIENT.items():
        monkeypatch.setenv(key, value)
    monkeypatch.setenv("SQLITE_DBNAME", str(elsewhere))
    monkeypatch.setenv("SGZLEDGER_SQLITE_DBNAME", str(elsewhere))
    monkeypatch.chdir(tmp_path)

    ledger = Ledger("x.db")
    try:
        open_test_fund(ledger)
        ledger.receive_cash(
            fund_id="cz-village", receipt_no="R-1", amount="10", actor="王芳", occurred_on=D
        )
        assert type(ledger.mapper) is MsgspecMapper
        assert ledger.mapper.cipher is None
        assert ledger.mapper.compressor is None
        assert ledger.snapshots is not None
    finally:
        ledger.close()

    assert _event_count(tmp_path / "x.db") == 2
    assert not elsewhere.exists()


def test_ambient_environment_does_not_change_a_memory_store(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PERSISTENCE_MODULE", "eventsourcing.sqlite")
    monkeypatch.setenv("SQLITE_DBNAME", str(tmp_path / "elsewhere.db"))
    ledger = Ledger("memory:")
    open_test_fund(ledger)
    assert isinstance(ledger.recorder, POPOApplicationRecorder)
    assert list(tmp_path.iterdir()) == []


def test_the_environment_is_only_the_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SGZLEDGER_SOMETHING_AMBIENT", "1")
    settings = parse_store("memory:")
    ledger = Ledger(settings)
    assert dict(ledger.env) == settings.to_env()


# ---- describe ------------------------------------------------------------------------------


def test_describe_says_where_the_events_are_without_the_password() -> None:
    settings = parse_store("postgresql://ledger:s3cret-pw@db.example:6543/station?schema=cz")
    text = settings.describe()
    assert text == "PostgreSQL ledger@db.example:6543/station schema cz"
    assert "s3cret-pw" not in text
    assert "s3cret-pw" not in repr(settings)
    assert "s3cret-pw" not in str(settings)


def test_describe_hides_the_cipher_key_from_repr() -> None:
    settings = parse_store("memory:", cipher_key="secret-key-material")
    assert "secret-key-material" not in repr(settings)


def test_describe_of_each_kind(tmp_path: Path) -> None:
    assert "in memory" in parse_store("memory:").describe()
    assert "SQLite in memory" in parse_store("sqlite::memory:").describe()
    path = tmp_path / "station.db"
    assert parse_store(f"sqlite://{path}").describe() == f"SQLite file {path}"
    assert parse_store("postgresql://u@h/db").describe() == "PostgreSQL u@h:5432/db"


# ---- helpers -----------------------------------------------------------------------------


def _event_count(path: Path) -> int:
    with closing(sqlite3.connect(path)) as conn:
        (count,) = conn.execute("SELECT COUNT(*) FROM stored_events").fetchone()
    return int(count)


@pytest.mark.parametrize("typo", ["memory", "postgresql:db", "postgres:", "sqlite", "MEMORY"])
def test_a_mistyped_url_is_refused_not_created_as_a_file(
    typo: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(StoreError, match="mistyped"):
        parse_store(typo)
    assert list(tmp_path.iterdir()) == []


def test_sqlalchemy_style_four_slash_urls_name_an_absolute_path() -> None:
    assert parse_store("sqlite:////srv/station.db").sqlite_path == "/srv/station.db"
    assert parse_store("sqlite:///srv/station.db").sqlite_path == "/srv/station.db"


@pytest.mark.parametrize("store", ["memory:", "sqlite::memory:", ":memory:"])
def test_a_store_in_memory_cannot_be_opened_read_only(store: str) -> None:
    with pytest.raises(StoreError, match="in memory"):
        parse_store(store, read_only=True)


def test_read_only_settings_create_nothing(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no ledger"):
        parse_store(str(tmp_path / "missing.db"), read_only=True).to_env()
    path = tmp_path / "there.db"
    path.write_bytes(b"")
    env = parse_store(str(path), read_only=True).to_env()
    assert env["CREATE_TABLE"] == "n"
    assert env["SQLITE_DBNAME"].endswith("?mode=ro")
