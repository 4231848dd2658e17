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


# -- vague quantities and open bounds compare by what they allow (issue 21) -------------------
def test_vague_quantities_compare_by_what_they_allow_and_open_bounds_differ(parser):
    _, _, found = analyse(parser, {
        "a": "Title\n\nDozens of protesters gathered outside the Velmar court, and more than 350 arrests followed.",
        "b": "Title\n\nSome 36 protesters gathered outside the Velmar court, and more than 600 arrests followed."})
    numbers = {tuple(sorted(c.value for c in f.claims)): f.status for f in found if f.kind == "number"}
    assert numbers.get(("approx 36", "dozens")) == "agree"  # dozens allow 36
    assert numbers.get(("min 350", "min 600")) == "differ"


def test_a_vague_amount_of_another_size_differs_and_one_of_nothing_pairs_only_with_its_word(parser):
    _, _, found = analyse(parser, {
        "a": "Title\n\nHundreds of fans queued outside the Brenmark stadium for tickets on Friday.",
        "b": "Title\n\nThousands of fans queued outside the Brenmark stadium for tickets on Friday. "
             "Hundreds were turned away."})
    numbers = {tuple(sorted(c.value for c in f.claims)): (f.status, f.note) for f in found if f.kind == "number"}
    assert numbers[("hundreds", "thousands")] == ("differ", "hundreds of fans ≠ thousands of fans")
    assert ("hundreds",) in numbers  # "hundreds were turned away": nothing counted, the word is not enough


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
                                        "Call 555-0134 about Section 12 of the code. They sang under one roof."})
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

    from briefing.facts.resolving import resolve_date
    found = resolve_date(text, dt.date(2018, 1, 17), future=text == "Jan. 25")
    assert (found.iso, found.granularity) == expected


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
    # "more than 400" reaches one rounding step, to 500: a squad of 550 is another figure
    assert got["squad (size)"] == ("differ", ["550-member squad", "more than 400"])
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


# -- figures never read (issue 21) ------------------------------------------------------------------
def values(found, kind=None):
    return {c.text: c.value for f in found if kind in (None, f.kind) for c in f.claims}


def test_money_with_its_scale_in_letters_and_a_conversion_in_parentheses(parser):
    _, _, found = analyse(parser, {
        "a": "Title\n\nThe Arlow club paid $12m for the striker. Its owner forfeited $37m (£28.4m) in bonuses and "
             "raised $3bn in bonds. The league is a $1tn business. The club's 12m yacht sank.",
        "b": "Title\n\nThe Arlow club paid $12 million for the striker, the league said."})
    assert values(found, "money") == {"$12m": "$12 million", "$12 million": "$12 million", "$37m": "$37 million",
                                      "$3bn": "$3 billion", "$1tn": "$1 trillion"}  # no £28.4, no 12m yacht
    assert ("money", "agree", ["$12 million", "$12m"]) in cross(found)


def test_dozens_and_several_hundred(parser):
    _, _, found = analyse(parser, {
        "a": "Title\n\nSome two dozen barns flooded in Arlow and a dozen cars were swept away. Several hundred "
             "volunteers helped, and dozens of fans watched.",
        "b": "Title\n\nAbout 24 barns flooded in Arlow, the weather service said."})
    assert values(found, "number") == {"Some two dozen barns": "approx 24", "a dozen cars": "12",
                                       "Several hundred volunteers": "several hundred", "dozens of fans": "dozens",
                                       "About 24 barns": "approx 24"}
    assert ("number", "agree", ["About 24 barns", "Some two dozen barns"]) in cross(found)


def test_how_many_times_it_happened_and_once_as_a_conjunction(parser):
    _, _, found = analyse(parser, {
        "a": "Title\n\nThe Arlow keeper was booked twice in the derby. Once the storm ends, play resumes. "
             "He was twice as fast as the striker.",
        "b": "Title\n\nThe Arlow keeper was booked once in the derby, the referee said."})
    assert values(found) == {"twice": "2", "once": "1"}
    assert [s for k, s, _ in cross(found)] == ["differ"]


def test_a_figure_glued_to_the_next_word_and_counts_of_things_no_list_names(parser):
    _, _, found = analyse(parser, {"a": "Title\n\nThe boy, aged 14,and his sister were rescued. The club let go more "
                                        "than 5,000 staff. He made a 911 call from a 737 jet."})
    assert values(found) == {"14": "14", "more than 5,000 staff": "min 5,000"}  # a call and a jet are named


