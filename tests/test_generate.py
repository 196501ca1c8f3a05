"""The form writer's rules that need no model: sentence ends, repeats, slice sizes."""

import pytest

from desktop.core.decoding import slice_tokens
from desktop.core.generate import REPEAT_TOKENS, SENTENCE_END, _repeats


@pytest.mark.parametrize("text, ends", [
    ("He left.", True), ('She said "yes."', True), ("Why?", True), ("(see above).", True),
    ("the U.S.", False), ("Mr.", False), ("Dr.", False), ("Sen.", False), ("Gov.", False),
    ("cost 3", False), ("", False),
])
def test_sentence_end(text, ends):
    assert bool(SENTENCE_END.search(text)) is ends


def test_a_repeated_run_of_tokens_is_noticed():
    run = list(range(REPEAT_TOKENS))
    assert not _repeats(run)
    assert not _repeats(run + [99] + run[:-1])
    assert _repeats(run + [99] + run)
    assert _repeats([1, 2] * REPEAT_TOKENS)  # a loop of two tokens


def test_slices_depend_on_the_model_only():
    assert slice_tokens(1_500_000_000) == 256
    assert slice_tokens(135_000_000) == 512  # capped at the batch size
    assert slice_tokens(70_000_000_000) == 32
