"""The stored history as plain-text accounting journals, for the peer tools.

ledger-cli and hledger read one journal format, beancount another. Until the
library's own export (``sgz_ledger.audit.export.write_export``) exists, this writes
a simple journal of the same history: one transaction per money event, in fen
printed as yuan with two decimals, with accounts per fund and restriction:

* a donation:   ``Assets:Funds:<fund>:<purpose>:Available`` from ``Income:Donations:...``
* an approval that reserves money: ``...:Available`` -> ``...:Reserved``
* a payment:    ``...:Reserved`` -> ``Expenses:Disbursements:<fund>:<purpose>``
* a rejection or cancellation that releases money: ``...:Reserved`` -> ``...:Available``
* a refund:     ``...:Available`` -> ``Income:Donations:...`` (income given back)

so each fund's ``Available`` and ``Reserved`` balances are the ledger's available and
reserved cash, and their sum its total. Events that move no money (opening, requests,
公示, first approvals of two) have no transaction. Account names are ASCII (beancount
accepts nothing else reliably); the purposes get English names.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterator
from typing import Any, NamedTuple, TextIO

from sgz_ledger.codec import EventCodec
from sgz_ledger.domain import events as ev

__all__ = ["JournalStats", "money_moves", "write_journals"]

READ_BATCH = 10_000
OPEN_DATE = "2000-01-01"
PURPOSE_NAMES = {
    "": "General",
    "助学": "Education",
    "助老": "Elderly",
    "助残": "Disability",
    "社区营造": "Community",
    "应急救助": "Emergency",
    "环境整治": "Environment",
    "儿童关爱": "Children",
    "文体活动": "Culture",
}


class JournalStats(NamedTuple):
    """What was written: transactions and accounts."""

    transactions: int
    accounts: int


class Move(NamedTuple):
    """One money-moving event as a transaction: ``amount_fen`` from ``source`` to ``target``."""

    day: str
    payee: str
    ref: str
    target: str
    source: str
    amount_fen: int


def _purpose(restriction: str) -> str:
    name = PURPOSE_NAMES.get(restriction)
    if name is None:
        name = "P" + hashlib.sha256(restriction.encode()).hexdigest()[:8].upper()
    return name


def _accounts(fund_id: str, restriction: str) -> tuple[str, str, str, str]:
    fund = "".join(c if c.isascii() and (c.isalnum() or c == "-") else "-" for c in fund_id)
    path = f"{fund}:{_purpose(restriction)}"
    return (
        f"Assets:Funds:{path}:Available",
        f"Assets:Funds:{path}:Reserved",
        f"Income:Donations:{path}",
        f"Expenses:Disbursements:{path}",
    )


def _events(store: str) -> Iterator[Any]:
    codec = EventCodec()
    connection = sqlite3.connect(f"file:{store}?mode=ro", uri=True)
    try:
        cursor = connection.execute("SELECT topic, state FROM stored_events ORDER BY rowid")
        while rows := cursor.fetchmany(READ_BATCH):
            for topic, state in rows:
                yield codec.decoder_for(topic)(state)
    finally:
        connection.close()


def money_moves(store: str) -> Iterator[Move]:
    """The money-moving events of the SQLite ledger store at ``store``, as moves."""
    fund_ids: dict[Any, str] = {}
    for event in _events(store):
        if isinstance(event, ev.FundOpened):
            fund_ids[event.originator_id] = event.fund_id
            continue
        if not isinstance(event, ev.FundEvent):
            continue
        day = event.occurred_on.isoformat()
        fund_id = fund_ids[event.originator_id]
        match event:
            case ev.CashDonationReceived():
                available, _, income, _ = _accounts(fund_id, event.restriction)
                yield Move(
                    day,
                    event.donor or "匿名",
                    event.receipt_no,
                    available,
                    income,
                    event.amount_fen,
                )
            case ev.DisbursementApproved() if event.reserved_fen:
                available, reserved, _, _ = _accounts(fund_id, event.restriction)
                yield Move(
                    day, event.actor, event.request_id, reserved, available, event.reserved_fen
                )
            case ev.DisbursementPaid():
                _, reserved, _, expenses = _accounts(fund_id, event.restriction)
                yield Move(day, event.payee, event.voucher_no, expenses, reserved, event.amount_fen)
            case ev.DisbursementRejected() | ev.DisbursementCancelled() if event.released_fen:
                available, reserved, _, _ = _accounts(fund_id, event.restriction)
                yield Move(
                    day, event.actor, event.request_id, available, reserved, event.released_fen
                )
            case ev.DonationRefunded():
                available, _, income, _ = _accounts(fund_id, event.restriction)
                yield Move(day, "退款", event.refund_id, income, available, event.amount_fen)
            case (
                ev.DisbursementRequested()
                | ev.DisbursementApproved()
                | ev.DisbursementPublicized()
                | ev.DisbursementRejected()
                | ev.DisbursementCancelled()
            ):
                continue
            case _:
                msg = f"{type(event).__name__} is not in the benchmark history's journal"
                raise TypeError(msg)


def _yuan(fen: int) -> str:
    sign = "-" if fen < 0 else ""
    fen = abs(fen)
    return f"{sign}{fen // 100}.{fen % 100:02d}"


def _quoted(text: str) -> str:
    return text.replace("\\", "").replace('"', "'")


def write_journals(store: str, ledger_out: str, beancount_out: str) -> JournalStats:
    """Write the store's history as a ledger/hledger journal and as a beancount file."""
    accounts: set[str] = set()
    transactions = 0
    body = beancount_out + ".body"
    with (
        open(ledger_out, "w", encoding="utf-8") as journal,
        open(body, "w", encoding="utf-8") as bean,
    ):
        for move in money_moves(store):
            amount = _yuan(move.amount_fen)
            journal.write(
                f"{move.day} * {move.payee} | {move.ref}\n"
                f"    {move.target}    {amount} CNY\n"
                f"    {move.source}\n\n"
            )
            bean.write(
                f'{move.day} * "{_quoted(move.payee)}" "{_quoted(move.ref)}"\n'
                f"  {move.target}  {amount} CNY\n"
                f"  {move.source}  -{amount} CNY\n\n"
            )
            accounts.add(move.target)
            accounts.add(move.source)
            transactions += 1
    with open(beancount_out, "w", encoding="utf-8") as out:
        _beancount_header(out, accounts)
        with open(body, encoding="utf-8") as transactions_text:
            while chunk := transactions_text.read(1 << 20):
                out.write(chunk)
    import os

    os.remove(body)
    return JournalStats(transactions, len(accounts))


def _beancount_header(out: TextIO, accounts: set[str]) -> None:
    out.write('option "title" "sgz_ledger benchmark history"\n')
    out.write('option "operating_currency" "CNY"\n\n')
    for account in sorted(accounts):
        out.write(f"{OPEN_DATE} open {account} CNY\n")
    out.write("\n")
