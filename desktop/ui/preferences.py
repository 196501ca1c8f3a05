"""Preferences: where the model runs (this computer, with how many CPU threads, or an
OpenAI-compatible server) and whether notes are kept in the history."""

from __future__ import annotations

import os
import threading

from PySide6.QtCore import QObject, QSettings, Signal, Slot
from PySide6.QtWidgets import (
    QButtonGroup, QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit,
    QPushButton, QRadioButton, QSpinBox, QVBoxLayout,
)

from desktop.core.model import server
from desktop.core.model import default_threads

LOCAL, SERVER = "local", "server"
# Keys typed in Preferences where there is no keyring: for this session, per server address.
_session_keys: dict[str, str] = {}


def model_source(settings: QSettings) -> server.Server | None:
    """The server the settings choose, or None for this computer's model."""
    if settings.value("model/source", LOCAL) != SERVER or not settings.value("server/url"):
        return None
    chosen = server.Server(str(settings.value("server/url")), str(settings.value("server/model", "")))
    return server.Server(chosen.url, chosen.model, _session_keys.get(chosen.base, ""))


class _Answer(QObject):
    ready = Signal(int, bool, str)  # which test, reached, what was found or what went wrong


class PreferencesDialog(QDialog):
    """Where the model runs. The API key is kept in the system keyring, or for this session
    only when there is none; never in the settings file."""

    def __init__(self, settings: QSettings, parent=None):
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle("Preferences")
        self.local_button = QRadioButton("&This computer (the model chosen in the Model menu)")
        self.server_button = QRadioButton("An OpenAI-compatible &server (llama-server, Ollama, vLLM…)")
        group = QButtonGroup(self)
        group.addButton(self.local_button)
        group.addButton(self.server_button)
        self.url_edit = QLineEdit(str(settings.value("server/url", "")))
        self.url_edit.setPlaceholderText("http://127.0.0.1:8080/v1")
        self.url_edit.setAccessibleName("Server address")
        self.model_edit = QLineEdit(str(settings.value("server/model", "")))
        self.model_edit.setPlaceholderText("the server's first model")
        self.model_edit.setAccessibleName("Server model name")
        self.key_edit = QLineEdit()
        self.key_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.key_edit.setAccessibleName("API key")
        self.key_edit.setPlaceholderText(f"empty: ${server.KEY_VARIABLE} or the keyring's, if any")
        self.test_button = QPushButton("Test &Connection")
        self.test_result = QLabel()
        self.test_result.setWordWrap(True)
        form = QFormLayout()
        form.addRow("Address:", self.url_edit)
        form.addRow("Model:", self.model_edit)
        form.addRow("API key:", self.key_edit)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.test_result, 1)
        form.addRow(test_row)
        self.server_box = QGroupBox("Server")
        self.server_box.setLayout(form)
        source = QGroupBox("Model source")
        source_layout = QVBoxLayout(source)
        source_layout.addWidget(self.local_button)
        source_layout.addWidget(self.server_button)
        source_layout.addWidget(self.server_box)
        self.history_check = QCheckBox("&Keep every note in the history (Summary > History, Ctrl+H)")
        self.history_check.setToolTip("Notes and their articles are kept on this computer only, in "
                                      "your data folder. Turning this off keeps no new ones.")
        self.history_check.setChecked(str(settings.value("history/enabled", "true")).lower() != "false")
        history_box = QGroupBox("History")
        QVBoxLayout(history_box).addWidget(self.history_check)
        self.threads_spin = QSpinBox()
        self.threads_spin.setRange(0, max(1, os.cpu_count() or 1))
        self.threads_spin.setSpecialValueText(f"Automatic (all {default_threads()} this app may use)")
        self.threads_spin.setValue(int(settings.value("model/threads", 0) or 0))
        self.threads_spin.setAccessibleName("CPU threads for the model")
        self.threads_spin.setToolTip("Fewer threads leave the computer more responsive while a summary is "
                                     "written; more write faster, up to the number of cores")
        threads_form = QFormLayout()
        threads_form.addRow("CPU threads for this computer's model:", self.threads_spin)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(source)
        layout.addLayout(threads_form)
        layout.addWidget(history_box)
        layout.addWidget(self.buttons)
        (self.server_button if settings.value("model/source", LOCAL) == SERVER else self.local_button).setChecked(True)
        self.server_button.toggled.connect(self._update)
        self.url_edit.textChanged.connect(self._update)
        self.test_button.clicked.connect(self.test_connection)
        self._tests = 0  # tests of the connection asked for; only the newest answer is shown
        self._answer = _Answer(self)
        self._answer.ready.connect(self._on_answer)
        self._update()

    @Slot()
    def _update(self) -> None:
        on_server = self.server_button.isChecked()
        self.server_box.setEnabled(on_server)
        has_url = "://" in self.url_edit.text()
        self.test_button.setEnabled(on_server and has_url)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not on_server or has_url)

    def chosen(self) -> server.Server:
        url = self.url_edit.text().strip()
        key = self.key_edit.text() or _session_keys.get(server.Server(url).base, "")
        return server.Server(url, self.model_edit.text().strip(), key)

    @Slot()
    def test_connection(self) -> None:
        self._tests += 1
        number, chosen = self._tests, self.chosen()
        self.test_result.setText("Connecting…")

        def work() -> None:  # off the GUI thread: a server may take its time to answer
            try:
                self._answer.ready.emit(number, True, server.check(chosen))
            except server.ServerError as exc:
                self._answer.ready.emit(number, False, str(exc))
            except Exception as exc:  # an answer no server should give
                self._answer.ready.emit(number, False, f"The server cannot be used: {type(exc).__name__}: {exc}")

        threading.Thread(target=work, daemon=True, name="test-connection").start()

    @Slot(int, bool, str)
    def _on_answer(self, number: int, reached: bool, text: str) -> None:
        if number == self._tests:  # an older test's answer, come late, is not shown
            self.test_result.setText(("✔ " if reached else "✘ ") + text)

    def accept(self) -> None:
        self.settings.setValue("history/enabled", "true" if self.history_check.isChecked() else "false")
        self.settings.setValue("model/threads", self.threads_spin.value())
        on_server = self.server_button.isChecked()
        self.settings.setValue("model/source", SERVER if on_server else LOCAL)
        if on_server:
            chosen = self.chosen()
            self.settings.setValue("server/url", chosen.url)
            self.settings.setValue("server/model", chosen.model)
            key = self.key_edit.text()
            if key and not server.store_key(chosen, key):
                _session_keys[chosen.base] = key  # no keyring: for this session, this server only
        super().accept()
