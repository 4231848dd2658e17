"""A web page -> its article (reading/pages.py, pagemeta.py): the page's own rules on invented pages.
trafilatura finds the article; these check what the project adds on top of it."""
from __future__ import annotations

import pytest

from briefing.reading import pages
from webpages import SPORT, news_page

STORY = ["The county council voted on Tuesday to keep the old ferry terminal open for another five years.",
         "Councillors backed the plan by 31 votes to 9 after a debate that lasted most of the afternoon.",
         "The terminal handles about 400,000 passengers a year, most of them on the island routes.",
         "Repairs to the roof and the boarding ramps will cost about 2.1 million pounds, the council said.",
         "Work is due to start in September and finish before the summer season of the following year."]


def page(head: str = "", before: str = "", after: str = "", story: list[str] = STORY, footer: str = "") -> str:
    body = "".join(p if p.startswith("<p>") else f"<p>{p}</p>" for p in story)
    return (f"<html><head><meta charset='utf-8'>{head}</head><body><nav><a href='/'>Home</a></nav>"
            f"<article><h1>Council keeps the ferry terminal open</h1>{before}{body}{after}</article>"
            f"<footer>{footer}</footer></body></html>")


def test_teasers_hidden_blocks_and_calls_to_action_are_not_the_story():
    teaser = "<p><a href='/news/timetable'>ISLAND TIMETABLE CHANGES: WHAT THEY MEAN FOR YOUR TRIP</a></p>"
    got = pages.read_page(page(
        story=[*STORY[:3], teaser, *STORY[3:]],
        after="<p style='display: none'>Thank you for subscribing to our evening bulletin today.</p>"
              "<p hidden>This article has been sent to your friend by email.</p>"
              "<p>Write to Sam Okafor at sokafor@example.org</p>"
              "<p>Sign up for the evening bulletin to get the council's decisions in your inbox.</p>"
              "<p>Copyright 2024 Island Gazette. All rights reserved.</p>"))
    assert list(got.paragraphs) == STORY


def test_a_link_inside_a_sentence_keeps_the_paragraph():
    story = [*STORY[:2], "The <a href='/plan'>full plan</a> was published by the council on its website.", *STORY[2:]]
    got = pages.read_page(page(story=story))
    assert "The full plan was published by the council on its website." in got.paragraphs


@pytest.mark.parametrize("head, url, outlet, title", [
    # <title> names the outlet beside the title, and the page's site name agrees (spelt without spaces)
    ("<title>Council keeps the ferry terminal open | Island Gazette</title>"
     "<meta property='og:site_name' content='IslandGazette'>", None, "Island Gazette",
     "Council keeps the ferry terminal open"),
    # the outlet before the title
    ("<title>The Island Gazette: Council keeps the ferry terminal open</title>", None, "The Island Gazette",
     "Council keeps the ferry terminal open"),
    # no name anywhere: the host name of the address
    ("<title>Council keeps the ferry terminal open</title>", "https://www.islandgazette.example/news/1",
     "islandgazette.example", "Council keeps the ferry terminal open"),
    # the title tag carries the outlet after a title worded differently: the title loses it
    ("<title>Ferry terminal stays open, council decides - Island Gazette</title>"
     "<meta property='og:title' content='Council keeps the ferry terminal open - Island Gazette'>"
     "<meta property='og:site_name' content='Island Gazette'>", None, "Island Gazette",
     "Council keeps the ferry terminal open"),
])
def test_the_outlet_and_the_title_without_it(head, url, outlet, title):
    got = pages.read_page(page(head=head), url)
    assert (got.source, got.title) == (outlet, title)


def test_the_copyright_line_names_the_outlet_when_nothing_else_does():
    got = pages.read_page(page(head="<title>Council keeps the ferry terminal open</title>",
                               footer="<p>© 2024 Island Gazette Ltd. All rights reserved.</p>"))
    assert got.source == "Island Gazette"


def test_a_date_line_gives_the_date_before_it_goes_and_no_date_is_guessed():
    dated = pages.read_page(page(before="<p>(Published Tuesday, March 12, 2024)</p>"))
    assert dated.date == "2024-03-12"
    assert not any("Published" in p for p in dated.paragraphs)
    undated = pages.read_page(page(footer="<p>© 2024 Island Gazette</p>"))  # a year is no publication date
    assert undated.date is None and "date" in undated.missing


def test_the_author_field_keeps_the_names():
    got = pages.read_page(page(head="<meta name='author' content='SAM OKAFOR; Staff writer'>"))
    assert got.author == "Sam Okafor"


def test_a_page_is_decoded_by_its_declared_charset():
    html = page(head="<meta charset='windows-1252'>", story=[*STORY, "The caf\xe9 on the quay will stay open."])
    got = pages.read_page(pages.decode(html.replace("<meta charset='utf-8'>", "").encode("cp1252")))
    assert "The café on the quay will stay open." in got.paragraphs


def test_the_first_block_repeating_the_title_is_not_the_body():
    got = pages.read_page(news_page(**{**SPORT, "paragraphs": [SPORT["title"], *SPORT["paragraphs"]]}))
    assert list(got.paragraphs) == SPORT["paragraphs"] and got.title == SPORT["title"]


def test_a_block_all_in_links_is_a_teaser_and_loose_text_is_a_block():
    """On trafilatura's output tree (its default extraction keeps teasers that its precise one
    drops, and the default is used when the precise one keeps too little)."""
    from lxml import etree

    body = etree.fromstring(
        "<body><p>The council met on Tuesday, <ref target='/x'>the agenda</ref> says.</p>"
        "<p><ref target='/y'>FERRY FARES TO RISE IN THE AUTUMN</ref></p>"
        "<p><ref>[1] Council minutes, 12 March 2024.</ref></p>"  # a reference without an address is text
        "Subheading left loose<p>The vote was 31 to 9.</p>"
        "<p>Fares rise <hi>by <ref target='/f'>four</ref> percent</hi> in May,<lb/>the operator said.</p></body>")
    kept, removed = pages._article(pages._blocks(body), title=None)
    assert kept == ["The council met on Tuesday, the agenda says.", "[1] Council minutes, 12 March 2024.",
                    "Subheading left loose", "The vote was 31 to 9.",
                    "Fares rise by four percent in May, the operator said."]
    assert removed == ["FERRY FARES TO RISE IN THE AUTUMN"]
