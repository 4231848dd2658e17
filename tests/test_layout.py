"""Which briefings a seeds folder holds, what briefing.yml says, and how briefings are told apart."""
from briefing import layout

from multisite import make_project


def discover(seeds, title="Site", articles=None):
    return layout.discover(seeds, "seeds", title, articles or {})


def test_a_flat_seeds_folder_is_one_briefing_at_the_root(tmp_path):
    (tmp_path / "a.txt").write_text("Title\n\nText.\n")
    (tmp_path / "images").mkdir()  # a folder without articles does not make a site
    (tmp_path / "images/x.png").write_bytes(b"\x89PNG")
    found, several, problems = discover(tmp_path, "My briefing", {"a": {"source": "Outlet"}})
    assert not several and problems == []
    assert [(s.slug, s.folder) for s in found] == [("", tmp_path)]
    assert layout.metadata(found[0]) == (layout.Metadata("My briefing", None, {"a": {"source": "Outlet"}},
                                                         "mkdocs.yml"), [])


def test_folders_are_briefings_and_loose_articles_beside_them_are_reported_not_built(tmp_path):
    project = make_project(tmp_path / "p")
    seeds = project / "seeds"
    (seeds / "stray.txt").write_text("A stray article\n\nText.\n")
    (seeds / "notes").mkdir()
    (seeds / "notes/readme.rst").write_text("not an article")
    found, several, problems = discover(seeds, articles={"x": {"source": "Y"}})
    assert several
    assert [s.slug for s in found] == ["ferry-fares", "harbour-bridge", "rail-strike"]
    by_slug = {s.slug: s for s in found}
    rail, _ = layout.metadata(by_slug["rail-strike"])
    assert rail.title == "Portvale rail strike" and rail.date == "2031-04-10"
    assert rail.articles["wire"] == {"source": "Northern Wire"} and rail.file == "seeds/rail-strike/briefing.yml"
    assert by_slug["rail-strike"].overrides == seeds / "rail-strike/overrides.yml"
    assert by_slug["ferry-fares"].overrides is None
    assert layout.metadata(by_slug["ferry-fares"]) == (layout.Metadata("ferry-fares", None, {},
                                                                       "seeds/ferry-fares/briefing.yml"), [])
    warnings = [str(p) for p in problems if p.level == "warning"]
    assert any(w.startswith("seeds: not built: stray.txt") and "move each into the folder" in w for w in warnings)
    assert any(w.startswith("mkdocs.yml: `articles:` is not used") for w in warnings)
    assert [str(p) for p in problems if p.level == "info"] == [
        "seeds/notes: ignored: a folder without articles (*.txt, *.md) or briefing.yml"]


def test_a_bad_briefing_yml_is_reported_and_the_briefing_still_builds(tmp_path):
    (tmp_path / "Storm Week").mkdir()
    (tmp_path / "Storm Week/a.txt").write_text("Title\n\nText.\n")
    (tmp_path / "Storm Week/briefing.yml").write_text("title: [unclosed\n")
    (tmp_path / "quiet").mkdir()
    (tmp_path / "quiet/a.txt").write_text("Title\n\nText.\n")
    (tmp_path / "quiet/briefing.yml").write_text("title: Quiet\ndate: last week\ncolour: red\narticles: [a]\n")
    found, several, problems = discover(tmp_path)
    assert problems == []  # briefing.yml is read when the briefing is built
    meta = [layout.metadata(s) for s in found]
    assert [(s.slug, m.title, m.date) for s, (m, _) in zip(found, meta)] == [("storm-week", "Storm Week", None),
                                                                             ("quiet", "Quiet", None)]
    messages = [str(p) for _, found in meta for p in found]
    assert any(m.startswith("seeds/Storm Week/briefing.yml: not read") and "fix the YAML" in m for m in messages)
    assert "seeds/quiet/briefing.yml: `date: last week` ignored: write it as YYYY-MM-DD" in messages
    assert any(m.startswith("seeds/quiet/briefing.yml: unknown key `colour`") for m in messages)
    assert any(m.startswith("seeds/quiet/briefing.yml: `articles:` ignored") for m in messages)


def test_slugs_are_stable_and_distinct(tmp_path):
    for name in ("Syria talks", "syria-talks", "entities"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "a.txt").write_text("Title\n\nText.\n")
    found, _, problems = discover(tmp_path)
    slugs = [s.slug for s in found]
    assert len(set(slugs)) == 3
    assert {s.folder.name: s.slug for s in found}["syria-talks"] == "syria-talks"  # the exact name keeps it
    assert "entities" not in slugs  # the site's own folder of entity pages
    again, _, _ = discover(tmp_path)
    assert [s.slug for s in again] == slugs
    assert len([p for p in problems if "rename the folder" in p.message]) == 2
