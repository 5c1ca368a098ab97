"""Real Chinese policy sentences and headings, and articles assembled from them for benchmarks.

    from benchmarks.real_corpus import articles, sentences
    for title, text in articles(2000, 10_000):   # deterministic; about 3 s for 20 M characters
        ...

Where the texts come from (``data/policy_sentences.txt.xz``, its ``## sources`` section lists
every file and page):

- about 2,950 Chinese statutes and regulations — national laws, State Council regulations,
  ministry rules and the local regulations of Beijing, Shanghai, Shandong, Henan, Zhejiang,
  Chongqing and Guangdong — from the LawRefBook/Laws repository on GitHub (Markdown, read at
  its HEAD; court cases and judicial interpretations left out);
- about 30 public web pages found with a search engine's stored copies: State Council,
  provincial and city notices, opinions and plans (国办发〔2021〕26号, 鲁政发〔2014〕20号,
  德阳, 青岛, 海南, 湖北 …) and the abstracts and openings of review articles on technology
  transfer, 产学研 cooperation, new R&D institutions and policy-text analysis (short excerpts).

Chinese laws, regulations and official documents are not protected by copyright (PRC Copyright
Law art. 5); article excerpts are a sentence or a few each. The documents of the held-out
evaluation set (``bench_documents.py``) were kept out. ``data/build_policy_sentences.py``
rebuilds the file. Sections: sentences (ending in 。！？), list items （一）…; and the lines that
introduce them (…下列…：), headings with their numbers removed (chapter, section, h1 一、, h2
（一）, h3 1., num1 ``1 引言``, num2 ``1.1 …``), titles, and salutations (各…：).

``articles`` puts real pieces together, so the words, their frequencies and the sentence and
line lengths are those of real policy texts, while structures are typical rather than copied:
statutes (第X章 / 第X节 / 第X条 with 款 and （一）项), notices (title, salutation, 一、（一）1.) and
review articles (摘要, numbered headings with or without a space after the number). Paragraphs
have 2–6 sentences (statute 款 1–3), one paragraph a line. Only ``benchmarks/data`` is read.
"""

from __future__ import annotations

import lzma
import random
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).with_name("data") / "policy_sentences.txt.xz"
STATUTE_ENDS = ("条例", "办法", "规定", "法", "细则", "规则", "决定", "规范")
DIGITS = "零一二三四五六七八九"


@lru_cache(maxsize=1)
def _sections() -> dict[str, tuple[str, ...]]:
    text = lzma.decompress(DATA.read_bytes()).decode("utf-8")
    parts: dict[str, tuple[str, ...]] = {}
    for block in text.split("## ")[1:]:
        name, _, body = block.partition("\n")
        parts[name] = tuple(body.splitlines())
    return parts


def sentences() -> list[str]:
    """The raw sentences, each ending in 。！？ (about 80,000, all distinct)."""
    return list(_sections()["sentences"])


def sources() -> list[str]:
    """Mirror paths (``LawRefBook/Laws:…``) and page addresses the texts were read from."""
    return list(_sections()["sources"])


