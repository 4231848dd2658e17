"""What a figure measures, read from the syntax around it: MEANINGS, an ordered table of a
condition and a reader each (position, money, per cent, a hyphenated figure, a length of time, an
age, a length, a count, how many times). The counted thing with its synonym classes, and what
happened to it (its event classes), are things.py's."""
from __future__ import annotations

import dataclasses

from ..model import ParsedArticle, Token
from .ages import age_reading, read_aged, read_apposed_age, is_aged, is_apposed_age
from .figures import Figure, Reading, Site
from .lexicon import (CURRENCY_SIGNS, CURRENCY_WORDS, GENERIC_THINGS, GROUP_SIZE_WORDS, LENGTH_UNITS, MEASURE_UNITS,
                      PERCENT_WORDS, TIME_UNITS)
from .sentences import View, children, lemma
from .things import UNIT_OF, counted_noun, is_specific, noun_after, of_object, thing_of, verb_of


def measure_of(site: Site, fig: Figure) -> Reading | None:
    """What a figure measures, read from the syntax around it: the first of MEANINGS whose words
    are there decides (None: it states no fact)."""
    return next((read(site, fig) for applies, read in MEANINGS if applies(site, fig)), None)


def _words_after(site: Site, fig: Figure) -> list[str]:
    return [x.text.lower() for x in site.toks[fig.j:fig.j + 4]]


def _word_before(site: Site, fig: Figure) -> str:
    return site.toks[fig.i - 1].text if fig.i > 0 else ""


def _position(site: Site, fig: Figure) -> Reading | None:
    """"the 23rd floor", "the 15th-floor gallery": a position, never "first"."""
    toks = site.toks
    k = fig.j + 1 if _words_after(site, fig)[:1] in (["-"], ["–"]) else fig.j
    if fig.value[0] < 2 or k >= len(toks) or not toks[k].tag.startswith("NN"):
        return None
    word = lemma(toks[k])
    return Reading("number", k + 1, f"{word} (position)", frozenset({f"{word}#"}), specific=True)


CURRENCY_NOUNS = {w + "s": w for w in CURRENCY_WORDS} | {w: w for w in CURRENCY_WORDS}


def _is_money(site: Site, fig: Figure) -> bool:
    nxt = _words_after(site, fig)
    return _word_before(site, fig) in CURRENCY_SIGNS or bool(nxt and nxt[0] in CURRENCY_NOUNS)


def _money(site: Site, fig: Figure) -> Reading:
    """"$3.4 million", "40 euros"."""
    prev = _word_before(site, fig)
    unit = CURRENCY_SIGNS.get(prev) or CURRENCY_WORDS[_words_after(site, fig)[0].rstrip("s")]
    end = fig.j + (0 if prev in CURRENCY_SIGNS else 1)
    return Reading("money", end, f"amount ({unit})", frozenset({unit}), unit=unit, specific=True)


def _is_percent(site: Site, fig: Figure) -> bool:
    nxt = _words_after(site, fig)
    return bool(nxt) and (nxt[0] in PERCENT_WORDS or " ".join(nxt[:2]) == "per cent")


def _percent(site: Site, fig: Figure) -> Reading:
    """"12 percent", "5 per cent interest": of what, when a noun follows."""
    toks = site.toks
    end = fig.j + (2 if _words_after(site, fig)[0] == "per" else 1)
    noun = toks[end] if end < len(toks) and toks[end].tag.startswith("NN") else None
    thing = lemma(noun) if noun is not None else ""
    return Reading("percent", end + (1 if noun is not None else 0), f"per cent{f' ({thing})' if thing else ''}",
                   frozenset({thing} - {""}), unit="%", specific=True)


def _is_hyphenated(site: Site, fig: Figure) -> bool:
    nxt = _words_after(site, fig)
    return nxt[:1] in (["-"], ["–"]) and len(nxt) > 1


