"""Check REFI-QDA exchange with QualCoder's own import and export code, run headless.

QualCoder (https://github.com/ccbogel/QualCoder, LGPL) keeps its REFI-QDA reader and writer
in ``src/qualcoder/refi.py``. This script loads that file from a QualCoder checkout or git
directory, with PyQt6 and QualCoder's dialog modules replaced by stubs (the file dialogs
answer with our paths, message boxes do nothing), creates a QualCoder sqlite project with
the CREATE TABLE statements of QualCoder's own ``__main__.py``, and then:

1. annotator → QualCoder: builds an annotator project from the shipped sample articles
   (a code tree with a coded parent code and a name used twice, passages with memos),
   exports it as .qdpx and imports that with QualCoder's ``RefiImport``;
2. QualCoder → annotator: exports the QualCoder project of step 1 with QualCoder's
   ``RefiExport`` and imports that .qdpx with annotator's ``import_project``; and the same
   for a project made the way QualCoder itself stores one (a category with codes, a
   sub-code, coding memos, an annotation).

It prints codes / sources / codings / memos present and arriving, and how many codings
arrive on the text they were made on. Not a CI test: it needs a QualCoder source tree.

    .venv/bin/python scripts/check_qualcoder.py --qualcoder /path/to/QualCoder [--rev 3.8.2]

``--qualcoder`` is a checkout (with ``src/qualcoder/refi.py``) or a git directory, read at
``--rev`` (default HEAD).
"""

from __future__ import annotations

import argparse
import ast
import builtins
import importlib
import os
import sqlite3
import subprocess
import sys
import tempfile
import types
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from annotator.exchange import export_qdpx, import_project  # noqa: E402
from annotator.project import Project  # noqa: E402

QC_FILES = ("src/qualcoder/refi.py", "src/qualcoder/__main__.py")


