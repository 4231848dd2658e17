"""Repairs of entity spans that read the briefing's other names, over plain tokens: a possessive
inside a span ("Oslo's Harbour Ministry"), two names read as one ("Acme and Tarvo Labs"), a
leading role word ("Neighbour Jane Roe"), a family's plural ("the Ostranders"), a first name the
model left out ("Tarik Velasko"), an outlet's short name ("the Sentinel"), a thing's last word
after "the" ("the Vista" of "the Lumen Vista"), and capitals or
numbered common nouns that are no names ("its IPO", "Gate 3").
"""
from __future__ import annotations

from collections import Counter

from ..model import EntSpan, ParsedArticle, Token
from ..words import knowledge
from ..words.english import HONORIFICS
from . import evidence, labels, vehicles
from .names import COMPASS_POINTS, fold
from .nodes import THINGS
from .tokens import Spans, covered, each_segment, is_common_word, known_names, name_word, sentence_start, surface

POSSESSIVE_MARKS = frozenset({"'s", "’s"})


def split_possessives(parsed: list[ParsedArticle], spans: Spans) -> None:
    """"Oslo's Harbour Ministry", "the North's Vela Pass": one name owns another. The span
    is cut at the possessive where the owner is a name of its own elsewhere in the briefing, a
    known place or a compass point ("Macy's Thanksgiving Parade" stays whole)."""
    known = known_names(parsed, spans)
    for toks, sps in each_segment(parsed, spans):
        out = []
        for sp in sps:
            cut = next((i for i in range(sp.start + 1, sp.end - 1) if toks[i].text in POSSESSIVE_MARKS), None)
            if cut is not None:
                owner, text = tuple(fold(t.text) for t in toks[sp.start:cut]), surface(toks, sp.start, cut)
                if owner in known or text in COMPASS_POINTS or knowledge.is_place(text):
                    label = known[owner].most_common(1)[0][0] if owner in known else "GPE"
                    out += [EntSpan(sp.start, cut, label), EntSpan(cut + 1, sp.end, sp.label)]
                    continue
            out.append(sp)
        sps[:] = out


JOINING_WORDS = frozenset({"and", "in", "for", ","})  # not "&", which joins one company's name ("Roe & Vell")


def split_joined_names(parsed: list[ParsedArticle], spans: Spans) -> None:
    """"talks between Acme and Tarvo Labs", "the town of Vell in Ostria": two names the model read
    as one. The span is cut at "and", "in", "for" or a comma (a "the" after it dropped) where each
    side is a name of its own elsewhere in the briefing and the whole is no known place
    ("Trinidad and Tobago"); "Council for Trade and Industry in Ostria" stays whole."""
    known = known_names(parsed, spans)
    for toks, sps in each_segment(parsed, spans):
        out = []
        for sp in sps:
            out += _joined_parts(toks, sp, known) or [sp]
        sps[:] = out


def _joined_parts(toks: tuple[Token, ...], sp: EntSpan, known: dict[tuple[str, ...], Counter]) -> list[EntSpan]:
    """The two names a span joins, each with the label the briefing gives it most, else []."""
    if sp.end - sp.start < 3 or knowledge.is_place(surface(toks, sp.start, sp.end)):
        return []
    for i in range(sp.start + 1, sp.end - 1):
        if toks[i].text not in JOINING_WORDS:
            continue
        j = i + 1 + (toks[i + 1].text.lower() == "the")
        left, right = (tuple(fold(t.text) for t in toks[x:y]) for x, y in ((sp.start, i), (j, sp.end)))
        if j < sp.end and left in known and right in known:
            return [EntSpan(sp.start, i, known[left].most_common(1)[0][0]),
                    EntSpan(j, sp.end, known[right].most_common(1)[0][0])]
    return []


