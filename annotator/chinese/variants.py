"""Simplified and traditional forms folded onto one, character by character.

Search, word frequencies and auto-coding compare *folded* text: every traditional character
(and Hong Kong variant such as 衞 敍) is replaced by its simplified form, so 實驗室 and 实验室
fold to the same string and 創新 counts as 创新. The mapping comes from OpenCC's
traditional→simplified character tables (``t2s`` plus the variant characters of ``hk2s``),
taken one character at a time: phrase conversions are left out on purpose, so a folded text
has exactly as many code points as the original and offsets into the folded text are offsets
into the stored text. Stored text is never changed; only copies are folded.

Folding is many-to-one (乾 and 干 both fold to 干, 後 and 后 to 后), so a search may find a
character used in another sense; it never misses a form. Characters OpenCC's simplified
output keeps (著, 么, 乾坤's 乾 in phrases) are only folded where ``t2s`` itself maps the
single character.

The table is built from OpenCC once per process (≈0.15 s) and remembered in the user cache
folder per OpenCC version, so later runs read it in a few milliseconds.
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import numpy as np

log = logging.getLogger(__name__)

#: Bump when the way the table is made changes (cached tables of another format are remade).
TABLE_FORMAT = "1"
# Where Chinese characters live: CJK unified ideographs with extension A, the compatibility
# ideographs (PDF text layers use them), extensions B–F and the compatibility supplement.
_RANGES = ((0x3400, 0xA000), (0xF900, 0xFB00), (0x20000, 0x2FA20))
# Variant characters of Hong Kong usage that t2s leaves alone (衞 → 卫, 敍 → 叙 …). Taiwan's
# tw2s is not used: it also maps 么 and 著, characters simplified text itself writes.
_EXTRA_CONFIG = "hk2s"

_lock = threading.Lock()


def _convert_each(config: str, chars: list[str]) -> list[str]:
    """Each character converted on its own (a line break keeps phrases from forming)."""
    import opencc

    converted = opencc.OpenCC(config).convert("\n".join(chars)).split("\n")
    if len(converted) != len(chars):  # never seen; a table we cannot line up is no table
        raise RuntimeError(f"OpenCC {config}: {len(converted)} lines for {len(chars)}")
    return converted


def _build_table() -> dict[str, str]:
    chars = [chr(c) for lo, hi in _RANGES for c in range(lo, hi)]
    table = {a: b for a, b in zip(chars, _convert_each("t2s", chars), strict=True)
             if a != b and len(b) == 1}
    for a, b in zip(chars, _convert_each(_EXTRA_CONFIG, chars), strict=True):
        if a != b and len(b) == 1 and a not in table:
            table[a] = b
    # Follow chains (薴 → 苧 → 苎) so that folding twice changes nothing.
    for a in table:
        seen = {a}
        b = table[a]
        while b in table and b not in seen:
            seen.add(b)
            b = table[b]
        table[a] = b
    return table


def _cache_path() -> Path:
    import opencc

    from annotator.chinese.segment import cache_dir

    return cache_dir() / f"variants-{TABLE_FORMAT}-opencc-{opencc.__version__}.json"


@lru_cache(maxsize=1)
def table() -> dict[str, str]:
    """Traditional (or variant) character → simplified character, single code points only."""
    with _lock:
        path = None
        try:
            path = _cache_path()
            found = json.loads(path.read_text(encoding="utf-8"))
            if isinstance(found, dict) and found:
                return {str(k): str(v) for k, v in found.items()}
        except (OSError, ValueError):
            pass  # no cache folder, no file yet, or a damaged one: build the table
        built = _build_table()
        if path is not None:
            try:
                path.write_text(json.dumps(built, ensure_ascii=False), encoding="utf-8")
            except OSError:
                log.debug("could not cache the variant table", exc_info=True)
        return built


@lru_cache(maxsize=1)
def fingerprint() -> str:
    """Identifies the table: data folded with another table must be folded again."""
    items = sorted(table().items())
    return hashlib.sha256(json.dumps(items, ensure_ascii=False).encode("utf-8")).hexdigest()[:16]


@lru_cache(maxsize=1)
def _lookup() -> tuple[np.ndarray, np.ndarray]:
    """Code point → folded code point, and whether a code point folds at all."""
    codes = np.arange(0x110000, dtype=np.uint32)
    for a, b in table().items():
        codes[ord(a)] = ord(b)
    return codes, codes != np.arange(0x110000, dtype=np.uint32)


def _code_points(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype="<u4")


def has_variants(text: str) -> bool:
    """Whether folding changes ``text`` (it holds a traditional or variant character)."""
    if text.isascii():
        return False
    points = _code_points(text)
    return bool(_lookup()[1][points].any())


def fold(text: str) -> str:
    """``text`` with every traditional or variant character in its simplified form; the very
    same object when nothing changes (most texts), and always of the same length."""
    if text.isascii():
        return text
    mapping, folds = _lookup()
    points = _code_points(text)
    if not folds[points].any():
        return text
    return mapping[points].tobytes().decode("utf-32-le", "surrogatepass")


def fold_words(words: Iterable[str]) -> frozenset[str]:
    """The folded forms of ``words`` (a term list, stopwords)."""
    return frozenset(fold(w) for w in words)


@lru_cache(maxsize=8)
def same_words(words: frozenset[str]) -> frozenset[str]:
    """``words`` folded, or ``words`` itself when folding changes none of them (so that
    caches keyed by the set, such as segmenters, are shared). Remembered for the last few
    sets: a project's terms are folded on every search."""
    folded = fold_words(words)
    return words if folded == words else folded
