"""Layers enforced by a tool: the core never imports Qt, the UI never reaches into the store."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_import_contracts_hold() -> None:
    lint_imports = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert lint_imports, "import-linter is part of the test extra: pip install -e '.[test]'"
    done = subprocess.run([lint_imports], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-3000:]
    assert "0 broken" in done.stdout


def test_no_print_in_the_package() -> None:
    """Nothing of an incident may reach stdout by accident: output goes through the CLI's writers."""
    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent))
    assert ruff, "ruff is part of the test extra"
    done = subprocess.run([ruff, "check", "--select", "T20", "incident_log"], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout
