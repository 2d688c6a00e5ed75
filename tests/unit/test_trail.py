"""The audit trail: who did what, when and why, per fund, per volunteer and per actor.

Given a station whose log holds every kind of event (``record_tour`` goes through the
``Ledger``'s public commands: two funds, one closed into the other; a station policy;
two volunteers with service, corrections, the time bank and a certificate), when a
trail is asked for, then it lists exactly the matching events, in log order, with
who, when, what and why, and never a volunteer's personal data. The trails run on
every backend (memory, SQLite in memory and on file, PostgreSQL).

The recording clock stands at Monday 2024-06-03 10:00 in China, after every
business date used; each event is recorded one second after the one before.
"""

from __future__ import annotations

import importlib
import json
from pathlib import Path
from typing import Any

import msgspec
import pytest

import sgz_ledger.storage.log
from conftest import FixedClock
from sgz_ledger import Ledger
from sgz_ledger.audit.trail import ACTOR_FIELDS, EVENT_LABELS, TrailEntry, iter_trail, trail
from sgz_ledger.domain.errors import InvalidInput, NotFound, StoreError
from sgz_ledger.domain.events import LedgerEvent, VolunteerRegistered
from sgz_ledger.domain.fund import fund_uuid
from sgz_ledger.domain.volunteer import volunteer_uuid
from sgz_ledger.storage.codec import DEFAULT_EVENT_TYPES
from sgz_ledger.storage.sealing import PersonalDataInClearWarning
from tour_support import (
    ACTIVITY,
    APPROVER,
    CASHIER,
    CLERK,
    FUND_A,
    FUND_B,
    MANAGER,
    MULTILINE_NOTE,
    NOW,
    OTHER_PERSON,
    PERSON,
    SIGNER,
    STATION,
    V1,
    V1_ID,
    V1_NAME,
    V1_NEW_PHONE,
    V1_PHONE,
    V2,
    day,
    record_funds,
    record_tour,
    record_volunteers,
    stored_event_types,
    tag,
)

# The module, not the function it exports under the same name (``sgz_ledger.audit.trail``
# is the function once the package has re-exported it).
trail_module = importlib.import_module("sgz_ledger.audit.trail")

pytestmark = pytest.mark.filterwarnings(
    f"ignore::{PersonalDataInClearWarning.__module__}.{PersonalDataInClearWarning.__name__}"
)


@pytest.fixture
def clock() -> FixedClock:
    """The recording clock (overrides conftest's): after every business date used."""
    return FixedClock(NOW)


@pytest.fixture
def toured(ledger: Ledger) -> Ledger:
    record_tour(ledger)
    return ledger


def by_event(entries: list[TrailEntry], name: str) -> list[TrailEntry]:
    return [e for e in entries if e.event == name]


def unregistered(name: str) -> str:
    """How the trail shows a name recorded where the station registered nobody."""
    return f"{name}（未登记 unregistered）"


# ---- labels ----------------------------------------------------------------------------------


def test_every_event_type_has_a_label() -> None:
    """A new event class in domain/events.py without a label fails here."""
    types = stored_event_types()
    missing = sorted(cls.__name__ for cls in types - set(EVENT_LABELS))
    assert not missing, f"add these to sgz_ledger.audit.trail.EVENT_LABELS: {missing}"
    # ... and every class the codec stores (snapshots are not in the log) is one of them.
    logged = {cls for cls in DEFAULT_EVENT_TYPES if issubclass(cls, LedgerEvent)}
    assert logged == types == set(EVENT_LABELS)
    # Each has its one-line summary too (the tour below renders every one on a real store).
    assert set(trail_module._DESCRIBE) == set(EVENT_LABELS)


def test_labels_are_distinct_and_bilingual() -> None:
    zh = [label[0] for label in EVENT_LABELS.values()]
    en = [label[1] for label in EVENT_LABELS.values()]
    assert len(set(zh)) == len(zh)
    assert len(set(en)) == len(en)
    assert all(z and not z.isascii() for z in zh)
    assert all(e and e.isascii() for e in en)


# ---- the whole log, every event type -----------------------------------------------------


