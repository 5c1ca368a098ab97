"""Matplotlib set-up shared by every chart: no display needed, Chinese labels rendered."""

from __future__ import annotations

import logging
from functools import cache

from annotator.chinese.fonts import CHART_FAMILIES, choose

# Fonts that carry Simplified Chinese, best first: each OS's own (雅黑/黑体 on Windows, 苹方/
# 冬青黑体 on macOS, Noto CJK/文泉驿 on Linux); all installed ones are used, so a glyph the
# first lacks comes from the next.
CJK_FONTS = CHART_FAMILIES


def installed_cjk_fonts() -> list[str]:
    """The CJK_FONTS matplotlib finds on this machine, best first, as matplotlib names them."""
    from matplotlib import font_manager

    return choose(CJK_FONTS, (f.name for f in font_manager.fontManager.ttflist))


@cache
def pyplot():  # noqa: ANN201 - returns the matplotlib.pyplot module
    """matplotlib.pyplot on the Agg backend with a CJK font first in the sans-serif list."""
    import matplotlib

    matplotlib.use("Agg", force=True)
    # A CJK font without a bold face (WenQuanYi Micro Hei) is used at normal weight for bold
    # labels; matplotlib says so on stderr for every chart, which users need not read.
    logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)
    from matplotlib import pyplot as plt

    chosen = installed_cjk_fonts()
    matplotlib.rcParams["font.sans-serif"] = [*chosen, *matplotlib.rcParams["font.sans-serif"]]
    matplotlib.rcParams["font.family"] = "sans-serif"
    matplotlib.rcParams["axes.unicode_minus"] = False  # the minus glyph is missing in CJK fonts
    return plt


def cjk_font_available() -> bool:
    pyplot()
    return bool(installed_cjk_fonts())
