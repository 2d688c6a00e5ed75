"""A clerk who would rather spend past a project's budget (rules 41, 42), on a SQLite store
whose station keeps a register of people.

She books spending of her own station's fund against another station's project, names a
budget line the project does not have, routes the money through a fund the project does not
draw on, names a line without its project to slip past the project's check, splits one
payment into requests each under the remaining budget, then tries the same split in one
disbursement sheet, and last raises the budget herself. Each is refused with its reason and
nothing is recorded.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import FixedClock
from project_support import (
    APPROVER,
    CLERK,
    FUND,
    MANAGER,
    MEALS,
    OTHER_FUND,
    OTHER_PROJECT,
    OTHER_STATION,
    PROJECT,
    SECOND_FUND,
    STATION,
    D,
    a_station,
    request,
)
from sgz_ledger import (
    AccessRefused,
    Ledger,
    OverBudget,
    ProjectRefused,
    UnknownBudgetLine,
)
from sgz_ledger.sheets import SheetRefused, import_sheet

pytestmark = pytest.mark.filterwarnings("ignore::sgz_ledger.PersonalDataInClearWarning")


@pytest.fixture
def station(tmp_path: Path) -> Iterator[Ledger]:
    ledger = Ledger(str(tmp_path / "station.db"), create=True,
                    clock=FixedClock(dt.datetime(2025, 1, 20, 2, tzinfo=dt.UTC)))  # fmt: skip
    a_station(ledger, second_fund=True)
    # The second fund is the station's, but the project was opened on the first alone.
    ledger.open_project(project_id="XM-ONE-FUND", station_id=STATION, name="单基金项目",
                        starts_on=D(2024, 3, 1), ends_on=D(2024, 11, 30), fund_ids=[FUND],
                        lines=[{"code": MEALS, "name": "餐食", "amount": "100"}],
                        actor=MANAGER, occurred_on=D(2024, 2, 20))  # fmt: skip
    people = [("A-01", MANAGER, "admin"), ("P-01", CLERK, "clerk"), ("P-02", APPROVER, "committee")]
    for person_id, name, role in people:
        ledger.add_person(station_id=STATION, person_id=person_id, name=name, roles=[role],
                          actor=MANAGER, occurred_on=D(2024, 3, 1))  # fmt: skip
    ledger.add_person(station_id=OTHER_STATION, person_id="W-01", name="王河站长",
                      roles=["admin"], actor="王河站长", occurred_on=D(2024, 3, 1))  # fmt: skip
    yield ledger
    ledger.close()


def test_every_dodge_is_refused_and_records_nothing(station: Ledger) -> None:
    position = station.log_position()
    dodges: list[tuple[dict[str, object], type[Exception], str]] = [
        # Another station's project, from her own station's fund.
        ({"project_id": OTHER_PROJECT}, ProjectRefused, "station 'wanghe'"),
        # A line the project does not have.
        ({"budget_line": "Z9-杂费"}, UnknownBudgetLine, "Z9-杂费"),
        # A fund the project does not draw on (the station's own second fund).
        ({"fund_id": SECOND_FUND, "project_id": "XM-ONE-FUND"}, ProjectRefused, "does not draw"),
        # A line without its project, so that no project's budget is checked.
        ({"project_id": ""}, ProjectRefused, "without its project"),
        # Another station's fund and project: not hers to act for at all (rule 26).
        ({"fund_id": OTHER_FUND, "project_id": OTHER_PROJECT}, AccessRefused, "wanghe"),
    ]
    for change, error, said in dodges:
        with pytest.raises(error, match=said):
            station.request_disbursement(**request("SQ-X", "100", **change))
    assert station.log_position() == position


def test_a_payment_split_to_fit_under_the_budget_is_refused_at_the_request_that_overdraws(
    station: Ledger,
) -> None:
    # The line holds 3,000.00; 3,600.00 of meals split into three requests of 1,200.00.
    station.request_disbursement(**request("SQ-1", "1200"))
    station.request_disbursement(**request("SQ-2", "1200"))
    position = station.log_position()
    with pytest.raises(OverBudget) as refused:
        station.request_disbursement(**request("SQ-3", "1200"))
    assert (refused.value.remaining_fen, refused.value.needed_fen) == (60_000, 120_000)
    assert station.log_position() == position
    # Through the second fund the project draws on: the same line, the same budget.
    with pytest.raises(OverBudget):
        station.request_disbursement(**request("SQ-3", "1200", fund_id=SECOND_FUND))


def test_the_same_split_in_one_sheet_is_refused_whole(station: Ledger) -> None:
    rows = [
        "申请编号,日期,基金,金额,用途,收款方,申请人,项目,预算科目",
        *(f"SQ-{n},2024-04-01,{FUND},1200,老人餐食,幸福食堂,{CLERK},{PROJECT},{MEALS}"
          for n in (1, 2, 3)),
    ]  # fmt: skip
    position = station.log_position()
    with pytest.raises(SheetRefused) as refused:
        import_sheet(station, ("\n".join(rows) + "\n").encode(), station_id=STATION,
                     entered_by=CLERK)  # fmt: skip
    assert [(p.line, p.reason) for p in refused.value.rows] == [(4, "over_budget")]
    assert station.log_position() == position


def test_a_clerk_may_not_raise_the_budget_herself(station: Ledger) -> None:
    with pytest.raises(AccessRefused):
        station.amend_budget_line(project_id=PROJECT, amendment_id="TZ-1", line_code=MEALS,
                                  amount="10000", reason="不够用", actor=CLERK,
                                  occurred_on=D(2024, 4, 1))  # fmt: skip
    with pytest.raises(AccessRefused):
        station.set_station_policy(station_id=STATION, name="崔寨站", over_budget_allowed=True,
                                   actor=CLERK, occurred_on=D(2024, 4, 1))  # fmt: skip
    [line, _] = station.project(PROJECT).lines
    assert line.budget_fen == 300_000
