"""What is kept between builds, and the one writer of output.

`parses`: the parse cache (each article's parse). `results`: the cache of briefing results (keys,
a checked codec, entries). `cachefiles`: the size bound over the cache folder. `output`: the only
writer into docs/ (a manifest, atomic writes, a lock). In: what the build hands over. Out: files
on disk, and what they held.
"""
