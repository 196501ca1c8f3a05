"""The main window: article on the left, summary on the right, status at the bottom."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer, Slot
from PySide6.QtGui import QAction, QActionGroup, QColor, QGuiApplication, QKeySequence, QTextCursor
from PySide6.QtWidgets import (
    QFileDialog, QHBoxLayout, QInputDialog, QLabel, QListWidget, QMainWindow, QMessageBox, QProgressBar,
    QPushButton, QSplitter, QTextEdit, QVBoxLayout, QWidget,
)

from desktop import APP_NAME
from desktop.core.engine import Done, Draft, resolve
from desktop.core.input import draft
from desktop.core.input import read as article
from desktop.core.input.article import Article
from desktop.core.input.clean import Cleaned
from desktop.core.input.fetch import is_link
from desktop.core.model import registry as models
from desktop.core.note import markdown as note
from desktop.core import batch
from desktop.core.model.server import Server
from desktop.ui.article_edit import ArticleEdit
from desktop.ui.batch_dialog import BatchDialog
from desktop.ui.preferences import LOCAL, PreferencesDialog, model_source
from desktop.ui.reader import ArticleReader
from desktop.ui.runner import EngineRunner, Request
from desktop.ui.summary_view import SummaryView

EVIDENCE_COLOR = QColor("#cfe8ff")

DEFAULT_MODEL = "default"
# Summary languages offered in the menu; None writes in the article's own language.
LANGUAGES = [("Same as the Article", None), ("English", "English"), ("Español", "Spanish"),
             ("Français", "French"), ("Deutsch", "German"), ("Italiano", "Italian"),
             ("Português", "Portuguese")]


def _with_shortcut(text: str, action: QAction) -> str:
    keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    return f"{text} ({keys})" if keys else text


class MainWindow(QMainWindow):
    def __init__(self, settings: QSettings | None = None, runner: EngineRunner | None = None):
        super().__init__()
        self.settings = settings if settings is not None else QSettings()
        self.runner = runner or EngineRunner(parent=self)
        self._note_text = ""  # the finished note, as saved and copied
        self._note_title = ""
        self._cleaned = Cleaned(text="")  # the last cleaning of a pasted or opened article
        self._source = article.Source(text="")  # what the page said about it
        self._run_article = Article("")  # the article summarized last
        self._running = False
        self._review = None  # the checks of the summary shown, with its evidence
        self._summary = None
        self.reader = ArticleReader(self)
        self.reader.ready.connect(self._on_article_read)
        self.reader.failed.connect(self._on_article_failed)
        self._draft_timer = QTimer(self, singleShot=True, interval=800)
        self._draft_timer.timeout.connect(self._keep_draft)
        # Once the text rests, the model reads it ahead: Ctrl+Enter then writes at once.
        self._ahead_timer = QTimer(self, singleShot=True, interval=1500)
        self._ahead_timer.timeout.connect(self._read_ahead)
        self._read_ahead_text = ""
        self._build_widgets()
        self._build_actions()
        self._connect_runner()
        self._restore_draft()
        self._update_actions()
        self._update_title()
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self.resize(1200, 760)
        self.runner.load(self.model_choice)  # in the background: the window is usable now

    # -- construction -------------------------------------------------------------------

    def _build_widgets(self) -> None:
        self.article_edit = ArticleEdit()
        self.article_edit.setPlaceholderText(
            "Paste a news article here (from a web page too), or open or drop a file: "
            "text, Markdown, HTML, PDF or Word.\n\n"
            "Page clutter is removed, and you can see and undo what was.\n\n"
            "Then press Ctrl+Enter for a neutral summary and key points.")
        self.article_edit.textChanged.connect(self._update_actions)
        self.article_edit.textChanged.connect(self._draft_timer.start)
        self.article_edit.textChanged.connect(self._ahead_timer.start)
        self.article_edit.article_pasted.connect(self.paste_article)
        self.article_edit.file_dropped.connect(self.load_article)
        self.article_edit.link_dropped.connect(self.load_link)
        self.clean_label = QLabel()
        self.show_removed_button = QPushButton("Show")
        self.show_removed_button.setCheckable(True)
        self.undo_clean_button = QPushButton("Undo")
        self.undo_clean_button.setToolTip("Put the removed lines back into the article")
        self.removed_list = QListWidget()
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
        self.result_view = SummaryView()
        self.result_view.point_clicked.connect(self.show_evidence)
        self.result_view.flag_hovered.connect(self._on_flag_hovered)
        self.error_banner = QLabel()
        self.error_banner.setWordWrap(True)
        self.error_banner.setStyleSheet(
            "QLabel { background: #fdecea; color: #611a15; border: 1px solid #f5c6c2;"
            " border-radius: 4px; padding: 6px; }")
        self.error_banner.hide()
        self.summarize_button = QPushButton("Summarize")
        self.stop_button = QPushButton("Stop")

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel("<b>Article</b>"))
        left_layout.addWidget(self.article_edit)
        left_layout.addWidget(self.clean_bar)
        left_layout.addWidget(self.removed_list)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.stop_button)
        buttons.addWidget(self.summarize_button)
        left_layout.addLayout(buttons)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(QLabel("<b>Neutral summary</b>"))
        right_layout.addWidget(self.error_banner)
        right_layout.addWidget(self.result_view)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([600, 600])
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(splitter)
        self.setCentralWidget(central)

        self.state_label = QLabel("Ready")
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(220)
        self.progress.setFormat("Reading %p%")
        self.progress.hide()
        self.speed_label = QLabel()
        self.model_label = QLabel()
        status = self.statusBar()
        status.addWidget(self.state_label, 1)
        status.addPermanentWidget(self.progress)
        status.addPermanentWidget(self.speed_label)
        status.addPermanentWidget(self.model_label)

    def _action(self, text: str, slot, shortcut=None, tip: str | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            shortcuts = shortcut if isinstance(shortcut, list) else [shortcut]
            action.setShortcuts([QKeySequence(s) for s in shortcuts])
        action.setToolTip(_with_shortcut(tip or text.replace("&", "").rstrip("…"), action))
        action.setStatusTip(tip or "")
        action.triggered.connect(slot)
        self.addAction(action)  # shortcuts work wherever the focus is
        return action

    def _build_actions(self) -> None:
        self.open_action = self._action("&Open Article…", self.open_article, QKeySequence.StandardKey.Open,
                                        "Open a text, Markdown, HTML, PDF or Word file as the article")
        self.open_link_action = self._action("Open &Link…", self.open_link, "Ctrl+L",
                                             "Fetch a web page as the article")
        self.save_action = self._action("&Save Note…", self.save_note, QKeySequence.StandardKey.Save,
                                        "Save the summary as a Markdown note")
        self.copy_action = self._action("&Copy Note as Markdown", self.copy_note, "Ctrl+Shift+C",
                                        "Copy the summary as Markdown")
        self.quit_action = self._action("&Quit", self.close, QKeySequence.StandardKey.Quit)
        self.summarize_action = self._action("&Summarize", self.summarize, ["Ctrl+Return", "Ctrl+Enter"],
                                             "Summarize the article")
        self.stop_action = self._action("S&top", self.stop, "Esc", "Stop the model")
        self.open_model_action = self._action("Open &Model File…", self.open_model_file, None,
                                              "Use a GGUF model file of your own")
        self.preferences_action = self._action("&Preferences…", self.preferences,
                                               [QKeySequence.StandardKey.Preferences, "Ctrl+,"],
                                               "Where the model runs: this computer or a server")
        self.server_action = self._action("Model on a &Server…", self.preferences, None,
                                          "Use the model of an OpenAI-compatible server")
        self.server_action.setCheckable(True)
        self.folder_action = self._action("Summarize &Folder…", self.summarize_folder, "Ctrl+Shift+O",
                                          "Make a note of each article in a folder")

        file_menu = self.menuBar().addMenu("&File")
        for action in (self.open_action, self.open_link_action, self.save_action, self.copy_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(self.folder_action)
        file_menu.addSeparator()
        file_menu.addAction(self.preferences_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        summary_menu = self.menuBar().addMenu("&Summary")
        summary_menu.addAction(self.summarize_action)
        summary_menu.addAction(self.stop_action)
        summary_menu.addSeparator()
        language_menu = summary_menu.addMenu("Summary &Language")
        group = QActionGroup(self)
        self.language_actions = {}
        for label, language in LANGUAGES:
            action = QAction(label, self, checkable=True)
            action.setChecked(language == self.language)
            action.triggered.connect(lambda _=False, lang=language: self.choose_language(lang))
            group.addAction(action)
            language_menu.addAction(action)
            self.language_actions[language] = action
        self.model_menu = self.menuBar().addMenu("&Model")
        self.model_actions = {}
        for name, spec in models.registry().items():
            action = QAction(spec.title, self, checkable=True)
            action.triggered.connect(lambda _=False, n=name: self.choose_model(n))
            self.model_menu.addAction(action)
            self.model_actions[name] = action
        self.model_menu.addSeparator()
        self.model_menu.addAction(self.open_model_action)
        self.model_menu.addAction(self.server_action)
        help_menu = self.menuBar().addMenu("&Help")
        help_menu.addAction(self._action("&About Neutral Brief", self.about))

        self.summarize_button.clicked.connect(self.summarize_action.trigger)
        self.summarize_button.setToolTip(self.summarize_action.toolTip())
        self.stop_button.clicked.connect(self.stop_action.trigger)
        self.stop_button.setToolTip(self.stop_action.toolTip())
        self._check_model_menu()

    def _connect_runner(self) -> None:
        r = self.runner
        r.model_loading.connect(self._on_model_loading)
        r.model_ready.connect(self._on_model_ready)
        r.model_failed.connect(self._on_model_failed)
        r.started.connect(self._on_started)
        r.part.connect(self._on_part)
        r.reading.connect(self._on_reading)
        r.draft.connect(self._on_draft)
        r.reading_ahead.connect(self._on_reading_ahead)
        r.prepared.connect(self._on_prepared)
        r.finished.connect(self._on_finished)
        r.stopped.connect(self._on_stopped)
        r.failed.connect(self._on_failed)

    # -- state --------------------------------------------------------------------------

    @property
    def model_choice(self) -> str | Server:
        """A registry name or a GGUF file's path, or the server chosen in Preferences."""
        return model_source(self.settings) or str(self.settings.value("model/choice", DEFAULT_MODEL))

    @property
    def language(self) -> str | None:
        return self.settings.value("summary/language") or None

    def _check_model_menu(self) -> None:
        for name, action in self.model_actions.items():
            action.setChecked(name == self.model_choice)
        self.server_action.setChecked(isinstance(self.model_choice, Server))

    def _update_actions(self) -> None:
        has_text = bool(self.article_edit.toPlainText().strip())
        has_note = bool(self._note_text)
        self.summarize_action.setEnabled(has_text and not self._running)
        self.summarize_button.setEnabled(has_text and not self._running)
        self.stop_action.setEnabled(self._running)
        self.stop_button.setEnabled(self._running)
        self.save_action.setEnabled(has_note and not self._running)
        self.copy_action.setEnabled(has_note and not self._running)
        self.open_action.setEnabled(not self._running)
        self.open_link_action.setEnabled(not self._running)
        self.folder_action.setEnabled(not self._running)
        self.model_menu.setEnabled(not self._running)
        self.preferences_action.setEnabled(not self._running)

    def _update_title(self) -> None:
        title = f"{self._note_title} — {APP_NAME}" if self._note_title else APP_NAME
        self.setWindowTitle(f"{title}[*]")

    def _show_error(self, message: str) -> None:
        self.error_banner.setText(message)
        self.error_banner.setVisible(bool(message))

    # -- user intent --------------------------------------------------------------------

    @Slot()
    def summarize(self) -> None:
        if self._running:
            return
        try:
            text = article.check(self.article_edit.toPlainText())
        except article.ArticleError as exc:
            self._show_error(str(exc))
            return
        if not self._unsaved_note_handled():
            return
        self._show_error("")
        self._running = True
        self._ahead_timer.stop()
        request = Request(text, self._source, self._cleaned)
        self._note_text = self._note_title = ""
        self.setWindowModified(False)
        self._update_title()
        self.result_view.clear()
        self.article_edit.setExtraSelections([])
        self._review = self._summary = None
        self._update_actions()
        self.state_label.setText("Starting…")
        self.runner.summarize(request, self.model_choice, self.language)

    @Slot()
    def stop(self) -> None:
        if self._running:
            self.state_label.setText("Stopping…")
            self.runner.stop()

    @Slot()
    def open_article(self) -> None:
        start = str(self.settings.value("paths/articles", str(Path.home())))
        patterns = " ".join(f"*{suffix}" for suffix in article.OPENABLE)
        path, _ = QFileDialog.getOpenFileName(self, "Open Article", start,
                                              f"Articles ({patterns});;All files (*)")
        if path:
            self.load_article(Path(path))

    @Slot(Path)
    def load_article(self, path: Path) -> None:
        """Read and clean the file in the background; the pane shows it when it is ready."""
        self.state_label.setText(f"Opening {path.name}…")
        self.reader.read_file(path)

    @Slot()
    def open_link(self) -> None:
        url, ok = QInputDialog.getText(self, "Open Link", "Address of the article's web page:")
        if ok and url.strip():
            self.load_link(url.strip())

    @Slot(str)
    def load_link(self, url: str) -> None:
        """Fetch the page in the background (only now, as asked); the pane shows it when ready."""
        self.state_label.setText(f"Fetching {url}…")
        self.reader.read_link(url)

    @Slot(str, str)
    def paste_article(self, html: str, text: str) -> None:
        self.state_label.setText("Reading the pasted page…")
        self.reader.read_paste(html, text)

    @Slot(object, object, str)
    def _on_article_read(self, source: article.Source, cleaned: Cleaned, origin: str) -> None:
        link = is_link(origin)
        if origin and not link:
            self.settings.setValue("paths/articles", str(Path(origin).parent))
        self._set_article(source, cleaned)
        name = origin if link else Path(origin).name
        self.state_label.setText(f"Opened {name}" if origin else "Pasted the article.")

    @Slot(str)
    def _on_article_failed(self, message: str) -> None:
        self.state_label.setText("The article could not be opened.")
        QMessageBox.warning(self, "Cannot open article", message)

    def _set_article(self, source: article.Source, cleaned: Cleaned) -> None:
        """Show the article without its page clutter, and say what was removed."""
        self._source = source
        self._cleaned = cleaned
        self.article_edit.replace_all(self._cleaned.text)
        removed = self._cleaned.removed
        self.clean_label.setText(self._cleaned.summary)
        self.removed_list.clear()
        self.removed_list.addItems([f"{r.reason}: {r.line}" for r in removed])
        self.show_removed_button.setChecked(False)
        self.clean_bar.setVisible(bool(removed))

    @Slot()
    def undo_cleaning(self) -> None:
        self.article_edit.replace_all(self._cleaned.original)
        self._cleaned = Cleaned(text=self._cleaned.original, original=self._cleaned.original)
        self.show_removed_button.setChecked(False)
        self.clean_bar.hide()
        self.state_label.setText("The article is back as it was pasted.")

    @Slot()
    def save_note(self) -> None:
        # A slot must not return a value: PySide6 6.12 then over-releases it (True/False
        # included, which crashes Python). closeEvent uses _save for the answer.
        self._save()

    def _save(self) -> bool:
        if not self._note_text:
            return False
        folder = Path(str(self.settings.value("paths/notes", str(Path.home()))))
        slug = re.sub(r"[^\w]+", "-", self._note_title.lower()).strip("-")[:60] or "summary"
        path, _ = QFileDialog.getSaveFileName(self, "Save Note", str(folder / f"{slug}.md"),
                                              "Markdown (*.md)")
        if not path:
            return False
        path = Path(path)
        if path.suffix == "":
            path = path.with_suffix(".md")
            # The dialog asked about the name as typed, not about this one.
            if path.exists() and QMessageBox.question(
                    self, "Replace note?", f"{path.name} already exists. Replace it?",
                    QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                    QMessageBox.StandardButton.No) != QMessageBox.StandardButton.Yes:
                return False
        try:
            note.write_atomic(path, self._note_text)
        except OSError as exc:
            QMessageBox.critical(self, "Cannot save note", f"{path}: {exc.strerror or exc}")
            return False
        self.settings.setValue("paths/notes", str(path.parent))
        self.setWindowModified(False)
        self.state_label.setText(f"Saved {path}")
        return True

    @Slot()
    def copy_note(self) -> None:
        if self._note_text:
            QGuiApplication.clipboard().setText(self._note_text)
            self.state_label.setText("Copied the note as Markdown")

    def choose_language(self, language: str | None) -> None:
        self.settings.setValue("summary/language", language or "")
        self._read_ahead_text = ""
        self._ahead_timer.start()

    def choose_model(self, choice: str) -> None:
        self.settings.setValue("model/choice", choice)
        self.settings.setValue("model/source", LOCAL)
        self._check_model_menu()
        self.runner.load(choice)

    @Slot()
    def preferences(self) -> None:
        before = self.model_choice
        PreferencesDialog(self.settings, self).exec()
        self._check_model_menu()
        if self.model_choice != before:
            self.runner.load(self.model_choice)

    @Slot()
    def summarize_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Summarize the Articles in Folder", str(Path.home()))
        if not folder:
            return
        out = QFileDialog.getExistingDirectory(self, "Save the Notes in Folder", str(Path(folder).parent))
        if not out:
            return
        try:
            items = batch.collect([folder], Path(out))
        except article.ArticleError as exc:
            self._show_error(str(exc))
            return
        if not items:
            self._show_error(f"{folder} has no articles Neutral Brief opens ({', '.join(article.OPENABLE)}).")
            return
        try:
            model = resolve(self.model_choice)
        except models.ModelError as exc:
            self._show_error(str(exc))
            return
        local = not isinstance(model, Server)
        if local:
            self.runner.unload()  # the batch runs its own copy of the model: not two at once
        dialog = BatchDialog(batch.Batch(items, Path(out), model, self.language), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # it can close once the batch ends
        dialog.start()
        dialog.exec()
        if local:
            self.runner.load(self.model_choice)

    @Slot()
    def open_model_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Open Model File", str(Path.home()),
                                              "GGUF models (*.gguf)")
        if path:
            self.choose_model(path)

    @Slot()
    def about(self) -> None:
        QMessageBox.about(self, f"About {APP_NAME}",
                          f"<b>{APP_NAME}</b><p>Neutral summaries and key points of news articles, "
                          "written by a language model that runs on this computer. "
                          "Nothing leaves your machine.</p>")

    @Slot(int)
    def show_evidence(self, point: int) -> None:
        """Highlight the article sentences that support key point `point`."""
        text = self._run_article.text
        if self._review is None or point >= len(self._review.evidence):
            return
        pane = self.article_edit.toPlainText()
        if pane.strip() != text:
            self.state_label.setText("The article has changed since it was summarized: "
                                     "summarize it again to see the evidence.")
            return
        lead = len(pane) - len(pane.lstrip())  # the summarized text is the pane's, stripped

        def position(i: int) -> int:  # Qt counts UTF-16 units (an emoji is two)
            return len(pane[:lead + i].encode("utf-16-le")) // 2
        evidence = self._review.evidence[point]
        selections = []
        for start, end in evidence.spans:
            selection = QTextEdit.ExtraSelection()
            selection.format.setBackground(EVIDENCE_COLOR)
            cursor = QTextCursor(self.article_edit.document())
            cursor.setPosition(position(start))
            cursor.setPosition(position(end), QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selections.append(selection)
        self.article_edit.setExtraSelections(selections)
        if selections:
            cursor = QTextCursor(self.article_edit.document())
            cursor.setPosition(position(evidence.spans[0][0]))
            self.article_edit.setTextCursor(cursor)
            self.article_edit.centerCursor()
            self.state_label.setText(f"Key point {point + 1}: the highlighted sentence(s) of the "
                                     "article support it.")
        else:
            self.state_label.setText(f"Key point {point + 1}: no sentence of the article supports "
                                     "it. Check it before you rely on it.")

    @property
    def review(self):
        """The checks of the summary shown (None before a summary is done)."""
        return self._review

    @property
    def note_summary(self):
        return self._summary

    @property
    def evidence_shown(self) -> list[str]:
        """The article text highlighted as evidence now."""
        return [s.cursor.selectedText() for s in self.article_edit.extraSelections()]

    @Slot(str)
    def _on_flag_hovered(self, reason: str) -> None:
        if reason:
            self.statusBar().showMessage(reason)
        else:
            self.statusBar().clearMessage()

    # -- engine reports -----------------------------------------------------------------

    @Slot(str)
    def _on_model_loading(self, label: str) -> None:
        self.model_label.setText(f"Model: {label} (loading…)")
        if not self._running:
            self.state_label.setText("Loading the model… you can paste an article meanwhile.")

    @Slot(object)
    def _on_model_ready(self, model) -> None:
        self.model_label.setText(f"Model: {model.label}")
        if not self._running:
            self.state_label.setText("Ready")

    @Slot(str)
    def _on_model_failed(self, message: str) -> None:
        self.model_label.setText("Model: not available")
        if not self._running:
            self.state_label.setText(message)

    @Slot()
    def _on_started(self) -> None:
        self._part = "the article"
        self.progress.setValue(0)
        self.progress.show()
        self.speed_label.clear()

    @Slot(int, int)
    def _on_part(self, number: int, parts: int) -> None:
        self._part = (f"part {number} of {parts}" if number
                      else f"the summaries of its {parts} parts")

    @Slot(int, int)
    def _on_reading(self, done: int, total: int) -> None:
        self.progress.show()
        self.progress.setMaximum(total)
        self.progress.setValue(done)
        self.state_label.setText(f"Reading {self._part}: {done} of {total} tokens")

    @Slot()
    def _read_ahead(self) -> None:
        text = self.article_edit.toPlainText()
        if self._running or text == self._read_ahead_text:
            return
        try:
            text = article.check(text)
        except article.ArticleError:
            return
        self._read_ahead_text = self.article_edit.toPlainText()
        self.runner.read_ahead(Request(text, self._source, self._cleaned), self.model_choice, self.language)

    @Slot()
    def _on_reading_ahead(self) -> None:
        if not self._running:
            self.state_label.setText("Reading the article ahead, so that the summary starts at once…")

    @Slot()
    def _on_prepared(self) -> None:
        if not self._running:
            self.state_label.setText("The article is read: Ctrl+Enter writes its summary at once.")

    @Slot(object)
    def _on_draft(self, draft: Draft) -> None:
        self.progress.hide()
        writing = "the summary" if self._part == "the article" else f"a summary of {self._part}"
        self.state_label.setText(f"Writing {writing}, checking each sentence against the article…")
        self.result_view.show_draft(draft.title, draft.summary, draft.points)

    @Slot(object)
    def _on_finished(self, done: Done) -> None:
        self._run_article = done.article
        self._note_text = batch.note_of(done, self._cleaned, self._source)
        self._note_title = done.summary.title
        self._review = done.review
        self._summary = done.summary
        self.result_view.show_summary(done.summary, done.review, done.article.genre)
        stats = done.stats
        remarks = " ".join(done.summary.notes)
        if done.reused:
            self.speed_label.clear()
            self.state_label.setText(f"Done: this text was summarized before with the same model "
                                     f"and settings, so that summary is shown. {remarks}".strip())
        else:
            self.speed_label.setText(f"{stats.generation_rate:.1f} tokens/s")
            self.state_label.setText(f"Done in {stats.total_seconds:.1f} s. {remarks}".strip())
        self._end_run()
        self.setWindowModified(True)
        self._update_title()

    @Slot()
    def _on_stopped(self) -> None:
        self.state_label.setText("Stopped. Your article is unchanged.")
        self._end_run()

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self._show_error(message)
        self.state_label.setText("The summary failed.")
        self._end_run()

    def _end_run(self) -> None:
        self._running = False
        self.progress.hide()
        self._update_actions()

    # -- the draft ----------------------------------------------------------------------

    @Slot()
    def _keep_draft(self) -> None:
        draft.save(self.article_edit.toPlainText())

    def _restore_draft(self) -> None:
        text = draft.load()
        if text.strip() and not self.article_edit.toPlainText().strip():
            self.article_edit.setPlainText(text)
            self.state_label.setText("Restored the article you were editing.")

    # -- closing ------------------------------------------------------------------------

    def _unsaved_note_handled(self) -> bool:
        """Offer to save an unsaved note before it goes; False when the user cancels."""
        if not self.isWindowModified():
            return True
        answer = QMessageBox.question(
            self, "Unsaved summary", "The summary has not been saved. Save it first?",
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Save:
            return self._save()
        return answer == QMessageBox.StandardButton.Discard

    def closeEvent(self, event) -> None:
        if self._running and QMessageBox.question(
                self, "Summary in progress", "A summary is being written. Stop it and close?",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No) != QMessageBox.StandardButton.Yes:
            event.ignore()
            return
        if not self._unsaved_note_handled():
            event.ignore()
            return
        self._keep_draft()
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.runner.shutdown()
        event.accept()
