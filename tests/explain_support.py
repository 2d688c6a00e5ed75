"""A store for the explanations' tests: the demo year, the tour's funds, volunteers,
project (its request approved and paid), service delivery, recognition and a closed
quarter with a correction into it, all in 2024; and what makes every kind of figure
hold events: volunteer service naming the project, requests on its line approved and
pending, goods received, reversed and redeemed from the time bank, and star thresholds
low enough for the volunteers to hold every level."""

from __future__ import annotations

import datetime as dt

import tour_support as tour
from sgz_ledger import Ledger
from sgz_ledger.demo import record_demo_year

YEAR = 2024


def record_explain_year(ledger: Ledger) -> None:
    """Every section of the annual report, with figures that are not all zero."""
    record_demo_year(ledger)
    tour.record_funds(ledger)
    tour.record_volunteers(ledger)
    tour.record_projects(ledger)
    ledger.receive_cash(fund_id=tour.FUND_B, receipt_no="R-XM0", amount="500",
                        actor=tour.CLERK, occurred_on=dt.date(2024, 5, 7))  # fmt: skip
    ledger.approve_disbursement(fund_id=tour.FUND_B, request_id="SQ-XM1",
                                actor=tour.APPROVER, occurred_on=dt.date(2024, 5, 8))  # fmt: skip
    ledger.pay_disbursement(fund_id=tour.FUND_B, request_id="SQ-XM1", voucher_no="PZ-XM1",
                            actor=tour.CASHIER, occurred_on=dt.date(2024, 5, 9))  # fmt: skip
    _record_project_work(ledger)
    tour.record_delivery(ledger)
    tour.close_projects(ledger)
    tour.record_recognition(ledger)
    tour.record_periods(ledger)
    _record_goods_and_stars(ledger)


def _record_project_work(ledger: Ledger) -> None:
    """An hour of service naming the project; a request on its line approved, not paid,
    and one awaiting approval."""
    ledger.record_service(record_id="SR-XM", volunteer_id=tour.V1, activity_id=tour.ACTIVITY,
                          duration_s=3600, service_date=dt.date(2024, 5, 27),
                          project_id="XM-01", content="送餐", actor=tour.CLERK,
                          occurred_on=dt.date(2024, 5, 27))  # fmt: skip
    ledger.approve_service(volunteer_id=tour.V1, record_id="SR-XM", actor=tour.APPROVER,
                           occurred_on=dt.date(2024, 5, 28))  # fmt: skip
    for request_id, amount in (("SQ-XM2", "40"), ("SQ-XM3", "30")):
        ledger.request_disbursement(fund_id=tour.FUND_B, request_id=request_id, amount=amount,
                                    purpose="餐食补贴", payee="幸福食堂", project_id="XM-01",
                                    budget_line="A1", actor=tour.REQUESTER,
                                    occurred_on=dt.date(2024, 5, 10))  # fmt: skip
    ledger.approve_disbursement(fund_id=tour.FUND_B, request_id="SQ-XM2",
                                actor=tour.APPROVER, occurred_on=dt.date(2024, 5, 11))  # fmt: skip


def _record_goods_and_stars(ledger: Ledger) -> None:
    """Noodles received twice, one gift reversed, a box redeemed with time-bank credit; and
    star thresholds from June that put the volunteers at every level."""
    on = dt.date(2024, 6, 5)
    for receipt_no, quantity in (("G-M1", 10), ("G-M2", 5)):
        ledger.receive_goods(fund_id=tour.FUND_B, receipt_no=receipt_no, restriction="助老",
                             items=[{"item": "泡面", "quantity": quantity, "unit": "箱",
                                     "value": str(40 * quantity), "basis": "document"}],
                             actor=tour.CLERK, occurred_on=on)  # fmt: skip
    ledger.reverse_donation(fund_id=tour.FUND_B, correction_id="CX-M2", receipt_no="G-M2",
                            reason="重复登记", actor=tour.APPROVER, occurred_on=on)  # fmt: skip
    ledger.redeem_hours_for_goods(volunteer_id=tour.V1, redemption_id="RD-M1", credit_s=600,
                                  fund_id=tour.FUND_B, item="泡面", unit="箱", quantity=1,
                                  restriction="助老", approver=tour.MANAGER, actor=tour.CLERK,
                                  occurred_on=on)  # fmt: skip
    ledger.set_station_policy(station_id=tour.STATION, name="崔寨街道社工站",
                              star_thresholds_h=[3, 6, 7, 10, 11], actor=tour.MANAGER,
                              occurred_on=on)  # fmt: skip
