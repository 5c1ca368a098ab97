"""Large and deep REFI-QDA code trees: time and peak memory of the two commands that read
them, each in a fresh process.

    .venv/bin/python benchmarks/bench_codebook_exchange.py [--sizes 25000,50000,100000]
                                                           [--timeout 300]

Builds, in a temporary folder, a .qdc of N codes (roots of 99 sub-codes each, the shape of a
big imported thesaurus) and the same tree as a project (.qde), then runs
``annotator codebook import`` into an empty project, the same import again (every code
already there: the merge path), and ``annotator import-project``. A 10,000-level chain (the
hostile file of issue 13) is refused at the depth limit. The floor is parsing the file with
ElementTree's iterparse and nothing else. Times that grow in step with N show there is no
quadratic step left (before: 100,000 codes gave no result in 600 s through
``codebook import``).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
import uuid
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.fresh_process import measure  # noqa: E402


def codebook(path: Path, n: int, project: bool = False) -> Path:
    rng = uuid.UUID(int=n)  # GUIDs derived from the index: the same file every run
    parts = ['<?xml version="1.0" encoding="utf-8"?>\n']
    if project:
        parts.append('<Project xmlns="urn:QDA-XML:project:1.0" name="bench"><CodeBook><Codes>')
    else:
        parts.append('<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="bench"><Codes>')
    made = root = 0
    while made < n:
        parts.append(f'<Code guid="{uuid.uuid5(rng, str(made))}" name="主题{root}" '
                     'isCodable="true">')
        made += 1
        for child in range(min(99, n - made)):
            parts.append(f'<Code guid="{uuid.uuid5(rng, str(made))}" '
                         f'name="子编码{root}-{child}" isCodable="true"/>')
            made += 1
        parts.append("</Code>")
        root += 1
    parts.append("</Codes></CodeBook></Project>" if project else "</Codes></CodeBook>")
    path.write_text("".join(parts), encoding="utf-8")
    return path


def chain(path: Path, depth: int) -> Path:
    opening = "".join(f'<Code guid="{uuid.UUID(int=i)}" name="层{i}" isCodable="true">'
                      for i in range(depth))
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<CodeBook xmlns='
                    f'"urn:QDA-XML:codebook:1.0"><Codes>{opening}{"</Code>" * depth}'
                    "</Codes></CodeBook>", encoding="utf-8")
    return path


def floor(path: Path) -> float:
    t0 = time.perf_counter()
    for _event, _el in ET.iterparse(path, events=("end",)):
        pass
    return time.perf_counter() - t0


def annotator(*args: str | Path, timeout: float) -> dict[str, object]:
    return measure([sys.executable, "-m", "annotator", *map(str, args)], timeout)


def show(label: str, result: dict[str, object], base: float) -> None:
    last = str(result["out"]).strip().splitlines()
    print(f"{label:<44} {result['wall']:7.2f} s ({result['cpu']:6.2f} s CPU)  "
          f"{result['peak_mb']:6.0f} MB peak  "
          f"(floor {base:.2f} s)  exit {result['code']}")
    print(f"    {(last[0] if last else '')[:140]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="25000,50000,100000")
    parser.add_argument("--timeout", type=float, default=300.0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-codebook-") as tmp:
        folder = Path(tmp)
        for n in (int(s) for s in args.sizes.split(",")):
            qdc = codebook(folder / f"codes-{n}.qdc", n)
            qde = codebook(folder / f"codes-{n}.qde", n, project=True)
            base = floor(qdc)
            target = folder / f"into-{n}.annot"
            subprocess.run([sys.executable, "-m", "annotator", "init", str(target)],
                           check=True, capture_output=True, cwd=ROOT)
            show(f"codebook import, {n:,} codes", annotator(
                "codebook", "import", target, qdc, timeout=args.timeout), base)
            show(f"codebook import again (all merged), {n:,}", annotator(
                "codebook", "import", target, qdc, timeout=args.timeout), base)
            show(f"import-project, {n:,} codes", annotator(
                "import-project", qde, folder / f"new-{n}.annot", timeout=args.timeout), base)
        deep = chain(folder / "deep.qdc", 10_000)
        target = folder / "deep.annot"
        subprocess.run([sys.executable, "-m", "annotator", "init", str(target)], check=True,
                       capture_output=True, cwd=ROOT)
        result = annotator("codebook", "import", target, deep, timeout=args.timeout)
        show("codebook import, 10,000 levels (refused)", result, floor(deep))
        print(json.dumps({"deep_refused": "limit of 100" in str(result["out"])}))


if __name__ == "__main__":
    main()
