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

import dataclasses
import datetime as dt
import itertools
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Protocol, TypeVar, cast
from uuid import UUID

import msgspec
from eventsourcing.application import AggregateNotFoundError, Application
from eventsourcing.persistence import (
    ApplicationRecorder,
    IntegrityError,
    Mapper,
    MapperDeserialisationError,
    OperationalError,
    PersistenceError,
    RecordConflictError,
    Subscription,
)
from eventsourcing.utils import Environment, EnvType, TopicError

from sgz_ledger.domain.aggregate import Aggregate, Stamp
from sgz_ledger.domain.donor import Donor, donor_uuid
from sgz_ledger.domain.errors import (
    CipherKeyError,
    ConcurrencyConflict,
    FundNotOpen,
    IdempotencyConflict,
    InvalidInput,
    InvalidTransition,
    LedgerError,
    NotFound,
    ReadOnlyStore,
    RuleViolation,
    StoreError,
)
from sgz_ledger.domain.events import (
    ActivityPublished,
    DonorErased,
    FundEvent,
    GoodsLine,
    HoursTransferredIn,
    LedgerEvent,
    StationPolicySet,
)
from sgz_ledger.domain.fund import Fund, FundSnapshot, fund_uuid
from sgz_ledger.domain.text import person_key
from sgz_ledger.domain.volunteer import (
    AUTO_APPROVER,
    STATION_TZ,
    Activity,
    Station,
    Volunteer,
    activity_uuid,
    station_uuid,
    volunteer_uuid,
)
from sgz_ledger.projections.framework import ViewRunner, ViewStore
from sgz_ledger.projections.fund_views import FundViews
from sgz_ledger.projections.volunteer_accounts import VolunteerAccounts
from sgz_ledger.projections.volunteer_stats import VolunteerStatsProjection
from sgz_ledger.service import commands as b
from sgz_ledger.service.certificate_numbers import certificate_holders
from sgz_ledger.storage.chain import (
    ALGORITHM_HMAC,
    Anchor,
    VerifyReport,
    check_meta,
    verify_rows,
)
from sgz_ledger.storage.codec import EventCodec, MsgspecMapper
from sgz_ledger.storage.donor_names import DonorNames
from sgz_ledger.storage.factory import open_backend, private_view_backend
from sgz_ledger.storage.log import LogReader
from sgz_ledger.storage.recorders import ChainedRecorder
from sgz_ledger.storage.sealing import PersonalData, PersonalDataSealer, SealError
from sgz_ledger.storage.settings import (
    CIPHER_AES_GCM,
    CIPHER_NONE,
    DEFAULT_STORE,
    TEXT_CANONICAL,
    StoreSettings,
    cipher_key_bytes,
    cipher_key_check,
    cipher_meta,
    creation_meta,
    describe_failure,
    parse_store,
)
from sgz_ledger.storage.stored_text import StoredTextNormaliser
from sgz_ledger.storage.subject_keys import (
    SubjectKey,
    SubjectKeyError,
    SubjectKeyStore,
    new_subject_key,
    volunteer_subject,
)

__all__ = ["BatchCommandRefused", "LedgerService", "Respelt", "UpgradeReport"]

# Keys and names in another spelling that ``upgrade`` lists (it counts them all).
RESPELT_LISTED_MAX = 100
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

R = TypeVar("R")


class _View(Protocol):
    """An in-memory view: a pure fold over the log's events."""

    def apply(self, event: object) -> None: ...


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


def _snapshot_due(before: int, after: int) -> bool:
    """Whether a snapshot point (SNAPSHOT_INTERVAL, then each doubling) is in (before, after]."""
    point = SNAPSHOT_INTERVAL
    while point <= before:
        point *= 2
    return point <= after


class Respelt(msgspec.Struct, frozen=True, kw_only=True):
    """A key or name recorded in a spelling that is not canonical (``storage.stored_text``).

    Attributes:
        position: the event's log position.
        field: the event's field.
        recorded: the text as recorded.
        read: the text as this version reads it; ``""`` for an aggregate's own code, which
            is read as recorded (its UUID derives from it) and so cannot be typed today.
    """

    position: int
    field: str
    recorded: str
    read: str


class UpgradeReport(msgspec.Struct, frozen=True, kw_only=True):
    """What ``Ledger.upgrade`` found and did.

    Attributes:
        verify: the verification it ran first; nothing was pinned unless it is ``ok``.
        pinned: the metadata rows added (``{}``: the store already had them all).
        views_position: the log position the views were brought up to.
        respelt: keys and names recorded in a spelling that is not canonical (at most
            ``RESPELT_LISTED_MAX`` listed; ``respelt_count`` counts them all). While there
            are any, the store is read in the canonical form as it is read; with none,
            ``text`` is pinned and it is not.
    """

    verify: VerifyReport
    pinned: dict[str, str]
    views_position: int
    respelt: tuple[Respelt, ...] = ()
    respelt_count: int = 0


class _StaleCache(Exception):
    """A cached aggregate missed another process's events: run the command again."""


def _is_lock_timeout(error: OperationalError) -> bool:
    # SQLite reports another process's write lock, held past the lock timeout, as an
    # OperationalError; that is a concurrent writer, so it is retried like a conflict.
    # Any other operational error (disk full, I/O) is not retried.
    return "database is locked" in str(error).lower()


_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


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

    def __init__(self, ledger: LedgerService, *, optimistic: bool = False) -> None:
        self.ledger = ledger
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
        return bool(self.ledger.recorder.select_events(uid, limit=1))

    def donor_key(self, name: str, created: dt.datetime) -> SubjectKey:
        """The key to seal a gift of the individual donor ``name`` under: the one made for
        their first gift (never one whose erasure is recorded), or a new one."""
        subject = self.ledger.sealer.donor_subject(name)
        key = self.donor_keys.get(subject)
        if key is None:
            key = self.ledger._stored_donor_key(self, subject) or self.new_key(subject, created)
            self.donor_keys[subject] = key
        return key

    def find(self, uid: UUID, cls: type[A]) -> A | None:
        aggregate = self.aggregates.get(uid)
        if aggregate is None:
            if uid in self.missing:
                return None
            cached = uid in self.ledger._cache
            aggregate = self.ledger._load(uid, cls, fast_forward=not self.optimistic)
            if aggregate is None:
                self.missing.add(uid)
                return None
            self.aggregates[uid] = aggregate
            self.loaded_versions[uid] = aggregate.version
            if cached and self.optimistic:
                self.unchecked.add(uid)
        assert isinstance(aggregate, cls)
        return aggregate

    def stale(self, uids: Iterable[UUID]) -> bool:
        """Whether another process recorded events of any of ``uids`` since they were cached."""
        recorder = self.ledger.recorder
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


