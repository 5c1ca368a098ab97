"""Stopwords: a shipped Chinese list, adjusted per project.

FIRST VERSION: a small built-in list; to be replaced by the shipped, editable list.
"""

from __future__ import annotations

BASIC = frozenset(
    "的 了 和 与 及 或 等 在 是 为 对 以 将 把 被 从 由 于 中 上 下 也 都 而 并 其 之 这 那 "
    "一 一个 我们 他们 有 个 着 就 要 可 可以 不 没有 如 如果 但 但是 因为 所以 通过 进行".split()
)


def default_stopwords() -> frozenset[str]:
    return BASIC


def is_stopword_token(word: str, stopwords: frozenset[str] | set[str]) -> bool:
    """Stopwords, punctuation, whitespace and bare numbers never count as words."""
    w = word.strip()
    return not w or w in stopwords or not any(ch.isalpha() for ch in w)
