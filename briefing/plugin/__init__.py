"""The MkDocs adapter: the only package that imports MkDocs.

`plugin.BriefingPlugin` routes MkDocs' events to the build. `BriefingPlugin` is resolved here on
first use: the entry point in pyproject.toml names `briefing.plugin:BriefingPlugin`, and importing
this package (e.g. for reading settings) does not import the plugin.
"""


def __getattr__(name: str):
    if name == "BriefingPlugin":
        from .plugin import BriefingPlugin
        return BriefingPlugin
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
