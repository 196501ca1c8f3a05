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
from desktop.core.article import word_count
from desktop.core.decoding import Decoder, RunStats, shared_start
from desktop.core.llm import LocalModel
from desktop.core.text import NOT_AN_END

# Token budgets per field; together they are the room the answer needs in the context.
TITLE_TOKENS = 48
SUMMARY_TOKENS = 320
POINT_TOKENS = 96
ANSWER_TOKENS = TITLE_TOKENS + SUMMARY_TOKENS + prompts.MAX_POINTS * POINT_TOKENS + 64

SUMMARY_SENTENCES = 5
POINT_SENTENCES = 1
# Greedy decoding can loop. When the model repeats a run of this many tokens from earlier in
# the summary (or the key points), the repeating sentence is taken back and the summary ends;
# a repeating key point is taken back, and the list ends or, when it has too few points, the
# point is begun again with another first word (a few times at most).
REPEAT_TOKENS = 8
POINT_RETRIES = 3

# A sentence ends with . ! or ? (maybe inside quotes or brackets), not after an initial such
# as the "S." in "U.S." nor after a title such as "Mr." or "Sen."; the writer checks this
# when the next word begins.
SENTENCE_END = re.compile(NOT_AN_END + r"[.!?][\"”’')\]]*$")


class FormWriter:
    """One pass of the model over one prompt, filling in one answer form."""

    def __init__(self, decoder: Decoder, emit: Callable[..., None]):
        self.decoder = decoder
        self.model = decoder.model
        self.emit = emit
        self.answer = ""  # the form as filled in so far: labels and values
        self._pending = ""  # text the model wrote in the token that also held a line break

    def run(self, prompt: list[int], fixed: int = 0) -> str:
        """Fill in the form after these prompt tokens (see `form_prompt`), whose first `fixed`
        are the same for every prompt of this kind; return the answer."""
        self.decoder.read(prompt, fixed, lambda done, total: self.emit("reading", done, total))
        self._show(prompts.TITLE_LABEL)

        self._write_line(TITLE_TOKENS, [])
        self._feed(f"\n{prompts.SUMMARY_LABEL}")
        self._write_line(SUMMARY_TOKENS, [], SUMMARY_SENTENCES)
        self._feed(f"\n{prompts.POINTS_LABEL}\n-")
        written: list[int] = []  # the tokens of all key points, to notice repeats
        avoid: set[str] = set()  # first words of key points taken back
        retries = 0
        points = 1
        while True:
            cut = self._write_line(POINT_TOKENS, written, POINT_SENTENCES, avoid)
            if cut is not None:
                # Enough points: the list ends. Too few: the point is begun anew, differently.
                # (Counted: the same cut can come back when its first word is not a token.)
                if points > prompts.MIN_POINTS or retries == POINT_RETRIES or not cut.split():
                    self._take_back(len(self.answer.rstrip("-").rstrip()), self.decoder.n_past)
                    break
                avoid.add(cut.split()[0].lower())
                retries += 1
                continue
            if points == prompts.MAX_POINTS:
                break
            self._feed("\n")
            token = self.decoder.next()
            piece = self.model.piece(token)
            if piece.lstrip().startswith(b"-"):
                self.decoder.accept(token)  # the model goes on with another point
                self._show(piece.decode("utf-8", errors="replace"))
            elif points < prompts.MIN_POINTS:
                self._feed("-")
            else:
                break
            points += 1
        if self._pending:  # the model's last words came in the token with its line break
            self._show(self._pending)
            self._pending = ""
        self.decoder.stats.total_seconds = time.perf_counter() - self.decoder.start
        return self.answer

    def _show(self, text: str) -> None:
        self.answer += text
        self.emit("text", text)

    def _feed(self, text: str) -> None:
        """Write the form's own text into the answer (and into the model's context)."""
        text = self._pending + text
        self._pending = ""
        self.decoder.feed(self.model.tokenize(text))
        self._show(text)

    def _take_back(self, length: int, position: int) -> str:
        """Cut the answer back to `length` characters and the context to `position`."""
        cut = self.answer[length:]
        self.answer = self.answer[:length]
        if position != self.decoder.n_past:  # else only the shown text goes (a dangling "-")
            self.decoder.rewind(position)
        self._pending = ""
        self.emit("cut", length)
        return cut

    def _write_line(self, max_tokens: int, written: list[int], max_sentences: int | None = None,
                    avoid_first: set[str] | None = None) -> str | None:
        """Let the model write one value until its first line break (kept back), its end
        token, the token budget or the sentence limit (the next sentence is not begun).

        `written` holds the tokens of this part so far; `avoid_first`, words the value may not
        begin with. When the model begins to repeat itself, the repeating sentence is taken
        back and returned; otherwise None.
        """
        decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        line = ""
        sentences = 0
        sentence = (len(self.answer), self.decoder.n_past, len(written))  # where it began
        for _ in range(max_tokens):
            token = self.decoder.next(None if line.strip() else avoid_first)
            if self.model.is_end(token):
                return None
            text = decoder.decode(self.model.piece(token))
            if not (line + text).strip():
                # The value begins on the next line: let the model put it there.
                self.decoder.accept(token)
                line += text
                self._show(text)
                continue
            if "\n" in text:
                # Keep what stands before the break; the form's next text follows it.
                self._pending = text.split("\n", 1)[0]
                return None
            if text[:1].isspace() and SENTENCE_END.search(line):
                sentences += 1
                if max_sentences is not None and sentences >= max_sentences:
                    return None
                sentence = (len(self.answer), self.decoder.n_past, len(written))
            self.decoder.accept(token)
            line += text
            written.append(token)
            self._show(text)
            if _repeats(written):
                del written[sentence[2]:]
                return self._take_back(sentence[0], sentence[1])
        return None


