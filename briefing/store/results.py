"""The cache of briefing results, so a site rebuild re-runs only the briefings whose inputs changed.

A briefing's key is a hash of everything its result depends on: the names and bytes of its
article files, its metadata, the site's and its own overrides, the settings that shape a build,
the model's name and version, the data packages' versions, this tool's code (`code`) and the
shape of the data model. Under that key the cache keeps the briefing (articles, entities,
facts), the problems found building it and the summary the site pages need: results, never
rendered pages, which are made again in every build so that whatever an entry says reaches a
page only through render/'s escaping. Entries are `marshal` data of plain tuples (no pickle:
loading runs no code), checked against the dataclasses' field types on load and then against
the briefing's own files (checks.py); a damaged, foreign or failing entry is treated as missing
and recomputed. The folder is safe to delete.
"""
from __future__ import annotations

import dataclasses
import functools
import hashlib
import marshal
import operator
import os
import re
import types
import typing
from collections.abc import Callable, Iterable
from pathlib import Path

from .. import __version__
from . import cachefiles

SCHEMA = 1


class Damaged(ValueError):
    """Cached data that does not have the shape of the type it should hold."""


# -- codec: frozen dataclasses <-> plain tuples, checked against the type hints -------------------
@functools.cache
def _codec(hint) -> tuple[Callable, Callable]:
    """(encode, decode) for a type hint: dataclasses, NamedTuples, tuple[X, ...], tuple[X, Y],
    dict[K, V], X | None, Literal[...], str, int, float, bool; one builder per kind (`_KINDS`)."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    for applies, build in _KINDS:
        if applies(hint, origin):
            return build(hint, args)
    raise TypeError(f"cannot cache values of type {hint}")


def _same(x):
    return x


def _scalar(hint, args) -> tuple[Callable, Callable]:
    def check(x, _t=hint):
        if type(x) is not _t:
            raise Damaged(f"expected {_t.__name__}, got {type(x).__name__}")
        return x
    return _same, check


def _none(hint, args) -> tuple[Callable, Callable]:
    def none(x):
        if x is not None:
            raise Damaged("expected None")
        return x
    return _same, none


def _literal(hint, args) -> tuple[Callable, Callable]:
    def literal(x, _allowed=frozenset(args)):
        if x not in _allowed:
            raise Damaged(f"unexpected value {x!r}")
        return x
    return _same, literal


def _optional(hint, args) -> tuple[Callable, Callable]:
    """X | None: the only union a cached value may have."""
    inner = [_codec(a) for a in args if a is not type(None)]
    if len(inner) != 1:
        raise TypeError(f"unsupported union {hint}")
    enc, dec = inner[0]
    none_ok = type(None) in args
    return ((lambda x: None if x is None else enc(x)),
            (lambda x: None if x is None and none_ok else dec(x)))


def _tuple(hint, args) -> tuple[Callable, Callable]:
    if len(args) == 2 and args[1] is Ellipsis:
        enc, dec = _codec(args[0])

        def many(x):
            if type(x) is not tuple:
                raise Damaged("expected a tuple")
            return tuple(map(dec, x))
        return (lambda x: tuple(map(enc, x))), many
    parts = [_codec(a) for a in args]

    def fixed(x):
        if type(x) is not tuple or len(x) != len(parts):
            raise Damaged("expected a tuple of %d" % len(parts))
        return tuple(d(v) for (_, d), v in zip(parts, x))
    if all(e is _same for e, _ in parts):  # a tuple of plain values: itself
        return tuple, fixed
    return (lambda x: tuple([e(v) for (e, _), v in zip(parts, x)])), fixed


def _dict(hint, args) -> tuple[Callable, Callable]:
    kenc, kdec = _codec(args[0]) if args else _any()
    venc, vdec = _codec(args[1]) if args else _any()

    def mapping(x):
        if type(x) is not tuple:
            raise Damaged("expected pairs")
        return {kdec(k): vdec(v) for k, v in x}
    return (lambda x: tuple((kenc(k), venc(v)) for k, v in sorted(x.items()))), mapping


def _record(hint, args) -> tuple[Callable, Callable]:
    """A dataclass or NamedTuple: its fields in order, each by its own hint."""
    hints = typing.get_type_hints(hint)
    names = [f.name for f in dataclasses.fields(hint)] if dataclasses.is_dataclass(hint) else list(hint._fields)
    encs = [_codec(hints[n])[0] for n in names]
    decs = [_codec(hints[n])[1] for n in names]

    def record(x, _cls=hint, _n=len(names)):
        if type(x) is not tuple or len(x) != _n:
            raise Damaged(f"expected {_n} fields of {_cls.__name__}")
        return _cls(*[d(v) for d, v in zip(decs, x)])
    fields = operator.attrgetter(*names) if len(names) > 1 else (lambda x: tuple(getattr(x, n) for n in names))
    if all(e is _same for e in encs):  # fields of plain values: the tuple of them
        return fields, record
    return (lambda x: tuple([e(v) for e, v in zip(encs, fields(x))])), record


# (applies to (hint, origin), builder), in the order they are tried
_KINDS = (
    (lambda h, o: h in (str, int, float, bool), _scalar),
    (lambda h, o: h is type(None), _none),
    (lambda h, o: o is typing.Literal, _literal),
    (lambda h, o: o in (typing.Union, types.UnionType), _optional),
    (lambda h, o: o is tuple, _tuple),
    (lambda h, o: o is dict or h is dict, _dict),
    (lambda h, o: isinstance(h, type) and (dataclasses.is_dataclass(h) or hasattr(h, "_fields")), _record),
)


def _any() -> tuple[Callable, Callable]:
    def plain(x):  # plain YAML-like values: str, int, float, bool, None, nested tuples
        if x is None or type(x) in (str, int, float, bool):
            return x
        if type(x) is tuple:
            return tuple(plain(v) for v in x)
        raise Damaged(f"unexpected {type(x).__name__}")
    return (lambda x: x), plain


def encode(hint, value):
    return _codec(hint)[0](value)


def decode(hint, data):
    return _codec(hint)[1](data)


def shape(*classes: type) -> str:
    """The field names and types of the cached dataclasses: part of every key, so a change of the
    data model never reads an old entry as the new shape."""
    parts = []
    for cls in classes:
        hints = typing.get_type_hints(cls)
        parts.append(f"{cls.__module__}.{cls.__qualname__}(" + ",".join(f"{k}:{v}" for k, v in hints.items()) + ")")
    return ";".join(parts)


# -- keys and entries ------------------------------------------------------------------------------
@functools.cache
def code() -> str:
    """A digest of this tool's own files (its code, templates and assets): part of every key, so
    a changed rule re-runs the briefings even when the version number stayed the same (an install
    from a branch, an edit while developing)."""
    root = Path(__file__).parent.parent  # the package briefing/, this module being in briefing/store/
    h = hashlib.sha256(__version__.encode())
    for path in sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        h.update(path.relative_to(root).as_posix().encode() + b"\0")
        h.update(path.read_bytes() + b"\0")
    return h.hexdigest()


def key(parts: Iterable[bytes | str]) -> str:
    h = hashlib.sha256()
    for part in (code(), str(SCHEMA), *parts):
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "big"))
        h.update(data)
    return h.hexdigest()


ENTRY = re.compile(r"([0-9a-f]{64})\.(entry|briefing|pages|history)")  # .pages: rendered pages, no longer kept


class Store:
    """Entries under `<cache_dir>/results/`; without a folder nothing is cached. The store
    remembers the keys this build read or wrote: those are in use when the cache is pruned."""

    def __init__(self, folder: Path | None):
        self.folder = folder / "results" if folder else None
        self.used: set[str] = set()

    def cache_entries(self) -> list[tuple[Path, bool]]:
        """(file, in use by this build) for each file named like an entry."""
        return cachefiles.entries(self.folder, ENTRY, self.used)

    def _path(self, k: str, kind: str) -> Path | None:
        return self.folder / k[:2] / f"{k}.{kind}" if self.folder else None

    def load(self, hint, k: str, kind: str):
        """The value stored under (k, kind), or None when missing or damaged."""
        path = self._path(k, kind)
        if path is None:
            return None
        self.used.add(k)
        try:
            data = marshal.loads(path.read_bytes())
            if type(data) is not tuple or len(data) != 2 or data[0] != k:
                raise Damaged("not this entry")
            return decode(hint, data[1])
        except (OSError, EOFError, ValueError, TypeError, KeyError, IndexError):
            return None

    def store(self, hint, k: str, kind: str, value) -> None:
        path = self._path(k, kind)
        if path is None:
            return
        self.used.add(k)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
            tmp.write_bytes(marshal.dumps((k, encode(hint, value))))
            os.replace(tmp, path)
        except OSError:
            pass  # the cache is an optimisation; a read-only disk still builds
