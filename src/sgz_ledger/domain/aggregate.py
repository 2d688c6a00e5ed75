"""What every aggregate shares: pending events, one ``apply`` path, idempotent repeats.

An aggregate here is a plain class that eventsourcing's ``Application.save`` and
``Repository`` accept (it has ``id``, ``version`` and ``collect_events``). Commands
check every rule, then call ``_trigger``, which builds the event, applies it
through the same ``apply`` that replay uses, and queues it for saving.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, TypeVar
from uuid import UUID

import msgspec

from sgz_ledger.domain.errors import IdempotencyConflict
from sgz_ledger.domain.events import LedgerEvent
from sgz_ledger.domain.messages import Phrase
from sgz_ledger.domain.text import same_person

__all__ = ["Aggregate", "Stamp", "check_same"]

E = TypeVar("E", bound=LedgerEvent)


class Stamp(msgspec.Struct, frozen=True, kw_only=True):
    """Who did it, when it happened, and when the ledger recorded it.

    Attributes:
        actor: the person (or staff id) responsible for this step.
        occurred_on: the business date.
        recorded_at: the recording timestamp (UTC), taken once per command by the application.
        aliases: other spellings of the same actor: where the station registers its people,
            the person's name (and the name the command gave) beside their id in ``actor``,
            so that a step recorded under the name before the register existed is theirs
            too (four-eyes rules, repeats). Not recorded.
    """

    actor: str
    occurred_on: dt.date
    recorded_at: dt.datetime
    aliases: tuple[str, ...] = ()

    def names(self, actor: str) -> bool:
        """Whether ``actor`` (as an event recorded it) is this stamp's actor, by id or
        by any alias, compared as people are (``text.same_person``)."""
        return same_person(self.actor, actor) or any(same_person(a, actor) for a in self.aliases)


def check_same(key: Phrase, recorded: msgspec.Struct, given: dict[str, Any]) -> None:
    """Raise ``IdempotencyConflict`` at the first field where a repeat differs."""
    for field, value in given.items():
        stored = getattr(recorded, field)
        if stored != value:
            raise IdempotencyConflict(key, field, stored, value)


class Aggregate:
    """Base of the ledger's aggregates.

    Attributes:
        id: the aggregate UUID.
        version: the version of the last event applied (0 before any).
    """

    def __init__(self, id: UUID) -> None:
        self.id = id
        self.version = 0
        self._pending: list[LedgerEvent] = []

    def collect_events(self) -> list[LedgerEvent]:
        """Hand over the events triggered since the last save (for ``Application.save``)."""
        pending, self._pending = self._pending, []
        return pending

    @property
    def has_pending(self) -> bool:
        """Whether commands triggered events that are not yet saved."""
        return bool(self._pending)

    def apply(self, event: Any) -> None:
        """Apply one stored or new event (subclasses handle their snapshot first)."""
        if event.originator_version != self.version + 1:
            msg = f"event version {event.originator_version} after {self.version}"
            raise AssertionError(msg)
        self.version = event.originator_version
        self._mutate(event)

    def _mutate(self, event: Any) -> None:
        raise NotImplementedError

    def _trigger(self, cls: type[E], stamp: Stamp, **fields: Any) -> E:
        event = cls(
            originator_id=self.id,
            originator_version=self.version + 1,
            timestamp=stamp.recorded_at,
            actor=stamp.actor,
            occurred_on=stamp.occurred_on,
            **fields,
        )
        self.apply(event)
        self._pending.append(event)
        return event

    @staticmethod
    def _repeat(key: Phrase, recorded: E, stamp: Stamp, **fields: Any) -> E:
        """A command repeated under ``key``: the recorded event if every field is the same."""
        if recorded.actor not in stamp.aliases:
            check_same(key, recorded, {"actor": stamp.actor})
        check_same(key, recorded, {"occurred_on": stamp.occurred_on})
        check_same(key, recorded, fields)
        return recorded
