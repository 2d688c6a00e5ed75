"""The reference pages of the documentation site, written from the code at build time.

Each function returns a page's Markdown from what the library itself holds: the API from
``sgz_ledger.__all__`` (rendered by mkdocstrings), the events from the codec's registry, the
errors from ``sgz_ledger.errors``, the sheets from the importer's own ``SheetKind`` table,
the view tables from the DDL a store runs, the command line from its argparse parser. So
nothing in the reference is copied by hand, and nothing in it can fall behind the code.

This module needs only sgz_ledger (the tests import it without MkDocs);
``mkdocs_hooks.py`` adds its pages to the site.
"""

from __future__ import annotations

import argparse
import functools
import html
import inspect
import os
import re
import sqlite3
import sys
import tempfile
import types
import typing
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path

import msgspec

import sgz_ledger
from sgz_ledger import errors as error_module
from sgz_ledger import events as event_module
from sgz_ledger.cli import build_parser
from sgz_ledger.domain.errors import LedgerError
from sgz_ledger.ledger import Ledger
from sgz_ledger.projections.framework import Table
from sgz_ledger.projections.fund_views import FundViews
from sgz_ledger.service import commands as command_module
from sgz_ledger.sheets import KINDS
from sgz_ledger.sheets.common import (
    CELL_CHARS_MAX,
    CHOICE,
    COLUMNS_MAX,
    ENCODINGS,
    FILE_BYTES_MAX,
    FORMS,
    HEADER_SEARCH_ROWS,
    ROWS_MAX,
)
from sgz_ledger.storage.codec import EventCodec
from sgz_ledger.storage.sealing import PersonalDataInClearWarning

__all__ = [
    "API_PAGES",
    "PAGES",
    "api_groups",
    "cli_commands",
    "cli_page",
    "errors_page",
    "event_families",
    "events_page",
    "ledger_members",
    "pages",
    "sheets_page",
    "type_text",
    "views_page",
]

# ---- Markdown helpers ------------------------------------------------------------------


def _cell(text: str) -> str:
    """Text for a table cell: one line; its code spans as HTML and its other pipes escaped,
    since Python-Markdown's tables split a cell at a pipe even inside backticks."""
    # Docstrings write code as ``this`` (reStructuredText), Markdown as `this`.
    parts = re.split(r"(`[^`]*`)", " ".join(text.replace("``", "`").split()))
    return "".join(
        _html_code(part[1:-1])
        if part.startswith("`") and part.endswith("`") and len(part) > 1
        else part.replace("|", "\\|")
        for part in parts
    )


def _html_code(text: str) -> str:
    return "<code>" + html.escape(text).replace("|", "&#124;") + "</code>"


def _code(text: str) -> str:
    """Inline code for a table cell."""
    return _html_code(" ".join(text.split()))


def _table(header: Iterable[str], rows: Iterable[Iterable[str]]) -> list[str]:
    head = list(header)
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines.extend("| " + " | ".join(row) + " |" for row in rows)
    return [*lines, ""]


def _paragraph(obj: object) -> str:
    """The first paragraph of an object's docstring, on one line (``""`` without one)."""
    doc = inspect.getdoc(obj) or ""
    return " ".join(doc.split("\n\n", 1)[0].split())


def _attributes(cls: type) -> dict[str, str]:
    """The ``Attributes:`` section of a Google-style class docstring: name -> text."""
    return _entries(inspect.cleandoc(cls.__doc__ or ""), "Attributes:")


def _entries(doc: str, heading: str) -> dict[str, str]:
    """The entries of a docstring's section (``name: text``, continued on indented lines).

    An entry may name a few fields together (``cases_opened, cases_closed: ...``).
    """
    found: dict[str, str] = {}
    section = re.search(rf"^{re.escape(heading)}\n((?:[ \t]+.*\n?|\n)+)", doc, re.MULTILINE)
    if section is None:
        return found
    current: list[str] = []
    text: list[str] = []
    for line in section.group(1).splitlines():
        entry = re.match(r"^ {4}([\w, ]+):\s*(.*)$", line)
        if entry:
            for name in current:
                found[name] = " ".join(text)
            current = [n.strip() for n in entry.group(1).split(",")]
            text = [entry.group(2)]
        elif line.strip():
            text.append(line.strip())
    for name in current:
        found[name] = " ".join(text)
    return found


