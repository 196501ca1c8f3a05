"""Starting the window on a system that lacks what Qt needs: a message naming the packages,
not Qt's own abort."""

import ctypes.util

from desktop.ui import app


def test_missing_x11_libraries_are_named_with_their_packages(monkeypatch, capsys):
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.setattr(ctypes.util, "find_library", lambda name: None if name == "xcb-cursor" else f"lib{name}.so")
    assert app.run() == 1
    message = capsys.readouterr().err
    assert "sudo apt install libxcb-cursor0" in message and "sudo dnf install xcb-util-cursor" in message


def test_nothing_is_missing_offscreen_or_on_wayland(monkeypatch):
    monkeypatch.setattr(ctypes.util, "find_library", lambda name: None)
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert app.missing_system_libraries() == []
    monkeypatch.delenv("QT_QPA_PLATFORM")
    monkeypatch.setenv("WAYLAND_DISPLAY", "wayland-0")
    assert app.missing_system_libraries() == []
