"""Fuzzing the ways into a vault through the real CLI entry point (shared by tests and the benchmark).

Each case runs ``incident_log.cli.main`` in-process on a real vault and is judged the same way:
- **unhandled**: exit 70 (the CLI's "internal error") or an exception out of ``main``;
- **partial write**: a refused command that changed the vault (incidents or entries added), or any
  command after which ``verify`` no longer passes, or an accepted import whose incident cannot be
  listed, exported and verified.
"""

from __future__ import annotations

import contextlib
import copy
import io
import json
import random
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from incident_log import cli
from incident_log.logbook import Logbook

NASTY_TEXT = [
    "", " ", "\x00", "a\x07b", "\ud800", "x\udcff", "\ufeff", "\u202e", "é", "e\u0301", "José Núñez", "🙂", "\n\n",
    "x" * 3000, "0226-12-01T21:40:00+01:00", "0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-01:00",
    "2030-01-01T00:00:00Z", "2026-03-14T21:40:00", "yesterday", "Europe/Madrid", "Mars/Olympus",
]
NASTY_VALUES: list[Any] = [
    *NASTY_TEXT, None, True, False, 0, -1, 1, 2**64, 99999999999999999999, 1.5, float("nan"), [], {}, ["a"], {"a": 1},
    [[["deep"]]], {"name": {"x": 1}},
]


@dataclass
class Tally:
    cases: int = 0
    accepted: int = 0
    refused: int = 0
    unhandled: int = 0
    partial: int = 0
    examples: list[str] = field(default_factory=list)  # the kind of failure only, never entry text

    def line(self, what: str) -> str:
        return (
            f"{what}: {self.cases} cases, {self.accepted} accepted, {self.refused} refused with a message, "
            f"{self.unhandled} unhandled exceptions, {self.partial} partial writes"
        )


