"""YAML that a file we did not write can hand us: front matter, overrides.yml (and any later
per-briefing file). One function, `load`, and one rule: a bad file is one Diagnostic naming it,
never an exception, never unbounded work.

- Aliases and anchors are refused (`*h` / `&h`): nested aliases expand exponentially (a 500-byte
  "billion laughs" front matter took 7 GB), and no setting needs them.
- Nesting depth, node count and the input size are bounded.
- Timestamps stay text: `date: 2015-02-30` is the string "2015-02-30" for the caller to check
  (metadata.py), not a crash inside the YAML library; `!!timestamp foo` is text too.
- Only the safe tags (PyYAML's SafeLoader): no Python objects.
- Messages quote at most a few dozen characters of the input.
"""
from __future__ import annotations

from typing import Any

import yaml
from yaml.composer import ComposerError
from yaml.events import AliasEvent, MappingStartEvent, ScalarEvent, SequenceStartEvent

from ..model import Diagnostic
from ..text import shorten

MAX_BYTES = 1_000_000  # an overrides file of a large briefing is a few KB
MAX_DEPTH = 20  # the deepest setting is a list inside a list inside a mapping
MAX_NODES = 100_000


class _Refused(ComposerError):
    """A document the loader will not build (alias, anchor, too deep, too many nodes)."""


class _Loader(yaml.SafeLoader):
    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0
        self._nodes = 0

    def compose_node(self, parent, index):  # noqa: D401 - PyYAML's hook
        event = self.peek_event()
        if isinstance(event, AliasEvent):
            raise _Refused(None, None, f"alias `*{shorten(event.anchor, 20)}` refused: YAML aliases are not "
                                       "supported here; write the value out", event.start_mark)
        if isinstance(event, (ScalarEvent, SequenceStartEvent, MappingStartEvent)) and event.anchor is not None:
            raise _Refused(None, None, f"anchor `&{shorten(event.anchor, 20)}` refused: YAML anchors and aliases "
                                       "are not supported here; write the value out", event.start_mark)
        self._nodes += 1
        if self._nodes > MAX_NODES:
            raise _Refused(None, None, f"more than {MAX_NODES:,} values", event.start_mark)
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise _Refused(None, None, f"nested more than {MAX_DEPTH} levels deep", event.start_mark)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


# Timestamps (implicit `2015-09-18` or explicit `!!timestamp`) are kept as the text written.
_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_constructor("tag:yaml.org,2002:timestamp", yaml.SafeLoader.construct_yaml_str)


def load(text: str, file: str, line_offset: int = 0, outcome: str = "ignored") -> tuple[Any, Diagnostic | None]:
    """Parse one YAML document. Returns (data, None), or (None, the one problem naming `file`).

    `line_offset` is added to line numbers (front matter starts after a `---` line); `outcome`
    says what happens to the file's content, e.g. "metadata ignored".
    """
    if len(text) > MAX_BYTES:
        return None, Diagnostic("error", file, f"YAML not read: {len(text):,} characters is over the "
                                               f"{MAX_BYTES:,} limit; {outcome}")
    try:
        loader = _Loader(text)
        try:
            return loader.get_single_data(), None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f" at line {mark.line + 1 + line_offset}" if mark is not None else ""
        if isinstance(exc, _Refused):
            what = exc.problem
        else:
            what = "not valid YAML: " + shorten(" ".join(filter(None, (exc.context, exc.problem))), 200)
        return None, Diagnostic("error", file, f"{what}{where}; {outcome}")
    except (yaml.YAMLError, ValueError, TypeError, AttributeError, OverflowError, RecursionError) as exc:
        # PyYAML's constructors raise plain Python errors on some values (a 5,000-digit integer)
        return None, Diagnostic("error", file, f"not valid YAML: {shorten(str(exc), 200)}; {outcome}")
