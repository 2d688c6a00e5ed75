"""Individual donors in outputs: a person's sealed name opened, or a pseudonym once erased.

A gift names its donor one of three ways (``domain.events.CashDonationReceived``): an
organisation by name in clear, a person by their name sealed under a key of their own
(``donor_sealed``), or nobody (anonymous). Every output that shows a donor (statements,
disclosures, donor summaries, the trail, the exports) shows a person through
``DonorNames``: their name opened with their key, or, once they were erased
(``DonorErased``, their key destroyed), ``donor_pseudonym``: ``已删除 erased`` and the
first hex digits of their key's id. Their gifts keep counting in every figure: only the
name is gone.

Whether a key was erased is read from the log (the erasure event on the key's own
aggregate, one indexed read per key), not from the key being missing: an erasure is
recorded before its key is destroyed, and a long-running process may still hold a key
another process destroyed in its cache.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from sgz_ledger.storage.sealing import PersonalDataSealer, SealError, pseudonym
from sgz_ledger.storage.subject_keys import SubjectKeyError

__all__ = ["DONOR_REF_HEX", "DonorNames", "ShownDonor", "donor_pseudonym", "donor_ref"]

# Hex digits of the key id in an erased donor's pseudonym: 48 bits, so that the pseudonyms
# of a station's erased donors do not collide in practice (the grouping uses the whole id).
DONOR_REF_HEX = 12


def donor_ref(key_id: bytes) -> str:
    """The short form of an individual donor's key id that names them once erased."""
    return key_id.hex()[:DONOR_REF_HEX]


def donor_pseudonym(key_id: bytes) -> str:
    """How outputs name an erased individual donor: ``已删除 erased 3fa2c1d0e9b8``."""
    return pseudonym(donor_ref(key_id))


class ShownDonor(NamedTuple):
    """An individual donor as an output shows them.

    Attributes:
        name: their name, or their pseudonym once erased.
        erased: whether they were erased (``name`` is then the pseudonym).
    """

    name: str
    erased: bool


class DonorNames:
    """Opens individual donors' sealed names for one output (one per report or export).

    Args:
        sealer: the ledger's sealer, with its subject keys.
        erased: whether the key with this id was erased (read from the log); asked once
            per key here.
    """

    def __init__(self, sealer: PersonalDataSealer, erased: Callable[[bytes], bool]) -> None:
        self._sealer = sealer
        self._erased = erased
        self._known: dict[bytes, bool] = {}

    def show(self, sealed: bytes) -> ShownDonor:
        """The donor of a gift whose ``donor_sealed`` is ``sealed``.

        Raises:
            SealError: the name is not sealed under a subject key, or its key cannot be
                unwrapped or opens nothing (a changed row: another cipher key cannot get
                this far, it is refused when the ledger opens).
        """
        key_id = self._sealer.key_id(sealed)
        if key_id is None:
            raise SealError("donor_name_format")
        erased = self._known.get(key_id)
        if erased is None:
            erased = self._known[key_id] = self._erased(key_id)
        if not erased:
            try:
                key = self._sealer.subject_key(sealed)
            except SubjectKeyError as e:
                raise SealError("donor_name_unopenable", error=e) from e
            # No key and no erasure event: an erasure recorded (by another process) since
            # the log was read here, whose key is already destroyed.
            erased = self._known[key_id] = key is None
        if erased:
            return ShownDonor(donor_pseudonym(key_id), True)
        return ShownDonor(self._sealer.open_name(sealed), False)
