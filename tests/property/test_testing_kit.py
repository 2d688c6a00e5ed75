"""The testing kit (``sgz_ledger.testing``) tested: its strategies draw what the ledger
accepts, its recount counts what was recorded, and each invariant fails where it should,
named: the station machine of ``test_testing_kit_example`` over back ends with a bug each,
and ledgers broken by hand (an event written straight into the store, a view edited).
"""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import msgspec
import pytest
from hypothesis import HealthCheck, Phase, find, given, settings
from hypothesis import strategies as st
from hypothesis.stateful import run_state_machine_as_test
from test_testing_kit_example import StationBackEnd, StationMachine

from sgz_ledger import (
    CashDonationReceived,
    DisbursementApproved,
    DisbursementPaid,
    DisbursementPublicized,
    DonationRefunded,
    Ledger,
    LedgerEvent,
    RequestDisbursement,
    ServiceApproved,
)
from sgz_ledger.reports.annual import AnnualReport
from sgz_ledger.testing import (
    INVARIANTS,
    YEAR_FIGURES,
    InvariantViolated,
    check_invariants,
    histories,
)

# Histories register volunteers on stores kept in clear (no cipher key): said once, not here.
pytestmark = pytest.mark.filterwarnings("ignore::sgz_ledger.PersonalDataInClearWarning")

DAY = dt.date(2024, 3, 1)
# A machine expected to fail: the first failure found is reported as it is (no shrinking,
# which would rerun the machine many times over to make it shorter).
FAILING = settings(
    max_examples=20,
    stateful_step_count=10,
    deadline=None,
    database=None,
    derandomize=True,
    report_multiple_bugs=False,
    phases=[Phase.generate],
    suppress_health_check=[HealthCheck.too_slow],
)


def write_straight(ledger: Ledger, event: LedgerEvent) -> None:
    """Record ``event`` past every rule, through the store's recorder (the chain extends
    over it, as over any write): what code that bypasses the commands does."""
    ledger.recorder.insert_events(ledger.mapper.encode_events([event]))  # type: ignore[attr-defined]


def stamp(ledger: Ledger, fund_id: str, actor: str, on: dt.date = DAY) -> dict[str, Any]:
    """The fields every event of ``fund_id`` carries, as its next event."""
    fund = ledger.fund(fund_id)
    return {
        "originator_id": fund.id,
        "originator_version": fund.version + 1,
        "timestamp": dt.datetime.now(dt.UTC),
        "actor": actor,
        "occurred_on": on,
    }


def a_fund(ledger: Ledger, *, publicity_required: bool = False) -> None:
    """A fund with 100 yuan of gifts, 30 of them requested by 李强 (not approved): above its
    threshold of 20, so the request needs two approvers."""
    ledger.open_fund(
        fund_id="F",
        station_id="cuizhai",
        community="崔寨村",
        name="崔寨村社区基金",
        host="济南市慈善总会",
        approval_threshold_fen=2_000,
        publicity_required=publicity_required,
        actor="王芳",
        occurred_on=DAY,
    )
    ledger.receive_cash(
        fund_id="F", receipt_no="JZ-1", amount_fen=10_000, actor="王芳", occurred_on=DAY
    )
    ledger.request_disbursement(
        fund_id="F",
        request_id="SQ-1",
        amount_fen=3_000,
        purpose="慰问",
        payee="社区超市",
        actor="李强",
        occurred_on=DAY,
    )


def violated(ledger: Ledger) -> InvariantViolated:
    with pytest.raises(InvariantViolated) as info:
        check_invariants(ledger)
    assert str(info.value).startswith(f"invariant {info.value.invariant} violated: ")
    return info.value


# ---- the strategies ---------------------------------------------------------------------------


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(history=histories(), batch=st.booleans())
def test_a_history_is_recorded_whole_and_keeps_every_invariant(
    history: list[Any], batch: bool
) -> None:
    ledger = Ledger("memory:")
    if batch:
        ledger.execute_batch(history)
    else:
        for command in history:
            ledger.execute(command)
    counted = check_invariants(ledger)
    assert len(ledger.stored_events()) == len(counted.events) >= len(history)
    assert counted.funds, "every history opens a fund"


