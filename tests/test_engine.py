"""The engine with the real test model in a real worker process."""

import os
import signal
from dataclasses import replace

import pytest

from desktop.core.checks import sentence as checker
from desktop.core.history import History
from desktop.core.engine import (
    Done, Draft, Engine, Loaded, Loading, ModelLoadFailed, Part, Prepared, Reading, Stopped, WorkerDied,
)
from desktop.core.input.article import Article
from desktop.core.language.text import sentences
from desktop.core.model.registry import ModelFile
from desktop.core.writing.prompts import LENGTHS, STANDARD


@pytest.fixture
def engine():
    e = Engine(reuse_answers=False)  # every run here runs the model; see test_answers_*
    yield e
    e.close()


def run(engine, text, model, language=None, length=LENGTHS["short"]):
    """The events of a summary, short unless told: how the engine runs is tested, not what is
    written, and the test model writes a short one sooner."""
    return list(engine.summarize(Article.build(text), model, language, length))


def test_summarize_streams_and_ends_with_a_parsed_summary(engine, article_text, test_model):
    events = run(engine, article_text, test_model, length=STANDARD)
    kinds = [type(e) for e in events]
    assert kinds[:2] == [Loading, Loaded]
    assert kinds[-1] is Done
    readings = [e for e in events if isinstance(e, Reading)]
    assert readings[-1].done == readings[-1].total  # the whole prompt was read
    assert [r.done for r in readings] == sorted(r.done for r in readings)
    done = events[-1]
    drafts = [e for e in events if isinstance(e, Draft)]
    assert drafts and drafts[-1].title == done.summary.title  # shown while it was written
    assert done.summary.title and done.summary.summary
    assert done.summary.key_points  # the tiny model's points may all be left out but one or two
    # The rules and example were read while the model loaded: progress counts what is left.
    assert done.stats.reused_tokens > 0
    assert readings[-1].total == done.stats.passes[0][0] - done.stats.reused_tokens
    assert done.stats.generated_tokens > 0
    assert 0 < done.stats.first_token_seconds <= done.stats.total_seconds
    assert done.model == test_model
    assert done.result.parts == 1 and done.result.coverage == 1.0
    assert len(done.review.evidence) == len(done.summary.key_points)
    assert not any(isinstance(e, Part) for e in events)


def test_model_stays_loaded_between_runs(engine, article_text, test_model):
    run(engine, article_text, test_model)
    pid = engine.worker_pid
    events = run(engine, article_text, test_model)
    assert not any(isinstance(e, (Loading, Loaded)) for e in events)
    assert engine.worker_pid == pid
    assert isinstance(events[-1], Done)


def test_a_model_whose_reading_is_measured_tells_the_genre_the_page_does_not(engine, article_text,
                                                                            test_model):
    # The test model's answers mean nothing; trusted from any odds, it reads the unsigned
    # report as a blog post, and the note is made as one.
    assert Article.build(article_text).genre.kind == "news report"
    trusting = replace(test_model, genre_odds=-1e9)
    events = run(engine, article_text, trusting)
    done = events[-1]
    assert (done.article.genre.kind, done.result.genre) == ("blog post", done.article.genre)
    assert "model" in done.article.genre.reason
    readings = [e.done for e in events if isinstance(e, Reading)]
    assert readings == sorted(readings)  # the article's reading, told once
    # A model whose reading is not measured is not asked; one that is, three questions more,
    # and the article is read by the first alone.
    plain = run(engine, article_text, test_model)[-1]
    assert plain.article.genre.kind == "news report" and plain.result.genre == plain.article.genre
    assert len(done.stats.passes) == len(plain.stats.passes) + 3
    assert done.stats.prompt_tokens - plain.stats.prompt_tokens < len(article_text.split())
    # Trusted from odds it never reaches, it leaves the report one. Doubting under odds it never
    # reaches, it is asked of each sentence that joins words the article keeps apart, once the
    # note is written, and every one of them is flagged.
    doubting = run(engine, article_text, replace(test_model, genre_odds=1e9, support_odds=1e9))[-1]
    assert doubting.article.genre.kind == "news report" and doubting.summary == plain.summary
    ctx = checker.Context(doubting.article)
    summary = doubting.summary.summary
    told = [("summary", 0, summary[a:b]) for a, b in sentences(summary, doubting.article.dotted)] + \
        [("point", i, p) for i, p in enumerate(doubting.summary.key_points)]
    asked = [(part, i, s) for part, i, s in told if checker.worth_asking(s, part, ctx)]
    # (the genre's three questions too; a sentence asked twice is answered from memory)
    assert len(doubting.stats.passes) == len(plain.stats.passes) + 3 + len({s for *_, s in asked})
    assert {(f.part, f.index) for f in doubting.review.flags if "doubts" in f.reason} == \
        {(part, i) for part, i, _ in asked}