def test_every_event_is_on_its_actors_trail_and_every_type_is_described(toured: Ledger) -> None:
    events = toured.stored_events()
    assert {type(e) for e in events} == stored_event_types(), "the tour records every type"
    seen: dict[int, TrailEntry] = {}
    for name in sorted({e.actor for e in events}):
        for entry in trail(toured, actor=name):
            seen[entry.position] = entry
    assert sorted(seen) == list(range(1, len(events) + 1))
    for position, event in enumerate(events, start=1):
        entry = seen[position]
        assert entry.event == tag(event)
        assert (entry.label_zh, entry.label_en) == EVENT_LABELS[type(event)]
        assert entry.recorded_at == event.timestamp
        assert entry.occurred_on == event.occurred_on
        assert "\n" not in entry.summary
        assert "\n" not in entry.reason
        msgspec.json.encode(entry)  # every entry is JSON as it stands


# ---- per fund ----------------------------------------------------------------------------


def test_a_funds_trail_is_its_own_events_in_log_order(toured: Ledger) -> None:
    uid = fund_uuid(FUND_A)
    expected = [
        (n.id, n.topic.split(".v")[0])
        for n in toured.recorder.select_notifications(start=1, limit=10_000)
        if n.originator_id == uid
    ]
    entries = trail(toured, fund_id=FUND_A)
    assert [(e.position, e.event) for e in entries] == expected
    assert all(e.aggregate == "fund" and e.subject_id == FUND_A for e in entries)
    assert entries[0].event == "FundOpened"
    assert entries[-1].event == "FundClosed"
    positions = [e.position for e in entries]
    assert positions == sorted(positions)
    assert len(set(positions)) == len(positions)


def test_a_refund_shows_its_amount_receipt_and_reason(toured: Ledger) -> None:
    [refund] = by_event(trail(toured, fund_id=FUND_A), "DonationRefunded")
    assert (refund.actor, refund.occurred_on) == (unregistered(CASHIER), day(3, 7))
    assert (refund.label_zh, refund.label_en) == ("捐赠退款", "donation refunded")
    assert refund.reason == "捐赠方多转1000元，原路退回"
    assert "1000.00 元" in refund.summary
    assert "R-2" in refund.summary
    assert "T-1" in refund.summary
    assert refund.fields == {
        "refund_id": "T-1",
        "receipt_no": "R-2",
        "restriction": "",
        "amount_fen": 100_000,
        "reason": "捐赠方多转1000元，原路退回",
    }


def test_money_is_integer_fen_in_fields_and_yuan_in_summaries(toured: Ledger) -> None:
    entries = trail(toured, fund_id=FUND_A)
    [gift] = [
        e for e in by_event(entries, "CashDonationReceived") if e.fields["receipt_no"] == "R-1"
    ]
    assert gift.fields["amount_fen"] == 1_000_000
    assert type(gift.fields["amount_fen"]) is int
    assert "10000.00 元" in gift.summary
    assert "助学" in gift.summary
    assert "某爱心企业" in gift.summary
    [goods] = by_event(entries, "InKindDonationReceived")
    assert goods.fields["items"] == [
        {"item": "大米", "quantity": 10, "unit": "袋", "value_fen": 50_000, "basis": "document"}
    ]
    for entry in entries:
        for key, value in entry.fields.items():
            if key.endswith("_fen"):
                assert type(value) is int, (entry.event, key)


def test_the_why_of_fund_corrections_and_moves(toured: Ledger) -> None:
    entries = {e.event: e for e in trail(toured, fund_id=FUND_A)}
    assert entries["DonationReversed"].reason == "重复录入"
    assert entries["PaymentReversed"].reason == "凭证号录错"
    assert entries["RestrictionReleased"].reason == "项目结余 (依据 reference: 管委会纪要2024-1)"
    assert entries["PurposeChanged"].reason == "助老急需 (捐赠人同意 consent: 捐赠人同意函2024-3)"
    assert entries["PurposeChanged"].fields["consent_ref"] == "捐赠人同意函2024-3"
    assert entries["DisbursementRejected"].reason == "不属于基金用途"
    assert entries["FundClosed"].reason == "并入王河村社区基金"
    # A note on a gift is its why; on one line in the entry, as stored in the fields.
    goods = entries["InKindDonationReceived"]
    assert goods.reason == "春节慰问 按超市出库单计价"
    assert goods.fields["note"] == MULTILINE_NOTE


