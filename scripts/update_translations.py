"""Refresh annotator/ui/i18n/annotator_zh_CN.ts from the sources and compile the .qm.

    .venv/bin/python scripts/update_translations.py [--check]

pyside6-lupdate files module-level ``tr("…")`` helpers under an empty context; each such
module defines ``tr`` as ``QCoreApplication.translate("Context", text)``, so the message is
moved to that context here. Existing translations are kept; new strings are left unfinished
(``--check`` exits 1 if any are, or if the .ts is out of date).

Counted messages (``tr("%n passage(s)", "", n)``) are numerus messages: Chinese has one form;
English gets ``annotator_en.ts`` holding only those, its two forms made from the source
("%n passage(s)" -> "%n passage" / "%n passages"), so the English window says "1 passage".
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI = ROOT / "annotator" / "ui"
TS = UI / "i18n" / "annotator_zh_CN.ts"
QM = TS.with_suffix(".qm")
EN_TS = UI / "i18n" / "annotator_en.ts"
EN_QM = EN_TS.with_suffix(".qm")
BIN = Path(sys.executable).parent
WRAPPER = re.compile(r'translate\(\s*"(\w+)"\s*,\s*text\b')
PLURAL = re.compile(r"\((e?s)\)")  # passage(s), match(es)
# The command line's messages (annotator/cli*.py, read without Qt by annotator.cli_i18n).
CLI = sorted([*(ROOT / "annotator").glob("cli*.py"), ROOT / "annotator" / "__main__.py"])
CLI_CONTEXT = "CommandLine"


NUMERUS: set[tuple[str, str]] = set()  # (context, source) of counted messages, from scan()


def scan() -> dict[tuple[str, str], list[str]]:
    """(context, source) -> locations, straight from the code (counted messages noted in
    NUMERUS)."""
    sources = sorted(str(p) for p in [*UI.rglob("*.py"), *CLI])
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "scan.ts"
        subprocess.run([str(BIN / "pyside6-lupdate"), *sources, "-ts", str(out)],
                       check=True, capture_output=True)
        tree = ET.parse(out)
    found: dict[tuple[str, str], list[str]] = {}
    for ctx in tree.getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            source = msg.findtext("source") or ""
            locations = [loc.get("filename", "") for loc in msg.iter("location")]
            counted = msg.get("numerus") == "yes"
            if name or not locations:
                keys = [(name, source)]
                found.setdefault(keys[0], []).extend(locations)
            else:
                # The same words in modules with different contexts are one message each
                # ("Delete code" is a dialog title and an undo step).
                keys = [(_wrapper_context(loc), source) for loc in locations]
                for key, location in zip(keys, locations, strict=True):
                    found.setdefault(key, []).append(location)
            if counted:
                NUMERUS.update(keys)
    return found


def _wrapper_context(location: str) -> str:
    # lupdate writes paths relative to the .ts it was asked to write (in a temp folder).
    name = location.lstrip("./")
    for path in CLI:
        if str(path).endswith(name.split("../")[-1]):
            return CLI_CONTEXT
    for path in UI.rglob("*.py"):
        if str(path).endswith(name.split("../")[-1]):
            match = WRAPPER.search(path.read_text(encoding="utf-8"))
            if match:
                return match.group(1)
    raise SystemExit(f"{location}: uses tr() without a translate(\"Context\", text) wrapper")


def existing() -> dict[tuple[str, str], str]:
    """(context, source) -> translation (a counted message's one Chinese form)."""
    if not TS.exists():
        return {}
    done = {}
    for ctx in ET.parse(TS).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            form = msg.find("translation/numerusform")
            text = form.text if form is not None else msg.findtext("translation")
            done[(name, msg.findtext("source") or "")] = text or ""
    return done


def english_forms(source: str) -> list[str]:
    """One and more: "%n passage(s)" -> ["%n passage", "%n passages"]."""
    return [PLURAL.sub("", source), PLURAL.sub(r"\1", source)]


def write(found: dict[tuple[str, str], list[str]], known: dict[tuple[str, str], str],
          *, english: bool = False) -> str:
    """The Chinese .ts, or (``english``) the English one of the counted messages only."""
    by_source = {src: text for (_c, src), text in known.items() if text}
    language = "en" if english else "zh_CN"
    root = ET.Element("TS", version="2.1", language=language, sourcelanguage="en")
    keys = sorted(k for k in found if k in NUMERUS) if english else sorted(found)
    for context in sorted({c for c, _s in keys}):
        ctx = ET.SubElement(root, "context")
        ET.SubElement(ctx, "name").text = context
        for (c, source) in (k for k in keys if k[0] == context):
            msg = ET.SubElement(ctx, "message")
            counted = (c, source) in NUMERUS
            if counted:
                msg.set("numerus", "yes")
            ET.SubElement(msg, "source").text = source
            tr = ET.SubElement(msg, "translation")
            if english:
                forms = english_forms(source)
            else:
                text = known.get((c, source)) or by_source.get(source, "")
                forms = [text] if text else []
                if not text:
                    tr.set("type", "unfinished")
            if counted:
                for form in forms or [""]:
                    ET.SubElement(tr, "numerusform").text = form
            elif forms:
                tr.text = forms[0]
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + ET.tostring(
        root, encoding="unicode") + "\n"


def main() -> int:
    check = "--check" in sys.argv
    found = scan()
    known = existing()
    text = write(found, known)
    english = write(found, known, english=True)
    unfinished = text.count('type="unfinished"')
    if check:
        stale = not TS.exists() or TS.read_text(encoding="utf-8") != text
        stale = stale or not EN_TS.exists() or EN_TS.read_text(encoding="utf-8") != english
        if stale or unfinished:
            print(f"{TS}: out of date ({unfinished} unfinished)" if stale or unfinished else "")
            return 1
        return 0
    TS.write_text(text, encoding="utf-8")
    EN_TS.write_text(english, encoding="utf-8")
    for ts, qm in ((TS, QM), (EN_TS, EN_QM)):
        subprocess.run([str(BIN / "pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True,
                       capture_output=True)
    print(f"{TS.name}: {len(found)} strings, {unfinished} unfinished; wrote {QM.name}, "
          f"{EN_QM.name} ({len(NUMERUS)} counted)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
