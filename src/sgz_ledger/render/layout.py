"""Text layout for people: terminal widths, aligned tables, amounts and labels.

The one place that decides how many columns a text takes in a terminal
(``display_width``) and how rows line up under headers (``table``); every table the
library prints (balances, statements, the trail, figures, certificates) is laid out
with these.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

import msgspec

from sgz_ledger.domain.money import format_yuan
from sgz_ledger.storage.chain import Anchor

__all__ = [
    "UNRESTRICTED_LABEL",
    "anchor_line",
    "display_width",
    "json_text",
    "one_line",
    "pad",
    "restriction_label",
    "signed_yuan",
    "table",
    "yuan_cells",
]

UNRESTRICTED_LABEL = "非限定 unrestricted"

# Nonspacing and enclosing marks, and format characters (zero-width space, joiners).
_ZERO_WIDTH_CATEGORIES = frozenset({"Mn", "Me", "Cf"})
# C0 and C1 control characters and the line and paragraph separators: what would break a
# line of a table or drive a terminal.
_BREAKS = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]+")


def display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal: wide and full-width characters (CJK) take 2.

    Combining marks and other zero-width characters take 0; East Asian "ambiguous"
    characters are counted as 1, as terminals outside CJK locales show them. The standard
    library's ``unicodedata`` has both tables; a package such as ``wcwidth`` would add a
    dependency for the same two look-ups.
    """
    width = 0
    for ch in text:
        if unicodedata.category(ch) in _ZERO_WIDTH_CATEGORIES:
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def pad(text: str, width: int, align: str) -> str:
    """``text`` filled with spaces to ``width`` columns: ``r`` on the left, else on the right."""
    fill = " " * max(0, width - display_width(text))
    return fill + text if align == "r" else text + fill


def table(heads: Sequence[Sequence[str]], rows: Sequence[Sequence[str] | None], align: str) -> str:
    """Lay out rows under header lines (none: no header and no rule under it); ``None`` in
    ``rows`` draws a rule.

    ``align`` has one letter per column: ``l`` left, ``r`` right (numbers). Trailing spaces
    are cut from every line.
    """
    body = [row for row in rows if row is not None]
    widths = [max(display_width(line[i]) for line in (*heads, *body)) for i in range(len(align))]
    rule = "  ".join("-" * w for w in widths)

    def render(cells: Sequence[str]) -> str:
        return "  ".join(pad(c, w, a) for c, w, a in zip(cells, widths, align, strict=True))

    lines = [render(head).rstrip() for head in heads]
    if heads:
        lines.append(rule)
    lines.extend(rule if row is None else render(row).rstrip() for row in rows)
    return "\n".join(lines)


def one_line(text: str) -> str:
    """``text`` on one line of a table: each run of control characters (line breaks, tabs,
    escapes) and line or paragraph separators becomes one space, and the ends are trimmed.

    Names are kept as recorded (a trail matches them exactly), and a forged view cell may
    hold anything: what is printed flattens them here.
    """
    return _BREAKS.sub(" ", text).strip()


def restriction_label(restriction: str | None) -> str:
    """A restriction for people: ``None`` is the total line, ``""`` the unrestricted money."""
    if restriction is None:
        return "合计 total"
    return restriction or UNRESTRICTED_LABEL


def signed_yuan(fen: int) -> str:
    """A change: signed yuan, blank when nothing changed."""
    if fen == 0:
        return ""
    return ("+" if fen > 0 else "") + format_yuan(fen)


def yuan_cells(amounts: Iterable[int]) -> list[str]:
    """Amounts of fen as yuan with 2 decimals, one cell each."""
    return [format_yuan(fen) for fen in amounts]


def json_text(value: object) -> str:
    """``value`` as indented JSON (money in integers of fen, dates as ISO dates)."""
    return msgspec.json.format(msgspec.json.encode(value), indent=2).decode("utf-8")


def anchor_line(anchor: Anchor) -> str:
    """The line reports print under their figures, for people and for a later ``verify``."""
    return (
        f"锚点 anchor: {anchor}\n  (这些数字所依据的全部记录 the whole history behind these "
        "figures; 核对副本 check a copy: sgz-ledger verify --anchor <anchor>)"
    )
