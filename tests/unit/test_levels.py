"""The register of levels (``domain.levels``): district -> station -> community room, dated
moves, the refusals with their reasons, who may configure it, and reports asked by level."""

from __future__ import annotations

import datetime as dt

import msgspec
import pytest

from conftest import FixedClock
from sgz_ledger import (
    AccessRefused,
    InvalidInput,
    Ledger,
    LevelRefused,
    NotFound,
    PeriodClosedError,
    UnitMoved,
)
from sgz_ledger.reports import balances as balance_queries
from sgz_ledger.reports import volunteers as volunteer_reports
from sgz_ledger.reports.volunteers import Period

D0 = dt.date(2024, 1, 2)
D1 = dt.date(2024, 7, 1)
D2 = dt.date(2025, 1, 10)
ADMIN = "王芳"


def _ledger() -> Ledger:
    return Ledger("memory:", clock=FixedClock())


def _unit(ledger: Ledger, unit_id: str, level: str, parent_id: str = "", on: dt.date = D0) -> None:
    assert level in ("district", "station", "community")
    if level == "district":
        ledger.register_unit(unit_id=unit_id, level="district", parent_id=parent_id,
                             name=f"{unit_id}总站", actor=ADMIN, occurred_on=on)  # fmt: skip
    elif level == "station":
        ledger.register_unit(unit_id=unit_id, level="station", parent_id=parent_id,
                             name=f"{unit_id}社工站", actor=ADMIN, occurred_on=on)  # fmt: skip
    else:
        ledger.register_unit(unit_id=unit_id, level="community", parent_id=parent_id,
                             name=f"{unit_id}社工室", actor=ADMIN, occurred_on=on)  # fmt: skip


def _tree(ledger: Ledger) -> None:
    """Two districts; d1 has stations s1 (rooms c1, c2) and s2; d2 has s3."""
    _unit(ledger, "d1", "district")
    _unit(ledger, "d2", "district")
    _unit(ledger, "s1", "station", "d1")
    _unit(ledger, "s2", "station", "d1")
    _unit(ledger, "s3", "station", "d2")
    _unit(ledger, "c1", "community", "s1")
    _unit(ledger, "c2", "community", "s1")


def _refused(why: str, call: object, **kwargs: object) -> LevelRefused:
    with pytest.raises(LevelRefused) as caught:
        call(**kwargs)  # type: ignore[operator]
    assert caught.value.reason == why, caught.value
    return caught.value


# ---- the register and the resolver ------------------------------------------------------------


def test_units_under_is_the_unit_and_its_descendants() -> None:
    ledger = _ledger()
    _tree(ledger)
    assert ledger.units_under("d1") == {"d1", "s1", "s2", "c1", "c2"}
    assert ledger.units_under("s1") == {"s1", "c1", "c2"}
    assert ledger.units_under("c2") == {"c2"}
    assert ledger.units_under("d2") == {"d2", "s3"}
    assert ledger.units_under("nowhere") == {"nowhere"}  # a code the register does not hold


def test_a_store_without_a_register_resolves_a_station_to_itself() -> None:
    ledger = _ledger()
    assert ledger.level_register() is None
    assert ledger.units_under("cuizhai") == {"cuizhai"}


def test_a_move_holds_from_its_date_and_earlier_days_keep_the_old_parent() -> None:
    ledger = _ledger()
    _tree(ledger)
    moved = ledger.move_unit(unit_id="s1", parent_id="d2", reason="区划调整", actor=ADMIN,
                             occurred_on=D1)  # fmt: skip
    assert isinstance(moved, UnitMoved)
    assert (moved.previous_parent_id, moved.parent_id, moved.occurred_on) == ("d1", "d2", D1)
    before, on = D1 - dt.timedelta(days=1), D1
    assert ledger.units_under("d1", on=before) == {"d1", "s1", "s2", "c1", "c2"}
    assert ledger.units_under("d1", on=on) == {"d1", "s2"}
    assert ledger.units_under("d2", on=on) == {"d2", "s3", "s1", "c1", "c2"}
    assert ledger.units_under("d2") == {"d2", "s3", "s1", "c1", "c2"}  # now
    register = ledger.level_register()
    assert register is not None
    assert register.path("c1", on=before) == ("c1", "s1", "d1")
    assert register.path("c1") == ("c1", "s1", "d2")


