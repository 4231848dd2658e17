"""Scraper residue seen on real pages (invented lines): removed by general rules, listed in
`removed`, while real headlines and paragraphs that look a little like them stay."""
import pytest

from briefing.reading import residue, seeds as sources


@pytest.mark.parametrize("line", [
    "Image: Volunteers stack sandbags along the river bank in the old town",
    "Firefighters stand beside the burned warehouse on Tuesday, May 3. (Associated Press)",
    "The harbour master speaks to reporters,... (Associated Press)",
    "A crane lifts the damaged hull out of the water. (Lena Ortiz/Harbour Times)",
    "Rescuers carry a boy across the flooded square in Valencia, Spain. Picture taken May 3. REUTERS/Ana Ruiz",
    "A still from the video shared by the family. Family/Handout via REUTERS",
    "The gate was open when the crew arrived. (via Facebook)",
    "JUST WATCHED Floods sweep through the valley Replay More Videos ... MUST WATCH Floods sweep 01:58",
    "02:41",
    "Slideshow (12 Images)",
    "Story highlights",
    "CLOSE",
    "Read or Share this story",
    "Media playback is unsupported on your device",
    "Replay",
    "More Videos",
    "Video",
    "READ: Council votes to close the old bridge after inspection",
    "LIKE US ON FACEBOOK: Our city page brings council news to your feed",
    "La mairie confirme que le pont est fermé <a href=\"https://example.org/x\">#pont</a> —@mairie",
    "___",
    "(SCROLL DOWN FOR LIVE UPDATES)",
    "Newsletter Sign Up Continue reading the main story Please verify you're not a robot.",
    "Image copyright Harbour Times Image caption Crews clear the quay after the storm",
    "Image copyright EPA",
    "View Slideshow Volunteers fill sandbags by the river on Monday. Harbour Times",
    "FILE - In this May 3 photo, a crane lifts a hull out of the water in Varna.",
    "2 p.m.",  # a live page's time stamp
    "10:15 a.m. EDT",
    "Tuesday, March 4, 2031",  # a date alone: a heading, never a fact
    "Sept. 18",
    "ADVERTISING",  # a section label alone
    "Columnist",
    "ALSO:",
    "Editor's Picks Harbour crews worked through the night to clear the quay.",
    # calls to action and contact lines with a sentence end, rights notices, page stamps (web pages)
    "Sign up for the Harbour Daily newsletter to get the council's decisions in your inbox every morning.",
    "There's more where that came from. Subscribe to our weekly digest today.",
    "Have a tip? Sam Okafor may be reached at sokafor@example.org. Follow him on social media.",
    "Write to Jane Roe at jroe@example.org",
    "Copyright 2024 Island Gazette Ltd. All Rights Reserved",
    "This copy is for your personal, non-commercial use only.",
    "Updated at 4:05 p.m.",
    "(Published Tuesday, March 12, 2024)",
    "SEE MORE: Ferry fares to rise in the autumn",
    "DON'T MISS",
    "Lena Ortiz / Handout",                                  # a credit by its own words, whoever the outlet
])
def test_page_furniture_is_residue(line):
    assert residue.is_residue(line)


@pytest.mark.parametrize("line", [
    "Following the storm, ferries stayed in port",          # "follow" only as a whole word
    "Shares in the ferry company fell sharply",             # "share" only as a whole word
    "Watchdog fines harbour operator over safety lapses",   # "watch" only as a whole word
    "Closed roads slow the recovery effort",                # "close" only as a whole word
    "Videographer Ana Ruiz filmed the rescue from a boat.",
    "The mayor said the bridge would reopen in June.",
    "The mayor (a former engineer) said the bridge would reopen in June.",
    "Ferry crews walked out on Monday, the union said.",
    "Diplomatic thaw",                                        # a subhead is content
    "Sales rose 4% at AC/DC Records, its owner said.",
    "1984",  # a year alone may be a title
    "On March 4 the harbour reopened, the port said.",
    "Files were lost in the fire, the archive said.",
    "Opinion polls show a tight race",  # a label only on a line of its own
    "Advertising revenue fell 4 percent, the broadcaster said.",
    "Officers followed the car for three miles before it stopped, police said.",
    "The mayor said residents could email the council at a new address to report cracks in the bridge.",
    "Published reports said the ferry company would order three new boats.",
    "Updated figures show 400 homes lost power overnight, the utility said.",
    "Updated figures show 400 homes lost power.",
    "Reuters / Ipsos poll puts the mayor ahead",             # an outlet's name alone makes no credit
    # a paragraph ending in a sentence in brackets, not a caption's credit
    "The ferry company denied the claims and called for an inquiry. (Read our full timeline of the harbour strike here.)",
])
def test_real_lines_are_not_residue(line):
    assert not residue.is_residue(line)


