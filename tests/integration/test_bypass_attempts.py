"""The ways round the rules an auditor tried, each through the API, a sheet and the command line.

Every attempt is refused with a typed error (the API's exception, the sheet's and the command
line's reason) and records nothing: the log's length is the same after it. The station is 崔寨
with one fund (threshold 5,000 yuan, no 公示 required unless the attempt is about the 公示), two
volunteers and the year 2024 as its setting; the attempts come from what the annual reports
and the auditors' findings describe.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import FixedClock
from sgz_ledger import (
    ApprovalRefused,
    DuplicateIdNumber,
    FutureDate,
    InvalidTransition,
    Ledger,
    LedgerError,
    NoticeBeforeApproval,
    NoticeTooShort,
    PaymentRefused,
    PeriodClosedError,
)
from sgz_ledger.cli import main
from sgz_ledger.domain.volunteer import ServiceRefused
from sgz_ledger.sheets import SheetRefused, import_sheet

STATION, FUND = "cuizhai", "cz-cuizhai"
CLERK = "陈录入"  # enters the sheets (--entered-by)
D = dt.date
CST = dt.timezone(dt.timedelta(hours=8))
ID_NUMBER = "370102199001011234"


def _setting(ledger: Ledger, *, publicity: bool = False) -> None:
    ledger.open_fund(fund_id=FUND, station_id=STATION, community="崔寨村", name="崔寨村社区基金",
                     host="济南市慈善总会", approval_threshold="5000",
                     publicity_required=publicity, actor="刘军",
                     occurred_on=D(2024, 1, 2))  # fmt: skip
    ledger.receive_cash(fund_id=FUND, receipt_no="JZ-001", amount="20000", donor="某爱心企业",
                        actor="王芳", occurred_on=D(2024, 1, 10))  # fmt: skip
    ledger.register_volunteer(volunteer_id="V001", station_id=STATION, name="张伟",
                              id_number=ID_NUMBER, registered_on=D(2024, 3, 1), consent=True,
                              actor="王芳", occurred_on=D(2024, 3, 1))  # fmt: skip
    ledger.publish_activity(activity_id="HD-1", station_id=STATION, name="防汛值守",
                            starts_at=dt.datetime(2024, 1, 1, 0, tzinfo=CST),
                            ends_at=dt.datetime(2024, 12, 31, 23, tzinfo=CST), actor="王芳",
                            occurred_on=D(2024, 1, 1))  # fmt: skip


def _request(ledger: Ledger, amount: str = "100", requester: str = "李强") -> None:
    ledger.request_disbursement(fund_id=FUND, request_id="SQ-1", amount=amount,
                                purpose="困境儿童学习用品", payee="某文具店", actor=requester,
                                occurred_on=D(2024, 3, 1))  # fmt: skip


def _approve(ledger: Ledger, by: str = "张敏") -> None:
    ledger.approve_disbursement(fund_id=FUND, request_id="SQ-1", actor=by,
                                occurred_on=D(2024, 3, 1))  # fmt: skip


def _serve(ledger: Ledger, record_id: str, day: dt.date, minutes: int) -> None:
    ledger.record_service(record_id=record_id, volunteer_id="V001", activity_id="HD-1",
                          duration_minutes=minutes, service_date=day, actor="王芳",
                          occurred_on=day)  # fmt: skip


def _close_2024(ledger: Ledger) -> None:
    ledger.close_period(station_id=STATION, period_from=D(2024, 1, 1), period_to=D(2024, 12, 31),
                        reason="2024年度报告已发布", actor="刘军",
                        occurred_on=D(2025, 1, 15))  # fmt: skip


DISBURSEMENT = (
    "request_id,date,fund,amount,purpose,restriction,payee,requested_by,approved_by,paid_on,"
    "voucher_no,notice_ref,notice_from,notice_to\n"
)
DONATION = "date,fund,donor,kind,amount,restriction,receipt_no,handler\n"
SERVICE = "record_id,volunteer_id,activity,date,minutes,recorded_by,approved_by\n"
ROSTER = "volunteer_id,name,id_number,registered_on,consent\n"


@dataclass(frozen=True)
class Attempt:
    """One way round a rule: what the station holds first, the API call, the same as a sheet."""

    setup: Callable[[Ledger], None]
    api: Callable[[Ledger], object]
    error: type[LedgerError]
    sheet: str
    reason: str
    publicity: bool = False


ATTEMPTS = {
    "self-approval under a variant name": Attempt(
        setup=_request,
        api=lambda ledger: _approve(ledger, "李强（代）"),
        error=ApprovalRefused,
        sheet=DISBURSEMENT
        + "SQ-1,2024-03-01,cz-cuizhai,100,困境儿童学习用品,,某文具店,李强,李强（代）,,,,,\n",
        reason="approval_refused",
    ),
    "one person as two approvers": Attempt(
        setup=lambda ledger: (_request(ledger, "6000"), _approve(ledger)),
        api=lambda ledger: (
            _approve(ledger, "张 敏（管委会）"),
            ledger.pay_disbursement(
                fund_id=FUND,
                request_id="SQ-1",
                voucher_no="PZ-1",
                actor="周敏",
                occurred_on=D(2024, 3, 2),
            ),
        ),
        error=InvalidTransition,
        sheet=DISBURSEMENT + "SQ-1,2024-03-01,cz-cuizhai,6000,困境儿童学习用品,,某文具店,李强,"
        "张敏;张 敏（管委会）,2024-03-02,PZ-1,,,\n",
        reason="duplicate_value",
    ),
    "paying one's own request": Attempt(
        setup=lambda ledger: (_request(ledger, requester=CLERK), _approve(ledger)),
        api=lambda ledger: ledger.pay_disbursement(
            fund_id=FUND,
            request_id="SQ-1",
            voucher_no="PZ-1",
            actor=CLERK,
            occurred_on=D(2024, 3, 2),
        ),
        error=PaymentRefused,
        # The sheet's payment is entered by --entered-by, who requested it here.
        sheet=DISBURSEMENT + f"SQ-1,2024-03-01,cz-cuizhai,100,困境儿童学习用品,,某文具店,{CLERK},"
        "张敏,2024-03-02,PZ-1,,,\n",
        reason="payment_refused",
    ),
    "a 公示 wholly before its approval": Attempt(
        setup=lambda ledger: (_request(ledger), _approve(ledger)),
        api=lambda ledger: ledger.publicize_disbursement(
            fund_id=FUND,
            request_id="SQ-1",
            notice_ref="公示-1",
            notice_from=D(2024, 2, 1),
            notice_to=D(2024, 2, 5),
            actor=CLERK,
            occurred_on=D(2024, 3, 2),
        ),
        error=NoticeBeforeApproval,
        sheet=DISBURSEMENT + "SQ-1,2024-03-01,cz-cuizhai,100,困境儿童学习用品,,某文具店,李强,"
        "张敏,,,公示-1,2024-02-01,2024-02-05\n",
        reason="notice_before_approval",
        publicity=True,
    ),
    "a one-day 公示": Attempt(
        setup=lambda ledger: (_request(ledger), _approve(ledger)),
        api=lambda ledger: ledger.publicize_disbursement(
            fund_id=FUND,
            request_id="SQ-1",
            notice_ref="公示-1",
            notice_from=D(2024, 3, 2),
            notice_to=D(2024, 3, 2),
            actor=CLERK,
            occurred_on=D(2024, 3, 2),
        ),
        error=NoticeTooShort,
        sheet=DISBURSEMENT + "SQ-1,2024-03-01,cz-cuizhai,100,困境儿童学习用品,,某文具店,李强,"
        "张敏,,,公示-1,2024-03-02,2024-03-02\n",
        reason="notice_too_short",
        publicity=True,
    ),
    "a gift dated in the future": Attempt(
        setup=lambda ledger: None,
        api=lambda ledger: ledger.receive_cash(
            fund_id=FUND,
            receipt_no="JZ-2099",
            amount="99900",
            donor="某爱心企业",
            actor="王芳",
            occurred_on=D(2099, 2, 3),
        ),
        error=FutureDate,
        sheet=DONATION + "2099-02-03,cz-cuizhai,某爱心企业,cash,99900,,JZ-2099,王芳\n",
        reason="future_date",
    ),
    "46 hours in one day": Attempt(
        setup=lambda ledger: _serve(ledger, "FW-1", D(2024, 7, 20), 23 * 60),
        api=lambda ledger: _serve(ledger, "FW-2", D(2024, 7, 20), 23 * 60),
        error=ServiceRefused,
        sheet=SERVICE + "FW-2,V001,防汛值守,2024-07-20,1380,王芳,\n",
        reason="service_refused",
    ),
    "service before registration": Attempt(
        setup=lambda ledger: None,
        api=lambda ledger: _serve(ledger, "FW-3", D(2024, 2, 20), 120),
        error=ServiceRefused,
        sheet=SERVICE + "FW-3,V001,防汛值守,2024-02-20,120,王芳,\n",
        reason="service_refused",
    ),
    "a second volunteer with the same ID number": Attempt(
        setup=lambda ledger: None,
        api=lambda ledger: ledger.register_volunteer(
            volunteer_id="V002",
            station_id=STATION,
            name="张 伟",
            id_number=ID_NUMBER,
            registered_on=D(2024, 4, 1),
            consent=True,
            actor="王芳",
            occurred_on=D(2024, 4, 1),
        ),
        error=DuplicateIdNumber,
        sheet=ROSTER + f"V002,张 伟,{ID_NUMBER},2024-04-01,是\n",
        reason="duplicate_id_number",
    ),
    "a backdated gift into a closed year": Attempt(
        setup=_close_2024,
        api=lambda ledger: ledger.receive_cash(
            fund_id=FUND,
            receipt_no="JZ-099",
            amount="999",
            donor="某商户",
            actor="王芳",
            occurred_on=D(2024, 6, 1),
        ),
        error=PeriodClosedError,
        sheet=DONATION + "2024-06-01,cz-cuizhai,某商户,cash,999,,JZ-099,王芳\n",
        reason="period_closed",
    ),
}


def _store(tmp_path: Path, attempt: Attempt) -> str:
    store = str(tmp_path / "station.db")
    ledger = Ledger(store, create=True, clock=FixedClock(dt.datetime(2025, 2, 1, tzinfo=dt.UTC)))
    try:
        _setting(ledger, publicity=attempt.publicity)
        attempt.setup(ledger)
    finally:
        ledger.close()
    return store


def _position(store: str) -> int:
    ledger = Ledger(store)
    try:
        return ledger.log_position()
    finally:
        ledger.close()


@pytest.mark.parametrize("name", ATTEMPTS)
def test_through_the_api(tmp_path: Path, name: str) -> None:
    attempt = ATTEMPTS[name]
    store = _store(tmp_path, attempt)
    before = _position(store)
    ledger = Ledger(store)
    try:
        with pytest.raises(attempt.error):
            attempt.api(ledger)
    finally:
        ledger.close()
    assert _position(store) == before


@pytest.mark.parametrize("name", ATTEMPTS)
def test_through_a_sheet(tmp_path: Path, name: str) -> None:
    attempt = ATTEMPTS[name]
    store = _store(tmp_path, attempt)
    before = _position(store)
    ledger = Ledger(store)
    try:
        with pytest.raises(SheetRefused) as refused:
            import_sheet(ledger, attempt.sheet.encode(), station_id=STATION, entered_by=CLERK)
    finally:
        ledger.close()
    assert [p.reason for p in refused.value.rows] == [attempt.reason]
    assert _position(store) == before


@pytest.mark.parametrize("name", ATTEMPTS)
def test_through_the_command_line(tmp_path: Path, name: str) -> None:
    attempt = ATTEMPTS[name]
    store = _store(tmp_path, attempt)
    before = _position(store)
    path = tmp_path / "sheet.csv"
    path.write_bytes(attempt.sheet.encode())
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--store", store, "import", str(path), "--station", STATION,
                     "--entered-by", CLERK])  # fmt: skip
    assert code == 2
    assert attempt.reason in err.getvalue()
    assert "Traceback" not in err.getvalue()
    assert _position(store) == before
