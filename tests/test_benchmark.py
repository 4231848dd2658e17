"""A smoke run of the benchmark's corpus generator (the benchmark itself runs outside the suite)."""
import importlib.util

from conftest import ROOT


def load():
    spec = importlib.util.spec_from_file_location("bench", ROOT / "benchmarks/run.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_corpus_is_deterministic_and_varied(tmp_path):
    bench = load()
    words = bench.make_corpus(6, tmp_path / "a")
    bench.make_corpus(6, tmp_path / "b")
    files = sorted(p.name for p in (tmp_path / "a").iterdir())
    assert len(files) == 6 and words > 5000
    for name in files:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    texts = [(tmp_path / "a" / n).read_text() for n in files]
    assert len(set(texts)) == 6
    assert "Vladimir Putin" not in " ".join(texts)  # the cast is replaced


def test_goals_report_met_and_unmet():
    bench = load()
    row = {"n": 1000, "build": 100.0, "stages": {"nlp": 80.0, "render": 5.0}, "raw_pipe": 78.0, "incremental": 2.0,
           "rss": 900, "mkdocs_rss": 400, "n_process": 2, "page": 50_000}
    small = {**row, "n": 100, "build": 10.0, "page": 50_000}
    text = bench.goals([small, row])
    assert "NLP stage <= 1.10x raw nlp.pipe: 1.03x (met)" in text
    assert "later stages < 10% of the build: 5.00% (met)" in text
    assert "growth N=100->1000 <= 1.1x linear: 1.00x (met)" in text


def test_stress_articles_are_deterministic_and_at_their_sizes():
    bench = load()
    first, second = bench.stress_articles(), bench.stress_articles()
    assert first == second
    _, paragraphs = first["paragraphs"]
    _, line = first["line"]
    assert paragraphs.count("\n\n") == 10_000
    assert line.count("\n") == 1 and 1_900_000 < len(line.encode()) <= 2_000_000  # under max_article_bytes
    _, figure = first["figure"]
    assert figure.count("$47 million") == 9_781 and 170_000 < len(figure.encode()) < 180_000
