"""The release: `python -m build` makes a wheel and an sdist that install in a fresh venv and run.

What a team that installs sgz-ledger from a package index gets: the wheel carries the typing
marker and the `sgz-ledger` command, the sdist builds and installs the same, and from either the
command runs the demo outside the source tree. The version is semantic and the changelog says
what it holds.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tarfile
import tomllib
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
VERSION = PROJECT["version"]
# semver.org's grammar for MAJOR.MINOR.PATCH with an optional pre-release; no build metadata,
# which package indexes refuse.
SEMVER = re.compile(r"(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?")


def _run(*args: str | Path, cwd: Path, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    result = subprocess.run(  # noqa: S603 - our own build and the venv it made
        [str(a) for a in args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    assert result.returncode == 0, f"{args}\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sdist and the wheel built from it, as `python -m build` makes them for a release."""
    out = tmp_path_factory.mktemp("dist")
    _run(sys.executable, "-m", "build", "--outdir", out, ROOT, cwd=out)
    return out


def _one(dist: Path, pattern: str) -> Path:
    found = sorted(dist.glob(pattern))
    assert len(found) == 1, found
    return found[0]


def test_the_version_is_semantic_and_the_changelog_describes_it() -> None:
    assert SEMVER.fullmatch(VERSION), VERSION
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    headings = re.findall(r"^## \[([^\]]+)\]", changelog, re.MULTILINE)
    assert headings, "the changelog has no release headings"
    assert headings[0] == VERSION, "the newest changelog section is the version being released"
    assert all(SEMVER.fullmatch(h) for h in headings), headings


def test_the_wheel_carries_the_typing_marker_the_command_and_the_version(dist: Path) -> None:
    wheel = _one(dist, f"sgz_ledger-{VERSION}-py3-none-any.whl")
    with zipfile.ZipFile(wheel) as z:
        names = set(z.namelist())
        assert "sgz_ledger/py.typed" in names
        assert "sgz_ledger/cli/__main__.py" in names
        info = f"sgz_ledger-{VERSION}.dist-info"
        entry_points = z.read(f"{info}/entry_points.txt").decode()
        metadata = z.read(f"{info}/METADATA").decode()
    assert re.search(r"^sgz-ledger = sgz_ledger\.cli:main$", entry_points, re.MULTILINE)
    assert f"\nVersion: {VERSION}\n" in metadata
    # No tests, benchmarks or stores of ours travel in the wheel.
    assert not [n for n in names if n.startswith(("tests/", "benchmarks/")) or n.endswith(".db")]


def test_the_sdist_holds_the_source_the_readme_and_the_changelog(dist: Path) -> None:
    sdist = _one(dist, f"sgz_ledger-{VERSION}.tar.gz")
    with tarfile.open(sdist) as t:
        names = {n.split("/", 1)[1] for n in t.getnames() if "/" in n}
    assert {"pyproject.toml", "README.md", "CHANGELOG.md", "src/sgz_ledger/py.typed"} <= names


def test_both_install_in_a_fresh_venv_and_run_the_demo(dist: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    _run(sys.executable, "-m", "venv", venv, cwd=tmp_path)
    python, command = venv / "bin" / "python", venv / "bin" / "sgz-ledger"
    wheel = _one(dist, "*.whl")
    sdist = _one(dist, "*.tar.gz")
    installs = ((wheel, ["--quiet"]), (sdist, ["--quiet", "--force-reinstall", "--no-deps"]))
    for package, extra in installs:
        _run(python, "-m", "pip", "install", *extra, package, cwd=tmp_path)
        # Outside the source tree: the installed package, not src/, answers.
        where = _run(python, "-c", "import sgz_ledger; print(sgz_ledger.__file__)", cwd=tmp_path)
        assert str(venv) in where.stdout
        assert _run(command, "--version", cwd=tmp_path).stdout.strip() == f"sgz-ledger {VERSION}"
        store = tmp_path / f"demo-{package.suffix.lstrip('.')}.db"
        demo = _run(command, "--store", store, "demo", cwd=tmp_path)
        assert "2024年度工作总结" in demo.stdout
        assert "cz-cuizhai" in demo.stdout
        typed = _run(
            python,
            "-c",
            "import importlib.resources as r;"
            "print(r.files('sgz_ledger').joinpath('py.typed').is_file())",
            cwd=tmp_path,
        )
        assert typed.stdout.strip() == "True"
