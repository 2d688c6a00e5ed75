"""The typed command methods: one per command model, with the model's fields as parameters,
each returning the event its model names (``service.commands.event_type``)."""

from __future__ import annotations

import datetime as dt
import inspect
import typing
from typing import Any

import pytest

from sgz_ledger import Ledger
from sgz_ledger.domain.errors import InvalidInput
from sgz_ledger.service import command_methods
from sgz_ledger.service import commands as b
from sgz_ledger.service.command_methods import CommandMethods
from sgz_ledger.service.handlers import HANDLERS

D = dt.date(2024, 3, 1)
T = dt.datetime(2024, 3, 1, 9, tzinfo=dt.UTC)


def _methods() -> dict[str, Any]:
    return {
        name: f
        for name, f in vars(CommandMethods).items()
        if callable(f) and not name.startswith("_") and name not in _RUNNERS
    }


_RUNNERS = {"execute", "execute_batch", "check_batch"}


def _model_of(name: str, monkeypatch: pytest.MonkeyPatch) -> type[b.Command[Any]]:
    """The model the method builds: ``validate_command`` is stopped at its first call."""
    seen: list[type[b.Command[Any]]] = []

    class Stop(Exception):
        pass

    def stop(model: type[b.Command[Any]], data: dict[str, Any]) -> Any:
        seen.append(model)
        raise Stop

    monkeypatch.setattr(b, "validate_command", stop)
    method = getattr(CommandMethods, name)
    required = {
        p.name: None
        for p in inspect.signature(method).parameters.values()
        if p.kind is p.KEYWORD_ONLY and p.default is p.empty
    }
    with pytest.raises(Stop):
        method(CommandMethods(), **required)
    return seen[0]


def test_every_command_model_has_one_method(monkeypatch: pytest.MonkeyPatch) -> None:
    models = [_model_of(name, monkeypatch) for name in _methods()]
    assert sorted(m.__name__ for m in models) == sorted(m.__name__ for m in HANDLERS)


