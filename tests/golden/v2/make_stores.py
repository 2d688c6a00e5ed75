"""Make the golden stores of the second generation: a station year recorded by the store
format with cipher metadata, subject keys and canonical text.

The stores under ``tests/golden/v2/`` were made by this script with the ledger's code at the
commit that added them (the store as it is after the read-only, key-check and erasure work:
metadata pinned at creation, per-person keys, statements read from the log). Besides the
first generation's year, they hold an individual donor's gift and an erased volunteer.
Tests open them with later code and check that they read, verify and report as this code
reported them (the ``*.expected.json`` files, also written by it).

Run with the code of a later version, the script makes stores of that version's format:
it is kept to say how the files were made, not to be run again over them.

    python tests/golden/make_stores.py OUT_DIR [POSTGRES_URL_WITHOUT_SCHEMA]
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from sgz_ledger import Ledger
from sgz_ledger.cli import main


def _golden_year() -> Callable[[Ledger], None]:
    """``record_demo_year`` of ``tests/golden/golden_year.py``: the funds' year these stores
    hold, loaded by path (this script runs on its own as well as from the tests)."""
    path = Path(__file__).resolve().parents[1] / "golden_year.py"
    spec = importlib.util.spec_from_file_location("golden_year", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    record: Callable[[Ledger], None] = module.record_demo_year
    return record


record_demo_year = _golden_year()

# Test keys only: they protect nothing but these fixtures.
CIPHER_KEY = "ZmVkY2JhOTg3NjU0MzIxMGZlZGNiYTk4NzY1NDMyMTA="  # 32 bytes, base64
CHAIN_KEY = "golden-chain-key-for-tests-only"
CST = dt.timezone(dt.timedelta(hours=8))


class Clock:
    def __init__(self) -> None:
        self.now = dt.datetime(2025, 1, 15, 1, 0, tzinfo=dt.UTC)

    def __call__(self) -> dt.datetime:
        self.now += dt.timedelta(seconds=1)
        return self.now


def record_volunteers(ledger: Ledger) -> None:
    day = dt.date(2024, 3, 1)
    ledger.set_station_policy(
        station_id="cuizhai",
        name="崔寨街道社工站",
        bank_automatic=False,
        actor="站长",
        occurred_on=day,
    )
    people = [
        ("V-0001", "张丽", "13900000001", "370102199001011234", "女", dt.date(1990, 1, 1)),
        ("V-0002", "王强", "13900000002", "37010219850505123X", "男", dt.date(1985, 5, 5)),
        ("V-0003", "李梅", "13900000003", "", "女", None),
    ]
    for vid, name, phone, id_number, gender, born in people:
        ledger.register_volunteer(
            volunteer_id=vid,
            station_id="cuizhai",
            name=name,
            phone=phone,
            id_number=id_number,
            gender=gender,
            birth_date=born,
            registered_on=day,
            consent=True,
            team="红马甲服务队",
            actor="王芳",
            occurred_on=day,
        )
    ledger.publish_activity(
        activity_id="A-0302",
        station_id="cuizhai",
        name="敬老院探访",
        community="崔寨村",
        place="崔寨敬老院",
        organizer="崔寨街道社工站",
        leader="刘军",
        starts_at=dt.datetime(2024, 3, 2, 9, tzinfo=CST),
        ends_at=dt.datetime(2024, 3, 2, 17, tzinfo=CST),
        actor="王芳",
        occurred_on=day,
    )
    ledger.publish_activity(
        activity_id="T-0310",
        station_id="cuizhai",
        name="志愿者培训",
        category="training",
        starts_at=dt.datetime(2024, 3, 10, 9, tzinfo=CST),
        ends_at=dt.datetime(2024, 3, 10, 11, tzinfo=CST),
        actor="王芳",
        occurred_on=day,
    )
    on = dt.date(2024, 3, 2)
    ledger.record_service(
        record_id="R-1",
        volunteer_id="V-0001",
        activity_id="A-0302",
        started_at=dt.datetime(2024, 3, 2, 9, tzinfo=CST),
        ended_at=dt.datetime(2024, 3, 2, 11, 30, tzinfo=CST),
        content="陪伴老人",
        actor="王芳",
        occurred_on=on,
    )
    ledger.record_service(
        record_id="R-2",
        volunteer_id="V-0002",
        activity_id="A-0302",
        duration_s=12_345,
        service_date=on,
        content="整理房间",
        actor="王芳",
        occurred_on=on,
    )
    ledger.record_service(
        record_id="R-3",
        volunteer_id="V-0003",
        activity_id="A-0302",
        duration_minutes=90,
        service_date=on,
        actor="王芳",
        occurred_on=on,
    )
    ledger.record_service(
        record_id="R-4",
        volunteer_id="V-0001",
        activity_id="T-0310",
        duration_s=7200,
        service_date=dt.date(2024, 3, 10),
        actor="王芳",
        occurred_on=dt.date(2024, 3, 10),
    )
    later = dt.date(2024, 3, 12)
    for vid, rid in (("V-0001", "R-1"), ("V-0002", "R-2"), ("V-0003", "R-3"), ("V-0001", "R-4")):
        ledger.approve_service(volunteer_id=vid, record_id=rid, actor="刘军", occurred_on=later)
    ledger.correct_service(
        volunteer_id="V-0002",
        record_id="R-2",
        correction_id="C-1",
        duration_s=10_800,
        reason="签到表核对",
        requested_by="王强",
        actor="刘军",
        occurred_on=later,
    )
    ledger.void_service(
        volunteer_id="V-0003", record_id="R-3", reason="重复登记", actor="刘军", occurred_on=later
    )
    for vid, rid in (("V-0001", "R-1"), ("V-0002", "R-2")):
        ledger.bank_hours(volunteer_id=vid, record_id=rid, actor="王芳", occurred_on=later)
    ledger.redeem_hours(
        volunteer_id="V-0001",
        redemption_id="X-1",
        credit_s=3600,
        item="理发服务",
        counterparty="爱心理发店",
        approver="站长",
        actor="王芳",
        occurred_on=later,
    )
    ledger.transfer_hours(
        volunteer_id="V-0002",
        transfer_id="TR-1",
        to_volunteer_id="V-0003",
        credit_s=1800,
        reason="家庭成员互助",
        actor="王芳",
        occurred_on=later,
    )
    ledger.correct_volunteer_profile(
        volunteer_id="V-0003",
        correction_id="P-1",
        field="phone",
        value="13900000033",
        reason="换号",
        actor="王芳",
        occurred_on=later,
    )
    ledger.issue_certificate(
        volunteer_id="V-0001",
        certificate_no="CZ-2024-001",
        period_from=dt.date(2024, 1, 1),
        period_to=dt.date(2024, 12, 31),
        issuing_station="崔寨街道社工站",
        actor="站长",
        occurred_on=dt.date(2025, 1, 10),
    )


def record_people(ledger: Ledger) -> None:
    """An individual donor's gift, and a volunteer who asked to be erased."""
    ledger.receive_cash(
        fund_id="cz-cuizhai",
        receipt_no="SX2024-P001",
        amount="200.00",
        donor="赵秀英",
        donor_is_person=True,
        restriction="助老",
        actor="陈晓",
        occurred_on=dt.date(2024, 11, 2),
    )
    ledger.erase_personal_data(
        volunteer_id="V-0003",
        reason="本人申请删除个人信息",
        requested_by="本人",
        actor="王芳",
        occurred_on=dt.date(2025, 1, 12),
    )


