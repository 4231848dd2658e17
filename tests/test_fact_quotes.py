"""Quotes across outlets (issue 12 item 7), with invented text and real parses: fragments, unquoted
copies, one shared sentence, pronoun speakers, and the index that finds partners in a large briefing."""
from conftest import analyse


def quote_rows(found):
    return [(f.status, f.subject, sorted(c.text for c in f.claims)) for f in found if f.kind == "quote"]


def test_a_fragment_pairs_with_the_full_quote_and_a_scare_quoted_phrase_is_no_row(parser):
    _, _, found = analyse(parser, {
        "a": "Title\n\nThe striker's recovery could last days and \"possibly weeks\", coach Ilse Harmo said. "
             "Critics called the signing a \"grand show\".",
        "b": "Title\n\n\u201cHis knee needs patience, possibly weeks, before he can run again,\u201d "
             "coach Ilse Harmo said. Critics called the signing a \u201cgrand show\u201d."})
    rows = quote_rows(found)
    assert [(s, t[0]) for s, _, t in rows] == [("agree", '"possibly weeks"')]
    assert not any("grand" in c.text for f in found for c in f.claims)


def test_short_quotes_of_a_figure_agree_whatever_the_number_is_written_as(parser):
    _, _, found = analyse(parser, {
        "a": "Title\n\nThe stadium roof had its strict \u201cevery-three-weeks fire drill\u201d in March.",
        "b": "Title\n\nThe roof had its strict \"every-3-weeks fire drill\" last spring."})
    assert [s for s, _, _ in quote_rows(found)] == ["agree"]


def test_a_quote_written_without_quote_marks_elsewhere_pairs_and_alone_is_no_row(parser):
    _, _, found = analyse(parser, {
        "a": "Title\n\nBut city inspectors decided the lift could \u201csafely remain in service.\u201d",
        "b": "Title\n\nThe inspectors decided that it could safely remain in service, records show.",
        "c": "Title\n\nNothing was said to remain in service here."})
    ((status, _, texts),) = quote_rows(found)
    assert status == "agree" and texts == ["safely remain in service", "\u201csafely remain in service.\u201d"]


def test_two_quotes_of_one_speaker_pair_by_the_sentence_they_share_and_show_its_diff(parser):
    _, _, found = analyse(parser, {
        "a": "Title\n\n\u201cIt hurts to lose a final. That was my last chance,\u201d said Tomas Virtanen, 61.",
        "b": "Title\n\n\u201cWe trained for years. We came so close. That\u2019s my last chance,\u201d said Tomas Virtanen."})
    (row,) = [f for f in found if f.kind == "quote"]
    assert row.status == "differ" and row.subject == "Tomas Virtanen"
    assert row.diff == (("-", "That was"), ("+", "That’s"), ("=", "my last chance,"))  # the shared sentence only


def test_he_said_goes_back_to_the_last_speaker_even_unnamed_and_never_into_a_quote(parser):
    _, _, found = analyse(parser, {"a": (
        "Title\n\nPeter Lind was at the scene. A woman who lives next door said the boy was quiet.\n\n"
        "\"He is a gentle child,\" she said. \"We never heard a thing from him.\"\n\n"
        "Daniel Okafor, 40, lives upstairs.\n\n"
        "\u201cIt was a bit shaky,\u201d he recounted. \u201cMy wife called and said, \u2018Come home now.\u2019\u201d\n\n"
        "\u201cNobody trusts those lifts,\u201d he added.")})
    speakers = {f.claims[0].text[:12]: f.subject for f in found if f.kind == "quote"}
    assert speakers['"He is a gen'] == "A woman"  # not Peter Lind, the last name seen
    assert speakers["\u201cNobody trus"] == "Daniel Okafor"  # not "wife", the speaker inside the quote


