"""General repairs of the model's entity spans, over plain tokens (no spaCy here).

Each rule fixes one measured error class of small English pipelines on news text; each is
tested with hand-built Docs in tests/test_repair.py. `mentions()` runs them in order and
then votes labels and propagates known names across the whole briefing.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict

from . import datelines
from .model import EntSpan, Mention, Parsed, ParsedArticle, Token
from .names import PARTICLES, fold, initials

NAMED = frozenset({"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART",
                   "LAW", "LANGUAGE"})
DETERMINERS = frozenset({"the", "a", "an"})
POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
# Government portfolios: inside a job title ("Defense Secretary", "Secretary of State") they
# are part of the title, not a mention of an organisation.
PORTFOLIOS = frozenset({
    "defense", "defence", "state", "treasury", "justice", "interior", "energy", "commerce", "labor",
    "labour", "health", "education", "agriculture", "transportation", "transport", "homeland",
    "foreign", "home", "finance", "war", "navy", "army", "trade", "environment", "housing",
    "culture", "economy", "industry", "veterans", "security", "intelligence", "information",
})
TITLE_NOUNS = frozenset({
    "secretary", "minister", "undersecretary", "chief", "spokesman", "spokeswoman", "spokesperson",
    "official", "officials", "adviser", "advisor", "director", "commissioner", "chairman", "chair",
    "head", "president", "ambassador", "envoy", "counterpart", "deputy", "general", "governor",
    "senator", "representative", "rep.", "sen.", "gov.", "gen.", "mayor", "king", "queen", "prince",
    "premier", "chancellor", "lawmaker", "leader", "editor", "correspondent", "analyst", "officer",
    "vice", "prime", "foreign", "defense", "attorney", "justice", "judge", "commander", "admiral",
})
FACILITY_HEADS = frozenset({"airport", "airfield", "base", "bridge", "stadium", "dam", "tunnel",
                            "highway", "harbor", "harbour", "port", "station", "hospital", "prison",
                            "embassy", "palace", "tower", "canal", "pipeline", "plant", "mosque",
                            "church", "cathedral", "temple", "square"})
PLACE_NOUNS = frozenset({"city", "town", "village", "province", "region", "district", "state",
                         "county", "capital", "port", "island", "governorate"})
MODEL_NUMBER = re.compile(r"^[A-Z][A-Za-z]{0,4}-?\d+[A-Za-z0-9]*$")


def _is_cap(tok: Token) -> bool:
    return tok.text[:1].isupper()


def _is_propn(tok: Token) -> bool:
    return tok.tag in ("NNP", "NNPS") and _is_cap(tok)


# -- rules on one segment --------------------------------------------------------------------
def trim(spans: list[EntSpan], toks: tuple[Token, ...]) -> list[EntSpan]:
    """Drop leading determiners and trailing possessives/punctuation from a span."""
    out = []
    for sp in spans:
        s, e = sp.start, sp.end
        while s < e and toks[s].text.lower() in DETERMINERS:
            s += 1
        while e > s and (toks[e - 1].text in POSSESSIVE or toks[e - 1].pos == "PUNCT" and
                         toks[e - 1].text not in (".",) or toks[e - 1].pos == "SPACE"):
            e -= 1
        while e > s and toks[s].pos in ("PUNCT", "SPACE"):
            s += 1
        if s < e:
            out.append(EntSpan(s, e, sp.label))
    return out


def drop_false(spans: list[EntSpan], toks: tuple[Token, ...]) -> list[EntSpan]:
    """Remove spans that are not names: portfolio words in job titles, common nouns tagged as
    names, and spans with no capital letter or digit."""
    out = []
    for sp in spans:
        words = toks[sp.start:sp.end]
        text = " ".join(t.text for t in words)
        if sp.label in NAMED and not re.search(r"[A-Z0-9]", text):
            continue
        if sp.end - sp.start == 1:
            tok = words[0]
            low = tok.text.lower()
            nxt = toks[sp.end] if sp.end < len(toks) else None
            prev2 = [t.text.lower() for t in toks[max(0, sp.start - 2):sp.start]]
            in_title = (nxt is not None and nxt.text.lower() in TITLE_NOUNS and _is_cap(nxt)) or \
                (len(prev2) == 2 and prev2[1] == "of" and prev2[0] in TITLE_NOUNS)
            if low in PORTFOLIOS and in_title:
                continue
            if sp.label in ("PERSON", "ORG", "GPE") and tok.tag in ("NN", "NNS") and \
                    (tok.i == 0 or toks[tok.i - 1].sent != tok.sent or toks[tok.i - 1].pos == "PUNCT"):
                continue  # a sentence-initial common noun ("Arrival of the jets ...")
        out.append(sp)
    return out


def long_form_abbreviations(spans: list[EntSpan], toks: tuple[Token, ...]) -> list[EntSpan]:
    """`Long Name (ABBR)`: one span for the long name and one for the abbreviation, replacing
    the fragments the model made of them."""
    for i in range(1, len(toks) - 2):
        if toks[i].text != "(" or toks[i + 2].text != ")":
            continue
        abbr = toks[i + 1].text.replace(".", "")
        if not (2 <= len(abbr) <= 8 and abbr.isupper() and abbr.isalpha()):
            continue
        # walk back over capitalised words and short function words until the initials match
        j = i
        while j > 0 and (_is_cap(toks[j - 1]) or toks[j - 1].text.lower() in
                         ("of", "for", "and", "in", "the", "on", "de", "-", "&")) and toks[j - 1].text != ")":
            j -= 1
            words = [t.text for t in toks[j:i]]
            if initials(" ".join(words)).upper() == abbr and _is_cap(toks[j]):
                long_label = _label_for(spans, j, i) or "ORG"
                kept = [sp for sp in spans if sp.end <= j or sp.start >= i + 3]
                kept += [EntSpan(j, i, long_label), EntSpan(i + 1, i + 2, long_label)]
                spans = sorted(kept, key=lambda sp: sp.start)
                break
    return spans


def _label_for(spans: list[EntSpan], s: int, e: int) -> str | None:
    labels = Counter()
    for sp in spans:
        ov = min(sp.end, e) - max(sp.start, s)
        if ov > 0 and sp.label in ("ORG", "GPE", "FAC", "LOC", "EVENT", "LAW", "PRODUCT"):
            labels[sp.label] += ov
    return labels.most_common(1)[0][0] if labels else None


def join_split_names(spans: list[EntSpan], toks: tuple[Token, ...]) -> list[EntSpan]:
    """Names the model cut in two: a demonym glued to a one-word organisation ("Islamic" +
    "State"), and a person's name cut after a particle ("Ursula von der" + "Leyen")."""
    out: list[EntSpan] = []
    for sp in sorted(spans, key=lambda s: s.start):
        prev = out[-1] if out else None
        if prev and prev.end == sp.start and prev.label == "NORP" and sp.label in ("ORG", "GPE") and \
                sp.end - sp.start == 1 and toks[sp.start].tag in ("NNP", "NNPS") and \
                toks[prev.end - 1].ws and toks[sp.start].i > 0:
            out[-1] = EntSpan(prev.start, sp.end, "ORG")
        elif prev and prev.end == sp.start and prev.label == "PERSON" and \
                toks[prev.end - 1].text in PARTICLES and toks[sp.start].text[:1].isupper():  # lower-case "von"
            out[-1] = EntSpan(prev.start, sp.end, "PERSON")
        else:
            out.append(sp)
    return out


