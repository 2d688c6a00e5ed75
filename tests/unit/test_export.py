"""Exports: JSON Lines, CSV statements, hledger and beancount journals (text shape).

Given a station whose log holds two funds' year (``record_small_year``: gifts in cash and
in kind, refunds, a reversed gift and a reversed payment, a release, a purpose change,
goods given out and sold, a late entry, a rejected request, a fund closed into the
other) plus a volunteer, an activity and a service record, when it is exported, then:

* JSON Lines: every event exactly once in log order, each with the chain's own digest
  and the digest before it, its stored name, and fields that decode back into the very
  event stored (money as integers of fen); sealed personal data is passed on encrypted
  and never opened, and left out where the store keeps it in clear;
* CSV: one row per fund entry, the running cash equal to the statement view's;
* journals: balanced transactions carrying position and digest, accounts whose names both
  tools accept, and balance assertions equal to the ledger's balances.

The real tools read the journals in ``tests/integration/test_export_tools.py``.
"""

from __future__ import annotations

import base64
import csv
import datetime as dt
import io
import itertools
import json
import re
import sqlite3
from collections import defaultdict
from decimal import Decimal
from pathlib import Path
from typing import Any

import msgspec
import pytest
from eventsourcing.cipher import AESCipher

from conftest import FixedClock
from reports_support import CLERK, EAST, record_small_year
from sgz_ledger import Ledger
from sgz_ledger.audit.export import (
    ANONYMOUS,
    CSV_COLUMNS,
    JSONL_FORMAT,
    NAME_CHARS_MAX,
    UNRESTRICTED_ACCOUNT,
    ExportSummary,
    account_component,
    fund_accounts,
    write_export,
)
from sgz_ledger.domain.errors import NotFound, StoreError
from sgz_ledger.domain.events import LedgerEvent
from sgz_ledger.domain.fund import fund_uuid
from sgz_ledger.domain.volunteer import volunteer_uuid
from sgz_ledger.storage.sealing import PersonalDataInClearWarning

pytestmark = pytest.mark.filterwarnings(
    f"ignore::{PersonalDataInClearWarning.__module__}.{PersonalDataInClearWarning.__name__}"
)

CST = dt.timezone(dt.timedelta(hours=8))
V_NAME, V_PHONE, V_ID = "张丽", "13900000000", "370102199001011234"
FORMULA_DONOR = "=HYPERLINK(1)"


def record_history(ledger: Ledger) -> None:
    """Two funds' year, a gift whose donor looks like a spreadsheet formula, a volunteer.

    The volunteer's dates are in December 2023: the test clock records from 2024-01-01,
    and a service record may not end after it was recorded.
    """
    record_small_year(ledger)
    ledger.receive_cash(fund_id="F-A", receipt_no="R-X", amount="1.23", donor=FORMULA_DONOR,
                        actor=CLERK, occurred_on=dt.date(2024, 12, 1))  # fmt: skip
    ledger.register_volunteer(volunteer_id="V-1", station_id=EAST, name=V_NAME, phone=V_PHONE,
                              id_number=V_ID, registered_on=dt.date(2023, 12, 1), consent=True,
                              actor=CLERK, occurred_on=dt.date(2023, 12, 1))  # fmt: skip
    ledger.publish_activity(activity_id="A-1", station_id=EAST, name="敬老院探访",
                            community="崔寨村", place="敬老院", organizer="社工站", leader=CLERK,
                            starts_at=dt.datetime(2023, 12, 27, 9, tzinfo=CST),
                            ends_at=dt.datetime(2023, 12, 27, 12, tzinfo=CST), actor=CLERK,
                            occurred_on=dt.date(2023, 12, 20))  # fmt: skip
    ledger.record_service(record_id="SR-1", volunteer_id="V-1", activity_id="A-1",
                          started_at=dt.datetime(2023, 12, 27, 9, tzinfo=CST),
                          ended_at=dt.datetime(2023, 12, 27, 10, 30, tzinfo=CST),
                          content="陪伴老人", actor=CLERK,
                          occurred_on=dt.date(2023, 12, 27))  # fmt: skip


