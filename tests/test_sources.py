"""Reading articles: residue lines, titles, standfirsts, front matter, bad files."""
import hashlib
from pathlib import Path

import pytest

from briefing.reading import residue, seeds as sources


def write(folder: Path, name: str, data) -> Path:
    path = folder / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


ARTICLE = """Jane Doe / Reuters / Getty Images

Floods close ports along the coast

Analysis: Storm damage could cut exports for months

Heavy rain closed three ports on Monday, officials said.

The harbour master said repairs would take weeks.

Follow us on Twitter

Share this article

Sign up for our daily newsletter

Sign up for our daily newsletter
"""


def test_residue_lines_are_removed_by_general_rules(tmp_path):
    write(tmp_path, "a.txt", ARTICLE)
    (article,), problems = sources.read_seeds(tmp_path)
    assert article.title == "Floods close ports along the coast"
    kinds = [(s.kind, s.text) for s in article.segments]
    assert kinds[0] == ("title", "Floods close ports along the coast")
    assert kinds[1] == ("standfirst", "Analysis: Storm damage could cut exports for months")
    assert [t for k, t in kinds if k == "paragraph"] == [
        "Heavy rain closed three ports on Monday, officials said.", "The harbour master said repairs would take weeks."]
    assert {r.text for r in article.removed} == {"Jane Doe / Reuters / Getty Images", "Follow us on Twitter",
                                                 "Share this article", "Sign up for our daily newsletter"}
    assert problems == []


def test_offsets_point_into_the_raw_text(tmp_path):
    write(tmp_path, "a.txt", "Title here\r\n\r\nFirst paragraph.\r\n")
    (article,), _ = sources.read_seeds(tmp_path)
    for seg in article.segments:
        assert article.raw[seg.start:seg.end] == seg.text
    assert article.segments[1].text == "First paragraph."


def test_hard_wrapped_lines_are_one_paragraph(tmp_path):
    write(tmp_path, "a.txt", "Title\n\nOne sentence that\nwraps onto a second line.\n\nNext paragraph.\n")
    (article,), _ = sources.read_seeds(tmp_path)
    assert [s.text for s in article.segments[1:]] == ["One sentence that\nwraps onto a second line.",
                                                      "Next paragraph."]


def test_front_matter_gives_metadata_and_offsets_stay_in_the_file(tmp_path):
    text = "---\ntitle: Ports close\nsource: Coast Herald\ndate: 2024-02-03\n---\nPorts close\n\nRain fell.\n"
    write(tmp_path, "b.md", text)
    (article,), problems = sources.read_seeds(tmp_path)
    assert (article.title, article.source, article.date) == ("Ports close", "Coast Herald", "2024-02-03")
    assert article.raw == text and article.raw[article.segments[-1].start:].startswith("Rain fell.")
    assert problems == []


def test_config_metadata_for_plain_text(tmp_path):
    write(tmp_path, "c.txt", "Title\n\nBody.\n")
    (article,), _ = sources.read_seeds(tmp_path, {"c": {"source": "Wire", "date": "2024-01-01"}})
    assert (article.source, article.date) == ("Wire", "2024-01-01")


# compressed or encrypted bytes: no NUL, not UTF-8, half of them outside ASCII
NOISE = b"".join(hashlib.sha256(str(n).encode()).digest() for n in range(300)).replace(b"\x00", b"")


@pytest.mark.parametrize("name,data,level,words", [
    ("empty.txt", b"", "error", "no text"),
    ("blank.txt", b"  \n\t\n", "error", "no text"),
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "error", "binary"),
    ("noise.txt", NOISE, "error", "binary file or an unknown encoding"),  # no NUL byte: was a page of mojibake
    ("greek.txt", "Η γέφυρα έκλεισε\n\nΟι μηχανικοί βρήκαν ρωγμές.\n".encode("cp1253"), "error",
     "save the article as UTF-8"),  # another encoding than UTF-8 or Windows-1252: mojibake before
    ("latin.txt", "Caf\u00e9 owners protest\n\nPrices rose.\n".encode("cp1252"), "warning", "Windows-1252"),
    ("bad.md", b"---\ntitle: [unclosed\n---\nTitle\n\nBody.\n", "warning", "malformed front matter"),
    ("odd.md", b"---\n- a list\n---\nTitle\n\nBody.\n", "warning", "not a mapping"),
], ids=lambda v: v if isinstance(v, str) and v.endswith((".txt", ".md")) else "")
def test_bad_files_get_one_clear_message_and_the_rest_builds(tmp_path, name, data, level, words):
    write(tmp_path, "good.txt", "Good title\n\nGood body.\n")
    write(tmp_path, name, data)
    articles, problems = sources.read_seeds(tmp_path, label="seeds")
    assert "good" in [a.id for a in articles]
    mine = [p for p in problems if p.file == f"seeds/{name}"]
    assert len(mine) == 1 and mine[0].level == level and words in mine[0].message, problems


def test_bom_is_read_and_not_part_of_the_title(tmp_path):
    write(tmp_path, "bom.txt", "\ufeffTitle with BOM\n\nBody.\n".encode("utf-8"))
    (article,), problems = sources.read_seeds(tmp_path)
    assert article.title == "Title with BOM" and problems == []
    assert article.raw.startswith("\ufeff")  # offsets are into the text as decoded


def test_missing_seeds_folder(tmp_path):
    articles, problems = sources.read_seeds(tmp_path / "nope", label="nope")
    assert articles == [] and problems[0].level == "error" and "not found" in problems[0].message


def test_no_title_line_gives_a_guessed_title_and_no_warning(tmp_path):
    write(tmp_path, "x.txt", "This article has no title line and starts straight away with a long sentence that "
                             "goes on. It has more.\n")
    (article,), problems = sources.read_seeds(tmp_path)
    assert article.title == "This article has no title line and starts straight away with a long sentence that goes on"
    assert article.guessed == ("title",) and problems == []


def test_oversized_article_is_skipped_with_the_limit_named(tmp_path):
    write(tmp_path, "good.txt", "Good title\n\nGood body.\n")
    write(tmp_path, "huge.txt", "Huge\n\n" + "Word " * 2_100_000)
    articles, problems = sources.read_seeds(tmp_path, label="seeds")
    assert [a.id for a in articles] == ["good"]
    assert problems[0].file == "seeds/huge.txt" and "max_article_bytes" in problems[0].message


def test_one_long_line_is_split_into_bounded_paragraphs():
    raw = "Title\n\n" + "A sentence about ports. " * 5000
    segments, _ = sources.split_segments(raw)
    assert len(segments) > 5 and all(len(s.text) <= sources.MAX_SEGMENT for s in segments)
    assert "".join(s.text for s in segments[1:]).replace(" ", "") == raw[7:].replace(" ", "")
    for s in segments:
        assert raw[s.start:s.end] == s.text


def test_caption_credit_lines_are_residue():
    assert residue.is_residue("Photo: Jane Doe/AP")
    assert residue.is_residue("Image credit: Reuters")
    assert not residue.is_residue("Photographs of the flooded port were shared widely on Monday.")


def test_front_matter_title_not_repeated_in_the_body(tmp_path):
    write(tmp_path, "c.md", "---\ntitle: Floods hit Porto\n---\nHeavy rain flooded Porto on\nSaturday, officials said.\n\n"
                            "More rain is due.\n")
    (article,), _ = sources.read_seeds(tmp_path)
    assert article.title == "Floods hit Porto"
    assert [(s.kind, s.text) for s in article.segments] == [
        ("paragraph", "Heavy rain flooded Porto on\nSaturday, officials said."), ("paragraph", "More rain is due.")]
