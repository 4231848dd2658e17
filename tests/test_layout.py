"""Which briefings a seeds folder holds, what briefing.yml says, and how briefings are told apart."""
import re

from briefing.reading import layout

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
    assert layout.metadata(by_slug["ferry-fares"]) == (layout.Metadata(None, None, {},
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
    assert [(s.slug, m.title, m.date) for s, (m, _) in zip(found, meta)] == [("storm-week", None, None),
                                                                             ("quiet", "Quiet", None)]
    messages = [str(p) for _, found in meta for p in found]
    assert len(messages) == 4 and all(p.level == "error" for _, found in meta for p in found)
    assert messages[0].startswith("seeds/Storm Week/briefing.yml: not valid YAML") and messages[0].endswith(
        "the briefing builds without it")
    assert messages[1] == "seeds/quiet/briefing.yml: unknown key `colour` ignored; known keys are title, date, articles"
    assert messages[2].startswith("seeds/quiet/briefing.yml: `date`: last week is not a date: write YYYY-MM-DD")
    assert messages[3].startswith("seeds/quiet/briefing.yml: `articles:` ignored")


def test_briefing_yml_values_are_checked_like_front_matter_and_aliases_are_refused(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b/one.txt").write_text("Title\n\nText.\n")
    (tmp_path / "b/briefing.yml").write_text("title: 1984\ndate: 2031-02-30\narticles:\n"
                                             "  one: {source: Coastal Herald, sorce: x, url: ftp://x}\n")
    src = discover(tmp_path)[0][0]
    meta, problems = layout.metadata(src)
    assert meta == layout.Metadata(None, None, {"one": {"source": "Coastal Herald"}}, "seeds/b/briefing.yml")
    text = "\n".join(p.message for p in problems)
    assert "1984 is a YAML number, not text: put it in quotes" in text
    assert "2031-02-30 is not a date" in text
    assert "`articles: one:` unknown metadata key `sorce`: did you mean `source`?" in text
    assert "is not a web address" in text
    (tmp_path / "b/briefing.yml").write_text("title: &t Quiet\narticles: {one: {title: *t}}\n")
    meta, problems = layout.metadata(src)
    assert meta.title is None and "anchor `&t` refused" in problems[0].message


def test_symbolic_links_are_never_followed(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("Secret\n\nNot for publishing.\n")
    (outside / "briefing.yml").write_text("title: Secret\n")
    seeds = tmp_path / "seeds"
    (seeds / "real").mkdir(parents=True)
    (seeds / "real/a.txt").write_text("Title\n\nText.\n")
    (seeds / "linked").symlink_to(outside, target_is_directory=True)
    (seeds / "real/briefing.yml").symlink_to(outside / "briefing.yml")
    (seeds / "real/overrides.yml").symlink_to(outside / "briefing.yml")
    found, several, problems = discover(seeds)
    assert [s.slug for s in found] == ["real"]
    assert [str(p) for p in problems] == ["seeds/linked: skipped: a symbolic link to a folder; a briefing must be a "
                                          "real folder in the seeds folder, so move or copy it here"]
    meta, problems = layout.metadata(found[0])
    assert meta.title is None and found[0].overrides is None
    assert [p.file for p in problems] == ["seeds/real/briefing.yml", "seeds/real/overrides.yml"]
    assert all("symbolic link" in p.message for p in problems)
    inputs = dict(layout.inputs(found[0], 1000))
    assert inputs["briefing.yml"].startswith(b"link:") and inputs["a.txt"] == b"Title\n\nText.\n"


def folders(seeds, *names):
    for name in names:
        (seeds / name).mkdir()
        (seeds / name / "a.txt").write_text("Title\n\nText.\n")


def test_an_address_comes_from_the_folder_name_alone(tmp_path):
    """Before, a folder named exactly as a slug took it from the folder that had it ("Syria talks"
    moved to a hashed address when "syria-talks" was added), and "a-b", "A B", "a-b-fea4c5" gave
    two briefings one address. Now the name alone decides: no folder moves another."""
    folders(tmp_path, "Syria talks", "a-b-fea4c5", "Ferry fares")
    first = {s.folder.name: s.slug for s in discover(tmp_path)[0]}
    assert first == {"Syria talks": "syria-talks", "a-b-fea4c5": "a-b-fea4c5", "Ferry fares": "ferry-fares"}
    folders(tmp_path, "A B", "Harbour")
    found, _, problems = discover(tmp_path)
    assert {s.folder.name: s.slug for s in found} == {**first, "A B": "a-b", "Harbour": "harbour"}
    assert problems == []


def test_two_folders_giving_one_address_are_an_error_naming_both(tmp_path):
    folders(tmp_path, "Syria talks", "syria-talks", "entities", "Ferry fares")
    found, _, problems = layout.discover(tmp_path, "seeds", "Site", {}, {"syria-talks": "Syria talks"})
    assert {s.folder.name: s.slug for s in found} == {"Syria talks": "syria-talks", "Ferry fares": "ferry-fares"}
    errors = {p.file: p.message for p in problems if p.level == "error"}
    assert set(errors) == {"seeds/syria-talks", "seeds/entities"}
    assert "`syria-talks/` is also that of seeds/Syria talks" in errors["seeds/syria-talks"]
    assert "seeds/Syria talks held it in the last build and keeps it" in errors["seeds/syria-talks"]
    assert "the site's own pages" in errors["seeds/entities"]
    # no record of who held it (a clean checkout): neither is built, each error names the other
    found, _, problems = discover(tmp_path)
    assert [s.folder.name for s in found] == ["Ferry fares"]
    clash = {p.file: p.message for p in problems if "syria-talks/" in p.message}
    assert "seeds/syria-talks" in clash["seeds/Syria talks"] and "seeds/Syria talks" in clash["seeds/syria-talks"]
    assert all("none of them is built" in m for m in clash.values())


def test_long_folder_names_give_bounded_stable_addresses(tmp_path):
    """A 240-byte folder name gave a 1,280-character address ("File name too long")."""
    long_name, other = "\u337f" * 80, "\u337f" * 79 + "x"
    folders(tmp_path, long_name, other)
    found, _, problems = discover(tmp_path)
    got = {s.folder.name: s.slug for s in found}
    assert problems == [] and len(set(got.values())) == 2
    assert all(len(slug.encode()) <= 64 and re.fullmatch(r"zhu-shi-hui-she(-[a-z]+)*-[0-9a-f]{8}", slug)
               for slug in got.values())
    assert {s.folder.name: s.slug for s in discover(tmp_path)[0]} == got  # the same in every build