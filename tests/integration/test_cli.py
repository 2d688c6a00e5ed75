"""The ``sgz-ledger`` command line, run in-process (``main``) and as a real process.

The expected figures of the demo year are restated here from the amounts it
records and summed by this test, so a mistake in the ledger's arithmetic (or in
the CLI's printing of it) cannot hide behind the same code computing both sides.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import unicodedata
from collections import defaultdict
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

from sgz_ledger import Ledger
from sgz_ledger.cli import main
from sgz_ledger.demo import record_demo_year
from sgz_ledger.domain.events import DisbursementApproved

COMMUNITIES = {
    "cz-cuizhai": "崔寨村",
    "cz-lishanren": "李善仁村",
    "cz-wanghe": "王河村",
    "cz-qingning": "清宁村",
}

# The demo's cash movements: (fund, restriction, yuan). "" is unrestricted.
GIFTS = [
    ("cz-cuizhai", "助学", "20000.00"),
    ("cz-cuizhai", "", "8000.00"),
    ("cz-cuizhai", "助老", "500.00"),
    ("cz-cuizhai", "助老", "1200.00"),
    ("cz-cuizhai", "", "3000.00"),
    ("cz-lishanren", "", "5000.00"),
    ("cz-lishanren", "困境儿童", "800.00"),
    ("cz-lishanren", "困境儿童", "6000.00"),
    ("cz-wanghe", "", "10000.00"),
    ("cz-wanghe", "助老", "300.00"),
    ("cz-wanghe", "助老", "2000.00"),
    ("cz-qingning", "心智障碍青年支持", "5000.00"),
    ("cz-qingning", "", "200.00"),
    ("cz-qingning", "", "1000.00"),
]
REFUNDS = [("cz-cuizhai", "", "1000.00")]
PAID = [
    ("cz-cuizhai", "助学", "6000.00"),
    ("cz-cuizhai", "助老", "1500.00"),
    ("cz-lishanren", "困境儿童", "3600.00"),
    ("cz-lishanren", "", "1200.00"),
    ("cz-wanghe", "助老", "1800.00"),
    ("cz-qingning", "心智障碍青年支持", "2400.00"),
]
# Approved and publicized, not yet paid at the year's end. (The rejected 4500 and the
# cancelled 600 reserve nothing.)
RESERVED = [("cz-cuizhai", "", "2000.00")]
# In-kind gifts: (fund, item, quantity received, quantity given out, booked yuan).
GOODS = [
    ("cz-cuizhai", "大米(10kg)", 50, 40, "3000.00"),
    ("cz-cuizhai", "食用油(5L)", 50, 41, "3500.00"),  # one redeemed with time-bank hours
    ("cz-lishanren", "书包", 60, 45, "4800.00"),
    ("cz-lishanren", "文具套装", 60, 45, "1800.00"),
    ("cz-qingning", "儿童图书", 120, 0, "0"),  # unvalued
]


def fen(yuan: str) -> int:
    return int(Decimal(yuan) * 100)


def yuan(fen_: int) -> str:
    return f"{Decimal(fen_) / 100:.2f}"


def expected_by_restriction() -> dict[str, dict[str, dict[str, int]]]:
    """fund -> restriction -> {received, refunded, paid, reserved, total, available} in fen."""
    out: dict[str, dict[str, dict[str, int]]] = defaultdict(
        lambda: defaultdict(lambda: defaultdict(int))
    )
    for column, movements in (
        ("received", GIFTS),
        ("refunded", REFUNDS),
        ("paid", PAID),
        ("reserved", RESERVED),
    ):
        for fund_id, restriction, amount in movements:
            out[fund_id][restriction][column] += fen(amount)
    for restrictions in out.values():
        for r in restrictions.values():
            r["total"] = r["received"] - r["refunded"] - r["paid"]
            r["available"] = r["total"] - r["reserved"]
    return out


def expected_goods_held_fen(fund_id: str) -> int:
    held = Fraction(0)
    for fund, _, received, given, value in GOODS:
        if fund == fund_id:
            held += Fraction(fen(value)) * (received - given) / received
    assert held.denominator == 1  # the demo's quantities divide its values exactly
    return int(held)


def width(text: str) -> int:
    """Terminal columns (this test's own count: wide/full-width characters take 2)."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def cash_table(out: str) -> list[str]:
    """The lines of the cash table: from its header to the all-funds line."""
    lines = out.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("基金"))
    end = next(i for i, line in enumerate(lines) if line.startswith("合计 all funds"))
    return lines[start : end + 1]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def json_funds(capsys: pytest.CaptureFixture[str], store: str) -> dict[str, dict[str, object]]:
    code, out, err = run(capsys, "balances", "--json", "--store", store)
    assert (code, err) == (0, "")
    return {f["fund_id"]: f for f in json.loads(out)["funds"]}


