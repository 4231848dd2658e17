"""The event a claim is about, read from its clause: the predicate the claim hangs from (a verb,
or an event noun: "Friday's smoke", "a Tuesday summit"), the verbs it reports or that go with
it ("learned Tuesday that they will receive…", "experienced Thursday trying to drop…"), and
their arguments (subject, object, prepositional objects) as entity ids or noun lemmas.

Two dates of one day are one fact only when their events share words: "charged Monday" and
"authorities said on Monday that a student was charged" do, "Roe called the attack…
Monday" does not. A token window cannot tell these apart; the clause can.
"""
from __future__ import annotations

import functools
import re

from ..model import ParsedArticle, Token
from ..words.english import SPEECH_VERBS
from .lexicon import CLASS_OF, EVENT_OF, INCIDENT_OF, TIME_UNITS
from .sentences import EMPTY_WORDS, View, children, lemma

# Words of a date phrase's own: "Monday evening", "8 p.m. Sunday" are a time, not an event.
TIME_WORDS = frozenset({"morning", "evening", "afternoon", "night", "noon", "midnight", "p.m.", "a.m.", "pm", "am",
                        "tonight", "weekend", "dawn", "overnight", "time"})
ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "agent", "oprd", "dative"})
REPORTED_DEPS = frozenset({"ccomp", "xcomp", "advcl", "conj", "pcomp"})
# A clause opened by one of these is another event ("even if they succeed", "because …").
OTHER_CLAUSE = frozenset({"if", "although", "though", "unless", "because", "while", "whereas", "whether"})
NOUN_MODIFIER_DEPS = frozenset({"compound", "amod", "poss", "nmod"})
SAME_EVENT = 2.5  # shared weight that makes two events one: about one rare word
CLASS_WEIGHT = 1.5  # a shared class ("shooting" and "attack") counts, though less than a rare word
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "agent"})
WHO = "who:"  # prefix of the names of who acted


def frame(pa: ParsedArticle, si: int, s: int, e: int, view: View, reported: bool = True) -> frozenset[str]:
    """The words of the event that tokens [s, e) of segment si (a date, a figure) are about; with
    `reported` False (a figure: what it counts is no saying of it), not those of the verb that
    reports it ("…, its board said")."""
    toks = pa.segments[si].tokens
    span = range(s, e)
    words: set[str] = set()
    first = _predicate(toks, span)
    for p in _predicates(toks, first, span):
        if not reported and p != first and lemma(toks[p]) in SPEECH_VERBS:
            continue
        _add(words, toks[p], pa, si, view)
        for c in children(toks, p):
            if c.i in span or c.text.lower() in TIME_WORDS:
                continue
            if c.dep in ARGUMENT_DEPS or (toks[p].pos == "NOUN" and c.dep in NOUN_MODIFIER_DEPS):
                _argument(words, toks, c, pa, si, view, WHO if c.dep in SUBJECT_DEPS else "")
            elif c.dep == "prep":
                for o in children(toks, c.i):
                    if o.dep == "pobj" and o.i not in span and o.text.lower() not in TIME_WORDS:
                        _argument(words, toks, o, pa, si, view)
    return frozenset(words)


def _predicate(toks: tuple[Token, ...], span: range) -> int:
    """The predicate the span hangs from: up from the span's head past "evening", "on", "8 p.m."
    to the first verb, auxiliary or noun outside it (at most eight steps)."""
    k = next((t.i for t in toks[span.start:span.stop] if t.head not in span or t.head == t.i), span.start)
    for _ in range(8):
        t = toks[k]
        if t.head == t.i or (k not in span and t.pos in ("VERB", "AUX", "NOUN") and t.text.lower() not in TIME_WORDS):
            break
        k = t.head
    return k


def _predicates(toks: tuple[Token, ...], k: int, span: range) -> list[int]:
    """The predicate k, what it reports ("…, officials said Monday": what was said), the noun a
    relative clause describes ("the attack that left six dead Sunday"), and the verbs it reports
    or goes on to, two levels down ("learned … that they'll receive")."""
    preds = [k]
    if toks[k].dep in ("ccomp", "parataxis") and toks[k].head != k:
        preds.append(toks[k].head)
    if toks[k].dep == "relcl" and toks[k].head != k:
        preds.append(toks[k].head)
    if _bare_participle(toks, k):  # "the rink will shut for repairs, beginning Monday": the shutting begins
        preds.append(toks[k].head)
    for depth in range(2):
        preds += [c.i for p in preds for c in children(toks, p)
                  if c.pos in ("VERB", "AUX") and c.i not in preds and c.i not in span and
                  (c.dep in REPORTED_DEPS if depth == 0 else c.dep in ("ccomp", "xcomp", "conj")) and
                  not _other_clause(toks, c.i)]
    return preds


