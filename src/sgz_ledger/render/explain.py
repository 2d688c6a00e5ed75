"""The annual report as CSV (one row per figure), and a figure's explanation as text."""

from __future__ import annotations

import csv
import io

from sgz_ledger.domain.money import format_yuan
from sgz_ledger.reports.annual import AnnualReport
from sgz_ledger.reports.explain import Explanation, figure_rows

__all__ = ["CSV_HEADER", "annual_report_csv", "explanation_text"]

CSV_HEADER = ("section", "figure", "label_zh", "label_en", "value", "unit")

# Excel on Chinese Windows reads a CSV without a byte order mark as the system's code page
# (GBK) and shows UTF-8 Chinese as mojibake; with the BOM it reads UTF-8. Python's csv
# module and ``utf-8-sig`` readers skip it, so the BOM costs other readers nothing.
BOM = "\ufeff"


def annual_report_csv(report: AnnualReport) -> str:
    """Every figure of ``report``, one row each (``reports.explain.figure_rows``), with a
    header row, behind a UTF-8 byte order mark; money as yuan with 2 decimals as text."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for row in figure_rows(report):
        writer.writerow((row.section, row.figure, row.label_zh, row.label_en, row.value, row.unit))
    return BOM + out.getvalue()


def _amount(amount: int, e: Explanation) -> str:
    if e.base_unit == "fen":
        return f"{'+' if amount >= 0 else '-'}{format_yuan(abs(amount))} 元"
    if e.base_unit == "s":
        return f"{amount:+d} s"
    return f"{amount:+d} {e.unit}"


def explanation_text(e: Explanation) -> str:
    """The contributing events, one a line, then the total and the figure."""
    lines = [
        f"{e.figure} = {e.value} {e.unit}",
        f"{'位置 position':>14}  {'日期 date':<10}  {'事件 event':<28}  "
        f"{'代码 code':<16}  {'编号 ref':<14}  贡献 contribution",
    ]
    for c in e.contributions:
        lines.append(
            f"{c.position:>14}  {c.occurred_on.isoformat():<10}  {c.event_type:<28}  "
            f"{c.aggregate:<16}  {c.ref:<14}  {_amount(c.amount, e)}"
        )
    total = _amount(e.total, e)
    if e.base_unit == "s" and e.unit == "小时":
        total += f" = {e.total_text} 小时"
    lines.append(f"合计 total ({len(e.contributions)} 条 events): {total}")
    return "\n".join(lines)
