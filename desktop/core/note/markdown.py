"""The Markdown note: YAML front matter, title, summary and key points; saved atomically."""

from __future__ import annotations

import os
import re
import tempfile
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import yaml

from desktop.core.checks.review import Review
from desktop.core.model.registry import ModelFile
from desktop.core.model.server import Server
from desktop.core.writing import prompts
from desktop.core.writing.form import Summary


@dataclass
class NoteInfo:
    model: ModelFile | Server | str  # a name alone for a note reopened from the history
    source_words: int
    genre: str = "news report"  # what kind of text the article is
    author: str = ""  # whose views an opinion piece holds
    length: str = "standard"  # how long a summary was asked for: short, standard, detailed
    parts: int = 1  # passes of the model that read the article
    coverage: float = 1.0  # share of the article's words the model read
    byline: str = ""  # as found in the pasted page, kept out of the model's text
    published: str = ""
    source_url: str = ""  # where the article was fetched from, when it was
    site: str = ""
    created: datetime | None = None


def front_matter(summary: Summary, info: NoteInfo, review: Review | None = None) -> dict:
    """What the note says about itself: its title, model, source, kind of text and checks."""
    created = info.created or datetime.now(timezone.utc).astimezone()
    front = {
        "title": summary.title,
        "created": created.isoformat(timespec="seconds"),
        **({"model": info.model.model, "backend": info.model.shown} if isinstance(info.model, Server)
           else {"model": info.model} if isinstance(info.model, str)
           else {"model": info.model.label, "model_sha256": info.model.sha256, "backend": "local"}),
        "prompt_version": prompts.PROMPT_VERSION,
        "genre": info.genre,
        "length": info.length,
        "source_words": info.source_words,
        "coverage": info.coverage,
        "parts": info.parts,
    }
    if info.author and info.genre != "news report":
        front["views_of"] = info.author
    for key in ("byline", "published", "source_url", "site"):
        if getattr(info, key):
            front[key] = getattr(info, key)
    if review is not None:
        front["checks"] = review.front_matter()
    return front


def render(summary: Summary, info: NoteInfo, review: Review | None = None, article: str = "") -> str:
    """The note. With the review (and the article it checked), the front matter gets `checks:`
    and each key point a footnote quoting its supporting sentences."""
    header = yaml.safe_dump(front_matter(summary, info, review), sort_keys=False, allow_unicode=True,
                            width=1000)
    return f"---\n{header}---\n\n" + checked_body(summary, review, article)


def checked_body(summary: Summary, review: Review | None, article: str) -> str:
    """The note without its front matter: with a review, each key point has a footnote
    quoting its evidence, or says that none was found."""
    if review is None:
        return body(summary.title, summary.summary, summary.key_points)
    points, notes = [], []
    for i, (point, evidence) in enumerate(zip(summary.key_points, review.evidence), 1):
        if evidence.supported:
            points.append(f"{point} [^{i}]")
            quoted = " … ".join(" ".join(article[a:b].split()) for a, b in evidence.spans)
            notes.append(f"[^{i}]: Article: “{quoted}”")
        else:
            points.append(f"{point} *(no supporting sentence found in the article)*")
    text = body(summary.title, summary.summary, points)
    return text + ("\n" + "\n".join(notes) + "\n" if notes else "")


def body(title: str, summary: str, points: list[str]) -> str:
    """The note without its front matter: what the window shows."""
    text = f"# {title}\n\n## Summary\n\n{summary}\n\n## Key points\n\n"
    return text + "".join(f"- {point}\n" for point in points)


def readable(note: str) -> str:
    """A saved note to read in the window: without its front matter, and without the
    footnotes that quote the evidence (Qt's Markdown has none; Open shows the evidence in
    the article)."""
    if note.startswith("---\n"):
        end = note.find("\n---\n", 4)
        if end >= 0:
            note = note[end + 5:].lstrip("\n")
    note = "\n".join(line for line in note.splitlines() if not line.startswith("[^"))
    return re.sub(r" \[\^\d+\]", "", note)


def preview(title: str, summary: str, points: list[str]) -> str:
    """The body for an answer still being written."""
    return body(title or "…", summary, points)


def write_atomic(path: Path, text: str) -> None:
    """Write the whole file or nothing: a temporary file beside it, then an atomic rename."""
    path = Path(path).resolve()  # a link to a note: write the note, keep the link
    try:
        mode = path.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.fchmod(fd, mode)  # mkstemp makes 0600; a note gets the permissions a file would
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
