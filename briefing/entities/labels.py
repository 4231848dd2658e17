"""Labels by the shape of a name, over plain tokens: an ordered table of rules.

Each rule names the label it gives, the model labels it may replace and the evidence the name
must show (one line each). The first rule whose evidence holds decides; a span no rule takes
keeps the model's label. The order is the policy: a newspaper named after its city before a
facility head ("Boise Sentinel"), a head word before a person's shape ("Vela Pass").
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import NamedTuple

from ..model import EntSpan, Token
from ..words import knowledge
from ..words.english import HONORIFICS, PERSON_SPEECH_VERBS, TITLE_NOUNS
from . import lists
from .names import PARTICLES

# The head-word lists below are hand tables: no maintained package classes English head nouns
# (WordNet needs a run-time download, see the README), nameparser lists titles, not heads, and
# cleanco's 300 legal forms include words ("as", "sa") a head test would misread.
# Heads that make a name a facility, a natural place or an event whatever the model said.
# Hospitals and embassies are organisations ("a spokeswoman for the hospital"), jails facilities.
FACILITY_HEADS = frozenset({"airport", "airfield", "base", "bridge", "stadium", "arena", "dam", "tunnel",
                            "highway", "freeway", "motorway", "harbor", "harbour", "port", "station", "prison", "jail",
                            "palace", "tower", "canal", "pipeline", "plant", "mosque", "church", "cathedral",
                            "temple", "synagogue", "square", "street", "st.", "road", "rd.", "avenue", "ave.", "ave",
                            "boulevard", "blvd.", "lane", "drive", "building", "place", "turnpike", "expressway",
                            "parkway", "line"})
FACILITY_FIRST = frozenset({"interstate"})  # "Interstate 69"
LOCATION_HEADS = frozenset({"mountains", "mountain", "range", "river", "lake", "sea", "ocean", "gulf", "bay", "strait",
                            "straits", "peninsula", "valley", "desert", "coast", "pass", "canyon", "glacier", "island",
                            "islands", "basin", "delta", "plateau", "forest", "highlands", "zone"})
LOCATION_FIRST = frozenset({"mount", "mt.", "cape"})
# Last words of the names of institutions ("West Arlow University", "Tarvo Observatory"), of laws
# ("Roe-Arlow Act"); a centre, a court or a service may be a building or a route as well, a union
# a polity ("Soviet Union").
ORGANISATION_HEADS = frozenset({"university", "college", "institute", "council", "committee", "commission", "agency",
                                "department", "ministry", "party", "association", "company", "corporation",
                                "foundation", "fund", "authority", "board", "observatory", "society", "academy",
                                "organization", "organisation", "federation", "league", "bureau", "administration",
                                "transit", "inc.", "inc", "corp.", "ltd", "ltd.", "llc", "plc", "airlines", "airways",
                                "air", "lines"})
LAW_HEADS = frozenset({"act", "law", "bill", "treaty", "amendment", "statute", "ordinance", "accord", "accords"})
# Last words of the names of places people live in and govern: "Arlow County", "Upper Tarvo Township".
SETTLEMENT_HEADS = frozenset({"county", "township", "borough", "parish", "estates", "heights"})
# Event words that name events alone ("Paralympics"), and those that also end company or place
# names ("Epic Games", "Summit Bank"): these need a year, an ordinal or "at/during the" around them.
EVENT_NAMES = frozenset({"olympics", "paralympics", "championships", "championship", "marathon", "expo"})
EVENT_HEADS = EVENT_NAMES | frozenset({"games", "cup", "war", "summit", "festival"})
EVENT_PREPOSITIONS = frozenset({"at", "during", "before", "after", "since", "until", "for"})
# Last words of newspaper names ("Dayton Courier-Ledger", "Boise Sentinel"): a place followed by
# one of these is an outlet, an organisation, whatever the model made of the place in it.
PUBLICATION_HEADS = frozenset({"times", "post", "herald", "tribune", "journal", "gazette", "statesman", "chronicle",
                               "telegraph", "inquirer", "enquirer", "examiner", "courier", "ledger", "dispatch",
                               "sentinel", "bulletin", "observer", "globe", "register", "mercury", "advertiser"})
PLACE_NOUNS = frozenset({"city", "town", "village", "province", "region", "district", "state", "suburb",
                         "neighborhood", "neighbourhood", "borough", "municipality", "county", "capital", "port",
                         "island", "governorate", "prefecture"})
# Nouns of an area around a place: "the Tarvik area", "Tarvik County", "the outskirts of Tarvik".
AREA_NOUNS = frozenset({"area", "region", "suburbs", "outskirts", "metro", "city", "county", "township", "district",
                        "province", "village", "town"})
PLACE_OR_AREA_NOUNS = PLACE_NOUNS | AREA_NOUNS  # "the port city of Tartus", "the outskirts of Tarvik"
# Weapons and aircraft: letters, a hyphen, a number ("MiG-29", "T-90", "CH-47"); not G20, COVID-19, MH17.
MODEL_NUMBER = re.compile(r"^[A-Z][A-Za-z]{0,3}-\d+[A-Za-z]?$")
HIGHWAY_CODE = re.compile(r"^I-\d{1,3}$")  # "I-80", "I-5"
# A head word's label, for a list of names that shares one ("the Brede and Tollan lines").
HEAD_LABELS = {**{w: "GPE" for w in SETTLEMENT_HEADS}, **{w: "LOC" for w in LOCATION_HEADS},
               **{w: "ORG" for w in ORGANISATION_HEADS}, **{w: "FAC" for w in FACILITY_HEADS}}
NOT_PERSON_HEADS = FACILITY_HEADS | LOCATION_HEADS | EVENT_HEADS | PLACE_NOUNS | ORGANISATION_HEADS | frozenset({
    "school", "center", "centre", "office", "court", "group", "union", "bank", "news", "times", "post", "press",
    "hospital", "embassy", "house", "network", "service", "army", "force", "forces", "police", "museum", "club",
    "team", "garden", "gardens", "park", "hall", "plaza", "mall", "zoo"})


class Name(NamedTuple):
    """One span as the label rules read it: its tokens and the segment's."""

    span: EntSpan
    toks: tuple[Token, ...]
    head: str = ""  # the head word a list of names shares (`lists.shared_head`), read once for the rules

    @property
    def words(self) -> tuple[Token, ...]:
        return self.toks[self.span.start:self.span.end]

    @property
    def first(self) -> str:
        return self.toks[self.span.start].text.lower()

    @property
    def last(self) -> str:
        return self.toks[self.span.end - 1].text.lower()

    @property
    def before(self) -> str:
        return self.toks[self.span.start - 1].text.lower() if self.span.start > 0 else ""

    @property
    def after(self) -> str:
        return self.toks[self.span.end].text.lower() if self.span.end < len(self.toks) else ""

    @property
    def size(self) -> int:
        return self.span.end - self.span.start


