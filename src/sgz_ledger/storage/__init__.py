"""Where events are kept and how: store settings, the codec (stable names), the hash chain,
the recorders of each backend, personal-data sealing and its subject keys, and the reading
of text recorded before it was canonical. It stands on the domain only."""
