"""One ID number, one volunteer (docs/rules.md 39).

Each ID number a volunteer gives is claimed by an aggregate of its own, whose id derives
from the number's keyed hash (``PersonalDataSealer.id_claim``: never the number in clear).
Registering a volunteer, and correcting a volunteer's ID number, claim it in the same unit
of work as the registration or the correction: a second volunteer with the same number
finds the claim by its id (no scan of the volunteers) and is refused, and two processes
registering the same number at once collide on the claim's first version, so one of them
retries and is refused.

The claim names its holder sealed under the holder's own key; the domain never opens it:
the application opens it and passes the holder's id, or ``None`` when it cannot be read
any more (the holder was erased), in which case the claim has lapsed and the number may be
claimed again.
"""

from __future__ import annotations

from functools import lru_cache
from uuid import UUID, uuid5

from sgz_ledger.domain.aggregate import Aggregate, Stamp
from sgz_ledger.domain.errors import RuleViolation
from sgz_ledger.domain.events import IdNumberClaimed, IdNumberReleased

__all__ = ["DuplicateIdNumber", "IdNumberClaim", "id_claim_uuid"]

_NAMESPACE = UUID("5d0f6a53-93c2-4a8e-9b57-1c2e7b0c9f31")


@lru_cache(maxsize=65_536)
def id_claim_uuid(claim_hash: str) -> UUID:
    """The aggregate id of the claim on the ID number whose keyed hash is ``claim_hash``."""
    return uuid5(_NAMESPACE, "id-number:" + claim_hash)


class DuplicateIdNumber(RuleViolation):
    """Another volunteer holds this ID number; nothing was recorded.

    Attributes:
        holder: the volunteer id of the volunteer registered with it.
    """

    reason = "duplicate_id_number"

    def __init__(self, holder: str) -> None:
        self.holder = holder
        super().__init__(None, holder=holder)


class IdNumberClaim(Aggregate):
    """Who holds one ID number (its id is the number's keyed hash, see ``id_claim_uuid``)."""

    def __init__(self, id: UUID) -> None:
        super().__init__(id)
        self.holder_sealed: bytes | None = None

    def _mutate(self, event: object) -> None:
        if isinstance(event, IdNumberClaimed):
            self.holder_sealed = event.holder_sealed
        else:
            assert isinstance(event, IdNumberReleased)
            self.holder_sealed = None

    def claim(
        self, stamp: Stamp, *, volunteer_id: str, holder: str | None, holder_sealed: bytes
    ) -> IdNumberClaimed | None:
        """Claim the number for ``volunteer_id``.

        Args:
            holder: the current holder as the application read it (``None``: unclaimed,
                released, or lapsed with its holder's erasure).
            holder_sealed: ``volunteer_id`` sealed under the volunteer's own key.

        Returns ``None`` when ``volunteer_id`` holds it already.

        Raises:
            DuplicateIdNumber: another volunteer holds it.
        """
        if holder == volunteer_id:
            return None
        if holder is not None:
            raise DuplicateIdNumber(holder)
        return self._trigger(IdNumberClaimed, stamp, holder_sealed=holder_sealed)

    def release(self, stamp: Stamp, *, reason: str) -> IdNumberReleased | None:
        """Free the number (its holder's ID number was corrected); ``None`` if free."""
        if self.holder_sealed is None:
            return None
        return self._trigger(IdNumberReleased, stamp, reason=reason)
