"""Daily use of the window: the history, a second launch, recent files, the Edit menu, find,
copy, the log, and highlights that read in a dark theme."""

import json
import os
import subprocess
import sys
import uuid

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QFileDialog, QMessageBox

from desktop.core.engine import Done
from desktop.ui.main_window import MainWindow
from desktop.ui.menus import fill_recent_menu
from tests.conftest import FIXTURES, runner_event
from tests.fake_runner import FakeRunner

RUN_TIMEOUT_MS = 300_000


def summarize(qtbot, window):
    with runner_event(qtbot, window.runner, Done):
        qtbot.keyClick(window.article_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def test_history_finds_reopens_as_it_was_summarizes_again_and_deletes(qtbot, window, article_text, monkeypatch,
                                                                      tmp_path):
    other = (FIXTURES / "article-harbor-bridge.txt").read_text(encoding="utf-8").split("Image:")[0].strip()
    other = other.replace("bridge", "tunnel").replace("Bridge", "Tunnel")
    window.article_edit.setPlainText(article_text)
    summarize(qtbot, window)
    first_title, first_note = window.brief.title, window.brief.markdown
    window.article_edit.setPlainText(other)
    summarize(qtbot, window)
    assert len(window.history) == 2

    qtbot.keyClick(window.article_edit, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    panel = window._history_dialog
    qtbot.waitExposed(panel)
    assert panel.list.count() == 2
    assert panel.list.item(0).text().startswith(window.brief.title)  # newest first
    qtbot.keyClicks(panel.search_edit, "tunnel")
    qtbot.waitUntil(lambda: panel.list.count() == 1)
    assert "1 note(s) match" in panel.count_label.text()
    panel.search_edit.clear()
    qtbot.waitUntil(lambda: panel.list.count() == 2)

    window.article_edit.setPlainText("Something else entirely, typed later. " * 5)
    panel.list.setCurrentRow(1)  # the first summary
    assert first_title in panel.preview.toPlainText()
    panel.open_button.click()
    assert window.article_edit.toPlainText().strip() == article_text.strip()
    assert window.brief.title == first_title and window.brief.markdown == first_note
    assert first_title in window.result_view.toPlainText() and "Checks:" in window.result_view.toPlainText()
    assert not window.isWindowModified()
    supported = [i for i, e in enumerate(window.brief.review.evidence) if e.spans]
    assert supported  # the test article's points are found in it
    window.show_evidence(supported[0])  # the reopened note's evidence is found in its article
    assert window.evidence_shown

    saved = tmp_path / "reopened"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(saved), "JSON (*.json)"))
    window.save_action.trigger()  # a reopened note saves in any form
    assert json.loads((tmp_path / "reopened.json").read_text(encoding="utf-8"))["title"] == first_title

    with runner_event(qtbot, window.runner, Done):
        panel.again_button.click()
    assert window.brief.title == first_title  # the same text, model and settings: the same answer
    assert len(window.history) == 3

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    panel.refresh()
    panel.list.setCurrentRow(0)  # the note the window shows
    assert not window.isWindowModified()
    panel.delete_button.click()
    assert len(window.history) == 2 and panel.list.count() == 2
    assert window.isWindowModified()  # no longer kept anywhere: unsaved again
    panel.clear_button.click()
    assert len(window.history) == 0 and panel.list.count() == 0
    assert "No notes yet" in panel.preview.toPlainText()
    assert window.article_edit.toPlainText().strip() == article_text.strip()  # the window keeps its text


def test_with_the_history_off_nothing_is_kept_and_an_unsaved_note_is_marked(qtbot, window, article_text):
    window.settings.setValue("history/enabled", "false")
    window._apply_settings()  # as Preferences does
    window.article_edit.setPlainText(article_text)
    summarize(qtbot, window)
    assert len(window.history) == 0 and window.isWindowModified()
    with window.history._db() as db:  # nor its stored answer
        assert db.execute("SELECT count(*) FROM answers").fetchone()[0] == 0
    window.show_history()
    assert window._history_dialog.off_label.isVisibleTo(window._history_dialog)


def test_the_preferences_reach_the_engine_as_a_job_of_the_runner(menus_window):
    assert menus_window.runner.configured == [(0, True)]  # applied at start
    menus_window.settings.setValue("model/threads", 1)
    menus_window.settings.setValue("history/enabled", "false")
    menus_window._apply_settings()
    assert menus_window.runner.configured[-1] == (1, False)  # one thread, no stored answers


