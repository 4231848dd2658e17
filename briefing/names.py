"""Names as strings: normal forms, keys and comparisons shared by repair, resolution and overrides."""
from __future__ import annotations

import functools
import re
import unicodedata

from rapidfuzz import fuzz
from text_unidecode import unidecode

PARTICLES = frozenset({"al", "el", "al-", "el-", "bin", "ibn", "abu", "de", "da", "di", "van", "von", "der",
                       "den", "du", "del", "della", "dos", "das", "le", "la", "ter", "ten", "ben", "mac", "st"})
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
# Common English short forms of first names that no prefix rule finds.
NICKNAMES = {
    "bill": "william", "bob": "robert", "rob": "robert", "dick": "richard", "rick": "richard",
    "jim": "james", "jimmy": "james", "joe": "joseph", "mike": "michael", "tom": "thomas",
    "tony": "anthony", "ted": "edward", "ed": "edward", "chuck": "charles", "charlie": "charles",
    "liz": "elizabeth", "beth": "elizabeth", "betty": "elizabeth", "kate": "katherine",
    "peggy": "margaret", "maggie": "margaret", "jack": "john", "hank": "henry", "harry": "henry",
    "sasha": "alexander", "dima": "dmitri", "volodymyr": "vladimir", "larry": "lawrence",
    "andy": "andrew", "dave": "david", "steve": "stephen", "dan": "daniel", "matt": "matthew",
    "chris": "christopher", "nick": "nicholas", "pat": "patrick", "sam": "samuel", "ben": "benjamin",
}


@functools.lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Diacritics and letters like "ı" or "ß" spelled in ASCII, as outlets that drop them do."""
    return unidecode(text) if not text.isascii() else text


@functools.lru_cache(maxsize=65536)
def normalize(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    text = text.replace("’", "'").replace("‘", "'").replace("–", "-").replace("—", "-")
    text = re.sub(r"'s?$", "", text)
    return re.sub(r"\s+", " ", text).strip()


def compact(text: str) -> str:
    return re.sub(r"[^0-9a-z]", "", fold(text).lower())


@functools.lru_cache(maxsize=65536)
def name_parts(text: str) -> tuple[str, ...]:
    """Lower-case name words without particles, suffixes and initials' dots."""
    words = re.split(r"[\s\-]+", fold(normalize(text)).lower().replace(".", ""))
    return tuple(w for w in words if w and w not in PARTICLES and w not in NAME_SUFFIXES)


def is_acronym(form: str) -> bool:
    letters = form.replace(".", "")
    return 2 <= len(letters) <= 8 and letters.isalpha() and letters.isupper()


def abbreviates(acronym: str, long: str) -> bool:
    """Can `acronym` be made of `long`'s letters: its first letter, then the others in order?
    "TEPCO" and "Tokyo Electric Power Co.", "ISIL" and "Islamic State in Iraq and the Levant";
    not "CNN" and "Seoul" (a dateline's outlet after its place)."""
    letters, text = compact(acronym), compact(long)
    if not letters or not text or letters[0] != text[0]:
        return False
    pos = 0
    for ch in letters:
        pos = text.find(ch, pos) + 1
        if pos == 0:
            return False
    return True


def initials(form: str) -> str:
    return "".join(w[0] for w in re.findall(r"[A-Z][\w'-]*", form)).lower()


def first_names_match(a: str, b: str) -> bool:
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    if NICKNAMES.get(a, a) == NICKNAMES.get(b, b):
        return True
    short, long_ = sorted((a, b), key=len)
    if len(short) >= 3 and long_.startswith(short):
        return True
    return a[0] == b[0] and fuzz.ratio(a, b) >= 80  # transliterations: Sergei / Sergey


def group_stem(form: str) -> str:
    """Demonym and group forms share a stem: Russian/Russians, Western/West."""
    key = compact(form)
    for suffix in ("ern", "s"):
        if key.endswith(suffix) and len(key) > len(suffix) + 2:
            key = key[: -len(suffix)]
    return key
