"""Text at the boundary: the one canonical form of every key, name and note (pure, no I/O).

Everything a person types reaches the ledger through ``canonical_text`` before it is
compared or stored, whichever way it came (the API, a batch, a sheet, the command line):

* **Refused**, with the character and its position named: control characters (C0 and C1,
  NUL included, DEL), line and paragraph separators (U+2028, U+2029), invisible and
  formatting characters (zero-width spaces and joiners, the byte-order mark, soft hyphens,
  variation selectors and the other default-ignorable code points), text-direction
  controls (U+200E, U+200F, U+061C, U+202A..U+202E, U+2066..U+2069), private-use,
  surrogate and unassigned code points. Each of them can make two texts that look the same
  differ (a second gift under one receipt number, a second approver under one name) or
  make a printed report lie about its own order (a right-to-left override).
* **Whitespace**: trimmed, and every run of spaces, tabs, full-width or no-break spaces
  is one ASCII space.
* **Keys and names** (codes, people, funds, restrictions: everything that is compared)
  take their compatibility form, NFKC (``Ｂｏｂ`` is ``Bob``, ``ＪＺ-００１`` is ``JZ-001``),
  and lose a space between two Chinese characters (``张 敏`` is ``张敏``; ``Li Wei``
  stays ``Li Wei``, ``张 Bob`` keeps its space): Chinese puts no space between characters,
  so one typed there is a slip of the keyboard or of the alignment.
* **Prose** (reasons, purposes, notes: read by people, compared by nobody) takes NFC
  only, so that ``原路退回，`` keeps its Chinese comma and ``10 m²`` its superscript, and
  keeps a space between phrases (``春节慰问 按出库单计价``).
* **Line breaks** (CR, LF, CRLF) are refused in keys and names. Prose keeps its lines,
  each ended by LF (CRLF and CR become LF), each trimmed and collapsed as above, without
  blank lines at its start or end; whatever shows prose on one line (the trail, a table)
  joins its lines itself. U+2028, U+2029 and the other line-ending controls (VT, FF,
  NEL) are refused everywhere.

Text that is already canonical ASCII is returned unchanged (the same object): the
aggregates' UUIDs derive from their codes, and an existing code must keep its UUID.

Amounts, dates and times are not text here: their parsers read digits strictly and map
only full-width forms (``fold_width``), since NFKC would turn ``10²`` into ``102``.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from sgz_ledger.domain.errors import InvalidInput
from sgz_ledger.domain.messages import Phrase

__all__ = [
    "TextRefused",
    "canonical_field",
    "canonical_query",
    "canonical_text",
    "fold_width",
    "person_key",
    "same_person",
]

# Control characters of ASCII other than the whitespace the text may hold.
_ASCII_REFUSED_ONE_LINE = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")
_ASCII_REFUSED_MULTILINE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Default-ignorable code points (Unicode's DerivedCoreProperties) that ``str.isprintable``
# lets through: they are marks or letters by category, but show as nothing, so a key
# holding one looks like a key without it. (The others are Cf or Cn, which are refused.)
_INVISIBLE_PRINTABLE = re.compile(
    "[\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u3164\ufe00-\ufe0f\uffa0"
    "\U0001bca0-\U0001bca3\U000e0100-\U000e01ef]"
)
_BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
_LINE_BREAKS = frozenset("\r\n")
# Chinese characters, for the spaces dropped between two of them: CJK radicals, the CJK
# symbols and punctuation block (、。「」《》〇...), the unified ideographs with extension A,
# the compatibility ideographs, and the ideographs of the supplementary planes.
_CJK = "\u2e80-\u2fdf\u3001-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_CJK_SPACE = re.compile(f"(?<=[{_CJK}]) (?=[{_CJK}])")
# Full-width forms of ASCII (U+FF01..U+FF5E) and the ideographic space, to their ASCII
# forms: the only mapping applied to numbers, where NFKC would also read superscripts,
# fractions and circled digits as digits.
_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20, 0xFFE5: 0xA5}


class TextRefused(ValueError):
    """Text that holds a character the ledger does not store.

    Attributes:
        char: the character refused.
        position: its position in the text as given (1 = the first character).
        phrase: what is wrong (without the field, which the caller names), in either
            language; ``message`` in the setting's.
    """

    def __init__(self, char: str, position: int, kind: str) -> None:
        self.char = char
        self.position = position
        self.phrase = Phrase(f"text_{kind}", char=_describe(char), position=position)
        super().__init__(kind)

    @property
    def message(self) -> str:
        """What is wrong, in the setting's language."""
        return str(self.phrase)

    def __str__(self) -> str:
        return self.message


