#!/usr/bin/env python3
"""Set up Neutral Brief from a fresh clone with nothing but Python 3.10+, then run it.

    python3 bootstrap.py          # venv, dependencies, default model; opens the window
    python3 bootstrap.py test     # venv, dependencies, test model; runs all tests

Every step is skipped when already done, so running it again is quick.
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")


def step(message: str) -> None:
    print(f"==> {message}", flush=True)


def run(*cmd, **kwargs) -> None:
    subprocess.run([str(c) for c in cmd], check=True, **kwargs)


def setup(extras: str) -> None:
    if sys.version_info < (3, 10):
        sys.exit("Neutral Brief needs Python 3.10 or newer.")
    if not PYTHON.exists():
        step(f"Creating the virtual environment in {VENV}")
        venv.EnvBuilder(with_pip=True).create(VENV)
    stamp = VENV / f".installed-{extras or 'app'}"
    sources = [ROOT / "pyproject.toml"]
    if not stamp.exists() or any(s.stat().st_mtime > stamp.stat().st_mtime for s in sources):
        step("Installing Neutral Brief and its dependencies (the first time builds llama.cpp: "
             "several minutes)")
        run(PYTHON, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
        run(PYTHON, "-m", "pip", "install", "--quiet", "--editable", f"{ROOT}{extras}")
        stamp.touch()


def main(argv: list[str]) -> int:
    if argv[:1] == ["test"]:
        setup("[test]")
        step("Fetching the test model")
        run(PYTHON, "-m", "desktop", "models", "fetch", "test")
        step("Running the tests")
        env = dict(os.environ)
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        # One test process per CPU (pytest-xdist; tests/conftest.py gives each its own CPU);
        # "-n 0" among the arguments runs them in this one.
        return subprocess.run([str(PYTHON), "-m", "pytest", "-n", "auto", *argv[1:]], cwd=ROOT, env=env).returncode
    if argv:
        sys.exit(__doc__)
    setup("")
    step("Fetching the default model (about 1.1 GB, once)")
    run(PYTHON, "-m", "desktop", "models", "fetch", "default")
    step("Opening Neutral Brief")
    return subprocess.run([str(PYTHON), "-m", "desktop"], cwd=ROOT).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
