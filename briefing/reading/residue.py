"""Scraper residue: lines of page furniture that are not part of the article (photo credits,
captions, calls to action, short lines repeated on the page). General patterns, no outlet names."""
from __future__ import annotations

import re
import unicodedata
from collections import Counter

from ..text import SENTENCE_END, clean_text
from ..words.english import MONTH_ABBREVIATIONS, MONTHS, WEEKDAY_ABBREVIATIONS, WEEKDAYS, alternation

# Calls to action and page furniture left by scrapers: short imperative lines, no sentence end.
# Each alternative ends at a word boundary: "Share this" is a prompt, "Shares fell" a headline.
_PROMPT = re.compile(
    r"^(sign up|subscribe|follow us|follow|share( this)?|like us|get (email|e-mail|the latest|our)|"
    r"find .+ on (your )?(tv|facebook|twitter|instagram|youtube|the app)|download|click here|"
    r"read more|read:|watch( live)?|listen|advertisement|related:|recommended|more from|"
    r"story highlights|read or share this story|close|replay|more videos|videos?|photos?|gallery|don'?t miss|"
    r"(order )?reprints|"
    r"(email|print|tweet|comment)s?)(?!\w)",
    re.IGNORECASE,
)
_TEASER = re.compile(r"^(read|watch|related|(see|read) (also|more)|more|also( read)?|don'?t miss|(like|follow) us on \w+)"
                     r"\s*:", re.IGNORECASE)
# the heading of a box of links to other stories: "More on the flood:", "Related coverage:", "ALSO:"
_TEASER_HEAD = re.compile(r"^(more (on|about|from)|related|see also|also|read more|top stories|recommended|"
                          r"editor'?’?s picks|you (may|might) also like|further reading)\b[^.!?:]{0,60}:$",
                          re.IGNORECASE)
# a page's section label on a line of its own: "Columnist", "ADVERTISING"
_LABEL = re.compile(r"^(columnist|opinion|advertising|advertisement|sponsored( content)?|interactives?)$",
                    re.IGNORECASE)
TEASER_WORDS = 16  # words of a teaser box's line at most
_CAPTION = re.compile(r"^(photo|photograph|image|picture|video|credit|illustration|graphic)s?( by| credit)?\s*:",
                      re.IGNORECASE)
_CREDIT = re.compile(r"^[^/.!?]{2,60}(\s/\s[^/.!?]{2,60}){1,3}$")
# Words of a photo credit itself, never an outlet's name: "Jane Doe / Handout", "Staff / File".
_CREDIT_WORDS = re.compile(r"\b(photo|photos|image|images|file|via|handout|courtesy|pool)\b", re.IGNORECASE)
# Lines of any length that only page furniture has: a photo caption closed by its credit
# ("… (Associated Press)", "… (Jane Doe/Daily News)", "… REUTERS/Jane Doe", "… via REUTERS"), a
# video widget ("JUST WATCHED … Replay More Videos … 02:41"), a slideshow counter, an embedded post
# signed with a handle ("… —@cityhall"), a rule of underscores, a player's error message.
_FURNITURE = (
    # "… prayers,... (Associated Press)": a credit is a name of a few words, not a sentence in brackets
    # ("… (Read our full timeline of the flood here.)" ends a paragraph of the text)
    re.compile(r"[.!?,…\"”’]\s*(\([A-Z][\w.&'’-]*(?:[ -]+[\w.&'’-]+){0,5}\s*(/[^()]*)?\)\s*)+$"),
    re.compile(r"\((?:[A-Z][\w.'’&-]*+\s?)++/[A-Z][^()/:]*\)\s*$"),  # "… (Jane Doe/Daily News)", not a URL
    re.compile(r"\b[A-Z]{2,}/[A-Z][a-z][\w.'’-]*( [A-Z][\w.'’-]*)*\s*$"),  # "… REUTERS/Jane Doe"
    re.compile(r"\bvia [A-Z]{2,}\s*$|\(via [^()]+\)\s*$"),  # "… Handout via REUTERS", "… (via Facebook)"
    re.compile(r"^\([A-Z0-9 ,.'’!:-]+\)$"),  # "(SCROLL DOWN FOR LIVE UPDATES)"
    re.compile(r"^newsletter sign[ -]?up\b", re.IGNORECASE),
    re.compile(r"^(JUST WATCHED|MUST WATCH)\b"),
    re.compile(r"^\d{1,2}:\d{2}(:\d{2})?$"),  # a bare running time
    re.compile(r"^slideshow \(\d+ (images?|photos?)\)$", re.IGNORECASE),
    re.compile(r"[—–-]\s*@\w+(\s*\([^()]*\))?\s*$"),
    re.compile(r"^_{3,}$"),  # "___", the wires' separator before the credit line
    re.compile(r"^media playback is (unsupported|not supported) on your device", re.IGNORECASE),
    # a caption by its label, or a slideshow's: "Image copyright … Image caption …", "View Slideshow …"
    re.compile(r"^(image|photo|media|video) (copyright|caption|credit)\b", re.IGNORECASE),
    re.compile(r"^(view|see|open) (the )?(slideshow|gallery|photos|images)\b", re.IGNORECASE),
    re.compile(r"^FILE( PHOTO)?\s*(-{1,2}|—|–|:)\s"),  # "FILE - In this May 3 photo, …": an archive photo's caption
    re.compile(r"^editor'?’?s picks\b", re.IGNORECASE),  # a widget of other stories
)

