"""Starting the window."""

from __future__ import annotations

import ctypes.util
import os
import sys
from pathlib import Path

from desktop import APP_NAME
from desktop.core.desktop_entry import APP_ID, ICON_SOURCE
from desktop.core.input.fetch import is_link

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


def run(given: list[str] | None = None) -> int:
    """Open the window, with the file or web address `given` (if any) as its article. When
    the app already runs, hand `given` to its window instead and return at once: one model in
    memory, however often it is launched."""
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

    from desktop.core import log
    from desktop.ui.single import SingleInstance

    given = [g if is_link(g) else str(Path(g).resolve()) for g in given or []]
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_ID)
    app.setApplicationDisplayName(APP_NAME)
    app.setOrganizationName(APP_ID)
    app.setDesktopFileName(APP_ID)
    instance = SingleInstance()
    if instance.hand_over(given):
        return 0
    # Listen at once: a launch during the window's start hands over, and waits its turn.
    windows = []
    waiting: list[str] = []
    instance.listen(lambda more: windows[0].bring_forward(more) if windows else waiting.extend(more))
    log.setup()
    app.setWindowIcon(QIcon(str(ICON_SOURCE)))
    from desktop.ui.main_window import MainWindow  # after QApplication: widgets need it

    windows.append(MainWindow())
    windows[0].show()
    windows[0].open_given(given + waiting)
    return app.exec()
