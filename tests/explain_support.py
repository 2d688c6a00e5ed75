"""A store for the explanations' tests: the demo year, the tour's funds, volunteers,
project (its request approved and paid), service delivery, recognition and a closed
quarter with a correction into it, all in 2024."""

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
    tour.record_delivery(ledger)
    tour.close_projects(ledger)
    tour.record_recognition(ledger)
    tour.record_periods(ledger)
