"""Every code block of the README and docs/ runs as written, and every script in examples/.

The convention (docs/design.md, "Writing docs"):

- ```python blocks of one page run in order in one shared namespace, with the current
  directory a fresh temporary directory of the page's own;
- ```console blocks hold commands after a ``$ `` prompt (a line ending in ``\\`` continues
  on the next), run by bash in the same directory, with the virtual environment's bin on
  the PATH (so ``sgz-ledger`` is the program of this checkout); a block's commands run in
  one shell, and what they ``export`` holds for the page's later blocks. A command must
  exit 0, unless its last line ends with a comment ``# exit N``. Other lines are sample
  output and are not compared;
- ```text blocks (diagrams, sample output) and data (```json, ```sql, ```csv...) do not run;
- a block that cannot run in the suite is preceded by ``<!-- not run: REASON -->``;
- a block that names the PostgreSQL server at ``127.0.0.1:5432`` runs against it, each
  ``schema=NAME`` it names made afresh for the page; without the server it is skipped with
  the reason (it fails instead when ``CI`` is set, as the other PostgreSQL tests do).

Each block is a test of its own, ``page#n`` (n counts the page's blocks from 0); running one
runs the page's blocks before it first.
"""

from __future__ import annotations

import os
import re
import runpy
import subprocess
import sys
import tempfile
import types
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from conftest import PG_DB, PG_HOST, PG_PORT, PG_USER, require_postgres

ROOT = Path(__file__).resolve().parents[2]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
EXAMPLES = sorted((ROOT / "examples").glob("*.py"))
RUN = ("python", "console")
# Languages of blocks that are data or text, never run.
NOT_CODE = ("text", "json", "jsonl", "sql", "csv", "toml", "yaml")
# Blocks that cannot run in the suite: each says why; they are kept few.
NOT_RUN_MAX = 4
CONSOLE_TIMEOUT_S = 300

_FENCE = re.compile(r"^```(\S*)\s*$")
_NOT_RUN = re.compile(r"^<!--\s*not run(?::\s*(.*?))?\s*-->\s*$")
_EXIT = re.compile(r"#\s*exit\s+(\d+)\s*$")
_POSTGRES = f"{PG_HOST}:{PG_PORT}"
_SCHEMA = re.compile(r"[?&]schema=(\w+)")


@dataclass(frozen=True)
class Block:
    page: str
    n: int
    line: int
    lang: str
    code: str
    not_run: str | None  # the reason, "" when none was given; None: it runs

    @property
    def id(self) -> str:
        return f"{self.page}#{self.n}"


def _fences(path: Path) -> Iterator[tuple[int, str, str, str | None]]:
    """Each fenced block of a page: its first line, language, text and any not-run reason."""
    lines = path.read_text(encoding="utf-8").splitlines()
    i = 0
    while i < len(lines):
        opening = _FENCE.match(lines[i])
        if opening is None:
            i += 1
            continue
        start, lang = i, opening.group(1)
        j = i + 1
        while j < len(lines) and lines[j].rstrip() != "```":
            j += 1
        reason = None
        k = start - 1
        while k >= 0 and not lines[k].strip():
            k -= 1
        marker = _NOT_RUN.match(lines[k]) if k >= 0 else None
        if marker is not None:
            reason = marker.group(1) or ""
        yield start + 1, lang, "\n".join(lines[start + 1 : j]) + "\n", reason
        i = j + 1


def _blocks() -> list[Block]:
    found = []
    for path in PAGES:
        page = str(path.relative_to(ROOT))
        runnable = [f for f in _fences(path) if f[1] in RUN]
        for n, (line, lang, code, reason) in enumerate(runnable):
            found.append(Block(page, n, line, lang, code, reason))
    return found


BLOCKS = _blocks()


# ---- running a page's blocks in order --------------------------------------------------


_PAGE_MODULE = "__doc_block__"


@dataclass
class _Page:
    directory: Path
    env_file: Path
    module: types.ModuleType = field(default_factory=lambda: types.ModuleType(_PAGE_MODULE))
    done: int = 0  # blocks run (or passed over) so far
    failed: str = ""


