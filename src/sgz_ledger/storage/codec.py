"""Encode and decode stored events with msgspec, by stable names, for eventsourcing.

eventsourcing's default ``Mapper`` names a stored event by its Python topic
(``package.module:Class``) and serialises ``vars(event)`` through a JSON
transcoder. That ties the stored history to the code's layout and costs several
times a raw decode on replay. Here instead:

* the stored ``topic`` is the event's stable name and version, ``"<tag>.v<N>"``,
  looked up in a registry built from the event classes' tags, so classes can move
  or be renamed and old events still read;
* the stored ``state`` is the whole msgspec struct as MessagePack (UUIDs as 16
  bytes, datetimes as the MessagePack timestamp extension), decoded by one typed
  ``msgspec.msgpack.Decoder`` per event class in a single call;
* an event stored at an older version is decoded to a plain dict, passed through
  the class's ``upcast_vN_vN+1`` static methods (eventsourcing's naming), and then
  decoded into the current class;
* eventsourcing's cipher and compressor still apply (``Mapper`` does them for us
  in the same order: compress, then encrypt).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, NamedTuple, cast
from uuid import UUID

import msgspec
from eventsourcing.persistence import (
    Cipher,
    Compressor,
    Mapper,
    MapperDeserialisationError,
    StoredEvent,
    Transcoder,
)

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
)
from sgz_ledger.domain.fund import FundSnapshot

__all__ = [
    "DEFAULT_EVENT_TYPES",
    "EncodedEvent",
    "EventCodec",
    "MsgspecMapper",
    "MsgspecTranscoder",
    "UnknownEventName",
    "event_name",
]

DEFAULT_EVENT_TYPES: tuple[type[msgspec.Struct], ...] = (
    *FUND_EVENT_TYPES,
    FundSnapshot,
    *VOLUNTEER_EVENT_TYPES,
    *DONOR_EVENT_TYPES,
    *PERIOD_EVENT_TYPES,
    *PEOPLE_EVENT_TYPES,
    *LEVEL_EVENT_TYPES,
    *PROJECT_EVENT_TYPES,
    *DELIVERY_EVENT_TYPES,
    *RECOGNITION_EVENT_TYPES,
)


class EncodedEvent(NamedTuple):
    """A new event encoded for the recorder: eventsourcing's ``StoredEvent`` as a tuple.

    eventsourcing's recorders (SQLite, PostgreSQL, in memory) read only these four
    attributes. Its ``StoredEvent`` is a frozen dataclass whose construction took about
    1 µs an event on a bulk import's hot path, three times a named tuple's, so the
    ledger's own save hands the recorder these instead (``MsgspecMapper.encode_events``).
    """

    originator_id: UUID
    originator_version: int
    topic: str
    state: bytes


class UnknownEventName(MapperDeserialisationError):
    """A stored event's name is not in the registry (newer code wrote it, or a typo)."""


def event_name(cls: type[msgspec.Struct]) -> str:
    """The stable stored name of an event class: ``"<tag>.v<version>"``."""
    tag = cls.__struct_config__.tag
    if not isinstance(tag, str):
        msg = f"{cls.__name__} has no string tag; every stored event needs a stable tag"
        raise TypeError(msg)
    return f"{tag}.v{getattr(cls, 'version', 1)}"


class EventCodec:
    """The registry of stored event names and their msgspec encoder and decoders.

    One codec is shared by the application's mapper, the projections' bulk reader
    and the audit tools, so that every reader decodes events the same way.
    """

    def __init__(self, event_types: Iterable[type[msgspec.Struct]] = DEFAULT_EVENT_TYPES) -> None:
        self._encoder = msgspec.msgpack.Encoder(uuid_format="bytes")
        self._name_of: dict[type[msgspec.Struct], str] = {}
        self._decoders: dict[str, Callable[[bytes], Any]] = {}
        # Older names: stored name -> (current class, stored version).
        self._old: dict[str, tuple[type[msgspec.Struct], int]] = {}
        for cls in event_types:
            name = event_name(cls)
            if name in self._decoders:
                msg = f"two event classes are registered under {name!r}"
                raise ValueError(msg)
            self._name_of[cls] = name
            self._decoders[name] = msgspec.msgpack.Decoder(cls).decode
            tag = name.rsplit(".v", 1)[0]
            for old_version in range(1, getattr(cls, "version", 1)):
                self._old[f"{tag}.v{old_version}"] = (cls, old_version)

    @property
    def names_by_class(self) -> dict[type[msgspec.Struct], str]:
        """Each registered class's current stored name (the encoding side's table)."""
        return self._name_of

    @property
    def names(self) -> tuple[str, ...]:
        """Every current stored name this codec reads."""
        return tuple(self._decoders)

    def name_of(self, event: msgspec.Struct) -> str:
        """The stored name of ``event``'s class."""
        try:
            return self._name_of[type(event)]
        except KeyError:
            msg = f"{type(event).__name__} is not a registered event class"
            raise TypeError(msg) from None

    def encode(self, event: msgspec.Struct) -> bytes:
        """The event as MessagePack bytes (the stored ``state`` before any cipher)."""
        return self._encoder.encode(event)

    def decode(self, name: str, data: bytes) -> Any:
        """Decode stored bytes under stored name ``name``, upcasting older versions."""
        decode = self._decoders.get(name)
        if decode is not None:
            return decode(data)
        old = self._old.get(name)
        if old is None:
            msg = f"no event class is registered under the stored name {name!r}"
            raise UnknownEventName(msg)
        cls, version = old
        state = msgspec.msgpack.decode(data)
        current = getattr(cls, "version", 1)
        while version < current:
            # eventsourcing's upcasters edit the dict in place; one that returns a new
            # dict is honoured too rather than silently dropped.
            upcast = getattr(cls, f"upcast_v{version}_v{version + 1}")
            state = upcast(state) or state
            version += 1
        return self._decoders[self._name_of[cls]](self._encoder.encode(state))

    def decoder_for(self, name: str) -> Callable[[bytes], Any]:
        """A decode function for one stored name (the bulk reader's fast path)."""
        decode = self._decoders.get(name)
        if decode is not None:
            return decode
        return lambda data: self.decode(name, data)


