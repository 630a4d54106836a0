"""The gettext catalogue's tools: extract the marked strings, read and update the ``.po``,
compile the ``.mo``. Python's standard library reads ``.mo`` files but cannot write them, and
Babel would be a dependency for about sixty lines, so these are our own.

Run ``python -m incident_log.i18n`` after changing wording: new strings are added to the
``.po`` with an empty translation (the tests then fail until someone translates them), strings
no longer used are reported, and the ``.mo`` is compiled again.
"""

from __future__ import annotations

import ast
import re
import struct
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent  # incident_log/
PO_PATH = Path(__file__).resolve().parent / "locale" / "es" / "LC_MESSAGES" / "incident_log.po"
MO_PATH = PO_PATH.with_suffix(".mo")
# The modules whose wording goes through this catalogue (the UI uses Qt's own).
SOURCES = (
    "errors.py",
    "cli_report.py",
    "cli.py",
    "cli_cell.py",
    "cell/book.py",
    "i18n/argparse_words.py",
    "store/keyslots.py",
    "store/verify.py",
    "store/bundle.py",
    "fileio.py",
    "report/build.py",
    "report/content.py",
    "report/layout.py",
    "report/chart.py",
    "report/errors.py",
    "report/options.py",
    "report/summary.py",
    "domain/situation.py",
    "domain/labels.py",
    "domain/validation.py",
    "domain/timeparse.py",
    "domain/zones.py",
    "domain/deadline.py",
    "domain/chain.py",
    "domain/scenario.py",
    "domain/alarms.py",
    "domain/received.py",
    "i18n/vocabulary.py",
)
MARKERS = frozenset({"tr", "msg", "N_", "fmt"})
CONTEXT_MARKERS = frozenset({"word", "W_"})
# Calls whose first argument is a list of English literals (the layout's table headers).
LIST_MARKERS = frozenset({"grid"})


@dataclass
class Message:
    msgid: str
    msgstr: str = ""
    context: str | None = None
    fuzzy: bool = False
    comments: list[str] = field(default_factory=list)

    @property
    def key(self) -> tuple[str | None, str]:
        return (self.context, self.msgid)


def _call_name(node: ast.Call) -> str:
    if isinstance(node.func, ast.Name):
        return node.func.id
    if isinstance(node.func, ast.Attribute):
        return node.func.attr
    return ""


def extract_file(path: Path) -> Iterator[tuple[str | None, str, int]]:
    """(context, msgid, line) of every marked literal in one module."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        name = _call_name(node)
        args = node.args
        if name in LIST_MARKERS and isinstance(args[0], ast.List):
            for item in args[0].elts:
                if isinstance(item, ast.Constant) and isinstance(item.value, str) and item.value not in ("", "#"):
                    yield None, item.value, node.lineno
            continue
        if name in MARKERS and isinstance(args[0], ast.Constant) and isinstance(args[0].value, str):
            yield None, args[0].value, node.lineno
        elif name in CONTEXT_MARKERS and len(args) >= 2:
            group, value = args[0], args[1]
            if (
                isinstance(group, ast.Constant)
                and isinstance(value, ast.Constant)
                and isinstance(group.value, str)
                and isinstance(value.value, str)
            ):
                yield group.value, value.value, node.lineno


def extract(sources: Iterable[str] = SOURCES) -> dict[tuple[str | None, str], list[str]]:
    """Every marked string of ``sources`` plus the domain's vocabulary -> where it is used."""
    from incident_log.i18n.vocabulary import vocabulary

    found: dict[tuple[str | None, str], list[str]] = {}
    for rel in sources:
        for context, msgid, line in extract_file(PACKAGE / rel):
            if msgid:
                found.setdefault((context, msgid), []).append(f"{rel}:{line}")
    for context, msgid in vocabulary():
        found.setdefault((context, msgid), []).append("domain/kinds.py")
    return found


# --- .po ---------------------------------------------------------------------------------------

_ESCAPES = {"\\n": "\n", '\\"': '"', "\\t": "\t", "\\\\": "\\"}


def _unquote(text: str) -> str:
    body = text.strip()
    if not (body.startswith('"') and body.endswith('"')):
        raise ValueError(f"not a quoted po string: {text!r}")
    return re.sub(r'\\[n"t\\]', lambda m: _ESCAPES[m.group(0)], body[1:-1])


