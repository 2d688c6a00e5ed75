"""Property: a key rotation changes no figure and no lookup, for any history of people.

Any history of gifts of individual donors, sessions naming served people, volunteers
registered and corrected with ID numbers, and erasures of each kind, in a store with or
without a cipher key, is copied by ``copy_store`` into a store under a new key; another
history is run in both, and the copy is copied again under a third key. In each copy:

* every figure (delivery, donors, the annual report, balances, volunteers) is the copied
  store's;
* each name, identifier and ID number finds what it found there: the same donor keys, the
  same served references, the same claim holder;
* the same commands, run in every store (a gift of each person, a session of each
  identified person, a volunteer with each ID number), end the same way everywhere, and
  leave each person as many keys in one store as in another (a person met again is found,
  never given a second key).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import msgspec
import pytest
from eventsourcing.cipher import AESCipher
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import FixedClock
from sgz_ledger import DuplicateIdNumber, Ledger, LedgerError, NotFound
from sgz_ledger.domain.id_claims import IdNumberClaim, id_claim_uuid
from sgz_ledger.service.rekey import copy_store
from sgz_ledger.storage.sealing import PersonalDataInClearWarning, SealError

pytestmark = pytest.mark.filterwarnings(
    f"ignore::{PersonalDataInClearWarning.__module__}.{PersonalDataInClearWarning.__name__}"
)

CLERK = "陈晓"
STATION = "s"
FUND = "f-a"
DAY = dt.date(2024, 1, 2)
DONORS = ("欧阳春晓", "司马秋月", "Li Weiming")
SERVED = ("R-1", "R-2", "138 0000-0001")
NUMBERS = ("370102199001011234", "37010219850505123X", "370102200001010011")
VOLUNTEERS = ("V-1", "V-2", "V-3")
CIPHER_KEY = AESCipher.create_key(16)
NEW_KEY = AESCipher.create_key(16)
W = {"actor": CLERK, "occurred_on": DAY}

steps = st.lists(
    st.one_of(
        st.tuples(st.just("gift"), st.integers(0, len(DONORS) - 1)),
        st.tuples(st.just("serve"), st.sets(st.integers(0, len(SERVED) - 1), min_size=1)),
        st.tuples(
            st.just("register"),
            st.integers(0, len(VOLUNTEERS) - 1),
            st.integers(0, len(NUMBERS) - 1),
        ),
        st.tuples(
            st.just("correct"), st.integers(0, len(VOLUNTEERS) - 1), st.integers(0, len(NUMBERS))
        ),
        st.tuples(st.just("erase_donor"), st.integers(0, len(DONORS) - 1)),
        st.tuples(st.just("erase_served"), st.integers(0, len(SERVED) - 1)),
        st.tuples(st.just("erase_volunteer"), st.integers(0, len(VOLUNTEERS) - 1)),
    ),
    max_size=12,
)


def setup(ledger: Ledger) -> None:
    ledger.open_fund(fund_id=FUND, station_id=STATION, community="崔寨村", name=FUND,
                     host="基金会", approval_threshold="5000", **W)  # fmt: skip
    ledger.create_group(station_id=STATION, group_id="G", name="小组", **W)


def apply(ledger: Ledger, n: int, step: tuple[Any, ...]) -> str:
    """Run one step; its outcome (``ok`` or the refusal's reason), the same in any store."""
    kind = step[0]
    try:
        if kind == "gift":
            ledger.receive_cash(fund_id=FUND, receipt_no=f"R-{n}", amount_fen=100 + n,
                                donor=DONORS[step[1]], donor_is_person=True, **W)  # fmt: skip
        elif kind == "serve":
            people = tuple(SERVED[i] for i in sorted(step[1]))
            ledger.hold_group_session(station_id=STATION, group_id="G", session_id=str(n),
                                      duration_s=600, participants=len(people) + 1,
                                      identified=people, **W)  # fmt: skip
        elif kind == "register":
            ledger.register_volunteer(volunteer_id=f"{VOLUNTEERS[step[1]]}-{n}",
                                      station_id=STATION, name="周晓岚",
                                      id_number=NUMBERS[step[2]], registered_on=DAY,
                                      consent=True, **W)  # fmt: skip
        elif kind == "correct":
            number = NUMBERS[step[2]] if step[2] < len(NUMBERS) else ""
            volunteer = _registered(ledger, VOLUNTEERS[step[1]])
            if volunteer is None:
                return "none"
            ledger.correct_volunteer_profile(volunteer_id=volunteer, correction_id=f"C-{n}",
                                             field="id_number", value=number, reason="有误",
                                             **W)  # fmt: skip
        elif kind == "erase_donor":
            ledger.erase_donor(donor=DONORS[step[1]], reason="本人申请", requested_by="本人",
                               **W)  # fmt: skip
        elif kind == "erase_served":
            ledger.erase_served_person(station_id=STATION, served_person=SERVED[step[1]],
                                       reason="本人申请", requested_by="本人", **W)  # fmt: skip
        else:
            volunteer = _registered(ledger, VOLUNTEERS[step[1]])
            if volunteer is None:
                return "none"
            ledger.erase_personal_data(volunteer_id=volunteer, reason="本人申请",
                                       requested_by="本人", **W)  # fmt: skip
    except (DuplicateIdNumber, NotFound) as e:
        return e.reason
    except LedgerError as e:  # a correction of an erased volunteer, a repeat refused
        return e.reason
    return "ok"


def _registered(ledger: Ledger, prefix: str) -> str | None:
    """A volunteer registered under ``prefix`` (``V-1-3``: V-1 at step 3), the same in
    every store with the same history."""
    ids = sorted(a.volunteer_id for a in ledger.volunteer_accounts())
    return next((v for v in ids if v.startswith(prefix + "-")), None)


def figures(ledger: Ledger) -> dict[str, Any]:
    report = msgspec.structs.replace(ledger.annual_report(2024), anchor=None)
    summary = msgspec.structs.replace(ledger.donor_summary(), anchor=None)
    return msgspec.to_builtins(
        {
            "delivery": ledger.delivery_report(
                date_from=dt.date(2024, 1, 1), date_to=dt.date(2024, 12, 31)
            ),
            "donors": summary,
            "report": report,
            "balances": ledger.balances(),
            "volunteers": ledger.volunteer_accounts(),
        }
    )


def holder(ledger: Ledger, number: str) -> str | None:
    """Who holds the claim on ``number`` (``None``: free, or lapsed with its holder)."""
    claim = ledger.commands.load(id_claim_uuid(ledger.sealer.id_claim(number)), IdNumberClaim)
    if claim is None or claim.holder_sealed is None:
        return None
    try:
        return ledger.sealer.open_name(claim.holder_sealed)
    except SealError:
        return None


def lookups(ledger: Ledger) -> dict[str, Any]:
    """What each name, identifier and ID number leads to."""
    keys = ledger.subject_keys
    return {
        "donors": [sorted(keys.key_ids(ledger.sealer.donor_subject(d))) for d in DONORS],
        "served": [
            sorted(k for s in ledger.sealer.served_subjects(i) for k in keys.key_ids(s))
            for i in SERVED
        ],
        "claims": [holder(ledger, n) for n in NUMBERS],
    }


def counted(found: dict[str, Any]) -> dict[str, Any]:
    """``lookups`` with each person's keys counted (new keys are random in each store)."""
    return {**found, "donors": [len(k) for k in found["donors"]], "served": [
        len(k) for k in found["served"]
    ]}  # fmt: skip


AFTER = [("gift", d) for d in range(len(DONORS))] + [
    ("serve", set(range(len(SERVED)))),
    *[("register", 0, n) for n in range(len(NUMBERS))],
]


def same_outcomes(stores: list[Ledger], start: int, history: list[tuple[Any, ...]]) -> None:
    """Run ``history`` in every store; each step must end the same way in all of them."""
    for n, step in enumerate(history, start=start):
        outcomes = {apply(ledger, n, step) for ledger in stores}
        assert len(outcomes) == 1, (step, outcomes)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(before=steps, between=steps, cipher_key=st.sampled_from(["", CIPHER_KEY]))
def test_a_rotation_changes_no_figure_and_no_lookup(
    before: list[tuple[Any, ...]], between: list[tuple[Any, ...]], cipher_key: str
) -> None:
    """``before`` in the source; copied; ``between`` in both; the copy copied again."""
    source = Ledger("memory:", cipher_key=cipher_key, clock=FixedClock())
    middle = Ledger("memory:", cipher_key=NEW_KEY, clock=FixedClock())
    last = Ledger("memory:", cipher_key=AESCipher.create_key(16), clock=FixedClock())
    stores = [source, middle, last]
    try:
        setup(source)
        for n, step in enumerate(before):
            apply(source, n, step)
        copy_store(source, middle)
        assert figures(middle) == figures(source)
        assert lookups(middle) == lookups(source)
        same_outcomes([source, middle], len(before), between)
        copy_store(middle, last)
        assert figures(last) == figures(middle)
        assert lookups(last) == lookups(middle)
        assert counted(lookups(last)) == counted(lookups(source))
        same_outcomes(stores, len(before) + len(between), AFTER)
        assert figures(last) == figures(middle)
        assert counted(lookups(last)) == counted(lookups(middle)) == counted(lookups(source))
        assert last.verify().ok
    finally:
        for ledger in stores:
            ledger.close()