def relabel(spans: list[EntSpan], toks: tuple[Token, ...]) -> list[EntSpan]:
    """Labels by the shape of the name: facilities, model numbers, demonyms, places."""
    out = []
    for sp in spans:
        words = toks[sp.start:sp.end]
        label = sp.label
        last = words[-1].text.lower()
        if last in FACILITY_HEADS and len(words) > 1 and label in ("ORG", "GPE", "PERSON", "LOC"):
            label = "FAC"
        elif MODEL_NUMBER.match(words[0].text) and label in ("PERSON", "ORG", "GPE", "NORP"):
            label = "PRODUCT"
        elif label in ("PERSON", "ORG") and len(words) == 1 and words[0].tag in ("JJ", "NNPS") and \
                not words[0].text.isupper():
            label = "NORP"  # "Alawite minority", "the Syrians"
        elif label in ("ORG", "PERSON") and sp.start >= 2 and toks[sp.start - 1].text == "of" and \
                toks[sp.start - 2].text.lower() in PLACE_NOUNS:
            label = "GPE"  # "the port city of Tartus"
        out.append(EntSpan(sp.start, sp.end, label))
    return out


SEGMENT_RULES = (trim, drop_false, long_form_abbreviations, join_split_names, relabel)


def repair_segment(parsed: Parsed, fixed: list[EntSpan] | None = None) -> list[EntSpan]:
    spans = [sp for sp in parsed.ents if sp.label in NAMED]
    for rule in SEGMENT_RULES:
        spans = rule(spans, parsed.tokens)
    return overlay(spans, fixed or [])


