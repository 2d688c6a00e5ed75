"""The save path's shortcuts give exactly what the general code gives.

A command's (or an import batch's) events reach the store through three shortcuts, each
taken because it was measured on a bulk import's hot path (`make bench`'s import):

* ``MsgspecMapper.encode_events`` builds ``EncodedEvent`` tuples instead of
  eventsourcing's ``StoredEvent`` dataclass: the same four fields as ``to_stored_event``;
* the writer's chain (``Chain.links``) makes each aggregate id's bytes and each name's
  UTF-8 once per batch, and keyed chains use ``hmac.digest``: the same digests as the
  chain's documented message, computed here from scratch;
* event structs are not tracked by Python's cyclic garbage collector (``gc=False``),
  which is safe only while no event can hold a mutable container, and so be part of a
  reference cycle: checked for every registered event class; nor is a fund's
  ``DisbursementState``, whose fields are checked the same way.
"""

from __future__ import annotations

import gc
import hashlib
import hmac
import struct
import uuid
from typing import Any

import msgspec
import pytest
from eventsourcing.persistence import StoredEvent
from hypothesis import given, settings
from hypothesis import strategies as st

from reports_support import record_small_year
from sgz_ledger import Ledger
from sgz_ledger.domain.events import (
    DELIVERY_EVENT_TYPES,
    DONOR_EVENT_TYPES,
    FUND_EVENT_TYPES,
    LEVEL_EVENT_TYPES,
    PEOPLE_EVENT_TYPES,
    PERIOD_EVENT_TYPES,
    PROJECT_EVENT_TYPES,
    RECOGNITION_EVENT_TYPES,
    VOLUNTEER_EVENT_TYPES,
    LedgerEvent,
)
from sgz_ledger.domain.fund import DisbursementState, FundSnapshot
from sgz_ledger.storage.codec import DEFAULT_EVENT_TYPES, EncodedEvent, MsgspecMapper
from sgz_ledger.storage.recorders import Chain

# ---- the chain's writer against the documented message ------------------------------------


def documented_digest(prev: bytes, position: int, uid: uuid.UUID, version: int, name: str,
                      state: bytes, key: bytes | None) -> bytes:  # fmt: skip
    """The digest as ``sgz_ledger.storage.chain``'s docstring defines it, built independently."""
    name_bytes = name.encode("utf-8")
    message = (
        b"sgz-ledger/chain/v1\x00"
        + prev
        + struct.pack(">Q", position)
        + uid.bytes
        + struct.pack(">Q", version)
        + struct.pack(">I", len(name_bytes))
        + name_bytes
        + struct.pack(">I", len(state))
        + state
    )
    if key is None:
        return hashlib.sha256(message).digest()
    return hmac.new(key, message, hashlib.sha256).digest()


AGGREGATES = [uuid.UUID(int=n) for n in (1, 2, 3, 2**127 + 5)]
NAMES = ["CashDonationReceived.v1", "DisbursementPaid.v1", "捐赠.v1", ""]


@st.composite
def batches(draw: st.DrawFn) -> list[StoredEvent]:
    """A batch as a save hands it over: runs of one aggregate's events, names mixed."""
    events: list[StoredEvent] = []
    versions = dict.fromkeys(AGGREGATES, 0)
    for _ in range(draw(st.integers(1, 6))):
        uid = draw(st.sampled_from(AGGREGATES))
        for _ in range(draw(st.integers(1, 5))):
            versions[uid] += 1
            name = draw(st.sampled_from(NAMES))
            state = draw(st.binary(max_size=60))
            # Either shape the recorders accept: eventsourcing's dataclass or the tuple.
            make = draw(st.sampled_from([StoredEvent, EncodedEvent]))
            events.append(make(uid, versions[uid], name, state))  # type: ignore[arg-type]
    return events


@settings(max_examples=300)
@given(
    batches(),
    st.binary(min_size=32, max_size=32),
    st.integers(0, 2**40),
    st.one_of(st.none(), st.binary(min_size=1, max_size=64)),
)
def test_the_writers_links_are_the_documented_digests(
    events: list[StoredEvent], prev: bytes, first: int, key: bytes | None
) -> None:
    positions = range(first + 1, first + 1 + len(events))
    links = Chain(key).links(prev, positions, events)
    expected = []
    for position, s in zip(positions, events, strict=True):
        assert isinstance(s.originator_id, uuid.UUID)
        prev = documented_digest(
            prev, position, s.originator_id, s.originator_version, s.topic, s.state, key
        )
        expected.append((position, prev))
    assert links == expected


# ---- encode_events against to_stored_event ------------------------------------------------


def recorded_events(ledger: Ledger) -> list[Any]:
    record_small_year(ledger)
    return list(ledger.stored_events())


