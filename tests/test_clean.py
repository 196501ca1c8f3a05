"""Page clutter removed, every sentence of the article kept, and the removals reported."""

import re

from desktop.core.input.clean import clean
from tests.conftest import FIXTURES


def sentences(text):
    return {s.strip() for s in re.split(r"\n+|(?<=[.!?\"”])\s+", text) if s.strip()}


HARBOR_ARTICLE = [
    "Harbor town approves bridge plan after heated debate",
    "The town council of Port Alder voted 6 to 3 on Thursday to build a new road bridge across the harbor",
    "The bridge will be 480 metres long and is expected to cost 92 million dollars",
    "Construction is scheduled to begin next spring and to take about three years.",
    "Mayor Lena Ortiz said the vote was \"a turning point for the whole coast\" and that the bridge",
    "Fishermen's association chair Tomas Berg said the construction would disturb",
    "\"They heard us and then did exactly what they planned to do anyway,\" Berg said.",
    "Opposition councillor Rita Haas called the loan a burden for the next generation.",
    "A public hearing on the route is set for May 14.",
]


def test_seed_style_clutter_goes_and_the_article_stays():
    original = (FIXTURES / "article-harbor-bridge.txt").read_text()
    cleaned = clean(original)
    for sentence in HARBOR_ARTICLE:
        assert sentence in cleaned.text
    for clutter in ["ad-image", "ADVERTISEMENT", "Image: Title", "Opinion", "View All", "bakery", "Heatwave"]:
        assert clutter not in cleaned.text
    assert cleaned.text.count('said the vote was "a turning point for the whole coast."') == 1
    reasons = [r.reason for r in cleaned.removed]
    assert reasons.count("repeated paragraph") == 1
    assert reasons.count("advertisement marker") == 2
    assert reasons.count("image caption or credit") == 1
    assert reasons.count("teasers for other stories") == 6
    assert cleaned.summary == "Removed 10 lines of page clutter."
    assert cleaned.original == original


def test_bylines_dates_and_site_lines_are_taken_out_and_kept_as_metadata():
    cleaned = clean((FIXTURES / "article-water-prices.txt").read_text())
    assert cleaned.byline == "By Anna Lee"
    assert cleaned.published == "Published 10:32 AM EST, March 3, 2026"
    kept = sentences(cleaned.text)
    original_article = sentences("""Water prices to rise 8 percent as utility blames "reckless" drought policy
Residents of Cedar Hill will pay 8 percent more for water from July, the municipal utility announced on Monday, in what opponents called a shameless cash grab.
Utility director Omar Said said the increase would pay for a new pipeline from the river, which is expected to cost 41 million dollars. "We cannot keep patching pipes that are older than most of our customers," Said told reporters.
The consumer group Fair Tap said a typical household would pay about 6 dollars more a month. Its spokesperson, Mia Lund, said the utility had wasted money on consultants and should cut its own costs first.
The city council must approve the new prices at its meeting on April 2. Councillor Ken Oduya said he would vote against the plan unless low-income households got a discount.""")
    assert original_article <= kept  # every sentence of the article
    assert kept <= original_article  # and nothing else
    assert {r.line for r in cleaned.removed} >= {
        "Skip to main content", "Share this article", "Sign up for our morning newsletter",
        "Photo: The Cedar Hill reservoir in February. (Getty Images)", "Advertisement", "Read more",
        "Ferry timetable changes from April"}


def test_an_article_without_clutter_is_left_alone():
    text = "\n\n".join(HARBOR_ARTICLE[1:])
    cleaned = clean(text)
    assert cleaned.text == text
    assert cleaned.removed == [] and cleaned.summary == "No page clutter found."


def test_article_sentences_that_mention_sharing_or_photos_are_kept():
    text = ("The company said it would share the data with regulators by Friday, according to two "
            "people familiar with the plan.\n\nRead more about how the photo agency licensed the "
            "pictures to 40 newspapers and what it earned from them in the first year.\n\n"
            "Related costs rose by 5 percent.")
    assert clean(text).text == text


def test_a_teaser_heading_early_in_the_text_is_not_a_teaser_block():
    text = "Opinion\n\n" + "\n\n".join(HARBOR_ARTICLE[1:])
    assert "A public hearing on the route is set for May 14." in clean(text).text
