"""``sgz-ledger import`` with funds sheets, donation and disbursement registers, run in-process.

Files are written as stations save them (GB18030 with CRLF from Excel, UTF-8 with BOM),
imported into a SQLite file, and read back with a fresh Ledger. The expected figures
are summed by hand in the comments.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sgz_ledger import Ledger
from sgz_ledger.cli import main

FUNDS = (
    "基金,名称,社区,托管机构,审批限额,设立日期,需公示\n"
    "cz-cuizhai,崔寨村社区基金,崔寨村,济南市慈善总会,5000,2024-01-02,否\n"
)
DONATIONS = (
    "日期,基金,捐赠人,类型,金额,物资名称,数量,单位,限定用途,票据号,经办人\n"
    "2024-01-10,cz-cuizhai,某爱心企业,现金,12000.00,,,,助学,JZ-001,王芳\n"
    "2024-01-15,cz-cuizhai,,现金,300.50,,,,,JZ-002,\n"
    "2024-02-05,cz-cuizhai,某超市,物资,3000,大米(10kg),50,袋,,JZ-003,王芳\n"
    "2024-02-05,cz-cuizhai,某超市,物资,,食用油(5L),20,桶,,JZ-003,王芳\n"
)
DISBURSEMENTS = (
    "申请编号,日期,基金,金额,用途,限定用途,收款方,申请人,审批人,支付日期,凭证号\n"
    "SQ-01,2024-03-05,cz-cuizhai,3000,学习用品,助学,某文具店,李强,张敏,2024-03-10,PZ-01\n"
    "SQ-02,2024-03-06,cz-cuizhai,6000.00,助学金,助学,学生家长,李强,张敏、赵刚,2024-03-12,PZ-02\n"
    "SQ-03,2024-04-01,cz-cuizhai,100.25,活动物资,,某超市,李强,张敏,,\n"
)
# The bad register: line 2 is fine, the rest each break one rule.
BAD = (
    "申请编号,日期,基金,金额,用途,限定用途,收款方,申请人,审批人,支付日期,凭证号\n"
    "SQ-09,2024-05-05,cz-cuizhai,10,活动物资,,某超市,李强,张敏,,\n"
    "SQ-10,2024-05-05,cz-cuizhai,10,活动物资,,某超市,李强,李强,,\n"
    "SQ-11,2024-05-05,cz-cuizhai,10.001,活动物资,,某超市,李强,张敏,,\n"
    "SQ-12,2024-05-05,cz-nowhere,10,活动物资,,某超市,李强,张敏,,\n"
    "SQ-13,2024-05-05,cz-cuizhai,3000.01,助学金,助学,学生家长,李强,张敏,,\n"
)
BAD_LINES = [3, 4, 5, 6]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def write(path: Path, text: str, encoding: str) -> str:
    path.write_bytes(text.replace("\n", "\r\n").encode(encoding))
    return str(path)


def test_importing_a_station_year_from_the_command_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    store = str(tmp_path / "station.db")
    funds = write(tmp_path / "基金.csv", FUNDS, "gb18030")
    donations = write(tmp_path / "捐赠登记.csv", DONATIONS, "utf-8-sig")
    disbursements = write(tmp_path / "支出登记.csv", DISBURSEMENTS, "gb18030")
    entered_by = ("--entered-by", "陈录入")

    station = ("--station", "cuizhai")
    code, out, err = run(capsys, "--store", store, "import", funds, *station, *entered_by)
    assert (code, err) == (0, "")
    assert "基金设立表" in out
    assert "GB18030" in out
    assert re.search(r"funds opened +1\n", out)

    code, out, err = run(capsys, "--store", store, "import", donations, *entered_by)
    assert (code, err) == (0, "")
    assert "捐赠登记" in out
    assert "UTF-8 (BOM)" in out
    assert re.search(r"rows +4\n", out)
    assert re.search(r"donations recorded +3\n", out)  # JZ-003's two rows are one gift
    assert re.search(r"cash received \(元\) +12300\.50\n", out)  # 12000.00 + 300.50
    assert re.search(r"in-kind value \(元\) +3000\.00\n", out)  # the oil is unvalued

    code, out, err = run(capsys, "import", disbursements, "--store", store, *entered_by)
    assert (code, err) == (0, "")
    assert "支出登记" in out
    assert re.search(r"requests recorded +3\n", out)
    assert re.search(r"requests approved +3\n", out)  # SQ-02 by its second approver
    assert re.search(r"requests paid +2\n", out)
    assert re.search(r"paid \(元\) +9000\.00\n", out)  # 3000 + 6000
    assert re.search(r"events recorded +9\n", out)  # 3 requests, 1 + 2 + 1 approvals, 2 payments
    with Ledger(store, create=False) as ledger:
        (fund,) = ledger.balances()
        position = ledger.log_position()
        opened = ledger.fund("cz-cuizhai").state.opened
        assert opened is not None
        assert (opened.station_id, opened.actor) == ("cuizhai", "陈录入")
        assert ledger.fund("cz-cuizhai").state.donations["JZ-002"].actor == "陈录入"
    # 助学 12000.00 - 9000.00 = 3000.00; unrestricted 300.50, of which 100.25 reserved.
    assert (fund.total_fen, fund.reserved_fen, fund.available_fen) == (330_050, 10_025, 320_025)
    assert fund.in_kind_received_fen == 300_000

    # Again: nothing new.
    code, out, err = run(capsys, "--store", store, "import", disbursements, *entered_by)
    assert (code, err) == (0, "")
    assert re.search(r"already present +3\n", out)
    assert re.search(r"events recorded +0\n", out)
    with Ledger(store, create=False) as ledger:
        assert ledger.log_position() == position

    # A bad register: exit 2, every bad line on stderr, nothing recorded.
    bad = write(tmp_path / "bad.csv", BAD, "gb18030")
    code, out, err = run(capsys, "--store", store, "import", bad, *entered_by)
    assert code == 2
    assert out == ""
    assert "nothing recorded" in err
    assert f"({len(BAD_LINES)} bad lines)" in err
    reported = [int(n) for n in re.findall(r"^  line (\d+)", err, flags=re.MULTILINE)]
    assert reported == BAD_LINES
    for reason in ("approval_refused", "invalid_amount", "not_found", "insufficient_funds"):
        assert f"[{reason}]" in err
    assert "Traceback" not in err
    with Ledger(store, create=False) as ledger:
        assert ledger.log_position() == position


def test_the_import_help_names_every_kind_of_sheet(capsys: pytest.CaptureFixture[str]) -> None:
    from sgz_ledger.sheets import KINDS

    code, out, _ = run(capsys, "import", "--help")
    assert code == 0
    flat = " ".join(out.split())
    for kind in KINDS:
        chinese = kind.title.split()[0]
        assert chinese in flat, f"import --help does not name {kind.title}"
    code, out, _ = run(capsys, "--help")
    assert code == 0
    assert "donations" in out
    assert "disbursements" in out
