"""Text at the boundary: what the canonical form of a key, a name and prose is, and what
is refused (every class of character named in docs/design.md, "Text at the boundary")."""

from __future__ import annotations

import pytest

from sgz_ledger.domain.errors import InvalidInput
from sgz_ledger.domain.text import (
    TextRefused,
    canonical_field,
    canonical_query,
    canonical_text,
    fold_width,
    person_key,
    same_person,
    signer_key,
)

# ---- the canonical form of keys and names ---------------------------------------------------


@pytest.mark.parametrize(
    ("given", "canonical"),
    [
        ("Ｂｏｂ", "Bob"),  # full-width letters
        ("１２３", "123"),  # full-width digits
        ("ＪＺ-001", "JZ-001"),
        ("ＪＺ－００１", "JZ-001"),  # full-width hyphen-minus too
        ("张 敏", "张敏"),  # no space between Chinese characters
        ("张\u3000敏", "张敏"),  # the ideographic space is a space
        ("张\u00a0\u00a0敏", "张敏"),  # no-break spaces
        ("管委会 - 张敏", "管委会 - 张敏"),  # a space beside a hyphen stays
        ("Li Wei", "Li Wei"),
        ("张 Bob", "张 Bob"),
        ("  王芳\t ", "王芳"),  # trimmed, tabs are whitespace
        ("a \t  b", "a b"),  # a run of whitespace is one space
        ("刘  社 工", "刘社工"),
        ("崔寨村（一组）", "崔寨村(一组)"),  # full-width brackets under NFKC
        ("e\u0301", "é"),  # composed
        ("ﬁ", "fi"),  # a compatibility ligature
        ("", ""),
        ("   ", ""),
    ],
)
def test_keys_and_names_take_one_form(given: str, canonical: str) -> None:
    assert canonical_text(given) == canonical


@pytest.mark.parametrize("text", ["cz-cuizhai", "JZ-2024-001", "V001", "a b c", "x", "1,000"])
def test_canonical_ascii_is_the_same_object(text: str) -> None:
    # An aggregate's UUID derives from its code: an existing code must not change.
    assert canonical_text(text) is text


# ---- refused, with the character and where it is ---------------------------------------------

REFUSED = [
    ("\u200b", "an invisible character"),  # zero-width space
    ("\u200c", "an invisible character"),  # zero-width non-joiner
    ("\u200d", "an invisible character"),  # zero-width joiner
    ("\u2060", "an invisible character"),  # word joiner
    ("\ufeff", "an invisible character"),  # byte-order mark / zero-width no-break space
    ("\u00ad", "an invisible character"),  # soft hyphen
    ("\u034f", "an invisible character"),  # combining grapheme joiner
    ("\ufe0f", "an invisible character"),  # variation selector 16
    ("\u3164", "an invisible character"),  # Hangul filler
    ("\U000e0041", "an invisible character"),  # a tag character
    ("\u200e", "a text-direction control"),  # left-to-right mark
    ("\u200f", "a text-direction control"),  # right-to-left mark
    ("\u061c", "a text-direction control"),  # Arabic letter mark
    *[(chr(c), "a text-direction control") for c in range(0x202A, 0x202F)],
    *[(chr(c), "a text-direction control") for c in range(0x2066, 0x206A)],
    ("\x00", "a control character"),
    ("\x01", "a control character"),
    ("\x1b", "a control character"),  # escape: a terminal's
    ("\x7f", "a control character"),
    ("\x85", "a control character"),  # next line (C1)
    ("\x9b", "a control character"),  # C1
    ("\x0b", "a control character"),  # vertical tab
    ("\x0c", "a control character"),  # form feed
    ("\u2028", "a line separator"),
    ("\u2029", "a paragraph separator"),
    ("\ue000", "a private-use character"),
    ("\U000f0000", "a private-use character"),
    ("\ud800", "a lone surrogate"),
    ("\u0378", "an unassigned code point"),
]


@pytest.mark.parametrize(("char", "what"), REFUSED)
@pytest.mark.parametrize(("prose", "multiline"), [(False, False), (True, True)])
def test_refused_everywhere_naming_the_character_and_its_position(
    char: str, what: str, prose: bool, multiline: bool
) -> None:
    with pytest.raises(TextRefused) as refused:
        canonical_text(f"JZ{char}001", prose=prose, multiline=multiline)
    assert (refused.value.char, refused.value.position) == (char, 3)
    assert what in refused.value.message
    assert f"U+{ord(char):04X}" in refused.value.message


