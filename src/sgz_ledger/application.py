"""The Ledger: sgz_ledger's service layer, an ``eventsourcing.Application``.

A command goes one way: strict boundary model -> load the funds it names -> call
the aggregate's command method (which checks every rule) -> save all new events
of all funds it touched in one atomic write. A batch is the same with many
commands and one write, so an importer's file is recorded whole or not at all.

Why the Ledger keeps its own aggregate cache instead of eventsourcing's
repository cache: the repository deep-copies a cached aggregate on every ``get``
so that a failed command cannot corrupt it, and a fund with years of receipts is
expensive to copy. Commands here check every rule before changing anything, and
the ledger evicts every fund a failed command or batch touched, which keeps the
cache exactly as trustworthy without the copy. Each use of a cached fund first
reads the fund's newer events from the store ("fast-forward"), so other
processes writing to the same store are seen.

Concurrency: writes are serialised within a process by a lock; across processes
the store's unique (aggregate id, version) key refuses the second of two writers,
which reloads and retries up to ``CONFLICT_RETRIES_MAX`` times before raising
``ConcurrencyConflict``.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar, cast
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError, Application
from eventsourcing.persistence import (
    IntegrityError,
    Mapper,
    MapperDeserialisationError,
    OperationalError,
    PersistenceError,
    RecordConflictError,
)
from eventsourcing.utils import Environment, EnvType, TopicError

from sgz_ledger import boundary as b
from sgz_ledger.codec import EventCodec, MsgspecMapper
from sgz_ledger.domain.aggregate import Aggregate, Stamp
from sgz_ledger.domain.errors import (
    ConcurrencyConflict,
    LedgerError,
    NotFound,
    StoreError,
)
from sgz_ledger.domain.events import FundEvent, GoodsLine, StationPolicySet
from sgz_ledger.domain.fund import Fund, fund_uuid
from sgz_ledger.domain.volunteer import (
    Activity,
    Station,
    Volunteer,
    activity_uuid,
    station_uuid,
    volunteer_uuid,
)
from sgz_ledger.personal import PersonalData, PersonalDataSealer
from sgz_ledger.projections.balances import BalancesProjection, FundBalance
from sgz_ledger.storage import DEFAULT_STORE, StoreSettings, parse_store

__all__ = ["BatchCommandRefused", "Ledger"]

# A writer that loses the race reloads and tries again this many times: enough to
# ride out a burst from another process, few enough that a hot loop surfaces.
CONFLICT_RETRIES_MAX = 3
# Aggregates kept decoded in memory between commands (least recently used go first).
AGGREGATE_CACHE_MAX = 4096
# A snapshot is stored every this many events of a fund, so loading a fund reads
# at most this many events after its latest snapshot.
SNAPSHOT_INTERVAL = 500
# Notifications read per query when a view catches up with the log.
CATCH_UP_BATCH = 5000
# Commands in one batch: a bound so a runaway importer cannot build an unbounded
# transaction in memory.
BATCH_COMMANDS_MAX = 100_000

R = TypeVar("R")


class BatchCommandRefused(LedgerError):
    """One command of a batch was refused, so the whole batch recorded nothing.

    Attributes:
        index: the command's position in the batch (from 0).
        error: the refusal itself (``InsufficientFunds``, ``InvalidInput``...).
    """

    reason = "batch_command_refused"

    def __init__(self, index: int, error: LedgerError) -> None:
        self.index = index
        self.error = error
        super().__init__(f"command {index} of the batch was refused ({error.reason}): {error}")


def _is_lock_timeout(error: OperationalError) -> bool:
    # SQLite reports another process's write lock, held past the lock timeout, as an
    # OperationalError; that is a concurrent writer, so it is retried like a conflict.
    # Any other operational error (disk full, I/O) is not retried.
    return "database is locked" in str(error).lower()


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _projector(cls: type[A]) -> Callable[[A | None, Iterable[Any]], A | None]:
    """eventsourcing's projector function for aggregates of ``cls``."""

    def project(aggregate: A | None, events: Iterable[Any]) -> A | None:
        for event in events:
            if aggregate is None:
                aggregate = cls(event.originator_id)
            aggregate.apply(event)
        return aggregate

    return project