def _bare_participle(toks: tuple[Token, ...], k: int) -> bool:
    """A participle clause with no subject of its own that modifies another verb ("…, beginning
    Monday", "…, leaving two hurt"): it tells when or how that verb's event happened."""
    t = toks[k]
    return t.dep == "advcl" and t.tag in ("VBG", "VBN") and t.head != k and toks[t.head].pos in ("VERB", "AUX") \
        and not any(c.dep in SUBJECT_DEPS or c.dep == "mark" for c in children(toks, k))


def _other_clause(toks: tuple[Token, ...], i: int) -> bool:
    """A clause opened by "if", "because"…: another event."""
    return any(m.dep == "mark" and m.text.lower() in OTHER_CLAUSE for m in children(toks, i))


def overlap(a: frozenset[str], b: frozenset[str], view: View) -> float:
    """How much two events share: the summed rarity of their common words (entities by their
    weight, words by their idf over the briefing's sentences, classes by CLASS_WEIGHT). Sharing
    only who acted is not sharing the event: "VEPCO moved closer Thursday" and "VEPCO missed a
    deadline Thursday" are two events of one actor; sharing where ("a summit in Vancouver",
    "nations meeting in Vancouver") or what is."""
    shared = a & b
    return 0.0 if all(w.startswith(WHO) for w in shared) else _weight(shared, view)


def same_event(a: frozenset[str], b: frozenset[str], view: View, enough: float = SAME_EVENT,
               shared: float | None = None) -> float:
    """How surely two events are one, 0 when they are not: what they share (`shared`, when the
    caller has their overlap already), when that is `enough` (about one rare word) or half of the
    smaller event (a small briefing has no rare words)."""
    shared = overlap(a, b, view) if shared is None else shared
    if shared >= enough:
        return shared
    smaller = min(_weight(a, view), _weight(b, view))
    return shared if smaller and shared / smaller >= 0.5 else 0.0


def _weight(words: frozenset[str], view: View) -> float:
    said = {f"class:{c}" for w in words for c in _classes(w)}  # a class counts where the words differ
    return sum(CLASS_WEIGHT * (w not in said) if w.startswith("class:")
               else view.weight.get(w.removeprefix(WHO)) or view.idf.get(w, 0.0) for w in words)


@functools.lru_cache(maxsize=65536)
def _classes(word: str) -> tuple[str, ...]:
    """The classes a word belongs to: its synonyms' (lexicon), and its stem's, so that a noun and
    its verb meet ("inspection", "inspected"; "announcement", "announce")."""
    stem = re.sub(r"e$", "", re.sub(r"(ment|ance|ence|ion)$", "", word))
    return tuple(c for c in (CLASS_OF.get(word), EVENT_OF.get(word), INCIDENT_OF.get(word)) if c) + \
        (f"~{stem}",) * (len(stem) >= 5)


def _argument(words: set[str], toks: tuple[Token, ...], t: Token, pa: ParsedArticle, si: int, view: View,
              role: str = "") -> None:
    """An argument: its own word or name, what it is of or for ("support for talks"), and every
    name inside its phrase ("nations meeting in the city of Vancouver": Vancouver); the subject's
    own name is marked as who acted."""
    _add(words, t, pa, si, view, role)
    for p in children(toks, t.i):
        if p.dep == "prep":
            for o in children(toks, p.i):
                if o.dep == "pobj" and o.text.lower() not in TIME_WORDS:
                    _add(words, o, pa, si, view, role)
    frontier = [(t.i, role)]
    for _ in range(4):  # a name behind a preposition is where or of what, not who ("nations in Vancouver")
        frontier = [(c.i, "" if c.dep == "prep" else r) for f, r in frontier for c in children(toks, f)
                    if c.dep not in ("relcl", "punct")]
        for i, r in frontier:
            e = view.by_token.get((pa.article.id, si, i))
            if e is not None:
                words.add(r + e.id)


def _add(words: set[str], t: Token, pa: ParsedArticle, si: int, view: View, role: str = "") -> None:
    e = view.by_token.get((pa.article.id, si, t.i))
    if e is not None:
        words.add(role + e.id)
        return
    word = lemma(t)
    if t.pos not in ("NOUN", "VERB", "ADJ", "PROPN") or word in EMPTY_WORDS or word.rstrip("s") in TIME_UNITS \
            or not word[:1].isalpha():
        return
    words.add(word)
    words |= {f"class:{c}" for c in _classes(word)}


