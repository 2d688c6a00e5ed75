"""Shared by the erasure tests: a station year with volunteers, its figures, and a store dump.

``record_station`` records a year of volunteers (three of them, one with distinctive
personal data and a corrected phone, service, the time bank, a certificate) beside the demo
station's funds, through the public Ledger API. ``figures`` is every figure a report
quotes, without the anchor (which moves with every event). ``store_bytes`` is everything a
store holds, as bytes to search: the SQLite files (database, WAL, shared memory), or every
row of every table of the PostgreSQL schema or the in-memory database.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import msgspec

from sgz_ledger import Ledger
from sgz_ledger.demo import record_demo_year
from sgz_ledger.reports.volunteers import Period

NOW = dt.datetime(2025, 1, 15, 2, 0, tzinfo=dt.UTC)
CST = dt.timezone(dt.timedelta(hours=8))
STATION = "cuizhai"
V1, V2, V3 = "V-0001", "V-0002", "V-0003"
# V1's personal data: distinctive, so that finding its bytes cannot be a coincidence.
NAME = "欧阳青青"
PHONE = "13987654321"
NEW_PHONE = "15912340987"
ID_NUMBER = "11010119900307123X"
V2_NAME, V2_PHONE = "司马光明", "13800000002"
CLERK, APPROVER, MANAGER = "王芳", "刘军", "站长"
CERTIFICATE = "CZ-2024-001"


def at(month: int, day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2024, month, day, hour, minute, tzinfo=CST)


def record_station(ledger: Ledger) -> None:
    """The demo station's funds and a year of three volunteers."""
    record_demo_year(ledger)
    day = dt.date(2024, 3, 1)
    ledger.set_station_policy(station_id=STATION, name="崔寨街道社工站", actor=MANAGER,
                              occurred_on=day)  # fmt: skip
    ledger.register_volunteer(volunteer_id=V1, station_id=STATION, name=NAME, gender="女",
                              birth_date=dt.date(1990, 3, 7), phone=PHONE, id_number=ID_NUMBER,
                              registered_on=day, consent=True, team="红马甲服务队", actor=CLERK,
                              occurred_on=day)  # fmt: skip
    ledger.register_volunteer(volunteer_id=V2, station_id=STATION, name=V2_NAME, phone=V2_PHONE,
                              registered_on=day, consent=False, actor=CLERK,
                              occurred_on=day)  # fmt: skip
    ledger.register_volunteer(volunteer_id=V3, station_id=STATION, name="李梅",
                              registered_on=day, consent=True, actor=CLERK,
                              occurred_on=day)  # fmt: skip
    ledger.publish_activity(activity_id="A-0302", station_id=STATION, name="敬老院探访",
                            community="崔寨村", place="崔寨敬老院", organizer="崔寨街道社工站",
                            leader=APPROVER, starts_at=at(3, 2, 9), ends_at=at(3, 2, 17),
                            actor=CLERK, occurred_on=day)  # fmt: skip
    ledger.publish_activity(activity_id="T-0310", station_id=STATION, name="志愿者培训",
                            category="training", starts_at=at(3, 10, 9), ends_at=at(3, 10, 11),
                            actor=CLERK, occurred_on=day)  # fmt: skip
    served = dt.date(2024, 3, 2)
    ledger.record_service(record_id="R-1", volunteer_id=V1, activity_id="A-0302",
                          started_at=at(3, 2, 9), ended_at=at(3, 2, 11, 30), content="陪伴老人",
                          actor=CLERK, occurred_on=served)  # fmt: skip
    ledger.record_service(record_id="R-2", volunteer_id=V2, activity_id="A-0302",
                          duration_s=12_345, service_date=served, actor=CLERK,
                          occurred_on=served)  # fmt: skip
    ledger.record_service(record_id="R-3", volunteer_id=V3, activity_id="A-0302",
                          duration_minutes=90, service_date=served, actor=CLERK,
                          occurred_on=served)  # fmt: skip
    ledger.record_service(record_id="R-4", volunteer_id=V1, activity_id="T-0310",
                          duration_s=7200, service_date=dt.date(2024, 3, 10), actor=CLERK,
                          occurred_on=dt.date(2024, 3, 10))  # fmt: skip
    later = dt.date(2024, 3, 12)
    for vid, rid in ((V1, "R-1"), (V2, "R-2"), (V3, "R-3"), (V1, "R-4")):
        ledger.approve_service(volunteer_id=vid, record_id=rid, actor=APPROVER, occurred_on=later)
    ledger.correct_volunteer_profile(volunteer_id=V1, correction_id="P-1", field="phone",
                                     value=NEW_PHONE, reason="换号", actor=CLERK,
                                     occurred_on=later)  # fmt: skip
    ledger.bank_hours(volunteer_id=V1, record_id="R-1", actor=CLERK, occurred_on=later)
    ledger.issue_certificate(volunteer_id=V1, certificate_no=CERTIFICATE,
                             period_from=dt.date(2024, 1, 1), period_to=dt.date(2024, 12, 31),
                             issuing_station="崔寨街道社工站", actor=MANAGER,
                             occurred_on=dt.date(2025, 1, 10))  # fmt: skip