def test_a_transfer_between_funds_is_on_both_funds(toured: Ledger) -> None:
    """Closing A into B moves each restriction's cash: one transfer each, on both funds."""
    outs = by_event(trail(toured, fund_id=FUND_A), "FundTransferredOut")
    ins = by_event(trail(toured, fund_id=FUND_B), "FundTransferredIn")
    assert len(outs) == len(ins) == 3  # unrestricted, 助学, 助老
    for out, in_ in zip(outs, ins, strict=True):
        assert out.fields["transfer_id"] == in_.fields["transfer_id"]
        assert out.fields["to_fund_id"] == FUND_B
        assert in_.fields["from_fund_id"] == FUND_A
        assert out.fields["amount_fen"] == in_.fields["amount_fen"] > 0
        assert out.fields["restriction"] == in_.fields["restriction"]
        assert (out.subject_id, in_.subject_id) == (FUND_A, FUND_B)
        assert f"to fund {FUND_B}" in out.summary
        assert f"from fund {FUND_A}" in in_.summary
        assert out.reason == in_.reason == "并入王河村社区基金"
    assert sum(o.fields["amount_fen"] for o in outs) == 1_008_000
    assert not by_event(trail(toured, fund_id=FUND_B), "FundTransferredOut")


# ---- per volunteer ---------------------------------------------------------------------------


def test_a_volunteers_trail_is_their_events_and_transfers_naming_them(toured: Ledger) -> None:
    uid = volunteer_uuid(V1)
    events = toured.stored_events()
    own = [n for n, e in enumerate(events, start=1) if e.originator_id == uid]
    entries = trail(toured, volunteer_id=V1)
    [received] = by_event(entries, "HoursTransferredIn")  # V2's side, naming V1
    # The team's, the award's and the evaluation's events naming V1 (none is service).
    recognised = [
        e
        for e in entries
        if e.event
        in {"TeamMemberJoined", "TeamLeaderNamed", "TeamMemberLeft", "AwardGranted",
            "EvaluationRecorded"}
    ]  # fmt: skip
    assert len(recognised) == 5
    others = [received.position, *(e.position for e in recognised)]
    assert [e.position for e in entries] == sorted([*own, *others])
    assert (received.subject_id, received.fields["from_volunteer_id"]) == (V2, V1)
    assert all(e.subject_id == V1 for e in entries if e is not received and e not in recognised)
    assert {e.event for e in entries} >= {
        "VolunteerRegistered", "VolunteerJoinedTeam", "VolunteerProfileCorrected",
        "ServiceRecorded", "ServiceApproved", "ServiceCorrected", "ServiceVoided", "HoursBanked",
        "HoursRedeemed", "HoursTransferredOut", "HoursAdjusted", "CertificateIssued",
        "CertificateRevoked", "VolunteerLeftTeam",
    }  # fmt: skip
    assert "ActivityPublished" not in {e.event for e in entries}


def test_a_transfer_of_hours_shows_on_both_volunteers(toured: Ledger) -> None:
    for volunteer_id in (V1, V2):
        entries = trail(toured, volunteer_id=volunteer_id)
        [out] = by_event(entries, "HoursTransferredOut")
        [in_] = by_event(entries, "HoursTransferredIn")
        assert (out.subject_id, in_.subject_id) == (V1, V2)
        assert out.fields["transfer_id"] == in_.fields["transfer_id"] == "TR-1"
        assert out.fields["credit_s"] == in_.fields["credit_s"] == 1800
        assert "0.50 小时" in out.summary
        assert V2 in out.summary
        assert V1 in in_.summary
        assert in_.reason == out.reason == "赠与家人"


def test_a_service_correction_shows_who_asked_and_who_verified(toured: Ledger) -> None:
    [correction] = by_event(trail(toured, volunteer_id=V1), "ServiceCorrected")
    assert correction.actor == unregistered(APPROVER)  # the verifier
    assert correction.fields["requested_by"] == V1
    assert f"申请人 requested by {V1}" in correction.summary
    assert f"核实人 verified by {APPROVER}" in correction.summary
    assert "2.00 小时" in correction.summary
    assert "+0.50" in correction.summary
    assert correction.reason == "签退时间漏记半小时"
    assert (correction.fields["duration_s"], correction.fields["delta_s"]) == (7200, 1800)


