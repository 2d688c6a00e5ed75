"""Funds sheets (基金), donation registers (捐赠登记) and disbursement registers (支出登记).

Three kinds of sheet, told apart by the header (``common.read_sheet``): 基金 with 托管机构
is a funds sheet, 基金 with 票据号 a donation register, 基金 with 申请编号 a disbursement
register. Each column may be named in English or Chinese:

Funds: ``fund`` 基金, ``name`` 名称, ``community`` 社区, ``host`` 托管机构,
``approval_threshold`` 审批限额 (yuan), ``opened_on`` 设立日期 (all required); ``station``
社工站 (empty: the ``--station`` option); ``publicity_required`` 需公示 (default no).

Donations: ``date`` 日期, ``fund`` 基金, ``kind`` 类型 (``cash`` 现金 / ``in_kind`` 物资),
``amount`` 金额, ``receipt_no`` 票据号 (all required); ``donor`` 捐赠人 (empty: anonymous),
``donor_type`` 捐赠人类型 (``person`` 个人 / ``organisation`` 单位; empty: an organisation),
``item`` 物资名称, ``quantity`` 数量, ``unit`` 单位, ``basis`` 价值依据, ``restriction`` 限定用途
(empty: unrestricted), ``handler`` 经办人 (empty: the ``--entered-by`` option).

Disbursements: ``request_id`` 申请编号, ``date`` 日期, ``fund`` 基金, ``amount`` 金额,
``purpose`` 用途, ``payee`` 收款方, ``requested_by`` 申请人 (all required); ``restriction``
限定用途, ``approved_by`` 审批人 (several separated by ";", "；" or "、"), ``paid_on`` 支付日期
and ``voucher_no`` 凭证号, ``notice_ref`` 公示编号, ``notice_from`` 公示开始 and
``notice_to`` 公示结束.

Choices made here, each for a reason:

* A row becomes the commands the API would be given, in order: a disbursement row is a
  request (by 申请人, on 日期), one approval per 审批人 (on 日期), its 公示 when the notice
  columns are filled (on 公示开始), and its payment when 支付日期 is (with 凭证号). Every
  rule (unknown fund, the requester approving, two approvers above the threshold, money
  available in the restriction, 公示 before payment where the fund requires it, paying
  during the notice period...) is the ledger's: rows are refused with its reason, never
  checked a second time here.
* The steps the sheet names nobody for (opening a fund, 公示, payment; a gift with no
  经办人) are entered by ``ImportOptions.entered_by``. A re-import must use the same
  ``entered_by``: a repeat with another actor is a different entry to the ledger.
* A funds sheet opens funds that do not require 公示 before payment unless its 需公示
  column says so (the API's default is the opposite): most stations' funds sheets list
  what they keep, and a station that publicizes its spending says so in that column.
* Consecutive in-kind rows with the same 票据号 are one gift with several kinds of goods
  (a receipt lists them all). Those rows must agree on everything about the gift (date,
  fund, donor, restriction, handler): an empty cell is not "same as above", since an
  empty donor means anonymous and an empty restriction unrestricted. Unmerge such cells
  before saving the sheet.
* A donor is an organisation unless 捐赠人类型 says 个人: a person's name is personal data,
  sealed under a key of their own so that it can be erased (``Ledger.erase_donor``), and
  the ledger cannot tell a person from a company by a name. A register without the column
  reads as it always did (every named donor an organisation).
* One 票据号 (or 申请编号, or fund code) names one entry in a sheet, in any fund: the same
  one on another row is a copying mistake, refused as ``duplicate_key``.
* An in-kind amount is the goods' value: ``document`` basis unless 价值依据 says
  ``fair_value`` (公允价值); an empty amount is an unvalued gift (rule 8). An amount of 0 is
  refused: in a sheet it cannot be told from a value typed by mistake; leave it empty.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from sgz_ledger.domain.events import (
    CashDonationReceived,
    DisbursementApproved,
    DisbursementPaid,
    DisbursementPublicized,
    DisbursementRequested,
    FundOpened,
    InKindDonationReceived,
)
from sgz_ledger.domain.fund import fund_uuid
from sgz_ledger.domain.messages import Phrase
from sgz_ledger.domain.text import TextRefused, canonical_text, signer_key
from sgz_ledger.ledger import Ledger
from sgz_ledger.service import commands as b
from sgz_ledger.sheets.common import (
    CHOICE,
    COUNT,
    DATE,
    LIST,
    YUAN,
    Column,
    ImportOptions,
    ImportSummary,
    RowPlan,
    RowProblem,
    RowReader,
    Sheet,
    SheetKind,
    SheetRefused,
    events_between,
    parse_date,
    record_whole,
    summary,
)

__all__ = [
    "APPROVERS_PER_ROW_MAX",
    "BASES",
    "DISBURSEMENTS",
    "DONATIONS",
    "DONOR_TYPES",
    "FUNDS",
    "GIFT_KINDS",
    "YES_NO",
    "import_disbursements",
    "import_donations",
    "import_funds",
    "split_approvers",
]

GiftKind = Literal["cash", "in_kind"]
# What a 类型 cell may say.
GIFT_KINDS: Mapping[str, GiftKind] = {
    "cash": "cash",
    "现金": "cash",
    "in_kind": "in_kind",
    "物资": "in_kind",
}
# What a 价值依据 cell may say (empty: ``document`` for a valued gift).
BASES: Mapping[str, Literal["document", "fair_value"]] = {
    "document": "document",
    "票据": "document",
    "fair_value": "fair_value",
    "公允价值": "fair_value",
}
# What a 捐赠人类型 cell may say: whether the donor is a person (empty: an organisation).
DONOR_TYPES: Mapping[str, bool] = {
    "person": True,
    "个人": True,
    "organisation": False,
    "organization": False,
    "单位": False,
}
# What a 需公示 cell may say. Anything else is a bad cell, not a guess either way.
YES_NO: Mapping[str, bool] = {
    "yes": True,
    "是": True,
    "true": True,
    "1": True,
    "no": False,
    "否": False,
    "false": False,
    "0": False,
}

FUNDS = SheetKind(
    name="funds",
    title="基金设立表 funds sheet",
    identified_by=frozenset({"fund", "host"}),
    columns=(
        Column("fund", ("基金", "基金编号"), required=True),
        Column("name", ("名称", "基金名称"), required=True),
        Column("station", ("社工站",)),
        Column("community", ("社区",), required=True),
        Column("host", ("托管机构",), required=True),
        Column("approval_threshold", ("审批限额", "审批限额元"), required=True, form=YUAN),
        Column("opened_on", ("设立日期",), required=True, form=DATE),
        Column("publicity_required", ("需公示", "是否需公示"), form=CHOICE, choices=tuple(YES_NO)),
    ),
)

DONATIONS = SheetKind(
    name="donations",
    title="捐赠登记 donation register",
    identified_by=frozenset({"fund", "receipt_no"}),
    columns=(
        Column("date", ("日期",), required=True, form=DATE),
        Column("fund", ("基金", "基金编号"), required=True),
        Column("donor", ("捐赠人",)),
        Column("donor_type", ("捐赠人类型",), form=CHOICE, choices=tuple(DONOR_TYPES)),
        Column("kind", ("类型",), required=True, form=CHOICE, choices=tuple(GIFT_KINDS)),
        Column("amount", ("金额", "金额元"), required=True, form=YUAN),
        Column("item", ("物资名称",)),
        Column("quantity", ("数量",), form=COUNT),
        Column("unit", ("单位",)),
        Column("basis", ("价值依据",), form=CHOICE, choices=tuple(BASES)),
        Column("restriction", ("限定用途",)),
        Column("receipt_no", ("票据号",), required=True),
        Column("handler", ("经办人",)),
        Column("project", ("项目", "项目编号")),
        Column("budget_line", ("预算科目",)),
    ),
)

DISBURSEMENTS = SheetKind(
    name="disbursements",
    title="支出登记 disbursement register",
    identified_by=frozenset({"fund", "request_id"}),
    columns=(
        Column("request_id", ("申请编号",), required=True),
        Column("date", ("日期",), required=True, form=DATE),
        Column("fund", ("基金", "基金编号"), required=True),
        Column("amount", ("金额", "金额元"), required=True, form=YUAN),
        Column("purpose", ("用途",), required=True),
        Column("restriction", ("限定用途",)),
        Column("payee", ("收款方",), required=True),
        Column("requested_by", ("申请人",), required=True),
        Column("approved_by", ("审批人",), form=LIST),
        Column("paid_on", ("支付日期",), form=DATE),
        Column("voucher_no", ("凭证号",)),
        Column("notice_ref", ("公示编号",)),
        Column("notice_from", ("公示开始",), form=DATE),
        Column("notice_to", ("公示结束",), form=DATE),
        Column("project", ("项目", "项目编号")),
        Column("budget_line", ("预算科目",)),
    ),
)

# Approvers of one request: a 管委会 has a handful of members, and more names than this
# in one cell is a paste accident. A row is then at most this + 3 commands.
APPROVERS_PER_ROW_MAX = 9
_APPROVER_SEPARATORS = re.compile(r"[;；、]")

# Columns a cash row leaves empty: they describe goods.
_GOODS_COLUMNS = ("item", "quantity", "unit", "basis")
# What the rows of one in-kind gift must agree on (the gift's fields, not a goods line's).
_GIFT_AGREES = (
    "date",
    "fund",
    "donor",
    "donor_type",
    "restriction",
    "handler",
    "project",
    "budget_line",
)
_NOTICE_COLUMNS = ("notice_ref", "notice_from", "notice_to")

# Command fields -> the columns their values came from (for pydantic's problems); fields
# not listed come from the options, already checked.
_OPEN_FIELDS = {
    "fund_id": "fund",
    "station_id": "station",
    "community": "community",
    "name": "name",
    "host": "host",
    "approval_threshold_fen": "approval_threshold",
    "occurred_on": "opened_on",
    "publicity_required": "publicity_required",
}
_GIFT_FIELDS = {
    "actor": "handler",
    "occurred_on": "date",
    "fund_id": "fund",
    "receipt_no": "receipt_no",
    "amount_fen": "amount",
    "donor": "donor",
    "donor_is_person": "donor_type",
    "restriction": "restriction",
    "items": "item",
    "project_id": "project",
    "budget_line": "budget_line",
}
_GOODS_FIELDS = {
    "item": "item",
    "quantity": "quantity",
    "unit": "unit",
    "value_fen": "amount",
    "basis": "basis",
    # A check across the line's fields (a basis without a value) is about its amount.
    "command": "amount",
}
_REQUEST_FIELDS = {
    "actor": "requested_by",
    "occurred_on": "date",
    "fund_id": "fund",
    "request_id": "request_id",
    "amount_fen": "amount",
    "purpose": "purpose",
    "payee": "payee",
    "restriction": "restriction",
    "project_id": "project",
    "budget_line": "budget_line",
}
_APPROVE_FIELDS = {
    "actor": "approved_by",
    "occurred_on": "date",
    "fund_id": "fund",
    "request_id": "request_id",
}
_PUBLICIZE_FIELDS = {
    "occurred_on": "notice_from",
    "fund_id": "fund",
    "request_id": "request_id",
    "notice_ref": "notice_ref",
    "notice_from": "notice_from",
    "notice_to": "notice_to",
}
_PAY_FIELDS = {
    "occurred_on": "paid_on",
    "fund_id": "fund",
    "request_id": "request_id",
    "voucher_no": "voucher_no",
}
# Tuples for isinstance in the loops over a sheet's events and plans: ``A | B`` written
# there would build a new union for every one.
_GIFT_EVENTS = (CashDonationReceived, InKindDonationReceived)
_GIFT_COMMANDS = (b.ReceiveCashDonation, b.ReceiveGoodsDonation)
# Stands in for an amount already reported as bad, so that the row's other cells are
# still checked by the boundary model (the row never becomes a command).
_STAND_IN_FEN = 1


def _header_needs(sheet: Sheet, groups: Sequence[tuple[str, ...]]) -> None:
    """Columns that only mean something together: the header has all of a group or none."""
    problems = []
    for group in groups:
        present = [key for key in group if sheet.has(key)]
        if present and len(present) < len(group):
            missing = [sheet.label(key) for key in group if not sheet.has(key)]
            given = [sheet.label(key) for key in present]
            problems.append(
                RowProblem(
                    line=sheet.header_line,
                    column="",
                    reason="missing_column",
                    phrase=Phrase("column_needs_columns", given=given, missing=missing),
                )
            )
    if problems:
        raise SheetRefused(sheet.source, problems)


def _record(
    ledger: Ledger,
    sheet: Sheet,
    plans: list[RowPlan],
    problems: list[RowProblem],
    options: ImportOptions,
) -> list[Any]:
    """Record the plans whole (or refuse the sheet); the events the import added."""
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
    return events_between(ledger, before, ledger.log_position(), funds)


# ---- funds ------------------------------------------------------------------------------


def import_funds(ledger: Ledger, sheet: Sheet, options: ImportOptions) -> ImportSummary:
    """Open every fund of a funds sheet, in one batch (a repeat opens nothing).

    Raises:
        SheetRefused: any bad row (every one is named); nothing was recorded.
    """
    assert sheet.kind is FUNDS
    readers: list[RowReader] = []
    plans: list[RowPlan] = []
    seen: dict[str, int] = {}
    for row in sheet.rows:
        r = RowReader(sheet, row)
        readers.append(r)
        fund_id = r.text("fund", required=True)
        r.once(seen, "fund", fund_id)
        threshold = r.amount_fen("approval_threshold", required=True, allow_zero=True)
        opened_on = r.date("opened_on", required=True)
        data = {
            "actor": options.entered_by,
            "occurred_on": opened_on,
            "fund_id": fund_id,
            "station_id": r.text("station") or options.station_id,
            "community": r.text("community", required=True),
            "name": r.text("name", required=True),
            "host": r.text("host", required=True),
            "approval_threshold_fen": _STAND_IN_FEN if threshold is None else threshold,
            "publicity_required": r.choice("publicity_required", YES_NO, default=False),
        }
        command = r.command(b.OpenFund, data, _OPEN_FIELDS)
        if command is not None:
            plans.append(RowPlan(line=row.line, group=fund_id, commands=(command,)))

    problems = [*sheet.problems, *(p for r in readers for p in r.problems)]
    events = _record(ledger, sheet, plans, problems, options)
    opened = sum(isinstance(e, FundOpened) for e in events)
    return summary(
        sheet,
        already_present=len(plans) - opened,
        events_recorded=len(events),
        funds_opened=opened,
    )


# ---- donations --------------------------------------------------------------------------


@dataclass
class _Gift:
    """An in-kind gift being read: its first row gives the gift's fields, every row a line.

    Attributes:
        fields: the gift's command fields, as its first row gives them.
        agrees: what its other rows must give too, as compared (dates as days).
        lines: each row's goods (``None`` for a row whose goods could not be read).
    """

    receipt_no: str
    fields: dict[str, Any]
    agrees: dict[str, object]
    lines: list[b.GoodsLineInput | None] = field(default_factory=list)
    readers: list[RowReader] = field(default_factory=list)

    def add(self, r: RowReader) -> None:
        self.lines.append(_goods_line(r))
        self.readers.append(r)


def _gift_kind(r: RowReader) -> GiftKind | None:
    """The row's 类型 (required), ``None`` when it is missing or not a kind (reported)."""
    if not r.text("kind", required=True):
        return None
    return r.choice("kind", GIFT_KINDS, default=None)


