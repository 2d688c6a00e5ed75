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

import datetime as dt
import importlib
import inspect
import json
from pathlib import Path
from typing import Any

import msgspec
import pytest

import sgz_ledger.storage.log
from conftest import FixedClock
from sgz_ledger import Ledger
from sgz_ledger.audit.trail import ACTOR_FIELDS, EVENT_LABELS, TrailEntry, iter_trail, trail
from sgz_ledger.domain import events as events_module
from sgz_ledger.domain.errors import InvalidInput, NotFound, StoreError
from sgz_ledger.domain.events import LedgerEvent, VolunteerRegistered
from sgz_ledger.domain.fund import fund_uuid
from sgz_ledger.domain.volunteer import volunteer_uuid
from sgz_ledger.storage.codec import DEFAULT_EVENT_TYPES
from sgz_ledger.storage.sealing import PersonalDataInClearWarning

# The module, not the function it exports under the same name (``sgz_ledger.audit.trail``
# is the function once the package has re-exported it).
trail_module = importlib.import_module("sgz_ledger.audit.trail")

pytestmark = pytest.mark.filterwarnings(
    f"ignore::{PersonalDataInClearWarning.__module__}.{PersonalDataInClearWarning.__name__}"
)

CST = dt.timezone(dt.timedelta(hours=8))
NOW = dt.datetime(2024, 6, 3, 2, 0, tzinfo=dt.UTC)  # Monday 10:00 in China
STATION = "cuizhai"
FUND_A, FUND_B = "f-cuizhai", "f-wanghe"
V1, V2 = "V-0001", "V-0002"
ACTIVITY = "A-0527"

CLERK = "王芳"  # registers gifts and records service
REQUESTER = "李强"  # asks for spending
APPROVER = "张敏"  # 管委会: approves spending; checks and approves service records
CASHIER = "周敏"  # pays
SIGNER = "崔建国"  # signs off goods given out (named in a field only, never the actor)
MANAGER = "刘军"  # 站长: sets the policy, approves redemptions, authorises adjustments

# V1's personal data: none of it may appear anywhere in a trail.
V1_NAME, V1_PHONE, V1_NEW_PHONE, V1_ID = "张丽", "13900000000", "13911112222", "370102199001011234"
MULTILINE_NOTE = "春节慰问\n按超市出库单计价"
# Individual donors: the first is erased in the tour, so their name is in no trail.
PERSON, OTHER_PERSON = "慕容秋水", "上官明月"


def day(month: int, d: int) -> dt.date:
    return dt.date(2024, month, d)


