"""The cache of briefing results: plain data in and out, checked on load, keyed by every input."""
import dataclasses
import marshal

import pytest

from briefing.store import results
from briefing.build import Entry
from briefing.model import Article, Briefing, Claim, Description, Diagnostic, Entity, Fact, Mention, Segment
from briefing.site.summaries import EntityRef, Summary

RAW = "Ferry fares rise\n\nBluewake Lines said fares rise by 12 percent, “a fair price”.\n"


def briefing() -> Briefing:
    seg = (Segment("title", 0, 16, RAW[:16]), Segment("paragraph", 18, len(RAW) - 1, RAW[18:-1]))
    article = Article("one", "seeds/ferry/one.txt", RAW, "Ferry fares rise", seg, source="Island Gazette",
                      date="2031-02-20", removed=(Segment("paragraph", 0, 0, ""),))
    mention = Mention("one", 1, 0, 2, 18, 32, "Bluewake Lines", "ORG", (18, len(RAW) - 1))
    entity = Entity("bluewake-lines", "Bluewake Lines", "ORG", ("Bluewake Lines",), (mention,),
                    (Description("ferry operator", "", ""),))
    claim = Claim("one", 1, 49, 59, "12 percent", "12%", RAW[18:-1], 18)
    fact = Fact("number-one-49", "number", "single", "fares", (claim,), note="", diff=(("=", "a fair price"),))
    return Briefing("Ferry fares", (article,), (entity,), (fact,))


def test_a_briefing_and_its_entry_come_back_equal(tmp_path):
    store = results.Store(tmp_path)
    b = briefing()
    entry = Entry(Summary("ferry", "ferry", "Ferry fares", None, ("Island Gazette",), 1, 1, 0,
                          (EntityRef("bluewake-lines", "Bluewake Lines", "ORG", None, "glossary.md", 1, 1),)),
                  (Diagnostic("warning", "seeds/ferry/one.txt", "a problem"),))
    store.store(Briefing, "k1", "briefing", b)
    store.store(Entry, "k1", "entry", entry)
    store.store(dict[str, str], "k2", "pages", {"index.md": "# Ferry\n"})
    assert store.load(Briefing, "k1", "briefing") == b
    assert store.load(Entry, "k1", "entry") == entry
    assert store.load(dict[str, str], "k2", "pages") == {"index.md": "# Ferry\n"}
    assert store.load(Briefing, "k3", "briefing") is None


@pytest.mark.parametrize("damage", [
    lambda data: data[: len(data) // 2],  # cut short
    lambda data: b"\x00not marshal data",
    lambda data: marshal.dumps(("k1", ("wrong", "shape"))),
    lambda data: marshal.dumps(("another key", marshal.loads(data)[1])),  # someone else's entry
    lambda data: data.replace(b"single", b"sangle"),  # a value the type does not allow
])
def test_a_damaged_entry_is_missing_not_wrong(tmp_path, damage):
    store = results.Store(tmp_path)
    store.store(Briefing, "k1", "briefing", briefing())
    path = next((tmp_path / "results").rglob("k1.briefing"))
    path.write_bytes(damage(path.read_bytes()))
    assert store.load(Briefing, "k1", "briefing") is None


def test_keys_change_with_every_part():
    base = ["model", "3.8.0", b"article bytes", "metadata"]
    k = results.key(base)
    assert results.key(list(base)) == k
    for n in range(len(base)):
        changed = list(base)
        changed[n] = changed[n] + (b"x" if isinstance(changed[n], bytes) else "x")
        assert results.key(changed) != k
    assert results.key(["ab", "c"]) != results.key(["a", "bc"])  # parts are delimited


def test_a_new_field_in_the_model_changes_its_shape():
    """The build puts the shape of every cached dataclass into each key: a cache written before a
    field was added is never read as the new shape."""
    grown = dataclasses.make_dataclass("Fact", [(f.name, f.type, f) for f in dataclasses.fields(Fact)]
                                       + [("source_count", int, dataclasses.field(default=0))], frozen=True)
    grown.__module__ = Fact.__module__
    assert results.shape(Fact) != results.shape(grown)
    assert "claims:tuple[briefing.model.Claim, ...]" in results.shape(Fact)


# -- a cached result is input: used only when it is the briefing of its own files (store/checks.py) ------

def own_briefing() -> Briefing:
    """A briefing whose every offset is right, as the pipeline makes them."""
    b = briefing()
    start = RAW.index("12 percent")
    claim = dataclasses.replace(b.facts[0].claims[0], start=start, end=start + 10, sentence_end=len(RAW) - 1)
    return dataclasses.replace(b, facts=(dataclasses.replace(b.facts[0], id="number-fares-12-percent",
                                                             claims=(claim,)),))


def _entity(b, **change):
    return dataclasses.replace(b, entities=(dataclasses.replace(b.entities[0], **change),))


def _claim(b, **change):
    f = b.facts[0]
    return dataclasses.replace(b, facts=(dataclasses.replace(f, claims=(dataclasses.replace(f.claims[0], **change),)),))


POISONED = {
    "article text": lambda b: dataclasses.replace(b, articles=(dataclasses.replace(b.articles[0], raw=RAW.replace(
        "rise by", "fall by")),)),
    "another file": lambda b: dataclasses.replace(b, articles=(dataclasses.replace(b.articles[0],
                                                                                   file="seeds/other/one.txt"),)),
    "label": lambda b: _entity(b, label="<img src=x onerror=alert(1)>"),
    "entity id": lambda b: _entity(b, id='bluewake-lines"><img src=x onerror=alert(1)>'),
    "mention text": lambda b: _entity(b, mentions=(dataclasses.replace(b.entities[0].mentions[0],
                                                                       text="<b>Bluewake</b>"),)),
    "fact id": lambda b: dataclasses.replace(b, facts=(dataclasses.replace(b.facts[0], id="x\"><script>"),)),
    "diff op": lambda b: dataclasses.replace(b, facts=(dataclasses.replace(b.facts[0], diff=(("<b>", "x"),)),)),
    "claim text": lambda b: _claim(b, text="<img src=x onerror=alert(1)>"),
    "claim offset": lambda b: _claim(b, sentence_start=10 ** 6),
}


@pytest.mark.parametrize("poison", POISONED.values(), ids=POISONED.keys())
def test_a_cached_briefing_is_used_only_when_it_is_its_own_files(poison):
    from briefing.store import checks

    files = {"one.txt": RAW.encode("utf-8"), "briefing.yml": b"title: Ferry fares\n"}
    assert checks.briefing(own_briefing(), files, "seeds/ferry") is None
    assert checks.briefing(poison(own_briefing()), files, "seeds/ferry") is not None


def test_a_cached_summary_is_used_only_for_its_own_folder():
    from briefing.store import checks

    ref = EntityRef("bluewake-lines", "Bluewake Lines", "ORG", None, "glossary.md", 1, 1)
    summary = Summary("ferry", "ferry", "Ferry fares", None, (), 1, 1, 0, (ref,))
    assert checks.summary(summary, "ferry", "ferry") is None
    assert checks.summary(summary, "harbour", "harbour") is not None  # another briefing's summary
    for bad in (dataclasses.replace(ref, page="javascript:alert(1)//glossary.md"),
                dataclasses.replace(ref, label="<b>"), dataclasses.replace(ref, id="a b")):
        assert checks.summary(dataclasses.replace(summary, entities=(bad,)), "ferry", "ferry") is not None
