"""History (Ctrl+H): the notes made before, searched as you type; one opens in the window as
it was, or is summarized again; one or all can be deleted."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog, QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, QMessageBox, QPushButton, QSplitter,
    QTextBrowser, QVBoxLayout,
)

from desktop.core.history import Entry, History
from desktop.core.note.markdown import readable


def _when(created: str) -> str:
    try:
        return datetime.fromisoformat(created).strftime("%d %b %Y, %H:%M")
    except ValueError:
        return created


class HistoryDialog(QDialog):
    open_requested = Signal(object)  # Entry, whole
    summarize_requested = Signal(object)  # Entry, whole
    deleted = Signal(object)  # the ids of the notes deleted (None: all)

    def __init__(self, history: History, enabled: bool = True, parent=None):
        super().__init__(parent)
        self.history = history
        self.setWindowTitle("History")
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText("Search titles, articles and notes")
        self.search_edit.setAccessibleName("Search the history")
        self.search_edit.setClearButtonEnabled(True)
        self.list = QListWidget()
        self.list.setAccessibleName("Notes made before")
        self.list.setAlternatingRowColors(True)
        self.preview = QTextBrowser()
        self.preview.setAccessibleName("The chosen note")
        self.preview.setOpenLinks(False)
        self.count_label = QLabel()
        self.off_label = QLabel("History is off (Preferences): new notes are not kept.")
        self.off_label.setVisible(not enabled)
        self.open_button = QPushButton("&Open")
        self.open_button.setDefault(True)
        self.again_button = QPushButton("Summarize &Again")
        self.delete_button = QPushButton("&Delete")
        self.clear_button = QPushButton("Delete A&ll…")
        close_button = QPushButton("Close")
        for button, tip in ((self.open_button, "Show this article and its note in the window, as they were"),
                            (self.again_button, "Put this article in the window and summarize it with "
                                                "today's model and settings"),
                            (self.delete_button, "Delete this note from the history (Del)"),
                            (self.clear_button, "Delete every note and stored answer")):
            button.setToolTip(tip)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.list)
        splitter.addWidget(self.preview)
        splitter.setSizes([440, 460])
        buttons = QHBoxLayout()
        buttons.addWidget(self.count_label, 1)
        for button in (self.clear_button, self.delete_button, self.again_button, self.open_button, close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.off_label)
        layout.addWidget(self.search_edit)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        self.resize(900, 560)

        self._search_timer = QTimer(self, singleShot=True, interval=150)
        self._search_timer.timeout.connect(self.refresh)
        self.search_edit.textChanged.connect(self._search_timer.start)
        self.search_edit.returnPressed.connect(self.list.setFocus)
        self.list.currentItemChanged.connect(self._show_current)
        self.list.itemActivated.connect(self.open_current)
        self.open_button.clicked.connect(self.open_current)
        self.again_button.clicked.connect(self.summarize_current)
        self.delete_button.clicked.connect(self.delete_current)
        self.clear_button.clicked.connect(self.delete_all)
        close_button.clicked.connect(self.close)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.list, self.delete_current,
                  context=Qt.ShortcutContext.WidgetShortcut)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self, self.search_edit.setFocus)
        self.refresh()

    @Slot()
    def refresh(self) -> None:
        """List the notes that match the search, keeping the chosen one chosen if it still is."""
        current = self.current_id()
        entries = self.history.search(self.search_edit.text())
        self.list.clear()
        for entry in entries:
            kind = entry.genre.get("kind", "")
            where = entry.source or "pasted"
            item = QListWidgetItem(f"{entry.title}\n{_when(entry.created)} · {kind} · {entry.model} · {where}")
            item.setData(Qt.ItemDataRole.UserRole, entry.id)
            item.setToolTip(entry.source or "Pasted text")
            self.list.addItem(item)
            if entry.id == current:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        query = self.search_edit.text().strip()
        self.count_label.setText(f"{len(entries)} note(s)" + (f" match “{query}”" if query else ""))
        self._show_current()

    def current_id(self) -> int | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _current_entry(self) -> Entry | None:
        entry_id = self.current_id()
        return self.history.get(entry_id) if entry_id is not None else None

    @Slot()
    def _show_current(self) -> None:
        entry = self._current_entry()
        for button in (self.open_button, self.again_button, self.delete_button):
            button.setEnabled(entry is not None)
        self.clear_button.setEnabled(self.list.count() > 0 or bool(self.search_edit.text()))
        if entry is None:
            self.preview.setPlainText("No notes yet: every summary you make is kept here."
                                      if not self.search_edit.text() else "No note matches.")
            return
        self.preview.setMarkdown(readable(entry.note))

    @Slot()
    def open_current(self) -> None:
        entry = self._current_entry()
        if entry is not None:
            self.open_requested.emit(entry)

    @Slot()
    def summarize_current(self) -> None:
        entry = self._current_entry()
        if entry is not None:
            self.summarize_requested.emit(entry)

    @Slot()
    def delete_current(self) -> None:
        entry_id = self.current_id()
        if entry_id is None:
            return
        row = self.list.currentRow()
        self.history.delete(entry_id)
        self.deleted.emit([entry_id])
        self.refresh()
        if self.list.count():
            self.list.setCurrentRow(min(row, self.list.count() - 1))

    @Slot()
    def delete_all(self) -> None:
        if QMessageBox.question(
                self, "Delete the whole history?",
                "Every note in the history, with its article, and every stored answer will be deleted. "
                "Notes you saved as files stay.",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No) != QMessageBox.StandardButton.Yes:
            return
        self.history.clear()
        self.deleted.emit(None)
        self.search_edit.clear()
        self.refresh()
