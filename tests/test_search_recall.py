"""The default search finds what a researcher counts: every occurrence of the query's
characters in real policy texts (tests/data/search: four statutes in simplified script, five
traditional-script texts from Taiwan and Hong Kong), inside longer words and in both scripts.

What is expected is counted with ``str.count`` over the stored texts, once for the simplified
query and once for its traditional form written out by hand.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.errors import InvalidOperation
from annotator.project import Project
from annotator.search import code_spans, search, spans_to_code

DATA = Path(__file__).parent / "data" / "search"
# The simplified query and its traditional form, as Taiwan and Hong Kong texts write it.
FORMS = {
    "成果转化": "成果轉化",
    "产学研": "產學研",
    "科技创新": "科技創新",
    "知识产权": "知識產權",
    "实验室": "實驗室",
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("recall") / "recall.annot"
    with Project.create(path, coder="甲") as project:
        report = project.import_files(sorted(DATA.glob("*.txt")))
        assert report.count("imported") == 9
    return path


@pytest.fixture
def project(corpus: Path):
    with Project.open(corpus, coder="甲") as opened:
        yield opened


def stored_positions(project: Project, *forms: str) -> set[tuple[int, int, int]]:
    """(document, start, end) of every non-overlapping occurrence of each form, by str.find."""
    found = set()
    for doc in project.documents():
        text = project.document_text(doc.id)
        for form in forms:
            at = text.find(form)
            while at >= 0:
                found.add((doc.id, at, at + len(form)))
                at = text.find(form, at + len(form))
    return found


@pytest.mark.parametrize("simplified", sorted(FORMS))
def test_recall_equals_str_count_in_both_scripts(project: Project, simplified: str) -> None:
    traditional = FORMS[simplified]
    texts = [project.document_text(d.id) for d in project.documents()]
    expected = sum(t.count(simplified) + t.count(traditional) for t in texts)
    for query in (simplified, traditional):
        result = search(project, query)
        assert result.total == expected, query
        hits = result.all_hits()
        assert {(h.document_id, h.start, h.end) for h in hits} == stored_positions(
            project, simplified, traditional)
        assert {h.text for h in hits} <= {simplified, traditional}


def test_inside_longer_words_is_what_whole_words_miss(project: Project) -> None:
    every = search(project, "成果转化")
    whole = search(project, "成果转化", whole_word=True)
    assert whole.mode == "word" and every.mode == "phrase"
    # 科技成果转化 is one word: whole-word search skips the occurrences inside it.
    assert whole.total < every.total
    inside = [h for h in every.all_hits() if h.before.endswith("科技")]
    assert inside and all((h.document_id, h.start) not in
                          {(w.document_id, w.start) for w in whole.all_hits()} for h in inside)


def test_traditional_texts_answer_simplified_queries(project: Project) -> None:
    titles = {h.document_title for h in search(project, "实验室").all_hits()}
    assert {"財政司司長財政預算案演辭（六）",
            "行政長官出席「InnoHK創新香港研發平台」啟動禮致辭"} <= titles
    hit = search(project, "创新香港研发平台").hits[0]
    assert hit.text == "創新香港研發平台"
    text = project.document_text(hit.document_id)
    assert text[hit.start : hit.end] == hit.text  # offsets into the stored text
    assert hit.unit_number  # shown with its unit number, as simplified hits are
    # Regular expressions match the characters as written.
    assert search(project, "实验室", mode="regex").total == sum(
        project.document_text(d.id).count("实验室") for d in project.documents())


def test_whole_words_match_across_scripts(project: Project) -> None:
    simplified = search(project, "研发实验室", whole_word=True)
    traditional = search(project, "研發實驗室", whole_word=True)
    assert simplified.total == traditional.total > 0
    assert [(h.document_id, h.start) for h in simplified.all_hits()] == [
        (h.document_id, h.start) for h in traditional.all_hits()]


def test_code_all_results_codes_every_listed_hit(tmp_path: Path) -> None:
    path = tmp_path / "code.annot"
    with Project.create(path, coder="甲") as project:
        project.import_files([DATA / "cn-cujin-keji-chengguo-zhuanhua-fa-2015.txt",
                              DATA / "tw-kexue-jishu-jibenfa-2017.txt"])
        code = project.add_code("成果转化")
        result = search(project, "成果转化", limit=5)
        assert result.truncated and len(result.hits) == 5
        every = result.all_hits()
        assert len(every) == result.total and every[:5] == result.hits
        created = code_spans(project, code.id, spans_to_code(every))
        assert len(created) == result.total
        coded = {(p.document_id, p.start, p.end) for p in project.passages(code_id=code.id)}
        assert coded == {(h.document_id, h.start, h.end) for h in every}
        assert {p.text for p in project.passages(code_id=code.id)} == {"成果转化", "成果轉化"}


def test_all_hits_refuses_when_the_documents_changed(tmp_path: Path) -> None:
    with Project.create(tmp_path / "stale.annot", coder="甲") as project:
        project.add_document("一", "推动成果转化。" * 10)
        result = search(project, "成果转化", limit=3)
        project.add_document("二", "加快成果转化。")
        with pytest.raises(InvalidOperation):
            result.all_hits()
        assert len(search(project, "成果转化", limit=3).all_hits()) == 11
