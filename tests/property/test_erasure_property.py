"""Property: erasing any subset of volunteers, at any point, changes no figure.

Two ledgers get the same registrations, service records and approvals; one of them also
erases some volunteers, each at a random point after their registration (service may
still be recorded and approved for them afterwards). Every figure the reports quote (the
annual report without its anchor, each volunteer's account, the year's statistics, the
fund balances) is the same in both, the chain verifies, the erased volunteers' personal
data is refused and everyone else's is what was registered.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import FixedClock
from erasure_support import CLERK, NOW, STATION, at, figures
from sgz_ledger import Ledger
from sgz_ledger.domain.errors import PersonalDataErasedError
from sgz_ledger.storage.sealing import PersonalData

pytestmark = pytest.mark.filterwarnings(
    "ignore::sgz_ledger.storage.sealing.PersonalDataInClearWarning"
)

APPROVER = "刘军"
DAY = dt.date(2024, 3, 1)
NAMES = st.text(alphabet="张王李赵欧阳青明丽强华", min_size=2, max_size=4)
PHONES = st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True)


@st.composite
def histories(draw: Any) -> dict[str, Any]:
    people = draw(st.lists(st.tuples(NAMES, PHONES), min_size=1, max_size=5))
    count = len(people)
    records = draw(
        st.lists(
            st.tuples(
                st.integers(0, count - 1),  # the volunteer
                st.integers(1, 120),  # minutes: 12 records of one day fit in its 24 hours
                st.integers(0, 300),  # the day of 2024 after 1 March
                st.sampled_from(["A-1", "T-1"]),  # service, or training
                st.booleans(),  # approved
            ),
            max_size=12,
        )
    )
    erased = draw(st.sets(st.integers(0, count - 1)))
    # Where each erasure goes among the record commands (0: before all of them), and the
    # business day it is dated (a day of 2024 after 1 March).
    places = {v: (draw(st.integers(0, len(records))), draw(st.integers(0, 300))) for v in erased}
    store = draw(st.sampled_from(["memory:", "sqlite::memory:"]))
    return {"people": people, "records": records, "places": places, "store": store}


def vid(n: int) -> str:
    return f"V-{n:03d}"


def record(ledger: Ledger, history: dict[str, Any], *, erase: bool) -> None:
    ledger.set_station_policy(station_id=STATION, name="崔寨街道社工站", actor=CLERK,
                              occurred_on=DAY)  # fmt: skip
    for n, (name, phone) in enumerate(history["people"]):
        ledger.register_volunteer(volunteer_id=vid(n), station_id=STATION, name=name,
                                  phone=phone, registered_on=DAY, consent=n % 2 == 0,
                                  actor=CLERK, occurred_on=DAY)  # fmt: skip
    ledger.publish_activity(activity_id="A-1", station_id=STATION, name="探访",
                            starts_at=at(3, 1, 9), ends_at=at(12, 31, 17), actor=CLERK,
                            occurred_on=DAY)  # fmt: skip
    ledger.publish_activity(activity_id="T-1", station_id=STATION, name="培训",
                            category="training", starts_at=at(3, 1, 9), ends_at=at(12, 31, 17),
                            actor=CLERK, occurred_on=DAY)  # fmt: skip
    steps: list[tuple[int, Any]] = []
    for n, (who, minutes, day, activity, approved) in enumerate(history["records"]):
        steps.append((n, ("record", who, minutes, day, activity, approved)))
    if erase:
        steps += [(place, ("erase", who, day)) for who, (place, day) in history["places"].items()]
    # Stable: at one place, an erasure comes after the record placed there before it.
    steps.sort(key=lambda step: (step[0], step[1][0] == "record"))
    for n, (_, step) in enumerate(steps):
        if step[0] == "erase":
            ledger.erase_personal_data(volunteer_id=vid(step[1]), reason="本人申请",
                                       requested_by="本人", actor=CLERK,
                                       occurred_on=DAY + dt.timedelta(days=step[2]))  # fmt: skip
            continue
        _, who, minutes, day, activity, approved = step
        served = DAY + dt.timedelta(days=day)
        ledger.record_service(record_id=f"R-{n}", volunteer_id=vid(who), activity_id=activity,
                              duration_s=60 * minutes, service_date=served, actor=CLERK,
                              occurred_on=served)  # fmt: skip
        if approved:
            ledger.approve_service(volunteer_id=vid(who), record_id=f"R-{n}", actor=APPROVER,
                                   occurred_on=served)  # fmt: skip


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(history=histories())
def test_erasing_any_volunteers_at_any_point_changes_no_figure(history: dict[str, Any]) -> None:
    plain = Ledger(history["store"], clock=FixedClock(NOW))
    erased = Ledger(history["store"], clock=FixedClock(NOW))
    try:
        record(plain, history, erase=False)
        record(erased, history, erase=True)
        assert figures(erased) == figures(plain)
        assert erased.verify().ok
        for n, (name, phone) in enumerate(history["people"]):
            if n in history["places"]:
                with pytest.raises(PersonalDataErasedError):
                    erased.personal_data(vid(n))
            else:
                assert erased.personal_data(vid(n)) == PersonalData(name=name, phone=phone)
    finally:
        plain.close()
        erased.close()
