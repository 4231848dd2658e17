"""Quotations (marked, left open into the next paragraph, block quotes, reported speech, unquoted
copies) with their speaker (speakers.py reads who); how two wordings compare is wording.py's."""
from __future__ import annotations

import bisect
import re
from collections import defaultdict

from ..model import ParsedArticle, Token
from ..words.english import SPEECH_VERBS
from .sentences import Extracted, View, children, content_word, lemma, make_claim, subtree
from .speakers import (QUOTE_RE, Speaker, introduced, last_person, named, paragraph_speaker, previous_speaker,
                       speaker_of, subject_of)
from .wording import FIGURE_WORDS, FRAGMENT_MIN_WORDS, NUMBER_WORDS, QUOTE_MIN_WORDS, quote_words


def extract(pa: ParsedArticle, si: int, sents: View, state: dict) -> list[Extracted]:
    """Quotations of four words or more, each with its speaker; `state` carries the last speaker."""
    out: list[Extracted] = []
    for group in _quotations(pa, si):
        start, end = group[0][0], group[-1][1]
        speaker, doubt = _attribute(pa, si, group, sents, state)
        if speaker is not None and speaker.kind == "named":
            state["speaker"], state["segment"] = speaker.entity, si
        text = " … ".join(q[2] for q in group)
        fragment = len(quote_words(text).split()) < QUOTE_MIN_WORDS
        if fragment and not FIGURE_WORDS.search(quote_words(text)) and not _said(pa, si, start, end):
            continue  # "a “grand show”", "“rather grim”": a phrase, not someone's words
        sent = next((t for t in pa.segments[si].tokens if t.start >= start), pa.segments[si].tokens[-1]).sent
        name, speaker_id = named(speaker)
        out.append(Extracted(make_claim(pa, si, sent, start, end, text), "quote", ("quote",),
                             entities=sents.entities(pa.article.id, si, sent), subject=name,
                             speaker=speaker_id, paired_only=fragment, doubt=doubt,
                             predicates=predicates(pa.segments[si].tokens, start, end)))
    quoted = out or _block_quote(pa, si, sents)
    return quoted + _reported(pa, si, sents, quoted)  # speech reported inside a quote is the quote's


REPORTED_MIN_WORDS = 5


def _reported(pa: ParsedArticle, si: int, sents: View, quoted: list[Extracted]) -> list[Extracted]:
    """Reported speech: the clause a named speaker's speech verb reports ("Ana Ruiz argued that
    the fee was too high"; "she said" is who "she" names, _sentence_subject), a claim that pairs
    only with a report of the same speaker in most of the same words, or with a quote that holds
    its words, or with either sharing a predicate. A clause holding a quotation, or inside one,
    is that quotation's."""
    toks = pa.segments[si].tokens
    out = []
    for verb in toks:
        if lemma(verb) not in SPEECH_VERBS or verb.pos != "VERB":
            continue
        clause = next((c for c in children(toks, verb.i) if c.dep == "ccomp" and c.i > verb.i), None)
        if clause is None:
            continue
        speaker = subject_of(pa, si, verb, list(toks), sents)
        if speaker is not None and speaker.kind == "pronoun":  # "he said the fee was too high"
            speaker = _sentence_subject(pa, si, verb, sents) or previous_speaker(pa, si, verb.start, sents)
        if speaker is None or speaker.kind != "named":
            continue
        inside = _subtree(toks, clause.i)
        start, end = toks[inside[0]].start, toks[inside[-1]].end
        if len(quote_words(pa.article.raw[start:end]).split()) < REPORTED_MIN_WORDS or \
                any(start < q.claim.end and q.claim.start < end for q in quoted):
            continue
        sent = toks[clause.i].sent
        out.append(Extracted(make_claim(pa, si, sent, start, end, pa.article.raw[start:end]), "quote", ("quote",),
                             entities=sents.entities(pa.article.id, si, sent),
                             subject=speaker.entity.name, speaker=speaker.entity.id, paired_only=True,
                             reported=True, predicates=predicates(toks, start, end)))
    return out


