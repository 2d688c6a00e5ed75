"""Individual donors: a person's name sealed under a key of their own, erased by destroying it.

On every backend, with and without a cipher key: a gift names a person explicitly
(``donor_is_person``); their name is shown wherever a donor is (statements, disclosures,
the donor summary, the trail, every export) and stored nowhere in clear; erasing them
(``Ledger.erase_donor``) records ``DonorErased`` and destroys their key, after which
neither the name nor the key's bytes are in any of the store's files (the SQLite
database, its WAL and shared memory; every table of the PostgreSQL schema), while
balances, every statement's amounts, the annual report and ``verify`` are unchanged and
the donor is shown by a pseudonym. Then as a clerk and a forger would try it: repeats,
a second erasure, an unknown name, an organisation's name, texts holding the name, a
second process with the erased key in its cache.
"""

from __future__ import annotations

import io
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import msgspec
import pytest
from eventsourcing.cipher import AESCipher

from conftest import FixedClock
from donor_support import (
    CLERK,
    COMPANY,
    CZ,
    LATIN,
    LATIN_AGAIN,
    NOW,
    PERSON,
    PERSON_2,
    WH,
    day,
    erase,
    figures,
    gift,
    record_gifts,
    statement_names,
)
from erasure_support import found, sqlite_file_bytes, store_bytes
from sgz_ledger import Ledger, NotFound, StoreError
from sgz_ledger.audit.export import write_export
from sgz_ledger.audit.trail import trail
from sgz_ledger.domain.errors import IdempotencyConflict, InvalidInput
from sgz_ledger.domain.events import CashDonationReceived, DonorErased
from sgz_ledger.service.rekey import copy_store
from sgz_ledger.storage.donor_names import donor_pseudonym
from sgz_ledger.storage.sealing import PersonalDataInClearWarning, SealError
from sgz_ledger.storage.subject_keys import SubjectKey

pytestmark = pytest.mark.filterwarnings(
    f"ignore::{PersonalDataInClearWarning.__module__}.{PersonalDataInClearWarning.__name__}"
)


@pytest.fixture(params=["no-key", "key"])
def cipher_key(request: pytest.FixtureRequest) -> str:
    """Each test with a store without a cipher key, and with one."""
    return "" if request.param == "no-key" else AESCipher.create_key(16)


@pytest.fixture
def station(store_url: str, cipher_key: str) -> Iterator[Ledger]:
    ledger = Ledger(store_url, cipher_key=cipher_key, clock=FixedClock(NOW))
    record_gifts(ledger)
    yield ledger
    ledger.close()


def sealed_of(ledger: Ledger, receipt_no: str, fund_id: str = CZ) -> bytes:
    recorded = ledger.fund(fund_id).state.donations[receipt_no]
    assert recorded.donor is None
    assert recorded.donor_sealed is not None
    return recorded.donor_sealed


def key_of(ledger: Ledger, receipt_no: str, fund_id: str = CZ) -> SubjectKey:
    sealed = sealed_of(ledger, receipt_no, fund_id)
    key = ledger.subject_keys.get(ledger.sealer.key_id(sealed) or b"")
    assert key is not None
    return key


def stored_row(ledger: Ledger, key: SubjectKey) -> bytes:
    """The key as its row stores it (wrapped with a cipher key, else the key itself)."""
    row = ledger.subject_keys._select(key.key_id)  # type: ignore[attr-defined]
    assert row is not None
    stored: bytes = row.stored
    return stored


def exports(ledger: Ledger) -> dict[str, str]:
    out = {}
    for fmt in ("jsonl", "csv", "hledger", "beancount"):
        text = io.StringIO()
        write_export(ledger, fmt, text)  # type: ignore[arg-type]
        out[fmt] = text.getvalue()
    return out