def drop_role_words(parsed: list[ParsedArticle], spans: Spans, lower: frozenset[str]) -> None:
    """"Neighbour Jane Roe", "Spectator Mira Holt": a capitalised common noun (written in lower
    case elsewhere in the briefing, no first name) before a full name is not part of it."""
    for toks, sps in each_segment(parsed, spans):
        for n, sp in enumerate(sps):
            first = toks[sp.start].text
            if sp.label == "PERSON" and sp.end - sp.start >= 3 and first[:1].isupper() and not first.isupper() and \
                    is_common_word(first, lower) and \
                    not knowledge.is_given_name(first.lower()) and first.lower().rstrip(".") not in HONORIFICS:
                sps[n] = EntSpan(sp.start + 1, sp.end, sp.label)


# Word classes a name never opens with: a gerund or participle ("Calling Ruiz a friend, ..."), an
# adjective or adverb ("Recent Ruiz hits").
OPENING_TAGS = frozenset({"VBG", "VBN", "VBD", "JJ", "JJR", "JJS", "RB", "RBR", "RBS"})


def drop_opening_words(parsed: list[ParsedArticle], spans: Spans) -> None:
    """"Calling Ruiz a friend, ...", "Praising Ruiz for ...": an ordinary word opening a sentence
    that the model glued to a person's name after it (`_glued_opening_word`). It goes where the
    whole is written nowhere but at a sentence's start and the rest is a name the briefing gives
    elsewhere: any name after a word the model tags a gerund, participle, adjective or adverb;
    after a word it tags a name (with a gerund's ending only), a name of two words or more ("Ana
    Ruiz": "Ruiz" alone beside "Sterling Ruiz" may have no other full name)."""
    known = known_names(parsed, spans)
    found = [(toks, sps, n) for toks, sps in each_segment(parsed, spans) for n, sp in enumerate(sps)
             if _glued_opening_word(toks, sp)]
    glued = {evidence.key_of(toks, sps[n].start, sps[n].end) for toks, sps, n in found}
    names = [key for key in known if key not in glued]
    parts = {key[i:j] for key in names for i in range(len(key)) for j in range(i + 1, len(key) + 1)}
    inside = {key[i:j] for key in names if len(key) >= 2 for i in range(len(key)) for j in range(i + 1, len(key) + 1)}
    written = _written_inside_sentences(parsed, glued)
    for toks, sps, n in found:
        sp = sps[n]
        rest = evidence.key_of(toks, sp.start + 1, sp.end)
        opening = toks[sp.start]
        if rest in (parts if opening.tag in OPENING_TAGS else inside) and \
                not (_subject_of_the_next_verb(toks, sp) and opening.tag not in ("VBG", "VBN", "VBD")) and \
                evidence.key_of(toks, sp.start, sp.end) not in written:
            sps[n] = EntSpan(sp.start + 1, sp.end, sp.label)


def _subject_of_the_next_verb(toks: tuple[Token, ...], sp: EntSpan) -> bool:
    """"Blessing Okafor won": the whole span is the subject of the verb right after it, as a name
    is; a participle opening it ("Hosting Roe at ...") is still no part of it."""
    return sp.end < len(toks) and toks[sp.end].tag.startswith("VB") and toks[sp.end - 1].head == sp.end and \
        toks[sp.end - 1].dep == "nsubj"


def _glued_opening_word(toks: tuple[Token, ...], sp: EntSpan) -> bool:
    """A person's name opening with an ordinary word (`ordinary_opening`) before a capitalised
    word, the whole no known place and with no person's sign there ("Sterling Holm said": his
    first name). Other names keep the adjectives they are named with ("Royal Navy")."""
    return sp.label == "PERSON" and sp.end - sp.start >= 2 and ordinary_opening(toks, sp.start) and \
        toks[sp.start + 1].text[:1].isupper() and not knowledge.is_place(surface(toks, sp.start, sp.end)) and \
        not evidence.person_signs(toks, sp.start, sp.end)


