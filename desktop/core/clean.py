"""Page clutter out, article in: what a browser's copy brings along besides the article.

Rules work line by line (a pasted article is one paragraph a line). Every removed line is
reported with its reason, so the window can show it and undo the cleaning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

AD_MARKERS = {
    "ad", "ads", "ad-image", "advertisement", "advertising", "sponsored", "sponsored content",
    "promoted", "promoted content", "paid content", "anzeige", "publicidad", "publicité",
}
# Headings that open a block of teasers for other stories; what follows them is not the article.
TEASER_HEADINGS = {
    "opinion", "view all", "related", "related articles", "related stories", "read more",
    "more stories", "more from", "recommended", "recommended for you", "you may also like",
    "you might also like", "most popular", "most read", "trending", "trending now",
    "latest news", "more news", "top stories", "editor's picks", "from around the web",
    "comments", "join the conversation", "more on this story", "see also",
}
CLUTTER_WORDS = re.compile(
    r"\b(share (this|on)|share$|tweet|subscribe|sign up|newsletter|cookies?|privacy policy|"
    r"terms of (use|service)|follow us|click here|log ?in|sign in|create an account|"
    r"download (the|our) app|all rights reserved|copyright ©|©|watch:|listen to this article|"
    r"reading time|min read|skip to (main )?content|back to top|whatsapp|facebook|linkedin)\b",
    re.IGNORECASE,
)
CAPTION = re.compile(
    r"^(image|photo|picture|photograph|caption|credit|image credit|photo credit|video|file photo)"
    r"s?\s*[:|]|\b(getty images|afp via getty|reuters/|ap photo|shutterstock|imago)\b",
    re.IGNORECASE,
)
BYLINE = re.compile(r"^([Bb]y|[Vv]on|[Pp]or|[Pp]ar)\s+[A-Z][\w.'’-]+(\s+[A-Z][\w.'’-]+){0,3}(\s*(,|and|&|\|).*)?$")
DATELINE = re.compile(
    r"^(published|updated|posted|last updated|first published)\b.{0,60}$|"
    r"^\w{3,9},? \w{3,9} \d{1,2},? \d{4}(,? \d{1,2}:\d{2}\s*([ap]\.?m\.?)?)?(\s+\w{2,4})?$|"
    r"^\d{1,2}[./]\d{1,2}[./]\d{2,4}(\s+\d{1,2}:\d{2})?$|^\d{4}-\d{2}-\d{2}([T ][\d:.+Z-]+)?$",
    re.IGNORECASE,
)
SHORT_LINE_WORDS = 14  # clutter lines are short; an article sentence with "share" is not clutter
NEAR_DUPLICATE = 0.9


@dataclass
class Removed:
    line: str
    reason: str


@dataclass
class Cleaned:
    text: str
    original: str = ""  # the text as given, for undo
    removed: list[Removed] = field(default_factory=list)
    byline: str = ""
    published: str = ""

    @property
    def summary(self) -> str:
        """One line for the user: what was taken out, or that nothing was."""
        n = len(self.removed)
        if not n:
            return "No page clutter found."
        return f"Removed {n} line{'s' if n != 1 else ''} of page clutter."


def _words(line: str) -> int:
    return len(line.split())


def _norm(line: str) -> str:
    return re.sub(r"[\W_]+", " ", line.lower()).strip()


def _near(a: str, b: str) -> bool:
    """Same paragraph, or nearly (a word changed): cheap bounds first, the full match last."""
    if a == b:
        return True
    if min(len(a), len(b)) < NEAR_DUPLICATE * max(len(a), len(b)):
        return False
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    return matcher.quick_ratio() >= NEAR_DUPLICATE and matcher.ratio() >= NEAR_DUPLICATE


def _is_heading(line: str, headings: set[str]) -> bool:
    return _norm(line) in {_norm(h) for h in headings}


def _reason(line: str) -> str | None:
    stripped = line.strip()
    if _is_heading(stripped, AD_MARKERS):
        return "advertisement marker"
    if CAPTION.search(stripped) and _words(stripped) <= 25:
        return "image caption or credit"
    if _words(stripped) <= SHORT_LINE_WORDS and CLUTTER_WORDS.search(stripped):
        return "share, subscribe or site link"
    return None


def clean(text: str) -> Cleaned:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    result = Cleaned(text="", original=text)
    kept: list[str] = []
    seen: list[str] = []  # normalized paragraphs kept so far
    words_total = max(1, _words(text))
    words_before = 0
    for index, line in enumerate(lines):
        stripped = line.strip()
        words_before += _words(stripped)
        if not stripped:
            kept.append("")
            continue
        if _is_heading(stripped, TEASER_HEADINGS) and words_before > words_total * 0.4:
            # A teaser block: this heading and everything after it.
            result.removed += [Removed(rest.strip(), "teasers for other stories")
                               for rest in lines[index:] if rest.strip()]
            break
        if not result.byline and BYLINE.match(stripped) and _words(stripped) <= 8:
            result.byline = stripped
            result.removed.append(Removed(stripped, "byline (kept as metadata)"))
            continue
        if not result.published and DATELINE.match(stripped):
            result.published = stripped
            result.removed.append(Removed(stripped, "date line (kept as metadata)"))
            continue
        reason = _reason(stripped)
        if reason:
            result.removed.append(Removed(stripped, reason))
            continue
        norm = _norm(stripped)
        if _words(stripped) >= 6 and any(_near(norm, old) for old in seen):
            result.removed.append(Removed(stripped, "repeated paragraph"))
            continue
        seen.append(norm)
        kept.append(stripped)
    result.text = re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()
    return result
