"""Fuzzing the readers (annotator/importing): .txt, .html and .docx bytes built from real
sentences with hostile characters, and real files damaged byte by byte. A reader either
returns normalised text or raises ReadError naming the file — never anything else."""

from __future__ import annotations

import re
from pathlib import Path

import docx
from hypothesis import given
from hypothesis import strategies as st

from annotator.errors import ReadError
from annotator.importing import read_file
from annotator.limits import MAX_ATTRIBUTE_CHARS
from tests.fuzz_text import FUZZ, SAMPLES, mutated, texts

_LEFT_OUT = re.compile("[\r\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u200b\ufeff]")
ENCODINGS = ("utf-8", "utf-8-sig", "gb18030", "utf-16", "big5", "utf-32")
HTML_SAMPLE = (SAMPLES / "06-shuzihua-keji-zhili.html").read_bytes()
DOCX_SAMPLE = (SAMPLES / "07-waiji-rencai.docx").read_bytes()
TXT_SAMPLE = (SAMPLES / "01-chengguo-zhuanhua-fuquan.txt").read_bytes()


def read_or_refuse(path: Path) -> None:
    """The reader's whole contract: normalised text, or a ReadError for this file."""
    try:
        read = read_file(path)
    except ReadError as exc:
        assert exc.path == path
        assert exc.reason and "\n" not in exc.reason
        return
    assert read.text.strip()
    assert not _LEFT_OUT.search(read.text), "normalisation left a control or line break"
    assert read.text == read.text.strip("\n")
    assert read.title.strip()
    assert all(len(v) <= MAX_ATTRIBUTE_CHARS for v in read.attributes.values())


@FUZZ
@given(texts(), st.sampled_from(ENCODINGS))
def test_text_files_in_any_encoding(tmp_path: Path, text: str, encoding: str) -> None:
    path = tmp_path / "文章.txt"
    path.write_bytes(text.encode(encoding, errors="ignore"))
    read_or_refuse(path)


@FUZZ
@given(mutated(TXT_SAMPLE[:3000]))
def test_damaged_text_files(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "damaged.txt"
    path.write_bytes(data)
    read_or_refuse(path)


@FUZZ
@given(texts(15), texts(4), st.sampled_from(("utf-8", "gb18030")))
def test_web_pages_made_of_real_and_hostile_text(tmp_path: Path, body: str, title: str,
                                                 encoding: str) -> None:
    charset = "gb2312" if encoding == "gb18030" else encoding
    page = (f'<html><head><meta charset="{charset}"><title>{title}</title>'
            f'<meta name="author" content="{title}"></head><body><div class="article">'
            + "".join(f"<p>{line}</p>" for line in body.split("\n")) + "</div></body></html>")
    path = tmp_path / "page.html"
    path.write_bytes(page.encode(encoding, errors="ignore"))
    read_or_refuse(path)


@FUZZ
@given(mutated(HTML_SAMPLE))
def test_damaged_web_pages(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "damaged.htm"
    path.write_bytes(data)
    read_or_refuse(path)


@FUZZ
@given(st.lists(texts(6), min_size=1, max_size=6), texts(3))
def test_word_documents_with_hostile_paragraphs(tmp_path: Path, paragraphs: list[str],
                                                title: str) -> None:
    document = docx.Document()
    for paragraph in paragraphs:
        # Word cannot hold XML-illegal characters; what it can hold, it is given.
        document.add_paragraph(re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ufdd0]", "",
                                      paragraph))
    document.core_properties.title = re.sub("[\x00-\x1f\ufdd0]", "", title)[:200]
    path = tmp_path / "文档.docx"
    document.save(path)
    read_or_refuse(path)


@FUZZ
@given(mutated(DOCX_SAMPLE, max_edits=4))
def test_damaged_word_documents(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "damaged.docx"
    path.write_bytes(data)
    read_or_refuse(path)
