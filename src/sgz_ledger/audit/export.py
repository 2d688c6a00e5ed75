"""Exports an accountant, and another program, can check: JSON Lines, CSV, hledger, beancount.

``write_export(ledger, fmt, out)`` streams the store in one of four formats
(``docs/audit.md``, "Exports", documents each one field by field):

``jsonl``
    Every event of the log, one JSON object a line, in log order, with its position,
    its hash-chain digest and the digest before it, its stored name, and its business
    fields (money in integer fen). A header line opens the file and an end line closes
    it, so a cut-off file is seen as such.
``csv``
    The fund statements (one row per fund event, read from the log as a statement reads
    it, by fund, business date and position) with each fund's running cash, in fen and
    in yuan; UTF-8 with a byte-order mark so that Excel reads the Chinese text.
``hledger`` / ``beancount``
    A double-entry journal: one transaction per event that moves money or booked
    in-kind value, dated by its business date, with its position and digest, and at
    the end the balance assertions of every fund account, computed by the ledger's own
    balance fold (``domain.balances``), which the tools check against the transactions.

How the log is read: in batches of ``LOG_BATCH`` rows through the recorder's bulk
reader (``read_raw``: position, stored name, stored bytes: what the log reader reads and
decodes, kept undecoded here until the digest, which covers the stored name and bytes, is
checked), and the chain rows of the same positions in step (``scan_links``). Each digest
is recomputed from the stored row and the digest before it (``chain.link``) and must equal
the stored one, so an export is never made of a history whose chain does not verify (a
keyed chain opened without its key is passed through unverified, and says so). Memory is
bounded by the batch, plus what the journals must remember: one entry per gift receipt and
per paid request of the funds exported (a refund names only the gift's receipt; its donor
comes from the gift), and one per account.

Nothing here writes to the store or reads a clock.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import re
from collections.abc import Callable, Iterator
from typing import Any, Literal, NamedTuple, TextIO, cast
from uuid import UUID

import msgspec
from eventsourcing.persistence import MapperDeserialisationError

from sgz_ledger.audit.counting import ServiceCounting
from sgz_ledger.audit.trail import EVENT_LABELS
from sgz_ledger.domain.balances import FundBalances
from sgz_ledger.domain.errors import InvalidInput, LedgerError, NotFound, StoreError, UnknownEvent
from sgz_ledger.domain.events import (
    DELIVERY_EVENT_TYPES,
    DONOR_EVENT_TYPES,
    FUND_EVENT_TYPES,
    LEVEL_EVENT_TYPES,
    PEOPLE_EVENT_TYPES,
    PERIOD_EVENT_TYPES,
    PROJECT_EVENT_TYPES,
    RECOGNITION_EVENT_TYPES,
    VOLUNTEER_EVENT_TYPES,
    ActivityPublished,
    CashDonationReceived,
    DisbursementApproved,
    DisbursementCancelled,
    DisbursementPaid,
    DisbursementPublicized,
    DisbursementRejected,
    DisbursementRequested,
    DonationRefunded,
    DonationReversed,
    FundClosed,
    FundEvent,
    FundOpened,
    FundTransferredIn,
    FundTransferredOut,
    GoodsDistributed,
    GoodsLine,
    GoodsSold,
    IdNumberClaimed,
    InKindDonationReceived,
    LedgerEvent,
    PaymentReversed,
    PledgeRecorded,
    PurposeChanged,
    RecognitionEvent,
    RestrictionReleased,
    StationPolicySet,
    TeamFormed,
    VolunteerProfileCorrected,
    VolunteerRegistered,
)
from sgz_ledger.domain.fund import fund_uuid
from sgz_ledger.domain.money import format_yuan
from sgz_ledger.domain.text import person_key
from sgz_ledger.projections.fund_log import fund_history, iso_time
from sgz_ledger.reports.funds import ENTRY_KIND_LABELS
from sgz_ledger.service.app import LedgerService
from sgz_ledger.service.erasure import erased_volunteers
from sgz_ledger.storage.chain import (
    ALGORITHM_HMAC,
    ALGORITHM_PLAIN,
    GENESIS,
    ChainKeyError,
    RawEvent,
    key_fingerprint,
    link,
)
from sgz_ledger.storage.codec import MsgspecMapper
from sgz_ledger.storage.donor_names import DonorNames
from sgz_ledger.storage.log import LOG_BATCH

__all__ = [
    "ANONYMOUS",
    "CSV_COLUMNS",
    "CURRENCY",
    "FORMATS",
    "JOURNAL_IGNORES",
    "JOURNAL_READS",
    "JSONL_FORMAT",
    "JSONL_VERSION",
    "PERSONAL_FIELDS",
    "PROGRESS_EVERY",
    "UNRESTRICTED_ACCOUNT",
    "AccountNameCollision",
    "ExportFormat",
    "ExportSummary",
    "FundAccounts",
    "account_component",
    "fund_accounts",
    "write_export",
]

ExportFormat = Literal["jsonl", "csv", "hledger", "beancount"]
FORMATS: tuple[ExportFormat, ...] = ("jsonl", "csv", "hledger", "beancount")

# The progress callback is called each time this many more events have been read.
PROGRESS_EVERY = 10_000

JSONL_FORMAT = "sgz-ledger-events"
JSONL_VERSION = 1
CURRENCY = "CNY"
UNRESTRICTED_ACCOUNT = "Unrestricted"
ANONYMOUS = "Anonymous"
# An account name component taken from the ledger's data keeps at most this many
# characters (a longer one is cut and marked with its hash): long enough to read, short
# enough for the tools' tables.
NAME_CHARS_MAX = 40
# Hex digits of SHA-256 that mark a name that had to be changed: 48 bits, so that even
# a million changed names of one kind collide with odds below one in a hundred million,
# and a collision is refused (``AccountNameCollision``), never merged silently.
NAME_HASH_DIGITS = 12

_ENVELOPE = ("type", "originator_id", "originator_version", "timestamp", "actor", "occurred_on")
# The sealed personal data of a volunteer, and the keyed hash of their ID number.
_PERSONAL_FIELDS = ("personal_sealed", "id_hash")
# Every event with fields of personal data, and those fields: what the JSON lines name
# or leave out (``_jsonl_fields``). A test checks that every field of stored bytes (sealed
# data) of every event class is listed here, so a new one cannot leak as base64.
PERSONAL_FIELDS: dict[type[LedgerEvent], tuple[str, ...]] = {
    CashDonationReceived: ("donor_sealed",),
    InKindDonationReceived: ("donor_sealed",),
    VolunteerRegistered: _PERSONAL_FIELDS,
    VolunteerProfileCorrected: _PERSONAL_FIELDS,
    IdNumberClaimed: ("holder_sealed",),
}
# ``personal.PersonalDataSealer``'s first byte of a seal under the store's key (0x00 is
# clear) and of one under a subject key (which the store's cipher key wraps, if it has one).
_SEALED_ENCRYPTED = 0x01
_SEALED_SUBJECT_KEY = 0x02


class AccountNameCollision(LedgerError):
    """Two different names of the ledger would map to one journal account name.

    Never expected in practice (it takes a 48-bit hash collision, or a name written to
    look like another's mapped form); refused rather than merging two accounts.
    """

    reason = "account_name_collision"


class ExportSummary(msgspec.Struct, frozen=True, kw_only=True):
    """What an export wrote.

    Attributes:
        format: ``jsonl``, ``csv``, ``hledger`` or ``beancount``.
        events_read: events of the log read (0 for the CSV, which reads the views).
        events: events selected by the filters: the JSON lines, the CSV rows (one per
            fund entry), or the fund events the journal was made from.
        transactions: journal transactions written (0 for JSON Lines and CSV).
        last_position: the log position the export stops at (the log's end when it began).
        last_digest: the chain's digest at ``last_position`` (hex; ``""`` for the CSV and
            an empty log): the anchor of the history exported.
        verified: every digest of the log up to ``last_position`` was recomputed and matched.
        balances_fen: journals only: each account's balance after the transactions
            written, in fen, as the tools must report it.
    """

    format: ExportFormat
    events_read: int
    events: int
    transactions: int
    last_position: int
    last_digest: str
    verified: bool
    balances_fen: dict[str, int]


# ---- account names -------------------------------------------------------------------------

_CJK_RANGES = (
    (0x3400, 0x4DBF),  # CJK Unified Ideographs Extension A
    (0x4E00, 0x9FFF),  # CJK Unified Ideographs
    (0xF900, 0xFAFF),  # CJK Compatibility Ideographs
    (0x20000, 0x3134F),  # Extensions B-G (rare characters of personal names)
)
_DASHES = re.compile(r"-{2,}")


def _keep(ch: str) -> bool:
    """Whether ``ch`` stays in an account name as it is (both tools accept it anywhere)."""
    if ch.isascii():
        return ch.isalnum() or ch == "-"
    code = ord(ch)
    return ch.isalpha() and any(low <= code <= high for low, high in _CJK_RANGES)


def account_component(prefix: str, name: str) -> str:
    """One account name component for a name from the ledger: ``<prefix>-<name>``.

    beancount wants each component to start with an uppercase letter or a digit and
    to hold only letters, digits and dashes (``beancount.core.account.is_valid``);
    hledger takes almost anything. So: the one-letter ``prefix`` (F fund, R restriction,
    D donor, I individual donor, P payee, B beneficiary) makes every name start right
    and keeps names from the data apart from the chart's own words (``Unrestricted``,
    ``Anonymous``); ASCII letters, digits, dashes and CJK ideographs are kept; anything
    else (spaces,
    punctuation, full-width brackets, other scripts) becomes a dash, runs of dashes
    become one, and a name longer than ``NAME_CHARS_MAX`` is cut. A name changed in any
    of these ways gets the first ``NAME_HASH_DIGITS`` hex digits of the SHA-256 of its
    UTF-8 text appended, so two names never share a component. Deterministic: the same
    name gives the same component in every export.
    """
    cleaned = _DASHES.sub("-", "".join(ch if _keep(ch) else "-" for ch in name)).strip("-")
    if cleaned == name and len(name) <= NAME_CHARS_MAX:
        return f"{prefix}-{name}"
    digest = hashlib.sha256(name.encode("utf-8")).hexdigest()[:NAME_HASH_DIGITS]
    cleaned = cleaned[:NAME_CHARS_MAX].rstrip("-")
    return f"{prefix}-{cleaned}-{digest}" if cleaned else f"{prefix}-{digest}"


def _restriction_component(restriction: str) -> str:
    return UNRESTRICTED_ACCOUNT if restriction == "" else account_component("R", restriction)


class FundAccounts(NamedTuple):
    """The three asset accounts of one restriction of one fund.

    Attributes:
        cash: the restriction's cash not reserved (its ``available_fen``).
        reserved: cash reserved for approved, unpaid disbursements (``reserved_fen``).
        goods: booked value of the goods in stock given for this restriction.
    """

    cash: str
    reserved: str
    goods: str


def fund_accounts(fund_id: str, restriction: str) -> FundAccounts:
    """The journal accounts of a fund's restriction (``""``: unrestricted money).

    ``cash`` + ``reserved`` is the restriction's ``total_fen``; the ``goods`` accounts of
    a fund add up to its ``in_kind_held_fen``.
    """
    base = f"Assets:Fund:{account_component('F', fund_id)}"
    part = _restriction_component(restriction)
    return FundAccounts(f"{base}:Cash:{part}", f"{base}:Reserved:{part}", f"{base}:Goods:{part}")


# ---- reading the log and the chain in step ---------------------------------------------------


class _Row(NamedTuple):
    position: int
    name: str
    event: LedgerEvent
    digest: bytes
    prev: bytes


class _Log:
    """The log up to its end when the export began, each event with its digest."""

    def __init__(self, ledger: LedgerService, progress: Callable[[int], None] | None) -> None:
        self.ledger = ledger
        self._progress = progress
        recorder = ledger.chained_recorder
        meta = recorder.chain_meta()
        self.algorithm = meta.get("algorithm", ALGORITHM_PLAIN)
        given = ledger.settings.chain_key
        self._key: bytes | None = None
        if self.algorithm == ALGORITHM_HMAC:
            if given and key_fingerprint(given.encode("utf-8")) != meta.get("key_fingerprint"):
                raise ChainKeyError("chain_key_wrong")
            self._key = given.encode("utf-8") if given else None
        # A keyed chain opened without its key: the digests are passed on as stored.
        self.verified = self.algorithm != ALGORITHM_HMAC or self._key is not None
        self.head = ledger.log_position()
        self.read = 0
        self.last_position = 0
        self.last_digest = b""

    def batches(self) -> Iterator[list[_Row]]:
        recorder = self.ledger.chained_recorder
        decode = cast(MsgspecMapper, self.ledger.mapper).raw_decoder()
        prev = GENESIS
        after = 0
        next_progress = PROGRESS_EVERY
        while after < self.head:
            raw = recorder.read_raw(after, LOG_BATCH, self.head)
            if not raw:
                break
            # Read whole (a batch's worth): a generator left half-read would hold its read
            # transaction open until it is collected, after the store may have closed.
            links = iter(list(recorder.scan_links(after=after, upto=raw[-1][0])))
            rows: list[_Row] = []
            for position, name, state in raw:
                chained = next(links, None)
                if chained is None or chained.position != position:
                    where = position if chained is None else min(position, chained.position)
                    raise StoreError("chain_gap", position=where)
                try:
                    event = decode(name, state)
                except MapperDeserialisationError as e:
                    raise StoreError.unreadable(e, position=position) from e
                if self.verified:
                    raw_event = RawEvent(
                        position,
                        event.originator_id.bytes,
                        event.originator_version,
                        name,
                        state,
                    )
                    if link(prev, raw_event, self._key) != chained.digest:
                        raise StoreError("export_digest_mismatch", position=position)
                rows.append(_Row(position, name, event, chained.digest, prev))
                prev = chained.digest
            after = raw[-1][0]
            self.read += len(rows)
            self.last_position, self.last_digest = after, prev
            yield rows
            if self._progress is not None and self.read >= next_progress:
                self._progress(self.read)
                next_progress = (self.read // PROGRESS_EVERY + 1) * PROGRESS_EVERY
        if self._progress is not None:
            self._progress(self.read)


class _Selection:
    """Which events the ``--fund`` / ``--station`` filters keep (every event without them).

    A fund, volunteer, activity, station, team or register of awards belongs to the
    station its first event names; every later event of that aggregate follows it.
    """

    def __init__(self, fund_id: str | None, station_id: str | None) -> None:
        self.fund_id = fund_id
        self.station_id = station_id
        self._fund = None if fund_id is None else fund_uuid(fund_id)
        self._members: set[UUID] = set()
        self.matched = 0

    @property
    def filtered(self) -> bool:
        return self.fund_id is not None or self.station_id is not None

    def wants(self, event: LedgerEvent) -> bool:
        uid = event.originator_id
        if self._fund is not None and uid != self._fund:
            return False
        if self.station_id is not None:
            first = (
                FundOpened,
                VolunteerRegistered,
                ActivityPublished,
                StationPolicySet,
                TeamFormed,
                RecognitionEvent,
            )
            if isinstance(event, first) and event.station_id == self.station_id:
                self._members.add(uid)
            if uid not in self._members:
                return False
        self.matched += 1
        return True

    def check_matched(self, *, funds_only: bool) -> None:
        """Refuse a station (or fund and station) that selected nothing at all.

        ``funds_only``: the format exports funds only (CSV, journals), so a station
        without a fund has nothing to export, whatever else it has.
        """
        if self.matched or not self.filtered:
            return
        if self.fund_id is not None:
            raise NotFound("fund", self.fund_id)
        raise NotFound("funds_of_station" if funds_only else "station", str(self.station_id))


def _check_fund(ledger: LedgerService, fund_id: str | None) -> None:
    """Refuse an unknown fund before reading the log (``Ledger.fund`` raises NotFound)."""
    if fund_id is not None:
        ledger.fund(fund_id)


# ---- JSON Lines ----------------------------------------------------------------------------


class _Personal(NamedTuple):
    """What the JSON lines need to know to leave personal data out, and to name people."""

    erased: frozenset[UUID]  # volunteers whose personal data was erased
    keys_wrapped: bool  # the store's cipher key wraps its subject keys
    donors: DonorNames  # individual donors, as every output names them


_GIFT_EVENTS = (CashDonationReceived, InKindDonationReceived)


def _jsonl_fields(event: LedgerEvent, personal: _Personal) -> tuple[dict[str, Any], list[str]]:
    """The business fields as JSON values, and the personal fields left out."""
    fields: dict[str, Any] = msgspec.to_builtins(event)
    for name in _ENVELOPE:
        del fields[name]
    redacted: list[str] = []
    if isinstance(event, _GIFT_EVENTS):
        if event.donor_sealed is None:
            del fields["donor_sealed"]  # an organisation's gift, or anonymous: as it always was
        else:
            # An individual donor: named as every output names them (their name, or their
            # pseudonym once erased); the sealed bytes are of no use to a reader of the file.
            fields["donor"] = personal.donors.show(event.donor_sealed).name
            fields["donor_is_person"] = True
            fields["donor_sealed"] = None
            redacted.append("donor_sealed")
    if isinstance(event, IdNumberClaimed):
        # The holder's id sealed under their key: of no use to a reader of the file.
        fields["holder_sealed"] = None
        redacted.append("holder_sealed")
    if isinstance(event, CashDonationReceived) and not event.pledge_id:
        del fields["pledge_id"]  # a gift that fulfils no pledge: as it always was
    for name in ("project_id", "budget_line"):
        if name in fields and not fields[name]:
            del fields[name]  # an entry that names no project: as it always was
    if isinstance(event, (VolunteerRegistered, VolunteerProfileCorrected)):
        sealed = event.personal_sealed
        protected = sealed is not None and (
            sealed[:1] == bytes([_SEALED_ENCRYPTED])
            or (sealed[:1] == bytes([_SEALED_SUBJECT_KEY]) and personal.keys_wrapped)
        )
        if event.originator_id in personal.erased or (sealed is not None and not protected):
            # Sealed in clear, or under a subject key kept in clear in the same store (a
            # ledger without a key): base64 would hand the name, phone and ID number to
            # anyone, and the ID hash's key is public or beside it. Erased: whatever the
            # seal, the data is shown nowhere.
            for name in PERSONAL_FIELDS[type(event)]:
                if fields.get(name) is not None:
                    fields[name] = None
                    redacted.append(name)
    return fields, redacted


def _write_jsonl(
    log: _Log, selection: _Selection, out: TextIO, personal: _Personal
) -> tuple[int, int]:
    encode = msgspec.json.Encoder().encode
    header = {
        "format": JSONL_FORMAT,
        "version": JSONL_VERSION,
        "algorithm": log.algorithm,
        "verified": log.verified,
        "log_position": log.head,
        "fund_id": selection.fund_id,
        "station_id": selection.station_id,
        "money": "fen",
    }
    started = False
    written = 0
    counting = ServiceCounting(lambda uid: log.ledger.events.get(uid))
    for rows in log.batches():
        lines: list[bytes] = []
        for row in rows:
            event = row.event
            counting.note(event)
            if not selection.wants(event):
                continue
            fields, redacted = _jsonl_fields(event, personal)
            line: dict[str, Any] = {
                "position": row.position,
                "digest": row.digest.hex(),
                "prev_digest": row.prev.hex(),
                "name": row.name,
                "type": type(event).__struct_config__.tag,
                "aggregate_id": str(event.originator_id),
                "version": event.originator_version,
                "recorded_at": _utc(event.timestamp),
                "occurred_on": event.occurred_on,
                "actor": event.actor,
                "fields": fields,
            }
            if redacted:
                line["redacted"] = redacted
            counted = counting.of(event)
            if counted is not None:
                # Beside ``fields`` (which decode back into the stored event): a program
                # sums ``counted_s`` for the service hours, never an approval's duration.
                line["counting"] = {
                    "counts": counted.counts,
                    "counted_s": counted.counted_s,
                    "category": counted.category,
                }
            lines.append(encode(line))
        if lines:
            if not started:
                out.write(encode(header).decode("utf-8") + "\n")
                started = True
            out.write(b"\n".join(lines).decode("utf-8") + "\n")
            written += len(lines)
    selection.check_matched(funds_only=False)
    if not started:
        out.write(encode(header).decode("utf-8") + "\n")
    end = {
        "end": JSONL_FORMAT,
        "events": written,
        "last_position": log.last_position,
        "last_digest": log.last_digest.hex() if log.last_digest else "",
    }
    out.write(encode(end).decode("utf-8") + "\n")
    return written, 0


def _utc(at: dt.datetime) -> dt.datetime:
    return at.astimezone(dt.UTC) if at.tzinfo is not None else at.replace(tzinfo=dt.UTC)


# ---- CSV -----------------------------------------------------------------------------------

CSV_COLUMNS = (
    "fund_id",
    "position",
    "occurred_on",
    "recorded_at",
    "kind",
    "kind_label",
    "restriction",
    "ref",
    "of_ref",
    "counterparty",
    "purpose",
    "actor",
    "reason",
    "cash_fen",
    "reserved_fen",
    "in_kind_fen",
    "moved_fen",
    "balance_fen",
    "goods",
    "cash_yuan",
    "reserved_yuan",
    "in_kind_yuan",
    "moved_yuan",
    "balance_yuan",
)
# Text that a spreadsheet would run as a formula (CSV injection): such a cell gets a
# leading apostrophe, which Excel shows as text and does not display.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _text_cell(text: str) -> str:
    return "'" + text if text.startswith(_FORMULA_START) else text


def _write_csv(
    ledger: LedgerService,
    selection: _Selection,
    out: TextIO,
    progress: Callable[[int], None] | None,
) -> tuple[int, int]:
    position = ledger.catch_up_views()
    store = ledger.view_store
    if selection.fund_id is not None:
        funds = store.query(
            "SELECT fund_id, station_id FROM {s}funds WHERE fund_id = ?", [selection.fund_id]
        )
        if selection.station_id is not None and funds and funds[0][1] != selection.station_id:
            funds = []
    elif selection.station_id is not None:
        funds = store.query(
            "SELECT fund_id, station_id FROM {s}funds WHERE station_id = ? ORDER BY fund_id",
            [selection.station_id],
        )
    else:
        funds = store.query("SELECT fund_id, station_id FROM {s}funds ORDER BY fund_id")
    selection.matched = len(funds)
    selection.check_matched(funds_only=True)
    out.write("\ufeff")  # the byte-order mark: Excel then reads the file as UTF-8
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    rows_written = 0
    next_progress = PROGRESS_EVERY
    donors = ledger.donor_names()
    for fund_id, _station in funds:
        history = fund_history(ledger.fund_events(fund_id, upto=position), donors)
        if history is None:
            continue  # listed by the views, not in the log: ``audit`` reports it
        balance = 0
        dated = history.dated()
        for start in range(0, len(dated), LOG_BATCH):
            lines = []
            for e in dated[start : start + LOG_BATCH]:
                balance += e.cash_fen
                lines.append(
                    (
                        _text_cell(fund_id),
                        e.position,
                        e.occurred_on.isoformat(),
                        iso_time(e.recorded_at),
                        e.kind,
                        ENTRY_KIND_LABELS[e.kind],
                        _text_cell(e.restriction),
                        _text_cell(e.ref),
                        _text_cell(e.of_ref),
                        _text_cell(e.counterparty),
                        _text_cell(e.purpose),
                        _text_cell(e.actor),
                        _text_cell(e.reason),
                        e.cash_fen,
                        e.reserved_fen,
                        e.in_kind_fen,
                        e.moved_fen,
                        balance,
                        _text_cell(e.goods),
                        format_yuan(e.cash_fen),
                        format_yuan(e.reserved_fen),
                        format_yuan(e.in_kind_fen),
                        format_yuan(e.moved_fen),
                        format_yuan(balance),
                    )
                )
            writer.writerows(lines)
            rows_written += len(lines)
            if progress is not None and rows_written >= next_progress:
                progress(rows_written)
                next_progress = (rows_written // PROGRESS_EVERY + 1) * PROGRESS_EVERY
    if progress is not None:
        progress(rows_written)
    return rows_written, position


# ---- journals: the chart and the postings ----------------------------------------------------

# The events the journals fold (every fund event: the books keep each fund's balances) and
# those they knowingly pass over (volunteers', activities', stations', donors': no money
# of a fund moves). Any other event is an ``UnknownEvent``.
JOURNAL_READS: frozenset[type[LedgerEvent]] = frozenset(FUND_EVENT_TYPES)
JOURNAL_IGNORES: frozenset[type[LedgerEvent]] = frozenset(
    (
        *VOLUNTEER_EVENT_TYPES,
        *DONOR_EVENT_TYPES,
        *PERIOD_EVENT_TYPES,
        *PEOPLE_EVENT_TYPES,
        *LEVEL_EVENT_TYPES,
        *PROJECT_EVENT_TYPES,
        *DELIVERY_EVENT_TYPES,
        *RECOGNITION_EVENT_TYPES,
    )
)
# Fund events that never make a transaction: no money or booked value moves.
_NO_TRANSACTION = frozenset(
    {FundOpened, DisbursementRequested, DisbursementPublicized, FundClosed, PledgeRecorded}
)


class _Txn(NamedTuple):
    fund_id: str
    day: dt.date
    payee: str
    narration: str
    postings: list[tuple[str, int]]


def _restriction_label(restriction: str) -> str:
    return restriction or "非限定"


def _goods_text(lines: tuple[GoodsLine, ...]) -> str:
    return "、".join(f"{g.item} {g.quantity}{g.unit}" for g in lines)


class _Chart:
    """The accounts of the journals, and what each one stands for (for its ``open``)."""

    def __init__(self) -> None:
        # The accounts used, each with the (key, value) pairs saying what it stands for.
        self.accounts: dict[str, tuple[tuple[str, str], ...]] = {}
        self._about: dict[str, tuple[tuple[str, str], ...]] = {}
        self._components: dict[tuple[str, str], str] = {}
        self._originals: dict[tuple[str, str], str] = {}

    def component(self, prefix: str, name: str) -> str:
        key = (prefix, name)
        found = self._components.get(key)
        if found is None:
            found = account_component(prefix, name)
            other = self._originals.setdefault((prefix, found), name)
            if other != name:
                raise AccountNameCollision(None, other=other, name=name, component=found)
            self._components[key] = found
        return found

    def fund(self, book: _FundBook, restriction: str) -> FundAccounts:
        found = book.accounts.get(restriction)
        if found is None:
            fund_id = book.fund_id
            self.component("F", fund_id)
            if restriction:
                self.component("R", restriction)
            found = book.accounts[restriction] = fund_accounts(fund_id, restriction)
            about = (("fund", fund_id), ("fund_name", book.name), ("restriction", restriction))
            for account in found:
                self._about[account] = tuple((k, v) for k, v in about if v)
        return found

    def named(self, parent: str, prefix: str, kind: str, name: str) -> str:
        account = f"{parent}:{self.component(prefix, name)}"
        self._about.setdefault(account, ((kind, name),))
        return account

    def fixed(self, account: str) -> str:
        return account

    def use(self, account: str) -> None:
        """Count ``account`` among the accounts the journal opens and declares."""
        if account not in self.accounts:
            self.accounts[account] = self._about.get(account, ())

    def donor_cash(self, donor: _Giver | None) -> str:
        return self._donor("Income:Donations:Cash", donor)

    def donor_in_kind(self, donor: _Giver | None) -> str:
        return self._donor("Income:Donations:InKind", donor)

    def _donor(self, parent: str, donor: _Giver | None) -> str:
        if donor is None:
            return self.fixed(f"{parent}:{ANONYMOUS}")
        if donor.person:
            # I, not D: an individual is never one account with an organisation that
            # happens to bear the same name.
            return self.named(parent, "I", "individual_donor", donor.name)
        return self.named(parent, "D", "donor", donor.name)


class _Giver(NamedTuple):
    """Who gave a gift, as the journal names them: an organisation's name, or an
    individual donor's (their name as first written, or their pseudonym once erased)."""

    name: str
    person: bool


