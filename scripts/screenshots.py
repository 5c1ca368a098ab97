"""Render the coding desk on a coded sample project to docs/screenshots/ (offscreen).

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py [--language zh_CN|en]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from annotator.project import Project  # noqa: E402
from annotator.ui.i18n import install_translators  # noqa: E402
from annotator.ui.main_window import MainWindow  # noqa: E402
from annotator.ui.settings import Settings  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
# (code path, phrase to code) in the first sample article; overlaps are intended.
CODINGS = [
    ("创新要素配置/职务成果权属改革", "职务科技成果"),
    ("创新要素配置/技术转移与经纪", "技术经纪人"),
    ("创新链产业链融合/成果转化与产业化", "科技成果转化"),
    ("法治保障/规划与改革方案", "实施方案"),
    ("试点推广/改革试验试点", "试点"),
]


def build_project(folder: Path) -> Path:
    path = folder / "samples.annot"
    with Project.create(path, codebook="regional-innovation", coder="研究员甲") as project:
        project.import_files([ROOT / "samples"])
        doc = project.documents()[0]
        text = project.document_text(doc.id)
        for code_path, phrase in CODINGS:
            code = project.find_code(code_path)
            assert code is not None, code_path
            start = -1
            for _ in range(3):  # the first few occurrences
                start = text.find(phrase, start + 1)
                if start < 0:
                    break
                project.apply_code(doc.id, code.id, start, start + len(phrase))
        # a longer passage enclosing some of the above, to show nesting
        para = text.index("职务科技成果")
        line_start = text.rfind("\n", 0, para) + 1
        line_end = text.find("\n", para)
        project.apply_code(doc.id, project.find_code("创新要素配置").id, line_start, line_end)
    return path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--language", default="zh_CN")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    install_translators(app, args.language)
    out = ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat))
        window = MainWindow(settings)
        window.resize(1500, 950)
        window.show()
        window.open_project(build_project(Path(tmp)))
        code = window.hub.require().find_code("创新要素配置/职务成果权属改革")
        window.codebook.select_code(code.id)
        app.processEvents()
        name = f"main-window-{args.language}.png"
        window.grab().save(str(out / name))
        print(out / name)
        window.close()


if __name__ == "__main__":
    main()
