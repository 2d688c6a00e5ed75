"""What the ledger tells people, in Chinese and English: every message by its code.

A refusal carries a stable code (its ``reason``, or a more specific ``code`` where one
reason has several wordings) and the values its message needs (``params``: fen, seconds,
dates, ids, as the ledger keeps them). Its words are made only when read, in the language
of the setting:

* ``use_language("zh")`` (a ``with`` block, for this thread or task) and
  ``set_language("zh")`` (the whole process) choose it;
* otherwise the ``SGZ_LEDGER_LANG`` environment variable (``zh`` or ``en``);
* otherwise English, for programs (the command line defaults to Chinese).

Amounts read in yuan (``{x_fen:yuan}``, through ``format_yuan``), durations in hours
(``{x_s:hours}``); a word the ledger keeps as a code (a kind of entry, a status, a level)
through ``{x:term}``.

A dictionary, not gettext: gettext keys a message by its English text and needs compiled
catalogues, while a refusal is keyed by its stable code, its two templates sit side by
side here, and a test walks every code and its parameters; Babel's plural and number
rules are not needed for two languages whose amounts ``format_yuan`` already writes.
"""

from __future__ import annotations

import contextlib
import contextvars
import os
import string
from collections.abc import Iterator, Mapping
from typing import Any, Final, Literal

from sgz_ledger.domain.units import format_hours, format_yuan

__all__ = [
    "LANGUAGES",
    "LANGUAGE_ENV",
    "MESSAGES",
    "TERMS",
    "Language",
    "Localized",
    "Phrase",
    "entry",
    "input_problem",
    "language",
    "parse_language",
    "render",
    "set_language",
    "template_fields",
    "use_language",
]

Language = Literal["zh", "en"]
LANGUAGES: Final[tuple[Language, ...]] = ("zh", "en")
LANGUAGE_ENV: Final = "SGZ_LEDGER_LANG"

_chosen: contextvars.ContextVar[Language | None] = contextvars.ContextVar(
    "sgz_ledger_language", default=None
)
_process_language: list[Language | None] = [None]


def parse_language(text: str) -> Language | None:
    """``zh`` or ``en`` from a setting's text (``zh``, ``zh_CN.UTF-8``, ``EN``...), or
    ``None`` when it names neither."""
    head = text.strip().lower().replace("-", "_").split("_")[0].split(".")[0]
    if head == "zh":
        return "zh"
    return "en" if head == "en" else None


def language() -> Language:
    """The language messages are made in now: ``use_language``'s, else ``set_language``'s,
    else ``SGZ_LEDGER_LANG``'s, else English."""
    chosen = _chosen.get() or _process_language[0]
    if chosen is not None:
        return chosen
    return parse_language(os.environ.get(LANGUAGE_ENV, "")) or "en"


def set_language(chosen: Language | None) -> None:
    """Choose the language of every message of this process (``None``: back to
    ``SGZ_LEDGER_LANG``, else English). ``use_language`` overrides it in a block."""
    if chosen is not None and chosen not in LANGUAGES:
        raise ValueError(f"{chosen!r} is not one of {', '.join(LANGUAGES)}")
    _process_language[0] = chosen


@contextlib.contextmanager
def use_language(chosen: Language) -> Iterator[None]:
    """Make messages in ``chosen`` inside the block (this thread or task only)."""
    if chosen not in LANGUAGES:
        raise ValueError(f"{chosen!r} is not one of {', '.join(LANGUAGES)}")
    token = _chosen.set(chosen)
    try:
        yield
    finally:
        _chosen.reset(token)


class Localized:
    """Something said to people in either language: ``message(language)`` makes its
    words (``None``: the language of the setting), ``str()`` in the setting's."""

    __slots__ = ()

    def message(self, language: Language | None = None) -> str:
        """The words in ``language`` (``None``: the setting's)."""
        raise NotImplementedError

    def __str__(self) -> str:
        return self.message()


class Phrase(Localized):
    """A piece of a message with its own code in the catalogue: what a refusal names
    (``receipt 'R-1'``), a field's problem, one line of a sheet.

    Attributes:
        code: its key in ``MESSAGES``.
        params: the values its templates name.
    """

    __slots__ = ("code", "params")

    def __init__(self, code: str, /, **params: object) -> None:
        self.code = code
        self.params: Mapping[str, object] = params

    def message(self, language: Language | None = None) -> str:
        """The phrase's words in ``language`` (``None``: the setting's)."""
        return render(self.code, self.params, language)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Phrase):
            return NotImplemented
        return self.code == other.code and self.params == other.params

    def __hash__(self) -> int:
        return hash(self.code)

    def __repr__(self) -> str:
        params = "".join(f", {k}={v!r}" for k, v in self.params.items())
        return f"Phrase({self.code!r}{params})"


def entry(kind: str, key: object) -> Phrase:
    """An entry a refusal names by its kind and key (``entry("receipt", "R-1")``: receipt
    'R-1', 收据 “R-1”): the catalogue's ``entry_<kind>``."""
    return Phrase(f"entry_{kind}", key=key)


def input_problem(kind: str, detail: str, context: Mapping[str, object]) -> Phrase:
    """A field's problem as pydantic found it (its error type ``kind``, its English
    ``detail``, its ``context``): the catalogue's ``pydantic_<kind>``, which says it in
    Chinese from the context and keeps pydantic's English; ``pydantic_other`` (the English
    detail under a Chinese head) for a type the catalogue does not know."""
    code = f"pydantic_{kind}"
    templates = MESSAGES.get(code)
    if templates is not None:
        wanted = {name for t in templates for name in template_fields(t)} - {"detail"}
        if wanted <= context.keys():
            return Phrase(code, detail=detail, **{name: context[name] for name in wanted})
    return Phrase("pydantic_other", detail=detail)


class _Formatter(string.Formatter):
    """``str.format`` with the ledger's specs: ``yuan`` (fen), ``hours`` (seconds),
    ``plural.day`` (English ``1 day``, ``2 days``), ``unitless`` (a field's name without its
    ``_fen`` or ``_s``: the value beside it is shown in yuan or hours), ``opt`` (``, X``,
    or nothing for an empty X), ``opt_close`` (a sequence of names: "did you mean", or
    nothing), ``term`` (a code word; ``term.role`` the word
    ``role_<value>``), ``terms`` and ``list`` (a sequence); a ``Localized`` value speaks the
    language of the message around it."""

    def __init__(self, chosen: Language) -> None:
        self.language = chosen

    def format_field(self, value: Any, format_spec: str) -> str:
        zh = self.language == "zh"
        if format_spec == "yuan":
            return format_yuan(value)
        if format_spec == "hours":
            return format_hours(value)
        if format_spec.startswith("plural."):  # English: "1 day", "2 days"
            word = format_spec.removeprefix("plural.")
            return str(value) if zh else f"{value} {word}{'' if value == 1 else 's'}"
        if format_spec == "unitless":  # a field's name without its unit: amount_fen -> amount
            return str(value).removesuffix("_fen").removesuffix("_s")
        if format_spec == "opt_close":  # the nearest names, if any
            if not value:
                return ""
            names = ("、" if zh else ", ").join(str(v) for v in value)
            return f"；是否指 {names}？" if zh else f"; did you mean {names}?"
        if format_spec == "opt":  # ", X" after what it adds to, nothing when X is empty
            return f"{'，' if zh else ', '}{value}" if value else ""
        kind, _, prefix = format_spec.partition(".")
        prefix = f"{prefix}_" if prefix else ""
        if kind == "term":
            return term(f"{prefix}{value}", self.language)
        if kind == "terms":
            return ("、" if zh else ", ").join(term(f"{prefix}{v}", self.language) for v in value)
        if format_spec == "list":
            return ("、" if zh else ", ").join(self.format_field(v, "") for v in value)
        if isinstance(value, Localized):
            return value.message(self.language)
        return str(super().format_field(value, format_spec))

    def convert_field(self, value: Any, conversion: str | None) -> Any:
        if isinstance(value, Localized) and conversion is None:
            return value
        return super().convert_field(value, conversion)


_FORMATTERS: Final = {chosen: _Formatter(chosen) for chosen in LANGUAGES}


def term(word: str, chosen: Language | None = None) -> str:
    """A word the ledger keeps as a code (``fund``, ``approved``, ``station``) in
    ``chosen``; the code itself when the catalogue has no such word."""
    found = TERMS.get(word)
    if found is None:
        return word
    return found[0] if (chosen or language()) == "zh" else found[1]


def render(code: str, params: Mapping[str, object], chosen: Language | None = None) -> str:
    """The message ``code`` with ``params`` in ``chosen`` (``None``: the setting's).

    A code the catalogue lacks, or a template naming a value not given, still says what
    it can (the code and the values) rather than failing where a refusal is reported.
    """
    lang = chosen or language()
    templates = MESSAGES.get(code)
    if templates is not None:
        try:
            return _FORMATTERS[lang].vformat(templates[0 if lang == "zh" else 1], (), params)
        except (KeyError, IndexError, ValueError, TypeError, AttributeError):
            pass
    shown = ", ".join(f"{k}={v!r}" for k, v in params.items())
    return f"{code} ({shown})" if shown else code


def template_fields(template: str) -> dict[str, str]:
    """The values a template names, each with its format spec (``""`` for none)."""
    fields: dict[str, str] = {}
    for _, name, spec, _ in string.Formatter().parse(template):
        if name is not None:
            fields[name.split(".")[0].split("[")[0]] = spec or ""
    return fields


# ---- the words ------------------------------------------------------------------------------

# (Chinese, English) of the words the ledger keeps as codes: kinds of entries named in a
# refusal, statuses, levels, categories.
TERMS: Final[Mapping[str, tuple[str, str]]] = {
    # what a refusal names
    "fund": ("基金", "fund"),
    # funds
    "disbursement_request": ("支出申请", "disbursement request"),
    "donation_receipt": ("捐赠收据", "donation receipt"),
    "requested": ("待审批", "requested"),
    "approved": ("已批准", "approved"),
    "paid": ("已支付", "paid"),
    "rejected": ("已驳回", "rejected"),
    "cancelled": ("已撤回", "cancelled"),
    "step_refund": ("退款", "a refund"),
    "step_approval": ("审批", "an approval"),
    "step_notice": ("公示", "a 公示"),
    "step_payment": ("支付", "a payment"),
    "step_end_request": ("结束申请", "ending a request"),
    # volunteers and the time bank
    "volunteer": ("志愿者", "volunteer"),
    "service_record": ("服务记录", "service record"),
    "activity": ("活动", "activity"),
    "certificate": ("证明", "certificate"),
    "volunteer_service": ("志愿服务", "volunteer_service"),
    "theme_activity": ("主题活动", "theme_activity"),
    "group_work": ("小组工作", "group_work"),
    "community_work": ("社区工作", "community_work"),
    "case_work": ("个案工作", "case_work"),
    "training": ("培训", "training"),
    # the business dates a command carries (rule 35)
    "occurred_on": ("日期", "the date"),
    "registered_on": ("注册日期", "the registration date"),
    "supervision": ("督导", "supervision"),
    # teams
    "team": ("队伍", "team"),
    # service delivery
    "case": ("个案", "case"),
    "group": ("小组", "group"),
    "community_activity": ("社区活动", "community activity"),
    "served_person": ("服务对象", "served person"),
    # projects
    "project": ("项目", "project"),
    # levels
    "district": ("区县", "district"),
    "station": ("社工站", "station"),
    "community": ("社工室", "community"),
    "level_district": ("区县（区/县）", "a district (区/县)"),
    "level_station": ("社工站（镇/街道社工站）", "a station (镇/街道社工站)"),
    "level_community": ("社工室（村/居社工室）", "a community room (村/居社工室)"),
    "step_move": ("迁移", "moved"),
    "step_retire": ("撤销", "retired"),
    # people and access
    "person": ("人员", "person"),
    "role_social_worker": ("社工", "social worker (社工)"),
    "role_clerk": ("录入员", "clerk (录入员)"),
    "role_cashier": ("出纳", "cashier (出纳)"),
    "role_committee": ("管委会", "committee (管委会)"),
    "role_auditor": ("审计", "auditor (审计)"),
    "role_admin": ("管理员", "administrator (管理员)"),
    "role_any": ("政策指定的角色", "a role the policy names"),
    "action_record": ("记录", "record (记录)"),
    "action_approve": ("审批", "approve (审批)"),
    "action_pay": ("支付", "pay (支付)"),
    "action_configure": ("设置", "configure (设置)"),
    # periods and personal data
    "disclosure": ("信息公开", "disclosure"),
    "annual_report": ("年度报告", "annual report"),
    "the_gift_record": ("捐赠记录", "the gift"),
    "the_erasure_record": ("删除记录", "the erasure's record"),
    # the store
    "individual_donor": ("个人捐赠人", "individual donor"),
    "register_of_people": ("站点人员名册", "register of people of station"),
    # audit and reports
    "funds_of_station": ("有基金的站点", "fund of station"),  # a station without funds
    # sheets: rows
    "bank_bank": ("存入 bank", "存入 bank"),
    "bank_redeem": ("兑换 redeem", "兑换 redeem"),
    "bank_transfer": ("转赠 transfer", "转赠 transfer"),
    # funds
    "pledge": ("认捐", "pledge"),
    # the command line: usage
    "file_anchor": ("锚点", "anchor"),
    "file_budget": ("预算", "budget"),
    "file_chain_key": ("链密钥", "chain key"),
    "file_cipher_key": ("加密密钥", "cipher key"),
    "file_new_chain_key": ("新链密钥", "new chain key"),
    "file_new_cipher_key": ("新加密密钥", "new cipher key"),
    "file_public_key": ("公钥", "public key"),
    "file_signing_key": ("签名私钥", "signing key"),
}


# ---- the messages ---------------------------------------------------------------------------

