"""`briefing review`: unsure merges and likely missed ones, each with the overrides.yml line that
settles it; the line really does what it says when added to overrides.yml (invented articles)."""
import subprocess
import sys

import yaml

from briefing.reading import overrides
from briefing.entities import repair, resolve, review
from briefing.model import Briefing, Entity

from conftest import analyse


def entity(name, label, *aliases):
    return Entity(name.lower().replace(" ", "-"), name, label, tuple(sorted({name, *aliases})), ())


def test_unsure_merges_name_the_alias_to_split():
    found = review.suggestions(Briefing("t", (), (
        entity("Mira Okafor", "PERSON", "Mira", "Okafor"),
        entity("Pavel Ostrowksi", "PERSON", "Pavel Ostrowski"),
        entity("Winter Olympics", "EVENT", "Olympics"),
        entity("Lund University", "ORG", "Université Lund"),
        entity("North Korea", "GPE", "North"),
    ), ()))
    lines = {s.line for s in found if s.kind == "unsure"}
    assert lines == {"split: [Mira]", "split: [Pavel Ostrowski]", "split: [Olympics]", "split: [Université Lund]",
                     "split: [North]"}


def test_sure_merges_are_not_listed():
    found = review.suggestions(Briefing("t", (), (
        entity("Mira Okafor", "PERSON", "Okafor", "Mr Okafor"),       # a surname after its full name
        entity("United Kingdom", "GPE", "Britain", "UK"),             # one country by the data
        entity("Acme Co.", "ORG", "Acme Company"),                    # a legal form
        entity("Islamic State", "ORG", "Islamic State in Iraq and the Levant", "ISIL"),  # the text's own alias
        entity("Westerners", "NORP", "West"),                         # a group, no compass rule
    ), ()))
    assert found == []


def test_missed_merges_same_surname_close_spelling_and_short_form_with_two_people():
    found = review.suggestions(Briefing("t", (), (
        entity("Ana Vela", "PERSON"), entity("Luis Vela", "PERSON"), entity("Vela", "PERSON"),
        entity("Tomas Ruiz", "PERSON"), entity("Tomas Ruis", "PERSON"),
        entity("Kenji Mori", "PERSON"),
    ), ()))
    lines = [s.line for s in found if s.kind == "missed"]
    assert "merge: [[Ana Vela, Luis Vela]]" in lines
    assert "merge: [[Tomas Ruiz, Tomas Ruis]]" in lines or "merge: [[Tomas Ruis, Tomas Ruiz]]" in lines
    assert "merge: [[Vela, Ana Vela]]" in lines and "merge: [[Vela, Luis Vela]]" in lines
    assert not any("Kenji Mori" in line for line in lines)


def test_quoting_keeps_the_line_valid_yaml():
    found = review.suggestions(Briefing("t", (), (entity("Ana Vela", "PERSON"), entity("Luis: Vela", "PERSON")), ()))
    key, value = [s for s in found if s.kind == "missed"][0].line.split(": ", 1)
    assert yaml.safe_load(f"{key}: {value}") == {"merge": [["Ana Vela", "Luis: Vela"]]}
    key, value = [s for s in found if s.kind == "label"][0].line.split(": ", 1)  # with its comment
    assert yaml.safe_load(f"{key}: {value}") == {"relabel": {"Luis: Vela": "PERSON"}}


def test_the_suggested_line_applies_on_a_real_parse(parser, tmp_path):
    texts = {"a": "Ferry strike\n\nMaria Lopez said the crews would stay out. Carlos Lopez, her brother, agreed.",
             "b": "Strike goes on\n\nCarlos Lopez told reporters the port was closed."}
    parsed, ents, _ = analyse(parser, texts)
    found = [s for s in review.suggestions(Briefing("t", (), tuple(ents), ())) if s.kind == "missed"]
    assert [s.line for s in found] == ["merge: [[Carlos Lopez, Maria Lopez]]"]
    key, value = found[0].line.split(": ", 1)
    path = tmp_path / "overrides.yml"
    path.write_text(f"version: 1\n{key}:\n  - {value[1:-1]}\n", encoding="utf-8")
    rules, problems = overrides.load(path, "overrides.yml")
    assert problems == []
    merged, _ = resolve.resolve(parsed, repair.mentions(parsed), rules)
    assert any({"Maria Lopez", "Carlos Lopez"} <= set(e.aliases) for e in merged)


