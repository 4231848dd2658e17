"""knowledge.py's tables kept in the build's cache folder: the same tables back, a damaged copy rebuilt."""
from briefing.words import knowledge

TABLES = ("_countries", "_demonyms", "_demonym_words", "_states", "_cities")


def fresh(name):
    return getattr(knowledge, name).__wrapped__()  # built from the packages' data, no cache


def test_kept_tables_read_back_equal_and_a_damaged_one_is_rebuilt(tmp_path):
    built = {name: fresh(name) for name in TABLES}
    try:
        knowledge.keep_tables_in(tmp_path)
        for name in TABLES:
            getattr(knowledge, name).cache_clear()
            assert getattr(knowledge, name)() == built[name]  # built, then written
        files = sorted(tmp_path.glob("*.bin"))
        assert len(files) == len(TABLES)
        for name in TABLES:
            getattr(knowledge, name).cache_clear()
            assert getattr(knowledge, name)() == built[name]  # read back
        cities = next(f for f in files if f.name.startswith("cities-"))
        cities.write_bytes(b"\x00not a table")
        knowledge._cities.cache_clear()
        assert knowledge._cities() == built["_cities"]
        assert knowledge.place("Wis.") == "state:Wisconsin" and knowledge.is_place("Austin")
    finally:
        knowledge.keep_tables_in(None)
        for name in TABLES:
            getattr(knowledge, name).cache_clear()
