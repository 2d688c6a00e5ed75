"""The unit of work: one command, or one batch, run against the aggregates and recorded
whole.

A command goes one way: its handler loads the aggregates it names into the unit of work and
calls their command (which checks every rule, then records past-tense events on them);
then every new event of every aggregate the unit of work touched is saved in one atomic
write (``CommandRunner.run``). A batch is the same with many commands and one write, so an
importer's file is recorded whole or not at all.

Concurrency: writers are serialised within a process by a lock; across processes the
store's unique (aggregate id, version) key refuses the second of two writers, which reloads
and retries up to ``CONFLICT_RETRIES_MAX`` times before raising ``ConcurrencyConflict``.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, TypeVar, cast
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError, Application
from eventsourcing.persistence import (
    IntegrityError,
    MapperDeserialisationError,
    OperationalError,
    PersistenceError,
    RecordConflictError,
)

from sgz_ledger.domain.aggregate import Aggregate, Stamp
from sgz_ledger.domain.dates import refuse_future_dates
from sgz_ledger.domain.donor import donor_uuid
from sgz_ledger.domain.errors import (
    ConcurrencyConflict,
    LedgerError,
    NotFound,
    ReadOnlyStore,
    StoreError,
)
from sgz_ledger.domain.events import (
    StationPolicySet,
)
from sgz_ledger.domain.fund import Fund, fund_uuid
from sgz_ledger.domain.volunteer import (
    Activity,
    Station,
    Volunteer,
    activity_uuid,
    station_uuid,
    volunteer_uuid,
)
from sgz_ledger.service import commands as b
from sgz_ledger.storage.log import LogReader
from sgz_ledger.storage.recorders import ChainedRecorder
from sgz_ledger.storage.sealing import PersonalDataSealer
from sgz_ledger.storage.settings import (
    failure_phrase,
)
from sgz_ledger.storage.subject_keys import (
    SubjectKey,
    SubjectKeyStore,
    new_subject_key,
)

__all__ = [
    "AGGREGATE_CACHE_MAX",
    "BATCH_COMMANDS_MAX",
    "CONFLICT_RETRIES_MAX",
    "SNAPSHOT_INTERVAL",
    "BatchCommandRefused",
    "CommandRunner",
    "Handler",
    "UnitOfWork",
    "projector",
]

# A writer that loses the race reloads and tries again this many times: enough to
# ride out a burst from another process, few enough that a hot loop surfaces.
CONFLICT_RETRIES_MAX = 3
# Aggregates kept decoded in memory between commands (least recently used go first).
AGGREGATE_CACHE_MAX = 4096
# A fund's first snapshot is stored at this many events, the next ones each time its
# event count doubles (20,000, 40,000...). Why doubling, not every N events: a fund's
# state holds every gift and request it ever recorded (idempotency needs them), so a
# snapshot is as large as the fund's history; snapshots every N events would store
# that history N-fold over (quadratic), doubling stores it at most twice over. Below
# the first, a fund is rebuilt from its events, which is fast at that size.
SNAPSHOT_INTERVAL = 10_000
# Commands in one batch: a bound so a runaway importer cannot build an unbounded
# transaction in memory.
BATCH_COMMANDS_MAX = 100_000
# A batch's progress callback is called every this many commands.
PROGRESS_EVERY = 1000
# Individual donors' keys kept in memory between commands, by subject (least recently
# used go first): an import of a station's regular givers looks each one's key up once.
DONOR_KEYS_CACHED = 65_536


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
        super().__init__(None, index=index, error_reason=error.reason, error=error)


def _snapshot_due(before: int, after: int) -> bool:
    """Whether a snapshot point (SNAPSHOT_INTERVAL, then each doubling) is in (before, after]."""
    point = SNAPSHOT_INTERVAL
    while point <= before:
        point *= 2
    return point <= after


class _StaleCache(Exception):
    """A cached aggregate missed another process's events: run the command again."""


def _is_lock_timeout(error: OperationalError) -> bool:
    # SQLite reports another process's write lock, held past the lock timeout, as an
    # OperationalError; that is a concurrent writer, so it is retried like a conflict.
    # Any other operational error (disk full, I/O) is not retried.
    return "database is locked" in str(error).lower()


def projector(cls: type[A]) -> Callable[[A | None, Iterable[Any]], A | None]:
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
# A command model's handler: runs it in a unit of work with the command's stamp.
Handler = Callable[["UnitOfWork", Any, Stamp], Any]
# A rule every command passes after its handler, given what the handler returned (closed
# periods: ``service.periods.check_closed_period``); it refuses by raising.
AfterCheck = Callable[["UnitOfWork", Any, Stamp, Any], None]


