"""The article as the user gives it: read from a file or pasted, and checked."""

from __future__ import annotations

import re
from pathlib import Path

MIN_WORDS = 25
READABLE_SUFFIXES = (".txt", ".md", ".markdown", ".text")


class ArticleError(Exception):
    """The input cannot be summarized; the message says why, for the user."""


def word_count(text: str) -> int:
    return len(re.findall(r"\w+(?:['’-]\w+)*", text))


def check(text: str) -> str:
    """The text to summarize, or ArticleError when there is too little of it."""
    text = text.strip()
    if not text:
        raise ArticleError("There is no article to summarize: paste one or open a file.")
    words = word_count(text)
    if words < MIN_WORDS:
        raise ArticleError(f"The text has {words} words; an article needs at least {MIN_WORDS}.")
    return text


def read(path: Path) -> str:
    path = Path(path)
    if path.suffix.lower() not in READABLE_SUFFIXES:
        raise ArticleError(f"{path.name}: only plain text and Markdown files can be opened.")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ArticleError(f"{path.name} cannot be read: {exc.strerror or exc}.") from exc
    if b"\0" in data[:4096]:
        raise ArticleError(f"{path.name} is not a text file.")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")
