"""Document texts kept in memory between searches of the open project.

Phrase and regular-expression searches read every text; from SQLite that is the slow part
(≈0.3 s for 20 million characters), while ``str.count``/``str.find`` over texts already in
memory take ≈30 ms. Texts never change after import and are checked against their content
hash, so a cached text is always the stored one. One project is kept (the last searched), up
to :data:`MAX_CHARS` characters; beyond that texts are read from the file each time.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from annotator.db.models import Document

# ≈ 2–4 bytes a character in memory: 50 million characters is 100–200 MB at most.
MAX_CHARS = 50_000_000
_BATCH = 200


class _Cache:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.key: str | None = None
        self.texts: dict[int, tuple[str, str]] = {}  # document id → (content hash, text)
        self.size = 0

    def use(self, key: str) -> None:
        if key != self.key:
            self.key, self.texts, self.size = key, {}, 0

    def get(self, doc_id: int, digest: str) -> str | None:
        cached = self.texts.get(doc_id)
        return cached[1] if cached is not None and cached[0] == digest else None

    def put(self, key: str, doc_id: int, digest: str, text: str) -> None:
        if self.key != key:
            return
        old = self.texts.pop(doc_id, None)
        if old is not None:
            self.size -= len(old[1])
        if self.size + len(text) <= MAX_CHARS:
            self.texts[doc_id] = (digest, text)
            self.size += len(text)

    def prune(self, live: Iterable[int]) -> None:
        for doc_id in set(self.texts) - set(live):
            self.size -= len(self.texts.pop(doc_id)[1])


_cache = _Cache()


def _project_key(session: Session) -> str:
    return str(session.get_bind().url)


def _load(session: Session, key: str, ids: list[int], out: dict[int, str]) -> None:
    for i in range(0, len(ids), _BATCH):
        rows = session.execute(
            select(Document.id, Document.content_hash, Document.text).where(
                Document.id.in_(ids[i : i + _BATCH])
            )
        ).all()
        with _cache.lock:
            for doc_id, digest, text in rows:
                out[doc_id] = text
                _cache.put(key, doc_id, digest, text)


def texts_for(session: Session, document_ids: Iterable[int] | None = None) -> dict[int, str]:
    """The texts of these documents (default: every document), by id."""
    key = _project_key(session)
    live = dict(session.execute(select(Document.id, Document.content_hash)).all())
    wanted = live if document_ids is None else {d: live[d] for d in document_ids if d in live}
    out: dict[int, str] = {}
    missing: list[int] = []
    with _cache.lock:
        _cache.use(key)
        _cache.prune(live)
        for doc_id, digest in wanted.items():
            text = _cache.get(doc_id, digest)
            if text is None:
                missing.append(doc_id)
            else:
                out[doc_id] = text
    _load(session, key, missing, out)
    return out


def all_cached(session: Session) -> bool:
    """Whether every document's text is in memory (a scan of all texts is then cheap)."""
    key = _project_key(session)
    live = session.execute(select(Document.id, Document.content_hash)).all()
    with _cache.lock:
        return _cache.key == key and all(_cache.get(d, h) is not None for d, h in live)


def text(session: Session, document_id: int) -> str:
    """One document's text ("" if there is no such document)."""
    key = _project_key(session)
    digest = session.scalar(select(Document.content_hash).where(Document.id == document_id))
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
