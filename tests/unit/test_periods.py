"""Notices by rule, publications as events, closed periods and their 更正说明 (rules 30 to 34).

A station year of 崔寨村社区基金: the same 公示 refused through the API, a batch, a sheet and
the command line with one reason; the 2024 annual report published and the year closed; a
gift of June entered in January of the next year, refused, then recorded with a correction
note and listed in the next disclosure and annual report with both anchors.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import FixedClock
from sgz_ledger import (
    BatchCommandRefused,
    ClosedPeriodCorrected,
    InvalidInput,
    Ledger,
    NoticeBeforeApproval,
    NoticeTooShort,
    PeriodClosed,
    PeriodClosedError,
    RuleViolation,
)
from sgz_ledger.cli import main
from sgz_ledger.domain.periods import StationPeriods, periods_uuid
from sgz_ledger.render.funds import annual_report_text, disclosure_text
from sgz_ledger.render.layout import json_text
from sgz_ledger.service import commands as b
from sgz_ledger.sheets import SheetRefused, import_sheet

STATION = "cuizhai"
FUND = "cz-cuizhai"
CLERK = "王芳"  # 驻站社工: registers gifts, posts notices
REQUESTER = "李强"
APPROVER = "张敏"  # 管委会
CASHIER = "周敏"
MANAGER = "刘军"  # 站长: publishes reports, closes periods
D = dt.date


@pytest.fixture
def mem() -> Iterator[Ledger]:
    ledger = Ledger("memory:", clock=FixedClock(dt.datetime(2025, 1, 20, 2, tzinfo=dt.UTC)))
    yield ledger
    ledger.close()


def a_fund(ledger: Ledger, *, publicity_required: bool = True) -> None:
    ledger.open_fund(fund_id=FUND, station_id=STATION, community="崔寨村", name="崔寨村社区基金",
                     host="济南市慈善总会", approval_threshold="5000",
                     publicity_required=publicity_required, actor=CLERK,
                     occurred_on=D(2024, 1, 2))  # fmt: skip
    ledger.receive_cash(fund_id=FUND, receipt_no="JZ-001", amount="63000", donor="某爱心企业",
                        actor=CLERK, occurred_on=D(2024, 1, 10))  # fmt: skip


def an_approved_request(ledger: Ledger, request_id: str = "SQ-01") -> None:
    """A request of 2/20, approved on 3/1."""
    ledger.request_disbursement(fund_id=FUND, request_id=request_id, amount="3000",
                                purpose="困境儿童学习用品", payee="某文具店", actor=REQUESTER,
                                occurred_on=D(2024, 2, 20))  # fmt: skip
    ledger.approve_disbursement(fund_id=FUND, request_id=request_id, actor=APPROVER,
                                occurred_on=D(2024, 3, 1))  # fmt: skip


def notice(first: dt.date, last: dt.date, *, on: dt.date | None = None) -> dict[str, Any]:
    return {"fund_id": FUND, "request_id": "SQ-01", "notice_ref": "崔寨村公示〔2024〕1号",
            "notice_from": first, "notice_to": last, "actor": CLERK,
            "occurred_on": on or first}  # fmt: skip


# ---- rule 30 and 31: the 公示 follows the approval and lasts the station's minimum ------


def test_a_notice_wholly_before_the_approval_is_refused_even_dated_after_it(mem: Ledger) -> None:
    """The auditor's case: 2/1 to 2/5 for an approval of 3/1, the command dated 3/2."""
    a_fund(mem)
    an_approved_request(mem)
    position = mem.log_position()
    with pytest.raises(NoticeBeforeApproval) as refused:
        mem.publicize_disbursement(**notice(D(2024, 2, 1), D(2024, 2, 5), on=D(2024, 3, 2)))
    assert refused.value.reason == "notice_before_approval"
    assert "2024-03-01" in str(refused.value)
    assert mem.log_position() == position


def test_a_one_day_notice_is_refused_and_five_days_both_ends_counted_pass(mem: Ledger) -> None:
    a_fund(mem)
    an_approved_request(mem)
    position = mem.log_position()
    for last in (D(2024, 3, 1), D(2024, 3, 4)):  # one day, four days
        with pytest.raises(NoticeTooShort) as refused:
            mem.publicize_disbursement(**notice(D(2024, 3, 1), last))
        assert refused.value.reason == "notice_too_short"
    assert mem.log_position() == position
    recorded = mem.publicize_disbursement(**notice(D(2024, 3, 1), D(2024, 3, 5)))
    assert (recorded.notice_from, recorded.notice_to) == (D(2024, 3, 1), D(2024, 3, 5))
    with pytest.raises(RuleViolation, match="runs until 2024-03-05"):
        mem.pay_disbursement(fund_id=FUND, request_id="SQ-01", voucher_no="PZ-01",
                             actor=CASHIER, occurred_on=D(2024, 3, 5))  # fmt: skip
    mem.pay_disbursement(fund_id=FUND, request_id="SQ-01", voucher_no="PZ-01", actor=CASHIER,
                         occurred_on=D(2024, 3, 6))  # fmt: skip