def _hyphenated(site: Site, fig: Figure) -> Reading | None:
    """A figure joined to the word after it: "the 52-year-old", "a 50-mile zone", "a 40-person
    choir", "a six-turbine plant" (six turbines)."""
    toks, j = site.toks, fig.j
    nxt = _words_after(site, fig)
    word = nxt[1]
    if nxt[2:4] in (["-", "old"], ["–", "old"]) and word in UNIT_OF:
        return age_reading(site, j + 3, UNIT_OF[word])
    noun = noun_after(toks, j + 2)
    if word in UNIT_OF:
        if noun is None:
            return None
        unit, days = TIME_UNITS[UNIT_OF[word]]
        thing, things = thing_of(toks, noun, site.mention_tokens)
        return Reading("duration", noun.i + 1, f"{thing}: length", things, unit, days, specific=True)
    if noun is None:
        return None
    if word in LENGTH_UNITS or word.rstrip("s") in LENGTH_UNITS or word in MEASURE_UNITS:
        thing, things = thing_of(toks, noun, site.mention_tokens)
        unit = word.rstrip("s") if word.rstrip("s") in LENGTH_UNITS else word
        things |= {"distance"} if unit in LENGTH_UNITS else set()  # a 50-mile zone is 50 miles away
        return Reading("number", noun.i + 1, f"{thing} ({unit})", things, unit, LENGTH_UNITS.get(unit, 1.0),
                       specific=True)
    if word in GROUP_SIZE_WORDS:  # the size of the noun that follows
        thing, things = thing_of(toks, noun, site.mention_tokens)
        return Reading("number", noun.i + 1, f"{thing} (size)", things, specific=True)
    thing, things = thing_of(toks, toks[j + 1], site.mention_tokens)
    return Reading("number", j + 2, thing, things, specific=thing not in GENERIC_THINGS)


def _is_time_unit(site: Site, fig: Figure) -> bool:
    nxt = _words_after(site, fig)
    return bool(nxt) and nxt[0] in UNIT_OF


def _time_length(site: Site, fig: Figure) -> Reading | None:
    """"48 years", "41/2 years old" (an age), "for 2½ weeks"; "two years ago" is a date."""
    nxt = _words_after(site, fig)
    unit, days = TIME_UNITS[UNIT_OF[nxt[0]]]
    if nxt[1:2] == ["old"]:
        return age_reading(site, fig.j + 1, unit, predicative=True)
    if nxt[1:3] in (["-", "old"], ["–", "old"]):  # "the 33 year-old", hyphened only once
        return age_reading(site, fig.j + 2, UNIT_OF[nxt[0]])
    if nxt[1:2] == ["ago"]:
        return None
    verb = verb_of(site.toks, fig.i)
    return Reading("duration", fig.j + 1, f"{verb or 'time'}: length", frozenset(), unit, days, specific=True)


def _is_length(site: Site, fig: Figure) -> bool:
    nxt = _words_after(site, fig)
    return bool(nxt) and (nxt[0] in LENGTH_UNITS or nxt[0].rstrip("s") in LENGTH_UNITS)


def _length(site: Site, fig: Figure) -> Reading:
    """"240 km", "50 miles"; "a 5 km (3 mile) race course": the course's length."""
    toks, j = site.toks, fig.j
    word = _words_after(site, fig)[0]
    unit = word if word in LENGTH_UNITS else word.rstrip("s")
    noun = noun_after(toks, j + 1) if toks[j].dep in ("compound", "nmod", "amod") else of_object(toks, toks[j], j + 1)
    if noun is not None:  # "a 5 km race course", "two metres of water": the course, the water
        thing, things = thing_of(toks, noun, site.mention_tokens)
        return Reading("number", noun.i + 1, f"{thing} ({unit})", things | {"distance"}, unit, LENGTH_UNITS[unit],
                       specific=True)
    return Reading("number", j + 1, f"distance ({unit})", frozenset({"distance"}), unit, LENGTH_UNITS[unit])


