"""The counted thing: the noun a figure counts (counted_noun, of_object, noun_after), its words
and synonym classes (thing_of), whether it is specific enough to pair on (is_specific); the verb
the figure hangs from (verb_of) and what happened to the things (events_of: their event classes).
meanings.py reads what a figure measures with them."""
from __future__ import annotations

from ..model import Token
from .lexicon import (CLASS_OF, EVENT_OF, EVENT_SENSES, GENERIC_THINGS, LENGTH_UNITS, MEASURE_UNITS, TIME_UNITS,
                      kinds_of)
from .sentences import children, climb, lemma

UNIT_OF = {**{w: w for w in TIME_UNITS}, **{w + "s": w for w in TIME_UNITS}}


def is_specific(word: str) -> bool:
    """Is a counted word specific enough to pair on its figure ("jets"), not people or "cases"?"""
    return word not in GENERIC_THINGS and CLASS_OF.get(word) != "people"


def noun_after(toks: tuple[Token, ...], k: int) -> Token | None:
    """The noun a hyphenated "50-mile" modifies: the next noun within a few tokens, past "(80-km)"."""
    depth = 0
    for t in toks[k:k + 8]:
        if t.text == "(":
            depth += 1
        elif t.text == ")":
            depth -= 1
        elif depth == 0 and t.tag.startswith("NN"):
            while t.dep == "compound" and t.i < t.head <= t.i + 3 and toks[t.head].tag.startswith("NN"):
                t = toks[t.head]  # "a 20 km evacuation zone": the zone
            return t
        elif depth == 0 and t.tag not in ("JJ", "HYPH", "CD", "NNP", "VBN", "VBG") and t.pos != "PUNCT":
            return None
    return None


def events_of(toks: tuple[Token, ...], s: int, e: int, things: frozenset[str], money: bool = False) -> frozenset[str]:
    """What happened to the counted things: said by the clause they are in (the verb they hang
    from and its complements: "killing 38 people", "390,000 people, … , are homeless", "staying
    in shelters"), else by the words next to them ("six people dead", "with 1,204 missing").
    Each word in the sense it has there (_in_sense)."""
    said = _clause_words(toks, e - 1)
    noun = next((t for t in reversed(toks[s:e]) if t.tag in ("NN", "NNS")), None) or counted_noun(toks, s, e)
    if noun is not None:  # "40 fans with light injuries": what they are with or without
        said += [o for p in children(toks, noun.i) if p.dep == "prep" and p.text.lower() in ("with", "without")
                 for o in children(toks, p.i) if o.dep == "pobj"]
    found = _event_classes(toks, things, said, money)
    if found:
        return found
    sent = toks[s].sent
    near = [t for t in toks[max(0, s - 3):e + 4] if t.sent == sent and not (t.pos == "NOUN" and t.dep == "pobj")]
    return _event_classes(toks, frozenset(), near, money)  # "six people dead"; never "… to life"


def _clause_words(toks: tuple[Token, ...], i: int) -> list[Token]:
    """The words token i's clause says of it: its verb (or auxiliary used as one) and the verb's
    complements, with the places it is in ("staying in shelters", "in tents and shelters")."""
    k = _governor(toks, i)
    if k is None:
        return []
    said = [toks[k]]
    for c in children(toks, k):
        if c.dep in CLAUSE_COMPLEMENTS:
            said.append(c)
        elif c.dep == "prep" and c.text.lower() in ("in", "at", "into", "inside"):  # "staying in shelters"
            for o in children(toks, c.i):
                if o.dep == "pobj":
                    said += [o] + [x for x in children(toks, o.i) if x.dep == "conj"]
    return said


def _event_classes(toks: tuple[Token, ...], things: frozenset[str], said: list[Token], money: bool) -> frozenset[str]:
    """The event classes of the counted thing's words and of the tokens said about it."""
    words = [(w, None) for w in things] + [(w, t) for t in said for w in {lemma(t), t.text.lower()}]
    return frozenset(EVENT_OF[w] for w, t in words if w in EVENT_OF and _in_sense(toks, w, t, money))


