"""The stations a store knows: every station a fund, a volunteer, an activity, a station's
policy, a project, a team or a record of service delivery names, every unit of the register
of levels, and the projects opened (each with its station). Queries by station use it to tell
a station with nothing to report (an empty answer) from a station the store has never heard
of (``NotFound``)."""

from __future__ import annotations

from sgz_ledger.domain.events import (
    ActivityPublished,
    DeliveryEvent,
    FundOpened,
    ProjectOpened,
    StationPolicySet,
    TeamFormed,
    UnitRegistered,
    VolunteerRegistered,
)

__all__ = ["KnownStations"]


class KnownStations:
    """An in-memory fold: the station codes named by the log's events."""

    def __init__(self) -> None:
        self.stations: set[str] = set()
        # Every project opened, its code to its station's, in the order opened.
        self.projects: dict[str, str] = {}

    def apply(self, event: object) -> None:
        """Fold one event; only those that name a station matter."""
        if isinstance(
            event,
            FundOpened
            | VolunteerRegistered
            | ActivityPublished
            | StationPolicySet
            | DeliveryEvent
            | TeamFormed,
        ):
            self.stations.add(event.station_id)
        elif isinstance(event, UnitRegistered):
            self.stations.add(event.unit_id)
        elif isinstance(event, ProjectOpened):
            self.stations.add(event.station_id)
            self.projects[event.project_id] = event.station_id

    def __contains__(self, station_id: object) -> bool:
        return station_id in self.stations
