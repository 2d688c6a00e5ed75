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
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Protocol, cast
from uuid import UUID

import msgspec
from eventsourcing.application import AggregateNotFoundError, Application
from eventsourcing.persistence import (
    ApplicationRecorder,
    EventStore,
    Mapper,
    MapperDeserialisationError,
    PersistenceError,
    Subscription,
)
from eventsourcing.utils import Environment, EnvType, TopicError

from sgz_ledger.domain.donor import donor_uuid
from sgz_ledger.domain.errors import (
    CipherKeyError,
    NotFound,
    ReadOnlyStore,
    StoreError,
)
from sgz_ledger.domain.events import (
    ActivityPublished,
    FundEvent,
    LedgerEvent,
)
from sgz_ledger.domain.fund import Fund, FundSnapshot, fund_uuid
from sgz_ledger.domain.volunteer import (
    Activity,
    Volunteer,
    activity_uuid,
    volunteer_uuid,
)
from sgz_ledger.projections.framework import ViewRunner, ViewStore
from sgz_ledger.projections.fund_views import FundViews
from sgz_ledger.projections.recognition import RecognitionProjection
from sgz_ledger.projections.stations import KnownStations
from sgz_ledger.projections.volunteer_accounts import VolunteerAccounts
from sgz_ledger.projections.volunteer_stats import VolunteerStatsProjection
from sgz_ledger.service.access import authorise
from sgz_ledger.service.command_methods import CommandMethods
from sgz_ledger.service.commands import validated_query
from sgz_ledger.service.handlers import HANDLERS
from sgz_ledger.service.id_claim_upgrade import (
    CLAIM_HANDLERS,
    UPGRADE_ACTOR,
    SharedIdNumber,
    claim_unclaimed,
)
from sgz_ledger.service.periods import check_closed_period
from sgz_ledger.service.unit_of_work import (
    CommandRunner,
    projector,
)
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
from sgz_ledger.storage.sealing import (
    SERVED_LINEAGE_META,
    PersonalData,
    PersonalDataSealer,
    SealError,
)
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
    parse_store,
)
from sgz_ledger.storage.stored_text import StoredTextNormaliser
from sgz_ledger.storage.subject_keys import (
    SubjectKeyStore,
)

__all__ = ["LedgerService", "Respelt", "UpgradeReport", "utc_now"]

# Keys and names in another spelling that ``upgrade`` lists (it counts them all).
RESPELT_LISTED_MAX = 100


