"""Money at the edges (rule 15): yuan or fen in, integer fen inside, yuan out.

Every amount the ledger records is an ``int`` of fen. These tests pin down which
inputs become fen and which are refused with ``InvalidAmount`` naming the field.
"""

from __future__ import annotations

import math
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sgz_ledger.domain.errors import InvalidAmount, InvalidInput
from sgz_ledger.domain.money import (
    AMOUNT_FEN_MAX,
    FEN_PER_YUAN,
    format_yuan,
    hours_2dp,
    parse_amount_fen,
    yuan_to_fen,
)

# ---- accepted ------------------------------------------------------------------------


def test_int_means_fen() -> None:
    assert parse_amount_fen(4_526_500) == 4_526_500


@pytest.mark.parametrize(
    ("given_yuan", "fen"),
    [
        ("45265", 4_526_500),  # 朝阳: 累计接收各类捐赠资金45265元
        ("300.50", 30_050),
        ("300.5", 30_050),
        ("0.01", 1),
        ("¥1,000.00", 100_000),
        ("￥1，000.00", 100_000),  # full-width yen sign and comma, as typed in Chinese IMEs
        ("12,000", 1_200_000),
        ("１，０００", 100_000),
        ("1,234,567.89", 123_456_789),
        ("１２３．４５", 12_345),  # full-width digits and point
        ("￥１２，０００元", 1_200_000),
        ("12元", 1_200),
        (" 15000 元 ", 1_500_000),  # 陈仓: 15000元学习用品
        ("1.000", 100),  # trailing zeros below the fen are not extra precision
        (Decimal("300.50"), 30_050),
        (Decimal("45265"), 4_526_500),
        (Decimal("1.10"), 110),
    ],
)
def test_yuan_with_at_most_two_decimals_is_accepted(given_yuan: str | Decimal, fen: int) -> None:
    assert parse_amount_fen(given_yuan) == fen
    assert yuan_to_fen(given_yuan) == fen


def test_zero_is_accepted_only_when_allowed() -> None:
    assert parse_amount_fen(0, allow_zero=True) == 0
    assert parse_amount_fen("0.00", allow_zero=True) == 0


def test_the_limit_itself_is_accepted() -> None:
    assert parse_amount_fen(AMOUNT_FEN_MAX) == AMOUNT_FEN_MAX
    assert parse_amount_fen(format_yuan(AMOUNT_FEN_MAX)) == AMOUNT_FEN_MAX


# ---- refused ---------------------------------------------------------------------------

BAD_AMOUNTS = [
    pytest.param(0.1, id="float"),
    pytest.param(100.0, id="whole-float"),
    pytest.param(math.nan, id="float-nan"),
    pytest.param(math.inf, id="float-inf"),
    pytest.param(-math.inf, id="float-minus-inf"),
    pytest.param(Decimal("NaN"), id="decimal-nan"),
    pytest.param(Decimal("sNaN"), id="decimal-snan"),
    pytest.param(Decimal("Infinity"), id="decimal-inf"),
    pytest.param(Decimal("-Infinity"), id="decimal-minus-inf"),
    pytest.param("NaN", id="text-nan"),
    pytest.param("Infinity", id="text-inf"),
    pytest.param(-1, id="negative-fen"),
    pytest.param("-0.01", id="negative-yuan"),
    pytest.param(Decimal("-300.50"), id="negative-decimal"),
    pytest.param(0, id="zero-fen"),
    pytest.param("0", id="zero-yuan"),
    pytest.param("1.001", id="three-decimals"),
    pytest.param(Decimal("0.005"), id="half-a-fen"),
    pytest.param("1e-3", id="exponent-below-fen"),
    pytest.param(AMOUNT_FEN_MAX + 1, id="above-max-fen"),
    pytest.param("1000000000.01", id="above-max-yuan"),
    pytest.param(Decimal("1E+40"), id="far-above-max"),
    pytest.param(True, id="bool-true"),
    pytest.param(False, id="bool-false"),
    pytest.param(None, id="none"),
    pytest.param("", id="empty-text"),
    pytest.param("abc", id="garbage"),
    pytest.param("十元", id="chinese-numerals"),
    pytest.param("1.2.3", id="two-points"),
    pytest.param([100], id="list"),
]


@pytest.mark.parametrize("amount", BAD_AMOUNTS)
def test_bad_amount_is_refused_with_invalid_amount(amount: object) -> None:
    with pytest.raises(InvalidAmount) as caught:
        parse_amount_fen(amount, field="amount")
    assert caught.value.field == "amount"
    assert caught.value.why
    assert caught.value.reason == "invalid_amount"


