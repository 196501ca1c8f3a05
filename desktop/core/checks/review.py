"""The review of a finished summary against its article, with the same sentence checker the
writer used: what the window highlights and the note counts under `checks:`.

Everything here is deterministic.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop.core.checks import sentence as checker
from desktop.core.checks.evidence import Evidence
from desktop.core.language.text import sentences

# The note's names for the counts of each kind of problem.
COUNTS = {
    "opinion": "opinions_as_fact",
    "attribution": "attributions_dropped",
    "modality": "possibilities_as_fact",
    "negation": "negations_changed",
    "number": "unsupported_numbers",
    "name": "unsupported_names",
    "quote": "unsupported_quotes",
    "unsupported": "unsupported_claims",
    "dangling": "dangling_references",
    "partial_name": "partial_names",
    "clutter": "page_clutter",
    "fragment": "fragments",
    "question": "questions",
    "repeat": "repeats",
    "sensational": "sensational_titles",
}


@dataclass(frozen=True)
class Flag:
    part: str  # "title", "summary" or "point"
    index: int  # which key point (0 otherwise)
    start: int  # span in that part's text
    end: int
    text: str
    kind: str  # see desktop.core.checks.sentence.KINDS
    reason: str
    copied: bool = False  # a loaded word the article itself uses


@dataclass
class Review:
    flags: list[Flag] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)  # one per key point

    def of(self, part: str, index: int = 0) -> list[Flag]:
        return [f for f in self.flags if f.part == part and f.index == index]

    def counts(self) -> dict[str, int]:
        loaded = [f for f in self.flags if f.kind == "loaded"]
        found = {"loaded_words_introduced": sum(1 for f in loaded if not f.copied),
                 "loaded_words_copied": sum(1 for f in loaded if f.copied)}
        for kind, name in COUNTS.items():
            found[name] = sum(1 for f in self.flags if f.kind == kind)
        found["key_points_with_evidence"] = sum(1 for e in self.evidence if e.supported)
        found["key_points_without_evidence"] = sum(1 for e in self.evidence if not e.supported)
        return found

    @property
    def clean(self) -> bool:
        """Whether nothing is flagged and every key point has its evidence."""
        return not self.flags and all(e.supported for e in self.evidence)

    def front_matter(self) -> dict:
        """The note's `checks:` entry: counts, and each flag in a line a reader can act on."""
        entry: dict = dict(self.counts())
        if self.flags:
            entry["flagged"] = [f"{_where(f)}: \"{f.text}\" ({f.reason})" for f in self.flags]
        return entry


def _where(flag: Flag) -> str:
    return f"key point {flag.index + 1}" if flag.part == "point" else flag.part


def review(title: str, summary: str, points: list[str], ctx: checker.Context,
           compare: bool = True, logprobs: dict[str, float] | None = None,
           doubted: frozenset[str] | set[str] = frozenset()) -> Review:
    """Every sentence of the summary checked as the writer checked it (and, where `doubted`,
    as the model's answer found it), and each key point's
    evidence. `compare`: the summary is in the article's language; `logprobs`: how likely
    each sentence was to the model as it wrote it; `doubted`: the sentences the model, asked,
    doubts the article says."""
    logprobs = logprobs or {}
    result = Review(evidence=[ctx.evidence(p) if compare else Evidence((), 0.0) for p in points])
    for problem in checker.check(title, "title", ctx, compare=compare) if title else []:
        result.flags.append(_flag("title", 0, 0, problem))
    told: list[str] = []  # the summary's sentences: the note shows them above the key points
    for a, b in sentences(summary, ctx.article.dotted):
        for problem in checker.check(summary[a:b], "summary", ctx, tuple(told), title, compare,
                                     logprobs.get(summary[a:b]), summary[a:b] in doubted):
            result.flags.append(_flag("summary", 0, a, problem))
        told.append(summary[a:b])
    for i, point in enumerate(points):
        # What the reader has read above it: a repeat of it is this point's; "the deal" it names.
        for problem in checker.check(point, "point", ctx, (*told, *points[:i]), title, compare,
                                     logprobs.get(point), point in doubted):
            result.flags.append(_flag("point", i, 0, problem))
    return result


def _flag(part: str, index: int, offset: int, p: checker.Problem) -> Flag:
    return Flag(part, index, offset + p.start, offset + p.end, p.text, p.kind, p.reason, p.copied)
