"""How two wordings of a quote compare: the words as compared (quote_words: normalised, number
words as figures), whether two quotations are one quote and by what (pair_score), whether they
say the same words (agree), the word diff of two wordings (diff, word_diff), and the keys a quote
is looked up by when claims are blocked for pairing (keys)."""
from __future__ import annotations

import difflib
import functools
import re

from rapidfuzz import fuzz

from .sentences import Extracted, normalise

QUOTE_MIN_WORDS = 4
FRAGMENT_MIN_WORDS = 2  # "possibly weeks": a row only when another outlet quotes the same words
LONG_QUOTE_WORDS = 10  # a quote this long pairs on its wording alone, whoever is named as its speaker
NUMBER_WORDS = {w: str(n) for n, w in enumerate("zero one two three four five six seven eight nine ten eleven "
                                               "twelve thirteen fourteen fifteen sixteen seventeen eighteen "
                                               "nineteen twenty".split())}
QUOTE_MIN_SIMILARITY = 85
UNATTRIBUTED_MIN_WORDS = 6
UNATTRIBUTED_MIN_SIMILARITY = 95
SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+")  # between the sentences of a quote


def word_diff(a: str, b: str) -> tuple[tuple[str, str], ...]:
    """Word-level diff of two quotes in their own wording, compared as quote_words compares them
    (case, quote marks, punctuation and house style aside): ("=", same), ("-", only in a), ("+", only in b)."""
    wa, wb = a.split(), b.split()
    ka, kb = [quote_words(w) for w in wa], [quote_words(w) for w in wb]
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=ka, b=kb, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(("=", " ".join(wb[j1:j2])))
        if op in ("delete", "replace"):
            out.append(("-", " ".join(wa[i1:i2])))
        if op in ("insert", "replace"):
            out.append(("+", " ".join(wb[j1:j2])))
    # one outlet quoting a shorter excerpt is not a difference of wording: trim unmatched edges,
    # save words added before the start of the other's sentence ("And we will…" / "We will…")
    while len(out) > 1 and out[0][0] != "=" and out[1][0] == "=" and not lead_added(a, b):
        out.pop(0)
    while len(out) > 1 and out[-1][0] != "=" and out[-2][0] == "=":
        out.pop()
    return tuple(out)


REPORTED_MIN_SIMILARITY = 80  # two reports of one speaker's words: most of their words in common
SAME_PREDICATE = 70.0  # reported speech and another account of its speaker's words sharing a predicate
_PREDICATE = (SAME_PREDICATE, "SAME_PREDICATE")  # its score and band (thin evidence: evidence.WEAK_BANDS)


# A short quote is a fact when it gives a figure or a length of time ("possibly weeks",
# "every-3-weeks fire drill"); other two-word quotes are wording ("grand show").
FIGURE_WORDS = re.compile(r"\b\d|\b(" + "|".join(["hundred", "thousand", "million", "billion", "dozen", "half",
                                                 "minutes?", "hours?", "days?", "weeks?", "months?", "years?",
                                                 "decades?"]) + r")\b")


# House styles outlets write one quote in, set aside when two wordings are compared: abbreviations
# with or without dots ("U.S."), digits grouped or not ("10,000"), a prefix joined or hyphenated
# ("e-mail", "co-operate"), "per cent"; and British or American spelling by its regular endings
# (each a word's ending and what it is compared as; a word of either spelling meets the same key).
ABBREVIATION = re.compile(r"\b(?:[A-Za-z]\.){2,}")
GROUPED_DIGITS = re.compile(r"(?<=\d),(?=\d{3}\b)")
HYPHENATED_PREFIX = re.compile(r"\b(e|co|re|pre|non)-(?=[a-z])", re.IGNORECASE)
SPELLINGS = tuple((re.compile(pattern), key) for pattern, key in (
    (r"(?<=\w{3})is(e|ed|es|ing|ation|ations)$", r"iz\1"),  # organise, organisation
    (r"(?<=\w{3})ys(e|ed|es|ing)$", r"yz\1"),  # analyse
    (r"(?<=\w{3})our(s|ed|ing|ite|ites|able|er|ers)?$", r"or\1"),  # colour, favourite
    (r"(?<=\w{2})([tb])re(s)?$", r"\1er\2"),  # centre, fibre
    (r"(?<=\w{3})ence$", "ense"),  # defence, licence
    (r"(?<=\w{3})ll(ed|ing|er|ers)$", r"l\1"),  # travelled, cancelling
    (r"(?<=\w{4})mme(s)?$", r"m\1"),  # programme
    (r"(?<=\w{2})logue(s)?$", r"log\1")))  # catalogue


