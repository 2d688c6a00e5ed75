"""``LedgerMachine``: a hypothesis state machine that holds a ledger to its invariants after
every step, for station teams to drive their own code on top of the ledger.

A station team subclasses it and writes rules that call their own code (which calls the
ledger); after every rule the machine checks every invariant of ``invariants`` against a
recount of the log (``check_invariants``), and the station's own figures and checks through
two hooks: ``shown_balances`` and ``station_invariants``.
"""

from __future__ import annotations

from collections.abc import Mapping

from hypothesis.stateful import RuleBasedStateMachine, invariant

from sgz_ledger.ledger import Ledger
from sgz_ledger.testing.invariants import Recount, check_invariants

__all__ = ["LedgerMachine"]


class LedgerMachine(RuleBasedStateMachine):
    """A state machine over one ledger whose invariants are checked after every step.

    Subclass it and add rules (``hypothesis.stateful.rule``) that drive your code; give your
    code ``self.ledger``. Hooks:

    * ``make_ledger``: the ledger of each example (default ``Ledger("memory:")``), made by
      ``__init__`` (set what it needs before calling ``super().__init__()``); closed in
      ``teardown``.
    * ``shown_balances``: the cash each fund holds as your code shows it (fund code to fen),
      checked against the recount of the log (``station_figures``).
    * ``station_invariants``: your own checks, given the recount; raise ``InvariantViolated``
      (or fail an ``assert``). ``@invariant()`` methods of your own run too.

    Attributes:
        ledger: the ledger of this example.
        recount: the recount of the log made at the last check (``None`` before the first).
    """

    def __init__(self) -> None:
        super().__init__()
        self.ledger: Ledger = self.make_ledger()
        self.recount: Recount | None = None
        self._serial = 0

    def make_ledger(self) -> Ledger:
        """The ledger this example drives (override for a SQLite file or PostgreSQL)."""
        return Ledger("memory:")

    def teardown(self) -> None:
        """Close the ledger after each example."""
        self.ledger.close()

    def fresh(self, prefix: str) -> str:
        """An id never given before in this example (``prefix-0001``, ``prefix-0002``...):
        for the receipts, requests and records a rule creates."""
        self._serial += 1
        return f"{prefix}-{self._serial:04d}"

    def shown_balances(self) -> Mapping[str, int]:
        """The cash each fund holds (fund code to fen) as the station's own code shows it;
        none by default."""
        return {}

    def station_invariants(self, recount: Recount) -> None:
        """The station's own invariants, checked after the ledger's with the same recount;
        none by default."""

    def check_ledger(self) -> Recount:
        """Check every invariant now (also for a rule that runs several steps and wants each
        checked); returns the recount.

        Raises:
            InvariantViolated: the first invariant found broken.
        """
        self.recount = check_invariants(self.ledger, shown_balances=self.shown_balances())
        self.station_invariants(self.recount)
        return self.recount

    @invariant()
    def ledger_invariants_hold(self) -> None:
        """After every step: every invariant of ``INVARIANTS``, then the station's own."""
        self.check_ledger()
