"""Editors fix by rule, not by id: overrides.yml rules that match by pattern (`persons`, and under
`facts:` `not_dates`, `speakers`, `ignore_paragraphs`, `ignore_sections`) hold on a rebuild with
new article text; a rule that matches nothing is reported; `briefing review` lists the doubtful
quotes and the dates made from names, each with the rule line that settles it. Invented text only
(science, business, sport), checked against the real model first."""
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefing import facts
from briefing.cli import main
from briefing.entities import repair, resolve
from briefing.facts import editor, review
from briefing.nlp import parser as nlp_stage
from briefing.reading import overrides

from conftest import analyse, briefing_cli

# -- the rules' shapes -------------------------------------------------------------------------


def load(tmp_path, text):
    path = tmp_path / "overrides.yml"
    path.write_text(text, encoding="utf-8")
    return overrides.load(path, "overrides.yml")


def test_pattern_rules_load_and_bad_shapes_are_errors_that_say_the_fix(tmp_path):
    rules, problems = load(tmp_path, "version: 1\npersons: [May]\nfacts:\n  not_dates: [June, 'Pentecost Cup']\n"
                                     "  speakers: {\"appeal the ruling\": Dana Whitfield}\n"
                                     "  ignore_paragraphs: [contributed to this report]\n  ignore_sections: [Timeline]\n")
    assert problems == []
    assert rules.persons == ("May",) and rules.not_dates == ("June", "Pentecost Cup")
    assert rules.speakers == {"appeal the ruling": "Dana Whitfield"}
    assert rules.ignore_paragraphs == ("contributed to this report",) and rules.ignore_sections == ("Timeline",)

    rules, problems = load(tmp_path, "version: 1\npersons: May\nfacts:\n  not_dates: [\"--\", June]\n"
                                     "  speakers: [appeal]\n  ignore_sections: Timeline\n")
    messages = [p.message for p in problems]
    assert {p.file for p in problems} == {"overrides.yml"} and {p.level for p in problems} == {"error"}
    assert "`persons` must be a list of names" in messages
    assert "`facts: not_dates`: '--' has no word to match; write the words as the articles write them" in messages
    assert any(m.startswith("`facts: speakers` must map words of a quote to the name of who said it, e.g. "
                            "`speakers: {\"appeal the ruling\": Dana Whitfield}`") for m in messages)
    assert "`facts: ignore_sections` must be a list of words of the headings whose sections to leave out, e.g. " \
           "`ignore_sections: [Timeline]`" in messages
    assert rules.not_dates == ("June",)  # the rest of the file still applies


def test_a_briefings_pattern_rules_join_the_sites_and_remember_their_file():
    site = overrides.Rules(file="overrides.yml", not_dates=("June",), speakers={"recover": "Dana Whitfield"})
    own = overrides.Rules(file="seeds/comet/overrides.yml", not_dates=("April",), speakers={"recover": "Marco Bell"})
    both = overrides.combine(site, own)
    assert both.not_dates == ("June", "April") and both.speakers == {"recover": "Marco Bell"}
    assert both.origin("not_dates", "June") == "overrides.yml"
    assert both.origin("not_dates", "April") == "seeds/comet/overrides.yml"


def test_a_heading_is_a_short_line_that_is_no_sentence_and_no_line_of_a_list():
    assert editor.is_heading("Timeline") and editor.is_heading("What happens next") and editor.is_heading("Results:")
    assert editor.is_heading("## The season so far")
    assert not editor.is_heading("The orbit is confirmed.") and not editor.is_heading("December 4: a tail is seen")
    assert not editor.is_heading("Photo: Tomas Reyes / Harbour Radio") and not editor.is_heading("Won 3-1 at home")


def test_words_match_whole_in_any_case_whatever_stands_between():
    rules = overrides.Phrases(["appeal the ruling", "June", "O'Neill", "Appeal"])
    assert rules.within("We will APPEAL, the ruling said O\u2019Neill") == ["appeal the ruling", "O'Neill"]
    assert rules.within("the Junebug festival") == [] and rules.within("an appeal in June") == ["Appeal", "June"]
    assert overrides.Phrases(["May"], case=True).within("it may rain") == []
    assert overrides.Phrases(["May"], case=True).rule("May") == "May" and overrides.Phrases([]).within("May") == []


# -- a rebuild with new article text (real `briefing build`, twice) ------------------------------

