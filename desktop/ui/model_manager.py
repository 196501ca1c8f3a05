"""Model > Manage Models: the models Neutral Brief knows and recommends, each with its size,
the memory it needs and how fast it writes next to the default; download (with pause and
resume), delete, use, and what any GGUF file says about itself."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDialog, QFileDialog, QFormLayout, QHBoxLayout, QInputDialog, QLabel, QMessageBox, QProgressBar,
    QPushButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout,
)

from desktop.core.model import gguf, hub
from desktop.core.model import registry as models

# What a model needs besides its file: the context's cache and llama.cpp's buffers, about.
RUNTIME_BYTES = 400_000_000


@dataclass
class Row:
    """One model of the list: a registry model (`name`) or a file on the hub (`hub`)."""

    title: str
    source: str
    license: str
    name: str = ""  # a registry name
    hub: hub.HubFile | None = None
    local: Path | None = None  # a file in the models folder from elsewhere
    size: int = 0  # 0 while unknown (a hub file before the hub answered)
    why: str = ""
    unreachable: bool = False  # the hub did not answer when asked its size

    @property
    def path(self) -> Path:
        return models.model_path(self.name) if self.name else self.hub.path if self.hub else self.local

    @property
    def choice(self) -> str:
        """What Model > choose takes: the registry name, or the file's path."""
        return self.name or str(self.path)

    @property
    def downloadable(self) -> bool:
        return bool(self.name or self.hub)

    def fetched(self) -> bool:
        return models.is_fetched(self.name) if self.name else self.path.is_file()


def rows() -> list[Row]:
    """The registry's models, the recommended ones on the hub, and the other GGUF files in
    the models folder (those added from the hub before)."""
    out = [Row(s.title, s.source, s.license, name=s.name, size=s.size) for s in models.registry().values()]
    for r in models.recommended():
        out.append(Row(r["title"], f"Hugging Face: {r['hub']}", r["license"], hub=hub.HubFile.parse(r["hub"]),
                       why=r.get("why", "")))
    known = {row.path.name for row in out}
    for path in sorted(models.models_dir().glob("*.gguf")):
        if path.name not in known:
            out.append(Row(path.name, "a file in the models folder", "see where it came from",
                           local=path, size=path.stat().st_size))
    return out


def _gb(size: int) -> str:
    return f"{size / 1e9:.1f} GB"


class _Signals(QObject):
    progress = Signal(str, int, int)  # which row (its choice), done, total
    finished = Signal(str, str)  # which row, "" or what went wrong (or that it paused)
    sized = Signal(str, int)  # which row, its size as the hub states it