def test_cli_review_lists_and_writes_nothing(project):
    before = sorted(p.relative_to(project) for p in project.rglob("*"))
    res = subprocess.run([sys.executable, "-m", "briefing", "review"], cwd=project, capture_output=True, text=True,
                         timeout=300)
    assert res.returncode == 0, res.stderr
    assert "overrides.yml: " in res.stdout or res.stdout.startswith("Nothing to review")
    after = sorted(p.relative_to(project) for p in project.rglob("*") if ".cache" not in p.parts)
    assert after == [p for p in before if ".cache" not in p.parts]


def test_damaging_doubts_come_first_label_surname_then_word(tmp_path):
    """A lead entity only the model calls a person or a place, and a name that is also a word at a
    sentence start, are listed before merges; a relabel rule settles the label."""
    from briefing.model import Article, Mention

    raw = ("Kestrel erupted again. Scientists at Kestrel told reporters. Geologists said Kestrel may calm. "
           "\"The ash fell,\" said Vela. Hope is thin, the hope of rain.")
    def m(text, label, n=0):
        start = [i for i in range(len(raw)) if raw.startswith(text, i)][n]
        sentence = (raw.rfind(". ", 0, start) + 2 if ". " in raw[:start] else 0, start + len(text))
        return Mention("a", 0, 0, 1, start, start + len(text), text, label, sentence)

    ents = (Entity("kestrel", "Kestrel", "PERSON", ("Kestrel",), tuple(m("Kestrel", "PERSON", n) for n in range(3))),
            Entity("hope", "Hope", "PERSON", ("Hope",), (m("Hope", "PERSON"),) * 2),
            Entity("vela", "Vela", "PERSON", ("Vela",), (m("Vela", "PERSON"),)),  # '…," said Vela.'
            Entity("ana-vela", "Ana Vela", "PERSON", ("Ana Vela", "Vela"), (m("Vela", "PERSON"),)),
            entity("Winter Olympics", "EVENT", "Olympics"))
    b = Briefing("t", (Article("a", "seeds/a.txt", raw, "a", ()),), ents, ())
    found = review.suggestions(b)
    assert [s.kind for s in found] == ["label", "label", "word", "unsure"]
    assert found[0].line.startswith("relabel: {Kestrel: PERSON}") and found[2].line == "ignore: [Hope]"
    assert "Kestrel" not in {s.forms[0] for s in review.suggestions(b, overrides.Rules(relabel={"Kestrel": "LOC"}))}
    assert review.report(found).index("Labels only") < review.report(found).index("Merged, but")


def test_a_lead_label_the_text_contradicts_is_listed_with_the_kinds_label():
    """An organisation the text keeps calling a vehicle ("a Velox SUV") is a doubt, with the kind's
    label on the line; an airline before "plane" is not (the plane is the airline's), nor a person
    with no kind noun after the name."""
    from briefing.model import Article, Mention

    raw = ("A Velox SUV hit a wall. The Velox SUV was towed. Tarvo Airlines plane landed. Ana Roe said the "
           "Velox was fast.")
    def m(text, label, n=0):
        start = [i for i in range(len(raw)) if raw.startswith(text, i)][n]
        return Mention("a", 0, 0, 1, start, start + len(text), text, label, (0, len(raw)))

    ents = (Entity("velox", "Velox", "ORG", ("Velox",), tuple(m("Velox", "ORG", n) for n in range(3))),
            Entity("tarvo-airlines", "Tarvo Airlines", "ORG", ("Tarvo Airlines",), (m("Tarvo Airlines", "ORG"),)),
            Entity("ana-roe", "Ana Roe", "PERSON", ("Ana Roe",), (m("Ana Roe", "PERSON"),)))
    b = Briefing("t", (Article("a", "seeds/a.txt", raw, "a", ()),), ents, ())
    found = [s for s in review.suggestions(b) if s.kind == "label"]
    assert [s.forms for s in found] == [("Velox",)]
    assert found[0].line.startswith("relabel: {Velox: PRODUCT}") and "'SUV'" in found[0].reason