def _repeats(tokens: list[int]) -> bool:
    """Whether the last REPEAT_TOKENS tokens stand earlier in the list too."""
    n = REPEAT_TOKENS
    if len(tokens) < 2 * n:
        return False
    tail = tokens[-n:]
    return any(tokens[i:i + n] == tail for i in range(len(tokens) - n))


def form_prompt(model: LocalModel, messages: list[dict[str, str]]) -> list[int]:
    """The chat's tokens, ending with the form's first label, which the worker writes."""
    return (model.tokenize(model.chat_prompt(messages), whole_prompt=True)
            + model.tokenize(prompts.TITLE_LABEL))


def fixed_tokens(model: LocalModel, language: str | None = None) -> int:
    """How many first tokens every whole-article prompt shares (the rules and the example)."""
    return shared_start(form_prompt(model, prompts.messages("A", language)),
                        form_prompt(model, prompts.messages("B", language)))


def warm_up(model: LocalModel, should_stop: Callable[[], bool]) -> None:
    """Evaluate the whole-article prompt's fixed beginning now, so the first summary need not."""
    prompt = form_prompt(model, prompts.messages("A"))
    Decoder(model, RunStats(), time.perf_counter(), should_stop).read(
        prompt, fixed_tokens(model), only_fixed=True)


@dataclass
class Result:
    answer: str
    stats: RunStats
    parts: int  # how many passes of the model read the article itself
    coverage: float  # share of the article's words that the model read


def summarize(model: LocalModel, article: str, language: str | None,
              should_stop: Callable[[], bool], emit: Callable[..., None],
              speculative: bool = False) -> Result:
    """The whole article in one pass when it fits the context; otherwise its parts one by one
    (map), then their answers joined into one (reduce). Nothing is left out."""
    stats = RunStats()
    start = time.perf_counter()

    def one_pass(messages, fixed: int) -> str:
        decoder = Decoder(model, stats, start, should_stop, speculative)
        return FormWriter(decoder, emit).run(form_prompt(model, messages), fixed)

    room = model.n_ctx - ANSWER_TOKENS
    whole = form_prompt(model, prompts.messages(article, language))
    if len(whole) <= room:
        return Result(one_pass(prompts.messages(article, language), fixed_tokens(model, language)),
                      stats, 1, 1.0)

    overhead = len(form_prompt(model, prompts.part_messages("", 99, 99, language)))
    parts = split_parts(model, article, room - overhead)
    # What every part's prompt shares (up to "This is part"), and every joining prompt.
    part_fixed = shared_start(form_prompt(model, prompts.part_messages("A", 1, 2, language)),
                              form_prompt(model, prompts.part_messages("B", 3, 4, language)))
    fixed = shared_start(form_prompt(model, prompts.combine_messages(["A"], language)),
                         form_prompt(model, prompts.combine_messages(["B"], language)))
    answers = []
    for number, part in enumerate(parts, 1):
        emit("part", number, len(parts))
        emit("cut", 0)  # each pass's answer shows while it is written, then makes way
        messages = prompts.part_messages(part, number, len(parts), language)
        answers.append(one_pass(messages, part_fixed))
    while True:
        emit("part", 0, len(parts))  # 0: joining the parts
        emit("cut", 0)
        combine = prompts.combine_messages(answers, language)
        if len(form_prompt(model, combine)) <= room:
            answer = one_pass(combine, fixed)
            break
        # So many parts that their answers do not fit at once: join them in groups first.
        overhead = len(form_prompt(model, prompts.combine_messages([""], language)))
        groups = split_parts(model, "\n\n".join(answers), room - overhead)
        answers = [one_pass(prompts.combine_messages([group], language), fixed) for group in groups]
    read = sum(word_count(part) for part in parts)
    return Result(answer, stats, len(parts), round(read / max(1, word_count(article)), 4))


def split_parts(model: LocalModel, text: str, budget: int) -> list[str]:
    """Consecutive parts of at most `budget` tokens, cut between paragraphs where possible,
    else between sentences, else between words."""
    parts: list[str] = []
    current: list[str] = []
    used = 0
    for piece in _pieces(model, text, budget):
        size = len(model.tokenize(piece)) + 2  # and the blank line between pieces
        if current and used + size > budget:
            parts.append("\n\n".join(current))
            current, used = [], 0
        current.append(piece)
        used += size
    if current:
        parts.append("\n\n".join(current))
    return parts


def _pieces(model: LocalModel, text: str, budget: int):
    for paragraph in (p.strip() for p in re.split(r"\n+", text)):
        if not paragraph:
            continue
        if len(model.tokenize(paragraph)) + 2 <= budget:
            yield paragraph
            continue
        for sentence in re.split(r"(?<=[.!?])\s+", paragraph):
            if len(model.tokenize(sentence)) + 2 <= budget:
                yield sentence
                continue
            words = sentence.split()
            step = max(1, budget // 3)  # a word is rarely more than 3 tokens
            yield from (" ".join(words[i:i + step]) for i in range(0, len(words), step))
