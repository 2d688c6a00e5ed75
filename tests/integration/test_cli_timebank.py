"""``sgz-ledger timebank``: bank, redeem, transfer and balances of the 爱心储蓄银行 (rule 6).

A roster and a service sheet go in through ``import``; the station banks on request, at
100%. 王芳 enters at the desk and 站长 approves redemptions. Every balance is checked in
exact seconds; every refusal exits 2 with one sentence and leaves the log where it was.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import FixedClock
from sgz_ledger import Ledger
from sgz_ledger.cli import EXIT_OK, EXIT_USAGE, main
from sgz_ledger.cli.timebank import hours_arg

pytestmark = pytest.mark.filterwarnings(
    "ignore::sgz_ledger.storage.sealing.PersonalDataInClearWarning"
)

ROSTER = """志愿者编号,姓名,性别,联系电话,服务队,注册日期
V1,张三,男,13800000001,红马甲,2024-01-05
V2,李四,女,13800000002,红马甲,2024-01-06
V3,王五,男,13800000003,银发队,2024-01-07
"""
# Approved: R1 (V1, 2h30), R3 (V1, 45 min), R4 (V3, 1h20). R2 (V2, 1 h) awaits approval.
SERVICE = (
    "记录编号,志愿者编号,活动名称,日期,开始时间,结束时间,时长分钟,"
    "服务内容,组织单位,活动负责人,记录人,审核人\n"
    """R1,V1,敬老院探访,2024-03-02,09:00,11:30,,陪伴老人,社工站,刘军,王芳,刘军
