"""A volunteer service certificate (志愿服务证明) for people: text, JSON and a printable page.

``reports.certificates.certificate`` rebuilds a certificate as issued; these functions
lay it out. Every value taken from the ledger is printed on one line with its control
and format characters made harmless (``_clean``), and the page escapes it, so a
record's content can neither forge a line nor run in a browser.
"""

from __future__ import annotations

import html
import shlex
import unicodedata
from collections.abc import Iterable, Sequence

import msgspec

from sgz_ledger.render.layout import display_width, pad
from sgz_ledger.reports.certificates import Certificate

__all__ = [
    "FREE_LINE",
    "OFFLINE_COMMAND",
    "RECORD_HEADS",
    "TOTAL_NOTE_EN",
    "TOTAL_NOTE_ZH",
    "certificate_fields",
    "certificate_html",
    "certificate_json",
    "certificate_text",
    "clean_line",
    "issuer_fields",
    "offline_lines",
    "record_cells",
    "verify_command",
]

_VERIFY_COMMAND = "sgz-ledger verify-certificate"

FREE_LINE = "本证明免费出具 Issued free of charge (志愿服务记录与证明出具办法 Art.14-17)."
TOTAL_NOTE_ZH = "合计按秒累加后四舍五入至两位小数；各条时长单独取整，相加可能与合计略有出入。"
TOTAL_NOTE_EN = (
    "Total: seconds summed, then rounded half up to 2 decimals once; each record's hours "
    "are rounded on their own."
)
RECORD_HEADS = (
    ("序号", "日期", "时长(小时)", "活动", "组织单位", "内容"),
    ("No.", "Date", "Hours", "Activity", "Organiser", "Content"),
)
_RECORD_ALIGN = "rlrlll"  # no., date, hours, activity, organiser, content: numbers right


def clean_line(text: str) -> str:
    """Text safe to print on one line: control characters (line breaks, tabs) become
    spaces and format characters (bidi overrides, zero-width) go, so a record's content
    can neither start a forged line ("验证码: ...") nor reorder what is printed."""
    out = []
    for ch in text:
        category = unicodedata.category(ch)
        if category == "Cc":
            out.append(" ")
        elif category != "Cf":
            out.append(ch)
    return "".join(out)


def verify_command(cert: Certificate) -> str:
    """The command that checks ``cert`` against the store, as printed on it."""
    return f"{_VERIFY_COMMAND} {shlex.quote(cert.certificate_no)} {cert.verification_code}"


def _name_line(cert: Certificate) -> str:
    if cert.name_erased:
        return (
            f"{clean_line(cert.name)}（个人信息已删除 personal data erased, 个人信息保护法 Art.47）"
        )
    if cert.name_disclosed:
        return clean_line(cert.name)
    return (
        f"{clean_line(cert.name)}（未经本人同意不公开全名 full name not disclosed without consent）"
    )


def certificate_fields(cert: Certificate) -> list[tuple[str, str]]:
    """The certificate's head: number, name, volunteer id, period, hours, records."""
    return [
        ("编号 No.", clean_line(cert.certificate_no)),
        ("姓名 Name", _name_line(cert)),
        ("志愿者编号 Volunteer ID", clean_line(cert.volunteer_id)),
        (
            "服务期间 Period",
            f"{cert.period_from.isoformat()} 至 to {cert.period_to.isoformat()}",
        ),
        ("服务时长 Service time", f"{cert.total_hours} 小时 hours"),
        ("服务记录 Records", f"{len(cert.records)} 条"),
    ]


def issuer_fields(cert: Certificate) -> list[tuple[str, str]]:
    """Who issued it, when, and its verification code."""
    return [
        ("出具单位 Issuing unit", clean_line(cert.issuing_station)),
        ("出具人 Issued by", clean_line(cert.issuer)),
        ("出具日期 Date of issue", cert.issued_on.isoformat()),
        ("验证码 Verification code", cert.verification_code),
    ]


def _label_lines(pairs: Sequence[tuple[str, str]], width: int) -> list[str]:
    return [pad(label + ":", width, "l") + value for label, value in pairs]


def record_cells(cert: Certificate) -> list[tuple[str, ...]]:
    """One row per record (``RECORD_HEADS``' columns), every value made one clean line."""
    return [
        (
            str(n),
            r.service_date.isoformat(),
            str(r.hours),
            clean_line(r.activity_name),
            clean_line(r.organizer),
            clean_line(r.content),
        )
        for n, r in enumerate(cert.records, start=1)
    ]


def _table(rows: Iterable[Sequence[str]]) -> list[str]:
    body = list(rows)
    lines_in = [*RECORD_HEADS, *body]
    # The last column (content) is not padded: it may be long, and nothing follows it.
    widths = [
        max(display_width(line[i]) for line in lines_in) for i in range(len(_RECORD_ALIGN) - 1)
    ]

    def render(cells: Sequence[str]) -> str:
        padded = [pad(c, w, a) for c, w, a in zip(cells, widths, _RECORD_ALIGN, strict=False)]
        return "  ".join([*padded, cells[-1]]).rstrip()

    # The content column's rule is as wide as its heading, however long the content.
    content_w = max(display_width(head[-1]) for head in RECORD_HEADS)
    rule = "  ".join("-" * w for w in [*widths, content_w])
    return [render(h) for h in RECORD_HEADS] + [rule] + [render(row) for row in body]


OFFLINE_COMMAND = "sgz-ledger verify-certificate --offline PAYLOAD --public-key STATION_KEY.pub"


