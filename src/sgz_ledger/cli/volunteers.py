"""Volunteer commands: volunteers (人次, hours, time bank per volunteer), erase (a volunteer's
personal data, or an individual donor's name, 个人信息保护法 Art.47).

(Sheets are imported by ``cli.sheets``; the year's figures are in ``report``; certificates
are ``cli.certificates``.)
"""

from __future__ import annotations

import argparse
from typing import Any

from sgz_ledger.cli.common import (
    EXIT_OK,
    JSON_HELP,
    UsageError,
    business_date,
    open_ledger,
    period_arguments,
    text_arg,
    who_and_when_arguments,
)
from sgz_ledger.cli.levels import level_arguments, level_scope
from sgz_ledger.domain.errors import NotFound
from sgz_ledger.render.layout import json_text
from sgz_ledger.render.volunteers import (
    accounts_text,
    donor_erasure_text,
    erasure_text,
    served_erasure_text,
)

__all__ = ["register"]


def _cmd_volunteers(args: argparse.Namespace) -> int:
    with open_ledger(args) as ledger:
        scope = level_scope(ledger, args)
        accounts = ledger.volunteer_accounts(
            station_id=scope.station_id,
            unit_id=scope.unit_id,
            level=scope.level,
            date_from=args.from_day,
            date_to=args.to_day,
        )
        if args.volunteer is not None:
            accounts = [a for a in accounts if a.volunteer_id == args.volunteer]
            if not accounts:
                raise UsageError(
                    "no_such_in_store",
                    kind="volunteer",
                    key=args.volunteer,
                    store=ledger.settings.describe(),
                )
        if args.json:
            print(json_text(accounts))
            return EXIT_OK
        print(
            accounts_text(
                accounts, ledger.settings.describe(), date_from=args.from_day, date_to=args.to_day
            )
        )
    return EXIT_OK


def _cmd_erase(args: argparse.Namespace) -> int:
    occurred_on = business_date(args)
    if args.served is not None and args.station is None:
        raise UsageError("served_needs_station")
    with open_ledger(args, write=True) as ledger:
        if args.served is not None:
            try:
                served = ledger.erase_served_person(
                    station_id=args.station,
                    served_person=args.served,
                    reason=args.reason,
                    requested_by=args.requested_by,
                    actor=args.entered_by,
                    occurred_on=occurred_on,
                )
            except NotFound:
                raise UsageError("no_served_person", store=ledger.settings.describe()) from None
            print(served_erasure_text(served))
            return EXIT_OK
        if args.donor is not None:
            head = ledger.log_position()
            try:
                donor = ledger.erase_donor(
                    donor=args.donor,
                    reason=args.reason,
                    requested_by=args.requested_by,
                    actor=args.entered_by,
                    occurred_on=occurred_on,
                )
            except NotFound:
                raise UsageError(
                    "no_individual_donor", donor=args.donor, store=ledger.settings.describe()
                ) from None
            print(donor_erasure_text(donor, again=ledger.log_position() == head))
            return EXIT_OK
        before = ledger.volunteer(args.volunteer).state.erased
        event = ledger.erase_personal_data(
            volunteer_id=args.volunteer,
            reason=args.reason,
            requested_by=args.requested_by,
            actor=args.entered_by,
            occurred_on=occurred_on,
        )
    print(erasure_text(event, again=before is not None))
    return EXIT_OK


def register(commands: Any, store_after: argparse.ArgumentParser) -> None:
    """Add the volunteer commands to the ``sgz-ledger`` parser."""
    volunteers = commands.add_parser(
        "volunteers",
        parents=[store_after],
        help="print each volunteer's person-times, service hours and time-bank balance",
        description="Per volunteer: person-times (人次) and hours of approved, unvoided "
        "volunteer-service records served in the period (all dates by default), records "
        "awaiting approval, and the time-bank (爱心储蓄银行) balance now.",
    )
    level_arguments(volunteers, "only the volunteers")
    volunteers.add_argument("--volunteer", type=text_arg, metavar="ID", help="only this volunteer")
    period_arguments(volunteers, required=False, first="first service day", last="last service day")
    volunteers.add_argument("--json", action="store_true", help=JSON_HELP + " (seconds)")
    volunteers.set_defaults(handler=_cmd_volunteers)

    erase = commands.add_parser(
        "erase",
        parents=[store_after],
        help="erase a volunteer's personal data or an individual donor's name "
        "(个人信息保护法 Art.47) by destroying its key",
        description="Erase a volunteer's name, gender, birth date, phone and ID number "
        "(--volunteer), or the name of a donor who is a person (--donor, as their gifts name "
        "them): the erasure is recorded as an event, then the person's own key is destroyed, "
        "so their sealed data can no longer be opened from the store. Every figure, total and "
        "the hash chain stay as they were: a volunteer's hours stay counted under their "
        "volunteer id, a donor's gifts under a pseudonym. Erasing a volunteer again records "
        "nothing; a donor's name is not kept once erased, so it is not found again. A served "
        "person (--served, with --station) is erased the same way: their sessions stay counted, "
        "and nothing leads from the identifier to them any more. Exit 0 done, 2 an unknown "
        "volunteer, donor or served person, or bad input.",
    )
    who = erase.add_mutually_exclusive_group(required=True)
    who.add_argument("--volunteer", metavar="ID", help="the volunteer's id")
    who.add_argument(
        "--donor",
        type=text_arg,
        metavar="NAME",
        help="an individual donor's name, as their gifts give it (recorded nowhere)",
    )
    who.add_argument(
        "--served",
        type=text_arg,
        metavar="IDENTIFIER",
        help="a served person, by the identifier the station gave for them (a resident or "
        "phone number; recorded nowhere); needs --station",
    )
    erase.add_argument(
        "--station",
        type=text_arg,
        metavar="ID",
        help="the station that takes the request to erase a served person (--served)",
    )
    erase.add_argument("--reason", required=True, metavar="TEXT", help="why (recorded in clear)")
    erase.add_argument(
        "--requested-by",
        required=True,
        metavar="NAME",
        help="who asked: the volunteer's id or a role (本人, 监护人), never their name "
        "(recorded in clear)",
    )
    who_and_when_arguments(
        erase, who="who enters the erasure", when="the business date of the request"
    )
    erase.set_defaults(handler=_cmd_erase)
