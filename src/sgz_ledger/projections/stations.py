"""The stations a store knows: every station a fund, a volunteer, an activity, a station's
policy or a team names. Queries by station use it to tell a station with nothing to report (an empty
answer) from a station the store has never heard of (``NotFound``)."""

from __future__ import annotations

from sgz_ledger.domain.events import (
    ActivityPublished,
    FundOpened,
    StationPolicySet,
    TeamFormed,
    VolunteerRegistered,
)

__all__ = ["KnownStations"]


class KnownStations:
    """An in-memory fold: the station codes named by the log's events."""

    def __init__(self) -> None:
        self.stations: set[str] = set()

    def apply(self, event: object) -> None:
        """Fold one event; only those that name a station matter."""
        if isinstance(
            event,
            FundOpened | VolunteerRegistered | ActivityPublished | StationPolicySet | TeamFormed,
        ):
            self.stations.add(event.station_id)

    def __contains__(self, station_id: object) -> bool:
        return station_id in self.stations
