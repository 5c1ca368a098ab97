"""Agreement figures checked against independent implementations.

Every number the core reports is recomputed here from the project's passages by brute force:
presence vectors per unit and per character built with numpy, then scikit-learn's
``cohen_kappa_score``, the ``krippendorff`` package (np.nan for missing coders), and Holsti's
R / CR written out by hand.
"""

from __future__ import annotations

import random
import warnings
from itertools import combinations
from pathlib import Path

import krippendorff
import numpy as np
import pytest
from sklearn.metrics import cohen_kappa_score

from annotator.analysis.agreement import agreement, analyse, disagreements
from annotator.analysis.agreement_data import AgreementError
from annotator.analysis.agreement_measures import Reason
from annotator.analysis.agreement_units import document_units
from annotator.analysis.filters import Filters
from annotator.errors import NotFoundError
from annotator.importing.normalise import normalise_text
from annotator.project import Project

POOL = "科技创新改革试验区域协同机制政策人才资金平台成果转化产业链融合开放合作"


# -- building projects through the Project API ----------------------------------------------


def build(tmp_path: Path, texts, codings, *, codes=("A", "B", "C"), attributes=None):
    """A project with ``texts`` as documents and ``codings`` = {coder: [(doc index, code name,
    start, end)]}; returns (project, documents, {code name: id})."""
    project = Project.create(tmp_path / "agree.annot", coder="nobody")
    docs = [
        project.add_document(f"文档{i + 1}", text,
                             attributes=(attributes[i] if attributes else None))
        for i, text in enumerate(texts)
    ]
    code_ids: dict[str, int] = {}
    for name in codes:
        parent, _, leaf = name.rpartition("/")
        code_ids[name] = project.add_code(leaf, parent_id=code_ids.get(parent)).id
    for coder, items in codings.items():
        project.set_coder(coder)
        for doc_index, code, start, end in items:
            project.apply_code(docs[doc_index].id, code_ids[code], start, end)
    return project, docs, code_ids


def random_text(rng: random.Random) -> str:
    lines = []
    for _ in range(rng.randint(2, 7)):
        if rng.random() < 0.15:
            lines.append("")  # blank lines between paragraphs
        sentences = [
            "".join(rng.choice(POOL) for _ in range(rng.randint(3, 12))) + rng.choice("。；！")
            for _ in range(rng.randint(1, 3))
        ]
        lines.append("".join(sentences))
    return normalise_text("\n".join(lines))  # as stored, so offsets stay valid


def random_codings(rng, texts, coders, codes, *, skip=0.0, passages=25):
    """The first coder codes at random; the others copy some of those passages (shifted a
    little) and add their own, so agreement is neither 0 nor 1. With ``skip``, a coder leaves
    out whole documents (missing data)."""
    first: list[tuple[int, str, int, int]] = []
    out = {}
    for n, coder in enumerate(coders):
        skipped = {i for i in range(len(texts)) if n and rng.random() < skip}
        items = []
        for _ in range(passages):
            if n and first and rng.random() < 0.6:
                doc, code, start, end = rng.choice(first)
                start = min(len(texts[doc]) - 1, max(0, start + rng.randint(-3, 3)))
                end = min(len(texts[doc]), max(start + 1, end + rng.randint(-3, 3)))
            else:
                doc = rng.randrange(len(texts))
                start = rng.randrange(len(texts[doc]))
                end = min(len(texts[doc]), start + rng.randint(1, 30))
                code = rng.choice(codes)
            if doc not in skipped:
                items.append((doc, code, start, end))
        if n == 0:
            first = items
        out[coder] = items
    return out


# -- the independent reference ---------------------------------------------------------------


