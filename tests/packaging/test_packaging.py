"""An installable, complete Incident Log: package list, wheel contents, desktop integration files.

Police IT installs from a package, so a file that exists in the checkout but not in the wheel is a
bug users meet first. These tests read the real files (pyproject, .desktop, metainfo, icons) and a
real wheel built with `python -m build`; the desktop tools validate when they are installed.
"""

from __future__ import annotations

import configparser
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path
from typing import Any

import pytest

import incident_log
from tests.packaging.conftest import APP_ID, DESKTOP_DIR, ICON_DIR, REPO

sys.path.insert(0, str(REPO / "packaging"))
import wheel_contents  # noqa: E402  - packaging/ is scripts, not a package

ICON_SIZES = (16, 32, 48, 64, 128, 256, 512)
SVG_NS = "{http://www.w3.org/2000/svg}"


def _python_package_dirs(root: Path, prefix: str) -> set[str]:
    """Dotted names of every folder under root that holds Python code (setuptools ships only those listed)."""
    found: set[str] = set()
    for folder in [root, *(p for p in root.rglob("*") if p.is_dir())]:
        if "__pycache__" in folder.parts or folder.name.endswith(".egg-info"):
            continue
        if any(folder.glob("*.py")):
            rel = folder.relative_to(root).parts
            found.add(".".join((prefix, *rel)))
    return found


# --- pyproject: the explicit package list ---------------------------------------------------------


def test_every_python_folder_is_listed_as_a_package(pyproject: dict[str, Any]) -> None:
    listed = set(pyproject["tool"]["setuptools"]["packages"])
    on_disk = _python_package_dirs(REPO / "incident_log", "incident_log")
    on_disk |= _python_package_dirs(REPO / "resources", "incident_log.resources")
    missing = sorted(on_disk - listed)
    assert not missing, (
        f"add these to [tool.setuptools] packages in pyproject.toml or the wheel lacks them: {missing}"
    )


def test_every_listed_package_exists_with_an_init(pyproject: dict[str, Any]) -> None:
    package_dir = pyproject["tool"]["setuptools"].get("package-dir", {})
    stale = []
    for name in pyproject["tool"]["setuptools"]["packages"]:
        base = next(
            (k for k in sorted(package_dir, key=len, reverse=True) if name == k or name.startswith(k + ".")),
            None,
        )
        if base is None:
            folder = REPO.joinpath(*name.split("."))
        else:
            folder = (
                REPO / package_dir[base] / Path(*name[len(base) + 1 :].split("."))
                if name != base
                else REPO / package_dir[base]
            )
        if not (folder / "__init__.py").is_file():
            stale.append(f"{name} -> {folder.relative_to(REPO)}")
    assert not stale, f"listed packages with no folder/__init__.py: {stale}"


def test_console_script_points_at_the_cli(pyproject: dict[str, Any]) -> None:
    assert pyproject["project"]["scripts"]["incident-log"] == "incident_log.cli:main"


# --- the wheel ------------------------------------------------------------------------------------


@pytest.mark.slow
def test_wheel_carries_everything_needed_at_run_time(built_wheel: Path) -> None:
    assert wheel_contents.problems(built_wheel) == []
    names = set(zipfile.ZipFile(built_wheel).namelist())
    # Every resource file and every migration file, not just a sample: a new font, style or
    # translation dropped into resources/ must reach users too.
    expected = {
        "incident_log/resources/" + p.relative_to(REPO / "resources").as_posix()
        for p in (REPO / "resources").rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
        and p.suffix != ".ts"  # the translators' source; the app reads the compiled .qm (pyproject excludes it)
    }
    migrations = REPO / "incident_log" / "store" / "migrations"
    expected |= {
        p.relative_to(REPO).as_posix()
        for p in migrations.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }
    missing = sorted(expected - names)
    assert not missing, f"the wheel lacks: {missing}"
    version = next(n for n in names if n.endswith(".dist-info/METADATA"))
    metadata = zipfile.ZipFile(built_wheel).read(version).decode()
    assert f"\nVersion: {incident_log.__version__}\n" in metadata


