"""The Markdown note: front matter a YAML parser reads, the sections, atomic saving."""

import os
from datetime import datetime, timezone
from pathlib import Path

import pytest
import yaml

from desktop.core.model.registry import ModelFile
from desktop.core.checks.evidence import Evidence
from desktop.core.checks.review import Review
from desktop.core.note.markdown import NoteInfo, readable, render, write_atomic
from desktop.core.writing import prompts
from desktop.core.writing.form import Summary

MODEL = ModelFile(path=Path("/m.gguf"), label="Some Model: 1.5B", sha256="ab" * 32)


def parse_note(text: str):
    assert text.startswith("---\n")
    _, front, body = text.split("---\n", 2)
    return yaml.safe_load(front), body


def test_note_has_front_matter_and_sections():
    s = Summary(title='Vote: "yes" to the bridge', sentences=["One.", "Two."], key_points=["A.", "B.", "C."])
    created = datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone.utc)
    front, body = parse_note(render(s, NoteInfo(MODEL, source_words=321, created=created)))
    assert front == {
        "title": 'Vote: "yes" to the bridge',
        "created": "2026-01-02T03:04:05+00:00",
        "model": "Some Model: 1.5B",
        "model_sha256": "ab" * 32,
        "backend": "local",
        "prompt_version": prompts.PROMPT_VERSION,
        "genre": "news report",
        "length": "standard",
        "source_words": 321,
        "coverage": 1.0,
        "parts": 1,
    }
    assert body.strip().splitlines() == [
        '# Vote: "yes" to the bridge', "", "## Summary", "", "One. Two.", "", "## Key points", "",
        "- A.", "- B.", "- C."]


def test_an_opinion_piece_note_says_whose_views_it_tells():
    s = Summary(title="Rita Haas argues the town needs its bridge",
                sentences=["In an opinion column, Rita Haas argues that the town needs its bridge."],
                key_points=["Haas argues that the council waited too long."])
    front, _ = parse_note(render(s, NoteInfo(MODEL, source_words=500, genre="opinion column",
                                             author="Rita Haas")))
    assert (front["genre"], front["views_of"]) == ("opinion column", "Rita Haas")


def test_a_note_to_read_has_no_front_matter_nor_evidence_footnotes():
    article = "The council met. The bridge opens in May."
    s = Summary(title="Bridge opens in May", sentences=["The bridge opens in May."],
                key_points=["The council met.", "A ferry will run."])
    review = Review(flags=[], evidence=[Evidence(((0, 16),), 1.0, (0, 16)), Evidence((), 0.0)])
    note = render(s, NoteInfo(MODEL, source_words=9), review, article)
    assert "[^1]: Article: “The council met.”" in note
    assert readable(note).strip().splitlines() == [
        "# Bridge opens in May", "", "## Summary", "", "The bridge opens in May.", "", "## Key points", "",
        "- The council met.", "- A ferry will run. *(no supporting sentence found in the article)*"]


def test_atomic_write_replaces_whole_file(tmp_path):
    path = tmp_path / "note.md"
    path.write_text("old note")
    write_atomic(path, "new note\n")
    assert path.read_text() == "new note\n"
    assert os.listdir(tmp_path) == ["note.md"]


def test_failed_write_keeps_the_old_file_and_leaves_no_partial(tmp_path, monkeypatch):
    path = tmp_path / "note.md"
    path.write_text("old note")

    def broken_fsync(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(OSError):
        write_atomic(path, "new note that does not fit")
    assert path.read_text() == "old note"
    assert os.listdir(tmp_path) == ["note.md"]


def test_saving_keeps_the_permissions_of_the_note_and_of_new_files(tmp_path):
    path = tmp_path / "note.md"
    path.write_text("old")
    path.chmod(0o640)
    write_atomic(path, "new")
    assert path.stat().st_mode & 0o777 == 0o640
    umask = os.umask(0o022)
    try:
        write_atomic(tmp_path / "fresh.md", "text")
    finally:
        os.umask(umask)
    assert (tmp_path / "fresh.md").stat().st_mode & 0o777 == 0o644
