"""``verify_rows`` on random logs: intact logs verify; any one edit is found where it starts."""

from __future__ import annotations

import uuid

from hypothesis import given, settings
from hypothesis import strategies as st

from sgz_ledger.storage.chain import (
    ALGORITHM_PLAIN,
    GENESIS,
    Anchor,
    ChainLink,
    RawEvent,
    link,
    verify_rows,
)

IDS = [uuid.UUID(int=n).bytes for n in range(1, 4)]


@st.composite
def logs(draw: st.DrawFn) -> list[RawEvent]:
    n = draw(st.integers(1, 30))
    versions = dict.fromkeys(IDS, 0)
    events = []
    for position in range(1, n + 1):
        aggregate = draw(st.sampled_from(IDS))
        versions[aggregate] += 1
        state = draw(st.binary(min_size=1, max_size=40))
        topic = draw(st.sampled_from(["CashDonationReceived.v1", "DisbursementPaid.v1"]))
        events.append(RawEvent(position, aggregate, versions[aggregate], topic, state))
    return events


def chain(events: list[RawEvent]) -> list[ChainLink]:
    prev, links = GENESIS, []
    for event in events:
        prev = link(prev, event)
        links.append(ChainLink(event.position, prev))
    return links


def check(events: list[RawEvent], links: list[ChainLink], **kwargs: object) -> object:
    return verify_rows(events, links, algorithm=ALGORITHM_PLAIN, contiguous=True, **kwargs)


@settings(max_examples=300)
@given(logs())
def test_an_intact_log_verifies_and_its_head_is_the_last_digest(events: list[RawEvent]) -> None:
    links = chain(events)
    report = check(events, links)
    assert report.ok  # type: ignore[attr-defined]
    assert report.events == len(events)  # type: ignore[attr-defined]
    head = Anchor(position=len(events), digest=links[-1].digest.hex(), algorithm="sha256")
    assert report.head == head  # type: ignore[attr-defined]


@settings(max_examples=500)
@given(logs(), st.data())
def test_one_edit_is_found_at_the_first_position_it_touches(
    events: list[RawEvent], data: st.DataObject
) -> None:
    links = chain(events)
    n = len(events)
    i = data.draw(st.integers(0, n - 1), label="row")
    edit = data.draw(
        st.sampled_from(["byte", "delete", "delete_both", "insert", "swap", "digest", "version"])
    )
    if edit == "byte":
        state = bytearray(events[i].state)
        state[data.draw(st.integers(0, len(state) - 1))] ^= data.draw(st.integers(1, 255))
        events[i] = events[i]._replace(state=bytes(state))
        expected = (i + 1, "changed")
    elif edit == "delete":
        del events[i]
        expected = (i + 1, "removed")
    elif edit == "delete_both":
        del events[i]
        del links[i]
        if i == n - 1:  # a cut-off tail: consistent, unless an anchor says otherwise
            assert check(events, links).ok  # type: ignore[attr-defined]
            return
        expected = (i + 1, "removed")
    elif edit == "insert":
        events.append(RawEvent(n + 1, IDS[0], 999, "CashDonationReceived.v1", b"forged"))
        expected = (n + 1, "unchained")
    elif edit == "swap":
        j = data.draw(st.integers(0, n - 1), label="other row")
        if events[i].state == events[j].state and events[i][1:4] == events[j][1:4]:
            return  # swapping two identical rows changes nothing
        a, b = sorted((i, j))
        sa, sb = events[a], events[b]
        events[a] = sa._replace(
            originator_id=sb[1], originator_version=sb[2], topic=sb[3], state=sb[4]
        )
        events[b] = sb._replace(
            originator_id=sa[1], originator_version=sa[2], topic=sa[3], state=sa[4]
        )
        expected = (a + 1, "changed")
    elif edit == "digest":
        links[i] = links[i]._replace(digest=bytes(32))
        expected = (i + 1, "changed")
    else:
        events[i] = events[i]._replace(originator_version=events[i].originator_version + 1000)
        expected = (i + 1, "changed")
    report = check(events, links)
    assert not report.ok  # type: ignore[attr-defined]
    found = report.first_break  # type: ignore[attr-defined]
    assert (found.position, found.kind) == expected
    # Everything before the break verified.
    assert report.events == expected[0] - 1  # type: ignore[attr-defined]