PREDICATE_POS = frozenset({"VERB", "ADJ"})


def predicates(toks: tuple[Token, ...], start: int, end: int) -> frozenset[tuple[str, str]]:
    """What the words between offsets start and end predicate: each verb or adjective with a content
    word or preposition that depends on it, as lemmas: ("drill", "through"), ("run", "out").
    Two accounts of one speaker's words that share one say the same thing in other words ("the
    probe would be able to drill through the shelf" / "“We expect it to drill through the shelf”")."""
    inside = {t.i for t in toks if start <= t.start < end}
    found = set()
    for k in inside:
        t = toks[k]
        head = toks[t.head]
        if t.head == k or t.head not in inside or head.pos not in PREDICATE_POS or not content_word(head):
            continue
        dependent = lemma(t) if t.pos == "ADP" else content_word(t)
        if dependent:
            found.add((content_word(head), dependent))
    return frozenset(found)


def _sentence_subject(pa: ParsedArticle, si: int, verb: Token, sents: View) -> Speaker | None:
    """The person named as a subject earlier in the verb's own sentence, whom its pronoun names
    ("Ana Ruiz asked for a recount as she said the count was wrong")."""
    seg = pa.segments[si]
    start = seg.tokens[seg.sents[verb.sent][0]].start
    people = sents.subjects.get(pa.article.id, [])
    k = bisect.bisect_left(people, (verb.start, "")) - 1
    return Speaker("named", sents.entity_by_id[people[k][1]]) if k >= 0 and people[k][0] >= start else None


def _subtree(toks: tuple[Token, ...], root: int) -> list[int]:
    """The tokens under `root`, in order, the punctuation at its end left out."""
    under = sorted(subtree(toks, root))
    while len(under) > 1 and toks[under[-1]].pos == "PUNCT":
        under.pop()
    return under


# An embedded post's signature at the end of its text: "- Ana Ruiz (@aruiz) May 3, 2016"
POST_SIGNATURE = re.compile(r"\s[-—–]\s[^()\n]{1,60}\(@\w+\)[^\n]*$")
ELISION = re.compile(r"…|\.\.\.")


def _block_quote(pa: ParsedArticle, si: int, sents: View) -> list[Extracted]:
    """A paragraph quoted as a block, its quote marks lost with the page's layout: no quote mark
    in it, after a paragraph that ends with a colon and names who is quoted ("Ana Ruiz wrote on
    her blog:", "Here is the club's statement:"). Each excerpt (cut at "…") is a quote of that
    speaker; an embedded post's signature is not part of it."""
    segs = pa.article.segments
    raw = pa.article.raw
    if si == 0 or not raw[segs[si - 1].start:segs[si - 1].end].rstrip().endswith(":") or \
            re.search("[“”\"]", raw[segs[si].start:segs[si].end]):
        return []
    speaker, doubt = introduced(pa, si - 1, sents)
    if speaker is None:
        return []
    body = raw[segs[si].start:segs[si].end]
    signature = POST_SIGNATURE.search(body)
    end = segs[si].start + (signature.start() if signature else len(body.rstrip()))
    cuts = [segs[si].start] + [x for m in ELISION.finditer(raw, segs[si].start, end) for x in m.span()] + [end]
    toks = pa.segments[si].tokens
    out = []
    for start, stop in zip(cuts[::2], cuts[1::2]):
        piece = raw[start:stop]
        start, stop = start + len(piece) - len(piece.lstrip()), stop - (len(piece) - len(piece.rstrip()))
        if len(quote_words(raw[start:stop]).split()) < QUOTE_MIN_WORDS:
            continue
        sent = next((t for t in toks if t.start >= start), toks[-1]).sent
        out.append(Extracted(make_claim(pa, si, sent, start, stop, raw[start:stop]), "quote", ("quote",),
                             entities=sents.entities(pa.article.id, si, sent),
                             subject=speaker.name, speaker=speaker.id, doubt=doubt))
    return out


