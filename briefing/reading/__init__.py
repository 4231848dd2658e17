"""Stage 1, reading: the seeds folder and the editor's files -> `Article`s and rules.

In: the seeds folder (article files, `_briefing.yml`, per-article metadata), the site's and a
briefing's overrides file. Out: for each briefing, its `Article`s (title, paragraphs, residue lines
set aside with their offsets, dateline, publication date) and the override `Rules`; problems as
`Diagnostic`s. No NLP here: only text.

Modules: `layout` (which folders are briefings, what each holds), `seeds` (one article file ->
`Article`), `safeyaml` (bounded YAML), `metadata` (front matter keys), `titles`, `datelines`,
`residue` (lines that are not the story), `pubdate` (publication date), `overrides` (the rules).
"""
