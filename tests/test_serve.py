"""`mkdocs serve`: an edit in seeds/ rebuilds the site once, and nothing loops; renames and deletes
show at once; the overrides file is watched too (README, "The MkDocs plugin")."""
import contextlib
import socket
import subprocess
import sys
import time
import urllib.request


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(predicate, timeout=60.0):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.2)
    return False


@contextlib.contextmanager
def mkdocs_serve(project, env=None):
    """`mkdocs serve` in `project` on a free port, its output in serve.log: yields (port, log)."""
    port = free_port()
    log = project / "serve.log"
    with open(log, "w") as out:
        proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"], cwd=project,
                                stdout=out, stderr=subprocess.STDOUT, env=env)
    try:
        yield port, log
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def test_seed_edit_rebuilds_once(project):
    with mkdocs_serve(project) as (port, log):
        def served(path="/briefing/"):
            try:
                return urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=2).status == 200
            except OSError:
                return False

        assert wait_for(served), log.read_text()
        builds = lambda: log.read_text().count("Building documentation")  # noqa: E731
        time.sleep(3)
        assert builds() == 1, log.read_text()
        seed = next((project / "seeds").glob("*.txt"))
        seed.write_text(seed.read_text().replace("Moscow", "Moskva", 1))
        assert wait_for(lambda: builds() >= 2), log.read_text()
        time.sleep(6)  # a loop would show more builds by now
        assert builds() == 2, log.read_text()
        page = urllib.request.urlopen(f"http://127.0.0.1:{port}/briefing/glossary/", timeout=5).read().decode()
        assert "Moskva" in page


def served_state(port: int) -> tuple[set[str], set[str]]:
    """(article titles in the served nav, article files in the served briefing.json)."""
    import json

    from bs4 import BeautifulSoup

    home = urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5).read().decode()
    nav = BeautifulSoup(home, "html.parser").select("nav.md-nav--primary a.md-nav__link[href*='briefing/articles/']")
    data = json.loads(urllib.request.urlopen(f"http://127.0.0.1:{port}/briefing/briefing.json", timeout=5).read())
    return {a.get_text(" ", strip=True) for a in nav}, {a["file"] for a in data["articles"]}


def serves_exactly(port: int, files: dict[str, str], titles_of: dict[str, str]) -> bool:
    """The served nav lists exactly the titles of the articles `files` hold ({file in seeds/: the
    article it holds}), and the served briefing.json exactly those files."""
    try:
        titles, served = served_state(port)
    except (OSError, ValueError):
        return False
    return titles == {titles_of[f] for f in files.values()} and served == {f"seeds/{n}" for n in files}


def status(port: int, path: str) -> int:
    try:
        return urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=5).status
    except urllib.error.HTTPError as exc:
        return exc.code


