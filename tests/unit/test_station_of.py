"""Which station a command acts for (``service.stations.station_of``)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from sgz_ledger import Ledger
from sgz_ledger.service import commands as b
from sgz_ledger.service.stations import station_of
from sgz_ledger.service.unit_of_work import UnitOfWork

D = dt.date(2024, 3, 1)


def test_each_command_finds_its_station(ledger: Ledger) -> None:
    ledger.open_fund(
        fund_id="F1",
        station_id="ST-甲",
        community="东社区",
        name="微基金",
        host="基金会",
        approval_threshold_fen=0,
        actor="王芳",
        occurred_on=D,
    )
    ledger.register_volunteer(
        volunteer_id="V1",
        station_id="ST-乙",
        name="李明",
        registered_on=D,
        consent=True,
        actor="王芳",
        occurred_on=D,
    )
    work = UnitOfWork(ledger.commands)
    gift = b.ReceiveCashDonation(
        fund_id="F1", receipt_no="R1", amount_fen=100, actor="王芳", occurred_on=D
    )
    assert station_of(work, gift) == "ST-甲"
    assert (
        station_of(work, b.JoinTeam(volunteer_id="V1", team="队", actor="王芳", occurred_on=D))
        == "ST-乙"
    )
    policy = b.SetStationPolicy(station_id="ST-丙", name="丙站", actor="王芳", occurred_on=D)
    assert station_of(work, policy) == "ST-丙"
    # What does not exist yet names no station: its handler refuses it with NotFound.
    nowhere = b.ReceiveCashDonation(
        fund_id="F404", receipt_no="R1", amount_fen=100, actor="王芳", occurred_on=D
    )
    assert station_of(work, nowhere) is None
    erase = b.EraseDonor(
        donor="赵六", reason="本人要求", requested_by="本人", actor="王芳", occurred_on=D
    )
    assert station_of(work, erase) is None


def test_a_teams_commands_act_for_the_station_that_formed_it(ledger: Ledger) -> None:
    ledger.form_team(team_id="T1", station_id="ST-丁", name="红马甲", actor="王芳", occurred_on=D)
    work = UnitOfWork(ledger.commands)
    join = b.AddTeamMember(team_id="T1", volunteer_id="V9", actor="王芳", occurred_on=D)
    assert station_of(work, join) == "ST-丁"  # the team's, whoever the volunteer is
    never = b.DissolveTeam(team_id="T404", reason="无", actor="王芳", occurred_on=D)
    assert station_of(work, never) is None


def test_the_store_says_which_aggregates_exist_in_one_query(ledger: Ledger) -> None:
    from sgz_ledger.domain.fund import fund_uuid

    ledger.open_fund(
        fund_id="F1", station_id="ST-甲", community="东社区", name="微基金", host="基金会",
        approval_threshold_fen=0, actor="王芳", occurred_on=D,
    )  # fmt: skip
    recorder = ledger.chained_recorder
    ids = [fund_uuid("F1"), fund_uuid("F404"), fund_uuid("F1")]
    assert recorder.existing(ids) == {fund_uuid("F1")}
    assert recorder.existing([]) == set()


def test_a_batch_asks_once_for_the_stations_its_ledger_met_before(
    ledger: Ledger, monkeypatch: pytest.MonkeyPatch
) -> None:
    stations = ("ST-甲", "ST-乙", "ST-丙")
    for n, station in enumerate(stations):
        ledger.open_fund(
            fund_id=f"F{n}", station_id=station, community="东社区", name="微基金",
            host="基金会", approval_threshold_fen=0, actor="王芳", occurred_on=D,
        )  # fmt: skip
    recorder = ledger.chained_recorder
    asked: list[list[Any]] = []
    existing = recorder.existing

    def counting(ids: Any) -> set[Any]:
        asked.append(list(ids))
        return existing(ids)

    monkeypatch.setattr(recorder, "existing", counting)
    gift = b.ReceiveCashDonation(
        fund_id="F0", receipt_no="R-0", amount_fen=100, actor="王芳", occurred_on=D
    )
    ledger.execute_batch(
        [gift.model_copy(update={"fund_id": f"F{n}", "receipt_no": f"R-{n}"}) for n in (2, 0, 1)]
    )
    assert len(asked) == 1  # the three stations' settings, in one query
    assert len(asked[0]) == 3 * len(stations)
    # A single command asks for its own station's settings only.
    asked.clear()
    ledger.receive_cash(fund_id="F1", receipt_no="R-9", amount_fen=1, actor="王芳", occurred_on=D)
    assert [len(ids) for ids in asked] == [3]
    # What a batch noted absent may be created by a later command of the same batch.
    head = ledger.log_position()
    ledger.execute_batch(
        [
            gift.model_copy(update={"fund_id": "F1", "receipt_no": "R-10"}),
            b.SetStationPolicy(
                station_id="ST-乙", name="乙站", auto_approve=True, actor="王芳", occurred_on=D
            ),
        ]
    )
    assert ledger.log_position() == head + 2
    assert ledger.balances(fund_id="F1")[0].total_fen == 1 + 100 + 100
