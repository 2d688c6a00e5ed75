"""The annual report's figures as rows, and the events behind each figure.

For a store holding the demo year, the tour's funds, volunteers, a project with requests
paid, approved and pending, service delivery, goods, recognition and a correction into a
closed quarter, every figure of the CSV can be explained, and its explanation totals the
figure; each listed event is in the log at its position; a served person appears only by
reference. Then the clerk's tries: a gift reversed in the year, or goods redeemed with
time-bank credit, cannot vanish from the explanation.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

import msgspec
import pytest

import tour_support as tour
from conftest import FixedClock
from explain_support import YEAR, record_explain_year
from sgz_ledger import Explanation, FigureRow, InvalidInput, Ledger
from sgz_ledger.domain.money import format_yuan
from sgz_ledger.render.explain import CSV_HEADER, annual_report_csv, explanation_text
from sgz_ledger.render.funds import annual_report_text
from sgz_ledger.reports.annual import AnnualReport
from sgz_ledger.reports.explain import explainable, figure_rows

pytestmark = pytest.mark.filterwarnings("ignore::sgz_ledger.PersonalDataInClearWarning")

# The figures the explanations must cover, whatever else a store holds.
REQUIRED = (
    "volunteers.activities",
    "volunteers.person_times",
    "volunteers.volunteers",
    "volunteers.registered_volunteers",
    "volunteers.service_s",
    "volunteers.service_hours",
    "funds.funds_opened",
    "funds.funds_open",
    "funds.donations_cash",
    "funds.donations_in_kind",
    "funds.sale_proceeds",
    "funds.refunds",
    "funds.spending",
    "funds.goods_distributed",
    "funds.transfers_net",
    "funds.cash_start",
    "funds.cash_end",
    "delivery.cases_opened",
    "delivery.cases_closed",
    "delivery.group_sessions",
    "delivery.person_times",
    "delivery.distinct_people",
    "delivery.supervision_count",
    "delivery.supervision_hours",
    "projects.XM-01.spending",
    "projects.XM-01.income_cash",
    "projects.XM-01.income_in_kind",
)


@pytest.fixture(scope="module")
def ledger() -> Iterator[Ledger]:
    ledger = Ledger("memory:", clock=FixedClock())
    record_explain_year(ledger)
    yield ledger
    ledger.close()


@pytest.fixture(scope="module")
def report(ledger: Ledger) -> AnnualReport:
    return ledger.annual_report(YEAR, goods=True)


def test_the_rows_cover_every_section_of_the_report(report: AnnualReport) -> None:
    sections = {row.section for row in figure_rows(report)}
    assert sections == {
        "volunteers", "other_activities", "funds", "goods", "projects", "delivery",
        "recognition", "corrections",
    }  # fmt: skip
    names = [row.name for row in figure_rows(report)]
    assert len(names) == len(set(names)), "each figure has one name"


def test_every_required_figure_is_explainable(report: AnnualReport) -> None:
    missing = set(REQUIRED) - set(explainable(report))
    assert not missing, sorted(missing)


def test_every_figure_of_the_rows_is_explainable(report: AnnualReport) -> None:
    """Each figure of the CSV, of every section, can be drilled to its events."""
    names = [row.name for row in figure_rows(report)]
    assert set(explainable(report)) == set(names)
    assert list(explainable(report)) == names


def test_every_explanation_totals_its_figure(ledger: Ledger, report: AnnualReport) -> None:
    positions = {p: type(e).__name__ for p, e in ledger.log_reader.events()}
    names = explainable(report)
    assert len(names) > 100
    for name in names:
        e = ledger.explain_figure(YEAR, name)
        assert e.total == sum(c.amount for c in e.contributions), name
        assert e.total_text == e.value, (name, e.value, e.total_text)
        for c in e.contributions:
            assert positions[c.position] == c.event_type, (name, c)
        assert [c.position for c in e.contributions] == sorted(
            c.position for c in e.contributions
        ), name


def test_money_is_in_fen_and_the_figure_in_yuan(ledger: Ledger, report: AnnualReport) -> None:
    e = ledger.explain_figure(YEAR, "funds.donations_cash")
    assert e.base_unit == "fen"
    assert e.value == format_yuan(report.donations_cash_fen) == format_yuan(e.total)
    hours = ledger.explain_figure(YEAR, "volunteers.service_hours")
    assert hours.base_unit == "s"
    assert hours.total == report.service_s
    assert hours.value == str(report.service_hours)


def test_distinct_people_are_listed_by_reference_only(ledger: Ledger, report: AnnualReport) -> None:
    """The served people's own codes (R-1001...) are never in the explanation."""
    assert not isinstance(report.service_delivery, msgspec.UnsetType)
    for name in ("delivery.distinct_people", "delivery.projects.XM-01.distinct_people",
                 "projects.XM-01.people_served_distinct"):  # fmt: skip
        e = ledger.explain_figure(YEAR, name)
        text = e.to_json().decode() + explanation_text(e)
        for code in ("R-1001", "R-1002", "R-1003"):
            assert code not in text
        assert len({c.ref for c in e.contributions}) == e.total, name
    assert e.total >= 1
    everyone = ledger.explain_figure(YEAR, "delivery.distinct_people")
    assert everyone.total == report.service_delivery.distinct_people >= 3


