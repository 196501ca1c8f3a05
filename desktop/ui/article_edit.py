"""The article pane: a plain text editor that hands whole pasted pages and dropped files on."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, Signal
from PySide6.QtWidgets import QPlainTextEdit


class ArticleEdit(QPlainTextEdit):
    """Pasting over the whole article (or into an empty pane) emits `article_pasted` with the
    clipboard's HTML and plain text, for the window to extract and clean; smaller pastes are
    ordinary edits. Dropped files emit `file_dropped`; a link dropped from a browser (or a
    pasted address alone) emits `link_dropped`: the page is fetched on that request only."""

    article_pasted = Signal(str, str)  # html ("" when none), plain text
    file_dropped = Signal(Path)
    link_dropped = Signal(str)

    def _replaces_everything(self) -> bool:
        cursor = self.textCursor()
        whole = self.toPlainText()
        return not whole.strip() or (cursor.selectionStart() == 0 and cursor.selectionEnd() == len(whole))

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        return source.hasUrls() or super().canInsertFromMimeData(source)

    def insertFromMimeData(self, source: QMimeData) -> None:
        files = [Path(url.toLocalFile()) for url in source.urls() if url.isLocalFile()]
        links = [url.toString() for url in source.urls() if url.scheme() in ("http", "https")]
        if files:
            self.file_dropped.emit(files[0])
        elif links and self._replaces_everything():
            self.link_dropped.emit(links[0])
        elif self._replaces_everything() and (source.hasHtml() or source.hasText()):
            self.article_pasted.emit(source.html() if source.hasHtml() else "", source.text())
        else:
            super().insertFromMimeData(source)

    def replace_all(self, text: str) -> None:
        """Replace the whole text as one edit, so that Undo brings back what was there."""
        cursor = self.textCursor()
        cursor.beginEditBlock()
        cursor.select(cursor.SelectionType.Document)
        cursor.insertText(text)
        cursor.endEditBlock()
        self.moveCursor(cursor.MoveOperation.Start)
