"""Starting the window."""

from __future__ import annotations

import sys

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from desktop import APP_NAME
from desktop.core.desktop_entry import APP_ID, ICON_SOURCE


def run() -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName(APP_ID)
    app.setApplicationDisplayName(APP_NAME)
    app.setOrganizationName(APP_ID)
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(QIcon(str(ICON_SOURCE)))
    from desktop.ui.main_window import MainWindow  # after QApplication: widgets need it

    window = MainWindow()
    window.show()
    return app.exec()
