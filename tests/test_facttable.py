"""Fact tables on pages: order, folding behind a <details> toggle, permanent row anchors, the export."""
import json

import markdown
from bs4 import BeautifulSoup

from briefing.facts.rows import with_ids
from briefing.facts.sentences import EXCERPT, excerpt
from briefing.model import Article, Briefing, Claim, Entity, Fact, Mention, Segment
from briefing.render import pages
from briefing.render.context import Context
from briefing.render.facttable import MAX_SINGLE_SHOWN, ordered


def article(aid: str, n_sentences: int) -> Article:
    raw = "Title\n\n" + " ".join(f"Sentence {k} says {k + 10} boats sailed." for k in range(n_sentences))
    return Article(id=aid, file=f"seeds/{aid}.txt", raw=raw, title=f"Title {aid}",
                   segments=(Segment("title", 0, 5, "Title"), Segment("paragraph", 7, len(raw), raw[7:])))


def claim(a: Article, k: int) -> Claim:
    text = f"{k + 10} boats"
    start = a.raw.index(f"says {text}") + 5
    sentence = f"Sentence {k} says {text} sailed."
    s0 = a.raw.index(sentence)
    return Claim(a.id, 1, start, start + len(text), text, str(k + 10), sentence, s0, s0 + len(sentence))


def briefing(n_single: int, n_cross: int = 2) -> Briefing:
    a, b = article("a", n_single + n_cross), article("b", n_cross)
    facts = [Fact("", "number", "agree", "boat", (claim(a, k), claim(b, k))) for k in range(n_cross)]
    facts += [Fact("", "quote", "single", "Jo Marsh", (claim(a, n_cross + k),)) if k == 4 else
              Fact("", "number", "single", "boat", (claim(a, n_cross + k),)) for k in range(n_single)]
    return Briefing("T", (a, b), (), tuple(with_ids(facts)))


def html(md: str) -> BeautifulSoup:
    return BeautifulSoup(markdown.markdown(md, extensions=["attr_list", "tables", "toc", "md_in_html"]),
                         "html.parser")


def article_page(b: Briefing, n: int = 0) -> BeautifulSoup:
    out = pages(b)
    return html(sorted(text for path, text in out.items() if path.startswith("articles/"))[n])


def test_cross_source_rows_come_first_and_the_rest_is_folded_behind_a_details_toggle():
    soup = article_page(briefing(n_single=20))
    first, folded = soup.find_all("table")
    assert first.find_parent("details") is None and folded.find_parent("details") is not None
    shown = first.find_all("tr")[1:]
    assert len(shown) == 2 + MAX_SINGLE_SHOWN
    assert [r.find(class_="bf-status").get_text() for r in shown[:2]] == ["✓ agree", "✓ agree"]
    summary = soup.find("details").find("summary").get_text()
    assert summary == f"Show {20 - MAX_SINGLE_SHOWN} more single-source facts"
    # a named speaker's words rank above numbers reported a little earlier in the article
    assert "Quote" in shown[2].find("td").get_text()


def test_the_table_is_html_the_tool_writes_so_markdown_never_parses_its_cells():
    """Python-Markdown's inline parsing of every cell was most of what an article page cost MkDocs:
    the table (and its folded part) is one HTML block, the same without the tables extension."""
    page = sorted(text for path, text in pages(briefing(n_single=20)).items() if path.startswith("articles/"))[0]
    assert not any(line.startswith("|") for line in page.splitlines())
    bare = BeautifulSoup(markdown.markdown(page, extensions=["attr_list", "toc"]), "html.parser")
    full = html(page)
    assert [str(t) for t in bare.find_all("table")] == [str(t) for t in full.find_all("table")]
    assert len(bare.find_all("table")) == 2 and bare.find("details").find("table") is not None
    assert bare.find("details").find("summary").get_text().startswith("Show ")