class Reference:
    """Brute-force presence matrices (coders × items, np.nan = coder missing)."""

    def __init__(self, project, coders, code_ids, unit_kind="paragraph", coded=None):
        passages = [p for p in project.passages() if p.coder_name in coders]
        if coded is None:  # a coder coded the documents they have a passage in
            coded = {c: {p.document_id for p in passages if p.coder_name == c} for c in coders}
        self.coders = list(coders)
        self.docs = []
        for doc in project.documents():
            who = [c for c in coders if doc.id in coded[c]]
            if len(who) >= 2:
                text = project.document_text(doc.id)
                self.docs.append((doc, text, document_units(doc.number, text, unit_kind), who))
        self.units, self.chars = {}, {}
        for code_id in code_ids:
            unit_cols, char_cols = [], []
            for doc, text, units, who in self.docs:
                mine = [p for p in passages if p.document_id == doc.id and p.code_id == code_id]
                u = np.full((len(coders), len(units)), np.nan)
                ch = np.full((len(coders), len(text)), np.nan)
                for i, coder in enumerate(coders):
                    if coder not in who:
                        continue
                    spans = [(p.start, p.end) for p in mine if p.coder_name == coder]
                    u[i] = [any(s < unit.end and unit.start < e for s, e in spans)
                            for unit in units]
                    ch[i] = 0
                    for s, e in spans:
                        ch[i, s:e] = 1
                unit_cols.append(u)
                char_cols.append(ch)
            self.units[code_id] = np.hstack(unit_cols) if unit_cols else np.zeros((len(coders), 0))
            self.chars[code_id] = np.hstack(char_cols) if char_cols else np.zeros((len(coders), 0))
        self.used = [c for c in code_ids if np.nansum(self.chars[c]) > 0]

    def pooled(self, kind):
        matrices = self.units if kind == "units" else self.chars
        if not self.used:
            return np.zeros((len(self.coders), 0))
        return np.hstack([matrices[c] for c in self.used])


def pair_vectors(matrix, i, j):
    both = ~np.isnan(matrix[i]) & ~np.isnan(matrix[j])
    return matrix[i, both].astype(int), matrix[j, both].astype(int)


def sk_kappa(a, b):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        value = cohen_kappa_score(a, b) if len(a) else float("nan")
    return None if np.isnan(value) else value


def kr_alpha(matrix):
    try:
        return krippendorff.alpha(reliability_data=matrix, level_of_measurement="nominal")
    except ValueError:  # fewer than two values in use, or no pairable unit
        return None


def expected(matrix):
    """Percent agreement, Holsti R, CR, κ (two coders) and α of one coders × items matrix."""
    n = matrix.shape[0]
    percents, rs, coders_in = [], [], set()
    for i, j in combinations(range(n), 2):
        a, b = pair_vectors(matrix, i, j)
        if not len(a):
            continue
        coders_in |= {i, j}
        percents.append(np.mean(a == b))
        if a.sum() + b.sum():
            rs.append(2 * np.sum(a & b) / (a.sum() + b.sum()))
    r = float(np.mean(rs)) if rs else None
    k = len(coders_in)
    return {
        "percent": float(np.mean(percents)) if percents else None,
        "holsti": r,
        "composite": None if r is None else k * r / (1 + (k - 1) * r),
        "kappa": sk_kappa(*pair_vectors(matrix, 0, 1)) if n == 2 else None,
        "alpha": kr_alpha(matrix),
    }


def char_expected(matrix):
    n = matrix.shape[0]
    percents = [np.mean(a == b) for i, j in combinations(range(n), 2)
                for a, b in [pair_vectors(matrix, i, j)] if len(a)]
    return {
        "char_percent": float(np.mean(percents)) if percents else None,
        "char_kappa": sk_kappa(*pair_vectors(matrix, 0, 1)) if n == 2 else None,
    }


def assert_row(row, unit_matrix, char_matrix):
    want = expected(unit_matrix) | char_expected(char_matrix)
    got = {k: f.value for k, f in row.figures().items()}
    for key, value in want.items():
        if value is None:
            assert got[key] is None, (row.label, key, got[key])
        else:
            assert got[key] == pytest.approx(value, abs=1e-9), (row.label, key)


def assert_report(report, ref: Reference, code_ids):
    assert [r.code_id for r in report.rows] == list(code_ids)
    for code_id in code_ids:
        assert_row(report.row(code_id), ref.units[code_id], ref.chars[code_id])
    assert report.used_codes == len(ref.used)
    assert_row(report.overall, ref.pooled("units"), ref.pooled("chars"))
    assert report.units == sum(len(units) for _, _, units, _ in ref.docs)
    assert report.characters == sum(len(text) for _, text, _, _ in ref.docs)


# -- random cases ------------------------------------------------------------------------------


