"""Claiming the ID numbers of volunteers that hold none (rule 39), for ``Ledger.upgrade``.

A volunteer registered before ID-number claims existed holds no ``IdNumberClaim``, so a new
volunteer with that number would not be refused. ``claim_unclaimed`` finds every registered
volunteer whose personal data can still be opened, with an ID number no claim names them for,
and claims it through the command runner (``ClaimIdNumber``, one batch: one atomic, chained
write, every rule and the station's register of people as for any command). Where two such
volunteers share a number, the one registered first (in log order) gets the claim, or the
volunteer who holds it already; each other one is a finding (``SharedIdNumber``, volunteer
ids only): the ledger never edits history, the station corrects one of them with
``correct_volunteer_profile``.

``ClaimIdNumber`` (``service.commands``) is internal: it has no typed method of its own,
and the runner knows it through ``CLAIM_HANDLERS``. Its action is ``configure``
(``service.access.ACTION_OF``): where the volunteer's station keeps a register of people, the
upgrade names one registered person allowed to configure (``actor``); where it keeps none,
the actor is a name, by default ``UPGRADE_ACTOR``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, Protocol

import msgspec

from sgz_ledger.domain.aggregate import Stamp
from sgz_ledger.domain.errors import PersonalDataErasedError
from sgz_ledger.domain.events import VolunteerRegistered
from sgz_ledger.domain.id_claims import IdNumberClaim, id_claim_uuid
from sgz_ledger.domain.volunteer import STATION_TZ, Volunteer, volunteer_uuid
from sgz_ledger.service import commands as b
from sgz_ledger.service.commands import ClaimIdNumber
from sgz_ledger.service.handlers.volunteer import claim_of
from sgz_ledger.service.unit_of_work import CommandRunner, Handler, UnitOfWork
from sgz_ledger.storage.log import LogReader
from sgz_ledger.storage.sealing import PersonalDataSealer, SealError
from sgz_ledger.storage.subject_keys import volunteer_subject


class ClaimingLedger(Protocol):
    """What claiming reads and runs: the ledger's log reader, command runner and sealer (a
    protocol, not the service's class, so that the service can import this module)."""

    @property
    def log_reader(self) -> LogReader: ...

    @property
    def commands(self) -> CommandRunner: ...

    @property
    def sealer(self) -> PersonalDataSealer: ...


__all__ = [
    "CLAIM_HANDLERS",
    "UPGRADE_ACTOR",
    "SharedIdNumber",
    "claim_unclaimed",
]

# Who claims where the volunteer's station registers nobody (its actors are names there).
UPGRADE_ACTOR = "sgz-ledger upgrade"


class SharedIdNumber(msgspec.Struct, frozen=True, kw_only=True):
    """Two volunteers registered with one ID number (a finding of ``upgrade``).

    Attributes:
        holder: the volunteer who holds the number's claim.
        volunteer_id: the other volunteer with the same number, who holds no claim: the
            station corrects one of the two (``correct_volunteer_profile``).
    """

    holder: str
    volunteer_id: str


def _claim_registered(work: UnitOfWork, c: ClaimIdNumber, stamp: Stamp) -> Any:
    """``ClaimIdNumber``'s handler: the claim of the number in the volunteer's data now.

    Raises:
        PersonalDataErasedError: the volunteer's personal data was erased.
        DuplicateIdNumber: another volunteer holds the number.
    """
    volunteer = work.volunteer(c.volunteer_id)
    volunteer.require_personal_data()
    sealer = work.sealer
    sealed = volunteer.state.personal_sealed
    found = claim_of(work, sealer.open(sealed, work.new_keys).id_number)
    if found is None:
        return None
    claim, holder = found
    # The holder's own key (data sealed before subject keys: a new key of theirs), so that
    # erasing the volunteer lapses the claim with them.
    key = sealer.subject_key(sealed, work.new_keys) or work.new_key(
        volunteer_subject(c.volunteer_id), stamp.recorded_at
    )
    return claim.claim(
        stamp,
        volunteer_id=c.volunteer_id,
        holder=holder,
        holder_sealed=sealer.seal_name(c.volunteer_id, key),
    )


CLAIM_HANDLERS: dict[type[b.Command[Any]], Handler] = {ClaimIdNumber: _claim_registered}


def _registered_names() -> tuple[str, ...]:
    # Every stored name VolunteerRegistered has had, so older registrations are found too.
    tag = VolunteerRegistered.__struct_config__.tag
    assert isinstance(tag, str)
    return tuple(f"{tag}.v{n}" for n in range(1, VolunteerRegistered.version + 1))


def _registered_in_order(ledger: ClaimingLedger) -> list[str]:
    """Every registered volunteer's id, in the order they were first recorded."""
    ids: dict[str, None] = {}
    for _, event in ledger.log_reader.events(names=_registered_names()):
        assert isinstance(event, VolunteerRegistered)
        ids.setdefault(event.volunteer_id, None)
    return list(ids)


def _id_number_of(ledger: ClaimingLedger, volunteer_id: str) -> str:
    """The volunteer's ID number now; ``""`` for none, or data erased or unreadable."""
    volunteer = ledger.commands.load(volunteer_uuid(volunteer_id), Volunteer)
    if volunteer is None:
        return ""
    try:
        volunteer.require_personal_data()
        return ledger.sealer.open(volunteer.state.personal_sealed).id_number
    except (PersonalDataErasedError, SealError):
        return ""


def _holder(ledger: ClaimingLedger, claim_hash: str) -> str | None:
    """Who holds the claim named ``claim_hash`` (``None``: none, released, or lapsed)."""
    claim = ledger.commands.load(id_claim_uuid(claim_hash), IdNumberClaim)
    if claim is None or claim.holder_sealed is None:
        return None
    try:
        return ledger.sealer.open_name(claim.holder_sealed)
    except SealError:
        return None  # its holder was erased: the claim lapsed with them


def claim_unclaimed(
    ledger: ClaimingLedger, actor: str, clock: Callable[[], dt.datetime]
) -> tuple[int, tuple[SharedIdNumber, ...]]:
    """Claim, in one write, the ID number of every volunteer that holds none.

    Args:
        actor: who claims (a registered person where the station keeps a register).
        clock: the ledger's clock (the claims' business date is its day in China now).

    Returns:
        How many numbers were claimed, and the volunteers that share a number with the
        volunteer who holds (or was given) its claim.

    Raises:
        LedgerError: a claim was refused (``BatchCommandRefused``: most often
            ``AccessRefused``, the actor not registered or not allowed); nothing recorded.
    """
    holders: dict[str, str] = {}  # claim hash -> who holds it or is given it here
    to_claim: list[str] = []
    shared: list[SharedIdNumber] = []
    for volunteer_id in _registered_in_order(ledger):
        claim_hash = ledger.sealer.id_claim(_id_number_of(ledger, volunteer_id))
        if not claim_hash:
            continue
        if claim_hash not in holders:
            holder = _holder(ledger, claim_hash)
            if holder is None:
                to_claim.append(volunteer_id)
                holder = volunteer_id
            holders[claim_hash] = holder
        holder = holders[claim_hash]
        if holder != volunteer_id:
            shared.append(SharedIdNumber(holder=holder, volunteer_id=volunteer_id))
    if to_claim:
        on = clock().astimezone(STATION_TZ).date()
        ledger.commands.run(
            [
                b.validate_command(
                    ClaimIdNumber, {"volunteer_id": v, "actor": actor, "occurred_on": on}
                )
                for v in to_claim
            ],
            batch=True,
        )
    return len(to_claim), tuple(shared)