def _in_sense(toks: tuple[Token, ...], word: str, tok: Token | None, money: bool) -> bool:
    """Does the word report its event class here? Paying and receiving are of money ("ready to
    receive 500 refugees" is no payment); a word of EVENT_SENSES only in the plural or with a
    number when it is not the counted noun itself ("three counts", "claimed 30 lives"; "the count of
    ballots" is a tally, "15 years to life" a sentence)."""
    if EVENT_OF[word] == "payment" and not money:
        return False
    if tok is None or word not in EVENT_SENSES:
        return True
    return tok.tag == "NNS" or any(c.dep == "nummod" for c in children(toks, tok.i))


CLAUSE_COMPLEMENTS = frozenset({"acomp", "attr", "oprd", "xcomp", "advmod", "dobj", "ccomp"})


def _governor(toks: tuple[Token, ...], i: int) -> int | None:
    """The verb (or auxiliary used as a verb: "are homeless") whose clause token i is in."""
    k = climb(toks, i, ("VERB", "AUX"), 8)
    return k if toks[k].pos in ("VERB", "AUX") else None


def verb_of(toks: tuple[Token, ...], i: int) -> str:
    """The verb a figure hangs from ("kill" for "killing 38 people"), or ""."""
    k = climb(toks, i, ("VERB",), 8)
    return lemma(toks[k]) if toks[k].pos == "VERB" and lemma(toks[k]) not in ("be", "have") else ""


def thing_of(toks: tuple[Token, ...], head: Token, mention_tokens: set[int]) -> tuple[str, frozenset[str]]:
    """('fighter jet', {'jet', 'fighter', 'fighter jet', 'aircraft'}): the counted noun with its
    common-noun compounds, and every word and synonym class it may be matched by."""
    mods = [t for t in toks[max(0, head.i - 4):head.i] if t.head == head.i and t.dep == "compound"
            and not (t.i > 0 and toks[t.i - 1].text in ("-", "–"))  # "550-member": the figure's own word
            and t.tag.startswith("NN") and t.i not in mention_tokens and not t.text[:1].isupper()
            and t.text.lower() not in UNIT_OF and t.text.lower().rstrip("s") not in LENGTH_UNITS
            and t.text.lower() not in MEASURE_UNITS and t.text.lower() != "dozen"]  # "a dozen cars": the figure's
    word = lemma(head)
    phrase = " ".join([lemma(m) for m in mods] + [word])
    words = {word, phrase}
    if word in GENERIC_THINGS and mods:  # "six turbine units" count turbines
        words.add(lemma(mods[-1]))
    words |= {k for w in list(words) for k in kinds_of(w)}
    return phrase, frozenset(words)


def counted_noun(toks: tuple[Token, ...], s: int, e: int) -> Token | None:
    """The noun a number counts: its head for `four jets`, the object of `of` for `millions of refugees`;
    the number's own head when the last word of the figure hangs from it ("two dozen barns")."""
    num = toks[e - 1]
    if num.text.lower() in ("a", "an") and num.dep == "det" and toks[num.head].tag == "NN":
        return toks[num.head]  # "a street and a half": the street
    for n in (num, toks[s]) if e - s > 1 else (num,):
        if n.dep in ("nummod", "quantmod", "amod") and s <= n.head < e:
            continue  # "dozen" hangs from "two"
        if (n.dep in ("nummod", "quantmod", "amod") or (n.dep == "compound" and n.text.lower() == "dozen")) \
                and n.head != n.i:  # "a dozen cars": the model calls "dozen" the cars' compound
            head = toks[n.head]
            if head.tag in ("NN", "NNS"):  # not a name: "the two Dakotas" counts nothing
                return head
            break
    return of_object(toks, num, e)


def of_object(toks: tuple[Token, ...], num: Token, e: int) -> Token | None:
    """The noun after "of" that a figure counts: "millions of refugees"."""
    for t in toks[e:e + 3]:
        if t.text.lower() == "of" and t.head == num.i:
            obj = next((x for x in toks[t.i + 1:t.i + 16] if x.head == t.i and x.dep == "pobj"), None) \
                or _after_participle(toks, t.i)
            if obj is not None and obj.tag in ("NN", "NNS"):
                return obj
    return None


def _after_participle(toks: tuple[Token, ...], of: int) -> Token | None:
    """"hundreds of straggling hikers" parsed as "of straggling (them)": the noun right after a
    participle the model made the object of "of"."""
    part = toks[of + 1] if of + 2 < len(toks) else None
    if part is None or part.head != of or part.tag not in ("VBG", "VBN"):
        return None
    noun = toks[of + 2]
    return noun if noun.head == part.i and noun.dep == "dobj" else None
