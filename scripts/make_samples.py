"""Write samples/07-waiji-rencai.docx from the article text kept in this script.

The other samples are stored as they are (their encodings and line endings are the point);
only the Word file needs generating. The output is byte-for-byte reproducible: fixed document
properties and fixed zip timestamps, so re-running the script does not change the committed file.

    python scripts/make_samples.py [OUTPUT.docx]
"""

from __future__ import annotations

import datetime as dt
import io
import sys
import zipfile
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
DOCX_NAME = "07-waiji-rencai.docx"
FIXED_TIME = dt.datetime(2024, 4, 18, 9, 0, 0)

TITLE = "优化外籍人才引进服务　建设开放创新人才高地"
BYLINE = "作者：沈嘉禾　　来源：《开放与创新》2024年第2期"

# Lines starting with "# " are section headings; "| a | b |" lines form the one table; the rest
# are body paragraphs.
BODY = """\
人才是创新的第一资源。随着国际科技竞争日趋激烈，各地纷纷把引进外籍高层次人才作为建设开放创新高地的重要举措。国家实施外国人来华工作许可制度，把原来分设的外国专家来华工作许可和外国人入境就业许可整合为“外国人来华工作许可”，并为外国高端人才开辟“绿色通道”，为地方优化引才服务提供了制度基础。
# 一、地方的探索
（一）简化许可办理。部分地区推行工作许可和居留许可“一窗受理、并联审批”，申请人只需提交一套材料，审批时限大幅压缩。
（二）放宽准入条件。对自贸试验区、高新区急需的外籍人才，适当放宽年龄、学历和工作经历限制，允许符合条件的外籍高校毕业生直接在当地就业。
（三）完善生活保障。建设国际人才社区，提供国际学校、外语医疗、人才公寓等配套服务，解决外籍人才的后顾之忧。
（四）支持创新创业。允许持有永久居留身份证的外籍人才创办科技型企业，在项目申报和人才评价中享受与国内人才同等的待遇。
| 服务事项 | 地方的常见做法 |
| 工作许可 | 一窗受理、并联审批，部分事项全程网办 |
| 居留许可 | 延长有效期限，工作许可与居留许可同步办理 |
| 生活服务 | 建设国际人才社区，提供多语种咨询热线 |
# 二、存在的问题
（一）政策碎片化。人才认定标准在不同部门、不同城市之间差异较大，外籍人才跨区域流动时往往需要重复认定。
（二）服务体验不佳。部分事项仍要求提交纸质材料和中文翻译件，一些线上系统缺少外文界面和外文操作指引。
（三）评价机制不够国际化。职称评审和项目申报对海外工作经历、国际合作成果的认可不足，外籍人才参与本地科技计划的渠道不畅。
# 三、对策建议
（一）建立统一的外籍人才认定和互认机制，推动区域内人才资质、社会保险和个人所得税信息互通共享。
（二）推进“一件事”集成服务，开通多语种线上办事入口，推广电子证照，减少纸质材料。
（三）完善外籍人才参与科技计划项目和职称评审的制度安排，畅通其承担政府科研项目的渠道。
（四）加强国际人才社区建设，营造包容多元的城市环境，让外籍人才“引得进、留得住、用得好”，为建设开放创新人才高地提供有力支撑。
"""


def _set_east_asian_font(style, name: str) -> None:
    style.font.name = name
    rpr = style.element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.append(rfonts)
    rfonts.set(qn("w:eastAsia"), name)


def build_document() -> Document:
    doc = Document()
    normal = doc.styles["Normal"]
    _set_east_asian_font(normal, "宋体")
    normal.font.size = Pt(12)

    props = doc.core_properties
    props.title = TITLE
    props.author = "annotator project"
    props.last_modified_by = "annotator project"
    props.comments = "Sample article written for annotator; fictional places and documents."
    props.created = FIXED_TIME
    props.modified = FIXED_TIME
    props.last_printed = FIXED_TIME
    props.revision = 1

    heading = doc.add_heading(TITLE, level=1)
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    byline = doc.add_paragraph(BYLINE)
    byline.alignment = WD_ALIGN_PARAGRAPH.CENTER

    rows: list[list[str]] = []

    def flush_table() -> None:
        if not rows:
            return
        table = doc.add_table(rows=len(rows), cols=len(rows[0]))
        table.style = "Table Grid"
        for r, cells in enumerate(rows):
            for c, text in enumerate(cells):
                table.cell(r, c).text = text
        rows.clear()

    for line in BODY.splitlines():
        if line.startswith("|"):
            rows.append([cell.strip() for cell in line.strip("|").split("|")])
            continue
        flush_table()
        if line.startswith("# "):
            doc.add_heading(line[2:], level=2)
        elif line.strip():
            para = doc.add_paragraph(line)
            para.paragraph_format.first_line_indent = Pt(24)  # two characters, as in Word
    flush_table()
    return doc


def _reproducible_zip(data: bytes) -> bytes:
    """Rewrite the docx zip with fixed timestamps and a fixed member order."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    target = Path(args[0]) if args else SAMPLES / DOCX_NAME
    buffer = io.BytesIO()
    build_document().save(buffer)
    target.write_bytes(_reproducible_zip(buffer.getvalue()))
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
