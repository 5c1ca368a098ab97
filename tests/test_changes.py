"""What the core says it changed: every mutation is logged by id for the window's views."""

from __future__ import annotations

from annotator.project import Project
from annotator.records import Changes


def test_a_coding_its_removal_and_a_memo_are_listed_with_their_records(
    project: Project, article
) -> None:
    code = project.add_code("协同机制")
    with project.collect_changes() as log:
        passage = project.apply_code(article.id, code.id, 0, 8)
    assert log.changes.added == (passage,)
    assert log.changes.counts_listed and not log.changes.touches_codebook
    assert log.changes.passage_documents == {article.id}

    with project.collect_changes() as log:
        project.apply_code(article.id, code.id, 0, 8)  # already so coded: nothing new
    assert not log.changes

    with project.collect_changes() as log:
        project.set_memo(passage.id, "三地联席")
    assert [p.memo for p in log.changes.edited] == ["三地联席"]

    with project.collect_changes() as log:
        removed = project.remove_passage(passage.id)
    assert log.changes.removed == (removed,)
    assert log.changes.passage_ids == {passage.id}


def test_edits_of_codes_and_documents_name_what_they_touched(project: Project, article) -> None:
    code = project.add_code("协同机制")
    with project.collect_changes() as log:
        project.update_code(code.id, colour="#8FD3A8")
        project.set_attributes(article.id, {"年份": "2021"})
    assert log.changes.codes_edited == {code.id}
    assert log.changes.documents_edited == {article.id}
    assert not log.changes.codes_reread and not log.changes.touches_passages

    with project.collect_changes() as log:
        project.add_code("资源共享")
    assert log.changes.codes_reread and log.changes.counts_listed  # no passage moved

    project.apply_code(article.id, code.id, 0, 8)
    with project.collect_changes() as log:
        project.delete_code(code.id, confirm=True)
    assert log.changes.codes_reread and log.changes.passage_documents is None  # re-count

    with project.collect_changes() as log:
        project.delete_document(article.id, confirm=True)
    assert log.changes.documents_reread


def test_a_log_sees_only_its_own_block(project: Project, article) -> None:
    code = project.add_code("协同机制")
    project.apply_code(article.id, code.id, 0, 4)  # outside any log
    with project.collect_changes() as outer:
        project.apply_code(article.id, code.id, 4, 8)
        with project.collect_changes() as inner:
            project.apply_code(article.id, code.id, 8, 12)
    assert [p.start for p in outer.changes.added] == [4, 8]
    assert [p.start for p in inner.changes.added] == [8]


def test_added_then_removed_is_no_change_removed_then_restored_an_edit(
    project: Project, article
) -> None:
    code = project.add_code("协同机制")
    passage = project.apply_code(article.id, code.id, 0, 8)
    added, removed = Changes(added=(passage,)), Changes(removed=(passage,))
    assert not (added | removed)
    back = removed | added
    assert back.edited == (passage,) and not back.added and not back.removed
    everything = Changes.everything() | added
    assert everything.passage_documents is None and not everything.counts_listed
