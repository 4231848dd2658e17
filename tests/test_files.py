"""The one bounded file reader (reading/files.py): one policy for every file the tool reads."""
import os
from pathlib import Path

import pytest

from briefing.reading import files, overrides


def test_a_regular_file_is_read_up_to_the_limit(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"12345")
    assert files.read(tmp_path / "a.txt", 5) == files.Read(b"12345")
    too_big = files.read(tmp_path / "a.txt", 4)
    assert too_big.data is None and too_big.refused == files.LARGE and too_big.size == 5


def test_links_pipes_folders_and_missing_files_are_refused(tmp_path):
    (tmp_path / "real.txt").write_text("secret")
    (tmp_path / "link.txt").symlink_to(tmp_path / "real.txt")
    os.mkfifo(tmp_path / "pipe.txt")  # never waited on
    assert files.read(tmp_path / "link.txt", 100).refused == files.LINK
    assert files.read(tmp_path / "pipe.txt", 100).refused == files.SPECIAL
    assert files.read(tmp_path, 100).refused == files.SPECIAL
    assert files.read(tmp_path / "none.txt", 100).refused == files.UNREADABLE
    assert files.key_part(tmp_path / "link.txt", 100) == b"link:" + os.fsencode(tmp_path / "real.txt")
    assert files.key_part(tmp_path / "none.txt", 100) == b""


def test_the_limit_holds_when_the_size_lies():
    maps = Path("/proc/self/maps")
    if not maps.exists():
        pytest.skip("no /proc on this system")
    got = files.read(maps, 64)
    assert got.data is None and got.refused == files.LARGE and got.size is None


def test_the_sites_overrides_file_is_not_read_through_a_symbolic_link(tmp_path):
    """As a briefing folder's overrides.yml, articles and briefing.yml: the same policy everywhere."""
    (tmp_path / "elsewhere.yml").write_text("ignore: [Reuters]\n")
    (tmp_path / "overrides.yml").symlink_to(tmp_path / "elsewhere.yml")
    rules, problems = overrides.load(tmp_path / "overrides.yml", "overrides.yml")
    assert rules == overrides.Rules()
    assert [str(p) for p in problems] == ["overrides.yml: overrides not applied: a symbolic link; keep the file "
                                          "itself in its place"]
    rules, problems = overrides.load(tmp_path / "elsewhere.yml", "elsewhere.yml")
    assert problems == [] and rules.ignore
