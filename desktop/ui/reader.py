"""Reading and cleaning an article off the GUI thread: a 50 MB page or a long PDF must not
freeze the window. Results come back to the GUI thread by signal."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from desktop.core.input import read
from desktop.core.input.fetch import fetch
from desktop.core.input.clean import clean


class ArticleReader(QObject):
    """Reads one article at a time; a newer request makes an older result stale."""

    ready = Signal(object, object, str)  # Source, Cleaned, where it came from ("" for a paste)
    failed = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._latest = 0
        self._lock = threading.Lock()

    def read_file(self, path: Path) -> None:
        self._start(lambda: read.read(path), str(path))

    def read_link(self, url: str) -> None:
        self._start(lambda: fetch(url), url)

    def read_paste(self, html: str, text: str) -> None:
        self._start(lambda: read.from_paste(html, read.normalize(text)), "")

    def _start(self, work, origin: str) -> None:
        with self._lock:
            self._latest += 1
            number = self._latest
        threading.Thread(target=self._run, args=(work, origin, number), daemon=True,
                         name="article-reader").start()

    def _run(self, work, origin: str, number: int) -> None:
        try:
            source = work()
            cleaned = clean(read.normalize(source.text))
        except read.ArticleError as exc:
            message = str(exc)
        except Exception as exc:  # never a silent failure: the user sees what went wrong
            message = f"{Path(origin).name or 'The pasted text'}: could not be read ({type(exc).__name__}: {exc})"
        else:
            if number == self._latest:
                self.ready.emit(source, cleaned, origin)
            return
        if number == self._latest:
            self.failed.emit(message)
