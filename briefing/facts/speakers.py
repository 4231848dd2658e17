"""Who said a quotation, read from the syntax around it: the subject of a speech verb ("Ana Ruiz
said", "according to the club"), a person in apposition, a pronoun going back to the last speaker
or person named as a clause's subject, the one named in the paragraph that introduces a block
quote; and who is never one speaker (a law, an event, a people, "students")."""
from __future__ import annotations

import bisect
import re
from typing import Literal, NamedTuple

from ..model import Entity, ParsedArticle, Token
from ..words.english import SPEECH_VERBS
from .sentences import View, lemma

PRONOUNS = frozenset({"he", "she", "they", "i", "we"})
ONE_PERSON = frozenset({"he", "she", "i"})  # "they said" never gives one person's words
QUOTE_RE = re.compile(r"“([^“”]+)”|\"([^\"]+)\"")  # a speech verb inside quote marks is the quote's words


class Speaker(NamedTuple):
    """Who a speech verb names as speaking: a named entity, an unnamed speaker's words ("A woman",
    "one U.S. official"), a pronoun for someone named before ("he", "she", "I"), or several
    people ("they", "we"), none of whom is the speaker."""

    kind: Literal["named", "described", "pronoun", "it", "several"]
    entity: Entity | None = None
    words: str = ""


# Who can speak: a person, an organisation, a country's government. A policy (LAW), an event, a
# work, a people (NORP: "the Kurds") never is one speaker.
SPEAKER_LABELS = frozenset({"PERSON", "ORG", "GPE"})
PRONOUN = Speaker("pronoun")
SEVERAL = Speaker("several")
IT = Speaker("it")  # "it said": a body named before, never a person


# Where the paragraph introducing a block quote names whose words follow: "Ana Ruiz wrote …:",
# "Here is Ana Ruiz's statement:", "… a statement from the club:"; not a dateline's "(AP)"
INTRODUCING = frozenset({"nsubj", "nsubjpass", "poss"})


def introduced(pa: ParsedArticle, si: int, sents: View) -> tuple[Entity | None, str]:
    """Who the paragraph introducing a block quote names as its speaker: the subject of its
    speech verb, else the one person (else organisation) it names as a subject, an owner or the
    source of a statement ("from"), with why that is unsure."""
    found = paragraph_speaker(pa, si, pa.article.segments[si].end, sents)
    if found is not None and found.kind == "pronoun":  # "She added on her blog:"
        found = previous_speaker(pa, si, pa.article.segments[si].start, sents)
        last = last_person(pa, si, pa.article.segments[si].start, sents) if found is None else None
        if last is not None:
            return last, f"a block quote; its speaker is a pronoun, given to {last.name}, the last person named before it"
    if found is not None and found.kind == "named":
        return found.entity, ""
    toks = pa.segments[si].tokens
    by_id = {e.id: e for t in toks if t.dep in INTRODUCING or (t.dep == "pobj" and toks[t.head].text.lower() == "from")
             if (e := _entity_in(pa, si, t, sents)) is not None}
    for label in ("PERSON", "ORG"):
        one = [e for e in by_id.values() if e.label == label]
        if len(one) == 1:
            return one[0], f"a block quote, given to {one[0].name}, named in the paragraph before it"
        if one:
            break
    return None, ""


def named(speaker: Speaker | None) -> tuple[str, str]:
    """(the row's subject, the speaker's entity id or "" for no entity)."""
    if speaker is None or speaker.kind in ("pronoun", "several", "it"):
        return "unattributed", ""
    if speaker.kind == "described":
        return speaker.words, ""
    return speaker.entity.name, speaker.entity.id


def paragraph_speaker(pa: ParsedArticle, si: int, before: int, sents: View) -> Speaker | None:
    """A speech verb earlier in the same paragraph names who goes on talking."""
    toks = pa.segments[si].tokens
    verbs = [t for t in toks if t.end <= before and lemma(t) in SPEECH_VERBS and t.pos in ("VERB", "AUX")]
    for verb in reversed(verbs):
        found = subject_of(pa, si, verb, list(toks), sents)
        if found is not None:
            return found
    return None


