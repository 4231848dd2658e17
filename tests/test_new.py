"""`briefing new DIR`: a ready project that builds strictly once articles are in seeds/, and that
never replaces a file."""
import html
import json
import subprocess
import sys

import yaml
from bs4 import BeautifulSoup

from briefing.reading import overrides
from briefing import scaffold

from conftest import mkdocs_cli

# invented articles with no metadata at all: no title line, no outlet but a dateline or a file name
ARTICLES = {
    "01_quayside.txt": "TALLINN (Quayside) - Dock workers in Tallinn ended a three-day strike on Friday after the port "
                       "operator offered a 6 percent raise, their union said.\n\n"
                       "\u201cWe have won what we asked for and we go back with our heads high,\u201d union leader "
                       "Kadri Mets told reporters at the gates.\n",
    "02_northwire.txt": "Dock workers in Tallinn went back to work on Friday after a three-day strike over pay.\n\n"
                        "The port operator agreed to a 5 percent raise, union leader Kadri Mets said.\n",
}


def new(folder, *args):
    return subprocess.run([sys.executable, "-m", "briefing", "new", str(folder), *args], capture_output=True,
                          text=True, timeout=60)


def test_new_project_builds_strictly_with_articles_and_no_metadata(tmp_path):
    project = tmp_path / "caldmoor"
    title = 'Tallinn dock strike: "the end" <img src=x onerror=alert(1)>'
    res = new(project, "--title", title)
    assert res.returncode == 0, res.stderr
    assert sorted(p.relative_to(project).as_posix() for p in project.rglob("*")) == [
        ".gitignore", "docs", "docs/index.md", "mkdocs.yml", "overrides.yml", "seeds"]
    config = yaml.load((project / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)  # no MkDocs tags used
    plugin = next(p["briefing"] for p in config["plugins"] if isinstance(p, dict) and "briefing" in p)
    assert plugin["title"] == title  # escaped where the plugin puts it
    assert config["site_name"] == html.escape(title)  # MkDocs and the theme copy it into pages unescaped
    assert config["theme"]["font"] == "false" and "content.tooltips" not in config["theme"]["features"]
    assert config["validation"] == {k: "warn" for k in ("omitted_files", "absolute_links", "unrecognized_links",
                                                         "anchors")}
    assert len(config["theme"]["palette"]) == 2
    rules, problems = overrides.load(project / "overrides.yml", "overrides.yml")
    assert problems == [] and rules == overrides.Rules(file="overrides.yml")  # every rule commented out
    for name, text in ARTICLES.items():
        (project / "seeds" / name).write_text(text)
    res = mkdocs_cli(project, "build", "--strict")
    assert res.returncode == 0, res.stderr
    home = (project / "site/index.html").read_text()
    assert "Tallinn dock strike: &#34;the end&#34;" in home or "Tallinn dock strike: &quot;the end&quot;" in home
    for page in (project / "site").rglob("*.html"):  # the title is text everywhere, never an element
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        assert not soup.find_all("img", src="x"), page
        assert not [a for el in soup.find_all(True) for a in el.attrs if a.startswith("on")], page
        assert soup.title.get_text().endswith(title) and soup.select_one(".md-header__topic").get_text().strip() == title
    assert (project / "site/briefing/index.html").exists()
    articles = (project / "site/briefing/articles").iterdir()
    assert sorted(p.name for p in articles) == ["dock-workers-in-tallinn-ended-a-three-day-strike-on-friday",
                                                "dock-workers-in-tallinn-went-back-to-work-on-friday"]
    export = json.loads((project / "site/briefing/briefing.json").read_text())
    assert {a["id"]: (a["source"], a["guessed"]) for a in export["articles"]} == {
        "01_quayside": ("Quayside", ["title", "source"]), "02_northwire": ("Northwire", ["title", "source"])}


def test_new_replaces_nothing_and_says_which_file_is_in_the_way(tmp_path):
    project = tmp_path / "p"
    (project / "docs").mkdir(parents=True)
    (project / "docs/index.md").write_text("# My own page\n")
    (project / "seeds").mkdir()
    (project / "seeds/mine.txt").write_text("Mine\n\nAn article of my own.\n")
    res = new(project)
    assert res.returncode == 1
    assert f"{project.as_posix()}/docs/index.md: already exists" in res.stderr and "nothing was written" in res.stderr
    assert (project / "docs/index.md").read_text() == "# My own page\n"
    assert sorted(p.name for p in project.rglob("*")) == ["docs", "index.md", "mine.txt", "seeds"]


def test_new_in_a_folder_with_articles_and_a_gitignore_keeps_both(tmp_path):
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds/mine.txt").write_text("Mine\n\nAn article of my own.\n")
    (tmp_path / ".gitignore").write_text("*.pyc\n")
    created, problems = scaffold.create(tmp_path, "Mine")
    assert problems == []
    assert created == ["docs/", "docs/index.md", "mkdocs.yml", "overrides.yml"]
    assert (tmp_path / ".gitignore").read_text() == "*.pyc\n"
    assert (tmp_path / "seeds/mine.txt").read_text() == "Mine\n\nAn article of my own.\n"


def test_a_file_where_a_folder_goes_is_reported(tmp_path):
    (tmp_path / "seeds").write_text("not a folder")
    created, problems = scaffold.create(tmp_path)
    assert created == [] and [p.file for p in problems] == [f"{tmp_path.as_posix()}/seeds"]
    assert not (tmp_path / "mkdocs.yml").exists()


def test_a_file_given_as_the_project_folder_is_reported(tmp_path):
    (tmp_path / "p").write_text("a file")
    res = new(tmp_path / "p")
    assert res.returncode == 2 and "is a file" in res.stderr and "Traceback" not in res.stderr  # click's check
    created, problems = scaffold.create(tmp_path / "p")
    assert created == [] and "exists and is not a folder" in problems[0].message
    assert (tmp_path / "p").read_text() == "a file"
