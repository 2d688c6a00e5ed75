"""How a station team tests its own code on top of the ledger with ``sgz_ledger.testing``.

``StationBackEnd`` stands for a station's own back end: the screens its staff use call it,
and it calls the ledger (and shows the funds' balances it keeps). ``StationMachine`` drives
it with hypothesis: the station's people and a fund, gifts, and disbursements from request to
payment, each drawn by the kit's strategies so that every input is one the ledger accepts.
After every step the kit checks the ledger's invariants against a recount of its log
(docs/testing.md): the hash chain, maker-checker, no balance below zero, totals that are the
sums of their parts, every figure the ledger answers; and, through ``shown_balances``, that
what the back end shows is what the log holds. ``station_invariants`` adds one of the
station's own.

A station team copies this file, puts its own back end where ``StationBackEnd`` is, and keeps
the rules that fit. ``test_testing_kit.py`` runs the same machine over three back ends with a
bug each and checks that the kit names the invariant each one breaks.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import initialize, precondition, rule, run_state_machine_as_test

from sgz_ledger import (
    ApproveDisbursement,
    CancelDisbursement,
    CashDonationReceived,
    Command,
    Ledger,
    OpenFund,
    PayDisbursement,
    PublicizeDisbursement,
    RejectDisbursement,
    RequestDisbursement,
)
from sgz_ledger.testing import (
    FIRST_DAY,
    InvariantViolated,
    LedgerMachine,
    Recount,
    Staff,
    cash_gifts,
    disbursements,
    funds,
    staffs,
)

# The last day a rule starts on: a disbursement's approvals, 公示 and payment take at most
# three weeks, so every date stays in the kit's year.
LAST_START = dt.date(2024, 12, 1)


class StationBackEnd:
    """A station's back end: one method per thing its staff do, each calling the ledger.

    It shows each fund's cash (``balance``) from what it keeps, read again from the ledger
    after every write, and remembers the receipts it gave donors.
    """

    def __init__(self, ledger: Ledger) -> None:
        self.ledger = ledger
        self.balances: dict[str, int] = {}
        self.receipts: list[str] = []

    def configure(self, command: Command[Any]) -> None:
        """The administrator's screens: the register of people, opening a fund."""
        self.ledger.execute(command)
        self.refresh()

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
        """A gift arrives: registered, and its receipt handed to the donor."""
        self.ledger.receive_cash(
            fund_id=fund_id,
            receipt_no=receipt_no,
            amount_fen=amount_fen,
            donor=donor,
            restriction=restriction,
            actor=clerk,
            occurred_on=on,
        )
        self.receipts.append(receipt_no)
        self.refresh()

    def request(self, command: RequestDisbursement) -> None:
        """A social worker asks to spend money."""
        self.ledger.execute(command)
        self.refresh()

    def approve(self, *, fund_id: str, request_id: str, approver: str, on: dt.date) -> None:
        """A committee member approves a request."""
        self.ledger.approve_disbursement(
            fund_id=fund_id, request_id=request_id, actor=approver, occurred_on=on
        )
        self.refresh()

    def publicize(self, command: PublicizeDisbursement) -> None:
        """The 公示 of an approved request goes up on the notice board."""
        self.ledger.execute(command)
        self.refresh()

    def pay(
        self, *, fund_id: str, request_id: str, voucher_no: str, cashier: str, on: dt.date
    ) -> None:
        """The cashier pays an approved request."""
        self.ledger.pay_disbursement(
            fund_id=fund_id,
            request_id=request_id,
            voucher_no=voucher_no,
            actor=cashier,
            occurred_on=on,
        )
        self.refresh()

    def end(self, command: RejectDisbursement | CancelDisbursement) -> None:
        """A request is turned down or withdrawn."""
        self.ledger.execute(command)
        self.refresh()

    def refresh(self) -> None:
        """Read the funds' cash again from the ledger."""
        self.balances = {row.fund_id: row.total_fen for row in self.ledger.balances()}

    def balance(self, fund_id: str) -> int:
        """The cash a fund holds, as the back end shows it, in fen."""
        return self.balances.get(fund_id, 0)


