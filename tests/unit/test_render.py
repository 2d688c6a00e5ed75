"""The texts for people (``sgz_ledger.render``): one width function, tables that line up.

Given rows of Chinese, English and combining text, when they are laid out, then every
column starts (left-aligned) or ends (right-aligned) at the same terminal column on
every line, counting a CJK character as two columns and a combining mark as none.
And the width of text is decided in one place only.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sgz_ledger.render.layout import display_width, one_line, pad, restriction_label, table

SOURCE = Path(__file__).parent.parent.parent / "src" / "sgz_ledger"


@pytest.mark.parametrize(
    ("text", "columns"),
    [
        ("", 0),
        ("abc", 3),
        ("崔寨村", 6),
        ("ＪＺ", 4),  # full-width Latin letters
        ("e\u0301", 1),  # a combining acute accent takes no column
        ("a\u200db", 2),  # a zero-width joiner neither
        ("±", 1),  # East Asian "ambiguous": one column outside CJK locales
        ("王芳 Wang", 9),
    ],
)
def test_display_width(text: str, columns: int) -> None:
    assert display_width(text) == columns


def test_pad_fills_to_terminal_columns() -> None:
    assert pad("崔寨", 6, "l") == "崔寨  "
    assert pad("崔寨", 6, "r") == "  崔寨"
    assert pad("崔寨村", 4, "l") == "崔寨村"  # never cut


def test_one_line_and_labels() -> None:
    assert one_line(" a\nb\r\n\x1b[31mc\u2028 ") == "a b [31mc"
    assert restriction_label("") == "非限定 unrestricted"
    assert restriction_label(None) == "合计 total"
    assert restriction_label("助学") == "助学"


def test_a_table_without_heads_has_no_rule_on_top() -> None:
    assert table((), [["a", "1"], None, ["bb", "22"]], "lr") == "a    1\n--  --\nbb  22"


# Cells without spaces (so a laid-out line splits back into its cells): ASCII, CJK,
# full-width letters, and letters carrying combining marks.
_LETTER = st.sampled_from([*"abcXYZ019崔寨村王芳ＪＺ", "e\u0301", "a\u0308"])
# Their terminal columns, written out rather than asked of the code under test.
_WIDE = set("崔寨村王芳ＪＺ")
_COMBINING = {"\u0301", "\u0308"}
_CELL = st.lists(_LETTER, min_size=1, max_size=6).map("".join)


def _columns(line: str) -> list[tuple[int, int]]:
    """Each cell's first and last terminal column on a laid-out line."""
    spans, column, start = [], 0, None
    for ch in line:
        if ch == " ":
            if start is not None:
                spans.append((start, column))
                start = None
            column += 1
            continue
        if start is None:
            start = column
        column += 2 if ch in _WIDE else 0 if ch in _COMBINING else 1
    if start is not None:
        spans.append((start, column))
    return spans


@given(
    align=st.lists(st.sampled_from("lr"), min_size=1, max_size=4).map("".join),
    data=st.data(),
)
def test_columns_line_up_on_every_row(align: str, data: st.DataObject) -> None:
    n = len(align)
    heads = [data.draw(st.lists(_CELL, min_size=n, max_size=n))]
    rows = data.draw(st.lists(st.lists(_CELL, min_size=n, max_size=n), min_size=1, max_size=5))
    lines = table(heads, rows, align).split("\n")
    rule = lines[1]
    assert set(rule) <= {"-", " "}
    laid_out = [lines[0], *lines[2:]]
    for line, cells in zip(laid_out, [*heads, *rows], strict=True):
        assert line.split() == cells
    spans = [_columns(line) for line in laid_out]
    rule_spans = _columns(rule.replace("-", "x"))
    for i, side in enumerate(align):
        if side == "l":
            assert {s[i][0] for s in spans} == {rule_spans[i][0]}
        else:
            assert {s[i][1] for s in spans} == {rule_spans[i][1]}


def test_one_function_decides_the_width_of_text() -> None:
    """Only ``render.layout`` asks Unicode how wide a character is: a second copy would drift
    (one did: it counted a combining mark as a column)."""
    askers = []
    for path in sorted(SOURCE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, (ast.Attribute, ast.Name, ast.alias)):
                name = getattr(node, "attr", None) or getattr(node, "id", None)
                name = name or getattr(node, "name", None)
                if name == "east_asian_width":
                    askers.append(str(path.relative_to(SOURCE)))
    assert sorted(set(askers)) == ["render/layout.py"]