def type_text(tp: object) -> str:
    """A type annotation as Python writes it, with short class names (``date``, not
    ``datetime.date``; a ``Literal`` as its values)."""
    if tp is type(None):
        return "None"
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin is typing.Literal:
        return " | ".join(repr(arg) for arg in args)
    if origin is typing.Union or origin is types.UnionType:
        return " | ".join(type_text(arg) for arg in args)
    if origin is typing.Annotated:
        return type_text(args[0])
    if origin is not None:
        name = getattr(origin, "__name__", str(origin))
        if len(args) == 2 and args[1] is Ellipsis:
            return f"{name}[{type_text(args[0])}, ...]"
        return f"{name}[{', '.join(type_text(arg) for arg in args)}]"
    if isinstance(tp, type):
        return tp.__qualname__
    return str(tp)


# ---- API (mkdocstrings) ----------------------------------------------------------------

# The API pages: (file, title, what is on it). Each public name of ``sgz_ledger`` is on
# exactly one of them, by the public module that also exports it.
API_PAGES: tuple[tuple[str, str, str], ...] = (
    ("reference/api/ledger.md", "Ledger", "The ledger: its constructor, commands and queries."),
    (
        "reference/api/commands.md",
        "Command models",
        "The strict pydantic models of the commands (``Ledger.execute_batch`` takes them).",
    ),
    (
        "reference/api/events.md",
        "Event classes",
        "The event classes (``sgz_ledger.events``); their stored names, versions and fields "
        "are also tabled in [Events](../events.md).",
    ),
    (
        "reference/api/errors.md",
        "Errors",
        "The errors (``sgz_ledger.errors``); their reasons are also tabled in "
        "[Errors](../errors.md).",
    ),
    (
        "reference/api/values.md",
        "Answers, settings and functions",
        "What the queries answer, the store's settings, money and certificates' functions.",
    ),
    (
        "reference/api/testing.md",
        "Testing kit",
        "``sgz_ledger.testing`` (the ``testing`` extra): strategies, invariants and the state "
        "machine for code that embeds the ledger; how to use them is in "
        "[the testing kit](../../testing.md).",
    ),
)


def api_groups() -> dict[str, list[str]]:
    """Every name of ``sgz_ledger.__all__``, by the API page it is on."""
    ledger, commands, events, errors, values, _testing = (path for path, _, _ in API_PAGES)
    groups: dict[str, list[str]] = {path: [] for path, _, _ in API_PAGES}
    for name in sgz_ledger.__all__:
        if name == "Ledger":
            groups[ledger].append(name)
        elif name in event_module.__all__:
            groups[events].append(name)
        elif name in error_module.__all__:
            groups[errors].append(name)
        elif name in command_module.__all__:
            groups[commands].append(name)
        else:
            groups[values].append(name)
    return groups


def _api_page(path: str) -> str:
    title, intro = next((t, i) for p, t, i in API_PAGES if p == path)
    lines = [f"# {title}", "", intro.replace("``", "`"), ""]
    if path == "reference/api/testing.md":
        # A module of its own, outside ``sgz_ledger.__all__``: its names are its ``__all__``.
        return "\n".join([*lines, "::: sgz_ledger.testing", ""])
    module = {
        "reference/api/events.md": "sgz_ledger.events",
        "reference/api/errors.md": "sgz_ledger.errors",
    }.get(path)
    if module is not None:
        # The public module's own docstring, then each of its names.
        lines += [
            f"::: {module}",
            "    options:",
            "      members: false",
            "      show_root_heading: false",
            "",
        ]
    for name in api_groups()[path]:
        lines += [f"::: sgz_ledger.{name}"]
        if name == "Ledger":
            # Its commands come from the service's mixin, its queries from the facade;
            # eventsourcing's Application methods underneath are not the ledger's API.
            lines += [
                "    options:",
                "      inherited_members: true",
                "      members:",
                *(f"        - {member}" for member in ledger_members()),
            ]
        lines += [""]
    return "\n".join(lines)


def ledger_members() -> list[str]:
    """The public methods and properties of ``Ledger`` that sgz_ledger defines."""
    members = []
    for name in dir(Ledger):
        if name.startswith("_"):
            continue
        owner = next(klass for klass in Ledger.__mro__ if name in vars(klass))
        value = vars(owner)[name]
        if owner.__module__.startswith("sgz_ledger.") and (
            inspect.isfunction(value) or isinstance(value, (property, functools.cached_property))
        ):
            members.append(name)
    return members


