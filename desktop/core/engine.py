"""The summarization engine: the model in a worker process, driven from plain Python.

`Engine.summarize` is a generator of events that the CLI prints and the GUI turns into
signals. The worker keeps the model loaded between runs; if it dies (a native crash, out of
memory, a kill) the run fails with `WorkerDied` and the next run starts a fresh worker.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import time
from dataclasses import dataclass, replace
from typing import Iterator

from desktop.core import answers, worker
from desktop.core.input.article import Article
from desktop.core.model import CONTEXT_VARIABLE, registry
from desktop.core.model.registry import ModelFile
from desktop.core.model.server import Server
from desktop.core.pipeline import Result, from_data
from desktop.core.writing.prompts import STANDARD, Length

log = logging.getLogger(__name__)

# How long a worker may take to honour Stop before it is killed (and respawned next run).
STOP_GRACE_SECONDS = 8.0


class EngineError(Exception):
    """A run failed; the message is meant for the user."""


class ModelLoadFailed(EngineError):
    pass


class WorkerDied(EngineError):
    pass


# What runs the model: a local GGUF file, or a model behind an OpenAI-compatible server.
ModelChoice = ModelFile | Server


def resolve(choice: "str | Server") -> ModelChoice:
    """A registry name or GGUF path as a model file (fetched, verified), or the server given."""
    return choice if isinstance(choice, Server) else registry.resolve(choice)


def identity(model: ModelChoice) -> str:
    """What tells one model from another for stored answers and batches: a file's hash, a
    server's address and model name (learned when it connects)."""
    return model.sha256 if isinstance(model, ModelFile) else f"{model.base} {model.model}"


def _summarized(article: Article, result: Result) -> Article:
    """The article as it was summarized: of the genre the model read in it, if it did."""
    return replace(article, genre=result.genre) if result.genre and result.genre != article.genre else article


@dataclass
class Loading:
    model: ModelChoice


@dataclass
class Loaded:
    model: ModelChoice
    n_ctx: int
    seconds: float


@dataclass
class Part:
    """A long article is read in parts: part `number` of `parts` begins (0: joining them)."""

    number: int
    parts: int


@dataclass
class Reading:
    done: int
    total: int


@dataclass
class Draft:
    """The answer as it is being written: its title, summary and key points so far."""

    title: str
    summary: str
    points: list[str]
    final: bool = True  # the article's summary (not that of a part, or of a group of parts)


@dataclass
class Checking:
    """The note is written; the model is asked whether the article says one of its sentences:
    question `number` (from 0) of `questions`. A Stop now keeps the note."""

    number: int
    questions: int


@dataclass
class Prepared:
    """The article was read ahead: its summary begins writing at once."""


@dataclass
class Done:
    result: Result  # the summary, its review against the article, and the run's figures
    model: ModelChoice
    article: Article  # what was summarized
    reused: bool = False  # the answer of an earlier run of the same text and settings
    answer: str = ""  # the key it is stored under ("" when answers are not stored)

    @property
    def summary(self):
        return self.result.summary

    @property
    def review(self):
        return self.result.review

    @property
    def stats(self):
        return self.result.stats


@dataclass
class Stopped:
    pass


def _describe_exit(code: int | None) -> str:
    if code is not None and code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        reason = {"SIGSEGV": "a crash in native code", "SIGKILL": "killed, perhaps out of memory",
                  "SIGABRT": "aborted by native code"}.get(name, "stopped by a signal")
        return f"{name}, {reason}"
    return f"exit code {code}"


