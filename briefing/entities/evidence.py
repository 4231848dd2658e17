"""What the text shows about a name, over plain tokens: signs that it names a person, a place, an
organisation or a kind of thing, read around one occurrence and gathered over the whole briefing.

A person: an honorific or a job title before the name ("Mrs May", "Mayor Ruiz"), the subject of a
verb of speech ("May said"), an age or a title in apposition ("Ruiz, 54,", "Ruiz, the mayor"), a
relative ("Ruiz's mother"); for a surname, any of these on the full name, and the other way round.
A place: a preposition of place ("in Tarvik"), a state or country after it ("Tarvik, Ill."), a
place noun ("the Tarvik area", "Tarvik County"), or a data package that knows it. A kind: a
lower-case noun the name modifies ("the Tarvo volcano", "the Velox headset"), a model number, or,
for a maker the briefing names with a model, a determiner or possessive of the name alone ("the
Velox veered", "Ruiz's Velox"). An organisation: its founder or chief executive ("Halden chief
executive Jo Roe", "the CEO of Verania"), its shareholders or headquarters, a company noun in
apposition ("Tamsel, a shipping firm", "energy company Velkor"), the name written elsewhere with
a legal form ("Corvin Seeds Ltd."), what only an online service has ("Velo users", "took to
Velo"); someone told something ("told Veldana that") is a person or an organisation, no place.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ..model import EntSpan, ParsedArticle, Token
from ..words import knowledge
from ..words.english import HONORIFICS, TITLE_NOUNS
from . import labels
from .names import fold, without_legal_form
from .tokens import each_segment

Key = tuple[str, ...]  # a name as its folded tokens
HYPHENS = ("-", "–")
# Title words that also begin the names of things ("General Motors", "Foreign Ministry", "Head Start").
_NOT_BEFORE_PEOPLE = frozenset({"general", "foreign", "defense", "vice", "prime", "head", "chief", "deputy", "justice",
                                "official", "officials", "counterpart", "leader", "king", "queen", "prince"})
PERSON_TITLES = (TITLE_NOUNS - _NOT_BEFORE_PEOPLE) | HONORIFICS
# Relatives and representatives a person has ("Ruiz's mother", "Ruiz's lawyer").
RELATIVES = frozenset({"mother", "father", "wife", "husband", "son", "daughter", "brother", "sister", "family",
                       "parents", "parent", "grandmother", "grandfather", "uncle", "aunt", "cousin", "widow",
                       "girlfriend", "boyfriend", "fiancee", "fiancé", "fiancée", "lawyer", "attorney", "children",
                       "spouse", "partner", "nephew", "niece", "stepfather", "stepmother"})
PLACE_PREPOSITIONS = frozenset({"in", "near", "outside", "around", "throughout", "across", "into"})
# Of these, the ones an organisation takes too: "an inquiry into Velkor", "jokes across Velo".
LOOSE_PREPOSITIONS = frozenset({"around", "throughout", "across", "into"})
# What a lower-case noun after a name says it is ("the Tarvo volcano"): a short list of general
# kinds, since no data package in use classes English nouns (WordNet is not available here).
KIND_NOUNS = {
    "LOC": ("volcano", "volcanoes", "mountain", "mountains", "river", "lake", "peninsula", "island", "islands",
            "valley", "desert", "glacier", "coast", "crater", "sea", "ocean", "bay", "gulf", "basin"),
    "PRODUCT": ("headset", "headsets", "device", "devices", "console", "consoles", "phone", "phones", "smartphone",
                "tablet", "app", "apps", "software", "vehicle", "vehicles", "car", "cars", "suv", "truck", "jet",
                "jets", "aircraft", "airliner", "plane", "planes", "missile", "missiles", "drone", "drones",
                "rifle", "helicopter", "helicopters", "browser", "laptop", "camera", "engine", "vaccine",
                "drug", "suvs", "sedan", "sedans"),
    # not nouns a person's name also modifies: "the Velden government", "the Ruiz team", "the Ostrander family"
    "ORG": ("company", "firm", "startup", "start-up", "agency", "network", "website", "site", "newspaper",
            "magazine", "channel", "broadcaster", "bank", "airline", "carrier", "manufacturer", "university",
            "college", "platform", "retailer", "automaker", "insurer", "charity"),
    "FAC": ("airport", "station", "bridge", "stadium", "arena", "tunnel", "highway", "dam", "plant", "reactor",
            "prison", "jail", "camp", "mosque", "church", "temple", "hospital", "building", "tower", "line",
            "complex", "apartments"),
    "GPE": ("city", "town", "village", "county", "township", "province", "state", "borough", "municipality",
            "suburb", "neighborhood", "neighbourhood", "community", "subdivision", "estate", "estates"),
}
KINDS = {noun: label for label, nouns in KIND_NOUNS.items() for noun in nouns}
# What only an organisation has: the people who found or run it ("Corvin's co-founders", "Halden
# chief executive Jo Roe", "the CEO of Verania") and, owned by it, its holders and seat ("shareholders
# of Verania", "the headquarters of Brask"; "Ambry investors" are from a town); not what a
# country or a person has too (a president, a spokesman, employees, a team, a board).
LEADERS = frozenset({"founder", "founders", "cofounder", "cofounders", "co-founder", "co-founders", "ceo", "cto", "cfo"})
HOLDINGS = LEADERS | frozenset({"shareholders", "investors", "headquarters", "subsidiary"})
# Lower-case nouns in apposition that say a name is a company: "Tamsel, a shipping firm".
COMPANY_NOUNS = frozenset({"company", "startup", "start-up", "firm", "maker", "manufacturer"})
NOT_PERSON_WORDS = labels.NOT_PERSON_HEADS | frozenset({"corp", "co", "gmbh"})  # inc, ltd, llc, plc: organisation heads
# A model number inside a name: "H2", "G63", "777", "A380", "Su-25".
MODEL_TOKEN = re.compile(r"^(?:[A-Z]{1,3}-?\d{1,4}[A-Za-z]?|\d{3,4}[A-Z]{0,2})$")


def key_of(toks: tuple[Token, ...], s: int, e: int) -> Key:
    return tuple(fold(t.text) for t in toks[s:e])


# -- around one occurrence --------------------------------------------------------------------
SPEAKS, PERSONAL = 1, 2  # what companies and countries have too (speech, a deputy); what only people have


def person_signs(toks: tuple[Token, ...], s: int, e: int) -> int:
    """PERSONAL: an honorific or a job title before, an age or a title in apposition, a relative;
    SPEAKS: the subject of a verb of speech, someone's title after a possessive ("May's deputy");
    else 0."""
    if _personal(toks, s, e):
        return PERSONAL
    after = [t.text for t in toks[e:e + 2]]
    if labels.speaks(toks, s, e) or len(after) == 2 and after[0] in ("'s", "’s") and after[1].lower() in TITLE_NOUNS:
        return SPEAKS
    return 0


def _personal(toks: tuple[Token, ...], s: int, e: int) -> bool:
    """"Mayor Ruiz", "Ruiz, 54,", "Ruiz's mother", "Ruiz, the mayor"."""
    before = toks[s - 1].text.lower().rstrip(".") if s > 0 else ""
    after = [t.text for t in toks[e:e + 3]]
    aged = len(after) == 3 and after[0] == "," and after[1].isdigit() and int(after[1]) < 120 and after[2] in (",", ")")
    related = len(after) >= 2 and after[0] in ("'s", "’s") and after[1].lower() in RELATIVES
    return before in PERSON_TITLES or aged or related or labels.title_in_apposition(toks, s, e)


def place_signs(toks: tuple[Token, ...], s: int, e: int) -> bool:
    """"in X", "near the X", "X, Ill.", "the X area", "X County"."""
    before = s - 1 if s > 0 and toks[s - 1].text.lower() != "the" else s - 2
    if before >= 0 and toks[before].text.lower() in PLACE_PREPOSITIONS and toks[e - 1].dep == "pobj" and \
            toks[e - 1].head == before:  # the name is the preposition's object: not "into X's future"
        return True
    if e + 1 < len(toks) and toks[e].text == "," and knowledge.place(toks[e + 1].text):
        return True
    return toks[e - 1].text.lower() in labels.AREA_NOUNS and e - s > 1 or e < len(toks) and \
        toks[e].text in labels.AREA_NOUNS


def organisation_signs(toks: tuple[Token, ...], s: int, e: int) -> bool:
    """What only an organisation has, before the name and a person's ("Halden chief executive Jo
    Roe"), owned by it ("Corvin's co-founders", "Verania's shareholders") or after it with "of"
    ("the headquarters of Brask"); a company noun in apposition ("Tamsel, a shipping firm"); or what
    only an online service has (`online_service`)."""
    last = toks[e - 1]
    if last.dep in ("compound", "nmod") and last.head >= e and _leader(toks, last.head) and \
            _one_named_leader(toks, last.head) and \
            not (s > 0 and toks[s - 1].text.lower() in ("a", "an")):  # "a Lisk founder" is from a town
        return True
    owner = last.head if last.dep == "poss" else toks[last.head].head if last.dep == "pobj" and \
        toks[last.head].text == "of" and toks[last.head].head < s else None
    if owner is not None and (_leader(toks, owner) or toks[owner].text.lower() in HOLDINGS):
        return True
    return any(t.dep == "appos" and s <= t.head < e and t.text.lower() in COMPANY_NOUNS for t in toks[e:e + 8]) or \
        online_service(toks, s, e)


# Lower-case nouns right before a company's name that say what it is: "energy company Velkor", "the
# accessory maker Brenlo", "streaming service Velo".
COMPANY_KINDS = COMPANY_NOUNS | frozenset({"automaker", "carmaker", "chipmaker", "retailer", "giant", "conglomerate",
                                           "insurer", "lender", "broadcaster", "network", "platform", "service",
                                           "website", "app"})


def named_as_a_company(toks: tuple[Token, ...], s: int, e: int) -> bool:
    """A company noun right before the name, which it names ("energy company Velkor"): the noun
    modifies the name, the name stands in apposition to it, or a lower-case word says what kind
    of company it is ("accessory maker Brenlo", however parsed). Not for a name shaped like a
    person's: "the company Jo Roe founded" parses the same."""
    noun = toks[s - 1] if s > 0 else None
    if noun is None or noun.text not in COMPANY_KINDS:
        return False
    kind = toks[s - 2] if s > 1 else None
    return s <= noun.head < e or toks[e - 1].dep == "appos" and toks[e - 1].head == s - 1 or \
        kind is not None and kind.head == s - 1 and kind.text.isalpha() and kind.text.islower() and \
        kind.tag in ("NN", "JJ", "VBG")


