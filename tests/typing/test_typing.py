"""The public API's types: ``mypy --strict`` (the project's own mypy and configuration) reports
every mistake of ``mistakes.py`` on its line and nothing else, and the README's and docs'
Python examples, and the scripts in examples/, type-check clean."""

from __future__ import annotations

import io
import re
import subprocess
import sys
import tokenize
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MISTAKES = Path(__file__).with_name("mistakes.py")
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
EXAMPLES = sorted((ROOT / "examples").glob("*.py"))
_BLOCK = re.compile(r"^```python\n(.*?)^```", re.DOTALL | re.MULTILINE)
_ERROR = re.compile(r"^(?P<path>.+?):(?P<line>\d+): error: (?P<message>.*)$")


def _mypy(paths: list[Path], cache: Path) -> tuple[int, dict[Path, dict[int, list[str]]]]:
    """Run mypy --strict on ``paths``; its exit code and its errors by file and line."""
    done = subprocess.run(  # noqa: S603 - our own interpreter running mypy on our files
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--config-file",
            str(ROOT / "pyproject.toml"),
            "--cache-dir",
            str(cache),
            "--no-error-summary",
            "--hide-error-context",
            *map(str, paths),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert "Traceback" not in done.stderr, done.stderr
    errors: dict[Path, dict[int, list[str]]] = {}
    for line in done.stdout.splitlines():
        match = _ERROR.match(line)
        if match:
            path = (ROOT / match["path"]).resolve()
            errors.setdefault(path, {}).setdefault(int(match["line"]), []).append(match["message"])
    return done.returncode, errors


def _marked_lines(path: Path) -> set[int]:
    """The lines with a ``# E:`` comment (comments only: not the docstring's mention)."""
    tokens = tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline)
    return {
        token.start[0]
        for token in tokens
        if token.type == tokenize.COMMENT and token.string.startswith("# E:")
    }


def test_mypy_reports_every_mistake_on_its_line_and_nothing_else(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    code, errors = _mypy([MISTAKES], tmp_path_factory.mktemp("mypy-cache"))
    marked = _marked_lines(MISTAKES)
    reported = errors.get(MISTAKES.resolve(), {})
    assert len(marked) >= 15
    assert code == 1
    assert sorted(set(reported) - marked) == [], {n: reported[n] for n in set(reported) - marked}
    assert sorted(marked - set(reported)) == []


def _doc_blocks(into: Path) -> list[Path]:
    """The Python blocks of the README and every page of docs/, a page's blocks joined in
    order into one module (they run so, in one namespace: tests/docs/test_docs_run.py)."""
    files = []
    for doc in DOCS:
        blocks = [m.group(1) for m in _BLOCK.finditer(doc.read_text(encoding="utf-8"))]
        if not blocks:
            continue
        name = "_".join(doc.relative_to(ROOT).with_suffix("").parts)
        path = into / f"{name.lower().replace('-', '_')}_blocks.py"
        path.write_text("\n".join(blocks), encoding="utf-8")
        files.append(path)
    return files


def test_the_readme_and_docs_examples_type_check_clean(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    blocks = _doc_blocks(tmp_path_factory.mktemp("doc-blocks"))
    assert len(blocks) >= 2
    code, errors = _mypy([*blocks, *EXAMPLES], tmp_path_factory.mktemp("mypy-cache"))
    assert errors == {}
    assert code == 0