class LedgerService(Application[UUID]):
    """The service of a station's ledger over one store (in memory, a SQLite file, or
    PostgreSQL): opening the store, running commands in one unit of work, keeping the views
    and reading the log. ``sgz_ledger.Ledger`` adds the reports' queries on top.

    Args:
        store: a SQLite path, ``sqlite:///path``, ``postgresql://...``, ``memory:``,
            or ``StoreSettings``. Default ``station.db``.
        create: create a missing SQLite file; with ``False`` a missing file is an error.
        cipher_key: encrypt stored events with eventsourcing's AES cipher.
        chain_key: key the hash chain (HMAC-SHA-256) with this secret; every writer of
            the store must then give it (see ``docs/audit.md``).
        read_only: open an existing store for reading only (reports, ``verify``, ``audit``,
            a write-protected copy): nothing is created or written, not even the views
            (when the store's views are not up to date they are folded in memory), and
            every command is refused with ``ReadOnlyStore``.
        clock: returns the recording timestamp (UTC); inject a fixed one in tests.

    Raises:
        StoreError: the store cannot be opened as asked (never a silent fallback).
        CipherKeyError: the store is encrypted and no key, or another key, was given; or a
            key was given for a store kept in clear; or the key is malformed. Checked
            before anything is read or written.
    """

    name = "SgzLedger"

    def __init__(
        self,
        store: str | StoreSettings = DEFAULT_STORE,
        *,
        create: bool = True,
        cipher_key: str = "",
        chain_key: str = "",
        read_only: bool = False,
        clock: Callable[[], dt.datetime] = _utc_now,
    ) -> None:
        settings = (
            store
            if isinstance(store, StoreSettings)
            else parse_store(store, create=create, cipher_key=cipher_key, read_only=read_only)
        )
        if chain_key:
            settings = dataclasses.replace(settings, chain_key=chain_key)
        if read_only and not settings.read_only:
            settings = dataclasses.replace(settings, read_only=True, create=False)
        if settings.cipher_key:
            cipher_key_bytes(settings.cipher_key)  # a malformed key: refused first, in words
        self.settings = settings
        self.codec = EventCodec()
        self._clock = clock
        self._lock = threading.RLock()
        self._cache: OrderedDict[UUID, Aggregate] = OrderedDict()
        self.sealer = PersonalDataSealer(settings.cipher_key)
        # Individual donors' keys by subject, as stored (``_stored_donor_key``).
        self._donor_keys: OrderedDict[str, SubjectKey] = OrderedDict()
        # In-memory views, each with the log position it has folded up to.
        self._volunteer_stats = VolunteerStatsProjection()
        self._volunteer_accounts = VolunteerAccounts()
        self._positions: dict[int, int] = {}
        # Folded in memory instead of the store's views: a read-only ledger whose store's
        # views are not up to date (it may not write them).
        self._private_views = False
        try:
            super().__init__(env=settings.to_env())
            # The one reader of the log: views, replays, exports, trails, copies.
            self.log_reader = LogReader(
                self.chained_recorder, cast(MsgspecMapper, self.mapper), self.log_position
            )
            if settings.read_only and not self.chained_recorder.exists():
                raise StoreError(
                    f"there is no ledger in {settings.describe()}: check the store, or record "
                    "something first (sgz-ledger demo, or an import)"
                )
            meta = self.chained_recorder.chain_meta()
            self._check_cipher_key(meta)
            if meta.get("text") != TEXT_CANONICAL:
                # Written before text was canonical: read its keys and names in that form.
                cast(MsgspecMapper, self.mapper).normalise = StoredTextNormaliser(
                    self.codec.names_by_class, snapshot_types=(FundSnapshot,)
                )
            # Persisted views: in the store's own database (a private in-memory
            # SQLite database when the events are in memory), with their positions.
            self.view_store = ViewStore(self.backend.views(read_only=settings.read_only))
            # The store's own views, which ``view_store`` stays unless a read-only ledger
            # folds views of its own (``catch_up_views``): what ``audit`` checks.
            self.stored_views = self.view_store
            self.sealer.use_keys(self.backend.subject_keys(settings.cipher_key))
        except BaseException as e:
            if hasattr(self, "factory"):
                self.factory.close()
            if isinstance(e, StoreError):
                raise
            if isinstance(e, (PersistenceError, OSError, ValueError, ImportError, TopicError)):
                # TopicError/ImportError: a cipher key was given but the cipher's library
                # (pycryptodome, a dependency) is not importable in this environment.
                raise StoreError(f"cannot open the store ({settings.describe()}): {e}") from e
            raise
        self.fund_views = FundViews()
        self.view_runner = ViewRunner(self.view_store, self.log_reader.page, self.log_position)

    # ---- eventsourcing construction hooks ------------------------------------------

    def construct_env(self, name: str, env: EnvType | None = None) -> Environment:
        """Only the settings passed in: ``os.environ`` never overrides them."""
        return Environment(name, dict(env or {}))

    def save(self, *objs: Any, **kwargs: Any) -> list[Any]:
        """Record the pending events of ``objs`` (aggregates) in one atomic write.

        eventsourcing's ``Application.save`` tests each object against two
        runtime-checkable protocols (typing's ``isinstance`` on a protocol costs tens of
        microseconds an object: a fifth of a bulk import's time) and takes snapshots by
        its own schedule, and its event store wraps every event in ``Recording`` and
        ``Notification`` objects nobody here reads. The ledger's aggregates collect their
        own events, the ledger snapshots by its own schedule (``_after_save``), and the
        events go to the recorder through the same mapper in the same single insert.

        Returns:
            The log positions of the events recorded, in order.
        """
        events = [event for aggregate in objs for event in aggregate.collect_events()]
        stored = cast(MsgspecMapper, self.mapper).encode_events(events)
        return list(self.recorder.insert_events(stored, **kwargs) or [])

    def construct_recorder(self) -> ApplicationRecorder:
        """eventsourcing's recorder for the store's kind, extended with the hash chain: made
        by the storage factory (``storage.factory``), the one place that decides the backend.

        A writer creates a new store's tables and metadata (an existing store's are left as
        they are); a read-only ledger creates nothing, and its connections are read-only.
        """
        settings = self.settings
        self.backend = open_backend(
            settings,
            self.factory,
            chain_key=settings.chain_key.encode("utf-8") or None,
            store_meta=creation_meta(settings.cipher_key),
        )
        return cast(ApplicationRecorder, self.backend.recorder)

    def _check_cipher_key(self, meta: Mapping[str, str]) -> None:
        """Refuse, before anything is read or written, a key that does not fit the store.

        A store created by this version says in its metadata whether its events are
        encrypted and keeps a check value of the key. A store written by an earlier
        version has neither: its first and last events tell (MessagePack in clear, or
        ciphertext that only the right key opens); ``upgrade`` pins the metadata.
        """
        settings = self.settings
        cipher = meta.get("cipher")
        given = bool(settings.cipher_key)
        if cipher is None:
            self._sniff_cipher(given)
            return
        if cipher == CIPHER_NONE:
            if given:
                raise CipherKeyError(
                    "this store keeps its events in clear: open it without a cipher key "
                    "(a key would mix encrypted events into it)"
                )
        elif cipher == CIPHER_AES_GCM:
            if not given:
                raise CipherKeyError(
                    "this store is encrypted: open it with its cipher key "
                    "(Ledger(..., cipher_key=...), --cipher-key-file FILE)"
                )
            if cipher_key_check(settings.cipher_key) != meta.get("cipher_key_check"):
                raise CipherKeyError("the cipher key given is not this store's key")
        else:
            raise CipherKeyError(
                f"this store's events are kept with a cipher this version does not know "
                f"({cipher!r})"
            )

    def _sniff_cipher(self, given: bool) -> None:
        """``_check_cipher_key`` for a store without cipher metadata (see there)."""
        recorder = self.chained_recorder
        head = self.log_position()
        rows = recorder.read_raw(0, 1)
        if head > 1:
            rows += recorder.read_raw(head - 1, 1)
        decode = self.mapper.raw_decoder()  # type: ignore[attr-defined]
        for _, name, state in rows:
            try:
                self.codec.decode(name, state)
                clear = True
            except Exception:  # any failure to read it as MessagePack in clear
                clear = False
            if clear and given:
                raise CipherKeyError(
                    "this store keeps its events in clear: open it without a cipher key "
                    "(a key would mix encrypted events into it)"
                )
            if not clear and not given:
                raise CipherKeyError(
                    "this store's events are encrypted: open it with its cipher key "
                    "(Ledger(..., cipher_key=...), --cipher-key-file FILE)"
                )
            if not clear:
                try:
                    decode(name, state)
                except MapperDeserialisationError:
                    raise CipherKeyError(
                        "the cipher key given does not open this store's events (another key?)"
                    ) from None

    def construct_mapper(self) -> Mapper[UUID]:
        """The msgspec mapper (stable names), with eventsourcing's cipher if a key is set."""
        return MsgspecMapper(
            codec=self.codec,
            cipher=self.factory.cipher(),
            compressor=self.factory.compressor(),
        )

    # ---- loading -------------------------------------------------------------------

    def _load(self, uid: UUID, cls: type[A], *, fast_forward: bool = True) -> A | None:
        """The aggregate from the cache (brought up to date unless ``fast_forward`` is
        False) or from the store; ``None`` when it does not exist."""
        cached = self._cache.get(uid)
        if cached is not None:
            assert isinstance(cached, cls)
            self._cache.move_to_end(uid)
            if fast_forward:
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
            # A copy through the snapshot struct, timed by the last event (reading the
            # clock here would move an injected test clock on every read).
            copy = Fund(fund.id)
            copy.apply(fund.snapshot(fund.state.opened.timestamp if fund.state.opened else _EPOCH))
            return copy

    def volunteer(self, volunteer_id: str, *, version: int | None = None) -> Volunteer:
        """A volunteer rebuilt from the stored events (up to ``version``), for reading.

        Raises:
            NotFound: no such volunteer (or version).
        """
        with self._lock:
            try:
                volunteer = self.repository.get(
                    volunteer_uuid(volunteer_id),
                    version=version,
                    projector_func=_projector(Volunteer),
                )
            except AggregateNotFoundError:
                raise NotFound("volunteer", volunteer_id) from None
            except MapperDeserialisationError as e:
                raise StoreError.unreadable(e) from e
        assert isinstance(volunteer, Volunteer)
        return volunteer

    def activity(self, activity_id: str) -> ActivityPublished:
        """The activity as published.

        Raises:
            NotFound: no such activity.
        """
        with self._lock:
            activity = self._load(activity_uuid(activity_id), Activity)
            if activity is None or activity.published is None:
                raise NotFound("activity", activity_id)
            return activity.published

    def personal_data(self, volunteer_id: str) -> PersonalData:
        """A volunteer's personal data, opened with their subject key (or, for data sealed
        before subject keys, the ledger's key).

        Raises:
            NotFound: no such volunteer.
            PersonalDataErasedError: the volunteer's personal data was erased.
            SealError: the data is encrypted and the ledger has no (or the wrong) key.
        """
        try:
            volunteer = self.volunteer(volunteer_id)
        except StoreError as e:
            raise SealError(str(e)) from e
        volunteer.require_personal_data()
        return self.sealer.open(volunteer.state.personal_sealed)

    @property
    def subject_keys(self) -> SubjectKeyStore:
        """The store's subject keys (one per person whose data is sealed)."""
        keys = self.sealer.keys
        assert keys is not None, "the ledger sets its subject keys when it opens the store"
        return keys

    def donor_names(self) -> DonorNames:
        """What outputs show for individual donors: their names opened, or the pseudonyms
        of those erased (``donors.DonorNames``; one per report)."""
        recorder = self.recorder

        def erased(key_id: bytes) -> bool:
            return bool(recorder.select_events(donor_uuid(key_id), limit=1))

        return DonorNames(self.sealer, erased)

    def _stored_donor_key(self, work: _Work, subject: str) -> SubjectKey | None:
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

    # ---- running commands ------------------------------------------------------------

    def execute(self, command: b.Command) -> Any:
        """Run one validated command; returns the event it recorded (or had recorded)."""
        return self._run([command])[0]

    def execute_batch(
        self, commands: Sequence[b.Command], *, progress: Callable[[int], None] | None = None
    ) -> list[Any]:
        """Run many commands with every rule, in order, and save them in one transaction.

        Args:
            progress: called with the number of commands run so far, now and then.

        Raises:
            BatchCommandRefused: a command was refused; nothing of the batch is recorded.
        """
        if len(commands) > BATCH_COMMANDS_MAX:
            msg = f"a batch holds at most {BATCH_COMMANDS_MAX} commands, not {len(commands)}"
            raise LedgerError(msg)
        return self._run(commands, batch=True, progress=progress)

    def check_batch(
        self, commands: Sequence[b.Command], *, progress: Callable[[int], None] | None = None
    ) -> list[Any]:
        """Run a batch with every rule against the store as it is, and record nothing.

        For importers that report every bad row before recording a file: the results
        are the events the batch would record.

        Raises:
            BatchCommandRefused: the first refused command, as ``execute_batch`` would.
        """
        if len(commands) > BATCH_COMMANDS_MAX:
            msg = f"a batch holds at most {BATCH_COMMANDS_MAX} commands, not {len(commands)}"
            raise LedgerError(msg)
        return self._run(commands, batch=True, dry_run=True, progress=progress)

    def _run(
        self,
        commands: Sequence[b.Command],
        *,
        batch: bool = False,
        dry_run: bool = False,
        progress: Callable[[int], None] | None = None,
    ) -> list[Any]:
        if self.settings.read_only:
            raise ReadOnlyStore(
                "nothing was recorded: this ledger was opened read-only "
                f"({self.settings.describe()})"
            )
        with self._lock:
            for _ in range(CONFLICT_RETRIES_MAX + 1):
                # Optimistic: cached aggregates are used without asking the store for newer
                # events (a query per aggregate per command). A command that records is
                # then safe by the store's unique (aggregate, version) key: if another
                # process wrote to an aggregate first, the save is refused and the command
                # runs again on fresh state. What that key cannot catch is checked here: an
                # aggregate only read (a station's policy), and a refusal (which records
                # nothing); either is retried on fresh state when the cache was stale.
                # A dry run records nothing either, so it reads the store every time.
                work = _Work(self, optimistic=not dry_run)
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
                        self.save(*changed)
                except (RecordConflictError, IntegrityError, _StaleCache):
                    self._evict(work)
                    continue
                except OperationalError as e:
                    self._evict(work)
                    if _is_lock_timeout(e):
                        continue
                    raise StoreError(describe_failure(e)) from e
                except MapperDeserialisationError as e:
                    self._evict(work)
                    raise StoreError.unreadable(e, "nothing was recorded: ") from e
                except PersistenceError as e:
                    self._evict(work)
                    raise StoreError(describe_failure(e)) from e
                except BaseException:
                    self._evict(work)
                    raise
                self._after_save(work)
                self._shred(work)
                if progress is not None:
                    progress(len(commands))
                return results
        msg = "another writer kept changing the same fund; nothing was recorded, try again"
        raise ConcurrencyConflict(msg)

    def _evict(self, work: _Work) -> None:
        for uid in work.aggregates:
            self._cache.pop(uid, None)

    def _after_save(self, work: _Work) -> None:
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
                and self.snapshots is not None
                and _snapshot_due(before, aggregate.version)
            ):
                # Encoded and stored here, under the ledger's lock, before any other
                # command can change the fund: the live state needs no copy.
                self.snapshots.put([aggregate.snapshot(self._clock(), copy=False)])
        while len(self._cache) > AGGREGATE_CACHE_MAX:
            self._cache.popitem(last=False)

    def _shred(self, work: _Work) -> None:
        """Destroy the keys of the subjects erased by ``work`` (its events are recorded)."""
        if not work.shred:
            return
        for subject, _ in work.shred:
            self._donor_keys.pop(subject, None)
        try:
            self.subject_keys.destroy(work.shred)
        except (PersistenceError, StoreError) as e:
            raise StoreError(
                "the erasure was recorded and the data is hidden, but its keys could not be "
                f"destroyed beyond recovery ({e}); run the erasure again (once no other "
                "process uses the store): it finishes then"
            ) from e

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
        """Register a cash gift: ``fund_id, receipt_no, amount, donor=None,
        donor_is_person=False, restriction="", note="", actor, occurred_on``.

        With ``donor_is_person`` the donor's name is sealed under a key of their own
        (``erase_donor`` destroys it); without, the donor is an organisation, named in clear.
        """
        return cast(FundEvent, self.execute(b.validate_command(b.ReceiveCashDonation, fields)))

    def receive_goods(self, **fields: Any) -> FundEvent:
        """Register an in-kind gift: ``fund_id, receipt_no, items=[{item, quantity, unit,
        value, basis}], donor=None, donor_is_person=False, restriction="", actor,
        occurred_on``."""
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

    # ---- typed command methods: volunteers, activities, time bank, certificates -------------

    def set_station_policy(self, **fields: Any) -> Any:
        """Set a station's policy: ``station_id, name, auto_approve=False, bank_rate_pct=100,
        bank_automatic=False, bank_limit_s=0, actor, occurred_on``."""
        return self.execute(b.validate_command(b.SetStationPolicy, fields))

    def register_volunteer(self, **fields: Any) -> Any:
        """Register a volunteer: ``volunteer_id, station_id, name, registered_on, consent,
        gender, birth_date, phone, id_number, skills, categories, team, actor, occurred_on``."""
        return self.execute(b.validate_command(b.RegisterVolunteer, fields))

    def correct_volunteer_profile(self, **fields: Any) -> Any:
        """Correct one profile field: ``volunteer_id, correction_id, field, value, reason, ...``."""
        return self.execute(b.validate_command(b.CorrectVolunteerProfile, fields))

    def erase_personal_data(self, **fields: Any) -> Any:
        """Erase a volunteer's personal data (个人信息保护法 Art.47): ``volunteer_id, reason,
        requested_by, actor, occurred_on``.

        Records ``PersonalDataErased``, then destroys the volunteer's subject keys, so the
        sealed data in their events can no longer be opened; every figure and the hash
        chain stay as they were. Erasing again returns the first erasure (and destroys any
        key left since). Data sealed before subject keys cannot be shredded: the event's
        ``legacy_sealed`` counts those events, which stay hidden from every output.

        Raises:
            NotFound: no such volunteer.
            InvalidInput: ``requested_by``, ``reason`` or ``actor`` holds the volunteer's
                name, phone or ID number (it would outlive the erasure in clear).
        """
        return self.execute(b.validate_command(b.ErasePersonalData, fields))

    def erase_donor(self, **fields: Any) -> DonorErased:
        """Erase an individual donor's name (个人信息保护法 Art.47): ``donor, reason,
        requested_by, actor, occurred_on``; ``donor`` as their gifts name them.

        Records ``DonorErased`` for their key, then destroys the key, so their name sealed
        in their gifts can no longer be opened; their gifts keep counting in every figure
        and the hash chain stays as it was, and outputs show them by a pseudonym
        (``donors.donor_pseudonym``). Erasing again while the key is still stored (an
        erasure interrupted before its key was destroyed) returns the first erasure and
        destroys the key; once it is destroyed, nothing in the store leads from the name
        to the erasure any more, and erasing the name again is ``NotFound``.

        Raises:
            NotFound: no gift names an individual donor of that name (an organisation's
                name, a misspelling, or a donor erased already).
            InvalidInput: ``requested_by``, ``reason`` or ``actor`` holds the donor's name
                (it would outlive the erasure in clear).
        """
        return cast(DonorErased, self.execute(b.validate_command(b.EraseDonor, fields)))

    def join_team(self, **fields: Any) -> Any:
        """Join a team: ``volunteer_id, team, actor, occurred_on``."""
        return self.execute(b.validate_command(b.JoinTeam, fields))

    def leave_team(self, **fields: Any) -> Any:
        """Leave a team: ``volunteer_id, team, reason, actor, occurred_on``."""
        return self.execute(b.validate_command(b.LeaveTeam, fields))

    def deactivate_volunteer(self, **fields: Any) -> Any:
        """Deactivate a volunteer: ``volunteer_id, reason, actor, occurred_on``."""
        return self.execute(b.validate_command(b.DeactivateVolunteer, fields))

    def publish_activity(self, **fields: Any) -> Any:
        """Publish an activity: ``activity_id, station_id, name, category, community, place,
        organizer, leader, starts_at, ends_at, actor, occurred_on``."""
        return self.execute(b.validate_command(b.PublishActivity, fields))

    def record_service(self, **fields: Any) -> Any:
        """Record service: ``record_id, volunteer_id, activity_id``, and ``started_at`` +
        ``ended_at`` or ``duration_s``/``duration_minutes`` + ``service_date``; ``actor``
        is the recorder."""
        return self.execute(b.validate_command(b.RecordService, fields))

    def approve_service(self, **fields: Any) -> Any:
        """Approve a record: ``volunteer_id, record_id, actor (not the recorder), occurred_on``."""
        return self.execute(b.validate_command(b.ApproveService, fields))

    def correct_service(self, **fields: Any) -> Any:
        """Correct a record's time: ``volunteer_id, record_id, correction_id, reason,
        requested_by``, and the new ``started_at``/``ended_at`` or ``duration_s``."""
        return self.execute(b.validate_command(b.CorrectService, fields))

    def void_service(self, **fields: Any) -> Any:
        """Void a record: ``volunteer_id, record_id, reason, actor, occurred_on``."""
        return self.execute(b.validate_command(b.VoidService, fields))

    def bank_hours(self, **fields: Any) -> Any:
        """Bank an approved record: ``volunteer_id, record_id, actor, occurred_on``."""
        return self.execute(b.validate_command(b.BankHours, fields))

    def redeem_hours(self, **fields: Any) -> Any:
        """Redeem credit: ``volunteer_id, redemption_id, credit_s, item, quantity,
        counterparty, approver, actor, occurred_on``."""
        return self.execute(b.validate_command(b.RedeemHours, fields))

    def transfer_hours(self, **fields: Any) -> Any:
        """Transfer credit: ``volunteer_id, transfer_id, to_volunteer_id, credit_s, reason,
        actor, occurred_on``."""
        return self.execute(b.validate_command(b.TransferHours, fields))

    def adjust_hours(self, **fields: Any) -> Any:
        """Expire or adjust credit: ``volunteer_id, adjustment_id, credit_s, kind,
        authorised_by, reason, actor, occurred_on``."""
        return self.execute(b.validate_command(b.AdjustHours, fields))

    def issue_certificate(self, **fields: Any) -> Any:
        """Issue a certificate: ``volunteer_id, certificate_no, period_from, period_to,
        issuing_station, actor (the issuer), occurred_on``."""
        return self.execute(b.validate_command(b.IssueCertificate, fields))

    def revoke_certificate(self, **fields: Any) -> Any:
        """Revoke a certificate: ``volunteer_id, certificate_no, reason, actor, occurred_on``."""
        return self.execute(b.validate_command(b.RevokeCertificate, fields))

    # ---- queries ----------------------------------------------------------------------

    def fund_events(self, fund_id: str, *, upto: int | None = None) -> list[tuple[int, FundEvent]]:
        """A fund's stored events with their log positions, in order (up to position ``upto``).

        Read from the log by the fund's aggregate id (the recorder's ``read_aggregate``)
        and decoded with the ledger's codec, so an encrypted store needs its key, as for
        every read of events. Statements, disclosures, donor summaries, the annual
        report's fund figures and the CSV export are read this way. Empty for a fund
        the log does not have.

        Raises:
            StoreError: the stored events cannot be decoded (most often an encrypted
                store opened without its key).
        """
        return self.log_reader.aggregate(fund_uuid(fund_id), upto)

    def _fund_reader(self, upto: int) -> Callable[[str], list[tuple[int, FundEvent]]]:
        """``fund_events`` up to log position ``upto``, as the reports take it."""

        def read(fund_id: str) -> list[tuple[int, FundEvent]]:
            return self.fund_events(fund_id, upto=upto)

        return read

    def rebuild_views(self, *, progress: Callable[[int], None] | None = None) -> int:
        """Drop the persisted views and fold them again from the whole log.

        For an auditor after ``audit`` found a view edited by hand, or after a bug fix.
        ``progress`` is called with the log position reached after each batch.
        Returns the position the views were rebuilt to.
        """
        if self.settings.read_only:
            raise ReadOnlyStore(
                "the views were not rebuilt: this ledger was opened read-only "
                f"({self.settings.describe()})"
            )
        with self._lock:
            # A rebuild folds the whole log: large batches, few transactions.
            return self.view_runner.rebuild(self.fund_views, progress=progress)

    def catch_up_views(self) -> int:
        """Bring the persisted views up to date with the log; returns their position.

        A read-only ledger writes nothing: it reads the store's views where they are up to
        date, and otherwise folds the log into views of its own, in memory.
        """
        with self._lock:
            if self.settings.read_only and not self._private_views:
                head = self.log_position()
                if self.view_store.is_current(self.fund_views, head):
                    return head
                self.view_store = ViewStore(private_view_backend())
                self.view_runner = ViewRunner(
                    self.view_store, self.log_reader.page, self.log_position
                )
                self._private_views = True
            try:
                return self.view_runner.catch_up(self.fund_views)
            except MapperDeserialisationError as e:  # pragma: no cover - the log reader wraps it
                raise StoreError.unreadable(e) from e

    def follow_views(self, stop: threading.Event, *, poll_s: float = 0.5) -> None:
        """Keep the persisted views current until ``stop`` is set; run it in a thread.

        For a long-running process (a station's server) whose readers query the view
        tables directly. On PostgreSQL it wakes on eventsourcing's LISTEN/NOTIFY
        subscription as soon as any process records events; on SQLite (and in memory)
        it polls the log every ``poll_s`` seconds. It returns soon after ``stop`` is
        set; an error of the store ends it, raised in its thread. Queries in other
        threads stay safe: catch-ups take turns, and each batch commits exactly once.
        """
        subscribe: Callable[[int], Subscription[Any]] | None = None
        if self.backend.listens:
            recorder = self.recorder

            def subscribe(gt: int) -> Subscription[Any]:
                return recorder.subscribe(gt=gt)

        self.view_runner.follow([self.fund_views], stop, poll_s=poll_s, subscribe=subscribe)

    @property
    def chained_recorder(self) -> ChainedRecorder:
        """The recorder, as the chain and bulk-reading recorder it is."""
        return cast(ChainedRecorder, self.recorder)

    def verify(
        self,
        *,
        anchors: Iterable[Anchor] = (),
        chain_key: str | None = None,
        progress: Callable[[int], None] | None = None,
    ) -> VerifyReport:
        """Recompute the hash chain from the raw stored rows; report the first finding.

        Reads only: it never writes to the store (nor chains an event that has no digest:
        that is a finding). The store's chain metadata is checked first
        (``sgz_ledger.storage.chain.check_meta``: missing or unknown, a keyed chain without its key
        or with another, a key given to a chain that says it is unkeyed, an anchor whose
        pinned algorithm differs), then every row, in one snapshot of the log.

        Args:
            anchors: published anchors the history must pass through.
            chain_key: the chain key of a keyed store (default: the one the ledger was
                opened with).
            progress: called with the number of events checked so far, now and then.
        """
        recorder = self.chained_recorder
        given = self.settings.chain_key if chain_key is None else chain_key
        key = given.encode("utf-8") if given else None
        anchors = tuple(anchors)
        with self._lock, recorder.verify_scan() as (events, links):
            meta = recorder.chain_meta()
            first = next(events, None)
            algorithm = meta.get("algorithm", "")
            finding = check_meta(meta, has_events=first is not None, key=key, anchors=anchors)
            if finding is not None:
                return VerifyReport(
                    ok=False, algorithm=algorithm, events=0, head=None, first_break=finding
                )
            rows = events if first is None else itertools.chain((first,), events)
            report = verify_rows(
                rows,
                links,
                algorithm=algorithm or "sha256",
                key=key,
                anchors=anchors,
                contiguous=recorder.contiguous_positions,
                progress=progress,
            )
        late = int(meta.get("chained_late_upto", "0") or 0)
        return msgspec.structs.replace(report, chained_late_upto=late) if late else report

    def upgrade(
        self, *, anchors: Iterable[Anchor] = (), chain_key: str | None = None
    ) -> UpgradeReport:
        """Pin what a store written by an earlier version does not say about itself.

        A store created by this version records at creation whether its events are
        encrypted and a check value of the key; an earlier one does not, and each opening
        tells it from the events instead. After a clean ``verify`` (with the chain key and
        any published anchors), this adds those rows to the store's metadata (never
        changing one it has) and brings the views up to date. On a finding it changes
        nothing.

        Raises:
            ReadOnlyStore: the ledger was opened read-only.
        """
        if self.settings.read_only:
            raise ReadOnlyStore("nothing was upgraded: this ledger was opened read-only")
        with self._lock:
            report = self.verify(anchors=anchors, chain_key=chain_key)
            if not report.ok:
                return UpgradeReport(verify=report, pinned={}, views_position=0)
            have = self.chained_recorder.chain_meta()
            wanted = cipher_meta(self.settings.cipher_key)
            respelt: list[Respelt] = []
            count = 0
            if have.get("text") != TEXT_CANONICAL:
                count = self._respelt_text(respelt)
                if count == 0:
                    wanted["text"] = TEXT_CANONICAL
            pinned = {name: value for name, value in wanted.items() if name not in have}
            if pinned:
                self.chained_recorder.pin_meta(pinned)
            if pinned.get("text") == TEXT_CANONICAL:
                cast(MsgspecMapper, self.mapper).normalise = None
            return UpgradeReport(
                verify=report,
                pinned=pinned,
                views_position=self.catch_up_views(),
                respelt=tuple(respelt),
                respelt_count=count,
            )

    def _respelt_text(self, listed: list[Respelt]) -> int:
        """Count the keys and names recorded in a spelling that is not canonical; list the
        first ``RESPELT_LISTED_MAX`` in ``listed``."""
        mapper = cast(MsgspecMapper, self.mapper)
        normaliser = StoredTextNormaliser(self.codec.names_by_class)
        count = 0
        # The events as recorded, before the canonical form this reading is about.
        for at, name, state in self.log_reader.rows(upto=self.log_position()):
            try:
                event = mapper.decode_recorded(name, state)
            except Exception as e:  # the one error of every reader: unreadable
                raise StoreError.unreadable(
                    MapperDeserialisationError(str(e)), f"at position {at}: "
                ) from e
            for field, recorded, read in normaliser.respelt(event):
                count += 1
                if len(listed) < RESPELT_LISTED_MAX:
                    listed.append(Respelt(position=at, field=field, recorded=recorded, read=read))
        return count

    def anchor(self, position: int | None = None) -> Anchor | None:
        """The chain's digest at ``position`` (default: the last event), to publish.

        ``None`` for an empty log. Reports and disclosures carry the anchor of the log
        position their figures were computed at, with the chain's algorithm (and key
        fingerprint) pinned.
        """
        at = self.log_position() if position is None else position
        links = list(self.chained_recorder.scan_links(after=at - 1, upto=at))
        if not links:
            return None
        meta = self._chain_pins()
        return Anchor(
            position=links[-1].position,
            digest=links[-1].digest.hex(),
            algorithm=meta[0],
            key_fingerprint=meta[1],
        )

    def _chain_pins(self) -> tuple[str, str]:
        """The chain's algorithm and key fingerprint, as the store's metadata says."""
        meta = self.chained_recorder.chain_meta()
        algorithm = meta.get("algorithm", "")
        return algorithm, meta.get("key_fingerprint", "") if algorithm == ALGORITHM_HMAC else ""

    def close(self) -> None:
        """Close the store (and a private in-memory view store)."""
        view_store = getattr(self, "view_store", None)
        if view_store is not None:
            view_store.close()
        super().close()

    def volunteer_figures_view(self) -> VolunteerStatsProjection:
        """The in-memory volunteer figures fold, brought up to date with the log (the
        reports read it: ``reports.volunteers``, the annual report)."""
        with self._lock:
            self._catch_up(self._volunteer_stats)
            return self._volunteer_stats

    def volunteer_accounts_view(self) -> VolunteerAccounts:
        """The in-memory volunteer accounts fold, brought up to date with the log."""
        with self._lock:
            self._catch_up(self._volunteer_accounts)
            return self._volunteer_accounts

    def _catch_up(self, view: _View) -> None:
        """Fold the log's new events into ``view``, in order, each exactly once."""
        for at, event in self.log_reader.events(after=self._positions.get(id(view), 0)):
            view.apply(event)
            # Per event: a failed apply is never re-applied (a delta would count twice).
            self._positions[id(view)] = at

    def log_position(self) -> int:
        """The position of the last event in the log (0 when empty): a cheap event count."""
        return self.recorder.max_notification_id() or 0

    def stored_events(self, *, after: int = 0, upto: int | None = None) -> list[LedgerEvent]:
        """The stored events at log positions after ``after`` and not after ``upto`` (every
        one by default), in log order, decoded (for tests, replays, small audits, and an
        import's summary of what its batch recorded).

        Raises:
            StoreError: the stored events cannot be decoded (most often an encrypted store
                opened without its key).
        """
        return [event for _, event in self.log_reader.events(after, upto)]


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


