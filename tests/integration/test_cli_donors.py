"""Individual donors from a donation register to ``sgz-ledger erase --donor``.

A register's 捐赠人类型 / ``donor_type`` column says which donors are people (个人 / person;
单位 / organisation and an empty cell: an organisation, as a register without the column
has always read). Driven as a station would, on a SQLite file (with and without a cipher
key file) and on PostgreSQL: import the register, read the donors, erase one by name,
then find their name and key nowhere in the store while ``report`` prints the same figures
and ``verify`` finds the chain intact. Bad cells and bad commands are exit 2 and a sentence.
"""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path
from typing import Any

import pytest
from eventsourcing.cipher import AESCipher

from erasure_support import found, store_bytes
from sgz_ledger import Ledger
from sgz_ledger.cli import EXIT_OK, EXIT_USAGE, main
from sgz_ledger.sheets import SheetRefused, import_sheet

pytestmark = pytest.mark.filterwarnings(
    "ignore::sgz_ledger.storage.sealing.PersonalDataInClearWarning"
)

PERSON = "欧阳春晓"
COMPANY = "济南仁和医药有限公司"

FUNDS = """基金,名称,社区,托管机构,审批限额,设立日期
cz-cuizhai,崔寨村社区基金,崔寨村,山东省乡村振兴基金会,5000,2024-01-08
"""
# Chinese headers: two gifts of one person (cash and goods), a company's, an anonymous one
# and a resident whose type cell is empty (an organisation, as before the column).
DONATIONS_ZH = f"""日期,基金,捐赠人,捐赠人类型,类型,金额,物资名称,数量,单位,票据号
2024-03-01,cz-cuizhai,{PERSON},个人,现金,1000.00,,,,JZ-001
2024-03-02,cz-cuizhai,{COMPANY},单位,现金,5000.00,,,,JZ-002
2024-03-03,cz-cuizhai,{PERSON},个人,物资,800.00,书包,20,个,JZ-003
2024-03-03,cz-cuizhai,{PERSON},个人,物资,200.00,文具盒,20,个,JZ-003
2024-03-04,cz-cuizhai,,,现金,300.00,,,,JZ-004
2024-03-05,cz-cuizhai,王秀兰,,现金,100.00,,,,JZ-005
"""
# English headers, the English values.
DONATIONS_EN = """date,fund,donor,donor_type,kind,amount,receipt_no
2024-04-01,cz-cuizhai,Li Weiming,person,cash,50.00,JZ-101
2024-04-02,cz-cuizhai,Acme Ltd,organisation,cash,60.00,JZ-102
"""


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


def without_anchors(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: without_anchors(v) for k, v in value.items() if k != "anchor"}
    if isinstance(value, list):
        return [without_anchors(v) for v in value]
    return value


