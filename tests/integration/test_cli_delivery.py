"""Service delivery from the command line on a SQLite file: sheets imported with ``sgz-ledger
import``, the year's figures with ``sgz-ledger delivery``, and the annual report's section.

The example reproduces what a station's year-end report says of its groups and its
supervision: "小组5个,服务次数21次,服务人次共计199人次" and "督导23次,督导时长合计72小时".
Then the forger's try: finding a served person in the store's file, before and after their
erasure.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
from pathlib import Path

import pytest
from eventsourcing.cipher import AESCipher

from sgz_ledger import Ledger
from sgz_ledger.cli import EXIT_OK, EXIT_USAGE, main
from sgz_ledger.storage.sealing import PersonalDataInClearWarning

pytestmark = pytest.mark.filterwarnings(
    f"ignore::{PersonalDataInClearWarning.__module__}.{PersonalDataInClearWarning.__name__}"
)

RESIDENT = "370102195001011234"  # a resident's number, as a sign-in sheet lists it


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


def group_sheet() -> str:
    """5 groups, 21 sessions (5 + 4 + 4 + 4 + 4), 199 人次 (20 sessions of 9, one of 19)."""
    lines = ["小组编号,小组名称,主题,节次,日期,开始时间,结束时间,参与人数,参与者标识"]
    counts = [9] * 20 + [19]
    n = 0
    for g, sessions in enumerate((5, 4, 4, 4, 4), start=1):
        for s in range(1, sessions + 1):
            day = dt.date(2024, 3, 1) + dt.timedelta(days=7 * s)
            who = RESIDENT if n == 0 else ""
            lines.append(
                f"G{g},小组{g},长者,{s},{day.isoformat()},09:00:00,10:30:00,{counts[n]},{who}"
            )
            n += 1
    assert (n, sum(counts)) == (21, 199)
    return "\n".join(lines) + "\n"


def supervision_sheet() -> str:
    """23 supervisions, 72 hours: 22 of 3 hours and one of 6."""
    lines = ["督导编号,类型,日期,次数,时长分钟,督导人"]
    for n in range(23):
        minutes = 360 if n == 0 else 180
        day = dt.date(2024, 1, 10) + dt.timedelta(days=14 * n)
        lines.append(f"D{n + 1:02d},督导,{day.isoformat()},1,{minutes},外聘督导")
    return "\n".join(lines) + "\n"


@pytest.fixture
def keyed(tmp_path: Path) -> tuple[Path, str, list[str]]:
    key = AESCipher.create_key(16)
    key_file = tmp_path / "cipher.key"
    key_file.write_text(key + "\n", encoding="utf-8")
    store = tmp_path / "station.db"
    return store, key, ["--store", str(store), "--cipher-key-file", str(key_file)]


def test_the_year_end_figures_from_sheets(tmp_path: Path) -> None:
    store = str(tmp_path / "station.db")
    groups, supervision = tmp_path / "小组.csv", tmp_path / "督导.csv"
    groups.write_bytes(group_sheet().encode("gb18030"))  # saved from a Chinese Excel
    supervision.write_text(supervision_sheet(), encoding="utf-8-sig")
    for sheet in (groups, supervision):
        code, out, err = run("--store", store, "import", str(sheet), "--station", "cz")
        assert code == EXIT_OK, err

    code, out, _ = run("--store", store, "delivery", "--year", "2024", "--station", "cz", "--json")
    assert code == EXIT_OK
    figures = json.loads(out)
    # 小组5个,服务次数21次,服务人次共计199人次
    assert (figures["groups"], figures["group_sessions"], figures["group_person_times"]) == (
        5,
        21,
        199,
    )
    # 督导23次,督导时长合计72小时
    assert (figures["supervision_count"], figures["supervision_hours"]) == (23, "72.00")
    assert figures["supervision_s"] == 72 * 3600
    assert (figures["person_times"], figures["distinct_people"]) == (199, 1)

    code, out, _ = run("--store", store, "delivery", "--year", "2024")
    assert code == EXIT_OK
    assert "服务人次 person-times" in out
    assert "72.00" in out
    code, out, _ = run("--store", store, "report", "--year", "2024", "--station", "cz", "--json")
    assert code == EXIT_OK
    assert json.loads(out)["service_delivery"]["group_person_times"] == 199
    code, out, _ = run("--store", store, "report", "--year", "2024", "--station", "cz")
    assert "服务开展 Service delivery" in out

    code, _, err = run("--store", store, "delivery", "--year", "2024", "--station", "nowhere")
    assert code == EXIT_USAGE
    assert "nowhere" in err
    code, _, _ = run("--store", store, "delivery", "--year", "24")
    assert code == EXIT_USAGE


def test_a_bad_sheet_records_nothing(tmp_path: Path) -> None:
    store = str(tmp_path / "station.db")
    sheet = tmp_path / "小组.csv"
    text = group_sheet().replace(",19,", ",abc,")
    sheet.write_text(text, encoding="utf-8")
    code, _, err = run("--store", store, "import", str(sheet), "--station", "cz")
    assert code == EXIT_USAGE
    assert "line 22" in err
    ledger = Ledger(store, read_only=True)
    try:
        assert ledger.log_position() == 0
    finally:
        ledger.close()


def _files(store: Path) -> bytes:
    return b"".join(p.read_bytes() for p in store.parent.glob(store.name + "*"))


def test_a_served_person_cannot_be_found_in_the_store_file(
    tmp_path: Path, keyed: tuple[Path, str, list[str]]
) -> None:
    """The forger holds a copy of the store's file (not its key) and the resident's number."""
    store, key, options = keyed
    sheet = tmp_path / "小组.csv"
    sheet.write_text(group_sheet(), encoding="utf-8")
    code, _, err = run(*options, "import", str(sheet), "--station", "cz")
    assert code == EXIT_OK, err
    ledger = Ledger(str(store), cipher_key=key)
    try:
        subject = ledger.sealer.served_subject(RESIDENT)
        [key_id] = ledger.subject_keys.key_ids(subject)
        raw = _files(store)
        # The number is nowhere, in any form the forger could compute without the key.
        assert RESIDENT.encode() not in raw
        assert RESIDENT.encode("utf-16-le") not in raw
        unkeyed = Ledger("memory:").sealer.served_subject(RESIDENT)  # a store without a key
        assert unkeyed.encode() not in raw
        before = ledger.delivery_report(
            date_from=dt.date(2024, 1, 1), date_to=dt.date(2024, 12, 31)
        )
        ledger.erase_served_person(
            station_id="cz", served_person=RESIDENT, reason="本人申请删除", requested_by="本人",
            actor="站长", occurred_on=dt.date(2024, 12, 1),
        )  # fmt: skip
        # Erased: with the key itself, nothing leads from the number to a session any more.
        assert not list(ledger.subject_keys.key_ids(subject))
        assert not ledger.subject_keys.stored(key_id)
        assert subject.encode() not in _files(store)
        after = ledger.delivery_report(date_from=dt.date(2024, 1, 1), date_to=dt.date(2024, 12, 31))
        assert after == before  # still 199 人次 and one person served
    finally:
        ledger.close()
    code, out, _ = run(*options, "trail", "--actor", "站长")
    assert code == EXIT_OK
    assert "服务对象信息删除" in out
    assert RESIDENT not in out


def test_erase_a_served_person_from_the_command_line(tmp_path: Path) -> None:
    store = str(tmp_path / "station.db")
    sheet = tmp_path / "小组.csv"
    sheet.write_text(group_sheet(), encoding="utf-8")
    assert run("--store", store, "import", str(sheet), "--station", "cz")[0] == EXIT_OK
    erase = ("--store", store, "erase", "--served", RESIDENT, "--reason", "本人申请删除")
    code, _, err = run(*erase, "--requested-by", "本人", "--on", "2024-12-01")
    assert code == EXIT_USAGE  # which station takes the request
    assert "--station" in err
    code, out, err = run(*erase, "--station", "cz", "--requested-by", "本人", "--on", "2024-12-01")
    assert code == EXIT_OK, err
    assert "服务对象信息已删除" in out
    assert RESIDENT not in out
    code, _, err = run(*erase, "--station", "cz", "--requested-by", "本人", "--on", "2024-12-01")
    assert code == EXIT_USAGE  # found no more
    assert RESIDENT not in err
    code, out, _ = run("--store", store, "delivery", "--year", "2024", "--json")
    assert json.loads(out)["distinct_people"] == 1