def test_the_minimum_is_the_stations_policy(mem: Ledger) -> None:
    a_fund(mem)
    mem.set_station_policy(station_id=STATION, name="崔寨街道社工站", notice_days_min=7,
                           actor=MANAGER, occurred_on=D(2024, 1, 2))  # fmt: skip
    an_approved_request(mem)
    with pytest.raises(NoticeTooShort, match="minimum is 7 days"):
        mem.publicize_disbursement(**notice(D(2024, 3, 1), D(2024, 3, 6)))
    mem.publicize_disbursement(**notice(D(2024, 3, 1), D(2024, 3, 7)))
    with pytest.raises(InvalidInput, match="notice_days_min"):
        mem.set_station_policy(station_id=STATION, name="崔寨街道社工站", notice_days_min=0,
                               actor=MANAGER, occurred_on=D(2024, 1, 3))  # fmt: skip


def test_a_batch_gives_the_same_refusal(mem: Ledger) -> None:
    a_fund(mem)
    an_approved_request(mem)
    command = b.PublicizeDisbursement(**notice(D(2024, 2, 1), D(2024, 2, 5)))
    with pytest.raises(BatchCommandRefused) as refused:
        mem.execute_batch([command])
    assert type(refused.value.error) is NoticeBeforeApproval


DISBURSEMENTS = """request_id,date,fund,amount,purpose,restriction,payee,requested_by,approved_by,paid_on,voucher_no,notice_ref,notice_from,notice_to
SQ-01,2024-03-01,cz-cuizhai,3000,困境儿童学习用品,,某文具店,李强,张敏,,,公示-01,{first},{last}
"""  # noqa: E501


def sheet(first: str, last: str) -> bytes:
    return DISBURSEMENTS.format(first=first, last=last).encode("utf-8")


@pytest.mark.parametrize(
    ("first", "last", "reason"),
    [
        ("2024-02-01", "2024-02-05", "notice_before_approval"),
        ("2024-03-01", "2024-03-01", "notice_too_short"),
    ],
)
def test_a_sheet_gives_the_same_refusal(mem: Ledger, first: str, last: str, reason: str) -> None:
    """The row's approval is dated 3/1 (its 日期): the sheet has no check of its own, the
    fund's rule refuses the row with the API's reason."""
    a_fund(mem)
    position = mem.log_position()
    with pytest.raises(SheetRefused) as refused:
        import_sheet(mem, sheet(first, last), station_id=STATION, entered_by=CLERK)
    assert [(p.line, p.reason) for p in refused.value.rows] == [(2, reason)]
    assert mem.log_position() == position
    summary = import_sheet(mem, sheet("2024-03-01", "2024-03-05"), station_id=STATION,
                           entered_by=CLERK)  # fmt: skip
    assert summary.disbursements_publicized == 1


def test_the_command_line_gives_the_same_refusal(tmp_path: Path) -> None:
    store = str(tmp_path / "station.db")
    ledger = Ledger(store, create=True)
    a_fund(ledger)
    ledger.close()
    path = tmp_path / "支出登记.csv"
    path.write_bytes(sheet("2024-02-01", "2024-02-05"))
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = main(["--store", store, "import", str(path), "--entered-by", CLERK])
    assert code == 2
    assert "notice_before_approval" in err.getvalue()


# ---- rule 32: publishing is an event ----------------------------------------------------------


def test_a_publication_records_the_anchor_printed_and_refuses_a_foreign_one(mem: Ledger) -> None:
    a_fund(mem)
    anchor = str(mem.annual_report(2024, station_id=STATION).anchor)
    published = mem.publish_report(station_id=STATION, kind="annual_report",
                                   period_from=D(2024, 1, 1), period_to=D(2024, 12, 31),
                                   anchor=anchor, note="村务公开栏", actor=MANAGER,
                                   occurred_on=D(2025, 1, 15))  # fmt: skip
    assert published.anchor == anchor
    position = mem.log_position()
    forged = anchor[: -len("0" * 64)] + "0" * 64
    with pytest.raises(InvalidInput, match="not this store's anchor"):
        mem.publish_report(station_id=STATION, kind="disclosure", period_from=D(2024, 1, 1),
                           period_to=D(2024, 12, 31), anchor=forged, actor=MANAGER,
                           occurred_on=D(2025, 1, 15))  # fmt: skip
    assert mem.log_position() == position


