"""A runner that stands for the model in tests of menus, panes and files."""

from PySide6.QtCore import QObject, Signal

from desktop.core.engine import Stopped


class FakeRunner(QObject):
    """Stands for the model in tests of menus and panes: it records what it is asked."""

    event = Signal(object)

    def __init__(self):
        super().__init__()
        self.asked = []
        self.configured = []  # (threads, reuse_answers), as the preferences were applied

    def load(self, choice):
        self.asked.append(("load", choice))

    def configure(self, threads, reuse_answers):
        self.configured.append((threads, reuse_answers))

    def unload(self):
        pass

    def read_ahead(self, request, choice, language=None, length=None):
        pass

    def summarize(self, request, choice, language=None, length=None):
        self.asked.append(("summarize", request.text, length.name))

    def stop(self):
        self.event.emit(Stopped())

    def shutdown(self):
        pass