def _receive_cash(work: _Work, c: b.ReceiveCashDonation, stamp: Stamp) -> Any:
    fund = work.fund(c.fund_id)
    donor, sealed = c.donor, None
    if c.donor_is_person and donor is not None:
        sealed = _seal_donor(work, fund, c, donor, stamp)
        donor = None
    return fund.receive_cash(
        stamp,
        receipt_no=c.receipt_no,
        donor=donor,
        restriction=c.restriction,
        amount_fen=c.amount,
        note=c.note,
        donor_sealed=sealed,
    )


def _seal_donor(
    work: _Work,
    fund: Fund,
    c: b.ReceiveCashDonation | b.ReceiveGoodsDonation,
    name: str,
    stamp: Stamp,
) -> bytes:
    """A person's gift's ``donor_sealed``: their name sealed under their key, or, for a
    repeat of a gift recorded with their name, the recorded bytes (compared opened)."""
    sealer = work.ledger.sealer
    recorded = fund.state.donations.get(c.receipt_no)
    if recorded is not None:
        sealed = recorded.donor_sealed
        if sealed is None:
            raise IdempotencyConflict(f"receipt {c.receipt_no!r}", "donor_is_person", False, True)
        # Sealed bytes differ per sealing: compare the names they hold. A donor erased
        # since cannot be compared; the other fields still are (a repeat records nothing).
        try:
            key = sealer.subject_key(sealed, work.new_keys)
        except SubjectKeyError as e:
            raise SealError(f"the donor's name of receipt {c.receipt_no!r}: {e}") from e
        if key is not None and sealer.open_name(sealed, work.new_keys) != name:
            raise IdempotencyConflict(
                f"receipt {c.receipt_no!r}", "donor", "(recorded)", "(different)"
            )
        return sealed
    _refuse_name_in(name, [("note", c.note)], "the gift")
    sealer.warn_if_clear()
    return sealer.seal_name(name, work.donor_key(name, stamp.recorded_at))


