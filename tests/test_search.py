"""Search modes against hand-counted expectations; incremental indexing; coding results.

The texts are segmented by the project's default segmenter (jieba plus the shipped starter
terms, which keep 创新券 and 科技创新券 whole). Offsets below were counted by hand; 𠮷 is one
code point (two UTF-16 units), so the first match of DOC1 starts at 1, not 2.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.db import exchange
from annotator.db.documents import content_hash
from annotator.errors import InvalidOperation
from annotator.project import Project
from annotator.search import (
    PARAGRAPH,
    SENTENCE,
    code_spans,
    ensure_index,
    index_status,
    rebuild_index,
    remove_passages,
    search,
    spans_to_code,
)

#       0 𠮷 1-2 创新 … 11-13 创新券 … 18-19 创新 20 。 21 \n
#      22-26 科技创新券 … 29-32 通用通兑 … 34-35 推动 36-37 区域 38-39 创新 … 42 。
DOC1 = "𠮷创新是第一动力。发放创新券支持企业创新。\n科技创新券可以通用通兑，推动区域创新合作。"
#       5-6 创新 … 10-13 首创新药 … 15 企业创新能力 … 26-28 创新券 … 34 。
DOC2 = "我们要鼓励创新，支持首创新药。企业创新能力持续提升，创新券使用率提高。"


@pytest.fixture
def two_docs(project: Project) -> tuple[int, int]:
    a = project.add_document("第一篇", DOC1)
    b = project.add_document("第二篇", DOC2)
    return a.id, b.id


def spans(result) -> list[tuple[int, int, int]]:
    return [(h.document_number, h.start, h.end) for h in result.hits]


def test_word_mode_does_not_match_inside_longer_words(project: Project, two_docs) -> None:
    result = search(project, "创新", mode="word")
    # 创新券, 科技创新券, 创新能力 are words of their own; 首创新药 is 首创|新药.
    assert spans(result) == [(1, 1, 3), (1, 18, 20), (1, 38, 40), (2, 5, 7)]
    assert (result.total, result.document_count, result.truncated) == (4, 2, False)
    assert all(h.text == "创新" for h in result.hits)


def test_word_mode_anywhere_and_phrase_mode_find_every_occurrence(
    project: Project, two_docs
) -> None:
    expected = [(1, 1, 3), (1, 11, 13), (1, 18, 20), (1, 24, 26), (1, 38, 40),
                (2, 5, 7), (2, 11, 13), (2, 17, 19), (2, 26, 28)]
    assert spans(search(project, "创新", mode="word", whole_word=False)) == expected
    assert spans(search(project, "创新", mode="phrase")) == expected


def test_word_search_for_the_longer_word(project: Project, two_docs) -> None:
    # 创新券 inside the term 科技创新券 is not the word 创新券.
    assert spans(search(project, "创新券", mode="word")) == [(1, 11, 14), (2, 26, 29)]
    assert spans(search(project, "创新券", mode="phrase")) == [(1, 11, 14), (1, 24, 27),
                                                               (2, 26, 29)]


def test_word_sequences_and_punctuation_between_words(project: Project, two_docs) -> None:
    assert spans(search(project, "区域创新", mode="word")) == [(1, 36, 40)]
    assert spans(search(project, "鼓励创新，支持", mode="word")) == [(2, 3, 10)]
    assert search(project, "鼓励创新支持", mode="word").total == 0  # the text has a comma there


def test_words_in_a_row_must_touch(project: Project) -> None:
    #      0 推动 2 科技 4 创新 6 。 7 加强 9 科技 11 ， 12 创新 14 合作 16 。 17 科技 19 ␠ 20 创新
    project.add_document("相邻", "推动科技创新。加强科技，创新合作。科技 创新")
    assert spans(search(project, "科技创新", mode="word")) == [(1, 2, 6)]
    assert spans(search(project, "科技，创新", mode="word")) == [(1, 9, 14)]
    assert spans(search(project, "科技 创新", mode="word")) == [(1, 17, 22)]


def test_hits_follow_document_numbers_not_ids(project: Project) -> None:
    with project.session_scope() as s:  # ids and numbers in opposite orders
        exchange.insert_documents(s, [
            {"id": 7, "guid": "g7", "number": 2, "title": "后", "text": DOC1,
             "source_name": "", "content_hash": content_hash(DOC1)},
            {"id": 9, "guid": "g9", "number": 1, "title": "前", "text": DOC2,
             "source_name": "", "content_hash": content_hash(DOC2)},
        ])
    for mode in ("word", "phrase", "regex"):
        result = search(project, "创新", mode=mode)
        numbers = [h.document_number for h in result.hits]
        assert numbers == sorted(numbers) and numbers[0] == 1, mode
    assert spans(search(project, "创新", limit=2, mode="word")) == [(1, 5, 7), (2, 1, 3)]
    assert spans(search(project, "区域创新", mode="word")) == [(2, 36, 40)]


def test_phrase_spanning_word_boundaries(project: Project, two_docs) -> None:
    # 企业|创新 (DOC1) and 企业|创新能力 (DOC2): 业创 cuts both words.
    assert spans(search(project, "业创", mode="phrase")) == [(1, 17, 19), (2, 16, 18)]
    assert search(project, "业创", mode="word").total == 0
    assert spans(search(project, "动力。发放", mode="phrase")) == [(1, 6, 11)]


def test_regex_mode(project: Project, two_docs) -> None:
    result = search(project, r"(?:支持|推动)\w{2}", mode="regex")
    assert [(n, s, e, h.text) for (n, s, e), h in zip(spans(result), result.hits, strict=True)] \
        == [(1, 14, 18, "支持企业"), (1, 34, 38, "推动区域"), (2, 8, 12, "支持首创")]
    assert search(project, "创新券?", mode="regex").total == 9
    with pytest.raises(InvalidOperation):
        search(project, "创新(", mode="regex")


def test_astral_character_before_a_match(project: Project, two_docs) -> None:
    first = search(project, "创新", mode="word").hits[0]
    assert (first.start, first.end, first.before, first.text) == (1, 3, "𠮷", "创新")
    assert project.document_text(first.document_id)[first.start : first.end] == "创新"
    regex_first = search(project, "创新", mode="regex").hits[0]
    assert (regex_first.start, regex_first.end) == (1, 3)


def test_hits_carry_context_sentence_and_paragraph(project: Project, two_docs) -> None:
    hits = search(project, "创新", mode="word").hits
    assert [h.sentence for h in hits] == [(0, 9), (9, 21), (22, 43), (0, 15)]
    assert [h.paragraph for h in hits] == [(0, 21), (0, 21), (22, 43), (0, 35)]
    third = hits[2]
    assert third.before == DOC1[8:38] and len(third.before) == 30
    assert third.after == "合作。"
    assert third.context == DOC1[8:]
    assert third.unit_number  # the paragraph's unit number, e.g. "1-0-2"
    assert (third.document_title, third.document_number) == ("第一篇", 1)


def test_a_hit_across_a_line_break_takes_both_sentences(project: Project, two_docs) -> None:
    (hit,) = search(project, "创新。\n科技", mode="regex").hits
    assert (hit.start, hit.end) == (18, 24)
    assert hit.sentence == (9, 43) and hit.paragraph == (0, 43)


def test_limit_keeps_counts(project: Project, two_docs) -> None:
    result = search(project, "创新", mode="phrase", limit=3)
    assert spans(result) == [(1, 1, 3), (1, 11, 13), (1, 18, 20)]
    assert (result.total, result.document_count, result.truncated) == (9, 2, True)


def test_latin_letters_match_regardless_of_case(project: Project) -> None:
    project.add_document("英文", "发展AI产业，ai芯片和Ai应用。")
    assert [h.text for h in search(project, "ai", mode="word").hits] == ["AI", "ai", "Ai"]


def test_documents_are_indexed_when_imported(project: Project, tmp_path: Path) -> None:
    project.add_document("第一篇", DOC1)
    assert search(project, "创新", mode="word").total == 3
    source = tmp_path / "second.txt"
    source.write_text("第二篇\n" + DOC2, encoding="utf-8")
    report = project.import_files([source])
    assert report.count("imported") == 1
    # Indexed by the import itself: nothing is left for ensure_index to do.
    status = index_status(project)
    assert (status.documents, status.indexed, status.stale_terms) == (2, 2, False)
    assert ensure_index(project) == 0
    result = search(project, "创新", mode="word")
    assert result.total == 4 and result.document_count == 2


def test_ensure_index_adds_missing_and_drops_deleted_documents(project: Project) -> None:
    first = project.add_document("第一篇", DOC1)
    with project.session_scope() as s:  # a bulk insert bypasses the import path
        exchange.insert_documents(s, [{
            "id": 50, "guid": "bulk-1", "number": 2, "title": "批量", "text": DOC2,
            "source_name": "", "content_hash": content_hash(DOC2),
        }])
    assert index_status(project).indexed == 1
    assert ensure_index(project) == 1
    assert search(project, "创新", ensure=False, mode="word").total == 4
    project.delete_document(first.id)
    assert spans(search(project, "创新", mode="word")) == [(2, 5, 7)]
    assert index_status(project).indexed == 1


def test_changed_terms_reindex_only_the_documents_holding_them(
    project: Project, two_docs
) -> None:
    from annotator.words.terms import add_terms

    add_terms(project, ["区域创新"])
    assert index_status(project).stale_terms
    result = search(project, "创新", ensure=False, mode="word")
    # Answered consistently with the old segmentation, and flagged.
    assert result.total == 4 and result.index_stale
    assert ensure_index(project) == 1  # only DOC1 holds 区域创新
    result = search(project, "创新", mode="word")
    assert spans(result) == [(1, 1, 3), (1, 18, 20), (2, 5, 7)]
    assert not result.index_stale
    assert spans(search(project, "区域创新", mode="word")) == [(1, 36, 40)]
    assert rebuild_index(project) == 2
    assert spans(search(project, "创新", mode="word")) == [(1, 1, 3), (1, 18, 20), (2, 5, 7)]


def test_a_new_code_keyword_is_a_term(project: Project, two_docs) -> None:
    code = project.add_code("合作")
    assert search(project, "创新", mode="word").total == 4
    project.update_code(code.id, keywords=["创新合作"])
    # 区域|创新|合作 becomes 区域|创新合作: DOC1's last 创新 is no longer a word of its own.
    assert spans(search(project, "创新", mode="word")) == [(1, 1, 3), (1, 18, 20), (2, 5, 7)]
    assert spans(search(project, "创新合作", mode="word")) == [(1, 38, 42)]


def test_code_all_results_and_undo(project: Project, two_docs) -> None:
    code = project.add_code("创新")
    hits = search(project, "创新", mode="word").hits
    matches = spans_to_code(hits)
    assert [(s.start, s.end) for s in matches] == [(1, 3), (18, 20), (38, 40), (5, 7)]
    created = code_spans(project, code.id, matches)
    assert len(created) == 4
    assert sorted(p.text for p in project.passages(code_id=code.id)) == ["创新"] * 4
    remove_passages(project, created)
    assert project.passages() == []


def test_code_whole_sentences_and_paragraphs(project: Project, two_docs) -> None:
    code = project.add_code("创新")
    hits = search(project, "创新", mode="word").hits
    sentences = spans_to_code(hits, SENTENCE)
    assert [(s.start, s.end) for s in sentences] == [(0, 9), (9, 21), (22, 43), (0, 15)]
    paragraphs = spans_to_code(hits, PARAGRAPH)  # two hits share DOC1's first paragraph
    assert [(s.start, s.end) for s in paragraphs] == [(0, 21), (22, 43), (0, 35)]
    first = code_spans(project, code.id, paragraphs)
    assert len(first) == 3
    # Coding again creates nothing, so undoing the second action removes nothing.
    assert code_spans(project, code.id, paragraphs) == []
    texts = {p.text for p in project.passages(code_id=code.id)}
    assert texts == {DOC1[:21], DOC1[22:], DOC2}


def test_empty_or_unknown_queries_are_refused(project: Project, two_docs) -> None:
    with pytest.raises(InvalidOperation):
        search(project, "   ", mode="word")
    with pytest.raises(InvalidOperation):
        search(project, "创新", mode="fuzzy")
    assert search(project, "区块链", mode="word").total == 0


def test_a_first_search_reads_the_traditional_texts_instr_cannot_see(project: Project) -> None:
    from annotator.search import texts

    project.add_document("香港", "InnoHK督導委員會甄選出28間研發實驗室。")
    project.add_document("内地", "发挥实验室作用。")
    project.add_document("无关", "推动科技成果转化。")
    texts.forget()  # as in a new process: SQLite's instr() picks the texts to read
    result = search(project, "实验室")
    assert [h.text for h in result.hits] == ["實驗室", "实验室"]
    texts.forget()
    assert search(project, "實驗室").total == 2


def test_an_index_of_an_older_format_is_rebuilt_and_never_misleads(project: Project) -> None:
    from sqlalchemy import text

    project.add_document("香港", "研發實驗室。")
    project.add_document("内地", "研发实验室。")
    with project.session_scope() as s:  # as a project indexed by the previous release left it
        s.execute(text("UPDATE search_info SET value = '3' WHERE key = 'format'"))
        s.execute(text("DELETE FROM search_info WHERE key = 'fold'"))
    assert search(project, "实验室").total == 2
    assert search(project, "实验室", whole_word=True).total == 2
    assert index_status(project).indexed == 2


def test_a_corpus_too_large_to_keep_is_searched_on_file(project: Project, monkeypatch) -> None:
    from annotator.search import texts

    project.add_document("香港", "研發實驗室。" * 20)
    project.add_document("内地", "研发实验室。" * 20)
    monkeypatch.setattr(texts, "MAX_CHARS", 150)  # room for one text only
    texts.forget()
    for _ in range(3):  # the first search, then the ones that would keep every text
        result = search(project, "实验室")
        assert result.total == 40 and result.document_count == 2
    assert texts._cache.overflow
