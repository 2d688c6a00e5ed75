"""``sgz-ledger erase``: one line of what was done; 0 done, 2 an unknown volunteer or bad input.

Driven as a station would: a store recorded through the library, then the command on a
SQLite file (with and without a cipher key file) and on PostgreSQL. Afterwards the store
holds none of the volunteer's personal data or key, while ``report`` prints the same
figures and ``verify`` still finds the chain intact.
"""

from __future__ import annotations

import contextlib
import io
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from eventsourcing.cipher import AESCipher

from conftest import FixedClock
from erasure_support import (
    ID_NUMBER,
    NAME,
    NEW_PHONE,
    NOW,
    PHONE,
    V1,
    found,
    record_station,
    store_bytes,
)
from sgz_ledger import Ledger
from sgz_ledger.cli import EXIT_OK, EXIT_USAGE, main
from sgz_ledger.storage.sealing import PersonalDataSealer

pytestmark = pytest.mark.filterwarnings(
    "ignore::sgz_ledger.storage.sealing.PersonalDataInClearWarning"
)

GOLDEN = Path(__file__).parent.parent / "golden"


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


def without_anchors(value: Any) -> Any:
    """``value`` (parsed JSON) without its anchors, which move with every event."""
    if isinstance(value, dict):
        return {k: without_anchors(v) for k, v in value.items() if k != "anchor"}
    if isinstance(value, list):
        return [without_anchors(v) for v in value]
    return value


@pytest.fixture(params=["sqlite-file", "sqlite-file-key", "postgres"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[str, list[str]]:
    """A recorded station: its store and the options that open it."""
    key = ""
    if request.param == "postgres":
        url = str(request.getfixturevalue("pg_url"))
    else:
        url = str(tmp_path / "station.db")
    options = ["--store", url]
    if request.param == "sqlite-file-key":
        key = AESCipher.create_key(16)
        key_file = tmp_path / "cipher.key"
        key_file.write_text(key + "\n", encoding="utf-8")
        options += ["--cipher-key-file", str(key_file)]
    ledger = Ledger(url, cipher_key=key, clock=FixedClock(NOW))
    try:
        record_station(ledger)
    finally:
        ledger.close()
    return url, options


def test_erase_prints_one_line_and_leaves_every_figure(store: tuple[str, list[str]]) -> None:
    url, options = store
    code, report_before, _ = run(*options, "report", "--year", "2024", "--json")
    assert code == EXIT_OK
    key_file = options[options.index("--cipher-key-file") + 1] if len(options) > 2 else None
    cipher_key = Path(key_file).read_text().strip() if key_file else ""
    ledger = Ledger(url, cipher_key=cipher_key)
    sealed = ledger.volunteer(V1).state.personal_sealed
    key = ledger.subject_keys.get(PersonalDataSealer.key_id(sealed) or b"")
    ledger.close()
    assert key is not None

    code, out, err = run(
        *options, "erase", "--volunteer", V1, "--reason", "本人申请删除", "--requested-by", "本人",
        "--entered-by", "王芳", "--on", "2025-01-14",
    )  # fmt: skip

    assert (code, err) == (EXIT_OK, "")
    assert out.count("\n") == 1
    assert out.startswith(f"{V1}: 个人信息已删除 personal data erased")
    assert "1 个密钥已销毁 key destroyed" in out
    assert f"已删除 erased {V1}" in out
    ledger = Ledger(url, cipher_key=cipher_key)
    try:
        data = store_bytes(ledger, url)
        assert found(data, NAME, PHONE, NEW_PHONE, ID_NUMBER) == []
        assert key.key not in data
    finally:
        ledger.close()
    code, report_after, _ = run(*options, "report", "--year", "2024", "--json")
    assert code == EXIT_OK
    assert without_anchors(json.loads(report_after)) == without_anchors(json.loads(report_before))
    assert json.loads(report_after) != json.loads(report_before)  # the anchor moved on
    code, out, _ = run(*options, "verify")
    assert code == EXIT_OK

    code, out, err = run(*options, "erase", "--volunteer", V1, "--reason", "再次申请",
                         "--requested-by", "本人", "--entered-by", "王芳")  # fmt: skip
    assert (code, err) == (EXIT_OK, "")
    assert "was already erased on 2025-01-14; nothing new recorded" in out


def test_erase_refuses_an_unknown_volunteer_and_bad_input(tmp_path: Path) -> None:
    db = tmp_path / "station.db"
    ledger = Ledger(str(db), clock=FixedClock(NOW))
    record_station(ledger)
    ledger.close()
    before = db.read_bytes()
    base = ["--store", str(db), "erase", "--reason", "本人申请", "--requested-by", "本人"]
    code, out, err = run(*base, "--volunteer", "V-9999")
    assert (code, out) == (EXIT_USAGE, "")
    assert err == "sgz-ledger: error: volunteer 'V-9999' not found\n"
    code, out, err = run(*base, "--volunteer", V1, "--requested-by", NAME)
    assert (code, out) == (EXIT_USAGE, "")
    assert "requested_by" in err
    assert "Traceback" not in err
    code, _, err = run("--store", str(db), "erase", "--volunteer", V1, "--requested-by", "本人")
    assert code == EXIT_USAGE
    assert "--reason" in err
    code, _, err = run(*base, "--volunteer", V1, "--on", "2025-1-14")
    assert code == EXIT_USAGE
    assert "YYYY-MM-DD" in err
    assert db.read_bytes() == before
    code, _, err = run("--store", str(tmp_path / "none.db"), "erase", "--volunteer", V1,
                       "--reason", "x", "--requested-by", "本人")  # fmt: skip
    assert code == EXIT_USAGE
    assert not (tmp_path / "none.db").exists()


def test_erase_on_a_store_written_before_subject_keys_says_what_stays(tmp_path: Path) -> None:
    db = tmp_path / "legacy-plain.db"
    shutil.copy(GOLDEN / "legacy-plain.db", db)
    code, out, err = run("--store", str(db), "erase", "--volunteer", "V-0003", "--reason",
                         "本人申请", "--requested-by", "本人", "--entered-by", "王芳",
                         "--on", "2025-01-14")  # fmt: skip
    assert (code, err) == (EXIT_OK, "")
    assert "V-0003: 个人信息已删除 personal data erased" in out
    assert "key destroyed" not in out
    assert "2 条旧格式记录仍在存储中 events sealed before per-person keys stay in the store" in out
