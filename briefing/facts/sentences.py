"""The view of the briefing every fact extractor reads: the entities of each sentence and how
rare each is, who is named where, and the claim record extraction hands to alignment."""
from __future__ import annotations

import functools
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ..model import Claim, DateValue, Entity, Mention, ParsedArticle, Token
from .lexicon import MONTHS, WEEKDAYS


@dataclass(frozen=True)
class Extracted:
    """A claim plus what alignment needs to know about it."""

    claim: Claim
    kind: str
    block: tuple  # claims are compared only within one block
    low: float = 0.0
    high: float = 0.0
    entities: frozenset[str] = field(default_factory=frozenset)
    subject: str = ""
    specific: bool = False  # the counted thing is specific enough to pair on value alone
    speaker: str = ""  # quotes: the speaker's entity id, "" when unknown
    things: frozenset[str] = field(default_factory=frozenset)  # the counted thing: lemma and its classes
    context: frozenset[str] = field(default_factory=frozenset)  # content words around the claim
    verb: str = ""  # the verb the claim hangs from ("kill", "arrive")
    vague: bool = False  # "hundreds", "several years": never paired with an exact figure
    unit: str = ""  # figures: the unit they were given in ("year", "km", "$")
    events: frozenset[str] = field(default_factory=frozenset)  # figures: what happened to them (lexicon.EVENT_CLASSES)
    also: tuple[Claim, ...] = ()  # the same figure said again in the same article
    paired_only: bool = False  # a row only when another outlet says it too ("for months", a two-word quote)
    reported: bool = False  # quotes: reported speech, no quote marks ("Ana Ruiz argued that …"): its wording is no quote's
    frame: frozenset[str] = field(default_factory=frozenset)  # dates and figures: the event's words (frames.frame)
    named: frozenset[str] = field(default_factory=frozenset)  # entity ids inside the claim ("Velmar-area homes")
    label: str = ""  # the row label this claim gives ("Flights cancelled"), facts/labels.py
    doubt: str = ""  # quotes: why the speaker is unsure (found by distance, not named by a verb); "" when sure
    predicates: frozenset[tuple[str, str]] = field(default_factory=frozenset)  # quotes: (predicate, dependent) lemmas

    @property
    def granularity(self) -> str:
        """Dates: day, week, month, year or decade; "" when unresolved, or a span of years ("1950-53"),
        which pairs by its words."""
        d = self.claim.date
        return d.granularity if d is not None and d.until is None else ""


# Words that say nothing about which event a sentence reports.
EMPTY_WORDS = frozenset({
    "be", "have", "do", "say", "tell", "add", "report", "state", "according", "will", "would", "can", "could",
    "may", "might", "must", "shall", "should", "also", "other", "more", "most", "many", "much", "such", "own",
    "same", "new", "last", "next", "first", "early", "late", "earlier", "later", "time", "day", "week", "month",
    "year", "today", "yesterday", "tomorrow", "morning", "afternoon", "night", "jan", "feb", "aug", "sept", "oct",
    "nov", "dec", "thing", "way", "lot", "one", "get", "go", "make", "take", "come", "include", "who", "what",
    *WEEKDAYS, *MONTHS})
CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ"})
CONTEXT_WINDOW = 12  # tokens either side of a claim that say what it is about



class View:
    """Entity ids per sentence of the briefing, and how rare each entity is."""

    def __init__(self, parsed: list[ParsedArticle], entities: list[Entity]):
        self.ids: dict[tuple[str, int, int], set[str]] = defaultdict(set)
        self.by_token: dict[tuple[str, int, int], Entity] = {}  # (article, segment, token) -> entity
        self.people: dict[str, list[tuple[int, str]]] = defaultdict(list)  # article -> sorted (offset, id)
        self.subjects: dict[str, list[tuple[int, str]]] = defaultdict(list)  # the people named as a clause's subject
        self.entity_by_id = {e.id: e for e in entities}
        self._person_words: dict[str, frozenset[str]] = {}
        segs = {pa.article.id: pa.segments for pa in parsed}
        for e in entities:
            for m in e.mentions:
                self._index(e, m, segs[m.article][m.segment].tokens)
        for people in (*self.people.values(), *self.subjects.values()):
            people.sort()
        total = max(1, len(self.ids))
        df = Counter(i for ids in self.ids.values() for i in ids)
        labels = {e.id: e.label for e in entities}
        # rarer entities say more; a named person or organisation always says something
        self.weight = {i: max(math.log((total + 1) / (n + 1)), 1.0 if labels[i] in ("PERSON", "ORG") else 0.3)
                       for i, n in df.items()}
        # how rare each content word is over the briefing's sentences: rarer words say more
        words: Counter[str] = Counter()
        n_sents = 0
        for pa in parsed:
            for seg in pa.segments:
                for s, e in seg.sents:
                    n_sents += 1
                    words.update({content_word(t) for t in seg.tokens[s:e]} - {""})
        self.idf = {w: math.log((n_sents + 1) / (n + 0.5)) for w, n in words.items()}

    def _index(self, e: Entity, m: Mention, toks: tuple[Token, ...]) -> None:
        """One mention: its sentence's entities, its tokens, and for a person where it is named
        (and whether as a clause's subject: "Ana Ruiz said", not "Ruiz's son")."""
        self.ids[(m.article, m.segment, toks[m.tok_start].sent)].add(e.id)
        for i in range(m.tok_start, m.tok_end):
            self.by_token[(m.article, m.segment, i)] = e
        if e.label != "PERSON":
            return
        self.people[m.article].append((m.start, e.id))
        if any(toks[i].dep in ("nsubj", "nsubjpass") and not m.tok_start <= toks[i].head < m.tok_end
               for i in range(m.tok_start, m.tok_end)):
            self.subjects[m.article].append((m.start, e.id))

    def entities(self, article: str, si: int, sent: int) -> frozenset[str]:
        """The ids of the entities a sentence names (sentence `sent` of the article's segment si)."""
        return frozenset(self.ids.get((article, si, sent), ()))

    def person_words(self, article: str) -> frozenset[str]:
        """The words of the names of the people an article names, lower case ("theresa", "may")."""
        found = self._person_words.get(article)
        if found is None:
            found = self._person_words[article] = frozenset(
                w.lower() for _, pid in self.people.get(article, ()) for name in self.entity_by_id[pid].aliases
                for w in name.split())
        return found

    def context(self, pa: ParsedArticle, si: int, lo: int, hi: int) -> frozenset[str]:
        """Content words of the sentence of tokens [lo, hi), within CONTEXT_WINDOW tokens of them."""
        seg = pa.segments[si]
        s, e = seg.sents[seg.tokens[lo].sent]
        toks = seg.tokens[max(s, lo - CONTEXT_WINDOW):min(e, hi + CONTEXT_WINDOW)]
        return frozenset(w for t in toks if not lo <= t.i < hi and (w := content_word(t)))

    def similarity(self, a: frozenset[str], b: frozenset[str]) -> float:
        """Weighted overlap of two contexts, 0..1: rare shared words count most."""
        if not a or not b:
            return 0.0
        shared = sum(self.idf.get(w, 0.0) for w in a & b)
        return shared / math.sqrt(sum(self.idf.get(w, 0.0) for w in a) * sum(self.idf.get(w, 0.0) for w in b) or 1)

    def support(self, a: frozenset[str], b: frozenset[str]) -> float:
        return sum(self.weight.get(i, 0.0) for i in a & b)