@dataclass
class _Pages:
    root: Path
    states: dict[str, _Page] = field(default_factory=dict)

    def of(self, page: str) -> _Page:
        """The page's state; the first time, its directory and its PostgreSQL schemas."""
        if page not in self.states:
            name = re.sub(r"\W", "_", page)
            directory = self.root / name
            directory.mkdir()
            self.states[page] = _Page(directory, self.root / f"{name}.env")
            _fresh_schemas(page)
        return self.states[page]


@pytest.fixture(scope="session")
def pages() -> Iterator[_Pages]:
    with tempfile.TemporaryDirectory(prefix="docs-run-") as tmp:
        yield _Pages(Path(tmp))


def _fresh_schemas(page: str) -> None:
    """Drop and create every schema the page's PostgreSQL blocks name (a repeatable run)."""
    names = {
        name
        for block in BLOCKS
        if block.page == page and _POSTGRES in block.code and block.not_run is None
        for name in _SCHEMA.findall(block.code)
    }
    if not names or _pg_missing():
        return  # the blocks naming the server are skipped (or fail, in CI) on their own
    import psycopg

    with psycopg.connect(host=PG_HOST, port=PG_PORT, dbname=PG_DB, user=PG_USER) as conn:
        for name in sorted(names):
            conn.execute(f'DROP SCHEMA IF EXISTS "{name}" CASCADE')
            conn.execute(f'CREATE SCHEMA "{name}"')


def _commands(code: str) -> list[tuple[str, int]]:
    """A console block's commands (continuations joined) and the exit code each expects."""
    commands: list[tuple[str, int]] = []
    lines = code.splitlines()
    i = 0
    while i < len(lines):
        if not lines[i].startswith("$ "):
            i += 1  # sample output
            continue
        parts = [lines[i][2:]]
        while parts[-1].endswith("\\") and i + 1 < len(lines):
            i += 1
            parts.append(lines[i])
        expected = _EXIT.search(parts[-1])
        commands.append(("\n".join(parts), int(expected.group(1)) if expected else 0))
        i += 1
    return commands


_FAILED = "__docs_command_failed__"
# A refusal's reason code as the command line prints it, at the end of a line: [not_found].
_REASON = re.compile(r"\[([a-z][a-z_]*[a-z])\]$", re.MULTILINE)


def _sample_output(code: str) -> str:
    """The lines of a console block that are not commands (or their continuations)."""
    out: list[str] = []
    continued = False
    for line in code.splitlines():
        command = line.startswith("$ ") or continued
        continued = command and line.endswith("\\")
        if not command:
            out.append(line)
    return "\n".join(out)


def _script(commands: list[tuple[str, int]], env_file: Path) -> str:
    """One bash script for a block: each command, then a check of its exit code; the
    variables a block exports are kept in ``env_file`` for the page's later blocks."""
    lines = ["set -o pipefail", f'[ -f "{env_file}" ] && . "{env_file}"']
    for index, (command, expected) in enumerate(commands):
        lines += [
            command,
            f"__rc=$?; if [ $__rc -ne {expected} ]; then "
            f'echo "{_FAILED} {index} $__rc" >&2; exit 99; fi',
        ]
    lines.append(f'export -p > "{env_file}"')
    return "\n".join(lines) + "\n"


