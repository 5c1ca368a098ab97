"""Chinese fonts found on each OS without installing anything: the choice among the families
a machine reports, for the article (Qt's list) and for charts (matplotlib's list).

The family lists are what Qt and matplotlib report on stock systems: Windows 11 (English
names, and the Chinese ones GDI reports under a Chinese display language), macOS 14 (where
matplotlib does not see PingFang, which lives outside /System/Library/Fonts), Debian with
fonts-noto-cjk (matplotlib reads only the first face of the .ttc: "JP") or fonts-wqy-microhei.
"""

from __future__ import annotations

import pytest

from annotator.chinese.fonts import CHART_FAMILIES, READING_FAMILIES, choose

WINDOWS = ["Arial", "Segoe UI", "Microsoft YaHei", "Microsoft YaHei UI", "SimSun", "NSimSun",
           "SimHei", "DengXian", "KaiTi", "FangSong", "Times New Roman"]
WINDOWS_ZH = ["Arial", "Segoe UI", "微软雅黑", "宋体", "新宋体", "黑体", "等线", "楷体"]
MACOS_QT = [".AppleSystemUIFont", "Helvetica", "PingFang SC", "PingFang HK", "PingFang TC",
            "Hiragino Sans GB", "Heiti SC", "STHeiti", "Songti SC", "STSong", "Times"]
MACOS_MPL = ["Helvetica", "Hiragino Sans GB", "STHeiti", "Songti SC", "Arial Unicode MS"]
DEBIAN_NOTO_QT = ["DejaVu Sans", "Noto Sans CJK SC", "Noto Sans CJK JP", "Noto Serif CJK SC",
                  "Noto Serif CJK JP", "Noto Sans Mono CJK SC"]
DEBIAN_NOTO_MPL = ["DejaVu Sans", "DejaVu Serif", "Noto Sans CJK JP", "Noto Serif CJK JP"]
DEBIAN_WQY = ["DejaVu Sans", "WenQuanYi Micro Hei", "WenQuanYi Micro Hei Mono"]


@pytest.mark.parametrize(
    ("installed", "reading", "chart"),
    [
        (WINDOWS, "Microsoft YaHei", "Microsoft YaHei"),
        (WINDOWS_ZH, "微软雅黑", "微软雅黑"),
        (MACOS_QT, "PingFang SC", "PingFang SC"),
        (MACOS_MPL, "Hiragino Sans GB", "Hiragino Sans GB"),
        (DEBIAN_NOTO_QT, "Noto Serif CJK SC", "Noto Sans CJK SC"),
        (DEBIAN_NOTO_MPL, "Noto Sans CJK JP", "Noto Sans CJK JP"),
        (DEBIAN_WQY, "WenQuanYi Micro Hei", "WenQuanYi Micro Hei"),
    ],
    ids=["windows", "windows-zh", "macos-qt", "macos-matplotlib", "debian-noto-qt",
         "debian-noto-matplotlib", "debian-wqy"],
)
def test_each_os_gets_its_own_chinese_face_first(
    installed: list[str], reading: str, chart: str
) -> None:
    assert choose(READING_FAMILIES, installed)[0] == reading
    assert choose(CHART_FAMILIES, installed)[0] == chart


def test_every_installed_chinese_face_is_kept_for_fallback_and_latin_faces_are_not() -> None:
    # 雅黑 lacks some rare characters that 宋体 has: the later faces stay in the list.
    assert choose(CHART_FAMILIES, WINDOWS) == [
        "Microsoft YaHei", "Microsoft YaHei UI", "DengXian", "SimHei",
        "SimSun", "NSimSun", "FangSong", "KaiTi",
    ]
    assert "Arial" not in choose(READING_FAMILIES, WINDOWS)


def test_a_machine_without_chinese_fonts_gets_none() -> None:
    assert choose(READING_FAMILIES, ["DejaVu Sans", "Liberation Serif"]) == []


def test_names_match_whatever_the_case_and_spacing_and_keep_the_installed_spelling() -> None:
    assert choose(CHART_FAMILIES, ["microsoft yahei", "Sim Hei", "SimHei"]) == [
        "microsoft yahei", "Sim Hei",
    ]


def test_the_article_font_chooses_among_the_families_qt_reports() -> None:
    from annotator.ui.article.fonts import cjk_families

    assert cjk_families(MACOS_QT)[:2] == ["PingFang SC", "Hiragino Sans GB"]
    assert cjk_families(WINDOWS_ZH)[:2] == ["微软雅黑", "等线"]


def test_charts_and_word_clouds_use_the_font_matplotlib_found(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from matplotlib import font_manager

    from annotator.analysis import plotting, word_charts

    plotting.pyplot()  # its one-time set-up reads the real list; the check below a stand-in
    entries = [font_manager.FontEntry(fname=f"/System/Library/Fonts/{name}.ttc", name=name)
               for name in MACOS_MPL]
    monkeypatch.setattr(font_manager.fontManager, "ttflist", entries)
    assert plotting.installed_cjk_fonts()[0] == "Hiragino Sans GB"
    assert plotting.cjk_font_available()
    assert word_charts.cjk_font_path() == "/System/Library/Fonts/Hiragino Sans GB.ttc"
    monkeypatch.setattr(font_manager.fontManager, "ttflist", entries[:1])  # Helvetica only
    assert not plotting.cjk_font_available()
    assert word_charts.cjk_font_path() is None
