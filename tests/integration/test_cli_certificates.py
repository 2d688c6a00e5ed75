"""`sgz-ledger verify-certificate NO CODE`: the check a certificate's reader is told to run."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from sgz_ledger import Ledger
from sgz_ledger.cli import EXIT_FINDING, EXIT_OK, main

CST = dt.timezone(dt.timedelta(hours=8))
NOW = dt.datetime(2025, 1, 10, 9, 0, tzinfo=dt.UTC)
DAY = dt.date(2024, 3, 2)


def _issued(store: str) -> str:
    """Record one approved record and a certificate for it; return its verification code."""
    ledger = Ledger(store, clock=lambda: NOW)
    who = {"actor": "王芳", "occurred_on": DAY}
    ledger.register_volunteer(
        volunteer_id="V1", station_id="cz", name="张丽", registered_on=DAY, consent=True, **who
    )
    ledger.publish_activity(
        activity_id="A1",
        station_id="cz",
        name="敬老院探访",
        starts_at=dt.datetime(2024, 3, 2, 9, tzinfo=CST),
        ends_at=dt.datetime(2024, 3, 2, 12, tzinfo=CST),
        **who,
    )
    ledger.record_service(
        record_id="R1",
        volunteer_id="V1",
        activity_id="A1",
        duration_minutes=150,
        service_date=DAY,
        **who,
    )
    ledger.approve_service(volunteer_id="V1", record_id="R1", actor="刘军", occurred_on=DAY)
    ledger.issue_certificate(
        volunteer_id="V1",
        certificate_no="CZ-2024-001",
        period_from=dt.date(2024, 1, 1),
        period_to=dt.date(2024, 12, 31),
        issuing_station="崔寨街道社工站",
        actor="站长",
        occurred_on=dt.date(2025, 1, 10),
    )
    code = ledger.certificate("CZ-2024-001", "V1").verification_code
    ledger.close()
    return code


@pytest.mark.filterwarnings("ignore::sgz_ledger.storage.sealing.PersonalDataInClearWarning")
def test_a_valid_certificate_exits_0_and_a_wrong_code_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = str(tmp_path / "station.db")
    code = _issued(store)
    assert main(["--store", store, "verify-certificate", "CZ-2024-001", code]) == EXIT_OK
    out = capsys.readouterr().out
    assert out.startswith("有效 valid: 2.50 小时")
    assert main(["verify-certificate", "CZ-2024-001", "0000-0000-0000-0000", "--store", store]) == (
        EXIT_FINDING
    )
    assert main(["--store", store, "verify-certificate", "NO-SUCH", code, "--json"]) == (
        EXIT_FINDING
    )
    assert '"status"' in capsys.readouterr().out
