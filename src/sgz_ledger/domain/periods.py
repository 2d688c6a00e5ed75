"""A station's publications and closed periods: one aggregate per station.

Publishing a report (a disclosure, an annual report) is a fact of its own, recorded with
the anchor printed on it (rule 32), so that the ledger itself says what was published and
from which history. Closing a period (rule 33) records the anchor of the store at closing;
from then on a command dated in the period is refused unless it carries a correction
note, and each one accepted that way is named by a ``ClosedPeriodCorrected`` event here,
which the station's next disclosure and annual report list as 更正说明 (rule 34).

Like the other aggregates, nothing here reads a clock or the store: the anchors arrive as
text, checked by the caller.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Any
from uuid import UUID, uuid5

from sgz_ledger.domain.aggregate import Aggregate, Stamp
from sgz_ledger.domain.errors import IdempotencyConflict, RuleViolation
from sgz_ledger.domain.events import (
    ClosedPeriodCorrected,
    PeriodClosed,
    ReportKind,
    ReportPublished,
)
from sgz_ledger.domain.messages import Phrase

__all__ = ["PERIODS_NAMESPACE", "StationPeriods", "periods_uuid"]

# The periods aggregate's id derives from the station's code under a namespace of its
# own, so any process finds a station's closed periods without an index.
PERIODS_NAMESPACE = UUID("0c7e4a55-3f7b-4d38-a1c9-6b2f9e1d8a30")


@lru_cache(maxsize=4096)
def periods_uuid(station_id: str) -> UUID:
    """The aggregate id of the publications and closed periods of station ``station_id``
    (cached: every command of the station asks for it)."""
    return uuid5(PERIODS_NAMESPACE, "periods:" + station_id)


class StationPeriods(Aggregate):
    """A station's publications, closed periods and the corrections made into them.

    Attributes:
        published: every publication, in the order recorded.
        closed: every closed period, in the order recorded.
        corrections: every correction into a closed period, in the order recorded.
    """

    def __init__(self, id: UUID) -> None:
        super().__init__(id)
        self.published: list[ReportPublished] = []
        self.closed: list[PeriodClosed] = []
        self.corrections: list[ClosedPeriodCorrected] = []
        self._corrected: dict[tuple[UUID, int], ClosedPeriodCorrected] = {}

    def _mutate(self, event: Any) -> None:
        match event:
            case ReportPublished():
                self.published.append(event)
            case PeriodClosed():
                self.closed.append(event)
            case ClosedPeriodCorrected():
                self.corrections.append(event)
                self._corrected[(event.aggregate_id, event.aggregate_version)] = event
            case _:  # pragma: no cover - every period event is matched above
                msg = f"unhandled event {type(event).__name__}"
                raise AssertionError(msg)

    def closing_of(self, day: dt.date) -> PeriodClosed | None:
        """The latest closing whose period holds ``day`` (its anchor is the newest history
        figures of that day were published from), or ``None`` when no period holds it."""
        for closed in reversed(self.closed):
            if closed.period_from <= day <= closed.period_to:
                return closed
        return None

    def correction_of(self, aggregate_id: UUID, version: int) -> ClosedPeriodCorrected | None:
        """The correction naming the event at ``version`` of ``aggregate_id``, if any."""
        return self._corrected.get((aggregate_id, version))

    def publish(
        self,
        stamp: Stamp,
        *,
        station_id: str,
        kind: ReportKind,
        period_from: dt.date,
        period_to: dt.date,
        anchor: str,
        note: str,
    ) -> ReportPublished:
        """Record a publication (rule 32); the same one again records nothing."""
        if period_to < period_from:
            raise RuleViolation("report_period_reversed")
        fields = {"note": note}
        for published in self.published:
            if (published.kind, published.period_from, published.period_to, published.anchor) == (
                kind,
                period_from,
                period_to,
                anchor,
            ):
                what = Phrase(
                    "entry_publication",
                    kind=kind,
                    period_from=period_from,
                    period_to=period_to,
                    anchor=anchor,
                )
                return self._repeat(what, published, stamp, **fields)
        return self._trigger(
            ReportPublished,
            stamp,
            station_id=station_id,
            kind=kind,
            period_from=period_from,
            period_to=period_to,
            anchor=anchor,
            note=note,
        )

    def close(
        self,
        stamp: Stamp,
        *,
        station_id: str,
        period_from: dt.date,
        period_to: dt.date,
        reason: str,
        anchor: str,
    ) -> PeriodClosed:
        """Close a period (rule 33). Closing the same period again with the same reason is
        a repeat (its anchor stays the first one: the history closed then)."""
        if period_to < period_from:
            raise RuleViolation("period_reversed")
        for closed in self.closed:
            if (closed.period_from, closed.period_to) == (period_from, period_to):
                what = Phrase("entry_closing", period_from=period_from, period_to=period_to)
                return self._repeat(what, closed, stamp, reason=reason)
        return self._trigger(
            PeriodClosed,
            stamp,
            station_id=station_id,
            period_from=period_from,
            period_to=period_to,
            reason=reason,
            anchor=anchor,
        )

    def correct(
        self,
        stamp: Stamp,
        *,
        closed: PeriodClosed,
        event_type: str,
        aggregate_id: UUID,
        aggregate_version: int,
        note: str,
    ) -> ClosedPeriodCorrected:
        """Name an event recorded into the closed period ``closed`` with its note (rule 33);
        an event named already is not named twice."""
        recorded = self._corrected.get((aggregate_id, aggregate_version))
        if recorded is not None:
            if recorded.note != note:
                raise IdempotencyConflict(
                    Phrase(
                        "entry_correction_of",
                        event_type=event_type,
                        aggregate_id=aggregate_id,
                        version=aggregate_version,
                    ),
                    "note",
                    recorded.note,
                    note,
                )
            return recorded
        return self._trigger(
            ClosedPeriodCorrected,
            stamp,
            station_id=closed.station_id,
            event_type=event_type,
            aggregate_id=aggregate_id,
            aggregate_version=aggregate_version,
            note=note,
            period_from=closed.period_from,
            period_to=closed.period_to,
            closed_anchor=closed.anchor,
            closed_at=closed.timestamp,
        )