def offline_lines(payload: str, key_id: str) -> list[str]:
    """The lines that tell a reader how to check the signed payload without the store."""
    return [
        f"离线验证 Offline check (签名 signed by station key {key_id}): {OFFLINE_COMMAND}",
        f"PAYLOAD: {payload}",
    ]


def certificate_text(cert: Certificate, *, payload: str = "", key_id: str = "") -> str:
    """The certificate as plain text (Chinese with English labels), for printing or mail;
    with ``payload`` (``audit.certificate_signature.sign_certificate``) and the signing key's
    id, the lines to check it offline too."""
    title = "志愿服务证明  Volunteer Service Certificate"
    lines = [title, "=" * display_width(title)]
    if cert.revoked_on is not None:
        lines.append(
            f"!! 已撤销 REVOKED on {cert.revoked_on.isoformat()}: {clean_line(cert.revoked_reason)}"
        )
    top, bottom = certificate_fields(cert), issuer_fields(cert)
    # One column for the values of both blocks: the widest label, its colon and a space.
    width = max(display_width(label) for label, _ in (*top, *bottom)) + 2
    lines += _label_lines(top, width)
    lines.append("")
    lines += _table(record_cells(cert))
    lines.append(f"合计 Total: {cert.total_hours} 小时 hours ({cert.total_s} s)")
    lines += [TOTAL_NOTE_ZH, TOTAL_NOTE_EN]
    lines.append("")
    lines += _label_lines(bottom, width)
    lines.append("")
    lines.append(f"验证 To verify: {verify_command(cert)}")
    if payload:
        lines += offline_lines(payload, key_id)
    lines.append(FREE_LINE)
    return "\n".join(lines) + "\n"


def certificate_json(cert: Certificate) -> str:
    """The certificate as JSON: seconds as integers, hours as 2-decimal strings ("1495.71")."""
    # msgspec writes Decimal as a string, so hours keep their 2 decimals exactly.
    return msgspec.json.format(msgspec.json.encode(cert), indent=2).decode("utf-8")


_CSS = """
body { font-family: "Noto Serif CJK SC", "Songti SC", SimSun, serif; margin: 2em; color: #000; }
main { max-width: 48em; margin: auto; }
h1 { text-align: center; font-size: 1.6em; margin-bottom: 0.2em; }
h1 small { display: block; font-size: 0.55em; font-weight: normal; }
.revoked { border: 3px solid #b00; color: #b00; padding: 0.5em; font-weight: bold; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.2em 1em; }
dt { font-weight: bold; }
dd { margin: 0; }
table { border-collapse: collapse; width: 100%; margin: 1em 0; }
th, td { border: 1px solid #444; padding: 0.25em 0.5em; vertical-align: top; }
td.num { text-align: right; white-space: nowrap; }
.note { font-size: 0.85em; }
code { font-size: 1.05em; }
@page { size: A4; margin: 15mm; }
@media print { body { margin: 0; } }
""".strip()


def _e(text: str) -> str:
    return html.escape(clean_line(text), quote=True)


def _dl(pairs: Sequence[tuple[str, str]]) -> str:
    items = "".join(f"<dt>{_e(label)}</dt><dd>{_e(value)}</dd>" for label, value in pairs)
    return f"<dl>{items}</dl>"


def certificate_html(cert: Certificate) -> str:
    """The certificate as one self-contained, printable HTML page (every value escaped)."""
    heads = "".join(
        f"<th>{_e(zh)}<br>{_e(en)}</th>"
        for zh, en in zip(RECORD_HEADS[0], RECORD_HEADS[1], strict=True)
    )
    rows = "".join(
        "<tr>"
        + "".join(
            f'<td class="num">{_e(c)}</td>' if i in (0, 2) else f"<td>{_e(c)}</td>"
            for i, c in enumerate(cells)
        )
        + "</tr>"
        for cells in record_cells(cert)
    )
    revoked = ""
    if cert.revoked_on is not None:
        revoked = (
            f'<p class="revoked">已撤销 REVOKED on {_e(cert.revoked_on.isoformat())}: '
            f"{_e(cert.revoked_reason)}</p>"
        )
    no = _e(cert.certificate_no)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        # Nothing is loaded or run: the page is only what it shows, even if opened from mail.
        '<meta http-equiv="Content-Security-Policy" '
        "content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>志愿服务证明 Volunteer Service Certificate {no}</title>\n"
        f"<style>\n{_CSS}\n</style>\n</head>\n<body>\n<main>\n"
        "<h1>志愿服务证明<small>Volunteer Service Certificate</small></h1>\n"
        f"{revoked}\n"
        f"{_dl(certificate_fields(cert))}\n"
        f"<table>\n<thead><tr>{heads}</tr></thead>\n<tbody>{rows}</tbody>\n"
        f'<tfoot><tr><th colspan="2">合计 Total</th><td class="num">{_e(str(cert.total_hours))}'
        f'</td><td colspan="3">{cert.total_s} s</td></tr></tfoot>\n</table>\n'
        f'<p class="note">{_e(TOTAL_NOTE_ZH)}<br>{_e(TOTAL_NOTE_EN)}</p>\n'
        f"{_dl(issuer_fields(cert))}\n"
        f"<p>验证 To verify: <code>{_e(verify_command(cert))}</code></p>\n"
        f'<p class="note">{_e(FREE_LINE)}</p>\n'
        "</main>\n</body>\n</html>\n"
    )