# What an online service has that no place or person has: "X users", "an X account", "X followers".
SERVICE_NOUNS = frozenset({"user", "users", "account", "accounts", "follower", "followers", "post", "posts", "feed",
                           "feeds", "subscriber", "subscribers", "handle", "trends", "livestream", "timeline"})
# Verbs of writing on a service: "posted on X", "wrote on X" ("said on X" is also a place's or a day's).
POSTING_VERBS = frozenset({"post", "write", "share", "publish", "upload", "tweet", "stream"})


def online_service(toks: tuple[Token, ...], s: int, e: int) -> bool:
    """A service people post on: a lower-case noun only a service has after the name ("Velo users",
    "a Velo account"), "took to Velo", "posted on Velo"."""
    last = toks[e - 1]
    if e < len(toks) and toks[e].text in SERVICE_NOUNS and toks[e].tag in ("NN", "NNS") and last.head == e and \
            last.dep in ("compound", "nmod"):  # the noun the name modifies, not a verb ("Jo Roe posts")
        return True
    if last.dep != "pobj" or last.head >= s:
        return False
    prep = toks[last.head]
    verb = toks[prep.head]
    return prep.text == "to" and verb.lemma == "take" and verb.i + 1 == prep.i == s - 1 or \
        prep.text == "on" and verb.lemma in POSTING_VERBS and verb.i < prep.i


