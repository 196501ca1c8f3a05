"""Writing with the local model, piece by piece: words kept out, answers cut back and written
anew, questions asked and taken back, and the article's evaluated state reused."""

import time

import pytest

from desktop.core import pipeline
from desktop.core.input.article import Article
from desktop.core.checks.review import review
from desktop.core.model import RunStats
from desktop.core.model.llama import LocalModel
from desktop.core.model.session import Local
from desktop.core.writing import prompts
from tests.longtext import long_article


@pytest.fixture(scope="module")
def local(test_model):
    return Local(LocalModel(test_model.path))


def write(session, tokens=40):
    for _ in range(tokens):
        piece = session.propose()
        if piece is None or "\n" in piece:
            break
        session.take()
    return session.text


def start(local, article, avoid=frozenset(), quotable=None):
    stats = RunStats()
    return local.session(prompts.summary_prompt(article), stats, time.perf_counter(), lambda: False,
                         avoid, quotable=quotable), stats


def test_a_word_kept_out_is_never_written_outside_quotes(local, article_text):
    free, _ = start(local, article_text)
    words = write(free).lower().split()
    common = max(set(w.strip(".,") for w in words if len(w) > 3), key=words.count)
    kept_out, _ = start(local, article_text, frozenset({common}))
    written = write(kept_out)
    assert common not in [w.strip(".,\"“”").lower() for w in written.split()]


def test_inside_a_quote_only_a_word_a_quote_may_have_is_written(local, article_text):
    def quoted(session) -> list[str]:
        """The words the model writes inside a quote it is made to open."""
        session.feed('Key points:\n- A resident said: "')
        inside = write(session, 25).split('"')[1]
        return [w.strip(".,;:!?“”").lower() for w in inside.split()]

    words = quoted(start(local, article_text)[0])
    common = max((w for w in words if len(w) > 3), key=words.count)
    # Kept out elsewhere, but the article has it: a quote may copy it.
    assert common in quoted(start(local, article_text, frozenset({common}), quotable=frozenset({common}))[0])
    # A word no quote of the article can have is kept out there too.
    assert common not in quoted(start(local, article_text, frozenset({common}), quotable=frozenset())[0])


def test_a_first_word_refused_stays_refused_after_a_space_or_a_quote_mark(local):
    # Numbers are read digit by digit, after a piece that is only a space (" ", "3", " of"),
    # and a title may begin after a quote mark: the refused word is still the value's first.
    article = ("14 people were hurt when a bus hit a wall on Friday. 3 of them are in hospital. "
               "Police said the driver was tired.")

    def first_word(session, mark, avoid):
        session.cut(mark)
        for step in range(8):
            piece = session.propose(avoid if step == 0 else frozenset())
            if piece is None or "\n" in piece:
                break
            session.take()
        return session.text[mark:].split()[0].strip('"“').lower()

    for lead in ("Key points:\n- 14 people were hurt.\n-", 'Title: "'):
        session, _ = start(local, article)
        session.feed(lead)
        mark = len(session.text)
        chosen = first_word(session, mark, frozenset())
        assert first_word(session, mark, frozenset({chosen})) != chosen


def test_cutting_back_and_writing_again_gives_the_same_text(local, article_text):
    session, _ = start(local, article_text)
    first = write(session)
    mark = len(first) // 2
    mark = max(k for k in session._marks if k <= mark)
    session.cut(mark)
    assert session.text == first[:mark]
    assert write(session, 40)[:len(first)] == first


def test_the_article_is_read_once_for_every_prompt_that_begins_with_it(local, article_text):
    start(local, "Another article: the ferry will stop running in May. " * 10)
    first, stats = start(local, article_text)
    assert stats.reused_tokens < stats.passes[0][0] / 2  # the rules only: a new article
    second, stats2 = start(local, article_text)
    assert stats2.prompt_tokens < stats2.passes[0][0] / 5  # the task only
    assert stats2.reused_tokens + stats2.prompt_tokens == stats.passes[0][0]