class UnitOfWork:
    """The aggregates one command (or batch) loaded and changed, and what its handlers need
    beside them (the sealer, the subject keys, the log); its runner records it whole.

    Handlers receive it: they find and add aggregates here, make subject keys here, and
    read the store only through it.
    """

    def __init__(
        self, runner: CommandRunner, *, optimistic: bool = False, commands: int = 1
    ) -> None:
        self.runner = runner
        # How many commands this unit of work runs (a batch's, or one).
        self.commands = commands
        self.sealer = runner.sealer
        self.log_reader = runner.log_reader
        self.optimistic = optimistic
        self.aggregates: dict[UUID, Aggregate] = {}
        self.loaded_versions: dict[UUID, int] = {}
        # Aggregates taken from the cache without reading the store for newer events.
        self.unchecked: set[UUID] = set()
        # Ids found absent in this unit of work: a batch that asks again (a station
        # with no policy, on every record) does not query the store again.
        self.missing: set[UUID] = set()
        # Subject keys made for the events of this unit of work, stored before them.
        self.new_keys: dict[bytes, SubjectKey] = {}
        # Subjects erased (or erased again) here, with the key ids their events named:
        # their keys are destroyed once the erasure is recorded.
        self.shred: list[tuple[str, tuple[bytes, ...]]] = []
        # Individual donors' keys used here, by subject (made here or found).
        self.donor_keys: dict[str, SubjectKey] = {}
        # The station each command of this unit of work acts for, by the command's id
        # (``service.stations.station_of``: asked before and after the handler).
        self.command_stations: dict[int, tuple[b.Command[Any], str | None]] = {}
        # Stations whose settings' aggregates were looked up here (``look_up``).
        self.stations_looked_up: set[str] = set()

    def new_key(self, subject: str, created: dt.datetime) -> SubjectKey:
        """A fresh key for ``subject``, stored before this unit of work's events."""
        key = new_subject_key(subject, created)
        self.new_keys[key.key_id] = key
        return key

    def donor_erased(self, key_id: bytes) -> bool:
        """Whether the individual donor's key ``key_id`` was erased (in the store, or here)."""
        uid = donor_uuid(key_id)
        if uid in self.aggregates:
            return True
        return bool(self.runner.recorder.select_events(uid, limit=1))

    def donor_key(self, name: str, created: dt.datetime) -> SubjectKey:
        """The key to seal a gift of the individual donor ``name`` under: the one made for
        their first gift (never one whose erasure is recorded), or a new one."""
        subject = self.sealer.donor_subject(name)
        key = self.donor_keys.get(subject)
        if key is None:
            key = self.runner.stored_donor_key(self, subject) or self.new_key(subject, created)
            self.donor_keys[subject] = key
        return key

    def find(self, uid: UUID, cls: type[A]) -> A | None:
        aggregate = self.aggregates.get(uid)
        if aggregate is None:
            if uid in self.missing:
                return None
            cached = self.runner.cached(uid)
            aggregate = self.runner.load(uid, cls, fast_forward=not self.optimistic)
            if aggregate is None:
                self.missing.add(uid)
                return None
            self.aggregates[uid] = aggregate
            self.loaded_versions[uid] = aggregate.version
            if cached and self.optimistic:
                self.unchecked.add(uid)
        assert isinstance(aggregate, cls)
        return aggregate

    def look_up(self, uids: Iterable[UUID]) -> None:
        """Ask the store once which of ``uids`` exist, so that finding any of the others in
        this unit of work needs no query (they are noted missing, as ``find`` notes them).

        For aggregates most stations never create (a register of people, closed periods,
        a policy), which every command of a station asks for: one query for all of them
        instead of one each.
        """
        ask = [
            uid
            for uid in uids
            if uid not in self.aggregates
            and uid not in self.missing
            and not self.runner.cached(uid)
        ]
        if ask:
            present = cast(ChainedRecorder, self.runner.recorder).existing(ask)
            self.missing.update(uid for uid in ask if uid not in present)

    def stale(self, uids: Iterable[UUID]) -> bool:
        """Whether another process recorded events of any of ``uids`` since they were cached."""
        recorder = self.runner.recorder
        return any(
            recorder.select_events(uid, gt=self.loaded_versions[uid], limit=1) for uid in uids
        )

    def add(self, aggregate: Aggregate) -> None:
        self.missing.discard(aggregate.id)
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

    @property
    def subject_keys(self) -> SubjectKeyStore:
        """The store's subject keys (one per person whose data is sealed)."""
        return self.runner.subject_keys


