"""Every refusal's words, in Chinese and English, from the catalogue by its code.

The catalogue (``sgz_ledger.domain.messages``) is checked against the code that raises:
every error class reachable from ``sgz_ledger.errors`` has its reason in it; every code a
refusal, a field problem or a sheet row is raised with (read from the source) is in it,
with the values it names given; amounts read in yuan and durations in hours; and real
refusals say so in both languages.
"""

from __future__ import annotations

import ast
import datetime as dt
import importlib
import pkgutil
import re
import string
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import sgz_ledger
from conftest import open_test_fund
from project_support import a_station, request
from sgz_ledger import Ledger, errors
from sgz_ledger.domain.errors import (
    IdempotencyConflict,
    InsufficientFunds,
    InvalidInput,
    LedgerError,
    NotFound,
    StoreError,
)
from sgz_ledger.domain.messages import (
    LANGUAGES,
    MESSAGES,
    TERMS,
    Phrase,
    entry,
    language,
    render,
    set_language,
    template_fields,
    use_language,
)
from sgz_ledger.domain.money import format_yuan
from sgz_ledger.domain.units import format_hours
from sgz_ledger.render.errors import refusal_json
from sgz_ledger.service import commands as b
from sgz_ledger.sheets import SheetRefused, import_sheet

SOURCE = Path(sgz_ledger.__file__).parent
_CJK = re.compile("[\u4e00-\u9fff]")


def _error_classes() -> set[type[LedgerError]]:
    for info in pkgutil.walk_packages(sgz_ledger.__path__, "sgz_ledger."):
        if not info.name.endswith("__main__"):
            importlib.import_module(info.name)
    found: set[type[LedgerError]] = set()
    todo: list[type[LedgerError]] = [getattr(errors, name) for name in errors.__all__]
    todo = [c for c in todo if isinstance(c, type) and issubclass(c, LedgerError)]
    while todo:
        cls = todo.pop()
        if cls not in found:
            found.add(cls)
            todo.extend(cls.__subclasses__())
    return found


def _fields(code: str) -> dict[str, str]:
    """The values ``code``'s templates name, with their specs (the same in both)."""
    zh, en = MESSAGES[code]
    return {**template_fields(zh), **template_fields(en)}


# ---- the catalogue ------------------------------------------------------------------------


def test_every_error_class_has_its_reason_in_the_catalogue() -> None:
    classes = _error_classes()
    assert len(classes) > 50  # every one of sgz_ledger.errors, and their subclasses
    missing = sorted(c.__name__ for c in classes if c.reason not in MESSAGES)
    assert missing == []


@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_every_message_has_both_languages_naming_the_same_values(code: str) -> None:
    zh, en = MESSAGES[code]
    assert zh.strip()
    assert en.strip()
    if code.startswith("pydantic_"):
        # The English is pydantic's own (``detail``); the Chinese reads its context.
        assert en == "{detail}"
    else:
        assert template_fields(zh).keys() == template_fields(en).keys(), code
    # Words in the Chinese are Chinese: Latin letters only beside Chinese (a code, a
    # command) or in a name no language changes.
    literal = "".join(part for part, *_ in string.Formatter().parse(zh)).replace("SQLite", "")
    if re.search("[A-Za-z]{2}", literal):
        assert _CJK.search(literal), code


def test_every_word_has_both_languages() -> None:
    for word, (zh, en) in TERMS.items():
        assert zh, word
        assert en, word


@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_money_reads_in_yuan_and_time_in_hours(code: str) -> None:
    """A value kept in fen is shown through ``format_yuan``, one kept in seconds as hours:
    never the raw number a person would misread by a factor of 100 or 3600."""
    for name, spec in _fields(code).items():
        if name.endswith("_fen"):
            assert spec == "yuan", (code, name)
        if name.endswith("_s"):
            assert spec == "hours", (code, name)
        if spec == "yuan":
            assert name.endswith("_fen") or name in {"given", "recorded"}, (code, name)


# ---- every code raised, read from the source ----------------------------------------------


