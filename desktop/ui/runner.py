"""The engine on a background thread, reporting to the GUI thread by signals only."""

from __future__ import annotations

import queue
import threading

from PySide6.QtCore import QObject, Signal

from desktop.core import models
from desktop.core.engine import (
    Done, Engine, EngineError, Loaded, Loading, ModelLoadFailed, Part, Reading, Stopped, Text,
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
    finished = Signal(object)  # engine.Done
    stopped = Signal()
    failed = Signal(str)

    def __init__(self, engine=None, parent=None):
        super().__init__(parent)
        self.engine = engine or Engine()
        self._jobs: queue.Queue = queue.Queue()
        self._thread = threading.Thread(target=self._loop, name="engine-runner", daemon=True)
        self._thread.start()

    def load(self, choice: str) -> None:
        self._jobs.put(("load", choice, None, None))

    def summarize(self, text: str, choice: str, language: str | None = None) -> None:
        self.started.emit()
        self._jobs.put(("summarize", choice, text, language))

    def stop(self) -> None:
        self.engine.cancel()

    def shutdown(self) -> None:
        self.engine.cancel()
        self._jobs.put(None)
        self._thread.join(timeout=10)
        self.engine.close()

    def _loop(self) -> None:
        while (job := self._jobs.get()) is not None:
            kind, choice, text, language = job
            try:
                model = models.resolve(choice)
            except models.ModelError as exc:
                self.model_failed.emit(str(exc))
                if kind == "summarize":
                    self.failed.emit(str(exc))
                continue
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
                self.failed.emit(str(exc))
            except Exception as exc:  # never leave the window waiting for an answer
                message = f"Unexpected error: {type(exc).__name__}: {exc}"
                self.model_failed.emit(message) if kind == "load" else self.failed.emit(message)

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
        elif isinstance(event, Done):
            self.finished.emit(event)
        elif isinstance(event, Stopped):
            self.stopped.emit()