class CommandRunner:
    """Runs commands in units of work and records each whole: the lock, the retries on a
    conflict, the aggregate cache, the snapshot schedule, the subject keys' storing and
    destroying.

    Why its own aggregate cache instead of eventsourcing's repository cache: the
    repository deep-copies a cached aggregate on every ``get`` so that a failed command
    cannot corrupt it, and a fund with years of receipts is expensive to copy. Commands here
    check every rule before changing anything, and every aggregate a failed command or
    batch touched is evicted, which keeps the cache exactly as trustworthy without the
    copy. Each use of a cached aggregate first reads its newer events from the store
    ("fast-forward"), so other processes writing to the same store are seen; a command
    may instead run optimistically on the cache (see ``run``).

    Args:
        app: the eventsourcing application whose store it writes (``recorder``,
            ``events``, ``repository``, ``snapshots``, ``save``).
        handlers: each command model's handler (``service.handlers.HANDLERS``).
        lock: the lock the ledger's reads share (one writer in a process at a time).
        clock: the recording timestamp (UTC).
        sealer, subject_keys, log_reader: what handlers use beside the aggregates.
        refuse: the store, in words, where it may not be written (a read-only ledger).
        after_checks: rules every command passes once its handler has run (closed periods).
        authorise: the stamp a command runs with, or its refusal, before its handler runs
            (``service.access.authorise``: who may do what); by default the stamp as given.
    """

    def __init__(
        self,
        app: Application[UUID],
        *,
        handlers: Mapping[type[b.Command[Any]], Handler],
        lock: threading.RLock,
        clock: Callable[[], dt.datetime],
        sealer: PersonalDataSealer,
        subject_keys: Callable[[], SubjectKeyStore],
        log_reader: LogReader,
        refuse: str = "",
        after_checks: Sequence[AfterCheck] = (),
        authorise: Callable[[UnitOfWork, b.Command[Any], Stamp], Stamp] | None = None,
    ) -> None:
        self._app = app
        self.recorder = app.recorder
        self._handlers = handlers
        self.lock = lock
        self._clock = clock
        self.sealer = sealer
        self._subject_keys = subject_keys
        self.log_reader = log_reader
        self._refuse = refuse
        self._after_checks = tuple(after_checks)
        self._authorise = authorise or (lambda work, command, stamp: stamp)
        self._cache: OrderedDict[UUID, Aggregate] = OrderedDict()
        # The stations commands of this runner acted for (``service.stations.station_of``).
        self.stations_seen: set[str] = set()
        # Individual donors' keys, by subject (their first gift's), least recent first.
        self._donor_keys: OrderedDict[str, SubjectKey] = OrderedDict()

    @property
    def subject_keys(self) -> SubjectKeyStore:
        return self._subject_keys()

    # ---- loading ---------------------------------------------------------------------

    def cached(self, uid: UUID) -> bool:
        """Whether the aggregate is in the cache."""
        return uid in self._cache

    def in_cache(self, uid: UUID) -> Aggregate | None:
        """The cached aggregate itself, as the next command will act on it (for checks)."""
        return self._cache.get(uid)

    def load(self, uid: UUID, cls: type[A], *, fast_forward: bool = True) -> A | None:
        """The aggregate from the cache (brought up to date unless ``fast_forward`` is
        False) or from the store; ``None`` when it does not exist."""
        cached = self._cache.get(uid)
        if cached is not None:
            assert isinstance(cached, cls)
            self._cache.move_to_end(uid)
            if fast_forward:
                for event in self._app.events.get(uid, gt=cached.version):
                    cached.apply(event)
            return cached
        project = projector(cls)
        aggregate: A | None
        try:
            aggregate = self._app.repository.get(uid, projector_func=project)
        except AggregateNotFoundError:
            return None
        except MapperDeserialisationError:
            # A snapshot written before an event schema change (its stored name is no
            # longer registered, or its nested events no longer decode) is only a
            # cache: rebuild from the events, which are upcast one by one.
            aggregate = project(None, self._app.events.get(uid))
            if aggregate is None:
                raise
        self._cache[uid] = aggregate
        if len(self._cache) > AGGREGATE_CACHE_MAX:
            self._cache.popitem(last=False)
        return aggregate

    def stored_donor_key(self, work: UnitOfWork, subject: str) -> SubjectKey | None:
        """The stored key of an individual donor's ``subject`` not erased, or ``None``.

        Known keys are kept in memory (one lookup and unwrapping per donor, not per
        gift); each unit of work checks, with one indexed read, that no erasure of the
        key was recorded since (another process may have recorded one).
        """
        cached = self._donor_keys.get(subject)
        if cached is not None:
            if not work.donor_erased(cached.key_id):
                self._donor_keys.move_to_end(subject)
                return cached
            del self._donor_keys[subject]
        keys = self.subject_keys
        for key_id in sorted(keys.key_ids(subject)):
            if not work.donor_erased(key_id):
                key = keys.get(key_id)
                if key is not None:
                    return key
        return None

    def run(
        self,
        commands: Sequence[b.Command[Any]],
        *,
        batch: bool = False,
        dry_run: bool = False,
        progress: Callable[[int], None] | None = None,
    ) -> list[Any]:
        if self._refuse:
            raise ReadOnlyStore("nothing_recorded_read_only", store=self._refuse)
        if batch and len(commands) > BATCH_COMMANDS_MAX:
            raise LedgerError("batch_too_long", most=BATCH_COMMANDS_MAX, given=len(commands))
        with self.lock:
            for _ in range(CONFLICT_RETRIES_MAX + 1):
                # Optimistic: cached aggregates are used without asking the store for newer
                # events (a query per aggregate per command). A command that records is
                # then safe by the store's unique (aggregate, version) key: if another
                # process wrote to an aggregate first, the save is refused and the command
                # runs again on fresh state. What that key cannot catch is checked here: an
                # aggregate only read (a station's policy), and a refusal (which records
                # nothing); either is retried on fresh state when the cache was stale.
                # A dry run records nothing either, so it reads the store every time.
                work = UnitOfWork(self, optimistic=not dry_run, commands=len(commands))
                try:
                    results = []
                    for index, command in enumerate(commands):
                        if progress is not None and index % PROGRESS_EVERY == 0:
                            progress(index)
                        try:
                            results.append(self._dispatch(work, command))
                        except LedgerError as e:
                            if work.unchecked and work.stale(work.unchecked):
                                raise _StaleCache from e
                            if batch:
                                raise BatchCommandRefused(index, e) from e
                            raise
                    if dry_run:
                        self._evict(work)  # the loaded aggregates now hold unsaved events
                        return results
                    changed = [a for a in work.aggregates.values() if a.has_pending]
                    read_only = work.unchecked - {a.id for a in changed}
                    if read_only and work.stale(read_only):
                        raise _StaleCache
                    if changed:
                        # Keys first, committed: a crash before the events leaves an
                        # unused key, never an event whose key was not stored.
                        self.subject_keys.put(list(work.new_keys.values()))
                        self._app.save(*changed)
                except (RecordConflictError, IntegrityError, _StaleCache):
                    self._evict(work)
                    continue
                except OperationalError as e:
                    self._evict(work)
                    if _is_lock_timeout(e):
                        continue
                    raise StoreError("store_failed", failure=failure_phrase(e)) from e
                except MapperDeserialisationError as e:
                    self._evict(work)
                    raise StoreError.unreadable(e, nothing_recorded=True) from e
                except PersistenceError as e:
                    self._evict(work)
                    raise StoreError("store_failed", failure=failure_phrase(e)) from e
                except BaseException:
                    self._evict(work)
                    raise
                self._after_save(work)
                self._shred(work)
                if progress is not None:
                    progress(len(commands))
                return results
        raise ConcurrencyConflict()

    def _evict(self, work: UnitOfWork) -> None:
        for uid in work.aggregates:
            self._cache.pop(uid, None)

    def _after_save(self, work: UnitOfWork) -> None:
        if work.donor_keys:
            cache = self._donor_keys
            cache.update(work.donor_keys)
            while len(cache) > DONOR_KEYS_CACHED:
                cache.popitem(last=False)
        for uid, aggregate in work.aggregates.items():
            self._cache[uid] = aggregate
            before = work.loaded_versions.get(uid, 0)
            if (
                isinstance(aggregate, Fund)
                and self._app.snapshots is not None
                and _snapshot_due(before, aggregate.version)
            ):
                # Encoded and stored here, under the ledger's lock, before any other
                # command can change the fund: the live state needs no copy.
                self._app.snapshots.put([aggregate.snapshot(self._clock(), copy=False)])
        while len(self._cache) > AGGREGATE_CACHE_MAX:
            self._cache.popitem(last=False)

    def _shred(self, work: UnitOfWork) -> None:
        """Destroy the keys of the subjects erased by ``work`` (its events are recorded)."""
        if not work.shred:
            return
        for subject, _ in work.shred:
            self._donor_keys.pop(subject, None)
        try:
            self.subject_keys.destroy(work.shred)
        except (PersistenceError, StoreError) as e:
            raise StoreError("keys_not_destroyed", detail=e) from e

    def _dispatch(self, work: UnitOfWork, command: b.Command[Any]) -> Any:
        handler = self._handlers.get(type(command))
        if handler is None:
            msg = f"{type(command).__name__} is not a ledger command"
            raise TypeError(msg)
        stamp = Stamp(
            actor=command.actor, occurred_on=command.occurred_on, recorded_at=self._clock()
        )
        # Who may do what (rules 26 to 28): one check for every path (``service.access``).
        stamp = self._authorise(work, command, stamp)
        refuse_future_dates(command, stamp.recorded_at)
        result = handler(work, command, stamp)
        for check in self._after_checks:
            check(work, command, stamp, result)
        return result
