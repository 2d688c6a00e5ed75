"""Volunteer commands: import (sheets) and verify-certificate."""

from __future__ import annotations

import argparse
import sys
from typing import Any

import msgspec

from sgz_ledger.certificates import verify_certificate
from sgz_ledger.cli.common import (
    EXIT_FINDING,
    EXIT_OK,
    EXIT_USAGE,
    PROG,
    UsageError,
    display_width,
    open_ledger,
    pad,
)

__all__ = ["register"]


def _cmd_verify_certificate(args: argparse.Namespace) -> int:
    with open_ledger(args, create=False) as ledger:
        result = verify_certificate(ledger, args.certificate_no, args.code)
        if args.json:
            print(msgspec.json.format(msgspec.json.encode(result), indent=2).decode("utf-8"))
        else:
            print(result.message)
    return EXIT_OK if result.ok else EXIT_FINDING


def _cmd_import(args: argparse.Namespace) -> int:
    # The sheet readers are needed by this command only.
    from sgz_ledger.sheets import SheetRefused, import_file

    with open_ledger(args, create=True) as ledger:
        try:
            summary = import_file(
                ledger, args.file, station_id=args.station, entered_by=args.entered_by
            )
        except OSError as e:
            raise UsageError(f"cannot read {args.file}: {e.strerror or e}") from None
        except SheetRefused as e:
            bad = len(e.lines)
            print(
                f"{PROG}: error: {e.source}: 拒绝导入 refused, 未记录任何内容 nothing recorded; "
                f"{bad} 行有问题 bad line{'s' if bad != 1 else ''}:",
                file=sys.stderr,
            )
            for problem in e.rows:
                print(f"  {problem}", file=sys.stderr)
            return EXIT_USAGE
        counts = [("行 rows", summary.rows)]
        if summary.kind == "volunteer_roster":
            counts += [
                ("新注册志愿者 volunteers registered", summary.volunteers_registered),
                ("加入服务队 team joins", summary.team_joins),
            ]
        else:
            counts += [
                ("新活动 activities published", summary.activities_published),
                ("新服务记录 records recorded", summary.records_recorded),
                ("审核通过 records approved", summary.records_approved),
            ]
        counts += [
            ("已存在 already present", summary.already_present),
            ("记录事件 events recorded", summary.events_recorded),
        ]
        print(f"导入 Imported {summary.source}: {summary.title} ({summary.encoding})")
        width = max(display_width(label) for label, _ in counts)
        for label, n in counts:
            print(f"  {pad(label, width, 'l')}  {n:>6}")
        print(f"存储 store: {ledger.settings.describe()}")
    return EXIT_OK


def register(commands: Any, store_after: argparse.ArgumentParser) -> None:
    """Add the volunteer commands to the ``sgz-ledger`` parser."""
    import_ = commands.add_parser(
        "import",
        parents=[store_after],
        help="import a volunteer roster or service-hour sheet (CSV), whole or not at all",
        description="Import a CSV sheet: a volunteer roster (志愿者名册) or service records "
        "(志愿服务记录), told apart by the header (English or Chinese column names; UTF-8 or "
        "GB18030). Any bad row refuses the whole file, every bad line is listed, and nothing "
        "is recorded (exit 2). Importing the same file again records nothing new.",
    )
    import_.add_argument("file", metavar="FILE.csv", help="the sheet, saved as CSV")
    import_.add_argument(
        "--station",
        default="station",
        metavar="ID",
        help="the station's code, for volunteers and activities (default: station)",
    )
    import_.add_argument(
        "--entered-by",
        default="import",
        metavar="NAME",
        help="who enters roster rows and the activities a service sheet creates (default: import)",
    )
    import_.set_defaults(handler=_cmd_import)
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