def test_the_genre_questions_are_answered_while_the_article_is_read_ahead(engine, article_text, test_model):
    trusting = replace(test_model, genre_odds=-1e9)
    article = Article.build(article_text)
    assert isinstance(list(engine.prepare(article, trusting))[-1], Prepared)
    done = list(engine.summarize(article, trusting))[-1]
    assert done.article.genre.kind == "blog post"
    assert done.stats.prompt_tokens < 20  # all was read ahead: the summary begins at once


def test_greedy_decoding_is_reproducible(engine, article_text, test_model):
    first = run(engine, article_text, test_model)[-1]
    second = run(engine, article_text, test_model)[-1]
    assert first.summary == second.summary


def test_reused_prompt_state_gives_the_same_answer(article_text, test_model):
    plain = Engine(reuse=False, reuse_answers=False)
    reusing = Engine(reuse_answers=False)
    try:
        without = run(plain, article_text, test_model)[-1]
        run(reusing, "A different article about the harbor. " * 20, test_model)  # state to reuse
        with_reuse = run(reusing, article_text, test_model)[-1]
    finally:
        plain.close()
        reusing.close()
    assert with_reuse.stats.reused_tokens > without.stats.reused_tokens == 0
    assert with_reuse.summary == without.summary


def test_stop_while_reading_ends_the_run_and_the_engine_stays_usable(engine, long_article_text,
                                                                     article_text, test_model):
    events = []
    for event in engine.summarize(Article.build(long_article_text), test_model):
        events.append(event)
        if isinstance(event, Reading):
            engine.cancel()
    assert isinstance(events[-1], Stopped)
    assert not any(isinstance(e, Draft) for e in events)
    assert isinstance(run(engine, article_text, test_model)[-1], Done)


def test_a_killed_worker_is_reported_and_replaced(engine, long_article_text, article_text, test_model):
    with pytest.raises(WorkerDied, match="SIGKILL"):
        for event in engine.summarize(Article.build(long_article_text), test_model):
            if isinstance(event, Reading):
                os.kill(engine.worker_pid, signal.SIGKILL)
    events = run(engine, article_text, test_model)
    assert isinstance(events[0], Loading)  # a fresh worker loads the model again
    assert isinstance(events[-1], Done)


def test_a_segfault_in_the_worker_is_reported(engine, article_text, test_model):
    with pytest.raises(WorkerDied, match="SIGSEGV, a crash in native code"):
        for event in engine.summarize(Article.build(article_text), test_model):
            if isinstance(event, Reading):
                os.kill(engine.worker_pid, signal.SIGSEGV)


def test_a_file_that_is_not_a_model_fails_to_load(engine, tmp_path, article_text):
    fake = tmp_path / "fake.gguf"
    fake.write_bytes(b"GGUF" + os.urandom(4096))
    with pytest.raises(ModelLoadFailed, match="could not load fake.gguf"):
        run(engine, article_text, ModelFile(path=fake, label="fake", sha256="0" * 64))


def test_answers_the_same_text_again_from_the_stored_answer(article_text, test_model):
    first_engine, again = Engine(), Engine()
    try:
        first = run(first_engine, article_text, test_model)[-1]
        events = run(again, article_text, test_model)  # as after a restart of the app
        assert again.worker_pid is None  # no model was started for it
    finally:
        first_engine.close()
        again.close()
    assert [type(e) for e in events] == [Done]
    done = events[0]
    assert done.reused and not first.reused
    assert done.summary == first.summary and done.review == first.review


def test_a_changed_text_or_language_runs_the_model_again(article_text, test_model):
    engine = Engine()
    try:
        run(engine, article_text, test_model)
        edited = run(engine, article_text.replace("weekend", "week", 1), test_model)
        other_language = run(engine, article_text, test_model, "French")
    finally:
        engine.close()
    assert not edited[-1].reused and any(isinstance(e, Reading) for e in edited)
    assert not other_language[-1].reused


def test_an_unreadable_stored_answer_is_computed_again(article_text, test_model):
    engine = Engine()
    try:
        first = run(engine, article_text, test_model)[-1]
        for broken in ["{not json", '{"answer": "Title: x", "stats": {"old": 1}}', '{"answer": null}', "[1, 2]"]:
            with History()._db() as db:
                db.execute("UPDATE answers SET data = ?", (broken,))
            done = run(engine, article_text, test_model)[-1]
            assert isinstance(done, Done) and not done.reused, broken
            assert done.summary == first.summary
        again = run(engine, article_text, test_model)[-1]
    finally:
        engine.close()
    assert again.reused and again.summary == first.summary  # the answer was stored anew
