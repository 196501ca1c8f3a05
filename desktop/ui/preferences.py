"""Preferences > Model Source: this computer's model, or one behind an OpenAI-compatible server."""

from __future__ import annotations

import os
import threading

from PySide6.QtCore import QObject, QSettings, Signal, Slot
from PySide6.QtWidgets import (
    QButtonGroup, QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit,
    QPushButton, QRadioButton, QVBoxLayout,
)

from desktop.core.model import server

LOCAL, SERVER = "local", "server"


def model_source(settings: QSettings) -> server.Server | None:
    """The server the settings choose, or None for this computer's model."""
    if settings.value("model/source", LOCAL) != SERVER or not settings.value("server/url"):
        return None
    return server.Server(str(settings.value("server/url")), str(settings.value("server/model", "")))


class _Answer(QObject):
    ready = Signal(bool, str)  # reached, what was found or what went wrong


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
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(source)
        layout.addWidget(self.buttons)
        (self.server_button if settings.value("model/source", LOCAL) == SERVER else self.local_button).setChecked(True)
        self.server_button.toggled.connect(self._update)
        self.url_edit.textChanged.connect(self._update)
        self.test_button.clicked.connect(self.test_connection)
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
        return server.Server(self.url_edit.text().strip(), self.model_edit.text().strip())

    @Slot()
    def test_connection(self) -> None:
        self.test_button.setEnabled(False)
        self.test_result.setText("Connecting…")
        chosen, key = self.chosen(), self.key_edit.text() or None

        def work() -> None:  # off the GUI thread: a server may take its time to answer
            try:
                self._answer.ready.emit(True, server.check(chosen, key))
            except server.ServerError as exc:
                self._answer.ready.emit(False, str(exc))

        threading.Thread(target=work, daemon=True, name="test-connection").start()

    @Slot(bool, str)
    def _on_answer(self, reached: bool, text: str) -> None:
        self.test_result.setText(("✔ " if reached else "✘ ") + text)
        self._update()

    def accept(self) -> None:
        on_server = self.server_button.isChecked()
        self.settings.setValue("model/source", SERVER if on_server else LOCAL)
        if on_server:
            chosen = self.chosen()
            self.settings.setValue("server/url", chosen.url)
            self.settings.setValue("server/model", chosen.model)
            key = self.key_edit.text()
            if key and not server.store_key(chosen, key):
                # No keyring: the key serves this session (its model workers inherit it).
                os.environ[server.KEY_VARIABLE] = key
        super().accept()