# ---- events ----------------------------------------------------------------------------


def event_families() -> list[tuple[str, tuple[type[msgspec.Struct], ...]]]:
    """The stored classes by family, as the codec registers them (``DEFAULT_EVENT_TYPES``)."""
    from sgz_ledger.domain.fund import FundSnapshot

    return [
        ("Funds", event_module.FUND_EVENT_TYPES),
        ("Volunteers, activities and the time bank", event_module.VOLUNTEER_EVENT_TYPES),
        ("Donors", event_module.DONOR_EVENT_TYPES),
        ("Publications and closed periods", event_module.PERIOD_EVENT_TYPES),
        ("A station's register of people", event_module.PEOPLE_EVENT_TYPES),
        ("The register of levels", event_module.LEVEL_EVENT_TYPES),
        ("Projects", event_module.PROJECT_EVENT_TYPES),
        ("Service delivery", event_module.DELIVERY_EVENT_TYPES),
        ("Teams and recognition", event_module.RECOGNITION_EVENT_TYPES),
        ("Snapshots", (FundSnapshot,)),
    ]


_COMMON = {field.name for field in msgspec.structs.fields(event_module.LedgerEvent)}


def _field_rows(cls: type[msgspec.Struct], skip: set[str]) -> list[list[str]]:
    # The fields every event has are described in the events module's docstring.
    meaning = _entries(inspect.getdoc(sys.modules[event_module.LedgerEvent.__module__]) or "",
                       "Common fields on every event:")  # fmt: skip
    for klass in reversed(cls.__mro__):
        if isinstance(klass, type) and issubclass(klass, msgspec.Struct):
            meaning.update(_attributes(klass))
    rows = []
    for field in msgspec.structs.fields(cls):
        if field.name in skip:
            continue
        if field.default is not msgspec.NODEFAULT:
            default = _code(repr(field.default))
        elif field.default_factory is not msgspec.NODEFAULT:
            default = _code(repr(field.default_factory()))
        else:
            default = "required"
        rows.append(
            [
                _code(field.name),
                _code(type_text(field.type)),
                default,
                _cell(meaning.get(field.name, "")),
            ]
        )
    return rows


def _api_link(cls: type) -> str:
    """A link to the class's API entry, if it is public."""
    if cls.__name__ not in sgz_ledger.__all__:
        return ""
    return f"; [class](api/events.md#sgz_ledger.{cls.__name__})"


def _base(cls: type) -> str:
    return ", ".join(f"`{base.__name__}`" for base in cls.__bases__)


def events_page() -> str:
    """Every stored event class: its stored name and version, base, and fields."""
    codec = EventCodec()
    lines = [
        "# Events",
        "",
        "Every event the ledger stores, from the codec's registry "
        "(`sgz_ledger.storage.codec`). An event is stored under its stable name, "
        "`<tag>.v<version>`, never its Python path: a class may move or be renamed and old "
        "events still read. A change a new field with a default cannot make bumps the "
        "version, and an `upcast_vN_vN+1` method turns the older stored form into the "
        "current one ([design](../design.md#events-and-the-codec)). Money is integer fen "
        "(`*_fen`), durations integer seconds (`*_s`). The classes, with their docstrings, "
        "are in the [API](api/events.md).",
        "",
        "## Fields of every event",
        "",
        "Each event below has these, from `LedgerEvent`, and the fields listed under it.",
        "",
        *_table(
            ("field", "type", "default", "meaning"),
            _field_rows(event_module.LedgerEvent, set()),
        ),
        "The stored form also carries the event's tag in the field `type`.",
        "",
    ]
    for family, classes in event_families():
        lines += [f"## {family}", ""]
        for cls in classes:
            name = codec.names_by_class[cls]
            version = getattr(cls, "version", 1)
            lines += [
                f"### {cls.__name__}",
                "",
                f"Stored as `{name}` (version {version}); base {_base(cls)}{_api_link(cls)}.",
                "",
                _paragraph(cls),
                "",
            ]
            rows = _field_rows(cls, _COMMON)
            if rows:
                lines += _table(("field", "type", "default", "meaning"), rows)
            else:
                lines += ["No fields but those of every event.", ""]
    return "\n".join(lines)