def _count(site: Site, fig: Figure) -> Reading | None:
    """A count of things: the noun it counts ("four jets", "millions of refugees"), a people
    named as a group ("1 million Muslims"), or a figure with no noun (_uncounted)."""
    toks, i, j = site.toks, fig.i, fig.j
    head = counted_noun(toks, i, j)
    if fig.value == (1.0, 1.0) and fig.qual != "min":
        return None  # "one official", "under one roof": not a fact ("at least one fan" is)
    if head is None:
        group = _group_counted(site.pa, site.si, j, site.sents)
        if group is not None:
            word = group.text.lower()
            return Reading("number", group.i + 1, group.text, frozenset({word, word.rstrip("s"), "people"}),
                           specific=True)
        return _uncounted(toks, i, j, fig.value)
    if _names(toks, fig, head):
        return None
    thing, things = thing_of(toks, head, site.mention_tokens)
    end = head.i + 1 if j <= head.i <= j + 6 else j
    word = lemma(head)
    core = thing.split()[-2] if word in GENERIC_THINGS and " " in thing else word  # "six turbine units": turbines
    specific = is_specific(core)
    label = _plural(thing, head)
    verb = verb_of(toks, head.i) if not specific and head.dep in ("dobj", "nsubj", "nsubjpass") else ""
    return Reading("number", end, f"{label} ({verb})" if verb else label, things, specific=specific)


def _names(toks: tuple[Token, ...], fig: Figure, head: Token) -> bool:
    """A figure right before a singular noun that names it rather than counts it: "a 911 call",
    "a 737 jet", "the 1040 form". A count is plural in meaning whatever its noun's number ("5,000
    staff", "hundreds of staff and stewards"): no article before it, or a thousands separator."""
    num = toks[fig.j - 1]
    if head.tag != "NN" or num.head != head.i or fig.value[0] != int(fig.value[0]) or fig.value[0] <= 1:
        return False
    article = toks[fig.qs - 1].text.lower() if fig.qs > 0 else ""
    return article in ("a", "an") or num.dep in ("compound", "nmod") or \
        (article in ("the", "this", "that", "its", "his", "her", "their") and "," not in num.text)


def _times(site: Site, fig: Figure) -> Reading:
    """"booked twice": how many times it happened, a count of that verb's doing."""
    verb = verb_of(site.toks, fig.i)
    return Reading("number", fig.j, f"times ({verb})" if verb else "times", frozenset({f"time#{verb}"}),
                   specific=bool(verb))


def _is_times(site: Site, fig: Figure) -> bool:
    return _words_after(site, fig)[:1] == ["times"]


def _n_times(site: Site, fig: Figure) -> Reading | None:
    """"stabbed three times", "arrested 12 times": how many times it happened, as "twice" is; a
    multiple ("three times as fast", "ten times the price", "five times higher") states no fact."""
    toks, k = site.toks, fig.j + 1
    if k < len(toks) and (toks[k].tag in ("JJR", "RBR", "DT", "PDT") or toks[k].text.lower() in ("as", "more", "less")):
        return None
    reading = _times(site, fig)
    return dataclasses.replace(reading, end=k)


def _always(site: Site, fig: Figure) -> bool:
    return True


# What a figure measures, by the words around it: the first that applies reads it.
MEANINGS = (
    (lambda site, fig: fig.times, _times),
    (_is_times, _n_times),
    (lambda site, fig: fig.ordinal, _position),
    (_is_money, _money),
    (_is_percent, _percent),
    (_is_hyphenated, _hyphenated),
    (_is_time_unit, _time_length),
    (is_aged, read_aged),
    (is_apposed_age, read_apposed_age),
    (_is_length, _length),
    (_always, _count),
)


def _group_counted(pa: ParsedArticle, si: int, j: int, sents: View) -> Token | None:
    """The people a figure counts when they are named as a group ("1 million Muslims"): a plural
    name the entity stage calls a nationality, religious or political group (NORP)."""
    toks = pa.segments[si].tokens
    num = toks[j - 1]
    if num.dep != "nummod" or num.head == num.i or toks[num.head].tag != "NNPS":
        return None  # "the two Dakotas" (places) counts nothing
    e = sents.by_token.get((pa.article.id, si, num.head))
    return toks[num.head] if e is not None and e.label == "NORP" else None


def _plural(thing: str, head: Token) -> str:
    return thing[: -len(lemma(head))] + head.text.lower() if head.tag == "NNS" and thing.endswith(lemma(head)) else thing


DIAL_VERBS = frozenset({"call", "dial", "phone", "ring", "text"})