COMET = {  # an astronomer named June: the model reads "June and his team" and "taken by June" as dates
    "wire": "Comet Kestrel brightens\n\n"
            "Astronomer Omar June of the Varno Observatory said the comet would be at its brightest on March 3.\n\n"
            "June and his team first saw the comet in January.\n\n"
            "Background\n\n"
            "The survey telescope recorded a faint smudge on October 12.\n\n"
            "The observatory confirmed the orbit on November 30, after 40 nights of images.\n",
    "daily": "New comet to brighten in March\n\n"
             "The comet found by Omar June's team will be at its brightest on March 3, the observatory said.\n\n"
             "Background\n\n"
             "A faint smudge appeared in survey images on October 12.\n",
}
EDITED = {  # new text: another date made from the name, new lines in both articles' background sections
    "wire": COMET["wire"].replace("first saw the comet in January.", "first saw the comet in January. Images "
                                  "taken by June on Tuesday show a tail twice as long.")
            + "\nA second tail was seen on December 4 by 300 amateurs.\n",
    "daily": COMET["daily"] + "\nThe orbit was confirmed on November 30.\n",
}
COMET_MKDOCS = """\
site_name: Comet
theme: {name: material, font: false}
plugins:
  - briefing:
      title: Comet Kestrel
      articles:
        wire: {source: Science Wire, date: "2025-02-20"}
        daily: {source: Sky Daily, date: "2025-02-20"}
"""
COMET_RULES = "version: 1\nfacts:\n  not_dates: [June]\n  ignore_sections: [Background]\n"


def comet_project(tmp_path, texts, rules):
    (tmp_path / "docs").mkdir(exist_ok=True)
    (tmp_path / "seeds").mkdir(exist_ok=True)
    (tmp_path / "mkdocs.yml").write_text(COMET_MKDOCS, encoding="utf-8")
    (tmp_path / "overrides.yml").write_text(rules, encoding="utf-8")
    for aid, text in texts.items():
        (tmp_path / "seeds" / f"{aid}.txt").write_text(text, encoding="utf-8")
    return tmp_path


def exported_claims(project):
    data = json.loads((project / "docs/briefing/briefing.json").read_text(encoding="utf-8"))
    return [c["text"] for f in data["facts"] for c in f["claims"]]


def in_background(texts, claim_text):
    return any(claim_text in t.split("Background", 1)[1] for t in texts.values())


def test_the_models_dates_from_the_name_and_the_background_rows_exist_without_rules(parser):
    """What the rules below remove is really made: date rows from "June" and rows from the
    background sections, new ones (new ids) in the edited text."""
    dates = {"wire": "2025-02-20", "daily": "2025-02-20"}
    rows = {}
    for name, texts in (("first", COMET), ("edited", EDITED)):
        _, _, found = analyse(parser, texts, dates)
        rows[name] = {f.id: [c.text for c in f.claims] for f in found}
    assert [i for i, t in rows["first"].items() if t == ["June"]] == ["date-team-saw-june"]
    assert sorted(i for i, t in rows["edited"].items() if t == ["June"]) == ["date-taken-june", "date-team-saw-june"]
    assert sum(in_background(COMET, c) for t in rows["first"].values() for c in t) == 3  # October 12 twice, …
    assert sum(in_background(EDITED, c) for t in rows["edited"].values() for c in t) == 6  # … and three new
    assert {"date-tail-seen-december-4", "number-amateurs-300-amateurs"} <= set(rows["edited"]) - set(rows["first"])


def test_pattern_rules_remove_every_row_they_should_on_a_rebuild_with_new_text(tmp_path):
    project = comet_project(tmp_path, COMET, COMET_RULES + "  ignore_paragraphs: [Pentecost regatta]\n")
    res = briefing_cli(project)
    assert res.returncode == 0, res.stderr
    first = exported_claims(project)
    assert "March 3" in first and "January" in first  # the rest stays
    assert "June" not in first and not any(in_background(COMET, t) for t in first)
    assert "overrides.yml: facts: ignore_paragraphs rule `Pentecost regatta` matches no paragraph in this " \
           "briefing; update or remove it" in res.stderr
    assert "not_dates" not in res.stderr and "ignore_sections" not in res.stderr

    for aid, text in EDITED.items():  # the articles change: new dates from the name, new background lines
        (project / "seeds" / f"{aid}.txt").write_text(text, encoding="utf-8")
    res = briefing_cli(project, "--strict")
    assert res.returncode == 1 and "Pentecost regatta" in res.stderr  # the one rule that matches nothing
    second = exported_claims(project)
    assert "Tuesday" in second and "March 3" in second and "twice" in second
    assert "June" not in second and not any(in_background(EDITED, t) for t in second)


# -- quotes: a speaker by rule, a misattribution listed by `briefing review` ----------------------

