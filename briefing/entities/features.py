"""Places and facilities named by a head word the sentence or the briefing gives, for clustering:
a name in a list sharing a plural head ("Arlow and Dunmore counties") is, at that mention, the name
with the head ("Dunmore County"); a feature named "N of P" is N ("the Upper Peninsula of Arlow");
"P island" is the one "... Island of P" the briefing names.
"""
from __future__ import annotations

import re
from collections import defaultdict

from ..model import Mention, ParsedArticle
from ..unionfind import UnionFind
from ..words import knowledge
from . import labels
from .lists import shared_head
from .names import normalize
from .nodes import PLACES, Node, View


def assign_shared_heads(parsed: ParsedArticle, ments: list[Mention], view: View,
                        assigned: dict[tuple[str, int], Node]) -> None:
    """A name in a list that shares a plural head word ("Arlow and Dunmore counties") is, at that
    mention, the name with the head ("Dunmore County") where the briefing names that too: a
    country or state of the same name elsewhere stays itself."""
    for m in ments:
        head = shared_head(parsed.segments[m.segment].tokens, m.tok_start, m.tok_end, labels.HEAD_LABELS)
        full = view.nodes(f"{normalize(m.text)} {head}") if head else []
        if full:
            assigned[(m.article, m.start)] = next((n for n in full if n[0] == m.article), full[0])


FEATURE_HEADS = labels.LOCATION_HEADS | labels.FACILITY_HEADS
_OF_A_PLACE = re.compile(r"\A(.+) of (?:the )?(.+)\Z")


def link_features(view: View, uf: UnionFind) -> None:
    """Join the names of features of places (`_link_features_of_places`, `_link_features_by_place`)."""
    _link_features_by_place(view, uf, _link_features_of_places(view, uf))


def _link_features_of_places(view: View, uf: UnionFind) -> dict[tuple[str, str], list[str]]:
    """"the Upper Peninsula of Arlow" names the "Upper Peninsula" the briefing names alone: a
    feature's own name (two words or more, ending in a feature's head: not "Gulf" of "Gulf of
    Tarvo", "Isle" of "Isle of Vesk", nor "Bank" of "Bank of Arlow") before "of" and a place.
    Joins a feature's name only to its one "of" form: "the Gulf Coast of Tarvo" and "the Gulf Coast
    of Vesk" are two coasts, and "the Gulf Coast" alone is neither.
    Returns these names by (head, place): ("peninsula", "arlow") -> ["upper peninsula of arlow"]."""
    named_of: dict[tuple[str, str], list[str]] = defaultdict(list)
    of_forms: dict[str, list[str]] = defaultdict(list)  # a feature's name -> its "of" forms
    for form, label in view.form_label.items():
        m = _OF_A_PLACE.match(view.forms[form][0][1])
        if not m or label not in PLACES | {"FAC"}:
            continue
        feature, place = m.group(1).casefold(), m.group(2)
        head = feature.split()[-1]
        if feature == head or head not in FEATURE_HEADS or not (
                knowledge.is_place(place) or view.form_label.get(place.casefold()) in PLACES):
            continue
        named_of[(head, place.casefold())].append(form)
        of_forms[feature].append(form)
    for feature, forms in of_forms.items():
        if len(forms) == 1 and view.form_label.get(feature) in PLACES | {"FAC"}:
            uf.union(view.forms[forms[0]][0], view.forms[feature][0])
    return named_of


def _link_features_by_place(view: View, uf: UnionFind, named_of: dict[tuple[str, str], list[str]]) -> None:
    """"Vendra peninsula" (the head in lower case after a place) is the one "... Peninsula of
    Vendra" the briefing names; with two ("North Peninsula of Vendra", "South Peninsula of Vendra")
    it is neither."""
    for form, label in view.form_label.items():
        place, _, head = view.forms[form][0][1].rpartition(" ")
        named = named_of.get((head, place.casefold()), ()) if head.islower() and label in PLACES else ()
        if len(named) == 1:
            uf.union(view.forms[form][0], view.forms[named[0]][0])
