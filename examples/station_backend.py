"""A station's web back end: the small service its web pages call, over one ledger.

``StationBackend`` has one method per endpoint of a station's web application. Each takes
what the web framework hands over (the signed-in user, the path's codes, the request's JSON
body already parsed) and returns a ``Reply``: an HTTP status and a JSON-ready body. So a
Flask, Django or FastAPI view is one line, e.g. for ``POST /funds/<fund_id>/gifts``::

    reply = backend.record_gift(user=current_user.name, fund_id=fund_id, body=request.json)
    return reply.body, reply.status

It records (funds, gifts in cash and in goods, a disbursement from request through
approval and 公示 to payment, volunteers, activities and their service) and answers
(balances, a fund statement, volunteer hours, the annual report). The actor of every entry
is the signed-in user, never a field of the body. A refused request records nothing and
gets the ledger's reason: 400 for bad input (a float amount), 404 for an unknown code, 409
for a key reused with other fields, 422 for a rule (a requester approving their own
request). A request sent again (a retry after a lost connection) records nothing and
returns the first entry, with 200 instead of 201.

``main`` plays a front end's requests of a spring at 崔寨街道社工站 and prints what each got.

Run: .venv/bin/python examples/station_backend.py [--store station.db] [--cipher-key-file KEY]
(without --store: a SQLite file in a temporary directory, removed afterwards).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import warnings
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, NamedTuple

import msgspec

from sgz_ledger import (
    AccessRefused,
    ConcurrencyConflict,
    IdempotencyConflict,
    InvalidInput,
    Ledger,
    LedgerError,
    LedgerEvent,
    NotFound,
    PersonalDataInClearWarning,
    StoreError,
    format_yuan,
)

STATION = "cuizhai"
YEAR = 2024

# Fields of a JSON body that are dates or times, sent as ISO text.
_DATES = frozenset(
    {"occurred_on", "notice_from", "notice_to", "registered_on", "service_date", "ends_on"}
)
_TIMES = frozenset({"starts_at", "ends_at", "started_at", "ended_at"})


class Reply(NamedTuple):
    """What an endpoint answers: an HTTP status and a JSON-ready body."""

    status: int
    body: dict[str, Any]


def _status(error: LedgerError) -> int:
    """The HTTP status of a refusal, from the kind of error the ledger raised."""
    if isinstance(error, InvalidInput):
        return 400
    if isinstance(error, AccessRefused):
        return 403
    if isinstance(error, NotFound):
        return 404
    if isinstance(error, IdempotencyConflict | ConcurrencyConflict):
        return 409
    if isinstance(error, StoreError):
        return 503
    return 422  # a rule of the ledger refused it


def _refused(error: LedgerError) -> Reply:
    return Reply(_status(error), {"error": error.reason, "message": str(error)})


def _from_json(body: Mapping[str, Any], given: Mapping[str, str]) -> dict[str, Any]:
    """The body's fields as the ledger's arguments: dates and times from ISO text.

    Raises:
        InvalidInput: a date or time that is not one, or a field the path or the sign-in
            gives (``given``).
    """
    fields: dict[str, Any] = {}
    problems: list[tuple[str, str]] = []
    for name, value in body.items():
        if name in given:
            problems.append((name, "comes from the URL or the signed-in user, not the body"))
        elif name in _DATES and isinstance(value, str):
            try:
                fields[name] = dt.date.fromisoformat(value)
            except ValueError:
                problems.append((name, f"{value!r} is not a date (YYYY-MM-DD)"))
        elif name in _TIMES and isinstance(value, str):
            try:
                fields[name] = dt.datetime.fromisoformat(value)
            except ValueError:
                problems.append((name, f"{value!r} is not a time (YYYY-MM-DDTHH:MM+08:00)"))
        else:
            fields[name] = value
    if problems:
        raise InvalidInput(problems)
    return fields


def _day(query: Mapping[str, str], name: str) -> dt.date | None:
    """A date of the query string (``None`` when not given).

    Raises:
        InvalidInput: not a date.
    """
    value = query.get(name)
    try:
        return None if value is None else dt.date.fromisoformat(value)
    except ValueError:
        raise InvalidInput([(name, f"{value!r} is not a date (YYYY-MM-DD)")]) from None


def _event_json(event: LedgerEvent) -> dict[str, Any]:
    """An event as the reply's body: its type and business fields (sealed personal data left
    out: it is bytes no web page can read)."""
    fields = msgspec.to_builtins(event, builtin_types=(bytes,))
    return {
        name: value
        for name, value in fields.items()
        if name not in ("originator_id", "originator_version") and not isinstance(value, bytes)
    }


class StationBackend:
    """The endpoints of one station's web application, over one ledger.

    Every recording method takes the signed-in ``user`` (the entry's actor), the codes of
    the path, and the request's JSON ``body``; every query takes the path's codes and the
    query string's values. The ledger is thread-safe: one backend serves every request.
    """

    def __init__(self, ledger: Ledger, station_id: str) -> None:
        self.ledger = ledger
        self.station_id = station_id

    def _record(
        self,
        method: Callable[..., LedgerEvent],
        user: str,
        body: Mapping[str, Any],
        **given: str,
    ) -> Reply:
        """Run one command; 201 with the event, 200 with the first one for a repeat."""
        given = {**given, "actor": user}
        started = dt.datetime.now(dt.UTC)
        try:
            event = method(**_from_json(body, given), **given)
        except LedgerError as error:
            return _refused(error)
        # A command repeated exactly returns the event recorded the first time, earlier.
        return Reply(200 if event.timestamp < started else 201, _event_json(event))

    # ---- funds ---------------------------------------------------------------------------

    def open_fund(self, *, user: str, body: Mapping[str, Any]) -> Reply:
        """``POST /funds``: set up a community fund of this station."""
        return self._record(self.ledger.open_fund, user, body, station_id=self.station_id)

    def record_gift(self, *, user: str, fund_id: str, body: Mapping[str, Any]) -> Reply:
        """``POST /funds/<fund_id>/gifts``: a gift in cash, or in goods (``"kind": "goods"``
        with ``items``)."""
        fields = dict(body)
        kind = fields.pop("kind", "cash")
        if kind not in ("cash", "goods"):
            return _refused(InvalidInput([("kind", f"{kind!r} is neither 'cash' nor 'goods'")]))
        method = self.ledger.receive_goods if kind == "goods" else self.ledger.receive_cash
        return self._record(method, user, fields, fund_id=fund_id)

    def request_disbursement(self, *, user: str, fund_id: str, body: Mapping[str, Any]) -> Reply:
        """``POST /funds/<fund_id>/requests``: ask to spend; the requester is the user."""
        return self._record(self.ledger.request_disbursement, user, body, fund_id=fund_id)

    def approve_disbursement(
        self, *, user: str, fund_id: str, request_id: str, body: Mapping[str, Any]
    ) -> Reply:
        """``POST /funds/<fund_id>/requests/<request_id>/approvals``: the user approves."""
        return self._record(
            self.ledger.approve_disbursement, user, body, fund_id=fund_id, request_id=request_id
        )

    def publicize_disbursement(
        self, *, user: str, fund_id: str, request_id: str, body: Mapping[str, Any]
    ) -> Reply:
        """``POST /funds/<fund_id>/requests/<request_id>/notice``: the 公示 of an approval."""
        return self._record(
            self.ledger.publicize_disbursement, user, body, fund_id=fund_id, request_id=request_id
        )

    def pay_disbursement(
        self, *, user: str, fund_id: str, request_id: str, body: Mapping[str, Any]
    ) -> Reply:
        """``POST /funds/<fund_id>/requests/<request_id>/payment``: the cashier pays."""
        return self._record(
            self.ledger.pay_disbursement, user, body, fund_id=fund_id, request_id=request_id
        )

    # ---- volunteers ----------------------------------------------------------------------

    def register_volunteer(self, *, user: str, body: Mapping[str, Any]) -> Reply:
        """``POST /volunteers``: a volunteer of this station (personal data sealed)."""
        return self._record(self.ledger.register_volunteer, user, body, station_id=self.station_id)

    def publish_activity(self, *, user: str, body: Mapping[str, Any]) -> Reply:
        """``POST /activities``: an activity volunteers serve in."""
        return self._record(self.ledger.publish_activity, user, body, station_id=self.station_id)

    def record_service(self, *, user: str, volunteer_id: str, body: Mapping[str, Any]) -> Reply:
        """``POST /volunteers/<volunteer_id>/service``: a service record (the user recorded it)."""
        return self._record(self.ledger.record_service, user, body, volunteer_id=volunteer_id)

    def approve_service(
        self, *, user: str, volunteer_id: str, record_id: str, body: Mapping[str, Any]
    ) -> Reply:
        """``POST /volunteers/<volunteer_id>/service/<record_id>/approval``: it counts from now."""
        return self._record(
            self.ledger.approve_service, user, body, volunteer_id=volunteer_id, record_id=record_id
        )

    # ---- queries -------------------------------------------------------------------------

    def _query(self, answer: Callable[[], object]) -> Reply:
        try:
            found = answer()
        except LedgerError as error:
            return _refused(error)
        body = msgspec.to_builtins(found)
        if not isinstance(body, dict):
            return Reply(200, {"items": body})
        anchor = getattr(found, "anchor", None)
        if anchor is not None:
            body["anchor"] = str(anchor)  # as printed on reports: sha256:POSITION:DIGEST
        return Reply(200, body)

    def balances(self) -> Reply:
        """``GET /funds``: every fund of the station, per restriction, in fen."""
        return self._query(lambda: self.ledger.balances(station_id=self.station_id))

    def fund_statement(self, *, fund_id: str, query: Mapping[str, str]) -> Reply:
        """``GET /funds/<fund_id>/statement?from=YYYY-MM-DD&to=YYYY-MM-DD``."""
        return self._query(
            lambda: self.ledger.statement(
                fund_id, from_day=_day(query, "from"), to_day=_day(query, "to")
            )
        )

    def volunteer_hours(self, *, query: Mapping[str, str]) -> Reply:
        """``GET /volunteers/hours?from=&to=``: each volunteer's 人次 and counted hours."""
        return self._query(
            lambda: self.ledger.volunteer_accounts(
                station_id=self.station_id, date_from=_day(query, "from"), date_to=_day(query, "to")
            )
        )

    def annual_report(self, *, year: int) -> Reply:
        """``GET /reports/<year>``: the annual report's figures, with its anchor."""
        return self._query(lambda: self.ledger.annual_report(year, station_id=self.station_id))


# ---- a front end's requests -------------------------------------------------------------------


def _show(request: str, reply: Reply) -> Reply:
    """Print one request and what it got, as a person reads it."""
    body = reply.body
    if "error" in body:
        what = f"{body['error']}: {body['message']}"
    else:
        key = next(
            (
                body[k]
                for k in ("receipt_no", "request_id", "record_id", "volunteer_id", "activity_id")
                if k in body
            ),
            body.get("fund_id", ""),
        )
        what = f"{body['type']} {key}".rstrip()
        if reply.status == 200:
            what += " (already recorded: nothing new)"
    print(f"  {request:<64} {reply.status}  {what}")
    return reply


def _spring(backend: StationBackend) -> None:
    """A front end's requests: a fund, gifts, one spending from request to payment, and the
    volunteers' service, with the refusals a station meets."""
    fund = "cz-village"
    print("Requests (path, status, what was recorded or why not):")
    _show("POST /funds", backend.open_fund(user="王芳", body={
        "fund_id": fund, "community": "崔寨村", "name": "崔寨村社区基金",
        "host": "济南市慈善总会", "approval_threshold": "5000", "occurred_on": "2024-03-01",
    }))  # fmt: skip
    gift = {
        "receipt_no": "JZ-2024-001", "amount": "12000.00", "donor": "济南鑫盛物流有限公司",
        "restriction": "助学", "occurred_on": "2024-03-01",
    }  # fmt: skip
    _show(f"POST /funds/{fund}/gifts", backend.record_gift(user="王芳", fund_id=fund, body=gift))
    _show(f"POST /funds/{fund}/gifts (retried)", backend.record_gift(
        user="王芳", fund_id=fund, body=gift))  # fmt: skip
    _show(f"POST /funds/{fund}/gifts", backend.record_gift(user="王芳", fund_id=fund, body={
        "receipt_no": "JZ-2024-002", "amount": "3000.50", "occurred_on": "2024-03-04",
    }))  # fmt: skip
    float_gift = {"receipt_no": "JZ-2024-003", "amount": 200.1, "occurred_on": "2024-03-04"}
    _show(f"POST /funds/{fund}/gifts (a float)", backend.record_gift(
        user="王芳", fund_id=fund, body=float_gift))  # fmt: skip
    _show(f"POST /funds/{fund}/gifts (goods)", backend.record_gift(user="王芳", fund_id=fund, body={
        "kind": "goods", "receipt_no": "JZ-2024-004", "donor": "崔寨供销社",
        "items": [{"item": "大米", "quantity": 20, "unit": "袋", "value": "1000",
                   "basis": "document"}],
        "occurred_on": "2024-03-05",
    }))  # fmt: skip

    request = "SQ-2024-01"
    base = f"/funds/{fund}/requests"
    _show(f"POST {base}", backend.request_disbursement(user="李强", fund_id=fund, body={
        "request_id": request, "amount": "3000", "purpose": "困境儿童春季学习用品",
        "restriction": "助学", "payee": "崔寨文具店", "occurred_on": "2024-03-06",
    }))  # fmt: skip
    approval = {"occurred_on": "2024-03-07"}
    _show(f"POST {base}/{request}/approvals (requester)", backend.approve_disbursement(
        user="李强", fund_id=fund, request_id=request, body=approval))  # fmt: skip
    _show(f"POST {base}/{request}/approvals", backend.approve_disbursement(
        user="管委会-张敏", fund_id=fund, request_id=request, body=approval))  # fmt: skip
    _show(f"POST {base}/{request}/payment (before notice)", backend.pay_disbursement(
        user="周敏", fund_id=fund, request_id=request,
        body={"voucher_no": "PZ-2024-031", "occurred_on": "2024-03-08"}))  # fmt: skip
    _show(f"POST {base}/{request}/notice", backend.publicize_disbursement(
        user="王芳", fund_id=fund, request_id=request, body={
            "notice_ref": "公示-2024-03", "notice_from": "2024-03-08",
            "notice_to": "2024-03-12", "occurred_on": "2024-03-08"}))  # fmt: skip
    _show(f"POST {base}/{request}/payment", backend.pay_disbursement(
        user="周敏", fund_id=fund, request_id=request,
        body={"voucher_no": "PZ-2024-031", "occurred_on": "2024-03-13"}))  # fmt: skip

    for volunteer, name in (("V-0001", "张丽"), ("V-0002", "崔建华")):
        _show("POST /volunteers", backend.register_volunteer(user="王芳", body={
            "volunteer_id": volunteer, "name": name, "registered_on": "2024-02-20",
            "consent": True, "occurred_on": "2024-02-20",
        }))  # fmt: skip
    _show("POST /activities", backend.publish_activity(user="王芳", body={
        "activity_id": "A-0302", "name": "敬老院探访", "community": "崔寨村",
        "place": "崔寨敬老院", "organizer": "崔寨街道社工站", "leader": "刘军",
        "starts_at": "2024-03-02T09:00:00+08:00", "ends_at": "2024-03-02T12:00:00+08:00",
        "occurred_on": "2024-03-01",
    }))  # fmt: skip
    service = (("V-0001", "R-0001", "11:30"), ("V-0002", "R-0002", "12:00"))
    for volunteer, record, end in service:
        _show(f"POST /volunteers/{volunteer}/service", backend.record_service(
            user="王芳", volunteer_id=volunteer, body={
                "record_id": record, "activity_id": "A-0302",
                "started_at": "2024-03-02T09:00:00+08:00", "ended_at": f"2024-03-02T{end}:00+08:00",
                "content": "陪伴老人、整理房间", "occurred_on": "2024-03-02"}))  # fmt: skip
    _show("POST /volunteers/V-0001/service/R-0001/approval (recorder)", backend.approve_service(
        user="王芳", volunteer_id="V-0001", record_id="R-0001",
        body={"occurred_on": "2024-03-03"}))  # fmt: skip
    for volunteer, record, *_ in service:
        _show(f"POST /volunteers/{volunteer}/service/{record}/approval", backend.approve_service(
            user="刘军", volunteer_id=volunteer, record_id=record,
            body={"occurred_on": "2024-03-03"}))  # fmt: skip
    _show("POST /volunteers/V-0009/service (unknown)", backend.record_service(
        user="王芳", volunteer_id="V-0009", body={
            "record_id": "R-0003", "activity_id": "A-0302", "duration_minutes": 60,
            "service_date": "2024-03-02", "occurred_on": "2024-03-02"}))  # fmt: skip


def _print_answers(backend: StationBackend) -> None:
    """The queries a station's pages make, printed as a person reads them."""
    print("\nGET /funds: balances (元)")
    for fund in backend.balances().body["items"]:
        total, held = format_yuan(fund["total_fen"]), format_yuan(fund["in_kind_held_fen"])
        reserved = format_yuan(fund["reserved_fen"])
        print(
            f"  {fund['fund_id']} {fund['name']}: cash {total} (reserved {reserved}), goods {held}"
        )
        for row in fund["restrictions"]:
            label = row["restriction"] or "非限定 unrestricted"
            print(f"    {label}: {format_yuan(row['total_fen'])}")

    query = {"from": "2024-03-01", "to": "2024-03-31"}
    statement = backend.fund_statement(fund_id="cz-village", query=query).body
    print("\nGET /funds/cz-village/statement?from=2024-03-01&to=2024-03-31")
    print(f"  {'date':<10}  {'entry':<17} {'ref':<12} {'cash':>10}  {'balance':>10}")
    print(f"  {'':<10}  {'opening':<41}  {format_yuan(statement['opening_fen']):>10}")
    for line in statement["lines"]:
        cash, balance = format_yuan(line["cash_fen"]), format_yuan(line["balance_fen"])
        entry = f"{line['occurred_on']}  {line['kind']:<17} {line['ref']:<12}"
        print(f"  {entry} {cash:>10}  {balance:>10}")
    print(f"  closing {format_yuan(statement['closing_fen'])}   anchor {statement['anchor']}")

    print("\nGET /volunteers/hours?from=2024-01-01&to=2024-12-31")
    hours = backend.volunteer_hours(query={"from": "2024-01-01", "to": "2024-12-31"}).body
    for a in hours["items"]:
        print(
            f"  {a['volunteer_id']}: {a['person_times']} 人次, {a['hours']} 小时 "
            f"({a['service_s']} s), {a['pending_records']} awaiting approval"
        )

    r = backend.annual_report(year=YEAR).body
    print(f"\nGET /reports/{YEAR}: the annual report")
    print(
        f"  志愿服务 {r['activities']} 次, {r['person_times']} 人次, {r['service_hours']} 小时; "
        f"注册志愿者 {r['registered_volunteers']}"
    )
    print(
        f"  捐赠 gifts: cash {format_yuan(r['donations_cash_fen'])}, "
        f"goods {format_yuan(r['donations_in_kind_fen'])}; "
        f"支出 spending {format_yuan(r['spending_fen'])}; "
        f"年末 cash at the year's end {format_yuan(r['cash_end_fen'])}"
    )
    print(f"  anchor {r['anchor']}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--store",
        help="a SQLite file (created if missing) or a postgresql:// URL; default: a new "
        "SQLite file in a temporary directory, removed afterwards",
    )
    parser.add_argument(
        "--cipher-key-file",
        help="the store's cipher key (sgz-ledger keygen cipher): personal data encrypted",
    )
    args = parser.parse_args(argv)
    cipher_key = Path(args.cipher_key_file).read_text().strip() if args.cipher_key_file else ""
    with tempfile.TemporaryDirectory() as scratch, warnings.catch_warnings():
        store = args.store or str(Path(scratch) / "station.db")
        try:
            ledger = Ledger(store, cipher_key=cipher_key)
        except StoreError as error:  # a missing or wrong cipher key, a store that cannot open
            print(f"cannot open {store}: {error}", file=sys.stderr)
            return 2
        if not cipher_key:
            # Said once here, in a line, rather than as a Python warning per volunteer.
            warnings.simplefilter("ignore", PersonalDataInClearWarning)
            print(
                "Note: no cipher key, so volunteers' personal data is kept in clear "
                "(a station's back end runs with --cipher-key-file).\n"
            )
        try:
            backend = StationBackend(ledger, STATION)
            _spring(backend)
            _print_answers(backend)
        finally:
            ledger.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
