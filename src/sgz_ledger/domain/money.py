"""Money at the edges: parse yuan or fen into integer fen, format fen as yuan.

Inside the ledger every amount is an ``int`` of fen (分, 1/100 yuan). ``Decimal``
appears only here, where people type or read yuan. ``float`` is refused outright:
0.1 + 0.2 != 0.3, and a ledger that is off by a fen cannot be audited.
"""

from __future__ import annotations

import math
import re
import unicodedata
from decimal import Decimal

from sgz_ledger.domain.errors import InvalidAmount
from sgz_ledger.domain.messages import Phrase
from sgz_ledger.domain.text import fold_width
from sgz_ledger.domain.units import FEN_PER_YUAN, format_yuan, hours_2dp

__all__ = [
    "AMOUNT_FEN_MAX",
    "FEN_PER_YUAN",
    "fen_amount",
    "format_yuan",
    "hours_2dp",
    "parse_amount_fen",
    "yuan_amount",
    "yuan_to_fen",
]

# The largest single amount the ledger accepts: 1,000,000,000 yuan. A station's
# community fund holds tens of thousands of yuan; anything near this limit is a
# typing error (an extra row of zeros), and the limit keeps every sum of a year's
# entries far inside SQLite's 64-bit integers.
AMOUNT_FEN_MAX = 1_000_000_000 * FEN_PER_YUAN

_DECIMAL_PLACES_MAX = 2
assert 10**_DECIMAL_PLACES_MAX == FEN_PER_YUAN  # a fen is the last decimal of a yuan
# A tuple, not ``Decimal | str``: that expression builds a new union on every call.
_YUAN_TYPES = (Decimal, str)
# More integer digits than this cannot be a real amount; refusing early keeps the
# conversion to fen exact for any input length.
_YUAN_DIGITS_MAX = 20
# Sign, whole yuan, decimals: the groups are what the integer fast path reads. Whole yuan
# are plain digits, or grouped by commas in threes after a first group of 1 to 3 digits
# that does not start with 0 ("1,234,567"): a comma anywhere else ("10,00", "1.0,5") has
# no meaning people agree on (a decimal comma, a slip), so it is refused, never dropped.
_YUAN_TEXT = re.compile(r"([+-]?)([0-9]+|[1-9][0-9]{0,2}(?:,[0-9]{3})+)(?:\.([0-9]+))?")


def _why_not_yuan(text: str) -> Phrase:
    """Why ``text`` (width-folded, without yen sign or 元) is not yuan, as specific as can be."""
    for char in text:
        if not char.isascii() and char.isnumeric():
            # A superscript, fraction, circled or other script's digit: NFKC would read
            # some as digits ("10²" as 102), which is not what the cell shows.
            name = f"U+{ord(char):04X} {unicodedata.name(char, '')}".rstrip()
            return Phrase("yuan_not_a_digit", char=char, name=name)
    if "," in text and _YUAN_TEXT.fullmatch(text.replace(",", "")):
        return Phrase("yuan_comma_out_of_place")
    return Phrase("yuan_not_a_number")


def yuan_to_fen(yuan: Decimal | str, *, field: str = "amount") -> int:
    """Convert yuan (``Decimal`` or its text, at most 2 decimals) to integer fen.

    Text is ASCII digits with an optional sign, decimal point and grouping commas in
    their places (``1,000.00``); full-width digits, comma, point and signs are read as
    their ASCII forms (``fold_width``), and a yen sign before (``¥``, ``￥``) or ``元``
    after is allowed. Nothing else becomes a digit.

    Raises:
        InvalidAmount: not a finite number, more than 2 decimals, or unparsable.
    """
    if isinstance(yuan, str):
        text = yuan.strip()
        # ASCII text has no full-width form, yen sign or 元 (a measured hot path: the
        # checks cost more).
        if not text.isascii():
            text = fold_width(text).strip()
            if text.startswith("¥"):
                text = text[1:].strip()
            if text.endswith("元"):
                text = text[:-1].strip()
        # Plain ASCII digits only: Decimal() would also take "1_000", full-width
        # digits and exponents ("1e3"), which no one means when typing yuan.
        match = _YUAN_TEXT.fullmatch(text)
        if match is None:
            raise InvalidAmount(field, yuan, _why_not_yuan(text))
        sign, whole, part = match.groups()
        if "," in whole:
            whole = whole.replace(",", "")
        decimals = part or ""
        # Fast path (measured: a sheet import's hot path). Up to 21 whole digits (Decimal's
        # adjusted() <= 20) and 2 decimals are always accepted: read them exactly as ints.
        # Anything else, and so every refusal, goes through Decimal, which stays the reference.
        if len(whole) <= _YUAN_DIGITS_MAX + 1 and len(decimals) <= _DECIMAL_PLACES_MAX:
            fen = int(whole + decimals.ljust(_DECIMAL_PLACES_MAX, "0"))
            return -fen if sign == "-" else fen
        value = Decimal(f"{sign}{whole}.{decimals}" if decimals else f"{sign}{whole}")
    elif isinstance(yuan, Decimal):
        value = yuan
    else:  # pragma: no cover - guarded by callers' types; kept for untyped callers
        raise InvalidAmount(field, yuan, Phrase("yuan_wrong_type", given_type=type(yuan).__name__))
    if not value.is_finite():
        raise InvalidAmount(field, yuan, Phrase("amount_not_finite"))
    _, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int)  # finite values have an int exponent
    # Digits past the second decimal must all be zero ("1.000" is fine, "1.001" is not).
    # Checked on the digits, not with quantize(), which overflows the decimal context
    # on long inputs instead of refusing them.
    if exponent < -_DECIMAL_PLACES_MAX and any(digits[exponent + _DECIMAL_PLACES_MAX :]):
        raise InvalidAmount(field, yuan, Phrase("amount_decimals"))
    if value.adjusted() > _YUAN_DIGITS_MAX:
        raise InvalidAmount(field, yuan, Phrase("amount_far_too_big"))
    return int((value * FEN_PER_YUAN).to_integral_value())


