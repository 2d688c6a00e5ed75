"""Every Python block in the README and docs/, and every script in examples/, runs as written."""

from __future__ import annotations

import re
import runpy
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
EXAMPLES = sorted((ROOT / "examples").glob("*.py"))
_BLOCK = re.compile(r"^```python\n(.*?)^```", re.DOTALL | re.MULTILINE)


def _blocks() -> list[tuple[str, str]]:
    found = []
    for doc in DOCS:
        for n, match in enumerate(_BLOCK.finditer(doc.read_text(encoding="utf-8"))):
            found.append((f"{doc.relative_to(ROOT)}#{n}", match.group(1)))
    return found


@pytest.mark.parametrize(("where", "code"), _blocks(), ids=[w for w, _ in _blocks()])
def test_doc_block_runs(where: str, code: str) -> None:
    exec(compile(code, where, "exec"), {"__name__": "__doc_block__"})  # noqa: S102 - our own docs


@pytest.mark.parametrize("script", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_example_runs(script: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "argv", [str(script)])
    code: object = 0
    try:
        runpy.run_path(str(script), run_name="__main__")
    except SystemExit as done:  # a program ends with sys.exit(main(...)): 0 is success
        code = done.code
    assert code in (0, None), f"{script.name} exited with {code}"


def test_there_is_something_to_run() -> None:
    assert len(_blocks()) >= 2
    assert EXAMPLES