@pytest.fixture(params=["sqlite-file", "sqlite-file-key", "postgres"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[str, str, list[str]]:
    """A store with the registers imported: its URL, cipher key and the CLI options."""
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
    for n, text in enumerate((FUNDS, DONATIONS_ZH, DONATIONS_EN)):
        sheet = tmp_path / f"sheet-{n}.csv"
        sheet.write_text(text, encoding="utf-8")
        code, _, err = run(*options, "import", str(sheet), "--station", "cuizhai")
        assert (code, err) == (EXIT_OK, "")
    return url, key, options


def test_the_register_says_who_is_a_person(store: tuple[str, str, list[str]]) -> None:
    url, key, _ = store
    ledger = Ledger(url, cipher_key=key, read_only=True)
    try:
        gifts = ledger.fund("cz-cuizhai").state.donations
        people = {no for no, g in gifts.items() if g.donor_sealed is not None}
        assert people == {"JZ-001", "JZ-003", "JZ-101"}
        assert {no: g.donor for no, g in gifts.items() if no not in people} == {
            "JZ-002": COMPANY,
            "JZ-004": None,
            "JZ-005": "王秀兰",
            "JZ-102": "Acme Ltd",
        }
        assert found(store_bytes(ledger, url), PERSON, "Li Weiming") == []
    finally:
        ledger.close()


def test_erase_donor_prints_one_line_and_leaves_every_figure(
    store: tuple[str, str, list[str]],
) -> None:
    url, key, options = store
    code, out, _ = run(*options, "donors", "--donor", PERSON, "--json")
    assert code == EXIT_OK
    [row] = json.loads(out)["donors"]
    assert (row["donor"], row["person"], row["gifts"]) == (PERSON, True, 2)
    assert (row["cash_fen"], row["in_kind_fen"]) == (100_000, 100_000)
    code, out, _ = run(*options, "donors")
    assert f"{PERSON} (个人 individual): 2 笔 gifts" in out
    assert f"{COMPANY}: 1 笔 gifts" in out
    code, report_before, _ = run(*options, "report", "--year", "2024", "--json")
    assert code == EXIT_OK

    code, out, err = run(
        *options, "erase", "--donor", PERSON, "--reason", "本人申请删除姓名",
        "--requested-by", "本人", "--entered-by", "陈晓", "--on", "2025-01-14",
    )  # fmt: skip

    assert (code, err) == (EXIT_OK, "")
    assert out.count("\n") == 1
    assert out.startswith("捐赠人姓名已删除 the donor's name is erased")
    assert "已删除 erased " in out
    assert PERSON not in out
    ledger = Ledger(url, cipher_key=key, read_only=True)
    try:
        assert found(store_bytes(ledger, url), PERSON) == []
        assert ledger.subject_keys.key_ids(ledger.sealer.donor_subject(PERSON)) == []
    finally:
        ledger.close()
    code, report_after, _ = run(*options, "report", "--year", "2024", "--json")
    assert without_anchors(json.loads(report_after)) == without_anchors(json.loads(report_before))
    assert run(*options, "verify")[0] == EXIT_OK
    assert run(*options, "audit")[0] == EXIT_OK
    code, out, _ = run(*options, "statement", "--fund", "cz-cuizhai")
    assert code == EXIT_OK
    assert PERSON not in out
    assert "已删除 erased " in out
    assert COMPANY in out
    for fmt in ("jsonl", "csv", "hledger", "beancount"):
        code, out, _ = run(*options, "export", "--format", fmt)
        assert code == EXIT_OK
        assert PERSON not in out
        assert "Li Weiming" in out

    # Erased: the name leads nowhere any more, and saying so is not a traceback.
    code, out, err = run(*options, "erase", "--donor", PERSON, "--reason", "再次申请",
                         "--requested-by", "本人")  # fmt: skip
    assert (code, out) == (EXIT_USAGE, "")
    assert "an erased donor's name is not kept" in err
    assert "Traceback" not in err


def test_erase_refuses_an_organisation_bad_input_and_a_missing_selector(tmp_path: Path) -> None:
    db = tmp_path / "station.db"
    for n, text in enumerate((FUNDS, DONATIONS_ZH)):
        sheet = tmp_path / f"sheet-{n}.csv"
        sheet.write_text(text, encoding="utf-8")
        assert run("--store", str(db), "import", str(sheet))[0] == EXIT_OK
    before = db.read_bytes()
    base = ["--store", str(db), "erase", "--reason", "本人申请", "--requested-by", "本人"]
    code, out, err = run(*base, "--donor", COMPANY)
    assert (code, out) == (EXIT_USAGE, "")
    assert "names an individual donor" in err
    code, _, err = run(*base, "--donor", PERSON, "--requested-by", f"{PERSON}本人")
    assert code == EXIT_USAGE
    assert "requested_by" in err
    assert PERSON not in err  # the refusal does not repeat the name it protects
    code, _, err = run(*base)
    assert code == EXIT_USAGE
    assert "--volunteer" in err
    assert "--donor" in err
    code, _, err = run(*base, "--donor", PERSON, "--volunteer", "V-0001")
    assert code == EXIT_USAGE
    assert "not allowed with" in err
    code, _, err = run(*base, "--donor", " ")
    assert code == EXIT_USAGE
    assert "Traceback" not in err
    assert db.read_bytes() == before


def test_a_bad_donor_type_or_gift_rows_that_disagree_are_refused_whole(tmp_path: Path) -> None:
    ledger = Ledger(str(tmp_path / "station.db"))
    try:
        import_sheet(ledger, FUNDS.encode(), station_id="cuizhai", entered_by="陈晓")
        head = ledger.log_position()
        bad = f"""日期,基金,捐赠人,捐赠人类型,类型,金额,物资名称,数量,单位,票据号
2024-03-01,cz-cuizhai,{PERSON},个体户,现金,10.00,,,,JZ-001
2024-03-03,cz-cuizhai,{PERSON},个人,物资,800.00,书包,20,个,JZ-003
2024-03-03,cz-cuizhai,{PERSON},,物资,200.00,文具盒,20,个,JZ-003
2024-03-04,cz-cuizhai,司马秋月,person,现金,30.00,,,,JZ-004
"""
        with pytest.raises(SheetRefused) as refused:
            import_sheet(ledger, bad.encode(), entered_by="陈晓")
        by_line = {p.line: p for p in refused.value.rows}
        assert sorted(by_line) == [2, 4]
        assert (by_line[2].column, by_line[2].reason) == ("捐赠人类型", "bad_choice")
        assert "个人" in by_line[2].message
        assert (by_line[4].column, by_line[4].reason) == ("捐赠人类型", "gift_mismatch")
        assert ledger.log_position() == head
    finally:
        ledger.close()