# -- the evidence each rule needs --------------------------------------------------------------
def _newspaper(n: Name) -> bool:
    """A place and a newspaper word: "Boise Sentinel" ("Jim Courier" is no paper; "the Sentinel"
    alone is an outlet only where the briefing names it in full: `across.outlet_heads`)."""
    if n.last not in PUBLICATION_HEADS or n.size == 1:
        return False
    return publication_owner(n.words[:-1])


def publication_owner(words) -> bool:
    """The words before a newspaper word name a place: "Boise", "Dayton Courier-"."""
    return bool(words) and (knowledge.is_place(words[0].text) or knowledge.is_place(" ".join(t.text for t in words)))


def _facility_head(n: Name) -> bool:
    """"Elm Street", "Harbor Bridge", "Interstate 69"; not a person the model found ("Eric Church" said)."""
    return n.size > 1 and (n.last in FACILITY_HEADS or n.first in FACILITY_FIRST) and not _a_person_by_evidence(n)


def _highway_code(n: Name) -> bool:
    """"I-80", "I-5": a US interstate highway by its short code (not a model number)."""
    return n.size == 1 and bool(HIGHWAY_CODE.match(n.words[0].text))


def _national_park(n: Name) -> bool:
    """"Tarvo Peaks National Park": a natural place, not the service that runs it."""
    return n.size > 2 and n.last == "park" and n.toks[n.span.end - 2].text.lower() == "national"


