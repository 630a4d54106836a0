"""Entry point of the standalone (PyInstaller) build: the same `main` as the `incident-log` script.

With no command it opens the desktop app; with a command it is the command line. Kept outside the
package so the frozen program starts exactly where the console script starts.
"""

from incident_log.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
