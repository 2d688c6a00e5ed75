"""Volunteer texts for people: each volunteer's account, the figures reports quote, erasures.

Each function takes an answer of the ledger (``reports.volunteers``, an erasure event)
and returns the text the command line prints.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import msgspec

from sgz_ledger.domain.events import (
    DonorErased,
    HoursBanked,
    HoursRedeemed,
    HoursTransferredOut,
    PersonalDataErased,
    ServedPersonErased,
)
from sgz_ledger.domain.money import hours_2dp
from sgz_ledger.render.layout import table
from sgz_ledger.render.levels import unit_scope_text
from sgz_ledger.reports.volunteers import Figures, VolunteerAccount, VolunteerStats
from sgz_ledger.storage.donor_names import donor_pseudonym
from sgz_ledger.storage.sealing import pseudonym

__all__ = [
    "accounts_text",
    "bank_balances_text",
    "banked_text",
    "donor_erasure_text",
    "erasure_text",
    "redeemed_text",
    "served_erasure_text",
    "transferred_text",
    "volunteer_stats_text",
]

_ACCOUNT_HEADS = (
    ("站", "志愿者", "在册", "服务队", "服务人次", "服务时长(小时)", "待审核", "时间银行(小时)"),
    ("station", "volunteer", "active", "teams", "person-times", "hours", "pending",
     "time bank (h)"),
)  # fmt: skip


def accounts_text(
    accounts: Sequence[VolunteerAccount],
    store: str,
    *,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
) -> str:
    """Each volunteer's person-times, hours and time bank, with a total line."""
    if not accounts:
        return f"没有志愿者 No volunteers in {store}."
    period = f"{date_from or '…'} .. {date_to or '…'}" if date_from or date_to else "全部 all dates"
    rows: list[list[str] | None] = [
        [
            a.station_id,
            a.volunteer_id,
            "是 yes" if a.active else "否 no",
            ", ".join(a.teams),
            str(a.person_times),
            str(a.hours),
            str(a.pending_records),
            str(a.bank_hours),
        ]
        for a in accounts
    ]
    rows.append(None)
    # Hours of the total: the seconds summed, then rounded once (never rounded hours summed).
    rows.append(
        [
            "合计 total",
            str(len(accounts)),
            "",
            "",
            str(sum(a.person_times for a in accounts)),
            str(hours_2dp(sum(a.service_s for a in accounts))),
            str(sum(a.pending_records for a in accounts)),
            str(hours_2dp(sum(a.bank_balance_s for a in accounts))),
        ]
    )
    return (
        f"志愿者服务与时间银行 Volunteers: service and time bank    服务日期 service dates: "
        f"{period}\n存储 store: {store}\n\n"
        + table(_ACCOUNT_HEADS, rows, "lllrrrrr")
        + "\n\n时长为已审核、未作废的志愿服务记录之和, 两位小数, 四舍五入 (hours: approved, "
        "unvoided volunteer-service records, summed in seconds, then 2 decimals half up)"
    )


# ---- the time bank ---------------------------------------------------------------------------

_BALANCE_HEADS = (
    ("站", "志愿者", "在册", "时间银行(秒)", "时间银行(小时)"),
    ("station", "volunteer", "active", "seconds", "hours"),
)


def _credit(seconds: int) -> str:
    return f"{hours_2dp(seconds)} h ({seconds} s)"


def _outcome(again: bool, on: dt.date) -> str:
    return (
        f"已于 {on} 记录 already recorded on {on}; nothing new recorded"
        if again
        else "已记录 recorded"
    )


def banked_text(volunteer_id: str, event: HoursBanked, balance_s: int) -> str:
    """What ``timebank bank`` did, in one line (a record is banked once: no repeat)."""
    return (
        f"{volunteer_id}: 已记录 recorded: record {event.record_id} "
        f"({event.duration_s} s served) banked as {_credit(event.credit_s)}; "
        f"balance {_credit(balance_s)}"
    )


def redeemed_text(
    volunteer_id: str, event: HoursRedeemed, balance_s: int, *, again: bool = False
) -> str:
    """What ``timebank redeem`` did, in one line (``again``: the same redemption before)."""
    return (
        f"{volunteer_id}: {_outcome(again, event.occurred_on)}: redemption "
        f"{event.redemption_id} of {_credit(event.credit_s)} for {event.item} x{event.quantity} "
        f"from {event.counterparty}, approved by {event.approver}; balance {_credit(balance_s)}"
    )


def transferred_text(
    volunteer_id: str,
    event: HoursTransferredOut,
    from_balance_s: int,
    to_balance_s: int,
    *,
    again: bool = False,
) -> str:
    """What ``timebank transfer`` did, in one line (``again``: the same transfer before)."""
    return (
        f"{volunteer_id} -> {event.to_volunteer_id}: {_outcome(again, event.occurred_on)}: "
        f"transfer {event.transfer_id} of {_credit(event.credit_s)} ({event.reason}); "
        f"balances {volunteer_id} {_credit(from_balance_s)}, "
        f"{event.to_volunteer_id} {_credit(to_balance_s)}"
    )


