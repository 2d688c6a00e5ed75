"""Properties of the canonical form of text (``sgz_ledger.domain.text``), for any text at all.

* idempotent: the canonical form of a canonical text is itself;
* what it gives never holds a refused character (checked against Unicode's own classes:
  the general categories and the Default_Ignorable_Code_Point list, not the module's code);
* canonical ASCII text is unchanged (existing codes keep their aggregate UUIDs);
* texts that are NFKC-equal (full-width or half-width, composed or decomposed) give the
  same key or name, or are both refused;
* no character that is allowed has a normal form holding one that is not (the module
  checks a text once, before normalising it).
"""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from sgz_ledger.domain.text import (
    TextRefused,
    canonical_text,
    fold_width,
    person_key,
    same_person,
    signer_key,
)

# Unicode's Default_Ignorable_Code_Point (DerivedCoreProperties.txt): characters shown as
# nothing, which a key must not hold. Written out here so that the test does not share the
# module's list.
DEFAULT_IGNORABLE = [
    (0x00AD, 0x00AD),
    (0x034F, 0x034F),
    (0x061C, 0x061C),
    (0x115F, 0x1160),
    (0x17B4, 0x17B5),
    (0x180B, 0x180F),
    (0x200B, 0x200F),
    (0x202A, 0x202E),
    (0x2060, 0x206F),
    (0x3164, 0x3164),
    (0xFE00, 0xFE0F),
    (0xFEFF, 0xFEFF),
    (0xFFA0, 0xFFA0),
    (0xFFF0, 0xFFF8),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0000, 0xE0FFF),
]
REFUSED_CATEGORIES = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}
FORMS = [
    pytest.param({}, id="key-or-name"),
    pytest.param({"prose": True, "multiline": True}, id="prose"),
]


def ignorable(char: str) -> bool:
    code = ord(char)
    return any(low <= code <= high for low, high in DEFAULT_IGNORABLE)


def allowed_in_output(char: str, multiline: bool) -> bool:
    if char == "\n":
        return multiline
    category = unicodedata.category(char)
    if category == "Zs":
        return char == " "  # every other space became one ASCII space
    return category not in REFUSED_CATEGORIES and not ignorable(char)


def outcome(text: str, **form: bool) -> str | None:
    """The canonical form, or ``None`` when the text is refused."""
    try:
        return canonical_text(text, **form)
    except TextRefused:
        return None


# Texts of the characters that matter here, mixed with any text at all.
_INTERESTING = (
    " \t\r\n\u3000\u00a0\u2003\u1680张敏刘社工李四王芳ＢｏｂＪＺ０１２-,，、()（）"
    "e\u0301\u0308\u00b4ﬁ²½①\u200b\u200d\u202e\u2066\ufeff\u00ad\ufe0f\u3164\x00\x1b\x85"
    "\u2028\ue000Aa"
)
texts = st.one_of(
    st.text(),
    st.text(alphabet=_INTERESTING, max_size=12),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=12),
)


@pytest.mark.parametrize("form", FORMS)
@settings(max_examples=500)
@given(text=texts)
@example(text="a\u00b4")  # NFKC: "a \u0301", a space before a combining mark
@example(text="\u00b4")
@example(text="张 \u0301敏")
@example(text="x \r\n y")
def test_the_canonical_form_is_idempotent(form: dict[str, bool], text: str) -> None:
    once = outcome(text, **form)
    if once is not None:
        assert canonical_text(once, **form) == once


@pytest.mark.parametrize("form", FORMS)
@settings(max_examples=500)
@given(text=texts)
def test_the_canonical_form_holds_no_refused_character(form: dict[str, bool], text: str) -> None:
    once = outcome(text, **form)
    if once is None:
        return
    multiline = form.get("multiline", False)
    assert all(allowed_in_output(char, multiline) for char in once), repr(once)
    for line in once.split("\n"):
        assert line == line.strip(" ")
        assert "  " not in line
    assert not once.startswith("\n")
    assert not once.endswith("\n")


@pytest.mark.parametrize("form", FORMS)
@settings(max_examples=300)
@given(text=st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x7E)))
def test_canonical_ascii_text_is_unchanged(form: dict[str, bool], text: str) -> None:
    canonical = " ".join(text.split())
    assert canonical_text(canonical, **form) == canonical


@settings(max_examples=500)
@given(text=texts)
@example(text="Ｂｏｂ")
@example(text="ＪＺ-001")
@example(text="张\u3000敏")
def test_nfkc_equal_texts_are_one_key(text: str) -> None:
    expected = outcome(text)
    for variant in (
        unicodedata.normalize("NFKC", text),
        unicodedata.normalize("NFD", text),
        unicodedata.normalize("NFKD", text),
        unicodedata.normalize("NFC", text),
    ):
        assert outcome(variant) == expected, (text, variant)


@settings(max_examples=300)
@given(text=st.text(alphabet=st.characters(min_codepoint=0x21, max_codepoint=0x7E)))
def test_full_width_spellings_are_the_same_key(text: str) -> None:
    full_width = "".join(chr(ord(char) + 0xFEE0) for char in text)
    assert canonical_text(full_width) == canonical_text(text)


@pytest.mark.parametrize("form", ["NFKC", "NFC"])
def test_no_allowed_character_normalises_to_a_refused_one(form: str) -> None:
    """The module checks a text before normalising it, once; this is why that suffices."""
    for code in range(0x110000):
        char = chr(code)
        if outcome(char, multiline=True) is None:
            continue
        normal = unicodedata.normalize(form, char)
        assert all(allowed_in_output(c, True) or c.isspace() for c in normal), hex(code)


@given(st.text(), st.text())
def test_same_person_is_an_equivalence_on_canonical_names(first: str, second: str) -> None:
    a, b = outcome(first), outcome(second)
    if a is None or b is None:
        return
    assert same_person(a, a)
    assert same_person(a, b) == same_person(b, a)
    assert same_person(a, b) == (signer_key(a) == signer_key(b))
    if person_key(a) == person_key(b):  # the signer's key is only ever coarser
        assert same_person(a, b)
    if a.isascii():  # a Latin name in any case is one person
        assert same_person(a, a.upper())
        assert same_person(a.lower(), a)


@given(st.text())
def test_fold_width_never_makes_a_digit_of_what_is_not_one(text: str) -> None:
    folded = fold_width(text)
    assert len(folded) == len(text)
    for before, after in zip(text, folded, strict=True):
        if after in "0123456789":
            assert before == after or unicodedata.name(before).startswith("FULLWIDTH DIGIT")


_NO_BRACKETS = st.text(alphabet=st.characters(blacklist_characters="()[]【】〔〕（）"), max_size=8)


@given(st.sampled_from(["李强", "张敏", "Li Qiang", "阿依古丽·买买提"]), _NO_BRACKETS)
def test_an_annotation_never_makes_a_second_signer(name: str, note: str) -> None:
    for variant in (f"{name}（{note}）", f"{name}({note})", f"{name}【{note}】", f" {name} "):
        signed = outcome(variant)
        if signed is not None:
            assert same_person(name, signed), variant
