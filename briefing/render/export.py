"""The exports: `briefing.json` (the contract, version 1) and `facts.csv` (one row per claim);
both documented in the README."""
from __future__ import annotations

import csv
import io
import json
import re

from .context import Context

JSON_VERSION = 1


def export(ctx: Context) -> str:
    b = ctx.b
    data = {
        "version": JSON_VERSION,
        "title": b.title,
        "articles": [{"id": a.id, "title": a.title, "source": a.source, "date": a.date or a.inferred_date,
                      "url": a.url, "author": a.author, "file": a.file, "page": ctx.article_page(a.id),
                      "guessed": list(a.guessed), "language": a.language,
                      "removed": [{"text": r.text, "start": r.start, "end": r.end} for r in a.removed]}
                     for a in b.articles],
        "entities": [{"id": e.id, "name": e.name, "label": e.label, "aliases": list(e.aliases),
                      "description": e.description,
                      "descriptions": [{"text": d.text, "article": d.article or None, "sentence": d.sentence}
                                       for d in e.descriptions],
                      "mentions": [{"article": m.article, "text": m.text, "start": m.start, "end": m.end}
                                   for m in e.mentions]}
                     for e in b.entities],
        "facts": [{"id": f.id, "kind": f.kind, "status": f.status, "subject": f.subject, "note": f.note,
                   "label": f.label, "confidence": f.confidence,
                   "diff": [list(d) for d in f.diff],
                   "claims": [{"article": c.article, "text": c.text, "value": c.value, "start": c.start,
                               "end": c.end, "sentence": c.sentence, "sentence_start": c.sentence_start,
                               "sentence_end": c.sentence_end} for c in f.claims]}
                  for f in b.facts],
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


CSV_COLUMNS = ("fact", "kind", "status", "subject", "note", "article", "outlet", "date", "text", "value", "start", "end",
               "sentence")
# A formula start (what a spreadsheet may run: =, +, -, @, a tab or a carriage return) at a cell's
# start or after any character a spreadsheet may guess as the separator (, ; tab |) or a line break,
# with only spaces and quote marks between: importing with `;` as the separator makes `rose;=1+1`
# two cells, the second a formula.
FORMULA_START = re.compile(r"(^|[,;\t|\n\r])([ \"'\u00a0]*+)(?=[=+\-@\t\r])")


def facts_csv(ctx: Context) -> str:
    """Every claim of every fact, one row each, in the order of briefing.json. Every text field is
    quoted (offsets are numbers), and a formula start in a cell gets an apostrophe before it, at
    the cell's start and after any separator a spreadsheet may guess (`cell`)."""
    out = io.StringIO()
    out.write(",".join(CSV_COLUMNS) + "\n")
    writer = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_NONNUMERIC)
    for f in ctx.b.facts:
        for c in f.claims:
            a = ctx.articles[c.article]
            text = [cell(x) for x in (f.id, f.kind, f.status, f.subject, f.note, c.article, a.source or "",
                                      a.date or "", c.text, c.value)]
            writer.writerow([*text, c.start, c.end, cell(c.sentence)])
    return out.getvalue()


def cell(text: str) -> str:
    """Text a spreadsheet shows as text whichever separator it guesses: `'` before each formula start."""
    return FORMULA_START.sub(r"\1\2'", text)
