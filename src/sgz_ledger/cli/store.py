"""Store commands: keys, the published anchor, and upgrading a store written earlier.

``keygen`` makes the three kinds of key a station keeps (the cipher key that encrypts
its events, the chain key that keys its hash chain, the Ed25519 key that signs what it
publishes); ``anchor`` prints (and signs) the anchor to publish; ``upgrade`` pins what a
store written by an earlier version does not say about itself, after a clean verify, and
claims the ID numbers of volunteers that hold no claim (exit 1 when two share one).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import secrets
from pathlib import Path
from typing import Any

from eventsourcing.cipher import AESCipher

from sgz_ledger.audit.publication import new_signing_key, public_key_pem, sign_anchor
from sgz_ledger.cli.common import (
    EXIT_FINDING,
    EXIT_OK,
    UsageError,
    anchor_argument,
    open_ledger,
    read_key_file,
    read_text_file,
    text_arg,
)
from sgz_ledger.cli.progress import Progress
from sgz_ledger.domain.errors import InvalidInput
from sgz_ledger.ledger import Ledger
from sgz_ledger.render.layout import json_text
from sgz_ledger.render.store import (
    copy_refused_text,
    key_written_text,
    rekey_text,
    signed_anchor_text,
    upgrade_text,
)
from sgz_ledger.service.id_claim_upgrade import UPGRADE_ACTOR
from sgz_ledger.service.rekey import copy_store
from sgz_ledger.storage.chain import Anchor

__all__ = ["register"]

# 32 random bytes for a chain key, written as 64 hex digits.
CHAIN_KEY_BYTES = 32


def _write_secret(path: Path, text: str) -> None:
    """Write a key file readable by its owner only; never overwrite one."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise UsageError("key_file_exists", path=path) from None
    except OSError as e:
        raise UsageError("cannot_write", path=path, detail=e.strerror or str(e)) from None
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(text)


def _cmd_keygen(args: argparse.Namespace) -> int:
    out = Path(args.output)
    if args.kind == "cipher":
        _write_secret(out, AESCipher.create_key(32) + "\n")
        print(key_written_text("cipher", out))
    elif args.kind == "chain":
        _write_secret(out, secrets.token_hex(CHAIN_KEY_BYTES) + "\n")
        print(key_written_text("chain", out))
    else:
        private = new_signing_key()
        public = out.with_name(out.name + ".pub")
        if public.exists():
            raise UsageError("key_file_exists", path=public)
        _write_secret(out, private)
        public.write_text(public_key_pem(private), encoding="utf-8")
        print(key_written_text("signing", out, public))
    return EXIT_OK


def _cmd_anchor(args: argparse.Namespace) -> int:
    with open_ledger(args) as ledger:
        anchor = ledger.anchor()
        store = ledger.settings.describe()
    if anchor is None:
        raise UsageError("no_anchor_yet", store=store)
    if args.sign_key_file is None:
        print(json_text(anchor) if args.json else str(anchor))
        return EXIT_OK
    private = read_text_file(args.sign_key_file, "signing_key")
    try:
        text = sign_anchor(anchor, private, published_at=dt.datetime.now(dt.UTC), note=args.note)
    except InvalidInput as e:
        raise UsageError("file_refused", path=args.sign_key_file, error=e) from None
    if args.output in (None, "-"):
        print(text, end="")
    else:
        try:
            Path(args.output).write_text(text, encoding="utf-8")
        except OSError as e:
            raise UsageError(
                "cannot_write", path=args.output, detail=e.strerror or str(e)
            ) from None
        print(signed_anchor_text(anchor, args.output))
    return EXIT_OK


def _cmd_upgrade(args: argparse.Namespace) -> int:
    anchors: list[Anchor] = list(args.anchor or ())
    with open_ledger(args, write=True) as ledger:
        report = ledger.upgrade(anchors=anchors, actor=args.entered_by)
        store = ledger.settings.describe()
    print(json_text(report) if args.json else upgrade_text(report, store))
    return EXIT_OK if report.verify.ok and not report.id_numbers_shared else EXIT_FINDING