def _gift_fields(r: RowReader, options: ImportOptions) -> dict[str, Any]:
    """What a donation row says about its gift (not about goods), as command fields."""
    day = r.date("date", required=True)
    return {
        "actor": r.text("handler") or options.entered_by,
        "occurred_on": day,
        "fund_id": r.text("fund", required=True),
        "receipt_no": r.text("receipt_no", required=True),
        "donor": r.text("donor") or None,
        "donor_is_person": r.choice("donor_type", DONOR_TYPES, default=False),
        "restriction": r.text("restriction"),
        "project_id": r.text("project"),
        "budget_line": r.text("budget_line"),
    }


def _agreeing(r: RowReader) -> dict[str, object]:
    """The cells the rows of one gift must agree on, as compared (dates as days)."""
    values: dict[str, object] = {key: r.text(key) for key in _GIFT_AGREES}
    with contextlib.suppress(ValueError):  # a bad date is reported once, by _gift_fields
        values["date"] = parse_date(r.text("date"))
    return values


def _goods_line(r: RowReader) -> b.GoodsLineInput | None:
    """The row's goods, valued from its amount (or unvalued when the amount is empty)."""
    item = r.text("item", required=True)
    unit = r.text("unit", required=True)
    quantity = None
    if r.text("quantity", required=True):
        quantity = r.whole_number("quantity")
    value = r.amount_fen("amount", hint=Phrase("hint_goods_unvalued"))
    basis = r.choice("basis", BASES, default=None)
    data = {
        "item": item,
        "unit": unit,
        "quantity": quantity,
        "value_fen": _STAND_IN_FEN if value is None and r.text("amount") else value,
        "basis": basis or ("unvalued" if not r.text("amount") else "document"),
    }
    return r.command(b.GoodsLineInput, data, _GOODS_FIELDS)