@settings(max_examples=200)
@given(logs(), st.data())
def test_an_anchor_holds_exactly_for_the_history_it_was_taken_from(
    events: list[RawEvent], data: st.DataObject
) -> None:
    links = chain(events)
    at = data.draw(st.integers(1, len(events)))
    anchor = Anchor(position=at, digest=links[at - 1].digest.hex())
    assert check(events, links, anchors=[anchor]).ok  # type: ignore[attr-defined]
    # Any change at or before the anchor, with the chain recomputed to hide it, is caught.
    k = data.draw(st.integers(0, at - 1))
    events[k] = events[k]._replace(state=events[k].state + b"!")
    rechained = chain(events)
    report = check(events, rechained, anchors=[anchor])
    assert report.first_break.kind == "anchor_mismatch"  # type: ignore[attr-defined]
    assert report.first_break.position == at  # type: ignore[attr-defined]


# ---- the chain's metadata: any change of what the store was created with is a finding ----------

KEYS = [b"station key", b"another key"]


@st.composite
def edited_meta(draw: st.DrawFn) -> tuple[dict[str, str], dict[str, str], bytes | None]:
    """The metadata a store was created with, the same after random edits, and the creator's key."""
    from sgz_ledger.storage.chain import ALGORITHM_HMAC, CHAIN_FORMAT, key_fingerprint

    key = draw(st.sampled_from([None, *KEYS]))
    created = {"format": CHAIN_FORMAT, "algorithm": ALGORITHM_HMAC if key else ALGORITHM_PLAIN}
    if key:
        created["key_fingerprint"] = key_fingerprint(key)
    meta = dict(created)
    for _ in range(draw(st.integers(0, 3))):
        name = draw(st.sampled_from(["format", "algorithm", "key_fingerprint"]))
        if draw(st.booleans()):
            meta.pop(name, None)
        else:
            meta[name] = draw(
                st.sampled_from(
                    ["sha256", "hmac-sha256", "md5", "1", "2", "", *map(key_fingerprint, KEYS)]
                )
            )
    return created, meta, key


def verified(
    meta: dict[str, str], creator_key: bytes | None, given_key: bytes | None, pinned: bool
) -> bool:
    """What ``Ledger.verify`` concludes for a small log chained by its creator: the metadata
    first, then the rows (with the given key where the metadata says the chain is keyed)."""
    from sgz_ledger.storage.chain import ALGORITHM_HMAC, check_meta, key_fingerprint

    events = [RawEvent(p, IDS[0], p, "CashDonationReceived.v1", bytes([p])) for p in (1, 2, 3)]
    prev, links = GENESIS, []
    for event in events:
        prev = link(prev, event, creator_key)
        links.append(ChainLink(event.position, prev))
    anchor = Anchor(
        position=3,
        digest=prev.hex(),
        algorithm=ALGORITHM_HMAC if creator_key else ALGORITHM_PLAIN,
        key_fingerprint=key_fingerprint(creator_key) if creator_key else "",
    )
    anchors = [anchor] if pinned else []
    if check_meta(meta, has_events=True, key=given_key, anchors=anchors) is not None:
        return False
    report = verify_rows(events, links, algorithm=meta["algorithm"], key=given_key, anchors=anchors)
    return bool(report.ok)


@given(edited_meta(), st.sampled_from([None, *KEYS]), st.booleans())
@settings(max_examples=500)
def test_metadata_passes_only_as_created_and_with_the_creators_key(
    case: tuple[dict[str, str], dict[str, str], bytes | None], given_key: bytes | None, pinned: bool
) -> None:
    """An auditor who knows how the store was made (its key, or its published anchor's pin)
    is never fooled by an edit of the chain's metadata; one who knows neither is fooled only
    by a full downgrade of a keyed chain to a plain one, which is why anchors are published."""
    created, meta, creator_key = case

    def norm(m: dict[str, str]) -> dict[str, str]:
        return {"format": "1", **m}  # a missing format is the first one

    unchanged = norm(meta) == norm(created)
    ok = verified(meta, creator_key, given_key, pinned)
    if given_key is not None and given_key != creator_key:
        assert not ok  # another key (or any key for a plain chain) never passes
    elif given_key == creator_key and (given_key is not None or pinned):
        assert ok == unchanged
    elif creator_key is not None and pinned:
        assert not ok  # no key for a keyed chain: never a pass
    elif creator_key is not None:
        downgraded = norm(meta) == {"format": "1", "algorithm": ALGORITHM_PLAIN}
        assert not ok or downgraded  # the documented limit, and only it
    else:
        assert ok == unchanged
