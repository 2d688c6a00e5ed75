"""Teams, star levels, awards and evaluations (rules 50 to 53): ``team
form|join|leave|lead|dissolve|list``, ``stars``, ``award``, ``evaluate`` and ``recognition``.

Each write records one command at the store and prints one line; a repeat with the same
fields records nothing. None of them records service hours.
"""

from __future__ import annotations

import argparse
from typing import Any

from sgz_ledger.cli.common import (
    EXIT_OK,
    JSON_HELP,
    UsageError,
    business_date,
    date_arg,
    open_ledger,
    period_arguments,
    text_arg,
    who_and_when_arguments,
)
from sgz_ledger.cli.levels import level_arguments, level_stations
from sgz_ledger.render.layout import json_text
from sgz_ledger.render.recognition import (
    recognition_text,
    recorded_text,
    star_counts_text,
    teams_text,
    volunteer_star_text,
)

__all__ = ["register"]

_EXITS = "Exit 0 done (a repeat with the same fields records nothing), 2 refused or bad input."


def _write(args: argparse.Namespace, record: Any) -> int:
    with open_ledger(args, write=True) as ledger:
        head = ledger.log_position()
        event = record(ledger, actor=args.entered_by, occurred_on=business_date(args))
        print(recorded_text(event, again=ledger.log_position() == head))
    return EXIT_OK


def _cmd_form(args: argparse.Namespace) -> int:
    return _write(
        args,
        lambda ledger, **w: ledger.form_team(
            team_id=args.team, station_id=args.station, name=args.name, **w
        ),
    )


def _cmd_join(args: argparse.Namespace) -> int:
    return _write(
        args,
        lambda ledger, **w: ledger.add_team_member(
            team_id=args.team, volunteer_id=args.volunteer, **w
        ),
    )


def _cmd_leave(args: argparse.Namespace) -> int:
    return _write(
        args,
        lambda ledger, **w: ledger.remove_team_member(
            team_id=args.team, volunteer_id=args.volunteer, reason=args.reason, **w
        ),
    )


def _cmd_lead(args: argparse.Namespace) -> int:
    return _write(
        args,
        lambda ledger, **w: ledger.name_team_leader(
            team_id=args.team, volunteer_id=args.volunteer, **w
        ),
    )


def _cmd_dissolve(args: argparse.Namespace) -> int:
    return _write(
        args,
        lambda ledger, **w: ledger.dissolve_team(team_id=args.team, reason=args.reason, **w),
    )


def _cmd_list(args: argparse.Namespace) -> int:
    on = business_date(args)
    with open_ledger(args) as ledger:
        # The teams on the day, their members' hours from the first of its year.
        report = ledger.recognition(
            period_from=on.replace(month=1, day=1),
            period_to=on,
            station_ids=level_stations(ledger, args, on),
        )
        print(
            json_text(report.teams) if args.json else teams_text(report, ledger.settings.describe())
        )
    return EXIT_OK


def _cmd_stars(args: argparse.Namespace) -> int:
    on = business_date(args)
    if args.volunteer is not None and (args.district or args.station or args.community):
        raise UsageError("volunteer_or_level", command="stars")
    with open_ledger(args) as ledger:
        if args.volunteer is not None:
            star = ledger.volunteer_star(args.volunteer, on=on)
            print(json_text(star) if args.json else volunteer_star_text(star))
            return EXIT_OK
        counts = ledger.star_counts(on=on, station_ids=level_stations(ledger, args, on))
        print(
            json_text(counts) if args.json else star_counts_text(counts, ledger.settings.describe())
        )
    return EXIT_OK


def _cmd_award(args: argparse.Namespace) -> int:
    recipient = "team" if args.team is not None else "volunteer"
    return _write(
        args,
        lambda ledger, **w: ledger.grant_award(
            station_id=args.station,
            award_id=args.award,
            recipient=recipient,
            recipient_id=args.team if args.team is not None else args.volunteer,
            title=args.title,
            awarding_body=args.by,
            **w,
        ),
    )


def _cmd_evaluate(args: argparse.Namespace) -> int:
    return _write(
        args,
        lambda ledger, **w: ledger.record_evaluation(
            station_id=args.station,
            evaluation_id=args.evaluation,
            volunteer_id=args.volunteer,
            period_from=args.from_day,
            period_to=args.to_day,
            result=args.result,
            evaluator=args.evaluator,
            **w,
        ),
    )


def _cmd_recognition(args: argparse.Namespace) -> int:
    with open_ledger(args) as ledger:
        report = ledger.recognition(
            period_from=args.from_day,
            period_to=args.to_day,
            station_ids=level_stations(ledger, args, args.to_day),
        )
        print(
            json_text(report) if args.json else recognition_text(report, ledger.settings.describe())
        )
    return EXIT_OK