# Dates and times as a chronology box or a live page writes them at the start of a line
_MONTH = alternation(MONTHS, MONTH_ABBREVIATIONS) + r"\.?"
_WEEKDAY = alternation(WEEKDAYS, WEEKDAY_ABBREVIATIONS) + r"\.?,?\s+"
_CLOCK = r"\d{1,2}(:\d{2})?\s*[ap]\.?\s?m\.?(\s+[A-Z]{2,4})?"  # "2 p.m.", "10:15 a.m. EDT"
_DAY = rf"({_MONTH}\s+\d{{1,2}}(,?\s+\d{{4}})?|\d{{1,2}}\s+{_MONTH}(\s+\d{{4}})?|{_MONTH}\s+\d{{4}})"
# a line that is only a date or a time: the heading of a live page's entry, a chronology's date
_ONLY_WHEN = re.compile(rf"^({_WEEKDAY})?({_DAY}(,?\s+({_CLOCK}))?|{_CLOCK})\.?$", re.IGNORECASE)
# a line of a chronology: a date, a year or a time, a separator, then a few words
_DATED = re.compile(rf"^({_WEEKDAY})?({_DAY}|\d{{4}}|{_CLOCK})\s*(:|-{{1,2}}|—|–)\s*\S", re.IGNORECASE)
CHRONOLOGY_RUN = 3  # dated short lines in a row that make a chronology box
CHRONOLOGY_WORDS = 20  # words of a chronology's line at most


# Lines of up to CALL_WORDS words that ask the reader to do something or say how to reach the
# writer, whatever punctuation ends them: "Sign up for our newsletter to get…", "Write to Jane Roe
# at jroe@example.org", "Get the latest updates in your inbox. Subscribe to …". A sentence must
# start with the call (or hold an address and a way to reach it): "Officers followed the car" stays.
CALL_WORDS = 40
_CALL = re.compile(r"(?:^|(?<=[.!?]\s))(?:sign up\b|subscribe (?:to|now|today)\b|follow (?:us|me|him|her|them|@)|"
                   r"download (?:our|the) \w+ app|click (?:here|to)\b|get (?:the latest|our|unlimited|breaking)\b|"
                   r"write to \S.{0,60}? at \S+@|send (?:us )?(?:a tip|tips|your)\b|have a (?:news )?tip\?|"
                   r"copyright\b|©)|\ball rights reserved\b|\bfor (?:your )?personal,? non-?commercial use\b|"
                   r"\bmay not be (?:re)?published, broadcast\b", re.IGNORECASE)
_CONTACT = re.compile(r"\b(?:reached|contact|write to|e-?mail)\b[^.!?]{0,60}?\b[\w.+-]{1,64}@[\w-]{1,63}\.\w", re.IGNORECASE)
# "Updated at 1:23 p.m.", "(Published Tuesday, March 12, 2024)": when the page was written, not the story.
# After the word, only what a date or time is written with: numbers, capitalised names (months,
# weekdays, time zones), "at", "on", "a.m.", "p.m.". "Updated figures show 400 …" stays.
_STAMP = re.compile(r"^\(?(?:first |last )?(?:published|updated|posted|modified)(?: on| at)?:?\s+([^()]{1,60})\)?$",
                    re.IGNORECASE)
_STAMP_WORD = re.compile(r"[\d:./,-]+|[A-Z][A-Za-z]*\.?,?|at|on|[ap]\.?m\.?,?")