def at(when: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(when, dt.time(hour, minute), tzinfo=CST)


def record_funds(ledger: Ledger) -> None:
    """Two funds and every fund event: gifts, goods, corrections, spending, a closing."""
    for fund_id, community in ((FUND_A, "崔寨村"), (FUND_B, "王河村")):
        ledger.open_fund(
            fund_id=fund_id, station_id=STATION, community=community,
            name=f"{community}社区基金", host="山东省乡村振兴基金会", approval_threshold="5000",
            publicity_required=False, actor=CLERK, occurred_on=day(3, 1),
        )  # fmt: skip
    f = {"fund_id": FUND_A}
    ledger.receive_cash(**f, receipt_no="R-1", amount="10000", donor="某爱心企业",
                        restriction="助学", actor=CLERK, occurred_on=day(3, 2))  # fmt: skip
    ledger.receive_cash(**f, receipt_no="R-2", amount="3000", actor=CLERK,
                        occurred_on=day(3, 2))  # fmt: skip
    ledger.receive_goods(
        **f, receipt_no="G-1", donor="某超市", restriction="助老", note=MULTILINE_NOTE,
        items=[{"item": "大米", "quantity": 10, "unit": "袋", "value": "500", "basis": "document"}],
        actor=CLERK, occurred_on=day(3, 3),
    )  # fmt: skip
    ledger.distribute_goods(**f, distribution_id="D-1", item="大米", unit="袋", quantity=4,
                            recipient="独居老人4户", signed_off_by=SIGNER, purpose="春节慰问",
                            restriction="助老", actor=CLERK, occurred_on=day(3, 4))  # fmt: skip
    ledger.sell_goods(**f, sale_id="S-1", item="大米", unit="袋", quantity=2, proceeds="80",
                      buyer="某粮店", restriction="助老", actor=CLERK,
                      occurred_on=day(3, 5))  # fmt: skip
    ledger.distribute_goods(**f, distribution_id="D-2", item="大米", unit="袋", quantity=4,
                            recipient="低保户4户", signed_off_by=SIGNER, purpose="春节慰问",
                            restriction="助老", actor=CLERK, occurred_on=day(3, 6))  # fmt: skip
    ledger.refund_donation(**f, refund_id="T-1", receipt_no="R-2", amount="1000",
                           reason="捐赠方多转1000元，原路退回", actor=CASHIER,
                           occurred_on=day(3, 7))  # fmt: skip
    ledger.receive_cash(**f, receipt_no="R-3", amount="200", actor=CLERK,
                        occurred_on=day(3, 8))  # fmt: skip
    ledger.reverse_donation(**f, correction_id="C-1", receipt_no="R-3", reason="重复录入",
                            actor=CLERK, occurred_on=day(3, 9))  # fmt: skip
    ledger.release_restriction(**f, release_id="L-1", restriction="助学", amount="1000",
                               reason="项目结余", reference="管委会纪要2024-1", actor=APPROVER,
                               occurred_on=day(3, 10))  # fmt: skip
    ledger.change_purpose(**f, change_id="P-1", from_restriction="助学", to_restriction="助老",
                          amount="500", consent_ref="捐赠人同意函2024-3", reason="助老急需",
                          actor=APPROVER, occurred_on=day(3, 11))  # fmt: skip
    ledger.request_disbursement(**f, request_id="Q-1", amount="2000", purpose="助学金",
                                restriction="助学", payee="困境儿童家庭", actor=REQUESTER,
                                occurred_on=day(3, 12))  # fmt: skip
    ledger.approve_disbursement(**f, request_id="Q-1", actor=APPROVER, occurred_on=day(3, 13))
    ledger.publicize_disbursement(**f, request_id="Q-1", notice_ref="公示-1",
                                  notice_from=day(3, 13), notice_to=day(3, 15), actor=CLERK,
                                  occurred_on=day(3, 13))  # fmt: skip
    ledger.pay_disbursement(**f, request_id="Q-1", voucher_no="PZ-1", actor=CASHIER,
                            occurred_on=day(3, 16))  # fmt: skip
    ledger.reverse_payment(**f, correction_id="C-2", request_id="Q-1", reason="凭证号录错",
                           actor=CASHIER, occurred_on=day(3, 17))  # fmt: skip
    ledger.pay_disbursement(**f, request_id="Q-1", voucher_no="PZ-2", actor=CASHIER,
                            occurred_on=day(3, 18))  # fmt: skip
    for request_id, amount in (("Q-2", "300"), ("Q-3", "400")):
        ledger.request_disbursement(**f, request_id=request_id, amount=amount, purpose="办公",
                                    payee="某文具店", actor=REQUESTER,
                                    occurred_on=day(3, 19))  # fmt: skip
    ledger.reject_disbursement(**f, request_id="Q-2", reason="不属于基金用途", actor=APPROVER,
                               occurred_on=day(3, 20))  # fmt: skip
    ledger.cancel_disbursement(**f, request_id="Q-3", reason="改由街道经费支付",
                               actor=REQUESTER, occurred_on=day(3, 20))  # fmt: skip
    ledger.close_fund(**f, reason="并入王河村社区基金", transfer_to=FUND_B, actor=APPROVER,
                      occurred_on=day(3, 31))  # fmt: skip


def record_volunteers(ledger: Ledger) -> None:
    """A station policy, two volunteers, an activity, and every volunteer event."""
    ledger.set_station_policy(station_id=STATION, name="崔寨街道社工站", actor=MANAGER,
                              occurred_on=day(3, 1))  # fmt: skip
    ledger.register_volunteer(volunteer_id=V1, station_id=STATION, name=V1_NAME, phone=V1_PHONE,
                              id_number=V1_ID, registered_on=day(3, 1), consent=True,
                              team="红马甲服务队", actor=CLERK, occurred_on=day(3, 1))  # fmt: skip
    ledger.register_volunteer(volunteer_id=V2, station_id=STATION, name="赵强",
                              registered_on=day(3, 1), consent=False, actor=CLERK,
                              occurred_on=day(3, 1))  # fmt: skip
    ledger.correct_volunteer_profile(volunteer_id=V1, correction_id="K-1", field="phone",
                                     value=V1_NEW_PHONE, reason="号码变更", actor=CLERK,
                                     occurred_on=day(4, 1))  # fmt: skip
    ledger.correct_volunteer_profile(volunteer_id=V1, correction_id="K-2", field="skills",
                                     value="理发、陪伴", reason="补录技能", actor=CLERK,
                                     occurred_on=day(4, 1))  # fmt: skip
    ledger.publish_activity(activity_id=ACTIVITY, station_id=STATION, name="敬老院探访",
                            community="崔寨村", place="崔寨敬老院", organizer="崔寨街道社工站",
                            leader=MANAGER, starts_at=at(day(5, 27), 9),
                            ends_at=at(day(5, 27), 12), actor=CLERK,
                            occurred_on=day(5, 20))  # fmt: skip
    for record_id, (start, end) in {"SR-1": ((9, 0), (10, 30)), "SR-2": ((11, 0), (12, 0))}.items():
        ledger.record_service(record_id=record_id, volunteer_id=V1, activity_id=ACTIVITY,
                              started_at=at(day(5, 27), *start), ended_at=at(day(5, 27), *end),
                              content="陪伴老人", actor=CLERK,
                              occurred_on=day(5, 27))  # fmt: skip
        ledger.approve_service(volunteer_id=V1, record_id=record_id, actor=APPROVER,
                               occurred_on=day(5, 28))  # fmt: skip
    ledger.correct_service(volunteer_id=V1, record_id="SR-1", correction_id="X-1",
                           started_at=at(day(5, 27), 9), ended_at=at(day(5, 27), 11),
                           reason="签退时间漏记半小时", requested_by=V1, actor=APPROVER,
                           occurred_on=day(5, 29))  # fmt: skip
    ledger.void_service(volunteer_id=V1, record_id="SR-2", reason="与SR-1重复", actor=APPROVER,
                        occurred_on=day(5, 29))  # fmt: skip
    ledger.bank_hours(volunteer_id=V1, record_id="SR-1", actor=CLERK, occurred_on=day(5, 30))
    ledger.redeem_hours(volunteer_id=V1, redemption_id="RD-1", credit_s=1800, item="理发",
                        counterparty="社区理发室", approver=MANAGER, actor=CLERK,
                        occurred_on=day(5, 30))  # fmt: skip
    ledger.transfer_hours(volunteer_id=V1, transfer_id="TR-1", to_volunteer_id=V2, credit_s=1800,
                          reason="赠与家人", actor=CLERK, occurred_on=day(5, 31))  # fmt: skip
    ledger.adjust_hours(volunteer_id=V1, adjustment_id="AD-1", credit_s=-600, kind="expiry",
                        authorised_by=MANAGER, reason="年度清零", actor=CLERK,
                        occurred_on=day(5, 31))  # fmt: skip
    ledger.issue_certificate(volunteer_id=V1, certificate_no="CERT-1", period_from=day(5, 1),
                             period_to=day(5, 31), issuing_station="崔寨街道社工站",
                             actor=MANAGER, occurred_on=day(6, 1))  # fmt: skip
    ledger.revoke_certificate(volunteer_id=V1, certificate_no="CERT-1", reason="信息有误，重开",
                              actor=MANAGER, occurred_on=day(6, 1))  # fmt: skip
    ledger.leave_team(volunteer_id=V1, team="红马甲服务队", reason="搬家", actor=CLERK,
                      occurred_on=day(6, 1))  # fmt: skip
    ledger.deactivate_volunteer(volunteer_id=V2, reason="本人申请", actor=CLERK,
                                occurred_on=day(6, 1))  # fmt: skip
    ledger.erase_personal_data(volunteer_id=V2, reason="本人申请删除个人信息", requested_by=V2,
                               actor=CLERK, occurred_on=day(6, 2))  # fmt: skip


def record_donors(ledger: Ledger) -> None:
    """Gifts of two individual donors to the fund still open, one of them erased since."""
    for receipt_no, name in (("R-P1", PERSON), ("R-P2", OTHER_PERSON)):
        ledger.receive_cash(fund_id=FUND_B, receipt_no=receipt_no, amount="600", donor=name,
                            donor_is_person=True, actor=CLERK,
                            occurred_on=day(4, 2))  # fmt: skip
    ledger.erase_donor(donor=PERSON, reason="本人申请删除姓名", requested_by="本人", actor=CLERK,
                       occurred_on=day(6, 2))  # fmt: skip


def record_tour(ledger: Ledger) -> None:
    """Every kind of event the ledger stores, funds and volunteers interleaved in the log."""
    record_funds(ledger)
    record_volunteers(ledger)
    record_donors(ledger)


def stored_event_types() -> set[type[LedgerEvent]]:
    """Every event class of ``domain/events.py`` that is stored: the leaves under ``LedgerEvent``.

    (The bases ``LedgerEvent``, ``FundEvent``... have subclasses and are never stored.)
    """
    return {
        cls
        for _, cls in inspect.getmembers(events_module, inspect.isclass)
        if issubclass(cls, LedgerEvent) and not cls.__subclasses__()
    }


def tag(event: LedgerEvent) -> str:
    name = type(event).__struct_config__.tag
    assert isinstance(name, str)
    return name


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
    assert (refund.actor, refund.occurred_on) == (CASHIER, day(3, 7))
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
    assert [e.position for e in entries] == sorted([*own, received.position])
    assert (received.subject_id, received.fields["from_volunteer_id"]) == (V2, V1)
    assert all(e.subject_id == V1 for e in entries if e is not received)
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
    assert correction.actor == APPROVER  # the verifier
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
    assert recorded.actor == CLERK
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
    assert all(
        e.actor == MANAGER or any(e.fields.get(f) == MANAGER for f in ACTOR_FIELDS) for e in entries
    )
    done = {e.event for e in entries if e.actor == MANAGER}
    assert done == {"StationPolicySet", "CertificateIssued", "CertificateRevoked"}
    named = {e.event: e for e in entries if e.actor != MANAGER}
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
