"""Datelines and credit lines: where a wire story was filed and who wrote it.

    SEOUL (Reuters) - …         Seoul (CNN) …            TARVO, Norway -- …
    TARVO CITY/TORONTO (Reuters) - …                     TOKYO Tired runners …
    A reported from Lima.   Associated Press writers B in Oslo and C contributed to this report.
    (Reporting by A and B in Tokyo; Writing by C; Editing by D)

The place and the outlet are two entities, never one name; the outlet is the article's source when
no metadata gives one. Plain text in, labelled character spans out (no spaCy here): repair turns
the spans into entity spans, sources reads the outlet.
"""
from __future__ import annotations

import dataclasses
import re
from collections import Counter
from typing import NamedTuple

from ..words import knowledge
from ..model import Article


class Found(NamedTuple):
    start: int  # character offsets into the text given
    end: int
    label: str  # GPE (place), ORG (outlet) or PERSON (a credited writer)


_CAPS = r"[A-Z][A-Z.'’\-]*[A-Z.](?: [A-Z][A-Z.'’\-]*[A-Z.]){0,3}"  # SEOUL, TARVO CITY, ST. LOUIS
_TITLE = r"[A-Z][a-z.'’\-]+(?: [A-Z][a-z.'’\-]+){0,3}"  # Seoul, Quebec City
_REGION = r"[A-Z][A-Za-z.'’\-]*(?: [A-Z][A-Za-z.'’\-]*){0,2}"  # Japan, Texas, Calif., N.Y.
_OUTLET = r"[A-Z][\w&.'’\- ]{0,40}?"
_DASH = r"(?:-{1,2}|—|–|:)"
_DATELINE = (  # each anchored: read with .match at the text's start, never searched
    # capitals, an optional region, an optional outlet, then a dash: "SEOUL (Reuters) -", "TARVO, Norway --"
    re.compile(rf"\A(?P<places>{_CAPS}(?:/{_CAPS})*)(?:, (?P<region>{_REGION}))?\s*"
               rf"(?:\((?P<outlet>{_OUTLET})\))?\s*(?:{_DASH}\s|—(?=[A-Z]))"),  # "MOSCOW—Russia said …" too
    # a title-case place needs the outlet in brackets: "Seoul (CNN) North and South …"
    re.compile(rf"\A(?P<places>{_TITLE})(?:, (?P<region>{_REGION}))?\s*\((?P<outlet>{_OUTLET})\)\s*(?:{_DASH}\s*)?"
               r"(?=[A-Z\"“‘'])"),
    # a known place in capitals run into the first sentence: "TOKYO Tired runners …"
    re.compile(rf"\A(?P<places>{_CAPS}) (?=[A-Z][a-z])"),
    # the outlet alone, in brackets, then a dash: "(CNN) -- …"
    re.compile(rf"\A\((?P<outlet>{_OUTLET})\)\s*{_DASH}\s"),
)
_ROLE = r"(?:staff )?(?:writers?|reporters?|correspondents?)"
_PRESS = r"[A-Z][\w&.\-]*(?: [A-Z][\w&.\-]*){0,3}"  # an outlet in a credit: Harbour-Gazette, NEWS24, Tide FM
_NAME = r"[A-Z][\w'’\-]+(?: (?:[A-Z]\.|[A-Z][\w'’\-]+|de|van|von|al|el|bin|le|la)){0,3}"
_LIST = rf"{_NAME}(?: in {_TITLE})?(?:(?:,| and|, and|;) {_NAME}(?: in {_TITLE})?)*"
_SENTENCE_START = r"(?:^|(?<=[.!?]\s))"
_CREDITS = (  # (words each match holds, pattern): a text without them is not searched (most paragraphs)
    # "Ostrander reported from Toronto.", "Roe contributed from Oslo."
    (" from ", re.compile(rf"{_SENTENCE_START}(?P<people>{_NAME}(?: and {_NAME})?) (?:reported|contributed) from "
                          rf"(?P<place>{_TITLE})(?=[.,;])")),
    # "Associated Press writers A in Vienna, B and C contributed to this report.", "Harbour-Gazette
    # reporter A contributed …", "NEWS24's A contributed …" (an outlet named alone, "The Harbour
    # Gazette contributed to this report", helped another outlet: it is not the article's)
    (" contributed", re.compile(rf"(?:^|(?<=[.!?]\s)|(?<=[(]))(?:The )?(?P<outlet>{_PRESS})"
                                rf"(?:['’]s (?:{_ROLE} )?| {_ROLE} )(?P<people>{_LIST}) contributed")),
    # writers without their outlet: "A in Oslo, B and C in Bergen, Norway, contributed to this report."
    # (more than one, or one with a place: "The Harbour Gazette contributed …" is an outlet);
    # "Also contributing were A in Lima and B."
    (" contributed ", re.compile(rf"{_SENTENCE_START}(?!The )(?P<writers>{_LIST}),? contributed (?:to (?:this|the) "
                                 r"(?:report|article|story)|reporting)")),
    ("Also contributing ", re.compile(rf"{_SENTENCE_START}Also contributing (?:were|was) (?P<people>{_LIST})")),
    # "(Additional reporting by A and B in Tokyo; Writing by C; Editing by D)"
    (" by ", re.compile(rf"(?:[Rr]eporting|[Ww]riting|[Ee]diting|[Cc]ompiled|[Rr]eported) by "
                        rf"(?P<people>{_LIST})(?=[;)]|$)")),
)


