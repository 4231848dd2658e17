"""Stage 3, entities: `ParsedArticle`s -> the briefing's `Entity`s, each with its `Mention`s.

In: the parsed articles and the override rules. Out: entities with an id, a name, a label, a
description and every mention, plus problems. Steps, in the order the build calls them: `repair`
(fix the pipeline's spans; `labels` gives labels by the shape of a name, `lists` by a head word a
list of names shares, `givennames` keeps a transliterated given name whole; `across` repairs spans by
the briefing's other names; `places` makes a place of a name the briefing shows as one; `detect`
adds towns and names the model tagged nowhere; `vehicles` makes one name of a numbered flight and
of a maker's model; `propagate` carries a name to its other mentions
and votes its label over the briefing by what `evidence` finds; `tokens` holds what these passes
share), then `resolve` (`cluster` groups `nodes` into entities by `names`, people by `persons`
and, where two share a surname, `surnames`, places and facilities named by a head word by
`features`; `describe` finds a description). `review` lists the
doubts a person should check (the `briefing review` command).
"""
