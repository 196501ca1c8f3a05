"""Models from the hub, against a local server that answers as the hub does; and what a GGUF
file says about itself."""

import subprocess
import sys

import pytest

from desktop.core.model import gguf, hub
from desktop.core.model import registry as models
from tests.hubserver import FakeHub

REPO_FILE = "someone/Tiny-GGUF/tiny-q4_1.gguf"


@pytest.fixture
def fake_hub(monkeypatch, tmp_path, test_model):
    server = FakeHub()
    server.add(REPO_FILE, test_model.path)
    monkeypatch.setenv("HF_ENDPOINT", server.url)
    monkeypatch.setenv("NEUTRAL_BRIEF_MODELS_DIR", str(tmp_path / "models"))
    yield server
    server.close()


def test_a_hub_file_is_downloaded_paused_resumed_and_verified(fake_hub, test_model):
    fake_hub.delay = 0.02
    target = hub.HubFile.parse(REPO_FILE)
    seen = []
    with pytest.raises(hub.Paused):
        hub.download(target, lambda done, total: seen.append(done), lambda: len(seen) > 5)
    assert target.partial.is_file() and not target.path.exists()
    paused_at = target.partial.stat().st_size
    assert 0 < paused_at < test_model.path.stat().st_size

    fake_hub.delay = 0
    path = hub.download(target, lambda done, total: seen.append(done))
    assert fake_hub.ranges == [f"bytes={paused_at}-"]  # it went on from where it paused
    assert path == target.path and not target.partial.exists()
    assert models.file_sha256(path) == test_model.sha256
    assert models.resolve(str(path)).sha256 == test_model.sha256  # usable as a model file
    again = []
    assert hub.download(target, lambda done, total: again.append(done)) == path and len(again) == 1  # already there


def test_a_broken_connection_keeps_what_came_and_the_next_download_goes_on(fake_hub, test_model):
    target = hub.HubFile.parse(REPO_FILE)
    fake_hub.cut_at = 3 << 20
    with pytest.raises(models.ModelError, match="connection ended at 3 of"):
        hub.download(target)
    assert target.partial.stat().st_size == 3 << 20
    assert hub.download(target) == target.path and fake_hub.ranges == [f"bytes={3 << 20}-"]
    assert models.file_sha256(target.path) == test_model.sha256


def test_a_partial_file_already_whole_is_verified_without_asking_for_more(fake_hub, test_model):
    target = hub.HubFile.parse(REPO_FILE)
    target.partial.parent.mkdir(parents=True)
    target.partial.write_bytes(test_model.path.read_bytes())  # paused just after the last piece
    assert hub.download(target) == target.path and fake_hub.ranges == []


def test_a_file_that_is_not_what_the_hub_describes_is_deleted_not_used(fake_hub):
    fake_hub.corrupt.add(REPO_FILE)
    target = hub.HubFile.parse(REPO_FILE)
    with pytest.raises(models.ModelError, match="not the one the hub describes"):
        hub.download(target)
    assert not target.path.exists() and not target.partial.exists()


def test_the_hubs_refusals_and_silence_are_said_plainly(fake_hub, monkeypatch):
    fake_hub.add("someone/Gated-GGUF/gated.gguf", b"GGUF" + bytes(100))
    fake_hub.gated.add("someone/Gated-GGUF/gated.gguf")
    with pytest.raises(models.ModelError, match="gated"):
        hub.download(hub.HubFile.parse("someone/Gated-GGUF/gated.gguf"))
    with pytest.raises(models.ModelError, match="no such file"):
        hub.download(hub.HubFile.parse("someone/Tiny-GGUF/missing.gguf"))
    with pytest.raises(models.ModelError, match="OWNER/REPO/FILE.gguf"):
        hub.HubFile.parse("not a model")
    fake_hub.close()
    with pytest.raises(models.ModelError, match="cannot be reached"):
        hub.download(hub.HubFile.parse(REPO_FILE))


def test_models_fetch_takes_a_hub_file_and_info_reads_it(fake_hub, tmp_path):
    result = subprocess.run([sys.executable, "-m", "desktop", "models", "fetch", REPO_FILE],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    path = tmp_path / "models" / "tiny-q4_1.gguf"
    assert result.stdout.strip() == str(path) and path.is_file()
    info = subprocess.run([sys.executable, "-m", "desktop", "models", "info", path],
                          capture_output=True, text=True, timeout=60)
    assert info.returncode == 0, info.stderr
    assert "Architecture: llama" in info.stdout and "Chat template: yes" in info.stdout
    bad = subprocess.run([sys.executable, "-m", "desktop", "models", "fetch", "someone/Tiny-GGUF/missing.gguf"],
                         capture_output=True, text=True, timeout=60)
    assert bad.returncode == 3 and "no such file" in bad.stderr


def test_a_gguf_header_tells_architecture_size_quantization_context_and_template(test_model, tmp_path):
    info = gguf.read_info(test_model.path)
    assert info.architecture == "llama" and info.quantization == "Q4_1"
    assert info.context_length == 8192 and info.chat_template and info.version == 3
    assert info.tensors > 0
    import struct

    # One key whose array of 10^9 floats runs past the end of the file.
    runs_past = (b"GGUF" + struct.pack("<IQQ", 3, 0, 1) + struct.pack("<Q", 3) + b"key"
                 + struct.pack("<IIQ", 9, 6, 10 ** 9))
    for broken in (b"", b"GGUF", b"GGUF\x03\x00\x00\x00" + bytes(7), b"PK\x03\x04" + bytes(100),
                   test_model.path.read_bytes()[:5000], runs_past):
        path = tmp_path / "broken.gguf"
        path.write_bytes(broken)
        with pytest.raises(gguf.GGUFError):
            gguf.read_info(path)
