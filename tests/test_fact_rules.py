"""Editors' rules for fact rows in overrides.yml: ignore, pair, status; a rule matching nothing is reported."""
from briefing import facts
from briefing.reading import overrides
from briefing.facts import rows

from conftest import analyse

TEXTS = {"a": "Title\n\nAround 230 supporters travelled to Velmar to cheer the team, the ministry said.",
         "b": "Title\n\nThe delegation to Velmar includes 230 drummers, the ministry said."}


def rules_from(tmp_path, text):
    path = tmp_path / "overrides.yml"
    path.write_text(text, encoding="utf-8")
    return overrides.load(path, "overrides.yml")


def run(parser, rules):
    parsed, ents, _ = analyse(parser, TEXTS)
    return facts.stage(parsed, ents, rules)


def test_pair_joins_rows_the_tool_missed_and_decides_their_status(parser, tmp_path):
    before, _ = run(parser, overrides.Rules())
    ids = sorted(f.id for f in before if f.kind == "number")
    assert len(ids) == 2 and all(f.status == "single" for f in before if f.kind == "number")
    rules, problems = rules_from(tmp_path, f"facts:\n  pair: [[{ids[0]}, {ids[1]}]]\n")
    assert problems == []
    after, problems = run(parser, rules)
    (row,) = [f for f in after if f.kind == "number"]
    assert problems == [] and row.status == "agree" and len(row.claims) == 2


def test_ignore_and_status_by_fact_id_and_unmatched_rules_are_reported(parser, tmp_path):
    before, _ = run(parser, overrides.Rules())
    first, second = sorted(f.id for f in before if f.kind == "number")
    rules, problems = rules_from(tmp_path, f"facts:\n  ignore: [{first}, no-such-fact]\n  status: {{{second}: differ}}\n")
    after, problems = run(parser, rules)
    assert first not in {f.id for f in after}
    assert next(f for f in after if f.id == second).status == "differ"
    assert [p.message for p in problems] == [
        "facts: ignore rule `no-such-fact` matches no fact in this briefing; update or remove it (fact ids are the "
        "rows' anchors)"]
    assert all(p.level == "warning" and p.file == "overrides.yml" for p in problems)


def test_badly_shaped_fact_rules_are_errors_that_name_the_key(tmp_path):
    _, problems = rules_from(tmp_path, "facts:\n  ignore: x\n  pair: [[one]]\n  status: {a: maybe}\n  drop: [b]\n")
    messages = [p.message for p in problems]
    assert any("`facts: ignore` must be a list" in m for m in messages)
    assert any("`facts: pair` entries are lists of two or more" in m for m in messages)
    assert any("unknown status 'maybe'" in m for m in messages)
    assert any("unknown key `facts: drop`" in m for m in messages)


def test_facts_of_without_rules_keeps_every_group():
    assert rows.facts_of([], {}, None) == ([], [])
