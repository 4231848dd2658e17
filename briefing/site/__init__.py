"""Stage 6, the site: many briefings in one site.

In: each briefing's `Summary` (cached with its result). Out: the `Site` (the briefings in order,
the entities shared across briefings, each with its id) and the links each briefing's pages show
(`summaries.links`); render.site turns it into pages.
"""