def _default_policy(station_id: str) -> StationPolicySet:
    """The policy of a station that never set one: review every record, bank 1:1 on request."""
    epoch = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
    return StationPolicySet(
        originator_id=station_uuid(station_id),
        originator_version=0,
        timestamp=epoch,
        actor="",
        occurred_on=epoch.date(),
        station_id=station_id,
        name=station_id,
        auto_approve=False,
        bank_rate_pct=100,
        bank_automatic=False,
        bank_limit_s=0,
    )


A = TypeVar("A", bound=Aggregate)


class _Work:
    """The aggregates one command (or batch) loaded and changed: its unit of work."""

    def __init__(self, ledger: Ledger) -> None:
        self.ledger = ledger
        self.aggregates: dict[UUID, Aggregate] = {}
        self.loaded_versions: dict[UUID, int] = {}

    def find(self, uid: UUID, cls: type[A]) -> A | None:
        aggregate = self.aggregates.get(uid)
        if aggregate is None:
            aggregate = self.ledger._load(uid, cls)
            if aggregate is None:
                return None
            self.aggregates[uid] = aggregate
            self.loaded_versions[uid] = aggregate.version
        assert isinstance(aggregate, cls)
        return aggregate

    def add(self, aggregate: Aggregate) -> None:
        self.aggregates[aggregate.id] = aggregate
        self.loaded_versions[aggregate.id] = 0

    def fund(self, fund_id: str) -> Fund:
        fund = self.find(fund_uuid(fund_id), Fund)
        if fund is None:
            raise NotFound("fund", fund_id)
        return fund

    def volunteer(self, volunteer_id: str) -> Volunteer:
        volunteer = self.find(volunteer_uuid(volunteer_id), Volunteer)
        if volunteer is None:
            raise NotFound("volunteer", volunteer_id)
        return volunteer

    def activity(self, activity_id: str) -> Activity:
        activity = self.find(activity_uuid(activity_id), Activity)
        if activity is None:
            raise NotFound("activity", activity_id)
        return activity

    def policy(self, station_id: str) -> StationPolicySet:
        """The station's policy, or the default one (review every record, bank 1:1 on request)."""
        station = self.find(station_uuid(station_id), Station)
        if station is not None and station.policy is not None:
            return station.policy
        return _default_policy(station_id)


