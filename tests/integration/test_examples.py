"""The programs of examples/ do what they say: each is run as a person runs it (``main`` with
its options, on a store of the test's own) and its claims are checked against the store."""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from sgz_ledger import GoodsDistributed, HoursRedeemed, Ledger, SheetRefused
from sgz_ledger.audit.publication import new_signing_key, public_key_pem
from sgz_ledger.sheets import import_file

pytestmark = pytest.mark.filterwarnings("ignore::sgz_ledger.PersonalDataInClearWarning")

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _example(name: str) -> ModuleType:
    """The example program ``examples/<name>.py``, loaded as a module (its ``main`` not run)."""
    spec = importlib.util.spec_from_file_location(f"examples_{name}", EXAMPLES / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _events(store: str) -> int:
    ledger = Ledger(store, read_only=True)
    try:
        return ledger.log_position()
    finally:
        ledger.close()


# ---- station_backend.py ----------------------------------------------------------------------


def test_station_backend_records_and_answers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    example = _example("station_backend")
    store = str(tmp_path / "station.db")
    assert example.main(["--store", store]) == 0
    out = capsys.readouterr().out
    # Each refusal is said with the ledger's reason and its HTTP status.
    assert "400  invalid_amount" in out
    assert "422  approval_refused" in out
    assert "422  invalid_transition" in out  # paying before the 公示
    assert "404  not_found" in out
    assert "200  CashDonationReceived JZ-2024-001 (already recorded" in out

    ledger = Ledger(store, read_only=True)
    try:
        [fund] = ledger.balances()
        # 12000.00 助学 + 3000.50 unrestricted, less 3000.00 paid from 助学.
        assert fund.total_fen == 1_200_050
        assert fund.paid_fen == 300_000
        assert {r.restriction: r.total_fen for r in fund.restrictions} == {
            "": 300_050,
            "助学": 900_000,
        }
        assert fund.in_kind_held_fen == 100_000
        refs = {line.ref for line in ledger.statement("cz-village").lines}
        assert "JZ-2024-003" not in refs  # the float amount recorded nothing
        hours = {a.volunteer_id: a.service_s for a in ledger.volunteer_accounts()}
        assert hours == {"V-0001": 9000, "V-0002": 10800}
        report = ledger.annual_report(2024)
        assert (report.person_times, report.service_s, report.spending_fen) == (2, 19800, 300_000)
        recorded = ledger.log_position()
    finally:
        ledger.close()
    assert f"closing 12000.50   anchor {report.anchor}" in out
    assert "5.50 小时" in out

    # Every request again (a front end retrying all of them) records nothing.
    assert example.main(["--store", store]) == 0
    assert _events(store) == recorded
    assert "201" not in capsys.readouterr().out


def test_station_backend_refuses_what_the_body_may_not_say() -> None:
    example = _example("station_backend")
    ledger = Ledger("memory:")
    backend = example.StationBackend(ledger, "cuizhai")
    fund = {
        "fund_id": "f",
        "community": "崔寨村",
        "name": "崔寨村社区基金",
        "host": "济南市慈善总会",
        "approval_threshold": "5000",
        "occurred_on": "2024-03-01",
    }
    for body, field in (
        ({**fund, "actor": "someone else"}, "actor"),  # the actor is the signed-in user
        ({**fund, "station_id": "other"}, "station_id"),  # the back end's station
        ({**fund, "occurred_on": "2024-02-30"}, "occurred_on"),
        ({**fund, "colour": "red"}, "colour"),  # a field no command has
    ):
        reply = backend.open_fund(user="王芳", body=body)
        assert (reply.status, reply.body["error"]) == (400, "invalid_input")
        assert field in reply.body["message"]
    assert ledger.log_position() == 0
    first = backend.open_fund(user="王芳", body=fund)
    again = backend.open_fund(user="王芳", body=fund)
    assert (first.status, again.status) == (201, 200)
    assert first.body == again.body
    assert first.body["actor"] == "王芳"
    changed = backend.open_fund(user="王芳", body={**fund, "name": "另一个基金"})
    assert (changed.status, changed.body["error"]) == (409, "exists_with_different_fields")
    gift = backend.record_gift(
        user="王芳", fund_id="f", body={"kind": "pledge", "receipt_no": "R", "amount": "1"}
    )
    assert gift.status == 400
    assert backend.fund_statement(fund_id="nope", query={}).status == 404
    bad_day = backend.volunteer_hours(query={"from": "2024-13-01"})
    assert (bad_day.status, bad_day.body["error"]) == (400, "invalid_input")
    assert ledger.log_position() == 1
    ledger.close()


# ---- auditor_replay.py -----------------------------------------------------------------------


def test_auditor_replays_verifies_and_catches_a_tampered_copy(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    example = _example("auditor_replay")
    store = tmp_path / "station.db"
    assert example.main(["--store", str(store)]) == 0
    out = capsys.readouterr().out
    anchor_file, key_file = tmp_path / "anchor.json", tmp_path / "station-signing.pub"
    assert anchor_file.exists()
    assert key_file.exists()
    assert "Verify: 17 events intact, the published anchor matched" in out
    # As of 30 June: 20000 + 3000 + 3000 - 1000 refunded - 6000 paid; SQ-2024-02 reserved.
    assert "cash 19000.00, reserved 2400.00, available 16600.00" in out
    assert "closing balance 19000.00: agrees" in out
    ledger = Ledger(str(store), read_only=True)
    try:
        [june] = ledger.balances(fund_id="cz-cuizhai", as_of=dt.date(2024, 6, 30))
        assert (june.total_fen, june.reserved_fen) == (1_900_000, 240_000)
        lines = ledger.statement("cz-cuizhai").lines
    finally:
        ledger.close()
    # The program's own forged copy renamed the payee of SQ-2024-01: caught at its request.
    requests = {line.ref: line.position for line in lines if line.kind == "requested"}
    request, changed = requests["SQ-2024-01"], requests["SQ-2024-02"]
    assert f"NOT VERIFIED at position {request} (changed)" in out
    assert "The tampered copy is caught" in out

    # The auditor given a copy changed by someone else: a finding, exit 1, the event named.
    copy = tmp_path / "copy.db"
    copy.write_bytes(store.read_bytes().replace("崔寨文具店".encode(), "崔寨文具坊".encode()))
    argv = ["--anchor-file", str(anchor_file), "--public-key-file", str(key_file)]
    assert example.main(["--store", str(copy), *argv]) == 1
    out = capsys.readouterr().out
    assert f"NOT VERIFIED at position {changed} (changed)" in out
    assert "Audit as of" not in out  # nothing is replayed from a store that does not verify

    # The untouched store against the published anchor passes, also after more was recorded.
    ledger = Ledger(str(store))
    ledger.receive_cash(
        fund_id="cz-cuizhai", receipt_no="SX2024-0020", amount="500", actor="陈晓",
        occurred_on=dt.date(2024, 10, 8),
    )  # fmt: skip
    ledger.close()
    assert example.main(["--store", str(store), *argv]) == 0
    assert "head now sha256:18:" in capsys.readouterr().out

    # An anchor file checked with another station's key is bad input, not a pass.
    other = tmp_path / "other.pub"
    other.write_text(public_key_pem(new_signing_key()))
    argv = ["--anchor-file", str(anchor_file), "--public-key-file", str(other)]
    assert example.main(["--store", str(store), *argv]) == 2
    assert "signature does not verify" in capsys.readouterr().err


def test_auditor_finds_a_store_cut_short_of_its_anchor(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A copy taken before the published anchor does not extend it: a finding."""
    example = _example("auditor_replay")
    store = tmp_path / "station.db"
    example.record_station_year(str(store))
    older = tmp_path / "older.db"
    older.write_bytes(store.read_bytes())
    ledger = Ledger(str(store))
    ledger.receive_cash(
        fund_id="cz-cuizhai", receipt_no="SX2024-0020", amount="500", actor="陈晓",
        occurred_on=dt.date(2024, 10, 8),
    )  # fmt: skip
    ledger.close()
    anchor_file, key_file = example.publish_anchor(str(store), tmp_path)
    argv = ["--anchor-file", str(anchor_file), "--public-key-file", str(key_file)]
    assert example.main(["--store", str(older), *argv]) == 1
    assert "(truncated)" in capsys.readouterr().out


# ---- district.py -----------------------------------------------------------------------------

# Every figure a level adds up from its stations (docs/levels.md, "Definitions").
_ADDITIVE = (
    "person_times", "service_s", "registered_volunteers", "funds_opened", "funds_open",
    "donations_cash_fen", "donations_in_kind_fen", "refunds_fen", "spending_fen",
    "cash_start_fen", "cash_end_fen", "reserved_end_fen", "available_end_fen",
)  # fmt: skip


def _district_is_the_sum_of_its_stations(store: str, capsys: pytest.CaptureFixture[str]) -> None:
    example = _example("district")
    assert example.main(["--store", store]) == 0
    out = capsys.readouterr().out
    assert "The district's figures are the sum of its stations', figure by figure." in out
    ledger = Ledger(store, read_only=True)
    try:
        district = ledger.annual_report(2024, unit_id="licheng", level="district")
        stations = [
            ledger.annual_report(2024, unit_id=s, level="station")
            for s in ("cuizhai", "tangwang", "yaoqiang")
        ]
        rooms = ledger.annual_report(2024, unit_id="cz-village", level="community")
        recorded = ledger.log_position()
    finally:
        ledger.close()
    for name in _ADDITIVE:
        assert getattr(district, name) == sum(getattr(s, name) for s in stations), name
    # The hand-computed year: 33900.50 given, 8200.50 paid, 1360 minutes in 12 records.
    assert district.donations_cash_fen == 3_390_050
    assert district.spending_fen == 820_050
    assert district.cash_end_fen == 3_390_050 - 820_050
    assert (district.person_times, district.service_s) == (12, 1360 * 60)
    assert district.registered_volunteers == 12
    assert str(district.service_hours) == "22.67"  # 81600 s, rounded once
    assert (rooms.donations_cash_fen, rooms.person_times) == (200_000, 2)
    [row] = [line.split() for line in out.splitlines() if "district licheng" in line]
    assert row[2:5] == ["12", "81600", "22.67"]
    # Run again on the same store: every entry is a repeat, nothing is recorded.
    assert example.main(["--store", store]) == 0
    capsys.readouterr()
    assert _events(store) == recorded


def test_district_on_sqlite(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _district_is_the_sum_of_its_stations(str(tmp_path / "district.db"), capsys)


@pytest.mark.postgres
def test_district_on_postgresql(pg_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    _district_is_the_sum_of_its_stations(pg_url, capsys)


# ---- time_bank.py ----------------------------------------------------------------------------


def test_time_bank_redeems_credit_and_goods_together(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    example = _example("time_bank")
    store = str(tmp_path / "station.db")
    assert example.main(["--store", store]) == 0
    out = capsys.readouterr().out
    assert "V-0001 redeems 2 袋 大米 (2.00 h): HoursRedeemed + GoodsDistributed" in out
    assert "REFUSED (insufficient_credit)" in out
    assert "REFUSED (insufficient_stock)" in out
    assert "REFUSED (invalid_transition)" in out  # banking a record not approved
    ledger = Ledger(store, read_only=True)
    try:
        stock = {
            line.item: (line.received, line.handed_out, line.in_stock)
            for line in ledger.goods_register(fund_id="cz-market").lines
        }
        credit = {a.volunteer_id: a.bank_balance_s for a in ledger.volunteer_accounts()}
        events = ledger.stored_events()
    finally:
        ledger.close()
    # The goods redeemed left the stock; the refused redemptions took none.
    assert stock == {"大米": (20, 2, 18), "食用油": (10, 2, 8), "洗衣液": (2, 0, 2)}
    # V-0001: 3 h + 4 h banked, 2 h given, 2 h of rice; V-0002: 2.5 h banked, 2 h of oil;
    # V-0003: 2 h received, 1.5 h for a haircut. The refusals took no credit.
    assert credit == {"V-0001": 3 * 3600, "V-0002": 1800, "V-0003": 1800}
    redeemed = {e.redemption_id: e for e in events if isinstance(e, HoursRedeemed)}
    handed_out = {e.distribution_id: e for e in events if isinstance(e, GoodsDistributed)}
    assert set(redeemed) == {"DH-2024-01", "DH-2024-02", "DH-2024-03"}
    assert set(handed_out) == {"DH-2024-02", "DH-2024-03"}  # each with its redemption
    assert (handed_out["DH-2024-02"].recipient, handed_out["DH-2024-02"].quantity) == ("V-0001", 2)
    assert redeemed["DH-2024-02"].counterparty == "cz-market"
    # The whole month again records nothing new.
    assert example.main(["--store", store]) == 0
    assert "HoursRedeemed" not in capsys.readouterr().out
    assert _events(store) == len(events)


# ---- sheet_migration.py ----------------------------------------------------------------------


def test_sheet_migration_imports_the_sheets_and_refuses_the_bad_one_whole(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    example = _example("sheet_migration")
    data = EXAMPLES / "data"
    # The samples are what the docstring says: Chinese headers in GB18030, English in UTF-8.
    funds = (data / "funds.csv").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        funds.decode("utf-8")
    assert "托管机构" in funds.decode("gb18030")
    assert (data / "volunteers.csv").read_text(encoding="utf-8").startswith("volunteer_id,name")

    store = str(tmp_path / "station.db")
    assert example.main(["--store", store]) == 0
    out = capsys.readouterr().out
    assert "funds.csv: 基金设立表 funds sheet, GB18030, 2 rows" in out
    assert "volunteers.csv: 志愿者名册 volunteer roster, UTF-8, 3 rows" in out
    assert "disbursements-q2.csv: REFUSED, 3 bad lines:" in out
    for reason in ("invalid_amount", "approval_refused", "insufficient_funds"):
        assert f"[{reason}]" in out

    ledger = Ledger(store, read_only=True)
    try:
        recorded = ledger.log_position()
        requests = {
            line.ref
            for fund in ("cz-village", "wh-village")
            for line in ledger.statement(fund).lines
            if line.kind == "requested"
        }
        report = ledger.annual_report(2024, station_id="cuizhai")
        [person] = ledger.donor_summary(donor="欧阳春晓").donors
    finally:
        ledger.close()
    # Nothing of the refused register, not even its good first row (SQ-2024-03).
    assert requests == {"SQ-2024-01", "SQ-2024-02"}
    # The sheets' own sums: 12000 + 300.50 + 500 in cash, rice booked at 1000, 3000 paid;
    # R-0001..3 approved (2:30, 3:00, 3:15); R-0004 is training, R-0005 not approved.
    assert report.donations_cash_fen == 1_280_050
    assert report.donations_in_kind_fen == 100_000
    assert report.spending_fen == 300_000
    assert (report.person_times, report.service_s) == (3, 9000 + 10800 + 11700)
    assert report.registered_volunteers == 3
    assert [(o.category, o.person_times) for o in report.other_activities] == [("training", 1)]
    assert person.person  # 捐赠人类型 个人: a person's name, sealed

    # The refused sheet, imported again, is refused again with the same lines.
    ledger = Ledger(store)
    try:
        with pytest.raises(SheetRefused) as refused:
            import_file(ledger, data / "disbursements-q2.csv", entered_by="陈晓")
        assert refused.value.lines == (3, 4, 5)
        assert ledger.log_position() == recorded
    finally:
        ledger.close()
    # The whole migration again records nothing.
    assert example.main(["--store", store]) == 0
    assert "rows recorded before" in capsys.readouterr().out
    assert _events(store) == recorded


# ---- bulk_load.py and service_delivery_year.py -------------------------------------------------


def test_bulk_load_records_the_gifts_and_nothing_of_the_refused_batch(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = str(tmp_path / "station.db")
    assert _example("bulk_load").main(["--store", store]) == 0
    out = capsys.readouterr().out
    assert "100 of 100 gifts recorded, 10050.50 yuan held" in out
    assert "refused: command 1 of the batch was refused (insufficient_funds)" in out
    assert _example("bulk_load").main(["--store", store]) == 0
    assert "0 of 100 gifts recorded, 10050.50 yuan held" in capsys.readouterr().out
    ledger = Ledger(store, read_only=True)
    try:
        [fund] = ledger.balances()
        kinds = {line.kind for line in ledger.statement("qn-village").lines}
        assert ledger.log_position() == 101  # the fund and its 100 gifts
    finally:
        ledger.close()
    assert fund.total_fen == sum(10_000 + n for n in range(1, 101))
    assert kinds == {"opened", "donation"}  # not the request of the refused batch


def test_service_delivery_year_is_the_report_s_figures(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = str(tmp_path / "station.db")
    assert _example("service_delivery_year").main(["--store", store]) == 0
    assert "小组5个,服务次数21次,服务人次共计199人次" in capsys.readouterr().out
    ledger = Ledger(store, read_only=True)
    try:
        report = ledger.delivery_report(
            date_from=dt.date(2024, 1, 1), date_to=dt.date(2024, 12, 31), station_ids=None
        )
    finally:
        ledger.close()
    assert (report.group_sessions, report.supervision_count) == (21, 23)
