"""The handlers of teams, awards and evaluations (``domain.teams``): each loads the team,
the station's register and the volunteer a command names; the rules are the aggregates'."""

from __future__ import annotations

from typing import Any

from sgz_ledger.domain.aggregate import Stamp
from sgz_ledger.domain.events import TeamFormed, VolunteerRegistered
from sgz_ledger.domain.teams import (
    Recognitions,
    Team,
    UnknownTeam,
    UnknownVolunteer,
    recognitions_uuid,
    team_uuid,
)
from sgz_ledger.domain.volunteer import Volunteer, volunteer_uuid
from sgz_ledger.service import commands as b
from sgz_ledger.service.unit_of_work import Handler, UnitOfWork

__all__ = ["HANDLERS"]


def _team(work: UnitOfWork, team_id: str) -> Team:
    team = work.find(team_uuid(team_id), Team)
    if team is None or team.formed is None:
        raise UnknownTeam(team_id)
    return team


def _registered(work: UnitOfWork, volunteer_id: str) -> VolunteerRegistered:
    volunteer = work.find(volunteer_uuid(volunteer_id), Volunteer)
    if volunteer is None or volunteer.state.registered is None:
        raise UnknownVolunteer(volunteer_id)
    return volunteer.state.registered


def _recognitions(work: UnitOfWork, station_id: str) -> Recognitions:
    uid = recognitions_uuid(station_id)
    register = work.find(uid, Recognitions)
    if register is None:
        register = Recognitions(uid)
        work.add(register)
    return register


def _form(work: UnitOfWork, c: b.FormTeam, stamp: Stamp) -> TeamFormed:
    team = work.find(team_uuid(c.team_id), Team)
    if team is not None and team.formed is not None:
        return team.repeat_form(stamp, station_id=c.station_id, name=c.name)
    team = Team.form(stamp, team_id=c.team_id, station_id=c.station_id, name=c.name)
    work.add(team)
    assert team.formed is not None
    return team.formed


def _join(work: UnitOfWork, c: b.AddTeamMember, stamp: Stamp) -> Any:
    team = _team(work, c.team_id)
    _registered(work, c.volunteer_id)  # an unknown volunteer is refused by name
    member = work.find(volunteer_uuid(c.volunteer_id), Volunteer)
    assert member is not None
    return team.join(stamp, member=member)


def _grant_award(work: UnitOfWork, c: b.GrantAward, stamp: Stamp) -> Any:
    if c.recipient == "team":
        formed = _team(work, c.recipient_id).formed
        assert formed is not None
        station, since = formed.station_id, formed.occurred_on
    else:
        registered = _registered(work, c.recipient_id)
        station, since = registered.station_id, registered.registered_on
    return _recognitions(work, c.station_id).grant_award(
        stamp,
        station_id=c.station_id,
        award_id=c.award_id,
        recipient=c.recipient,
        recipient_id=c.recipient_id,
        recipient_station=station,
        recipient_since=since,
        title=c.title,
        awarding_body=c.awarding_body,
    )


def _record_evaluation(work: UnitOfWork, c: b.RecordEvaluation, stamp: Stamp) -> Any:
    return _recognitions(work, c.station_id).record_evaluation(
        stamp,
        station_id=c.station_id,
        evaluation_id=c.evaluation_id,
        volunteer=_registered(work, c.volunteer_id),
        period_from=c.period_from,
        period_to=c.period_to,
        result=c.result,
        evaluator=c.evaluator,
    )


HANDLERS: dict[type[b.Command[Any]], Handler] = {
    b.FormTeam: _form,
    b.AddTeamMember: _join,
    b.RemoveTeamMember: lambda w, c, s: _team(w, c.team_id).leave(
        s, volunteer_id=c.volunteer_id, reason=c.reason
    ),
    b.NameTeamLeader: lambda w, c, s: _team(w, c.team_id).name_leader(
        s, volunteer_id=c.volunteer_id
    ),
    b.DissolveTeam: lambda w, c, s: _team(w, c.team_id).dissolve(s, reason=c.reason),
    b.GrantAward: _grant_award,
    b.RecordEvaluation: _record_evaluation,
}