def make(store: str, *, cipher_key: str = "", chain_key: str = "") -> None:
    ledger = Ledger(store, cipher_key=cipher_key, chain_key=chain_key, clock=Clock())
    try:
        record_demo_year(ledger)
        record_volunteers(ledger)
        record_people(ledger)
        ledger.catch_up_views()
    finally:
        ledger.close()


def expected(store: str, out: Path, *, cipher: Path | None, chain: Path | None) -> None:
    """What the CLI of this version prints for the store (``--json``), by command."""
    import contextlib
    import io

    base = ["--store", store]
    if cipher is not None:
        base += ["--cipher-key-file", str(cipher)]
    if chain is not None:
        base += ["--chain-key-file", str(chain)]
    commands = {
        "balances": ["balances", "--json"],
        "balances_as_of": ["balances", "--as-of", "2024-06-30", "--json"],
        "statement": ["statement", "--fund", "cz-cuizhai", "--json"],
        "disclosure": [
            "disclosure",
            "--fund",
            "cz-cuizhai",
            "--from",
            "2024-01-01",
            "--to",
            "2024-12-31",
            "--json",
        ],
        "donors": ["donors", "--json"],
        "report": ["report", "--year", "2024", "--json"],
        "volunteers": ["volunteers", "--json"],
        "verify": ["verify", "--json"],
        "anchor": ["anchor", "--json"],
        "audit": ["audit", "--json"],
    }
    found: dict[str, object] = {}
    for name, argv in commands.items():
        buffer = io.StringIO()
        with contextlib.redirect_stdout(buffer):
            code = main(base + argv)
        found[name] = {"exit": code, "output": json.loads(buffer.getvalue())}
    out.write_text(json.dumps(found, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def main_(out_dir: str, pg: str | None) -> None:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    cipher = out / "golden.cipher.key"
    chain = out / "golden.chain.key"
    cipher.write_text(CIPHER_KEY + "\n", encoding="utf-8")
    chain.write_text(CHAIN_KEY + "\n", encoding="utf-8")
    plain = out / "v2-plain.db"
    keyed = out / "v2-keyed.db"
    make(str(plain))
    make(str(keyed), cipher_key=CIPHER_KEY, chain_key=CHAIN_KEY)
    expected(str(plain), out / "v2-plain.expected.json", cipher=None, chain=None)
    expected(str(keyed), out / "v2-keyed.expected.json", cipher=cipher, chain=chain)
    for path in (plain, keyed):  # one file each: the WAL folded in (the file stays in WAL mode)
        import sqlite3

        con = sqlite3.connect(path)
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        con.close()
    if pg is None:
        return
    import psycopg

    for schema, kwargs, name in (
        ("golden_v2_plain", {}, "v2-plain"),
        ("golden_v2_keyed", {"cipher_key": CIPHER_KEY, "chain_key": CHAIN_KEY}, "v2-keyed"),
    ):
        with psycopg.connect(pg.replace("postgresql://", "postgresql://", 1)) as conn:
            conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
            conn.execute(f'CREATE SCHEMA "{schema}"')
        url = f"{pg}?schema={schema}"
        make(url, **kwargs)
        dump = subprocess.run(  # noqa: S603 - a fixed command line of our own
            ["pg_dump", "--inserts", "--no-owner", "--no-privileges", f"--schema={schema}", pg],  # noqa: S607
            check=True,
            capture_output=True,
        ).stdout
        (out / f"{name}.pg.sql").write_bytes(dump)
        keyed_ = bool(kwargs)
        expected(
            url,
            out / f"{name}.pg.expected.json",
            cipher=cipher if keyed_ else None,
            chain=chain if keyed_ else None,
        )
        with psycopg.connect(pg) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


if __name__ == "__main__":
    main_(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else None)
