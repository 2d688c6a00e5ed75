"""The journals read by the real tools: hledger and beancount agree with the ledger to the fen.

Given a rich history (``record_rich_history``: two stations, four funds, several
restrictions; cash and in-kind gifts, valued and unvalued; goods given out and sold;
refunds; reversals of a cash gift, an in-kind gift and a payment; a restriction release
and a purpose change; disbursements approved by one and by two approvers, paid,
rejected and cancelled; a fund closed with a transfer to another; Chinese names with
spaces and punctuation that must be mapped to account names), when it is
exported as an hledger journal and as a beancount file, then

* ``hledger -f FILE balance`` succeeds (its balance assertions hold) and ``bean-check
  FILE`` reports nothing;
* every account's balance, as each tool computes it, is the balance the export expects;
* for every fund and restriction, ``Cash`` + ``Reserved`` is the ledger's ``total_fen``,
  ``Reserved`` its ``reserved_fen``, and the fund's ``Goods`` accounts add up to its
  ``in_kind_held_fen`` (from ``Ledger.balances``, the persisted views);
* a journal edited by hand (still balanced) fails both tools' checks.

The tools are needed: a test skips, with the reason, when one is missing, except in CI
(``CI`` set), where it fails. Install them with ``apt-get install -y hledger`` and
``pip install 'beancount>=3'`` (the ``test`` extra).
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import json
import os
import re
import shutil
import subprocess
import sys
from collections import defaultdict
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import FixedClock
from reports_support import APPROVER, CASHIER, CLERK, EAST, WEST, record_small_year
from sgz_ledger import Ledger, LedgerError
from sgz_ledger.audit.export import ExportSummary, fund_accounts, write_export
from sgz_ledger.cli import main
from sgz_ledger.domain.fund import fund_uuid

SECOND_APPROVER = "管委会-李华"
TOOL_TIMEOUT_S = 120

# ---- the tools: found, or skipped (failed in CI) ---------------------------------------------


def _program(name: str) -> str | None:
    """The program on PATH, or installed beside this interpreter (the venv's bin)."""
    found = shutil.which(name)
    if found is None:
        beside = Path(sys.executable).parent / name
        if os.access(beside, os.X_OK):
            found = str(beside)
    return found


def tool_missing_reason(name: str) -> str | None:
    """``None`` when the tool can be run, else why not."""
    if name == "beancount":
        try:
            import beancount  # noqa: F401
        except ImportError:
            return "beancount is not installed: pip install 'beancount>=3' (the test extra)"
        if _program("bean-check") is None:
            return "bean-check is not on PATH: pip install 'beancount>=3'"
        return None
    if _program(name) is None:
        return f"{name} is not installed: apt-get install -y {name}"
    return None


def require_tool(name: str) -> str:
    """Skip (locally) or fail (in CI) when ``name`` is missing; returns its program path."""
    reason = tool_missing_reason(name)
    if reason is not None:
        if os.environ.get("CI"):
            pytest.fail(f"CI must run the export tool tests: {reason}")
        pytest.skip(reason)
    return str(_program("bean-check" if name == "beancount" else name))


def fen_of(text: str) -> int:
    """``"-1234.50 CNY"`` (or ``"0"``) as integer fen."""
    number = text.strip().removesuffix("CNY").strip()
    value = Decimal(number) * 100
    assert value == value.to_integral_value(), text
    return int(value)


def hledger_balances(path: Path) -> dict[str, int]:
    """``hledger balance`` of every account, flat, as CSV, in fen (its assertions checked)."""
    hledger = require_tool("hledger")
    run = subprocess.run(  # noqa: S603 - our own arguments
        [hledger, "-f", str(path), "balance", "--flat", "--no-total", "-O", "csv"],
        capture_output=True,
        text=True,
        timeout=TOOL_TIMEOUT_S,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    rows = list(csv.reader(io.StringIO(run.stdout)))
    assert rows[0] == ["account", "balance"]
    return {account: fen_of(amount) for account, amount in rows[1:]}


def bean_check(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603 - our own arguments
        [require_tool("beancount"), str(path)],
        capture_output=True,
        text=True,
        timeout=TOOL_TIMEOUT_S,
        check=False,
    )


def beancount_balances(entries: list[Any]) -> dict[str, int]:
    """Every account's balance by beancount's own realization, in fen."""
    from beancount.core import realization

    root = realization.realize(entries)
    out: dict[str, int] = {}
    for real in realization.iter_children(root):
        if real.balance.is_empty():
            continue
        number = real.balance.get_currency_units("CNY").number
        assert number is not None
        out[real.account] = int(number * 100)
    return out


def load_beancount(path: Path) -> dict[str, int]:
    """bean-check passes silently, the loader agrees, and the accounts are valid names."""
    require_tool("beancount")
    from beancount import loader
    from beancount.core import account, getters

    checked = bean_check(path)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert checked.stdout + checked.stderr == ""
    entries, errors, options = loader.load_file(str(path))
    assert errors == []
    assert options["operating_currency"] == ["CNY"]
    for name in getters.get_accounts(entries):
        assert account.is_valid(name), name
    return beancount_balances(entries)


# ---- a rich history ------------------------------------------------------------------------

# X needs mapping: spaces, brackets and a middle dot. Codes and restrictions are written in
# their canonical form (docs/design.md, "Text at the boundary"), as the ledger stores them:
# no full-width brackets, no space between two Chinese characters.
X, Y = "崔寨(一)村 · 基金", "wh-west"
SPRING, AID, ELDER = "助学(春季)", "应急 · 救助", "助老"
# Quotes, a backslash, ';' (a comment in hledger) and '|' (hledger's payee separator).
DIFFICULT_DONOR = 'Zhang "San" \\ Co.; Ltd | 张'


def on(month: int, day: int) -> dt.date:
    return dt.date(2024, month, day)


def record_rich_history(ledger: Ledger) -> None:
    """``record_small_year`` (station s-east) and two more funds at station s-west."""
    record_small_year(ledger)
    for fund_id, threshold in ((X, "1000"), (Y, "100000")):
        ledger.open_fund(
            fund_id=fund_id,
            station_id=WEST,
            community="崔寨村",
            name=f"{fund_id}社区基金",
            host="济南市慈善总会",
            approval_threshold=threshold,
            publicity_required=False,
            actor=CLERK,
            occurred_on=on(1, 3),
        )
    cash = ledger.receive_cash
    cash(
        fund_id=X,
        receipt_no="X-1",
        amount="3000",
        donor="阿卜杜·热西提",
        restriction=SPRING,
        actor=CLERK,
        occurred_on=on(1, 4),
    )
    cash(
        fund_id=X,
        receipt_no="X-2",
        amount="2000.00",
        donor=DIFFICULT_DONOR,
        actor=CLERK,
        occurred_on=on(1, 5),
    )
    cash(
        fund_id=X,
        receipt_no="X-3",
        amount="500.50",
        restriction=AID,
        actor=CLERK,
        occurred_on=on(1, 6),
    )
    goods = ledger.receive_goods
    goods(
        fund_id=X,
        receipt_no="X-4",
        donor="山东启明文化用品有限公司",
        restriction=SPRING,
        items=[
            {"item": "书包", "quantity": 10, "unit": "个", "value": "800", "basis": "document"},
            {"item": "文具", "quantity": 20, "unit": "套", "basis": "unvalued"},
        ],
        actor=CLERK,
        occurred_on=on(1, 7),
    )
    goods(
        fund_id=X,
        receipt_no="X-5",
        donor="某超市",
        items=[
            {"item": "大米", "quantity": 5, "unit": "袋", "value": "250", "basis": "fair_value"}
        ],
        actor=CLERK,
        occurred_on=on(1, 8),
    )
    goods(
        fund_id=X,
        receipt_no="X-6",
        items=[{"item": "图书", "quantity": 30, "unit": "本", "basis": "unvalued"}],
        actor=CLERK,
        occurred_on=on(1, 9),
    )
    ledger.reverse_donation(
        fund_id=X,
        correction_id="XC-1",
        receipt_no="X-5",
        reason="物资未到, 误录",
        actor=CASHIER,
        occurred_on=on(1, 10),
    )
    ledger.distribute_goods(
        fund_id=X,
        distribution_id="XD-1",
        item="书包",
        unit="个",
        restriction=SPRING,
        quantity=4,
        recipient="困境儿童（4人）",
        signed_off_by="社区主任",
        purpose="开学",
        actor=CLERK,
        occurred_on=on(2, 1),
    )
    ledger.distribute_goods(
        fund_id=X,
        distribution_id="XD-2",
        item="文具",
        unit="套",
        restriction=SPRING,
        quantity=20,
        recipient="困境儿童（4人）",
        signed_off_by="社区主任",
        purpose="开学",
        actor=CLERK,
        occurred_on=on(2, 1),
    )
    ledger.sell_goods(
        fund_id=X,
        sale_id="XS-1",
        item="书包",
        unit="个",
        quantity=6,
        proceeds="300",
        buyer="二手市场",
        restriction=SPRING,
        actor=CLERK,
        occurred_on=on(2, 2),
    )
    # Above the threshold: two approvers, the second reserves; paid, reversed, cancelled.
    ledger.request_disbursement(
        fund_id=X,
        request_id="XQ-1",
        amount="1500",
        purpose="助学金",
        restriction=SPRING,
        payee="济南（历下）文具店",
        actor=CLERK,
        occurred_on=on(3, 1),
    )
    ledger.approve_disbursement(fund_id=X, request_id="XQ-1", actor=APPROVER, occurred_on=on(3, 2))
    ledger.approve_disbursement(
        fund_id=X, request_id="XQ-1", actor=SECOND_APPROVER, occurred_on=on(3, 2)
    )
    ledger.pay_disbursement(
        fund_id=X, request_id="XQ-1", voucher_no="XP-1", actor=CASHIER, occurred_on=on(3, 5)
    )
    ledger.reverse_payment(
        fund_id=X,
        correction_id="XC-2",
        request_id="XQ-1",
        reason="收款人错误",
        actor=CASHIER,
        occurred_on=on(3, 6),
    )
    ledger.cancel_disbursement(
        fund_id=X, request_id="XQ-1", reason="改由其他项目支付", actor=CLERK, occurred_on=on(3, 7)
    )
    for request_id, amount, end in (("XQ-2", "200", "reject"), ("XQ-3", "100", "cancel")):
        ledger.request_disbursement(
            fund_id=X,
            request_id=request_id,
            amount=amount,
            purpose="活动",
            payee="某商店",
            actor=CLERK,
            occurred_on=on(4, 1),
        )
        ledger.approve_disbursement(
            fund_id=X, request_id=request_id, actor=APPROVER, occurred_on=on(4, 2)
        )
        finish = ledger.reject_disbursement if end == "reject" else ledger.cancel_disbursement
        finish(
            fund_id=X,
            request_id=request_id,
            reason="不在资助范围",
            actor=APPROVER,
            occurred_on=on(4, 3),
        )
    ledger.request_disbursement(
        fund_id=X,
        request_id="XQ-4",
        amount="50",
        purpose="活动",
        payee="某商店",
        actor=CLERK,
        occurred_on=on(4, 4),
    )
    ledger.reject_disbursement(
        fund_id=X, request_id="XQ-4", reason="重复申请", actor=APPROVER, occurred_on=on(4, 5)
    )
    ledger.request_disbursement(
        fund_id=X,
        request_id="XQ-5",
        amount="700",
        purpose="慰问",
        payee="王河村幸福食堂",
        actor=CLERK,
        occurred_on=on(4, 6),
    )
    ledger.approve_disbursement(fund_id=X, request_id="XQ-5", actor=APPROVER, occurred_on=on(4, 7))
    ledger.pay_disbursement(
        fund_id=X, request_id="XQ-5", voucher_no="XP-5", actor=CASHIER, occurred_on=on(4, 9)
    )
    ledger.request_disbursement(
        fund_id=X,
        request_id="XQ-6",
        amount="99.99",
        purpose="慰问",
        payee="王河村幸福食堂",
        actor=CLERK,
        occurred_on=on(4, 8),
    )
    ledger.approve_disbursement(fund_id=X, request_id="XQ-6", actor=APPROVER, occurred_on=on(4, 8))
    ledger.release_restriction(
        fund_id=X,
        release_id="XR-1",
        restriction=AID,
        amount="500.50",
        reason="项目结余",
        reference="管委会决议-3",
        actor=CLERK,
        occurred_on=on(5, 1),
    )
    ledger.change_purpose(
        fund_id=X,
        change_id="XPC-1",
        from_restriction=SPRING,
        to_restriction=ELDER,
        amount="100",
        consent_ref="同意书-7",
        reason="需求变化",
        actor=CLERK,
        occurred_on=on(5, 2),
    )
    ledger.refund_donation(
        fund_id=X,
        refund_id="XT-1",
        receipt_no="X-2",
        amount="100",
        reason="多转;\n原路退回 | 见\t凭证",
        actor=CASHIER,
        occurred_on=on(5, 3),
    )
    # Y: two restrictions, then closed into X (its restrictions kept).
    cash(
        fund_id=Y,
        receipt_no="Y-1",
        amount="600",
        donor="张三",
        restriction=ELDER,
        actor=CLERK,
        occurred_on=on(1, 4),
    )
    cash(fund_id=Y, receipt_no="Y-2", amount="40", actor=CLERK, occurred_on=on(1, 4))
    ledger.close_fund(fund_id=Y, reason="并入", transfer_to=X, actor=CLERK, occurred_on=on(6, 30))


def export_file(ledger: Ledger, fmt: Any, path: Path, **filters: Any) -> ExportSummary:
    with open(path, "w", encoding="utf-8", newline="") as out:
        return write_export(ledger, fmt, out, **filters)


def check_against_ledger(ledger: Ledger, balances: dict[str, int], **filters: Any) -> None:
    """The tool's balances of every fund account are the ledger's, to the fen."""
    funds = ledger.balances(**filters)
    assert funds
    for fund in funds:
        goods_fen = 0
        for r in fund.restrictions:
            accounts = fund_accounts(fund.fund_id, r.restriction)
            cash = balances.get(accounts.cash, 0)
            reserved = balances.get(accounts.reserved, 0)
            assert cash + reserved == r.total_fen, (fund.fund_id, r.restriction)
            assert reserved == r.reserved_fen, (fund.fund_id, r.restriction)
        for restriction in {g.restriction for g in fund.goods} | {
            "",
            *(r.restriction for r in fund.restrictions),
        }:
            goods_fen += balances.get(fund_accounts(fund.fund_id, restriction).goods, 0)
        assert goods_fen == fund.in_kind_held_fen, fund.fund_id
    mine = {fund_accounts(f.fund_id, "").cash.rsplit(":Cash:", 1)[0] for f in funds}
    for account in balances:  # no fund account the ledger does not know of
        if account.startswith("Assets:Fund:"):
            assert account.split(":Cash:")[0].split(":Reserved:")[0].split(":Goods:")[0] in mine


def nonzero(balances: dict[str, int]) -> dict[str, int]:
    return {account: fen for account, fen in balances.items() if fen != 0}


@pytest.fixture(scope="module")
def rich(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Ledger]:
    ledger = Ledger(str(tmp_path_factory.mktemp("rich") / "station.db"), clock=FixedClock())
    record_rich_history(ledger)
    yield ledger
    ledger.close()


def test_the_rich_history_has_every_case(rich: Ledger) -> None:
    funds = {f.fund_id: f for f in rich.balances()}
    assert funds[Y].closed
    assert funds[X].reserved_fen == 9999  # XQ-6 approved, not paid
    assert {r.restriction for r in funds[X].restrictions} >= {"", SPRING, AID, ELDER}
    assert funds[X].in_kind_held_fen == 0
    names = {type(e).__name__ for e in rich.stored_events()}
    assert names >= {
        "InKindDonationReceived",
        "GoodsDistributed",
        "GoodsSold",
        "DonationRefunded",
        "DonationReversed",
        "PaymentReversed",
        "RestrictionReleased",
        "PurposeChanged",
        "DisbursementApproved",
        "DisbursementPaid",
        "DisbursementRejected",
        "DisbursementCancelled",
        "FundTransferredOut",
        "FundTransferredIn",
        "FundClosed",
    }


def test_hledger_balances_equal_the_ledgers(rich: Ledger, tmp_path: Path) -> None:
    path = tmp_path / "station.journal"
    summary = export_file(rich, "hledger", path)
    balances = hledger_balances(path)
    assert balances == nonzero(summary.balances_fen)
    check_against_ledger(rich, balances)
    assert balances.get("Equity:Transfers", 0) == 0  # both sides of each transfer
    assert sum(balances.values()) == 0
    mapped = [a for a in balances if a.startswith("Assets:Fund:F-崔寨-一-村-基金-")]
    assert mapped, "the fund with spaces, brackets and a middle dot gets a mapped name"
    text = path.read_text(encoding="utf-8")
    assert f"fund:{X}" in text  # the original name stays in the journal


def test_beancount_balances_equal_the_ledgers(rich: Ledger, tmp_path: Path) -> None:
    path = tmp_path / "station.beancount"
    summary = export_file(rich, "beancount", path)
    balances = load_beancount(path)
    assert balances == nonzero(summary.balances_fen)
    check_against_ledger(rich, balances)
    assert balances.get("Equity:Transfers", 0) == 0
    text = path.read_text(encoding="utf-8")
    assert f'fund: "{X}"' in text
    from beancount import loader
    from beancount.core import data

    entries, _, _ = loader.load_file(str(path))
    donors = {e.meta.get("donor") for e in entries if isinstance(e, data.Open)}
    assert DIFFICULT_DONOR in donors  # the original name, read back by beancount


@pytest.mark.parametrize("fmt", ["hledger", "beancount"])
@pytest.mark.parametrize(
    "filters", [{"fund_id": X}, {"fund_id": Y}, {"station_id": WEST}, {"station_id": EAST}]
)
def test_filtered_journals_are_checked_by_the_tools(
    rich: Ledger, tmp_path: Path, fmt: str, filters: dict[str, str]
) -> None:
    path = tmp_path / f"part.{fmt}"
    summary = export_file(rich, fmt, path, **filters)
    balances = hledger_balances(path) if fmt == "hledger" else load_beancount(path)
    assert balances == nonzero(summary.balances_fen)
    check_against_ledger(rich, balances, **filters)


@pytest.mark.parametrize("fmt", ["hledger", "beancount"])
def test_a_journal_edited_by_hand_fails_the_tools_checks(
    rich: Ledger, tmp_path: Path, fmt: str
) -> None:
    path = tmp_path / f"station.{fmt}"
    export_file(rich, fmt, path)
    text = path.read_text(encoding="utf-8")
    # One more fen on both sides of the first gift: still balanced, but not the ledger's.
    edited, count = re.subn(
        r"(\n {2,4}\S+:Cash:\S+  )([0-9]+\.[0-9]{2})( CNY\n {2,4}Income:\S+  -)([0-9]+\.[0-9]{2})",
        lambda m: (
            m[1]
            + str(Decimal(m[2]) + Decimal("0.01"))
            + m[3]
            + str(Decimal(m[4]) + Decimal("0.01"))
        ),
        text,
        count=1,
    )
    assert count == 1
    path.write_text(edited, encoding="utf-8")
    if fmt == "hledger":
        run = subprocess.run(  # noqa: S603 - our own arguments
            [require_tool("hledger"), "-f", str(path), "balance"],
            capture_output=True,
            text=True,
            timeout=TOOL_TIMEOUT_S,
            check=False,
        )
        assert run.returncode != 0
        assert "balance assertion" in run.stderr
    else:
        checked = bean_check(path)
        assert checked.returncode != 0 or "Balance failed" in checked.stdout + checked.stderr
        assert "Balance failed" in checked.stdout + checked.stderr


# ---- the command line ----------------------------------------------------------------------


def test_cli_exports_to_files_the_tools_accept(
    rich: Ledger, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = rich.settings.describe().split(" ", 2)[-1]
    assert Path(store).exists()
    journal, bean = tmp_path / "station.journal", tmp_path / "station.beancount"
    assert main(["--store", store, "export", "--format", "hledger", "-o", str(journal)]) == 0
    assert main(["export", "--store", store, "--format", "beancount", "--output", str(bean)]) == 0
    out, err = capsys.readouterr()
    assert out == ""
    assert "transactions" in err
    assert f"to {journal}" in err
    check_against_ledger(rich, hledger_balances(journal))
    check_against_ledger(rich, load_beancount(bean))
    assert [p.name for p in tmp_path.iterdir() if "partial" in p.name] == []


def test_cli_writes_jsonl_and_csv_to_stdout(
    rich: Ledger, capsys: pytest.CaptureFixture[str]
) -> None:
    store = rich.settings.describe().split(" ", 2)[-1]
    assert main(["--store", store, "export", "--format", "jsonl", "--fund", Y]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    lines = out.splitlines()
    assert '"format":"sgz-ledger-events"' in lines[0]
    assert '"end":"sgz-ledger-events"' in lines[-1]
    events = [json.loads(x) for x in lines[1:-1]]
    assert {e["aggregate_id"] for e in events} == {str(fund_uuid(Y))}
    assert [e["type"] for e in events][-1] == "FundClosed"
    assert main(["--store", store, "export", "--format", "csv", "--station", WEST]) == 0
    out, _ = capsys.readouterr()
    assert out.startswith("\ufefffund_id,position,")
    assert "\r\n" in out


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["export", "--format", "hledger", "--fund", "nope"], "no fund 'nope'"),
        (["export", "--format", "jsonl", "--station", "nope"], "no station 'nope'"),
        (["export", "--format", "hledger", "--station", "nope"], "no fund of station 'nope'"),
        (["export", "--format", "csv", "--fund", "F-A", "--station", WEST], "no fund 'F-A'"),
        (["export", "--format", "ledger"], "invalid choice"),
        (["export"], "--format"),
        (["export", "--format", "csv", "-o", "/nonexistent-dir/x.csv"], "cannot write"),
    ],
)
def test_cli_bad_usage_exits_2_and_writes_nothing(
    rich: Ledger, capsys: pytest.CaptureFixture[str], argv: list[str], says: str
) -> None:
    store = rich.settings.describe().split(" ", 2)[-1]
    assert main(["--store", store, *argv]) == 2
    out, err = capsys.readouterr()
    assert says in err
    assert out == ""


def test_cli_refused_export_leaves_no_file(rich: Ledger, tmp_path: Path) -> None:
    store = rich.settings.describe().split(" ", 2)[-1]
    target = tmp_path / "x.journal"
    assert (
        main(
            [
                "--store",
                store,
                "export",
                "--format",
                "hledger",
                "--station",
                "nope",
                "-o",
                str(target),
            ]
        )
        == 2
    )
    assert list(tmp_path.iterdir()) == []


# ---- property: random histories --------------------------------------------------------------

RESTRICTIONS = ("", "助学", "应急 救助", "Unrestricted")
DONORS = (None, "张三", "某公司（北京）", "Anonymous")


def _random_step(ledger: Ledger, data: st.DataObject, n: int, refs: dict[str, list[str]]) -> None:
    """One random command (a refused one records nothing, and is simply skipped)."""
    fund = data.draw(st.sampled_from(["P1", "P2"]))
    restriction = data.draw(st.sampled_from(RESTRICTIONS))
    amount = data.draw(st.integers(1, 500_00))
    day = dt.date(2024, 1, 1) + dt.timedelta(days=data.draw(st.integers(0, 60)))
    kind = data.draw(
        st.sampled_from(
            [
                "cash",
                "cash",
                "goods",
                "give",
                "sell",
                "refund",
                "reverse",
                "spend",
                "release",
                "change",
                "reverse_payment",
                "close",
            ]
        )
    )
    common: dict[str, Any] = {"fund_id": fund, "actor": CLERK, "occurred_on": day}
    pick: Callable[[str], str] = lambda key: data.draw(st.sampled_from(refs[key] or ["none"]))  # noqa: E731
    if kind == "cash":
        refs["receipts"].append(f"R{n}")
        ledger.receive_cash(
            receipt_no=f"R{n}",
            amount_fen=amount,
            restriction=restriction,
            donor=data.draw(st.sampled_from(DONORS)),
            **common,
        )
    elif kind == "goods":
        refs["receipts"].append(f"R{n}")
        valued = data.draw(st.booleans())
        line: dict[str, Any] = {
            "item": "米",
            "quantity": data.draw(st.integers(1, 9)),
            "unit": "袋",
            "basis": "document" if valued else "unvalued",
        }
        if valued:
            line["value"] = amount
        ledger.receive_goods(
            receipt_no=f"R{n}",
            items=[line],
            restriction=restriction,
            donor=data.draw(st.sampled_from(DONORS)),
            **common,
        )
    elif kind in ("give", "sell"):
        quantity = data.draw(st.integers(1, 9))
        if kind == "give":
            ledger.distribute_goods(
                distribution_id=f"G{n}",
                item="米",
                unit="袋",
                quantity=quantity,
                restriction=restriction,
                recipient="困难户",
                signed_off_by="主任",
                purpose="慰问",
                **common,
            )
        else:
            ledger.sell_goods(
                sale_id=f"S{n}",
                item="米",
                unit="袋",
                quantity=quantity,
                proceeds_fen=amount,
                buyer="超市",
                restriction=restriction,
                **common,
            )
    elif kind == "refund":
        ledger.refund_donation(
            refund_id=f"T{n}", receipt_no=pick("receipts"), amount_fen=amount, reason="退", **common
        )
    elif kind == "reverse":
        ledger.reverse_donation(
            correction_id=f"C{n}", receipt_no=pick("receipts"), reason="误录", **common
        )
    elif kind == "spend":
        ledger.request_disbursement(
            request_id=f"Q{n}",
            amount_fen=amount,
            purpose="活动",
            restriction=restriction,
            payee="某店",
            **common,
        )
        ledger.approve_disbursement(
            fund_id=fund, request_id=f"Q{n}", actor=APPROVER, occurred_on=day
        )
        end = data.draw(st.sampled_from(["pay", "pay", "reject", "cancel", "leave"]))
        if end == "pay":
            refs["paid"].append(f"Q{n}")
            ledger.pay_disbursement(
                fund_id=fund, request_id=f"Q{n}", voucher_no=f"V{n}", actor=CASHIER, occurred_on=day
            )
        elif end in ("reject", "cancel"):
            finish = ledger.reject_disbursement if end == "reject" else ledger.cancel_disbursement
            finish(request_id=f"Q{n}", reason="不批", **common)
    elif kind == "release" and restriction:
        ledger.release_restriction(
            release_id=f"L{n}",
            restriction=restriction,
            amount_fen=amount,
            reason="结余",
            reference="决议",
            **common,
        )
    elif kind == "change":
        to = data.draw(st.sampled_from(RESTRICTIONS))
        ledger.change_purpose(
            change_id=f"P{n}",
            from_restriction=restriction,
            to_restriction=to,
            amount_fen=amount,
            consent_ref="同意书",
            reason="变更",
            **common,
        )
    elif kind == "reverse_payment":
        ledger.reverse_payment(
            correction_id=f"C{n}", request_id=pick("paid"), reason="错", **common
        )
    elif kind == "close":
        ledger.close_fund(reason="并入", transfer_to="P2" if fund == "P1" else "P1", **common)


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_random_histories_balance_in_both_tools(tmp_path: Path, data: st.DataObject) -> None:
    require_tool("hledger")
    require_tool("beancount")
    ledger = Ledger("memory:", clock=FixedClock())
    for fund_id in ("P1", "P2"):
        ledger.open_fund(
            fund_id=fund_id,
            station_id=EAST,
            community="崔寨村",
            name="基金",
            host="慈善会",
            approval_threshold="100000",
            publicity_required=False,
            actor=CLERK,
            occurred_on=dt.date(2024, 1, 1),
        )
    refs: dict[str, list[str]] = defaultdict(list)
    for n in range(data.draw(st.integers(1, 40))):
        with contextlib.suppress(LedgerError):  # a refused command records nothing
            _random_step(ledger, data, n, refs)
    journal, bean = tmp_path / "random.journal", tmp_path / "random.beancount"
    hledger_summary = export_file(ledger, "hledger", journal)
    beancount_summary = export_file(ledger, "beancount", bean)
    assert hledger_summary.balances_fen == beancount_summary.balances_fen
    for balances in (hledger_balances(journal), load_beancount(bean)):
        assert balances == nonzero(hledger_summary.balances_fen)
        check_against_ledger(ledger, balances)
        assert balances.get("Equity:Transfers", 0) == 0
    ledger.close()
