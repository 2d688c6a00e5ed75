"""The domain's rules on texts kept in clear beside sealed personal data (rule 23)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sgz_ledger.domain.errors import InvalidInput
from sgz_ledger.domain.privacy import refuse_donor_name_in, refuse_volunteer_data_in

_words = st.text(alphabet="社区本人监护人志愿者 abc0123-", max_size=12)


@given(before=_words, after=_words)
def test_a_text_holding_a_volunteers_id_number_is_refused_wherever_it_is(
    before: str, after: str
) -> None:
    text = f"{before}11010519491231002x{after}"
    with pytest.raises(InvalidInput) as e:
        refuse_volunteer_data_in(
            [("reason", "本人申请"), ("requested_by", text)],
            names=["张三丰"],
            numbers=["11010519491231002X"],
        )
    assert [p[0] for p in e.value.problems] == ["requested_by"]


def test_short_values_are_not_searched_for() -> None:
    # A surname alone or a few digits are in too many words to mean the person.
    refuse_volunteer_data_in([("reason", "张 2024")], names=["张"], numbers=["2024"])
    refuse_donor_name_in("李", [("note", "李先生捐赠")], where="the gift")


def test_a_donors_name_is_found_as_names_are_compared() -> None:
    with pytest.raises(InvalidInput, match="the gift keeps in clear"):
        refuse_donor_name_in("Wang Fang", [("note", "from WANG FANG, thanks")], where="the gift")
    refuse_donor_name_in("王芳", [("note", "居民捐赠")], where="the gift")
