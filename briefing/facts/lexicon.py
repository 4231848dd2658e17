"""Words the fact extractors need to know: units, synonyms of counted things, classes of events.

General news vocabulary, not the names of any one story. No maintained data package that ships
its data fits here (checked twice: `wn` and NLTK download WordNet at run time, `oewn-core` is the
Open English WordNet loader without the data, the wheels that bundle NLTK's files are unmaintained
repackagings; and WordNet's hypernyms do not join "war" with "uprising", "shooting" with "attack"
or "dead" with "killed"), so the classes are small and listed here, each a set of words that
report the same thing.
"""
from __future__ import annotations

from ..words import english

# Nouns that count the same kind of thing under different words (lemmas).
THING_CLASSES = {
    "aircraft": {"aircraft", "plane", "jet", "airplane", "warplane", "airliner", "bomber"},
    "vehicle": {"vehicle", "car", "automobile", "truck", "van", "suv"},
    "armed conflict": {"war", "conflict", "uprising", "insurgency", "rebellion", "revolt", "civil war", "fighting"},
    "people": {"people", "person", "man", "woman", "individual", "civilian", "resident", "citizen", "victim",
               "adult", "passenger", "worker", "toll", "casualty", "fatality", "death"},  # a toll counts people
    "soldier": {"soldier", "troop", "serviceman", "servicemember", "service member"},
    "lawmaker": {"lawmaker", "legislator", "mp", "deputy", "parliamentarian", "member of parliament",
                 "congressman", "senator", "representative"},
    "job": {"job", "position", "post", "role"},
    "accident": {"accident", "crash", "collision", "incident"},
    "earthquake": {"earthquake", "quake", "temblor", "tremor"},
    "supporter": {"supporter", "fan", "backer"},  # a cheerleader performs; 40 cheerleaders are not 40 fans
    "signature": {"signature", "vote", "signatory"},
    "child": {"child", "kid", "minor", "boy", "girl", "infant", "baby", "toddler"},
}
CLASS_OF = {word: cls for cls, words in THING_CLASSES.items() for word in words}
# Kinds of a broader word that are not its synonyms: "40 cheerleaders" may be called "40
# supporters", but 40 cheerleaders are not 40 fans (two kinds of supporter).
KIND_OF = {"cheerleader": "supporter"}


def kinds_of(word: str) -> set[str]:
    """What a counted word may be matched by besides itself: its synonym class ("class:people"),
    named apart from any word; and a kind's broader word ("supporter" for "cheerleader"), which
    meets that word but not its synonyms ("fan")."""
    found = {f"class:{CLASS_OF[word]}"} if word in CLASS_OF else set()
    return found | ({KIND_OF[word]} if word in KIND_OF else set())

# Verbs, adjectives and nouns that report the same event about a count of people or things.
EVENT_CLASSES = {
    "death": {"kill", "killed", "die", "dead", "death", "fatality", "slay", "perish", "toll", "life"},
    "injury": {"injure", "injured", "wound", "wounded", "hurt", "injury", "hospitalize", "hospitalized",
               "hospital", "critical"},
    "missing": {"missing", "miss", "unaccounted"},
    "displaced": {"evacuate", "evacuation", "flee", "displace", "displaced", "homeless", "shelter", "evacuee"},
    "arrest": {"arrest", "detain", "detention", "custody", "jail"},
    "charge": {"charge", "count", "indict", "indictment"},
    "payment": {"pay", "payment", "receive", "compensation", "award", "payout", "fund", "settlement"},
}
EVENT_OF = {word: cls for cls, words in EVENT_CLASSES.items() for word in words}
# Words of two senses that report their event only in the plural or with a number: "three counts of
# fraud" (not "the count of ballots", a tally), "claimed 30 lives" (not "15 years to life", a sentence).
EVENT_SENSES = frozenset({"count", "life"})

# Words that name the same incident, for telling which event a date belongs to (not what happened
# to counted people: "five injured in the attack" and "six killed in the attack" stay apart).
INCIDENT_CLASSES = {
    "attack": {"attack", "shooting", "shoot", "gunfire", "bombing", "assault", "massacre", "rampage", "stabbing"},
    "meeting": {"meeting", "meet", "summit", "talks", "conference", "gathering"},
    "release": {"release", "free", "parole", "discharge"},
}
INCIDENT_OF = {word: cls for cls, words in INCIDENT_CLASSES.items() for word in words}

# Ages of these are not people's ages.
ANIMALS = frozenset({"dog", "cat", "horse", "pet", "animal", "bird", "cow", "puppy", "kitten", "pony"})

