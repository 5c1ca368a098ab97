"""Codebook files (annotator.codebook_file), the shipped codebooks and the samples folder."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from annotator.codebook_file import (
    Codebook,
    CodeSpec,
    dump_codebook,
    iter_codes,
    load_codebook,
    resolve_codebook,
    shipped_codebooks,
)
from annotator.errors import CodebookFormatError

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
COLOUR = re.compile(r"^#[0-9A-F]{6}$")
HAN = re.compile(r"[\u4e00-\u9fff]")

REGIONAL_TOP = [
    "法治保障",
    "党对科技工作的领导",
    "政府科技管理职能转变",
    "科技力量体系",
    "创新要素配置",
    "区域协同创新",
    "创新链产业链融合",
    "数字化改革",
    "试点推广",
    "开放创新",
]
INSTRUMENTS = {
    "供给型": ["人才培养", "资金投入", "技术支持", "公共服务", "基础设施建设"],
    "环境型": ["目标规划", "金融支持", "税收优惠", "法规管制", "策略性措施"],
    "需求型": ["政府采购", "服务外包", "贸易管制", "海外机构", "示范工程"],
}


def write(tmp_path: Path, text: str, name: str = "book.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def luminance(colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(int(colour[i : i + 2], 16)) for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


# -- shipped codebooks --------------------------------------------------------------------------


def test_shipped_codebooks_are_found() -> None:
    shipped = shipped_codebooks()
    assert {"regional-innovation", "policy-instruments"} <= set(shipped)
    for name, path in shipped.items():
        assert path.is_file()
        assert load_codebook(path).name == name


@pytest.mark.parametrize("name", ["regional-innovation", "policy-instruments"])
def test_shipped_codebook_is_well_formed(name: str) -> None:
    book = load_codebook(shipped_codebooks()[name])
    assert book.title and book.description
    colours: list[str] = []
    shortcuts: list[str] = []
    for path, spec in iter_codes(book):
        assert HAN.search(spec.name), path
        assert spec.definition and HAN.search(spec.definition), path
        assert spec.keywords and all(k.strip() == k and k for k in spec.keywords), path
        assert len(set(spec.keywords)) == len(spec.keywords), path
        assert spec.colour is not None and COLOUR.match(spec.colour), path
        # readable as a highlight behind black text: contrast ratio with black at least 7:1
        assert (luminance(spec.colour) + 0.05) / 0.05 >= 7, (path, spec.colour)
        colours.append(spec.colour)
        if spec.shortcut:
            shortcuts.append(spec.shortcut)
        names = [child.name for child in spec.children]
        assert len(names) == len(set(names)), path
    top = [spec.name for spec in book.codes]
    assert len(top) == len(set(top))
    assert len(colours) == len(set(colours)), "colours must be distinct"
    assert len(shortcuts) == len(set(shortcuts))
    assert [spec.shortcut for spec in book.codes[:9]] == [
        str(i) for i in range(1, len(top[:9]) + 1)
    ]
    assert max(len(path) for path, _ in iter_codes(book)) == 2


def test_regional_innovation_has_required_codes() -> None:
    book = load_codebook(resolve_codebook("regional-innovation"))
    assert book.name == "regional-innovation"
    assert book.title == "区域协同创新与地方科技体制改革"
    assert [spec.name for spec in book.codes] == REGIONAL_TOP
    children = {spec.name: [c.name for c in spec.children] for spec in book.codes}
    assert children["区域协同创新"][:4] == ["机制协同", "政策协同", "主体协同", "资源协同"]
    assert "区域创新共同体" in children["区域协同创新"]
    assert all(len(kids) >= 2 for kids in children.values())
    every = {spec.name for _, spec in iter_codes(book)}
    for name in ["科技创新立法", "新型研发机构", "职务成果权属改革", "经验复制推广", "人才开放"]:
        assert name in every


def test_policy_instruments_has_required_codes() -> None:
    book = load_codebook(resolve_codebook("policy-instruments"))
    assert {spec.name: [c.name for c in spec.children] for spec in book.codes} == INSTRUMENTS
    assert [spec.shortcut for spec in book.codes] == ["1", "2", "3"]
    assert "修改" in book.description  # tells users the lists vary and are meant to be edited


# -- round trip and output format ---------------------------------------------------------------


@pytest.mark.parametrize("name", ["regional-innovation", "policy-instruments"])
def test_dump_load_round_trip(tmp_path: Path, name: str) -> None:
    book = load_codebook(shipped_codebooks()[name])
    target = tmp_path / "copy.yaml"
    dump_codebook(book, target)
    assert load_codebook(target) == book
    first = target.read_bytes()
    dump_codebook(load_codebook(target), target)
    assert target.read_bytes() == first  # stable output
    assert [p.name for p in tmp_path.iterdir()] == ["copy.yaml"]  # no temp file left behind


def test_dump_format(tmp_path: Path) -> None:
    book = Codebook(
        name="demo",
        codes=[
            CodeSpec(
                name="法治保障",
                colour="#7EAADD",
                definition="第一行\n第二行",
                keywords=["条例", "立法"],
                shortcut="1",
                children=[CodeSpec(name="科技创新立法")],
            )
        ],
    )
    target = tmp_path / "demo.yaml"
    dump_codebook(book, target)
    text = target.read_text(encoding="utf-8")
    assert text == (
        "name: demo\n"
        "codes:\n"
        "  - name: 法治保障\n"
        '    colour: "#7EAADD"\n'
        "    definition: |-\n"
        "      第一行\n"
        "      第二行\n"
        "    keywords: [条例, 立法]\n"
        '    shortcut: "1"\n'
        "    children:\n"
        "      - name: 科技创新立法\n"
    )
    assert load_codebook(target) == book


def test_long_keyword_lists_go_one_per_line(tmp_path: Path) -> None:
    keywords = [f"关键词{i:02d}" for i in range(30)]
    book = Codebook(name="long", codes=[CodeSpec(name="甲", keywords=keywords)])
    target = tmp_path / "long.yaml"
    dump_codebook(book, target)
    assert "      - 关键词29\n" in target.read_text(encoding="utf-8")
    assert load_codebook(target) == book


def test_dump_refuses_invalid_codebook_and_keeps_file(tmp_path: Path) -> None:
    target = write(tmp_path, "name: old\n")
    bad = Codebook(name="x", codes=[CodeSpec(name="甲"), CodeSpec(name="甲")])
    with pytest.raises(CodebookFormatError, match="book.yaml"):
        dump_codebook(bad, target)
    assert target.read_text(encoding="utf-8") == "name: old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["book.yaml"]


# -- lenient input ------------------------------------------------------------------------------


def test_color_spelling_keyword_strings_and_bom(tmp_path: Path) -> None:
    path = tmp_path / "book.yaml"
    path.write_bytes(
        "\ufeffname: b\ncodes:\n"
        "  - name: 甲\n    color: '#aabbcc'\n    keywords: 条例、立法，规划; 方案；试点, 条例\n"
        "    shortcut: 1\n"
        "  - name: '  乙   丙 '\n    keywords:\n      - ' 一 '\n".encode()
    )
    book = load_codebook(path)
    first, second = book.codes
    assert first.colour == "#AABBCC"
    assert first.keywords == ["条例", "立法", "规划", "方案", "试点"]
    assert first.shortcut == "1"
    assert second.name == "乙 丙"
    assert second.keywords == ["一"]


def test_minimal_codebook(tmp_path: Path) -> None:
    book = load_codebook(write(tmp_path, "name: empty\n"))
    assert book == Codebook(name="empty")


def test_iter_codes_is_depth_first() -> None:
    book = Codebook(
        name="t",
        codes=[
            CodeSpec(name="A", children=[CodeSpec(name="A1", children=[CodeSpec(name="x")])]),
            CodeSpec(name="B", children=[CodeSpec(name="B1")]),
        ],
    )
    assert [path for path, _ in iter_codes(book)] == [
        ("A",),
        ("A", "A1"),
        ("A", "A1", "x"),
        ("B",),
        ("B", "B1"),
    ]


# -- malformed input ----------------------------------------------------------------------------

MALFORMED = {
    "bad-yaml": ("name: x\ncodes:\n  - name: 甲\n    keywords: [条例, 立法\n", r"line \d+.*YAML"),
    "tab-indent": ("name: x\ncodes:\n\t- name: 甲\n", r"line 3.*tabs"),
    "full-width-colon": ("name: x\ncodes:\n  - name：甲\n", r"line 3.*ASCII colon"),
    "missing-book-name": ("title: 无名\ncodes: []\n", r"no name"),
    "missing-code-name": ("name: x\ncodes:\n  - definition: 没有名字\n", r"line 3.*no name"),
    "duplicate-sibling": (
        "name: x\ncodes:\n  - name: 甲\n  - name: 乙\n  - name: 甲\n",
        r"line 5.*'甲'.*first at line 3",
    ),
    "duplicate-child": (
        "name: x\ncodes:\n  - name: 甲\n    children:\n      - name: 子\n      - name: 子\n",
        r"甲.*'子'",
    ),
    "bad-colour": ("name: x\ncodes:\n  - name: 甲\n    colour: red\n", r'line 4.*"#RRGGBB"'),
    "short-colour": ("name: x\ncodes:\n  - name: 甲\n    colour: '#ABC'\n", r"#RRGGBB"),
    "unquoted-colour": ("name: x\ncodes:\n  - name: 甲\n    colour: #AABBCC\n", r"quotes"),
    "both-colour-keys": (
        "name: x\ncodes:\n  - name: 甲\n    colour: '#AABBCC'\n    color: '#AABBCC'\n",
        r"either 'colour' or 'color'",
    ),
    "unknown-code-key": (
        "name: x\ncodes:\n  - name: 甲\n    keyword: [a]\n    memo: b\n",
        r"line 4.*unknown key\(s\) 'keyword', 'memo'",
    ),
    "unknown-book-key": ("name: x\nversion: 2\n", r"unknown key\(s\) 'version'"),
    "keywords-not-strings": (
        "name: x\ncodes:\n  - name: 甲\n    keywords: [条例, 2035]\n",
        r"keywords.*2035",
    ),
    "keywords-mapping": ("name: x\ncodes:\n  - name: 甲\n    keywords: {a: b}\n", r"keywords"),
    "codes-not-list": ("name: x\ncodes: 甲\n", r"list of codes"),
    "code-not-mapping": ("name: x\ncodes:\n  - 甲\n", r"'- name:'"),
    "name-not-text": ("name: x\ncodes:\n  - name: [甲]\n", r"must be text"),
    "duplicate-key": (
        "name: x\ncodes:\n  - name: 甲\n    name: 乙\n",
        r"line 4.*'name' appears twice",
    ),
    "duplicate-shortcut": (
        "name: x\ncodes:\n  - name: 甲\n    shortcut: '1'\n  - name: 乙\n    shortcut: 1\n",
        r"line 6.*shortcut '1'.*甲.*line 4.*乙",
    ),
    "top-level-list": ("- name: 甲\n", r"top level"),
    "empty": ("", r"empty"),
}


@pytest.mark.parametrize("case", sorted(MALFORMED))
def test_malformed_codebook(tmp_path: Path, case: str) -> None:
    text, pattern = MALFORMED[case]
    path = write(tmp_path, text, name=f"{case}.yaml")
    with pytest.raises(CodebookFormatError) as info:
        load_codebook(path)
    message = str(info.value)
    assert f"{case}.yaml" in message
    assert re.search(pattern, message), message


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "gbk.yaml"
    path.write_bytes("name: x\ntitle: 区域协同创新\n".encode("gbk"))
    with pytest.raises(CodebookFormatError, match=r"gbk\.yaml, line 2: .*UTF-8"):
        load_codebook(path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(CodebookFormatError, match="nowhere.yaml"):
        load_codebook(tmp_path / "nowhere.yaml")


# -- resolving names and paths ------------------------------------------------------------------


def test_resolve_by_name_and_path(tmp_path: Path) -> None:
    shipped = shipped_codebooks()
    assert resolve_codebook("regional-innovation") == shipped["regional-innovation"]
    assert resolve_codebook("policy-instruments.yaml") == shipped["policy-instruments"]
    own = write(tmp_path, "name: own\n", name="own.yaml")
    assert resolve_codebook(own) == own
    assert resolve_codebook(str(own)) == own


def test_resolve_unknown_name_lists_available() -> None:
    with pytest.raises(CodebookFormatError) as info:
        resolve_codebook("no-such-codebook")
    message = str(info.value)
    assert "no-such-codebook" in message
    assert "regional-innovation" in message and "policy-instruments" in message


def test_resolve_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(CodebookFormatError, match="folder"):
        resolve_codebook(tmp_path)


# -- samples ------------------------------------------------------------------------------------

GBK_SAMPLES = ["03-xinxing-yanfa-jigou.txt", "04-zhishi-chanquan-zhiya.txt"]


def sample_files() -> list[Path]:
    return sorted(
        p for p in SAMPLES.iterdir() if p.suffix in {".txt", ".docx", ".html"} and p.is_file()
    )


def test_samples_folder_has_eight_articles() -> None:
    files = sample_files()
    assert len(files) == 8
    assert sorted(p.suffix for p in files).count(".txt") == 6
    assert [p.suffix for p in files].count(".docx") == 1
    assert [p.suffix for p in files].count(".html") == 1
    readme = (SAMPLES / "README.md").read_text(encoding="utf-8")
    for path in files:
        assert path.name in readme


@pytest.mark.parametrize("name", GBK_SAMPLES)
def test_gbk_samples(name: str) -> None:
    raw = (SAMPLES / name).read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    text = raw.decode("gb18030")
    assert 600 <= len(HAN.findall(text)) <= 1500
    assert "新型研发机构" in text or "知识产权" in text


def test_utf8_samples() -> None:
    utf8 = [p for p in sample_files() if p.suffix == ".txt" and p.name not in GBK_SAMPLES]
    assert len(utf8) == 4
    with_bom = [p for p in utf8 if p.read_bytes().startswith(b"\xef\xbb\xbf")]
    assert len(with_bom) == 1
    assert b"\r\n" in with_bom[0].read_bytes()
    assert b"\n" not in with_bom[0].read_bytes().replace(b"\r\n", b"")
    for path in utf8:
        text = path.read_bytes().decode("utf-8-sig")
        assert 600 <= len(HAN.findall(text)) <= 1500, path.name
        assert "《" in text and "“" in text, path.name


def test_docx_sample_opens() -> None:
    docx = pytest.importorskip("docx")
    document = docx.Document(str(SAMPLES / "07-waiji-rencai.docx"))
    text = "\n".join(p.text for p in document.paragraphs)
    assert 600 <= len(HAN.findall(text)) <= 1500
    assert "外籍人才" in text
    assert document.tables


def test_html_sample_shape() -> None:
    html = (SAMPLES / "06-shuzihua-keji-zhili.html").read_text(encoding="utf-8")
    for part in (
        '<meta charset="utf-8">',
        "<title>",
        'class="nav"',
        'class="breadcrumb"',
        "<script",
        '<div class="article">',
        'class="footer"',
        "Copyright",
    ):
        assert part in html
    article = html[html.index('<div class="article">') : html.index('class="share"')]
    assert 600 <= len(HAN.findall(re.sub(r"<[^>]+>", "", article))) <= 1500
