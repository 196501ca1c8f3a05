"""Reading a prompt and writing an answer with the local model, in the worker process.

Reading: a prompt comes in segments (what all prompts share, the article, the task; see
`LocalModel.prompt_segments`). Each segment is read in slices whose size depends only on the
model, starting at the segment's beginning, so a prompt is evaluated in the same batches
whether or not its first segments were already read: their evaluated state is reused (the
live context, or the shared beginning saved once per worker) and the answer is the same.

Writing: greedy, piece by piece (see `desktop.core.model.Session`). A loaded word the writer
wants kept out is noticed when the model finishes it: the answer goes back to the word's
beginning and the word's first token is not taken there again.
"""

from __future__ import annotations

import codecs
import math
import re
import time
from typing import Callable

from desktop.core.model import Cancelled, Prompt, RunStats, mean_logprob
from desktop.core.language.text import text_scripts
from desktop.core.model.llama import BATCH, LocalModel

SAVED_BEGINNINGS = 4  # shared prompt beginnings kept per worker (about 13 MB each for 1.5B)
BANS_PER_PLACE = 8  # words kept out at one place before the model's choice is taken anyway
_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)
_QUOTES = re.compile(r"[\"“”«»„]")


# About 256 tokens for a 1.5B model: two seconds on 2 cores, as fast as full batches; 128
# read 4% slower, slices under 64 tokens about 20% slower.
def slice_tokens(n_params: int) -> int:
    size = 256 * 1.5e9 / max(n_params, 1)
    return int(min(BATCH, max(32, 2 ** round(math.log2(size)))))


class Context:
    """What the model has evaluated, per worker: the slices of the prompt now in its context,
    and saved states of the shared beginning (the rules).

    A prompt is read in slices that start at each segment's beginning and have a size that
    depends only on the model, so the same tokens are always evaluated in the same batches:
    a slice already in the context (the same tokens at the same place) is kept, whichever
    prompt read it and whether or not that reading was stopped halfway. An article edited
    near its end is read again from the slice that changed."""

    def __init__(self, model: LocalModel, reuse: bool = True):
        self.model = model
        self.reuse = reuse
        self.slices: list[tuple[int, tuple[int, ...]]] = []  # (position, tokens) in the context
        self.fresh = False  # the last decode was the last slice's: its logits are at hand
        self.saved: dict[tuple[int, ...], bytes] = {}
        self._answers: tuple[list[int], list[int]] | None = None
        self._foreign: dict[frozenset[str], set[int]] = {}

    def foreign(self, scripts: frozenset[str]) -> set[int]:
        """The tokens with letters of other scripts than these (a summary of an English
        article has no Chinese word in it, even when the English word was kept out)."""
        if scripts not in self._foreign:
            self._foreign[scripts] = {t for t in range(self.model.n_vocab)
                                      if not text_scripts(self.model.piece(t).decode("utf-8", "ignore")) <= scripts}
        return self._foreign[scripts]

    def yes_odds(self) -> float:
        """How much more likely the model's next words are "yes" than "no" (log odds)."""
        import numpy as np

        logits = self.model.logits()
        yes, no = self.answers()
        return float(np.logaddexp.reduce(logits[yes]) - np.logaddexp.reduce(logits[no]))

    def answers(self) -> tuple[list[int], list[int]]:
        """The tokens of "yes" and of "no", looked up once."""
        if self._answers is None:
            self._answers = (self.model.answer_tokens("yes"), self.model.answer_tokens("no"))
        return self._answers

    def plan(self, segments: list[list[int]]) -> list[tuple[int, tuple[int, ...]]]:
        size = slice_tokens(self.model.n_params)
        planned, position = [], 0
        for segment in segments:
            for a in range(0, len(segment), size):
                planned.append((position + a, tuple(segment[a:a + size])))
            position += len(segment)
        return planned

    def read(self, segments: list[list[int]], stats: RunStats, should_stop: Callable[[], bool],
             progress: Callable[[int, int], None] | None = None, keep: int | None = None) -> list[int]:
        """Evaluate the prompt's segments (the first `keep` only, to have them ready); return
        its tokens. Slices already in the context are not read again."""
        t0 = time.perf_counter()
        segments = [list(s) for s in segments[:keep]]
        planned = self.plan(segments)
        same = 0
        if self.reuse:
            while same < min(len(planned), len(self.slices)) and planned[same] == self.slices[same]:
                same += 1
            ends_here = self.fresh and len(self.slices) == len(planned)
            if same == len(planned) and keep is None and planned and not ends_here:
                same -= 1  # the last slice again: its logits are needed for the answer
        first = len(segments[0]) if segments else 0
        if same == 0 and self.reuse and first and tuple(segments[0]) in self.saved:
            key = tuple(segments[0])
            self.model.load_state(self.saved[key])
            self.saved[key] = self.saved.pop(key)  # most recently used last
            same = next(i for i, (position, _) in enumerate(planned + [(first, ())]) if position >= first)
            self.slices = planned[:same]
        elif same == 0:
            self.model.reset()
        start = planned[same][0] if same < len(planned) else sum(len(s) for s in segments)
        if same:
            self.model.forget(start)  # what followed: other slices, or an answer
        self.slices = planned[:same]
        total = sum(len(s) for s in segments)
        for position, tokens in planned[same:]:
            if should_stop():
                raise Cancelled  # what was read stays, to go on from later
            self.model.decode(list(tokens), position)
            self.slices.append((position, tokens))
            self.fresh = True
            if progress:
                progress(position + len(tokens) - start, total - start)
            if self.reuse and position + len(tokens) == first and tuple(segments[0]) not in self.saved:
                self.saved[tuple(segments[0])] = self.model.save_state()
                while len(self.saved) > SAVED_BEGINNINGS:
                    self.saved.pop(next(iter(self.saved)))
        stats.prompt_tokens += total - start
        stats.reused_tokens += start
        stats.prompt_seconds += time.perf_counter() - t0
        stats.passes.append([total, 0])
        return [t for s in segments for t in s]

    def decoded(self) -> None:
        """Something else was decoded after the prompt: its last logits are gone."""
        self.fresh = False