def export_text(ledger: Ledger, fmt: Any, **filters: Any) -> tuple[str, ExportSummary]:
    out = io.StringIO(newline="")
    summary = write_export(ledger, fmt, out, **filters)
    return out.getvalue(), summary


Json = dict[str, Any]


def jsonl(ledger: Ledger, **filters: Any) -> tuple[Json, list[Json], Json]:
    text, _ = export_text(ledger, "jsonl", **filters)
    assert text.endswith("\n")
    header, *lines, end = [json.loads(line) for line in text.splitlines()]
    return header, lines, end


def rebuild(line: dict[str, Any], cls: type[LedgerEvent]) -> LedgerEvent:
    """The event a JSON line describes, decoded by msgspec into its class."""
    data = {
        **line["fields"],
        "type": line["type"],
        "originator_id": line["aggregate_id"],
        "originator_version": line["version"],
        "timestamp": line["recorded_at"],
        "actor": line["actor"],
        "occurred_on": line["occurred_on"],
    }
    return msgspec.json.decode(json.dumps(data), type=cls)


def fen_values(value: Any, key: str = "") -> list[tuple[str, Any]]:
    """Every value under a key ending in ``_fen``, however deep."""
    if isinstance(value, dict):
        return [pair for k, v in value.items() for pair in fen_values(v, k)]
    if isinstance(value, list):
        return [pair for v in value for pair in fen_values(v, key)]
    return [(key, value)] if key.endswith("_fen") else []


# ---- JSON Lines ------------------------------------------------------------------------------


def test_jsonl_has_every_event_once_with_the_chains_digests(ledger: Ledger) -> None:
    record_history(ledger)
    header, lines, end = jsonl(ledger)
    stored = ledger.stored_events()
    links = list(ledger.chained_recorder.scan_links())

    assert header == {
        "format": JSONL_FORMAT,
        "version": 1,
        "algorithm": "sha256",
        "verified": True,
        "log_position": links[-1].position,
        "fund_id": None,
        "station_id": None,
        "money": "fen",
    }
    assert [line["position"] for line in lines] == [link.position for link in links]
    assert [line["digest"] for line in lines] == [link.digest.hex() for link in links]
    assert lines[0]["prev_digest"] == "0" * 64
    for before, line in itertools.pairwise(lines):
        assert line["prev_digest"] == before["digest"]
    assert end == {
        "end": JSONL_FORMAT,
        "events": len(stored),
        "last_position": links[-1].position,
        "last_digest": links[-1].digest.hex(),
    }
    assert ledger.anchor() is not None
    assert f"sha256:{end['last_position']}:{end['last_digest']}" == str(ledger.anchor())

    assert len(lines) == len(stored)
    for line, event in zip(lines, stored, strict=True):
        assert line["name"] == ledger.codec.name_of(event)
        assert line["type"] == line["name"].removesuffix(".v1")
        assert line["aggregate_id"] == str(event.originator_id)
        assert line["version"] == event.originator_version
        assert line["recorded_at"].endswith("Z")
        if line["type"] == "IdNumberClaimed":
            # The holder, sealed under their key: left out, and nothing else is.
            assert line["redacted"] == ["holder_sealed"]
            assert line["fields"] == {"holder_sealed": None}
        elif "redacted" in line:
            # Sealed in clear (no key): left out, and nothing else is.
            assert line["redacted"] == ["personal_sealed", "id_hash"]
            assert line["fields"]["personal_sealed"] is None
            assert line["fields"]["id_hash"] is None
            expected = msgspec.structs.replace(event, personal_sealed=b"", id_hash="")
            line["fields"]["personal_sealed"] = ""
            line["fields"]["id_hash"] = ""
            assert rebuild(line, type(event)) == expected
        else:
            assert rebuild(line, type(event)) == event
        for key, value in fen_values(line["fields"]):
            assert type(value) is int or (value is None and key == "value_fen"), (key, value)


