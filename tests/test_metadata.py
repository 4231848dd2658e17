"""One article's metadata, checked the same wherever it comes from (metadata.py)."""
import datetime as dt

import pytest

from briefing.reading import metadata


def test_valid_metadata_is_kept_as_clean_text():
    values, problems = metadata.check({"title": "  Ports\tclose \u202e", "source": "Coast Herald", "date": "2024-02-29",
                                       "url": "https://example.org/a", "author": "Ana Lima", "extra": None}, "a.md")
    assert values == {"title": "Ports close", "source": "Coast Herald", "date": "2024-02-29",
                      "url": "https://example.org/a", "author": "Ana Lima"}
    assert [p.message for p in problems] == ["unknown metadata key `extra`: known keys are title, source, date, url, "
                                             "author"]


def test_a_yaml_date_from_mkdocs_yml_is_its_iso_text():
    values, problems = metadata.check({"date": dt.date(2015, 9, 18)}, "mkdocs.yml")
    assert values == {"date": "2015-09-18"} and problems == []


@pytest.mark.parametrize("key,value,words", [
    ("date", "2015-02-30", "not a date"),
    ("date", "18/09/2015", "YYYY-MM-DD"),
    ("date", dt.datetime(2015, 9, 18, 10, 0), "must be text"),
    ("title", 1984, "YAML number"),
    ("source", 1e3, "YAML number"),
    ("author", True, "true/false"),
    ("title", ["a", "b"], "must be text, got a list"),
    ("url", "javascript:alert(1)", "http:// or https://"),
    ("url", "example.org", "http:// or https://"),
    ("title", "word " * 200, "longer than 300"),
    ("source", "x" * 100_000, "longer than 200"),
])
def test_a_bad_value_is_one_error_naming_the_key_and_is_dropped(key, value, words):
    values, problems = metadata.check({key: value, "source" if key != "source" else "title": "Kept"}, "seeds/a.md")
    assert key not in values and len(values) == 1
    (problem,) = problems
    assert problem.level == "error" and problem.file == "seeds/a.md" and f"`{key}`" in problem.message
    assert words in problem.message and "the article still builds" in problem.message
    assert len(str(problem)) < 300


@pytest.mark.parametrize("key,near", [("sorce", "source"), ("Title", "title"), ("dates", "date"), ("athor", "author")])
def test_an_unknown_key_names_the_nearest(key, near):
    _, (problem,) = metadata.check({key: "x"}, "seeds/a.md")
    assert f"did you mean `{near}`?" in problem.message


def test_not_a_mapping():
    values, (problem,) = metadata.check(["title", "x"], "mkdocs.yml", "`articles: a:` ")
    assert values == {} and problem.message.startswith("`articles: a:` metadata must be a mapping")
