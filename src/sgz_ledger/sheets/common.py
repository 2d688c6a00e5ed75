"""Reading station spreadsheets saved as CSV, and recording a sheet whole or not at all.

Every kind of sheet (volunteer rosters and service records; funds, donation and
disbursement registers) goes through the same four steps, and this module holds the
three that do not depend on the kind:

1. ``decode``: bytes -> text. Strict UTF-8 first (a BOM is dropped), then strict
   GB18030, which covers GBK and GB2312, what Excel in a Chinese locale saves as "CSV";
   a file that reads as Big5 instead is refused unless its encoding is named.
2. ``read_sheet``: the header row says which kind of sheet this is (title rows above it
   are read past). Each column may be named in English or in Chinese, independently of
   the others. Every row keeps its physical line number in the file (1 = the first
   line, title rows and blank lines counted), so problems name the line a person sees
   in an editor.
3. the kind's own module turns each row into ledger commands (a ``RowPlan``), reading
   cells with a ``RowReader`` that collects every problem of shape as a ``RowProblem``.
4. ``record_whole``: one ``Ledger.execute_batch`` of every row, so the sheet is recorded
   whole or not at all; when anything is wrong, every bad row is found and named.
   ``summary`` then counts what the batch added, from the log itself.

Line numbers count physical lines, so a quoted cell that spans lines moves the
numbers of the rows after it, as an editor shows them.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import re
import unicodedata
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any, TypeVar
from uuid import UUID

import msgspec
from pydantic import BaseModel

from sgz_ledger.domain.errors import (
    IdempotencyConflict,
    InvalidAmount,
    InvalidInput,
    LedgerError,
)
from sgz_ledger.domain.messages import Language, Localized, Phrase
from sgz_ledger.domain.money import parse_amount_fen
from sgz_ledger.domain.text import TextRefused, canonical_field, canonical_text, fold_width
from sgz_ledger.ledger import Ledger
from sgz_ledger.service import commands as b
from sgz_ledger.service.unit_of_work import BATCH_COMMANDS_MAX, BatchCommandRefused

__all__ = [
    "CELL_CHARS_MAX",
    "CHECK_RUN_ROWS",
    "CHOICE",
    "COLUMNS_MAX",
    "COUNT",
    "DATE",
    "ENCODINGS",
    "FILE_BYTES_MAX",
    "FORMS",
    "HEADER_SEARCH_ROWS",
    "HOURS",
    "LIST",
    "ROWS_MAX",
    "TEXT",
    "TIME",
    "YUAN",
    "Column",
    "ImportOptions",
    "ImportSummary",
    "RowPlan",
    "RowProblem",
    "RowReader",
    "SetupCommand",
    "Sheet",
    "SheetKind",
    "SheetRefused",
    "SheetRow",
    "ValueRefused",
    "decode",
    "events_between",
    "header_key",
    "parse_date",
    "parse_time_of_day",
    "read_sheet",
    "record_whole",
    "summary",
]

# Limits, so that a wrong file (a database dump, a photo renamed .csv) is refused
# quickly instead of filling memory. A station's yearly sheet is far below each.
FILE_BYTES_MAX = 32 * 1024 * 1024
# Data rows per sheet. A row becomes a few commands (a service record, its approval,
# the activity it names; a request, its approvals, its 公示 and payment); a sheet whose
# commands would still exceed the ledger's BATCH_COMMANDS_MAX is refused whole
# (``record_whole``), asking for the file to be split.
ROWS_MAX = 20_000
COLUMNS_MAX = 100
# Longer than any field a command accepts (NOTE_LEN_MAX = 2000): a cell beyond this is
# a paste accident, refused before it reaches the boundary models.
CELL_CHARS_MAX = 4000
# Rows above the header that are skipped when they name no sheet kind: spreadsheets
# usually carry a title row ("崔寨社工站2024年志愿服务记录") above the header.
HEADER_SEARCH_ROWS = 5
# Rows per check run when looking for every bad row (``record_whole``): small enough that
# building a run costs little next to running it, large enough that a good stretch of
# the sheet is checked in few runs.
CHECK_RUN_ROWS = 500
# Headers of a row-number column (序号), which nearly every Chinese sheet has first; it
# carries no data, so it is read past instead of being refused as unknown.
ROW_NUMBER_HEADERS = frozenset({"序号", "行号", "no", "no.", "#"})

_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# C0 control characters other than tab and line ends (which a quoted cell may hold), and DEL.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Dropped when headers are compared: spaces (also full-width), "_" and "-" (so that
# "Volunteer ID", "volunteer-id" and "volunteer_id" are one name), brackets (so that
# "时长(分钟)" and "时长（分钟）" are "时长分钟") and the "*" templates put on required columns.
_HEADER_DROP = str.maketrans("", "", " \t_-()[]【】*:")


class RowProblem(msgspec.Struct, frozen=True, kw_only=True):
    """One thing wrong with a sheet, at one line (a value, as beancount's errors are).

    Attributes:
        line: the physical line in the file (1 = first line); the header's line for
            problems of the header, 0 for problems of the whole file.
        column: the column as the sheet names it (``""`` for the whole row).
        reason: a stable code: ``missing_value``, ``bad_date``, ``duplicate_key``, or a
            ledger refusal's own reason (``not_found``, ``service_refused``...).
        phrase: what is wrong, in words a station's staff can act on, in either language
            (``phrase.message("zh")``); ``message`` in the setting's.
    """

    line: int
    column: str
    reason: str
    phrase: Phrase

    @property
    def message(self) -> str:
        """What is wrong, in the setting's language."""
        return str(self.phrase)

    def describe(self, language: Language | None = None) -> str:
        """The problem on one line, where it is first (``line 4, 金额: ... [invalid_amount]``)."""
        return Phrase(
            "row_problem" if self.line else "file_problem",
            line=self.line,
            column=self.column,
            problem=self.phrase,
            reason=self.reason,
        ).message(language)

    def __str__(self) -> str:
        return self.describe()


class ImportOptions(msgspec.Struct, frozen=True, kw_only=True):
    """What a sheet does not say but its commands need.

    Attributes:
        station_id: the station that volunteers are registered at and activities belong
            to, and of funds a funds sheet opens without a 社工站 cell.
        entered_by: the actor of entries the sheet names no person for (roster rows,
            activities created from a service sheet, funds opened, gifts without a
            经办人, the 公示 and payment of a disbursement).
        progress: called with the number of ledger commands run so far while the sheet
            is recorded (a progress bar).
        correction_note: why the sheet's rows dated in a period its station closed are
            recorded (rule 33): given to every command of the sheet, so that those rows are
            recorded as corrections and listed as 更正说明; ``None``: such rows are refused.
    """

    station_id: str = "station"
    entered_by: str = "import"
    progress: Callable[[int], None] | None = None
    correction_note: str | None = None

    def checked(self) -> ImportOptions:
        """The options in canonical form (``text.canonical_text``), or ``InvalidInput`` if
        they could not go into a command."""
        values: dict[str, str] = {}
        problems: list[tuple[str, Phrase]] = []
        for name, value, limit in (
            ("station", self.station_id, b.KEY_LEN_MAX),
            ("entered_by", self.entered_by, b.TEXT_LEN_MAX),
            ("correction_note", self.correction_note, b.TEXT_LEN_MAX),
        ):
            if value is None:
                continue
            try:
                values[name] = canonical_field(value, name, max_length=limit)
            except InvalidInput as e:
                problems.extend(e.field_problems)
        if problems:
            raise InvalidInput(problems)
        return ImportOptions(
            station_id=values["station"],
            entered_by=values["entered_by"],
            progress=self.progress,
            correction_note=values.get("correction_note"),
        )


class ImportSummary(msgspec.Struct, frozen=True, kw_only=True):
    """What importing a sheet recorded, counted from the events it added to the log.

    Counts that do not apply to a kind of sheet stay 0 (each kind adds its own
    fields, with defaults, so existing callers keep working).

    Attributes:
        kind: the kind's code (``volunteer_roster``, ``service_records``, ``funds``,
            ``donations``, ``disbursements``).
        rows: data rows read (blank rows not counted).
        already_present: rows whose entry the ledger held before (a re-import is all of them).
        events_recorded: events this import added; 0 for a repeat import.
        funds_opened: funds a funds sheet opened.
        donations_recorded: gifts registered (an in-kind gift over several rows is one).
        cash_received_fen: the cash those gifts brought in.
        in_kind_value_fen: the value booked for the goods they brought (unvalued goods: 0).
        disbursements_requested: requests recorded.
        disbursements_approved: requests whose approval completed (the money is reserved).
        disbursements_publicized: requests whose 公示 was recorded.
        disbursements_paid: requests paid; ``paid_fen`` is what they paid.
        cases_opened, cases_closed: cases a cases sheet opened (建档) and closed (结案).
        sessions_recorded: sessions of cases, groups or community activities recorded.
        groups_created: groups or community activities a session sheet set up.
        supervision_recorded: supervision and training records recorded.
        bank_deposits, bank_redemptions, bank_transfers: a time-bank sheet's entries recorded.
        goods_distributions: goods handed out (a goods-distribution sheet's rows recorded,
            and a time-bank sheet's redemptions paid in goods).
        projects_opened, budget_lines: projects a project-budget sheet opened, and their lines.
        units_registered: units a levels sheet registered.
        teams_formed, team_joins, team_leaders_named: a team roster's teams formed, members
            added (a volunteer roster's 服务队 joins count in ``team_joins`` too) and leaders
            named.
    """

    source: str
    kind: str
    title: str
    encoding: str
    rows: int
    already_present: int
    events_recorded: int
    volunteers_registered: int = 0
    team_joins: int = 0
    activities_published: int = 0
    records_recorded: int = 0
    records_approved: int = 0
    funds_opened: int = 0
    donations_recorded: int = 0
    cash_received_fen: int = 0
    in_kind_value_fen: int = 0
    disbursements_requested: int = 0
    disbursements_approved: int = 0
    disbursements_publicized: int = 0
    disbursements_paid: int = 0
    paid_fen: int = 0
    cases_opened: int = 0
    cases_closed: int = 0
    sessions_recorded: int = 0
    groups_created: int = 0
    supervision_recorded: int = 0
    bank_deposits: int = 0
    bank_redemptions: int = 0
    bank_transfers: int = 0
    goods_distributions: int = 0
    projects_opened: int = 0
    budget_lines: int = 0
    units_registered: int = 0
    teams_formed: int = 0
    team_leaders_named: int = 0


class SheetRefused(InvalidInput):
    """The sheet was refused whole: nothing of it was recorded.

    Attributes:
        source: the file (or other source) the sheet came from.
        rows: every problem found, by line; ``lines`` gives just the line numbers.
    """

    reason = "sheet_refused"

    def __init__(self, source: str, problems: Sequence[RowProblem]) -> None:
        self.source = source
        # Stable: the problems of one line and column keep the order they were found in.
        self.rows = tuple(sorted(problems, key=lambda p: (p.line, p.column, p.reason)))
        super().__init__(
            [
                (f"line {p.line}", Phrase("column_problem", column=p.column, problem=p.phrase))
                for p in self.rows
            ]
        )
        # Its own words: every row on a line of its own, not the field problems run together.
        self.code = "sheet_refused"
        self.params = {"source": source, "count": len(self.lines), "rows": _Rows(self.rows)}

    @property
    def lines(self) -> tuple[int, ...]:
        """The lines with a problem, each once, in order."""
        return tuple(sorted({p.line for p in self.rows}))


class _Rows(Localized):
    """A refused sheet's problems, one indented line each."""

    __slots__ = ("rows",)

    def __init__(self, rows: tuple[RowProblem, ...]) -> None:
        self.rows = rows

    def message(self, language: Language | None = None) -> str:
        return "\n".join(f"  {p.describe(language)}" for p in self.rows)


class ValueRefused(ValueError):
    """A cell's value that is not what its column holds; ``phrase`` says why."""

    def __init__(self, phrase: Phrase) -> None:
        self.phrase = phrase
        super().__init__(phrase.code)

    def __str__(self) -> str:
        return str(self.phrase)


def _refuse(
    source: str, line: int, reason: str, phrase: Phrase | None = None, **params: object
) -> SheetRefused:
    """The sheet refused for one problem (its phrase the catalogue's ``reason`` unless given)."""
    problem = phrase or Phrase(reason, **params)
    return SheetRefused(source, [RowProblem(line=line, column="", reason=reason, phrase=problem)])


# ---- kinds of sheet and their columns -----------------------------------------------------


def header_key(text: str) -> str:
    """A header as compared: NFKC (full-width to half-width), case-folded, separators dropped."""
    return unicodedata.normalize("NFKC", text).casefold().translate(_HEADER_DROP)


# What a column's cells hold (``Column.form``), each read by its own strict parser: the
# reference of the sheets (docs) says each in these words, and a test checks that every
# column is read as its form says (tests/docs/test_reference_pages.py).
TEXT = "text"
DATE = "date"
TIME = "time"
YUAN = "yuan"
COUNT = "count"
HOURS = "hours"
CHOICE = "choice"
LIST = "list"
FORMS: Mapping[str, str] = {
    TEXT: "text",
    DATE: "a date: YYYY-MM-DD, YYYY/MM/DD or YYYY年MM月DD日",
    TIME: "a time of day, local (UTC+8): HH:MM or HH:MM:SS",
    YUAN: "yuan, at most 2 decimals (12000.00, ¥1,000.50, 300元)",
    COUNT: "a whole number (digits 0-9)",
    HOURS: "hours, at most 2 decimals, above zero (2.5, 0.75)",
    CHOICE: "one of the values listed",
    LIST: "several values, separated by 、 or ; (full-width ； too)",
}


class Column(msgspec.Struct, frozen=True):
    """A column a sheet kind reads.

    Attributes:
        key: the English name, also the key of the row's cells (``volunteer_id``).
        zh: the Chinese names accepted for it; the first is the one shown.
        required: the header must have it (a cell may still be checked row by row).
        form: what its cells hold, a key of ``FORMS`` (``date``, ``yuan``...).
        choices: for a ``choice`` column, the values a cell may say (compared as headers
            are: case, width and separators do not matter).
    """

    key: str
    zh: tuple[str, ...]
    required: bool = False
    form: str = TEXT
    choices: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """How problems name the column when the sheet has no header for it."""
        return f"{self.zh[0]} ({self.key})"


class SheetKind(msgspec.Struct, frozen=True):
    """A kind of sheet: its columns and the columns whose presence identifies it.

    Attributes:
        name: a stable code (``volunteer_roster``).
        title: how people call it (``志愿者名册 volunteer roster``).
        columns: every column the kind reads; any other header is refused.
        identified_by: a header with all of these is of this kind; when several kinds
            match, the one with the most identifying columns (the most specific) wins.
    """

    name: str
    title: str
    columns: tuple[Column, ...]
    identified_by: frozenset[str]

    def column(self, key: str) -> Column:
        """The column with English name ``key``."""
        for column in self.columns:
            if column.key == key:
                return column
        msg = f"{self.name} has no column {key!r}"
        raise KeyError(msg)

    def names(self) -> dict[str, str]:
        """Every accepted header (as compared, see ``header_key``) -> the column's key."""
        out: dict[str, str] = {}
        for column in self.columns:
            for name in (column.key, *column.zh):
                out[header_key(name)] = column.key
        return out


class SheetRow(msgspec.Struct, frozen=True, gc=False):
    """One data row: its line in the file and its cells by column key (text as written).

    Not tracked by Python's cyclic garbage collector (``gc=False``), nor is ``RowPlan``:
    a sheet holds one of each for every row until it is recorded, and as tracked objects
    every full collection walked them (at 300,000 rows the full collections took 1.8 to
    2.0 s of a 14 s import, 1.2 s without them). Neither can be part of a reference
    cycle: a row holds text, a plan holds text, numbers and frozen command models.
    """

    line: int
    cells: dict[str, str]


class Sheet(msgspec.Struct, frozen=True, kw_only=True):
    """A sheet read from a file, before any row is turned into commands.

    Attributes:
        kind: what the header says the sheet is.
        encoding: ``UTF-8``, ``UTF-8 (BOM)``, ``GB18030`` or ``Big5``.
        header_line: the header's line in the file.
        headers: column key -> the header as written in the file.
        rows: the data rows (blank rows left out) whose cells fit the header.
        problems: rows that do not fit the header (a cell too few, a value under no
            column, a cell too long); those rows are not in ``rows``.
    """

    source: str
    kind: SheetKind
    encoding: str
    header_line: int
    headers: dict[str, str]
    rows: tuple[SheetRow, ...]
    problems: tuple[RowProblem, ...]

    def has(self, key: str) -> bool:
        """Whether the header has the column ``key``."""
        return key in self.headers

    def label(self, key: str) -> str:
        """The column as the sheet names it, for problems."""
        return self.headers.get(key) or self.kind.column(key).label


# ---- bytes -> text ------------------------------------------------------------------------


# The encodings a caller may name instead of letting ``decode`` tell: their names as given
# (``--encoding``) -> Python's codec and the name a summary shows. Big5 is read as Windows
# writes it (code page 950, Big5 with Microsoft's additions), as Excel in Taiwan saves CSV.
ENCODINGS: Mapping[str, tuple[str, str]] = {
    "utf-8": ("utf-8", "UTF-8"),
    "gb18030": ("gb18030", "GB18030"),
    "big5": ("cp950", "Big5"),
}
# Telling Big5 from GB18030: the share of a text's non-ASCII characters that are among the
# common characters of its encoding. Read the right way, nearly all are; Big5 read as
# GB18030 gives kana, Greek, box drawing, private-use and rare characters for about half of
# them. A Big5 reading must beat the GB18030 one by this much, over at least a few
# characters (a name or two cannot be told apart: both readings are then common words).
_BIG5_MARGIN = 0.25
_BIG5_CHARS_MIN = 4
# Enough text to judge by; a whole 32 MiB file would take seconds to score for nothing.
_BIG5_SAMPLE_CHARS = 100_000


@cache
def _common_characters(codec: str) -> frozenset[str]:
    """The common characters of GB2312 (``gb2312``) or Big5 (``cp950``), from the codecs'
    own tables: punctuation and symbols, and the first level of hanzi (常用字).

    Written here rather than taken from a detector (chardet, charset-normalizer): the
    question is narrower (which of two readings that both decode is the text) and a
    share of common characters answers it deterministically, from the codecs Python has.
    """
    if codec == "gb2312":  # rows A1 (punctuation), A3 (full-width ASCII), B0-D7 (level 1)
        leads, trails = [0xA1, 0xA3, *range(0xB0, 0xD8)], range(0xA1, 0xFF)
    else:  # rows A1-A3 (punctuation, symbols), A4-C6 (level 1, 5,401 常用字)
        leads, trails = [*range(0xA1, 0xC7)], range(0x40, 0xFF)
    found = set()
    for lead in leads:
        for trail in trails:
            with contextlib.suppress(UnicodeDecodeError):
                found.add(bytes((lead, trail)).decode(codec))
    return frozenset(char for char in found if len(char) == 1 and not char.isascii())


def _common_share(text: str, codec: str) -> tuple[float, int]:
    """The share of ``text``'s non-ASCII characters that are common in ``codec``, and
    how many non-ASCII characters there are (of the first ``_BIG5_SAMPLE_CHARS``)."""
    common = _common_characters(codec)
    wide = [char for char in text[:_BIG5_SAMPLE_CHARS] if not char.isascii()]
    if not wide:
        return 1.0, 0
    return sum(char in common for char in wide) / len(wide), len(wide)


def _reads_as_big5(data: bytes, gb_text: str | None) -> bool:
    """Whether ``data`` is Big5: it decodes as Big5, and (when it also decodes as GB18030,
    as ``gb_text``) reads as far more plausible Chinese that way."""
    try:
        big5_text = data.decode("cp950")
    except UnicodeDecodeError:
        return False
    if gb_text is None:
        return True
    big5_share, count = _common_share(big5_text, "cp950")
    gb_share, _ = _common_share(gb_text, "gb2312")
    return count >= _BIG5_CHARS_MIN and big5_share - gb_share >= _BIG5_MARGIN


def decode(data: bytes, *, source: str = "sheet", encoding: str | None = None) -> tuple[str, str]:
    """The text of a CSV file and the encoding it was in.

    Without ``encoding``: strict UTF-8 is tried first (with a BOM, only UTF-8), then strict
    GB18030: a Chinese file that is valid UTF-8 is all but certainly UTF-8, while GB18030
    decodes nearly any bytes, so the order matters. For that reason a file that decodes as
    GB18030 is also read as Big5 (Traditional Chinese, which GB18030 would read as
    mojibake); if it reads far better that way, it is refused, saying so.

    With ``encoding`` (a key of ``ENCODINGS``: ``utf-8``, ``gb18030`` or ``big5``), the
    file is read strictly in that encoding and nothing is guessed.

    Raises:
        SheetRefused: the bytes are not text in the encoding named, or in neither of UTF-8
            and GB18030, or look like Big5 (the line of the first bad byte, or 0).
        InvalidInput: ``encoding`` is not one of ``ENCODINGS``.
    """
    if data.startswith(_UTF16_BOMS):
        raise _refuse(source, 0, "encoding", Phrase("file_utf16"))
    if encoding is not None:
        return _decode_as(data, encoding, source)
    if data.startswith(_UTF8_BOM):
        return _decode_as(data, "utf-8", source)
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError as utf8_error:
        first_bad = utf8_error.start
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        line = data.count(b"\n", 0, first_bad) + 1
        big5 = _reads_as_big5(data, None)
        phrase = Phrase("file_not_utf8_gb18030_big5" if big5 else "file_not_utf8_gb18030")
        raise _refuse(source, line, "encoding", phrase) from None
    if _reads_as_big5(data, text):
        raise _refuse(source, 0, "encoding", Phrase("file_looks_big5"))
    return text, "GB18030"


def _decode_as(data: bytes, encoding: str, source: str) -> tuple[str, str]:
    """``data`` read strictly as ``encoding`` (a key of ``ENCODINGS``), or refused."""
    try:
        codec, shown = ENCODINGS[encoding.lower()]
    except KeyError:
        raise InvalidInput.on(
            "encoding", "not_one_of", value=encoding, choices=list(ENCODINGS)
        ) from None
    bom = codec == "utf-8" and data.startswith(_UTF8_BOM)
    body = data[len(_UTF8_BOM) :] if bom else data
    try:
        return body.decode(codec), f"{shown} (BOM)" if bom else shown
    except UnicodeDecodeError as e:
        line = body.count(b"\n", 0, e.start) + 1
        phrase = Phrase("file_bom_not_utf8") if bom else Phrase("file_not_valid", encoding=shown)
        raise _refuse(source, line, "encoding", phrase) from None


# ---- text -> header and rows -----------------------------------------------------------


def _blank(cells: Sequence[str]) -> bool:
    """Whether every cell is empty or whitespace (``not any(cell.strip() ...)``, the
    reference): exactly when the cells joined are, and one join is cheaper than a
    generator over the cells (measured: it runs for every row)."""
    return not "".join(cells).strip()


def _identify(cells: Sequence[str], kinds: Sequence[SheetKind]) -> SheetKind | None:
    present = {header_key(cell) for cell in cells}
    matches = [
        kind
        for kind in kinds
        if all(
            any(header_key(n) in present for n in (key, *kind.column(key).zh))
            for key in kind.identified_by
        )
    ]
    if not matches:
        return None
    matches.sort(key=lambda kind: len(kind.identified_by), reverse=True)
    if len(matches) > 1 and len(matches[0].identified_by) == len(matches[1].identified_by):
        raise ValueRefused(Phrase("header_fits_several", titles=[kind.title for kind in matches]))
    return matches[0]


def _read_header(
    cells: Sequence[str], kind: SheetKind, line: int, source: str
) -> tuple[dict[str, str], list[str | None]]:
    """Column key -> header text, and the key of each position.

    A position's key is ``""`` for a row-number column (序号: its values are read past)
    and ``None`` for an unnamed column (a value under it is a problem of its row).
    """
    names = kind.names()
    headers: dict[str, str] = {}
    positions: list[str | None] = []
    problems: list[RowProblem] = []

    def problem(reason: str, phrase: Phrase, column: str = "") -> None:
        problems.append(RowProblem(line=line, column=column, reason=reason, phrase=phrase))

    for cell in cells:
        text = cell.strip()
        normal = header_key(text)
        key = names.get(normal)
        if key is None:
            if normal in ROW_NUMBER_HEADERS:
                positions.append("")
                continue
            if text:
                known = [c.label for c in kind.columns]
                problem(
                    "unknown_column", Phrase("unknown_column", title=kind.title, known=known), text
                )
            positions.append(None)
            continue
        if key in headers:
            problem(
                "duplicate_column", Phrase("duplicate_column", key=key, header=headers[key]), text
            )
            positions.append(None)
            continue
        headers[key] = text
        positions.append(key)
    for column in kind.columns:
        if column.required and column.key not in headers:
            problem(
                "missing_column", Phrase("missing_column", title=kind.title, label=column.label)
            )
    if problems:
        raise SheetRefused(source, problems)
    return headers, positions


def _no_header(source: str, line: int, kinds: Sequence[SheetKind]) -> SheetRefused:
    wanted = [
        Phrase(
            "sheet_kind_has",
            title=kind.title,
            columns=[kind.column(key).label for key in sorted(kind.identified_by)],
        )
        for kind in kinds
    ]
    return _refuse(source, line, "unknown_sheet", rows=HEADER_SEARCH_ROWS, kinds=wanted)


def read_sheet(
    data: bytes,
    kinds: Sequence[SheetKind],
    *,
    source: str = "sheet",
    encoding: str | None = None,
) -> Sheet:
    """Decode a CSV file, find its header and kind, and read its rows.

    Up to ``HEADER_SEARCH_ROWS`` rows above the header (a title) are read past. Blank
    rows are left out. A row with fewer cells than the header's named columns, with
    more cells than the header, or with a value under no column, is a problem of that
    row (its values may sit in the wrong columns: an unquoted ``1,000`` moves every value
    after it along).

    ``encoding`` names the file's encoding (see ``decode``); ``None`` tells it.

    Raises:
        SheetRefused: the file is not text, not CSV, has no usable header, or is too big.
        InvalidInput: ``encoding`` is not one ``decode`` knows.
    """
    if len(data) > FILE_BYTES_MAX:
        raise _refuse(source, 0, "too_big", Phrase("file_too_big", most=FILE_BYTES_MAX))
    text, encoding = decode(data, source=source, encoding=encoding)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    kind: SheetKind | None = None
    headers: dict[str, str] = {}
    layout = _Layout.of([])
    header_line = 0
    first_line = 0
    rows: list[SheetRow] = []
    problems: list[RowProblem] = []
    skipped = 0
    line = 1
    try:
        while True:
            line = reader.line_num + 1
            try:
                cells = next(reader)
            except StopIteration:
                break
            if _blank(cells):
                continue
            if kind is None:
                first_line = first_line or line
                if len(cells) > COLUMNS_MAX:
                    raise _refuse(
                        source, line, "too_big", Phrase("too_many_columns", most=COLUMNS_MAX)
                    )
                try:
                    kind = _identify(cells, kinds)
                except ValueRefused as e:
                    raise _refuse(source, line, "unknown_sheet", e.phrase) from None
                if kind is None:
                    skipped += 1
                    if skipped >= HEADER_SEARCH_ROWS:
                        raise _no_header(source, first_line, kinds)
                    continue
                headers, positions = _read_header(cells, kind, line, source)
                layout = _Layout.of(positions)
                header_line = line
                continue
            if len(rows) + len(problems) >= ROWS_MAX:
                raise _refuse(source, line, "too_big", Phrase("too_many_rows", most=ROWS_MAX))
            row_problem = _fit_row(cells, layout)
            if row_problem is not None:
                reason, phrase, index = row_problem
                # The column of the cell at fault, when it is under one (as the header names it).
                key = layout.positions[index] if 0 <= index < len(layout.positions) else None
                column = headers.get(key, "") if key else ""
                problems.append(RowProblem(line=line, column=column, reason=reason, phrase=phrase))
                continue
            rows.append(SheetRow(line, layout.cells_by_key(cells)))
    except csv.Error as e:
        raise _refuse(source, line, "not_csv", detail=str(e)) from None
    if kind is None:
        raise _no_header(source, first_line or 1, kinds)
    return Sheet(
        source=source,
        kind=kind,
        encoding=encoding,
        header_line=header_line,
        headers=headers,
        rows=tuple(rows),
        problems=tuple(problems),
    )


@dataclass(frozen=True, slots=True)
class _Layout:
    """Where a header puts its columns, worked out once per sheet instead of once per row.

    Attributes:
        positions: the key of each position (see ``_read_header``).
        named_width: positions up to the last named one; a row needs at least this many cells.
        named: ``(position, key)`` of each named position, in order.
        keys: the keys of ``named``, when they are exactly the first positions (the
            usual header), so that a row's cells zip with them; else ``None``.
        unnamed: the positions under no column (a value there is a problem of its row).
    """

    positions: tuple[str | None, ...]
    named_width: int
    named: tuple[tuple[int, str], ...]
    keys: tuple[str, ...] | None
    unnamed: tuple[int, ...]

    @classmethod
    def of(cls, positions: Sequence[str | None]) -> _Layout:
        """The layout of a header whose positions have the keys ``positions``."""
        named = tuple((i, key) for i, key in enumerate(positions) if key)
        leading = all(i == position for position, (i, _) in enumerate(named))
        return cls(
            positions=tuple(positions),
            named_width=max((i + 1 for i, _ in named), default=0),
            named=named,
            keys=tuple(key for _, key in named) if leading else None,
            unnamed=tuple(i for i, key in enumerate(positions) if key is None),
        )

    def cells_by_key(self, cells: Sequence[str]) -> dict[str, str]:
        """The named cells of a row that fits (``_fit``) by key, in position order."""
        # A row that fits has at least named_width cells, so every named position is there.
        if self.keys is not None:
            return dict(zip(self.keys, cells, strict=False))
        return {key: cells[i] for i, key in self.named}


def _fit_row(cells: Sequence[str], layout: _Layout) -> tuple[str, Phrase, int] | None:
    """``_fit`` for a row of a sheet with ``layout``, checking the whole row at once first.

    Fast path (measured: ``_fit``'s per-cell loop was half of ``read_sheet``'s time): one
    check of every cell together, and ``_fit`` itself, which stays the reference and
    names the cell, only when one of them may be wrong.
    """
    count = len(cells)
    if count < layout.named_width:
        return _fit(cells, layout.positions, layout.named_width)
    # The pattern matches single characters, so it matches the joined text exactly when
    # it matches some cell: joining adds no character and splits none.
    joined = "".join(cells)
    if _CONTROL.search(joined) or (
        len(joined) > CELL_CHARS_MAX and max(map(len, cells)) > CELL_CHARS_MAX
    ):
        return _fit(cells, layout.positions, layout.named_width)
    width = len(layout.positions)
    if count > width or (
        layout.unnamed and any(cells[i].strip() for i in layout.unnamed if i < count)
    ):
        return _fit(cells, layout.positions, layout.named_width)
    return None


def _fit(
    cells: Sequence[str], positions: Sequence[str | None], named_width: int
) -> tuple[str, Phrase, int] | None:
    """``None`` if the row's cells fit the header, else ``(reason, message, cell)``, where
    ``cell`` is the position of the cell at fault (-1: the row as a whole).

    The reference for ``_fit_row``, which calls it whenever a row may not fit.
    """
    if len(cells) < named_width:
        return ("missing_cells", Phrase("missing_cells", cells=len(cells), named=named_width), -1)
    if len(cells) > len(positions):
        # More cells than the header: most often an unquoted comma (1,000) that moved every
        # value after it one column along. With the row's last column left empty, the row
        # would read as a whole one, so it is never guessed at, even when the extras are empty.
        phrase = Phrase("extra_cells", cells=len(cells), width=len(positions))
        return ("extra_cells", phrase, -1)
    for i, cell in enumerate(cells):
        if cell.strip() and positions[i] is None:
            phrase = Phrase("cell_outside_columns", cell=i + 1, value=cell.strip())
            return ("cell_outside_columns", phrase, i)
        if len(cell) > CELL_CHARS_MAX:
            return ("too_long", Phrase("cell_too_long", cell=i + 1, most=CELL_CHARS_MAX), i)
        control = _CONTROL.search(cell)
        if control is not None:
            # NUL and the like are never typed: they mean a damaged file or another
            # encoding (UTF-16 without BOM), and would be stored in the events as they are.
            phrase = Phrase("cell_control", cell=i + 1, char=f"U+{ord(control.group()):04X}")
            return ("control_character", phrase, i)
    return None


# ---- cells -> values ---------------------------------------------------------------------

# ASCII digits only ([0-9], not \d, which also matches other scripts' digits): a cell's
# full-width digits are made ASCII first (``fold_width``), and nothing else is a digit.
_DATE_FORMS = (
    re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})"),
    re.compile(r"([0-9]{4})/([0-9]{1,2})/([0-9]{1,2})"),
    re.compile(r"([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})日"),
)
_TIME_FORM = re.compile(r"([0-9]{1,2}):([0-9]{2})(?::([0-9]{2}))?")