def ordinary_opening(toks: tuple[Token, ...], i: int) -> bool:
    """A capitalised word opening a sentence that the model tags no noun or that ends like a
    gerund ("Hosting"), and that is no first name in the nickname data, title or honorific."""
    first = toks[i]
    gerund = len(first.text) > 5 and first.text.endswith("ing")
    return sentence_start(toks, i) and (first.tag in OPENING_TAGS or gerund) and name_word(first) and \
        not knowledge.is_given_name(first.text.lower())


def _written_inside_sentences(parsed: list[ParsedArticle], names: set[tuple[str, ...]]) -> set[tuple[str, ...]]:
    """The names (folded tokens) the briefing writes somewhere not at a sentence's start."""
    firsts = {name[0] for name in names}
    out = set()
    for pa in parsed:
        for seg in pa.segments:
            toks = seg.tokens
            for t in toks:
                if fold(t.text) in firsts and not sentence_start(toks, t.i):
                    out.update(name for name in names if tuple(fold(w.text) for w in toks[t.i:t.i + len(name)]) == name)
    return out


def family_names(parsed: list[ParsedArticle], spans: Spans) -> None:
    """"the Ostranders" after "Dan Ostrander": a surname's plural names the family, a PERSON entity."""
    surnames = set()
    for toks, sps in each_segment(parsed, spans):
        surnames.update(fold(toks[sp.end - 1].text) for sp in sps if sp.label == "PERSON" and sp.end - sp.start >= 2)
    for toks, sps in each_segment(parsed, spans):
        for n, sp in enumerate(sps):
            word = toks[sp.start].text
            if sp.end - sp.start == 1 and word.endswith("s") and fold(word[:-1]) in surnames and sp.label != "PERSON":
                sps[n] = EntSpan(sp.start, sp.end, "PERSON")


def outlet_heads(parsed: list[ParsedArticle], spans: Spans) -> None:
    """"the Sentinel" is an outlet, an organisation, where the briefing names it in full after a
    place ("the Boise Sentinel", "Tarvo Evening-Sentinel"), whether or not the model found the
    full name; elsewhere it keeps its label ("known in the capital as the Sentinel")."""
    heads = set()
    for pa in parsed:
        for seg in pa.segments:
            toks = seg.tokens
            for t in toks:
                if t.text.lower() in labels.PUBLICATION_HEADS and t.text[:1].isupper():
                    s = t.i
                    while s > max(0, t.i - 4) and (toks[s - 1].text[:1].isupper() or toks[s - 1].text == "-"):
                        s -= 1
                    if labels.publication_owner([w for w in toks[s:t.i] if w.text != "-"]):
                        heads.add(t.text)
    for toks, sps in each_segment(parsed, spans):
        for n, sp in enumerate(sps):
            if sp.end - sp.start == 1 and toks[sp.start].text in heads and sp.start > 0 and \
                    toks[sp.start - 1].text.lower() == "the" and sp.label in ("GPE", "LOC", "FAC", "PERSON", "NORP"):
                sps[n] = EntSpan(sp.start, sp.end, "ORG")


PERSON_PRONOUNS = frozenset({"who", "whom", "whose"})  # "the Vista, who": a person


def short_thing_names(parsed: list[ParsedArticle], spans: Spans) -> None:
    """"the Vista" where the briefing names "the Lumen Vista" (a product, an organisation, a
    facility, of two words or more) is that thing, whatever the model made of it (a person, a group)
    or where it saw no name: the name's last word, alone after a "the" that determines it, is a
    short form of the name. Only for a word nothing shows as a person anywhere in the briefing (no
    person's name holds it, no title, speech verb or "who" beside it), and no place, acronym or head
    word of names ("the University", "the Court": which one is not said). Every span of the word
    alone takes the thing's label then; runs after the label vote, which settles the full name's label."""
    words = _last_words_of_things(parsed, spans)
    for toks, _ in each_segment(parsed, spans):
        for t in toks:
            if t.text in words and (evidence.person_signs(toks, t.i, t.i + 1) or _who_follows(toks, t.i)):
                del words[t.text]
    shown = {t.text for toks, sps in each_segment(parsed, spans) for t in toks
             if t.text in words and _the_word_alone(toks, t.i, sps)}
    for toks, sps in each_segment(parsed, spans):
        alone = {sp.start: n for n, sp in enumerate(sps) if sp.end - sp.start == 1}
        added = []
        for t in (t for t in toks if t.text in shown):
            if t.i in alone:
                sps[alone[t.i]] = EntSpan(t.i, t.i + 1, words[t.text])
            elif not covered(sps, t.i, t.i + 1) and _the_word_alone(toks, t.i, sps):
                added.append(EntSpan(t.i, t.i + 1, words[t.text]))
        sps[:] = sorted(sps + added, key=lambda sp: sp.start)


