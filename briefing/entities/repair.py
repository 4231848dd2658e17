"""General repairs of the model's entity spans, over plain tokens (no spaCy here).

Each rule fixes one measured error class of small English pipelines on news text; each is
tested with hand-built Docs in tests/test_repair.py. `mentions()` runs them in order, puts
datelines and credit lines over them, then runs the briefing-wide passes: across.py, places.py,
detect.py and propagate.py.
"""
from __future__ import annotations

import re
from collections import Counter

from ..reading import datelines
from ..words import knowledge
from . import across, detect, givennames, labels, places, propagate, tokens, vehicles
from ..model import EntSpan, Mention, Parsed, ParsedArticle, Token
from ..words.english import HONORIFICS, TITLE_NOUNS
from .names import PARTICLES, initials

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
    "safety", "public", "federal", "immigration", "fisheries", "tourism", "development", "affairs", "emergency",
})
# A word before a job title that belongs to the title: "Arlow County District Attorney".
TITLE_MODIFIERS = frozenset({"district", "deputy", "assistant", "vice", "chief", "acting", "interim", "associate",
                             "senior"})


# Lower-case heads some names end in: "Tarvo international airport", "the Work and Harbour party".
KEPT_HEADS = labels.FACILITY_HEADS | labels.LOCATION_HEADS | labels.ORGANISATION_HEADS


def _is_cap(tok: Token) -> bool:
    return tok.text[:1].isupper()


# -- rules on one segment --------------------------------------------------------------------
def trim(spans: list[EntSpan], toks: tuple[Token, ...]) -> list[EntSpan]:
    """Drop leading determiners and lower-case prefixes ("inter-Ostrian", "pro-Le Tarvo"), and
    trailing possessives, punctuation, conjunctions ("North and" of "North and South Korean") and
    common nouns ("NATO regulations": a name ends in a name word)."""
    out = []
    for sp in spans:
        s, e = sp.start, sp.end
        while s < e and toks[s].text.lower() in DETERMINERS:
            s += 1
        while s + 2 < e and toks[s].text.isalpha() and toks[s].text.islower() and toks[s + 1].text == "-" and \
                not toks[s].ws and not toks[s + 1].ws:
            s += 2
        while e > s and _trailing_junk(toks[e - 1], e - 1 > s):
            e -= 1
        while e > s and toks[s].pos in ("PUNCT", "SPACE"):
            s += 1
        if s < e:
            out.append(EntSpan(s, e, sp.label))
    return out


def _trailing_junk(tok: Token, more: bool) -> bool:
    """A possessive, punctuation but a full stop, a space; with a word before it, a conjunction, a
    lower-case determiner or predeterminer ("a", "half": a name never ends in one) or a lower-case
    common noun that is no head of names."""
    if tok.text in POSSESSIVE or tok.pos == "PUNCT" and tok.text != "." or tok.pos == "SPACE":
        return True
    return more and (tok.text in ("and", "or") or tok.tag in ("NN", "NNS", "DT", "PDT") and tok.text.isalpha() and
                     tok.text.islower() and tok.text not in KEPT_HEADS)


def _no_capital_or_digit(sp: EntSpan, toks: tuple[Token, ...]) -> bool:
    return sp.label in NAMED and not any(re.search(r"[A-Z0-9]", t.text) for t in toks[sp.start:sp.end])


def _a_year(sp: EntSpan, toks: tuple[Token, ...]) -> bool:
    """A year the model took for an event: "the 1991 championships"."""
    return " ".join(t.text for t in toks[sp.start:sp.end]).isdigit()


def _hashtag_or_handle(sp: EntSpan, toks: tuple[Token, ...]) -> bool:
    return sp.start > 0 and toks[sp.start - 1].text in ("#", "@") and not toks[sp.start - 1].ws


def _honorific_alone(sp: EntSpan, toks: tuple[Token, ...]) -> bool:
    """"Insp." alone."""
    return all(t.text.lower().rstrip(".") in HONORIFICS for t in toks[sp.start:sp.end])


