"""The command line's language: Chinese by default, ``--lang en|zh``, ``SGZ_LEDGER_LANG``.

A refusal is one line on stderr in the language chosen; with ``--json`` it is a JSON
object (its reason, code, message and values, money in fen). A setting that names neither
language is refused, not ignored.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from sgz_ledger import Ledger
from sgz_ledger.cli import EXIT_OK, EXIT_USAGE, main

DAY = dt.date(2024, 3, 1)
NOT_FOUND_ZH = "sgz-ledger: error: 基金 “nope” 不存在\n"
NOT_FOUND_EN = "sgz-ledger: error: fund 'nope' not found\n"
GIFTS = """票据号,基金,日期,类型,捐赠人,金额,经办人
R-1,cz,2024-03-01,现金,某企业,1200,王芳
R-2,cz,2024-03-01,现金,某企业,0,王芳
"""


@pytest.fixture
def store(tmp_path: Path) -> str:
    path = str(tmp_path / "station.db")
    with Ledger(path) as ledger:
        ledger.open_fund(fund_id="cz", station_id="cuizhai", community="崔寨村",
                         name="崔寨村社区基金", host="济南市慈善总会",
                         approval_threshold="5000", actor="王芳", occurred_on=DAY)  # fmt: skip
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def no_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    """The command line as a station runs it: no ``SGZ_LEDGER_LANG``."""
    monkeypatch.delenv("SGZ_LEDGER_LANG")


@pytest.mark.usefixtures("no_setting")
def test_the_command_line_speaks_chinese_by_default(
    store: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "--store", store, "statement", "--fund", "nope") == (
        EXIT_USAGE,
        "",
        NOT_FOUND_ZH,
    )


@pytest.mark.usefixtures("no_setting")
@pytest.mark.parametrize(
    "argv",
    [
        ("--lang", "en", "statement", "--fund", "nope"),
        ("statement", "--fund", "nope", "--lang", "en"),  # after the command, as --store
    ],
)
def test_lang_en_gives_english(
    store: str, capsys: pytest.CaptureFixture[str], argv: tuple[str, ...]
) -> None:
    assert run(capsys, "--store", store, *argv) == (EXIT_USAGE, "", NOT_FOUND_EN)


def test_the_environment_variable_chooses_and_lang_overrides_it(
    store: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SGZ_LEDGER_LANG", "en")
    assert run(capsys, "--store", store, "statement", "--fund", "nope")[2] == NOT_FOUND_EN
    assert run(capsys, "--store", store, "--lang", "zh", "statement", "--fund", "nope")[2] == (
        NOT_FOUND_ZH
    )
    monkeypatch.setenv("SGZ_LEDGER_LANG", "zh_CN.UTF-8")
    assert run(capsys, "--store", store, "statement", "--fund", "nope")[2] == NOT_FOUND_ZH


def test_a_setting_naming_no_language_is_refused(
    store: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SGZ_LEDGER_LANG", "fr")
    code, out, err = run(capsys, "--store", store, "statement", "--fund", "cz")
    assert (code, out) == (EXIT_USAGE, "")
    assert err == "sgz-ledger: error: SGZ_LEDGER_LANG='fr' 不是 zh 或 en\n"
    assert run(capsys, "--store", store, "--lang", "en", "statement", "--fund", "cz")[0] == (
        EXIT_OK
    )
    code, _, err = run(capsys, "--store", store, "--lang", "fr", "statement", "--fund", "cz")
    assert code == EXIT_USAGE
    assert "invalid choice: 'fr'" in err


@pytest.mark.usefixtures("no_setting")
def test_the_language_of_one_run_does_not_stay_in_the_process(
    store: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from sgz_ledger.domain.messages import language

    run(capsys, "--store", store, "statement", "--fund", "nope")
    assert language() == "en"  # the library's default: the run chose Chinese for itself


@pytest.mark.usefixtures("no_setting")
def test_a_refusal_under_json_is_json_with_its_reason_and_values(
    store: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "--store", store, "statement", "--fund", "nope", "--json")
    assert (code, out) == (EXIT_USAGE, "")
    assert json.loads(err) == {
        "error": {
            "reason": "not_found",
            "code": "not_found",
            "message": "基金 “nope” 不存在",
            "params": {"kind": "fund", "key": "nope"},
        }
    }


@pytest.mark.usefixtures("no_setting")
def test_a_usage_error_follows_the_language(store: str, capsys: pytest.CaptureFixture[str]) -> None:
    _, _, zh = run(capsys, "--store", store, "donors", "--donor", "某人")
    _, _, en = run(capsys, "--store", store, "--lang", "en", "donors", "--donor", "某人")
    assert "中没有捐赠人 “某人” 的捐赠" in zh
    assert "no gift of donor '某人' in SQLite file" in en


@pytest.mark.usefixtures("no_setting")
def test_a_refused_sheet_names_every_row_in_the_language(
    store: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    sheet = tmp_path / "gifts.csv"
    sheet.write_text(GIFTS, encoding="utf-8")
    code, _, zh = run(capsys, "--store", store, "import", str(sheet), "--entered-by", "王芳")
    assert code == EXIT_USAGE
    assert zh.splitlines() == [
        f"sgz-ledger: error: {sheet}：拒绝导入，未记录任何内容（1 行有问题）：",
        "  第 3 行，金额：'0' 必须大于零 [invalid_amount]",
    ]
    _, _, en = run(
        capsys, "--store", store, "--lang", "en", "import", str(sheet), "--entered-by", "王芳"
    )
    assert en.splitlines() == [
        f"sgz-ledger: error: {sheet}: refused, nothing recorded (1 bad line):",
        "  line 3, 金额: '0' must be more than zero [invalid_amount]",
    ]
