"""Starting the window."""

from __future__ import annotations

import ctypes.util
import os
import sys

from desktop import APP_NAME
from desktop.core.desktop_entry import APP_ID, ICON_SOURCE

# What Qt's X11 platform plugin loads besides itself, and the packages that bring it.
XCB_LIBRARIES = {
    "xcb-cursor": ("libxcb-cursor0", "xcb-util-cursor"),
    "xcb-icccm": ("libxcb-icccm4", "xcb-util-wm"),
    "xcb-keysyms": ("libxcb-keysyms1", "xcb-util-keysyms"),
    "xcb-image": ("libxcb-image0", "xcb-util-image"),
    "xcb-render-util": ("libxcb-render-util0", "xcb-util-renderutil"),
    "xkbcommon-x11": ("libxkbcommon-x11-0", "libxkbcommon-x11"),
}


def missing_system_libraries() -> list[tuple[str, str]]:
    """The (Debian/Ubuntu, Fedora) packages Qt needs to open a window on X11 that this system
    lacks; none when Qt will use another platform (Wayland, offscreen)."""
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if not sys.platform.startswith("linux") or platform not in ("", "xcb"):
        return []
    if not platform and (os.environ.get("WAYLAND_DISPLAY") or not os.environ.get("DISPLAY")):
        return []
    return [packages for library, packages in XCB_LIBRARIES.items()
            if ctypes.util.find_library(library) is None]


def run() -> int:
    missing = missing_system_libraries()
    if missing:
        sys.stderr.write(
            f"{APP_NAME} cannot open its window: Qt needs system libraries this computer lacks.\n"
            f"  Debian/Ubuntu: sudo apt install {' '.join(p[0] for p in missing)}\n"
            f"  Fedora:        sudo dnf install {' '.join(p[1] for p in missing)}\n"
            "Then start it again. (The command line works without them: neutral-brief --help.)\n")
        return 1
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

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