def test_contents_checker_names_what_is_missing(tmp_path: Path) -> None:
    """The checker used by build_wheel.sh really fails: a wheel without fonts and with a vault is refused."""
    bad = tmp_path / "incident_log-0.0.0-py3-none-any.whl"
    with zipfile.ZipFile(bad, "w") as archive:
        archive.writestr("incident_log/cli.py", "")
        archive.writestr("incident_log/resources/styles/light.qss", "")
        archive.writestr("incident_log/resources/vault.db", "")
        archive.writestr("incident_log-0.0.0.dist-info/entry_points.txt", "[console_scripts]\n")
    found = wheel_contents.problems(bad)
    assert any("fonts/DejaVuSans.ttf" in line for line in found)
    assert any("migrations/env.py" in line for line in found)
    assert "must not ship incident_log/resources/vault.db" in found
    assert any("console script" in line for line in found)
    assert not any("light.qss" in line for line in found)


# --- desktop entry ----------------------------------------------------------------------------------


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(DESKTOP_DIR / f"{APP_ID}.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entry_launches_the_program_with_our_icon() -> None:
    entry = _desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == "Incident Log"
    assert entry["Exec"].split()[0] == "incident-log"
    assert entry["Terminal"] == "false"
    assert entry["Icon"] == APP_ID
    assert (ICON_DIR / f"{entry['Icon']}.svg").is_file()
    categories = [c for c in entry["Categories"].split(";") if c]
    assert "Office" in categories  # a registered main category, so menus file it
    assert entry["Categories"].endswith(";") and entry["Keywords"].endswith(";")


def test_desktop_entry_passes_desktop_file_validate() -> None:
    result = subprocess.run(
        ["desktop-file-validate", str(DESKTOP_DIR / f"{APP_ID}.desktop")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0 and "error" not in result.stdout, result.stdout + result.stderr


# --- AppStream metainfo -----------------------------------------------------------------------------


def test_metainfo_has_the_required_appstream_tags() -> None:
    root = ET.parse(DESKTOP_DIR / f"{APP_ID}.metainfo.xml").getroot()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("metadata_license") == "CC0-1.0"
    assert root.findtext("project_license") == "GPL-3.0-or-later"
    assert root.findtext("name") == "Incident Log"
    assert root.findtext("summary")
    assert root.find("description/p") is not None
    launchable = root.find("launchable")
    assert launchable is not None and launchable.get("type") == "desktop-id"
    assert launchable.text == f"{APP_ID}.desktop"
    assert (DESKTOP_DIR / launchable.text).is_file()
    assert root.findtext("provides/binary") == "incident-log"
    assert root.find("content_rating") is not None
    versions = [r.get("version") for r in root.findall("releases/release")]
    assert incident_log.__version__ in versions, "add a <release> for the current version"


def test_metainfo_passes_appstreamcli_validate() -> None:
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(DESKTOP_DIR / f"{APP_ID}.metainfo.xml")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


# --- application icon ----------------------------------------------------------------------------


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path.name} is not a PNG"
    assert data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_icon_svg_is_square_and_well_formed() -> None:
    root = ET.parse(ICON_DIR / f"{APP_ID}.svg").getroot()
    assert root.tag == f"{SVG_NS}svg"
    assert root.get("viewBox") == "0 0 512 512"
    assert root.get("width") == root.get("height") == "512"


@pytest.mark.parametrize("size", ICON_SIZES)
def test_icon_png_rendered_at_each_size(size: int) -> None:
    path = ICON_DIR / f"{APP_ID}-{size}.png"
    assert _png_size(path) == (size, size)


@pytest.mark.parametrize("size", (32, 128, 512))
def test_icon_pngs_are_renders_of_the_current_svg(size: int) -> None:
    """A PNG left over from an older drawing would show a different icon in menus than in the window."""
    from PySide6.QtCore import Qt  # noqa: PLC0415
    from PySide6.QtGui import QImage, QPainter  # noqa: PLC0415
    from PySide6.QtSvg import QSvgRenderer  # noqa: PLC0415

    renderer = QSvgRenderer(str(ICON_DIR / f"{APP_ID}.svg"))
    assert renderer.isValid()
    fresh = QImage(size, size, QImage.Format.Format_ARGB32)
    fresh.fill(Qt.GlobalColor.transparent)
    painter = QPainter(fresh)
    renderer.render(painter)
    painter.end()
    shipped = QImage(str(ICON_DIR / f"{APP_ID}-{size}.png")).convertToFormat(QImage.Format.Format_ARGB32)
    step = max(1, size // 64)
    diffs = []
    for y in range(0, size, step):
        for x in range(0, size, step):
            a, b = fresh.pixelColor(x, y), shipped.pixelColor(x, y)
            diffs.append(
                abs(a.red() - b.red())
                + abs(a.green() - b.green())
                + abs(a.blue() - b.blue())
                + abs(a.alpha() - b.alpha())
            )
    # Different rasterisers differ only in anti-aliased edges: a few units on average.
    assert sum(diffs) / len(diffs) < 12, f"{APP_ID}-{size}.png does not match the SVG: re-render the PNGs"


def test_no_stray_icon_sizes() -> None:
    pngs = {p.name for p in ICON_DIR.glob("*.png")}
    assert pngs == {f"{APP_ID}-{n}.png" for n in ICON_SIZES}


# --- install_desktop_files.sh -----------------------------------------------------------------------


def test_install_desktop_files_into_xdg_data_home(tmp_path: Path) -> None:
    program = tmp_path / "opt dir" / "incident-log"  # a space: Exec must quote it
    program.parent.mkdir()
    program.write_text("#!/bin/sh\nexit 0\n")
    program.chmod(0o755)
    data = tmp_path / "share"
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "XDG_DATA_HOME": str(data)}
    script = REPO / "packaging" / "install_desktop_files.sh"
    result = subprocess.run(
        [str(script), "--exec", str(program)], env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr

    desktop = data / "applications" / f"{APP_ID}.desktop"
    text = desktop.read_text(encoding="utf-8")
    assert f'Exec="{program}"\n' in text
    assert f"TryExec={program}\n" in text
    assert f"Icon={APP_ID}\n" in text
    for size in ICON_SIZES:
        assert _png_size(data / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png") == (
            size,
            size,
        )
    assert (data / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    assert (data / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()
    if shutil.which("desktop-file-validate"):
        check = subprocess.run(
            ["desktop-file-validate", str(desktop)], capture_output=True, text=True, check=False
        )
        assert check.returncode == 0, check.stdout

    removed = subprocess.run(
        [str(script), "--uninstall"], env=env, capture_output=True, text=True, check=False
    )
    assert removed.returncode == 0, removed.stderr
    leftovers = [p for p in data.rglob(f"{APP_ID}*") if p.is_file()]
    assert leftovers == []


def test_install_desktop_files_refuses_a_missing_program(tmp_path: Path) -> None:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "share")}
    script = REPO / "packaging" / "install_desktop_files.sh"
    result = subprocess.run(
        [str(script), "--exec", str(tmp_path / "nope")], env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 1
    assert "cannot" in result.stderr or "not an executable" in result.stderr or "No such" in result.stderr
    assert not (tmp_path / "share" / "applications").exists()


# --- --version and --help say what the program is ---------------------------------------------------


def test_version_and_help_say_what_the_program_is() -> None:
    run = [sys.executable, "-m", "incident_log"]
    version = subprocess.run([*run, "--version"], capture_output=True, text=True, check=False, cwd=REPO)
    assert version.returncode == 0 and version.stdout.strip() == f"incident-log {incident_log.__version__}"
    helped = subprocess.run([*run, "--help"], capture_output=True, text=True, check=False, cwd=REPO)
    assert helped.returncode == 0
    assert "Incident Log" in helped.stdout and "demo" in helped.stdout