def test_a_long_statement_and_its_middle_quoted_elsewhere_pair_among_many_quotes(parser):
    filler = " ".join(f"\u201cWe planted {n} new trees along the river bank this year,\u201d said gardener "
                      f"number {n}." for n in range(12))
    _, _, found = analyse(parser, {
        "a": "Title\n\nThe Orlen Company issued a statement: \u201cWe are saddened by this tragic accident. The "
             "accident is now under full investigation and we are working closely with all the authorities. "
             "Our thoughts are with the family.\u201d " + filler,
        "b": "Title\n\n\u201cThe accident is now under full investigation, and we are working closely with all the "
             "authorities,\u201d spokesman Aron Vale said. " + filler})
    statement = [r for r in quote_rows(found) if "saddened" in " ".join(r[2])]
    assert len(statement) == 1 and len(statement[0][2]) == 2 and statement[0][0] == "agree"


def test_a_word_added_before_a_sentence_start_is_a_difference_an_excerpt_is_not(parser):
    _, _, found = analyse(parser, {
        "a": "Title\n\n\u201cAnd we will rebuild the Varn bridge by spring,\u201d Mayor Ilse Harmo said. "
             "\u201cOur aim remains a safe crossing for every family in the valley,\u201d she added.",
        "b": "Title\n\n\u201cWe will rebuild the Varn bridge by spring,\u201d Mayor Ilse Harmo said. Her aim "
             "\u201cremains a safe crossing for every family in the valley,\u201d she said."})
    rows = {f.claims[0].text[:8]: (f.status, f.diff) for f in found if f.kind == "quote"}
    assert rows["\u201cAnd we "] == ("differ", (("-", "And"), ("=", "We will rebuild the Varn bridge by spring,")))
    assert rows["\u201cOur aim"][0] == "agree"


# -- quotes never read or given to the wrong speaker (issue 21) --------------------------------------
def test_a_quote_running_over_two_paragraphs_keeps_its_first_part_and_its_speaker(parser):
    _, _, found = analyse(parser, {
        "a": "Title\n\nThe Arlow coach would \u201cfight every ruling of the league in court. We have the players "
             "and the will to win this.\n\n\u201cNobody will take the title from us,\u201d coach Ilse Harmo told "
             "reporters on Monday.",
        "b": "Title\n\n\u201cWe have the players and the will to win this,\u201d Arlow coach Ilse Harmo said."})
    rows = quote_rows(found)
    assert ("agree", "Ilse Harmo", ["\u201cWe have the players and the will to win this,\u201d",
            "\u201cfight every ruling of the league in court. We have the players and the will to win this."]) in rows


def test_a_short_quote_of_someones_words_pairs_and_a_phrase_is_no_row(parser):
    _, _, found = analyse(parser, {
        "a": "Title\n\nThe league said the new rules \u201chit hardest\u201d on the Arlow club. Critics called "
             "the final a \u201cgrand show\u201d. The stewards called it \u201crather grim\u201d.",
        "b": "Title\n\nThe new rules would \u201chit hardest\u201d on Arlow, the league said. Fans called the "
             "final a \u201cgrand show\u201d. The stewards called it \u201crather grim\u201d."})
    assert [texts for _, _, texts in quote_rows(found)] == [["\u201chit hardest\u201d", "\u201chit hardest\u201d"]]


def test_he_said_goes_back_to_the_last_person_who_was_a_subject_never_a_lawyer_or_a_law(parser):
    _, _, found = analyse(parser, {"a": (
        "Title\n\nArlow striker Jo Park spoke after the match. Park's lawyer, Ana Ruiz, was there.\n\n"
        "\u201cI will appeal the ban with all I have,\u201d he said.\n\n"
        "The Sports Act says clubs \u201cmust protect every player in every match\u201d. Students said \u201cwe "
        "want fair games for all of us\u201d.")})
    speakers = {f.claims[0].text[:8]: f.subject for f in found if f.kind == "quote"}
    assert speakers == {"\u201cI will ": "Jo Park", "\u201cmust pr": "unattributed", "\u201cwe want": "unattributed"}