def _uncounted(toks: tuple[Token, ...], i: int, j: int, value: tuple[float, float]) -> Reading | None:
    """A figure with no noun after it ("12 were treated", "the toll stood at 6,405"): what it
    counts is in the sentence; it pairs only on the same figure and the same event. The clause
    may name it: "193 were Dutch citizens", "the number of cases was 8,914"."""
    num = toks[j - 1]
    if value[0] < 2 or (1900 <= value[0] <= 2100 and value[0] == int(value[0])):
        return None  # "2013" is a date
    if i > 0 and toks[i - 1].text.lower() in ("the", "both", "all", "these", "those", "its", "their"):
        return None  # "the two could find common ground": people already named, not a count
    named = _named_by_clause(toks, num)
    if named is not None:
        thing, things = thing_of(toks, named, frozenset())
        return Reading("number", j, _plural(thing, named), things, specific=is_specific(lemma(named)))
    if num.dep in ("nsubj", "nsubjpass", "dobj"):
        verb = toks[num.head]
        if verb.pos != "VERB" or (num.dep == "dobj" and lemma(verb) in DIAL_VERBS):
            return None  # "he called 911": a number to call, not a count
        return Reading("number", j, f"{lemma(verb)} (count)", frozenset(), specific=False)
    if num.dep == "pobj" and toks[num.head].text.lower() == "of" and toks[toks[num.head].head].tag in ("NN", "NNS"):
        group = toks[toks[num.head].head]  # "a squad of 23", "a crowd of 5,000": its size
        thing, things = thing_of(toks, group, frozenset())
        return Reading("number", j, f"{thing} (size)", things, specific=True)
    risen = _risen(toks, num)
    if risen is not None:
        return Reading("number", j, lemma(risen), thing_of(toks, risen, frozenset())[1], specific=False)
    return None


def _risen(toks: tuple[Token, ...], num: Token) -> Token | None:
    """What stood at or rose to a figure: "the toll stood at 6,405", "raised its tally to 37" (the
    tally, not who raised it)."""
    if num.dep != "pobj" or toks[num.head].text.lower() not in ("at", "to"):
        return None
    verb = toks[num.head].head
    return _noun_child(toks, verb, ("dobj",)) or _noun_child(toks, verb, ("nsubj", "nsubjpass"))


def _noun_child(toks: tuple[Token, ...], k: int, deps: tuple[str, ...], tags=("NN", "NNS")) -> Token | None:
    """Token k's first dependent of one of `deps` that is a common noun."""
    return next((t for t in children(toks, k) if t.dep in deps and t.tag in tags), None)


TALLY_WORDS = frozenset({"number", "total", "tally", "count"})  # "the number of cases": the cases


def _named_by_clause(toks: tuple[Token, ...], num: Token) -> Token | None:
    """The noun a figure with none after it counts, named elsewhere in its clause: the noun a
    copula gives it ("193 were Dutch citizens"), the subject it is the value of ("the number of
    cases was 8,914"), the group it is part of ("Of the five victims, two were …")."""
    head = toks[num.head]
    if num.dep in ("nsubj", "nsubjpass") and lemma(head) == "be":
        return _noun_child(toks, head.i, ("attr",)) or _partitive(toks, head)
    if num.dep == "attr" and lemma(head) == "be":
        subj = _noun_child(toks, head.i, ("nsubj", "nsubjpass"))
        if subj is not None and lemma(subj) in TALLY_WORDS:
            return next((o for p in children(toks, subj.i) if p.text.lower() == "of"
                         if (o := _noun_child(toks, p.i, ("pobj",))) is not None), None)
        return subj
    if num.dep in ("nsubj", "nsubjpass") and head.pos == "VERB":
        return _partitive(toks, head)
    return None


def _partitive(toks: tuple[Token, ...], verb: Token) -> Token | None:
    """"Of the five victims, two were …": the group a clause's count is part of."""
    of = next((p for p in children(toks, verb.i) if p.dep == "prep" and p.text.lower() == "of" and p.i < verb.i), None)
    return None if of is None else _noun_child(toks, of.i, ("pobj",), ("NNS",))


