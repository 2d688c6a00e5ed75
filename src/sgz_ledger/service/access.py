"""Who may do what, checked once for every path (rules 26 to 28).

Every command (from the API, a batch, a sheet import, the command line) reaches the
aggregates through the command runner, which calls ``authorise`` before the command's
handler. When the station the command acts for (``service.stations.station_of``) keeps a
register of people (``domain.people.Register``), the command's ``actor`` must be one
registered, active person (by their id, or by a name exactly one of them goes by, in
canonical form) whose roles allow the command's action; the stamp then names that person
by id, so every event records the id and every four-eyes comparison in the aggregates
compares people, not spellings. A station with nobody registered works without the check
(its actors are names, compared in canonical form).

Actions: ``configure`` (the register, the access policy, the station's policy, opening and
closing funds, erasing a volunteer's or a donor's personal data, recording a publication,
closing a period, claiming the ID numbers of volunteers that hold none: ``upgrade``),
``approve`` (approving or rejecting a disbursement), ``pay`` (paying a disbursement,
reversing a payment, refunding a gift) and ``record`` (everything else: gifts, goods, service
records and their approval, volunteers, activities, requests, notices, the time bank,
certificates, teams and their members, awards and evaluations: the station's staff record
what happened, as with service). Approving a service record is recording: the organising
unit's staff check the service they organised (办法 Art. 11), and the volunteers' rule that
the approver is not the recorder still holds. Erasing a donor's name acts for no one station
(a donor may give to several): where any station keeps a register, an administrator of one of
them erases. The store's register of levels (district, station, community room) acts for no
one station either: where any station keeps a register of people, an administrator of one of
them configures it.
"""

from __future__ import annotations

from typing import Any

from sgz_ledger.domain.aggregate import Stamp
from sgz_ledger.domain.events import PersonAdded
from sgz_ledger.domain.people import AccessRefused, Action, Person, Register, register_uuid
from sgz_ledger.service import commands as b
from sgz_ledger.service.stations import station_of
from sgz_ledger.service.unit_of_work import UnitOfWork

__all__ = ["ACTION_OF", "action_of", "approver_may_pay", "authorise", "register_of"]

# The commands whose action is not ``record``.
ACTION_OF: dict[type[b.Command[Any]], Action] = {
    b.AddPerson: "configure",
    b.GrantRole: "configure",
    b.WithdrawRole: "configure",
    b.DeregisterPerson: "configure",
    b.SetAccessPolicy: "configure",
    b.SetStationPolicy: "configure",
    b.OpenFund: "configure",
    b.CloseFund: "configure",
    b.ErasePersonalData: "configure",
    b.EraseDonor: "configure",
    b.EraseServedPerson: "configure",
    b.PublishReport: "configure",
    b.ClosePeriod: "configure",
    b.ClaimIdNumber: "configure",
    b.RegisterUnit: "configure",
    b.RenameUnit: "configure",
    b.MoveUnit: "configure",
    b.RetireUnit: "configure",
    b.OpenProject: "configure",
    b.AmendBudgetLine: "configure",
    b.CloseProject: "configure",
    b.ApproveDisbursement: "approve",
    b.RejectDisbursement: "approve",
    b.PayDisbursement: "pay",
    b.ReversePayment: "pay",
    b.RefundDonation: "pay",
}


# The commands that act for no one station: erasing a donor's name (a donor may give to
# several) and the register of levels (a district spans stations).
_FOR_THE_STORE = (b.EraseDonor, b.RegisterUnit, b.RenameUnit, b.MoveUnit, b.RetireUnit)


def register_of(work: UnitOfWork, station_id: str) -> Register | None:
    """The station's register, or ``None`` when it never registered anyone or set a policy."""
    return work.find(register_uuid(station_id), Register)


def action_of(command: b.Command[Any]) -> Action:
    """What kind of action ``command`` is: ``record`` unless ``ACTION_OF`` says otherwise."""
    return ACTION_OF.get(type(command), "record")


def authorise(work: UnitOfWork, command: b.Command[Any], stamp: Stamp) -> Stamp:
    """The stamp to run ``command`` with: ``stamp`` itself where the station registers
    nobody, else a stamp naming the registered person by id (their name, and the name the
    command gave, as aliases).

    Raises:
        AccessRefused: the actor is not one registered, active person of the station
            (``actor_not_registered``, ``actor_ambiguous``), or their roles do not allow
            the command's action (``not_permitted``).
    """
    station = station_of(work, command)
    if station is None:
        if isinstance(command, _FOR_THE_STORE):
            return _authorise_for_the_store(work, command, stamp)
        return stamp  # names nothing that exists: its handler refuses it (NotFound)
    register = register_of(work, station)
    if register is None or not register.has_people:
        return stamp  # nobody registered yet: the first person is added by whoever
    person = register.resolve(command.actor)
    register.check(person, action_of(command), type(command).__name__)
    return _as_person(stamp, command, person)


def _as_person(stamp: Stamp, command: b.Command[Any], person: Person) -> Stamp:
    """``stamp`` naming ``person`` by id, their name and the command's actor as aliases."""
    aliases = tuple(dict.fromkeys(a for a in (person.name, command.actor) if a != person.person_id))
    return Stamp(
        actor=person.person_id,
        occurred_on=stamp.occurred_on,
        recorded_at=stamp.recorded_at,
        aliases=aliases,
    )


# Every stored name of a person's registration: the stations that keep a register.
_PERSON_ADDED_NAMES = frozenset(
    f"{PersonAdded.__struct_config__.tag}.v{n}"
    for n in range(1, getattr(PersonAdded, "version", 1) + 1)
)


def _authorise_for_the_store(work: UnitOfWork, command: b.Command[Any], stamp: Stamp) -> Stamp:
    """A command that acts for no one station (erasing a donor's name: a donor may give to
    several; the register of levels: a district spans stations): where any station of the
    store keeps a register, its actor is a person one of those stations registered whose
    roles there allow the action. Read from the log's registrations (indexed by name):
    such commands are rare.

    Raises:
        AccessRefused: no station's register has the actor, or allows them the action.
    """
    stations = sorted({e.station_id for _, e in work.log_reader.events(names=_PERSON_ADDED_NAMES)})
    refusal: AccessRefused | None = None
    for station in stations:
        register = register_of(work, station)
        if register is None:
            continue
        try:
            person = register.resolve(command.actor)
            register.check(person, action_of(command), type(command).__name__)
        except AccessRefused as e:
            refusal = refusal or e
            continue
        return _as_person(stamp, command, person)
    if refusal is not None:
        raise refusal
    return stamp


def approver_may_pay(work: UnitOfWork, station_id: str) -> bool:
    """Whether the station lets one who approved a request pay it (rule 28): its access
    policy's setting (by default not); a station without a register: as it always did."""
    register = register_of(work, station_id)
    return True if register is None else register.access().approver_may_pay
