"""The deterministic checks: loaded wording, attribution, faithfulness, evidence, the note."""

import yaml

from desktop.core import checks, faithfulness, neutrality
from desktop.core.evidence import EvidenceFinder
from desktop.core.models import ModelFile
from desktop.core.note import NoteInfo, render
from desktop.core.summary import Summary

ARTICLE = (
    "El Salvador has offered to accept convicted criminals from the US in its state-of-the-art "
    "mega jail. Rubio said that the US was “profoundly grateful” to President Nayib Bukele. "
    "The jail, known as CECOT, holds up to 40,000 inmates. Bukele won 84 percent of the vote "
    "in a blowout victory in 2024. Amnesty International has criticized the crackdown. "
    "Bukele said the fee would be low for the US but significant for us."
)


def index():
    return faithfulness.ArticleIndex(ARTICLE)


def test_loaded_words_are_found_and_told_copied_from_introduced():
    summary = "El Salvador offered its mega jail after a scathing debate."
    found = {h.text.strip(): neutrality.in_text(h, ARTICLE) for h in neutrality.loaded(summary)}
    assert found == {"mega": True, "scathing": False}


def test_quotes_are_not_the_summary_own_wording():
    assert neutrality.loaded('Bukele called it "a massive, historic win".') == []


def test_soften_drops_modifiers_keeps_hedges_quotes_and_grammar():
    text = ('It is an overwhelming victory in a state-of-the-art mega jail. Massive crowds came. '
            'He seemingly won. Corporate media slammed it. He called it "a massive win".')
    assert neutrality.soften(text) == (
        'It is a victory in a jail. Crowds came. He seemingly won. Media slammed it. '
        'He called it "a massive win".')


def test_soften_leaves_names_nouns_and_facts_alone():
    text = ("Megan Rapinoe scored at the supermarket on Super Tuesday. It was a blowout. "
            "The storm was deadly. He said: ‘It’s a truly massive failure,’ and left.")
    assert neutrality.soften(text) == text


def test_judgements_and_first_person_need_a_speaker():
    flagged = [hit.text for _, _, hit in neutrality.unattributed(
        "The crackdown remains popular. Amnesty said the crackdown was dangerous. "
        "The fee would be low for us. Bukele said the fee would be low for us.")]
    assert flagged == ["popular", "us"]


def test_numbers_in_words_digits_and_percent_match():
    found = faithfulness.check("The jail holds forty thousand inmates; Bukele won 84% in 2024.", index())
    assert [f for f in found if f.kind == "number"] == []
    invented = faithfulness.check("The jail holds 50,000 inmates and two courts.", index())
    assert [f.text for f in invented if f.kind == "number"] == ["50,000", "two"]
    assert faithfulness.number_values("Sixten Jernberg ran the 100 m in Tennessee.") == [(24, 27, 100.0)]


def test_names_allow_aliases_possessives_and_small_misspellings():
    text = "The United States thanked Bukele's government. President Bukelle spoke with Rubio."
    assert [f for f in faithfulness.check(text, index()) if f.kind == "name"] == []
    invented = faithfulness.check("Mr. Rubio will meet Joe Biden in Honduras.", index())
    assert [f.text for f in invented if f.kind == "name"] == ["Joe Biden", "Honduras"]


def test_quotes_must_be_in_the_article():
    found = faithfulness.check('Rubio said the US was “profoundly grateful” and “very happy”.', index())
    assert [f.text for f in found if f.kind == "quote"] == ["“very happy”"]


def test_new_wording_is_flagged_copied_wording_is_not():
    assert faithfulness.new_wording("The jail, known as CECOT, holds up to 40,000 inmates.", index()) == 0
    found = faithfulness.check("The offer is aimed at reducing gang violence in the region.", index())
    assert [f.kind for f in found] == ["wording"]


def test_evidence_links_a_point_to_its_sentence():
    finder = EvidenceFinder(ARTICLE)
    evidence = finder.find("CECOT holds up to 40,000 inmates.")
    assert [ARTICLE[a:b] for a, b in evidence.spans] == [
        "The jail, known as CECOT, holds up to 40,000 inmates."]
    assert not finder.find("Guatemala will build a new airport.").supported


def _summary():
    return Summary(title="El Salvador offers to take US convicts",
                   summary="El Salvador offered its mega jail. The crackdown remains popular.",
                   key_points=["The jail holds up to 40,000 inmates.",
                               "Amnesty International criticized the crackdown.",
                               "Guatemala will build a new airport."])


def test_review_counts_and_note_carries_checks_and_evidence():
    review = checks.review(_summary(), ARTICLE)
    counts = review.counts()
    assert counts["loaded_words_copied"] == 1 and counts["unattributed_judgements"] == 1
    assert counts["unsupported_names"] == 1  # Guatemala
    assert counts["key_points_with_evidence"] == 2 and counts["key_points_without_evidence"] == 1

    info = NoteInfo(model=ModelFile(path=None, label="m", sha256="0" * 64), source_words=60)
    text = render(_summary(), info, review, ARTICLE)
    front = yaml.safe_load(text.split("---\n")[1])
    assert front["checks"]["loaded_words_copied"] == 1
    assert any("mega" in line for line in front["checks"]["flagged"])
    assert "- The jail holds up to 40,000 inmates. [^1]" in text
    assert "[^1]: Article: “The jail, known as CECOT, holds up to 40,000 inmates.”" in text
    assert "- Guatemala will build a new airport. *(no supporting sentence found in the article)*" in text


def test_an_adjective_always_capitalized_is_checked_mid_sentence_but_names_are_not():
    found = [h.text for h in neutrality.find("Police arrested members of the Satanic MS-13 gang.")]
    assert found == ["Satanic"]
    assert neutrality.find("Members of the Radical Party met.") == []


def test_a_year_the_article_lacks_goes_where_the_sentence_stays_whole():
    index = faithfulness.ArticleIndex("Voters in this year's election chose a mayor. In 2019 it rained.")
    drop = faithfulness.without_unsupported_years
    assert drop("Voting in the 2020 Presidential Election", index) == "Voting in the Presidential Election"
    assert drop("Smith won the vote in 2020.", index) == "Smith won the vote."
    assert drop("In 2020, voters chose a mayor.", index) == "Voters chose a mayor."
    assert drop("It rained in 2019.", index) == "It rained in 2019."  # the article has it
    # Where cutting would break the sentence or change what it says, the year stays (flagged).
    for kept in ["Turnout was 2020 voters.", "It was done in 2020 and 2021.",
                 "The 2020 to 2024 period ended.", "In 2020, 2021 and 2022, it rained.",
                 "The law was in force until 2020.", "It cost $5 million in 2020 dollars.",
                 "In 2020, iPhone sales fell."]:
        assert drop(kept, index) == kept
