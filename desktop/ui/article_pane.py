"""The article pane: the article's text, the bar that says what cleaning removed, a find bar,
and the evidence of a key point highlighted in the text."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QColor, QKeySequence, QPalette, QShortcut, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QHBoxLayout, QLabel, QLineEdit, QListWidget, QPushButton, QTextEdit, QToolButton, QVBoxLayout, QWidget,
)

from desktop.core.input.clean import Cleaned
from desktop.ui.article_edit import ArticleEdit


def evidence_format(palette: QPalette):
    """The look of evidence: the theme's selection colour, faint enough to read the theme's
    text on, and underlined, so that it is not told by colour alone."""
    selection = QTextEdit.ExtraSelection()
    color = QColor(palette.color(QPalette.ColorRole.Highlight))
    color.setAlpha(70)
    selection.format.setBackground(color)
    selection.format.setFontUnderline(True)
    selection.format.setUnderlineColor(palette.color(QPalette.ColorRole.Highlight))
    return selection


class ArticlePane(QWidget):
    undo_cleaning = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.edit = ArticleEdit()
        self.edit.setAccessibleName("Article")
        self.edit.setTabChangesFocus(True)  # Tab leaves the article: the window is usable by keyboard
        self.edit.setPlaceholderText(
            "Paste a news article here (from a web page too), or open or drop a file or a link: "
            "text, Markdown, HTML, PDF or Word.\n\n"
            "Page clutter is removed, and you can see and undo what was.\n\n"
            "Then press Ctrl+Enter for a neutral summary and key points.")
        self.clean_label = QLabel()
        self.show_removed_button = QPushButton("Show")
        self.show_removed_button.setCheckable(True)
        self.show_removed_button.setAccessibleName("Show the removed lines")
        self.undo_clean_button = QPushButton("Undo")
        self.undo_clean_button.setAccessibleName("Put the removed lines back")
        self.undo_clean_button.setToolTip("Put the removed lines back into the article")
        self.removed_list = QListWidget()
        self.removed_list.setAccessibleName("Removed lines")
        self.removed_list.setMaximumHeight(140)
        self.removed_list.hide()
        self.show_removed_button.toggled.connect(self.removed_list.setVisible)
        self.undo_clean_button.clicked.connect(self.undo_cleaning)
        self.clean_bar = QWidget()
        bar = QHBoxLayout(self.clean_bar)
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.clean_label, 1)
        bar.addWidget(self.show_removed_button)
        bar.addWidget(self.undo_clean_button)
        self.clean_bar.hide()

        self.find_edit = QLineEdit()
        self.find_edit.setPlaceholderText("Find in the article")
        self.find_edit.setAccessibleName("Find in the article")
        self.find_edit.setClearButtonEnabled(True)
        self.find_edit.returnPressed.connect(self.find_next)
        self.find_edit.textChanged.connect(lambda: self.find_next(from_start=True))
        close = QToolButton()
        close.setText("✕")
        close.setAccessibleName("Close the find bar")
        close.clicked.connect(self.close_find)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self.find_edit, self.close_find,
                  context=Qt.ShortcutContext.WidgetShortcut)
        self.find_status = QLabel()
        self.find_bar = QWidget()
        find_layout = QHBoxLayout(self.find_bar)
        find_layout.setContentsMargins(0, 0, 0, 0)
        find_layout.addWidget(self.find_edit, 1)
        find_layout.addWidget(self.find_status)
        find_layout.addWidget(close)
        self.find_bar.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        title = QLabel("<b>Article</b>")
        title.setBuddy(self.edit)
        layout.addWidget(title)
        layout.addWidget(self.edit)
        layout.addWidget(self.find_bar)
        layout.addWidget(self.clean_bar)
        layout.addWidget(self.removed_list)

    def text(self) -> str:
        return self.edit.toPlainText()

    def show_cleaned(self, cleaned: Cleaned) -> None:
        """Show the cleaned text (as one undoable edit), and say what the cleaning removed."""
        self.edit.replace_all(cleaned.text)
        self.clean_label.setText(cleaned.summary)
        self.removed_list.clear()
        self.removed_list.addItems([f"{r.reason}: {r.line}" for r in cleaned.removed])
        self.show_removed_button.setChecked(False)
        self.clean_bar.setVisible(bool(cleaned.removed))

    def show_uncleaned(self, original: str) -> None:
        self.edit.replace_all(original)
        self.show_removed_button.setChecked(False)
        self.clean_bar.hide()

    # -- evidence -----------------------------------------------------------------------

    def highlight(self, summarized: str, spans: list[tuple[int, int]]) -> bool:
        """Highlight the spans of `summarized` (the text as it was summarized, stripped) and
        scroll to the first; False when the pane's text is no longer that text."""
        pane = self.text()
        if pane.strip() != summarized:
            return False
        lead = len(pane) - len(pane.lstrip())

        def position(i: int) -> int:  # Qt counts UTF-16 units (an emoji is two)
            return len(pane[:lead + i].encode("utf-16-le")) // 2
        selections = []
        for start, end in spans:
            selection = evidence_format(self.edit.palette())
            cursor = QTextCursor(self.edit.document())
            cursor.setPosition(position(start))
            cursor.setPosition(position(end), QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selections.append(selection)
        self.edit.setExtraSelections(selections)
        if spans:
            cursor = QTextCursor(self.edit.document())
            cursor.setPosition(position(spans[0][0]))
            self.edit.setTextCursor(cursor)
            self.edit.centerCursor()
        return True

    def clear_highlights(self) -> None:
        self.edit.setExtraSelections([])

    @property
    def highlighted(self) -> list[str]:
        return [s.cursor.selectedText() for s in self.edit.extraSelections()]

    # -- find ---------------------------------------------------------------------------

    @Slot()
    def open_find(self) -> None:
        self.find_bar.show()
        self.find_edit.setFocus()
        self.find_edit.selectAll()

    @Slot()
    def close_find(self) -> None:
        self.find_bar.hide()
        self.find_status.clear()
        self.edit.setFocus()

    @Slot()
    def find_next(self, backward: bool = False, from_start: bool = False) -> bool:
        """Select the next (or previous) match of the find bar's text, going round the end."""
        needle = self.find_edit.text()
        if not needle:
            self.find_status.clear()
            return False
        flags = QTextDocument.FindFlag.FindBackward if backward else QTextDocument.FindFlag(0)
        if from_start:
            self.edit.moveCursor(QTextCursor.MoveOperation.Start)
        found = self.edit.find(needle, flags)
        if not found:  # go round
            self.edit.moveCursor(QTextCursor.MoveOperation.End if backward else QTextCursor.MoveOperation.Start)
            found = self.edit.find(needle, flags)
        self.find_status.setText("" if found else "Not found")
        return found

    @Slot()
    def find_previous(self) -> bool:
        return self.find_next(backward=True)