def outputs(ledger: Ledger) -> str:
    """Every output that shows donors, as one text to search."""
    parts = [
        json.dumps(msgspec.to_builtins(x), ensure_ascii=False)
        for x in (
            [ledger.statement(f) for f in (CZ, WH)],
            [ledger.disclosure(f, from_day=day(1, 1), to_day=day(12, 31)) for f in (CZ, WH)],
            ledger.donor_summary(),
            trail(ledger, fund_id=CZ),
            trail(ledger, fund_id=WH),
            trail(ledger, actor=CLERK),
        )
    ]
    return "\n".join(parts + list(exports(ledger).values()))


# ---- the promise: shown where donors are, and gone with the key ------------------------------


def test_a_persons_name_is_shown_everywhere_and_stored_nowhere_in_clear(
    station: Ledger, store_url: str, cipher_key: str
) -> None:
    names = statement_names(station)
    assert (names["P-001"], names["P-002"], names["P-003"]) == (PERSON, PERSON, PERSON_2)
    assert names["SX2024-0001"] == COMPANY
    text = outputs(station)
    assert PERSON in text
    assert PERSON_2 in text
    assert "Income:Donations:Cash:I-欧阳春晓" in text  # the journals' account of a person
    for fmt, exported in exports(station).items():
        assert PERSON in exported, fmt
    [line] = [
        json.loads(x)
        for x in exports(station)["jsonl"].splitlines()
        if '"P-003"' in x and "CashDonationReceived" in x
    ]
    assert line["fields"]["donor"] == PERSON_2
    assert line["fields"]["donor_is_person"] is True
    assert line["fields"]["donor_sealed"] is None
    assert line["redacted"] == ["donor_sealed"]
    assert found(store_bytes(station, store_url), PERSON, PERSON_2, LATIN) == []
    # The key is in the store: wrapped with the store's key, or (without one) in clear.
    key = key_of(station, "P-001")
    assert (key.key in store_bytes(station, store_url)) == (not cipher_key)


def test_erasing_a_donor_destroys_the_name_and_key_and_keeps_every_figure(
    station: Ledger, store_url: str
) -> None:
    ledger = station
    key = key_of(ledger, "P-001")
    assert key_of(ledger, "P-002").key_id == key.key_id  # one key for all their gifts
    assert key_of(ledger, "P-006", WH).key_id == key.key_id  # in every fund
    row = stored_row(ledger, key)
    sealed = sealed_of(ledger, "P-001")
    assert ledger.sealer.open_name(sealed) == PERSON
    before = figures(ledger)
    head = ledger.log_position()
    anchor = ledger.anchor()
    assert ledger.verify().ok
    assert row in store_bytes(ledger, store_url)  # the control: the search finds the row

    event = erase(ledger)

    assert isinstance(event, DonorErased)
    assert event.key_id == key.key_id.hex()
    assert ledger.log_position() == head + 1
    data = store_bytes(ledger, store_url)
    assert found(data, PERSON) == []
    assert key.key not in data
    assert row not in data
    assert ledger.subject_keys.get(key.key_id) is None
    with pytest.raises(SealError):
        ledger.sealer.open_name(sealed)
    # Every figure as it was; the chain up to the old head as published.
    assert figures(ledger) == before
    assert ledger.verify(anchors=[anchor] if anchor else []).ok
    assert ledger.anchor(head) == anchor
    # Shown by the pseudonym, the others as they were.
    pseudonym = donor_pseudonym(key.key_id)
    names = statement_names(ledger)
    assert names["P-001"] == names["P-002"] == pseudonym
    assert statement_names(ledger, WH)["P-006"] == pseudonym
    assert (names["P-003"], names["SX2024-0001"]) == (PERSON_2, COMPANY)
    text = outputs(ledger)
    assert PERSON not in text
    assert pseudonym in text
    assert PERSON_2 in text
    assert COMPANY in text


