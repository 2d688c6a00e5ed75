"""Command handlers, grouped per aggregate: for each command model, the function that runs
it in a unit of work (load the aggregates it names, call their command, return the event).
Every rule lives in the aggregates; a handler only gathers what they need."""

from typing import Any

from sgz_ledger.service import commands as b
from sgz_ledger.service.handlers import (
    delivery,
    donor,
    fund,
    levels,
    people,
    periods,
    projects,
    teams,
    volunteer,
)
from sgz_ledger.service.unit_of_work import Handler

__all__ = ["HANDLERS"]

# Every command model's handler (a test checks that each model has one).
HANDLERS: dict[type[b.Command[Any]], Handler] = {
    **fund.HANDLERS,
    **donor.HANDLERS,
    **volunteer.HANDLERS,
    **periods.HANDLERS,
    **people.HANDLERS,
    **levels.HANDLERS,
    **projects.HANDLERS,
    **delivery.HANDLERS,
    **teams.HANDLERS,
}
