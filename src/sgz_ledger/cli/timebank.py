"""Time-bank commands (爱心储蓄银行, rule 6): ``timebank bank|redeem|transfer|balance``.

``bank`` deposits an approved service record, ``redeem`` spends credit, ``transfer`` gives
credit to another member, ``balance`` prints the balances now. Credit on the command line is
``--hours`` (decimal hours, at most 2 decimals: 0.01 h is 36 s) or ``--minutes`` (whole
minutes), read exactly into whole seconds, never through a float.
"""

from __future__ import annotations

import argparse
import re
from decimal import Decimal
from typing import Any

from sgz_ledger.cli.common import (
    EXIT_OK,
    JSON_HELP,
    UsageError,
    business_date,
    open_ledger,
    text_arg,
    text_or_empty_arg,
    who_and_when_arguments,
)
from sgz_ledger.cli.levels import level_arguments, level_scope
from sgz_ledger.domain.events import HoursRedeemed
from sgz_ledger.ledger import Ledger
from sgz_ledger.render.layout import json_text
from sgz_ledger.render.volunteers import (
    bank_balances_text,
    banked_text,
    redeemed_text,
    transferred_text,
)

__all__ = ["hours_arg", "minutes_arg", "register"]

_HOURS = re.compile(r"[0-9]+(?:\.[0-9]{1,2})?")
_MINUTES = re.compile(r"[0-9]+")
SECONDS_PER_HOUR = 3600


def hours_arg(text: str) -> int:
    """Decimal hours (``2.5``, ``2.50``; at most 2 decimals, more than zero) as whole seconds.

    Nothing looser: ``2.555``, ``-1``, ``1e3``, ``,5`` are refused (exit 2), not rounded.
    """
    if not _HOURS.fullmatch(text):
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a number of hours (digits, at most 2 decimals: 2.5, 0.75)"
        )
    seconds = Decimal(text) * SECONDS_PER_HOUR  # exact: 0.01 h is 36 s
    if seconds <= 0:
        raise argparse.ArgumentTypeError(f"{text!r} hours: must be more than zero")
    return int(seconds)


def minutes_arg(text: str) -> int:
    """Whole minutes, more than zero, as seconds."""
    if not _MINUTES.fullmatch(text) or int(text) <= 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of minutes above zero")
    return int(text) * 60


def _quantity(text: str) -> int:
    if not _MINUTES.fullmatch(text) or int(text) <= 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a quantity above zero")
    return int(text)


def _balance(ledger: Ledger, volunteer_id: str) -> int:
    return ledger.volunteer(volunteer_id).state.bank_balance_s


def _cmd_bank(args: argparse.Namespace) -> int:
    with open_ledger(args, write=True) as ledger:
        event = ledger.bank_hours(
            volunteer_id=args.volunteer,
            record_id=args.record,
            actor=args.entered_by,
            occurred_on=business_date(args),
        )
        print(banked_text(args.volunteer, event, _balance(ledger, args.volunteer)))
    return EXIT_OK


def _redeem(ledger: Ledger, args: argparse.Namespace) -> HoursRedeemed:
    if args.goods is not None:
        if args.counterparty is not None:
            raise UsageError("goods_without_counterparty")
        if args.unit is None:
            raise UsageError("goods_needs_unit")
        return ledger.redeem_hours_for_goods(
            volunteer_id=args.volunteer,
            redemption_id=args.redemption,
            credit_s=args.credit_s,
            fund_id=args.goods,
            item=args.item,
            unit=args.unit,
            quantity=args.quantity,
            restriction=args.restriction,
            approver=args.approver,
            actor=args.entered_by,
            occurred_on=business_date(args),
        )
    if args.counterparty is None:
        raise UsageError("counterparty_or_goods")
    if args.unit is not None or args.restriction:
        raise UsageError("unit_with_goods")
    return ledger.redeem_hours(
        volunteer_id=args.volunteer,
        redemption_id=args.redemption,
        credit_s=args.credit_s,
        item=args.item,
        quantity=args.quantity,
        counterparty=args.counterparty,
        approver=args.approver,
        actor=args.entered_by,
        occurred_on=business_date(args),
    )


def _cmd_redeem(args: argparse.Namespace) -> int:
    with open_ledger(args, write=True) as ledger:
        head = ledger.log_position()
        event = _redeem(ledger, args)
        again = ledger.log_position() == head
        print(redeemed_text(args.volunteer, event, _balance(ledger, args.volunteer), again=again))
    return EXIT_OK


def _cmd_transfer(args: argparse.Namespace) -> int:
    with open_ledger(args, write=True) as ledger:
        head = ledger.log_position()
        event = ledger.transfer_hours(
            volunteer_id=args.from_volunteer,
            transfer_id=args.transfer,
            to_volunteer_id=args.to_volunteer,
            credit_s=args.credit_s,
            reason=args.reason,
            actor=args.entered_by,
            occurred_on=business_date(args),
        )
        again = ledger.log_position() == head
        print(
            transferred_text(
                args.from_volunteer,
                event,
                _balance(ledger, args.from_volunteer),
                _balance(ledger, args.to_volunteer),
                again=again,
            )
        )
    return EXIT_OK


