"""The pages of a site of several briefings: the home (every briefing, newest first), one page per
month, the entities named in several briefings (an index and one page each) and `briefings.json`."""
from __future__ import annotations

import json
from collections import defaultdict

from ..site.changes import Change
from ..site.summaries import EntityRef, Headline, Shared, Site, Summary, month
from ..text import plural
from ..words.english import month_name
from .context import crumbs, css, front_matter, label_name
from .escape import md_short, md_text

JSON_VERSION = 1
MAX_OUTLETS_SHOWN = 4
UNDATED = "undated"
RECENT_MONTHS = 6  # months the nav and the home name; every month is on months/index.md
MAX_CHANGES = 20  # briefings listed under "Since the last build"
MAX_HEADLINES = 3  # articles named per change


def site_pages(site: Site, latest: tuple[Change, ...] = ()) -> dict[str, str]:
    """The site's pages, relative to the output folder; `latest`: what changed since the last build."""
    by_month = _by_month(site)
    pages = {"index.md": home(site, by_month, latest), "briefings.json": export(site),
             "entities/index.md": entity_index(site), "months/index.md": month_index(site.title, by_month)}
    for m, members in by_month.items():
        pages[f"months/{m}.md"] = month_page(site.title, m, members)
    refs = {(s.slug, ref.id): (s, ref) for s in site.briefings for ref in s.entities}
    for sh in site.shared:
        pages[f"entities/{sh.id}.md"] = entity_page(site.title, sh, [refs[member] for member in sh.members])
    return pages


def front_page(site: Site, latest: tuple[Change, ...], into: str) -> str:
    """The home page for the site's root (docs/index.md, where the site has none of its own): the
    output folder's home with its links led `into` that folder, and left out of search (it is
    the same page)."""
    return home(site, _by_month(site), latest, into, search=False)


def _by_month(site: Site) -> dict[str, list[Summary]]:
    by_month: dict[str, list[Summary]] = defaultdict(list)
    for s in site.briefings:
        by_month[month(s) or UNDATED].append(s)
    return by_month


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


def home(site: Site, by_month: dict[str, list[Summary]], latest: tuple[Change, ...], up: str = "",
         search: bool = True) -> str:
    """The front page: what changed since the last build, then every briefing, newest first."""
    n = len(site.briefings)
    recent = [m for m in by_month if m != UNDATED][:RECENT_MONTHS]
    lines = front_matter(site.title, search=search) + [
        f"# {md_text(site.title)}", "",
        f"{plural(n, 'briefing')}, newest first. By month: "
        + "".join(f"[{month_title(m)}]({up}months/{m}.md), " for m in recent)
        + f"[all {plural(len(by_month), 'month')}]({up}months/index.md).", ""]
    if site.shared:
        lines += [f"[{len(site.shared)} entities named in more than one briefing]({up}entities/index.md)", ""]
    lines += _since(latest, up)
    lines += ["## Latest briefings { #latest-briefings }", ""] + briefing_table(list(site.briefings), up)
    return "\n".join(lines) + "\n"


def _since(latest: tuple[Change, ...], up: str) -> list[str]:
    """What changed since the last build: a line per briefing new, updated or removed."""
    if not latest:
        return []
    lines = ["## Since the last build { #since-the-last-build }", ""]
    for c in latest[:MAX_CHANGES]:
        name = md_text(c.title) if c.kind == "removed" else f"[{md_text(c.title)}]({up}{c.slug}/index.md)"
        if c.kind == "new":
            lines.append(f"- New: {name}, {plural(len(c.added), 'article')}: {_headlines(c.added)}")
            continue
        if c.kind == "removed":
            lines.append(f"- Removed: {name}")
            continue
        what = [f"{plural(len(hs), f'article {verb}', f'articles {verb}')}: {_headlines(hs)}"
                for hs, verb in ((c.added, "added"), (c.edited, "edited"), (c.gone, "removed")) if hs]
        if c.differ[0] != c.differ[1]:
            what.append(f"facts the outlets differ on: {c.differ[0]} → {c.differ[1]}")
        if c.was:
            what.append(f"retitled (was *{md_text(c.was)}*)")
        if not what:
            what = ["its articles or rules changed"]
        lines.append(f"- {name}: " + "; ".join(what))
    if len(latest) > MAX_CHANGES:
        lines.append(f"- … and {plural(len(latest) - MAX_CHANGES, 'more briefing')}")
    return lines + [""]


def _headlines(hs: tuple[Headline, ...]) -> str:
    shown = ", ".join(f"*{md_text(h.title)}*" + (f" ({md_text(h.source)})" if h.source else "") for h in hs[:MAX_HEADLINES])
    return shown + (f" and {len(hs) - MAX_HEADLINES} more" if len(hs) > MAX_HEADLINES else "")


def _site_head(site_title: str, title: str, trail: list[tuple[str, str]], boost: int | None = None) -> list[str]:
    """Front matter, the way back to the site's home (and `trail`), and the heading of a site page
    one folder below the output folder's root."""
    return front_matter(title, boost) + crumbs([(site_title, "../index.md"), *trail], title) + [f"# {md_text(title)}", ""]


def month_index(site_title: str, by_month: dict[str, list[Summary]]) -> str:
    lines = _site_head(site_title, "All months", []) + [
        "Every month with its briefings, newest first.", "", "| Month | Briefings |", "|---|---|"]
    for m, members in by_month.items():
        lines.append(f"| [{month_title(m)}]({m}.md) | {len(members)} |")
    return "\n".join(lines) + "\n"


def month_page(site_title: str, m: str, briefings: list[Summary]) -> str:
    lines = _site_head(site_title, month_title(m), [("All months", "index.md")]) + [
        f"{plural(len(briefings), 'briefing')}, newest first.", ""]
    return "\n".join(lines + briefing_table(briefings, "../")) + "\n"


def entity_index(site: Site) -> str:
    lines = _site_head(site.title, "Entities across briefings", []) + [
        "People, organisations and places named in more than one briefing.", ""]
    if not site.shared:
        return "\n".join(lines + ["No entity is named in more than one briefing yet."]) + "\n"
    lines += ["| Entity | Type | Briefings |", "|---|---|---|"]
    for sh in sorted(site.shared, key=lambda x: (-len(x.members), x.name.casefold(), x.id)):
        lines.append(f"| [{md_text(sh.name)}]({sh.id}.md) | {label_name(sh.label)} | {len(sh.members)} |")
    return "\n".join(lines) + "\n"


def entity_page(site_title: str, sh: Shared, members: list[tuple[Summary, EntityRef]]) -> str:
    lines = _site_head(site_title, sh.name, [("Entities across briefings", "index.md")], boost=2) + [
        f'<span class="bf-type bf-{css(sh.label)}">{label_name(sh.label)}</span> · '
        f"named in {len(sh.members)} briefings", ""]
    for s, ref in members:  # newest briefing first
        lines += [f"## {md_text(s.title)} {{ #b-{s.slug} }}", "",
                  f"{md_text(s.date) if s.date else 'Undated'} · {ref.mentions} mentions in {ref.articles} "
                  f"of {s.articles} articles · [briefing](../{s.slug}/index.md) · "
                  f"[glossary entry](../{s.slug}/{ref.page}#{ref.id})", ""]
        if ref.description:
            lines += [f"> {md_short(ref.description)}", ""]
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
