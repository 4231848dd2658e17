"""The reader's pages, rendered from hand-built briefings of invented text: where the outlets
differ, the timeline, the quotes page, facts.csv, the legend and the byline."""
import csv
import dataclasses
import io

import markdown
import pytest
from bs4 import BeautifulSoup

from briefing import render
from briefing.facts import wording
from briefing.model import Article, Briefing, Claim, DateValue, Entity, Fact, Mention, Segment
from briefing.render.article import byline
from briefing.render.context import Context, legend
from briefing.text import plural
from briefing.render.export import CSV_COLUMNS, facts_csv
from briefing.render.timeline import timeline_page
from briefing.render.quotes import quotes_page

TEXTS = {
    "courier": "Caldmoor bridge shut\n\nThe bridge closed on 4 March 2024 after cracks were found. In February 2024 "
               "engineers warned of cracks. \u201cWe will not take risks with anyone\u2019s life,\u201d Mayor Elena "
               "Varga said. Ferries ran on Friday. =HYPERLINK(\"http://x\") was painted on the pier.\n",
    "radio": "Harbour bridge closed\n\nThe bridge closed on 11 March 2024, inspectors said. The first cracks were seen "
             "in 2023. \u201cWe will never take risks with anybody\u2019s life,\u201d Varga said. Work resumes on 25 "
             "January.\n",
    "wire": "Bridge closure\n\n\u201cWe will not take any risks with anyone\u2019s life,\u201d Varga said in the week "
            "of the closure.\n",
}


def article(aid: str, **meta) -> Article:
    raw = TEXTS[aid]
    title_end = raw.index("\n")
    body = raw.index("\n\n") + 2
    return Article(id=aid, file=f"seeds/{aid}.txt", raw=raw, title=raw[:title_end],
                   segments=(Segment("title", 0, title_end, raw[:title_end]),
                             Segment("paragraph", body, len(raw) - 1, raw[body:-1])), **meta)


def claim(aid: str, text: str, value: str, date: DateValue | None = None) -> Claim:
    raw = TEXTS[aid]
    start = raw.index(text)
    s = max(raw.rfind(". ", 0, start) + 2, raw.index("\n\n") + 2)
    e = raw.find(". ", start)
    e = len(raw) - 1 if e < 0 else e + 1
    return Claim(aid, 1, start, start + len(text), text, date.iso if date else value, raw[s:e], s, e, date)


def fact(fid, kind, status, subject, claims, note="") -> Fact:
    """A fact as the fact stage makes it: a quote that differs carries the words its first two
    wordings differ by."""
    diff = wording.diff(claims[0].value, claims[1].value) if kind == "quote" and status == "differ" else ()
    return Fact(id=fid, kind=kind, status=status, subject=subject, claims=tuple(claims), note=note, diff=diff)


VARGA = Entity("elena-varga", "Elena Varga", "PERSON", ("Elena Varga", "Varga"),
               (Mention("courier", 1, 0, 2, TEXTS["courier"].index("Elena Varga"),
                        TEXTS["courier"].index("Elena Varga") + 11, "Elena Varga", "PERSON"),))
FACTS = (
    fact("date-bridge-closed", "date", "differ", "bridge closed",
         [claim("courier", "4 March 2024", "", DateValue("day", 2024, 3, 4)),
          claim("radio", "11 March 2024", "", DateValue("day", 2024, 3, 11))],
         note="Mon 4 Mar 2024 ≠ Mon 11 Mar 2024"),
    fact("date-engineers-warned", "date", "single", "engineers warned",
         [claim("courier", "February 2024", "", DateValue("month", 2024, 2))]),
    fact("date-cracks-seen", "date", "single", "cracks seen", [claim("radio", "2023", "", DateValue("year", 2023))]),
    fact("date-ferries-ran", "date", "single", "Ferries ran", [claim("courier", "Friday", "Friday")]),
    fact("date-work-resumes", "date", "single", "Work resumes",
         [claim("radio", "25 January", "", DateValue("day", None, 1, 25))]),
    fact("date-the-week", "date", "single", "said", [claim("wire", "the week", "", DateValue("week", 2024, week=10))]),
    fact("quote-varga", "quote", "differ", "Elena Varga",
         [claim("courier", "\u201cWe will not take risks with anyone\u2019s life,\u201d",
                "We will not take risks with anyone\u2019s life,"),
          claim("radio", "\u201cWe will never take risks with anybody\u2019s life,\u201d",
                "We will never take risks with anybody\u2019s life,"),
          claim("wire", "\u201cWe will not take any risks with anyone\u2019s life,\u201d",
                "We will not take any risks with anyone\u2019s life,")]),
    fact("quote-unnamed", "quote", "single", "unattributed",
         [claim("courier", "=HYPERLINK(\"http://x\")", "=HYPERLINK(\"http://x\")")]),
)