def parse_date(text: str) -> dt.date:
    """A date written YYYY-MM-DD, YYYY/MM/DD or YYYY年MM月DD日 (month and day may be 1 digit;
    full-width digits and separators are read as ASCII; no other character is a digit).

    Raises:
        ValueError: not a date in one of those forms, or no such day.
    """
    normal = fold_width(text).strip()
    for form in _DATE_FORMS:
        match = form.fullmatch(normal)
        if match:
            try:
                return dt.date(int(match[1]), int(match[2]), int(match[3]))
            except ValueError:
                raise ValueRefused(Phrase("no_such_day", value=text.strip())) from None
    raise ValueRefused(Phrase("not_a_date", value=text.strip()))


def parse_time_of_day(text: str) -> dt.time:
    """A time of day written HH:MM or HH:MM:SS (full-width "：" accepted).

    Raises:
        ValueError: not such a time (24:00 is not a time of day).
    """
    normal = fold_width(text).strip()
    match = _TIME_FORM.fullmatch(normal)
    if match:
        hour, minute, second = int(match[1]), int(match[2]), int(match[3] or 0)
        if hour < 24 and minute < 60 and second < 60:
            return dt.time(hour, minute, second)
    raise ValueRefused(Phrase("not_a_time", value=text.strip()))


# The choices a sheet's cells are looked up in are a few constants, so a handful suffice.
_CHOICE_SETS_CACHED = 32


