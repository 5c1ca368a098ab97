"""Import other tools' real REFI-QDA files and count what arrives against what they hold.

For each .qdpx/.qde/.qdc given, the file's XML is counted directly (codes; text sources and
all sources; codings; coding memos, i.e. a selection's Description or a NoteRef on a
selection or coding), then it is imported with annotator (``import_project``, or
``import_qdc`` into an empty project for a codebook) and the project is counted. Prints a
Markdown table and each file's warnings by kind. Not a CI test: vendors' files are not
shipped.

    .venv/bin/python scripts/check_vendor_files.py FILE...
"""

from __future__ import annotations

import sys
import tempfile
import zipfile
from collections import Counter
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from annotator.errors import AnnotatorError  # noqa: E402
from annotator.exchange import import_project, import_qdc  # noqa: E402
from annotator.project import Project  # noqa: E402

TEXT_SOURCES = ("TextSource", "PDFSource")
ALL_SOURCES = (*TEXT_SOURCES, "PictureSource", "AudioSource", "VideoSource")


def _xml(path: Path) -> bytes:
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as zf:
            entry = next(n for n in zf.namelist() if n.lower().endswith(".qde"))
            return zf.read(entry)
    return path.read_bytes()


def present(path: Path) -> dict[str, int | str]:
    root = etree.fromstring(_xml(path), etree.XMLParser(huge_tree=True, resolve_entities=False))

    def local(el: etree._Element) -> str:
        return etree.QName(el).localname if isinstance(el.tag, str) else ""

    counts: Counter[str] = Counter()
    for el in root.iter():
        name = local(el)
        if name == "Code" and local(el.getparent()) in ("Codes", "Code"):
            counts["codes"] += 1
        elif name in ALL_SOURCES:
            counts["all sources"] += 1
            counts["sources"] += name in TEXT_SOURCES
        elif name == "Coding":
            counts["codings"] += 1
        elif name == "PlainTextSelection" and local(el.getparent()) != "Note":
            description = next((c for c in el if local(c) == "Description"), None)
            refs = [c for c in el.iter() if local(c) == "NoteRef"]
            counts["memos"] += bool((description is not None and (description.text or "")
                                     .strip()) or refs)
    return {"root": local(root), "origin": root.get("origin") or "", **counts}


def arriving(path: Path, root: str, folder: Path) -> tuple[dict[str, int], Counter[str]]:
    target = folder / f"{path.stem}.annot"
    if root == "CodeBook":
        with Project.create(target) as project:
            report = import_qdc(project, path)
            return dict(codes=len(project.codes()), sources=0, codings=0, memos=0), Counter(
                str(w.kind) for w in report.warnings.items)
    report = import_project(path, target)
    with Project.open(target) as project:
        passages = project.passages()
        return dict(codes=len(project.codes()), sources=len(project.documents()),
                    codings=len(passages), memos=sum(1 for p in passages if p.memo.strip())
                    ), report.warnings.by_kind()


def main(paths: list[str]) -> int:
    print("| file | tool | codes | sources (text / all) | codings | memos |")
    print("|---|---|---|---|---|---|")
    notes: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        for name in paths:
            path = Path(name)
            have = present(path)
            try:
                got, kinds = arriving(path, str(have["root"]), Path(tmp))
            except AnnotatorError as exc:
                print(f"| {path.name} | {have['origin']} | refused: {exc} |||||")
                continue
            sources = f"{got['sources']} / {have.get('sources', 0)} / {have.get('all sources', 0)}"
            print(f"| {path.name} | {str(have['origin'])[:28]} | {got['codes']} / "
                  f"{have.get('codes', 0)} | {sources} | {got['codings']} / "
                  f"{have.get('codings', 0)} | {got['memos']} / {have.get('memos', 0)} |")
            notes.append(f"{path.name}: " + (", ".join(f"{k} {n}" for k, n in sorted(
                kinds.items())) or "no warnings"))
    print("\nwarnings by kind:")
    for line in notes:
        print(f"  {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
