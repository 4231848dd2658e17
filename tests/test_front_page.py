"""A site of several briefings as a reader finds their way in it: a briefing's title from what its
articles share, the front page and what changed since the last build, the way back from every page.
Invented briefings (sport, business, weather, courts)."""
from briefing.entities import repair, resolve
from briefing.reading import seeds
from briefing.render.site import site_pages
from briefing.site import changes, summaries
from briefing.site.subject import subject
from briefing.site.summaries import Headline


def parsed_folder(parser, tmp_path, texts):
    for name, text in texts.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    articles, problems = seeds.read_seeds(tmp_path)
    assert not [p for p in problems if p.level == "error"]
    parsed = parser.parse(articles)
    entities, _ = resolve.resolve(parsed, repair.mentions(parsed))
    return parsed, entities


def test_a_briefing_without_a_title_is_titled_by_what_its_articles_share(parser, tmp_path):
    parsed, entities = parsed_folder(parser, tmp_path, {
        "gazette": "Harrowgate Rovers agree to sell their stadium\n\nHarrowgate Rovers will sell the Kestrel Park "
                   "stadium to a housing developer, the football club said on Monday.\n\nThe club plans to move "
                   "to a new ground outside the town.\n",
        "wire": "Rovers stadium deal worth 40 million pounds\n\nThe board of Harrowgate Rovers approved the sale of "
                "the stadium on Monday, ending a century at Kestrel Park.\n",
        "radio": "Fans protest as club confirms ground sale\n\nSupporters of Harrowgate Rovers gathered outside the "
                 "stadium after the club confirmed the sale.\n"})
    assert subject(parsed, entities) == "Harrowgate Rovers: stadium"


def test_articles_that_share_nothing_leave_the_briefing_its_folder_name(parser, tmp_path):
    parsed, entities = parsed_folder(parser, tmp_path, {
        "weather": "Frost warning for the valleys\n\nForecasters expect hard frost across the Dunmore valleys "
                   "tonight.\n",
        "court": "Judge adjourns fraud trial\n\nA judge in Carrick adjourned the trial of a former bank clerk "
                 "accused of fraud.\n"})
    assert subject(parsed, entities) is None


def summary(slug, title, date, articles, differ=0):
    return summaries.Summary(slug, slug, title, date, (), len(articles), 5, differ, (),
                             tuple(Headline(aid, "Valley Times", t) for aid, t in articles))


def test_what_changed_since_the_last_build_is_the_latest_change_and_stays_until_the_next():
    first = summaries.build("Newsroom", [summary("a", "Dam repairs", "2031-01-02", [("x", "Dam cracks")]),
                                         summary("b", "Tram fares", "2031-01-05", [("y", "Fares rise")])])
    history = changes.advance(None, changes.seen(first, {"a": "1", "b": "1"}))
    assert changes.changes(history) == ()  # a first build has nothing to compare with
    second = summaries.build("Newsroom", [
        summary("a", "Dam repairs", "2031-01-02", [("x", "Dam cracks"), ("z", "Dam to reopen in May")], differ=1),
        summary("c", "Pier storm damage", "2031-01-09", [("w", "Storm wrecks pier")])])
    history = changes.advance(history, changes.seen(second, {"a": "2", "c": "1"}))
    latest = changes.changes(history)
    assert [(c.slug, c.kind) for c in latest] == [("c", "new"), ("a", "updated"), ("b", "removed")]
    assert [h.title for h in latest[1].added] == ["Dam to reopen in May"] and latest[1].differ == (0, 1)
    # the same inputs again: the same change is shown (a build is a function of its inputs)
    assert changes.changes(changes.advance(history, changes.seen(second, {"a": "2", "c": "1"}))) == latest
    home = site_pages(second, latest)["index.md"]
    since = home[home.index("## Since the last build"):home.index("## Latest briefings")]
    assert "- New: [Pier storm damage](c/index.md), 1 article: *Storm wrecks pier* (Valley Times)" in since
    assert ("- [Dam repairs](a/index.md): 1 article added: *Dam to reopen in May* (Valley Times); "
            "facts the outlets differ on: 0 → 1") in since
    assert "- Removed: Tram fares" in since


def test_an_edit_that_shows_nowhere_else_still_counts_as_a_change():
    site = summaries.build("Newsroom", [summary("a", "Dam repairs", "2031-01-02", [("x", "Dam cracks")])])
    history = changes.advance(changes.advance(None, changes.seen(site, {"a": "1"})), changes.seen(site, {"a": "2"}))
    home = site_pages(site, changes.changes(history))["index.md"]
    assert "- [Dam repairs](a/index.md): its articles or rules changed" in home


def test_site_pages_lead_back_to_the_site_home():
    site = summaries.build("Newsroom", [summary("a", "Dam repairs", "2031-01-02", [("x", "Dam cracks")])])
    pages = site_pages(site)
    for rel in ("months/index.md", "months/2031-01.md", "entities/index.md"):
        head = pages[rel].split("\n# ")[0]
        assert '<nav class="bf-crumbs" aria-label="Breadcrumb" data-search-exclude markdown="span">' \
               "[Newsroom](../index.md)" in head, rel
    assert "bf-crumbs" not in pages["index.md"]  # the home is where they lead
