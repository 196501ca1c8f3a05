import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(autouse=True)
def fresh_cache(tmp_path_factory, monkeypatch):
    """Each test starts with no stored answers, drafts or other cache of the user's or of an
    earlier test, so a summary runs the model unless the test runs it twice itself."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("data")))  # drafts


@pytest.fixture(scope="session")
def test_model():
    """The small real model; `python3 bootstrap.py test` fetches it before the tests run."""
    from desktop.core.model import registry as models

    try:
        return models.resolve("test")
    except models.ModelError as exc:
        pytest.fail(f"{exc} (python3 bootstrap.py test fetches it)")


@pytest.fixture
def article_text() -> str:
    return (FIXTURES / "article-harbor-bridge.txt").read_text(encoding="utf-8")


@pytest.fixture
def long_article_text(article_text) -> str:
    """An article long enough that reading it takes several slices, to stop or kill mid-way."""
    body = article_text.split("Opinion")[0]
    return "\n\n".join([body] * 6)
