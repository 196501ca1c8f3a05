"""The second pass with the real test model: made-up key points go, loaded modifiers go,
a rewrite is kept only when it is better."""

import pytest

from desktop.core import faithfulness
from desktop.core.llm import LocalModel
from desktop.core.evidence import EvidenceFinder
from desktop.core.neutralize import _better, _make_room, _repeats_a_quote, neutralize, problems
from desktop.core.summary import parse

ARTICLE = (
    "The town council of Port Alder voted 6 to 3 on Thursday to build a new road bridge across "
    "the harbor. The bridge will be 480 metres long and is expected to cost 92 million dollars. "
    "Mayor Lena Ortiz said the bridge would cut the drive to the regional hospital by 25 minutes. "
    "Fishermen's association chair Tomas Berg said the construction would disturb the shellfish beds."
)


@pytest.fixture(scope="module")
def model(test_model):
    return LocalModel(test_model.path)


def test_made_up_points_go_and_loaded_modifiers_are_dropped(model):
    answer = ("Title: Port Alder approves a massive bridge\n"
              "Summary: The council voted 6 to 3 to build a massive bridge across the harbor.\n"
              "Key points:\n"
              "- The bridge will be 480 metres long.\n"
              "- Mayor Lena Ortiz said the bridge would cut the drive to the hospital by 25 minutes.\n"
              "- Tomas Berg said the construction would disturb the shellfish beds.\n"
              "- The airport will close for the winter festival.\n")
    events = []
    revised, dropped = neutralize(model, answer, ARTICLE, None, lambda: False,
                                  lambda *e: events.append(e))
    summary = parse(revised)
    assert dropped == 1
    assert not any("airport" in p for p in summary.key_points)
    assert summary.title == "Port Alder approves a bridge"
    assert "massive" not in summary.summary and "a bridge across the harbor" in summary.summary
    assert events == []  # nothing needed the model's rewrite


def test_a_rewrite_must_not_bring_new_names_or_numbers():
    index = faithfulness.ArticleIndex(ARTICLE)
    old = "The bridge caused panic in Port Alder."
    assert _better(old, "The bridge worried people in Port Alder.", index) != old
    assert _better(old, "The bridge worried 400 people in Oslo.", index) == old
    assert _better(old, "The bridge caused panic in Port Alder again.", index) == old  # no better
    assert _better(old, "Here is the rewritten sentence:", index) == old
    assert _better(old, "It happened.", index) == old  # the facts are gone


def test_a_criticism_the_summary_left_out_gets_a_key_point_naming_the_critic(model):
    article = ARTICLE + " The Green Party has criticized the plan as \"a bridge too far\"."
    answer = ("Title: Port Alder approves a bridge\n"
              "Summary: The council voted 6 to 3 to build a bridge across the harbor.\n"
              "Key points:\n"
              "- The bridge will be 480 metres long.\n"
              "- The bridge is expected to cost 92 million dollars.\n"
              "- Mayor Lena Ortiz said the bridge would cut the drive to the hospital by 25 minutes.\n")
    events = []
    revised, dropped = neutralize(model, answer, article, None, lambda: False,
                                  lambda *e: events.append(e))
    points = parse(revised).key_points
    assert dropped == 0 and len(points) == 4
    assert "Green Party" in points[-1]
    critic = article.index("The Green Party")
    assert EvidenceFinder(article).find(points[-1]).spans == ((critic, len(article)),)
    assert events == [("checking", 1, 1)]


def test_a_summary_sentence_that_says_he_without_who_is_flagged():
    index = faithfulness.ArticleIndex(ARTICLE)
    assert any('"He" does not say who' in p for p in problems("He said the bridge would help.", index))
    assert not problems("Mayor Lena Ortiz said the bridge would cut the drive.", index)


def test_a_condition_the_summary_left_out_gets_a_key_point_saying_what_it_asks(model):
    article = (ARTICLE + " Mayor Lena Ortiz would later confirm the plan, adding that the county "
               "would run the bridge in exchange for a toll.")
    answer = ("Title: Port Alder approves a bridge\n"
              "Summary: The council voted 6 to 3 to build a bridge across the harbor.\n"
              "Key points:\n"
              "- The bridge will be 480 metres long.\n"
              "- The bridge is expected to cost 92 million dollars.\n"
              "- Tomas Berg said the construction would disturb the shellfish beds.\n")
    revised, _ = neutralize(model, answer, article, None, lambda: False, lambda *e: None)
    points = parse(revised).key_points
    assert len(points) == 4
    assert points[-1].startswith("Mayor Lena Ortiz") and "toll" in points[-1]
    condition = article.index("Mayor Lena Ortiz would")
    assert (condition, len(article)) in EvidenceFinder(article).find(points[-1]).spans


def test_a_voice_point_pushes_out_the_last_point_that_reports_no_voice():
    article = ARTICLE + " The Green Party has criticized the plan."
    finder = EvidenceFinder(article)
    plain = [f"The bridge will be 480 metres long, point {i}." for i in range(5)]
    critic = "The Green Party has criticized the plan."
    assert _make_room([*plain, critic], 4, article, finder) == [*plain[:3], critic]
    assert _make_room([critic, *plain], 4, article, finder) == [critic, *plain[:3]]


def test_a_key_point_may_not_state_a_quote_as_fact():
    sentence = 'Rubio said: "The deal is a good one for America," and "thanks".'
    assert _repeats_a_quote("Rubio said the deal is a good one for America.", sentence)
    assert not _repeats_a_quote('Rubio said "the deal is a good one for America".', sentence)
    assert not _repeats_a_quote("Rubio praised the deal and said thanks.", sentence)  # short quote
    assert not _repeats_a_quote("Rubio said that the deal is a good one for America.", sentence)