class _FundBook:
    """What the journal keeps of one fund: its fold, and what its corrections refer to."""

    __slots__ = ("accounts", "donors", "fold", "fund_id", "name", "payees")

    def __init__(self, opened: FundOpened) -> None:
        self.fund_id = opened.fund_id
        self.name = opened.name
        self.fold = FundBalances()
        self.accounts: dict[str, FundAccounts] = {}
        # A refund or reversal names the gift's receipt, not its donor; a reversed
        # payment names the request, not the payee.
        self.donors: dict[str, _Giver | None] = {}
        self.payees: dict[str, str] = {}


class _Books:
    """Turns fund events into balanced transactions, and keeps the balances they make.

    The chart (``docs/audit.md``): per fund and restriction, ``Cash`` (not reserved),
    ``Reserved`` (for approved requests) and ``Goods`` (booked in-kind value);
    ``Income:Donations:Cash|InKind:<donor>`` (``D-`` an organisation, ``I-`` an individual
    donor: their name, or their pseudonym once erased), ``Income:Sales``,
    ``Expenses:Payees:<payee>``, ``Expenses:Goods:<recipient>``,
    ``Expenses:GoodsSold``, ``Equity:Transfers``. Refunds and reversals debit the
    income account the gift credited, so a donor's account shows what they gave net.
    """

    def __init__(self, donors: DonorNames) -> None:
        self.chart = _Chart()
        self.balances: dict[str, int] = {}
        self.funds: dict[UUID, _FundBook] = {}
        self.first_day: dt.date | None = None
        self.last_day: dt.date | None = None
        self._names: dict[str, str] = {}  # one shared string per donor and payee
        self._donors = donors
        self._givers: dict[tuple[str, bool], _Giver] = {}  # one per donor
        # An individual donor's name as first written, by the name as people compare it:
        # their gifts are one account however the name's case was typed.
        self._people: dict[str, str] = {}

    def _shared(self, name: str) -> str:
        return self._names.setdefault(name, name)

    def _giver(self, gift: CashDonationReceived | InKindDonationReceived) -> _Giver | None:
        if gift.donor_sealed is not None:
            shown = self._donors.show(gift.donor_sealed)
            name = shown.name
            if not shown.erased:
                name = self._people.setdefault(person_key(name), name)
            key = (name, True)
        elif gift.donor is None:
            return None
        else:
            key = (gift.donor, False)
        found = self._givers.get(key)
        if found is None:
            found = self._givers[key] = _Giver(*key)
        return found

    def apply(self, event: FundEvent) -> _Txn | None:
        """The transaction of ``event``, or ``None`` when it moves no money or value."""
        if isinstance(event, FundOpened):
            book = self.funds[event.originator_id] = _FundBook(event)
        else:
            book = self.funds[event.originator_id]
        book.fold.apply(event)
        day = event.occurred_on
        if self.first_day is None or day < self.first_day:
            self.first_day = day
        if self.last_day is None or day > self.last_day:
            self.last_day = day
        txn = self._transaction(book, event)
        if txn is None:
            return None
        postings = [(account, fen) for account, fen in txn.postings if fen != 0]
        if not postings:
            return None
        balances = self.balances
        total = 0
        for account, fen in postings:
            before = balances.get(account)
            if before is None:
                self.chart.use(account)
                before = 0
            balances[account] = before + fen
            total += fen
        assert total == 0, f"unbalanced postings for {event!r}"
        return txn._replace(postings=postings)

    def _transaction(self, book: _FundBook, e: FundEvent) -> _Txn | None:
        chart = self.chart
        label = EVENT_LABELS[type(e)][0]

        def txn(payee: str, detail: str, postings: list[tuple[str, int]]) -> _Txn:
            # Single-spaced on one line: empty parts (no reason...) leave no gaps.
            narration = " ".join(f"{label} {detail}".split())
            return _Txn(book.fund_id, e.occurred_on, payee, narration, postings)

        match e:
            case CashDonationReceived():
                giver = book.donors[e.receipt_no] = self._giver(e)
                cash = chart.fund(book, e.restriction).cash
                return txn(
                    giver.name if giver else "匿名",
                    f"{e.receipt_no} {_restriction_label(e.restriction)}",
                    [(cash, e.amount_fen), (chart.donor_cash(giver), -e.amount_fen)],
                )
            case InKindDonationReceived():
                giver = book.donors[e.receipt_no] = self._giver(e)
                value = sum(g.value_fen or 0 for g in e.items)
                if value == 0:
                    return None  # unvalued goods book no money (rule 8)
                goods = chart.fund(book, e.restriction).goods
                return txn(
                    giver.name if giver else "匿名",
                    f"{e.receipt_no} {_restriction_label(e.restriction)} {_goods_text(e.items)}",
                    [(goods, value), (chart.donor_in_kind(giver), -value)],
                )
            case GoodsDistributed():
                if e.value_fen == 0:
                    return None
                out = chart.named("Expenses:Goods", "B", "recipient", e.recipient)
                return txn(
                    e.recipient,
                    f"{e.distribution_id} {e.purpose} {e.item} {e.quantity}{e.unit}",
                    [(out, e.value_fen), (chart.fund(book, e.restriction).goods, -e.value_fen)],
                )
            case GoodsSold():
                accounts = chart.fund(book, e.restriction)
                return txn(
                    e.buyer,
                    f"{e.sale_id} {e.item} {e.quantity}{e.unit}",
                    [
                        (accounts.cash, e.proceeds_fen),
                        (chart.fixed("Income:Sales"), -e.proceeds_fen),
                        (chart.fixed("Expenses:GoodsSold"), e.value_fen),
                        (accounts.goods, -e.value_fen),
                    ],
                )
            case DonationRefunded():
                donor = book.donors[e.receipt_no]
                return txn(
                    donor.name if donor else "匿名",
                    f"{e.refund_id} 原票据 {e.receipt_no} {e.reason}",
                    [
                        (chart.donor_cash(donor), e.amount_fen),
                        (chart.fund(book, e.restriction).cash, -e.amount_fen),
                    ],
                )
            case DonationReversed():
                # A reversed gift is never refunded or reversed again: forget it.
                donor = book.donors.pop(e.receipt_no)
                accounts = chart.fund(book, e.restriction)
                value = sum(g.value_fen or 0 for g in e.items)
                postings = []
                if e.amount_fen:
                    postings += [
                        (chart.donor_cash(donor), e.amount_fen),
                        (accounts.cash, -e.amount_fen),
                    ]
                if value:
                    postings += [(chart.donor_in_kind(donor), value), (accounts.goods, -value)]
                return txn(
                    donor.name if donor else "匿名",
                    f"{e.correction_id} 原票据 {e.receipt_no} {e.reason}",
                    postings,
                )
            case PaymentReversed():
                payee = book.payees[e.request_id]
                return txn(
                    payee,
                    f"{e.correction_id} 申请 {e.request_id} {e.reason}",
                    [
                        (chart.fund(book, e.restriction).reserved, e.amount_fen),
                        (chart.named("Expenses:Payees", "P", "payee", payee), -e.amount_fen),
                    ],
                )
            case RestrictionReleased():
                return txn(
                    "",
                    f"{e.release_id} {e.restriction} → 非限定 {e.reason} {e.reference}",
                    [
                        (chart.fund(book, "").cash, e.amount_fen),
                        (chart.fund(book, e.restriction).cash, -e.amount_fen),
                    ],
                )
            case PurposeChanged():
                return txn(
                    "",
                    f"{e.change_id} {_restriction_label(e.from_restriction)} → "
                    f"{_restriction_label(e.to_restriction)} {e.consent_ref} {e.reason}",
                    [
                        (chart.fund(book, e.to_restriction).cash, e.amount_fen),
                        (chart.fund(book, e.from_restriction).cash, -e.amount_fen),
                    ],
                )
            case DisbursementApproved():
                if e.reserved_fen == 0:
                    return None  # the first of two approvals reserves nothing
                accounts = chart.fund(book, e.restriction)
                return txn(
                    "",
                    f"{e.request_id} {_restriction_label(e.restriction)}",
                    [(accounts.reserved, e.reserved_fen), (accounts.cash, -e.reserved_fen)],
                )
            case DisbursementPaid():
                payee = book.payees[e.request_id] = self._shared(e.payee)
                return txn(
                    payee,
                    f"{e.request_id} {e.voucher_no} {e.purpose}",
                    [
                        (chart.named("Expenses:Payees", "P", "payee", payee), e.amount_fen),
                        (chart.fund(book, e.restriction).reserved, -e.amount_fen),
                    ],
                )
            case DisbursementRejected() | DisbursementCancelled():
                if e.released_fen == 0:
                    return None
                accounts = chart.fund(book, e.restriction)
                return txn(
                    "",
                    f"{e.request_id} {e.reason}",
                    [(accounts.cash, e.released_fen), (accounts.reserved, -e.released_fen)],
                )
            case FundTransferredOut():
                return txn(
                    e.to_fund_id,
                    f"{e.transfer_id} → {e.to_fund_id} {e.reason}",
                    [
                        (chart.fixed("Equity:Transfers"), e.amount_fen),
                        (chart.fund(book, e.restriction).cash, -e.amount_fen),
                    ],
                )
            case FundTransferredIn():
                return txn(
                    e.from_fund_id,
                    f"{e.transfer_id} ← {e.from_fund_id} {e.reason}",
                    [
                        (chart.fund(book, e.restriction).cash, e.amount_fen),
                        (chart.fixed("Equity:Transfers"), -e.amount_fen),
                    ],
                )
            case _:
                if type(e) in _NO_TRANSACTION:
                    return None
                raise UnknownEvent("journal", type(e))

    def expected(self) -> dict[str, int]:
        """Every fund account's balance by the ledger's own fold (``domain.balances``).

        Independent of the postings above: it is what the balance views and the
        Fund aggregate's rules compute, so the journals' assertions check the
        postings against the ledger's arithmetic.
        """
        found: list[tuple[str, int]] = []
        for book in self.funds.values():
            fold = book.fold
            goods: dict[str, int] = {}
            for line in fold.stock.values():
                goods[line.restriction] = goods.get(line.restriction, 0) + line.value_fen
            for restriction in sorted(fold.restrictions.keys() | goods.keys()):
                accounts = self.chart.fund(book, restriction)
                balance = fold.restrictions.get(restriction)
                if balance is not None:
                    found.append((accounts.cash, balance.available_fen))
                    found.append((accounts.reserved, balance.reserved_fen))
                found.append((accounts.goods, goods.get(restriction, 0)))
        # Every fund account the transactions used, and any other the fold says is not
        # empty (there should be none: the caller checks that the two agree).
        out = {a: fen for a, fen in found if fen != 0 or a in self.balances}
        for account in self.balances:
            if account.startswith("Assets:"):
                out.setdefault(account, 0)
        for account in out:
            self.chart.use(account)
        return out


