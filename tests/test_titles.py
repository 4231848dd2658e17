"""Titles and outlets guessed from the text when no metadata gives them (invented articles)."""
import pytest

from briefing.reading import seeds as sources, titles


@pytest.mark.parametrize("paragraph,expected", [
    # the dateline goes, and the attribution after a comma
    ("OSLO (Reuters) - Ferry crews across Norway walked out on Monday over pay, the union said, after talks "
     "with the operators broke down.", "Ferry crews across Norway walked out on Monday over pay"),
    ("Lima (CNN) Miners in the south of the country returned to work on Tuesday, officials said.",
     "Miners in the south of the country returned to work on Tuesday"),
    ("BOISE, Idaho -- A wildfire spread across two valleys overnight as crews struggled with strong winds.",
     "A wildfire spread across two valleys overnight"),
    # an editor's note in capitals before a dash is not part of the title
    ("UPDATED WITH NEW FIGURES - Floodwater closed the three northern ports of the region on Sunday.",
     "Floodwater closed the three northern ports of the region on Sunday"),
    # a leading subordinate clause goes; the main clause stays
    ("While the rain eased by the afternoon, the city council kept every school in the district shut.",
     "The city council kept every school in the district shut"),
    # ... unless the main clause starts with a pronoun: then the leading clause says more
    ("As the harbour master counted the damaged boats on Friday, she warned that repairs would take weeks.",
     "As the harbour master counted the damaged boats on Friday"),
    # an appositive after a short subject goes
    ("Mira Okafor, the director of the regional water board, has ordered tests of every well in the valley.",
     "Mira Okafor has ordered tests of every well in the valley"),
    # a list of adjectives is not a clause boundary; "U.S." does not end the sentence
    ("A small, family-run U.S. bakery won the national bread prize on Saturday. It was founded in 1950.",
     "A small, family-run U.S. bakery won the national bread prize on Saturday"),
    # a colon ends the headline
    ("Volunteers tried every method they could find to save the stranded whales: boats, nets and buckets.",
     "Volunteers tried every method they could find to save the stranded whales"),
])
def test_title_is_the_first_sentence_without_dateline_cut_at_a_clause(paragraph, expected):
    assert titles.guess(paragraph) == expected


def test_a_long_sentence_without_clause_boundary_is_cut_before_a_phrase_not_mid_phrase():
    paragraph = ("Tired volunteers carried sandbags to the edge of the flooded river town of Morrow on Saturday in a "
                 "desperate effort to hold back water rising faster than any forecast had expected.")
    title = titles.guess(paragraph)
    assert title == "Tired volunteers carried sandbags to the edge of the flooded river town of Morrow on Saturday"
    assert len(title.split()) <= titles.SHORT_WORDS


def test_a_one_line_article_of_megabytes_gives_a_short_title():
    title = titles.guess("GENEVA (Wirewatch) - " + "news words with no full stop " * 100_000)
    assert title.startswith("News words with no full stop") and len(title) <= titles.MAX_CHARS


def test_a_long_run_with_no_boundary_at_all_ends_with_an_ellipsis():
    paragraph = " ".join(["word"] * 40) + "."
    title = titles.guess(paragraph)
    assert title.endswith("…") and len(title.split()) == titles.SHORT_WORDS


@pytest.mark.parametrize("stem,text,expected", [
    ("00_cnn", "LIMA, Peru (CNN) -- Rain fell.", "CNN"), ("02_reuters", "", "Reuters"),
    ("kxan", "Crews told KXAN the road was shut.", "KXAN"), ("Guardian", "", "Guardian"), ("WXYZ", "", "WXYZ"),
    ("time", "At the time, Time reported the sale.", "Time"),  # a short name is no acronym by its length
    ("time", "Rain fell for a long time.", "Time"),
    ("03_5f2a9c01d4e7b8a6", "", None),       # a hash
    ("bridge-closes-after-storm", "", None),  # a title slug
    ("001", "", None), ("article", "", None), ("02_draft", "", None),
])
def test_outlet_from_the_file_name_takes_the_articles_casing(stem, text, expected):
    assert sources.outlet_from_file_name(stem, text) == expected


def test_a_first_line_a_dateline_opens_is_the_first_paragraph_not_the_title(tmp_path):
    (tmp_path / "a.txt").write_text("VARNA (Coastline News) — The latest on the storm in Varna (all times local):\n\n"
                                    "The port closed on Sunday.\n")
    (tmp_path / "b.txt").write_text("Photo copyright Coastline News Photo caption Waves break over the wall\n\n"
                                    "(KTVB) -- Ships stayed in port on Monday as the storm passed, the harbour office "
                                    "said.\n")
    by_id = {a.id: a for a in sources.read_seeds(tmp_path)[0]}
    assert by_id["a"].title == "The latest on the storm in Varna" and by_id["a"].segments[0].kind == "paragraph"
    assert by_id["b"].title == "Ships stayed in port on Monday"  # no caption, no dateline
    assert by_id["b"].source == "KTVB"


def test_guesses_are_marked_and_given_metadata_wins(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "01_harbourradio.txt").write_text(
        "VARNA (Coastline News) - The port of Varna reopened on Monday after a storm, the harbour office said.\n\n"
        "Ships queued outside the breakwater.\n")
    (seeds / "02_courier.txt").write_text(
        "Three fishing boats sank in the port of Varna during the storm on Sunday night, the coastguard said.\n")
    (seeds / "03_5f2a9c01.txt").write_text("Storm closes Varna port\n\nThe port of Varna closed on Sunday.\n")
    (seeds / "04_courier.md").write_text("---\ntitle: Varna counts the cost\nsource: Varna Courier\n---\n"
                                         "Repairs to the port of Varna will take a month.\n")
    articles, problems = sources.read_seeds(seeds)
    by_id = {a.id: a for a in articles}
    radio = by_id["01_harbourradio"]
    assert (radio.title, radio.source) == ("The port of Varna reopened on Monday", "Coastline News")
    assert radio.guessed == ("title", "source")  # the dateline's outlet wins over the file name
    courier = by_id["02_courier"]
    assert (courier.title, courier.source) == ("Three fishing boats sank in the port of Varna during the storm on Sunday night", "Courier")
    assert courier.guessed == ("title", "source")
    titled = by_id["03_5f2a9c01"]
    assert (titled.title, titled.source, titled.guessed) == ("Storm closes Varna port", None, ())
    given = by_id["04_courier"]
    assert (given.title, given.source, given.guessed) == ("Varna counts the cost", "Varna Courier", ())
    assert problems == []  # a guessed title is information, not a warning