class StationMachine(LedgerMachine):
    """The station's back end under random use; the kit checks the ledger after every step.

    ``back_end`` makes the back end over the machine's ledger (a subclass gives another).
    """

    staff: Staff
    station: StationBackEnd
    today: dt.date

    def back_end(self) -> StationBackEnd:
        return StationBackEnd(self.ledger)

    @initialize(data=st.data())
    def open_the_station(self, data: st.DataObject) -> None:
        """The station's people (registered or not) and its first fund."""
        self.today = FIRST_DAY + dt.timedelta(days=7)
        self.station = self.back_end()
        self.staff = data.draw(staffs("cuizhai", on=self.today))
        for person in self.staff.register:
            self.station.configure(person)
        self.funds: list[OpenFund] = []
        self.open_a_fund(data)

    @precondition(lambda self: len(self.funds) < 2)
    @rule(data=st.data())
    def open_a_fund(self, data: st.DataObject) -> None:
        fund = data.draw(funds(self.staff, fund_id=self.fresh("F"), on=self.today))
        self.station.configure(fund)
        self.funds.append(fund)

    @precondition(lambda self: self.today < LAST_START)
    @rule(days=st.integers(1, 10))
    def time_passes(self, days: int) -> None:
        self.today += dt.timedelta(days=days)

    @rule(data=st.data())
    def a_gift_arrives(self, data: st.DataObject) -> None:
        fund = data.draw(st.sampled_from(self.funds))
        gift = data.draw(cash_gifts(fund, self.staff, receipt_no=self.fresh("JZ"), on=self.today))
        self.station.record_gift(
            fund_id=gift.fund_id,
            receipt_no=gift.receipt_no,
            amount_fen=gift.amount_fen,
            donor=gift.donor,
            restriction=gift.restriction,
            clerk=gift.actor,
            on=gift.occurred_on,
        )

    def money(self) -> list[tuple[OpenFund, str, int]]:
        """Each fund and restriction with money available, and how much."""
        return [
            (fund, row.restriction, row.available_fen)
            for fund in self.funds
            for row in self.ledger.balances(fund_id=fund.fund_id)[0].restrictions
            if row.available_fen > 0
        ]

    @precondition(lambda self: self.today < LAST_START)
    @rule(data=st.data())
    def spend(self, data: st.DataObject) -> None:
        """A disbursement as far as its drawn stage, the ledger checked after each step."""
        available = self.money()
        if not available:
            return
        fund, restriction, fen = data.draw(st.sampled_from(available))
        cmds = data.draw(
            disbursements(
                fund,
                self.staff,
                request_id=self.fresh("SQ"),
                available_fen=fen,
                on=self.today,
                restriction=restriction,
            )
        )
        for n, command in enumerate(cmds):
            if n:
                self.check_ledger()
            self.submit(command)
        self.today = max(self.today, *(c.occurred_on for c in cmds))

    def submit(self, command: Command[Any]) -> None:
        """A drawn command, through the back end's method for it."""
        match command:
            case RequestDisbursement():
                self.station.request(command)
            case ApproveDisbursement():
                self.station.approve(
                    fund_id=command.fund_id,
                    request_id=command.request_id,
                    approver=command.actor,
                    on=command.occurred_on,
                )
            case PublicizeDisbursement():
                self.station.publicize(command)
            case PayDisbursement():
                self.station.pay(
                    fund_id=command.fund_id,
                    request_id=command.request_id,
                    voucher_no=command.voucher_no,
                    cashier=command.actor,
                    on=command.occurred_on,
                )
            case RejectDisbursement() | CancelDisbursement():
                self.station.end(command)
            case _:
                raise AssertionError(f"no screen for {type(command).__name__}")

    def shown_balances(self) -> dict[str, int]:
        """What the back end shows, checked by the kit against the log."""
        return {fund.fund_id: self.station.balance(fund.fund_id) for fund in self.funds}

    def station_invariants(self, recount: Recount) -> None:
        """The station's own: every receipt handed to a donor is a gift in the log."""
        logged = {e.receipt_no for e in recount.events if isinstance(e, CashDonationReceived)}
        missing = [no for no in self.station.receipts if no not in logged]
        if missing:
            raise InvariantViolated("receipts_recorded", f"receipts {missing} are not in the log")


def test_the_station_back_end_keeps_the_ledger_whole() -> None:
    run_state_machine_as_test(
        StationMachine,
        settings=settings(max_examples=25, stateful_step_count=12, deadline=None),
    )