@lru_cache(maxsize=_CHOICE_SETS_CACHED)
def _choice_names(names: tuple[str, ...]) -> tuple[Mapping[str, str], Mapping[str, str]]:
    """Which of ``names`` a cell means: by the cell as written, and as compared.

    The second maps each name as compared (``header_key``) to the name (the last, if
    several compare the same); the first maps each name as written to what the second
    gives for it, so that a cell written exactly as a name needs no ``header_key``.

    Cached (measured: ``RowReader.choice`` built the second for every cell it read, five
    ``header_key`` calls a row): by the names themselves, not by the mapping, so any
    mapping gets the lookup its keys give, and the values are still read from it. The
    results are shared and must not be changed.
    """
    compared = {header_key(name): name for name in names}
    written = {name: compared[header_key(name)] for name in names}
    return written, compared


T = TypeVar("T")
# A command, or a part of one that is read from a row of its own (a gift's goods line).
C = TypeVar("C", bound=BaseModel)


class RowReader:
    """Reads one row's cells into values, keeping every problem instead of raising.

    Each getter returns ``None`` (or ``""``) for a missing or bad cell and records why,
    so one pass reports everything wrong with the row. ``command`` then builds a
    boundary model and adds pydantic's problems for the columns not already reported.
    """

    def __init__(self, sheet: Sheet, row: SheetRow) -> None:
        self.sheet = sheet
        self.row = row
        # ``text`` runs about a dozen times a row (a measured hot path): one lookup less.
        self._cells = row.cells
        self.problems: list[RowProblem] = []

    @property
    def ok(self) -> bool:
        """Whether the row has no problem so far."""
        return not self.problems

    def problem(
        self, key: str, reason: str, phrase: Phrase | None = None, /, **params: object
    ) -> None:
        """Record a problem with column ``key`` (``""``: the whole row), said by ``phrase``
        (by default the catalogue's ``reason`` with ``params``)."""
        column = self.sheet.label(key) if key else ""
        problem = phrase or Phrase(reason, **params)
        self.problems.append(
            RowProblem(line=self.row.line, column=column, reason=reason, phrase=problem)
        )

    def _has_problem(self, key: str) -> bool:
        column = self.sheet.label(key)
        return any(p.column == column for p in self.problems)

    def text(self, key: str, *, required: bool = False) -> str:
        """The cell in its canonical form (``text.canonical_text``), so that the sheet
        compares keys and names (a key on two rows, the approvers of a request, the rows of
        one gift) as the ledger will; ``""`` when empty or the sheet has no such column.

        A cell the canonical form refuses (an invisible character, a line break) is given
        trimmed as written: the command's model refuses it, naming its column, or accepts
        it as free text (a note's line break is a space).
        """
        cell = self._cells.get(key, "")
        try:
            value = canonical_text(cell)
        except TextRefused:
            value = cell.strip()
        if required and not value:
            self.problem(key, "missing_value")
        return value

    def prose(self, key: str, *, required: bool = False) -> str:
        """The cell trimmed, as written, for a command's prose (a purpose, a note): the model
        gives it the form of prose, which keeps what NFKC would change (``，``, ``m²``)."""
        return self._written(key, required=required)

    def _written(self, key: str, *, required: bool = False) -> str:
        """The cell trimmed, as written: for numbers, dates and times, which are read by
        their own strict parsers, not through the text's NFKC (``10²`` is not ``102``)."""
        value = self._cells.get(key, "").strip()
        if required and not value:
            self.problem(key, "missing_value")
        return value

    def date(self, key: str, *, required: bool = False) -> dt.date | None:
        """The cell as a date (see ``parse_date``)."""
        value = self._written(key, required=required)
        if not value:
            return None
        try:
            return parse_date(value)
        except ValueRefused as e:
            self.problem(key, "bad_date", e.phrase)
            return None

    def time_of_day(self, key: str) -> dt.time | None:
        """The cell as a time of day (see ``parse_time_of_day``)."""
        value = self._written(key)
        if not value:
            return None
        try:
            return parse_time_of_day(value)
        except ValueRefused as e:
            self.problem(key, "bad_time", e.phrase)
            return None

    def whole_number(self, key: str) -> int | None:
        """The cell as a whole number (digits 0-9 only; full-width digits accepted)."""
        value = fold_width(self._written(key))
        if not value:
            return None
        if not (value.isascii() and value.isdigit()):
            self.problem(key, "bad_number", value=value)
            return None
        return int(value)

    def amount_fen(
        self,
        key: str,
        *,
        required: bool = False,
        allow_zero: bool = False,
        hint: Phrase | None = None,
    ) -> int | None:
        """The cell as yuan (at most 2 decimals, "¥1,000.50" and "300元" accepted), in fen.

        Read by ``money.parse_amount_fen``, the same function the boundary models use,
        so a sheet takes exactly the amounts the API takes: no floats' exponents, no
        negatives, no zero unless ``allow_zero``, nothing above the per-entry limit.
        ``hint`` is added to the message of a refused amount.
        """
        value = self._written(key, required=required)
        if not value:
            return None
        try:
            # The cell as written: parse_amount_fen reads full-width digits, comma and yen
            # sign itself, and nothing else as a digit.
            return parse_amount_fen(value, field=self.sheet.label(key), allow_zero=allow_zero)
        except InvalidAmount as e:
            why = Phrase("amount_refused", value=value, why=e.why_phrase)
            if hint is not None:
                why = Phrase("with_hint", text=why, hint=hint)
            self.problem(key, InvalidAmount.reason, why)
            return None

    def once(self, seen: dict[str, int], key: str, value: str) -> None:
        """A key may name one row of a sheet: a second row with ``value`` is a problem.

        ``seen`` maps each key value met so far to its first line (one dict per sheet).
        """
        if not value:
            return
        first = seen.setdefault(value, self.row.line)
        if first != self.row.line:
            label = self.sheet.label(key)
            self.problem(key, "duplicate_key", label=label, value=value, first=first)

    def choice(self, key: str, choices: Mapping[str, T], *, default: T) -> T | None:
        """The cell looked up in ``choices`` (compared as headers are: case, width and
        separators do not matter); ``default`` for an empty cell."""
        value = self.text(key)
        if not value:
            return default
        # Fast path: the names as compared are cached (``_choice_names``); the comprehension
        # it replaces stays the reference in tests/unit/test_sheet_fast_paths.py.
        written, compared = _choice_names(tuple(choices))
        name = written.get(value)
        if name is None:
            name = compared.get(header_key(value))
        found = None if name is None else choices[name]
        if found is None:
            self.problem(key, "bad_choice", value=value, choices=list(choices))
        return found

    def command(
        self, model: type[C], data: Mapping[str, Any], columns: Mapping[str, str]
    ) -> C | None:
        """Build a boundary model from ``data``; ``columns`` maps its fields to column keys.

        Fields whose cells already have a problem are left to that problem; pydantic's
        message for any other field is recorded against its column. Returns ``None``
        when the row has any problem (so no half-read row becomes a command).
        """
        try:
            command = b.validate_command(model, dict(data))
        except InvalidInput as e:
            had_problems = bool(self.problems)
            for field, phrase in e.field_problems:
                key = columns.get(field.split(".")[0], "")
                if (key and self._has_problem(key)) or (not key and had_problems):
                    # Already reported: a bad cell, or (for a check across fields) a
                    # row whose cells were already found wanting.
                    continue
                shown = phrase if key else Phrase("column_problem", column=field, problem=phrase)
                self.problem(key, "invalid_input", shown)
            return None
        return command if self.ok else None