class _Site:
    """A call that names a message by a literal code: where, which code, the values given."""

    def __init__(self, where: str, code: str, given: set[str], partial: bool) -> None:
        self.where, self.code, self.given, self.partial = where, code, given, partial
        self.values: dict[str, ast.expr] = {}


def _literals(node: ast.expr | None) -> list[str]:
    """The codes a code argument can be: a string, or each branch of ``a if c else b``."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        return _literals(node.body) + _literals(node.orelse)
    return []


def _is_none(node: ast.expr | None) -> bool:
    return isinstance(node, ast.Constant) and node.value is None


def _sites() -> Iterator[_Site]:
    classes = {c.__name__: c for c in _error_classes()}
    generic = {n for n, c in classes.items() if "__init__" not in vars(c)}
    implied = {"LevelRefused": {"unit_id"}, "AccessRefused": {"station_id", "actor"}}
    for path in sorted(SOURCE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = ast.unparse(node.func)
            last = name.rsplit(".", 1)[-1]
            args, kw = node.args, {k.arg: k.value for k in node.keywords if k.arg}
            partial = any(k.arg is None for k in node.keywords)
            given = set(kw)
            where = f"{path.relative_to(SOURCE)}:{node.lineno}"
            codes: list[str] = []
            if name == "Phrase" or last in {"_bad", "_problem_phrase"}:
                codes = _literals(args[0]) if args else []
            elif name == "entry" and args:
                codes = [f"entry_{c}" for c in _literals(args[0])]
                given = {"key"}
            elif name == "InvalidInput.on":
                codes = _literals(args[1]) if len(args) > 1 else []
            elif last == "_refuse" and len(args) == 3 and "phrase" not in kw:
                codes = _literals(args[2])
            elif name.endswith(".problem") and len(args) == 2:
                codes = _literals(args[1])
            elif last in {"ChainKeyError", "UsageError"}:
                codes = _literals(args[0]) if args else []
            elif last in implied and args:
                codes = _literals(kw.pop("code", None)) or _literals(args[0])
                given = (set(kw) - {"code"}) | implied[last]
            elif last in {"NotFound", "require"} and len(args) >= 2:
                # ``require(found, kind, code)`` raises ``NotFound(kind, code)``.
                kind = args[0] if last == "NotFound" else args[1]
                codes = ["not_found"]
                given = {"kind", "key"}
                kw = {"kind": kind}
            elif last == "PeriodClosedError" and args:
                codes = _literals(args[0]) or (["period_closed"] if _is_none(args[0]) else [])
            elif last in generic:
                if not args or _is_none(args[0]):
                    codes = [classes[last].reason]
                else:
                    codes = _literals(args[0])
            for code in codes:
                site = _Site(where, code, given, partial)
                site.values = kw
                yield site


SITES = list(_sites())


def test_the_source_names_hundreds_of_codes() -> None:
    """The reading of the source finds what it is meant to (it can fail)."""
    assert len(SITES) > 400
    assert {"insufficient_funds_unrestricted", "over_budget", "sheet_refused"} <= set(MESSAGES)
    assert any(s.code == "refund_exceeds_gift" for s in SITES)


@pytest.mark.parametrize("site", SITES, ids=lambda s: f"{s.where}:{s.code}")
def test_every_code_raised_is_in_the_catalogue_with_its_values(site: _Site) -> None:
    assert site.code in MESSAGES, f"{site.where}: {site.code} is not in the catalogue"
    wanted = set(_fields(site.code))
    if not site.partial:
        assert wanted <= site.given, f"{site.where}: {site.code} needs {wanted - site.given}"
    # A word given as a literal is in the words, under its prefix.
    for name, spec in _fields(site.code).items():
        kind, _, prefix = spec.partition(".")
        value = site.values.get(name)
        if kind == "term" and isinstance(value, ast.Constant) and isinstance(value.value, str):
            assert (f"{prefix}_{value.value}" if prefix else value.value) in TERMS


# ---- no raw fen where yuan belongs ----------------------------------------------------------

_FEN_CODES = sorted(code for code in MESSAGES if any(n.endswith("_fen") for n in _fields(code)))


def _stand_in(spec: str, fen: int) -> object:
    """A value of the kind a spec formats, for rendering a template with made-up values."""
    if spec == "yuan":
        return fen
    if spec == "hours" or spec.startswith("plural."):
        return 5400
    if spec.startswith("terms") or spec == "list":
        return ["x"]
    if spec.startswith("%"):
        return dt.datetime(2024, 3, 1, 9, 30, tzinfo=dt.UTC)
    return "x"


@given(st.sampled_from(_FEN_CODES), st.integers(101, 10**11), st.sampled_from(LANGUAGES))
def test_no_message_shows_fen_where_yuan_belongs(code: str, fen: int, chosen: Any) -> None:
    fen = fen if fen % 100 else fen + 1  # a whole number of yuan reads the same digits
    params = {name: _stand_in(spec, fen) for name, spec in _fields(code).items()}
    text = render(code, params, chosen)
    assert str(fen) not in text
    assert format_yuan(fen) in text
    assert ("元" if chosen == "zh" else "yuan") in text


def test_every_amount_and_duration_code_is_checked() -> None:
    assert len(_FEN_CODES) >= 9
    assert "insufficient_funds" in _FEN_CODES
    assert format_hours(5400) == "1.5"


# ---- the errors whose class chooses their words ---------------------------------------------

D = dt.date(2024, 3, 1)


def _custom_errors() -> list[LedgerError]:
    """One refusal of every class that builds its message's values itself, each variant."""
    from sgz_ledger.domain.dates import FutureDate
    from sgz_ledger.domain.id_claims import DuplicateIdNumber
    from sgz_ledger.domain.projects import OverBudget, ProjectNotFound, UnknownBudgetLine
    from sgz_ledger.domain.teams import UnknownTeam, UnknownVolunteer
    from sgz_ledger.domain.volunteer import InsufficientCredit
    from sgz_ledger.service.unit_of_work import BatchCommandRefused
    from sgz_ledger.sheets.common import RowProblem

    funds = InsufficientFunds("助学", 120_000, 150_000)
    return [
        funds,
        InsufficientFunds("", 40_030, 40_031),
        InsufficientCredit(3600, 7200, 0),
        OverBudget("XM-1", "A1", 10_000, 35_000),
        OverBudget("XM-1", "A1", -5_000, 0, committed_fen=250_000, budget_fen=200_000),
        UnknownBudgetLine("XM-1", "Z9"),
        ProjectNotFound("XM-9"),
        UnknownTeam("T-9"),
        UnknownVolunteer("V-9"),
        NotFound("fund", "cz-nowhere"),
        NotFound("served_person", "secret", shown=False),
        DuplicateIdNumber("V-1"),
        FutureDate("occurred_on", D, D - dt.timedelta(days=1)),
        IdempotencyConflict(entry("receipt", "R-1"), "amount_fen", 100_000, 99_900),
        IdempotencyConflict(entry("record", "FW-1"), "duration_s", 3600, 5400),
        IdempotencyConflict(entry("receipt", "R-1"), "donor", "甲", "乙", shown=False),
        IdempotencyConflict(entry("fund", "F"), "name", "甲", "乙"),
        BatchCommandRefused(2, funds),
        StoreError.unreadable(ValueError("bad"), position=7),
        StoreError.unreadable(ValueError("bad"), nothing_recorded=True),
        StoreError.unreadable(ValueError("bad")),
        InvalidInput.on("year", "not_a_year", year=99999),
        SheetRefused(
            "gifts.csv",
            [
                RowProblem(
                    line=3, column="金额", reason="invalid_amount", phrase=Phrase("amount_zero")
                )
            ],
        ),
    ]