class Engine:
    def __init__(self, reuse: bool = True, reuse_answers: bool = True, threads: int = 0):
        # Reused prompt beginnings and stored answers are on in the app; the benchmark and
        # tests turn them off to compare. Threads: 0 for as many as the CPUs.
        self._options = {"reuse": reuse, "threads": threads}
        self.reuse_answers = reuse_answers
        self._mp = multiprocessing.get_context("spawn")
        self._stop = self._mp.Event()
        self._proc = None
        self._conn = None
        self.model: ModelChoice | None = None  # the model the live worker has loaded
        self.chosen: ModelChoice | None = None  # the choice the live worker was given

    def set_threads(self, threads: int) -> None:
        """Use `threads` CPU threads (0: all) from the next load on; a model loaded with
        others is let go, to be loaded again when next needed."""
        if threads != self._options["threads"]:
            self._options["threads"] = threads
            if isinstance(self.chosen, ModelFile):
                self.close()

    @property
    def worker_pid(self) -> int | None:
        return self._proc.pid if self._proc is not None and self._proc.is_alive() else None

    def cancel(self) -> None:
        """Ask the running job to stop; safe to call from any thread."""
        self._stop.set()

    def clear_stop(self) -> None:
        self._stop.clear()

    def close(self) -> None:
        proc, conn = self._proc, self._conn
        self._proc = self._conn = None
        self.model = self.chosen = None
        if conn is not None:
            conn.close()
        if proc is not None:
            proc.join(timeout=2)
            if proc.is_alive():
                proc.kill()
                proc.join()

    def load(self, model: ModelChoice) -> Iterator[Loading | Loaded]:
        """Make sure a worker has this model loaded, or its server connected (nothing to do
        when it has)."""
        if model in (self.chosen, self.model) and self.worker_pid:
            return
        self.close()
        yield Loading(model)
        self._start_worker()
        if isinstance(model, Server):
            self._conn.send(("connect", model.url, model.model, model.key))
        else:
            self._conn.send(("load", str(model.path), {**self._options, "genre_odds": model.genre_odds,
                                                        "support_odds": model.support_odds}))
        message = self._receive()
        if message[0] == "cancelled":
            return
        if message[0] == "error":
            self.close()
            log.warning("model %s not loaded: %s", model.label, message[2])
            raise ModelLoadFailed(message[2])
        self.chosen = model
        # A server's model is recorded by the name the server gives it.
        self.model = Server(model.url, message[1]["description"], model.key) if isinstance(model, Server) \
            else model
        log.info("model %s ready in %.1f s (context %d)", self.model.label, message[1]["seconds"],
                 message[1]["n_ctx"])
        yield Loaded(self.model, message[1]["n_ctx"], message[1]["seconds"])

    def prepare(self, article: Article, model: ModelChoice, language: str | None = None,
                length: Length = STANDARD) -> Iterator:
        """Read the article ahead (Loading/Loaded, then Prepared or Stopped), so that its
        summary, asked for later, writes at once. Stop ends it; what was read is kept."""
        try:
            yield from self.load(model)
            if self._stop.is_set():
                yield Stopped()
                return
            self._conn.send(("prepare", article, language, length))
            message = self._receive()
            if message[0] == "prepared":
                yield Prepared()
            elif message[0] == "cancelled":
                yield Stopped()
            elif message[0] == "error":
                raise EngineError(f"The model failed: {message[2]}")
        finally:
            self._stop.clear()

    def summarize(self, article: Article, model: ModelChoice, language: str | None = None,
                  length: Length = STANDARD) -> Iterator:
        """Yield Loading/Loaded, Part, Reading and Draft events, then Done or Stopped. The
        summary is in the article's language, or in `language` when given, and as long as
        `length` asks. A Stop asked for during the run ends it; the request is forgotten when
        the run ends."""
        try:
            yield from self._summarize(article, model, language, length)
        finally:
            self._stop.clear()

    def _summarize(self, article: Article, model: ModelChoice, language: str | None, length: Length) -> Iterator:
        if isinstance(model, Server):
            yield from self.load(model)  # its model's name, which the stored answers go by
            if self._stop.is_set():
                yield Stopped()
                return
            model = self.model
        name = answers.key(article.text, identity(model), language, {
            "genre": article.genre.kind, "author": article.genre.author, "length": length.name,
            # the mark from which the model's reading of the genre is trusted
            "genre_odds": model.genre_odds if isinstance(model, ModelFile) else None,
            # the mark under which the model's answer that the article says a sentence is doubt
            "support_odds": model.support_odds if isinstance(model, ModelFile) else None,
            # a local model's context: a long article is read whole or in parts
            "context": os.environ.get(CONTEXT_VARIABLE) if isinstance(model, ModelFile) else None})
        stored = answers.load(name) if self.reuse_answers else None
        if stored is not None:
            try:
                result = from_data(stored)
            except (KeyError, TypeError, ValueError, AttributeError):
                pass  # not an answer this version can read: computed again, and replaced
            else:
                yield Done(result, model, _summarized(article, result), reused=True, answer=name)
                return
        yield from self.load(model)
        if self._stop.is_set():
            yield Stopped()
            return
        self._conn.send(("summarize", article, language, length))
        while True:
            message = self._receive()
            kind = message[0]
            if kind == "reading":
                yield Reading(message[1], message[2])
            elif kind == "part":
                yield Part(message[1], message[2])
            elif kind == "draft":
                yield Draft(**message[1])
            elif kind == "checking":
                yield Checking(message[1], message[2])
            elif kind == "done":
                result = from_data(message[1])
                if self.reuse_answers and result.checked:  # one stopped halfway is made again
                    answers.store(name, message[1])
                yield Done(result, self.model or model, _summarized(article, result),
                           answer=name if self.reuse_answers and result.checked else "")
                return
            elif kind == "cancelled":
                yield Stopped()
                return
            elif kind == "error":
                log.error("the model failed: %s\n%s", message[2], message[3] if len(message) > 3 else "")
                raise EngineError(f"The model failed: {message[2]}")

    def _start_worker(self) -> None:
        parent, child = self._mp.Pipe()
        self._proc = self._mp.Process(target=worker.main, args=(child, self._stop), daemon=True,
                                      name="neutral-brief-model")
        self._proc.start()
        child.close()  # so that the worker's death reaches us as end of file
        self._conn = parent

    def _receive(self):
        """The worker's next message; kills a worker that ignores Stop; notices a dead one."""
        stop_seen = None
        while True:
            try:
                if self._conn.poll(0.1):
                    return self._conn.recv()
                dead = not self._proc.is_alive()
            except (EOFError, OSError):
                dead = True
            if dead:
                self._conn.close()
                self._proc.join(timeout=2)
                code = self._proc.exitcode
                self._proc = self._conn = None
                self.model = self.chosen = None
                log.error("the model process stopped unexpectedly (%s)", _describe_exit(code))
                raise WorkerDied(f"The model process stopped unexpectedly ({_describe_exit(code)}). "
                                 "Your text is kept; the next run starts the model afresh.")
            if self._stop.is_set():
                stop_seen = stop_seen or time.monotonic()
                if time.monotonic() - stop_seen > STOP_GRACE_SECONDS:
                    self.close()
                    return ("cancelled",)
