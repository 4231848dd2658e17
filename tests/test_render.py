"""Escaping for every context the renderer writes article text into."""
import re

import markdown
import pytest
from bs4 import BeautifulSoup

from briefing.render.escape import diff_html, md_text

HOSTILE = [
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", '<a href="javascript:alert(1)">x</a>',
    "<!-- material/tags -->", "[x](javascript:alert(1))", "![x](http://example.com/i.png)", "<http://example.com>",
    "[ref]: http://example.com", "{ onclick=alert(1) }", "{: .x onmouseover=alert(1) }", "*[HTML]: Hyper",
    '--8<-- "/etc/passwd"', "{{ config }} {% if %}", "a | b | c", "`code`", "# heading", "> quote", "- item",
    "1. item", "---", "**bold** _em_ ~~del~~ ==mark== ^^ins^^", "&amp; &lt; &#60;", "\\*not\\*", "  indented",
]


def render(md: str) -> BeautifulSoup:
    html = markdown.markdown(md, extensions=["attr_list", "tables", "toc", "md_in_html"])
    return BeautifulSoup(html, "html.parser")


@pytest.mark.parametrize("text", HOSTILE)
def test_md_text_renders_as_the_same_text_and_nothing_else(text):
    soup = render(md_text(text))
    assert [t.name for t in soup.find_all(True)] in (["p"], [])
    assert soup.get_text() == " ".join(text.split())


@pytest.mark.parametrize("text", HOSTILE)
def test_md_text_inside_a_table_cell_and_link_title(text):
    soup = render(f'| a | b |\n|---|---|\n| [{md_text(text)}](x.md "{md_text(text)}") | z |')
    cells = soup.find_all("td")
    assert len(cells) == 2 and cells[1].get_text() == "z"
    link = cells[0].find("a")
    assert link.get_text() == " ".join(text.split()) and link["title"] == " ".join(text.split())
    assert link["href"] == "x.md" and set(link.attrs) == {"href", "title"}


def test_control_and_bidi_characters_are_dropped():
    assert md_text("a\x00b\u202ec\x07d") == "abcd"


def test_diff_html_escapes_words():
    html = diff_html((("=", "a <b>"), ("-", "x"), ("+", "[y]")))
    soup = render(html)
    assert soup.find("del").get_text() == "x" and soup.find("ins").get_text() == "[y]"
    assert soup.find("b") is None


def synthetic_briefing(n_entities: int, n_articles: int = 1):
    from briefing.model import Article, Briefing, Entity, Mention, Segment
    names = [f"Zed{chr(65 + k % 26)}{k:04d} Person" for k in range(n_entities)]
    articles, entities = [], {name: [] for name in names}
    for a in range(n_articles):
        raw = f"Title {a}\n\n" + " and ".join(names) + "."
        body_start = raw.index("\n\n") + 2
        articles.append(Article(id=f"a{a}", file=f"seeds/a{a}.txt", raw=raw, title=f"Title {a}",
                                segments=(Segment("title", 0, len(f"Title {a}"), f"Title {a}"),
                                          Segment("paragraph", body_start, len(raw), raw[body_start:]))))
        for name in names:
            start = raw.index(name)
            entities[name].append(Mention(f"a{a}", 1, 0, 2, start, start + len(name), name, "PERSON"))
    ents = tuple(Entity(f"e{k}", name, "PERSON", (name,), tuple(entities[name])) for k, name in enumerate(names))
    return Briefing("Big", tuple(articles), ents, ())


def test_large_glossary_is_split_by_initial_and_links_follow():
    from briefing.render import pages
    from briefing.render.context import GLOSSARY_SPLIT
    out = pages(synthetic_briefing(GLOSSARY_SPLIT + 10))
    assert "glossary.md" not in out and "glossary/index.md" in out
    assert "glossary/z.md" in out
    article = next(text for path, text in out.items() if path.startswith("articles/"))
    assert 'href="../../glossary/z/#e0"' in article  # from articles/<slug>/ as MkDocs addresses pages
    assert 'href="../../articles/' in out["glossary/z.md"]


def test_backlinks_per_entry_are_capped():
    from briefing.render import pages
    from briefing.render.glossary import MAX_BACKLINKS
    out = pages(synthetic_briefing(2, n_articles=MAX_BACKLINKS + 5))
    entry = out["glossary.md"]
    assert entry.count("<li><a ") == 2 * MAX_BACKLINKS
    assert re.search(r'<a href="\.\./articles/[^"#]+/">… and 5 more paragraphs in 5 more articles</a>', entry)  # linked: the next article