# Counted things too common to pair on their own: they need the same event as well.
GENERIC_THINGS = frozenset({"people", "time", "thing", "part", "one", "number", "point", "official", "member",
                            "other", "unit", "case", "way", "year", "day", "week", "month", "hour", "minute",
                            "tally", "total"})  # "its death toll tally": the toll

# Durations: unit word -> (unit, its length in days).
TIME_UNITS = {"minute": ("minute", 1 / 1440), "hour": ("hour", 1 / 24), "day": ("day", 1.0),
              "week": ("week", 7.0), "month": ("month", 30.44), "year": ("year", 365.25),
              "decade": ("decade", 3652.5)}
# Lengths: unit word -> (unit, its length in kilometres): "20 km" and "12 miles" compare.
LENGTH_UNITS = {"kilometer": 1.0, "kilometre": 1.0, "km": 1.0, "mile": 1.609, "meter": 0.001, "metre": 0.001,
                "m": 0.001, "foot": 0.0003048, "feet": 0.0003048, "ft": 0.0003048, "yard": 0.0009144, "inch": 2.54e-5, "inches": 2.54e-5}
# Other measures whose figure is compared as it stands.
MEASURE_UNITS = frozenset({"magnitude", "gallon", "liter", "litre", "ton", "tonne", "kilogram", "kg", "pound",
                           "acre", "hectare", "degree", "story", "storey", "floor", "centimeter"})
# "a 40-person choir", "a 60-strong squad": the size of the noun that follows.
GROUP_SIZE_WORDS = frozenset({"member", "person", "strong", "piece", "man", "seat", "bed", "room"})

CURRENCY_SIGNS = {"$": "$", "US$": "$", "€": "€", "£": "£", "¥": "¥", "₹": "₹", "C$": "C$", "A$": "A$", "HK$": "HK$"}
# Scales of a figure: "3.4 million"; and as letters after an amount of money: "$12m", "$3bn", "$1tn".
# Checked before writing this rule: price-parser (BSD) reads "$12m" as 12 and knows no scale;
# quantulum3 (MIT, 10 MB) reads "$37m" as 41 dollar-metres, "$3bn" as dollar-barn-newtons,
# "€4.5 billion" as 1, and its first call took 14 s: neither beats one table of scales.
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
          "k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "b": 1e9, "bn": 1e9, "tn": 1e12}
CURRENCY_WORDS = {"dollar": "$", "euro": "€", "pound": "£", "yen": "¥", "yuan": "yuan", "rupee": "rupee"}
PERCENT_WORDS = frozenset({"percent", "per cent", "%", "percentage"})

# Amounts that are not figures: they pair only with the same word.
VAGUE = {"hundreds": 100, "thousands": 1_000, "millions": 1_000_000, "billions": 1_000_000_000,
         "dozens": 12, "scores": 20, "several": 3, "tens of thousands": 10_000, "hundreds of thousands": 100_000}


# Time zones a time of day is given in: abbreviation -> its offsets from UTC in hours, winter and
# summer where the abbreviation names both ("ET" is EST or EDT); a time in one compares with another's in UTC.
TIME_ZONES = {"et": (-5, -4), "est": (-5, -5), "edt": (-4, -4), "ct": (-6, -5), "cst": (-6, -6), "cdt": (-5, -5),
              "mt": (-7, -6), "mst": (-7, -7), "mdt": (-6, -6), "pt": (-8, -7), "pst": (-8, -8), "pdt": (-7, -7),
              "gmt": (0, 0), "utc": (0, 0), "bst": (1, 1), "cet": (1, 1), "cest": (2, 2)}


# Calendar words: dates reads them, numbers keeps "March 3" from being a count, sentences ignores
# them when it compares what two sentences are about.
MONTHS = [m.lower() for m in english.MONTHS]
MONTH_ABBREVIATIONS = frozenset({m[:3] for m in MONTHS} | {"sept"})
WEEKDAYS = [d.lower() for d in english.WEEKDAYS]

# How many a vague word counts, fewest and most, the one table every reader of these words uses:
# before a unit of time ("a few weeks ago": 2 to 5 weeks, "several weeks ago": 3 to 9) and before a
# round number, up to just under the next count ("a few thousand": 2,000-5,999, "several hundred":
# 300-999, "a couple hundred": 200-399); "several" alone ("several fans") is 3 to 9.
VAGUE_LEAD = {"several": (3, 9), "few": (2, 5), "couple": (2, 3)}
