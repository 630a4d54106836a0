"""Fill untranslated messages of resources/i18n/incident_log_es.ts from the seed tables; report what is left.

    python tools/i18n_fill.py            # after tools/i18n.sh found new strings; then run tools/i18n.sh again
    python tools/i18n_fill.py --update   # also replace finished translations the seed tables changed
"""
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from es_seed_4 import ES  # noqa: E402

TS = Path(__file__).resolve().parents[1] / "resources" / "i18n" / "incident_log_es.ts"
tree = ET.parse(TS)
missing = []
for context in tree.getroot().iter("context"):
    name = context.findtext("name") or ""
    for message in context.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        found = ES.get((name, source))
        if translation.get("type") != "unfinished":
            if "--update" in sys.argv and found is not None and translation.text != found:
                translation.text = found
            continue
        if found is None:
            missing.append((name, source))
            continue
        translation.text = found
        del translation.attrib["type"]
tree.write(TS, encoding="utf-8", xml_declaration=True)
for name, source in missing:
    sys.stdout.write(f"missing\t{name}\t{source!r}\n")
sys.stdout.write(f"{len(missing)} left untranslated\n")
