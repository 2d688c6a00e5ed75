"""The service layer: the command models at the boundary, the ``Ledger`` that runs them in one
unit of work against the domain's aggregates, and the operations built on it (erasure, key
rotation). It stands on the domain, storage and projections; reports, audit, sheets and the
command line stand on it."""
