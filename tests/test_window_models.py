"""Model > Manage Models with the real dialog, downloading from a local server that answers as
the Hugging Face hub does."""

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QInputDialog, QMessageBox

from desktop.ui.main_window import MainWindow
from tests.hubserver import FakeHub
from tests.test_window_daily import FakeRunner

REPO_FILE = "someone/Tiny-GGUF/tiny-q4_1.gguf"


@pytest.fixture
def manager(qtbot, tmp_path, monkeypatch, test_model):
    server = FakeHub()
    server.add(REPO_FILE, test_model.path)
    monkeypatch.setenv("HF_ENDPOINT", server.url)
    models = tmp_path / "models"  # a models folder of its own, with the test model in it
    models.mkdir()
    (models / test_model.path.name).symlink_to(test_model.path)
    monkeypatch.setenv("NEUTRAL_BRIEF_MODELS_DIR", str(models))
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("model/choice", "test")
    window = MainWindow(settings=settings, runner=FakeRunner())
    qtbot.addWidget(window)
    window.manage_models_action.trigger()
    dialog = window.model_manager
    qtbot.waitExposed(dialog)
    yield window, dialog, server
    server.close()


def _select(dialog, title):
    for i in range(dialog.tree.topLevelItemCount()):
        if dialog.tree.topLevelItem(i).text(0) == title:
            dialog.tree.setCurrentItem(dialog.tree.topLevelItem(i))
            return dialog.tree.topLevelItem(i)
    raise AssertionError(f"{title} is not listed")


def test_the_manager_lists_the_models_with_size_memory_and_speed(manager):
    window, dialog, _ = manager
    titles = [dialog.tree.topLevelItem(i).text(0) for i in range(dialog.tree.topLevelItemCount())]
    assert titles[:2] == ["Qwen2.5-Coder-1.5B-Instruct (Q4_K_M)", "SmolLM2-135M-Instruct (Q4_1)"]
    assert len(titles) >= 6  # the registry's and the recommended ones
    test_row = _select(dialog, "SmolLM2-135M-Instruct (Q4_1)")
    assert test_row.text(1) == "0.1 GB" and test_row.text(2) == "0.5 GB" and test_row.text(4) == "in use"
    assert "× the default's time" in test_row.text(3)
    assert not dialog.delete_button.isEnabled() and not dialog.use_button.isEnabled()  # it is in use
    dialog.info_button.click()
    form = dialog.info_dialog.findChildren(type(dialog.status))
    shown = " ".join(label.text() for label in form)
    assert "llama" in shown and "Q4_1" in shown and "8,192 tokens" in shown


def test_a_hub_model_is_added_downloaded_paused_resumed_used_and_deleted(qtbot, manager, monkeypatch):
    window, dialog, server = manager
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (REPO_FILE, True))
    dialog.add_button.click()
    row = _select(dialog, "tiny-q4_1.gguf")
    qtbot.waitUntil(lambda: row.text(1) == "0.1 GB", timeout=10_000)  # the hub said its size

    server.delay = 0.05
    dialog.download_button.click()
    qtbot.waitUntil(lambda: dialog.progress.value() >= 3, timeout=30_000)
    dialog.pause_button.click()
    qtbot.waitUntil(lambda: "Paused" in dialog.status.text(), timeout=30_000)
    assert row.text(4) == "not downloaded" and dialog.download_button.text() == "&Resume"

    server.delay = 0
    dialog.download_button.click()
    qtbot.waitUntil(lambda: "downloaded and verified" in dialog.status.text(), timeout=60_000)
    assert len(server.ranges) == 1 and row.text(4) == "downloaded"
    dialog.use_button.click()
    assert window.settings.value("model/choice").endswith("tiny-q4_1.gguf")
    assert ("load", window.settings.value("model/choice")) in window.runner.asked
    assert _select(dialog, "tiny-q4_1.gguf").text(4) == "in use"

    _select(dialog, "SmolLM2-135M-Instruct (Q4_1)")
    dialog.use_button.click()  # back to the test model, so the hub's file can go
    row = _select(dialog, "tiny-q4_1.gguf")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    dialog.delete_button.click()
    assert row.text(4) == "not downloaded" and "Deleted" in dialog.status.text()


def test_an_unreachable_hub_is_said_and_nothing_is_kept(qtbot, manager, tmp_path):
    window, dialog, server = manager
    server.close()
    _select(dialog, "Qwen2.5-3B-Instruct (Q4_K_M)")
    dialog.download_button.click()
    qtbot.waitUntil(lambda: "cannot be reached" in dialog.status.text(), timeout=30_000)
    assert dialog.download_button.isEnabled()
    assert [p.name for p in (tmp_path / "models").iterdir() if not p.name.endswith(".lock")] == \
        ["SmolLM2-135M-Instruct.Q4_1.gguf"]  # nothing of the failed download