def _describe(char: str) -> str:
    code = f"U+{ord(char):04X}"
    name = unicodedata.name(char, "")
    return f"{code} {name}" if name else code


def _refusal(char: str, position: int, multiline: bool) -> TextRefused | None:
    """Why ``char`` is refused in text, or ``None`` when it may stay."""
    if char.isprintable():
        if _INVISIBLE_PRINTABLE.match(char):
            return TextRefused(char, position, "invisible")
        return None
    if char == "\t" or (char.isspace() and unicodedata.category(char) == "Zs"):
        return None  # whitespace: collapsed to one space
    if char in _LINE_BREAKS:
        if multiline:
            return None
        return TextRefused(char, position, "line_break")
    if char in _BIDI_CONTROLS:
        return TextRefused(char, position, "direction_control")
    kind = {
        "Cc": "control",
        "Zl": "line_separator",
        "Zp": "paragraph_separator",
        "Co": "private_use",
        "Cs": "surrogate",
        "Cn": "unassigned",
    }.get(unicodedata.category(char), "invisible")
    return TextRefused(char, position, kind)


def _check(text: str, multiline: bool) -> None:
    """Raise ``TextRefused`` for the first character of ``text`` that may not stay."""
    if text.isprintable() and not _INVISIBLE_PRINTABLE.search(text):
        return
    for position, char in enumerate(text, 1):
        refusal = _refusal(char, position, multiline)
        if refusal is not None:
            raise refusal


def canonical_text(text: str, *, prose: bool = False, multiline: bool = False) -> str:
    """``text`` in its canonical form (see the module's docs), or ``TextRefused``.

    Args:
        prose: the form of prose (NFC, spaces between Chinese characters kept) instead of
            the form of keys and names (NFKC, such spaces dropped).
        multiline: line breaks are kept (as LF: prose) instead of refused.

    Idempotent: the canonical form of a canonical text is itself.
    """
    if text.isascii():
        # Fast path (every ASCII code, name and number a sheet holds): ASCII is its own
        # NFKC and NFC form, and holds no Chinese characters; only spaces may change.
        if text.isprintable():
            if not text or (text[0] != " " and text[-1] != " " and "  " not in text):
                return text
            return " ".join(text.split())
        refused = (_ASCII_REFUSED_MULTILINE if multiline else _ASCII_REFUSED_ONE_LINE).search(text)
        if refused is not None:
            char = refused.group()
            position = refused.start() + 1
            error = _refusal(char, position, multiline)
            assert error is not None
            raise error
        return _spaces(text, prose, multiline)
    _check(text, multiline)
    # No character that passes ``_check`` has a normal form holding one that does not
    # (tests/property/test_text_property.py checks every code point), so one check suffices.
    return _spaces(unicodedata.normalize("NFC" if prose else "NFKC", text), prose, multiline)


def _spaces(text: str, prose: bool, multiline: bool) -> str:
    """``text`` (checked, normalised) trimmed, its whitespace runs one space, and (for keys
    and names) without spaces between Chinese characters; a note line by line."""
    if multiline and ("\n" in text or "\r" in text):
        lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        return "\n".join(_spaces(line, prose, False) for line in lines).strip("\n")
    collapsed = " ".join(text.split())
    if not prose and " " in collapsed and not collapsed.isascii():
        collapsed = _CJK_SPACE.sub("", collapsed)
    return collapsed