# ---- rule 33: closed periods ---------------------------------------------------------------


def closed_2024(ledger: Ledger) -> PeriodClosed:
    a_fund(ledger)
    return ledger.close_period(station_id=STATION, period_from=D(2024, 1, 1),
                               period_to=D(2024, 12, 31), reason="2024年度报告已发布",
                               actor=MANAGER, occurred_on=D(2025, 1, 15))  # fmt: skip


def backdated_gift(ledger: Ledger, note: str | None = None) -> Any:
    return ledger.receive_cash(fund_id=FUND, receipt_no="JZ-099", amount="999", donor="某商户",
                               actor=CLERK, occurred_on=D(2024, 6, 1),
                               correction_note=note)  # fmt: skip


def test_a_backdated_gift_into_a_closed_year_is_refused_and_nothing_recorded(mem: Ledger) -> None:
    """The auditor's case: a year's published 63,000.00 must not become 63,999.00 silently."""
    closing = closed_2024(mem)
    assert closing.anchor == str(mem.anchor(mem.log_position() - 1))
    position = mem.log_position()
    with pytest.raises(PeriodClosedError) as refused:
        backdated_gift(mem)
    assert refused.value.reason == "period_closed"
    assert "2024-01-01 to 2024-12-31" in str(refused.value)
    assert "2025-01-15" in str(refused.value)
    assert mem.log_position() == position
    assert mem.annual_report(2024, station_id=STATION).donations_cash_fen == 6_300_000
    # A batch and every other command dated in the year alike; dated after it, accepted.
    with pytest.raises(BatchCommandRefused) as in_batch:
        mem.execute_batch([
            b.ReceiveCashDonation(fund_id=FUND, receipt_no="JZ-100", amount="10", actor=CLERK,
                                  occurred_on=D(2025, 1, 16)),
            b.RequestDisbursement(fund_id=FUND, request_id="SQ-09", amount="10", purpose="补记",
                                  payee="某店", actor=REQUESTER, occurred_on=D(2024, 12, 31)),
        ])  # fmt: skip
    assert (in_batch.value.index, type(in_batch.value.error)) == (1, PeriodClosedError)
    assert mem.log_position() == position
    mem.receive_cash(fund_id=FUND, receipt_no="JZ-100", amount="10", actor=CLERK,
                     occurred_on=D(2025, 1, 1))  # fmt: skip


def test_with_a_correction_note_it_is_recorded_and_named(mem: Ledger) -> None:
    closing = closed_2024(mem)
    gift = backdated_gift(mem, "6月1日某商户捐赠漏记。凭收据补录")
    [correction] = [e for e in mem.stored_events() if isinstance(e, ClosedPeriodCorrected)]
    assert (correction.event_type, correction.aggregate_id, correction.aggregate_version) == (
        "CashDonationReceived",
        gift.originator_id,
        gift.originator_version,
    )
    assert correction.occurred_on == D(2024, 6, 1)
    assert correction.note == "6月1日某商户捐赠漏记。凭收据补录"
    assert (correction.period_from, correction.period_to) == (D(2024, 1, 1), D(2024, 12, 31))
    assert correction.closed_anchor == closing.anchor
    # The same command again records nothing, with or without its note.
    position = mem.log_position()
    assert backdated_gift(mem, "6月1日某商户捐赠漏记。凭收据补录") == gift
    assert backdated_gift(mem) == gift
    assert mem.log_position() == position
    periods = mem.commands.load(periods_uuid(STATION), StationPeriods)
    assert periods is not None
    assert periods.corrections == [correction]


# ---- rule 34: 更正说明 in the next disclosure and annual report ------------------------------


