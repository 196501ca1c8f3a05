"""The review of a finished summary against its article: neutrality, faithfulness, evidence.

Everything here is deterministic. The window highlights the flags and links each key point
to its evidence; the note records the counts in its front matter (`checks:`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop.core import faithfulness, neutrality
from desktop.core.evidence import Evidence, EvidenceFinder
from desktop.core.summary import Summary


@dataclass(frozen=True)
class Flag:
    part: str  # "title", "summary" or "point"
    index: int  # which key point (0 otherwise)
    start: int  # span in that part's text
    end: int
    text: str
    kind: str  # "loaded", "unattributed", "number", "name", "quote" or "wording"
    reason: str
    copied: bool = False  # a loaded word the article itself uses


@dataclass
class Review:
    flags: list[Flag] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)  # one per key point

    def of(self, part: str, index: int = 0) -> list[Flag]:
        return [f for f in self.flags if f.part == part and f.index == index]

    def counts(self) -> dict[str, int]:
        def n(kind: str) -> int:
            return sum(1 for f in self.flags if f.kind == kind)
        loaded = [f for f in self.flags if f.kind == "loaded"]
        return {
            "loaded_words_introduced": sum(1 for f in loaded if not f.copied),
            "loaded_words_copied": sum(1 for f in loaded if f.copied),
            "unattributed_judgements": n("unattributed"),
            "unsupported_numbers": n("number"),
            "unsupported_names": n("name"),
            "unsupported_quotes": n("quote"),
            "new_wording_sentences": n("wording"),
            "key_points_with_evidence": sum(1 for e in self.evidence if e.supported),
            "key_points_without_evidence": sum(1 for e in self.evidence if not e.supported),
        }

    def front_matter(self) -> dict:
        """The note's `checks:` entry: counts, and each flag in a line a reader can act on."""
        entry: dict = dict(self.counts())
        if self.flags:
            entry["flagged"] = [f"{_where(f)}: \"{f.text}\" ({f.reason})" for f in self.flags]
        return entry


def _where(flag: Flag) -> str:
    return f"key point {flag.index + 1}" if flag.part == "point" else flag.part


def review(summary: Summary, article: str) -> Review:
    index = faithfulness.ArticleIndex(article)
    finder = EvidenceFinder(article)
    result = Review(evidence=[finder.find(p) for p in summary.key_points])
    parts = [("title", 0, summary.title), ("summary", 0, summary.summary)]
    parts += [("point", i, p) for i, p in enumerate(summary.key_points)]
    for part, i, text in parts:
        result.flags += [Flag(part, i, *f) for f in check_text(text, article, index, part == "title")]
    return result


def check_text(text: str, article: str, index: faithfulness.ArticleIndex, title: bool = False):
    """(start, end, text, kind, reason, copied) for each problem in one part of a summary."""
    found = []
    for hit in neutrality.loaded(text):
        copied = neutrality.in_text(hit, article)
        source = "copied from the article" if copied else "not in the article"
        found.append((hit.start, hit.end, hit.text, "loaded", f"{hit.term.reason} ({source})",
                      copied))
    for start, end, hit in neutrality.unattributed(text):
        reason = (hit.term.reason if hit.term.category == "speech" else
                  f"\"{hit.text}\" judges, but the sentence does not say who judges so.")
        found.append((start, end, text[start:end], "unattributed", reason, False))
    for f in faithfulness.check(text, index, title=title):
        found.append((f.start, f.end, f.text, f.kind, f.reason, False))
    return sorted(found)
