"""An encrypted store keeps nothing personal in clear, in its events or in its views.

A station's year (the demo's funds, and volunteers with names, phones and ID numbers) is
recorded with a cipher key; the views are caught up and every report and export is made,
as a station would. Then the raw bytes of the SQLite file and of any WAL beside it, and
every row of every table of the PostgreSQL schema, are searched for the UTF-8 of each
person named: donors, payees, recipients, buyers, actors, approvers, volunteers (and
their phones and ID numbers). None may be there. And without the key, a statement, a
disclosure, the donor summary, the annual report and the CSV export are refused with a
``StoreError`` (the CLI: exit 2 with a sentence), never answered.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from eventsourcing.cipher import AESCipher

from conftest import PG_DB, PG_HOST, PG_PORT, PG_USER, FixedClock
from sgz_ledger import Ledger
from sgz_ledger.audit.export import write_export
from sgz_ledger.cli import EXIT_USAGE, main
from sgz_ledger.demo import record_demo_year
from sgz_ledger.domain.errors import StoreError
from sgz_ledger.domain.events import FundEvent, VolunteerRegistered

KEY = AESCipher.create_key(32)


def after_the_year() -> FixedClock:
    """Recording starts after the year recorded (service cannot be in the future)."""
    return FixedClock(dt.datetime(2025, 1, 2, tzinfo=dt.UTC))


CST = dt.timezone(dt.timedelta(hours=8))
VOLUNTEERS = (
    ("V-01", "欧阳小红", "13912345601", "370102199203041234"),
    ("V-02", "司马建国", "13912345602", "37010219870605123X"),
)
# Fields of the fund events that name a person (or a giver or payee who may be one).
PERSON_FIELDS = ("donor", "payee", "recipient", "buyer", "actor", "signed_off_by", "approver")


def record_year(ledger: Ledger) -> None:
    record_demo_year(ledger)
    day = dt.date(2024, 3, 1)
    for vid, name, phone, id_number in VOLUNTEERS:
        ledger.register_volunteer(
            volunteer_id=vid,
            station_id="cuizhai",
            name=name,
            phone=phone,
            id_number=id_number,
            registered_on=day,
            consent=True,
            actor="陈晓",
            occurred_on=day,
        )
    ledger.publish_activity(
        activity_id="A-1",
        station_id="cuizhai",
        name="敬老院探访",
        community="崔寨村",
        place="崔寨敬老院",
        organizer="崔寨街道社工站",
        leader="刘洋",
        starts_at=dt.datetime(2024, 3, 2, 9, tzinfo=CST),
        ends_at=dt.datetime(2024, 3, 2, 17, tzinfo=CST),
        actor="陈晓",
        occurred_on=day,
    )
    for n, (vid, *_) in enumerate(VOLUNTEERS, start=1):
        ledger.record_service(
            record_id=f"R-{n}",
            volunteer_id=vid,
            activity_id="A-1",
            duration_s=3600 * n,
            service_date=dt.date(2024, 3, 2),
            actor="陈晓",
            occurred_on=dt.date(2024, 3, 2),
        )
        ledger.approve_service(
            volunteer_id=vid, record_id=f"R-{n}", actor="刘洋", occurred_on=dt.date(2024, 3, 3)
        )


def fund_people(ledger: Ledger) -> set[str]:
    """Every person the funds' events name (read with the key)."""
    found = {
        getattr(event, field)
        for event in ledger.stored_events()
        if isinstance(event, FundEvent)
        for field in PERSON_FIELDS
        if isinstance(getattr(event, field, None), str)
    }
    found.discard("")
    # A redemption in goods hands them to the volunteer by code (CZV-009): a code, which
    # every volunteer event carries in clear, not a name.
    return found - {
        event.volunteer_id
        for event in ledger.stored_events()
        if isinstance(event, VolunteerRegistered)
    }


def people(ledger: Ledger) -> list[str]:
    """Every person the recorded year names, and the volunteers' personal data."""
    return sorted(fund_people(ledger) | {text for _, *data in VOLUNTEERS for text in data})