def test_histories_hold_every_kind_of_command() -> None:
    """Some history holds each command the kit draws, a registered station's people, a
    payment after a 公示 and spending on a project's line: the strategy reaches them all."""
    wanted = {
        "AddPerson",
        "SetStationPolicy",
        "OpenFund",
        "OpenProject",
        "ReceiveCashDonation",
        "ReceiveGoodsDonation",
        "RequestDisbursement",
        "ApproveDisbursement",
        "PublicizeDisbursement",
        "PayDisbursement",
        "RejectDisbursement",
        "CancelDisbursement",
        "RegisterVolunteer",
        "PublishActivity",
        "RecordService",
        "ApproveService",
    }

    def complete(history: list[Any]) -> bool:
        on_a_line = any(isinstance(c, RequestDisbursement) and c.budget_line for c in history)
        return on_a_line and wanted <= {type(c).__name__ for c in history}

    found = find(
        histories(max_stations=2, max_steps=30),
        complete,
        settings=settings(max_examples=2_000, database=None, phases=[Phase.generate]),
    )
    assert complete(found)


def test_without_hypothesis_the_kit_names_its_extra() -> None:
    code = "import sys; sys.modules['hypothesis'] = None; import sgz_ledger.testing"
    done = subprocess.run(  # noqa: S603 - our own interpreter and a fixed line of code
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=120
    )
    assert done.returncode == 1
    assert "ImportError: sgz_ledger.testing needs hypothesis" in done.stderr
    assert "pip install sgz-ledger[testing]" in done.stderr


# ---- the recount --------------------------------------------------------------------------------


def test_the_recount_counts_by_hand() -> None:
    """100 yuan given, 30 paid after two approvals and a 公示, 5 refunded: 65 held."""
    ledger = Ledger("memory:")
    a_fund(ledger, publicity_required=True)
    for approver in ("张敏", "赵磊"):
        ledger.approve_disbursement(fund_id="F", request_id="SQ-1", actor=approver, occurred_on=DAY)
    ledger.publicize_disbursement(
        fund_id="F",
        request_id="SQ-1",
        notice_ref="公示-1",
        notice_from=DAY,
        notice_to=DAY + dt.timedelta(days=4),
        actor="李强",
        occurred_on=DAY,
    )
    ledger.pay_disbursement(
        fund_id="F",
        request_id="SQ-1",
        voucher_no="PZ-1",
        actor="刘洋",
        occurred_on=DAY + dt.timedelta(days=5),
    )
    ledger.refund_donation(
        fund_id="F",
        refund_id="TK-1",
        receipt_no="JZ-1",
        amount_fen=500,
        reason="捐赠人要求",
        actor="刘洋",
        occurred_on=DAY + dt.timedelta(days=6),
    )
    fund = check_invariants(ledger).funds["F"]
    cash = fund.cash[""]
    assert (cash.received_fen, cash.paid_fen, cash.refunded_fen) == (10_000, 3_000, 500)
    assert (fund.total_fen, fund.reserved_fen, fund.available_fen) == (6_500, 0, 6_500)
    year = fund.year(2024)
    assert (year.donations_cash_fen, year.spending_fen, year.refunds_fen) == (10_000, 3_000, 500)
    assert (year.cash_start_fen, year.cash_end_fen) == (0, 6_500)


# ---- each invariant, broken by hand -------------------------------------------------------------


def test_an_approval_by_the_requester_breaks_maker_checker() -> None:
    ledger = Ledger("memory:")
    a_fund(ledger)
    event = DisbursementApproved(
        **stamp(ledger, "F", "李强（代）"), request_id="SQ-1", restriction="", reserved_fen=3_000
    )
    write_straight(ledger, event)
    found = violated(ledger)
    assert found.invariant == "maker_checker"
    assert "approved by its requester" in found.detail


def test_a_payment_without_approval_breaks_maker_checker() -> None:
    ledger = Ledger("memory:")
    a_fund(ledger)
    write_straight(ledger, _paid(ledger, "刘洋"))
    found = violated(ledger)
    assert found.invariant == "maker_checker"
    assert "0 approver(s)" in found.detail


def test_a_notice_before_the_approval_breaks_maker_checker() -> None:
    ledger = Ledger("memory:")
    a_fund(ledger)
    ledger.approve_disbursement(fund_id="F", request_id="SQ-1", actor="张敏", occurred_on=DAY)
    early = DisbursementPublicized(
        **stamp(ledger, "F", "李强"),
        request_id="SQ-1",
        notice_ref="公示-1",
        notice_from=DAY - dt.timedelta(days=1),
        notice_to=DAY + dt.timedelta(days=6),
    )
    write_straight(ledger, early)
    assert violated(ledger).invariant == "maker_checker"


