"""The pure domain: events, aggregates, rules and errors. No I/O, no clock, no randomness."""