@pytest.mark.parametrize("error", _custom_errors(), ids=lambda e: f"{type(e).__name__}-{e.code}")
def test_the_classes_that_build_their_values_give_what_their_words_name(
    error: LedgerError,
) -> None:
    assert error.code in MESSAGES
    assert set(_fields(error.code)) <= set(error.params)
    for chosen in LANGUAGES:
        text = error.message(chosen)
        assert text != error.code
        assert f"{error.code} (" not in text
        for name, value in error.params.items():
            if name.endswith(("_fen", "_s")) and isinstance(value, int) and abs(value) > 100:
                assert str(value) not in text, (name, text)


def test_every_class_that_builds_its_values_has_an_example() -> None:
    custom = {c for c in _error_classes() if "__init__" in vars(c)}
    # Those whose code comes from the call site are read from the source above.
    by_site = {"LedgerError", "LevelRefused", "AccessRefused", "PeriodClosedError"}
    by_site |= {"ChainKeyError", "InvalidAmount"}
    shown = {type(e).__name__ for e in _custom_errors()}
    assert sorted(c.__name__ for c in custom if c.__name__ not in shown | by_site) == []


# ---- the setting ------------------------------------------------------------------------


def test_the_library_speaks_english_unless_told(monkeypatch: pytest.MonkeyPatch) -> None:
    error = NotFound("fund", "cz-nowhere")
    monkeypatch.delenv("SGZ_LEDGER_LANG")
    assert language() == "en"
    assert str(error) == "fund 'cz-nowhere' not found"
    monkeypatch.setenv("SGZ_LEDGER_LANG", "zh_CN.UTF-8")
    assert str(error) == "基金 “cz-nowhere” 不存在"
    monkeypatch.setenv("SGZ_LEDGER_LANG", "klingon")  # not a language: the default
    assert language() == "en"
    with use_language("zh"):
        assert str(error) == "基金 “cz-nowhere” 不存在"
        assert error.message("en") == "fund 'cz-nowhere' not found"
    assert language() == "en"