def test_jsonl_money_dates_and_goods_are_plain_json(ledger: Ledger) -> None:
    record_history(ledger)
    _, lines, _ = jsonl(ledger)
    by_type: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for line in lines:
        by_type[line["type"]].append(line)
    r2 = next(x for x in by_type["CashDonationReceived"] if x["fields"]["receipt_no"] == "R2")
    assert r2["fields"] == {
        "receipt_no": "R2",
        "donor": "李四",
        "restriction": "助学",
        "amount_fen": 500_000,
        "note": "",
    }
    assert (r2["occurred_on"], r2["actor"]) == ("2024-01-10", CLERK)
    [goods] = by_type["InKindDonationReceived"]
    assert goods["fields"]["items"][0] == {
        "item": "泡面",
        "quantity": 145,
        "unit": "箱",
        "value_fen": 290_000,
        "basis": "document",
    }
    [service] = by_type["ServiceRecorded"]
    assert service["fields"]["duration_s"] == 5400
    assert service["fields"]["started_at"] == "2023-12-27T01:00:00Z"


def test_jsonl_sealed_personal_data_is_base64_and_never_opened() -> None:
    key = AESCipher.create_key(16)
    ledger = Ledger("memory:", cipher_key=key, clock=FixedClock())
    record_history(ledger)
    text, summary = export_text(ledger, "jsonl")
    for secret in (V_NAME, V_PHONE, V_ID):
        assert secret not in text
    [line] = [json.loads(x) for x in text.splitlines() if '"VolunteerRegistered"' in x]
    registered = ledger.volunteer("V-1").state
    assert "redacted" not in line
    assert base64.b64decode(line["fields"]["personal_sealed"]) == registered.personal_sealed
    assert line["fields"]["personal_sealed"] != ""
    assert ledger.personal_data("V-1").name == V_NAME  # the key still opens what was exported
    assert summary.verified
    ledger.close()


def test_jsonl_filters_keep_the_chains_digests(ledger: Ledger) -> None:
    record_history(ledger)
    _, everything, _ = jsonl(ledger)
    digest_at = {line["position"]: line["digest"] for line in everything}
    prev_at = {line["position"]: line["prev_digest"] for line in everything}

    header, fund_a, end = jsonl(ledger, fund_id="F-A")
    assert (header["fund_id"], header["station_id"]) == ("F-A", None)
    assert {line["aggregate_id"] for line in fund_a} == {str(fund_uuid("F-A"))}
    assert [x["position"] for x in fund_a] == [
        x["position"] for x in everything if x["aggregate_id"] == str(fund_uuid("F-A"))
    ]
    for line in fund_a:  # the chain covers the whole log: digests are the log's own
        assert line["digest"] == digest_at[line["position"]]
        assert line["prev_digest"] == prev_at[line["position"]]
    assert end["events"] == len(fund_a)
    assert end["last_position"] == everything[-1]["position"]

    _, station, _ = jsonl(ledger, station_id=EAST)
    aggregates = {line["aggregate_id"] for line in station}
    assert str(volunteer_uuid("V-1")) in aggregates
    assert str(fund_uuid("F-B")) in aggregates
    # Every aggregate of this history is s-east's, but the claims on ID numbers: the
    # store's, no station's (rule 39).
    assert len(station) == len([x for x in everything if x["type"] != "IdNumberClaimed"])


def test_unknown_fund_or_station_is_refused_before_anything_is_written() -> None:
    ledger = Ledger("memory:", clock=FixedClock())
    record_history(ledger)
    for fmt in ("jsonl", "csv", "hledger", "beancount"):
        out = io.StringIO()
        with pytest.raises(NotFound):
            write_export(ledger, fmt, out, fund_id="nope")
        with pytest.raises(NotFound):
            write_export(ledger, fmt, out, station_id="nope")
        with pytest.raises(NotFound):
            write_export(ledger, fmt, out, fund_id="F-A", station_id="s-west")
        assert out.getvalue() == ""