def _team_and_volunteer(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--team", required=True, type=text_arg, metavar="ID", help="the team")
    parser.add_argument("--volunteer", required=True, type=text_arg, metavar="ID")


def register(commands: Any, store_after: argparse.ArgumentParser) -> None:
    """Add ``team``, ``stars``, ``award``, ``evaluate`` and ``recognition`` to the parser."""
    team = commands.add_parser(
        "team",
        parents=[store_after],
        help="volunteer teams (志愿服务队): form, join, leave, lead, dissolve, list",
        description="Record a team's formation, its members joining and leaving, its leader "
        "and its dissolution, each on its business date (--on), or list the teams on a day.",
    )
    actions = team.add_subparsers(dest="action", metavar="ACTION", required=True)

    form = actions.add_parser(
        "form", parents=[store_after], help="form a team", description="Form a team. " + _EXITS
    )
    form.add_argument("--team", required=True, type=text_arg, metavar="ID", help="its code")
    form.add_argument("--station", required=True, type=text_arg, metavar="ID")
    form.add_argument("--name", required=True, type=text_arg, metavar="TEXT", help="its name")
    who_and_when_arguments(form, when="the day it was formed")
    form.set_defaults(handler=_cmd_form)

    join = actions.add_parser(
        "join",
        parents=[store_after],
        help="a volunteer joins a team",
        description="A volunteer of the team's station joins it, on or after its formation "
        "and their registration. " + _EXITS,
    )
    _team_and_volunteer(join)
    who_and_when_arguments(join, when="the day they joined")
    join.set_defaults(handler=_cmd_join)

    leave = actions.add_parser(
        "leave",
        parents=[store_after],
        help="a member leaves a team",
        description="A member leaves the team (a leader who leaves leads no more). " + _EXITS,
    )
    _team_and_volunteer(leave)
    leave.add_argument("--reason", required=True, metavar="TEXT", help="why")
    who_and_when_arguments(leave, when="the day they left")
    leave.set_defaults(handler=_cmd_leave)

    lead = actions.add_parser(
        "lead",
        parents=[store_after],
        help="name a member the team's leader",
        description="Name a member the team's leader (队长) from a day they are a member. "
        + _EXITS,
    )
    _team_and_volunteer(lead)
    who_and_when_arguments(lead, when="the day they lead from")
    lead.set_defaults(handler=_cmd_lead)

    dissolve = actions.add_parser(
        "dissolve",
        parents=[store_after],
        help="dissolve a team",
        description="Dissolve a team: its memberships and leadership end that day. " + _EXITS,
    )
    dissolve.add_argument("--team", required=True, type=text_arg, metavar="ID")
    dissolve.add_argument("--reason", required=True, metavar="TEXT", help="why")
    who_and_when_arguments(dissolve, when="the day it was dissolved")
    dissolve.set_defaults(handler=_cmd_dissolve)

    listing = actions.add_parser(
        "list",
        parents=[store_after],
        help="the teams on a day, with their leaders and members",
        description="The teams of the year up to a day (--on, default today), each with its "
        "leader and members that day and its members' service hours since the first of the "
        "year while members. Works on a read-only store.",
    )
    level_arguments(listing, "only the teams")
    listing.add_argument(
        "--on", type=date_arg, metavar="YYYY-MM-DD", help="the day (default today)"
    )
    listing.add_argument("--json", action="store_true", help=JSON_HELP)
    listing.set_defaults(handler=_cmd_list)

    stars = commands.add_parser(
        "stars",
        parents=[store_after],
        help="star volunteers (星级志愿者) on a day: per level, or one volunteer's",
        description="Volunteers per star level on a day (--on, default today), from their "
        "approved, counted service hours and the station's thresholds; or one volunteer's "
        "level (--volunteer). Works on a read-only store.",
    )
    level_arguments(stars, "only the volunteers")
    stars.add_argument("--volunteer", type=text_arg, metavar="ID", help="one volunteer's level")
    stars.add_argument("--on", type=date_arg, metavar="YYYY-MM-DD", help="the day (default today)")
    stars.add_argument("--json", action="store_true", help=JSON_HELP)
    stars.set_defaults(handler=_cmd_stars)

    award = commands.add_parser(
        "award",
        parents=[store_after],
        help="record an award (表彰) to a volunteer or a team: never service hours",
        description="Record an award to a volunteer or a team of the station. " + _EXITS,
    )
    award.add_argument("--station", required=True, type=text_arg, metavar="ID")
    award.add_argument("--award", required=True, type=text_arg, metavar="ID", help="its number")
    to = award.add_mutually_exclusive_group(required=True)
    to.add_argument("--volunteer", type=text_arg, metavar="ID", help="the volunteer awarded")
    to.add_argument("--team", type=text_arg, metavar="ID", help="the team awarded")
    award.add_argument("--title", required=True, type=text_arg, metavar="TEXT")
    award.add_argument(
        "--by", required=True, type=text_arg, metavar="TEXT", help="the awarding body"
    )
    who_and_when_arguments(award, when="the day it was granted")
    award.set_defaults(handler=_cmd_award)

    evaluate = commands.add_parser(
        "evaluate",
        parents=[store_after],
        help="record a volunteer's evaluation (评价) for a period: never service hours",
        description="Record a volunteer's evaluation for a period. " + _EXITS,
    )
    evaluate.add_argument("--station", required=True, type=text_arg, metavar="ID")
    evaluate.add_argument(
        "--evaluation", required=True, type=text_arg, metavar="ID", help="its number"
    )
    evaluate.add_argument("--volunteer", required=True, type=text_arg, metavar="ID")
    period_arguments(
        evaluate, required=True, first="the period's first day", last="the period's last day"
    )
    evaluate.add_argument("--result", required=True, type=text_arg, metavar="TEXT")
    evaluate.add_argument("--evaluator", required=True, type=text_arg, metavar="TEXT")
    who_and_when_arguments(evaluate, when="the day it was recorded")
    evaluate.set_defaults(handler=_cmd_evaluate)

    report = commands.add_parser(
        "recognition",
        parents=[store_after],
        help="teams, star levels, awards and evaluations of a period",
        description="The period's teams (with their members' service while members), star "
        "levels at its end, awards and evaluations. Works on a read-only store.",
    )
    period_arguments(report, required=True, first="the first day", last="the last day")
    level_arguments(report, "only the teams, volunteers, awards and evaluations")
    report.add_argument("--json", action="store_true", help=JSON_HELP)
    report.set_defaults(handler=_cmd_recognition)
