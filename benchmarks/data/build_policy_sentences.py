"""Rebuild ``policy_sentences.txt.xz`` from its sources (run by hand, not by the benchmarks).

    python benchmarks/data/build_policy_sentences.py MIRROR PAGES [--exclude LIST]

MIRROR is a git checkout of the LawRefBook/Laws repository (Chinese statutes in Markdown);
PAGES is a folder of ``*.txt`` files, each a public page saved as text, its first line
``URL: <address>``. Statutes are read from the mirror's HEAD (cases, judicial interpretations
and scripts left out); ``--exclude`` names mirror paths (one per line) kept out of the corpus,
the held-out evaluation documents. Chinese laws, regulations and official documents are not
protected by copyright (PRC Copyright Law art. 5).

Output sections, one record a line: ``## sources`` (mirror paths and page addresses),
``## titles``, ``## headings`` (``kind<TAB>text``, the number removed: chapter, section,
h1 for 一、, h2 for （一）, h3 for 1., num1 for ``1 引言`` and num2 for ``1.1 …``),
``## items`` (（一）… list items, their number removed), ``## leads`` (sentences ending in ：that
introduce a list), ``## salutations`` (a notice's 各…： line) and ``## sentences``. Page texts
had their punctuation made ASCII by the store they were read from; ``fullwidth`` restores it.
"""

from __future__ import annotations

import argparse
import hashlib
import lzma
import re
import subprocess
from pathlib import Path

OUT = Path(__file__).with_name("policy_sentences.txt.xz")
SKIP_TOP = ("案例/", "司法解释/", "scripts/", "其他/")
CN = "零〇一二三四五六七八九十百千两"
ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))

CHAPTER = re.compile(rf"^第[{CN}\d]+章[\s\u3000]*(\S.*)$")
SECTION = re.compile(rf"^第[{CN}\d]+节[\s\u3000]*(\S.*)$")
ARTICLE = re.compile(rf"^第[{CN}\d]+条(?:之[{CN}]+)?[\s\u3000]*")
ITEM = re.compile(rf"^[（(][{CN}\d]+[）)]\s*(\S.*)$")
H1 = re.compile(rf"^[{CN}]+、\s*(\S.*)$")
H3 = re.compile(r"^\d{1,2}[.．、]\s*(\D\S*.*)$")
NUM2 = re.compile(r"^\d{1,2}\.\d{1,2}\s*(\D.*)$")
NUM1 = re.compile(r"^\d{1,2}\s+(\D.*)$")
# A sentence ends at 。！？ (with any closing quote or bracket after it).
SENTENCE = re.compile(r"[^。！？]*[。！？][”’」』）)]*")
HAN = re.compile(r"[\u4e00-\u9fff]")
# Statutes on science, technology and innovation: all their sentences are kept.
SCIENCE = re.compile(r"科技|科学|创新|技术|专利|知识产权|人才|数据|研发|高新|成果|信息化|数字|"
                     r"实验室|自主创新|促进中小企业|产学研")


def clean(line: str) -> str:
    line = line.translate(ZERO_WIDTH).replace("\xa0", " ")
    line = re.sub(r"<!--.*?-->", "", line)
    return line.strip().lstrip("#").strip()


CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’《》〔〕【】—…]")
FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}


def fullwidth(line: str) -> str:
    """Undo the ASCII punctuation a saved page's text has beside Chinese (， ： ；（ ）？ ！).

    The stored page texts went through NFKC; official texts use full-width marks. Marks
    between two digits (13:46, 4:3:3) or in Latin text stay as they are."""
    out: list[str] = []
    opened = 0
    for i, ch in enumerate(line):
        before = line[i - 1] if i else ""
        after = line[i + 1] if i + 1 < len(line) else ""
        near_cjk = bool(CJK.match(before or " ") or CJK.match(after or " "))
        if ch in FULL and near_cjk and not (before.isdigit() and after.isdigit()):
            ch = FULL[ch]
        elif ch == "(" and (near_cjk or re.match(r"[一二三四五六七八九十\d]{1,3}\)", line[i + 1:])):
            ch, opened = "（", opened + 1
        elif ch == ")" and opened:
            ch, opened = "）", opened - 1
        out.append(ch)
    return "".join(out)


def good(sentence: str, low: int = 8, high: int = 220) -> bool:
    if not low <= len(sentence) <= high:
        return False
    if any(ch in sentence for ch in "#|<>*_=\t") or "http" in sentence:
        return False
    return len(HAN.findall(sentence)) >= 0.6 * len(sentence)


def heading_kind(line: str) -> tuple[str, str] | None:
    for kind, rx in (("chapter", CHAPTER), ("section", SECTION), ("num2", NUM2),
                     ("h1", H1), ("h3", H3), ("num1", NUM1)):
        m = rx.match(line)
        if m:
            return kind, m.group(1).strip()
    return None


