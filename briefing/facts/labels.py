"""Row labels a reader understands, read from the claim's clause: the counted thing with what
happened to it ("Flights cancelled", "Migrants who crossed", "Amount raised"), whose age or what
lasted ("Age of Ana Ruiz", "How long the strike lasted"), the event a date or time gives
("When the suspect was charged"), the speaker and what they spoke of ("Ana Ruiz on the ruling").
Words as the article wrote them, never a lone place or a stray word: a label that would be one
word falls back to the extractor's subject.
"""
from __future__ import annotations

from bisect import bisect_left
from operator import attrgetter

from ..model import ParsedArticle, Token
from . import frames
from ..words.english import SPEECH_VERBS
from .lexicon import LENGTH_UNITS
from .sentences import Extracted, View, children, lemma

_START = attrgetter("start")  # a segment's tokens are in the order of their offsets: a claim's are found by bisection
MAX_WORDS = 6  # words of a subject or object phrase in a label
PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you", "this", "that", "these", "those", "who", "which"})
PEOPLE_WORDS = frozenset({"people", "person", "man", "woman", "child", "resident", "worker", "migrant", "refugee",
                          "victim", "student", "passenger", "soldier", "officer", "employee", "member", "fan",
                          "voter", "player", "civilian", "patient", "customer", "protester"})
LEAD_WORDS = frozenset({"the", "a", "an", "some", "about", "nearly", "more", "than", "at", "least", "around",
                        "almost", "over", "up", "to", "another", "only", "just"})


def label(pa: ParsedArticle, si: int, x: Extracted, view: View) -> str:
    """The row label one claim gives, or "" when its clause says nothing a reader could use."""
    toks = pa.segments[si].tokens
    span = [t.i for t in toks[bisect_left(toks, x.claim.start, key=_START):bisect_left(toks, x.claim.end, key=_START)]]
    if not span:
        return ""
    if x.kind == "quote":
        return _quote(x, toks, span, pa, si, view)
    if x.kind in ("date", "time"):
        return _when(toks, range(span[0], span[-1] + 1))
    if x.kind == "age":
        return f"Age of {x.subject.split(':')[0]}" if x.speaker else ""
    return _figure(x, toks, span)


def _figure(x: Extracted, toks: tuple[Token, ...], span: list[int]) -> str:
    """"Flights cancelled", "Migrants who crossed", "Amount paid", "Distance": the counted noun
    and the verb it went through as written; a verb form that would read badly ("forcing") is
    left out, and so is a speech verb ("victims said")."""
    noun = _counted_noun(x, toks, span) if x.kind in ("number", "percent") else None
    verb = _verb(toks, noun.i if noun is not None else span[-1])
    head = _noun_phrase(toks, noun) if noun is not None else \
        {"money": "Amount", "percent": "Share", "duration": "How long"}.get(x.kind, "Distance" if x.unit else "Number")
    if verb is not None and lemma(toks[verb]) in SPEECH_VERBS:
        verb = None
    if x.kind == "duration":
        return _how_long(toks, verb)
    found = _with_verb(x, toks, span, noun, verb, head) if verb is not None else ""
    return found or (head if noun is not None and " " in head or x.kind == "number" and x.unit else "")


def _how_long(toks: tuple[Token, ...], verb: int | None) -> str:
    """"How long the strike lasted": a length of time with who went through it."""
    subject = _subject(toks, verb) if verb is not None and toks[verb].tag in FINITE else ""
    return f"How long {subject} {_verb_text(toks, verb)}" if subject else ""


def _with_verb(x: Extracted, toks: tuple[Token, ...], span: list[int], noun: Token | None, verb: int,
               head: str) -> str:
    """The counted thing and its verb: passive or past with the thing as object ("Flights
    cancelled", "Amount raised"), active with the thing as subject ("Hikers that reached the
    summit")."""
    form, dep = toks[verb].tag, (toks[noun.i].dep if noun is not None else "")
    if form == "VBN" or (form == "VBD" and (dep == "dobj" or x.kind == "money")):
        return f"{head} {_verb_text(toks, verb)}"
    if form in FINITE and dep in SUBJECTS:
        who = "who" if lemma(toks[noun.i]) in PEOPLE_WORDS else "that"
        obj = next((c for c in children(toks, verb) if c.dep == "dobj" and c.i not in span), None)
        what = f" {_phrase(toks, obj)}" if obj is not None and obj.text.lower() not in PRONOUNS else ""
        return f"{head} {who} {_verb_text(toks, verb)}{what}"
    return ""


FINITE = frozenset({"VBD", "VBZ", "VBP"})
STATEMENT_VERBS = frozenset({"say", "tell", "add", "write", "report", "announce"})  # "X said Monday": a statement
SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def _counted_noun(x: Extracted, toks: tuple[Token, ...], span: list[int]) -> Token | None:
    """The last common noun of the claim that is not its unit ("40 km": none)."""
    nouns = [toks[i] for i in span if toks[i].tag in ("NN", "NNS") and lemma(toks[i]).isalpha()
             and lemma(toks[i]) not in LENGTH_UNITS and toks[i].text.lower() not in LENGTH_UNITS]
    return nouns[-1] if nouns else None


