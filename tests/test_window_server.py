"""The window with a model behind a real server (llama_cpp.server with the test model), and
File > Summarize Folder, driven as a user drives them."""

import json

import pytest
import yaml
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from desktop.core.engine import Done
from desktop.ui import batch_dialog, preferences
from desktop.ui.main_window import MainWindow
from tests.conftest import FIXTURES, free_port, runner_event
from tests.longtext import long_article

RUN_TIMEOUT_MS = 300_000


def test_a_server_chosen_in_preferences_is_tested_used_and_remembered(qtbot, window, llama_server, test_model,
                                                                      article_text, monkeypatch, tmp_path):
    seen = {}

    def fill_in(dialog):
        dialog.server_button.click()
        qtbot.keyClicks(dialog.url_edit, f"http://127.0.0.1:{free_port()}/v1")
        dialog.test_button.click()
        qtbot.waitUntil(lambda: dialog.test_result.text().startswith("✘"), timeout=30_000)
        seen["down"] = dialog.test_result.text()
        dialog.url_edit.setText(llama_server)
        qtbot.keyClicks(dialog.key_edit, "typed-key-77")  # the test server takes any
        dialog.test_button.click()
        qtbot.waitUntil(lambda: dialog.test_result.text().startswith("✔"), timeout=30_000)
        seen["up"] = dialog.test_result.text()
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()

    monkeypatch.setattr(preferences.PreferencesDialog, "exec", fill_in)
    window.preferences_action.trigger()
    assert "Cannot reach the server" in seen["down"]
    assert str(test_model.path) in seen["up"] and "4096 tokens" in seen["up"]
    assert window.server_action.isChecked()
    assert not any(a.isChecked() for a in window.model_actions.values())
    assert window.settings.value("server/url") == llama_server
    window.settings.sync()
    assert "typed-key-77" not in (tmp_path / "settings.ini").read_text()  # no keyring here: the session's
    assert window.model_choice.key == "typed-key-77"
    qtbot.waitUntil(lambda: llama_server in window.model_label.text(), timeout=60_000)

    window.article_edit.setPlainText(article_text)
    with runner_event(qtbot, window.runner, Done):
        qtbot.keyClick(window.article_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    front = yaml.safe_load(window.brief.markdown.split("---\n")[1])
    assert front["backend"] == llama_server and front["model"] == str(test_model.path)
    shown = window.result_view.toPlainText()
    assert front["title"] in shown and "Summary" in shown and "Checks:" in shown

    reopened = MainWindow(settings=window.settings)  # the choice is remembered
    qtbot.addWidget(reopened)
    assert reopened.server_action.isChecked()
    reopened.choose_model("test")  # a model of this computer again
    assert not reopened.server_action.isChecked() and reopened.model_actions["test"].isChecked()


def _folder(tmp_path, count):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "bridge.txt").write_text((FIXTURES / "article-harbor-bridge.txt").read_text())
    for n in range(count - 1):
        (folder / f"council-{n}.txt").write_text(long_article(300, seed=n))
    (folder / "photo.jpg").write_bytes(b"\xff\xd8 not an article")
    return folder


@pytest.fixture
def summarize_folder(window, llama_server, monkeypatch):
    """File > Summarize Folder with the server's model, answered with the folders given: the
    dialog it opens."""
    window.settings.setValue("model/source", "server")
    window.settings.setValue("server/url", llama_server)
    window.settings.setValue("summary/length", "short")  # the folder is tested, not the length
    opened = []
    monkeypatch.setattr(batch_dialog.BatchDialog, "exec", lambda self: opened.append(self))

    def run(folder, out):
        answers = iter([str(folder), str(out)])
        monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: next(answers)))
        window.folder_action.trigger()
        return opened[-1]

    return run


def test_summarize_folder_lists_each_article_and_makes_its_note(qtbot, tmp_path, summarize_folder):
    out = tmp_path / "notes"
    out.mkdir()
    dialog = summarize_folder(_folder(tmp_path, 2), out)
    assert dialog.items.count() == 2  # the photo is no article
    qtbot.waitUntil(lambda: not dialog.running, timeout=RUN_TIMEOUT_MS)
    assert dialog.progress.value() == 2
    rows = [dialog.items.item(i).text() for i in range(2)]
    assert all(row.startswith("✔") for row in rows), rows
    assert "2 note(s) made" in dialog.status.text()
    report = [json.loads(line) for line in (out / "report.jsonl").read_text().splitlines()]
    assert {r["note"] for r in report} == {"bridge.md", "council-0.md"}
    assert all((out / r["note"]).read_text().startswith("---\n") for r in report)


def test_stopping_a_folder_keeps_the_notes_made_and_the_next_run_goes_on(qtbot, tmp_path, summarize_folder):
    folder, out = _folder(tmp_path, 2), tmp_path / "notes"
    out.mkdir()
    dialog = summarize_folder(folder, out)
    qtbot.waitUntil(lambda: dialog.done_count >= 1, timeout=RUN_TIMEOUT_MS)
    dialog.stop_button.click()
    qtbot.waitUntil(lambda: not dialog.running, timeout=RUN_TIMEOUT_MS)
    assert dialog.status.text().startswith("Stopped.")
    made = len((out / "report.jsonl").read_text().splitlines())
    assert made == 1
    again = summarize_folder(folder, out)
    qtbot.waitUntil(lambda: not again.running, timeout=RUN_TIMEOUT_MS)
    assert "1 note(s) made, 1 made before" in again.status.text()
    assert sum(again.items.item(i).text().endswith("made before") for i in range(2)) == 1