def _title_follows(toks: tuple[Token, ...], end: int) -> bool:
    return end < len(toks) and _is_cap(toks[end]) and toks[end].text.lower() in TITLE_NOUNS


def _portfolio_in_a_title(sp: EntSpan, toks: tuple[Token, ...]) -> bool:
    """"Federal Harbour Minister", "Secretary of State": the portfolio is part of the title."""
    words = toks[sp.start:sp.end]
    if _title_follows(toks, sp.end) and all(t.text.lower() in PORTFOLIOS for t in words):
        return True
    prev2 = [t.text.lower() for t in toks[max(0, sp.start - 2):sp.start]]
    after_title = len(prev2) == 2 and prev2[1] == "of" and prev2[0] in TITLE_NOUNS
    return len(words) == 1 and words[0].text.lower() in PORTFOLIOS and after_title


def _participle(sp: EntSpan, toks: tuple[Token, ...]) -> bool:
    """A participle opening a subhead or a credit: "Introverted", "Writing by"."""
    word = toks[sp.start]
    return sp.end - sp.start == 1 and (word.tag in ("VBG", "VBN", "VBD") or
                                       word.tag == "JJ" and word.text.endswith("ed"))


def _sentence_initial_common_noun(sp: EntSpan, toks: tuple[Token, ...]) -> bool:
    """"Arrival of the jets ...": a common noun opening a sentence, tagged a name (not an acronym)."""
    tok = toks[sp.start]
    return sp.end - sp.start == 1 and sp.label in ("PERSON", "ORG", "GPE") and tok.tag in ("NN", "NNS") and \
        not tok.text.isupper() and \
        (tok.i == 0 or toks[tok.i - 1].sent != tok.sent or toks[tok.i - 1].pos == "PUNCT")


# Unit symbols written after a figure ("500MW", "80mph", "40C"); the fact stage reads units in
# words, these are the abbreviations a tagger takes for a model name.
UNIT_SYMBOLS = frozenset({"mw", "kw", "gw", "mwh", "kwh", "mph", "kph", "km", "cm", "mm", "m", "kg", "g", "mg", "lb",
                          "lbs", "ft", "c", "f", "k", "bn", "gb", "mb", "tb", "hz", "ghz", "mhz", "kv", "t", "l", "ml",
                          "p", "s", "h", "in", "oz", "yd", "ha", "db"})
_FIGURE_WITH_UNIT = re.compile(r"\A\d[\d.,]*-?([A-Za-z]{1,3})\Z")
CREDIT_WORDS = frozenset({"photo", "photograph", "photos", "image", "images", "picture", "video", "credit", "courtesy"})


def _figure_with_unit(sp: EntSpan, toks: tuple[Token, ...]) -> bool:
    """"500MW", "80mph": a figure and a unit symbol is a quantity, not a name ("3M", "5G" stay)."""
    m = _FIGURE_WITH_UNIT.fullmatch(toks[sp.start].text) if sp.end - sp.start == 1 else None
    return bool(m) and m.group(1).lower() in UNIT_SYMBOLS and not (len(m.group(1)) == 1 and m.group(1).isupper())


def _photo_credit(sp: EntSpan, toks: tuple[Token, ...]) -> bool:
    """"(Photo by Marta Ilves/Getty Images)", "Credit: Jo Roe": a credit inside a paragraph."""
    before = [t.text.lower() for t in toks[max(0, sp.start - 3):sp.start]]
    return bool(before) and before[-1] in ("by", ":") and any(w in CREDIT_WORDS for w in before[:-1])


# Spans that are no names, each with what shows it.
NOT_NAMES = (_no_capital_or_digit, _a_year, _hashtag_or_handle, _honorific_alone, _portfolio_in_a_title,
             _participle, _sentence_initial_common_noun, _figure_with_unit, _photo_credit)