def test_hours_and_records_in_volunteer_summaries(toured: Ledger) -> None:
    entries = {(e.event, e.fields.get("record_id")): e for e in trail(toured, volunteer_id=V1)}
    recorded = entries[("ServiceRecorded", "SR-1")]
    assert recorded.actor == unregistered(CLERK)
    assert "SR-1" in recorded.summary
    assert "1.50 小时" in recorded.summary
    assert ACTIVITY in recorded.summary
    assert recorded.fields["duration_s"] == 5400
    assert recorded.fields["started_at"] == "2024-05-27T01:00:00Z"  # stored in UTC
    assert entries[("ServiceVoided", "SR-2")].reason == "与SR-1重复"
    adjusted = entries[("HoursAdjusted", None)]
    assert "-0.17 小时" in adjusted.summary
    assert f"authorised by {MANAGER}" in adjusted.summary


def test_no_personal_data_in_a_volunteers_trail(toured: Ledger) -> None:
    [registered] = [e for e in toured.stored_events() if isinstance(e, VolunteerRegistered)][:1]
    entries = trail(toured, volunteer_id=V1)
    text = json.dumps(msgspec.to_builtins(entries), ensure_ascii=False)
    for secret in (V1_NAME, V1_PHONE, V1_NEW_PHONE, V1_ID, registered.id_hash):
        assert secret not in text
    for entry in entries:
        assert "personal_sealed" not in entry.fields
        assert "id_hash" not in entry.fields
        assert not any(isinstance(v, bytes) for v in entry.fields.values())
    [phone] = [
        e for e in by_event(entries, "VolunteerProfileCorrected") if e.fields["field"] == "phone"
    ]
    assert phone.fields == {
        "correction_id": "K-1",
        "field": "phone",
        "value": "",
        "reason": "号码变更",
    }
    assert "sealed" in phone.summary


# ---- per actor -----------------------------------------------------------------------------


def test_an_actors_trail_is_what_they_did_and_where_they_are_named(toured: Ledger) -> None:
    entries = trail(toured, actor=MANAGER)
    shown = unregistered(MANAGER)
    assert all(
        e.actor == shown or any(e.fields.get(f) == MANAGER for f in ACTOR_FIELDS) for e in entries
    )
    done = {e.event for e in entries if e.actor == shown}
    assert done == {
        "StationPolicySet",
        "CertificateIssued",
        "CertificateRevoked",
        "ReportPublished",
        "PeriodClosed",
        "ProjectOpened",
        "BudgetLineAmended",
        "ProjectClosed",
    }
    named = {e.event: e for e in entries if e.actor != shown}
    assert set(named) == {"HoursRedeemed", "HoursAdjusted"}  # not the activity they led
    assert named["HoursRedeemed"].fields["approver"] == MANAGER
    assert named["HoursAdjusted"].fields["authorised_by"] == MANAGER
    [policy] = by_event(entries, "StationPolicySet")
    assert (policy.aggregate, policy.subject_id) == ("station", STATION)


def test_an_actors_trail_crosses_funds_and_volunteers(toured: Ledger) -> None:
    entries = trail(toured, actor=APPROVER)
    subjects = {(e.aggregate, e.subject_id) for e in entries}
    # Closing A into B records B's side of the transfers under the same actor.
    assert subjects == {("fund", FUND_A), ("fund", FUND_B), ("volunteer", V1)}
    positions = [e.position for e in entries]
    assert positions == sorted(positions)
    # Named only in a field: the signer of goods given out; who asked for a correction.
    assert [e.fields["distribution_id"] for e in trail(toured, actor=SIGNER)] == ["D-1", "D-2"]
    assert [e.event for e in trail(toured, actor=V1)] == ["ServiceCorrected"]


def test_an_actor_with_no_events_has_an_empty_trail(toured: Ledger) -> None:
    assert trail(toured, actor="无此人") == []
    assert trail(toured, actor=CLERK[:1]) == []  # exact names only, not prefixes


# ---- order, batches, selectors, stores -------------------------------------------------------


