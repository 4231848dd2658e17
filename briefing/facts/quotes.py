"""Quotations with their speaker, and the word diff of two wordings."""
from __future__ import annotations

import bisect
import difflib
import re

from ..model import Entity, ParsedArticle, Token
from .sentences import Extracted, View, lemma, normalise, make_claim

SPEECH_VERBS = frozenset({"say", "add", "tell", "write", "warn", "note", "state", "declare", "ask", "explain",
                          "insist", "argue", "announce", "claim", "quote", "continue", "conclude", "reply",
                          "respond", "acknowledge", "admit", "emphasize", "stress", "predict", "urge", "caution",
                          "promise", "vow", "pledge", "confirm", "deny", "describe", "call", "recall", "suggest",
                          "tweet", "post", "threaten", "accuse", "agree", "complain", "concede", "boast"})
PRONOUNS = frozenset({"he", "she", "they", "i", "we"})
QUOTE_MIN_WORDS = 4
QUOTE_MIN_SIMILARITY = 85
UNATTRIBUTED_MIN_WORDS = 6
UNATTRIBUTED_MIN_SIMILARITY = 95


def word_diff(a: str, b: str) -> tuple[tuple[str, str], ...]:
    """Word-level diff of two quotes in their own wording, compared after normalising case,
    quote marks and punctuation: ("=", same), ("-", only in a), ("+", only in b)."""
    wa, wb = a.split(), b.split()
    ka, kb = [normalise(w) for w in wa], [normalise(w) for w in wb]
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=ka, b=kb, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(("=", " ".join(wb[j1:j2])))
        if op in ("delete", "replace"):
            out.append(("-", " ".join(wa[i1:i2])))
        if op in ("insert", "replace"):
            out.append(("+", " ".join(wb[j1:j2])))
    # one outlet quoting a shorter excerpt is not a difference of wording: trim unmatched edges
    while len(out) > 1 and out[0][0] != "=" and out[1][0] == "=":
        out.pop(0)
    while len(out) > 1 and out[-1][0] != "=" and out[-2][0] == "=":
        out.pop()
    return tuple(out)



QUOTE_RE = re.compile(r"“([^“”]+)”|\"([^\"]+)\"")


def extract(pa: ParsedArticle, si: int, sents: View, state: dict) -> list[Extracted]:
    """Quotations of four words or more, each with its speaker; `state` carries the last speaker."""
    seg = pa.segments[si]
    art = pa.article
    toks = seg.tokens
    raw = art.raw
    found = []
    segment = art.segments[si]
    for m in QUOTE_RE.finditer(raw, segment.start, segment.end):
        inner = m.group(1) or m.group(2)
        if len(inner.split()) < QUOTE_MIN_WORDS:
            continue  # scare quotes
        found.append((m.start(), m.end(), inner))
    out: list[Extracted] = []
    groups: list[list[tuple[int, int, str]]] = []
    for q in found:
        # a quote split by "he said" is one quotation
        if groups and groups[-1][-1][2].rstrip().endswith(",") and split_continuation(raw[groups[-1][-1][1]:q[0]]):
            groups[-1].append(q)
        else:
            groups.append([q])
    for group in groups:
        start, end = group[0][0], group[-1][1]
        speaker = _speaker(pa, si, [(q[0], q[1]) for q in group], sents)
        if speaker is None:  # no speech verb in the quote's sentence: the paragraph's last speaker
            speaker = _paragraph_speaker(pa, si, start, sents)
        if speaker == "PRONOUN":
            speaker = state.get("speaker") if state.get("segment", -9) >= si - 1 else None
            speaker = speaker or _last_person(pa, si, start, sents)
        if isinstance(speaker, Entity):
            state["speaker"], state["segment"] = speaker, si
        tok = next((t for t in toks if t.start >= start), toks[-1])
        sent = tok.sent
        ents = frozenset(sents.ids.get((art.id, si, sent), ()))
        if isinstance(speaker, Entity):
            name, speaker_id = speaker.name, speaker.id
        else:  # an unnamed speaker's words ("one U.S. official"), or nobody found
            name, speaker_id = (speaker if speaker and speaker != "PRONOUN" else "unattributed"), ""
        text = " … ".join(q[2] for q in group)
        claim = make_claim(pa, si, sent, start, end, text)
        out.append(Extracted(claim, "quote", ("quote",), entities=ents, subject=name, speaker=speaker_id))
    return out


