"""The handlers of a station's register of people and its access policy (``domain.people``).

Who may run them is checked before, in the command runner (``service.access``): an
administrator, or anyone for the first person of an empty register.
"""

from __future__ import annotations

from typing import Any

from sgz_ledger.domain.aggregate import Stamp
from sgz_ledger.domain.errors import NotFound
from sgz_ledger.domain.people import Register, register_uuid
from sgz_ledger.service import commands as b
from sgz_ledger.service.access import register_of
from sgz_ledger.service.unit_of_work import Handler, UnitOfWork

__all__ = ["HANDLERS"]


def _register(work: UnitOfWork, station_id: str, *, create: bool = False) -> Register:
    register = register_of(work, station_id)
    if register is None:
        if not create:
            raise NotFound("register_of_people", station_id)
        register = Register(register_uuid(station_id))
        work.add(register)
    return register


def _add_person(work: UnitOfWork, c: b.AddPerson, stamp: Stamp) -> Any:
    return _register(work, c.station_id, create=True).add_person(
        stamp, station_id=c.station_id, person_id=c.person_id, name=c.name, roles=c.roles
    )


def _set_access(work: UnitOfWork, c: b.SetAccessPolicy, stamp: Stamp) -> Any:
    return _register(work, c.station_id, create=True).set_access(
        stamp,
        station_id=c.station_id,
        record=c.record,
        approve=c.approve,
        pay=c.pay,
        configure=c.configure,
        approver_may_pay=c.approver_may_pay,
    )


HANDLERS: dict[type[b.Command[Any]], Handler] = {
    b.AddPerson: _add_person,
    b.GrantRole: lambda w, c, s: _register(w, c.station_id).grant_role(
        s, person_id=c.person_id, role=c.role
    ),
    b.WithdrawRole: lambda w, c, s: _register(w, c.station_id).withdraw_role(
        s, person_id=c.person_id, role=c.role, reason=c.reason
    ),
    b.DeregisterPerson: lambda w, c, s: _register(w, c.station_id).leave(
        s, person_id=c.person_id, reason=c.reason
    ),
    b.SetAccessPolicy: _set_access,
}
