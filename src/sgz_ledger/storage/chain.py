"""The hash chain: each stored event's digest, linked to the digest before it.

Every event in the log gets a 32-byte digest when it is written, in the same
transaction (``sgz_ledger.storage.recorders``), kept in the ``event_chain`` table beside
the events. The digest of the event at log position ``p`` is::

    SHA-256( "sgz-ledger/chain/v1" 0x00
             || digest(p - 1)                      32 bytes; 32 zero bytes before the first
             || p                                  8 bytes, big-endian
             || aggregate id                       16 bytes (the UUID)
             || aggregate version                  8 bytes, big-endian
             || len(name) || name                  4 bytes, big-endian, then UTF-8
             || len(state) || state )              4 bytes, big-endian, then the stored bytes

``name`` is the stored event name (``CashDonationReceived.v1``) and ``state`` the
stored bytes exactly as kept: the canonical MessagePack of the event struct
(business fields, actor, business date and recording time; ``codec``), or its
ciphertext when the store is encrypted. A chain opened with a key is an HMAC-SHA-256
with that key over the same message, so that only holders of the key can make
digests that verify.

Because each digest covers the one before it, the digest at position ``p`` (an
**anchor**) stands for the whole history up to ``p``: an auditor who kept a published
anchor proves that a later store extends exactly that history by recomputing the chain
up to ``p`` (``verify(..., anchors=[...])``). Cutting off the newest events cannot be
seen without an anchor at or after them; every other change to the raw rows (a changed
byte, a deleted, inserted or swapped row, a changed digest) breaks the chain at the
first position it touches.

An anchor is printed with the chain's algorithm (and, for a keyed chain, the key's
fingerprint) pinned in front: ``sha256:p:hex`` or ``hmac-sha256/fingerprint:p:hex``.
Both are fixed when the store is created and kept in its chain metadata; an anchor
pins them so that a store whose metadata was changed afterwards (a keyed chain
"downgraded" to plain SHA-256 and recomputed without the key, say) no longer matches
the anchors it published. The bare ``p:hex`` form printed by earlier versions is still
read; it pins the history, not the algorithm.

What the chain cannot do on its own: someone who can write the store's file and
compute SHA-256 can recompute a plain chain over forged events. Only an anchor
published before (or a keyed chain, whose key the forger does not have) shows that.
``check_meta`` states the findings about the metadata itself; ``verify_rows`` those
about the rows.

This module is pure (no I/O): the recorders feed it raw rows and metadata.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import struct
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Literal, NamedTuple

import msgspec

from sgz_ledger.domain.errors import InvalidInput
from sgz_ledger.domain.messages import Phrase

__all__ = [
    "ALGORITHMS",
    "ALGORITHM_HMAC",
    "ALGORITHM_PLAIN",
    "CHAIN_FORMAT",
    "GENESIS",
    "Anchor",
    "ChainBreak",
    "ChainKeyError",
    "ChainLink",
    "RawEvent",
    "VerifyReport",
    "check_meta",
    "digest_of",
    "key_fingerprint",
    "link",
    "verify_rows",
]

GENESIS = bytes(32)
ALGORITHM_PLAIN = "sha256"
ALGORITHM_HMAC = "hmac-sha256"
ALGORITHMS = (ALGORITHM_PLAIN, ALGORITHM_HMAC)
CHAIN_FORMAT = "1"
# Hex digits of a key fingerprint (128 bits: enough to tell keys apart, and public).
FINGERPRINT_HEX = 32

_PREFIX = b"sgz-ledger/chain/v1\x00"
_HEAD = struct.Struct(">32sQ16sQI")  # prev, position, aggregate id, version, len(name)
_FINGERPRINT_MESSAGE = b"sgz-ledger/chain-key-fingerprint/v1"


class RawEvent(NamedTuple):
    """A stored event as the recorder keeps it: what the digest covers."""

    position: int
    originator_id: bytes  # the 16 bytes of the aggregate's UUID
    originator_version: int
    topic: str
    state: bytes


class ChainLink(NamedTuple):
    """One row of the ``event_chain`` table."""

    position: int
    digest: bytes


def link(prev: bytes, event: RawEvent, key: bytes | None = None) -> bytes:
    """The digest of ``event`` after the digest ``prev`` (HMAC when ``key`` is given)."""
    return digest_of(
        prev,
        event.position,
        event.originator_id,
        event.originator_version,
        event.topic.encode("utf-8"),
        event.state,
        key,
    )


def digest_of(
    prev: bytes,
    position: int,
    originator_id: bytes,
    version: int,
    name: bytes,
    state: bytes,
    key: bytes | None = None,
) -> bytes:
    """``link`` on the fields themselves (``name`` already UTF-8): the one place the
    message is built. Writers call it directly, without a ``RawEvent`` per event."""
    message = b"".join(
        (
            _PREFIX,
            _HEAD.pack(prev, position, originator_id, version, len(name)),
            name,
            len(state).to_bytes(4, "big"),
            state,
        )
    )
    if key is None:
        return hashlib.sha256(message).digest()
    # hmac.digest is OpenSSL's one-shot HMAC: the same digest as hmac.new(...).digest(),
    # without building a Python HMAC object per event.
    return hmac.digest(key, message, "sha256")


def key_fingerprint(key: bytes) -> str:
    """A public fingerprint of a chain key: tells a wrong key from a changed store."""
    return hmac.new(key, _FINGERPRINT_MESSAGE, hashlib.sha256).hexdigest()[:FINGERPRINT_HEX]


class ChainKeyError(InvalidInput):
    """The chain needs a key that was not given, or the key given is not the chain's."""

    reason = "chain_key"

    def __init__(self, code: str) -> None:
        super().__init__([("chain_key", Phrase(code))])