def test_a_service_record_approved_by_its_recorder_breaks_maker_checker() -> None:
    ledger = Ledger("memory:")
    ledger.register_volunteer(
        volunteer_id="V-1",
        station_id="cuizhai",
        name="张丽",
        registered_on=DAY,
        consent=True,
        actor="王芳",
        occurred_on=DAY,
    )
    cst = dt.timezone(dt.timedelta(hours=8))
    ledger.publish_activity(
        activity_id="A-1",
        station_id="cuizhai",
        name="敬老院探访",
        starts_at=dt.datetime(2024, 3, 1, 9, tzinfo=cst),
        ends_at=dt.datetime(2024, 3, 1, 12, tzinfo=cst),
        actor="王芳",
        occurred_on=DAY,
    )
    ledger.record_service(
        record_id="R-1",
        volunteer_id="V-1",
        activity_id="A-1",
        duration_s=3_600,
        service_date=DAY,
        actor="王芳",
        occurred_on=DAY,
    )
    volunteer = ledger.volunteer("V-1")
    approval = ServiceApproved(
        originator_id=volunteer.id,
        originator_version=volunteer.version + 1,
        timestamp=dt.datetime.now(dt.UTC),
        actor="王 芳",
        occurred_on=DAY,
        record_id="R-1",
        duration_s=3_600,
    )
    write_straight(ledger, approval)
    found = violated(ledger)
    assert found.invariant == "maker_checker"
    assert "approved by its recorder" in found.detail


def _paid(ledger: Ledger, actor: str) -> DisbursementPaid:
    return DisbursementPaid(
        **stamp(ledger, "F", actor),
        request_id="SQ-1",
        voucher_no="PZ-1",
        restriction="",
        amount_fen=3_000,
        payee="社区超市",
        purpose="慰问",
    )


def test_a_payment_by_its_requester_breaks_maker_checker() -> None:
    ledger = Ledger("memory:")
    a_fund(ledger)
    write_straight(ledger, _paid(ledger, "李强"))
    found = violated(ledger)
    assert found.invariant == "maker_checker"
    assert "paid by its requester" in found.detail


def test_a_request_paid_twice_breaks_maker_checker() -> None:
    ledger = Ledger("memory:")
    a_fund(ledger)
    for approver in ("张敏", "赵刚"):
        ledger.approve_disbursement(fund_id="F", request_id="SQ-1", actor=approver, occurred_on=DAY)
    ledger.pay_disbursement(
        fund_id="F", request_id="SQ-1", voucher_no="PZ-1", actor="刘洋", occurred_on=DAY
    )
    check_invariants(ledger)  # paid once, as the rules allow
    write_straight(ledger, _paid(ledger, "刘洋"))
    found = violated(ledger)
    assert found.invariant == "maker_checker"
    assert "paid twice" in found.detail