def test_after_the_command_the_sqlite_files_hold_nothing_of_it(
    tmp_path: Path, cipher_key: str
) -> None:
    """The files on disk after the ledger is closed, and after it is reopened read-only."""
    db = tmp_path / "station.db"
    ledger = Ledger(str(db), cipher_key=cipher_key, clock=FixedClock(NOW))
    record_gifts(ledger)
    key = key_of(ledger, "P-001")
    row = stored_row(ledger, key)
    erase(ledger)
    assert not os.path.exists(str(db) + "-wal") or os.path.getsize(str(db) + "-wal") == 0
    ledger.close()
    reader = Ledger(str(db), cipher_key=cipher_key, read_only=True)
    try:
        assert reader.verify().ok
        assert statement_names(reader)["P-001"] == donor_pseudonym(key.key_id)
        assert statement_names(reader)["P-003"] == PERSON_2
    finally:
        reader.close()
    data = sqlite_file_bytes(db)
    assert found(data, PERSON) == []
    assert key.key not in data
    assert row not in data


# ---- the donor summary -------------------------------------------------------------------------


def test_the_donor_summary_groups_a_persons_gifts(station: Ledger) -> None:
    rows = {r.donor: r for r in station.donor_summary().donors}
    mine = rows[PERSON]
    assert (mine.person, mine.erased) == (True, False)
    assert mine.gifts == 3  # two funds, cash and goods
    assert (mine.cash_fen, mine.in_kind_fen, mine.refunded_fen) == (300_000, 80_000, 20_000)
    assert {g.receipt_no for g in mine.gift_lines} == {"P-001", "P-002", "P-006"}
    # A Latin name in two cases is one person, named as their first gift wrote it.
    assert rows[LATIN].gifts == 2
    assert LATIN_AGAIN not in rows
    # Organisations stay rows of their own, not marked as people.
    assert rows[COMPANY].person is False
    # --donor finds a person by their name, as people compare it.
    [only] = station.donor_summary(donor=PERSON).donors
    assert only.gifts == 3
    [latin] = station.donor_summary(donor="li weiming").donors
    assert latin.gifts == 2


def test_after_erasure_the_summary_groups_them_under_the_pseudonym(station: Ledger) -> None:
    key = key_of(station, "P-001")
    erase(station)
    pseudonym = donor_pseudonym(key.key_id)
    rows = {r.donor: r for r in station.donor_summary().donors}
    assert PERSON not in rows
    erased = rows[pseudonym]
    assert (erased.person, erased.erased, erased.gifts) == (True, True, 3)
    assert erased.net_cash_fen == 300_000 - 20_000
    assert station.donor_summary(donor=PERSON).donors == ()
    [found_again] = station.donor_summary(donor=pseudonym).donors
    assert found_again.gifts == 3


def test_a_person_and_an_organisation_of_one_name_are_two_donors(station: Ledger) -> None:
    gift(station, "P-010", "王秀兰", "100", person=True)  # the demo has an organisation so named
    rows = list(station.donor_summary(donor="王秀兰").donors)
    assert sorted((r.person, r.gifts) for r in rows) == [(False, 1), (True, 1)]


# ---- repeats, second erasures, unknown names ------------------------------------------------


def test_a_repeat_compares_the_name_opened_and_makes_no_key(station: Ledger) -> None:
    first = station.fund(CZ).state.donations["P-003"]
    keys_before = station.subject_keys.key_ids(station.sealer.donor_subject(PERSON_2))
    head = station.log_position()
    again = gift(station, "P-003", PERSON_2, "300", on=day(5, 1))
    assert again == first  # the recorded event: same sealed bytes, nothing new
    assert station.log_position() == head
    assert station.subject_keys.key_ids(station.sealer.donor_subject(PERSON_2)) == keys_before
    with pytest.raises(IdempotencyConflict) as other:
        gift(station, "P-003", "司马春月", "300", on=day(5, 1))
    assert other.value.field == "donor"
    assert "司马" not in str(other.value)  # a conflict names no one
    with pytest.raises(IdempotencyConflict) as kind:
        gift(station, "P-003", PERSON_2, "300", person=False, on=day(5, 1))
    assert kind.value.field == "donor_is_person"
    with pytest.raises(IdempotencyConflict) as company:
        gift(station, "SX2024-0001", COMPANY, "20000.00", on=day(1, 15), restriction="助学")
    assert company.value.field == "donor_is_person"
    assert station.log_position() == head


