"""The sheet importer's fast paths give exactly what the slow paths they skip give.

Reading a sheet's rows is a hot path (about 80 µs a row before these fast paths), so
several steps check a cheap case first: NFKC is skipped for ASCII text, yuan are read
as integers when they are plain, a row is checked whole before cell by cell, a choice
cell is looked up in names normalised once. Where a fast path is real logic (yuan, a
row's fit, choices) it is compared here, by hypothesis, with the implementation it
stands in for: the same results, and the same refusals with the same messages. Those
references are copies of the code as it was before the fast paths, kept here so that a
change to the code cannot move them too. Where the fast path is only NFKC skipped for
ASCII (dates, times of day), ``fold_width`` is compared with unicodedata, and the parsers
with what the texts they read mean.
"""

from __future__ import annotations

import datetime as dt
import gc
import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from types import MappingProxyType
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from sgz_ledger.domain.errors import InvalidAmount
from sgz_ledger.domain.money import FEN_PER_YUAN
from sgz_ledger.domain.money import yuan_to_fen as fast_yuan_to_fen
from sgz_ledger.domain.text import fold_width
from sgz_ledger.service import commands as b
from sgz_ledger.sheets.common import (
    _CONTROL,
    CELL_CHARS_MAX,
    RowPlan,
    RowProblem,
    RowReader,
    Sheet,
    SheetRow,
    _blank,
    _fit,
    _fit_row,
    _Layout,
    header_key,
    parse_date,
    parse_time_of_day,
    read_sheet,
)
from sgz_ledger.sheets.funds import BASES, FUNDS, GIFT_KINDS, YES_NO
from sgz_ledger.sheets.volunteers import CATEGORIES, CONSENT

# ---- the references: the code before its fast paths ---------------------------------------


# The forms of a full-width ASCII character (and the ideographic space and full-width yen
# sign): what ``fold_width`` maps, by code point, with NFKC giving the form.
def reference_fold_width(text: str) -> str:
    return "".join(
        unicodedata.normalize("NFKC", char)
        if 0xFF01 <= ord(char) <= 0xFF5E or char in "\u3000\uffe5"
        else char
        for char in text
    )


def _reference_plain_yuan(text: str) -> tuple[str, str, str] | None:
    """Sign, whole digits without commas, and decimals of yuan text, or ``None``: digits
    0-9, commas only between groups of three after a first group of 1-3 not starting 0."""
    sign = text[:1] if text[:1] in ("+", "-") else ""
    whole, point, decimals = text[len(sign) :].partition(".")
    groups = whole.split(",")
    if not all(group.isascii() and group.isdigit() for group in groups):
        return None
    if point and not (decimals.isascii() and decimals.isdigit()):
        return None
    if len(groups) > 1 and not (
        len(groups[0]) <= 3 and groups[0][0] != "0" and all(len(g) == 3 for g in groups[1:])
    ):
        return None
    return sign, "".join(groups), decimals


def _reference_why(text: str) -> str:
    for char in text:
        if not char.isascii() and char.isnumeric():
            name = f"U+{ord(char):04X} {unicodedata.name(char, '')}".rstrip()
            return f"holds {char!r} ({name}), which is not a digit 0-9"
    if "," in text and _reference_plain_yuan(text.replace(",", "")) is not None:
        return "has a comma out of place (a comma only groups thousands: 1,000.00)"
    return "is not a number of yuan (like 1200, 35.50 or 1,000.00)"


def reference_yuan_to_fen(yuan: Decimal | str, *, field: str = "amount") -> int:
    """``money.yuan_to_fen`` without its fast paths: text split by hand, then Decimal."""
    if isinstance(yuan, str):
        text = reference_fold_width(yuan.strip()).strip()
        if text.startswith("¥"):
            text = text[1:].strip()
        if text.endswith("元"):
            text = text[:-1].strip()
        parts = _reference_plain_yuan(text)
        if parts is None:
            raise InvalidAmount(field, yuan, _reference_why(text))
        sign, whole, decimals = parts
        value = Decimal(f"{sign}{whole}.{decimals}" if decimals else f"{sign}{whole}")
    elif isinstance(yuan, Decimal):
        value = yuan
    else:
        raise InvalidAmount(field, yuan, f"must be Decimal or str yuan, not {type(yuan).__name__}")
    if not value.is_finite():
        raise InvalidAmount(field, yuan, "must be a finite number")
    _, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int)
    if exponent < -2 and any(digits[exponent + 2 :]):
        raise InvalidAmount(field, yuan, "has more than 2 decimals (fen is the smallest unit)")
    if value.adjusted() > 20:
        raise InvalidAmount(field, yuan, "is far above any amount the ledger accepts")
    return int((value * FEN_PER_YUAN).to_integral_value())


