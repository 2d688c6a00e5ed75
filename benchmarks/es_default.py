"""eventsourcing's default path, for reference: a copy of the history in its own format.

What an application built on eventsourcing without sgz_ledger's codec would store and
replay: events as eventsourcing ``DomainEvent`` dataclasses, stored under their Python
topic (``benchmarks.es_default:CashDonationReceived``) and serialised by eventsourcing's
default ``JSONTranscoder`` (with a transcoding for dates, which it lacks). ``build``
writes such a copy of a store's history (not measured: loading a million events
through ``Application.save`` would take long, and only reading is compared);
``replay`` reads it back through eventsourcing's notification log and default mapper
and folds the same balances as the ledger.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any
from uuid import UUID

import msgspec
from eventsourcing.application import Application
from eventsourcing.domain import DomainEvent
from eventsourcing.persistence import JSONTranscoder, Transcoding

from sgz_ledger.storage.codec import EventCodec

__all__ = ["EsDefaultApp", "build", "replay"]

READ_BATCH = 5000


class DateAsISO(Transcoding):
    """Dates as ISO text: eventsourcing's default transcoder knows datetimes, not dates."""

    type = dt.date
    name = "date_iso"

    def encode(self, obj: dt.date) -> str:
        return obj.isoformat()

    def decode(self, data: str) -> dt.date:
        return dt.date.fromisoformat(data)


# The history's events as eventsourcing dataclasses (MetaDomainEvent makes each a
# frozen dataclass): the same fields as sgz_ledger's msgspec structs.
class FundOpened(DomainEvent):
    actor: str
    occurred_on: dt.date
    fund_id: str
    station_id: str
    community: str
    name: str
    host: str
    approval_threshold_fen: int
    publicity_required: bool


class CashDonationReceived(DomainEvent):
    actor: str
    occurred_on: dt.date
    receipt_no: str
    donor: str | None
    # An individual donor's sealed name, as hex text (eventsourcing's JSON has no bytes).
    donor_sealed: str | None
    restriction: str
    amount_fen: int
    note: str
    pledge_id: str  # the pledge the gift fulfils ("" for none), as the ledger's event holds it
    project_id: str  # the project it names ("" for none), as the ledger's event holds it
    budget_line: str


class DisbursementRequested(DomainEvent):
    actor: str
    occurred_on: dt.date
    request_id: str
    amount_fen: int
    purpose: str
    restriction: str
    payee: str
    project_id: str  # the project it names ("" for none), as the ledger's event holds it
    budget_line: str


class DisbursementApproved(DomainEvent):
    actor: str
    occurred_on: dt.date
    request_id: str
    restriction: str
    reserved_fen: int


class DisbursementRejected(DomainEvent):
    actor: str
    occurred_on: dt.date
    request_id: str
    restriction: str
    released_fen: int
    reason: str


class DisbursementPublicized(DomainEvent):
    actor: str
    occurred_on: dt.date
    request_id: str
    notice_ref: str
    notice_from: dt.date
    notice_to: dt.date


class DisbursementPaid(DomainEvent):
    actor: str
    occurred_on: dt.date
    request_id: str
    voucher_no: str
    restriction: str
    amount_fen: int
    payee: str
    purpose: str
    project_id: str  # the project it names ("" for none), as the ledger's event holds it
    budget_line: str


class DonationRefunded(DomainEvent):
    actor: str
    occurred_on: dt.date
    refund_id: str
    receipt_no: str
    restriction: str
    amount_fen: int
    reason: str


_CLASSES: dict[str, type[DomainEvent]] = {
    cls.__name__: cls
    for cls in (
        FundOpened,
        CashDonationReceived,
        DisbursementRequested,
        DisbursementApproved,
        DisbursementRejected,
        DisbursementPublicized,
        DisbursementPaid,
        DonationRefunded,
    )
}


class EsDefaultApp(Application[UUID]):
    """A plain eventsourcing application: default mapper, JSON transcoder, SQLite file."""

    name = "EsDefault"

    def register_transcodings(self, transcoder: JSONTranscoder) -> None:
        super().register_transcodings(transcoder)
        transcoder.register(DateAsISO())


def open_app(path: str) -> EsDefaultApp:
    """The application over the SQLite file at ``path`` (eventsourcing's own settings)."""
    return EsDefaultApp(
        env={
            "PERSISTENCE_MODULE": "eventsourcing.sqlite",
            "SQLITE_DBNAME": path,
            "SQLITE_LOCK_TIMEOUT": "5",
        }
    )


def _our_events(store: str) -> Iterator[Any]:
    import sqlite3

    codec = EventCodec()
    connection = sqlite3.connect(f"file:{store}?mode=ro", uri=True)
    try:
        cursor = connection.execute("SELECT topic, state FROM stored_events ORDER BY rowid")
        while rows := cursor.fetchmany(READ_BATCH):
            for topic, state in rows:
                yield codec.decoder_for(topic)(state)
    finally:
        connection.close()


def build(store: str, out: str) -> int:
    """Write the history of the ledger store ``store`` to ``out`` in eventsourcing's format.

    Returns:
        the number of events written.
    """
    app = open_app(out)
    try:
        to_stored = app.mapper.to_stored_event
        count = 0
        batch: list[Any] = []
        for ours in _our_events(store):
            cls = _CLASSES.get(type(ours).__name__)
            if cls is None:
                msg = f"{type(ours).__name__} is not in the benchmark history's event types"
                raise TypeError(msg)
            fields = {
                k: v.hex() if isinstance(v, bytes) else v
                for k, v in msgspec.structs.asdict(ours).items()
            }
            batch.append(to_stored(cls(**fields)))
            if len(batch) == READ_BATCH:
                app.recorder.insert_events(batch)
                count += len(batch)
                batch = []
        if batch:
            app.recorder.insert_events(batch)
            count += len(batch)
        return count
    finally:
        app.close()


def replay(path: str) -> dict[tuple[UUID, str], list[int]]:
    """Fold the copy at ``path`` through eventsourcing's notification log and default mapper.

    Returns:
        per (fund, restriction): [received, refunded, paid, approved, released] in fen.
    """
    app = open_app(path)
    try:
        counters: dict[tuple[UUID, str], list[int]] = {}
        select = app.recorder.select_notifications
        decode = app.mapper.to_domain_event
        position = 0
        while True:
            notifications = select(start=position + 1, limit=READ_BATCH)
            if not notifications:
                break
            for notification in notifications:
                _fold(counters, decode(notification))
            position = notifications[-1].id
        return counters
    finally:
        app.close()


def _fold(counters: dict[tuple[UUID, str], list[int]], event: Any) -> None:
    """The balance arithmetic of ``domain.balances`` for the history's event types."""
    if isinstance(event, (FundOpened, DisbursementRequested, DisbursementPublicized)):
        return
    key = (event.originator_id, event.restriction)
    row = counters.get(key)
    if row is None:
        row = counters[key] = [0, 0, 0, 0, 0]
    if isinstance(event, CashDonationReceived):
        row[0] += event.amount_fen
    elif isinstance(event, DonationRefunded):
        row[1] += event.amount_fen
    elif isinstance(event, DisbursementPaid):
        row[2] += event.amount_fen
    elif isinstance(event, DisbursementApproved):
        row[3] += event.reserved_fen
    elif isinstance(event, DisbursementRejected):
        row[4] += event.released_fen
