"""The register of levels on a SQLite store, from the command line and against a forger.

``sgz-ledger level add|rename|move|retire|list|show`` record and print the register;
``report``, ``balances``, ``goods``, ``donors`` and ``volunteers`` are asked by level with
``--district``, ``--station`` or ``--community`` (one at most), the code checked to be of
that level where a register exists. A station moved to another district leaves a dated,
attributed event, and the report of an earlier year does not change.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
from pathlib import Path

import pytest

from sgz_ledger import Ledger, LevelRefused
from sgz_ledger.cli import EXIT_OK, EXIT_USAGE, main

D0 = dt.date(2024, 1, 2)
ADMIN = "王芳"


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


def _fund(ledger: Ledger, station: str, amount_fen: int, on: dt.date = D0) -> None:
    ledger.open_fund(fund_id=f"F-{station}", station_id=station, community="村", name="微基金",
                     host="基金会", approval_threshold_fen=0, actor=ADMIN,
                     occurred_on=on)  # fmt: skip
    ledger.receive_cash(fund_id=f"F-{station}", receipt_no="R1", amount_fen=amount_fen,
                        actor=ADMIN, occurred_on=on)  # fmt: skip


@pytest.fixture
def store(tmp_path: Path) -> str:
    """A SQLite store with gifts at a station, its community room and another station."""
    path = str(tmp_path / "district.db")
    ledger = Ledger(path)
    _fund(ledger, "cuizhai", 10_000)
    _fund(ledger, "cz-village", 2_000)
    _fund(ledger, "tangye", 500)
    ledger.close()
    return path


def _level(store: str, *argv: str) -> tuple[int, str, str]:
    return run("--store", store, "level", *argv, "--entered-by", ADMIN)


def _register_tree(store: str) -> None:
    for argv in (
        ("add", "--unit", "licheng", "--level", "district", "--name", "历城区总站"),
        ("add", "--unit", "zhangqiu", "--level", "district", "--name", "章丘区总站"),
        ("add", "--unit", "cuizhai", "--level", "station", "--parent", "licheng",
         "--name", "崔寨社工站"),
        ("add", "--unit", "tangye", "--level", "station", "--parent", "licheng",
         "--name", "唐冶社工站"),
        ("add", "--unit", "cz-village", "--level", "community", "--parent", "cuizhai",
         "--name", "崔寨村社工室"),
    ):  # fmt: skip
        code, out, err = _level(store, *argv, "--on", "2024-01-01")
        assert code == EXIT_OK, err
        assert out.startswith("Registered")


def _report(store: str, *argv: str) -> dict[str, object]:
    code, out, err = run("--store", store, "report", "--json", *argv)
    assert code == EXIT_OK, err
    document: dict[str, object] = json.loads(out)
    return document


def test_a_store_without_a_register_reports_by_station_as_it_always_did(store: str) -> None:
    before = _report(store, "--year", "2024", "--station", "cuizhai")
    assert before["station_id"] == "cuizhai"
    assert before["donations_cash_fen"] == 10_000
    assert "unit_id" not in before
    code, out, _ = run("--store", store, "level", "list")
    assert code == EXIT_OK
    assert "no unit registered" in out


def test_reports_by_district_station_and_community(store: str) -> None:
    _register_tree(store)
    district = _report(store, "--year", "2024", "--district", "licheng")
    assert district["donations_cash_fen"] == 12_500
    assert (district["unit_id"], district["level"]) == ("licheng", "district")
    station = _report(store, "--year", "2024", "--station", "cuizhai")
    assert station["donations_cash_fen"] == 12_000  # the station and its community room
    room = _report(store, "--year", "2024", "--community", "cz-village")
    assert room["donations_cash_fen"] == 2_000
    code, out, _ = run("--store", store, "balances", "--district", "licheng", "--json")
    assert code == EXIT_OK
    assert sorted(f["fund_id"] for f in json.loads(out)["funds"]) == [
        "F-cuizhai", "F-cz-village", "F-tangye"
    ]  # fmt: skip
    code, out, _ = run("--store", store, "goods", "--station", "cuizhai", "--json")
    assert code == EXIT_OK
    assert json.loads(out)["stations"] == ["cuizhai", "cz-village"]
    code, _, _ = run("--store", store, "volunteers", "--district", "zhangqiu")
    assert code == EXIT_OK
    code, out, _ = run("--store", store, "donors", "--community", "cz-village", "--json")
    assert code == EXIT_OK


def test_a_code_of_another_level_or_two_levels_at_once_is_refused_in_a_sentence(
    store: str,
) -> None:
    _register_tree(store)
    code, _, err = run("--store", store, "report", "--year", "2024", "--district", "cuizhai")
    assert code == EXIT_USAGE
    assert "is a station, not a district" in err
    code, _, err = run("--store", store, "report", "--year", "2024", "--station", "nowhere")
    assert code == EXIT_USAGE
    assert "no unit 'nowhere'" in err
    code, _, err = run(
        "--store", store, "report", "--year", "2024", "--station", "cuizhai", "--district", "x"
    )
    assert code == EXIT_USAGE
    assert "not allowed with" in err
    assert "Traceback" not in err


def test_level_list_show_rename_and_retire(store: str) -> None:
    _register_tree(store)
    code, out, _ = _level(store, "rename", "--unit", "tangye", "--name", "唐冶街道社工站",
                          "--on", "2024-03-01")  # fmt: skip
    assert code == EXIT_OK
    assert "唐冶街道社工站" in out
    code, out, _ = run("--store", store, "level", "list", "--json")
    units = {u["unit_id"]: u for u in json.loads(out)["units"]}
    assert units["licheng"]["children"] == ["cuizhai", "tangye"]
    assert units["cz-village"]["parent_id"] == "cuizhai"
    code, out, err = _level(store, "retire", "--unit", "cuizhai", "--reason", "撤并")
    assert code == EXIT_USAGE
    assert "still has cz-village under it" in err
    code, out, _ = _level(store, "retire", "--unit", "cz-village", "--reason", "并入镇站",
                          "--on", "2024-06-01")  # fmt: skip
    assert code == EXIT_OK
    code, out, _ = run("--store", store, "level", "show", "--unit", "cz-village")
    assert code == EXIT_OK
    assert "retired" in out
    assert "并入镇站" in out


# ---- a forger ------------------------------------------------------------------------------


def test_moving_a_station_to_hide_its_figures_leaves_a_dated_event_and_the_past_unchanged(
    store: str,
) -> None:
    """An insider moves a station (and its room) out of the district before the district's
    report of 2025 is made: the 2024 report of the district is what it was, the move is in
    the trail with who did it and when, and a loop in the tree is refused."""
    _register_tree(store)
    published = _report(store, "--year", "2024", "--district", "licheng")
    code, out, err = _level(store, "move", "--unit", "cuizhai", "--parent", "zhangqiu",
                            "--reason", "区划调整", "--on", "2025-01-01")  # fmt: skip
    assert code == EXIT_OK, err
    assert "from 2025-01-01 on" in out
    again = _report(store, "--year", "2024", "--district", "licheng")
    for field in ("donations_cash_fen", "cash_end_fen", "funds_open", "stations"):
        assert again[field] == published[field], field
    assert _report(store, "--year", "2025", "--district", "licheng")["stations"] == [
        "licheng",
        "tangye",
    ]
    assert _report(store, "--year", "2025", "--district", "zhangqiu")["stations"] == [
        "cuizhai", "cz-village", "zhangqiu"
    ]  # fmt: skip
    # The move names who made it, when it holds from, and why.
    code, out, _ = run("--store", store, "level", "show", "--unit", "cuizhai", "--json")
    [move] = [c for c in json.loads(out)["changes"] if c["change"] == "moved"]
    assert (move["actor"], move["occurred_on"], move["reason"]) == (ADMIN, "2025-01-01", "区划调整")
    assert move["detail"] == "licheng -> zhangqiu"
    code, out, _ = run("--store", store, "trail", "--actor", ADMIN, "--json")
    assert code == EXIT_OK
    [entry] = [e for e in json.loads(out) if e["event"] == "UnitMoved"]
    assert entry["aggregate"] == "level"
    assert entry["fields"]["previous_parent_id"] == "licheng"
    # Backdating a move before the last one, or making a loop, is refused; nothing recorded.
    ledger = Ledger(store, read_only=True)
    head = ledger.log_position()
    ledger.close()
    code, _, err = _level(store, "move", "--unit", "cuizhai", "--parent", "licheng",
                          "--reason", "改回", "--on", "2024-06-01")  # fmt: skip
    assert code == EXIT_USAGE
    assert "date order" in err
    code, _, err = _level(store, "move", "--unit", "cuizhai", "--parent", "cz-village",
                          "--reason", "x", "--on", "2025-02-01")  # fmt: skip
    assert code == EXIT_USAGE
    assert "which is under it" in err
    ledger = Ledger(store, read_only=True)
    assert ledger.log_position() == head
    with pytest.raises(LevelRefused) as caught:
        ledger.annual_report(2024, unit_id="cuizhai", level="district")
    assert caught.value.reason == "wrong_level"
    ledger.close()