def test_serve_after_briefing_build_shows_exactly_the_seeds_folder(tmp_path):
    """Issue 13: `briefing build`, `mkdocs serve`, rename a seed, delete a seed: after each step the
    served nav and pages match the seeds folder, and the log has no warning."""
    import os
    import re
    import shutil

    from conftest import ROOT
    from invented import ARTICLES, TITLES

    project = tmp_path
    cfg = re.sub(r"\n      articles:\n(        .*\n)+", "\n", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    (project / "mkdocs.yml").write_text(cfg, encoding="utf-8")
    shutil.copytree(ROOT / "docs", project / "docs", ignore=shutil.ignore_patterns("briefing"))
    (project / "seeds").mkdir()
    for name, text in ARTICLES.items():
        (project / "seeds" / name).write_text(text, encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    built = subprocess.run([sys.executable, "-m", "briefing", "build"], cwd=project, capture_output=True, text=True,
                           timeout=300, env=env)
    assert built.returncode == 0 and "WARNING" not in built.stderr, built.stderr
    page_of = {name: f"/briefing/articles/{re.sub(r'[^a-z0-9]+', '-', t.lower()).strip('-')}/"
               for name, t in TITLES.items()}
    with mkdocs_serve(project, env) as (port, log):
        def matches(files: dict[str, str]) -> bool:
            return serves_exactly(port, files, TITLES)

        current = {name: name for name in ARTICLES}  # file in seeds/ -> the article it holds
        assert wait_for(lambda: matches(current), 120), log.read_text()
        (project / "seeds/ferry.txt").rename(project / "seeds/ferries.txt")
        current = {"harbour.txt": "harbour.txt", "ferries.txt": "ferry.txt", "farms.txt": "farms.txt"}
        assert wait_for(lambda: matches(current), 120), (served_state(port), log.read_text())
        assert all(status(port, page_of[a]) == 200 for a in current.values())
        (project / "seeds/harbour.txt").unlink()
        current.pop("harbour.txt")
        assert wait_for(lambda: matches(current), 120), (served_state(port), log.read_text())
        assert status(port, page_of["harbour.txt"]) == 404  # briefing build's copy is still on disk, not served
        assert (project / "docs/briefing").is_dir()
        assert all(status(port, page_of[a]) == 200 for a in current.values())
        time.sleep(2)
        text = log.read_text()
        probe = f'"GET {page_of["harbour.txt"]} HTTP/1.1" code 404'  # this test's own request above
        warned = [line for line in text.splitlines() if "WARNING" in line and probe not in line]
        assert warned == [] and "anchor" not in text.lower(), text


# Three invented articles as scraped, with no metadata at all: no title line, the outlet only in a
# dateline or the file name. The titles below are written by hand from the rule (the first sentence
# without its dateline, cut at a clause boundary).
SCRAPED = {
    "01_quayside.txt": "TALLINN (Quayside) - Dock workers in Tallinn ended a three-day strike on Friday, their union "
                       "said.\n\nThe port operator offered a 6 percent raise, union leader Kadri Mets said.\n",
    "02_northwire.txt": "Dock workers in Tallinn went back to work on Friday after a three-day strike over pay.\n\n"
                        "Kadri Mets, who leads the union, said the port operator offered a 5 percent raise.\n",
    "03_baltpost.txt": "Ships queued outside the port of Tallinn for a third day on Thursday as the strike went on, "
                       "harbour officials said.\n\nKadri Mets said talks would resume on Friday.\n",
}
SCRAPED_TITLES = {"01_quayside.txt": "Dock workers in Tallinn ended a three-day strike on Friday",
                  "02_northwire.txt": "Dock workers in Tallinn went back to work on Friday",
                  "03_baltpost.txt": "Ships queued outside the port of Tallinn for a third day on Thursday"}


def test_serve_a_briefing_new_project_through_add_rename_delete(tmp_path):
    """Issue 13: `briefing new`, three articles, `mkdocs serve`, rename one, delete one: after each
    step the served nav, briefing.json and pages match the seeds folder; no warning, no anchor
    warning; the reader pages (timeline, quotes) are served throughout."""
    import json
    import os

    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    made = subprocess.run([sys.executable, "-m", "briefing", "new", "story", "--title", "Tallinn dock strike"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=60, env=env)
    assert made.returncode == 0, made.stderr
    project = tmp_path / "story"
    for name, text in SCRAPED.items():
        (project / "seeds" / name).write_text(text, encoding="utf-8")
    with mkdocs_serve(project, env) as (port, log):
        def matches(files: dict[str, str]) -> bool:
            return serves_exactly(port, files, SCRAPED_TITLES)

        def pages() -> dict[str, str]:
            data = json.loads(urllib.request.urlopen(f"http://127.0.0.1:{port}/briefing/briefing.json",
                                                     timeout=5).read())
            return {a["file"]: f"/briefing/{a['page'][:-3]}/" for a in data["articles"]}

        current = {name: name for name in SCRAPED}  # file in seeds/ -> the article it holds
        assert wait_for(lambda: matches(current), 120), log.read_text()
        first_pages = pages()
        assert all(status(port, p) == 200 for p in first_pages.values())
        assert status(port, "/briefing/timeline/") == 200 and status(port, "/briefing/quotes/") == 200
        (project / "seeds/02_northwire.txt").rename(project / "seeds/02_harbourline.txt")
        current = {"01_quayside.txt": "01_quayside.txt", "02_harbourline.txt": "02_northwire.txt",
                   "03_baltpost.txt": "03_baltpost.txt"}
        assert wait_for(lambda: matches(current), 120), (served_state(port), log.read_text())
        data = json.loads(urllib.request.urlopen(f"http://127.0.0.1:{port}/briefing/briefing.json", timeout=5).read())
        sources = {a["file"]: (a["source"], a["guessed"]) for a in data["articles"]}
        assert sources == {"seeds/01_quayside.txt": ("Quayside", ["title", "source"]),
                           "seeds/02_harbourline.txt": ("Harbourline", ["title", "source"]),
                           "seeds/03_baltpost.txt": ("Baltpost", ["title", "source"])}
        assert all(status(port, p) == 200 for p in pages().values())
        (project / "seeds/01_quayside.txt").unlink()
        current.pop("01_quayside.txt")
        assert wait_for(lambda: matches(current), 120), (served_state(port), log.read_text())
        gone = first_pages["seeds/01_quayside.txt"]
        assert status(port, gone) == 404
        assert all(status(port, p) == 200 for p in pages().values())
        assert status(port, "/briefing/timeline/") == 200 and status(port, "/briefing/quotes/") == 200
        time.sleep(2)
        text = log.read_text()
        probe = f'"GET {gone} HTTP/1.1" code 404'  # this test's own request above
        warned = [line for line in text.splitlines() if "WARNING" in line and probe not in line]
        assert warned == [] and "anchor" not in text.lower(), text
        assert not (project / "docs/briefing").exists()  # serving writes nothing into docs/


def test_editing_overrides_rebuilds_the_served_site(tiny):
    rules = tiny / "overrides.yml"
    rules.write_text("version: 1\ndescribe: {Brightwater Ferries: Ferry line}\n", encoding="utf-8")
    with mkdocs_serve(tiny) as (port, log):
        def glossary() -> str:
            try:
                return urllib.request.urlopen(f"http://127.0.0.1:{port}/briefing/glossary/", timeout=3).read().decode()
            except OSError:
                return ""

        assert wait_for(lambda: "Ferry line" in glossary()), log.read_text()
        rules.write_text("version: 1\ndescribe: {Brightwater Ferries: Ferry line run by the harbour board}\n",
                         encoding="utf-8")
        assert wait_for(lambda: "run by the harbour board" in glossary()), log.read_text()


def test_the_pipeline_loads_once_per_serve_and_before_the_first_edit(project):
    """MkDocs keeps the plugin across rebuilds (it has on_startup): the pipeline is loaded once,
    in the background after the first build, not again on each edit."""
    with mkdocs_serve(project) as (port, log):
        loads = lambda: log.read_text().count("kept for the next rebuilds")  # noqa: E731
        builds = lambda: log.read_text().count("Documentation built")  # noqa: E731
        assert wait_for(lambda: loads() == 1 and "Serving on" in log.read_text(), timeout=120), log.read_text()
        time.sleep(3)  # the watcher starts after the first build
        seed = next((project / "seeds").glob("*.txt"))
        for n, word in enumerate(("Tarnhelm", "Vossberg"), start=2):
            seed.write_text(seed.read_text() + f"\n\nThe envoys met again in {word} on Monday.\n")
            assert wait_for(lambda: builds() >= n, timeout=120), log.read_text()
        page = urllib.request.urlopen(f"http://127.0.0.1:{port}/search/search_index.json", timeout=5).read().decode()
        assert "Vossberg" in page
        assert loads() == 1, log.read_text()