def test_ages_in_other_shapes(parser):
    _, _, found = analyse(parser, {
        "a": "Title\n\nThe 33 year-old keeper signed for Arlow. Jo Park, a former league star, 34, retired. A girl "
             "aged 9 won the race.",
        "b": "Title\n\nThe keeper, 33, signed for Arlow. Jo Park, 34, retired after the season."})
    ages = {f.subject: sorted(c.text for c in f.claims) for f in found if f.kind == "age"}
    assert ages == {"keeper: age": ["33", "33 year-old keeper"], "Jo Park: age": ["34", "34"], "girl: age": ["9"]}


# -- misfires (issue 19): a word of an event class in the sense it has there -----------------------
def claims_of(parser, texts):
    from briefing import facts
    parsed, ents, _ = analyse(parser, texts)
    return {x.claim.text: x for x in facts.extract(parsed, ents)[0]}


def test_an_event_word_counts_in_its_sense_here(parser):
    got = claims_of(parser, {
        "a": "Title\n\nThe Arlow striker was sentenced to 15 years to life for the attack. The club is set to "
             "receive 500 refugees from the valley. Officials began the count of 300 ballots in Arlow.",
        "b": "Title\n\nThe storm claimed 30 lives in Arlow. The mayor faces 12 counts of fraud. The club will "
             "receive $5 million from the league."})
    assert [got[t].events for t in ("15 years", "500 refugees", "300 ballots")] == [frozenset()] * 3
    assert (got["30 lives"].events, got["12 counts"].events, got["$5 million"].events) == (
        {"death"}, {"charge"}, {"payment"})


def test_cheerleaders_are_supporters_but_not_fans(parser):
    got = claims_of(parser, {"a": "Title\n\nThe Arlow club hired 200 cheerleaders and welcomed 900 fans and 300 "
                                  "supporters."})
    assert not got["200 cheerleaders"].things & got["900 fans"].things
    assert got["200 cheerleaders"].things & got["300 supporters"].things  # one may call them the other
    assert got["900 fans"].things & got["300 supporters"].things


# -- a figure with no noun after it: the clause names what it counts (issue 21) ------------------
def test_a_count_named_by_its_clause(parser):
    got = claims_of(parser, {
        "a": "Title\n\nOf the 240 runners who started in Arlow, 193 were Velmar nationals. The number of "
             "registered runners was 1,214. The league raised its injury tally to 37 on Sunday. The two were "
             "exhausted.",
        "b": "Title\n\nBy Thursday 15 runners had withdrawn from the Arlow marathon."})
    assert {t: sorted(x.things) for t, x in got.items() if x.kind == "number"} == {
        "240 runners": ["runner"], "193": ["national"],
        "1,214": ["runner"], "37": ["injury", "injury tally", "tally"],
        "15 runners": ["runner"]}  # a weekday before a figure makes it no identifier ("Gate 3")


def test_one_unit_said_with_a_and_a_half_after_a_figure(parser):
    _, _, found = analyse(parser, {
        "a": "Title\n\nThe Arlow striker was banned for two and a half years. Nearly a foot of hail covered the "
             "pitch, and the stadium is a mile from the river. His contract runs for a year. He earns $75,000 a "
             "year, drove at 60 miles an hour and trained twice a day. A year ago he was unknown. Mud rose from ankle "
             "height to a foot on the training ground.",
        "b": "Title\n\nUp to a foot of hail covered the Arlow pitch on Sunday."})
    assert {c.text: c.value for f in found if f.kind in ("number", "duration") for c in f.claims} == {
        "two and a half years": "2.5 years", "Nearly a foot of hail": "max 1 foot", "a mile": "1 mile",
        "a year": "1 year", "60 miles": "60 miles", "Up to a foot of hail": "max 1 foot"}  # no rate, no range's end
    assert ("number", "agree", ["Nearly a foot of hail", "Up to a foot of hail"]) in cross(found)


def test_what_happened_to_counted_people_said_by_with(parser):
    got = claims_of(parser, {"a": "Title\n\nAnother 9 fans with minor injuries were sent home from the Arlow derby, "
                                  "and 40 fans with scarves waited outside."})
    assert (got["9 fans"].events, got["40 fans"].events) == ({"injury"}, frozenset())
    _, _, found = analyse(parser, {
        "a": "Title\n\nAnother 9 fans with minor injuries were sent home after the Arlow derby, a club doctor said.",
        "b": "Title\n\nAfter the Arlow derby, 8 were slightly injured, the club doctor said."})
    assert ("number", "differ", ["8", "9 fans"]) in cross(found)