def _check_agrees(gift: _Gift, r: RowReader) -> None:
    """A further row of ``gift`` gives what its first row gives about the gift."""
    values = _agreeing(r)
    first = gift.readers[0].row.line
    for key in _GIFT_AGREES:
        held, given = gift.agrees[key], values[key]
        if held != given:
            r.problem(
                key,
                "gift_mismatch",
                given=str(given),
                first=first,
                held=str(held),
                receipt_no=gift.receipt_no,
            )


def _gift_plan(gift: _Gift) -> RowPlan | None:
    """The gift's one command, when every row of it was read without a problem."""
    lines = [line for line in gift.lines if line is not None]
    if not all(r.ok for r in gift.readers) or len(lines) != len(gift.lines):
        return None
    first = gift.readers[0]
    command = first.command(
        b.ReceiveGoodsDonation, {**gift.fields, "items": tuple(lines)}, _GIFT_FIELDS
    )
    if command is None:
        return None
    return RowPlan(
        line=first.row.line,
        group=command.fund_id,
        commands=(command,),
        also=tuple(r.row.line for r in gift.readers[1:]),
    )


def import_donations(ledger: Ledger, sheet: Sheet, options: ImportOptions) -> ImportSummary:
    """Register every gift of a donation register, in one batch (a repeat registers nothing).

    Raises:
        SheetRefused: any bad row (every one is named); nothing was recorded.
    """
    assert sheet.kind is DONATIONS
    readers: list[RowReader] = []
    plans: list[RowPlan] = []
    seen: dict[str, int] = {}
    gift: _Gift | None = None

    def close_gift() -> None:
        nonlocal gift
        if gift is not None:
            plan = _gift_plan(gift)
            if plan is not None:
                plans.append(plan)
        gift = None

    for row in sheet.rows:
        r = RowReader(sheet, row)
        readers.append(r)
        kind = _gift_kind(r)
        fields = _gift_fields(r, options)
        receipt_no = fields["receipt_no"]
        if kind == "in_kind" and gift is not None and receipt_no == gift.receipt_no:
            # Goods of the gift on the rows just above (receipt numbers are never empty here).
            _check_agrees(gift, r)
            gift.add(r)
            continue
        close_gift()
        r.once(seen, "receipt_no", receipt_no)
        if kind == "in_kind" and receipt_no:
            gift = _Gift(receipt_no=receipt_no, fields=fields, agrees=_agreeing(r))
            gift.add(r)
        elif kind == "in_kind":
            _goods_line(r)  # no receipt (reported): the goods cells are still checked
        elif kind == "cash":
            for key in _GOODS_COLUMNS:
                if r.text(key):
                    r.problem(key, "not_for_cash")
            amount = r.amount_fen("amount", required=True)
            data = {**fields, "amount_fen": _STAND_IN_FEN if amount is None else amount}
            command = r.command(b.ReceiveCashDonation, data, _GIFT_FIELDS)
            if command is not None:
                plans.append(RowPlan(line=row.line, group=command.fund_id, commands=(command,)))
        # An unknown kind was reported: whether the row is cash or goods cannot be told.
    close_gift()

    problems = [*sheet.problems, *(p for r in readers for p in r.problems)]
    events = _record(ledger, sheet, plans, problems, options)
    gifts = [e for e in events if isinstance(e, _GIFT_EVENTS)]
    recorded = {(e.originator_id, e.receipt_no) for e in gifts}
    present = sum(
        1 + len(plan.also)
        for plan in plans
        for command in plan.commands
        if isinstance(command, _GIFT_COMMANDS)
        and (fund_uuid(command.fund_id), command.receipt_no) not in recorded
    )
    return summary(
        sheet,
        already_present=present,
        events_recorded=len(events),
        donations_recorded=len(gifts),
        cash_received_fen=sum(e.amount_fen for e in gifts if isinstance(e, CashDonationReceived)),
        in_kind_value_fen=sum(
            line.value_fen or 0
            for e in gifts
            if isinstance(e, InKindDonationReceived)
            for line in e.items
        ),
    )