@lru_cache(maxsize=1)
def _pools() -> dict[str, tuple[str, ...]]:
    sec = _sections()
    by_kind: dict[str, list[str]] = {}
    for row in sec["headings"]:
        kind, _, text = row.partition("\t")
        by_kind.setdefault(kind, []).append(text)
    chapters = by_kind.get("chapter", [])
    middle = [c for c in chapters if c.replace("\u3000", "").replace(" ", "") not in
              ("总则", "附则")]
    titles = sec["titles"]
    # Notices' and articles' own headings first; statute chapter and section names widen them.
    h1 = by_kind.get("h1", []) + middle
    h2 = by_kind.get("h2", []) + by_kind.get("section", []) + middle[::7]
    num = by_kind.get("num1", []) + by_kind.get("num2", []) + h1[::3]
    return {
        "sentences": sec["sentences"],
        "items": sec["items"],
        "leads": sec["leads"],
        "salutations": sec.get("salutations", ()) or ("各有关单位：",),
        "chapters": tuple(middle),
        "sections": tuple(by_kind.get("section", [])),
        "h1": tuple(h1),
        "h2": tuple(h2),
        "num": tuple(num),
        "statute_titles": tuple(t for t in titles if t.endswith(STATUTE_ENDS)),
        # 关于…的通知/意见/决定/决议 (notices, plans, the resolutions of people's congresses)
        "notice_titles": tuple(t for t in titles if "关于" in t and not t.endswith(
            STATUTE_ENDS[:-2] + ("规范",))),
        "review_titles": tuple(t for t in titles if "关于" not in t and not t.endswith(
            STATUTE_ENDS) and not t.startswith("中华人民共和国")),
    }


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 21 → 二十一, 105 → 一百零五 (as in 第一百零五条)."""
    if n < 10:
        return DIGITS[n]
    if n < 20:
        return "十" + (DIGITS[n - 10] if n > 10 else "")
    if n < 100:
        return DIGITS[n // 10] + "十" + (DIGITS[n % 10] if n % 10 else "")
    rest = n % 100
    head = DIGITS[n // 100] + "百"
    if not rest:
        return head
    if rest < 10:
        return head + "零" + DIGITS[rest]
    return head + (DIGITS[rest // 10] + "十" + (DIGITS[rest % 10] if rest % 10 else ""))


class _Writer:
    """Lines of one article, counting characters as they are added."""

    def __init__(self, rng: random.Random, pools: dict[str, tuple[str, ...]], chars: int):
        self.rng, self.pools, self.chars = rng, pools, chars
        self.lines: list[str] = []
        self.size = 0

    def full(self) -> bool:
        return self.size >= self.chars

    def add(self, line: str) -> None:
        self.lines.append(line)
        self.size += len(line) + 1

    def paragraph(self, low: int = 2, high: int = 6) -> str:
        pool = self.pools["sentences"]
        choice = self.rng.choice
        return "".join(choice(pool) for _ in range(self.rng.randint(low, high)))

    def items(self, prefix: str = "") -> None:
        """A lead ending in ：and its （一）… items, the last ending in 。."""
        rng = self.rng
        self.add(prefix + rng.choice(self.pools["leads"]))
        count = rng.randint(2, 6)
        for k in range(1, count + 1):
            item = rng.choice(self.pools["items"]).rstrip("；。")
            self.add(f"（{chinese_number(k)}）{item}{'。' if k == count else '；'}")


def _statute(w: _Writer) -> str:
    rng, pools = w.rng, w.pools
    title = rng.choice(pools["statute_titles"])
    w.add(title)
    # A few statutes have no chapters; some chapters have 第X节 sections.
    chapters = rng.random() > 0.15
    sections = chapters and rng.random() < 0.2
    article = chapter = 0
    while not w.full():
        if not chapters:
            article += 1
            _statute_article(w, article)
            continue
        chapter += 1
        name = "总则" if chapter == 1 else rng.choice(pools["chapters"])
        w.add(f"第{chinese_number(chapter)}章　{name}")
        parts = range(1, rng.randint(2, 3) + 1) if sections else [0]
        for part in parts:
            if part:
                w.add(f"第{chinese_number(part)}节　{rng.choice(pools['sections'])}")
            for _ in range(rng.randint(2, 4) if part else rng.randint(4, 10)):
                article += 1
                _statute_article(w, article)
                if w.full():
                    break
    if chapters:
        w.add(f"第{chinese_number(chapter + 1)}章　附则")
        _statute_article(w, article + 1)
    return title


def _statute_article(w: _Writer, number: int) -> None:
    label = f"第{chinese_number(number)}条　"
    roll = w.rng.random()
    if roll < 0.2:
        w.items(label)
        return
    w.add(label + w.paragraph(1, 3))
    if roll > 0.7:  # more paragraphs (款)
        for _ in range(w.rng.randint(1, 2)):
            w.add(w.paragraph(1, 3))


def _notice(w: _Writer) -> str:
    rng, pools = w.rng, w.pools
    title = rng.choice(pools["notice_titles"])
    w.add(title)
    w.add(rng.choice(pools["salutations"]))
    w.add(w.paragraph(2, 4))
    part = 0
    while not w.full():
        part += 1
        w.add(f"{chinese_number(part)}、{rng.choice(pools['h1'])}")
        if rng.random() < 0.3:
            for _ in range(rng.randint(1, 3)):
                w.add(w.paragraph())
            continue
        for sub in range(1, rng.randint(2, 5) + 1):
            heading = rng.choice(pools["h2"])
            if rng.random() < 0.5:  # （一）总体思路。… : a heading that opens its paragraph
                w.add(f"（{chinese_number(sub)}）{heading}。{w.paragraph(1, 4)}")
            else:
                w.add(f"（{chinese_number(sub)}）{heading}")
                w.add(w.paragraph())
            if rng.random() < 0.3:
                for n in range(1, rng.randint(2, 4) + 1):
                    w.add(f"{n}.{rng.choice(pools['h2'])}。{w.paragraph(1, 3)}")
            elif rng.random() < 0.2:
                w.items()
            if w.full():
                break
    return title


def _review(w: _Writer) -> str:
    rng, pools = w.rng, w.pools
    title = rng.choice(pools["review_titles"])
    w.add(title)
    w.add("摘要：" + w.paragraph(3, 5))
    gap = " " if rng.random() < 0.5 else ""  # PDF text layers often lose the space
    top = 0
    while not w.full():
        top += 1
        w.add(f"{top}{gap}{rng.choice(pools['num'])}")
        w.add(w.paragraph())
        for sub in range(1, rng.randint(0, 4) + 1):
            w.add(f"{top}.{sub}{gap}{rng.choice(pools['num'])}")
            for _ in range(rng.randint(1, 3)):
                w.add(w.paragraph())
            if w.full():
                break
    return title


def articles(count: int, chars: int, seed: int = 1) -> Iterator[tuple[str, str]]:
    """``count`` (title, text) pairs of about ``chars`` characters each (never fewer).

    Article ``i`` depends only on ``seed``, ``i`` and ``chars``: asking for more articles
    gives the same first ones. Four in ten are statutes, four in ten notices, two review
    articles. The text's first line is its title."""
    pools = _pools()
    for i in range(count):
        rng = random.Random(f"{seed}:{i}")
        w = _Writer(rng, pools, chars)
        roll = rng.random()
        make = _statute if roll < 0.4 else _notice if roll < 0.8 else _review
        title = make(w)
        yield title, "\n".join(w.lines)


if __name__ == "__main__":
    import sys
    import time

    n, size = (int(a) for a in (sys.argv[1:3] if len(sys.argv) > 2 else ("2000", "10000")))
    t0 = time.perf_counter()
    total = sum(len(text) for _, text in articles(n, size))
    print(f"{n} articles, {total:,} characters in {time.perf_counter() - t0:.2f} s;"
          f" {len(sentences()):,} sentences")