def test_a_repeat_after_erasure_records_nothing(station: Ledger) -> None:
    first = station.fund(CZ).state.donations["P-001"]
    erase(station)
    head = station.log_position()
    assert gift(station, "P-001", PERSON, "1000", restriction="助学", on=day(3, 2)) == first
    with pytest.raises(IdempotencyConflict):
        gift(station, "P-001", PERSON, "1001", restriction="助学", on=day(3, 2))
    assert station.log_position() == head


def test_erasing_again_after_an_interrupted_erasure_returns_it_and_finishes(
    station: Ledger, monkeypatch: pytest.MonkeyPatch
) -> None:
    from eventsourcing.persistence import OperationalError

    key = key_of(station, "P-001")

    def fail(*_: Any) -> int:
        raise OperationalError("disk I/O error")

    monkeypatch.setattr(station.subject_keys, "_delete", fail)
    with pytest.raises(StoreError, match="run the erasure again"):
        erase(station)
    monkeypatch.undo()
    # Hidden already (the event is read first), though the key is still stored.
    assert station.subject_keys.stored(key.key_id)
    assert statement_names(station)["P-001"] == donor_pseudonym(key.key_id)
    # A new gift under the name is not sealed under the key being erased.
    gift(station, "P-020", PERSON, "50", on=day(8, 1))
    new_key = key_of(station, "P-020")
    assert new_key.key_id != key.key_id
    # Erasing again finishes the first erasure and erases the new key too.
    again = erase(station, reason="再次申请", requested_by="监护人")
    assert again.key_id == new_key.key_id.hex()  # the erasure recorded now
    assert not station.subject_keys.stored(key.key_id)
    assert not station.subject_keys.stored(new_key.key_id)
    assert station.subject_keys.key_ids(station.sealer.donor_subject(PERSON)) == []
    with pytest.raises(NotFound):
        erase(station)


def test_erasing_twice_returns_the_first_erasure_while_its_key_is_stored(
    station: Ledger, monkeypatch: pytest.MonkeyPatch
) -> None:
    from eventsourcing.persistence import OperationalError

    def fail(*_: Any) -> int:
        raise OperationalError("disk I/O error")

    monkeypatch.setattr(station.subject_keys, "_delete", fail)
    with pytest.raises(StoreError):
        erase(station)
    monkeypatch.undo()
    [first] = [e for e in station.stored_events() if isinstance(e, DonorErased)]
    head = station.log_position()
    assert erase(station, reason="又申请了一次") == first
    assert station.log_position() == head


def test_once_erased_the_name_leads_nowhere(station: Ledger) -> None:
    erase(station)
    head = station.log_position()
    with pytest.raises(NotFound, match="individual donor"):
        erase(station)
    assert station.log_position() == head


@pytest.mark.parametrize("name", ["张无名", COMPANY, "济南齐鲁惠民超市"])
def test_an_unknown_donor_or_an_organisation_is_not_found(station: Ledger, name: str) -> None:
    head = station.log_position()
    with pytest.raises(NotFound):
        erase(station, name)
    assert station.log_position() == head
    assert COMPANY in statement_names(station).values()


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("requested_by", PERSON),
        ("requested_by", f"{PERSON}本人"),
        ("reason", f"{PERSON}申请删除"),
        ("actor", PERSON),
    ],
)
def test_an_erasure_that_would_record_the_name_itself_is_refused(
    station: Ledger, field: str, value: str
) -> None:
    head = station.log_position()
    with pytest.raises(InvalidInput) as info:
        erase(station, **{field: value})
    assert field in str(info.value)
    assert station.log_position() == head
    assert statement_names(station)["P-001"] == PERSON


def test_a_gifts_note_holding_the_persons_name_is_refused(station: Ledger) -> None:
    head = station.log_position()
    with pytest.raises(InvalidInput, match="note"):
        gift(station, "P-030", PERSON_2, "10", note=f"{PERSON_2}女士的捐款")
    assert station.log_position() == head
    # An organisation's note may name it: its name is not personal data.
    gift(station, "P-031", COMPANY, "10", person=False, note=f"{COMPANY}年度捐赠")