def _refuse_name_in(name: str, texts: list[tuple[str, str]], where: str) -> None:
    """Refuse texts stored in clear that hold a person's name sealed elsewhere: they
    would outlive its erasure."""
    if len(name) < _NAME_CHARS_MIN:
        return
    wanted = person_key(name)
    problems = [
        (
            field,
            f"holds the donor's own name, which {where} keeps in clear and which would "
            "outlive their erasure: leave it out (name a requester by role: 本人, 监护人)",
        )
        for field, text in texts
        if wanted in person_key(text)
    ]
    if problems:
        raise InvalidInput(problems)


def _erase_donor(work: _Work, c: b.EraseDonor, stamp: Stamp) -> DonorErased:
    subject = work.ledger.sealer.donor_subject(c.donor)
    key_ids = set(work.ledger.subject_keys.key_ids(subject))
    key_ids.update(k.key_id for k in work.new_keys.values() if k.subject == subject)
    if not key_ids:
        raise NotFound("individual donor", c.donor)
    texts = [("requested_by", c.requested_by), ("reason", c.reason), ("actor", c.actor)]
    _refuse_name_in(c.donor, texts, "the erasure's record")
    first: DonorErased | None = None
    before: DonorErased | None = None
    for key_id in sorted(key_ids):
        donor = work.find(donor_uuid(key_id), Donor)
        if donor is not None:  # erased before, its key not yet destroyed
            assert donor.erased is not None
            before = before or donor.erased
            continue
        donor = Donor.erase(stamp, key_id=key_id, reason=c.reason, requested_by=c.requested_by)
        work.add(donor)
        assert donor.erased is not None
        first = first or donor.erased
    work.shred.append((subject, tuple(sorted(key_ids))))
    result = first or before
    assert result is not None
    return result