# ---- commands -> the ledger, whole or not at all ------------------------------------------


class RowPlan(msgspec.Struct, frozen=True, kw_only=True, gc=False):
    """The commands one row becomes.

    Attributes:
        line: the row's line in the file.
        group: the aggregate the commands change (a volunteer's code, a fund's code).
            Rows of different groups must not affect each other's refusals; that is
            what lets ``record_whole`` find every bad row without re-running them all.
        commands: run in order, in the sheet's single batch.
        setup: keys of shared commands (``SetupCommand``) the row needs first, such as
            publishing the activity it names.
        also: further lines this plan stands for (an in-kind gift whose goods take
            several rows): when the plan is refused, each of them is named too.
        steps: what each command is, for a refusal's message (``approval by '张敏'``),
            when a row becomes several; empty, or one per command (``None``: say nothing).
    """

    line: int
    group: str
    commands: tuple[b.Command[Any], ...]
    setup: tuple[str, ...] = ()
    also: tuple[int, ...] = ()
    steps: tuple[Phrase | None, ...] = ()

    def __post_init__(self) -> None:
        assert not self.steps or len(self.steps) == len(self.commands)


@dataclass(frozen=True, slots=True)
class SetupCommand:
    """A command several rows need once (e.g. publishing an activity), with a description."""

    command: b.Command[Any]
    what: Phrase


