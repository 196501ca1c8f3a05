"""The launcher entry: written where desktops look, valid, and removable."""

import configparser
import re
import shutil
import subprocess
import sys

import pytest

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
    assert exec_arguments(section["Exec"]) == [sys.executable, "-m", "desktop", "%F"]
    assert "text/html" in section["MimeType"].split(";") and section["MimeType"].endswith(";")
    assert section["Icon"] == "neutral-brief"
    validator = shutil.which("desktop-file-validate")
    if validator:  # .ci/run installs it; a bare machine still gets the checks above
        check = subprocess.run([validator, str(entry)], capture_output=True, text=True)
        assert check.returncode == 0 and not check.stdout.strip(), check.stdout

    subprocess.run([sys.executable, "-m", "desktop", "install-desktop-entry", "--uninstall"], check=True)
    assert not entry.exists() and not icon.exists()


def exec_arguments(value: str) -> list[str]:
    """The Exec key's arguments, read as the Desktop Entry spec says a launcher reads them:
    the string value's escapes first, then double quotes with \\-escapes inside."""
    value = re.sub(r"\\([\\sntr])", lambda m: {"s": " ", "n": "\n", "t": "\t", "r": "\r"}.get(m[1], m[1]), value)
    arguments, i = [], 0
    while i < len(value):
        if value[i] == " ":
            i += 1
            continue
        if value[i] == '"':
            argument, i = "", i + 1
            while value[i] != '"':
                if value[i] == "\\":
                    i += 1
                argument += value[i]
                i += 1
            i += 1
        else:
            end = value.find(" ", i)
            end = len(value) if end < 0 else end
            argument, i = value[i:end], end
        arguments.append(argument if argument == "%F" else argument.replace("%%", "%"))
    return arguments


@pytest.mark.parametrize("python", ["/opt/my apps/python3", '/home/a"b/$HOME/`x`/back\\slash/100%/python3',
                                    "/usr/bin/python3"])
def test_the_launcher_runs_this_python_whatever_its_path(monkeypatch, python):
    monkeypatch.setattr(sys, "executable", python)
    line = next(l for l in desktop_entry.entry_text().splitlines() if l.startswith("Exec="))
    assert exec_arguments(line[len("Exec="):]) == [python, "-m", "desktop", "%F"]
