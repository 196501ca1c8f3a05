"""A freedesktop launcher entry and icon, so the app opens from the menu and by double-click."""

from __future__ import annotations

import os
import shlex
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


def entry_text() -> str:
    # The interpreter of this install, so the entry works from a venv without PATH set up.
    command = shlex.join([sys.executable, "-m", "desktop"])
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Name=Neutral Brief\n"
        "GenericName=News Summarizer\n"
        "Comment=Neutral summaries and key points of news articles, on your own computer\n"
        f"Exec={command}\n"
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
