"""Chinese fonts that Windows, macOS and Linux have without installing anything, and the choice
among the installed ones. GUI-free: the window (Qt's font list) and the charts (matplotlib's)
pass the names they see to :func:`choose`.

Names are family names as the font libraries report them: English ones, plus the Chinese ones
that Windows with a Chinese display language (and some macOS versions) report instead.
matplotlib reads only the first face of a .ttc file, so it sees ``Noto Sans CJK JP`` where
Qt sees ``Noto Sans CJK SC`` in the same file; both are listed.
"""

from __future__ import annotations

from collections.abc import Iterable

# Windows 10/11 ship these with the Chinese supplemental fonts installed on every edition.
WINDOWS_SANS = ("Microsoft YaHei", "微软雅黑", "Microsoft YaHei UI", "DengXian", "等线",
                "SimHei", "黑体")
WINDOWS_SERIF = ("SimSun", "宋体", "NSimSun", "新宋体", "FangSong", "仿宋", "KaiTi", "楷体")
# macOS 10.11 and later.
MACOS_SANS = ("PingFang SC", "苹方-简", "Hiragino Sans GB", "冬青黑体简体中文", "STHeiti",
              "华文黑体", "Heiti SC", "黑体-简", "PingFang HK", "PingFang TC")
MACOS_SERIF = ("Songti SC", "宋体-简", "STSong", "华文宋体")
# Linux: what distributions install for a Chinese desktop (fonts-noto-cjk, fonts-wqy-*).
LINUX_SANS = ("Noto Sans CJK SC", "Source Han Sans SC", "Source Han Sans CN",
              "WenQuanYi Micro Hei", "文泉驿微米黑", "WenQuanYi Zen Hei", "文泉驿正黑",
              "Noto Sans SC", "Droid Sans Fallback", "Noto Sans CJK JP")
LINUX_SERIF = ("Noto Serif CJK SC", "Source Han Serif SC", "Source Han Serif CN",
               "Noto Serif SC", "AR PL UMing CN", "AR PL SungtiL GB", "Noto Serif CJK JP")
# Office installs it on any OS; it covers Chinese in one plain face.
ANY_OS = ("Arial Unicode MS",)

# The article is read in a Song (serif) face, as policy documents are printed, when a screen
# serif (Noto/Source Han Serif) is installed; otherwise in the system's own sans face (雅黑,
# 苹方), which reads better on screen than SimSun's thin strokes at 14 pt.
SCREEN_SERIF = LINUX_SERIF[:4]
READING_FAMILIES = (*SCREEN_SERIF, *LINUX_SANS, *WINDOWS_SANS, *MACOS_SANS,
                    *WINDOWS_SERIF, *MACOS_SERIF, *LINUX_SERIF[4:], *ANY_OS)
# Charts label in a plain (sans, 黑体) face.
CHART_FAMILIES = (*LINUX_SANS, *WINDOWS_SANS, *MACOS_SANS,
                  *LINUX_SERIF, *WINDOWS_SERIF, *MACOS_SERIF, *ANY_OS)


def _key(name: str) -> str:
    return "".join(name.split()).casefold()


def choose(candidates: Iterable[str], installed: Iterable[str]) -> list[str]:
    """The installed ``candidates``, in the candidates' order, each spelt as installed.

    Case and spaces do not matter (font lists differ in both: "Microsoft Yahei"); a family
    installed under two names appears once per name."""
    have: dict[str, str] = {}
    for name in installed:
        have.setdefault(_key(name), name)
    chosen: list[str] = []
    for candidate in candidates:
        name = have.get(_key(candidate))
        if name is not None and name not in chosen:
            chosen.append(name)
    return chosen
