"""The generated reference pages list everything the code has, and say it as the code does.

The pages are written by docs/_hooks/reference_pages.py at build time; each test here fails
when an event, error, sheet kind or column, view table or command is missing from its page.
The sheets' column forms are checked against how the importers really read each column.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import inspect
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import msgspec
import pytest

import sgz_ledger
from sgz_ledger import Ledger, LedgerError
from sgz_ledger import errors as error_module
from sgz_ledger import events as event_module
from sgz_ledger.projections.fund_views import FundViews
from sgz_ledger.sheets import KINDS, import_sheet
from sgz_ledger.sheets.common import (
    CHOICE,
    COUNT,
    DATE,
    FORMS,
    HOURS,
    LIST,
    TEXT,
    TIME,
    YUAN,
    Column,
    RowReader,
    SheetKind,
)
from sgz_ledger.storage.codec import EventCodec

ROOT = Path(__file__).resolve().parents[2]
HOOKS = ROOT / "docs" / "_hooks" / "reference_pages.py"


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("reference_pages", HOOKS)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["reference_pages"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    made: dict[str, str] = _load().pages()
    return made


def _sections(page: str, level: str) -> dict[str, str]:
    """Each heading of ``level`` (``"###"``) -> the text up to the next heading at most as deep."""
    parts = re.split(rf"^{level} (.+)$", page, flags=re.MULTILINE)
    return {parts[i].strip(): parts[i + 1] for i in range(1, len(parts), 2)}


def test_every_public_name_is_on_one_api_page(pages: dict[str, str]) -> None:
    api = {path: text for path, text in pages.items() if path.startswith("reference/api/")}
    for name in sgz_ledger.__all__:
        on = [path for path, text in api.items() if f"::: sgz_ledger.{name}\n" in text]
        assert len(on) == 1, (name, on)
    assert "::: sgz_ledger.events\n" in pages["reference/api/events.md"]
    assert "::: sgz_ledger.errors\n" in pages["reference/api/errors.md"]


def test_the_ledger_page_has_its_commands_and_queries(pages: dict[str, str]) -> None:
    page = pages["reference/api/ledger.md"]
    for member in ("receive_cash", "balances", "execute_batch", "annual_report", "open_fund"):
        assert f"        - {member}\n" in page


def test_the_ledger_constructor_documents_its_own_parameters() -> None:
    assert Ledger.__init__.__qualname__ == "Ledger.__init__"
    doc = inspect.getdoc(Ledger.__init__) or ""
    args = doc.split("Args:", 1)[1].split("Raises:", 1)[0]
    for name in inspect.signature(Ledger.__init__).parameters:
        if name != "self":
            assert re.search(rf"^    {name}: ", args, re.MULTILINE), name


def test_every_stored_event_class_with_its_name_version_and_fields(pages: dict[str, str]) -> None:
    sections = _sections(pages["reference/events.md"], "###")
    registered = EventCodec().names_by_class
    for cls, name in registered.items():
        section = sections[cls.__name__]
        assert f"Stored as `{name}` (version {getattr(cls, 'version', 1)})" in section
        common = {f.name for f in msgspec.structs.fields(event_module.LedgerEvent)}
        for field in msgspec.structs.fields(cls):
            if field.name not in common:
                # Its own row: the name may be quoted in another field's meaning too.
                assert f"| <code>{field.name}</code> |" in section, (cls.__name__, field.name)
    # Every event class the public module exports (but the bases) is registered, so it is
    # on the page.
    for name in event_module.__all__:
        value = getattr(event_module, name)
        if (
            isinstance(value, type)
            and issubclass(value, event_module.LedgerEvent)
            and not value.__subclasses__()
        ):
            assert value in registered, name


def test_every_error_with_its_reason_and_base(pages: dict[str, str]) -> None:
    page = pages["reference/errors.md"]
    rows = {
        match.group(1): line
        for line in page.splitlines()
        if (match := re.search(r"\[`(\w+)`\]\(api/errors\.md", line))
    }
    for name in error_module.__all__:
        cls = getattr(error_module, name)
        if not isinstance(cls, type):
            continue  # the messages' language setting, on the errors' API page
        if not issubclass(cls, LedgerError):
            assert f"<code>{name}</code>" in page
            continue
        row = rows[name]
        assert f"<code>{cls.reason}</code>" in row, name
        assert f"`{cls.__bases__[0].__name__}`" in row or cls is LedgerError, name


def test_every_sheet_kind_with_its_columns_and_the_limits(pages: dict[str, str]) -> None:
    page = pages["reference/sheets.md"]
    sections = _sections(page, "##")
    for kind in KINDS:
        section = sections[kind.title]
        assert f"Kind `{kind.name}`" in section
        for column in kind.columns:
            row = next(
                line for line in section.splitlines() if line.startswith(f"| <code>{column.key}<")
            )
            assert "、".join(column.zh) in row
            assert ("required" if column.required else "optional") in row
            assert f"<code>{column.form}</code>" in row
            for choice in column.choices:
                assert f"<code>{choice}</code>" in row
    for limit in ("32 MiB", "20,000", "UTF-8", "GB18030", "Big5"):
        assert limit in sections["Limits and encodings"]


def test_every_view_table_with_its_columns_and_ddl(pages: dict[str, str]) -> None:
    sections = _sections(pages["reference/views.md"], "##")
    for table in FundViews.tables:
        section = sections[table.name]
        assert f"CREATE TABLE {table.name} (" in section
        for column, kind in table.columns:
            assert f"| <code>{column}</code> | <code>{kind}</code> |" in section
    assert "CREATE TABLE view_versions" in sections["view_versions and tracking"]


def _commands() -> Iterator[tuple[str, argparse.ArgumentParser]]:
    def walk(prefix: str, parser: argparse.ArgumentParser) -> Iterator[tuple[str, Any]]:
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    yield f"{prefix} {name}".strip(), sub
                    yield from walk(f"{prefix} {name}", sub)

    from sgz_ledger.cli import build_parser

    yield from walk("", build_parser())


def test_every_command_with_its_options(pages: dict[str, str]) -> None:
    from sgz_ledger.cli import build_parser

    page = pages["reference/cli.md"]
    # Each command's own text, up to the next heading of any depth: a subcommand's usage and
    # options are not its parent's.
    sections = {
        heading: re.split(r"^#{1,6} ", text, flags=re.MULTILINE)[0]
        for level in ("##", "###", "####")
        for heading, text in _sections(page, level).items()
    }
    everywhere = {o for a in build_parser()._actions for o in a.option_strings} - {"-h", "--help"}
    for option in everywhere:
        assert re.search(rf"<code>{option}[ <]", sections["Options of every command"]), option
    commands = list(_commands())
    assert len(commands) > 40
    for path, parser in commands:
        section = sections[f"sgz-ledger {path}"]
        assert f"usage: sgz-ledger {path}" in " ".join(section.split())
        for action in parser._actions:
            if action.help == argparse.SUPPRESS or isinstance(action, argparse._HelpAction):
                continue
            for option in set(action.option_strings) - everywhere:
                # The whole option (--public-key is not --public-key-file), where a row
                # names it first or after another of its spellings.
                shown = rf"(<code>|, ){re.escape(option)}[ ,<]"
                assert re.search(shown, section), (path, option)


# ---- the sheets' column forms against the importers ----------------------------------

_GETTERS = {
    "date": DATE,
    "time_of_day": TIME,
    "whole_number": COUNT,
    "amount_fen": YUAN,
    "choice": CHOICE,
}
_SAMPLE = {
    DATE: "2024-03-01",
    TIME: "09:00",
    YUAN: "100",
    COUNT: "2",
    HOURS: "1.5",
    LIST: "A1、A2",
}


def _rows(kind: SheetKind) -> list[dict[str, str]]:
    """A row with every cell filled as its form says, and one for each value of each choice."""

    def cell(column: Column, n: int) -> str:
        if column.form == CHOICE:
            return column.choices[0]
        if column.form == TEXT:
            return f"X{n}"
        return _SAMPLE[column.form]

    rows = [{c.key: cell(c, 0) for c in kind.columns}]
    for column in kind.columns:
        for choice in column.choices:
            row = {c.key: cell(c, len(rows)) for c in kind.columns}
            row[column.key] = choice
            rows.append(row)
    return rows


def _csv(kind: SheetKind) -> bytes:
    lines = [",".join(c.key for c in kind.columns)]
    lines += [",".join(row[c.key] for c in kind.columns) for row in _rows(kind)]
    return ("\n".join(lines) + "\n").encode()


def test_every_column_is_read_as_its_form_says(monkeypatch: pytest.MonkeyPatch) -> None:
    read: set[tuple[str, str, str]] = set()
    choices: dict[tuple[str, str], tuple[str, ...]] = {}
    for getter in _GETTERS:
        original = getattr(RowReader, getter)

        def spy(self: RowReader, key: str, *args: Any, _g: str = getter, _o: Any = original,
                **kwargs: Any) -> Any:  # fmt: skip
            read.add((self.sheet.kind.name, key, _g))
            if _g == "choice":
                choices[(self.sheet.kind.name, key)] = tuple(args[0])
            return _o(self, key, *args, **kwargs)

        monkeypatch.setattr(RowReader, getter, spy)
    for kind in KINDS:
        # The sample rows name nothing the ledger holds: they are read, then refused.
        with contextlib.suppress(LedgerError):
            import_sheet(Ledger("memory:"), _csv(kind), source=kind.name, station_id="S1")
    forms = {(kind.name, c.key): c for kind in KINDS for c in kind.columns}
    for kind_name, key, getter in read:
        column = forms[(kind_name, key)]
        assert column.form == _GETTERS[getter], (kind_name, key, getter)
        if getter == "choice":
            assert column.choices == choices[(kind_name, key)], (kind_name, key)
    for (kind_name, key), column in forms.items():
        getter = next((g for g, form in _GETTERS.items() if form == column.form), None)
        if getter is not None:
            assert (kind_name, key, getter) in read, (kind_name, key, column.form)
    assert set(FORMS) == {TEXT, DATE, TIME, YUAN, COUNT, HOURS, CHOICE, LIST}