# ---- errors ----------------------------------------------------------------------------


def _error_classes() -> list[type]:
    # The module also exports the messages' language setting beside its classes.
    found = (getattr(error_module, name) for name in error_module.__all__)
    return [c for c in found if isinstance(c, type)]


def _by_hierarchy(classes: list[type], root: type) -> Iterator[tuple[int, type]]:
    """``classes`` depth first from ``root``, each with its depth (siblings by name)."""
    listed = set(classes)

    def walk(cls: type, depth: int) -> Iterator[tuple[int, type]]:
        yield depth, cls
        children = sorted(
            (c for c in listed if cls in c.__bases__ and c is not cls), key=lambda c: c.__name__
        )
        for child in children:
            yield from walk(child, depth + 1)

    yield from walk(root, 0)


def errors_page() -> str:
    """Every error class: its reason, its base and the first paragraph of its docstring."""
    classes = _error_classes()
    errors = [c for c in classes if issubclass(c, LedgerError)]
    others = [c for c in classes if not issubclass(c, LedgerError)]
    rows = []
    seen: set[type] = set()
    for depth, cls in _by_hierarchy(errors, LedgerError):
        if cls in seen:  # a class with two listed bases is listed under the first
            continue
        seen.add(cls)
        indent = "&nbsp;&nbsp;" * depth
        rows.append(
            [
                f"{indent}[`{cls.__name__}`](api/errors.md#sgz_ledger.{cls.__name__})",
                _code(str(getattr(cls, "reason", ""))),
                _base(cls),
                _cell(_paragraph(cls)),
            ]
        )
    missing = set(errors) - seen
    assert not missing, f"not under LedgerError: {missing}"
    lines = [
        "# Errors",
        "",
        "Every error the ledger raises on purpose (`sgz_ledger.errors`, also exported by "
        "`sgz_ledger`), under its base. Each carries a stable `reason`, a snake_case code "
        "that programs and tests read; the message is for people. A refused command records "
        "nothing. The command line prints the message on one line and exits 2 (1 for a "
        "finding of a check).",
        "",
        *_table(("error", "reason", "base", "what it means"), rows),
    ]
    if others:
        lines += ["## Warnings", ""]
        lines += _table(
            ("warning", "base", "what it means"),
            ([_code(c.__name__), _base(c), _cell(_paragraph(c))] for c in others),
        )
    assert PersonalDataInClearWarning in others
    return "\n".join(lines)


# ---- sheets ----------------------------------------------------------------------------


def _mib(size: int) -> str:
    return f"{size // (1024 * 1024)} MiB" if size % (1024 * 1024) == 0 else f"{size:,} bytes"


def sheets_page() -> str:
    """Every kind of sheet the importer reads, its columns, and the limits of a file."""
    shown = ", ".join(shown for _, shown in ENCODINGS.values())
    named = ", ".join(f"`{name}`" for name in ENCODINGS)
    lines = [
        "# Sheets",
        "",
        "Every kind of CSV sheet `sgz-ledger import` (and `sgz_ledger.sheets.import_file`) "
        "reads, from the importer's own table (`sgz_ledger.sheets.KINDS`). The header row "
        "tells the kind: a header with every column of a kind's *identified by* is of that "
        "kind (the most specific wins). Each column may be headed in English or by any of its "
        "Chinese names, independently of the others; case, full-width letters, spaces, `_`, "
        "`-`, brackets and a `*` do not matter. A sheet is recorded whole or not at all: any "
        "bad row refuses the file, naming every bad line.",
        "",
        "## Limits and encodings",
        "",
        *_table(
            ("what", "limit"),
            [
                ["file size", f"{_mib(FILE_BYTES_MAX)} ({FILE_BYTES_MAX:,} bytes)"],
                ["data rows", f"{ROWS_MAX:,}"],
                ["columns", f"{COLUMNS_MAX:,}"],
                ["characters in a cell", f"{CELL_CHARS_MAX:,}"],
                # A title row is read past until this many rows were not the header.
                ["title rows above the header", f"{HEADER_SEARCH_ROWS - 1:,}"],
            ],
        ),
        f"Encodings: UTF-8 (with or without BOM), else GB18030 (which covers GBK and "
        f"GB2312), told apart without being named; a file that reads as Big5 is refused "
        f"unless its encoding is named. Named (`--encoding`, `encoding=`): {named}, read as "
        f"{shown}.",
        "",
        "What a column's cells hold:",
        "",
        *_table(("form", "cells"), ([_code(form), _cell(text)] for form, text in FORMS.items())),
    ]
    for kind in KINDS:
        lines += [
            f"## {kind.title}",
            "",
            f"Kind `{kind.name}`; identified by "
            + ", ".join(f"`{key}`" for key in sorted(kind.identified_by))
            + ".",
            "",
        ]
        rows = []
        for column in kind.columns:
            form = f"`{column.form}`"
            if column.form == CHOICE:
                form += ": " + ", ".join(f"`{choice}`" for choice in column.choices)
            rows.append(
                [
                    _code(column.key),
                    _cell("、".join(column.zh)),
                    "required" if column.required else "optional",
                    _cell(form),
                ]
            )
        lines += _table(("column", "中文 headers", "required", "form"), rows)
    return "\n".join(lines)


