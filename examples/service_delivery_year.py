"""A station's year of service delivery, as its year-end report quotes it.

"小组5个,服务次数21次,服务人次共计199人次" and "督导23次,督导时长合计72小时": five groups
held 21 sessions with 199 participants in all, and the staff had 23 supervisions of 72
hours in all. Recorded in one batch (all or nothing), then reported.

Run: python examples/service_delivery_year.py
"""

from __future__ import annotations

import datetime as dt

from sgz_ledger import CreateGroup, HoldGroupSession, Ledger, RecordSupervision

ledger = Ledger("memory:")
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
                station_id="cuizhai", group_id=f"XZ-{g}", session_id=str(s), duration_s=5400,
                participants=next(participants), actor="王芳",
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
ledger.execute_batch(commands)

report = ledger.delivery_report(
    date_from=dt.date(2024, 1, 1), date_to=dt.date(2024, 12, 31),
    station_ids=frozenset({"cuizhai"}),
)  # fmt: skip
print(
    f"小组{report.groups}个,服务次数{report.group_sessions}次,"
    f"服务人次共计{report.group_person_times}人次"
)
print(f"督导{report.supervision_count}次,督导时长合计{report.supervision_hours}小时")
assert (report.groups, report.group_sessions, report.group_person_times) == (5, 21, 199)
assert (report.supervision_count, str(report.supervision_hours)) == (23, "72.00")
