"""Properties of rules 30 to 34: the 公示 rule for any dates and minimum, the closed-period
rule for any period, business date and note, and which corrections a report lists."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import FixedClock
from sgz_ledger import (
    ClosedPeriodCorrected,
    Ledger,
    NoticeBeforeApproval,
    NoticeTooShort,
    PeriodClosedError,
    RuleViolation,
)
from sgz_ledger.domain.aggregate import Stamp
from sgz_ledger.domain.events import ReportPublished
from sgz_ledger.domain.fund import Fund
from sgz_ledger.reports.periods import pending_corrections

YEAR_START = dt.date(2024, 1, 1)
NOW = dt.datetime(2025, 6, 1, tzinfo=dt.UTC)
days = st.integers(0, 365).map(lambda n: YEAR_START + dt.timedelta(days=n))


def at(actor: str, day: dt.date) -> Stamp:
    return Stamp(actor=actor, occurred_on=day, recorded_at=NOW)


def approved_fund(approved_on: dt.date) -> Fund:
    fund = Fund.open(at("王芳", YEAR_START), fund_id="cz", station_id="cuizhai",
                     community="崔寨村", name="崔寨村社区基金", host="济南市慈善总会",
                     approval_threshold_fen=500_000, publicity_required=True)  # fmt: skip
    fund.receive_cash(at("王芳", YEAR_START), receipt_no="JZ-1", donor="某企业", restriction="",
                      amount_fen=1_000_000)  # fmt: skip
    fund.request_disbursement(at("李强", YEAR_START), request_id="SQ-1", amount_fen=300_000,
                              purpose="学习用品", restriction="", payee="某文具店")  # fmt: skip
    fund.approve_disbursement(at("张敏", approved_on), request_id="SQ-1")
    fund.collect_events()
    return fund


@given(
    approved_on=days,
    notice_from=days,
    length=st.integers(-3, 12),
    minimum=st.integers(1, 10),
    late=st.integers(0, 400),
)
def test_a_notice_is_accepted_exactly_when_it_follows_the_approval_and_lasts(
    approved_on: dt.date, notice_from: dt.date, length: int, minimum: int, late: int
) -> None:
    """Rules 30 and 31, whatever the command's own date (any day on or after the approval)."""
    fund = approved_fund(approved_on)
    notice_to = notice_from + dt.timedelta(days=length - 1)  # ``length`` days, both ends
    on = approved_on + dt.timedelta(days=late)
    expected: type[Exception] | None = None
    if notice_to < notice_from:
        expected = RuleViolation
    elif notice_from < approved_on:
        expected = NoticeBeforeApproval
    elif length < minimum:
        expected = NoticeTooShort
    call = {"request_id": "SQ-1", "notice_ref": "公示-1", "notice_from": notice_from,
            "notice_to": notice_to, "notice_days_min": minimum}  # fmt: skip
    if expected is None:
        fund.publicize_disbursement(at("王芳", on), **call)
        assert len(fund.collect_events()) == 1
        return
    with pytest.raises(expected) as refused:
        fund.publicize_disbursement(at("王芳", on), **call)
    assert type(refused.value) is expected
    assert not fund.has_pending


@settings(max_examples=40, deadline=None)
@given(
    first=days,
    span=st.integers(0, 120),
    gift_on=days,
    note=st.sampled_from([None, "漏记补录", "收据晚到。补录"]),
)
def test_a_command_into_a_closed_period_needs_a_note_and_is_then_named(
    first: dt.date, span: int, gift_on: dt.date, note: str | None
) -> None:
    """Rule 33 for any period, business date and note: refused (nothing recorded) exactly
    when dated in the period without a note; named by exactly one correction with one."""
    last = first + dt.timedelta(days=span)
    ledger = Ledger("memory:", clock=FixedClock(NOW))
    try:
        ledger.open_fund(fund_id="cz", station_id="cuizhai", community="崔寨村",
                         name="崔寨村社区基金", host="济南市慈善总会", approval_threshold="5000",
                         actor="王芳", occurred_on=dt.date(2023, 12, 1))  # fmt: skip
        ledger.close_period(station_id="cuizhai", period_from=first, period_to=last,
                            reason="季度信息公开已发布", actor="刘军",
                            occurred_on=dt.date(2025, 5, 1))  # fmt: skip
        position = ledger.log_position()
        inside = first <= gift_on <= last
        gift = {"fund_id": "cz", "receipt_no": "JZ-9", "amount": "999", "actor": "王芳",
                "occurred_on": gift_on, "correction_note": note}  # fmt: skip
        if inside and note is None:
            with pytest.raises(PeriodClosedError):
                ledger.receive_cash(**gift)
            assert ledger.log_position() == position
            return
        recorded = ledger.receive_cash(**gift)
        new = ledger.stored_events(after=position)
        corrections = [e for e in new if isinstance(e, ClosedPeriodCorrected)]
        if not inside:
            assert new == [recorded]
            return
        assert len(new) == 2
        [correction] = corrections
        assert (correction.aggregate_id, correction.aggregate_version, correction.note) == (
            recorded.originator_id,
            recorded.originator_version,
            note,
        )
    finally:
        ledger.close()


@given(
    steps=st.lists(
        st.tuples(
            st.sampled_from(["correction", "disclosure", "annual_report"]), st.integers(1, 60)
        ),
        max_size=12,
    ),
    kind=st.sampled_from(["disclosure", "annual_report"]),
)
def test_a_report_lists_the_corrections_no_published_report_of_its_kind_held(
    steps: list[tuple[str, int]], kind: str
) -> None:
    """Rule 34: listed exactly when after the last anchor published for that kind of report."""
    events = []
    for position, (what, anchor_at) in enumerate(steps, start=1):
        common = {"originator_id": uuid.uuid4(), "originator_version": position,
                  "timestamp": NOW, "actor": "刘军", "occurred_on": YEAR_START,
                  "station_id": "cuizhai"}  # fmt: skip
        if what == "correction":
            event = ClosedPeriodCorrected(**common, event_type="CashDonationReceived",
                                          aggregate_id=common["originator_id"],
                                          aggregate_version=1, note="补录",
                                          period_from=YEAR_START, period_to=YEAR_START,
                                          closed_anchor="", closed_at=NOW)  # fmt: skip
        else:
            event = ReportPublished(**common, kind=what, period_from=YEAR_START,
                                    period_to=YEAR_START, anchor=f"sha256:{anchor_at}:{'a' * 64}",
                                    note="")  # fmt: skip
        events.append((position * 2, event))
    published = [
        int(e.anchor.split(":")[1])
        for _, e in events
        if isinstance(e, ReportPublished) and e.kind == kind
    ]
    held_upto = max(published, default=0)
    expected = [p for p, e in events if isinstance(e, ClosedPeriodCorrected) and p > held_upto]
    assert [c.position for c in pending_corrections(events, kind)] == expected  # type: ignore[arg-type]