def _assemble(
    plans: Sequence[RowPlan], setup: Mapping[str, SetupCommand]
) -> tuple[list[b.Command[Any]], list[tuple[int, Phrase | None]]]:
    """The batch for ``plans``: each setup command just before the first row needing it.

    Returns the commands and, for each, ``(index of its plan, what it is or None)``.
    """
    commands: list[b.Command[Any]] = []
    owners: list[tuple[int, Phrase | None]] = []
    done: set[str] = set()
    for index, plan in enumerate(plans):
        for key in plan.setup:
            if key not in done:
                done.add(key)
                commands.append(setup[key].command)
                owners.append((index, setup[key].what))
        for position, command in enumerate(plan.commands):
            commands.append(command)
            owners.append((index, plan.steps[position] if plan.steps else None))
    return commands, owners


def _check(ledger: Ledger, commands: Sequence[b.Command[Any]]) -> None:
    """Run ``commands`` with every rule against the real store and record nothing.

    Raises:
        BatchCommandRefused: the first command refused, as ``execute_batch`` says it.
    """
    ledger.check_batch(commands)


def _problems(plan: RowPlan, what: Phrase | None, error: LedgerError) -> list[RowProblem]:
    said: Localized = error
    if what is not None:
        said = Phrase("step_refused", what=what, error=error)
    if isinstance(error, IdempotencyConflict):
        said = Phrase("refused_recorded_entry", error=said)
    first = RowProblem(line=plan.line, column="", reason=error.reason, phrase=_as_phrase(said))
    return [first] + [
        RowProblem(
            line=line,
            column="",
            reason=error.reason,
            phrase=Phrase("refused_with_line", line=plan.line, error=said),
        )
        for line in plan.also
    ]


