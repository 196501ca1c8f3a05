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
# What shapes an answer besides the text, the model and the settings: this code and its data.
# Any change to them (an upgrade) makes earlier answers stale.
_SHAPERS = ("prompts.py", "generate.py", "decoding.py", "llm.py", "neutralize.py", "voices.py",
            "neutrality.py", "faithfulness.py", "evidence.py", "text.py", "summary.py",
            "lexicon.toml", "worker.py")


@cache
def _code() -> str:
    here = Path(__file__).parent
    return hashlib.sha256(b"".join((here / name).read_bytes() for name in _SHAPERS)).hexdigest()


def cache_dir() -> Path:
    return Path(platformdirs.user_cache_dir("neutral-brief")) / "answers"


def key(article: str, model_sha256: str, language: str | None, options: dict) -> str:
    settings = json.dumps([_code(), model_sha256, language, sorted(options.items())])
    return hashlib.sha256(f"{settings}\n{article}".encode("utf-8")).hexdigest()


def load(name: str) -> dict | None:
    """The stored answer, or None (also when the file is unreadable: it is written anew)."""
    path = cache_dir() / f"{name}.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def store(name: str, answer: dict) -> None:
    """Keep an answer, atomically; a full disk or a read-only cache only costs the speed-up."""
    folder = cache_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmp = folder / f".{name}.{os.getpid()}.tmp"
        tmp.write_text(json.dumps(answer), encoding="utf-8")
        os.replace(tmp, folder / f"{name}.json")
        stored = sorted(folder.glob("*.json"), key=lambda p: p.stat().st_mtime)
        for old in stored[:-KEEP]:
            old.unlink(missing_ok=True)
    except OSError:
        pass
