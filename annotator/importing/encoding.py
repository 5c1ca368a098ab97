"""Turn the bytes of a text file or web page into ``str``.

Order: byte-order marks, NUL bytes (BOM-less UTF-16 or binary), strict UTF-8, a declared
charset (HTML), then a guess. charset-normalizer is unreliable on a sentence or two of Chinese
(it calls short GBK "cp949" or "utf_16_be"), so GB18030 and Big5 are also scored by how many
decoded characters fall in each standard's table of common hanzi; the clearer reading wins.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import islice

from charset_normalizer import from_bytes


class NotTextError(ValueError):
    """The bytes are not text in any plausible encoding."""


@dataclass(frozen=True)
class Decoded:
    text: str
    warning: str = ""  # set when the encoding was chosen on very little evidence


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: FF FE 00 00 starts with FF FE
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Fallback chains: GB18030 is a superset of GB2312/GBK, cp950 and HKSCS extend Big5.
_GB = ("gb18030",)
_BIG5 = ("cp950", "big5hkscs")
_SCORE_SAMPLE = 4000  # non-ASCII characters scored; enough to decide, cheap on big files
_DECISIVE, _MARGIN = 0.8, 0.2
_TOP_SHARE = 0.35  # real simplified text: ~0.8 in the 500 commonest hanzi; misreadings ~0.1
_SHORT = 400  # non-ASCII bytes below which charset-normalizer is not trusted
_CHINESE_OR_WIDE = ("gb", "big5", "cp950", "hz", "utf_16", "utf_32")
# The 500 commonest simplified hanzi (by jieba dictionary word frequency).
_TOP_SIMPLIFIED = frozenset(
    "一是人了不在有大中国和为这上他个地年来我会以到时要出的生学说道民家子也成行下们于后就发自之对得主长可"
    "过天作分方用多你着部能市等业全里工公经本都而高政法面门动日进区事代那去心小同北定开产前其军还然起种所"
    "如现理机体表力好外与文当两实重新三么只山水关明从化平建又制南内西没此将员名手最东头者月间无安看见各城"
    "十相但已些正口通想度加第她合院物性战由位常点海意场武使次二向治因立数样身情入原问把路被并利石老教万知"
    "级量任江及应省资委务元美特期世湖回系比气汉总展电科金先声提品设或义王社很统处四首共马形己儿司太目基领"
    "队直计别女权话少流命至报米给打变果书清活几州华解议更称程今决张导术府才保交放管结师便走达族反再题色五"
    "京河接条规式县白它改风光运信受什组听布百济党指论强做取技黄神选记斯真却职号界件花类何眼兵传带空干农边"
    "据集联古广完质阳难增历史专官每住商即步认车台林必死游举线言皇土团收考求德叫近备研争非具李众连调感转笑"
    "革该持始英克士尔让拉思根格造较际亲单朝红型价校约器字段周亚深候则功属积快图火千准究往极育装许参半令吃"
    "观鱼精办像帝八复影告远群包整构料随划算象容示投势热值夫网望源息语股铁断派速怎需片爱律纪支早况病境证编"
)
_CJK_PUNCT = set("，。、；：？！“”‘’（）《》〈〉【】〔〕—…·「」『』　％＋－．／：～")
# Below this many non-ASCII characters a GB-or-Big5 decision rests on a word or two.
_FEW_CHARACTERS = 30
_THREE_BYTES = re.compile("[\u0800-\U0010ffff]")
_BAD_CHARS = re.compile("[\x00-\x08\x0e-\x19\x1b-\x1f\x7f-\x9f\ufffd]")


def decode_bytes(data: bytes, declared: str | None = None) -> str:
    """Decode ``data``; ``declared`` is a charset named by the document itself (HTML meta).

    Raises NotTextError when no encoding gives plausible text.
    """
    return decode(data, declared).text


def decode(data: bytes, declared: str | None = None) -> Decoded:
    """Like decode_bytes, with a warning when a short text's GB/Big5 reading is a guess."""
    text = _decode(data, declared)
    if declared or text.isascii() or not _scored_guess(data, text):
        return Decoded(text)
    wide = sum(1 for c in text if ord(c) > 0x7F)
    if wide >= _FEW_CHARACTERS:
        return Decoded(text)
    name = "Big5" if text == _decode_first(data, _BIG5) and text != _decode_first(data, _GB) \
        else "GBK/GB18030"
    return Decoded(text, f"encoding guessed as {name} from only {wide} non-ASCII characters; "
                         "check that the text reads right")


def _scored_guess(data: bytes, text: str) -> bool:
    """True when ``text`` is the legacy Chinese reading rather than UTF-8 or a BOM's."""
    if data.startswith(tuple(bom for bom, _ in _BOMS)) or b"\x00" in data:
        return False
    try:
        return data.decode("utf-8") != text
    except UnicodeDecodeError:
        return text in (_decode_first(data, _GB), _decode_first(data, _BIG5))


def _decode(data: bytes, declared: str | None) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(data[len(bom) :].decode(encoding))
            except UnicodeDecodeError:
                break  # a lying BOM: guess like any other file
    if b"\x00" in data:
        return _bomless_utf16(data)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        # Short GBK like "通知" (CD A8 D6 AA) is also valid UTF-8 for odd two-byte letters.
        if not _odd_utf8(text):
            return _checked(text)
        return _checked(_score_chinese(data) or text)
    chain = _codec_chain(declared) if declared else ()
    if chain and chain[0] not in ("utf-8", "latin-1", "cp1252", "ascii"):
        text = _decode_first(data, chain)
        if text is not None:
            return _checked(text)
    text = _guess(data)
    if text is None and chain:
        text = _decode_first(data, chain)  # e.g. a genuinely Latin-1 page
    if text is None:
        raise NotTextError("no plausible encoding")
    return _checked(text)


