"""A refusal as JSON, for ``--json``: its reason and code, its words, and its values as the
ledger keeps them (money in fen, durations in seconds, dates as ISO dates)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import msgspec

from sgz_ledger.domain.errors import InvalidInput, LedgerError
from sgz_ledger.domain.messages import Language, Localized
from sgz_ledger.sheets.common import SheetRefused

__all__ = ["refusal_json"]


def refusal_json(error: LedgerError, language: Language) -> str:
    """``{"error": {"reason", "code", "message", "params"[, "problems" | "rows"]}}``, the
    message in ``language``: what ``--json`` prints on stderr for a refusal."""
    return msgspec.json.encode({"error": _refusal(error, language)}).decode("utf-8")


def _refusal(error: LedgerError, language: Language) -> dict[str, Any]:
    out: dict[str, Any] = {
        "reason": error.reason,
        "code": error.code,
        "message": error.message(language),
    }
    if isinstance(error, SheetRefused):
        out["source"] = error.source
        out["rows"] = [
            {
                "line": p.line,
                "column": p.column,
                "reason": p.reason,
                "code": p.phrase.code,
                "message": p.phrase.message(language),
                "params": _values(p.phrase.params, language),
            }
            for p in error.rows
        ]
    elif isinstance(error, InvalidInput):
        out["problems"] = [
            {
                "field": field,
                "code": p.code,
                "message": p.message(language),
                "params": _values(p.params, language),
            }
            for field, p in error.field_problems
        ]
    else:
        out["params"] = _values(error.params, language)
    return out


def _values(params: Any, language: Language) -> dict[str, Any]:
    return {name: _value(value, language) for name, value in params.items()}


def _value(value: object, language: Language) -> object:
    """A value as JSON holds it: numbers as they are (fen, seconds), a nested refusal or
    phrase as its words, anything else a string."""
    if value is None or isinstance(value, bool | int | str | dt.date | Decimal):
        return value
    if isinstance(value, LedgerError):
        return _refusal(value, language)
    if isinstance(value, Localized):
        return value.message(language)
    if isinstance(value, list | tuple | frozenset | set):
        return [_value(v, language) for v in value]
    return str(value)