def test_every_row_where_outlets_meet_is_shown_before_the_fold():
    soup = article_page(briefing(n_single=10, n_cross=15))
    shown = soup.find("table").find_all("tr")[1:]
    statuses = [r.find(class_="bf-status").get_text() for r in shown]
    assert statuses == ["✓ agree"] * 15 + ["○ single"] * MAX_SINGLE_SHOWN


def test_a_fact_about_what_the_outlets_share_ranks_above_a_side_detail_said_earlier():
    b = briefing(n_single=6, n_cross=1)
    a = b.articles[0]

    def mention(art, k):
        start = art.raw.index(f"Sentence {k} says") + len("Sentence ")
        return Mention(art.id, 1, 0, 1, start, start + 1, str(k), "ORG", (start - 9, start + 20))
    trust = Entity("harbour-trust", "Harbour Trust", "ORG", ("Harbour Trust",),
                   (mention(a, 5), mention(b.articles[1], 0)))  # named by both articles: the story
    aside = Entity("kiosk", "Kiosk", "ORG", ("Kiosk",), (mention(a, 1),))  # named by one
    b = Briefing("T", b.articles, (trust, aside), b.facts)
    ctx = Context(b)
    order = [f.claims[0].text for f in ordered(ctx, list(b.facts))]
    assert order.index("15 boats") < order.index("11 boats")  # sentence 5 names the Harbour Trust


def test_repeated_rows_of_one_subject_give_way_to_other_facts():
    a = article("a", 6)
    facts = [Fact("", "quote", "single", "Jo Marsh", (claim(a, k),)) for k in range(5)]
    facts.append(Fact("", "number", "single", "boat", (claim(a, 5),)))
    ctx = Context(Briefing("T", (a,), (), tuple(with_ids(facts))))
    kinds = [f.kind for f in ordered(ctx, list(ctx.b.facts))]
    assert kinds.index("number") <= 2  # not after four more quotes of one speaker


def test_a_short_table_has_no_toggle():
    soup = article_page(briefing(n_single=3))
    assert soup.find("details") is None and len(soup.find("table").find_all("tr")) == 1 + 2 + 3


def test_every_row_has_an_anchor_that_links_to_itself():
    soup = article_page(briefing(n_single=3))
    rows = soup.find("table").find_all("tr")[1:]
    ids = [r.find(class_="bf-fact")["id"] for r in rows]
    assert len(set(ids)) == len(ids)
    assert all(r.find("a", class_="bf-permalink")["href"] == f"#{i}" for r, i in zip(rows, ids))


def test_fact_ids_come_from_what_the_fact_is_not_where_it_sits():
    a = article("a", 3)
    c = claim(a, 1)
    moved = Claim(c.article, c.segment, c.start + 500, c.end + 500, c.text, c.value, c.sentence, c.sentence_start + 500)
    one = with_ids([Fact("", "number", "single", "boat", (c,))])[0].id
    two = with_ids([Fact("", "number", "single", "boat", (moved,))])[0].id
    assert one == two == "number-boat-11-boats"
    twice = with_ids([Fact("", "number", "single", "boat", (c,)), Fact("", "number", "single", "boat", (moved,))])
    assert [f.id for f in twice] == ["number-boat-11-boats", "number-boat-11-boats-2"]


def test_claim_sentence_is_bounded_and_keeps_the_claim():
    raw = "word " * 100_000 + "exactly 17 geese landed " + "word " * 100_000
    start = raw.index("17 geese")
    text = excerpt(raw, 0, len(raw), start, start + 8)
    assert "17 geese" in text and len(text) <= EXCERPT + 2 and text.startswith("…") and text.endswith("…")
    assert excerpt("A short sentence.", 0, 17, 2, 7) == "A short sentence."


def test_export_gives_sentence_offsets():
    b = briefing(n_single=1)
    data = json.loads(pages(b)["briefing.json"])
    c = data["facts"][0]["claims"][0]
    assert b.articles[0].raw[c["sentence_start"]:c["sentence_end"]].startswith("Sentence")