def run_cli(argv: Sequence[str]) -> tuple[int, str]:
    """Exit code and stderr of one in-process command (70 or an escaping exception: unhandled)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = cli.main(list(argv))
        except SystemExit as exc:  # argparse's usage errors
            code = int(exc.code or 0)
        except BaseException as exc:  # noqa: BLE001 - exactly what the fuzzer counts
            return 70, f"{type(exc).__name__} escaped main"
    return code, err.getvalue()


def vault_state(vault: Path, passphrase: str) -> tuple[tuple[str, int], ...]:
    with Logbook.open(vault, passphrase=passphrase, use_keyring=False) as book:
        return tuple(sorted((i.ref, i.entry_count) for i in book.incidents()))


def vault_verifies(vault: Path) -> bool:
    code, _ = run_cli(["--vault", str(vault), "verify"])
    return code == 0


def judge(tally: Tally, vault: Path, passphrase: str, before: Any, code: int, err: str, what: str) -> None:
    tally.cases += 1
    if code == 70:
        tally.unhandled += 1
        tally.examples.append(f"{what}: unhandled ({err.strip().splitlines()[-1][:80] if err.strip() else '?'})")
        return
    after = vault_state(vault, passphrase)
    if code == 0:
        tally.accepted += 1
        if not vault_verifies(vault):
            tally.partial += 1
            tally.examples.append(f"{what}: accepted but the vault no longer verifies")
        return
    tally.refused += 1
    if after != before or not vault_verifies(vault):
        tally.partial += 1
        tally.examples.append(f"{what}: refused but the vault changed")
    if len(err.strip().splitlines()) != 1:
        tally.unhandled += 1
        tally.examples.append(f"{what}: the refusal was not one line")


# --- mutations --------------------------------------------------------------------------------------


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            out.extend(_paths(item, (*prefix, key)))
    elif isinstance(value, list):
        for index, item in enumerate(value[:40]):
            out.extend(_paths(item, (*prefix, index)))
    return out


def mutate(data: Any, rnd: random.Random, steps: int) -> Any:
    data = copy.deepcopy(data)
    for _ in range(steps):
        paths = [p for p in _paths(data) if p]
        if not paths:
            break
        path = rnd.choice(paths)
        parent = data
        for part in path[:-1]:
            parent = parent[part]
        key = path[-1]
        action = rnd.random()
        if action < 0.15 and isinstance(parent, dict):
            del parent[key]
        elif action < 0.25 and isinstance(parent, list):
            parent.insert(rnd.randrange(len(parent) + 1), copy.deepcopy(rnd.choice(parent)))
        elif action < 0.35 and isinstance(parent, dict):
            parent[rnd.choice(["zzz", "id", "refs", "time_zone", "delay_reason", "fields"])] = rnd.choice(NASTY_VALUES)
        else:
            parent[key] = rnd.choice(NASTY_VALUES)
    return data


def encode_file(data: Any, rnd: random.Random) -> bytes:
    raw = json.dumps(data, ensure_ascii=rnd.random() < 0.5).encode("utf-8", "surrogatepass")
    choice = rnd.random()
    if choice < 0.1:
        return b"\xef\xbb\xbf" + raw  # a BOM
    if choice < 0.15:
        return raw[: rnd.randrange(len(raw))]  # cut short
    if choice < 0.2:
        return raw.replace(b'"', b"\xff", 1)  # not UTF-8
    return raw


def fuzz_import(tally: Tally, vault: Path, passphrase: str, scenario: dict[str, Any], seed: int, folder: Path) -> None:
    rnd = random.Random(seed)
    data = mutate(scenario, rnd, rnd.randint(1, 4))
    if rnd.random() < 0.5 and isinstance(data, dict) and isinstance(data.get("incident"), dict):
        data["incident"]["ref"] = f"FUZZ-{seed}"  # most cases reach the entries, not the duplicate ref
    path = folder / f"fuzz-{seed}.json"
    path.write_bytes(encode_file(data, rnd))
    before = vault_state(vault, passphrase)
    code, err = run_cli(["--vault", str(vault), "import", str(path)])
    judge(tally, vault, passphrase, before, code, err, "import")
    if code == 0:  # what was accepted can be shown
        ref = vault_state(vault, passphrase)
        for args in (["list"], ["export", ref[-1][0], "--format", "jsonl"]):
            shown, _ = run_cli(["--vault", str(vault), *args])
            if shown != 0:
                tally.partial += 1
                tally.examples.append(f"import accepted but {args[0]} fails")
    path.unlink()


def bundle_body(book: Logbook, ref: str, passphrase: str, folder: Path) -> dict[str, Any]:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    from incident_log.store.bundle import MAGIC
    from incident_log.store.keyslots import _derive

    path = folder / "source.bundle"
    book.export_bundle(ref, path, passphrase, force=True)
    head, cipher = path.read_bytes()[len(MAGIC):].split(b"\n", 1)
    meta = json.loads(head)
    plain = AESGCM(_derive(passphrase, bytes.fromhex(meta["salt"]), meta["log_n"])).decrypt(
        bytes.fromhex(meta["nonce"]), cipher, MAGIC + head
    )
    return json.loads(zlib.decompress(plain))  # type: ignore[no-any-return]


def write_crafted_bundle(path: Path, body: Any, passphrase: str, rnd: random.Random) -> None:
    import secrets

    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    from incident_log.store.bundle import BUNDLE_LOG_N, MAGIC
    from incident_log.store.keyslots import _derive

    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
    log_n = BUNDLE_LOG_N if rnd.random() < 0.9 else rnd.choice([1, 16, 20, 22, 40])
    header = json.dumps({"kdf": "scrypt", "log_n": log_n, "salt": salt.hex(), "nonce": nonce.hex()}).encode()
    key = _derive(passphrase, salt, BUNDLE_LOG_N)
    plain = zlib.compress(json.dumps(body).encode("utf-8", "surrogatepass"))
    data = MAGIC + header + b"\n" + AESGCM(key).encrypt(nonce, plain, MAGIC + header)
    if rnd.random() < 0.1:
        flip = rnd.randrange(len(data))
        data = data[:flip] + bytes([data[flip] ^ 0x40]) + data[flip + 1 :]
    path.write_bytes(data)


def fuzz_bundle(
    tally: Tally, vault: Path, passphrase: str, body: dict[str, Any], bundle_passphrase: str, seed: int, folder: Path
) -> None:
    from incident_log.domain.entry import chain_hash, genesis_hash

    rnd = random.Random(seed)
    mutated = mutate(body, rnd, rnd.randint(1, 3))
    if rnd.random() < 0.7 and isinstance(mutated, dict):  # an attacker recomputes the chain
        with contextlib.suppress(Exception):
            prev = genesis_hash(mutated["incident"]["id"])
            for entry in mutated["entries"]:
                entry["prev_hash"] = prev
                payload = {k: v for k, v in entry.items() if k not in ("prev_hash", "hash")}
                entry["hash"] = prev = chain_hash(prev, payload)
    path = folder / f"fuzz-{seed}.bundle"
    write_crafted_bundle(path, mutated, bundle_passphrase, rnd)
    before = vault_state(vault, passphrase)
    code, err = run_cli(["--vault", str(vault), "bundle", "import", str(path)])
    judge(tally, vault, passphrase, before, code, err, "bundle import")
    path.unlink()


LOG_OPTIONS = ["--at", "--author", "--field", "--refs", "--delay-reason"]
KINDS = ["note", "intel", "statement", "demand", "offer", "update", "contact", "rotation", "decision", "person",
         "hook", "trigger", "risk", "amendment", "flag", "seal", "opening", "gossip", ""]


def log_argv(rnd: random.Random, ref: str) -> list[str]:
    argv = ["log", rnd.choice([ref, ref, "NOPE", "\udcff", ""]), rnd.choice(KINDS), rnd.choice(NASTY_TEXT + ["a note"])]
    for _ in range(rnd.randint(0, 4)):
        option = rnd.choice(LOG_OPTIONS)
        if option == "--field":
            value = f"{rnd.choice(['by', 'source', 'speaker', 'key', 'role', 'name', 'status', 'deadline', 'corrected', 'x'])}={rnd.choice(NASTY_TEXT)}"
        elif option == "--refs":
            value = rnd.choice(["1", "0", "-1", "99999999999999999999", "abc", "2"])
        else:
            value = rnd.choice(NASTY_TEXT)
        argv += [option, value]
    return argv


def fuzz_log(tally: Tally, vault: Path, passphrase: str, ref: str, seed: int) -> None:
    rnd = random.Random(seed)
    argv = log_argv(rnd, ref)
    before = vault_state(vault, passphrase)
    code, err = run_cli(["--vault", str(vault), *argv])
    if code == 2:  # argparse refused the arguments: a usage message, nothing touched
        tally.cases += 1
        tally.refused += 1
        if vault_state(vault, passphrase) != before:
            tally.partial += 1
        return
    judge(tally, vault, passphrase, before, code, err, "log")


seeds = st.integers(min_value=0, max_value=2**32 - 1)
