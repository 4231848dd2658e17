"""A day said by its weekday pairs only through its event (issue 12 item 1): the clause's predicate
and arguments (facts/frames.py), never the shared word "Monday". Invented text, real parses."""
from conftest import analyse


def date_rows(found):
    return sorted((f.status, sorted(c.text for c in f.claims)) for f in found if f.kind == "date")


def cross_dates(found):
    return [texts for status, texts in date_rows(found) if len(texts) > 1]


def test_the_same_weekday_of_two_events_is_two_rows_and_of_one_event_one(parser):
    _, _, found = analyse(parser, {
        "a": "Title\n\nA Velmar student was charged Monday with three counts of arson at the Orlen depot.",
        "b": "Title\n\nA Velmar student was the sole suspect and was charged with arson at the Orlen depot, "
             "police said on Monday.\n\nEarlier Monday, Mayor Ilse Harmo called the fire a cowardly act."})
    assert cross_dates(found) == [["Monday", "Monday"]]
    (row,) = [f for f in found if f.kind == "date" and len(f.claims) == 2]
    assert {c.article: c.sentence[:20] for c in row.claims} == {"a": "A Velmar student was", "b": "A Velmar student was"}


# Other news in each article, so that the names of the event are rare in the briefing, as in real ones.
FILLER = " Markets rose in Paris. Talks stalled in Berlin. Farmers marched in Madrid. Voters queued in Lisbon."


def test_one_actor_doing_two_things_on_one_day_is_two_events(parser):
    _, _, found = analyse(parser, {
        "a": "Title\n\nKorsk Power moved closer to a deal Thursday." + FILLER,
        "b": "Title\n\nKorsk Power missed a deadline late Thursday." + FILLER})
    assert cross_dates(found) == []


def test_the_place_of_the_event_joins_two_wordings_of_it(parser):
    _, _, found = analyse(parser, {
        "a": "Title\n\nThe minister urged caution at a Tuesday trade summit in Velmar." + FILLER,
        "b": "Title\n\nTwenty nations meeting in the city of Velmar agreed on Tuesday to consider new tariffs."
             + FILLER})
    assert cross_dates(found) == [["Tuesday", "Tuesday"]]


def test_one_day_said_twice_of_one_incident_in_an_article_is_one_place_more(parser):
    _, _, found = analyse(parser, {
        "a": "Title\n\nThe striker was banned over the assault that injured two stewards at the derby Sunday."
             "\n\nThe attack happened shortly before 8 p.m. on Sunday.",
        "b": "Title\n\nStewards said he stood near the gate where the assault happened Sunday evening."})
    assert date_rows(found) == [("agree", ["Sunday", "Sunday", "Sunday"])]


def test_events_linked_pair_by_pair_make_one_row(parser):
    _, _, found = analyse(parser, {
        "a": "Title\n\nA young rider was leading her pony along the towpath Thursday when it slipped into the "
             "flooded canal.",
        "b": "Title\n\nA pony drowned Thursday when it slipped from the towpath into a flooded canal in Arlow.",
        "c": "Title\n\nThe accident sent the pony sliding down the towpath into the canal Thursday morning."})
    assert date_rows(found) == [("agree", ["Thursday", "Thursday", "Thursday"])]


def test_sharing_only_who_acted_is_not_sharing_the_event():
    from types import SimpleNamespace

    from briefing.facts.frames import WHO, overlap
    view = SimpleNamespace(weight={"korsk-power": 3.0, "velmar": 3.0}, idf={"move": 2.0, "miss": 2.0, "summit": 2.0})
    assert overlap(frozenset({WHO + "korsk-power", "move"}), frozenset({WHO + "korsk-power", "miss"}), view) == 0
    assert overlap(frozenset({"velmar", "summit"}), frozenset({"velmar", "move"}), view) == 3.0  # where: shared
    assert overlap(frozenset({WHO + "korsk-power", "move"}), frozenset({WHO + "korsk-power", "move"}), view) == 5.0


