"""Every regular expression of the package runs in linear time on hostile article text.

A pattern with nested quantifiers over overlapping classes (`(?:[A-Z]\\w*\\s?)+/`) backtracks
over every split of a run of capitals when what follows is missing: one wire line of capitals
stopped every build. This test finds every pattern the package compiles (module-level pattern
objects, and string literals handed to `re.*` calls anywhere in the source) and times each on
long adversarial strings (CPU time, so a busy machine does not fail it), in a subprocess with a deadline, so a catastrophic pattern fails the
test instead of hanging the suite. Run as a script it prints one JSON line per pattern.
"""
from __future__ import annotations

import ast
import importlib
import json
import pkgutil
import re
import subprocess
import sys
import time
from pathlib import Path

N = 100_000  # characters: an article's worth of one hostile line
BOUND = 1.0  # CPU seconds for one search: linear patterns take a fifth of one at most, quadratic ones minutes
PIECES = ["A", "AB ", "Ab ", "a", "a ", " ", "\t ", ".", ". ", ".,;:!?", "(", "(A", "(A ", "(AB ", "1", "1,",
          "1.5 ", "$1 ", "'", '"', "”", "—", "-", "- ", "_", "/", "A/", "/A ", "@a", "A.", "A. ", "’s ",
          "AB-", "1 a ", "Mr. ", "a, ", "(1", "[", "[a", "A, A", "\"A ", "'A "]


def hostile_strings() -> list[str]:
    """One string per piece, repeated to N characters between an opening bracket and an ending no
    pattern expects: `search` tries every start, and each start's attempt fails only at the end."""
    return ["(" + (piece * (N // len(piece) + 1))[:N] + "x!" for piece in PIECES]


def _flags(node: ast.expr | None) -> int:
    """`re.I | re.X` as an int; anything else counts as no flags."""
    if node is None:
        return 0
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "re":
        return int(getattr(re, node.attr, 0))
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        return _flags(node.left) | _flags(node.right)
    return 0


def _literal_patterns(path: Path) -> list[tuple[str, str, int]]:
    """(where, pattern, flags) for each string literal given to `re.<function>(...)` in a file."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Name) and node.func.value.id == "re" and node.args):
            continue
        first = node.args[0]
        if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
            continue
        flag_arg = next((k.value for k in node.keywords if k.arg == "flags"), None)
        if flag_arg is None and node.func.attr in ("compile", "search", "match", "fullmatch", "findall",
                                                   "finditer", "split"):
            index = 1 if node.func.attr == "compile" else 2 if node.func.attr != "split" else 3
            flag_arg = node.args[index] if len(node.args) > index else None
        found.append((f"{path.name}:{node.lineno}", first.value, _flags(flag_arg)))
    return found


def _objects(value, seen: set[int]):
    """Pattern objects reachable from a module attribute (inside tuples, lists, dicts, sets)."""
    if id(value) in seen:
        return
    seen.add(id(value))
    if isinstance(value, re.Pattern):
        yield value
    elif isinstance(value, (tuple, list, set, frozenset)):
        for item in value:
            yield from _objects(item, seen)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _objects(item, seen)


def every_pattern() -> list[tuple[str, re.Pattern]]:
    import briefing

    root = Path(briefing.__file__).parent
    patterns: dict[tuple[str, int], tuple[str, re.Pattern]] = {}
    for info in pkgutil.walk_packages([str(root)], "briefing."):
        if info.name.endswith(("plugin", ".__main__")) or ".plugin." in info.name:
            continue  # the MkDocs adapter holds no pattern over article text
        module = importlib.import_module(info.name)
        seen: set[int] = set()
        for name, value in vars(module).items():
            for pattern in _objects(value, seen):
                patterns.setdefault((pattern.pattern, pattern.flags), (f"{info.name}.{name}", pattern))
    for path in sorted(root.rglob("*.py")):
        for where, text, flags in _literal_patterns(path):
            try:
                compiled = re.compile(text, flags)
            except re.error:
                continue
            patterns.setdefault((compiled.pattern, compiled.flags), (where, compiled))
    return sorted(patterns.values(), key=lambda item: item[0])


def main() -> None:
    strings = hostile_strings()
    as_bytes = [s.encode("utf-8") for s in strings]  # for patterns over raw file bytes
    for where, pattern in every_pattern():
        print(json.dumps({"start": where}), flush=True)
        worst = 0.0
        for text in as_bytes if isinstance(pattern.pattern, bytes) else strings:
            began = time.process_time()  # CPU time: other work on a shared machine does not count
            pattern.search(text)  # a bytes pattern reads a file's bytes: the same text, encoded
            worst = max(worst, time.process_time() - began)
        print(json.dumps({"pattern": where, "regex": str(pattern.pattern), "seconds": worst}), flush=True)


def test_the_audit_finds_the_patterns_it_must_check():
    """The collector sees module-level tables and literals inside functions (a collector that
    found nothing would pass every pattern)."""
    found = every_pattern()
    wheres = [w for w, _ in found]
    assert len(found) > 60
    assert any(".py:" in w for w in wheres)  # a literal in a function body
    assert any(w.startswith("briefing.") for w in wheres)  # a module-level table


def test_every_pattern_is_linear_on_hostile_text():
    proc = subprocess.Popen([sys.executable, __file__], stdout=subprocess.PIPE, text=True)
    try:
        out, _ = proc.communicate(timeout=240)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, _ = proc.communicate()
        started = [json.loads(line)["start"] for line in out.splitlines() if '"start"' in line]
        raise AssertionError(f"a pattern did not finish on hostile text: {started[-1] if started else '?'}")
    assert proc.returncode == 0
    results = [json.loads(line) for line in out.splitlines() if '"pattern"' in line]
    assert len(results) > 60
    slow = [(r["pattern"], r["regex"], round(r["seconds"], 2)) for r in results if r["seconds"] > BOUND]
    assert not slow, slow


if __name__ == "__main__":
    main()
