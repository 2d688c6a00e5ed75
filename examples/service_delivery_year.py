"""A station's year of service delivery, as its year-end report quotes it.

"小组5个,服务次数21次,服务人次共计199人次" and "督导23次,督导时长合计72小时": five groups
held 21 sessions with 199 participants in all, and the staff had 23 supervisions of 72
hours in all. Recorded in one batch (all or nothing), then reported.

Run: .venv/bin/python examples/service_delivery_year.py [--store station.db]
(without --store: a SQLite file in a temporary directory, removed afterwards).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from sgz_ledger import CreateGroup, HoldGroupSession, Ledger, RecordSupervision, StoreError


def the_year() -> list[CreateGroup | HoldGroupSession | RecordSupervision]:
    """The year's groups, their sessions and the supervisions, as one batch."""
    start = dt.date(2024, 3, 4)
    commands: list[CreateGroup | HoldGroupSession | RecordSupervision] = []
    participants = iter([9] * 20 + [19])
    for g, sessions in enumerate((5, 4, 4, 4, 4), start=1):
        commands.append(
            CreateGroup(
                station_id="cuizhai", group_id=f"XZ-{g}", name=f"小组{g}", actor="王芳",
                occurred_on=start,
            )
        )  # fmt: skip
        for s in range(1, sessions + 1):
            commands.append(
                HoldGroupSession(
                    station_id="cuizhai", group_id=f"XZ-{g}", session_id=str(s),
                    duration_s=5400, participants=next(participants), actor="王芳",
                    occurred_on=start + dt.timedelta(days=7 * s),
                )
            )  # fmt: skip
    for n in range(23):
        commands.append(
            RecordSupervision(
                station_id="cuizhai", record_id=f"DD-{n + 1:02d}", kind="supervision", count=1,
                duration_s=6 * 3600 if n == 0 else 3 * 3600, supervisor="外聘督导", actor="王芳",
                occurred_on=dt.date(2024, 1, 8) + dt.timedelta(days=14 * n),
            )
        )  # fmt: skip
    return commands


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
                ledger.execute_batch(the_year())
                report = ledger.delivery_report(
                    date_from=dt.date(2024, 1, 1), date_to=dt.date(2024, 12, 31),
                    station_ids=frozenset({"cuizhai"}),
                )  # fmt: skip
            finally:
                ledger.close()
        print(
            f"小组{report.groups}个,服务次数{report.group_sessions}次,"
            f"服务人次共计{report.group_person_times}人次"
        )
        print(f"督导{report.supervision_count}次,督导时长合计{report.supervision_hours}小时")
        assert (report.groups, report.group_sessions, report.group_person_times) == (5, 21, 199)
        assert (report.supervision_count, str(report.supervision_hours)) == (23, "72.00")
        return 0
    except StoreError as error:  # a store that cannot be opened: a sentence, not a traceback
        print(f"{Path(sys.argv[0]).name}: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
