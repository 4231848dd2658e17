"""Input the tool did not write, tried as an attacker would (issue 10): symbolic links in the seeds
folder, YAML bombs, bad metadata values, colliding article ids, an edited NLP cache, file names
that try to forge log lines. Each must end in one clear message and a build that goes on."""
import marshal
import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefing.reading import overrides, safeyaml, seeds as sources
from briefing.config import settings_from
from briefing.model import Article, Diagnostic
from briefing.nlp.parser import Parser
from conftest import ROOT

GOOD = "Harbour reopens after storm\n\nThe harbour reopened on Tuesday after three days of repairs.\n"


def write(folder: Path, name: str, text: str | bytes) -> Path:
    path = folder / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


# -- 2. symbolic links and files that lie about their size -------------------------------------------
def test_a_symlink_in_seeds_is_never_read(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    secret = write(tmp_path, "secret.txt", "Private notes\n\nThe vault code is 4711.\n")
    write(seeds, "good.txt", GOOD)
    (seeds / "leak.txt").symlink_to(secret)
    (seeds / "env.txt").symlink_to("/proc/self/environ")
    (seeds / "inside.md").symlink_to(seeds / "good.txt")  # even one that stays inside is refused
    articles, problems = sources.read_seeds(seeds, label="seeds")
    assert [a.id for a in articles] == ["good"]
    assert all("4711" not in a.raw for a in articles)
    refused = {p.file: p for p in problems if p.level == "error"}
    assert set(refused) == {"seeds/leak.txt", "seeds/env.txt", "seeds/inside.md"}
    assert all("symbolic link" in p.message and "copy the file" in p.message for p in refused.values())


def test_read_stops_at_the_limit_even_when_the_size_lies():
    """/proc files report a size of 0: the limit applies to the bytes read, not to st_size."""
    maps = Path("/proc/self/maps")
    if not maps.exists():
        pytest.skip("no /proc on this system")
    assert maps.stat().st_size == 0
    data, problem = sources._read_bytes(maps, 64)
    assert data is None and "64-byte limit" in problem


def test_a_pipe_named_like_an_article_does_not_hang_the_build(tmp_path):
    write(tmp_path, "good.txt", GOOD)
    os.mkfifo(tmp_path / "pipe.txt")
    articles, problems = sources.read_seeds(tmp_path, label="seeds")
    assert [a.id for a in articles] == ["good"]
    assert [p.file for p in problems if p.level == "error"] == ["seeds/pipe.txt"]


def test_an_empty_seeds_folder_is_an_error(tmp_path):
    write(tmp_path, "notes.doc", "not an article")
    articles, problems = sources.read_seeds(tmp_path, label="seeds")
    assert articles == []
    assert [p.level for p in problems if "no articles" in p.message] == ["error"]


# -- 3. YAML bombs ------------------------------------------------------------------------------------
def alias_bomb(levels: int, width: int = 10, key: str = "title") -> str:
    """Nested aliases: `levels` of `width` copies each; expanded, width**levels values."""
    lines = [f"l0: &l0 [{', '.join(['ha'] * width)}]"]
    lines += [f"l{n}: &l{n} [{', '.join([f'*l{n - 1}'] * width)}]" for n in range(1, levels)]
    return "\n".join(lines) + f"\n{key}: *l{levels - 1}\n"


def test_front_matter_alias_bomb_is_refused_and_the_article_builds(tmp_path):
    write(tmp_path, "bomb.md", "---\n" + alias_bomb(4) + "---\n" + GOOD)
    (article,), problems = sources.read_seeds(tmp_path, label="seeds")
    assert article.title == "Harbour reopens after storm"  # the metadata is ignored, the text is read
    (problem,) = problems
    assert problem.file == "seeds/bomb.md" and "anchor" in problem.message and "line 2" in problem.message
    assert len(str(problem)) < 300


def test_front_matter_nested_thousands_deep_is_one_warning(tmp_path):
    write(tmp_path, "deep.md", "---\ntitle: " + "[" * 5000 + "]" * 5000 + "\n---\n" + GOOD)
    (article,), problems = sources.read_seeds(tmp_path, label="seeds")
    assert article.title == "Harbour reopens after storm"
    assert len(problems) == 1 and "nested more than" in problems[0].message


def test_overrides_bomb_prints_a_bounded_message(tmp_path):
    path = write(tmp_path, "overrides.yml", alias_bomb(4, key="version"))
    rules, problems = overrides.load(path, "overrides.yml")
    assert rules == overrides.Rules()
    assert len(problems) == 1 and problems[0].file == "overrides.yml" and len(str(problems[0])) < 300


def test_overrides_values_of_the_wrong_type_are_errors_not_crashes(tmp_path):
    path = write(tmp_path, "overrides.yml", "version: 1\nrename: {Acme: [a, b]}\nmerge: {a: b}\n"
                                           "ignore: [[x]]\nrelabel: {Acme: " + "x" * 10_000 + "}\n")
    rules, problems = overrides.load(path, "overrides.yml")
    assert rules.rename == {} and rules.merge == () and rules.ignore == ()
    assert {p.level for p in problems} == {"error"} and len(problems) == 4
    assert all(len(str(p)) < 300 for p in problems)


def test_yaml_tags_that_build_objects_are_refused():
    data, problem = safeyaml.load("a: !!python/object/apply:os.system [echo PWN]\n", "x.yml")
    assert data is None and problem.level == "error" and "x.yml" == problem.file


# -- 4. one bad metadata value: an error naming article and key; the article still builds -----------
@pytest.mark.parametrize("value", ["2015-02-30", "!!timestamp foo", '"18/09/2015"', "2015-9-18", "[2015, 9, 18]",
                                   "20150918"])
def test_a_bad_date_in_front_matter_is_an_error_and_the_article_builds(tmp_path, value):
    write(tmp_path, "a.md", f"---\nsource: Coast Herald\ndate: {value}\n---\n" + GOOD)
    (article,), problems = sources.read_seeds(tmp_path, label="seeds")
    assert article.date is None and article.source == "Coast Herald"
    (problem,) = problems
    assert problem.level == "error" and problem.file == "seeds/a.md" and "`date`" in problem.message
    assert "YYYY-MM-DD" in problem.message or "text" in problem.message


def test_a_misspelt_key_names_the_nearest_one(tmp_path):
    write(tmp_path, "a.md", "---\nsorce: Coast Herald\n---\n" + GOOD)
    (article,), problems = sources.read_seeds(tmp_path, label="seeds")
    assert article.source is None
    assert len(problems) == 1 and "`sorce`" in problems[0].message and "did you mean `source`" in problems[0].message


def test_articles_option_is_checked_like_front_matter():
    settings, problems = settings_from({"articles": {
        "a": {"source": "Wire", "date": "2015-02-30"},
        "b": {"sorce": "Wire", "date": "2015-09-18"},
        "c": "not a mapping"}}, "mkdocs.yml")
    assert settings.articles == {"a": {"source": "Wire"}, "b": {"date": "2015-09-18"}, "c": {}}
    messages = sorted(p.message for p in problems)
    assert len(messages) == 3 and all(p.level == "error" and p.file == "mkdocs.yml" for p in problems)
    assert messages[0].startswith("`articles: a:` `date`") and "did you mean `source`" in messages[1]


# -- 7. two files, one article id --------------------------------------------------------------------
def test_files_sharing_an_id_are_an_error_naming_both(tmp_path):
    write(tmp_path, "a.txt", "Alpha title\n\nAlpha text about Oslo.\n")
    write(tmp_path, "a.md", "Beta title\n\nBeta text about Lima.\n")
    write(tmp_path, "a.TXT", "Gamma title\n\nGamma text about Kyiv.\n")
    articles, problems = sources.read_seeds(tmp_path, label="seeds")
    assert [(a.id, a.file) for a in articles] == [("a", "seeds/a.TXT")]
    assert "Lima" not in articles[0].raw and "Oslo" not in articles[0].raw
    errors = sorted((p.file, p.message) for p in problems if p.level == "error")
    assert [f for f, _ in errors] == ["seeds/a.md", "seeds/a.txt"]
    assert all("seeds/a.TXT already gives the article id `a`" in m for _, m in errors)


# -- 9. the NLP cache is checked before it is used ------------------------------------------------------
@pytest.fixture
def cached(parser, tmp_path):
    """A parser sharing the session's model, with its own cache holding one parsed article."""
    p = Parser(cache_dir=tmp_path / "cache")
    p._nlp = parser.nlp
    raw = "Port closes\n\nMaria Lopez said the port of Vigo would close for two weeks.\n"
    segments, _ = sources.split_segments(raw)
    article = Article(id="a", file="seeds/a.txt", raw=raw, title="Port closes", segments=tuple(segments))
    first = p.parse([article])[0]
    entry = next((tmp_path / "cache").rglob("*.bin"))
    return p, article, first, entry


def edit(entry: Path, change) -> None:
    data = [[list(map(list, part)) for part in seg] for seg in marshal.loads(entry.read_bytes())]
    change(data)
    entry.write_bytes(marshal.dumps(tuple(tuple(tuple(map(tuple, part)) for part in seg) for seg in data)))


@pytest.mark.parametrize("change", [
    lambda d: d[1][0][3].__setitem__(1, "<img src=x onerror=PWN()>"),  # edited token text
    lambda d: d[1][0][3].__setitem__(2, "12"),  # an offset of the wrong type
    lambda d: d[1][0][3].__setitem__(1, 12),  # token text of the wrong type
    lambda d: d[1][0][3].__setitem__(2, 10**6),  # an offset outside the article
    lambda d: d[1][0][0].__setitem__(7, 999),  # a head outside the sentence
    lambda d: d[1][1][-1].__setitem__(1, 999),  # an entity past the last token
    lambda d: d[1][1][0].__setitem__(2, '<b onclick="PWN()">'),  # a label that is markup
    lambda d: d.pop(),  # a segment missing
], ids=["text", "type", "text-type", "offset", "head", "entity", "label", "segments"])
def test_an_edited_cache_entry_is_recomputed(cached, change):
    parser, article, first, entry = cached
    edit(entry, change)
    again = parser.parse([article])[0]
    assert again == first
    for seg, parsed in zip(article.segments, again.segments):
        assert "".join(t.text + t.ws for t in parsed.tokens) == seg.text


def test_a_cache_entry_of_the_wrong_shape_is_recomputed(cached):
    parser, article, first, entry = cached
    for data in ({"tokens": 1}, (("x",),), ((1, 2, 3),), "text", None):
        entry.write_bytes(marshal.dumps(data))
        assert parser.parse([article])[0] == first


# -- 10. file names cannot forge log lines -----------------------------------------------------------
def test_messages_show_control_characters_escaped():
    p = Diagnostic("error", "seeds/a\n::error file=x::PWN\r\x1b[31m\u202e.txt", "skipped:\nsecond line")
    text = str(p)
    assert "\n" not in text and "\r" not in text and "\x1b" not in text and "\u202e" not in text
    assert text == "seeds/a\\x0a::error file=x::PWN\\x0d\\x1b[31m\\u202e.txt: skipped:\\x0asecond line"


def test_a_file_name_with_a_newline_stays_on_one_log_line(project):
    write(project / "seeds", "bad\n::error file=README.md::PWN.txt", b"\x00\x01binary")
    write(project / "seeds", "odd\udcff.txt", b"\x00\x01binary")  # not UTF-8 on disk: a lone surrogate
    res = subprocess.run([sys.executable, "-m", "briefing", "build"], cwd=project, capture_output=True, text=True,
                         timeout=300)
    assert res.returncode == 1
    lines = res.stderr.splitlines()
    assert not [line for line in lines if line.startswith("::")], res.stderr
    assert any("seeds/bad\\x0a::error file=README.md::PWN.txt: skipped: binary file" in line for line in lines)
    assert any("seeds/odd\\udcff.txt: skipped" in line for line in lines)


def test_an_empty_seeds_folder_fails_briefing_build(project):
    for seed in (project / "seeds").iterdir():
        seed.unlink()
    res = subprocess.run([sys.executable, "-m", "briefing", "build"], cwd=project, capture_output=True, text=True,
                         timeout=300)
    assert res.returncode == 1
    assert "ERROR    - seeds: no articles (*.txt, *.md) in the seeds folder" in res.stderr


def test_the_publish_workflow_restores_only_its_own_branchs_cache_of_the_same_code():
    """A broad restore key (`briefing-`) restored a cache saved by any run; the cache is input, so
    the published site reads back only what this branch's runs of this very code wrote."""
    import yaml

    workflow = yaml.safe_load((ROOT / ".github/workflows/publish.yml").read_text(encoding="utf-8"))
    build = workflow["jobs"]["build"]
    assert build["if"] == "github.ref == 'refs/heads/main'"
    cache = next(step["with"] for step in build["steps"] if step.get("uses", "").startswith("actions/cache"))
    prefix = "briefing-${{ runner.os }}-${{ github.ref_name }}-${{ hashFiles('briefing/**', 'pyproject.toml') }}-"
    assert cache["key"].startswith(prefix) and cache["restore-keys"].strip() == prefix
