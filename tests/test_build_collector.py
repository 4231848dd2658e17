"""build.gather runs with Python's cyclic collector looking at new objects far less often (a cold
build keeps millions of acyclic tuples alive: benchmarks/RESULTS.md, issue 25), and gives the
thresholds back as they were when it returns and when it raises."""
import gc
from pathlib import Path

import pytest

from briefing import build
from briefing.config import Settings


def test_gather_raises_the_collectors_thresholds_and_restores_them(monkeypatch):
    seen = []

    def inner(*args):
        seen.append(gc.get_threshold())
        if len(seen) == 2:
            raise RuntimeError("a stage failed")
        return "built"

    monkeypatch.setattr(build, "_gather", inner)
    before = gc.get_threshold()
    try:
        gc.set_threshold(700, 10, 10)
        assert build.gather(Settings(), Path(".")) == "built"
        assert gc.get_threshold() == (700, 10, 10)
        with pytest.raises(RuntimeError):
            build.gather(Settings(), Path("."))
        assert gc.get_threshold() == (700, 10, 10)
    finally:
        gc.set_threshold(*before)
    assert seen[0][0] >= 50_000 and seen[1] == seen[0]
