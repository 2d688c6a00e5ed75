"""The service delivery fold: cases, sessions and supervision records, as the reports need them.

A pure, in-memory fold over the log, kept by the ledger like the volunteer figures
(``volunteer_stats``): each session is kept as one small row (station, date, kind, 人次,
the served references it names, its project), so that a report of any period and any set
of stations is a pass over the rows. Served references are random key ids: the fold
never sees an identifier, and an erasure changes nothing here (rule 49).
"""

from __future__ import annotations

import datetime as dt
from typing import Literal, NamedTuple

from sgz_ledger.domain.errors import UnknownEvent
from sgz_ledger.domain.events import (
    DELIVERY_EVENT_TYPES,
    CaseClosed,
    CaseOpened,
    CaseSessionRecorded,
    CommunityActivityCreated,
    CommunityActivitySessionHeld,
    DeliveryEvent,
    DeliveryKind,
    GroupCreated,
    GroupSessionHeld,
    LedgerEvent,
    ServedPersonErased,
    SupervisionRecorded,
)

__all__ = ["CaseRow", "DeliveryFold", "SessionKind", "SessionRow", "SupervisionRow"]

SessionKind = Literal["case", "group", "community"]


class CaseRow(NamedTuple):
    """A case: its station, when it was opened and closed, its person and project."""

    station_id: str
    case_id: str
    opened_on: dt.date
    closed_on: dt.date | None
    served_ref: str
    project_id: str


class SessionRow(NamedTuple):
    """One session of a case, a group or a community activity.

    Attributes:
        owner: the case's, group's or activity's code in its station.
        person_times: 人次: 1 for a case's session, else its participants or attendance.
        refs: the served references it names (a case's session: the case's person).
        project_id: the session's own, else its case's, group's or activity's.
    """

    kind: SessionKind
    station_id: str
    owner: str
    on: dt.date
    person_times: int
    refs: tuple[str, ...]
    project_id: str


class SupervisionRow(NamedTuple):
    """One supervision or training record."""

    station_id: str
    kind: DeliveryKind
    on: dt.date
    sessions: int
    duration_s: int
    project_id: str


class DeliveryFold:
    """An in-memory fold of the service delivery events (every other event is passed over)."""

    reads: frozenset[type[LedgerEvent]] = frozenset(DELIVERY_EVENT_TYPES)

    def __init__(self) -> None:
        self.cases: dict[tuple[str, str], CaseRow] = {}
        self.sessions: list[SessionRow] = []
        self.supervision: list[SupervisionRow] = []
        # Every station that recorded service delivery (an erasure alone records none).
        self.stations: set[str] = set()
        # Each group's and activity's own project, for sessions that name none.
        self._projects: dict[tuple[SessionKind, str, str], str] = {}

    def apply(self, event: object) -> None:
        """Fold one event; only service delivery events matter."""
        if not isinstance(event, DeliveryEvent):
            return
        if not isinstance(event, ServedPersonErased):
            self.stations.add(event.station_id)
        match event:
            case CaseOpened():
                self.cases[(event.station_id, event.case_id)] = CaseRow(
                    event.station_id,
                    event.case_id,
                    event.occurred_on,
                    None,
                    event.served_ref,
                    event.project_id,
                )
            case CaseSessionRecorded():
                case = self.cases[(event.station_id, event.case_id)]
                refs = (case.served_ref,) if case.served_ref else ()
                self._session("case", event, event.case_id, 1, refs, case.project_id)
            case CaseClosed():
                key = (event.station_id, event.case_id)
                self.cases[key] = self.cases[key]._replace(closed_on=event.occurred_on)
            case GroupCreated():
                self._projects[("group", event.station_id, event.group_id)] = event.project_id
            case GroupSessionHeld():
                project = self._projects[("group", event.station_id, event.group_id)]
                self._session(
                    "group",
                    event,
                    event.group_id,
                    event.participants,
                    event.participant_refs,
                    project,
                )
            case CommunityActivityCreated():
                self._projects[("community", event.station_id, event.activity_id)] = (
                    event.project_id
                )
            case CommunityActivitySessionHeld():
                project = self._projects[("community", event.station_id, event.activity_id)]
                self._session(
                    "community",
                    event,
                    event.activity_id,
                    event.attendance,
                    event.attendee_refs,
                    project,
                )
            case SupervisionRecorded():
                self.supervision.append(
                    SupervisionRow(
                        event.station_id,
                        event.kind,
                        event.occurred_on,
                        event.count,
                        event.duration_s,
                        event.project_id,
                    )
                )
            case ServedPersonErased():
                pass  # the references stay counted, and lead to no one (rule 49)
            case _:
                raise UnknownEvent(type(self).__name__, type(event))

    def _session(
        self,
        kind: SessionKind,
        event: DeliveryEvent,
        owner: str,
        person_times: int,
        refs: tuple[str, ...],
        owner_project: str,
    ) -> None:
        self.sessions.append(
            SessionRow(
                kind,
                event.station_id,
                owner,
                event.occurred_on,
                person_times,
                refs,
                event.project_id or owner_project,
            )
        )
