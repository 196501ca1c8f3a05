"""Answers already written: the same text, model and settings give the same answer (greedy
decoding), so a second summary of it is read from the history file instead of computed."""

from __future__ import annotations

import hashlib
import json
from functools import cache
from pathlib import Path

from desktop.core.history import History, default_path


# What shapes an answer besides the text, the model and the settings: the core's code and data.
# Any change to them (an upgrade) makes earlier answers stale.
@cache
def _code() -> str:
    core = Path(__file__).parent
    files = sorted(p for p in core.rglob("*") if p.suffix in (".py", ".toml"))
    return hashlib.sha256(b"".join(p.read_bytes() for p in files)).hexdigest()


def key(article: str, model_sha256: str, language: str | None, options: dict) -> str:
    settings = json.dumps([_code(), model_sha256, language, sorted(options.items())])
    return hashlib.sha256(f"{settings}\n{article}".encode("utf-8")).hexdigest()


@cache
def _history(path: Path) -> History:
    """One History per file, so that its tables are made once per process, not per answer."""
    return History(path)


def load(name: str) -> dict | None:
    """The stored answer, or None (also when it is unreadable: it is written anew)."""
    return _history(default_path()).answer(name)


def store(name: str, answer: dict) -> None:
    _history(default_path()).keep_answer(name, answer)
