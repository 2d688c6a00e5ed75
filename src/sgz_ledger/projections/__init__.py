"""Projections: pure folds over the event log into views that answer queries."""
