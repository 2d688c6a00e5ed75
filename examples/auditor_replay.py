"""An auditor's replay and verification of a fund's history against a published anchor.

The station's side: it records a fund's year (gifts, a refund, spending from request to
payment, goods) and publishes an anchor: the hash chain's head, signed with the station's
key into ``anchor.json`` (``sgz_ledger.audit.publication``), its public key beside it.

The auditor's side, given the store and the anchor file: the anchor's signature is checked
with the station's public key; the store, opened read-only, must verify against the anchor
(every event there, in order, unaltered, and the published history extended); the fund is
replayed from the raw events as of a date, its statement up to that day agrees, and the
views follow from the events (``sgz_ledger.audit.replay``). Then a copy of the SQLite file
has a few bytes changed (a payee renamed), and the copy no longer verifies: the chain
breaks at the event changed.

Run: .venv/bin/python examples/auditor_replay.py
(without --store: a SQLite file in a temporary directory, removed afterwards). With
``--store FILE``, a file that does not exist is recorded first; one that exists is audited,
against ``--anchor-file`` and ``--public-key-file`` when given:

    .venv/bin/python examples/auditor_replay.py --store station.db \\
        --anchor-file anchor.json --public-key-file station-signing.pub

Exit code, as ``sgz-ledger verify`` and ``audit``: 0 the store checks out, 1 a finding (the
chain breaks, the anchor does not match, a view differs from the events), 2 bad input.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from sgz_ledger import InvalidInput, Ledger, LedgerError, format_yuan
from sgz_ledger.audit.publication import (
    new_signing_key,
    public_key_pem,
    read_anchor_file,
    sign_anchor,
)
from sgz_ledger.audit.replay import audit, replay_funds

FUND = "cz-cuizhai"
AS_OF = dt.date(2024, 6, 30)


def on(month: int, day: int) -> dt.date:
    return dt.date(2024, month, day)


def record_station_year(store: str) -> None:
    """The station's year of one fund, as its clerk recorded it."""
    ledger = Ledger(store)
    try:
        ledger.open_fund(
            fund_id=FUND, station_id="cuizhai", community="崔寨村", name="崔寨村社区基金",
            host="山东省乡村振兴基金会", approval_threshold="5000", actor="陈晓",
            occurred_on=on(1, 8),
        )  # fmt: skip
        gifts = (
            ("SX2024-0001", "20000", "济南鑫盛物流有限公司", "助学", on(1, 15)),
            ("SX2024-0002", "3000", None, "", on(2, 20)),
            ("SX2024-0011", "3000", "济南仁和医药有限公司", "", on(5, 10)),
            ("SX2024-0019", "8000", "崔寨村股份经济合作社", "助老", on(9, 9)),
        )
        for receipt, amount, donor, restriction, day in gifts:
            ledger.receive_cash(
                fund_id=FUND, receipt_no=receipt, amount=amount, donor=donor,
                restriction=restriction, actor="陈晓", occurred_on=day,
            )  # fmt: skip
        ledger.refund_donation(
            fund_id=FUND, refund_id="TK-2024-01", receipt_no="SX2024-0011", amount="1000",
            reason="捐赠方财务多转1000元，经核实原路退回", actor="周敏", occurred_on=on(5, 20),
        )  # fmt: skip
        ledger.receive_goods(
            fund_id=FUND, receipt_no="SX2024-0015", donor="崔寨供销社",
            items=[{"item": "大米", "quantity": 40, "unit": "袋", "value": "2000",
                    "basis": "document"}],
            actor="陈晓", occurred_on=on(6, 3),
        )  # fmt: skip
        spending = (
            # request, amount, purpose, restriction, payee, requested, paid (None: not yet)
            ("SQ-2024-01", "6000", "春季困境儿童助学金（12人×500元）", "助学",
             "崔寨村困境儿童家庭12户", on(3, 1), on(3, 13)),
            ("SQ-2024-02", "2400", "暑期课堂学习用品", "助学", "崔寨文具店", on(6, 20), on(7, 2)),
        )  # fmt: skip
        for request, amount, purpose, restriction, payee, asked, paid in spending:
            ledger.request_disbursement(
                fund_id=FUND, request_id=request, amount=amount, purpose=purpose,
                restriction=restriction, payee=payee, actor="刘洋", occurred_on=asked,
            )  # fmt: skip
            approvers = ("管委会-张敏", "管委会-赵刚") if amount == "6000" else ("管委会-张敏",)
            for approver in approvers:
                ledger.approve_disbursement(
                    fund_id=FUND, request_id=request, actor=approver, occurred_on=asked
                )
            ledger.publicize_disbursement(
                fund_id=FUND, request_id=request, notice_ref=f"公示-{request}",
                notice_from=asked + dt.timedelta(days=1), notice_to=asked + dt.timedelta(days=7),
                actor="陈晓", occurred_on=asked + dt.timedelta(days=1),
            )  # fmt: skip
            ledger.pay_disbursement(
                fund_id=FUND, request_id=request, voucher_no=f"PZ-{request[3:]}", actor="周敏",
                occurred_on=paid,
            )  # fmt: skip
        ledger.distribute_goods(
            fund_id=FUND, distribution_id="FF-2024-01", item="大米", unit="袋", quantity=30,
            recipient="崔寨村独居老人30户", signed_off_by="村委会", purpose="端午慰问",
            actor="陈晓", occurred_on=on(6, 8),
        )  # fmt: skip
        # The station's pages show its balances, which brings its views up to date.
        [fund] = ledger.balances(fund_id=FUND)
        print(f"The station recorded {ledger.log_position()} events; {FUND} holds "
              f"{format_yuan(fund.total_fen)} 元 now")  # fmt: skip
    finally:
        ledger.close()


