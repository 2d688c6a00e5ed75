"""Goods-distribution sheets (物资发放登记): goods handed out from a fund's stock, each row one
handing-out, the file whole or not at all.

Told apart by the header: 基金 with 发放编号 (``fund`` with ``distribution_id``). Each
column may be named in English or Chinese:

``distribution_id`` 发放编号, ``date`` 日期, ``fund`` 基金, ``item`` 物资名称, ``unit`` 单位,
``quantity`` 数量, ``recipient`` 领取人 (who received them: a group, a household, a place),
``purpose`` 用途, ``signed_off_by`` 签收人 (who signed for them) (all required);
``restriction`` 限定用途 (the stock of goods given for that purpose; empty: unrestricted),
``handler`` 经办人 (empty: the ``--entered-by`` option).

A row is the ``distribute_goods`` command: the ledger checks the stock (item, unit and
restriction: goods given for a purpose go out only for it, rule 9) and books the value
that leaves with them. Rows of one fund are judged in file order, so a row that takes
more than is left after the rows above it is the one refused. One 发放编号 names one row of
the sheet; importing the same sheet again records nothing.
"""

from __future__ import annotations

from typing import Any

from sgz_ledger.domain.events import GoodsDistributed
from sgz_ledger.domain.fund import fund_uuid
from sgz_ledger.ledger import Ledger
from sgz_ledger.service import commands as b
from sgz_ledger.sheets.common import (
    COUNT,
    DATE,
    Column,
    ImportOptions,
    ImportSummary,
    RowPlan,
    RowReader,
    Sheet,
    SheetKind,
    events_between,
    record_whole,
    summary,
)

__all__ = ["GOODS_OUT", "import_goods_out"]

GOODS_OUT = SheetKind(
    name="goods_distributions",
    title="物资发放登记 goods-distribution sheet",
    identified_by=frozenset({"fund", "distribution_id"}),
    columns=(
        Column("distribution_id", ("发放编号", "派发编号"), required=True),
        Column("date", ("日期", "发放日期"), required=True, form=DATE),
        Column("fund", ("基金", "基金编号"), required=True),
        Column("item", ("物资名称", "物资"), required=True),
        Column("unit", ("单位",), required=True),
        Column("quantity", ("数量",), required=True, form=COUNT),
        Column("recipient", ("领取人", "受益对象"), required=True),
        Column("purpose", ("用途",), required=True),
        Column("signed_off_by", ("签收人", "签收"), required=True),
        Column("restriction", ("限定用途",)),
        Column("handler", ("经办人",)),
    ),
)

_FIELDS = {
    "fund_id": "fund",
    "distribution_id": "distribution_id",
    "item": "item",
    "unit": "unit",
    "quantity": "quantity",
    "recipient": "recipient",
    "purpose": "purpose",
    "signed_off_by": "signed_off_by",
    "restriction": "restriction",
    "actor": "handler",
}


def _plan(r: RowReader, options: ImportOptions, seen: dict[str, int]) -> RowPlan | None:
    distribution_id = r.text("distribution_id", required=True)
    r.once(seen, "distribution_id", distribution_id)
    fund_id = r.text("fund", required=True)
    quantity = r.whole_number("quantity")
    if quantity is None and not r.text("quantity"):
        r.problem("quantity", "missing_value")
    data: dict[str, Any] = {
        "actor": r.text("handler") or options.entered_by,
        "occurred_on": r.date("date", required=True),
        "fund_id": fund_id,
        "distribution_id": distribution_id,
        "item": r.text("item", required=True),
        "unit": r.text("unit", required=True),
        "quantity": quantity,
        "recipient": r.text("recipient", required=True),
        "purpose": r.prose("purpose", required=True),
        "signed_off_by": r.text("signed_off_by", required=True),
        "restriction": r.text("restriction"),
    }
    command = r.command(b.DistributeGoods, data, _FIELDS)
    if command is None:
        return None
    return RowPlan(line=r.row.line, group=fund_id, commands=(command,))


def import_goods_out(ledger: Ledger, sheet: Sheet, options: ImportOptions) -> ImportSummary:
    """Record every handing-out of a goods-distribution sheet in one batch (a repeat records
    nothing).

    Raises:
        SheetRefused: any bad row (every one is named); nothing was recorded.
    """
    assert sheet.kind is GOODS_OUT
    readers: list[RowReader] = []
    plans: list[RowPlan] = []
    seen: dict[str, int] = {}
    for row in sheet.rows:
        r = RowReader(sheet, row)
        readers.append(r)
        plan = _plan(r, options, seen)
        if plan is not None:
            plans.append(plan)
    problems = [*sheet.problems, *(p for r in readers for p in r.problems)]
    before = ledger.log_position()
    record_whole(
        ledger,
        plans,
        setup={},
        problems=problems,
        source=sheet.source,
        progress=options.progress,
        correction_note=options.correction_note,
    )
    funds = {fund_uuid(plan.group) for plan in plans}
    events = events_between(ledger, before, ledger.log_position(), funds)
    handed_out = sum(isinstance(e, GoodsDistributed) for e in events)
    return summary(
        sheet,
        already_present=len(plans) - handed_out,
        events_recorded=len(events),
        goods_distributions=handed_out,
    )
