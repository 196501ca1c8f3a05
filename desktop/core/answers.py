"""Answers already written: the same text, model and settings give the same answer (greedy
decoding), so a second summary of it is read from disk instead of computed again."""

from __future__ import annotations

import hashlib
import json
import os
from functools import cache
from pathlib import Path

import platformdirs

KEEP = 200  # answers kept; the oldest go first


# What shapes an answer besides the text, the model and the settings: the core's code and data.
# Any change to them (an upgrade) makes earlier answers stale.
@cache
def _code() -> str:
    core = Path(__file__).parent
    files = sorted(p for p in core.rglob("*") if p.suffix in (".py", ".toml"))
    return hashlib.sha256(b"".join(p.read_bytes() for p in files)).hexdigest()


def cache_dir() -> Path:
    return Path(platformdirs.user_cache_dir("neutral-brief")) / "answers"


def key(article: str, model_sha256: str, language: str | None, options: dict) -> str:
    settings = json.dumps([_code(), model_sha256, language, sorted(options.items())])
    return hashlib.sha256(f"{settings}\n{article}".encode("utf-8")).hexdigest()


def load(name: str) -> dict | None:
    """The stored answer, or None (also when the file is unreadable: it is written anew)."""
    path = cache_dir() / f"{name}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def store(name: str, answer: dict) -> None:
    """Keep an answer, atomically and readable by the user only (it summarizes what may be
    private text); a full disk or a read-only cache only costs the speed-up."""
    folder = cache_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        tmp = folder / f".{name}.{os.getpid()}.tmp"
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(answer, f)
        os.replace(tmp, folder / f"{name}.json")
        stored = sorted(folder.glob("*.json"), key=lambda p: p.stat().st_mtime)
        for old in stored[:-KEEP]:
            old.unlink(missing_ok=True)
    except OSError:
        pass
