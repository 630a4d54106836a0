"""Fixtures for the packaging tests: the repository's layout and one wheel built per session."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
APP_ID = "org.incidentlog.IncidentLog"
DESKTOP_DIR = REPO / "resources" / "desktop"
ICON_DIR = REPO / "resources" / "icons" / "app"

# Copied into a scratch folder before building, so the build never writes into the shared working
# tree (build/, *.egg-info) while other engineers' tests run, and stale build/ output cannot leak in.
_NOT_COPIED = shutil.ignore_patterns(
    ".git",
    "build",
    "dist",
    "*.egg-info",
    "__pycache__",
    "*.pyc",
    ".pytest_cache",
    ".hypothesis",
    ".ruff_cache",
    ".mypy_cache",
    ".import_linter_cache",
    "tests",
    "benchmarks",
    "tmp",
    "*.db*",
    "*.keys",
)


@pytest.fixture(scope="session")
def pyproject() -> dict[str, Any]:
    return tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def built_wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A wheel built from a copy of the source tree exactly as `packaging/build_wheel.sh` builds it."""
    scratch = tmp_path_factory.mktemp("wheel-build")
    source = scratch / "src"
    shutil.copytree(REPO, source, ignore=_NOT_COPIED)
    out = scratch / "dist"
    # Like build_wheel.sh: `python -m build`, or pip's own isolated PEP 517 build without it.
    # (build.__main__, not build: a build/ folder in the working directory is a namespace package.)
    if importlib.util.find_spec("build.__main__") is not None:
        command = [sys.executable, "-m", "build", "--wheel", "--outdir", str(out), str(source)]
    else:
        command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--wheel-dir", str(out), str(source)]
    result = subprocess.run(
        command,
        cwd=scratch,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, (
        f"python -m build failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    )
    wheels = sorted(out.glob("incident_log-*.whl"))
    assert len(wheels) == 1, wheels
    return wheels[0]
