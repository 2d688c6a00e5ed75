"""How sgz_ledger computes every fund's balances from the stored history, cold.

The one place the ``replay`` measurement calls: the library's own replay
(``sgz_ledger.audit.replay.replay_funds``), which reads ``(position, name, bytes)``
rows straight from the events table in batches, decodes only fund events with the
codec, and folds them with ``BalancesProjection`` (the views are not used).
"""

from __future__ import annotations

from sgz_ledger import FundBalance, Ledger
from sgz_ledger.audit.replay import replay_funds

__all__ = ["replay_balances"]


def replay_balances(path: str) -> dict[str, FundBalance]:
    """Every fund's balances, folded from the SQLite store at ``path`` (views not used)."""
    ledger = Ledger(path, create=False)
    try:
        return {row.fund_id: row for row in replay_funds(ledger)}
    finally:
        ledger.close()
