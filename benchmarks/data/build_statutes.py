"""Rebuild ``statutes_by_chapter.txt.xz``: whole real statutes with chapters (第X章), for the
learned-suggestions benchmark (``benchmarks/bench_suggest.py``).

    python benchmarks/data/build_statutes.py /path/to/LawRefBook-Laws-checkout-or-bare-repo

Source: the LawRefBook/Laws repository on GitHub (Markdown; national laws and State Council
regulations, read at its HEAD). Chinese laws and regulations are not protected by copyright
(PRC Copyright Law art. 5). Each statute is written as ``### TITLE`` then its body (the
Markdown heading marks and the version notes before ``<!-- INFO END -->`` removed).
"""

from __future__ import annotations

import lzma
import re
import subprocess
import sys
from pathlib import Path

FOLDERS = ("行政法规/", "行政法/", "经济法/", "社会法/", "民法商法/", "宪法相关法/")
CHAPTER = re.compile(r"^第[一二三四五六七八九十百]+章\s*(\S.*)$", re.M)
OUT = Path(__file__).with_name("statutes_by_chapter.txt.xz")


def main(repo: str, limit: int = 200) -> None:
    git = ["git", "-C", repo, "-c", "core.quotepath=off"]
    bare = subprocess.run([*git, "rev-parse", "--is-bare-repository"], capture_output=True,
                          text=True).stdout.strip() == "true"
    names = subprocess.run([*git, "ls-tree", "-r", "--name-only", "HEAD"], capture_output=True,
                           text=True, check=True).stdout.splitlines()
    picked = []
    for name in sorted(names):
        if not name.endswith(".md") or not name.startswith(FOLDERS) or "_index" in name:
            continue
        body = (subprocess.run([*git, "show", f"HEAD:{name}"], capture_output=True,
                               text=True).stdout if bare else (Path(repo) / name).read_text())
        title = body.split("\n", 1)[0].lstrip("# ").strip()
        if "<!-- INFO END -->" in body:
            body = body.split("<!-- INFO END -->", 1)[1]
        lines = [re.sub(r"^#+\s*", "", line).strip() for line in body.splitlines()]
        text = "\n".join(line for line in lines if line)
        if len(CHAPTER.findall(text)) >= 4 and 4000 <= len(text) <= 40000:
            picked.append(f"### {title}\n{text}\n")
        if len(picked) >= limit:
            break
    OUT.write_bytes(lzma.compress("".join(picked).encode("utf-8"), preset=9))
    print(f"{len(picked)} statutes, {OUT.stat().st_size // 1024} KB -> {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
