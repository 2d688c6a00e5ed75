"""The handlers of a station's publications and closed periods (``domain.periods``): the
anchors they record are read here, from the store, the rules checked by the aggregate."""

from __future__ import annotations

from typing import Any

from sgz_ledger.domain.aggregate import Stamp
from sgz_ledger.domain.periods import StationPeriods, periods_uuid
from sgz_ledger.service import commands as b
from sgz_ledger.service.periods import checked_anchor, store_anchor
from sgz_ledger.service.unit_of_work import Handler, UnitOfWork

__all__ = ["HANDLERS"]


def _periods(work: UnitOfWork, station_id: str) -> StationPeriods:
    uid = periods_uuid(station_id)
    periods = work.find(uid, StationPeriods)
    if periods is None:
        periods = StationPeriods(uid)
        work.add(periods)
    return periods


def _publish(work: UnitOfWork, c: b.PublishReport, stamp: Stamp) -> Any:
    return _periods(work, c.station_id).publish(
        stamp,
        station_id=c.station_id,
        kind=c.kind,
        period_from=c.period_from,
        period_to=c.period_to,
        anchor=checked_anchor(work, c.anchor),
        note=c.note,
    )


def _close(work: UnitOfWork, c: b.ClosePeriod, stamp: Stamp) -> Any:
    return _periods(work, c.station_id).close(
        stamp,
        station_id=c.station_id,
        period_from=c.period_from,
        period_to=c.period_to,
        reason=c.reason,
        anchor=store_anchor(work),
    )


HANDLERS: dict[type[b.Command[Any]], Handler] = {
    b.PublishReport: _publish,
    b.ClosePeriod: _close,
}
