"""Ages: whose age a figure gives, by the syntax, never the nearest name: "Anna Ostrander, 52,", "the
52-year-old suspect", "X is 52 years old", "a boy aged 14"; a family's listed ages are no one
person's, and a thing's age is a length of time."""
from __future__ import annotations

from ..model import Entity, ParsedArticle, Token
from .figures import Figure, Reading, Site
from .lexicon import ANIMALS, CLASS_OF, TIME_UNITS, kinds_of
from .sentences import View, lemma


def is_apposed_age(site: Site, fig: Figure) -> bool:
    return fig.value[0] == fig.value[1] and 0 < fig.value[0] < 125 and not fig.qual and \
        _appositive_age(site, fig) is not None


def read_apposed_age(site: Site, fig: Figure) -> Reading:
    """"Anna Ostrander, 52,": her age; one of a family's listed ages is no one person's; "the
    boy, aged 14,": the boy's."""
    whose, listed = _appositive_age(site, fig)
    year = TIME_UNITS["year"][1]
    if isinstance(whose, Token):
        word = lemma(whose)
        return Reading("age", fig.j, f"{word}: age", frozenset({word, "person"}), "year", year, specific=True)
    return Reading("age", fig.j, f"{whose.name}: age{'s' if listed else ''}", frozenset({"person"}), "year", year,
                   "" if listed else whose.id, True)


def is_aged(site: Site, fig: Figure) -> bool:
    return fig.i > 0 and site.toks[fig.i - 1].text.lower() == "aged" and not fig.qual


def read_aged(site: Site, fig: Figure) -> Reading | None:
    """"a boy aged 14", "two men aged 30 and 41": the age of whom "aged" describes."""
    toks = site.toks
    head = toks[toks[fig.i - 1].head]
    if head.i == fig.i - 1 or not head.tag.startswith("NN"):
        return None
    person = _person_of(site, head)
    year = TIME_UNITS["year"][1]
    if person is not None:
        return Reading("age", fig.j, f"{person.name}: age", frozenset({"person"}), "year", year, person.id, True)
    word = lemma(head)
    return Reading("age", fig.j, f"{word}: age", frozenset({word, "person"}), "year", year, specific=True)


AGE_LEAD = frozenset({"now", "aged", "age", "both"})


def _appositive_age(site: Site, fig: Figure) -> tuple[Entity | Token, bool] | None:
    """Whose age the figure is, in apposition: "Anna Ostrander, 52, said", "Anna Ostrander, now 52,",
    "Jo Park, a former league star, 34," (the star is Jo Park); one of a list of ages of several
    people: "the Ortegas, aged 70 and 68 in turn," (then True: the age of one of them, not of the
    name as a whole); or a person not named, "the boy, 14," (the noun's Token)."""
    toks = site.toks
    i, j = fig.i, fig.j
    first, last = _figure_list(toks, i, j)
    k = first - 1
    if k >= 0 and toks[k].text.lower() in AGE_LEAD:
        k -= 1
    end = last + 1 if last < len(toks) and toks[last].text.lower() == "respectively" else last
    closed = fig.cut or end >= len(toks) or toks[end].text in (",", ".", ";")  # "14,and": its own comma
    if k < 1 or toks[k].text != "," or not closed:
        return None
    listed = last > j or first < i
    whose = _apposed_to(site, toks[k - 1], listed)
    return (whose, listed) if whose is not None else None


def _apposed_to(site: Site, before: Token, listed: bool) -> Entity | Token | None:
    """The person (or people noun) the words before an apposed age name."""
    person = _person_at(site.pa, site.si, before.i, site.sents)
    if person is None and before.dep == "appos" and before.head != before.i:  # "Jo Park, a … star, 34,"
        person = _person_at(site.pa, site.si, before.head, site.sents)
    if person is None and listed:  # "the Ortegas, 70 and 68": a family, however labelled
        person = site.sents.by_token.get((site.pa.article.id, site.si, before.i))
        person = person if person is not None and person.label in ("PERSON", "NORP") else None
    if person is None and not listed and before.tag == "NN":
        return before  # "the boy, 14,", "the keeper, 33,"
    return person