PROFIT = {  # two outlets give one quote to two people
    "ledger": "Orvane shares fall after profit warning\n\n"
              "Shares in Orvane Foods fell 12 percent on Tuesday after the company cut its profit forecast.\n\n"
              "Chief executive Dana Whitfield blamed higher grain prices. \u201cWe expect margins to recover by the "
              "end of next year,\u201d Whitfield said.\n",
    "wire": "Orvane cuts its forecast\n\n"
            "Orvane Foods cut its profit forecast on Tuesday, and its shares fell 12 percent.\n\n"
            "Finance chief Marco Bell said costs had risen. \u201cWe expect margins to recover by the end of next "
            "year,\u201d Bell said.\n",
}
PROFIT_MKDOCS = """\
site_name: Orvane
theme: {name: material, font: false}
plugins:
  - briefing:
      title: Orvane profit warning
      articles:
        ledger: {source: Ledger Times, date: "2025-02-18"}
        wire: {source: Market Wire, date: "2025-02-18"}
"""


@pytest.fixture
def cli(monkeypatch, nlp):
    """`briefing ARGS` in-process with the session's pipeline (loaded once)."""
    real = nlp_stage.load_pipeline
    monkeypatch.setattr(nlp_stage, "load_pipeline", lambda name: nlp if name == nlp_stage.DEFAULT_MODEL else real(name))

    def run(project, *args):
        monkeypatch.chdir(project)
        result = CliRunner().invoke(main, list(args), catch_exceptions=False)
        assert result.exit_code == 0, result.stderr
        return result.stdout
    return run


def test_review_lists_a_misattributed_quote_and_its_line_settles_it(tmp_path, cli):
    (tmp_path / "docs").mkdir()
    (tmp_path / "seeds").mkdir()
    (tmp_path / "mkdocs.yml").write_text(PROFIT_MKDOCS, encoding="utf-8")
    for aid, text in PROFIT.items():
        (tmp_path / "seeds" / f"{aid}.txt").write_text(text, encoding="utf-8")
    out = cli(tmp_path, "review")
    assert "Quotes whose speaker is doubtful" in out
    assert "the same words given to Dana Whitfield (Ledger Times) and Marco Bell (Market Wire)" in out
    line = next(x for x in out.splitlines() if "speakers:" in x).split("overrides.yml: ", 1)[1]
    assert line == 'facts: {speakers: {"We expect margins to recover by the end": Dana Whitfield}}  # or: Marco Bell'

    (tmp_path / "overrides.yml").write_text(f"version: 1\n{line}\n", encoding="utf-8")
    assert "Quotes whose speaker is doubtful" not in cli(tmp_path, "review")
    cli(tmp_path, "build", "-q")
    data = json.loads((tmp_path / "docs/briefing/briefing.json").read_text(encoding="utf-8"))
    (quote,) = [f for f in data["facts"] if f["kind"] == "quote"]
    assert quote["subject"] == "Dana Whitfield" and quote["status"] == "agree" and len(quote["claims"]) == 2


SPRINT = {  # one outlet's "he said" goes to the last person named: the coach, not the runner
    "track": "Sprint final\n\nDerek May won the sprint final in Lisbon on Saturday.\n\n"
             "\u201cThe track was fast and I felt strong all the way,\u201d said May.\n\n"
             "May's coach, Rita Olsen, watched from the stands.",
    "herald": "May takes sprint title\n\nBritish runner Derek May took the title on Saturday.\n\n"
              "Coach Rita Olsen praised the team. \u201cThe track was fast and I felt strong all the way,\u201d he "
              "said.",
}


def test_a_pronoun_given_by_distance_is_listed_and_a_speakers_rule_settles_it(parser):
    parsed, ents, found = analyse(parser, SPRINT, {"track": "2025-06-02", "herald": "2025-06-02"})
    speakers = {f.subject: f for f in found if f.kind == "quote"}
    assert set(speakers) == {"Derek May", "Rita Olsen"}
    assert speakers["Rita Olsen"].doubt == "its speaker is a pronoun, given to Rita Olsen, the last person named " \
                                           "before it"
    assert not speakers["Derek May"].doubt  # "said May": named by its verb
    lines = review.quote_lines(found, str)
    assert '    overrides.yml: facts: {speakers: {"The track was fast and I felt strong": Rita Olsen}}  # or the ' \
           "right speaker's name" in lines
    assert any("the same words given to Derek May (track) and Rita Olsen (herald)" in line for line in lines)

    # `speakers` gives the quote its speaker in both outlets: one row, its label names him
    rows, problems = facts.stage(parsed, ents, overrides.Rules(speakers={"the track was fast": "Derek May"}))
    (row,) = [f for f in rows if f.kind == "quote"]
    assert problems == []
    assert (row.subject, row.label, row.status, row.doubt) == ("Derek May", "Derek May on the track", "agree", "")
    assert review.quote_lines(rows, str) == []