def test_a_block_quote_after_a_colon_is_its_introducers_words_and_pairs_in_part(parser):
    """A paragraph quoted as a block loses its quote marks with the page's layout: the paragraph
    before ends with a colon and names the speaker. Its excerpts (cut at "…") pair with the
    speaker's own text elsewhere, whole or by a long run of its words; a post's signature is cut."""
    _, _, found = analyse(parser, {
        "a": "Title\n\nThe Korsk coach Ilse Harmo explained her exit in a long post:\n\n"
             "The board wants a younger squad and a cheaper wage bill. I respect that choice. My players gave "
             "everything this season… Korsk will always be my home, but this is where we say goodbye.\n\n"
             "She added on social media:\n\nThank you for every match at the old ground. - Ilse Harmo (@iharmo) "
             "May 3, 2021\n\nMore on the league:\n\nCup draw moved to a new date in June\n\n"
             "KORSK (Reuters) - The Latest on the league season:\n\nThe final round starts on Saturday in Korsk.",
        "b": "Title\n\nOur board wants a younger squad and a cheaper wage bill. I respect that choice. My players "
             "gave everything this season and I thank them. Korsk will always be my home, but this is where we "
             "say goodbye."})
    rows = quote_rows(found)
    assert {(s, who) for s, who, _ in rows} == {("agree", "Ilse Harmo"), ("single", "Ilse Harmo")}
    texts = sorted(t for _, _, ts in rows for t in ts)
    assert texts == [
        "Korsk will always be my home, but this is where we say goodbye",
        "Korsk will always be my home, but this is where we say goodbye.",
        "Thank you for every match at the old ground.",
        "The board wants a younger squad and a cheaper wage bill. I respect that choice. My players gave "
        "everything this season",
        "board wants a younger squad and a cheaper wage bill. I respect that choice. My players gave everything "
        "this season"]  # a run of the quote's words, not its start


def test_reported_speech_pairs_with_a_report_of_the_same_speaker_or_the_quote_it_holds(parser):
    """"X argued that …": a claim that pairs only with a report of the same speaker in most of
    the same words, or with a quote holding its words; reports are no wording, so they agree."""
    _, _, found = analyse(parser, {
        "a": "Title\n\nThe Velmar coach, Ilse Harmo, argued that the new stadium tax was unfair for small clubs. "
             "Tomas Virtanen said that the league would fight the new stadium tax. Harmo said it was fine.",
        "b": "Title\n\nVelmar coach Ilse Harmo argued that the new stadium tax is unfair to the small clubs. "
             "\u201cThe referee was wrong all afternoon,\u201d Harmo said.",
        "c": "Title\n\nIlse Harmo said the referee was wrong all afternoon, and the club will appeal."})
    assert sorted(quote_rows(found)) == [
        ("agree", "Ilse Harmo", ["that the new stadium tax is unfair to the small clubs",
                                 "that the new stadium tax was unfair for small clubs"]),
        ("agree", "Ilse Harmo", ["the referee was wrong all afternoon",
                                 "\u201cThe referee was wrong all afternoon,\u201d"])]


def test_reported_speech_pairs_with_a_quote_of_its_speaker_in_other_words_by_a_shared_predicate(parser):
    """A report and a quote of one speaker that share a verb with its dependent ("drill through")
    are one claim in other words; a report of the same speaker sharing only nouns ("the ice
    shelf"), or another speaker's report in the same words, is not."""
    _, _, found = analyse(parser, {
        "a": "Title\n\nLead author Helen Brandt said the probe would be able to drill through the ice shelf next "
             "spring. Brandt said the ice shelf was thinner than her team expected.",
        "b": "Title\n\n\u201cWe expect the probe to drill through the ice shelf by spring, if the winds allow it,"
             "\u201d Brandt said. Engineer Tomas Virtanen said the old drill could barely get through the ice shelf."})
    assert quote_rows(found) == [("agree", "Helen Brandt", [
        "the probe would be able to drill through the ice shelf next spring",
        "\u201cWe expect the probe to drill through the ice shelf by spring, if the winds allow it,\u201d"])]