# -- loading QualCoder's refi.py without Qt ----------------------------------------------------
class _Anything:
    """Stands in for any Qt class, enum or widget: every attribute and call gives another."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        pass

    def __getattr__(self, name: str) -> _Anything:
        return _Anything()

    def __call__(self, *args: Any, **kwargs: Any) -> _Anything:
        return _Anything()

    def __or__(self, other: Any) -> _Anything:
        return self

    __and__ = __ror__ = __or__  # type: ignore[assignment]

    def __invert__(self) -> _Anything:
        return self

    def isChecked(self) -> bool:  # noqa: N802 - Qt's name; "MAXQDA line endings": no
        return False

    def exec(self) -> int:
        return 0


class _FileDialog(_Anything):
    open_path = ""
    save_dir = ""
    Option = _Anything()

    @classmethod
    def getOpenFileName(cls, *args: Any, **kwargs: Any) -> tuple[str, bool]:  # noqa: N802
        return cls.open_path, True

    @classmethod
    def getExistingDirectory(cls, *args: Any, **kwargs: Any) -> str:  # noqa: N802
        return cls.save_dir


def _stub_qt() -> None:
    widgets = types.ModuleType("PyQt6.QtWidgets")
    widgets.QDialog = _Anything  # type: ignore[attr-defined]
    widgets.QFileDialog = _FileDialog  # type: ignore[attr-defined]
    widgets.QProgressDialog = _Anything  # type: ignore[attr-defined]
    widgets.__getattr__ = lambda name: _Anything  # type: ignore[attr-defined]
    core = types.ModuleType("PyQt6.QtCore")
    core.Qt = _Anything()  # type: ignore[attr-defined]
    core.__getattr__ = lambda name: _Anything  # type: ignore[attr-defined]
    pyqt = types.ModuleType("PyQt6")
    pyqt.QtWidgets, pyqt.QtCore = widgets, core  # type: ignore[attr-defined]
    pyqt.QtGui = types.ModuleType("PyQt6.QtGui")  # type: ignore[attr-defined]
    sys.modules.update({"PyQt6": pyqt, "PyQt6.QtWidgets": widgets, "PyQt6.QtCore": core,
                        "PyQt6.QtGui": pyqt.QtGui})  # type: ignore[attr-defined]
    builtins._ = lambda text: text  # type: ignore[attr-defined]  # QualCoder's gettext


def _read(source: Path, rev: str, name: str) -> str:
    if (source / name).is_file():
        return (source / name).read_text(encoding="utf-8")
    return subprocess.run(["git", "--git-dir", str(source), "show", f"{rev}:{name}"],
                          check=True, capture_output=True, text=True).stdout


def load_qualcoder(source: Path, rev: str, into: Path) -> tuple[types.ModuleType, list[str]]:
    """QualCoder's refi module, imported from a package of stubs plus the real refi.py, and
    the CREATE TABLE statements of its new-project code."""
    package = into / "qualcoder"
    (package / "GUI").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "refi.py").write_text(_read(source, rev, QC_FILES[0]), encoding="utf-8")
    (package / "color_selector.py").write_text(
        "colors = ['#F2C94C'] * 120\n\ndef color_matcher(colour):\n    return colour\n")
    (package / "helpers.py").write_text(
        "class Message:\n    def __init__(self, *a, **k):\n        pass\n\n"
        "    def exec(self):\n        return 0\n")
    (package / "GUI" / "__init__.py").write_text("")
    (package / "GUI" / "ui_dialog_refi_export_endings.py").write_text(
        "class Ui_Dialog_refi_export_line_endings:\n    def setupUi(self, dialog):\n"
        "        from PyQt6.QtWidgets import QDialog\n"
        "        self.radioButton_maxqda = QDialog()\n")
    _stub_qt()
    sys.path.insert(0, str(into))
    refi = importlib.import_module("qualcoder.refi")
    tree = ast.parse(_read(source, rev, QC_FILES[1]))
    for function in ast.walk(tree):  # the function that makes a new project
        if isinstance(function, ast.FunctionDef):
            creates = [node.value for node in ast.walk(function)
                       if isinstance(node, ast.Constant) and isinstance(node.value, str)
                       and node.value.startswith("CREATE TABLE")]
            if any(c.startswith("CREATE TABLE project ") for c in creates):
                return refi, creates
    raise SystemExit("QualCoder's __main__.py has no function creating a project")


class _Log:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def append(self, text: str) -> None:
        self.lines.append(str(text))


def qualcoder_app(folder: Path, creates: list[str]) -> Any:
    """What refi.py uses of QualCoder's App: a connection to a new project and settings."""
    project = folder / "project.qda"
    (project / "documents").mkdir(parents=True)
    conn = sqlite3.connect(project / "data.qda")
    for statement in creates:
        conn.execute(statement)
    conn.execute("INSERT INTO project (databaseversion, date, memo, codername) "
                 "VALUES ('v17', '2026-01-01 00:00:00', '', 'default')")
    conn.commit()
    app = types.SimpleNamespace(
        conn=conn, project_path=str(project), project_name="project.qda", version="QualCoder",
        settings={"directory": str(folder), "codername": "default", "ai_enable": "False",
                  "fontsize": 10, "font": "sans"},
        ai_models=[], project_events=None,
    )
    app.write_config_ini = lambda *args: None
    app.get_annotations = lambda: [
        dict(anid=r[0], fid=r[1], pos0=r[2], pos1=r[3], memo=r[4], owner=r[5], date=r[6])
        for r in conn.execute("SELECT anid, fid, pos0, pos1, memo, owner, date FROM annotation")]
    return app


def qualcoder_counts(app: Any) -> dict[str, Any]:
    one = lambda sql: app.conn.execute(sql).fetchone()[0]  # noqa: E731
    return dict(
        codes=one("SELECT count(*) FROM code_name"),
        categories=one("SELECT count(*) FROM code_cat"),
        sources=one("SELECT count(*) FROM source"),
        # a coding whose code QualCoder did not make has no cid: it belongs to no code
        codings=one("SELECT count(*) FROM code_text WHERE cid IS NOT NULL"),
        without_code=one("SELECT count(*) FROM code_text WHERE cid IS NULL"),
        memos=one("SELECT count(*) FROM code_text WHERE ifnull(memo, '') != '' "
                  "AND cid IS NOT NULL"),
        annotations=one("SELECT count(*) FROM annotation"),
        texts=[r[0] for r in app.conn.execute(
            "SELECT seltext FROM code_text WHERE cid IS NOT NULL")],
        annotation_texts=[r[0] for r in app.conn.execute(
            "SELECT substr(s.fulltext, a.pos0 + 1, a.pos1 - a.pos0) FROM annotation a "
            "JOIN source s ON s.id = a.fid")],
    )