def test_a_name_that_is_always_a_person_where_the_model_read_a_date(parser):
    parsed, ents, found = analyse(parser, COMET, {"wire": "2025-02-20", "daily": "2025-02-20"})
    seg = parsed[0].segments[2]  # "June and his team first saw the comet in January."
    assert [(seg.tokens[e.start].text, e.label) for e in seg.ents][0] == ("June", "DATE")  # the model's reading
    june = next(e for e in ents if "Omar June" in e.aliases)
    assert not any(m.segment == 2 for m in june.mentions) and any(c.text == "June" for f in found for c in f.claims)

    ents, problems = resolve.resolve(parsed, repair.mentions(parsed), overrides.Rules(persons=("June", "Tobin")))
    assert [p.message for p in problems] == ["persons rule `Tobin` matches nothing in this briefing; update or "
                                             "remove it"]
    june = next(e for e in ents if "Omar June" in e.aliases)
    assert june.label == "PERSON" and any(m.segment == 2 and m.text == "June" for m in june.mentions)
    rows, _ = facts.stage(parsed, ents, overrides.Rules())
    assert not any(c.text == "June" for f in rows for c in f.claims)  # a person's name is no date
    assert {"March 3", "January"} <= {c.text for f in rows for c in f.claims}


# -- dates made from names, paragraphs left out ------------------------------------------------

def test_review_lists_a_date_made_from_a_name_with_a_not_dates_line_that_removes_it(parser, tmp_path):
    dates = {"wire": "2025-02-20", "daily": "2025-02-20"}
    parsed, ents, found = analyse(parser, COMET, dates)
    lines = review.date_lines(found, ents, str)
    assert lines[1].startswith("  date-team-saw-june: wire: June: June is also a name (Astronomer Omar June)")
    line = lines[2].split("overrides.yml: ", 1)[1]
    assert line.startswith("facts: {not_dates: [June]}  # every date with the word goes")
    rules, problems = load(tmp_path, f"version: 1\n{line}\n")
    assert problems == []
    rows, problems = facts.stage(parsed, ents, rules)
    assert problems == [] and not any(c.text == "June" for f in rows for c in f.claims)
    assert review.date_lines(rows, ents, str) == []


def test_every_row_of_a_paragraph_with_the_words_goes_and_unmatched_rules_are_reported(parser):
    texts = {"ledger": PROFIT["ledger"] + "\nAnalysts at Brackley Partners cut their target by 8 percent on "
                                          "Wednesday.\n",
             "wire": PROFIT["wire"]}
    parsed, ents, before = analyse(parser, texts, {"ledger": "2025-02-18", "wire": "2025-02-18"})
    assert {"8 percent", "Wednesday"} <= {c.text for f in before for c in f.claims}
    rules = overrides.Rules(file="overrides.yml", ignore_paragraphs=("analysts at Brackley",),
                            not_dates=("Whitsun",), ignore_sections=("Results",), speakers={"we will sue": "Bell"})
    rows, problems = facts.stage(parsed, ents, rules)
    texts_left = {c.text for f in rows for c in f.claims}
    assert not {"8 percent", "Wednesday"} & texts_left and {"12 percent", "Tuesday"} <= texts_left
    assert sorted(str(p) for p in problems) == [
        "overrides.yml: facts: ignore_sections rule `Results` matches no heading in this briefing; update or remove it",
        "overrides.yml: facts: not_dates rule `Whitsun` matches no date in this briefing; update or remove it",
        "overrides.yml: facts: speakers rule `we will sue` matches no quote in this briefing; update or remove it"]
    assert all(p.level == "warning" for p in problems)



def test_the_new_projects_template_holds_every_rule_and_each_line_is_valid_uncommented(tmp_path):
    text = (Path(__file__).parent.parent / "briefing/templates/new/overrides.yml").read_text(encoding="utf-8")
    _, rules_part = text.split("version: 1\n")
    rules, problems = load(tmp_path, "version: 1\n" + rules_part.replace("\n# ", "\n").removeprefix("# "))
    assert problems == []
    assert rules.persons == ("Ann May",) and rules.not_dates == ("May",) and rules.ignore_sections == ("Timeline",)
    assert rules.speakers == {"close the bridge": "Ann Jones"} and rules.ignore_paragraphs


def test_a_persons_rule_settles_the_label_doubt_of_that_name():
    from briefing.entities import review as entity_review
    from briefing.model import Article, Briefing, Entity, Mention

    raw = "Kestrel won again. Fans cheered Kestrel."
    ments = tuple(Mention("a", 0, 0, 1, k, k + 7, "Kestrel", "PERSON", (0, len(raw))) for k in (0, raw.rindex("K")))
    b = Briefing("t", (Article("a", "seeds/a.txt", raw, "a", ()),),
                 (Entity("kestrel", "Kestrel", "PERSON", ("Kestrel",), ments),), ())
    assert [s.kind for s in entity_review.suggestions(b)] == ["label"]
    assert entity_review.suggestions(b, overrides.Rules(persons=("Kestrel",))) == []