class Ledger(Application[UUID]):
    """A station's ledger over one store (in memory, a SQLite file, or PostgreSQL).

    Args:
        store: a SQLite path, ``sqlite:///path``, ``postgresql://...``, ``memory:``,
            or ``StoreSettings``. Default ``station.db``.
        create: create a missing SQLite file; with ``False`` a missing file is an error.
        cipher_key: encrypt stored events with eventsourcing's AES cipher.
        clock: returns the recording timestamp (UTC); inject a fixed one in tests.

    Raises:
        StoreError: the store cannot be opened as asked (never a silent fallback).
    """

    name = "SgzLedger"

    def __init__(
        self,
        store: str | StoreSettings = DEFAULT_STORE,
        *,
        create: bool = True,
        cipher_key: str = "",
        clock: Callable[[], dt.datetime] = _utc_now,
    ) -> None:
        settings = (
            store
            if isinstance(store, StoreSettings)
            else parse_store(store, create=create, cipher_key=cipher_key)
        )
        self.settings = settings
        self.codec = EventCodec()
        self._clock = clock
        self._lock = threading.RLock()
        self._cache: OrderedDict[UUID, Aggregate] = OrderedDict()
        self.sealer = PersonalDataSealer(settings.cipher_key)
        self._balances = BalancesProjection()
        self._balances_position = 0
        try:
            super().__init__(env=settings.to_env())
        except StoreError:
            raise
        except (PersistenceError, OSError, ValueError, ImportError, TopicError) as e:
            # TopicError/ImportError: a cipher key was given but the cipher's library
            # (pycryptodome, a dependency) is not importable in this environment.
            raise StoreError(f"cannot open the store ({settings.describe()}): {e}") from e

    # ---- eventsourcing construction hooks ------------------------------------------

    def construct_env(self, name: str, env: EnvType | None = None) -> Environment:
        """Only the settings passed in: ``os.environ`` never overrides them."""
        return Environment(name, dict(env or {}))

    def construct_mapper(self) -> Mapper[UUID]:
        """The msgspec mapper (stable names), with eventsourcing's cipher if a key is set."""
        return MsgspecMapper(
            codec=self.codec,
            cipher=self.factory.cipher(),
            compressor=self.factory.compressor(),
        )

    # ---- loading -------------------------------------------------------------------

    def _load(self, uid: UUID, cls: type[A]) -> A | None:
        cached = self._cache.get(uid)
        if cached is not None:
            assert isinstance(cached, cls)
            self._cache.move_to_end(uid)
            for event in self.events.get(uid, gt=cached.version):
                cached.apply(event)
            return cached
        project = _projector(cls)
        aggregate: A | None
        try:
            aggregate = self.repository.get(uid, projector_func=project)
        except AggregateNotFoundError:
            return None
        except MapperDeserialisationError:
            # A snapshot written before an event schema change (its stored name is no
            # longer registered, or its nested events no longer decode) is only a
            # cache: rebuild from the events, which are upcast one by one.
            aggregate = project(None, self.events.get(uid))
            if aggregate is None:
                raise
        self._cache[uid] = aggregate
        if len(self._cache) > AGGREGATE_CACHE_MAX:
            self._cache.popitem(last=False)
        return aggregate

    def fund(self, fund_id: str) -> Fund:
        """A copy of the fund with code ``fund_id`` as stored now, for reading.

        A copy, so that neither the caller nor a later refused command can change
        what the caller holds; change a fund only through the commands.

        Raises:
            NotFound: no such fund.
        """
        with self._lock:
            fund = self._load(fund_uuid(fund_id), Fund)
            if fund is None:
                raise NotFound("fund", fund_id)
            copy = Fund(fund.id)
            copy.apply(fund.snapshot(self._clock()))
            return copy

    def volunteer(self, volunteer_id: str) -> Volunteer:
        """A volunteer rebuilt from the stored events, for reading (a fresh object).

        Raises:
            NotFound: no such volunteer.
        """
        with self._lock:
            try:
                volunteer = self.repository.get(
                    volunteer_uuid(volunteer_id), projector_func=_projector(Volunteer)
                )
            except AggregateNotFoundError:
                raise NotFound("volunteer", volunteer_id) from None
        assert isinstance(volunteer, Volunteer)
        return volunteer

    def personal_data(self, volunteer_id: str) -> PersonalData:
        """A volunteer's personal data, opened with the ledger's key.

        Raises:
            NotFound: no such volunteer.
            SealError: the data is encrypted and the ledger has no (or the wrong) key.
        """
        return self.sealer.open(self.volunteer(volunteer_id).state.personal_sealed)

    # ---- running commands ------------------------------------------------------------

    def execute(self, command: b.Command) -> Any:
        """Run one validated command; returns the event it recorded (or had recorded)."""
        return self._run([command])[0]

    def execute_batch(self, commands: Sequence[b.Command]) -> list[Any]:
        """Run many commands with every rule, in order, and save them in one transaction.

        Raises:
            BatchCommandRefused: a command was refused; nothing of the batch is recorded.
        """
        if len(commands) > BATCH_COMMANDS_MAX:
            msg = f"a batch holds at most {BATCH_COMMANDS_MAX} commands, not {len(commands)}"
            raise LedgerError(msg)
        return self._run(commands, batch=True)

    def _run(self, commands: Sequence[b.Command], *, batch: bool = False) -> list[Any]:
        with self._lock:
            for _ in range(CONFLICT_RETRIES_MAX + 1):
                work = _Work(self)
                try:
                    results = []
                    for index, command in enumerate(commands):
                        try:
                            results.append(self._dispatch(work, command))
                        except LedgerError as e:
                            if batch:
                                raise BatchCommandRefused(index, e) from e
                            raise
                    changed = [a for a in work.aggregates.values() if a.has_pending]
                    if changed:
                        self.save(*changed)
                except (RecordConflictError, IntegrityError):
                    self._evict(work)
                    continue
                except OperationalError as e:
                    self._evict(work)
                    if _is_lock_timeout(e):
                        continue
                    raise
                except BaseException:
                    self._evict(work)
                    raise
                self._after_save(work)
                return results
        msg = "another writer kept changing the same fund; nothing was recorded, try again"
        raise ConcurrencyConflict(msg)

    def _evict(self, work: _Work) -> None:
        for uid in work.aggregates:
            self._cache.pop(uid, None)

    def _after_save(self, work: _Work) -> None:
        for uid, aggregate in work.aggregates.items():
            self._cache[uid] = aggregate
            before = work.loaded_versions.get(uid, 0)
            if (
                isinstance(aggregate, Fund)
                and self.snapshots is not None
                and aggregate.version // SNAPSHOT_INTERVAL > before // SNAPSHOT_INTERVAL
            ):
                self.snapshots.put([aggregate.snapshot(self._clock())])
        while len(self._cache) > AGGREGATE_CACHE_MAX:
            self._cache.popitem(last=False)

    def _dispatch(self, work: _Work, command: b.Command) -> Any:
        handler = _HANDLERS.get(type(command))
        if handler is None:
            msg = f"{type(command).__name__} is not a ledger command"
            raise TypeError(msg)
        stamp = Stamp(
            actor=command.actor, occurred_on=command.occurred_on, recorded_at=self._clock()
        )
        return handler(work, command, stamp)

    # ---- typed command methods (keyword arguments, validated by boundary models) -------

    def open_fund(self, **fields: Any) -> FundEvent:
        """Open a fund: ``fund_id, station_id, community, name, host, approval_threshold,
        publicity_required=True, actor, occurred_on``. Repeating it is a no-op."""
        return cast(FundEvent, self.execute(b.validate_command(b.OpenFund, fields)))

    def receive_cash(self, **fields: Any) -> FundEvent:
        """Register a cash gift: ``fund_id, receipt_no, amount, donor=None, restriction="",
        note="", actor, occurred_on``."""
        return cast(FundEvent, self.execute(b.validate_command(b.ReceiveCashDonation, fields)))

    def receive_goods(self, **fields: Any) -> FundEvent:
        """Register an in-kind gift: ``fund_id, receipt_no, items=[{item, quantity, unit,
        value, basis}], donor=None, restriction="", actor, occurred_on``."""
        return cast(FundEvent, self.execute(b.validate_command(b.ReceiveGoodsDonation, fields)))

    def distribute_goods(self, **fields: Any) -> FundEvent:
        """Give goods from stock: ``fund_id, distribution_id, item, unit, quantity,
        recipient, signed_off_by, purpose, actor, occurred_on``."""
        return cast(FundEvent, self.execute(b.validate_command(b.DistributeGoods, fields)))

    def sell_goods(self, **fields: Any) -> FundEvent:
        """Sell goods from stock: ``fund_id, sale_id, item, unit, quantity, proceeds,
        buyer, restriction="", actor, occurred_on``."""
        return cast(FundEvent, self.execute(b.validate_command(b.SellGoods, fields)))

    def refund_donation(self, **fields: Any) -> FundEvent:
        """Refund a cash gift: ``fund_id, refund_id, receipt_no, amount, reason, actor,
        occurred_on``."""
        return cast(FundEvent, self.execute(b.validate_command(b.RefundDonation, fields)))

    def reverse_donation(self, **fields: Any) -> FundEvent:
        """Reverse a wrong donation entry: ``fund_id, correction_id, receipt_no, reason, ...``."""
        return cast(FundEvent, self.execute(b.validate_command(b.ReverseDonation, fields)))

    def reverse_payment(self, **fields: Any) -> FundEvent:
        """Reverse a wrong payment entry: ``fund_id, correction_id, request_id, reason, ...``."""
        return cast(FundEvent, self.execute(b.validate_command(b.ReversePayment, fields)))

    def release_restriction(self, **fields: Any) -> FundEvent:
        """Reclassify restricted money: ``fund_id, release_id, restriction, amount, reason,
        reference, actor, occurred_on``."""
        return cast(FundEvent, self.execute(b.validate_command(b.ReleaseRestriction, fields)))

    def change_purpose(self, **fields: Any) -> FundEvent:
        """Move money to another purpose: ``fund_id, change_id, from_restriction,
        to_restriction, amount, consent_ref, reason, actor, occurred_on``."""
        return cast(FundEvent, self.execute(b.validate_command(b.ChangePurpose, fields)))

    def request_disbursement(self, **fields: Any) -> FundEvent:
        """Ask to spend: ``fund_id, request_id, amount, purpose, payee, restriction="",
        actor (the requester), occurred_on``."""
        return cast(FundEvent, self.execute(b.validate_command(b.RequestDisbursement, fields)))

    def approve_disbursement(self, **fields: Any) -> FundEvent:
        """Approve a request: ``fund_id, request_id, actor (the approver), occurred_on``."""
        return cast(FundEvent, self.execute(b.validate_command(b.ApproveDisbursement, fields)))

    def publicize_disbursement(self, **fields: Any) -> FundEvent:
        """Record 公示: ``fund_id, request_id, notice_ref, notice_from, notice_to, actor,
        occurred_on``."""
        return cast(FundEvent, self.execute(b.validate_command(b.PublicizeDisbursement, fields)))

    def pay_disbursement(self, **fields: Any) -> FundEvent:
        """Pay an approved request: ``fund_id, request_id, voucher_no, actor, occurred_on``."""
        return cast(FundEvent, self.execute(b.validate_command(b.PayDisbursement, fields)))

    def reject_disbursement(self, **fields: Any) -> FundEvent:
        """Reject a request: ``fund_id, request_id, reason, actor, occurred_on``."""
        return cast(FundEvent, self.execute(b.validate_command(b.RejectDisbursement, fields)))

    def cancel_disbursement(self, **fields: Any) -> FundEvent:
        """Cancel a request: ``fund_id, request_id, reason, actor, occurred_on``."""
        return cast(FundEvent, self.execute(b.validate_command(b.CancelDisbursement, fields)))

    def close_fund(self, **fields: Any) -> FundEvent:
        """Close a fund, moving any cash left to ``transfer_to`` first: ``fund_id, reason,
        transfer_to=None, actor, occurred_on``."""
        return cast(FundEvent, self.execute(b.validate_command(b.CloseFund, fields)))

    # ---- queries ----------------------------------------------------------------------

    def balances(
        self, *, fund_id: str | None = None, station_id: str | None = None
    ) -> list[FundBalance]:
        """Fund balances from the balances view, brought up to date with the log first."""
        with self._lock:
            self._catch_up_balances()
            return self._balances.rows(fund_id=fund_id, station_id=station_id)

    def _catch_up_balances(self) -> None:
        while True:
            notifications = self.recorder.select_notifications(
                start=self._balances_position + 1, limit=CATCH_UP_BATCH
            )
            if not notifications:
                return
            for n in notifications:
                self._balances.apply(self.mapper.to_domain_event(n))
            self._balances_position = notifications[-1].id

    def log_position(self) -> int:
        """The position of the last event in the log (0 when empty): a cheap event count."""
        return self.recorder.max_notification_id() or 0

    def stored_events(self) -> list[FundEvent]:
        """Every stored event in log order, decoded (for tests, replays and small audits)."""
        out: list[FundEvent] = []
        position = 0
        while True:
            notifications = self.recorder.select_notifications(
                start=position + 1, limit=CATCH_UP_BATCH
            )
            if not notifications:
                return out
            out.extend(cast(FundEvent, self.mapper.to_domain_event(n)) for n in notifications)
            position = notifications[-1].id


