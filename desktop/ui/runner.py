"""The engine on a background thread, reporting to the GUI thread by signals only."""

from __future__ import annotations

import logging
import queue
import threading
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from desktop.core.engine import Engine, EngineError, ModelLoadFailed, Stopped, resolve
from desktop.core.input.article import Article
from desktop.core.input.clean import Cleaned
from desktop.core.input.read import Source
from desktop.core.model import registry as models
from desktop.core.model.server import Server
from desktop.core.writing.prompts import STANDARD, Length

log = logging.getLogger(__name__)


@dataclass
class Request:
    """An article as the window has it: its text (as edited), and what reading the page or
    file told about it. The article is read (`Article.build`) on the runner's thread."""

    text: str
    source: Source
    cleaned: Cleaned

    def article(self) -> Article:
        return Article.build(self.text, self.source, self.cleaned)


@dataclass
class Started:
    """A summary was asked for (it may still wait behind a model load)."""


@dataclass
class ReadingAhead:
    """An article is being read ahead."""


@dataclass
class ModelFailed:
    """The model could not be loaded or reached."""

    message: str


@dataclass
class Failed:
    """The summary failed; the message is for the user."""

    message: str


class EngineRunner(QObject):
    """Runs load, configure, read-ahead and summarize jobs one after another; the engine never touches a
    widget. Reading ahead is the least of them: a newer one, or a summary, ends it (what it
    read is kept).

    It reports by one signal, `event`, carrying the engine's own events (Loading, Loaded,
    Part, Reading, Draft, Checking, Prepared, Done, Stopped) and its own (Started, ReadingAhead,
    ModelFailed, Failed), on the GUI thread's side of a queued connection."""

    event = Signal(object)

    def __init__(self, engine=None, parent=None):
        super().__init__(parent)
        self.engine = engine or Engine()
        self._jobs: queue.Queue = queue.Queue()
        # Stop applies to one summary, even while it still waits behind a model load.
        self._lock = threading.Lock()
        self._last_run = 0  # the newest summary asked for
        self._running = 0  # the summary the engine runs now (0: none)
        self._stopped: set[int] = set()
        self._ahead = 0  # the newest read-ahead asked for; older ones are stale
        self._reading_ahead = False
        self._thread = threading.Thread(target=self._loop, name="engine-runner", daemon=True)
        self._thread.start()

    def load(self, choice: "str | Server") -> None:
        self._jobs.put(("load", choice, None, None, 0))

    def configure(self, threads: int, reuse_answers: bool) -> None:
        """Use `threads` CPU threads (0: all) and keep stored answers or not, from the next
        job on: a summary running now ends with what it began with."""
        self._jobs.put(("configure", (threads, reuse_answers), None, None, 0))

    def unload(self) -> None:
        """Let the model's worker go (its memory with it), after the jobs before this one; the
        next job loads the model again."""
        self._jobs.put(("unload", None, None, None, 0))

    def read_ahead(self, request: Request, choice: "str | Server", language: str | None = None,
                   length: Length = STANDARD) -> None:
        """Read the article now, so that its summary writes at once when asked for."""
        with self._lock:
            self._ahead += 1
            if self._reading_ahead:
                self.engine.cancel()  # the older one stops; the newer one goes on from it
            self._jobs.put(("ahead", choice, request, (language, length), -self._ahead))

    def summarize(self, request: Request, choice: "str | Server", language: str | None = None,
                  length: Length = STANDARD) -> None:
        self.event.emit(Started())
        with self._lock:
            self._last_run += 1
            self._ahead += 1  # no reading ahead is wanted any more
            if self._reading_ahead:
                self.engine.cancel()
            self._jobs.put(("summarize", choice, request, (language, length), self._last_run))

    def stop(self) -> None:
        """Stop the newest summary: now if it runs, before it starts if it waits."""
        with self._lock:
            self._stopped.add(self._last_run)
            if self._running == self._last_run:
                self.engine.cancel()

    def shutdown(self) -> None:
        self.engine.cancel()
        self._jobs.put(None)
        self._thread.join(timeout=10)
        self.engine.close()

    def _loop(self) -> None:
        while (job := self._jobs.get()) is not None:
            kind, choice, request, settings, run = job
            with self._lock:
                if run < 0 and -run != self._ahead:
                    continue  # a read-ahead of text that has changed since, or was summarized
                if run > 0 and run in self._stopped:
                    self.event.emit(Stopped())
                    continue
                self._running = run
                self._reading_ahead = run < 0
            try:
                self._run(kind, choice, request, settings)
            finally:
                with self._lock:
                    self._running = 0
                    self._reading_ahead = False
                    self.engine.clear_stop()  # a Stop that came as the run ended

    def _run(self, kind, choice, request, settings) -> None:
        """Run one job; `settings`: the summary's language and length."""
        if kind == "unload":
            self.engine.close()
            return
        if kind == "configure":
            threads, self.engine.reuse_answers = choice
            self.engine.set_threads(threads)
            return
        try:
            model = resolve(choice)
        except Exception as exc:  # a name that is no file, a permission error: never fatal here
            message = str(exc) if isinstance(exc, models.ModelError) else \
                f"The model {choice!r} cannot be used: {type(exc).__name__}: {exc}"
            log.warning("model %r: %s", choice, message)
            self._model_failed(kind, message)
            return
        try:
            if kind == "load":
                events = self.engine.load(model)
            elif kind == "ahead":
                self.event.emit(ReadingAhead())
                events = self.engine.prepare(request.article(), model, *settings)
            else:
                events = self.engine.summarize(request.article(), model, *settings)
            for event in events:
                if kind == "ahead" and isinstance(event, Stopped):
                    continue  # a read-ahead ended for a newer job: no one stopped anything
                self.event.emit(event)
        except ModelLoadFailed as exc:
            log.warning("model load failed: %s", exc)
            self._model_failed(kind, str(exc))
        except EngineError as exc:
            log.warning("%s failed: %s", kind, exc)
            self._fail(kind, str(exc))
        except Exception as exc:  # never leave the window waiting for an answer
            log.exception("%s failed unexpectedly", kind)
            self._fail(kind, f"Unexpected error: {type(exc).__name__}: {exc}")

    def _model_failed(self, kind: str, message: str) -> None:
        self.event.emit(ModelFailed(message))
        if kind == "summarize":
            self.event.emit(Failed(message))

    def _fail(self, kind: str, message: str) -> None:
        if kind == "summarize":
            self.event.emit(Failed(message))
        elif kind == "load":
            self.event.emit(ModelFailed(message))
        # a failed read-ahead only costs the head start: the summary will say what is wrong
