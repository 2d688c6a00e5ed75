"""The ``Ledger``: what an embedder, the sheets and the command line use.

A thin facade over the service (``service.app.LedgerService``: opening the store, the
commands and their unit of work, the views, the log) with the queries whose answers the
reports make (``reports``): balances, statements, disclosures, donor summaries, the annual
report, volunteer accounts and figures, service delivery, certificates. Each query brings
the views it needs up to date once and passes them, with a reader of the log bounded by the same
position, to the report. It sits above both, so that the reports stand on the service
and never on the facade (docs/design.md, "One-way flow").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Literal, TypeAlias, TypeVar

import msgspec

from sgz_ledger.audit.certificate_signature import sign_certificate
from sgz_ledger.domain.dates import station_today
from sgz_ledger.domain.errors import InvalidInput, NotFound
from sgz_ledger.domain.events import ReportKind
from sgz_ledger.domain.levels import LEVELS_UUID, LevelRefused, LevelRegister
from sgz_ledger.domain.periods import periods_uuid
from sgz_ledger.domain.projects import ProjectNotFound, project_uuid
from sgz_ledger.domain.text import canonical_field, canonical_query
from sgz_ledger.projections.delivery import DeliveryFold
from sgz_ledger.projections.volunteer_stats import ServiceRecordState
from sgz_ledger.reports import balances as balance_queries
from sgz_ledger.reports import funds, recognition, volunteers
from sgz_ledger.reports.annual import AnnualReport, annual_report
from sgz_ledger.reports.balances import FundBalance
from sgz_ledger.reports.certificates import Certificate, Verification
from sgz_ledger.reports.certificates import certificate as rebuild_certificate
from sgz_ledger.reports.certificates import verify_certificate as check_certificate
from sgz_ledger.reports.delivery import (
    DeliveryReport,
    delivery_by_project,
    delivery_report,
    has_delivery,
)
from sgz_ledger.reports.explain import Explanation, explain
from sgz_ledger.reports.goods import GoodsRegister, goods_lines, goods_register
from sgz_ledger.reports.periods import ClosedPeriodCorrection, pending_corrections
from sgz_ledger.reports.projects import ProjectReport, project_report
from sgz_ledger.reports.recognition import RecognitionReport, StarCounts, VolunteerStar
from sgz_ledger.reports.volunteers import Period, VolunteerAccount, VolunteerStats
from sgz_ledger.service.app import LedgerService, utc_now
from sgz_ledger.service.certificate_numbers import certificate_holders
from sgz_ledger.service.commands import validated_query
from sgz_ledger.storage.settings import DEFAULT_STORE, StoreSettings

__all__ = ["Ledger", "LevelCode"]

LevelCode: TypeAlias = Literal["district", "station", "community"]
_Scoped = TypeVar("_Scoped", AnnualReport, VolunteerStats, GoodsRegister)


class _Scope(frozenset[str]):
    """The station codes a query by unit covers, knowing the unit and its level."""

    unit_id: str
    level: str

    def __new__(cls, codes: Iterable[str], *, unit_id: str, level: str) -> _Scope:
        scope = super().__new__(cls, codes)
        scope.unit_id = unit_id
        scope.level = level
        return scope


class Ledger(LedgerService):
    """A station's ledger over one store (in memory, a SQLite file, or PostgreSQL).

    Its commands (``open_fund``, ``receive_cash``... each returns the event it recorded)
    and queries (``balances``, ``annual_report``...) are its methods; ``execute_batch``
    records several commands in one transaction.
    """

    # eventsourcing names a subclass after itself, and PostgreSQL's table names derive from
    # the name ("sgzledger_events"): the service's name, whatever the class.
    name = LedgerService.name

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
        """Open a station's ledger on a store, creating the store when it is missing.

        Args:
            store: where the events are: a SQLite file path (``"station.db"``, the default),
                ``"sqlite:///path"``, a PostgreSQL URL (``"postgresql://user@host/db"``,
                ``?schema=NAME`` to pick a schema; needs the ``postgres`` extra),
                ``"memory:"`` for a ledger that lives only in this process, or a
                ``StoreSettings`` (``parse_store``), whose own ``create`` and cipher key
                then apply instead of these arguments.
            create: create a missing SQLite file; with ``False`` a missing file is an
                error (``StoreError``) rather than a new, empty store.
            cipher_key: the store's cipher key (a key file's text, ``sgz-ledger keygen
                cipher``): events and personal data are encrypted at rest with it
                (eventsourcing's AES cipher). ``""``: the store is kept in clear.
            chain_key: key the hash chain (HMAC-SHA-256) with this secret; every writer of
                the store must then give it, and ``verify`` needs it (docs/audit.md).
            read_only: open an existing store for reading only (reports, ``verify``,
                ``audit``, a write-protected copy): nothing is created or written, not even
                the views (when the store's views are not up to date they are folded in
                memory), and every command is refused with ``ReadOnlyStore``.
            clock: returns the recording timestamp of each event (aware, UTC); give a fixed
                one in tests. Business dates are each command's ``occurred_on``, never this.

        Raises:
            StoreError: the store cannot be opened as asked (never a silent fallback to
                another store).
            CipherKeyError: the store is encrypted and no key, or another key, was given;
                or a key was given for a store kept in clear; or the key is malformed.
                Checked before anything is read or written.
        """
        super().__init__(
            store,
            create=create,
            cipher_key=cipher_key,
            chain_key=chain_key,
            read_only=read_only,
            clock=clock,
        )

    @validated_query
    def balances(
        self,
        *,
        fund_id: str | None = None,
        station_id: str | None = None,
        as_of: dt.date | None = None,
        position: int | None = None,
        unit_id: str | None = None,
        level: LevelCode | None = None,
    ) -> list[FundBalance]:
        """Fund balances from the persisted fund views, brought up to date with the log first.

        With ``as_of`` (a business date: the end of that day) or ``position`` (a log
        position), the cash balances at that point: a checkpoint of the views and the few
        events after it, read from the log. With ``unit_id``, the funds of that unit and
        every unit under it (on ``as_of``, else now); ``level`` checks the unit's level.
        """
        fund_id = canonical_query(fund_id, "fund_id")
        station_id = canonical_query(station_id, "station_id")
        self.require_station(station_id)
        stations = self._level_scope(station_id, unit_id, level, as_of)
        with self._lock:
            self.catch_up_views()
            # One read transaction for all the queries of the answer: one moment of the
            # views, and no BEGIN/ROLLBACK per query.
            with self.view_store.snapshot():
                if as_of is None and position is None:
                    found = balance_queries.balances(
                        self.view_store,
                        fund_id=fund_id,
                        station_id=station_id,
                        station_ids=stations,
                    )
                else:
                    # Single events from the log up to the views' position: one moment of
                    # both.
                    upto = self.view_store.position(self.fund_views.name)
                    found = balance_queries.balances_as_of(
                        self.view_store,
                        day=as_of,
                        position=position,
                        fund_id=fund_id,
                        station_id=station_id,
                        station_ids=stations,
                        events_after=balance_queries.fund_log_reader(self.log_reader, upto),
                    )
                # The views are caught up: a fund they do not have was never opened.
                if (
                    not found
                    and fund_id is not None
                    and not balance_queries.has_fund(self.view_store, fund_id)
                ):
                    raise NotFound("fund", fund_id)
                return found

    @validated_query
    def statement(
        self,
        fund_id: str,
        *,
        from_day: dt.date | None = None,
        to_day: dt.date | None = None,
    ) -> funds.Statement:
        """A fund's entries from ``from_day`` to ``to_day`` with a running cash balance.

        Raises:
            NotFound: no such fund.
            InvalidInput: ``to_day`` is before ``from_day``.
        """
        fund_id = canonical_field(fund_id, "fund_id")
        with self._lock:
            # The period's bounds and opening balance from the views, its entries from the
            # log up to the views' position: one moment of both.
            self.catch_up_views()
            with self.view_store.snapshot():
                position = self.view_store.position(self.fund_views.name)
                result = funds.statement(
                    self.view_store,
                    balance_queries.fund_log_reader(self.log_reader, position),
                    fund_id,
                    from_day,
                    to_day,
                    self.donor_names(),
                )
            return msgspec.structs.replace(result, anchor=self.anchor(position))

    @validated_query
    def donor_summary(
        self,
        *,
        fund_id: str | None = None,
        station_id: str | None = None,
        donor: str | None = None,
        unit_id: str | None = None,
        level: LevelCode | None = None,
    ) -> funds.DonorSummary:
        """Per donor: gifts, refunds, reversals, and how the purposes given to were used
        (``unit_id``: of the funds of that unit and every unit under it now).

        Raises:
            NotFound: ``fund_id`` names no fund.
        """
        fund_id = canonical_query(fund_id, "fund_id")
        station_id = canonical_query(station_id, "station_id")
        donor = canonical_query(donor, "donor", required=False)  # "": the anonymous gifts
        self.require_fund(fund_id)
        self.require_station(station_id)
        stations = self._level_scope(station_id, unit_id, level, None)
        with self._lock:
            position = self.catch_up_views()  # the views list the funds
            result = funds.donor_summary(
                self.view_store,
                self._fund_reader(position),
                fund_id=fund_id,
                station_id=station_id,
                donor=donor,
                donors=self.donor_names(),
                station_ids=stations,
            )
            return msgspec.structs.replace(result, anchor=self.anchor(position))

    @validated_query
    def disclosure(
        self, fund_id: str, *, from_day: dt.date, to_day: dt.date, goods: bool = False
    ) -> funds.Disclosure:
        """A fund's disclosure (信息公开) for ``from_day .. to_day``, rule 12; with ``goods``
        also the period's goods in units and value (``Disclosure.goods_units``, rule 57).

        Raises:
            NotFound: no such fund.
            InvalidInput: ``to_day`` is before ``from_day``.
        """
        fund_id = canonical_field(fund_id, "fund_id")
        with self._lock:
            position = self.log_position()
            result = funds.disclosure(
                self._fund_reader(position), fund_id, from_day, to_day, self.donor_names()
            )
            result = msgspec.structs.replace(result, anchor=self.anchor(position))
            listed = self._closed_period_corrections(
                (result.fund.station_id,), "disclosure", position
            )
            if listed:
                result = msgspec.structs.replace(result, closed_period_corrections=listed)
            if goods:
                lines = goods_lines(self._fund_reader(position)(fund_id), from_day, to_day)
                if lines:
                    result = msgspec.structs.replace(result, goods_units=tuple(lines))
            return result

    @validated_query
    def goods_register(
        self,
        *,
        fund_id: str | None = None,
        station_id: str | None = None,
        from_day: dt.date | None = None,
        to_day: dt.date | None = None,
        unit_id: str | None = None,
        level: LevelCode | None = None,
    ) -> GoodsRegister:
        """Goods in units (物资台账) per fund, purpose, item and unit, for a period or all time
        (``unit_id``: of that unit and every unit under it on ``to_day``, else now).

        Raises:
            NotFound: ``fund_id`` or ``station_id`` names none.
            LevelRefused: ``unit_id`` is not a unit (of ``level``).
            InvalidInput: ``to_day`` is before ``from_day``.
        """
        fund_id = canonical_query(fund_id, "fund_id")
        station_id = canonical_query(station_id, "station_id")
        self.require_fund(fund_id)
        self.require_station(station_id)
        stations = self._level_scope(station_id, unit_id, level, to_day)
        with self._lock:
            position = self.catch_up_views()  # the views list the funds
            result = goods_register(
                self.view_store,
                self._fund_reader(position),
                fund_id=fund_id,
                station_id=station_id,
                from_day=from_day,
                to_day=to_day,
                station_ids=stations,
            )
            return self._labelled(result, stations)

    @validated_query
    def annual_report(
        self,
        year: int,
        *,
        station_id: str | None = None,
        goods: bool = False,
        unit_id: str | None = None,
        level: LevelCode | None = None,
    ) -> AnnualReport:
        """The year's volunteer and fund figures of a station (every station without one).

        With ``goods``, also the goods register of the year in units (``AnnualReport.goods``).
        With ``unit_id``, the figures of that unit of the register of levels and of every
        unit under it on 31 December of the year (``level`` checks the unit's level).

        Raises:
            InvalidInput: ``year`` is not a year.
            LevelRefused: ``unit_id`` is not a unit (of ``level``).
        """
        station_id = canonical_query(station_id, "station_id")
        self.require_station(station_id)
        if not dt.MINYEAR <= year <= dt.MAXYEAR:
            raise InvalidInput.on("year", "not_a_year", year=year)
        stations = self._level_scope(station_id, unit_id, level, dt.date(year, 12, 31))
        with self._lock:
            # The views caught up once, the fund reader bounded by the same position.
            position = self.catch_up_views()
            report = annual_report(
                self.view_store,
                self._fund_reader(position),
                self.volunteer_figures_view(),
                year,
                station_id=station_id,
                goods=goods,
                station_ids=stations,
                recognition=self.recognition_view(),
            )
            report = self._labelled(report, stations)
            report = msgspec.structs.replace(report, anchor=self.anchor(position))
            if stations is not None:
                covered = sorted(stations)
            elif station_id is None:
                self._catch_up(self._stations)
                covered = sorted(self._stations.stations)
            else:
                covered = [station_id]
            listed = self._closed_period_corrections(covered, "annual_report", position)
            if listed:
                report = msgspec.structs.replace(report, closed_period_corrections=listed)
            # The stations the sections below cover (every station's when ``None``).
            selected = stations
            if selected is None and station_id is not None:
                selected = frozenset({station_id})
            # The projects whose period meets the year, each with its figures to date;
            # unset when there is none, so a report without projects reads as it did. The
            # report's own anchor covers them, so they carry none of their own.
            reports = [
                msgspec.structs.replace(r, anchor=None)
                for r in self._project_reports(selected, position)
                if r.starts_on <= report.period_to and r.ends_on >= report.period_from
            ]
            if reports:
                report = msgspec.structs.replace(report, projects=tuple(reports))
            # Set only where service delivery was recorded: other reports keep their JSON.
            fold = self.delivery_view()
            if has_delivery(fold, selected):
                delivery = delivery_report(fold, report.period_from, report.period_to, selected)
                report = msgspec.structs.replace(report, service_delivery=delivery)
            return report

    @validated_query
    def explain_figure(
        self,
        year: int,
        figure: str,
        *,
        station_id: str | None = None,
        unit_id: str | None = None,
        level: LevelCode | None = None,
    ) -> Explanation:
        """The events behind one figure of ``annual_report`` (``reports.explain``): each
        contributing event's log position, type, date, aggregate and contribution, and
        their total, which equals the figure.

        ``figure`` is a ``section.figure`` name of the report's CSV rows
        (``reports.explain.figure_rows``), e.g. ``volunteers.person_times``.

        Raises:
            InvalidInput: ``year`` is not a year, or ``figure`` is not one that can be
                explained (the message names those that can).
            LevelRefused: ``unit_id`` is not a unit (of ``level``).
        """
        with self._lock:
            # With the goods in units: the CSV lists their lines, and their figures are
            # explained like any other (the other figures do not depend on it).
            report = self.annual_report(
                year, station_id=station_id, goods=True, unit_id=unit_id, level=level
            )
            # The report and the events read from the same position of the log.
            position = report.anchor.position if report.anchor is not None else 0
            return explain(
                report,
                figure,
                self.log_reader.events(upto=position),
                self._fund_reader(position),
            )

    # ---- projects ----------------------------------------------------------------------

    @validated_query
    def project(self, project_id: str) -> ProjectReport:
        """A project's budget against its spending per line, its income, its volunteer
        service and the people it served (``reports.projects``), as the log stands now.

        Raises:
            ProjectNotFound: no such project.
        """
        project_id = canonical_field(project_id, "project_id")
        with self._lock:
            position = self.catch_up_views()
            report = self._project_report(
                project_id, position, self._service_by_project(), self._served_by_project()
            )
            if report is None:
                raise ProjectNotFound(project_id)
            return report

    @validated_query
    def projects(self, *, station_ids: frozenset[str] | None = None) -> list[ProjectReport]:
        """Every project of the stations ``station_ids`` (every station's when ``None``),
        in the order opened, each as ``project`` reports it.

        Raises:
            NotFound: a station of ``station_ids`` the store does not know.
        """
        stations = None
        if station_ids is not None:
            stations = frozenset(canonical_field(s, "station_ids") for s in station_ids)
            for station in sorted(stations):
                self.require_station(station)
        with self._lock:
            return self._project_reports(stations, self.catch_up_views())

    def _project_reports(
        self, station_ids: frozenset[str] | None, position: int
    ) -> list[ProjectReport]:
        """The reports of the projects of ``station_ids`` (all when ``None``) at ``position``."""
        self._catch_up(self._stations)
        wanted = [
            project_id
            for project_id, station in self._stations.projects.items()
            if station_ids is None or station in station_ids
        ]
        if not wanted:
            return []
        service, served = self._service_by_project(), self._served_by_project()
        out = []
        for project_id in wanted:
            report = self._project_report(project_id, position, service, served)
            if report is not None:
                out.append(report)
        return out

    def _service_by_project(self) -> dict[str, list[ServiceRecordState]]:
        """The service records that name a project, by project (one pass over them all)."""
        by_project: dict[str, list[ServiceRecordState]] = {}
        for record in self.volunteer_figures_view().records.values():
            if record.recorded.project_id:
                by_project.setdefault(record.recorded.project_id, []).append(record)
        return by_project

    def _served_by_project(self) -> dict[str, tuple[int, int]]:
        """The people each project's services reached, ever: ``{project_id: (人次, 人)}``,
        from the records of service delivery that name it (``reports.delivery``)."""
        return delivery_by_project(self.delivery_view(), dt.date.min, dt.date.max)

    def _project_report(
        self,
        project_id: str,
        position: int,
        service: dict[str, list[ServiceRecordState]],
        served: dict[str, tuple[int, int]],
    ) -> ProjectReport | None:
        report = project_report(
            self.log_reader.aggregate(project_uuid(project_id), upto=position),
            self._fund_reader(position),
            service.get(project_id, ()),
            people_served=lambda pid: served.get(pid, (0, 0)),
        )
        if report is None:
            return None
        return msgspec.structs.replace(report, anchor=self.anchor(position))

    def delivery_view(self) -> DeliveryFold:
        """The in-memory service delivery fold, brought up to date with the log."""
        with self._lock:
            fold: DeliveryFold | None = getattr(self, "_delivery_fold", None)
            if fold is None:
                fold = self._delivery_fold = DeliveryFold()
            self._catch_up(fold)
            return fold

    def _delivery_stations(self, station_ids: frozenset[str] | None) -> frozenset[str] | None:
        if station_ids is None:
            return None
        named = frozenset(canonical_field(s, "station_ids") for s in station_ids)
        for station in named:
            self.require_station(station)
        return named

    @validated_query
    def delivery_report(
        self,
        *,
        date_from: dt.date,
        date_to: dt.date,
        station_ids: frozenset[str] | None = None,
    ) -> DeliveryReport:
        """Service delivery of ``date_from .. date_to`` (both included) at ``station_ids``
        (every station when ``None``): cases, groups, community activities, people served
        (人次 and distinct people), supervision and training (``reports.delivery``).

        Raises:
            InvalidInput: ``date_to`` is before ``date_from``.
            NotFound: a station the store has never heard of.
        """
        stations = self._delivery_stations(station_ids)
        with self._lock:
            return delivery_report(self.delivery_view(), date_from, date_to, stations)

    @validated_query
    def delivery_by_project(
        self,
        *,
        date_from: dt.date,
        date_to: dt.date,
        station_ids: frozenset[str] | None = None,
    ) -> dict[str, tuple[int, int]]:
        """Each project's people served in ``date_from .. date_to``: ``{project_id: (人次,
        distinct people)}`` (``""`` for work charged to no project).

        Raises:
            InvalidInput: ``date_to`` is before ``date_from``.
            NotFound: a station the store has never heard of.
        """
        stations = self._delivery_stations(station_ids)
        with self._lock:
            return delivery_by_project(self.delivery_view(), date_from, date_to, stations)

    def _closed_period_corrections(
        self, stations: Iterable[str], kind: ReportKind, position: int
    ) -> tuple[ClosedPeriodCorrection, ...]:
        """The stations' corrections into closed periods that no published report of
        ``kind`` listed yet (更正说明, rule 34), from the log up to ``position``."""
        listed: list[ClosedPeriodCorrection] = []
        for station in stations:
            events = self.log_reader.aggregate(periods_uuid(station), upto=position)
            listed += pending_corrections(events, kind)
        return tuple(sorted(listed, key=lambda c: c.position))

    @validated_query
    def volunteer_accounts(
        self,
        *,
        station_id: str | None = None,
        date_from: dt.date | None = None,
        date_to: dt.date | None = None,
        unit_id: str | None = None,
        level: LevelCode | None = None,
    ) -> list[VolunteerAccount]:
        """Each volunteer's 人次, service hours and time-bank balance (the log up to now).

        Service counts approved, unvoided ``volunteer_service`` records whose service date
        is in ``date_from .. date_to`` (both optional, inclusive); the time-bank balance is
        always the balance now. ``teams`` are the teams the volunteer is a member of on
        ``date_to`` (else today), of the team register and by the volunteer's own record.
        An in-memory view, brought up to date with the log first. With ``unit_id``, the
        volunteers of that unit and every unit under it on ``date_to`` (else now).

        Raises:
            InvalidInput: ``date_to`` is before ``date_from``.
            LevelRefused: ``unit_id`` is not a unit (of ``level``).
        """
        InvalidInput.check_period(date_from, date_to, field="date_to")
        station_id = canonical_query(station_id, "station_id")
        self.require_station(station_id)
        stations = self._level_scope(station_id, unit_id, level, date_to)
        on = date_to or station_today(self._clock())
        with self._lock:
            # The teams of the team register (志愿服务队名册, ``form_team``) each volunteer
            # belongs to on ``on``, beside the names a volunteer's own record joined.
            registered_teams: dict[str, list[str]] = {}
            for team in self.recognition_view().teams.values():
                for volunteer_id in team.members_on(on):
                    registered_teams.setdefault(volunteer_id, []).append(team.formed.name)
            return volunteers.accounts(
                self.volunteer_accounts_view(),
                station_id=station_id,
                date_from=date_from,
                date_to=date_to,
                station_ids=stations,
                registered_teams=registered_teams,
            )

    @validated_query
    def volunteer_stats(
        self,
        period: Period,
        *,
        station_id: str | None = None,
        unit_id: str | None = None,
        level: LevelCode | None = None,
    ) -> VolunteerStats:
        """Volunteer figures for a period (次数, 人次, volunteers, hours).

        The figures view is brought up to date with the log first. With ``unit_id``, the
        figures of that unit and every unit under it on the period's last day.

        Raises:
            NotFound: no station of that code.
            LevelRefused: ``unit_id`` is not a unit (of ``level``).
        """
        station_id = canonical_query(station_id, "station_id")
        self.require_station(station_id)
        stations = self._level_scope(station_id, unit_id, level, period.date_to)
        with self._lock:
            result = volunteers.stats(
                self.volunteer_figures_view(), period, station_id=station_id, station_ids=stations
            )
            return self._labelled(result, stations)

    # ---- levels ---------------------------------------------------------------------------

    def level_register(self, *, position: int | None = None) -> LevelRegister | None:
        """The store's register of levels as the log holds it (up to ``position``), or
        ``None`` when no unit was ever registered."""
        events = self.log_reader.aggregate(LEVELS_UUID, upto=position)
        if not events:
            return None
        register = LevelRegister(LEVELS_UUID)
        for _, event in events:
            register.apply(event)
        return register

    @validated_query
    def units_under(self, unit_id: str, *, on: dt.date | None = None) -> frozenset[str]:
        """``unit_id`` and the codes of every unit under it on ``on`` (``None``: now): the
        station codes a report of that unit covers. In a store without a register of
        levels, or for a code it does not hold, the code itself alone."""
        unit_id = canonical_field(unit_id, "unit_id")
        register = self.level_register()
        if register is None:
            return frozenset((unit_id,))
        return register.units_under(unit_id, on=on)

    @validated_query
    def stations_of(
        self, unit_id: str, *, level: LevelCode | None = None, on: dt.date | None = None
    ) -> frozenset[str]:
        """The station codes a query of ``unit_id`` (a ``level``, when given) covers on
        ``on`` (``None``: today's tree), for the queries that take ``station_ids``
        (``delivery_report``, ``recognition``, ``star_counts``, ``projects``): where the
        store keeps a register of levels, the unit and every unit under it that day; where
        it keeps none, the code itself. The annual report resolves a unit the same way.

        Raises:
            LevelRefused: the register does not hold ``unit_id`` at the ``level`` asked
                (``unknown_unit``) or holds it at another level (``wrong_level``).
            NotFound: where the store keeps no register (or the unit is not in it and no
                level was asked), no record names ``unit_id``.
        """
        return frozenset(self._level_scope(None, unit_id, level, on) or ())

    def _level_scope(
        self,
        station_id: str | None,
        unit_id: str | None,
        level: LevelCode | None,
        on: dt.date | None,
    ) -> frozenset[str] | None:
        """The station codes a query by ``unit_id`` covers (``None``: not asked by unit).

        Raises:
            InvalidInput: ``unit_id`` with ``station_id``, or ``level`` without ``unit_id``.
            LevelRefused: where the store keeps a register of levels, ``unit_id`` is not
                in it (asked at a ``level``: ``unknown_unit``) or at another level
                (``wrong_level``).
            NotFound: where the store keeps none (or the unit is not in it and no level
                was asked), no record names ``unit_id``.
        """
        if unit_id is None:
            if level is not None:
                raise InvalidInput.on("level", "level_without_unit")
            return None
        if station_id is not None:
            raise InvalidInput.on("unit_id", "station_or_unit")
        unit_id = canonical_field(unit_id, "unit_id")
        register = self.level_register()
        unit = None if register is None else register.units.get(unit_id)
        if register is None or unit is None:
            if register is not None and level is not None:
                raise LevelRefused("unknown_unit", unit_id)
            self.require_station(unit_id)
            return _Scope((unit_id,), unit_id=unit_id, level=level or "station")
        if level is not None and unit.level != level:
            raise LevelRefused(
                "wrong_level", unit_id, name=unit.name, unit_level=unit.level, level=level
            )
        return _Scope(register.units_under(unit_id, on=on), unit_id=unit_id, level=unit.level)

    @staticmethod
    def _labelled(result: _Scoped, stations: frozenset[str] | None) -> _Scoped:
        """``result`` naming the unit it was asked for and its level, when asked by unit."""
        if not isinstance(stations, _Scope):
            return result
        return msgspec.structs.replace(result, unit_id=stations.unit_id, level=stations.level)

    @validated_query
    def volunteer_star(self, volunteer_id: str, *, on: dt.date) -> VolunteerStar:
        """A volunteer's star level (星级志愿者) on ``on``: computed from their counted
        service hours with a service date on or before it and their station's thresholds
        (rule 51), never stored.

        Raises:
            NotFound: no such volunteer.
        """
        volunteer_id = canonical_field(volunteer_id, "volunteer_id")
        with self._lock:
            return recognition.volunteer_star(
                self.volunteer_figures_view(), self.recognition_view(), volunteer_id, on
            )

    @validated_query
    def star_counts(self, *, on: dt.date, station_ids: frozenset[str] | None = None) -> StarCounts:
        """How many volunteers (registered, not deactivated on ``on``) hold each star level
        on ``on`` at ``station_ids`` (``None``: every station)."""
        with self._lock:
            return recognition.star_counts(
                self.volunteer_figures_view(), self.recognition_view(), on, station_ids=station_ids
            )

    @validated_query
    def recognition(
        self,
        *,
        period_from: dt.date,
        period_to: dt.date,
        station_ids: frozenset[str] | None = None,
    ) -> RecognitionReport:
        """Teams, star levels, awards and evaluations of a period at ``station_ids``
        (``None``: every station), ``reports.recognition``'s definitions.

        Raises:
            InvalidInput: the period ends before it starts.
        """
        with self._lock:
            return recognition.recognition_report(
                self.volunteer_figures_view(),
                self.recognition_view(),
                period_from,
                period_to,
                station_ids=station_ids,
            )

    def certificate(
        self, certificate_no: str, volunteer_id: str, *, disclose_name: bool = True
    ) -> Certificate:
        """The certificate ``certificate_no`` of volunteer ``volunteer_id``, as issued
        (``sgz_ledger.render.certificates`` lays it out as text, JSON or a page).

        Args:
            disclose_name: print the full name if the volunteer consents (now; a withdrawn
                consent is honoured); ``False`` masks it in any case.

        Raises:
            NotFound: no such volunteer, or they hold no such certificate.
            SealError: the name is to be printed and the ledger cannot open personal data.
        """
        return rebuild_certificate(
            self.log_reader, self.sealer, certificate_no, volunteer_id, disclose_name=disclose_name
        )

    def certificate_holders(self, certificate_no: str) -> tuple[str, ...]:
        """The volunteers (their codes) holding certificate ``certificate_no``: one, or none
        for a number never issued (numbers are unique in a store since they are verified by)."""
        return certificate_holders(self.log_reader, certificate_no)

    def certificate_payload(
        self,
        certificate_no: str,
        volunteer_id: str,
        *,
        signing_key: str,
        disclose_name: bool = True,
    ) -> str:
        """The payload of certificate ``certificate_no``'s QR code, signed with the station's
        Ed25519 private key (PEM text, ``sgz-ledger keygen signing``; never kept in the store),
        so that anyone with the station's public key can check it without the store
        (``sgz_ledger.verify_certificate_payload``). The name in it is the one the
        certificate prints (``disclose_name`` as for ``certificate``).

        Raises:
            NotFound: no such volunteer, or they hold no such certificate.
            InvalidInput: ``signing_key`` is not an Ed25519 private key.
            RuleViolation: the certificate was revoked.
        """
        cert = self.certificate(certificate_no, volunteer_id, disclose_name=disclose_name)
        return sign_certificate(cert, signing_key)

    def verify_certificate(self, certificate_no: str, code: str) -> Verification:
        """Check a certificate from its number and the code printed on it: valid, revoked,
        changed since issue (naming the records), wrong code, or unknown number."""
        return check_certificate(self.log_reader, self.sealer, certificate_no, code)
