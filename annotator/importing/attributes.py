"""Document attributes a policy sample table needs, under stable names.

- 发文机关 (issuing body; joint issuers joined by 、): a label (发文机关, 发布机构, 发文单位,
  发文部门 …), else the title before 关于, the signature block, a statute's history line.
- 文号 (国办发〔2018〕126号, …公告2023年第7号, …令第16号): a label (文号, 发文字号 …), else the
  head of the text (never the body, which quotes other documents' numbers).
- 日期 (ISO, the version in force): a 成文日期 label, else the latest 通过/修订/修正/公布 date of
  the head, the signature date, other date labels (发布日期, 发布时间 …), the file's metadata.
- 文种: the title's last genre word (条例, 办法, 通知, 意见 …).
- 地区: province or prefecture-level city of the issuing body, else of the title, else of the
  文号's issuer code; 全国 for national bodies.

Labels that name nothing above keep their own name (来源, 作者, 索引号, 主题分类 …). A value
that cannot be read (a date that is no date) leaves the attribute out; nothing raises.
"""

from __future__ import annotations

import re
from dataclasses import replace

from annotator.chinese.variants import fold
from annotator.importing.dates import to_iso
from annotator.importing.policy_text import PolicyFacts, is_org, read_policy_facts, split_bodies
from annotator.importing.regions import NATIONAL, is_national, region_of, region_of_number

ISSUER, NUMBER, DATE, GENRE, REGION = "发文机关", "文号", "日期", "文种", "地区"
STABLE_NAMES = (ISSUER, NUMBER, DATE, GENRE, REGION)
# Labels written on pages and in bylines → stable name. Date labels are ranked below.
LABEL_NAMES = {
    "发文机关": ISSUER, "发布机构": ISSUER, "发文单位": ISSUER, "发文部门": ISSUER,
    "制发机关": ISSUER, "发布单位": ISSUER, "颁布机关": ISSUER, "发布部门": ISSUER,
    "文号": NUMBER, "发文字号": NUMBER, "发文文号": NUMBER, "文件编号": NUMBER, "字号": NUMBER,
}
# Date labels, best first: 成文日期 is the document's own date, the others when it was put online.
DATE_LABELS = (
    "成文日期", "发文日期", "发文时间", "印发日期", "公布日期", "发布日期", "公开日期",
    "发布时间", "发稿时间", "日期", "时间",
)
TITLE_LABELS = ("标题", "发文标题", "文件名称", "名称")
# Labels that are never attributes: what a page shows around the text, or said by another name.
_DROPPED = frozenset(TITLE_LABELS) | {"实施日期", "施行日期", "实施时间", "所属区域"}
_SITE = re.compile(r"(?:门户)?网站$|网$")


def document_attributes(
    text: str,
    title: str,
    labelled: dict[str, str] | None = None,
    file_meta: dict[str, str] | None = None,
) -> dict[str, str]:
    """Attributes of a document from its labels, its text and its file, in that order of trust.

    ``labelled``: label → value as the document wrote it (byline lines, a page's metadata
    table); ``file_meta``: what the file's properties say (already free of software defaults).
    """
    labelled = {fold(key): value.strip() for key, value in (labelled or {}).items()
                if value.strip()}
    file_meta = {key: value.strip() for key, value in (file_meta or {}).items() if value.strip()}
    # Traditional-script documents (鄂政發〔2018〕26號, 意見) are read in simplified form, one
    # character for one, and what is found is given back as the document writes it.
    folded_text, folded_title = fold(text), fold(title)
    facts = read_policy_facts(folded_text, folded_title)
    if folded_text is not text or folded_title is not title:
        facts = _as_written(facts, folded_text + "\n" + folded_title, text + "\n" + title)
    result: dict[str, str] = {}
    for key, value in file_meta.items():
        if key != DATE:
            result[key] = value
    for key, value in labelled.items():
        if key not in LABEL_NAMES and key not in DATE_LABELS and key not in _DROPPED:
            result[key] = value
    issuer = _label_issuer(labelled) or "、".join(facts.issuers)
    if issuer:
        result[ISSUER] = issuer
    number = _label_value(labelled, NUMBER) or facts.number
    if number:
        result[NUMBER] = re.sub(r"\s+", "", number)
    date = (
        to_iso(labelled.get("成文日期", ""))
        or facts.date
        or next((iso for label in DATE_LABELS if (iso := to_iso(labelled.get(label, "")))), "")
        or to_iso(file_meta.get(DATE, ""))
    )
    if date:
        result[DATE] = date
    if facts.genre:
        result[GENRE] = facts.genre
    region = region_for(fold(issuer), folded_title, fold(result.get(NUMBER, ""))) or region_of(
        labelled.get("所属区域", "")
    )
    if region:
        result[REGION] = region
    return result


def _as_written(facts: PolicyFacts, folded: str, original: str) -> PolicyFacts:
    """``facts`` read from the folded text, with each value that stands in the text in the
    document's own characters (folding keeps every offset)."""

    def written(value: str) -> str:
        at = folded.find(value) if value else -1
        return original[at:at + len(value)] if at >= 0 else value

    return replace(facts, issuers=[written(b) for b in facts.issuers],
                   number=written(facts.number), genre=written(facts.genre))


def region_for(issuer: str, title: str, number: str = "") -> str:
    """地区 from the first issuing body, else the title, else the 文号's issuer code."""
    first = split_bodies(issuer)[0] if issuer else ""
    if first:
        region = region_of(first, short_forms=False)
        if region:
            return region
        if is_national(first):
            return NATIONAL
    region = region_of(title)
    if region:
        return region
    if is_national(title):
        return NATIONAL
    return region_of_number(number) if number else ""


def _label_value(labelled: dict[str, str], name: str) -> str:
    return next((v for k, v in labelled.items() if LABEL_NAMES.get(k) == name and v), "")


def _label_issuer(labelled: dict[str, str]) -> str:
    value = _label_value(labelled, ISSUER)
    if not value:
        return ""
    bodies = [_SITE.sub("", body) if is_org(_SITE.sub("", body)) else body
              for body in split_bodies(value)]
    return "、".join(body for body in bodies if body)