def test_every_removal_is_listed_with_its_offsets(tmp_path):
    text = ("Harbour reopens after storm\n\n"
            "Slideshow (4 Images)\n\n"
            "The harbour reopened on Friday, the port authority said.\n\n"
            "Workers clear debris from the quay on Thursday. (Associated Press)\n\n"
            "Shares in the ferry company rose 3 percent.\n")
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    article, _ = sources.read_article(path, "seeds/a.txt")
    removed = [(r.text, text[r.start:r.end]) for r in article.removed]
    assert removed == [("Slideshow (4 Images)", "Slideshow (4 Images)"),
                       ("Workers clear debris from the quay on Thursday. (Associated Press)",
                        "Workers clear debris from the quay on Thursday. (Associated Press)")]
    assert any("Shares in the ferry company" in s.text for s in article.segments)


def read_lines(folder, *lines):
    """The one article made of `lines`, a blank line between each, as read from a seeds folder."""
    (folder / "a.txt").write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    return sources.read_seeds(folder)[0][0]


def test_a_chronology_box_is_residue_and_its_dates_make_no_fact(tmp_path):
    article = read_lines(tmp_path, "Harbour reopens after repairs",
                         "The harbour in Varna reopened on Friday after six months of repairs, the port authority said.",
                         "Timeline", "1998: Breakwater built", "March 2011 — Storm breaches the wall", "___",
                         "2024: Repairs approved", "Ships queued outside the port on Saturday.")
    removed = [seg.text for seg in article.removed]
    assert removed == ["1998: Breakwater built", "March 2011 — Storm breaches the wall", "___", "2024: Repairs approved"]
    kept = " ".join(seg.text for seg in article.segments)
    assert "Ships queued" in kept and "1998" not in kept


def test_two_dated_lines_are_not_a_box(tmp_path):
    article = read_lines(tmp_path, "Harbour reopens", "2024: the year repairs began", "March 2025: the year they ended",
                         "The harbour reopened on Friday.")
    assert article.removed == ()


def test_a_box_of_teasers_is_residue_but_a_list_the_article_introduces_is_not(tmp_path):
    article = read_lines(tmp_path, "Harbour reopens after repairs",
                         "The harbour in Varna reopened on Friday, the port authority said.",
                         "More on the storm season:", "Ten pictures of the flood that went viral",
                         "The storm explained in maps", "The repairs included:", "new pumps", "a higher sea wall",
                         "Ships queued outside the port on Saturday.")
    assert [seg.text for seg in article.removed] == ["More on the storm season:", "Ten pictures of the flood that went "
                                                     "viral", "The storm explained in maps"]
    assert "a higher sea wall" in " ".join(seg.text for seg in article.segments)


PROSE = ("The harbour in Varna reopened on Friday after six months of repairs to the breakwater, the port authority said.",
         "Ships that had waited outside the port for a week began to unload grain and timber on Saturday morning.")


def test_another_storys_headline_between_paragraphs_is_residue(tmp_path):
    article = read_lines(tmp_path, "Harbour reopens after repairs", PROSE[0],
                         "Third ferry in a month runs aground off the northern cape", PROSE[1])
    assert [seg.text for seg in article.removed] == ["Third ferry in a month runs aground off the northern cape"]
    assert "aground" not in " ".join(seg.text for seg in article.segments)


@pytest.mark.parametrize("line", [
    "WHAT THE PORT AUTHORITY FOUND IN THE WALL",  # a section heading in capitals
    "What the Port Authority Found in the Breakwater",  # a heading in title case
    "Only one crane left",  # a short heading
    "Inspectors: the wall will need another survey",  # a label before a colon
])
def test_a_heading_of_the_article_is_not_another_storys_headline(tmp_path, line):
    article = read_lines(tmp_path, "Harbour reopens after repairs", PROSE[0], line, PROSE[1])
    assert article.removed == ()


def test_a_hard_wrapped_line_or_a_last_line_is_not_a_headline(tmp_path):
    wrapped = ("Harbour reopens after repairs\n\n" + PROSE[0] + "\nThe company plans to open a second terminal in the\n"
               "north of the port next year once the dredging is done, officials confirmed.\n\n" + PROSE[1] +
               "\n\nWith reporting by a correspondent in the northern port town\n")
    (tmp_path / "a.txt").write_text(wrapped, encoding="utf-8")
    article = sources.read_seeds(tmp_path)[0][0]
    assert article.removed == ()