class LocalSession:
    """One answer of the local model to a prompt (see `desktop.core.model.Session`)."""

    def __init__(self, context: Context, prompt: Prompt, stats: RunStats, start: float,
                 should_stop: Callable[[], bool], avoid: frozenset[str] = frozenset(),
                 progress: Callable[[int, int], None] | None = None,
                 scripts: frozenset[str] | None = None, quotable: frozenset[str] | None = None):
        self.model = context.model
        self.context = context
        self.stats = stats
        self.start = start
        self.should_stop = should_stop
        self.avoid = avoid
        self.quotable = avoid if quotable is None else quotable
        self.tokens = context.read(self.model.prompt_segments(prompt), stats, should_stop, progress)
        self.text = ""
        self._marks = {0: len(self.tokens)}  # answer length -> context length at that point
        self._pending = b""  # bytes of a character split between tokens
        self._proposed: tuple[int, str, bytes] | None = None
        self._bans: dict[int, set[int]] = {}  # context length -> tokens not to take there
        self._word = (0, len(self.tokens), None)  # where the current word began, its first token
        # Words the value may not begin with, until its first word has begun: a value's first
        # piece may be only a space or a quote mark (" " then "6" then "th").
        self._start_avoid: frozenset[str] = frozenset()
        self._foreign = context.foreign(scripts) if scripts else set()
        self._written: list[tuple[int, float]] = []  # (answer length after it, log-prob) per token the model wrote
        self._next = self.model.greedy()

    # -- the Session interface ---------------------------------------------------------

    def propose(self, avoid_start: frozenset[str] = frozenset()) -> str | None:
        if self._proposed is not None:
            return self._proposed[1]
        avoid_start = self._start_avoid = avoid_start or self._start_avoid
        while True:
            if self.should_stop():
                raise Cancelled
            banned = self._bans.get(len(self.tokens), set()) | self._foreign
            token = self._choose(banned, avoid_start)
            if self.model.is_end(token):
                if self._refuse_word():
                    continue
                return None
            data = self._pending + self.model.piece(token)
            piece = _decodable(data)
            if piece and not _LETTER.match(piece) and not self._joins(piece) and self._refuse_word():
                continue
            self._proposed = (token, piece, data[len(piece.encode("utf-8")):])
            return piece

    def take(self) -> None:
        token, piece, rest = self._proposed
        self._proposed = None
        t0 = time.perf_counter()
        if self._joins(piece):
            pass  # "-called" of "so-called", "’s": the same word goes on
        elif piece and not _LETTER.match(piece) and _LETTER.search(piece):
            self._word = (len(self.text), len(self.tokens), token)  # " deadly": a word begins
        elif piece and not _LETTER.search(piece):
            self._word = (len(self.text) + len(piece), len(self.tokens) + 1, None)
        elif self._word[2] is None and piece:
            self._word = (len(self.text), len(self.tokens), token)
        logprob = self.model.logprob(token)  # before the token is read: its own chance
        self._append(token)
        self.text += piece
        if any(c.isalnum() for c in piece):
            self._start_avoid = frozenset()  # the first word has begun
        self._written.append((len(self.text), logprob))
        self._pending = rest
        if not rest:
            self._marks[len(self.text)] = len(self.tokens)
        self.stats.generated_tokens += 1
        self.stats.passes[-1][1] += 1
        if self.stats.generated_tokens == 1:
            self.stats.first_token_seconds = time.perf_counter() - self.start
        self.stats.generation_seconds += time.perf_counter() - t0

    def feed(self, text: str) -> None:
        self._proposed = None
        self._start_avoid = frozenset()
        tokens = self.model.tokenize(self._pending.decode("utf-8", "replace") + text)
        self._pending = b""
        self.context.decoded()
        for i in range(0, len(tokens), BATCH):
            self.model.decode(tokens[i:i + BATCH], len(self.tokens))
            self.tokens += tokens[i:i + BATCH]
        self._next = self.model.greedy()
        self.text += text
        self._marks[len(self.text)] = len(self.tokens)
        self._word = (len(self.text), len(self.tokens), None)

    def cut(self, length: int) -> None:
        self._proposed = None
        self._start_avoid = frozenset()
        self._pending = b""
        length = max(k for k in self._marks if k <= length)  # a character split between tokens
        position = self._marks[length]
        self._marks = {k: v for k, v in self._marks.items() if k <= length}
        self._bans = {k: v for k, v in self._bans.items() if k <= position}
        self.text = self.text[:length]
        self._written = [w for w in self._written if w[0] <= length]
        self._rewind(position)
        self._word = (length, position, None)

    def likelihood(self, text: str) -> float:
        """The mean log-probability of `text` as the answer's next words (to check a text the
        model did not write); the answer stays as it was."""
        tokens = self.model.tokenize(text)
        mark = len(self.tokens)
        found = [self.model.logprob(tokens[0])]
        self.context.decoded()
        for i in range(0, len(tokens) - 1, BATCH):
            chunk = tokens[i:i + BATCH]
            self.model.decode(chunk, mark + i, all_logits=True)
            found += [self.model.logprob(tokens[i + j + 1], row=j)
                      for j in range(len(chunk)) if i + j + 1 < len(tokens)]
        self.model.forget(mark)
        self._rewind(mark)
        return sum(found) / len(found)

    def logprob(self, start: int, end: int | None = None) -> float | None:
        """The mean log-probability of the tokens the model wrote after answer position
        `start`: how likely what it wrote there was, to the model that read the article."""
        return mean_logprob(self._written, start, end)

    # -- tokens ------------------------------------------------------------------------

    def _choose(self, banned: set[int], avoid_start: frozenset[str]) -> int:
        if not banned and not avoid_start:
            return self._next
        if avoid_start:
            for token in self.model.top(32):
                if token in banned:
                    continue
                word = self.model.piece(token).decode("utf-8", "replace").strip().lower()
                # A one-letter piece may be a word of its own ("A"); a digit or a mark begins
                # one ("6" of "6th", "<" of "<one").
                begins = len(word) >= 2 or (word and not word.isalpha())
                if not word or not any(w == word or (begins and w.startswith(word))
                                       for w in avoid_start):
                    return token
        return self.model.greedy(banned)

    def _append(self, token: int) -> None:
        self.context.decoded()
        self.model.decode([token], len(self.tokens))
        self.tokens.append(token)
        self._next = self.model.greedy()

    def _rewind(self, position: int) -> None:
        """Back to the context's first `position` tokens, with the logits for the next one."""
        self.context.decoded()
        self.model.forget(position - 1)
        self.tokens = self.tokens[:position]
        self.model.decode(self.tokens[-1:], position - 1)
        self._next = self.model.greedy()

    def _joins(self, piece: str) -> bool:
        """Whether the piece goes on with the word before it ("-called", "-", "'s")."""
        return piece[:1] in "-'’" and (len(piece) == 1 or _LETTER.match(piece[1:]) is not None) \
            and bool(self.text) and _LETTER.match(self.text[-1]) is not None

    def _refuse_word(self) -> bool:
        """If the word just finished is one to keep out (and not one a quote may have, inside a
        quote), go back to its beginning and keep its first token out there; True when it did."""
        start, position, first = self._word
        word = self.text[start:].strip().strip("'’-").lower()
        if (first is None or word not in self.avoid or len(self._bans.get(position, ())) >= BANS_PER_PLACE
                or (word in self.quotable and len(_QUOTES.findall(self.text[self.text.rfind("\n") + 1:])) % 2)):
            return False
        self.cut(start)
        self._bans.setdefault(position, set()).add(first)
        return True


