"""The ``Ledger``: what an embedder, the sheets and the command line use.

A thin facade over the service (``service.app.LedgerService``: opening the store, the
commands and their unit of work, the views, the log) with the queries whose answers the
reports make (``reports``): balances, statements, disclosures, donor summaries, the annual
report, volunteer accounts and figures, certificates. Each query brings the views it
needs up to date once and passes them, with a reader of the log bounded by the same
position, to the report. It sits above both, so that the reports stand on the service
and never on the facade (docs/design.md, "One-way flow").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import msgspec

from sgz_ledger.audit.certificate_signature import sign_certificate
from sgz_ledger.domain.errors import InvalidInput, NotFound
from sgz_ledger.domain.events import ReportKind
from sgz_ledger.domain.periods import periods_uuid
from sgz_ledger.domain.text import canonical_field, canonical_query
from sgz_ledger.reports import balances as balance_queries
from sgz_ledger.reports import funds, volunteers
from sgz_ledger.reports.annual import AnnualReport, annual_report
from sgz_ledger.reports.balances import FundBalance
from sgz_ledger.reports.certificates import Certificate, Verification
from sgz_ledger.reports.certificates import certificate as rebuild_certificate
from sgz_ledger.reports.certificates import verify_certificate as check_certificate
from sgz_ledger.reports.goods import GoodsRegister, goods_lines, goods_register
from sgz_ledger.reports.periods import ClosedPeriodCorrection, pending_corrections
from sgz_ledger.reports.volunteers import Period, VolunteerAccount, VolunteerStats
from sgz_ledger.service.app import LedgerService
from sgz_ledger.service.certificate_numbers import certificate_holders
from sgz_ledger.service.commands import validated_query

__all__ = ["Ledger"]


class Ledger(LedgerService):
    """A station's ledger over one store (in memory, a SQLite file, or PostgreSQL).

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

    # eventsourcing names a subclass after itself, and PostgreSQL's table names derive from
    # the name ("sgzledger_events"): the service's name, whatever the class.
    name = LedgerService.name

    @validated_query
    def balances(
        self,
        *,
        fund_id: str | None = None,
        station_id: str | None = None,
        as_of: dt.date | None = None,
        position: int | None = None,
    ) -> list[FundBalance]:
        """Fund balances from the persisted fund views, brought up to date with the log first.

        With ``as_of`` (a business date: the end of that day) or ``position`` (a log
        position), the cash balances at that point: a checkpoint of the views and the few
        events after it, read from the log.
        """
        fund_id = canonical_query(fund_id, "fund_id")
        station_id = canonical_query(station_id, "station_id")
        self.require_station(station_id)
        with self._lock:
            self.catch_up_views()
            # One read transaction for all the queries of the answer: one moment of the
            # views, and no BEGIN/ROLLBACK per query.
            with self.view_store.snapshot():
                if as_of is None and position is None:
                    found = balance_queries.balances(
                        self.view_store, fund_id=fund_id, station_id=station_id
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
    ) -> funds.DonorSummary:
        """Per donor: gifts, refunds, reversals, and how the purposes given to were used.

        Raises:
            NotFound: ``fund_id`` names no fund.
        """
        fund_id = canonical_query(fund_id, "fund_id")
        station_id = canonical_query(station_id, "station_id")
        donor = canonical_query(donor, "donor", required=False)  # "": the anonymous gifts
        self.require_fund(fund_id)
        self.require_station(station_id)
        with self._lock:
            position = self.catch_up_views()  # the views list the funds
            result = funds.donor_summary(
                self.view_store,
                self._fund_reader(position),
                fund_id=fund_id,
                station_id=station_id,
                donor=donor,
                donors=self.donor_names(),
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
    ) -> GoodsRegister:
        """Goods in units (物资台账) per fund, purpose, item and unit, for a period or all time.

        Raises:
            NotFound: ``fund_id`` or ``station_id`` names none.
            InvalidInput: ``to_day`` is before ``from_day``.
        """
        fund_id = canonical_query(fund_id, "fund_id")
        station_id = canonical_query(station_id, "station_id")
        self.require_fund(fund_id)
        self.require_station(station_id)
        with self._lock:
            position = self.catch_up_views()  # the views list the funds
            return goods_register(
                self.view_store,
                self._fund_reader(position),
                fund_id=fund_id,
                station_id=station_id,
                from_day=from_day,
                to_day=to_day,
            )

    @validated_query
    def annual_report(
        self, year: int, *, station_id: str | None = None, goods: bool = False
    ) -> AnnualReport:
        """The year's volunteer and fund figures of a station (every station without one).

        With ``goods``, also the goods register of the year in units (``AnnualReport.goods``).

        Raises:
            InvalidInput: ``year`` is not a year.
        """
        station_id = canonical_query(station_id, "station_id")
        self.require_station(station_id)
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
            )
            report = msgspec.structs.replace(report, anchor=self.anchor(position))
            if station_id is None:
                self._catch_up(self._stations)
            stations = sorted(self._stations.stations) if station_id is None else [station_id]
            listed = self._closed_period_corrections(stations, "annual_report", position)
            if listed:
                report = msgspec.structs.replace(report, closed_period_corrections=listed)
            return report

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
    ) -> list[VolunteerAccount]:
        """Each volunteer's 人次, service hours and time-bank balance (the log up to now).

        Service counts approved, unvoided ``volunteer_service`` records whose service date
        is in ``date_from .. date_to`` (both optional, inclusive); the time-bank balance is
        always the balance now. An in-memory view, brought up to date with the log first.

        Raises:
            InvalidInput: ``date_to`` is before ``date_from``.
        """
        InvalidInput.check_period(date_from, date_to, field="date_to")
        station_id = canonical_query(station_id, "station_id")
        self.require_station(station_id)
        with self._lock:
            return volunteers.accounts(
                self.volunteer_accounts_view(),
                station_id=station_id,
                date_from=date_from,
                date_to=date_to,
            )

    @validated_query
    def volunteer_stats(self, period: Period, *, station_id: str | None = None) -> VolunteerStats:
        """Volunteer figures for a period (次数, 人次, volunteers, hours).

        The figures view is brought up to date with the log first.

        Raises:
            NotFound: no station of that code.
        """
        station_id = canonical_query(station_id, "station_id")
        self.require_station(station_id)
        with self._lock:
            return volunteers.stats(self.volunteer_figures_view(), period, station_id=station_id)

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
