"""A district and its stations: the register of levels, stations recording at once, and the
district's annual report, which is the sum of its stations'.

历城区's 总站 registers its levels (district -> stations -> community rooms). Then each
station's back end, a ``Ledger`` of its own on the district's one store, records its year at
the same time as the others (in threads here; processes or machines in a district): a fund
per station and per room with gifts and spending, and volunteers with their service. The
district's annual report (``annual_report(unit_id=..., level="district")``) is printed
beside each station's (a station's covers its rooms): the counts, amounts and seconds add up
to the district's, figure by figure; distinct activities and volunteers serving are the
union, and hours are rounded once, from the seconds (docs/levels.md, "Definitions").

Run: .venv/bin/python examples/district.py
     psql -h 127.0.0.1 -U postgres test -c 'CREATE SCHEMA district'
     .venv/bin/python examples/district.py \
         --store 'postgresql://postgres@127.0.0.1:5432/test?schema=district'
(without --store: a SQLite file in a temporary directory, removed afterwards; on PostgreSQL
``?schema=NAME`` keeps the district in a schema of its own, which must exist). Exit code 1
if the district's figures were not the sum of its stations', 2 if the store cannot be
opened.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import time
import unicodedata
import warnings
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, NamedTuple

from sgz_ledger import (
    ApproveDisbursement,
    ApproveService,
    Command,
    ConcurrencyConflict,
    Ledger,
    OpenFund,
    PayDisbursement,
    PersonalDataInClearWarning,
    PublishActivity,
    ReceiveCashDonation,
    RecordService,
    RegisterVolunteer,
    RequestDisbursement,
    StoreError,
    format_yuan,
)

YEAR = 2024
DISTRICT = ("licheng", "历城区社会工作服务总站")
# station -> (its name, its community rooms)
STATIONS: dict[str, tuple[str, tuple[tuple[str, str], ...]]] = {
    "cuizhai": (
        "崔寨街道社工站",
        (("cz-village", "崔寨村社工室"), ("wh-village", "王河村社工室")),
    ),
    "tangwang": ("唐王街道社工站", (("tw-village", "唐王村社工室"),)),
    "yaoqiang": ("遥墙街道社工站", ()),
}


class UnitYear(NamedTuple):
    """What one unit (a station or a room) records in the year."""

    gifts: tuple[str, ...]  # cash gifts, yuan
    paid: str | None  # one payment, yuan
    service_minutes: tuple[int, ...]  # one volunteer each


YEARS: dict[str, UnitYear] = {
    "cuizhai": UnitYear(("12000.00", "3000.50"), "4000", (150, 180, 95)),
    "cz-village": UnitYear(("2000.00",), "500", (120, 60)),
    "wh-village": UnitYear(("1500.00", "800.00"), None, (90,)),
    "tangwang": UnitYear(("9000.00",), "2500.50", (200, 45, 30)),
    "tw-village": UnitYear(("600.00",), None, (75, 75)),
    "yaoqiang": UnitYear(("5000.00",), "1200", (240,)),
}

# How often a station's back end sends a batch that met other writers before giving up.
SEND_ATTEMPTS = 20

# The figures a level adds up from its stations (docs/levels.md, "Definitions").
ADDITIVE = (
    "person_times",
    "service_s",
    "registered_volunteers",
    "funds_open",
    "donations_cash_fen",
    "spending_fen",
    "cash_end_fen",
)


def unit_year(unit: str, n: int) -> list[Command[Any]]:
    """A unit's year as its station's back end sends it: one batch, all or nothing."""
    year = YEARS[unit]
    clerk, approver = f"{unit}-社工", f"{unit}-站长"
    opened, served = dt.date(YEAR, 1, 8), dt.date(YEAR, 3 + n, 12)
    cst = dt.timezone(dt.timedelta(hours=8))
    fund = f"f-{unit}"
    commands: list[Command[Any]] = [
        OpenFund(
            fund_id=fund, station_id=unit, community=unit, name=f"{unit} 社区基金",
            host="济南市慈善总会", approval_threshold="5000", publicity_required=False,
            actor=clerk, occurred_on=opened,
        ),
        PublishActivity(
            activity_id=f"{unit}-A1", station_id=unit, name="邻里守望",
            starts_at=dt.datetime(YEAR, served.month, served.day, 8, tzinfo=cst),
            ends_at=dt.datetime(YEAR, served.month, served.day, 20, tzinfo=cst),
            actor=clerk, occurred_on=opened,
        ),
    ]  # fmt: skip
    for g, amount in enumerate(year.gifts, start=1):
        commands.append(
            ReceiveCashDonation(
                fund_id=fund, receipt_no=f"{unit}-JZ-{g}", amount=amount, actor=clerk,
                occurred_on=opened + dt.timedelta(days=g),
            )
        )  # fmt: skip
    if year.paid is not None:
        request, on = f"{unit}-SQ-1", dt.date(YEAR, 6, 1)
        commands += [
            RequestDisbursement(
                fund_id=fund, request_id=request, amount=year.paid, purpose="助老餐",
                payee="幸福食堂", actor=clerk, occurred_on=on,
            ),
            ApproveDisbursement(fund_id=fund, request_id=request, actor=approver, occurred_on=on),
            PayDisbursement(
                fund_id=fund, request_id=request, voucher_no=f"{unit}-PZ-1", actor=approver,
                occurred_on=on,
            ),
        ]  # fmt: skip
    for v, minutes in enumerate(year.service_minutes, start=1):
        volunteer, record = f"{unit}-V{v}", f"{unit}-R{v}"
        commands += [
            RegisterVolunteer(
                volunteer_id=volunteer, station_id=unit, name=f"志愿者{v}号",
                registered_on=opened, consent=False, actor=clerk, occurred_on=opened,
            ),
            RecordService(
                record_id=record, volunteer_id=volunteer, activity_id=f"{unit}-A1",
                duration_minutes=minutes, service_date=served, actor=clerk, occurred_on=served,
            ),
            ApproveService(
                volunteer_id=volunteer, record_id=record, actor=approver, occurred_on=served
            ),
        ]  # fmt: skip
    return commands


def register_levels(store: str) -> None:
    """The district's 总站 registers the district, its stations and their rooms."""
    ledger = Ledger(store)
    try:
        on, actor = dt.date(YEAR, 1, 2), "区民政局-王芳"
        code, name = DISTRICT
        ledger.register_unit(unit_id=code, level="district", name=name, actor=actor, occurred_on=on)
        for station, (station_name, rooms) in STATIONS.items():
            ledger.register_unit(
                unit_id=station, level="station", parent_id=code, name=station_name,
                actor=actor, occurred_on=on,
            )  # fmt: skip
            for room, room_name in rooms:
                ledger.register_unit(
                    unit_id=room, level="community", parent_id=station, name=room_name,
                    actor=actor, occurred_on=on,
                )  # fmt: skip
    finally:
        ledger.close()


