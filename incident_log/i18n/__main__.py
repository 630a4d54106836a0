"""``python -m incident_log.i18n``: add new strings to the Spanish ``.po`` and compile the ``.mo``."""

from __future__ import annotations

import sys

from incident_log.i18n.catalogue import PO_PATH, read_po, update


def main() -> int:
    added, unused = update()
    _, messages = read_po(PO_PATH)
    missing = [m.msgid for m in messages if not m.msgstr or m.fuzzy]
    for text in added:
        sys.stderr.write(f"new, needs a translation: {text!r}\n")
    for text in unused:
        sys.stderr.write(f"no longer used (delete it from the .po): {text!r}\n")
    sys.stderr.write(f"{len(messages)} messages, {len(missing)} without a translation\n")
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main())