def test_an_empty_store_exports_a_header_and_an_end() -> None:
    ledger = Ledger("memory:", clock=FixedClock())
    header, lines, end = jsonl(ledger)
    assert (header["log_position"], lines, end["events"], end["last_digest"]) == (0, [], 0, "")
    text, summary = export_text(ledger, "beancount")
    assert 'option "operating_currency" "CNY"' in text
    assert summary.transactions == 0


EDITS = {
    # the fourth event is the gift R3: its receipt number changed, still a valid event
    "changed": (
        "UPDATE stored_events SET state = edit_r3(state) WHERE rowid = 4",
        "position 4 does not match its digest",
    ),
    "digest": (
        "UPDATE event_chain SET digest = zeroblob(32) WHERE position = 4",
        "position 4 does not match its digest",
    ),
    "deleted": (
        "DELETE FROM stored_events WHERE rowid = 4",
        "does not cover the log at position 4",
    ),
}


@pytest.mark.parametrize("edit", EDITS)
def test_a_changed_history_is_never_exported(tmp_path: Path, edit: str) -> None:
    path = tmp_path / "station.db"
    ledger = Ledger(str(path), clock=FixedClock())
    record_history(ledger)
    ledger.close()
    statement, says = EDITS[edit]
    with sqlite3.connect(path) as db:
        db.create_function("edit_r3", 1, lambda state: state.replace(b"R3", b"R9"))
        assert db.execute(statement).rowcount == 1
    ledger = Ledger(str(path), create=False)
    if edit == "changed":
        assert [e.receipt_no for e in ledger.stored_events()[3:4]] == ["R9"]
    for fmt in ("jsonl", "hledger", "beancount"):
        out = io.StringIO()
        with pytest.raises(StoreError, match=says):
            write_export(ledger, fmt, out)
        assert "R9" not in out.getvalue()
    ledger.close()


def test_a_keyed_chain_is_verified_with_its_key_and_passed_on_without(tmp_path: Path) -> None:
    path = str(tmp_path / "station.db")
    ledger = Ledger(path, chain_key="k-secret", clock=FixedClock())
    record_history(ledger)
    header, lines, _ = jsonl(ledger)
    assert (header["algorithm"], header["verified"]) == ("hmac-sha256", True)
    ledger.close()
    reader = Ledger(path, create=False)  # reads without the key; could not write
    header2, lines2, _ = jsonl(reader)
    assert (header2["algorithm"], header2["verified"]) == ("hmac-sha256", False)
    assert [x["digest"] for x in lines2] == [x["digest"] for x in lines]
    reader.close()


def test_progress_is_reported_with_the_count_read() -> None:
    ledger = Ledger("memory:", clock=FixedClock())
    record_history(ledger)
    seen: list[int] = []
    write_export(ledger, "hledger", io.StringIO(), progress=seen.append)
    assert seen == [ledger.log_position()]


# ---- CSV -------------------------------------------------------------------------------------


def test_csv_running_balance_equals_the_statement_view(ledger: Ledger) -> None:
    record_history(ledger)
    text, summary = export_text(ledger, "csv")
    assert text.startswith("\ufeff")
    assert "\r\n" in text
    rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"), newline="")))
    assert tuple(rows[0].keys()) == CSV_COLUMNS
    assert summary.events == len(rows)
    assert [r["fund_id"] for r in rows] == sorted(r["fund_id"] for r in rows)
    for fund_id in ("F-A", "F-B"):
        statement = ledger.statement(fund_id)
        mine = [r for r in rows if r["fund_id"] == fund_id]
        assert [int(r["position"]) for r in mine] == [x.position for x in statement.lines]
        assert [int(r["balance_fen"]) for r in mine] == [x.balance_fen for x in statement.lines]
        for r, line in zip(mine, statement.lines, strict=True):
            assert int(r["cash_fen"]) == line.cash_fen
            assert int(r["reserved_fen"]) == line.reserved_fen
            assert int(r["in_kind_fen"]) == line.in_kind_fen
            assert int(r["moved_fen"]) == line.moved_fen
            assert r["kind"] == line.kind
            assert r["occurred_on"] == line.occurred_on.isoformat()
            for column in ("cash", "reserved", "in_kind", "moved", "balance"):
                assert re.fullmatch(r"-?[0-9]+\.[0-9]{2}", r[f"{column}_yuan"])
                assert Decimal(r[f"{column}_yuan"]) * 100 == int(r[f"{column}_fen"])
        assert int(mine[-1]["balance_fen"]) == statement.closing_fen
        [fund] = ledger.balances(fund_id=fund_id)
        assert int(mine[-1]["balance_fen"]) == fund.total_fen
    late = next(r for r in rows if r["ref"] == "R5")  # entered in June, dated January
    assert late["occurred_on"] == "2024-01-20"
    release = next(r for r in rows if r["kind"] == "restriction_released")
    assert (release["moved_fen"], release["moved_yuan"]) == ("100000", "1000.00")