def parse_amount_fen(
    amount: object,
    *,
    field: str = "amount",
    allow_zero: bool = False,
    limit_fen: int = AMOUNT_FEN_MAX,
) -> int:
    """Turn a value whose unit its type tells into a positive number of fen, or refuse it.

    ``int`` means fen; ``Decimal`` or ``str`` means yuan with at most 2 decimals.
    ``bool`` and ``float`` are refused (a ``float`` cannot hold 0.1 yuan exactly). The
    commands do not use it: their money fields say the unit by name (``yuan_amount`` for
    ``amount``, ``fen_amount`` for ``amount_fen``), so that ``100`` cannot mean 1.00 yuan
    by accident; a sheet's cells, which are text, are read with it.

    Raises:
        InvalidAmount: with the field name and the reason.
    """
    if isinstance(amount, bool):
        raise InvalidAmount(field, amount, Phrase("amount_bool"))
    if isinstance(amount, float):
        raise InvalidAmount(
            field, amount, _refused_float_reason(amount, Phrase("hint_fen_or_yuan"))
        )
    if isinstance(amount, int):
        fen = amount
    elif isinstance(amount, _YUAN_TYPES):
        fen = yuan_to_fen(amount, field=field)
    else:
        raise InvalidAmount(
            field, amount, Phrase("amount_wrong_type", given_type=type(amount).__name__)
        )
    return _in_range(fen, amount, field, allow_zero, limit_fen)


def yuan_amount(
    amount: object,
    *,
    field: str = "amount",
    fen_field: str = "amount_fen",
    allow_zero: bool = False,
    limit_fen: int = AMOUNT_FEN_MAX,
) -> int:
    """An amount given in yuan (``Decimal`` or ``str``, at most 2 decimals), in fen.

    A number that is not a ``Decimal`` is refused, each with what to pass instead: an
    ``int`` (``100`` would be 1.00 yuan read as fen, or 100 yuan read as yuan: a 100x
    mistake either way), a binary floating-point number (refused: it cannot hold 0.1 yuan
    exactly), a ``bool``.

    Raises:
        InvalidAmount: naming ``field``; the message names ``fen_field`` where an int was
            given (``amount_fen=100`` for 1.00 yuan).
    """
    if isinstance(amount, bool):
        why = Phrase("yuan_bool", field=field, fen_field=fen_field)
        raise InvalidAmount(field, amount, why)
    if isinstance(amount, int):
        why = Phrase("yuan_int", field=field, fen_field=fen_field, given=amount)
        raise InvalidAmount(field, amount, why)
    if isinstance(amount, float):
        hint = Phrase("hint_yuan_text", field=field, fen_field=fen_field)
        raise InvalidAmount(field, amount, _refused_float_reason(amount, hint))
    if not isinstance(amount, _YUAN_TYPES):
        why = Phrase("yuan_other_type", fen_field=fen_field, given_type=type(amount).__name__)
        raise InvalidAmount(field, amount, why)
    return _in_range(yuan_to_fen(amount, field=field), amount, field, allow_zero, limit_fen)


def fen_amount(
    amount: object,
    *,
    field: str = "amount_fen",
    yuan_field: str = "amount",
    allow_zero: bool = False,
    limit_fen: int = AMOUNT_FEN_MAX,
) -> int:
    """An amount given in fen: an ``int`` (never a ``bool``), checked against the limits.

    Raises:
        InvalidAmount: naming ``field``; yuan given here (text, a ``Decimal``) is refused
            with the yuan field to pass it as.
    """
    if isinstance(amount, bool) or not isinstance(amount, int):
        if isinstance(amount, _YUAN_TYPES):
            why = Phrase(
                "fen_given_yuan",
                given_type=type(amount).__name__,
                yuan_field=yuan_field,
                given=amount,
                field=field,
            )
        else:
            why = Phrase("fen_wrong_type", yuan_field=yuan_field, given_type=type(amount).__name__)
        raise InvalidAmount(field, amount, why)
    return _in_range(amount, amount, field, allow_zero, limit_fen)


def _refused_float_reason(amount: float, hint: Phrase) -> Phrase:
    if math.isnan(amount):
        return Phrase("amount_nan", hint=hint)
    if math.isinf(amount):
        return Phrase("amount_infinite", hint=hint)
    return Phrase("amount_float", given_type=type(amount).__name__, hint=hint)


def _in_range(fen: int, given: object, field: str, allow_zero: bool, limit_fen: int) -> int:
    if fen < 0:
        raise InvalidAmount(field, given, Phrase("amount_negative"))
    if fen == 0 and not allow_zero:
        raise InvalidAmount(field, given, Phrase("amount_zero"))
    if fen > limit_fen:
        raise InvalidAmount(field, given, Phrase("amount_over_limit", limit_fen=limit_fen))
    return fen
