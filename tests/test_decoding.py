"""Decoding speed-ups with the real test model: each must leave the answer as it was."""

import time

import pytest

from desktop.core import generate
from desktop.core.decoding import DRAFT_MATCH, Decoder, RunStats
from desktop.core.llm import LocalModel
from desktop.core.neutrality import soften


@pytest.fixture(scope="module")
def model(test_model):
    return LocalModel(test_model.path)


def summarize(model, text, speculative=True):
    readings = []

    def emit(kind, *args):
        if kind == "reading":
            readings.append(args)

    result = generate.summarize(model, soften(text), None, lambda: False, emit, speculative)
    return result, readings


def test_prompt_lookup_writes_the_same_answer_as_plain_decoding(model, article_text):
    model.saved_prefixes = None
    plain, _ = summarize(model, article_text, speculative=False)
    fast, _ = summarize(model, article_text, speculative=True)
    assert fast.answer == plain.answer
    assert plain.stats.drafted_tokens == 0
    assert 0 < fast.stats.accepted_tokens <= fast.stats.drafted_tokens  # drafts were used
    assert fast.stats.generated_tokens == plain.stats.generated_tokens


def test_a_restored_prompt_beginning_gives_the_same_answer_and_honest_progress(model, article_text):
    model.saved_prefixes = None
    cold, cold_readings = summarize(model, article_text)
    model.saved_prefixes = {}
    first, _ = summarize(model, article_text)  # reads all, saves the rules and example
    warm, warm_readings = summarize(model, article_text)
    assert cold.answer == first.answer == warm.answer
    assert first.stats.reused_tokens == 0 and warm.stats.reused_tokens > 0
    prompt = warm.stats.passes[0][0]
    # Progress counts the tokens actually evaluated, up to all of them.
    assert cold_readings[-1] == (prompt, prompt)
    assert warm_readings[-1] == (prompt - warm.stats.reused_tokens,) * 2
    assert [done for done, _ in warm_readings] == sorted(done for done, _ in warm_readings)


def test_rewinding_predicts_what_reading_up_to_there_predicts(model):
    prompt = model.tokenize("The harbor bridge will close for repairs on Monday. The bridge", True)
    decoder = Decoder(model, RunStats(), time.perf_counter(), lambda: False)
    decoder.read(prompt)
    for _ in range(6):
        decoder.accept(decoder.next())
    decoder.rewind(len(prompt))
    after_rewind = decoder.next()
    decoder.read(prompt)
    assert after_rewind == decoder.next()


def test_a_draft_is_what_followed_the_same_tokens_before(model):
    decoder = Decoder(model, RunStats(), time.perf_counter(), lambda: False)
    decoder.tokens = [1, 2, 3, 4, 5, 6, 7, 8, 9] + [10, 11, 12, 13, 14, 15, 16, 17] + [1, 2, 3, 4, 5, 6]
    assert DRAFT_MATCH == 6
    draft = decoder._draft()
    assert draft[:3] == [7, 8, 9]  # what followed 1..6 the first time (up to a line break)
    decoder.tokens = [1, 2, 3, 4, 5, 6, 99]
    decoder._seen, decoder._indexed = {}, 0
    assert decoder._draft() == []  # these last tokens stood nowhere before
