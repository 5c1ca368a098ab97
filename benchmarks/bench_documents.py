"""How well annotator reads real documents it has never seen: units, headings, attributes,
PDF paragraphs and search recall, measured against a researcher's own reading.

    .venv/bin/python benchmarks/bench_documents.py FOLDER [--gold FOLDER/gold.json]
                                                  [--keep PROJECT.annot] [--details]

Every file of FOLDER (not its subfolders; with a gold file, every file it names) is imported
into a new temporary project through the public API (``Project.create``,
``Project.import_files``), as a user would import it. Then:

- **statutes** — for every line of an imported statute that starts with 第X条, the paragraph
  unit holding it must carry X (Chinese numerals converted) as a ``-X`` component of its
  number. *Strict*: the component right after the chapter (or after the 节 when there is one),
  i.e. the number begins ``D-章[-节]-X``, or ``D-X`` without chapters, chapter and section read
  from the document's own 第X章/第X节 lines; *lenient*: ``-X`` anywhere after ``D``.
- **headings** — for each heading line the gold file lists with its section path (``3.1美国…``
  → [3, 1]; （二） under 二、 → [2, 2]), the unit holding the line must start ``D-3-1``
  (strict) or do so once components that are not numbers (an annex marker) are left out
  (lenient).
- **attributes** — title, 发文机关, 文号, 日期 (ISO), 文种, 地区 and a few more, exact match after
  trimming; a gold value of "" means the attribute must be empty (a software default such as
  python-docx's template date must not appear), null means not scored. Page metadata that must
  be gone from the body (``absent_from_text``) is checked too.
- **PDF paragraphs** — paragraphs (non-empty lines) of the imported text vs the original's.
- **search recall** — for real query terms, hits of ``annotator.search.search`` in its default
  mode and with whole-word matching, against ``str.count`` over the imported texts (in
  simplified script when OpenCC is there, so 實驗室 counts for 实验室).

Only public functions are used, each where it is needed; whatever is missing or fails prints
``n/a`` with the reason and the rest goes on, so the script runs on older and newer versions.
The gold file (written by the person who read the documents) maps each file name to ``kind``
(statute | notice | article), the attributes, ``headings`` ([line, path] pairs) and, for PDFs,
``paragraphs``; string values may be lists of accepted forms.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

SUFFIXES = {".txt", ".text", ".md", ".html", ".htm", ".docx", ".pdf"}
ATTRIBUTES = ("title", "发文机关", "文号", "日期", "文种", "地区", "索引号", "来源", "作者")
QUERIES = ("科技成果转化", "成果转化", "产学研", "科技创新", "知识产权", "实验室", "创新",
           "技术转移", "新型研发机构", "国家实验室", "高新技术企业", "科技型中小企业", "人才")
CN_DIGITS = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}
CN_UNITS = {"十": 10, "百": 100, "千": 1000}
NUM = "零〇○一二两三四五六七八九十百千\\d"
ARTICLE = re.compile(rf"^[\s\u3000]*第([{NUM}]+)条(?:之[{NUM}]+)?(?=[\s\u3000]|$)")
ARTICLE_TIGHT = re.compile(rf"^[\s\u3000]*第([{NUM}]+)条(?:之[{NUM}]+)?")
CHAPTER = re.compile(rf"^[\s\u3000]*第([{NUM}]+)章")
SECTION = re.compile(rf"^[\s\u3000]*第([{NUM}]+)节")


def cn_number(text: str) -> int:
    """一百零五 → 105, 十二 → 12, 二十 → 20; Arabic digits as they are."""
    if text.isdigit():
        return int(text)
    total, digit = 0, 0
    for ch in text:
        if ch in CN_DIGITS:
            digit = CN_DIGITS[ch]
        elif ch in CN_UNITS:
            total += (digit or 1) * CN_UNITS[ch]
            digit = 0
    return total + digit


def soft(what: str, action: Callable[[], Any], default: Any = None) -> tuple[Any, str]:
    """Run a call that may not exist in this version of annotator: (result, reason if not)."""
    try:
        return action(), ""
    except Exception as exc:  # noqa: BLE001 - fail soft, say why
        return default, f"{what}: {type(exc).__name__}: {exc}"[:160]


def lines_with_offsets(text: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


class Units:
    """Paragraph units of one document: (number, start, end), from the public API."""

    def __init__(self, project: Any, doc: Any) -> None:
        self.spans: list[tuple[str, int, int]] = []
        self.error = ""
        try:
            from annotator.analysis.unit_index import units_of

            self.spans = [(u.number, u.start, u.end) for u in units_of(project, doc.id)]
        except Exception as exc:  # noqa: BLE001
            self.error = f"units_of: {type(exc).__name__}: {exc}"[:160]

    def at(self, offset: int) -> str | None:
        for number, start, end in self.spans:
            if start <= offset < end:
                return number
        return None


def components(number: str) -> list[str]:
    return number.split("-")


def starts_with(number: str, document: int, path: list[int], lenient: bool) -> bool:
    parts = components(number)
    if not parts or parts[0] != str(document):
        return False
    rest = [p for p in parts[1:] if p.isdigit()] if lenient else parts[1:]
    return rest[: len(path)] == [str(p) for p in path]


# ---------------------------------------------------------------- statutes
def check_statute(doc: Any, text: str, units: Units) -> dict[str, Any]:
    lines = lines_with_offsets(text)
    pattern = ARTICLE if any(ARTICLE.match(ln) for _, ln in lines) else ARTICLE_TIGHT
    chapter = section = 0
    total = strict = lenient = 0
    misses: list[str] = []
    for offset, line in lines:
        m = pattern.match(line)
        if not m:
            c, s = CHAPTER.match(line), SECTION.match(line)
            if c and len(line.strip()) <= 40:
                chapter, section = cn_number(c.group(1)), 0
            elif s and len(line.strip()) <= 40:
                section = cn_number(s.group(1))
            continue
        total += 1
        article = cn_number(m.group(1))
        start = offset + len(line) - len(line.lstrip(" \t\u3000"))
        number = units.at(start)
        if number is None:
            misses.append(f"第{m.group(1)}条 → no unit")
            continue
        expected = [p for p in (chapter, section) if p] + [article]
        ok_strict = starts_with(number, doc.number, expected, lenient=False)
        ok_lenient = str(article) in components(number)[1:]
        strict += ok_strict
        lenient += ok_lenient
        if not ok_strict and len(misses) < 6:
            misses.append(f"第{m.group(1)}条 → {number} (expected {doc.number}-"
                          + "-".join(map(str, expected)) + ")")
    return {"total": total, "strict": strict, "lenient": lenient, "misses": misses}


# ---------------------------------------------------------------- headings
def norm(line: str) -> str:
    return re.sub(r"[\s\u3000]+", "", line)


def check_headings(doc: Any, text: str, units: Units, heads: list[Any]) -> dict[str, Any]:
    lines = lines_with_offsets(text)
    total = strict = lenient = 0
    misses: list[str] = []
    cursor = 0
    for line, path in heads:
        total += 1
        want = norm(line)
        found = None
        # Lines are looked for in order (a heading text can repeat), then anywhere.
        for k in [*range(cursor, len(lines)), *range(cursor)]:
            got = norm(lines[k][1])
            if got and (got == want or got.startswith(want) or want.startswith(got)
                        and len(got) >= min(8, len(want))):
                found = k
                break
        if found is None:
            misses.append(f"{line[:24]} → line not in the imported text")
            continue
        cursor = found + 1
        offset, raw = lines[found]
        number = units.at(offset + len(raw) - len(raw.lstrip(" \t\u3000")))
        if number is None:
            misses.append(f"{line[:24]} → no unit")
            continue
        ok = starts_with(number, doc.number, path, lenient=False)
        strict += ok
        lenient += starts_with(number, doc.number, path, lenient=True)
        if not ok:
            misses.append(f"{line[:24]} → {number} (expected {doc.number}-"
                          + "-".join(map(str, path)) + ")")
    return {"total": total, "strict": strict, "lenient": lenient, "misses": misses}


# ---------------------------------------------------------------- attributes
def attribute_value(doc: Any, name: str) -> str:
    if name == "title":
        return (doc.title or "").strip()
    return str((doc.attributes or {}).get(name, "") or "").strip()


def accepted(gold: Any) -> list[str]:
    return [g.strip() for g in (gold if isinstance(gold, list) else [gold])]


# ---------------------------------------------------------------- search
def simplified() -> Callable[[str], str]:
    try:
        import opencc

        return opencc.OpenCC("t2s").convert
    except Exception:  # noqa: BLE001
        return lambda s: s


def search_total(project: Any, query: str, mode: str | None) -> tuple[int | None, str]:
    def run() -> int:
        from annotator.search import search

        result = search(project, query) if mode is None else search(project, query, mode=mode)
        return int(result.total)

    return soft(f"search({query!r}, mode={mode})", run)


# ---------------------------------------------------------------- report
def pct(right: int, total: int) -> str:
    return f"{right}/{total} ({100 * right / total:.1f} %)" if total else "0/0"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--gold", type=Path, help="gold file (default FOLDER/gold.json)")
    parser.add_argument("--keep", type=Path, help="keep the project at this path")
    parser.add_argument("--details", action="store_true", help="list every miss")
    args = parser.parse_args()

    from annotator.project import Project

    gold_path = args.gold or args.folder / "gold.json"
    gold: dict[str, dict] = {}
    if gold_path.exists():
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
    else:
        print(f"no gold file at {gold_path}: only search recall is measured")
    files = sorted(p for p in args.folder.iterdir()
                   if p.is_file() and p.suffix.lower() in SUFFIXES)
    if gold:  # the folder's notes (README, a saved baseline) are not documents
        skipped = [p.name for p in files if p.name not in gold]
        files = [p for p in files if p.name in gold]
        if skipped:
            print(f"not in the gold file, not imported: {', '.join(skipped)}")
    show = (lambda rows: rows) if args.details else (lambda rows: rows[:3])

    with tempfile.TemporaryDirectory() as tmp:
        path = args.keep or Path(tmp) / "bench.annot"
        project = Project.create(path)
        t0 = time.perf_counter()
        report = project.import_files(files)
        import_s = time.perf_counter() - t0
        by_name: dict[str, int] = {}
        for outcome in report.outcomes:
            if outcome.status == "imported" and outcome.document_id is not None:
                by_name[Path(outcome.path).name] = outcome.document_id
            else:
                print(f"  {Path(outcome.path).name}: {outcome.status} {outcome.reason}")
            for warning in getattr(outcome, "warnings", ()):
                print(f"  {Path(outcome.path).name}: warning: {warning}")
        print(f"imported {len(by_name)} of {len(files)} files in {import_s:.1f} s"
              f" ({args.folder})")

        docs = {name: project.document(doc_id) for name, doc_id in by_name.items()}
        texts = {name: project.document_text(doc_id) for name, doc_id in by_name.items()}

        # ---- statutes
        print("\n== Statutes: articles numbered right (第X条 → its unit carries -X)")
        s_total = s_strict = s_lenient = 0
        for name, facts in gold.items():
            if facts.get("kind") != "statute" or name not in docs:
                continue
            doc = docs[name]
            units = Units(project, doc)
            if units.error:
                print(f"  {name}: n/a ({units.error})")
                continue
            numbering, _ = soft("numbering", lambda d=doc: project.numbering(d.id)[1], "?")
            r = check_statute(doc, texts[name], units)
            s_total += r["total"]
            s_strict += r["strict"]
            s_lenient += r["lenient"]
            print(f"  {name}: strict {r['strict']}/{r['total']}, lenient {r['lenient']}/"
                  f"{r['total']}  [numbering {numbering}]")
            for miss in show(r["misses"]):
                print(f"      {miss}")
        print(f"  ALL statutes: strict {pct(s_strict, s_total)}, lenient {pct(s_lenient, s_total)}")

        # ---- headings
        print("\n== Headings right (unit number starts with D-<path>)")
        h_total = h_strict = h_lenient = 0
        for name, facts in gold.items():
            heads = facts.get("headings") or []
            if not heads or name not in docs:
                continue
            doc = docs[name]
            units = Units(project, doc)
            if units.error:
                print(f"  {name}: n/a ({units.error})")
                continue
            numbering, _ = soft("numbering", lambda d=doc: project.numbering(d.id)[1], "?")
            r = check_headings(doc, texts[name], units, heads)
            h_total += r["total"]
            h_strict += r["strict"]
            h_lenient += r["lenient"]
            print(f"  {name}: {r['strict']}/{r['total']} (lenient {r['lenient']})"
                  f"  [numbering {numbering}]")
            for miss in show(r["misses"]):
                print(f"      {miss}")
        print(f"  ALL headings: strict {pct(h_strict, h_total)}, lenient {pct(h_lenient, h_total)}")

        # ---- attributes
        print("\n== Attributes right (exact after trimming; '' = must be empty)")
        tally: dict[str, list[int]] = {a: [0, 0, 0, 0] for a in ATTRIBUTES}
        misses: dict[str, list[str]] = {a: [] for a in ATTRIBUTES}
        for name, facts in gold.items():
            if name not in docs:
                continue
            for attr in ATTRIBUTES:
                if attr not in facts or facts[attr] is None:
                    continue
                got = attribute_value(docs[name], attr)
                ok = got in accepted(facts[attr])
                empty = accepted(facts[attr]) == [""]
                tally[attr][0] += ok
                tally[attr][1] += 1
                tally[attr][2] += ok and not empty
                tally[attr][3] += not empty
                if not ok:
                    want = " | ".join(accepted(facts[attr])) or "(empty)"
                    misses[attr].append(f"{name[:44]}: got {got or '(empty)'!r}, want {want}")
        all_right = sum(t[0] for t in tally.values())
        all_total = sum(t[1] for t in tally.values())
        for attr in ATTRIBUTES:
            right, total, found, to_find = tally[attr]
            if total:
                print(f"  {attr}: {pct(right, total)}; values found {found}/{to_find},"
                      f" empty as it must be {right - found}/{total - to_find}")
                for miss in show(misses[attr]):
                    print(f"      {miss}")
        print(f"  ALL attributes: {pct(all_right, all_total)}; values found"
              f" {pct(sum(t[2] for t in tally.values()), sum(t[3] for t in tally.values()))}")
        kept, kept_total = 0, 0
        for name, facts in gold.items():
            for needle in facts.get("absent_from_text") or []:
                if name in texts:
                    kept_total += 1
                    if needle in texts[name]:
                        kept += 1
                        print(f"      {name[:44]}: body still has {needle!r}")
        if kept_total:
            print(f"  page metadata gone from the body: {pct(kept_total - kept, kept_total)}")

        # ---- PDF paragraphs
        print("\n== PDF paragraphs (non-empty lines of the imported text vs the original)")
        exact = got_sum = want_sum = 0
        for name, facts in gold.items():
            if "paragraphs" not in facts:
                continue
            if name not in texts:
                print(f"  {name}: n/a (not imported)")
                continue
            got = sum(1 for ln in texts[name].split("\n") if ln.strip())
            want = int(facts["paragraphs"])
            exact += got == want
            got_sum += got
            want_sum += want
            print(f"  {name}: {got} paragraphs (expected {want})")
        print(f"  ALL PDFs: {exact} of {sum('paragraphs' in f for f in gold.values())} exact;"
              f" {got_sum} paragraphs for {want_sum}")

        # ---- search recall
        print("\n== Search recall vs str.count over the imported texts")
        to_simple = simplified()
        plain = {name: to_simple(text) for name, text in texts.items()}
        tot_want = tot_default = tot_word = 0
        reasons: set[str] = set()
        for query in QUERIES:
            want = sum(t.count(query) for t in plain.values())
            raw = sum(t.count(query) for t in texts.values())
            default, why = search_total(project, query, None)
            word, why_w = search_total(project, query, "word")
            reasons.update(r for r in (why, why_w) if r)
            tot_want += want
            tot_default += min(default or 0, want)
            tot_word += min(word or 0, want)
            d = "n/a" if default is None else str(default)
            w = "n/a" if word is None else str(word)
            print(f"  {query}: default {d}, word {w} / {want}"
                  + (f" (as written {raw})" if raw != want else ""))
        for reason in sorted(reasons):
            print(f"      n/a: {reason}")
        print(f"  recall: default {pct(tot_default, tot_want)}, word {pct(tot_word, tot_want)}")

        # ---- summary
        print("\n== Summary")
        print(f"  statutes: articles numbered right strict {pct(s_strict, s_total)},"
              f" lenient {pct(s_lenient, s_total)}")
        print(f"  headings right: strict {pct(h_strict, h_total)},"
              f" lenient {pct(h_lenient, h_total)}")
        print(f"  attributes right: {pct(all_right, all_total)} (values found"
              f" {pct(sum(t[2] for t in tally.values()), sum(t[3] for t in tally.values()))})")
        print(f"  PDF paragraphs: {got_sum} for {want_sum} ({exact} PDFs exact)")
        print(f"  search recall: default {pct(tot_default, tot_want)},"
              f" word {pct(tot_word, tot_want)}")
        project.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
