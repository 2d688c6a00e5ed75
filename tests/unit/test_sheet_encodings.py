"""A sheet's encoding: UTF-8 or GB18030 told apart, Big5 refused unless named.

GB18030 decodes nearly any bytes, so a Big5 file (Traditional Chinese, as Excel in Taiwan
or Hong Kong saves CSV) would be read as GB18030 and its names stored garbled. These
tests use real Big5 bytes (Python's cp950 codec, as Windows writes Big5) of names and of
the roster's Chinese headers in Traditional characters, and check that such a file is
refused saying what it is and how to import it, that ``encoding="big5"`` imports it, and
that GB18030 files of ordinary Simplified Chinese are still read without a word.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sgz_ledger import Ledger
from sgz_ledger.cli import main
from sgz_ledger.domain.errors import InvalidInput
from sgz_ledger.sheets import KINDS, SheetRefused, import_sheet
from sgz_ledger.sheets.common import decode, read_sheet

# A roster as a station in Taiwan would write it: Traditional headers and names.
BIG5_ROSTER_ZH = (
    "志願者編號,姓名,性別,聯絡電話,服務隊,註冊日期,同意\n"
    "V001,陳大文,男,0912345678,敬老服務隊,2024-03-01,是\n"
    "V002,林美玲,女,0987654321,,2024-03-02,是\n"
)
# The same with the English column names, which a Big5 sheet must use: the Chinese names
# the importer knows are Simplified, and most of their characters are not in Big5.
BIG5_ROSTER_EN = (
    "volunteer_id,name,gender,phone,team,registered_on,consent\n"
    "V001,陳大文,男,0912345678,敬老服務隊,2024-03-01,yes\n"
    "V002,林美玲,女,0987654321,,2024-03-02,yes\n"
    "V003,張志強,男,,,2024-03-03,yes\n"
)
GB_ROSTER = (
    "志愿者编号,姓名,性别,联系电话,服务队,注册日期,同意\n"
    "V001,张伟,男,13900000000,敬老服务队,2024-03-01,是\n"
    "V002,李娜,女,13911112222,,2024-03-02,是\n"
)


@pytest.fixture
def mem() -> Iterator[Ledger]:
    ledger = Ledger("memory:")
    yield ledger
    ledger.close()


def test_the_big5_bytes_are_real_and_read_as_gb18030_they_are_garbled() -> None:
    data = BIG5_ROSTER_ZH.encode("cp950")
    garbled = data.decode("gb18030")  # what the importer read before: no error at all
    assert "陳大文" not in garbled
    assert data.decode("big5") == BIG5_ROSTER_ZH  # plain Big5, no Windows additions used


@pytest.mark.parametrize("text", [BIG5_ROSTER_ZH, BIG5_ROSTER_EN, "name\n王芳\n李強\n張敏\n"])
def test_a_big5_file_is_refused_saying_what_it_is_and_how_to_import_it(
    mem: Ledger, text: str
) -> None:
    with pytest.raises(SheetRefused) as refused:
        import_sheet(mem, text.encode("cp950"), source="名冊.csv")
    [problem] = refused.value.rows
    assert (problem.line, problem.reason) == (0, "encoding")
    assert "looks like Big5" in problem.message
    assert "--encoding big5" in problem.message
    assert mem.log_position() == 0


def test_a_big5_file_imports_with_its_encoding_named(mem: Ledger) -> None:
    summary = import_sheet(
        mem, BIG5_ROSTER_EN.encode("cp950"), encoding="big5", station_id="taipei"
    )
    assert (summary.encoding, summary.volunteers_registered) == ("Big5", 3)
    assert mem.personal_data("V003").name == "張志強"


def test_a_big5_file_with_traditional_headers_is_read_as_big5_when_named() -> None:
    # The header is read correctly (and then not recognised: Traditional column names are
    # not among the names the importer knows), instead of as mojibake.
    with pytest.raises(SheetRefused, match="no header naming a kind of sheet"):
        read_sheet(BIG5_ROSTER_ZH.encode("cp950"), KINDS, encoding="big5")
    text, encoding = decode(BIG5_ROSTER_ZH.encode("cp950"), encoding="big5")
    assert (text, encoding) == (BIG5_ROSTER_ZH, "Big5")


def test_a_gb18030_roster_is_still_read_without_a_word(mem: Ledger) -> None:
    summary = import_sheet(mem, GB_ROSTER.encode("gb18030"), station_id="cuizhai")
    assert (summary.encoding, summary.volunteers_registered) == ("GB18030", 2)
    assert mem.personal_data("V001").name == "张伟"


@pytest.mark.parametrize(
    ("encoding", "text", "shown"),
    [
        ("utf-8", GB_ROSTER, "UTF-8"),
        ("gb18030", GB_ROSTER, "GB18030"),
        ("big5", BIG5_ROSTER_EN, "Big5"),
        ("GB18030", GB_ROSTER, "GB18030"),  # the name in any case
    ],
)
def test_a_named_encoding_is_read_strictly(encoding: str, text: str, shown: str) -> None:
    codec = {"utf-8": "utf-8", "gb18030": "gb18030", "big5": "cp950"}[encoding.lower()]
    assert decode(text.encode(codec), encoding=encoding) == (text, shown)
    assert decode(b"\xef\xbb\xbf" + text.encode("utf-8"), encoding="utf-8") == (
        text,
        "UTF-8 (BOM)",
    )


def test_a_file_not_in_the_named_encoding_is_refused_at_its_line() -> None:
    data = "name\n王芳\n".encode("gb18030")
    with pytest.raises(SheetRefused) as refused:
        decode(data, encoding="utf-8", source="x.csv")
    [problem] = refused.value.rows
    assert (problem.line, problem.reason) == (2, "encoding")
    assert "not valid UTF-8" in problem.message


def test_an_unknown_encoding_is_invalid_input() -> None:
    with pytest.raises(InvalidInput) as refused:
        decode(b"name\n", encoding="latin-1")
    assert refused.value.problems[0][0] == "encoding"


# A GB18030 file of Simplified Chinese text, long or short, is never taken for Big5: the
# characters people write in names and notes are GB2312's common ones.
_COMMON_SIMPLIFIED = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜"
    "叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎"
    "贺顾毛郝龚邵万钱严覃武戴莫孔向汤芳伟娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华兰红"
    "玉梅志建国文民社区基金捐赠支出审批公示用途学习困难儿童老人服务队活动记录"
)
# Traditional family and given names, as a roster in Taiwan holds them.
_COMMON_TRADITIONAL = (
    "陳林黃張李王吳劉蔡楊許鄭謝郭洪曾邱廖賴徐周葉蘇莊呂江何蕭羅高潘簡朱鍾彭游詹胡施沈余盧"
    "梁趙顏柯翁魏孫戴范方宋鄧杜傅侯曹薛丁卓馬阮董溫唐藍石蔣古紀姚連馮歐程湯田康姜汪白鄒尤"
    "巫鐘黎涂龔嚴韓袁金童陸夏柳邵志明美玲淑芬雅婷家豪俊傑怡君"
)


@settings(max_examples=200)
@given(st.lists(st.text(alphabet=_COMMON_SIMPLIFIED, min_size=1, max_size=8), max_size=40))
def test_simplified_text_in_gb18030_is_never_taken_for_big5(names: list[str]) -> None:
    text = "name,note\n" + "".join(f"{name},{name[::-1]}\n" for name in names)
    decoded, encoding = decode(text.encode("gb18030"))  # never refused
    # (A very short GB18030 text can be valid UTF-8 as well, "支" is D6 A7, and is read as
    # such, as before: UTF-8 is tried first.)
    assert decoded == text or encoding == "UTF-8"


@settings(max_examples=200)
@given(
    st.lists(
        st.text(
            alphabet=_COMMON_TRADITIONAL,
            min_size=2,
            max_size=4,
        ),
        min_size=10,
        max_size=40,
    )
)
def test_traditional_names_in_big5_are_refused_unless_named(names: list[str]) -> None:
    """A roster of ten names or more. (Over a handful of characters the two readings can
    both be common words: about 4 in 10 of these names' characters, read as GB18030, are
    common GB2312 characters, so a few names may not tell; the refusal then does not come,
    and the import reads them as GB18030, as it always did.)"""
    text = "name\n" + "".join(f"{name}\n" for name in names)
    data = text.encode("cp950")
    with pytest.raises(SheetRefused, match="looks like Big5"):
        decode(data)
    assert decode(data, encoding="big5") == (text, "Big5")


def test_the_cli_imports_big5_only_with_encoding_big5(tmp_path: Path) -> None:
    sheet = tmp_path / "名冊.csv"
    sheet.write_bytes(BIG5_ROSTER_EN.encode("cp950"))
    store = str(tmp_path / "station.db")
    assert main(["--store", store, "import", str(sheet)]) == 2
    assert main(["--store", store, "import", str(sheet), "--encoding", "big5"]) == 0
    ledger = Ledger(store)
    try:
        assert ledger.personal_data("V001").name == "陳大文"
    finally:
        ledger.close()


def test_a_date_in_a_big5_file_is_read(mem: Ledger) -> None:
    # Nothing of the reading past the decoding depends on the encoding.
    import_sheet(mem, BIG5_ROSTER_EN.encode("cp950"), encoding="big5")
    registered = mem.volunteer("V002").state.registered
    assert registered is not None
    assert registered.registered_on == dt.date(2024, 3, 2)