def test_a_date_inside_a_quote_is_a_fact_a_number_inside_one_belongs_to_the_quote(parser):
    _, _, found = analyse(parser, {
        "a": "Title\n\n\u201cThe council will vote on the bridge on March 14, and 40 families wait,\u201d Mayor Ilse "
             "Harmo said.",
        "b": "Title\n\nThe Velmar council will vote on the bridge on March 14."})
    assert ("agree", ["March 14", "March 14"]) in date_rows(found)
    assert not [f for f in found if f.kind == "number"]


def test_a_named_year_or_month_pairs_through_one_word_or_class_of_the_event(parser):
    _, _, found = analyse(parser, {
        "a": "Title\n\nThe Brevik brothers were freed in 2009 after a court found the evidence was wrong. "
             "Crews inspected the cables on Aug. 8. The Arlow plant opened in 2009.",
        "b": "Title\n\nFreed on bail in 2009, the Brevik brothers began a long fight. The last inspection "
             "took place in August. Velmar elected a new mayor in 2009.",
        "c": "Title\n\nIn 2009, a judge ruled the brothers had no fair trial and released them." + FILLER})
    rows = [texts for status, texts in date_rows(found) if status == "agree"]
    assert sorted(rows) == [["2009", "2009", "2009"], ["Aug. 8", "August"]]


def test_decades_are_dates_and_a_year_pairs_with_the_same_year_first(parser):
    from briefing.facts.resolving import resolve_date
    assert [(d.iso, d.granularity) for t in ("the 1980s", "the early 1990s", "the early 90s")
            if (d := resolve_date(t, None))] == [
        ("1980s", "decade"), ("1990s", "decade"), ("1990s", "decade")]
    _, _, found = analyse(parser, {
        "a": "Title\n\nThe Brevik brothers were accused of running a secret cult in 1991.",
        "b": "Title\n\nThe Brevik brothers were accused of running a secret cult in the early 90s. Neighbours "
             "first accused the Brevik brothers in 1991."})
    assert ("agree", ["1991", "1991"]) in date_rows(found)
    assert ("single", ["early 90s"]) in date_rows(found)


def test_times_of_day_compare_in_minutes_within_their_wording(parser):
    _, _, found = analyse(parser, {
        "a": "Title\n\nThe pile-up at the Arlow circuit came at about 11:50 a.m. on the 23rd lap." + FILLER,
        "b": "Title\n\nThe marshals were waving yellow flags on the 23rd lap in Arlow around 11:40 a.m." + FILLER,
        "c": "Title\n\nThe leader was racing his teammate into the hairpin around 10:30 a.m. during the 23rd lap. "
             "A mechanic arrived at 9 a.m. to fix a pump." + FILLER})
    rows = {tuple(sorted(c.text for c in f.claims)): (f.status, f.note) for f in found if f.kind == "time"}
    assert rows[("9 a.m.",)] == ("single", "")  # another event's time
    assert rows[("about 11:50 a.m.", "around 10:30 a.m.", "around 11:40 a.m.")] == (
        "differ", "approx 11:50 ≠ approx 11:40 ≠ approx 10:30")


def test_a_house_number_is_no_year_but_a_year_before_a_street_name_is(parser):
    _, _, found = analyse(parser, {
        "a": "Title\n\nThe lift at 1950 Harlow Ave. in Brookfield stopped between floors on Monday.\n\n"
             "Inspectors visited 2014 Kestrel Street twice. In 2014 Kestrel Street was repaved.",
        "b": "Title\n\nA lift at 1950 Harlow Avenue stopped between floors on Monday. Inspectors had been to "
             "2014 Kestrel St. before. The street was repaved in 2014."})
    texts = [c.text for f in found if f.kind == "date" for c in f.claims]
    assert "1950" not in texts  # only ever a house number here
    assert cross_dates(found) == [["2014", "2014"], ["Monday", "Monday"]]  # the year the street was repaved


# -- dates that were never read (issue 21) ----------------------------------------------------------
def date_claims(found):
    return sorted((c.text, c.value) for f in found if f.kind == "date" for c in f.claims)