@pytest.mark.parametrize("name", sorted(_methods()))
def test_a_methods_parameters_are_its_models_fields(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    model = _model_of(name, monkeypatch)
    params = inspect.signature(getattr(CommandMethods, name)).parameters
    assert set(params) - {"self"} == set(model.model_fields)
    for field, info in model.model_fields.items():
        p = params[field]
        assert p.kind is p.KEYWORD_ONLY
        # Required in the model (no default): required in the method; money fields, which
        # the model fills from one another, have defaults in both.
        assert (p.default is p.empty) == info.is_required(), field


@pytest.mark.parametrize("name", sorted(_methods()))
def test_a_method_returns_the_event_its_model_names(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    model = _model_of(name, monkeypatch)
    hints = typing.get_type_hints(getattr(CommandMethods, name), vars(command_methods))
    assert hints["return"] == b.event_type(model)
    assert getattr(CommandMethods, name).__doc__


def test_every_command_returns_its_declared_event_at_run_time() -> None:
    """A station's commands, every model once or more: each result is of its model's type."""
    ledger = Ledger("memory:")
    kept: list[tuple[type[b.Command[Any]], object]] = []
    run = ledger.commands.run

    def checking(commands: Any, **kwargs: Any) -> list[Any]:
        results = run(commands, **kwargs)
        kept.extend((type(c), r) for c, r in zip(commands, results, strict=True))
        return results

    ledger.commands.run = checking  # type: ignore[method-assign]
    w = {"actor": "王芳", "occurred_on": D}
    f = {"fund_id": "F1", **w}
    ledger.open_fund(
        fund_id="F1",
        station_id="S1",
        community="崔寨村",
        name="基金",
        host="慈善会",
        approval_threshold="5000",
        actor="王芳",
        occurred_on=D,
    )
    ledger.open_fund(
        fund_id="F2",
        station_id="S1",
        community="崔寨村",
        name="基金二",
        host="慈善会",
        approval_threshold_fen=0,
        actor="王芳",
        occurred_on=D,
    )
    ledger.receive_cash(**f, receipt_no="R1", amount="1000", restriction="助学")
    ledger.receive_cash(**f, receipt_no="R2", amount_fen=50_000)
    ledger.receive_cash(**f, receipt_no="R3", amount="10")
    ledger.record_pledge(**f, pledge_id="P1", amount="2000", donor="某公司")
    ledger.receive_cash(**f, receipt_no="R4", amount="2000", donor="某公司", pledge_id="P1")
    ledger.receive_goods(
        **f,
        receipt_no="G1",
        restriction="助老",
        items=[
            {"item": "米", "quantity": 10, "unit": "袋", "value": "100", "basis": "document"},
            b.GoodsLineInput(item="油", quantity=5, unit="桶", value_fen=5_000, basis="fair_value"),
        ],
    )
    ledger.distribute_goods(
        **f,
        distribution_id="D1",
        item="米",
        unit="袋",
        quantity=2,
        recipient="李大爷",
        signed_off_by="张伟",
        purpose="慰问",
        restriction="助老",
    )
    ledger.sell_goods(
        **f,
        sale_id="S1",
        item="米",
        unit="袋",
        quantity=1,
        proceeds="10",
        buyer="超市",
        restriction="助老",
    )
    ledger.refund_donation(**f, refund_id="T1", receipt_no="R2", amount="100", reason="退回")
    ledger.reverse_donation(**f, correction_id="C1", receipt_no="R3", reason="录错")
    ledger.release_restriction(
        **f, release_id="L1", restriction="助学", amount="100", reason="结余", reference="同意函"
    )
    ledger.change_purpose(
        **f,
        change_id="P1",
        from_restriction="助学",
        to_restriction="助残",
        amount="100",
        consent_ref="同意函",
        reason="调整",
    )
    for request_id in ("Q1", "Q2", "Q3"):
        ledger.request_disbursement(
            **f, request_id=request_id, amount="50", purpose="用品", payee="文具店"
        )
    ledger.approve_disbursement(fund_id="F1", request_id="Q1", actor="张伟", occurred_on=D)
    ledger.publicize_disbursement(
        **f, request_id="Q1", notice_ref="公示1", notice_from=D, notice_to=D + dt.timedelta(days=7)
    )
    ledger.pay_disbursement(
        fund_id="F1",
        request_id="Q1",
        voucher_no="PZ1",
        actor="周敏",  # the cashier: the requester (王芳) never pays her own request
        occurred_on=D + dt.timedelta(days=8),
    )
    ledger.reverse_payment(
        fund_id="F1",
        correction_id="C2",
        request_id="Q1",
        reason="重复",
        actor="王芳",
        occurred_on=D + dt.timedelta(days=8),
    )
    ledger.reject_disbursement(**f, request_id="Q2", reason="不符")
    ledger.cancel_disbursement(**f, request_id="Q3", reason="撤回")
    ledger.receive_cash(
        fund_id="F2",
        receipt_no="X1",
        amount="5",
        donor="欧阳春晓",
        donor_is_person=True,
        actor="王芳",
        occurred_on=D,
    )
    ledger.erase_donor(donor="欧阳春晓", reason="本人要求", requested_by="本人", **w)
    ledger.close_fund(fund_id="F2", reason="合并", transfer_to="F1", actor="王芳", occurred_on=D)
    ledger.set_station_policy(station_id="S1", name="崔寨站", **w)
    for v in ("V1", "V2"):
        ledger.register_volunteer(
            volunteer_id=v,
            station_id="S1",
            name=f"志愿者{v}",
            registered_on=D,
            consent=True,
            phone="13800000000",
            **w,
        )
    ledger.correct_volunteer_profile(
        volunteer_id="V1", correction_id="K1", field="gender", value="女", reason="录错", **w
    )
    ledger.join_team(volunteer_id="V1", team="助老队", **w)
    assert ledger.join_team(volunteer_id="V1", team="助老队", **w) is None
    ledger.leave_team(volunteer_id="V1", team="助老队", reason="调队", **w)
    ledger.publish_activity(
        activity_id="A1",
        station_id="S1",
        name="探访",
        starts_at=T,
        ends_at=T + dt.timedelta(hours=3),
        **w,
    )
    for n, v in enumerate(("V1", "V1", "V2")):
        ledger.record_service(
            record_id=f"r{n}",
            volunteer_id=v,
            activity_id="A1",
            duration_minutes=60,
            service_date=D,
            **w,
        )
    ledger.approve_service(volunteer_id="V1", record_id="r0", actor="张伟", occurred_on=D)
    ledger.approve_service(volunteer_id="V1", record_id="r1", actor="张伟", occurred_on=D)
    ledger.correct_service(
        volunteer_id="V1",
        record_id="r1",
        correction_id="K2",
        reason="更正",
        requested_by="V1",
        duration_s=1800,
        actor="张伟",
        occurred_on=D,
    )
    ledger.void_service(volunteer_id="V2", record_id="r2", reason="重复", **w)
    ledger.bank_hours(volunteer_id="V1", record_id="r0", **w)
    ledger.redeem_hours(
        volunteer_id="V1",
        redemption_id="H1",
        credit_s=600,
        item="理发",
        counterparty="理发店",
        approver="张伟",
        **w,
    )
    ledger.redeem_hours_for_goods(
        volunteer_id="V1",
        redemption_id="H2",
        credit_s=600,
        fund_id="F1",
        item="油",
        unit="桶",
        quantity=1,
        restriction="助老",
        approver="张伟",
        **w,
    )
    ledger.transfer_hours(
        volunteer_id="V1", transfer_id="X1", to_volunteer_id="V2", credit_s=600, reason="赠与", **w
    )
    ledger.adjust_hours(
        volunteer_id="V1",
        adjustment_id="J1",
        credit_s=-600,
        kind="expiry",
        authorised_by="站长",
        reason="过期",
        **w,
    )
    ledger.issue_certificate(
        volunteer_id="V1",
        certificate_no="Z1",
        period_from=D,
        period_to=D,
        issuing_station="崔寨站",
        **w,
    )
    ledger.revoke_certificate(volunteer_id="V1", certificate_no="Z1", reason="错发", **w)
    ledger.deactivate_volunteer(volunteer_id="V2", reason="搬走", **w)
    ledger.erase_personal_data(volunteer_id="V2", reason="本人要求", requested_by="本人", **w)
    t = {"team_id": "T1", **w}
    ledger.form_team(**t, station_id="S1", name="助老队")
    ledger.add_team_member(**t, volunteer_id="V1")
    ledger.name_team_leader(**t, volunteer_id="V1")
    ledger.remove_team_member(**t, volunteer_id="V1", reason="调队")
    ledger.dissolve_team(**t, reason="合并")
    ledger.grant_award(
        station_id="S1", award_id="B1", recipient="team", recipient_id="T1", title="优秀",
        awarding_body="区", **w,
    )  # fmt: skip
    ledger.record_evaluation(
        station_id="S1", evaluation_id="E1", volunteer_id="V1", period_from=D, period_to=D,
        result="合格", evaluator="站长", **w,
    )  # fmt: skip
    anchor = str(ledger.anchor())
    ledger.publish_report(
        station_id="S1", kind="disclosure", period_from=D, period_to=D, anchor=anchor, **w
    )
    ledger.open_project(
        project_id="XM1",
        station_id="S1",
        name="助老项目",
        starts_on=D,
        ends_on=D,
        fund_ids=["F2"],
        lines=[{"code": "A1", "name": "餐食", "amount": "100"}],
        **w,
    )
    ledger.amend_budget_line(
        project_id="XM1", amendment_id="TZ1", line_code="A1", amount="80", reason="调减", **w
    )
    ledger.close_project(project_id="XM1", reason="结项", **w)
    ledger.close_period(station_id="S1", period_from=D, period_to=D, reason="已公开", **w)

    p = {"station_id": "S2", "occurred_on": D}
    ledger.add_person(**p, person_id="P1", name="王芳", roles=["admin"], actor="王芳")
    ledger.add_person(**p, person_id="P2", name="张伟", roles=("clerk",), actor="P1")
    ledger.grant_role(**p, person_id="P2", role="cashier", actor="王芳")
    assert ledger.grant_role(**p, person_id="P2", role="cashier", actor="P1") is None
    ledger.withdraw_role(**p, person_id="P2", role="cashier", reason="调岗", actor="P1")
    ledger.set_access_policy(**p, approver_may_pay=True, actor="P1")
    ledger.deregister_person(**p, person_id="P2", reason="离职", actor="P1")
    assert ledger.deregister_person(**p, person_id="P2", reason="离职", actor="P1") is None
    ledger.register_unit(unit_id="D1", level="district", name="区总站", actor="P1", occurred_on=D)
    ledger.register_unit(unit_id="D2", level="district", name="邻区", actor="P1", occurred_on=D)
    ledger.register_unit(unit_id="S1", level="station", parent_id="D1", name="站", actor="P1",
                         occurred_on=D)  # fmt: skip
    ledger.rename_unit(unit_id="S1", name="崔寨站", actor="P1", occurred_on=D)
    assert ledger.rename_unit(unit_id="S1", name="崔寨站", actor="P1", occurred_on=D) is None
    ledger.move_unit(unit_id="S1", parent_id="D2", reason="区划调整", actor="P1", occurred_on=D)
    ledger.retire_unit(unit_id="D1", reason="撤并", actor="P1", occurred_on=D)
    assert ledger.retire_unit(unit_id="D1", reason="撤并", actor="P1", occurred_on=D) is None

    d = {"station_id": "S3", "actor": "王芳", "occurred_on": D}
    ledger.open_case(**d, case_id="C1", social_worker="李强", served_person="R-1")
    ledger.record_case_session(**d, case_id="C1", session_id="1", duration_s=3600, worker="李强")
    ledger.close_case(**d, case_id="C1", reason="结案")
    ledger.create_group(**d, group_id="G1", name="长者小组")
    ledger.hold_group_session(
        **d, group_id="G1", session_id="1", duration_s=3600, participants=3, identified=["R-1"]
    )
    ledger.create_community_activity(**d, activity_id="CA1", name="邻里节")
    ledger.hold_community_activity_session(
        **d, activity_id="CA1", session_id="1", duration_s=3600, attendance=30
    )
    ledger.record_supervision(
        **d, record_id="D1", kind="training", count=1, duration_s=3600, supervisor="陈"
    )
    ledger.erase_served_person(**d, served_person="R-1", reason="本人要求", requested_by="本人")
    assert {model for model, _ in kept} == set(HANDLERS)
    for model, result in kept:
        expected = b.event_type(model)
        assert isinstance(result, typing.get_args(expected) or expected), (model, result)


def test_a_call_that_does_not_bind_is_invalid_input() -> None:
    ledger = Ledger("memory:")
    with pytest.raises(InvalidInput) as caught:
        ledger.receive_cash(
            fund_id="F1",
            reciept_no="R1",
            amount="1",
            actor="王芳",  # type: ignore[call-arg]
            occurred_on=D,
        )
    assert type(caught.value) is InvalidInput
    assert [name for name, _ in caught.value.problems] == ["reciept_no", "receipt_no"]
    with pytest.raises(InvalidInput):
        ledger.close_fund("F1")  # type: ignore[misc]