def briefing(**meta) -> Briefing:
    arts = (article("courier", source="Caldmoor Courier", date="2024-03-04"),
            article("radio", source="Harbour Radio", date="2024-03-11"), article("wire"))
    return Briefing("Caldmoor bridge", arts, (VARGA,), FACTS)


def html(md: str) -> BeautifulSoup:
    body = md.split("\n---\n", 1)[1] if md.startswith("---") else md
    return BeautifulSoup(markdown.markdown(body, extensions=["attr_list", "tables", "toc", "md_in_html"]),
                         "html.parser")


def section(soup: BeautifulSoup, tag: str, heading: str) -> list:
    """The elements after the heading `heading` up to the next heading of its level."""
    start = next(h for h in soup.find_all(tag) if h.get_text().strip() == heading)
    out = []
    for el in start.find_next_siblings():
        if el.name == tag or (tag == "h3" and el.name == "h2"):
            break
        out.append(el)
    return out


def test_timeline_orders_placed_dates_and_lists_the_rest_apart():
    soup = html(timeline_page(Context(briefing())))
    in_order = [el.get_text() for el in section(soup, "h2", "In order") if el.name == "h3"]
    # the disputed closing date sits at its earliest value; a week sorts by its Monday, and a period
    # comes before the days it holds that start with it
    assert in_order == ["2023", "Feb 2024", "week of 4 Mar 2024", "Mon 4 Mar 2024"]
    assert [el.get_text() for el in section(soup, "h2", "Day and month, year not given") if el.name == "h3"] == \
        ["25 Jan"]
    assert [el.get_text() for el in section(soup, "h2", "Not placed in time") if el.name == "h3"] == ["Friday"]
    disputed = section(soup, "h3", "Mon 4 Mar 2024")[0].find("li")
    assert "≠ differ" in disputed.get_text() and "Mon 4 Mar 2024 ≠ Mon 11 Mar 2024" in disputed.get_text()
    links = [a["href"] for a in disputed.find_all("a")]
    # the address MkDocs gives each article page, from timeline/ (the links are HTML: render/links.py)
    assert links == [f"../articles/caldmoor-bridge-shut/#s-{FACTS[0].claims[0].sentence_start}",
                     f"../articles/harbour-bridge-closed/#s-{FACTS[0].claims[1].sentence_start}"]
    assert "1 article has no publication date" in soup.get_text()


def test_quotes_page_groups_by_speaker_and_diffs_each_wording_against_the_first():
    soup = html(quotes_page(Context(briefing())))
    assert [h.get_text() for h in soup.find_all("h2")] == ["Elena Varga", "Speakers not named"]
    assert soup.find("h2").get("id") == "q-elena-varga"
    item = soup.find("h2").find_next("ul").find("li")
    assert [s.get_text() for s in item.find_all("small")] == [
        "against Caldmoor Courier: We will not never take risks with anyone’s anybody’s life,",
        "against Caldmoor Courier: We will not take any risks with anyone’s life,"]
    assert [d.get_text() for d in item.find_all("del")] == ["not", "anyone’s"]
    assert [i.get_text() for i in item.find_all("ins")] == ["never", "anybody’s", "any"]
    assert soup.find("a", href="glossary.md#elena-varga") is not None
    assert "2 quotations by 1 named speaker and speakers not named" in soup.get_text()