def overlay(spans: list[EntSpan], fixed: list[EntSpan]) -> list[EntSpan]:
    """`fixed` spans replace every span they overlap."""
    kept = [sp for sp in spans if not any(f.start < sp.end and sp.start < f.end for f in fixed)]
    return sorted(kept + fixed, key=lambda sp: sp.start)


def dateline_spans(pa: ParsedArticle, si: int) -> list[EntSpan]:
    """The place, outlet and writers of a dateline (first paragraphs) or credit line as token
    spans: "SEOUL (Reuters) -" is a place and an outlet, whatever the model made of it."""
    seg, toks = pa.article.segments[si], pa.segments[si].tokens
    found = (datelines.dateline(seg.text) if si < 3 else []) + datelines.credits(seg.text)
    out = []
    for f in found:
        start, end = seg.start + f.start, seg.start + f.end
        inside = [t.i for t in toks if t.start >= start and t.end <= end]
        if inside and not any(sp.start < inside[-1] + 1 and inside[0] < sp.end for sp in out):
            out.append(EntSpan(inside[0], inside[-1] + 1, f.label))
    return out


# -- across the briefing ---------------------------------------------------------------------
def surface(toks: tuple[Token, ...], s: int, e: int) -> str:
    return "".join(t.text + t.ws for t in toks[s:e - 1]) + toks[e - 1].text


def _covered(spans: list[EntSpan], s: int, e: int) -> bool:
    return any(sp.start < e and s < sp.end for sp in spans)


def known_names(parsed: list[ParsedArticle], spans: dict[tuple[int, int], list[EntSpan]]
                ) -> dict[tuple[str, ...], Counter]:
    """Every name in the briefing as its folded token sequence, with the labels it was given."""
    known: dict[tuple[str, ...], Counter] = defaultdict(Counter)
    for (a, si), sps in spans.items():
        toks = parsed[a].segments[si].tokens
        for sp in sps:
            known[tuple(fold(t.text) for t in toks[sp.start:sp.end])][sp.label] += 1
    return known


def propagate(parsed: list[ParsedArticle], spans: dict[tuple[int, int], list[EntSpan]]) -> None:
    """Other occurrences of a name known anywhere in the briefing are mentions too, unless they
    sit inside a longer proper name. Known names are matched as token sequences, case-sensitively,
    with diacritics folded: one outlet's "Yılmaz" is another's "Yilmaz"."""
    known = known_names(parsed, spans)
    lengths: dict[str, list[int]] = defaultdict(list)  # first token -> lengths of the names it starts
    for key in known:
        lengths[key[0]].append(len(key))
    for ls in lengths.values():
        ls[:] = sorted(set(ls), reverse=True)  # longest first; a few lengths per token, never all names
    for a, pa in enumerate(parsed):
        for si, seg in enumerate(pa.segments):
            toks = seg.tokens
            current = spans.setdefault((a, si), [])
            i = 0
            folded = [fold(t.text) for t in toks]
            while i < len(toks):
                for n in lengths.get(folded[i], ()):
                    e = i + n
                    key = tuple(folded[i:e])
                    if e > len(toks) or key not in known:
                        continue
                    inner = [sp for sp in current if sp.start < e and i < sp.end]
                    if any(sp.start < i or sp.end > e or (sp.start, sp.end) == (i, e) for sp in inner):
                        continue  # already a mention, or part of a longer one
                    others = [sp for sp in current if sp not in inner]
                    if _inside_longer_name(toks, i, e, others):
                        continue
                    current[:] = others  # a known longer name replaces its fragments
                    current.append(EntSpan(i, e, known[key].most_common(1)[0][0]))
                    i = e - 1
                    break
                i += 1
            current.sort(key=lambda sp: sp.start)