def test_registering_the_same_unit_again_records_nothing() -> None:
    ledger = _ledger()
    _unit(ledger, "d1", "district")
    before = ledger.log_position()
    _unit(ledger, "d1", "district")
    assert ledger.log_position() == before


def test_rename_keeps_the_code_and_the_same_name_records_nothing() -> None:
    ledger = _ledger()
    _tree(ledger)
    renamed = ledger.rename_unit(unit_id="s1", name="新名社工站", actor=ADMIN, occurred_on=D1)
    assert renamed is not None
    assert renamed.previous_name == "s1社工站"
    assert ledger.rename_unit(unit_id="s1", name="新名社工站", actor=ADMIN, occurred_on=D1) is None
    register = ledger.level_register()
    assert register is not None
    assert register.unit("s1").name == "新名社工站"
    assert ledger.units_under("s1") == {"s1", "c1", "c2"}


# ---- refusals ----------------------------------------------------------------------------------


def test_each_refusal_has_its_reason_and_records_nothing() -> None:
    ledger = _ledger()
    _tree(ledger)
    at = ledger.log_position()
    reg = ledger.register_unit
    w = {"actor": ADMIN, "occurred_on": D1}
    _refused("duplicate_unit", reg, unit_id="s1", level="station", parent_id="d2", name="x", **w)
    _refused("unknown_parent", reg, unit_id="s9", level="station", parent_id="d9", name="x", **w)
    _refused("wrong_parent_level", reg, unit_id="c9", level="community", parent_id="d1",
             name="x", **w)  # fmt: skip
    _refused("wrong_parent_level", reg, unit_id="s9", level="station", parent_id="s1", name="x",
             **w)  # fmt: skip
    _refused("wrong_parent_level", reg, unit_id="d9", level="district", parent_id="d1",
             name="x", **w)  # fmt: skip
    _refused("parent_required", reg, unit_id="c9", level="community", name="x", **w)
    _refused("cycle", reg, unit_id="d9", level="district", parent_id="d9", name="x", **w)
    move = ledger.move_unit
    _refused("unknown_unit", move, unit_id="s9", parent_id="d2", reason="r", **w)
    _refused("same_parent", move, unit_id="s1", parent_id="d1", reason="r", **w)
    _refused("cycle", move, unit_id="s1", parent_id="c1", reason="r", **w)
    _refused("wrong_parent_level", move, unit_id="s1", parent_id="s2", reason="r", **w)
    _refused("unknown_parent", move, unit_id="c1", parent_id="s9", reason="r", **w)
    _refused("has_children", ledger.retire_unit, unit_id="s1", reason="r", **w)
    _refused("unknown_unit", ledger.rename_unit, unit_id="s9", name="x", **w)
    assert ledger.log_position() == at


def test_a_move_is_not_dated_before_the_units_last_move() -> None:
    ledger = _ledger()
    _tree(ledger)
    ledger.move_unit(unit_id="s2", parent_id="d2", reason="r", actor=ADMIN, occurred_on=D1)
    _refused("dated_before", ledger.move_unit, unit_id="s2", parent_id="d1", reason="r",
             actor=ADMIN, occurred_on=D1 - dt.timedelta(days=1))  # fmt: skip
    _refused("dated_before", ledger.retire_unit, unit_id="s2", reason="r", actor=ADMIN,
             occurred_on=D0 - dt.timedelta(days=1))  # fmt: skip


def test_a_retired_unit_takes_no_child_and_does_not_move_but_its_records_still_count() -> None:
    ledger = _ledger()
    _tree(ledger)
    ledger.retire_unit(unit_id="c2", reason="并入", actor=ADMIN, occurred_on=D1)
    assert ledger.retire_unit(unit_id="c2", reason="并入", actor=ADMIN, occurred_on=D1) is None
    _refused("unit_retired", ledger.move_unit, unit_id="c2", parent_id="s2", reason="r",
             actor=ADMIN, occurred_on=D1)  # fmt: skip
    _refused("unit_retired", ledger.rename_unit, unit_id="c2", name="x", actor=ADMIN,
             occurred_on=D1)  # fmt: skip
    ledger.move_unit(unit_id="c1", parent_id="s2", reason="r", actor=ADMIN, occurred_on=D1)
    ledger.retire_unit(unit_id="s1", reason="撤并", actor=ADMIN, occurred_on=D1)  # c2 retired
    _refused("parent_retired", ledger.register_unit, unit_id="c9", level="community",
             parent_id="s1", name="x", actor=ADMIN, occurred_on=D1)  # fmt: skip
    assert "c2" in ledger.units_under("d1")  # its records keep counting at its parents


