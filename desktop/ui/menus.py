"""The main window's actions and menus: what each does, its keys, its tip. The actions are
the window's attributes; their slots are its methods."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QApplication

from desktop import APP_NAME
from desktop.core.input.fetch import is_link
from desktop.core.model import registry as models
from desktop.core.writing import prompts

# Summary languages offered in the menu; None writes in the article's own language.
LANGUAGES = [("Same as the Article", None), ("English", "English"), ("Español", "Spanish"),
             ("Français", "French"), ("Deutsch", "German"), ("Italiano", "Italian"),
             ("Português", "Portuguese")]
LENGTHS = (("short", "&Short"), ("standard", "S&tandard"), ("detailed", "&Detailed"))


def _with_shortcut(text: str, action: QAction) -> str:
    keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    return f"{text} ({keys})" if keys else text


def _action(window, text: str, slot, shortcut=None, tip: str | None = None) -> QAction:
    action = QAction(text, window)
    if shortcut is not None:
        shortcuts = shortcut if isinstance(shortcut, list) else [shortcut]
        action.setShortcuts([QKeySequence(s) for s in shortcuts])
    action.setToolTip(_with_shortcut(tip or text.replace("&", "").rstrip("…"), action))
    action.setStatusTip(tip or "")
    action.triggered.connect(slot)
    window.addAction(action)  # shortcuts work wherever the focus is
    return action


def build(window) -> None:
    """The window's actions (kept as its attributes, for its slots and tests) and menus."""
    key = QKeySequence.StandardKey
    window.open_action = _action(window, "&Open Article…", window.open_article, key.Open,
                                 "Open a text, Markdown, HTML, PDF or Word file as the article")
    window.open_link_action = _action(window, "Open &Link…", window.open_link, "Ctrl+L",
                                      "Fetch a web page as the article")
    window.save_action = _action(window, "&Save Note…", window.save_note, key.Save,
                                 "Save the summary as a Markdown note (or as text or JSON)")
    window.quit_action = _action(window, "&Quit", window.close, key.Quit)
    window.folder_action = _action(window, "Summarize &Folder…", window.summarize_folder, "Ctrl+Shift+O",
                                   "Make a note of each article in a folder")
    window.preferences_action = _action(window, "&Preferences…", window.preferences,
                                        [key.Preferences, "Ctrl+,"],
                                        "Where the model runs, and whether notes are kept in the history")
    window.copy_action = _action(window, "Copy &Summary", window.copy_summary, "Ctrl+Shift+C",
                                 "Copy the summary: it pastes formatted into a mail or a document, "
                                 "as plain text elsewhere")
    window.copy_markdown_action = _action(window, "Copy Summary as &Markdown", window.copy_markdown, "Ctrl+Alt+C",
                                          "Copy the summary and its evidence as Markdown")
    window.copy_text_action = _action(window, "Copy Summary as Plain &Text", window.copy_text, None,
                                      "Copy the summary as plain text")
    window.find_action = _action(window, "&Find in Article…", window.find, key.Find, "Find words in the article")
    window.find_next_action = _action(window, "Find &Next", window.article.find_next, key.FindNext)
    window.find_previous_action = _action(window, "Find Pre&vious", window.article.find_previous, key.FindPrevious)
    window.history_action = _action(window, "&History…", window.show_history, "Ctrl+H",
                                    "The notes made before: search, reopen, summarize again")
    window.summarize_action = _action(window, "&Summarize", window.summarize, ["Ctrl+Return", "Ctrl+Enter"],
                                      "Summarize the article")
    window.stop_action = _action(window, "S&top", window.stop, "Esc", "Stop the model")
    window.open_model_action = _action(window, "Open &Model File…", window.open_model_file, None,
                                       "Use a GGUF model file of your own")
    window.manage_models_action = _action(window, "&Manage Models…", window.manage_models, None,
                                          "Download, delete and inspect models; larger ones write better")
    window.server_action = _action(window, "Model on a &Server…", window.preferences, None,
                                   "Use the model of an OpenAI-compatible server")
    window.server_action.setCheckable(True)

    file_menu = window.menuBar().addMenu("&File")
    file_menu.addAction(window.open_action)
    window.recent_menu = file_menu.addMenu("Open &Recent")
    window.recent_menu.aboutToShow.connect(lambda: fill_recent_menu(window))
    for action in (window.open_link_action, window.save_action):
        file_menu.addAction(action)
    file_menu.addSeparator()
    file_menu.addAction(window.folder_action)
    file_menu.addSeparator()
    file_menu.addAction(window.preferences_action)
    file_menu.addSeparator()
    file_menu.addAction(window.quit_action)

    edit_menu = window.menuBar().addMenu("&Edit")
    # What these act on is the widget with the focus: the article, the summary or a field.
    window.edit_actions = {}
    for name, text, shortcut in (("undo", "&Undo", key.Undo), ("redo", "&Redo", key.Redo),
                                 ("cut", "Cu&t", key.Cut), ("copy", "&Copy", key.Copy),
                                 ("paste", "&Paste", key.Paste), ("selectAll", "Select &All", key.SelectAll)):
        action = QAction(text, window)
        action.setShortcuts(QKeySequence.keyBindings(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)  # the widgets keep their own keys
        action.triggered.connect(lambda _=False, n=name: _edit(n))
        edit_menu.addAction(action)
        window.edit_actions[name] = action
        if name in ("redo", "paste"):
            edit_menu.addSeparator()
    edit_menu.addSeparator()
    for action in (window.find_action, window.find_next_action, window.find_previous_action):
        edit_menu.addAction(action)
    edit_menu.addSeparator()
    for action in (window.copy_action, window.copy_markdown_action, window.copy_text_action):
        edit_menu.addAction(action)
    edit_menu.aboutToShow.connect(lambda: _update_edit_actions(window))

    summary_menu = window.menuBar().addMenu("&Summary")
    summary_menu.addAction(window.summarize_action)
    summary_menu.addAction(window.stop_action)
    summary_menu.addSeparator()
    language_menu = summary_menu.addMenu("Summary &Language")
    group = QActionGroup(window)
    window.language_actions = {}
    for label, language in LANGUAGES:
        action = QAction(label, window, checkable=True)
        action.setChecked(language == window.language)
        action.triggered.connect(lambda _=False, lang=language: window.choose_language(lang))
        group.addAction(action)
        language_menu.addAction(action)
        window.language_actions[language] = action
    length_menu = summary_menu.addMenu("Summary L&ength")
    group = QActionGroup(window)
    window.length_actions = {}
    for name, label in LENGTHS:
        asked = prompts.LENGTHS[name]  # what the model is asked for, in the user's words
        tip = f"{asked.points_asked.capitalize()} and {asked.sentences_asked}"
        action = QAction(label, window, checkable=True)
        action.setStatusTip(tip)
        action.setToolTip(tip)
        action.setChecked(name == window.length.name)
        action.triggered.connect(lambda _=False, n=name: window.choose_length(n))
        group.addAction(action)
        length_menu.addAction(action)
        window.length_actions[name] = action
    summary_menu.addSeparator()
    summary_menu.addAction(window.history_action)
    window.model_menu = window.menuBar().addMenu("&Model")
    window.model_actions = {}
    for name, spec in models.registry().items():
        action = QAction(spec.title, window, checkable=True)
        action.triggered.connect(lambda _=False, n=name: window.choose_model(n))
        window.model_menu.addAction(action)
        window.model_actions[name] = action
    window.model_menu.addSeparator()
    window.model_menu.addAction(window.manage_models_action)
    window.model_menu.addAction(window.open_model_action)
    window.model_menu.addAction(window.server_action)
    help_menu = window.menuBar().addMenu("&Help")
    help_menu.addAction(_action(window, "Open &Log Folder", window.open_log_folder, None,
                                "The log says what went wrong when a model crashes or a summary fails"))
    help_menu.addAction(_action(window, f"&About {APP_NAME}", window.about))

    window.summarize_button.clicked.connect(window.summarize_action.trigger)
    window.summarize_button.setToolTip(window.summarize_action.toolTip())
    window.stop_button.clicked.connect(window.stop_action.trigger)
    window.stop_button.setToolTip(window.stop_action.toolTip())
    window._check_model_menu()


def fill_recent_menu(window) -> None:
    """File > Open Recent, as it is now (filled as it opens)."""
    window.recent_menu.clear()
    recent = window._recent()
    for number, origin in enumerate(recent, 1):
        label = origin if is_link(origin) else Path(origin).name
        action = window.recent_menu.addAction(f"&{number % 10} {label}")
        action.setToolTip(origin)
        action.setStatusTip(origin)
        action.triggered.connect(lambda _=False, o=origin: window.open_given([o]))
    if not recent:
        window.recent_menu.addAction("No recent articles").setEnabled(False)
    window.recent_menu.addSeparator()
    clear = window.recent_menu.addAction("&Clear Menu")
    clear.setEnabled(bool(recent))
    clear.triggered.connect(lambda: window.settings.setValue("recent/files", []))


def _edit(name: str) -> None:
    """Undo, copy, paste… in the widget that has the focus, as its own keys would."""
    widget = QApplication.focusWidget()
    if widget is not None and hasattr(widget, name):
        getattr(widget, name)()


def _update_edit_actions(window) -> None:
    widget = QApplication.focusWidget()
    for name, action in window.edit_actions.items():
        action.setEnabled(widget is not None and hasattr(widget, name))