def as_sent(qc: dict[str, Any]) -> dict[str, Any]:
    """What a QualCoder project holds, counted as annotator keeps it: categories are codes,
    and each annotation (a memo on uncoded text) is a passage with that memo under the
    code 未编码选段."""
    notes = qc["annotations"]
    return {**qc, "codes": qc["codes"] + qc["categories"] + (1 if notes else 0),
            "codings": qc["codings"] + notes, "memos": qc["memos"] + notes,
            "texts": qc["texts"] + qc["annotation_texts"]}


# -- the projects ------------------------------------------------------------------------------
def sample_project(path: Path) -> Project:
    """Five shipped sample articles; a code tree with a coded parent (机制) and a name used
    twice (评价); a passage per sentence that names a code's keyword, most with a memo."""
    project = Project.create(path, coder="王老师")
    project.import_files(sorted((ROOT / "samples").glob("0[1-5]-*.txt")))
    mechanism = project.add_code("机制", definition="制度安排")
    incentive = project.add_code("激励", parent_id=mechanism.id)
    evaluation = project.add_code("评价", parent_id=mechanism.id)
    actors = project.add_code("主体")
    university = project.add_code("高校", parent_id=actors.id)
    enterprise = project.add_code("企业", parent_id=actors.id)
    reviews = project.add_code("评价", parent_id=actors.id)  # the same name elsewhere
    words = [("机制", mechanism), ("激励", incentive), ("评价", evaluation), ("高校", university),
             ("企业", enterprise), ("考核", reviews)]
    made = 0
    for doc in project.documents():
        text = project.document_text(doc.id)
        start = 0
        for end in (i + 1 for i, ch in enumerate(text) if ch == "。"):
            sentence = text[start:end]
            for word, code in words:
                if word in sentence and made < 40:
                    memo = f"{word}：第 {made + 1} 条备注" if made % 5 else ""
                    project.apply_code(doc.id, code.id, start, end, memo=memo)
                    made += 1
            start = end
    return project


def annotator_counts(project: Project) -> dict[str, Any]:
    passages = project.passages()
    return dict(codes=len(project.codes()), sources=len(project.documents()),
                codings=len(passages), memos=sum(1 for p in passages if p.memo.strip()),
                texts=[p.text for p in passages])


def native_qualcoder_project(app: Any) -> None:
    """A project stored as QualCoder stores one: a category holding codes, a sub-code
    (supercid), coding memos and an annotation."""
    text = (ROOT / "samples" / "05-jiebang-guashuai.txt").read_text(encoding="utf-8")
    c = app.conn
    c.execute("INSERT INTO source (name, fulltext, memo, owner, date) VALUES "
              "('揭榜挂帅.txt', ?, '来源说明', 'default', '2026-01-02 10:00:00')", (text,))
    c.execute("INSERT INTO code_cat (name, memo, owner, date, supercatid) VALUES "
              "('组织方式', '分类备注', 'default', '2026-01-02 10:00:00', NULL)")
    columns = [r[1] for r in c.execute("PRAGMA table_info(code_name)")]
    sub = ", supercid" if "supercid" in columns else ""
    c.execute("INSERT INTO code_name (name, memo, owner, date, catid, color) VALUES "
              "('揭榜挂帅', '', 'default', '2026-01-02 10:00:00', 1, '#9CC3F0')")
    c.execute("INSERT INTO code_name (name, memo, owner, date, catid, color) VALUES "
              "('项目', '', 'default', '2026-01-02 10:00:00', 1, '#8FD3A8')")
    if sub:
        c.execute("INSERT INTO code_name (name, memo, owner, date, catid, color, supercid) "
                  "VALUES ('榜单', '', 'default', '2026-01-02 10:00:00', NULL, '#F4A6A6', 1)")
    codes = [1, 2, 3] if sub else [1, 2]
    made, start = 0, 0
    for end in (i + 1 for i, ch in enumerate(text) if ch == "。"):
        if made < 12:
            cid = codes[made % len(codes)]
            c.execute("INSERT INTO code_text (cid, fid, seltext, pos0, pos1, owner, date, memo) "
                      "VALUES (?, 1, ?, ?, ?, 'default', '2026-01-02 10:00:00', ?)",
                      (cid, text[start:end], start, end, f"编码备注 {made}" if made % 2 else ""))
            made += 1
        start = end
    c.execute("INSERT INTO annotation (fid, pos0, pos1, memo, owner, date) VALUES "
              "(1, 0, 10, '批注', 'default', '2026-01-02 10:00:00')")
    c.commit()


