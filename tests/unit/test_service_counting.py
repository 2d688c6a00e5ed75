"""Training is never service hours, and every output says so (rule 4).

The trail labels a training record's approval "not counted", and the JSON Lines export gives
every service event's ``counting``: a program summing ``counted_s`` gets the station's service
hours exactly, where summing the approvals' ``duration_s`` would count training as service.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import FixedClock
from sgz_ledger import Ledger
from sgz_ledger.audit.export import write_export
from sgz_ledger.audit.trail import trail
from sgz_ledger.reports.volunteers import Period

CST = dt.timezone(dt.timedelta(hours=8))
CLERK, APPROVER = "王芳", "李娜"
START = dt.date(2024, 1, 1)
CATEGORIES = ("volunteer_service", "training", "supervision")


def _station(ledger: Ledger) -> None:
    ledger.register_volunteer(
        volunteer_id="V-1", station_id="ST", name="张丽", registered_on=START, consent=True,
        actor=CLERK, occurred_on=START,
    )  # fmt: skip
    for category in CATEGORIES:
        ledger.publish_activity(
            activity_id=category, station_id="ST", name=f"{category} 活动", category=category,
            starts_at=dt.datetime(2024, 1, 1, 0, tzinfo=CST),
            ends_at=dt.datetime(2024, 12, 31, 23, tzinfo=CST), actor=CLERK, occurred_on=START,
        )  # fmt: skip


def _serve(ledger: Ledger, n: int, category: str, hours: int) -> None:
    day = START + dt.timedelta(days=n)
    ledger.record_service(
        record_id=f"R-{n}", volunteer_id="V-1", activity_id=category,
        duration_s=hours * 3600, service_date=day, actor=CLERK, occurred_on=day,
    )  # fmt: skip


def _approve(ledger: Ledger, n: int) -> None:
    day = START + dt.timedelta(days=n)
    ledger.approve_service(volunteer_id="V-1", record_id=f"R-{n}", actor=APPROVER, occurred_on=day)


@pytest.fixture
def mem() -> Iterator[Ledger]:
    ledger = Ledger("memory:", clock=FixedClock(dt.datetime(2024, 12, 31, 8, tzinfo=dt.UTC)))
    _station(ledger)
    yield ledger
    ledger.close()


def _lines(ledger: Ledger) -> list[dict[str, object]]:
    out = io.StringIO()
    write_export(ledger, "jsonl", out)
    return [json.loads(line) for line in out.getvalue().splitlines()[1:-1]]


def _counted_s(ledger: Ledger) -> int:
    total = 0
    for line in _lines(ledger):
        counting = line.get("counting")
        if isinstance(counting, dict):
            total += int(counting["counted_s"])
    return total


def _service_s(ledger: Ledger) -> int:
    period = Period(label="all", date_from=START, date_to=dt.date(2024, 12, 31))
    return ledger.volunteer_stats(period).service.duration_s


def test_a_training_approval_is_labelled_not_counted(mem: Ledger) -> None:
    _serve(mem, 1, "training", 2)
    _approve(mem, 1)
    _serve(mem, 2, "volunteer_service", 3)
    _approve(mem, 2)
    approvals = [e for e in trail(mem, volunteer_id="V-1") if e.event == "ServiceApproved"]
    training, service = approvals
    assert "不计入服务时长 not counted as service hours (training)" in training.summary
    assert "计入 counted" not in training.summary
    assert (training.fields["counts"], training.fields["counted_s"]) == (False, 0)
    assert "计入 counted +3.00" in service.summary
    assert (service.fields["counts"], service.fields["counted_s"]) == (True, 3 * 3600)
    # The export: what a program sums is the service hours, not every approval's duration.
    lines = [line for line in _lines(mem) if line["type"] == "ServiceApproved"]
    assert sum(int(line["fields"]["duration_s"]) for line in lines) == 5 * 3600  # type: ignore[index]
    assert _counted_s(mem) == _service_s(mem) == 3 * 3600


def test_a_void_takes_back_what_its_record_counted(mem: Ledger) -> None:
    _serve(mem, 1, "volunteer_service", 4)
    _approve(mem, 1)
    mem.void_service(volunteer_id="V-1", record_id="R-1", reason="重复录入", actor=APPROVER,
                     occurred_on=dt.date(2024, 1, 5))  # fmt: skip
    voided = [e for e in trail(mem, volunteer_id="V-1") if e.event == "ServiceVoided"]
    assert "扣除 uncounted 4.00" in voided[0].summary
    assert _counted_s(mem) == _service_s(mem) == 0


_STEP = st.tuples(
    st.sampled_from(CATEGORIES),
    st.integers(1, 8),  # hours served
    st.sampled_from(["pending", "approved", "corrected", "voided"]),
    st.integers(1, 8),  # hours after a correction
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_STEP, min_size=1, max_size=8))
def test_summing_counted_s_gives_the_service_hours(steps: list[tuple[str, int, str, int]]) -> None:
    ledger = Ledger("memory:", clock=FixedClock(dt.datetime(2024, 12, 31, 8, tzinfo=dt.UTC)))
    try:
        _station(ledger)
        for n, (category, hours, fate, corrected) in enumerate(steps, start=1):
            _serve(ledger, n, category, hours)
            day = START + dt.timedelta(days=n)
            if fate != "pending":
                _approve(ledger, n)
            if fate == "corrected":
                ledger.correct_service(
                    volunteer_id="V-1", record_id=f"R-{n}", correction_id=f"C-{n}",
                    reason="时长有误", requested_by="张丽", duration_s=corrected * 3600,
                    actor=APPROVER, occurred_on=day,
                )  # fmt: skip
            if fate == "voided":
                ledger.void_service(volunteer_id="V-1", record_id=f"R-{n}", reason="录错",
                                    actor=APPROVER, occurred_on=day)  # fmt: skip
        assert _counted_s(ledger) == _service_s(ledger)
    finally:
        ledger.close()
