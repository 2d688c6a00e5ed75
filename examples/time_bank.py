"""A time bank (爱心储蓄银行) with redemptions from the goods register (爱心超市).

崔寨街道社工站 banks its volunteers' approved service hours on request, one hour of credit for
each hour served. Volunteers give credit to one another (a transfer to an elderly neighbour),
spend it on a service (a haircut at the 爱心理发店), or on goods from the stock of the
station's 爱心超市 fund: ``redeem_hours_for_goods`` takes the credit and hands the goods out
of stock in one command, so both happen or neither does (rules 55, 56). A redemption the
balance cannot pay, or the stock cannot supply, records nothing at all.

Run: .venv/bin/python examples/time_bank.py [--store station.db]
(without --store: a SQLite file in a temporary directory, removed afterwards).
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import sys
import tempfile
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path

from sgz_ledger import Ledger, LedgerError, LedgerEvent, PersonalDataInClearWarning, StoreError

STATION = "cuizhai"
MARKET = "cz-market"
CST = dt.timezone(dt.timedelta(hours=8))
HOUR = 3600
# The 爱心超市's prices, in hours of credit per unit.
PRICES_H = {("大米", "袋"): 1, ("食用油", "桶"): 1, ("洗衣液", "瓶"): 1}


def _hours(seconds: int) -> str:
    """Seconds of credit as hours with 2 decimals (a whole number of minutes here)."""
    return f"{seconds / HOUR:.2f}"


def step(ledger: Ledger, what: str, command: Callable[[], LedgerEvent | None]) -> bool:
    """Run one command and say what it did, or why it was refused (nothing recorded then)."""
    before = ledger.log_position()
    try:
        command()
    except LedgerError as refusal:
        print(f"  {what}: REFUSED ({refusal.reason}): {refusal}")
        return False
    added = [type(event).__name__ for event in ledger.stored_events(after=before)]
    print(f"  {what}: {' + '.join(added) if added else 'recorded before, nothing new'}")
    return True


def set_up(ledger: Ledger) -> None:
    """The station's policy, its volunteers and their approved service, and the 爱心超市's stock."""
    day = dt.date(2024, 3, 1)
    ledger.set_station_policy(
        station_id=STATION, name="崔寨街道社工站", bank_rate_pct=100, bank_automatic=False,
        actor="站长", occurred_on=day,
    )  # fmt: skip
    for volunteer, name in (("V-0001", "张丽"), ("V-0002", "李四"), ("V-0003", "王德明")):
        ledger.register_volunteer(
            volunteer_id=volunteer, station_id=STATION, name=name, registered_on=day,
            consent=True, actor="王芳", occurred_on=day,
        )  # fmt: skip
    activities = (("A-0302", "敬老院探访", 2, 9, 12), ("A-0305", "学雷锋义诊", 5, 8, 17))
    for activity, name, date, start, end in activities:
        ledger.publish_activity(
            activity_id=activity, station_id=STATION, name=name, community="崔寨村",
            starts_at=dt.datetime(2024, 3, date, start, tzinfo=CST),
            ends_at=dt.datetime(2024, 3, date, end, tzinfo=CST), actor="王芳", occurred_on=day,
        )  # fmt: skip
    records = (  # record, volunteer, activity, day of March, from, to (hours), approved
        ("R-01", "V-0001", "A-0302", 2, (9, 0), (12, 0), True),
        ("R-02", "V-0001", "A-0305", 5, (8, 0), (12, 0), True),
        ("R-03", "V-0002", "A-0302", 2, (9, 0), (11, 30), True),
        ("R-04", "V-0002", "A-0305", 5, (13, 0), (17, 0), False),  # awaiting approval
    )
    for record, volunteer, activity, date, (h1, m1), (h2, m2), approved in records:
        served = dt.date(2024, 3, date)
        ledger.record_service(
            record_id=record, volunteer_id=volunteer, activity_id=activity,
            started_at=dt.datetime(2024, 3, date, h1, m1, tzinfo=CST),
            ended_at=dt.datetime(2024, 3, date, h2, m2, tzinfo=CST),
            content="陪伴老人" if activity == "A-0302" else "义诊引导", actor="王芳",
            occurred_on=served,
        )  # fmt: skip
        if approved:
            ledger.approve_service(
                volunteer_id=volunteer, record_id=record, actor="刘军", occurred_on=served
            )
    ledger.open_fund(
        fund_id=MARKET, station_id=STATION, community="崔寨村", name="崔寨爱心超市",
        host="济南市慈善总会", approval_threshold="5000", actor="王芳", occurred_on=day,
    )  # fmt: skip
    ledger.receive_goods(
        fund_id=MARKET, receipt_no="JZ-2024-031", donor="崔寨供销社",
        items=[
            {"item": "大米", "quantity": 20, "unit": "袋", "value": "1000", "basis": "document"},
            {"item": "食用油", "quantity": 10, "unit": "桶", "value": "600", "basis": "document"},
            {"item": "洗衣液", "quantity": 2, "unit": "瓶", "basis": "unvalued"},
        ],
        actor="王芳", occurred_on=day,
    )  # fmt: skip


def for_goods(
    ledger: Ledger, volunteer: str, redemption: str, item: str, unit: str, quantity: int
) -> Callable[[], LedgerEvent]:
    """A redemption of goods from the 爱心超市 at its price: the credit and the goods together."""
    credit = PRICES_H[(item, unit)] * quantity * HOUR
    return lambda: ledger.redeem_hours_for_goods(
        volunteer_id=volunteer, redemption_id=redemption, credit_s=credit, fund_id=MARKET,
        item=item, unit=unit, quantity=quantity, approver="站长", actor="王芳",
        occurred_on=dt.date(2024, 3, 20),
    )  # fmt: skip


def the_month(ledger: Ledger) -> None:
    """March at the time bank: deposits, a transfer, redemptions, and what is refused."""
    on = dt.date(2024, 3, 10)
    print("The time bank in March:")
    for volunteer, record in (("V-0001", "R-01"), ("V-0001", "R-02"), ("V-0002", "R-03")):
        step(ledger, f"{volunteer} banks {record}", functools.partial(ledger.bank_hours,
            volunteer_id=volunteer, record_id=record, actor="王芳", occurred_on=on))  # fmt: skip
    step(ledger, "V-0002 banks R-04, not approved yet", lambda: ledger.bank_hours(
        volunteer_id="V-0002", record_id="R-04", actor="王芳", occurred_on=on))  # fmt: skip
    step(ledger, "V-0001 gives 2.00 h to V-0003 (结对帮扶)", lambda: ledger.transfer_hours(
        volunteer_id="V-0001", transfer_id="ZZ-2024-01", to_volunteer_id="V-0003",
        credit_s=2 * HOUR, reason="结对帮扶独居老人", actor="王芳",
        occurred_on=dt.date(2024, 3, 12)))  # fmt: skip
    step(ledger, "V-0003 redeems 1.50 h for 理发服务", lambda: ledger.redeem_hours(
        volunteer_id="V-0003", redemption_id="DH-2024-01", credit_s=90 * 60, item="理发服务",
        counterparty="崔寨爱心理发店", approver="站长", actor="王芳",
        occurred_on=dt.date(2024, 3, 15)))  # fmt: skip
    step(ledger, "V-0001 redeems 2 袋 大米 (2.00 h)",
         for_goods(ledger, "V-0001", "DH-2024-02", "大米", "袋", 2))  # fmt: skip
    step(ledger, "V-0002 redeems 2 桶 食用油 (2.00 h)",
         for_goods(ledger, "V-0002", "DH-2024-03", "食用油", "桶", 2))  # fmt: skip
    step(ledger, "V-0002 redeems 1 瓶 洗衣液 (1.00 h)",
         for_goods(ledger, "V-0002", "DH-2024-04", "洗衣液", "瓶", 1))  # fmt: skip
    step(ledger, "V-0001 redeems 3 瓶 洗衣液 (3.00 h)",
         for_goods(ledger, "V-0001", "DH-2024-05", "洗衣液", "瓶", 3))  # fmt: skip


def print_balances(ledger: Ledger) -> None:
    """Each volunteer's service and credit now, and the 爱心超市's stock."""
    print("\nBalances (小时 hours; credit in seconds):")
    for account in ledger.volunteer_accounts(station_id=STATION):
        print(
            f"  {account.volunteer_id}: served {account.hours} h in {account.person_times} 人次 "
            f"({account.pending_records} awaiting approval); credit {account.bank_balance_s} s "
            f"= {account.bank_hours} h"
        )
    print("\n爱心超市 goods register (units):")
    for line in ledger.goods_register(fund_id=MARKET).lines:
        print(
            f"  {line.item} ({line.unit}): received {line.received}, "
            f"handed out {line.handed_out}, in stock {line.in_stock}"
        )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--store",
        help="a SQLite file (created if missing) or a postgresql:// URL; default: a new "
        "SQLite file in a temporary directory, removed afterwards",
    )
    args = parser.parse_args(argv)
    try:
        with tempfile.TemporaryDirectory() as scratch, warnings.catch_warnings():
            # An example's volunteers; a station's store has a cipher key (--cipher-key-file).
            warnings.simplefilter("ignore", PersonalDataInClearWarning)
            ledger = Ledger(args.store or str(Path(scratch) / "station.db"))
            try:
                set_up(ledger)
                the_month(ledger)
                print_balances(ledger)
            finally:
                ledger.close()
        return 0
    except StoreError as error:  # a store that cannot be opened: a sentence, not a traceback
        print(f"{Path(sys.argv[0]).name}: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
