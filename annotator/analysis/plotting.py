"""Matplotlib set-up shared by every chart: no display needed, Chinese labels rendered."""

from __future__ import annotations

import logging
from functools import cache

# Fonts that carry Simplified Chinese, best first; the first one installed is used.
CJK_FONTS = (
    "Noto Sans CJK SC",
    "Noto Serif CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "Microsoft YaHei",
    "SimHei",
    "PingFang SC",
    "Heiti SC",
    "Arial Unicode MS",
)


@cache
def pyplot():  # noqa: ANN201 - returns the matplotlib.pyplot module
    """matplotlib.pyplot on the Agg backend with a CJK font first in the sans-serif list."""
    import matplotlib

    matplotlib.use("Agg", force=True)
    # A CJK font without a bold face (WenQuanYi Micro Hei) is used at normal weight for bold
    # labels; matplotlib says so on stderr for every chart, which users need not read.
    logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)
    from matplotlib import font_manager
    from matplotlib import pyplot as plt

    installed = {f.name for f in font_manager.fontManager.ttflist}
    chosen = [name for name in CJK_FONTS if name in installed]
    matplotlib.rcParams["font.sans-serif"] = [*chosen, *matplotlib.rcParams["font.sans-serif"]]
    matplotlib.rcParams["font.family"] = "sans-serif"
    matplotlib.rcParams["axes.unicode_minus"] = False  # the minus glyph is missing in CJK fonts
    return plt


def cjk_font_available() -> bool:
    pyplot()
    from matplotlib import font_manager

    installed = {f.name for f in font_manager.fontManager.ttflist}
    return any(name in installed for name in CJK_FONTS)