def _organisation_head(n: Name) -> bool:
    """"West Arlow University", "Tarvo Observatory", "Acme Inc.": never a person or a place."""
    return n.size > 1 and n.last in ORGANISATION_HEADS and not _a_person_by_evidence(n)


def has_organisation_head(words: Iterable[str]) -> bool:
    """A head word of an institution's name among the words: "Tarvo Airlines", "Acme Inc."."""
    return any(w.lower() in ORGANISATION_HEADS for w in words)


def _law_head(n: Name) -> bool:
    """"Roe-Arlow Act", "Clean Water Act"."""
    return n.size > 1 and n.last in LAW_HEADS and n.toks[n.span.end - 2].text != "of" and \
        not _a_person_by_evidence(n)  # "College of Law" is a school


def _shares_a_head(label: str) -> Callable[[Name], bool]:
    """Evidence for `label`: the name shares a head word of that label in a list ("the Brede and
    Tollan lines": FAC); never a person the model found by evidence, a place the model and the data
    know before facilities ("Arlow and Vesk airports" are the cities' airports; "Arlow and Vesk
    universities" are named after them) or a name that speaks in the segment ("Kessel said" beside
    "Kessel and Brask stations": the companies' stations)."""
    def evidence(n: Name) -> bool:
        return bool(n.head) and HEAD_LABELS[n.head] == label and not _a_person_by_evidence(n) and \
            not (label == "FAC" and n.span.label == "GPE" and knowledge.is_place(" ".join(t.text for t in n.words))) \
            and not _speaks_in_the_segment(n)
    return evidence


def _speaks_in_the_segment(n: Name) -> bool:
    """The name's words, anywhere in its segment, are the subject of a verb of speech."""
    words, size = [t.text for t in n.words], n.size
    return any([t.text for t in n.toks[i:i + size]] == words and speaks(n.toks, i, i + size)
               for i in range(len(n.toks) - size + 1))


def _organisation_in_a_building(n: Name) -> bool:
    return n.size > 1 and n.last in ("hospital", "embassy")


def _natural_place_head(n: Name) -> bool:
    """"Vela Pass", "Mount Tarvo", "Ostrian Peninsula"; not a person ("Ricki Lake" said), not a
    state or country the model called one ("Rhode Island")."""
    if not (n.size > 1 and (n.last in LOCATION_HEADS or n.first in LOCATION_FIRST)):
        return False
    if n.span.label == "GPE" and knowledge.is_place(" ".join(t.text for t in n.words)):
        return False
    return not _a_person_by_evidence(n)


def _settlement_head(n: Name) -> bool:
    """"Arlow County", "Upper Tarvo Township", "Vela Heights"; not a person ("Ana Heights said")."""
    return n.size > 1 and n.last in SETTLEMENT_HEADS and not _a_person_by_evidence(n)


def _event_head(n: Name) -> bool:
    """"Paralympics", "the 2030 Winter Games", "at the Harvest Festival"; never a name that speaks
    ("Epic Games said": a company)."""
    if n.last not in EVENT_HEADS or speaks(n.toks, n.span.start, n.span.end):
        return False
    return n.last in EVENT_NAMES or _event_context(n)


def _event_context(n: Name) -> bool:
    """A year or an ordinal in the name or right before it ("the 17th Asian Games"), or "at the",
    "during the" before it."""
    before = n.toks[n.span.start - 1] if n.span.start > 0 else None
    if any(t.text.isdigit() and len(t.text) == 4 or t.text.lower() in ORDINALS
           for t in n.words + ((before,) if before is not None else ())):
        return True
    return n.before == "the" and n.span.start > 1 and n.toks[n.span.start - 2].text.lower() in EVENT_PREPOSITIONS


ORDINALS = frozenset({"first", "second", "third", "fourth", "fifth", "1st", "2nd", "3rd", "4th", "5th", "annual",
                      "inaugural"})


