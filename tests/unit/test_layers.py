"""The house's arrows point down: no import cycle, and no package imports one above it.

Read from the source with ``ast`` (every import, those inside functions and under
``TYPE_CHECKING`` included: a type-only import is still an arrow). The layers, from the
bottom: the domain (pure); storage (how events are kept); projections (folds and the view
store); the service (commands, the unit of work, the ledger's service); reports and audit
(read the views and the log); the ``Ledger`` facade (the service and the reports' queries);
sheets; the texts for people (``render``: it lays out the answers of everything below);
the command line, the package's public face and its testing kit.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SOURCE = Path(__file__).parent.parent.parent / "src"
PACKAGE = "sgz_ledger"

LAYERS: tuple[tuple[str, ...], ...] = (
    ("domain", "version"),
    ("storage",),
    ("projections",),
    ("service",),
    ("reports", "audit"),
    ("ledger",),
    ("sheets", "demo"),
    ("render",),
    ("cli", "__init__", "events", "errors", "testing"),
)


def _modules() -> dict[str, Path]:
    found = {}
    for path in (SOURCE / PACKAGE).rglob("*.py"):
        parts = list(path.relative_to(SOURCE).with_suffix("").parts)
        if parts[-1] == "__init__" and len(parts) > 2:
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


def _imports(module: str, path: Path, modules: dict[str, Path]) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")
                base = ".".join(parent[: len(parent) - node.level + 1] + ([base] if base else []))
            names = [base] + [f"{base}.{alias.name}" for alias in node.names]
        for name in names:
            while name and name not in modules:
                name = name.rpartition(".")[0]
            if name and name != module:
                found.add(name)
    return found


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    return {m: _imports(m, p, modules) for m, p in modules.items()}


def _layer(module: str) -> int:
    room = module.split(".")[1] if "." in module else "__init__"
    for index, rooms in enumerate(LAYERS):
        if room in rooms:
            return index
    pytest.fail(f"{module} is in no layer of the house: add its room to LAYERS")


def test_no_import_cycle() -> None:
    graph = _graph()
    cycles: list[list[str]] = []
    state: dict[str, int] = {}

    def visit(node: str, stack: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycles.append([*stack[stack.index(nxt) :], nxt])
            elif nxt not in state:
                visit(nxt, [*stack, nxt])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    assert cycles == []


def test_every_arrow_points_down_or_within_a_layer() -> None:
    upward = [
        f"{module} -> {imported}"
        for module, imports in sorted(_graph().items())
        for imported in sorted(imports)
        if _layer(imported) > _layer(module)
    ]
    assert upward == []


def test_the_check_sees_an_upward_arrow(tmp_path: Path) -> None:
    """The check can fail: a domain module importing the service is an upward arrow."""
    modules = {"sgz_ledger.domain.x": tmp_path / "x.py", "sgz_ledger.service.y": tmp_path / "y.py"}
    modules["sgz_ledger.domain.x"].write_text("from sgz_ledger.service.y import z\n")
    found = _imports("sgz_ledger.domain.x", modules["sgz_ledger.domain.x"], modules)
    assert found == {"sgz_ledger.service.y"}
    assert _layer("sgz_ledger.service.y") > _layer("sgz_ledger.domain.x")


def test_render_lays_out_answers_and_never_opens_a_ledger() -> None:
    """``render`` takes answers (reports, audit reports, events) and returns text: it never
    imports the ``Ledger`` facade, the store's factory or the command line."""
    graph = _graph()
    forbidden = ("sgz_ledger.ledger", "sgz_ledger.cli", "sgz_ledger.storage.factory")
    reached = sorted(
        f"{module} -> {imported}"
        for module, imports in graph.items()
        if module.startswith("sgz_ledger.render")
        for imported in imports
        if imported.startswith(forbidden)
    )
    assert reached == []