def test_quotes_page_diffs_long_wordings_by_the_sentence_they_share_as_the_table_does():
    long_a = ("The repairs will take the whole spring and most of the summer. We will not take risks with "
              "anyone's life. Ferries will carry walkers and cyclists until the engineers are done.")
    long_b = ("Nobody should expect the crossing to open before the harvest, whatever the council hopes. "
              "We will never take risks with anyone's life. The toll will be waived for a year afterwards.")
    b = briefing()
    facts = tuple(dataclasses.replace(f, claims=(dataclasses.replace(f.claims[0], value=long_a),
                                                 dataclasses.replace(f.claims[1], value=long_b)))
                  if f.id == "quote-varga" else f for f in b.facts)
    soup = html(quotes_page(Context(Briefing(b.title, b.articles, b.entities, facts))))
    shown = soup.find("h2").find_next("ul").find("li").find("small")
    assert [d.get_text() for d in shown.find_all("del")] == ["not"]
    assert [i.get_text() for i in shown.find_all("ins")] == ["never"]
    assert "harvest" not in shown.get_text() and "spring" not in shown.get_text()


def test_quotes_page_shows_the_rows_diff_when_only_the_words_leading_in_make_the_difference():
    """Two outlets quote "safe" and "completely safe" after the same lead-in: the row differs by its
    framed diff (facts.wording.framed), which a diff of the bare wordings cannot show."""
    b = briefing()
    framed = (("=", "the pier is"), ("+", "completely"), ("=", "safe"))
    facts = tuple(dataclasses.replace(f, claims=(dataclasses.replace(f.claims[0], value="safe"),
                                                 dataclasses.replace(f.claims[1], value="completely safe")),
                                      diff=framed)
                  if f.id == "quote-varga" else f for f in b.facts)
    item = html(quotes_page(Context(Briefing(b.title, b.articles, b.entities, facts)))).find("h2").find_next("ul").find("li")
    assert [s.get_text() for s in item.find_all("small")] == ["wording: the pier is completely safe"]
    assert [i.get_text() for i in item.find_all("ins")] == ["completely"]


def test_where_the_outlets_differ_lists_each_disputed_fact_with_both_values():
    soup = html(render.pages(briefing())["index.md"])
    assert soup.find("h2").get_text() == "Where the outlets differ"
    items = section(soup, "h2", "Where the outlets differ")[0].find_all("li", recursive=False)
    assert len(items) == 2
    date = items[0]
    assert [a.get_text() for a in date.find_all("a")][:2] == ["4 March 2024", "11 March 2024"]
    assert date.find("a", href="#date-bridge-closed") is not None  # the row in the table below
    assert soup.find(id="date-bridge-closed") is not None
    assert items[1].find("del") is not None  # the quote's wording


def test_a_disputed_quote_whose_diff_marks_no_word_shows_its_note_not_an_unmarked_line():
    b = briefing()
    same = tuple(dataclasses.replace(f, diff=(("=", "We will not take risks"),), note="the wording differs")
                 if f.id == "quote-varga" else f for f in b.facts)
    soup = html(render.pages(Briefing(b.title, b.articles, b.entities, same))["index.md"])
    quote = section(soup, "h2", "Where the outlets differ")[0].find_all("li", recursive=False)[1]
    assert quote.find("small").get_text() == "the wording differs" and "wording:" not in quote.get_text()


def test_a_briefing_without_disputes_says_so():
    b = briefing()
    calm = Briefing(b.title, b.articles, b.entities, tuple(f for f in b.facts if f.status != "differ"))
    soup = html(render.pages(calm)["index.md"])
    assert section(soup, "h2", "Where the outlets differ")[0].get_text() == \
        "No fact is reported by more than one outlet, so none can be disputed."


def test_facts_csv_has_one_row_per_claim_and_neutralises_formulas():
    text = facts_csv(Context(briefing()))
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == sum(len(f.claims) for f in FACTS)
    assert rows[0]["fact"] == "date-bridge-closed" and rows[0]["outlet"] == "Caldmoor Courier"
    risky = [r for r in rows if r["fact"] == "quote-unnamed"][0]
    assert risky["text"] == "'=HYPERLINK(\"http://x\")" and risky["value"].startswith("'=")
    assert not any(cell.startswith(("=", "+", "-", "@")) for r in rows for cell in r.values())
    assert text == facts_csv(Context(briefing()))  # deterministic
    assert "\r" not in text


