"""Filling in the answer form, token by token, inside the worker process.

The worker writes the form's labels itself (`Title:`, `Summary:`, `Key points:` and the first
bullets) and the model writes only the values, greedily. Each value ends at the model's first
line break, so a small model cannot wander off the form, and nothing costs a grammar check.
"""

from __future__ import annotations

import codecs
import re
import time
from dataclasses import dataclass
from typing import Callable

from desktop.core import prompts
from desktop.core.llm import BATCH, LocalModel

# Token budgets per field; together they are the room the answer needs in the context.
TITLE_TOKENS = 48
SUMMARY_TOKENS = 320
POINT_TOKENS = 96
ANSWER_TOKENS = TITLE_TOKENS + SUMMARY_TOKENS + prompts.MAX_POINTS * POINT_TOKENS + 64

# While reading the article, evaluate slices that take about this long, so that Stop is
# honoured within about a second and progress moves; slices under 64 tokens waste speed
# (measured on 2 cores: 16 tokens a slice read at 40% of the speed of 128).
SLICE_SECONDS = 1.0
MIN_SLICE = 64
SUMMARY_SENTENCES = 5
POINT_SENTENCES = 1
# Key points may not repeat a run of this many tokens from an earlier key point: greedy
# decoding otherwise loops, writing the same point again and again.
NO_REPEAT_TOKENS = 6


# A sentence ends with . ! or ? (maybe inside quotes or brackets), not after an initial
# such as the "S." in "U.S." nor after a title such as "Mr."; the writer checks this when
# the next word begins.
SENTENCE_END = re.compile(
    r"(?<![A-Z])(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bNo)(?<!\bvs)"
    r"[.!?][\"”’')\]]*$")


class Cancelled(Exception):
    pass


class TooLong(Exception):
    def __init__(self, prompt_tokens: int, limit: int):
        super().__init__(prompt_tokens, limit)
        self.prompt_tokens = prompt_tokens
        self.limit = limit


@dataclass
class RunStats:
    prompt_tokens: int = 0
    generated_tokens: int = 0
    prompt_seconds: float = 0.0
    first_token_seconds: float = 0.0
    total_seconds: float = 0.0

    @property
    def generation_rate(self) -> float:
        seconds = self.total_seconds - self.first_token_seconds
        return self.generated_tokens / seconds if seconds > 0 else 0.0


class FormWriter:
    def __init__(self, model: LocalModel, should_stop: Callable[[], bool], emit: Callable[..., None]):
        self.model = model
        self.should_stop = should_stop
        self.emit = emit
        self.n_past = 0
        self.stats = RunStats()
        self._start = 0.0
        self._pending = ""  # text the model wrote in the token that also held a line break
        self._points: list[int] | None = None  # tokens of the key points, once they begin

    def run(self, messages: list[dict[str, str]]) -> RunStats:
        self._start = time.perf_counter()
        prompt = self.model.tokenize(self.model.chat_prompt(messages), whole_prompt=True)
        prompt += self.model.tokenize(prompts.TITLE_LABEL)
        limit = self.model.n_ctx - ANSWER_TOKENS
        if len(prompt) > limit:
            raise TooLong(len(prompt), limit)
        self.stats.prompt_tokens = len(prompt)
        self.model.reset()
        self._read(prompt)
        self.stats.prompt_seconds = time.perf_counter() - self._start
        self.emit("text", prompts.TITLE_LABEL)

        self._write_line(TITLE_TOKENS)
        self._feed(f"\n{prompts.SUMMARY_LABEL}")
        self._write_line(SUMMARY_TOKENS, SUMMARY_SENTENCES)
        self._feed(f"\n{prompts.POINTS_LABEL}\n-")
        self._points = []
        points = 1
        while True:
            self._write_line(POINT_TOKENS, POINT_SENTENCES)
            if points == prompts.MAX_POINTS:
                break
            self._feed("\n")
            token = self._next()
            piece = self.model.piece(token)
            if piece.lstrip().startswith(b"-"):
                self._accept(token)  # the model goes on with another point
                self.emit("text", piece.decode("utf-8", errors="replace"))
            elif points < prompts.MIN_POINTS:
                self._feed("-")
            else:
                break
            points += 1
        self.stats.total_seconds = time.perf_counter() - self._start
        return self.stats

    def _read(self, tokens: list[int]) -> None:
        """Evaluate the prompt in timed slices, reporting progress and checking for Stop."""
        size = MIN_SLICE
        done = 0
        while done < len(tokens):
            if self.should_stop():
                raise Cancelled
            part = tokens[done:done + size]
            t0 = time.perf_counter()
            self.model.decode(part, self.n_past)
            elapsed = time.perf_counter() - t0
            self.n_past += len(part)
            done += len(part)
            self.emit("reading", done, len(tokens))
            rate = len(part) / max(elapsed, 1e-6)
            size = max(MIN_SLICE, min(BATCH, int(rate * SLICE_SECONDS)))

    def _feed(self, text: str) -> None:
        """Write the form's own text into the answer (and into the model's context)."""
        text = self._pending + text
        self._pending = ""
        for i in range(0, len(tokens := self.model.tokenize(text)), BATCH):
            self.model.decode(tokens[i:i + BATCH], self.n_past)
            self.n_past += len(tokens[i:i + BATCH])
        self.emit("text", text)

    def _next(self) -> int:
        if self.should_stop():
            raise Cancelled
        return self.model.greedy(self._repeats())

    def _repeats(self) -> list[int]:
        """Tokens that would repeat a run of NO_REPEAT_TOKENS from an earlier key point."""
        seq = self._points
        n = NO_REPEAT_TOKENS - 1
        if not seq or len(seq) <= n:
            return []
        tail = seq[-n:]
        return [seq[i + n] for i in range(len(seq) - n) if seq[i:i + n] == tail]

    def _accept(self, token: int) -> None:
        self.model.decode([token], self.n_past)
        self.n_past += 1
        if self._points is not None:
            self._points.append(token)
        self.stats.generated_tokens += 1
        if self.stats.generated_tokens == 1:
            self.stats.first_token_seconds = time.perf_counter() - self._start

    def _write_line(self, max_tokens: int, max_sentences: int | None = None) -> None:
        """Let the model write until its first line break (kept back), end token, budget or
        its sentence limit (the next sentence is not begun)."""
        decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        line = ""
        sentences = 0
        for _ in range(max_tokens):
            token = self._next()
            if self.model.is_end(token):
                return
            text = decoder.decode(self.model.piece(token))
            if not (line + text).strip():
                # The value begins on the next line: let the model put it there.
                self._accept(token)
                line += text
                self.emit("text", text)
                continue
            if "\n" in text:
                # Keep what stands before the break; the form's next text follows it.
                self._pending = text.split("\n", 1)[0]
                return
            if text[:1].isspace() and SENTENCE_END.search(line):
                sentences += 1
                if max_sentences is not None and sentences >= max_sentences:
                    return
            self._accept(token)
            line += text
            if text:
                self.emit("text", text)
