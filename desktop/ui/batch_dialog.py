"""File > Summarize Folder…: a folder's articles made into notes, with a list of how each went."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QLabel, QListWidget, QListWidgetItem, QProgressBar, QPushButton,
    QVBoxLayout,
)

from desktop.core import batch
from desktop.core.engine import EngineError


class _Signals(QObject):
    item_done = Signal(object, object)  # batch.Item, its report line (None: made before)
    finished = Signal(str)  # what went wrong; "" when the batch ran to its end or was stopped


class BatchDialog(QDialog):
    """Runs a `batch.Batch` on a thread of its own; the list shows each article as it ends.
    Stop ends it (what was made stays, and a later run goes on from there)."""

    def __init__(self, run: batch.Batch, parent=None):
        super().__init__(parent)
        self.run = run
        self.setWindowTitle("Summarize Folder")
        self.resize(640, 420)
        self.items = QListWidget()
        self.items.setAccessibleName("Articles")
        self._rows: dict[str, QListWidgetItem] = {}
        for item in run.items:
            row = QListWidgetItem(f"…  {Path(item.source).name}")
            row.setToolTip(item.source)
            self.items.addItem(row)
            self._rows[item.source] = row
        self.progress = QProgressBar()
        self.progress.setRange(0, len(run.items))
        self.progress.setValue(0)
        self.progress.setFormat("%v of %m articles")
        self.status = QLabel(f"Notes go to {run.out}")
        self.status.setWordWrap(True)
        self.stop_button = QPushButton("S&top")
        self.open_button = QPushButton("&Open Notes Folder")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.addButton(self.stop_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        self.stop_button.clicked.connect(self.stop)
        self.open_button.clicked.connect(self.open_folder)
        layout = QVBoxLayout(self)
        layout.addWidget(self.items)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.signals = _Signals(self)
        self.signals.item_done.connect(self._on_item_done)
        self.signals.finished.connect(self._on_finished)
        self.done_count = self.made = self.failed = self.skipped = 0
        self.running = False

    def start(self) -> None:
        self.running = True
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setEnabled(False)

        def work() -> None:
            try:
                self.run.run(lambda item, entry: self.signals.item_done.emit(item, entry))
            except EngineError as exc:  # the model cannot be loaded, or the server reached
                self.signals.finished.emit(str(exc))
                return
            except Exception as exc:  # never leave the dialog waiting
                self.signals.finished.emit(f"Unexpected error: {type(exc).__name__}: {exc}")
                return
            self.signals.finished.emit("")

        threading.Thread(target=work, daemon=True, name="batch").start()

    @Slot(object, object)
    def _on_item_done(self, item: batch.Item, entry: dict | None) -> None:
        row = self._rows[item.source]
        name = Path(item.source).name
        if entry is None:
            self.skipped += 1
            row.setText(f"✔  {name}: made before")
        elif entry["error"]:
            self.failed += 1
            row.setText(f"✘  {name}: {entry['error']}")
        else:
            self.made += 1
            row.setText(f"✔  {name}: {entry['title']}")
        self.done_count += 1
        self.progress.setValue(self.done_count)
        self.items.scrollToItem(row)

    @Slot(str)
    def _on_finished(self, problem: str) -> None:
        # The articles' signals came before this one: the counts are whole.
        self.running = False
        stopped = "Stopped. " if self.run.stopped else ""
        self.status.setText(problem or f"{stopped}{self.made} note(s) made, {self.skipped} made before, "
                                       f"{self.failed} failed. Report: {self.run.out / batch.REPORT}")
        self.stop_button.setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setEnabled(True)

    @Slot()
    def stop(self) -> None:
        self.status.setText("Stopping… the notes made so far stay.")
        self.stop_button.setEnabled(False)
        self.run.stop()

    @Slot()
    def open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.run.out)))

    def reject(self) -> None:
        if self.running:  # Esc or the window's close button while it runs: stop first
            self.stop()
            return
        super().reject()
