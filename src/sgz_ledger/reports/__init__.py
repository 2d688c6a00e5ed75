"""What stations and auditors read: balances, statements, disclosures, donor summaries, the
annual report and certificates, from the views and the event log."""