def test_json_has_integers(ledger: Ledger) -> None:
    e = ledger.explain_figure(YEAR, "volunteers.service_s")
    document = msgspec.json.decode(e.to_json())
    assert isinstance(document["total"], int)
    assert all(isinstance(c["amount"], int) for c in document["contributions"])
    assert msgspec.json.decode(e.to_json(), type=Explanation) == e


def test_an_unknown_figure_names_the_valid_ones(ledger: Ledger) -> None:
    with pytest.raises(InvalidInput) as caught:
        ledger.explain_figure(YEAR, "volunteers.smiles")
    [(field, problem)] = caught.value.field_problems
    assert (field, problem.code) == ("figure", "unknown_figure")
    # Every figure for a program; the nearest ones and where the rest are for a person.
    assert {"volunteers.person_times", "funds.donations_cash"} <= set(problem.params["choices"])
    assert "did you mean volunteers.service_s, volunteers.person_times" in str(caught.value)
    assert "report --format csv" in str(caught.value)


def test_a_station_report_explains_that_station_only(ledger: Ledger) -> None:
    e = ledger.explain_figure(YEAR, "funds.donations_cash", station_id="cuizhai")
    report = ledger.annual_report(YEAR, station_id="cuizhai")
    assert e.total == report.donations_cash_fen
    assert {c.aggregate for c in e.contributions} <= {f.fund_id for f in report.funds}


def test_a_clerk_cannot_hide_a_reversed_gift(ledger: Ledger) -> None:
    """A gift reversed in the year lowers the figure, and the reversal is listed with its
    own position and a negative contribution beside the gift it reverses."""
    e = ledger.explain_figure(YEAR, "funds.f-cuizhai.donations_cash")
    reversal = [c for c in e.contributions if c.event_type == "DonationReversed"]
    assert reversal
    assert all(c.amount < 0 for c in reversal)
    assert e.total_text == e.value


def test_csv_has_a_bom_and_parses_back(report: AnnualReport) -> None:
    text = annual_report_csv(report)
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
    assert tuple(rows[0]) == CSV_HEADER
    parsed = [FigureRow(section=r[0], figure=r[1], label_zh=r[2], label_en=r[3], value=r[4],
                        unit=r[5]) for r in rows[1:]]  # fmt: skip
    assert parsed == list(figure_rows(report))
    by_name = {row.name: row for row in parsed}
    assert by_name["funds.spending"].value == format_yuan(report.spending_fen)
    assert by_name["funds.spending"].unit == "元"
    assert by_name["volunteers.service_hours"].value == str(report.service_hours)
    for row in parsed:
        if row.unit == "元":
            whole, _, cents = row.value.lstrip("-").partition(".")
            assert whole.isdigit(), row
            assert len(cents) == 2, row


def test_the_text_report_prints_every_optional_section(report: AnnualReport) -> None:
    text = annual_report_text(report)
    for title in ("项目 Projects", "服务开展 Service delivery", "物资(数量) Goods in units",
                  "Corrections to closed periods"):  # fmt: skip
        assert title in text
    assert not isinstance(report.recognition, msgspec.UnsetType)


def test_a_level_explains_the_stations_under_it() -> None:
    """A district's report covers its stations; each explanation covers the same ones."""
    ledger = Ledger("memory:", clock=FixedClock())
    try:
        record_explain_year(ledger)
        tour.record_levels(ledger)
        report = ledger.annual_report(YEAR, unit_id="D-2")
        assert tour.STATION in report.stations
        names = explainable(report)
        assert "delivery.distinct_people" in names
        for name in names:
            e = ledger.explain_figure(YEAR, name, unit_id="D-2")
            assert e.total_text == e.value, name
        # The district holds one station: its lines are that station's.
        station = ledger.explain_figure(YEAR, "delivery.person_times", station_id=tour.STATION)
        district = ledger.explain_figure(YEAR, "delivery.person_times", unit_id="D-2")
        assert district.contributions == station.contributions
    finally:
        ledger.close()


