"""The in-memory application recorder with the hash chain (tests, dry runs; see ``recorders``)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any
from uuid import UUID

from eventsourcing.persistence import StoredEvent
from eventsourcing.popo import POPOApplicationRecorder

from sgz_ledger.storage.chain import GENESIS, ChainLink, RawEvent
from sgz_ledger.storage.recorders import Chain

__all__ = ["ChainedPOPOApplicationRecorder"]


class ChainedPOPOApplicationRecorder(POPOApplicationRecorder):
    """eventsourcing's in-memory recorder, with the hash chain (for tests and dry runs)."""

    contiguous_positions = True

    def __init__(
        self, *, chain_key: bytes | None = None, cipher_meta: Mapping[str, str] | None = None
    ) -> None:
        super().__init__()
        self._chain = Chain(chain_key, cipher_meta)
        self._meta = self._chain.wanted_meta()
        self._chain.check(self._meta)
        self._links: list[bytes] = []

    def _update_table(self, stored_events: Sequence[StoredEvent], **kwargs: Any) -> Sequence[int]:
        ids = list(super()._update_table(stored_events, **kwargs) or [])
        prev = self._links[-1] if self._links else GENESIS
        self._links.extend(d for _, d in self._chain.links(prev, ids, stored_events))
        return ids

    def chain_meta(self) -> dict[str, str]:
        return dict(self._meta)

    def pin_meta(self, rows: Mapping[str, str]) -> None:
        for name, value in rows.items():
            self._meta.setdefault(name, value)

    def exists(self) -> bool:
        return True

    @contextmanager
    def verify_scan(self) -> Iterator[tuple[Iterator[RawEvent], Iterator[ChainLink]]]:
        with self._database_lock:
            count = len(self._stored_events)
            links = list(self._links)
        yield self.scan_events(upto=count), iter([ChainLink(i + 1, d) for i, d in enumerate(links)])

    def read_raw(
        self,
        after: int,
        limit: int,
        upto: int | None = None,
        names: Sequence[str] | None = None,
    ) -> list[tuple[int, str, bytes]]:
        with self._database_lock:
            rows = self._stored_events[after:upto]
        wanted = None if names is None else frozenset(names)
        out = []
        for i, s in enumerate(rows):
            if wanted is None or s.topic in wanted:
                out.append((after + i + 1, s.topic, s.state))
                if len(out) == limit:
                    break
        return out

    def existing(self, originator_ids: Sequence[UUID]) -> set[UUID]:
        with self._database_lock:
            return {uid for uid in originator_ids if self._stored_events_index.get(str(uid))}

    def read_aggregate(
        self, originator_id: UUID, limit: int | None = None, after_version: int = 0
    ) -> list[tuple[int, str, bytes]]:
        with self._database_lock:
            # eventsourcing's index: the aggregate's versions -> their places in the log.
            index = self._stored_events_index.get(str(originator_id), {})
            chosen = sorted((v, i) for v, i in index.items() if v > after_version)
            rows = []
            for _, i in chosen[:limit]:
                s = self._stored_events[i]
                rows.append((i + 1, s.topic, s.state))
            return rows

    def scan_events(self, after: int = 0, upto: int | None = None) -> Iterator[RawEvent]:
        with self._database_lock:
            rows = list(self._stored_events[after:upto])
        for i, s in enumerate(rows):
            uid = s.originator_id
            yield RawEvent(
                after + i + 1,
                uid.bytes if isinstance(uid, UUID) else UUID(str(uid)).bytes,
                s.originator_version,
                s.topic,
                s.state,
            )

    def scan_links(self, after: int = 0, upto: int | None = None) -> Iterator[ChainLink]:
        with self._database_lock:
            links = list(self._links[after:upto])
        for i, digest in enumerate(links):
            yield ChainLink(after + i + 1, digest)
