"""The launcher entry: written where desktops look, valid, and removable."""

import configparser
import shutil
import subprocess
import sys

from desktop.core import desktop_entry


def test_install_validate_and_uninstall(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    result = subprocess.run([sys.executable, "-m", "desktop", "install-desktop-entry"],
                            capture_output=True, text=True, env={**__import__("os").environ})
    assert result.returncode == 0, result.stderr
    entry = tmp_path / "applications" / "neutral-brief.desktop"
    icon = tmp_path / "icons" / "hicolor" / "scalable" / "apps" / "neutral-brief.svg"
    assert entry.is_file() and icon.read_text().startswith("<svg")
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str
    parser.read(entry)
    section = parser["Desktop Entry"]
    assert section["Type"] == "Application" and section["Name"] == "Neutral Brief"
    assert section["Exec"].split()[:3] == [sys.executable, "-m", "desktop"]
    assert section["Icon"] == "neutral-brief"
    validator = shutil.which("desktop-file-validate")
    if validator:  # .ci/run installs it; a bare machine still gets the checks above
        check = subprocess.run([validator, str(entry)], capture_output=True, text=True)
        assert check.returncode == 0 and not check.stdout.strip(), check.stdout

    subprocess.run([sys.executable, "-m", "desktop", "install-desktop-entry", "--uninstall"], check=True)
    assert not entry.exists() and not icon.exists()


def test_entry_text_quotes_paths_with_spaces(monkeypatch):
    monkeypatch.setattr(sys, "executable", "/opt/my apps/python3")
    assert "Exec='/opt/my apps/python3' -m desktop" in desktop_entry.entry_text()
