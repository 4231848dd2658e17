"""Names as strings: normal forms, keys and comparisons shared by repair, resolution and overrides."""
from __future__ import annotations

import functools
import re
import unicodedata

from cleanco import basename
from rapidfuzz.distance import Levenshtein
from text_unidecode import unidecode

from ..words import knowledge
from ..words.english import HONORIFICS

# Name particles: "al-Assad" is "Assad", "von der Leyen" is "Leyen". ("ben" is a first name too.)
PARTICLES = frozenset({"al", "el", "al-", "el-", "bin", "ibn", "abu", "de", "da", "di", "van", "von", "der",
                       "den", "du", "del", "della", "dos", "das", "le", "la", "ter", "ten", "mac", "st"})
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
COMPASS_POINTS = frozenset({"North", "South", "East", "West"})  # "the North" of a divided country
# A nickname that stands for more given names than this says nothing about which one ("Chris").
AMBIGUOUS_NICKNAME = 4
FORMAT_CHARS = re.compile(r"[\u00ad\u200b-\u200f\u2060\ufeff]")  # soft hyphen, zero-width spaces and joiners


@functools.lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Diacritics and letters like "ı" or "ß" spelled in ASCII, as outlets that drop them do."""
    return unidecode(text) if not text.isascii() else text


@functools.lru_cache(maxsize=65536)
def normalize(text: str) -> str:
    text = FORMAT_CHARS.sub("", unicodedata.normalize("NFKC", text))
    text = text.replace("’", "'").replace("‘", "'").replace("–", "-").replace("—", "-")
    text = re.sub(r"'s?$", "", text)
    return re.sub(r"\s+", " ", text).strip()


# Organisation words as news style abbreviates them ("Players Assn."): no data package lists them.
ORG_ABBREVIATIONS = {"assn": "Association", "assoc": "Association", "dept": "Department", "univ": "University",
                     "intl": "International", "natl": "National", "govt": "Government", "inst": "Institute",
                     "bros": "Brothers", "mfg": "Manufacturing", "ctr": "Center"}


@functools.lru_cache(maxsize=65536)
def without_legal_form(form: str) -> str:
    """"Velox Electric Power Co." -> "Velox Electric Power", "Petronas Bhd" -> "Petronas": the legal
    forms of many countries, by cleanco; a name that is nothing else keeps its words."""
    base = form
    while True:
        shorter = basename(base).strip()
        if not shorter or shorter == base:
            return base
        base = shorter


@functools.lru_cache(maxsize=65536)
def thing_name(form: str) -> str:
    """A named thing's name as keys compare it: no legal form, organisation words spelled out
    ("Players Assn." = "Players Association")."""
    return " ".join(ORG_ABBREVIATIONS.get(w.lower().rstrip("."), w) for w in without_legal_form(form).split())


def compact(text: str) -> str:
    return re.sub(r"[^0-9a-z]", "", fold(text).lower())


@functools.lru_cache(maxsize=65536)
def name_parts(text: str) -> tuple[str, ...]:
    """Lower-case name words without particles, suffixes and initials' dots."""
    words = []
    for word in re.split(r"\s+", fold(normalize(text)).lower().replace(".", "")):
        parts = [p for p in word.split("-") if p]
        # "al-Assad" is "Assad"; a double-barrelled "Okonkwo-Vale" stays one surname
        words += [p for p in parts if p not in PARTICLES] if any(p in PARTICLES for p in parts) else ["-".join(parts)]
    words = [w for w in words if w and w not in PARTICLES and w not in NAME_SUFFIXES]
    while len(words) > 1 and words[0] in HONORIFICS:
        words.pop(0)
    return tuple(words)


def has_honorific(form: str) -> bool:
    """"Mr Okafor", "Gen. Abara": a name after an honorific or an abbreviated rank."""
    words = form.split()
    return len(words) >= 2 and words[0].lower().rstrip(".") in HONORIFICS


def is_acronym(form: str) -> bool:
    letters = form.replace(".", "")
    return 2 <= len(letters) <= 8 and letters.isalpha() and letters.isupper()


