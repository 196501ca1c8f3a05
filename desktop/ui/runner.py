"""The engine on a background thread, reporting to the GUI thread by signals only."""

from __future__ import annotations

import queue
import threading

from PySide6.QtCore import QObject, Signal

from desktop.core import models
from desktop.core.engine import (
    Checking, Done, Engine, EngineError, Loaded, Loading, ModelLoadFailed, Part, Reading, Stopped,
    Text,
)
from desktop.core.summary import MalformedOutput


class EngineRunner(QObject):
    """Runs load and summarize jobs one after another; the engine never touches a widget."""

    model_loading = Signal(str)
    model_ready = Signal(object)  # ModelFile
    model_failed = Signal(str)
    started = Signal()
    part = Signal(int, int)  # part number (0: joining the parts), parts
    reading = Signal(int, int)
    text = Signal(str)  # the answer so far
    checking = Signal(int, int)  # second pass: step, of how many
    finished = Signal(object)  # engine.Done
    stopped = Signal()
    failed = Signal(str)

    def __init__(self, engine=None, parent=None):
        super().__init__(parent)
        self.engine = engine or Engine()
        self._jobs: queue.Queue = queue.Queue()
        # Stop applies to one summary, even while it still waits behind a model load.
        self._lock = threading.Lock()
        self._last_run = 0  # the newest summary asked for
        self._running = 0  # the summary the engine runs now (0: none)
        self._stopped: set[int] = set()
        self._thread = threading.Thread(target=self._loop, name="engine-runner", daemon=True)
        self._thread.start()

    def load(self, choice: str) -> None:
        self._jobs.put(("load", choice, None, None, 0))

    def summarize(self, text: str, choice: str, language: str | None = None) -> None:
        self.started.emit()
        self._last_run += 1
        self._jobs.put(("summarize", choice, text, language, self._last_run))

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
            kind, choice, text, language, run = job
            with self._lock:
                if run in self._stopped:
                    self.stopped.emit()
                    continue
                self._running = run
            try:
                self._run(kind, choice, text, language)
            finally:
                with self._lock:
                    self._running = 0
                    self.engine.clear_stop()  # a Stop that came as the run ended

    def _run(self, kind, choice, text, language) -> None:
        try:
            model = models.resolve(choice)
        except models.ModelError as exc:
            self.model_failed.emit(str(exc))
            if kind == "summarize":
                self.failed.emit(str(exc))
            return
        try:
            for event in (self.engine.load(model) if kind == "load"
                          else self.engine.summarize(text, model, language)):
                self._emit(event)
        except ModelLoadFailed as exc:
            self.model_failed.emit(str(exc))
            if kind == "summarize":
                self.failed.emit(str(exc))
        except MalformedOutput as exc:
            self.failed.emit(f"The model's answer could not be used: {exc}")
        except EngineError as exc:
            self._fail(kind, str(exc))
        except Exception as exc:  # never leave the window waiting for an answer
            self._fail(kind, f"Unexpected error: {type(exc).__name__}: {exc}")

    def _fail(self, kind: str, message: str) -> None:
        if kind == "load":
            self.model_failed.emit(message)
        else:
            self.failed.emit(message)

    def _emit(self, event) -> None:
        if isinstance(event, Loading):
            self.model_loading.emit(event.model.label)
        elif isinstance(event, Loaded):
            self.model_ready.emit(event.model)
        elif isinstance(event, Part):
            self.part.emit(event.number, event.parts)
        elif isinstance(event, Reading):
            self.reading.emit(event.done, event.total)
        elif isinstance(event, Text):
            self.text.emit(event.answer)
        elif isinstance(event, Checking):
            self.checking.emit(event.done, event.total)
        elif isinstance(event, Done):
            self.finished.emit(event)
        elif isinstance(event, Stopped):
            self.stopped.emit()
