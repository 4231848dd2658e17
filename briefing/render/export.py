"""`briefing.json`, the export contract (version 1; documented in the README)."""
from __future__ import annotations

import json

from .context import Context

JSON_VERSION = 1


def export(ctx: Context) -> str:
    b = ctx.b
    data = {
        "version": JSON_VERSION,
        "title": b.title,
        "articles": [{"id": a.id, "title": a.title, "source": a.source, "date": a.date, "url": a.url,
                      "author": a.author, "file": a.file, "page": ctx.article_page(a.id), "guessed": list(a.guessed),
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
                   "diff": [list(d) for d in f.diff],
                   "claims": [{"article": c.article, "text": c.text, "value": c.value, "start": c.start,
                               "end": c.end, "sentence": c.sentence, "sentence_start": c.sentence_start,
                               "sentence_end": c.sentence_end} for c in f.claims]}
                  for f in b.facts],
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"