@pytest.fixture
def store(tmp_path: Path) -> str:
    return str(tmp_path / "station.db")


# ---- demo ------------------------------------------------------------------------------


def test_demo_prints_the_four_funds_and_their_totals(
    capsys: pytest.CaptureFixture[str], store: str
) -> None:
    code, out, err = run(capsys, "--store", store, "demo")
    assert (code, err) == (0, "")
    expected = expected_by_restriction()
    # The annual report first (the year as the station reports it), then the balances.
    assert out.index("2024年度工作总结 Annual report 2024") < out.index("合计 all funds")
    # The report lists goods in units, as `report` prints it.
    assert "物资(数量) Goods in units" in out
    assert "大米(10kg) 50袋, 派发 40袋, 结存 10袋" in out
    balances = out[out.index("2024年度工作总结") :]
    balances = balances[balances.index("锚点 anchor") :]
    table = cash_table(balances)
    for fund_id, community in COMMUNITIES.items():
        first = next(i for i, line in enumerate(table) if line.startswith(fund_id))
        assert table[first].split()[1] == community
        subtotal = next(line for line in table[first:] if "小计 fund total" in line)
        total = sum(r["total"] for r in expected[fund_id].values())
        assert subtotal.split()[3] == yuan(total), fund_id
    cash = sum(r["total"] for f in expected.values() for r in f.values())
    reserved = sum(r["reserved"] for f in expected.values() for r in f.values())
    received = sum(fen(a) for _, _, a in GIFTS)
    [grand] = [line for line in out.splitlines() if line.startswith("合计 all funds")]
    assert grand.split()[3:6] == [yuan(cash), yuan(reserved), yuan(cash - reserved)]
    assert grand.split()[6] == yuan(received)
    in_kind = sum(fen(v) for *_, v in GOODS)
    held = sum(expected_goods_held_fen(f) for f in COMMUNITIES)
    summary = out.strip().splitlines()[-1]
    assert "4 个基金 funds" in summary
    assert f"现金 cash {yuan(cash)} 元" in summary
    assert f"物资 in kind {yuan(in_kind)} 元 (库存 held {yuan(held)} 元)" in summary
    assert (cash, in_kind, held) == (4_550_000, 1_310_000, 288_000)  # 45500.00 / 13100 / 2880
    assert "Traceback" not in out


def test_balances_json_gives_every_amount_in_integer_fen(
    capsys: pytest.CaptureFixture[str], store: str
) -> None:
    assert main(["demo", "--store", store]) == 0
    capsys.readouterr()
    funds = json_funds(capsys, store)
    assert set(funds) == set(COMMUNITIES)
    expected = expected_by_restriction()
    for fund_id, fund in funds.items():
        assert fund["community"] == COMMUNITIES[fund_id]
        rows = fund["restrictions"]
        assert isinstance(rows, list)
        got = {
            row["restriction"]: {
                k.removesuffix("_fen"): v for k, v in row.items() if k != "restriction"
            }
            for row in rows
        }
        assert got == {name: dict(r) for name, r in expected[fund_id].items()}, fund_id
        for key, value in fund.items():
            if key.endswith("_fen"):
                assert type(value) is int, key
        assert fund["total_fen"] == sum(r["total"] for r in expected[fund_id].values())
        assert fund["in_kind_held_fen"] == expected_goods_held_fen(fund_id)
        assert fund["in_kind_received_fen"] == sum(fen(v) for f, *_, v in GOODS if f == fund_id)