def test_csv_cells_that_a_spreadsheet_would_run_start_with_an_apostrophe() -> None:
    ledger = Ledger("memory:", clock=FixedClock())
    record_history(ledger)
    text, _ = export_text(ledger, "csv", fund_id="F-A")
    rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"), newline="")))
    gift = next(r for r in rows if r["ref"] == "R-X")
    assert gift["counterparty"] == "'" + FORMULA_DONOR
    assert gift["cash_fen"] == "123"  # numbers stay numbers, negative ones too
    assert any(r["cash_fen"].startswith("-") for r in rows)
    assert {r["fund_id"] for r in rows} == {"F-A"}


# ---- journals: names and text --------------------------------------------------------------


BEANCOUNT_COMPONENT = re.compile(r"[A-Z0-9][A-Za-z0-9\-\u3400-\u4dbf\u4e00-\u9fff]*")


def test_account_components_are_deterministic_valid_and_distinct() -> None:
    assert account_component("F", "cz-village") == "F-cz-village"
    assert account_component("R", "助学") == "R-助学"
    mapped = account_component("D", "某公司（北京）")
    assert re.fullmatch(r"D-某公司-北京-[0-9a-f]{12}", mapped)
    assert account_component("D", "某公司（北京）") == mapped  # the same in every export
    assert account_component("D", "某公司(北京)") != mapped
    assert account_component("R", "Unrestricted") != UNRESTRICTED_ACCOUNT
    assert account_component("D", ANONYMOUS) != ANONYMOUS
    long = "很" * (NAME_CHARS_MAX + 5)
    assert account_component("P", long).startswith("P-" + "很" * NAME_CHARS_MAX + "-")
    assert re.fullmatch(r"B-[0-9a-f]{12}", account_component("B", "Ωμέγα !"))
    for name in ("a b", "x\ny", "A:B", "阿卜杜·热西提", "  ", "ｆｕｌｌ", "x;y", "--"):
        component = account_component("D", name)
        assert BEANCOUNT_COMPONENT.fullmatch(component), (name, component)
    accounts = fund_accounts("cz village", "")
    assert accounts.cash.endswith(":Cash:Unrestricted")
    assert accounts.reserved.startswith("Assets:Fund:F-cz-village-")


POSTING = re.compile(r"^ {2,4}(\S+)  (-?[0-9]+\.[0-9]{2}) CNY$")


def parse_postings(text: str) -> list[list[tuple[str, int]]]:
    """The transactions' postings, in fen (the balance-assertion block excluded)."""
    transactions: list[list[tuple[str, int]]] = []
    current: list[tuple[str, int]] | None = None
    for line in text.splitlines():
        if re.match(r"^[0-9]{4}-[0-9]{2}-[0-9]{2} \* ", line) and "sgz-ledger balances" not in line:
            current = []
            transactions.append(current)
        elif not line.startswith(" "):
            current = None
        elif current is not None and (found := POSTING.match(line)):
            current.append((found.group(1), int(Decimal(found.group(2)) * 100)))
    return transactions


