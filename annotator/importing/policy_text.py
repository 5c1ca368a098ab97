"""What a policy document says about itself: its 文种, 文号, issuing body and date.

Read only where documents put them — never from the body, which quotes other documents
(“根据《…》（国办发〔2018〕47号）”):

- the head: the lines between the title and the body (a 文号 alone on its line; a statute's
  history lines “2024年1月25日 北京市第十六届人民代表大会第二次会议通过”, “…修订”, “…国务院令第
  709号公布”);
- the signature block: the issuing body line(s) right before a date standing alone on its line;
- the title: 文种 is its last genre word, the issuing body the part before 关于.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from annotator.importing.dates import DATE, find_dates

HEAD_LINES = 15  # lines after the title searched for 文号 and history lines
_BODY_STARTS = re.compile(
    r"^(?:第[一二三四五六七八九十百零〇\d]+[章节条编]|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）]"
    r"|总\s*则|目\s*录|序\s*言)"
)
# 批准 is left out: a city's regulation approved by its province is still the city's.
_EVENT = re.compile("通过|修订|修正|公布|发布|颁布|印发")
_NUMBER = re.compile(
    r"[\u4e00-\u9fff]{1,15}\s*[〔［\[（(【]\s*(?:19|20)\d{2}\s*[〕］\]）)】]\s*第?\s*\d{1,5}\s*号"
    r"|[\u4e00-\u9fff][\u4e00-\u9fff ]{0,30}?公告\s*(?:(?:19|20)\d{2}\s*年\s*(?:度\s*)?)?"
    r"第\s*[\d〇零一二三四五六七八九十百]{1,8}\s*号"
    r"|[\u4e00-\u9fff]{1,30}?令\s*[（(]?\s*第\s*[\d〇零一二三四五六七八九十百千]{1,8}\s*号[)）]?"
    r"|[\u4e00-\u9fff]{1,30}?第\s*\d{1,5}\s*号令"
)
_WRAPPERS = "（）()[]【】 \u3000"
_SESSION = re.compile(r"^(.{2,40}?)第[〇零一二三四五六七八九十百\d]+次")
_DECREE = re.compile(r"^(.{2,30}?)令\s*第")
_QUOTED_ISSUER = re.compile(r"^《(.{2,30}?)关于")
_QUOTED_ANYWHERE = re.compile(r"《([^《》〈〉]{2,30}?)关于")
_ISSUED_BY = re.compile(r"^(.{2,30}?)(?:联合)?(?:发布|公布|印发|颁布)")
_SHORT_BODIES = frozenset({"中央军委", "国务院", "中共中央", "全国人大", "全国人大常委会"})
_TERM = re.compile(r"第[一二三四五六七八九十百\d]+届")
_SENTENCE_PUNCT = re.compile(r"[，。；：？！,;:?!、“”《》]")
_ORG_END = tuple("院部委局厅署办会室处府行所心司组团校馆社盟站") + ("政府", "委员会")
_NOT_ORG = re.compile(r"[^\u4e00-\u9fff \u3000（）()·]")
_TITLE_ISSUER = re.compile(r"^(.{2,60}?)关于")
_TRAILING_NOTE = re.compile(r"[（(【\[][^（()）【】\[\]]{0,24}[）)】\]]$")
# Genre words a title ends with, longest first where one ends another (办法 before 法).
_GENRES = (
    "细则", "办法", "条例", "规定", "规则", "决定", "决议", "命令", "通知", "通报",
    "意见", "方案", "规划", "计划", "纲要", "指引", "指南", "公告", "通告", "批复", "复函", "函",
    "报告", "措施", "要点", "标准", "规范", "清单", "目录", "解释", "答复", "纪要", "请示", "令",
    "法典", "法",
)
_NOT_LAW = set("办方做看想说手算司立执违语技书用章兵魔戏佛写读教学家无合非有依守变效取")


@dataclass
class PolicyFacts:
    """What the text says; every field may be empty."""

    number: str = ""  # 文号
    issuers: list[str] = field(default_factory=list)  # 发文机关, one entry per body
    date: str = ""  # ISO: latest adoption/revision date, else the signature date
    genre: str = ""  # 文种


def read_policy_facts(text: str, title: str) -> PolicyFacts:
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    head = _head(lines, title)
    facts = PolicyFacts(genre=genre_of(title), number=_head_number(head))
    history_date, history_issuer = _history(head)
    signature_issuers, signature_date = _signature(lines, len(head))
    facts.date = history_date or signature_date
    facts.issuers = (
        title_issuers(title) or signature_issuers or ([history_issuer] if history_issuer else [])
    )
    return facts


def genre_of(title: str) -> str:
    """The last genre word of a title: “关于印发《…办法》的通知” is 通知; "" if none."""
    title = title.strip()
    while True:
        stripped = _TRAILING_NOTE.sub("", title).rstrip("》」”\"' \u3000")
        if stripped == title:
            break
        title = stripped
    for genre in _GENRES:
        if title.endswith(genre):
            if genre == "法" and (len(title) > 40 or title[-2:-1] in _NOT_LAW):
                return ""
            if genre == "法典":
                return "法"
            return "函" if genre == "复函" else genre
    return ""


def title_issuers(title: str) -> list[str]:
    """国务院办公厅关于… → [国务院办公厅]; 科技部 财政部 税务总局关于… → three bodies."""
    match = _TITLE_ISSUER.match(title.strip())
    if match is None:
        return []
    parts = split_bodies(match.group(1))
    return parts if parts and all(is_org(part) for part in parts) else []


def split_bodies(value: str) -> list[str]:
    """Body names from one line or label value: 科技部、财政部 / 科技部 财政部 / 国 务 院."""
    parts = [p for p in re.split(r"[\s\u3000、，,；;/]+", value.strip()) if p]
    if len(parts) > 1 and all(len(p) == 1 for p in parts):
        return ["".join(parts)]  # a name spaced out for typesetting
    return parts


def is_org(name: str) -> bool:
    return (
        2 <= len(name) <= 30
        and not _NOT_ORG.search(name)
        and name.endswith(_ORG_END)
    )


def _head(lines: list[str], title: str) -> list[str]:
    """Lines from the start up to the body (title, 文号, history, dates)."""
    head: list[str] = []
    for line in lines[:HEAD_LINES]:
        if head and (_BODY_STARTS.match(line) or _is_salutation(line)):
            break
        if len(line) > 80 and not (find_dates(line) and _EVENT.search(line)):
            break
        head.append(line)
    return head


def _is_salutation(line: str) -> bool:
    return line.endswith(("：", ":")) and len(line) <= 100


def _head_number(head: list[str]) -> str:
    """A number alone on its line under the title, else the last decree number of the
    history lines (宗教事务条例: 第426号 in 2004, 第686号 for the version in force)."""
    decreed = ""
    for index, line in enumerate(head):
        following = head[index + 1] if index + 1 < len(head) else ""
        if line.endswith("令") and re.fullmatch(r"第\S{1,8}号", following):
            line = line + head[index + 1]  # 中华人民共和国主席令 / 第十六号
        undated = DATE.sub(" ", line)
        match = _NUMBER.search(undated)
        if match is None:
            continue
        number = re.sub(r"\s+", "", match.group())
        if match.group().strip() == undated.strip(_WRAPPERS):
            return number
        if _EVENT.search(undated[match.end():match.end() + 4]):
            decreed = number
    return decreed


def _history(head: list[str]) -> tuple[str, str]:
    """(latest adoption/revision date, the body that adopted it) from a statute's head."""
    events: list[tuple[str, str]] = []
    approvals: list[tuple[str, str]] = []
    for line in head:
        dates = find_dates(line)
        if not dates or not (_EVENT.search(line) or "批准" in line):
            continue
        for index, found in enumerate(dates):
            end = dates[index + 1].start if index + 1 < len(dates) else len(line)
            segment = line[found.end:end]
            if line[max(0, found.start - 1):found.start] == "自":
                continue  # 自2024年3月1日起施行: in force from, not adopted on
            # “…审判委员会第1193次会议、2001年6月18日…检察委员会…通过”: one 通过 for both.
            shared = segment.rstrip().endswith("、") and _EVENT.search(line[end:])
            if _EVENT.search(segment) or shared:
                events.append((found.iso, _event_body(segment)))
            elif "批准" in segment:
                approvals.append((found.iso, _approving_body(segment)))
    # A head that only says “国务院批准” is dated and issued by that approval.
    events = events or approvals
    if not events:
        return "", ""
    latest = max(iso for iso, _ in events)
    bodies = [body for iso, body in events if iso == latest and body]
    if not bodies:
        bodies = [body for _, body in sorted(events, reverse=True) if body]
    return latest, bodies[0] if bodies else ""


