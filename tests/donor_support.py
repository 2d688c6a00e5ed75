"""Shared by the individual donors' tests: a station year with gifts of people, its figures.

``record_gifts`` records, beside the demo station's year (whose donors are organisations
and anonymous givers), gifts of individual donors (``donor_is_person``): two people with
distinctive names, one of whom gives three times (cash twice, one of them partly refunded,
and goods, to two funds), and a third whose name is typed in two cases. ``figures`` is
every figure a report quotes, with every donor's name (and the anchor, which moves) left
out: what an erasure must leave exactly as it was.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import msgspec

from sgz_ledger import Ledger
from sgz_ledger.demo import record_demo_year

NOW = dt.datetime(2025, 1, 15, 2, 0, tzinfo=dt.UTC)
CLERK = "陈晓"
CZ, WH = "cz-cuizhai", "cz-wanghe"
FUNDS = ("cz-cuizhai", "cz-lishanren", "cz-wanghe", "cz-qingning")
# Individual donors: distinctive names, so that finding their bytes cannot be a coincidence.
PERSON = "欧阳春晓"
PERSON_2 = "司马秋月"
LATIN, LATIN_AGAIN = "Li Weiming", "LI WEIMING"
# An organisation of the demo (its name is not personal data and stays in every output).
COMPANY = "山东润泽农业科技有限公司"


def day(month: int, d: int) -> dt.date:
    return dt.date(2024, month, d)


def gift(
    ledger: Ledger,
    receipt_no: str,
    donor: str | None,
    amount: str = "1000",
    *,
    fund_id: str = CZ,
    person: bool = True,
    on: dt.date | None = None,
    **fields: Any,
) -> Any:
    """A cash gift of ``donor`` (a person unless ``person=False``)."""
    return ledger.receive_cash(
        fund_id=fund_id,
        receipt_no=receipt_no,
        amount=amount,
        donor=donor,
        donor_is_person=person,
        actor=CLERK,
        occurred_on=on or day(3, 2),
        **fields,
    )


def record_gifts(ledger: Ledger) -> None:
    """The demo year and the individual donors' gifts (see the module docs)."""
    record_demo_year(ledger)
    gift(ledger, "P-001", PERSON, "1000", restriction="助学", on=day(3, 2))
    ledger.receive_goods(
        fund_id=CZ,
        receipt_no="P-002",
        donor=PERSON,
        donor_is_person=True,
        restriction="助学",
        items=[{"item": "书包", "quantity": 20, "unit": "个", "value": "800", "basis": "document"}],
        actor=CLERK,
        occurred_on=day(4, 2),
    )
    ledger.refund_donation(
        fund_id=CZ, refund_id="T-P1", receipt_no="P-001", amount="200", reason="多转，原路退回",
        actor="周敏", occurred_on=day(3, 20),
    )  # fmt: skip
    gift(ledger, "P-003", PERSON_2, "300", on=day(5, 1))
    gift(ledger, "P-004", LATIN, "500", on=day(5, 2))
    gift(ledger, "P-005", LATIN_AGAIN, "600", on=day(6, 2))
    gift(ledger, "P-006", PERSON, "2000", fund_id=WH, restriction="助老", on=day(7, 1))


def erase(ledger: Ledger, donor: str = PERSON, **fields: Any) -> Any:
    """Erase a donor as a station would: asked by the person, entered by the clerk."""
    values: dict[str, Any] = {
        "donor": donor,
        "reason": "本人申请删除姓名",
        "requested_by": "本人",
        "actor": CLERK,
        "occurred_on": dt.date(2025, 1, 14),
    }
    values.update(fields)
    return ledger.erase_donor(**values)


_NAMED = frozenset({"counterparty", "donor", "person", "erased", "anchor"})


def _unnamed(value: Any) -> Any:
    """``value`` without any field that names a donor (or the anchor), at any depth."""
    if isinstance(value, dict):
        return {k: _unnamed(v) for k, v in value.items() if k not in _NAMED}
    if isinstance(value, list | tuple):
        return [_unnamed(v) for v in value]
    return value


def figures(ledger: Ledger) -> dict[str, Any]:
    """Every figure the reports quote, names of donors and anchors left out."""
    donors = msgspec.to_builtins(ledger.donor_summary())
    rows = sorted(
        (_unnamed(row) for row in donors["donors"]),
        key=lambda r: msgspec.json.encode(r, order="deterministic"),
    )
    return {
        "report": _unnamed(msgspec.to_builtins(ledger.annual_report(2024))),
        "balances": msgspec.to_builtins(ledger.balances()),
        "statements": {f: _unnamed(msgspec.to_builtins(ledger.statement(f))) for f in FUNDS},
        "disclosures": {
            f: _unnamed(
                msgspec.to_builtins(ledger.disclosure(f, from_day=day(1, 1), to_day=day(12, 31)))
            )
            for f in FUNDS
        },
        "donor_rows": rows,
    }


def statement_names(ledger: Ledger, fund_id: str = CZ) -> dict[str, str]:
    """Each gift's counterparty in the fund's statement, by receipt number."""
    return {
        line.ref: line.counterparty
        for line in ledger.statement(fund_id).lines
        if line.kind in ("donation", "in_kind_donation")
    }
