#!/usr/bin/env bash
# Build the standalone one-folder program with PyInstaller (packaging/incident-log.spec) and
# smoke-test the built program, not the source: --version, --help, a CLI round trip on a real
# vault, `demo` headless on the offscreen platform producing a PDF, and the GUI starting offscreen
# and staying up until it is stopped.
#
#   packaging/build_standalone.sh                # Linux; result in dist/standalone/incident-log/
#   PYTHON=/tmp/venv/bin/python packaging/build_standalone.sh
#   KEEP=1 packaging/build_standalone.sh         # keep the smoke-test folder
#
# It builds the wheel first and freezes the INSTALLED wheel (an editable install's import hooks
# would hide the resources from PyInstaller), in a build venv kept at build/standalone-venv so
# later builds skip the downloads. Also writes dist/incident-log-<version>-linux-x86_64.tar.gz.
set -euo pipefail

SCRIPT_NAME=build_standalone
# shellcheck source=packaging/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
venv="$repo/build/standalone-venv"
out="$repo/dist/standalone"
app="$out/incident-log"
prog="$app/incident-log"


step "build wheel"
build_wheel

step "build venv: wheel + pyinstaller"
[[ -x "$venv/bin/python" ]] || "$py" -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --upgrade pyinstaller "$wheel" > "$tmp/pip.log" 2>&1 \
    || { tail -30 "$tmp/pip.log" >&2; fail "pip install pyinstaller + wheel"; }
# Same version number, new contents: make sure the venv holds THIS wheel.
"$venv/bin/python" -m pip install --quiet --force-reinstall --no-deps "$wheel" >> "$tmp/pip.log" 2>&1
echo "   $("$venv/bin/pyinstaller" --version | sed 's/^/pyinstaller /')"

step "pyinstaller (one folder)"
rm -rf "$app"
( cd "$tmp" && "$venv/bin/pyinstaller" --noconfirm --clean --log-level WARN \
      --distpath "$out" --workpath "$repo/build/pyinstaller" "$repo/packaging/incident-log.spec" ) \
    > "$tmp/pyinstaller.log" 2>&1 || { tail -40 "$tmp/pyinstaller.log" >&2; fail "pyinstaller"; }
[[ -x "$prog" ]] || fail "no program at $prog"
cp "$repo/packaging/install_desktop_files.sh" "$app/"

step "check the folder"
internal="$app/_internal"
for f in \
    incident_log/resources/fonts/DejaVuSans.ttf \
    incident_log/resources/styles/dark.qss \
    incident_log/resources/examples/viaduct.json \
    incident_log/resources/icons/app/org.incidentlog.IncidentLog.svg \
    incident_log/resources/desktop/org.incidentlog.IncidentLog.desktop \
    incident_log/store/migrations/env.py \
    incident_log/store/migrations/versions/0001_initial.py \
    PySide6/Qt/plugins/platforms/libqoffscreen.so \
    PySide6/Qt/plugins/platforms/libqxcb.so \
    PySide6/Qt/plugins/imageformats/libqsvg.so \
    PySide6/Qt/plugins/iconengines/libqsvgicon.so; do
    [[ -f "$internal/$f" ]] || fail "the standalone folder lacks _internal/$f"
done
ls "$internal"/sqlcipher3/_sqlite3*.so > /dev/null 2>&1 || fail "the SQLCipher driver (sqlcipher3/_sqlite3*.so) is missing"
ls -d "$internal"/keyring-*.dist-info > /dev/null 2>&1 || fail "keyring's metadata (backend entry points) is missing"
ls "$internal"/reportlab/fonts/*.ttf > /dev/null 2>&1 || fail "reportlab's fonts are missing"

# The same hermetic environment as build_wheel.sh; and no Python of ours on the path at all.
export HOME="$tmp/home" XDG_DATA_HOME="$tmp/home/.local/share" XDG_CONFIG_HOME="$tmp/home/.config"
export XDG_CACHE_HOME="$tmp/home/.cache" XDG_RUNTIME_DIR="$tmp/runtime"
mkdir -p "$HOME" "$XDG_RUNTIME_DIR" "$tmp/work" && chmod 700 "$XDG_RUNTIME_DIR"
export QT_QPA_PLATFORM=offscreen INCIDENT_LOG_PASSPHRASE="standalone-smoke-test-passphrase"
unset INCIDENT_LOG_VAULT INCIDENT_LOG_DEBUG PYTHONPATH PYTHONHOME VIRTUAL_ENV PYTHON_KEYRING_BACKEND
export PATH="/usr/bin:/bin"
cd "$tmp/work"
vault="$tmp/work/vault.db"

step "--version / --help"
version_out="$("$prog" --version)"
expected="incident-log $("$venv/bin/python" -c 'import incident_log; print(incident_log.__version__)')"
[[ "$version_out" == "$expected" ]] || fail "--version said '$version_out', expected '$expected'"
echo "   $version_out"
help_out="$("$prog" --help)"
grep -q "Incident Log" <<<"$help_out" && grep -qE '^ +demo ' <<<"$help_out" || fail "--help lacks the description or the demo command"

step "init, import example, verify (CLI)"
"$prog" --vault "$vault" init --no-keyring > /dev/null || fail "init"
ref="$("$prog" --vault "$vault" import "$internal/incident_log/resources/examples/viaduct.json")" || fail "import"
"$prog" --vault "$vault" verify "$ref" > /dev/null || fail "verify $ref"

step "demo -o demo.pdf (offscreen)"
"$prog" demo -o demo.pdf > "$tmp/demo.log" 2>&1 || { cat "$tmp/demo.log" >&2; fail "demo"; }
[[ "$(head -c 5 demo.pdf 2>/dev/null)" == "%PDF-" ]] || fail "demo.pdf missing or not a PDF"
tail -c 1024 demo.pdf | grep -q '%%EOF' || fail "demo.pdf is truncated"
echo "   demo.pdf $(du -k demo.pdf | cut -f1) KiB"

step "GUI starts offscreen and stays up (5 s)"
set +e
timeout 5 "$prog" --vault "$vault" > "$tmp/gui.log" 2>&1
rc=$?
set -e
if [[ $rc -ne 124 ]]; then cat "$tmp/gui.log" >&2; fail "the GUI exited with $rc before it was stopped"; fi
if grep -qE 'Traceback|internal error|could not load the Qt platform|Could not find the Qt platform' "$tmp/gui.log"; then
    cat "$tmp/gui.log" >&2; fail "the GUI wrote an error while starting"
fi

step "archive"
version="${version_out#incident-log }"
tarball="$repo/dist/incident-log-$version-linux-$(uname -m).tar.gz"
tar -C "$out" -czf "$tarball" incident-log

step ""
printf '   %-40s %6.1f s\n' "TOTAL" "$(awk "BEGIN{print $(date +%s.%N) - $t_all}")"
echo "   folder:  $(du -sm "$app" | cut -f1) MiB, $(find "$app" -type f | wc -l) files  ($app)"
echo "   archive: $(du -m "$tarball" | cut -f1) MiB  ($tarball)"
echo "build_standalone: OK"