def reference_cells_by_key(cells: Sequence[str], positions: Sequence[str | None]) -> dict[str, str]:
    """``read_sheet``'s cells of a row by key, before the layout was worked out per sheet."""
    return {key: cell for key, cell in zip(positions, cells, strict=False) if key}


def reference_choice(
    r: RowReader, key: str, choices: Mapping[str, Any], *, default: Any
) -> Any | None:
    """``RowReader.choice`` before: the names normalised again for every cell."""
    value = r.text(key)
    if not value:
        return default
    found = {header_key(name): choice for name, choice in choices.items()}.get(header_key(value))
    if found is None:
        r.problem(key, "bad_choice", value=value, choices=list(choices))
    return found


# ---- comparing outcomes -------------------------------------------------------------------


def outcome(function: Callable[..., Any], *args: Any, **kwargs: Any) -> tuple[str, Any]:
    """What a call gave: its result, or its error's type, message and attributes."""
    try:
        return ("result", function(*args, **kwargs))
    except InvalidAmount as e:
        # ``repr`` of the value: a Decimal NaN is not equal to itself.
        return ("error", (type(e), e.args, str(e), e.problems, e.field, repr(e.value), e.why))


def same_result(expected: tuple[str, Any], got: tuple[str, Any]) -> None:
    assert got == expected
    if expected[0] == "result":
        assert type(got[1]) is type(expected[1])


# ---- full-width forms: the only mapping numbers get -----------------------------------------


def test_fold_width_maps_exactly_the_full_width_forms_of_every_code_point() -> None:
    for code in range(0x110000):
        char = chr(code)
        assert fold_width(char) == reference_fold_width(char), hex(code)
    for code in range(0xFF01, 0xFF5F):  # each full-width form is one ASCII character
        assert fold_width(chr(code)).isascii()


@given(st.text())
@example("１２０００")
@example("２０２４年３月５日")
@example("10²")  # NFKC would make 102 of it; fold_width leaves the superscript
@example("½")
def test_fold_width_equals_the_reference(text: str) -> None:
    assert fold_width(text) == reference_fold_width(text)


# ---- dates and times of day ---------------------------------------------------------------

_FULL_WIDTH = str.maketrans("0123456789-/:", "０１２３４５６７８９－／：")


@st.composite
def written_dates(draw: st.DrawFn) -> tuple[str, dt.date | None]:
    """A real day written in a form people type, ASCII or full-width, with or without
    leading zeros and padding; with the day it means, or ``None`` for a form not accepted."""
    day = draw(st.dates(min_value=dt.date(1000, 1, 1)))
    month = str(day.month).zfill(draw(st.sampled_from([1, 2])))
    mday = str(day.day).zfill(draw(st.sampled_from([1, 2])))
    form = draw(st.sampled_from(["{y}-{m}-{d}", "{y}/{m}/{d}", "{y}年{m}月{d}日", "{y}.{m}.{d}"]))
    text = form.format(y=day.year, m=month, d=mday)
    if draw(st.booleans()):
        text = text.translate(_FULL_WIDTH)
    pad = st.sampled_from(["", " ", "\t", "　"])
    return draw(pad) + text + draw(pad), None if "." in form else day


# The fast path itself is ``fold_width`` (tested above against unicodedata); these
# say what the parsers give on the texts a sheet holds, ASCII and full-width alike.
@settings(max_examples=300)
@given(written_dates())
@example((" 2024/12/31 ", dt.date(2024, 12, 31)))
@example(("２０２４－０２－０３", dt.date(2024, 2, 3)))
def test_parse_date_reads_every_accepted_form(written: tuple[str, dt.date | None]) -> None:
    text, day = written
    if day is None:
        with pytest.raises(ValueError, match="is not a date"):
            parse_date(text)
    else:
        assert parse_date(text) == day


@pytest.mark.parametrize("text", ["2024-02-30", "２０２４－０２－３０", "2024年13月1日"])
def test_parse_date_refuses_a_day_that_does_not_exist(text: str) -> None:
    with pytest.raises(ValueError, match=f"'{text}' is no such day"):
        parse_date(f" {text} ")