@functools.lru_cache(maxsize=65536)
def quote_words(text: str) -> str:
    """A wording as compared: normalised, number words as figures ("five" = "5"), house style aside."""
    text = HYPHENATED_PREFIX.sub(r"\1", GROUPED_DIGITS.sub("", ABBREVIATION.sub(lambda m: m.group().replace(".", ""), text)))
    words = re.sub(r"\bper cent\b", "percent", normalise(text)).split()
    return " ".join(NUMBER_WORDS.get(w) or _spelling(w) for w in words)


def _spelling(word: str) -> str:
    """A word as compared across British and American spelling ("centre's" as "center's")."""
    stem, possessive = (word[:-2], word[-2:]) if word.endswith("'s") else (word, "")
    for pattern, key in SPELLINGS:
        stem, n = pattern.subn(key, stem)
        if n:
            break
    return stem + possessive


def _sentences(text: str) -> list[str]:
    return [w for part in SENTENCE_BREAK.split(text) if len((w := quote_words(part)).split()) >= 3]


def pair_score(a: Extracted, b: Extracted) -> tuple[float, str] | None:
    """How alike two quotations are (0..100) and by what ("QUOTE_WORDING", or "SAME_PREDICATE":
    reported speech and another account of its speaker, thin evidence: evidence.WEAK_BANDS), None
    when they are not one quote: the same speaker,
    or where one names none, nearly the same long wording. A fragment ("possibly weeks") or an
    unquoted copy pairs only with a quote that contains its words; a quote of several sentences
    pairs with another by the one sentence both give ("That was my best race" / "That's my …");
    reported speech with another account of its speaker by most of their words or a predicate."""
    if a.reported and b.reported:
        return _reports_alike(a, b)
    same = bool(a.speaker) and a.speaker == b.speaker
    if a.speaker and b.speaker and not same:
        return None
    wa, wb = quote_words(a.claim.value), quote_words(b.claim.value)
    short, long = sorted((wa, wb), key=len)
    if a.paired_only or b.paired_only or FIGURE_WORDS.search(short) and len(short.split()) < UNATTRIBUTED_MIN_WORDS:
        return _part_score(a, b, short, long, same)
    return _whole_score(a, b, wa, wb, same)


def _whole_score(a: Extracted, b: Extracted, wa: str, wb: str, same: bool) -> tuple[float, str] | None:
    """Two whole quotes (wa, wb: their quote_words): nearly the same wording, of the same speaker
    (`same`) or long enough to tell by itself; else, of the same speaker, the one sentence both
    give, after whole quotes that match."""
    words = min(len(wa.split()), len(wb.split()))
    if words < (QUOTE_MIN_WORDS if same else UNATTRIBUTED_MIN_WORDS):
        return None
    floor = QUOTE_MIN_SIMILARITY if same or words >= LONG_QUOTE_WORDS else UNATTRIBUTED_MIN_SIMILARITY
    score = fuzz.partial_ratio(wa, wb) if min(len(wa), len(wb)) >= 20 else fuzz.ratio(wa, wb)
    if score >= floor:
        return score, "QUOTE_WORDING"
    if same:
        best = max((fuzz.ratio(x, y) for x in _sentences(a.claim.value) for y in _sentences(b.claim.value)),
                   default=0.0)
        if best >= floor:
            return best - 10, "QUOTE_WORDING"  # after whole quotes that match
    return None


def _part_score(a: Extracted, b: Extracted, short: str, long: str, same: bool) -> tuple[float, str] | None:
    """A fragment, an unquoted copy, a short quote of a figure: the other must contain its words;
    reported speech may give what its speaker said in other words, the same predicate."""
    if len(short.split()) >= FRAGMENT_MIN_WORDS and f" {short} " in f" {long} ":
        return 80.0, "QUOTE_WORDING"
    return _PREDICATE if (a.reported or b.reported) and same and a.predicates & b.predicates else None


def _reports_alike(a: Extracted, b: Extracted) -> tuple[float, str] | None:
    """Two reports of one speaker's words, in most of the same words, or the same predicate."""
    if not a.speaker or a.speaker != b.speaker:
        return None
    score = fuzz.token_set_ratio(quote_words(a.claim.value), quote_words(b.claim.value))
    return (score, "QUOTE_WORDING") if score >= REPORTED_MIN_SIMILARITY else \
        _PREDICATE if a.predicates & b.predicates else None


