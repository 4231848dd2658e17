"""Classes of fact errors seen on real news, each with invented text: the rule fires, and it does
not misfire. Real parses (conftest.analyse) where the parse is the point."""
import pytest

from conftest import analyse


def rows(found, kind=None):
    return [(f.kind, f.status, sorted(c.text for c in f.claims)) for f in found if kind in (None, f.kind)]


def cross(found, kind=None):
    return [r for r in rows(found, kind) if len(r[2]) > 1]


# -- ages by syntax (issue 12 item 4) ---------------------------------------------------------
def test_ages_by_syntax_not_by_the_nearest_name(parser):
    _, _, found = analyse(parser, {
        "a": "Title\n\nThe 34-year-old suspect was arrested in Dunmore. Petra Olsen walked her three-year-old dog.",
        "b": "Title\n\nPolice named the suspect as Jonas Brevik, 34, of Dunmore. A dog owner, 3, was not hurt."})
    ages = {f.subject: (f.status, sorted(c.text for c in f.claims)) for f in found if f.kind == "age"}
    assert ages["Jonas Brevik: age"] == ("agree", ["34", "34-year-old suspect"])  # the row names him
    assert ages["dog: age"][0] == "single"  # the dog's age, not Petra Olsen's, and no person's
    assert not any(s.startswith("Petra Olsen") for s in ages)


def test_ages_listed_for_a_family_pair_with_each_members_age(parser):
    _, _, found = analyse(parser, {
        "a": "Title\n\nThe Brevik couple won. Jonas Brevik, 75, and Olga Brevik, 67, will be paid. Mara Holt, now 41, agreed.",
        "b": "Title\n\nThere is no evidence that the Breviks, now 75 and 67 respectively, did it. Mara Holt, 41, agreed. "
             "In Arlow and Velmar, 120 and 80 homes burned."})
    ages = {f.subject: (f.status, sorted(c.text for c in f.claims)) for f in found if f.kind == "age"}
    assert ages == {"Jonas Brevik: age": ("agree", ["75", "75"]), "Olga Brevik: age": ("agree", ["67", "67"]),
                    "Mara Holt: age": ("agree", ["41", "41"])}  # "now 41" too; places have no ages


def test_two_named_people_of_one_age_are_two_facts(parser):
    _, _, found = analyse(parser, {"a": "Title\n\nMarta Ilves, 45, spoke first.",
                                   "b": "Title\n\nKarl Oja, 45, spoke last."})
    assert cross(found, "age") == []


# -- remove what only fit the sample (item 10) --------------------------------------------------
def test_a_summit_named_with_a_figure_is_not_equipment_and_fighters_are_not_jets(parser):
    _, _, found = analyse(parser, {
        "a": "Title\n\nLeaders met at the G20 summit in Osaka. The army sent T-90 tanks and 2,000 fighters.",
        "b": "Title\n\nThe air force flew 2,000 jets over Osaka."})
    texts = [c.text for f in found for c in f.claims]
    assert not any("G20" in t for t in texts)
    assert "T-90 tanks" in texts
    assert cross(found) == []


def test_a_lost_half_is_read_only_before_a_unit(parser):
    _, _, found = analyse(parser, {"a": "Title\n\nThe fare changed on 11/2. The crossing took 11/2 hours."})
    values = {c.text: c.value for f in found for c in f.claims}
    assert values["11/2 hours"] == "1.5 hours"
    assert "1.5" not in {v for t, v in values.items() if t != "11/2 hours"}


# -- vague quantities and open bounds (item 3) ------------------------------------------------
def test_vague_quantities_never_pair_with_a_figure_and_open_bounds_differ(parser):
    _, _, found = analyse(parser, {
        "a": "Title\n\nDozens of protesters gathered outside the Velmar court, and more than 350 arrests followed.",
        "b": "Title\n\nSome 36 protesters gathered outside the Velmar court, and more than 600 arrests followed."})
    numbers = {tuple(sorted(c.value for c in f.claims)): f.status for f in found if f.kind == "number"}
    assert ("dozens",) in numbers and ("approx 36",) in numbers
    assert numbers.get(("min 350", "min 600")) == "differ"