def _quote(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t").replace("\n", "\\n")
    return f'"{escaped}"'


def read_po(path: Path = PO_PATH) -> tuple[str, list[Message]]:
    """(header msgstr, messages). Only what we write: msgctxt, msgid, msgstr, #, and #, fuzzy."""
    header = ""
    messages: list[Message] = []
    current: Message | None = None
    comments: list[str] = []
    fuzzy = False
    context: str | None = None
    target = ""

    def finish() -> None:
        nonlocal current, header
        if current is None:
            return
        if current.msgid == "" and current.context is None:
            header = current.msgstr
        else:
            messages.append(current)
        current = None

    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#,"):
            fuzzy = fuzzy or "fuzzy" in line
        elif line.startswith("#"):
            comments.append(line)
        elif line.startswith("msgctxt "):
            finish()
            context = _unquote(line[8:])
            target = "ctx"
        elif line.startswith("msgid "):
            if target != "ctx":
                finish()
                context = None
            current = Message(_unquote(line[6:]), context=context, fuzzy=fuzzy, comments=comments)
            comments, fuzzy, context = [], False, None
            target = "id"
        elif line.startswith("msgstr "):
            if current is None:
                raise ValueError("msgstr without msgid")
            current.msgstr = _unquote(line[7:])
            target = "str"
        elif line.startswith('"'):
            piece = _unquote(line)
            if target == "id" and current is not None:
                current.msgid += piece
            elif target == "str" and current is not None:
                current.msgstr += piece
            elif target == "ctx" and context is not None:
                context += piece
        else:
            raise ValueError(f"cannot read po line: {raw!r}")
    finish()
    return header, messages


def write_po(header: str, messages: Iterable[Message], path: Path = PO_PATH) -> None:
    out = ['msgid ""', "msgstr " + _quote(header), ""]
    for m in messages:
        out.extend(m.comments)
        if m.fuzzy:
            out.append("#, fuzzy")
        if m.context is not None:
            out.append("msgctxt " + _quote(m.context))
        out.append("msgid " + _quote(m.msgid))
        out.append("msgstr " + _quote(m.msgstr))
        out.append("")
    path.write_text("\n".join(out), encoding="utf-8")


def compile_mo(header: str, messages: Iterable[Message]) -> bytes:
    """The GNU ``.mo`` bytes (little-endian, no hash table) for the translated, non-fuzzy messages."""
    entries = {"": header}
    for m in messages:
        if m.msgstr and not m.fuzzy:
            key = m.msgid if m.context is None else f"{m.context}\x04{m.msgid}"
            entries[key] = m.msgstr
    keys = sorted(entries)
    ids = b""
    strs = b""
    offsets: list[tuple[int, int, int, int]] = []
    for key in keys:
        kid, kstr = key.encode("utf-8"), entries[key].encode("utf-8")
        offsets.append((len(ids), len(kid), len(strs), len(kstr)))
        ids += kid + b"\0"
        strs += kstr + b"\0"
    n = len(keys)
    key_start = 7 * 4 + 16 * n
    value_start = key_start + len(ids)
    table: list[int] = []
    for id_off, id_len, _, _ in offsets:
        table += [id_len, key_start + id_off]
    for _, _, s_off, s_len in offsets:
        table += [s_len, value_start + s_off]
    head = struct.pack("<7I", 0x950412DE, 0, n, 7 * 4, 7 * 4 + 8 * n, 0, 0)
    return head + struct.pack(f"<{len(table)}I", *table) + ids + strs


def update(path: Path = PO_PATH) -> tuple[list[str], list[str]]:
    """Add new strings to the ``.po`` (untranslated), compile the ``.mo``; returns (added, unused)."""
    header, messages = read_po(path)
    found = extract()
    known = {m.key for m in messages}
    added = []
    for key, where in found.items():
        if key not in known:
            messages.append(Message(key[1], context=key[0], comments=[f"#: {where[0]}"]))
            added.append(key[1])
    unused = [m.msgid for m in messages if m.key not in found]
    write_po(header, messages, path)
    MO_PATH.write_bytes(compile_mo(header, messages))
    return added, unused