# ---- disbursements ------------------------------------------------------------------------


def split_approvers(text: str) -> list[str]:
    """The names in an 审批人 cell: separated by ";", "；" or "、", each in its canonical form
    (``text.canonical_text``; one it refuses trimmed as written, for the approval's command
    to refuse), empty ones dropped."""
    names = []
    for part in _APPROVER_SEPARATORS.split(text):
        try:
            name = canonical_text(part)
        except TextRefused:
            name = part.strip()
        if name:
            names.append(name)
    return names


def _approvers(r: RowReader) -> list[str]:
    names = split_approvers(r.text("approved_by"))
    if len(names) > APPROVERS_PER_ROW_MAX:
        r.problem(
            "approved_by",
            "too_many",
            Phrase("too_many_approvers", count=len(names), most=APPROVERS_PER_ROW_MAX),
        )
        return []
    # Compared as the ledger compares signers (``text.signer_key``: canonical, any case, no
    # annotation), so that "李四;李 四", "Bob;bob" or "李四;李四（代）" is one name twice.
    keys = [signer_key(name) for name in names]
    doubled = sorted({name for name, key in zip(names, keys, strict=True) if keys.count(key) > 1})
    if doubled:
        # One person approving twice is still one approval: a doubled name is a typing
        # mistake that would hide a missing second approver.
        r.problem("approved_by", "duplicate_value", Phrase("named_twice", names=doubled))
        return []
    return names