# ---- journals: the text ------------------------------------------------------------------


def _amount(fen: int) -> str:
    return f"{format_yuan(fen)} {CURRENCY}"


def _one_line(text: str) -> str:
    """Free text on one line: line breaks, tabs and other unprintable characters become spaces."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else " " for ch in text)


def _hledger_text(text: str) -> str:
    # ';' would start a comment in a description, '|' splits payee from note.
    return _one_line(text).replace(";", "；").replace("|", "｜")


def _hledger_tag(text: str) -> str:
    # A tag value ends at a comma.
    return _hledger_text(text).replace(",", "，")


def _bean_string(text: str) -> str:
    return '"' + _one_line(text).replace("\\", "\\\\").replace('"', '\\"') + '"'


class _JournalWriter:
    """The journal's text: header, one transaction per money event, accounts and checks."""

    def __init__(
        self,
        kind: Literal["hledger", "beancount"],
        log: _Log,
        selection: _Selection,
        books: _Books,
    ) -> None:
        self.kind = kind
        self.log = log
        self.selection = selection
        self.books = books

    def header(self) -> str:
        s = self.selection
        filters = ", ".join(
            f"{k}={_one_line(v)}"
            for k, v in (("fund", s.fund_id), ("station", s.station_id))
            if v is not None
        )
        lines = [
            f"; sgz-ledger export: {self.kind} journal of the fund ledger (docs/audit.md, Exports)",
            f"; events up to log position {self.log.head}; filter: {filters or 'none'}",
            "; amounts in yuan (CNY) with 2 decimals, from integer fen; dated by business date",
            "; each transaction carries its log position and its hash-chain digest",
        ]
        if self.kind == "beancount":
            lines += [
                'option "title" "sgz-ledger fund ledger"',
                f'option "operating_currency" "{CURRENCY}"',
                f"1970-01-01 commodity {CURRENCY}",
            ]
        else:
            lines.append(f"commodity 1000.00 {CURRENCY}")
        return "\n".join(lines) + "\n\n"

    def transaction(self, row: _Row, txn: _Txn) -> str:
        fund_id = txn.fund_id
        day = txn.day.isoformat()
        postings = "".join(f"    {account}  {_amount(fen)}\n" for account, fen in txn.postings)
        if self.kind == "hledger":
            payee, narration = _hledger_text(txn.payee), _hledger_text(txn.narration)
            description = f"{payee} | {narration}" if payee else narration
            tags = (
                f"position:{row.position}, digest:{row.digest.hex()}, event:{row.name}, "
                f"fund:{_hledger_tag(fund_id)}"
            )
            return f"{day} * ({row.position}) {description}  ; {tags}\n{postings}\n"
        head = f"{day} * "
        if txn.payee:
            head += _bean_string(txn.payee) + " "
        head += _bean_string(txn.narration)
        meta = (
            f"  position: {row.position}\n"
            f'  digest: "{row.digest.hex()}"\n'
            f'  event: "{row.name}"\n'
            f"  fund: {_bean_string(fund_id)}\n"
        )
        return f"{head}\n{meta}{postings}\n"

    def footer(self, expected: dict[str, int]) -> str:
        books = self.books
        first = books.first_day or dt.date(1970, 1, 1)
        last = books.last_day or first
        position = self.log.last_position
        digest = self.log.last_digest.hex() if self.log.last_digest else ""
        parts = [
            f"; the ledger's own balances at log position {position} (chain digest "
            f"{digest or '-'}; verified: {'yes' if self.log.verified else 'no'})\n",
        ]
        accounts = sorted(books.chart.accounts)
        if self.kind == "hledger":
            if expected:
                parts.append(f"{last.isoformat()} * sgz-ledger balances at position {position}\n")
                parts += [
                    f"    {account}  0 {CURRENCY} = {_amount(fen)}\n"
                    for account, fen in sorted(expected.items())
                ]
                parts.append("\n")
            for account in accounts:
                about = ", ".join(
                    f"{k}:{_hledger_tag(v)}" for k, v in books.chart.accounts[account]
                )
                parts.append(f"account {account}" + (f"  ; {about}" if about else "") + "\n")
            return "".join(parts)
        for account in accounts:
            parts.append(f"{first.isoformat()} open {account} {CURRENCY}\n")
            parts += [f"  {k}: {_bean_string(v)}\n" for k, v in books.chart.accounts[account]]
        if expected:
            parts.append("\n")
            # A balance directive checks the start of its day; ``~ 0.00`` asks for an exact
            # match (beancount otherwise lets 2-decimal amounts differ by 0.01).
            check_day = (last + dt.timedelta(days=1)).isoformat()
            parts += [
                f"{check_day} balance {account}  {format_yuan(fen)} ~ 0.00 {CURRENCY}\n"
                for account, fen in sorted(expected.items())
            ]
        return "".join(parts)


