"""``sgz-ledger goods``: the goods register on a SQLite file, as text and JSON; bad usage is 2."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

from reports_support import on, open_fund
from sgz_ledger import Ledger
from sgz_ledger.cli import EXIT_OK, EXIT_USAGE, main


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


def test_goods_command(tmp_path: Path) -> None:
    store = str(tmp_path / "station.db")
    ledger = Ledger(store)
    open_fund(ledger, "xiasha", "xiasha", on(8, 1, 2022))
    ledger.receive_goods(
        fund_id="xiasha",
        receipt_no="XS-1",
        donor="蚂蚁公益基金会",
        items=[{"item": "泡面", "quantity": 145, "unit": "箱", "basis": "unvalued"}],
        actor="社工站",
        occurred_on=on(8, 2, 2022),
    )
    ledger.distribute_goods(
        fund_id="xiasha", distribution_id="FF-1", item="泡面", unit="箱", quantity=145,
        recipient="环卫工人", signed_off_by="站长", purpose="慰问", actor="社工站",
        occurred_on=on(8, 3, 2022),
    )  # fmt: skip
    ledger.close()

    code, out, _ = run("--store", store, "goods", "--fund", "xiasha", "--json")
    assert code == EXIT_OK
    [line] = json.loads(out)["lines"]
    assert (line["item"], line["unit"], line["received"], line["handed_out"]) == (
        "泡面",
        "箱",
        145,
        145,
    )
    assert line["in_stock"] == 0
    code, out, _ = run("--store", store, "goods", "--station", "xiasha", "--to", "2022-08-02")
    assert code == EXIT_OK
    assert "泡面" in out
    code, out, _ = run("--store", store, "report", "--year", "2022")
    assert code == EXIT_OK
    assert "泡面 145箱, 派发 145箱, 结存 0箱" in out
    code, out, _ = run("--store", store, "report", "--year", "2022", "--json")
    assert "goods" not in json.loads(out)
    code, out, _ = run("--store", store, "report", "--year", "2022", "--json", "--goods")
    assert json.loads(out)["goods"][0]["handed_out"] == 145

    for argv in (
        ("goods", "--fund", "nowhere"),
        ("goods", "--fund", "xiasha", "--station", "xiasha"),
        ("goods", "--from", "2022-09-01", "--to", "2022-08-01"),
        ("goods", "--from", "yesterday"),
    ):
        code, out, err = run("--store", store, *argv)
        assert code == EXIT_USAGE, argv
        assert "Traceback" not in err
        assert err.strip()
