"""site/subject.py's whole-word test answers as the regular expression it stands in for."""
import re
import sys

from briefing.site import subject


def _plain(text: str, words: str) -> bool:
    return bool(re.search(rf"(?<!\w){re.escape(words)}(?!\w)", text, re.IGNORECASE))


def test_the_lookalikes_are_every_character_ignorecase_matches_to_ascii():
    ascii_char = re.compile(r"[\x00-\x7f]", re.IGNORECASE)
    found = "".join(chr(c) for c in range(0x80, sys.maxunicode + 1) if ascii_char.fullmatch(chr(c)))
    assert found and all(subject._ASCII_LOOKALIKES.fullmatch(c) for c in found)
    assert not subject._ASCII_LOOKALIKES.search("".join(chr(c) for c in range(0x80, 0x3000) if chr(c) not in found))


def test_has_answers_as_the_pattern():
    titles = ["Harbour Council votes on the KELVIN dam…", "Kelvin Rovers’ coach quits", "the \u212aelvin scale",
              "Pa\u017fsage of the bill", "\u0130stanbul Derby ends level", "Lakeside: an orchard’s harvest",
              "Rovers-United", "Über-league plans", "übersee trade", "Σ signs", "ΑΣ"]
    words = ["kelvin", "Kelvin Rovers", "passage", "istanbul", "ıstanbul", "orchard", "orchard’s", "rovers",
             "united", "über", "ÜBER-LEAGUE", "league", "σ", "ας", "harbour council", "dam", "da", ""]
    for t in titles:
        for w in words:
            assert subject._has(t, w) == _plain(t, w), (t, w)