def _receive_goods(work: _Work, c: b.ReceiveGoodsDonation, stamp: Stamp) -> Any:
    fund = work.fund(c.fund_id)
    donor, sealed = c.donor, None
    if c.donor_is_person and donor is not None:
        sealed = _seal_donor(work, fund, c, donor, stamp)
        donor = None
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
    return fund.receive_goods(
        stamp,
        receipt_no=c.receipt_no,
        donor=donor,
        restriction=c.restriction,
        items=items,
        note=c.note,
        donor_sealed=sealed,
    )


def _close_fund(work: _Work, c: b.CloseFund, stamp: Stamp) -> Any:
    fund = work.fund(c.fund_id)
    if fund.state.closed is None and c.transfer_to is not None:
        if c.transfer_to == c.fund_id:
            raise RuleViolation("a fund cannot transfer to itself")
        target = work.fund(c.transfer_to)
        if target.state.closed is not None:
            raise FundNotOpen(f"fund {c.transfer_to!r} is closed and takes no transfer")
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
    b.ReceiveCashDonation: _receive_cash,
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


# ---- volunteer handlers ----------------------------------------------------------------------


def _personal(c: b.RegisterVolunteer) -> PersonalData:
    return PersonalData(
        name=c.name,
        gender=c.gender,
        birth_date=c.birth_date,
        phone=c.phone,
        id_number=c.id_number,
    )


