"""No business date after today (docs/rules.md 35).

"Today" is the ledger's clock (the recording timestamp, UTC) read in station time
(``STATION_TZ``, China Standard Time): a gift registered at 01:30 in China on 3 February is
dated 3 February even though the clock's UTC date is 2 February.

Every command is held to it, through one check in the command runner
(``CommandRunner._dispatch``): its business date (``occurred_on``) and, for a
registration, ``registered_on``. A fact is recorded once it happened; a gift dated ahead
would be income before it arrived (a pledge is recorded as a pledge, rule 36), a payment
dated ahead would leave the balance before the money did. Dates that name a future on
purpose are not business dates and are not checked here: an activity's planned times, a
notice's last day, a pledge's expected date. A service record's own dates (its day and
last day) are checked by the volunteer (``ServiceRefused``, rule 37).
"""

from __future__ import annotations

import datetime as dt

from sgz_ledger.domain.errors import RuleViolation
from sgz_ledger.domain.volunteer import STATION_TZ

__all__ = ["BUSINESS_DATE_FIELDS", "FutureDate", "refuse_future_dates", "station_today"]

# The fields of a command that date what it records; checked on every command that has them.
BUSINESS_DATE_FIELDS = ("occurred_on", "registered_on")


class FutureDate(RuleViolation):
    """A command is dated after today (station time); nothing was recorded.

    Attributes:
        field: the command's field that holds the date.
        date: the date given.
        today: the ledger's today, in station time.
    """

    reason = "future_date"

    def __init__(self, field: str, date: dt.date, today: dt.date) -> None:
        self.field = field
        self.date = date
        self.today = today
        super().__init__(None, field=field, date=date, today=today)


def station_today(recorded_at: dt.datetime) -> dt.date:
    """The station's date at the recording instant ``recorded_at`` (aware, UTC)."""
    return recorded_at.astimezone(STATION_TZ).date()


def refuse_future_dates(command: object, recorded_at: dt.datetime) -> None:
    """Refuse ``command`` when one of its business dates is after today.

    Raises:
        FutureDate: the first such field, by the order of ``BUSINESS_DATE_FIELDS``.
    """
    today = station_today(recorded_at)
    for field in BUSINESS_DATE_FIELDS:
        # Through ``__dict__``, not ``getattr``: a field a command lacks would raise (and be
        # caught) inside pydantic on every command.
        value = vars(command).get(field)
        if isinstance(value, dt.date) and value > today:
            raise FutureDate(field, value, today)
