"""Teams, star levels, awards and evaluations as text for people (``reports.recognition``).

Each function takes an answer of the ledger and returns the text the command line prints.
"""

from __future__ import annotations

from sgz_ledger.domain.events import (
    AwardGranted,
    EvaluationRecorded,
    TeamDissolved,
    TeamFormed,
    TeamLeaderNamed,
    TeamMemberJoined,
    TeamMemberLeft,
)
from sgz_ledger.render.layout import one_line, table
from sgz_ledger.reports.recognition import RecognitionReport, StarCounts, VolunteerStar

__all__ = [
    "recognition_lines",
    "recognition_text",
    "recorded_text",
    "star_counts_text",
    "teams_text",
    "volunteer_star_text",
]

_TEAM_HEADS = (
    ("服务队", "名称", "成立", "解散", "队长", "队员", "队员服务时长(小时)"),
    ("team", "name", "formed", "dissolved", "leader", "members", "members' hours"),
)
_STAR_HEADS = (("星级", "志愿者"), ("stars", "volunteers"))
NOT_SERVICE = "不计服务时长 never service hours"

TeamEventType = TeamFormed | TeamMemberJoined | TeamMemberLeft | TeamLeaderNamed | TeamDissolved


def recorded_text(event: TeamEventType | AwardGranted | EvaluationRecorded, *, again: bool) -> str:
    """One line saying what a team, award or evaluation command recorded."""
    prefix = "已记录过 already recorded" if again else "已记录 recorded"
    match event:
        case TeamFormed():
            what = f"服务队成立 team {event.team_id} {one_line(event.name)} formed"
        case TeamMemberJoined():
            what = f"入队 {event.volunteer_id} joined team {event.team_id}"
        case TeamMemberLeft():
            what = f"离队 {event.volunteer_id} left team {event.team_id}"
        case TeamLeaderNamed():
            what = f"队长 {event.volunteer_id} leads team {event.team_id}"
        case TeamDissolved():
            what = f"服务队解散 team {event.team_id} dissolved"
        case AwardGranted():
            what = (
                f"表彰 award {event.award_id} {one_line(event.title)} to {event.recipient} "
                f"{event.recipient_id} ({NOT_SERVICE})"
            )
        case EvaluationRecorded():
            what = (
                f"评价 evaluation {event.evaluation_id} of {event.volunteer_id}: "
                f"{one_line(event.result)} ({NOT_SERVICE})"
            )
    return f"{prefix}: {what} ({event.occurred_on.isoformat()})"


def teams_text(report: RecognitionReport, store: str) -> str:
    """The teams of a report, one row each, with their members at its end."""
    if not report.teams:
        return (
            f"没有服务队 No teams {report.period_from.isoformat()} .. "
            f"{report.period_to.isoformat()} in {store}."
        )
    rows: list[list[str] | None] = [
        [
            t.team_id,
            one_line(t.name),
            t.formed_on.isoformat(),
            t.dissolved_on.isoformat() if t.dissolved_on else "",
            t.leader or "",
            "、".join(m.volunteer_id for m in t.members),
            str(t.member_service_hours),
        ]
        for t in report.teams
    ]
    return (
        f"志愿服务队 Teams {report.period_from.isoformat()} .. {report.period_to.isoformat()}\n"
        f"存储 store: {store}\n\n" + table(_TEAM_HEADS, rows, "lllllll")
    )


def star_counts_text(counts: StarCounts, store: str) -> str:
    """Volunteers per star level on a day."""
    rows: list[list[str] | None] = [
        [f"{c.level}星" if c.level else "0 (未达一星 below one star)", str(c.volunteers)]
        for c in counts.levels
    ]
    rows += [None, ["合计 total", str(counts.volunteers)]]
    return (
        f"星级志愿者 Star volunteers on {counts.as_of.isoformat()}\n存储 store: {store}\n\n"
        + table(_STAR_HEADS, rows, "lr")
        + f"\n\n有服务时长 with service hours: {counts.with_service}"
        + "\n星级由累计审核通过的志愿服务时长计算 (levels from approved, counted service hours)"
    )


def volunteer_star_text(star: VolunteerStar) -> str:
    """One volunteer's star level on a day."""
    following = (
        f"; 下一级 next level at {star.next_threshold_h} h"
        if star.next_threshold_h is not None
        else ""
    )
    return (
        f"{star.volunteer_id} ({star.station_id}) on {star.as_of.isoformat()}: "
        f"{star.level}星 stars, {star.service_hours} 小时 hours of counted service{following}"
    )


def recognition_lines(r: RecognitionReport) -> list[str]:
    """The lines of a report's recognition section (the annual report prints them)."""
    lines = [
        "志愿服务队与表彰 Teams and recognition",
        f"  服务队(年末) teams at the end: {r.teams_active}; 新成立 formed: {r.teams_formed}; "
        f"解散 dissolved: {r.teams_dissolved}; 队员 members: {r.team_members}",
        "  星级志愿者 star volunteers: "
        + ", ".join(f"{c.level}星 {c.volunteers}" for c in r.stars.levels if c.level),
        f"  表彰 awards: {r.awards} (志愿者 volunteers {r.awards_to_volunteers}, 服务队 teams "
        f"{r.awards_to_teams}); 评价 evaluations: {r.evaluations} ({NOT_SERVICE})",
    ]
    lines += [
        f"  {t.team_id} {one_line(t.name)}: {len(t.members)} 人 members, "
        f"{t.member_service_hours} 小时 hours"
        for t in r.teams
    ]
    return lines


def recognition_text(r: RecognitionReport, store: str) -> str:
    """A recognition report for a period."""
    return (
        f"{r.period_from.isoformat()} .. {r.period_to.isoformat()}\n存储 store: {store}\n\n"
        + "\n".join(recognition_lines(r))
    )