@given(
    st.times().map(lambda t: t.replace(microsecond=0)),
    st.booleans(),
    st.booleans(),
    st.booleans(),
)
def test_parse_time_of_day_reads_what_it_is_given(
    time: dt.time, seconds: bool, hour_zero: bool, full_width: bool
) -> None:
    hour = f"{time.hour:02d}" if hour_zero else str(time.hour)
    text = f"{hour}:{time.minute:02d}" + (f":{time.second:02d}" if seconds else "")
    if full_width:
        text = text.translate(_FULL_WIDTH)
    expected = time if seconds else time.replace(second=0)
    assert parse_time_of_day(f" {text} ") == expected


# ---- yuan -----------------------------------------------------------------------------------

_AMOUNT_ALPHABET = "0123456789+-.,，¥￥元 　\t０１，．²½①١"


@st.composite
def plain_yuan(draw: st.DrawFn) -> str:
    """A sign, whole yuan (some with leading zeros, some far too long) and decimals."""
    sign = draw(st.sampled_from(["", "+", "-"]))
    zeros = "0" * draw(st.sampled_from([0, 0, 0, 1, 3, 25]))
    whole = draw(st.text(alphabet="0123456789", min_size=1, max_size=30))
    text = sign + zeros + whole
    if draw(st.booleans()):
        decimals = draw(st.text(alphabet="0123456789", min_size=1, max_size=6))
        text += "." + decimals + "0" * draw(st.sampled_from([0, 0, 1, 5]))
    wrap = draw(st.sampled_from(["{}", "¥{}", "￥ {}", "{}元", " {} 元 ", "¥{}元"]))
    return wrap.format(text)


@st.composite
def decimal_text(draw: st.DrawFn) -> str:
    value = draw(st.decimals())
    return draw(st.sampled_from([str(value), f"{value:f}" if value.is_finite() else str(value)]))


yuan_texts = st.one_of(
    st.text(),
    st.text(alphabet=_AMOUNT_ALPHABET),
    st.text(alphabet=_AMOUNT_ALPHABET + "e_abc", min_size=1, max_size=12),
    plain_yuan(),
    decimal_text(),
)

LONG_DIGITS = [
    "9" * 21,  # the most whole digits accepted (far above the per-entry limit, refused later)
    "1" + "0" * 20,
    "1" + "0" * 21,  # one digit too many
    "0" * 30 + "1",  # leading zeros do not count
    "0" * 30 + "1" * 21 + ".50",
    "0" * 30 + "1" * 22,
    "1" * 5000,  # longer than int() reads; Decimal refuses it as too large
    "0" * 5000 + "1",
    "1." + "0" * 5000,
    "1." + "0" * 5000 + "1",
    "-" + "9" * 21 + ".99",
]


@settings(max_examples=1000)
@given(yuan_texts)
@example("5650.00")
@example("1.000")  # trailing zeros below the fen are fine
@example("1.001")
@example("1.0010")
@example("-0")
@example("-0.00")
@example("+12.5")
@example("-12.5")
@example("0.00000")
@example("1e3")
@example("1_000")
@example("１２０００")
@example("¥1,000.50")
@example("￥ 300元")
@example("1,234,567.89")
@example("１，０００")
@example("12,000")
@example("10,00")
@example("1,00")
@example("1.0,5")
@example(",100")
@example("100,")
@example("0,100")
@example("01,000")
@example("1,000,00")
@example("10²")
@example("½")
@example("①")
@example("١٢٣")
@example(".5")
@example("5.")
@example("")
def test_yuan_to_fen_equals_the_decimal_reference(text: str) -> None:
    same_result(
        outcome(reference_yuan_to_fen, text, field="金额"),
        outcome(fast_yuan_to_fen, text, field="金额"),
    )


@pytest.mark.parametrize("text", LONG_DIGITS)
def test_yuan_to_fen_equals_the_reference_on_long_digit_runs(text: str) -> None:
    for given_text in (text, f"¥{text}元"):
        same_result(
            outcome(reference_yuan_to_fen, given_text), outcome(fast_yuan_to_fen, given_text)
        )


@given(st.decimals())
def test_yuan_to_fen_of_a_decimal_is_unchanged(value: Decimal) -> None:
    same_result(outcome(reference_yuan_to_fen, value), outcome(fast_yuan_to_fen, value))


# ---- a row checked whole, before cell by cell ---------------------------------------------