@pytest.mark.parametrize("cipher", [False, True])
def test_encode_events_gives_what_to_stored_event_gives(cipher: bool) -> None:
    ledger = Ledger("memory:", cipher_key="k" * 32 if cipher else "")
    events = recorded_events(ledger)
    assert len({type(e) for e in events}) >= 8  # a varied history, not one kind
    mapper = ledger.mapper
    assert isinstance(mapper, MsgspecMapper)
    encoded = mapper.encode_events(events)
    single = [mapper.to_stored_event(e) for e in events]
    fields = ("originator_id", "originator_version", "topic", "state")
    if cipher:
        # Each encryption draws a fresh nonce: compare what decrypts, and the rest.
        fields = fields[:3]
        assert [mapper.to_domain_event(s) for s in encoded] == events
    assert [tuple(getattr(s, f) for f in fields) for s in encoded] == [
        tuple(getattr(s, f) for f in fields) for s in single
    ]
    assert all(isinstance(s, EncodedEvent) != cipher for s in encoded)


def test_encode_events_refuses_an_unregistered_class_by_name() -> None:
    class Stray(LedgerEvent, frozen=True, kw_only=True, tag="Stray"):
        pass

    ledger = Ledger("memory:")
    events = recorded_events(ledger)
    mapper = ledger.mapper
    assert isinstance(mapper, MsgspecMapper)
    stray = Stray(
        originator_id=uuid.uuid4(),
        originator_version=1,
        timestamp=events[0].timestamp,
        actor="x",
        occurred_on=events[0].occurred_on,
    )
    with pytest.raises(TypeError, match="Stray is not a registered event class"):
        mapper.encode_events([*events[:3], stray])


# ---- events untracked by the garbage collector, and why that is safe ---------------------

# msgspec.inspect types that are mutable containers: an event holding one could be part
# of a reference cycle, which an untracked (gc=False) struct would leak.
MUTABLE = (
    msgspec.inspect.ListType,
    msgspec.inspect.DictType,
    msgspec.inspect.SetType,
    msgspec.inspect.AnyType,
)


def mutable_parts(t: msgspec.inspect.Type, seen: set[type]) -> list[str]:
    if isinstance(t, MUTABLE):
        return [type(t).__name__]
    found: list[str] = []
    if isinstance(t, msgspec.inspect.StructType):
        if t.cls in seen:
            return []
        seen.add(t.cls)
        if not t.cls.__struct_config__.frozen:
            found.append(f"{t.cls.__name__} is not frozen")
        for f in t.fields:
            found += [f"{t.cls.__name__}.{f.name}: {p}" for p in mutable_parts(f.type, seen)]
    elif isinstance(t, msgspec.inspect.UnionType):
        for member in t.types:
            found += mutable_parts(member, seen)
    elif isinstance(t, msgspec.inspect.VarTupleType):
        found += mutable_parts(t.item_type, seen)
    elif isinstance(t, msgspec.inspect.TupleType):
        for item in t.item_types:
            found += mutable_parts(item, seen)
    return found


EVENT_TYPES = [
    *FUND_EVENT_TYPES,
    *VOLUNTEER_EVENT_TYPES,
    *DONOR_EVENT_TYPES,
    *PERIOD_EVENT_TYPES,
    *PEOPLE_EVENT_TYPES,
    *LEVEL_EVENT_TYPES,
    *PROJECT_EVENT_TYPES,
    *DELIVERY_EVENT_TYPES,
    *RECOGNITION_EVENT_TYPES,
]


@pytest.mark.parametrize("cls", EVENT_TYPES, ids=lambda c: c.__name__)
def test_every_event_is_frozen_and_holds_no_mutable_container(cls: type[Any]) -> None:
    assert cls.__struct_config__.gc is False
    assert mutable_parts(msgspec.inspect.type_info(cls), set()) == []


def test_recorded_and_decoded_events_are_not_tracked_by_the_collector() -> None:
    ledger = Ledger("memory:")
    events = recorded_events(ledger)  # decoded from the log
    assert events
    assert not any(gc.is_tracked(e) for e in events)


def test_a_disbursements_state_is_untracked_and_can_hold_nothing_mutable() -> None:
    # A fund keeps one DisbursementState per request for good, untracked like the
    # events. It is itself mutable (its status moves), so it is safe only while none
    # of its fields can hold a container that could hold it back: only events,
    # strings, numbers and tuples of those.
    assert DisbursementState.__struct_config__.gc is False
    info = msgspec.inspect.type_info(DisbursementState)
    assert isinstance(info, msgspec.inspect.StructType)
    for f in info.fields:
        assert mutable_parts(f.type, set()) == [], f.name


def test_the_checks_above_cover_every_registered_event_class() -> None:
    # Every class the codec writes is checked, but the snapshot: it holds a fund's mutable
    # state and stays tracked (it is not a LedgerEvent, so it keeps gc=True).
    assert set(DEFAULT_EVENT_TYPES) - set(EVENT_TYPES) == {FundSnapshot}
    assert FundSnapshot.__struct_config__.gc is True