class ModelManagerDialog(QDialog):
    use_requested = Signal(str)  # a registry name or a model file's path

    def __init__(self, current: str = "", parent=None):
        super().__init__(parent)
        self.setWindowTitle("Manage Models")
        self.current = current
        self.rows = rows()
        self._pause: dict[str, threading.Event] = {}  # downloads running, by row
        # No parent: the threads hold it, so it outlives a dialog closed while they run.
        self._signals = _Signals()
        self._signals.progress.connect(self._on_progress)
        self._signals.finished.connect(self._on_finished)
        self._signals.sized.connect(self._on_sized)
        self.tree = QTreeWidget()
        self.tree.setAccessibleName("Models")
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels(["Model", "Size", "Memory", "Writes", "State"])
        self.tree.currentItemChanged.connect(self._update)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress = QProgressBar()
        self.progress.setAccessibleName("Download progress")
        self.progress.hide()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.download_button = QPushButton("&Download")
        self.pause_button = QPushButton("&Pause")
        self.delete_button = QPushButton("De&lete")
        self.use_button = QPushButton("&Use")
        self.info_button = QPushButton("&Details…")
        self.info_button.setToolTip("What the model file says about itself")
        self.add_button = QPushButton("Add from the &Hub…")
        self.inspect_button = QPushButton("&Inspect a GGUF File…")
        close = QPushButton("Close")
        for button, slot in ((self.download_button, self.download), (self.pause_button, self.pause),
                             (self.delete_button, self.delete), (self.use_button, self.use),
                             (self.info_button, self.show_info), (self.add_button, self.add_from_hub),
                             (self.inspect_button, self.inspect_file), (close, self.close)):
            button.clicked.connect(slot)
        actions = QHBoxLayout()
        for button in (self.download_button, self.pause_button, self.delete_button, self.use_button,
                       self.info_button):
            actions.addWidget(button)
        actions.addStretch(1)
        more = QHBoxLayout()
        more.addWidget(self.add_button)
        more.addWidget(self.inspect_button)
        more.addStretch(1)
        more.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.detail)
        layout.addLayout(actions)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addLayout(more)
        self.resize(860, 480)
        self._fill()
        self._ask_sizes()

    # -- the list -----------------------------------------------------------------------

    def _fill(self) -> None:
        current = self._row()
        self.tree.clear()
        default = models.spec("default").size
        for row in self.rows:
            item = QTreeWidgetItem(self.tree)
            item.setData(0, Qt.ItemDataRole.UserRole, row.choice)
            self._show_row(item, row, default)
            if current is not None and row.choice == current.choice:
                self.tree.setCurrentItem(item)
        for column in range(self.tree.columnCount()):
            self.tree.resizeColumnToContents(column)
        if self.tree.currentItem() is None:
            self.tree.setCurrentItem(self.tree.topLevelItem(0))

    def _show_row(self, item: QTreeWidgetItem, row: Row, default: int) -> None:
        state = "in use" if row.choice == self.current else "downloading" if row.choice in self._pause else \
            "downloaded" if row.fetched() else "not downloaded (hub not reached)" if row.unreachable else \
            "not downloaded"
        unknown = "?" if row.unreachable else "…"
        # Writing reads the whole file once per token: its time grows with the file's size.
        writes = f"{row.size / default:.1f}× the default's time" if row.size else unknown
        for column, text in enumerate((row.title, _gb(row.size) if row.size else unknown,
                                       _gb(row.size + RUNTIME_BYTES) if row.size else unknown, writes, state)):
            item.setText(column, text)

    def _row(self) -> Row | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        choice = item.data(0, Qt.ItemDataRole.UserRole)
        return next((r for r in self.rows if r.choice == choice), None)

    def _item(self, choice: str) -> QTreeWidgetItem | None:
        for i in range(self.tree.topLevelItemCount()):
            if self.tree.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole) == choice:
                return self.tree.topLevelItem(i)
        return None

    def _ask_sizes(self) -> None:
        """The hub's files' sizes, asked off the GUI thread (nothing shows when offline)."""
        def ask(row: Row) -> None:
            try:
                self._signals.sized.emit(row.choice, hub.remote(row.hub).size)
            except models.ModelError:
                self._signals.sized.emit(row.choice, -1)
        for row in self.rows:
            if row.hub is not None and not row.size:
                threading.Thread(target=ask, args=(row,), daemon=True, name="hub-size").start()

    @Slot(str, int)
    def _on_sized(self, choice: str, size: int) -> None:
        row = next((r for r in self.rows if r.choice == choice), None)
        item = self._item(choice)
        if row is not None and item is not None:
            row.size = max(size, 0)
            row.unreachable = size < 0
            self._show_row(item, row, models.spec("default").size)

    @Slot()
    def _update(self) -> None:
        row = self._row()
        busy = row is not None and row.choice in self._pause
        fetched = row is not None and row.fetched()
        self.download_button.setEnabled(row is not None and row.downloadable and not fetched and not busy)
        self.download_button.setText("&Resume" if row is not None and row.hub and row.hub.partial.is_file()
                                     else "&Download")
        self.pause_button.setEnabled(busy and row.hub is not None)  # a registry fetch resumes by itself
        self.delete_button.setEnabled(fetched and not busy and row.choice != self.current)
        self.use_button.setEnabled(fetched and not busy and row.choice != self.current)
        self.info_button.setEnabled(fetched)
        if row is None:
            self.detail.clear()
            return
        self.detail.setText(f"<b>{row.title}</b> · {row.license} · {row.source}"
                            + (f"<br>{row.why}" if row.why else ""))

    # -- what the user asks -------------------------------------------------------------

    @Slot()
    def download(self) -> None:
        row = self._row()
        if row is None or row.choice in self._pause:
            return
        pause = self._pause[row.choice] = threading.Event()
        signals = self._signals

        def work() -> None:  # off the GUI thread; reports by signal only
            try:
                if row.name:
                    models.fetch(row.name, progress=lambda label, done, total:
                                 signals.progress.emit(row.choice, done, total))
                else:
                    hub.download(row.hub, lambda done, total: signals.progress.emit(row.choice, done, total),
                                 pause.is_set)
            except hub.Paused as exc:
                signals.finished.emit(row.choice, str(exc))
            except models.ModelError as exc:
                signals.finished.emit(row.choice, str(exc))
            except OSError as exc:
                signals.finished.emit(row.choice, f"Cannot write the model file: {exc.strerror or exc}")
            except Exception as exc:  # never a row left "downloading" for good
                signals.finished.emit(row.choice, f"The download failed: {type(exc).__name__}: {exc}")
            else:
                signals.finished.emit(row.choice, "")

        self.status.setText(f"Downloading {row.title}…")
        self.progress.setValue(0)
        self.progress.show()
        threading.Thread(target=work, daemon=True, name="model-download").start()
        self._refresh(row)

    def done(self, result: int) -> None:
        """Closing pauses the downloads (they resume from where they stopped)."""
        for pause in self._pause.values():
            pause.set()
        super().done(result)

    def closeEvent(self, event) -> None:
        for pause in self._pause.values():
            pause.set()
        super().closeEvent(event)

    @Slot()
    def pause(self) -> None:
        row = self._row()
        if row is not None and row.choice in self._pause:
            self._pause[row.choice].set()

    @Slot(str, int, int)
    def _on_progress(self, choice: str, done: int, total: int) -> None:
        row = self._row()
        if row is not None and row.choice == choice:
            self.progress.setMaximum(max(1, total // 1_000_000))
            self.progress.setValue(done // 1_000_000)
            self.progress.setFormat(f"{done / 1e6:,.0f} of {total / 1e6:,.0f} MB")

    @Slot(str, str)
    def _on_finished(self, choice: str, problem: str) -> None:
        self._pause.pop(choice, None)
        row = next(r for r in self.rows if r.choice == choice)
        self.status.setText(problem or f"{row.title} is downloaded and verified: Use makes it the model.")
        if not problem:
            self.progress.hide()
        self._refresh(row)

    def _refresh(self, row: Row) -> None:
        item = self._item(row.choice)
        if item is not None:
            self._show_row(item, row, models.spec("default").size)
        self._update()

    @Slot()
    def delete(self) -> None:
        row = self._row()
        if row is None or not row.fetched() or row.choice == self.current:
            return
        again = " You can download it again." if row.downloadable else ""
        if QMessageBox.question(self, "Delete model?", f"Delete {row.title} ({_gb(row.size)}) from "
                                f"this computer?{again}",
                                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                QMessageBox.StandardButton.No) != QMessageBox.StandardButton.Yes:
            return
        for path in (row.path, row.path.with_name(row.path.name + ".verified")):
            path.unlink(missing_ok=True)
        if row.hub is not None:
            row.hub.partial.unlink(missing_ok=True)
        self.status.setText(f"Deleted {row.title}.")
        self._refresh(row)

    @Slot()
    def use(self) -> None:
        row = self._row()
        if row is not None and row.fetched():
            self.current = row.choice
            self.use_requested.emit(row.choice)
            self._fill()
            self.status.setText(f"{row.title} is the model now.")

    @Slot()
    def show_info(self) -> None:
        row = self._row()
        if row is not None and row.fetched():
            self._show_info(row.path)

    @Slot()
    def inspect_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Inspect a GGUF File", str(Path.home()), "GGUF models (*.gguf)")
        if path:
            self._show_info(Path(path))

    def _show_info(self, path: Path) -> None:
        try:
            info = gguf.read_info(path)
        except (gguf.GGUFError, OSError) as exc:
            QMessageBox.warning(self, "Not a model file", f"{path.name}: {exc}")
            return
        dialog = QDialog(self)
        dialog.setWindowTitle(path.name)
        form = QFormLayout(dialog)
        for label, value in info.lines() + [("File", str(path)), ("Size", _gb(path.stat().st_size))]:
            text = QLabel(value)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(f"{label}:", text)
        close = QPushButton("Close")
        close.clicked.connect(dialog.accept)
        form.addRow(close)
        self.info_dialog = dialog  # for tests and screenshots
        dialog.open()

    @Slot()
    def add_from_hub(self) -> None:
        text, ok = QInputDialog.getText(
            self, "Add a Model from the Hub",
            "The model's repository and GGUF file on the Hugging Face hub (OWNER/REPO/FILE.gguf):")
        if not ok or not text.strip():
            return
        try:
            found = hub.HubFile.parse(text)
        except models.ModelError as exc:
            self.status.setText(str(exc))
            return
        row = next((r for r in self.rows if r.hub == found), None)
        if row is None:
            row = Row(found.file, f"Hugging Face: {found.repo}/{found.file}", "see its page on the hub", hub=found)
            self.rows.append(row)
            self._fill()
            self._ask_sizes()
        self.tree.setCurrentItem(self._item(row.choice))