def _paragraph_speaker(pa: ParsedArticle, si: int, before: int, sents: View):
    """A speech verb earlier in the same paragraph names who goes on talking."""
    toks = pa.segments[si].tokens
    verbs = [t for t in toks if t.end <= before and lemma(t) in SPEECH_VERBS and t.pos in ("VERB", "AUX")]
    for verb in reversed(verbs):
        found = _subject_of(pa, si, verb, list(toks), sents)
        if found is not None:
            return found
    return None


def _last_person(pa: ParsedArticle, si: int, before: int, sents: View) -> Entity | None:
    """The person named last before offset `before` in this article."""
    people = sents.people.get(pa.article.id, [])
    k = bisect.bisect_left(people, (before, "")) - 1
    return sents.entity_by_id[people[k][1]] if k >= 0 else None


SPLIT_QUOTE_VERBS = frozenset({"said", "says", "added", "adds", "wrote", "told", "asked", "continued",
                               "explained", "noted"})


def split_continuation(between: str) -> bool:
    """Is the text between two quotes an attribution inside one quotation ("…,” he said, “…")?"""
    words = re.findall(r"\w+", between)
    return not re.search(r"[.!?]", between) and 0 < len(words) <= 5 and \
        any(w.lower() in SPLIT_QUOTE_VERBS for w in words)


def _speaker(pa: ParsedArticle, si: int, pieces: list[tuple[int, int]], sents: View):
    """Who said the quote made of `pieces`: the subject of the nearest speech verb outside them."""
    start, end = pieces[0][0], pieces[-1][1]
    toks = pa.segments[si].tokens
    inside = [t for t in toks if any(s <= t.start < e for s, e in pieces)]
    if not inside:
        return None
    sent_ids = {t.sent for t in inside}
    outside = [t for t in toks if t.sent in sent_ids and not any(s <= t.start < e for s, e in pieces)]
    verbs = [t for t in outside if lemma(t) in SPEECH_VERBS and t.pos in ("VERB", "AUX")]
    if not verbs and "according" in {t.text.lower() for t in outside}:
        verbs = [t for t in outside if t.text.lower() == "according"]
    verbs.sort(key=lambda v: min(abs(v.start - start), abs(v.start - end)))
    for verb in verbs:
        found = _subject_of(pa, si, verb, outside, sents)
        if found is not None:
            return found
    return None


def _subject_of(pa: ParsedArticle, si: int, verb: Token, scope: list[Token], sents: View):
    """Who a speech verb says spoke: an Entity, "PRONOUN", an unnamed speaker's words, or None."""
    toks = pa.segments[si].tokens
    if lemma(verb) == "quote":  # "X quoted Y as saying": Y
        obj = next((t for t in scope if t.head == verb.i and t.dep == "dobj"), None)
        if obj is not None:
            ent = _entity_in(pa, si, obj, sents)
            if ent is not None:
                return ent
    subj = next((t for t in scope if t.head == verb.i and t.dep in ("nsubj", "nsubjpass")), None)
    if subj is None and verb.text.lower() == "according":
        subj = next((t for t in scope if t.i > verb.i and t.dep == "pobj"), None)
    if subj is None:
        return None
    if subj.text.lower() in PRONOUNS:
        return "PRONOUN"
    ent = _entity_in(pa, si, subj, sents)
    if ent is not None:
        return ent
    words = [t for t in toks if t.head == subj.i and t.i < subj.i and t.dep in ("det", "amod", "compound", "nummod")]
    return " ".join(t.text for t in words + [subj])


def _entity_in(pa: ParsedArticle, si: int, root: Token, sents: View) -> Entity | None:
    """The entity a phrase headed by `root` names: the root's own name, or a person in apposition
    to it ("the ambassador to the U.N., Vitaly Churkin"). "One U.S. official" names no one."""
    aid = pa.article.id
    own = sents.by_token.get((aid, si, root.i))
    if own is not None:
        return own
    toks = pa.segments[si].tokens
    frontier = [root.i]
    for _ in range(3):
        frontier = [t.i for t in toks if t.head in frontier and t.i != t.head
                    and t.dep in ("appos", "prep", "pobj", "compound")]
        for i in frontier:
            e = sents.by_token.get((aid, si, i))
            if e is not None and e.label == "PERSON" and toks[i].dep == "appos":
                return e
    return None