_ANCHOR = re.compile(
    r"(?:(?P<algorithm>[a-z0-9-]{1,32})(?:/(?P<fingerprint>[0-9a-fA-F]{"
    + str(FINGERPRINT_HEX)
    + r"}))?:)?(?P<position>[0-9]{1,19}):(?P<digest>[0-9a-fA-F]{64})"
)


class Anchor(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True):
    """The chain's digest at a log position: the whole history up to it, in 64 hex digits.

    Printed on reports as ``sha256:position:hex`` (``hmac-sha256/fingerprint:position:hex``
    for a keyed chain); keep it to check a later copy of the store.

    Attributes:
        position: the log position.
        digest: the chain's digest there, 64 hex digits.
        algorithm: the chain's algorithm, pinned (``""``: an anchor in the earlier bare
            ``position:hex`` form, which pins the history only).
        key_fingerprint: a keyed chain's key fingerprint, pinned.
    """

    position: int
    digest: str
    algorithm: str = ""
    key_fingerprint: str = ""

    def __str__(self) -> str:
        if not self.algorithm:
            return f"{self.position}:{self.digest}"
        pin = f"{self.algorithm}/{self.key_fingerprint}" if self.key_fingerprint else self.algorithm
        return f"{pin}:{self.position}:{self.digest}"

    @classmethod
    def parse(cls, text: str) -> Anchor:
        """Read an anchor as printed on a report (``sha256:position:hex``,
        ``hmac-sha256/fingerprint:position:hex``, or the earlier ``position:hex``).

        Raises:
            InvalidInput: not an anchor, or an algorithm this version does not know.
        """
        found = _ANCHOR.fullmatch(text.strip())
        if found is None or int(found.group("position")) < 1:
            raise InvalidInput.on("anchor", "not_an_anchor", anchor=text)
        algorithm = found.group("algorithm") or ""
        fingerprint = (found.group("fingerprint") or "").lower()
        if algorithm and algorithm not in ALGORITHMS:
            raise InvalidInput.on(
                "anchor", "anchor_unknown_algorithm", anchor=text, algorithm=algorithm
            )
        if (algorithm == ALGORITHM_HMAC) != bool(fingerprint):
            raise InvalidInput.on("anchor", "anchor_fingerprint", anchor=text)
        return cls(
            position=int(found.group("position")),
            digest=found.group("digest").lower(),
            algorithm=algorithm,
            key_fingerprint=fingerprint,
        )


BreakKind = Literal[
    "changed",  # the event's bytes (or its digest) differ from what was chained
    "removed",  # a chained event is gone from the log
    "unchained",  # events are in the log without a digest (inserted, or the chain removed)
    "out_of_order",  # positions are not increasing where they must be
    "anchor_mismatch",  # the history up to an anchor is not the one published
    "truncated",  # the log ends before a published anchor
    "metadata",  # the chain's metadata is missing, unknown, or not what an anchor pinned
    "key_required",  # a keyed chain, and no key to check it with
    "wrong_key",  # the key given is not the one the store's chain was created with
]


class ChainBreak(msgspec.Struct, frozen=True, kw_only=True):
    """Where and how the chain breaks: the first position that does not verify (0 for a
    finding about the store's chain metadata rather than a row)."""

    position: int
    kind: BreakKind
    message: str