def _event_body(segment: str) -> str:
    segment = segment.strip(" \u3000，,（(")
    if "批准" in segment:
        # …批准的《郑州市人民代表大会常务委员会关于修改…的决定》修正: the city revised its own
        # regulation; the province only approved it.
        quoted = _QUOTED_ANYWHERE.search(segment)
        return _clean_body(quoted.group(1)) if quoted else ""
    for pattern in (_SESSION, _DECREE, _QUOTED_ISSUER, _ISSUED_BY):
        match = pattern.match(segment)
        if match:
            body = _clean_body(match.group(1))
            if body:
                return body
    return ""


def _approving_body(segment: str) -> str:
    match = re.match(r"^(.{2,30}?)(?:第[〇零一二三四五六七八九十百\d]+次.*)?批准", segment.strip())
    return _clean_body(match.group(1)) if match else ""


def _clean_body(raw: str) -> str:
    """One body name, or several joined by 、 (国务院、中央军委发布); "" if not a body."""
    bodies = []
    for body in split_bodies(_TERM.sub("", raw)):
        if body.startswith("中华人民共和国") and len(body) > 7:
            body = body[len("中华人民共和国"):]
        if not is_org(body) and body not in _SHORT_BODIES:
            return ""
        bodies.append(body)
    return "、".join(bodies)


def _signature(lines: list[str], skip: int) -> tuple[list[str], str]:
    """Issuing bodies and date of the first signature block after the head."""
    bare_dates: list[tuple[int, str]] = []
    for index in range(max(skip, 1), len(lines)):
        line = lines[index]
        dates = find_dates(line)
        alone = not line[: dates[0].start].strip() and not line[dates[0].end:].strip(_WRAPPERS) \
            if len(dates) == 1 else False
        if not alone:
            continue
        bodies: list[str] = []
        back = index - 1
        while back >= skip and len(bodies) < 6 and _org_line(lines[back]):
            bodies[:0] = split_bodies(lines[back])
            back -= 1
        if bodies:
            return bodies, dates[0].iso
        bare_dates.append((index, dates[0].iso))
    # A date alone among the last lines (the seal carries the body) still dates the text.
    tail = [iso for index, iso in bare_dates if index >= len(lines) - 4]
    return [], tail[-1] if tail else ""


def _org_line(line: str) -> bool:
    if len(line) > 60 or _SENTENCE_PUNCT.search(line) or _BODY_STARTS.match(line):
        return False
    parts = split_bodies(line)
    return bool(parts) and all(is_org(part) for part in parts)