def test_last_week_and_last_friday_are_dates_and_the_last_five_years_a_length(parser):
    _, _, found = analyse(parser, {"a": "Title\n\nThe club sacked its coach last week. The board had met last Friday. "
                                        "The club has lost money for the last five years."},
                          dates={"a": "2015-09-16"})  # a Wednesday
    assert date_claims(found) == [("last Friday", "2015-09-11"), ("last week", "2015-W37")]


def test_the_weekend_and_the_end_of_the_year_are_dates(parser):
    _, _, found = analyse(parser, {"a": "Title\n\nFans celebrated the title over the weekend. The club says the "
                                        "stadium will reopen by the end of the year."},
                          dates={"a": "2015-09-16"})
    assert date_claims(found) == [("end of the year", "2015-12"), ("weekend", "2015-W37")]


def test_a_length_of_time_before_ago_is_part_of_the_date(parser):
    _, _, found = analyse(parser, {"a": "Title\n\nThe rowing club was founded nearly a century ago in Arlow.",
                                  "b": "Title\n\nThat rivalry ended long ago, the coach said."})
    assert date_claims(found) == [("a century ago", "a century ago")]  # "long ago" is no date


def test_a_deadline_given_as_month_and_day_lies_ahead_and_a_past_event_behind(parser):
    _, _, found = analyse(parser, {
        "a": "Title\n\nThe deadline for the Arlow club's appeal is Jan. 31, the league says.",
        "b": "Title\n\nThe Arlow club signed the striker on Jan. 31, the league said."},
        dates={"a": "2017-12-20", "b": "2017-12-20"})
    assert {c.article: c.value for f in found if f.kind == "date" for c in f.claims} == {
        "a": "2018-01-31", "b": "2017-01-31"}


def test_a_person_named_like_a_month_is_no_date(parser):
    parsed, ents, found = analyse(parser, {  # the model reads the second and third "May" as dates
        "a": "Title\n\nCoach Tessa May picked the Arlow squad.\n\n\"We are ready for the final,\" said May. "
             "The final is in May."})
    assert any(e.label == "PERSON" and "Tessa May" in e.aliases for e in ents)
    assert [c.start for f in found if f.kind == "date" for c in f.claims] == [parsed[0].article.raw.rindex("May")]


def test_a_day_of_the_weekend_agrees_with_the_weekend_of_one_event(parser):
    _, _, found = analyse(parser, {
        "a": "Title\n\nOver the weekend, Arlow coach Ilse Harmo said the club would sign two strikers.",
        "b": "Title\n\nArlow coach Ilse Harmo said on Saturday that the club would sign two strikers. The "
             "stadium reopened on Monday.",
        "c": "Title\n\nThe Korsk stadium reopened over the weekend."})
    assert ["Saturday", "weekend"] in cross_dates(found) and ("agree", ["Saturday", "weekend"]) in date_rows(found)
    assert not any("Monday" in texts for texts in cross_dates(found))  # a weekday is not the weekend


def test_a_weekday_lies_ahead_only_when_its_own_clause_says_so(parser):
    _, _, found = analyse(parser, {
        "a": "Title\n\nCoach Ilse Harmo said Monday that the club's relegation on Thursday has changed everything, "
             "and that rivals cannot expect an easy season. The Arlow stadium was expected to reopen Friday. "
             "The club will face Korsk on Saturday."},
        dates={"a": "2015-09-16"})  # a Wednesday
    assert date_claims(found) == [("Friday", "2015-09-18"), ("Monday", "2015-09-14"), ("Saturday", "2015-09-19"),
                                  ("Thursday", "2015-09-10")]  # not the next Monday and Thursday: "cannot" is not theirs


def test_the_end_of_the_year_said_two_ways_is_one_date(parser):
    _, _, found = analyse(parser, {
        "a": "Title\n\nThe Arlow coach Ilse Harmo will leave the club at year end, the board said." + FILLER,
        "b": "Title\n\nThe Arlow coach Ilse Harmo will leave the club at the end of the year." + FILLER})
    assert date_rows(found) == [("agree", ["end of the year", "year end"])]


