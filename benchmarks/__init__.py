"""sgz_ledger's benchmark suite: a synthetic station history and the measurements over it.

Run ``python -m benchmarks.run --help`` (or ``make bench`` / ``make bench-quick``);
``benchmarks/README.md`` says what each measurement is and how to read the table.
"""
