"""`neutral-brief` as a user runs it: a real subprocess, real files, the real test model."""

import subprocess
import sys

import yaml

from tests.conftest import FIXTURES
from tests.longtext import long_article

ARTICLE = FIXTURES / "article-harbor-bridge.txt"


def cli(*args, env=None):
    return subprocess.run([sys.executable, "-m", "desktop", *map(str, args)],
                          capture_output=True, text=True, env=env, timeout=600)


def test_summarize_writes_a_note(tmp_path, test_model):
    out = tmp_path / "note.md"
    result = cli("summarize", ARTICLE, "-o", out, "--model", "test")
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    _, front, body = out.read_text().split("---\n", 2)
    meta = yaml.safe_load(front)
    assert meta["model"] == "SmolLM2-135M-Instruct (Q4_1)"
    assert meta["model_sha256"] == test_model.sha256
    assert meta["source_words"] > 200
    assert {"title", "created", "prompt_version"} <= set(meta)
    assert "## Summary" in body and "## Key points" in body
    assert meta["genre"] == "news report" and "checks" in meta
    points = [line for line in body.splitlines() if line.startswith("- ")]
    assert len(points) <= 7
    # Fewer than three where the model found too few, or where the summary tells the rest
    # again; never none.
    assert len(points) >= 1
    assert "Read " in result.stderr and "tokens/s" in result.stderr


def test_bad_input_exits_2_with_one_line(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n")
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4\n1 0 obj << /Length 99 /Filter /FlateDecode >> stream\n" + bytes(range(256)))
    for path in (tmp_path / "missing.txt", empty, tmp_path / "picture.png", broken):
        result = cli("summarize", path)
        assert result.returncode == 2, (path, result.stderr)
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and path.name in lines[0], lines  # the file named, nothing else
    result = cli("no-such-command")
    assert result.returncode == 2 and result.stderr.strip()
    result = cli("summarize", empty)
    assert result.stderr.strip().splitlines() == [
        "neutral-brief: empty.txt: there is no text in it to summarize."]


def test_missing_or_broken_model_exits_3(tmp_path):
    import os

    env = dict(os.environ, NEUTRAL_BRIEF_MODELS_DIR=str(tmp_path))
    result = cli("summarize", ARTICLE, "--model", "test", env=env)
    assert result.returncode == 3
    assert "not fetched yet" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    broken = tmp_path / "broken.gguf"
    broken.write_bytes(b"GGUF" + b"\1" * 5000)
    result = cli("summarize", ARTICLE, "--model", broken)
    assert result.returncode == 3
    assert "could not load broken.gguf" in result.stderr


def test_an_output_file_that_would_replace_the_article_is_refused_before_any_work(tmp_path):
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE.read_text())
    result = cli("summarize", article, "-o", article, "--model", "test")
    assert result.returncode == 2 and "would replace the article" in result.stderr
    assert article.read_text() == ARTICLE.read_text()
    result = cli("summarize", article, "-o", tmp_path / "missing" / "note.md", "--model", "test")
    assert result.returncode == 2 and "does not exist" in result.stderr
    assert "Loading" not in result.stderr  # refused before the model ran


def test_models_list_shows_the_registry(test_model):
    result = cli("models", "list")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert any(line.startswith("test ") and "[fetched]" in line for line in lines)
    assert any(line.startswith("default ") for line in lines)


def test_a_long_article_is_read_in_parts_with_progress(tmp_path, test_model, monkeypatch):
    # A context of 2048 tokens holds a short summary's rules and answer and about 700 words of
    # the article: 900 words are read in two parts, as some 3,000 are with the usual 4,096.
    monkeypatch.setenv("NEUTRAL_BRIEF_CONTEXT", "2048")
    long = tmp_path / "long.txt"
    long.write_text(long_article(900))
    out = tmp_path / "long.md"
    # Short summaries: the reading in parts is what is tested.
    result = cli("summarize", long, "-o", out, "--model", "test", "--length", "short")
    assert result.returncode == 0, result.stderr
    meta = yaml.safe_load(out.read_text().split("---\n")[1])
    assert meta["coverage"] == 1.0 and meta["parts"] == 2
    progress = [line for line in result.stderr.splitlines() if line.startswith("Reading ")]
    assert progress == ["Reading part 1 of 2…", "Reading part 2 of 2…", "Reading the parts' summaries…"]
    assert "read in 2 parts" in result.stderr


def test_a_context_size_that_is_no_number_or_too_small_is_said_plainly(test_model, monkeypatch):
    monkeypatch.setenv("NEUTRAL_BRIEF_CONTEXT", "4k")
    result = cli("summarize", ARTICLE, "--model", "test")
    assert result.returncode == 3
    assert "$NEUTRAL_BRIEF_CONTEXT is '4k'" in result.stderr and "Traceback" not in result.stderr
    monkeypatch.setenv("NEUTRAL_BRIEF_CONTEXT", "1024")
    result = cli("summarize", ARTICLE, "--model", "test")
    assert result.returncode == 3
    assert "context holds 1024 tokens" in result.stderr and "or a larger $NEUTRAL_BRIEF_CONTEXT" in result.stderr