# ---- view tables -----------------------------------------------------------------------


def _store_ddl() -> dict[str, list[str]]:
    """The SQL a SQLite store runs for its views: table -> its CREATE TABLE and INDEX."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "views.db"
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", PersonalDataInClearWarning)
            ledger = Ledger(str(path))
        try:
            ledger.balances()  # the views are created (and caught up) on first use
        finally:
            ledger.close()
        connection = sqlite3.connect(path)
        try:
            found: dict[str, list[str]] = {}
            for table, sql in connection.execute(
                "SELECT tbl_name, sql FROM sqlite_master WHERE sql IS NOT NULL "
                "ORDER BY type DESC, name"
            ):
                found.setdefault(table, []).append(f"{sql};")
            return found
        finally:
            connection.close()


def views_page() -> str:
    """The view store's tables: columns, key, indexes, and the SQL that creates them."""
    ddl = _store_ddl()
    views = FundViews()
    lines = [
        "# View tables",
        "",
        f"The tables of the persisted views (projection `{views.name}`, version "
        f"{views.version}), in the store's own database: the SQLite file, or the "
        "PostgreSQL schema. Every amount is integer fen; dates are ISO `YYYY-MM-DD` text. "
        "What the views hold and how they are kept exactly once: "
        "[projections](../projections.md). The SQL below is what a SQLite store runs "
        "(PostgreSQL: the same columns and keys, without `WITHOUT ROWID`).",
        "",
    ]
    tables: list[Table] = list(views.tables)
    for table in tables:
        lines += [f"## {table.name}", ""]
        lines += [
            "Key: " + ", ".join(f"`{k}`" for k in table.key) + ".",
            "",
        ]
        if table.indexes:
            lines += [
                "Indexed by: " + "; ".join(", ".join(f"`{c}`" for c in i) for i in table.indexes),
                "",
            ]
        lines += _table(
            ("column", "type"), ([_code(name), _code(kind)] for name, kind in table.columns)
        )
        lines += ["```sql", *ddl[table.name], "```", ""]
    lines += [
        "## view_versions and tracking",
        "",
        "`view_versions` holds the version of each projection's fold (a changed version "
        "rebuilds the view); eventsourcing's tracking table (`tracking` on SQLite, "
        "`view_tracking` on PostgreSQL) holds each view's log position.",
        "",
        "```sql",
        *ddl["view_versions"],
        *ddl["tracking"],
        "```",
        "",
    ]
    return "\n".join(lines)


# ---- command line ----------------------------------------------------------------------


def _subcommands(parser: argparse.ArgumentParser) -> Mapping[str, argparse.ArgumentParser]:
    # argparse keeps its subcommands in a private action class: the one way to list them.
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            choices: Mapping[str, argparse.ArgumentParser] = action.choices
            return choices
    return {}


def _summaries(parser: argparse.ArgumentParser) -> dict[str, str]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return {a.dest: a.help or "" for a in action._choices_actions}
    return {}


def cli_commands() -> list[tuple[str, argparse.ArgumentParser, str]]:
    """Every command of ``sgz-ledger`` (``"timebank bank"``...), its parser and summary."""
    found: list[tuple[str, argparse.ArgumentParser, str]] = []

    def walk(prefix: str, parser: argparse.ArgumentParser) -> None:
        summaries = _summaries(parser)
        for name, sub in _subcommands(parser).items():
            path = f"{prefix} {name}".strip()
            found.append((path, sub, summaries.get(name, "")))
            walk(path, sub)

    walk("", build_parser())
    return found