@pytest.mark.parametrize("seed", range(6))
def test_two_coders_random_match_sklearn_and_krippendorff(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    texts = [random_text(rng) for _ in range(rng.randint(2, 4))]
    codings = random_codings(rng, texts, ["甲", "乙"], ["A", "A/A1", "B", "C"])
    project, _, code_ids = build(tmp_path, texts, codings, codes=("A", "A/A1", "B", "C"))
    with project:
        report = agreement(project)
        assert report.coders == ("甲", "乙")
        assert all(f.value is not None for f in report.overall.figures().values())
        assert_report(report, Reference(project, ["甲", "乙"], code_ids.values()),
                      list(code_ids.values()))


@pytest.mark.parametrize("seed", range(4))
def test_three_coders_with_missing_documents(tmp_path: Path, seed: int) -> None:
    rng = random.Random(100 + seed)
    texts = [random_text(rng) for _ in range(4)]
    codings = random_codings(rng, texts, ["甲", "乙", "丙"], ["A", "B"], skip=0.35, passages=30)
    project, _, code_ids = build(tmp_path, texts, codings, codes=("A", "B"))
    with project:
        coders = [c for c in ("甲", "乙", "丙") if codings[c]]
        report = agreement(project)
        ref = Reference(project, coders, code_ids.values())
        assert_report(report, ref, list(code_ids.values()))
        assert report.overall.alpha.value is not None
        if len(coders) == 3:
            assert report.overall.kappa.reason is Reason.TWO_CODERS_ONLY
            assert report.overall.composite.n == 3


@pytest.mark.parametrize("seed", range(3))
def test_sentence_units_random(tmp_path: Path, seed: int) -> None:
    rng = random.Random(200 + seed)
    texts = [random_text(rng) for _ in range(3)]
    codings = random_codings(rng, texts, ["甲", "乙"], ["A", "B"])
    project, _, code_ids = build(tmp_path, texts, codings, codes=("A", "B"))
    with project:
        report = agreement(project, unit_kind="sentence")
        ref = Reference(project, ["甲", "乙"], code_ids.values(), unit_kind="sentence")
        assert_report(report, ref, list(code_ids.values()))
        assert report.rows[0].percent.unit == "sentence"


def test_character_level_per_document_matches_sklearn(tmp_path: Path) -> None:
    rng = random.Random(7)
    texts = [random_text(rng) for _ in range(3)]
    codings = random_codings(rng, texts, ["甲", "乙"], ["A", "B"])
    project, docs, code_ids = build(tmp_path, texts, codings, codes=("A", "B"))
    with project:
        assert agreement(project).by_document == ()  # only on request
        report = agreement(project, by_document=True)
        assert report.by_document
        for row in report.by_document:
            text = project.document_text(row.document_id)
            vectors = []
            for coder in ("甲", "乙"):
                v = np.zeros(len(text), dtype=int)
                for p in project.passages(code_id=row.code_id, document_id=row.document_id):
                    if p.coder_name == coder:
                        v[p.start:p.end] = 1
                vectors.append(v)
            assert row.characters == len(text)
            assert row.percent.value == pytest.approx(np.mean(vectors[0] == vectors[1]))
            want = sk_kappa(*vectors)
            assert (row.kappa.value is None) == (want is None)
            if want is not None:
                assert row.kappa.value == pytest.approx(want, abs=1e-9)


# -- hand-computed cases and edge cases ------------------------------------------------------

TEN = "\n".join(f"第{i}段规定的内容。" for i in range(10))  # plain paragraphs, 1-0-k
STARTS = [TEN.index(f"第{i}段") for i in range(10)]


def paragraph(i: int, length: int = 3) -> tuple[int, int]:
    return STARTS[i], STARTS[i] + length


def test_holsti_and_cr_by_hand(tmp_path: Path) -> None:
    # 甲 codes paragraphs 0–3, 乙 paragraphs 2–5: M = 2, N1 = N2 = 4.
    codings = {
        "甲": [(0, "A", *paragraph(i)) for i in range(4)],
        "乙": [(0, "A", *paragraph(i)) for i in range(2, 6)],
    }
    project, _, ids = build(tmp_path, [TEN], codings, codes=("A",))
    with project:
        row = agreement(project).row(ids["A"])
    counts = row.two_coder_counts
    assert (counts.m, counts.n1, counts.n2, counts.units) == (2, 4, 4, 10)
    assert row.holsti.value == pytest.approx(2 * 2 / (4 + 4))  # 0.5
    assert row.composite.value == pytest.approx(2 * 0.5 / (1 + 0.5))  # 0.667
    assert row.percent.value == pytest.approx(6 / 10)
    assert row.kappa.value == pytest.approx((0.6 - 0.52) / (1 - 0.52))
    assert (row.percent.n, row.percent.unit) == (10, "paragraph")
    assert (row.holsti.n, row.holsti.unit) == (8, "coding decision")
    assert row.alpha.value == pytest.approx(1 - 19 * 4 / (12 * 8))


def test_perfect_agreement(tmp_path: Path) -> None:
    same = [(0, "A", *paragraph(1)), (0, "A", *paragraph(4, 5)), (0, "B", 40, 70)]
    project, _, ids = build(tmp_path, [TEN], {"甲": same, "乙": same}, codes=("A", "B"))
    with project:
        report, found = analyse(project)
    for row in (*report.rows, report.overall):
        for key, figure in row.figures().items():
            assert figure.value == pytest.approx(1.0), (row.label, key)
    assert found == []


def test_code_nobody_used_is_na_with_reason_not_nan(tmp_path: Path) -> None:
    codings = {"甲": [(0, "A", *paragraph(1))], "乙": [(0, "A", *paragraph(2))]}
    project, _, ids = build(tmp_path, [TEN], codings, codes=("A", "B"))
    with project:
        report = agreement(project)
    unused = report.row(ids["B"])
    for key in ("holsti", "composite", "kappa", "alpha", "char_kappa"):
        figure = unused.figures()[key]
        assert figure.value is None and figure.reason is Reason.NOT_APPLIED, key
        assert figure.text() == "n/a"
    assert unused.percent.value == 1.0  # agreeing that it is absent everywhere
    # The overall row pools only codes someone used: it equals code A's row.
    assert report.used_codes == 1
    assert report.overall.kappa.value == pytest.approx(report.row(ids["A"]).kappa.value)


def test_one_coder_empty(tmp_path: Path) -> None:
    codings = {"甲": [(0, "A", *paragraph(1)), (0, "A", *paragraph(3))]}
    project, docs, ids = build(tmp_path, [TEN], codings, codes=("A",))
    with project:
        project.set_coder("乙")  # a coder with no passages at all
        # By default 乙 coded no document: nothing to compare, every figure n/a.
        row = agreement(project, coders=["甲", "乙"]).row(ids["A"])
        assert all(f.value is None for f in row.figures().values())
        assert row.kappa.reason is Reason.NO_SHARED_UNITS
        assert disagreements(project, coders=["甲", "乙"]) == []
        # Said to have coded everything, 乙 disagrees wherever 甲 coded.
        report = agreement(project, coders=["甲", "乙"], coded_documents="all")
        ref = Reference(project, ["甲", "乙"], [ids["A"]], coded={"甲": {docs[0].id},
                                                                 "乙": {docs[0].id}})
        assert_report(report, ref, [ids["A"]])
        assert report.row(ids["A"]).kappa.value == pytest.approx(0.0)
        assert report.row(ids["A"]).holsti.value == 0.0


def test_single_unit(tmp_path: Path) -> None:
    text = "推动跨区域协同创新。"
    project, _, ids = build(tmp_path, [text], {"甲": [(0, "A", 0, 2)], "乙": [(0, "B", 3, 5)]},
                            codes=("A", "B"))
    with project:
        report = agreement(project)
        ref = Reference(project, ["甲", "乙"], ids.values())
        assert_report(report, ref, list(ids.values()))
        assert report.units == 1
        assert report.row(ids["A"]).kappa.value == pytest.approx(0.0)
        # Both coders present in the only unit: no variation, κ and α undefined.
        project.set_coder("乙")
        project.apply_code(report.documents[0], ids["A"], 5, 7)
        row = agreement(project).row(ids["A"])
    assert row.percent.value == 1.0 and row.holsti.value == 1.0
    assert row.kappa.value is None and row.kappa.reason is Reason.EVERYWHERE
    assert row.alpha.value is None and row.alpha.reason is Reason.EVERYWHERE


def test_three_coders_alpha_and_cr_by_hand(tmp_path: Path) -> None:
    codings = {
        "甲": [(0, "A", *paragraph(i)) for i in (0, 1, 2)],
        "乙": [(0, "A", *paragraph(i)) for i in (0, 1)],
        "丙": [(0, "A", *paragraph(i)) for i in (0, 1, 2, 3)],
    }
    project, _, ids = build(tmp_path, [TEN], codings, codes=("A",))
    with project:
        row = agreement(project).row(ids["A"])
        ref = Reference(project, ["甲", "乙", "丙"], [ids["A"]])
    # Pairs: 甲乙 R = 4/5, 甲丙 R = 6/7, 乙丙 R = 4/6.
    mean_r = (4 / 5 + 6 / 7 + 4 / 6) / 3
    assert row.holsti.value == pytest.approx(mean_r)
    assert row.composite.value == pytest.approx(3 * mean_r / (1 + 2 * mean_r))
    assert row.alpha.value == pytest.approx(kr_alpha(ref.units[ids["A"]]))
    assert row.kappa.reason is Reason.TWO_CODERS_ONLY
    assert len(row.pairs) == 3


# -- units, disagreements, filters ----------------------------------------------------------


def test_presence_rule_overlap_by_one_character(tmp_path: Path) -> None:
    newline = TEN.index("\n")
    codings = {
        # ends on the first character of paragraph 1: present in paragraphs 0 and 1
        "甲": [(0, "A", STARTS[0] + 2, STARTS[1] + 1)],
        # only the line break between paragraphs 0 and 1: in no unit
        "乙": [(0, "A", newline, newline + 1)],
    }
    project, _, ids = build(tmp_path, [TEN], codings, codes=("A",))
    with project:
        counts = agreement(project).row(ids["A"]).two_coder_counts
    assert (counts.n1, counts.n2, counts.m) == (2, 0, 0)
    assert (counts.chars_a, counts.chars_b, counts.chars_both) == (newline, 1, 1)


def test_disagreement_list(tmp_path: Path) -> None:
    codings = {
        "甲": [(0, "A", *paragraph(1)), (0, "A", *paragraph(2)), (1, "B", 0, 2)],
        "乙": [(0, "A", *paragraph(2)), (0, "A", *paragraph(5)), (1, "B", 3, 4)],
        "丙": [(0, "A", *paragraph(2))],  # coded document 1 only
    }
    project, docs, ids = build(tmp_path, [TEN, "第二篇文章。\n只有两段。"], codings,
                               codes=("A", "B"))
    with project:
        found = disagreements(project)
        passages = {(p.coder_name, p.start): p.id for p in project.passages()}
    assert [(d.document_number, d.unit_number, d.code_label, d.coders_with, d.coders_without)
            for d in found] == [
        (1, "1-0-2", "A", ("甲",), ("乙", "丙")),
        (1, "1-0-6", "A", ("乙",), ("甲", "丙")),
    ]  # document 2: both coders coded B in its first paragraph, so no disagreement there
    first = found[0]
    assert (first.unit_start, first.unit_end) == (STARTS[1], STARTS[2] - 1)
    assert first.unit_text == "第1段规定的内容。"
    assert first.passage_ids == (passages["甲", STARTS[1]],)


def test_filters_coders_documents_codes(tmp_path: Path) -> None:
    rng = random.Random(42)
    texts = [random_text(rng) for _ in range(4)]
    codes = ("A", "A/A1", "A/A2", "B")
    codings = random_codings(rng, texts, ["甲", "乙", "丙"], list(codes), passages=40)
    regions = [{"地区": "京津冀"}, {"地区": "长三角"}, {"地区": "京津冀"}, {"地区": "粤港澳"}]
    project, docs, ids = build(tmp_path, texts, codings, codes=codes, attributes=regions)
    with project:
        # Two of three coders, documents by attribute, the A branch by path.
        report = agreement(project, coders=["丙", "甲"], documents={"地区": "京津冀"},
                           codes="A")
        branch = [ids["A"], ids["A/A1"], ids["A/A2"]]
        assert report.coders == ("丙", "甲")
        assert set(report.documents) <= {docs[0].id, docs[2].id}
        assert report.selected_documents == 2
        # The same comparison computed on the whole project restricted by hand.
        passages_ok = {docs[0].id, docs[2].id}
        ref = Reference(project, ["丙", "甲"], branch,
                        coded={c: {p.document_id for p in project.passages()
                                   if p.coder_name == c and p.document_id in passages_ok}
                               for c in ("丙", "甲")})
        assert_report(report, ref, branch)
        # Documents by id give the same figures.
        by_id = agreement(project, coders=["丙", "甲"], documents=[docs[0].id, docs[2].id],
                          codes=[ids["A"]])
        assert by_id.overall == report.overall
        # The tables' Filters choose the same: one home for filters.
        coder_ids = {c.name: c.id for c in project.coders()}
        tables = Filters(attributes={"地区": ["京津冀"]}, code_ids=[ids["A"]],
                         coder_ids=[coder_ids["甲"], coder_ids["丙"]])
        by_filters = agreement(project, coders=["丙", "甲"], filters=tables)
        assert by_filters.overall == report.overall
        assert by_filters.selected_documents == 2
        # ... and narrow agreement's own arguments further.
        narrowed = agreement(project, codes="A", filters=Filters(document_ids=[docs[0].id]))
        assert narrowed.selected_documents == 1


def test_needs_two_coders(tmp_path: Path) -> None:
    project, _, _ = build(tmp_path, [TEN], {"甲": [(0, "A", 0, 3)]}, codes=("A",))
    with project:
        with pytest.raises(AgreementError):
            agreement(project)
        with pytest.raises(AgreementError):
            agreement(project, coders=["甲"])
        with pytest.raises(NotFoundError):
            agreement(project, coders=["甲", "没有这个人"])
        with pytest.raises(NotFoundError):
            agreement(project, codes="不存在")


def test_explicit_list_of_coded_documents(tmp_path: Path) -> None:
    rng = random.Random(9)
    texts = [random_text(rng) for _ in range(3)]
    codings = random_codings(rng, texts, ["甲", "乙", "丙"], ["A", "B"])
    project, docs, ids = build(tmp_path, texts, codings, codes=("A", "B"))
    # 丙 says they read only the first document (passages elsewhere are left out); 乙 read
    # all three, so 乙's silence in a document counts as "absent", not "missing".
    coded = {"甲": {d.id for d in docs}, "乙": {d.id for d in docs}, "丙": {docs[0].id}}
    with project:
        report = agreement(project, coded_documents={k: list(v) for k, v in coded.items()})
        assert report.coded_rule == "list"
        ref = Reference(project, ["甲", "乙", "丙"], ids.values(), coded=coded)
        assert_report(report, ref, list(ids.values()))


def test_a_coder_named_in_the_list_who_coded_nothing_is_compared(tmp_path: Path) -> None:
    rng = random.Random(11)
    texts = [random_text(rng) for _ in range(3)]
    codings = random_codings(rng, texts, ["甲", "乙"], ["A", "B"])
    codings["丙"] = []  # read every document, found nothing to code
    project, docs, ids = build(tmp_path, texts, codings, codes=("A", "B"))
    coded = {name: {d.id for d in docs} for name in ("甲", "乙", "丙")}
    with project:
        report = agreement(project, coded_documents={k: list(v) for k, v in coded.items()})
        assert report.coders == ("甲", "乙", "丙")
        ref = Reference(project, ["甲", "乙", "丙"], ids.values(), coded=coded)
        assert_report(report, ref, list(ids.values()))


SAMPLES = Path(__file__).parent.parent / "samples"


def test_sample_articles_two_coders(tmp_path: Path) -> None:
    """The sample articles coded by keyword: 甲 codes every keyword of the regional-innovation
    codebook where it occurs; 乙 misses some, widens some to the sentence and puts some under
    a neighbouring code."""
    rng = random.Random(2024)
    project = Project.create(tmp_path / "samples.annot", codebook="regional-innovation")
    with project:
        project.import_files([SAMPLES])
        codes = [c for c in project.codes() if c.keywords]
        found = []
        for doc in project.documents():
            text = project.document_text(doc.id)
            for code in codes:
                for word in code.keywords:
                    at = text.find(word)
                    while at >= 0:
                        found.append((doc.id, code.id, at, at + len(word)))
                        at = text.find(word, at + 1)
        assert len(found) > 100
        project.set_coder("甲")
        for doc_id, code_id, start, end in found:
            project.apply_code(doc_id, code_id, start, end)
        project.set_coder("乙")
        for doc_id, code_id, start, end in found:
            roll = rng.random()
            if roll < 0.15:
                continue
            if roll < 0.3:
                text = project.document_text(doc_id)
                start = max(0, text.rfind("。", 0, start) + 1)
                end = min(len(text), max(end, text.find("。", end) + 1))
            elif roll < 0.4:
                code_id = rng.choice(codes).id
            project.apply_code(doc_id, code_id, start, end)

        report, listed = analyse(project)
        ids = [c.id for c in project.codes()]
        assert_report(report, Reference(project, ["甲", "乙"], ids), ids)
        assert len(report.documents) == len(project.documents())
        assert 0.3 < report.overall.kappa.value < 0.95
        assert listed and all(d.coders_with in (("甲",), ("乙",)) for d in listed)