def _run_console(block: Block, state: _Page) -> None:
    commands = _commands(block.code)
    assert commands, f"{block.id}: a console block with no `$ ` command"
    env = dict(os.environ)
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    # The command line as its readers meet it (Chinese by default, as the pages show it),
    # and an error no command expected as a traceback and exit 1: never taken for a
    # documented refusal's exit 2.
    env.pop("SGZ_LEDGER_LANG", None)
    env["SGZ_LEDGER_TRACEBACK"] = "1"
    done = subprocess.run(  # noqa: S603 - the docs' own commands
        ["/bin/bash", "-c", _script(commands, state.env_file)],
        cwd=state.directory,
        env=env,
        capture_output=True,
        text=True,
        timeout=CONSOLE_TIMEOUT_S,
        check=False,
    )
    failed = re.search(rf"^{_FAILED} (\d+) (\d+)$", done.stderr, re.MULTILINE)
    if failed is None and done.returncode == 0:
        # A refusal the page shows is the one the command gave: each reason code its
        # sample output names (``[not_found]``) is in what the commands printed.
        shown = set(_REASON.findall(_sample_output(block.code)))
        missing = sorted(r for r in shown if f"[{r}]" not in done.stdout + done.stderr)
        if not missing:
            return
        what = f"the reasons {missing} its sample output shows were not given"
    elif failed is not None:
        command, expected = commands[int(failed.group(1))]
        what = f"`{command}` exited {failed.group(2)}, not {expected}"
    else:
        what = f"the block's shell exited {done.returncode}"
    pytest.fail(
        f"{block.id} (line {block.line}): {what}\n"
        f"stdout:\n{done.stdout[-3000:]}\nstderr:\n{done.stderr[-3000:]}",
        pytrace=False,
    )


def _run(block: Block, state: _Page) -> None:
    if block.lang == "python":
        previous = Path.cwd()
        os.chdir(state.directory)
        try:
            # The page's namespace is a module's, registered while its blocks run, so classes
            # defined in a block resolve their annotations through sys.modules as any
            # module's do (msgspec and typing look their module up there).
            sys.modules[_PAGE_MODULE] = state.module
            try:
                exec(compile(block.code, block.id, "exec"), state.module.__dict__)  # noqa: S102 - our own docs
            finally:
                sys.modules.pop(_PAGE_MODULE, None)
        finally:
            os.chdir(previous)
    else:
        _run_console(block, state)


def _needs_postgres(block: Block) -> bool:
    return _POSTGRES in block.code


@pytest.mark.parametrize("block", BLOCKS, ids=[b.id for b in BLOCKS])
def test_doc_block_runs(block: Block, pages: _Pages) -> None:
    if block.not_run is not None:
        pytest.skip(f"not run: {block.not_run}")
    if _needs_postgres(block):
        require_postgres()
    state = pages.of(block.page)
    if state.failed:
        pytest.fail(f"an earlier block of the page failed: {state.failed}", pytrace=False)
    # Running one block alone (-k) runs the blocks before it first.
    for earlier in [b for b in BLOCKS if b.page == block.page][state.done : block.n]:
        if earlier.not_run is None and not (_needs_postgres(earlier) and _pg_missing()):
            _guarded(earlier, state)
        state.done = earlier.n + 1
    assert state.done == block.n, f"{block.id} ran before"
    _guarded(block, state)
    state.done = block.n + 1


def _guarded(block: Block, state: _Page) -> None:
    try:
        _run(block, state)
    except BaseException:
        state.failed = block.id
        raise


def _pg_missing() -> bool:
    from conftest import postgres_unreachable_reason

    return postgres_unreachable_reason() is not None


# ---- the convention itself -----------------------------------------------------------


def test_every_fence_says_its_language() -> None:
    """A fence without a language, or in a shell's (```sh, ```bash), would silently not
    run: commands are ```console with `$ ` prompts, text is ```text."""
    bad = [
        f"{path.relative_to(ROOT)}:{line} ```{lang}"
        for path in PAGES
        for line, lang, _, _ in _fences(path)
        if lang not in RUN and lang not in NOT_CODE
    ]
    assert not bad, bad


def test_not_run_blocks_say_why_and_are_few() -> None:
    not_run = [b for b in BLOCKS if b.not_run is not None]
    assert all(b.not_run for b in not_run), [b.id for b in not_run if not b.not_run]
    assert len(not_run) <= NOT_RUN_MAX, [f"{b.id}: {b.not_run}" for b in not_run]


def test_console_blocks_hold_commands() -> None:
    for block in BLOCKS:
        if block.lang == "console":
            assert _commands(block.code), f"{block.id}: no `$ ` command"


def test_there_is_something_to_run() -> None:
    assert sum(b.lang == "python" for b in BLOCKS) >= 20
    assert sum(b.lang == "console" for b in BLOCKS) >= 10
    assert ROOT / "docs" / "rules.md" in PAGES
    assert EXAMPLES


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
