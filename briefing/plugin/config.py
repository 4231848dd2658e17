"""The plugin's MkDocs config class: one MkDocs option per `Settings` field (the options are
declared once, in briefing/config.py), and the way back from a loaded config to `Settings`."""
from __future__ import annotations

from dataclasses import fields

from mkdocs.config import base
from mkdocs.config import config_options as c

from ..config import Settings, option_type


def _option(f):
    default = f.default_factory() if callable(f.default_factory) else f.default
    return c.Type(option_type(f.name), default=default)


BriefingConfig = type("BriefingConfig", (base.Config,), {f.name: _option(f) for f in fields(Settings)})


def settings_of(config: base.Config) -> Settings:
    """The Settings a loaded (checked, defaults filled) BriefingConfig holds."""
    return Settings(**{f.name: config[f.name] for f in fields(Settings)})


def instances(config) -> list:
    """The briefing plugins a loaded MkDocs config lists: those whose options are a BriefingConfig."""
    return [p for p in config.plugins.values() if isinstance(getattr(p, "config", None), BriefingConfig)]
