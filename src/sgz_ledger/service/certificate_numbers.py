"""Certificate numbers: who holds one, read from the log (for issuing and for checking).

A certificate's number is what a reader types to check it, so a number is unique in the
store, not only per volunteer: issuing one looks up every ``CertificateIssued`` first.
"""

from __future__ import annotations

from uuid import UUID

from sgz_ledger.domain.events import CertificateIssued, VolunteerRegistered
from sgz_ledger.storage.log import LogReader

__all__ = ["CertificateIndex", "certificate_holders", "issued_names"]


class CertificateIndex:
    """A pure fold: certificate number -> the volunteers (aggregate ids) who hold it.

    The domain keeps numbers unique per volunteer only, so one number can name
    certificates of two volunteers; verification then tells them apart by the code.
    """

    def __init__(self) -> None:
        self._holders: dict[str, list[UUID]] = {}

    def apply(self, event: object) -> None:
        """Fold one event (anything but ``CertificateIssued`` is ignored)."""
        if isinstance(event, CertificateIssued):
            holders = self._holders.setdefault(event.certificate_no, [])
            if event.originator_id not in holders:
                holders.append(event.originator_id)

    def holders(self, certificate_no: str) -> tuple[UUID, ...]:
        """The volunteers' aggregate ids holding ``certificate_no``, in order of issue."""
        return tuple(self._holders.get(certificate_no, ()))


def issued_names() -> tuple[str, ...]:
    # Every stored name CertificateIssued has had ("<tag>.v1" ... current), so that
    # certificates stored before a schema change are still found.
    tag = CertificateIssued.__struct_config__.tag
    assert isinstance(tag, str)
    return tuple(f"{tag}.v{n}" for n in range(1, CertificateIssued.version + 1))


def _scan_index(log: LogReader) -> CertificateIndex:
    """Fold every stored ``CertificateIssued`` (only those are read and decoded)."""
    index = CertificateIndex()
    for _, event in log.events(names=issued_names()):
        index.apply(event)
    return index


def _volunteer_id_of(log: LogReader, uid: UUID) -> str:
    first = log.first(uid)
    assert isinstance(first, VolunteerRegistered), "a volunteer's first event registers them"
    return first.volunteer_id


def certificate_holders(log: LogReader, certificate_no: str) -> tuple[str, ...]:
    """The codes of the volunteers who hold certificate ``certificate_no`` (usually one).

    Reads only the stored ``CertificateIssued`` events, so it works from the number
    alone, with nothing but the library and the store.
    """
    uids = _scan_index(log).holders(certificate_no)
    return tuple(_volunteer_id_of(log, uid) for uid in uids)
