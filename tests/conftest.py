"""Shared fixtures. Qt must find a platform before it loads: offscreen, no display needed."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import atexit  # noqa: E402
import shutil  # noqa: E402
import tempfile  # noqa: E402

# The user cache folder (jieba's dictionary cache, the unit store) of this test run only:
# tests never write into the real ~/.cache/annotator, and never read what is there.
_CACHE = tempfile.mkdtemp(prefix="annotator-test-cache-")
os.environ["XDG_CACHE_HOME"] = _CACHE
atexit.register(shutil.rmtree, _CACHE, ignore_errors=True)
# The log file too (annotator.logs): never the user's real log folder.
os.environ["ANNOTATOR_LOG_DIR"] = os.path.join(_CACHE, "log")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from annotator.project import Project  # noqa: E402

ARTICLE = (
    "关于深化区域科技创新合作的若干意见\n"
    "来源:示例 作者:测试\n"
    "一、建立跨区域协同机制\n"
    "（一）三地建立联席会议制度，常态化推进“信息互通、监管互认”。\n"
    "二、推动资源共享\n"
    "1. 推广科技创新券通用通兑，𠮷𠮷两字在外。\n"
)


@pytest.fixture
def project(tmp_path: Path):
    proj = Project.create(tmp_path / "study.annot", coder="甲")
    yield proj
    proj.close()


@pytest.fixture
def article(project: Project):
    return project.add_document(
        "示例文章", ARTICLE, source_name="a.txt", attributes={"地区": "京津冀"}
    )
