"""A station with volunteers, service and training for the recognition tests (teams, star
levels, awards and evaluations)."""

from __future__ import annotations

import datetime as dt

from sgz_ledger import Ledger

CST = dt.timezone(dt.timedelta(hours=8))
STATION, OTHER = "cuizhai", "wanghe"
CLERK, CHECKER = "王芳", "张敏"
V1, V2, V3, FAR = "V-01", "V-02", "V-03", "W-01"
SERVICE, TRAINING = "A-SVC", "A-TRN"
YEAR = 2024


def day(month: int, d: int) -> dt.date:
    return dt.date(YEAR, month, d)


def set_up(ledger: Ledger) -> None:
    """Two stations, three volunteers at the first and one at the second, a year-long
    service activity and a training."""
    for station in (STATION, OTHER):
        ledger.set_station_policy(
            station_id=station, name=f"{station}社工站", actor=CLERK, occurred_on=day(1, 1)
        )
    for volunteer, station in ((V1, STATION), (V2, STATION), (V3, STATION), (FAR, OTHER)):
        ledger.register_volunteer(
            volunteer_id=volunteer, station_id=station, name=f"志愿者{volunteer}",
            registered_on=day(1, 2), consent=True, actor=CLERK, occurred_on=day(1, 2),
        )  # fmt: skip
    for activity, category in ((SERVICE, "volunteer_service"), (TRAINING, "training")):
        ledger.publish_activity(
            activity_id=activity, station_id=STATION, name=activity, category=category,
            starts_at=dt.datetime(YEAR, 1, 2, 8, tzinfo=CST),
            ends_at=dt.datetime(YEAR, 12, 31, 20, tzinfo=CST), actor=CLERK,
            occurred_on=day(1, 2),
        )  # fmt: skip


def serve(
    ledger: Ledger,
    record_id: str,
    volunteer: str,
    on: dt.date,
    hours: int,
    *,
    activity: str = SERVICE,
    approve: bool = True,
) -> None:
    """Record ``hours`` of ``activity`` by ``volunteer`` on ``on`` (approved by default)."""
    ledger.record_service(
        record_id=record_id, volunteer_id=volunteer, activity_id=activity,
        duration_s=hours * 3600, service_date=on, actor=CLERK, occurred_on=on,
    )  # fmt: skip
    if approve:
        ledger.approve_service(
            volunteer_id=volunteer, record_id=record_id, actor=CHECKER, occurred_on=on
        )


FORMED_ON = dt.date(YEAR, 2, 1)


def team(ledger: Ledger, team_id: str = "T-1", on: dt.date = FORMED_ON) -> None:
    """Form team ``team_id`` at the first station on ``on``."""
    ledger.form_team(
        team_id=team_id, station_id=STATION, name="红马甲服务队", actor=CLERK, occurred_on=on
    )


def join(ledger: Ledger, volunteer: str, on: dt.date, team_id: str = "T-1") -> None:
    ledger.add_team_member(team_id=team_id, volunteer_id=volunteer, actor=CLERK, occurred_on=on)


def leave(ledger: Ledger, volunteer: str, on: dt.date, team_id: str = "T-1") -> None:
    ledger.remove_team_member(
        team_id=team_id, volunteer_id=volunteer, reason="搬家", actor=CLERK, occurred_on=on
    )
