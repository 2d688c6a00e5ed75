"""``sgz-ledger team|stars|award|evaluate|recognition`` on a SQLite file.

The station's volunteers and service are recorded through the API; the team's life, an
award and an evaluation through the command line. Every refusal exits 2 with one sentence
on stderr, no traceback, and leaves the log where it was.
"""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import pytest

from conftest import FixedClock
from recognition_support import V1, V2, day, serve, set_up
from sgz_ledger import Ledger
from sgz_ledger.cli import EXIT_OK, EXIT_USAGE, main

pytestmark = pytest.mark.filterwarnings(
    "ignore::sgz_ledger.storage.sealing.PersonalDataInClearWarning"
)
DESK = ("--entered-by", "王芳")


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def store(tmp_path: Path) -> str:
    path = str(tmp_path / "station.db")
    ledger = Ledger(path, clock=FixedClock())
    set_up(ledger)
    serve(ledger, "R-1", V1, day(1, 20), 3)  # before V1 joins: not the team's
    serve(ledger, "R-2", V1, day(3, 1), 5)
    serve(ledger, "R-3", V2, day(3, 2), 2)
    ledger.close()
    return path


def events(store: str) -> int:
    ledger = Ledger(store, read_only=True)
    try:
        return ledger.log_position()
    finally:
        ledger.close()


def test_a_teams_year_from_the_command_line(store: str) -> None:
    s = ("--store", store)
    steps = [
        ("team", "form", "--team", "T1", "--station", "cuizhai", "--name", "红马甲服务队",
         "--on", "2024-02-01"),
        ("team", "join", "--team", "T1", "--volunteer", V1, "--on", "2024-02-01"),
        ("team", "join", "--team", "T1", "--volunteer", V2, "--on", "2024-02-10"),
        ("team", "lead", "--team", "T1", "--volunteer", V1, "--on", "2024-02-10"),
        ("team", "leave", "--team", "T1", "--volunteer", V2, "--reason", "搬家",
         "--on", "2024-06-01"),
        ("award", "--station", "cuizhai", "--award", "BZ-1", "--team", "T1",
         "--title", "优秀志愿服务队", "--by", "区民政局", "--on", "2024-07-01"),
        ("evaluate", "--station", "cuizhai", "--evaluation", "PJ-1", "--volunteer", V1,
         "--from", "2024-01-01", "--to", "2024-06-30", "--result", "优秀",
         "--evaluator", "站长", "--on", "2024-07-02"),
    ]  # fmt: skip
    for step in steps:
        code, out, err = run(*step, *s, *DESK)
        assert (code, err) == (EXIT_OK, ""), (step, err)
        assert out.startswith("已记录 recorded")
    head = events(store)
    code, out, _ = run(*steps[1], *s, *DESK)  # a repeat: recorded before, nothing new
    assert (code, events(store)) == (EXIT_OK, head)
    assert out.startswith("已记录过 already recorded")

    code, out, _ = run("team", "list", "--on", "2024-12-31", "--json", *s)
    [team] = json.loads(out)
    assert (team["leader"], [m["volunteer_id"] for m in team["members"]]) == (V1, [V1])
    assert team["member_service_s"] == (5 + 2) * 3600  # V1 while a member, V2 before leaving
    code, out, _ = run("team", "list", "--on", "2024-12-31", *s)
    assert code == EXIT_OK
    assert "红马甲服务队" in out

    code, out, _ = run("stars", "--on", "2024-12-31", "--station", "cuizhai", "--json", *s)
    counts = json.loads(out)
    assert (counts["volunteers"], counts["with_service"]) == (3, 2)
    assert sum(level["volunteers"] for level in counts["levels"]) == 3
    code, out, _ = run("stars", "--volunteer", V1, "--on", "2024-12-31", *s)
    assert (code, "8.00") == (EXIT_OK, out.split(", ")[1].split()[0])

    code, out, _ = run("recognition", "--from", "2024-01-01", "--to", "2024-12-31", "--json", *s)
    report = json.loads(out)
    assert (report["awards_to_teams"], report["evaluations"], report["teams_formed"]) == (1, 1, 1)
    code, out, _ = run("report", "--year", "2024", "--station", "cuizhai", "--json", *s)
    assert json.loads(out)["recognition"]["teams_active"] == 1


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (("team", "join", "--team", "T9", "--volunteer", V1), "team 'T9' not found"),
        (("team", "join", "--team", "T1", "--volunteer", "W-01"), "of station 'wanghe'"),
        (("team", "join", "--team", "T1", "--volunteer", V1, "--on", "2024-01-05"), "before"),
        (("team", "lead", "--team", "T1", "--volunteer", V2), "not a member"),
        (("team", "leave", "--team", "T1", "--volunteer", V2, "--reason", "x"), "not a member"),
        (
            (
                "award",
                "--station",
                "cuizhai",
                "--award",
                "B",
                "--volunteer",
                "V-99",
                "--title",
                "t",
                "--by",
                "b",
            ),
            "volunteer 'V-99' not found",
        ),
        (("stars", "--station", "nowhere"), "station 'nowhere' not found"),
        (
            (
                "team",
                "form",
                "--team",
                "T2",
                "--station",
                "cuizhai",
                "--name",
                "x",
                "--on",
                "2024-13-01",
            ),
            "not a date",
        ),
    ],
)
def test_refusals_exit_2_with_one_sentence_and_record_nothing(
    store: str, argv: tuple[str, ...], says: str
) -> None:
    s = ("--store", store)
    run("team", "form", "--team", "T1", "--station", "cuizhai", "--name", "红马甲",
        "--on", "2024-02-01", *s, *DESK)  # fmt: skip
    head = events(store)
    on = () if "--on" in argv or argv[0] == "stars" else ("--on", "2024-03-01")
    who = () if argv[0] == "stars" else DESK
    code, out, err = run(*argv, *on, *s, *who)
    assert (code, out) == (EXIT_USAGE, "")
    assert says in err
    assert "Traceback" not in err
    assert events(store) == head