def test_a_report_joining_two_other_quotes_of_its_speaker_makes_no_disagreement_a_reader_sees(parser):
    """A report shares a predicate ("work on") with two quotes of its speaker that are not one
    quote: the row it holds may not call their wordings a difference, and a row resting on a
    shared predicate alone is never sure enough for "Where the outlets differ"."""
    from briefing.facts.review import REVIEW_BELOW

    _, _, found = analyse(parser, {
        "a": "Title\n\nCoach Maria Lopez said the team would work on its defence before the derby.",
        "b": "Title\n\n\u201cWe have to work on our passing this week,\u201d Lopez said after training.",
        "c": "Title\n\n\u201cWe will work on set pieces for the rest of the month,\u201d Lopez said on Monday."})
    rows = [f for f in found if f.kind == "quote"]
    assert rows and all(f.status == "agree" for f in rows)
    assert all(f.confidence < REVIEW_BELOW for f in rows if any("defence" in c.text for c in f.claims))


def test_she_said_in_reported_speech_is_the_person_named_as_subject_in_its_sentence(parser):
    """"X asked for money as she said …": the pronoun is X, not who spoke in the paragraph before."""
    _, _, found = analyse(parser, {
        "a": "Title\n\nTomas Virtanen said the budget was cut in March.\n\nHelen Brandt, the observatory's "
             "director, asked the agency for more money as she said the station would soon run out of fuel for "
             "its generators.",
        "b": "Title\n\nBrandt said the station would run out of fuel for its generators within weeks."})
    assert quote_rows(found) == [("agree", "Helen Brandt", [
        "the station would run out of fuel for its generators within weeks",
        "the station would soon run out of fuel for its generators"])]


def test_speech_reported_inside_a_quote_is_the_quotes(parser):
    from briefing import facts
    parsed, ents, _ = analyse(parser, {"a": "Title\n\n\u201cTomas Virtanen said the league would fight the stadium "
                                            "tax in every court,\u201d Ilse Harmo added. Ilse Harmo said the league "
                                            "would fight the stadium tax."})
    reported = [x.claim.text for x in facts.extract(parsed, ents)[0] if x.reported]
    assert reported == ["the league would fight the stadium tax"]


def test_it_said_goes_back_to_the_body_that_spoke_and_a_relative_pronoun_to_its_noun(parser):
    from briefing import facts
    parsed, ents, _ = analyse(parser, {
        "a": "Title\n\nThe Arlow league announced new rules on Monday. \"We are sure the clubs will adapt quickly to "
             "the changes,\" it said in a statement. A report that says the pitch is \"badly drained and unsafe for "
             "play\" was published.",
        "b": "Title\n\nCoach Ana Ruiz joined the Arlow club in May. \"It is a difficult season for every player "
             "here,\" it said."})
    subjects = {x.claim.value[:12]: x.subject for x in facts.extract(parsed, ents)[0] if x.kind == "quote"}
    assert subjects == {"We are sure ": "The Arlow league", "badly draine": "A report",
                        "It is a diff": "unattributed"}  # "it" is never a person named before


def test_a_speaker_called_by_age_is_the_person_named_before(parser):
    from briefing import facts
    parsed, ents, _ = analyse(parser, {
        "a": "Title\n\nMaria Lopez has lived beside the Arlow ground for years, and she says the noise is getting "
             "worse. \"It is a difficult season for every family here,\" said the 48-year-old."})
    report, quote = sorted((x for x in facts.extract(parsed, ents)[0] if x.kind == "quote"), key=lambda x: x.reported)[::-1]
    assert quote.subject == "Maria Lopez"  # not "the old"
    assert (report.claim.text, report.subject) == ("the noise is getting worse", "Maria Lopez")  # "she says"