def test_a_later_gift_under_an_erased_name_is_a_new_donor(station: Ledger) -> None:
    key = key_of(station, "P-001")
    erase(station)
    gift(station, "P-040", PERSON, "70", on=day(9, 1))
    assert key_of(station, "P-040").key_id != key.key_id
    names = statement_names(station)
    assert names["P-040"] == PERSON
    assert names["P-001"] == donor_pseudonym(key.key_id)


def test_an_anonymous_gift_said_to_be_a_persons_is_anonymous(station: Ledger) -> None:
    event = gift(station, "P-050", None, "40")
    assert isinstance(event, CashDonationReceived)
    assert (event.donor, event.donor_sealed) == (None, None)


# ---- two writers: a key another process erased is never used again -------------------------


def test_a_writer_holding_the_key_in_memory_does_not_seal_under_an_erased_key(
    tmp_path: Path, cipher_key: str
) -> None:
    db = str(tmp_path / "station.db")
    importer = Ledger(db, cipher_key=cipher_key, clock=FixedClock(NOW))
    record_gifts(importer)
    key = key_of(importer, "P-001")
    gift(importer, "P-060", PERSON, "10", on=day(9, 2))  # the key is now in its memory
    clerk = Ledger(db, cipher_key=cipher_key, clock=FixedClock(NOW))
    try:
        erase(clerk)
        gift(importer, "P-061", PERSON, "10", on=day(9, 3))
        fresh = key_of(importer, "P-061")
        assert fresh.key_id != key.key_id
        assert statement_names(clerk)["P-061"] == PERSON
        assert statement_names(clerk)["P-060"] == donor_pseudonym(key.key_id)
    finally:
        clerk.close()
        importer.close()


# ---- a store copied under new keys --------------------------------------------------------------


def test_rekey_carries_the_keys_of_donors_and_leaves_an_erased_ones_behind(
    tmp_path: Path, cipher_key: str
) -> None:
    source = Ledger(str(tmp_path / "old.db"), cipher_key=cipher_key, clock=FixedClock(NOW))
    record_gifts(source)
    key = key_of(source, "P-001")
    erase(source)
    target = Ledger(str(tmp_path / "new.db"), cipher_key=AESCipher.create_key(16))
    try:
        copy_store(source, target)
        names = statement_names(target)
        assert names["P-003"] == PERSON_2
        assert names["P-001"] == donor_pseudonym(key.key_id)
        assert figures(target) == figures(source)
    finally:
        target.close()
        source.close()
    assert found(sqlite_file_bytes(tmp_path / "new.db"), PERSON, PERSON_2) == []


# ---- the journals, read by the real tools --------------------------------------------------------


def test_the_journals_of_people_and_of_the_erased_check_with_hledger_and_beancount(
    tmp_path: Path,
) -> None:
    """An individual's account (``I-``) and an erased one's (the pseudonym, mapped) are valid
    account names, and the tools' balances equal the export's, to the fen."""
    from test_export_tools import hledger_balances, load_beancount

    ledger = Ledger("memory:", clock=FixedClock(NOW))
    try:
        record_gifts(ledger)
        key = key_of(ledger, "P-001")
        erase(ledger)
        for fmt in ("hledger", "beancount"):
            path = tmp_path / f"station.{fmt}"
            with path.open("w", encoding="utf-8", newline="") as out:
                summary = write_export(ledger, fmt, out)  # type: ignore[arg-type]
            text = path.read_text(encoding="utf-8")
            assert PERSON not in text
            assert "I-已删除-erased-" + key.key_id.hex()[:12] in text
            assert "I-司马秋月" in text
            balances = hledger_balances(path) if fmt == "hledger" else load_beancount(path)
            assert {a: f for a, f in balances.items() if f} == {
                a: f for a, f in summary.balances_fen.items() if f
            }
    finally:
        ledger.close()