def erase(ledger: Ledger, volunteer_id: str = V1, **fields: Any) -> Any:
    """Erase a volunteer as the station would: asked by the volunteer, entered by the clerk."""
    values: dict[str, Any] = {
        "volunteer_id": volunteer_id,
        "reason": "本人申请删除个人信息",
        "requested_by": "本人",
        "actor": CLERK,
        "occurred_on": dt.date(2025, 1, 14),
    }
    values.update(fields)
    return ledger.erase_personal_data(**values)


def figures(ledger: Ledger) -> dict[str, Any]:
    """Every figure the reports quote, as plain values (the anchor, which moves, left out)."""
    report = msgspec.structs.replace(ledger.annual_report(2024), anchor=None)
    return msgspec.to_builtins(
        {
            "report": report,
            "accounts": ledger.volunteer_accounts(),
            "stats": ledger.volunteer_stats(Period.year(2024)),
            "balances": ledger.balances(),
        }
    )


def forms(*values: str) -> list[bytes]:
    """The byte forms a value could sit in a file as: UTF-8 (MessagePack's strings), lower
    case, UTF-16."""
    out = []
    for value in values:
        out += [value.encode(), value.lower().encode(), value.encode("utf-16-le")]
    return out


def found(data: bytes, *values: str) -> list[str]:
    """Which of ``values`` are in ``data`` in any of their forms."""
    return [v for v in values if any(form in data for form in forms(v))]


def sqlite_file_bytes(db: Path) -> bytes:
    """Every byte SQLite keeps for ``db``: the database, its WAL and shared memory, if any."""
    return b"".join(f.read_bytes() for f in sorted(db.parent.glob(db.name + "*")))


def _value_bytes(value: object) -> bytes:
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value)
    return str(value).encode("utf-8")


def _rows_bytes(rows: Any) -> bytes:
    return b"\x1f".join(_value_bytes(v) for row in rows for v in row)


def store_bytes(ledger: Ledger, store_url: str) -> bytes:
    """Everything the store holds, as one byte string to search (see the module docs)."""
    kind = ledger.settings.kind
    if kind == "sqlite" and ledger.settings.sqlite_path != ":memory:":
        return sqlite_file_bytes(Path(ledger.settings.sqlite_path))
    if kind == "postgres":
        return postgres_schema_bytes(ledger.settings.pg_schema)
    if kind == "sqlite":
        parts = []
        with ledger.recorder.datastore.transaction(commit=False) as c:  # type: ignore[attr-defined]
            c.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            for (table,) in [tuple(r) for r in c.fetchall()]:
                c.execute(f'SELECT * FROM "{table}"')
                parts.append(_rows_bytes(c.fetchall()))
        return b"\x1e".join(parts)
    recorder: Any = ledger.recorder
    events = b"".join(s.state for s in recorder._stored_events)
    keys = _rows_bytes(ledger.subject_keys._rows.values())  # type: ignore[attr-defined]
    return events + b"\x1e" + keys


def postgres_schema_bytes(schema: str) -> bytes:
    """Every row of every table of ``schema`` (a dump of the schema's data)."""
    import psycopg

    from conftest import PG_DB, PG_HOST, PG_PORT, PG_USER

    parts = []
    with psycopg.connect(host=PG_HOST, port=PG_PORT, dbname=PG_DB, user=PG_USER) as conn:
        tables = conn.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = %s",
            (schema,),
        ).fetchall()
        assert tables, f"schema {schema} has no tables"
        for (table,) in tables:
            rows = conn.execute(f'SELECT * FROM "{schema}"."{table}"').fetchall()
            parts.append(_rows_bytes(rows))
    return b"\x1e".join(parts)