def test_facts_csv_is_inert_whichever_separator_a_spreadsheet_guesses():
    """A sentence ending `;=1+1` was unquoted at a row's end: a spreadsheet importing with `;` as
    the separator made it a formula cell. Every text field is quoted and every formula start after
    a separator character is neutralised, so no split of a row gives a cell that starts a formula."""
    raw = ("Costs up\n\nCosts rose 5 percent;=1+1 and |@SUM(A1) then, \"-2+3\" and\t+7 in the end;=HYPERLINK(\"x\")"
           "\n")
    start = raw.index("5 percent")
    seg = Segment("paragraph", 10, len(raw) - 1, raw[10:-1])
    a = Article("ledger", "seeds/ledger.txt", raw, "Costs up", (Segment("title", 0, 8, "Costs up"), seg),
                source="Ledger;=2+2")
    c = Claim("ledger", 1, start, start + 9, "5 percent", "5 percent", seg.text, seg.start, seg.end)
    text = facts_csv(Context(Briefing("Costs", (a,), (), (fact("percent-costs", "percent", "single", "Costs", [c]),))))
    header, row = text.splitlines()
    assert header == ",".join(CSV_COLUMNS)
    assert row.startswith('"percent-costs","percent","single"') and f',{c.start},{c.end},' in row
    for sep in (",", ";", "\t", "|"):
        cells = [x for r in csv.reader(io.StringIO(text), delimiter=sep) for x in r]
        risky = [x for x in cells if x.lstrip(' "').startswith(("=", "+", "-", "@"))]
        assert not risky, (sep, risky)
    back = next(csv.DictReader(io.StringIO(text)))
    assert back["sentence"].endswith("the end;'=HYPERLINK(\"x\")") and back["outlet"] == "Ledger;'=2+2"


def test_the_pages_are_written_beside_briefing_json():
    pages = render.pages(briefing())
    assert {"index.md", "timeline.md", "quotes.md", "briefing.json", "facts.csv"} <= set(pages)


def test_legend_lists_only_the_types_given():
    soup = BeautifulSoup(legend({"GPE", "PERSON", "WORK_OF_ART", "CARDINAL"}), "html.parser")
    assert [s["data-type"] for s in soup.find_all("span")] == ["person", "place", "work", "other"]
    assert legend(set()) == ""


def test_byline_shows_outlet_date_author_and_link_never_the_file():
    a = article("courier", source="Caldmoor Courier", date="2024-03-04", author="Jo Lind",
                url="https://example.org/bridge")
    text = BeautifulSoup(markdown.markdown(byline(a)), "html.parser")
    assert text.get_text() == "Caldmoor Courier · 4 March 2024 · by Jo Lind · original article"
    assert text.find("a")["href"] == "https://example.org/bridge"
    assert "seeds/" not in byline(article("wire"))


def test_plurals():
    assert [plural(n, "mention") for n in (0, 1, 2, 1234)] == ["0 mentions", "1 mention", "2 mentions",
                                                               "1,234 mentions"]
    assert plural(1, "entity", "entities") == "1 entity" and plural(3, "entity", "entities") == "3 entities"


def test_glossary_counts_read_right_in_the_singular():
    soup = html(render.pages(briefing())["glossary.md"])
    text = soup.get_text()
    assert "1 entity named in 3 articles" in text and "Person · 1 mention" in text
    assert "1 mentions" not in text


def test_labels_and_ids_reach_a_page_only_as_plain_names():
    """Whatever a briefing holds (one read back from a cache someone edited, say): a label that is
    not a plain name shows as "Other", and an id that is not a slug stops the render (checks.py
    keeps such a cached briefing from reaching it)."""
    b = briefing()
    odd = dataclasses.replace(VARGA, label="<img src=x onerror=alert(1)>")
    glossary = render.pages(dataclasses.replace(b, entities=(odd,)))["glossary.md"]
    assert "onerror" not in glossary and '<span class="bf-type bf-other">Other</span>' in glossary
    assert "bf-other\">Custom_Kind<" in render.pages(dataclasses.replace(b, entities=(
        dataclasses.replace(VARGA, label="CUSTOM_KIND"),)))["glossary.md"]
    with pytest.raises(ValueError, match="not a slug"):
        render.pages(dataclasses.replace(b, entities=(dataclasses.replace(VARGA, id='v"><b>x</b>'),)))