def _guess(data: bytes) -> str | None:
    best = from_bytes(data).best()
    guessed = best.encoding if best is not None else None
    scored = _score_chinese(data)
    if guessed is None or guessed.startswith(_CHINESE_OR_WIDE):
        # charset-normalizer mixes up GB, Big5 and UTF-16 on short input: clear scores win.
        if scored is not None:
            return scored
    elif scored is not None and sum(b > 0x7F for b in data[:4000]) < _SHORT:
        # On short input it also calls GBK "cp949"; on long input its Korean/Japanese
        # answers are trusted (EUC-KR hangul would otherwise read as GB2312 hanzi).
        return scored
    if best is None or guessed is None:
        return None
    text = _decode_first(data, _codec_chain(guessed))
    return text if text is not None else str(best)


def _score_chinese(data: bytes) -> str | None:
    """Return the GB18030 or Big5 reading of ``data`` if one is clearly real Chinese.

    GB2312 bytes also decode as plausible Big5 hanzi (both use A1-FE pairs), so a GB reading
    is recognised by its share of everyday simplified characters; Big5 bytes read as GB land
    in rare or unassigned rows and score low on GB2312 level 1.
    """
    gb_text = _decode_first(data, _GB)
    big5_text = _decode_first(data, _BIG5)
    gb = _share(gb_text, _gb_common) if gb_text is not None else 0.0
    if gb_text is not None and gb >= _DECISIVE and _share(gb_text, _is_top) >= _TOP_SHARE:
        return gb_text
    big5 = _share(big5_text, _big5_common) if big5_text is not None else 0.0
    if big5_text is not None and big5 >= _DECISIVE and big5 - gb >= _MARGIN:
        return big5_text
    if gb_text is not None and gb >= _DECISIVE and gb - big5 >= _MARGIN:
        return gb_text
    return None


def _share(text: str, is_common: Callable[[str], bool]) -> float:
    sample = list(islice((c for c in text if ord(c) > 0x7F), _SCORE_SAMPLE))
    if not sample:
        return 0.0
    return sum(1 for c in sample if c in _CJK_PUNCT or is_common(c)) / len(sample)


def _is_top(char: str) -> bool:
    return char in _TOP_SIMPLIFIED


def _gb_common(char: str) -> bool:
    # GB2312 level 1 (rows B0-D7): the 3,755 most used simplified hanzi.
    try:
        raw = char.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return len(raw) == 2 and 0xB0 <= raw[0] <= 0xD7


def _big5_common(char: str) -> bool:
    # Big5 常用字 block A440-C67E: the 5,401 most used traditional hanzi.
    try:
        raw = char.encode("big5")
    except UnicodeEncodeError:
        return False
    return len(raw) == 2 and 0xA440 <= int.from_bytes(raw, "big") <= 0xC67E


def _odd_utf8(text: str) -> bool:
    """True when the non-ASCII characters are only rare two-byte UTF-8 letters and marks."""
    # One character of three UTF-8 bytes or more (any CJK) settles it: found in C, at the
    # first hanzi, instead of a Python walk over a whole Chinese text.
    if text.isascii() or _THREE_BYTES.search(text) is not None:
        return False
    wide = [c for c in text if ord(c) > 0x7F]
    if not wide or any(ord(c) >= 0x800 for c in wide):
        return False
    usual = sum(1 for c in wide if 0xA0 <= ord(c) <= 0x24F or 0x370 <= ord(c) <= 0x4FF)
    return usual < len(wide) / 2


def _bomless_utf16(data: bytes) -> str:
    """NUL bytes mean UTF-16 without BOM (ASCII code units carry a zero byte) or binary."""
    if len(data) % 2 == 0:
        for encoding in ("utf-16-le", "utf-16-be"):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            if _share_ordinary(text) >= 0.95:
                return text
    raise NotTextError("binary content")


def _share_ordinary(text: str) -> float:
    """Share of characters a real document is made of; random 16-bit units score ~0.4."""
    if not text:
        return 0.0
    ordinary = 0
    for char in text[:_SCORE_SAMPLE]:
        code = ord(char)
        if (
            0x20 <= code < 0x7F
            or char in "\t\n\r"
            or 0xC0 <= code <= 0x24F  # accented Latin
            or 0x2000 <= code <= 0x206F  # general punctuation
            or 0x3000 <= code <= 0x30FF  # CJK punctuation, kana
            or 0xAC00 <= code <= 0xD7A3  # Hangul
            or 0xFF00 <= code <= 0xFFEF  # full-width forms
            or _encodable(char, "gb2312")
            or _encodable(char, "big5")
        ):
            ordinary += 1
    return ordinary / min(len(text), _SCORE_SAMPLE)


def _encodable(char: str, encoding: str) -> bool:
    try:
        char.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


def _codec_chain(name: str) -> tuple[str, ...]:
    """Map a charset label to the codecs to try, widening GB and Big5 to their supersets."""
    label = name.strip().lower().replace("_", "-")
    if label in ("gb2312", "gbk", "gb18030", "cp936", "x-gbk", "euc-cn", "gb-2312-80", "ms936"):
        return _GB
    if label.startswith("big5") or label in ("cp950", "x-x-big5", "ms950"):
        return _BIG5
    try:
        return (codecs.lookup(label).name,)
    except LookupError:
        return ()


def _decode_first(data: bytes, encodings: Iterable[str]) -> str | None:
    for encoding in encodings:
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    return None


def _checked(text: str) -> str:
    # Control characters in a decoded legacy file mean the bytes were never text.
    bad = len(_BAD_CHARS.findall(text))
    if bad > max(2, len(text) // 100):
        raise NotTextError("binary content")
    return text
