#!/usr/bin/env bash
# Put Incident Log into the Linux desktop's application menu for the current user (XDG):
#   $XDG_DATA_HOME/applications/org.incidentlog.IncidentLog.desktop
#   $XDG_DATA_HOME/icons/hicolor/{16..512}x{..}/apps/org.incidentlog.IncidentLog.png and scalable/…svg
#   $XDG_DATA_HOME/metainfo/org.incidentlog.IncidentLog.metainfo.xml
# ($XDG_DATA_HOME defaults to ~/.local/share.) No root needed, nothing outside that folder is touched.
#
#   packaging/install_desktop_files.sh                       # wheel install: finds `incident-log` on PATH
#   packaging/install_desktop_files.sh --exec ~/apps/il-venv/bin/incident-log
#   packaging/install_desktop_files.sh --exec /opt/incident-log/incident-log   # standalone build
#   packaging/install_desktop_files.sh --uninstall
#
# The desktop entry's Exec= is written as the absolute path of the program, because a wheel usually
# lives in a virtual environment whose bin/ is not on the PATH the desktop session sees.
# The files are taken from the installed package (the program's own resources) when that can be
# found, else from the resources/ folder beside this script (a source checkout or a standalone folder).
set -euo pipefail

app_id="org.incidentlog.IncidentLog"
data_home="${XDG_DATA_HOME:-$HOME/.local/share}"
sizes=(16 32 48 64 128 256 512)
exec_path=""
uninstall=""

usage() { sed -n '2,15p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
while [[ $# -gt 0 ]]; do
    case "$1" in
        --exec) exec_path="${2:?--exec needs the path of the incident-log program}"; shift 2 ;;
        --uninstall) uninstall=1; shift ;;
        -h|--help) usage; exit 0 ;;
        *) echo "install_desktop_files: unknown argument '$1' (try --help)" >&2; exit 2 ;;
    esac
done

refresh_caches() {  # optional tools: menus and icon themes pick the change up without a re-login
    if command -v update-desktop-database > /dev/null; then update-desktop-database -q "$data_home/applications" || true; fi
    if command -v gtk-update-icon-cache > /dev/null && [[ -f "$data_home/icons/hicolor/index.theme" ]]; then
        gtk-update-icon-cache -q -t "$data_home/icons/hicolor" || true
    fi
}

if [[ -n "$uninstall" ]]; then
    rm -f "$data_home/applications/$app_id.desktop" "$data_home/metainfo/$app_id.metainfo.xml" \
          "$data_home/icons/hicolor/scalable/apps/$app_id.svg"
    for n in "${sizes[@]}"; do rm -f "$data_home/icons/hicolor/${n}x${n}/apps/$app_id.png"; done
    refresh_caches
    echo "Removed Incident Log's menu entry and icons from $data_home"
    exit 0
fi

if [[ -z "$exec_path" ]]; then
    exec_path="$(command -v incident-log || true)"
    [[ -n "$exec_path" ]] || { echo "install_desktop_files: 'incident-log' is not on PATH; give --exec PATH" >&2; exit 1; }
fi
exec_path="$(cd "$(dirname "$exec_path")" && pwd)/$(basename "$exec_path")"
[[ -x "$exec_path" ]] || { echo "install_desktop_files: $exec_path is not an executable program" >&2; exit 1; }

# Where are the desktop files? 1) the package installed beside the program (wheel in a venv),
# 2) a standalone folder (PyInstaller puts the package data under _internal/), 3) this checkout.
src=""
prog_dir="$(dirname "$exec_path")"
if [[ -x "$prog_dir/python" ]]; then
    src="$("$prog_dir/python" -c 'from importlib.resources import files; print(files("incident_log.resources"))' 2>/dev/null || true)"
fi
for candidate in "$prog_dir/_internal/incident_log/resources" "$(dirname "${BASH_SOURCE[0]}")/../resources"; do
    [[ -z "$src" && -f "$candidate/desktop/$app_id.desktop" ]] && src="$candidate"
done
[[ -n "$src" && -f "$src/desktop/$app_id.desktop" ]] \
    || { echo "install_desktop_files: cannot find the desktop files (resources/desktop/$app_id.desktop)" >&2; exit 1; }

# Desktop entry: Exec/TryExec point at this program. Exec values with spaces must be quoted (spec).
mkdir -p "$data_home/applications"
quoted="$exec_path"
[[ "$exec_path" == *" "* ]] && quoted="\"$exec_path\""
sed_escape() { local v="${1//\\/\\\\}"; v="${v//&/\\&}"; printf '%s' "${v//|/\\|}"; }
sed -e "s|^Exec=.*|Exec=$(sed_escape "$quoted")|" -e "s|^TryExec=.*|TryExec=$(sed_escape "$exec_path")|" \
    "$src/desktop/$app_id.desktop" > "$data_home/applications/$app_id.desktop"

mkdir -p "$data_home/metainfo" "$data_home/icons/hicolor/scalable/apps"
cp "$src/desktop/$app_id.metainfo.xml" "$data_home/metainfo/"
cp "$src/icons/app/$app_id.svg" "$data_home/icons/hicolor/scalable/apps/$app_id.svg"
for n in "${sizes[@]}"; do
    mkdir -p "$data_home/icons/hicolor/${n}x${n}/apps"
    cp "$src/icons/app/$app_id-$n.png" "$data_home/icons/hicolor/${n}x${n}/apps/$app_id.png"
done
refresh_caches
echo "Installed Incident Log's menu entry ($data_home/applications/$app_id.desktop) running $exec_path"
