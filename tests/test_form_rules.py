"""The writer's rules that need no model: sentence ends, loops, what a problem calls for,
slice sizes."""

import pytest

from desktop.core.checks.sentence import Problem
from desktop.core.model.session import slice_tokens
from desktop.core.writing.form import LOOP_CHARS, SENTENCE_END, _loops, _verdict


@pytest.mark.parametrize("text, ends", [
    ("He left.", True), ('She said "yes."', True), ("Why?", True), ("(see above).", True),
    ("the U.S.", False), ("Mr.", False), ("Dr.", False), ("Sen.", False), ("Gov.", False),
    ("cost 3", False), ("", False),
])
def test_sentence_end(text, ends):
    assert bool(SENTENCE_END.search(text)) is ends


def test_a_model_going_round_in_circles_is_noticed():
    once = "The council voted to build a bridge across the harbor on Thursday."
    assert not _loops("Summary: " + once, 0)
    assert _loops("Summary: " + once + " " + once[:LOOP_CHARS + 5], 0)


def _problem(kind, fix="", text="x"):
    return Problem(kind, 0, 1, text, "reason", fix)


def test_each_problem_calls_for_its_repair():
    assert _verdict([], 0)[0] == "keep"
    assert _verdict([_problem("loaded")], 0)[0] == "keep"  # kept out while writing, else flagged
    assert _verdict([_problem("attribution", "Mayor Ruiz said")], 0) == ("mend", "Mayor Ruiz said")
    assert _verdict([_problem("unsupported")], 0)[0] == "drop"
    assert _verdict([_problem("opinion", text="reckless")], 0)[0] == "drop"  # no one owns it
    assert _verdict([_problem("dangling", text="He")], 0) == ("again", "")
    # Mended once and still attributed to no one: it goes; a dangling word stays flagged.
    assert _verdict([_problem("attribution", "Mayor Ruiz said")], 2)[0] == "drop"
    assert _verdict([_problem("dangling", text="He")], 2)[0] == "keep"


def test_slices_depend_on_the_model_only():
    assert slice_tokens(1_500_000_000) == 256
    assert slice_tokens(135_000_000) == 512  # capped at the batch size
    assert slice_tokens(70_000_000_000) == 32