def _notice(
    r: RowReader, fund_id: str, request_id: str, options: ImportOptions
) -> b.PublicizeDisbursement | None:
    """The row's 公示 as a command, ``None`` when its columns are empty (or it is bad)."""
    given = [key for key in _NOTICE_COLUMNS if r.text(key)]
    if not given:
        return None
    for key in _NOTICE_COLUMNS:
        if key not in given:
            r.problem(key, "missing_value", Phrase("missing_notice_column"))
    notice_from, notice_to = r.date("notice_from"), r.date("notice_to")
    data = {
        "actor": options.entered_by,
        "occurred_on": notice_from,
        "fund_id": fund_id,
        "request_id": request_id,
        "notice_ref": r.text("notice_ref"),
        "notice_from": notice_from,
        "notice_to": notice_to,
    }
    return r.command(b.PublicizeDisbursement, data, _PUBLICIZE_FIELDS)


def _payment(
    r: RowReader, fund_id: str, request_id: str, options: ImportOptions
) -> b.PayDisbursement | None:
    """The row's payment as a command, ``None`` when 支付日期 is empty (or it is bad)."""
    if not r.text("paid_on"):
        if r.text("voucher_no"):
            r.problem(
                "voucher_no",
                "missing_value",
                Phrase("voucher_without_date", paid_on=r.sheet.label("paid_on")),
            )
        return None
    data = {
        "actor": options.entered_by,
        "occurred_on": r.date("paid_on"),
        "fund_id": fund_id,
        "request_id": request_id,
        "voucher_no": r.text("voucher_no", required=True),
    }
    return r.command(b.PayDisbursement, data, _PAY_FIELDS)


