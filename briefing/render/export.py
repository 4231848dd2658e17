"""The exports: `briefing.json` (the contract, version 1) and `facts.csv` (one row per claim);
both documented in the README."""
from __future__ import annotations

import csv
import io
import json

from .context import Context

JSON_VERSION = 1


def export(ctx: Context) -> str:
    b = ctx.b
    data = {
        "version": JSON_VERSION,
        "title": b.title,
        "articles": [{"id": a.id, "title": a.title, "source": a.source, "date": a.date or a.inferred_date,
                      "url": a.url, "author": a.author, "file": a.file, "page": ctx.article_page(a.id),
                      "guessed": list(a.guessed),
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
                   "confidence": f.confidence,
                   "diff": [list(d) for d in f.diff],
                   "claims": [{"article": c.article, "text": c.text, "value": c.value, "start": c.start,
                               "end": c.end, "sentence": c.sentence, "sentence_start": c.sentence_start,
                               "sentence_end": c.sentence_end} for c in f.claims]}
                  for f in b.facts],
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


CSV_COLUMNS = ("fact", "kind", "status", "subject", "note", "article", "outlet", "date", "text", "value", "start", "end",
               "sentence")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # what a spreadsheet may run as a formula


def facts_csv(ctx: Context) -> str:
    """Every claim of every fact, one row each, in the order of briefing.json. Cells are article
    text: one that a spreadsheet could read as a formula gets a leading apostrophe."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for f in ctx.b.facts:
        for c in f.claims:
            a = ctx.articles[c.article]
            writer.writerow([cell(x) for x in (f.id, f.kind, f.status, f.subject, f.note, c.article, a.source or "",
                                               a.date or "", c.text, c.value, c.start, c.end, c.sentence)])
    return out.getvalue()


def cell(value: object) -> str:
    text = str(value)
    return "'" + text if text.startswith(FORMULA_START) else text
