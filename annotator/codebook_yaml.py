"""A codebook's YAML read as plain values with line numbers, in bounded time and memory.

PyYAML's composer recurses once per nesting level and builds every node before anything is
checked; here the document is built from libyaml's event stream with a stack, and repeated
keys, nesting past the depth limit, too many mappings, tags and multiple documents are
refused as they are met (:class:`YamlProblem`, with the line). Used by
:mod:`annotator.codebook_file`, which checks what the values mean.
"""

from __future__ import annotations

from typing import Any

import yaml

from annotator.limits import MAX_CODE_DEPTH, MAX_CODES


class _Map(dict):  # type: ignore[type-arg]
    """A YAML mapping that remembers the line (1-based) of itself and of each key."""

    line: int | None = None
    key_lines: dict[str, int]


class _Seq(list):  # type: ignore[type-arg]
    """A YAML list that remembers the line (1-based) of each item."""

    item_lines: list[int]


# libyaml's parser when PyYAML was built with it: the pure-Python scanner takes about a
# minute over a 100,000-code file.
_SafeLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_SafeLoader):  # type: ignore[misc, valid-type]
    """The safe loader's scanner, parser and scalar constructors; collections are built by
    :func:`build_tree` from the event stream, without recursion."""


# A code at level n sits n mappings and n lists below the top (codes: - name: … children:),
# its keywords one list further.
_MAX_YAML_DEPTH = 2 * MAX_CODE_DEPTH + 2


def build_tree(text: str) -> Any:
    """The YAML document in ``text`` as plain values: mappings as _Map and lists as _Seq,
    with line numbers; repeated keys, nesting past the depth limit and more mappings than
    the code limit are refused before anything else is read. Iterative: a document nested
    thousands of levels deep costs no stack (PyYAML's own composer recurses)."""
    loader = _Loader(text)
    try:
        return _build_from(loader)
    finally:
        loader.dispose()


def _build_from(loader: _Loader) -> Any:
    root: Any = None
    documents = 0
    stack: list[_Map | _Seq] = []
    keys: list[tuple[str, int] | None] = []  # per open mapping: the key awaiting its value
    anchors: dict[str, Any] = {}
    mappings = 0

    def add(value: Any, line: int, is_collection: bool) -> None:
        nonlocal root
        if not stack:
            root = value
            return
        top = stack[-1]
        if isinstance(top, _Seq):
            top.append(value)
            top.item_lines.append(line)
            return
        pending = keys[-1]
        if pending is None:
            if is_collection:
                raise YamlProblem("a key must be text, not a list or block", line)
            key = value if isinstance(value, str) else str(value)
            if key in top:
                raise YamlProblem(f"key '{key}' appears twice in the same block", line)
            keys[-1] = (key, line)
            return
        key, key_line = pending
        top[key] = value
        top.key_lines[key] = key_line
        keys[-1] = None

    while loader.check_event():
        event = loader.get_event()
        line = event.start_mark.line + 1 if event.start_mark else 0
        if isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1:
                raise YamlProblem("the file holds more than one YAML document ('---')", line)
        elif isinstance(event, yaml.ScalarEvent):
            tag = event.tag
            if tag is None or tag == "!":
                tag = loader.resolve(yaml.ScalarNode, event.value, event.implicit)
            node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark,
                                   event.style)
            value = loader.construct_object(node)
            if event.anchor:
                anchors[event.anchor] = value
            add(value, line, False)
        elif isinstance(event, yaml.AliasEvent):
            if event.anchor not in anchors:
                raise YamlProblem(f"alias '*{event.anchor}' names no anchor before it", line)
            value = anchors[event.anchor]
            add(value, line, isinstance(value, list | dict))
        elif isinstance(event, yaml.CollectionStartEvent):
            if event.tag not in (None, "!", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"):
                raise YamlProblem(f"the tag {event.tag!r} is not allowed in a codebook", line)
            if len(stack) >= _MAX_YAML_DEPTH:
                raise YamlProblem(f"the codebook nests deeper than the limit of {MAX_CODE_DEPTH} "
                               "levels of codes", line)
            collection: _Map | _Seq
            if isinstance(event, yaml.MappingStartEvent):
                mappings += 1
                if mappings > MAX_CODES + 1:
                    raise YamlProblem(f"the codebook has more than {MAX_CODES:,} codes, the "
                                   "limit for one codebook", line)
                collection = _Map()
                collection.line, collection.key_lines = line, {}
            else:
                collection = _Seq()
                collection.item_lines = []
            if event.anchor:
                anchors[event.anchor] = collection
            add(collection, line, True)
            stack.append(collection)
            keys.append(None)
        elif isinstance(event, yaml.CollectionEndEvent):
            stack.pop()
            keys.pop()
    return root


class YamlProblem(Exception):
    """A problem found while reading, with its line; the reader turns it into
    CodebookFormatError naming the file."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message, self.line = message, line
