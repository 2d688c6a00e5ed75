"""A station's spreadsheets migrated into the ledger, then its report.

崔寨街道社工站 kept its funds, gifts, volunteers, service hours and spending in spreadsheets,
saved as CSV (examples/data/): the funds and gifts from an older Excel in GB18030 with
Chinese headers (a title row and a 序号 column above and beside the data, as such sheets
have), the volunteers and service records from a volunteer platform's export in UTF-8 with
English headers, the spending registers in UTF-8 with Chinese headers. Each sheet is imported
through the sheets API (``sgz_ledger.sheets.import_file``: the kind told from the header, the
encoding from the bytes) whole or not at all. The second quarter's spending register has bad
rows: it is refused, every bad line named with its reason, and nothing of it is recorded,
not even its good rows. The year's report and the balances follow.

Run: .venv/bin/python examples/sheet_migration.py [--store station.db] [--data DIR]
(without --store: a SQLite file in a temporary directory, removed afterwards). The same from
the shell, one sheet at a time: ``sgz-ledger --store station.db import examples/data/funds.csv
--station cuizhai --entered-by 陈晓``.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import warnings
from collections.abc import Sequence
from pathlib import Path

from sgz_ledger import Ledger, PersonalDataInClearWarning, SheetRefused, StoreError, format_yuan
from sgz_ledger.sheets import ImportSummary, import_file

STATION = "cuizhai"
CLERK = "陈晓"
# The station's sheets, in the order they are migrated: funds before their gifts and
# spending, volunteers before their service.
SHEETS = (
    "funds.csv",
    "donations.csv",
    "volunteers.csv",
    "service.csv",
    "disbursements-q1.csv",
    "disbursements-q2.csv",
)
# What an import recorded, for people: the summary's counts and money, where not zero.
_COUNTS = (
    ("funds_opened", "funds opened"),
    ("donations_recorded", "gifts"),
    ("volunteers_registered", "volunteers"),
    ("team_joins", "team joins"),
    ("activities_published", "activities"),
    ("records_recorded", "service records"),
    ("records_approved", "approved"),
    ("disbursements_requested", "requests"),
    ("disbursements_approved", "approved"),
    ("disbursements_paid", "paid"),
)
_MONEY = (
    ("cash_received_fen", "cash"),
    ("in_kind_value_fen", "goods"),
    ("paid_fen", "paid"),
)


def _recorded(summary: ImportSummary) -> str:
    parts = [f"{getattr(summary, f)} {label}" for f, label in _COUNTS if getattr(summary, f)]
    parts += [
        f"{label} {format_yuan(getattr(summary, f))} 元"
        for f, label in _MONEY
        if getattr(summary, f)
    ]
    if summary.already_present:
        parts.append(f"{summary.already_present} rows recorded before")
    return ", ".join(parts) or "nothing new"


def migrate(ledger: Ledger, data: Path) -> list[str]:
    """Import every sheet, each whole or not at all; returns the names of those refused."""
    refused = []
    for name in SHEETS:
        before = ledger.log_position()
        try:
            summary = import_file(ledger, data / name, station_id=STATION, entered_by=CLERK)
        except SheetRefused as refusal:
            refused.append(name)
            print(f"  {name}: REFUSED, {len(refusal.lines)} bad lines:")
            for problem in refusal.rows:
                print(f"      {problem}")
            after = ledger.log_position()
            print(f"    nothing of it was recorded (the log holds {after} events, as before)")
            assert after == before
            continue
        print(
            f"  {name}: {summary.title}, {summary.encoding}, {summary.rows} rows: "
            f"{_recorded(summary)} ({summary.events_recorded} events)"
        )
    return refused


def print_report(ledger: Ledger, year: int) -> None:
    """The year's figures and the balances now, as the station reads them."""
    report = ledger.annual_report(year, station_id=STATION, goods=True)
    print(f"\n{year} annual report of {STATION}:")
    print(
        f"  志愿服务 volunteer service: {report.activities} activities, {report.person_times} "
        f"人次, {report.service_hours} 小时 hours; {report.registered_volunteers} registered"
    )
    for other in report.other_activities:
        print(
            f"  not service hours: {other.category}, {other.person_times} 人次, {other.hours} 小时"
        )
    cash, goods = format_yuan(report.donations_cash_fen), format_yuan(report.donations_in_kind_fen)
    print(
        f"  捐赠 gifts: cash {cash}, goods {goods}; 支出 spent {format_yuan(report.spending_fen)}"
    )
    print(f"  anchor {report.anchor}")
    print("\nBalances now (元):")
    for fund in ledger.balances(station_id=STATION):
        print(
            f"  {fund.fund_id} {fund.name}: cash {format_yuan(fund.total_fen)}, reserved "
            f"{format_yuan(fund.reserved_fen)}, available {format_yuan(fund.available_fen)}"
        )
        for row in fund.restrictions:
            print(f"    {row.restriction or '非限定 unrestricted'}: {format_yuan(row.total_fen)}")
    for line in ledger.goods_register(station_id=STATION).lines:
        print(f"  goods in stock: {line.item} {line.in_stock} {line.unit} ({line.fund_id})")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--store",
        help="a SQLite file (created if missing) or a postgresql:// URL; default: a new "
        "SQLite file in a temporary directory, removed afterwards",
    )
    parser.add_argument(
        "--data",
        type=Path,
        default=Path(__file__).resolve().parent / "data",
        help="the folder of the station's sheets (default: examples/data)",
    )
    args = parser.parse_args(argv)
    try:
        with tempfile.TemporaryDirectory() as scratch, warnings.catch_warnings():
            # The sheets' people are invented; a station's store has a cipher key.
            warnings.simplefilter("ignore", PersonalDataInClearWarning)
            ledger = Ledger(args.store or str(Path(scratch) / "station.db"))
            try:
                print(f"Migrating the sheets of {args.data}:")
                migrate(ledger, args.data)
                print_report(ledger, 2024)
            finally:
                ledger.close()
        return 0
    except StoreError as error:  # a store that cannot be opened: a sentence, not a traceback
        print(f"{Path(sys.argv[0]).name}: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
