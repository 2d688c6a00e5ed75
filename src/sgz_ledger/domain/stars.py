"""Star levels (星级志愿者, rule 51): computed from hours, never stored.

A volunteer's level is the number of the station's five thresholds (whole hours,
``StationPolicySet.star_thresholds_h``) that their cumulative counted service reaches.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from sgz_ledger.domain.messages import Phrase

__all__ = [
    "STAR_LEVELS",
    "STAR_THRESHOLDS_H_DEFAULT",
    "STAR_THRESHOLD_H_MAX",
    "star_level",
    "thresholds_problem",
]

# 星级志愿者: one to five stars, each reached at a number of cumulative counted service
# hours; a volunteer below the first threshold has level 0.
STAR_LEVELS = 5
STAR_THRESHOLDS_H_DEFAULT: tuple[int, ...] = (100, 300, 600, 1000, 1500)
# A threshold above this is a typing error (seconds typed as hours): no one serves it.
STAR_THRESHOLD_H_MAX = 100_000
assert len(STAR_THRESHOLDS_H_DEFAULT) == STAR_LEVELS


def thresholds_problem(thresholds_h: Sequence[int]) -> Phrase | None:
    """Why ``thresholds_h`` cannot be a station's star thresholds, or ``None`` when they can:
    five whole hours, each above zero and above the one before (rule 51)."""
    if len(thresholds_h) != STAR_LEVELS:
        return Phrase("star_thresholds_count", levels=STAR_LEVELS, given=len(thresholds_h))
    if any(type(h) is not int for h in thresholds_h):
        return Phrase("star_thresholds_whole")
    if thresholds_h[0] <= 0:
        return Phrase("star_thresholds_zero")
    if any(b <= a for a, b in itertools.pairwise(thresholds_h)):
        return Phrase("star_thresholds_order")
    if thresholds_h[-1] > STAR_THRESHOLD_H_MAX:
        return Phrase("star_thresholds_max", max_h=STAR_THRESHOLD_H_MAX)
    return None


def star_level(service_s: int, thresholds_h: Sequence[int]) -> int:
    """The star level (0 to 5) of ``service_s`` cumulative counted service seconds: the
    number of thresholds (whole hours) reached."""
    return sum(1 for hours in thresholds_h if service_s >= hours * 3600)