def test_a_correction_is_listed_in_the_next_reports_with_both_anchors(mem: Ledger) -> None:
    closing = closed_2024(mem)
    before = mem.disclosure(FUND, from_day=D(2025, 1, 1), to_day=D(2025, 3, 31))
    assert not before.closed_period_corrections
    backdated_gift(mem, "6月1日某商户捐赠漏记。凭收据补录")
    disclosure = mem.disclosure(FUND, from_day=D(2025, 1, 1), to_day=D(2025, 3, 31))
    [listed] = disclosure.closed_period_corrections
    assert listed.closed_anchor == closing.anchor
    assert disclosure.anchor is not None
    assert str(disclosure.anchor) != closing.anchor
    text = disclosure_text(disclosure)
    assert "更正说明" in text
    assert "6月1日某商户捐赠漏记" in text
    assert closing.anchor in text
    assert f"this report's anchor: {disclosure.anchor}" in text
    report = mem.annual_report(2024, station_id=STATION)
    assert [c.note for c in report.closed_period_corrections] == [listed.note]
    assert report.donations_cash_fen == 6_399_900  # the year as corrected, said so
    assert closing.anchor in annual_report_text(report)
    # Once a disclosure holding it is published, the next one no longer lists it; the
    # annual report still does until one of its kind is published.
    mem.publish_report(station_id=STATION, kind="disclosure", period_from=D(2025, 1, 1),
                       period_to=D(2025, 3, 31), anchor=str(disclosure.anchor), actor=MANAGER,
                       occurred_on=D(2025, 1, 20))  # fmt: skip
    after = mem.disclosure(FUND, from_day=D(2025, 4, 1), to_day=D(2025, 6, 30))
    assert not after.closed_period_corrections
    assert mem.annual_report(2024, station_id=STATION).closed_period_corrections


def test_reports_of_a_store_without_corrections_keep_their_json(mem: Ledger) -> None:
    a_fund(mem)
    document = json.loads(disclosure_json(mem))
    assert "closed_period_corrections" not in document


def disclosure_json(ledger: Ledger) -> str:
    return json_text(ledger.disclosure(FUND, from_day=D(2024, 1, 1), to_day=D(2024, 12, 31)))


# ---- the command line ----------------------------------------------------------------------


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


def test_publish_and_close_period_on_the_command_line(tmp_path: Path) -> None:
    store = str(tmp_path / "station.db")
    ledger = Ledger(store, create=True)
    a_fund(ledger)
    ledger.close()
    base = ["--store", store]
    code, out, _ = cli(*base, "publish", "--station", STATION, "--kind", "annual-report",
                       "--from", "2024-01-01", "--to", "2024-12-31", "--note", "村务公开栏",
                       "--entered-by", MANAGER, "--on", "2025-01-15")  # fmt: skip
    assert code == 0
    assert "Recorded the publication" in out
    code, out, _ = cli(*base, "close-period", "--station", STATION, "--from", "2024-01-01",
                       "--to", "2024-12-31", "--reason", "2024年度报告已发布",
                       "--entered-by", MANAGER, "--on", "2025-01-15")  # fmt: skip
    assert code == 0
    assert "Closed station cuizhai's period 2024-01-01 to 2024-12-31" in out
    code, out, err = cli(*base, "publish", "--station", STATION, "--kind", "disclosure",
                         "--from", "2024-01-01", "--to", "2024-12-31",
                         "--anchor", "sha256:1:" + "0" * 64)  # fmt: skip
    assert code == 2
    assert "not this store's anchor" in err
    assert "Traceback" not in err
    code, _, err = cli(*base, "close-period", "--station", "无此站", "--from", "2024-01-01",
                       "--to", "2024-12-31", "--reason", "r")  # fmt: skip
    assert code == 2
    assert "not found" in err


def test_an_erasure_is_never_held_back_by_a_closed_period(mem: Ledger) -> None:
    """个人信息保护法 Art.47: erasing changes no figure, whatever date it is entered under."""
    closed_2024(mem)
    mem.register_volunteer(volunteer_id="V-0001", station_id=STATION, name="张丽",
                           registered_on=D(2025, 1, 16), consent=True, actor=CLERK,
                           occurred_on=D(2025, 1, 16))  # fmt: skip
    erased = mem.erase_personal_data(volunteer_id="V-0001", reason="本人申请删除个人信息",
                                     requested_by="V-0001", actor=CLERK,
                                     occurred_on=D(2024, 12, 31))  # fmt: skip
    assert erased.occurred_on == D(2024, 12, 31)
    assert not [e for e in mem.stored_events() if isinstance(e, ClosedPeriodCorrected)]


CST = dt.timezone(dt.timedelta(hours=8))


def _volunteer_of_2024(ledger: Ledger) -> None:
    ledger.register_volunteer(volunteer_id="V-0002", station_id=STATION, name="赵静",
                              registered_on=D(2024, 3, 1), consent=True, actor=CLERK,
                              occurred_on=D(2024, 3, 1))  # fmt: skip
    ledger.publish_activity(activity_id="HD-2024-12", station_id=STATION, name="敬老院探访",
                            starts_at=dt.datetime(2024, 12, 1, 8, tzinfo=CST),
                            ends_at=dt.datetime(2024, 12, 31, 18, tzinfo=CST), actor=CLERK,
                            occurred_on=D(2024, 11, 20))  # fmt: skip