# Who a team has, as a lower-case noun after its name ("Velo coach", "Velo defenseman Jo Roe"); not
# what a town or a company has too (fans, players, manager, center).
TEAM_NOUNS = frozenset({"coach", "coaches", "captain", "quarterback", "defenseman", "defensemen", "goalie",
                        "goaltender", "linebacker", "midfielder", "striker", "pitcher", "shortstop", "teammates",
                        "roster", "lineup"})


def team_signs(toks: tuple[Token, ...], s: int, e: int) -> bool:
    """A team's coach or player named by the name before it: "Velo coach", "Velo defenseman"."""
    return e < len(toks) and toks[e].text in TEAM_NOUNS and toks[e - 1].head == e


def told(toks: tuple[Token, ...], s: int, e: int) -> bool:
    """The one someone told or informed ("told Veldana that ..."): a person or an organisation,
    no place."""
    last = toks[e - 1]
    return last.dep in ("dobj", "dative") and toks[last.head].lemma in ("tell", "inform")


def _one_named_leader(toks: tuple[Token, ...], i: int) -> bool:
    """The leader word at i is singular and a proper name follows it ("Halden founder Jo Roe"), not
    a plural of people from a place ("Tarvik Valley founders said")."""
    return toks[i].tag in ("NN", "NNP") and i + 1 < len(toks) and toks[i + 1].tag in ("NNP", "NNPS")


