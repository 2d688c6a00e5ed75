"""``sgz-ledger report --format csv`` and ``--explain FIGURE`` on a SQLite file.

The CSV read back with the csv module holds the same figures as the report's JSON (money
in yuan with 2 decimals where the JSON has fen); every figure's explanation, as JSON, totals
the figure; a figure that is not one exits 2 naming those that are.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from conftest import FixedClock
from explain_support import YEAR, record_explain_year
from sgz_ledger import Ledger
from sgz_ledger.cli import EXIT_OK, EXIT_USAGE, main
from sgz_ledger.domain.money import format_yuan

pytestmark = pytest.mark.filterwarnings("ignore::sgz_ledger.PersonalDataInClearWarning")


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("explain") / "station.db")
    ledger = Ledger(path, clock=FixedClock())
    try:
        record_explain_year(ledger)
    finally:
        ledger.close()
    return path


def _csv_rows(store: str) -> list[dict[str, str]]:
    code, out, err = run("--store", store, "report", "--year", str(YEAR), "--format", "csv")
    assert code == EXIT_OK, err
    assert out.startswith("\ufeff"), "a BOM, for Excel on Chinese Windows"
    return list(csv.DictReader(io.StringIO(out.removeprefix("\ufeff"))))


def _json_value(report: dict[str, Any], section: str, figure: str, unit: str) -> str:
    """The JSON's value of a CSV row, written as the CSV writes it."""
    head, _, name = figure.rpartition(".")
    if section == "volunteers":
        where: Any = report
    elif section == "other_activities":
        where = next(o for o in report["other_activities"] if o["category"] == head)
    elif section == "funds":
        where = report if not head else next(f for f in report["funds"] if f["fund_id"] == head)
    elif section == "goods":
        fund, restriction, item, goods_unit = head.split("/")
        where = next(
            g
            for g in report["goods"]
            if (g["fund_id"], g["restriction"], g["item"], g["unit"])
            == (fund, restriction, item, goods_unit)
        )
    elif section == "projects":
        project_id, _, line = head.partition(".lines.")
        where = next(p for p in report["projects"] if p["project_id"] == project_id)
        if line:
            where = next(x for x in where["lines"] if x["code"] == line)
    elif section == "delivery":
        where = report["service_delivery"]
        if head:
            project = head.removeprefix("projects.")
            where = next(
                p
                for p in where["projects"]
                if p["project_id"] == ("" if project == "-" else project)
            )
    elif section == "recognition":
        where = report["recognition"]
        if head.startswith("teams."):
            team = next(t for t in where["teams"] if t["team_id"] == head.removeprefix("teams."))
            if name == "members":
                return str(len(team["members"]))
            where = team
        elif head == "stars":
            where = where["stars"]
            if name.startswith("level_"):
                level = int(name.removeprefix("level_"))
                return str(next(x["volunteers"] for x in where["levels"] if x["level"] == level))
    else:
        return str(len(report["closed_period_corrections"]))
    if unit == "元":
        return format_yuan(where[f"{name}_fen"])
    if unit == "小时":
        return str(Decimal(where[name]))
    return str(where[name])


def test_the_csv_holds_the_json_figures(store: str) -> None:
    code, out, err = run("--store", store, "report", "--year", str(YEAR), "--json", "--goods")
    assert code == EXIT_OK, err
    report = json.loads(out)
    rows = _csv_rows(store)
    assert list(rows[0]) == ["section", "figure", "label_zh", "label_en", "value", "unit"]
    assert {r["section"] for r in rows} >= {"projects", "delivery", "recognition", "goods"}
    for row in rows:
        expected = _json_value(report, row["section"], row["figure"], row["unit"])
        assert row["value"] == expected, row


def test_json_is_an_alias_of_format_json(store: str) -> None:
    year = str(YEAR)
    assert (
        run("--store", store, "report", "--year", year, "--json")[1]
        == run("--store", store, "report", "--year", year, "--format", "json")[1]
    )
    code, _, err = run("--store", store, "report", "--year", year, "--json", "--format", "csv")
    assert code == EXIT_USAGE
    assert "two formats" in err


def test_every_explanation_totals_its_csv_figure(store: str) -> None:
    rows = {f"{r['section']}.{r['figure']}": r for r in _csv_rows(store)}
    code, _, err = run(
        "--store", store, "report", "--year", str(YEAR), "--explain", "nope", "--json"
    )
    assert code == EXIT_USAGE
    # The refusal lists every figure of the CSV, of every section: each can be explained.
    [problem] = json.loads(err)["error"]["problems"]
    assert set(rows) <= set(problem["params"]["choices"])
    assert {name.split(".")[0] for name in rows} == {
        "volunteers", "other_activities", "funds", "goods", "projects", "delivery",
        "recognition", "corrections",
    }  # fmt: skip
    explained = 0
    for name, row in rows.items():
        code, out, err2 = run(
            "--store", store, "report", "--year", str(YEAR), "--explain", name, "--json"
        )
        assert code == EXIT_OK, err2
        document = json.loads(out)
        assert document["total_text"] == row["value"], name
        assert document["total"] == sum(c["amount"] for c in document["contributions"])
        explained += 1
    assert explained == len(rows) > 200


def test_explain_as_text(store: str) -> None:
    code, out, _ = run(
        "--store", store, "report", "--year", str(YEAR), "--explain", "funds.donations_cash"
    )
    assert code == EXIT_OK
    assert "CashDonationReceived" in out
    assert "DonationReversed" in out
    assert "合计 total" in out
    code, _, err = run(
        "--store", store, "report", "--year", str(YEAR), "--explain", "funds.spending",
        "--format", "csv",
    )  # fmt: skip
    assert code == EXIT_USAGE
    assert "not CSV" in err


def test_the_text_report_prints_every_section(store: str) -> None:
    code, out, _ = run("--store", store, "report", "--year", str(YEAR))
    assert code == EXIT_OK
    for title in ("项目 Projects", "服务开展 Service delivery", "物资(数量) Goods in units",
                  "Corrections to closed periods", "元 yuan"):  # fmt: skip
        assert title in out


def test_an_empty_store_gives_a_csv_of_zeros(tmp_path: Path) -> None:
    """A CSV of a store without any record still has its header and zero figures."""
    path = str(tmp_path / "empty.db")
    Ledger(path).close()
    code, out, _ = run("--store", path, "report", "--year", "2024", "--format", "csv")
    assert code == EXIT_OK
    rows = list(csv.DictReader(io.StringIO(out.removeprefix("\ufeff"))))
    assert {r["value"] for r in rows} <= {"0", "0.00"}
