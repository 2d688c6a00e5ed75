"""Volunteer commands: verify-certificate. (Sheets are imported by ``cli.sheets``.)"""

from __future__ import annotations

import argparse
from typing import Any

import msgspec

from sgz_ledger.certificates import verify_certificate
from sgz_ledger.cli.common import EXIT_FINDING, EXIT_OK, open_ledger

__all__ = ["register"]


def _cmd_verify_certificate(args: argparse.Namespace) -> int:
    with open_ledger(args, create=False) as ledger:
        result = verify_certificate(ledger, args.certificate_no, args.code)
        if args.json:
            print(msgspec.json.format(msgspec.json.encode(result), indent=2).decode("utf-8"))
        else:
            print(result.message)
    return EXIT_OK if result.ok else EXIT_FINDING


def register(commands: Any, store_after: argparse.ArgumentParser) -> None:
    """Add the volunteer commands to the ``sgz-ledger`` parser."""
    verify = commands.add_parser(
        "verify-certificate",
        parents=[store_after],
        help="check a volunteer service certificate (志愿服务证明) from its number and code",
        description="Check a certificate against the store: valid, revoked, changed since "
        "issue, or not ours. Exit 0 when valid, 1 otherwise.",
    )
    verify.add_argument("certificate_no", metavar="NO", help="the certificate number")
    verify.add_argument("code", metavar="CODE", help="the verification code printed on it")
    verify.add_argument("--json", action="store_true", help="print the verification as JSON")
    verify.set_defaults(handler=_cmd_verify_certificate)