def _write_journal(
    kind: Literal["hledger", "beancount"],
    log: _Log,
    selection: _Selection,
    out: TextIO,
    donors: DonorNames,
) -> tuple[int, int, dict[str, int]]:
    books = _Books(donors)
    writer = _JournalWriter(kind, log, selection, books)
    started = False
    events = transactions = 0
    for rows in log.batches():
        parts: list[str] = []
        for row in rows:
            event = row.event
            cls = type(event)
            if cls not in JOURNAL_READS:
                if cls in JOURNAL_IGNORES:
                    continue
                raise UnknownEvent("journal", cls)
            if not selection.wants(event):
                continue
            events += 1
            txn = books.apply(cast(FundEvent, event))
            if txn is not None:
                parts.append(writer.transaction(row, txn))
                transactions += 1
        if parts or (events and not started):
            if not started:
                out.write(writer.header())
                started = True
            out.write("".join(parts))
    selection.check_matched(funds_only=True)
    if not started:
        out.write(writer.header())
    expected = books.expected()
    for account, fen in expected.items():
        # The postings and the ledger's fold are two computations of one balance.
        assert books.balances.get(account, 0) == fen, (account, books.balances.get(account), fen)
    out.write(writer.footer(expected))
    return events, transactions, dict(books.balances)


