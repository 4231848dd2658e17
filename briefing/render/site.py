"""The pages of a site of several briefings: the home (every briefing, newest first), one page per
month, the entities named in several briefings (an index and one page each) and `briefings.json`."""
from __future__ import annotations

import json
from collections import defaultdict

from ..site.summaries import EntityRef, Shared, Site, Summary, month
from ..words.english import month_name
from .context import css, label_name
from .escape import md_text, meta_title

JSON_VERSION = 1
MAX_OUTLETS_SHOWN = 4
UNDATED = "undated"
RECENT_MONTHS = 6  # months the nav and the home name; every month is on months/index.md


def site_pages(site: Site) -> dict[str, str]:
    by_month: dict[str, list[Summary]] = defaultdict(list)
    for s in site.briefings:
        by_month[month(s) or UNDATED].append(s)
    pages = {"index.md": home(site, by_month), "briefings.json": export(site), "entities/index.md": entity_index(site),
             "months/index.md": month_index(by_month)}
    for m, members in by_month.items():
        pages[f"months/{m}.md"] = month_page(m, members)
    refs = {(s.slug, ref.id): (s, ref) for s in site.briefings for ref in s.entities}
    for sh in site.shared:
        pages[f"entities/{sh.id}.md"] = entity_page(sh, [refs[member] for member in sh.members])
    return pages


def nav(rels) -> list[str]:
    """The site pages the nav lists, in order: the home, the latest months, every month, the shared
    entities. A bounded list: mkdocs-material repeats the nav on every page, so a page stays the
    same size however many briefings and months the site has."""
    months = sorted((r for r in rels if r.startswith("months/") and r[7:-3] not in ("index", UNDATED)), reverse=True)
    order = ["index.md", *months[:RECENT_MONTHS], "months/index.md", "entities/index.md"]
    return [r for r in order if r in rels]


def month_title(m: str) -> str:
    if m == UNDATED:
        return "Briefings without a date"
    year, mon = m.split("-")
    return f"{month_name(int(mon))} {year}" if 1 <= int(mon) <= 12 else m


def briefing_table(briefings: list[Summary], up: str) -> list[str]:
    lines = ["| Date | Briefing | Outlets | Facts the outlets differ on |", "|---|---|---|---|"]
    for s in briefings:
        outlets = ", ".join(md_text(o) for o in s.outlets[:MAX_OUTLETS_SHOWN])
        if len(s.outlets) > MAX_OUTLETS_SHOWN:
            outlets += f" and {len(s.outlets) - MAX_OUTLETS_SHOWN} more"
        lines.append(f"| {md_text(s.date) if s.date else '—'} | [{md_text(s.title)}]({up}{s.slug}/index.md) "
                     f"| {outlets or '—'} | {s.differ} of {s.facts} |")
    return lines


def home(site: Site, by_month: dict[str, list[Summary]]) -> str:
    n = len(site.briefings)
    recent = [m for m in by_month if m != UNDATED][:RECENT_MONTHS]
    lines = ["---", f"title: {meta_title(site.title)}", "---", "", f"# {md_text(site.title)}", "",
             f"{n} briefing{'s' if n != 1 else ''}, newest first. By month: "
             + "".join(f"[{month_title(m)}](months/{m}.md), " for m in recent)
             + f"[all {len(by_month)} months](months/index.md).", ""]
    if site.shared:
        lines += [f"[{len(site.shared)} entities named in more than one briefing](entities/index.md)", ""]
    lines += briefing_table(list(site.briefings), "")
    return "\n".join(lines) + "\n"


def month_index(by_month: dict[str, list[Summary]]) -> str:
    lines = ["---", "title: All months", "---", "", "# All months", "",
             "Every month with its briefings, newest first. [All briefings](../index.md)", "",
             "| Month | Briefings |", "|---|---|"]
    for m, members in by_month.items():
        lines.append(f"| [{month_title(m)}]({m}.md) | {len(members)} |")
    return "\n".join(lines) + "\n"


def month_page(m: str, briefings: list[Summary]) -> str:
    title = month_title(m)
    lines = ["---", f"title: {meta_title(title)}", "---", "", f"# {md_text(title)}", "",
             f"{len(briefings)} briefing{'s' if len(briefings) != 1 else ''}, newest first. "
             "[All briefings](../index.md)", ""]
    return "\n".join(lines + briefing_table(briefings, "../")) + "\n"


def entity_index(site: Site) -> str:
    lines = ["---", "title: Entities across briefings", "---", "", "# Entities across briefings", "",
             "People, organisations and places named in more than one briefing. [All briefings](../index.md)", ""]
    if not site.shared:
        return "\n".join(lines + ["No entity is named in more than one briefing yet."]) + "\n"
    lines += ["| Entity | Type | Briefings |", "|---|---|---|"]
    for sh in sorted(site.shared, key=lambda x: (-len(x.members), x.name.casefold(), x.id)):
        lines.append(f"| [{md_text(sh.name)}]({sh.id}.md) | {label_name(sh.label)} | {len(sh.members)} |")
    return "\n".join(lines) + "\n"


def entity_page(sh: Shared, members: list[tuple[Summary, EntityRef]]) -> str:
    lines = ["---", f"title: {meta_title(sh.name)}", "search:", "  boost: 2", "---", "", f"# {md_text(sh.name)}", "",
             f'<span class="bf-type bf-{css(sh.label)}">{label_name(sh.label)}</span> · '
             f"named in {len(sh.members)} briefings", ""]
    for s, ref in members:  # newest briefing first
        lines += [f"## {md_text(s.title)} {{ #b-{s.slug} }}", "",
                  f"{md_text(s.date) if s.date else 'Undated'} · {ref.mentions} mentions in {ref.articles} "
                  f"of {s.articles} articles · [briefing](../{s.slug}/index.md) · "
                  f"[glossary entry](../{s.slug}/{ref.page}#{ref.id})", ""]
        if ref.description:
            lines += [f"> {md_text(ref.description)}", ""]
    lines += ["[All entities across briefings](index.md)", ""]
    return "\n".join(lines)


def export(site: Site) -> str:
    """`briefings.json`: the site's contract (version 1; documented in the README beside briefing.json)."""
    data = {
        "version": JSON_VERSION,
        "briefings": [{"id": s.slug, "title": s.title, "date": s.date, "path": f"{s.slug}/briefing.json",
                       "outlets": list(s.outlets), "articles": s.articles, "facts": s.facts, "differ": s.differ}
                      for s in site.briefings],
        "shared_entities": [{"id": sh.id, "name": sh.name, "label": sh.label,
                             "briefings": [{"briefing": slug, "entity": eid} for slug, eid in sh.members]}
                            for sh in site.shared],
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"
