"""The model's answer form, parsed into a structured summary."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from desktop.core import prompts


class MalformedOutput(Exception):
    """The model's answer lacks a part a summary needs; the raw text is kept for a look."""

    def __init__(self, message: str, raw: str):
        super().__init__(message)
        self.raw = raw


@dataclass
class Summary:
    title: str
    summary: str
    key_points: list[str]
    notes: list[str] = field(default_factory=list)  # what the parser had to mend


def _label_pattern(label: str) -> str:
    # Small models decorate labels: "**Summary:**", "## Key points", "KEY POINTS:".
    words = re.escape(label.rstrip(":")).replace(r"\ ", r"\s+")
    return rf"^[ \t#*_]*{words}[ \t*_]*:?[ \t*_]*"


_FIELDS = {
    "title": _label_pattern(prompts.TITLE_LABEL),
    "summary": _label_pattern(prompts.SUMMARY_LABEL),
    "points": _label_pattern(prompts.POINTS_LABEL),
}
_BULLET = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s*")


def split_fields(text: str) -> dict[str, str]:
    """The text under each label seen so far; works on a partial answer while it streams."""
    found: dict[str, str] = {}
    current = None
    for line in text.splitlines():
        for name, pattern in _FIELDS.items():
            match = re.match(pattern, line, flags=re.IGNORECASE)
            if match:
                current = name
                line = line[match.end():]
                break
        if current is not None:
            found[current] = (found.get(current, "") + "\n" + line).strip("\n")
    return found


def clean(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("**", "")).strip()


def points_of(text: str) -> list[str]:
    points: list[str] = []
    for line in text.splitlines():
        point = clean(_BULLET.sub("", line))
        if re.search(r"\w", point) and point not in points:  # "-:" is no point
            points.append(point)
    return points


def parse(raw: str) -> Summary:
    fields = split_fields(raw)
    notes: list[str] = []
    summary = clean(fields.get("summary", ""))
    if not summary:
        raise MalformedOutput("The model wrote no summary.", raw)
    points = points_of(fields.get("points", ""))
    if not points:
        raise MalformedOutput("The model wrote no key points.", raw)
    if len(points) > prompts.MAX_POINTS:
        notes.append(f"Kept the first {prompts.MAX_POINTS} of {len(points)} key points.")
        points = points[:prompts.MAX_POINTS]
    if len(points) < prompts.MIN_POINTS:
        notes.append(f"The model found only {len(points)} key point(s).")
    title = clean(fields.get("title", ""))
    if not title:
        title = summary.split(". ")[0][:80]
        notes.append("The model wrote no title; the summary's first words stand in.")
    return Summary(title=title, summary=summary, key_points=points, notes=notes)
