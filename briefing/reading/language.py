"""Which language an article is written in, so that one the pipeline cannot read is not annotated.

Detection is py3langid's (BSD-3-Clause; its model, of 142 languages in 0.4, ships inside the
package, 4.6 MB, nothing downloaded), over the first SAMPLE characters of the article's body.
An article is taken to be in another language only when that language wins clearly
(probability at least CONFIDENT) on enough text (MIN_LETTERS): a short English article full of
names stays English.
A pipeline of several languages (spaCy's `xx`) reads them all.

Chosen over lingua-language-detector (Apache-2.0): lingua is more accurate on a few words, but
an article is hundreds of words, where both were right on every development and evaluation text
and on invented German, French, Spanish, Italian, Dutch and Portuguese paragraphs; lingua's wheel
is 96 MB and its all-language detector took 0.9 GB and 25 s to load here, py3langid 130 MB and
about 1.5 s, then a few milliseconds per article.

Loading py3langid's model costs half a second of CPU a build, for a check whose answer is nearly
always "English" with the English pipeline. So an article whose sample is plainly English is
kept without loading the model: at least ENGLISH_SHARE of its words, among at least
ENGLISH_MIN_WORDS, are frequent English words that are rare in the other languages (the
development stories' articles run at 13-32 %, the German and French test texts at 0 %). Any
other article, and every article for another pipeline, is classified by the model as before.
"""
from __future__ import annotations

import dataclasses
import functools
import re

from ..model import Article, Diagnostic
from ..words.knowledge import language_name as name

SAMPLE = 1_000  # characters of the body read: the start of an article is in its language (a few ms)
MIN_LETTERS = 40
CONFIDENT = 0.9
MULTILINGUAL = "xx"
ENGLISH = "en"
# Frequent English words that are rare in the other languages py3langid tells apart
# (not "in", "is", "was", "on", "a", "an", "die", "for", "by": German, Dutch, French, Spanish, Norwegian...).
ENGLISH_WORDS = frozenset({"the", "and", "of", "to", "that", "with", "from", "this", "have", "has", "said", "which",
                           "would", "were", "their", "they", "been", "after", "about", "who"})
ENGLISH_SHARE = 0.08
ENGLISH_MIN_WORDS = 30


@functools.lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier  # loaded on first use: ~1.5 s

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect(text: str) -> str | None:
    """The ISO 639-1 code of the language `text` is clearly written in; None when unsure."""
    sample = text[:SAMPLE]
    if len(re.findall(r"[^\W\d_]", sample)) < MIN_LETTERS:
        return None
    code, probability = _identifier().classify(sample)
    return code if probability >= CONFIDENT else None


def plainly_english(text: str) -> bool:
    """Whether the start of `text` is plainly English: enough of its words are English function
    words (ENGLISH_WORDS) to need no model to say so."""
    words = re.findall(r"[^\W\d_]+", text[:SAMPLE].lower())
    return len(words) >= ENGLISH_MIN_WORDS and sum(w in ENGLISH_WORDS for w in words) >= ENGLISH_SHARE * len(words)


def flag(articles: list[Article], pipeline: str, model: str) -> tuple[list[Article], list[Diagnostic]]:
    """The articles, each written in another language than the pipeline's (`pipeline`, an ISO
    639-1 code) with `language` set to it, and a warning for each: it is published as text, without
    the entities or facts `model` would make up from a language it does not read."""
    if pipeline == MULTILINGUAL:
        return articles, []
    out, problems = [], []
    for a in articles:
        body = " ".join(s.text for s in a.segments if s.kind != "title")
        code = ENGLISH if pipeline == ENGLISH and plainly_english(body) else detect(body)
        if code is None or code == pipeline:
            out.append(a)
            continue
        out.append(dataclasses.replace(a, language=code))
        problems.append(Diagnostic("warning", a.file, f"written in {name(code)} ({code}), but the pipeline `{model}` "
                                                      f"reads {name(pipeline)}: published as text, without entities "
                                                      "or facts (they would be made up); remove the article, or "
                                                      f"give it a briefing of its own with a {name(code)} pipeline"))
    return out, problems
