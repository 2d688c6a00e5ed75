"""``upgrade`` claims the ID numbers of volunteers that hold no claim (rule 39).

A store written before ID-number claims existed holds volunteers with no ``IdNumberClaim``.
Such a store is made here by registering volunteers with the claim switched off: the
registration handler's ``_claim_id_number`` is replaced by a no-op during set-up only
(``old_registrations``), so the registrations are recorded exactly as that earlier version
recorded them (the same ``VolunteerRegistered``, no claim event); everything after set-up
runs the real code. The golden stores (tests/golden) are such stores too; their upgrade is
checked in ``test_golden_upgrade.py``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import FixedClock
from sgz_ledger import DuplicateIdNumber, Ledger
from sgz_ledger.cli import EXIT_FINDING, EXIT_OK, EXIT_USAGE, main
from sgz_ledger.domain.events import IdNumberClaimed
from sgz_ledger.domain.people import AccessRefused
from sgz_ledger.service.handlers import volunteer as volunteer_handlers
from sgz_ledger.service.unit_of_work import BatchCommandRefused

STATION = "cuizhai"
DAY = dt.date(2024, 3, 1)
ZHANG_LI = "370102199001011234"
WANG_QIANG = "37010219850505123X"


@contextlib.contextmanager
def old_registrations(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Registrations as a version without ID-number claims recorded them (see the module)."""
    with monkeypatch.context() as patch:
        patch.setattr(volunteer_handlers, "_claim_id_number", lambda *args: None)
        yield


def register(ledger: Ledger, volunteer_id: str, name: str, id_number: str) -> None:
    ledger.register_volunteer(
        volunteer_id=volunteer_id,
        station_id=STATION,
        name=name,
        id_number=id_number,
        registered_on=DAY,
        consent=True,
        actor="王芳",
        occurred_on=DAY,
    )


def claims(ledger: Ledger) -> int:
    return sum(isinstance(e, IdNumberClaimed) for e in ledger.stored_events())


def old_store(monkeypatch: pytest.MonkeyPatch, store: str = "memory:") -> Ledger:
    """张丽 and 王强 with ID numbers, 李梅 without, registered with no claims."""
    ledger = Ledger(store, clock=FixedClock())
    with old_registrations(monkeypatch):
        register(ledger, "V-0001", "张丽", ZHANG_LI)
        register(ledger, "V-0002", "王强", WANG_QIANG)
        register(ledger, "V-0003", "李梅", "")
    assert claims(ledger) == 0
    return ledger


