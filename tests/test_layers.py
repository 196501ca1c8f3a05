"""The core stays free of Qt (checked by import-linter's contracts in pyproject.toml)."""

import shutil
import subprocess
from pathlib import Path


def test_import_contracts_are_kept():
    lint = shutil.which("lint-imports") or str(Path(__file__).parents[1] / ".venv/bin/lint-imports")
    result = subprocess.run([lint], capture_output=True, text=True, cwd=Path(__file__).parents[1])
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout
