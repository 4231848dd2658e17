"""The briefing's home page: where the outlets differ, sources, main entities by outlet, the facts
more than one outlet reports, links to the other pages and the downloads."""
from __future__ import annotations

from collections import Counter

from ..text import plural
from .context import CSV_FILE, JSON_FILE, QUOTES, TIMELINE, Context, crumbs, front_matter, label_name
from .differ import differ_section
from .escape import md_text
from .facttable import fact_table

MAX_OUTLET_COLUMNS = 8
MAIN_ENTITIES = 15


def index_page(ctx: Context) -> str:
    b = ctx.b
    lines = front_matter(b.title)
    if ctx.site is not None:
        lines += crumbs([(ctx.site, "../index.md")], b.title)
    lines += [f"# {md_text(b.title)}", ""]
    lines += [f"{plural(len(b.articles), 'article')} · [Timeline]({TIMELINE}) · [Quotes]({QUOTES}) · "
              f"[Glossary]({ctx.glossary_home}) · Download [all data (JSON)]({JSON_FILE}) or "
              f"[the facts (CSV)]({CSV_FILE})", ""]
    lines += differ_section(ctx)
    lines += ["## Sources", "", "| Outlet | Article | Date |", "|---|---|---|"]
    for a in b.articles:
        lines.append(f"| {md_text(ctx.source_name(a.id))} | [{md_text(a.title)}]({ctx.article_page(a.id)})"
                     f" | {md_text(a.date) if a.date else '—'} |")
    lines += ["", "## Main entities", ""]
    top = sorted(b.entities, key=lambda e: (-len(e.mentions), e.name))[:MAIN_ENTITIES]
    column_of = outlet_columns(ctx)
    columns = list(dict.fromkeys(column_of.values()))
    if top:
        lines += ["Mentions per outlet:", "", "| Entity | Type | " + " | ".join(md_text(c) for c in columns) + " |",
                  "|---" * (2 + len(columns)) + "|"]
        for e in top:
            counts = Counter(column_of[m.article] for m in e.mentions)
            cells = " | ".join(str(counts[c]) if counts[c] else "—" for c in columns)
            lines.append(f"| [{md_text(e.name)}]({ctx.glossary_of[e.id]}#{e.id}) | {label_name(e.label)} | {cells} |")
    cross = [f for f in b.facts if f.status != "single"]
    lines += ["", "## Facts more than one outlet reports", ""]
    lines += fact_table(ctx, cross, None) if cross else ["No fact is reported by more than one outlet."]
    singles = Counter(c.article for f in b.facts if f.status == "single" for c in f.claims)
    lines += ["", "## Reported by one source only", "", "| Article | Facts no other outlet reports |",
              "|---|---|"]
    for a in b.articles:
        lines.append(f"| [{md_text(a.title)}]({ctx.article_page(a.id)}#facts) | {singles[a.id]} |")
    lines += ["", f"[Glossary of all {plural(len(b.entities), 'entity', 'entities')}]({ctx.glossary_home})", ""]
    return "\n".join(lines)


def outlet_columns(ctx: Context) -> dict[str, str]:
    """Article id -> coverage-matrix column: its outlet; past MAX_OUTLET_COLUMNS, "Other outlets"."""
    names = {a.id: ctx.source_name(a.id) for a in ctx.b.articles}
    by_size = Counter(names.values())
    keep = {n for n, _ in sorted(by_size.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_OUTLET_COLUMNS]}
    return {aid: (n if n in keep else "Other outlets") for aid, n in names.items()}