class MsgspecTranscoder(Transcoder):
    """A MessagePack transcoder for the odd plain object eventsourcing may pass.

    Events never go through it (``MsgspecMapper`` encodes structs itself); it exists
    because ``Mapper`` requires a transcoder and it must not be the JSON one.
    """

    def __init__(self) -> None:
        self._encoder = msgspec.msgpack.Encoder(uuid_format="bytes")

    def encode(self, obj: Any) -> bytes:
        """Encode a plain object."""
        return self._encoder.encode(obj)

    def decode(self, data: bytes) -> Any:
        """Decode to plain objects."""
        return msgspec.msgpack.decode(data)


class MsgspecMapper(Mapper[UUID]):
    """eventsourcing's ``Mapper`` with msgspec structs and stable names."""

    def __init__(
        self,
        transcoder: Transcoder | None = None,
        compressor: Compressor | None = None,
        cipher: Cipher | None = None,
        *,
        codec: EventCodec | None = None,
    ) -> None:
        super().__init__(transcoder or MsgspecTranscoder(), compressor=compressor, cipher=cipher)
        self.codec = codec or EventCodec()
        # Applied to every event decoded (``sgz_ledger.storage.stored_text``: a store written before
        # text was canonical is read in the canonical form); ``None``: events as decoded.
        self.normalise: Callable[[Any], Any] | None = None

    def to_stored_event(self, domain_event: Any) -> StoredEvent:
        """Encode one event struct for the recorder."""
        state = self.codec.encode(domain_event)
        if self.compressor:
            state = self.compressor.compress(state)
        if self.cipher:
            state = self.cipher.encrypt(state)
        return StoredEvent(
            originator_id=domain_event.originator_id,
            originator_version=domain_event.originator_version,
            topic=self.codec.name_of(domain_event),
            state=state,
        )

    def encode_events(self, events: Sequence[Any]) -> list[StoredEvent]:
        """Encode new event structs for the recorder, as ``to_stored_event`` does each one.

        The save path of every command and import: without a cipher or compressor the
        codec's encoder and name table are called directly, and the results are
        ``EncodedEvent`` tuples (read by the recorders exactly as ``StoredEvent``).
        """
        if self.cipher or self.compressor:
            return [self.to_stored_event(event) for event in events]
        encode = self.codec.encode
        names = self.codec.names_by_class
        try:
            encoded = [
                EncodedEvent(
                    event.originator_id, event.originator_version, names[type(event)], encode(event)
                )
                for event in events
            ]
        except KeyError:
            # Not a registered class: ``name_of`` raises the error that names it.
            for event in events:
                self.codec.name_of(event)
            raise
        return cast(list[StoredEvent], encoded)

    def to_domain_event(self, stored_event: StoredEvent) -> Any:
        """Decode one stored event; a failure names the stored event it came from."""
        try:
            return self._decode(stored_event.topic, stored_event.state)
        except UnknownEventName:
            raise
        except Exception as e:  # the message is built only on failure: this is hot
            where = f" of {stored_event.originator_id!s} version {stored_event.originator_version}"
            raise _undecodable(stored_event.topic, e, where) from e

    def decode_stored(self, topic: str, state: bytes) -> Any:
        """Decode a stored name and stored bytes (decrypted and decompressed first).

        The bulk readers' path: no ``StoredEvent`` object is needed.
        """
        try:
            return self._decode(topic, state)
        except UnknownEventName:
            raise
        except Exception as e:
            raise _undecodable(topic, e) from e

    def raw_decoder(self) -> Callable[[str, bytes], Any]:
        """A ``(stored name, stored bytes) -> event`` function for reading the log in bulk.

        Without a cipher or compressor it calls the codec's decoder for each name
        directly (one dictionary lookup and one msgspec call per event: the hot path of
        replays, catch-up and exports); otherwise it is ``decode_stored``. A failure is a
        ``MapperDeserialisationError`` naming the stored name, as ``decode_stored`` raises.
        """
        if self.cipher or self.compressor or self.normalise:
            return self.decode_stored
        decoder_for = self.codec.decoder_for
        decoders: dict[str, Callable[[bytes], Any]] = {}

        def decode(name: str, state: bytes) -> Any:
            found = decoders.get(name)
            if found is None:
                found = decoders[name] = decoder_for(name)
            try:
                return found(state)
            except UnknownEventName:
                raise
            except Exception as e:
                raise _undecodable(name, e) from e

        return decode

    def _decode(self, topic: str, state: bytes) -> Any:
        event = self.decode_recorded(topic, state)
        return event if self.normalise is None else self.normalise(event)

    def decode_recorded(self, topic: str, state: bytes) -> Any:
        """A stored event decoded exactly as recorded (no ``normalise``); errors as raised."""
        if self.cipher:
            state = self.cipher.decrypt(state)
        if self.compressor:
            state = self.compressor.decompress(state)
        return self.codec.decode(topic, state)


def _undecodable(topic: str, cause: Exception, where: str = "") -> MapperDeserialisationError:
    """The one message of every decoding path: the stored name, where it was, why."""
    return MapperDeserialisationError(f"cannot decode stored event {topic!r}{where}: {cause}")
