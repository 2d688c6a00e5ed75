"""How fen and seconds read to people: yuan with two decimals, hours (pure, no imports of
the ledger's own, so that every module down to the errors' messages can use it)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

__all__ = ["FEN_PER_YUAN", "SECONDS_PER_HOUR", "format_hours", "format_yuan", "hours_2dp"]

FEN_PER_YUAN = 100
SECONDS_PER_HOUR = 3600


def format_yuan(fen: int) -> str:
    """Format fen as yuan with exactly 2 decimals: ``4526500`` -> ``'45265.00'``."""
    sign = "-" if fen < 0 else ""
    whole, part = divmod(abs(fen), FEN_PER_YUAN)
    return f"{sign}{whole}.{part:02d}"


def hours_2dp(duration_s: int) -> Decimal:
    """Seconds as hours with 2 decimals, rounded half up (how reports quote hours)."""
    return (Decimal(duration_s) / Decimal(SECONDS_PER_HOUR)).quantize(
        Decimal("0.01"), rounding=ROUND_HALF_UP
    )


def format_hours(duration_s: int) -> str:
    """Seconds as hours for a sentence: at most 2 decimals, no trailing zeros, and ``≈``
    before a rounded value (``5400`` -> ``'1.5'``, ``7200`` -> ``'2'``, ``60`` -> ``'≈0.02'``)."""
    text = f"{hours_2dp(duration_s):f}".rstrip("0").rstrip(".")
    return text if duration_s % 36 == 0 else f"≈{text}"