def test_clutter_is_removed_and_reported_and_without_an_output_file_the_note_is_printed(test_model):
    # Short summaries where the length is not what is tested: the test model writes them sooner.
    result = cli("summarize", ARTICLE, "--model", test_model.path, "--length", "short")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("---\n") and "## Key points" in result.stdout
    assert "Removed 10 lines of page clutter." in result.stderr
    result = cli("summarize", ARTICLE, "--model", "test", "--length", "short", "--keep-clutter")
    assert result.returncode == 0 and "page clutter" not in result.stderr


def test_formats_and_a_folder_as_output_named_after_the_title(tmp_path, test_model):
    import json

    result = cli("summarize", ARTICLE, "--model", "test", "--length", "short", "--format", "json", "-o", tmp_path)
    assert result.returncode == 0, result.stderr
    [made] = tmp_path.glob("*.json")
    data = json.loads(made.read_text(encoding="utf-8"))
    assert made.name != ".json" and made.stem == made.stem.lower() and " " not in made.name
    assert made.stem.split("-")[0] in data["title"].lower()  # named after its title
    assert data["summary"] and data["genre"] == "news report" and "checks" in data
    assert all(set(p) == {"text", "evidence"} for p in data["key_points"])
    # The tiny test model may find no point the article supports: then it says so.
    assert data["key_points"] or "found no key point" in result.stderr
    article = " ".join(ARTICLE.read_text(encoding="utf-8").split())
    assert all(quote in article for p in data["key_points"] for quote in p["evidence"])  # the article's words
    assert len(data["flags"]) == len(data["checks"]["flagged"])
    assert f"Wrote {made}" in result.stderr
    again = cli("summarize", ARTICLE, "--model", "test", "--length", "short", "--format", "json", "-o", tmp_path)
    assert again.returncode == 0 and len(list(tmp_path.glob("*.json"))) == 2  # the first is kept
    assert (tmp_path / f"{made.stem}-2.json").is_file()

    text = cli("summarize", ARTICLE, "--model", "test", "--length", "short", "--format", "txt")
    assert text.returncode == 0, text.stderr
    assert text.stdout.startswith(data["title"]) and "---" not in text.stdout and "##" not in text.stdout
    assert text.stdout.count("• ") == len(data["key_points"])


def test_version_and_a_file_that_is_neither_file_nor_command(tmp_path):
    from desktop import __version__

    result = cli("--version")
    assert result.returncode == 0 and result.stdout.strip() == f"neutral-brief {__version__}"
    result = cli(tmp_path / "missing.txt")  # would open the window, if it were there
    assert result.returncode == 2 and "missing.txt: no such file, web address or command" in result.stderr


def test_lengths_shape_the_note_and_are_recorded(tmp_path, test_model):
    notes = {}
    for length in ("short", "detailed"):
        out = tmp_path / f"{length}.md"
        result = cli("summarize", ARTICLE, "--model", "test", "--length", length, "-o", out)
        assert result.returncode == 0, result.stderr
        assert "summarized before" not in result.stderr  # another length is another answer
        _, front, body = out.read_text(encoding="utf-8").split("---\n", 2)
        notes[length] = (yaml.safe_load(front), body)
    short_meta, short_body = notes["short"]
    assert short_meta["length"] == "short" and notes["detailed"][0]["length"] == "detailed"
    points = [l for l in short_body.split("## Key points")[1].splitlines() if l.startswith("- ")]
    assert len(points) <= 3
    summary = short_body.split("## Summary")[1].split("## Key points")[0].strip()
    from desktop.core.language.text import sentences

    assert len(sentences(summary)) <= 2
    assert cli("summarize", ARTICLE, "--length", "huge").returncode == 2


def test_stream_prints_the_summary_as_it_is_written_and_the_note_goes_to_its_file(tmp_path, test_model):
    out = tmp_path / "note.md"
    result = cli("summarize", ARTICLE, "--model", "test", "--length", "short", "--stream", "-o", out)
    assert result.returncode == 0, result.stderr
    _, front, body = out.read_text(encoding="utf-8").split("---\n", 2)
    meta = yaml.safe_load(front)
    streamed = result.stdout
    assert streamed.startswith(f"# {meta['title']}\n") and "## Key points" in streamed
    assert streamed.rstrip().endswith(body.split("## Summary")[1].split("## Key points")[0].strip())
    note_points = [l for l in body.split("## Key points")[1].splitlines() if l.startswith("- ")]
    streamed_points = [l for l in streamed.splitlines() if l.startswith("- ")]
    # The streamed points, less those the summary written after them tells again; the note's
    # words are tidied after the stream (a loaded modifier dropped).
    assert 1 <= len(note_points) <= len(streamed_points)
    assert all(any(s.split()[:3] == n.split()[:3] for s in streamed_points) for n in note_points)
