"""Hostile inputs: through the API, every kind of sheet and the CLI, on SQLite and PostgreSQL.

"Think like a forger, then like a clerk." Each input below is something a forger (or a
damaged file, or a careless paste) sends: invisible characters that make a second key
look like the first, text-direction controls that reorder a printed name, control
characters and NUL, line separators, variant spellings of a person approving their own
request, amounts whose commas or superscripts would change the number, impossible dates,
text too long once normalised, a Big5 file. For each:

* a typed error (a ``LedgerError`` with its ``reason``) naming the field; for a sheet, the
  line and the column; for the CLI, exit code 2 with a sentence and no traceback;
* the store's events and views byte-for-byte unchanged: every table of the store (and,
  on PostgreSQL, its sequences) is read raw before and after (``store_dump``).

Variant spellings of keys that exist already must be the same key: the same gift again
under ``ＪＺ-001`` is a repeat (nothing recorded) or a conflict, never a second gift.

The store is built once per backend (a fund with a gift and two requests, a volunteer
with a service record) and shared by every case: a case may not change it, so sharing
also checks that no case changed it for the next.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from sgz_ledger import Ledger
from sgz_ledger.cli import main
from sgz_ledger.domain.errors import (
    ApprovalRefused,
    IdempotencyConflict,
    InvalidAmount,
    InvalidInput,
    LedgerError,
    RuleViolation,
)
from sgz_ledger.sheets import SheetRefused, import_sheet
from store_dump import differences, dump_store

pytestmark = pytest.mark.filterwarnings(
    "ignore::sgz_ledger.storage.sealing.PersonalDataInClearWarning"
)

FUND, STATION = "cz-cuizhai", "cuizhai"
D = dt.date(2024, 3, 1)
CST = dt.timezone(dt.timedelta(hours=8))

# Every class of character the canonical form refuses, by a short name.
FORBIDDEN = {
    "zwsp": "\u200b",
    "zwnj": "\u200c",
    "zwj": "\u200d",
    "word-joiner": "\u2060",
    "bom": "\ufeff",
    "soft-hyphen": "\u00ad",
    "vs16": "\ufe0f",
    "lrm": "\u200e",
    "rlm": "\u200f",
    "alm": "\u061c",
    "lre": "\u202a",
    "rle": "\u202b",
    "pdf": "\u202c",
    "lro": "\u202d",
    "rlo": "\u202e",
    "lri": "\u2066",
    "rli": "\u2067",
    "fsi": "\u2068",
    "pdi": "\u2069",
    "nul": "\x00",
    "soh": "\x01",
    "esc": "\x1b",
    "del": "\x7f",
    "nel": "\x85",
    "csi": "\x9b",
    "line-separator": "\u2028",
    "paragraph-separator": "\u2029",
    "private-use": "\ue000",
    "unassigned": "\u0378",
    "cr": "\r",
    "lf": "\n",
}
LINE_BREAKS = {"cr", "lf"}  # kept (as LF) in prose: refused only in keys and names


# ---- the shared store -----------------------------------------------------------------------


def seed(ledger: Ledger) -> None:
    """A fund with a gift (JZ-001), a request by Bob (SQ-01), a request above the threshold
    with one approval by 李四 (SQ-02); a volunteer (V001) with a service record R-01
    recorded by 王站长."""
    ledger.open_fund(
        fund_id=FUND, station_id=STATION, community="崔寨村", name="崔寨村社区基金",
        host="济南市慈善总会", approval_threshold="5000", publicity_required=False,
        actor="王芳", occurred_on=D,
    )  # fmt: skip
    ledger.receive_cash(
        fund_id=FUND, receipt_no="JZ-001", amount="10000", donor="某爱心企业", actor="王芳",
        occurred_on=D,
    )  # fmt: skip
    ledger.request_disbursement(
        fund_id=FUND, request_id="SQ-01", amount="300", purpose="学习用品", payee="某文具店",
        actor="Bob", occurred_on=D,
    )  # fmt: skip
    ledger.request_disbursement(
        fund_id=FUND, request_id="SQ-02", amount="6000", purpose="助学金", payee="学生家长",
        actor="刘社工", occurred_on=D,
    )  # fmt: skip
    ledger.approve_disbursement(fund_id=FUND, request_id="SQ-02", actor="李四", occurred_on=D)
    ledger.set_station_policy(
        station_id=STATION, name="崔寨街道社工站", actor="站长", occurred_on=D
    )
    ledger.register_volunteer(
        volunteer_id="V001", station_id=STATION, name="张丽", registered_on=D, consent=True,
        actor="王芳", occurred_on=D,
    )  # fmt: skip
    ledger.publish_activity(
        activity_id="A-01", station_id=STATION, name="敬老院探访",
        starts_at=dt.datetime(2024, 3, 2, 9, tzinfo=CST),
        ends_at=dt.datetime(2024, 3, 2, 12, tzinfo=CST), actor="王芳", occurred_on=D,
    )  # fmt: skip
    ledger.record_service(
        record_id="R-01", volunteer_id="V001", activity_id="A-01",
        started_at=dt.datetime(2024, 3, 2, 9, tzinfo=CST),
        ended_at=dt.datetime(2024, 3, 2, 11, tzinfo=CST), actor="王站长",
        occurred_on=dt.date(2024, 3, 2),
    )  # fmt: skip
    ledger.catch_up_views()
    ledger.balances()  # the views are up to date: reading them changes nothing


@dataclass
class Store:
    url: str
    ledger: Ledger
    tmp: Path


@pytest.fixture(scope="module", params=["sqlite-file", "postgres"])
def store(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Store]:
    tmp = tmp_path_factory.mktemp("hostile")
    if request.param == "sqlite-file":
        url = str(tmp / "station.db")
        yield from _opened(url, tmp)
    else:
        yield from _postgres_store(tmp)


def _opened(url: str, tmp: Path) -> Iterator[Store]:
    ledger = Ledger(url)
    try:
        seed(ledger)
        yield Store(url, ledger, tmp)
    finally:
        ledger.close()


def _postgres_store(tmp: Path) -> Iterator[Store]:
    # The conftest's pg_url is function-scoped; this module's store lives for the module.
    import uuid

    import psycopg

    from conftest import PG_DB, PG_HOST, PG_PORT, PG_USER, require_postgres

    require_postgres()
    schema = f"t_{uuid.uuid4().hex[:16]}"
    with psycopg.connect(host=PG_HOST, port=PG_PORT, dbname=PG_DB, user=PG_USER) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    try:
        url = f"postgresql://{PG_USER}@{PG_HOST}:{PG_PORT}/{PG_DB}?schema={schema}"
        yield from _opened(url, tmp)
    finally:
        with psycopg.connect(host=PG_HOST, port=PG_PORT, dbname=PG_DB, user=PG_USER) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


@pytest.fixture
def unchanged(store: Store) -> Iterator[Store]:
    """The store, checked byte-for-byte unchanged after the test."""
    before = dump_store(store.url)
    yield store
    after = dump_store(store.url)
    assert not differences(before, after), differences(before, after)


# ---- (a) the Python API ------------------------------------------------------------------------

GIFT = {
    "fund_id": FUND, "receipt_no": "JZ-100", "amount": "100", "donor": "张三", "note": "",
    "actor": "王芳", "occurred_on": D,
}  # fmt: skip
REQUEST = {
    "fund_id": FUND, "request_id": "SQ-100", "amount": "100", "purpose": "文具",
    "payee": "某文具店", "actor": "刘社工", "occurred_on": D,
}  # fmt: skip


@dataclass(frozen=True)
class ApiCase:
    """A command with one bad field; ``field`` is what the refusal must name."""

    method: str
    fields: dict[str, Any]
    field: str
    error: type[LedgerError] = InvalidInput


def _api_cases() -> Iterator[Any]:
    for name, char in FORBIDDEN.items():
        yield pytest.param(
            ApiCase("receive_cash", {**GIFT, "receipt_no": f"JZ{char}-100"}, "receipt_no"),
            id=f"receipt_no-{name}",
        )
        yield pytest.param(
            ApiCase("receive_cash", {**GIFT, "donor": f"张{char}三"}, "donor"), id=f"donor-{name}"
        )
        yield pytest.param(
            ApiCase("request_disbursement", {**REQUEST, "actor": f"刘{char}社工"}, "actor"),
            id=f"actor-{name}",
        )
        if name not in LINE_BREAKS:
            yield pytest.param(
                ApiCase("receive_cash", {**GIFT, "note": f"春节{char}慰问"}, "note"),
                id=f"note-{name}",
            )
    keys = [("fund_id", "cz-cuizhai\u200b"), ("fund_id", "\u202ecz-cuizhai")]
    for field, value in keys:
        yield pytest.param(
            ApiCase("approve_disbursement", {**_approval("SQ-01", "王芳"), field: value}, field),
            id=f"approve-{field}-{value.encode('unicode_escape').decode()}",
        )
    for amount in [
        "10,00", "1,00", "1.0,5", ",100", "100,", "0,100", "01,000", "1,000,00", "10²", "½",
        "①", "١٢٣", "1e3", "1_000", "NaN", "Infinity", "-5", "0", "1.001", "abc", "", " ",
        "１０，００", "¥10,00元", 0.5, True, [100], 100,
    ]:  # fmt: skip
        yield pytest.param(
            ApiCase("receive_cash", {**GIFT, "amount": amount}, "amount", InvalidAmount),
            id=f"amount-{amount!r}",
        )
    # No amount at all (None is no amount): named, but not a bad amount.
    yield pytest.param(
        ApiCase("receive_cash", {**GIFT, "amount": None}, "amount"), id="amount-None"
    )
    for day in ["2024-03-01", "2024-02-30", None, 20240301, "昨天"]:
        yield pytest.param(
            ApiCase("receive_cash", {**GIFT, "occurred_on": day}, "occurred_on"),
            id=f"date-{day!r}",
        )
    too_long = [
        ("receive_cash", GIFT, "receipt_no", "Ａ" * 65),  # 65 characters once half-width
        ("receive_cash", GIFT, "donor", "张" * 201),
        ("receive_cash", GIFT, "note", "说明" * 1001),
        ("request_disbursement", REQUEST, "purpose", "文具" * 101),
        ("request_disbursement", REQUEST, "actor", "ａ" * 201),
    ]
    for method, base, field, value in too_long:
        yield pytest.param(ApiCase(method, {**base, field: value}, field), id=f"long-{field}")
    for field, value in [("receipt_no", "\u3000 "), ("actor", "\u00a0"), ("donor", "\t")]:
        yield pytest.param(
            ApiCase("receive_cash", {**GIFT, field: value}, field), id=f"empty-{field}"
        )
    # Bob requested SQ-01: no spelling of Bob approves it.
    for actor in ["Ｂｏｂ", "bob", "BOB", " Bob ", "Ｂｏｂ\u3000"]:
        yield pytest.param(
            ApiCase("approve_disbursement", _approval("SQ-01", actor), "actor", ApprovalRefused),
            id=f"self-approval-{actor}",
        )
    yield pytest.param(
        ApiCase("approve_disbursement", _approval("SQ-01", "Bob\u200b"), "actor"),
        id="self-approval-zwsp",
    )
    # 王站长 recorded R-01: no spelling of 王站长 approves it.
    for actor in ["王 站长", "王站长\u3000", "王\u00a0站\u3000长"]:
        yield pytest.param(
            ApiCase(
                "approve_service",
                {"volunteer_id": "V001", "record_id": "R-01", "actor": actor, "occurred_on": D},
                "actor",
                RuleViolation,
            ),
            id=f"self-approval-service-{actor}",
        )
    # A variant spelling of a recorded gift with other fields is a conflict, not a gift.
    for receipt_no in ["ＪＺ-001", " JZ-001 ", "ＪＺ－００１"]:
        yield pytest.param(
            ApiCase(
                "receive_cash",
                {**GIFT, "receipt_no": receipt_no, "amount": "20000", "donor": "某爱心企业"},
                "amount_fen",
                IdempotencyConflict,
            ),
            id=f"conflict-{receipt_no}",
        )


def _approval(request_id: str, actor: str) -> dict[str, Any]:
    return {"fund_id": FUND, "request_id": request_id, "actor": actor, "occurred_on": D}


@pytest.mark.parametrize("case", list(_api_cases()))
def test_a_bad_command_is_refused_naming_its_field(unchanged: Store, case: ApiCase) -> None:
    with pytest.raises(case.error) as refused:
        getattr(unchanged.ledger, case.method)(**case.fields)
    error = refused.value
    if isinstance(error, InvalidInput):
        assert case.field in [field.split(".")[0] for field, _ in error.problems], error
    elif isinstance(error, IdempotencyConflict):
        assert error.field == case.field
    else:  # a rule of the ledger: the person may not approve what they entered
        assert isinstance(error, RuleViolation)
        assert "may not approve" in str(error)


# Variant spellings of what the store holds are the same key: a repeat records nothing.
REPEATS = [
    pytest.param(
        "receive_cash",
        {**GIFT, "receipt_no": "ＪＺ-001", "amount": "10000", "donor": "某爱心企业"},
        id="gift-full-width-receipt",
    ),
    pytest.param(
        "receive_cash",
        {**GIFT, "receipt_no": " JZ-001\u3000", "amount": "１００００", "donor": "某爱心企业"},
        id="gift-padded-receipt",
    ),
    pytest.param(
        "receive_cash",
        {
            **GIFT,
            "fund_id": "ｃｚ-cuizhai",
            "receipt_no": "JZ-001",
            "amount": "10,000.00",
            "donor": "某 爱心 企业",
        },
        id="gift-full-width-fund",
    ),
    pytest.param("approve_disbursement", _approval("SQ-02", "李 四"), id="approver-spaced"),
    pytest.param("approve_disbursement", _approval("SQ-02", "李四\u3000"), id="approver-padded"),
    pytest.param("approve_disbursement", _approval("ＳＱ-02", "李四"), id="request-full-width"),
]


@pytest.mark.parametrize(("method", "fields"), REPEATS)
def test_a_variant_spelling_of_a_recorded_key_is_a_repeat(
    unchanged: Store, method: str, fields: dict[str, Any]
) -> None:
    position = unchanged.ledger.log_position()
    event = getattr(unchanged.ledger, method)(**fields)
    # The event recorded before, not a second one: 李四 is still the only approver of SQ-02
    # (its 6,000 yuan above the threshold are not reserved), JZ-001 is still one gift.
    assert unchanged.ledger.log_position() == position
    assert getattr(event, "receipt_no", "JZ-001") == "JZ-001"
    assert event.actor in ("王芳", "李四")
    [balance] = unchanged.ledger.balances(fund_id=FUND)
    assert (balance.received_fen, balance.reserved_fen) == (1_000_000, 0)


def test_a_nul_donor_is_refused_and_every_report_still_works(unchanged: Store) -> None:
    """On PostgreSQL a NUL in a stored text made every later report fail for good."""
    with pytest.raises(InvalidInput) as refused:
        unchanged.ledger.receive_cash(**{**GIFT, "donor": "a\x00b"})
    assert refused.value.problems[0][0] == "donor"
    ledger = unchanged.ledger
    assert ledger.balances()[0].received_fen == 1_000_000
    assert ledger.statement(FUND).lines
    assert ledger.donor_summary().donors
    assert ledger.annual_report(2024).anchor is not None


def test_queries_take_the_canonical_form(unchanged: Store) -> None:
    ledger = unchanged.ledger
    assert [b.fund_id for b in ledger.balances(fund_id=" ｃｚ-cuizhai ")] == [FUND]
    assert [b.fund_id for b in ledger.balances(station_id="ｃｕｉｚｈａｉ")] == [FUND]
    assert ledger.statement("ｃｚ-cuizhai\u3000").fund.fund_id == FUND
    assert [d.donor for d in ledger.donor_summary(donor="某 爱心企业").donors] == ["某爱心企业"]
    for query in (
        lambda: ledger.balances(fund_id="cz-cuizhai\u200b"),
        lambda: ledger.statement("\u202ecz-cuizhai"),
        lambda: ledger.donor_summary(donor="a\x00b"),
        lambda: ledger.disclosure("cz\u2028", from_day=D, to_day=D),
        lambda: ledger.annual_report(2024, station_id="cuizhai\ufeff"),
    ):
        with pytest.raises(InvalidInput):
            query()


# ---- (b) every kind of sheet -------------------------------------------------------------------

# One good row of each kind, with English headers; a case changes one cell.
GOOD_ROWS: dict[str, dict[str, str]] = {
    "roster": {
        "volunteer_id": "V900", "name": "赵六", "gender": "男", "phone": "13900000009",
        "team": "", "registered_on": "2024-03-01", "consent": "yes",
    },
    "service": {
        "record_id": "R-900", "volunteer_id": "V001", "activity": "社区清洁",
        "date": "2024-03-05", "start": "09:00", "end": "10:00", "minutes": "",
        "place": "村委会", "content": "清扫街道", "recorded_by": "王站长", "approved_by": "李主任",
    },
    "funds": {
        "fund": "cz-new", "name": "新村社区基金", "station": STATION, "community": "新村",
        "host": "济南市慈善总会", "approval_threshold": "5000", "opened_on": "2024-03-01",
        "publicity_required": "",
    },
    "donations": {
        "date": "2024-03-02", "fund": FUND, "donor": "张三", "kind": "cash", "amount": "100",
        "item": "", "quantity": "", "unit": "", "basis": "", "restriction": "",
        "receipt_no": "JZ-900", "handler": "王芳",
    },
    "disbursements": {
        "request_id": "SQ-900", "date": "2024-03-03", "fund": FUND, "amount": "100",
        "purpose": "文具", "restriction": "", "payee": "某文具店", "requested_by": "刘社工",
        "approved_by": "张敏", "paid_on": "", "voucher_no": "", "notice_ref": "",
        "notice_from": "", "notice_to": "",
    },
}  # fmt: skip


def sheet_bytes(kind: str, changes: dict[str, str], encoding: str = "utf-8") -> bytes:
    row = {**GOOD_ROWS[kind], **changes}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(row.keys())
    writer.writerow(row.values())
    return out.getvalue().encode(encoding)


@dataclass(frozen=True)
class SheetCase:
    """A sheet of ``kind`` with ``changes`` to its good row; the refusal names line 2 and
    ``column`` (``""``: a refusal of the row by a rule of the ledger)."""

    kind: str
    changes: dict[str, str]
    column: str


_SHEET_CHARS = ["zwsp", "bom", "rlo", "lrm", "nul", "esc", "nel", "line-separator", "private-use"]
_BAD_DATES = ["2024-02-30", "2024-0²-01", "２０２４－１３－０１", "昨天", "2024-3-1x", "24-03-01"]
_BAD_AMOUNTS = ["10,00", "1,00", "1.0,5", ",100", "100,", "0,100", "10²", "½", "①", "1e3", "-100"]


def _sheet_cases() -> Iterator[Any]:
    cells = {
        "roster": ["volunteer_id", "name", "phone"],
        "service": ["record_id", "recorded_by", "activity"],
        "funds": ["fund", "name", "host"],
        "donations": ["receipt_no", "donor", "fund", "handler"],
        "disbursements": ["request_id", "requested_by", "payee"],
    }
    for kind, columns in cells.items():
        for column in columns:
            for name in _SHEET_CHARS:
                value = GOOD_ROWS[kind][column]
                bad = value[:1] + FORBIDDEN[name] + value[1:]
                yield pytest.param(
                    SheetCase(kind, {column: bad}, column), id=f"{kind}-{column}-{name}"
                )
            # A line break inside a quoted cell: fine for prose, not for a key or a name.
            bad = GOOD_ROWS[kind][column][:1] + "\n" + GOOD_ROWS[kind][column][1:]
            yield pytest.param(SheetCase(kind, {column: bad}, column), id=f"{kind}-{column}-lf")
    prose = [("service", "content"), ("disbursements", "purpose")]
    for kind, column in prose:
        for name in ["zwsp", "rlo", "line-separator", "nel"]:
            bad = "说" + FORBIDDEN[name] + "明"
            yield pytest.param(SheetCase(kind, {column: bad}, column), id=f"{kind}-{column}-{name}")
    dates = [("roster", "registered_on"), ("service", "date"), ("funds", "opened_on"),
             ("donations", "date"), ("disbursements", "date")]  # fmt: skip
    for kind, column in dates:
        for day in _BAD_DATES:
            yield pytest.param(SheetCase(kind, {column: day}, column), id=f"{kind}-{column}-{day}")
    amounts = [
        ("funds", "approval_threshold"),
        ("donations", "amount"),
        ("disbursements", "amount"),
    ]
    for kind, column in amounts:
        for amount in _BAD_AMOUNTS:
            yield pytest.param(
                SheetCase(kind, {column: amount}, column), id=f"{kind}-{column}-{amount}"
            )
    for start in ["9:60", "２５:00", "0９:0٠"]:
        yield pytest.param(
            SheetCase("service", {"start": start}, "start"), id=f"service-start-{start}"
        )
    for minutes in ["6⁰", "½", "٦٠", "60分"]:
        changes = {"start": "", "end": "", "minutes": minutes}
        yield pytest.param(
            SheetCase("service", changes, "minutes"), id=f"service-minutes-{minutes}"
        )
    too_long = [
        ("roster", "name", "张" * 201),
        ("donations", "receipt_no", "Ａ" * 65),
        ("disbursements", "purpose", "文具" * 101),
        ("funds", "fund", "ｃ" * 65),
    ]
    for kind, column, value in too_long:
        yield pytest.param(SheetCase(kind, {column: value}, column), id=f"{kind}-{column}-too-long")
    # People: the requester or recorder under another spelling is still them.
    for approver in ["刘 社工", "刘社工\u3000", "刘\u00a0社工"]:
        yield pytest.param(
            SheetCase("disbursements", {"approved_by": approver}, ""),
            id=f"self-approval-{approver}",
        )
    for approver in ["王 站长", "王站长\u3000"]:
        yield pytest.param(
            SheetCase("service", {"approved_by": approver}, ""),
            id=f"service-self-approval-{approver}",
        )
    # One person named twice is not two approvers (SQ-900 above the threshold needs two).
    for approvers in ["李四;李四", "李四;李 四", "李四；李四\u3000", "Bob;bob", "Ｂｏｂ、BOB"]:
        changes = {"amount": "6000", "approved_by": approvers}
        yield pytest.param(
            SheetCase("disbursements", changes, "approved_by"), id=f"approvers-{approvers}"
        )
    yield pytest.param(
        SheetCase("disbursements", {"approved_by": "李四;李四\u200b"}, "approved_by"),
        id="approvers-zwsp",
    )
    # The gift JZ-001 again under a variant spelling, with another amount: a conflict.
    for receipt_no in ["ＪＺ-001", " JZ-001 "]:
        changes = {"receipt_no": receipt_no, "date": "2024-03-01", "donor": "某爱心企业"}
        yield pytest.param(SheetCase("donations", changes, ""), id=f"gift-conflict-{receipt_no}")


@pytest.mark.parametrize("case", list(_sheet_cases()))
def test_a_bad_sheet_is_refused_naming_line_and_column(unchanged: Store, case: SheetCase) -> None:
    with pytest.raises(SheetRefused) as refused:
        import_sheet(unchanged.ledger, sheet_bytes(case.kind, case.changes), station_id=STATION)
    problems = refused.value.rows
    assert any(p.line == 2 and p.column == case.column for p in problems), problems
    assert all(p.line in (0, 2, 3) for p in problems)


# Whole files: the encoding, and characters that damage the file.
BIG5_ROSTER = "volunteer_id,name,registered_on\nV901,陳大文,2024-03-01\nV902,林美玲,2024-03-01\n"
FILES = [
    pytest.param(BIG5_ROSTER.encode("cp950"), 0, id="big5-roster"),
    pytest.param(
        "志願者編號,姓名,性別,註冊日期\nV901,陳大文,男,2024-03-01\nV902,張志強,男,2024-03-02\n".encode("cp950"),
        0,
        id="big5-traditional-headers",
    ),
    pytest.param("volunteer_id,name\nV901,x\n".encode("utf-16"), 0, id="utf-16"),
    pytest.param(b"volunteer_id,name,registered_on\nV901,\xff\xfe,2024-03-01\n", 2, id="not-text"),
    pytest.param(
        "volunteer_id,name,registered_on\nV901,Ali\u202eecila,2024-03-01\n".encode(),
        2,
        id="rlo-in-a-name",
    ),
    pytest.param(
        b"\xef\xbb\xbfvolunteer_id,name,registered_on\nV901,\xe5\xbc\xa0\xc3,2024-03-01\n",
        2,
        id="bom-then-bad-utf8",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("data", "line"), FILES)
def test_a_bad_file_is_refused_whole(unchanged: Store, data: bytes, line: int) -> None:
    with pytest.raises(SheetRefused) as refused:
        import_sheet(unchanged.ledger, data, station_id=STATION)
    assert refused.value.lines == (line,)


def test_every_good_row_imports(tmp_path: Path) -> None:
    """The cases above fail for the one cell they change: each sheet is good without it."""
    ledger = Ledger(str(tmp_path / "good.db"))
    try:
        seed(ledger)
        for kind in GOOD_ROWS:
            summary = import_sheet(ledger, sheet_bytes(kind, {}), station_id=STATION)
            assert summary.events_recorded > 0, kind
        # And the approvers' cases are good with two distinct people.
        changes = {"request_id": "SQ-901", "amount": "6000", "approved_by": "李四;王五"}
        import_sheet(ledger, sheet_bytes("disbursements", changes), station_id=STATION)
        [balance] = ledger.balances(fund_id=FUND)
        assert balance.reserved_fen == 10_000 + 600_000  # SQ-900 and SQ-901
    finally:
        ledger.close()


# ---- (c) the command line ----------------------------------------------------------------------


def run_cli(store: Store, *args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["--store", store.url, *args])
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return code, err


CLI_SHEETS = [
    pytest.param("roster", {"name": "赵\u202e六"}, "name", id="roster-rlo"),
    pytest.param("roster", {"volunteer_id": "V9\x0000"}, "volunteer_id", id="roster-nul"),
    pytest.param("service", {"recorded_by": "王\u200b站长"}, "recorded_by", id="service-zwsp"),
    pytest.param("funds", {"approval_threshold": "5,00"}, "approval_threshold", id="funds-comma"),
    pytest.param("donations", {"amount": "10²"}, "amount", id="donations-superscript"),
    pytest.param("donations", {"receipt_no": "JZ\ufeff900"}, "receipt_no", id="donations-bom"),
    pytest.param("disbursements", {"amount": "1.0,5"}, "amount", id="disbursements-comma"),
    pytest.param(
        "disbursements",
        {"approved_by": "李四;李 四", "amount": "6000"},
        "approved_by",
        id="disbursements-approvers",
    ),
]


@pytest.mark.parametrize(("kind", "changes", "column"), CLI_SHEETS)
def test_the_cli_refuses_a_bad_sheet_with_exit_2(
    unchanged: Store,
    capsys: pytest.CaptureFixture[str],
    kind: str,
    changes: dict[str, str],
    column: str,
) -> None:
    path = unchanged.tmp / f"{kind}.csv"
    path.write_bytes(sheet_bytes(kind, changes))
    code, err = run_cli(unchanged, "import", str(path), "--station", STATION, capsys=capsys)
    assert code == 2
    assert f"line 2, {column}:" in err


BAD_OPTIONS = [
    pytest.param(["balances", "--fund", "cz-cuizhai\u200b"], id="balances-fund-zwsp"),
    pytest.param(["balances", "--fund", "\u202ecz-cuizhai"], id="balances-fund-rlo"),
    pytest.param(["balances", "--fund", "cz\x00"], id="balances-fund-nul"),
    pytest.param(["balances", "--fund", "cz\u2028"], id="balances-fund-line-separator"),
    pytest.param(["balances", "--station", "cuizhai\ufeff"], id="balances-station-bom"),
    pytest.param(["balances", "--fund", "\u3000"], id="balances-fund-empty"),
    pytest.param(["statement", "--fund", "cz-cuizhai\u202e"], id="statement-fund-rlo"),
    pytest.param(
        ["disclosure", "--fund", "cz\u200d", "--from", "2024-01-01", "--to", "2024-12-31"],
        id="disclosure-fund-zwj",
    ),
    pytest.param(["donors", "--donor", "某爱心企业\u200b"], id="donors-donor-zwsp"),
    pytest.param(["donors", "--donor", "a\x00b"], id="donors-donor-nul"),
    pytest.param(["donors", "--station", "cui\x85zhai"], id="donors-station-nel"),
    pytest.param(["report", "--year", "2024", "--station", "cuizhai\u2066"], id="report-station"),
    pytest.param(["trail", "--actor", "Bob\u202e"], id="trail-actor-rlo"),
    pytest.param(["trail", "--fund", "cz-cuizhai\u00ad"], id="trail-fund-soft-hyphen"),
    pytest.param(["trail", "--volunteer", "V001\u200c"], id="trail-volunteer-zwnj"),
    pytest.param(["volunteers", "--volunteer", "V001\ue000"], id="volunteers-volunteer-pua"),
    pytest.param(["volunteers", "--station", "cuizhai\x1b[31m"], id="volunteers-station-esc"),
    pytest.param(["export", "--format", "csv", "--fund", "cz\u200b"], id="export-fund-zwsp"),
    pytest.param(["verify-certificate", "C-1\u200b", "ABCD"], id="certificate-no-zwsp"),
    pytest.param(["import", "x.csv", "--entered-by", "王\u200b芳"], id="import-entered-by"),
    pytest.param(["import", "x.csv", "--station", "cui\u202ezhai"], id="import-station"),
    pytest.param(["import", "x.csv", "--encoding", "latin-1"], id="import-encoding"),
    pytest.param(["import", "x\x00.csv"], id="import-file-nul"),
    pytest.param(["import", "no-such-sheet.csv"], id="import-missing-file"),
    pytest.param(["export", "--format", "csv", "-o", "out\x00.csv"], id="export-output-nul"),
]


@pytest.mark.parametrize("args", BAD_OPTIONS)
def test_the_cli_refuses_a_bad_option_with_exit_2(
    unchanged: Store, capsys: pytest.CaptureFixture[str], args: list[str]
) -> None:
    code, err = run_cli(unchanged, *args, capsys=capsys)
    assert code == 2
    assert "error:" in err


def test_a_refused_import_does_not_create_the_store(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = tmp_path / "new.db"
    sheet = tmp_path / "roster.csv"
    sheet.write_bytes(sheet_bytes("roster", {}))
    for args in (
        ["import", str(tmp_path / "missing.csv")],
        ["import", str(sheet), "--entered-by", "王\u200b芳"],
        ["import", str(sheet), "--station", " "],
    ):
        assert main(["--store", str(store), *args]) == 2
        assert "Traceback" not in capsys.readouterr().err
        assert not store.exists()


def test_the_cli_finds_a_fund_by_a_variant_spelling(
    unchanged: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--store", unchanged.url, "balances", "--fund", " ｃｚ-cuizhai "]) == 0
    assert FUND in capsys.readouterr().out
    assert main(["--store", unchanged.url, "trail", "--actor", "ｂｏｂ"]) == 0
    assert "SQ-01" in capsys.readouterr().out


def test_every_report_works_after_a_refused_nul(
    unchanged: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(InvalidInput):
        unchanged.ledger.receive_cash(**{**GIFT, "donor": "a\x00b"})
    for args in (
        ["balances"],
        ["statement", "--fund", FUND],
        ["donors"],
        ["report", "--year", "2024"],
        ["export", "--format", "csv"],
    ):
        assert main(["--store", unchanged.url, *args]) == 0, args
    capsys.readouterr()


SUBPROCESS = [
    pytest.param(["balances", "--fund", "cz-cuizhai\u202e"], None, id="balances-rlo"),
    pytest.param(["donors", "--donor", "某爱心企业\u200b"], None, id="donors-zwsp"),
    pytest.param(["import", "{sheet}"], ("donations", {"amount": "10,00"}), id="import-comma"),
    pytest.param(["import", "{sheet}"], ("roster", {"name": "赵\u2028六"}), id="import-ls"),
]


@pytest.mark.parametrize(("args", "sheet"), SUBPROCESS)
def test_a_real_process_exits_2_without_a_traceback(
    unchanged: Store, args: list[str], sheet: tuple[str, dict[str, str]] | None
) -> None:
    if sheet is not None:
        path = unchanged.tmp / "subprocess.csv"
        path.write_bytes(sheet_bytes(*sheet))
        args = [str(path) if a == "{sheet}" else a for a in args]
    done = subprocess.run(  # noqa: S603 - our own program, arguments from this test
        [sys.executable, "-m", "sgz_ledger.cli", "--store", unchanged.url, *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert "sgz-ledger" in done.stderr
    assert "error:" in done.stderr


def test_the_suite_has_at_least_150_bad_inputs() -> None:
    cases = [*_api_cases(), *_sheet_cases(), *FILES, *CLI_SHEETS, *BAD_OPTIONS, *SUBPROCESS]
    assert len(cases) >= 150


@pytest.mark.parametrize("backend", ["sqlite-file", "postgres"])
def test_the_dump_sees_an_event_and_its_view_rows(
    request: pytest.FixtureRequest, tmp_path: Path, backend: str
) -> None:
    """The check above can fail: one gift shows in the events and in the views' tables."""
    url = str(tmp_path / "d.db") if backend == "sqlite-file" else request.getfixturevalue("pg_url")
    ledger = Ledger(url)
    try:
        seed(ledger)
        before = dump_store(url)
        ledger.receive_cash(**GIFT)
        ledger.balances()
        changed = {line.split(":")[0] for line in differences(before, dump_store(url))}
    finally:
        ledger.close()
    assert "fund_balances" in changed, changed
    assert changed & {"stored_events", "sgzledger_events"}, sorted(changed)  # SQLite, PostgreSQL
