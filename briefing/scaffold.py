"""`briefing new DIR`: a ready project, like `mkdocs new`.

    DIR/mkdocs.yml      the plugin and the settings a briefing site relies on
    DIR/overrides.yml   the editor's corrections, every rule commented out
    DIR/docs/index.md   the site's hand-written home page
    DIR/seeds/          the articles go here
    DIR/.gitignore      the built site, the NLP cache, the generated folder (an existing
                        .gitignore is left as it is: it is the user's)

The files come from package data (briefing/templates/new/). Nothing that exists is ever
replaced: the files are created with exclusive creation, after a check that none of them exists,
so an existing project is left exactly as it was.
"""
from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path

from .model import Diagnostic
from .render.escape import md_text, meta_title
from .text import clean_text

TEMPLATES = ("mkdocs.yml", "overrides.yml", "docs/index.md")
RENAMED = {"gitignore": ".gitignore"}  # a dot file in package data is easy to lose in packaging
OPTIONAL = (".gitignore",)  # kept as it is when it exists (a project inside a git repository)
FOLDERS = ("seeds", "docs")
DEFAULT_TITLE = "My briefing"
PLACEHOLDER = re.compile(r"\{\{(site_name|title|heading)\}\}")


def files(title: str = DEFAULT_TITLE) -> dict[str, str]:
    """The new project's files (path relative to the project -> text), the title filled in."""
    title = clean_text(title) or DEFAULT_TITLE
    folder = resources.files("briefing") / "templates" / "new"
    # a JSON string is a YAML double-quoted scalar: any title is one valid value. MkDocs and the
    # theme copy `site_name` into <title>, the header and an aria-label unescaped, so it is
    # HTML-escaped as page titles are; the plugin's `title` is escaped where it lands.
    values = {"site_name": meta_title(title), "title": json.dumps(title, ensure_ascii=False), "heading": md_text(title)}
    out = {}
    for rel in (*TEMPLATES, *RENAMED):
        text = (folder / rel).read_text(encoding="utf-8")
        # one pass, so a title holding `{{heading}}` stays as written
        out[RENAMED.get(rel, rel)] = PLACEHOLDER.sub(lambda m: values[m.group(1)], text)
    return out


def create(folder: Path, title: str = DEFAULT_TITLE) -> tuple[list[str], list[Diagnostic]]:
    """Create the project in `folder` (made if missing; existing folders are fine). Returns the
    paths created, or, when any file would be replaced, nothing created and one error per file."""
    new = files(title)
    if folder.exists() and not folder.is_dir():
        return [], [Diagnostic("error", folder.as_posix(), "exists and is not a folder: choose another name")]
    problems = []
    for rel in (*new, *FOLDERS):
        path = folder / rel
        if rel in FOLDERS:
            if path.exists() and not path.is_dir():
                problems.append(Diagnostic("error", path.as_posix(), "exists and is not a folder: move it away, "
                                                                     "or run `briefing new` on another folder"))
        elif (path.exists() or path.is_symlink()) and rel not in OPTIONAL:
            problems.append(Diagnostic("error", path.as_posix(), "already exists, and `briefing new` replaces "
                                                                 "nothing: move it away, or choose another folder"))
    if problems:
        return [], problems
    created = []
    for rel in FOLDERS:
        if not (folder / rel).is_dir():
            (folder / rel).mkdir(parents=True)
            created.append(f"{rel}/")
    for rel, text in new.items():
        path = folder / rel
        if rel in OPTIONAL and (path.exists() or path.is_symlink()):
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "x", encoding="utf-8", newline="\n") as fh:  # "x": never replaces a file
            fh.write(text)
        created.append(rel)
    return sorted(created), []
