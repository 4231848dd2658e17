"""Names that become file and folder names, and the addresses of briefings, end to end with the real
commands: a 300-character person name in several briefings and a 240-byte folder name build; a
folder added beside another with a look-alike name never takes its address."""
import json

from bs4 import BeautifulSoup

from conftest import briefing_cli, mkdocs_cli
from multisite import BRIEFINGS, add_briefing, make_project

LONG_PERSON = " ".join(["Helena"] + ["Alexandrina"] * 24 + ["Marsh"])  # 300 characters
LONG_FOLDER = "\u337f" * 80  # 240 bytes; its slug alone would be 1,280 characters


def names(folder):
    return [p.name for p in folder.rglob("*")]


def test_a_long_person_name_in_several_briefings_and_a_long_folder_name_build(tmp_path):
    """Before: 'File name too long' for the entity page across briefings (and for the folder), a
    traceback, docs/briefing half written and `mkdocs build` failing."""
    assert len(LONG_PERSON) == 300
    project = make_project(tmp_path / "p", {LONG_FOLDER if name == "harbour-bridge" else name: files
                                            for name, files in BRIEFINGS.items()})
    (project / "overrides.yml").write_text(f"version: 1\nrename:\n  Helena Marsh: {LONG_PERSON}\n", encoding="utf-8")
    # an article whose title gives no slug, so its page is named after its 240-byte file name
    (project / "seeds/rail-strike" / f"{LONG_FOLDER}.txt").write_text("*** ***\n\nTrains stopped in Portvale on "
                                                                     "Monday, the union said.\n", encoding="utf-8")
    res = briefing_cli(project)
    assert res.returncode == 0, res.stderr
    out = project / "docs/briefing"
    assert max(len(n.encode()) for n in names(out)) <= 80
    export = json.loads((out / "briefings.json").read_text(encoding="utf-8"))
    shared = {e["name"]: e for e in export["shared_entities"]}
    assert len(shared[LONG_PERSON]["briefings"]) == 3
    assert (out / f"entities/{shared[LONG_PERSON]['id']}.md").is_file()
    long_one = [b["id"] for b in export["briefings"] if b["title"] == "Larkspur Harbour Bridge closed"]
    assert long_one and long_one[0].startswith("zhu-shi-hui-she") and len(long_one[0].encode()) <= 64
    res = mkdocs_cli(project, "build", "--strict")
    assert res.returncode == 0, res.stderr
    page = BeautifulSoup((project / f"site/briefing/entities/{shared[LONG_PERSON]['id']}/index.html").read_text(
        encoding="utf-8"), "html.parser")
    assert page.h1.get_text().strip(" ¶") == LONG_PERSON


def test_a_look_alike_folder_never_takes_an_existing_briefings_address(tmp_path):
    """Adding `seeds/harbour-bridge/` beside `seeds/Harbour Bridge/` moved the existing briefing off
    its address and put the newcomer there, with a warning and exit 0. Now the briefing keeps its
    address, the newcomer is an error naming both folders (exit 1) and is not built."""
    project = make_project(tmp_path / "p", {"Harbour Bridge" if name == "harbour-bridge" else name: files
                                            for name, files in BRIEFINGS.items()})
    assert briefing_cli(project).returncode == 0
    home = project / "docs/briefing/harbour-bridge/index.md"
    before = home.read_text(encoding="utf-8")
    add_briefing(project, "harbour-bridge", {"briefing.yml": "title: Impostor bridge story\n",
                                             "a.txt": "Bridge opens\n\nThe bridge opened on Friday.\n"})
    res = briefing_cli(project)
    assert res.returncode == 1
    assert ("ERROR    - seeds/harbour-bridge: not built: its address `harbour-bridge/` is also that of "
            "seeds/Harbour Bridge") in res.stderr
    assert home.read_text(encoding="utf-8") == before
    export = json.loads((project / "docs/briefing/briefings.json").read_text(encoding="utf-8"))
    ids = [b["id"] for b in export["briefings"]]
    assert len(ids) == len(set(ids)) == 3 and "Impostor bridge story" not in {b["title"] for b in export["briefings"]}
