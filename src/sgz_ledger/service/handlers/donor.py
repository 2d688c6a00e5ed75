"""Individual donors: sealing a person's name under their key, and erasing it."""

from __future__ import annotations

from typing import Any

from sgz_ledger.domain.aggregate import Stamp
from sgz_ledger.domain.donor import Donor, donor_uuid
from sgz_ledger.domain.errors import (
    IdempotencyConflict,
    NotFound,
)
from sgz_ledger.domain.events import (
    DonorErased,
)
from sgz_ledger.domain.fund import Fund
from sgz_ledger.domain.messages import entry
from sgz_ledger.domain.privacy import refuse_donor_name_in
from sgz_ledger.service import commands as b
from sgz_ledger.service.unit_of_work import Handler, UnitOfWork
from sgz_ledger.storage.sealing import SealError
from sgz_ledger.storage.subject_keys import (
    SubjectKeyError,
)

__all__ = ["HANDLERS", "seal_donor"]


def seal_donor(
    work: UnitOfWork,
    fund: Fund,
    c: b.ReceiveCashDonation | b.ReceiveGoodsDonation,
    name: str,
    stamp: Stamp,
) -> bytes:
    """A person's gift's ``donor_sealed``: their name sealed under their key, or, for a
    repeat of a gift recorded with their name, the recorded bytes (compared opened)."""
    sealer = work.sealer
    recorded = fund.state.donations.get(c.receipt_no)
    if recorded is not None:
        sealed = recorded.donor_sealed
        if sealed is None:
            raise IdempotencyConflict(
                entry("receipt", c.receipt_no), "donor_is_person", False, True
            )
        # Sealed bytes differ per sealing: compare the names they hold. A donor erased
        # since cannot be compared; the other fields still are (a repeat records nothing).
        try:
            key = sealer.subject_key(sealed, work.new_keys)
        except SubjectKeyError as e:
            raise SealError("donor_name_unreadable", receipt_no=c.receipt_no, error=e) from e
        if key is not None and sealer.open_name(sealed, work.new_keys) != name:
            raise IdempotencyConflict(entry("receipt", c.receipt_no), "donor", "", "", shown=False)
        return sealed
    refuse_donor_name_in(name, [("note", c.note)], where="the_gift_record")
    sealer.warn_if_clear()
    return sealer.seal_name(name, work.donor_key(name, stamp.recorded_at))


def _erase_donor(work: UnitOfWork, c: b.EraseDonor, stamp: Stamp) -> DonorErased:
    subject = work.sealer.donor_subject(c.donor)
    key_ids = set(work.subject_keys.key_ids(subject))
    key_ids.update(k.key_id for k in work.new_keys.values() if k.subject == subject)
    if not key_ids:
        raise NotFound("individual_donor", c.donor)
    texts = [("requested_by", c.requested_by), ("reason", c.reason), ("actor", c.actor)]
    refuse_donor_name_in(c.donor, texts, where="the_erasure_record")
    first: DonorErased | None = None
    before: DonorErased | None = None
    for key_id in sorted(key_ids):
        donor = work.find(donor_uuid(key_id), Donor)
        if donor is not None:  # erased before, its key not yet destroyed
            assert donor.erased is not None
            before = before or donor.erased
            continue
        donor = Donor.erase(stamp, key_id=key_id, reason=c.reason, requested_by=c.requested_by)
        work.add(donor)
        assert donor.erased is not None
        first = first or donor.erased
    work.shred.append((subject, tuple(sorted(key_ids))))
    result = first or before
    assert result is not None
    return result


HANDLERS: dict[type[b.Command[Any]], Handler] = {b.EraseDonor: _erase_donor}
