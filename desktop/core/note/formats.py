"""The summary in the other forms it leaves the app in: plain text, HTML for rich-text
paste (a mail, a document), JSON for programs; and a file name made of its title."""

from __future__ import annotations

import html
import json
import re
import unicodedata
from collections.abc import Callable

from desktop.core.checks.review import Review
from desktop.core.note.markdown import NoteInfo, front_matter
from desktop.core.writing.form import Summary

FORMATS = ("md", "txt", "json")


def plain_text(summary: Summary) -> str:
    points = "".join(f"• {point}\n" for point in summary.key_points)
    return f"{summary.title}\n\n{summary.summary}\n\nKey points:\n{points}"


def rich_text(summary: Summary) -> str:
    """An HTML fragment that word processors and mail programs paste as formatted text."""
    points = "".join(f"<li>{html.escape(point)}</li>" for point in summary.key_points)
    return (f"<h2>{html.escape(summary.title)}</h2>\n<p>{html.escape(summary.summary)}</p>\n"
            f"<p><b>Key points</b></p>\n<ul>{points}</ul>\n")


def as_json(summary: Summary, info: NoteInfo, review: Review | None, article: str = "") -> str:
    """The note's front matter with the summary, and each key point with the article's
    sentences that support it."""
    data = front_matter(summary, info, review)
    data["summary"] = summary.summary
    evidence = review.evidence if review is not None else []
    data["key_points"] = [
        {"text": point,
         "evidence": [" ".join(article[a:b].split()) for a, b in evidence[i].spans] if i < len(evidence) else []}
        for i, point in enumerate(summary.key_points)]
    if review is not None:
        data["flags"] = [{"part": f.part, "index": f.index, "text": f.text, "kind": f.kind, "reason": f.reason}
                         for f in review.flags]
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def file_name(title: str, suffix: str = ".md") -> str:
    """A file name made of the title: its words in lower case joined by hyphens, at most 60
    characters, readable in any file manager ("summary" when the title has no word)."""
    text = unicodedata.normalize("NFC", title).lower()
    slug = re.sub(r"[^\w]+", "-", text).strip("-")[:60].rstrip("-")
    return f"{slug or 'summary'}{suffix}"


def unused_name(name: str, taken: Callable[[str], bool]) -> str:
    """`name`, or "name-2.md", "name-3.md" … the first that is not `taken`."""
    stem, dot, suffix = name.rpartition(".")
    candidate, number = name, 1
    while taken(candidate):
        number += 1
        candidate = f"{stem}-{number}{dot}{suffix}" if dot else f"{name}-{number}"
    return candidate
