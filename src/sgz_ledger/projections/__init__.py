"""Projections: the pure folds over the event log, and the view store that keeps them.

``framework`` (the view store and runner: each batch of rows committed with its log
position, exactly once), ``fund_views`` (the persisted fund views), ``balances`` (a fund
balances fold for replays), ``volunteer_stats`` and ``volunteer_accounts`` (the volunteer
folds), ``recognition`` (teams, awards, evaluations, star thresholds), ``fund_log`` (a
fund's history read from the log). Each fold declares the event classes it reads and
ignores and raises ``UnknownEvent`` for any other. The queries that read the folded state,
and their answers, are ``sgz_ledger.reports``'.
"""
