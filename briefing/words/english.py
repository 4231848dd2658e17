"""Closed classes of English words, each listed once, for every stage that needs them.

Month and weekday names are literal English lists, not `calendar.month_name` or `strftime("%B")`:
those follow the process's LC_TIME locale, and the articles (and the pages) are English whatever
the machine's language is.
"""
from __future__ import annotations

import re

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")  # date.weekday() order
CALENDAR_NAMES = frozenset(MONTHS + WEEKDAYS)  # a month or a day: a date's word, before it is a name
# Shortened forms news text writes (usually with a full stop): "Jan. 17", "Sept. 5", "Wed January 17".
MONTH_ABBREVIATIONS = ("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec")
WEEKDAY_ABBREVIATIONS = ("Mon", "Tue", "Tues", "Wed", "Thu", "Thurs", "Fri", "Sat", "Sun")

# Verbs that report speech, as lemmas: a quote's speaker is their subject (facts.quotes), and so is
# a person (entities.repair, through its own smaller choice of them, PERSON_SPEECH_VERBS).
SPEECH_VERBS = frozenset({"say", "add", "tell", "write", "warn", "note", "state", "declare", "ask", "explain",
                          "insist", "argue", "announce", "claim", "quote", "continue", "conclude", "reply",
                          "respond", "acknowledge", "admit", "emphasize", "stress", "predict", "urge", "caution",
                          "promise", "vow", "pledge", "confirm", "deny", "describe", "call", "recall", "suggest",
                          "tweet", "post", "threaten", "accuse", "agree", "complain", "concede", "boast",
                          "recount", "remark", "exclaim", "observe", "shout", "testify", "read"})
# The ones whose subject is a person even for a name the pipeline did not call one ("Haruto Velden
# said"): "call", "post" or "read" have things for subjects too.
PERSON_SPEECH_VERBS = frozenset({"say", "tell", "add", "write", "ask", "explain", "announce", "warn", "insist", "note",
                                 "recall", "testify", "reply", "respond", "claim", "argue"})
assert PERSON_SPEECH_VERBS <= SPEECH_VERBS

# Honorifics and abbreviated ranks before a name: "Mr Smith", "Sgt. Okoro", "Gov. Lee" are a surname.
# Not nameparser's 800 titles: made to parse a name string, they hold words that precede other
# things in running text ("army", "field", "high", "law", "first").
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "lord", "lady", "capt", "sgt", "lt",
                        "gov", "sen", "rep", "gen", "col", "maj", "cmdr", "adm", "insp", "det", "supt", "cpl",
                        "pvt", "prof", "rev", "fr", "hon", "atty", "cllr", "mme", "mlle", "herr", "frau"})
# Job titles before a name: "Defense Secretary Jane Roe", "Tarvo City Mayor Jo Arlow".
TITLE_NOUNS = frozenset({
    "secretary", "minister", "undersecretary", "chief", "spokesman", "spokeswoman", "spokesperson",
    "official", "officials", "adviser", "advisor", "director", "commissioner", "chairman", "chair",
    "head", "president", "ambassador", "envoy", "counterpart", "deputy", "general", "governor",
    "senator", "representative", "rep.", "sen.", "gov.", "gen.", "mayor", "king", "queen", "prince",
    "premier", "chancellor", "lawmaker", "leader", "editor", "correspondent", "analyst", "officer",
    "vice", "prime", "foreign", "defense", "attorney", "justice", "judge", "commander", "admiral", "coach",
    "manager", "captain", "founder", "executive", "professor", "owner",
})


def alternation(*lists: tuple[str, ...]) -> str:
    """A regular expression group matching any word of the lists, longest first."""
    words = sorted({w for words in lists for w in words}, key=lambda w: (-len(w), w))
    return "(?:" + "|".join(words) + ")"


def month_name(n: int) -> str:
    """1 -> "January"."""
    return MONTHS[n - 1]


def format_date(d, fmt: str) -> str:
    """`d.strftime(fmt)` for the directives %a, %b, %B, %-d and %Y, in English whatever the locale."""
    names = {"%a": WEEKDAYS[d.weekday()][:3], "%b": MONTHS[d.month - 1][:3], "%B": MONTHS[d.month - 1],
             "%-d": str(d.day), "%Y": str(d.year)}
    return re.sub(r"%-?[A-Za-z]", lambda m: names[m.group()], fmt)