def test_a_question_about_the_article_reads_it_for_the_summary_too(local, article_text):
    start(local, "Another article: the ferry will stop running in May. " * 10)
    asked = RunStats()
    odds = local.odds(prompts.question_prompt(article_text, prompts.GENRE_QUESTIONS[0][0]), asked, lambda: False)
    assert isinstance(odds, float) and odds == odds  # a number, not NaN
    _, stats = start(local, article_text)
    assert stats.prompt_tokens < stats.passes[0][0] / 5  # the task only: the article was read
    another = RunStats()
    local.odds(prompts.question_prompt(article_text, prompts.GENRE_QUESTIONS[1][0]), another, lambda: False)
    assert another.prompt_tokens < another.passes[0][0] / 5  # the question only
    again = RunStats()  # asked before (the window reads ahead): answered from memory
    assert local.odds(prompts.question_prompt(article_text, prompts.GENRE_QUESTIONS[0][0]), again,
                      lambda: False) == odds
    assert again.prompt_tokens == 0


def test_the_genre_is_asked_about_an_english_article_the_model_reads_whole(local, article_text):
    # As the model's answers were measured: not about a long article's first part, nor about
    # another language; and never where the page said what it is.
    article = Article.build(article_text)
    assert pipeline.genre_question_text(local, article, None) == pipeline.model_text(article).strip()
    assert pipeline.genre_question_text(local, Article.build(long_article(4_000)), None) is None
    french = ("Le conseil de Port Alder a voté jeudi pour un nouveau pont. Le maire a dit que le pont "
              "coûtera cher. Les pêcheurs sont contre. Le vote était serré. La région doit payer. "
              "Le chantier commence en mai. Les travaux dureront deux ans. Le péage sera de deux euros.")
    assert pipeline.genre_question_text(local, Article.build(f"Le pont\n\n{french}"), None) is None
    marked = Article.build(article_text.replace("Harbor town approves", "Opinion: Harbor town approves", 1))
    assert marked.genre.is_opinion and pipeline.genre_question_text(local, marked, None) is None


def ask(model, text, ctx, summary, stats, should_stop=lambda: False, emit=lambda *event: None):
    return pipeline._doubted(model, text, ctx, summary, stats, should_stop, emit)


def test_the_model_is_asked_only_about_sentences_that_join_what_the_article_keeps_apart(test_model, article_text):
    from desktop.core.checks import sentence as checker
    from desktop.core.writing.form import Summary

    article = Article.build(article_text)
    ctx = checker.Context(article)
    joined = "The fishermen's association will pay 60 percent of the cost."  # the state pays it
    told = "The state will pay 60 percent of the cost."
    # (the review reads "… cost. $92 million …" as one sentence: so is it asked)
    summary = Summary("Bridge approved", [told, "$92 million is its cost, and " + joined[0].lower() + joined[1:]],
                      [joined, told])
    text = pipeline.model_text(article)
    asker = Local(LocalModel(test_model.path))  # its answers unmeasured: never asked
    stats = RunStats()
    assert ask(asker, text, ctx, summary, stats) == (set(), True)
    assert stats.prompt_tokens == 0
    # Whatever the model answers, it is asked of the joined sentence alone: under a mark above
    # any answer it is doubted, under one below none, and the other is never asked.
    asker.support_odds = float("inf")
    asked = []
    assert ask(asker, text, ctx, summary, stats, emit=lambda *event: asked.append(event)) == \
        ({joined, summary.summary}, True)
    assert asked == [("checking", 0, 2), ("checking", 1, 2)]  # the window shows how far it is
    assert stats.prompt_tokens > 0
    asker.support_odds = float("-inf")
    assert ask(asker, text, ctx, summary, RunStats()) == (set(), True)
    flagged = review(summary.title, summary.summary, summary.key_points, ctx, doubted={joined, summary.summary})
    assert [(f.part, f.index) for f in flagged.flags if f.kind == "unsupported"] == [("summary", 0), ("point", 0)]


def test_a_stop_while_the_model_is_asked_keeps_the_note_and_the_answers_given(test_model, article_text):
    from desktop.core.checks import sentence as checker
    from desktop.core.writing.form import Summary

    article = Article.build(article_text)
    ctx = checker.Context(article)
    first = "$92 million is its cost, and the fishermen's association will pay 60 percent of it."
    second = "The fishermen's association will pay 60 percent of the cost."
    summary = Summary("Bridge approved", [first], [second])
    asker = Local(LocalModel(test_model.path), support_odds=float("inf"))  # every answer is doubt
    asked = []
    # Stop is pressed as the second question begins: the first answer stands, the note is kept.
    doubted, checked = ask(asker, pipeline.model_text(article), ctx, summary, RunStats(),
                           should_stop=lambda: len(asked) > 1, emit=lambda *event: asked.append(event))
    assert (doubted, checked) == ({first}, False)
