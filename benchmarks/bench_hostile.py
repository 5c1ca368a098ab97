"""Hostile inputs: peak memory and time of ``annotator import`` on files built to hurt it.

    .venv/bin/python benchmarks/bench_hostile.py [--only line,bomb,lines] [--timeout 120]

Builds, in a temporary folder, from the real policy sentences of benchmarks/real_corpus.py:

- ``line``: a 50 MB .txt that is one single line (sentences joined without a newline);
- ``bomb``: a .docx of about 1.5 MB whose word/document.xml expands to 1.5 GB (one real
  paragraph, then empty paragraphs), declared honestly in the zip's directory;
- ``liar``: the same bomb with the directory declaring a 10 kB document.xml, so only the
  count made while reading can stop it;
- ``codebook``: a YAML codebook of 100,000 codes (names cut from real sentences) and one
  300 levels deep, given to ``annotator codebook import``;
- ``lines``: single-line files within the text limit (1, 2 and 4 MB), to show the time grows
  linearly with the length of a line (no quadratic step), and a 1 MB line of rare hanzi
  jieba has no words for (its HMM was quadratic in such a run).

Each import runs as ``python -m annotator import`` in a fresh process (after ``init``), with
the timeout; the figures are its wall time, its peak resident memory (ru_maxrss of that one
process) and the first line of its report. The floor printed beside them is reading the
file's bytes (``line``) or listing the zip's directory (``bomb``).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.fresh_process import measure  # noqa: E402
from benchmarks.real_corpus import sentences  # noqa: E402

_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def one_line_text(target: Path, size: int) -> Path:
    pool = sentences()
    with target.open("w", encoding="utf-8") as fh:
        written, i = 0, 0
        while written < size:
            chunk = "".join(pool[(i + k) % len(pool)] for k in range(200))
            fh.write(chunk)
            written += len(chunk.encode("utf-8"))
            i += 200
    return target


def docx_bomb(target: Path, expanded: int, declared: int | None = None) -> Path:
    """A .docx (from python-docx's template) whose document.xml expands to ``expanded``
    bytes; ``declared``: the size its zip directory claims instead (a lying entry)."""
    import docx

    template = target.with_suffix(".template.docx")
    docx.Document().save(template)
    head = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {_W}>'
            f"<w:body><w:p><w:r><w:t>{sentences()[0]}</w:t></w:r></w:p>").encode()
    tail = b"</w:body></w:document>"
    filler = b"<w:p/>" * (1 << 17)
    with zipfile.ZipFile(template) as src, zipfile.ZipFile(
            target, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as out:
        for info in src.infolist():
            if info.filename != "word/document.xml":
                out.writestr(info, src.read(info))
                continue
            with out.open("word/document.xml", "w", force_zip64=True) as fh:
                fh.write(head)
                left = expanded - len(head) - len(tail)
                while left > 0:
                    piece = filler[:left]
                    fh.write(piece)
                    left -= len(piece)
                fh.write(tail)
    template.unlink()
    if declared is not None:
        _lie_about_size(target, "word/document.xml", declared)
    return target


def _lie_about_size(path: Path, entry: str, declared: int) -> None:
    """Rewrite the central directory's uncompressed size of ``entry`` (zip64 extra)."""
    import struct

    data = bytearray(path.read_bytes())
    name = entry.encode()
    at = data.rfind(b"PK\x01\x02")
    while at != -1:
        name_len, extra_len = struct.unpack_from("<HH", data, at + 28)
        if data[at + 46: at + 46 + name_len] == name:
            break
        at = data.rfind(b"PK\x01\x02", 0, at)
    extra = at + 46 + name_len
    end = extra + extra_len
    while extra < end:
        tag, size = struct.unpack_from("<HH", data, extra)
        if tag == 1:  # zip64: uncompressed size first
            struct.pack_into("<Q", data, extra + 4, declared)
            break
        extra += 4 + size
    else:
        struct.pack_into("<I", data, at + 24, declared)
    path.write_bytes(bytes(data))


def yaml_codebooks(folder: Path) -> tuple[Path, Path]:
    pool = sentences()
    lines = ["name: 大编码表", "codes:"]
    for top in range(100):
        lines.append(f"  - name: {json.dumps(pool[top][:10] + str(top), ensure_ascii=False)}")
        lines.append("    children:")
        for k in range(999):
            name = pool[(top * 999 + k) % len(pool)][:12] + str(k)
            keyword = pool[k % len(pool)][:4]
            lines.append(f"      - name: {json.dumps(name, ensure_ascii=False)}")
            lines.append(f"        keywords: [{json.dumps(keyword, ensure_ascii=False)}]")
    big = folder / "big.yaml"
    big.write_text("\n".join(lines) + "\n", encoding="utf-8")
    lines, indent = ["name: 深编码表", "codes:"], ""
    for level in range(300):
        lines.append(f"{indent}  - name: {json.dumps(pool[level][:8], ensure_ascii=False)}")
        lines.append(f"{indent}    children:")
        indent += "    "
    lines.pop()
    deep = folder / "deep.yaml"
    deep.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return big, deep


def run_codebook_import(folder: Path, source: Path, timeout: float) -> dict[str, object]:
    project = folder / f"{source.stem}.annot"
    project.unlink(missing_ok=True)
    subprocess.run([sys.executable, "-m", "annotator", "init", str(project)], check=True,
                   capture_output=True, cwd=ROOT)
    return measure([sys.executable, "-m", "annotator", "codebook", "import", str(project),
                    str(source)], timeout)


def _read_time(path: Path) -> float:
    t0 = time.perf_counter()
    path.read_bytes()
    return time.perf_counter() - t0


def run_import(folder: Path, source: Path, timeout: float) -> dict[str, object]:
    project = folder / f"{source.stem}.annot"
    project.unlink(missing_ok=True)
    subprocess.run([sys.executable, "-m", "annotator", "init", str(project)], check=True,
                   capture_output=True, cwd=ROOT)
    result = measure([sys.executable, "-m", "annotator", "import", "-q", str(project),
                      str(source)], timeout)
    return result


def show(label: str, size: int, result: dict[str, object], floor: float) -> None:
    first = next((line for line in str(result["out"]).splitlines()
                  if line.startswith(("imported", "failed", "TIMEOUT", "Traceback", "error",
                                      "merged", "annotator:"))), "")
    tail = str(result["out"]).strip().splitlines()[-1:] if not first else []
    print(f"{label:<34} {size / 1e6:8.1f} MB  {result['wall']:7.2f} s  "
          f"{result['peak_mb']:7.0f} MB peak  (floor {floor:.3f} s)  exit {result['code']}")
    print(f"    {(first or ' '.join(tail))[:150]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", default="line,bomb,liar,codebook,lines")
    parser.add_argument("--timeout", type=float, default=120.0)
    args = parser.parse_args()
    only = set(args.only.split(","))
    with tempfile.TemporaryDirectory(prefix="bench-hostile-") as tmp:
        folder = Path(tmp)
        sample = ROOT / "samples" / "01-chengguo-zhuanhua-fuquan.txt"
        show("floor: one real article (startup)", sample.stat().st_size,
             run_import(folder, sample, args.timeout), _read_time(sample))
        if "line" in only:
            path = one_line_text(folder / "one-line.txt", 50_000_000)
            show("50 MB single-line .txt", path.stat().st_size,
                 run_import(folder, path, args.timeout), _read_time(path))
        for kind in ("bomb", "liar"):
            if kind not in only:
                continue
            path = docx_bomb(folder / f"{kind}.docx", 1_500_000_000,
                             declared=10_000 if kind == "liar" else None)
            t0 = time.perf_counter()
            with zipfile.ZipFile(path) as zf:
                zf.infolist()
            floor = time.perf_counter() - t0
            label = ("zip-bomb .docx (1.5 GB declared)" if kind == "bomb"
                     else "zip-bomb .docx declaring 10 kB")
            show(label, path.stat().st_size, run_import(folder, path, args.timeout), floor)
        if "codebook" in only:
            big, deep = yaml_codebooks(folder)
            for label, path in (("YAML codebook, 100,000 codes", big),
                                ("YAML codebook, 300 levels deep", deep)):
                show(label, path.stat().st_size, run_codebook_import(folder, path, args.timeout),
                     _read_time(path))
        if "lines" in only:
            for mb in (1, 2, 4):
                path = one_line_text(folder / f"line-{mb}mb.txt", mb * 1_000_000)
                show(f"{mb} MB single-line .txt", path.stat().st_size,
                     run_import(folder, path, args.timeout), _read_time(path))
            path = folder / "rare-hanzi.txt"
            path.write_text("丂丄丅" * 111_111, encoding="utf-8")  # 1 MB, no word jieba knows
            show("1 MB line of rare hanzi", path.stat().st_size,
                 run_import(folder, path, args.timeout), _read_time(path))


if __name__ == "__main__":
    main()
