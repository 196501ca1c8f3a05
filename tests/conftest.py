import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _own_cpu() -> None:
    """Under pytest-xdist with no more workers than CPUs, each worker (and every model process
    it starts, which uses as many threads as its CPUs) keeps to a CPU of its own: two models
    of two threads each on two CPUs would spend their time waiting for each other."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    count = int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "0"))
    if not worker.startswith("gw") or not hasattr(os, "sched_setaffinity"):
        return
    cpus = sorted(os.sched_getaffinity(0))
    if 1 < count <= len(cpus):
        # Every count-th CPU from this worker's number (a worker started in place of one that
        # died has the next number: gw2 of two takes gw0's).
        share = cpus[int(worker[2:]) % count::count]
        if share:
            os.sched_setaffinity(0, share)


_own_cpu()

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(autouse=True)
def fresh_cache(tmp_path_factory, monkeypatch):
    """Each test starts with no stored answers, drafts or other cache of the user's or of an
    earlier test, so a summary runs the model unless the test runs it twice itself."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("data")))  # drafts, history
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path_factory.mktemp("state")))  # the log
    monkeypatch.delenv("NEUTRAL_BRIEF_CONTEXT", raising=False)  # a developer's own, exported


@pytest.fixture(autouse=True)
def no_log_left_open():
    """A test that starts the app's log (as the app does) has it closed when it ends, so that
    the next test's log goes to its own folder."""
    import logging

    yield
    root = logging.getLogger("desktop")
    for handler in list(root.handlers):
        root.removeHandler(handler)
        handler.close()


@pytest.fixture(autouse=True)
def no_modal_dialogs(request, monkeypatch):
    """A dialog nobody answers would hang the run: fail instead (tests that expect one patch
    it). Only where Qt is in use already: the core's tests run without it."""
    import sys

    if "PySide6.QtWidgets" not in sys.modules:
        return
    from PySide6.QtWidgets import QMessageBox

    def unexpected(*args, **kwargs):
        raise AssertionError(f"unexpected dialog: {args[1:3]}")

    for name in ("question", "warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, name, unexpected)


@pytest.fixture(scope="session")
def test_model():
    """The small real model; `python3 bootstrap.py test` fetches it before the tests run."""
    from desktop.core.model import registry as models

    try:
        return models.resolve("test")
    except models.ModelError as exc:
        pytest.fail(f"{exc} (python3 bootstrap.py test fetches it)")


@pytest.fixture
def window(qtbot, tmp_path, test_model):
    """The real window, shown, with the test model chosen (and loading in the background)."""
    from PySide6.QtCore import QSettings  # here: the core's tests run without Qt

    from desktop.ui.main_window import MainWindow

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("model/choice", "test")
    w = MainWindow(settings=settings)
    # No "save before closing?" question when the test ends.
    qtbot.addWidget(w, before_close_func=lambda w: w.setWindowModified(False))
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    return w


@pytest.fixture
def menus_window(qtbot, tmp_path):
    """The real window with a fake runner: for menus, panes and files, no model."""
    from PySide6.QtCore import QSettings

    from desktop.ui.main_window import MainWindow
    from tests.fake_runner import FakeRunner

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    w = MainWindow(settings=settings, runner=FakeRunner())
    qtbot.addWidget(w, before_close_func=lambda w: w.setWindowModified(False))
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    return w


def runner_event(qtbot, runner, kind, timeout: int = 300_000):
    """Wait (as a context manager) for the runner to report an event of type `kind`."""
    return qtbot.waitSignal(runner.event, timeout=timeout, check_params_cb=lambda event: isinstance(event, kind))


@pytest.fixture
def article_text() -> str:
    return (FIXTURES / "article-harbor-bridge.txt").read_text(encoding="utf-8")


@pytest.fixture
def long_article_text(article_text) -> str:
    """An article long enough that reading it takes several slices, to stop or kill mid-way."""
    body = article_text.split("Opinion")[0]
    return "\n\n".join([body] * 6)


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_llama_server(model_path, *args):
    """llama-cpp-python's own OpenAI-compatible server with the test model, on 127.0.0.1, as
    tests/llama_server.py runs it: the process and its /v1 URL, once it answers. A new request must not cut the one being
    answered (its default), so that a batch can send several at once."""
    import subprocess
    import sys
    import time
    import urllib.error
    import urllib.request

    port = free_port()
    proc = subprocess.Popen([sys.executable, str(Path(__file__).with_name("llama_server.py")), "--model", str(model_path),
                             "--host", "127.0.0.1", "--port", str(port), "--n_ctx", "4096",
                             "--interrupt_requests", "False", *map(str, args)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/v1"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"llama_cpp.server exited with {proc.returncode}")
        try:
            urllib.request.urlopen(f"{url}/models", timeout=2).close()
            return proc, url
        except urllib.error.HTTPError:
            return proc, url  # it answers (a key is asked for)
        except OSError:
            time.sleep(0.3)
    proc.kill()
    pytest.fail("llama_cpp.server did not start within 120 s")


@pytest.fixture(scope="session")
def llama_server(test_model):
    """The URL of a running llama_cpp.server with the test model."""
    proc, url = start_llama_server(test_model.path)
    yield url
    proc.terminate()
    proc.wait(timeout=10)