def test_before_upgrade_a_second_volunteer_with_an_old_number_passes_and_upgrade_reports_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The gap upgrade closes: nothing refuses a second 张丽 before it; it then finds the pair."""
    ledger = old_store(monkeypatch)
    register(ledger, "V-0009", "张丽", ZHANG_LI)  # not refused: V-0001 holds no claim
    report = ledger.upgrade()
    assert report.id_numbers_claimed == 1  # 王强's; 张丽's number is V-0009's claim already
    assert [(s.holder, s.volunteer_id) for s in report.id_numbers_shared] == [("V-0009", "V-0001")]


def test_after_upgrade_a_second_volunteer_with_an_old_number_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ledger = old_store(monkeypatch)
    report = ledger.upgrade()
    assert (report.id_numbers_claimed, report.id_numbers_shared) == (2, ())
    head = ledger.log_position()
    # A tired clerk types 王强's number again, with a lower-case x, under a new id.
    with pytest.raises(DuplicateIdNumber) as refused:
        register(ledger, "V-0010", "王强", WANG_QIANG.lower())
    assert refused.value.holder == "V-0002"
    assert refused.value.reason == "duplicate_id_number"
    assert ledger.log_position() == head  # nothing recorded
    register(ledger, "V-0011", "赵敏", "370102200002021111")  # another number is welcome


def test_upgrade_twice_claims_nothing_the_second_time(monkeypatch: pytest.MonkeyPatch) -> None:
    ledger = old_store(monkeypatch)
    assert ledger.upgrade().id_numbers_claimed == 2
    head = ledger.log_position()
    again = ledger.upgrade()
    assert (again.id_numbers_claimed, again.id_numbers_shared) == (0, ())
    assert ledger.log_position() == head
    assert claims(ledger) == 2


def test_two_old_volunteers_sharing_a_number_are_a_finding_by_id_only(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = str(tmp_path / "station.db")
    ledger = old_store(monkeypatch, store)
    with old_registrations(monkeypatch):
        register(ledger, "V-0004", "张莉", ZHANG_LI.replace("1234", " 1234"))  # same number
    ledger.close()
    assert main(["--store", store, "upgrade", "--json"]) == EXIT_FINDING
    out = capsys.readouterr().out
    report = json.loads(out)
    assert report["id_numbers_claimed"] == 2
    assert report["id_numbers_shared"] == [{"holder": "V-0001", "volunteer_id": "V-0004"}]
    assert ZHANG_LI not in out
    # Run again: the pair is still there (the ledger never edits history), still by id only.
    assert main(["--store", store, "upgrade"]) == EXIT_FINDING
    text = capsys.readouterr().out
    assert "FINDING" in text
    assert "V-0001  V-0004" in text
    assert ZHANG_LI[-6:] not in text
    assert "张" not in text
    # The station corrects the later one's number; the finding is gone, and the earlier
    # registered 张丽 holds the number.
    ledger = Ledger(store)
    ledger.correct_volunteer_profile(
        volunteer_id="V-0004",
        correction_id="C-1",
        field="id_number",
        value="370102199202025678",
        reason="身份证号录错，按身份证原件更正",
        actor="王芳",
        occurred_on=DAY,
    )
    with pytest.raises(DuplicateIdNumber) as refused:
        register(ledger, "V-0012", "张丽", ZHANG_LI)
    assert refused.value.holder == "V-0001"
    ledger.close()
    assert main(["--store", store, "upgrade"]) == EXIT_OK
    assert "claimed" not in capsys.readouterr().out


def test_an_erased_volunteers_number_is_not_claimed(monkeypatch: pytest.MonkeyPatch) -> None:
    ledger = old_store(monkeypatch)
    ledger.erase_personal_data(
        volunteer_id="V-0001",
        reason="本人申请删除个人信息",
        requested_by="本人",
        actor="王芳",
        occurred_on=DAY,
    )
    report = ledger.upgrade()
    assert (report.id_numbers_claimed, report.id_numbers_shared) == (1, ())  # 王强's only
    register(ledger, "V-0013", "张丽", ZHANG_LI)  # registered anew under a new id


def test_where_the_station_registers_people_an_administrator_claims(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = str(tmp_path / "station.db")
    ledger = old_store(monkeypatch, store)
    people = {"station_id": STATION, "occurred_on": DAY}
    ledger.add_person(**people, person_id="P-01", name="王芳", roles=["admin"], actor="王芳")
    ledger.add_person(**people, person_id="P-02", name="李娜", roles=["clerk"], actor="P-01")
    head = ledger.log_position()
    # No actor (the program's name), or a clerk: refused, and nothing changes at all.
    for actor in ({}, {"actor": "李娜"}):
        with pytest.raises(BatchCommandRefused) as refused:
            ledger.upgrade(**actor)
        assert isinstance(refused.value.error, AccessRefused)
        assert ledger.log_position() == head
    ledger.close()
    assert main(["--store", store, "upgrade"]) == EXIT_USAGE
    assert "Traceback" not in capsys.readouterr().err
    assert main(["--store", store, "upgrade", "--entered-by", "王芳"]) == EXIT_OK
    assert "claimed 2 ID numbers" in capsys.readouterr().out
    ledger = Ledger(store)
    claimed = [e for e in ledger.stored_events(after=head) if isinstance(e, IdNumberClaimed)]
    assert [e.actor for e in claimed] == ["P-01", "P-01"]  # the person, by id
    assert ledger.verify().ok
    ledger.close()


NUMBERS = ("370102199001011234", "37010219850505123X", "370102200002021111")


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    volunteers=st.lists(
        st.tuples(st.sampled_from((*NUMBERS, "")), st.booleans()), min_size=1, max_size=6
    )
)
def test_property_upgrade_claims_each_number_once_for_the_first_registered(
    volunteers: list[tuple[str, bool]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Old volunteers (number, erased?): the first registered holder of each number not
    erased gets its claim, every later one is a finding, and a second run claims nothing."""
    ledger = Ledger("memory:", clock=FixedClock())
    with old_registrations(monkeypatch):
        for i, (number, _) in enumerate(volunteers):
            register(ledger, f"V-{i:04d}", f"志愿者{i}", number)
    for i, (_, erased) in enumerate(volunteers):
        if erased:
            ledger.erase_personal_data(
                volunteer_id=f"V-{i:04d}",
                reason="本人申请删除个人信息",
                requested_by="本人",
                actor="王芳",
                occurred_on=DAY,
            )
    first: dict[str, str] = {}
    later: list[tuple[str, str]] = []
    for i, (number, erased) in enumerate(volunteers):
        if number and not erased:
            holder = first.setdefault(number, f"V-{i:04d}")
            if holder != f"V-{i:04d}":
                later.append((holder, f"V-{i:04d}"))
    report = ledger.upgrade()
    assert report.id_numbers_claimed == len(first)
    assert [(s.holder, s.volunteer_id) for s in report.id_numbers_shared] == later
    for number, holder in first.items():
        with pytest.raises(DuplicateIdNumber) as refused:
            register(ledger, "V-9999", "新人", number)
        assert refused.value.holder == holder
    again = ledger.upgrade()
    assert again.id_numbers_claimed == 0
    assert [(s.holder, s.volunteer_id) for s in again.id_numbers_shared] == later


def test_a_golden_stores_claim_lapses_when_its_holder_is_erased(tmp_path: Path) -> None:
    """The encrypted golden store (personal data sealed before subject keys): the claim made
    for 张丽 by upgrade is under a key of hers, and erasing her lapses it."""
    golden = Path(__file__).parent.parent / "golden"
    store = tmp_path / "legacy-keyed.db"
    shutil.copy(golden / "legacy-keyed.db", store)
    keys = {
        "cipher_key": (golden / "golden.cipher.key").read_text("utf-8").strip(),
        "chain_key": (golden / "golden.chain.key").read_text("utf-8").strip(),
    }
    ledger = Ledger(str(store), clock=FixedClock(), **keys)
    assert ledger.upgrade().id_numbers_claimed == 2
    with pytest.raises(DuplicateIdNumber) as refused:
        register(ledger, "V-0100", "张丽", ZHANG_LI)
    assert refused.value.holder == "V-0001"
    ledger.erase_personal_data(
        volunteer_id="V-0001",
        reason="本人申请删除个人信息",
        requested_by="本人",
        actor="王芳",
        occurred_on=DAY,
    )
    register(ledger, "V-0100", "张丽", ZHANG_LI)  # the claim lapsed with her key
    assert ledger.verify().ok
    ledger.close()
