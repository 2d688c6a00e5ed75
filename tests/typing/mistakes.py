"""A newcomer's station script with mistakes in it: ``mypy --strict`` must report an error on
every line marked ``# E:`` (what the mistake is), and on no other line.

Never run: it is read by mypy (tests/typing/test_typing.py). The lines without a mark are
the right way to write the same things, so that they stay accepted. One call a line, so
that each mistake is on the line mypy names (hence ``fmt: off``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal

from sgz_ledger import (
    CashDonationReceived,
    DisbursementRequested,
    Ledger,
    LedgerEvent,
    ReceiveCashDonation,
    RequestDisbursement,
    ServiceRecorded,
    VolunteerRegistered,
)
from sgz_ledger.reports.volunteers import Period

# fmt: off
ledger = Ledger("memory:")
day = dt.date(2024, 1, 8)
F = "cz-village"

ledger.open_fund(fund_id=F, station_id="cuizhai", community="崔寨村", name="崔寨村社区基金", host="济南市慈善总会", approval_threshold="5000", actor="王芳", occurred_on=day)
ledger.open_fund(fund_id=F, station_id="cuizhai", community="崔寨村", name="崔寨村社区基金", host="济南市慈善总会", approval_threshold=5000, actor="王芳", occurred_on=day)  # E: an int threshold (fen? yuan?)

# ---- money ----------------------------------------------------------------------------------
gift = ledger.receive_cash(fund_id=F, receipt_no="R-1", amount="12000.00", actor="王芳", occurred_on=day)
ledger.receive_cash(fund_id=F, receipt_no="R-2", amount=Decimal("35.50"), actor="王芳", occurred_on=day)
ledger.receive_cash(fund_id=F, receipt_no="R-3", amount_fen=3550, actor="王芳", occurred_on=day)
ledger.receive_cash(fund_id=F, receipt_no="R-4", amount=100.5, actor="王芳", occurred_on=day)  # E: a float amount
ledger.receive_cash(fund_id=F, receipt_no="R-5", amount=100, actor="王芳", occurred_on=day)  # E: an int in the yuan field
ledger.receive_cash(fund_id=F, receipt_no="R-6", amount_fen="100", actor="王芳", occurred_on=day)  # E: text in the fen field
ledger.receive_cash(fund_id=F, reciept_no="R-7", amount="1", actor="王芳", occurred_on=day)  # E: a misspelled keyword
ledger.receive_cash(fund_id=F, receipt_no="R-8", amount="1", actor="王芳", occurred_on="2024-01-08")  # E: a date as text
fen: int = gift.amount_fen
yuan: Decimal = gift.amount_fen  # E: fen is an int, not yuan
print(gift.amount)  # E: the event has amount_fen, not amount

# ---- the event a command returns ------------------------------------------------------------
request = ledger.request_disbursement(fund_id=F, request_id="SQ-1", amount="300", purpose="学习用品", payee="文具店", actor="李娜", occurred_on=day)
requested: DisbursementRequested = request
paid: CashDonationReceived = request  # E: a request is not a gift
print(request.payee, request.purpos)  # E: a misspelt attribute

volunteer = ledger.register_volunteer(volunteer_id="V-1", station_id="cuizhai", name="张丽", registered_on=day, consent=True, actor="王芳", occurred_on=day)
registered: VolunteerRegistered = volunteer
wrong: CashDonationReceived = volunteer  # E: a wrong return type assumed
ledger.publish_activity(activity_id="A-1", station_id="cuizhai", name="探访", actor="王芳", occurred_on=day, starts_at=dt.datetime(2024, 1, 8, 9, tzinfo=dt.UTC), ends_at=dt.datetime(2024, 1, 8, 11, tzinfo=dt.UTC))
record = ledger.record_service(record_id="r-1", volunteer_id="V-1", activity_id="A-1", duration_minutes=90, service_date=day, actor="王芳", occurred_on=day)
served: ServiceRecorded = record
print(record.duration_s)
print(record.duraton_s)  # E: a misspelt attribute on the returned event
ledger.record_service(record_id="r-2", volunteer_id="V-1", activity_id="A-1", duration_minutes="90", service_date=day, actor="王芳", occurred_on=day)  # E: minutes as text
team = ledger.join_team(volunteer_id="V-1", team="助老队", actor="王芳", occurred_on=day)
print(team.team)  # E: None when already in the team
if team is not None:
    print(team.team)

# ---- execute and batches --------------------------------------------------------------------
command = ReceiveCashDonation(fund_id=F, receipt_no="R-9", amount="12000.00", actor="王芳", occurred_on=day)
ReceiveCashDonation(fund_id=F, receipt_no="R-9", amount=12000, actor="王芳", occurred_on=day)  # E: an int in the model's yuan field
ReceiveCashDonation(fund_id=F, receipt_no="R-9", ammount="1", actor="王芳", occurred_on=day)  # E: a misspelled field of the model
executed = ledger.execute(command)
print(executed.amount_fen, executed.receipt_no)
print(executed.payee)  # E: execute returns the command's event
batch = ledger.execute_batch([command, command])
firsts: list[CashDonationReceived] = batch
spend = RequestDisbursement(fund_id=F, request_id="SQ-2", amount="1", purpose="用品", payee="店", actor="李娜", occurred_on=day)
mixed = ledger.execute_batch([command, spend])
recorded: Sequence[LedgerEvent] = mixed
gifts: list[CashDonationReceived] = mixed  # E: a mixed batch is not all gifts

# ---- queries --------------------------------------------------------------------------------
ledger.statement(F, from_day=dt.date(2024, 1, 1))
ledger.statement(F, from_day="2024-01-01")  # E: a date as text
ledger.annual_report(2024)
ledger.annual_report("2024")  # E: a year as text
ledger.volunteer_stats(Period.year(2024), station_id="cuizhai")
ledger.volunteer_stats("2024", station_id="cuizhai")  # E: a period as text
# fmt: on
