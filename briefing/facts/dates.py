"""Dates: explicit, relative (resolved against the publication date) and weekdays, with the event
they date."""
from __future__ import annotations

import datetime as dt
import re

from ..model import ParsedArticle, Token
from .numbers import parse_number
from .sentences import Extracted, View, lemma, normalise, make_claim, span_text

MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december"]
MONTH_ABBR = {m[:3]: n + 1 for n, m in enumerate(MONTHS)} | {"sept": 9}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
DATE_CUE = re.compile(r"\b\d{4}\b|\d(st|nd|rd|th)\b|\d/\d|\b(" + "|".join(MONTHS + WEEKDAYS) + r"|ago|today|yesterday|tomorrow|tonight|"
                      r"(this|next|last|later|earlier)\s+(week|month|year|spring|summer|autumn|fall|winter))\b",
                      re.IGNORECASE)
DURATION_ONLY = re.compile(r"^(the\s+)?(past|last|next|coming|previous|recent)\b(?!.*\bago\b)|^\w+-(year|month|week|day)"
                           r"|^(weeks|months|years|days|decades?)$|^(\w+\s)?(weekly|daily|monthly|annual|yearly)$",
                           re.IGNORECASE)


def _iso_week(d: dt.date) -> str:
    return f"{d.isocalendar().year}-W{d.isocalendar().week:02d}"


def _iso_month(d: dt.date, shift: int) -> str:
    """The month `shift` months from d's month, as YYYY-MM."""
    month = d.month - 1 + shift
    return f"{d.year + month // 12}-{month % 12 + 1:02d}"


def resolve_date(text: str, published: dt.date | None, future: bool = False) -> tuple[str, str] | None:
    """A date expression -> (ISO prefix, granularity); None when it cannot be pinned down.
    A weekday is the latest one on or before the publication date, or with `future` (the
    sentence speaks of what will happen) the next one on or after it."""
    t = re.sub(r"^(in|on|at|since|by|during|until)\s+", "", text.strip().lower())
    t = re.sub(r"^(the\s+)?(early|late|later|earlier|mid|end of|beginning of)\s+", "", t)
    if t in WEEKDAYS and published:
        if future:
            d = published + dt.timedelta(days=(WEEKDAYS.index(t) - published.weekday()) % 7)
        else:
            d = published - dt.timedelta(days=(published.weekday() - WEEKDAYS.index(t)) % 7)
        return d.isoformat(), "day"
    if t in ("today", "tonight") and published:
        return published.isoformat(), "day"
    if t == "yesterday" and published:
        return (published - dt.timedelta(days=1)).isoformat(), "day"
    m = re.fullmatch(r"(this|last|next) (week|month|year)", t)
    if m and published:
        shift = {"this": 0, "last": -1, "next": 1}[m.group(1)]
        if m.group(2) == "year":
            return str(published.year + shift), "year"
        if m.group(2) == "month":
            return _iso_month(published, shift), "month"
        return _iso_week(published + dt.timedelta(weeks=shift)), "week"
    m = re.fullmatch(r"(\S+(?: \S+)?) (day|week|month|year)s? ago", t)
    if m and published:
        n = parse_number(m.group(1))
        if n:
            k = int(n[0])
            unit = m.group(2)
            if unit == "day":
                return (published - dt.timedelta(days=k)).isoformat(), "day"
            if unit == "week":
                return _iso_week(published - dt.timedelta(weeks=k)), "week"
            if unit == "month":
                return _iso_month(published, -k), "month"
            return str(published.year - k), "year"
    m = re.fullmatch(r"([a-z]+)\.?(?: (\d{1,2}))?(?:,? (\d{4}))?", t)
    if m and m.group(1)[:3] in MONTH_ABBR and (m.group(1) in MONTHS or len(m.group(1)) <= 5):
        month = MONTH_ABBR[m.group(1)[:3]]
        year = int(m.group(3)) if m.group(3) else None
        if year is None and published:
            year = published.year if month <= published.month else published.year - 1
        if year is None:
            return None
        if m.group(2):
            return f"{year}-{month:02d}-{int(m.group(2)):02d}", "day"
        return f"{year}-{month:02d}", "month"
    m = re.fullmatch(r"(\d{4})", t)
    if m:
        return m.group(1), "year"
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", t)
    if m:
        return t, "day"
    return None


def _coarse(iso: str, gran: str, to: str) -> str:
    if to == gran:
        return iso
    if to == "year":
        return iso[:4]
    if to == "month" and gran == "day":
        return iso[:7]
    if to == "week" and gran == "day":
        return _iso_week(dt.date.fromisoformat(iso))
    return iso


GRAN_ORDER = {"day": 0, "week": 1, "month": 2, "year": 3}


def dates_agree(a: Extracted, b: Extracted) -> bool:
    if not a.granularity or not b.granularity:
        return normalise(a.claim.text) == normalise(b.claim.text)
    if {a.granularity, b.granularity} == {"week", "month"}:
        return True  # a week may straddle two months: not a difference
    coarse = max(a.granularity, b.granularity, key=GRAN_ORDER.get)
    return _coarse(a.claim.value, a.granularity, coarse) == _coarse(b.claim.value, b.granularity, coarse)




def extract(pa: ParsedArticle, si: int, sents: View) -> list[Extracted]:
    seg = pa.segments[si]
    toks = seg.tokens
    raw = pa.article.raw
    published = _published(pa.article.date)
    out = []
    for ent in seg.ents:
        if ent.label not in ("DATE", "TIME"):
            continue
        s = ent.start
        while s < ent.end and not DATE_CUE.search(toks[s].text) and not toks[s].tag == "CD" and \
                toks[s].text.lower() not in ("this", "last", "next", "later", "earlier", "early", "late", "mid"):
            s += 1  # "the post seven months ago" -> "seven months ago"
        if s >= ent.end:
            continue
        start, end, text = span_text(raw, toks, s, ent.end)
        if not DATE_CUE.search(text) or DURATION_ONLY.search(text):
            continue
        sent = toks[s].sent
        s0, s1 = seg.sents[sent]
        future = any(t.tag == "MD" or lemma(t) in FUTURE_WORDS for t in toks[s0:s1])
        resolved = resolve_date(text, published, future)
        ents = frozenset(sents.ids.get((pa.article.id, si, sent), ()))
        value, gran = resolved if resolved else (text, "")
        claim = make_claim(pa, si, sent, start, end, value)
        out.append(Extracted(claim, "date", ("date",), granularity=gran, entities=ents,
                             subject=_event(toks, s)))
    return out


def _published(date: str | None) -> dt.date | None:
    if not date:
        return None
    try:
        return dt.date.fromisoformat(str(date)[:10])
    except ValueError:
        return None


def _event(toks: tuple[Token, ...], i: int) -> str:
    """'Carter took': the verb a date hangs from, with its subject."""
    seen = 0
    while toks[i].pos not in ("VERB", "AUX") and toks[i].head != i and seen < 10:
        i = toks[i].head
        seen += 1
    verb = toks[i]
    subj = next((t for t in toks if t.head == verb.i and t.dep in ("nsubj", "nsubjpass")), None)
    return f"{subj.text} {verb.text}" if subj is not None and verb.pos in ("VERB", "AUX") else verb.text


FUTURE_WORDS = frozenset({"expect", "schedule", "plan", "due", "upcoming", "next"})