def test_at_least_one_is_a_count_and_one_alone_is_not(parser):
    got = claims_of(parser, {"a": "Title\n\nAt least one fan was hurt in Arlow. One official spoke under one roof."})
    assert [(t, x.claim.value) for t, x in got.items() if x.kind == "number"] == [("At least one fan", "min 1")]


# -- number words read whole (issue 21): a half after the unit, half a dozen, tens of thousands ----------
def test_a_half_after_the_unit_and_half_a_dozen(parser):
    _, _, found = analyse(parser, {
        "a": "Title\n\nThe Arlow fans walked a mile and a half to the ground. The keeper was banned for a year and "
             "a half. The cafe sits a street and a half from the stadium. Half a dozen players were injured. A man and a "
             "half-eaten pie were seen. A year and a half ago the club was unknown.",
        "b": "Title\n\nThe cafe sits two streets from the Arlow stadium, the club said."})
    assert values(found, "number") | values(found, "duration") == {
        "a mile and a half": "1.5 miles", "a year and a half": "1.5 years", "a street and a half": "1.5",
        "Half a dozen players": "6", "two streets": "2"}  # no half-eaten man, no date's length
    assert ("number", "differ", ["a street and a half", "two streets"]) in cross(found)


def test_tens_of_thousands_is_one_amount_of_what_follows(parser):
    got = claims_of(parser, {"a": "Title\n\nHundreds of thousands of fans marched in Arlow. Tens of thousands of "
                                  "people fled the valley. Hundreds of straggling hikers continued to arrive. Several "
                                  "dozen stewards and a few dozen medics helped. Several fans sang."})
    assert {t: (x.claim.value, sorted(w for w in x.things if ":" not in w)) for t, x in got.items()} == {
        "Hundreds of thousands of fans": ("hundreds of thousands", ["fan"]),
        "Tens of thousands of people": ("tens of thousands", ["people"]),
        "Hundreds of straggling hikers": ("hundreds", ["hiker"]), "Several dozen stewards": ("several dozen", ["steward"]),
        "a few dozen medics": ("a few dozen", ["medic"]), "Several fans": ("several", ["fan"])}
    assert (got["Several dozen stewards"].low, got["Several dozen stewards"].high) == (36, 119)
    got = claims_of(parser, {"a": "Title\n\nThe storm flooded a dozen homes in Arlow."})
    assert sorted(got["a dozen homes"].things) == ["home"]  # the model makes "dozen" the homes' compound


def test_inches_are_a_length_and_a_length_of_something_measures_it(parser):
    got = claims_of(parser, {"a": "Title\n\nNearly a foot of hail covered Arlow on Sunday, and 8.5 inches fell on "
                                  "Velmar. The 5 km race course was shut."})
    assert {t: (x.claim.value, sorted(x.things)) for t, x in got.items() if x.kind == "number"} == {
        "Nearly a foot of hail": ("max 1 foot", ["distance", "hail"]), "8.5 inches": ("8.5 inches", ["distance"]),
        "5 km race course": ("5 km", ["course", "distance", "race course"])}
    _, _, found = analyse(parser, {
        "a": "Title\n\nNearly a foot of hail covered the Arlow pitch on Sunday, the groundsman said.",
        "b": "Title\n\nMore than 10 inches of hail covered the Arlow pitch on Sunday."})
    assert ("number", "agree", ["More than 10 inches of hail", "Nearly a foot of hail"]) in cross(found)


def test_n_times_counts_how_often_it_happened_and_a_multiple_is_no_fact(parser):
    _, _, found = analyse(parser, {
        "a": "Title\n\nThe Arlow keeper was stabbed three times outside the ground. Ticket sales rose three times as "
             "fast. The club made ten times the price. Prices were five times higher.",
        "b": "Title\n\nThe Arlow keeper was stabbed twice outside the ground, police said."})
    assert values(found, "number") == {"three times": "3", "twice": "2"}
    assert ("number", "differ", ["three times", "twice"]) in cross(found)


def test_two_or_three_is_a_range(parser):
    _, _, found = analyse(parser, {
        "a": "Title\n\nTwo or three fans were hurt in Arlow. The match was delayed by 10 or 15 minutes.",
        "b": "Title\n\nThree fans were hurt in Arlow, the club said."})
    assert values(found, "number") | values(found, "duration") == {
        "Two or three fans": "2–3", "10 or 15 minutes": "10–15 minutes", "Three fans": "3"}  # no count of "minutes"
    assert ("number", "agree", ["Three fans", "Two or three fans"]) in cross(found)