def test_invalid_amount_names_the_field_and_is_an_invalid_input() -> None:
    with pytest.raises(InvalidAmount) as caught:
        parse_amount_fen(0.1, field="proceeds")
    assert caught.value.field == "proceeds"
    assert caught.value.value == 0.1
    assert isinstance(caught.value, InvalidInput)
    assert caught.value.problems[0][0] == "proceeds"


def test_float_reasons_say_what_is_wrong() -> None:
    for value, words in [(0.1, "float"), (math.nan, "NaN"), (math.inf, "infinite")]:
        with pytest.raises(InvalidAmount, match=words):
            parse_amount_fen(value)


def test_a_lower_limit_can_be_passed() -> None:
    assert parse_amount_fen(500, limit_fen=500) == 500
    with pytest.raises(InvalidAmount, match="above the limit"):
        parse_amount_fen(501, limit_fen=500)


def test_yuan_to_fen_refuses_non_yuan_types() -> None:
    with pytest.raises(InvalidAmount):
        yuan_to_fen(0.1)  # type: ignore[arg-type]


# ---- commas and digits: only where they mean what they show --------------------------------


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("10,00", "comma out of place"),  # a decimal comma, or a slip: never 1,000.00
        ("1,00", "comma out of place"),
        ("1.0,5", "comma out of place"),
        (",100", "comma out of place"),
        ("100,", "comma out of place"),
        ("0,100", "comma out of place"),  # 0.100 in much of Europe
        ("01,000", "comma out of place"),
        ("1,000,00", "comma out of place"),
        ("1,0000", "comma out of place"),
        ("1,,000", "comma out of place"),
        ("1,000.0,0", "comma out of place"),
        ("１０，００", "comma out of place"),  # full-width: the same rule
        ("10²", "'²' (U+00B2 SUPERSCRIPT TWO), which is not a digit 0-9"),
        ("½", "which is not a digit 0-9"),
        ("1½", "which is not a digit 0-9"),
        ("①", "which is not a digit 0-9"),
        ("١٢٣", "which is not a digit 0-9"),  # Arabic-Indic digits
        ("１０²", "which is not a digit 0-9"),
        ("1 000", "is not a number of yuan"),
        ("1'000", "is not a number of yuan"),
        ("1.000,00", "comma out of place"),
    ],
)
def test_a_misplaced_comma_or_a_digit_like_character_is_refused(text: str, why: str) -> None:
    with pytest.raises(InvalidAmount) as refused:
        parse_amount_fen(text, field="金额")
    assert refused.value.field == "金额"
    assert why in refused.value.why


# ---- formatting ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fen", "text"),
    [
        (4_526_500, "45265.00"),
        (1_500_000, "15000.00"),
        (30_050, "300.50"),
        (1, "0.01"),
        (0, "0.00"),
        (-1, "-0.01"),
        (-30_050, "-300.50"),
    ],
)
def test_format_yuan_has_exactly_two_decimals(fen: int, text: str) -> None:
    assert format_yuan(fen) == text


@given(st.integers(min_value=-AMOUNT_FEN_MAX, max_value=AMOUNT_FEN_MAX))
def test_formatting_then_parsing_gives_the_same_fen(fen: int) -> None:
    assert yuan_to_fen(format_yuan(fen)) == fen


@given(st.integers(min_value=1, max_value=AMOUNT_FEN_MAX))
def test_every_positive_fen_in_range_parses_back_from_yuan_text(fen: int) -> None:
    assert parse_amount_fen(format_yuan(fen)) == fen
    assert parse_amount_fen(Decimal(fen) / FEN_PER_YUAN) == fen


# ---- hours (DOMAIN rule 1: integer seconds, 2 decimals, half up) ---------------------------


@pytest.mark.parametrize(
    ("duration_s", "hours"),
    [
        (5_384_556, Decimal("1495.71")),  # 崔寨: 志愿服务时长1495.71小时
        (22_639 * 3600, Decimal("22639.00")),  # 陈仓: 22639小时
        (18, Decimal("0.01")),  # 0.005 h rounds half up
        (17, Decimal("0.00")),
        (0, Decimal("0.00")),
        (5400, Decimal("1.50")),
    ],
)
def test_hours_2dp_rounds_half_up_to_two_decimals(duration_s: int, hours: Decimal) -> None:
    result = hours_2dp(duration_s)
    assert result == hours
    assert result.as_tuple().exponent == -2


@pytest.mark.parametrize(
    "amount",
    ["12345678901234567890123456789.001", Decimal("12345678901234567890123456789.001")],
)
def test_very_long_amount_with_three_decimals_is_refused_with_invalid_amount(
    amount: str | Decimal,
) -> None:
    with pytest.raises(InvalidAmount):
        parse_amount_fen(amount)