def _noun_phrase(toks: tuple[Token, ...], noun: Token) -> str:
    """The counted noun with its own modifiers as written, without the figure: "Fighter jets"."""
    mods = [t for t in toks[max(0, noun.i - 3):noun.i] if t.head == noun.i and t.dep in ("compound", "amod")
            and t.tag != "CD" and t.text.lower() not in LEAD_WORDS and t.text[:1].isalpha()]
    words = [t.text for t in mods] + [noun.text]
    text = " ".join(words)
    return text[:1].upper() + text[1:]


def _verb(toks: tuple[Token, ...], i: int) -> int | None:
    """The verb whose clause token i is in (at most four steps up), not "be" or "have"."""
    k = i
    for _ in range(4):
        if toks[k].pos == "VERB" and lemma(toks[k]) not in ("be", "have"):
            return k
        if toks[k].head == k:
            return None
        k = toks[k].head
    return k if toks[k].pos == "VERB" and lemma(toks[k]) not in ("be", "have") else None


def _verb_text(toks: tuple[Token, ...], v: int) -> str:
    """The verb as written with its particle ("shut down")."""
    prt = [c.text for c in children(toks, v) if c.dep == "prt"]
    return " ".join([toks[v].text.lower(), *prt])


def _subject(toks: tuple[Token, ...], v: int) -> str:
    """Who acted, as written; never a pronoun, nor a dateline's place the parser took for the
    subject ("LONDON — The boy survived…")."""
    subj = next((c for c in children(toks, v) if c.dep in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.text.lower() in PRONOUNS or _dateline(toks, subj):
        return ""
    return _phrase(toks, subj)


def _dateline(toks: tuple[Token, ...], t: Token) -> bool:
    """A name opening the paragraph in capitals before a dash or a bracket: a dateline."""
    rest = toks[t.i + 1:t.i + 2]
    return t.i <= 2 and t.text.isupper() and bool(rest) and rest[0].text in ("—", "–", "-", "--", "(", ",")


def _phrase(toks: tuple[Token, ...], head: Token) -> str:
    """A head noun with the words before it that depend on it, at most MAX_WORDS, as written
    (spacing kept): "the suspect", "Hungary", "pro-Velmar President Ana Ruiz". A first word that
    is not a name is lower-cased ("The migrants" -> "the migrants")."""
    first = head.i
    while first > 0 and head.i - first < MAX_WORDS - 1 and toks[first - 1].head in range(first - 1, head.i + 1) \
            and toks[first - 1].dep in ("det", "compound", "amod", "poss", "nummod", "case", "punct") \
            and toks[first - 1].text not in (",", "(", ")"):
        first -= 1
    words = toks[first:head.i + 1]
    text = "".join(t.text + t.ws for t in words).strip()
    opens = first == 0 or toks[first - 1].sent != words[0].sent  # capitalised because a sentence starts
    return text[:1].lower() + text[1:] if words[0].pos == "DET" or (opens and words[0].pos != "PROPN") else text


def _when(toks: tuple[Token, ...], span: range) -> str:
    """"When the suspect was charged", "When Hungary closed the border", "Date of the summit",
    "Date of Ana Ruiz's statement": the event a date gives."""
    k = frames._predicate(toks, span)
    if k in span:
        return ""
    if toks[k].pos == "NOUN":
        return f"Date of the {toks[k].text.lower()}"
    if toks[k].pos not in ("VERB", "AUX") or toks[k].tag not in (*FINITE, "VBN"):
        return ""
    subject = _subject(toks, k)
    if lemma(toks[k]) in STATEMENT_VERBS:
        return f"Date of {subject}{'’' if subject.endswith('s') else '’s'} statement" if subject else ""
    aux = [c.text for c in children(toks, k) if c.dep == "auxpass"]
    obj = next((c for c in children(toks, k) if c.dep in ("dobj", "attr") and c.i not in span), None)
    words = [subject, *aux, _verb_text(toks, k), _phrase(toks, obj) if obj is not None and
             obj.text.lower() not in PRONOUNS else ""]
    text = " ".join(w for w in words if w)
    if not subject:  # "Date: survived the fall", "Date: was released"
        return f"Date: {text}" if len(text.split()) > 1 else ""
    return f"When {text}"


def _quote(x: Extracted, toks: tuple[Token, ...], span: list[int], pa: ParsedArticle, si: int, view: View) -> str:
    """"Ana Ruiz on the ruling": the speaker and the rarest thing the quote names (a name, else a
    noun), as the quote writes it."""
    speaker = x.subject if x.subject and x.subject != "unattributed" else ""
    named = [t for t in (toks[i] for i in span) if (e := view.by_token.get((pa.article.id, si, t.i))) is not None
             and e.id != x.speaker]
    if named:
        e = view.by_token[(pa.article.id, si, named[0].i)]
        topic = e.name
    else:
        nouns = [toks[i] for i in span if toks[i].pos == "NOUN" and lemma(toks[i]).isalpha()
                 and len(lemma(toks[i])) > 2]
        if not nouns:
            return ""
        best = max(nouns, key=lambda t: (view.idf.get(lemma(t), 0.0), -t.i))
        topic = f"the {best.text.lower()}"
    return f"{speaker or 'Unnamed speaker'} on {topic}"
