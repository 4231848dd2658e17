"""Editorial overrides: every rule acts, and a rule that matches nothing is reported."""
from pathlib import Path

from briefing.reading import overrides
from briefing.entities import repair, resolve

from conftest import article_of, make_doc


def parsed_sample(vocab):
    words = ["Hamas", "and", "Jane", "Roe", "met", "Roe", "in", "Gaza", "City", "near", "Arrival", "Hall",
             ".", "the", "IDF", "and", "Israel", "Defense", "Forces", "spoke"]
    ents = ["B-ORG", "O", "B-PERSON", "I-PERSON", "O", "B-PERSON", "O", "B-GPE", "I-GPE", "O", "B-FAC", "I-FAC",
            "O", "O", "B-ORG", "O", "B-ORG", "I-ORG", "I-ORG", "O"]
    return [article_of(make_doc(vocab, words, ents=ents, tags=["NNP"] * len(words)))]


def run(vocab, tmp_path: Path, text: str):
    path = tmp_path / "overrides.yml"
    path.write_text(text)
    rules, problems = overrides.load(path, "overrides.yml")
    parsed = parsed_sample(vocab)
    ents, found = resolve.resolve(parsed, repair.mentions(parsed), rules)
    return {e.name: e for e in ents}, problems + found


def test_every_rule_kind(vocab, tmp_path):
    ents, problems = run(vocab, tmp_path, """
version: 1
ignore: [Arrival Hall]
merge: [[IDF, Israel Defense Forces]]
split: [Roe]
rename: {Gaza City: Gaza}
relabel: {Gaza City: LOC}
describe: {Hamas: Palestinian militant group}
""")
    assert problems == []
    assert "Arrival Hall" not in ents
    assert sorted(ents["Israel Defense Forces"].aliases) == ["IDF", "Israel Defense Forces"]
    assert "Roe" in ents and ents["Jane Roe"].aliases == ("Jane Roe",)
    assert ents["Gaza"].label == "LOC" and {m.label for m in ents["Gaza"].mentions} == {"LOC"}
    assert ents["Hamas"].description == "Palestinian militant group"


def test_rules_that_match_nothing_are_reported(vocab, tmp_path):
    _, problems = run(vocab, tmp_path, "version: 1\nrename: {Nobody Here: Someone}\nignore: [Ghost]\n")
    messages = sorted(p.message for p in problems)
    assert len(messages) == 2 and all("matches nothing" in m for m in messages)
    assert {p.level for p in problems} == {"warning"} and {p.file for p in problems} == {"overrides.yml"}


def test_bad_files_are_errors_with_the_fix(vocab, tmp_path):
    _, problems = run(vocab, tmp_path, "version: 2\n")
    assert problems[0].level == "error" and "version" in problems[0].message
    _, problems = run(vocab, tmp_path, "version: 1\nrelabel: {Hamas: TEAM}\nfrobnicate: 1\n")
    assert {p.level for p in problems} == {"error"} and len(problems) == 2


def test_missing_file_is_fine(tmp_path):
    rules, problems = overrides.load(tmp_path / "none.yml", "none.yml")
    assert rules == overrides.Rules() and problems == []


def test_rules_are_looked_up_by_form_not_tried_on_every_entity(vocab, monkeypatch):
    """The cost of the rules grows with entities plus rules: 300 people and 3,000 rename, relabel
    and describe rules fold names about 10,000 times, where trying every rule on every entity
    folded them millions of times (2 x 48,000 rules took a minute)."""
    words, ents = [], []
    for n in range(300):
        words += [f"Jo{n}", f"Vale{n}", "ran", "."]
        ents += ["B-PERSON", "I-PERSON", "O", "O"]
    parsed = [article_of(make_doc(vocab, words, ents=ents, tags=["NNP", "NNP", "VBD", "."] * 300))]
    rules = overrides.Rules(rename={f"Nobody {n}": "x" for n in range(1000)} | {"Jo7 Vale7": "Jo Vale"},
                            relabel={f"Nobody {n}": "ORG" for n in range(1000)},
                            describe={f"Nobody {n}": "y" for n in range(1000)} | {"Jo7 Vale7": "a runner"})
    calls = []
    real = resolve._key
    monkeypatch.setattr(resolve, "_key", lambda text: calls.append(1) or real(text))
    found, problems = resolve.resolve(parsed, repair.mentions(parsed), rules)
    assert len(found) == 300 and len(calls) < 20_000
    named = next(e for e in found if e.name == "Jo Vale")
    assert named.description == "a runner" and named.aliases == ("Jo7 Vale7",)
    assert len(problems) == 3000  # every stale rule is still reported; the CLI folds repeats