def test_levels_and_text_are_checked_at_the_boundary() -> None:
    ledger = _ledger()
    with pytest.raises(InvalidInput):
        ledger.register_unit(unit_id="x", level="province", name="x", actor=ADMIN,  # type: ignore[arg-type]
                             occurred_on=D0)  # fmt: skip
    with pytest.raises(InvalidInput):
        ledger.move_unit(unit_id="x", parent_id="y", reason="", actor=ADMIN, occurred_on=D0)
    _refused("unknown_unit", ledger.move_unit, unit_id="x", parent_id="y", reason="r",
             actor=ADMIN, occurred_on=D0)  # fmt: skip


# ---- who may configure the levels ----------------------------------------------------------


def test_where_a_station_registers_people_only_an_administrator_configures_the_levels() -> None:
    ledger = _ledger()
    w = {"station_id": "s1", "occurred_on": D0}
    ledger.add_person(**w, person_id="S-01", name=ADMIN, roles=["admin"], actor=ADMIN)
    ledger.add_person(**w, person_id="S-02", name="李强", roles=["clerk"], actor="S-01")
    with pytest.raises(AccessRefused) as caught:
        ledger.register_unit(unit_id="d1", level="district", name="总站", actor="李强",
                             occurred_on=D0)  # fmt: skip
    assert caught.value.reason == "not_permitted"
    with pytest.raises(AccessRefused) as caught:
        ledger.register_unit(unit_id="d1", level="district", name="总站", actor="某人",
                             occurred_on=D0)  # fmt: skip
    assert caught.value.reason == "actor_not_registered"
    event = ledger.register_unit(unit_id="d1", level="district", name="总站", actor=ADMIN,
                                 occurred_on=D0)  # fmt: skip
    assert event.actor == "S-01"  # recorded by the person's id


# ---- reports by level ------------------------------------------------------------------------


def _records(ledger: Ledger) -> None:
    """A fund and a gift at every unit of the tree; a volunteer serving at s1 and c1."""
    for i, station in enumerate(("d1", "d2", "s1", "s2", "s3", "c1", "c2")):
        ledger.open_fund(fund_id=f"F-{station}", station_id=station, community="社区",
                         name="微基金", host="基金会", approval_threshold_fen=0, actor=ADMIN,
                         occurred_on=D0)  # fmt: skip
        ledger.receive_cash(fund_id=f"F-{station}", receipt_no="R1", amount_fen=100 * (i + 1),
                            actor=ADMIN, occurred_on=D0)  # fmt: skip


def test_reports_by_unit_cover_the_subtree_and_by_station_stay_as_they_were() -> None:
    ledger = _ledger()
    _tree(ledger)
    _records(ledger)
    by_fund = {b.fund_id: b.total_fen for b in ledger.balances()}
    district = ledger.annual_report(2024, unit_id="d1", level="district")
    assert district.donations_cash_fen == sum(
        by_fund[f"F-{s}"] for s in ("d1", "s1", "s2", "c1", "c2")
    )
    assert (district.unit_id, district.level, district.station_id) == ("d1", "district", None)
    assert district.stations == ("c1", "c2", "d1", "s1", "s2")
    station = ledger.annual_report(2024, station_id="s1")
    assert station.donations_cash_fen == by_fund["F-s1"]
    assert station.unit_id is msgspec.UNSET
    assert station.stations is msgspec.UNSET
    assert b'"unit_id"' not in station.to_json()
    assert {b.fund_id for b in ledger.balances(unit_id="s1", level="station")} == {
        "F-s1", "F-c1", "F-c2"
    }  # fmt: skip
    goods = ledger.goods_register(unit_id="c1", level="community")
    assert goods.unit_id == "c1"
    assert goods.lines == ()
    stats = ledger.volunteer_stats(Period.year(2024), unit_id="d2", level="district")
    assert stats.stations == ("d2", "s3")
    assert stats.level == "district"
    summary = ledger.donor_summary(unit_id="d2")
    assert sum(row.cash_fen for row in summary.donors) == by_fund["F-d2"] + by_fund["F-s3"]


