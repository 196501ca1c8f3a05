"""The app's log: a rotating file in the user's log folder, for what a user reports when a
model crashes or a summary fails (the window and the CLI say where it is)."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

import platformdirs

from desktop import __version__

MAX_BYTES = 1_000_000
BACKUPS = 3  # neutral-brief.log.1 … .3: a few days of daily use


def folder() -> Path:
    return Path(platformdirs.user_log_dir("neutral-brief"))


def path() -> Path:
    return folder() / "neutral-brief.log"


def setup(level: int = logging.INFO) -> Path | None:
    """Log to the file from now on (once per process); None when the folder cannot be
    written, and then nothing is logged rather than anything failing."""
    root = logging.getLogger("desktop")
    if any(isinstance(h, logging.handlers.RotatingFileHandler) for h in root.handlers):
        return path()
    try:
        folder().mkdir(parents=True, exist_ok=True, mode=0o700)
        handler = logging.handlers.RotatingFileHandler(path(), maxBytes=MAX_BYTES, backupCount=BACKUPS,
                                                       encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(level)
    root.info("Neutral Brief %s started", __version__)
    return path()