def _figure_list(toks: tuple[Token, ...], i: int, j: int) -> tuple[int, int]:
    """The list of figures the one at [i, j) is in ("75 and 67", "30, 31 and 33"), as [first, last)."""
    first, last = i, j
    while first >= 2 and toks[first - 1].text.lower() in (",", "and") and toks[first - 2].tag == "CD":
        first -= 2
    while last + 1 < len(toks) and toks[last].text.lower() in (",", "and") and toks[last + 1].tag == "CD":
        last += 2
    return first, last


def age_reading(site: Site, old: int, unit: str, predicative: bool = False) -> Reading | None:
    """Whose age "the 52-year-old X" or "X is 52 years old" gives: the syntax says, never the
    nearest name. X a person's name (or in apposition to one): theirs; a common noun: that noun's
    ("his three-year-old dog" is the dog's). The age of a thing ("a war now 4 years old") is a length."""
    toks = site.toks
    _, days = TIME_UNITS[unit]
    if old >= len(toks):
        return None
    if predicative:
        head = _clause_subject(toks, old)
    elif toks[old].dep in ("dobj", "pobj", "nsubj", "nsubjpass", "appos", "conj") or toks[old].tag.startswith("NN"):
        return Reading("age", old + 1, "person: age", frozenset({"person"}), unit, days, specific=True)  # "a 3-year-old"
    else:
        head = toks[toks[old].head] if toks[old].head != old and toks[old].head > old else None
    if head is None:
        return None
    person = _person_of(site, head)
    if person is not None:
        return Reading("age", old + 1, f"{person.name}: age", frozenset({"person"}), unit, days, person.id, True)
    return _noun_age(toks, head, old, unit, predicative)


def _clause_subject(toks: tuple[Token, ...], k: int) -> Token | None:
    """The subject of the clause of token k ("X is 52 years old": X); in a relative clause, whom
    its pronoun stands for ("X, who is 52 years old,": X)."""
    while toks[k].head != k and toks[k].dep not in ("ROOT",) and toks[k].pos not in ("VERB", "AUX"):
        k = toks[k].head
    subject = next((t for t in toks if t.head == k and t.dep in ("nsubj", "nsubjpass")), None)
    if subject is not None and subject.tag in ("WP", "WDT") and toks[k].dep == "relcl" and toks[k].head != k:
        return toks[toks[k].head]
    return subject


def _person_of(site: Site, head: Token) -> Entity | None:
    """The person a noun phrase names: its own name, the name it is in apposition to, or a name
    in apposition to it ("the suspect, Jonas Brevik")."""
    person = _person_at(site.pa, site.si, head.i, site.sents)
    if person is None and head.dep == "appos":
        person = _person_at(site.pa, site.si, head.head, site.sents)
    if person is None:
        person = next((e for t in site.toks if t.head == head.i and t.dep == "appos"
                       and (e := _person_at(site.pa, site.si, t.i, site.sents)) is not None), None)
    return person


def _noun_age(toks: tuple[Token, ...], head: Token, old: int, unit: str, predicative: bool) -> Reading | None:
    """The age a common noun is given: a person's or an animal's; a thing's age is a length."""
    _, days = TIME_UNITS[unit]
    word = lemma(head)
    if not head.tag.startswith("NN") and head.pos != "VERB":
        return None
    people = word not in ANIMALS  # ages are people's, save an animal's: "the 27-year-old suspect"
    if predicative and (not head.tag.startswith("NN") or CLASS_OF.get(word) not in ("people", "child")):
        thing, things = word, frozenset({word} | kinds_of(word))
        return Reading("duration", old + 1, f"{thing}: length", things, unit, days, specific=True)
    end = head.i + 1 if not predicative and head.i - old <= 4 else old + 1
    return Reading("age", end, f"{word}: age", frozenset({word} | ({"person"} if people else kinds_of(word))),
                   unit, days, specific=True)


def _person_at(pa: ParsedArticle, si: int, i: int, sents: View) -> Entity | None:
    e = sents.by_token.get((pa.article.id, si, i))
    return e if e is not None and e.label == "PERSON" else None
