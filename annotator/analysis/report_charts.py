"""Charts for a paper: shares of sub-codes within their parent, and the X×Y heat map.

Figures are plain ``matplotlib.figure.Figure`` objects, not pyplot's: nothing is kept in a
global registry, and the window can show the same figure in a Qt canvas. Fonts come from
:func:`annotator.analysis.plotting.pyplot`, so Chinese labels render. SVG keeps text as
text (``svg.fonttype = none``): labels stay editable and searchable in the file.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from annotator.analysis.crosstab import Level, XYTable
from annotator.analysis.plotting import pyplot
from annotator.analysis.tables import ShareGroup
from annotator.analysis.unit_index import UNIT_LABELS
from annotator.records import CodeInfo

if TYPE_CHECKING:
    from matplotlib.figure import Figure

FORMATS = ("png", "svg")
BAR_COLOUR = "#4C78A8"
GROUP_GAP = 0.6  # empty rows' worth of space between groups of bars


def _new_figure(width: float, height: float) -> Figure:
    pyplot()  # CJK fonts into rcParams before any text is laid out
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), layout="constrained")


def save_figure(
    figure: Figure, stem: Path, formats: Iterable[str] = FORMATS, *, dpi: int = 200
) -> list[Path]:
    """Write ``stem.png``, ``stem.svg``… and return the paths."""
    import matplotlib

    stem = Path(stem)
    paths = []
    for fmt in formats:
        path = stem.with_name(f"{stem.name}.{fmt}")
        with matplotlib.rc_context({"svg.fonttype": "none"}):
            figure.savefig(path, format=fmt, dpi=dpi, bbox_inches="tight")
        paths.append(path)
    return paths


def _percent(value: float) -> str:
    return f"{value * 100:.1f}%"


def shares_bar_figure(
    groups: Sequence[ShareGroup], *, title: str | None = None,
    x_label: str = "占上级编码片段数的比例", top_label: str = "全部", count: str = "（{}）",
) -> Figure:
    """Horizontal bars: each sub-code's share of its parent's passages, one block of bars
    per parent (headed by the parent's name and count), share and count written at the end
    of each bar. The words are the workbook's; the window passes its own language's
    (``top_label`` heads the top-level codes' block, ``count`` wraps a count)."""
    rows: list[tuple[str, float | None, int, str]] = []  # label, share, count, colour
    for group in groups:
        head = group.label if group.parent is not None else top_label
        rows.append((head + count.format(group.count), None, group.count, ""))
        for item in group.items:
            rows.append((item.code.name, item.share, item.count, item.code.colour))
    height = 1.2 + 0.3 * max(1, len(rows)) + 0.2 * len(groups) * GROUP_GAP
    fig = _new_figure(8.0, height)
    ax = fig.add_subplot()
    y, positions, labels, heads = 0.0, [], [], []
    for index, (label, share, n, colour) in enumerate(rows):
        if share is None:
            if index:
                y += GROUP_GAP
            heads.append(len(positions))
        else:
            ax.barh(y, share, color=colour or BAR_COLOUR, edgecolor="#555555", linewidth=0.6)
            ax.text(share + 0.01, y, _percent(share) + count.format(n), va="center", fontsize=8)
        positions.append(y)
        labels.append(label)
        y += 1
    ax.set_yticks(positions, labels)
    for i in heads:
        ax.get_yticklabels()[i].set_fontweight("bold")
        ax.yaxis.get_major_ticks()[i].tick1line.set_visible(False)
    if positions:
        ax.set_ylim(positions[-1] + 0.7, positions[0] - 0.7)  # first group at the top
    ax.set_xlim(0, 1.15)
    ax.set_xticks([0, 0.25, 0.5, 0.75, 1.0], ["0", "25%", "50%", "75%", "100%"])
    ax.set_xlabel(x_label)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.set_title(title or "各编码占上级编码的比例")
    return fig


def heatmap_figure(
    table: XYTable,
    *,
    rows: Level = "leaves",
    columns: Level = "top",
    title: str | None = None,
    cmap: str = "YlOrRd",
    colour_label: str | None = None,
    empty_text: str = "没有可显示的编码",
) -> Figure:
    """The X×Y table as a heat map of unit counts, each cell annotated with its count.

    ``rows``/``columns`` choose the codes shown: "all", the "leaves", or the "top" level
    (the branch codes, or a lone branch code's children). Leaves from several parents are
    grouped, the parent's name beside the group. ``colour_label`` (default: 段落数 or
    句子数) and ``empty_text`` let the window label the chart in its own language."""
    row_codes = table.row_codes(rows) or table.rows
    col_codes = table.column_codes(columns) or table.columns
    data = [[table.count(r.id, c.id) for c in col_codes] for r in row_codes]
    width = min(28.0, 3.5 + 0.55 * len(col_codes))
    height = min(28.0, 2.2 + 0.38 * len(row_codes))
    fig = _new_figure(width, height)
    ax = fig.add_subplot()
    if not row_codes or not col_codes:
        ax.text(0.5, 0.5, empty_text, ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        return fig
    # Counts from 0 up: an empty table is all the palest colour, not the middle of a
    # -0.1…0.1 scale, and the colour bar shows whole numbers.
    peak = max((max(r) for r in data), default=0) or 1
    image = ax.imshow(data, cmap=cmap, aspect="auto", vmin=0, vmax=peak)
    for i, line in enumerate(data):
        for j, value in enumerate(line):
            colour = "white" if value / peak > 0.6 else ("#999999" if value == 0 else "black")
            ax.text(j, i, str(value), ha="center", va="center", fontsize=8, color=colour)
    ax.set_xticks(range(len(col_codes)), [c.name for c in col_codes], rotation=45, ha="right",
                  rotation_mode="anchor")
    ax.set_yticks(range(len(row_codes)), [c.name for c in row_codes])
    ax.tick_params(length=0)
    _group_labels(ax, row_codes, table.rows, axis="y")
    _group_labels(ax, col_codes, table.columns, axis="x")
    bar = fig.colorbar(image, ax=ax, fraction=0.04, pad=0.02)
    from matplotlib.ticker import MaxNLocator

    bar.locator = MaxNLocator(integer=True)
    bar.update_ticks()
    bar.set_label(colour_label or f"{UNIT_LABELS.get(table.unit_kind, table.unit_kind)}数")
    x_names, y_names = _names(table.rows, table.x_roots), _names(table.columns, table.y_roots)
    ax.set_title(title or f"{x_names} × {y_names}")
    return fig


def _names(codes: Sequence[CodeInfo], roots: Sequence[int], most: int = 3) -> str:
    """The branch codes' names, or the first few and how many there are."""
    by_id = {c.id: c for c in codes}
    names = [by_id[r].name for r in roots if r in by_id]
    if len(names) > most:
        return f"{'、'.join(names[:most])}等 {len(names)} 类"
    return "、".join(names)


def _group_labels(ax, shown: list[CodeInfo], all_codes: list[CodeInfo], *, axis: str) -> None:
    """When the shown codes have several parents: lines between the groups and the parent
    names on the far side (right for rows, top for columns)."""
    by_id = {c.id: c for c in all_codes}
    parents = [c.parent_id if c.parent_id in by_id else None for c in shown]
    if len(set(parents)) < 2:
        return
    groups: list[tuple[int | None, int, int]] = []  # parent, first index, last index
    for index, parent in enumerate(parents):
        if groups and groups[-1][0] == parent:
            groups[-1] = (parent, groups[-1][1], index)
        else:
            groups.append((parent, index, index))
    centres = [(first + last) / 2 for _, first, last in groups]
    names = [by_id[p].name if p is not None else "" for p, _, _ in groups]
    for _, first, _ in groups[1:]:
        line = ax.axhline if axis == "y" else ax.axvline
        line(first - 0.5, color="#333333", linewidth=1.2)
    if axis == "y":
        side = ax.secondary_yaxis("right")
        side.set_yticks(centres, names)
    else:
        side = ax.secondary_xaxis("top")
        side.set_xticks(centres, names, rotation=30, ha="left", rotation_mode="anchor")
    side.tick_params(length=0)
    for label in side.get_yticklabels() if axis == "y" else side.get_xticklabels():
        label.set_fontweight("bold")
