"""Document texts kept in memory between searches of the open project.

Phrase and regular-expression searches read every text; from SQLite that is the slow part
(≈0.3 s for 20 million characters), while ``str.count``/``str.find`` over texts already in
memory take ≈30 ms. Texts never change after import and are checked against their content
hash, so a cached text is always the stored one. What a search derives from the documents as
a whole (their order, which ones the word index holds up to date, every text at once) is kept
with the project's generation token (:func:`annotator.db.search_index.generation`), which
triggers renew on every change: one value compared per search instead of every hash. One
project is kept (the last searched), up to :data:`MAX_CHARS` characters; beyond that texts
are read from the file each time.

Each text's folded form (:func:`annotator.chinese.variants.fold`: traditional characters in
their simplified form) is kept beside it once asked for; for a text without traditional
characters that is the text itself, so it costs no memory.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from annotator.chinese.variants import fold
from annotator.db import search_index as tables

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

# ≈ 2–4 bytes a character in memory: 50 million characters is 100–200 MB at most.
MAX_CHARS = 50_000_000
_BATCH = 200


class _Cache:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.key: str | None = None
        self.texts: dict[int, tuple[str, str]] = {}  # document id → (content hash, text)
        self.folded: dict[int, str] = {}  # document id → folded text (of the cached text)
        self.size = 0
        # Every document's (text, folded text) with the generation they were taken at: a
        # search of an unchanged project takes them as they are instead of checking each text.
        self.corpus: tuple[str, dict[int, tuple[str, str]]] | None = None
        self.snapshot: Snapshot | None = None  # the documents at the last generation seen
        self.pruned = ""  # the generation the texts were last pruned at
        self.derived: dict[str, tuple[str, Any]] = {}  # name → (generation, value)
        self.overflow = False  # a text did not fit: this project's texts stay on file
        self.searches = 0  # full-text searches of this project so far

    def use(self, key: str) -> None:
        if key != self.key:
            self.key, self.texts, self.folded, self.size = key, {}, {}, 0
            self.corpus, self.overflow, self.searches = None, False, 0
            self.snapshot, self.pruned, self.derived = None, "", {}

    def get(self, doc_id: int, digest: str) -> str | None:
        cached = self.texts.get(doc_id)
        return cached[1] if cached is not None and cached[0] == digest else None

    def put(self, key: str, doc_id: int, digest: str, text: str) -> None:
        if self.key != key:
            return
        if doc_id in self.texts:
            self._drop_folded(doc_id)
            self.size -= len(self.texts.pop(doc_id)[1])
        if self.size + len(text) <= MAX_CHARS:
            self.texts[doc_id] = (digest, text)
            self.size += len(text)
        else:
            self.overflow = True

    def put_folded(self, doc_id: int, text: str, folded: str) -> None:
        cached = self.texts.get(doc_id)
        if cached is None or cached[1] is not text or doc_id in self.folded:
            return
        extra = 0 if folded is text else len(folded)
        if self.size + extra <= MAX_CHARS:
            self.folded[doc_id] = folded
            self.size += extra

    def _drop_folded(self, doc_id: int) -> None:
        folded = self.folded.pop(doc_id, None)
        text = self.texts.get(doc_id)
        if folded is not None and (text is None or folded is not text[1]):
            self.size -= len(folded)

    def prune(self, live: Iterable[int]) -> None:
        for doc_id in set(self.texts) - set(live):
            self._drop_folded(doc_id)
            self.size -= len(self.texts.pop(doc_id)[1])


_cache = _Cache()


def _project_key(session: Session) -> str:
    return str(session.get_bind().url)


def _load(session: Session, key: str, ids: list[int], out: dict[int, str]) -> None:
    for i in range(0, len(ids), _BATCH):
        rows = tables.read_texts(session, ids[i : i + _BATCH])
        with _cache.lock:
            for doc_id, digest, text in rows:
                out[doc_id] = text
                _cache.put(key, doc_id, digest, text)


@dataclass(frozen=True)
class Snapshot:
    """The project's documents at one moment: content hashes and document-number order, and
    which documents the word index does not hold as they are now."""

    hashes: dict[int, str]  # document id → content hash (equal dicts: the same texts)
    order: list[int]  # document ids by document number
    token: str = ""  # the generation it was taken at
    terms_token: str = ""  # the generation of the word lists and code keywords
    # Documents not in the index, or indexed from another text (all of them when the index
    # is missing or of another format): searches read these texts.
    unsure: frozenset[int] = frozenset()
    index_usable: bool = False  # the index tables exist in this format and fold
    position: dict[int, int] = field(default_factory=dict)  # id → place in ``order``
    by_id: bool = True  # number order is id order
    stale_rows: bool = False  # the index has rows of deleted documents or of older texts


def snapshot(session: Session) -> Snapshot:
    """The documents now: read once per generation of the project, then kept."""
    token, terms_token = tables.generation(session)
    key = _project_key(session)
    with _cache.lock:
        _cache.use(key)
        known = _cache.snapshot
        if known is not None and known.token == token:
            if known.terms_token != terms_token:
                known = replace(known, terms_token=terms_token)
                _cache.snapshot = known
            return known
    hashes, numbers = tables.document_order(session)
    numbers.sort(key=itemgetter(1))
    order = [doc_id for doc_id, _ in numbers]
    usable, indexed = tables.index_state(session)
    unsure = frozenset(d for d, h in hashes.items() if not usable or indexed.get(d) != h)
    stale_rows = any(hashes.get(d) != h for d, h in indexed.items())
    made = Snapshot(hashes, order, token, terms_token, unsure, usable,
                    {doc_id: i for i, doc_id in enumerate(order)}, order == sorted(order),
                    stale_rows)
    with _cache.lock:
        if _cache.key == key:
            _cache.snapshot = made
    return made


def derived(session: Session, name: str, token: str, make: Any) -> Any:
    """A value derived from the whole project (``make()``), kept while ``token`` (one of a
    snapshot's generation tokens) stays the same."""
    key = _project_key(session)
    with _cache.lock:
        _cache.use(key)
        found = _cache.derived.get(name)
        if found is not None and found[0] == token:
            return found[1]
    value = make()
    with _cache.lock:
        if _cache.key == key:
            _cache.derived[name] = (token, value)
    return value


def texts_for(
    session: Session, document_ids: Iterable[int] | None = None, *, live: Snapshot | None = None
) -> dict[int, str]:
    """The texts of these documents (default: every document), by id; ``live`` is a
    snapshot taken in this session (one is taken when not given)."""
    key = _project_key(session)
    live = live or snapshot(session)
    hashes = live.hashes
    wanted = hashes if document_ids is None else {
        d: hashes[d] for d in document_ids if d in hashes
    }
    out: dict[int, str] = {}
    missing: list[int] = []
    with _cache.lock:
        _cache.use(key)
        if _cache.pruned != live.token or not live.token:  # documents gone since
            _cache.prune(hashes)
            _cache.pruned = live.token
        for doc_id, digest in wanted.items():
            text = _cache.get(doc_id, digest)
            if text is None:
                missing.append(doc_id)
            else:
                out[doc_id] = text
    _load(session, key, missing, out)
    return out


def folded_texts_for(
    session: Session, document_ids: Iterable[int] | None = None, *, live: Snapshot | None = None
) -> dict[int, tuple[str, str]]:
    """(text, folded text) of these documents (default: every document), by id. The folded
    text is the text itself when it has no traditional characters."""
    found = texts_for(session, document_ids, live=live)
    out: dict[int, tuple[str, str]] = {}
    todo: list[int] = []
    with _cache.lock:
        folded_cache, text_cache = _cache.folded, _cache.texts
        for doc_id, text in found.items():
            cached = folded_cache.get(doc_id)
            entry = text_cache.get(doc_id)
            if cached is not None and entry is not None and entry[1] is text:
                out[doc_id] = (text, cached)
            else:
                todo.append(doc_id)
    if not todo:
        return out
    made = {doc_id: fold(found[doc_id]) for doc_id in todo}  # outside the lock: ≈50 µs each
    with _cache.lock:
        for doc_id, folded in made.items():
            _cache.put_folded(doc_id, found[doc_id], folded)
            out[doc_id] = (found[doc_id], folded)
    return {doc_id: out[doc_id] for doc_id in found}


def folded_corpus(session: Session, live: Snapshot) -> dict[int, tuple[str, str]]:
    """(text, folded text) of every document, as :func:`folded_texts_for`; answered from
    memory at once when the documents are those of the last call."""
    key = _project_key(session)
    with _cache.lock:
        corpus = _cache.corpus
        if _cache.key == key and corpus is not None and live.token and corpus[0] == live.token:
            return corpus[1]
    found = folded_texts_for(session, live=live)
    with _cache.lock:
        if _cache.key == key and live.token and all(_cache.get(d, h) is not None
                                                    for d, h in live.hashes.items()):
            _cache.corpus = (live.token, found)
    return found


def cached_corpus(session: Session, live: Snapshot) -> dict[int, tuple[str, str]] | None:
    """Every document's (text, folded text) if kept for this generation, else None."""
    with _cache.lock:
        corpus = _cache.corpus
        if (_cache.key == _project_key(session) and corpus is not None and live.token
                and corpus[0] == live.token):
            return corpus[1]
    return None


def keep_every_text(session: Session) -> bool:
    """Whether a search should read every text of this project into memory: not for the
    first search (a command-line search is the only one of its process, and SQLite finds
    the texts to read faster than Python reads them all), from the second on, while no text
    was turned away for want of room."""
    key = _project_key(session)
    with _cache.lock:
        _cache.use(key)
        _cache.searches += 1
        return _cache.searches > 1 and not _cache.overflow


def all_cached(session: Session, live: Snapshot | None = None) -> bool:
    """Whether every document's text is in memory (a scan of all texts is then cheap)."""
    key = _project_key(session)
    live = live or snapshot(session)
    with _cache.lock:
        if _cache.key != key:
            return False
        if _cache.corpus is not None and live.token and _cache.corpus[0] == live.token:
            return True
        return all(_cache.get(d, h) is not None for d, h in live.hashes.items())


def text(session: Session, document_id: int) -> str:
    """One document's text ("" if there is no such document)."""
    key = _project_key(session)
    digest = tables.document_hash(session, document_id)
    if digest is None:
        return ""
    with _cache.lock:
        _cache.use(key)
        cached = _cache.get(document_id, digest)
    if cached is not None:
        return cached
    out: dict[int, str] = {}
    _load(session, key, [document_id], out)
    return out.get(document_id, "")


def forget() -> None:
    """Drop every cached text (a window closing its project, tests)."""
    with _cache.lock:
        _cache.use("")
