"""Neutral Brief: neutral summaries of news articles with a local language model."""

from importlib import metadata

APP_NAME = "Neutral Brief"

try:
    __version__ = metadata.version("neutral-brief")
except metadata.PackageNotFoundError:  # run from a checkout that was never installed
    __version__ = "0+unknown"
