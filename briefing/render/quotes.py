"""Who said what: each speaker, their quotes across outlets, and where outlets word a quote
differently, the word diff (the fact table's)."""
from __future__ import annotations

from collections import defaultdict

from slugify import slugify

from ..facts import wording
from ..model import Entity, Fact
from ..text import plural
from .context import QUOTES, Context
from .escape import diff_html, md_short, md_text
from .facttable import MAX_CLAIMS_SHOWN, STATUS, claim_link

UNATTRIBUTED = "unattributed"  # the subject of a quote no speaker was found for (facts/quotes.py)


def quotes_page(ctx: Context) -> str:
    entity_of = _entities_by_name(ctx)
    by_speaker: dict[str, list[Fact]] = defaultdict(list)
    unnamed: list[Fact] = []  # "one U.S. official", "it", or no speaker found
    for f in ctx.b.facts:
        if f.kind == "quote":
            named = f.subject in entity_of or (f.subject != UNATTRIBUTED and f.subject[:1].isupper())
            (by_speaker[f.subject] if named else unnamed).append(f)
    speakers = sorted(by_speaker, key=lambda s: (-len(by_speaker[s]), s.casefold(), s))
    total = len(unnamed) + sum(map(len, by_speaker.values()))
    lines = [*ctx.head("Quotes", ""), "# Quotes", ""]
    if not total:
        return "\n".join(lines + ["No quotations were found in the articles.", ""])
    lines += [f"{plural(total, 'quotation')} by {plural(len(speakers), 'named speaker')}"
              f"{' and speakers not named' if unnamed else ''}, with every outlet that reports each one, linked to "
              "its sentence. Where outlets word a quote differently, the words only the first outlet has are struck "
              "through and the words only the other has are underlined.", ""]
    used = {"q-not-named"}  # the heading of the unnamed speakers' section
    for speaker in speakers:
        lines += [f"## {md_text(speaker)} {{ #{_anchor(speaker, used)} }}", ""]
        about = [plural(len(by_speaker[speaker]), "quotation")]
        e = entity_of.get(speaker)
        if e is not None:
            about.append(f"[glossary entry]({ctx.glossary_of[e.id]}#{e.id})")
            if e.description:
                about.insert(0, md_short(e.description))
        lines += [" · ".join(about), ""]
        for f in _ordered(ctx, by_speaker[speaker]):
            lines += _quote(ctx, f, "")
        lines.append("")
    if unnamed:
        lines += ["## Speakers not named { #q-not-named }", "",
                  f"{plural(len(unnamed), 'quotation')} whose speaker the articles do not name, or the tool did not "
                  "find; with the words that stand for the speaker where there are some.", ""]
        for f in _ordered(ctx, unnamed):
            lines += _quote(ctx, f, "" if f.subject == UNATTRIBUTED else f"*{md_text(f.subject)}*: ")
        lines.append("")
    return "\n".join(lines)


def _ordered(ctx: Context, facts: list[Fact]) -> list[Fact]:
    """Quotes most outlets report first, then in article order."""
    return sorted(facts, key=lambda f: (-len({c.article for c in f.claims}), ctx.order[f.claims[0].article],
                                        f.claims[0].start))


def _quote(ctx: Context, f: Fact, who: str) -> list[str]:
    """One quotation: each outlet's wording linked to its sentence; for each wording after the
    first that differs from it, the word diff."""
    first = f.claims[0]
    rows, diffed = [], False
    for n, c in enumerate(f.claims[:MAX_CLAIMS_SHOWN]):
        row = f"{md_text(ctx.source_name(c.article))}: {claim_link(ctx, c, QUOTES)}"
        if n and f.status == "differ":
            diff = wording.diff(first.value, c.value)  # as the fact table and the home show it
            if _marks_a_word(diff):
                row += f"<br><small>against {md_text(ctx.source_name(first.article))}: {diff_html(diff)}</small>"
                diffed = True
        rows.append(row)
    if f.status == "differ" and not diffed and _marks_a_word(f.diff):
        rows.append(f"<small>wording: {diff_html(f.diff)}</small>")  # a difference only the words leading in show
    if len(f.claims) > MAX_CLAIMS_SHOWN:
        rows.append(f"… and {plural(len(f.claims) - MAX_CLAIMS_SHOWN, 'more source')}")
    status = f'<span class="bf-status bf-{f.status}">{STATUS[f.status]}</span> · ' if f.status != "single" else ""
    return [f"- {who}{status}{'<br>'.join(rows)}"]


def _marks_a_word(diff: tuple[tuple[str, str], ...]) -> bool:
    return any(op != "=" for op, _ in diff)


def _entities_by_name(ctx: Context) -> dict[str, Entity]:
    out: dict[str, Entity] = {}
    for e in ctx.b.entities:
        out.setdefault(e.name, e)
    return out


def _anchor(speaker: str, used: set[str]) -> str:
    """A heading id of our own ("q-" + the name), unique on the page."""
    base = "q-" + (slugify(speaker, max_length=40, word_boundary=True) or "speaker")
    anchor, n = base, 2
    while anchor in used:
        anchor, n = f"{base}-{n}", n + 1
    used.add(anchor)
    return anchor
