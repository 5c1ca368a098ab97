"""The project's editable word lists: terms and stopwords, each edit one transaction."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.db import word_lists
from annotator.importing.term_files import import_terms, read_terms_file
from annotator.project import Project
from annotator.words import stopwords as sw
from annotator.words.stopwords import (
    add_stopwords,
    default_stopwords,
    english_stopwords,
    is_stopword_token,
    project_stopwords,
    remove_stopwords,
    stopword_changes,
)
from annotator.words.terms import (
    add_terms,
    list_terms,
    project_terms,
    remove_terms,
    switched_off_terms,
)

DATA = Path(__file__).parent / "data" / "wordlists"


def test_shipped_stopwords_are_a_real_list() -> None:
    words = default_stopwords()
    assert 500 <= len(words) <= 900
    for w in ("的", "了", "和", "与", "我们", "因此", "但是", "关于", "一是", "第一", "，", "（"):
        assert w in words, w
    for w in ("创新", "改革", "科技", "发展", "机制", "试点"):  # content words of the field
        assert w not in words, w
    assert is_stopword_token("的", words) and is_stopword_token("2023", words)
    assert not is_stopword_token("创新券", words)


def test_english_stopwords_join_the_chinese_ones() -> None:
    words = default_stopwords()
    english = english_stopwords()
    assert english <= words and 150 <= len(english) <= 250
    for w in ("and", "of", "the", "in", "for", "is", "to", "with", "shall"):
        assert w in english, w
    for w in ("innovation", "policy", "technology", "science", "research", "system"):
        assert w not in words, w
    for w in ("The", "AND", "Of"):  # whatever the case
        assert is_stopword_token(w, words), w
    assert not is_stopword_token("Innovation", words)


def test_english_function_words_never_reach_a_top_30_word_list(project: Project) -> None:
    from annotator.analysis.wordfreq import word_frequencies

    # A journal abstract in Chinese and English (范柏乃 等, 中国科技论坛 2013).
    text = (DATA / "mixed_abstract.txt").read_text("utf-8")
    doc = project.add_document("中国自主创新政策：演进、效应与优化", text)
    top = [row.word for row in word_frequencies(project, document_id=doc.id, top=30)]
    assert len(top) == 30
    assert "innovation" in top and "policy" in top and "创新" in top
    leaked = [w for w in top if w.lower() in english_stopwords()]
    assert leaked == []
    # Without the list they would lead it: "the" alone is the abstract's commonest word.
    assert text.lower().split().count("the") > text.lower().split().count("innovation")


def test_stopword_edits(project: Project, tmp_path: Path) -> None:
    assert project_stopwords(project) == default_stopwords()
    assert add_stopwords(project, ["推进", " 推进 ", "的", ""]) == ["推进"]  # 的 already is one
    assert remove_stopwords(project, ["的", "创新"]) == ["的"]  # 创新 never was one
    words = project_stopwords(project)
    assert "推进" in words and "的" not in words
    assert len(words) == len(default_stopwords())
    assert stopword_changes(project) == (["推进"], ["的"])
    # Undoing an edit leaves no trace in the stored lists.
    assert add_stopwords(project, ["的"]) == ["的"]
    assert remove_stopwords(project, ["推进"]) == ["推进"]
    assert stopword_changes(project) == ([], [])
    assert project_stopwords(project) == default_stopwords()
    project.close()
    with Project.open(project.path) as again:  # stored in the project file
        remove_stopwords(again, ["我们"])
    with Project.open(project.path) as again:
        assert "我们" not in project_stopwords(again)


def test_a_failed_edit_changes_nothing(project: Project, monkeypatch) -> None:
    remove_stopwords(project, ["的"])

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(sw.repo, "add_words", broken)
    with pytest.raises(RuntimeError):
        add_stopwords(project, ["的", "推进"])  # un-removing 的 ran before the failure
    monkeypatch.undo()
    assert "的" not in project_stopwords(project)
    assert stopword_changes(project) == ([], ["的"])


def test_term_edits(project: Project) -> None:
    assert list_terms(project) == []
    assert add_terms(project, ["反向飞地", "反向飞地", "  科创飞地 ", "跨行\n的词", ""]) == [
        "反向飞地"
    ]  # 科创飞地 is a starter term already; a term never spans lines
    assert add_terms(project, ["揭榜挂帅"]) == []
    assert list_terms(project) == ["反向飞地"]
    assert remove_terms(project, ["反向飞地", "揭榜挂帅", "不存在"]) == ["反向飞地", "揭榜挂帅"]
    assert switched_off_terms(project) == ["揭榜挂帅"]
    terms = project_terms(project)
    assert "揭榜挂帅" not in terms and "反向飞地" not in terms and "科技创新券" in terms
    with project.session_scope() as s:
        assert word_lists.list_words(s, word_lists.TERMS) == []
        assert word_lists.list_words(s, word_lists.TERMS_OFF) == ["揭榜挂帅"]


def test_code_keywords_are_terms(project: Project) -> None:
    project.add_code("A", keywords=["飞地孵化器", " 科技特派员 "])
    project.add_code("B", keywords=["飞地孵化器"])
    with project.session_scope() as s:
        assert word_lists.code_keywords(s) == ["飞地孵化器", "科技特派员"]
    assert {"飞地孵化器", "科技特派员"} <= project_terms(project)
    remove_terms(project, ["飞地孵化器"])  # a keyword stays a term while a code lists it
    assert "飞地孵化器" in project_terms(project)


def test_import_terms_file(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "terms.txt"
    content = "# 我的术语\n反向飞地\n\n飞地孵化器 10 nz\n概念验证券 5\n人才新政\t备注\n“双碳”目标\n"
    path.write_bytes(content.encode("gb18030"))
    expected = ["反向飞地", "飞地孵化器", "概念验证券", "人才新政", "“双碳”目标"]
    assert read_terms_file(path) == expected
    assert import_terms(project, path) == expected
    assert import_terms(project, path) == []
    from annotator.words.terms import project_segmenter

    assert "“双碳”目标" in project_segmenter(project).words("实现“双碳”目标")