# -- money, per cents, lengths, durations (item 6) ---------------------------------------------
def test_money_agrees_within_its_stated_precision(parser):
    _, _, found = analyse(parser, {
        "a": "Title\n\nThe Arlow club will spend $3.4 million on the young striker.",
        "b": "Title\n\nThe striker costs the Arlow club $3.44 million, plus a 5 percent bonus.",
        "c": "Title\n\nThe striker gets a yearly bonus of 5 percent."})
    assert ("money", "agree", ["$3.4 million", "$3.44 million"]) in cross(found)
    assert any(k == "percent" and s == "agree" for k, s, _ in cross(found))


def test_lengths_in_different_units_agree_when_one_is_the_others_conversion(parser):
    _, _, found = analyse(parser, {
        "a": "Title\n\nOfficials ordered a 20 km evacuation zone around the Korsk plant.",
        "b": "Title\n\nOfficials ordered a 12-mile evacuation zone around the Korsk plant."})
    assert [s for k, s, _ in cross(found)] == ["agree"]


def test_durations_compare_across_units(parser):
    _, _, found = analyse(parser, {
        "a": "Title\n\nThe coach has trained the Arlow rowing team for more than two decades.",
        "b": "Title\n\nThe coach has trained the rowing team in Arlow for 23 years."})
    assert ("duration", "agree", ["23 years", "more than two decades"]) in cross(found)


def test_unit_conversions_in_parentheses_phone_and_section_numbers_are_not_facts(parser):
    _, _, found = analyse(parser, {"a": "Title\n\nThe town lies 40 km (25 miles) north of Velmar. "
                                        "Call 555-0134 about Section 12 of the code. They marched under one flag."})
    assert [c.text for f in found for c in f.claims] == ["40 km"]


# -- the same figure said twice in one article --------------------------------------------------
def test_a_figure_restated_in_one_article_is_one_row(parser):
    _, _, found = analyse(parser, {
        "a": "Title\n\nThe fire started on the 14th floor. Firefighters reached the 14th floor at noon.",
        "b": "Title\n\nA fire broke out on the 14th floor of the Arlow tower."})
    (row,) = [f for f in found if f.kind == "number"]
    assert row.status == "agree" and len(row.claims) == 3


# -- dates (items 1 and 2) ---------------------------------------------------------------------
def test_dates_without_a_year_pair_without_a_publication_date(parser):
    _, _, found = analyse(parser, {
        "a": "Title\n\nThe delegation will begin arriving in Velmar on Jan. 25, the ministry said.",
        "b": "Title\n\nThe delegation will begin arriving in Velmar on 25 January."})
    assert ("date", "agree", ["25 January", "Jan. 25"]) in cross(found)


def test_different_dates_of_one_event_show_the_resolved_values(parser):
    _, _, found = analyse(parser, {
        "a": "Title\n\nThe Velmar court will hear the appeal of the two brothers on Tuesday, their lawyer said.",
        "b": "Title\n\nThe Velmar court will hear the appeal of the two brothers on Tuesday, their lawyer said."},
        dates={"a": "2018-01-15", "b": "2018-01-22"})
    (row,) = [f for f in found if f.kind == "date"]
    assert row.status == "differ" and row.note == "Tue 16 Jan 2018 ≠ Tue 23 Jan 2018"


@pytest.mark.parametrize("text,expected", [
    ("29 November 2017", ("2017-11-29", "day")), ("Wednesday Dec. 12, 2018", ("2018-12-12", "day")),
    ("November last year", ("2017-11", "month")), ("Jan. 25", ("2018-01-25", "day"))])
def test_explicit_dates_through_dateparser(text, expected):
    import datetime as dt

    from briefing.facts.dates import resolve_date
    assert resolve_date(text, dt.date(2018, 1, 17), future=text == "Jan. 25") == expected


def test_the_two_of_an_earlier_sentence_is_not_a_count(parser):
    _, _, found = analyse(parser, {"a": "Title\n\nThe captains met in Velmar. The two could find common ground, "
                                        "and 12 were fined for arriving late."})
    assert [c.text for f in found for c in f.claims] == ["12"]


def test_this_month_is_a_date_and_two_hours_a_length(parser):
    _, _, found = analyse(parser, {"a": "Title\n\nThe minister will unveil the plan this month. The talks took two hours."},
                          dates={"a": "2015-09-18"})
    assert {(f.kind, f.claims[0].text, f.claims[0].value) for f in found} == {
        ("date", "this month", "2015-09"), ("duration", "two hours", "2 hours")}


