"""Pictures of word frequencies or keyword weights: a bar chart and a word cloud, as PNG.

Both take either ``WordCount`` rows or ``(word, weight)`` pairs, so frequency tables and
keyword lists draw alike. Chinese renders through the CJK font that
``annotator.analysis.plotting`` puts first (the word cloud is given that font's file).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from annotator.analysis.plotting import installed_cjk_fonts, pyplot
from annotator.analysis.wordfreq import WordCount
from annotator.errors import ExportError
from annotator.export.atomic import describe_os_error

Weighted = WordCount | tuple[str, float]
BAR_COLOUR = "#3366CC"


def _pairs(counts: Sequence[Weighted]) -> list[tuple[str, float]]:
    return [(c.word, c.count) if isinstance(c, WordCount) else (c[0], c[1]) for c in counts]


def bar_chart_png(
    counts: Sequence[Weighted], path: str | Path, title: str = "", *, top: int = 30
) -> Path:
    """A horizontal bar chart of the ``top`` first words (the first on top), as PNG."""
    path = Path(path)
    pairs = _pairs(counts)[:top]
    plt = pyplot()
    height = max(2.5, 0.32 * len(pairs) + 1.2)
    fig, ax = plt.subplots(figsize=(7.5, height), dpi=150)
    try:
        words = [w for w, _ in reversed(pairs)]
        values = [v for _, v in reversed(pairs)]
        bars = ax.barh(range(len(pairs)), values, color=BAR_COLOUR, height=0.7)
        ax.set_yticks(range(len(pairs)), words, fontsize=10)
        integral = all(float(v).is_integer() for v in values)
        ax.bar_label(bars, labels=[_label(v, integral) for v in values], padding=3, fontsize=8)
        ax.set_xlabel("频次" if integral else "权重")
        ax.margins(x=0.12)
        ax.set_ylim(-0.6, max(len(pairs), 1) - 0.4)
        ax.spines[["top", "right"]].set_visible(False)
        if title:
            ax.set_title(title)
        if not pairs:
            ax.text(0.5, 0.5, "（无词语）", ha="center", va="center", transform=ax.transAxes)
        fig.tight_layout()
        _save(fig, path)
    finally:
        plt.close(fig)
    return path


def _label(value: float, integral: bool) -> str:
    return str(int(value)) if integral else f"{value:.3g}"


def cjk_font_path() -> str | None:
    """The file of the first installed CJK font that charts use, or None."""
    pyplot()
    from matplotlib import font_manager

    by_name = {f.name: f.fname for f in font_manager.fontManager.ttflist}
    return next((by_name[name] for name in installed_cjk_fonts()), None)


def word_cloud_png(
    counts: Sequence[Weighted],
    path: str | Path,
    *,
    width: int = 1600,
    height: int = 1000,
    max_words: int = 200,
) -> Path:
    """A word cloud of the words (size by count or weight), as PNG. Raises ExportError when
    no Chinese font is installed (the cloud would show boxes) or nothing is to be drawn."""
    path = Path(path)
    font = cjk_font_path()
    if font is None:
        raise ExportError(f"{path}: no Chinese font installed for the word cloud")
    frequencies = {w: float(v) for w, v in _pairs(counts)[:max_words] if v > 0}
    if not frequencies:
        raise ExportError(f"{path}: no words to draw")
    from wordcloud import WordCloud

    cloud = WordCloud(
        font_path=font,
        width=width,
        height=height,
        background_color="white",
        max_words=max_words,
        prefer_horizontal=1.0,  # rotated Chinese reads badly
        margin=4,
        random_state=1,  # the same words give the same picture
        colormap="tab10",
    ).generate_from_frequencies(frequencies)
    try:
        cloud.to_file(str(path))
    except OSError as exc:
        problem = describe_os_error(exc, path)
        raise ExportError(f"{path}: cannot write the picture: {problem}") from exc
    return path


def _save(fig, path: Path) -> None:  # noqa: ANN001 - a matplotlib Figure
    try:
        fig.savefig(path, format="png")
    except OSError as exc:
        raise ExportError(
            f"{path}: cannot write the picture: {describe_os_error(exc, path)}"
        ) from exc
