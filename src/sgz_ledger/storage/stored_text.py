"""Text recorded before the canonical form, read in it: one form for every key, old or new.

Every key and name now reaches the ledger in its canonical form (``sgz_ledger.domain.text``), so a
receipt number typed ``ＪＺ-００１`` is stored, and looked up, as ``JZ-001``. A store written
before that may hold the other spelling; a command typed today could never reach it. So
when such a store is read, each event's keys and names are given their canonical form as
it is decoded (the stored bytes, and so the hash chain, are untouched), the way an event of
an older schema is upcast as it is read: the aggregates, the views and every report then
see one spelling, old events and new alike.

Which fields: the keys and names a command compares (receipt, request and record numbers,
restrictions, goods, people), never prose (reasons, notes: compared by nobody) and never an
aggregate's own code (``fund_id``, ``volunteer_id``...: the aggregate's UUID is derived from
the code as it was recorded, so its spelling must stay; ``Ledger.upgrade`` lists any such
code that is not canonical). A value the canonical form refuses (a zero-width character
recorded before it was refused) is read as it was stored.

A store created by this version records that its text is canonical (``text`` in its
metadata), and so does ``upgrade`` for an older store whose events need nothing: neither
pays for this. An older store's snapshots are not read (they hold the spellings as
recorded): its aggregates are folded from their events until ``upgrade``.
"""

from __future__ import annotations

import typing
from collections.abc import Callable, Iterable
from typing import Any

import msgspec

from sgz_ledger.domain.events import GoodsLine
from sgz_ledger.domain.text import TextRefused, canonical_text
from sgz_ledger.storage.settings import TEXT_CANONICAL

__all__ = [
    "AGGREGATE_CODE_FIELDS",
    "KEY_AND_NAME_FIELDS",
    "TEXT_CANONICAL",
    "StoredTextNormaliser",
]


# Keys and names: compared by commands, and so read in their canonical form.
KEY_AND_NAME_FIELDS = frozenset(
    {
        "actor", "adjustment_id", "approver", "authorised_by", "buyer", "certificate_no",
        "change_id", "community", "correction_id", "counterparty", "distribution_id", "donor",
        "from_restriction", "host", "issuer", "issuing_station", "item", "leader", "name",
        "notice_ref", "organizer", "payee", "place", "recipient", "receipt_no", "record_id",
        "record_ids", "redemption_id", "refund_id", "release_id", "request_id",
        "requested_by", "restriction", "sale_id", "signed_off_by", "skills", "categories",
        "team", "to_restriction", "transfer_id", "unit", "voucher_no", "activity_name",
    }
)  # fmt: skip
# An aggregate's own code: its UUID derives from it as recorded, so it is never respelt.
AGGREGATE_CODE_FIELDS = frozenset(
    {
        "fund_id", "station_id", "volunteer_id", "activity_id", "to_fund_id", "from_fund_id",
        "transfer_to", "to_volunteer_id", "from_volunteer_id",
    }
)  # fmt: skip


def _canonical(value: str) -> str:
    try:
        return canonical_text(value)
    except TextRefused:
        return value  # recorded before it was refused: read as it was stored


def _canonical_strs(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(_canonical(v) for v in values)


def _canonical_goods(lines: tuple[GoodsLine, ...]) -> tuple[GoodsLine, ...]:
    out = []
    for line in lines:
        item, unit = _canonical(line.item), _canonical(line.unit)
        out.append(
            line
            if (item, unit) == (line.item, line.unit)
            else msgspec.structs.replace(line, item=item, unit=unit)
        )
    return tuple(out)


def _plan(cls: type[msgspec.Struct]) -> tuple[tuple[str, Callable[[Any], Any]], ...]:
    """The fields of ``cls`` to respell, each with the function that respells its value."""
    hints = typing.get_type_hints(cls)
    plan: list[tuple[str, Callable[[Any], Any]]] = []
    for field in cls.__struct_fields__:
        kind = str(hints[field])
        if "GoodsLine" in kind:
            plan.append((field, _canonical_goods))
        elif field in KEY_AND_NAME_FIELDS:
            plan.append((field, _canonical_strs if "tuple" in kind else _canonical))
    return tuple(plan)


class StoredTextNormaliser:
    """Gives a decoded event's keys and names their canonical form (see the module's docs).

    Args:
        event_types: every class the store's events may decode to.
        snapshot_types: classes that are caches of a state holding recorded spellings:
            decoding one raises, so that the aggregate is folded from its events instead.
    """

    def __init__(
        self,
        event_types: Iterable[type[msgspec.Struct]],
        snapshot_types: Iterable[type[msgspec.Struct]] = (),
    ) -> None:
        self._plans = {cls: _plan(cls) for cls in event_types}
        self._snapshots = tuple(snapshot_types)

    def __call__(self, event: Any) -> Any:
        if isinstance(event, self._snapshots):
            msg = "a snapshot of a store whose text is not yet canonical: folded from its events"
            raise ValueError(msg)
        plan = self._plans.get(type(event), ())
        changes: dict[str, Any] = {}
        for field, respell in plan:
            value = getattr(event, field)
            if value is None or value == "" or value == ():
                continue
            new = respell(value)
            if new != value:
                changes[field] = new
        return msgspec.structs.replace(event, **changes) if changes else event

    def respelt(self, event: Any) -> list[tuple[str, str, str]]:
        """``(field, as recorded, as read)`` for each key or name of ``event`` the canonical
        form changes, and ``(field, code, "")`` for an aggregate code that is not canonical."""
        found: list[tuple[str, str, str]] = []
        for field, respell in self._plans.get(type(event), ()):
            value = getattr(event, field)
            if value and respell(value) != value:
                found.append((field, str(value), str(respell(value))))
        for field in AGGREGATE_CODE_FIELDS & set(getattr(event, "__struct_fields__", ())):
            value = getattr(event, field)
            if isinstance(value, str) and value and _canonical(value) != value:
                found.append((field, value, ""))
        return found