def _as_phrase(said: Localized) -> Phrase:
    return said if isinstance(said, Phrase) else Phrase("said", said=said)


def _noted(plan: RowPlan, note: str) -> RowPlan:
    """``plan`` with every command carrying the correction note ``note``."""
    commands = tuple(c.model_copy(update={"correction_note": note}) for c in plan.commands)
    return msgspec.structs.replace(plan, commands=commands)


def record_whole(
    ledger: Ledger,
    plans: Sequence[RowPlan],
    *,
    setup: Mapping[str, SetupCommand],
    problems: Sequence[RowProblem],
    source: str,
    progress: Callable[[int], None] | None = None,
    correction_note: str | None = None,
) -> None:
    """Record every plan in one ``execute_batch``, or refuse the sheet naming every bad row.

    With a ``correction_note`` every command carries it (``ImportOptions.correction_note``):
    rows dated in a closed period are then recorded as corrections (rule 33).

    How every bad row is found, when the ledger reports only the first refusal of a batch:

    * Rows are put in group order (stable: file order within a group). Rows of different
      groups change different aggregates, so one's refusal never depends on another's.
    * If the rows' shapes were all fine, the real batch runs first: a good sheet is
      recorded with a single ``execute_batch`` and nothing else.
    * Otherwise (a refusal, or shape problems already found) the ledger has recorded
      nothing, and check runs find the rest. A check run takes up to ``CHECK_RUN_ROWS``
      rows (whole groups) from a queue and runs them, with the setup commands they need,
      with every rule against the real store, recording nothing (``_check``). When row r
      of group G is refused, the groups before G passed and are done; r is bad; G's
      other rows (the earlier ones again, since r's refusal may depend on them and later
      rows of G on them) and the rest of the run go back to the front of the queue. A
      bad row is thus judged as if every good row before it in its group were recorded,
      in the order the station entered them.
    * A check run stops at its first refusal, so finding k bad rows executes about
      (rows + k x rows of the largest group) commands, and builds about
      (rows + k x CHECK_RUN_ROWS) of them: never k x all rows.

    The recording is still one ``execute_batch`` of the whole sheet: if any row was bad
    it never runs, and if it is refused nothing is recorded and the refusal is reported.

    Raises:
        SheetRefused: any problem, given or found, or more commands than one batch may
            hold (``BATCH_COMMANDS_MAX``); nothing was recorded.
    """
    if correction_note is not None:
        plans = [_noted(plan, correction_note) for plan in plans]
        setup = {
            key: SetupCommand(
                command=one.command.model_copy(update={"correction_note": correction_note}),
                what=one.what,
            )
            for key, one in setup.items()
        }
    shared = {key for plan in plans for key in plan.setup}
    commands_count = sum(len(plan.commands) for plan in plans) + len(shared)
    if commands_count > BATCH_COMMANDS_MAX:
        # Checked before anything runs: such a sheet could never be recorded whole.
        phrase = Phrase("too_many_entries_sheet", entries=commands_count, most=BATCH_COMMANDS_MAX)
        problem = RowProblem(line=0, column="", reason="too_big", phrase=phrase)
        raise SheetRefused(source, [*problems, problem])
    order: dict[str, int] = {}
    for plan in plans:
        order.setdefault(plan.group, len(order))
    ordered = sorted(plans, key=lambda plan: order[plan.group])
    found = list(problems)
    queue = deque(ordered)
    if not found and ordered:
        commands, owners = _assemble(ordered, setup)
        try:
            ledger.execute_batch(commands, progress=progress)
            return
        except BatchCommandRefused as e:
            queue.clear()
            queue.extend(_after_refusal(ordered, owners, e, found))
    while queue:
        run = [queue.popleft()]
        while queue and (len(run) < CHECK_RUN_ROWS or queue[0].group == run[-1].group):
            run.append(queue.popleft())
        commands, owners = _assemble(run, setup)
        try:
            _check(ledger, commands)
        except BatchCommandRefused as e:
            queue.extendleft(reversed(_after_refusal(run, owners, e, found)))
    if found:
        raise SheetRefused(source, found)
    # A sheet with rows and no problem returned from its first run; every refusal is in
    # ``found``. So only a sheet without rows gets here, and there is nothing to record.
    assert not plans