def _leader(toks: tuple[Token, ...], i: int) -> bool:
    """Token i is one of `LEADERS` ("founder", the "founder" of "co-founder") or "chief executive"."""
    word = toks[i].text.lower()
    return word in LEADERS or word == "executive" and i > 0 and toks[i - 1].text.lower() == "chief"


def without_its_legal_form(key: Key) -> Key | None:
    """A company's name without its legal form ("Corvin Seeds Ltd.": "Corvin Seeds"), else None."""
    short = tuple(without_legal_form(" ".join(key)).rstrip(" ,").split())
    return short if short and short != key else None


def names_a_model(toks: tuple[Token, ...], s: int, e: int) -> bool:
    """A capitalised name ending in a model number: "Velox V8", "Arrow 340"."""
    return e - s >= 2 and bool(MODEL_TOKEN.match(toks[e - 1].text)) and toks[s].text[:1].isupper()


def kind_of(toks: tuple[Token, ...], s: int, e: int) -> str | None:
    """The label a kind noun after the name gives it ("the Tarvo volcano": LOC), a model number
    in it ("Velox V8") or an indefinite article of the name itself before it ("a Velox", not "a
    Tarvo deputy"): PRODUCT. None for a name with an institution's head word, whatever follows it:
    "a Tarvo Airlines plane" is the airline's."""
    if labels.has_organisation_head(t.text for t in toks[s:e]):
        return None
    if names_a_model(toks, s, e):
        return "PRODUCT"
    if s > 0 and toks[s - 1].text.lower() in ("a", "an") and e - s <= 2 and s <= toks[s - 1].head < e and \
            not knowledge.demonym(toks[s].text):
        return "PRODUCT"  # "a Velox", "an Airbus": one of many made, no person ("a Democrat" is a group)
    head = toks[e - 1].head
    if toks[e - 1].dep in ("compound", "nmod") and e <= head <= e + 1 and toks[head].tag.startswith("NN") and \
            all(t.text.islower() and t.tag.startswith("NN") for t in toks[e:head]) and \
            (toks[head].text.islower() or toks[head].text.isupper()):
        return KINDS.get(toks[head].text.lower())  # "the Tarvo volcano", "a Kessel RIB", "the Pello apartment complex"
    return None


# -- over the briefing ----------------------------------------------------------------------------
@dataclass
class Evidence:
    """Signs per name (folded tokens) over every occurrence the spans mark in the briefing."""

    person: dict[Key, int] = field(default_factory=dict)  # the strongest sign of each name
    place: set[Key] = field(default_factory=set)
    firmly_placed: set[Key] = field(default_factory=set)  # shown as places otherwise than "across X", "into X"
    kinds: dict[Key, Counter] = field(default_factory=lambda: defaultdict(Counter))
    person_names: set[Key] = field(default_factory=set)  # names of two or three words labelled PERSON
    person_shaped: set[Key] = field(default_factory=set)  # names written somewhere as a person's would be
    organisation: set[Key] = field(default_factory=set)  # names with what only an organisation has
    listeners: set[Key] = field(default_factory=set)  # names someone told something: a person or an organisation
    occurrences: Counter = field(default_factory=Counter)  # each name's occurrences the spans mark
    team: set[Key] = field(default_factory=set)  # names with a team's coach or player, or a city's plural team

    def person_sign(self, key: Key) -> int:
        """The strongest sign on the name, or for a surname or first name on its full name and the
        other way round."""
        own = self.person.get(key, 0)
        if len(key) == 1:  # a surname of a full name the briefing calls a person is evidence too
            fulls = [full for full in self.person_names if full[-1] == key[0] or full[0] == key[0]]
            return max([own] + [max(self.person.get(full, 0), SPEAKS if full[-1] == key[0] else 0)
                                for full in fulls])
        return max(own, self.person.get((key[-1],), 0) if key in self.person_names else 0)

    def is_place(self, key: Key) -> bool:
        return key in self.place or knowledge.is_place(" ".join(key))

    def kinds_of(self, key: Key) -> Counter:
        return self.kinds.get(key) or Counter()

    def surname_shown(self, key: Key) -> bool:
        """A full name shaped like a person's ("Ida Marrow") whose last word alone shows a person's
        sign ("Marrow said"): a person, whatever the model made of it, for an organisation named
        after people is cut to its first word ("Brannock" of "Brannock Tolliver"), not its last.
        Not a name with a place in it ("Santa Clara Comets"), nor two names the briefing knows
        apart run together ("Grey Heron" and "Dunlin" in "Grey Heron Dunlin"), nor a name whose last
        word another person's name ends in ("Jo Marrow" beside "Ida Marrow": "Marrow said" may be her)."""
        if key not in self.person_shaped or not self.person.get((key[-1],)) or key[:-1] in self.occurrences or \
                any(full != key and full[-1] == key[-1] for full in self.person_names):
            return False
        parts = (key[n:m] for n in range(len(key)) for m in range(n + 1, len(key) + 1))
        return not any(knowledge.is_place(" ".join(part)) for part in parts)

    def can_be_a_person(self, key: Key) -> bool:
        """No organisation, place or legal-form word in the name ("Corvin Seeds Ltd.", "Harbour
        Board"), and no organisation's sign on it ("Halden Freight's chief executive", "Corvin Seeds"
        beside "Corvin Seeds Ltd.")."""
        return not any(w.lower().rstrip(".") in NOT_PERSON_WORDS for w in key) and key not in self.organisation


