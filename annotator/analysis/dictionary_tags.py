"""jieba's part-of-speech tags without importing jieba.posseg.

Importing ``jieba.posseg`` builds its word → tag table, a dict of 349,000 entries (≈55 MB,
the largest thing a workbook export held). Counting words needs the tag of each distinct
word of the corpus only, so :func:`dictionary_tags` reads the same dictionary file into a
compact table (≈8 MB: sorted word hashes, the words' UTF-8 in one blob to check a hit, a
tag index each), and :func:`hmm_tables` loads posseg's HMM tables — plain data modules
beside its ``__init__`` — on their own. A process that has imported jieba.posseg anyway
uses posseg's own objects.
"""

from __future__ import annotations

import importlib.util
import sys
import threading
from collections.abc import Callable, Iterable
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import Any, Protocol

import numpy as np

_SLICE = 20_000  # dictionary lines read at a time


class TagTable(Protocol):
    def get(self, word: str) -> str | None: ...

    def __contains__(self, word: object) -> bool: ...


class DictionaryTags:
    """Word → tag as jieba.posseg reads a dictionary file (each line "word frequency tag";
    a word listed twice takes its last line's tag). Lookups are remembered."""

    def __init__(self, lines: Iterable[bytes]) -> None:
        names: dict[str, int] = {}
        hashes, ends, tags, blobs = [], [], [], []
        size = 0
        lines = iter(lines)
        # In slices, so that only one slice's strings are alive at a time.
        while chunk := list(islice(lines, _SLICE)):
            words = []
            for line in chunk:
                text = line.strip().decode("utf-8")
                if text:
                    word, _, tag = text.split(" ")  # a malformed line raises, as in posseg
                    words.append((word, names.setdefault(tag, len(names))))
            raw = [w.encode("utf-8") for w, _ in words]
            hashes.append(np.fromiter((hash(w) for w, _ in words), np.int64, len(words)))
            lengths = np.fromiter(map(len, raw), np.int64, len(raw))
            ends.append(size + np.cumsum(lengths))
            size += int(lengths.sum())
            tags.append(np.fromiter((t for _, t in words), np.int64, len(words)))
            blobs.append(b"".join(raw))
            del chunk, words, raw
        every = np.concatenate(hashes) if hashes else np.zeros(0, np.int64)
        # Stable: entries of one hash stay in file order, so the last match is the last line.
        self._order = np.argsort(every, kind="stable").astype(np.int32)
        self._hashes = every[self._order]
        self._blob = b"".join(blobs)
        self._ends = np.concatenate(ends) if ends else np.zeros(0, np.int64)
        dtype = np.uint8 if len(names) < 256 else np.uint16
        self._tags = np.concatenate(tags).astype(dtype) if tags else np.zeros(0, dtype)
        self._names = list(names)
        self._seen: dict[str, str | None] = {}
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._hashes)

    def get(self, word: str) -> str | None:
        try:
            return self._seen[word]
        except KeyError:
            pass
        found = self._find(word)
        with self._lock:
            self._seen[word] = found
        return found

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self.get(word) is not None

    def _find(self, word: str) -> str | None:
        h = hash(word)
        hashes = self._hashes
        i = int(np.searchsorted(hashes, h))
        raw: bytes | None = None
        found = -1
        while i < len(hashes) and int(hashes[i]) == h:
            j = int(self._order[i])
            if raw is None:
                raw = word.encode("utf-8")
            start = int(self._ends[j - 1]) if j else 0
            if self._blob[start : int(self._ends[j])] == raw:
                found = j  # keep going: a later line of the same word wins
            i += 1
        return self._names[int(self._tags[found])] if found >= 0 else None


@lru_cache(maxsize=1)
def dictionary_tags() -> TagTable:
    """The tags of jieba's dictionary (jieba.posseg's own table when it is loaded)."""
    posseg = sys.modules.get("jieba.posseg")
    if posseg is not None:
        return posseg.dt.word_tag_tab
    jieba = sys.modules.get("jieba")
    # Not imported for this: importing jieba imports pkg_resources (≈0.2 s, +15 MB).
    source = jieba.dt.get_dict_file() if jieba is not None else (_folder() / "dict.txt").open("rb")
    with source as lines:
        return DictionaryTags(lines)


@lru_cache(maxsize=1)
def hmm_tables() -> tuple[Callable[..., Any], dict, dict, dict, dict]:
    """(viterbi, char_state_tab_P, start_P, trans_P, emit_P) of jieba.posseg."""
    posseg = sys.modules.get("jieba.posseg")
    if posseg is None:
        try:
            return _standalone_tables()
        except (OSError, ImportError, AttributeError):  # laid out otherwise: import it
            import jieba.posseg as posseg
    from jieba.posseg.viterbi import viterbi

    return viterbi, posseg.char_state_tab_P, posseg.start_P, posseg.trans_P, posseg.emit_P


def _folder() -> Path:
    """jieba's package folder, found without importing jieba."""
    jieba = sys.modules.get("jieba")
    if jieba is not None:
        return Path(jieba.__file__).resolve().parent
    spec = importlib.util.find_spec("jieba")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("jieba")
    return Path(next(iter(spec.submodule_search_locations)))


def _standalone_tables() -> tuple[Callable[..., Any], dict, dict, dict, dict]:
    folder = _folder() / "posseg"

    def load(name: str) -> Any:
        spec = importlib.util.spec_from_file_location(f"_annotator_posseg_{name}",
                                                      folder / f"{name}.py")
        if spec is None or spec.loader is None:
            raise ImportError(name)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module

    return (load("viterbi").viterbi, load("char_state_tab").P, load("prob_start").P,
            load("prob_trans").P, load("prob_emit").P)