def test_a_date_with_a_possessive_is_the_date_of_its_event(parser):
    _, _, found = analyse(parser, {
        "a": "Title\n\nLast week's storm flooded the Velmar grain depot." + FILLER,
        "b": "Title\n\nThe storm that flooded the Velmar grain depot last week ruined the harvest." + FILLER},
        dates={"a": "2015-09-16"})
    assert date_claims(found) == [("Last week's", "2015-W37"), ("last week", "last week")]
    assert date_rows(found) == [("agree", ["Last week's", "last week"])]


def test_an_unresolved_date_keeps_the_words_that_change_its_time():
    from briefing.facts.dates import unresolved_key
    assert unresolved_key("at year end") == unresolved_key("until the end of this year") == "year end"
    assert unresolved_key("by the end of the month") != "year end"
    assert unresolved_key("last weekend") != unresolved_key("last week's") == "last week"


def test_relative_dates_of_articles_without_a_date_may_meet_at_one_scale():
    from briefing.facts.dates import may_meet
    assert may_meet("today", "tuesday") and may_meet("last month", "a few weeks ago")
    assert may_meet("last friday", "friday") and may_meet("this month", "last week") and may_meet("a week ago", "last week")
    assert not may_meet("monday", "tuesday")  # two weekdays are two days
    assert not may_meet("today", "last month") and not may_meet("yesterday", "next week")
    assert not may_meet("last year", "last week")  # scales two apart: a year is no week
    assert not may_meet("wednesday", "this week")  # a named day against a week: said of many things
    assert not may_meet("next month", "last month") and not may_meet("march 3", "today")


def test_today_in_an_undated_article_pairs_with_the_weekday_of_one_event(parser):
    _, _, found = analyse(parser, {
        "a": "Title\n\nThe Arlow club today announced that it has signed the striker Ana Ruiz from Korsk." + FILLER,
        "b": "Title\n\nThe Arlow club announced the signing of the striker Ana Ruiz from Korsk on Tuesday." + FILLER,
        "c": "Title\n\nThe Korsk stadium was closed for repairs on Wednesday." + FILLER})
    assert date_rows(found) == [("agree", ["Tuesday", "today"]), ("single", ["Wednesday"])]


def test_last_month_and_a_few_weeks_ago_of_one_deal_are_one_row(parser):
    _, _, found = analyse(parser, {
        "a": "Title\n\nKorsk Power bought the grid operator Velmar Energy last month. It opened a depot last year."
             + FILLER,
        "b": "Title\n\nJust a few weeks ago, Korsk Power bought the grid operator Velmar Energy." + FILLER})
    assert date_rows(found) == [("agree", ["a few weeks ago", "last month"]), ("single", ["last year"])]


def test_several_units_ago_is_three_to_ten_of_them_not_thirty():
    """'several weeks ago' counts as 'several' does before a number ('several hundred': 300-999):
    it can meet 'two months ago', never 'six months ago' (thirty weeks would)."""
    from briefing.facts.dates import may_meet
    assert may_meet("several weeks ago", "two months ago") and may_meet("several weeks ago", "three weeks ago")
    assert not may_meet("several weeks ago", "six months ago")


def test_a_unit_that_is_also_a_date_word_keeps_its_article_before_ago(parser):
    """"a year ago": "year" is itself a date word, yet the length of time before "ago" is the
    whole "a year", not "year ago"; in an undated article too."""
    _, _, found = analyse(parser, {"a": "Title\n\nThe ferry line opened a year ago in Arlow, the port said.",
                                  "b": "Title\n\nThe harbour crane failed a week ago in Arlow."})
    assert sorted(c.text for f in found if f.kind == "date" for c in f.claims) == ["a week ago", "a year ago"]