@pytest.mark.parametrize("fmt", ["hledger", "beancount"])
def test_journal_transactions_balance_and_carry_position_and_digest(fmt: str) -> None:
    ledger = Ledger("memory:", clock=FixedClock())
    record_history(ledger)
    text, summary = export_text(ledger, fmt)
    transactions = parse_postings(text)
    assert len(transactions) == summary.transactions > 0
    totals: dict[str, int] = defaultdict(int)
    for postings in transactions:
        assert len(postings) >= 2
        assert sum(fen for _, fen in postings) == 0
        for account, fen in postings:
            totals[account] += fen
    assert dict(totals) == summary.balances_fen
    assert summary.events_read == ledger.log_position()

    digests = {link.position: link.digest.hex() for link in ledger.chained_recorder.scan_links()}
    if fmt == "hledger":
        tagged = re.findall(r"; position:([0-9]+), digest:([0-9a-f]{64}), event:", text)
    else:
        tagged = re.findall(r'position: ([0-9]+)\n  digest: "([0-9a-f]{64})"', text)
    assert len(tagged) == summary.transactions
    assert all(digests[int(p)] == d for p, d in tagged)

    used = set(totals)
    for account in used:
        assert account.split(":")[0] in ("Assets", "Income", "Expenses", "Equity")
        assert all(BEANCOUNT_COMPONENT.fullmatch(c) for c in account.split(":")), account
    if fmt == "beancount":
        assert 'option "operating_currency" "CNY"' in text
        opened = set(re.findall(r"^[0-9-]{10} open (\S+) CNY$", text, re.M))
        assert used <= opened
        asserted = dict(
            re.findall(r"^[0-9-]{10} balance (\S+)  (-?[0-9.]+) ~ 0\.00 CNY$", text, re.M)
        )
    else:
        assert "commodity 1000.00 CNY" in text
        declared = set(re.findall(r"^account (\S+)", text, re.M))
        assert used <= declared
        asserted = dict(re.findall(r"^ {4}(\S+)  0 CNY = (-?[0-9.]+) CNY$", text, re.M))
    # The assertions are the ledger's own balances: available and reserved cash per
    # restriction, booked value of goods held.
    expected: dict[str, int] = {}
    for fund in ledger.balances():
        for r in fund.restrictions:
            accounts = fund_accounts(fund.fund_id, r.restriction)
            expected[accounts.cash] = r.available_fen
            expected[accounts.reserved] = r.reserved_fen
        for g in fund.goods:
            goods = fund_accounts(fund.fund_id, g.restriction).goods
            expected[goods] = expected.get(goods, 0) + g.value_fen
    asserted_fen = {a: int(Decimal(v) * 100) for a, v in asserted.items()}
    for account, fen in expected.items():
        assert asserted_fen.get(account, 0) == fen, account
    assert {a: f for a, f in asserted_fen.items() if f} == {a: f for a, f in expected.items() if f}


def test_journal_of_one_fund_and_a_refund_debits_the_donor() -> None:
    ledger = Ledger("memory:", clock=FixedClock())
    record_history(ledger)
    text, summary = export_text(ledger, "hledger", fund_id="F-B")
    assert "fund:F-B" in text
    assert "fund:F-A" not in text
    # F-B: 600 from 张三, a rejected request, then closed into F-A.
    assert summary.balances_fen == {
        fund_accounts("F-B", "").cash: 0,
        fund_accounts("F-B", "").reserved: 0,
        f"Income:Donations:Cash:{account_component('D', '张三')}": -60_000,
        "Equity:Transfers": 60_000,
    }
    _, whole = export_text(ledger, "beancount")
    # 张三 gave 1000 to F-A (200 refunded) and 600 to F-B: the refund debits his account.
    assert whole.balances_fen[f"Income:Donations:Cash:{account_component('D', '张三')}"] == -140_000
    assert whole.balances_fen["Income:Donations:Cash:Anonymous"] == 0  # R3 was reversed
    assert "Equity:Transfers" in whole.balances_fen
    assert whole.balances_fen["Equity:Transfers"] == 0  # both sides of the transfer exported