def _register_volunteer(work: _Work, c: b.RegisterVolunteer, stamp: Stamp) -> Any:
    sealer = work.ledger.sealer
    personal = _personal(c)
    fields = {
        "volunteer_id": c.volunteer_id,
        "station_id": c.station_id,
        "skills": c.skills,
        "categories": c.categories,
        "consent": c.consent,
        "registered_on": c.registered_on,
    }
    existing = work.find(volunteer_uuid(c.volunteer_id), Volunteer)
    if existing is not None:
        existing.require_personal_data()
        assert existing.state.registered is not None
        recorded_sealed = existing.state.registered.personal_sealed
        # The ID number compared by its hash, made as the registration made it.
        id_hash = sealer.id_hash_as_sealed(recorded_sealed, c.id_number, work.new_keys)
        event = existing.repeat_register(stamp, personal_sealed=b"", id_hash=id_hash, **fields)
        # Sealed bytes differ per encryption: compare what they hold.
        recorded = sealer.open(event.personal_sealed, work.new_keys)
        for field in ("name", "gender", "birth_date", "phone"):
            if getattr(recorded, field) != getattr(personal, field):
                raise IdempotencyConflict(
                    f"volunteer {c.volunteer_id!r}", field, "(recorded)", "(different)"
                )
    else:
        sealer.warn_if_clear()
        key = work.new_key(volunteer_subject(c.volunteer_id), stamp.recorded_at)
        volunteer = Volunteer.register(
            stamp,
            personal_sealed=sealer.seal(personal, key),
            id_hash=sealer.id_hash(c.id_number, key),
            **fields,
        )
        work.add(volunteer)
        assert volunteer.state.registered is not None
        event = volunteer.state.registered
        if c.team is not None:  # only on first registration: a repeat never rejoins
            volunteer.join_team(stamp, team=c.team)
    return event