def _quotations(pa: ParsedArticle, si: int) -> list[list[tuple[int, int, str]]]:
    """The quotations of segment si, each as its pieces (start, end, inner words): a quote split
    by "he said" is one quotation; a single word in quote marks is a scare quote, none; a quote
    left open at the paragraph's end, the next paragraph opening with a quote mark, runs to the
    paragraph's end (the convention for a quotation of several paragraphs)."""
    raw = pa.article.raw
    segment = pa.article.segments[si]
    groups: list[list[tuple[int, int, str]]] = []
    found = [(m.start(), m.end(), m.group(1) or m.group(2)) for m in QUOTE_RE.finditer(raw, segment.start, segment.end)]
    open_quote = _left_open(pa, si, found[-1][1] if found else segment.start)
    for q in found + ([open_quote] if open_quote else []):
        if len(quote_words(q[2]).split()) < FRAGMENT_MIN_WORDS:
            continue
        if groups and groups[-1][-1][2].rstrip().endswith(",") and split_continuation(raw[groups[-1][-1][1]:q[0]]):
            groups[-1].append(q)
        else:
            groups.append([q])
    return groups


OPENING = "“\""


def _left_open(pa: ParsedArticle, si: int, after: int) -> tuple[int, int, str] | None:
    """A quote opened after offset `after` and not closed in segment si, when the next paragraph
    opens with a quote mark: (its start, the paragraph's end, its words)."""
    segs = pa.article.segments
    if si + 1 >= len(segs) or not segs[si + 1].text.lstrip()[:1] in OPENING:
        return None
    raw = pa.article.raw
    end = segs[si].end
    at = max(raw.rfind("“", after, end), raw.rfind('"', after, end))
    if at < 0 or "”" in raw[at:end]:
        return None
    inner = raw[at + 1:end].rstrip()
    return at, at + 1 + len(inner), inner


SCARE_LEAD = frozenset({"a", "an", "the", "this", "that", "its", "their", "his", "her", "our", "so-called", "as"})


def _said(pa: ParsedArticle, si: int, start: int, end: int) -> bool:
    """Is a short quote someone's words, a verb in it ("“hit hardest”", "“Stop the game!”",
    "“wait and see”"), rather than a phrase ("a “grand show”", "“rather grim”")? A
    quote right after an article or a possessive is a phrase whatever it holds."""
    before = pa.article.raw[max(0, start - 20):start].split()
    if before and before[-1].lower() in SCARE_LEAD:
        return False
    return any(t.pos == "VERB" for t in pa.segments[si].tokens if start <= t.start < end)


def _attribute(pa: ParsedArticle, si: int, group: list[tuple[int, int, str]], sents: View,
               state: dict) -> tuple[Speaker | None, str]:
    """Who said a quotation: the subject of the nearest speech verb of its sentence, else of the
    paragraph's last one before it; "he said" goes back to who spoke last in this paragraph or
    the one before, else to the article's last speaker or person named. With the speaker, why it
    is unsure ("" when a speech verb names it): found by distance, not by a verb."""
    start = group[0][0]
    speaker = speaker_of(pa, si, [(q[0], q[1]) for q in group], sents) or paragraph_speaker(pa, si, start, sents)
    if speaker is None and group[-1][1] >= pa.article.segments[si].end - 1 and si + 1 < len(pa.segments):
        follow = _quotations(pa, si + 1)  # a quotation running on: its speaker is named where it ends
        speaker = speaker_of(pa, si + 1, [(q[0], q[1]) for q in follow[0]], sents) if follow else None
    if speaker is not None and speaker.kind == "it":  # the body that spoke last, never a person
        found = previous_speaker(pa, si, start, sents)
        return (found, "") if found is not None and (found.kind == "described" or found.entity.label != "PERSON") \
            else (None, "")
    if speaker is None or speaker.kind != "pronoun":
        return speaker, ""
    found = previous_speaker(pa, si, start, sents)
    if found is not None:
        return found, ""
    last = state.get("speaker") if state.get("segment", -9) >= si - 1 else None
    if last is not None:
        return Speaker("named", last), f"its speaker is a pronoun, given to {last.name}, who spoke last before it"
    last = last_person(pa, si, start, sents)
    if last is not None:
        return Speaker("named", last), f"its speaker is a pronoun, given to {last.name}, the last person named before it"
    return None, ""