def _disbursement_plan(
    r: RowReader, options: ImportOptions, seen: dict[str, int]
) -> RowPlan | None:
    request_id = r.text("request_id", required=True)
    r.once(seen, "request_id", request_id)
    day = r.date("date", required=True)
    fund_id = r.text("fund", required=True)
    amount = r.amount_fen("amount", required=True)
    request = r.command(
        b.RequestDisbursement,
        {
            "actor": r.text("requested_by", required=True),
            "occurred_on": day,
            "fund_id": fund_id,
            "request_id": request_id,
            "amount_fen": _STAND_IN_FEN if amount is None else amount,
            "purpose": r.prose("purpose", required=True),
            "payee": r.text("payee", required=True),
            "restriction": r.text("restriction"),
            "project_id": r.text("project"),
            "budget_line": r.text("budget_line"),
        },
        _REQUEST_FIELDS,
    )
    approvals = [
        r.command(
            b.ApproveDisbursement,
            {"actor": name, "occurred_on": day, "fund_id": fund_id, "request_id": request_id},
            _APPROVE_FIELDS,
        )
        for name in _approvers(r)
    ]
    notice = _notice(r, fund_id, request_id, options)
    payment = _payment(r, fund_id, request_id, options)
    if not r.ok or request is None:
        return None
    # Each step named, so that a refusal says which one the ledger refused.
    steps: list[tuple[b.Command[Any], Phrase | None]] = [(request, None)]
    steps += [
        (a, Phrase("step_approval_by", actor=a.actor)) for a in approvals if a is not None
    ]  # all: r.ok
    if notice is not None:
        steps.append((notice, Phrase("step_notice_ref", ref=notice.notice_ref)))
    if payment is not None:
        steps.append((payment, Phrase("step_payment_on", day=payment.occurred_on)))
    return RowPlan(
        line=r.row.line,
        group=fund_id,
        commands=tuple(command for command, _ in steps),
        steps=tuple(what for _, what in steps),
    )


