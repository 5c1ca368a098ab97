"""Word frequency rows and keyword lists as tables."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from annotator.analysis.wordfreq import WordCount

SORT_ROLE = Qt.ItemDataRole.UserRole + 1  # numbers as numbers, for the sort proxy
RANK, WORD, POS, COUNT, SHARE, DOCUMENTS = range(6)
Index = QModelIndex | QPersistentModelIndex
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

#: English names of jieba's (ICTCLAS) part-of-speech tags; their Chinese names (the
#: core's annotator.analysis.wordfreq.POS_NAMES) are in the catalogue.
POS_WORDS = {
    "n": QT_TRANSLATE_NOOP("WordFrequencyModel", "noun"),
    "nr": QT_TRANSLATE_NOOP("WordFrequencyModel", "person's name"),
    "nrfg": QT_TRANSLATE_NOOP("WordFrequencyModel", "person's name"),
    "nrt": QT_TRANSLATE_NOOP("WordFrequencyModel", "person's name"),
    "ns": QT_TRANSLATE_NOOP("WordFrequencyModel", "place name"),
    "nt": QT_TRANSLATE_NOOP("WordFrequencyModel", "organisation"),
    "nz": QT_TRANSLATE_NOOP("WordFrequencyModel", "other proper noun"),
    "ng": QT_TRANSLATE_NOOP("WordFrequencyModel", "noun morpheme"),
    "v": QT_TRANSLATE_NOOP("WordFrequencyModel", "verb"),
    "vn": QT_TRANSLATE_NOOP("WordFrequencyModel", "verbal noun"),
    "vd": QT_TRANSLATE_NOOP("WordFrequencyModel", "adverbial verb"),
    "vg": QT_TRANSLATE_NOOP("WordFrequencyModel", "verb morpheme"),
    "vi": QT_TRANSLATE_NOOP("WordFrequencyModel", "intransitive verb"),
    "vq": QT_TRANSLATE_NOOP("WordFrequencyModel", "verb"),
    "a": QT_TRANSLATE_NOOP("WordFrequencyModel", "adjective"),
    "ad": QT_TRANSLATE_NOOP("WordFrequencyModel", "adverbial adjective"),
    "an": QT_TRANSLATE_NOOP("WordFrequencyModel", "nominal adjective"),
    "ag": QT_TRANSLATE_NOOP("WordFrequencyModel", "adjective morpheme"),
    "d": QT_TRANSLATE_NOOP("WordFrequencyModel", "adverb"),
    "dg": QT_TRANSLATE_NOOP("WordFrequencyModel", "adverb morpheme"),
    "df": QT_TRANSLATE_NOOP("WordFrequencyModel", "adverb"),
    "l": QT_TRANSLATE_NOOP("WordFrequencyModel", "fixed expression"),
    "i": QT_TRANSLATE_NOOP("WordFrequencyModel", "idiom"),
    "j": QT_TRANSLATE_NOOP("WordFrequencyModel", "abbreviation"),
    "eng": QT_TRANSLATE_NOOP("WordFrequencyModel", "Latin-script word"),
    "t": QT_TRANSLATE_NOOP("WordFrequencyModel", "time word"),
    "tg": QT_TRANSLATE_NOOP("WordFrequencyModel", "time morpheme"),
    "s": QT_TRANSLATE_NOOP("WordFrequencyModel", "place word"),
    "f": QT_TRANSLATE_NOOP("WordFrequencyModel", "locality word"),
    "b": QT_TRANSLATE_NOOP("WordFrequencyModel", "distinguishing word"),
    "z": QT_TRANSLATE_NOOP("WordFrequencyModel", "descriptive word"),
    "zg": QT_TRANSLATE_NOOP("WordFrequencyModel", "descriptive word"),
    "r": QT_TRANSLATE_NOOP("WordFrequencyModel", "pronoun"),
    "rr": QT_TRANSLATE_NOOP("WordFrequencyModel", "pronoun"),
    "rz": QT_TRANSLATE_NOOP("WordFrequencyModel", "pronoun"),
    "rg": QT_TRANSLATE_NOOP("WordFrequencyModel", "pronoun"),
    "p": QT_TRANSLATE_NOOP("WordFrequencyModel", "preposition"),
    "c": QT_TRANSLATE_NOOP("WordFrequencyModel", "conjunction"),
    "u": QT_TRANSLATE_NOOP("WordFrequencyModel", "particle"),
    "uj": QT_TRANSLATE_NOOP("WordFrequencyModel", "particle"),
    "ul": QT_TRANSLATE_NOOP("WordFrequencyModel", "particle"),
    "uz": QT_TRANSLATE_NOOP("WordFrequencyModel", "particle"),
    "ug": QT_TRANSLATE_NOOP("WordFrequencyModel", "particle"),
    "uv": QT_TRANSLATE_NOOP("WordFrequencyModel", "particle"),
    "ud": QT_TRANSLATE_NOOP("WordFrequencyModel", "particle"),
    "q": QT_TRANSLATE_NOOP("WordFrequencyModel", "measure word"),
    "m": QT_TRANSLATE_NOOP("WordFrequencyModel", "numeral"),
    "mq": QT_TRANSLATE_NOOP("WordFrequencyModel", "numeral with measure word"),
    "e": QT_TRANSLATE_NOOP("WordFrequencyModel", "interjection"),
    "y": QT_TRANSLATE_NOOP("WordFrequencyModel", "modal particle"),
    "o": QT_TRANSLATE_NOOP("WordFrequencyModel", "onomatopoeia"),
    "h": QT_TRANSLATE_NOOP("WordFrequencyModel", "prefix"),
    "k": QT_TRANSLATE_NOOP("WordFrequencyModel", "suffix"),
    "g": QT_TRANSLATE_NOOP("WordFrequencyModel", "morpheme"),
    "x": QT_TRANSLATE_NOOP("WordFrequencyModel", "non-morpheme character"),
}


def pos_label(tag: str) -> str:
    """The tag's name in the window's language."""
    word = POS_WORDS.get(tag)
    return QCoreApplication.translate("WordFrequencyModel", word) if word else ""


class WordFrequencyModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[WordCount] = []

    def set_rows(self, rows: Sequence[WordCount]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[WordCount]:
        return list(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 6

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Rank"), self.tr("Word"), self.tr("Part of speech"),
                    self.tr("Count"), self.tr("Share"), self.tr("Documents"))[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                str(index.row() + 1),
                row.word,
                f"{row.pos} {pos_label(row.pos)}".strip(),
                str(row.count),
                f"{row.share:.2%}",
                str(row.documents),
            )[col]
        if role == Qt.ItemDataRole.ToolTipRole and col == WORD and row.forms:
            # Simplified and traditional forms are counted as one word.
            return self.tr("Counted together: %1").replace("%1", self.tr(", ").join(row.forms))
        if role == SORT_ROLE:
            return (index.row(), row.word, row.pos, row.count, row.share, row.documents)[col]
        if role == Qt.ItemDataRole.TextAlignmentRole and col not in (WORD, POS):
            return _RIGHT
        return None


class KeywordsModel(QAbstractTableModel):
    """(word, weight) pairs, heaviest first."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, float]] = []

    def set_keywords(self, rows: Sequence[tuple[str, float]]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def keywords(self) -> list[tuple[str, float]]:
        return list(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Keyword"), self.tr("Weight"))[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        word, weight = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return word if index.column() == 0 else f"{weight:.4f}"
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
            return _RIGHT
        return None
