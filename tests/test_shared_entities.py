"""The site stage over briefings' summaries: which entities are one across briefings, their ids,
the order of briefings, and the site's pages and export (no model needed)."""
import json

from briefing.site import summaries as site
from briefing.render.site import site_pages
from briefing.site.summaries import EntityRef, Summary


def ref(eid, name, label="PERSON", kid=None, mentions=3):
    return EntityRef(eid, name, label, f"about {name}", "glossary.md", mentions, 1, kid)


def summary(slug, date, *refs, folder=None):
    return Summary(slug, folder or slug, f"Story {slug}", date, ("Outlet A",), 2, 4, 1, tuple(refs))


def shared_names(the_site):
    return {sh.name: sorted(sh.members) for sh in the_site.shared}


def test_same_full_name_and_label_is_one_entity():
    s = site.build("Site", [summary("a", "2031-01-02", ref("helena-marsh", "Helena Marsh")),
                            summary("b", "2031-01-05", ref("h-marsh", "HELENA  MARSH"))])
    assert shared_names(s) == {"Helena Marsh": [("a", "helena-marsh"), ("b", "h-marsh")]}


def test_bare_surnames_initials_and_other_labels_are_never_evidence():
    s = site.build("Site", [
        summary("a", "2031-01-02", ref("marsh", "Marsh"), ref("j-marsh", "J. Marsh"),
                ref("portvale", "Portvale", "GPE"), ref("jordan", "Jordan", "GPE")),
        summary("b", "2031-01-05", ref("marsh", "Marsh"), ref("j-marsh", "J. Marsh"),
                ref("portvale", "Portvale", "ORG"), ref("jordan", "Jordan", "PERSON")),
    ])
    assert s.shared == ()


def test_a_data_package_id_joins_different_names():
    s = site.build("Site", [summary("a", "2031-01-02", ref("us", "U.S.", "GPE", kid="country:US")),
                            summary("b", "2031-01-05", ref("united-states", "United States", "GPE", kid="country:US")),
                            summary("c", "2031-01-07", ref("us", "U.S.", "GPE"))])
    assert [sorted(sh.members) for sh in s.shared] == [[("a", "us"), ("b", "united-states")]]


def test_ids_depend_on_the_name_and_stay_distinct():
    s = site.build("Site", [summary("a", None, ref("georgia", "Georgia", "GPE"), ref("georgia-2", "Georgia", "ORG")),
                            summary("b", None, ref("georgia", "Georgia", "GPE"), ref("georgia-org", "Georgia", "ORG")),
                            summary("c", None, ref("index", "Index", "ORG"))])
    assert sorted(sh.id for sh in s.shared) == ["georgia-gpe", "georgia-org"]
    assert site.links(s)["b"] == {"georgia": "georgia-gpe", "georgia-org": "georgia-org"}


def test_newest_first_by_date_then_undated_by_folder():
    s = site.build("Site", [summary("old", "2030-12-31"), summary("x-undated", None), summary("new", "2031-02-01"),
                            summary("a-undated", None), summary("same-day", "2031-02-01", folder="zz")])
    assert [b.slug for b in s.briefings] == ["same-day", "new", "old", "x-undated", "a-undated"]


def test_site_pages_and_briefings_json_agree():
    s = site.build("Newsroom", [summary("a", "2031-01-02", ref("helena-marsh", "Helena Marsh")),
                                summary("b", "2031-02-05", ref("hm", "Helena Marsh")),
                                summary("c", None, ref("other", "Someone Else"))])
    pages = site_pages(s)
    assert sorted(pages) == ["briefings.json", "entities/helena-marsh.md", "entities/index.md", "index.md",
                             "months/2031-01.md", "months/2031-02.md", "months/index.md", "months/undated.md"]
    data = json.loads(pages["briefings.json"])
    assert [b["id"] for b in data["briefings"]] == ["b", "a", "c"]
    assert data["briefings"][0]["path"] == "b/briefing.json" and data["briefings"][0]["date"] == "2031-02-05"
    assert data["shared_entities"] == [{"id": "helena-marsh", "name": "Helena Marsh", "label": "PERSON",
                                        "briefings": [{"briefing": "b", "entity": "hm"},
                                                      {"briefing": "a", "entity": "helena-marsh"}]}]
    entity = pages["entities/helena-marsh.md"]
    assert "(../b/glossary.md#hm)" in entity and "(../a/glossary.md#helena-marsh)" in entity
    home = pages["index.md"]
    assert home.index("(b/index.md)") < home.index("(a/index.md)") < home.index("(c/index.md)")
    assert "| 1 of 4 |" in home  # facts the outlets differ on


def test_titles_and_names_are_escaped_on_site_pages():
    hostile = "<img src=x onerror=alert(1)> [link](javascript:x) {: .x }"
    s = site.build(hostile, [Summary("a", "a", hostile, "2031-01-02", (hostile,), 1, 0, 0,
                                     (ref("x", hostile + " Marsh"),)),
                             Summary("b", "b", "B", "2031-01-03", (), 1, 0, 0, (ref("x", hostile + " Marsh"),))])
    for rel, text in site_pages(s).items():
        if rel.endswith(".md"):
            body = text.split("---", 2)[2]
            assert "<img" not in body and "](javascript" not in body and "{: .x" not in body, rel


def test_countries_and_states_are_one_by_their_data_package_id():
    """knowledge.py's ids (countrynames, us): "U.S." in one briefing is "United States" in another."""
    from briefing.model import Briefing, Entity

    def briefing(*names):
        return Briefing("B", (), tuple(Entity(n.lower(), n, "GPE", (n,), ()) for n in names), ())

    a = site.summarize(briefing("U.S.", "Wis.", "Portvale"), "a", "a", "2031-01-01", {"u.s.": "glossary.md",
                       "wis.": "glossary.md", "portvale": "glossary.md"})
    b = site.summarize(briefing("United States", "Wisconsin", "Portvale Bay"), "b", "b", "2031-01-02",
                       {"united states": "glossary.md", "wisconsin": "glossary.md", "portvale bay": "glossary.md"})
    assert [r.kid for r in a.entities] == ["country:US", "state:Wisconsin", None]
    assert sorted(sorted(sh.members) for sh in site.build("Site", [a, b]).shared) == [
        [("a", "u.s."), ("b", "united states")], [("a", "wis."), ("b", "wisconsin")]]


def test_only_strong_evidence_shares_a_page_never_a_nationality_an_outlet_or_a_region_word():
    """Two invented briefings (a ferry strike, a harvest) that both name Norwegians, their outlet
    Harbour Radio (a teaser line in one, a credit in the other), the North and the Midwest, and
    one real person: only the person gets a page across briefings."""
    a = Summary("ferry", "ferry", "Ferry strike", "2031-01-02", ("Harbour Radio", "Coast Post"), 2, 4, 1, (
        ref("norwegians", "Norwegians", "NORP"), ref("harbour-radio", "Harbour Radio", "ORG"),
        ref("north", "North", "LOC"), ref("midwest", "the Midwest", "LOC"), ref("ines-vale", "Ines Vale")))
    b = Summary("harvest", "harvest", "Harvest", "2031-01-05", ("Farm Weekly",), 2, 4, 1, (
        ref("norwegians", "Norwegians", "NORP"), ref("harbour-radio", "Harbour Radio", "ORG"),
        ref("north", "North", "LOC"), ref("midwest", "Midwest", "LOC"), ref("i-vale", "Ines Vale")))
    assert shared_names(site.build("Site", [a, b])) == {"Ines Vale": [("ferry", "ines-vale"), ("harvest", "i-vale")]}