class _View(Protocol):
    """An in-memory view: a pure fold over the log's events."""

    def apply(self, event: object) -> None: ...


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
        id_numbers_claimed: the ID numbers claimed for volunteers that held no claim
            (rule 39; ``service.id_claim_upgrade``).
        id_numbers_shared: volunteers whose ID number another volunteer holds the claim on
            (a finding: the station corrects one of each pair).
    """

    verify: VerifyReport
    pinned: dict[str, str]
    views_position: int
    respelt: tuple[Respelt, ...] = ()
    respelt_count: int = 0
    id_numbers_claimed: int = 0
    id_numbers_shared: tuple[SharedIdNumber, ...] = ()


_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


def _require_postgres_driver(settings: StoreSettings) -> None:
    """Refuse a PostgreSQL store, in words, where the ``postgres`` extra is not installed.

    eventsourcing would fail deeper down with an import error about its own module, which
    tells a station's developer nothing about the one command that fixes it.
    """
    from importlib.util import find_spec

    missing = [name for name in ("psycopg", "psycopg_pool") if find_spec(name) is None]
    if missing:
        raise StoreError(
            "postgres_driver_missing", store=settings.describe(), missing=", ".join(missing)
        )


def utc_now() -> dt.datetime:
    """The recording clock: now, in UTC (a ledger's ``clock`` unless another is given)."""
    return dt.datetime.now(dt.UTC)


class LedgerService(CommandMethods, Application[UUID]):
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
        clock: Callable[[], dt.datetime] = utc_now,
    ) -> None:
        """Open the ledger's store (created when missing, unless ``create=False``).

        Args:
            store: a SQLite path, ``sqlite:///path``, ``postgresql://...``, ``memory:``,
                or ``StoreSettings``. Default ``station.db``.
            create: create a missing SQLite file; with ``False`` a missing file is an error.
            cipher_key: encrypt stored events with eventsourcing's AES cipher.
            chain_key: key the hash chain (HMAC-SHA-256) with this secret; every writer of
                the store must then give it (see ``docs/audit.md``).
            read_only: open an existing store for reading only: nothing is created or
                written, and every command is refused with ``ReadOnlyStore``.
            clock: returns the recording timestamp (UTC); inject a fixed one in tests.

        Raises:
            StoreError: the store cannot be opened as asked (never a silent fallback).
            CipherKeyError: the store is encrypted and no key, or another key, was given; or
                a key was given for a store kept in clear; or the key is malformed.
        """
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
        self.sealer = PersonalDataSealer(settings.cipher_key)
        # In-memory views, each with the log position it has folded up to.
        self._volunteer_stats = VolunteerStatsProjection()
        self._volunteer_accounts = VolunteerAccounts()
        self._recognition = RecognitionProjection()
        self._stations = KnownStations()
        self._positions: dict[int, int] = {}
        # Folded in memory instead of the store's views: a read-only ledger whose store's
        # views are not up to date (it may not write them).
        self._private_views = False
        if settings.kind == "postgres":
            _require_postgres_driver(settings)
        try:
            super().__init__(env=settings.to_env())
            # The one reader of the log: views, replays, exports, trails, copies.
            self.log_reader = LogReader(
                self.chained_recorder, cast(MsgspecMapper, self.mapper), self.log_position
            )
            if settings.read_only and not self.chained_recorder.exists():
                raise StoreError("no_ledger_in", store=settings.describe())
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
            lineage = meta.get(SERVED_LINEAGE_META)
            if lineage is not None:
                try:
                    self.sealer.use_served_lineage(self.sealer.open_served_lineage(lineage))
                except SealError as e:
                    raise StoreError(
                        "cannot_open_store", store=settings.describe(), detail=str(e)
                    ) from e
        except BaseException as e:
            if hasattr(self, "factory"):
                self.factory.close()
            if isinstance(e, StoreError):
                raise
            if isinstance(e, (PersistenceError, OSError, ValueError, ImportError, TopicError)):
                # TopicError/ImportError: a cipher key was given but the cipher's library
                # (pycryptodome, a dependency) is not importable in this environment.
                raise StoreError(
                    "cannot_open_store", store=settings.describe(), detail=str(e)
                ) from e
            raise
        self.fund_views = FundViews()
        self.view_runner = ViewRunner(self.view_store, self.log_reader.page, self.log_position)
        self.commands = CommandRunner(
            self,
            handlers={**HANDLERS, **CLAIM_HANDLERS},
            authorise=authorise,
            lock=self._lock,
            clock=clock,
            sealer=self.sealer,
            subject_keys=lambda: self.subject_keys,
            log_reader=self.log_reader,
            after_checks=(check_closed_period,),
            refuse=settings.describe() if settings.read_only else "",
        )

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

    def construct_snapshot_store(self) -> EventStore[UUID]:
        """eventsourcing's snapshot store, over the recorder the backend makes for it."""
        return self.factory.event_store(
            mapper=self.mapper, recorder=self.backend.snapshot_recorder(self.factory)
        )

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
                raise CipherKeyError("store_in_clear")
        elif cipher == CIPHER_AES_GCM:
            if not given:
                raise CipherKeyError("store_encrypted")
            if cipher_key_check(settings.cipher_key) != meta.get("cipher_key_check"):
                raise CipherKeyError("cipher_key_wrong")
        else:
            raise CipherKeyError("cipher_unknown", cipher=cipher)

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
                raise CipherKeyError("store_in_clear")
            if not clear and not given:
                raise CipherKeyError("store_events_encrypted")
            if not clear:
                try:
                    decode(name, state)
                except MapperDeserialisationError:
                    raise CipherKeyError("cipher_key_does_not_open") from None

    def construct_mapper(self) -> Mapper[UUID]:
        """The msgspec mapper (stable names), with eventsourcing's cipher if a key is set."""
        return MsgspecMapper(
            codec=self.codec,
            cipher=self.factory.cipher(),
            compressor=self.factory.compressor(),
        )

    # ---- loading -------------------------------------------------------------------

    @validated_query
    def fund(self, fund_id: str) -> Fund:
        """A copy of the fund with code ``fund_id`` as stored now, for reading.

        A copy, so that neither the caller nor a later refused command can change
        what the caller holds; change a fund only through the commands.

        Raises:
            NotFound: no such fund.
        """
        with self._lock:
            fund = self.commands.load(fund_uuid(fund_id), Fund)
            if fund is None:
                raise NotFound("fund", fund_id)
            # A copy through the snapshot struct, timed by the last event (reading the
            # clock here would move an injected test clock on every read).
            copy = Fund(fund.id)
            copy.apply(fund.snapshot(fund.state.opened.timestamp if fund.state.opened else _EPOCH))
            return copy

    @validated_query
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
                    projector_func=projector(Volunteer),
                )
            except AggregateNotFoundError:
                raise NotFound("volunteer", volunteer_id) from None
            except MapperDeserialisationError as e:
                raise StoreError.unreadable(e) from e
        assert isinstance(volunteer, Volunteer)
        return volunteer

    @validated_query
    def activity(self, activity_id: str) -> ActivityPublished:
        """The activity as published.

        Raises:
            NotFound: no such activity.
        """
        with self._lock:
            activity = self.commands.load(activity_uuid(activity_id), Activity)
            if activity is None or activity.published is None:
                raise NotFound("activity", activity_id)
            return activity.published

    @validated_query
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
            raise SealError("seal_store_error", error=e) from e
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

    # ---- queries ----------------------------------------------------------------------

    @validated_query
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
            raise ReadOnlyStore("views_not_rebuilt", store=self.settings.describe())
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
        self,
        *,
        anchors: Iterable[Anchor] = (),
        chain_key: str | None = None,
        actor: str = UPGRADE_ACTOR,
    ) -> UpgradeReport:
        """Pin what a store written by an earlier version does not say about itself, and
        claim the ID numbers of volunteers that hold no claim.

        A store created by this version records at creation whether its events are
        encrypted and a check value of the key; an earlier one does not, and each opening
        tells it from the events instead. After a clean ``verify`` (with the chain key and
        any published anchors), this claims, in one write through the command runner, the
        ID number of every volunteer whose personal data can be opened and that holds no
        claim (rule 39; two volunteers sharing a number: the first registered, or the one
        holding its claim, gets it, and the other is listed in ``id_numbers_shared``), then
        adds the metadata rows (never changing one it has) and brings the views up to date.
        On a finding of ``verify`` it changes nothing; run again, it claims nothing new.

        Args:
            actor: who claims: where a volunteer's station keeps a register of people, a
                registered person allowed to configure (by id or name); elsewhere a name.

        Raises:
            ReadOnlyStore: the ledger was opened read-only.
            LedgerError: a claim was refused (``BatchCommandRefused``: most often the actor
                is not a registered person allowed to configure); nothing was changed.
        """
        if self.settings.read_only:
            raise ReadOnlyStore("nothing_upgraded")
        with self._lock:
            report = self.verify(anchors=anchors, chain_key=chain_key)
            if not report.ok:
                return UpgradeReport(verify=report, pinned={}, views_position=0)
            claimed, shared = claim_unclaimed(self, actor, self._clock)
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
                id_numbers_claimed=claimed,
                id_numbers_shared=shared,
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
                raise StoreError.unreadable(e, position=at) from e
            for field, recorded, read in normaliser.respelt(event):
                count += 1
                if len(listed) < RESPELT_LISTED_MAX:
                    listed.append(Respelt(position=at, field=field, recorded=recorded, read=read))
        return count

    @validated_query
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

    def recognition_view(self) -> RecognitionProjection:
        """The in-memory recognition fold (teams, awards, evaluations, star thresholds),
        brought up to date with the log (``reports.recognition`` reads it)."""
        with self._lock:
            self._catch_up(self._recognition)
            return self._recognition

    def volunteer_accounts_view(self) -> VolunteerAccounts:
        """The in-memory volunteer accounts fold, brought up to date with the log."""
        with self._lock:
            self._catch_up(self._volunteer_accounts)
            return self._volunteer_accounts

    def require_fund(self, fund_id: str | None) -> None:
        """Refuse a fund code the store has never opened (``None``: no fund named).

        Raises:
            NotFound: no such fund.
        """
        if fund_id is not None and not self.recorder.select_events(fund_uuid(fund_id), limit=1):
            raise NotFound("fund", fund_id)

    def require_station(self, station_id: str | None) -> None:
        """Refuse a station code that no fund, volunteer, activity or station policy of the
        store names (``None``: no station named), so that a query by a misspelt station is
        ``NotFound``, not an empty answer.

        Raises:
            NotFound: no such station.
        """
        if station_id is None:
            return
        with self._lock:
            self.catch_up_views()
            # The funds' stations from the views (an indexed query); others from the log.
            sql = "SELECT 1 FROM {s}funds WHERE station_id = ? LIMIT 1"
            if self.view_store.query(sql, (station_id,)):
                return
            self._catch_up(self._stations)
            if station_id not in self._stations:
                raise NotFound("station", station_id)

    def _catch_up(self, view: _View) -> None:
        """Fold the log's new events into ``view``, in order, each exactly once."""
        for at, event in self.log_reader.events(after=self._positions.get(id(view), 0)):
            view.apply(event)
            # Per event: a failed apply is never re-applied (a delta would count twice).
            self._positions[id(view)] = at

    def log_position(self) -> int:
        """The position of the last event in the log (0 when empty): a cheap event count."""
        return self.recorder.max_notification_id() or 0

    @validated_query
    def stored_events(self, *, after: int = 0, upto: int | None = None) -> list[LedgerEvent]:
        """The stored events at log positions after ``after`` and not after ``upto`` (every
        one by default), in log order, decoded (for tests, replays, small audits, and an
        import's summary of what its batch recorded).

        Raises:
            StoreError: the stored events cannot be decoded (most often an encrypted store
                opened without its key).
        """
        return [event for _, event in self.log_reader.events(after, upto)]
