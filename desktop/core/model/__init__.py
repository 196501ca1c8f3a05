"""What the writer needs from a language model, whatever runs it.

A `Prompt` is laid out so that what many prompts share comes first: the rules, then the
article, then the task. A `Session` is one answer to a prompt, written piece by piece: the
model proposes its next piece, the writer takes it or not, writes text of its own into the
answer (labels, the beginning of a sentence) and cuts the answer back to write a part anew.
The local llama.cpp model (`desktop.core.model.session`) is one implementation; a model
behind an OpenAI-compatible server (`desktop.core.model.server`) is the other.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Protocol


class Cancelled(Exception):
    """The user asked to stop."""


@dataclass(frozen=True)
class Prompt:
    """A chat: `system` rules, then a user message made of `lead` (fixed text), the `article`
    and the `task`; the model's answer begins with `answer`, written for it."""

    system: str
    lead: str
    article: str
    task: str
    answer: str = ""


@dataclass
class RunStats:
    prompt_tokens: int = 0  # tokens evaluated to read prompts (reused ones not counted)
    reused_tokens: int = 0  # prompt tokens whose evaluated state was reused instead
    generated_tokens: int = 0
    prompt_seconds: float = 0.0
    first_token_seconds: float = 0.0
    total_seconds: float = 0.0
    generation_seconds: float = 0.0  # spent evaluating written tokens
    passes: list = field(default_factory=list)  # [prompt tokens, written tokens] per prompt read

    @property
    def generation_rate(self) -> float:
        seconds = self.total_seconds - self.first_token_seconds
        return self.generated_tokens / seconds if seconds > 0 else 0.0


def mean_logprob(written: list[tuple[int, float]], start: int, end: int | None = None) -> float | None:
    """The mean log-probability of the pieces written (answer length after each, its
    log-probability) that end after `start` and by `end`; None when there are none."""
    found = [lp for at, lp in written if at > start and (end is None or at <= end)]
    return sum(found) / len(found) if found else None


class Session(Protocol):
    text: str  # the answer so far: what the model wrote and what was written for it

    def propose(self, avoid_start: frozenset[str] = frozenset()) -> str | None:
        """The model's next piece of text, not yet taken into the answer; None when the model
        ends its answer. `avoid_start`: words the value may not begin with (given with its
        first piece, they hold until its first word has begun). Loaded words in `avoid` (see
        `Model.session`) are never proposed."""

    def take(self) -> None:
        """Add the piece just proposed to the answer."""

    def feed(self, text: str) -> None:
        """Write text into the answer for the model (it reads it and goes on from there)."""

    def cut(self, length: int) -> None:
        """Go back to the answer's first `length` characters (a place where a piece ended)."""

    def logprob(self, start: int, end: int | None = None) -> float | None:
        """The mean log-probability of what the model wrote between answer positions `start`
        and `end` (the end of the answer) (None where the backend gives no probabilities)."""


class Model(Protocol):
    """A language model that writes answers to prompts (see the module's doc)."""

    n_ctx: int  # tokens a prompt and its answer may take together
    # Whether a session takes text written for the model (`feed`, `cut`): then the writer
    # mends each sentence as it ends; else the answer is written whole and then checked.
    writes_into: bool
    # The yes-no log odds from which the model's reading of an article as its writer's views
    # is trusted (measured per model: models/registry.toml); None: not asked.
    genre_odds: float | None
    # The log odds under which the model's "yes" to whether the article says a sentence is
    # doubt (measured per model); None: not asked.
    support_odds: float | None

    def count(self, text: str) -> int:
        """How many tokens plain text takes."""

    def prompt_tokens(self, prompt: Prompt) -> int:
        """How many tokens the whole prompt takes."""

    def odds(self, prompt: Prompt, stats: RunStats, should_stop, progress=None) -> float:
        """How much more likely the answer to a yes-no prompt is "yes" than "no" (log odds);
        only asked of a model with `genre_odds` or `support_odds`."""

    def session(self, prompt: Prompt, stats: RunStats, start: float, should_stop, avoid: frozenset[str] = frozenset(),
                progress=None, scripts: frozenset[str] | None = None,
                quotable: frozenset[str] | None = None) -> Session:
        """Read the prompt (reporting progress(done, total)) and begin its answer. `avoid`:
        words kept out of the answer, outside quotes; inside them too unless `quotable` (all
        of them when None); `scripts`: the only writing systems its letters may be in
        (LATIN, CYRILLIC…), where known."""


CONTEXT_VARIABLE = "NEUTRAL_BRIEF_CONTEXT"


def context_size(default: int) -> int:
    """The tokens a local model's context holds: $NEUTRAL_BRIEF_CONTEXT's number, else
    `default` (either way no more than the model was trained on). Larger reads long articles
    whole (more memory, slower words); smaller reads them in more parts."""
    value = os.environ.get(CONTEXT_VARIABLE, "").strip()
    if not value:
        return default
    if not (value.isascii() and value.isdigit()):
        raise ValueError(f"${CONTEXT_VARIABLE} is {value!r}: give a number of tokens, such as 8192.")
    return int(value)


def default_threads() -> int:
    """The CPU threads a local model uses unless told: as many as this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)
