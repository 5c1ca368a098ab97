"""The word sheets' compact structures give what the plain ones gave: jieba's dictionary
tags without jieba.posseg's table, and (scope, word) totals merged in bounded steps."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter

import numpy as np
import pytest

from annotator.analysis import word_sheet_counts
from annotator.analysis.dictionary_tags import DictionaryTags, hmm_tables


def test_every_dictionary_word_gets_posseg_tag() -> None:
    import jieba
    import jieba.posseg

    with jieba.dt.get_dict_file() as lines:
        table = DictionaryTags(lines)
    expected = jieba.posseg.dt.word_tag_tab
    assert len(table) >= len(expected)
    assert [w for w, tag in expected.items() if table.get(w) != tag] == []
    assert table.get("揭榜挂帅式") is None and "揭榜挂帅式" not in table


def test_a_word_listed_twice_takes_its_last_tag() -> None:
    table = DictionaryTags([b"\xe5\x88\x9b\xe6\x96\xb0 5 v\n", b"\n", "机制 3 n\n".encode(),
                            "创新 9 vn\n".encode()])
    assert (table.get("创新"), table.get("机制"), table.get("改革")) == ("vn", "n", None)


def test_a_malformed_dictionary_line_is_refused() -> None:
    with pytest.raises(ValueError):
        DictionaryTags(["创新 5\n".encode()])


def test_hmm_tags_unknown_words_as_posseg_does() -> None:
    import jieba.posseg
    from jieba.posseg.viterbi import viterbi as posseg_viterbi

    viterbi, *tables = hmm_tables()
    for word in ("揭榜挂帅", "中试熟化", "赋权改革"):
        assert viterbi(word, *tables) == posseg_viterbi(
            word, jieba.posseg.char_state_tab_P, jieba.posseg.start_P, jieba.posseg.trans_P,
            jieba.posseg.emit_P)


def test_export_process_does_not_load_posseg_or_jieba() -> None:
    """Counting the corpus's words from stored tokens needs neither jieba's prefix
    dictionary nor jieba.posseg's 55 MB tag table."""
    code = (
        "import sys\n"
        "from annotator.analysis.wordfreq import WordTagger\n"
        "t = WordTagger(lambda s: [], ())\n"
        "print(t.tag('创新'), t.tag('揭榜挂帅式'), t.tag_among('了', frozenset({'x'})))\n"
        "print('jieba.posseg' in sys.modules, 'jieba' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.split("\n")
    assert out[1] == "False False"
    import jieba.posseg  # noqa: F401 - the same tags with posseg loaded

    tagger = __import__("annotator.analysis.wordfreq", fromlist=["WordTagger"]).WordTagger(
        lambda s: [], ())
    assert out[0].split() == [tagger.tag("创新"), tagger.tag("揭榜挂帅式"),
                              str(tagger.tag_among("了", frozenset({"x"})))]


def test_totals_merged_in_small_steps_equal_a_plain_count(monkeypatch) -> None:
    monkeypatch.setattr(word_sheet_counts, "_COMPACT_AT", 7)
    rng = np.random.default_rng(3)
    accumulator = word_sheet_counts._Accumulator()
    occurrences: Counter[int] = Counter()
    documents: Counter[int] = Counter()
    for _ in range(60):
        keys = rng.integers(0, 40, size=int(rng.integers(0, 25))) | (
            rng.integers(0, 3, size=1) << word_sheet_counts._SHIFT)
        accumulator.add_document(keys.astype(np.int64))
        occurrences.update(keys.tolist())
        documents.update(set(keys.tolist()))
    keys, counts, docs = accumulator.result()
    assert keys.tolist() == sorted(occurrences)
    assert dict(zip(keys.tolist(), counts.tolist(), strict=True)) == occurrences
    assert dict(zip(keys.tolist(), docs.tolist(), strict=True)) == documents
