"""Time-bank sheets (时间银行台账): deposits, redemptions and transfers (rule 6), each row one
entry, the file whole or not at all.

Told apart by the header: 志愿者编号 with 业务 (``volunteer_id`` with ``operation``). Each
column may be named in English or Chinese:

``operation`` 业务 (``bank`` 存入, ``redeem`` 兑换, ``transfer`` 转赠), ``date`` 日期,
``volunteer_id`` 志愿者编号, ``entry_id`` 单号 (all required): for a deposit the banked
service record's 记录编号, for a redemption or a transfer its own id; ``hours`` 小时 (the
credit of a redemption or transfer, at most 2 decimals: 0.01 h is 36 s, read exactly);
``item`` 项目 (what a redemption buys), ``quantity`` 数量 (default 1), ``counterparty`` 提供方
(who provides it), ``approver`` 审批人; ``fund`` 基金, ``unit`` 单位 and ``restriction``
限定用途 for a redemption paid in goods of a fund's stock (爱心超市, rule 56: the goods leave
with the credit, or neither); ``to_volunteer_id`` 受赠志愿者 and ``reason`` 原因 for a
transfer; ``handler`` 经办人 (empty: the ``--entered-by`` option).

Choices made here, each for a reason:

* A row is the command the API would be given (``bank_hours``, ``redeem_hours``,
  ``redeem_hours_for_goods``, ``transfer_hours``); every rule (an approved record, banked
  once; the approver not the clerk; the station's credit limit; goods in stock) is the
  ledger's, never checked a second time here.
* Rows are judged in file order within a volunteer. A transfer credits another volunteer
  and a redemption in goods draws on a fund's stock that others draw on too: a sheet with
  either is judged as one group in file order, so every refusal is the one the station's
  own order of entries gives.
* A cell that says nothing for its row's kind of entry (hours on a deposit, a receiver on a
  redemption, a provider on a redemption paid in goods) is refused, not ignored: it is a
  clerk's mistake, and ignoring it would record something other than what they meant.
* One 单号 names one entry of a kind in a sheet: the same one again is a copying mistake,
  refused as ``duplicate_key``. Importing the same sheet again records nothing.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal
from typing import Any, Literal
from uuid import UUID

from sgz_ledger.domain.events import (
    GoodsDistributed,
    HoursBanked,
    HoursRedeemed,
    HoursTransferredOut,
)
from sgz_ledger.domain.fund import fund_uuid
from sgz_ledger.domain.messages import Phrase
from sgz_ledger.domain.volunteer import volunteer_uuid
from sgz_ledger.ledger import Ledger
from sgz_ledger.service import commands as b
from sgz_ledger.sheets.common import (
    CHOICE,
    COUNT,
    DATE,
    HOURS,
    Column,
    ImportOptions,
    ImportSummary,
    RowPlan,
    RowReader,
    Sheet,
    SheetKind,
    ValueRefused,
    events_between,
    record_whole,
    summary,
)

__all__ = ["OPERATIONS", "TIMEBANK", "import_timebank", "parse_hours_s"]

Operation = Literal["bank", "redeem", "transfer"]
# What a 业务 cell may say.
OPERATIONS: Mapping[str, Operation] = {
    "bank": "bank",
    "存入": "bank",
    "存储": "bank",
    "redeem": "redeem",
    "兑换": "redeem",
    "transfer": "transfer",
    "转赠": "transfer",
}
TIMEBANK = SheetKind(
    name="timebank",
    title="时间银行台账 time-bank sheet",
    identified_by=frozenset({"volunteer_id", "operation"}),
    columns=(
        Column(
            "operation", ("业务", "业务类型"), required=True, form=CHOICE, choices=tuple(OPERATIONS)
        ),
        Column("date", ("日期",), required=True, form=DATE),
        Column("volunteer_id", ("志愿者编号",), required=True),
        Column("entry_id", ("单号", "业务编号"), required=True),
        Column("hours", ("小时", "小时数", "时长小时"), form=HOURS),
        Column("item", ("项目", "兑换项目")),
        Column("quantity", ("数量",), form=COUNT),
        Column("counterparty", ("提供方",)),
        Column("approver", ("审批人",)),
        Column("fund", ("基金", "基金编号")),
        Column("unit", ("单位",)),
        Column("restriction", ("限定用途",)),
        Column("to_volunteer_id", ("受赠志愿者", "受赠志愿者编号")),
        Column("reason", ("原因",)),
        Column("handler", ("经办人",)),
    ),
)

_HOURS = re.compile(r"[0-9]+(?:\.[0-9]{1,2})?")
_SECONDS_PER_HOUR = 3600
_ONE_GROUP = "timebank"

# Cells that say nothing for an entry of another kind: filled in, they are a clerk's mistake
# (a deposit's credit is its record's time at the station's rate, not a number typed).
_NOT_WITH: Mapping[Operation, tuple[str, ...]] = {
    "bank": (
        "hours", "item", "quantity", "counterparty", "approver", "fund", "unit", "restriction",
        "to_volunteer_id", "reason",
    ),
    "redeem": ("to_volunteer_id", "reason"),
    "transfer": ("item", "quantity", "counterparty", "approver", "fund", "unit", "restriction"),
}  # fmt: skip

_BANK_FIELDS = {"volunteer_id": "volunteer_id", "record_id": "entry_id", "actor": "handler"}
_REDEEM_FIELDS = {
    "volunteer_id": "volunteer_id",
    "redemption_id": "entry_id",
    "credit_s": "hours",
    "item": "item",
    "quantity": "quantity",
    "counterparty": "counterparty",
    "approver": "approver",
    "fund_id": "fund",
    "unit": "unit",
    "restriction": "restriction",
    "actor": "handler",
}
_TRANSFER_FIELDS = {
    "volunteer_id": "volunteer_id",
    "transfer_id": "entry_id",
    "to_volunteer_id": "to_volunteer_id",
    "credit_s": "hours",
    "reason": "reason",
    "actor": "handler",
}


def parse_hours_s(text: str) -> int:
    """Decimal hours (``2.5``; at most 2 decimals, above zero) as whole seconds, exactly.

    Raises:
        ValueError: anything else (``2.555``, ``-1``, ``1e3``), with why.
    """
    if not _HOURS.fullmatch(text):
        raise ValueRefused(Phrase("not_hours", value=text))
    seconds = Decimal(text) * _SECONDS_PER_HOUR
    if seconds <= 0:
        raise ValueRefused(Phrase("hours_not_positive", value=text))
    return int(seconds)


def _hours(r: RowReader) -> int | None:
    value = r.text("hours", required=True)
    if not value:
        return None
    try:
        return parse_hours_s(value)
    except ValueRefused as e:
        r.problem("hours", "bad_hours", e.phrase)
        return None


def _plan(
    r: RowReader, options: ImportOptions, seen: dict[Operation, dict[str, int]]
) -> tuple[Operation, RowPlan] | None:
    operation = r.choice("operation", OPERATIONS, default=None)
    day = r.date("date", required=True)
    volunteer_id = r.text("volunteer_id", required=True)
    entry_id = r.text("entry_id", required=True)
    actor = r.text("handler") or options.entered_by
    if operation is None:
        if not r.text("operation"):  # a bad value has its problem already
            r.problem("operation", "missing_value")
        return None
    r.once(seen.setdefault(operation, {}), "entry_id", entry_id)
    not_here = list(_NOT_WITH[operation])
    if operation == "redeem":
        # Goods of a fund's stock, or a service from a provider: not both.
        not_here += ["counterparty"] if r.text("fund") else ["unit", "restriction"]
    for key in not_here:
        if r.text(key):
            r.problem(key, "not_for_operation", operation=operation)
    who: dict[str, Any] = {"actor": actor, "occurred_on": day, "volunteer_id": volunteer_id}
    command: b.Command[Any] | None
    if operation == "bank":
        command = r.command(b.BankHours, {**who, "record_id": entry_id}, _BANK_FIELDS)
    elif operation == "transfer":
        command = r.command(
            b.TransferHours,
            {
                **who,
                "transfer_id": entry_id,
                "to_volunteer_id": r.text("to_volunteer_id", required=True),
                "credit_s": _hours(r),
                "reason": r.prose("reason", required=True),
            },
            _TRANSFER_FIELDS,
        )
    else:
        quantity = r.whole_number("quantity")
        redeem: dict[str, Any] = {
            **who,
            "redemption_id": entry_id,
            "credit_s": _hours(r),
            "item": r.text("item", required=True),
            "quantity": 1 if quantity is None else quantity,
            "approver": r.text("approver", required=True),
        }
        fund = r.text("fund")
        if fund:
            command = r.command(
                b.RedeemHoursForGoods,
                {
                    **redeem,
                    "fund_id": fund,
                    "unit": r.text("unit", required=True),
                    "restriction": r.text("restriction"),
                },
                _REDEEM_FIELDS,
            )
        else:
            command = r.command(
                b.RedeemHours,
                {**redeem, "counterparty": r.text("counterparty", required=True)},
                _REDEEM_FIELDS,
            )
    if command is None or not r.ok:
        return None
    return operation, RowPlan(line=r.row.line, group=volunteer_id, commands=(command,))


def import_timebank(ledger: Ledger, sheet: Sheet, options: ImportOptions) -> ImportSummary:
    """Record every deposit, redemption and transfer of a time-bank sheet in one batch (a
    repeat records nothing).

    Raises:
        SheetRefused: any bad row (every one is named); nothing was recorded.
    """
    assert sheet.kind is TIMEBANK
    readers: list[RowReader] = []
    planned: list[tuple[Operation, RowPlan]] = []
    seen: dict[Operation, dict[str, int]] = {}
    for row in sheet.rows:
        r = RowReader(sheet, row)
        readers.append(r)
        found = _plan(r, options, seen)
        if found is not None:
            planned.append(found)
    plans = [plan for _, plan in planned]
    volunteers = {volunteer_uuid(plan.group) for plan in plans}
    crossing = any(
        isinstance(plan.commands[0], b.TransferHours | b.RedeemHoursForGoods) for plan in plans
    )
    funds: set[UUID] = set()
    for plan in plans:
        command = plan.commands[0]
        if isinstance(command, b.TransferHours):
            volunteers.add(volunteer_uuid(command.to_volunteer_id))
        elif isinstance(command, b.RedeemHoursForGoods):
            funds.add(fund_uuid(command.fund_id))
    if crossing:
        # Rows that touch two aggregates are judged with every row in file order (see above).
        plans = [RowPlan(line=p.line, group=_ONE_GROUP, commands=p.commands) for p in plans]
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
    events = events_between(ledger, before, ledger.log_position(), volunteers | funds)
    new = sum(isinstance(e, HoursBanked | HoursRedeemed | HoursTransferredOut) for e in events)
    return summary(
        sheet,
        already_present=len(plans) - new,
        events_recorded=ledger.log_position() - before,
        bank_deposits=sum(isinstance(e, HoursBanked) for e in events),
        bank_redemptions=sum(isinstance(e, HoursRedeemed) for e in events),
        bank_transfers=sum(isinstance(e, HoursTransferredOut) for e in events),
        goods_distributions=sum(isinstance(e, GoodsDistributed) for e in events),
    )
