"""A station for time-bank redemptions paid in goods: a volunteer with credit and a fund
holding goods (tests of ``redeem_hours_for_goods``)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sgz_ledger import Ledger

CST = dt.timezone(dt.timedelta(hours=8))
DAY = dt.date(2024, 3, 2)
HOUR = 3600


def station(ledger: Ledger, *, hours: int = 3, boxes: int = 10, station: str = "cz") -> None:
    """A volunteer V1 with ``hours`` of credit and a fund ``market`` holding ``boxes`` 箱 of
    泡面 (40 yuan a box)."""
    who: dict[str, Any] = {"actor": "王芳", "occurred_on": DAY}
    ledger.register_volunteer(
        volunteer_id="V1", station_id="cz", name="张丽", registered_on=DAY, consent=False, **who
    )
    ledger.publish_activity(
        activity_id="A1",
        station_id="cz",
        name="敬老院探访",
        starts_at=dt.datetime(2024, 3, 2, 8, tzinfo=CST),
        ends_at=dt.datetime(2024, 3, 2, 20, tzinfo=CST),
        **who,
    )
    ledger.record_service(
        record_id="R1",
        volunteer_id="V1",
        activity_id="A1",
        duration_minutes=hours * 60,
        service_date=DAY,
        **who,
    )
    ledger.approve_service(volunteer_id="V1", record_id="R1", actor="刘军", occurred_on=DAY)
    ledger.bank_hours(volunteer_id="V1", record_id="R1", **who)
    ledger.open_fund(
        fund_id="market",
        station_id=station,
        community="崔寨村",
        name="爱心超市",
        host="济南市慈善总会",
        approval_threshold="5000",
        **who,
    )
    ledger.receive_goods(
        fund_id="market",
        receipt_no="JZ-1",
        donor="某爱心企业",
        items=[
            {
                "item": "泡面",
                "quantity": boxes,
                "unit": "箱",
                "value_fen": boxes * 4000,
                "basis": "document",
            }
        ],
        **who,
    )