class VerifyReport(msgspec.Struct, frozen=True, kw_only=True):
    """What ``verify`` found.

    Attributes:
        ok: every event verifies and every anchor matches.
        algorithm: ``sha256``, or ``hmac-sha256`` for a keyed chain (as the store says;
            an anchor's pinned algorithm is checked against it).
        events: events checked before the first break (all of them when ``ok``).
        head: the anchor of the last event checked that verified (publish it).
        first_break: the first problem found, ``None`` when ``ok``.
        anchors: the anchors that were checked and matched.
        chained_late_upto: for a store written before the hash chain existed, the last
            position whose digest was computed when the store was first opened with
            the chain, not when the event was written (0: every event chained as
            written). The chain proves nothing about those events' past: only an
            anchor published before can.
    """

    ok: bool
    algorithm: str
    events: int
    head: Anchor | None
    first_break: ChainBreak | None
    anchors: tuple[Anchor, ...] = ()
    chained_late_upto: int = 0


def _merge(
    events: Iterable[RawEvent], links: Iterable[ChainLink]
) -> Iterator[tuple[RawEvent | None, ChainLink | None]]:
    """Pair events and links by position, both in position order; a side missing is None."""
    event_iter, link_iter = iter(events), iter(links)
    event, chained = next(event_iter, None), next(link_iter, None)
    while event is not None or chained is not None:
        if chained is None or (event is not None and event.position < chained.position):
            yield event, None
            event = next(event_iter, None)
        elif event is None or chained.position < event.position:
            yield None, chained
            chained = next(link_iter, None)
        else:
            yield event, chained
            event, chained = next(event_iter, None), next(link_iter, None)


def verify_rows(
    events: Iterable[RawEvent],
    links: Iterable[ChainLink],
    *,
    algorithm: str,
    key: bytes | None = None,
    anchors: Iterable[Anchor] = (),
    contiguous: bool = False,
    progress: Callable[[int], None] | None = None,
) -> VerifyReport:
    """Recompute the chain from the raw rows and report the first break.

    Args:
        events: the stored events, in position order.
        links: the ``event_chain`` rows, in position order.
        algorithm: the chain's algorithm (from the store's chain metadata).
        key: the chain key, for an ``hmac-sha256`` chain.
        anchors: published anchors the history must pass through.
        contiguous: positions have no gaps when intact (SQLite and memory; PostgreSQL's
            sequence may skip numbers, so a gap there proves nothing by itself).
        progress: called with the number of events checked so far, now and then.

    Raises:
        ChainKeyError: a keyed chain without its key.
    """
    if algorithm == ALGORITHM_HMAC and key is None:
        raise ChainKeyError("chain_keyed_verify")
    use_key = key if algorithm == ALGORITHM_HMAC else None
    fingerprint = key_fingerprint(use_key) if use_key is not None else ""
    wanted = {a.position: a for a in anchors}
    matched: list[Anchor] = []
    prev = GENESIS
    last_position = 0
    count = 0
    # Each stored name's UTF-8, made once (a log holds a few dozen names).
    names: dict[str, bytes] = {}

    def head() -> Anchor | None:
        """The anchor of the last event that verified (built once, when reported)."""
        if not count:
            return None
        return Anchor(
            position=last_position,
            digest=prev.hex(),
            algorithm=algorithm,
            key_fingerprint=fingerprint,
        )

    def report(position: int, kind: BreakKind, message: str) -> VerifyReport:
        return VerifyReport(
            ok=False,
            algorithm=algorithm,
            events=count,
            head=head(),
            first_break=ChainBreak(position=position, kind=kind, message=message),
            anchors=tuple(matched),
        )

    for event, chained in _merge(events, links):
        if event is None:
            assert chained is not None
            return report(
                chained.position,
                "removed",
                f"the event at position {chained.position} was chained but is no longer in "
                "the log (a row was deleted)",
            )
        if chained is None:
            return report(
                event.position,
                "unchained",
                f"unchained from position {event.position}: the event there has no digest, so "
                "it was not written by the ledger (a row inserted by hand, or the chain's rows "
                "removed); no event from there on is proved",
            )
        position = event.position
        if position <= last_position:
            return report(position, "out_of_order", f"position {position} repeats or goes back")
        gap = contiguous and position != last_position + 1
        name = names.get(event.topic)
        if name is None:
            name = names[event.topic] = event.topic.encode("utf-8")
        digest = digest_of(
            prev,
            position,
            event.originator_id,
            event.originator_version,
            name,
            event.state,
            use_key,
        )
        if digest != chained.digest:
            if gap:
                message = (
                    f"positions {last_position + 1}..{position - 1} are missing before "
                    f"position {position}: rows were deleted"
                )
                return report(last_position + 1, "removed", message)
            return report(
                position,
                "changed",
                f"the event at position {position} ({event.topic}) does not match its digest: "
                "its stored bytes, its digest, or an event before it were changed",
            )
        if gap:
            # Every digest matched, yet positions are missing: the chain was rewritten
            # around a deletion by someone who could compute digests (no key, no anchor).
            return report(
                last_position + 1,
                "removed",
                f"positions {last_position + 1}..{position - 1} are missing",
            )
        anchor = wanted.pop(position, None)
        if anchor is not None:
            if anchor.digest != digest.hex():
                return report(
                    position,
                    "anchor_mismatch",
                    f"the history up to position {position} is not the one published with "
                    f"anchor {anchor}",
                )
            matched.append(anchor)
        prev, last_position = digest, position
        count += 1
        if progress is not None and count % 65536 == 0:
            progress(count)
    if wanted:
        missing = min(wanted)
        kind: BreakKind = "truncated" if missing > last_position else "anchor_mismatch"
        message = (
            f"the log ends at position {last_position}, before the published anchor at "
            f"position {missing}: events were cut off"
            if kind == "truncated"
            else f"there is no event at the anchor's position {missing}"
        )
        return report(missing, kind, message)
    if progress is not None:
        progress(count)
    return VerifyReport(
        ok=True,
        algorithm=algorithm,
        events=count,
        head=head(),
        first_break=None,
        anchors=tuple(matched),
    )


