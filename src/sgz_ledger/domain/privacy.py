"""Personal data never goes where its erasure cannot reach (docs/rules.md, rule 23).

A volunteer's name, phone and ID number, and an individual donor's name, are sealed under a
key of their own so that destroying the key erases them. Texts stored in clear beside them
(an erasure's requester and reason, a gift's note) would outlive that erasure: these rules
refuse such texts before anything is recorded.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sgz_ledger.domain.errors import InvalidInput
from sgz_ledger.domain.messages import Phrase
from sgz_ledger.domain.text import person_key

__all__ = ["NAME_CHARS_MIN", "NUMBER_CHARS_MIN", "refuse_donor_name_in", "refuse_volunteer_data_in"]

# Shorter values are not searched for: one character (a surname alone) or a few digits
# are in too many words and dates to mean the person.
NAME_CHARS_MIN = 2
NUMBER_CHARS_MIN = 6


def refuse_volunteer_data_in(
    texts: Sequence[tuple[str, str]], *, names: Iterable[str], numbers: Iterable[str]
) -> None:
    """Refuse ``texts`` (field, text) that hold one of a volunteer's names, phones or ID
    numbers (every recorded version of them), compared without regard to case."""
    values = {v.upper() for v in numbers if len(v) >= NUMBER_CHARS_MIN}
    values.update(n.upper() for n in names if len(n) >= NAME_CHARS_MIN)
    problems = [
        (field, Phrase("holds_volunteer_data"))
        for field, text in texts
        if any(v in text.upper() for v in values)
    ]
    if problems:
        raise InvalidInput(problems)


def refuse_donor_name_in(name: str, texts: Sequence[tuple[str, str]], *, where: str) -> None:
    """Refuse ``texts`` (field, text) that hold an individual donor's name, compared as
    names are (``person_key``: case aside); ``where`` says what keeps
    the texts in clear."""
    if len(name) < NAME_CHARS_MIN:
        return
    wanted = person_key(name)
    problems = [
        (field, Phrase("holds_donor_name", where=where))
        for field, text in texts
        if wanted in person_key(text)
    ]
    if problems:
        raise InvalidInput(problems)
