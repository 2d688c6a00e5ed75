"""更正说明: the corrections recorded into a station's closed periods that its next
disclosure and annual report list (rule 34).

A correction is listed until a report of the same kind is published (``ReportPublished``)
whose anchor stands at or after the correction in the log: that report was computed from
a history holding it, and listed it. So a correction appears in the station's next
disclosure and its next annual report, whichever period they cover, and in every one made
until one of them is published.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any
from uuid import UUID

import msgspec

from sgz_ledger.domain.events import ClosedPeriodCorrected, ReportKind, ReportPublished
from sgz_ledger.storage.chain import Anchor

__all__ = ["ClosedPeriodCorrection", "pending_corrections"]


class ClosedPeriodCorrection(msgspec.Struct, frozen=True, kw_only=True):
    """One correction into a closed period, as a report lists it (更正说明).

    Attributes:
        station_id: the station whose period it corrects.
        period_from, period_to: the closed period.
        closed_anchor: the anchor the period was closed with (the history its figures
            were computed from).
        closed_at: when the closing was recorded.
        occurred_on: the corrected event's business date.
        event_type, aggregate_id, aggregate_version: the event it names.
        note: the correction note.
        actor: who recorded it.
        recorded_at: when it was recorded.
        position: its place in the log.
    """

    station_id: str
    period_from: dt.date
    period_to: dt.date
    closed_anchor: str
    closed_at: dt.datetime
    occurred_on: dt.date
    event_type: str
    aggregate_id: UUID
    aggregate_version: int
    note: str
    actor: str
    recorded_at: dt.datetime
    position: int


def pending_corrections(
    events: Iterable[tuple[int, Any]], kind: ReportKind
) -> tuple[ClosedPeriodCorrection, ...]:
    """The corrections of one station's periods aggregate (its ``(position, event)``s in
    order) that no published report of ``kind`` has listed yet."""
    corrections: list[tuple[int, ClosedPeriodCorrected]] = []
    listed_upto = 0
    for position, event in events:
        if isinstance(event, ClosedPeriodCorrected):
            corrections.append((position, event))
        elif isinstance(event, ReportPublished) and event.kind == kind:
            listed_upto = max(listed_upto, Anchor.parse(event.anchor).position)
    return tuple(
        ClosedPeriodCorrection(
            station_id=e.station_id,
            period_from=e.period_from,
            period_to=e.period_to,
            closed_anchor=e.closed_anchor,
            closed_at=e.closed_at,
            occurred_on=e.occurred_on,
            event_type=e.event_type,
            aggregate_id=e.aggregate_id,
            aggregate_version=e.aggregate_version,
            note=e.note,
            actor=e.actor,
            recorded_at=e.timestamp,
            position=position,
        )
        for position, e in corrections
        if position > listed_upto
    )
