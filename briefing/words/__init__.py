"""What the tool knows about words and the world, read by several stages.

`knowledge`: countries, US states, cities, demonyms and first names from data packages (cached
as tables in the cache folder). Nothing here reads an article.
"""