def test_a_report_by_unit_is_checked() -> None:
    ledger = _ledger()
    _tree(ledger)
    _records(ledger)
    _refused("wrong_level", ledger.annual_report, year=2024, unit_id="s1", level="district")
    _refused("unknown_unit", ledger.annual_report, year=2024, unit_id="s9", level="station")
    with pytest.raises(InvalidInput):
        ledger.annual_report(2024, station_id="s1", unit_id="s1")
    with pytest.raises(InvalidInput):
        ledger.annual_report(2024, level="station")


def test_without_a_register_a_unit_is_a_station_and_an_unknown_one_is_not_found() -> None:
    ledger = _ledger()
    ledger.open_fund(fund_id="F1", station_id="cuizhai", community="社区", name="微基金",
                     host="基金会", approval_threshold_fen=0, actor=ADMIN,
                     occurred_on=D0)  # fmt: skip
    assert [b.fund_id for b in ledger.balances(unit_id="cuizhai", level="district")] == ["F1"]
    with pytest.raises(NotFound):
        ledger.balances(unit_id="nowhere", level="station")


def test_a_move_into_a_closed_period_of_a_district_needs_a_correction_note() -> None:
    """A district closed its year: moving a station out of it, dated in that year, would
    change the published figures, so it is refused without a note and listed with one."""
    ledger = _ledger()
    _tree(ledger)
    _records(ledger)
    ledger.close_period(station_id="d1", period_from=dt.date(2024, 1, 1),
                        period_to=dt.date(2024, 12, 31), reason="年报已发布", actor=ADMIN,
                        occurred_on=dt.date(2025, 1, 5))  # fmt: skip
    published = ledger.annual_report(2024, unit_id="d1")
    at = ledger.log_position()
    with pytest.raises(PeriodClosedError):
        ledger.move_unit(unit_id="s2", parent_id="d2", reason="区划调整", actor=ADMIN,
                         occurred_on=D1)  # fmt: skip
    assert ledger.log_position() == at
    assert ledger.annual_report(2024, unit_id="d1") == published
    ledger.move_unit(unit_id="s2", parent_id="d2", reason="区划调整", actor=ADMIN,
                     occurred_on=D1, correction_note="区划调整补录")  # fmt: skip
    report = ledger.annual_report(2024, unit_id="d1")
    assert report.donations_cash_fen < published.donations_cash_fen
    [note] = report.closed_period_corrections
    assert (note.station_id, note.event_type, note.note) == ("d1", "UnitMoved", "区划调整补录")
    # A move dated after the closed period changes none of its figures: no note needed.
    ledger.move_unit(unit_id="s2", parent_id="d1", reason="复原", actor=ADMIN,
                     occurred_on=dt.date(2025, 1, 20))  # fmt: skip


def test_every_backend_selects_a_units_funds(ledger: Ledger) -> None:
    """The set of codes reaches the views' SQL (``IN``) on every backend, PostgreSQL too."""
    _tree(ledger)
    _records(ledger)
    assert [b.fund_id for b in ledger.balances(unit_id="s1")] == ["F-c1", "F-c2", "F-s1"]
    as_of = ledger.balances(unit_id="s1", as_of=D1)
    assert [b.total_fen for b in as_of] == [b.total_fen for b in ledger.balances(unit_id="s1")]
    assert ledger.balances(unit_id="d2", level="district")[0].fund_id == "F-d2"


def test_a_report_function_given_one_code_in_a_set_answers_as_given_the_code() -> None:
    """The report functions keep their single-station signature; a set of one code gives
    the same figures, only naming the set (``stations``) instead of the station."""
    ledger = _ledger()
    _tree(ledger)
    _records(ledger)
    ledger.balances()  # the views caught up
    one = frozenset({"s1"})
    assert balance_queries.balances(ledger.view_store, station_ids=one) == balance_queries.balances(
        ledger.view_store, station_id="s1"
    )
    fold = ledger.volunteer_figures_view()
    year = Period.year(2024)
    by_set = volunteer_reports.stats(fold, year, station_ids=one)
    by_code = volunteer_reports.stats(fold, year, station_id="s1")
    assert by_set.stations == ("s1",)
    assert msgspec.structs.replace(by_set, station_id="s1", stations=msgspec.UNSET) == by_code
    with pytest.raises(InvalidInput):
        volunteer_reports.stats(fold, year, station_id="s1", station_ids=one)
