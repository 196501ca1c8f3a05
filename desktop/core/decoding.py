"""Greedy decoding in the worker process: reading a prompt and writing token by token.

Reading goes in slices whose size depends only on the model, always cut at the same places,
so a text gives the same answer every time. A prompt's fixed beginning (the rules and the
worked example) is evaluated once per worker; later prompts restore its saved state.

Writing can check drafts copied from the prompt (prompt lookup decoding): when the last
DRAFT_MATCH tokens also stand earlier in the prompt or the answer, the tokens that followed
them there are a draft, and one model call checks the whole draft, keeping the part that
the model itself would have written next. It is off by default: on this project's 2-core
test machine, evaluating k tokens at once costs about k times one token for k up to 8 (and
8 times for 16), so drafts gained 1.13x on the user's example and nothing on 10 news
articles, while a batch's other rounding changed a near-tie token in 8 of those 10
(benchmarks/speed.py measures both).
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field
from typing import Callable

from desktop.core.llm import BATCH, LocalModel

DRAFT_MATCH = 6  # tokens that must match before a draft is tried
DRAFT_TOKENS = 15  # the longest draft checked at once
# A batch of tokens is computed with other rounding than one token alone: logits differ by
# up to about 0.4 (measured on the seed). Where the best two tokens are closer than this, the
# batch's choice is not trusted and the token is evaluated alone, as plain decoding does.
NEAR_TIE = 0.5
SAVED_PREFIXES = 4  # fixed prompt beginnings kept per worker (about 13 MB each for 1.5B)


class Cancelled(Exception):
    pass


@dataclass
class RunStats:
    prompt_tokens: int = 0  # tokens evaluated to read prompts (restored prefixes not counted)
    reused_tokens: int = 0  # prompt tokens restored from a saved prefix instead
    generated_tokens: int = 0
    prompt_seconds: float = 0.0
    first_token_seconds: float = 0.0
    total_seconds: float = 0.0
    generation_seconds: float = 0.0  # spent evaluating written tokens (and checking drafts)
    drafted_tokens: int = 0
    accepted_tokens: int = 0  # drafted tokens that the model confirmed
    passes: list = field(default_factory=list)  # [prompt tokens, generated tokens] per pass

    @property
    def generation_rate(self) -> float:
        seconds = self.total_seconds - self.first_token_seconds
        return self.generated_tokens / seconds if seconds > 0 else 0.0


# About 256 tokens for a 1.5B model: two seconds on 2 cores, as fast as full batches; 128
# read 4% slower, slices under 64 tokens about 20% slower.
def slice_tokens(n_params: int) -> int:
    size = 256 * 1.5e9 / max(n_params, 1)
    return int(min(BATCH, max(32, 2 ** round(math.log2(size)))))


class Decoder:
    """One pass of the model: `read` a prompt, then `next` / `accept` token by token.

    `stats` and `start` (a perf_counter time) are shared by the passes of one summary."""

    def __init__(self, model: LocalModel, stats: RunStats, start: float,
                 should_stop: Callable[[], bool], speculative: bool = False):
        self.model = model
        self.stats = stats
        self.start = start
        self.should_stop = should_stop
        self.speculative = speculative
        self.tokens: list[int] = []  # the context so far: prompt, form text and answer
        # The model's next tokens, already checked: ahead[0] comes next. All but the last
        # are in the model's context already (a confirmed draft).
        self._ahead: list[int] = []
        self._fresh = False  # whether the last decode's last logits gave ahead[-1]
        self._seen: dict[tuple[int, ...], int] = {}  # DRAFT_MATCH tokens -> where they ended
        self._indexed = 0

    @property
    def n_past(self) -> int:
        return len(self.tokens)

    def read(self, prompt: list[int], fixed: int = 0,
             progress: Callable[[int, int], None] | None = None, only_fixed: bool = False) -> None:
        """Evaluate the prompt. Its first `fixed` tokens are the same in every prompt of its
        kind: their evaluated state is saved and restored next time.
        `only_fixed`: read just that beginning and save it (to have it ready)."""
        t0 = time.perf_counter()
        size = slice_tokens(self.model.n_params)
        # The slices restart at the fixed beginning's end, whether or not it is restored, so a
        # prompt is always evaluated in the same batches (and rounded the same way).
        keep = min(fixed, len(prompt) - 1)
        cuts = [*range(0, keep, size), *range(keep, len(prompt), size), len(prompt)]
        saved = self.model.saved_prefixes
        key = tuple(prompt[:keep])
        start = 0
        if saved is not None and keep and key in saved:
            self.model.load_state(saved[key])
            saved[key] = saved.pop(key)  # most recently used last
            start = keep
            if only_fixed:
                return
        else:
            self.model.reset()
        for a, b in zip(cuts, cuts[1:]):
            if a < start:
                continue
            if self.should_stop():
                raise Cancelled
            self.model.decode(prompt[a:b], a)
            if b == keep and saved is not None:
                saved[key] = self.model.save_state()
                while len(saved) > SAVED_PREFIXES:
                    saved.pop(next(iter(saved)))
                if only_fixed:
                    return
            if progress:
                progress(b - start, len(prompt) - start)
        self.tokens = list(prompt)
        self._seen, self._indexed = {}, 0
        self._predict()
        self.stats.prompt_tokens += len(prompt) - start
        self.stats.reused_tokens += start
        self.stats.prompt_seconds += time.perf_counter() - t0
        self.stats.passes.append([len(prompt), 0])


    def next(self, avoid_words: set[str] | None = None) -> int:
        """The model's most likely next token (with `avoid_words`: see LocalModel.greedy)."""
        if self.should_stop():
            raise Cancelled
        if avoid_words:
            if not (self._fresh and len(self._ahead) == 1):
                self.rewind(self.n_past)  # the logits for this very position
            return self.model.greedy(avoid_words)
        return self._ahead[0]

    def accept(self, token: int) -> None:
        """Add the model's token to the answer."""
        t0 = time.perf_counter()
        self._accept(token)
        self.stats.generation_seconds += time.perf_counter() - t0

    def _accept(self, token: int) -> None:
        self.stats.generated_tokens += 1
        self.stats.passes[-1][1] += 1
        if self.stats.generated_tokens == 1:
            self.stats.first_token_seconds = time.perf_counter() - self.start
        if len(self._ahead) > 1 and token == self._ahead[0]:
            self.tokens.append(token)  # checked with a draft: already in the context
            self._ahead.pop(0)
            return
        self.model.forget(self.n_past)  # a checked draft that goes unused
        self.tokens.append(token)
        draft = self._draft() if self.speculative else []
        if not draft:
            self.model.decode([token], self.n_past - 1)
            self._predict()
            return
        self.model.decode([token, *draft], self.n_past - 1, all_logits=True)
        ahead, good = [], 0
        for row in range(len(draft) + 1):
            ahead.append(self.model.greedy(row=row))
            if self.model.best_two_gap(row) < NEAR_TIE or row == len(draft) or draft[row] != ahead[row]:
                break
            good += 1
        self.stats.drafted_tokens += len(draft)
        self.stats.accepted_tokens += good
        if self.model.best_two_gap(len(ahead) - 1) >= NEAR_TIE:
            self.model.forget(self.n_past + good)
            self._ahead, self._fresh = ahead, len(ahead) == len(draft) + 1
            return
        # A near tie: the token after the confirmed draft is chosen as plain decoding would.
        last = ([token, *draft])[good]
        self.model.forget(self.n_past - 1 + good)
        self.model.decode([last], self.n_past - 1 + good)
        self._ahead, self._fresh = ahead[:good] + [self.model.greedy()], True

    def feed(self, tokens: list[int]) -> None:
        """Add text the model did not write (the form's labels) to the context."""
        self.model.forget(self.n_past)
        for i in range(0, len(tokens), BATCH):
            self.model.decode(tokens[i:i + BATCH], self.n_past)
            self.tokens += tokens[i:i + BATCH]
        self._predict()

    def rewind(self, position: int) -> None:
        """Go back to the context's first `position` tokens, to write on from there."""
        self.model.forget(position - 1)
        self.tokens = self.tokens[:position]
        self.model.decode(self.tokens[-1:], position - 1)  # for the next token's logits
        self._predict()
        self._seen, self._indexed = {}, 0

    def _predict(self) -> None:
        """The next token from the last decode's last logits."""
        self._ahead, self._fresh = [self.model.greedy()], True

    def _draft(self) -> list[int]:
        """The tokens that followed the context's last DRAFT_MATCH tokens where they stood
        before (the latest such place), up to the end of a line."""
        n, tokens = DRAFT_MATCH, self.tokens
        for end in range(max(self._indexed, n), len(tokens)):
            self._seen[tuple(tokens[end - n:end])] = end
        self._indexed = max(self._indexed, len(tokens))
        end = self._seen.get(tuple(tokens[-n:]))
        if end is None:
            return []
        draft = []
        for token in tokens[end:end + DRAFT_TOKENS]:
            if b"\n" in self.model.piece(token) or self.model.is_end(token):
                break
            draft.append(token)
        return draft


def shared_start(a: list[int], b: list[int]) -> int:
    """How many first tokens two prompts share."""
    return next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
