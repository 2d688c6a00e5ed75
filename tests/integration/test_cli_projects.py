"""``sgz-ledger project-open / project-amend / project-close / project / projects`` on a SQLite
file: text in yuan, JSON in fen; a refusal or bad usage is a sentence and exit 2."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import pytest

from project_support import CLERK, FUND, MANAGER, STATION, D, request
from sgz_ledger import Ledger
from sgz_ledger.cli import EXIT_OK, EXIT_USAGE, main

pytestmark = pytest.mark.filterwarnings("ignore::sgz_ledger.PersonalDataInClearWarning")


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def store(tmp_path: Path) -> str:
    path = str(tmp_path / "station.db")
    ledger = Ledger(path)
    ledger.open_fund(fund_id=FUND, station_id=STATION, community="崔寨村", name="崔寨村社区基金",
                     host="济南市慈善总会", approval_threshold="5000", publicity_required=False,
                     actor=MANAGER, occurred_on=D(2024, 1, 2))  # fmt: skip
    ledger.receive_cash(fund_id=FUND, receipt_no="JZ-1", amount="20000", donor="某爱心企业",
                        actor=CLERK, occurred_on=D(2024, 1, 10))  # fmt: skip
    ledger.close()
    return path


def test_a_project_opened_amended_and_shown_from_the_command_line(
    store: str, tmp_path: Path
) -> None:
    w = ("--store", store, "--entered-by", MANAGER)
    code, out, err = run("project-open", *w, "--id", "XM-2024-01", "--station", STATION,
                         "--name", "助老餐桌", "--from", "2024-03-01", "--to", "2024-11-30",
                         "--fund", FUND, "--line", "A1:餐食补贴:3000",
                         "--line", "A2:活动:场地费:1,000.50", "--on", "2024-02-20")  # fmt: skip
    assert (code, err) == (EXIT_OK, "")
    assert "4000.50" in out
    # The same again records nothing and says so.
    code, out, _ = run("project-open", *w, "--id", "XM-2024-01", "--station", STATION,
                       "--name", "助老餐桌", "--from", "2024-03-01", "--to", "2024-11-30",
                       "--fund", FUND, "--line", "A1:餐食补贴:3000",
                       "--line", "A2:活动:场地费:1,000.50", "--on", "2024-02-20")  # fmt: skip
    assert code == EXIT_OK
    assert "nothing new was recorded" in out
    budget = tmp_path / "budget.json"
    budget.write_text(json.dumps([{"code": "B1", "name": "培训", "amount_fen": 50_000}]))
    code, _, err = run("project-open", *w, "--id", "XM-2024-02", "--station", STATION,
                       "--name", "志愿者培训", "--from", "2024-03-01", "--to", "2024-06-30",
                       "--fund", FUND, "--budget-json", str(budget),
                       "--on", "2024-02-20")  # fmt: skip
    assert (code, err) == (EXIT_OK, "")

    with Ledger(store) as ledger:
        ledger.request_disbursement(**request("SQ-1", "2000", project_id="XM-2024-01"))

    code, out, err = run("project-amend", *w, "--id", "XM-2024-01", "--amendment", "TZ-01",
                         "--line", "A1", "--amount", "2500", "--reason", "管委会决议调减",
                         "--on", "2024-05-01")  # fmt: skip
    assert (code, err) == (EXIT_OK, "")
    assert "-500.00" in out

    code, out, _ = run("project", "--store", store, "--id", "XM-2024-01")
    assert code == EXIT_OK
    assert "助老餐桌" in out
    assert "2500.00" in out  # the line's budget now, in yuan
    assert "管委会决议调减" in out
    code, out, _ = run("project", "--store", store, "--id", "XM-2024-01", "--json")
    assert code == EXIT_OK
    report = json.loads(out)
    [meals, activities] = report["lines"]
    assert (meals["budgeted_fen"], meals["amended_fen"], meals["requested_fen"]) == (
        300_000,
        -50_000,
        200_000,
    )
    assert meals["remaining_fen"] == 50_000
    assert activities["budget_fen"] == 100_050
    code, out, _ = run("projects", "--store", store, "--station", STATION, "--json")
    assert [p["project_id"] for p in json.loads(out)] == ["XM-2024-01", "XM-2024-02"]

    code, out, _ = run("project-close", *w, "--id", "XM-2024-02", "--reason", "培训结束",
                       "--on", "2024-07-01")  # fmt: skip
    assert code == EXIT_OK
    code, out, _ = run("report", "--store", store, "--year", "2024")
    assert "项目 Projects" in out
    assert "XM-2024-02" in out
    code, out, _ = run("report", "--store", store, "--year", "2024", "--json")
    assert [p["project_id"] for p in json.loads(out)["projects"]] == ["XM-2024-01", "XM-2024-02"]


def test_refusals_and_bad_usage_are_a_sentence_and_exit_2(store: str, tmp_path: Path) -> None:
    w = ("--store", store, "--entered-by", MANAGER)
    base = ("project-open", *w, "--id", "XM-9", "--station", STATION, "--name", "x",
            "--from", "2024-03-01", "--to", "2024-11-30", "--fund", FUND,
            "--on", "2024-02-20")  # fmt: skip
    amend_unknown = ("project-amend", *w, "--id", "XM-NONE", "--amendment", "T", "--line", "A1",
                     "--amount", "1", "--reason", "x", "--on", "2024-05-01")  # fmt: skip
    cases = [
        ("project", "--store", store, "--id", "XM-NONE"),
        (*base, "--line", "A1-3000"),  # not CODE:NAME:YUAN
        (*base, "--line", "A1:x:30.001"),  # three decimals
        (*base,),  # no budget
        (*base, "--line", "A1:x:1", "--budget-json", str(tmp_path / "b.json")),  # both
        (*base, "--budget-json", str(tmp_path / "missing.json")),
        amend_unknown,
    ]
    (tmp_path / "b.json").write_text("[]")
    for argv in cases:
        code, _, err = run(*argv)
        assert code == EXIT_USAGE, argv
        assert "Traceback" not in err
        assert err.strip(), argv
    (tmp_path / "bad.json").write_text('{"not": "a list"}')
    code, _, err = run(*base, "--budget-json", str(tmp_path / "bad.json"))
    assert code == EXIT_USAGE
    assert "not a list of budget lines" in err