def test_a_second_launch_hands_its_file_to_the_running_window(qtbot, menus_window, tmp_path, monkeypatch):
    from desktop.ui.single import NAME_VARIABLE, SingleInstance

    name = f"neutral-brief-test-{uuid.uuid4().hex[:8]}"
    monkeypatch.setenv(NAME_VARIABLE, name)
    instance = SingleInstance()
    assert instance.listen(menus_window.bring_forward)
    article = tmp_path / "second.txt"
    article.write_text("A second article, opened from the file manager. " * 8, encoding="utf-8")
    launch = subprocess.Popen([sys.executable, "-m", "desktop", str(article)],
                              env={**os.environ, NAME_VARIABLE: name, "QT_QPA_PLATFORM": "offscreen"},
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    qtbot.waitUntil(lambda: launch.poll() is not None, timeout=30_000)  # it handed over and left
    assert launch.returncode == 0, launch.stderr.read()
    qtbot.waitUntil(lambda: menus_window.article_edit.toPlainText().startswith("A second article"), timeout=10_000)
    assert menus_window.runner.asked == [("load", "default")]  # no second model was loaded


def test_recent_files_reopen_and_can_be_cleared(qtbot, menus_window, tmp_path, monkeypatch):
    paths = []
    for n in range(12):
        path = tmp_path / f"article-{n}.txt"
        path.write_text(f"Article number {n} says what happened in the town today. " * 4, encoding="utf-8")
        paths.append(path)
        menus_window.load_article(path)
        qtbot.waitUntil(lambda n=n: menus_window.article_edit.toPlainText().startswith(f"Article number {n} "))
    fill_recent_menu(menus_window)
    labels = [a.text() for a in menus_window.recent_menu.actions() if a.text()]
    assert labels[0] == "&1 article-11.txt" and len([l for l in labels if ".txt" in l]) == 10
    next(a for a in menus_window.recent_menu.actions() if "article-5.txt" in a.text()).trigger()
    qtbot.waitUntil(lambda: menus_window.article_edit.toPlainText().startswith("Article number 5 "))
    fill_recent_menu(menus_window)
    assert menus_window.recent_menu.actions()[0].text() == "&1 article-5.txt"
    next(a for a in menus_window.recent_menu.actions() if a.text() == "&Clear Menu").trigger()
    fill_recent_menu(menus_window)
    assert menus_window.recent_menu.actions()[0].text() == "No recent articles"


def test_edit_menu_and_find_work_on_the_article(qtbot, menus_window):
    edit = menus_window.article_edit
    edit.setPlainText("The mayor spoke. The council voted. The mayor left.")
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    menus_window.edit_actions["selectAll"].trigger()
    assert edit.textCursor().selectedText() == edit.toPlainText()
    menus_window.edit_actions["copy"].trigger()
    assert QGuiApplication.clipboard().text() == edit.toPlainText()
    menus_window.edit_actions["cut"].trigger()
    assert edit.toPlainText() == ""
    menus_window.edit_actions["undo"].trigger()
    assert edit.toPlainText().startswith("The mayor spoke.")

    menus_window.find_action.trigger()
    assert menus_window.article.find_bar.isVisible()
    qtbot.keyClicks(menus_window.article.find_edit, "mayor")
    assert edit.textCursor().selectedText() == "mayor" and edit.textCursor().selectionStart() == 4
    menus_window.find_next_action.trigger()
    assert edit.textCursor().selectionStart() == 40
    menus_window.find_next_action.trigger()  # round the end
    assert edit.textCursor().selectionStart() == 4
    qtbot.keyClicks(menus_window.article.find_edit, "x")
    assert menus_window.article.find_status.text() == "Not found"
    qtbot.keyClick(menus_window.article.find_edit, Qt.Key.Key_Escape)
    assert not menus_window.article.find_bar.isVisible() and edit.hasFocus()


def test_tab_leaves_the_article_and_every_control_has_a_name(qtbot, menus_window):
    edit = menus_window.article_edit
    edit.setPlainText("An article.")
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    assert not edit.hasFocus() and edit.toPlainText() == "An article."
    from PySide6.QtWidgets import QAbstractButton, QLineEdit, QPlainTextEdit, QTextEdit

    for widget in menus_window.findChildren(QAbstractButton) + menus_window.findChildren(QLineEdit) + \
            menus_window.findChildren(QPlainTextEdit) + menus_window.findChildren(QTextEdit):
        if widget.objectName().startswith("qt_") or isinstance(widget.parent(), QLineEdit):
            continue  # Qt's own parts: a field's clear button, the menu bar's overflow
        assert widget.accessibleName() or (isinstance(widget, QAbstractButton) and widget.text()), widget


def test_about_names_the_version_and_help_opens_the_log_folder(qtbot, menus_window, monkeypatch):
    from PySide6.QtGui import QDesktopServices

    from desktop import __version__

    shown, opened = [], []
    monkeypatch.setattr(QMessageBox, "about", lambda *a: shown.append(a[2]))
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    menus_window.about()
    assert __version__ in shown[0] and __version__ != "0+unknown"
    menus_window.open_log_folder()
    assert opened and os.path.isdir(opened[0]) and "neutral-brief" in opened[0]


def _contrast(a: QColor, b: QColor) -> float:
    def luminance(c: QColor) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_highlights_read_in_light_and_dark_themes_and_are_not_colour_alone(qtbot, theme):
    from desktop.core.checks.evidence import Evidence
    from desktop.core.checks.review import Flag, Review
    from desktop.core.writing.form import Summary
    from desktop.ui.summary_view import SummaryView, flag_colors

    palette = QPalette()
    base, text = (QColor("#ffffff"), QColor("#000000")) if theme == "light" else (QColor("#1e1e1e"), QColor("#e6e6e6"))
    palette.setColor(QPalette.ColorRole.Base, base)
    palette.setColor(QPalette.ColorRole.Text, text)
    for color in flag_colors(palette).values():
        assert _contrast(QColor(color), text) >= 4.5  # WCAG AA for body text
    view = SummaryView()
    view.setPalette(palette)
    qtbot.addWidget(view)
    summary = Summary("Title", ["The plan is a disaster."], ["A point."])
    flag = Flag("summary", 0, 12, 22, "a disaster", "opinion", "An opinion stated as fact: say whose it is")
    view.show_summary(summary, Review(flags=[flag], evidence=[Evidence(((0, 5),), 1.0)]))
    html = view.toHtml()
    assert "underline" in html and text.name() in html  # key points in the theme's text colour
    switched = QPalette(palette)  # the desktop's theme changes while the summary is shown
    switched.setColor(QPalette.ColorRole.Text, QColor("#123456"))
    view.setPalette(switched)
    assert "#123456" in view.toHtml() and "a disaster" in view.toPlainText()
    view.resize(500, 300)
    view.show()
    qtbot.waitExposed(view)
    cursor = view.document().find("disaster")
    rect = view.cursorRect(cursor)
    assert view.reason_at(rect.center()) == flag.reason


def test_the_length_chosen_is_remembered_and_asked_of_the_model(qtbot, menus_window):
    menus_window.length_actions["detailed"].trigger()
    assert menus_window.settings.value("summary/length") == "detailed"
    menus_window.article_edit.setPlainText("The council voted on Thursday to build a bridge over the harbour. " * 4)
    menus_window.summarize_action.trigger()
    assert menus_window.runner.asked[-1][2] == "detailed"
    menus_window.stop()
    again = MainWindow(settings=menus_window.settings, runner=FakeRunner())
    qtbot.addWidget(again)
    assert again.length_actions["detailed"].isChecked() and not again.length_actions["standard"].isChecked()


def test_the_threads_chosen_in_preferences_are_the_models_and_it_still_summarizes(qtbot, window, article_text):
    from desktop.ui.preferences import PreferencesDialog

    dialog = PreferencesDialog(window.settings, window)
    assert dialog.threads_spin.value() == 0 and "Automatic" in dialog.threads_spin.text()
    dialog.threads_spin.setValue(1)
    dialog.accept()
    window._apply_settings()  # as Preferences does when it closes
    window.article_edit.setPlainText(article_text)
    summarize(qtbot, window)  # the model loaded again with one thread
    assert window.runner.engine._options["threads"] == 1
    assert window.brief is not None and PreferencesDialog(window.settings, window).threads_spin.value() == 1
