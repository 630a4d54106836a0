"""The long fuzz run: mutated imports, mutated bundles and `log` argument sets through the real CLI.

    python benchmarks/bench_fuzz.py --examples 5000

Runs ``--examples`` imports, half as many `log` argument sets and a twentieth as many bundles
(each bundle costs one scrypt derivation), each judged as tests/core/fuzzing.py says, and prints
the counts of unhandled exceptions and partial writes (both must be 0). Seeds are 0..N-1, so a
failure is reproducible with its seed.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")

from incident_log.domain.entry import NewEntry  # noqa: E402
from incident_log.logbook import Logbook  # noqa: E402
from tests.core import fuzzing  # noqa: E402

PASSPHRASE = "fuzzing passphrase"
BUNDLE_PASS = "bundle passphrase 42"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--examples", type=int, default=1000)
    args = parser.parse_args()
    os.environ["INCIDENT_LOG_PASSPHRASE"] = PASSPHRASE
    os.environ["INCIDENT_LOG_BUNDLE_PASSPHRASE"] = BUNDLE_PASS
    scenario = json.loads((ROOT / "resources" / "examples" / "viaduct.json").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory(prefix="bench-fuzz-") as scratch:
        folder = Path(scratch)
        vault = folder / "vault.db"
        with Logbook.create(vault, PASSPHRASE, remember_in_keyring=False, kdf_cost=12) as book:
            ref = book.create_incident("Fuzzed", ref="FUZZ-LOG").ref
            book.record(ref, NewEntry("person", "", {"key": "s1", "role": "subject", "name": "Iker"}, author="L1"))
            book.record(ref, NewEntry("demand", "a car", {"by": "s1"}, author="L1"))
            source = book.import_scenario(scenario, ref="SOURCE-1").ref
            body = fuzzing.bundle_body(book, source, BUNDLE_PASS, folder)
        results = []
        started = time.perf_counter()
        tally = fuzzing.Tally()
        for seed in range(args.examples):
            fuzzing.fuzz_import(tally, vault, PASSPHRASE, scenario, seed, folder)
        results.append(tally.line("import"))
        tally_log = fuzzing.Tally()
        for seed in range(args.examples // 2):
            fuzzing.fuzz_log(tally_log, vault, PASSPHRASE, ref, seed)
        results.append(tally_log.line("log arguments"))
        tally_bundle = fuzzing.Tally()
        for seed in range(max(1, args.examples // 20)):
            crafted = {**body, "incident": {**body["incident"], "id": f"fuzz-{seed}", "ref": f"B-{seed}"}}
            fuzzing.fuzz_bundle(tally_bundle, vault, PASSPHRASE, crafted, BUNDLE_PASS, seed, folder)
        results.append(tally_bundle.line("bundle import"))
        elapsed = time.perf_counter() - started
    for line in results:
        print(line)
    for tally_ in (tally, tally_log, tally_bundle):
        for example in tally_.examples[:5]:
            print("  e.g.", example)
    total_bad = sum(t.unhandled + t.partial for t in (tally, tally_log, tally_bundle))
    print(f"total: {total_bad} unhandled exceptions or partial writes in {elapsed:.0f} s")
    return 0 if total_bad == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
