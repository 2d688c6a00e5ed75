"""Audit commands: verify (the hash chain), audit (replay against the views), trail.

``verify`` and ``audit`` exit 1 when they find something (a broken chain, a figure
that does not follow from the events), 0 when all is well, 2 for bad usage. Long
work draws a progress bar on a terminal. What they print for people is
``sgz_ledger.render.audit``'s; ``--json`` prints the answers themselves, money in
integers of fen.
"""

from __future__ import annotations

import argparse
import time
from typing import Any

from sgz_ledger.audit.publication import read_anchor_file
from sgz_ledger.audit.replay import audit
from sgz_ledger.audit.trail import trail
from sgz_ledger.cli.common import (
    EXIT_FINDING,
    EXIT_OK,
    JSON_HELP,
    UsageError,
    anchor_argument,
    date_arg,
    open_ledger,
    read_text_file,
    text_arg,
)
from sgz_ledger.cli.progress import Progress
from sgz_ledger.domain.errors import InvalidInput, NotFound
from sgz_ledger.render.audit import audit_text, rebuild_text, trail_text, verify_text
from sgz_ledger.render.layout import json_text
from sgz_ledger.storage.chain import Anchor

__all__ = ["register"]


def _cmd_trail(args: argparse.Namespace) -> int:
    with open_ledger(args) as ledger:
        store = ledger.settings.describe()
        try:
            entries = trail(
                ledger, fund_id=args.fund, volunteer_id=args.volunteer, actor=args.actor
            )
        except NotFound as e:
            raise UsageError("no_such_in_store", kind=e.kind, key=e.key, store=store) from None
    if args.json:
        print(json_text(entries))
    else:
        text = trail_text(
            entries, store, fund_id=args.fund, volunteer_id=args.volunteer, actor=args.actor
        )
        print(text)
    return EXIT_OK


# ---- verify: the hash chain ---------------------------------------------------------------


def _published_anchors(args: argparse.Namespace) -> list[Anchor]:
    """The anchors given on the command line and in signed anchor files."""
    anchors: list[Anchor] = list(args.anchor or ())
    if args.anchor_file and args.public_key_file is None:
        raise UsageError("anchor_file_needs_key")
    for path in args.anchor_file or ():
        text = read_text_file(path, "anchor")
        public = read_text_file(args.public_key_file, "public_key")
        try:
            anchors.append(read_anchor_file(text, public).anchor)
        except InvalidInput as e:
            raise UsageError("file_refused", path=path, error=e) from None
    return anchors


def _cmd_verify(args: argparse.Namespace) -> int:
    anchors = _published_anchors(args)
    with open_ledger(args) as ledger:
        with Progress("校验 verify", ledger.log_position()) as progress:
            report = ledger.verify(anchors=anchors, progress=progress.update)
        print(json_text(report) if args.json else verify_text(report, ledger.settings.describe()))
    return EXIT_OK if report.ok else EXIT_FINDING


# ---- audit: replay against the views ---------------------------------------------------


def _cmd_audit(args: argparse.Namespace) -> int:
    with open_ledger(args) as ledger:
        report = audit(ledger, as_of=args.as_of)
        print(json_text(report) if args.json else audit_text(report, ledger.settings.describe()))
    return EXIT_OK if report.ok else EXIT_FINDING


# ---- rebuild: the views from the events ---------------------------------------------------


def _cmd_rebuild(args: argparse.Namespace) -> int:
    with open_ledger(args, write=True) as ledger:
        head = ledger.log_position()
        started = time.monotonic()
        with Progress("重建 rebuild", head) as progress:
            position = ledger.rebuild_views(progress=progress.update)
        seconds = time.monotonic() - started
        report = {"position": position, "events": head, "seconds": round(seconds, 3)}
        if args.json:
            print(json_text(report))
        else:
            store = ledger.settings.describe()
            print(rebuild_text(events=head, position=position, seconds=seconds, store=store))
    return EXIT_OK