def _a_person_by_evidence(n: Name) -> bool:
    """The model's PERSON with evidence: a known first name and a surname with nothing of a place
    before them ("Eric Church" but not "at Victoria Station"), an honorific, a speech verb, a title."""
    if n.span.label != "PERSON":
        return False
    words = _name_words(n.span, n.toks)
    if _person_evidence(n.span, n.toks, words):
        return True
    before = n.toks[n.span.start - 1] if n.span.start > 0 else None
    placed = before is not None and (before.text.lower() in BEFORE_A_PLACE or before.tag == "CD")
    return len(words) == 2 and knowledge.is_given_name(words[0].text.lower()) and not placed


BEFORE_A_PLACE = frozenset({"the", "at", "in", "on", "near", "outside", "inside", "along", "across", "off", "onto",
                                "into", "via", "past", "toward", "towards"})


def _model_number(n: Name) -> bool:
    return bool(MODEL_NUMBER.match(n.words[0].text))


def _before_a_facility_noun(n: Name) -> bool:
    """"the Arlow Point nuclear plant": "nuclear" may sit between."""
    return n.after in ("airport", "plant", "reactor", "complex") and n.toks[n.span.end].tag.startswith("NN")


def _group_word(n: Name) -> bool:
    """"Alawite minority", "the Syrians": one adjective or plural proper noun, not an acronym."""
    word = n.words[0]
    return n.size == 1 and word.tag in ("JJ", "NNPS") and not word.text.isupper()


def after_a_place_noun(toks: tuple[Token, ...], start: int) -> bool:
    """"the port city of Tartus", "the outskirts of Tarvik": a place or area noun and "of" before
    the name at token `start`."""
    return start >= 2 and toks[start - 1].text == "of" and toks[start - 2].text.lower() in PLACE_OR_AREA_NOUNS


def _after_a_place_noun(n: Name) -> bool:
    return after_a_place_noun(n.toks, n.span.start)


def looks_like_a_person(sp: EntSpan, toks: tuple[Token, ...]) -> bool:
    """Two or three capitalised proper nouns (a hyphenated given name counts as one: "Veln
    Ha-jun"), no place or organisation word among them, that follow an honorific, are the
    subject of a speech verb ("Haruto Velden said") or have a job title in apposition ("Jo Roe, the
    party's leader"). A known first name alone is no evidence: "Mara Gardens" is a street."""
    if sp.label not in ("ORG", "GPE", "LOC", "WORK_OF_ART", "NORP", "FAC"):
        return False
    words = _name_words(sp, toks)
    return _person_shaped(words) and _person_evidence(sp, toks, words)


def person_shaped(sp: EntSpan, toks: tuple[Token, ...]) -> bool:
    """Two or three capitalised proper nouns, none a place or organisation word (`_person_shaped`)."""
    return _person_shaped(_name_words(sp, toks))


def _name_words(sp: EntSpan, toks: tuple[Token, ...]) -> list[Token]:
    """The span's words, a hyphenated given name counted once: "Veln Ha-jun" is two."""
    return [t for n, t in enumerate(toks[sp.start:sp.end])
            if t.text != "-" and not (n and toks[sp.start + n - 1].text == "-" and t.text.islower())]


def _person_shaped(words: list[Token]) -> bool:
    """Two or three capitalised proper nouns, none a place or organisation word, not a known place
    ("Velox Electric said" is a company) and not opening with a particle."""
    if not 2 <= len(words) <= 3:
        return False
    if not all(t.text[:1].isupper() and not t.text.isupper() and t.tag in ("NNP", "NNPS") and
               t.text.lower() not in NOT_PERSON_HEADS and t.text.replace("-", "").isalpha() for t in words):
        return False
    return not (knowledge.is_place(" ".join(t.text for t in words)) or knowledge.is_place(words[0].text) or
                words[0].text.lower() in PARTICLES)


def _person_evidence(sp: EntSpan, toks: tuple[Token, ...], words: list[Token]) -> bool:
    """An honorific before the name, a speech verb it is the subject of, a job title in apposition."""
    before = toks[sp.start - 1].text.lower().rstrip(".") if sp.start > 0 else ""
    return before in HONORIFICS or speaks(toks, sp.start, sp.end) or title_in_apposition(toks, sp.start, sp.end)