def _decodable(data: bytes) -> str:
    """The longest beginning of the bytes that is whole UTF-8 text."""
    decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
    return decoder.decode(data, final=False)


REMEMBERED_ODDS = 48  # answers kept: the questions about the last articles read ahead


class Local:
    """The local llama.cpp model as the pipeline uses it (see `desktop.core.model.Model`)."""

    writes_into = True

    def __init__(self, model: LocalModel, reuse: bool = True, genre_odds: float | None = None,
                 support_odds: float | None = None):
        self.model = model
        self.context = Context(model, reuse)
        self.genre_odds = genre_odds
        self.support_odds = support_odds
        self._odds: dict[tuple[str, ...], float] = {}  # answers to questions asked before

    @property
    def n_ctx(self) -> int:
        return self.model.n_ctx

    def count(self, text: str) -> int:
        return len(self.model.tokenize(text))

    def prompt_tokens(self, prompt: Prompt) -> int:
        return sum(len(s) for s in self.model.prompt_segments(prompt))

    def session(self, prompt: Prompt, stats: RunStats, start: float, should_stop: Callable[[], bool],
                avoid: frozenset[str] = frozenset(),
                progress: Callable[[int, int], None] | None = None,
                scripts: frozenset[str] | None = None, quotable: frozenset[str] | None = None) -> LocalSession:
        return LocalSession(self.context, prompt, stats, start, should_stop, avoid, progress, scripts, quotable)

    def odds(self, prompt: Prompt, stats: RunStats, should_stop: Callable[[], bool],
             progress: Callable[[int, int], None] | None = None) -> float:
        """How much more likely the model's answer to the prompt begins "yes" than "no" (log
        odds). What the prompt shares with the one read before is not read again; a prompt
        asked before (the article was read ahead) is answered from memory."""
        key = (prompt.system, prompt.lead, prompt.article, prompt.task)
        if key not in self._odds:
            self.context.read(self.model.prompt_segments(prompt), stats, should_stop, progress)
            self._odds[key] = self.context.yes_odds()
            while len(self._odds) > REMEMBERED_ODDS:
                self._odds.pop(next(iter(self._odds)))
        return self._odds[key]

    def prepare(self, prompt: Prompt, should_stop: Callable[[], bool], keep: int | None = None) -> RunStats:
        """Read the prompt now (its first `keep` segments: the rules, the article), so that a
        session on it later begins with what is left, or writes at once."""
        stats = RunStats()
        self.context.read(self.model.prompt_segments(prompt), stats, should_stop, keep=keep)
        return stats