def test_balances_of_one_fund(capsys: pytest.CaptureFixture[str], store: str) -> None:
    assert main(["--store", store, "demo"]) == 0
    capsys.readouterr()
    code, out, err = run(capsys, "--store", store, "balances", "--fund", "cz-wanghe")
    assert (code, err) == (0, "")
    assert "王河村" in out
    assert "崔寨村" not in out
    code, out, err = run(capsys, "--store", store, "balances", "--fund", "cz-nowhere")
    assert code == 2
    assert "cz-nowhere" in err
    assert out == ""


def test_running_demo_twice_records_nothing_new(
    capsys: pytest.CaptureFixture[str], store: str
) -> None:
    assert main(["--store", store, "demo"]) == 0
    first = capsys.readouterr().out
    ledger = Ledger(store, create=False)
    try:
        stored = len(ledger.stored_events())
    finally:
        ledger.close()
    assert "本次记录 0 个事件" not in first

    assert main(["--store", store, "demo"]) == 0
    second = capsys.readouterr().out
    assert "本次记录 0 个事件 events recorded" in second
    ledger = Ledger(store, create=False)
    try:
        assert len(ledger.stored_events()) == stored
    finally:
        ledger.close()
    # The same balances, printed the same way (the store line aside).
    assert first.splitlines()[2:-1] == second.splitlines()[2:-1]


def test_record_demo_year_is_idempotent_in_memory() -> None:
    ledger = Ledger("memory:")
    record_demo_year(ledger)
    events = ledger.stored_events()
    record_demo_year(ledger)
    assert ledger.stored_events() == events
    ledger.close()


def test_demo_year_tells_the_whole_story_in_date_order() -> None:
    ledger = Ledger("memory:")
    record_demo_year(ledger)
    events = ledger.stored_events()
    ledger.close()
    days = [e.occurred_on for e in events]
    assert days == sorted(days)
    assert days[0].year == days[-1].year == 2024
    kinds = [type(e).__name__ for e in events]
    for kind in (
        "CashDonationReceived",
        "InKindDonationReceived",
        "GoodsDistributed",
        "DonationRefunded",
        "DisbursementPublicized",
        "DisbursementPaid",
        "DisbursementRejected",
        "DisbursementCancelled",
        # both halves: volunteers, the time bank, a certificate, a project, teams, the
        # service delivered
        "VolunteerRegistered",
        "ServiceApproved",
        "HoursBanked",
        "HoursRedeemed",
        "CertificateIssued",
        "ProjectOpened",
        "TeamFormed",
        "AwardGranted",
        "CaseOpened",
        "GroupSessionHeld",
        "CommunityActivitySessionHeld",
        "SupervisionRecorded",
    ):
        assert kind in kinds, kind
    # An above-threshold request needed two different approvers before it was paid.
    approvers: dict[str, set[str]] = defaultdict(set)
    for e in events:
        if isinstance(e, DisbursementApproved):
            approvers[e.request_id].add(e.actor)
    assert max(len(a) for a in approvers.values()) == 2
    anonymous = [e for e in events if getattr(e, "donor", "") is None]
    assert anonymous


# ---- the table -----------------------------------------------------------------------------


def _column_ends(line: str) -> list[int]:
    """Terminal column where each cell ends (cells are separated by two or more spaces)."""
    return [width(line[: m.end()]) for m in re.finditer(r"\S+(?: \S+)*", line)]


def test_the_cash_table_lines_up_with_chinese_text(
    capsys: pytest.CaptureFixture[str], store: str
) -> None:
    main(["--store", store, "demo"])
    capsys.readouterr()
    code, out, _ = run(capsys, "--store", store, "balances")
    assert code == 0
    table = cash_table(out)
    assert table[1].split()[:3] == ["fund", "community", "restriction"]
    assert len({width(line) for line in table}) == 1  # the last column is right-aligned
    money_ends = _column_ends(table[1])[-6:]
    for line in table:
        if not line.startswith("-"):
            assert _column_ends(line)[-6:] == money_ends, line
    # Every fund's first line names its community, aligned under 社区.
    community_at = table[0].index("社区")
    for community in COMMUNITIES.values():
        [row] = [line for line in table if community in line]
        assert width(row[: row.index(community)]) == width(table[0][:community_at])
    assert "非限定 unrestricted" in out


