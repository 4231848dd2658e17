"""Two people of one surname in one article (a relative, a namesake): each bare surname or
"Mr X" goes to the person its sentence or paragraph names; never the two merged. Hand-built Docs
(the model is not the point): invented sport and court stories."""
from briefing.entities import repair, resolve, review
from briefing.model import Article, Briefing, ParsedArticle, Segment
from briefing.reading.overrides import Rules
from briefing.nlp.parser import doc_to_parsed

from conftest import make_doc


def paragraph(vocab, sentences, offset):
    """A Doc of sentences, each [(text, label or None)]; every piece's words share the label."""
    words, ents, heads = [], [], []
    for sentence in sentences:
        root = len(words)  # each sentence one tree: its words hang from its first
        for text, label in sentence:
            for n, w in enumerate(text.split()):
                words.append(w)
                ents.append("O" if label is None else ("B-" if n == 0 else "I-") + label)
                heads.append(root)
    doc = make_doc(vocab, words, ents=ents, tags=["NNP" if w[:1].isupper() else "NN" for w in words], heads=heads,
                   deps=["ROOT" if h == i else "dep" for i, h in enumerate(heads)])
    return doc_to_parsed(doc, offset), doc.text


def article(vocab, aid, paragraphs):
    parsed, segments, raw = [], [], ""
    for sentences in paragraphs:
        p, text = paragraph(vocab, sentences, len(raw))
        parsed.append(p)
        segments.append(Segment("paragraph", len(raw), len(raw) + len(text), text))
        raw += text + "\n\n"
    return ParsedArticle(Article(aid, f"seeds/{aid}.txt", raw, aid, tuple(segments)), tuple(parsed))


def people(*articles):
    ents, _ = resolve.resolve(list(articles), repair.mentions(list(articles)))
    return {e.name: sorted(m.start for m in e.mentions if m.text in ("Calder", "Mr Calder")) for e in ents
            if e.label == "PERSON"}, ents


def starts(pa, word="Calder"):
    """Offsets of the bare surname in the article, in order."""
    out, i = [], pa.article.raw.find(word)
    while i >= 0:
        if not pa.article.raw[i - 3:i].startswith("Mr") and pa.article.raw[i - 5:i] not in ("Ruth ", "Owen "):
            out.append(i)
        i = pa.article.raw.find(word, i + 1)
    return out


RUTH = ("Ruth Calder", "PERSON")
OWEN = ("Owen Calder", "PERSON")
CALDER = ("Calder", "PERSON")


def test_each_bare_surname_goes_to_the_person_its_sentence_or_paragraph_names(vocab):
    pa = article(vocab, "a", [
        [[("Judge", None), RUTH, ("opened the hearing .", None)], [CALDER, ("spoke first .", None)]],
        [[("Her son", None), OWEN, ("scored twice on Sunday .", None)], [CALDER, ("said the pitch was heavy .", None)]],
        [[("The club thanked", None), RUTH, ("and", None), CALDER, ("praised the fans .", None)]],
    ])
    found, _ = people(pa)
    first, second, third = starts(pa)
    assert found == {"Ruth Calder": [first, third], "Owen Calder": [second]}


def test_a_surname_before_the_relative_is_introduced_is_the_person_already_named(vocab):
    pa = article(vocab, "a", [
        [[OWEN, ("signed for the club .", None)]],
        [[CALDER, ("'s mother ,", None), RUTH, (", watched .", None)]],
    ])
    found, _ = people(pa)
    assert found["Owen Calder"] == starts(pa) and found["Ruth Calder"] == []


def test_a_surname_no_sentence_or_paragraph_settles_goes_to_the_last_named_and_review_lists_it(vocab):
    pa = article(vocab, "a", [
        [[RUTH, ("and", None), OWEN, ("arrived together .", None)], [("Mr Calder", "PERSON"), ("waved .", None)]],
        [[OWEN, ("scored .", None)]],
    ])
    found, ents = people(pa)
    assert {k: len(v) for k, v in found.items()} == {"Ruth Calder": 0, "Owen Calder": 1}  # never both
    doubts = [s for s in review.suggestions(Briefing("t", (pa.article,), tuple(ents), ())) if s.kind == "surname"]
    assert [(s.forms, s.line) for s in doubts] == [(("Mr Calder", "Owen Calder"), "split: [Mr Calder]")]
    settled, _ = resolve.resolve([pa], repair.mentions([pa]), Rules(split=("Mr Calder",)))
    assert not [s for s in review.suggestions(Briefing("t", (pa.article,), tuple(settled), ())) if s.kind == "surname"]


def test_review_is_silent_where_the_sentence_or_paragraph_settles_it(vocab):
    pa = article(vocab, "a", [
        [[("Judge", None), RUTH, ("opened the hearing .", None)], [CALDER, ("spoke first .", None)]],
        [[("Her son", None), OWEN, ("scored twice .", None)], [CALDER, ("said the pitch was heavy .", None)]],
    ])
    _, ents = people(pa)
    assert not [s for s in review.suggestions(Briefing("t", (pa.article,), tuple(ents), ())) if s.kind == "surname"]


def test_one_person_of_that_surname_in_the_article_takes_every_bare_surname(vocab):
    pa = article(vocab, "a", [[[OWEN, ("scored .", None)]], [[CALDER, ("said it was easy .", None)]]])
    pb = article(vocab, "b", [[[RUTH, ("ruled on Friday .", None)]], [[CALDER, ("adjourned .", None)]]])
    found, _ = people(pa, pb)
    assert found == {"Owen Calder": starts(pa), "Ruth Calder": starts(pb)}
