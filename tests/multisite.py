"""A small invented site of three briefings that share an entity, for the tests of many briefings.

Every story, outlet, person and place here is made up for the tests.
"""
from __future__ import annotations

import re
from pathlib import Path

from conftest import ROOT

BRIEFINGS = {
    "harbour-bridge": {
        "briefing.yml": """\
title: Larkspur Harbour Bridge closed
date: 2031-03-04
articles:
  herald: {source: Coastal Herald, date: "2031-03-04"}
  times: {source: Valley Times, date: "2031-03-04"}
""",
        "herald.txt": """\
Harbour bridge closes after crack is found

Engineers closed the Larkspur Harbour Bridge on Tuesday after inspectors found a crack in a main girder, \
Transport Minister Helena Marsh said. The bridge carries 40,000 vehicles a day.

Marsh said repairs would take six weeks. "We will not reopen it until it is safe," she told reporters in Portvale.
""",
        "times.txt": """\
Crack shuts Larkspur bridge for weeks

The Larkspur Harbour Bridge was shut on Tuesday when inspectors found a crack in a steel girder. About 45,000 \
vehicles cross it each day.

Transport Minister Helena Marsh told reporters in Portvale that the work would take eight weeks. "We will not \
reopen it until it is safe," Marsh said.
""",
    },
    "rail-strike": {
        "briefing.yml": """\
title: Portvale rail strike
date: 2031-04-10
articles:
  wire: {source: Northern Wire}
  post: {source: Portvale Post}
""",
        "overrides.yml": """\
version: 1
describe: {Union of Rail Workers: Trade union of train drivers}
""",
        "wire.txt": """\
Rail workers walk out in Portvale

Train drivers in Portvale began a three-day strike on Monday over pay, the Union of Rail Workers said. \
Transport Minister Helena Marsh called the walkout reckless.

The union said 1,200 drivers had joined the strike.
""",
        "post.txt": """\
Strike halts trains across Portvale

About 1,500 drivers stopped work on Monday in a dispute over pay, according to the Union of Rail Workers. \
Helena Marsh, the transport minister, said the strike was reckless.
""",
    },
    "ferry-fares": {  # no briefing.yml: dated by its newest article
        "one.md": """\
---
title: Ferry fares to rise in spring
source: Island Gazette
date: 2031-02-20
---
Ferry fares between Portvale and Gull Island will rise by 12 percent in April, the ferry operator Bluewake \
Lines said on Thursday. Transport Minister Helena Marsh approved the increase.
""",
        "two.md": """\
---
title: Bluewake Lines raises ferry prices
source: Coastal Herald
date: 2031-02-21
---
Bluewake Lines will raise fares on its Gull Island route by 15 percent from April. Helena Marsh, the \
transport minister, signed off on the rise last week.
""",
    },
}

# A site-wide rule that matches in one briefing only: that is enough, no warning.
SITE_OVERRIDES = """\
version: 1
describe:
  Bluewake Lines: Ferry operator serving Gull Island
"""

NEW_BRIEFING = {  # a fourth story, added later: it names Bluewake Lines, until then in one briefing only
    "briefing.yml": "title: Bluewake Lines cancels sailings\ndate: 2031-05-02\n",
    "a.txt": """\
Storm cancels ferry sailings

The ferry company Bluewake Lines cancelled all sailings on Friday as a storm moved in. About 300 \
passengers were stranded in Portvale.
""",
    "b.txt": """\
Ferries stay in port as storm hits

The storm forced Bluewake Lines to cancel every sailing on Friday, the company said. It said 350 \
travellers had their trips cancelled.
""",
}


def make_project(folder: Path, briefings: dict = BRIEFINGS) -> Path:
    """An MkDocs project (the repository's mkdocs.yml without its sample metadata) with `briefings`."""
    folder.mkdir(parents=True, exist_ok=True)
    cfg = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    cfg = re.sub(r"\n      articles:\n(        .*\n)+", "\n", cfg)
    cfg = re.sub(r'(\n      title: ).*', r'\1"Newsroom briefings"', cfg, count=1)
    cfg = re.sub(r"^site_name: .*", "site_name: Newsroom", cfg, count=1)
    (folder / "mkdocs.yml").write_text(cfg, encoding="utf-8")
    (folder / "overrides.yml").write_text(SITE_OVERRIDES, encoding="utf-8")
    (folder / "docs").mkdir()
    (folder / "docs/index.md").write_text("# About\n\nA newsroom's briefings: [all of them](briefing/index.md).\n")
    for name, files in briefings.items():
        add_briefing(folder, name, files)
    return folder


def add_briefing(project: Path, name: str, files: dict[str, str]) -> None:
    (project / "seeds" / name).mkdir(parents=True, exist_ok=True)
    for file, text in files.items():
        (project / "seeds" / name / file).write_text(text, encoding="utf-8")
