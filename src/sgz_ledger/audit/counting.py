"""Whether a service event counts in the station's service hours, and by how much.

Only approved records of volunteer-service activities are service hours (rule 4): a
training, supervision, case or group work record is kept, approved and corrected like any
other, but adds nothing to the hours. An approval's ``duration_s`` is the record's time,
not what it adds to the hours; a reader of the trail or of an export who summed it would
count training as service. So the trail and the JSON Lines export say, for every event
that feeds the hours figure, whether it counts and what it adds (``counted_s``, negative
when it takes hours away): the sum of ``counted_s`` over a store's events is its service
hours, as the volunteer statistics fold them.

The category is a record's (``ServiceRecorded.category``); later events name only the
record, so the counting remembers each record's category as the log is read in order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import NamedTuple
from uuid import UUID

from sgz_ledger.domain.events import (
    LedgerEvent,
    ServiceApproved,
    ServiceCorrected,
    ServiceRecorded,
    ServiceVoided,
)
from sgz_ledger.projections.volunteer_stats import SERVICE_CATEGORIES

__all__ = ["Counted", "ServiceCounting"]

_SERVICE_EVENTS = (ServiceRecorded, ServiceApproved, ServiceCorrected, ServiceVoided)


class Counted(NamedTuple):
    """What one event does to the service hours.

    Attributes:
        counts: the event's record is volunteer service, so its approved time is service
            hours (``False``: training, supervision, case work..., never service hours).
        counted_s: the seconds it adds to the hours (negative: it takes them away; 0 when
            it does not count).
        category: the record's activity category (``training``, ``volunteer_service``...).
    """

    counts: bool
    counted_s: int
    category: str


class ServiceCounting:
    """Reads service events in log order and says what each does to the service hours.

    Args:
        history: when an event names a record whose entry was not read here (a reader that
            skipped it), the volunteer's own events, to learn the record's category from.
    """

    def __init__(self, history: Callable[[UUID], Iterable[object]]) -> None:
        self._history = history
        self._categories: dict[tuple[UUID, str], str] = {}

    def note(self, event: object) -> None:
        """Remember a record's category from its entry (any other event is ignored)."""
        if isinstance(event, ServiceRecorded):
            self._categories[(event.originator_id, event.record_id)] = event.category

    def _category(self, volunteer: UUID, record_id: str) -> str:
        key = (volunteer, record_id)
        category = self._categories.get(key)
        if category is None:
            for event in self._history(volunteer):
                self.note(event)
            category = self._categories.get(key, "")
        return category

    def of(self, event: LedgerEvent) -> Counted | None:
        """What ``event`` does to the service hours; ``None`` for an event that is not a
        service record's (it feeds no hours figure)."""
        if not isinstance(event, _SERVICE_EVENTS):
            return None
        self.note(event)
        category = self._category(event.originator_id, event.record_id)
        service = category in SERVICE_CATEGORIES
        match event:
            case ServiceApproved():
                seconds = event.duration_s
            case ServiceCorrected():
                seconds = event.delta_s if event.counted else 0
            case ServiceVoided():
                seconds = -event.counted_s
            case _:  # an entry counts from its approval, which is an event of its own
                seconds = 0
        if not service:
            seconds = 0
        return Counted(counts=service, counted_s=seconds, category=category)
