"""The article being edited, kept on disk as the user types, so that a crash or a closed
window loses nothing: it comes back at the next start."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs


def path() -> Path:
    return Path(platformdirs.user_data_dir("neutral-brief")) / "draft.txt"


def save(text: str) -> None:
    """Keep the text (readable by the user only); an empty text removes the draft. A full
    disk only costs the draft."""
    target = path()
    try:
        if not text.strip():
            target.unlink(missing_ok=True)
            return
        target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        tmp = target.with_name(f".draft.{os.getpid()}.tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, target)
    except OSError:
        pass


def load() -> str:
    try:
        return path().read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ""
