"""A station whose log holds every kind of event the ledger stores (``record_tour``).

It goes through the ``Ledger``'s public commands: two funds, one closed into the other, with
every fund event; a station policy; two volunteers with service, corrections, the time
bank and a certificate; individual donors, one of them erased; a published disclosure, a
closed quarter and a correction into it; a project; last, the station's register of people
and its access policy. The recording clock
(``NOW``) stands after every business date used. The trail's tests and the completeness
tests (every event class handled everywhere) read it.
"""

from __future__ import annotations

import datetime as dt
import inspect

from sgz_ledger import Ledger
from sgz_ledger.domain import events as events_module
from sgz_ledger.domain.events import LedgerEvent

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
# The station's register of people, begun after everything else: its administrator, a
# committee member, and a cashier who left.
ADMIN, MEMBER, LEAVER = "赵磊", "孙丽", "钱进"

# V1's personal data: none of it may appear anywhere in a trail.
V1_NAME, V1_PHONE, V1_NEW_PHONE, V1_ID = "张丽", "13900000000", "13911112222", "370102199001011234"
V1_NEW_ID = "370102199001011250"
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
    ledger.record_pledge(**f, pledge_id="RP-1", amount="5000", donor="某爱心企业",
                         restriction="助学", expected_on=day(9, 1), actor=CLERK,
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
    ledger.approve_disbursement(**f, request_id="Q-1", actor=APPROVER, occurred_on=day(3, 12))
    ledger.publicize_disbursement(**f, request_id="Q-1", notice_ref="公示-1",
                                  notice_from=day(3, 12), notice_to=day(3, 16), actor=CLERK,
                                  occurred_on=day(3, 12))  # fmt: skip
    ledger.pay_disbursement(**f, request_id="Q-1", voucher_no="PZ-1", actor=CASHIER,
                            occurred_on=day(3, 17))  # fmt: skip
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
    ledger.correct_volunteer_profile(volunteer_id=V1, correction_id="K-3", field="id_number",
                                     value=V1_NEW_ID, reason="身份证号录错", actor=CLERK,
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


def record_periods(ledger: Ledger) -> None:
    """The first quarter's disclosure published and the quarter closed, then a gift of March
    entered late, with a correction note."""
    ledger.publish_report(station_id=STATION, kind="disclosure", period_from=day(1, 1),
                          period_to=day(3, 31), anchor=str(ledger.anchor()), note="村务公开栏",
                          actor=MANAGER, occurred_on=day(4, 8))  # fmt: skip
    ledger.close_period(station_id=STATION, period_from=day(1, 1), period_to=day(3, 31),
                        reason="一季度信息公开已发布", actor=MANAGER,
                        occurred_on=day(4, 8))  # fmt: skip
    ledger.receive_cash(fund_id=FUND_B, receipt_no="R-Q1", amount="200", actor=CLERK,
                        occurred_on=day(3, 28),
                        correction_note="3月28日现金捐赠漏记，补录")  # fmt: skip


def record_projects(ledger: Ledger) -> None:
    """A project on the fund still open: opened, a gift and a request naming its line, a
    line amended, then closed."""
    ledger.open_project(project_id="XM-01", station_id=STATION, name="助老餐桌项目",
                        starts_on=day(4, 1), ends_on=day(5, 31), fund_ids=[FUND_B],
                        lines=[{"code": "A1", "name": "餐食补贴", "amount": "300"}],
                        actor=MANAGER, occurred_on=day(4, 10))  # fmt: skip
    ledger.receive_cash(fund_id=FUND_B, receipt_no="R-XM1", amount="100", donor="爱心超市",
                        project_id="XM-01", budget_line="A1", actor=CLERK,
                        occurred_on=day(4, 12))  # fmt: skip
    ledger.request_disbursement(fund_id=FUND_B, request_id="SQ-XM1", amount="120",
                                purpose="五月餐食补贴", payee="幸福食堂", project_id="XM-01",
                                budget_line="A1", actor=REQUESTER,
                                occurred_on=day(5, 6))  # fmt: skip
    ledger.amend_budget_line(project_id="XM-01", amendment_id="TZ-01", line_code="A1",
                             amount="250", reason="管委会决议调减", actor=MANAGER,
                             occurred_on=day(5, 20))  # fmt: skip


def close_projects(ledger: Ledger) -> None:
    """The project closed, once the service delivered on it is in."""
    ledger.close_project(project_id="XM-01", reason="项目结项", actor=MANAGER,
                         occurred_on=day(5, 31))  # fmt: skip


def record_delivery(ledger: Ledger) -> None:
    """Service delivery: a case opened, met and closed; a group's and a community activity's
    sessions with people identified; supervision; one served person erased."""
    w = {"station_id": STATION, "actor": CLERK}
    ledger.open_case(**w, case_id="C-01", social_worker=REQUESTER, served_person="R-1001",
                     project_id="XM-01", occurred_on=day(5, 6))  # fmt: skip
    ledger.record_case_session(**w, case_id="C-01", session_id="1", duration_s=3600,
                               worker=REQUESTER, occurred_on=day(5, 7))  # fmt: skip
    ledger.close_case(**w, case_id="C-01", reason="目标达成", occurred_on=day(5, 20))
    ledger.create_group(**w, group_id="G-01", name="长者互助小组", theme="长者",
                        occurred_on=day(5, 8))  # fmt: skip
    ledger.hold_group_session(**w, group_id="G-01", session_id="1", duration_s=5400,
                              participants=9, identified=["R-1001", "R-1002"],
                              occurred_on=day(5, 8))  # fmt: skip
    ledger.create_community_activity(**w, activity_id="CA-01", name="邻里节",
                                     occurred_on=day(5, 9))  # fmt: skip
    ledger.hold_community_activity_session(**w, activity_id="CA-01", session_id="1",
                                           duration_s=7200, attendance=60,
                                           identified=["R-1003"],
                                           occurred_on=day(5, 9))  # fmt: skip
    ledger.record_supervision(**w, record_id="D-01", kind="supervision", count=1,
                              duration_s=10800, supervisor="督导-陈",
                              occurred_on=day(5, 10))  # fmt: skip
    ledger.erase_served_person(**w, served_person="R-1002", reason="本人申请删除",
                               requested_by="本人", occurred_on=day(5, 21))  # fmt: skip


def record_recognition(ledger: Ledger) -> None:
    """A team formed, joined, led, left and dissolved; an award and an evaluation."""
    w = {"actor": CLERK}
    ledger.form_team(**w, team_id="T-1", station_id=STATION, name="红马甲服务队",
                     occurred_on=day(4, 10))  # fmt: skip
    ledger.add_team_member(**w, team_id="T-1", volunteer_id=V1, occurred_on=day(4, 10))
    ledger.name_team_leader(**w, team_id="T-1", volunteer_id=V1, occurred_on=day(4, 11))
    ledger.remove_team_member(**w, team_id="T-1", volunteer_id=V1, reason="搬家",
                              occurred_on=day(6, 1))  # fmt: skip
    ledger.dissolve_team(**w, team_id="T-1", reason="成员均已离队", occurred_on=day(6, 2))
    ledger.grant_award(**w, station_id=STATION, award_id="BZ-1", recipient="volunteer",
                       recipient_id=V1, title="优秀志愿者", awarding_body="崔寨街道办事处",
                       occurred_on=day(6, 2))  # fmt: skip
    ledger.record_evaluation(**w, station_id=STATION, evaluation_id="PJ-1", volunteer_id=V1,
                             period_from=day(1, 1), period_to=day(5, 31), result="优秀",
                             evaluator=MANAGER, occurred_on=day(6, 2))  # fmt: skip


def record_people(ledger: Ledger) -> None:
    """The station's register of people, begun last: its administrator, a committee member
    given a role, one taken away, a person who left, and the access policy."""
    w = {"station_id": STATION, "occurred_on": day(6, 3)}
    ledger.add_person(**w, person_id="S-01", name=ADMIN, roles=["admin"], actor=ADMIN)
    ledger.add_person(**w, person_id="S-02", name=MEMBER, roles=["committee"], actor="S-01")
    ledger.add_person(**w, person_id="S-03", name=LEAVER, roles=["cashier"], actor=ADMIN)
    ledger.grant_role(**w, person_id="S-02", role="social_worker", actor="S-01")
    ledger.withdraw_role(**w, person_id="S-02", role="social_worker", reason="岗位调整",
                         actor="S-01")  # fmt: skip
    ledger.deregister_person(**w, person_id="S-03", reason="调离本站", actor="S-01")
    ledger.set_access_policy(**w, approver_may_pay=False, actor="S-01")


def record_levels(ledger: Ledger) -> None:
    """The store's register of levels: a district over the station, a community room under
    it, one renamed, one moved to another district, one retired."""
    w = {"occurred_on": day(6, 3), "actor": "S-01"}
    ledger.register_unit(**w, unit_id="D-1", level="district", name="某区社会工作服务总站")
    ledger.register_unit(**w, unit_id="D-2", level="district", name="邻区社会工作服务总站")
    ledger.register_unit(**w, unit_id=STATION, level="station", parent_id="D-1", name="某镇社工站")
    ledger.register_unit(
        **w, unit_id="C-1", level="community", parent_id=STATION, name="某村社工室"
    )
    ledger.rename_unit(**w, unit_id="C-1", name="某村社会工作室")
    ledger.move_unit(**w, unit_id=STATION, parent_id="D-2", reason="区划调整")
    ledger.retire_unit(**w, unit_id="C-1", reason="并入镇站")


def record_tour(ledger: Ledger) -> None:
    """Every kind of event the ledger stores, funds and volunteers interleaved in the log."""
    record_funds(ledger)
    record_volunteers(ledger)
    record_donors(ledger)
    record_periods(ledger)
    record_projects(ledger)
    record_delivery(ledger)
    close_projects(ledger)
    record_recognition(ledger)
    record_people(ledger)
    record_levels(ledger)


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