def test_a_report_whose_funds_do_not_add_up_breaks_totals_are_sums(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # An integration that builds its own report (or a change to how the ledger builds it)
    # where one fund's figure no longer adds up to the report's.
    ledger = Ledger("memory:")
    a_fund(ledger)
    built = ledger.annual_report

    def annual_report(year: int, **scope: Any) -> AnnualReport:
        report = built(year, **scope)
        [fund] = report.funds
        fund = msgspec.structs.replace(fund, donations_cash_fen=fund.donations_cash_fen + 1)
        return msgspec.structs.replace(report, funds=(fund,))

    monkeypatch.setattr(ledger, "annual_report", annual_report)
    found = violated(ledger)
    assert found.invariant == "totals_are_sums"
    assert "donations_cash_fen" in found.detail


def test_the_kit_compares_every_fund_figure_the_report_sums() -> None:
    # A figure added to the report's funds is one the kit must add to its recount.
    from sgz_ledger.reports.annual import _FUND_FIGURES

    assert set(YEAR_FIGURES) == set(_FUND_FIGURES)


def test_a_refund_beyond_the_cash_breaks_balances_not_negative() -> None:
    ledger = Ledger("memory:")
    a_fund(ledger)
    refund = DonationRefunded(
        **stamp(ledger, "F", "刘洋"),
        refund_id="TK-1",
        receipt_no="JZ-1",
        restriction="",
        amount_fen=12_000,
        reason="退回",
    )
    write_straight(ledger, refund)
    found = violated(ledger)
    assert found.invariant == "balances_not_negative"
    assert "total_fen is -2000" in found.detail


def test_a_view_edited_by_hand_breaks_figures_recount() -> None:
    ledger = Ledger("memory:")
    a_fund(ledger)
    check_invariants(ledger)
    views = ledger.view_store
    with views.recorder.datastore.transaction(commit=True) as c:
        c.execute(views.sql("UPDATE {s}fund_balances SET received_fen = received_fen + 100"), ())
    found = violated(ledger)
    assert found.invariant == "figures_recount"
    assert "received_fen: ledger 10100, recount 10000" in found.detail


def test_a_row_written_into_the_file_breaks_chain_verifies(tmp_path: Path) -> None:
    ledger = Ledger(str(tmp_path / "station.db"))
    a_fund(ledger)
    check_invariants(ledger)
    gift = CashDonationReceived(
        **stamp(ledger, "F", "王芳"), receipt_no="JZ-2", donor=None, restriction="", amount_fen=1
    )
    insert_row(ledger, tmp_path / "station.db", gift)
    assert violated(ledger).invariant == "chain_verifies"
    ledger.close()


def insert_row(ledger: Ledger, path: Path, event: LedgerEvent) -> None:
    """Add ``event``'s row to the SQLite file's events table, as SQL run beside the ledger
    would: the chain never hears of it."""
    (row,) = ledger.mapper.encode_events([event])  # type: ignore[attr-defined]
    with sqlite3.connect(path) as db:
        db.execute(
            "INSERT INTO stored_events VALUES (?, ?, ?, ?)",
            (row.originator_id.hex, row.originator_version, row.topic, row.state),
        )
    db.close()


def test_a_figure_the_station_shows_wrongly_breaks_station_figures() -> None:
    ledger = Ledger("memory:")
    a_fund(ledger)
    check_invariants(ledger, shown_balances={"F": 10_000})
    with pytest.raises(InvariantViolated) as info:
        check_invariants(ledger, shown_balances={"F": 9_999})
    assert info.value.invariant == "station_figures"
    assert "shows 9999 fen in fund 'F'; the log holds 10000 fen" in info.value.detail


def test_the_invariants_are_named() -> None:
    assert INVARIANTS == (
        "chain_verifies",
        "maker_checker",
        "balances_not_negative",
        "totals_are_sums",
        "figures_recount",
        "station_figures",
    )


# ---- the machine over back ends with a bug each -------------------------------------------------


class PaysAtOnce(StationBackEnd):
    """A "fast track" that pays each request as it is entered, writing the payment straight
    into the store because the ledger would refuse it unapproved."""

    def request(self, command: RequestDisbursement) -> None:
        super().request(command)
        paid = DisbursementPaid(
            **stamp(self.ledger, command.fund_id, "出纳"),
            request_id=command.request_id,
            voucher_no=f"PZ-{command.request_id}",
            restriction=command.restriction,
            amount_fen=command.amount_fen,
            payee=command.payee,
            purpose=command.purpose,
        )
        write_straight(self.ledger, paid)
        self.refresh()


class RefreshesAfterGiftsOnly(StationBackEnd):
    """Keeps the balances it shows in a cache it reads again after gifts only: a payment
    leaves it showing money that is gone."""

    def refresh(self) -> None:
        if not self.balances or len(self.receipts) != getattr(self, "_seen", 0):
            super().refresh()
            self._seen = len(self.receipts)


class WritesGiftsIntoTheFile(StationBackEnd):
    """Registers gifts with SQL of its own, straight into the store's file."""

    path: Path

    def record_gift(
        self,
        *,
        fund_id: str,
        receipt_no: str,
        amount_fen: int,
        donor: str | None,
        restriction: str,
        clerk: str,
        on: dt.date,
    ) -> None:
        gift = CashDonationReceived(
            **stamp(self.ledger, fund_id, clerk, on),
            receipt_no=receipt_no,
            donor=donor,
            restriction=restriction,
            amount_fen=amount_fen,
        )
        insert_row(self.ledger, self.path, gift)
        self.receipts.append(receipt_no)
        self.refresh()


def caught(machine: type[StationMachine]) -> InvariantViolated:
    """Run ``machine`` until the kit finds an invariant broken; what it found."""
    with pytest.raises(InvariantViolated) as info:
        run_state_machine_as_test(machine, settings=FAILING)
    return info.value


def test_the_machine_catches_a_payment_that_bypassed_approval() -> None:
    class Machine(StationMachine):
        def back_end(self) -> StationBackEnd:
            return PaysAtOnce(self.ledger)

    found = caught(Machine)
    assert found.invariant == "maker_checker"
    assert "approver(s) other than its requester" in found.detail


def test_the_machine_catches_a_cached_balance_that_drifts() -> None:
    class Machine(StationMachine):
        def back_end(self) -> StationBackEnd:
            return RefreshesAfterGiftsOnly(self.ledger)

    found = caught(Machine)
    assert found.invariant == "station_figures"


def test_the_machine_catches_an_event_written_into_the_file() -> None:
    class Machine(StationMachine):
        def make_ledger(self) -> Ledger:
            self.folder = Path(tempfile.mkdtemp(prefix="sgz-kit-"))
            return Ledger(str(self.folder / "station.db"))

        def back_end(self) -> StationBackEnd:
            back_end = WritesGiftsIntoTheFile(self.ledger)
            back_end.path = self.folder / "station.db"
            return back_end

        def teardown(self) -> None:
            super().teardown()
            shutil.rmtree(self.folder, ignore_errors=True)

    assert caught(Machine).invariant == "chain_verifies"