# Words before a one-word name that make it one thing a person has or the story points at ("the
# Velox", "Ruiz's Velox", "his Velox"): a product's, for a maker the briefing names with a model.
THING_DETERMINERS = frozenset({"the", "his", "her", "their", "'s", "’s"})


def makers(parsed: list[ParsedArticle], spans: dict[tuple[int, int], list[EntSpan]]) -> set[Key]:
    """Names the briefing writes with a model designation ("Velox V8": "velox")."""
    return {key_of(toks, sp.start, sp.end - 1) for toks, sps in each_segment(parsed, spans) for sp in sps
            if names_a_model(toks, sp.start, sp.end)}


def _a_makers_thing(toks: tuple[Token, ...], s: int, e: int) -> bool:
    """"the Velox veered", "Ruiz's Velox": a one-word name after a determiner or possessive it
    hangs on (not "the Velox board": a noun after it is its head)."""
    return e - s == 1 and s > 0 and toks[s - 1].text.lower() in THING_DETERMINERS and \
        not (e < len(toks) and toks[e].tag.startswith("NN"))


def gather(parsed: list[ParsedArticle], spans: dict[tuple[int, int], list[EntSpan]]) -> Evidence:
    ev = Evidence()
    made = makers(parsed, spans)
    for toks, sps in each_segment(parsed, spans):
        for sp in sps:
            key = key_of(toks, sp.start, sp.end)
            ev.occurrences[key] += 1
            sign = person_signs(toks, sp.start, sp.end)
            if sign > ev.person.get(key, 0):
                ev.person[key] = sign
            if place_signs(toks, sp.start, sp.end):
                ev.place.add(key)
                if not (sp.start > 0 and toks[sp.start - 1].text.lower() in LOOSE_PREPOSITIONS):
                    ev.firmly_placed.add(key)
            if organisation_signs(toks, sp.start, sp.end) or \
                    named_as_a_company(toks, sp.start, sp.end) and not labels.person_shaped(sp, toks):
                ev.organisation.add(key)
            if told(toks, sp.start, sp.end):
                ev.listeners.add(key)
            if team_signs(toks, sp.start, sp.end) and (sp.label != "NORP" or key[-1].endswith("s")):
                # a nationality before a player ("Ostrian striker") is no team; a plural group name may be one
                ev.team.add(key)
            if sp.label == "ORG" and len(key) >= 2 and key[-1].endswith("s") and knowledge.is_place(" ".join(key[:-1])):
                ev.team.add(key[-1:])  # "the Velos" beside the organisation "Tarvik Velos": its team
            if sp.label == "ORG" and (short := without_its_legal_form(key)):
                ev.organisation.add(short)  # "Corvin Seeds" beside "Corvin Seeds Ltd."
            kind = kind_of(toks, sp.start, sp.end) or \
                ("PRODUCT" if key in made and _a_makers_thing(toks, sp.start, sp.end) else None)
            if kind:
                ev.kinds[key][kind] += 1
            if sp.label == "PERSON" and 2 <= len([w for w in key if w not in HYPHENS]) <= 3:
                ev.person_names.add(key)  # the hyphen of "Veln Ha-jun" is no word
            if labels.person_shaped(sp, toks):
                ev.person_shaped.add(key)
    return ev