def send(ledger: Ledger, batch: list[Command[Any]]) -> int:
    """Record a batch, sent again while other writers hold the store (``ConcurrencyConflict``:
    nothing of it was recorded, and its keys make sending it again safe). Returns its
    entries (a repeat of an entry recorded before records nothing)."""
    for attempt in range(1, SEND_ATTEMPTS):
        try:
            return len(ledger.execute_batch(batch))
        except ConcurrencyConflict:
            time.sleep(0.02 * attempt)
    return len(ledger.execute_batch(batch))  # the last attempt: a conflict is raised


def station_back_end(store: str, station: str) -> int:
    """One station's back end: its own ledger on the district's store, recording the year of
    the station and of its rooms. Returns the entries it sent."""
    ledger = Ledger(store)
    try:
        units = [station, *(room for room, _ in STATIONS[station][1])]
        return sum(send(ledger, unit_year(unit, n)) for n, unit in enumerate(units))
    finally:
        ledger.close()


def _right(text: str, width: int) -> str:
    """``text`` right-aligned in ``width`` terminal columns: a Chinese character takes two."""
    wide = sum(unicodedata.east_asian_width(ch) in "WF" for ch in text)
    return " " * max(width - len(text) - wide, 0) + text


# The table's columns: a heading each, and its width.
_COLUMNS = (("人次", 6), ("秒 s", 8), ("小时 h", 8), ("志愿者", 8), ("基金", 6),
            ("捐赠 gifts", 12), ("支出 spent", 11), ("年末 cash", 11))  # fmt: skip