def test_a_vague_count_is_read_alike_before_a_unit_of_time_and_before_a_number(parser):
    """"a few" counts the same before "weeks ago" as before "thousand" (one table, lexicon.VAGUE_LEAD):
    up to five, so "a few weeks ago" may be five weeks back and "a few thousand" up to 5,999; and
    "several" alone counts as it does before a unit, never thirty."""
    from briefing.facts.resolving import ago_count
    from test_fact_classes import claims_of
    assert ago_count("a few weeks ago") == ((2, 5), "week")
    assert ago_count("a couple of months ago") == ((2, 3), "month")
    assert ago_count("several days ago") == ((3, 9), "day")
    got = claims_of(parser, {"a": "Title\n\nA few thousand runners started the Arlow marathon. Several stewards "
                                  "fainted in the heat and a couple hundred fans left early."})
    assert {t: (x.low, x.high) for t, x in got.items()} == {
        "A few thousand runners": (2000, 5999), "Several stewards": (3, 9), "a couple hundred fans": (200, 399)}


def test_so_far_this_year_is_a_running_period_not_a_date(parser):
    """"so far this year", "this month to date": the span a running count covers up to now, like
    "the past year", not when something happened; "earlier this year" stays a date."""
    _, _, found = analyse(parser, {"a": "Title\n\nMore than 9,000 fans have visited the Arlow museum so far this "
                                        "year. Sales this month to date are up. So far this season, 30 boats sank. "
                                        "The museum reopened earlier this year."},
                          dates={"a": "2015-09-16"})
    assert [text for text, _ in date_claims(found)] == ["earlier this year"]


def test_a_time_of_day_glued_to_am_or_pm_or_on_a_24_hour_clock_is_a_time(parser):
    """"11.45am" (one token the model marks as nothing) and "23:45" (a 24-hour clock) are times of
    day, compared in minutes like "11:45 a.m." and "11:45 p.m."."""
    _, _, found = analyse(parser, {"a": "Title\n\nThe Arlow ferry sank at 11.45am on Sunday. The pier lights "
                                        "failed at 23:45, the port said.",
                                   "b": "Title\n\nThe Arlow ferry sank at 11:45 a.m. on Sunday. The pier lights "
                                        "failed at 11:45 p.m., the port said."})
    times = sorted(sorted(c.value for c in f.claims) for f in found if f.kind == "time")
    assert times == [["11:45", "11:45"], ["23:45", "23:45"]]


def test_times_in_two_named_time_zones_compare_in_one(parser):
    """"9 p.m. ET" and "6 p.m. PT" are one moment; "9 p.m. ET" and "9 p.m. PT" are not, and
    "1 a.m. GMT" the next day's hour of the first (summer or winter)."""
    from briefing.facts.dates import times_agree
    from test_fact_classes import claims_of
    said = "Title\n\nThe Arlow launch was set for {} on Friday, the agency said."
    _, _, found = analyse(parser, {"a": said.format("9 p.m. ET"), "b": said.format("6 p.m. PT")})
    assert [f.status for f in found if f.kind == "time"] == ["agree"]
    got = claims_of(parser, {"a": "Title\n\nThe launch was at 9 p.m. ET. The dock opened at 9 p.m. PT. The bar shut "
                                  "at 1 a.m. GMT. The bus left at 9 p.m."})
    launch, dock, bar, bus = (got[t] for t in ("9 p.m. ET", "9 p.m. PT", "1 a.m. GMT", "9 p.m."))
    assert not times_agree(launch, dock) and times_agree(launch, bar) and times_agree(launch, bus)


def test_late_one_day_and_early_the_next_are_one_night(parser):
    """"late Tuesday" and "early Wednesday" (or "Tuesday night") are one night around midnight,
    not two days; a plain "Tuesday" and "early Wednesday" are two."""
    said = "Title\n\nThe Arlow ferry sank {}, the coastguard said."
    for first, then, status in (("late Tuesday", "early Wednesday", "agree"),
                                ("on Tuesday night", "early Wednesday", "agree"),
                                ("on Monday night", "early Wednesday", "differ"),
                                ("on Tuesday", "early Wednesday", "differ")):
        _, _, found = analyse(parser, {"a": said.format(first), "b": said.format(then)},
                              dates={"a": "2018-03-07", "b": "2018-03-07"})
        assert [f.status for f in found if f.kind == "date" and len(f.claims) == 2] == [status], (first, then)
