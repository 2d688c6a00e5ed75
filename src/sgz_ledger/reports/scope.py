"""Which stations a report covers: one station, a set of them (a district, a station and its
community rooms: ``domain.levels.LevelRegister.units_under``), or every one.

Every report that can be asked for a station takes ``station_id`` (one code, as it always
did) or ``station_ids`` (a set of codes, as a level of the register resolves to); both
``None`` is every station of the store.
"""

from __future__ import annotations

from collections.abc import Collection

from sgz_ledger.domain.errors import InvalidInput

__all__ = ["sql_in", "station_scope"]


def station_scope(
    station_id: str | None, station_ids: Collection[str] | None
) -> frozenset[str] | None:
    """The codes a report covers (``None``: every station).

    Raises:
        InvalidInput: both were given.
    """
    if station_id is not None and station_ids is not None:
        raise InvalidInput.on("station_ids", "station_or_stations")
    if station_id is not None:
        return frozenset((station_id,))
    return None if station_ids is None else frozenset(station_ids)


def sql_in(column: str, codes: frozenset[str]) -> tuple[str, list[str]]:
    """A ``WHERE`` condition holding rows whose ``column`` is one of ``codes``, and its
    parameters (an empty set holds none), codes in a stable order."""
    if not codes:
        return "1 = 0", []
    ordered = sorted(codes)
    return f"{column} IN ({', '.join('?' for _ in ordered)})", ordered