WORD = re.compile(r"[\w']+")


RUN_MIN_WORDS = 8  # a run of a quote's words this long, unquoted elsewhere, is a copy of part of it


def unquoted(parsed: list[ParsedArticle], items: list[Extracted], sents: View) -> list[Extracted]:
    """Quotes of one article written without quote marks in another ("inspectors said it could
    safely remain in operation"), whole or a run of RUN_MIN_WORDS of their words (a blog post an
    outlet quotes in part): a claim there that pairs only with the quote. One pass over the
    briefing's words outside quote marks, looking up each run of three words among the quotes'."""
    grams: dict[tuple[str, ...], list[tuple[list[str], int, str]]] = defaultdict(list)
    for x in items:
        words = quote_words(x.claim.value).split() if x.kind == "quote" and not x.paired_only else []
        for n in range(len(words) - 2) if len(words) >= QUOTE_MIN_WORDS else ():
            grams[tuple(words[n:n + 3])].append((words, n, x.claim.article))
    out: list[Extracted] = []
    for pa in parsed if grams else ():
        aid = pa.article.id
        for si, seg in enumerate(pa.article.segments):
            text = pa.article.raw[seg.start:seg.end].replace("’", "'").lower()
            text = QUOTE_RE.sub(lambda m: " " * len(m.group()), text)  # words in quote marks are quotes already
            found = [(m.start(), m.end(), NUMBER_WORDS.get(m.group(), m.group())) for m in WORD.finditer(text)]
            words = [w for _, _, w in found]
            k = 0
            while k < len(found) - 2:
                run = _copied_run(words, k, grams.get(tuple(words[k:k + 3]), ()), aid)
                if not run:
                    k += 1
                    continue
                start, end = seg.start + found[k][0], seg.start + found[k + run - 1][1]
                tok = next(t for t in pa.segments[si].tokens if t.end > start)
                claim = make_claim(pa, si, tok.sent, start, end, pa.article.raw[start:end])
                out.append(Extracted(claim, "quote", ("quote",), subject="unattributed", paired_only=True,
                                     entities=sents.entities(aid, si, tok.sent)))
                k += run
    return out


def _copied_run(words: list[str], k: int, quotes: list[tuple[list[str], int, str]], aid: str) -> int:
    """How many words from words[k] copy another article's quote: the whole quote from its start,
    or the longest run of at least RUN_MIN_WORDS of its words; 0 for none."""
    best = 0
    for q, n, art in quotes:
        if art == aid:
            continue
        run = next((m for m in range(len(q) - n) if k + m >= len(words) or words[k + m] != q[n + m]), len(q) - n)
        if (n == 0 and run == len(q)) or run >= RUN_MIN_WORDS:
            best = max(best, run)
    return best


SPLIT_QUOTE_VERBS = frozenset({"said", "says", "added", "adds", "wrote", "told", "asked", "continued",
                               "explained", "noted"})


def split_continuation(between: str) -> bool:
    """Is the text between two quotes an attribution inside one quotation ("…,” he said, “…")?"""
    words = re.findall(r"\w+", between)
    return not re.search(r"[.!?]", between) and 0 < len(words) <= 5 and \
        any(w.lower() in SPLIT_QUOTE_VERBS for w in words)


