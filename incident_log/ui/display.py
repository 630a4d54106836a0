"""Before Qt starts: is there a display to start on, and can Qt's X11 plugin load?

Started without a display, Qt aborts the process (exit 134) with "could not load the Qt
platform plugin xcb ... xcb-cursor0 is needed", whatever is really missing. These checks run
first and turn each case into one line that says what is missing and that the command line
works without any display. Linux only: elsewhere the platform always has a display.
"""

from __future__ import annotations

import ctypes
import os
import re
import socket
import sys
from pathlib import Path

NO_DISPLAY = ("The desktop app needs a display, and this session has none (DISPLAY and WAYLAND_DISPLAY are not set). "
              "Start it from a desktop session, or use the command line, which needs no display: incident-log --help")
NO_SERVER = ("The desktop app cannot reach the X server at DISPLAY={display} (nothing answers there). "
             "Check DISPLAY, or use the command line, which needs no display: incident-log --help")
MISSING_LIBRARY = ("The desktop app cannot start: the X11 library {library} is missing (on Debian or Ubuntu: "
                   "sudo apt-get install {package}). The command line works without it: incident-log --help")
HEADLESS_PLATFORMS = ("offscreen", "minimal", "minimalegl", "vnc", "eglfs", "linuxfb", "vkkhrdisplay")


def display_problem(env: dict[str, str] | None = None) -> str | None:
    """One sentence if the desktop app cannot start here, else None."""
    env = dict(os.environ) if env is None else env
    if not sys.platform.startswith("linux"):
        return None
    platform = (env.get("QT_QPA_PLATFORM") or "").split(";")[0].split(":")[0].strip()
    if platform and not platform.startswith("xcb") and platform != "wayland":
        return None  # offscreen, vnc, eglfs …: they bring their own (or no) display
    display, wayland = env.get("DISPLAY", "").strip(), env.get("WAYLAND_DISPLAY", "").strip()
    if platform == "wayland" or (not platform and wayland):
        return None if wayland else NO_DISPLAY
    if not display:
        return NO_DISPLAY
    if not x_server_answers(display):
        return NO_SERVER.format(display=display)
    return xcb_plugin_problem()


def x_server_answers(display: str) -> bool:
    """Is something listening at ``display`` (":1", "unix:1", "host:1.0")?"""
    match = re.match(r"^(?P<host>[^:]*):(?P<number>\d+)(?:\.\d+)?$", display)
    if match is None:
        return True  # a form we do not know (a launchd path on macOS, say): let Qt try
    host, number = match["host"], int(match["number"])
    if host in ("", "unix"):
        path = f"/tmp/.X11-unix/X{number}"
        for address in (path, "\0" + path):  # the file, then Linux's abstract socket of the same name
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
                probe.settimeout(1.0)
                try:
                    probe.connect(address)
                except OSError:
                    continue
                return True
        return False
    try:
        with socket.create_connection((host, 6000 + number), timeout=1.0):
            return True
    except OSError:
        return False


def xcb_plugin_problem() -> str | None:
    """Load Qt's X11 plugin the way Qt would; the loader names the first library it cannot find."""
    try:
        import PySide6
    except ImportError:
        return None
    plugin = Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    if not plugin.exists():
        return None  # a build without the plugin in this place: Qt will say what it finds
    try:
        ctypes.CDLL(str(plugin), mode=os.RTLD_LAZY)
    except OSError as exc:
        return missing_library_message(str(exc))
    return None


def missing_library_message(loader_error: str) -> str | None:
    """The sentence for a loader error such as "libxcb-icccm.so.4: cannot open shared object file"."""
    match = re.search(r"(lib[\w.+-]+?\.so(?:\.\d+)*)\s*:\s*cannot open shared object file", loader_error)
    if match is None:
        return None
    library = match.group(1)
    return MISSING_LIBRARY.format(library=library, package=debian_package(library))


def debian_package(library: str) -> str:
    """Debian's name for the package of a shared library: libxcb-icccm.so.4 -> libxcb-icccm4."""
    name, _, version = library.partition(".so")
    version = version.lstrip(".").split(".")[0]
    if not version:
        return name.lower()
    return (name + ("-" if name[-1].isdigit() else "") + version).lower()