# ---- command handlers: one per command model; each loads funds and calls one command ----

Handler = Callable[[_Work, Any, Stamp], Any]


def _open_fund(work: _Work, c: b.OpenFund, stamp: Stamp) -> Any:
    existing = work.find(fund_uuid(c.fund_id), Fund)
    if existing is not None:
        return existing.repeat_open(
            stamp,
            fund_id=c.fund_id,
            station_id=c.station_id,
            community=c.community,
            name=c.name,
            host=c.host,
            approval_threshold_fen=c.approval_threshold,
            publicity_required=c.publicity_required,
        )
    fund = Fund.open(
        stamp,
        fund_id=c.fund_id,
        station_id=c.station_id,
        community=c.community,
        name=c.name,
        host=c.host,
        approval_threshold_fen=c.approval_threshold,
        publicity_required=c.publicity_required,
    )
    work.add(fund)
    assert fund.state.opened is not None
    return fund.state.opened


def _receive_goods(work: _Work, c: b.ReceiveGoodsDonation, stamp: Stamp) -> Any:
    items = tuple(
        GoodsLine(
            item=line.item,
            quantity=line.quantity,
            unit=line.unit,
            value_fen=line.value,
            basis=line.basis,
        )
        for line in c.items
    )
    return work.fund(c.fund_id).receive_goods(
        stamp,
        receipt_no=c.receipt_no,
        donor=c.donor,
        restriction=c.restriction,
        items=items,
        note=c.note,
    )


