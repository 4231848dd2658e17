"""What clustering works on: nodes (one per article and surface form), the view of the briefing
its rules read, and the label groups they compare."""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ..model import Mention, ParsedArticle
from .names import normalize

Node = tuple[str, str]  # (article id, normalized form)
COARSE = {"PERSON": "person", "NORP": "group", "ORG": "org", "GPE": "place", "LOC": "place", "FAC": "place"}
PLACES = frozenset({"GPE", "LOC"})
THINGS = frozenset({"ORG", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"})  # named things, not people or places
SURNAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "WORK_OF_ART", "PRODUCT"})
FUNCTION_WORDS = frozenset({"of", "for", "and", "the", "in", "on", "de", "du", "des", "la", "le", "&"})


def majority(votes: Counter) -> str:
    """The label given most; a tie goes to the label last in the alphabet, so the choice is stable."""
    return max(votes.items(), key=lambda kv: (kv[1], kv[0]))[0]


def node_of(m: Mention) -> Node:
    return (m.article, normalize(m.text))


@dataclass
class View:
    """What the rules read: every node's label, the briefing's forms, its lower-case words."""

    labels: dict[Node, str]
    forms: dict[str, list[Node]] = field(default_factory=lambda: defaultdict(list))  # casefolded form -> nodes
    form_label: dict[str, str] = field(default_factory=dict)  # casefolded form -> majority label
    lower_words: frozenset[str] = frozenset()

    def nodes(self, form: str) -> list[Node]:
        return self.forms.get(form.casefold(), [])


def acts_like_a_person(parsed: ParsedArticle, m: Mention) -> bool:
    toks = parsed.segments[m.segment].tokens
    tok = toks[m.tok_end - 1]
    after = [t.text for t in toks[m.tok_end:m.tok_end + 3]]
    return tok.dep in ("nsubj", "nsubjpass") or (len(after) == 3 and after[0] == after[2] == ","
                                                  and after[1].isdigit())