def _after_refusal(
    run: list[RowPlan],
    owners: Sequence[tuple[int, Phrase | None]],
    refused: BatchCommandRefused,
    found: list[RowProblem],
) -> list[RowPlan]:
    """Note the refused row; return the rows of ``run`` still to check (see ``record_whole``)."""
    index, what = owners[refused.index]
    bad = run[index]
    found.extend(_problems(bad, what, refused.error))
    start = index
    while start > 0 and run[start - 1].group == bad.group:
        start -= 1
    return run[start:index] + run[index + 1 :]


def events_between(ledger: Ledger, after: int, upto: int, originators: set[UUID]) -> list[Any]:
    """The events of ``originators`` at log positions in (``after``, ``upto``], decoded.

    Used for an import's summary: the log says exactly what the batch recorded, so the
    summary never has to guess which commands were repeats.
    """
    # ``stored_events`` reads through the ledger's bulk reader; eventsourcing's
    # ``select_notifications`` and mapper took a tenth of a CSV import's time here.
    return [
        e for e in ledger.stored_events(after=after, upto=upto) if e.originator_id in originators
    ]


def summary(sheet: Sheet, **counts: int) -> ImportSummary:
    """The summary of importing ``sheet``, with the kind's own ``counts``."""
    return ImportSummary(
        source=sheet.source,
        kind=sheet.kind.name,
        title=sheet.kind.title,
        encoding=sheet.encoding,
        rows=len(sheet.rows),  # a sheet with problems never gets a summary
        **counts,
    )