def dateline(text: str) -> list[Found]:
    """The place(s), region and outlet of a dateline at the start of `text` (empty when none)."""
    for n, pattern in enumerate(_DATELINE):
        m = pattern.match(text)
        if not m:
            continue
        found = m.groupdict().get("places") or ""
        places = [(m.start("places") + p.start(), m.start("places") + p.end()) for p in re.finditer(r"[^/]+", found)]
        outlet = m.groupdict().get("outlet")
        region = m.groupdict().get("region")
        # without an outlet the place must be one the world knows: "BREAKING -" is no dateline
        if not outlet and not (region and knowledge.is_place(region)) and \
                not all(knowledge.is_place(text[s:e].title()) for s, e in places):
            continue
        if n == 2 and (not knowledge.is_place(text[places[0][0]:places[0][1]].title()) or "." in m.group("places")):
            continue  # "TOKYO Tired crews …", not "U.N. Security Council …"
        out = [Found(s, e, "GPE") for s, e in places]
        if region:
            out.append(Found(m.start("region"), m.end("region"), "GPE"))
        if outlet:
            out.append(Found(m.start("outlet"), m.end("outlet"), "ORG"))
        return out
    return []


def credits(text: str) -> list[Found]:
    """Writers, places and outlets named in credit lines anywhere in `text`."""
    out: list[Found] = []
    for words, pattern in _CREDITS:
        for m in pattern.finditer(text) if words in text else ():
            groups = m.groupdict()
            if groups.get("writers") and not re.search(r" in |,| and ", groups["writers"]):
                continue  # one name alone may be an outlet: "Harbour Gazette contributed to this report"
            if groups.get("outlet"):
                out.append(Found(m.start("outlet"), m.start("outlet") + len(_one_casing(m.group("outlet"))), "ORG"))
            if groups.get("place"):
                out.append(Found(m.start("place"), m.end("place"), "GPE"))
            people = "writers" if groups.get("writers") else "people"
            base, placed = m.start(people), -1
            for item in re.finditer(rf"(?P<name>{_NAME})(?: in (?P<place>{_TITLE}))?", m.group(people)):
                # "B in Bergen, Norway, and C": a known place right after a writer's place is its region
                region = item.start() == placed + 2 and knowledge.is_place(item.group("name"))
                out.append(Found(base + item.start("name"), base + item.end("name"), "GPE" if region else "PERSON"))
                if item.group("place"):
                    out.append(Found(base + item.start("place"), base + item.end("place"), "GPE"))
                    placed = item.end("place")
    return sorted(set(out))


def _one_casing(name: str) -> str:
    """The leading words of `name` written alike, all capitals or not: "NEWS24 Sport" -> "NEWS24"
    (the outlet, then its desk or beat), "Harbour Gazette" as it is."""
    words = name.split(" ")
    caps = [not any(c.islower() for c in w) for w in words]
    n = next((k for k in range(1, len(words)) if caps[k] != caps[0]), len(words))
    return " ".join(words[:n])


def outlet(texts: list[str]) -> str | None:
    """The outlet named by a dateline in the first paragraphs or by a credit line (the last one
    wins: credits close an article), else None."""
    for found_in, candidates in ((texts[:3], dateline), (texts[::-1], credits)):
        for text in found_in:
            for found in candidates(text):
                if found.label == "ORG":
                    return text[found.start:found.end]
    return None


def guess_source(article: Article) -> Article:
    """The article with the outlet its dateline or credit line names as its source, when no
    metadata gave one (listed in `guessed`), spelled as the article spells it most."""
    if article.source is not None:
        return article
    found = outlet([seg.text for seg in article.segments])
    if not found:
        return article
    return dataclasses.replace(article, source=usual_spelling(found, " ".join(seg.text for seg in article.segments)),
                               guessed=article.guessed + ("source",))


def usual_spelling(name: str, text: str) -> str:
    """`name` as `text` writes it most often as a name (capitalised), letter for letter with spaces,
    dots or hyphens between them as written ("usatoday" -> "USA TODAY", "cnn" -> "CNN", never the
    "cnn" of a web address); `name` itself when the text never writes it so. Ties go to the first."""
    letters = [c for c in name if c.isalnum()]
    if not letters or len(letters) > 40:
        return name
    pattern = r"[ .\-]?".join(re.escape(c) for c in letters)
    found = [m.group() for m in re.finditer(rf"(?<![\w-]){pattern}(?![\w-])", text, re.IGNORECASE)
             if m.group()[:1].isupper()]
    if not found:
        return name
    counts = Counter(found)
    return max(counts, key=lambda f: (counts[f], -found.index(f)))