def import_disbursements(ledger: Ledger, sheet: Sheet, options: ImportOptions) -> ImportSummary:
    """Record every request of a disbursement register with its approvals, 公示 and payment,
    in one batch (a repeat records nothing; a step filled in since is added).

    Raises:
        SheetRefused: any bad row (every one is named); nothing was recorded.
    """
    assert sheet.kind is DISBURSEMENTS
    _header_needs(sheet, (_NOTICE_COLUMNS, ("paid_on", "voucher_no")))
    readers: list[RowReader] = []
    plans: list[RowPlan] = []
    seen: dict[str, int] = {}
    for row in sheet.rows:
        r = RowReader(sheet, row)
        readers.append(r)
        plan = _disbursement_plan(r, options, seen)
        if plan is not None:
            plans.append(plan)

    problems = [*sheet.problems, *(p for r in readers for p in r.problems)]
    events = _record(ledger, sheet, plans, problems, options)
    requested = {
        (e.originator_id, e.request_id) for e in events if isinstance(e, DisbursementRequested)
    }
    paid = [e for e in events if isinstance(e, DisbursementPaid)]
    return summary(
        sheet,
        already_present=sum(
            (fund_uuid(plan.group), _request_id(plan)) not in requested for plan in plans
        ),
        events_recorded=len(events),
        disbursements_requested=len(requested),
        disbursements_approved=sum(
            isinstance(e, DisbursementApproved) and e.reserved_fen > 0 for e in events
        ),
        disbursements_publicized=sum(isinstance(e, DisbursementPublicized) for e in events),
        disbursements_paid=len(paid),
        paid_fen=sum(e.amount_fen for e in paid),
    )


def _request_id(plan: RowPlan) -> str:
    request = plan.commands[0]
    assert isinstance(request, b.RequestDisbursement)
    return request.request_id