def agree(values: list[str]) -> bool:
    """Do the quotes say the same words (one may quote a shorter excerpt, not add a word before
    the start of a sentence, and leave words out where an ellipsis or a bracketed insertion says so)?"""
    words = [f" {quote_words(v)} " for v in values]
    shortest = min(words, key=len)
    if any(lead_added(values[0], v) for v in values[1:]):
        return False
    return all(shortest in w for w in words) or all(
        min(wa, wb, key=len) in max(wa, wb, key=len) or _gapped_in(a, b) or _gapped_in(b, a)
        for n, (a, wa) in enumerate(zip(values, words)) for b, wb in zip(values[n + 1:], words[n + 1:]))


GAP = re.compile(r"…|\.\s?\.\s?\.|\[[^\[\]]*\]")  # an ellipsis or an editor's [insertion]: words left out


def _gapped_in(a: str, b: str) -> bool:
    """Are the parts of quote a between its gaps (GAP) in quote b, in order? ("We will rebuild …
    and win" in "We will rebuild the stand and win".) False when a has no gap."""
    parts = [p for p in (quote_words(part) for part in GAP.split(a)) if p]
    if len(parts) < 2:
        return False
    rest = f" {quote_words(b)} "
    for part in parts:
        at = rest.find(f" {part} ")
        if at < 0:
            return False
        rest = rest[at + len(part) + 1:]
    return True


def lead_added(a: str, b: str) -> bool:
    """Does one quote add words before the other's first word where that word starts a sentence
    (capitalised: "And we will rebuild" / "We will rebuild")? A lower-case start is an excerpt."""
    short, long = sorted((a, b), key=lambda v: len(quote_words(v)))
    first = re.search(r"[^\W\d_]", short)
    opening = quote_words(short).split()[:3]
    if first is None or not first.group().isupper() or not opening:
        return False
    for sentence in SENTENCE_BREAK.split(long):
        words = quote_words(sentence).split()
        at = next((k for k in range(len(words)) if words[k:k + len(opening)] == opening), None)
        if at is not None:
            return at > 0
    return False


LEAD_IN_WORDS = 2  # the words of its sentence just before a quote that lead into it ("… the bridge was")


def framed(quoted: list[Extracted]) -> tuple[list[str], int]:
    """The wordings of a row's quotes as compared, and how many words lead into each: when every
    outlet leads into the quote with the same words ("the bridge was “safe…”" / "the bridge was
    “completely safe…”"), each with those words, since a word one quotes more at the start then
    changes what the sentence says, not where the excerpt begins; their own words otherwise."""
    values = [x.claim.value for x in quoted]
    leads = {_lead_in(x) for x in quoted}
    lead = leads.pop() if len(leads) == 1 else ""
    return ([f"{lead} {v}" for v in values], len(lead.split())) if lead else (values, 0)


def unframed(diff: tuple[tuple[str, str], ...], lead: int) -> tuple[tuple[str, str], ...]:
    """A diff of framed wordings without the `lead` words that lead into both (its first, shared words)."""
    if not lead or not diff or diff[0][0] != "=":
        return diff
    rest = " ".join(diff[0][1].split()[lead:])
    return ((("=", rest),) if rest else ()) + diff[1:]


def _lead_in(x: Extracted) -> str:
    """The last LEAD_IN_WORDS words of the quote's sentence before it, as compared; "" when the
    quote opens its sentence."""
    at = x.claim.sentence.find(x.claim.text)
    words = quote_words(x.claim.sentence[:at]).split() if at > 0 else []
    return " ".join(words[-LEAD_IN_WORDS:]) if len(words) >= LEAD_IN_WORDS else ""


def diff(a: str, b: str) -> tuple[tuple[str, str], ...]:
    """The word diff of two wordings of one quote; of the sentence they share when the rest differs."""
    wa, wb = quote_words(a), quote_words(b)
    if min(len(wa), len(wb)) >= 20 and fuzz.partial_ratio(wa, wb) < QUOTE_MIN_SIMILARITY:
        pairs = [(fuzz.ratio(quote_words(x), quote_words(y)), x, y) for x in SENTENCE_BREAK.split(a)
                 for y in SENTENCE_BREAK.split(b)]
        if pairs:
            _, a, b = max(pairs)
    return word_diff(a, b)


def keys(x: Extracted) -> list[tuple]:
    """What a quote shares with another it may be: its speaker, and each pair of words in a row."""
    words = quote_words(x.claim.value).split()
    return [("s", x.speaker)] * bool(x.speaker) + sorted({("q", a, b) for a, b in zip(words, words[1:])})
