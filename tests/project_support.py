"""A station with a project, for the projects' tests: 崔寨's fund and 王河's, and the 助老餐桌
project of 崔寨 drawing on its fund with two budget lines (rules 40 to 44)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sgz_ledger import Ledger

STATION, OTHER_STATION = "cuizhai", "wanghe"
FUND, OTHER_FUND, SECOND_FUND = "cz-cuizhai", "wh-wanghe", "cz-second"
PROJECT, OTHER_PROJECT = "XM-2024-01", "XM-WH-01"
CLERK = "王芳"  # 驻站社工: registers gifts, asks for spending
APPROVER = "张敏"  # 管委会
CASHIER = "周敏"
MANAGER = "刘军"  # 站长: opens projects, amends budgets
D = dt.date
START, END = D(2024, 3, 1), D(2024, 11, 30)
# The lines of the project: meals 3,000.00 yuan, activities 1,000.00 yuan.
MEALS, ACTIVITIES = "A1", "A2"
BUDGET_FEN = {MEALS: 300_000, ACTIVITIES: 100_000}


def a_station(ledger: Ledger, *, second_fund: bool = False) -> None:
    """Two stations' funds with money, and 崔寨's project on its fund."""
    for fund_id, station, community in (
        (FUND, STATION, "崔寨村"),
        (OTHER_FUND, OTHER_STATION, "王河村"),
        *(((SECOND_FUND, STATION, "崔寨村"),) if second_fund else ()),
    ):
        ledger.open_fund(fund_id=fund_id, station_id=station, community=community,
                         name=f"{community}社区基金", host="济南市慈善总会",
                         approval_threshold="5000", publicity_required=False, actor=MANAGER,
                         occurred_on=D(2024, 1, 2))  # fmt: skip
        ledger.receive_cash(fund_id=fund_id, receipt_no=f"JZ-{fund_id}", amount="20000",
                            donor="某爱心企业", actor=CLERK,
                            occurred_on=D(2024, 1, 10))  # fmt: skip
    funds = [FUND, SECOND_FUND] if second_fund else [FUND]
    ledger.open_project(project_id=PROJECT, station_id=STATION, name="助老餐桌", starts_on=START,
                        ends_on=END, fund_ids=funds,
                        lines=[{"code": MEALS, "name": "餐食补贴", "amount": "3000"},
                               {"code": ACTIVITIES, "name": "活动费", "amount_fen": 100_000}],
                        actor=MANAGER, occurred_on=D(2024, 2, 20))  # fmt: skip
    ledger.open_project(project_id=OTHER_PROJECT, station_id=OTHER_STATION, name="王河助学",
                        starts_on=START, ends_on=END, fund_ids=[OTHER_FUND],
                        lines=[{"code": MEALS, "name": "学习用品", "amount": "5000"}],
                        actor=MANAGER, occurred_on=D(2024, 2, 20))  # fmt: skip


def request(request_id: str, amount: str, *, line: str = MEALS, **more: Any) -> dict[str, Any]:
    """The fields of a request on the project's ``line`` (``more`` overrides)."""
    fields: dict[str, Any] = {
        "fund_id": FUND, "request_id": request_id, "amount": amount, "purpose": "老人餐食",
        "payee": "幸福食堂", "project_id": PROJECT, "budget_line": line, "actor": CLERK,
        "occurred_on": D(2024, 4, 1),
    }  # fmt: skip
    fields.update(more)
    return fields