def abbreviates(acronym: str, long: str) -> bool:
    """Can `acronym` be made of `long`'s letters: its first letter, then the others in order?
    "VEPCO" and "Velox Electric Power Co.", "ISIL" and "Islamic State in Iraq and the Levant";
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


def acronym_words(form: str) -> tuple[tuple[str, bool], ...]:
    """A name's words as an acronym reads them: (letters, needed), where a capitalised word is
    needed and a lower-case one ("of", "and") may be left out. Empty unless two words are needed."""
    words = tuple((re.sub(r"[^a-z]", "", w.lower()), w[:1].isupper()) for w in re.split(r"[\s\-]+", fold(form)))
    words = tuple(w for w in words if w[0])
    return words if sum(needed for _, needed in words) >= 2 else ()


def spells(acronym: str, form: str, longest: int | None = None) -> bool:
    """Is `acronym` the start of each needed word of `form` in order, and of any other words it
    keeps: "MSC" of "Marine Safety Commission", "DOH" of "Department of Harbours"; with
    `longest` None, starts longer than one letter too ("VEPCO" of "Velox Electric Power Co.")."""
    letters, words = compact(acronym), acronym_words(form)

    @functools.cache
    def rest(i: int, j: int) -> bool:  # letters[i:] spelled by words[j:]
        if j == len(words):
            return i == len(letters)
        word, needed = words[j]
        if not needed and rest(i, j + 1):
            return True
        k = 1
        while k <= min(len(word), len(letters) - i, longest or len(word)) and letters[i + k - 1] == word[k - 1]:
            if rest(i + k, j + 1):
                return True
            k += 1
        return False

    return bool(letters and words) and rest(0, 0)


def initials(form: str) -> str:
    return "".join(w[0] for w in re.findall(r"[A-Z][\w'-]*", form)).lower()


def one_name_ends_the_other(a: str, b: str) -> bool:
    """"Will Okoro" and "Sen. Tobi Will Okoro": one full name is the other's last words, a word
    the model took into the name before it (a title, a team) or a second first name."""
    pa, pb = sorted((name_parts(a), name_parts(b)), key=len)
    return len(pa) >= 2 and pb[-len(pa):] == pa


def first_names_match(a: str, b: str) -> bool:
    """Could first names `a` and `b` (lower case) name one person? The same name or initial, a
    nickname the data lists for few names ("bill" = "william"; not "chris", which stands for
    Christopher, Christine and more), a clipped form that is no name of its own elsewhere
    ("ash" = "ashton"), or a spelling variant ("sergei" = "sergey"; not "maria" and "mario")."""
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    short, long_ = sorted((a, b), key=len)
    given = knowledge.given_names_of(short)
    if long_ in given:
        return len(given) <= AMBIGUOUS_NICKNAME
    if len(short) >= 3 and long_.startswith(short):
        return len(given) <= 1 and not knowledge.is_given_name(long_)
    return spelling_variants(a, b)


def is_nickname(nick: str, given: str) -> bool:
    """Is first name `nick` (lower case) a nickname the data lists for `given`, however many
    names it stands for ("tony" of "antonia")?"""
    return len(nick) < len(given) and given in knowledge.given_names_of(nick)


def spelling_variants(a: str, b: str) -> bool:
    """Two spellings of one name across outlets: transliterations (i/y, a doubled or dropped
    letter, "kh"/"h") or one letter changed inside the name, never at its end (Maria, Mario)."""
    if a == b:
        return True
    if min(len(a), len(b)) < 4 or a[0] != b[0]:
        return False
    if _sound(a) == _sound(b):
        return True
    if min(len(a), len(b)) < 5 or a[-1] != b[-1]:
        return False
    swapped = sorted(a) == sorted(b) and sum(x != y for x, y in zip(a, b)) == 2  # Ostrowski, Ostrowksi
    return swapped or Levenshtein.distance(a, b) == 1


def surname_variant(word: str, surname: str, person: bool) -> bool:
    """Could a lone `word` be `surname` (both lower case) misspelled: a spelling variant
    ("stroebll" of "stroebl"); for a word known to name a person (an honorific, the model's
    label), also one letter added, dropped or changed in five letters or more ("stroeb" of
    "stroebl"), or its first four letters or more when those are no first name ("castel" of
    "castellanos")?"""
    if word == surname or word[:1] != surname[:1] or word in (surname + "s", surname + "es"):  # the family
        return False
    if spelling_variants(word, surname):
        return True
    if not person:
        return False
    return min(len(word), len(surname)) >= 5 and Levenshtein.distance(word, surname) == 1 or \
        len(word) >= 4 and len(surname) > len(word) + 2 and surname.startswith(word) and not knowledge.is_given_name(word)


def _sound(name: str) -> str:
    """A spelling key: y as i, no h after a consonant, no doubled letters."""
    key = fold(name).lower().replace("y", "i").replace("j", "i")
    key = re.sub(r"(?<=[^aeiou])h", "", key)
    return re.sub(r"(.)\1+", r"\1", key)


def group_stem(form: str) -> str:
    """Demonym and group forms share a stem: Russian/Russians, Western/West, and an adjective in
    -ish with its people's plural: Polish/Poles, Danish/Danes, Turkish/Turks."""
    key = compact(form)
    if key.endswith("ish") and len(key) >= 6:
        return key[:-3]
    for suffix in ("ern", "s"):
        if key.endswith(suffix) and len(key) > len(suffix) + 2:
            key = key[: -len(suffix)]
            if suffix == "s" and key.endswith("e") and len(key) >= 4:  # Poles, Danes, Swedes
                key = key[:-1]
    return key