def _is_stamp(text: str) -> bool:
    m = _STAMP.match(text)
    if not m or not re.search(r"\d", m.group(1)):
        return False
    return all(_STAMP_WORD.fullmatch(w) for w in m.group(1).split())


def is_residue(line: str) -> bool:
    """A scraper's leftovers: photo captions and credits, calls to action, video widgets (general
    patterns, no outlet names)."""
    text = clean_text(line)
    words = text.split()
    if not words:
        return False
    if any(p.search(text) for p in _FURNITURE) or _ONLY_WHEN.match(text) or _LABEL.match(text):
        return True
    if len(words) <= CALL_WORDS and (_CALL.search(text) or _CONTACT.search(text)) or _is_stamp(text):
        return True
    if _CAPTION.match(text) and len(words) <= 30:  # "Photo: Jane Doe/AP", "Image: Crews at the port"
        return True
    if _TEASER.match(text) and len(words) <= 25:  # "READ: Mayor quits …", "LIKE US ON FACEBOOK: Our page …"
        return True
    if len(words) > 14 or SENTENCE_END.search(text) and not text.endswith(":"):
        return False
    if _CREDIT.match(text) and (_CREDIT_WORDS.search(text) or text.count(" / ") >= 2):
        return True
    return bool(_PROMPT.match(text))


def repeated(lines: list[str]) -> set[int]:
    """Indices of short lines without a sentence end that occur more than once (share prompts,
    bylines, widget labels repeated down the page)."""
    keys = [unicodedata.normalize("NFKC", clean_text(line)).casefold() for line in lines]
    counts = Counter(keys)
    return {n for n, (line, key) in enumerate(zip(lines, keys))
            if counts[key] > 1 and len(key.split()) <= 14 and not SENTENCE_END.search(line)}


# A headline of another story left between two paragraphs of the text (a link whose teaser box
# was lost): a line of its own, HEADLINE_WORDS words, no sentence end, written in sentence case.
HEADLINE_WORDS = (6, 16)
PROSE_WORDS = 12  # words of a paragraph of the text at least, around such a line


def stray_headlines(lines: list[str], alone: list[bool]) -> set[int]:
    """Indices of lines that are other stories' headlines: a line standing alone (`alone`: blank
    lines around it) between two lines of prose that end a sentence, with no sentence end, no
    label before a colon, in sentence case ("Storm closes three ski resorts in the north"). A
    section heading is shorter or capitalised ("THE INVESTIGATION", "What Comes Next")."""
    texts = [clean_text(line) for line in lines]

    def prose(n: int) -> bool:
        return 0 <= n < len(texts) and len(texts[n].split()) >= PROSE_WORDS and bool(SENTENCE_END.search(texts[n]))

    def sentence_case(text: str) -> bool:
        long = [w for w in text.split()[1:] if len(w) > 3 and w[:1].isalpha()]
        return text[:1].isupper() and not text.isupper() and sum(w[:1].isupper() for w in long) * 2 < len(long)

    return {n for n, text in enumerate(texts)
            if alone[n] and HEADLINE_WORDS[0] <= len(text.split()) <= HEADLINE_WORDS[1] and ":" not in text
            and not SENTENCE_END.search(text) and sentence_case(text) and prose(n - 1) and prose(n + 1)}


def boxes(lines: list[str]) -> set[int]:
    """Indices of the lines of a box set in the article that is not its text: a chronology
    (CHRONOLOGY_RUN or more short lines in a row, each opening with a date, a year or a time and a
    separator: "1998: Plant opens", "March 3 — …"; other residue lines between them, a rule of
    underscores, do not break the run), and a box of teasers (a heading such as "More on the
    flood:" and the short unpunctuated lines after it, the other stories' headlines). A
    chronology sums up the story's past, teasers are other stories: neither is the article's."""
    out: set[int] = set()
    run: list[int] = []
    teasers = False
    for n, line in enumerate([*lines, ""]):
        text = clean_text(line)
        words = len(text.split())
        if teasers and text and words <= TEASER_WORDS and not SENTENCE_END.search(text):
            out.add(n)
            continue
        teasers = bool(_TEASER_HEAD.match(text)) and words <= 10
        if teasers:
            out.add(n)
        if text and _DATED.match(text) and words <= CHRONOLOGY_WORDS:
            run.append(n)
        elif text and run and is_residue(text):
            continue
        else:
            if len(run) >= CHRONOLOGY_RUN:
                out.update(run)
            run = []
    return out
