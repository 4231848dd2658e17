"""Stage 2, parsing: `Article`s -> `ParsedArticle`s, plain data (tokens, sentences, entity spans).

The only package that imports spaCy (`parser`): loading a pipeline by name, running it over the
paragraphs, turning each `Doc` into plain data. Nothing after this stage sees a `Doc`. For much
text the parse runs in parser processes (`pool`) that also copy and cache each article, and the
build gets each briefing's articles as soon as they are parsed (`Parser.stream`).
Parses are kept between builds by the store (store/parses.py), so a warm build never loads the model.
"""