def _inside_longer_name(toks: tuple[Token, ...], s: int, e: int, spans: list[EntSpan]) -> bool:
    def glued(t: Token) -> bool:
        return _is_propn(t) and t.text.lower() not in TITLE_NOUNS and not _covered(spans, t.i, t.i + 1)

    before = toks[s - 1] if s > 0 else None
    after = toks[e] if e < len(toks) else None
    if before is not None and before.sent == toks[s].sent and glued(before) and \
            not (before.i == 0 or toks[before.i - 1].pos == "PUNCT" and toks[before.i - 1].text in ".!?“\""):
        return True
    if after is not None and glued(after):
        return True
    if before is not None and before.text in ("-", "–") and not before.ws and before.i > 0 and \
            not toks[before.i - 1].text.islower():
        return True  # "Rolls-Royce", but not "pro-Assad"
    return False


def vote_labels(parsed: list[ParsedArticle], spans: dict[tuple[int, int], list[EntSpan]]) -> None:
    """One label per surface form across the briefing: the majority of its mentions."""
    votes: dict[str, Counter] = defaultdict(Counter)
    for (a, si), sps in spans.items():
        toks = parsed[a].segments[si].tokens
        for sp in sps:
            votes[surface(toks, sp.start, sp.end)][sp.label] += 1
    for (a, si), sps in spans.items():
        toks = parsed[a].segments[si].tokens
        for n, sp in enumerate(sps):
            best = max(votes[surface(toks, sp.start, sp.end)].items(), key=lambda kv: (kv[1], kv[0]))[0]
            sps[n] = EntSpan(sp.start, sp.end, best)


def sentence_span(seg: Parsed, token: int) -> tuple[int, int]:
    """Character span of the sentence holding a token."""
    s, e = seg.sents[seg.tokens[token].sent]
    return seg.tokens[s].start, seg.tokens[e - 1].end


def hyphen_parts(parsed: list[ParsedArticle], spans: dict[tuple[int, int], list[EntSpan]]) -> list[Mention]:
    """Known names inside a hyphenated token: "U.S.-Russia talks", "pro-Assad fighters"."""
    known = known_names(parsed, spans)
    out = []
    for (a, si), sps in sorted(spans.items()):
        pa = parsed[a]
        for tok in pa.segments[si].tokens:
            if "-" not in tok.text.strip("-") or _covered(sps, tok.i, tok.i + 1):
                continue
            for part in re.finditer(r"[^-\[\](){}\"“”]+", tok.text):
                labels = known.get((fold(part.group()),))
                if labels and part.group()[:1].isupper():
                    start = tok.start + part.start()
                    out.append(Mention(pa.article.id, si, tok.i, tok.i + 1, start, start + len(part.group()),
                                       part.group(), labels.most_common(1)[0][0],
                                       sentence_span(pa.segments[si], tok.i)))
    return out


def mentions(parsed: list[ParsedArticle]) -> list[Mention]:
    spans = {(a, si): repair_segment(seg, dateline_spans(pa, si))
             for a, pa in enumerate(parsed) for si, seg in enumerate(pa.segments)}
    propagate(parsed, spans)
    vote_labels(parsed, spans)
    out = hyphen_parts(parsed, spans)
    for (a, si), sps in sorted(spans.items()):
        pa = parsed[a]
        toks = pa.segments[si].tokens
        for sp in sps:
            start, end = toks[sp.start].start, toks[sp.end - 1].end
            out.append(Mention(pa.article.id, si, sp.start, sp.end, start, end, pa.article.raw[start:end],
                               sp.label, sentence_span(pa.segments[si], sp.start)))
    return sorted(out, key=lambda m: (m.article, m.start))
