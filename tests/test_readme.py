"""README.md stays true: its keyboard map is the action table's, its test command is CI's."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_keyboard_map_matches_the_action_table(qapp) -> None:  # standard keys need a QGuiApplication
    from incident_log.ui.actions import keyboard_map_markdown

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("<!-- keyboard-map:start -->") + len("<!-- keyboard-map:start -->")
    end = readme.index("<!-- keyboard-map:end -->")
    assert readme[start:end].strip() == keyboard_map_markdown().strip(), (
        "README's keyboard map is stale: regenerate it with python -m incident_log.ui.actions"
    )


def test_ci_runs_the_readme_test_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert 'pip install -e ".[test]"\npytest\n' in readme
    assert "\npytest\n" in ci
