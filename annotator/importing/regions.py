"""地区 of a document: the province or prefecture-level city of its issuing body or title.

The most specific level wins: 广东省深圳市人民政府 and 深圳市科技创新委员会 are 深圳市, 广东省
人民政府 is 广东省 (cities can be grouped by province afterwards; the reverse needs the city).
Districts and counties are not in the list, so 北京市海淀区人民政府 is 北京市. National bodies
(国务院, 全国人民代表大会, ministries, 国家…局) are 全国. The names ship in data/regions.txt.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

NATIONAL = "全国"
_NATIONAL_STARTS = (
    "国务院", "全国", "中共中央", "中央", "国家", "中华人民共和国", "最高人民",
    "中国人民银行", "中国科学院", "中国工程院", "中国科协", "中国证监会", "中国银保监会",
)
# Ministries and commissions of the State Council as they sign (full and short names).
_MINISTRIES = frozenset(
    "外交部 国防部 教育部 科学技术部 科技部 工业和信息化部 工信部 公安部 国家安全部 民政部 司法部 "
    "财政部 人力资源和社会保障部 人力资源社会保障部 人社部 自然资源部 生态环境部 住房和城乡建设部 "
    "住房城乡建设部 交通运输部 水利部 农业农村部 商务部 文化和旅游部 退役军人事务部 应急管理部 "
    "审计署 海关总署 税务总局 市场监管总局 发展改革委 国资委 证监会 银保监会 金融监管总局 "
    "卫生健康委 民委 国家民委 知识产权局 统计局".split()
)
# Province abbreviations that open a 文号 (京政发〔2023〕5号). Those shared with a city's
# abbreviation (青: 青岛, 宁: 南京, 新, 贵, 云) are left out.
_ABBREVIATIONS = {
    "京": "北京市", "津": "天津市", "沪": "上海市", "渝": "重庆市", "冀": "河北省", "晋": "山西省",
    "辽": "辽宁省", "吉": "吉林省", "黑": "黑龙江省", "苏": "江苏省", "浙": "浙江省",
    "皖": "安徽省",
    "闽": "福建省", "赣": "江西省", "鲁": "山东省", "豫": "河南省", "鄂": "湖北省", "湘": "湖南省",
    "粤": "广东省", "桂": "广西壮族自治区", "琼": "海南省", "川": "四川省", "黔": "贵州省",
    "滇": "云南省", "藏": "西藏自治区", "陕": "陕西省", "甘": "甘肃省", "蒙": "内蒙古自治区",
}
_SUFFIXES = ("特别行政区", "自治区", "省", "市")
_ETHNIC = re.compile(r"(?:壮族|回族|维吾尔)$")
_NOT_PLACES = ("大学", "学院", "医院", "路", "公司")
_PARTY = re.compile(r"^(?:中共|中国共产党)")


@cache
def _tables() -> tuple[dict[str, str], dict[str, str]]:
    """(full name → its province, short name → full name)."""
    province_of: dict[str, str] = {}
    short: dict[str, str] = {}
    data = resources.files("annotator.importing").joinpath("data/regions.txt")
    for raw in data.read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        province, *cities = raw.split()
        province_of[province] = province
        for city in cities:
            province_of[city] = province
            if city.endswith("市") and len(city) >= 3:
                short.setdefault(city[:-1], city)
        for suffix in _SUFFIXES:
            if province.endswith(suffix):
                # Provinces first in each line, so 吉林 is 吉林省 (the city is 吉林市).
                short[_ETHNIC.sub("", province[: -len(suffix)])] = province
                break
    return province_of, short


def region_of(name: str, *, short_forms: bool = True) -> str:
    """The region a body name or title starts with ("" if none); 全国 is not decided here.

    ``short_forms`` also accepts 北京/深圳 without 市 (titles: 北京国际科技创新中心建设条例).
    """
    province_of, short = _tables()
    name = _PARTY.sub("", name.strip())
    found = _longest_prefix(name, province_of)
    if not found and short_forms:
        stem = _longest_prefix(name, short)
        if stem and name[len(stem):].startswith(_NOT_PLACES):
            stem = ""  # 中山大学 is a university, not 中山市
        if stem:
            found = short[stem]
            rest = name[len(stem):]
            if found.endswith("市") and rest.startswith("市"):
                stem += "市"
            name = found + name[len(stem):]
    if not found:
        return ""
    city = _longest_prefix(name[len(found):], province_of)
    if city and province_of[city] == found:
        return city  # 广东省深圳市: the city
    return found


def is_national(name: str) -> bool:
    """国务院, 全国人民代表大会, ministries (科学技术部, 建设部), 国家…局, 海关总署 …"""
    name = _PARTY.sub("", name.strip()) if name.startswith("中共中央") else name.strip()
    if name.startswith(_NATIONAL_STARTS) or name in _MINISTRIES:
        return True
    if any(name.startswith(ministry) for ministry in _MINISTRIES if len(ministry) >= 3):
        return True
    # A ministry or national administration named without a place: 建设部, 税务总局.
    return (
        name.endswith(("部", "总局", "总署"))
        and len(name) <= 12
        and not name.startswith(("省", "市", "区", "县", "自治"))
        and not region_of(name)
    )


def region_of_number(number: str) -> str:
    """地区 read from a 文号's issuer code: 国办发 → 全国, 京政发 → 北京市, else ""."""
    if number.startswith("国") and not number.startswith("国家"):
        return NATIONAL
    return _ABBREVIATIONS.get(number[:1], "")


def _longest_prefix(text: str, names: dict[str, str]) -> str:
    for length in range(min(len(text), 12), 1, -1):
        if text[:length] in names:
            return text[:length]
    return ""