def check_meta(
    meta: Mapping[str, str],
    *,
    has_events: bool,
    key: bytes | None,
    anchors: Iterable[Anchor] = (),
) -> ChainBreak | None:
    """The findings about the chain's metadata, before any row is read (``None``: none).

    The metadata (``format``, ``algorithm``, ``key_fingerprint``) is written once, when
    the store is created, and never again; whoever can write the file can still change
    it, so it is checked against what it must be:

    * present and known (a store with events and no metadata had its chain removed);
    * a keyed chain is checked with its key: without one nothing is proved (a finding,
      not a pass), and a key whose fingerprint differs is a wrong key or an altered
      fingerprint;
    * a key given for a store that says it is unkeyed: if the store was created keyed,
      its chain was downgraded (recomputed without the key), so it is a finding too;
    * every anchor that pins an algorithm (and fingerprint) must agree with the store.

    Args:
        meta: the store's chain metadata.
        has_events: whether the log holds any event.
        key: the chain key the auditor gave (``None``: none).
        anchors: the published anchors the store is checked against.
    """

    def finding(kind: BreakKind, message: str) -> ChainBreak:
        return ChainBreak(position=0, kind=kind, message=message)

    algorithm = meta.get("algorithm")
    if algorithm is None:
        if not has_events:
            return None
        return finding(
            "metadata",
            "the store's hash chain metadata is missing (its chain tables were emptied or "
            "removed): nothing in this store can be proved",
        )
    if meta.get("format", CHAIN_FORMAT) != CHAIN_FORMAT or algorithm not in ALGORITHMS:
        return finding(
            "metadata",
            f"the store names an unknown hash chain ({algorithm!r}, format "
            f"{meta.get('format')!r}): this version verifies {', '.join(ALGORITHMS)} only",
        )
    stored_fingerprint = meta.get("key_fingerprint", "")
    if algorithm == ALGORITHM_HMAC:
        if not stored_fingerprint:
            return finding(
                "metadata", "the store's chain is keyed but its key fingerprint is missing"
            )
        if key is None:
            return finding(
                "key_required",
                "this store's chain is keyed (HMAC): without its chain key nothing can be "
                "proved; verify it with --chain-key-file",
            )
        if key_fingerprint(key) != stored_fingerprint:
            return finding(
                "wrong_key",
                "the chain key given is not the key of this store's chain (a wrong key "
                "file, or the store's key fingerprint was changed)",
            )
    else:
        if "key_fingerprint" in meta:
            return finding(
                "metadata",
                "the store says its chain is unkeyed (sha256) yet keeps a key fingerprint: "
                "its chain metadata was changed",
            )
        if key is not None:
            return finding(
                "metadata",
                "a chain key was given, but the store says its chain is unkeyed (sha256): if "
                "the store was created with that key, its chain was downgraded and recomputed "
                "without it",
            )
    for anchor in anchors:
        if not anchor.algorithm:
            continue  # an anchor in the earlier bare form pins the history only
        if anchor.algorithm != algorithm or anchor.key_fingerprint != stored_fingerprint:
            published = anchor.algorithm + (
                f" (key {anchor.key_fingerprint})" if anchor.key_fingerprint else ""
            )
            now = algorithm + (f" (key {stored_fingerprint})" if stored_fingerprint else "")
            return finding(
                "metadata",
                f"the anchor published at position {anchor.position} pins a {published} "
                f"chain, but the store's chain is now {now}: its chain was changed since",
            )
    return None