def test_balances_of_an_empty_store(capsys: pytest.CaptureFixture[str], store: str) -> None:
    Ledger(store).close()  # creates the store, records nothing
    code, out, err = run(capsys, "balances", "--store", store)
    assert (code, err) == (0, "")
    assert "No funds" in out


# ---- --store, before and after the command, and its forms -------------------------------


@pytest.mark.parametrize("before", [True, False], ids=["before-command", "after-command"])
def test_store_option_before_or_after_the_command(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, before: bool
) -> None:
    path = tmp_path / "x.db"
    argv = ["--store", str(path), "demo"] if before else ["demo", "--store", str(path)]
    assert main(argv) == 0
    capsys.readouterr()
    assert path.exists()
    assert not (tmp_path / "station.db").exists()
    as_url = json_funds(capsys, f"sqlite://{path}")  # sqlite:///abs/path
    code, out, _ = run(capsys, "--store", str(path), "balances", "--json")
    assert code == 0
    assert {f["fund_id"]: f for f in json.loads(out)["funds"]} == as_url


def test_store_after_the_command_wins(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    assert (
        main(
            [
                "--store",
                str(tmp_path / "missing" / "a.db"),
                "demo",
                "--store",
                str(tmp_path / "a" / "a.db"),
            ]
        )
        == 0
    )
    assert (tmp_path / "a" / "a.db").exists()


def test_the_default_store_is_station_db_in_the_working_folder(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["demo"]) == 0
    assert (tmp_path / "station.db").exists()


# ---- bad usage and bad input: exit 2, one clear line, no traceback ---------------------------


def test_a_store_in_a_missing_folder_exits_2_with_a_clear_message(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    missing = tmp_path / "no-such-folder" / "station.db"
    code, out, err = run(capsys, "--store", str(missing), "demo")
    assert code == 2
    assert out == ""
    assert "Traceback" not in err
    assert err.startswith("sgz-ledger: error:")
    assert "no-such-folder" in err
    assert "does not exist" in err
    assert len(err.strip().splitlines()) == 1
    assert not missing.parent.exists()


def test_balances_never_creates_a_store(capsys: pytest.CaptureFixture[str], store: str) -> None:
    code, _, err = run(capsys, "--store", store, "balances")
    assert code == 2
    assert "there is no ledger at" in err
    assert "Traceback" not in err
    assert not Path(store).exists()


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        ([], "required: COMMAND"),
        (["balances", "--bogus"], "unrecognized arguments"),
        (["nonsense"], "invalid choice"),
        (["--store", "ftp://host/x", "balances"], "unknown store URL scheme"),
        (["--store", "postgresql://user@host", "balances"], "names no database"),
    ],
)
def test_bad_usage_exits_2(capsys: pytest.CaptureFixture[str], argv: list[str], says: str) -> None:
    code, _, err = run(capsys, *argv)
    assert code == 2
    assert says in err
    assert "Traceback" not in err


def test_help_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--help")
    assert code == 0
    assert "balances" in out
    assert "demo" in out


# ---- the real entry point ----------------------------------------------------------------


def test_the_console_entry_point_runs_as_a_process(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    db = str(tmp_path / "station.db")
    done = subprocess.run(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-m", "sgz_ledger.cli", "--store", db, "demo"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    for community in COMMUNITIES.values():
        assert community in done.stdout
    assert "45500.00" in done.stdout
    bad = subprocess.run(  # noqa: S603
        [
            sys.executable,
            "-m",
            "sgz_ledger.cli",
            "--store",
            str(tmp_path / "no" / "x.db"),
            "balances",
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        check=False,
        timeout=120,
    )
    assert bad.returncode == 2
    assert "Traceback" not in bad.stderr
