"""Sheet commands: import (CSV sheets of every kind ``sgz_ledger.sheets`` reads)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from sgz_ledger.cli.common import (
    EXIT_OK,
    EXIT_USAGE,
    PROG,
    UsageError,
    open_ledger,
    path_arg,
    text_arg,
)
from sgz_ledger.cli.progress import Progress

__all__ = ["register"]


def _cmd_import(args: argparse.Namespace) -> int:
    # The sheet readers are needed by this command only.
    from sgz_ledger.render.sheets import import_text, refused_text
    from sgz_ledger.sheets import ImportOptions, SheetRefused, import_sheet
    from sgz_ledger.sheets.common import FILE_BYTES_MAX

    # The options checked and the file read before the store is opened (and perhaps
    # created): a bad option or a file that cannot be read touches nothing.
    ImportOptions(
        station_id=args.station, entered_by=args.entered_by, correction_note=args.correction_note
    ).checked()
    try:
        with open(args.file, "rb") as f:
            data = f.read(FILE_BYTES_MAX + 1)  # one byte over the limit is enough to refuse
    except OSError as e:
        raise UsageError("cannot_read", path=args.file, detail=e.strerror or str(e)) from None
    with open_ledger(args, create=True) as ledger:
        try:
            with Progress("导入 import (条 entries)") as progress:
                summary = import_sheet(
                    ledger,
                    data,
                    source=args.file,
                    station_id=args.station,
                    entered_by=args.entered_by,
                    progress=progress.update,
                    encoding=args.encoding,
                    correction_note=args.correction_note,
                )
        except SheetRefused as e:
            print(refused_text(e, PROG), file=sys.stderr)
            return EXIT_USAGE
        print(import_text(summary, ledger.settings.describe()))
    return EXIT_OK


def register(commands: Any, store_after: argparse.ArgumentParser) -> None:
    """Add the sheet commands to the ``sgz-ledger`` parser."""
    import_ = commands.add_parser(
        "import",
        parents=[store_after],
        help="import a CSV sheet (volunteer roster, service hours, funds, donations, "
        "disbursements, cases, case, group and community sessions, supervision, time bank, "
        "goods handed out, project budgets, levels, team rosters), whole or not at all",
        description="Import a CSV sheet: a volunteer roster (志愿者名册), service records "
        "(志愿服务记录), a funds sheet (基金设立表), a donation register (捐赠登记), a "
        "disbursement register (支出登记), cases (个案建档), case sessions (个案服务记录), "
        "group sessions (小组活动记录), community activity sessions (社区活动签到), "
        "supervision and training (督导培训记录), a time-bank sheet (时间银行台账), a "
        "goods-distribution sheet "
        "(物资发放登记), a project budget (项目预算表), a levels register (层级登记表) or a "
        "team roster (志愿服务队名册), told apart by the header (English or Chinese column names; "
        "UTF-8 or GB18030, or Big5 with --encoding big5). Any bad row refuses the whole file, "
        "every bad line is listed, and nothing is recorded (exit 2). Importing the same file "
        "again records nothing new.",
    )
    import_.add_argument("file", type=path_arg, metavar="FILE.csv", help="the sheet, saved as CSV")
    import_.add_argument(
        "--station",
        type=text_arg,
        default="station",
        metavar="ID",
        help="the station's code, for volunteers, activities, and funds a funds sheet opens "
        "without a 社工站 cell (default: station)",
    )
    import_.add_argument(
        "--entered-by",
        type=text_arg,
        default="import",
        metavar="NAME",
        help="who enters what a sheet names nobody for: roster rows, activities, funds "
        "opened, gifts without 经办人, 公示 and payments (default: import)",
    )
    import_.add_argument(
        "--encoding",
        choices=("utf-8", "gb18030", "big5"),
        help="the file's encoding, read strictly (default: UTF-8, else GB18030; a file that "
        "reads as Big5, Traditional Chinese, is refused without --encoding big5)",
    )
    import_.add_argument(
        "--correction-note",
        type=text_arg,
        metavar="TEXT",
        help="why rows dated in a period the station closed are recorded: they are then "
        "recorded as corrections and listed as 更正说明 in the next disclosure and annual "
        "report (without it such rows refuse the sheet)",
    )
    import_.set_defaults(handler=_cmd_import)
