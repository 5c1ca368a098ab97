"""Text clean-up applied to every imported document before it is stored.

Passages are stored as character offsets into this text, so the rules must be stable and must
never rewrite what the author wrote: no NFKC, full-width punctuation, indentation and numbering
(一、 （一） 1. 第一条) stay exactly as they are.
"""

from __future__ import annotations

import re

# Vertical tab / form feed (Word page breaks), Unicode line/paragraph separators and NEL all
# mean "new line" to a reader.
_LINE_BREAKS = re.compile("\r\n|[\r\x0b\x0c\x85\u2028\u2029]")
# C0 controls except \t and \n, DEL, and C1 controls: never meaningful, often left over from
# mis-decoded pages.
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")
# Invisible format characters that web editors sprinkle into Chinese text; they break searching
# and make offsets differ from what the user sees.
_INVISIBLE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180e\u200b\u200c\u200e\u200f"
    "\u202a-\u202e\u2060-\u2064\u2066-\u206f\u3164\ufeff\uffa0]"
)
# U+200D (zero-width joiner) is invisible too, except between two emoji, where it makes one
# picture of them (👩‍🔬 is 👩 + ZWJ + 🔬); removing it there changes what the reader sees.
_EMOJI = "\U0001f000-\U0001faff\u2190-\u21ff\u2300-\u23ff\u2460-\u24ff\u2600-\u27bf\u2b00-\u2bff"
_STRAY_ZWJ = re.compile(f"(?<![{_EMOJI}\ufe0f])\u200d|\u200d(?![{_EMOJI}])")
_MANY_BLANK_LINES = re.compile(r"\n{3,}")


def normalise_text(text: str) -> str:
    """Return ``text`` with line endings, invisible characters and blank lines tidied."""
    text = _LINE_BREAKS.sub("\n", text)
    text = _CONTROLS.sub("", text)
    text = _INVISIBLE.sub("", text)
    text = _STRAY_ZWJ.sub("", text)
    # str.rstrip() also removes U+3000 and NBSP, which pasted web text leaves at line ends.
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    text = _MANY_BLANK_LINES.sub("\n\n", text)
    # Only newlines: the first line's indentation (e.g. two U+3000) belongs to the author.
    return text.strip("\n")