def _last_words_of_things(parsed: list[ParsedArticle], spans: Spans) -> dict[str, str]:
    """The last word of each thing's name of two words or more -> the label its names get most;
    never a word in a person's name, a place, an acronym or a head word of names."""
    labels_of: dict[str, Counter] = {}
    in_people: set[str] = set()
    for toks, sps in each_segment(parsed, spans):
        for sp in sps:
            words = [t.text for t in toks[sp.start:sp.end] if t.text.lower() != "the"]
            if sp.label == "PERSON" and len(words) >= 2:
                in_people.update(words)
            elif sp.label in THINGS and len(words) >= 2 and words[-1].isalpha() and words[-1].istitle():
                labels_of.setdefault(words[-1], Counter())[sp.label] += 1
    return {w: c.most_common(1)[0][0] for w, c in labels_of.items()
            if w not in in_people and w.lower() not in labels.NOT_PERSON_HEADS | labels.PUBLICATION_HEADS
            and not knowledge.is_place(w) and not knowledge.demonym(w)}


def _the_word_alone(toks: tuple[Token, ...], i: int, sps: list[EntSpan]) -> bool:
    """The word at i after a "the" that determines it, no name word after it, in no longer span."""
    return 0 < i and toks[i - 1].text.lower() == "the" and toks[i - 1].head == i and \
        not (i + 1 < len(toks) and (name_word(toks[i + 1]) or toks[i + 1].text in evidence.HYPHENS)) and \
        not any(sp.start <= i < sp.end and sp.end - sp.start > 1 for sp in sps)


def _who_follows(toks: tuple[Token, ...], i: int) -> bool:
    """"the Vista, who": a relative pronoun of people after the word."""
    after = [t.text.lower() for t in toks[i + 1:i + 3] if t.text != ","]
    return bool(after) and after[0] in PERSON_PRONOUNS


def join_first_names(parsed: list[ParsedArticle], spans: Spans) -> None:
    """"Tarik Velasko" where the model marked only "Velasko": a capitalised proper noun right before a
    one-word name the briefing mostly calls a person, itself in no name, no title, place or
    nationality, nor an ordinary word opening the sentence ("Hosting Velasko at ..."), is the first
    name."""
    known = known_names(parsed, spans)
    people = {key for key, labels in known.items() if len(key) == 1 and labels.most_common(1)[0][0] == "PERSON"}
    for toks, sps in each_segment(parsed, spans):
        for n, sp in enumerate(sps):
            s = sp.start
            if sp.end - s != 1 or (fold(toks[s].text),) not in people or s == 0:
                continue
            first = toks[s - 1]
            if first.tag in ("NNP", "NNPS") and name_word(first) and first.ws and not covered(sps, s - 1, s) and \
                    not knowledge.is_place(first.text) and not knowledge.demonym(first.text) and \
                    not ordinary_opening(toks, s - 1):
                sps[n] = EntSpan(s - 1, sp.end, "PERSON")