def title_in_apposition(toks: tuple[Token, ...], s: int, e: int) -> bool:
    """A job title in apposition to the name at tokens [s, e): "Jo Roe, the party's leader", or
    a job title in the first words after a comma and an article, as the parser may miss the
    apposition of a name it did not see ("Veln Ha-jun, the director of")."""
    if any(t.dep == "appos" and s <= t.head < e and t.text.lower() in TITLE_NOUNS for t in toks[e:e + 8]):
        return True
    if len(toks) < e + 3 or toks[e].text != "," or toks[e + 1].text.lower() not in ("the", "a", "an"):
        return False
    for t in toks[e + 2:e + 5]:
        if t.text == ",":
            return False
        if t.text in TITLE_NOUNS and t.i + 1 < len(toks) and toks[t.i + 1].text in TITLE_ENDS:
            return True  # the title ends the phrase: not "the chief supplier", "a judge ruled"
    return False


TITLE_ENDS = frozenset({"of", "at", "for", ",", ".", ")", ";"})


def speaks(toks: tuple[Token, ...], s: int, e: int, verbs: frozenset[str] = PERSON_SPEECH_VERBS) -> bool:
    """The name at tokens [s, e) is the subject of a verb of speech ("Haruto Velden said")."""
    return any(t.dep in ("nsubj", "nsubjpass") and not s <= t.head < e and toks[t.head].lemma in verbs
               for t in toks[s:e])


def _person(n: Name) -> bool:
    return looks_like_a_person(n.span, n.toks)


class Rule(NamedTuple):
    """Give `label` to a span the model labelled one of `replaces` when `evidence` holds."""

    label: str
    replaces: frozenset[str]
    evidence: Callable[[Name], bool]


def _rule(label: str, replaces: str, evidence: Callable[[Name], bool]) -> Rule:
    return Rule(label, frozenset(replaces.split()), evidence)


ALL_BUT_PERSON = "ORG GPE LOC WORK_OF_ART NORP FAC"
# The first rule that holds decides; order matters where two could hold.
RULES = (
    _rule("ORG", "GPE LOC FAC PERSON NORP", _newspaper),
    _rule("FAC", "ORG GPE PERSON LOC WORK_OF_ART PRODUCT", _facility_head),
    _rule("FAC", "ORG GPE PERSON LOC WORK_OF_ART PRODUCT", _highway_code),
    _rule("LOC", "ORG GPE PERSON FAC NORP WORK_OF_ART", _national_park),
    _rule("ORG", "FAC", _organisation_in_a_building),
    _rule("ORG", "PERSON GPE LOC WORK_OF_ART NORP FAC PRODUCT", _organisation_head),
    _rule("LAW", "PERSON ORG GPE WORK_OF_ART EVENT PRODUCT NORP", _law_head),
    _rule("LOC", "ORG GPE PERSON FAC NORP WORK_OF_ART", _natural_place_head),
    _rule("GPE", "ORG PERSON FAC LOC NORP WORK_OF_ART", _settlement_head),
    _rule("EVENT", "ORG GPE PERSON NORP FAC PRODUCT WORK_OF_ART", _event_head),
    *(_rule(label, "ORG GPE PERSON LOC FAC WORK_OF_ART PRODUCT", _shares_a_head(label))
      for label in ("FAC", "ORG", "LOC", "GPE")),
    _rule("PRODUCT", "PERSON ORG GPE NORP", _model_number),
    _rule("FAC", "ORG GPE PERSON", _before_a_facility_noun),
    _rule("PERSON", ALL_BUT_PERSON, _person),
    _rule("NORP", "PERSON ORG", _group_word),
    _rule("GPE", "ORG PERSON", _after_a_place_noun),
)


def label_of(sp: EntSpan, toks: tuple[Token, ...]) -> str:
    """The label the first rule whose evidence holds gives, else the model's."""
    name = Name(sp, toks, lists.shared_head(toks, sp.start, sp.end, HEAD_LABELS))
    return next((r.label for r in RULES if sp.label in r.replaces and r.evidence(name)), sp.label)


def relabel(spans: list[EntSpan], toks: tuple[Token, ...]) -> list[EntSpan]:
    """Labels by the shape of the name (`RULES`)."""
    return [EntSpan(sp.start, sp.end, label_of(sp, toks)) for sp in spans]