_CELL_ALPHABET = st.sampled_from([*"ab 中\t\r\n,", "\x00", "\x07", "\x0b", "\x1f", "\x7f"])
cells_strategy = st.one_of(
    st.just(""),
    st.text(alphabet=_CELL_ALPHABET, max_size=6),
    st.sampled_from([" ", "　", "\t"]),
    # Cells about as long as the limit (and, joined, rows longer than it).
    st.integers(CELL_CHARS_MAX - 3, CELL_CHARS_MAX + 2).map(lambda n: "x" * n),
    st.integers(CELL_CHARS_MAX // 3, CELL_CHARS_MAX // 2).map(lambda n: "y" * n),
    st.text(max_size=4),
)


@st.composite
def header_positions(draw: st.DrawFn) -> list[str | None]:
    """A header's positions: named columns (some), row numbers ("") and unnamed (None)."""
    marks = draw(st.lists(st.sampled_from(["k", "k", "k", "", None]), min_size=1, max_size=8))
    if "k" not in marks:
        marks[draw(st.integers(0, len(marks) - 1))] = "k"
    names = iter(f"col{i}" for i in range(len(marks)))
    return [next(names) if mark == "k" else mark for mark in marks]


def _named_width(positions: Sequence[str | None]) -> int:
    return max(i + 1 for i, key in enumerate(positions) if key)


@settings(max_examples=1000)
@given(header_positions(), st.lists(cells_strategy, max_size=10))
def test_fit_row_equals_fit(positions: list[str | None], cells: list[str]) -> None:
    layout = _Layout.of(positions)
    width = _named_width(positions)
    expected = _fit(cells, positions, width)
    assert layout.named_width == width
    assert _fit_row(cells, layout) == expected
    if expected is None:
        assert layout.cells_by_key(cells) == reference_cells_by_key(cells, positions)


@pytest.mark.parametrize(
    "cells",
    [
        ["a", "b\x00", "c\x07"],  # the first cell with a control character is named
        ["a", "x" * (CELL_CHARS_MAX + 1), "c\x00"],  # too long before a control character
        ["a", "b", "c", "d"],  # a value beyond the header
        ["a", "b", "c", "   "],  # only spaces beyond it: fits
        ["x" * CELL_CHARS_MAX, "y" * CELL_CHARS_MAX, "c"],  # long, but each within the limit
        ["a", "b"],  # a cell too few
    ],
)
def test_fit_row_names_the_same_cell_as_fit(cells: list[str]) -> None:
    positions: list[str | None] = ["date", "fund", "amount"]
    assert _fit_row(cells, _Layout.of(positions)) == _fit(cells, positions, 3)


@given(st.lists(st.text(alphabet=[*" \t\r\n　\x1c\x85\u2028ab\x00"], max_size=3), max_size=5))
def test_blank_equals_every_cell_stripped(cells: list[str]) -> None:
    assert _blank(cells) == (not any(cell.strip() for cell in cells))


def test_the_control_pattern_is_one_character_class() -> None:
    # _fit_row searches the cells joined without a separator: exact only because the
    # pattern matches one character at a time, so joining cannot make or hide a match.
    assert re.fullmatch(r"\[[^\[\]]*\]", _CONTROL.pattern)


@given(st.lists(st.text(alphabet=_CELL_ALPHABET, max_size=4), max_size=5))
def test_a_control_character_is_found_in_the_joined_row_exactly_when_in_a_cell(
    cells: list[str],
) -> None:
    in_a_cell = any(_CONTROL.search(cell) for cell in cells)
    assert bool(_CONTROL.search("".join(cells))) == in_a_cell


def test_cells_by_key_of_a_header_with_a_row_number_and_an_unnamed_column() -> None:
    positions: list[str | None] = ["", "date", None, "fund"]
    layout = _Layout.of(positions)
    assert layout.keys is None
    assert layout.cells_by_key(["1", "2024-01-01", "", "F01"]) == {
        "date": "2024-01-01",
        "fund": "F01",
    }
    assert _Layout.of(["date", "fund", None]).keys == ("date", "fund")


# ---- choices --------------------------------------------------------------------------------

_SHEET = Sheet(
    source="test.csv",
    kind=FUNDS,
    encoding="UTF-8",
    header_line=1,
    headers={"publicity_required": "需公示"},
    rows=(),
    problems=(),
)
_NAMES = [
    *["yes", "YES", "ｙｅｓ", "y-es", "Y_E S", "是", "no", "否", "1", "0", "（是）", "true"],
    *["", "-", "_", "ǅ", "ǆ", "ß", "ss", "ﬀ", "ff"],  # names that compare the same, or empty
]
_VALUES = st.sampled_from([True, False, 1, 0, None, "cash", ("a",), Decimal("1")])


def _read_choice(
    choose: Callable[..., Any], cell: str, choices: Mapping[str, Any], default: Any
) -> tuple[Any, list[RowProblem]]:
    r = RowReader(_SHEET, SheetRow(7, {"publicity_required": cell}))
    found = choose(r, "publicity_required", choices, default=default)
    return found, r.problems


def _fast_choice(r: RowReader, key: str, choices: Mapping[str, Any], *, default: Any) -> Any:
    return r.choice(key, choices, default=default)


@settings(max_examples=500)
@given(
    st.dictionaries(st.sampled_from(_NAMES), _VALUES, max_size=6),
    st.one_of(st.sampled_from([*_NAMES, " ", "maybe", " 是 ", "SS", "Ǆ"]), st.text(max_size=4)),
    _VALUES,
    st.booleans(),
)
def test_choice_equals_the_reference(
    choices: dict[str, Any], cell: str, default: Any, read_only: bool
) -> None:
    mapping: Mapping[str, Any] = MappingProxyType(choices) if read_only else choices
    expected = _read_choice(reference_choice, cell, mapping, default)
    got = _read_choice(_fast_choice, cell, mapping, default)
    assert got == expected
    assert type(got[0]) is type(expected[0])  # True is not 1, whatever the cache holds


@pytest.mark.parametrize("choices", [YES_NO, GIFT_KINDS, BASES, CATEGORIES, CONSENT])
def test_choice_of_every_constant_equals_the_reference(choices: Mapping[str, Any]) -> None:
    for cell in [*choices, "ＣＡＳＨ", "Fair-Value", "Case Work", "是否", "", "x"]:
        expected = _read_choice(reference_choice, cell, choices, None)
        assert _read_choice(_fast_choice, cell, choices, None) == expected


def test_choice_reads_a_changed_mapping_as_it_is_now() -> None:
    choices: dict[str, Any] = {"yes": True, "no": False}
    assert _read_choice(_fast_choice, "YES", choices, None)[0] is True
    choices["yes"] = 1  # same names, another value: the value is read from the mapping
    assert _read_choice(_fast_choice, "YES", choices, None)[0] == 1
    assert _read_choice(_fast_choice, "YES", choices, None)[0] is not True
    choices["maybe"] = None  # a new name
    found, problems = _read_choice(_fast_choice, "Maybe", choices, False)
    assert found is None
    assert [p.message for p in problems] == ["'Maybe' is not one of: yes, no, maybe"]
    assert [p.phrase.message("zh") for p in problems] == ["'Maybe' 不是 yes、no、maybe 之一"]


# ---- a sheet's rows and plans are not tracked by the cyclic garbage collector --------------


def test_a_sheets_rows_and_plans_are_untracked_and_hold_no_cycle() -> None:
    # A sheet holds a SheetRow and a RowPlan for every row until it is recorded; both
    # are gc=False (sheets/common.py). Safe only while neither can hold a reference back:
    # a row holds text, a plan text, numbers and frozen command models.
    data = (
        "fund,name,station,community,host,approval_threshold,opened_on\n"
        "F-1,助学基金,S01,崔寨村,街道,5000,2024-01-02\n"
    )
    sheet = read_sheet(data.encode("utf-8"), [FUNDS])
    assert sheet.rows
    assert not any(gc.is_tracked(row) for row in sheet.rows)
    assert all(type(cell) is str for row in sheet.rows for cell in row.cells.values())
    command = b.ReceiveCashDonation(
        fund_id="F-1",
        receipt_no="R-1",
        amount_fen=100,
        actor="王芳",
        occurred_on=dt.date(2024, 1, 2),
    )
    plan = RowPlan(line=2, group="F-1", commands=(command,))
    assert not gc.is_tracked(plan)
    for cls in (SheetRow, RowPlan):
        assert cls.__struct_config__.gc is False
        assert cls.__struct_config__.frozen is True
    # Every command a plan can hold is frozen: it cannot be changed to refer to its plan.
    commands = [c for c in vars(b).values() if isinstance(c, type) and issubclass(c, b.Command)]
    assert len(commands) > 10
    assert all(c.model_config.get("frozen") is True for c in commands)
    with pytest.raises(ValidationError):
        command.note = "changed"  # type: ignore[misc]
