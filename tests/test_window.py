"""The real window with the real test model, driven as a user drives it."""

import os
import signal

import pytest
import yaml
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox

from desktop.ui.main_window import MainWindow

RUN_TIMEOUT_MS = 300_000


@pytest.fixture
def window(qtbot, tmp_path, test_model):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("model/choice", "test")
    w = MainWindow(settings=settings)
    # No "save before closing?" question when the test ends.
    qtbot.addWidget(w, before_close_func=lambda w: w.setWindowModified(False))
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    return w


@pytest.fixture(autouse=True)
def no_modal_dialogs(monkeypatch):
    """A dialog nobody answers would hang the run: fail instead (tests that expect one patch it)."""
    def unexpected(*args, **kwargs):
        raise AssertionError(f"unexpected dialog: {args[1:3]}")

    for name in ("question", "warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, name, unexpected)


def press(qtbot, window, key, modifiers=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(window.article_edit, key, modifiers)


def summarize(qtbot, window):
    with qtbot.waitSignal(window.runner.finished, timeout=RUN_TIMEOUT_MS):
        press(qtbot, window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def test_paste_summarize_save_and_copy(qtbot, window, article_text, tmp_path, monkeypatch):
    window.article_edit.setPlainText(article_text)
    summarize(qtbot, window)
    shown = window.result_view.toPlainText()
    assert "Summary" in shown and "Key points" in shown
    assert window.isWindowModified()
    assert "Neutral Brief" in window.windowTitle()
    assert "tokens/s" in window.speed_label.text()

    target = tmp_path / "notes" / "bridge.md"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "Markdown (*.md)"))
    press(qtbot, window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    text = target.read_text(encoding="utf-8")
    _, front, body = text.split("---\n", 2)
    meta = yaml.safe_load(front)
    assert meta["model"] == "SmolLM2-135M-Instruct (Q4_1)" and meta["title"]
    assert f"# {meta['title']}" in body
    points = [line for line in body.splitlines() if line.startswith("- ")]
    assert 3 <= len(points) <= 7
    assert not window.isWindowModified()
    assert window.article_edit.toPlainText() == article_text

    press(qtbot, window, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert QGuiApplication.clipboard().text() == text


def test_escape_stops_a_run_and_the_window_stays_usable(qtbot, window, long_article_text, article_text):
    window.article_edit.setPlainText(long_article_text)
    with qtbot.waitSignal(window.runner.reading, timeout=RUN_TIMEOUT_MS):
        press(qtbot, window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not window.summarize_button.isEnabled() and window.stop_button.isEnabled()
    with qtbot.waitSignal(window.runner.stopped, timeout=30_000):
        press(qtbot, window, Qt.Key.Key_Escape)
    assert "Stopped" in window.state_label.text()
    assert window.article_edit.toPlainText() == long_article_text
    assert window.summarize_button.isEnabled() and not window.stop_button.isEnabled()

    window.article_edit.setPlainText(article_text)
    summarize(qtbot, window)
    assert "Key points" in window.result_view.toPlainText()


def test_a_crashed_model_process_is_reported_and_the_next_run_works(qtbot, window, long_article_text):
    window.article_edit.setPlainText(long_article_text)
    with qtbot.waitSignal(window.runner.reading, timeout=RUN_TIMEOUT_MS):
        press(qtbot, window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    with qtbot.waitSignal(window.runner.failed, timeout=30_000):
        os.kill(window.runner.engine.worker_pid, signal.SIGKILL)
    assert window.error_banner.isVisible()
    assert "model process stopped unexpectedly" in window.error_banner.text()
    assert window.article_edit.toPlainText() == long_article_text
    assert window.summarize_button.isEnabled()

    summarize(qtbot, window)
    assert not window.error_banner.isVisible()
    assert "Key points" in window.result_view.toPlainText()


def test_too_little_text_gets_a_message_not_a_run(qtbot, window):
    assert not window.summarize_button.isEnabled()  # nothing pasted yet
    window.article_edit.setPlainText("Breaking news.")
    assert window.summarize_button.isEnabled()
    window.summarize_button.click()
    assert "an article needs at least" in window.error_banner.text()
    assert window.article_edit.toPlainText() == "Breaking news."


def test_shortcuts_are_shown_in_menus_and_tooltips(window):
    expected = {
        window.summarize_action: "Ctrl+Return",
        window.stop_action: "Esc",
        window.save_action: QKeySequence(QKeySequence.StandardKey.Save).toString(),
        window.copy_action: "Ctrl+Shift+C",
        window.open_action: QKeySequence(QKeySequence.StandardKey.Open).toString(),
    }
    menus = [a for menu in window.menuBar().actions() for a in menu.menu().actions()]
    for action, keys in expected.items():
        assert action.shortcut().toString() == keys
        assert keys in action.toolTip()
        assert action in menus
    assert "Ctrl+Return" in window.summarize_button.toolTip()
    assert "Esc" in window.stop_button.toolTip()


def test_open_article_replaces_text_undoably_and_refuses_unreadable_files(
        qtbot, window, tmp_path, monkeypatch):
    path = tmp_path / "article.txt"
    path.write_text("Une phrase en français, écrite en Latin-1.\n" * 10, encoding="latin-1")
    window.article_edit.setPlainText("what I pasted before")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    press(qtbot, window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert window.article_edit.toPlainText().startswith("Une phrase en français")
    window.article_edit.undo()
    assert window.article_edit.toPlainText() == "what I pasted before"

    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(a[2]))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(tmp_path / "x.pdf"), ""))
    window.open_action.trigger()
    assert warnings and "only plain text and Markdown" in warnings[0]
    assert window.article_edit.toPlainText() == "what I pasted before"


def test_closing_with_an_unsaved_summary_asks_first(qtbot, window, monkeypatch):
    window.setWindowModified(True)
    asked = []

    def cancel(*args, **kwargs):
        asked.append(args[2])
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", cancel)
    window.close()
    assert asked and window.isVisible()


def test_a_model_file_of_the_users_own_is_used_and_remembered(qtbot, window, test_model, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(test_model.path), ""))
    window.open_model_action.trigger()
    assert window.settings.value("model/choice") == str(test_model.path)
    assert not any(action.isChecked() for action in window.model_actions.values())
    qtbot.waitUntil(lambda: window.model_label.text() == "Model: SmolLM2-135M-Instruct.Q4_1.gguf",
                    timeout=RUN_TIMEOUT_MS)
