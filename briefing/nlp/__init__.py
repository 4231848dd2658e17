"""Stage 2, parsing: `Article`s -> `ParsedArticle`s, plain data (tokens, sentences, entity spans).

The only package that imports spaCy (`parser`): loading a pipeline by name, running it over the
paragraphs, turning each `Doc` into frozen dataclasses. Nothing after this stage sees a `Doc`.
Parses are kept between builds by the store (store/parses.py), so a warm build never loads the model.
"""
