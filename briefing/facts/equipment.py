"""Model-numbered products ("T-90 tanks")."""
from __future__ import annotations

import re

from ..model import ParsedArticle
from .sentences import Extracted, View, lemma, make_claim, span_text


def extract(pa: ParsedArticle, si: int, sents: View, products: list) -> list[Extracted]:
    """Model-numbered products with what they are ("T-90 tanks", "Su-25 jets"): a detail one outlet
    may add. Only things counted in the plural are equipment: "a G20 summit" is a meeting.
    `products` are this segment's (entity, mention) pairs of PRODUCT entities."""
    seg = pa.segments[si]
    toks = seg.tokens
    aid = pa.article.id
    out = []
    for ent, m in products:
        if not re.search(r"\d", m.text):
            continue
        end_tok = m.tok_end
        while end_tok < len(toks) and toks[end_tok].tag in ("NN", "NNS", "NNP") and end_tok - m.tok_end < 3 \
                and not toks[end_tok].text[:1].isupper():
            end_tok += 1
        if end_tok == m.tok_end or toks[end_tok - 1].tag != "NNS":
            continue
        s, e, text = span_text(pa.article.raw, toks, m.tok_start, end_tok)
        sent = toks[m.tok_start].sent
        claim = make_claim(pa, si, sent, s, e, ent.name)
        thing = lemma(toks[end_tok - 1])
        out.append(Extracted(claim, "equipment", ("equipment", ent.id),
                             entities=sents.entities(aid, si, sent), subject=f"{ent.name} {thing}"))
    return out

