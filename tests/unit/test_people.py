"""A station's register of people and who may do what (rules 25 to 29).

The auditor's findings, each as the attempt a tired clerk or a dishonest insider would make:
the requester approving his own request under a proxy spelling, one committee member
counted twice under two spellings, the requester paying his own request, an auditor or a
stranger recording. Each refusal records nothing (the log's length is checked), on every
path: the API, a batch, a sheet import and the command line.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import FixedClock
from sgz_ledger import (
    AccessRefused,
    ApprovalRefused,
    BatchCommandRefused,
    InvalidTransition,
    Ledger,
    LedgerError,
    PaymentRefused,
    RuleViolation,
)
from sgz_ledger.audit.trail import trail
from sgz_ledger.cli import main
from sgz_ledger.service import commands as b
from sgz_ledger.sheets import SheetRefused, import_sheet

D = dt.date(2024, 3, 1)
STATION = "cuizhai"
FUND = "cz-village"
# 崔寨's register: 刘军 administers, 王芳 enters, 李强 is a social worker, 张敏 and 赵刚 sit on
# the committee, 周敏 is the cashier, 陈审 audits.
STAFF = [
    ("A-01", "刘军", ["admin"]),
    ("P-01", "王芳", ["clerk"]),
    ("P-02", "李强", ["social_worker"]),
    ("P-03", "张敏", ["committee"]),
    ("P-04", "赵刚", ["committee"]),
    ("P-05", "周敏", ["cashier"]),
    ("P-06", "陈审", ["auditor"]),
]


def register(ledger: Ledger, station: str = STATION) -> None:
    for person_id, name, roles in STAFF:
        ledger.add_person(
            station_id=station,
            person_id=person_id,
            name=name,
            roles=roles,
            actor="刘军" if person_id == "A-01" else "A-01",
            occurred_on=D,
        )


def open_fund(
    ledger: Ledger, station: str = STATION, fund: str = FUND, *, gift: bool = True
) -> None:
    ledger.open_fund(fund_id=fund, station_id=station, community="崔寨村", name="崔寨村社区基金",
                     host="济南市慈善总会", approval_threshold="5000", publicity_required=False,
                     actor="刘军", occurred_on=D)  # fmt: skip
    if gift:
        ledger.receive_cash(fund_id=fund, receipt_no=f"{fund}-R1", amount="20000", actor="王芳",
                            occurred_on=D)  # fmt: skip


@pytest.fixture
def ledger() -> Iterator[Ledger]:
    ledger = Ledger("memory:", clock=FixedClock())
    register(ledger)
    open_fund(ledger)
    yield ledger
    ledger.close()


def request(ledger: Ledger, request_id: str, amount: str = "6000", actor: str = "李强") -> None:
    ledger.request_disbursement(fund_id=FUND, request_id=request_id, amount=amount,
                                purpose="困境儿童助学金", payee="学生家长", actor=actor,
                                occurred_on=D)  # fmt: skip


def approve(ledger: Ledger, request_id: str, actor: str) -> object:
    return ledger.approve_disbursement(fund_id=FUND, request_id=request_id, actor=actor,
                                       occurred_on=D)  # fmt: skip


def pay(ledger: Ledger, request_id: str, actor: str) -> object:
    voucher = f"PZ-{request_id}"
    return ledger.pay_disbursement(fund_id=FUND, request_id=request_id, voucher_no=voucher,
                                   actor=actor, occurred_on=D)  # fmt: skip


def refused(ledger: Ledger, error: type[LedgerError], call: object, *args: object) -> LedgerError:
    """Run ``call(*args)``: it raises ``error`` and records nothing."""
    before = len(ledger.stored_events())
    with pytest.raises(error) as raised:
        call(*args)  # type: ignore[operator]
    assert len(ledger.stored_events()) == before, "a refused command recorded"
    return raised.value


# ---- the auditor's findings -----------------------------------------------------------------


def test_events_name_the_person_by_id(ledger: Ledger) -> None:
    request(ledger, "SQ-01")
    [requested] = [e for e in ledger.stored_events() if type(e).__name__ == "DisbursementRequested"]
    assert requested.actor == "P-02"
    assert approve(ledger, "SQ-01", "张 敏").actor == "P-03"  # type: ignore[attr-defined]


def test_the_requester_approving_under_a_proxy_spelling_is_refused(ledger: Ledger) -> None:
    ledger.grant_role(station_id=STATION, person_id="P-02", role="committee", actor="A-01",
                      occurred_on=D)  # fmt: skip
    request(ledger, "SQ-02")
    for spelling in ("李强", "P-02", "李 强"):
        refused(ledger, ApprovalRefused, approve, ledger, "SQ-02", spelling)
    # "李强（代）" is 李强 signing for himself, or a name nobody registered: refused either way.
    refused(ledger, RuleViolation, approve, ledger, "SQ-02", "李强（代）")


def test_one_member_under_two_spellings_is_one_approver(ledger: Ledger) -> None:
    request(ledger, "SQ-03")  # 6000 > 5000: two distinct approvers
    first = approve(ledger, "SQ-03", "张敏")
    before = len(ledger.stored_events())
    assert approve(ledger, "SQ-03", "张 敏") == first  # the same person: a repeat
    assert approve(ledger, "SQ-03", "P-03") == first
    assert len(ledger.stored_events()) == before
    refused(ledger, InvalidTransition, pay, ledger, "SQ-03", "周敏")  # still not approved
    approve(ledger, "SQ-03", "赵刚")
    assert pay(ledger, "SQ-03", "周敏").actor == "P-05"  # type: ignore[attr-defined]


def test_the_requester_never_pays_his_own_request(ledger: Ledger) -> None:
    ledger.grant_role(station_id=STATION, person_id="P-02", role="cashier", actor="A-01",
                      occurred_on=D)  # fmt: skip
    request(ledger, "SQ-04", amount="800")
    approve(ledger, "SQ-04", "张敏")
    error = refused(ledger, PaymentRefused, pay, ledger, "SQ-04", "李强")
    assert error.reason == "payment_refused"


def test_the_requester_never_pays_where_nobody_is_registered() -> None:
    ledger = Ledger("memory:", clock=FixedClock())
    open_fund(ledger, station="wanghe", fund="wh-fund")
    ledger.request_disbursement(fund_id="wh-fund", request_id="W-1", amount="800", purpose="慰问",
                                payee="老人", actor="李强", occurred_on=D)  # fmt: skip
    ledger.approve_disbursement(fund_id="wh-fund", request_id="W-1", actor="张敏", occurred_on=D)
    call = ledger.pay_disbursement
    before = len(ledger.stored_events())
    with pytest.raises(PaymentRefused):
        call(fund_id="wh-fund", request_id="W-1", voucher_no="PZ", actor="李 强", occurred_on=D)
    assert len(ledger.stored_events()) == before
    # Without a register the approver may still pay, as before.
    call(fund_id="wh-fund", request_id="W-1", voucher_no="PZ", actor="张敏", occurred_on=D)


def test_the_approver_does_not_pay_unless_the_policy_says_so(ledger: Ledger) -> None:
    ledger.grant_role(station_id=STATION, person_id="P-03", role="cashier", actor="A-01",
                      occurred_on=D)  # fmt: skip
    request(ledger, "SQ-05", amount="800")
    approve(ledger, "SQ-05", "张敏")
    refused(ledger, PaymentRefused, pay, ledger, "SQ-05", "张敏")
    ledger.set_access_policy(station_id=STATION, approver_may_pay=True, actor="刘军", occurred_on=D)
    pay(ledger, "SQ-05", "张敏")


def test_an_auditor_records_nothing(ledger: Ledger) -> None:
    before = len(ledger.stored_events())
    with pytest.raises(AccessRefused) as raised:
        ledger.receive_cash(fund_id=FUND, receipt_no="R-9", amount="100", actor="陈审",
                            occurred_on=D)  # fmt: skip
    assert len(ledger.stored_events()) == before
    error = raised.value
    assert error.reason == "not_permitted"
    assert "陈审" in str(error)
    assert "auditor" in str(error)
    assert STATION in str(error)
    # Nor can a policy give an auditor any action.
    with pytest.raises(RuleViolation):
        ledger.set_access_policy(station_id=STATION, record=["clerk", "auditor"], actor="刘军",
                                 occurred_on=D)  # fmt: skip
    assert len(ledger.stored_events()) == before


@pytest.mark.parametrize(
    ("actor", "reason"),
    [("路人甲", "actor_not_registered"), ("王芳", "actor_ambiguous")],
)
def test_an_unknown_or_ambiguous_actor_is_refused(ledger: Ledger, actor: str, reason: str) -> None:
    ledger.add_person(station_id=STATION, person_id="P-07", name="王 芳", roles=["clerk"],
                      actor="A-01", occurred_on=D)  # fmt: skip
    before = len(ledger.stored_events())
    with pytest.raises(AccessRefused) as raised:
        ledger.receive_cash(fund_id=FUND, receipt_no="R-8", amount="100", actor=actor,
                            occurred_on=D)  # fmt: skip
    assert (raised.value.reason, raised.value.station_id) == (reason, STATION)
    assert STATION in str(raised.value)
    assert len(ledger.stored_events()) == before
    # By id, each 王芳 is one person.
    event = ledger.receive_cash(fund_id=FUND, receipt_no="R-8", amount="100", actor="P-07",
                                occurred_on=D)  # fmt: skip
    assert event.actor == "P-07"


def test_who_left_acts_no_more_and_the_last_administrator_stays(ledger: Ledger) -> None:
    ledger.deregister_person(station_id=STATION, person_id="P-01", reason="调离", actor="A-01",
                             occurred_on=D)  # fmt: skip
    with pytest.raises(AccessRefused) as raised:
        ledger.receive_cash(fund_id=FUND, receipt_no="R-7", amount="1", actor="王芳", occurred_on=D)
    assert raised.value.reason == "actor_not_registered"
    with pytest.raises(RuleViolation):
        ledger.withdraw_role(station_id=STATION, person_id="A-01", role="admin", reason="x",
                             actor="A-01", occurred_on=D)  # fmt: skip


def test_the_first_person_is_an_administrator_and_then_only_administrators_configure() -> None:
    ledger = Ledger("memory:", clock=FixedClock())
    add = ledger.add_person
    with pytest.raises(RuleViolation):
        add(station_id=STATION, person_id="P-01", name="王芳", roles=["clerk"], actor="王芳",
            occurred_on=D)  # fmt: skip
    assert ledger.stored_events() == []
    add(station_id=STATION, person_id="A-01", name="刘军", roles=["admin"], actor="刘军",
        occurred_on=D)  # fmt: skip
    add(station_id=STATION, person_id="P-01", name="王芳", roles=["clerk"], actor="刘军",
        occurred_on=D)  # fmt: skip
    before = len(ledger.stored_events())
    for actor in ("王芳", "外人"):  # a clerk, a stranger: neither registers people
        with pytest.raises(AccessRefused):
            add(station_id=STATION, person_id="P-09", name="王芳", roles=["admin"], actor=actor,
                occurred_on=D)  # fmt: skip
    assert len(ledger.stored_events()) == before


# ---- every path ----------------------------------------------------------------------------


def test_a_batch_with_one_refused_actor_records_nothing(ledger: Ledger) -> None:
    commands = [
        b.ReceiveCashDonation(
            fund_id=FUND, receipt_no="B-1", amount_fen=10_000, actor="王芳", occurred_on=D
        ),
        b.ReceiveCashDonation(
            fund_id=FUND, receipt_no="B-2", amount_fen=10_000, actor="陈审", occurred_on=D
        ),
    ]
    before = len(ledger.stored_events())
    with pytest.raises(BatchCommandRefused) as raised:
        ledger.execute_batch(commands)
    assert raised.value.index == 1
    assert isinstance(raised.value.error, AccessRefused)
    assert len(ledger.stored_events()) == before


DISBURSEMENTS = (
    "request_id,date,fund,amount,purpose,restriction,payee,requested_by,approved_by,"
    "paid_on,voucher_no\n"
)


def test_a_sheet_where_the_requester_approves_under_another_spelling_records_nothing(
    ledger: Ledger,
) -> None:
    ledger.grant_role(station_id=STATION, person_id="P-02", role="committee", actor="A-01",
                      occurred_on=D)  # fmt: skip
    before = len(ledger.stored_events())
    rows = [
        "SQ-10,2024-03-01,cz-village,100,学习用品,,文具店,李强,张敏,,\n",
        "SQ-11,2024-03-01,cz-village,100,学习用品,,文具店,李强,李 强,,\n",
    ]
    with pytest.raises(SheetRefused):
        import_sheet(ledger, (DISBURSEMENTS + "".join(rows)).encode(), station_id=STATION,
                     entered_by="王芳")  # fmt: skip
    assert len(ledger.stored_events()) == before
    # The paying clerk of the sheet (--entered-by) is a person too: 王芳 is no cashier.
    paid = "SQ-12,2024-03-01,cz-village,100,学习用品,,文具店,李强,张敏,2024-03-02,PZ-12\n"
    with pytest.raises(SheetRefused):
        import_sheet(ledger, (DISBURSEMENTS + paid).encode(), station_id=STATION,
                     entered_by="王芳")  # fmt: skip
    assert len(ledger.stored_events()) == before
    summary = import_sheet(ledger, (DISBURSEMENTS + paid).encode(), station_id=STATION,
                           entered_by="周敏")  # fmt: skip
    assert summary.disbursements_paid == 1
    [paid_event] = [e for e in ledger.stored_events() if type(e).__name__ == "DisbursementPaid"]
    assert paid_event.actor == "P-05"


def test_the_command_line_import_refuses_an_unregistered_clerk(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = str(tmp_path / "station.db")
    ledger = Ledger(store, clock=FixedClock())
    register(ledger)
    open_fund(ledger)
    before = len(ledger.stored_events())
    ledger.close()
    sheet = tmp_path / "捐赠登记.csv"
    sheet.write_text(
        "日期,基金,捐赠人,类型,金额,物资名称,数量,单位,限定用途,票据号,经办人\n"
        "2024-03-02,cz-village,某爱心企业,现金,500,,,,,JZ-101,\n",
        encoding="utf-8",
    )
    code = main(["--store", store, "import", str(sheet), "--entered-by", "临时工"])
    captured = capsys.readouterr()
    assert code in (1, 2)
    assert "Traceback" not in captured.err
    reopened = Ledger(store)
    assert len(reopened.stored_events()) == before
    reopened.close()
    code = main(["--store", store, "import", str(sheet), "--entered-by", "王芳"])
    assert code == 0
    capsys.readouterr()


# ---- the trail -------------------------------------------------------------------------------


def test_the_trail_names_registered_people_and_marks_the_others() -> None:
    ledger = Ledger("memory:", clock=FixedClock())
    open_fund(ledger)  # before the register: names
    register(ledger)
    ledger.receive_cash(fund_id=FUND, receipt_no="R-2", amount="10", actor="王芳", occurred_on=D)
    actors = [e.actor for e in trail(ledger, fund_id=FUND)]
    assert actors == ["刘军（未登记 unregistered）", "王芳（未登记 unregistered）", "P-01（王芳）"]
    # An actor's trail finds them by name and by id.
    assert [e.actor for e in trail(ledger, actor="王芳")][-1] == "P-01（王芳）"
    assert len(trail(ledger, actor="王芳")) == len(trail(ledger, actor="P-01")) == 2


# ---- a property ------------------------------------------------------------------------------

ROLES = ("social_worker", "clerk", "cashier", "committee", "auditor")
RECORDERS = {"social_worker", "clerk"}


@settings(max_examples=40, deadline=None)
@given(
    people=st.lists(st.sampled_from(ROLES), min_size=1, max_size=4),
    actor=st.one_of(st.integers(0, 5), st.sampled_from(["无名氏", "A-01"])),
    by_name=st.booleans(),
)
def test_recording_is_allowed_exactly_to_an_active_recorder(
    people: list[str], actor: int | str, by_name: bool
) -> None:
    """Rules 26, 27: a gift is recorded iff its actor is one registered person whose roles
    record; whatever the refusal, nothing is recorded, and a recorded event names the id."""
    ledger = Ledger("memory:", clock=FixedClock())
    ledger.add_person(station_id=STATION, person_id="A-01", name="刘军", roles=["admin"],
                      actor="刘军", occurred_on=D)  # fmt: skip
    open_fund(ledger, gift=False)
    for n, role in enumerate(people):
        ledger.add_person(station_id=STATION, person_id=f"P-{n}", name=f"员工{n}", roles=[role],
                          actor="A-01", occurred_on=D)  # fmt: skip
    if isinstance(actor, int):
        person = f"员工{actor}" if by_name else f"P-{actor}"
        allowed = actor < len(people) and people[actor] in RECORDERS
        expected_id = f"P-{actor}"
    else:
        person, allowed, expected_id = actor, False, actor
    before = len(ledger.stored_events())
    try:
        event = ledger.receive_cash(fund_id=FUND, receipt_no="R-P", amount="10", actor=person,
                                    occurred_on=D)  # fmt: skip
    except AccessRefused:
        assert not allowed
        assert len(ledger.stored_events()) == before
    else:
        assert allowed
        assert event.actor == expected_id
    ledger.close()


def test_a_service_recorded_under_a_name_is_not_approved_by_the_same_persons_id() -> None:
    """Recorded as 王芳 before the register, approved as P-01 (王芳) after it: still one
    person, so still not the second pair of eyes a record needs (办法 Art. 11)."""
    cst = dt.timezone(dt.timedelta(hours=8))
    ledger = Ledger("memory:", clock=FixedClock())
    try:
        ledger.register_volunteer(volunteer_id="V-1", station_id=STATION, name="张丽",
                                  registered_on=D, consent=True, actor="王芳",
                                  occurred_on=D)  # fmt: skip
        ledger.publish_activity(activity_id="A-1", station_id=STATION, name="敬老院探访",
                                starts_at=dt.datetime(2024, 3, 1, 8, tzinfo=cst),
                                ends_at=dt.datetime(2024, 3, 1, 12, tzinfo=cst), actor="王芳",
                                occurred_on=D)  # fmt: skip
        ledger.record_service(record_id="R-1", volunteer_id="V-1", activity_id="A-1",
                              duration_s=7200, service_date=D, actor="王芳",
                              occurred_on=D)  # fmt: skip
        register(ledger)
        position = ledger.log_position()
        with pytest.raises(RuleViolation, match="may not approve"):
            ledger.approve_service(volunteer_id="V-1", record_id="R-1", actor="P-01",
                                   occurred_on=D)  # fmt: skip
        assert ledger.log_position() == position
        approved = ledger.approve_service(volunteer_id="V-1", record_id="R-1", actor="P-02",
                                          occurred_on=D)  # fmt: skip
        assert approved.actor == "P-02"
    finally:
        ledger.close()


def test_erasing_a_donor_is_an_administrators_where_a_register_is_kept(ledger: Ledger) -> None:
    """A donor's erasure names no one station; where stations keep registers, a stranger or
    a clerk may not destroy a donor's key, an administrator may."""
    ledger.receive_cash(fund_id=FUND, receipt_no="JZ-赵", amount="50", donor="赵六",
                        donor_is_person=True, actor="王芳", occurred_on=D)  # fmt: skip
    erase = {"donor": "赵六", "reason": "本人要求删除", "requested_by": "本人", "occurred_on": D}
    position = ledger.log_position()
    for who in ("临时工", "王芳"):
        with pytest.raises(AccessRefused):
            ledger.erase_donor(**erase, actor=who)
        assert ledger.log_position() == position
    erased = ledger.erase_donor(**erase, actor="刘军")
    assert erased.actor == "A-01"