def test_a_negated_bound_and_other_bounds_read_as_their_words_say(parser):
    """"no fewer than 40" is at least 40 (not "fewer than 40"), "not more than 12" at most 12;
    "above", "in excess of", "upwards of", "a minimum of" open a lower bound, "below" and "a
    maximum of" an upper one."""
    got = claims_of(parser, {"a": "Title\n\nNo fewer than 40 stewards worked at the Arlow derby. Not more than 12 "
                                  "buses ran. The kite flew above 5,000 metres. In excess of 300 fans sang and "
                                  "upwards of 200 volunteers helped. The pier takes a maximum of 50 boats and "
                                  "a minimum of 20 crews. Fog fell below 900 metres."})
    assert {t: v.claim.value for t, v in got.items()} == {
        "No fewer than 40 stewards": "min 40", "Not more than 12 buses": "max 12", "above 5,000 metres": "min 5,000 metres",
        "In excess of 300 fans": "min 300", "upwards of 200 volunteers": "min 200", "a maximum of 50 boats": "max 50",
        "a minimum of 20 crews": "min 20", "below 900 metres": "max 900 metres"}
    _, _, found = analyse(parser, {"a": "Title\n\nNo fewer than 40 stewards worked at the Arlow derby, police said.",
                                   "b": "Title\n\nSome 45 stewards worked at the Arlow derby, the club said."})
    assert [s for _, s, _ in cross(found, "number")] == ["agree"]



def test_one_length_of_time_in_two_units_agrees_and_a_month_more_differs(parser):
    """"a year and a half" and "18 months" are one length (a month is 30.44 days only on average:
    547.9 and 547.9 days missed each other by a rounding); "20 months" and "13 months" are not
    "a year and a half" or "a year"."""
    from briefing.facts.status import figures_agree
    said = "Title\n\nThe Arlow striker was out for {} with a knee injury, the club said."
    _, _, found = analyse(parser, {"a": said.format("a year and a half"), "b": said.format("18 months")})
    assert [s for _, s, _ in cross(found, "duration")] == ["agree"]
    said = "Title\n\nThe Arlow final lasted {}, the referee said."  # pairing reads agreement as the status does
    _, _, found = analyse(parser, {"a": said.format("two and a half hours"), "b": said.format("150 minutes")})
    assert [s for _, s, _ in cross(found, "duration")] == ["agree"]
    got = claims_of(parser, {"a": "Title\n\nJo Park was out for a year and a half. Ed Lo was out for 20 months. "
                                  "Al Ruiz was out for a year. Ti Mo was out for 13 months. Bo Vik was out for 12 months."})
    one = lambda a, b: figures_agree([got[a], got[b]])  # noqa: E731
    assert not one("a year and a half", "20 months") and not one("a year", "13 months") and one("a year", "12 months")


def test_a_number_word_the_model_takes_for_a_name_still_counts(parser):
    """The model tags a sentence-opening "Twelve" as a product; a word that is only a number is no
    name, so it still counts its stewards (a number named with a name, "a 737 jet", does not)."""
    _, _, found = analyse(parser, {"a": "Title\n\nTwelve stewards were hurt in the crush at the Arlow derby.",
                                   "b": "Title\n\n12 stewards were hurt in the crush at the Arlow derby, police said."})
    assert cross(found, "number") == [("number", "agree", ["12 stewards", "Twelve stewards"])]


def test_an_age_said_in_a_relative_clause_is_the_age_of_whom_it_describes(parser):
    """"Jo Park, who is 34 years old,": "who" is Jo Park, so the age is his, as "Jo Park, aged 34," says."""
    _, _, found = analyse(parser, {
        "a": "Title\n\nJo Park, aged 34, was sacked by the Arlow club on Monday.",
        "b": "Title\n\nJo Park, who is 34 years old, was sacked by the Arlow club on Monday."})
    assert cross(found, "age") == [("age", "agree", ["34", "34 years old"])]


def test_a_half_written_as_a_fraction_is_a_length_not_a_date(parser):
    """"3 1/2 years" is three and a half years (its slash is no date's)."""
    _, _, found = analyse(parser, {
        "a": "Title\n\nThe Arlow coach was sacked after 3 1/2 years in charge.",
        "b": "Title\n\nThe Arlow coach was sacked after three and a half years in charge."})
    assert cross(found) == [("duration", "agree", ["3 1/2 years", "three and a half years"])]
