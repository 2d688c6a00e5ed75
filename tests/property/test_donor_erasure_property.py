"""Property: erasing any subset of individual donors, at any point, changes no figure.

Two ledgers get the same gifts (of people, of organisations, anonymous; cash and goods, to
two funds, some partly refunded); one of them also erases some of the people, each at a
random point among the gifts. A person with no gift since their last erasure is not
found (their name leads nowhere); a gift after an erasure starts a new donor under the
name. Every figure (balances, each statement's and disclosure's amounts, the annual
report, the donor summary's totals) is the same in both ledgers, the chain verifies, an
erased person's name is in no output unless they gave again afterwards, and everyone
else is shown by their name.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import msgspec
import pytest
from eventsourcing.cipher import AESCipher
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import FixedClock
from donor_support import NOW, _unnamed
from sgz_ledger import Ledger, NotFound
from sgz_ledger.audit.trail import trail
from sgz_ledger.domain.events import DonorErased
from sgz_ledger.domain.text import person_key

pytestmark = pytest.mark.filterwarnings(
    "ignore::sgz_ledger.storage.sealing.PersonalDataInClearWarning"
)

CLERK = "陈晓"
FUNDS = ("f-a", "f-b")
DAY = dt.date(2024, 1, 2)
NAMES = st.text(alphabet="张王李赵欧阳青明丽强华", min_size=2, max_size=4)
ORGANISATIONS = ("某爱心企业", "乡贤理事会")
CIPHER_KEY = AESCipher.create_key(16)


@st.composite
def histories(draw: Any) -> dict[str, Any]:
    people = draw(st.lists(NAMES, min_size=1, max_size=4, unique_by=person_key))
    givers = [("person", n) for n in range(len(people))]
    givers += [("organisation", n) for n in range(len(ORGANISATIONS))] + [("anonymous", 0)]
    gifts = draw(
        st.lists(
            st.tuples(
                st.sampled_from(givers),
                st.integers(1, 500_000),  # fen
                st.integers(0, 300),  # the day of 2024 after 2 January
                st.sampled_from(FUNDS),
                st.sampled_from(["", "助学"]),
                st.booleans(),  # goods (else cash)
                st.integers(0, 100),  # refund, percent of a cash gift
            ),
            min_size=1,
            max_size=10,
        )
    )
    # Erasures: a person, and the place among the gifts (0: before all of them).
    erasures = draw(
        st.lists(st.tuples(st.integers(0, len(people) - 1), st.integers(0, len(gifts))))
    )
    store = draw(st.sampled_from(["memory:", "sqlite::memory:"]))
    return {
        "people": people,
        "gifts": gifts,
        "erasures": erasures,
        "store": store,
        "cipher_key": draw(st.sampled_from(["", CIPHER_KEY])),
    }


def name_of(history: dict[str, Any], giver: tuple[str, int]) -> str | None:
    kind, n = giver
    if kind == "person":
        return str(history["people"][n])
    return ORGANISATIONS[n] if kind == "organisation" else None


def record(ledger: Ledger, history: dict[str, Any], *, erase: bool) -> dict[int, bool]:
    """Record the history; returns, per person, whether their name is erased at the end
    (erased, and no gift since)."""
    for fund_id in FUNDS:
        ledger.open_fund(fund_id=fund_id, station_id="s", community="崔寨村", name=fund_id,
                         host="基金会", approval_threshold="5000", actor=CLERK,
                         occurred_on=DAY)  # fmt: skip
    # Stable: erasures placed at one point keep their drawn order.
    erasures = sorted(history["erasures"], key=lambda e: e[1]) if erase else []
    live: dict[int, bool] = {}  # a person -> a gift since their last erasure
    erased: dict[int, bool] = {}

    def erasures_at(n: int) -> None:
        for who, place in erasures:
            if place != n:
                continue
            name = history["people"][who]
            head = ledger.log_position()
            if live.get(who):
                ledger.erase_donor(donor=name, reason="本人申请", requested_by="本人",
                                   actor=CLERK, occurred_on=DAY)  # fmt: skip
                live[who], erased[who] = False, True
            else:
                with pytest.raises(NotFound):
                    ledger.erase_donor(donor=name, reason="本人申请", requested_by="本人",
                                       actor=CLERK, occurred_on=DAY)  # fmt: skip
                assert ledger.log_position() == head

    for n, (giver, fen, day, fund_id, restriction, goods, refund) in enumerate(history["gifts"]):
        erasures_at(n)
        on = DAY + dt.timedelta(days=day)
        common = {
            "fund_id": fund_id, "receipt_no": f"R-{n}", "donor": name_of(history, giver),
            "donor_is_person": giver[0] == "person", "restriction": restriction,
            "actor": CLERK, "occurred_on": on,
        }  # fmt: skip
        if goods:
            line = {
                "item": "书包",
                "quantity": 1,
                "unit": "个",
                "value_fen": fen,
                "basis": "document",
            }
            ledger.receive_goods(**common, items=[line])
        else:
            ledger.receive_cash(**common, amount_fen=fen)
            if fen * refund // 100:
                ledger.refund_donation(fund_id=fund_id, refund_id=f"T-{n}", receipt_no=f"R-{n}",
                                       amount_fen=fen * refund // 100, reason="原路退回",
                                       actor=CLERK, occurred_on=on)  # fmt: skip
        if giver[0] == "person":
            live[giver[1]] = True
            erased[giver[1]] = False
    erasures_at(len(history["gifts"]))
    return erased


def _untimed(value: Any) -> Any:
    """``value`` without log positions and recording times: an erasure between two gifts
    moves the later ones on in the log, and a refused one still reads the clock."""
    if isinstance(value, dict):
        return {k: _untimed(v) for k, v in value.items() if k not in ("position", "recorded_at")}
    if isinstance(value, list):
        return [_untimed(v) for v in value]
    return value


def figures(ledger: Ledger) -> dict[str, Any]:
    """Every figure, without donors' names; the donor summary as its totals (an erasure
    splits a person who gave again afterwards into two rows)."""
    summary = ledger.donor_summary()
    totals = [
        sum(getattr(r, f) for r in summary.donors)
        for f in ("gifts", "cash_fen", "in_kind_fen", "refunded_fen", "net_cash_fen")
    ]
    statements = [ledger.statement(f) for f in FUNDS]
    end = DAY + dt.timedelta(days=400)
    disclosures = [ledger.disclosure(f, from_day=DAY, to_day=end) for f in FUNDS]
    return _untimed(
        _unnamed(
            msgspec.to_builtins(
                {
                    "balances": ledger.balances(),
                    "report": ledger.annual_report(2024),
                    "statements": statements,
                    "disclosures": disclosures,
                    "donor_totals": totals,
                }
            )
        )
    )


def shown(ledger: Ledger) -> set[str]:
    """Every donor's name as the statements, the donor summary and the trails show it."""
    names = {
        line.counterparty
        for f in FUNDS
        for line in ledger.statement(f).lines
        if line.kind in ("donation", "in_kind_donation")
    }
    names |= {row.donor or "" for row in ledger.donor_summary().donors}
    names |= {
        entry.fields.get("donor") or ""
        for f in FUNDS
        for entry in trail(ledger, fund_id=f)
        if entry.event in ("CashDonationReceived", "InKindDonationReceived")
    }
    return names


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(history=histories())
def test_erasing_any_individual_donors_at_any_point_changes_no_figure(
    history: dict[str, Any],
) -> None:
    key = history["cipher_key"]
    plain = Ledger(history["store"], cipher_key=key, clock=FixedClock(NOW))
    erasing = Ledger(history["store"], cipher_key=key, clock=FixedClock(NOW))
    try:
        record(plain, history, erase=False)
        erased = record(erasing, history, erase=True)
        assert figures(erasing) == figures(plain)
        assert erasing.verify().ok
        names = shown(erasing)
        assert names <= shown(plain) | {n for n in names if n.startswith("已删除 erased ")}
        given_by = {g[0][1] for g in history["gifts"] if g[0][0] == "person"}
        for n, name in enumerate(history["people"]):
            if erased.get(n):
                assert name not in names
            elif n in given_by:
                assert name in names
        # Pseudonyms appear exactly when some erasure was recorded.
        recorded = any(isinstance(e, DonorErased) for e in erasing.stored_events())
        assert (len(names - shown(plain)) > 0) == recorded
    finally:
        plain.close()
        erasing.close()