def _option_rows(
    parser: argparse.ArgumentParser, skip: frozenset[str] = frozenset()
) -> list[list[str]]:
    """A table row for each argument of ``parser`` but its help and those in ``skip``."""
    rows = []
    for action in parser._actions:
        if isinstance(action, (argparse._HelpAction, argparse._SubParsersAction)):
            continue
        if action.help == argparse.SUPPRESS or skip.intersection(action.option_strings):
            continue
        if action.option_strings:
            names = ", ".join(action.option_strings)
            if action.nargs != 0:
                metavar = action.metavar or action.dest.upper()
                names += f" {metavar if isinstance(metavar, str) else ' '.join(metavar)}"
        else:
            metavar = action.metavar or action.dest
            names = metavar if isinstance(metavar, str) else " ".join(metavar)
        help_text = (action.help or "") % {"default": action.default, "prog": parser.prog}
        extra = []
        if action.choices is not None:
            extra.append("one of: " + ", ".join(f"`{c}`" for c in action.choices))
        if action.required or not action.option_strings:
            extra.append("required")
        if action.nargs in ("*", "+") or isinstance(action, argparse._AppendAction):
            extra.append("may be repeated")
        default = action.default
        # A default the help already explains (``--entered-by``: your login name) is the
        # building machine's, not the program's: left to the help.
        if (
            default not in (None, False, argparse.SUPPRESS, [], "")
            and action.nargs != 0
            and "default" not in help_text
        ):
            extra.append(f"default `{default}`")
        rows.append([_code(names), _cell(help_text), _cell("; ".join(extra))])
    return rows


# argparse wraps usage lines to the terminal's width (``COLUMNS``): the page uses this one.
_USAGE_COLUMNS = "100"


def cli_page() -> str:
    """Every ``sgz-ledger`` command with its usage and options, from its argparse parser."""
    columns = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = _USAGE_COLUMNS
    try:
        return _cli_page()
    finally:
        if columns is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = columns


def _cli_page() -> str:
    parser = build_parser()
    everywhere = frozenset(
        option
        for action in parser._actions
        if not isinstance(action, argparse._HelpAction)
        for option in action.option_strings
    )
    lines = [
        "# Command line",
        "",
        "Every command of `sgz-ledger`, from the program's own parser "
        "(`sgz_ledger.cli.build_parser`); `sgz-ledger COMMAND --help` prints the same. "
        "Exit codes: 0 done, 1 a finding (a check that found something), 2 bad usage or "
        "input (the reason on stderr, never a traceback).",
        "",
        "## Options of every command",
        "",
        (parser.description or ""),
        "",
        "```text",
        parser.format_usage().strip(),
        "```",
        "",
        "These may also follow the command's name (`sgz-ledger balances --store station.db`).",
        "",
        *_table(("option", "what", ""), _option_rows(parser)),
    ]
    for path, sub, summary in cli_commands():
        depth = "#" * min(2 + path.count(" "), 4)
        lines += [f"{depth} sgz-ledger {path}", ""]
        if summary:
            lines += [_cell(summary[0].upper() + summary[1:]) + ".", ""]
        if sub.description and sub.description != summary:
            lines += [" ".join(sub.description.split()), ""]
        lines += ["```text", sub.format_usage().strip(), "```", ""]
        rows = _option_rows(sub, everywhere)
        if rows:
            lines += _table(("option", "what", ""), rows)
        if sub.epilog:
            lines += [" ".join(sub.epilog.split()), ""]
    return "\n".join(lines)


# ---- every page ------------------------------------------------------------------------

PAGES: dict[str, Callable[[], str]] = {
    **{path: functools.partial(_api_page, path) for path, _, _ in API_PAGES},
    "reference/events.md": events_page,
    "reference/errors.md": errors_page,
    "reference/sheets.md": sheets_page,
    "reference/views.md": views_page,
    "reference/cli.md": cli_page,
}


def pages() -> dict[str, str]:
    """Every generated page: its path under docs/ -> its Markdown."""
    return {path: make() for path, make in PAGES.items()}
