"""The public API: every event and every error exported, and every public name documented."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import sgz_ledger
from sgz_ledger import Ledger, errors, events
from sgz_ledger.domain.errors import LedgerError
from sgz_ledger.domain.events import LedgerEvent


def _every_module() -> None:
    for info in pkgutil.walk_packages(sgz_ledger.__path__, "sgz_ledger."):
        if not info.name.endswith("__main__"):  # runs the command line
            importlib.import_module(info.name)


def _subclasses(cls: type) -> set[type]:
    found = set()
    for sub in cls.__subclasses__():
        found |= {sub, *_subclasses(sub)}
    return found


def test_every_event_class_is_in_sgz_ledger_events() -> None:
    _every_module()
    classes = {c for c in _subclasses(LedgerEvent) if c.__module__.startswith("sgz_ledger.")}
    exported = {getattr(events, name) for name in events.__all__}
    assert classes <= exported, sorted(c.__name__ for c in classes - exported)


def test_every_error_class_is_in_sgz_ledger_errors() -> None:
    _every_module()
    classes = {
        c
        for c in _subclasses(LedgerError) | {LedgerError}
        if c.__module__.startswith("sgz_ledger.")
        and not c.__name__.startswith("_")
        and not c.__module__.startswith("sgz_ledger.cli")
    }
    exported = {getattr(errors, name) for name in errors.__all__}
    assert classes <= exported, sorted(c.__name__ for c in classes - exported)


def test_events_errors_and_commands_are_re_exported_at_the_top() -> None:
    for module in (events, errors):
        for name in module.__all__:
            assert name in sgz_ledger.__all__, name
            assert getattr(sgz_ledger, name) is getattr(module, name)
    for name in sgz_ledger.__all__:
        assert hasattr(sgz_ledger, name), name


def test_every_public_name_has_a_docstring() -> None:
    undocumented = [
        name
        for name in sgz_ledger.__all__
        if inspect.isclass(obj := getattr(sgz_ledger, name)) or inspect.isfunction(obj)
        if not (obj.__doc__ or "").strip()
    ]
    assert not undocumented
    # The ledger's own public methods and properties (not eventsourcing's Application's).
    own = [
        name
        for cls in Ledger.__mro__
        if cls.__module__.startswith("sgz_ledger.")
        for name, member in vars(cls).items()
        if not name.startswith("_") and (inspect.isfunction(member) or isinstance(member, property))
    ]
    assert own
    assert [name for name in own if not (getattr(Ledger, name).__doc__ or "").strip()] == []


def test_help_on_opening_a_ledger_shows_the_ledgers_own_words() -> None:
    doc = inspect.getdoc(Ledger.__init__) or ""
    assert "store:" in doc
    assert "cipher_key" in doc
    assert "Raises:" in doc
    assert Ledger.__init__.__module__.startswith("sgz_ledger.")


def test_every_name_in_a_public_modules_all_is_there() -> None:
    # ``from module import *`` fails on a name ``__all__`` lists that the module lacks.
    import sgz_ledger.sheets
    import sgz_ledger.testing

    for module in (sgz_ledger, events, errors, sgz_ledger.sheets, sgz_ledger.testing):
        missing = [name for name in module.__all__ if not hasattr(module, name)]
        assert not missing, f"{module.__name__}.__all__ names {missing}, which it lacks"