R2,V2,敬老院探访,2024-03-02,09:00,10:00,,陪伴老人,社工站,刘军,王芳,
R3,V1,清扫,2024-03-03,,,45,打扫,社工站,刘军,王芳,刘军
R4,V3,清扫,2024-03-03,13:00,14:20,,打扫,社工站,刘军,王芳,刘军
"""
)
SERVED = {"R1": 150 * 60, "R3": 45 * 60, "R4": 80 * 60}
OWNER = {"R1": "V1", "R2": "V2", "R3": "V1", "R4": "V3"}
DESK = ("--entered-by", "王芳", "--on", "2024-06-01")


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


def make_store(folder: Path) -> str:
    path = str(folder / "station.db")
    ledger = Ledger(path, clock=FixedClock(dt.datetime(2024, 5, 31, tzinfo=dt.UTC)))
    ledger.set_station_policy(
        station_id="cz", name="崔寨", bank_automatic=False, bank_rate_pct=100, actor="站长",
        occurred_on=dt.date(2024, 1, 1),
    )  # fmt: skip
    ledger.close()
    for name, text in (("roster.csv", ROSTER), ("service.csv", SERVICE)):
        sheet = folder / name
        sheet.write_text(text, encoding="utf-8")
        code, _, err = run("--store", path, "import", str(sheet), "--station", "cz")
        assert code == EXIT_OK, err
    return path


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> str:
    return make_store(tmp_path_factory.mktemp("template"))


@pytest.fixture
def store(template: str, tmp_path: Path) -> str:
    path = tmp_path / "station.db"
    shutil.copy(template, path)
    return str(path)


def balances(store: str, *argv: str) -> dict[str, int]:
    code, out, err = run("--store", store, "timebank", "balance", "--json", *argv)
    assert code == EXIT_OK, err
    return {a["volunteer_id"]: a["bank_balance_s"] for a in json.loads(out)}


def position(store: str) -> int:
    ledger = Ledger(store, read_only=True)
    try:
        return ledger.log_position()
    finally:
        ledger.close()


def bank(store: str, rid: str) -> tuple[int, str, str]:
    return run("--store", store, "timebank", "bank", "--volunteer", OWNER[rid], "--record", rid,
               *DESK)  # fmt: skip


def redeem(store: str, vid: str, rid: str, *amount: str) -> tuple[int, str, str]:
    return run(
        "--store", store, "timebank", "redeem", "--volunteer", vid, "--redemption", rid,
        *amount, "--item", "理发服务", "--quantity", "1", "--counterparty", "爱心理发店",
        "--approver", "站长", *DESK,
    )  # fmt: skip


def transfer(store: str, src: str, dst: str, tid: str, *amount: str) -> tuple[int, str, str]:
    return run(
        "--store", store, "timebank", "transfer", "--from", src, "--to", dst, "--transfer", tid,
        *amount, "--reason", "家庭成员互助", *DESK,
    )  # fmt: skip


def test_bank_redeem_transfer_and_the_balances(store: str) -> None:
    assert balances(store) == {"V1": 0, "V2": 0, "V3": 0}
    code, out, err = bank(store, "R1")
    assert (code, err) == (EXIT_OK, "")
    assert "R1" in out
    assert "2.50 h (9000 s)" in out
    assert bank(store, "R3")[0] == EXIT_OK
    # The same deposit again from the same desk that day is a repeat: nothing more.
    assert bank(store, "R3")[0] == EXIT_OK
    code, _, err = run("--store", store, "timebank", "bank", "--volunteer", OWNER["R3"],
                       "--record", "R3", "--entered-by", "王芳", "--on", "2024-06-02")  # fmt: skip
    assert code == EXIT_USAGE
    assert "already in the time bank" in err
    assert balances(store, "--volunteer", "V1") == {"V1": 9000 + 2700}

    code, out, err = redeem(store, "V1", "X1", "--hours", "2.5")
    assert (code, err) == (EXIT_OK, "")
    assert "理发服务 x1" in out
    assert "站长" in out
    assert "balance 0.75 h (2700 s)" in out

    code, out, err = transfer(store, "V1", "V2", "T1", "--minutes", "30")
    assert (code, err) == (EXIT_OK, "")
    assert "V1 0.25 h (900 s)" in out
    assert "V2 0.50 h (1800 s)" in out
    assert balances(store) == {"V1": 900, "V2": 1800, "V3": 0}
    assert balances(store, "--station", "cz") == {"V1": 900, "V2": 1800, "V3": 0}

    # The same redemption again records nothing and says so.
    head = position(store)
    code, out, _ = redeem(store, "V1", "X1", "--hours", "2.5")
    assert code == EXIT_OK
    assert "nothing new recorded" in out
    assert position(store) == head

    code, out, _ = run("--store", store, "timebank", "balance")
    assert code == EXIT_OK
    assert "2700" in out
    assert "0.75" in out


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (("bank", "--volunteer", "V2", "--record", "R2"), "not an approved"),
        (("bank", "--volunteer", "V9", "--record", "R1"), "V9"),
        (("bank", "--volunteer", "V1", "--record", "R1", "--on", "2999-01-01"), "after today"),
        (
            ("redeem", "--volunteer", "V1", "--redemption", "X2", "--hours", "3.26",
             "--item", "理发", "--counterparty", "店", "--approver", "站长"),
            "",
        ),
        (
            ("redeem", "--volunteer", "V1", "--redemption", "X3", "--hours", "1",
             "--item", "理发", "--counterparty", "店", "--approver", "王芳"),
            "approved by someone other",
        ),
        (("transfer", "--from", "V1", "--to", "V1", "--transfer", "T9", "--hours", "1",
          "--reason", "r"), "themselves"),
        (("transfer", "--from", "V3", "--to", "V1", "--transfer", "T9", "--hours", "1.34",
          "--reason", "r"), ""),
        (("transfer", "--from", "V1", "--to", "V9", "--transfer", "T9", "--hours", "1",
          "--reason", "r"), "V9"),
        (("balance", "--volunteer", "V9"), "V9"),
        (("redeem", "--volunteer", "V1", "--redemption", "X4", "--hours", "2.555",
          "--item", "理发", "--counterparty", "店", "--approver", "站长"), "2 decimals"),
    ],
)  # fmt: skip
def test_a_refusal_is_a_sentence_and_records_nothing(
    store: str, argv: tuple[str, ...], says: str
) -> None:
    for rid in ("R1", "R3", "R4"):
        assert bank(store, rid)[0] == EXIT_OK  # V1: 3h15 = 11700 s; V3: 1h20 = 4800 s
    head, before = position(store), balances(store)
    extra = ("--entered-by", "王芳") if "--on" in argv else DESK
    if argv[0] == "balance":
        extra = ()
    code, out, err = run("--store", store, "timebank", *argv, *extra)
    assert code == EXIT_USAGE, (out, err)
    assert out == ""
    assert "Traceback" not in err
    last = err.splitlines()[-1]  # a bad option: argparse's usage, then the sentence
    assert "sgz-ledger" in last
    assert "error: " in last
    assert says in last
    assert position(store) == head
    assert balances(store) == before


def test_insufficient_credit_names_the_balance(store: str) -> None:
    assert bank(store, "R4")[0] == EXIT_OK
    code, _, err = transfer(store, "V3", "V1", "T1", "--hours", "1.34")
    assert code == EXIT_USAGE
    assert "4800" in err or "1.33" in err, err


def test_a_read_only_store_refuses_every_write(store: str) -> None:
    if os.geteuid() == 0 and shutil.which("setpriv") is None:
        pytest.skip("root needs setpriv (util-linux) to test write protection")
    assert bank(store, "R1")[0] == EXIT_OK
    prefix = ("setpriv", "--bounding-set=-all", "--inh-caps=-all") if os.geteuid() == 0 else ()
    Path(store).chmod(0o444)
    content = Path(store).read_bytes()
    base = [*prefix, sys.executable, "-m", "sgz_ledger.cli", "--store", store, "timebank"]
    writes = (
        ["bank", "--volunteer", "V1", "--record", "R3", *DESK],
        ["redeem", "--volunteer", "V1", "--redemption", "X1", "--minutes", "10", "--item", "理发",
         "--counterparty", "店", "--approver", "站长", *DESK],
        ["transfer", "--from", "V1", "--to", "V2", "--transfer", "T1", "--minutes", "10",
         "--reason", "r", *DESK],
    )  # fmt: skip
    for argv in writes:
        result = subprocess.run(  # noqa: S603 - our own program, with arguments of the test
            [*base, *argv], capture_output=True, text=True, check=False
        )
        assert result.returncode == EXIT_USAGE, result.stderr
        assert "read-only" in result.stderr
        assert "Traceback" not in result.stderr
    result = subprocess.run(  # noqa: S603
        [*base, "balance", "--json"], capture_output=True, text=True, check=False
    )
    assert result.returncode == EXIT_OK, result.stderr
    assert {a["volunteer_id"]: a["bank_balance_s"] for a in json.loads(result.stdout)}["V1"] == 9000
    assert Path(store).read_bytes() == content


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("2.5", 9000), ("2.50", 9000), ("0.01", 36), ("1", 3600), ("10.75", 38700)],
)
def test_hours_are_read_exactly_into_seconds(text: str, seconds: int) -> None:
    assert hours_arg(text) == seconds


@pytest.mark.parametrize(
    "text", ["2.555", "-1", "1e3", "0", "0.00", ".5", "2.", "", " 2", "2,5", "NaN", "inf", "２"]
)
def test_hours_are_refused_rather_than_guessed(text: str) -> None:
    with pytest.raises(argparse.ArgumentTypeError):
        hours_arg(text)


def test_bad_hours_on_the_command_line_exit_2(store: str) -> None:
    assert bank(store, "R1")[0] == EXIT_OK
    head = position(store)
    for hours in ("2.555", "-1", "1e3"):
        code, _, err = redeem(store, "V1", "X1", "--hours", hours)
        assert code == EXIT_USAGE
        assert "Traceback" not in err
    assert redeem(store, "V1", "X1", "--hours", "1", "--minutes", "60")[0] == EXIT_USAGE
    assert position(store) == head


# ---- the balances are what the operations say -------------------------------------------------

volunteers = st.sampled_from(["V1", "V2", "V3"])
# (option, value, seconds): the credit as typed, and what it is in seconds.
amounts = st.one_of(
    st.integers(min_value=1, max_value=300).map(lambda m: ("--minutes", str(m), m * 60)),
    st.integers(min_value=1, max_value=500).map(
        lambda c: ("--hours", f"{c // 100}.{c % 100:02d}", c * 36)
    ),
)
# (kind, volunteer or record, receiver, amount)
operations = st.lists(
    st.one_of(
        st.tuples(st.just("bank"), st.sampled_from(["R1", "R2", "R3", "R4"]), st.just(""), amounts),
        st.tuples(st.just("redeem"), volunteers, st.just(""), amounts),
        st.tuples(st.just("transfer"), volunteers, volunteers, amounts),
    ),
    max_size=10,
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(first=st.permutations(["R1", "R3", "R4"]), ops=operations)
def test_the_printed_balances_are_the_model_s(
    template: str,
    tmp_path_factory: pytest.TempPathFactory,
    first: list[str],
    ops: list[tuple[str, str, str, tuple[str, str, int]]],
) -> None:
    """Some credit first (the approved records banked, in any order), then anything."""
    ops = [("bank", rid, "", ("--minutes", "1", 60)) for rid in first] + ops
    path = tmp_path_factory.mktemp("run") / "station.db"
    shutil.copy(template, path)
    store = str(path)
    model = {"V1": 0, "V2": 0, "V3": 0}
    banked: set[str] = set()
    for n, (kind, first, to, (option, value, seconds)) in enumerate(ops):
        if kind == "bank":
            code = bank(store, first)[0]
            # Approved records only; the same deposit again (same desk, same day) is a
            # repeat that credits nothing more.
            ok = first in SERVED
            if ok and first not in banked:
                banked.add(first)
                model[OWNER[first]] += SERVED[first]
        elif kind == "redeem":
            code = redeem(store, first, f"X{n}", option, value)[0]
            ok = model[first] - seconds >= 0
            if ok:
                model[first] -= seconds
        else:
            code = transfer(store, first, to, f"T{n}", option, value)[0]
            ok = first != to and model[first] - seconds >= 0
            if ok:
                model[first] -= seconds
                model[to] += seconds
        assert code == (EXIT_OK if ok else EXIT_USAGE), (kind, first, to, value)
    assert balances(store) == model


def test_where_the_station_keeps_a_register_only_its_people_record(store: str) -> None:
    ledger = Ledger(store)
    try:
        on = dt.date(2024, 5, 1)
        ledger.add_person(
            station_id="cz", person_id="P-01", name="站长", roles=["admin"], actor="站长",
            occurred_on=on,
        )  # fmt: skip
        for pid, name, role in (("P-02", "王芳", "clerk"), ("P-03", "审计员", "auditor")):
            ledger.add_person(
                station_id="cz", person_id=pid, name=name, roles=[role], actor="P-01",
                occurred_on=on,
            )  # fmt: skip
    finally:
        ledger.close()
    head = position(store)
    for who, says in (("路人", "not a registered person"), ("审计员", "auditor")):
        code, out, err = run(
            "--store", store, "timebank", "bank", "--volunteer", "V1", "--record", "R1",
            "--entered-by", who, "--on", "2024-06-01",
        )  # fmt: skip
        assert code == EXIT_USAGE, out
        assert "Traceback" not in err
        assert "cz" in err
        assert says in err
    assert position(store) == head
    assert bank(store, "R1")[0] == EXIT_OK  # 王芳, a clerk
    assert balances(store, "--volunteer", "V1") == {"V1": 9000}