def _close_fund(work: _Work, c: b.CloseFund, stamp: Stamp) -> Any:
    fund = work.fund(c.fund_id)
    if fund.state.closed is None and c.transfer_to is not None:
        target = work.fund(c.transfer_to)
        for n, (restriction, balance) in enumerate(sorted(fund.balances.restrictions.items())):
            amount = balance.available_fen
            if amount <= 0:
                continue
            transfer_id = f"close:{c.fund_id}:{n}"
            fund.transfer_out(
                stamp,
                transfer_id=transfer_id,
                to_fund_id=c.transfer_to,
                restriction=restriction,
                amount_fen=amount,
                reason=c.reason,
            )
            target.transfer_in(
                stamp,
                transfer_id=transfer_id,
                from_fund_id=c.fund_id,
                restriction=restriction,
                amount_fen=amount,
                reason=c.reason,
            )
    return fund.close(stamp, reason=c.reason, transfer_to=c.transfer_to)


_HANDLERS: dict[type[b.Command], Handler] = {
    b.OpenFund: _open_fund,
    b.ReceiveCashDonation: lambda w, c, s: w.fund(c.fund_id).receive_cash(
        s,
        receipt_no=c.receipt_no,
        donor=c.donor,
        restriction=c.restriction,
        amount_fen=c.amount,
        note=c.note,
    ),
    b.ReceiveGoodsDonation: _receive_goods,
    b.DistributeGoods: lambda w, c, s: w.fund(c.fund_id).distribute_goods(
        s,
        distribution_id=c.distribution_id,
        item=c.item,
        unit=c.unit,
        restriction=c.restriction,
        quantity=c.quantity,
        recipient=c.recipient,
        signed_off_by=c.signed_off_by,
        purpose=c.purpose,
    ),
    b.SellGoods: lambda w, c, s: w.fund(c.fund_id).sell_goods(
        s,
        sale_id=c.sale_id,
        item=c.item,
        unit=c.unit,
        quantity=c.quantity,
        proceeds_fen=c.proceeds,
        buyer=c.buyer,
        restriction=c.restriction,
    ),
    b.RefundDonation: lambda w, c, s: w.fund(c.fund_id).refund(
        s, refund_id=c.refund_id, receipt_no=c.receipt_no, amount_fen=c.amount, reason=c.reason
    ),
    b.ReverseDonation: lambda w, c, s: w.fund(c.fund_id).reverse_donation(
        s, correction_id=c.correction_id, receipt_no=c.receipt_no, reason=c.reason
    ),
    b.ReversePayment: lambda w, c, s: w.fund(c.fund_id).reverse_payment(
        s, correction_id=c.correction_id, request_id=c.request_id, reason=c.reason
    ),
    b.ReleaseRestriction: lambda w, c, s: w.fund(c.fund_id).release_restriction(
        s,
        release_id=c.release_id,
        restriction=c.restriction,
        amount_fen=c.amount,
        reason=c.reason,
        reference=c.reference,
    ),
    b.ChangePurpose: lambda w, c, s: w.fund(c.fund_id).change_purpose(
        s,
        change_id=c.change_id,
        from_restriction=c.from_restriction,
        to_restriction=c.to_restriction,
        amount_fen=c.amount,
        consent_ref=c.consent_ref,
        reason=c.reason,
    ),
    b.RequestDisbursement: lambda w, c, s: w.fund(c.fund_id).request_disbursement(
        s,
        request_id=c.request_id,
        amount_fen=c.amount,
        purpose=c.purpose,
        restriction=c.restriction,
        payee=c.payee,
    ),
    b.ApproveDisbursement: lambda w, c, s: w.fund(c.fund_id).approve_disbursement(
        s, request_id=c.request_id
    ),
    b.PublicizeDisbursement: lambda w, c, s: w.fund(c.fund_id).publicize_disbursement(
        s,
        request_id=c.request_id,
        notice_ref=c.notice_ref,
        notice_from=c.notice_from,
        notice_to=c.notice_to,
    ),
    b.PayDisbursement: lambda w, c, s: w.fund(c.fund_id).pay_disbursement(
        s, request_id=c.request_id, voucher_no=c.voucher_no
    ),
    b.RejectDisbursement: lambda w, c, s: w.fund(c.fund_id).reject_disbursement(
        s, request_id=c.request_id, reason=c.reason
    ),
    b.CancelDisbursement: lambda w, c, s: w.fund(c.fund_id).cancel_disbursement(
        s, request_id=c.request_id, reason=c.reason
    ),
    b.CloseFund: _close_fund,
}
