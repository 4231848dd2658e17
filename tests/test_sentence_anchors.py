"""Every sentence a backlink or a fact points at has its anchor on the article page, even where
the parser began a sentence inside a name the entity stage joined (real parse: after a
no-break space, the model starts a sentence at the surname of "wrote Farid Moreaua")."""
import dataclasses
import re
import shutil

from briefing.build import gather
from briefing.plugin.settings import load_settings

from conftest import ROOT

ARTICLE = ("Rovers start the season\n\n"
           "\u201cEveryone at the club agrees that the season must start well, even though they disagree on how "
           "to do it,\u201d\u00a0wrote\u00a0Farid Moreaua, an analyst with the Velmar Sports Institute. "
           "\u201cThe board is unlikely to wait.\u201d\n\n"
           "Moreaua has covered the club for a decade.\n")
OTHER = "Rovers open at home\n\nThe analyst Farid Moreaua expects a full stadium on Saturday.\n"


def test_a_sentence_begun_inside_a_name_keeps_its_anchor_before_the_name(tmp_path, parser):
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    (tmp_path / "docs").mkdir()
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds/season.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "seeds/home.txt").write_text(OTHER, encoding="utf-8")
    doc = parser.nlp(ARTICLE.split("\n\n")[1])
    assert any(s.text.startswith("Moreaua,") for s in doc.sents), "the model changed: find a new case"
    settings, _, problems = load_settings(tmp_path / "mkdocs.yml")
    assert not problems
    pages = gather(dataclasses.replace(settings, articles={}), tmp_path, parser).pages
    linked = {(page, anchor) for text in pages.values()
              for page, anchor in re.findall(r'href="\.\./articles/([^/"#]+)/#(s-\d+)"', text)}
    assert linked, "no backlink to a sentence"
    for page, anchor in linked:
        text = next(t for path, t in pages.items() if path.endswith(f"articles/{page}.md"))
        assert f'id="{anchor}"' in text, (page, anchor)
    season = next(t for path, t in pages.items() if path.endswith("articles/rovers-start-the-season.md"))
    assert re.search(r'<span class="bf-s" id="s-\d+"></span><a [^>]*>Farid Moreaua</a>', season)
