"""An article not in the pipeline's language (reading/language.py): a warning naming it and the
language; published as text, with no entity or fact made from it by a model that reads another
language. Invented text."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from briefing.cli import main
from briefing.model import Article, Segment
from briefing.nlp import parser as nlp_stage
from briefing.reading import language

GERMAN = ("Der Stadtrat von Kaldheim hat am Montag beschlossen, die alte Hafenbrücke für den Verkehr zu sperren. "
          "Die Ingenieure fanden Risse in zwei Pfeilern, sagte Bürgermeisterin Anna Weber. Die Fähre nach Lunden "
          "fährt ab Mittwoch dreimal am Tag.")
FRENCH = ("Le conseil municipal a décidé lundi de fermer le vieux pont du port à la circulation. Les ingénieurs "
          "ont trouvé des fissures dans deux piliers, a déclaré la maire.")
ENGLISH = ("The council of Kaldheim decided on Monday to close the old harbour bridge to traffic. Engineers found "
           "cracks in two piers, Mayor Anna Weber said. The ferry to Lunden will run three times a day.")


def article(aid: str, text: str) -> Article:
    return Article(id=aid, file=f"seeds/{aid}.txt", raw=text, title=aid,
                   segments=(Segment("paragraph", 0, len(text), text),))


@pytest.mark.parametrize("text, code", [(GERMAN, "de"), (FRENCH, "fr"), (ENGLISH, "en"),
                                        ("Kaldheim, Lunden.", None)])  # too little to tell
def test_detect(text, code):
    assert language.detect(text) == code


def test_an_article_in_another_language_is_flagged_with_a_warning_naming_it():
    got, problems = language.flag([article("bruecke", GERMAN), article("bridge", ENGLISH)], "en", "en_core_web_sm")
    assert [a.language for a in got] == ["de", None]
    assert [(p.level, p.file) for p in problems] == [("warning", "seeds/bruecke.txt")]
    assert "written in German (de), but the pipeline `en_core_web_sm` reads English" in problems[0].message
    assert language.flag([article("bruecke", GERMAN)], "xx", "xx_ent_wiki_sm") == ([article("bruecke", GERMAN)], [])


def test_the_build_publishes_it_as_text_without_entities_or_facts(tiny, monkeypatch, nlp):
    (tiny / "seeds" / "bruecke.txt").write_text("Hafenbrücke gesperrt\n\n" + GERMAN + "\n", encoding="utf-8")
    real = nlp_stage.load_pipeline
    monkeypatch.setattr(nlp_stage, "load_pipeline", lambda name: nlp if name == nlp_stage.DEFAULT_MODEL else real(name))
    monkeypatch.chdir(tiny)
    result = CliRunner().invoke(main, ["build"], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    assert "WARNING  - seeds/bruecke.txt: written in German (de), but the pipeline" in result.stderr
    strict = CliRunner().invoke(main, ["build", "--strict"], catch_exceptions=False)
    assert strict.exit_code == 1
    data = json.loads((tiny / "docs/briefing/briefing.json").read_text(encoding="utf-8"))
    assert {a["id"]: a["language"] for a in data["articles"]} == {"courier": None, "radio": None, "bruecke": "de"}
    assert not [m for e in data["entities"] for m in e["mentions"] if m["article"] == "bruecke"]
    assert not [c for f in data["facts"] for c in f["claims"] if c["article"] == "bruecke"]
    assert any(m["article"] == "courier" for e in data["entities"] for m in e["mentions"])  # the others are read
    page = next((tiny / "docs/briefing/articles").glob("*hafenbr*.md")).read_text(encoding="utf-8")
    assert "Not annotated: this article is written in German" in page and "Ingenieure fanden Risse" in page


def test_plainly_english_text_is_kept_without_loading_the_model():
    """The shortcut (ENGLISH_WORDS): English text is kept as English with the model never loaded;
    text in another language, too little text, or another pipeline still goes to the model."""
    assert language.plainly_english(ENGLISH)
    assert not language.plainly_english(GERMAN) and not language.plainly_english(FRENCH)
    assert not language.plainly_english("The council and the mayor of Kaldheim.")  # too few words to tell
    language._identifier.cache_clear()
    got, problems = language.flag([article("bridge", ENGLISH)], "en", "en_core_web_sm")
    assert [a.language for a in got] == [None] and problems == []
    assert language._identifier.cache_info().currsize == 0  # py3langid's model not loaded
    got, problems = language.flag([article("bridge", ENGLISH), article("bruecke", GERMAN)], "de", "de_core_news_sm")
    assert [a.language for a in got] == ["en", None] and [p.file for p in problems] == ["seeds/bridge.txt"]
    assert language._identifier.cache_info().currsize == 1
