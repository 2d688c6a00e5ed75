"""Fuzzing the readers of untrusted input: a sheet's bytes, an amount's text, a date's text.

Whatever they are given, they answer with a value or their own typed refusal, never
another exception (a traceback in the CLI); and a value they give means what the input
shows: an accepted amount is the number written (its commas only grouping thousands), an
accepted date has the digits written.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any, TypeVar

from hypothesis import example, given, settings
from hypothesis import strategies as st

from sgz_ledger.domain.errors import InvalidAmount
from sgz_ledger.domain.money import AMOUNT_FEN_MAX, format_yuan, parse_amount_fen
from sgz_ledger.domain.text import fold_width
from sgz_ledger.sheets import KINDS
from sgz_ledger.sheets.common import ENCODINGS, SheetRefused, decode, parse_date, read_sheet

E = TypeVar("E", bound=BaseException)


def attempt(
    refusal: type[E], function: Callable[..., Any], *args: Any, **kwargs: Any
) -> tuple[Any, E | None]:
    """``(result, None)``, or ``(None, the refusal)``; any other exception fails the test."""
    try:
        return function(*args, **kwargs), None
    except refusal as e:
        return None, e


# ---- a sheet's bytes ----------------------------------------------------------------------

_HEADERS = [
    b"volunteer_id,name,registered_on\n",
    "志愿者编号,姓名,注册日期\n".encode(),
    "基金,票据号,日期,类型,金额\n".encode("gb18030"),
    b"fund,request_id,date,amount,purpose,payee,requested_by\n",
    b"\xef\xbb\xbfrecord_id,volunteer_id,activity,date,recorded_by\n",
]
_CELLS = st.sampled_from(
    [
        *(b"", b",", b"\n", b"\r\n", b'"', b'""', b"V001", b"\x00", b"\xff", b"\xe5\xbc\xa0"),
        *(b"\xa4\xa4", "张".encode("gb18030"), "陳".encode("cp950"), b"\xe2\x80\xae"),
        *(b"2024-02-30", b"10,00"),
    ]
)
sheets = st.one_of(
    st.binary(max_size=400),
    st.builds(
        lambda head, body: head + b"".join(body),
        st.sampled_from(_HEADERS),
        st.lists(st.one_of(_CELLS, st.binary(max_size=8)), max_size=40),
    ),
)


@settings(max_examples=1000)
@given(sheets)
@example(b"\xff\xfe" + "a,b\n".encode("utf-16-le"))
@example(b"volunteer_id,name,registered_on\n" + b'"V1\n' * 3)
@example(b"volunteer_id\n" + b"x," * 200 + b"\n")
def test_reading_any_bytes_gives_a_sheet_or_its_refusal(data: bytes) -> None:
    sheet, refused = attempt(SheetRefused, read_sheet, data, KINDS, source="fuzz.csv")
    if refused is not None:
        assert refused.rows
        assert all(problem.message for problem in refused.rows)
        return
    assert sheet.kind in KINDS
    for row in sheet.rows:
        assert row.line > sheet.header_line


@settings(max_examples=500)
@given(st.binary(max_size=300), st.sampled_from([None, *ENCODINGS]))
def test_decoding_any_bytes_gives_text_or_a_refusal(data: bytes, encoding: str | None) -> None:
    decoded, refused = attempt(SheetRefused, decode, data, encoding=encoding)
    if refused is not None:
        assert [problem.reason for problem in refused.rows] == ["encoding"]
        return
    text, shown = decoded
    assert isinstance(text, str)
    assert shown in {"UTF-8", "UTF-8 (BOM)", "GB18030", "Big5"}


# ---- an amount's text ---------------------------------------------------------------------

_AMOUNT_PIECES = st.sampled_from(
    [
        *("0", "1", "5", "9", "00", "000", ",", ".", "，", "．", "１", "０", "¥", "￥", "元"),
        *(" ", "\u3000", "-", "+", "e", "²", "½", "①", "٣", "_", "\u200b", "\x00"),
    ]
)
amount_texts = st.one_of(
    st.text(),
    st.lists(_AMOUNT_PIECES, max_size=14).map("".join),
    st.integers(0, AMOUNT_FEN_MAX).map(format_yuan),
    st.integers(0, 10**12).map(lambda n: f"{n:,}"),
)


def written_value(text: str) -> Decimal:
    """What an accepted amount's text shows, read here without the parser: width folded,
    the yen sign and 元 and the grouping commas dropped."""
    plain = fold_width(text).strip().removeprefix("¥").strip().removesuffix("元").strip()
    return Decimal(plain.replace(",", ""))


@settings(max_examples=2000)
@given(amount_texts)
@example("1,234,567.89")
@example("１，０００")
@example("10,00")
@example("10²")
def test_an_amount_is_fen_it_shows_or_invalid_amount(text: str) -> None:
    fen, refused = attempt(InvalidAmount, parse_amount_fen, text, field="金额", allow_zero=True)
    if refused is not None:
        assert refused.field == "金额"
        return
    assert isinstance(fen, int)
    assert 0 <= fen <= AMOUNT_FEN_MAX
    assert written_value(text) * 100 == fen
    # Its commas, if any, group thousands: three digits after each, none after the point.
    whole = fold_width(text).split(".")[0]
    assert all(len(group) >= 3 for group in re.split(r",", re.sub(r"[^0-9,]", "", whole))[1:])
    # The plain form of the amount reads back to it.
    assert parse_amount_fen(format_yuan(fen), allow_zero=True) == fen


# ---- a date's text ------------------------------------------------------------------------

_DATE_PIECES = st.sampled_from(
    [
        *("2024", "０", "1", "2", "3", "12", "30", "31", "-", "/", "年", "月", "日", "－", " "),
        *("²", "٢", "\u200b", "."),
    ]
)
date_texts = st.one_of(
    st.text(),
    st.lists(_DATE_PIECES, max_size=8).map("".join),
    st.dates().map(lambda d: f"{d.year}年{d.month}月{d.day}日"),
)


@settings(max_examples=2000)
@given(date_texts)
@example("２０２４－０２－０３")
@example("2024-0²-01")
def test_a_date_is_the_day_it_shows_or_value_error(text: str) -> None:
    day, refused = attempt(ValueError, parse_date, text)
    if refused is not None:
        assert str(refused)
        return
    assert isinstance(day, dt.date)
    digits = [int(n) for n in re.findall(r"[0-9]+", fold_width(text))]
    assert digits == [day.year, day.month, day.day]