def test_set_language_is_for_the_process_and_use_language_overrides_it() -> None:
    try:
        set_language("zh")
        assert language() == "zh"
        with use_language("en"):
            assert language() == "en"
        assert language() == "zh"
    finally:
        set_language(None)
    assert language() == "en"  # the tests' SGZ_LEDGER_LANG
    with pytest.raises(ValueError, match="fr"):
        set_language("fr")  # type: ignore[arg-type]


# ---- field problems: pydantic's, in Chinese too ---------------------------------------------


def _refusal(call: Any) -> LedgerError:
    with pytest.raises(LedgerError) as caught:
        call()
    return caught.value


def test_pydantic_field_problems_say_it_in_chinese() -> None:
    data = {
        "fund_id": "x" * 100, "station_id": "s", "community": "c", "name": "n", "host": "h",
        "approval_threshold": "5000", "actor": "王芳", "occurred_on": "2024-03-01",
        "publicity_required": "maybe", "unknown": 1,
    }  # fmt: skip
    error = _refusal(lambda: b.validate_command(b.OpenFund, data))
    assert isinstance(error, InvalidInput)
    codes = {field: p.code for field, p in error.field_problems}
    assert codes["fund_id"] == "too_long_has"
    assert codes["unknown"] == "pydantic_extra_forbidden"
    assert codes["publicity_required"] == "pydantic_bool_type"
    assert codes["occurred_on"] == "pydantic_date_type"
    zh = error.message("zh")
    assert zh.startswith("输入有误：")
    assert "fund_id：最多 64 个字符（现有 100 个）" in zh
    assert "unknown：没有这一项（多余的输入）" in zh
    assert "publicity_required：应为 true 或 false" in zh
    en = error.message("en")
    assert "fund_id: must be at most 64 characters (it has 100)" in en
    assert "Extra inputs are not permitted" in en  # pydantic's own English


def test_a_field_problem_pydantic_names_no_chinese_for_keeps_its_english_under_a_chinese_head() -> (
    None
):
    phrase = Phrase("pydantic_other", detail="Input should be a valid UUID")
    assert phrase.message("zh") == "无效（Input should be a valid UUID）"
    assert phrase.message("en") == "Input should be a valid UUID"


# ---- real refusals, in both languages ---------------------------------------------------------


