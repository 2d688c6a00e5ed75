"""A station's people and who may do what: the register (rules 25 to 29).

One ``Register`` per station (its id derives from the station's code) holds the people who
work there, each under a person id (a staff number) with a name label and roles, and the
station's access policy: which roles may record, approve, pay and configure. The policy
has defaults when it was never set (``DEFAULT_ACCESS``): clerks and social workers record,
the committee approves, a cashier pays, an administrator configures, and the approver of
a request may not pay it.

The register only keeps its own rules (the first person is an administrator; the last
administrator stays one; an auditor holds no other role). Which command needs which
action, and the refusal of an actor who may not take it, are checked once for every path
in the command runner (``service.access``); each event then names the person by id.

Nothing here reads a clock or does I/O.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Literal, get_args
from uuid import UUID, uuid5

import msgspec

from sgz_ledger.domain.aggregate import Aggregate, Stamp
from sgz_ledger.domain.errors import InvalidTransition, NotFound, RuleViolation
from sgz_ledger.domain.events import (
    AccessPolicySet,
    PeopleEvent,
    PersonAdded,
    PersonLeft,
    RoleGranted,
    RoleWithdrawn,
)
from sgz_ledger.domain.messages import entry
from sgz_ledger.domain.text import person_key

__all__ = [
    "ACTIONS",
    "DEFAULT_ACCESS",
    "ROLES",
    "ROLE_LABELS",
    "AccessRefused",
    "Action",
    "Person",
    "Register",
    "Role",
    "register_uuid",
]

_NAMESPACE = UUID("4a8d2c61-93b5-4f0e-8e27-5c1d7b3a9f42")

Role = Literal["social_worker", "clerk", "cashier", "committee", "auditor", "admin"]
ROLES: tuple[Role, ...] = get_args(Role)
ROLE_LABELS: dict[str, str] = {
    "social_worker": "社工",
    "clerk": "录入员",
    "cashier": "出纳",
    "committee": "管委会",
    "auditor": "审计",
    "admin": "管理员",
}
Action = Literal["record", "approve", "pay", "configure"]
ACTIONS: tuple[Action, ...] = get_args(Action)
AUDITOR: Role = "auditor"
ADMIN: Role = "admin"


class DefaultAccess(msgspec.Struct, frozen=True, kw_only=True):
    """The access policy of a station that never set one (the fields of ``AccessPolicySet``)."""

    record: tuple[str, ...] = ("social_worker", "clerk")
    approve: tuple[str, ...] = ("committee",)
    pay: tuple[str, ...] = ("cashier",)
    configure: tuple[str, ...] = ("admin",)
    approver_may_pay: bool = False


DEFAULT_ACCESS = DefaultAccess()


class AccessRefused(RuleViolation):
    """The command's actor may not act for the station: not in its register
    (``actor_not_registered``), a name more than one registered person goes by
    (``actor_ambiguous``), or a person whose roles do not allow the action
    (``not_permitted``, an auditor always). Nothing was recorded.

    Attributes:
        reason: one of the three codes above.
        station_id: the station whose register refused the actor.
        actor: the actor as the command named them.
    """

    reason = "access_refused"

    def __init__(
        self, reason: str, station_id: str, actor: str, *, code: str = "", **params: object
    ) -> None:
        super().__init__(code or reason, station_id=station_id, actor=actor, **params)
        self.reason = reason
        self.station_id = station_id
        self.actor = actor


@lru_cache(maxsize=4096)
def register_uuid(station_id: str) -> UUID:
    """The aggregate id of the register of people of the station ``station_id``."""
    return uuid5(_NAMESPACE, "people:" + station_id)


class Person(msgspec.Struct, kw_only=True):
    """One person of a register, as they stand now.

    Attributes:
        person_id: their id; ``name``: their name label; ``key``: ``person_key(name)``.
        roles: the roles they hold now; ``active``: False once they left.
    """

    person_id: str
    name: str
    key: str
    roles: tuple[str, ...]
    active: bool = True


class Register(Aggregate):
    """A station's people and its access policy, rebuilt from its events."""

    def __init__(self, id: UUID) -> None:
        super().__init__(id)
        self.station_id = ""
        self.people: dict[str, Person] = {}
        self.added: dict[str, PersonAdded] = {}
        self.policy: AccessPolicySet | None = None

    def _mutate(self, event: Any) -> None:
        assert isinstance(event, PeopleEvent)
        self.station_id = event.station_id
        match event:
            case PersonAdded():
                self.added[event.person_id] = event
                self.people[event.person_id] = Person(
                    person_id=event.person_id,
                    name=event.name,
                    key=person_key(event.name),
                    roles=event.roles,
                )
            case RoleGranted():
                p = self.people[event.person_id]
                p.roles = (*p.roles, event.role)
            case RoleWithdrawn():
                p = self.people[event.person_id]
                p.roles = tuple(r for r in p.roles if r != event.role)
            case PersonLeft():
                self.people[event.person_id].active = False
            case AccessPolicySet():
                self.policy = event
            case _:  # pragma: no cover - every PeopleEvent is matched above
                msg = f"unhandled event {type(event).__name__}"
                raise AssertionError(msg)

    # ---- reading -------------------------------------------------------------------------

    @property
    def has_people(self) -> bool:
        """Whether anyone was ever registered (then every command is checked against it)."""
        return bool(self.people)

    def access(self) -> AccessPolicySet | DefaultAccess:
        """The policy in force: the one set, or the defaults."""
        return self.policy if self.policy is not None else DEFAULT_ACCESS

    def roles_for(self, action: str) -> tuple[str, ...]:
        """The roles allowed ``action`` (an auditor never writes, whatever the policy)."""
        roles: tuple[str, ...] = getattr(self.access(), action)
        return tuple(r for r in roles if r != AUDITOR)

    def may(self, person: Person, action: str) -> bool:
        """Whether ``person`` may take ``action`` (rule 27): active, no auditor, a role
        the policy allows."""
        if not person.active or AUDITOR in person.roles:
            return False
        return any(r in person.roles for r in self.roles_for(action))

    def resolve(self, actor: str) -> Person:
        """The one active person ``actor`` names: their id, or a name whose canonical form
        (``person_key``) is exactly one active person's (rule 26).

        Raises:
            AccessRefused: nobody active by that id or name (``actor_not_registered``), or
                more than one person by that name (``actor_ambiguous``).
        """
        station = self.station_id
        person = self.people.get(actor)
        if person is not None:
            if person.active:
                return person
            raise AccessRefused(
                "actor_not_registered", station, actor, code="actor_left", name=person.name
            )
        key = person_key(actor)
        found = [p for p in self.people.values() if p.active and p.key == key]
        if len(found) == 1:
            return found[0]
        if found:
            raise AccessRefused(
                "actor_ambiguous",
                station,
                actor,
                count=len(found),
                ids=[p.person_id for p in found],
            )
        raise AccessRefused("actor_not_registered", station, actor)

    def check(self, person: Person, action: str, what: str) -> None:
        """Refuse (``not_permitted``) when ``person`` may not take ``action`` (rule 27)."""
        if self.may(person, action):
            return
        if AUDITOR in person.roles:
            code = "not_permitted_auditor"
        else:
            code = "not_permitted" if person.roles else "not_permitted_no_role"
        raise AccessRefused(
            "not_permitted",
            self.station_id,
            person.person_id,
            code=code,
            name=person.name,
            action=action,
            command=what,
            held=list(person.roles),
            needed=list(self.roles_for(action)) or ["any"],
        )

    # ---- commands ------------------------------------------------------------------------

    def _person(self, person_id: str) -> Person:
        person = self.people.get(person_id)
        if person is None:
            raise NotFound("person", person_id)
        return person

    def _check_roles(self, roles: tuple[str, ...]) -> None:
        if AUDITOR in roles and len(roles) > 1:
            raise RuleViolation("auditor_other_role")

    def add_person(
        self, stamp: Stamp, *, station_id: str, person_id: str, name: str, roles: tuple[str, ...]
    ) -> PersonAdded:
        """Register a person with their roles (rule 25); the first one is an administrator."""
        fields = {"station_id": station_id, "name": name, "roles": roles}
        recorded = self.added.get(person_id)
        if recorded is not None:
            return self._repeat(entry("person", person_id), recorded, stamp, **fields)
        if not roles:
            raise RuleViolation("person_without_role", name=name, person_id=person_id)
        if not self.people and ADMIN not in roles:
            raise RuleViolation("first_person_admin", station_id=station_id)
        self._check_roles(roles)
        return self._trigger(PersonAdded, stamp, person_id=person_id, **fields)

    def grant_role(self, stamp: Stamp, *, person_id: str, role: str) -> RoleGranted | None:
        """Give a person one more role; ``None`` when they hold it already."""
        person = self._person(person_id)
        if not person.active:
            raise InvalidTransition("person_left", name=person.name, person_id=person_id)
        if role in person.roles:
            return None
        self._check_roles((*person.roles, role))
        return self._trigger(
            RoleGranted, stamp, station_id=self.station_id, person_id=person_id, role=role
        )

    def _last_admin(self, person: Person) -> bool:
        admins = [p for p in self.people.values() if p.active and ADMIN in p.roles]
        return admins == [person]

    def withdraw_role(
        self, stamp: Stamp, *, person_id: str, role: str, reason: str
    ) -> RoleWithdrawn:
        """Take a role away; the last administrator's is kept (someone must configure)."""
        person = self._person(person_id)
        if not person.active or role not in person.roles:
            raise InvalidTransition(
                "role_not_held", name=person.name, person_id=person_id, role=role
            )
        if role == ADMIN and self._last_admin(person):
            raise RuleViolation("last_admin", name=person.name, person_id=person_id)
        return self._trigger(
            RoleWithdrawn,
            stamp,
            station_id=self.station_id,
            person_id=person_id,
            role=role,
            reason=reason,
        )

    def leave(self, stamp: Stamp, *, person_id: str, reason: str) -> PersonLeft | None:
        """A person leaves the station; ``None`` when they had left already."""
        person = self._person(person_id)
        if not person.active:
            return None
        if ADMIN in person.roles and self._last_admin(person):
            raise RuleViolation("last_admin", name=person.name, person_id=person_id)
        return self._trigger(
            PersonLeft, stamp, station_id=self.station_id, person_id=person_id, reason=reason
        )

    def set_access(self, stamp: Stamp, **fields: Any) -> AccessPolicySet:
        """Set which roles may do what (rule 27); the same policy again records nothing."""
        if self.policy is not None and all(getattr(self.policy, k) == v for k, v in fields.items()):
            return self.policy
        for action in ACTIONS:
            roles = fields[action]
            if not roles:
                raise RuleViolation("action_without_role", action=action)
            if AUDITOR in roles:
                raise RuleViolation("auditor_in_policy")
        if ADMIN not in fields["configure"]:
            raise RuleViolation("admin_configures")
        return self._trigger(AccessPolicySet, stamp, **fields)
