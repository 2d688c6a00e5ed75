"""``python -m sgz_ledger.cli``: the same program as ``sgz-ledger``."""

from sgz_ledger.cli import main

raise SystemExit(main())