def _cmd_balance(args: argparse.Namespace) -> int:
    if args.volunteer is not None and (args.district or args.station or args.community):
        raise UsageError("volunteer_or_level", command="timebank balance")
    with open_ledger(args) as ledger:
        scope = level_scope(ledger, args)
        accounts = ledger.volunteer_accounts(
            station_id=scope.station_id, unit_id=scope.unit_id, level=scope.level
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
            print(
                json_text(
                    [
                        {
                            "volunteer_id": a.volunteer_id,
                            "station_id": a.station_id,
                            "active": a.active,
                            "bank_balance_s": a.bank_balance_s,
                            "bank_hours": str(a.bank_hours),
                        }
                        for a in accounts
                    ]
                )
            )
        else:
            print(bank_balances_text(accounts, ledger.settings.describe()))
    return EXIT_OK


def _credit(parser: argparse.ArgumentParser) -> None:
    amount = parser.add_mutually_exclusive_group(required=True)
    amount.add_argument(
        "--hours",
        dest="credit_s",
        type=hours_arg,
        metavar="H",
        help="credit in hours, at most 2 decimals (2.5 is 9000 seconds)",
    )
    amount.add_argument(
        "--minutes", dest="credit_s", type=minutes_arg, metavar="M", help="credit in whole minutes"
    )


_EXITS = "Exit 0 done (a repeat with the same fields records nothing), 2 refused or bad input."


def register(commands: Any, store_after: argparse.ArgumentParser) -> None:
    """Add ``timebank`` and its subcommands to the ``sgz-ledger`` parser."""
    timebank = commands.add_parser(
        "timebank",
        parents=[store_after],
        help="the time bank (爱心储蓄银行): bank service, redeem or transfer credit, balances",
        description="Deposit approved service in the time bank, spend or give credit, and "
        "print the balances (rule 6). Every write needs a writable store.",
    )
    actions = timebank.add_subparsers(dest="action", metavar="ACTION", required=True)

    bank = actions.add_parser(
        "bank",
        parents=[store_after],
        help="deposit an approved service record in the time bank",
        description="Deposit an approved, unvoided volunteer-service record of an active "
        "volunteer, once, at the station's rate. Exit 0 done, 2 refused (a record banked "
        "already, too) or bad input.",
    )
    bank.add_argument("--volunteer", required=True, type=text_arg, metavar="ID")
    bank.add_argument(
        "--record", required=True, type=text_arg, metavar="RID", help="the service record's id"
    )
    who_and_when_arguments(bank)
    bank.set_defaults(handler=_cmd_bank)

    redeem = actions.add_parser(
        "redeem",
        parents=[store_after],
        help="spend time-bank credit on a service or goods",
        description="Spend credit, approved by someone other than who enters it; no balance "
        "goes below the station's limit. With --goods FUND the goods leave that fund's stock "
        "in the same write (all or nothing: short credit or goods not in stock record "
        "nothing). " + _EXITS,
    )
    redeem.add_argument("--volunteer", required=True, type=text_arg, metavar="ID")
    redeem.add_argument(
        "--redemption", required=True, type=text_arg, metavar="RID", help="the redemption's id"
    )
    _credit(redeem)
    redeem.add_argument("--item", required=True, metavar="TEXT", help="the service or goods")
    redeem.add_argument(
        "--quantity", type=_quantity, default=1, metavar="N", help="how many (default 1)"
    )
    redeem.add_argument(
        "--counterparty", metavar="TEXT", help="who provides the item (not with --goods)"
    )
    redeem.add_argument(
        "--goods",
        type=text_arg,
        metavar="FUND",
        help="take the goods from this fund's stock (爱心超市) in the same write: the credit "
        "and the goods leave together, or nothing is recorded",
    )
    redeem.add_argument("--unit", type=text_arg, metavar="UNIT", help="the goods' unit (--goods)")
    redeem.add_argument(
        "--restriction",
        type=text_or_empty_arg,
        default="",
        metavar="TEXT",
        help="the stock the goods come from (--goods; default: unrestricted)",
    )
    redeem.add_argument("--approver", required=True, metavar="NAME", help="who approved it")
    who_and_when_arguments(redeem)
    redeem.set_defaults(handler=_cmd_redeem)

    transfer = actions.add_parser(
        "transfer",
        parents=[store_after],
        help="give time-bank credit to another member",
        description="Move credit from one volunteer to another (both sides recorded "
        "together); no balance goes below the station's limit. " + _EXITS,
    )
    transfer.add_argument(
        "--from", dest="from_volunteer", required=True, type=text_arg, metavar="ID"
    )
    transfer.add_argument("--to", dest="to_volunteer", required=True, type=text_arg, metavar="ID")
    transfer.add_argument(
        "--transfer", required=True, type=text_arg, metavar="TID", help="the transfer's id"
    )
    _credit(transfer)
    transfer.add_argument("--reason", required=True, metavar="TEXT", help="why")
    who_and_when_arguments(transfer)
    transfer.set_defaults(handler=_cmd_transfer)

    balance = actions.add_parser(
        "balance",
        parents=[store_after],
        help="print time-bank balances now",
        description="Each volunteer's time-bank balance now, in seconds and hours (2 "
        "decimals, half up), with a total line. Works on a read-only store.",
    )
    balance.add_argument("--volunteer", type=text_arg, metavar="ID", help="only this volunteer")
    level_arguments(balance, "only the volunteers")
    balance.add_argument("--json", action="store_true", help=JSON_HELP + " (seconds)")
    balance.set_defaults(handler=_cmd_balance)
