"""Auditing a station's ledger: read the event log back and check it.

One module per question an auditor asks (see ``docs/audit.md``):

``trail``   who did what, when and why: every event of a fund, a volunteer or an actor;
``replay``  do the balances and figures follow from the facts? (the raw events folded
            again, as of a date or position, and compared with the views);
``export``  the log and the funds for other programs: JSONL, CSV, hledger, Beancount.

Whether every fact is there, in order and unaltered, is the hash chain's question
(``sgz_ledger.storage.chain``, ``Ledger.verify``). Nothing here writes events.

Import from the modules (``from sgz_ledger.audit.trail import trail``): the package
itself imports nothing, so that loading one tool does not load the others.
"""
