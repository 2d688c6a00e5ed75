"""Texts of a station's publications and closed periods: the 更正说明 section reports add,
and what ``sgz-ledger publish`` and ``close-period`` print."""

from __future__ import annotations

from collections.abc import Sequence

from sgz_ledger.domain.events import PeriodClosed, ReportPublished
from sgz_ledger.reports.periods import ClosedPeriodCorrection
from sgz_ledger.storage.chain import Anchor

__all__ = ["closed_period_corrections_text", "period_closed_text", "report_published_text"]

KIND_LABELS = {"disclosure": "信息公开 disclosure", "annual_report": "年报 annual report"}


def closed_period_corrections_text(
    title: str, corrections: Sequence[ClosedPeriodCorrection], anchor: Anchor | None
) -> str:
    """The 更正说明 of corrections into closed periods (rule 34), under ``title``: each with
    its closed period, note, the event it names and the anchor the period was closed with,
    then the report's own anchor (the history holding the corrections)."""
    lines = [title]
    for c in corrections:
        lines += [
            f"  已关账期间 closed period {c.period_from.isoformat()} 至 to "
            f"{c.period_to.isoformat()} (站 station {c.station_id}; 关账 closed "
            f"{c.closed_at:%Y-%m-%d %H:%M} UTC)",
            f"    {c.occurred_on.isoformat()} {c.event_type} {c.aggregate_id} "
            f"v{c.aggregate_version}; 录入 recorded {c.recorded_at:%Y-%m-%d %H:%M} UTC "
            f"by {c.actor}",
            f"    说明 note: {c.note}",
            f"    关账时锚点 anchor when closed: {c.closed_anchor or '-'}",
        ]
    lines.append(f"  本报告锚点 this report's anchor: {anchor if anchor is not None else '-'}")
    return "\n".join(lines)


def report_published_text(event: ReportPublished, *, repeated: bool) -> str:
    """What ``publish`` prints once the publication is recorded (or was already)."""
    what = (
        f"{KIND_LABELS[event.kind]} of station {event.station_id}, "
        f"{event.period_from.isoformat()} to {event.period_to.isoformat()}, at anchor "
        f"{event.anchor}"
    )
    if repeated:
        return f"Already recorded: the publication of the {what}."
    return f"Recorded the publication of the {what}."


def period_closed_text(event: PeriodClosed, *, repeated: bool) -> str:
    """What ``close-period`` prints once the closing is recorded (or was already)."""
    what = (
        f"station {event.station_id}'s period {event.period_from.isoformat()} to "
        f"{event.period_to.isoformat()}, at anchor {event.anchor or '-'}"
    )
    if repeated:
        return f"Already closed: {what} (closed {event.occurred_on.isoformat()})."
    return (
        f"Closed {what}. A command dated in it is now refused unless it carries a "
        "correction note (listed as 更正说明 in the next disclosure and annual report)."
    )