def test_the_next_year_opens_with_the_goods_explained(ledger: Ledger) -> None:
    """2025's opening stock is every movement of the line dated before it, signed."""
    report = ledger.annual_report(YEAR + 1, goods=True)
    names = explainable(report)
    assert set(names) == {row.name for row in figure_rows(report)}
    for name in names:
        e = ledger.explain_figure(YEAR + 1, name)
        assert e.total_text == e.value, name
    opening = ledger.explain_figure(YEAR + 1, "goods.f-wanghe/助老/泡面/箱.opening")
    assert (opening.value, opening.unit, opening.base_unit) == ("9", "箱", "count")
    assert [(c.event_type, c.ref, c.amount) for c in opening.contributions] == [
        ("InKindDonationReceived", "G-M1", 10),
        ("InKindDonationReceived", "G-M2", 5),
        ("DonationReversed", "CX-M2", -5),
        ("GoodsDistributed", "RD-M1", -1),
    ]


def test_a_clerk_cannot_hide_goods_redeemed_or_reversed(ledger: Ledger) -> None:
    """The box redeemed with time-bank credit is a distribution of the line, and the gift
    reversed is listed as reversed, in units and in value."""
    line = "goods.f-wanghe/助老/泡面/箱"
    handed_out = ledger.explain_figure(YEAR, f"{line}.handed_out")
    assert [(c.event_type, c.ref, c.amount) for c in handed_out.contributions] == [
        ("GoodsDistributed", "RD-M1", 1)
    ]
    reversed_value = ledger.explain_figure(YEAR, f"{line}.reversed_value")
    assert (reversed_value.base_unit, reversed_value.total) == ("fen", 20000)
    stock = ledger.explain_figure(YEAR, f"{line}.in_stock_value")
    assert stock.total_text == stock.value == "360.00"


def test_each_star_level_lists_its_volunteers_once(ledger: Ledger, report: AnnualReport) -> None:
    """The levels' lines name each counted volunteer once between them; a level above 0
    is shown by the approval of the record that reached its threshold."""
    assert not isinstance(report.recognition, msgspec.UnsetType)
    everyone = ledger.explain_figure(YEAR, "recognition.stars.volunteers")
    named: list[str] = []
    for level in report.recognition.stars.levels:
        e = ledger.explain_figure(YEAR, f"recognition.stars.level_{level.level}")
        assert e.total == level.volunteers
        named += [c.aggregate for c in e.contributions]
        expected = {"VolunteerRegistered"} if level.level == 0 else {
            "ServiceApproved", "ServiceCorrected"}  # fmt: skip
        assert {c.event_type for c in e.contributions} <= expected
    assert sorted(named) == sorted(c.aggregate for c in everyone.contributions)
    assert all(level.volunteers for level in report.recognition.stars.levels)


def test_a_project_remaining_is_its_budget_less_what_is_committed(ledger: Ledger) -> None:
    remaining = ledger.explain_figure(YEAR, "projects.XM-01.remaining")
    budget = ledger.explain_figure(YEAR, "projects.XM-01.budget")
    committed = ledger.explain_figure(YEAR, "projects.XM-01.committed")
    assert remaining.total == budget.total - committed.total
    assert {c.ref for c in committed.contributions} == {"SQ-XM1", "SQ-XM2", "SQ-XM3"}
    assert [c.event_type for c in budget.contributions] == ["ProjectOpened", "BudgetLineAmended"]


def test_each_budget_line_and_team_has_its_rows(ledger: Ledger, report: AnnualReport) -> None:
    """A project's budget lines and a team's members and hours are rows of the CSV too, and
    the lines' figures add up to the project's."""
    assert not isinstance(report.projects, msgspec.UnsetType)
    assert not isinstance(report.recognition, msgspec.UnsetType)
    names = set(explainable(report))
    project = next(p for p in report.projects if p.project_id == "XM-01")
    for name in ("budgeted", "amended", "budget", "requested", "approved", "paid", "committed",
                 "remaining"):  # fmt: skip
        lines = [ledger.explain_figure(YEAR, f"projects.XM-01.lines.{line.code}.{name}")
                 for line in project.lines]  # fmt: skip
        if name not in ("budgeted", "amended"):
            whole = ledger.explain_figure(YEAR, f"projects.XM-01.{name}")
            assert sum(e.total for e in lines) == whole.total, name
    team = next(t for t in report.recognition.teams if t.team_id == "T-1")
    hours = ledger.explain_figure(YEAR, "recognition.teams.T-1.member_service_hours")
    assert hours.total == team.member_service_s > 0
    assert hours.value == str(team.member_service_hours)
    assert {c.ref for c in hours.contributions} == {"SR-1", "SR-XM"}  # SR-2 was voided
    assert {f"recognition.teams.{t.team_id}.members" for t in report.recognition.teams} <= names