# -- the runs ----------------------------------------------------------------------------------
def qualcoder_import(refi: types.ModuleType, app: Any, qdpx: Path) -> _Log:
    log = _Log()
    _FileDialog.open_path = str(qdpx)
    refi.RefiImport(app, log, "qdpx")
    return log


def qualcoder_export(refi: types.ModuleType, app: Any, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    _FileDialog.save_dir = str(folder)
    refi.RefiExport(app, _Log(), "project")
    return folder / "project.qdpx"


def matching(texts: list[str], wanted: list[str]) -> int:
    left = list(wanted)
    hits = 0
    for t in texts:
        if t in left:
            left.remove(t)
            hits += 1
    return hits


def row(label: str, present: dict[str, Any], arrived: dict[str, Any]) -> str:
    cells = " | ".join(f"{arrived[k]} / {present[k]}" for k in ("codes", "sources", "codings",
                                                                  "memos"))
    same = matching(arrived["texts"], present["texts"])
    return f"| {label} | {cells} | {same} / {present['codings']} |"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--qualcoder", type=Path, required=True)
    parser.add_argument("--rev", default="HEAD")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        os.environ["HOME"] = str(tmp / "home")  # RefiExport prepares under ~/.qualcoder
        (tmp / "home" / ".qualcoder").mkdir(parents=True)
        refi, creates = load_qualcoder(args.qualcoder, args.rev, tmp / "qc")
        print(f"QualCoder refi.py at {args.rev}: "
              f"{len(creates)} CREATE TABLE statements from __main__.py\n")
        print("| direction | codes | sources | codings | memos | codings on the same text |")
        print("|---|---|---|---|---|---|")

        ours = sample_project(tmp / "ours.annot")
        present = annotator_counts(ours)
        summary = export_qdpx(ours, tmp / "ours.qdpx")
        ours.close()
        app = qualcoder_app(tmp / "qc1", creates)
        qualcoder_import(refi, app, tmp / "ours.qdpx")
        arrived = qualcoder_counts(app)
        print(row("annotator → QualCoder", present, arrived)
              + f" +{arrived['categories']} categories; {arrived['without_code']} codings "
              "without a code")

        back = qualcoder_export(refi, app, tmp / "out1")
        before = qualcoder_counts(app)
        report = import_project(back, tmp / "back.annot")
        with Project.open(tmp / "back.annot") as p:
            print(row("QualCoder (of the above) → annotator", as_sent(before),
                      annotator_counts(p)))
        round_trip = {**annotator_counts(Project.open(tmp / "back.annot"))}
        print(row("annotator → QualCoder → annotator", present, round_trip))

        native = qualcoder_app(tmp / "qc2", creates)
        native_qualcoder_project(native)
        made = qualcoder_counts(native)
        out = qualcoder_export(refi, native, tmp / "out2")
        report2 = import_project(out, tmp / "native.annot")
        with Project.open(tmp / "native.annot") as p:
            print(row("QualCoder-made project → annotator", as_sent(made),
                      annotator_counts(p)))
        print("\nannotator's export report:")
        for w in summary.warnings:
            print(f"  [{w.kind}] {w}")
        for name, rep in (("QualCoder → annotator", report), ("QualCoder-made", report2)):
            print(f"\n{name}: annotator's import report ({len(rep.warnings)} warnings):")
            for w in rep.warnings.items[:12]:
                print(f"  [{w.kind}] {w}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