def test_insufficient_funds_in_yuan_in_both_languages() -> None:
    with Ledger("memory:") as ledger:
        open_test_fund(ledger)
        ledger.receive_cash(fund_id="cz-village", receipt_no="R-1", amount="1200", donor="某企业",
                            actor="王芳", occurred_on=dt.date(2024, 3, 1))  # fmt: skip
        ledger.request_disbursement(fund_id="cz-village", request_id="SQ-1", amount="1500.50",
                                    purpose="学习用品", payee="某文具店", actor="李强",
                                    occurred_on=dt.date(2024, 3, 2))  # fmt: skip
        error = _refusal(
            lambda: ledger.approve_disbursement(fund_id="cz-village", request_id="SQ-1",
                                                actor="张敏", occurred_on=dt.date(2024, 3, 3))
        )  # fmt: skip
    assert isinstance(error, InsufficientFunds)
    assert (error.reason, error.available_fen, error.needed_fen) == (
        "insufficient_funds",
        120_000,
        150_050,
    )
    assert error.params["available_fen"] == 120_000
    assert error.message("zh") == "非定向资金可用余额 1200.00 元，本次需要 1500.50 元"
    assert error.message("en") == (
        "unrestricted money has 1200.00 yuan available, 1500.50 yuan needed"
    )
    as_json = refusal_json(error, "zh")
    assert '"available_fen":120000' in as_json
    assert '"reason":"insufficient_funds"' in as_json


def test_over_budget_in_yuan_in_both_languages() -> None:
    with Ledger("memory:") as ledger:
        a_station(ledger)
        error = _refusal(lambda: ledger.request_disbursement(**request("SQ-1", "3500")))
    assert error.reason == "over_budget"
    assert error.message("zh") == (
        "项目 “XM-2024-01” 的预算科目 “A1” 还剩 3000.00 元，本次需要 3500.00 元"
        "（本站设置不允许超预算支出）"
    )
    assert error.message("en") == (
        "budget line 'A1' of project 'XM-2024-01' has 3000.00 yuan left, 3500.00 yuan needed "
        "(the station's policy does not allow spending over budget)"
    )


DONATIONS = """receipt_no,fund,date,kind,donor,amount,handler
R-1,cz-village,2024-03-01,cash,某企业,1200,王芳
R-2,cz-nowhere,2024-03-01,cash,某企业,100,王芳
R-3,cz-village,2024-03-01,cash,某企业,0,王芳
R-4,cz-village,2024-13-01,cash,某企业,5.005,王芳
"""


def test_a_sheet_with_bad_rows_names_every_row_in_both_languages() -> None:
    with Ledger("memory:") as ledger:
        open_test_fund(ledger)
        before = ledger.log_position()
        error = _refusal(lambda: import_sheet(ledger, DONATIONS.encode(), source="gifts.csv"))
        assert ledger.log_position() == before
    assert isinstance(error, SheetRefused)
    assert error.lines == (3, 4, 5)
    zh, en = error.message("zh"), error.message("en")
    assert zh.splitlines()[0] == "gifts.csv：拒绝导入，未记录任何内容（3 行有问题）："
    assert en.splitlines()[0] == "gifts.csv: refused, nothing recorded (3 bad lines):"
    assert "  第 3 行：基金 “cz-nowhere” 不存在 [not_found]" in zh.splitlines()
    assert "  line 3: fund 'cz-nowhere' not found [not_found]" in en.splitlines()
    assert "第 4 行，amount：'0' 必须大于零 [invalid_amount]" in zh
    assert "line 4, amount: '0' must be more than zero [invalid_amount]" in en
    assert "第 5 行，date：'2024-13-01' 不是存在的日期 [bad_date]" in zh
    assert "小数超过 2 位（分是最小单位）" in zh
    assert "has more than 2 decimals (fen is the smallest unit)" in en
    assert [(p.column, p.reason) for p in error.rows if p.line == 5] == [
        ("amount", "invalid_amount"),
        ("date", "bad_date"),
    ]
