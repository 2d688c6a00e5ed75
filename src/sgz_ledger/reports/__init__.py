"""What stations and auditors read: balances, statements, disclosures, donor summaries, the
annual report, volunteer figures and accounts, certificates, teams and star levels
(``recognition``).

Each report is a function of what it reads (a view store brought up to date, a reader of a
fund's events from the log, a fold's state, the log reader), never of the ``Ledger``, and
answers a frozen msgspec struct (money in integer fen). The ``Ledger`` facade catches the
views up once per query and passes them; ``sgz_ledger.render`` lays the answers out.
"""
