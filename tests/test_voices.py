"""Voices: who criticizes, thanks or says what in an article, and which ones a summary left out."""

from desktop.core.voices import missing, voices

ARTICLE = (
    "The council approved the new harbor bridge on Monday. "
    "Mayor Ana Ruiz thanked the engineers for their work. "
    "Amnesty International has criticized the plan as \"a waste of public money\". "
    "He said the work would start in May. "
    "The bridge will cost 40 million euros."
)


def test_voices_name_who_criticizes_or_thanks_and_skip_pronouns():
    found = [(v.speaker, v.kind) for v in voices(ARTICLE)]
    assert ("Mayor Ana Ruiz", "thanks") in found
    assert ("Amnesty International", "criticism") in found
    assert not any(speaker == "He" for speaker, _ in found)


def test_a_voice_the_summary_reports_is_not_missing():
    written = ["The council approved a new harbor bridge, which will cost 40 million euros.",
               "Amnesty International criticized the plan as \"a waste of public money\"."]
    assert [v.speaker for v in missing(ARTICLE, written)] == ["Mayor Ana Ruiz"]


def test_criticism_comes_before_thanks_and_one_voice_per_speaker():
    written = ["The council approved a new harbor bridge."]
    assert [v.kind for v in missing(ARTICLE, written)] == ["criticism", "thanks"]


def test_a_speaker_after_a_joining_word_is_found_and_small_words_do_not_count_as_naming():
    article = "But the Ministry of Health criticized the plan. The council approved the plan."
    assert [(v.speaker, v.kind) for v in voices(article)] == [("the Ministry of Health", "criticism")]
    written = ["The new plan of the city was criticized."]
    assert [v.speaker for v in missing(article, written)] == ["the Ministry of Health"]


def test_a_condition_is_found_with_what_it_asks_for_and_who_sets_it():
    article = ("The town will sell its old ferry to the county. "
               "Mayor Ana Ruiz would later confirm the sale, adding that it was \"only in exchange "
               "for a fee\". Ruiz said the county agreed.")
    found = [(v.kind, v.speaker, v.opening, v.asks) for v in voices(article)]
    assert ("condition", "Mayor Ana Ruiz", "Mayor Ana Ruiz", "a fee") in found
    assert ("speech", "Ruiz", "Ruiz said", "") in found
    # Left out until a written sentence says what it asks for.
    assert [v.kind for v in missing(article, ["The town will sell its old ferry."])] == ["condition"]
    assert missing(article, ["The town will sell its ferry to the county for a fee."]) == []


def test_an_opening_reports_as_the_article_does():
    article = "After the vote, Amnesty International has criticized the plan. It was cold."
    assert [v.opening for v in voices(article)] == ["Amnesty International has criticized"]
    assert voices("The offer came in exchange for a fee.") == []  # no one named


def test_what_a_condition_asks_for_is_read_whole_wherever_it_stands():
    def asks(sentence):
        return [(v.speaker, v.asks) for v in voices(sentence) if v.kind == "condition"]

    assert asks("Bukele offered to house them for a fee.") == [("Bukele", "a fee")]
    assert asks('Bukele would house them in exchange for "money".') == [("Bukele", "money")]
    assert asks("Bukele would house them in exchange for U.S. aid. It rained.") == [("Bukele", "U.S. aid")]
    assert asks("Smith agreed provided that.") == []  # asks for nothing it can be checked by
    # Not speakers: an opening phrase, a possessive, a name followed by a noun.
    assert asks("In a statement, Bukele agreed to house them in exchange for aid.") == []
    assert asks("Trump's lawyer would drop the case in return for a deal.") == []
    assert asks("The Trump administration accepted it in exchange for aid.") == []


def test_a_condition_is_kept_only_by_a_sentence_saying_what_it_asks_for():
    article = "Mayor Ana Ruiz agreed, in return for a new school, to sell the land."
    assert missing(article, ["Ruiz will sell the land to a new owner. The school opened."])
    assert not missing(article, ["Ruiz will sell the land for a new school."])
