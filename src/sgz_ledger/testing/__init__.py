"""A property-testing kit for station teams who embed the ledger (needs hypothesis:
``pip install sgz-ledger[testing]``; docs/testing.md).

* Strategies (``sgz_ledger.testing.strategies``) for commands the ledger accepts: the
  station's people (``staffs``), funds, gifts in cash and in kind, disbursements from
  request to payment, volunteers, activities, service records, projects; and
  ``histories``, whole command sequences a fresh ``Ledger("memory:")`` records.
* ``LedgerMachine``: a hypothesis state machine a station team subclasses to drive its own
  code, holding the ledger to its invariants after every step.
* ``check_invariants``: the same invariants (``INVARIANTS``) for any ledger, against a
  recount of its log (``recount``); a violation is ``InvariantViolated``, naming it.
"""

from __future__ import annotations

try:
    import hypothesis  # noqa: F401 - only to say which extra is missing
except ImportError as missing:  # pragma: no cover - the test extra installs it
    msg = (
        "sgz_ledger.testing needs hypothesis, which is not installed: "
        "pip install sgz-ledger[testing]"
    )
    raise ImportError(msg, name="hypothesis") from missing

from sgz_ledger.testing.invariants import (
    INVARIANTS,
    YEAR_FIGURES,
    CashCount,
    FundCount,
    FundYearCount,
    GoodsCount,
    InvariantViolated,
    RecordCount,
    Recount,
    VolunteerCount,
    check_invariants,
    recount,
)
from sgz_ledger.testing.machine import LedgerMachine
from sgz_ledger.testing.strategies import (
    FIRST_DAY,
    LAST_DAY,
    YEAR,
    Category,
    Staff,
    Stage,
    activities,
    amounts_fen,
    cash_gifts,
    dates,
    disbursements,
    funds,
    goods_gifts,
    histories,
    projects,
    restrictions,
    service_records,
    staffs,
    station_policies,
    volunteers,
)

__all__ = [
    "FIRST_DAY",
    "INVARIANTS",
    "LAST_DAY",
    "YEAR",
    "YEAR_FIGURES",
    "CashCount",
    "Category",
    "FundCount",
    "FundYearCount",
    "GoodsCount",
    "InvariantViolated",
    "LedgerMachine",
    "RecordCount",
    "Recount",
    "Staff",
    "Stage",
    "VolunteerCount",
    "activities",
    "amounts_fen",
    "cash_gifts",
    "check_invariants",
    "dates",
    "disbursements",
    "funds",
    "goods_gifts",
    "histories",
    "projects",
    "recount",
    "restrictions",
    "service_records",
    "staffs",
    "station_policies",
    "volunteers",
]