def drop_false(spans: list[EntSpan], toks: tuple[Token, ...]) -> list[EntSpan]:
    """Remove spans that are not names (`NOT_NAMES`): portfolio words in job titles, common nouns
    tagged as names, and spans with no capital letter or digit."""
    return [sp for sp in spans if not any(reason(sp, toks) for reason in NOT_NAMES)]


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
    votes = Counter()
    for sp in spans:
        ov = min(sp.end, e) - max(sp.start, s)
        if ov > 0 and sp.label in ("ORG", "GPE", "FAC", "LOC", "EVENT", "LAW", "PRODUCT"):
            votes[sp.label] += ov
    return votes.most_common(1)[0][0] if votes else None


def join_split_names(spans: list[EntSpan], toks: tuple[Token, ...]) -> list[EntSpan]:
    """Names the model cut in two: a demonym glued to a one-word organisation ("Islamic" +
    "State"), and a person's name cut after a particle ("Ursula von der" + "Leyen"). A demonym
    before a place stays two names: "Iraqi Kurdistan" is a group and a place."""
    out: list[EntSpan] = []
    for sp in sorted(spans, key=lambda s: s.start):
        prev = out[-1] if out else None
        if prev and prev.end == sp.start and prev.label == "NORP" and sp.label == "ORG" and \
                sp.end - sp.start == 1 and toks[sp.start].tag in ("NNP", "NNPS") and \
                toks[prev.end - 1].ws and toks[sp.start].i > 0:
            out[-1] = EntSpan(prev.start, sp.end, "ORG")
        elif prev and prev.end == sp.start and prev.label == "PERSON" and \
                toks[prev.end - 1].text in PARTICLES and toks[sp.start].text[:1].isupper():  # lower-case "von"
            out[-1] = EntSpan(prev.start, sp.end, "PERSON")
        else:
            out.append(sp)
    return out


def split_coordinations(spans: list[EntSpan], toks: tuple[Token, ...]) -> list[EntSpan]:
    """"Dan and Jo Ostrander", "North and South Korea": two names sharing their last word. The
    first is its own mention ("Dan", "North"); later rules find who it is. Only people, and
    places whose first word with the shared last word is a known place."""
    out = []
    for sp in spans:
        words = toks[sp.start:sp.end]
        if len(words) >= 4 and words[1].text == "and" and words[0].text[:1].isupper() and \
                (sp.label == "PERSON" or sp.label in ("GPE", "LOC") and
                 knowledge.is_place(f"{words[0].text} {words[-1].text}")):
            out += [EntSpan(sp.start, sp.start + 1, sp.label), EntSpan(sp.start + 2, sp.end, sp.label)]
        else:
            out.append(sp)
    return out


NATURAL_HEADS = frozenset({"peninsula", "island", "islands", "archipelago", "mountains"})


def natural_places(spans: list[EntSpan], toks: tuple[Token, ...]) -> list[EntSpan]:
    """"the Korean peninsula", "the Balkan mountains", "Tarvo island residents": a place or demonym
    and a lower-case natural feature are one location; not after an indefinite article, a number
    or a quantifier ("an Ostrian island", "two Ostrian islands": some of many), nor before "of" ("the
    Ostrian island of Tarvo" names Tarvo)."""
    out = []
    for sp in spans:
        if sp.label in ("NORP", "GPE", "LOC") and sp.end < len(toks) and toks[sp.end].text in NATURAL_HEADS and \
                not any(o.start == sp.end for o in spans) and not (sp.start > 0 and _counted(toks[sp.start - 1])) and \
                not (sp.end + 1 < len(toks) and toks[sp.end + 1].text == "of"):  # "the Ostrian island of Tarvo"
            sp = EntSpan(sp.start, sp.end + 1, "LOC")
        out.append(sp)
    return out


QUANTIFIERS = frozenset({"a", "an", "some", "several", "many", "few", "other", "both", "various", "numerous"})


def _counted(tok: Token) -> bool:
    """An indefinite article, a number or a quantifier: "a", "two", "several"."""
    return tok.text.lower() in QUANTIFIERS or tok.tag == "CD"


