"""Load a month of gifts in one batch: every rule applies, and the batch is all or nothing.

A hundred gifts are recorded in one ``execute_batch`` (one transaction); then a batch whose
second command breaks a rule (approving more than the fund holds) records nothing at all,
not even its first command.

Run: .venv/bin/python examples/bulk_load.py [--store station.db]
(without --store: a SQLite file in a temporary directory, removed afterwards).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from sgz_ledger import (
    ApproveDisbursement,
    BatchCommandRefused,
    InsufficientFunds,
    Ledger,
    OpenFund,
    ReceiveCashDonation,
    RequestDisbursement,
    StoreError,
    format_yuan,
)

DAY = dt.date(2024, 6, 1)


def load(ledger: Ledger) -> None:
    ledger.execute(
        OpenFund(
            fund_id="qn-village", station_id="cuizhai", community="清宁村",
            name="清宁村社区基金", host="济南市慈善总会", approval_threshold_fen=5_000_000,
            publicity_required=False, actor="王芳", occurred_on=DAY,
        )
    )  # fmt: skip
    gifts = [
        ReceiveCashDonation(
            fund_id="qn-village", receipt_no=f"JZ-06-{n:03d}", amount_fen=10_000 + n,
            donor=None if n % 3 == 0 else f"居民{n}", actor="王芳", occurred_on=DAY,
        )
        for n in range(1, 101)
    ]  # fmt: skip
    before = ledger.log_position()
    ledger.execute_batch(gifts)
    recorded = ledger.log_position() - before  # a gift already in the store records nothing
    [fund] = ledger.balances()
    print(f"{recorded} of {len(gifts)} gifts recorded, {format_yuan(fund.total_fen)} yuan held")

    # A batch with one command that breaks a rule records nothing at all.
    too_much = [
        RequestDisbursement(
            fund_id="qn-village", request_id="SQ-1", amount_fen=fund.total_fen + 1,
            purpose="助老餐", payee="幸福食堂", actor="李强", occurred_on=DAY,
        ),
        ApproveDisbursement(fund_id="qn-village", request_id="SQ-1", actor="张敏", occurred_on=DAY),
    ]  # fmt: skip
    events_before = len(ledger.stored_events())
    try:
        ledger.execute_batch(too_much)
    except BatchCommandRefused as refusal:
        assert refusal.index == 1
        assert isinstance(refusal.error, InsufficientFunds)
        print("refused:", refusal)
    assert len(ledger.stored_events()) == events_before


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--store",
        help="a SQLite file (created if missing) or a postgresql:// URL; default: a new "
        "SQLite file in a temporary directory, removed afterwards",
    )
    args = parser.parse_args(argv)
    try:
        with tempfile.TemporaryDirectory() as scratch:
            ledger = Ledger(args.store or str(Path(scratch) / "station.db"))
            try:
                load(ledger)
            finally:
                ledger.close()
        return 0
    except StoreError as error:  # a store that cannot be opened: a sentence, not a traceback
        print(f"{Path(sys.argv[0]).name}: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
