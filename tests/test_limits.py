"""The documented input limits (annotator/limits.py): a file past one is refused before the
work it would cost, with a message naming the file and the limit; memory stays bounded."""

from __future__ import annotations

import io
import struct
import time
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from annotator import limits
from annotator.errors import CodebookFormatError, ReadError
from annotator.importing import read_file

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_DOCX = ROOT / "samples" / "07-waiji-rencai.docx"
SAMPLE_TXT = ROOT / "samples" / "01-chengguo-zhuanhua-fuquan.txt"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def sample_sentences() -> list[str]:
    text = SAMPLE_TXT.read_text(encoding="utf-8")
    return [s + "。" for s in text.replace("\n", "").split("。") if s.strip()]


def lie_about_size(path: Path, entry: str, size: int) -> None:
    """Rewrite the uncompressed size ``entry`` declares (local header and directory)."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo(entry)
    struct.pack_into("<I", data, info.header_offset + 22, size)
    central = data.find(b"PK\x01\x02")
    name = entry.encode()
    while central != -1:
        if data[central + 46: central + 46 + len(name)] == name:
            struct.pack_into("<I", data, central + 24, size)
            break
        central = data.find(b"PK\x01\x02", central + 4)
    path.write_bytes(bytes(data))


def docx_with_body(tmp_path: Path, name: str, body: bytes, core: bytes | None = None) -> Path:
    """samples/07's .docx with its document.xml replaced by ``body`` (and docProps/core.xml
    by ``core``)."""
    target = tmp_path / name
    with zipfile.ZipFile(SAMPLE_DOCX) as src, zipfile.ZipFile(
            target, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as out:
        for info in src.infolist():
            if info.filename == "word/document.xml":
                out.writestr(info.filename, body)
            elif info.filename == "docProps/core.xml" and core is not None:
                out.writestr(info.filename, core)
            else:
                out.writestr(info, src.read(info))
    return target


def body_xml(paragraphs: list[str], filler: int = 0) -> bytes:
    runs = "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in paragraphs)
    return (f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}"><w:body>{runs}'
            .encode() + b"<w:p/>" * filler + b"</w:body></w:document>")


# -- text size ------------------------------------------------------------------------------


def test_a_text_file_past_the_size_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    big = tmp_path / "一行.txt"
    with big.open("wb") as fh:  # sparse: no 16 MB written, and none read
        fh.write(sample_sentences()[0].encode())
        fh.truncate(limits.MAX_TEXT_FILE_BYTES + 1)
    tracemalloc.start()
    started = time.perf_counter()
    try:
        with pytest.raises(ReadError) as caught:
            read_file(big)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert time.perf_counter() - started < 1
    assert peak < 1_000_000
    assert caught.value.path == big
    assert "more than the limit of 16.0 MB" in caught.value.reason


def test_a_file_whose_size_stat_does_not_tell_is_read_no_further_than_the_limit(
        tmp_path: Path) -> None:
    zero = tmp_path / "zero.txt"
    zero.symlink_to("/dev/zero")  # stat says 0 bytes; reading never ends
    with pytest.raises(ReadError, match="more than the limit of 16 MB"):
        read_file(zero)


def test_text_past_the_character_limit_is_refused_naming_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from annotator.importing import extracted

    monkeypatch.setattr(extracted, "MAX_DOCUMENT_CHARS", 1_000)
    line = "".join(sample_sentences())[:1_001]
    path = tmp_path / "long.txt"
    path.write_text(line, encoding="utf-8")
    with pytest.raises(ReadError, match=r"1,001 characters, more than the limit of 1,000"):
        read_file(path)
    path.write_text(line[:1_000], encoding="utf-8")
    assert read_file(path).text == line[:1_000]


def test_a_long_single_line_within_the_limits_is_imported_whole(tmp_path: Path) -> None:
    line = "".join(sample_sentences() * 40)  # one line, no newline: ~100,000 characters
    path = tmp_path / "one-line.txt"
    path.write_text(line, encoding="utf-8")
    assert read_file(path).text == line


# -- archive expansion -----------------------------------------------------------------------


def test_a_docx_bomb_declaring_its_size_is_refused_at_once(tmp_path: Path) -> None:
    bomb = docx_with_body(tmp_path, "bomb.docx", body_xml(sample_sentences()[:2]))
    lie_about_size(bomb, "word/document.xml", 1_500_000_000)  # what a 1.5 GB part declares
    started = time.perf_counter()
    with pytest.raises(ReadError) as caught:
        read_file(bomb)
    assert time.perf_counter() - started < 2
    assert caught.value.path == bomb
    assert "word/document.xml" in caught.value.reason
    assert f"more than the limit of {limits.DOCX_LIMITS.max_entry_bytes}" in caught.value.reason


def test_a_docx_whose_part_expands_past_what_it_declares_stays_in_bounded_memory(
        tmp_path: Path) -> None:
    # 100 MB of empty paragraphs (about 100 kB packed) declaring 10 kB: zipfile alone
    # would inflate all of it in one piece before cutting it to the declared size.
    body = body_xml(sample_sentences()[:2], filler=100_000_000 // 6)
    liar = docx_with_body(tmp_path, "liar.docx", body)
    del body
    lie_about_size(liar, "word/document.xml", 10_000)
    tracemalloc.start()
    try:
        with pytest.raises(ReadError, match="corrupt"):
            read_file(liar)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 30_000_000


def test_a_real_docx_still_reads_through_the_checked_copy() -> None:
    read = read_file(SAMPLE_DOCX)
    assert read.title == "优化外籍人才引进服务 建设开放创新人才高地"
    assert "人才是创新的第一资源" in read.text


def test_docx_with_too_many_entries_is_refused(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from annotator.importing import docx_file

    monkeypatch.setattr(docx_file, "DOCX_LIMITS", limits.ArchiveLimits(
        max_total_bytes=limits.DOCX_LIMITS.max_total_bytes,
        max_entry_bytes=limits.DOCX_LIMITS.max_entry_bytes, max_entries=3))
    with pytest.raises(ReadError, match="entries is more than the limit of 3"):
        read_file(SAMPLE_DOCX)


def test_xlsx_codebook_bomb_is_refused_naming_the_file_and_limit(tmp_path: Path) -> None:
    from openpyxl import Workbook

    from annotator.exchange.codebook_xlsx import read_codebook_xlsx
    from annotator.exchange.results import CodebookImportReport

    book = tmp_path / "编码表.xlsx"
    wb = Workbook()
    wb.active.append(["一级", "二级"])
    wb.active.append(["供给型", "人才培养"])
    wb.save(book)
    lie_about_size(book, "xl/worksheets/sheet1.xml", 1_500_000_000)
    with pytest.raises(CodebookFormatError) as caught:
        read_codebook_xlsx(book, CodebookImportReport(book))
    assert str(book) in str(caught.value)
    assert "more than the limit" in str(caught.value)


# -- attributes ------------------------------------------------------------------------------


def test_an_attribute_past_the_size_limit_is_left_out_with_a_warning(tmp_path: Path) -> None:
    keywords = "、".join(sample_sentences() * 20)[:5_000]
    core = (
        '<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.'
        'openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/'
        f'dc/elements/1.1/"><dc:creator>李哲</dc:creator><cp:keywords>{keywords}</cp:keywords>'
        "</cp:coreProperties>").encode()
    path = docx_with_body(tmp_path, "kw.docx", body_xml(sample_sentences()[:3]), core=core)
    read = read_file(path)
    assert "关键词" not in read.attributes
    assert read.attributes.get("作者") == "李哲"
    assert any("关键词" in w and "limit of 1,000" in w for w in read.warnings)


def test_the_shared_helper_counts_what_is_read_against_the_budget() -> None:
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("a.xml", b"<a/>" * 1000)
        zf.writestr("b.xml", b"<b/>" * 1000)
    small = limits.ArchiveLimits(max_total_bytes=6_000, max_entry_bytes=10_000,
                                 max_entries=10)
    with zipfile.ZipFile(data) as zf:
        budget = limits.Budget(small.max_total_bytes, "t.zip", ValueError)
        assert len(limits.read_entry(zf, zf.getinfo("a.xml"), budget)) == 4000
        with pytest.raises(ValueError, match="expands past the limit of 6000 bytes"):
            limits.read_entry(zf, zf.getinfo("b.xml"), budget)


def test_jieba_is_never_given_a_run_longer_than_the_bound(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """jieba's HMM is quadratic in a run of characters it has no words for (a line of rare
    hanzi): the segmenter hands it pieces of at most _MAX_RUN characters, so a long line
    costs linear time (figures: benchmarks/bench_hostile.py)."""
    from annotator.chinese import segment

    segmenter = segment.Segmenter(frozenset({"科技成果"}))
    real_cut = segmenter.jieba_tokenizer.cut
    given: list[int] = []

    def cut(text: str):  # noqa: ANN202 - jieba's generator
        given.append(len(text))
        return real_cut(text)

    monkeypatch.setattr(segmenter.jieba_tokenizer, "cut", cut)
    text = "丂丄丅" * 3_000 + "".join(sample_sentences()) + "丂" * 1_000
    tokens = segmenter.token_spans(text)
    assert max(given) <= segment._MAX_RUN
    assert "".join(word for word, _, _ in tokens) == text
    assert all(text[s:e] == w for w, s, e in tokens)


def test_real_text_segments_exactly_as_jieba_cuts_it_whole() -> None:
    import jieba

    from annotator.chinese.segment import segmenter_for

    text = SAMPLE_TXT.read_text(encoding="utf-8") * 3
    words = [w for w, _, _ in segmenter_for(frozenset()).token_spans(text)]
    assert words == list(jieba.cut(text))