def drop_common_acronyms(parsed: list[ParsedArticle], spans: Spans) -> None:
    """Capitals that are no name: a stock ticker ("(NYSE: BWF)" anywhere makes "BWF" one everywhere)
    and an abbreviated common noun ("its IPO", "an IPO", "IPOs")."""
    common = {word for pa in parsed for seg in pa.segments for t in seg.tokens
              if (word := _common_acronym(seg.tokens, t))} | _initials_of_common_phrases(parsed)
    for toks, sps in each_segment(parsed, spans):
        sps[:] = [sp for sp in sps if not (sp.end - sp.start == 1 and toks[sp.start].text in common)]


def _common_acronym(toks: tuple[Token, ...], t: Token) -> str | None:
    """The acronym a token shows to be a ticker or a common noun, else None."""
    word = t.text.replace(".", "")
    if word[:-1].isupper() and word.endswith("s") and 3 <= len(word) <= 6:
        return word[:-1]  # "IPOs"
    if not (2 <= len(word) <= 5 and word.isalpha() and word.isupper()) or t.i == 0:
        return None
    before = toks[t.i - 1].text.lower()
    ticker = before == ":" and t.i >= 3 and toks[t.i - 3].text == "(" and t.i + 1 < len(toks) and \
        toks[t.i + 1].text == ")"
    # "its IPO", not "a VRTA manager" (the determiner is the manager's)
    return t.text if ticker or before in COMMON_DETERMINERS and toks[t.i - 1].head == t.i else None


def _initials_of_common_phrases(parsed: list[ParsedArticle]) -> set[str]:
    """The initials of a lower-case noun phrase the briefing writes twice or more ("wind turbine",
    "intensive care unit": "WT", "ICU"): its acronym is that common noun, no name; but
    a place's stays ("urban sprawl" twice leaves "US" alone)."""
    seen: Counter = Counter()
    for pa in parsed:
        for seg in pa.segments:
            toks = seg.tokens
            for t in toks:  # t heads the phrase; its modifiers are the lower-case words right before it
                s = t.i
                while s > 0 and t.i - s < 3 and toks[s - 1].head == t.i and toks[s - 1].dep in ("amod", "compound") \
                        and toks[s - 1].text.isalpha() and toks[s - 1].text.islower():
                    s -= 1
                if s < t.i and t.tag.startswith("NN") and t.text.isalpha() and t.text.islower():
                    seen["".join(w.text[0] for w in toks[s:t.i + 1]).upper()] += 1
    common = {initials for initials, n in seen.items() if n >= 2 and not knowledge.is_place(initials)}
    return common - _signed_words(parsed, common)


def _signed_words(parsed: list[ParsedArticle], words: set[str]) -> set[str]:
    """The words, each a token, that somewhere speak or show a person's or an organisation's signs
    ("GM said" beside "gross margin" twice: the company, not the phrase's initials); alone, not the
    last word of a longer name ("Kessel QRT's founder")."""
    return {t.text for pa in parsed for seg in pa.segments for t in seg.tokens if t.text in words and
            not _in_a_longer_name(seg.tokens, t.i) and
            (evidence.person_signs(seg.tokens, t.i, t.i + 1) or evidence.organisation_signs(seg.tokens, t.i, t.i + 1))}


def _in_a_longer_name(toks: tuple[Token, ...], i: int) -> bool:
    return any(0 <= j < len(toks) and toks[j].tag in ("NNP", "NNPS") for j in (i - 1, i + 1))


COMMON_DETERMINERS = frozenset({"a", "an", "its", "their", "his", "her", "our", "your", "my", "every", "each"})


def drop_numbered_common_nouns(parsed: list[ParsedArticle], spans: Spans, lower: frozenset[str]) -> None:
    """"Gate 3", "Pump 4": a common noun (written in lower case elsewhere) and a number; not a
    numbered flight ("Flight 220": `vehicles`)."""
    for toks, sps in each_segment(parsed, spans):
        sps[:] = [sp for sp in sps if not (sp.end - sp.start == 2 and toks[sp.end - 1].text.isdigit() and
                                           is_common_word(toks[sp.start].text, lower) and
                                           not vehicles.is_flight(toks, sp))]