def test_two_overlapping_excerpts_of_one_quote_agree_and_a_third_wording_shows_its_own_diff(parser):
    """Two outlets quoting overlapping parts of one sentence change no word: the diff marks none,
    so the row agrees (it said "differ" with nothing to show); a third outlet that changes a word
    is the difference the row names, whichever outlet comes second."""
    a = "Title\n\nIlse Harmo said \u201cthe old stand will be rebuilt before the new season starts\u201d."
    b = ("Title\n\nIlse Harmo said the stand \u201cwill be rebuilt before the new season starts and opened to "
         "every fan\u201d.")
    _, _, found = analyse(parser, {"a": a, "b": b})
    assert [(s, len(t)) for s, _, t in quote_rows(found)] == [("agree", 2)]
    _, _, found = analyse(parser, {"a": a, "b": b, "c": "Title\n\nIlse Harmo said the stand \u201cwill be rebuilt "
                                                         "before the old season starts\u201d."})
    (row,) = [f for f in found if f.kind == "quote"]
    assert row.status == "differ" and ("+", "old") in row.diff and len(row.claims) == 3


def test_a_word_added_at_the_start_of_a_quote_both_outlets_frame_alike_is_a_difference(parser):
    """Both outlets lead into the quote with the same words ("… that the bridge was"); one quotes
    a word more at its start ("completely safe" / "safe"): their sentences read differently, so the
    row differs. Led into by other words, the shorter quote is an excerpt and agrees."""
    lead = "Title\n\nMayor Ilse Harmo told the council that the Varn bridge was "
    _, _, found = analyse(parser, {
        "a": lead + "\u201csafe to reopen to traffic before the winter,\u201d officials said.",
        "b": lead + "\u201ccompletely safe to reopen to traffic before the winter,\u201d officials said."})
    (row,) = [f for f in found if f.kind == "quote"]
    assert row.status == "differ" and row.diff[0] == ("+", "completely") and len(row.diff) == 2
    _, _, found = analyse(parser, {
        "a": lead + "\u201csafe to reopen to traffic before the winter,\u201d officials said.",
        "b": "Title\n\nMayor Ilse Harmo said engineers found the Varn bridge \u201ccompletely safe to reopen to "
             "traffic before the winter,\u201d officials said."})
    assert [s for s, _, _ in quote_rows(found)] == ["agree"]


def test_two_house_styles_of_one_quote_are_one_wording():
    """Outlets spell a quote by their own house style: British or American spelling, "U.S." or
    "US", "10,000" or "10000", "per cent" or "percent", "e-mail" or "email", "co-operate" or
    "cooperate". None of that is a change of the speaker's words; a word added or changed is."""
    from briefing.facts import wording
    pairs = [("We will organise the centre's defence of the programme, and we've travelled far",
              "We will organize the center's defense of the program, and we've traveled far"),
             ("The U.S. paid 10,000 dollars and fuel prices rose 5 per cent at our favourite harbour",
              "The US paid 10000 dollars and fuel prices rose 5 percent at our favorite harbor"),
             ("Send an e-mail and we will co-operate with the analysed catalogue of colours",
              "Send an email and we will cooperate with the analyzed catalog of colors")]
    for british, american in pairs:
        assert wording.agree([british, american]), british
        marked = [words for op, words in wording.word_diff(british, american) if op != "="]
        assert marked in ([], ["per cent", "percent"]), british  # a diff reads word by word
    assert not wording.agree(["We will organise the centre's defence", "We will not organize the center's defense"])
    assert ("+", "not") in wording.word_diff("We will organise the centre's defence",
                                             "We will not organize the center's defense")


def test_an_ellipsis_or_a_bracketed_insertion_is_no_change_of_words():
    """"We will rebuild … and win" leaves words out where its marks say so, and "[the stand]" stands
    for a word the speaker said ("it"): neither changes the speaker's words; a word changed
    between the parts does."""
    from briefing.facts import wording
    full = "We will rebuild the old stand and we will win the league again"
    assert wording.agree(["We will rebuild \u2026 and we will win the league again", full])
    assert wording.agree([full, "We will rebuild ... and we will win the league again"])
    assert wording.agree(["We will rebuild [the stand] and we will win the league again",
                          "We will rebuild it and we will win the league again"])
    assert not wording.agree(["We will rebuild \u2026 and we will lose the league again", full])
