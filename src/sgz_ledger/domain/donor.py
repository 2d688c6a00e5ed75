"""An individual donor's key, as far as the log knows it: erased or not.

A person who gives (``donor_is_person``) has their name sealed in their gifts under a
key of their own (``subject_keys``, ``personal``). The log keeps nothing else about
them: a fund's gifts are the fund's events. What the log must keep is the erasure of
that name (个人信息保护法 Art.47), and it is kept per key: each key has an aggregate whose
id derives from the key's random id (``donor_uuid``), holding at most one event,
``DonorErased``. Nothing in it derives from the person's name, so once the key is
destroyed nothing in the store links it to them.

Why an aggregate per key rather than one per person: a person's identity in the store
is their key (a keyed hash of their name is kept only in the key's own row, which the
erasure deletes); and a reader asking "is this gift's donor erased?" finds the answer
with one indexed read of the key's aggregate, and two processes erasing one person at
once meet on the store's unique (aggregate, version) key, so one erasure is recorded.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any
from uuid import UUID, uuid5

from sgz_ledger.domain.aggregate import Aggregate, Stamp
from sgz_ledger.domain.events import DonorErased

__all__ = ["Donor", "donor_uuid"]

_NAMESPACE = UUID("a3f1c2d4-7b6e-4c59-9e0f-5d8b2a1c3e47")


@lru_cache(maxsize=65_536)
def donor_uuid(key_id: bytes) -> UUID:
    """The aggregate id of the individual donor's key ``key_id`` (its 16 random bytes)."""
    return uuid5(_NAMESPACE, "donor-key:" + key_id.hex())


class Donor(Aggregate):
    """One individual donor's key: ``erased`` once its erasure is recorded."""

    def __init__(self, id: UUID) -> None:
        super().__init__(id)
        self.erased: DonorErased | None = None

    def _mutate(self, event: Any) -> None:
        assert isinstance(event, DonorErased)
        self.erased = event

    @classmethod
    def erase(cls, stamp: Stamp, *, key_id: bytes, reason: str, requested_by: str) -> Donor:
        """A new aggregate recording the erasure of the name sealed under ``key_id``.

        The application first looks the aggregate up: erasing again returns that first
        erasure instead of calling this.
        """
        donor = cls(donor_uuid(key_id))
        donor._trigger(
            DonorErased, stamp, key_id=key_id.hex(), reason=reason, requested_by=requested_by
        )
        return donor