# -- what happened to the counted people: the clause says (item 5) -----------------------------
def test_counts_of_different_events_never_pair_and_one_count_per_event_differs(parser):
    _, _, found = analyse(parser, {
        "a": "Title\n\nMore than 300 people have been confirmed killed by the mudslides in Varnesse. "
             "Another 1,200 people remain missing in the hills.",
        "b": "Title\n\nSome 410 people, including many children, are homeless after the mudslides in Varnesse.",
        "c": "Title\n\nThe official death toll from the Varnesse mudslides rose to 265 on Friday, with 1,450 "
             "missing, the weather service said."})
    got = {tuple(sorted(c.text for c in f.claims)): (f.status, f.note) for f in found if f.kind == "number"}
    assert got[("1,200 people", "1,450")][0] == "differ"  # the one count of the missing in each
    assert got[("265", "More than 300 people")][0] == "differ"  # a toll counts the dead
    assert got[("Some 410 people",)] == ("single", "")  # homeless, not killed: never the toll's partner


# -- the counted thing in more shapes (items 5 and 8) ------------------------------------------
def test_group_sizes_peoples_partitives_and_numbers_to_call(parser):
    _, _, found = analyse(parser, {
        "a": "Title\n\nArlow will take a squad of more than 400 to the Velmar games. He spoke to the more than "
             "2 million Kurds who live in Arlow. Four of the ageing Orlen mill's six turbine units have failed. "
             "The driver called 911 to say he would cooperate.",
        "b": "Title\n\nArlow will take a 550-member squad to the Velmar games. He sent a message to Arlow's 2 million "
             "Kurds. Crews tried to repair four of the Orlen mill's six turbines. A neighbour called 911 at once."})
    got = {f.subject: (f.status, sorted(c.text for c in f.claims)) for f in found if f.kind == "number"}
    assert got["squad (size)"] == ("agree", ["550-member squad", "more than 400"])
    assert got["Kurds"] == ("agree", ["2 million Kurds", "more than 2 million Kurds"])
    assert ("number", "agree", ["Four", "four of the Orlen mill's six turbines"]) in rows(found)  # turbines
    assert not any("911" in c.text for f in found for c in f.claims)  # a number to call counts nothing


def test_one_distance_said_two_ways_pairs_and_is_one_place_per_article(parser):
    _, _, found = analyse(parser, {
        "a": "Title\n\nThe council told residents to stay at least 5 miles from the burning Orlen depot. "
             "Its 5-mile safety guideline is cautious.",
        "b": "Title\n\nThe council recommended a 5-mile safety zone around the burning Orlen depot."})
    (row,) = [f for f in found if f.kind == "number"]
    assert row.status == "agree" and sorted(c.text for c in row.claims) == [
        "5-mile safety guideline", "5-mile safety zone", "at least 5 miles"]


def test_a_length_without_a_figure_pairs_only_with_the_same_word_and_alone_is_no_row(parser):
    _, _, found = analyse(parser, {
        "a": "Title\n\nThe new turf at Korsk stadium must be watered for months, possibly longer. Repairs could "
             "take days.",
        "b": "Title\n\nThe new turf at Korsk stadium must be watered for months, groundsmen said. Repairs could "
             "take weeks."})
    assert rows(found) == [("duration", "agree", ["for months", "for months"])]


def test_synonym_classes_join_general_news_words_not_one_story(parser):
    """'armed conflict' and 'aircraft' are general classes (war/uprising, jets/planes; without
    them the sample's war-age and fighter-jets rows are lost, and they fire on no false row of the
    development set); what fitted one pairing ('fighter' as an aircraft) is gone: 2,000 fighters
    are not jets (test above)."""
    _, _, found = analyse(parser, {
        "a": "Title\n\nThe war in Velmar, now 41/2 years old, has driven out many. The air force lost four jets.",
        "b": "Title\n\nThe four-year uprising in Velmar has driven out many. The air force lost four planes."})
    rows = {tuple(sorted(c.text for c in f.claims)): f.status for f in found if len(f.claims) > 1}
    assert rows == {("41/2 years old", "four-year uprising"): "differ", ("four jets", "four planes"): "agree"}
