"""A freedesktop launcher entry and icon, so the app opens from the menu and by double-click."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

APP_ID = "neutral-brief"
ICON_SOURCE = Path(__file__).resolve().parent.parent / "assets" / "neutral-brief.svg"


def _data_home() -> Path:
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")


def entry_path() -> Path:
    return _data_home() / "applications" / f"{APP_ID}.desktop"


def icon_path() -> Path:
    return _data_home() / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"


# The files it opens (as File > Open does), for the file manager's "Open With".
MIME_TYPES = ("text/plain", "text/markdown", "text/html", "application/xhtml+xml", "application/pdf",
              "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


def exec_argument(argument: str) -> str:
    """An argument of the Exec key as the Desktop Entry spec wants it: in double quotes when
    it has a reserved character, with ", `, $ and \\ escaped inside; % written %%; then, as
    the key's value is a string, each backslash doubled once more."""
    argument = argument.replace("%", "%%")
    if _RESERVED & set(argument):
        argument = '"' + "".join("\\" + c if c in '"`$\\' else c for c in argument) + '"'
    return argument.replace("\\", "\\\\")


def entry_text() -> str:
    # The interpreter of this install, so the entry works from a venv without PATH set up.
    command = " ".join(exec_argument(a) for a in (sys.executable, "-m", "desktop"))
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Name=Neutral Brief\n"
        "GenericName=News Summarizer\n"
        "Comment=Neutral summaries and key points of news articles, on your own computer\n"
        f"Exec={command} %F\n"
        f"MimeType={';'.join(MIME_TYPES)};\n"
        f"Icon={APP_ID}\n"
        "Terminal=false\n"
        "Categories=Office;\n"
        "Keywords=news;summary;article;markdown;\n"
        "StartupWMClass=neutral-brief\n"
    )


def install() -> list[Path]:
    entry, icon = entry_path(), icon_path()
    entry.parent.mkdir(parents=True, exist_ok=True)
    icon.parent.mkdir(parents=True, exist_ok=True)
    entry.write_text(entry_text(), encoding="utf-8")
    shutil.copyfile(ICON_SOURCE, icon)
    return [entry, icon]


def uninstall() -> list[Path]:
    removed = []
    for path in (entry_path(), icon_path()):
        if path.exists():
            path.unlink()
            removed.append(path)
    return removed
