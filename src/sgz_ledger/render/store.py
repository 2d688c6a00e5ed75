"""Store texts for people: new keys, the published anchor, an upgrade, a copy under new keys.

Each function takes what the command did (``Ledger.upgrade``'s report, ``copy_store``'s)
and returns the text the command line prints.
"""

from __future__ import annotations

from pathlib import Path

from sgz_ledger.render.audit import verify_text
from sgz_ledger.render.layout import table
from sgz_ledger.service.app import UpgradeReport
from sgz_ledger.service.rekey import CopyReport
from sgz_ledger.storage.chain import Anchor, VerifyReport

__all__ = [
    "copy_refused_text",
    "key_written_text",
    "rekey_text",
    "signed_anchor_text",
    "upgrade_text",
]


def key_written_text(kind: str, path: Path, public: Path | None = None) -> str:
    """What ``keygen`` wrote (``public``: a signing key's public half)."""
    if kind == "cipher":
        return (
            f"密钥已生成 cipher key written to {path} (keep it safe: without it the store is lost)"
        )
    if kind == "chain":
        return f"链密钥已生成 chain key written to {path} (every writer and auditor needs it)"
    return (
        f"签名密钥已生成 signing key written to {path}; its public key to {public} "
        "(publish the public key where readers can find it)"
    )


def signed_anchor_text(anchor: Anchor, path: str) -> str:
    """Where ``anchor --sign-key-file -o FILE`` wrote the signed anchor."""
    return f"已签名锚点 signed anchor {anchor} written to {path}"


def upgrade_text(report: UpgradeReport, store: str) -> str:
    """What ``upgrade`` found, pinned and claimed, and the spellings it reads in canonical
    form; volunteers sharing an ID number are named by volunteer id only."""
    lines: list[str] = []
    if not report.verify.ok:
        lines.append(verify_text(report.verify, store))
        lines.append("  未升级 NOT upgraded: the store changes nothing until it verifies")
    elif report.pinned:
        pinned = ", ".join(f"{name}={value}" for name, value in sorted(report.pinned.items()))
        lines.append(
            f"已升级 Upgraded {store}: verified {report.verify.events:,} events, pinned {pinned}, "
            f"views up to position {report.views_position:,}"
        )
    elif not report.id_numbers_claimed:
        lines.append(f"无需升级 Nothing to upgrade in {store}: it already says all it should")
    else:
        lines.append(
            f"已升级 Upgraded {store}: verified {report.verify.events:,} events, "
            f"views up to position {report.views_position:,}"
        )
    if report.id_numbers_claimed:
        lines.append(
            f"  已登记身份证号 claimed {report.id_numbers_claimed:,} ID numbers of volunteers "
            "that held no claim: a new volunteer with one of them is refused"
        )
    if report.id_numbers_shared:
        lines.append(
            f"  发现 FINDING: {len(report.id_numbers_shared):,} 名志愿者与他人身份证号相同 "
            "volunteers share an ID number with the volunteer who holds it: correct one of "
            "each pair (correct_volunteer_profile, field id_number)"
        )
        shared: list[list[str] | None] = [
            [s.holder, s.volunteer_id] for s in report.id_numbers_shared
        ]
        pair_heads = (("持有人", "同号志愿者"), ("holder", "same number"))
        lines.append(table(pair_heads, shared, "ll"))
    if report.respelt_count:
        lines.append(
            f"  注意 note: {report.respelt_count:,} 处键或名称的写法非规范 keys or names were "
            "recorded in a spelling this version reads in its canonical form (as below; a "
            "code read as recorded cannot be typed today: ask for it to be corrected)"
        )
        rows: list[list[str] | None] = [
            [str(r.position), r.field, r.recorded, r.read or "(as recorded)"]
            for r in report.respelt
        ]
        heads = (
            ("位置", "字段", "记录的写法", "读作"),
            ("position", "field", "recorded", "read as"),
        )
        lines.append(table(heads, rows, "rlll"))
    return "\n".join(lines)


def copy_refused_text(checked: VerifyReport, store: str) -> str:
    """Why ``rekey`` copied nothing: the store does not verify."""
    return (
        verify_text(checked, store) + "\n  未复制 NOT copied: only a store that verifies is copied"
    )


def rekey_text(report: CopyReport, where: str) -> str:
    """What ``rekey`` copied, and the two heads to keep and to publish."""
    return (
        f"已换密钥 Copied {report.events:,} events into {where} under the new key and "
        f"verified the copy (every event read back equal; {report.keys} subject keys carried "
        f"across, {report.resealed} personal records sealed again)\n"
        f"  原账本锚点 the old store's head: {report.source_head}\n"
        f"  新账本锚点 the new store's head: {report.target.head} (publish it)"
    )
