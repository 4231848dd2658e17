"""Publication dates read from an article's dateline or date line when no metadata gives one
(issue 12 item 2): inferred, marked as such, and used to resolve relative dates; body dates are
never taken for the publication date. Invented text."""
import json

from briefing.model import Article, Segment
from briefing.reading.pubdate import infer
from briefing.reading.seeds import split_segments

from conftest import analyse


def article(aid: str, text: str, date: str | None = None, removed: tuple[str, ...] = ()) -> Article:
    segments, residue = split_segments(text)  # a date line is residue: "removed", where pubdate reads it too
    return Article(id=aid, file=f"seeds/{aid}.txt", raw=text, title=aid, segments=tuple(segments), date=date,
                   removed=tuple(residue) + tuple(Segment("paragraph", 0, len(r), r) for r in removed))


def test_a_dateline_or_a_date_line_gives_the_date_and_body_dates_never_do():
    got = infer([
        article("a", "Title\n\nVELMAR, March 3, 2017 (Wire) - The Velmar council met on Friday."),
        article("b", "Title\n\nThe council met on Friday.\n\nPublished: March 4, 2017 10:12 AM EST"),
        article("c", "Title\n\nARLOW, March 5 (Wire) - The council of Arlow met."),  # the year: the briefing's
        article("d", "Title\n\nA complaint from March 9, 2015, said the lift was out. It broke on Friday."),
        article("e", "Title\n\nVELMAR, March 3, 2017 (Wire) - The council met.", date="2017-03-02"),
        article("f", "Title\n\nThe council met on Friday.", removed=("Updated 9:12 AM ET, Sat March 4, 2017",))])
    assert {a.id: (a.inferred_date, a.guessed) for a in got} == {
        "a": ("2017-03-03", ("date",)), "b": ("2017-03-04", ("date",)), "c": ("2017-03-05", ("date",)),
        "d": (None, ()), "e": (None, ()), "f": ("2017-03-04", ("date",))}
    assert [a.date for a in got] == [None, None, None, None, "2017-03-02", None]  # the metadata date stays


def test_an_inferred_date_resolves_weekdays_and_the_same_weekday_unresolved_still_pairs(parser):
    texts = {"a": "Title\n\nVELMAR, March 3, 2017 (Wire) - The Velmar council approved the new bridge on Tuesday.",
             "b": "Title\n\nThe Velmar council approved the new bridge on Tuesday, the mayor said."}
    articles = infer([article(aid, text) for aid, text in texts.items()])
    _, _, found = analyse(parser, texts, {a.id: a.inferred_date for a in articles})
    (row,) = [f for f in found if f.kind == "date" and f.claims[0].text == "Tuesday"]
    assert row.status == "agree" and {c.value for c in row.claims} == {"2017-02-28", "Tuesday"}


def test_the_page_and_the_export_say_the_date_was_inferred(project):
    import subprocess
    import sys

    for f in (project / "seeds").iterdir():
        f.unlink()
    (project / "seeds" / "a.txt").write_text("Velmar bridge\n\nVELMAR, March 3, 2017 (Wire) - The council met.\n")
    res = subprocess.run([sys.executable, "-m", "briefing", "build", "-q"], cwd=project, capture_output=True,
                         text=True, timeout=300)
    assert res.returncode == 0, res.stderr
    data = json.loads((project / "docs/briefing/briefing.json").read_text())
    assert (data["articles"][0]["date"], data["articles"][0]["guessed"]) == ("2017-03-03", ["date"])
    page = (project / "docs/briefing" / data["articles"][0]["page"]).read_text()
    assert "3 March 2017 (date inferred from a dateline)" in page


def test_a_timestamp_or_a_photo_caption_gives_the_date_and_a_file_photo_never_does():
    got = infer([
        article("a", "Title\n\nBy Lena Ortiz, weather desk. March 2, 2016, 7:14:05 PM CST\n\nSnow fell overnight."),
        article("b", "Title\n\nFans queue outside the Arlow stadium Thursday, June 14, 2018, in Arlow. A fan waves a "
                     "scarf Wednesday, June 13, 2018.\n\nThe final is on Saturday."),
        article("c", "Title\n\nThe Arlow keeper dives in Velmar, June 12, 2018. REUTERS/Ann Smith\n\nArlow won."),
        article("d", "Title\n\nFILE - In this Tuesday, Jan. 28, 2014, file photo, the coach speaks.\n\nHe quit."),
        article("e", "Title\n\nThe board met on Friday, March 9, 2015, and again this week, the club said on its "
                     "website, which lists every meeting since the club was founded in Arlow.")])
    assert {a.id: (a.inferred_date, a.date_evidence) for a in got} == {
        "a": ("2016-03-02", "timestamp"), "b": ("2018-06-14", "photo caption"), "c": (None, ""),
        "d": (None, ""), "e": (None, "")}  # a date of the story in a sentence is no caption