def _row(label: str, figures: dict[str, int], hours: str) -> str:
    cells = (
        str(figures["person_times"]), str(figures["service_s"]), hours,
        str(figures["registered_volunteers"]), str(figures["funds_open"]),
        format_yuan(figures["donations_cash_fen"]), format_yuan(figures["spending_fen"]),
        format_yuan(figures["cash_end_fen"]),
    )  # fmt: skip
    return f"  {label:<22}" + "".join(
        _right(c, w) for c, (_, w) in zip(cells, _COLUMNS, strict=True)
    )


def district_report(store: str) -> bool:
    """The district's annual report beside its stations'; True when it is their sum."""
    ledger = Ledger(store, read_only=True)
    try:
        register = ledger.level_register()
        assert register is not None  # registered above
        code, _ = DISTRICT
        district = ledger.annual_report(YEAR, unit_id=code, level="district")
        print(f"\n{register.units[code].name} ({code}), {YEAR}: the district and its stations")
        print(f"  {'unit (元, 2024)':<22}" + "".join(_right(h, w) for h, w in _COLUMNS))
        total = dict.fromkeys(ADDITIVE, 0)
        for station in STATIONS:
            report = ledger.annual_report(YEAR, unit_id=station, level="station")
            figures = {name: getattr(report, name) for name in ADDITIVE}
            print(_row(station, figures, str(report.service_hours)))
            for room, _ in STATIONS[station][1]:
                part = ledger.annual_report(YEAR, unit_id=room, level="community")
                print(
                    _row(
                        f"  {room}",
                        {n: getattr(part, n) for n in ADDITIVE},
                        str(part.service_hours),
                    )
                )
            for name in ADDITIVE:
                total[name] += figures[name]
        print(_row("sum of the stations", total, ""))
        figures = {name: getattr(district, name) for name in ADDITIVE}
        print(_row(f"district {code}", figures, str(district.service_hours)))
        print(
            f"  ({district.activities} activities and {district.volunteers} volunteers serving, "
            "each counted once; hours rounded once, from the seconds)"
        )
        covered = ledger.stations_of(code, level="district", on=dt.date(YEAR, 12, 31))
        print(f"  units covered: {', '.join(sorted(covered))}")
        print(f"  anchor {district.anchor}")
        differ = [name for name in ADDITIVE if figures[name] != total[name]]
        if differ:
            print(f"The district's figures are NOT the sum of its stations': {', '.join(differ)}")
            return False
        print("The district's figures are the sum of its stations', figure by figure.")
        return True
    finally:
        ledger.close()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--store",
        help="a SQLite file or a postgresql:// URL (the district's one store); default: a new "
        "SQLite file in a temporary directory, removed afterwards",
    )
    args = parser.parse_args(argv)
    try:
        with tempfile.TemporaryDirectory() as scratch, warnings.catch_warnings():
            # The volunteers' names are placeholders here; a district's store has a cipher key.
            warnings.simplefilter("ignore", PersonalDataInClearWarning)
            store = args.store or str(Path(scratch) / "district.db")
            register_levels(store)
            print(f"The register of levels: {DISTRICT[0]} -> {', '.join(STATIONS)} -> their rooms")
            with ThreadPoolExecutor(max_workers=len(STATIONS)) as pool:
                running = {s: pool.submit(station_back_end, store, s) for s in STATIONS}
                for station, done in running.items():
                    print(f"  {station}'s back end sent its year: {done.result()} entries")
            return 0 if district_report(store) else 1
    except StoreError as error:  # a store that cannot be opened: a sentence, not a traceback
        print(f"{Path(sys.argv[0]).name}: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
