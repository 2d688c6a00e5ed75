"""``sgz-ledger verify`` and ``sgz-ledger audit``: findings exit 1, usage exits 2.

The store is the demo year in a SQLite file; hand edits are made with sqlite3, as an
auditor receiving a tampered file would meet them.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import sqlite3
from pathlib import Path

import pytest

from sgz_ledger import Ledger
from sgz_ledger.cli import EXIT_FINDING, EXIT_OK, EXIT_USAGE, main
from sgz_ledger.cli.progress import Progress


@pytest.fixture
def demo(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    path = str(tmp_path / "station.db")
    assert main(["--store", path, "demo"]) == EXIT_OK
    capsys.readouterr()
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_verify_of_an_untouched_store_prints_the_head_anchor(
    demo: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "verify", "--store", demo)
    assert code == EXIT_OK, err
    assert "完好 intact" in out
    assert "head anchor: " in out
    code, out, _ = run(capsys, "verify", "--store", demo, "--json")
    report = json.loads(out)
    assert report["ok"] is True
    assert report["first_break"] is None
    assert report["head"]["position"] == report["events"]
    assert "\r" not in out  # no progress bar drawn into a pipe


def test_verify_finds_a_changed_row_and_exits_1(
    demo: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with sqlite3.connect(demo) as conn:
        (state,) = conn.execute("SELECT state FROM stored_events WHERE rowid = 17").fetchone()
        conn.execute(
            "UPDATE stored_events SET state = ? WHERE rowid = 17", (bytes(state)[:-1] + b"\x00",)
        )
    conn.close()
    code, out, _ = run(capsys, "verify", "--store", demo)
    assert code == EXIT_FINDING
    assert "BROKEN at position 17 (changed)" in out
    assert "last good anchor: sha256:16:" in out
    _, out, _ = run(capsys, "verify", "--store", demo, "--json")
    assert json.loads(out)["first_break"]["position"] == 17


def test_verify_with_an_anchor_finds_a_cut_off_tail(
    demo: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = run(capsys, "verify", "--store", demo, "--json")
    head = json.loads(out)["head"]
    anchor = f"{head['position']}:{head['digest']}"
    assert run(capsys, "verify", "--store", demo, "--anchor", anchor)[0] == EXIT_OK
    with sqlite3.connect(demo) as conn:
        conn.execute("DELETE FROM stored_events WHERE rowid > 50")
        conn.execute("DELETE FROM event_chain WHERE position > 50")
    conn.close()
    assert run(capsys, "verify", "--store", demo)[0] == EXIT_OK  # consistent, but shorter
    code, out, _ = run(capsys, "verify", "--store", demo, "--anchor", anchor)
    assert code == EXIT_FINDING
    assert "(truncated)" in out


@pytest.mark.parametrize("bad", ["12", "x:ab", "0:" + "ab" * 32])
def test_a_bad_anchor_is_bad_usage(demo: str, capsys: pytest.CaptureFixture[str], bad: str) -> None:
    code, _, err = run(capsys, "verify", "--store", demo, "--anchor", bad)
    assert code == EXIT_USAGE
    assert "anchor" in err


def test_verify_of_a_keyed_store_needs_its_key_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from conftest import FixedClock, open_test_fund
    from sgz_ledger import Ledger

    path = str(tmp_path / "keyed.db")
    ledger = Ledger(path, chain_key="区民政局密钥", clock=FixedClock())
    open_test_fund(ledger)
    ledger.close()
    key_file = tmp_path / "chain.key"
    key_file.write_text("区民政局密钥\n", encoding="utf-8")
    code, out, _ = run(capsys, "verify", "--store", path, "--chain-key-file", str(key_file))
    assert code == EXIT_OK
    assert "hmac-sha256" in out
    # Without the key, or with another, nothing is proved: a finding (exit 1), not a pass.
    code, out, _ = run(capsys, "verify", "--store", path)
    assert code == EXIT_FINDING
    assert "key_required" in out
    assert "--chain-key-file" in out
    wrong = tmp_path / "wrong.key"
    wrong.write_text("another", encoding="utf-8")
    code, out, _ = run(capsys, "verify", "--store", path, "--chain-key-file", str(wrong))
    assert code == EXIT_FINDING
    assert "wrong_key" in out
    missing = str(tmp_path / "missing.key")
    assert run(capsys, "verify", "--store", path, "--chain-key-file", missing)[0] == EXIT_USAGE


def test_verify_of_a_missing_store_is_bad_usage(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "verify", "--store", str(tmp_path / "nothing.db"))
    assert code == EXIT_USAGE
    assert "no ledger" in err
    assert not (tmp_path / "nothing.db").exists()


def test_audit_of_an_untouched_store_finds_nothing(
    demo: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "audit", "--store", demo)
    assert code == EXIT_OK
    assert "相符" in out
    code, out, _ = run(capsys, "audit", "--store", demo, "--as-of", "2024-06-30", "--json")
    assert code == EXIT_OK
    report = json.loads(out)
    assert report["ok"] is True
    assert report["as_of"] == "2024-06-30"
    assert report["differences"] == []


def test_audit_of_views_behind_the_log_says_how_far_it_compared(
    demo: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # A gift recorded by a writer that never queried after: the views stay where they were.
    with Ledger(demo) as ledger:
        views_at = ledger.log_position()
        ledger.receive_cash(
            fund_id="cz-cuizhai", receipt_no="LATE-1", amount="10.00", actor="王芳",
            occurred_on=dt.date(2024, 12, 30),
        )  # fmt: skip
    code, out, _ = run(capsys, "audit", "--store", demo)
    assert code == EXIT_OK
    assert f"up to position {views_at:,} of {views_at + 1:,}" in out
    assert "1 positions behind" in out


def test_audit_lists_a_view_edited_by_hand_and_exits_1(
    demo: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with sqlite3.connect(demo) as conn:
        conn.execute("UPDATE fund_balances SET paid_fen = paid_fen + 1")
    conn.close()
    code, out, _ = run(capsys, "audit", "--store", demo)
    assert code == EXIT_FINDING
    assert "DIFFERENCE" in out
    assert "paid_fen" in out
    _, out, _ = run(capsys, "audit", "--store", demo, "--json")
    differences = json.loads(out)["differences"]
    assert differences
    per_restriction = [d for d in differences if "restriction" in d["subject"]]
    assert per_restriction
    assert all(d["figure"] == "paid_fen" for d in per_restriction)
    assert all(d["view"] == d["replayed"] + 1 for d in per_restriction)


def test_audit_refuses_a_loose_date(demo: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "audit", "--store", demo, "--as-of", "2024-6-30")[0] == EXIT_USAGE


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_progress_bar_draws_on_a_terminal_only() -> None:
    terminal = _Terminal()
    with Progress("校验 verify", 200, stream=terminal) as progress:
        progress.update(100)
    assert "\r校验 verify [" in terminal.getvalue()
    assert "200" in terminal.getvalue()
    assert terminal.getvalue().endswith("\n")
    pipe = io.StringIO()
    with Progress("校验 verify", 200, stream=pipe) as progress:
        progress.update(100)
    assert pipe.getvalue() == ""


def test_reports_print_the_anchor_a_later_verify_accepts(
    demo: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """The anchor on a disclosure, a statement, the donors and the annual report is the chain's
    head then."""
    outputs = [
        run(capsys, "disclosure", "--store", demo, "--fund", "cz-cuizhai", "--from", "2024-01-01",
            "--to", "2024-12-31")[1],
        run(capsys, "statement", "--store", demo, "--fund", "cz-cuizhai")[1],
        run(capsys, "report", "--store", demo, "--year", "2024")[1],
        run(capsys, "donors", "--store", demo)[1],
    ]  # fmt: skip
    anchors = {
        line.split()[-1] for out in outputs for line in out.splitlines() if "锚点 anchor:" in line
    }
    assert len(anchors) == 1
    [anchor] = anchors
    _, out, _ = run(capsys, "report", "--store", demo, "--year", "2024", "--json")
    printed = json.loads(out)["anchor"]
    assert anchor == f"sha256:{printed['position']}:{printed['digest']}"
    assert printed["algorithm"] == "sha256"
    assert run(capsys, "verify", "--store", demo, "--anchor", anchor)[0] == EXIT_OK


def test_rebuild_repairs_a_view_audit_found_edited(
    demo: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with sqlite3.connect(demo) as conn:
        conn.execute("UPDATE fund_balances SET received_fen = received_fen + 7")
    conn.close()
    assert run(capsys, "audit", "--store", demo)[0] == EXIT_FINDING
    code, out, _ = run(capsys, "rebuild", "--store", demo, "--json")
    assert code == EXIT_OK
    rebuilt = json.loads(out)
    assert rebuilt["position"] == rebuilt["events"] > 0
    assert run(capsys, "audit", "--store", demo)[0] == EXIT_OK
