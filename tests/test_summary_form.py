"""Parsing the model's answer form into a summary, and refusing what is not one."""

import pytest

from desktop.core.summary import MalformedOutput, parse


def test_well_formed_answer():
    raw = ("Title: Council approves bridge\nSummary: The council voted 6 to 3 for a bridge. "
           "The mayor welcomed it.\nKey points:\n- The vote was 6 to 3.\n- The bridge costs "
           "92 million dollars.\n- Work starts next spring.")
    s = parse(raw)
    assert s.title == "Council approves bridge"
    assert s.summary.startswith("The council voted 6 to 3")
    assert s.key_points == ["The vote was 6 to 3.", "The bridge costs 92 million dollars.",
                            "Work starts next spring."]
    assert s.notes == []


def test_decorated_labels_and_duplicate_points():
    raw = ("**Title:** Bridge vote\n## Summary\nThe council voted.\n\n**KEY POINTS:**\n"
           "1. The council voted.\n2) The council voted.\n* Fishermen objected.\n- Cost: 92m.")
    s = parse(raw)
    assert s.title == "Bridge vote"
    assert s.summary == "The council voted."
    assert s.key_points == ["The council voted.", "Fishermen objected.", "Cost: 92m."]


def test_too_many_points_are_cut_to_seven_with_a_note():
    raw = "Title: T\nSummary: S.\nKey points:\n" + "\n".join(f"- Point {i}." for i in range(10))
    s = parse(raw)
    assert len(s.key_points) == 7
    assert "first 7 of 10" in s.notes[0]


def test_missing_title_is_mended_and_said():
    s = parse("Summary: The council voted for the bridge. It costs money.\nKey points:\n- A\n- B\n- C")
    assert s.title.startswith("The council voted")
    assert any("no title" in n for n in s.notes)


@pytest.mark.parametrize("raw, reason", [
    ("", "no summary"),
    ("I cannot help with that.", "no summary"),
    ("Title: T\nSummary: \nKey points:\n- A", "no summary"),
    ("Title: T\nSummary: Something happened.\nKey points:\n", "no key points"),
])
def test_malformed_answers_are_refused_with_the_raw_text_kept(raw, reason):
    with pytest.raises(MalformedOutput, match=reason) as info:
        parse(raw)
    assert info.value.raw == raw