def test_order_is_log_order_not_business_date_order(ledger: Ledger) -> None:
    record_funds(ledger)
    # Recorded last, dated first: a late entry stays where the ledger recorded it.
    ledger.receive_cash(fund_id=FUND_B, receipt_no="LATE-1", amount="50", actor=CLERK,
                        occurred_on=day(1, 2))  # fmt: skip
    entries = trail(ledger, fund_id=FUND_B)
    assert entries[-1].fields["receipt_no"] == "LATE-1"
    assert entries[-1].occurred_on < entries[0].occurred_on
    assert entries[-1].position == ledger.log_position()
    recorded = [e.recorded_at for e in entries]
    assert recorded == sorted(recorded)


def test_reading_in_small_batches_gives_the_same_trail(
    toured: Ledger, monkeypatch: pytest.MonkeyPatch
) -> None:
    whole = {
        "fund": trail(toured, fund_id=FUND_A),
        "volunteer": trail(toured, volunteer_id=V2),
        "actor": trail(toured, actor=CLERK),
    }
    monkeypatch.setattr(sgz_ledger.storage.log, "LOG_BATCH", 3)
    assert trail(toured, fund_id=FUND_A) == whole["fund"]
    assert trail(toured, volunteer_id=V2) == whole["volunteer"]
    assert list(iter_trail(toured, actor=CLERK)) == whole["actor"]


def test_unknown_fund_or_volunteer_is_not_found(toured: Ledger) -> None:
    with pytest.raises(NotFound, match="fund 'nope' not found"):
        trail(toured, fund_id="nope")
    with pytest.raises(NotFound, match="volunteer 'V-9999' not found"):
        trail(toured, volunteer_id="V-9999")
    with pytest.raises(NotFound):  # a volunteer's code is not a fund's
        trail(toured, fund_id=V1)


@pytest.mark.parametrize(
    "selector",
    [
        {},
        {"fund_id": FUND_A, "actor": CLERK},
        {"fund_id": FUND_A, "volunteer_id": V1},
        {"actor": " "},
    ],
    ids=["none", "fund-and-actor", "fund-and-volunteer", "blank-actor"],
)
def test_exactly_one_selector(selector: dict[str, Any]) -> None:
    ledger = Ledger("memory:")
    try:
        with pytest.raises(InvalidInput):
            trail(ledger, **selector)
        with pytest.raises(InvalidInput):  # at the call, not on the first entry
            iter_trail(ledger, **selector)
    finally:
        ledger.close()


def test_an_encrypted_store_is_read_with_its_key_and_refused_without(tmp_path: Path) -> None:
    from eventsourcing.cipher import AESCipher

    path = str(tmp_path / "sealed.db")
    key = AESCipher.create_key(16)
    ledger = Ledger(path, cipher_key=key, clock=FixedClock(NOW))
    try:
        record_volunteers(ledger)
        entries = trail(ledger, volunteer_id=V1)
        assert by_event(entries, "VolunteerRegistered")
        assert V1_NAME not in json.dumps(msgspec.to_builtins(entries), ensure_ascii=False)
    finally:
        ledger.close()
    with pytest.raises(StoreError, match="encrypted"):
        Ledger(path)  # refused at opening, before any trail is read


# ---- individual donors -----------------------------------------------------------------------


def test_individual_donors_are_named_as_every_output_names_them(toured: Ledger) -> None:
    """A person's gift shows their name opened; once erased, their pseudonym, and the
    erasure is an entry of its own (on the donor's key, ``aggregate == "donor"``)."""
    entries = trail(toured, fund_id=FUND_B)
    gifts = {e.fields["receipt_no"]: e for e in by_event(entries, "CashDonationReceived")}
    named, erased = gifts["R-P2"], gifts["R-P1"]
    assert named.fields["donor"] == OTHER_PERSON
    assert named.fields["donor_is_person"] is True
    assert f"个人捐赠人 individual donor {OTHER_PERSON}" in named.summary
    assert "donor_sealed" not in named.fields
    assert "donor_sealed" not in erased.fields
    pseudonym = erased.fields["donor"]
    assert pseudonym.startswith("已删除 erased ")
    assert pseudonym in erased.summary
    [erasure] = by_event(trail(toured, actor=CLERK), "DonorErased")
    assert (erasure.aggregate, erasure.label_en) == ("donor", "donor's name erased")
    assert pseudonym.endswith(erasure.subject_id)
    assert erasure.fields["requested_by"] == "本人"
    everything = [*trail(toured, actor=CLERK), *entries]
    assert PERSON not in json.dumps(msgspec.to_builtins(everything), ensure_ascii=False)