# (Chinese, English) templates by code: first the refusals, then the phrases they are made of.
MESSAGES: Final[Mapping[str, tuple[str, str]]] = {
    # -- the base classes, for a refusal raised without a code of its own
    "ledger_error": ("账本拒绝了此操作", "the ledger refused this"),
    "rule_violation": ("账本规则不允许此操作，未作记录", "a rule of the ledger refuses this"),
    "invalid_input": ("输入有误：{problems}", "invalid input: {problems}"),
    "invalid_amount": ("金额有误", "the amount is refused"),
    "not_found": ("{kind:term} “{key}” 不存在", "{kind:term} {key!r} not found"),
    "fund_not_open": ("基金未开立或已关闭", "the fund is not open"),
    "insufficient_funds": (
        "定向用途 “{restriction}” 可用余额 {available_fen:yuan} 元，本次需要 {needed_fen:yuan} 元",
        "restriction {restriction!r} has {available_fen:yuan} yuan available, "
        "{needed_fen:yuan} yuan needed",
    ),
    "insufficient_funds_unrestricted": (
        "非定向资金可用余额 {available_fen:yuan} 元，本次需要 {needed_fen:yuan} 元",
        "unrestricted money has {available_fen:yuan} yuan available, {needed_fen:yuan} yuan needed",
    ),
    "insufficient_stock": (
        "“{item}” 库存 {in_stock} {unit}，本次要 {quantity} {unit}",
        "{in_stock} {unit} of {item!r} in stock, {quantity} asked",
    ),
    "approval_refused": (
        "“{actor}” 是 “{request_id}” 的申请人，不能审批它",
        "{actor!r} requested {request_id!r} and may not approve it",
    ),
    "payment_refused": (
        "“{actor}” 是 “{request_id}” 的申请人，不能支付它",
        "{actor!r} requested {request_id!r} and may not pay it",
    ),
    "invalid_transition": ("当前状态不允许这一步", "the entry's state does not allow this step"),
    "notice_before_approval": (
        "“{request_id}” 的公示自 {notice_from} 开始，早于其审批（{approved_on}）；"
        "请在决定作出后再公示",
        "the 公示 of {request_id!r} starts {notice_from}, before its approval ({approved_on}); "
        "notice the decision once it is taken",
    ),
    "notice_too_short": (
        "“{request_id}” 的公示只有 {days} 天（{notice_from} 至 {notice_to}，首尾都算）；本站最少 "
        "{notice_days_min} 天",
        "the 公示 of {request_id!r} runs {days:plural.day} ({notice_from} to {notice_to}, both "
        "included); the station's minimum is {notice_days_min} days",
    ),
    "period_closed": (
        "站点 “{station}” 已于 {closed_on} 结账 {period_from} 至 {period_to}（记录于 "
        "{closed_at:%Y-%m-%d %H:%M} UTC，锚点 {anchor}）；日期为 {day} 的操作，"
        "或涉及该期间服务的操作，只有附上更正说明（correction_note）才记入该期间，"
        "下一次信息公开和年度报告会列出这些更正说明",
        "station {station!r} closed {period_from} to {period_to} on {closed_on} (recorded "
        "{closed_at:%Y-%m-%d %H:%M} UTC, at anchor {anchor}); a command dated {day}, or acting on "
        "service served in the period, is recorded into it only with a correction note "
        "(correction_note), which the next disclosure and annual report list as 更正说明",
    ),
    "consent_required": (
        "变更捐赠用途需要捐赠人同意的凭据编号",
        "changing a gift's purpose needs the donor's consent reference",
    ),
    "fund_not_empty": ("基金尚未清空，不能关闭", "the fund is not empty"),
    "exists_with_different_fields": (
        "{key} 已记录过，其 {field} 为 {recorded!r}，本次为 {given!r}",
        "{key} was already recorded with {field}={recorded!r}; this command has {given!r}",
    ),
    "exists_with_different_amount": (
        "{key} 已记录过，其 {field:unitless} 为 {recorded:yuan} 元，本次为 {given:yuan} 元",
        "{key} was already recorded with {field:unitless} {recorded:yuan} yuan; this command "
        "has {given:yuan} yuan",
    ),
    "exists_with_different_duration": (
        "{key} 已记录过，其 {field:unitless} 为 {recorded:hours} 小时，本次为 {given:hours} 小时",
        "{key} was already recorded with {field:unitless} {recorded:hours} hours; this command "
        "has {given:hours} hours",
    ),
    "exists_with_different_hidden": (
        "{key} 已记录过，其 {field} 与本次不同",
        "{key} was already recorded with another {field}",
    ),
    "concurrency_conflict": (
        "其他操作一直在修改同一基金；未作记录，请重试",
        "another writer kept changing the same fund; nothing was recorded, try again",
    ),
    "store_error": ("存储无法按要求打开", "the store cannot be opened as asked"),
    "store_unreadable": (
        "无法读取已存的事件；如果存储是加密的，请用其密钥打开"
        "（Ledger(..., cipher_key=...)，--cipher-key-file）（{cause}）",
        "the stored events cannot be read; if the store is encrypted, open it with its key "
        "(Ledger(..., cipher_key=...), --cipher-key-file) ({cause})",
    ),
    "store_unreadable_at": (
        "第 {position} 个事件：无法读取已存的事件；如果存储是加密的，请用其密钥打开"
        "（Ledger(..., cipher_key=...)，--cipher-key-file）（{cause}）",
        "at position {position}: the stored events cannot be read; if the store is "
        "encrypted, open it with its key (Ledger(..., cipher_key=...), --cipher-key-file) "
        "({cause})",
    ),
    "store_unreadable_nothing_recorded": (
        "未作记录：无法读取已存的事件；如果存储是加密的，请用其密钥打开"
        "（Ledger(..., cipher_key=...)，--cipher-key-file）（{cause}）",
        "nothing was recorded: the stored events cannot be read; if the store is encrypted, "
        "open it with its key (Ledger(..., cipher_key=...), --cipher-key-file) ({cause})",
    ),
    "cipher_key": (
        "存储的加密密钥缺失、错误或格式不对",
        "the store's cipher key is missing or wrong",
    ),
    "read_only": (
        "账本以只读方式打开，不作记录",
        "the ledger was opened read-only: it records nothing",
    ),
    # -- phrases: a field's problem
    "text": ("{text}", "{text}"),
    "amount_refused": ("{value!r} {why}", "{value!r} {why}"),
    "date_before": ("{last} 早于 {first}", "{last} is before {first}"),
    # -- phrases: the entry a refusal names (entry(kind, key))
    "entry_activity": ("活动 “{key}”", "activity {key!r}"),
    "entry_adjustment": ("调整 “{key}”", "adjustment {key!r}"),
    "entry_amendment": ("预算调整 “{key}”", "amendment {key!r}"),
    "entry_award": ("表彰 “{key}”", "award {key!r}"),
    "entry_case": ("个案 “{key}”", "case {key!r}"),
    "entry_certificate": ("证明 “{key}”", "certificate {key!r}"),
    "entry_correction": ("更正 “{key}”", "correction {key!r}"),
    "entry_distribution": ("物资发放 “{key}”", "distribution {key!r}"),
    "entry_evaluation": ("评价 “{key}”", "evaluation {key!r}"),
    "entry_fund": ("基金 “{key}”", "fund {key!r}"),
    "entry_leader": ("负责人 “{key}”", "leader {key!r}"),
    "entry_person": ("人员 “{key}”", "person {key!r}"),
    "entry_pledge": ("认捐 “{key}”", "pledge {key!r}"),
    "entry_profile_correction": ("信息更正 “{key}”", "profile correction {key!r}"),
    "entry_project": ("项目 “{key}”", "project {key!r}"),
    "entry_purpose_change": ("用途变更 “{key}”", "purpose change {key!r}"),
    "entry_receipt": ("收据 “{key}”", "receipt {key!r}"),
    "entry_redemption": ("兑换 “{key}”", "redemption {key!r}"),
    "entry_refund": ("退款 “{key}”", "refund {key!r}"),
    "entry_release": ("解除定向 “{key}”", "release {key!r}"),
    "entry_request": ("支出申请 “{key}”", "request {key!r}"),
    "entry_sale": ("物资变卖 “{key}”", "sale {key!r}"),
    "entry_service_record": ("服务记录 “{key}”", "service record {key!r}"),
    "entry_supervision_record": ("督导记录 “{key}”", "supervision record {key!r}"),
    "entry_team": ("队伍 “{key}”", "team {key!r}"),
    "entry_transfer": ("转账 “{key}”", "transfer {key!r}"),
    "entry_volunteer": ("志愿者 “{key}”", "volunteer {key!r}"),
    "entry_approval_of_record": ("记录 “{key}” 的审核", "approval of record {key!r}"),
    "entry_closing_of": ("“{key}” 的关闭", "closing of {key!r}"),
    "entry_join_of": ("“{key}” 的加入", "join of {key!r}"),
    "entry_leave_of": ("“{key}” 的退出", "leave of {key!r}"),
    "entry_notice_of": ("“{key}” 的公示", "notice of {key!r}"),
    "entry_payment_of": ("“{key}” 的支付", "payment of {key!r}"),
    "entry_registration_of_unit": ("单位 “{key}” 的登记", "registration of unit {key!r}"),
    "entry_revocation_of": ("“{key}” 的撤销", "revocation of {key!r}"),
    # -- funds
    "fund_never_opened": (
        "基金从未开立",
        "the fund was never opened",
    ),
    "fund_closed": (
        "基金 “{fund_id}” 已关闭",
        "fund {fund_id!r} is closed",
    ),
    "transfer_to_closed_fund": (
        "基金 “{fund_id}” 已关闭，不接收转入",
        "fund {fund_id!r} is closed and takes no transfer",
    ),
    "step_before_entry": (
        "{step:term}的日期 {day} 早于{what}（{earlier}）",
        "{step:term} cannot be dated {day}, before {what} ({earlier})",
    ),
    "insufficient_stock_for": (
        "“{restriction}” 名下的 “{item}” 库存 {in_stock} {unit}，本次要 {quantity} {unit}",
        "{in_stock} {unit} of {item!r} for {restriction!r} in stock, {quantity} asked",
    ),
    "refund_of_goods": (
        "收据 “{receipt_no}” 是实物捐赠：请更正该记录，不能退款",
        "receipt {receipt_no!r} is an in-kind gift: correct the entry instead of refunding",
    ),
    "receipt_reversed": (
        "收据 “{receipt_no}” 已作为错误记录冲销",
        "receipt {receipt_no!r} was reversed as an erroneous entry",
    ),
    "refund_exceeds_gift": (
        "收据 “{receipt_no}”：还可退 {refundable_fen:yuan} 元，本次要退 {amount_fen:yuan} "
        "元（退款不能超过捐赠）",
        "receipt {receipt_no!r}: {refundable_fen:yuan} yuan may still be refunded, "
        "{amount_fen:yuan} yuan asked (a refund never exceeds the gift)",
    ),
    "receipt_already_reversed": (
        "收据 “{receipt_no}” 已冲销过",
        "receipt {receipt_no!r} was already reversed",
    ),
    "receipt_has_refunds": (
        "收据 “{receipt_no}” 已有退款：请更正那些金额",
        "receipt {receipt_no!r} has refunds: correct those amounts instead",
    ),
    "gift_goods_gone": (
        "收据 “{receipt_no}”：其中的 “{item}” 已有部分出库",
        "receipt {receipt_no!r}: some of its {item!r} already left the stock",
    ),
    "gift_value_left": (
        "收据 “{receipt_no}”：冲销后会留下 {left_fen:yuan} 元的 “{item}” 价值而库存已无此物",
        "receipt {receipt_no!r}: reversing it would leave {left_fen:yuan} yuan of {item!r} value "
        "with no goods in stock",
    ),
    "request_not_paid": (
        "申请 “{request_id}” {status:term}，未支付",
        "request {request_id!r} is {status:term}, not paid",
    ),
    "release_of_unrestricted": (
        "非定向资金没有可解除的定向",
        "unrestricted money has no restriction to release",
    ),
    "release_needs_reference": (
        "解除定向须注明捐赠人同意或允许解除的决定",
        "a release cites the donor's consent or the decision allowing it",
    ),
    "purpose_change_unrestricted": (
        "用途变更只在两个具名用途之间转移资金；要转为非定向资金，请解除定向",
        "a purpose change moves money between two named purposes; use a restriction release to "
        "make money unrestricted",
    ),
    "purpose_unchanged": (
        "新用途与原用途相同",
        "the new purpose is the same as the old one",
    ),
    "request_not_awaiting_approval": (
        "申请 “{request_id}” {status:term}，不在待审批状态",
        "request {request_id!r} is {status:term}, not awaiting approval",
    ),
    "notice_needs_approval": (
        "申请 “{request_id}” {status:term}；公示在审批之后",
        "request {request_id!r} is {status:term}; 公示 follows approval",
    ),
    "notice_period_reversed": (
        "公示期的结束早于开始",
        "the notice period ends before it starts",
    ),
    "request_not_approved": (
        "申请 “{request_id}” {status:term}，未获批准",
        "request {request_id!r} is {status:term}, not approved",
    ),
    "approver_may_not_pay": (
        "“{actor}” 审批了 “{request_id}”，不能再支付它（本站的权限设置要求审批与支付分开）",
        "{actor!r} approved {request_id!r} and may not also pay it (the station's access policy "
        "keeps approving and paying apart)",
    ),
    "voucher_reversed": (
        "“{request_id}” 的凭证 “{voucher_no}” 已作为错误冲销；请用新凭证支付",
        "voucher {voucher_no!r} of {request_id!r} was reversed as an error; pay with a new voucher",
    ),
    "notice_required": (
        "基金 “{fund_id}” 要求 “{request_id}” 先公示再支付",
        "fund {fund_id!r} requires 公示 before payment of {request_id!r}",
    ),
    "notice_running": (
        "“{request_id}” 的公示到 {notice_to}（含当天）；请从次日起支付",
        "the 公示 of {request_id!r} runs until {notice_to} inclusive; pay from the day after",
    ),
    "request_already_ended": (
        "申请 “{request_id}” 已{status:term}",
        "request {request_id!r} is already {status:term}",
    ),
    "transfer_to_itself": (
        "基金不能转给自己",
        "a fund cannot transfer to itself",
    ),
    "transfer_recorded": (
        "转账 “{transfer_id}” 已记录过",
        "transfer {transfer_id!r} is already recorded",
    ),
    "fund_has_reserved": (
        "还有 {reserved_fen:yuan} 元为已批准的申请预留",
        "{reserved_fen:yuan} yuan is reserved for approved requests",
    ),
    "fund_has_goods": (
        "仍有物资在库：{goods:list}",
        "goods still in stock: {goods:list}",
    ),
    "fund_has_cash": (
        "仍有 {total_fen:yuan} 元结余；请先转到另一基金",
        "{total_fen:yuan} yuan is still held; move it to another fund first",
    ),
    "fund_has_open_requests": (
        "还有申请待决定：{requests:list}",
        "requests still awaiting a decision: {requests:list}",
    ),
    "the_gift": (
        "捐赠 “{key}”",
        "the gift {key!r}",
    ),
    "the_request": (
        "申请 “{key}”",
        "the request {key!r}",
    ),
    "the_approval_of": (
        "“{key}” 的审批",
        "the approval of {key!r}",
    ),
    "entry_approval_by": (
        "“{actor}” 对 “{request_id}” 的审批",
        "approval of {request_id!r} by {actor!r}",
    ),
    "entry_ended_request": (
        "{status:term}的申请 “{key}”",
        "{status:term} request {key!r}",
    ),
    # -- volunteers and the time bank
    "volunteer_not_active": (
        "志愿者 “{volunteer_id}” 已停用",
        "volunteer {volunteer_id!r} was deactivated",
    ),
    "service_refused": (
        "服务记录不符合规定",
        "the service record breaks a rule",
    ),
    "insufficient_credit": (
        "时间银行余额 {balance_s:hours} 小时，本次要 {needed_s:hours} 小时；余额不能低于 "
        "{limit_s:hours} 小时",
        "time-bank balance {balance_s:hours} hours, {needed_s:hours} hours asked; the balance may "
        "not go below {limit_s:hours} hours",
    ),
    "personal_data_erased": (
        "志愿者 “{volunteer_id}” 的个人信息已于 {erased_on} 删除：不能再读取或更正，"
        "此编号也不能再次登记（请用新编号重新登记此人）",
        "the personal data of volunteer {volunteer_id!r} was erased on {erased_on}: it cannot be "
        "read or corrected, and the id cannot be registered again (register the person anew under "
        "a new id)",
    ),
    "bank_rate_not_positive": (
        "时间银行兑换比例必须大于 0%",
        "the time-bank rate must be more than 0 %",
    ),
    "bank_limit_positive": (
        "时间银行下限大于零会拒绝每一次首次兑换",
        "a time-bank limit above zero would refuse every first redemption",
    ),
    "notice_days_min_zero": (
        "公示至少一天",
        "a 公示 lasts at least one day",
    ),
    "star_thresholds_refused": (
        "星级门槛有误：{problem}",
        "{problem}",
    ),
    "star_thresholds_count": (
        "星级门槛要 {levels} 个，每级一个，而不是 {given} 个",
        "give {levels} star thresholds, one per level, not {given}",
    ),
    "star_thresholds_whole": (
        "星级门槛是整数小时",
        "star thresholds are whole hours",
    ),
    "star_thresholds_zero": (
        "第一个星级门槛要大于零小时",
        "the first star threshold is above zero hours",
    ),
    "star_thresholds_order": (
        "每个星级门槛都要比前一个多",
        "each star threshold is more hours than the one before",
    ),
    "star_thresholds_max": (
        "超过 {max_h} 小时的星级门槛不是合理的小时数",
        "a star threshold above {max_h} hours is not a number of hours",
    ),
    "activity_period_reversed": (
        "活动的结束早于开始",
        "the activity ends before it starts",
    ),
    "service_overlaps": (
        "与同一志愿者的记录 “{record_id}” 时间重叠（{start:%Y-%m-%d %H:%M} 至 {end:%H:%M}）",
        "overlaps record {record_id!r} of the same volunteer ({start:%Y-%m-%d %H:%M} to "
        "{end:%H:%M})",
    ),
    "service_ends_before_start": (
        "结束时间 {end:%H:%M:%S} 不晚于开始时间 {start:%H:%M:%S}（{start:%Y-%m-%d}）：请检查这两列",
        "the end {end:%H:%M:%S} is not after the start {start:%H:%M:%S} ({start:%Y-%m-%d}): "
        "check the two times",
    ),
    "service_no_time": (
        "服务记录的时长必须大于零",
        "a service record needs a duration above zero",
    ),
    "service_over_a_day": (
        "{duration_s:hours} 小时超过一条记录的 24 小时",
        "{duration_s:hours} hours is more than 24 hours in one record",
    ),
    "service_over_days": (
        "{duration_s:hours} 小时超过此记录 {days} 天里每天 24 小时",
        "{duration_s:hours} hours is more than 24 hours a day over the record's {days} days",
    ),
    "service_ends_in_future": (
        "服务记录不能在将来结束",
        "a service record cannot end in the future",
    ),
    "service_days_with_times": (
        "跨多天的记录以时长记时，不写开始和结束时间",
        "a record over several days gives its time as a duration, not a start and an end",
    ),
    "service_day_full": (
        "志愿者 “{volunteer_id}” 在 {day} 的服务将达 {total_s:hours} 小时（已记 {recorded_s:hours} "
        "小时，再加 {added_s:hours} 小时）：一天只有 24 小时",
        "volunteer {volunteer_id!r} would have {total_s:hours} hours of service on {day} "
        "({recorded_s:hours} hours recorded and {added_s:hours} hours more): a day has 24 hours",
    ),
    "service_before_registration": (
        "{day} 的服务早于志愿者 “{volunteer_id}” 的登记日（{registered_on}）",
        "service on {day} is before volunteer {volunteer_id!r} registered ({registered_on})",
    ),
    "service_outside_activity": (
        "{first} 至 {last} 的服务在活动 “{activity_id}” 的日期（{starts} 至 {ends}）之外",
        "service from {first} to {last} is outside the dates of activity {activity_id!r} ({starts} "
        "to {ends})",
    ),
    "service_period_reversed": (
        "服务记录的结束早于开始",
        "a service record ends before it starts",
    ),
    "service_in_future": (
        "服务记录的日期不能在将来",
        "a service record cannot be for a day in the future",
    ),
    "record_approved_by_other": (
        "记录 “{record_id}” 已由 “{actor}” 审核",
        "record {record_id!r} was already approved by {actor!r}",
    ),
    "record_voided": (
        "记录 “{record_id}” 已作废",
        "record {record_id!r} was voided",
    ),
    "recorder_may_not_approve": (
        "“{actor}” 录入了 “{record_id}”，不能自己审核（谁记录谁证明，但审核要另一人）",
        "{actor!r} recorded {record_id!r} and may not approve it (谁记录谁证明, but approval needs "
        "a second person)",
    ),
    "record_banked_correct": (
        "记录 “{record_id}” 已存入时间银行；请以调整（注明原因）代替更正",
        "record {record_id!r} is in the time bank; adjust the bank with a reason instead",
    ),
    "record_banked_void": (
        "记录 “{record_id}” 已存入时间银行；请先以调整（注明原因）处理",
        "record {record_id!r} is in the time bank; adjust the bank with a reason first",
    ),
    "record_already_banked": (
        "记录 “{record_id}” 已存入时间银行",
        "record {record_id!r} is already in the time bank",
    ),
    "record_not_countable": (
        "记录 “{record_id}” 不是已审核、计入时长的记录",
        "record {record_id!r} is not an approved, counted record",
    ),
    "record_not_service": (
        "记录 “{record_id}” 是{category:term}，不是志愿服务",
        "record {record_id!r} is {category:term}, not volunteer service",
    ),
    "redemption_self_approved": (
        "兑换须由录入人以外的人审批",
        "a redemption is approved by someone other than who enters it",
    ),
    "transfer_id_received": (
        "转账 “{transfer_id}” 是 “{volunteer_id}” 从 “{from_volunteer_id}” 收到的；转回要用新编号",
        "transfer {transfer_id!r} is one {volunteer_id!r} received from {from_volunteer_id!r}; a "
        "transfer back needs an id of its own",
    ),
    "transfer_to_themselves": (
        "志愿者不能把时长转给自己",
        "a volunteer cannot transfer credit to themselves",
    ),
    "adjustment_zero": (
        "调整为零，没有改变",
        "an adjustment of zero changes nothing",
    ),
    "expiry_positive": (
        "过期是扣减时长（负数）",
        "an expiry takes credit away (a negative amount)",
    ),
    "certificate_period_reversed": (
        "证明的期间结束早于开始",
        "the certificate's period ends before it starts",
    ),
    "certificate_period_open": (
        "证明只覆盖已结束的期间（period_to 在今天之后）",
        "a certificate covers a period that has ended (period_to is ahead)",
    ),
    "certificate_no_records": (
        "该期间没有已审核的志愿服务记录可证明",
        "no approved volunteer-service records in that period to certify",
    ),
    "entry_station_policy": (
        "站点设置",
        "station policy",
    ),
    # -- teams
    "unknown_team": (
        "队伍 “{key}” 不存在",
        "team {key!r} not found",
    ),
    "unknown_volunteer": (
        "志愿者 “{key}” 不存在",
        "volunteer {key!r} not found",
    ),
    "team_dissolved": (
        "队伍 “{team_id}” 已于 {dissolved_on} 解散：不再记录任何事项",
        "team {team_id!r} was dissolved on {dissolved_on}: nothing more is recorded for it",
    ),
    "before_formation": (
        "{day} 早于队伍 “{team_id}” 的成立日（{formed_on}）",
        "{day} is before team {team_id!r} was formed ({formed_on})",
    ),
    "other_station": (
        "志愿者 “{volunteer_id}” 属于站点 “{volunteer_station}”，队伍 “{team_id}” 属于站点 "
        "“{team_station}”",
        "volunteer {volunteer_id!r} is of station {volunteer_station!r}, team {team_id!r} of "
        "station {team_station!r}",
    ),
    "join_before_registration": (
        "{day} 早于志愿者 “{volunteer_id}” 的登记日（{registered_on}）",
        "{day} is before volunteer {volunteer_id!r} registered ({registered_on})",
    ),
    "volunteer_deactivated_on": (
        "志愿者 “{volunteer_id}” 已于 {deactivated_on} 停用",
        "volunteer {volunteer_id!r} was deactivated on {deactivated_on}",
    ),
    "already_member": (
        "志愿者 “{volunteer_id}” 自 {since} 起已是队伍 “{team_id}” 的成员",
        "volunteer {volunteer_id!r} is a member of team {team_id!r} since {since}",
    ),
    "join_before_leave": (
        "志愿者 “{volunteer_id}” 于 {left_on} 退出队伍 “{team_id}”：再次加入的日期不能早于此日",
        "volunteer {volunteer_id!r} left team {team_id!r} on {left_on}: a new join is dated on or "
        "after it",
    ),
    "not_a_member": (
        "志愿者 “{volunteer_id}” 不是队伍 “{team_id}” 的成员",
        "volunteer {volunteer_id!r} is not a member of team {team_id!r}",
    ),
    "leave_before_join": (
        "志愿者 “{volunteer_id}” 于 {joined_on} 加入队伍 “{team_id}”：退出日期不能早于此日",
        "volunteer {volunteer_id!r} joined team {team_id!r} on {joined_on}: the leave is dated on "
        "or after it",
    ),
    "leave_before_leadership": (
        "志愿者 “{volunteer_id}” 自 {led_from} 起任队伍 “{team_id}” 的负责人：退出日期不能早于此日",
        "volunteer {volunteer_id!r} was named leader of team {team_id!r} from {led_from}: their "
        "leave is dated on or after it",
    ),
    "leader_before_leader": (
        "队伍 “{team_id}” 的负责人自 {led_from} 起任命：新负责人的日期不能早于此日",
        "team {team_id!r} has a leader named from {led_from}: a new one is named on or after it",
    ),
    "leader_not_member": (
        "志愿者 “{volunteer_id}” 在 {day} 不是队伍 “{team_id}” 的成员：负责人须是成员",
        "volunteer {volunteer_id!r} is not a member of team {team_id!r} on {day}: a leader is one "
        "of its members",
    ),
    "dissolution_before_change": (
        "队伍 “{team_id}” 在 {last} 有变动记录：解散日期不能早于此日",
        "team {team_id!r} has a change recorded on {last}: it is dissolved on or after it",
    ),
    "recipient_other_station": (
        "{recipient:term} “{recipient_id}” 属于站点 “{recipient_station}”，而不是 “{station_id}”",
        "{recipient:term} {recipient_id!r} is of station {recipient_station!r}, not {station_id!r}",
    ),
    "award_before_recipient": (
        "{recipient:term} “{recipient_id}” 在 {since} 之前还不存在：表彰日期不能早于此日",
        "{recipient:term} {recipient_id!r} did not exist before {since}: an award is dated on or "
        "after it",
    ),
    "volunteer_other_station": (
        "志愿者 “{volunteer_id}” 属于站点 “{volunteer_station}”，而不是 “{station_id}”",
        "volunteer {volunteer_id!r} is of station {volunteer_station!r}, not {station_id!r}",
    ),
    "evaluation_period_reversed": (
        "评价期间的结束早于开始",
        "the evaluation's period ends before it starts",
    ),
    "evaluation_period_ahead": (
        "评价的期间须已开始（period_from 在今天之后）",
        "an evaluation is of a period that has begun (period_from ahead)",
    ),
    "date_out_of_order": (
        "日期早于最后一次记录的日期",
        "the date is before the one recorded last",
    ),
    "entry_dissolution": (
        "解散",
        "dissolution",
    ),
    # -- text
    "text_invisible": (
        "在第 {position} 个字符处有不可见字符（{char}）；请去掉它重新输入",
        "holds an invisible character ({char}) at position {position}; type the text again without "
        "it",
    ),
    "text_line_break": (
        "在第 {position} 个字符处有换行（{char}）；此处只能是一行",
        "holds a line break ({char}) at position {position}; it must be one line",
    ),
    "text_direction_control": (
        "在第 {position} 个字符处有文字方向控制符（{char}）；它会改变文字显示的顺序",
        "holds a text-direction control ({char}) at position {position}; it can change the order "
        "text shows in",
    ),
    "text_control": (
        "在第 {position} 个字符处有控制字符（{char}）；这种字符不会是手输的",
        "holds a control character ({char}) at position {position}; such characters are never "
        "typed",
    ),
    "text_line_separator": (
        "在第 {position} 个字符处有行分隔符（{char}）；账本不保存它（一行以 LF 结束）",
        "holds a line separator ({char}) at position {position}; the ledger keeps none (a line "
        "ends in LF)",
    ),
    "text_paragraph_separator": (
        "在第 {position} 个字符处有段分隔符（{char}）；账本不保存它（一行以 LF 结束）",
        "holds a paragraph separator ({char}) at position {position}; the ledger keeps none (a "
        "line ends in LF)",
    ),
    "text_private_use": (
        "在第 {position} 个字符处有私用区字符（{char}）；它离开特定字体就没有意义",
        "holds a private-use character ({char}) at position {position}; it has no meaning outside "
        "one font",
    ),
    "text_surrogate": (
        "在第 {position} 个字符处有孤立的代理码位（{char}）；文字已损坏",
        "holds a lone surrogate ({char}) at position {position}; the text is damaged",
    ),
    "text_unassigned": (
        "在第 {position} 个字符处有未分配的码位（{char}）；文字已损坏或来自更新的 Unicode",
        "holds an unassigned code point ({char}) at position {position}; the text is damaged or "
        "from a newer Unicode",
    ),
    "not_text": (
        "应为文字，而不是 {given_type}",
        "must be text, not {given_type}",
    ),
    "value_refused": (
        "{value!r} {why}",
        "{value!r} {why}",
    ),
    "empty": (
        "不能为空",
        "must not be empty",
    ),
    "too_long": (
        "最多 {max_length} 个字符",
        "must be at most {max_length} characters",
    ),
    # -- a field's problem
    "too_long_has": (
        "最多 {max_length} 个字符（现有 {length} 个）",
        "must be at most {max_length} characters (it has {length})",
    ),
    "amount_twice": (
        "请给 {yuan}（元）或 {fen}（整数分）之一，不要两个都给",
        "give {yuan} (yuan) or {fen} (int fen), not both",
    ),
    "amount_missing": (
        "请给 {yuan}（元，如 '100.00'）或 {fen}（整数分）",
        "give {yuan} (yuan, like '100.00') or {fen} (int fen)",
    ),
    "unvalued_with_value": (
        "未估值的捐赠不带价值",
        "an unvalued gift carries no value",
    ),
    "value_needed": (
        "计价依据为 {basis} 时需要价值",
        "a value is needed with basis {basis}",
    ),
    "consent_true_false": (
        "同意与否只能是 true 或 false",
        "consent is true or false",
    ),
    "birth_date_format": (
        "出生日期的格式是 YYYY-MM-DD",
        "a birth date is YYYY-MM-DD",
    ),
    "service_time_both_ends": (
        "请同时给出 started_at 和 ended_at",
        "give both started_at and ended_at",
    ),
    "service_time_one_way": (
        "服务时间只用一种方式给出：started_at 加 ended_at，或 duration_s，或 duration_minutes",
        "give the time served one way: started_at and ended_at, or duration_s, or duration_minutes",
    ),
    "service_time_no_date": (
        "给出时长时需要 service_date",
        "a duration needs its service_date",
    ),
    "service_time_days_interval": (
        "跨多天的记录（ends_on）以时长给出",
        "a record over several days (ends_on) gives a duration",
    ),
    "service_time_ends_before": (
        "ends_on 早于 service_date",
        "ends_on is before service_date",
    ),
    "service_time_correction": (
        "更正后的时间请给 started_at 加 ended_at，或 duration_s",
        "give the corrected time as started_at and ended_at, or duration_s",
    ),
    "keyword_arguments_only": (
        "请按名称给出各字段（只接受关键字参数）",
        "give the fields by name (keyword arguments only)",
    ),
    "arguments_do_not_fit": (
        "参数与该命令不符",
        "do not fit the command",
    ),
    "pydantic_other": (
        "无效（{detail}）",
        "{detail}",
    ),
    "pydantic_missing": (
        "必填，未给出",
        "{detail}",
    ),
    "pydantic_missing_argument": (
        "必填，未给出",
        "{detail}",
    ),
    "pydantic_missing_keyword_only_argument": (
        "必填，未给出",
        "{detail}",
    ),
    "pydantic_extra_forbidden": (
        "没有这一项（多余的输入）",
        "{detail}",
    ),
    "pydantic_unexpected_keyword_argument": (
        "没有这一项（多余的输入）",
        "{detail}",
    ),
    "pydantic_unexpected_positional_argument": (
        "多余的位置参数",
        "{detail}",
    ),
    "pydantic_multiple_argument_values": (
        "同一参数给了两次",
        "{detail}",
    ),
    "pydantic_string_type": (
        "应为文字",
        "{detail}",
    ),
    "pydantic_string_too_short": (
        "至少 {min_length} 个字符",
        "{detail}",
    ),
    "pydantic_string_too_long": (
        "最多 {max_length} 个字符",
        "{detail}",
    ),
    "pydantic_string_pattern_mismatch": (
        "格式不符（应匹配 {pattern}）",
        "{detail}",
    ),
    "pydantic_int_type": (
        "应为整数",
        "{detail}",
    ),
    "pydantic_int_parsing": (
        "应为整数，无法把这段文字读成整数",
        "{detail}",
    ),
    "pydantic_int_from_float": (
        "应为整数，不能有小数部分",
        "{detail}",
    ),
    "pydantic_float_type": (
        "应为数字",
        "{detail}",
    ),
    "pydantic_float_parsing": (
        "应为数字，无法把这段文字读成数字",
        "{detail}",
    ),
    "pydantic_decimal_type": (
        "应为十进制数",
        "{detail}",
    ),
    "pydantic_decimal_parsing": (
        "应为十进制数，无法读出",
        "{detail}",
    ),
    "pydantic_bool_type": (
        "应为 true 或 false",
        "{detail}",
    ),
    "pydantic_bool_parsing": (
        "应为 true 或 false，无法读出",
        "{detail}",
    ),
    "pydantic_date_type": (
        "应为日期",
        "{detail}",
    ),
    "pydantic_date_parsing": (
        "应为 YYYY-MM-DD 格式的日期",
        "{detail}",
    ),
    "pydantic_date_from_datetime_parsing": (
        "应为 YYYY-MM-DD 格式的日期",
        "{detail}",
    ),
    "pydantic_date_from_datetime_inexact": (
        "应为日期，不带时刻",
        "{detail}",
    ),
    "pydantic_datetime_type": (
        "应为日期时间",
        "{detail}",
    ),
    "pydantic_datetime_parsing": (
        "应为日期时间（如 2024-03-01T09:00:00+08:00）",
        "{detail}",
    ),
    "pydantic_datetime_from_date_parsing": (
        "应为日期时间（如 2024-03-01T09:00:00+08:00）",
        "{detail}",
    ),
    "pydantic_timezone_aware": (
        "日期时间要带时区",
        "{detail}",
    ),
    "pydantic_timezone_naive": (
        "日期时间不能带时区",
        "{detail}",
    ),
    "pydantic_literal_error": (
        "只能是 {expected} 之一",
        "{detail}",
    ),
    "pydantic_enum": (
        "只能是 {expected} 之一",
        "{detail}",
    ),
    "pydantic_greater_than": (
        "必须大于 {gt}",
        "{detail}",
    ),
    "pydantic_greater_than_equal": (
        "必须大于或等于 {ge}",
        "{detail}",
    ),
    "pydantic_less_than": (
        "必须小于 {lt}",
        "{detail}",
    ),
    "pydantic_less_than_equal": (
        "必须小于或等于 {le}",
        "{detail}",
    ),
    "pydantic_too_short": (
        "至少要有 {min_length} 项",
        "{detail}",
    ),
    "pydantic_too_long": (
        "最多 {max_length} 项",
        "{detail}",
    ),
    "pydantic_tuple_type": (
        "应为一组值（列表或元组）",
        "{detail}",
    ),
    "pydantic_list_type": (
        "应为列表",
        "{detail}",
    ),
    "pydantic_dict_type": (
        "应为字典",
        "{detail}",
    ),
    "pydantic_model_type": (
        "应为一条记录（字典）",
        "{detail}",
    ),
    "pydantic_model_attributes_type": (
        "应为一条记录（字典）",
        "{detail}",
    ),
    "pydantic_is_instance_of": (
        "类型不对",
        "{detail}",
    ),
    "pydantic_union_tag_invalid": (
        "种类不对，只能是 {expected_tags} 之一",
        "{detail}",
    ),
    "pydantic_union_tag_not_found": (
        "缺少区分种类的字段",
        "{detail}",
    ),
    "pydantic_none_required": (
        "应为空",
        "{detail}",
    ),
    "pydantic_uuid_type": (
        "应为 UUID",
        "{detail}",
    ),
    "pydantic_uuid_parsing": (
        "应为 UUID",
        "{detail}",
    ),
    "pydantic_arguments_type": (
        "参数格式不对",
        "{detail}",
    ),
    "pydantic_value_error": (
        "值无效（{detail}）",
        "{detail}",
    ),
    "pydantic_assertion_error": (
        "值无效（{detail}）",
        "{detail}",
    ),
    # -- amounts
    "yuan_not_a_digit": (
        "含有 {char!r}（{name}），它不是数字 0-9",
        "holds {char!r} ({name}), which is not a digit 0-9",
    ),
    "yuan_comma_out_of_place": (
        "逗号位置不对（逗号只用来分隔千位：1,000.00）",
        "has a comma out of place (a comma only groups thousands: 1,000.00)",
    ),
    "yuan_not_a_number": (
        "不是元金额（如 1200、35.50 或 1,000.00）",
        "is not a number of yuan (like 1200, 35.50 or 1,000.00)",
    ),
    "yuan_wrong_type": (
        "必须是 Decimal 或文字形式的元，而不是 {given_type}",
        "must be Decimal or str yuan, not {given_type}",
    ),
    "amount_not_finite": (
        "必须是有限的数",
        "must be a finite number",
    ),
    "amount_decimals": (
        "小数超过 2 位（分是最小单位）",
        "has more than 2 decimals (fen is the smallest unit)",
    ),
    "amount_far_too_big": (
        "远超账本接受的任何金额",
        "is far above any amount the ledger accepts",
    ),
    "amount_bool": (
        "必须是整数分或 Decimal/文字形式的元，不能是布尔值",
        "must be int fen or Decimal/str yuan, not bool",
    ),
    "hint_fen_or_yuan": (
        "请给整数分或 Decimal/文字形式的元",
        "pass int fen or Decimal/str yuan",
    ),
    "amount_wrong_type": (
        "必须是整数分或 Decimal/文字形式的元，而不是 {given_type}",
        "must be int fen or Decimal/str yuan, not {given_type}",
    ),
    "yuan_bool": (
        "是布尔值，不是金额：请以文字形式的元给出 {field}，或以整数分给出 {fen_field}",
        "is a bool, not an amount: pass {field} as yuan text or {fen_field} as int fen",
    ),
    "yuan_int": (
        "是整数，而整数表示分：要 {given:yuan} 元请给 {fen_field}={given}，要 {given} 元请给 "
        "{field}='{given}'",
        "is an int, and an int is fen: pass {fen_field}={given} for {given:yuan} yuan, or "
        "{field}='{given}' for {given} yuan",
    ),
    "hint_yuan_text": (
        "请以文字或 Decimal（如 '100.50'）给出 {field}，或以整数分给出 {fen_field}",
        "pass {field} as text or Decimal (like '100.50'), or {fen_field} as int fen",
    ),
    "yuan_other_type": (
        "必须是 Decimal 或文字形式的元（或 {fen_field}：整数分），而不是 {given_type}",
        "must be Decimal or str yuan (or {fen_field}: int fen), not {given_type}",
    ),
    "fen_given_yuan": (
        "是 {given_type} 形式的元，不是整数分：元请给 {yuan_field}={given!r}，或以整数分给出 "
        "{field}",
        "is {given_type} yuan, not int fen: pass {yuan_field}={given!r} for yuan, or {field} as an "
        "int of fen",
    ),
    "fen_wrong_type": (
        "必须是整数分（或 {yuan_field}：文字形式的元），而不是 {given_type}",
        "must be an int of fen (or {yuan_field}: yuan text), not {given_type}",
    ),
    "amount_nan": (
        "是 NaN；{hint}",
        "is NaN; {hint}",
    ),
    "amount_infinite": (
        "是无穷大；{hint}",
        "is infinite; {hint}",
    ),
    "amount_float": (
        "是 {given_type}（二进制小数，不精确）；{hint}",
        "is a {given_type}; {hint}",
    ),
    "amount_negative": (
        "不能为负数",
        "must not be negative",
    ),
    "amount_zero": (
        "必须大于零",
        "must be more than zero",
    ),
    "amount_over_limit": (
        "超过每笔 {limit_fen:yuan} 元的上限",
        "is above the limit of {limit_fen:yuan} yuan per entry",
    ),
    # -- service delivery
    "not_found_unshown": (
        "找不到给出的{kind:term}",
        "{kind:term} not found (the identifier given)",
    ),
    "delivery_refused": (
        "服务记录不符合规定",
        "the record of service breaks a rule",
    ),
    "outside_life": (
        "日期在个案、小组或活动的存续期之外",
        "the date is outside the life of the case, group or activity",
    ),
    "attendance_refused": (
        "出席人数或具名的人不对",
        "the attendance or the people named are wrong",
    ),
    "duration_refused": (
        "时长不对",
        "the duration is wrong",
    ),
    "duration_none": (
        "{what}没有时长（{duration_s:hours} 小时）",
        "{what} takes no time ({duration_s:hours} hours)",
    ),
    "duration_over_a_day": (
        "{what}时长 {duration_s:hours} 小时，超过一天（24 小时）",
        "{what} lasts {duration_s:hours} hours, more than a day (24 hours)",
    ),
    "count_not_whole": (
        "{what}必须是非负整数，而不是 {count!r}",
        "{what} must be a whole number, not negative: {count!r}",
    ),
    "identified_twice_in": (
        "{what}中同一人被具名两次",
        "one person is identified twice in {what}",
    ),
    "identified_over_count_in": (
        "{what}具名 {identified} 人，多于出席的 {count} 人",
        "{identified} people identified in {what}, more than the {count} who attended",
    ),
    "identified_over_count": (
        "具名 {identified} 人，多于出席的 {count} 人",
        "{identified} people identified, more than the {count} who attended",
    ),
    "identified_twice": (
        "本次活动中同一人被具名两次",
        "one person is identified twice in the session",
    ),
    "holds_served_identifier": (
        "含有服务对象的识别信息",
        "holds the served person's identifier",
    ),
    "session_before_opening": (
        "{day} 的服务早于个案 “{case_id}” 的开案日（{opened_on}）",
        "a session on {day} is before case {case_id!r} was opened ({opened_on})",
    ),
    "close_before_last_session": (
        "个案 “{case_id}” 不能在 {day} 结案，早于其开案或最后一次服务（{last}）",
        "case {case_id!r} cannot close on {day}, before its opening or its last session ({last})",
    ),
    "session_before_set_up": (
        "{day} 的活动早于{what:term} “{code}” 的设立日（{created_on}）",
        "a session on {day} is before {what:term} {code!r} was set up ({created_on})",
    ),
    "record_counts_nothing": (
        "记录 “{record_id}” 没有计入任何场次",
        "record {record_id!r} counts no session",
    ),
    "the_count_of_record": (
        "记录 “{key}” 的次数",
        "record {key!r}'s count",
    ),
    "entry_session": (
        "服务 “{key}”",
        "session {key!r}",
    ),
    "entry_record": (
        "记录 “{key}”",
        "record {key!r}",
    ),
    "entry_session_of": (
        "{what:term} “{code}” 的服务 “{key}”",
        "session {key!r} of {what:term} {code!r}",
    ),
    "entry_set_up": (
        "{what:term} “{key}”",
        "{what:term} {key!r}",
    ),
    # -- projects
    "project_not_found": (
        "项目 “{key}” 不存在",
        "project {key!r} not found",
    ),
    "unknown_budget_line": (
        "项目 “{project_id}” 没有预算科目 “{line_code}”",
        "project {project_id!r} has no budget line {line_code!r}",
    ),
    "over_budget": (
        "项目 “{project_id}” 的预算科目 “{line_code}” 还剩 {remaining_fen:yuan} 元，本次需要 "
        "{needed_fen:yuan} 元（本站设置不允许超预算支出）",
        "budget line {line_code!r} of project {project_id!r} has {remaining_fen:yuan} yuan left, "
        "{needed_fen:yuan} yuan needed (the station's policy does not allow spending over budget)",
    ),
    "over_budget_amendment": (
        "项目 “{project_id}” 的预算科目 “{line_code}” 已支用 {committed_fen:yuan} 元；预算改为 "
        "{budget_fen:yuan} 元会使其超支（本站设置不允许超预算支出）",
        "budget line {line_code!r} of project {project_id!r} has {committed_fen:yuan} yuan "
        "committed; a budget of {budget_fen:yuan} yuan would leave it overspent (the station's "
        "policy does not allow spending over budget)",
    ),
    "project_refused": (
        "与项目不符",
        "this does not fit the project",
    ),
    "project_other_station": (
        "项目 “{project_id}” 属于站点 “{project_station}”，不属于 “{station_id}”",
        "project {project_id!r} is station {project_station!r}'s, not {station_id!r}'s",
    ),
    "project_closed": (
        "项目 “{project_id}” 已结项",
        "project {project_id!r} is closed",
    ),
    "outside_project_period": (
        "{day} 在项目 “{project_id}” 的期间（{starts_on} 至 {ends_on}）之外",
        "{day} is outside project {project_id!r}'s period ({starts_on} to {ends_on})",
    ),
    "project_other_fund": (
        "项目 “{project_id}” 不使用基金 “{fund_id}”（它使用 {fund_ids:list}）",
        "project {project_id!r} does not draw on fund {fund_id!r} (it draws on {fund_ids:list})",
    ),
    "project_period_reversed": (
        "项目期间的结束早于开始",
        "the project's period ends before it starts",
    ),
    "project_without_fund": (
        "项目至少使用一个基金",
        "a project draws on at least one fund",
    ),
    "project_fund_twice": (
        "项目的基金中有一个写了两次",
        "a fund is named twice in the project's funds",
    ),
    "project_without_lines": (
        "项目预算至少有一个科目",
        "a project's budget has at least one line",
    ),
    "budget_line_twice": (
        "预算科目编号重复",
        "a budget line code is given twice",
    ),
    "line_without_project": (
        "写了预算科目 “{budget_line}” 却没有写项目",
        "budget line {budget_line!r} is named without its project",
    ),
    "spending_needs_line": (
        "项目 “{project_id}” 的支出要写明预算科目（budget_line）",
        "spending on project {project_id!r} names the line of its budget (budget_line)",
    ),
    "fund_other_station": (
        "基金 “{fund_id}” 属于站点 “{fund_station}”；“{station_id}” 的项目只能使用本站的基金",
        "fund {fund_id!r} is station {fund_station!r}'s; a project of {station_id!r} draws on its "
        "own station's funds",
    ),
    # -- levels
    "level_refused": (
        "单位 “{unit_id}” 的变更被层级登记拒绝",
        "the register of levels refuses the change of unit {unit_id!r}",
    ),
    "unknown_unit": (
        "层级登记中没有单位 “{unit_id}”",
        "no unit {unit_id!r} in the register of levels",
    ),
    "no_levels": (
        "没有单位 “{unit_id}”：本存储尚未登记任何层级",
        "no unit {unit_id!r}: the store registers no levels yet",
    ),
    "duplicate_unit": (
        "单位 “{unit_id}” 已登记为{level:term.level}，名为 “{name}”：请改名或迁移",
        "unit {unit_id!r} is registered already, as {level:term.level} named {name!r}: rename or "
        "move it "
        "instead",
    ),
    "cycle": (
        "单位 “{unit_id}” 不能是自己的上级",
        "unit {unit_id!r} cannot be its own parent",
    ),
    "cycle_move": (
        "单位 “{unit_id}” 不能迁到 “{parent_id}” 之下，后者在它之下",
        "unit {unit_id!r} cannot move under {parent_id!r}, which is under it",
    ),
    "same_parent": (
        "单位 “{unit_id}” 已在 “{parent_id}” 之下",
        "unit {unit_id!r} is under {parent_id!r} already",
    ),
    "has_children": (
        "单位 “{unit_id}” 之下还有 {children:list}：请先迁移或撤销它们",
        "unit {unit_id!r} still has {children:list} under it: move or retire them first",
    ),
    "unit_retired": (
        "单位 “{unit_id}” 已于 {retired_on} 撤销",
        "unit {unit_id!r} retired on {retired_on}",
    ),
    "dated_before": (
        "单位 “{unit_id}” 不能在 {day} {what:term}，早于其登记或上次迁移（{last}）："
        "单位的历史按日期顺序记录",
        "unit {unit_id!r} cannot be {what:term} on {day}, before its registration or last move "
        "({last}): a unit's history is recorded in date order",
    ),
    "parent_required": (
        "{level:term.level}在社工站之下：请写明其上级",
        "{level:term.level} is under a station: name its parent",
    ),
    "top_level_parent": (
        "{level:term.level}是最高层级：没有上级",
        "{level:term.level} is the top level: it has no parent",
    ),
    "unknown_parent": (
        "上级 “{parent_id}” 不在层级登记中：请先登记它",
        "the parent {parent_id!r} is not in the register of levels: register it first",
    ),
    "wrong_parent_level": (
        "{level:term.level}的上级是{wanted:term.level}；“{parent_id}” 是{parent_level:term.level}",
        "the parent of {level:term.level} is {wanted:term.level}; {parent_id!r} is "
        "{parent_level:term.level}",
    ),
    "parent_retired": (
        "上级 “{parent_id}” 已于 {retired_on} 撤销",
        "the parent {parent_id!r} retired on {retired_on}",
    ),
    "wrong_level": (
        "单位 “{unit_id}”（{name}）是{unit_level:term}，不是{level:term}",
        "unit {unit_id!r} ({name}) is a {unit_level:term}, not a {level:term}",
    ),
    "level_without_unit": (
        "请给出该层级的 unit_id",
        "give the unit_id of the level",
    ),
    "station_or_unit": (
        "station_id 与 unit_id 只给一个",
        "give station_id or unit_id, not both",
    ),
    # -- people and access
    "access_refused": (
        "“{actor}” 不能代表站点 “{station_id}” 操作",
        "{actor!r} may not act for station {station_id!r}",
    ),
    "actor_not_registered": (
        "“{actor}” 不是站点 “{station_id}” 登记的人员；请管理员先把他/她加入本站名册",
        "{actor!r} is not a registered person of station {station_id!r}; an administrator adds "
        "them to the station's register first",
    ),
    "actor_left": (
        "“{actor}”（{name}）已离开站点 “{station_id}”，不能再代表它操作",
        "{actor!r} ({name}) left station {station_id!r} and may no longer act for it",
    ),
    "actor_ambiguous": (
        "“{actor}” 是站点 “{station_id}” {count} 个人的名字（{ids:list}）；请用编号指明是谁",
        "{actor!r} is the name of {count} people of station {station_id!r} ({ids:list}); name the "
        "person by their id",
    ),
    "not_permitted": (
        "{name}（{actor}）不能在站点 “{station_id}” {action:term.action}（{command}）："
        "其角色为{held:terms.role}；需要{needed:terms.role}",
        "{name} ({actor}) may not {action:term.action} at station {station_id!r} ({command}): they "
        "hold "
        "{held:terms.role}; it needs {needed:terms.role}",
    ),
    "not_permitted_no_role": (
        "{name}（{actor}）不能在站点 “{station_id}” {action:term.action}（{command}）："
        "没有任何角色；"
        "需要{needed:terms.role}",
        "{name} ({actor}) may not {action:term.action} at station {station_id!r} ({command}): they "
        "hold "
        "no role; it needs {needed:terms.role}",
    ),
    "not_permitted_auditor": (
        "{name}（{actor}）不能在站点 “{station_id}” {action:term.action}（{command}）："
        "审计不作记录；"
        "需要{needed:terms.role}",
        "{name} ({actor}) may not {action:term.action} at station {station_id!r} ({command}): an "
        "auditor "
        "records nothing; it needs {needed:terms.role}",
    ),
    "auditor_other_role": (
        "审计不兼任其他角色：查账的人不管账",
        "an auditor holds no other role: who checks the books does not keep them",
    ),
    "person_without_role": (
        "{name}（{person_id}）至少要有一个角色",
        "{name} ({person_id}) needs at least one role",
    ),
    "first_person_admin": (
        "站点 “{station_id}” 名册中的第一个人是管理员（管理员 admin），再由他/她登记其他人",
        "the first person of station {station_id!r}'s register is an administrator (管理员 admin), "
        "who then registers the others",
    ),
    "person_left": (
        "{name}（{person_id}）已离开本站",
        "{name} ({person_id}) left the station",
    ),
    "role_not_held": (
        "{name}（{person_id}）没有{role:term.role}这一角色",
        "{name} ({person_id}) does not hold the role {role:term.role}",
    ),
    "last_admin": (
        "{name}（{person_id}）是本站最后一位管理员；请先另设一位",
        "{name} ({person_id}) is the station's last administrator; make another one first",
    ),
    "action_without_role": (
        "权限设置中没有人可以{action:term.action}",
        "the policy names nobody who may {action:term.action}",
    ),
    "auditor_in_policy": (
        "审计不作记录：任何操作都不列审计",
        "an auditor records nothing: no action lists the auditor",
    ),
    "admin_configures": (
        "设置本站的始终是管理员（管理员 admin）",
        "an administrator (管理员 admin) always configures the station",
    ),
    # -- periods and personal data
    "report_period_reversed": (
        "报告期间的结束早于开始",
        "the report's period ends before it starts",
    ),
    "period_reversed": (
        "期间的结束早于开始",
        "the period ends before it starts",
    ),
    "entry_publication": (
        "{period_from}..{period_to} 的{kind:term}在 {anchor} 的发布",
        "publication of the {kind:term} {period_from}..{period_to} at {anchor}",
    ),
    "entry_closing": (
        "{period_from}..{period_to} 的结账",
        "closing of {period_from}..{period_to}",
    ),
    "entry_correction_of": (
        "{event_type} {aggregate_id} v{version} 的更正",
        "correction of {event_type} {aggregate_id} v{version}",
    ),
    "holds_volunteer_data": (
        "含有志愿者本人的姓名、电话或身份证号，删除后仍会以明文留存：请用志愿者编号或身份（本人、"
        "监护人）指称申请人",
        "holds the volunteer's own name, phone or ID number, which would outlive the erasure in "
        "clear: name the requester by volunteer id or role (本人, 监护人)",
    ),
    "holds_donor_name": (
        "含有捐赠人本人的姓名，{where:term}会以明文保存，删除后仍会留存：请去掉（以身份指称申请人："
        "本人、监护人）",
        "holds the donor's own name, which {where:term} keeps in clear and which would outlive "
        "their erasure: leave it out (name a requester by role: 本人, 监护人)",
    ),
    # -- dates and ID numbers
    "future_date": (
        "{field:term} {date} 晚于今天（{today}，站点时间）：事实发生后才记录（承诺的捐赠记为认捐）",
        "{field:term} {date} is after today ({today}, station time): a fact is recorded once it "
        "happened (a gift promised is recorded as a pledge)",
    ),
    "duplicate_id_number": (
        "志愿者 “{holder}” 已用此身份证号登记：一人只是一名志愿者（请更正那位志愿者的记录）",
        "volunteer {holder!r} is registered with this ID number: one person is one volunteer "
        "(correct that volunteer's record instead)",
    ),
    # -- the store
    "period_closed_move": (
        "单位 “{unit_id}” 已结账 {period_from} 至 {period_to}（锚点 {anchor}）；自 {day} 起迁移 "
        "“{moved}” 会改变其该期间的数字，因此只有附上更正说明（correction_note）才记录，"
        "其后的报告会列出这些更正说明",
        "unit {unit_id!r} closed {period_from} to {period_to} (at anchor {anchor}); moving "
        "{moved!r} from {day} on changes its figures for that period, so it is recorded only with "
        "a correction note (correction_note), which its next reports list as 更正说明",
    ),
    "anchor_beyond_store": (
        "{anchor!r}：本存储在该位置没有事件",
        "{anchor!r}: the store has no event at its position",
    ),
    "anchor_not_this_store": (
        "{anchor!r} 不是本存储在该位置的锚点（{found}）",
        "{anchor!r} is not this store's anchor at its position ({found})",
    ),
    "not_an_anchor": (
        "{anchor!r} 不是锚点（算法:位置:64 位十六进制，如报告上所印）",
        "{anchor!r} is not an anchor (ALGORITHM:POSITION:64 hex digits, as printed on a report)",
    ),
    "anchor_unknown_algorithm": (
        "{anchor!r} 写了未知的算法 {algorithm!r}",
        "{anchor!r} names an unknown algorithm {algorithm!r}",
    ),
    "anchor_fingerprint": (
        "{anchor!r}：带密钥（hmac-sha256）的锚点带有密钥指纹，也只有带密钥的才有",
        "{anchor!r}: a keyed (hmac-sha256) anchor carries its key fingerprint, and only a keyed "
        "one does",
    ),
    "not_a_year": (
        "{year} 不是年份",
        "{year} is not a year",
    ),
    "goods_of_other_station": (
        "基金 “{fund_id}” 属于站点 “{fund_station}”：其物资不能用于站点 “{station_id}” "
        "的时间银行兑换",
        "fund {fund_id!r} is station {fund_station!r}'s: its goods do not pay a redemption of "
        "station {station_id!r}'s time bank",
    ),
    "redemption_in_bank_only": (
        "“{redemption_id}” 已记录，但只在时间银行中：兑换物资要用新编号",
        "{redemption_id!r} is recorded already, in the time bank only: a redemption for goods "
        "needs an id of its own",
    ),
    "redemption_in_goods_only": (
        "“{redemption_id}” 已记录，但只在基金 “{fund_id}” 的物资中：兑换物资要用新编号",
        "{redemption_id!r} is recorded already, in the goods of fund {fund_id!r} only: a "
        "redemption for goods needs an id of its own",
    ),
    "certificate_issued_to_other": (
        "证明 “{certificate_no}” 已发给 “{holder}”",
        "certificate {certificate_no!r} was already issued to {holder!r}",
    ),
    "batch_command_refused": (
        "批量中的第 {index} 条命令被拒绝（{error_reason}）：{error}",
        "command {index} of the batch was refused ({error_reason}): {error}",
    ),
    "batch_too_long": (
        "一批最多 {most} 条命令，而不是 {given} 条",
        "a batch holds at most {most} commands, not {given}",
    ),
    "nothing_recorded_read_only": (
        "未作记录：本账本以只读方式打开（{store}）",
        "nothing was recorded: this ledger was opened read-only ({store})",
    ),
    "views_not_rebuilt": (
        "视图未重建：本账本以只读方式打开（{store}）",
        "the views were not rebuilt: this ledger was opened read-only ({store})",
    ),
    "nothing_upgraded": (
        "未作升级：本账本以只读方式打开",
        "nothing was upgraded: this ledger was opened read-only",
    ),
    "no_ledger_in": (
        "{store} 中没有账本：请检查存储，或先记录一些内容（sgz-ledger demo，或导入）",
        "there is no ledger in {store}: check the store, or record something first (sgz-ledger "
        "demo, or an import)",
    ),
    "postgres_driver_missing": (
        "无法打开 {store}：未安装 PostgreSQL 驱动（缺少 {missing}）；请安装 "
        "pip install 'sgz-ledger[postgres]'",
        "cannot open {store}: the PostgreSQL driver is not installed (missing {missing}); "
        "install it with pip install 'sgz-ledger[postgres]'",
    ),
    "cannot_open_store": (
        "无法打开存储（{store}）：{detail}",
        "cannot open the store ({store}): {detail}",
    ),
    "store_in_clear": (
        "此存储的事件未加密：请不带加密密钥打开（带密钥会把加密事件混入其中）",
        "this store keeps its events in clear: open it without a cipher key (a key would mix "
        "encrypted events into it)",
    ),
    "store_encrypted": (
        "此存储是加密的：请用其加密密钥打开（Ledger(..., cipher_key=...)，--cipher-key-file FILE）",
        "this store is encrypted: open it with its cipher key (Ledger(..., cipher_key=...), "
        "--cipher-key-file FILE)",
    ),
    "store_events_encrypted": (
        "此存储的事件是加密的：请用其加密密钥打开（Ledger(..., cipher_key=...)，--cipher-key-file "
        "FILE）",
        "this store's events are encrypted: open it with its cipher key (Ledger(..., "
        "cipher_key=...), --cipher-key-file FILE)",
    ),
    "cipher_key_wrong": (
        "给出的加密密钥不是此存储的密钥",
        "the cipher key given is not this store's key",
    ),
    "cipher_unknown": (
        "此存储的事件使用了本版本不认识的加密方式（{cipher!r}）",
        "this store's events are kept with a cipher this version does not know ({cipher!r})",
    ),
    "cipher_key_does_not_open": (
        "给出的加密密钥打不开此存储的事件（是另一把密钥？）",
        "the cipher key given does not open this store's events (another key?)",
    ),
    "cipher_key_invalid": (
        "加密密钥无效：必须是 16、24 或 32 字节 AES 密钥的 base64 文本（用 `sgz-ledger keygen` "
        "生成）",
        "the cipher key is not a valid key: it must be the base64 text of a 16-, 24- or 32-byte "
        "AES key (make one with `sgz-ledger keygen`)",
    ),
    "seal_error": (
        "封存的个人信息无法打开",
        "sealed personal data cannot be opened",
    ),
    "seal_store_error": (
        "{error}",
        "{error}",
    ),
    "donor_name_unreadable": (
        "收据 “{receipt_no}” 的捐赠人姓名：{error}",
        "the donor's name of receipt {receipt_no!r}: {error}",
    ),
    "personal_data_encrypted": (
        "个人信息是加密的：请用密钥打开账本",
        "personal data is encrypted: open the ledger with its key",
    ),
    "personal_data_key_gone": (
        "此个人信息的密钥已不存在：已被删除，或密钥表在账本之外被改动",
        "the key of this personal data is gone: it was erased, or the key table was changed "
        "outside the ledger",
    ),
    "personal_data_key_erased": (
        "此个人信息的密钥已不存在",
        "the key of this personal data is gone",
    ),
    "personal_data_unopenable": (
        "个人信息无法打开：{error}",
        "personal data cannot be opened: {error}",
    ),
    "served_lineage_unopenable": (
        "存储中服务对象的历代哈希密钥记录无法打开：{error}",
        "the store's served lineage cannot be opened: {error}",
    ),
    "personal_data_unknown_format": (
        "个人信息的封存格式未知",
        "personal data is in an unknown sealed format",
    ),
    "donor_name_format": (
        "捐赠人姓名的封存格式没有自己的密钥",
        "a donor's name is sealed in a format without a key of its own",
    ),
    "donor_name_unopenable": (
        "捐赠人姓名无法打开：{error}",
        "a donor's name cannot be opened: {error}",
    ),
    "subject_key_error": (
        "主体密钥出错",
        "a subject key cannot be used",
    ),
    "subject_key_in_clear": (
        "在包裹密钥的存储中有一把明文主体密钥：密钥表在账本之外被改动",
        "a subject key is kept in clear in a store that wraps its keys: the key table was changed "
        "outside the ledger",
    ),
    "subject_key_length": (
        "主体密钥长度不对：该行被改动过",
        "a subject key has the wrong length: a changed row",
    ),
    "subject_key_format": (
        "主体密钥的保存格式未知",
        "a subject key is stored in an unknown format",
    ),
    "subject_keys_wrapped": (
        "主体密钥用存储的加密密钥包裹：请用密钥打开账本",
        "the subject keys are wrapped with the store's cipher key: open the ledger with its key",
    ),
    "subject_key_unwrap": (
        "主体密钥用此加密密钥打不开（另一把密钥，或该行被改动）",
        "a subject key does not open with this cipher key (another key, or a changed row)",
    ),
    "subject_key_id_twice": (
        "同一主体密钥编号抽到两次；未作记录",
        "a subject key id was drawn twice; nothing was recorded",
    ),
    "sqlite_failed": (
        "SQLite：{detail}",
        "SQLite: {detail}",
    ),
    "wal_kept": (
        "另一个正在读此存储的进程使其预写日志无法清空",
        "another process reading the store kept its write-ahead log from being emptied",
    ),
    "key_bytes_may_remain": (
        "密钥已删除，但有一个早于删除的事务仍在运行，PostgreSQL 可能还保留该行的字节",
        "the key was deleted, but a transaction older than the erasure was still running, so "
        "PostgreSQL may keep the row's bytes",
    ),
    "keys_not_destroyed": (
        "删除已记录且数据已隐藏，但其密钥未能彻底销毁（{detail}）；"
        "请再运行一次删除（在没有其他进程使用存储时）：那时会完成",
        "the erasure was recorded and the data is hidden, but its keys could not be destroyed "
        "beyond recovery ({detail}); run the erasure again (once no other process uses the store): "
        "it finishes then",
    ),
    "store_failed": (
        "{failure}",
        "{failure}",
    ),
    "store_failed_detail": (
        "存储出错：{detail}",
        "the store failed: {detail}",
    ),
    "store_disk_full": (
        "无法写入存储：磁盘已满或出错（请腾出空间或检查磁盘，然后重新运行命令；"
        "失败的写入没有留下任何内容）（{detail}）",
        "the store could not be written: the disk is full or failing (free some space or check the "
        "disk, then run the command again; nothing of the failed write was kept) ({detail})",
    ),
    "store_read_only_here": (
        "此处无法写入存储：其文件、文件夹或数据库会话是只读的（报告、"
        "校验和审计可在这样的副本上运行；记录类命令不行）（{detail}）",
        "the store cannot be written here: its file, its folder or its database session is "
        "read-only (reports, verify and audit work on such a copy; commands that record do not) "
        "({detail})",
    ),
    "store_tables_damaged": (
        "存储的数据表已损坏，或不是 sgz-ledger 的存储（请运行 `sgz-ledger verify`；如发现损坏，"
        "请从备份恢复）（{detail}）",
        "the store's tables are damaged or are not a sgz-ledger store's (run `sgz-ledger verify`; "
        "restore the store from a backup if it finds the damage) ({detail})",
    ),
    "store_locked": (
        "另一个程序一直锁着存储；未作记录，请重试（{detail}）",
        "another program kept the store locked; nothing was recorded, try again ({detail})",
    ),
    "store_unreachable": (
        "与存储数据库的连接失败（服务器是否在运行、能否连通？）（{detail}）",
        "the connection to the store's database failed (is the server running and reachable?) "
        "({detail})",
    ),
    "sqlite_no_folder": (
        "无法打开 SQLite 存储 {path}：文件夹 {folder} 不存在",
        "cannot open SQLite store {path}: folder {folder} does not exist",
    ),
    "no_ledger_at": (
        "{path} 处没有账本：请检查路径，或先记录一些内容（sgz-ledger demo，或导入）",
        "there is no ledger at {path}: check the path, or record something first (sgz-ledger demo, "
        "or an import)",
    ),
    "sqlite_is_folder": (
        "无法打开 SQLite 存储 {path}：它是文件夹，不是文件",
        "cannot open SQLite store {path}: it is a folder, not a file",
    ),
    "not_a_store": (
        "{path} 不是 sgz-ledger 存储（不是 SQLite 数据库，或已损坏）",
        "{path} is not a sgz-ledger store (not a SQLite database, or a damaged one)",
    ),
    "sqlite_read_only_failed": (
        "无法以只读方式打开 SQLite 存储 {path}：{detail}",
        "cannot open SQLite store {path} read-only: {detail}",
    ),
    "sqlite_wal_unreadable": (
        "无法读取 {path}：其预写日志（{wal}）中有在此写保护文件夹里读不到的更改；请把 .db、-wal 和 "
        "-shm 文件一起复制到可写的文件夹，或让站点关闭存储后再复制",
        "cannot read {path}: its write-ahead log ({wal}) holds changes that cannot be read from "
        "this write-protected folder; copy the .db, -wal and -shm files together into a folder you "
        "may write, or have the station close the store before copying it",
    ),
    "memory_read_only": (
        "存储 {store!r} 在内存中：没有可以只读打开的内容",
        "store {store!r} is in memory: there is nothing to open read-only",
    ),
    "no_store_given": (
        "没有给出存储：请给 SQLite 路径或 postgresql:// 地址",
        "no store given: pass a SQLite path or a postgresql:// URL",
    ),
    "sqlite_url_no_file": (
        "SQLite 地址 {store!r} 中没有文件",
        "no file in SQLite URL {store!r}",
    ),
    "store_url_mistyped": (
        "存储 {store!r} 像是写错的地址：请用 memory:、sqlite::memory:、sqlite:///path、"
        "postgresql://user@host/db 或普通文件路径",
        "store {store!r} looks like a mistyped URL: use memory:, sqlite::memory:, sqlite:///path, "
        "postgresql://user@host/db, or a plain file path",
    ),
    "store_url_scheme": (
        "{store!r} 中的存储地址协议 {scheme!r} 未知：请用 SQLite 路径、sqlite:///path、"
        "postgresql://... 或 memory:",
        "unknown store URL scheme {scheme!r} in {store!r}: use a SQLite path, sqlite:///path, "
        "postgresql://... or memory:",
    ),
    "postgres_url_no_database": (
        "PostgreSQL 地址 {url!r} 没有写数据库",
        "PostgreSQL URL {url!r} names no database",
    ),
    "postgres_url_options": (
        "PostgreSQL 地址中有不认识的选项：{options:list}",
        "PostgreSQL URL option(s) not understood: {options:list}",
    ),
    "postgres_url_schema_twice": (
        "PostgreSQL 地址 {url!r} 写了不止一次 schema",
        "PostgreSQL URL {url!r} names the schema more than once",
    ),
    "postgres_url_port": (
        "PostgreSQL 地址 {url!r} 的端口不对",
        "PostgreSQL URL {url!r} has a bad port",
    ),
    "chain_key": (
        "链密钥有误",
        "the chain key is wrong",
    ),
    "chain_keyed_verify": (
        "此存储的链是带密钥的（HMAC）：请用其链密钥校验",
        "this store's chain is keyed (HMAC): verify it with its chain key",
    ),
    "chain_key_wrong": (
        "给出的链密钥不是此存储的链密钥",
        "the chain key given is not this store's chain key",
    ),
    "chain_missing": (
        "此存储的事件没有哈希链（其链元数据缺失）：请运行 `sgz-ledger verify`",
        "this store's events are not hash-chained (its chain metadata is missing): run `sgz-ledger "
        "verify`",
    ),
    "chain_unknown": (
        "此存储的哈希链（{algorithm!r}）不是本版本写的那种",
        "this store's hash chain ({algorithm!r}) is not one this version writes",
    ),
    "chain_keyed_record": (
        "此存储的哈希链带密钥（HMAC）：要记录，请用其链密钥打开",
        "this store's hash chain is keyed (HMAC): open it with its chain key to record",
    ),
    "chain_not_keyed": (
        "此存储的哈希链没有密钥；要记录，请不带链密钥打开",
        "this store's hash chain has no key; open it without a chain key to record",
    ),
    "chain_refuses_write": (
        "未作记录：{why}",
        "nothing was recorded: {why}",
    ),
    "chain_broken_tail": (
        "未作记录：存储的哈希链没有延伸到日志末尾（最后一个摘要在第 {last_chained} 个位置，"
        "本次写入之前的最后一个事件在第 {last_before} 个）；请运行 `sgz-ledger verify`",
        "nothing was recorded: the store's hash chain does not reach the end of its log (the last "
        "digest is at position {last_chained}, the last event before this write at {last_before}); "
        "run `sgz-ledger verify`",
    ),
    "copy_source_broken": (
        "未复制任何内容：存储校验不通过（{kind}：{detail}）",
        "nothing was copied: the store does not verify ({kind}: {detail})",
    ),
    "copy_target_not_empty": (
        "未复制任何内容：新存储不是空的（{store}）",
        "nothing was copied: the new store is not empty ({store})",
    ),
    "copy_does_not_verify": (
        "复制后新存储校验不通过：请删除它",
        "the new store does not verify after the copy: remove it",
    ),
    "copy_ends_early": (
        "副本在其第 {n} 个事件之前就结束了：请删除它",
        "the copy ends before its event {n}: remove it",
    ),
    "copy_personal_data_differs": (
        "副本第 {n} 个事件的个人信息与原件不同：请删除它",
        "the copy's personal data differs at its event {n}: remove it",
    ),
    "copy_donor_differs": (
        "副本第 {n} 个事件的捐赠人与原件不同：请删除它",
        "the copy's donor differs at its event {n}: remove it",
    ),
    "copy_differs": (
        "副本第 {n} 个事件与原件不同：请删除它",
        "the copy differs from the original at its event {n}: remove it",
    ),
    "copy_longer": (
        "副本的事件比原件多：请删除它",
        "the copy holds more events than the original: remove it",
    ),
    # -- audit and reports
    "certificate_revoked_unsigned": (
        "证明 “{certificate_no}” 已于 {revoked_on} 撤销：不再签名",
        "certificate {certificate_no!r} was revoked on {revoked_on}: it is not signed",
    ),
    "payload_too_long": (
        "比任何证明的载荷都长（{most} 个字符）",
        "is longer than any certificate's payload ({most} characters)",
    ),
    "payload_form": (
        "不是证明的载荷：它的形式是 {prefix}.<正文>.<签名>（复制时是否被截断？）",
        "is not a certificate's payload: it reads {prefix}.<body>.<signature> (was it cut short "
        "when copied?)",
    ),
    "payload_signature_short": (
        "被截断了：其签名只有 {has} 个字节，应有 {needs} 个",
        "is cut short: its signature has {has} of {needs} bytes",
    ),
    "payload_body_fields": (
        "已损坏：其正文缺少 {fields:list} 之一",
        "is damaged: its body lacks one of {fields:list}",
    ),
    "payload_body_undecodable": (
        "已损坏：其正文无法解码（复制时是否被截断？）",
        "is damaged: its body does not decode (was it cut short when copied?)",
    ),
    "payload_bad_date": (
        "已损坏：其中有一个日期不是日期",
        "is damaged: a date in it is not one",
    ),
    "account_name_collision": (
        "“{other}” 和 “{name}” 会成为同一个账户名片段 “{component}”",
        "{other!r} and {name!r} would both be the account name component {component!r}",
    ),
    "chain_gap": (
        "哈希链在第 {position} 个位置没有覆盖日志：有行被插入或删除；请运行 `sgz-ledger verify` "
        "查看位置",
        "the hash chain does not cover the log at position {position}: rows were inserted or "
        "deleted; run `sgz-ledger verify` to see where",
    ),
    "export_digest_mismatch": (
        "第 {position} 个事件与哈希链中的摘要不符：改动过的历史不导出任何内容；请运行 `sgz-ledger "
        "verify`",
        "the event at position {position} does not match its digest in the hash chain: nothing is "
        "exported from a changed history; run `sgz-ledger verify`",
    ),
    "unknown_figure": (
        "{value!r} 不是本报告的数据项（共 {count} 项，见 report --format csv 的 figure 列）"
        "{close:opt_close}",
        "{value!r} is not a figure of this report (it has {count}: the figure column of report "
        "--format csv lists them){close:opt_close}",
    ),
    "not_one_of": (
        "{value!r} 不是 {choices:list} 之一",
        "{value!r} is not one of: {choices:list}",
    ),
    "key_not_pem": (
        "不是 PEM 格式的 Ed25519 密钥",
        "is not an Ed25519 key in PEM form",
    ),
    "key_not_private": (
        "不是 Ed25519 私钥",
        "is not an Ed25519 private key",
    ),
    "key_not_public": (
        "不是 Ed25519 公钥（PEM，或 base64 的 32 字节）",
        "is not an Ed25519 public key (PEM, or 32 bytes in base64)",
    ),
    "key_not_ed25519": (
        "不是 Ed25519 密钥",
        "is not an Ed25519 key",
    ),
    "needs_time_zone": (
        "需要带时区",
        "needs a time zone",
    ),
    "one_line_of_at_most": (
        "只能是一行，最多 {most} 个字符",
        "is one line of at most {most} characters",
    ),
    "anchor_file_too_big": (
        "远大于锚点文件",
        "is far larger than an anchor file",
    ),
    "anchor_file_not_json": (
        "不是锚点文件（不是 JSON）",
        "is not an anchor file (not JSON)",
    ),
    "anchor_file_fields": (
        "不是锚点文件（需要 {fields:list}）",
        "is not an anchor file (needs {fields:list})",
    ),
    "anchor_file_format": (
        "格式为 {given!r}，而不是 {wanted!r}",
        "has format {given!r}, not {wanted!r}",
    ),
    "anchor_file_signature": (
        "其签名用给出的公钥验证不通过：不是用该密钥签的，或签名后被改动过",
        "its signature does not verify with the public key given: it was not signed by that key, "
        "or it was changed after signing",
    ),
    "anchor_file_time": (
        "其发布时间不是时间",
        "has a publication time that is not one",
    ),
    "views_kept_moving": (
        "审计期间视图一直在变：请审计存储的副本",
        "the views kept moving while they were audited: audit a copy of the store",
    ),
    "trail_selector": (
        "fund_id、volunteer_id、actor 只给一个",
        "give exactly one of fund_id, volunteer_id, actor",
    ),
    "too_many_entries": (
        "超过 {most} 条：请缩短期间",
        "more than {most} entries: ask for a shorter period",
    ),
    "station_or_stations": (
        "station_id 与 station_ids 只给一个",
        "give station_id or station_ids, not both",
    ),
    "not_a_quarter": (
        "{quarter} 不在 1 到 4 之间",
        "{quarter} is not 1 to 4",
    ),
    "not_a_month": (
        "{month} 不在 1 到 12 之间",
        "{month} is not 1 to 12",
    ),
    "period_too_long": (
        "期间最多 {most} 天",
        "a period is at most {most} days",
    ),
    # -- sheets
    "sheet_refused": (
        "{source}：拒绝导入，未记录任何内容（{count} 行有问题）：\n{rows}",
        "{source}: refused, nothing recorded ({count:plural.bad line}):\n{rows}",
    ),
    "row_problem": (
        "第 {line} 行{column:opt}：{problem} [{reason}]",
        "line {line}{column:opt}: {problem} [{reason}]",
    ),
    "file_problem": (
        "文件{column:opt}：{problem} [{reason}]",
        "file{column:opt}: {problem} [{reason}]",
    ),
    "column_problem": (
        "{column}：{problem}",
        "{column}: {problem}",
    ),
    "said": (
        "{said}",
        "{said}",
    ),
    "with_hint": (
        "{text}{hint}",
        "{text}{hint}",
    ),
    "file_utf16": (
        "文件是 UTF-16（Excel 的“Unicode 文本”）；请另存为“CSV UTF-8”或“CSV”",
        "the file is UTF-16 (Excel's 'Unicode text'); save it as 'CSV UTF-8' or 'CSV'",
    ),
    "file_not_utf8_gb18030": (
        "文件既不是 UTF-8 也不是 GB18030 文本",
        "the file is neither UTF-8 nor GB18030 text",
    ),
    "file_not_utf8_gb18030_big5": (
        "文件既不是 UTF-8 也不是 GB18030 文本；它可按 Big5（繁体中文）读出：请用 --encoding big5 "
        "导入",
        "the file is neither UTF-8 nor GB18030 text; it reads as Big5 (Traditional Chinese): "
        "import it with --encoding big5",
    ),
    "file_looks_big5": (
        "文件看起来是 Big5（繁体中文），按 GB18030 读会把名字读乱；如果是 Big5，请用 --encoding "
        "big5（encoding='big5'）导入；如果确实是 GB18030，请用 --encoding gb18030",
        "the file looks like Big5 (Traditional Chinese), which read as GB18030 would garble its "
        "names; if it is Big5, import it with --encoding big5 (encoding='big5'); if it is GB18030 "
        "after all, with --encoding gb18030",
    ),
    "file_bom_not_utf8": (
        "文件以 UTF-8 开头，但不是有效的 UTF-8；请指明按哪种编码读：--encoding "
        "utf-8|gb18030|big5（encoding=...）",
        "the file starts as UTF-8 but is not valid UTF-8; name the encoding to read it as: "
        "--encoding utf-8|gb18030|big5 (encoding=...)",
    ),
    "file_not_valid": (
        "文件不是有效的 {encoding}；请指明按哪种编码读：--encoding "
        "utf-8|gb18030|big5（encoding=...）",
        "the file is not valid {encoding}; name the encoding to read it as: --encoding "
        "utf-8|gb18030|big5 (encoding=...)",
    ),
    "unknown_column": (
        "不是{title}的列；可用的列：{known:list}",
        "unknown column for a {title}; known: {known:list}",
    ),
    "duplicate_column": (
        "{key} 已是列 “{header}”",
        "{key} is already the column {header!r}",
    ),
    "missing_column": (
        "{title}需要列 {label}",
        "the {title} needs the column {label}",
    ),
    "sheet_kind_has": (
        "{title}有 {columns:list}",
        "a {title} has {columns:list}",
    ),
    "unknown_sheet": (
        "前 {rows} 行中没有说明表格种类的表头（{kinds:list}）",
        "no header naming a kind of sheet in the first {rows} rows ({kinds:list})",
    ),
    "header_fits_several": (
        "表头同时符合 {titles:list}；无法判断是哪一种",
        "the header fits {titles:list}; cannot tell which",
    ),
    "file_too_big": (
        "文件大于 {most} 字节",
        "the file is larger than {most} bytes",
    ),
    "too_many_columns": (
        "多于 {most} 列",
        "more than {most} columns",
    ),
    "too_many_rows": (
        "多于 {most} 行；请拆分文件",
        "more than {most} rows; split the file",
    ),
    "not_csv": (
        "无法按 CSV 读取：{detail}",
        "not readable as CSV: {detail}",
    ),
    "missing_cells": (
        "该行只有 {cells} 个单元格，而表头有 {named} 列（少了一个单元格或逗号，数值会落到错误的列）"
        "",
        "the row has {cells} cells where the header names {named} columns (a cell or a comma is "
        "missing, so values would land in the wrong columns)",
    ),
    "extra_cells": (
        "该行有 {cells} 个单元格，而表头只有 {width} 列：多半是数值里有未加引号的逗号（如 1,000），"
        "其后的数值都错了一列；请去掉逗号（1000）或给该值加引号",
        "the row has {cells} cells where the header has {width}: most often a comma inside a "
        "value (1,000 without quotes) that moved every value after it one column along; write "
        "1000, or put the value in quotes",
    ),
    "cell_outside_columns": (
        "第 {cell} 个单元格（{value!r}）不在任何列下",
        "cell {cell} ({value!r}) is under no column",
    ),
    "cell_too_long": (
        "第 {cell} 个单元格超过 {most} 个字符",
        "cell {cell} has more than {most} characters",
    ),
    "cell_control": (
        "第 {cell} 个单元格含有控制字符（{char}）",
        "cell {cell} holds a control character ({char})",
    ),
    "no_such_day": (
        "{value!r} 不是存在的日期",
        "{value!r} is no such day",
    ),
    "not_a_date": (
        "{value!r} 不是日期（YYYY-MM-DD、YYYY/MM/DD 或 YYYY年MM月DD日）",
        "{value!r} is not a date (YYYY-MM-DD, YYYY/MM/DD or YYYY年MM月DD日)",
    ),
    "not_a_time": (
        "{value!r} 不是时刻（HH:MM 或 HH:MM:SS）",
        "{value!r} is not a time of day (HH:MM or HH:MM:SS)",
    ),
    "missing_value": (
        "为空；此项必填",
        "is empty; it is required",
    ),
    "bad_number": (
        "{value!r} 不是整数",
        "{value!r} is not a whole number",
    ),
    "duplicate_key": (
        "{label} {value!r} 也在第 {first} 行",
        "{label} {value!r} is also on line {first}",
    ),
    "bad_choice": (
        "{value!r} 不是 {choices:list} 之一",
        "{value!r} is not one of: {choices:list}",
    ),
    "step_refused": (
        "{what}：{error}",
        "{what}: {error}",
    ),
    "refused_recorded_entry": (
        "{error}；修改已记录的内容要做更正，而不是重新导入",
        "{error}; a change to a recorded entry is a correction, not a new import",
    ),
    "refused_with_line": (
        "与第 {line} 行是同一条记录，被拒绝：{error}",
        "one entry with line {line}, refused: {error}",
    ),
    "too_many_entries_sheet": (
        "此表会产生 {entries} 条账本记录，超过一次导入可记录的 {most} 条；请拆分文件",
        "the sheet makes {entries} ledger entries, more than the {most} one import may record; "
        "split the file",
    ),
    # -- sheets: rows
    "project_cells_differ": (
        "项目 “{project_id}” 的 {columns:list} 与第 {first} 行不同；"
        "一个项目自身的单元格在它的每一行都相同",
        "project {project_id!r} has other {columns:list} on line {first}; a project's own cells "
        "are the same on all its rows",
    ),
    "parents_loop": (
        "本文件中的上级形成了循环：{chain}",
        "the parents in this file loop: {chain}",
    ),
    "missing_level": (
        "为空；此项必填（区县、镇街或村居）",
        "is empty; it is required (区县, 镇街 or 村居)",
    ),
    "own_parent": (
        "单位不能是自己的上级",
        "a unit cannot be its own parent",
    ),
    "team_cells_differ": (
        "服务队 “{team_id}” 的 {columns:list} 与第 {first} 行不同；"
        "一个服务队自身的单元格在它的每一行都相同",
        "team {team_id!r} has other {columns:list} on line {first}; a team's own cells are the "
        "same on all its rows",
    ),
    "team_leader_twice": (
        "服务队 “{team_id}” 的队长已在第 {first} 行；一个服务队同时只有一位队长",
        "team {team_id!r} has its leader on line {first}; a team has one leader at a time",
    ),
    "step_joining": (
        "加入",
        "joining",
    ),
    "step_leader": (
        "任队长",
        "leader",
    ),
    "column_needs_columns": (
        "列 {given:list} 还需要列 {missing:list}",
        "the column {given:list} needs the column {missing:list} too",
    ),
    "hint_goods_unvalued": (
        "；无法估值的物资请将金额留空",
        "; leave the amount empty for goods that cannot be valued",
    ),
    "gift_mismatch": (
        "{given!r}，但第 {first} 行为同一捐赠（收据 “{receipt_no}”）给的是 {held!r}；"
        "同一捐赠的每一行都要相同",
        "{given!r}, but line {first} gives {held!r} for the same gift (receipt {receipt_no!r}); "
        "every row of a gift gives the same",
    ),
    "not_for_cash": (
        "这是物资的列；现金捐赠留空",
        "is for goods; a cash gift leaves it empty",
    ),
    "too_many_approvers": (
        "{count} 位审批人；一笔申请最多 {most} 位",
        "{count} approvers; a request has at most {most}",
    ),
    "named_twice": (
        "{names:list} 写了两次",
        "{names:list} is named twice",
    ),
    "missing_notice_column": (
        "为空，但其他公示列已填写",
        "is empty, but the other 公示 columns are given",
    ),
    "voucher_without_date": (
        "有凭证号，但 {paid_on} 为空",
        "a voucher number, but {paid_on} is empty",
    ),
    "step_approval_by": (
        "“{actor}” 的审批",
        "approval by {actor!r}",
    ),
    "step_notice_ref": (
        "公示 “{ref}”",
        "公示 {ref!r}",
    ),
    "step_payment_on": (
        "{day} 的支付",
        "payment of {day}",
    ),
    "not_hours": (
        "{value!r} 不是小时数（数字，最多 2 位小数：2.5、0.75）",
        "{value!r} is not a number of hours (digits, at most 2 decimals: 2.5, 0.75)",
    ),
    "hours_not_positive": (
        "{value!r} 小时：必须大于零",
        "{value!r} hours: must be more than zero",
    ),
    "not_for_operation": (
        "与{operation:term.bank}无关；请留空",
        "does not go with {operation:term.bank}; leave it empty",
    ),
    "same_id_number_as_line": (
        "{label} 与第 {line} 行（志愿者 “{holder}”）相同：一人只是一名志愿者",
        "{label} is the same as on line {line} (volunteer {holder!r}): one person is one volunteer",
    ),
    "time_columns_needed": (
        "服务时间需要 {start} 和 {end}，或 {minutes}",
        "the time served needs {start} and {end}, or {minutes}",
    ),
    "empty_but_given": (
        "为空，但 {given} 已填写",
        "is empty, but {given} is given",
    ),
    "no_time_served": (
        "没有服务时间：请填写 {start} 和 {end}",
        "no time served: give {start} and {end}",
    ),
    "no_time_served_or": (
        "没有服务时间：请填写 {start} 和 {end}，或 {minutes}",
        "no time served: give {start} and {end}, or {minutes}",
    ),
    "duration_mismatch": (
        "{minutes} 分钟，但 {start:%H:%M} 至 {end:%H:%M} 是 {served_minutes} 分钟",
        "{minutes} minutes, but {start:%H:%M} to {end:%H:%M} is {served_minutes} minutes",
    ),
    "activity_mismatch": (
        "{value!r}，但第 {line} 行为同一活动（{name}，{day}）给的是 {held!r}",
        "{value!r}, but line {line} gives {held!r} for the same activity ({name}, {day})",
    ),
    "activity_held_otherwise": (
        "账本中 {day} 的 “{name}”（{code}）的 {key} 为 {held!r}；本表给的是 {value!r}",
        "the ledger holds {name!r} of {day} ({code}) with {key} {held!r}; this sheet gives "
        "{value!r}",
    ),
    "the_activity": (
        "活动：{problem}",
        "the activity: {problem}",
    ),
    "step_publish_activity": (
        "发布 {day} 的活动 “{name}”（{code}）",
        "publishing the activity {name!r} of {day} ({code})",
    ),
    "give_start_and_end": (
        "请同时填写开始和结束",
        "give both start and end",
    ),
    "end_not_after_start": (
        "结束不晚于同一天的开始",
        "the end is not after the start on the same day",
    ),
    "minutes_disagree": (
        "分钟数与开始、结束时间不符",
        "the minutes do not agree with start and end",
    ),
    "give_times_or_minutes": (
        "请填写开始和结束，或分钟数",
        "give start and end, or minutes",
    ),
    "closed_case_reason": (
        "结案要写明原因",
        "a closed case gives its reason",
    ),
    "closing_reason_date": (
        "写了结案原因就要写结案日期",
        "a reason of closing needs its date",
    ),
    "step_opening": (
        "建档",
        "opening",
    ),
    "step_closing": (
        "结案",
        "closing",
    ),
    "gathering_named_otherwise": (
        "{what:term} “{code}” 在第 {first} 行名为 “{name}”（主题 “{theme}”）",
        "{what:term} {code!r} is named {name!r} (theme {theme!r}) on line {first}",
    ),
    "missing_supervision_kind": (
        "为空；此项必填（督导或培训）",
        "is empty; it is required (督导 or 培训)",
    ),
    # -- the command line
    "bad_language_setting": (
        "{name}={value!r} 不是 zh 或 en",
        "{name}={value!r} is not zh or en",
    ),
    "interrupted": (
        "已中断（已记录的内容是完整的；其余未记录）",
        "interrupted (what was recorded is whole; the rest was not)",
    ),
    "cannot_use_file": (
        "无法使用 {path}：{detail}",
        "cannot use {path}: {detail}",
    ),
    "cannot_use": (
        "无法使用：{detail}",
        "cannot use: {detail}",
    ),
    "unexpected_failure": (
        "意外的故障，这是 sgz-ledger 的缺陷：请连同所运行的命令一起报告（{kind}：{detail}；"
        "SGZ_LEDGER_TRACEBACK=1 可显示出错位置）",
        "an unexpected failure, which is a bug in sgz-ledger: please report it with the command "
        "you ran ({kind}: {detail}; SGZ_LEDGER_TRACEBACK=1 shows where)",
    ),
    # -- service delivery
    "case_closed": (
        "个案 “{case_id}” 已于 {closed_on} 结案",
        "case {case_id!r} was closed on {closed_on}",
    ),
    # -- the command line: usage
    "cannot_read_file": (
        "无法读取{what:term.file}文件 {path!r}：{detail}",
        "cannot read the {what:term.file} file {path!r}: {detail}",
    ),
    "file_empty": (
        "{what:term.file}文件 {path} 是空的",
        "the {what:term.file} file {path} is empty",
    ),
    "cannot_read": (
        "无法读取 {path}：{detail}",
        "cannot read {path}: {detail}",
    ),
    "cannot_write": (
        "无法写入 {path!r}：{detail}",
        "cannot write {path!r}: {detail}",
    ),
    "file_refused": (
        "{path}：{error}",
        "{path}: {error}",
    ),
    "no_such_in_store": (
        "{store} 中没有{kind:term} “{key}”",
        "no {kind:term} {key!r} in {store}",
    ),
    "anchor_file_needs_key": (
        "--anchor-file 需要 --public-key-file：站点的公钥，"
        "要来自可信的地方（绝不能取自锚点文件本身）",
        "--anchor-file needs --public-key-file: the station's public key, from somewhere you trust "
        "(never from the anchor file itself)",
    ),
    "no_certificate_in_store": (
        "{store} 中没有证明 “{certificate_no}”（请检查编号，或用 --volunteer 指明志愿者）",
        "no certificate {certificate_no!r} in {store} (check the number, or name the volunteer "
        "with --volunteer)",
    ),
    "certificate_held_by_several": (
        "证明 “{certificate_no}” 由 {holders:list} 持有：请用 --volunteer 指明其一",
        "certificate {certificate_no!r} is held by {holders:list}: name one with --volunteer",
    ),
    "pdf_needs_file": (
        "PDF 要写入文件：请给出 -o FILE.pdf",
        "a PDF is written to a file: give -o FILE.pdf",
    ),
    "pdf_unavailable": (
        "无法生成 PDF：{detail}",
        "no PDF can be made: {detail}",
    ),
    "sign_key_with_format": (
        "--sign-key-file 与 --format text 或 pdf 一起用（载荷的形式）",
        "--sign-key-file goes with --format text or pdf (the payload's forms)",
    ),
    "offline_without_number": (
        "--offline 校验载荷：不要同时给编号或验证码",
        "--offline checks a payload: give no number or code with it",
    ),
    "offline_needs_key": (
        "--offline 需要站点公布的公钥：--public-key FILE_OR_BASE64",
        "--offline needs the station's published public key: --public-key FILE_OR_BASE64",
    ),
    "certificate_number_and_code": (
        "请给出证明的编号和验证码（NO CODE），或 --offline PAYLOAD --public-key KEY",
        "give the certificate's number and verification code (NO CODE), or --offline PAYLOAD "
        "--public-key KEY",
    ),
    "public_key_with_offline": (
        "--public-key 与 --offline PAYLOAD 一起用",
        "--public-key goes with --offline PAYLOAD",
    ),
    "no_gift_of_donor": (
        "{store} 中没有捐赠人 “{donor}” 的捐赠",
        "no gift of donor {donor!r} in {store}",
    ),
    "json_and_format": (
        "--json 与 --format {format} 要的是两种格式",
        "--json and --format {format} ask for two formats",
    ),
    "explain_not_csv": (
        "--explain 输出文字或 JSON，不输出 CSV",
        "--explain prints text or JSON, not CSV",
    ),
    "nothing_for_station_year": (
        "{store} 中站点 “{station_id}” 在 {year} 年没有任何记录（没有基金，没有志愿者）",
        "nothing recorded for station {station_id!r} in {year} (no fund, no volunteer) in {store}",
    ),
    "fund_or_station": (
        "--fund 与 --station（--district、--community）只给一个",
        "give --fund or --station (--district, --community), not both",
    ),
    "level_needs_writable": (
        "level {action} 要记录事件，需要可写的存储（{error}）",
        "level {action} records an event, so it needs a store it can write ({error})",
    ),
    "period_needs_writable": (
        "{what} 要记录事件，需要可写的存储（{error}）；报告可在只读副本上运行，发布和结账不行",
        "{what} records an event, so it needs a store it can write ({error}); reports run on a "
        "read-only copy, publishing and closing do not",
    ),
    "nothing_to_publish": (
        "{store} 中没有事件：没有可发布的内容",
        "{store} holds no events: nothing to publish",
    ),
    "budget_lines_or_json": (
        "请以 --line CODE:NAME:YUAN（可重复）或 --budget-json 给出预算",
        "give the budget as --line CODE:NAME:YUAN (repeated) or --budget-json",
    ),
    "budget_file_too_big": (
        "预算文件 {path} 比任何预算都大",
        "the budget file {path} is larger than a budget can be",
    ),
    "budget_file_not_lines": (
        "预算文件 {path} 不是预算科目的列表"
        '（{{"code": "A1", "name": "活动费", "amount": "3000"}}）：{detail}',
        "the budget file {path} is not a list of budget lines "
        '({{"code": "A1", "name": "活动费", "amount": "3000"}}): {detail}',
    ),
    "volunteer_or_level": (
        "{command}：请给出 --volunteer 或一个层级（--district/--station/--community）",
        "{command}: give --volunteer or a level (--district/--station/--community)",
    ),
    "key_file_exists": (
        "{path} 已存在：密钥文件从不覆盖",
        "{path} exists already: a key file is never overwritten",
    ),
    "no_anchor_yet": (
        "存储中还没有事件：没有可发布的锚点（{store}）",
        "the store holds no events yet: there is no anchor to publish ({store})",
    ),
    "goods_without_counterparty": (
        "--goods FUND 已指明由谁提供物资：不要再给 --counterparty",
        "--goods FUND names who provides the goods: give no --counterparty",
    ),
    "goods_needs_unit": (
        "--goods 需要物资的 --unit（箱、袋、件……）",
        "--goods needs the goods' --unit (箱, 袋, 件...)",
    ),
    "counterparty_or_goods": (
        "请给出 --counterparty（谁提供此物），或 --goods FUND",
        "give --counterparty (who provides the item), or --goods FUND",
    ),
    "unit_with_goods": (
        "--unit 和 --restriction 与 --goods FUND 一起用",
        "--unit and --restriction go with --goods FUND",
    ),
    "served_needs_station": (
        "--served 需要 --station（受理申请的站点）",
        "--served needs --station (the station that takes the request)",
    ),
    "no_served_person": (
        "{store} 中没有任何服务或个案以此识别信息指向服务对象（已删除者的识别信息不保留，"
        "因此再也找不到）",
        "no session or case in {store} names a served person by that identifier (an erased "
        "person's identifier is not kept, so it is found no more)",
    ),
    "no_individual_donor": (
        "{store} 中没有任何捐赠指向个人捐赠人 “{donor}”（以 个人 / donor_is_person 登记的）："
        "机构名称不是个人信息，已删除捐赠人的姓名不保留，因此再也找不到",
        "no gift in {store} names an individual donor {donor!r} (given with 个人 / "
        "donor_is_person): an organisation's name is not personal data, and an erased donor's name "
        "is not kept, so it is found no more",
    ),
}
