"""briefing: annotated news briefings as a MkDocs site."""

__version__ = "0.1.0"