# ---- the entry point ---------------------------------------------------------------------


def write_export(
    ledger: LedgerService,
    fmt: ExportFormat,
    out: TextIO,
    *,
    fund_id: str | None = None,
    station_id: str | None = None,
    progress: Callable[[int], None] | None = None,
) -> ExportSummary:
    """Write the ledger's events (or fund statements, or a journal) to ``out``.

    Args:
        ledger: the ledger to export (read only).
        fmt: ``jsonl``, ``csv``, ``hledger`` or ``beancount`` (see the module docs).
        out: a text stream; for ``csv`` open it with ``newline=""`` (rows end in CRLF).
        fund_id: only this fund's events (entries, transactions).
        station_id: only the events of this station's funds (and, in JSON Lines, of its
            volunteers, activities and station settings).
        progress: called with the number of events read (CSV: rows written) so far,
            every ``PROGRESS_EVERY`` and at the end.

    Raises:
        NotFound: ``fund_id`` names no fund, or the filters select nothing.
        StoreError: the events cannot be read, or the hash chain does not verify.
        ChainKeyError: a keyed chain opened with a key that is not its key.
        InvalidInput: ``fmt`` is not a format.
    """
    if fmt not in FORMATS:
        raise InvalidInput.on("format", "not_one_of", value=fmt, choices=FORMATS)
    selection = _Selection(fund_id, station_id)
    _check_fund(ledger, fund_id)
    if fmt == "csv":
        rows, position = _write_csv(ledger, selection, out, progress)
        return ExportSummary(
            format=fmt,
            events_read=0,
            events=rows,
            transactions=0,
            last_position=position,
            last_digest="",
            verified=False,
            balances_fen={},
        )
    log = _Log(ledger, progress)
    balances: dict[str, int] = {}
    if fmt == "jsonl":
        personal = _Personal(
            frozenset(erased_volunteers(ledger)), ledger.sealer.encrypts, ledger.donor_names()
        )
        events, transactions = _write_jsonl(log, selection, out, personal)
    else:
        events, transactions, balances = _write_journal(
            fmt, log, selection, out, ledger.donor_names()
        )
    return ExportSummary(
        format=fmt,
        events_read=log.read,
        events=events,
        transactions=transactions,
        last_position=log.last_position,
        last_digest=log.last_digest.hex() if log.last_digest else "",
        verified=log.verified,
        balances_fen=balances,
    )