_PERSONAL_FIELDS = ("name", "gender", "birth_date", "phone", "id_number")


def _correct_profile(work: _Work, c: b.CorrectVolunteerProfile, stamp: Stamp) -> Any:
    volunteer = work.volunteer(c.volunteer_id)
    sealed: bytes | None = None
    id_hash: str | None = None
    value = c.value
    if c.correction_id in volunteer.state.profile_corrections:
        pass  # a repeat: the domain compares it with the recorded one; nothing is sealed
    elif c.field in _PERSONAL_FIELDS:
        volunteer.require_personal_data()
        sealer = work.ledger.sealer
        current = volunteer.state.personal_sealed
        personal = sealer.open(current, work.new_keys)
        new: Any = c.value
        if c.field == "birth_date":
            try:
                new = dt.date.fromisoformat(c.value) if c.value else None
            except ValueError:
                raise InvalidInput([("value", "a birth date is YYYY-MM-DD")]) from None
        # The volunteer's own key; data sealed before subject keys moves under a new one.
        key = sealer.subject_key(current, work.new_keys) or work.new_key(
            volunteer_subject(c.volunteer_id), stamp.recorded_at
        )
        corrected = msgspec.structs.replace(personal, **{c.field: new})
        sealed = sealer.seal(corrected, key)
        new_hash = sealer.id_hash(corrected.id_number, key)
        if c.field == "id_number" or new_hash != volunteer.state.id_hash:
            id_hash = new_hash
        value = ""  # the new value is in the sealed field only
    elif c.field == "consent" and c.value not in ("true", "false"):
        raise InvalidInput([("value", "consent is true or false")])
    return volunteer.correct_profile(
        stamp,
        correction_id=c.correction_id,
        field=c.field,
        personal_sealed=sealed,
        id_hash=id_hash,
        value=value,
        reason=c.reason,
    )


def _erase_personal_data(work: _Work, c: b.ErasePersonalData, stamp: Stamp) -> Any:
    volunteer = work.volunteer(c.volunteer_id)
    subject = volunteer_subject(c.volunteer_id)
    erased = volunteer.state.erased
    if erased is not None:
        # Erased before: destroy again whatever key is still stored (an erasure whose
        # keys were not destroyed, a key row put back).
        work.shred.append((subject, tuple(bytes.fromhex(k) for k in erased.key_ids)))
        return erased
    sealer = work.ledger.sealer
    registered = volunteer.state.registered
    assert registered is not None
    sealed = [registered.personal_sealed] + [
        p.personal_sealed
        for p in volunteer.state.profile_corrections.values()
        if p.personal_sealed is not None
    ]
    _refuse_personal_text(work, c, sealed)
    key_ids = sorted({k for s in sealed if (k := sealer.key_id(s)) is not None})
    event = volunteer.erase_personal_data(
        stamp,
        reason=c.reason,
        requested_by=c.requested_by,
        key_ids=tuple(k.hex() for k in key_ids),
        legacy_sealed=sum(1 for s in sealed if sealer.key_id(s) is None),
    )
    work.shred.append((subject, tuple(key_ids)))
    return event


# Shorter values are not searched for in an erasure's texts: one character (a surname
# alone) or a few digits are in too many words and dates to mean the person.
_NAME_CHARS_MIN = 2
_NUMBER_CHARS_MIN = 6


def _refuse_personal_text(work: _Work, c: b.ErasePersonalData, sealed: list[bytes]) -> None:
    """Refuse an erasure whose own texts hold the personal data it erases: they are stored
    in clear and would outlive it."""
    values: set[str] = set()
    for s in sealed:
        try:
            data = work.ledger.sealer.open(s, work.new_keys)
        except SealError:
            continue  # a version that cannot be opened here cannot be compared
        values.update(v for v in (data.phone, data.id_number) if len(v) >= _NUMBER_CHARS_MIN)
        if len(data.name) >= _NAME_CHARS_MIN:
            values.add(data.name)
    problems = [
        (
            field,
            "holds the volunteer's own name, phone or ID number, which would outlive the "
            "erasure in clear: name the requester by volunteer id or role (本人, 监护人)",
        )
        for field, text in (
            ("requested_by", c.requested_by),
            ("reason", c.reason),
            ("actor", c.actor),
        )
        if any(v.upper() in text.upper() for v in values)
    ]
    if problems:
        raise InvalidInput(problems)


def _publish_activity(work: _Work, c: b.PublishActivity, stamp: Stamp) -> Any:
    fields = {
        "activity_id": c.activity_id,
        "station_id": c.station_id,
        "name": c.name,
        "category": c.category,
        "community": c.community,
        "place": c.place,
        "organizer": c.organizer,
        "leader": c.leader,
        "starts_at": c.starts_at,
        "ends_at": c.ends_at,
    }
    existing = work.find(activity_uuid(c.activity_id), Activity)
    if existing is not None:
        return existing.repeat_publish(stamp, **fields)
    activity = Activity.publish(stamp, **fields)
    work.add(activity)
    return activity.published


def _after_approval(work: _Work, volunteer: Volunteer, record_id: str, stamp: Stamp) -> None:
    """Bank an approved record at once where the station banks automatically."""
    station_id = volunteer.state.records[record_id].recorded.station_id
    policy = work.policy(station_id)
    record = volunteer.state.records[record_id]
    if policy.bank_automatic and record.counted_s > 0 and not record.banked:
        volunteer.bank_hours(
            stamp, record_id=record_id, rate_pct=policy.bank_rate_pct, automatic=True
        )


