"""The main window: article on the left, summary on the right, status at the bottom.

It composes the panes and menus, forwards what the user asks for to the runner (the model)
and the reader (files, links, pastes), and shows what they report. What a finished summary
becomes (its note, its other forms, its history entry) is the core's `Brief`.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import QByteArray, QMimeData, QSettings, Qt, QTimer, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QFileDialog, QHBoxLayout, QInputDialog, QLabel, QMainWindow, QMessageBox, QProgressBar,
    QPushButton, QSplitter, QVBoxLayout, QWidget,
)

from desktop import APP_NAME, __version__
from desktop.core import batch
from desktop.core import log
from desktop.core.brief import Brief
from desktop.core.engine import Checking, Done, Draft, Loaded, Loading, Part, Prepared, Reading, Stopped, resolve
from desktop.core.history import Entry, History
from desktop.core.input import draft
from desktop.core.input import read as article
from desktop.core.input.clean import Cleaned
from desktop.core.input.fetch import is_link
from desktop.core.model import registry as models
from desktop.core.model.server import Server
from desktop.core.note import markdown as note
from desktop.core.writing import prompts
from desktop.ui.article_pane import ArticlePane
from desktop.ui.batch_dialog import BatchDialog
from desktop.ui import menus
from desktop.ui.history_panel import HistoryDialog
from desktop.ui.model_manager import ModelManagerDialog
from desktop.ui.preferences import LOCAL, PreferencesDialog, model_source
from desktop.ui.reader import ArticleReader
from desktop.ui.runner import EngineRunner, Failed, ModelFailed, ReadingAhead, Request, Started
from desktop.ui.summary_view import SummaryView

DEFAULT_MODEL = "default"
RECENT = 10  # files and links in File > Open Recent
SAVE_FORMATS = {"Markdown note (*.md)": "md", "Plain text (*.txt)": "txt", "JSON (*.json)": "json"}


class MainWindow(QMainWindow):
    def __init__(self, settings: QSettings | None = None, runner: EngineRunner | None = None,
                 history: History | None = None):
        super().__init__()
        self.settings = settings if settings is not None else QSettings()
        self.runner = runner or EngineRunner(parent=self)
        self.history = history or History()
        self.brief: Brief | None = None  # the summary shown, once finished (or reopened)
        self._history_id: int | None = None  # its note in the history
        self._cleaned = Cleaned(text="")  # the last cleaning of a pasted or opened article
        self._source = article.Source(text="")  # what the page said about it
        self._origin = ""  # the file or address the article came from ("" when pasted)
        self._running = False
        self._stopping = False  # Stop was pressed: what the run reports until it ends is no news
        self._asked = (None, prompts.STANDARD)  # the language and length the running summary was asked in
        self._part = "the article"
        self._history_dialog: HistoryDialog | None = None
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
        menus.build(self)
        self.runner.event.connect(self._on_event)
        self._apply_settings()
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
        self.article = ArticlePane()
        self.article_edit = self.article.edit
        self.article_edit.textChanged.connect(self._update_actions)
        self.article_edit.textChanged.connect(self._draft_timer.start)
        self.article_edit.textChanged.connect(self._ahead_timer.start)
        self.article_edit.article_pasted.connect(self.paste_article)
        self.article_edit.file_dropped.connect(self.load_article)
        self.article_edit.link_dropped.connect(self.load_link)
        self.article.undo_cleaning.connect(self.undo_cleaning)
        self.result_view = SummaryView()
        self.result_view.setAccessibleName("Neutral summary")
        self.result_view.point_clicked.connect(self.show_evidence)
        self.result_view.flag_hovered.connect(self._on_flag_hovered)
        self.error_banner = QLabel()
        self.error_banner.setWordWrap(True)
        self.error_banner.setAccessibleName("Error")
        self.error_banner.setStyleSheet(
            "QLabel { background: #fdecea; color: #611a15; border: 1px solid #f5c6c2;"
            " border-radius: 4px; padding: 6px; }")
        self.error_banner.hide()
        self.summarize_button = QPushButton("Summarize")
        self.stop_button = QPushButton("Stop")

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.article)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.stop_button)
        buttons.addWidget(self.summarize_button)
        left_layout.addLayout(buttons)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        heading = QLabel("<b>Neutral summary</b>")
        heading.setBuddy(self.result_view)
        right_layout.addWidget(heading)
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
        self.setTabOrder(self.article_edit, self.summarize_button)
        self.setTabOrder(self.summarize_button, self.result_view)

        self.state_label = QLabel("Ready")
        self.state_label.setAccessibleName("Status")
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(220)
        self.progress.setFormat("Reading %p%")
        self.progress.setAccessibleName("Reading progress")
        self.progress.hide()
        self.speed_label = QLabel()
        self.model_label = QLabel()
        status = self.statusBar()
        status.addWidget(self.state_label, 1)
        status.addPermanentWidget(self.progress)
        status.addPermanentWidget(self.speed_label)
        status.addPermanentWidget(self.model_label)

    # -- state --------------------------------------------------------------------------

    @property
    def model_choice(self) -> str | Server:
        """A registry name or a GGUF file's path, or the server chosen in Preferences."""
        return model_source(self.settings) or str(self.settings.value("model/choice", DEFAULT_MODEL))

    @property
    def language(self) -> str | None:
        return self.settings.value("summary/language") or None

    @property
    def length(self) -> prompts.Length:
        return prompts.LENGTHS.get(str(self.settings.value("summary/length", "")), prompts.STANDARD)

    @property
    def keeps_history(self) -> bool:
        return str(self.settings.value("history/enabled", "true")).lower() != "false"

    def _check_model_menu(self) -> None:
        for name, action in self.model_actions.items():
            action.setChecked(name == self.model_choice)
        self.server_action.setChecked(isinstance(self.model_choice, Server))

    def _update_actions(self) -> None:
        has_text = bool(self.article.text().strip())
        has_note = self.brief is not None
        idle = not self._running
        self.summarize_action.setEnabled(has_text and idle)
        self.summarize_button.setEnabled(has_text and idle)
        self.stop_action.setEnabled(self._running)
        self.stop_button.setEnabled(self._running)
        for action in (self.save_action, self.copy_action, self.copy_markdown_action, self.copy_text_action):
            action.setEnabled(has_note and idle)
        for action in (self.open_action, self.open_link_action, self.folder_action, self.preferences_action,
                       self.recent_menu.menuAction()):
            action.setEnabled(idle)
        self.model_menu.setEnabled(idle)

    def _update_title(self) -> None:
        # Qt adds the application's display name itself: the title names only the note.
        self.setWindowTitle(f"{self.brief.title}[*]" if self.brief else "[*]")

    def _show_error(self, message: str) -> None:
        self.error_banner.setText(message)
        self.error_banner.setVisible(bool(message))

    # -- user intent --------------------------------------------------------------------

    @Slot()
    def summarize(self) -> None:
        if self._running:
            return
        try:
            text = article.check(self.article.text())
        except article.ArticleError as exc:
            self._show_error(str(exc))
            return
        if not self._unsaved_note_handled():
            return
        self._show_error("")
        self._running = True
        self._stopping = False
        self._ahead_timer.stop()
        request = Request(text, self._source, self._cleaned)
        self._show_brief(None)
        self._update_actions()
        self.state_label.setText("Starting…")
        self._asked = (self.language, self.length)
        self.runner.summarize(request, self.model_choice, *self._asked)

    @Slot()
    def stop(self) -> None:
        if self._running:
            self._stopping = True
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

    def open_given(self, given: list[str]) -> None:
        """Open what the command line or a second launch names: a file or a web address (the
        first of several; a folder of articles is for File > Summarize Folder)."""
        if not given:
            return
        first = given[0]
        if self._running:
            self.state_label.setText(f"A summary is being written: open {first} when it is done.")
        elif is_link(first):
            self.load_link(first)
        else:
            self.load_article(Path(first))
        if len(given) > 1:
            self.state_label.setText(f"Opening {Path(first).name}; to summarize all {len(given)} "
                                     "at once, use File > Summarize Folder.")

    def bring_forward(self, given: list[str]) -> None:
        """Another launch of the app: come to the front, and open what it was given."""
        if self.isMinimized():
            self.showNormal()
        self.raise_()
        self.activateWindow()
        self.open_given(given)

    @Slot(str, str)
    def paste_article(self, html: str, text: str) -> None:
        self.state_label.setText("Reading the pasted page…")
        self.reader.read_paste(html, text)

    @Slot(object, object, str)
    def _on_article_read(self, source: article.Source, cleaned: Cleaned, origin: str) -> None:
        link = is_link(origin)
        if origin and not link:
            origin = str(Path(origin).resolve())
            self.settings.setValue("paths/articles", str(Path(origin).parent))
        if origin:
            self._remember_recent(origin)
        self._source, self._cleaned, self._origin = source, cleaned, origin
        self.article.show_cleaned(cleaned)
        name = origin if link else Path(origin).name
        self.state_label.setText(f"Opened {name}" if origin else "Pasted the article.")

    @Slot(str)
    def _on_article_failed(self, message: str) -> None:
        self.state_label.setText("The article could not be opened.")
        QMessageBox.warning(self, "Cannot open article", message)

    @Slot()
    def undo_cleaning(self) -> None:
        original = self._cleaned.original
        self.article.show_uncleaned(original)
        self._cleaned = Cleaned(text=original, original=original)
        self.state_label.setText("The article is back as it was pasted.")

    def _remember_recent(self, origin: str) -> None:
        recent = [origin] + [r for r in self._recent() if r != origin]
        self.settings.setValue("recent/files", recent[:RECENT])

    def _recent(self) -> list[str]:
        value = self.settings.value("recent/files", [])
        return [value] if isinstance(value, str) else list(value or [])

    @Slot()
    def save_note(self) -> None:
        # A slot must not return a value: PySide6 6.12 then over-releases it (True/False
        # included, which crashes Python). closeEvent uses _save for the answer.
        self._save()

    def _save(self) -> bool:
        if self.brief is None:
            return False
        folder = Path(str(self.settings.value("paths/notes", str(Path.home()))))
        path, chosen = QFileDialog.getSaveFileName(self, "Save Note", str(folder / self.brief.file_name()),
                                                   ";;".join(SAVE_FORMATS))
        if not path:
            return False
        path = Path(path)
        form = path.suffix.lstrip(".").lower()
        if form not in SAVE_FORMATS.values():
            form = SAVE_FORMATS.get(chosen, "md")
            path = path.with_name(path.name + f".{form}")
            # The dialog asked about the name as typed, not about this one.
            if path.exists() and QMessageBox.question(
                    self, "Replace note?", f"{path.name} already exists. Replace it?",
                    QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                    QMessageBox.StandardButton.No) != QMessageBox.StandardButton.Yes:
                return False
        try:
            note.write_atomic(path, self.brief.text(form))
        except OSError as exc:
            QMessageBox.critical(self, "Cannot save note", f"{path}: {exc.strerror or exc}")
            return False
        self.settings.setValue("paths/notes", str(path.parent))
        self.setWindowModified(False)
        self.state_label.setText(f"Saved {path}")
        return True

    def _copy(self, data: QMimeData, what: str) -> None:
        QGuiApplication.clipboard().setMimeData(data)
        self.state_label.setText(f"Copied the summary {what}.")

    @Slot()
    def copy_summary(self) -> None:
        if self.brief is not None:
            data = QMimeData()
            data.setHtml(self.brief.rich_text)
            data.setText(self.brief.text("txt"))
            self._copy(data, "(it pastes formatted where formatting is kept)")

    @Slot()
    def copy_markdown(self) -> None:
        if self.brief is not None:
            data = QMimeData()
            data.setText(self.brief.markdown_body)
            data.setData("text/markdown", self.brief.markdown_body.encode("utf-8"))
            self._copy(data, "as Markdown")

    @Slot()
    def copy_text(self) -> None:
        if self.brief is not None:
            data = QMimeData()
            data.setText(self.brief.text("txt"))
            self._copy(data, "as plain text")

    @Slot()
    def find(self) -> None:
        self.article.open_find()

    def choose_language(self, language: str | None) -> None:
        self.settings.setValue("summary/language", language or "")
        self._read_ahead_text = ""
        self._ahead_timer.start()

    def choose_length(self, name: str) -> None:
        self.settings.setValue("summary/length", name)
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
        self._apply_settings()  # first: a model loaded next loads with the threads chosen
        if self.model_choice != before:
            self.runner.load(self.model_choice)

    def _apply_settings(self) -> None:
        """The engine's share of the preferences: its CPU threads; and with the history off,
        nothing of an article is kept: no stored answers either."""
        self.runner.configure(int(self.settings.value("model/threads", 0) or 0), self.keeps_history)
        if self._history_dialog is not None:
            self._history_dialog.off_label.setVisible(not self.keeps_history)

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
        dialog = BatchDialog(batch.Batch(items, Path(out), model, self.language, length=self.length), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # it can close once the batch ends
        dialog.start()
        dialog.exec()
        if local:
            self.runner.load(self.model_choice)

    @Slot()
    def manage_models(self) -> None:
        choice = self.model_choice
        dialog = ModelManagerDialog(choice if isinstance(choice, str) else "", self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.use_requested.connect(self.choose_model)
        self.model_manager = dialog  # for tests and screenshots
        dialog.open()

    @Slot()
    def open_model_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Open Model File", str(Path.home()),
                                              "GGUF models (*.gguf)")
        if path:
            self.choose_model(path)

    @Slot()
    def show_history(self) -> None:
        if self._history_dialog is None:
            self._history_dialog = HistoryDialog(self.history, self.keeps_history, self)
            self._history_dialog.open_requested.connect(self.open_from_history)
            self._history_dialog.summarize_requested.connect(self.summarize_from_history)
            self._history_dialog.deleted.connect(self._on_history_deleted)
        else:
            self._history_dialog.refresh()
        self._history_dialog.show()
        self._history_dialog.raise_()
        self._history_dialog.activateWindow()

    @Slot(object)
    def open_from_history(self, entry: Entry) -> None:
        """The article and its note as they were when the note was made."""
        if self._running or not self._unsaved_note_handled():
            return
        try:
            brief = Brief.from_entry(entry)
        except ValueError as exc:
            self._show_error(f"“{entry.title}”: {exc}. Summarize Again makes it anew.")
            return
        self._set_text(entry.article, entry.source)
        self._show_error("")
        self._show_brief(brief)
        self._history_id = entry.id
        self.state_label.setText(f"Opened “{entry.title}” from the history (made {entry.created[:10]}).")

    @Slot(object)
    def _on_history_deleted(self, ids) -> None:
        """The note shown was deleted from the history: it is unsaved again ([*], and asked
        about before it goes)."""
        if self.brief is not None and self._history_id is not None and (ids is None or self._history_id in ids):
            self._history_id = None
            self.setWindowModified(True)

    @Slot(object)
    def summarize_from_history(self, entry: Entry) -> None:
        if self._running or not self._unsaved_note_handled():
            return
        self._set_text(entry.article, entry.source)
        self._show_brief(None)
        self.summarize()

    def _set_text(self, text: str, origin: str) -> None:
        self._origin = origin
        self._source = article.Source(text=text, url=origin if is_link(origin) else "")
        self._cleaned = Cleaned(text=text, original=text)
        self.article.show_uncleaned(text)

    @Slot()
    def open_log_folder(self) -> None:
        folder = log.folder()
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
        self.state_label.setText(f"The log is in {folder}")

    @Slot()
    def about(self) -> None:
        QMessageBox.about(self, f"About {APP_NAME}",
                          f"<b>{APP_NAME}</b> {__version__}<p>Neutral summaries and key points of news "
                          "articles, written by a language model that runs on this computer. "
                          f"Nothing leaves your machine.</p><p>{self.model_label.text()}</p>"
                          f"<p><small>Log: {log.path()}</small></p>")

    @Slot(int)
    def show_evidence(self, point: int) -> None:
        """Highlight the article sentences that support key point `point`."""
        if self.brief is None or point >= len(self.brief.review.evidence):
            return
        spans = list(self.brief.review.evidence[point].spans)
        if not self.article.highlight(self.brief.article.text, spans):
            self.state_label.setText("The article has changed since it was summarized: "
                                     "summarize it again to see the evidence.")
        elif spans:
            self.state_label.setText(f"Key point {point + 1}: the highlighted sentence(s) of the "
                                     "article support it.")
        else:
            self.state_label.setText(f"Key point {point + 1}: no sentence of the article supports "
                                     "it. Check it before you rely on it.")

    @property
    def review(self):
        """The checks of the summary shown (None before a summary is done)."""
        return self.brief.review if self.brief else None

    @property
    def note_summary(self):
        return self.brief.summary if self.brief else None

    @property
    def evidence_shown(self) -> list[str]:
        """The article text highlighted as evidence now."""
        return self.article.highlighted

    @Slot(str)
    def _on_flag_hovered(self, reason: str) -> None:
        if reason:
            self.statusBar().showMessage(reason)
        else:
            self.statusBar().clearMessage()

    def _show_brief(self, brief: Brief | None) -> None:
        self.brief = brief
        self._history_id = None
        self.article.clear_highlights()
        if brief is None:
            self.result_view.clear()
        else:
            self.result_view.show_summary(brief.summary, brief.review, brief.article.genre)
        self.setWindowModified(False)
        self._update_title()
        self._update_actions()

    # -- engine reports -----------------------------------------------------------------

    @Slot(object)
    def _on_event(self, event) -> None:
        """What the runner reports, on the GUI thread."""
        if isinstance(event, Loading):
            self.model_label.setText(f"Model: {event.model.label} (loading…)")
            if not self._running:
                self.state_label.setText("Loading the model… you can paste an article meanwhile.")
        elif isinstance(event, Loaded):
            self.model_label.setText(f"Model: {event.model.label}")
            if not self._running:
                self.state_label.setText("Ready")
        elif isinstance(event, ModelFailed):
            self.model_label.setText("Model: not available (Model > Manage Models…)")
            if not self._running:
                self.state_label.setText(event.message)
        elif isinstance(event, Started):
            self._part = "the article"
            self.progress.setValue(0)
            self.progress.show()
            self.speed_label.clear()
        elif isinstance(event, Part):
            self._part = (f"part {event.number} of {event.parts}" if event.number
                          else f"the summaries of its {event.parts} parts")
        elif isinstance(event, Reading):
            self.progress.show()
            self.progress.setMaximum(event.total)
            self.progress.setValue(event.done)
            self.state_label.setText(f"Reading {self._part}: {event.done} of {event.total} tokens")
        elif isinstance(event, ReadingAhead) and not self._running:
            self.state_label.setText("Reading the article ahead, so that the summary starts at once…")
        elif isinstance(event, Prepared) and not self._running:
            self.state_label.setText("The article is read: Ctrl+Enter writes its summary at once.")
        elif isinstance(event, Draft):
            self.progress.hide()
            writing = "the summary" if self._part == "the article" else f"a summary of {self._part}"
            self.state_label.setText(f"Writing {writing}, checking each sentence against the article…")
            self.result_view.show_draft(event.title, event.summary, event.points)
        elif isinstance(event, Checking) and not self._stopping:
            self.progress.show()
            self.progress.setMaximum(event.questions)
            self.progress.setValue(event.number)
            self.state_label.setText(f"The note is written. Asking the model whether the article says it: "
                                     f"question {event.number + 1} of {event.questions}… (Stop keeps the note)")
        elif isinstance(event, Done):
            self._on_finished(event)
        elif isinstance(event, Stopped):
            self.state_label.setText("Stopped. Your article is unchanged.")
            self._end_run()
        elif isinstance(event, Failed):
            crashed = "stopped unexpectedly" in event.message or "Unexpected error" in event.message
            where = f" Details are in the log: {log.path()} (Help > Open Log Folder)." if crashed else ""
            self._show_error(event.message + where)
            self.state_label.setText("The summary failed.")
            self._end_run()

    def _on_finished(self, done: Done) -> None:
        brief = Brief.of(done, self._cleaned, self._source, self._origin, *self._asked)
        self._show_brief(brief)
        remarks = " ".join(done.summary.notes)
        if done.reused:
            self.speed_label.clear()
            self.state_label.setText(f"Done: this text was summarized before with the same model "
                                     f"and settings, so that summary is shown. {remarks}".strip())
        else:
            self.speed_label.setText(f"{done.stats.generation_rate:.1f} tokens/s")
            self.state_label.setText(f"Done in {done.stats.total_seconds:.1f} s. {remarks}".strip())
        self._end_run()
        # [*] marks a note that would be lost: one the history keeps is not.
        self.setWindowModified(not self._keep_in_history(brief))

    def _keep_in_history(self, brief: Brief) -> bool:
        if not self.keeps_history:
            return False
        try:
            self._history_id = self.history.add(brief.history_entry())
        except (sqlite3.Error, OSError) as exc:
            self.state_label.setText(f"{self.state_label.text()} (Not kept in the history: {exc})")
            return False
        if self._history_dialog is not None and self._history_dialog.isVisible():
            self._history_dialog.refresh()
        return True

    def _end_run(self) -> None:
        self._running = False
        self.progress.hide()
        self._update_actions()

    @Slot()
    def _read_ahead(self) -> None:
        text = self.article.text()
        if self._running or text == self._read_ahead_text:
            return
        try:
            text = article.check(text)
        except article.ArticleError:
            return
        self._read_ahead_text = self.article.text()
        self.runner.read_ahead(Request(text, self._source, self._cleaned), self.model_choice, self.language,
                               self.length)

    # -- the draft ----------------------------------------------------------------------

    @Slot()
    def _keep_draft(self) -> None:
        draft.save(self.article.text())

    def _restore_draft(self) -> None:
        text = draft.load()
        if text.strip() and not self.article.text().strip():
            self.article_edit.setPlainText(text)
            self.state_label.setText("Restored the article you were editing.")

    # -- closing ------------------------------------------------------------------------

    def _unsaved_note_handled(self) -> bool:
        """Offer to save an unsaved note before it goes (one the history keeps is not
        unsaved); False when the user cancels."""
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
