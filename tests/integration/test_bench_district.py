"""The district benchmark runs: a small district (3 stations by 2 writers) on PostgreSQL gives
every figure, and the district's additive figures equal the sum of its stations'.

It checks that ``benchmarks/district.py`` works against the library as it is, never how fast
(the district's own size is measured by ``make bench-district``).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import PG_DB, PG_HOST, PG_PORT, PG_USER, require_postgres

REPO = Path(__file__).resolve().parents[2]


def test_a_small_district_gives_every_figure(tmp_path: Path) -> None:
    require_postgres()
    out = tmp_path / "district.json"
    dsn = f"host={PG_HOST} port={PG_PORT} dbname={PG_DB} user={PG_USER}"
    done = subprocess.run(  # noqa: S603 - this interpreter, our own module
        [
            sys.executable,
            "-m",
            "benchmarks.district",
            "--stations",
            "3",
            "--events-per-station",
            "1500",
            "--writers",
            "2",
            "--repeat",
            "1",
            "--dsn",
            dsn,
            "--json",
            str(out),
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-5000:]
    data = json.loads(out.read_text(encoding="utf-8"))
    events = data["load"]["events"]
    assert 3 * 1400 <= events <= 3 * 1500
    assert data["raw_insert"]["events"] == events
    assert data["raw_scan"]["events"] == events
    read = data["read"]
    assert read["events"] == events
    assert read["district_equals_sum_of_stations"], read["mismatches"]
    assert read["district_person_times"] > 0
    for name in (
        "load_to_raw_insert",
        "catch_up_to_raw_scan",
        "catch_up_events_per_s",
        "fund_balance_to_raw_fund_read",
        "station_report_to_raw_scan",
        "district_report_to_raw_scan",
    ):
        assert data["ratios"][name] > 0, name