def _cmd_rekey(args: argparse.Namespace) -> int:
    new_key = read_key_file(args.new_cipher_key_file, "new_cipher_key")
    old_chain = read_key_file(args.chain_key_file, "chain_key")
    new_chain = (
        read_key_file(args.new_chain_key_file, "new_chain_key")
        if args.new_chain_key_file
        else old_chain
    )
    with open_ledger(args) as source:
        # Verified first, before the new store is made: a store that does not verify is a
        # finding, and nothing is created.
        checked = source.verify()
        if not checked.ok:
            print(copy_refused_text(checked, source.settings.describe()))
            return EXIT_FINDING
        target = Ledger(args.to, cipher_key=new_key, chain_key=new_chain, create=True)
        try:
            with Progress("复制 copy", source.log_position()) as progress:
                report = copy_store(source, target, checked=checked, progress=progress.update)
            where = target.settings.describe()
        finally:
            target.close()
    if args.json:
        print(json_text(report))
        return EXIT_OK
    print(rekey_text(report, where))
    return EXIT_OK


def register(commands: Any, store_after: argparse.ArgumentParser) -> None:
    """Add the store commands to the ``sgz-ledger`` parser."""
    keygen = commands.add_parser(
        "keygen",
        help="make a new key file: a store's cipher key, a chain key, or a signing key",
        description="Write a new random key to FILE (readable by you only; never overwrites). "
        "cipher: the AES key that encrypts a store's events and personal data "
        "(--cipher-key-file); chain: the secret that keys a store's hash chain "
        "(--chain-key-file); signing: an Ed25519 key that signs published anchors (its public "
        "key goes to FILE.pub).",
    )
    keygen.add_argument("kind", choices=("cipher", "chain", "signing"))
    keygen.add_argument("-o", "--output", required=True, metavar="FILE", help="the key file")
    keygen.set_defaults(handler=_cmd_keygen)

    anchor = commands.add_parser(
        "anchor",
        parents=[store_after],
        help="print the anchor to publish (the whole history in one line), or sign it",
        description="Print the store's head anchor: its chain's algorithm (and key "
        "fingerprint), the last position and the digest there. Published (on the disclosure, "
        "the annual report, or as a signed file with --sign-key-file), it lets anyone check a "
        "later copy of the store with `sgz-ledger verify --anchor` or `--anchor-file`.",
    )
    anchor.add_argument(
        "--sign-key-file", metavar="FILE", help="sign it with this Ed25519 key (keygen signing)"
    )
    anchor.add_argument("--note", default="", help="a line saying what it was published with")
    anchor.add_argument("-o", "--output", metavar="FILE", help="write the signed file here")
    anchor.add_argument("--json", action="store_true", help="print the anchor as JSON")
    anchor.set_defaults(handler=_cmd_anchor)

    upgrade = commands.add_parser(
        "upgrade",
        parents=[store_after],
        help="pin what a store written by an earlier version does not record (after verify)",
        description="Verify the store (exit 1 and change nothing on a finding); then record "
        "in its metadata what an earlier version did not (whether its events are encrypted, "
        "and a check value of the key), claim the ID number of every volunteer that holds "
        "no claim (exit 1 when two volunteers share one: they are listed by id), and bring "
        "its views up to date.",
    )
    anchor_argument(upgrade)
    upgrade.add_argument(
        "--entered-by",
        type=text_arg,
        default=UPGRADE_ACTOR,
        metavar="NAME",
        help="who claims the ID numbers: a registered person allowed to configure, where the "
        f"station keeps a register of people (default: {UPGRADE_ACTOR!r})",
    )
    upgrade.add_argument("--json", action="store_true", help="print the result as JSON")
    upgrade.set_defaults(handler=_cmd_upgrade)

    rekey = commands.add_parser(
        "rekey",
        parents=[store_after],
        help="rotate keys: copy the store into a new one under a new cipher key, and verify it",
        description="Verify the store (its keys: --cipher-key-file, --chain-key-file), copy "
        "every event in order into the new, empty store --to, encrypted with the new cipher "
        "key (and keyed with the new chain key, or the old one), carry volunteers' subject "
        "keys across re-wrapped, seal personal data recorded before subject keys under them, "
        "then verify the copy and read every event back. The old store is not changed; keep "
        "it until the new one's anchor is published. Exit 0 done, 2 on any refusal.",
    )
    rekey.add_argument("--to", required=True, metavar="PATH_OR_URL", help="the new store")
    rekey.add_argument(
        "--new-cipher-key-file", required=True, metavar="FILE", help="the new cipher key"
    )
    rekey.add_argument(
        "--new-chain-key-file", metavar="FILE", help="the new store's chain key (default: the old)"
    )
    rekey.add_argument("--json", action="store_true", help="print the result as JSON")
    rekey.set_defaults(handler=_cmd_rekey)
