"""Station spreadsheets (CSV) into the ledger, each file whole or not at all.

``import_file`` (or ``import_sheet`` for bytes already read) decodes the file (UTF-8
with or without BOM, else GB18030; a file that reads as Big5 is refused unless
``encoding="big5"`` says so), tells its kind from the header, turns every row
into ledger commands and records them in one ``Ledger.execute_batch``. Any bad row
refuses the file: ``SheetRefused`` names every bad line and why, and nothing is
recorded. Importing the same file again records nothing (every row has a key).

Kinds read today:

* ``volunteers``: volunteer rosters (志愿者名册) and service-hour sheets (志愿服务记录);
* ``funds``: funds sheets (基金), donation registers (捐赠登记) and disbursement
  registers (支出登记: request, approvals, 公示, payment);
* ``delivery``: cases (个案建档), case sessions, group sessions (小组), community activity
  sessions (社区活动) and supervision and training (督导培训);
* ``timebank``: time-bank sheets (时间银行台账: deposits, redemptions, in goods too, and
  transfers);
* ``goods``: goods-distribution sheets (物资发放登记: goods handed out from a fund's stock);
* ``registers``: project budgets (项目预算表), the register of levels (层级登记表) and team
  rosters (志愿服务队名册).

The machinery in ``common`` (encodings, headers in English or Chinese, line numbers,
problems, recording whole) is shared by every kind; a new kind adds a ``SheetKind``
and an importer to ``KINDS`` and ``_IMPORTERS`` below.

Example::

    from sgz_ledger import Ledger
    from sgz_ledger.sheets import import_file

    summary = import_file(Ledger("station.db"), "志愿者名册.csv", station_id="cuizhai")
    print(summary.volunteers_registered, summary.already_present)
    summary = import_file(Ledger("station.db"), "捐赠登记.csv", entered_by="王芳")
    print(summary.donations_recorded, summary.cash_received_fen)
"""

from __future__ import annotations

from collections.abc import Callable
from os import PathLike

from sgz_ledger.ledger import Ledger
from sgz_ledger.sheets.common import (
    FILE_BYTES_MAX,
    ImportOptions,
    ImportSummary,
    RowProblem,
    Sheet,
    SheetKind,
    SheetRefused,
    read_sheet,
)
from sgz_ledger.sheets.delivery import (
    CASE_SESSIONS,
    CASES,
    COMMUNITY_SESSIONS,
    GROUP_SESSIONS,
    SUPERVISION,
    import_delivery,
)
from sgz_ledger.sheets.funds import (
    DISBURSEMENTS,
    DONATIONS,
    FUNDS,
    import_disbursements,
    import_donations,
    import_funds,
)
from sgz_ledger.sheets.goods import GOODS_OUT, import_goods_out
from sgz_ledger.sheets.registers import (
    LEVELS,
    PROJECTS,
    TEAMS,
    import_levels,
    import_projects,
    import_teams,
)
from sgz_ledger.sheets.timebank import TIMEBANK, import_timebank
from sgz_ledger.sheets.volunteers import ROSTER, SERVICE, import_roster, import_service

__all__ = [
    "CASES",
    "CASE_SESSIONS",
    "COMMUNITY_SESSIONS",
    "DISBURSEMENTS",
    "DONATIONS",
    "FUNDS",
    "GOODS_OUT",
    "GROUP_SESSIONS",
    "KINDS",
    "LEVELS",
    "PROJECTS",
    "ROSTER",
    "SERVICE",
    "SUPERVISION",
    "TEAMS",
    "TIMEBANK",
    "ImportOptions",
    "ImportSummary",
    "RowProblem",
    "SheetKind",
    "SheetRefused",
    "import_file",
    "import_sheet",
]

# Every kind of sheet the importer recognises, and the function that imports each.
KINDS: tuple[SheetKind, ...] = (
    ROSTER,
    SERVICE,
    FUNDS,
    DONATIONS,
    DISBURSEMENTS,
    CASES,
    CASE_SESSIONS,
    GROUP_SESSIONS,
    COMMUNITY_SESSIONS,
    SUPERVISION,
    TIMEBANK,
    GOODS_OUT,
    PROJECTS,
    LEVELS,
    TEAMS,
)
_IMPORTERS: dict[str, Callable[[Ledger, Sheet, ImportOptions], ImportSummary]] = {
    ROSTER.name: import_roster,
    SERVICE.name: import_service,
    FUNDS.name: import_funds,
    DONATIONS.name: import_donations,
    DISBURSEMENTS.name: import_disbursements,
    CASES.name: import_delivery,
    CASE_SESSIONS.name: import_delivery,
    GROUP_SESSIONS.name: import_delivery,
    COMMUNITY_SESSIONS.name: import_delivery,
    SUPERVISION.name: import_delivery,
    TIMEBANK.name: import_timebank,
    GOODS_OUT.name: import_goods_out,
    PROJECTS.name: import_projects,
    LEVELS.name: import_levels,
    TEAMS.name: import_teams,
}


def import_sheet(
    ledger: Ledger,
    data: bytes,
    *,
    source: str = "sheet",
    station_id: str = "station",
    entered_by: str = "import",
    progress: Callable[[int], None] | None = None,
    encoding: str | None = None,
    correction_note: str | None = None,
) -> ImportSummary:
    """Import one CSV sheet's bytes into ``ledger``, whole or not at all.

    Args:
        data: the file's bytes.
        source: how problems name the file.
        station_id: the station volunteers and activities are registered at, and funds
            that a funds sheet opens without a 社工站 cell.
        entered_by: the actor of entries the sheet names no person for (roster rows,
            activities, funds opened, gifts without 经办人, 公示 and payments).
        progress: called with the number of ledger commands run so far while recording.
        encoding: ``"utf-8"``, ``"gb18030"`` or ``"big5"`` to read the file in that
            encoding; ``None`` (the default) tells UTF-8 from GB18030 and refuses Big5.
        correction_note: why rows dated in a period the station closed are recorded (rule
            33); without it such rows are refused (``period_closed``).

    Raises:
        SheetRefused: the file or any row is bad; every bad line is named, nothing recorded.
        InvalidInput: ``station_id``, ``entered_by`` or ``encoding`` could not be used.
    """
    options = ImportOptions(
        station_id=station_id,
        entered_by=entered_by,
        progress=progress,
        correction_note=correction_note,
    ).checked()
    sheet = read_sheet(data, KINDS, source=source, encoding=encoding)
    return _IMPORTERS[sheet.kind.name](ledger, sheet, options)


def import_file(
    ledger: Ledger,
    path: str | PathLike[str],
    *,
    station_id: str = "station",
    entered_by: str = "import",
    progress: Callable[[int], None] | None = None,
    encoding: str | None = None,
    correction_note: str | None = None,
) -> ImportSummary:
    """Read the CSV file at ``path`` and import it (see ``import_sheet``).

    Raises:
        OSError: the file cannot be read.
        SheetRefused: the file or any row is bad; nothing was recorded.
    """
    with open(path, "rb") as f:
        # One byte over the limit is enough to refuse it, without reading a huge file.
        data = f.read(FILE_BYTES_MAX + 1)
    return import_sheet(
        ledger,
        data,
        source=str(path),
        station_id=station_id,
        entered_by=entered_by,
        progress=progress,
        encoding=encoding,
        correction_note=correction_note,
    )
