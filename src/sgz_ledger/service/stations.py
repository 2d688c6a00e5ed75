"""Which station a command acts for: the one whose people, policy and closed periods apply.

A command names its station directly (opening a fund, registering a volunteer, publishing an
activity, setting a policy, forming a team, an award) or through what it acts on: a fund's
commands act for the station that opened the fund, a project's for the station that opened
the project, a volunteer's for the station that registered them, a team's for the station
that formed it. Rules kept
per station (who may do what, which periods are closed) are checked against that station.
"""

from __future__ import annotations

from typing import Any

from sgz_ledger.domain.fund import Fund, fund_uuid
from sgz_ledger.domain.people import register_uuid
from sgz_ledger.domain.periods import periods_uuid
from sgz_ledger.domain.projects import Project, project_uuid
from sgz_ledger.domain.teams import Team, team_uuid
from sgz_ledger.domain.volunteer import Volunteer, station_uuid, volunteer_uuid
from sgz_ledger.service import commands as b
from sgz_ledger.service.unit_of_work import UnitOfWork

__all__ = ["station_of"]


def station_of(work: UnitOfWork, command: b.Command[Any]) -> str | None:
    """The code of the station ``command`` acts for, or ``None`` when it names none.

    ``None`` also when what it names does not exist yet (a gift to a fund never opened):
    the command's own handler then refuses it with ``NotFound``. Erasing a donor's name
    acts for no one station (a donor may give to several), so it names none.

    Kept in the unit of work per command: the access check before the handler and the
    closed-period check after it both ask (and the fund's station cannot change between).
    """
    known = work.command_stations.get(id(command))
    if known is not None and known[0] is command:
        return known[1]
    station = _station_of(work, command)
    # The command is kept with its answer, so its id cannot name another command later.
    work.command_stations[id(command)] = (command, station)
    if station is not None and station not in work.stations_looked_up:
        # What the checks of every command of the station look for, most often absent. A
        # batch asks with them for those of every station this runner met before, which
        # its later commands are likely to name: one query a batch, not one a station.
        stations = {station}
        if work.commands > 1:
            stations |= work.runner.stations_seen - work.stations_looked_up
        work.runner.stations_seen.add(station)
        work.stations_looked_up |= stations
        work.look_up(
            uid
            for s in sorted(stations)
            for uid in (register_uuid(s), periods_uuid(s), station_uuid(s))
        )
    return station


def _station_of(work: UnitOfWork, command: b.Command[Any]) -> str | None:
    # Fields are read from the model's ``__dict__``: ``getattr`` of a field a pydantic model
    # lacks raises inside pydantic, a cost every command would pay.
    fields = vars(command)
    station = fields.get("station_id")
    if isinstance(station, str):
        return station
    if isinstance(command, b.FundCommand):
        fund = work.find(fund_uuid(command.fund_id), Fund)
        if fund is None or fund.state.opened is None:
            return None
        return fund.state.opened.station_id
    if isinstance(command, b.ProjectCommand):
        project = work.find(project_uuid(command.project_id), Project)
        if project is None or project.opened is None:
            return None
        return project.opened.station_id
    if isinstance(command, b.TeamCommand):
        team = work.find(team_uuid(command.team_id), Team)
        if team is None or team.formed is None:
            return None
        return team.formed.station_id
    volunteer_id = fields.get("volunteer_id")
    if isinstance(volunteer_id, str):
        volunteer = work.find(volunteer_uuid(volunteer_id), Volunteer)
        if volunteer is None or volunteer.state.registered is None:
            return None
        return volunteer.state.registered.station_id
    return None