class Collected:
    def __init__(self) -> None:
        self.sources: list[str] = []
        self.titles: dict[str, None] = {}
        self.headings: dict[str, None] = {}
        self.items: dict[str, None] = {}
        self.leads: dict[str, None] = {}
        self.salutations: dict[str, None] = {}
        self.sentences: dict[str, None] = {}
        self.from_pages: set[str] = set()  # always kept: notices' and articles' prose is scarce
        self.from_science: set[str] = set()  # and the sentences of S&T statutes

    def body_line(self, line: str) -> None:
        """One paragraph of body text: its sentences, or a list item, or a list's lead."""
        line = ARTICLE.sub("", line).strip()
        m = ITEM.match(line)
        if m:
            item = m.group(1)
            if good(item, 4, 160) and item[-1] in "；。":
                self.items[item] = None
            return
        parts = SENTENCE.findall(line)
        rest = line[sum(map(len, parts)):].strip()
        for part in parts:
            part = part.strip()
            if good(part):
                self.sentences[part] = None
        if rest.endswith(("：", ":")) and good(rest, 6, 160):
            self.leads[rest.rstrip(":") + ("" if rest.endswith("：") else "：")] = None


def read_mirror(mirror: Path, exclude: set[str], col: Collected) -> None:
    names = subprocess.run(
        ["git", "-c", "core.quotepath=off", "-C", str(mirror), "ls-tree", "-r", "--name-only",
         "HEAD"], capture_output=True, text=True, check=True).stdout.splitlines()
    for name in sorted(names):
        if (not name.endswith(".md") or name.startswith(SKIP_TOP) or "/" not in name
                or name.endswith("_index.md") or name in exclude):
            continue
        text = subprocess.run(["git", "-C", str(mirror), "show", f"HEAD:{name}"],
                              capture_output=True, text=True, check=True).stdout
        col.sources.append(f"LawRefBook/Laws:{name}")
        science = bool(SCIENCE.search(name.rsplit("/", 1)[-1]))
        before = set(col.sentences) if science else None
        head, _, body = text.partition("<!-- INFO END -->")
        if not body:
            head, body = "", text
        for raw in head.splitlines():
            if raw.startswith("# "):
                title = clean(raw)
                if 4 <= len(title) <= 60:
                    col.titles[title] = None
        for raw in body.splitlines():
            line = clean(raw)
            if not line:
                continue
            if raw.startswith("#"):
                found = heading_kind(line)
                if found and found[0] in ("chapter", "section") and good(found[1], 2, 30):
                    col.headings[f"{found[0]}\t{found[1]}"] = None
                continue
            col.body_line(line)
        if before is not None:
            col.from_science.update(s for s in col.sentences if s not in before)


def read_pages(pages: Path, col: Collected) -> None:
    for path in sorted(pages.glob("*.txt")):
        lines = path.read_text(encoding="utf-8").splitlines()
        url = lines[0].removeprefix("URL:").strip()
        col.sources.append(url)
        for raw in lines[1:]:
            line = fullwidth(clean(raw))
            if not line:
                continue
            if line.startswith("各") and line.endswith("：") and len(line) <= 80:
                col.salutations[line] = None
                continue
            if line.startswith("TITLE:"):
                col.titles[line.removeprefix("TITLE:").strip()] = None
                continue
            found = heading_kind(line)
            if found and not SENTENCE.match(line) and good(found[1], 2, 40):
                col.headings[f"{found[0]}\t{found[1]}"] = None
                continue
            m = ITEM.match(line)
            if m and len(m.group(1)) <= 40 and not m.group(1).endswith(("；", "。")):
                col.headings[f"h2\t{m.group(1)}"] = None
                continue
            if found and found[0] in ("h1", "h3", "num2"):
                # 一、总体要求。… 1.指导思想。… : the lead-in is a heading; the rest is prose.
                line = found[1]
            col.body_line(line)
    col.from_pages = set(col.sentences)


def sample(rows: list[str], limit: int, always: set[str] = frozenset()) -> list[str]:
    """A stable, spread-out choice of at most ``limit`` rows: ``always`` plus the rows with
    the smallest hashes, in their first order."""
    if len(rows) <= limit:
        return rows

    def key(s: str) -> bytes:
        return hashlib.blake2b(s.encode(), digest_size=8).digest()
    rest = [r for r in rows if r not in always]
    keep = set(always) | set(sorted(rest, key=key)[:max(0, limit - len(always))])
    return [r for r in rows if r in keep]


def write(col: Collected, limit: int) -> None:
    sentences = sample(list(col.sentences), limit, col.from_pages | col.from_science)
    parts = [("sources", col.sources), ("titles", list(col.titles)),
             ("headings", list(col.headings)), ("items", sample(list(col.items), limit // 4)),
             ("leads", sample(list(col.leads), limit // 12)),
             ("salutations", list(col.salutations)), ("sentences", sentences)]
    text = "".join(f"## {name}\n" + "".join(f"{r}\n" for r in rows) for name, rows in parts)
    OUT.write_bytes(lzma.compress(text.encode("utf-8"), preset=9 | lzma.PRESET_EXTREME))
    print({name: len(rows) for name, rows in parts}, f"{len(text):,} chars,",
          f"{OUT.stat().st_size:,} bytes compressed")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("mirror", type=Path)
    parser.add_argument("pages", type=Path)
    parser.add_argument("--exclude", type=Path)
    parser.add_argument("--limit", type=int, default=80_000, help="most sentences kept")
    args = parser.parse_args()
    exclude = set()
    if args.exclude:
        exclude = {ln.strip() for ln in args.exclude.read_text(encoding="utf-8").splitlines()
                   if ln.strip()}
    col = Collected()
    read_pages(args.pages, col)
    read_mirror(args.mirror, exclude, col)
    write(col, args.limit)


if __name__ == "__main__":
    main()
