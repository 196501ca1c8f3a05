"""Page clutter out, article in: what a browser's copy brings along besides the article.

Rules work line by line (a pasted article is one paragraph a line). Every removed line is
reported with its reason, so the window can show it and undo the cleaning.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from desktop.core.language import lexicon

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
SKETCH = 4  # word shingles that stand for a paragraph when looking for near duplicates
CANDIDATES = 8  # earlier paragraphs compared in full with each one, at most
# Text that speaks to software reading the page (an AI model, an assistant) rather than to its
# readers: an article is data, never instructions. Chat control tokens count too.
ADDRESSED_TO_AI = re.compile(
    r"<\|[a-z_]{2,20}\|>|\[/?INST\]|<</?SYS>>|"
    r"\b(?:ignore|disregard|forget)\b.{0,40}\b(?:previous|prior|above|earlier|all)\b.{0,30}"
    r"\b(?:instructions?|prompts?|rules?|directions?)\b|"
    r"\b(?:note|message|instructions?)\s+(?:to|for)\s+(?:any\s+|all\s+)?(?:AI|LLMs?|language models?|"
    r"chatbots?|assistants?|bots?|summari[sz]ers?|models?)\b|"
    r"\b(?:if you are|as) an? (?:AI|language model|assistant|LLM|chatbot)\b|"
    r"\b(?:AI|language model|LLM|assistant|chatbot)s?\b.{0,60}\b(?:must|should|are instructed to|"
    r"are required to)\b.{0,40}\b(?:summar|describe|say|write|answer|respond|output)",
    re.IGNORECASE)
# A section label above the article: "Opinion", "ANALYSIS", "Review |", "Editorial:".
_LABEL_WORDS = {w for kind in ("opinion", "editorial", "analysis", "review")
                for w in lexicon.markers("genre", kind)}


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
    label: str = ""  # a section label the page showed above the article ("Opinion")

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


def _sketch(norm: str) -> set[int]:
    """A few word shingles that stand for the paragraph (the smallest hashes of its 3-word
    runs): two near-identical paragraphs almost always share one, so only those are compared
    in full, and cleaning stays close to linear in the text's length."""
    words = norm.split()
    shingles = {zlib.crc32(" ".join(words[i:i + 3]).encode()) for i in range(max(1, len(words) - 2))}
    return set(sorted(shingles)[:SKETCH])


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
    if ADDRESSED_TO_AI.search(stripped):
        return "text addressed to AI software, not to readers"
    return None


def _label(line: str) -> str:
    """The section label a short line is ("Opinion", "NEWS ANALYSIS |"), or ""."""
    words = _norm(line)
    return line.strip(" |:-–—") if words in _LABEL_WORDS else ""


def clean(text: str) -> Cleaned:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    result = Cleaned(text="", original=text)
    kept: list[str] = []
    seen: dict[str, int] = {}  # normalized paragraphs kept so far, and their number
    by_shingle: dict[int, list[str]] = {}  # the kept paragraphs each sketch shingle stands in
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
        if not result.label and len(seen) < 3 and (label := _label(stripped)):
            result.label = label
            result.removed.append(Removed(stripped, "section label (kept as metadata)"))
            continue
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
        if _words(stripped) >= 6 and _repeats(norm, seen, by_shingle):
            result.removed.append(Removed(stripped, "repeated paragraph"))
            continue
        seen.setdefault(norm, len(seen))
        for shingle in _sketch(norm):
            by_shingle.setdefault(shingle, []).append(norm)
        kept.append(stripped)
    result.text = re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()
    return result


def _repeats(norm: str, seen: dict[str, int], by_shingle: dict[int, list[str]]) -> bool:
    if norm in seen:
        return True
    candidates: list[str] = []
    for shingle in _sketch(norm):
        for old in reversed(by_shingle.get(shingle, [])):
            if old not in candidates:
                candidates.append(old)
            if len(candidates) >= CANDIDATES:
                break
    return any(_near(norm, old) for old in candidates)