def trim_titles(spans: list[EntSpan], toks: tuple[Token, ...]) -> list[EntSpan]:
    """A title's first word is no part of the name before it: "Arlow County District Attorney"."""
    out = []
    for sp in spans:
        e = sp.end
        if e - sp.start >= 2 and e < len(toks) and toks[e].text[:1].isupper() and \
                toks[e].text.lower() in TITLE_NOUNS and toks[e - 1].text.lower() in TITLE_MODIFIERS:
            e -= 1
        out.append(EntSpan(sp.start, e, sp.label))
    return out


# Last words of an institution named after its place: "Tarvo Transit", "Vell Police", "Ostrian Observatory".
INSTITUTION_HEADS = labels.ORGANISATION_HEADS | frozenset({"police"})


def place_led_institutions(spans: list[EntSpan], toks: tuple[Token, ...]) -> list[EntSpan]:
    """"the Ostrian Volcano Observatory said", "Tarvo Transit said": the model took the place or
    demonym alone and left the capitalised words after it, which end in an institution's head and
    which the place modifies, out of any name. They are one organisation's name."""
    out = []
    for sp in spans:
        end = _institution_end(sp, spans, toks) if sp.label in ("GPE", "NORP", "LOC") else None
        out.append(sp if end is None else EntSpan(sp.start, end, "ORG"))
    return out


def _institution_end(sp: EntSpan, spans: list[EntSpan], toks: tuple[Token, ...]) -> int | None:
    """The end of the institution's name after a place span (its words in no other span), else None."""
    j, end = sp.end, None
    while j < min(len(toks), sp.end + 4) and _is_cap(toks[j]) and toks[j].tag in ("NNP", "NNPS") and \
            not any(o.start <= j < o.end for o in spans):
        j += 1
        if toks[j - 1].text.lower() in INSTITUTION_HEADS:
            end = j
    return end if end is not None and sp.end <= toks[sp.end - 1].head < end else None


SEGMENT_RULES = (trim, givennames.hyphenated_given_names, drop_false, split_coordinations, trim_titles, natural_places,
                 long_form_abbreviations, join_split_names, place_led_institutions, vehicles.models, labels.relabel,
                 vehicles.flights)


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
def mentions(parsed: list[ParsedArticle]) -> list[Mention]:
    spans = {(a, si): repair_segment(seg, dateline_spans(pa, si))
             for a, pa in enumerate(parsed) for si, seg in enumerate(pa.segments)}
    lower = tokens.lower_words(parsed)
    across.drop_role_words(parsed, spans, lower)
    across.drop_opening_words(parsed, spans)
    across.drop_numbered_common_nouns(parsed, spans, lower)
    across.drop_common_acronyms(parsed, spans)
    vehicles.flight_codes(parsed, spans)
    across.split_possessives(parsed, spans)
    across.split_joined_names(parsed, spans)
    across.family_names(parsed, spans)
    across.join_first_names(parsed, spans)
    places.known_cities(parsed, spans)
    across.outlet_heads(parsed, spans)
    detect.unseen_places(parsed, spans, lower)
    detect.unseen_names(parsed, spans, lower)
    detect.unseen_people(parsed, spans)
    votes = tokens.known_names(parsed, spans)
    propagate.propagate(parsed, spans, votes, lower)
    propagate.vote_labels(parsed, spans, votes)
    across.short_thing_names(parsed, spans)
    out = propagate.hyphen_parts(parsed, spans)
    for (a, si), sps in sorted(spans.items()):
        pa = parsed[a]
        toks = pa.segments[si].tokens
        for sp in sps:
            start, end = toks[sp.start].start, toks[sp.end - 1].end
            out.append(Mention(pa.article.id, si, sp.start, sp.end, start, end, pa.article.raw[start:end],
                               sp.label, tokens.sentence_span(pa.segments[si], sp.start)))
    return sorted(out, key=lambda m: (m.article, m.start))