def _record_service(work: _Work, c: b.RecordService, stamp: Stamp) -> Any:
    volunteer = work.volunteer(c.volunteer_id)
    activity = work.activity(c.activity_id)
    if c.started_at is not None and c.ended_at is not None:
        duration_s = int((c.ended_at - c.started_at).total_seconds())
        service_date = c.service_date or c.started_at.astimezone(STATION_TZ).date()
    else:
        duration_s = c.duration_s if c.duration_s is not None else 60 * (c.duration_minutes or 0)
        assert c.service_date is not None
        service_date = c.service_date
    existing = volunteer.state.records.get(c.record_id)
    existed = existing is not None
    if c.team:
        team = c.team
    elif existing is not None:
        team = existing.recorded.team  # a repeat that names no team keeps the recorded one
    else:
        team = volunteer.state.teams[0] if volunteer.state.teams else ""
    event = volunteer.record_service(
        stamp,
        record_id=c.record_id,
        activity=activity,
        started_at=c.started_at,
        ended_at=c.ended_at,
        duration_s=duration_s,
        service_date=service_date,
        place=c.place or (activity.published.place if activity.published else ""),
        content=c.content,
        team=team,
    )
    if not existed and work.policy(event.station_id).auto_approve:
        auto = Stamp(
            actor=AUTO_APPROVER, occurred_on=stamp.occurred_on, recorded_at=stamp.recorded_at
        )
        volunteer.auto_approve(auto, record_id=c.record_id)
        _after_approval(work, volunteer, c.record_id, auto)
    return event


def _approve_service(work: _Work, c: b.ApproveService, stamp: Stamp) -> Any:
    volunteer = work.volunteer(c.volunteer_id)
    approved_before = volunteer.state.records.get(c.record_id)
    first = approved_before is not None and approved_before.approval is None
    event = volunteer.approve_service(stamp, record_id=c.record_id)
    if first:
        _after_approval(work, volunteer, c.record_id, stamp)
    return event


def _bank_hours(work: _Work, c: b.BankHours, stamp: Stamp) -> Any:
    volunteer = work.volunteer(c.volunteer_id)
    record = volunteer.state.records.get(c.record_id)
    policy = work.policy(record.recorded.station_id if record else "")
    return volunteer.bank_hours(stamp, record_id=c.record_id, rate_pct=policy.bank_rate_pct)


def _limit(work: _Work, volunteer: Volunteer) -> int:
    registered = volunteer.state.registered
    return work.policy(registered.station_id if registered else "").bank_limit_s


def _transfer_hours(work: _Work, c: b.TransferHours, stamp: Stamp) -> Any:
    source = work.volunteer(c.volunteer_id)
    target = work.volunteer(c.to_volunteer_id)
    recorded = source.state.transfers.get(c.transfer_id)
    if isinstance(recorded, HoursTransferredIn):
        # The id names a transfer this member received, not one they gave.
        raise InvalidTransition(
            f"transfer {c.transfer_id!r} is one {c.volunteer_id!r} received from "
            f"{recorded.from_volunteer_id!r}; a transfer back needs an id of its own"
        )
    if recorded is not None:
        return source._repeat(
            f"transfer {c.transfer_id!r}",
            recorded,
            stamp,
            to_volunteer_id=c.to_volunteer_id,
            credit_s=c.credit_s,
            reason=c.reason,
        )
    event = source.transfer_out(
        stamp,
        transfer_id=c.transfer_id,
        to_volunteer_id=c.to_volunteer_id,
        credit_s=c.credit_s,
        reason=c.reason,
        limit_s=_limit(work, source),
    )
    target.transfer_in(
        stamp,
        transfer_id=c.transfer_id,
        from_volunteer_id=c.volunteer_id,
        credit_s=c.credit_s,
        reason=c.reason,
    )
    return event


def _issue_certificate(work: _Work, c: b.IssueCertificate, stamp: Stamp) -> Any:
    # Certificate numbers are unique in the store, not only per volunteer: a number
    # is what a reader types to verify one. The stored certificates are scanned by
    # their event name (a small, indexed read); a later version may claim numbers
    # through an aggregate of their own to make this atomic across processes too.
    holders = certificate_holders(work.ledger.log_reader, c.certificate_no)
    others = [v for v in holders if v != c.volunteer_id]
    if others:
        raise RuleViolation(f"certificate {c.certificate_no!r} was already issued to {others[0]!r}")
    return work.volunteer(c.volunteer_id).issue_certificate(
        stamp,
        certificate_no=c.certificate_no,
        period_from=c.period_from,
        period_to=c.period_to,
        issuing_station=c.issuing_station,
    )


def _set_policy(work: _Work, c: b.SetStationPolicy, stamp: Stamp) -> Any:
    uid = station_uuid(c.station_id)
    station = work.find(uid, Station)
    if station is None:
        station = Station(uid)
        work.add(station)
    return station.set_policy(
        stamp,
        station_id=c.station_id,
        name=c.name,
        auto_approve=c.auto_approve,
        bank_rate_pct=c.bank_rate_pct,
        bank_automatic=c.bank_automatic,
        bank_limit_s=c.bank_limit_s,
    )


_HANDLERS.update(
    {
        b.SetStationPolicy: _set_policy,
        b.RegisterVolunteer: _register_volunteer,
        b.CorrectVolunteerProfile: _correct_profile,
        b.ErasePersonalData: _erase_personal_data,
        b.EraseDonor: _erase_donor,
        b.JoinTeam: lambda w, c, s: w.volunteer(c.volunteer_id).join_team(s, team=c.team),
        b.LeaveTeam: lambda w, c, s: w.volunteer(c.volunteer_id).leave_team(
            s, team=c.team, reason=c.reason
        ),
        b.DeactivateVolunteer: lambda w, c, s: w.volunteer(c.volunteer_id).deactivate(
            s, reason=c.reason
        ),
        b.PublishActivity: _publish_activity,
        b.RecordService: _record_service,
        b.ApproveService: _approve_service,
        b.CorrectService: lambda w, c, s: w.volunteer(c.volunteer_id).correct_service(
            s,
            correction_id=c.correction_id,
            record_id=c.record_id,
            started_at=c.started_at,
            ended_at=c.ended_at,
            duration_s=(
                c.duration_s
                if c.duration_s is not None
                else int((c.ended_at - c.started_at).total_seconds())
            ),
            reason=c.reason,
            requested_by=c.requested_by,
        ),
        b.VoidService: lambda w, c, s: w.volunteer(c.volunteer_id).void_service(
            s, record_id=c.record_id, reason=c.reason
        ),
        b.BankHours: _bank_hours,
        b.RedeemHours: lambda w, c, s: w.volunteer(c.volunteer_id).redeem(
            s,
            redemption_id=c.redemption_id,
            credit_s=c.credit_s,
            item=c.item,
            quantity=c.quantity,
            counterparty=c.counterparty,
            approver=c.approver,
            limit_s=_limit(w, w.volunteer(c.volunteer_id)),
        ),
        b.TransferHours: _transfer_hours,
        b.AdjustHours: lambda w, c, s: w.volunteer(c.volunteer_id).adjust_bank(
            s,
            adjustment_id=c.adjustment_id,
            credit_s=c.credit_s,
            kind=c.kind,
            authorised_by=c.authorised_by,
            reason=c.reason,
            limit_s=_limit(w, w.volunteer(c.volunteer_id)),
        ),
        b.IssueCertificate: _issue_certificate,
        b.RevokeCertificate: lambda w, c, s: w.volunteer(c.volunteer_id).revoke_certificate(
            s, certificate_no=c.certificate_no, reason=c.reason
        ),
    }
)