def register(commands: Any, store_after: argparse.ArgumentParser) -> None:
    """Add the audit commands to the ``sgz-ledger`` parser."""
    verify = commands.add_parser(
        "verify",
        parents=[store_after],
        help="check the hash chain: every event there, in order, unaltered (exit 1 if not)",
        description="Recompute every event's digest from the raw stored rows and report the "
        "first position where the chain breaks (a changed byte, a deleted, inserted or swapped "
        "row, events without a digest). The chain's metadata is checked first: a keyed chain "
        "verified without its key, a key given to a chain that says it is unkeyed, an unknown "
        "algorithm are findings. With --anchor or --anchor-file (printed on reports, published "
        "by the station), also prove that this store extends exactly that published history "
        "with the algorithm it pinned: a cut-off tail, or a chain recomputed over forged "
        "events, is found only this way. Reads only: it never writes to the store. Prints "
        "the head anchor to publish. Exit 0 intact, 1 a finding, 2 bad usage.",
    )
    anchor_argument(verify)
    verify.add_argument(
        "--anchor-file",
        action="append",
        metavar="FILE",
        help="a signed anchor file (sgz-ledger anchor --sign-key-file); needs --public-key-file",
    )
    verify.add_argument(
        "--public-key-file",
        metavar="FILE",
        help="the station's public signing key (PEM), from a source you trust",
    )
    verify.add_argument("--json", action="store_true", help="print the report as JSON")
    verify.set_defaults(handler=_cmd_verify)

    audit_ = commands.add_parser(
        "audit",
        parents=[store_after],
        help="replay the raw events and compare them with the views (exit 1 on a difference)",
        description="Fold the stored events again into a private in-memory copy of the "
        "views, up to the persisted views' own position, and compare every view table with "
        "it row by row and column by column (and the views' position and version); and, as "
        "of a business date (or now), every fund's and restriction's cash figures (now also "
        "goods and in-kind values) and each station's volunteer service hours and "
        "person-times. Writes nothing: views behind the log are compared where they are and "
        "the lag is reported. Lists every difference. Exit 0 none, 1 differences, 2 bad usage.",
    )
    audit_.add_argument(
        "--as-of", type=date_arg, metavar="YYYY-MM-DD", help="the end of that business day"
    )
    audit_.add_argument("--json", action="store_true", help=JSON_HELP)
    audit_.set_defaults(handler=_cmd_audit)

    rebuild = commands.add_parser(
        "rebuild",
        parents=[store_after],
        help="drop the views (balances, statements, indexes) and fold them again from the events",
        description="Drop the persisted fund views and fold them again from the whole event "
        "log, in batches, each with its position, so an interrupted rebuild resumes. For use "
        "after `audit` found a view edited by hand. The events are not touched.",
    )
    rebuild.add_argument("--json", action="store_true", help="print the result as JSON")
    rebuild.set_defaults(handler=_cmd_rebuild)

    trail_ = commands.add_parser(
        "trail",
        parents=[store_after],
        help="print the audit trail of a fund, a volunteer or an actor: who did what, when, why",
        description="Every event of one fund, one volunteer or one actor, in the order the "
        "ledger recorded them: the log position, the business date, the recording time "
        "(UTC), who did it, what it was, its details and its reason. A volunteer's trail "
        "includes the other member's side of their time-bank transfers; an actor's "
        "includes the events naming them as approver, authoriser, signer or requester. "
        "Personal data is never printed. Exit 2 for an unknown fund or volunteer.",
    )
    selector = trail_.add_mutually_exclusive_group(required=True)
    selector.add_argument("--fund", type=text_arg, metavar="ID", help="a fund's code")
    selector.add_argument("--volunteer", type=text_arg, metavar="ID", help="a volunteer's code")
    selector.add_argument(
        "--actor", type=text_arg, metavar="NAME", help="a person's name or staff id"
    )
    trail_.add_argument("--json", action="store_true", help=JSON_HELP)
    trail_.set_defaults(handler=_cmd_trail)
