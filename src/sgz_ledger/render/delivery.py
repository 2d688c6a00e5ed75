"""Service delivery as text: cases, groups, community activities, people served, supervision."""

from __future__ import annotations

from collections.abc import Sequence

from sgz_ledger.render.layout import table
from sgz_ledger.reports.delivery import DeliveryReport

__all__ = ["delivery_rows", "delivery_text"]


def delivery_rows(r: DeliveryReport) -> list[Sequence[str] | None]:
    """The report's figures as (label, value) rows, for its own table and the annual
    report's."""
    return [
        ["个案 Case work", ""],
        ["  新建档(个) cases opened", str(r.cases_opened)],
        ["  结案(个) cases closed", str(r.cases_closed)],
        ["  期末在案(个) open at the end", str(r.cases_open_end)],
        ["  个案服务(次) case sessions", str(r.case_sessions)],
        ["小组 Groups", ""],
        ["  小组(个) groups", str(r.groups)],
        ["  服务次数(节) sessions", str(r.group_sessions)],
        ["  服务人次 person-times", str(r.group_person_times)],
        ["社区活动 Community activities", ""],
        ["  活动(个) activities", str(r.community_activities)],
        ["  场次 sessions", str(r.community_sessions)],
        ["  参与人次 person-times", str(r.community_person_times)],
        ["服务对象 People served", ""],
        ["  服务人次 person-times", str(r.person_times)],
        ["  服务人数(已登记) distinct people identified", str(r.distinct_people)],
        ["督导与培训 Supervision and training", ""],
        ["  督导(次) supervision", str(r.supervision_count)],
        ["  督导时长(小时) supervision hours", str(r.supervision_hours)],
        ["  培训(次) training", str(r.training_count)],
        ["  培训时长(小时) training hours", str(r.training_hours)],
    ]


def delivery_text(r: DeliveryReport) -> str:
    """The report as a text table, then its projects."""
    # The codes of what was asked for: a station's, or every code under a district or a
    # community room (the report takes the codes, not the level they were asked at).
    scope = "、".join(r.station_ids) if r.station_ids is not None else "全部站点 all stations"
    lines = [
        f"服务开展 Service delivery    范围 covers: {scope}",
        f"期间 period: {r.period_from.isoformat()} .. {r.period_to.isoformat()}",
        "",
        table((), delivery_rows(r), "lr"),
    ]
    if r.projects:
        rows: list[Sequence[str] | None] = [
            [p.project_id or "(无项目 none)", str(p.person_times), str(p.distinct_people)]
            for p in r.projects
        ]
        heads = (("项目 project", "服务人次 person-times", "服务人数 distinct people"),)
        lines += ["", table(heads, rows, "lrr")]
    return "\n".join(lines)
