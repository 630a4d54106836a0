#!/usr/bin/env bash
# Regenerate the desktop app's Spanish catalogue from the sources, then compile it.
#   tools/i18n.sh            # lupdate (keeps every translation already made) + lrelease
# Run from the repository root with the project's venv (pyside6-lupdate / -lrelease come with PySide6).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bin="${PYSIDE_BIN:-$(dirname "$(command -v python)")}"
[[ -x "$bin/pyside6-lupdate" ]] || { echo "pyside6-lupdate not found: activate the project's venv (pip install -e .)" >&2; exit 1; }
mapfile -t sources < <(find incident_log/ui -name '*.py' | sort)
"$bin/pyside6-lupdate" -locations none -no-obsolete -target-language es_ES "${sources[@]}" -ts resources/i18n/incident_log_es.ts
"$bin/pyside6-lrelease" resources/i18n/incident_log_es.ts -qm resources/i18n/incident_log_es.qm
