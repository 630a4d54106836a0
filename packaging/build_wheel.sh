#!/usr/bin/env bash
# Build the wheel into dist/, then prove it works the way police IT will use it: installed into a
# fresh virtual environment, run from a folder that is not the source tree, with a throwaway HOME.
#
#   packaging/build_wheel.sh                 # uses $PYTHON, else the active venv's python, else python3
#   PYTHON=/tmp/venv/bin/python packaging/build_wheel.sh
#   KEEP=1 packaging/build_wheel.sh          # keep the temp dir (venv, vault, demo.pdf) for a look
#
# The wheel is built with `python -m build` (or `pip wheel` where `build` is not installed); the
# fresh venv gets the wheel's dependencies from the configured package index. Exit 0 only when every check passed.
set -euo pipefail

SCRIPT_NAME=build_wheel
# shellcheck source=packaging/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"


step "build wheel"
build_wheel
mkdir -p "$repo/dist"
rm -f "$repo"/dist/incident_log-*.whl
cp "$wheel" "$repo/dist/"
wheel="$repo/dist/$(basename "$wheel")"
echo "   $(basename "$wheel")  $(du -k "$wheel" | cut -f1) KiB"

step "check wheel contents"
"$py" "$repo/packaging/wheel_contents.py" "$wheel" || fail "the wheel is incomplete (see above)"

step "fresh venv + pip install wheel"
"$py" -m venv "$tmp/venv"
"$tmp/venv/bin/python" -m pip install --quiet "$wheel" > "$tmp/pip.log" 2>&1 \
    || { tail -30 "$tmp/pip.log" >&2; fail "pip install of the wheel"; }
echo "   installed size: $(du -sm "$tmp/venv" | cut -f1) MiB (venv with all dependencies)"

# Hermetic run: a throwaway HOME and XDG folders (no vault or keyring of the person running this is
# touched), the offscreen Qt platform, the fail keyring backend (keys go to the passphrase slot, as
# on a headless box) and a working folder outside the source tree so `import incident_log` can
# only find the installed copy.
export HOME="$tmp/home" XDG_DATA_HOME="$tmp/home/.local/share" XDG_CONFIG_HOME="$tmp/home/.config"
export XDG_CACHE_HOME="$tmp/home/.cache" XDG_RUNTIME_DIR="$tmp/runtime"
mkdir -p "$HOME" "$XDG_RUNTIME_DIR" "$tmp/work" && chmod 700 "$XDG_RUNTIME_DIR"
export QT_QPA_PLATFORM=offscreen PYTHON_KEYRING_BACKEND=keyring.backends.fail.Keyring
export INCIDENT_LOG_PASSPHRASE="wheel-smoke-test-passphrase"
unset INCIDENT_LOG_VAULT INCIDENT_LOG_DEBUG PYTHONPATH
cd "$tmp/work"
bin="$tmp/venv/bin"
vault="$tmp/work/vault.db"

step "installed copy is the one imported"
where="$("$bin/python" -c 'import incident_log; print(incident_log.__file__)')"
[[ "$where" == "$tmp/venv/"* ]] || fail "incident_log imported from $where, not from the fresh venv"

step "incident-log --version"
version_out="$("$bin/incident-log" --version)"
expected="incident-log $("$bin/python" -c 'import incident_log; print(incident_log.__version__)')"
[[ "$version_out" == "$expected" ]] || fail "--version said '$version_out', expected '$expected'"
echo "   $version_out"

step "incident-log --help"
help_out="$("$bin/incident-log" --help)"
for word in "Incident Log" "tamper-evident" "demo" "bundle" "verify"; do
    grep -q -- "$word" <<<"$help_out" || fail "--help does not mention '$word'"
done

step "resources readable from the package"
"$bin/python" - <<'EOF' || fail "packaged resources are not readable through importlib.resources"
from importlib.resources import files
res = files("incident_log.resources")
for part in ("fonts/DejaVuSans.ttf", "styles/light.qss", "examples/viaduct.json",
             "icons/app/org.incidentlog.IncidentLog.svg"):
    node = res.joinpath(*part.split("/"))
    assert node.is_file() and node.read_bytes(), part
assert (files("incident_log.store") / "migrations" / "versions" / "0001_initial.py").is_file()
EOF

step "Spanish catalogue loads from the installed package"
"$bin/python" - <<'PY' || fail "the Spanish catalogue (incident_log_es.qm) does not load from the installed package"
from PySide6.QtWidgets import QApplication
from incident_log.ui import i18n
app = QApplication([])
assert i18n.install(app, "es") == "es", "catalogue missing"
assert i18n.translate("actions", "&Quit") == "&Salir", i18n.translate("actions", "&Quit")
PY

step "init, import example, verify (CLI)"
"$bin/incident-log" --vault "$vault" init --no-keyring > /dev/null || fail "incident-log init"
example="$("$bin/python" -c 'from importlib.resources import files; print(files("incident_log.resources") / "examples" / "viaduct.json")')"
ref="$("$bin/incident-log" --vault "$vault" import "$example")" || fail "incident-log import of the example"
"$bin/incident-log" --vault "$vault" verify "$ref" > /dev/null || fail "incident-log verify $ref"
[[ "$("$bin/incident-log" --vault "$vault" list | wc -l)" -eq 1 ]] || fail "incident-log list: expected one incident"

step "incident-log demo -o demo.pdf"
if grep -qE '^ +demo ' <<<"$help_out"; then
    "$bin/incident-log" demo -o demo.pdf > "$tmp/demo.log" 2>&1 || { cat "$tmp/demo.log" >&2; fail "incident-log demo"; }
    [[ -s demo.pdf ]] || fail "demo.pdf was not written"
    [[ "$(head -c 5 demo.pdf)" == "%PDF-" ]] || fail "demo.pdf is not a PDF"
    tail -c 1024 demo.pdf | grep -q '%%EOF' || fail "demo.pdf is truncated (no %%EOF)"
    echo "   demo.pdf $(du -k demo.pdf | cut -f1) KiB"
else
    fail "'incident-log --help' lists no demo command"
fi

step "GUI module imports"
"$bin/python" -c "import incident_log.ui.app" || fail "import incident_log.ui.app in the installed venv"

step "GUI starts and stays up (offscreen, 6 s)"
set +e
timeout 6 "$bin/incident-log" --vault "$vault" > "$tmp/gui.log" 2>&1
rc=$?
set -e
if [[ $rc -ne 124 ]]; then cat "$tmp/gui.log" >&2; fail "the GUI exited with $rc before it was stopped"; fi
if grep -qE 'Traceback|internal error|could not load the Qt platform' "$tmp/gui.log"; then
    cat "$tmp/gui.log" >&2; fail "the GUI wrote an error while starting"
fi

step ""
printf '   %-34s %6.1f s\n' "TOTAL" "$(awk "BEGIN{print $(date +%s.%N) - $t_all}")"
echo "build_wheel: OK  $wheel"
