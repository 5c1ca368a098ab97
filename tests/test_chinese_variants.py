"""Folding traditional characters onto simplified ones: one character for one, so offsets
into a folded text are offsets into the stored text."""

from __future__ import annotations

from pathlib import Path

from annotator.chinese.variants import fold, has_variants, same_words, table

DATA = Path(__file__).parent / "data" / "search"


def test_traditional_and_simplified_fold_together() -> None:
    assert fold("實驗室") == fold("实验室") == "实验室"
    assert fold("創新") == "创新"
    assert fold("產學研合作") == "产学研合作"
    assert fold("公共衞生") == fold("公共衛生") == "公共卫生"  # a Hong Kong variant too


def test_simplified_text_is_returned_as_is() -> None:
    text = (DATA / "cn-cujin-keji-chengguo-zhuanhua-fa-2015.txt").read_text(encoding="utf-8")
    assert not has_variants(text)
    assert fold(text) is text  # no copy: the search cache keeps one string
    assert fold("ASCII only") == "ASCII only"
    terms = frozenset({"科技成果转化", "产学研"})
    assert same_words(terms) is terms


def test_every_mapping_is_one_character_for_one() -> None:
    pairs = table()
    assert len(pairs) > 4000
    assert all(len(a) == 1 and len(b) == 1 for a, b in pairs.items())
    # Folding twice changes nothing (chains such as 薴 → 苧 → 苎 are followed).
    assert all(b not in pairs for b in pairs.values())


def test_real_traditional_texts_keep_their_length_and_offsets() -> None:
    for path in sorted(DATA.glob("[th][wk]-*.txt")):
        text = path.read_text(encoding="utf-8")
        folded = fold(text)
        assert has_variants(text), path.name
        assert len(folded) == len(text), path.name
        # Every character is itself or its folded form: the texts line up character by character.
        assert all(f == fold(c) for c, f in zip(text, folded, strict=True)), path.name


def test_characters_outside_the_basic_plane_keep_their_place() -> None:
    text = "𠮷實驗室𠮷"
    assert fold(text) == "𠮷实验室𠮷"
    assert fold(text).index("实验室") == text.index("實驗室") == 1
