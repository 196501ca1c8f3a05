"""Which article sentences support a sentence of the summary: the evidence a reader can click
through to, and what every other check compares the summary's sentence with.

A sentence's words are weighted by how rare they are in the article (a name or a number
weighs more than "said"); a summary sentence is supported by the one or two article sentences
that cover most of its weight, when together they cover at least SUPPORTED of it. Text that
speaks to AI software rather than to readers supports nothing.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from desktop.core.input.article import Article
from desktop.core.language import lexicon
from desktop.core.language.text import content, stem

SUPPORTED = 0.5
SECOND_SENTENCE = 0.15  # what a second supporting sentence must add
# Words a summary adds to report a claim without changing it ("Ruiz argues that", "In a
# blog post, Ruiz explains ..."): the reporting verbs of speech that are no nouns, a few that
# are ("reported", "claim", "post": the words of a report's frame), and the words that tell a
# piece and what its writer does in it.
FRAME_STEMS = frozenset(stem(w) for w in (
    *lexicon.speech_verb_forms(), "report", "reported", "claim", "also", "according", "article",
    "opinion", "column", "author", "editorial", "analysis", "review", "check", "checks", "fact",
    "find", "finds", "blog", "post", "discuss", "discusses", "highlights", "outlines"))


@dataclass(frozen=True)
class Evidence:
    spans: tuple[tuple[int, int], ...]  # (start, end) of the supporting sentences, in article order
    score: float  # share of the sentence's weighted words that they contain
    main: tuple[int, int] | None = None  # the one that covers most

    @property
    def supported(self) -> bool:
        return bool(self.spans)


class EvidenceFinder:
    def __init__(self, article: Article):
        self.article = article
        usable = [s for s in article.sentences if not s.addressed_to_ai]
        self.spans = [(s.start, s.end) for s in usable]
        self.words = [set(content(s.text)) for s in usable]
        counts = Counter(w for ws in self.words for w in ws)
        n = len(self.spans) or 1
        self.weight = {w: math.log(1 + n / c) for w, c in counts.items()}
        self.unknown = math.log(1 + n)  # a word the article lacks weighs like the rarest
        # The words that say whose view a sentence tells, the writer's name among them (from
        # the page): no fact of theirs; and where the article lacks them, no help in finding one.
        self.frame_words = FRAME_STEMS | set(content(article.genre.author))
        self._absent_frame = self.frame_words - set(counts)

    def weight_of(self, word: str) -> float:
        return self.weight.get(word, self.unknown)

    def best(self, point: str) -> tuple[tuple[int, int], ...]:
        """The single closest sentence, however weak the match (empty for an empty article)."""
        wanted = set(content(point))
        if not self.spans:
            return ()
        i = max(range(len(self.spans)), key=lambda i: len(wanted & self.words[i]))
        return (self.spans[i],)

    def find(self, point: str) -> Evidence:
        wanted = set(content(point)) - self._absent_frame
        if not wanted or not self.spans:
            return Evidence((), 0.0)
        total = sum(self.weight_of(w) for w in wanted)

        def covered(ws: set[str]) -> float:
            return sum(self.weight[w] for w in wanted & ws) / total

        best = max(range(len(self.spans)), key=lambda i: covered(self.words[i]))
        chosen = [best]
        # A second sentence only if it adds much of what the first lacks.
        rest = wanted - self.words[best]
        second = max((i for i in range(len(self.spans)) if i != best),
                     key=lambda i: covered(self.words[i] & rest), default=None)
        if second is not None and covered(self.words[second] & rest) >= SECOND_SENTENCE:
            chosen.append(second)
        score = covered(set().union(*(self.words[i] for i in chosen)))
        if score < SUPPORTED:
            return Evidence((), round(score, 3))
        return Evidence(tuple(self.spans[i] for i in sorted(chosen)), round(score, 3),
                        self.spans[best])

    def neighbours(self, span: tuple[int, int]) -> list[tuple[int, int]]:
        """The sentence and the ones right before and after it."""
        i = self.spans.index(span)
        return self.spans[max(0, i - 1):i + 2]