def previous_speaker(pa: ParsedArticle, si: int, before: int, sents: View) -> Speaker | None:
    """The speaker a pronoun goes back to: the subject, named or not ("A woman who lives nearby
    said …"), of the last speech verb before `before` in this paragraph, else in the one before."""
    for k in (si, si - 1):
        if k < 0:
            break
        toks = pa.segments[k].tokens
        seg = pa.article.segments[k]
        quoted = [m.span() for m in QUOTE_RE.finditer(pa.article.raw, seg.start, seg.end)]
        verbs = [t for t in toks if t.end <= before and lemma(t) in SPEECH_VERBS and t.pos in ("VERB", "AUX")
                 and not any(s <= t.start < e for s, e in quoted)]  # not "my wife said" inside a quote
        for verb in reversed(verbs):
            found = subject_of(pa, k, verb, list(toks), sents)
            if found is not None and found.kind in ("named", "described"):
                return found
    return None


def last_person(pa: ParsedArticle, si: int, before: int, sents: View) -> Entity | None:
    """The person a pronoun goes back to: the last person named as a clause's subject before offset
    `before` in this article ("Ana Ruiz said …", not "Ruiz's son" or "a lawyer for Ruiz"), else
    the last person named."""
    for people in (sents.subjects.get(pa.article.id, []), sents.people.get(pa.article.id, [])):
        k = bisect.bisect_left(people, (before, "")) - 1
        if k >= 0:
            return sents.entity_by_id[people[k][1]]
    return None


def speaker_of(pa: ParsedArticle, si: int, pieces: list[tuple[int, int]], sents: View) -> Speaker | None:
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
        found = subject_of(pa, si, verb, outside, sents)
        if found is not None:
            return found
    return None


def subject_of(pa: ParsedArticle, si: int, verb: Token, scope: list[Token], sents: View) -> Speaker | None:
    """Who a speech verb says spoke ("X quoted Y as saying": Y), or None when it names no one."""
    if lemma(verb) == "quote":
        obj = next((t for t in scope if t.head == verb.i and t.dep == "dobj"), None)
        ent = _entity_in(pa, si, obj, sents) if obj is not None else None
        if ent is not None:
            return Speaker("named", ent)
    subj = next((t for t in scope if t.head == verb.i and t.dep in ("nsubj", "nsubjpass")), None)
    if subj is None and verb.text.lower() == "according":
        subj = next((t for t in scope if t.i > verb.i and t.dep == "pobj"), None)
    return _speaker_named_by(pa, si, subj, sents) if subj is not None else None


def _speaker_named_by(pa: ParsedArticle, si: int, subj: Token, sents: View) -> Speaker:
    """The speaker a speech verb's subject names: a pronoun, an entity, or its own words; a relative
    pronoun names what its clause is about ("a complaint that says", "Ana Ruiz, who said")."""
    toks = pa.segments[si].tokens
    if subj.text.lower() in ONE_PERSON or _an_age(toks, subj):
        return PRONOUN
    if subj.text.lower() == "it":
        return IT
    verb = toks[subj.head]
    if subj.tag in ("WDT", "WP") and verb.dep == "relcl" and toks[verb.head].pos in ("NOUN", "PROPN"):
        return _speaker_named_by(pa, si, toks[verb.head], sents)  # "a complaint that says", "Ruiz, who said"
    if subj.text.lower() in PRONOUNS:
        return SEVERAL
    ent = _entity_in(pa, si, subj, sents)
    if ent is not None and ent.label in SPEAKER_LABELS:
        return Speaker("named", ent)
    if ent is not None or subj.tag in ("NNS", "NNPS"):
        return SEVERAL  # a law or an event says nothing; "students said", "Kurds said": no one speaker
    words = [t for t in toks if t.head == subj.i and t.i < subj.i and t.dep in ("det", "amod", "compound", "nummod")]
    return Speaker("described", words=" ".join(t.text for t in words + [subj]))


def _an_age(toks: tuple[Token, ...], subj: Token) -> bool:
    """"said the 48-year-old": a person named before, called by age (the model makes "old" the subject)."""
    return subj.text.lower() == "old" and subj.i >= 2 and toks[subj.i - 1].text in ("-", "–") and \
        toks[subj.i - 2].text.lower() in ("year", "years")


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