def first_fund(ledger: Ledger) -> str:
    """The code of the store's first fund."""
    funds = ledger.balances()
    if not funds:
        raise InvalidInput([("store", "holds no fund to replay")])
    return funds[0].fund_id


def publish_anchor(store: str, folder: Path) -> tuple[Path, Path]:
    """The station publishes its anchor: the chain's head, signed; returns the anchor file and
    the public key's file (the private key stays with the station, here in memory only)."""
    ledger = Ledger(store, read_only=True)
    try:
        head = ledger.anchor()
    finally:
        ledger.close()
    if head is None:
        raise InvalidInput([("store", "holds no event: there is nothing to publish")])
    private = new_signing_key()
    signed = sign_anchor(
        head, private, published_at=dt.datetime.now(dt.UTC), note="2024 年度报告 annual report"
    )
    anchor_file, key_file = folder / "anchor.json", folder / "station-signing.pub"
    anchor_file.write_text(signed, encoding="utf-8")
    key_file.write_text(public_key_pem(private), encoding="utf-8")
    return anchor_file, key_file


def tamper_copy(store: str, fund_id: str | None, copy: Path) -> str | None:
    """Copy the SQLite file and rename, in the copy's bytes, a payee (or else a donor) of the
    fund (``None``: the store's first): a forger redirecting a payment. Returns what was
    changed, or ``None`` when no name of the fund is found in the file's bytes (an encrypted
    store)."""
    ledger = Ledger(store, read_only=True)
    try:
        lines = ledger.statement(fund_id or first_fund(ledger)).lines
    finally:
        ledger.close()
    names = [line.counterparty for line in lines if line.kind == "paid"]
    names += [line.counterparty for line in lines if line.kind == "donation"]
    data = Path(store).read_bytes()
    for name in filter(None, names):
        # The last character replaced by another of the same length in UTF-8: the row keeps
        # its size, as a careful edit of the file would.
        last = name[-1]
        other = {1: "XY", 3: "坊店"}.get(len(last.encode("utf-8")), "")
        other = other.replace(last, "")[:1]
        if other and name.encode("utf-8") in data:
            forged = name[:-1] + other
            copy.write_bytes(data.replace(name.encode("utf-8"), forged.encode("utf-8")))
            return f"{name} -> {forged}"
    return None


def _print_fund(ledger: Ledger, fund_id: str, as_of: dt.date) -> bool:
    """The fund as of the day, replayed from the raw events, beside its statement; True when
    the two agree."""
    statement = ledger.statement(fund_id, to_day=as_of)  # NotFound for an unknown fund
    rows = [row for row in replay_funds(ledger, as_of=as_of) if row.fund_id == fund_id]
    if not rows:
        print(f"\n  {fund_id} {statement.fund.name} was not open yet on {as_of}")
        return True
    [replayed] = rows
    print(f"\n  {fund_id} {statement.fund.name}: its history up to {as_of} (元)")
    print(f"    {'date':<10}  {'cash':>10}  {'balance':>10}  entry")
    for line in statement.lines:
        cash = format_yuan(line.cash_fen) if line.cash_fen else ""
        entry = f"{line.kind} {line.ref} {line.counterparty}".rstrip()
        print(f"    {line.occurred_on}  {cash:>10}  {format_yuan(line.balance_fen):>10}  {entry}")
    print(
        f"  replayed from the raw events: cash {format_yuan(replayed.total_fen)}, "
        f"reserved {format_yuan(replayed.reserved_fen)}, "
        f"available {format_yuan(replayed.available_fen)}"
    )
    for row in replayed.restrictions:
        label = row.restriction or "非限定 unrestricted"
        print(f"    {label}: {format_yuan(row.total_fen)}")
    agrees = replayed.total_fen == statement.closing_fen
    print(f"  the statement's closing balance {format_yuan(statement.closing_fen)}: "
          f"{'agrees' if agrees else 'DIFFERS'}")  # fmt: skip
    return agrees


