# Shared by build_wheel.sh and build_standalone.sh (sourced, not run): the Python to use, a
# temp folder, timed steps, and building the wheel the same way for both.
# The sourcing script sets SCRIPT_NAME first; this sets repo, py and tmp.

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [[ -n "${PYTHON:-}" ]]; then py="$PYTHON"
elif [[ -n "${VIRTUAL_ENV:-}" ]]; then py="$VIRTUAL_ENV/bin/python"
else py="python3"; fi

tmp="$(mktemp -d "${TMPDIR:-/tmp}/${SCRIPT_NAME}.XXXXXX")"
cleanup() { if [[ -z "${KEEP:-}" ]]; then rm -rf "$tmp"; else echo "kept $tmp"; fi; }
trap cleanup EXIT

t_all=$(date +%s.%N)
t_step=$t_all
step() {  # step NAME: print how long the previous step took, then announce the next
    local now; now=$(date +%s.%N)
    [[ -n "${current:-}" ]] && printf '   %-40s %6.1f s\n' "$current" "$(awk "BEGIN{print $now - $t_step}")"
    t_step=$now; current="${1:-}"
    [[ -n "$current" ]] && echo "== $current"
    return 0
}
fail() { echo "${SCRIPT_NAME}: FAILED: $*" >&2; exit 1; }

build_wheel() {  # build_wheel: sets $wheel to a freshly built wheel in $tmp/wheelhouse
    # A stale build/lib from an earlier setuptools run would put deleted modules back into the
    # wheel. (build/ also holds the standalone build's venv and work folder: leave those alone.)
    rm -rf "$repo/build/lib" "$repo"/build/bdist.*
    # `python -m build` when the `build` package is there, else pip's own PEP 517 build: both
    # build in an isolated environment from pyproject.toml and give the same wheel.
    if (cd / && "$py" -c "import build.__main__") > /dev/null 2>&1; then
        "$py" -m build --wheel --outdir "$tmp/wheelhouse" "$repo" > "$tmp/build.log" 2>&1
    else
        "$py" -m pip wheel --no-deps --wheel-dir "$tmp/wheelhouse" "$repo" > "$tmp/build.log" 2>&1
    fi || { tail -30 "$tmp/build.log" >&2; fail "building the wheel (log above)"; }
    wheel="$(ls "$tmp"/wheelhouse/incident_log-*.whl)"
}