def test_service_hours_of_a_closed_year_are_held_by_their_days_not_their_entry(
    mem: Ledger,
) -> None:
    """The hours count in the year served: a record entered in 2025 for 12/28, or the
    approval in 2025 of a record pending since 2024, changes 2024's published hours."""
    _volunteer_of_2024(mem)
    mem.record_service(record_id="FW-1", volunteer_id="V-0002", activity_id="HD-2024-12",
                       duration_s=3 * 3600, service_date=D(2024, 12, 20), actor=CLERK,
                       occurred_on=D(2024, 12, 20))  # fmt: skip
    closed_2024(mem)
    position = mem.log_position()
    with pytest.raises(PeriodClosedError):  # entered today, served in the closed year
        mem.record_service(record_id="FW-2", volunteer_id="V-0002", activity_id="HD-2024-12",
                           duration_s=2 * 3600, service_date=D(2024, 12, 28), actor=CLERK,
                           occurred_on=D(2025, 1, 16))  # fmt: skip
    with pytest.raises(PeriodClosedError):  # approved today, served in the closed year
        mem.approve_service(volunteer_id="V-0002", record_id="FW-1", actor=APPROVER,
                            occurred_on=D(2025, 1, 16))  # fmt: skip
    assert mem.log_position() == position
    approved = mem.approve_service(volunteer_id="V-0002", record_id="FW-1", actor=APPROVER,
                                   occurred_on=D(2025, 1, 16),
                                   correction_note="12月记录漏审，站长同意补审")  # fmt: skip
    [correction] = [e for e in mem.stored_events() if isinstance(e, ClosedPeriodCorrected)]
    assert (correction.aggregate_id, correction.aggregate_version) == (
        approved.originator_id,
        approved.originator_version,
    )


GIFT_SHEET = """date,fund,donor,kind,amount,restriction,receipt_no,handler
2024-06-01,cz-cuizhai,某商户,cash,999,,JZ-099,王芳
"""


def test_a_sheet_into_a_closed_year_needs_a_correction_note(tmp_path: Path) -> None:
    """A donation register with a gift of June 2024, imported after 2024 was closed: refused
    whole, then imported with --correction-note and listed as a correction."""
    store = str(tmp_path / "station.db")
    ledger = Ledger(store, create=True)
    closed_2024(ledger)
    position = ledger.log_position()
    ledger.close()
    path = tmp_path / "捐赠登记.csv"
    path.write_bytes(GIFT_SHEET.encode())
    base = ("--store", store, "import", str(path), "--station", STATION, "--entered-by", CLERK)
    code, _, err = cli(*base)
    assert code == 2
    assert "period_closed" in err
    code, _, err = cli(*base, "--correction-note", "6月1日捐赠漏记，凭收据补录")
    assert code == 0, err
    ledger = Ledger(store)
    try:
        [correction] = [e for e in ledger.stored_events() if isinstance(e, ClosedPeriodCorrected)]
        assert correction.note == "6月1日捐赠漏记,凭收据补录"  # canonical text
        assert correction.event_type == "CashDonationReceived"
        assert ledger.log_position() == position + 2  # the gift and its correction
    finally:
        ledger.close()


def test_a_closed_period_does_not_hold_back_the_stations_own_settings(mem: Ledger) -> None:
    """Rule 33: a closed period holds figures; the station's policy, its register of people
    and a publication change none, so they are recorded on a day inside it without a note."""
    closed_2024(mem)
    on = D(2024, 12, 31)  # inside the closed year
    mem.set_station_policy(station_id=STATION, name="崔寨街道社工站", notice_days_min=7,
                           actor=MANAGER, occurred_on=on)  # fmt: skip
    mem.add_person(station_id=STATION, person_id="A-01", name=MANAGER, roles=["admin"],
                   actor=MANAGER, occurred_on=on)  # fmt: skip
    mem.add_person(station_id=STATION, person_id="P-01", name=CLERK, roles=["clerk"],
                   actor="A-01", occurred_on=on)  # fmt: skip
    assert not [e for e in mem.stored_events() if isinstance(e, ClosedPeriodCorrected)]
    # A gift on the same day is still refused: the exemption is the settings', not the day's.
    with pytest.raises(PeriodClosedError):
        mem.receive_cash(fund_id=FUND, receipt_no="JZ-100", amount="10", donor="某商户",
                         actor=CLERK, occurred_on=on)  # fmt: skip
