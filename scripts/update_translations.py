"""Refresh annotator/ui/i18n/annotator_zh_CN.ts from the sources and compile the .qm.

    .venv/bin/python scripts/update_translations.py [--check]

pyside6-lupdate files module-level ``tr("…")`` helpers under an empty context; each such
module defines ``tr`` as ``QCoreApplication.translate("Context", text)``, so the message is
moved to that context here. Existing translations are kept; new strings are left unfinished
(``--check`` exits 1 if any are, or if the .ts is out of date).
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
BIN = Path(sys.executable).parent
WRAPPER = re.compile(r'translate\(\s*"(\w+)"\s*,\s*text\s*\)')
# The command line's messages (annotator/cli*.py, read without Qt by annotator.cli_i18n).
CLI = sorted([*(ROOT / "annotator").glob("cli*.py"), ROOT / "annotator" / "__main__.py"])
CLI_CONTEXT = "CommandLine"


def scan() -> dict[tuple[str, str], list[str]]:
    """(context, source) -> locations, straight from the code."""
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
            context = name
            if not context and locations:
                context = _wrapper_context(locations[0])
            found.setdefault((context, source), []).extend(locations)
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
    if not TS.exists():
        return {}
    done = {}
    for ctx in ET.parse(TS).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            done[(name, msg.findtext("source") or "")] = msg.findtext("translation") or ""
    return done


def write(found: dict[tuple[str, str], list[str]], known: dict[tuple[str, str], str]) -> str:
    by_source = {src: text for (_c, src), text in known.items() if text}
    root = ET.Element("TS", version="2.1", language="zh_CN", sourcelanguage="en")
    for context in sorted({c for c, _s in found}):
        ctx = ET.SubElement(root, "context")
        ET.SubElement(ctx, "name").text = context
        for (c, source) in sorted(k for k in found if k[0] == context):
            msg = ET.SubElement(ctx, "message")
            ET.SubElement(msg, "source").text = source
            text = known.get((c, source)) or by_source.get(source, "")
            tr = ET.SubElement(msg, "translation")
            if text:
                tr.text = text
            else:
                tr.set("type", "unfinished")
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + ET.tostring(
        root, encoding="unicode") + "\n"


def main() -> int:
    check = "--check" in sys.argv
    found = scan()
    known = existing()
    text = write(found, known)
    unfinished = text.count('type="unfinished"')
    if check:
        stale = not TS.exists() or TS.read_text(encoding="utf-8") != text
        if stale or unfinished:
            print(f"{TS}: out of date ({unfinished} unfinished)" if stale or unfinished else "")
            return 1
        return 0
    TS.write_text(text, encoding="utf-8")
    subprocess.run([str(BIN / "pyside6-lrelease"), str(TS), "-qm", str(QM)], check=True,
                   capture_output=True)
    print(f"{TS.name}: {len(found)} strings, {unfinished} unfinished; wrote {QM.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