def use_everything(ledger: Ledger) -> None:
    """What a station does with its store: every report, every export, an audit."""
    ledger.catch_up_views()
    ledger.balances()
    ledger.balances(as_of=dt.date(2024, 6, 30))
    for fund in ledger.balances():
        ledger.statement(fund.fund_id)
        ledger.disclosure(fund.fund_id, from_day=dt.date(2024, 1, 1), to_day=dt.date(2024, 12, 31))
    ledger.donor_summary()
    ledger.annual_report(2024)
    for fmt in ("csv", "jsonl", "hledger"):
        write_export(ledger, fmt, io.StringIO())  # type: ignore[arg-type]


def refused_without_the_key(store: str) -> None:
    """Each read of the funds' events, without the key, is a StoreError, not an answer."""
    asks = (
        lambda ledger: ledger.statement("cz-cuizhai"),
        lambda ledger: ledger.disclosure(
            "cz-cuizhai", from_day=dt.date(2024, 1, 1), to_day=dt.date(2024, 12, 31)
        ),
        lambda ledger: ledger.donor_summary(),
        lambda ledger: ledger.annual_report(2024),
        lambda ledger: write_export(ledger, "csv", io.StringIO()),
    )
    for ask in asks:
        with pytest.raises(StoreError, match="key"):
            _ask_without_the_key(store, ask)


def _ask_without_the_key(store: str, ask: Any) -> None:
    ledger = Ledger(store, create=False)  # refused here, or when the events are read
    try:
        ask(ledger)
    finally:
        ledger.close()


@pytest.mark.filterwarnings("ignore::sgz_ledger.storage.sealing.PersonalDataInClearWarning")
def test_an_encrypted_sqlite_file_holds_no_name_in_clear(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "station.db"
    ledger = Ledger(str(path), cipher_key=KEY, clock=after_the_year())
    try:
        record_year(ledger)
        use_everything(ledger)
        names = people(ledger)
        statement = ledger.statement("cz-cuizhai")
        assert any(line.counterparty for line in statement.lines)  # names are shown, with the key
    finally:
        ledger.close()
    assert len(names) > 10
    files = sorted(tmp_path.glob("station.db*"))
    held = b"".join(f.read_bytes() for f in files)
    assert [n for n in names if n.encode("utf-8") in held] == []
    # The search finds what is there: the same year without a key leaves the funds' names
    # in clear.
    clear = tmp_path / "clear.db"
    control = Ledger(str(clear), clock=after_the_year())
    record_year(control)
    in_funds = fund_people(control)
    control.close()
    assert in_funds
    assert all(n.encode("utf-8") in clear.read_bytes() for n in in_funds)
    # The same store read without the key: refused, by the library and by the CLI.
    refused_without_the_key(str(path))
    for argv in (
        ["statement", "--fund", "cz-cuizhai"],
        ["donors"],
        ["report", "--year", "2024"],
        ["export", "--format", "csv", "-o", str(tmp_path / "out.csv")],
    ):
        code = main(["--store", str(path), *argv])
        _, err = capsys.readouterr()
        assert code == EXIT_USAGE, argv
        assert "key" in err, argv
        assert "Traceback" not in err


def _pg_rows(schema: str) -> Iterator[Any]:
    import psycopg

    with psycopg.connect(host=PG_HOST, port=PG_PORT, dbname=PG_DB, user=PG_USER) as conn:
        tables = [
            row[0]
            for row in conn.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = %s",
                (schema,),
            )
        ]
        assert "funds" in tables
        assert "fund_checkpoints" in tables
        for table in tables:
            for row in conn.execute(f'SELECT * FROM "{schema}"."{table}"'):  # type: ignore[call-overload]
                yield from row


def test_an_encrypted_postgres_schema_holds_no_name_in_clear(pg_url: str) -> None:
    ledger = Ledger(pg_url, cipher_key=KEY, clock=after_the_year())
    try:
        record_year(ledger)
        use_everything(ledger)
        names = people(ledger)
    finally:
        ledger.close()
    schema = pg_url.rsplit("schema=", 1)[1]
    values = list(_pg_rows(schema))
    texts = [v for v in values if isinstance(v, str)]
    blobs = [bytes(v) for v in values if isinstance(v, bytes | memoryview)]
    leaked = [
        n
        for n in names
        if any(n in text for text in texts) or any(n.encode("utf-8") in b for b in blobs)
    ]
    assert leaked == []
    refused_without_the_key(pg_url)