@pytest.mark.parametrize("text", ["王芳\n", "a\rb", "a\r\nb", "\n"])
def test_a_line_break_is_refused_in_a_key_or_name(text: str) -> None:
    with pytest.raises(TextRefused, match="a line break"):
        canonical_text(text)


# ---- prose -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "canonical"),
    [
        ("捐赠方多转1000元，原路退回", "捐赠方多转1000元，原路退回"),  # keeps its comma
        ("面积 10 m²", "面积 10 m²"),  # and its superscript
        ("春节慰问 按出库单计价", "春节慰问 按出库单计价"),  # and its spaces
        ("e\u0301", "é"),  # NFC
        ("a\r\nb\rc\nd", "a\nb\nc\nd"),  # lines end in LF
        ("  \n 第一行  说明 \n\n 第三行 \n  ", "第一行 说明\n\n第三行"),
        ("\t", ""),
    ],
)
def test_prose_keeps_what_people_wrote_in_one_form(given: str, canonical: str) -> None:
    assert canonical_text(given, prose=True, multiline=True) == canonical


# ---- people ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        ("Bob", "bob", True),
        ("Bob", "BOB", True),
        ("Straße", "STRASSE", True),
        ("张敏", "张敏", True),
        ("Bob", "Rob", False),
        ("刘社工", "刘社", False),
    ],
)
def test_people_compare_ignoring_case(first: str, second: str, same: bool) -> None:
    assert same_person(first, second) is same
    assert same_person(second, first) is same
    assert (person_key(first) == person_key(second)) is same


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        ("李强", "李强（代）", True),  # signing for someone is still signing
        ("李强", "李强(代签)", True),
        ("王芳", "王芳【出纳】", True),
        ("张敏", "张 敏", True),  # not canonical text, yet one signer
        ("Zhang Min", "zhangmin", True),
        ("阿依古丽·买买提", "阿依古丽•买买提", True),
        ("李强", "李刚", False),
        ("李强", "李强强", False),
        ("（代）", "(代)", True),  # all annotation: compared as written
        ("（代）", "（审）", False),
    ],
)
def test_signers_compare_without_annotations_or_spaces(first: str, second: str, same: bool) -> None:
    assert same_person(first, second) is same
    assert same_person(second, first) is same
    assert (signer_key(first) == signer_key(second)) is same


def test_donor_names_keep_their_key() -> None:
    # ``person_key`` keys donors' sealed names in stores already written: it must not learn
    # the signer's leniency, or a donor's next gift would get a second key.
    assert person_key("Li Qiang") == "li qiang"
    assert person_key("李强（代）") == "李强(代)"


# ---- one named input -----------------------------------------------------------------------


def test_a_named_input_is_refused_naming_its_field() -> None:
    with pytest.raises(InvalidInput) as refused:
        canonical_field("a\x00b", "donor")
    [(field, message)] = refused.value.problems
    assert field == "donor"
    assert "control character" in message
    with pytest.raises(InvalidInput, match="fund_id: must not be empty"):
        canonical_field(" \u3000 ", "fund_id")
    with pytest.raises(InvalidInput, match="at most 3 characters"):
        canonical_field("ａｂｃｄ", "code", max_length=3)
    assert canonical_field("ａｂｃ", "code", max_length=3) == "abc"
    assert canonical_field("", "donor", required=False) == ""
    with pytest.raises(InvalidInput, match="fund_id: must be text, not int"):
        canonical_field(123, "fund_id")  # type: ignore[arg-type]


def test_a_query_without_a_value_is_no_filter() -> None:
    assert canonical_query(None, "fund_id") is None
    assert canonical_query(" ｃｚ-cuizhai ", "fund_id") == "cz-cuizhai"


# ---- widths, for numbers -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "folded"),
    [
        ("１２０００", "12000"),
        ("１，０００．５０", "1,000.50"),
        ("￥３００", "¥300"),
        ("２０２４－０３－０１", "2024-03-01"),
        ("10²", "10²"),  # not a digit: NFKC would make 102 of it
        ("½", "½"),
        ("①", "①"),
        ("١٢", "١٢"),  # Arabic-Indic digits stay what they are
    ],
)
def test_fold_width_maps_only_full_width_forms(given: str, folded: str) -> None:
    assert fold_width(given) == folded