def audit_store(
    store: str, anchor_file: Path, key_file: Path, fund_id: str | None, as_of: dt.date
) -> int:
    """The auditor's checks of ``store`` against the published anchor, then of the fund
    (``None``: the store's first): 0, or 1 on a finding."""
    published = read_anchor_file(
        anchor_file.read_text(encoding="utf-8"), key_file.read_text(encoding="utf-8")
    )
    print(f"The anchor file {anchor_file.name}: signed by the station's key ({key_file.name})")
    print(f"  {published.anchor}  published {published.published_at:%Y-%m-%d %H:%M} UTC, "
          f"{published.note}")  # fmt: skip
    ledger = Ledger(store, read_only=True, create=False)
    try:
        checked = ledger.verify(anchors=[published.anchor])
        if not checked.ok:
            assert checked.first_break is not None
            found = checked.first_break
            print(f"Verify: NOT VERIFIED at position {found.position} ({found.kind})")
            print(f"  {found.message}")
            return 1
        print(f"Verify: {checked.events} events intact, the published anchor matched")
        print(f"  head now {checked.head}")
        replayed = audit(ledger, as_of=as_of)
        if not replayed.ok:
            print(f"Audit as of {as_of}: {len(replayed.differences)} differences")
            for difference in replayed.differences:
                print(f"  {difference.subject} {difference.figure}: events {difference.replayed}"
                      f", views {difference.view}")  # fmt: skip
            return 1
        compared = f"{replayed.funds} fund{'s' if replayed.funds != 1 else ''}"
        if replayed.lag:
            compared += f", {replayed.lag} events behind the log"
        print(f"Audit as of {as_of}: the views follow from the events ({compared})")
        fund_id = fund_id or first_fund(ledger)
        return 0 if _print_fund(ledger, fund_id, as_of) else 1
    finally:
        ledger.close()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--store",
        help="a SQLite file: recorded first when it does not exist; default: a new file in a "
        "temporary directory, removed afterwards",
    )
    parser.add_argument("--anchor-file", type=Path, help="the anchor the station published")
    parser.add_argument("--public-key-file", type=Path, help="the station's public key")
    parser.add_argument("--fund", help="the fund to replay (default: the store's first)")
    parser.add_argument(
        "--as-of", type=dt.date.fromisoformat, default=AS_OF, help="replay as of this day"
    )
    args = parser.parse_args(argv)
    if (args.anchor_file is None) != (args.public_key_file is None):
        parser.error("--anchor-file and --public-key-file go together")
    with tempfile.TemporaryDirectory() as scratch:
        store = args.store or str(Path(scratch) / "station.db")
        try:
            if not Path(store).exists():
                if args.anchor_file:
                    parser.error(f"{store} does not exist: there is nothing to audit")
                record_station_year(store)
            if args.anchor_file is None:
                folder = Path(store).resolve().parent
                anchor_file, key_file = publish_anchor(store, folder)
                print(f"The station published {anchor_file} and {key_file.name}\n")
            else:
                anchor_file, key_file = args.anchor_file, args.public_key_file
            status = audit_store(store, anchor_file, key_file, args.fund, args.as_of)
            if status != 0:
                return status
            # A forger's copy: the same anchor must catch it.
            copy = Path(scratch) / "tampered-copy.db"
            changed = tamper_copy(store, args.fund, copy)
            if changed is None:
                print(
                    "\nNo name of the fund in the file's bytes (an encrypted store): no copy made"
                )
                return 0
            print(f"\nA copy of the store with bytes changed ({changed}):")
            if audit_store(str(copy), anchor_file, key_file, args.fund, args.as_of) == 0:
                print("The tampered copy was NOT caught")
                return 1
            print("The tampered copy is caught: it is not the history the station published")
        except (LedgerError, OSError) as error:  # bad input: a file, a key, a fund, a store
            print(f"{Path(__file__).name}: {error}", file=sys.stderr)
            return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