def canonical_field(
    value: str,
    field: str,
    *,
    max_length: int | None = None,
    prose: bool = False,
    multiline: bool = False,
    required: bool = True,
) -> str:
    """``canonical_text`` for one named input, refusing with ``InvalidInput`` naming ``field``
    (and refusing an empty one when ``required``).

    For inputs outside the command models: query arguments, import options.
    """
    if not isinstance(value, str):
        raise InvalidInput.on(field, "not_text", given_type=type(value).__name__)
    try:
        normal = canonical_text(value, prose=prose, multiline=multiline)
    except TextRefused as e:
        raise InvalidInput.on(field, "value_refused", value=value, why=e.phrase) from None
    if required and not normal:
        raise InvalidInput.on(field, "empty")
    if max_length is not None and len(normal) > max_length:
        raise InvalidInput.on(field, "too_long", max_length=max_length)
    return normal


def canonical_query(value: str | None, field: str, *, required: bool = True) -> str | None:
    """A query's code or name (a fund, a station, a donor) as the ledger stores it, so that
    ``" ｃｚ-cuizhai "`` finds ``cz-cuizhai``; ``None`` stays ``None`` (no filter).

    Raises:
        InvalidInput: naming ``field``, when the text is refused (or empty, if ``required``).
    """
    return None if value is None else canonical_field(value, field, required=required)


def person_key(name: str) -> str:
    """How two canonical names of people compare: also ignoring case (``Bob`` is ``bob``).

    For comparison only; a name is stored as written. Case carries no identity in a
    person's name, and a requester must not become another person (and so their own
    approver) by retyping their name in capitals. NFKC again after case folding, as
    Unicode's NFKC_Casefold does, since folding can leave a text that is not NFKC.
    """
    folded = name.casefold()
    return folded if folded.isascii() else unicodedata.normalize("NFKC", folded)


# An annotation in brackets after or inside a name says in what capacity someone signed
# ("李强（代）", "李强(代签)", "王芳【出纳】"), never who signed.
_ANNOTATION = re.compile(r"[(\[【〔（][^)\]】〕）]*[)\]】〕）]")
# The separators of names written in several parts (阿依古丽·买买提): one dot, however typed.
_NAME_DOTS = str.maketrans(dict.fromkeys("•・‧∙.", "·"))


@lru_cache(maxsize=65_536)
def signer_key(name: str) -> str:
    """Who a name stands for when it signs a step (a request, an approval, a payment).

    ``person_key`` with bracketed annotations removed, every space removed and the dots of a
    several-part name made one dot, so that "李强（代）" and "张 敏" cannot pass for a second
    person beside "李强" and "张敏". Stricter than ``person_key`` (which also keys donors'
    sealed names, and so must not change): two names that differ only in these ways are one
    signer, the safe direction for maker-checker. A name that is all annotation keeps it.
    Cached: every approval and payment compares its signers.
    """
    key = person_key(name)
    bare = "".join(_ANNOTATION.sub(" ", key).split()).translate(_NAME_DOTS)
    return bare or "".join(key.split())


def same_person(first: str, second: str) -> bool:
    """Whether two canonical names name the same signer (``signer_key`` equal)."""
    return first == second or signer_key(first) == signer_key(second)


def fold_width(text: str) -> str:
    """Full-width ASCII forms (``１２３``, ``，``, ``－``, ``：``) and the ideographic space
    as ASCII, and the full-width yen sign as ``¥``; nothing else changes.

    For digits and their separators: unlike NFKC it never makes a digit of what is not one
    (``²``, ``½``, ``①``), so a number keeps the meaning it shows.
    """
    return text if text.isascii() else text.translate(_WIDTH)