EXCERPT = 300  # characters of a claim's sentence kept with it: a 2 MB one-line article stays small


def make_claim(pa: ParsedArticle, si: int, sent: int, start: int, end: int, value: str,
               date: DateValue | None = None) -> Claim:
    """The claim raw[start:end] in sentence `sent` of segment si, with its sentence's offsets and
    the sentence itself, or past EXCERPT characters an excerpt around the claim."""
    seg = pa.segments[si]
    raw = pa.article.raw
    s, e = seg.sents[sent]
    s0, s1 = seg.tokens[s].start, seg.tokens[e - 1].end
    return Claim(pa.article.id, si, start, end, raw[start:end], value, excerpt(raw, s0, s1, start, end), s0, s1, date)


def excerpt(raw: str, s0: int, s1: int, start: int, end: int) -> str:
    """raw[s0:s1], or when longer than EXCERPT a window around [start, end) marked with "…"."""
    if s1 - s0 <= EXCERPT:
        return raw[s0:s1].strip()
    lo = max(s0, min(start, s1 - EXCERPT) - EXCERPT // 4)
    hi = min(s1, lo + EXCERPT)
    return ("…" if lo > s0 else "") + raw[lo:hi].strip() + ("…" if hi < s1 else "")


def span_text(raw: str, toks: tuple[Token, ...], s: int, e: int) -> tuple[int, int, str]:
    start, end = toks[s].start, toks[e - 1].end
    return start, end, raw[start:end]


_CHILDREN: dict[int, tuple[tuple[Token, ...], dict[int, list[Token]]]] = {}


def children(toks: tuple[Token, ...], k: int) -> list[Token]:
    """Token k's dependents. The index of a segment's dependents is built once and kept for the
    last few segments (extraction reads one segment at a time), so a lookup costs no scan."""
    found = _CHILDREN.get(id(toks))
    if found is None or found[0] is not toks:
        if len(_CHILDREN) > 16:
            _CHILDREN.clear()
        index: dict[int, list[Token]] = {}
        for t in toks:
            if t.head != t.i:
                index.setdefault(t.head, []).append(t)
        found = _CHILDREN[id(toks)] = (toks, index)
    return found[1].get(k, [])


def subtree(toks: tuple[Token, ...], root: int) -> set[int]:
    """The tokens under `root`, itself included."""
    found, todo = {root}, [root]
    while todo:
        kids = [c.i for c in children(toks, todo.pop()) if c.i not in found]
        found.update(kids)
        todo += kids
    return found


def climb(toks: tuple[Token, ...], i: int, pos: tuple[str, ...], steps: int | None = None) -> int:
    """Up the heads from token i to the first token whose part of speech is one of `pos` (a verb:
    the clause token i is in); the last token reached when none is, at the root or after `steps`
    steps."""
    seen = 0
    while toks[i].pos not in pos and toks[i].head != i and (steps is None or seen < steps):
        i, seen = toks[i].head, seen + 1
    return i


def lemma(tok: Token) -> str:
    return (tok.lemma or tok.text).lower()


def content_word(tok: Token) -> str:
    """The token's lemma when it says what a sentence is about, else ""."""
    if tok.pos not in CONTENT_POS:
        return ""
    word = lemma(tok)
    return "" if word in EMPTY_WORDS or not word[:1].isalpha() else word


@functools.lru_cache(maxsize=65536)
def normalise(text: str) -> str:
    """Text for comparing wordings: straight quotes, lower case, no punctuation or [insertions]."""
    text = text.replace("’", "'").replace("‘", "'").lower()
    text = re.sub(r"\[[^\[\]]*\]", " ", text)  # editorial insertions
    text = re.sub(r"[^\w' ]+", " ", text)
    return re.sub(r"\s+", " ", text).strip()