def bank_balances_text(accounts: Sequence[VolunteerAccount], store: str) -> str:
    """Each volunteer's time-bank balance now, in seconds and hours, with a total line."""
    if not accounts:
        return f"没有志愿者 No volunteers in {store}."
    rows: list[list[str] | None] = [
        [
            a.station_id,
            a.volunteer_id,
            "是 yes" if a.active else "否 no",
            str(a.bank_balance_s),
            str(a.bank_hours),
        ]
        for a in accounts
    ]
    total_s = sum(a.bank_balance_s for a in accounts)
    rows += [None, ["合计 total", str(len(accounts)), "", str(total_s), str(hours_2dp(total_s))]]
    return (
        f"时间银行 Time bank (爱心储蓄银行): balances now\n存储 store: {store}\n\n"
        + table(_BALANCE_HEADS, rows, "lllrr")
        + "\n\n小时为秒数之和, 两位小数, 四舍五入 (hours: the seconds, 2 decimals half up)"
    )


# ---- erasures ------------------------------------------------------------------------------


def donor_erasure_text(event: DonorErased, *, again: bool = False) -> str:
    """What ``erase --donor`` did, in one line (``again``: erased before, its key left)."""
    name = donor_pseudonym(bytes.fromhex(event.key_id))
    if again:
        on = event.occurred_on.isoformat()
        done = f"已于 {on} 删除 was already erased on {on}; its key is destroyed now"
    else:
        done = "捐赠人姓名已删除 the donor's name is erased; its key is destroyed"
    return f"{done}: their gifts stay counted under {name}"


def served_erasure_text(event: ServedPersonErased) -> str:
    """What ``erase --served`` did, in one line."""
    ref = event.key_id[:12]
    return (
        f"服务对象信息已删除 the served person is erased; their key is destroyed: their "
        f"sessions stay counted under the reference {ref}, which leads to no one"
    )


def erasure_text(event: PersonalDataErased, *, again: bool = False) -> str:
    """What ``erase`` did, in one line (``again``: the volunteer was erased before)."""
    vid = event.volunteer_id
    if again:
        on = event.occurred_on.isoformat()
        done = f"{vid} 已于 {on} 删除 was already erased on {on}; nothing new recorded"
    else:
        done = f"{vid}: 个人信息已删除 personal data erased"
    keys = len(event.key_ids)
    parts = [done]
    if keys:
        parts.append(
            f"{keys} 个密钥已销毁 key{'s' if keys != 1 else ''} destroyed: the sealed data can "
            "no longer be opened"
        )
    if event.legacy_sealed:
        n = event.legacy_sealed
        parts.append(
            f"{n} 条旧格式记录仍在存储中 event{'s' if n != 1 else ''} sealed before per-person "
            "keys stay in the store file, hidden from every output, until the store is copied "
            "with per-person keys"
        )
    parts.append(f"hours and certificates stay under {pseudonym(vid)}")
    return "; ".join(parts)


# ---- the figures reports quote --------------------------------------------------------------


def _label(key: str) -> str:
    return key if key else "(none)"


def _cells(dimension: str, f: Figures) -> list[str]:
    return [
        dimension,
        _label(f.key),
        str(f.activities),
        str(f.person_times),
        str(f.volunteers),
        str(f.duration_s),
        str(f.hours),
    ]


def volunteer_stats_text(stats: VolunteerStats) -> str:
    """The figures as small text tables, aligned for CJK text in a terminal."""
    station = stats.station_id if stats.station_id is not None else "(all stations)"
    if not isinstance(stats.unit_id, msgspec.UnsetType):
        station = unit_scope_text(stats)
    p = stats.period
    lines = [
        f"志愿服务统计 volunteer figures  {station}  {p.label} "
        f"({p.date_from.isoformat()} .. {p.date_to.isoformat()})",
        f"注册志愿者 registered {stats.registered_volunteers} (on {p.date_to.isoformat()});"
        f" 发布活动 published {stats.activities_published};"
        f" 待审核 pending {stats.records_pending}; 已作废 voided {stats.records_voided}",
        "",
    ]
    rows: list[list[str] | None] = [_cells("", stats.service)]
    for name, group in (
        ("station", stats.by_station),
        ("team", stats.by_team),
        ("community", stats.by_community),
        ("category", stats.by_category),
        ("year", stats.by_year),
        ("quarter", stats.by_quarter),
        ("month", stats.by_month),
    ):
        rows.append(None)
        rows.extend(_cells(name, f) for f in group)
    heads = (
        ("维度", "切片", "次数", "人次", "人数", "时长(秒)", "时长(小时)"),
        ("slice", "key", "activities", "person-times", "volunteers", "seconds", "hours"),
    )
    lines.append(table(heads, rows, "llrrrrr"))
    lines.append("")
    registered: list[list[str] | None] = [
        ["station", _label(r.key), str(r.volunteers)] for r in stats.registered_by_station
    ]
    registered.append(None)
    registered.extend(["team", _label(r.key), str(r.volunteers)] for r in stats.registered_by_team)
    lines.append(
        table((("维度", "切片", "注册志愿者"), ("slice", "key", "registered")), registered, "llr")
    )
    if stats.other_categories:
        lines.append("")
        other = [
            [
                c.category,
                str(c.activities_published),
                *_cells("", c.figures)[2:],
            ]
            for c in stats.other_categories
        ]
        heads = (
            ("类别(非服务时长)", "发布", "次数", "人次", "人数", "时长(秒)", "时长(小时)"),
            ("category (not service)", "published", "activities", "person-times",
             "volunteers", "seconds", "hours"),
        )  # fmt: skip
        lines.append(table(heads, list(other), "lrrrrrr"))
    return "\n".join(lines)
